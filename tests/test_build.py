"""``parstats build`` on a small project in a temporary folder (tests/fixtures/notebooks).

The fixture notebooks: ``01-alpha`` reads ``data/a.csv``, prints the sum of its values and
saves ``figures/01-alpha-bars.png``; ``02-beta`` reads ``data/b.csv`` and shows its row count
and maximum, with the alpha figure and a link to the alpha notebook in its Markdown.
"""
from __future__ import annotations

import json
import re

import nbformat

from parstats.publishing.notebooks import find_notebooks
from buildkit import built, outputs_text, project, run_build, snapshot, values  # noqa: F401 (fixtures)


def test_first_build_executes_everything_and_writes_clean_notebooks(built):
    project, result, log = built
    assert [(r.name, r.status) for r in result.notebooks] == [("01-alpha.ipynb", "executed"), ("02-beta.ipynb", "executed")]
    alpha = project.notebooks_dir / "01-alpha.ipynb"
    beta = project.notebooks_dir / "02-beta.ipynb"
    assert f"Tổng: {sum(values(project.data_dir / 'a.csv'))}" in outputs_text(alpha)
    b = values(project.data_dir / "b.csv")
    assert f"({len(b)}, {max(b)})" in outputs_text(beta)
    for path in (alpha, beta):
        raw = path.read_text(encoding="utf-8")
        nb = json.loads(raw)
        counts = [c["execution_count"] for c in nb["cells"] if c["cell_type"] == "code"]
        assert counts == list(range(1, len(counts) + 1)), path.name
        assert all("execution" not in c["metadata"] for c in nb["cells"]), path.name
        assert "version" not in nb["metadata"]["language_info"]
        assert nb["metadata"]["kernelspec"]["name"] == "python3"
        assert str(project.root) not in raw and "/tmp/" not in raw
        assert raw == nbformat.writes(nbformat.reads(raw, as_version=4)) + "\n"  # Jupyter's own formatting
    assert (project.figures_dir / "01-alpha-bars.png").is_file()
    # progress: a start and a finish line with its time per notebook, a summary, no carriage returns
    assert "\r" not in log
    for name in ("01-alpha.ipynb", "02-beta.ipynb"):
        assert f"[start] {name}" in log
        assert re.search(rf"\[ done\] {re.escape(name)} \d+\.\d s", log)
    assert re.search(r"build: 2 executed, 0 cached, 0 failed in \d+\.\d s; site updated", log)
    assert sorted(p.name for p in project.site_dir.glob("*.html")) == ["01-alpha.html", "02-beta.html", "index.html",
                                                                       "phuong-phap.html"]


def test_data_dependencies_are_the_files_each_notebook_read(built):
    project, _, _ = built
    manifest = json.loads((project.cache_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["notebooks"]["01-alpha.ipynb"]["deps"] == {"files": ["data/a.csv"]}
    assert manifest["notebooks"]["02-beta.ipynb"]["deps"] == {"files": ["data/b.csv"]}
    assert list(manifest["notebooks"]["01-alpha.ipynb"]["outputs"]) == ["figures/01-alpha-bars.png"]


def test_rebuild_with_nothing_changed_executes_nothing_and_touches_no_byte(project):
    before = snapshot(project.notebooks_dir, project.site_dir, project.figures_dir)
    result, log = run_build(project)
    assert [r.status for r in result.notebooks] == ["cached", "cached"]
    assert result.site == "unchanged"
    assert "[start]" not in log and "build: 0 executed, 2 cached, 0 failed" in log
    assert snapshot(project.notebooks_dir, project.site_dir, project.figures_dir) == before


def test_force_reexecutes_all_and_reproduces_the_same_bytes(project):
    before = snapshot(project.notebooks_dir, project.site_dir, project.figures_dir)
    result, _ = run_build(project, force=True)
    assert [r.status for r in result.notebooks] == ["executed", "executed"]
    assert not any(r.written for r in result.notebooks)
    assert result.site.startswith("unchanged")
    after = snapshot(project.notebooks_dir, project.site_dir, project.figures_dir)
    assert {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in before.items()}
    # notebooks and site pages were not even rewritten (same mtime)
    assert {k: v for k, v in after.items() if "figures" not in k} == {k: v for k, v in before.items() if "figures" not in k}
    # pages rendered while notebooks ran equal pages rendered from the notebooks on disk
    from parstats.publishing.site import render_pages

    fresh = render_pages(project, find_notebooks(project.notebooks_dir))
    assert fresh == {p.relative_to(project.site_dir).as_posix(): p.read_bytes()
                     for p in project.site_dir.rglob("*") if p.is_file()}


def test_changing_one_data_file_reexecutes_only_the_notebook_that_reads_it(project):
    b = project.data_dir / "b.csv"
    b.write_text(b.read_text(encoding="utf-8") + "z,40\n", encoding="utf-8")
    alpha_before = (project.notebooks_dir / "01-alpha.ipynb").read_bytes()
    result, _ = run_build(project)
    assert [(r.name, r.status) for r in result.notebooks] == [("01-alpha.ipynb", "cached"), ("02-beta.ipynb", "executed")]
    new = values(b)
    assert f"({len(new)}, {max(new)})" in outputs_text(project.notebooks_dir / "02-beta.ipynb")
    assert result.notebooks[1].written
    assert (project.notebooks_dir / "01-alpha.ipynb").read_bytes() == alpha_before
    assert result.site.startswith("updated")


def test_new_unread_data_file_reexecutes_nothing(project):
    (project.data_dir / "c.csv").write_text("name,value\nq,1\n", encoding="utf-8")
    result, _ = run_build(project, site=False)
    assert [r.status for r in result.notebooks] == ["cached", "cached"]


def test_editing_prose_rerenders_the_site_without_executing(project):
    path = project.notebooks_dir / "02-beta.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].source = nb.cells[1].source.replace("## Kết quả", "## Kết quả chính")
    nbformat.write(nb, path)
    result, _ = run_build(project)
    assert [r.status for r in result.notebooks] == ["cached", "cached"]
    assert result.site.startswith("updated")
    assert "Kết quả chính" in (project.site_dir / "02-beta.html").read_text(encoding="utf-8")
