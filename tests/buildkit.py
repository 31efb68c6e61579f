"""What the build tests share: a small fixture project, its build, and helpers to read it.

Imported by ``tests/test_build.py`` and ``tests/test_build_failures.py`` (two files, so that
pytest-xdist can run them on two cores).
"""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import nbformat
import pytest

from parstats.publishing.build import Project, build

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "notebooks"


def make_project(root: Path) -> Project:
    (root / "notebooks").mkdir(parents=True)
    for nb in sorted(FIXTURES.glob("*.ipynb.json")):
        shutil.copy(nb, root / "notebooks" / nb.name.removesuffix(".json"))
    (root / "data" / "raw").mkdir(parents=True)
    (root / "data" / "a.csv").write_text("name,value\nx,3\ny,5\n", encoding="utf-8")
    (root / "data" / "b.csv").write_text("name,value\nu,7\nv,2\nw,4\n", encoding="utf-8")
    (root / "data" / "raw" / "report.md").write_text("## **BÁO CÁO**\n\nNội dung.\n", encoding="utf-8")
    (root / "data" / "raw" / "report.meta.json").write_text(
        json.dumps({"origin": {"title": "Báo cáo thử nghiệm", "issuing_body": "Ủy ban thử nghiệm"}}), encoding="utf-8"
    )
    return Project.at(root)


def snapshot(*dirs: Path) -> dict:
    """{path: (bytes, mtime_ns)} of every file under dirs."""
    out = {}
    for d in dirs:
        for p in sorted(d.rglob("*")):
            if p.is_file():
                out[str(p)] = (p.read_bytes(), p.stat().st_mtime_ns)
    return out


def values(path: Path) -> list[int]:
    with open(path, encoding="utf-8") as fh:
        return [int(r["value"]) for r in csv.DictReader(fh)]


def outputs_text(nb_path: Path) -> str:
    nb = nbformat.read(nb_path, as_version=4)
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", "") + out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def run_build(project: Project, **kw):
    kw.setdefault("validate", False)
    kw.setdefault("jobs", 2)
    lines: list[str] = []

    class Stream:
        def write(self, s):
            lines.append(s)

        def flush(self):
            pass

        def isatty(self):
            return False

    result = build(project, stream=Stream(), **kw)
    return result, "".join(lines)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A fixture project built once; tests copy it before changing anything."""
    project = make_project(tmp_path_factory.mktemp("built"))
    result, log = run_build(project)
    assert result.exit_code == 0, log
    return project, result, log


@pytest.fixture
def project(built, tmp_path):
    src, _, _ = built
    shutil.copytree(src.root, tmp_path / "p", symlinks=True)
    return Project.at(tmp_path / "p")
