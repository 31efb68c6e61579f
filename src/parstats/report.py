"""The raw report as a document model: sections, re-joined paragraphs and footnotes.

The report was converted from PDF to Markdown. Footnotes (``<sup>N</sup> text`` at the start
of a line) sit where the page ended, so a sentence can be cut by a footnote block or a
``---`` rule and go on, in lower case, after it. The text is read by the project's one
Markdown reader, :func:`parstats.markdown.split_paragraphs`, which re-joins those splits;
:func:`load_report` numbers the sections the way the report does (``I.2``, ``II.2.3``,
``III.2.1``, ``P2`` for the second part, ``P2.7`` for its numbered item 7), and keeps every
paragraph's and footnote's line numbers in the raw file.

Examples
--------
>>> rep = load_report()
>>> rep.footnotes[3].text
'Tổng số cán bộ, công chức, viên chức (không tính viên chức giáo dục) là 197 người.'
>>> rep.locate("thực hiện tinh giản 28/1.752 biên chế so với năm 2021, đạt 1,6%")
Location(line=75, source='II.1')
>>> rep.locate("là tiêu chí đánh giá mức độ hoàn thành") is not None
True
"""
from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from parstats.markdown import Paragraph as TextParagraph
from parstats.markdown import normalize_lines, normalize_text, split_paragraphs
from parstats.paths import RAW_REPORT

__all__ = ["Footnote", "Location", "Paragraph", "Report", "Section", "describe_source", "load_report",
           "normalize_text"]

_HEADING_MARK = re.compile(r"^\s*#{1,6}\s*")
_EMPHASIS = re.compile(r"^(\*{1,3})(.+?)\1\s*$")
_PART = re.compile(r"^Phần thứ (nhất|hai|ba|tư|năm)\b", re.IGNORECASE)
_ROMAN = re.compile(r"^([IVX]+)\s*[-–.]\s+")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.\s+")
_PART_NUMBERS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5}


@dataclass(frozen=True)
class Section:
    """A heading of the report: ``id`` as the report numbers it (``II.2.3``)."""

    id: str
    title: str
    line: int


class _Pieces:
    """Text joined from pieces of the raw file: ``lines[i]`` starts at ``offsets[i]``."""

    text: str
    lines: tuple[int, ...]
    offsets: tuple[int, ...]

    @property
    def line(self) -> int:
        """Raw line number (1-based) where the text starts."""
        return self.lines[0]

    def line_at(self, offset: int) -> int:
        """Raw line number of the character at ``offset`` in :attr:`text`."""
        line = self.lines[0]
        for start, ln in zip(self.offsets, self.lines):
            if start <= offset:
                line = ln
        return line


@dataclass(frozen=True)
class Paragraph(_Pieces):
    """A body paragraph with page-break splits re-joined.

    ``lines`` holds the raw line number (1-based) of each piece it was joined from, and
    ``offsets`` where each piece starts in ``text``.
    """

    text: str
    section: str
    lines: tuple[int, ...]
    offsets: tuple[int, ...]
    footnote_refs: tuple[int, ...] = ()


@dataclass(frozen=True)
class Footnote(_Pieces):
    """Footnote ``number`` with its text and raw line numbers (a note may run on)."""

    number: int
    text: str
    lines: tuple[int, ...]
    offsets: tuple[int, ...] = (0,)

    @property
    def source(self) -> str:
        return f"fn{self.number}"


@dataclass(frozen=True)
class Location:
    """Where a quote stands: raw line number and source id (section or ``fnN``)."""

    line: int
    source: str


@dataclass
class Report:
    """The document model of one report file."""

    path: Path
    sha256: str
    raw_lines: list[str]
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: dict[int, Footnote] = field(default_factory=dict)
    _sources: tuple | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def joined_text(self) -> str:
        """All paragraphs and then all footnotes, normalised, one per line."""
        body = [p.text for p in self.paragraphs]
        notes = [f.text for _, f in sorted(self.footnotes.items())]
        return "\n".join(body + notes)

    def units(self):
        """Yield ``(text, source, line_of(offset))`` for every paragraph and footnote."""
        for p in self.paragraphs:
            yield p.text, p.section, p.line_at
        for _, f in sorted(self.footnotes.items()):
            yield f.text, f.source, f.line_at

    def locate(self, quote: str) -> Location | None:
        """Where ``quote`` (normalised) occurs, or ``None`` when it does not.

        Examples
        --------
        >>> load_report().locate("Cấp xã: có 3.267/42.712 hồ sơ, tỷ lệ 7,65%")
        Location(line=133, source='fn5')
        >>> load_report().locate("no such sentence") is None
        True
        """
        needle = normalize_text(quote)
        if not needle:
            return None
        for text, source, line_of in self.units():
            at = text.find(needle)
            if at >= 0:
                return Location(line_of(at), source)
        return None

    def source_at(self, line: int) -> str:
        """The section or footnote id (``"II.1"``, ``"fn5"``) that holds raw line ``line``: of
        the paragraph or footnote read from it, else of the nearest such line above it; ``""``
        above the first paragraph.

        Examples
        --------
        >>> r = load_report()
        >>> r.source_at(75), r.source_at(133), r.source_at(1)
        ('II.1', 'fn5', '')
        """
        if self._sources is None:
            sources: dict[int, str] = {}
            for p in self.paragraphs:
                for ln in p.lines:
                    sources.setdefault(ln, p.section)
            for _, f in sorted(self.footnotes.items()):
                for ln in f.lines:
                    sources[ln] = f.source
            self._sources = (sorted(sources), sources)
        keys, sources = self._sources
        at = bisect.bisect_right(keys, line) - 1
        return sources[keys[at]] if at >= 0 else ""

    def find(self, quote: str) -> int | None:
        """Raw line number where ``quote`` starts, or ``None``."""
        loc = self.locate(quote)
        return loc.line if loc else None


def _heading(line: str) -> str | None:
    """The heading text of ``line`` without Markdown marks, or None for a body line."""
    stripped = line.strip()
    is_hash = bool(_HEADING_MARK.match(stripped)) and stripped.startswith("#")
    text = _HEADING_MARK.sub("", stripped) if is_hash else stripped
    m = _EMPHASIS.match(text)
    if m:
        text = m.group(2).strip()
    elif not is_hash:
        return None
    return text.strip("* ").strip()


def _section_id(title: str, current: dict) -> str | None:
    """Update the numbering state with heading ``title``; return the new section id."""
    m = _PART.match(title)
    if m:
        current.update(part=_PART_NUMBERS[m.group(1).lower()], roman=None)
        return f"P{current['part']}"
    m = _ROMAN.match(title)
    if m:
        current["roman"] = m.group(1)
        return m.group(1)
    m = _NUMBERED.match(title)
    if m:
        prefix = current["roman"] or f"P{current['part']}"
        return f"{prefix}.{m.group(1)}"
    return None


def _item_section(section: str, text: str, state: dict) -> str:
    """The section of a paragraph: a numbered item of a part with no further headings
    (the tasks ``1.`` to ``8.`` of Phần thứ hai) is its own section, ``P2.7``."""
    m = _NUMBERED.match(text)
    if m and state["roman"] is None and state["part"] and section == f"P{state['part']}":
        return f"{section}.{m.group(1)}"
    return section


def _blocks(para: TextParagraph, base: int = 0) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The first line of each block (run of non-blank lines) ``para`` was read from, and where
    each block's text starts in ``para.text`` plus ``base``."""
    keep = [i for i, ln in enumerate(para.lines) if i == 0 or ln != para.lines[i - 1] + 1]
    return tuple(para.lines[i] for i in keep), tuple(base + para.starts[i] for i in keep)


def _alone(lines: list[str], para: TextParagraph) -> bool:
    """Is ``para`` one line with blank lines (or the ends of the file) around it?"""
    n = para.lines[0]  # lines[n - 2] is the line before it, lines[n] the line after
    return len(para.lines) == 1 and not any(lines[i].strip() for i in (n - 2, n) if 0 <= i < len(lines))


def parse_report(text: str, path: Path | str = "<text>") -> Report:
    """Build a :class:`Report` from Markdown ``text`` (CRLF and NFD are normalised).

    The paragraphs, footnotes and headings are those of :func:`parstats.markdown.split_paragraphs`
    (sentences cut by a page break re-joined, a footnote's second paragraph kept with it). On top
    of them the report numbers its sections, takes a line alone in emphasis (``*2.1. …*``) for
    a heading, and keeps the paragraphs of one block (the lines of a list) together. Each piece
    of a paragraph or footnote is a block of the raw file, found at the block's first line.

    Parameters
    ----------
    text : str
        The report's Markdown or plain text.
    path : Path or str
        Where the text comes from, kept as :attr:`Report.path`.

    Returns
    -------
    Report
        Sections, paragraphs and footnotes with their raw line numbers.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    report = Report(Path(path), hashlib.sha256(text.encode("utf-8")).hexdigest(), lines)
    state = {"part": 0, "roman": None}
    section = "title"
    paras: list[dict] = []
    last: dict | None = None  # the body paragraph just read, while its block may go on
    note: int | None = None  # the footnote just read, which the next paragraph may go on
    for para in split_paragraphs(normalize_lines(text)):
        if para.kind == "footnote" and para.footnote.isdecimal():
            number, last = int(para.footnote), None
            old = report.footnotes.get(number) if number == note else None
            note = number
            if old is None:
                report.footnotes[number] = Footnote(number, para.text, *_blocks(para))
            else:  # its second paragraph
                starts, offsets = _blocks(para, len(old.text) + 1)
                report.footnotes[number] = Footnote(number, f"{old.text} {para.text}",
                                                    old.lines + starts, old.offsets + offsets)
            continue
        note, heading = None, None
        if para.kind == "heading" or _alone(lines, para):
            heading = _heading(lines[para.lines[0] - 1])
        if heading is not None:
            new_id = _section_id(heading, state)
            if new_id is not None or heading.startswith(("Phần", "NHIỆM VỤ")) or section == "title":
                section = new_id or section
                report.sections.append(Section(section, heading, para.lines[0]))
                last = None
                continue
        refs = tuple(int(n) for _, n in para.markers if n.isdecimal())
        if last is not None and para.lines[0] == last["end"] + 1:  # the same block goes on
            starts, offsets = _blocks(para, len(last["text"]) + 1)
            last.update(text=f"{last['text']} {para.text}", lines=last["lines"] + starts[1:],
                        offsets=last["offsets"] + offsets[1:], refs=last["refs"] + refs)
        else:
            last = {"text": para.text, "section": _item_section(section, para.text, state),
                    "lines": (), "offsets": (), "refs": refs}
            last["lines"], last["offsets"] = _blocks(para)
            paras.append(last)
        last["end"] = para.lines[-1]
    report.paragraphs = [Paragraph(p["text"], p["section"], p["lines"], p["offsets"], p["refs"])
                         for p in paras]
    return report


def describe_source(source: str) -> str:
    """A section or footnote id (``II.1``, ``P2.7``, ``fn5``) as a Vietnamese reader cites it.

    Examples
    --------
    >>> [describe_source(s) for s in ("II.2.3", "fn5", "P2.7", "P1", "title")]
    ['mục II.2.3', 'chú thích 5', 'Phần thứ hai, mục 7', 'Phần thứ nhất', 'phần mở đầu']
    """
    if source.startswith("fn") and source[2:].isdecimal():
        return f"chú thích {source[2:]}"
    if source == "title":
        return "phần mở đầu"
    m = re.fullmatch(r"P(\d)(?:\.(.+))?", source)
    if m:
        words = {n: w for w, n in _PART_NUMBERS.items()}
        part = f"Phần thứ {words[int(m.group(1))]}"
        return f"{part}, mục {m.group(2)}" if m.group(2) else part
    return f"mục {source}"


def load_report(path: Path | str = RAW_REPORT) -> Report:
    """Read and parse a report file (UTF-8).

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    ValueError
        If it is not valid UTF-8 (the message names the file and the byte offset).
    """
    resolved = Path(path).resolve()
    stat = resolved.stat()
    return _load_cached(str(resolved), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load_cached(path: str, _mtime_ns: int, _size: int) -> Report:
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not valid UTF-8 at byte {exc.start} ({data[exc.start:exc.start + 1]!r})") from None
    report = parse_report(text, path)
    report.sha256 = hashlib.sha256(data).hexdigest()
    return report
