"""The one reader of report text, Markdown or plain, shared by :mod:`parstats.report` and
:mod:`parstats.audit`.

A report converted from PDF to Markdown has headings (``#``), bold and italic emphasis, HTML
tags, table rows (``| … |``), bullets, horizontal rules and footnote definitions
(``<sup>5</sup> …`` or ``[^5]: …``) that sit where a page ended, so a sentence can be cut by a
footnote block or a rule and go on, in lower case, after it. :func:`normalize_lines`
normalises the text while keeping every line where it was; :func:`split_paragraphs` turns it
into :class:`Paragraph` objects (body, heading, table row, footnote) with their line numbers
and footnote markers, re-joining sentences cut by a page break; :func:`normalize_text`
normalises a quote the same way, to look for it in a paragraph's text.

This module is ground level: it imports nothing from the project, so the report's document
model (:mod:`parstats.report`) and the audit (:mod:`parstats.audit`) both read text with it.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate

__all__ = ["Paragraph", "joined_texts", "normalize_lines", "normalize_text", "split_paragraphs"]

_TRANS = {c: " " for c in (0x00A0, 0x202F, 0x2007, 0x2009, 0x2002, 0x2003, 0x2004, 0x2005,
                           0x2006, 0x2008, 0x200A, 0x3000, 0x0009, 0x000B, 0x000C, 0x0085,
                           0x2028, 0x2029, 0x1680, 0x205F)}
_TRANS.update({c: None for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)})
_TRANS.update({c: " " for c in list(range(0x00, 0x09)) + list(range(0x0E, 0x20)) + [0x7F]})
_TRANS.update({0xFF05: "%", 0x066A: "%", 0xFE6A: "%", 0x2215: "/", 0xFF0F: "/", 0x2044: "/"})

_TRANS_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TRANS)) + "]")


def _trans_one(m: re.Match) -> str:
    return _TRANS[ord(m.group(0))] or ""


def normalize_lines(text: str) -> str:
    """Normalise a whole text for extraction, keeping every line where it was.

    NFC, ``\\n`` line ends, every space-like character as a plain space, zero-width
    characters dropped, look-alike ``%`` and ``/`` folded. Line numbers are preserved: CRLF and
    lone CR become one ``\\n``; other separators (NBSP, U+2028, tabs, zero-width characters,
    controls) never add or remove a line, and runs of spaces are kept.

    This is not :func:`normalize_text`, which normalises a *quote* for comparison (joins its
    lines, strips markup and footnote markers): claims need their line numbers in the text as
    given, so markers and spacing are handled later, line by line, by :func:`split_paragraphs`.

    Examples
    --------
    >>> normalize_lines("84,11\\u00a0%\\r\\nco\\u0301") == "84,11 %\\ncó"
    True
    >>> normalize_lines("a\\rb\\u2028c").split("\\n")
    ['a', 'b c']
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TRANS_RE.sub(_trans_one, text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


@dataclass(slots=True)
class Paragraph:
    """A paragraph of the normalised text with a map back to line numbers.

    ``text`` joins the paragraph's lines (and page-break continuations) with single spaces,
    with Markdown emphasis, HTML tags and footnote markers removed; ``markers`` holds
    ``(offset, footnote id)`` of each removed marker; ``footnote`` is the id when the paragraph
    is a footnote's text; ``kind`` is ``"body"``, ``"heading"``, ``"table"`` or ``"footnote"``.
    """

    text: str
    starts: list[int]
    lines: list[int]
    markers: list[tuple[int, str]]
    kind: str = "body"
    footnote: str | None = None
    bullet: bool = False

    def line_at(self, pos: int) -> int:
        """Line number of character ``pos`` of :attr:`text`."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.lines[max(i, 0)]

    def add(self, piece: str, line: int, markers: list[tuple[int, str]]) -> None:
        if not piece:
            return
        base = len(self.text) + (1 if self.text else 0)
        self.text = f"{self.text} {piece}" if self.text else piece
        self.starts.append(base)
        self.lines.append(line)
        if markers:
            self.markers.extend((base + p, n) for p, n in markers)

    def extend(self, other: "Paragraph") -> None:
        base = len(self.text) + 1
        self.text = f"{self.text} {other.text}"
        self.starts.extend(base + s for s in other.starts)
        self.lines.extend(other.lines)
        self.markers.extend((base + p, n) for p, n in other.markers)


_RULE_RE = re.compile(r"^\s{0,3}([-*_=])(?:\s*\1){2,}\s*$")

_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")

_BULLET_RE = re.compile(r"^\s*(?:[-+*•–]|[0-9]{1,2}[.)]|[a-zđ][)])\s+")
#: a bullet inside emphasis markers: "*- …*", "**+ …**"
_EMPHASISED_BULLET_RE = re.compile(r"^\s*\*{1,3}(?:[-+•–]|[0-9]{1,2}[.)]|[a-zđ][)])\s+")

_FOOTDEF_RE = re.compile(r"^\s*(?:<sup>\s*([0-9]{1,3}|[a-z])\s*</sup>|\[\^([^\]\s]{1,10})\]:)\s*")

#: markup to remove; the lookahead names the first characters of the alternatives, which lets
#: the engine skip plain text quickly
_MARKUP_RE = re.compile(
    r"(?=[<\[*_\\¹²³⁴⁵⁶⁷⁸⁹⁰])(?:"
    r"<sup>\s*([0-9]{1,3}|[a-z*])\s*</sup>|\[\^([^\]\s]{1,10})\]|</?[A-Za-z][^<>]{0,200}>"
    r"|\*+|__(?<![^\W_]__)|__(?![^\W_])|\\(?=[\\`*_{}\[\]()#+\-.!|>])|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"
)

_RULE_FIRST = frozenset("-*_=")

_BULLET_FIRST = frozenset("-+*•–abcdefghijklmnopqrstuvwxyzđ")

#: the first characters of a line that may make it other than plain body text: a rule, a
#: heading, a table row, a footnote definition or a bullet
_SPECIAL_FIRST = _RULE_FIRST | _BULLET_FIRST | frozenset("#|<[0123456789")

#: a line without any of these has nothing for _MARKUP_RE to remove (each of its alternatives
#: starts with one of them)
_NEEDS_CLEAN_RE = re.compile(r"[<*_\[\\¹²³⁴⁵⁶⁷⁸⁹⁰]")

#: a line without any of these (nor "[^") has, for _MARKUP_RE, at most emphasis ("*") to remove
#: and no footnote marker (what _strip_markup does with such a line: drop every "*"); the
#: pattern starts with a character class, which the engine looks for quickly
_MARKUP_MORE_RE = re.compile(r"[<_\\¹²³⁴⁵⁶⁷⁸⁹⁰[](?:(?<!\[)|(?=\^))")  # "[" only before "^"

#: superscript digits: a footnote marker as some converters write it
_SUPERSCRIPT_RE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]")

_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")

_SPACES_RE = re.compile(r" {2,}")

_LABEL_RE = re.compile(r"^[^\W\d_][^:;.()\d]{0,40}:\s")

_TERMINAL = frozenset(".:;!?…")


def _strip_markup(line: str) -> tuple[str, list[tuple[int, str]]]:
    """Remove Markdown/HTML markup from one line; return the text and its footnote markers
    (offset in the returned text, note number or name)."""
    markers: list[tuple[int, str]] = []
    if "<sup" not in line and "[^" not in line and not _SUPERSCRIPT_RE.search(line):
        # no footnote marker to keep in place
        if "<" not in line and "_" not in line and "\\" not in line:
            return line.replace("*", ""), markers  # emphasis only: "**bold**"
        return _MARKUP_RE.sub("", line), markers  # markup but no marker: tags, emphasis
    out: list[str] = []
    pos = 0
    length = 0
    for m in _MARKUP_RE.finditer(line):
        chunk = line[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        note = m.group(1) or m.group(2)
        if note is None and m.group(0)[0] in "¹²³⁴⁵⁶⁷⁸⁹⁰":
            note = m.group(0).translate(_SUPERSCRIPTS)
        if note is not None:
            markers.append((length, note))
        pos = m.end()
    out.append(line[pos:])
    return "".join(out), markers


def _clean(line: str) -> tuple[str, list[tuple[int, str]]]:
    """Strip Markdown/HTML from one line; return the text and its footnote markers."""
    markers: list[tuple[int, str]] = []
    if not _NEEDS_CLEAN_RE.search(line):
        # the common case: plain text, no markup and so no markers to keep in place
        if "  " in line:
            line = _SPACES_RE.sub(" ", line)
        return line.strip(), markers
    line, markers = _strip_markup(line)
    if "  " in line:
        # collapse spaces, keeping marker offsets right
        if markers:
            # a marker moves back by the spaces dropped before it: all but the first of each
            # run of spaces (the markers are in order, so one pass over the runs)
            runs = [m.span() for m in _SPACES_RE.finditer(line)]
            mapped = []
            dropped = k = 0
            for p, n in markers:
                while k < len(runs) and runs[k][1] <= p:
                    dropped += runs[k][1] - runs[k][0] - 1
                    k += 1
                inside = p - runs[k][0] - 1 if k < len(runs) and runs[k][0] + 1 < p else 0
                mapped.append((p - dropped - inside, n))
            markers = mapped
        line = _SPACES_RE.sub(" ", line)
    if not markers:
        return line.strip(), markers
    stripped = line.lstrip()
    shift = len(line) - len(stripped)
    line = stripped.rstrip()
    markers = [(max(0, min(p - shift, len(line))), n) for p, n in markers]
    return line, markers


def normalize_text(text: str) -> str:
    """Normalise a quote for comparison with a paragraph's text: the same normalisation and
    markup cleaning as :func:`split_paragraphs`, lines joined by single spaces.

    Examples
    --------
    >>> normalize_text("tỷ lệ\\u00a098,45%<sup>9</sup>.  **Về**")
    'tỷ lệ 98,45%. Về'
    """
    pieces = (_clean(line)[0] for line in normalize_lines(text).split("\n"))
    return " ".join(piece for piece in pieces if piece)


_PIPE_SEPARATOR_RE = re.compile(r"^\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")


#: a cell that is a number ("| 5,20", "| 2 813")
_DIGIT_CELL_RE = re.compile(r"\| ?[0-9]")


def _pipe_table_rows(lines: list[str]) -> frozenset[int]:
    """Line numbers (1-based) of the rows of pipe tables written without outer pipes
    (``Năm | 2010 | 2021`` / ``--- | --- | ---`` / ``GRDP | 124,7 | 346,6``, GitHub Markdown):
    the separator line and the lines with a ``|`` right around it."""
    rows: set[int] = set()
    # only the lines with a "|" can be rows (listed first: most lines of a text have none)
    piped = [i for i, line in enumerate(lines) if "|" in line]

    def add_run(run: list[int]) -> None:
        if len(run) >= 3:
            numbered = [k for k in run if _DIGIT_CELL_RE.search(lines[k])]
            widths = {lines[k].count("|") for k in numbered}
            if len(numbered) >= 2 and len(widths) == 1 and min(widths) >= 2:
                rows.update(k + 1 for k in run)

    # without a separator line (text converted from print): a run of three or more lines with
    # " | ", two of them or more with a number, all those of the same number of cells (three or more)
    run: list[int] = []
    for i in piped:
        line = lines[i]
        if " | " in line or line.lstrip().startswith("|"):
            if run and i != run[-1] + 1:  # a line between: the run before has ended
                add_run(run)
                run = []
            run.append(i)
        else:
            add_run(run)
            run = []
    add_run(run)
    for i in piped:
        line = lines[i]
        if "--" not in line or not _PIPE_SEPARATOR_RE.match(line):
            continue
        rows.add(i + 1)
        j = i - 1
        if j >= 0 and "|" in lines[j]:
            rows.add(j + 1)
        j = i + 1
        while j < len(lines) and "|" in lines[j] and lines[j].strip():
            rows.add(j + 1)
            j += 1
    return frozenset(rows)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split normalised text into paragraphs, re-joining sentences cut by a page break.

    A blank line ends a paragraph; a heading, a table row, a list item or a footnote
    definition (``<sup>n</sup> …`` or ``[^n]: …``) starts one; a horizontal rule is dropped.
    A body paragraph that ends without final punctuation continues in the next body paragraph
    when that one starts in lower case or with a number (footnote blocks and rules in between
    are skipped). A paragraph right after a footnote that starts with a label and a colon like
    the footnote does (``Cấp huyện: …`` / ``Cấp xã: …``) continues that footnote.

    Examples
    --------
    >>> paras = split_paragraphs("Hiện có 83/96\\n\\n<sup>5</sup> Ghi chú.\\n\\nthủ tục được tích hợp.")
    >>> [(p.kind, p.text, p.lines) for p in paras]
    [('body', 'Hiện có 83/96 thủ tục được tích hợp.', [1, 5]), ('footnote', 'Ghi chú.', [3])]
    """
    paras: list[Paragraph] = []
    cur: Paragraph | None = None
    # a paragraph's text is joined once at the end from its lines (joining it line by line
    # with Paragraph.add copies it again for every line: quadratic in a long paragraph)
    grown: list[tuple[Paragraph, list[str]]] = []
    grown_para: Paragraph | None = None
    pieces: list[str] = []
    plen = 0
    has_footnote = False  # a footnote continuation needs a footnote before it
    # names looked up once (this loop runs for every line of the text)
    special_first, more_markup, spaces_sub = _SPECIAL_FIRST, _MARKUP_MORE_RE.search, _SPACES_RE.sub
    # the lines with markup beyond emphasis, found by one search of the text: a line without
    # any needs no search of its own (nor its heading or footnote text, which is part of it)
    markup_lines: set[int] = set()
    line, pos = 1, 0
    for m in _MARKUP_MORE_RE.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        markup_lines.add(line)
    new_paragraph, add_paragraph = Paragraph, paras.append
    lines = text.split("\n")
    pipe_rows = _pipe_table_rows(lines) if "|" in text and ("--" in text or " | " in text) else frozenset()
    for lineno, raw in enumerate(lines, start=1):
        if not raw or raw.isspace():
            cur = None
            continue
        # the first non-space character decides which of the line patterns can match
        # (their \s is str.isspace, as for lstrip): most lines are plain text
        first = raw[0] if not raw[0].isspace() else raw.lstrip()[0]
        kind = "body"
        footnote = None
        bullet = False
        body = raw
        if lineno in pipe_rows:  # a row of a pipe table without outer pipes ("Năm | 2010 | 2021")
            kind = "table"
        elif first not in special_first:
            pass  # most lines: plain text (no rule, heading, table row, footnote or bullet)
        elif first in _RULE_FIRST and _RULE_RE.match(raw):
            cur = None
            continue
        elif first == "#" and _HEADING_RE.match(raw):
            kind = "heading"
            body = _HEADING_RE.sub("", raw, count=1).rstrip("#")
        elif first == "|":  # ^\s*\|
            kind = "table"
        else:
            fm = _FOOTDEF_RE.match(raw) if first in "<[" else None
            if fm:
                kind, footnote = "footnote", (fm.group(1) or fm.group(2))
                has_footnote = True
                body = raw[fm.end():]
            elif first in _BULLET_FIRST or "0" <= first <= "9":
                # a bullet is a symbol, or "a)", "1.", "12)": look at two characters first
                lead = raw if raw[0] == first else raw.lstrip()
                bullet = ((first in "-+*•–" or ")" in lead[1:3] or "." in lead[1:3])
                          and _BULLET_RE.match(raw) is not None)
                if not bullet and first == "*" and _EMPHASISED_BULLET_RE.match(raw):
                    bullet = True  # "*- Vốn tự có: 49,6 tỷ …*": a bullet set in italics
        if lineno not in markup_lines or more_markup(body) is None:
            # _clean(body) inline for the common cases: plain text, or text with only emphasis
            # ("**bold**") or brackets that are not markers ("[1] …"): no markers to keep
            if "*" in body:
                body = body.replace("*", "")
            piece = (spaces_sub(" ", body) if "  " in body else body).strip()
            markers = []
        else:
            piece, markers = _clean(body)
        if kind == "body" and not bullet and cur is not None and cur.kind in ("body", "footnote"):
            if piece:  # cur.add(piece, lineno, markers), the text joined at the end
                if grown_para is not cur:
                    grown_para, pieces, plen = cur, ([cur.text] if cur.text else []), len(cur.text)
                    grown.append((cur, pieces))
                base = plen + (1 if plen else 0)
                pieces.append(piece)
                plen = base + len(piece)
                cur.starts.append(base)
                cur.lines.append(lineno)
                if markers:
                    cur.markers.extend((base + p, n) for p, n in markers)
            continue
        # as Paragraph("", [], [], [], …) then .add(piece, lineno, markers), which keeps no
        # markers of an empty piece
        cur = new_paragraph(piece, [0], [lineno], markers if piece else [], kind, footnote, bullet)
        add_paragraph(cur)
        if kind in ("heading", "table"):
            cur = None
    for para, texts in grown:
        para.text = " ".join(texts)
    # footnote continuations: "Cấp huyện: …" then "Cấp xã: …"
    for i in (range(1, len(paras)) if has_footnote else ()):
        p, prev = paras[i], paras[i - 1]
        if (p.kind == "body" and not p.bullet and prev.kind == "footnote"
                and _LABEL_RE.match(prev.text) and _LABEL_RE.match(p.text)):
            p.kind, p.footnote = "footnote", prev.footnote
    # page-break joins: from each body paragraph that ends without final punctuation (found
    # first: most paragraphs end with one; a paragraph joined to an earlier one is skipped)
    skip: set[int] = set()
    n = len(paras)
    for i in [i for i, p in enumerate(paras) if p.kind == "body" and p.text and p.text[-1] not in _TERMINAL]:
        if i in skip:
            continue
        p = paras[i]
        # p.extend(q) for each continuation q, the text joined once at the end; the search
        # for the next one goes on from the last (all before it are footnotes or joined)
        texts = [p.text]
        plen = len(p.text)
        j = i + 1
        while texts[-1][-1] not in _TERMINAL:
            while j < n and (paras[j].kind == "footnote" or j in skip):
                j += 1
            if j >= n:
                break
            q = paras[j]
            if q.kind != "body" or q.bullet or not q.text:
                break
            first = q.text[0]
            if not (first.islower() or (first.isdigit() and not _BULLET_RE.match(q.text))):
                break
            base = plen + 1
            texts.append(q.text)
            plen = base + len(q.text)
            p.starts.extend(base + s for s in q.starts)
            p.lines.extend(q.lines)
            p.markers.extend((base + pos, note) for pos, note in q.markers)
            skip.add(j)
        if len(texts) > 1:
            p.text = " ".join(texts)
    return [p for i, p in enumerate(paras) if i not in skip] if skip else paras


def joined_texts(texts: list[str]) -> tuple[str, list[int]]:
    """``texts`` joined by line breaks (one search over them all instead of one per text), and
    where each starts in the result (``bisect_right(starts, pos) - 1`` is the text at ``pos``)."""
    return "\n".join(texts), list(accumulate([len(t) + 1 for t in texts[:-1]], initial=0)) if texts else []
