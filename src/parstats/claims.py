"""Extract the numeric claims of a Vietnamese report: ratios, changes, sums, ranks, dates, documents.

Vietnamese administrative reports write ``1.752`` for one thousand seven hundred and fifty-two
and ``84,11%`` for a percentage, and their fractions (``28/1.752``) sit beside dates
(``14/5/2021``, ``ngày 30/6``), document numbers (``7889/QĐ-UBND``, ``06/2018/NQ-HĐND``,
``29-KH/HU``), ranks (``xếp thứ 4/11``), standards (``ISO 9001:2015``) and table formulas
(``4=3/2``) that look the same. :func:`extract_claims` reads any such text (Markdown or plain,
CRLF or LF, NFC or NFD, with non-breaking spaces, wrapped lines and sentences cut by a page
break or a footnote block) and returns one :class:`Claim` per checkable statement, with its
line number and a quote.

Kinds of claim
--------------
``ratio``
    ``X/Y … (đạt) (tỷ lệ) Z%``, ``X người, tỷ lệ Z%`` or ``Z% (X người)`` with the total found
    in the same sentence, an earlier sentence of the paragraph (``tổng số N …`` or the
    denominator of an earlier fraction with the same noun) or a footnote (``Tổng số … là N``);
    a bare fraction ``X/Y noun`` without a percentage is a ratio claim with ``reported=None``
    (never checked: ``20/11`` may be a date, ``422/1`` an address); a share stated without its
    counts (``28,95% thủ tục hành chính``, ``đạt 100%``) is a ratio claim with no numerator
    and no total (``detail["share_only"]``).
``change``
    ``… N1 noun, giảm/tăng N noun so với năm YYYY, (đạt) Z%``; the base (the old value
    ``N1 ± N``) is resolved from the value stated before the change.
``sum``
    parts with a stated total: ``58 đơn vị (gồm 51 …; 07 …)``, a fraction followed by its
    breakdown (``334/362 …; trong đó 116/123 …, 83/96 …, còn lại 135/143``), a total then a
    list after a colon, or a footnote that breaks down the number it is attached to. A list
    counts as a breakdown when it says so (``gồm``, ``bao gồm``, ``còn lại``, ``chia ra``) or
    when its parts add up; a list that adds to less than the total without saying so is taken
    as a partial listing (``Về trình độ lý luận chính trị: …``), not as a claim.
``rank``, ``date``, ``document``
    ``xếp thứ 4/11``; ``14/5/2021``, ``ngày 30/6``, ``tháng 9/2021``; ``7889/QĐ-UBND``.

Examples
--------
>>> text = "Tinh giản 28/1.752 biên chế, đạt 1,6%; ngày 14/5/2021 xếp thứ 4/11."
>>> [(c.kind, c.numerator, c.denominator, c.reported) for c in extract_claims(text)]
[('ratio', 28, 1752, '1,6%'), ('date', None, None, '14/5/2021'), ('rank', 4, 11, '4/11')]
"""
from __future__ import annotations

import bisect
import gc
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from parstats.documents import DOCUMENT_PATTERN, DocumentRef, reference_at, valid_date
from parstats.numbers import (
    DECIMAL_SYMBOL,
    GROUP_SYMBOL,
    INTEGER_PATTERN,
    NUMBER_PATTERN,
    format_number,
    parse_count,
)

__all__ = [
    "KINDS",
    "Claim",
    "TargetSpec",
    "Paragraph",
    "ReportReadError",
    "normalize_lines",
    "split_paragraphs",
    "extract_claims",
    "read_text",
]

#: The kinds of claim, in the order the issue lists them.
KINDS = ("ratio", "change", "sum", "rank", "date", "document")
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}  # KINDS.index, as a dict


class ReportReadError(ValueError):
    """A report file that is missing, unreadable or not UTF-8 text."""


@dataclass(frozen=True)
class TargetSpec:
    """A target stated near a claim: ``tối thiểu 10%`` -> ``("at_least", Decimal("10"))``."""

    comparator: str
    value: Decimal
    text: str
    line: int


@dataclass(frozen=True)
class Claim:
    """One numeric claim found in a text.

    Attributes
    ----------
    id : str
        ``"<kind>-<line>-<n>"``, unique within one extraction.
    kind : str
        One of :data:`KINDS`.
    line : int
        1-based line number in the original text (of the numerator, the change amount, the
        first part of a sum, the rank, the date or the document number).
    quote : str
        The words of the claim, whitespace-normalised (NFC, footnote markers removed).
    numerator, denominator : int or None
        Ratio: count and total. Change: the change amount and the resolved base (old value).
        Sum: ``None`` and the stated total. Rank: rank and number ranked.
    parts : tuple of int or None
        The parts of a sum claim.
    reported : str or None
        The value as written: ``"98,45%"``, ``"2.059"`` (a total), ``"4/11"``, ``"14/5/2021"``,
        ``"06/2018/NQ-HĐND"``.
    denominator_source : str or None
        How the total (or base) was found, in words.
    target : TargetSpec or None
        A target stated before the claim (``Phấn đấu 15% …``), used for "gross" errors.
    detail : dict
        Kind-specific extras (``unit``, ``new``/``direction`` of a change, ``document``,
        ``day``/``month``/``year`` of a date, ``footnote`` …).
    """

    id: str
    kind: str
    line: int
    quote: str
    numerator: int | None = None
    denominator: int | None = None
    parts: tuple[int, ...] | None = None
    reported: str | None = None
    denominator_source: str | None = None
    target: TargetSpec | None = None
    detail: dict = field(default_factory=dict, compare=False, hash=False)


@contextmanager
def _gc_paused():
    """Pause CPython's cyclic garbage collector for one extraction or audit.

    An extraction builds hundreds of thousands of small objects that live until it returns
    (paragraphs, tokens, claims) and makes no reference cycles. With the collector on, every
    25% growth of the heap starts a full collection that walks all of them again: about a
    third of the run time on 10 MB of text, for nothing to collect. Reference counting frees
    memory as usual; the collector is switched back on afterwards if it was on (and left
    alone if the caller had switched it off). The switch is process-wide: other threads run
    without the cyclic collector until the call returns.

    Examples
    --------
    >>> with _gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_CLAIM_FIELDS = tuple(Claim.__dataclass_fields__)


def _new_claim(*values) -> Claim:
    """``Claim(*values)`` (every field, in order) without the frozen dataclass's per-field
    ``object.__setattr__``: the same object, built faster (one per claim of a text)."""
    c = object.__new__(Claim)
    c.__dict__.update(zip(_CLAIM_FIELDS, values))
    return c


# --------------------------------------------------------------------------------------------
# Text normalisation and paragraphs
# --------------------------------------------------------------------------------------------

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

    This is not :func:`parstats.report.normalize_text`, which normalises a *quote* for
    comparison (collapses all white space including line ends, strips footnote markers):
    claims need their line numbers in the text as given, so markers and spacing are handled
    later, line by line, by :func:`split_paragraphs`.

    Examples
    --------
    >>> normalize_lines("84,11\\u00a0%\\r\\nco\\u0301") == "84,11 %\\ncó"
    True
    >>> normalize_lines("a\\rb\\u2028c").split("\\n")
    ['a', 'b c']
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TRANS_RE.sub(_trans_one, text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


@dataclass
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
#: a line without any of these has nothing for _MARKUP_RE to remove (each of its alternatives
#: starts with one of them)
_NEEDS_CLEAN_RE = re.compile(r"[<*_\[\\¹²³⁴⁵⁶⁷⁸⁹⁰]")
#: a line without any of these has no footnote marker to keep
_MAY_MARK_RE = re.compile(r"<sup|\[\^|[¹²³⁴⁵⁶⁷⁸⁹⁰]")
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_SPACES_RE = re.compile(r" {2,}")
_LABEL_RE = re.compile(r"^[^\W\d_][^:;.()\d]{0,40}:\s")
_TERMINAL = frozenset(".:;!?…")


def _strip_markup(line: str) -> tuple[str, list[tuple[int, str]]]:
    """Remove Markdown/HTML markup from one line; return the text and its footnote markers
    (offset in the returned text, note number or name)."""
    markers: list[tuple[int, str]] = []
    if not _MAY_MARK_RE.search(line):
        return _MARKUP_RE.sub("", line), markers  # markup but no marker: bold, tags
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
    for lineno, raw in enumerate(text.split("\n"), start=1):
        if not raw or raw.isspace():
            cur = None
            continue
        # the first non-space character decides which of the line patterns can match
        # (their \s is str.isspace, as for lstrip): most lines are plain text
        first = raw[0] if not raw[0].isspace() else raw.lstrip()[0]
        if first in _RULE_FIRST and _RULE_RE.match(raw):
            cur = None
            continue
        kind = "body"
        footnote = None
        bullet = False
        body = raw
        if first == "#" and _HEADING_RE.match(raw):
            kind = "heading"
            body = _HEADING_RE.sub("", raw, count=1).rstrip("#")
        elif first == "|":  # ^\s*\|
            kind = "table"
        else:
            fm = _FOOTDEF_RE.match(raw) if first in "<[" else None
            if fm:
                kind, footnote = "footnote", (fm.group(1) or fm.group(2))
                body = raw[fm.end():]
            elif (first in _BULLET_FIRST or "0" <= first <= "9") and _BULLET_RE.match(raw):
                bullet = True
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
        cur = Paragraph(piece, [0], [lineno], markers if piece else [], kind=kind,
                        footnote=footnote, bullet=bullet)
        paras.append(cur)
        if kind in ("heading", "table"):
            cur = None
    for para, texts in grown:
        para.text = " ".join(texts)
    # footnote continuations: "Cấp huyện: …" then "Cấp xã: …"
    for i in range(1, len(paras)):
        p, prev = paras[i], paras[i - 1]
        if (p.kind == "body" and not p.bullet and prev.kind == "footnote"
                and _LABEL_RE.match(prev.text) and _LABEL_RE.match(p.text)):
            p.kind, p.footnote = "footnote", prev.footnote
    # page-break joins
    out: list[Paragraph] = []
    skip: set[int] = set()
    n = len(paras)
    for i, p in enumerate(paras):
        if i in skip:
            continue
        if p.kind == "body" and p.text and p.text[-1] not in _TERMINAL:
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
        out.append(p)
    return out


# --------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------

_INT = INTEGER_PATTERN  # a whole number as written: "1.752", "07"
_NUM = NUMBER_PATTERN  # a number as written: "84,11", "1.752"
_TOKEN_RE = re.compile(
    r"(?=[0-9])(?<![\w/.,])(?<![^\W\d_]-)(?:"
    r"(?P<doc>" + DOCUMENT_PATTERN + r")(?![\w/])"
    r"|(?P<date>(?P<dd>[0-9]{1,2})(?P<sep>[/.-])(?P<dm>[0-9]{1,2})(?P=sep)(?P<dy>[0-9]{4}))"
    r"(?![0-9]|[/.-][0-9])"
    r"|(?P<code>[0-9]+(?::[0-9]+)+)(?![0-9])"
    r"|(?P<frac>(?P<fa>" + _INT + r")/(?P<fb>" + _INT + r"))(?![\w/]|[.,][0-9])"
    r"|(?P<pct>" + _NUM + r") ?%"
    r"|(?P<num>" + _NUM + r")(?![\w/%]|[.,][0-9])"
    r")"
)
_DIGIT_RE = re.compile(r"[0-9]")
_PAREN_RE = re.compile(r"[()]")
_LONG_DATE_RE = re.compile(
    r"(?i)ngày ([0-9]{1,2}) tháng ([0-9]{1,2}) năm ([0-9]{4})(?![0-9])")
_TRONG_DO_RE = re.compile(r"(?i)\btrong đó\b")
_WORD_AFTER_RE = re.compile(r" ?([^\W\d_]+)(?: ([^\W\d_]+))?")
_PREV_WORDS_RE = re.compile(r"([^\W\d_]+)[ ,:]{0,3}$")
_PREV2_RE = re.compile(r"([^\W\d_]+) ([^\W\d_]+)[ ,:]{0,3}$")
#: a sentence ends at a full stop followed by a space (perhaps after citation markers such as
#: "[8]" or "[a]" that a crawled page keeps in the text), or at a semicolon (a clause)
_SENT_END_RE = re.compile(r"[.!?…](?=(?:\[[0-9a-z]{1,3}\])*(?: |$))|;")

#: words after a number that are not the noun of a count
_NOT_UNIT = frozenset(
    "và hoặc đến tới so là của trong tại với trên dưới thì mà nên được đã có cho theo về từ "
    "này đó các những như khi đạt chiếm bằng tương ứng phần trăm lần".split()
)
#: time units: "6 tháng", "30 ngày" are durations, not counts of things
_TIME_UNITS = frozenset("năm tháng ngày giờ phút giây tuần quý kỳ buổi thế tuổi".split())
#: words before a number that make it an identifier, not a count
_NOT_COUNT_PREV = frozenset(
    "điều khoản điểm mục chương phần lục thứ hạng khóa khoá kỳ quý tháng năm ngày giai đoạn "
    "độ tuyến trang tờ bảng biểu mẫu hình phụ tập lộ quốc iso tcvn covid phiên bản version "
    "cột dòng hàng stt khu phường tổ thôn ấp xóm đội".split()
)
_YEAR_PREV = frozenset("năm giai đoạn kỳ khóa khoá niên từ đến trước sau cuối đầu tháng quý".split())
_DATE_PREV = frozenset("ngày từ đến tới trước sau hạn vào hôm sáng chiều tối đêm".split())
_RANK_PREV = frozenset("thứ hạng".split())
_RANK_PREV2 = ("vị trí",)
_TARGET_BEFORE_RE = re.compile(
    r"(?P<w>tối thiểu|ít nhất|phấn đấu(?: đạt)?(?: có)?|không dưới|không thấp hơn|đạt từ|tối đa|"
    r"không quá|không vượt quá|trên|dưới|hơn|khoảng|gần|xấp xỉ|gần như|giảm|tăng|thêm)"
    r"(?: (?:đến|tới) năm [0-9]{4},?)? ?$"
)
_AT_LEAST_WORDS = ("tối thiểu", "ít nhất", "phấn đấu", "không dưới", "không thấp hơn", "đạt từ")
_AT_MOST_WORDS = ("tối đa", "không quá", "không vượt quá")
_PCT_REF_AFTER_RE = re.compile(
    r" ?(?:so\b|kế hoạch|KH\b|dự toán|chỉ tiêu|cùng kỳ|mục tiêu|nghị quyết|NQ\b|nhiệm vụ)", re.I
)
_SHARE_CUE_RE = re.compile(
    r"(?:đạt|chiếm|bằng|tương ứng|tỷ lệ|tỉ lệ|với tỷ lệ|đạt tỷ lệ|chiếm tỷ lệ)(?: là)?[ :]{0,2}$"
)
_EXHAUSTIVE_RE = re.compile(r"\b(?:gồm|bao gồm|còn lại|chia ra|cụ thể là|cụ thể:)", re.I)
_EXHAUSTIVE_AT_RE = re.compile(f"(?=({_EXHAUSTIVE_RE.pattern}))", re.I)  # every match, overlaps too
_TOTAL_WORD_RE = re.compile(r"(?i)tổng (?:số|cộng)")
_CHANGE_PREV = frozenset(("giảm", "tăng"))
_ON_TOTAL_RE = re.compile(r"(?i)trên (?:tổng số|tổng cộng|tổng) (?:[^\W\d_]+ ){0,6}?(" + _INT + r")(?![0-9])")
_MONEY_UNITS = frozenset("tỷ tỉ triệu nghìn ngàn đồng usd đô".split())
_SINCE_RE = re.compile(r"so với (?:năm |giai đoạn |cùng kỳ(?: năm)? )?([0-9]{4}(?: ?- ?[0-9]{4})?)?")


#: words before a number that make it approximate ("khoảng 7.700 tấn"): not exact enough to check
_APPROX_PREV = frozenset("khoảng gần hơn trên dưới xấp xỉ ước chừng độ".split())
#: nouns of people: a count of "người" and a total of "công chức" count the same kind of thing
_PERSON_NOUNS = frozenset((
    "người", "cán bộ", "công chức", "viên chức", "đảng viên", "đại biểu", "học sinh", "giáo viên",
    "sinh viên", "lao động", "hội viên", "đoàn viên", "thí sinh", "ủy viên", "uỷ viên", "cử tri",
    "nhân viên", "bác sĩ", "công nhân", "chiến sĩ", "nhân khẩu", "thành viên"))


def _is_person(t: "_Tok") -> bool:
    return t.unit == "người" or t.unit2 in _PERSON_NOUNS


def _same_kind(u: "_Tok", t: "_Tok") -> bool:
    """Whether two counts count the same kind of thing: the same noun, or both people."""
    return u.unit == t.unit or (_is_person(u) and _is_person(t))


class _Tok:
    __slots__ = ("kind", "s", "e", "text", "a", "b", "dec", "role", "unit", "unit2",
                 "depth", "used", "idx", "prev", "approx")

    def __init__(self, kind, s, e, text):
        self.kind, self.s, self.e, self.text = kind, s, e, text
        self.a = self.b = None
        self.dec = 0
        self.role = None
        self.unit = self.unit2 = None
        self.depth = 0
        self.used = False
        self.idx = 0
        self.prev = None  # a count's word before it (_prev_word), found by _tokenize
        self.approx = False  # "khoảng 7.700 tấn": an approximate number


def _letters_before(text: str, end: int, lo: int) -> int:
    """Start of the run of letters (regex ``[^\\W\\d_]``) that ends at ``end``, not before ``lo``."""
    b = end
    while b > lo:
        ch = text[b - 1]
        if not ch.isalnum() or ch.isdecimal():  # \w is isalnum() or "_", \d is isdecimal()
            break
        b -= 1
    return b


def _word_end(text: str, s: int, lo: int) -> int:
    """End of the word before ``s`` when at most three of `` ,:`` follow it (else not a word end)."""
    e = s
    while e > lo and s - e < 3 and text[e - 1] in " ,:":
        e -= 1
    return e


def _prev_word(text: str, s: int) -> str | None:
    """The word right before ``s`` in lower case, as ``_PREV_WORDS_RE.search(text, s - 40, s)``.

    A scan backwards instead of the regex search (which tries every start in the window):
    this runs for every number of the text. ``text`` is one paragraph (no line breaks).
    """
    lo = max(0, s - 40)
    e = _word_end(text, s, lo)
    b = _letters_before(text, e, lo)
    return text[b:e].lower() if b < e else None


def _prev2(text: str, s: int) -> str | None:
    """The two words right before ``s``, as ``_PREV2_RE.search(text, s - 50, s)`` (see _prev_word)."""
    lo = max(0, s - 50)
    e2 = _word_end(text, s, lo)
    b2 = _letters_before(text, e2, lo)
    if b2 == e2 or b2 - 1 <= lo or text[b2 - 1] != " ":
        return None
    b1 = _letters_before(text, b2 - 1, lo)
    return text[b1:e2].lower() if b1 < b2 - 1 else None


def _unit_after(text: str, e: int) -> tuple[str | None, str | None]:
    """The word after a number and the two words after it, when lower case (its noun)."""
    first = text[e + 1:e + 2] if text[e:e + 1] == " " else text[e:e + 1]
    if not first.islower():
        return None, None  # most numbers: followed by punctuation, a capital or nothing
    m = _WORD_AFTER_RE.match(text, e)
    if not m:
        return None, None
    w = m.group(1)
    if not w[0].islower() or w in _NOT_UNIT:
        return None, None
    two = f"{w} {m.group(2)}" if m.group(2) and m.group(2)[0].islower() else w
    return w, two


class _lazy:
    """A ``functools.cached_property`` without its lock (Python 3.11 takes one on first use)."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


class _Ctx:
    """Per-paragraph analysis: tokens, clause boundaries, parenthesis depth.

    Boundaries and parentheses are found on first use: many paragraphs with a digit hold
    only dates and document numbers, which never ask.
    """

    def __init__(self, para: Paragraph, pidx: int):
        self.p = para
        self.pidx = pidx
        self.text = para.text
        self.toks: list[_Tok] = []
        self._compared: dict[int, tuple[bool, str | None]] = {}  # see compared()
        self.votes: dict[int, bool] = {}  # sentence start -> speaks of a vote (_vote_context)

    @_lazy
    def _ends(self) -> list[tuple[int, str]]:
        return [(m.start(), m.group(0)) for m in _SENT_END_RE.finditer(self.text)]

    @_lazy
    def bounds(self) -> list[int]:
        return [p for p, _ in self._ends]

    @_lazy
    def sent_bounds(self) -> list[int]:
        return [p for p, g in self._ends if g != ";"]

    @_lazy
    def _parens(self) -> tuple[list[int], list[int]]:
        text = self.text
        parens: list[int] = []
        depths: list[int] = []
        d = 0
        if "(" in text or ")" in text:
            for m in _PAREN_RE.finditer(text):
                d = d + 1 if m.group(0) == "(" else max(0, d - 1)
                parens.append(m.start())
                depths.append(d)
        return parens, depths

    @_lazy
    def marker_pos(self) -> list[int] | None:
        """Offsets of the footnote markers, or None if not in order (split_paragraphs keeps
        them in order; a Paragraph built by hand may not)."""
        pos = [p for p, _ in self.p.markers]
        return pos if all(a <= b for a, b in zip(pos, pos[1:])) else None

    # the two below are asked for only after _tokenize (the tokens, in text order, are final)
    @_lazy
    def tok_starts(self) -> list[int]:
        return [t.s for t in self.toks]

    @_lazy
    def last_target(self) -> list[int]:
        """``last_target[k]``: index of the last stated target among ``toks[:k]``, or -1."""
        out = [-1]
        last = -1
        for i, t in enumerate(self.toks):
            if t.role in ("pct-target-min", "pct-target-max"):
                last = i
            out.append(last)
        return out

    @_lazy
    def _cues(self) -> tuple[list[int], list[int]]:
        """Starts of every match of ``_EXHAUSTIVE_RE`` in the text, and for each the least end
        of the matches from there on."""
        starts: list[int] = []
        ends: list[int] = []
        for m in _EXHAUSTIVE_AT_RE.finditer(self.text):
            starts.append(m.start())
            ends.append(m.end(1))
        for i in range(len(ends) - 2, -1, -1):
            ends[i] = min(ends[i], ends[i + 1])
        return starts, ends

    def has_cue(self, a: int, b: int) -> bool:
        """``_EXHAUSTIVE_RE.search(self.text, a, b) is not None``, without scanning text[a:b]."""
        starts, least_ends = self._cues
        i = bisect.bisect_left(starts, a)
        return i < len(starts) and least_ends[i] <= b

    @_lazy
    def colon_after_first(self) -> int:
        """Offset of the first ``": "`` after the first token, or -1."""
        return self.text.find(": ", self.toks[0].e)

    def compared(self, s0: int, s1: int) -> tuple[bool, str | None]:
        """Whether the sentence ``text[s0:s1]`` says "so với", and the year or period of its
        first "so với (năm) YYYY": found once per sentence (a long one has many changes)."""
        got = self._compared.get(s0)
        if got is None:
            m = _SINCE_RE.search(self.text, s0, s1)
            got = self._compared[s0] = (self.text.find("so với", s0, s1) >= 0,
                                        m.group(1) if m else None)
        return got

    def depth(self, pos: int) -> int:
        parens, depths = self._parens
        if not parens:
            return 0
        i = bisect.bisect_left(parens, pos) - 1
        return depths[i] if i >= 0 else 0

    def crosses(self, a: int, b: int, sentence: bool = False) -> bool:
        """Is there a clause (or sentence) boundary in text[a:b]?"""
        bl = self.sent_bounds if sentence else self.bounds
        i = bisect.bisect_left(bl, a)
        return i < len(bl) and bl[i] < b

    def clause_start(self, pos: int, limit: int = 120) -> int:
        i = bisect.bisect_left(self.bounds, pos) - 1
        start = self.bounds[i] + 1 if i >= 0 else 0
        if pos - limit > start:
            start = pos - limit
            sp = self.text.find(" ", start, pos)
            start = sp + 1 if sp >= 0 else pos
        return start

    def sentence_span(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.sent_bounds, pos)
        start = self.sent_bounds[i - 1] + 1 if i > 0 else 0
        end = self.sent_bounds[i] + 1 if i < len(self.sent_bounds) else len(self.text)
        return start, end


def _count_of(raw: str) -> int:
    """The count of a token that matched ``INTEGER_PATTERN`` (``parse_count``'s fast path, inline)."""
    return int(raw.replace(GROUP_SYMBOL, "")) if len(raw) <= 600 else parse_count(raw)


def _tokenize(ctx: _Ctx, claims: list, first_digit: int = 0) -> None:
    # Runs for every number of the text: only tokens that become counts, fractions or
    # percentages get a _Tok, and the cheap tests come before the word look-ups.
    text = ctx.text
    table = ctx.p.kind == "table"
    toks = ctx.toks
    depth = ctx.depth
    long_dates: set[int] = set()
    if "tháng" in text:
        for m in _LONG_DATE_RE.finditer(text):
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            claims.append(_mk(ctx, "date", m.start(), m.end(), reported=m.group(0),
                              quote_start=m.start(), line_pos=m.start(1),
                              detail={"day": d, "month": mo, "year": y,
                                      "valid": valid_date(d, mo, y)}))
            long_dates.update((m.start(1), m.start(2), m.start(3)))
    for m in _TOKEN_RE.finditer(text, first_digit):  # every token starts with a digit
        s, e = m.span()
        if long_dates and s in long_dates:
            continue
        kind = m.lastgroup
        if kind == "num":
            raw = m.group("num")
            if DECIMAL_SYMBOL not in raw:
                # a whole number: perhaps a count
                if table:
                    continue
                unit, unit2 = _unit_after(text, e)
                if unit is None or unit in _TIME_UNITS:
                    continue
                iv = _count_of(raw)  # the token matched INTEGER_PATTERN: never raises
                prev = _prev_word(text, s)
                if (len(raw) == 4 and "." not in raw and 1900 <= iv <= 2100
                        and (prev in _YEAR_PREV or text.startswith(" - ", e)
                             or text.startswith("-", e) or text[max(0, s - 3):s] == " - ")):
                    continue
                if prev in _NOT_COUNT_PREV or (prev == "số" and _prev2(text, s) != "tổng số"):
                    continue
                if _in_range(text, s, e):
                    continue  # "90-100 tấn": one end of a range is not a count
                if text.startswith("/", e + (text[e] == " ") + len(unit)):
                    continue  # "87 tấn/ngày", "1.200 người/km2": a rate, not a count
                t = _Tok(kind, s, e, raw)
                t.a = iv
                t.prev = prev
                t.approx = prev in _APPROX_PREV
                t.depth = depth(s)
                t.role = "count"
                t.unit, t.unit2 = unit, unit2
                toks.append(t)
                continue
        elif kind in ("sep", "dd", "dm", "dy", "fa", "fb"):
            kind = next(k for k in ("doc", "date", "code", "frac", "pct", "num") if m.group(k))
        if kind == "pct" or kind == "num":
            # a percentage, or an amount with decimals: the exact value and its precision
            t = _Tok(kind, s, e, m.group(kind))
            t.depth = depth(s)
            raw = t.text
            # as parse_number(raw): the token matched NUMBER_PATTERN (ASCII, no sign)
            t.a = Decimal(raw.replace(GROUP_SYMBOL, "").replace(DECIMAL_SYMBOL, "."))
            t.dec = len(raw.partition(DECIMAL_SYMBOL)[2])
            t.role = _pct_role(text, t) if kind == "pct" else "amount"
            toks.append(t)
            continue
        if kind == "doc":
            got = reference_at(text, s)
            if got is not None:
                end, ref = got
                claims.append(_mk(ctx, "document", s, end, reported=ref.text, line_pos=s,
                                  detail={"document": ref}, quote_start=max(0, s - 30)))
            continue
        if kind == "date":
            d, mo, y = int(m.group("dd")), int(m.group("dm")), int(m.group("dy"))
            claims.append(_mk(ctx, "date", s, e, reported=m.group(0), quote_start=max(0, s - 12),
                              detail={"day": d, "month": mo, "year": y,
                                      "valid": valid_date(d, mo, y)}))
            continue
        if kind == "code":
            continue
        # kind == "frac"
        t = _Tok(kind, s, e, m.group(0))
        t.depth = depth(s)
        fa, fb = m.group("fa"), m.group("fb")
        a, b = _count_of(fa), _count_of(fb)
        t.a, t.b = a, b
        prev = _prev_word(text, s)
        b_year = len(fb) == 4 and "." not in fb and 1900 <= b <= 2100
        before = text[max(0, s - 3):s].rstrip()
        after = text[e:e + 3].lstrip()
        unit, unit2 = _unit_after(text, e)
        if prev in _DATE_PREV and 1 <= a <= 31 and 1 <= b <= 12:
            claims.append(_mk(ctx, "date", s, e, reported=t.text, quote_start=max(0, s - 12),
                              detail={"day": a, "month": b, "year": None,
                                      "valid": valid_date(a, b)}))
            continue
        if prev == "tháng" and b_year and 1 <= a <= 12:
            claims.append(_mk(ctx, "date", s, e, reported=t.text, quote_start=max(0, s - 12),
                              detail={"day": None, "month": a, "year": b, "valid": True}))
            continue
        if prev in _RANK_PREV or _prev2(text, s) in _RANK_PREV2:
            claims.append(_mk(ctx, "rank", s, e, numerator=a, denominator=b,
                              reported=t.text, quote_start=max(0, s - 20)))
            continue
        if before.endswith(("=", "*", "×")) or after.startswith(("=", "*", "×", "x1")):
            continue  # a formula such as 4=3/2 or (3)/(2)*100
        if prev == "số" and b_year:
            ref = DocumentRef(text=t.text, number=a, year_text=fb, type_code=None,
                              type_name=None, issuer=None)
            claims.append(_mk(ctx, "document", s, e, reported=t.text,
                              detail={"document": ref}, quote_start=max(0, s - 30)))
            continue
        if b_year and 1900 <= a <= 2100 and b - a == 1:
            continue  # năm học 2021/2022
        if table and unit is None:
            continue
        if unit is None and 1 <= a <= 31 and 1 <= b <= 12:
            continue  # "15/8" alone: a date without its cue, or a fraction? do not guess
        t.role = "frac"
        t.unit, t.unit2 = unit, unit2
        toks.append(t)
    for i, t in enumerate(toks):
        t.idx = i


def _in_range(text: str, s: int, e: int) -> bool:
    """Whether the number at ``text[s:e]`` is one end of a range such as ``90-100`` or ``5–7``."""
    before = s >= 2 and text[s - 1] in "-–" and text[s - 2].isdigit()
    after = e + 1 < len(text) and text[e] in "-–" and text[e + 1].isdigit()
    return before or after


def _pct_role(text: str, t: _Tok) -> str:
    before = text[max(0, t.s - 40):t.s].lower()
    m = _TARGET_BEFORE_RE.search(before)
    if m:
        w = m.group("w")
        if w in ("giảm", "tăng", "thêm"):
            return "pct-change"
        if w.startswith(_AT_LEAST_WORDS):
            return "pct-target-min"
        if w.startswith(_AT_MOST_WORDS):
            return "pct-target-max"
        return "pct-bound"
    if _PCT_REF_AFTER_RE.match(text, t.e):
        return "pct-ref"
    if t.a > 100:
        return "pct-ref"
    return "pct"


def _mk(ctx: _Ctx, kind: str, s: int, e: int, *, numerator=None, denominator=None, parts=None,
        reported=None, source=None, target=None, detail=None, quote_start=None, line_pos=None):
    """A provisional claim (a dict; ids are given at the end)."""
    qs = ctx.clause_start(s) if quote_start is None else quote_start
    if 0 < qs < s and ctx.text[qs - 1] not in " ([":
        sp = ctx.text.find(" ", qs, s)
        qs = sp + 1 if sp >= 0 else s
    while e < len(ctx.text) and ctx.text[e] == ")" and ctx.text.count("(", qs, e) > ctx.text.count(")", qs, e):
        e += 1
    quote = ctx.text[qs:e].strip(" ,;:.")
    return {
        "kind": kind, "line": ctx.p.line_at(s if line_pos is None else line_pos),
        "quote": quote, "numerator": numerator, "denominator": denominator,
        "parts": tuple(parts) if parts is not None else None, "reported": reported,
        "denominator_source": source, "target": target, "detail": detail or {},
        "_order": (ctx.pidx, s if line_pos is None else line_pos),
    }


def _pct_text(t: _Tok) -> str:
    return f"{t.text}%"


# --------------------------------------------------------------------------------------------
# Claims inside one paragraph
# --------------------------------------------------------------------------------------------

def _next_sig(ctx: _Ctx, t: _Tok) -> _Tok | None:
    toks = ctx.toks
    return toks[t.idx + 1] if t.idx + 1 < len(toks) else None


def _share_cue(gap: str) -> bool:
    """Whether the text between a count and a percentage introduces the percentage as its share
    (``đạt``, ``chiếm``, ``tỷ lệ``, ``bằng`` … or an opening parenthesis right before it)."""
    return bool(_SHARE_CUE_RE.search(gap) or _OPEN_PAREN_END_RE.search(gap))


_OPEN_PAREN_END_RE = re.compile(r"\( ?$")
_VOTE_RE = re.compile(r"(?i)biểu quyết|tán thành|bỏ phiếu|phiếu bầu|số phiếu|\bphiếu\b|đồng ý|nhất trí")
_VOTE_DOUBT = ("a vote share: such shares are usually of all members (tổng số đại biểu), "
               "not of those present or voting")


def _vote_context(ctx: _Ctx, pos: int) -> bool:
    """Whether the sentence at ``pos`` speaks of a vote (looked up once per sentence)."""
    s0, s1 = ctx.sentence_span(pos)
    got = ctx.votes.get(s0)
    if got is None:
        got = ctx.votes[s0] = _VOTE_RE.search(ctx.text, s0, s1) is not None
    return got


def _fraction_doubt(ctx: _Ctx, t: _Tok) -> str | None:
    """Why a fraction with a stated share is not tied to it beyond doubt, or None."""
    if t.a > t.b:
        return f"{t.text} is not a share: the part is larger than the whole (a date, a code?)"
    if t.b <= 10:
        return f"{t.text} is a proportion in words (one third, two thirds …), not counts"
    if _vote_context(ctx, t.s):
        return _VOTE_DOUBT
    return None


def _ratio_claims(ctx: _Ctx, claims: list, pending: list) -> None:
    """Fraction ratios, count-percent ratios and changes of one paragraph."""
    text = ctx.text
    toks = ctx.toks
    for t in toks:
        if t.role == "frac":
            nxt = _next_sig(ctx, t)
            pct = None
            if (nxt is not None and nxt.role == "pct" and not ctx.crosses(t.e, nxt.s)
                    and nxt.s - t.e <= 150 and _share_cue(text[t.e:nxt.s])):
                pct = nxt
            else:
                prv = toks[t.idx - 1] if t.idx > 0 else None
                if (prv is not None and prv.role == "pct" and not prv.used
                        and re.fullmatch(r" ?\(", text[prv.e:t.s])):
                    pct = prv
            if pct is not None:
                pct.used = True
                start = min(t.s, pct.s)
                c = _mk(ctx, "ratio", t.s, max(t.e, pct.e), numerator=t.a, denominator=t.b,
                        reported=_pct_text(pct), source="the fraction itself",
                        detail={"unit": t.unit2, "doubt": _fraction_doubt(ctx, t)},
                        quote_start=ctx.clause_start(start, 60), line_pos=t.s)
            else:
                end = t.e + (len(t.unit2) + 1 if t.unit2 else 0)
                c = _mk(ctx, "ratio", t.s, end, numerator=t.a, denominator=t.b,
                        source="the fraction itself", detail={"unit": t.unit2},
                        quote_start=ctx.clause_start(t.s, 60), line_pos=t.s)
            c["_tok"] = t
            claims.append(c)
    for t in toks:
        if t.role != "count":
            continue
        prev = t.prev  # _prev_word(text, t.s)
        # the two words before end with the word before: ask for them only when it can be so
        if prev in _CHANGE_PREV or (prev in ("được", "thêm")
                                    and _prev2(text, t.s) in ("giảm được", "tăng thêm", "giảm thêm")):
            _change_claim(ctx, t, claims)
            continue
        nxt = _next_sig(ctx, t)
        prv = toks[t.idx - 1] if t.idx > 0 else None
        pct = None
        if (nxt is not None and nxt.role == "pct" and not nxt.used and not ctx.crosses(t.e, nxt.s)
                and nxt.s - t.e <= 140):
            gap = text[t.e:nxt.s]
            cue = _SHARE_CUE_RE.search(gap)
            if cue and t.unit in _MONEY_UNITS and not re.search(r"chiếm|tỷ lệ|tỉ lệ|tỷ trọng", cue.group(0)):
                cue = None  # "1.574 tỷ đồng, ước đạt 25%": attainment of a plan, not a share
            if cue or re.search(r"\( ?$", gap):
                pct = nxt
        if pct is None and prv is not None and prv.role == "pct" and not prv.used:
            if re.fullmatch(r" ?\( ?", text[prv.e:t.s]):
                pct = prv
        if pct is None:
            continue
        pct.used = True
        start = min(t.s, pct.s)
        doubt = _VOTE_DOUBT if _vote_context(ctx, t.s) else None
        c = _mk(ctx, "ratio", t.s, max(t.e + len(t.unit2 or "") + 1, pct.e), numerator=t.a,
                reported=_pct_text(pct), detail={"unit": t.unit2, "approximate": t.approx,
                                                 "doubt": doubt, "para": ctx.pidx},
                quote_start=ctx.clause_start(start, 60), line_pos=t.s)
        c["_tok"] = t
        c["_pct"] = pct
        claims.append(c)
        pending.append(("total", ctx, t, pct, c))


def _change_claim(ctx: _Ctx, t: _Tok, claims: list) -> None:
    text = ctx.text
    s0, s1 = ctx.sentence_span(t.s)
    says_so_voi, since = ctx.compared(s0, s1)
    if not says_so_voi:
        return
    nxt = _next_sig(ctx, t)
    if (nxt is None or nxt.role not in ("pct", "pct-change") or ctx.crosses(t.e, nxt.s)
            or nxt.s - t.e > 100):
        return
    gap = text[t.e:nxt.s]
    if nxt.role == "pct" and (not _share_cue(gap) or "chiếm" in gap[-12:]):
        return  # "… tăng 311 doanh nghiệp), trong đó: … chiếm 99,46%": a share, not the change
    nxt.used = True
    direction = _prev_word(text, t.s)
    if direction not in _CHANGE_PREV:
        direction = (_prev2(text, t.s) or "giảm").split()[0]
    new = None
    for j in range(t.idx - 1, max(-1, t.idx - 40), -1):
        u = ctx.toks[j]
        if u.s < s0:
            break
        if u.role == "count" and u.unit == t.unit and u.depth <= t.depth and \
                _prev_word(text, u.s) not in _CHANGE_PREV:
            new = u
            break
    detail = {"unit": t.unit2, "direction": direction}
    if since:
        detail["since"] = since
    if new is not None:
        old = new.a + t.a if direction == "giảm" else new.a - t.a
        detail.update(new=new.a, new_text=new.text, old=old)
        c = _mk(ctx, "change", t.s, nxt.e, numerator=t.a, denominator=old if old > 0 else None,
                reported=_pct_text(nxt),
                source=(f"old value {format_number(old)} = {new.text} {'+' if direction == 'giảm' else '-'}"
                        f" {t.text} (the value before the change)"),
                quote_start=new.s, line_pos=t.s, detail=detail)
    else:
        c = _mk(ctx, "change", t.s, nxt.e, numerator=t.a, reported=_pct_text(nxt),
                quote_start=ctx.clause_start(t.s, 60), line_pos=t.s, detail=detail)
    c["_tok"] = t
    claims.append(c)


def _tail_sums(values: list[int]) -> list[int]:
    """``out[i] == sum(values[i:])`` for every ``i`` (and ``out[len(values)] == 0``)."""
    out = [0] * (len(values) + 1)
    for i in range(len(values) - 1, -1, -1):
        out[i] = out[i + 1] + values[i]
    return out


def _paren_group(text: str, open_pos: int) -> int | None:
    d = 0
    for i in range(open_pos, min(len(text), open_pos + 600)):
        ch = text[i]
        if ch == "(":
            d += 1
        elif ch == ")":
            d -= 1
            if d == 0:
                return i
    return None


#: an item after the last number of a list: "…; một quốc gia châu Phi", "và một vị trí …"
_MORE_ITEMS_RE = re.compile(
    r"; *(?:và |cùng |cùng với )?[^\W\d_]|,? cùng với [^\W\d_]"
    r"|(?:,| và) (?:một|hai|ba|bốn|sáu|bảy|tám|chín|mười) [^\W\d_]"
)


def _list_doubt(text: str, numbers: list, last_end: int, stop: int) -> str | None:
    """Why a list and its total are not a breakdown beyond doubt, or None.

    ``numbers`` are the total and the parts; ``text[last_end:stop]`` is what follows the last
    part up to the end of the list.
    """
    if any(t.approx for t in numbers):
        return "a number of the list or its total is approximate ('khoảng', 'hơn' …)"
    if _MORE_ITEMS_RE.search(text, last_end, stop):
        return "the list goes on with an item that has no number"
    return None


_BEFORE_PAREN_RE = re.compile(r"(?: [^\W\d_]+){0,8} ?\(")


def _sum_claims(ctx: _Ctx, claims: list) -> None:
    """Breakdowns inside one paragraph: parentheses, fraction lists, colon lists."""
    text = ctx.text
    toks = ctx.toks
    items = [t for t in toks if t.role in ("count", "frac")]
    if len(items) < 2:
        return
    # items are in text order: the items between two offsets are a slice (no quadratic scans
    # in a long paragraph)
    istarts = [t.s for t in items]
    bl, br = bisect.bisect_left, bisect.bisect_right
    # 1. "58 đơn vị (gồm 51 …; 07 …)", "07 trường hợp (04 cấp trưởng, 03 cấp phó)"
    for h in items:
        m = _BEFORE_PAREN_RE.match(text, h.e)
        if not m:
            continue
        op = m.end() - 1
        cp = _paren_group(text, op)
        if cp is None:
            continue
        inner = [t for t in items[br(istarts, op):bl(istarts, cp)] if t.depth == h.depth + 1]
        if not inner:
            continue
        for t in inner:
            t.used = True
        if len(inner) < 2 or any(t.role != "count" for t in inner) or h.role != "count":
            continue
        parts = [t.a for t in inner]
        cue = _EXHAUSTIVE_RE.match(text, op + 1) or re.match(r"\(\s*(?:gồm|bao gồm)", text[op:])
        if cue or sum(parts) == h.a:
            doubt = _list_doubt(text, [h] + inner, inner[-1].e, cp)
            claims.append(_mk(ctx, "sum", inner[0].s, cp + 1, denominator=h.a, parts=parts,
                              reported=h.text, source="the number before the parenthesis",
                              quote_start=h.s, line_pos=inner[0].s,
                              detail={"unit": h.unit2, "doubt": doubt}))
    # 2. a head fraction followed by same-noun fractions in the same sentence: its parts are
    #    the rest of its group (the fractions of one sentence, noun and depth), their sums
    #    sums of a tail (kept from the end), so a long sentence is not scanned for every head
    fracs = [t for t in items if t.role == "frac" and not t.used]
    sb = ctx.sent_bounds
    groups: dict[tuple, list[_Tok]] = {}
    place = []  # (group key, index in the group) of each fraction
    for t in fracs:
        key = (bl(sb, t.s), t.unit, t.depth)
        g = groups.setdefault(key, [])
        place.append((key, len(g)))
        g.append(t)
    tail_sums: dict[tuple, tuple[list[int], list[int]]] = {}  # key -> sums of g[i:]
    done: set[int] = set()
    for k, h in enumerate(fracs):
        if h.idx in done:
            continue
        key, i = place[k]
        g = groups[key]
        if len(g) - i - 1 < 2:  # parts g[i + 1:]
            continue
        if key not in tail_sums:
            tail_sums[key] = _tail_sums([t.a for t in g]), _tail_sums([t.b for t in g])
        ta, tb = tail_sums[key]
        na, nb = ta[i + 1], tb[i + 1]
        if not (na == h.a or nb == h.b or ctx.has_cue(h.e, g[-1].s)):
            continue
        parts = g[i + 1:]  # then all of them are done: once per group
        for t in parts:
            t.used = True
            done.add(t.idx)
        end = parts[-1].e + (len(parts[-1].unit2 or "") + 1)
        for which, total, ps in (("numerators", h.a, [t.a for t in parts]),
                                 ("denominators", h.b, [t.b for t in parts])):
            claims.append(_mk(ctx, "sum", parts[0].s, end, denominator=total, parts=ps,
                              reported=format_number(total),
                              source=f"the {which} of the fraction {h.text} and its breakdown",
                              quote_start=ctx.clause_start(h.s, 40), line_pos=parts[0].s,
                              detail={"unit": h.unit2, "of": which}))
    # 3. "2.813/3.050 cán bộ, công chức, trong đó có 1.483 cán bộ … và 1.330 công chức" (adds up)
    #    The list is the unused counts at the head's depth from "trong đó" to the end of the
    #    sentence: a tail of their group (sentence, depth). Once a list is taken from a group,
    #    any later "trong đó" of that group finds only counts already used.
    counts: dict[tuple[int, int], list[_Tok]] = {}
    for t in items:
        if t.role == "count" and not t.used:
            counts.setdefault((bl(sb, t.s), t.depth), []).append(t)
    count_sums: dict[tuple[int, int], tuple[list[int], list[int]]] = {}  # starts, sums of tails
    taken: set[tuple[int, int]] = set()
    for h in items:
        if h.used:
            continue
        nxt = toks[h.idx + 1] if h.idx + 1 < len(toks) else None
        if nxt is None:
            continue
        td = _TRONG_DO_RE.search(text, h.e, nxt.s)
        if not td or ctx.crosses(h.e, td.start(), sentence=True):
            continue
        key = (bl(sb, td.end()), h.depth)  # the sentence of td.end(), as sentence_span
        if key not in counts or key in taken:
            continue
        g = counts[key]
        if key not in count_sums:
            count_sums[key] = [t.s for t in g], _tail_sums([t.a for t in g])
        gstarts, ta = count_sums[key]
        j = bl(gstarts, td.end())
        if len(g) - j < 2 or ta[j] != h.a:
            continue
        lst = g[j:]
        taken.add(key)
        for t in lst:
            t.used = True
        claims.append(_mk(ctx, "sum", lst[0].s, lst[-1].e + len(lst[-1].unit2 or "") + 1,
                          denominator=h.a, parts=[t.a for t in lst], reported=format_number(h.a),
                          source=f"the number '{h.text}' before 'trong đó'",
                          quote_start=h.s, line_pos=lst[0].s, detail={"unit": h.unit2}))
    # 4. "X người. Về trình độ chuyên môn: A 24 người; B 1.278 người; C 186 người."
    #    The list is the unused counts at depth 0 from the colon to the end of the sentence: a
    #    tail of the sentence's group, as in 3. The head is the last unused item of the noun at
    #    depth 0 before the colon: ``hop`` jumps back over used ones (each jump is remembered).
    counts0: dict[int, list[_Tok]] = {}
    for t in items:
        if t.role == "count" and not t.used and t.depth == 0:
            counts0.setdefault(bl(sb, t.s), []).append(t)
    tails: dict[int, tuple[list[int], list[int], list[bool]]] = {}  # starts, sums, one noun
    by_unit: dict[str | None, tuple[list[_Tok], list[int], list[int]]] = {}  # items, starts, hop
    for t in items:
        if t.depth == 0:
            us = by_unit.setdefault(t.unit, ([], [], []))
            us[2].append(len(us[0]) - 1)
            us[0].append(t)
            us[1].append(t.s)
    taken_sentences: set[int] = set()
    for cm in re.finditer(r": ", text):
        c0 = cm.end()
        sentence = bl(sb, c0)  # as sentence_span(c0)
        if sentence not in counts0 or sentence in taken_sentences:
            continue
        g = counts0[sentence]
        if sentence not in tails:
            units = [t.unit for t in g]
            one_noun = [True] * len(g)  # one_noun[j]: all of g[j:] have one noun
            for j in range(len(g) - 2, -1, -1):
                one_noun[j] = one_noun[j + 1] and units[j] == units[j + 1]
            tails[sentence] = [t.s for t in g], _tail_sums([t.a for t in g]), one_noun
        gstarts, ta, one_noun = tails[sentence]
        j = bl(gstarts, c0)
        if len(g) - j < 2 or not one_noun[j]:
            continue
        unit = g[j].unit
        us, ustarts, hop = by_unit[unit]
        i = bl(ustarts, cm.start()) - 1  # the items of the noun before the colon
        passed = []
        while i >= 0 and us[i].used:
            passed.append(i)
            i = hop[i]
        for k in passed:
            hop[k] = i
        if i < 0:
            continue
        head = us[i]
        total = head.a if head.role == "count" else head.b
        if head.role == "frac" and ta[j] == head.a:
            total = head.a
        cue = _EXHAUSTIVE_RE.search(text, max(head.e, cm.start() - 25), cm.end())
        if not (cue or ta[j] == total):
            continue
        lst = g[j:]
        parts = [t.a for t in lst]
        taken_sentences.add(sentence)
        for t in lst:
            t.used = True
        claims.append(_mk(ctx, "sum", lst[0].s, lst[-1].e + len(lst[-1].unit2 or "") + 1,
                          denominator=total, parts=parts,
                          reported=head.text if head.role == "count" else format_number(total),
                          source=f"the total '{head.text} {head.unit2}' before the list",
                          quote_start=ctx.clause_start(cm.start(), 60), line_pos=lst[0].s,
                          detail={"unit": head.unit2,
                                  "doubt": _list_doubt(text, [head] + lst, lst[-1].e,
                                                       ctx.sentence_span(c0)[1])}))


# --------------------------------------------------------------------------------------------
# Cross-paragraph resolution: totals, footnote breakdowns, targets
# --------------------------------------------------------------------------------------------

class _FootnoteMap:
    """``fmap.at(note, pidx)``: the footnote paragraphs a marker in paragraph ``pidx`` refers to."""

    def __init__(self, groups: dict[str, list[list[_Ctx]]]):
        self.groups = groups
        self.starts = {k: [g[0].pidx for g in v] for k, v in groups.items()}

    def __contains__(self, note: str) -> bool:
        return note in self.groups

    def at(self, note: str, pidx: int) -> list[_Ctx]:
        starts = self.starts[note]
        i = bisect.bisect_left(starts, pidx)
        return self.groups[note][i if i < len(starts) else len(starts) - 1]


def _footnote_total(fctxs: list[_Ctx], unit: str | None) -> tuple[int, str, int] | None:
    for fc in fctxs:
        m = _TOTAL_WORD_RE.search(fc.text)
        if not m:
            continue
        cands = [t for t in fc.toks if t.role == "count" and t.s > m.start()]
        if not cands:
            continue
        pick = next((t for t in cands if t.unit == unit), None) or cands[0]
        return pick.a, fc.text[m.start():pick.e + len(pick.unit2 or "") + 1].strip(), \
            fc.p.line_at(pick.s)
    return None


def _resolve_total(ctx: _Ctx, t: _Tok, pct: _Tok, fmap: "_FootnoteMap") -> tuple[int, str, bool] | None:
    """The total of a count-share claim, how it was found, and whether that tie is beyond doubt
    (the same clause or a footnote) rather than a passage's (earlier in the paragraph)."""
    text = ctx.text
    # 1. "… Z% trên tổng số N …" / "trên N" right after the percentage
    m = re.match(r" ?(?:trên|của) (?:tổng số )?(" + _INT + r")(?![0-9])", text[pct.e:pct.e + 40])
    if m:
        return parse_count(m.group(1)), f"'{m.group(0).strip()}' after the percentage", True
    #    "… 15,0% (29 người) cán bộ … trên tổng số 197 người." later in the same clause
    end = max(t.e, pct.e)
    stop = min(len(text), end + 200)
    i = bisect.bisect_left(ctx.bounds, end)
    if i < len(ctx.bounds):
        stop = min(stop, ctx.bounds[i])
    nxt = stop  # the next share or count before the clause ends (tokens are in text order)
    toks = ctx.toks
    for j in range(max(t.idx, pct.idx) + 1, len(toks)):
        u = toks[j]
        if u.s >= stop:
            break
        if u.role in ("pct", "frac", "count") and not _TOTAL_WORD_RE.search(text, max(end, u.s - 20), u.s):
            nxt = u.s
            break
    m = _ON_TOTAL_RE.search(text, end, nxt)
    if m:
        return parse_count(m.group(1)), f"'{m.group(0).strip()}' later in the sentence", True
    # 2. a footnote attached in the same sentence saying "Tổng số … là N"
    s0, s1 = ctx.sentence_span(t.s)
    markers = ctx.p.markers
    mpos = ctx.marker_pos
    if mpos is not None:  # only the markers of the sentence
        markers = markers[bisect.bisect_left(mpos, s0):bisect.bisect_right(mpos, s1)]
    for pos, note in markers:
        if s0 <= pos <= s1 and note in fmap:
            got = _footnote_total(fmap.at(note, ctx.pidx), t.unit)
            if got:
                return got[0], f"footnote {note} (line {got[2]}): '{got[1]}'", True
    # 3. earlier in the paragraph: a fraction's denominator or "tổng số N" with the same noun,
    #    or a count of the same kind of thing followed by "trong đó" ("có 1.346 công chức ….
    #    Trong đó, 1.070 người …"); never an approximate number or one smaller than the count
    #    ("18 loại đất. Trong đó, … 47.362 ha" is not a total of hectares)
    for j in range(t.idx - 1, max(-1, t.idx - 60), -1):
        u = ctx.toks[j]
        if u.approx or not _same_kind(u, t) or (u.b if u.role == "frac" else u.a) < t.a:
            continue  # another kind of thing, an approximate number, or smaller than the part
        if u.role == "count" and _TRONG_DO_RE.search(text, u.e, _next_item_start(ctx, j, t.s)):
            return u.a, (f"'{u.text} {u.unit2}' before 'trong đó' earlier in the paragraph "
                         f"(line {ctx.p.line_at(u.s)})"), False
        if u.unit != t.unit:
            continue
        if u.role == "frac":
            return u.b, f"the denominator of {u.text} {u.unit2} earlier in the paragraph (line {ctx.p.line_at(u.s)})", False
        if u.role == "count" and _TOTAL_WORD_RE.search(text, max(0, u.s - 60), u.s):
            where = "sentence" if u.s >= s0 else "paragraph"
            return u.a, f"'tổng số … {u.text} {u.unit2}' earlier in the {where} (line {ctx.p.line_at(u.s)})", False
    return None


def _next_item_start(ctx: _Ctx, j: int, default: int) -> int:
    for u in ctx.toks[j + 1:j + 8]:
        if u.role in ("count", "frac"):
            return u.s
    return default


def _top_items(fctxs: list[_Ctx]) -> list[tuple[_Ctx, _Tok]]:
    out = []
    for fc in fctxs:
        for t in fc.toks:
            if t.role in ("count", "frac") and not t.used and t.depth == 0:
                out.append((fc, t))
    return out


def _footnote_sums(ctx: _Ctx, fmap: "_FootnoteMap", claims_in_para: list, claims: list) -> None:
    toks = ctx.toks
    ratio_of: dict[int, dict] | None = None  # id(token) -> the last ratio claim with a total on it
    for pos, note in ctx.p.markers:
        if note not in fmap:
            continue
        cs = ctx.clause_start(pos, 400)
        anchor_tok = None
        for i in range(bisect.bisect_left(ctx.tok_starts, pos) - 1, -1, -1):
            t = toks[i]
            if t.s < cs:
                break
            if t.role in ("count", "frac"):
                anchor_tok = t
                break
        if anchor_tok is None:
            continue
        # a ratio claim built on that token gives numerator and denominator
        num, den = (anchor_tok.a, anchor_tok.b) if anchor_tok.role == "frac" else (anchor_tok.a, None)
        if ratio_of is None:
            ratio_of = {id(c["_tok"]): c for c in claims_in_para
                        if c.get("_tok") is not None and c["kind"] == "ratio" and c["denominator"]}
        c = ratio_of.get(id(anchor_tok))
        if c is not None:
            num, den = c["numerator"], c["denominator"]
        top = _top_items(fmap.at(note, ctx.pidx))
        if len(top) < 2:
            continue
        kinds = {t.role for _, t in top}
        units = {t.unit for _, t in top}
        if len(kinds) != 1 or len(units) != 1:
            continue
        fc0, t0 = top[0]
        fcl, tl = top[-1]
        quote = fc0.text[fc0.clause_start(t0.s, 60):].strip()
        if fcl is fc0:
            quote = fc0.text[fc0.clause_start(t0.s, 60):tl.e + len(tl.unit2 or "") + 1].strip()
        anchor_line = ctx.p.line_at(anchor_tok.s)
        base = {"footnote": note, "anchor_line": anchor_line}
        first_line = fc0.p.line_at(t0.s)
        order = (fc0.pidx, t0.s)
        if kinds == {"frac"}:
            if den is None:
                continue
            for which, total, ps in (("numerator", num, [t.a for _, t in top]),
                                     ("denominator", den, [t.b for _, t in top])):
                claims.append(_claim_dict("sum", first_line, quote, None, total, ps,
                                          format_number(total),
                                          f"the {which} of {format_number(num)}/{format_number(den)} at line "
                                          f"{anchor_line}, broken down in footnote {note}",
                                          dict(base, of=which), order))
        else:
            ps = [t.a for _, t in top]
            total = num if den is None or sum(ps) == num else den
            claims.append(_claim_dict("sum", first_line, quote, None, total, ps, format_number(total),
                                      f"the number {format_number(total)} at line {anchor_line}, broken "
                                      f"down in footnote {note}", base, order))


_TOTAL_ROW_RE = re.compile(
    r"(?i)^\s*(?:tổng cộng|tổng số|tổng|cộng|toàn (?:tỉnh|huyện|thành phố|quốc|xã|ngành))\s*:?\s*$")
_TOTAL_ROW_START_RE = re.compile(r"(?i)\s*\|?\s*(?:tổng|cộng|toàn)")
_CELL_COUNT_RE = re.compile(r"\s*(?P<n>" + _INT + r")(?![0-9.,]) ?(?P<unit>[^\W\d_]+)?")
_CELL_SHARE_RE = re.compile(r"\s*(?P<n>" + _INT + r")(?![0-9.,]) ?(?P<unit>[^\W\d_]+)? ?\( ?(?P<p>" + _NUM
                            + r") ?% ?\)")


def _cells(text: str) -> list[tuple[int, str]]:
    """The cells of a table row as (offset in the row, text), without the outer pipes."""
    pipes = [i for i, ch in enumerate(text) if ch == "|"]
    if not text.lstrip().startswith("|"):
        pipes.insert(0, -1)
    if text.rstrip()[-1:] != "|":
        pipes.append(len(text))
    return [(a + 1, text[a + 1:b]) for a, b in zip(pipes, pipes[1:])]


def _table_shares(paras: list[Paragraph], by_idx: dict[int, "_Ctx"], claims: list) -> None:
    """Shares in the rows under a table's total row, when the rows add up to it exactly.

    ``| Tổng cộng | 1.019.258 người |`` then ``| Thành thị | 184.860 người (23,5%) |`` and
    ``| Nông thôn | 834.398 người (76,5%) |``: the counts add up to the total, so the total
    is the whole of each share (and the breakdown is a sum claim).
    """
    i = 0
    while i < len(paras):
        if paras[i].kind != "table":
            i += 1
            continue
        j = i
        while j < len(paras) and paras[j].kind == "table":
            j += 1
        for r in range(i, j - 2):
            if not _TOTAL_ROW_START_RE.match(paras[r].text):
                continue
            cells = _cells(paras[r].text)
            if not cells or not _TOTAL_ROW_RE.match(cells[0][1]):
                continue
            for col in range(1, len(cells)):
                m = _CELL_COUNT_RE.match(cells[col][1])
                if not m or "%" in cells[col][1]:
                    continue
                total, unit = parse_count(m.group("n")), m.group("unit")
                rows = []
                for r2 in range(r + 1, j):
                    c2 = _cells(paras[r2].text)
                    m2 = _CELL_SHARE_RE.match(c2[col][1]) if col < len(c2) else None
                    if m2 is None or (unit and m2.group("unit") and m2.group("unit") != unit):
                        break
                    rows.append((r2, c2[col][0], m2))
                counts = [parse_count(m2.group("n")) for _, _, m2 in rows]
                if len(rows) < 2 or sum(counts) != total:
                    continue
                tline = paras[r].line_at(cells[col][0])
                source = f"the '{cells[0][1].strip()}' row of the table (line {tline}), which the rows add up to"
                for (r2, off, m2), n in zip(rows, counts):
                    p2 = paras[r2]
                    pos = off + m2.start("p")
                    ctx = by_idx.get(r2)
                    for t in ctx.toks if ctx is not None else ():
                        if t.role == "pct" and t.s <= pos < t.e:
                            t.used = True
                    claims.append(_claim_dict(
                        "ratio", p2.line_at(off + m2.start("n")), p2.text.strip(" |"), n, total, None,
                        m2.group("p") + "%", source, {"unit": m2.group("unit")}, (r2, off)))
                first = paras[rows[0][0]]
                claims.append(_claim_dict(
                    "sum", first.line_at(rows[0][1]), " + ".join(format_number(n) for n in counts)
                    + f" = {m.group('n')}", None, total, counts, m.group("n"),
                    source, {"unit": unit}, (rows[0][0], rows[0][1] - 1)))
        i = j


def _claim_dict(kind, line, quote, numerator, denominator, parts, reported, source, detail, order):
    return {"kind": kind, "line": line, "quote": quote, "numerator": numerator,
            "denominator": denominator, "parts": tuple(parts) if parts is not None else None,
            "reported": reported, "denominator_source": source, "target": None,
            "detail": detail, "_order": order}


def _target_in(ctx: _Ctx, upto: int) -> TargetSpec | None:
    """The last target stated among the tokens before ``upto`` (a prefix lookup, not a scan)."""
    k = bisect.bisect_left(ctx.tok_starts, upto)  # toks[:k] start before upto
    j = ctx.last_target[k]
    if j >= 0:
        best = ctx.toks[j]
    elif (k and ctx.toks[0].role == "pct" and ctx.p.bullet
          and 0 <= ctx.colon_after_first <= upto - 2):  # ": " in text[toks[0].e:upto]
        best = ctx.toks[0]  # "+ 100% giao dịch …: …" states its target first
    else:
        return None
    comp = "at_most" if best.role == "pct-target-max" else "at_least"
    return TargetSpec(comp, best.a, f"{best.text}%", ctx.p.line_at(best.s))


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------

def extract_claims(text: str | bytes, *, source: str | None = None) -> list[Claim]:
    """Extract every numeric claim of a Vietnamese report text.

    Parameters
    ----------
    text : str or bytes
        The text (bytes are decoded as UTF-8; a BOM is dropped). It is normalised with
        :func:`normalize_lines`; line numbers refer to the text as given.
    source : str, optional
        A name for error messages.

    Returns
    -------
    list of Claim
        In reading order (paragraphs as they appear, footnotes where they are printed).

    Raises
    ------
    ReportReadError
        When ``text`` is bytes that are not UTF-8.

    Examples
    --------
    >>> t = ("Số biên chế năm 2023 là 1.563 người, giảm 108 người so với năm 2021, đạt 6,91%.\\n\\n"
    ...      "Cao cấp 49 người, tỷ lệ 37,98%; tổng số 129 người.")
    >>> [(c.kind, c.numerator, c.denominator, c.reported) for c in extract_claims(t)]
    [('change', 108, 1671, '6,91%'), ('ratio', 49, None, '37,98%')]
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            name = source or "<bytes>"
            raise ReportReadError(
                f"{name} is not UTF-8 text (invalid byte 0x{bytes(text)[exc.start]:02x} at offset "
                f"{exc.start}); expected a UTF-8 encoded report") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    with _gc_paused():
        return _extract(text)


def _extract(text: str) -> list[Claim]:
    paras = split_paragraphs(normalize_lines(text))
    ctxs: list[_Ctx] = []
    raw: list[dict] = []
    per_para: dict[int, list] = {}
    pending: list = []
    for i, p in enumerate(paras):
        digit = _DIGIT_RE.search(p.text)
        if digit is None:
            continue
        ctx = _Ctx(p, i)
        own: list = []
        _tokenize(ctx, own, digit.start())
        if ctx.toks:
            _ratio_claims(ctx, own, pending)
            _sum_claims(ctx, own)
        ctxs.append(ctx)
        per_para[i] = own
        raw.extend(own)
    # footnote texts by id; an id may repeat (several documents in one text): each marker
    # uses the nearest definition after it, else the last one before it
    groups: dict[str, list[list[_Ctx]]] = {}
    last_note = None
    for ctx in ctxs:
        if ctx.p.kind == "footnote" and ctx.p.footnote is not None:
            g = groups.setdefault(ctx.p.footnote, [])
            if last_note is not None and last_note.p.footnote == ctx.p.footnote and g and \
                    g[-1][-1] is last_note:
                g[-1].append(ctx)
            else:
                g.append([ctx])
            last_note = ctx
        else:
            last_note = None
    fmap = _FootnoteMap(groups)
    # totals of count-percent claims
    for _, ctx, t, pct, c in pending:
        got = _resolve_total(ctx, t, pct, fmap)
        if got is not None:
            c["denominator"], c["denominator_source"], strong = got
            if not strong:
                c["detail"]["tie"] = "passage"
    # tables whose rows add up to their "Tổng cộng" row: each row's share is of that total
    by_idx = {ctx.pidx: ctx for ctx in ctxs}
    _table_shares(paras, by_idx, raw)
    # shares stated without their counts ("28,95% thủ tục hành chính", "đạt 100%"): claims that
    # cannot be checked, counted as such
    for ctx in ctxs:
        for t in ctx.toks:
            if t.role == "pct" and not t.used:
                raw.append(_mk(ctx, "ratio", t.s, t.e, reported=_pct_text(t),
                               detail={"share_only": True}, quote_start=ctx.clause_start(t.s, 60)))
    # footnote breakdowns
    for ctx in ctxs:
        if ctx.p.markers and ctx.toks:
            _footnote_sums(ctx, fmap, per_para.get(ctx.pidx, []), raw)
    # targets stated before a ratio or change claim (same paragraph, else the one before)
    prev_body: dict[int, _Ctx] = {}
    last = None
    for ctx in ctxs:
        if ctx.p.kind == "body":
            prev_body[ctx.pidx] = last
            last = ctx
    for c in raw:
        if c["kind"] not in ("ratio", "change") or "_tok" not in c:
            continue
        ctx = by_idx[c["_order"][0]]
        tgt = _target_in(ctx, c["_tok"].s)
        if tgt is None and ctx.p.kind == "body" and prev_body.get(ctx.pidx) is not None:
            pc = prev_body[ctx.pidx]
            tgt = _target_in(pc, len(pc.text))
        c["target"] = tgt
    rank = _KIND_RANK
    raw.sort(key=lambda c: (c["_order"], rank[c["kind"]]))
    seen: dict[tuple[str, int], int] = {}
    out = []
    for c in raw:
        key = (c["kind"], c["line"])
        seen[key] = seen.get(key, 0) + 1
        out.append(_new_claim(
            f"{c['kind']}-{c['line']}-{seen[key]}", c["kind"], c["line"], c["quote"],
            c["numerator"], c["denominator"], c["parts"], c["reported"],
            c["denominator_source"], c["target"], c["detail"],
        ))
    return out


def read_text(path: str | Path) -> tuple[str, bytes]:
    """Read a report file as UTF-8; return ``(text, raw bytes)``.

    Raises
    ------
    ReportReadError
        One line naming the file: missing, unreadable (a directory, no permission) or not
        UTF-8 (with the offset of the first bad byte).

    Examples
    --------
    >>> read_text("/nonexistent/report.md")
    Traceback (most recent call last):
    ...
    parstats.claims.ReportReadError: cannot read '/nonexistent/report.md': no such file
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReportReadError(f"cannot read '{path}': no such file") from None
    except IsADirectoryError:
        raise ReportReadError(f"cannot read '{path}': it is a directory, expected a text file") from None
    except OSError as exc:
        raise ReportReadError(f"cannot read '{path}': {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportReadError(
            f"cannot read '{path}': not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at "
            f"offset {exc.start}); save it as UTF-8") from None
    return text, data
