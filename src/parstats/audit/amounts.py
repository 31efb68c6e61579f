"""Numbers and amounts as the tie rules read them, shared by :mod:`parstats.audit.ties`,
:mod:`parstats.audit.amountshares`, :mod:`parstats.audit.changes` and
:mod:`parstats.audit.comparisons` (below them all, so that the helpers they share live here).

A :class:`Value` is a number as written (its unit word, whether a percentage), an :class:`Amount`
an amount with its unit and scale word (``54,5 tỷ USD``) and half a unit of its last digit; the
patterns (:data:`NUMBER`, :data:`UNIT`, :func:`amount_re`) and the lookups around a paragraph's
percentages (:func:`pct_windows`, :func:`pct_at`) are the ones these modules match with.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from parstats.audit.tokens import NumberToken, ParagraphContext
from parstats.numbers import DECIMAL_SYMBOL, GROUP_SYMBOL, NUMBER_PATTERN, parse_number

_NUM = NUMBER_PATTERN
#: a letter (of any alphabet)
LETTER = r"[^\W\d_]"
#: a number as written, not inside a longer number, code or date
PLAIN_NUMBER = r"(?<![\w/.,])" + _NUM + r"(?![\w/]|[.,][0-9])"
#: the same, written to start with a digit class (the engine then looks for a digit quickly
#: where a pattern starts with a number, instead of trying the look-behind at every position):
#: the first digit of either form of :data:`parstats.numbers.INTEGER_PATTERN` taken first
#: (``[1-9][0-9]{0,2}(?:.[0-9]{3})+`` or ``[0-9]+``), the rest as it was
NUMBER = (r"[0-9](?<![\w/.,][0-9])(?:(?<=[1-9])[0-9]{0,2}(?:" + re.escape(GROUP_SYMBOL) + r"[0-9]{3})+|[0-9]*)"
          r"(?:" + re.escape(DECIMAL_SYMBOL) + r"[0-9]+)?(?![\w/]|[.,][0-9])")
assert _NUM == (r"(?:[1-9][0-9]{0,2}(?:" + re.escape(GROUP_SYMBOL) + r"[0-9]{3})+|[0-9]+)(?:"
                + re.escape(DECIMAL_SYMBOL) + r"[0-9]+)?"), "NUMBER is written from NUMBER_PATTERN"
#: a unit word or two
UNIT = LETTER + r"+(?: " + LETTER + r"+)?"
#: units whose amounts are rounded at their last digit (money in thousands or more, measures,
#: index points), unlike counts of people or things
ROUNDED_UNITS = frozenset("tỷ tỉ triệu nghìn ngàn điểm tấn kg ha km usd lít mw kwh".split())
#: a word that makes the number after it approximate
_APPROX_RE = re.compile(r"(?i)(?:khoảng|gần|hơn|trên|xấp xỉ|ước|chừng|độ) $")


@dataclass(frozen=True)
class Value:
    """A number of the text: its value, how it is written, its unit word and whether a percentage."""

    value: Decimal
    text: str
    unit: str | None
    percent: bool

    @property
    def decimals(self) -> int:
        return len(self.text.partition(DECIMAL_SYMBOL)[2])


def total_and_parts(total: str, parts: list[str]) -> tuple[int, tuple[int, ...], int, int]:
    """A total and its parts as written (``943,5``, ``106,04`` …) on one integer scale:
    ``(total, parts, decimals, slack)``, the slack half a unit of the last digit of each part written
    with fewer decimals (``3`` may stand for 2,5 to 3,5 beside ``7,8``). Raises ``ValueError`` for
    a number that is not Vietnamese notation.

    >>> total_and_parts("10,8", ["3", "7,8"])
    (108, (30, 78), 1, 5)
    """
    tv = parse_number(total)
    vals = [parse_number(p) for p in parts]
    dec = max([tv.decimals] + [v.decimals for v in vals])
    return (int(tv.value.scaleb(dec)), tuple(int(v.value.scaleb(dec)) for v in vals), dec,
            sum(5 * 10 ** (dec - v.decimals - 1) for v in vals if v.decimals < dec))


def parse_value(text: str, unit: str | None = None, percent: bool = False) -> Value:
    return Value(Decimal(text.replace(GROUP_SYMBOL, "").replace(DECIMAL_SYMBOL, ".")), text,
                 unit, percent)


def scaled(*values: Value) -> tuple[int, ...]:
    """The values as integers on one scale (``71,74`` and ``20.225,09`` as 7174 and 2022509)."""
    d = max(v.decimals for v in values)
    return tuple(int(v.value.scaleb(d)) for v in values)


def pct_at(ctx: ParagraphContext, start: int, stop: int) -> NumberToken | None:
    """The first percentage token starting in ``text[start:stop]`` not taken by another claim
    (a lookup in the tokens' starts, not a scan)."""
    toks = ctx.toks
    for i in range(bisect.bisect_left(ctx.tok_starts, start), len(toks)):
        t = toks[i]
        if t.s >= stop:
            break
        if t.kind == "pct":
            return t if not t.used else None
    return None


def pct_windows(ctx: ParagraphContext, before: int = 160, after: int = 120) -> list[tuple[int, int]]:
    """The stretches of the paragraph around its percentages (``before``/``after`` characters
    around each, merged): the rules that need a percentage read only these, not the whole text.
    Found once per paragraph and size (kept on the context)."""
    if not ctx.pcts:
        return []
    cache = ctx.__dict__.setdefault("pct_windows", {})
    got = cache.get((before, after))
    if got is not None:
        return got
    out: list[tuple[int, int]] = []
    n = len(ctx.text)
    for t in ctx.pcts:
        a, b = max(0, t.s - before), min(n, t.e + after)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    cache[(before, after)] = out
    return out


def has_any(text: str, a: int, b: int, words: re.Pattern) -> bool:
    """Whether one of ``words`` occurs in ``text[a:b]``."""
    return words.search(text, a, b) is not None


def approx_before(text: str, pos: int) -> bool:
    return _APPROX_RE.search(text, max(0, pos - 12), pos) is not None


def clause_end(ctx: ParagraphContext, pos: int, limit: int) -> int:
    stop = min(len(ctx.text), pos + limit)
    i = bisect.bisect_left(ctx.bounds, pos)
    return min(stop, ctx.bounds[i]) if i < len(ctx.bounds) else stop


_SCALES = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}


def amount_re(n: str) -> str:
    """An amount with its unit, its groups named ``n``, ``ns`` (scale word), ``nu`` (unit)."""
    return (r"(?P<" + n + r">" + NUMBER + r") (?:(?P<" + n + r"s>nghìn|ngàn|triệu|tỷ|tỉ) )?(?P<" + n
            + r"u>[^\W\d_]+(?: vị)?)")


#: an amount, a few words, then "trong đó": the whole of what follows ("2,5 triệu lượt khách, trong đó")
TRONG_DO_WHOLE_RE = re.compile(amount_re("y") + r"(?: [^\W\d_]+){0,3}?,? (?:trong đó|trong số đó)\b")


#: how far from a share the rules that look for a named amount read (characters either side):
#: a bound that keeps the audit linear in the claims of a long paragraph
NAMED_REACH = 1500


@dataclass(frozen=True)
class Amount:
    """An amount of the text with its unit: its value (scale words applied), half a unit of its
    last written digit, the base unit word, and how it is written."""

    value: Decimal
    half: Decimal
    unit: str
    text: str
    scale: int = 0


def amount_of(m: re.Match, n: str) -> Amount | None:
    """The amount of the groups ``n``, ``ns``, ``nu`` of a match of :func:`amount_re`."""
    if not m.group(n + "u"):
        return None
    return amount_value(m.group(n), m.group(n + "s"), m.group(n + "u"),
                        m.group(0)[m.start(n) - m.start():m.end(n + "u") - m.start()])


def amount_value(num: str, scale: str | None, unit: str, text: str) -> Amount:
    """The amount ``num`` (Vietnamese digits), times its scale word (``triệu`` …), in ``unit``,
    written ``text``."""
    v = parse_value(num)
    e = _SCALES.get(scale.lower(), 0) if scale else 0
    # a count of people or things written in full is exact; money in thousands or more, measures
    # and anything written with decimals or a scale word are rounded at their last digit
    rounded = e > 0 or v.decimals > 0 or unit.split()[0].lower() in ROUNDED_UNITS
    return Amount(v.value.scaleb(e), Decimal(1).scaleb(e - v.decimals) / 2 if rounded else Decimal(0), unit.lower(),
                  text, e)


def same_amount_unit(x: Amount, y: Amount) -> bool:
    return x.unit.split()[0] == y.unit.split()[0]
