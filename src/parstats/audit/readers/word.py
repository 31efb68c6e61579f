"""Word ``.docx``: paragraphs, headings, lists, tables and footnotes, in reading order.

The package is opened with python-docx (its parts, relationships and styles; its XML parser
resolves no entities and loads nothing from the network) after its ZIP directory has been
checked against :data:`~parstats.audit.readers.MAX_UNPACKED_BYTES` (a "zip bomb" is refused
before anything is inflated). The text is then read from the WordprocessingML itself with
lxml, because python-docx has no footnotes and no footnote references in its API:

* a paragraph is one line; a heading (style "Heading N", "Title" or an outline level) is
  written ``#``-style; a list item (numbered or bulleted) starts with ``- `` unless its text
  already starts with a bullet or a number; deleted revisions, field codes and drawings are
  skipped;
* a footnote reference becomes ``[^n]`` where it stands (n: its number as Word shows it, the
  order of first reference) and the footnote's paragraphs ``[^n]: …`` definitions after the
  body, in that order (the audit ties a marker to the next definition of its number);
  endnotes likewise, numbered on after the footnotes;
* a table becomes pipe rows, its first row the header; a cell merged across columns or rows
  is written once (the other cells it covers are empty), so no figure counts twice.

Runs in a TCVN3 font (``.VnTime``, ...) are converted to Unicode; a VNI font, or text that
looks legacy-encoded without a font to say so, is refused (:mod:`.legacy`).
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from parstats.audit import readers
from parstats.audit.document_model import SourceDocument, TextBuilder, with_sections
from parstats.audit.readers import legacy
from parstats.audit.reading import (
    DamagedFileError,
    EncryptedFileError,
    LegacyEncodingError,
    TooLargeError,
    UnsupportedFormatError,
)

__all__ = ["read_docx", "check_package"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _R, _T, _TBL, _TR, _TC, _SDT = (W + t for t in ("p", "r", "t", "tbl", "tr", "tc", "sdt"))
#: subtrees whose text is not the document's (deleted revisions, field codes, drawings and text
#: boxes, properties)
_SKIP = frozenset({W + "del", W + "moveFrom", W + "instrText", W + "delText", W + "drawing",
                   W + "pict", W + "object", _MC + "AlternateContent", W + "rPr", W + "pPr",
                   W + "tcPr", W + "trPr", W + "tblPr", W + "tblGrid", W + "footnoteRef",
                   W + "endnoteRef", W + "commentReference", _TBL})
_HEADING_NAME_RE = re.compile(r"^(?:heading|tiêu đề|überschrift|titre)\s*([1-9])$", re.IGNORECASE)
_LISTED_RE = re.compile(r"^\s*(?:[-+*•–]|[0-9]{1,2}[.)]|[a-zđ][)])\s")
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_package(data: bytes, name: str) -> None:
    """Refuse a .docx that is not a ZIP package (an encrypted Word file, an old .doc, anything
    else) or whose members would unpack to more than the limits, before inflating any."""
    if data[:8] == _CFB_MAGIC:
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedFileError(
                f"cannot read '{name}': the Word file is password-protected (encrypted); open it "
                f"in Word, remove the password (File > Info > Protect Document) and save it again")
        raise UnsupportedFormatError(
            f"cannot read '{name}': this is an old Word 97-2003 .doc file named .docx; open it in "
            f"Word or LibreOffice and save it as .docx")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DamagedFileError(
            f"cannot read '{name}': not a Word .docx file (it is not a ZIP package: damaged, "
            f"truncated or another format renamed); open it in Word and save it as .docx") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > readers.MAX_MEMBERS:
            raise TooLargeError(f"cannot read '{name}': the Word package has {len(infos)} parts "
                                f"(limit {readers.MAX_MEMBERS}); refused unread")
        total = sum(i.file_size for i in infos)
        if total > readers.MAX_UNPACKED_BYTES:
            raise TooLargeError(
                f"cannot read '{name}': the Word file would unpack to {total / 2**20:,.0f} MiB "
                f"(limit {readers.MAX_UNPACKED_BYTES / 2**20:,.0f} MiB): a damaged or hostile file "
                f"(zip bomb); refused unread")
        if "word/document.xml" not in zf.namelist() and not any(
                n.endswith("document.xml") for n in zf.namelist()):
            raise DamagedFileError(f"cannot read '{name}': a ZIP file but not a Word document "
                                   f"(no word/document.xml); expected a .docx")


class _Styles:
    """Heading level and font of each paragraph style, with ``basedOn`` resolved."""

    def __init__(self, styles_el) -> None:
        self.raw: dict[str, tuple] = {}
        self.default_para: str | None = None
        self.default_font: str | None = None
        self._cache: dict = {}
        if styles_el is None:
            return
        rf = styles_el.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
        if rf is not None:
            self.default_font = rf.get(W + "hAnsi") or rf.get(W + "ascii")
        for st in styles_el.iter(W + "style"):
            sid = st.get(W + "styleId")
            name_el = st.find(W + "name")
            name = name_el.get(W + "val") if name_el is not None else ""
            based = st.find(W + "basedOn")
            rf = st.find(f"{W}rPr/{W}rFonts")
            font = (rf.get(W + "hAnsi") or rf.get(W + "ascii")) if rf is not None else None
            ol = st.find(f"{W}pPr/{W}outlineLvl")
            level = None
            m = _HEADING_NAME_RE.match(name or "") or _HEADING_NAME_RE.match(sid or "")
            if m:
                level = int(m.group(1))
            elif (name or "").lower() == "title":
                level = 1
            elif ol is not None and (ol.get(W + "val") or "9").isdigit() and int(ol.get(W + "val")) < 9:
                level = int(ol.get(W + "val")) + 1
            self.raw[sid] = (level, font, based.get(W + "val") if based is not None else None)
            if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true"):
                self.default_para = sid

    def resolve(self, sid: str | None) -> tuple[int | None, str | None]:
        sid = sid or self.default_para
        if sid in self._cache:
            return self._cache[sid]
        level = font = None
        seen = set()
        cur = sid
        while cur and cur in self.raw and cur not in seen:
            seen.add(cur)
            lv, f, based = self.raw[cur]
            level = level if level is not None else lv
            font = font or f
            cur = based
        out = (level, font or self.default_font)
        self._cache[sid] = out
        return out


class _Reader:
    def __init__(self, name: str, styles: _Styles, notes: dict, endnotes: dict) -> None:
        self.name = name
        self.styles = styles
        self.notes = notes          # footnote id -> <w:footnote>
        self.endnotes = endnotes    # endnote id -> <w:endnote>
        self.labels: dict[tuple[str, str], str] = {}  # (kind, id) -> label shown
        self.order: list[tuple[str, str]] = []
        self.converted = 0
        self.b = TextBuilder()

    # -- text of a paragraph ------------------------------------------------------------------
    def _run_font(self, r, para_font: str | None) -> str | None:
        rf = r.find(f"{W}rPr/{W}rFonts")
        if rf is not None:
            f = rf.get(W + "hAnsi") or rf.get(W + "ascii")
            if f:
                return f
        rs = r.find(f"{W}rPr/{W}rStyle")
        if rs is not None:
            f = self.styles.resolve(rs.get(W + "val"))[1]
            if f and f != self.styles.default_font:
                return f
        return para_font

    def _note_ref(self, kind: str, nid: str) -> str:
        key = (kind, nid)
        if key not in self.labels:
            self.labels[key] = str(len(self.labels) + 1)
            self.order.append(key)
        return f"[^{self.labels[key]}]"

    def text_of(self, p, para_font: str | None) -> str:
        parts: list[str] = []
        self._walk(p, parts, para_font, None)
        return "".join(parts)

    def _walk(self, el, parts: list[str], para_font: str | None, run_enc) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _R:
                enc, upper = legacy.font_encoding(self._run_font(child, para_font))
                if enc == "vni":
                    raise LegacyEncodingError(
                        f"cannot read '{self.name}': the text is in a VNI font "
                        f"('{self._run_font(child, para_font)}'), a legacy Vietnamese encoding; "
                        f"convert it to Unicode first (Unikey: Công cụ > Chuyển mã, VNI Windows "
                        f"-> Unicode) and save again")
                self._walk(child, parts, para_font, (enc, upper))
            elif tag == _T:
                t = child.text or ""
                if run_enc and run_enc[0] == "tcvn3":
                    t = legacy.tcvn3_to_unicode(t, upper=run_enc[1])
                    self.converted += 1
                parts.append(t)
            elif tag in (W + "tab", W + "br", W + "cr"):
                parts.append(" ")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "footnoteReference":
                parts.append(self._note_ref("f", child.get(W + "id")))
            elif tag == W + "endnoteReference":
                parts.append(self._note_ref("e", child.get(W + "id")))
            else:
                self._walk(child, parts, para_font, run_enc)

    def _para_props(self, p) -> tuple[int | None, str | None, bool]:
        ppr = p.find(W + "pPr")
        sid = None
        listed = False
        level = None
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            sid = ps.get(W + "val") if ps is not None else None
            num = ppr.find(f"{W}numPr/{W}numId")
            listed = num is not None and num.get(W + "val") not in (None, "0")
            ol = ppr.find(W + "outlineLvl")
            if ol is not None and (ol.get(W + "val") or "9").isdigit() and int(ol.get(W + "val")) < 9:
                level = int(ol.get(W + "val")) + 1
        slevel, font = self.styles.resolve(sid)
        return level or slevel, font, listed

    # -- blocks -------------------------------------------------------------------------------
    def body(self, body) -> None:
        counters = {"p": 0, "t": 0}
        self._blocks(body, counters)

    def _blocks(self, el, counters: dict) -> None:
        for child in el:
            if child.tag == _P:
                level, font, listed = self._para_props(child)
                text = self.text_of(child, font)
                if not text.strip():
                    continue
                counters["p"] += 1
                if level:
                    self.b.heading(text, level, paragraph=counters["p"])
                else:
                    if listed and not _LISTED_RE.match(text):
                        text = "- " + text.lstrip()
                    self.b.paragraph(text, paragraph=counters["p"])
            elif child.tag == _TBL:
                counters["t"] += 1
                self.b.table(self._rows(child), table=counters["t"])
            elif child.tag == _SDT:
                content = child.find(W + "sdtContent")
                if content is not None:
                    self._blocks(content, counters)

    def _rows(self, tbl) -> list[list[str]]:
        rows = []
        for tr in tbl.iterchildren(_TR):
            row: list[str] = []
            for tc in tr.iterchildren(_TC):
                pr = tc.find(W + "tcPr")
                span, cont = 1, False
                if pr is not None:
                    gs = pr.find(W + "gridSpan")
                    if gs is not None and (gs.get(W + "val") or "1").isdigit():
                        span = max(1, int(gs.get(W + "val")))
                    vm = pr.find(W + "vMerge")
                    cont = vm is not None and vm.get(W + "val", "continue") == "continue"
                text = "" if cont else " ".join(
                    self.text_of(p, self._para_props(p)[1]).strip()
                    for p in tc.iter(_P)).strip()
                row.append(text)
                row.extend([""] * (span - 1))
            rows.append(row)
        return rows

    def footnotes(self) -> None:
        for kind, nid in self.order:
            note = (self.notes if kind == "f" else self.endnotes).get(nid)
            if note is None:
                continue
            label = self.labels[(kind, nid)]
            for k, p in enumerate(note.iter(_P), start=1):
                text = self.text_of(p, self._para_props(p)[1])
                self.b.footnote(label, text, paragraph=k)


def _notes_of(document, reltype: str, tag: str) -> dict:
    from docx.oxml.parser import parse_xml

    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            return {n.get(W + "id"): n for n in root.iterchildren(W + tag)
                    if n.get(W + "type") in (None, "normal")}
    return {}


def read_docx(p: Path, name: str) -> SourceDocument:
    """Read a ``.docx`` file into a :class:`SourceDocument` (see the module docstring).

    Raises
    ------
    parstats.audit.reading.ReportReadError
        :class:`~parstats.audit.reading.DamagedFileError`,
        :class:`~parstats.audit.reading.EncryptedFileError`,
        :class:`~parstats.audit.reading.TooLargeError`,
        :class:`~parstats.audit.reading.LegacyEncodingError` or
        :class:`~parstats.audit.reading.UnsupportedFormatError`, one line each.
    """
    data = readers.read_limited(p, name, "a Word .docx file")
    check_package(data, name)
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
        styles = _Styles(document.styles.element)
        reader = _Reader(name, styles, _notes_of(document, RT.FOOTNOTES, "footnote"),
                         _notes_of(document, RT.ENDNOTES, "endnote"))
    except (ValueError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError,
            PackageNotFoundError) as exc:
        raise DamagedFileError(f"cannot read '{name}': a damaged Word file ({exc}); open it in Word "
                               f"and save it again as .docx") from None
    reader.body(document.element.body)
    reader.footnotes()
    text = reader.b.text()
    legacy.refuse(text, name, why=" without a font that says so")
    notes = ()
    if reader.converted:
        notes = (f"{reader.converted} runs in a TCVN3 (ABC) font converted to Unicode",)
    return SourceDocument(name, "docx", text, data, with_sections(reader.b, text), notes)
