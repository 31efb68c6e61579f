"""Ties by evidence: claims whose numbers the words of one sentence tie together, each by a named rule.

The older stages (:mod:`parstats.audit.paragraph`, :mod:`parstats.audit.linking`) tie a count to
its share when a cue sits right between them. The rules here read wider shapes, each with the
evidence that makes the tie, and say how strong it is:

``of-whole``
    ``thắng 15 trong 24 trận, tỷ lệ 62%``, ``318 siêu thị/1167 siêu thị, chiếm 27,2%``: a count,
    then ``trong``/``trên`` (``tổng số``) or ``/`` and its whole of the same noun, then the share;
    ``8 bàn sau 69 cú dứt điểm, tỷ lệ chuyển đổi 11,5%`` (two nouns: weak).
``change-from-to``
    ``giá từ 14.200 đồng xuống 13.800 đồng (giảm 2,7%)``, ``tăng từ 56.010 lên 58.300 đồng,
    tương ứng mức tăng 4,6%``, ``tăng 2,8% từ A lên B``: the change (B − A) / A.
``change-percent-amount``
    ``tăng 0,36%, hay 71,74 điểm, lên 20.225,09 điểm``: the base is B − 71,74.
``change-amount-percent``
    ``tăng 71,16 điểm (0,48%), lên 14.784,41 điểm``, ``ở mức 61,46 điểm, giảm 0,48 điểm (-0,77%)``,
    ``đạt 752.370 tỷ đồng, giảm 63.630 tỷ đồng (tương đương 7,8%) so với dự toán``.
``change-points``
    ``từ 20,5% lên 22,6%, tăng 2,1 điểm phần trăm``: percentage points, the difference of the two
    percentages (kept apart from a change in percent, which between two percentages is weak).
``change-amount``
    ``giảm 4 kg (từ 72 kg xuống 68 kg)``, ``từ 120 lên 150 người, tăng 30 người``: a difference,
    checked as a sum (A = B + N).
``complete-breakdown``
    ``thành thị 111.300 người (13,88%) … nông thôn 690.400 người (86,12%)``: counts whose shares
    add up to 100 % are the parts of one whole, their sum (:func:`breakdown_wholes`).
``list-of-names``
    ``5 tỉnh: Bình Dương, Bình Phước, Tây Ninh, Đồng Nai và Bà Rịa - Vũng Tàu``: the count of a
    list of names.

``amount-total``, ``named-whole``, ``named-amounts``, ``share-shortfall``, ``whole-first``
    Shares of amounts (money, volumes …) and of wholes stated apart: a total stated earlier by
    its cue word, a whole named after the share, a shortfall ``(hụt thu N)`` stated before
    against the same named whole, ``Trong 42 ngoại binh, có tám cầu thủ …, chiếm 19%``.
``change-times``, ``change-paren-base``, ``change-named-base``, ``change-direction``
    ``gấp N lần`` with both values; a base in parentheses after ``so với …``; a base named after
    ``so với`` and stated earlier; a direction word or sign against the two values.

A tie is **strong** when the words leave no other reading (the share follows its numbers with
only a cue between them, the change names its two values); a strong tie is checked and may be
flagged. A **weak** tie (``detail["weak"]``: why) is checked too, but reported ``consistent``
only when it fits and ``unverifiable`` (with the reason) when it does not: a share after other
words may be of another whole, a change between two percentages may be in percentage points,
a list may name only some of its items, a change ``so với`` something else has another base.

Each claim names its rule (``detail["rule"]``) and its evidence (``denominator_source``), which
:func:`parstats.audit.checks.basis` writes as ``rule=<name>; evidence=<words>``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from parstats.audit.tokens import NumberToken, ParagraphContext, provisional_claim
from parstats.numbers import DECIMAL_SYMBOL, GROUP_SYMBOL, NUMBER_PATTERN, format_number

#: why a weak tie that does not fit is not flagged (the reader's words are in messages.py)
WEAK_OF_WHOLE = "the share stands after other words: it may be of another whole"
WEAK_OTHER_BASE = "the change is stated against another base ('so với …')"
WEAK_POINTS = "a change between two percentages may be meant in percentage points"
WEAK_LIST = "the list may name only some of the items, or one name may stand for several"
WEAK_APPROX = "a number of the change is approximate"
WEAK_TWO_NOUNS = "the count and the whole count different things (a rate, not a share?)"
WEAK_SAME_NOUN = "the whole is only a larger count of the same noun earlier in the sentence"
WEAK_ROUNDED = "the counts are rounded amounts (millions, thousands …): their sum is the whole only nearly"

_W = r"[^\W\d_]"
_NUM = NUMBER_PATTERN
#: a number as written, not inside a longer number, code or date
_NUMBER = r"(?<![\w/.,])" + _NUM + r"(?![\w/]|[.,][0-9])"
_UNIT = _W + r"+(?: " + _W + r"+)?"

#: units whose amounts are rounded at their last digit (money in thousands or more, measures,
#: index points), unlike counts of people or things
ROUNDED_UNITS = frozenset("tỷ tỉ triệu nghìn ngàn điểm tấn kg ha km usd lít mw kwh".split())

_IDENTIFIER_BEFORE_RE = re.compile(r"(?i)\b(?:thứ|hạng|số|top|vị trí|phút|lần thứ|vòng|bảng|điểm) $")
_APPROX_RE = re.compile(r"(?i)(?:khoảng|gần|hơn|trên|xấp xỉ|ước|chừng|độ) $")
_SO_VOI_RE = re.compile(r"(?i)\bso với\b")


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


def _value(text: str, unit: str | None = None, percent: bool = False) -> Value:
    return Value(Decimal(text.replace(GROUP_SYMBOL, "").replace(DECIMAL_SYMBOL, ".")), text,
                 unit, percent)


def _scaled(*values: Value) -> tuple[int, ...]:
    """The values as integers on one scale (``71,74`` and ``20.225,09`` as 7174 and 2022509)."""
    d = max(v.decimals for v in values)
    return tuple(int(v.value.scaleb(d)) for v in values)


def _pct_at(ctx: ParagraphContext, start: int, stop: int) -> NumberToken | None:
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


def _pct_before(ctx: ParagraphContext, pos: int) -> NumberToken | None:
    """The last percentage token ending at most 4 characters before ``pos``."""
    i = bisect.bisect_left(ctx.tok_starts, pos) - 1
    while i >= 0 and ctx.toks[i].e > pos:
        i -= 1
    if i >= 0:
        t = ctx.toks[i]
        if t.kind == "pct" and pos - t.e <= 4:
            return t
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


#: words without which a rule cannot match in a stretch of text (tested before its pattern,
#: which the regular-expression engine would try at every position of the stretch)
_OF_WHOLE_WORDS = re.compile(r"trong |trên |sau |qua |/")
_CHANGE_WORDS = re.compile(r"tăng|giảm|thêm|tiến|mất|lùi|tụt|hạ|nhích")
_FROM_WORDS = re.compile(r"[Tt]ừ ")
_TO_WORDS = re.compile(r" lên | xuống | còn ")


def _has_any(text: str, a: int, b: int, words: re.Pattern) -> bool:
    """Whether one of ``words`` occurs in ``text[a:b]``."""
    return words.search(text, a, b) is not None


def _approx_before(text: str, pos: int) -> bool:
    return _APPROX_RE.search(text, max(0, pos - 12), pos) is not None


# ----------------------------------------------------------------------------------- of-whole
_OF_WHOLE_RE = re.compile(
    r"(?P<x>" + _NUMBER + r")(?: (?P<xu>" + _UNIT + r"))?(?: (?P<link>trong|trên|sau|qua) |/)"
    r"(?:tổng số |tổng cộng |tổng |số )?(?P<y>" + _NUM + r")(?![\w/]|[.,][0-9]) (?P<yu>" + _W + r"+)")
_OF_WHOLE_LINK_RE = re.compile(r"(?:trong|trên|sau|qua) (?:tổng số |tổng cộng |tổng |số )?[0-9]|/[0-9]")
#: between the whole's noun and the share: only a cue (strong) ...
_OF_WHOLE_CUE_RE = re.compile(
    r" ?(?:" + _W + r"+ ?){0,3}(?:, ?| ?\( ?| - )(?:(?:với |đạt |chiếm |bằng )?(?:tỷ lệ|tỉ lệ)"
    r"(?: [^\W\d_]+){0,2} ?:? ?|đạt |chiếm |bằng )?\(? ?$")
#: ... or a share cue after other words (weak)
_SHARE_END_RE = re.compile(r"(?:đạt|chiếm|bằng|tương ứng|tương đương|tỷ lệ|tỉ lệ)(?: là)?[ :]{0,2}\(? ?$")


_TRONG_NUMBER_RE = re.compile(r"[Tt]rong (?:số |tổng số )?[0-9]")


def of_whole_claims(ctx: ParagraphContext, claims: list) -> None:
    """``X (noun) trong/trên (tổng số) Y noun … Z%``: the share X/Y (rule ``of-whole``), and the
    whole stated first (``trong Y noun, … X noun, chiếm Z%``, :func:`whole_first_claims`).

    Runs before the count-share ties of :mod:`parstats.audit.paragraph`, so that "15 trong 24
    trận, tỷ lệ 62%" is not read as 24 with a share of 62%.
    """
    text = ctx.text
    if ctx.pcts:
        if _TRONG_NUMBER_RE.search(text):
            whole_first_claims(ctx, claims)
        if "=" in text:
            formula_claims(ctx, claims)
        if "thắng" in text:
            record_claims(ctx, claims)
    windows = pct_windows(ctx, 140, 0)
    if not windows:
        return
    seen: set[int] = set()
    found = []
    for a, b in windows:
        if not _has_any(text, a, b, _OF_WHOLE_WORDS):
            continue
        # the pattern is tried only around a link word followed by a number ("trong 24")
        for lm in _OF_WHOLE_LINK_RE.finditer(text, a, b):
            m = _OF_WHOLE_RE.search(text, max(a, lm.start() - 48), min(b, lm.end() + 48))
            if m is not None and m.start() not in seen:
                seen.add(m.start())
                found.append(m)
    for m in found:
        xs, ys = m.group("x"), m.group("y")
        if DECIMAL_SYMBOL in xs or DECIMAL_SYMBOL in ys:
            continue
        x, y = _value(xs), _value(ys)
        xu, yu = m.group("xu"), m.group("yu")
        other_noun = xu is not None and xu.split()[0] != yu
        if other_noun and m.group("link") not in ("sau", "qua"):
            continue  # "6 thí sinh … trên tổng số 30 nước": another kind of thing
        if m.group("link") in ("sau", "qua") and xu is None:
            continue  # "sau 69 …" alone is a time or an order, not a whole
        if not 0 < x.value <= y.value or _approx_before(text, m.start()):
            continue
        if _IDENTIFIER_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "xếp thứ 7 trên 30 nước": a rank, not a count
        stop = _clause_end(ctx, m.end(), 80)
        pct = _pct_at(ctx, m.end(), stop)
        if pct is None or pct.role != "pct":
            continue
        gap = text[m.end():pct.s]
        if re.search(r"[0-9]", gap):
            continue
        strong = _OF_WHOLE_CUE_RE.fullmatch(gap) is not None
        if not strong and _SHARE_END_RE.search(gap) is None:
            continue
        pct.used = True
        detail = {"unit": yu, "rule": "of-whole"}
        if other_noun:  # "8 bàn sau 69 cú dứt điểm, tỷ lệ chuyển đổi 11,5%": a rate of two nouns
            detail["weak"] = WEAK_TWO_NOUNS
        elif not strong:
            detail["weak"] = WEAK_OF_WHOLE
        claims.append(provisional_claim(
            ctx, "ratio", m.start(), pct.e, numerator=int(x.value), denominator=int(y.value),
            reported=f"{pct.text}%", source=f"'{m.group(0)}' before the share", detail=detail,
            quote_start=ctx.clause_start(m.start(), 60), line_pos=m.start()))


# ------------------------------------------------------------------------------------ changes
_FROM_TO_RE = re.compile(
    r"[Tt]ừ (?<!\w[Tt]ừ )(?:mức |con số )?(?P<a>" + _NUMBER + r")(?P<ap> ?%)?(?: (?P<au>" + _UNIT + r"))? "
    r"(?:(?:tăng|giảm|tụt|vọt) )?(?P<dir>lên|xuống)(?: còn| mức| thành)? "
    r"(?P<b>" + _NUMBER + r")(?P<bp> ?%)?(?: (?P<bu>" + _W + r"+))?")
#: between the new value and its percentage: a cue, nothing else
_AFTER_CUE_RE = re.compile(
    r"(?i)[ ,]*\(? ?(?:(?:tương ứng|tương đương|tức là|tức|hay|hoặc)(?: với)? )?"
    r"(?:(?:mức|tỷ lệ|tỉ lệ|tốc độ) )?(?:(?:tăng|giảm)(?: thêm| được| tương ứng)? )?(?:là |khoảng )?[-+−]? ?$")
#: between a change's percentage and "từ A lên B" that follows it
_BEFORE_FROM_RE = re.compile(r" ?,? ?\(? ?$")
_CHANGE_WORD_RE = re.compile(r"(?i)(?:tăng|giảm|tụt|vọt)(?: thêm| được| mạnh| nhẹ)? (?:khoảng |gần |hơn )?$")

_PCT_AMOUNT_TO_RE = re.compile(
    r"(?P<dir>[Tt]ăng|[Gg]iảm)(?<!\w[Tt]ăng)(?<!\w[Gg]iảm)(?: thêm)? (?P<z>" + _NUMBER + r") ?%,? ?(?:\(|hay|tương đương|tương ứng|tức|,)"
    r"(?: với)? ?(?P<n>" + _NUMBER + r")(?: (?P<nu>" + _W + r"+))?\)?,? (?:lên|xuống|còn)(?: mức)? "
    r"(?P<b>" + _NUMBER + r")(?: (?P<bu>" + _W + r"+))?")

_AMOUNT_FROM_TO_RE = re.compile(
    r"(?i)\b(?P<dir>tăng|giảm)(?: thêm)? (?P<n>" + _NUMBER + r")(?: (?P<nu>" + _UNIT + r"))? ?[(,]? ?"
    r"từ (?P<a>" + _NUMBER + r")(?: (?P<au>" + _UNIT + r"))? (?:lên|xuống)(?: còn)? "
    r"(?P<b>" + _NUMBER + r")")
_FROM_TO_AMOUNT_RE = re.compile(
    r"(?i)^(?: " + _W + r"+)?,? ?\(?(?P<dir>tăng|giảm)(?: thêm)? (?P<n>" + _NUMBER + r")(?!\s?%|[0-9])")


_UP_VERBS = ("tăng", "ghi thêm", "tiến", "thêm", "nhích", "lên")
_VERB = (r"(?P<verb>[Tt]ăng|[Gg]iảm|[Gg]hi thêm|[Tt]iến|[Mm]ất|[Ll]ùi|[Tt]ụt|[Hh]ạ|[Nn]hích|[Đđ]ể mất)"
         r"(?: thêm| tiếp| nhẹ| mạnh)?")
_PCT_PART = (r"(?: ?\( ?(?:(?:tương đương|tương ứng|hay|tức|tức là|bằng)(?: mức)?(?: tăng| giảm)? )?"
             r"[-+−]?(?P<z>" + _NUMBER + r") ?%\)"
             r"|,? (?:tương đương|tương ứng|hay|tức|tức là)(?: mức)?(?: tăng| giảm)? [-+−]?(?P<z2>" + _NUMBER + r") ?%)")
_AMOUNT_PCT_TO_RE = re.compile(
    _VERB + r"(?<!\w[Tt]ăng)(?<!\w[Gg]iảm) (?P<n>" + _NUMBER + r") (?P<nu>" + _W + r"+)" + _PCT_PART
    + r",?(?: " + _W + r"+){0,4},? (?:lên|xuống|còn|về|ở|đóng cửa ở|dừng ở|chốt ở|đạt)(?: mức)? "
    r"(?P<b>" + _NUMBER + r") (?P<bu>" + _W + r"+)")
#: "giảm 410 đồng xuống 21.480 đồng/lít, tương ứng giảm 1,9%": the percentage after the new value
_AMOUNT_TO_PCT_RE = re.compile(
    _VERB + r"(?<!\w[Tt]ăng)(?<!\w[Gg]iảm) (?P<n>" + _NUMBER + r") (?P<nu>" + _W + r"+)(?: " + _W + r"+)? "
    r"(?:lên|xuống|còn|về)(?: mức)? (?P<b>" + _NUMBER + r") (?P<bu>" + _W + r"+)(?:/" + _W + r"+)?,? \(? ?"
    r"(?:tương ứng|tương đương|tức là|tức|hay)(?: với)?(?: mức)?(?: tăng| giảm)? [-+−]?(?P<z>" + _NUMBER
    + r") ?%(?P<z2>(?!))?")
#: "…, giảm 0,48 điểm (-0,77%)" after the value it led to ("61,46 điểm", :data:`_AT_HEAD_RE`)
_AT_TAIL_RE = re.compile(
    r", " + _VERB + r" (?P<n>" + _NUMBER + r") (?P<nu>" + _W + r"+)(?: " + _W + r"+)?" + _PCT_PART)
_AT_HEAD_RE = re.compile(r"(?i)(?P<b>" + _NUMBER + r") (?P<bu>" + _W + r"+)(?: " + _W + r"+)?$")
_AT_CUE_RE = re.compile(r"(?i)(?:mức|đạt|còn|lên|xuống|là|ở|tại|giá|đứng|chốt|đóng cửa)(?: giá)? $")


def amount_percent_claims(ctx: ParagraphContext, claims: list) -> None:
    """``tăng 71,16 điểm (0,48%), lên 14.784,41 điểm``, ``ở mức 61,46 điểm, giảm 0,48 điểm
    (-0,77%)``: a change by an amount, its percentage and the value after it (rule
    ``change-amount-percent``); the value before is the one after minus (plus) the amount.
    """
    text = ctx.text
    for a, b in pct_windows(ctx, 150, 80):  # "tăng N điểm (Z%), lên B", "B, giảm N điểm (Z%)"
        if not _has_any(text, a, b, _CHANGE_WORDS):
            continue
        for m in _AMOUNT_PCT_TO_RE.finditer(text, a, b):
            _amount_percent(ctx, claims, m, m.group("b"), m.group("bu"), m.start("b"), m.start(), m.end())
        for m in _AMOUNT_TO_PCT_RE.finditer(text, a, b):  # "giảm 410 đồng xuống 21.480 đồng/lít, tương ứng giảm 1,9%"
            _amount_percent(ctx, claims, m, m.group("b"), m.group("bu"), m.start("b"), m.start(), m.end())
        for m in _AT_TAIL_RE.finditer(text, a, b):  # "… 61,46 điểm, giảm 0,48 điểm (-0,77%)"
            h = _AT_HEAD_RE.search(text, max(0, m.start() - 40), m.start())
            if h is not None and _AT_CUE_RE.search(text, max(0, h.start() - 16), h.start()):
                _amount_percent(ctx, claims, m, h.group("b"), h.group("bu"), h.start("b"), h.start(), m.end())


def _amount_percent(ctx: ParagraphContext, claims: list, m: re.Match, bs: str, bu: str, b_pos: int,
                    start: int, end: int) -> None:
    text = ctx.text
    nu = m.group("nu")
    if nu.lower() != bu.lower():
        return
    zs = m.group("z") or m.group("z2")
    zpos = m.start("z") if m.group("z") else m.start("z2")
    i = bisect.bisect_left(ctx.tok_starts, zpos)
    pct = ctx.toks[i] if i < len(ctx.toks) and ctx.toks[i].s == zpos else None
    if pct is None or pct.kind != "pct" or pct.used or pct.text != zs:
        return
    n, b = _value(m.group("n"), nu), _value(bs, bu)
    up = m.group("verb").lower() in _UP_VERBS
    sign = text[max(0, zpos - 2):zpos].strip()[-1:]
    if sign in ("+", "-", "−") and (sign == "+") != up and m.group("verb").lower() in ("tăng", "giảm"):
        # "giảm 0,63 điểm (+0,13%)": the sign of the percentage against the verb
        pct.used = True
        said = m.group("verb").lower()
        claims.append(provisional_claim(
            ctx, "change", start, end, numerator=None, denominator=None, reported=f"{sign}{pct.text}%",
            source=f"'{text[start:end]}': the sign of the percentage against the verb",
            detail={"rule": "change-direction", "unit": nu, "direction": "tăng" if sign == "+" else "giảm",
                    "contradiction": said, "sign": sign},
            quote_start=ctx.clause_start(start, 60), line_pos=m.start("n")))
        return
    sn, sb = _scaled(n, b)
    d = max(n.decimals, b.decimals)
    ov = sb - sn if up else sb + sn
    if ov <= 0 or sn <= 0:
        return
    old = _value(format_number(Decimal(ov).scaleb(-d), d), bu)
    weak = WEAK_APPROX if _approx_before(text, m.start("n")) or _approx_before(text, b_pos) else None
    evidence = (f"'{text[start:end]}': the value before is {old.text} = {b.text} "
                f"{'-' if up else '+'} {n.text}")
    _change_claim(ctx, claims, "change-amount-percent", start, end, old, b, pct, evidence, weak,
                  m.start("n"))


_FROM_RE = re.compile(r"(?i)\btừ [0-9]")


def _same_unit(u: str | None, v: str | None) -> bool:
    return u is None or v is None or u.split()[0] == v.split()[0]


def _change_claim(ctx: ParagraphContext, claims: list, rule: str, start: int, end: int,
                  old: Value, new: Value, pct: NumberToken, evidence: str, weak: str | None,
                  line_pos: int) -> None:
    a, b = _scaled(old, new)
    if a <= 0 or a == b:
        return
    pct.used = True
    unit = old.unit or new.unit
    detail = {"unit": unit, "rule": rule, "direction": "tăng" if b > a else "giảm",
              "new": b, "new_text": new.text, "old": a, "old_text": old.text,
              # the numbers are on one integer scale: 71,74 and 20.225,09 as 7174 and 2022509
              "scale": max(old.decimals, new.decimals),
              # amounts of a measured quantity are rounded at their last digit: the check allows it
              "rounded_amounts": max(old.decimals, new.decimals) > 0
              or (unit is not None and unit.split()[0].lower() in ROUNDED_UNITS)}
    if weak:
        detail["weak"] = weak
    claims.append(provisional_claim(
        ctx, "change", start, end, numerator=abs(b - a), denominator=a, reported=f"{pct.text}%",
        source=evidence, detail=detail, quote_start=ctx.clause_start(start, 60), line_pos=line_pos))


def change_claims(ctx: ParagraphContext, claims: list) -> None:
    """Changes from one stated value to another with their percentage (rules ``change-from-to``,
    ``change-percent-amount``) and their amount (``change-amount``, a sum)."""
    text = ctx.text
    for a, b in pct_windows(ctx, 150, 80):  # "từ A lên B (Z%)", "tăng Z% từ A lên B"
        if _has_any(text, a, b, _FROM_WORDS):
            for m in _FROM_TO_RE.finditer(text, a, b):
                _from_to(ctx, claims, m)
    for a, b in pct_windows(ctx, 150, 80):  # "tăng Z%, hay N điểm, lên B"
        if _has_any(text, a, b, _TO_WORDS):
            for m in _PCT_AMOUNT_TO_RE.finditer(text, a, b):
                _pct_amount_to(ctx, claims, m)
    # "từ A lên B, gấp N lần": asked only where "gấp"/"bằng … lần" is said
    if "gấp " in text:
        for t in _TIMES_RE.finditer(text):
            for m in _FROM_TO_RE.finditer(text, max(0, t.start() - 120), t.start() + 2):
                times = _TIMES_AFTER_RE.match(text, m.end())
                if times is not None and times.end() == t.end():
                    _times_from_to(ctx, claims, m, times)
    # a change amount between two values needs no percentage: asked only where one is said
    if ("từ " in text or "Từ " in text) and _FROM_RE.search(text):
        for m in _AMOUNT_FROM_TO_RE.finditer(text):
            _amount(ctx, claims, m, m.group("n"), m.group("nu"), m.group("a"), m.group("b"),
                    m.group("dir"), m.group("au"))


def _clause_end(ctx: ParagraphContext, pos: int, limit: int) -> int:
    stop = min(len(ctx.text), pos + limit)
    i = bisect.bisect_left(ctx.bounds, pos)
    return min(stop, ctx.bounds[i]) if i < len(ctx.bounds) else stop


def _from_to(ctx: ParagraphContext, claims: list, m: re.Match) -> None:
    text = ctx.text
    au, bu = m.group("au"), m.group("bu")
    if not _same_unit(au, bu):
        return
    old = _value(m.group("a"), au or bu, bool(m.group("ap")) or bool(m.group("bp")))
    new = _value(m.group("b"), bu or au, old.percent)
    if (m.group("dir").lower() == "lên") != (new.value > old.value):
        # "từ 5 lên 3": not a change this rule reads, unless the words leave no other reading
        _direction_contradiction(ctx, claims, m, old, new)
        return
    weak = WEAK_POINTS if old.percent else None
    if _approx_before(text, m.start("a")) or _approx_before(text, m.start("b")):
        weak = WEAK_APPROX
    if old.percent and weak is not WEAK_APPROX:
        pts = _POINTS_AFTER_RE.match(text, m.end())
        if pts is None:
            pts = _POINTS_BEFORE_RE.search(text, max(0, m.start() - 50), m.start())
        if pts is not None:
            _points_claim(ctx, claims, m, old, new, pts)
            return
    # the percentage after the new value ...
    stop = _clause_end(ctx, m.end(), 80)
    pct = _pct_at(ctx, m.end(), stop)
    where = None
    if pct is not None and _AFTER_CUE_RE.fullmatch(text, m.end(), pct.s):
        where = "after"
    else:  # ... or right before "từ": "tăng 2,8% từ A lên B", "giảm 31% (từ A xuống B)"
        pct = _pct_before(ctx, m.start())
        if pct is None or pct.used or not _BEFORE_FROM_RE.fullmatch(text, pct.e, m.start()) \
                or not _CHANGE_WORD_RE.search(text, max(0, pct.s - 25), pct.s):
            amount = _FROM_TO_AMOUNT_RE.match(text, m.end())
            if amount is not None and not old.percent:
                _amount(ctx, claims, m, amount.group("n"), None, m.group("a"), m.group("b"),
                        amount.group("dir"), au, end=m.end() + amount.end())
            return
        where = "before"
        if _approx_before(text, pct.s):
            weak = WEAK_APPROX
    if _SO_VOI_RE.search(text, m.start(), min(len(text), max(pct.e, m.end()) + 25)):
        weak = weak or WEAK_OTHER_BASE
    evidence = (f"'{m.group(0)}' with the change {pct.text}% "
                f"{'after it' if where == 'after' else 'before it'}")
    _change_claim(ctx, claims, "change-from-to", min(m.start(), pct.s), max(m.end(), pct.e),
                  old, new, pct, evidence, weak, m.start())


#: a change verb right before "từ A lên/xuống B" ("giảm từ 4,8% xuống 6,9%")
_VERB_BEFORE_FROM_RE = re.compile(r"(?i)\b(?P<v>tăng|giảm)(?: mạnh| nhẹ)? $")
#: units whose numbers fall as they improve (ranks, places): "tụt từ 5 xuống 8 bậc" is no contradiction
_ORDER_UNITS = frozenset("bậc hạng thứ vị giờ phút giây tuổi ngày tháng năm".split())


def _direction_contradiction(ctx: ParagraphContext, claims: list, m: re.Match, old: Value,
                             new: Value) -> None:
    """``giảm từ 4,8% xuống 6,9%``: a change whose two direction words (the verb before ``từ``
    and ``lên``/``xuống``) agree with each other and contradict its two values (rule
    ``change-direction``). Flagged only when both values are unambiguous: both percentages, or
    both of one unit that is not a rank, a time or an age, neither approximate."""
    text = ctx.text
    verb = _VERB_BEFORE_FROM_RE.search(text, max(0, m.start() - 12), m.start())
    if verb is None or (verb.group("v").lower() == "tăng") != (m.group("dir").lower() == "lên"):
        return
    if old.value == new.value or old.value <= 0:
        return
    both_pct = bool(m.group("ap")) and bool(m.group("bp"))
    au, bu = m.group("au"), m.group("bu")
    if not both_pct:
        if m.group("ap") or m.group("bp") or au is None or bu is None or not _same_unit(au, bu):
            return
        if au.split()[0].lower() in _ORDER_UNITS:
            return
    if _approx_before(text, m.start("a")) or _approx_before(text, m.start("b")):
        return
    said = verb.group("v").lower()
    a, b = _scaled(old, new)
    start = verb.start()
    end = m.end("bu") if m.group("bu") and not both_pct else (m.end("bp") if both_pct else m.end("b"))
    if both_pct:  # the two percentages are the values of the change, not shares
        for t in ctx.toks[bisect.bisect_left(ctx.tok_starts, m.start("a")):]:
            if t.s >= end:
                break
            if t.kind == "pct":
                t.used = True
    claims.append(provisional_claim(
        ctx, "change", start, end, numerator=abs(b - a), denominator=a, reported=said,
        source=f"'{text[start:end]}': the direction word against the two values",
        detail={"rule": "change-direction", "unit": old.unit, "direction": "tăng" if b > a else "giảm",
                "contradiction": said, "old_text": old.text + ("%" if both_pct else ""),
                "new_text": new.text + ("%" if both_pct else ""), "scale": max(old.decimals, new.decimals)},
        quote_start=ctx.clause_start(start, 60), line_pos=m.start()))


#: "…, gấp 2,9 lần" right after "từ A lên B"
_TIMES_AFTER_RE = re.compile(
    r"(?i)(?: [^\W\d_]+)?,? ?\(? ?(?:(?:tức là|tức|hay|tương đương|tương ứng|tăng)(?: với)? )?(?:gấp|bằng) "
    r"(?P<n>" + _NUMBER + r") lần(?! so)")


_TIMES_RE = re.compile(r"(?i)\bgấp " + _NUMBER + r" lần")


def _times_from_to(ctx: ParagraphContext, claims: list, m: re.Match, times: re.Match) -> None:
    text = ctx.text
    au, bu = m.group("au"), m.group("bu")
    if not _same_unit(au, bu) or m.group("ap") or m.group("bp") or m.group("dir").lower() != "lên":
        return
    if _approx_before(text, m.start("a")) or _approx_before(text, m.start("b")):
        return
    old = _value(m.group("a"), au or bu)
    new = _value(m.group("b"), bu or au)
    _times_claim(ctx, claims, m, old, new, times)


def _times_claim(ctx: ParagraphContext, claims: list, m: re.Match, old: Value, new: Value,
                 times: re.Match, start: int | None = None, end: int | None = None) -> None:
    """``tăng từ 120 tỷ đồng lên 348 tỷ đồng, gấp 2,9 lần``: the new value over the old one,
    at the precision of the stated multiple (rule ``change-times``)."""
    if old.percent or old.value <= 0 or new.value <= old.value:
        return
    n = _value(times.group("n"))
    a, b = _scaled(old, new)
    unit = old.unit or new.unit
    start = m.start() if start is None else start
    end = times.end() if end is None else end
    claims.append(provisional_claim(
        ctx, "change", start, end, numerator=b, denominator=a, reported=f"{n.text} lần",
        source=f"'{ctx.text[start:end]}': the new value over the old one",
        detail={"rule": "change-times", "unit": unit, "times": True, "old_text": old.text,
                "new_text": new.text, "scale": max(old.decimals, new.decimals),
                "rounded_amounts": max(old.decimals, new.decimals) > 0
                or (unit is not None and unit.split()[0].lower() in ROUNDED_UNITS)},
        quote_start=ctx.clause_start(m.start(), 60), line_pos=m.start()))


_POINTS = r"(?P<n>" + _NUMBER + r") điểm(?: phần trăm| %)?(?![\w%])"
_POINTS_AFTER_RE = re.compile(
    r"(?i),? ?\(?(?:(?:tương ứng|tương đương|tức là|tức|hay)(?: với)? )?(?:(?:tăng|giảm)(?: thêm)? )?" + _POINTS)
_POINTS_BEFORE_RE = re.compile(r"(?i)\b(?:tăng|giảm)(?: thêm)? " + _POINTS + r",? ?\(?$")


def _points_claim(ctx: ParagraphContext, claims: list, m: re.Match, old: Value, new: Value,
                  pts: re.Match) -> None:
    """``từ 20,5% lên 22,6%, tăng 2,1 điểm phần trăm``: a change in percentage points is the
    difference of the two percentages (rule ``change-points``), kept apart from a change in
    percent; checked as the sum A + N = B on one integer scale."""
    n = _value(pts.group("n"))
    so, sn, sd = _scaled(old, new, n)
    up = sn > so
    lo, hi = (so, sn) if up else (sn, so)
    start, end = min(m.start(), pts.start()), max(m.end(), pts.end())
    claims.append(provisional_claim(
        ctx, "sum", start, end, denominator=hi, parts=(lo, sd), reported=(new if up else old).text,
        source=f"'{m.group(0)}' with the change {n.text} percentage points",
        detail={"rule": "change-points", "scale": max(old.decimals, new.decimals, n.decimals),
                "points": True, "old_text": old.text + "%", "new_text": new.text + "%",
                "amount_text": n.text},
        quote_start=ctx.clause_start(start, 60), line_pos=m.start()))


def _pct_amount_to(ctx: ParagraphContext, claims: list, m: re.Match) -> None:
    """``tăng Z%, hay N điểm, lên B``: the base is B − N (B + N for a fall)."""
    nu, bu = m.group("nu"), m.group("bu")
    if not _same_unit(nu, bu):
        return
    pct = next((t for t in ctx.toks if t.s == m.start("z")), None)
    if pct is None or pct.used:
        return
    n, b = _value(m.group("n"), nu), _value(m.group("b"), bu)
    sn, sb = _scaled(n, b)
    up = m.group("dir").lower() == "tăng"
    d = max(n.decimals, b.decimals)
    old_v = Value(Decimal(sb - sn if up else sb + sn).scaleb(-d), "", bu or nu, False)
    old = _value(format_number(old_v.value, d), bu or nu) if old_v.value > 0 else None
    if old is None:
        return
    weak = WEAK_APPROX if _approx_before(ctx.text, m.start("n")) or _approx_before(ctx.text, m.start("b")) else None
    evidence = f"'{m.group(0)}': the value before is {old.text} = {b.text} {'-' if up else '+'} {n.text}"
    _change_claim(ctx, claims, "change-percent-amount", m.start(), m.end(), old, b, pct, evidence,
                  weak, m.start())


def _amount(ctx: ParagraphContext, claims: list, m: re.Match, ns: str, nu: str | None, as_: str,
            bs: str, direction: str, au: str | None, end: int | None = None) -> None:
    """``giảm N (từ A xuống B)``: A − B = N, as the sum B + N = A (``A + N = B`` for a rise)."""
    if any(DECIMAL_SYMBOL in s for s in (ns, as_, bs)) or not _same_unit(nu, au):
        return
    n, a, b = (_value(s) for s in (ns, as_, bs))
    up = direction.lower() == "tăng"
    if (b.value > a.value) != up or n.value <= 0:
        return
    if _approx_before(ctx.text, m.start()) or re.search(r"[0-9] ?%", ctx.text[m.start():end or m.end()]):
        return
    lo, hi = (a, b) if up else (b, a)
    claims.append(provisional_claim(
        ctx, "sum", m.start(), end or m.end(), denominator=int(hi.value), parts=(int(lo.value), int(n.value)),
        reported=hi.text,
        source=f"the change {'+' if up else '-'}{n.text} between {a.text} and {b.text}",
        detail={"unit": nu or au, "rule": "change-amount"}, quote_start=ctx.clause_start(m.start(), 60),
        line_pos=m.start()))


# ------------------------------------------------------------------------------- lists of names
_NAME = r"[^\W\d_][^,;:.()\n0-9]{0,40}?"
_LIST_RE = re.compile(
    r"(?<![\w.,/])(?P<n>[0-9]{1,2}) (?P<u>" + _UNIT + r") ?(?:\(|:|gồm có|gồm:?|bao gồm:?|là:?) ?"
    r"(?P<items>(?:" + _NAME + r"(?:, | và |; ))+" + _NAME + r")(?P<end>[.;)]|$)")
#: what follows the count of a list: its noun (one or two words), then ":", "(", "gồm" or "là"
_LIST_HEAD_RE = re.compile(r" " + _UNIT + r" ?(?:\(|:|gồm|bao gồm|là)")
_LIST_SPLIT_RE = re.compile(r", | và |; ")
_MORE_AFTER_RE = re.compile(r"\.\.|…|v\.v|vv\.|\. [^\W\d_][^.]{0,40}, ")


def list_claims(ctx: ParagraphContext, claims: list) -> None:
    """``5 tỉnh: A, B, C, D và E``: the stated count of a list of names (rule ``list-of-names``,
    weak: a list may name only some of them, or a name stand for several)."""
    text = ctx.text
    # a list's count is a count token ("5 tỉnh"): the pattern is tried only where one starts
    for t in ctx.toks:
        if t.role != "count" or t.a >= 100 or not _LIST_HEAD_RE.match(text, t.e):
            continue
        m = _LIST_RE.match(text, t.s)
        if m is None:
            continue
        unit = m.group("u")
        if not unit.islower() or unit.split()[0] in ("năm", "tháng", "ngày", "giờ", "phút", "tuổi", "lần", "điểm", "phần"):
            continue
        items = _LIST_SPLIT_RE.split(m.group("items"))
        if any(not i.strip() or not i[0].isupper() or len(i.split()) > 6 for i in items):
            continue
        if _MORE_AFTER_RE.match(text, m.end("items")):
            continue
        n = int(m.group("n"))
        if n < 2:
            continue
        claims.append(provisional_claim(
            ctx, "sum", m.start(), m.end("items"), denominator=n, parts=(1,) * len(items),
            reported=m.group("n"), source=f"the count '{m.group('n')} {unit}' before a list of {len(items)} names",
            detail={"unit": unit, "rule": "list-of-names", "weak": WEAK_LIST, "list": True},
            quote_start=m.start(), line_pos=m.start()))


# ------------------------------------------------------------------------ same-sentence wholes
_WHOLE_CUE_RE = re.compile(
    r"(?i)(?:tổng số|tổng cộng|tổng|cả nước|toàn (?:tỉnh|huyện|quốc|thành phố|xã|ngành|bộ|giải)|"
    r"thu về|tham gia|tham dự|dự thi|có mặt)(?: [^\W\d_]+){0,3}(?: là| có| đạt)?:? $")
_SHARE_AFTER_RE = re.compile(r"(?i) ?[^\W\d_]* ?(?:\(|, chiếm|, đạt|, tỷ lệ|, bằng)")


def sentence_whole(ctx: ParagraphContext, t: NumberToken) -> tuple[int, str, str | None] | None:
    """The whole of a count with a share and no total: the nearest earlier count of the same
    noun in the same sentence, larger than it and not itself a count with a share (rule
    ``same-sentence-noun``), as ``(whole, evidence, weak reason or None)``.

    "phiếu thu về là 465 phiếu, số phiếu đồng ý là 458 phiếu (98,49%)": 458 of 465. The tie is
    strong when a cue names the whole (``tổng số``, ``cả nước``, ``thu về`` …) or ``trong đó``
    stands between the two; otherwise it is weak (checked, never flagged).
    """
    text = ctx.text
    s0 = ctx.sentence_span(t.s)[0]
    toks = ctx.toks
    for j in range(t.idx - 1, max(-1, t.idx - 12), -1):
        u = toks[j]
        if u.s < s0:
            return None
        if u.role != "count" or u.unit2 != t.unit2 or u.approx:
            continue
        if u.a <= t.a:
            return None
        after = text[u.e + len(u.unit2 or "") + 1:u.e + len(u.unit2 or "") + 12]
        if _SHARE_AFTER_RE.match(after):
            return None  # "300 người (60%), 200 người (40%)": a part with its own share
        strong = (_WHOLE_CUE_RE.search(text, max(s0, u.s - 40), u.s) is not None
                  or re.search(r"(?i)\btrong đó\b", text[u.e:t.s]) is not None)
        return (u.a, f"'{u.text} {u.unit2}' earlier in the sentence, of the same noun",
                None if strong else WEAK_SAME_NOUN)
    return None


# -------------------------------------------------------------------------- complete breakdowns
def _share_units(reported: str) -> tuple[Decimal, Decimal]:
    """The value of a reported percentage and half a unit of its last digit."""
    raw = reported.rstrip("%").strip()
    d = len(raw.partition(DECIMAL_SYMBOL)[2])
    return (Decimal(raw.replace(GROUP_SYMBOL, "").replace(DECIMAL_SYMBOL, ".")),
            Decimal(1).scaleb(-d) / 2)


#: the most parts a breakdown of shares adding up to 100% may have (its search stays linear)
MAX_BREAKDOWN_PARTS = 12


def _noun(claim: dict) -> str | None:
    """The first word of a count's noun ("người" for "người ở")."""
    unit = claim["detail"].get("unit")
    return unit.split()[0] if unit else None


def breakdown_wholes(shares: list[dict]) -> None:
    """Counts with a share and no whole whose shares add up to 100 %: the whole is their sum.

    ``Dân số thành thị là 111.300 người (13,88%). Dân số nông thôn là 690.400 người (86,12%).``:
    the two shares make a complete breakdown, so each is a share of 111.300 + 690.400 (rule
    ``complete-breakdown``). ``shares`` are the count-share claims of one paragraph without a
    whole, in order (of one paragraph or of consecutive ones: a list of bullets); runs of two or
    more of one noun whose shares add up to 100 % within their rounding get the sum of their
    counts as whole (at most :data:`MAX_BREAKDOWN_PARTS` parts from each start: linear in the
    claims). Such a run is checked as a
    passage: when none of its shares fits the sum, none is flagged.
    """
    n = len(shares)
    i = 0
    while i < n - 1:
        unit = _noun(shares[i])
        total, slack, j = Decimal(0), Decimal(0), i
        best = None
        while j < n and j - i < MAX_BREAKDOWN_PARTS and _noun(shares[j]) == unit:
            v, h = _share_units(shares[j]["reported"])
            total += v
            slack += h
            if total - slack > 100:
                break
            if j > i and abs(total - 100) <= slack:
                best = j
            j += 1
        if best is None:
            i += 1
            continue
        group = shares[i:best + 1]
        counts = [c["numerator"] for c in group]
        whole = sum(counts)
        how = " + ".join(format_number(v) for v in counts) + f" = {format_number(whole)}"
        rounded = unit is not None and unit.split()[0].lower() in ROUNDED_UNITS
        group_id = ("breakdown", group[0]["_order"])
        for c in group:
            # checked as a passage: when none of its shares fits the sum, the shares add up to
            # 100% by chance and none is flagged (parstats.audit.passes)
            c["detail"]["tie"] = "passage"
            c["detail"]["para"] = group_id
            c["denominator"] = whole
            c["denominator_source"] = (f"the counts of a breakdown whose shares add up to 100% ({how})")
            c["detail"]["rule"] = "complete-breakdown"
            if rounded:  # "51 triệu người (85%)": amounts rounded, the whole only nearly known
                c["detail"]["weak"] = WEAK_ROUNDED
        i = best + 1


# ------------------------------------------------------------------------------ amount shares
_SCALES = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}


def _amount_re(n: str) -> str:
    """An amount with its unit, its groups named ``n``, ``ns`` (scale word), ``nu`` (unit)."""
    return (r"(?P<" + n + r">" + _NUMBER + r") (?:(?P<" + n + r"s>nghìn|ngàn|triệu|tỷ|tỉ) )?(?P<" + n
            + r"u>[^\W\d_]+(?: vị)?)")


#: "54,5 tỷ USD (chiếm 17,7%", "1.377.200 đơn vị, chiếm": an amount, then a share cue, at the share
_AMOUNT_SHARE_RE = re.compile(
    _amount_re("x") + r"(?: [^\W\d_]+){0,2} ?(?:\(|,|-) ?(?:chiếm|tương đương|tương ứng|bằng)(?: tới| đến)? $")
#: the words after the share that name its whole: "chiếm 46,7% tổng khối lượng giao dịch"
_WHOLE_NAME_RE = re.compile(r" (?:của |so với |trong )?(?P<w>(?:tổng )?[^\W\d_]+(?: [^\W\d_]+){0,3})")
#: a whole stated by a cue word, "Tổng vốn đầu tư đạt 412,6 tỷ USD"
_CUE_WHOLE_RE = re.compile(
    r"(?i)\b(?:tổng|tổng số|tổng cộng|toàn bộ|cả nước)(?: [^\W\d_]+){0,5},? (?:(?:ước )?(?:đạt|là|lên tới|lên đến|có)(?: mức)? |: ?)?"
    + _amount_re("y"))
_STOP_NAME = frozenset("của so với và là đạt trong khi các những này đó, cho từ".split())
WEAK_NAMED_WHOLE = "the whole is an amount named elsewhere in the paragraph: it may be another one"
WEAK_CUE_WHOLE = ("the whole is a total stated earlier in the paragraph, and no other share of the "
                  "list fits it")


#: how far from a share the rules that look for a named amount read (characters either side):
#: a bound that keeps the audit linear in the claims of a long paragraph
NAMED_REACH = 1500


def _lower(ctx: ParagraphContext) -> str:
    """The paragraph in lower case, made once per paragraph (kept on the context)."""
    got = ctx.__dict__.get("lower_text")
    if got is None:
        got = ctx.__dict__["lower_text"] = ctx.text.lower()
    return got


@dataclass(frozen=True)
class Amount:
    """An amount of the text with its unit: its value (scale words applied), half a unit of its
    last written digit, the base unit word, and how it is written."""

    value: Decimal
    half: Decimal
    unit: str
    text: str
    scale: int = 0


def _amount_of(m: re.Match, n: str) -> Amount | None:
    num, scale, unit = m.group(n), m.group(n + "s"), m.group(n + "u")
    v = _value(num)
    e = _SCALES.get(scale.lower(), 0) if scale else 0
    if not unit:
        return None
    # a count of people or things written in full is exact; money in thousands or more, measures
    # and anything written with decimals or a scale word are rounded at their last digit
    rounded = e > 0 or v.decimals > 0 or unit.split()[0].lower() in ROUNDED_UNITS
    return Amount(v.value.scaleb(e), Decimal(1).scaleb(e - v.decimals) / 2 if rounded else Decimal(0), unit.lower(),
                  m.group(0)[m.start(n) - m.start():m.end(n + "u") - m.start()], e)


def share_fits(x: Decimal, y: Decimal, hx: Decimal, hy: Decimal, reported: str) -> tuple[bool, bool]:
    """Whether the share ``reported`` (``"17,7%"``) of ``x`` in ``y`` fits exactly (half-up at its
    precision) and whether it fits within the rounding of the two amounts (each within ``hx``,
    ``hy`` of its written value)."""
    raw = reported.rstrip("%").strip()
    d = len(raw.partition(DECIMAL_SYMBOL)[2])
    r = Decimal(raw.replace(GROUP_SYMBOL, "").replace(DECIMAL_SYMBOL, "."))
    q = Decimal(1).scaleb(-d)
    exact = (x * 100 / y).quantize(q, rounding=ROUND_HALF_UP) == r
    if y - hy <= 0:
        return exact, exact
    lo, hi = (x - hx) * 100 / (y + hy), (x + hx) * 100 / (y - hy)
    return exact, exact or (lo < r + q / 2 and r - q / 2 <= hi)


def _texts(x: Amount, y: Amount) -> dict:
    """The two amounts as written, for a diagnosis, when they are not written as whole numbers
    on one scale (``640,2`` and ``695,1`` tỷ, not 6.402 and 6.951)."""
    if x.text and y.text and x.scale == y.scale:
        xs, ys = x.text.split()[0], y.text.split()[0]
        if DECIMAL_SYMBOL in xs or DECIMAL_SYMBOL in ys:
            return {"x_text": xs, "y_text": ys}
    return {}


def _scaled_pair(x: Amount, y: Amount) -> tuple[int, int, str, str]:
    """Two amounts as integers on one scale (for the claim's numbers), and half a unit of the
    last digit of each on that scale (as text: it may have a fraction)."""
    # in units of the smaller scale word of the two ("640.250 tỷ" as 640250, not 640250·10⁹)
    e = -min(x.scale, y.scale)
    vals = [v.scaleb(e) for v in (x.value, y.value, x.half, y.half)]
    d = max(0, *(-v.normalize().as_tuple().exponent for v in vals[:2]))
    return (int(vals[0].scaleb(d)), int(vals[1].scaleb(d)), str(vals[2].scaleb(d)), str(vals[3].scaleb(d)))


def amount_share_claims(ctx: ParagraphContext, claims: list) -> None:
    """Shares of amounts (money, volumes, areas …) whose whole is an amount of the same unit
    stated elsewhere in the paragraph (rules ``named-whole`` and ``amount-total``).

    ``1.377.200 đơn vị (chiếm 46,7% tổng khối lượng giao dịch). … tổng khối lượng giao dịch đạt
    2.951.250 đơn vị``: the share names its whole, stated with an amount of the same unit
    (``named-whole``, weak: the name may be stated for several amounts; consistent when one fits).
    ``Tổng vốn 306,3 tỷ USD … Hàn Quốc 54,5 tỷ USD (chiếm 17,7%)``: a total stated earlier by
    its cue word (``amount-total``): flagged only when two other shares of the paragraph tied to
    the same total fit it (the list is that total's breakdown), else weak. Amounts are rounded
    at their last digit: a share that fits within that rounding is consistent.
    """
    text = ctx.text
    found = []
    for t in ctx.pcts:
        if t.used or t.role not in ("pct", "pct-ref"):
            continue
        m = _AMOUNT_SHARE_RE.search(text, max(0, t.s - 70), t.s)
        if m is None:
            if t.role == "pct":
                _subject_share(ctx, claims, t)
            continue
        if _approx_before(text, m.start()):
            continue
        x = _amount_of(m, "x")
        if x is None or x.value <= 0 or x.unit in ("năm", "tháng", "ngày", "tuổi", "lần", "điểm", "phần"):
            continue
        found.append((t, m, x))
    if not found:
        return
    # amounts named in the paragraph, each with the words before it ("… đạt 2.951.250 đơn vị")
    groups: dict[tuple, list] = {}
    for t, m, x in found:
        name = _WHOLE_NAME_RE.match(text, t.e)
        y, how, rule = None, None, None
        stated = _NAMED_PAREN_RE.match(text, t.e)
        if stated is not None:  # "bằng 92,1% dự toán (695,1 tỷ đồng)": the whole named and given
            z = _amount_of(stated, "y")
            if z is not None and _same_amount_unit(x, z) and z.scale == x.scale and \
                    not _approx_before(text, stated.start("y")):
                y, how, rule = z, f"'{stated.group(0).strip(' %')}' after the share", "named-whole-stated"
        if y is None and name is not None:
            words = [w for w in name.group("w").split() if w.lower() not in _STOP_NAME][:3]
            if len(words) >= 2 or (words and words[0].lower() not in ("tổng",)):
                y, how = _named_amount(ctx, " ".join(words), x, m.start(), t.text)
                rule = "named-whole"
        if y is None and "chiếm" in m.group(0):
            y, how = _paren_whole(ctx, x, m.start())
            rule = "paren-whole"
        if y is None and t.role == "pct":
            y, how = _cue_total(ctx, x, m.start())
            rule = "amount-total"
        if y is None:
            continue
        exact, fits = share_fits(x.value, y.value, x.half, y.half, t.text)
        groups.setdefault((rule, y.value, how), []).append((t, m, x, y, exact, fits))
    for (rule, _, how), members in groups.items():
        fitting = sum(1 for *_, exact, fits in members if exact)
        for t, m, x, y, exact, fits in members:
            weak = None
            if not fits:
                if rule == "named-whole":
                    weak = WEAK_NAMED_WHOLE
                elif rule == "amount-total" and fitting < 2:
                    weak = WEAK_CUE_WHOLE
            t.used = True
            nx, ny, hx, hy = _scaled_pair(x, y)
            detail = {"unit": x.unit, "rule": rule, "halves": (hx, hy), **_texts(x, y)}
            if weak:
                detail["weak"] = weak
            claims.append(provisional_claim(
                ctx, "ratio", m.start(), t.e, numerator=nx, denominator=ny, reported=f"{t.text}%",
                source=how, detail=detail, quote_start=ctx.clause_start(m.start(), 60),
                line_pos=m.start()))


#: "Lót tay trong trường hợp này vẫn chiếm tới 25% tiền lương": a sentence whose subject (its
#: first words) takes a share of a named whole, with no amount between them
_SUBJECT_SHARE_RE = re.compile(r"(?i)(?:chiếm|tương đương|tương ứng|bằng)(?: tới| đến| khoảng)? $")
_SUBJECT_RE = re.compile(r"(?P<s>[^\W\d_]+(?: [^\W\d_]+)?)")
_SUBJECT_STOP = frozenset("trong của là thì đã sẽ vẫn chỉ cũng được có này đó các những".split())
_NAME_AMOUNT_RE = re.compile(r"(?:[^\W\d_]+ ){0,2}(?:(?:đạt|là|ở mức|có)(?: mức)? |: ?)?" + _amount_re("y"))


def _subject_share(ctx: ParagraphContext, claims: list, t: NumberToken) -> None:
    """``Lót tay … chiếm tới 25% tiền lương`` after ``lót tay 25 triệu euro`` and ``100 triệu euro
    tiền lương``: the sentence's subject and the whole named after the share are each stated
    with an amount of one unit elsewhere in the paragraph (rule ``named-amounts``, weak)."""
    text = ctx.text
    cue = _SUBJECT_SHARE_RE.search(text, max(0, t.s - 16), t.s)
    if cue is None or "khoảng" in cue.group(0):
        return
    s0 = ctx.sentence_span(t.s)[0]
    while s0 < t.s and not text[s0].isalpha():
        s0 += 1
    if t.s - s0 > 90:
        return
    subj = _SUBJECT_RE.match(text, s0)
    name = _WHOLE_NAME_RE.match(text, t.e)
    if subj is None or name is None:
        return
    sw = [w for w in subj.group("s").split() if w.lower() not in _SUBJECT_STOP]
    ww = [w for w in name.group("w").split() if w.lower() not in _STOP_NAME][:3]
    if len(sw) != 2 or not ww or [w.lower() for w in sw] == [w.lower() for w in ww[:2]]:
        return
    sname = " ".join(sw).lower()
    low = _lower(ctx)
    lo, hi = max(0, t.s - NAMED_REACH), min(len(text), t.s + NAMED_REACH)
    i, n = low.find(sname, lo, hi), 0
    while i >= 0 and n < 20:
        n += 1
        if not s0 <= i < t.s:
            m = _NAME_AMOUNT_RE.match(text, i + len(sname) + 1)
            if m is not None and not _approx_before(text, m.start("y")):
                x = _amount_of(m, "y")
                if x is not None and x.value > 0:
                    y, how = _named_amount(ctx, " ".join(ww), x, t.s, t.text)
                    if y is not None:
                        t.used = True
                        nx, ny, hx, hy = _scaled_pair(x, y)
                        claims.append(provisional_claim(
                            ctx, "ratio", s0, t.e, numerator=nx, denominator=ny, reported=f"{t.text}%",
                            source=f"'{text[i:m.end()]}' and {how}",
                            detail={"unit": x.unit, "rule": "named-amounts", "halves": (hx, hy),
                                    "weak": WEAK_NAMED_WHOLE},
                            quote_start=ctx.clause_start(t.s, 60), line_pos=t.s))
                        return
        i = low.find(sname, i + 1, hi)


def _same_amount_unit(x: Amount, y: Amount) -> bool:
    return x.unit.split()[0] == y.unit.split()[0]


_AMOUNT_BEFORE_RE = re.compile(_amount_re("y") + r" $")


def _named_amount(ctx: ParagraphContext, name: str, x: Amount, pos: int,
                  reported: str) -> tuple[Amount | None, str | None]:
    """An amount of the same unit as ``x`` stated right after ``name`` elsewhere in the paragraph
    ("tổng khối lượng giao dịch đạt 2.951.250 đơn vị"), larger than ``x``; the nearest one that
    the share fits, else the nearest one."""
    text = ctx.text
    low = _lower(ctx)
    best = None
    lo, hi = max(0, pos - NAMED_REACH), min(len(text), pos + NAMED_REACH)
    i = low.find(name.lower(), lo, hi)
    pat = re.compile(r"(?:[^\W\d_]+ ){0,3}(?:(?:ước )?(?:đạt|là|ở mức|lên|còn|có)(?: mức)? |: ?)" + _amount_re("y"))
    n = 0

    def consider(m, at: int, words: str) -> None:
        """Keep the amount of ``m`` when it can be the whole: fitting first, then nearest."""
        nonlocal best
        if _approx_before(text, m.start("y")):
            return
        y = _amount_of(m, "y")
        if y is not None and _same_amount_unit(x, y) and y.value > x.value:
            cand = (not share_fits(x.value, y.value, x.half, y.half, reported)[1], abs(at - pos), y,
                    f"'{words}' elsewhere in the paragraph")
            if best is None or cand[:2] < best[:2]:
                best = cand

    while i >= 0 and n < 20:
        n += 1
        m = pat.match(text, i + len(name) + 1)
        if m is not None:
            consider(m, i, text[i:m.end()])
        else:  # "… 100 triệu euro tiền lương": the amount right before the name
            m = _AMOUNT_BEFORE_RE.search(text, max(0, i - 45), i)
            if m is not None:
                consider(m, i, text[m.start():i + len(name)])
        i = low.find(name.lower(), i + 1, hi)
    return (best[2], best[3]) if best else (None, None)


_COUNT_AMOUNT_RE = re.compile(_amount_re("x"))


def named_whole(ctx: ParagraphContext, t: NumberToken, pct: NumberToken, claim: dict) -> bool:
    """A count with its share and no total ("1.377.200 đơn vị (chiếm 46,7% tổng khối lượng giao
    dịch)") whose share names its whole, stated elsewhere in the paragraph with an amount of
    the same unit: that amount is the whole (rule ``named-whole``, weak). Whether one was found."""
    text = ctx.text
    m = _COUNT_AMOUNT_RE.match(text, t.s)
    if m is None:
        return False
    x = _amount_of(m, "x")
    if x is not None and x.value > 0 and re.fullmatch(r"[^0-9()]{0,20}, chiếm ", text[m.end():pct.s]):
        y, how = _paren_whole(ctx, x, t.s)  # "vốn 600 tỷ đồng (A góp 570 tỷ đồng, chiếm 95%)"
        if y is not None:
            nx, ny, hx, hy = _scaled_pair(x, y)
            claim["numerator"], claim["denominator"], claim["denominator_source"] = nx, ny, how
            claim["detail"].update({"rule": "paren-whole", "halves": (hx, hy)})
            return True
    name = _WHOLE_NAME_RE.match(text, pct.e)
    if name is None:
        return False
    words = [w for w in name.group("w").split() if w.lower() not in _STOP_NAME][:3]
    if x is None or x.value <= 0 or not words or (len(words) == 1 and words[0].lower() == "tổng"):
        return False
    y, how = _named_amount(ctx, " ".join(words), x, t.s, pct.text)
    if y is None:
        return False
    nx, ny, hx, hy = _scaled_pair(x, y)
    claim["numerator"], claim["denominator"], claim["denominator_source"] = nx, ny, how
    claim["detail"].update({"rule": "named-whole", "halves": (hx, hy), "weak": WEAK_NAMED_WHOLE})
    return True


_NAMED_PAREN_RE = re.compile(
    r" ?%? (?:của |so với )?(?:[^\W\d_]+ ){1,4}\( ?(?:là |đạt |bằng )?" + _amount_re("y") + r" ?\)")
_PAREN_WHOLE_RE = re.compile(_amount_re("y") + r" ?\( ?(?:[^\W\d_]+ ){0,4}$")


def _paren_whole(ctx: ParagraphContext, x: Amount, pos: int) -> tuple[Amount | None, str | None]:
    """The amount right before the parenthesis that holds a part and its share: ``vốn điều lệ
    600 tỷ đồng (Vinamilk góp 570 tỷ đồng, chiếm 95%)`` (rule ``paren-whole``): of the same unit
    and scale word, larger than the part."""
    text = ctx.text
    m = _PAREN_WHOLE_RE.search(text, max(0, pos - 70), pos)
    if m is None or _approx_before(text, m.start("y")):
        return None, None
    y = _amount_of(m, "y")
    if y is None or not _same_amount_unit(x, y) or y.scale != x.scale or y.value <= x.value:
        return None, None
    return y, f"'{text[m.start():m.end('yu')]}' before the parenthesis"


def _cue_total(ctx: ParagraphContext, x: Amount, pos: int) -> tuple[Amount | None, str | None]:
    """The nearest total stated by a cue word before ``pos`` in the paragraph, of the same unit
    and larger than ``x`` ("Tổng vốn đầu tư đạt 412,6 tỷ USD")."""
    text = ctx.text
    best = None
    for m in _CUE_WHOLE_RE.finditer(text, max(0, pos - 600), pos):
        y = _amount_of(m, "y")
        if y is not None and _same_amount_unit(x, y) and y.value > x.value \
                and not _approx_before(text, m.start("y")):
            best = (y, f"'{m.group(0)}' earlier in the paragraph")
    return best if best else (None, None)


# ------------------------------------------------------------------- a change against a named value
#: "… là 782.700 tỷ đồng, tăng 7,9%" before the percentage, "so với ước thực hiện năm 2013" after it
_NAMED_CHANGE_HEAD_RE = re.compile(
    _amount_re("a") + r"(?: [^\W\d_]+)?,? \(?(?P<dir>tăng|giảm)(?: thêm)? (?:khoảng |gần |hơn )?$")
_NAMED_CHANGE_TAIL_RE = re.compile(r" ?%?\)? so với (?P<w>[^\W\d_][^,.;:()!?\n]{2,70})")
_PERIOD_RE = re.compile(r"(?i)\b(?:năm|tháng|quý|kỳ|niên vụ|vụ)\s+[0-9IVX]+(?:/[0-9]{2,4})?|\b(?:19|20)[0-9]{2}\b")
_VALUE_BEFORE_RE = re.compile(r"(?:(?:ước )?(?:đạt|là|ở mức|có|lên tới|khoảng) |: ?)" + _amount_re("y"))
_FUNCTION_WORDS = frozenset("của các những và là đạt ước có với so thì được đã sẽ này đó trong năm tháng quý "
                            "kỳ thực hiện mức".split())
_BASE_STOP = frozenset("so với của các những thực hiện mức số".split())
WEAK_NAMED_BASE = ("the base named after 'so với' is stated earlier, but its words do not match the "
                   "change's subject and period")


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in _FUNCTION_WORDS}


def named_base_claims(ctx: ParagraphContext, claims: list) -> None:
    """``thu … năm 2013 ước đạt 752.370 tỷ đồng`` … ``dự toán thu … là 782.700 tỷ đồng, tăng 7,9%
    so với ước thực hiện năm 2013``: a change against a base named after ``so với`` and stated
    earlier in the paragraph with an amount of the same unit (rule ``change-named-base``).

    The tie is strong only when the earlier amount's words (the ten words before it) hold the
    period named after ``so với`` (``năm 2013``), another of its words (``ước``) and a word of the
    change's subject (``thu``, ``NSNN``), and no other earlier amount of the unit does; else it
    is weak (consistent when it fits, never flagged)."""
    text = ctx.text
    if "so với" not in text:
        return
    for t in ctx.pcts:
        if t.used or t.role not in ("pct", "pct-change"):
            continue
        tail = _NAMED_CHANGE_TAIL_RE.match(text, t.e)
        if tail is None:
            continue
        head = _NAMED_CHANGE_HEAD_RE.search(text, max(0, t.s - 60), t.s)
        if head is None or _approx_before(text, head.start("a")) or "khoảng" in head.group(0) \
                or "gần" in head.group(0) or "hơn" in head.group(0):
            continue
        a = _amount_of(head, "a")
        w = tail.group("w")
        period = _PERIOD_RE.search(w)
        if a is None or period is None:
            continue
        s0 = ctx.sentence_span(head.start())[0]
        named = {x for x in re.findall(r"[^\W\d_]+", w[:period.start()].lower()) if x not in _BASE_STOP}
        strong_ones, fits_any = [], None
        for m in _VALUE_BEFORE_RE.finditer(text, max(0, s0 - NAMED_REACH), head.start()):
            b = _amount_of(m, "y")
            if b is None or not _same_amount_unit(a, b) or (m.group("ys") or "") != (head.group("as") or "") \
                    or _approx_before(text, m.start("y")):
                continue
            before = text[max(0, m.start() - 70):m.start("y")]
            before = before[max(before.rfind(". "), before.rfind("; ")) + 1:]
            if period.group(0).lower() not in before.lower():
                continue
            words = _content_words(before)
            # the change's subject: the words before its value, after this amount
            subject = _content_words(text[max(s0, head.start() - 80, m.end()):head.start()])
            named_ok = not named or bool(named & set(re.findall(r"[^\W\d_]+", before.lower())))
            strong = named_ok and bool(subject & words)
            if strong:
                strong_ones.append((m, b))
            elif fits_any is None:
                fits_any = (m, b)
        if len(strong_ones) == 1:
            m, b = strong_ones[0]
            weak = None
        elif fits_any is not None and not strong_ones:
            m, b = fits_any
            weak = WEAK_NAMED_BASE
        else:
            continue
        up = head.group("dir") == "tăng"
        if (a.value > b.value) != up or a.value == b.value:
            weak = weak or WEAK_NAMED_BASE
        evidence = (f"'{text[m.start():m.end()]}' earlier in the paragraph, named by "
                    f"'so với {w.strip()}'")
        _change_claim(ctx, claims, "change-named-base", head.start(), tail.end(),
                      _value(m.group("y"), b.unit), _value(head.group("a"), a.unit),
                      t, evidence, weak, head.start("a"))


# ------------------------------------------------------------ a change with its base in parentheses
#: "đạt 12,5 tỷ USD, tăng 8,7% so với cùng kỳ năm trước (11,5 tỷ USD)"
_PAREN_BASE_TAIL_RE = re.compile(
    r" ?%?,? so với (?P<w>[^\W\d_][^,.;:()0-9]{0,50}?(?: [0-9]{4})?) ?\( ?(?:mức |đạt |là |với )?"
    + _amount_re("b") + r"[^()]{0,12}\)")
#: "350 tỷ đồng, gấp 2,5 lần năm ngoái (140 tỷ đồng)"
_TIMES_PAREN_RE = re.compile(
    _amount_re("a") + r"(?: [^\W\d_]+)?,? (?:tăng |cao |lớn |nhiều )?gấp (?P<n>" + _NUMBER + r") lần "
    r"(?:so với )?(?P<w>[^\W\d_][^,.;:()0-9]{0,50}?(?: [0-9]{4})?) ?\( ?(?:mức |đạt |là )?" + _amount_re("b") + r"[^()]{0,12}\)")


def paren_base_claims(ctx: ParagraphContext, claims: list) -> None:
    """A change whose base follows ``so với …`` in parentheses: ``đạt 12,5 tỷ USD, tăng 8,7% so
    với cùng kỳ năm trước (11,5 tỷ USD)`` (rule ``change-paren-base``) and ``350 tỷ đồng, gấp
    2,5 lần năm ngoái (140 tỷ đồng)`` (``change-times``): both values stated, of one unit and
    scale word, in one clause."""
    text = ctx.text
    if ctx.pcts and "so với" in text:
        for t in ctx.pcts:
            if t.used or t.role not in ("pct", "pct-change", "pct-ref"):
                continue
            tail = _PAREN_BASE_TAIL_RE.match(text, t.e)
            if tail is None:
                continue
            head = _NAMED_CHANGE_HEAD_RE.search(text, max(0, t.s - 60), t.s)
            if head is None or _approx_before(text, head.start("a")) or _approx_before(text, tail.start("b")):
                continue
            if any(w in head.group(0) for w in ("khoảng", "gần", "hơn")):
                continue
            a, b = _amount_of(head, "a"), _amount_of(tail, "b")
            if a is None or b is None or not _same_amount_unit(a, b) or a.scale != b.scale:
                continue
            if (a.value > b.value) != (head.group("dir") == "tăng") or a.value == b.value:
                continue  # the direction: another class (change-direction)
            _change_claim(ctx, claims, "change-paren-base", head.start(), tail.end(),
                          _value(tail.group("b"), b.unit), _value(head.group("a"), a.unit), t,
                          f"'{text[head.start():tail.end()]}': the base in parentheses", None,
                          head.start("a"))
    if "gấp " in text:
        for m in _TIMES_PAREN_RE.finditer(text):
            a, b = _amount_of(m, "a"), _amount_of(m, "b")
            if a is None or b is None or not _same_amount_unit(a, b) or a.scale != b.scale:
                continue
            if _approx_before(text, m.start("a")) or _approx_before(text, m.start("b")):
                continue
            old, new = _value(m.group("b"), b.unit), _value(m.group("a"), a.unit)
            if new.value <= old.value:
                continue
            times = re.match(r"(?P<n>.+)", m.group("n"))
            _times_claim(ctx, claims, m, old, new, times, start=m.start(), end=m.end())


# ------------------------------------------------------------------- a share with its shortfall
#: "chỉ đạt 92,2% so với dự toán (hụt thu 63.630 tỷ đồng)"
_SHORTFALL_RE = re.compile(
    r" ?%? (?:so với |của )?(?P<w>[^\W\d_]+(?: [^\W\d_]+){0,3}) ?\(? ?(?P<k>hụt thu|hụt|thiếu|giảm|vượt thu|vượt|tăng) "
    + _amount_re("n") + r"\)?")
_SHORTFALL_CUE_RE = re.compile(r"(?i)\b(?:đạt|bằng|được)(?: được)? $")
_CHANGE_OF_RE = re.compile(
    _amount_re("a") + r",? (?P<k>giảm|tăng|hụt|vượt)(?: thu)? (?P<n>" + _NUMBER + r") (?:(?P<ns>nghìn|ngàn|triệu|tỷ|tỉ) )?"
    r"(?P<nu>[^\W\d_]+)[^.;]{0,40}? so với (?P<w>[^\W\d_]+(?: [^\W\d_]+){0,3})")


def shortfall_claims(ctx: ParagraphContext, claims: list) -> None:
    """``ước đạt 752.370 tỷ đồng, giảm 63.630 tỷ đồng … so với dự toán`` … ``chỉ đạt 92,2% so với
    dự toán (hụt thu 63.630 tỷ đồng)``: a share of a whole named after it, with its shortfall
    (or excess) in parentheses, where an earlier sentence of the paragraph states the same
    shortfall against the same named whole with the value reached: the whole is that value
    plus the shortfall (rule ``share-shortfall``; the same amount and the same name tie it)."""
    text = ctx.text
    if "so với" not in text:
        return
    for t in ctx.pcts:
        if t.used or t.role not in ("pct", "pct-change", "pct-ref"):
            continue
        if _SHORTFALL_CUE_RE.search(text, max(0, t.s - 12), t.s) is None:
            continue
        m = _SHORTFALL_RE.match(text, t.e)
        if m is None:
            continue
        n = _amount_of(m, "n")
        wname = " ".join(m.group("w").lower().split()[:3])
        if n is None:
            continue
        up = m.group("k").startswith(("vượt", "tăng"))
        for c in _CHANGE_OF_RE.finditer(text, max(0, t.s - NAMED_REACH), t.s):
            if c.group("w").lower().split()[:len(wname.split())] != wname.split():
                continue
            if c.group("n") != m.group("n") or (c.group("ns") or "") != (m.group("ns") or "") \
                    or c.group("k").startswith(("vượt", "tăng")) != up:
                continue
            a = _amount_of(c, "a")
            if a is None or not _same_amount_unit(a, n) or _approx_before(text, c.start("a")):
                continue
            whole = a.value - n.value if up else a.value + n.value
            if whole <= 0:
                continue
            if a.scale != n.scale:
                continue
            w = Amount(whole, a.half + n.half, a.unit, "", a.scale)
            nx, ny, hx, hy = _scaled_pair(a, w)
            t.used = True
            claims.append(provisional_claim(
                ctx, "ratio", t.s, m.end(), numerator=nx, denominator=ny, reported=f"{t.text}%",
                source=(f"'{c.group(0)}' earlier in the paragraph: the {c.group('w')} is "
                        f"{format_number(whole.scaleb(-a.scale))} = {a.text.split()[0]} {'-' if up else '+'} {n.text.split()[0]}"),
                detail={"unit": a.unit, "rule": "share-shortfall", "halves": (hx, hy)},
                quote_start=ctx.clause_start(t.s, 60), line_pos=t.s))
            break


# ---------------------------------------------------------------------------------- records
_WORD_OR_NUM = r"(?:[0-9]{1,4}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|một)"
#: "thắng 97, hòa 28 và thua 16 trận"
_RECORD_RE = re.compile(
    r"(?i)\bthắng (?P<w>" + _WORD_OR_NUM + r")(?: trận)?, (?:hòa|hoà) (?P<d>" + _WORD_OR_NUM + r")(?: trận)?,? "
    r"(?:và )?thua (?P<l>" + _WORD_OR_NUM + r")(?: trận)?\b")
#: "bốn chiến thắng qua 14 trận"
_WINS_OF_RE = re.compile(
    r"(?i)\b(?P<w>" + _WORD_OR_NUM + r") (?:chiến thắng|trận thắng) (?:qua|sau|trong) (?P<n>[0-9]{1,4}) trận\b")
_RECORD_CUE_RE = re.compile(r"(?i)tỷ lệ (?P<k>thắng|thua|hòa|hoà)\b[^0-9%.;]{0,70}$")


def _num_or_word(s: str) -> int:
    return int(s) if s.isdigit() else (1 if s.lower() == "một" else _COUNT_WORDS[s.lower()])


def record_claims(ctx: ParagraphContext, claims: list) -> None:
    """A team's record and its win (loss, draw) rate: ``thắng 97, hòa 28 và thua 16 trận. Tỷ lệ
    thắng … đạt 69%`` (the whole is the sum of the three), ``bốn chiến thắng qua 14 trận, … tỷ lệ
    thắng … (28,57%)`` (rule ``record-share``): the rate names what it counts, the record is in
    the same or the previous sentence."""
    text = ctx.text
    if "tỷ lệ" not in text.lower() or "thắng" not in text:
        return
    for t in ctx.pcts:
        if t.used or t.role != "pct":
            continue
        cue = _RECORD_CUE_RE.search(text, max(0, t.s - 90), t.s)
        if cue is None:
            continue
        s_prev = ctx.sentence_span(max(0, ctx.sentence_span(cue.start())[0] - 2))[0]
        k = cue.group("k").lower().replace("hoà", "hòa")
        got = None
        for m in _RECORD_RE.finditer(text, s_prev, cue.start()):
            w, d, lo = (_num_or_word(m.group(g)) for g in ("w", "d", "l"))
            got = (m, {"thắng": w, "hòa": d, "thua": lo}[k], w + d + lo,
                   f"the record '{m.group(0)}' ({w} + {d} + {lo} = {w + d + lo})")
        if got is None and k == "thắng":
            for m in _WINS_OF_RE.finditer(text, s_prev, t.s):
                got = (m, _num_or_word(m.group("w")), int(m.group("n")), f"'{m.group(0)}'")
        if got is None:
            continue
        m, x, y, how = got
        if not 0 <= x <= y or y == 0:
            continue
        t.used = True
        claims.append(provisional_claim(
            ctx, "ratio", m.start(), t.e, numerator=x, denominator=y, reported=f"{t.text}%",
            source=how, detail={"unit": "trận", "rule": "record-share"},
            quote_start=ctx.clause_start(t.s, 60), line_pos=t.s))


# ---------------------------------------------------------------------------- worked formulas
#: "(63 lao động : 208 lao động) x 100 = 30,28%"
_FORMULA_RE = re.compile(
    r"\(? ?(?P<x>" + _NUMBER + r")(?: (?P<xu>[^\W\d_]+(?: [^\W\d_]+)?))? ?[:/÷] ?(?P<y>" + _NUMBER
    + r")(?: (?P<yu>[^\W\d_]+(?: [^\W\d_]+)?))? ?\)? ?[x×*] ?100 ?%? ?= ?$")


def formula_claims(ctx: ParagraphContext, claims: list) -> None:
    """``(63 lao động : 208 lao động) x 100 = 30,28%``: a share worked out in the text, its
    count and whole written in the formula (rule ``formula-share``)."""
    text = ctx.text
    if "100" not in text or "=" not in text:
        return
    for t in ctx.pcts:
        if t.used or t.s < 8 or "=" not in text[max(0, t.s - 3):t.s]:
            continue
        m = _FORMULA_RE.search(text, max(0, t.s - 90), t.s)
        if m is None:
            continue
        xu, yu = m.group("xu"), m.group("yu")
        if xu and yu and xu.split()[0] != yu.split()[0]:
            continue
        x, y = _value(m.group("x")), _value(m.group("y"))
        if x.value <= 0 or y.value <= 0:
            continue
        nx, ny = _scaled(x, y)
        t.used = True
        claims.append(provisional_claim(
            ctx, "ratio", m.start(), t.e, numerator=nx, denominator=ny, reported=f"{t.text}%",
            source=f"the formula '{m.group(0).strip()} {t.text}%'",
            detail={"unit": yu or xu, "rule": "formula-share"},
            quote_start=ctx.clause_start(m.start(), 60), line_pos=t.s))


# --------------------------------------------------------------------------- whole stated first
_COUNT_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                "mười": 10}
#: "Trong 42 ngoại binh, có tám cầu thủ từng khoác áo ĐTQG, chiếm 19%"
_WHOLE_FIRST_RE = re.compile(
    r"(?i)\btrong (?:số |tổng số )?(?P<y>[0-9]{1,3}(?:\.[0-9]{3})*) (?P<yu>[^\W\d_]+(?: [^\W\d_]+)?), "
    r"(?:[^\W\d_]+ ){0,3}(?P<x>[0-9]{1,3}(?:\.[0-9]{3})*|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười) "
    r"(?P<xu>[^\W\d_]+(?: [^\W\d_]+)?)(?P<gap>[^.;:()0-9%]{0,70}?)"
    r"(?:, |\()(?P<cue>chiếm(?: tỷ lệ| tỉ lệ)?|tỷ lệ|tỉ lệ|đạt|tương đương|bằng)?(?: là)? ?$")


def whole_first_claims(ctx: ParagraphContext, claims: list) -> None:
    """``Trong 42 ngoại binh, có tám cầu thủ từng khoác áo ĐTQG, chiếm 19%``: the whole stated
    first with ``trong``, then a count and its share in the same sentence (rule
    ``whole-first``). Weak unless the count and the whole count one noun and only a cue stands
    between the count and its share."""
    text = ctx.text
    for t in ctx.pcts:
        if t.used or t.role != "pct":
            continue
        s0 = ctx.sentence_span(t.s)[0]
        m = _WHOLE_FIRST_RE.search(text, max(s0, t.s - 160), t.s)
        if m is None or _approx_before(text, m.start("x")):
            continue
        xs = m.group("x").lower()
        x = _COUNT_WORDS.get(xs) or int(xs.replace(GROUP_SYMBOL, "")) if not xs.isalpha() else _COUNT_WORDS[xs]
        y = int(m.group("y").replace(GROUP_SYMBOL, ""))
        if not 0 < x <= y:
            continue
        same = m.group("xu").split()[0].lower() == m.group("yu").split()[0].lower()
        strong = same and not m.group("gap").strip() and m.group("cue") is not None
        weak = None if strong else (WEAK_TWO_NOUNS if not same else WEAK_OF_WHOLE)
        t.used = True
        detail = {"unit": m.group("yu"), "rule": "whole-first"}
        if weak:
            detail["weak"] = weak
        claims.append(provisional_claim(
            ctx, "ratio", m.start(), t.e, numerator=x, denominator=y, reported=f"{t.text}%",
            source=f"'trong {m.group('y')} {m.group('yu')}' before the count {m.group('x')}",
            detail=detail, quote_start=ctx.clause_start(m.start(), 60), line_pos=m.start("x")))


# ------------------------------------------------------------------------------------ votes
_MEMBERS_RE = re.compile(
    r"(?i)\btổng số (?:[^\W\d_]+ ){0,2}?(?P<noun>đại biểu|thành viên|ủy viên|uỷ viên|đảng viên|hội viên|cổ đông)"
    r"(?: [^\W\d_]+){0,3}(?: là| có)?:? (?P<n>" + _NUMBER + r")(?! ?%)"
    r"|\btrên tổng số (?P<n2>" + _NUMBER + r") (?P<noun2>đại biểu|thành viên|ủy viên|uỷ viên|đảng viên|hội viên)")


def vote_members(ctx: ParagraphContext, claims: list) -> None:
    """The number of all members stated in the paragraph of a vote ("tổng số đại biểu Quốc hội
    là 496"), kept on its vote shares (``detail["members"]``): a share that does not fit those
    present or voting is checked against all members (issue 16, item 5)."""
    if "tổng số" not in ctx.text.lower():
        return
    votes = [c for c in claims if c["kind"] == "ratio" and c["detail"].get("vote")]
    if not votes:
        return
    found = [(m.start(), int(_value(m.group("n") or m.group("n2")).value)) for m in _MEMBERS_RE.finditer(ctx.text)
             if DECIMAL_SYMBOL not in (m.group("n") or m.group("n2"))]
    if len({n for _, n in found}) != 1:
        return  # none, or several numbers of members: no tie beyond doubt
    for c in votes:
        c["detail"]["members"] = found[0][1]


def paragraph_ties(ctx: ParagraphContext, claims: list) -> None:
    """Every rule of this module on one paragraph (after the count-share ties)."""
    if not ctx.toks:
        return
    change_claims(ctx, claims)
    amount_percent_claims(ctx, claims)
    list_claims(ctx, claims)
    # the rules below each need a word that most paragraphs lack: tested once here
    text = ctx.text
    if ctx.pcts:
        amount_share_claims(ctx, claims)
        if "so với" in text:
            paren_base_claims(ctx, claims)
            named_base_claims(ctx, claims)
            shortfall_claims(ctx, claims)
        elif "gấp " in text:
            paren_base_claims(ctx, claims)
    elif "gấp " in text:
        paren_base_claims(ctx, claims)
    if "ổng số" in text:
        vote_members(ctx, claims)
