"""The document model every reader builds and the audit reads: :class:`SourceDocument` (the
one Markdown-like text of a document, with where each line stands in the original,
:class:`Location`), :class:`TextBuilder` (how a reader writes that text) and the sections of a
text's lines (:func:`text_locations`).

It lies below both :mod:`parstats.audit.inputs` (which picks a reader by format) and the
readers (:mod:`parstats.audit.readers`), so that neither imports the other's module.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace

__all__ = ["Location", "SourceDocument", "TextBuilder", "text_locations", "with_sections"]


@dataclass(frozen=True)
class Location:
    """Where a line of :attr:`SourceDocument.text` stands in the original document.

    Every field but ``line`` is optional: a Markdown file knows lines (and sections and
    footnotes), a Word file paragraphs, tables and footnotes, a PDF pages. ``paragraph``,
    ``table``, ``row`` and ``column`` count from 1; a table's ``row`` 1 is its header row.
    ``row_header`` is the first cell of the row and ``column_headers`` the cells of the
    table's first row: the context that ties a cell to its column and its total.
    """

    line: int
    paragraph: int | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    footnote: str | None = None
    section: str | None = None
    row_header: str | None = None
    column_headers: tuple | None = None

    def describe(self) -> str:
        """Where a reader of the original looks, in words (English, for the CLI's table).

        Examples
        --------
        >>> Location(40, page=3, paragraph=12, section="II.2").describe()
        'page 3, paragraph 12, section II.2 (line 40 of the text read)'
        >>> Location(7, table=1, row=3, row_header="Nam", footnote=None).describe()
        "table 1, row 3 ('Nam') (line 7 of the text read)"
        """
        bits = []
        if self.page is not None:
            bits.append(f"page {self.page}")
        if self.footnote is not None:
            bits.append(f"footnote {self.footnote}")
        if self.table is not None:
            bits.append(f"table {self.table}, row {self.row}"
                        + (f" ('{self.row_header}')" if self.row_header else ""))
        elif self.paragraph is not None:
            bits.append(f"paragraph {self.paragraph}")
        if self.section is not None:
            bits.append(f"section {self.section}")
        return (", ".join(bits) + f" (line {self.line} of the text read)") if bits else f"line {self.line}"

    def to_dict(self) -> dict:
        """The fields that are set (``line`` always), for JSON.

        Examples
        --------
        >>> Location(12, page=3, footnote="5").to_dict()
        {'line': 12, 'page': 3, 'footnote': '5'}
        """
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is not None:
                out[f.name] = list(v) if isinstance(v, tuple) else v
        return out


@dataclass(frozen=True)
class SourceDocument:
    """A document read for the audit.

    Attributes
    ----------
    path : str
        The file as named by the caller.
    format : str
        A value of :data:`FORMATS`.
    text : str
        The Markdown-like text the audit reads.
    data : bytes
        The file's bytes (their SHA-256 identifies the audited document).
    locations : dict
        ``line -> Location`` for lines whose place differs from "line N of the file"; a line
        without an entry is :class:`Location` ``(line)``.
    notes : tuple of str
        What the reader did that a reviewer should know (e.g. a legacy font encoding
        converted to Unicode).
    """

    path: str
    format: str
    text: str
    data: bytes
    locations: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    notes: tuple = field(default=(), compare=False)

    def location(self, line: int) -> Location:
        """The place in the original of line ``line`` of :attr:`text`."""
        return self.locations.get(line) or Location(line)


class TextBuilder:
    """Writes the audit's text for a reader, one paragraph at a time, with its locations.

    Paragraphs are separated by a blank line; a table's rows follow each other (with the
    ``|---|`` line after the header row); a paragraph's own line breaks become spaces, so each
    paragraph is one line and its :class:`Location` is that line's.

    Examples
    --------
    >>> b = TextBuilder()
    >>> b.paragraph("Có 27 người", paragraph=1)
    >>> b.heading("1. Kết quả", 2, paragraph=2)
    >>> b.text()
    'Có 27 người\\n\\n## 1. Kết quả\\n'
    >>> b.locations[3]
    Location(line=3, paragraph=2, page=None, table=None, row=None, column=None, footnote=None, section=None, row_header=None, column_headers=None)
    """

    _LEADING_RE = re.compile(r"^(\s*)(#|\||\[\^|<sup>|[-*_=]{3})")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.locations: dict[int, Location] = {}
        self._in_table = False
        self._table: tuple | None = None

    @staticmethod
    def clean(text: str) -> str:
        """One line: line breaks and tabs as spaces, runs of spaces kept (the audit folds them)."""
        return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ").strip()

    def _escape(self, text: str) -> str:
        # text that would read as Markdown structure (a heading, a table row, a footnote, a
        # rule) at the start of a paragraph: a backslash keeps it text (the audit drops it)
        return self._LEADING_RE.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)

    def _add(self, line: str, loc: dict, *, block: bool) -> None:
        if self.lines and block:
            self.lines.append("")
        self.lines.append(line)
        n = len(self.lines)
        self.locations[n] = Location(n, **loc)

    def paragraph(self, text: str, **loc) -> None:
        """A body paragraph (skipped when empty)."""
        text = self.clean(text)
        if text:
            self._in_table = False
            self._add(self._escape(text), loc, block=True)

    def heading(self, text: str, level: int, **loc) -> None:
        """A heading of level 1-6."""
        text = self.clean(text)
        if text:
            self._in_table = False
            self._add("#" * max(1, min(level, 6)) + " " + text, loc, block=True)

    def footnote(self, label: str, text: str, **loc) -> None:
        """A footnote definition ``[^label]: text``."""
        text = self.clean(text)
        if text:
            self._in_table = False
            self._add(f"[^{label}]: {text}", dict(loc, footnote=label), block=True)

    def block(self, lines: list[tuple[str, dict]], prefix: str = "") -> None:
        """A paragraph written over several lines (a PDF's lines as printed), ``prefix`` before
        the first (``"[^5]: "`` for a footnote); each line keeps its own location."""
        first = True
        for text, loc in lines:
            text = self.clean(text)
            if not text:
                continue
            if first:
                text = prefix + text if prefix else self._escape(text)
            else:
                text = self._escape(text)
            self._add(text, loc, block=first)
            first = False
        if not first:
            self._in_table = False

    def extend(self, text: str, loc: dict) -> None:
        """Another line of the paragraph being written (no blank line before it)."""
        text = self.clean(text)
        if text:
            self._in_table = False
            self._add(self._escape(text), loc, block=not self.lines)

    def table(self, rows: list[list[str]], *, continued: bool = False, **loc) -> None:
        """A table as pipe rows: the first row is the header (``|---|`` under it); each row's
        location has ``row``, ``row_header`` and the table's ``column_headers``.

        ``continued``: the rows go on the table written just before (a table cut by a page
        break), when it has as many columns; a repeated header row is dropped.
        """
        rows = [[self.clean(c).replace("|", "¦") for c in r] for r in rows]
        rows = [r for r in rows if any(r)]
        if not rows:
            return
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        last = self._table if self._in_table else None
        if continued and last is not None and len(last[0]) == width:
            headers, done, base = last
            if tuple(rows[0]) == headers:
                rows = rows[1:]
            loc = dict(base, **{k: v for k, v in loc.items() if k != "table"})
            for i, r in enumerate(rows, start=done + 1):
                self._add("| " + " | ".join(r) + " |",
                          dict(loc, row=i, row_header=r[0] or None, column_headers=headers), block=False)
            self._table = (headers, done + len(rows), base)
            return
        headers = tuple(rows[0])
        for i, r in enumerate(rows, start=1):
            line = "| " + " | ".join(r) + " |"
            self._add(line, dict(loc, row=i, row_header=r[0] or None, column_headers=headers),
                      block=i == 1)
            if i == 1:
                self.lines.append("|" + "---|" * width)
        self._in_table = True
        self._table = (headers, len(rows), {k: v for k, v in loc.items() if k == "table"})

    def continues_table(self, rows: list[list[str]]) -> bool:
        """Whether :meth:`table` ``(rows, continued=True)`` would go on the last table."""
        width = max((len(r) for r in rows), default=0)
        return self._in_table and self._table is not None and len(self._table[0]) == width

    def text(self) -> str:
        """The whole text, ending with a newline."""
        return "\n".join(self.lines) + "\n" if self.lines else ""


# --------------------------------------------------------------------------------------------
# Markdown and plain text: the file is the text; sections and footnotes located
# --------------------------------------------------------------------------------------------

_ROMAN_RE = re.compile(r"^(?P<n>[IVX]{1,6})\s*[-.–/)]\s*\S")
_ARABIC_RE = re.compile(r"^(?P<n>[0-9]{1,2}(?:\.[0-9]{1,2}){0,3})\s*[.)]?\s+\S")
_PART_RE = re.compile(r"^(Phần thứ [^\W\d_]+)", re.IGNORECASE)
_EMPH_LINE_RE = re.compile(r"^\s*[*_]+\s*([0-9]{1,2}(?:\.[0-9]{1,2})+\.?)\s+\S")
#: a numbered title written as a paragraph (Word or PDF lose the emphasis): ``2.5. Xây dựng …``
_NUMBERED_TITLE_RE = re.compile(r"^([0-9]{1,2}(?:\.[0-9]{1,2})+)\.\s+[^\W\d_]")
_FOOTDEF_RE = re.compile(r"^\s*(?:<sup>\s*([0-9]{1,3}|[a-z])\s*</sup>|\[\^([^\]\s]{1,10})\]:)")
#: a footnote reference in running text: ``<sup>5</sup>`` or ``[^5]`` (not a definition)
_FOOTREF_RE = re.compile(r"<sup>\s*([0-9]{1,3}|[a-z])\s*</sup>|\[\^([^\]\s]{1,10})\](?!:)")
#: a paragraph that starts with a label and a colon (``Cấp xã: …``): after a footnote that does
#: too, it continues that footnote
_NOTE_LABEL_RE = re.compile(r"^[^\W\d_][^:;.()\d]{0,40}:\s")
_STRIP_RE = re.compile(r"[*_#]|</?[A-Za-z][^<>]{0,40}>")


def _section_of(title: str, current: list[str], part: str | None) -> tuple[list[str], str | None]:
    """The section path after a heading ``title``: ``["II", "2", "5"]`` style."""
    t = _STRIP_RE.sub("", title).strip()
    m = _PART_RE.match(t)
    if m:
        return [], m.group(1)
    m = _ROMAN_RE.match(t)
    if m:
        return [m.group("n")], part
    m = _ARABIC_RE.match(t)
    if m:
        roman = current[:1] if current and _ROMAN_RE.match(current[0] + " - x") else []
        return roman + [n for n in m.group("n").split(".") if n], part
    return current, part


def text_locations(text: str) -> dict[int, Location]:
    """Sections and footnotes of a Markdown or plain text, by line.

    A heading (``#``), a line that is an emphasised number and title (``*2.1. …*``) or a short
    line that starts with a number of two levels or more (``2.5. Xây dựng …``) opens a section: a roman numeral (``II - KẾT QUẢ``) starts one, an arabic number under it
    makes ``II.2``, ``2.5.`` makes ``II.2.5``; ``Phần thứ hai`` names a part. A footnote
    definition (``<sup>5</sup> …`` or ``[^5]: …``) and the lines that continue it carry the
    footnote, and the section of the line that first cites it (a footnote printed after the
    next heading, where a page broke, still belongs to the section that cites it). Only lines
    with a section or a footnote get a :class:`Location`.

    Examples
    --------
    >>> locs = text_locations("## II - KẾT QUẢ\\n\\n### 2. Nhiệm vụ\\n\\n*2.5. Cán bộ*\\n\\nCó 5 người.\\n\\n<sup>3</sup> Ghi chú\\ntiếp")
    >>> [(n, l.section, l.footnote) for n, l in sorted(locs.items())]
    [(1, 'II', None), (3, 'II.2', None), (5, 'II.2.5', None), (7, 'II.2.5', None), (9, 'II.2.5', '3'), (10, 'II.2.5', '3')]
    >>> locs = text_locations("## 2.3. Thủ tục\\n\\nCó 7,38%<sup>5</sup>.\\n\\n## 2.4. Bộ máy\\n\\n<sup>5</sup> Cấp huyện")
    >>> locs[7].section, locs[7].footnote
    ('2.3', '5')
    """
    locs: dict[int, Location] = {}
    current: list[str] = []
    part: str | None = None
    note: str | None = None
    cited: dict[str, str | None] = {}  # footnote -> the section of its first citation
    labelled: str | None = None  # the footnote just ended, when it starts with a label ("Cấp huyện: …")
    blank = True
    for n, line in enumerate(text.split("\n"), start=1):
        if not line or line.isspace():
            note, blank = None, True
            continue
        first = line.lstrip()[:1]
        definition = None
        if (first == "#" or (first in "*_" and _EMPH_LINE_RE.match(line))
                or ("0" <= first <= "9" and len(line) < 300 and _NUMBERED_TITLE_RE.match(line))):
            current, part = _section_of(line.lstrip("# "), current, part)
            note = labelled = None
        elif first in "<[" and (definition := _FOOTDEF_RE.match(line)):
            note = definition.group(1) or definition.group(2)
            labelled = note if _NOTE_LABEL_RE.match(line[definition.end():].lstrip()) else None
        elif blank and labelled and _NOTE_LABEL_RE.match(line.lstrip()):
            note = labelled  # "Cấp xã: …" after "<sup>5</sup> Cấp huyện: …" continues the footnote
        elif blank:
            labelled = None
        blank = False
        section = ".".join(current) or part
        if part and current and part.lower() != "phần thứ nhất":
            section = f"{part}, {'.'.join(current)}"
        if note is None:
            for m in _FOOTREF_RE.finditer(line, definition.end() if definition else 0):
                cited.setdefault(m.group(1) or m.group(2), section)
        else:
            # a footnote belongs to the section that cites it, not to the one where a page broke
            section = cited.get(note, section)
        if section or note:
            locs[n] = Location(n, footnote=note, section=section)
    return locs


def with_sections(b: TextBuilder, text: str) -> dict:
    """A reader's locations (``b.locations``) with the section of each line of its ``text``
    (:func:`text_locations`), for the lines the reader left without one."""
    locs = dict(b.locations)
    for n, loc in text_locations(text).items():
        base = locs.get(n)
        if base is not None and loc.section and base.section is None:
            locs[n] = replace(base, section=loc.section)
    return locs
