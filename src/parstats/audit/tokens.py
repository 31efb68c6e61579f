"""Numbers of one paragraph as tokens: counts, fractions, percentages, dates and document numbers.

:func:`tokenize` reads every number of a paragraph once (:data:`_TOKEN_RE`) and decides what
it is from the words around it (:mod:`parstats.audit.wordreaders`), after the dates written out
in words (:mod:`parstats.audit.longdates`); each number kept is a :class:`NumberToken`.
:class:`ParagraphContext` holds the paragraph's tokens and its clause, sentence and parenthesis
boundaries, found on first use; :func:`provisional_claim` makes a claim of the paragraph.
"""
from __future__ import annotations

import bisect
import re
from decimal import Decimal

from parstats.audit.documents import DOCUMENT_PATTERN, DocumentRef, reference_at, valid_date
from parstats.audit.longdates import dash_date_claims, long_date_claims, long_dates
from parstats.audit.model import ProvisionalClaim
from parstats.audit.wordreaders import (
    PREV2_RE,
    PREV_WORDS_RE,
    WORD_AFTER_RE,
    in_range,
    pct_role,
    prev2,
    prev_word,
    unit_after,
)
from parstats.audit.words import (
    APPROX_PREV,
    DATE_PREV,
    EXHAUSTIVE_AT_RE,
    INT,
    NOT_COUNT_PREV,
    NOT_UNIT,
    NOT_UNIT_PAIRS,
    NUM,
    PERSON_NOUNS,
    RANK_PREV,
    RANK_PREV2,
    TIME_UNITS,
    YEAR_PREV,
    bmp_lower_class,
    word_tree,
)
from parstats.markdown import Paragraph
from parstats.numbers import DECIMAL_SYMBOL, GROUP_SYMBOL, parse_count

__all__ = [
    "DIGIT_RE",
    "LUNAR_AFTER_RE",
    "NumberToken",
    "ParagraphContext",
    "pct_text",
    "provisional_claim",
    "same_kind",
    "tokenize",
    # read here, kept where their importers find them: the words around a number
    # (parstats.audit.wordreaders) and the dates written out (parstats.audit.longdates)
    "PREV2_RE",
    "PREV_WORDS_RE",
    "prev2",
    "prev_word",
    "long_dates",
]


_TOKEN_RE = re.compile(
    r"(?=[0-9])(?<![\w/.,])(?<![^\W\d_]-)(?:"
    r"(?P<doc>" + DOCUMENT_PATTERN + r")(?![\w/])"
    r"|(?P<date>(?P<dd>[0-9]{1,2})(?P<sep>[/.-])(?P<dm>[0-9]{1,2})(?P=sep)(?P<dy>[0-9]{4}))"
    r"(?![0-9]|[/.-][0-9])"
    r"|(?P<code>[0-9]+(?::[0-9]+)+)(?![0-9])"
    r"|(?P<frac>(?P<fa>" + INT + r")/(?P<fb>" + INT + r"))(?![\w/]|[.,][0-9])"
    r"|(?P<pct>" + NUM + r") ?%"
    r"|(?P<num>" + NUM + r")(?![\w/%]|[.,][0-9])"
    r")"
)

DIGIT_RE = re.compile(r"[0-9]")

#: what makes a day/month a date of the lunar calendar: "30/2 âm lịch", "15/7 (ÂL)"
LUNAR_AFTER_RE = re.compile(r"(?i) ?\(?(?:âm lịch|al\b|âl\b)")

#: every lower-case letter (of any script), for the start pattern below
_LOWER = bmp_lower_class()

#: where a token of :data:`_TOKEN_RE` that matters may start: a run of digits after no letter,
#: digit, "/", "." or "," and not after a letter and a hyphen, followed by "/", "-", a percent
#: sign, a lower-case letter, or ".", "," or ":" before a digit (a whole number followed by
#: anything else, such as "2022, " or "2022.", is neither a count nor part of a longer token,
#: and ``tokenize`` would drop it). It starts with a character class,
#: which the regular-expression engine looks for quickly; ``_TOKEN_RE`` starts with
#: look-arounds, which it tries at every position. ``tokenize`` matches ``_TOKEN_RE`` only
#: where this one matches.
#: A whole number followed by a word that is not a noun of a count (a time unit such as
#: ``năm``, ``tháng``, or a word of :data:`NOT_UNIT` such as ``và``, ``của``) is dropped by
#: ``tokenize`` too (as the parts of a long date ``ngày 5 tháng 3 năm 2020``, which end at the
#: number): such a start is not looked at. Only a whole number can stand there (the digits
#: are followed by a space or a letter), and the token is the run of digits, so the tokens
#: after it are the same.
#: The words are a tree of alternatives (one branch per first letter: quick to rule out), and
#: the run of digits is possessive (none of the characters after it may follow a digit:
#: giving digits back never makes a match).
_TOKEN_START_RE = re.compile(
    r"[0-9](?<![\w/.,][0-9])(?<![^\W\d_]-[0-9])[0-9]*+(?=[/%-]|[.,:][0-9]| ?%"
    r"| ?(?!" + word_tree(TIME_UNITS | NOT_UNIT) + r")[" + _LOWER + r"]| \([0-9]{1,3}(?:,[0-9]{1,4})? ?%\) )")
#: the same for a table row, where a whole number is never a count (``tokenize`` drops it)
_TABLE_TOKEN_START_RE = re.compile(
    r"[0-9](?<![\w/.,][0-9])(?<![^\W\d_]-[0-9])[0-9]*+(?=[/%-]|[.,:][0-9]| ?%)")

_PAREN_RE = re.compile(r"[()]")

#: units after which a number continues the amount before it ("4.302 quan 220 đồng")
_COMPOUND_PREV = frozenset("quan tỷ tỉ triệu nghìn ngàn vạn giờ phút tấn tạ mẫu sào km m".split())
_NUMBER_UNIT_BEFORE_RE = re.compile(r"[0-9] [^\W\d_]+ $")

#: two words before a number that end with an identifier word but make it a count: "tổng số
#: 58 đơn vị", "dân số 164.835 người", "nông thôn 77.430 người" (rural, not hamlet number 77)
_COUNT_PREV2 = frozenset(("tổng số", "dân số", "nông thôn", "nhân khẩu", "hàn quốc", "trung quốc", "hợp quốc",
                          "anh quốc", "vương quốc"))
_COUNT_PREV2_ENDS = frozenset(w.split()[1] for w in _COUNT_PREV2)


#: a sentence ends at a full stop followed by a space (perhaps after citation markers such as
#: "[8]" or "[a]" that a crawled page keeps in the text), or at a semicolon (a clause)
#: (as ``[.!?…](?=…)|;``, written to start with a character class: found quickly)
_SENT_END_RE = re.compile(r"[.!?…;](?:(?<=;)|(?=(?:\[[0-9a-z]{1,3}\])*(?: |$)))")


def _is_person(t: "NumberToken") -> bool:
    return t.unit == "người" or t.unit2 in PERSON_NOUNS


def same_kind(u: "NumberToken", t: "NumberToken") -> bool:
    """Whether two counts count the same kind of thing: the same noun, or both people."""
    return u.unit == t.unit or (_is_person(u) and _is_person(t))


class NumberToken:
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
        self.prev = None  # a count's word before it (prev_word), found by tokenize
        self.approx = False  # "khoảng 7.700 tấn": an approximate number


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


class ParagraphContext:
    """Per-paragraph analysis: tokens, clause boundaries, parenthesis depth.

    Boundaries and parentheses are found on first use: many paragraphs with a digit hold
    only dates and document numbers, which never ask.
    """

    def __init__(self, para: Paragraph, pidx: int):
        self.p = para
        self.pidx = pidx
        self.text = para.text
        self.toks: list[NumberToken] = []
        self.pcts: list[NumberToken] = []  # the percentage tokens among them, in order
        self._in_sentence: dict[tuple, re.Match | None] = {}  # see in_sentence()

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
        """Offsets of the parentheses and the depth after each: as ``_PAREN_RE.finditer``, by
        ``str.find`` (a paragraph holds few parentheses; the regex tries every character)."""
        text = self.text
        parens: list[int] = []
        depths: list[int] = []
        d = 0
        o, c = text.find("("), text.find(")")
        while o >= 0 or c >= 0:
            if c < 0 or 0 <= o < c:
                d += 1
                parens.append(o)
                o = text.find("(", o + 1)
            else:
                d = max(0, d - 1)
                parens.append(c)
                c = text.find(")", c + 1)
            depths.append(d)
        return parens, depths

    @_lazy
    def marker_pos(self) -> list[int] | None:
        """Offsets of the footnote markers, or None if not in order (split_paragraphs keeps
        them in order; a Paragraph built by hand may not)."""
        pos = [p for p, _ in self.p.markers]
        return pos if all(a <= b for a, b in zip(pos, pos[1:])) else None

    # the two below are asked for only after tokenize (the tokens, in text order, are final)
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
        for m in EXHAUSTIVE_AT_RE.finditer(self.text):
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

    def in_sentence(self, pos: int, pattern: re.Pattern) -> re.Match | None:
        """The first match of ``pattern`` in the sentence at ``pos``, searched once per sentence
        and pattern (a long sentence holds many claims that ask the same question)."""
        s0, s1 = self.sentence_span(pos)
        key = (s0, pattern)
        if key not in self._in_sentence:
            self._in_sentence[key] = pattern.search(self.text, s0, s1)
        return self._in_sentence[key]

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


#: a count's share in parentheses right after it, before its noun: " (47,06%) "
_PAREN_SHARE_RE = re.compile(r" \([0-9]{1,3}(?:,[0-9]{1,4})? ?%\) ")


def _count_of(raw: str) -> int:
    """The count of a token that matched ``INTEGER_PATTERN`` (``parse_count``'s fast path, inline)."""
    return int(raw.replace(GROUP_SYMBOL, "")) if len(raw) <= 600 else parse_count(raw)


def tokenize(ctx: ParagraphContext, claims: list, first_digit: int = 0) -> None:
    # Runs for every number of the text: only tokens that become counts, fractions or
    # percentages get a NumberToken, and the cheap tests come before the word look-ups.
    text = ctx.text
    table = ctx.p.kind == "table"
    toks = ctx.toks
    # the depth in parentheses of a position (the parentheses are looked for on first use: most
    # paragraphs with a digit make no token)
    depth = ctx.depth
    dates_at: set[int] | tuple = ()  # the numbers of the long dates
    if "tháng" in text:
        dates_at = set()
        dates_at = long_date_claims(text, ctx.p.line_at, ctx.pidx, claims)
    if "-" in text and "gày " in text:
        dash_date_claims(text, ctx.p.line_at, ctx.pidx, claims)
    match, word_after = _TOKEN_RE.match, WORD_AFTER_RE.match
    last = 0
    ref_end, ref_text = -1, None  # the end of the last document reference and its number
    lunar = None  # whether the paragraph may hold a lunar date ("âm lịch", "(ÂL)"), asked once
    starts = _TABLE_TOKEN_START_RE if table else _TOKEN_START_RE
    for start in starts.finditer(text, first_digit):  # as _TOKEN_RE.finditer
        s = start.start()
        if s < last:
            continue  # inside the previous token
        e = start.end()  # the end of the run of digits
        if text.startswith(" ", e) and not text.startswith("%", e + 1):
            # the run of digits before a space and a word (the last alternative of the start
            # pattern): _TOKEN_RE gives a whole number, the run itself
            m = None
            last = e
            kind = "num"
        else:
            m = match(text, s)
            if m is None:
                continue
            e = last = m.end()
            kind = m.lastgroup
        if dates_at and s in dates_at:
            continue
        if kind == "num":
            raw = m.group("num") if m is not None else text[s:e]
            if DECIMAL_SYMBOL not in raw:
                # a whole number: perhaps a count
                if table:
                    continue
                # most numbers are followed by punctuation, a capital or nothing: no noun
                after = text[e + 1:e + 2] if text[e:e + 1] == " " else text[e:e + 1]
                ue = e  # where the noun is looked for
                if after == "(" and (pm := _PAREN_SHARE_RE.match(text, e)) is not None:
                    # "16 (47,06%) Bí thư", "2 (5,88%) đồng chí": the count's share before its noun
                    ue = pm.end() - 1
                    after = text[ue + 1:ue + 2]
                    if not after.isalpha():
                        continue
                elif not after.islower():
                    continue
                # unit, unit2 = unit_after(text, e), inline (its first test is the one above)
                wm = word_after(text, ue)
                if wm is None:
                    continue
                unit, w2 = wm.groups()
                if not (unit[0].islower() or ue > e) or unit in NOT_UNIT or unit in TIME_UNITS:
                    continue
                unit2 = f"{unit} {w2}" if w2 and w2[0].islower() else unit
                if unit2 in NOT_UNIT_PAIRS:
                    continue
                # _count_of(raw), inline: the token matched INTEGER_PATTERN (never raises)
                iv = int(raw.replace(GROUP_SYMBOL, "")) if len(raw) <= 600 else parse_count(raw)
                prev = prev_word(text, s)
                if (len(raw) == 4 and "." not in raw and 1900 <= iv <= 2100
                        and (prev in YEAR_PREV or text.startswith(" - ", e)
                             or text.startswith("-", e) or text[max(0, s - 3):s] == " - ")):
                    continue
                if (prev in NOT_COUNT_PREV or prev == "số") and not (
                        prev in _COUNT_PREV2_ENDS and prev2(text, s) in _COUNT_PREV2):
                    continue
                if in_range(text, s, e):
                    continue  # "90-100 tấn": one end of a range is not a count
                if prev in _COMPOUND_PREV and _NUMBER_UNIT_BEFORE_RE.search(text, max(0, s - 24), s):
                    continue  # "4.302 quan 220 đồng", "02 tỷ 507 triệu": the tail of one amount
                if text.startswith("/", e + (text[e] == " ") + len(unit)):
                    continue  # "87 tấn/ngày", "1.200 người/km2": a rate, not a count
                t = NumberToken(kind, s, e, raw)
                t.a = iv
                t.prev = prev
                t.approx = prev in APPROX_PREV
                t.depth = depth(s)
                t.role = "count"
                t.unit, t.unit2 = unit, unit2
                toks.append(t)
                continue
        elif kind in ("sep", "dd", "dm", "dy", "fa", "fb"):
            kind = next(k for k in ("doc", "date", "code", "frac", "pct", "num") if m.group(k))
        if kind == "pct" or kind == "num":
            # a percentage, or an amount with decimals: the exact value and its precision
            t = NumberToken(kind, s, e, m.group(kind))
            t.depth = depth(s)
            raw = t.text
            # as parse_number(raw): the token matched NUMBER_PATTERN (ASCII, no sign)
            t.a = Decimal(raw.replace(GROUP_SYMBOL, "").replace(DECIMAL_SYMBOL, "."))
            t.dec = len(raw.partition(DECIMAL_SYMBOL)[2])
            t.role = pct_role(text, t) if kind == "pct" else "amount"
            toks.append(t)
            if kind == "pct":
                ctx.pcts.append(t)
            continue
        if kind == "doc":
            got = reference_at(text, s)
            if got is not None:
                end, ref = got
                ref_end, ref_text = end, ref.text
                claims.append(provisional_claim(ctx, "document", s, end, reported=ref.text, line_pos=s,
                                  detail={"document": ref}, quote_start=max(0, s - 30)))
            continue
        if kind == "date":
            if lunar is None:
                lunar = "lịch" in text or "L" in text or "l)" in text or " al" in text
            if lunar and LUNAR_AFTER_RE.match(text, e):
                continue  # "30/2/2020 âm lịch": a lunar date, not one of the solar calendar
            d, mo, y = int(m.group("dd")), int(m.group("dm")), int(m.group("dy"))
            claims.append(provisional_claim(ctx, "date", s, e, reported=m.group(0), quote_start=max(0, s - 12),
                              detail={"day": d, "month": mo, "year": y,
                                      "valid": valid_date(d, mo, y),
                                      "after_ngay": text[max(0, s - 5):s].lower() == "ngày ",
                                      "reference": ref_text if s < ref_end else None}))
            continue
        if kind == "code":
            continue
        # kind == "frac"
        t = NumberToken(kind, s, e, m.group(0))
        t.depth = depth(s)
        fa, fb = m.group("fa"), m.group("fb")
        a, b = _count_of(fa), _count_of(fb)
        t.a, t.b = a, b
        prev = prev_word(text, s)
        b_year = len(fb) == 4 and "." not in fb and 1900 <= b <= 2100
        before = text[max(0, s - 3):s].rstrip()
        after = text[e:e + 3].lstrip()
        unit, unit2 = unit_after(text, e)
        if prev in DATE_PREV and 1 <= a <= 31 and 1 <= b <= 12:
            if lunar is None:
                lunar = "lịch" in text or "L" in text or "l)" in text or " al" in text
            if lunar and LUNAR_AFTER_RE.match(text, e):
                continue  # "ngày 30/2 âm lịch": a lunar date
            claims.append(provisional_claim(ctx, "date", s, e, reported=t.text, quote_start=max(0, s - 12),
                              detail={"day": a, "month": b, "year": None,
                                      "valid": valid_date(a, b)}))
            continue
        if prev == "tháng" and b_year and 1 <= a <= 12:
            claims.append(provisional_claim(ctx, "date", s, e, reported=t.text, quote_start=max(0, s - 12),
                              detail={"day": None, "month": a, "year": b, "valid": True}))
            continue
        if prev in RANK_PREV or prev2(text, s) in RANK_PREV2:
            # "vị trí" is a rank ("vị trí 5/63") or a place ("Vị trí: 15/9 KP. Bình Đường")
            claims.append(provisional_claim(ctx, "rank", s, e, numerator=a, denominator=b,
                              reported=t.text, quote_start=max(0, s - 20),
                              detail={"cue": prev if prev in RANK_PREV else "vị trí"}))
            continue
        if before.endswith(("=", "*", "×")) or after.startswith(("=", "*", "×", "x1")):
            continue  # a formula such as 4=3/2 or (3)/(2)*100
        if prev == "số" and b_year:
            ref = DocumentRef(text=t.text, number=a, year_text=fb, type_code=None,
                              type_name=None, issuer=None)
            claims.append(provisional_claim(ctx, "document", s, e, reported=t.text,
                              detail={"document": ref}, quote_start=max(0, s - 30)))
            continue
        if b_year and 1900 <= a <= 2100 and b - a == 1:
            continue  # năm học 2021/2022
        if b_year and 1 <= a <= 12 and "." not in fa:
            continue  # "từ 7/2015", "Quý 1/2017", "tháng 8 - 9/2016": a period, not a fraction
        if table and unit is None:
            continue
        if unit is None and 1 <= a <= 31 and 1 <= b <= 12:
            continue  # "15/8" alone: a date without its cue, or a fraction? do not guess
        t.role = "frac"
        t.unit, t.unit2 = unit, unit2
        toks.append(t)
    for i, t in enumerate(toks):
        t.idx = i


def provisional_claim(ctx: ParagraphContext, kind: str, s: int, e: int, *, numerator=None, denominator=None, parts=None,
        reported=None, source=None, target=None, detail=None, quote_start=None,
                      line_pos=None) -> ProvisionalClaim:
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
        "order": (ctx.pidx, s if line_pos is None else line_pos),
    }


def pct_text(t: NumberToken) -> str:
    return f"{t.text}%"
