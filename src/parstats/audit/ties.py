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
``change-amount``
    ``giảm 4 kg (từ 72 kg xuống 68 kg)``, ``từ 120 lên 150 người, tăng 30 người``: a difference,
    checked as a sum (A = B + N).
``complete-breakdown``
    ``thành thị 111.300 người (13,88%) … nông thôn 690.400 người (86,12%)``: counts whose shares
    add up to 100 % are the parts of one whole, their sum (:func:`breakdown_wholes`).
``list-of-names``
    ``5 tỉnh: Bình Dương, Bình Phước, Tây Ninh, Đồng Nai và Bà Rịa - Vũng Tàu``: the count of a
    list of names.

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
from decimal import Decimal

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


#: how far before and after a percentage its rules read (characters)
WINDOW_BEFORE, WINDOW_AFTER = 160, 120


def pct_windows(ctx: ParagraphContext) -> list[tuple[int, int]]:
    """The stretches of the paragraph around its percentages (:data:`WINDOW_BEFORE` /
    :data:`WINDOW_AFTER` characters around each, merged): the rules that need a percentage read
    only these, not the whole text. Found once per paragraph (kept on the context)."""
    got = ctx.__dict__.get("pct_windows")
    if got is not None:
        return got
    before, after = WINDOW_BEFORE, WINDOW_AFTER
    out: list[tuple[int, int]] = []
    n = len(ctx.text)
    for t in ctx.toks:
        if t.kind != "pct":
            continue
        a, b = max(0, t.s - before), min(n, t.e + after)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    ctx.__dict__["pct_windows"] = out
    return out


def _approx_before(text: str, pos: int) -> bool:
    return _APPROX_RE.search(text, max(0, pos - 12), pos) is not None


# ----------------------------------------------------------------------------------- of-whole
_OF_WHOLE_RE = re.compile(
    r"(?P<x>" + _NUMBER + r")(?: (?P<xu>" + _UNIT + r"))?(?: (?P<link>trong|trên|sau|qua) |/)"
    r"(?:tổng số |tổng cộng |tổng |số )?(?P<y>" + _NUM + r")(?![\w/]|[.,][0-9]) (?P<yu>" + _W + r"+)")
#: between the whole's noun and the share: only a cue (strong) ...
_OF_WHOLE_CUE_RE = re.compile(
    r" ?(?:" + _W + r"+ ?){0,3}(?:, ?| ?\( ?| - )(?:(?:với |đạt |chiếm |bằng )?(?:tỷ lệ|tỉ lệ)"
    r"(?: [^\W\d_]+){0,2} ?:? ?|đạt |chiếm |bằng )?\(? ?$")
#: ... or a share cue after other words (weak)
_SHARE_END_RE = re.compile(r"(?:đạt|chiếm|bằng|tương ứng|tương đương|tỷ lệ|tỉ lệ)(?: là)?[ :]{0,2}\(? ?$")


def of_whole_claims(ctx: ParagraphContext, claims: list) -> None:
    """``X (noun) trong/trên (tổng số) Y noun … Z%``: the share X/Y (rule ``of-whole``).

    Runs before the count-share ties of :mod:`parstats.audit.paragraph`, so that "15 trong 24
    trận, tỷ lệ 62%" is not read as 24 with a share of 62%.
    """
    text = ctx.text
    windows = pct_windows(ctx)
    if not windows or ("trong" not in text and "trên" not in text and "/" not in text
                       and "sau" not in text and "qua" not in text):
        return
    for m in (m for a, b in windows for m in _OF_WHOLE_RE.finditer(text, a, b)):
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
    r"(?i)\btừ (?:mức |con số )?(?P<a>" + _NUMBER + r")(?P<ap> ?%)?(?: (?P<au>" + _UNIT + r"))? "
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
    r"(?i)\b(?P<dir>tăng|giảm)(?: thêm)? (?P<z>" + _NUMBER + r") ?%,? ?(?:\(|hay|tương đương|tương ứng|tức|,)"
    r"(?: với)? ?(?P<n>" + _NUMBER + r")(?: (?P<nu>" + _W + r"+))?\)?,? (?:lên|xuống|còn)(?: mức)? "
    r"(?P<b>" + _NUMBER + r")(?: (?P<bu>" + _W + r"+))?")

_AMOUNT_FROM_TO_RE = re.compile(
    r"(?i)\b(?P<dir>tăng|giảm)(?: thêm)? (?P<n>" + _NUMBER + r")(?: (?P<nu>" + _UNIT + r"))? ?[(,]? ?"
    r"từ (?P<a>" + _NUMBER + r")(?: (?P<au>" + _UNIT + r"))? (?:lên|xuống)(?: còn)? "
    r"(?P<b>" + _NUMBER + r")")
_FROM_TO_AMOUNT_RE = re.compile(
    r"(?i)^(?: " + _W + r"+)?,? ?\(?(?P<dir>tăng|giảm)(?: thêm)? (?P<n>" + _NUMBER + r")(?!\s?%|[0-9])")


_UP_VERBS = ("tăng", "ghi thêm", "tiến", "thêm", "nhích", "lên")
_VERB = r"(?P<verb>tăng|giảm|ghi thêm|tiến|mất|lùi|tụt|hạ|nhích|để mất)(?: thêm| tiếp| nhẹ| mạnh)?"
_PCT_PART = (r"(?: ?\( ?(?:(?:tương đương|tương ứng|hay|tức|tức là|bằng)(?: mức)?(?: tăng| giảm)? )?"
             r"[-+−]?(?P<z>" + _NUMBER + r") ?%\)"
             r"|,? (?:tương đương|tương ứng|hay|tức|tức là)(?: mức)?(?: tăng| giảm)? [-+−]?(?P<z2>" + _NUMBER + r") ?%)")
_AMOUNT_PCT_TO_RE = re.compile(
    r"(?i)\b" + _VERB + r" (?P<n>" + _NUMBER + r") (?P<nu>" + _W + r"+)" + _PCT_PART
    + r",?(?: " + _W + r"+){0,4},? (?:lên|xuống|còn|về|ở|đóng cửa ở|dừng ở|chốt ở|đạt)(?: mức)? "
    r"(?P<b>" + _NUMBER + r") (?P<bu>" + _W + r"+)")
_AT_AMOUNT_PCT_RE = re.compile(
    r"(?i)(?P<b>" + _NUMBER + r") (?P<bu>" + _W + r"+)(?: " + _W + r"+)?, " + _VERB
    + r" (?P<n>" + _NUMBER + r") (?P<nu>" + _W + r"+)(?: " + _W + r"+)?" + _PCT_PART)
_AT_CUE_RE = re.compile(r"(?i)(?:mức|đạt|còn|lên|xuống|là|ở|tại|giá|đứng|chốt|đóng cửa)(?: giá)? $")


def amount_percent_claims(ctx: ParagraphContext, claims: list,
                          windows: list[tuple[int, int]] | None = None) -> None:
    """``tăng 71,16 điểm (0,48%), lên 14.784,41 điểm``, ``ở mức 61,46 điểm, giảm 0,48 điểm
    (-0,77%)``: a change by an amount, its percentage and the value after it (rule
    ``change-amount-percent``); the value before is the one after minus (plus) the amount.
    """
    text = ctx.text
    if "%" not in text:
        return
    if windows is None:
        windows = pct_windows(ctx)
    if not windows:
        return
    for rx, after in ((_AMOUNT_PCT_TO_RE, True), (_AT_AMOUNT_PCT_RE, False)):
        for m in (m for a, b in windows for m in rx.finditer(text, a, b)):
            nu, bu = m.group("nu"), m.group("bu")
            if nu.lower() != bu.lower():
                continue
            if not after and not _AT_CUE_RE.search(text, max(0, m.start() - 16), m.start()):
                continue
            zs = m.group("z") or m.group("z2")
            zpos = m.start("z") if m.group("z") else m.start("z2")
            pct = next((t for t in ctx.toks[bisect.bisect_left(ctx.tok_starts, zpos):][:1]
                        if t.s == zpos and t.kind == "pct"), None)
            if pct is None or pct.used or pct.text != zs:
                continue
            n, b = _value(m.group("n"), nu), _value(m.group("b"), bu)
            up = m.group("verb").lower() in _UP_VERBS
            sn, sb = _scaled(n, b)
            d = max(n.decimals, b.decimals)
            ov = sb - sn if up else sb + sn
            if ov <= 0 or sn <= 0:
                continue
            old = _value(format_number(Decimal(ov).scaleb(-d), d), bu)
            weak = None
            if _approx_before(text, m.start("n")) or _approx_before(text, m.start("b")):
                weak = WEAK_APPROX
            evidence = (f"'{m.group(0)}': the value before is {old.text} = {b.text} "
                        f"{'-' if up else '+'} {n.text}")
            _change_claim(ctx, claims, "change-amount-percent", m.start(), m.end(), old, b, pct,
                          evidence, weak, m.start("n"))


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


def change_claims(ctx: ParagraphContext, claims: list,
                  windows: list[tuple[int, int]] | None = None) -> None:
    """Changes from one stated value to another with their percentage (rules ``change-from-to``,
    ``change-percent-amount``) and their amount (``change-amount``, a sum)."""
    text = ctx.text
    if windows is None:
        windows = pct_windows(ctx)
    if not windows and "từ " not in text:
        return
    if " lên " not in text and " xuống " not in text and " còn " not in text:
        return
    if "từ" in text or "Từ" in text:
        for a, b in windows:
            for m in _FROM_TO_RE.finditer(text, a, b):
                _from_to(ctx, claims, m)
    for a, b in windows:
        for m in _PCT_AMOUNT_TO_RE.finditer(text, a, b):
            _pct_amount_to(ctx, claims, m)
    if _FROM_RE.search(text):  # a change amount between two values needs no percentage
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
        return  # "từ 5 lên 3": not a change this rule reads
    weak = WEAK_POINTS if old.percent else None
    if _approx_before(text, m.start("a")) or _approx_before(text, m.start("b")):
        weak = WEAK_APPROX
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
    if ":" not in text and "gồm" not in text and " là " not in text and "(" not in text:
        return
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


def _noun(claim: dict) -> str | None:
    """The first word of a count's noun ("người" for "người ở")."""
    unit = claim["detail"].get("unit")
    return unit.split()[0] if unit else None


def breakdown_wholes(shares: list[dict]) -> None:
    """Counts with a share and no whole whose shares add up to 100 %: the whole is their sum.

    ``Dân số thành thị là 111.300 người (13,88%). Dân số nông thôn là 690.400 người (86,12%).``:
    the two shares make a complete breakdown, so each is a share of 111.300 + 690.400 (rule
    ``complete-breakdown``). ``shares`` are the count-share claims of one paragraph without a
    whole, in order; runs of two or more of one noun whose shares add up to 100 % within their
    rounding get the sum of their counts as whole (a two-pointer walk: linear in the claims).
    """
    n = len(shares)
    i = 0
    while i < n - 1:
        unit = _noun(shares[i])
        total, slack, j = Decimal(0), Decimal(0), i
        best = None
        while j < n and _noun(shares[j]) == unit:
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
        for c in group:
            c["denominator"] = whole
            c["denominator_source"] = (f"the counts of a breakdown whose shares add up to 100% ({how})")
            c["detail"]["rule"] = "complete-breakdown"
            if rounded:  # "51 triệu người (85%)": amounts rounded, the whole only nearly known
                c["detail"]["weak"] = WEAK_ROUNDED
        i = best + 1


def paragraph_ties(ctx: ParagraphContext, claims: list) -> None:
    """Every rule of this module on one paragraph (after the count-share ties)."""
    if not ctx.toks:
        return
    windows = pct_windows(ctx)
    change_claims(ctx, claims, windows)
    amount_percent_claims(ctx, claims, windows)
    list_claims(ctx, claims)
