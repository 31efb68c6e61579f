"""The build when things change or go wrong: code and sources, missing figures, failing notebooks, bad data, the command line, the site index."""
from __future__ import annotations

import html

import os
import re
import shutil
import subprocess
import sys

import nbformat
import pytest

from parstats.publishing.build import BuildError, Project, build
from parstats.publishing.notebooks import canonical_state, clean_notebook, merge_outputs
from buildkit import ROOT, built, make_project, outputs_text, project, run_build, snapshot  # noqa: F401 (fixtures)


def test_changing_code_or_sources_reexecutes(project, tmp_path):
    path = project.notebooks_dir / "01-alpha.ipynb"
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    code[1].source = code[1].source.replace("Tổng:", "Tổng cộng:")
    nbformat.write(nb, path)
    result, _ = run_build(project, site=False)
    assert [r.status for r in result.notebooks] == ["executed", "cached"]
    assert "Tổng cộng: 8" in outputs_text(path)

    src = tmp_path / "src" / "parstats"
    src.mkdir(parents=True)
    (src / "extra.py").write_text("X = 1\n", encoding="utf-8")
    proj2 = Project.at(project.root, src_dir=src)
    result, _ = run_build(proj2, site=False)
    assert [r.status for r in result.notebooks] == ["executed", "executed"]
    result, _ = run_build(proj2, site=False)
    assert [r.status for r in result.notebooks] == ["cached", "cached"]
    (src / "extra.py").write_text("X = 2\n", encoding="utf-8")
    result, _ = run_build(proj2, site=False)
    assert [r.status for r in result.notebooks] == ["executed", "executed"]


def test_a_missing_figure_or_edited_outputs_are_restored(project):
    fig = project.figures_dir / "01-alpha-bars.png"
    good = fig.read_bytes()
    fig.unlink()
    result, _ = run_build(project, site=False)
    assert [r.status for r in result.notebooks] == ["executed", "cached"]
    assert fig.read_bytes() == good
    # outputs cleared by hand: restored from the cache, without executing
    path = project.notebooks_dir / "02-beta.ipynb"
    good_nb = path.read_bytes()
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, path)
    result, _ = run_build(project, site=False)
    assert [r.status for r in result.notebooks] == ["cached", "cached"] and result.notebooks[1].written
    assert path.read_bytes() == good_nb


def test_a_failing_notebook_names_cell_and_exception_and_leaves_outputs_untouched(project):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Hỏng\n\nSổ tay lỗi."),
        # writes a figure (new) and overwrites another (existing) before it fails
        nbformat.v4.new_code_cell("x = 1\n"
                                  "open('../figures/03-broken-half.svg', 'w').write('half')\n"
                                  "open('../figures/00-existing.svg', 'w').write('overwritten')"),
        nbformat.v4.new_markdown_cell("Chia cho không."),
        nbformat.v4.new_code_cell("x / 0"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    project.figures_dir.mkdir(exist_ok=True)
    (project.figures_dir / "00-existing.svg").write_text("committed", encoding="utf-8")
    figures_before = sorted((p.name, p.read_bytes()) for p in project.figures_dir.iterdir())
    broken = project.notebooks_dir / "03-broken.ipynb"
    nbformat.write(nb, broken)
    # beta must run too (its data changed): the build goes on after the failure
    b = project.data_dir / "b.csv"
    b.write_text(b.read_text(encoding="utf-8") + "z,40\n", encoding="utf-8")
    before = snapshot(project.notebooks_dir, project.site_dir)
    result, log = run_build(project)
    assert result.exit_code == 1
    status = {r.name: r.status for r in result.notebooks}
    assert status == {"01-alpha.ipynb": "cached", "02-beta.ipynb": "executed", "03-broken.ipynb": "failed"}
    failure = result.failed[0].failure
    assert (failure.cell, failure.code_cell, failure.ename) == (4, 2, "ZeroDivisionError")
    assert "notebooks/03-broken.ipynb" in log and "cell 4 (code cell 2): ZeroDivisionError: division by zero" in log
    assert "build: 1 executed, 1 cached, 1 failed" in log
    assert snapshot(project.notebooks_dir, project.site_dir) == before
    assert sorted((p.name, p.read_bytes()) for p in project.figures_dir.iterdir()) == figures_before
    assert "2 figure file(s) a failed run had written were restored" in log
    # once fixed, the successful beta run is reused from the cache, not executed again
    nb.cells[3].source = "x / 1"
    nbformat.write(nb, broken)
    result, _ = run_build(project)
    status = {r.name: r.status for r in result.notebooks}
    assert status == {"01-alpha.ipynb": "cached", "02-beta.ipynb": "cached", "03-broken.ipynb": "executed"}
    assert result.exit_code == 0 and result.site.startswith("updated")
    assert (project.site_dir / "03-broken.html").is_file()


def test_site_pages_are_self_contained_and_linked(built):
    project, _, _ = built
    index = (project.site_dir / "index.html").read_text(encoding="utf-8")
    alpha = (project.site_dir / "01-alpha.html").read_text(encoding="utf-8")
    beta = (project.site_dir / "02-beta.html").read_text(encoding="utf-8")
    assert "Báo cáo thử nghiệm" in index and "Ủy ban thử nghiệm" in index
    assert "Sổ tay thử nghiệm đọc bảng a và vẽ một biểu đồ cột." in index  # one-line summary, Markdown stripped
    assert index.count('<img src="data:image/png;base64,') == 1  # the one figure of 01-alpha as a thumbnail
    methods = (project.site_dir / "phuong-phap.html").read_text(encoding="utf-8")
    sha = __import__("hashlib").sha256((project.data_dir / "raw" / "report.md").read_bytes()).hexdigest()
    assert sha in methods and 'href="phuong-phap.html"' in index
    assert 'href="02-beta.html" rel="next"' in alpha and 'href="01-alpha.html" rel="prev"' in beta
    assert 'href="index.html"' in alpha and 'href="01-alpha.html"' in beta  # .ipynb link rewritten
    assert "../figures/" not in beta and 'src="data:image/png;base64,' in beta  # Markdown image embedded
    for text in (index, alpha, beta):
        assert text.startswith('<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">')
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)


def test_canonical_state_ignores_volatile_metadata():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1)", execution_count=1, outputs=[
        nbformat.v4.new_output("stream", name="stdout", text="1"),
        nbformat.v4.new_output("stream", name="stdout", text="\n"),
    ])])
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    a = canonical_state(nb)
    nb.cells[0].metadata["execution"] = {"iopub.execute_input": "2026-11-27T10:00:00Z"}
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.99"}
    assert canonical_state(nb) == a
    clean_notebook(nb)
    assert nb.cells[0].outputs == [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    assert nb.metadata["language_info"] == {"name": "python"}
    # merging new outputs keeps the on-disk Python version (machine-dependent) and never adds one
    on_disk = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1)")])
    on_disk.metadata["language_info"] = {"name": "python", "version": "3.11.2"}
    assert merge_outputs(on_disk, nb).metadata["language_info"] == {"name": "python", "version": "3.11.2"}
    del on_disk.metadata["language_info"]["version"]
    assert "version" not in merge_outputs(on_disk, nb).metadata["language_info"]


def test_build_without_notebooks_or_with_bad_data_fails_clearly(tmp_path):
    with pytest.raises(BuildError, match="no notebook found in notebooks/"):
        build(Project.at(tmp_path), quiet=True)
    project = make_project(tmp_path / "p")
    (project.data_dir / "unknown.csv").write_text("a\n1\n", encoding="utf-8")
    if not (ROOT / "data" / "datapackage.json").is_file():
        pytest.skip("parstats.data has no datapackage yet")
    shutil.rmtree(project.data_dir)
    shutil.copytree(ROOT / "data", project.data_dir)
    (project.data_dir / "unknown.csv").write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"data validation failed: .*unknown\.csv"):
        build(project, quiet=True)
    assert not (project.root / "site").exists()


def test_command_line_exit_codes_and_messages(project):
    env = dict(os.environ, PARSTATS_ROOT=str(project.root))
    ok = subprocess.run([sys.executable, "-m", "parstats.publishing.build", "--jobs", "1", "--no-site", "--no-validate"], env=env,
                        capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    assert "build: 0 executed, 2 cached, 0 failed" in ok.stderr and "\r" not in ok.stderr
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("raise KeyError('thiếu')")]),
                   project.notebooks_dir / "03-broken.ipynb")
    bad = subprocess.run([sys.executable, "-m", "parstats.publishing.build", "--no-site", "--no-validate"], env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1
    assert "notebooks/03-broken.ipynb cell 1 (code cell 1): KeyError: 'thiếu'" in bad.stderr


def test_index_shows_scoreboard_and_audit_briefs(project, monkeypatch):
    from parstats.publishing import site

    from parstats.analysis.findings import index_findings

    monkeypatch.setattr(site, "scoreboard_brief", lambda p: index_findings())
    monkeypatch.setattr(site, "audit_brief", lambda p: {
        "claims": 40, "consistent": 30, "inconsistent": 4, "inconsistent_major": 1, "inconsistent_minor": 3,
        "unverifiable": 6})
    # the small project's notebooks have no analysis module to declare INDEX_SECTION
    monkeypatch.setattr(site, "_page_for", lambda entries, what: entries[0].page)
    shutil.rmtree(project.cache_dir / "site")  # the briefs are cached by their inputs
    site.render_site(project)
    index = (project.site_dir / "index.html").read_text(encoding="utf-8")
    brief = index_findings()
    assert f"<b>{brief['headline']}</b>" in index
    for t in brief["targets"]:  # one row per programme target, its verdict in words
        assert f"<td>{t['sentence']}</td><td>{t['status']}</td>" in index
    assert "Trên " not in index
    assert "<h2>Đề nghị cơ quan soạn thảo xem lại</h2>" in index
    for c in brief["review"]:
        assert f"<td>{html.escape(c['where'])}</td>" in index and html.escape(c["words"], quote=False) in index
    # with the scoreboard, the audit's counts say what was done to each figure
    assert html.escape(brief["tally"]["sentence"], quote=False) in index


def test_nothing_of_one_notebook_leaks_into_the_next(tmp_path):
    """One worker runs both notebooks, one after the other: nothing of the first reaches the second."""
    (tmp_path / "notebooks").mkdir()
    first = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import os, sys, warnings\nimport matplotlib\nleak = 42\nos.environ['PARSTATS_LEAK'] = '1'\n"
        "sys.path.append('/nonexistent')\nwarnings.simplefilter('ignore')\n"
        "matplotlib.rcParams['lines.linewidth'] = 9\nos.chdir('/')"
    )])
    second = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("import os, sys, warnings\nimport matplotlib"),
        nbformat.v4.new_code_cell(
            "print('leak' in globals(), os.environ.get('PARSTATS_LEAK'), '/nonexistent' in sys.path,\n"
            "      matplotlib.rcParams['lines.linewidth'], os.path.basename(os.getcwd()),\n"
            "      ('ignore', None, Warning, None, 0) in warnings.filters)"
        ),
        nbformat.v4.new_code_cell("'last'"),
    ])
    for name, nb in (("01-first.ipynb", first), ("02-second.ipynb", second)):
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, tmp_path / "notebooks" / name)
    result, log = run_build(Project.at(tmp_path), jobs=1, site=False)
    assert result.exit_code == 0, log
    assert log.count("[start]") == 2
    nb = nbformat.read(tmp_path / "notebooks" / "02-second.ipynb", as_version=4)
    import matplotlib

    default_width = matplotlib.rcParamsDefault["lines.linewidth"]
    assert nb.cells[1].outputs[0]["text"] == f"False None False {default_width} notebooks False\n"
    assert [c.execution_count for c in nb.cells] == [1, 2, 3]
    assert nb.cells[2].outputs[0]["execution_count"] == 3
