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


# ------------------------------------------------------------------ the one build of a test run

import pytest  # noqa: E402


def _snapshot(root, *dirs):
    out = {}
    for d in dirs:
        for p in sorted((root / d).rglob("*")):
            if p.is_file() and ".ipynb_checkpoints" not in p.parts:
                out[p.relative_to(root).as_posix()] = p.read_bytes()
    return out


@pytest.fixture(scope="session")
def project_build():
    """``parstats build`` of the project in place, once per test run, and what it changed.

    The build is cached: after ``make report`` (as in CI) it executes nothing; otherwise it
    executes the notebooks whose inputs changed, once. The reproducibility, browser and
    notebook tests all use this one build, so that a test run executes each notebook at most
    twice (this build and nbval); under pytest-xdist a lock lets one process build and the
    others find it cached. Returns ``(project, result, changed)``: ``changed`` lists the
    files of ``notebooks/`` and ``figures/`` whose bytes the build changed.
    """
    import fcntl

    from parstats.publishing.build import Project, build

    project = Project.at()
    project.cache_dir.mkdir(parents=True, exist_ok=True)
    # pytest-xdist runs tests in several processes: the first to get here builds, the others
    # wait and then find the build cached (they execute nothing)
    with open(project.cache_dir / "test-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        before = _snapshot(project.root, "notebooks", "figures")
        result = build(project, quiet=True)
        after = _snapshot(project.root, "notebooks", "figures")
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    return project, result, changed
