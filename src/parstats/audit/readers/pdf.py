"""PDF with a text layer: page by page, lines as printed, footnotes and headings recognised.

Two libraries, each for what it does best: pypdfium2 (Google's PDFium, the engine of Chrome's
viewer) opens the file first, which is fast and strict: a damaged file, a password and the
page count (refused above :data:`~parstats.audit.readers.MAX_PDF_PAGES` before any page is
parsed) are known at once; pdfplumber (on pdfminer.six) then gives every word with its
position, size and font, from which the reader rebuilds what the audit needs:

* lines (a word belongs to the line it overlaps vertically; a raised, smaller number is a
  footnote reference ``[^n]`` when a footnote ``n`` is printed at the foot of a page, else
  plain text such as the 2 of m2);
* paragraphs: a new one after a larger gap than the document's usual line spacing, after a
  short line that ends a sentence, at an indented first line, or where the style changes; a
  paragraph cut by a page break goes on (its last line on the page reaches the margin);
* headings: lines in bold or in a larger size than the body text, written ``#``-style;
* footnotes: the lines under the short rule at the foot of a page, each starting with its
  number, written as ``[^n]: …`` after the body;
* ruled tables (pdfplumber's table finder) as pipe rows, the first row the header;
* page numbers alone on the first or last line of a page are dropped; a word broken at a
  hyphen or slash at the end of a line (``29-`` / ``KH/HU``) is joined.

Each line of the text is one printed line, so a claim's location has its exact page. A table
drawn without rules comes out as its lines of text (a PDF has no table structure to read). Words in a TCVN3
font (``.VnTime``, ...) are converted to Unicode.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from parstats.audit import readers
from parstats.audit.document_model import SourceDocument, TextBuilder, with_sections
from parstats.audit.readers import legacy
from parstats.audit.reading import (
    DamagedFileError,
    EncryptedFileError,
    NoTextLayerError,
    TooLargeError,
)

__all__ = ["read_pdf"]

_NOTE_RE = re.compile(r"^(?:[0-9]{1,3}|[a-z]|\*{1,3})$")
_PAGE_NO_RE = re.compile(r"^[-–]?\s*[0-9]{1,4}\s*[-–]?$|^(?:Trang|Page)\s+[0-9]{1,4}(?:\s*/\s*[0-9]{1,4})?$")
_TERMINAL = tuple(".:;!?…")


@dataclass
class _Line:
    words: list
    top: float
    bottom: float
    size: float
    page: int
    x0: float = 0.0
    x1: float = 0.0
    bold: bool = False
    family: str = ""
    parts: list = field(default_factory=list)  # (text, is_superscript, x0, x1)

    def text(self, labels: set[str]) -> str:
        out = ""
        prev_x1 = None
        for text, sup, x0, x1 in self.parts:
            if sup and text in labels:
                out += f"[^{text}]"
            else:
                gap = x0 - prev_x1 if prev_x1 is not None else 0
                if out and not sup and gap > 0.12 * self.size:
                    out += " "
                out += text
            prev_x1 = x1
        return out.strip()


def _open_checked(data: bytes, name: str) -> int:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise EncryptedFileError(
                f"cannot read '{name}': the PDF is password-protected; open it with its password "
                f"and save or print it to a PDF without one") from None
        raise DamagedFileError(
            f"cannot read '{name}': not a readable PDF ({exc}); it may be damaged, truncated or "
            f"another format renamed: open it in a PDF viewer and save it again") from None
    try:
        pages = len(doc)
    finally:
        doc.close()
    if pages > readers.MAX_PDF_PAGES:
        raise TooLargeError(f"cannot read '{name}': the PDF has {pages:,} pages (limit "
                            f"{readers.MAX_PDF_PAGES:,}); split it and audit the parts")
    return pages


def _words(page, page_no: int) -> list[dict]:
    words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
    for w in words:
        font = w["fontname"].split("+", 1)[-1]
        enc, upper = legacy.font_encoding(font)
        if enc == "tcvn3":
            w["text"] = legacy.tcvn3_to_unicode(w["text"], upper)
            w["legacy"] = True
        w["bold"] = "bold" in font.lower() or "black" in font.lower()
        w["page"] = page_no
    return words


def _lines(words: list[dict], page_no: int) -> list[_Line]:
    lines: list[_Line] = []
    for w in sorted(words, key=lambda w: (w["bottom"], w["x0"])):
        for ln in lines[-3:]:
            overlap = min(ln.bottom, w["bottom"]) - max(ln.top, w["top"])
            if overlap > 0.3 * min(ln.bottom - ln.top, w["bottom"] - w["top"]):
                ln.words.append(w)
                ln.top, ln.bottom = min(ln.top, w["top"]), max(ln.bottom, w["bottom"])
                break
        else:
            lines.append(_Line([w], w["top"], w["bottom"], w["size"], page_no))
    for ln in lines:
        ln.words.sort(key=lambda w: w["x0"])
        ln.size = max(w["size"] for w in ln.words)
        base = max(w["bottom"] for w in ln.words if w["size"] >= 0.85 * ln.size)
        main = [w for w in ln.words if w["size"] >= 0.85 * ln.size]
        ln.top = min(w["top"] for w in main)
        ln.x0, ln.x1 = ln.words[0]["x0"], ln.words[-1]["x1"]
        ln.bold = all(w["bold"] for w in main)
        fams: dict[str, int] = {}
        for w in main:
            fam = _family(w["fontname"])
            fams[fam] = fams.get(fam, 0) + len(w["text"])
        ln.family = max(fams, key=fams.get)
        for w in ln.words:
            sup = w["size"] < 0.85 * ln.size and w["bottom"] < base - 0.15 * ln.size
            ln.parts.append((w["text"], sup, w["x0"], w["x1"]))
    lines.sort(key=lambda ln: ln.top)
    return lines


_CUT_DATE_RE = re.compile(r"(?<![0-9])[0-9]{1,2}/[0-9]{1,2}/[0-9]{1,3}$")


def _cell_text(cell: str | None) -> str:
    """A table cell's printed lines as one line; a word broken at a hyphen or a slash at a
    line's end (``30/09/`` / ``1987``) joined, and a date a narrow column broke in its year
    (``30/09/19`` / ``87``).

    Examples
    --------
    >>> _cell_text("Ngày 30/09/\\n1987, tại\\nhuyện"), _cell_text("30/09/19\\n87")
    ('Ngày 30/09/1987, tại huyện', '30/09/1987')
    """
    out = ""
    for line in (cell or "").split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        if (len(out) > 1 and out[-1] in "-/" and out[-2] != " ") or (
                line[0].isdigit() and _CUT_DATE_RE.search(out)):
            out += line
        else:
            out = f"{out} {line}" if out else line
    return out


def _tables(page) -> list[tuple[float, list[list[str]], tuple]]:
    """Ruled tables of a page (pdfplumber's table finder): (top, rows of cell texts, bbox)."""
    if len(page.rects) + len(page.lines) < 4:
        return []
    out = []
    for t in page.find_tables():
        rows = [[_cell_text(c) for c in row] for row in t.extract()]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            out.append((t.bbox[1], rows, t.bbox))
    return out


def _family(fontname: str) -> str:
    """``ABCDEF+DejaVuSans-BoldOblique`` -> ``dejavusans``."""
    return re.split(r"[-,]", fontname.split("+", 1)[-1], maxsplit=1)[0].lower()


def _separator_top(page) -> float | None:
    """The top of the short rule above a page's footnotes, if any."""
    best = None
    for obj in list(page.rects) + list(page.lines):
        h = abs(obj["bottom"] - obj["top"])
        w = obj["x1"] - obj["x0"]
        if h <= 1.5 and 30 <= w <= 0.6 * page.width and obj["top"] > 0.4 * page.height:
            best = obj["top"] if best is None else max(best, obj["top"])
    return best


def _split_paragraphs(lines: list[_Line], left: float, right: float, pitch: float, body: float) -> list[list[_Line]]:
    """Printed lines into paragraphs: a new one after a larger gap than ``pitch``, after a
    short line that ends a sentence, at a first line indented from the lines around it (not a
    hanging indent, whose next lines stay indented), or where the font changes."""
    paras: list[list[_Line]] = []
    width = right - left
    for i, ln in enumerate(lines):
        if not paras:
            paras.append([ln])
            continue
        prev = paras[-1][-1]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        last_text = prev.parts[-1][0] if prev.parts else ""
        indented = (ln.x0 > prev.x0 + 0.02 * width
                    and (nxt is None or abs(nxt.x0 - prev.x0) <= 0.01 * width))
        new = (
            ln.top - prev.top > 1.3 * pitch * (ln.size / body if body else 1)
            or (prev.x1 < right - 0.15 * width and last_text.endswith(_TERMINAL))
            or indented
            or ln.bold != prev.bold or ln.family != prev.family
            or abs(ln.size - prev.size) > 0.5
        )
        if new:
            paras.append([ln])
        else:
            paras[-1].append(ln)
    return paras


def _split_notes(lines: list[_Line], left: float, right: float, size: float, known: int) -> list[list[_Line]]:
    """Footnote paragraphs: a line that starts with the next footnote's number starts one."""
    out: list[list[_Line]] = []
    expected = known + 1
    for para in _split_paragraphs(lines, left, right, size * 1.2, size):
        cur: list[_Line] = []
        for ln in para:
            first = ln.parts[0][0] if ln.parts else ""
            if first == str(expected) and len(ln.parts) > 1:
                if cur:
                    out.append(cur)
                cur = []
                expected += 1
            cur.append(ln)
        if cur:
            out.append(cur)
    return out


def _is_heading(ln: _Line, body: float, family: str) -> bool:
    """A heading line: bold, larger than the body text, or in another typeface than the body's."""
    return ln.bold or ln.size > 1.1 * body or (bool(family) and ln.family != family)


def _heading_level(ln: _Line, body: float) -> int:
    return 1 if ln.size > 1.3 * body else 2 if ln.size > 1.1 * body else 3


def read_pdf(p: Path, name: str) -> SourceDocument:
    """Read a PDF with a text layer into a :class:`SourceDocument` (see the module docstring).

    Raises
    ------
    parstats.audit.reading.ReportReadError
        :class:`~parstats.audit.reading.DamagedFileError`,
        :class:`~parstats.audit.reading.EncryptedFileError`,
        :class:`~parstats.audit.reading.TooLargeError`,
        :class:`~parstats.audit.reading.NoTextLayerError` or
        :class:`~parstats.audit.reading.LegacyEncodingError`, one line each.
    """
    data = readers.read_limited(p, name, "a PDF file")
    npages = _open_checked(data, name)
    import io

    import pdfplumber

    body_lines: list[list[_Line]] = []   # per page
    foot_lines: list[list[_Line]] = []
    tables: list[list[tuple[float, list[list[str]]]]] = []  # per page: (top, rows)
    blank_pages: list[int] = []
    legacy_words = 0
    raw_pages: list[tuple[int, list[dict], float | None]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for k, page in enumerate(pdf.pages, start=1):
                words = _words(page, k)
                legacy_words += sum(1 for w in words if w.get("legacy"))
                if not words:
                    blank_pages.append(k)
                sep = _separator_top(page)
                found = _tables(page)
                tables.append([(top, rows) for top, rows, _ in found])
                if found:
                    words = [w for w in words if not any(
                        x0 - 1 <= (w["x0"] + w["x1"]) / 2 <= x1 + 1 and t0 - 1 <= (w["top"] + w["bottom"]) / 2 <= t1 + 1
                        for _, _, (x0, t0, x1, t1) in found)]
                raw_pages.append((k, words, sep))
                page.close()
    except Exception as exc:  # pdfminer raises many kinds on a broken file (and only the
        # library's calls are in this block, so a bug here is not reported as a damaged file)
        if isinstance(exc, MemoryError):
            raise
        raise DamagedFileError(f"cannot read '{name}': a damaged PDF ({type(exc).__name__}: "
                               f"{exc}); open it in a PDF viewer and save it again") from None
    for k, words, sep in raw_pages:
        lines = _lines(words, k)
        body_lines.append([ln for ln in lines if sep is None or ln.top < sep])
        foot_lines.append([ln for ln in lines if sep is not None and ln.top >= sep])
    if len(blank_pages) == npages:
        raise NoTextLayerError(
            f"cannot read '{name}': the PDF has no text layer (scanned pages, images only); run "
            f"OCR first (e.g. `ocrmypdf -l vie {name} out.pdf`) and audit the result")
    all_lines = [ln for pg in body_lines for ln in pg]
    sizes: dict[float, int] = {}
    for ln in all_lines:
        for w in ln.words:
            sizes[round(w["size"], 1)] = sizes.get(round(w["size"], 1), 0) + len(w["text"])
    body = max(sizes, key=sizes.get) if sizes else 12.0
    fams: dict[str, int] = {}
    for ln in all_lines:
        fams[ln.family] = fams.get(ln.family, 0) + len(ln.words)
    family = max(fams, key=fams.get) if fams else ""
    # page numbers alone at the top or bottom of a page
    for pg in body_lines:
        for idx in (0, -1):
            if pg and len(pg[idx].parts) <= 3 and _PAGE_NO_RE.match(" ".join(t for t, *_ in pg[idx].parts)):
                pg.pop(idx)
    pitches = [b.top - a.top for pg in body_lines for a, b in zip(pg, pg[1:])
               if abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5 and b.top > a.top]
    pitch = statistics.median(pitches) if pitches else body * 1.2
    left = min((ln.x0 for ln in all_lines), default=0.0)
    right = max((ln.x1 for ln in all_lines), default=0.0)

    # footnotes: numbered paragraphs under the rule; their numbers are the labels
    notes: list[tuple[str, list[list[_Line]]]] = []
    labels: set[str] = set()
    for pg in foot_lines:
        if not pg:
            continue
        fleft = min(ln.x0 for ln in pg)
        fright = max(ln.x1 for ln in pg)
        fsize = statistics.median(ln.size for ln in pg)
        for j, para in enumerate(_split_notes(pg, fleft, fright, fsize, len(notes))):
            first = para[0].parts[0][0] if para[0].parts else ""
            if _NOTE_RE.match(first) and first not in labels and len(para[0].parts) > 1:
                para[0].parts.pop(0)
                labels.add(first)
                notes.append((first, [para]))
            elif notes and j == 0:
                notes[-1][1][-1].extend(para)  # a footnote going on from the page before
            elif notes:
                notes[-1][1].append(para)
            else:
                body_lines[para[0].page - 1].extend(para)

    b = TextBuilder()
    counter = 0
    prev_para: list[_Line] | None = None
    ntables = 0
    for k, pg in enumerate(body_lines, start=1):
        pending = list(tables[k - 1])
        first = True  # nothing of this page written yet: a table here may go on from the page before

        def put_table(rows: list[list[str]]) -> None:
            nonlocal ntables
            if not (first and b.continues_table(rows)):
                ntables += 1
            b.table(rows, continued=first, table=ntables, page=k)

        for i, para in enumerate(_split_paragraphs(pg, left, right, pitch, body)):
            while pending and pending[0][0] < para[0].top:
                put_table(pending.pop(0)[1])
                first = False
                prev_para = None
            first = False
            heading = _is_heading(para[0], body, family)
            cont = (i == 0 and prev_para is not None and not heading
                    and not _is_heading(prev_para[-1], body, family)
                    and prev_para[-1].x1 >= right - 0.05 * (right - left)
                    and para[0].x0 <= left + 0.03 * (right - left))
            if not cont:
                counter += 1
            rows = _joined(para, labels, counter)
            if heading:
                b.heading(" ".join(t for t, _ in rows), _heading_level(para[0], body), **rows[0][1])
            elif cont:
                last = b.lines[-1] if b.lines else ""
                if rows and len(last) > 1 and last[-1] in "-/" and last[-2] != " ":
                    # a word broken at a hyphen or slash across the page break
                    head, _, rest = rows[0][0].partition(" ")
                    b.lines[-1] = last + head
                    rows[0] = (rest, rows[0][1])
                for t, loc in rows:
                    b.extend(t, loc)
            else:
                b.block(rows)
            prev_para = para
        for _, rows in pending:
            put_table(rows)
            first = False
            prev_para = None
    for label, paras in notes:
        for k, para in enumerate(paras, start=1):
            rows = _joined(para, labels, k, footnote=label)
            b.block(rows, prefix=f"[^{label}]: ")
    text = b.text()
    legacy.refuse(text, name, fix="make the PDF again from the converted document")
    out_notes = []
    if blank_pages:
        out_notes.append("pages without text (scanned?), not audited: "
                         + ", ".join(map(str, blank_pages)))
    if legacy_words:
        out_notes.append(f"{legacy_words} words in a TCVN3 (ABC) font converted to Unicode")
    return SourceDocument(name, "pdf", text, data, with_sections(b, text), tuple(out_notes))


def _joined(para: list[_Line], labels: set[str], paragraph: int, footnote: str | None = None) -> list[tuple[str, dict]]:
    """The lines of a paragraph as (text, location), a word broken at a hyphen or a slash at a
    line's end joined to its other half."""
    rows: list[tuple[str, dict]] = []
    carry = ""
    for ln in para:
        t = ln.text(labels)
        loc = {"page": ln.page, "paragraph": paragraph}
        if footnote is not None:
            loc["footnote"] = footnote
        if carry:
            t0, loc0 = rows.pop()
            head, _, rest = t.partition(" ")
            rows.append((t0 + head, loc0))
            t = rest
            carry = ""
        if t:
            rows.append((t, loc))
        if len(t) > 1 and t[-1] in "-/" and t[-2] != " ":
            carry = t
    return rows
