"""The same answer from every format: the home report as Markdown, as Word and as PDF.

The Word file is made from the Markdown (tests/docbuild.py: its paragraphs, headings, footnotes
as Word footnotes) with one table added to both (a Markdown pipe table, a Word table), and the
PDF from the Word file by Debian's LibreOffice in headless mode. The audit must find the same
claims (kind, reported value, numerator, denominator, parts) with the same status and severity
in all three; only their locations differ (line; paragraph; page).

LibreOffice (``soffice``) is needed for the PDF: without it these tests are skipped, except
under ``CI=true`` (.ci/run installs it), where they fail.
"""
from __future__ import annotations

import re
import time
from collections import Counter

import docx
import pytest
from docx.shared import Cm, Pt

from docbuild import docx_to_pdf, markdown_to_docx, soffice_or_skip
from parstats.audit.inputs import read_document
from parstats.audit.results import audit_path
from parstats.paths import RAW_REPORT

#: A constructed table (not in the report) so that the document has one: the 129 district
#: officials of the report by level of training, with the rows adding up to the total. Its
#: "Đại học" share is written 90,69% where 117/129 is 90,70%, so the table holds a flag too.
TABLE = """

## Phụ lục (bảng dựng để kiểm thử)

| Trình độ chuyên môn | Số người |
|---|---|
| Tổng cộng | 129 người |
| Thạc sỹ | 11 người (8,53%) |
| Đại học | 117 người (90,69%) |
| Dưới đại học | 1 người (0,78%) |
"""

#: Text that looks like markup or script: every reader keeps it as text
SCRIPTY = ("Có 27 người, tỷ lệ 13,70% trên tổng số 197 người. <script>alert(1)</script> "
           "<img src=x onerror=alert(2)> javascript:alert(3)")


#: Real texts with tables whose rows add up to a total (tests/audit_eval, see its README)
REAL_WITH_TABLES = ["81306d492a2b2edd.md", "8c916368df07d673.md"]
EVAL_TEXTS = RAW_REPORT.parents[2] / "tests" / "audit_eval" / "texts"


@pytest.fixture(scope="session")
def documents(tmp_path_factory):
    """The home report (+ the table) as .md, .docx and .pdf, two real texts with tables as
    .docx and .pdf, and the script-like text as .docx and .pdf; converted once per test session
    (LibreOffice takes seconds)."""
    soffice_or_skip()
    d = tmp_path_factory.mktemp("formats")
    md = d / "home.md"
    md.write_text(RAW_REPORT.read_text(encoding="utf-8") + TABLE, encoding="utf-8")
    home_docx = markdown_to_docx(md.read_text(encoding="utf-8"), d / "home.docx")
    script = docx.Document()
    script.add_paragraph(SCRIPTY)
    script_docx = d / "script.docx"
    script.save(script_docx)
    # the same report laid out as official documents often are: 14 pt, every paragraph's first
    # line indented, no space between paragraphs (so the PDF reader must find paragraphs from
    # indents and short lines; the table is cut by a page break)
    def indented(document):
        normal = document.styles["Normal"]
        normal.font.size = Pt(14)
        normal.paragraph_format.first_line_indent = Cm(1.27)
        normal.paragraph_format.space_after = Pt(0)

    indented_docx = markdown_to_docx(md.read_text(encoding="utf-8"), d / "indented.docx",
                                     extra=indented)
    real = [markdown_to_docx((EVAL_TEXTS / name).read_text(encoding="utf-8"),
                             d / name.replace(".md", ".docx")) for name in REAL_WITH_TABLES]
    home_pdf, indented_pdf, script_pdf, *real_pdf = docx_to_pdf(
        [home_docx, indented_docx, script_docx, *real], d)
    return {"md": md, "docx": home_docx, "pdf": home_pdf, "indented_pdf": indented_pdf,
            "script_docx": script_docx,
            "script_pdf": script_pdf, "real": dict(zip(REAL_WITH_TABLES, zip(real, real_pdf)))}


def _claims(report) -> Counter:
    return Counter((f.claim.kind, f.claim.reported, f.claim.numerator, f.claim.denominator,
                    f.claim.parts, f.status, f.severity) for f in report.findings)


@pytest.fixture(scope="session")
def audits(documents):
    return {fmt: audit_path(documents[fmt]) for fmt in ("md", "docx", "pdf", "indented_pdf")}


def test_the_word_file_has_footnotes_and_a_table(documents):
    document = docx.Document(str(documents["docx"]))
    assert len(document.tables) == 1
    text = read_document(documents["docx"]).text
    # footnote definitions of the Markdown ("<sup>n</sup> …" at a line's start) and of the text
    # read from Word ("[^n]: …")
    md_notes = set(re.findall(r"(?m)^<sup>(\d+)</sup>", RAW_REPORT.read_text(encoding="utf-8")))
    assert len(md_notes) >= 10
    assert set(re.findall(r"(?m)^\[\^(\d+)\]:", text)) == md_notes


@pytest.mark.parametrize("fmt", ["docx", "pdf", "indented_pdf"])
def test_same_claims_and_statuses_as_markdown(audits, fmt):
    md, other = _claims(audits["md"]), _claims(audits[fmt])
    assert sum(md.values()) > 100
    assert other == md, (f"only in md: {sorted(md - other, key=str)[:5]}; "
                         f"only in {fmt}: {sorted(other - md, key=str)[:5]}")


@pytest.mark.parametrize("name", REAL_WITH_TABLES)
def test_real_texts_with_tables_same_claims(documents, name):
    md = _claims(audit_path(EVAL_TEXTS / name))
    for path in documents["real"][name]:
        rep = audit_path(path)
        assert _claims(rep) == md, path.name
        assert any("row of the table" in (f.claim.denominator_source or "") for f in rep.findings)


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf", "indented_pdf"])
def test_the_table_is_read_as_a_table(audits, fmt):
    tied = [f for f in audits[fmt].findings if f.claim.kind == "ratio"
            and "row of the table" in (f.claim.denominator_source or "")]
    assert sorted(f.claim.numerator for f in tied) == [1, 11, 117]
    assert {f.claim.denominator for f in tied} == {129}
    assert [f.status for f in tied if f.claim.numerator == 117] == ["inconsistent"]
    if fmt != "md":
        locs = [audits[fmt].location(f) for f in tied]
        assert {(loc.table, loc.column_headers) for loc in locs} == {
            (1, ("Trình độ chuyên môn", "Số người"))}  # one table, even when a page cuts it


def test_locations_differ_by_format(audits):
    flagged = {fmt: audits[fmt].flagged for fmt in audits}
    assert len({len(f) for f in flagged.values()}) == 1 and flagged["md"]
    pages = {audits["pdf"].location(f).page for f in audits["pdf"].findings}
    assert None not in pages and len(pages) > 5
    assert all(audits["docx"].location(f).paragraph or audits["docx"].location(f).table
               for f in audits["docx"].findings)
    # the report's own numbering: the flag in "2.5. Xây dựng đội ngũ …" is in section II.2.5 in
    # every format
    for fmt in audits:
        sections = {audits[fmt].location(f).section for f in audits[fmt].flagged}
        assert "II.2.5" in sections, (fmt, sections)


def test_reading_the_word_file_takes_well_under_a_second(documents):
    read_document(documents["docx"])
    t = time.perf_counter()
    read_document(documents["docx"])
    assert time.perf_counter() - t < 1.0


@pytest.mark.parametrize("key", ["script_docx", "script_pdf"])
def test_script_like_text_stays_text(documents, key):
    text = " ".join(read_document(documents[key]).text.split())
    for literal in ("<script>alert(1)</script>", "onerror=alert(2)", "javascript:alert(3)"):
        assert literal in text
