"""Test documents in other formats, made from a Markdown text: .docx (python-docx, footnotes
written into a footnotes part with lxml), .pdf (LibreOffice headless from that .docx) and .html.

The .docx is built from the paragraphs the audit's own reader finds in the Markdown
(:func:`parstats.markdown.split_paragraphs`): a paragraph cut by a page break in the Markdown
is one paragraph in Word, as it was in the report before it became a PDF; headings keep their
level (the number of ``#``), footnote markers become Word footnote references and footnote
definitions Word footnotes, pipe tables Word tables.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from lxml import etree

from parstats.audit.tablecells import EDIT_LINK_RE
from parstats.markdown import normalize_lines, split_paragraphs

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
SOFFICE = os.environ.get("PARSTATS_SOFFICE") or shutil.which("soffice") or "/usr/bin/soffice"


def soffice_or_skip() -> str:
    """The LibreOffice binary, or skip (fail under CI=true, where .ci/run installs it)."""
    if Path(SOFFICE).exists():
        return SOFFICE
    missing = (f"{SOFFICE} not found: install Debian's LibreOffice with "
               "`apt-get install libreoffice-writer-nogui fonts-dejavu-core`")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"format test cannot run in CI: {missing}")
    pytest.skip(missing)


def _superscript_run(p_el, ref_tag: str, nid: int | None = None):
    r = etree.SubElement(p_el, qn("w:r"))
    rpr = etree.SubElement(r, qn("w:rPr"))
    va = etree.SubElement(rpr, qn("w:vertAlign"))
    va.set(qn("w:val"), "superscript")
    ref = etree.SubElement(r, qn(ref_tag))
    if nid is not None:
        ref.set(qn("w:id"), str(nid))
    return r


def _text_run(p_el, text: str, font: str | None = None):
    r = etree.SubElement(p_el, qn("w:r"))
    if font:
        rpr = etree.SubElement(r, qn("w:rPr"))
        rf = etree.SubElement(rpr, qn("w:rFonts"))
        rf.set(qn("w:ascii"), font)
        rf.set(qn("w:hAnsi"), font)
    t = etree.SubElement(r, qn("w:t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def _add_footnotes_part(document, notes: list[tuple[int, list[str]]]) -> None:
    root = etree.Element(qn("w:footnotes"), nsmap={"w": W_NS})
    for nid, kind, tag in ((-1, "separator", "w:separator"), (0, "continuationSeparator", "w:continuationSeparator")):
        fn = etree.SubElement(root, qn("w:footnote"))
        fn.set(qn("w:type"), kind)
        fn.set(qn("w:id"), str(nid))
        etree.SubElement(etree.SubElement(etree.SubElement(fn, qn("w:p")), qn("w:r")), qn(tag))
    for nid, paras in notes:
        fn = etree.SubElement(root, qn("w:footnote"))
        fn.set(qn("w:id"), str(nid))
        for k, text in enumerate(paras):
            p = etree.SubElement(fn, qn("w:p"))
            ppr = etree.SubElement(p, qn("w:pPr"))
            ps = etree.SubElement(ppr, qn("w:pStyle"))
            ps.set(qn("w:val"), "FootnoteText")
            if k == 0:
                _superscript_run(p, "w:footnoteRef")
                text = " " + text
            _text_run(p, text)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, blob, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def markdown_to_docx(text: str, out: Path, *, font: str | None = None, extra=None) -> Path:
    """Write the Markdown ``text`` as a Word document at ``out`` (see the module docstring).

    ``font`` sets the font of every text run (e.g. ``.VnTime`` for a legacy document whose
    text is already TCVN3); ``extra(document)`` may add content at the end.
    """
    lines = normalize_lines(text).split("\n")
    paras = split_paragraphs(normalize_lines(text))
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(13)
    style.paragraph_format.space_after = Pt(8)
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fn_style = document.styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    fn_style.base_style = style
    fn_style.font.size = Pt(10)
    fn_style.paragraph_format.space_after = Pt(0)
    notes: dict[str, list[str]] = {}
    for p in paras:
        if p.kind == "footnote":
            notes.setdefault(p.footnote, []).append(p.text)
    note_ids: dict[str, int] = {}
    i = 0
    while i < len(paras):
        p = paras[i]
        if p.kind == "footnote" or not p.text:
            i += 1
            continue
        if p.kind == "table":
            rows = []
            while i < len(paras) and paras[i].kind == "table":
                # a wiki's edit link glued before the first row is no cell of a Word table
                row = EDIT_LINK_RE.sub("", paras[i].text)
                cells = [c.strip() for c in row.strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            if not rows:
                continue
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, cell_text in enumerate(cells):
                    table.cell(r, c).text = cell_text
            continue
        if p.kind == "heading":
            raw = lines[p.lines[0] - 1].lstrip()
            level = min(len(raw) - len(raw.lstrip("#")), 6)
            para = document.add_heading(level=level)
        else:
            para = document.add_paragraph()
        pos = 0
        for off, note in p.markers:
            if off > pos:
                _text_run(para._p, p.text[pos:off], font)
            pos = off
            if note in notes:
                nid = note_ids.setdefault(note, len(note_ids) + 1)
                _superscript_run(para._p, "w:footnoteReference", nid)
        if pos < len(p.text):
            _text_run(para._p, p.text[pos:], font)
        i += 1
    unreferenced = [n for n in notes if n not in note_ids]
    assert not unreferenced, f"footnotes never referenced: {unreferenced}"
    _add_footnotes_part(document, [(nid, notes[n]) for n, nid in note_ids.items()])
    if extra is not None:
        extra(document)
    document.save(out)
    return out


def docx_to_pdf(sources: list[Path], outdir: Path) -> list[Path]:
    """Convert ``sources`` with LibreOffice headless into ``outdir`` (one run for all: it takes
    seconds to start); return the PDFs' paths."""
    soffice = soffice_or_skip()
    profile = outdir / ".lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), *map(str, sources)],
                   check=True, capture_output=True, timeout=600)
    out = [outdir / (src.stem + ".pdf") for src in sources]
    missing = [p for p in out if not p.exists()]
    assert not missing, f"LibreOffice wrote no {missing}"
    return out
