"""environment.yml (conda) and pyproject.toml must pin the same packages at the same versions."""
import re
import tomllib

import yaml

from parstats.paths import PROJ_ROOT


def _pyproject_pins():
    meta = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(meta["dependencies"])
    for extra in meta.get("optional-dependencies", {}).values():
        specs += extra
    pins = {}
    for spec in specs:
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", spec)
        assert m, f"pyproject.toml: dependency {spec!r} is not pinned exactly (name==version)"
        pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def _conda_pins():
    env = yaml.safe_load((PROJ_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pins = {}
    for dep in env["dependencies"]:
        entries = dep["pip"] if isinstance(dep, dict) else [dep]
        for entry in entries:
            m = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*=?=\s*([^\s=]+)", entry)
            if m and m.group(1) not in ("python",):
                pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def test_same_packages_and_versions():
    py, conda = _pyproject_pins(), _conda_pins()
    assert py == conda, (
        f"only in pyproject.toml: {sorted(set(py) - set(conda))}; "
        f"only in environment.yml: {sorted(set(conda) - set(py))}; "
        f"different versions: {sorted(k for k in set(py) & set(conda) if py[k] != conda[k])}"
    )
