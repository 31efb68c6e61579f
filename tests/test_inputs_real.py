"""Real documents (issue 11): Decree 30/2020/NĐ-CP and its Appendix I as published in Word.

Origins and licence in ``tests/fixtures/real/README.md``. The tests assert on properties of what
is read and found, not on figures typed in: every claim is placed in a paragraph or table of the
original, every status is one of the three, and the annotated page marks every placed claim.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from clikit import audit_cli
from parstats.audit import audit_path
from parstats.audit.annotate import locate_marks
from parstats.audit.inputs import read_document
from parstats.markdown import normalize_lines

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
DOCS = sorted(p for p in REAL.iterdir() if p.suffix in (".docx", ".pdf"))
STATUSES = {"consistent", "inconsistent", "unverifiable"}


def test_the_folder_has_documents_and_says_where_each_comes_from():
    assert DOCS
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    for p in DOCS:
        assert p.name in readme


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_reads(path):
    doc = read_document(path)
    assert doc.format == path.suffix[1:]
    assert "Nghị định" in doc.text or "NGHỊ ĐỊNH" in doc.text
    lines = doc.text.split("\n")
    placed = [doc.location(n) for n in range(1, len(lines) + 1) if lines[n - 1].strip()]
    if path.suffix == ".pdf":
        assert all(loc.page is not None for loc in placed)
    else:
        assert any(loc.paragraph is not None for loc in placed)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_audit_finds_placed_claims(path):
    rep = audit_path(path)
    assert rep.findings
    assert {f.status for f in rep.findings} <= STATUSES
    for f in rep.findings:
        loc = rep.location(f)
        if path.suffix == ".pdf":
            assert loc.page is not None, f.claim.id
        else:
            assert loc.paragraph is not None or loc.table is not None, (f.claim.id, loc)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_annotated_page_marks_every_placed_claim(path, tmp_path):
    out = tmp_path / "page.html"
    audit_cli(path, "--format", "html", "-o", out)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    doc, rep = read_document(path), audit_path(path)
    marks = locate_marks(normalize_lines(doc.text).split("\n"), rep.findings)
    placed = {i for m in marks for i in m.findings}
    assert placed == set(range(len(rep.findings)))
    marked = re.findall(r'class="mark s-(?:consistent|inconsistent|unverifiable)[^"]*"[^>]*'
                        r'data-claims="([^"]*)"', page)
    assert len(marked) == len(marks)
    assert sorted(i for ids in marked for i in ids.split()) == \
        sorted(rep.findings[i].claim.id for i in placed)
    assert page.count('class="to-mark"') == len(rep.flagged)
