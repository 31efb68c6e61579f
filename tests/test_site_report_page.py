"""The site's annotated report (bao-cao.html) and data page (du-lieu.html), read as HTML.

Every curated value of ``data/`` is reachable from the report where it stands: its row on the
data page is linked from a mark of the annotated report, and every such link points at a row
that exists. Every figure the audit flags has its mark. (The browser test opens both pages.)
"""
from __future__ import annotations

import re

import pytest

from parstats.analysis.report_map import curated_figures
from parstats.audit import audit_path
from parstats.publishing.report_pages import DATA_PAGE, REPORT_PAGE, row_anchor


@pytest.fixture(scope="module")
def pages(project_build):
    from bs4 import BeautifulSoup

    project, result, _ = project_build
    assert result.exit_code == 0
    read = lambda name: BeautifulSoup((project.site_dir / name).read_text(encoding="utf-8"), "html.parser")  # noqa: E731
    return project, read(REPORT_PAGE), read(DATA_PAGE)


def test_every_curated_row_is_linked_from_the_report_where_its_value_stands(pages):
    project, report, data_page = pages
    linked = {a["href"].split("#", 1)[1] for a in report.select(f'a[href^="{DATA_PAGE}#"]')}
    rows = {tr["id"] for tr in data_page.select("table.data tr[id]")}
    assert linked and linked <= rows, sorted(linked - rows)[:5]
    wanted = {row_anchor(f.table, f.row_id) for f in curated_figures(project.data_dir)}
    assert wanted - linked == set()


def test_every_flagged_figure_has_its_mark_and_notes_name_their_table(pages):
    project, report, _ = pages
    flagged = audit_path(project.data_dir / "raw" / "bao-cao-so-ket-ctr-09-tu.md").flagged
    marked = {c for m in report.select("button.mark.flag") for c in m["data-claims"].split()}
    assert {f.claim.id for f in flagged} <= marked
    notes = report.select("button.mark.s-noted")
    assert notes, "curated figures that no claim covers are noted"
    for note in notes:
        explain = report.find(id=note["aria-controls"])
        assert re.search(r"cột «[^»]+»", explain.get_text()), explain.get_text()[:80]
        assert explain.select(f'a[href^="{DATA_PAGE}#"]')


def test_a_checked_figure_without_a_row_says_so(pages):
    _, report, _ = pages
    loose = [s for s in report.select("span.nolink") if "chưa được trích" in s.get_text()]
    # the report's repeated dates (a period's end, a date cited again) are checked, not curated
    assert loose
    assert all(s.find_parent(class_="explain") is not None for s in loose)
