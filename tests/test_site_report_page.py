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
from parstats.publishing.report_pages import DATA_PAGE, REPORT_PAGE, THRESHOLD_NOTE, row_anchor


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
        assert re.search(r"cột «[^»]+»", explain.get_text()) or THRESHOLD_NOTE in explain.get_text(), \
            explain.get_text()[:80]
        assert explain.select(f'a[href^="{DATA_PAGE}#"]')


def test_target_thresholds_are_noted_as_targets_not_unverifiable(pages):
    """A programme target's threshold («tối thiểu 10%») is not a result: the annotated report
    notes it as the target it is, never as «không kiểm chứng được» (issue 18), the same set the
    index counts as «mức chỉ tiêu đề ra»."""
    from parstats import data
    from parstats.analysis.findings import threshold_claims
    from parstats.report import load_report

    project, report, _ = pages
    audit = audit_path(project.data_dir / "raw" / "bao-cao-so-ket-ctr-09-tu.md")
    thresholds = threshold_claims(audit, load_report(), data.load("targets", data_dir=project.data_dir))
    assert thresholds
    marked = {c for m in report.select("button.mark[data-claims]") for c in m["data-claims"].split()}
    assert not thresholds & marked, sorted(thresholds & marked)
    noted = [report.find(id=m["aria-controls"]).get_text() for m in report.select("button.mark.s-noted")]
    assert sum(THRESHOLD_NOTE in t for t in noted) == len(thresholds)


def test_a_checked_figure_without_a_row_says_so(pages):
    _, report, _ = pages
    loose = [s for s in report.select("span.nolink") if "chưa được trích" in s.get_text()]
    # the report's repeated dates (a period's end, a date cited again) are checked, not curated
    assert loose
    assert all(s.find_parent(class_="explain") is not None for s in loose)


# ----------------------------------------------------------------- issue 18, item 6 (and 9)

def _number(text: str):
    """The figures of a mark's text (``98,45%``, ``334/362``, ``1.752``) as exact numbers."""
    from parstats.numbers import parse_number

    out = set()
    for part in re.findall(r"\d[\d.,]*\d|\d", text):
        try:
            out.add(parse_number(part).value)
        except ValueError:
            pass
    return out


def _cells(tr):
    return {td.get_text(" ", strip=True) for td in tr.find_all("td")}


def test_footnotes_stand_in_the_section_that_cites_them(pages):
    """A footnote printed after the next heading (where a page broke) is cited from the section
    before it: the annotated report names that section (footnote 5: mục II.2.3, not II.2.4)."""
    from parstats.audit.inputs import read_document

    project, report, _ = pages
    raw = project.data_dir / "raw" / "bao-cao-so-ket-ctr-09-tu.md"
    doc = read_document(raw)
    citing = {}
    for n, line in enumerate(doc.text.split("\n"), start=1):
        body = re.sub(r"^\s*<sup>\s*\w+\s*</sup>", "", line)  # a definition's own number aside
        for m in re.finditer(r"<sup>\s*(\d+)\s*</sup>", body):
            citing.setdefault(m.group(1), doc.location(n).section)
    text = report.get_text(" ")
    named = re.findall(r"mục ([IVX][\w.]*), chú thích (\d+)", text)
    assert named
    wrong = sorted({(sec, fn) for sec, fn in named if citing.get(fn) != sec})
    assert wrong == [], wrong


def test_no_page_cites_a_line_of_the_markdown_file(project_build):
    project, result, _ = project_build
    for page in sorted(project.site_dir.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"\(dòng \d+\)", text), page.name


def test_each_mark_links_the_rows_that_hold_its_own_figure(pages):
    """A mark links the data rows that curate that claim: each linked row holds the marked
    figure (not a row that shares a count or a total with the paragraph: 4,5% of the communes
    never links the viên chức «Sơ cấp 295 người» row, 10,7% never «07 đơn vị thuộc huyện»)."""
    _, report, data_page = pages
    rows = {tr["id"]: tr for tr in data_page.select("table.data tr[id]")}
    checked, wrong = 0, []
    for button in report.select("button.mark[data-claims]"):
        figures = _number(button.select_one(".v").get_text())
        explain = report.find(id=button["aria-controls"])
        for a in explain.select(f'a[href^="{DATA_PAGE}#"]'):
            tr = rows[a["href"].split("#", 1)[1]]
            held = set().union(*(_number(c) for c in _cells(tr)))
            checked += 1
            if button.select_one(".v").get_text().count("/") < 2 and not figures & held:
                wrong.append((button.select_one(".v").get_text(), tr["id"]))
    assert checked > 50
    assert wrong == [], wrong[:10]


def test_a_target_threshold_links_the_target_not_an_equal_result(project_build):
    """The 6d target «60%» and the district's actual 60% stand on one line: the target's mark
    links the targets row only, never the row of a result that happens to be equal."""
    from parstats.analysis.report_map import figures_for_span
    from parstats.publishing.report_pages import audited_report

    project, _, _ = project_build
    _, report, _, places, spans = audited_report(project.data_dir)
    at_targets = 0
    for i, f in enumerate(report.findings):
        figs = figures_for_span(spans[i], places) if i in spans else []
        if any(x.table == "targets" and x.field == "target_value" for x in figs):
            at_targets += 1
            assert {x.table for x in figs} == {"targets"}, (f.claim.id, [(x.table, x.row_id) for x in figs])
    assert at_targets >= 5


def test_one_status_per_mark(pages):
    _, report, _ = pages
    statuses = {"(nhất quán)", "(không nhất quán)", "(không kiểm chứng được)"}
    for button in report.select("button.mark[data-claims]"):
        sr = button.select_one(".sr").get_text(strip=True)
        assert sr in statuses, (button.get_text(), sr)
        kind = next(c for c in button["class"] if c.startswith("s-"))
        explain = report.find(id=button["aria-controls"])
        assert all(kind in ex["class"] for ex in explain.select(".ex")), (button.get_text(), kind)
        # the explanation names no second status (334/362: not «nhất quán» and «không kiểm chứng được»)
        heads = {b.get_text(strip=True).lower() for b in explain.select(".ex-head b")}
        assert len(heads & {"nhất quán", "không nhất quán", "không kiểm chứng được"}) <= 1, (button.get_text(), heads)


def test_notebook_links_point_at_an_anchor_of_the_page(pages):
    from bs4 import BeautifulSoup

    project, report, _ = pages
    anchored = [a["href"] for a in report.select('a[href^="0"]') if "#" in a["href"]]
    assert anchored, "a mark links the table (or its row) in the notebook page"
    ids = {}
    for href in set(anchored):
        page, anchor = href.split("#", 1)
        if page not in ids:
            soup = BeautifulSoup((project.site_dir / page).read_text(encoding="utf-8"), "html.parser")
            ids[page] = {t["id"] for t in soup.select("[id]")}
        assert anchor in ids[page], href


def test_the_data_page_flags_each_wrong_figure_with_a_link_to_its_correction(pages):
    """Every inconsistent figure of the report that a curated row holds is shown on the data
    page with its mark (✗), the recomputed value and a link to the claim in the annotated
    report (98,45, 6,91, 79,90 …)."""
    project, report, data_page = pages
    flagged = {f.claim.id: f for f in audit_path(project.data_dir / "raw" / "bao-cao-so-ket-ctr-09-tu.md").flagged}
    expected = set()
    for button in report.select("button.mark.flag"):
        explain = report.find(id=button["aria-controls"])
        for claim in button["data-claims"].split():
            if claim in flagged and explain.select(f'a[href^="{DATA_PAGE}#"]'):
                expected.add(claim)
    assert len(expected) >= 7
    shown = {}
    for td in data_page.select("td.flagged"):
        a = td.select_one(f'a[href^="{REPORT_PAGE}#c-"]')
        assert a is not None and "✗" in a.get_text(), td
        claim = a["href"].split("#c-", 1)[1]
        shown[claim] = td.get_text(" ", strip=True)
    assert expected <= set(shown), sorted(expected - set(shown))
    for claim, text in shown.items():
        f = flagged[claim]
        assert f.recomputed in text, (claim, text)
        assert (f.claim.reported or "").rstrip("%") in text, (claim, text)


def test_pages_show_no_row_id_or_source_code(project_build):
    """A reviewer reads labels, not internals: no row id of data/ («dossiers:tong-…»,
    «btv-bo-nhiem-moi») and no source code («fn6») in the text of a page (anchors and
    attributes aside; file names of downloads are links' text on the methods page)."""
    import csv

    from bs4 import BeautifulSoup

    project, _, _ = project_build
    ids = set()
    for path in project.data_dir.glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            ids |= {r["id"] for r in csv.DictReader(fh) if "-" in r["id"]}
    assert ids
    for page in sorted(project.site_dir.glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup(["script", "style", "pre", "code"]):
            tag.decompose()
        words = set(re.findall(r"[\w:.-]+", soup.get_text(" ")))
        assert not {w for w in words if re.fullmatch(r"fn\d+", w)}, page.name
        leaked = {w for w in words if w in ids or (":" in w and w.split(":", 1)[1] in ids)}
        assert leaked == set(), (page.name, sorted(leaked)[:5])


def test_tables_offered_for_download_read_in_vietnamese(project_build):
    """The tables a reviewer downloads (tai-ve/*.csv, tai-ve/du-lieu/*.csv) carry Vietnamese
    headers and values: no field name and no code of data/ (rank_between, den_nay …); the
    coded originals stay for analysts beside datapackage.json (tai-ve/du-lieu/ma-goc/)."""
    import csv
    import io
    import json

    project, _, _ = project_build
    pkg = json.loads((project.data_dir / "datapackage.json").read_text(encoding="utf-8"))
    names, codes = set(), set()
    for res in pkg["resources"]:
        for f in res["schema"]["fields"]:
            names.add(f["name"])
            codes |= {c for c in f.get("enumLabels", {}) if not c.isdigit()}
        with open(project.data_dir / res["path"], encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):  # periods are codes too ("den_nay", "2021-09/den_nay")
                codes |= {row[k] for k in ("period", "base_period") if re.search(r"[a-z]", row.get(k) or "")}
    assert {"rank_between", "den_nay"} <= codes
    downloads = project.site_dir / "tai-ve"
    files = sorted(downloads.glob("*.csv")) + sorted((downloads / "du-lieu").glob("*.csv"))
    assert len(files) > 20
    for path in files:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        assert not set(rows[0]) & names, (path.name, set(rows[0]) & names)
        cells = {c.strip() for row in rows[1:] for cell in row for c in cell.split(",")}
        assert not cells & codes, (path.name, sorted(cells & codes)[:5])
    coded = downloads / "du-lieu" / "ma-goc"
    assert (coded / "datapackage.json").is_file()
    for res in pkg["resources"]:
        assert (coded / res["path"]).read_bytes() == (project.data_dir / res["path"]).read_bytes()


def test_a_figure_on_the_reviewers_list_says_so_beside_its_check(pages):
    """A figure the reviewer's list asks to correct for another reason than its arithmetic (a
    document number in the Party's form, a share on another measure) is not left at a bare ✓:
    its explanation links the list (issue 18: «Kế hoạch số 90-KH/UBND» marked ✓)."""
    from parstats import data

    project, report, _ = pages
    items = data.load("review_items", data_dir=project.data_dir)
    links = report.select('a[href="index.html#xem-lai"]')
    texts = {a.get_text() for a in links}
    placed = [r for _, r in items.iterrows() if r["kind"] in ("document_form", "measure")]
    assert placed and all(f"Đề nghị xem lại: {r['issue']}" in texts for r in placed)
