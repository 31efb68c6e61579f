"""Shared test settings.

Hypothesis: no per-example deadline (CI machines are shared and a slow example is not a
failure; performance targets live in benchmarks/) and a fixed derandomised profile under
CI so that a run is repeatable.
"""
import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI", "").lower() == "true" else "default")
