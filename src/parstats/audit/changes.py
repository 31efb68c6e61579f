"""Changes by evidence: claims that a change from one value to another has the stated percentage,
amount, points or multiple, each by a named rule (run by :func:`parstats.audit.ties.paragraph_ties`).

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
    ``giảm 4 kg (từ 72 kg xuống 68 kg)``, ``từ 120 lên 150 người, tăng 30 người``, ``tăng 200.000
    đồng/lượng …, từ 37,3 triệu lên 37,5 triệu``: a difference, checked as a sum (A = B + N).
``change-times``, ``change-direction``
    ``từ A lên B, gấp N lần`` with both values; a direction word or sign against the two values.

A change is **strong** when the words name its two values; a **weak** one (``detail["weak"]``: why)
is checked, but reported ``consistent`` only when it fits and ``unverifiable`` when it does not:
a change between two percentages may be in percentage points, a change ``so với`` something else
has another base, a number of the change may be approximate.

The changes and differences against values stated apart (a base after ``so với``, periods, price
gaps) are in :mod:`parstats.audit.comparisons`, which adds them with :func:`add_change_claim`.
"""
from __future__ import annotations

import bisect
import re
from decimal import Decimal

from parstats.audit.amounts import (LETTER, NUMBER, ROUNDED_UNITS, UNIT, Value, amount_of,
                                    amount_re, approx_before, clause_end, has_any, parse_value, pct_at,
                                    pct_windows, same_amount_unit, scaled)
from parstats.audit.tokens import NumberToken, ParagraphContext, provisional_claim
from parstats.numbers import DECIMAL_SYMBOL, format_number

#: why a weak change that does not fit is not flagged (the reader's words are in phrasebook.py)
WEAK_OTHER_BASE = "the change is stated against another base ('so với …')"
WEAK_POINTS = "a change between two percentages may be meant in percentage points"
WEAK_APPROX = "a number of the change is approximate"

_SO_VOI_RE = re.compile(r"(?i)\bso với\b")
#: words without which a rule cannot match in a stretch of text
_CHANGE_WORDS = re.compile(r"tăng|giảm|thêm|tiến|mất|lùi|tụt|hạ|nhích")
_FROM_WORDS = re.compile(r"[Tt]ừ ")
_TO_WORDS = re.compile(r" lên | xuống | còn ")


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


# ------------------------------------------------------------------------------------ changes
_FROM_TO_RE = re.compile(
    r"[Tt]ừ (?<!\w[Tt]ừ )(?:mức |con số )?(?P<a>" + NUMBER + r")(?P<ap> ?%)?(?: (?P<au>" + UNIT + r")(?:/" + LETTER + r"+)?)?"
    r"(?: \((?:năm )?(?:19|20)[0-9]{2}\)| (?:năm|vào năm) (?:19|20)[0-9]{2})? "
    r"(?:(?:tăng|giảm|tụt|vọt) )?(?P<dir>lên|xuống)(?: còn| mức| thành)? "
    r"(?P<b>" + NUMBER + r")(?P<bp> ?%)?(?: (?P<bu>" + LETTER + r"+)(?:/" + LETTER + r"+)?)?")
#: between the new value and its percentage: a cue, nothing else
_AFTER_CUE_RE = re.compile(
    r"(?i)(?: [^\W\d_]+)?(?: (?:năm|vào năm) (?:19|20)[0-9]{2})?[ ,]*\(? ?(?:(?:tương ứng|tương đương|tức là|tức|hay|hoặc)(?: với)? )?"
    r"(?:(?:mức|tỷ lệ|tỉ lệ|tốc độ) )?(?:(?:tăng|giảm)(?: thêm| được| tương ứng)? )?(?:là |khoảng )?[-+−]? ?$")
#: between a change's percentage and "từ A lên B" that follows it
_BEFORE_FROM_RE = re.compile(r" ?,? ?\(? ?$")
_CHANGE_WORD_RE = re.compile(r"(?i)(?:tăng|giảm|tụt|vọt)(?: thêm| được| mạnh| nhẹ)? (?:khoảng |gần |hơn )?$")

_PCT_AMOUNT_TO_RE = re.compile(
    r"(?P<dir>[TtGg](?:(?<=[Tt])ăng|(?<=[Gg])iảm))(?<!\w[Tt]ăng)(?<!\w[Gg]iảm)(?: thêm)? (?P<z>" + NUMBER + r") ?%,? ?(?:\(|hay|tương đương|tương ứng|tức|,)"
    r"(?: với)? ?(?P<n>" + NUMBER + r")(?: (?P<nu>" + LETTER + r"+))?\)?,? (?:lên|xuống|còn)(?: mức)? "
    r"(?P<b>" + NUMBER + r")(?: (?P<bu>" + LETTER + r"+))?")

_AMOUNT_FROM_TO_RE = re.compile(
    r"(?P<dir>[TtGg](?<!\w[TtGg])(?i:(?<=[Tt])ăng|(?<=[Gg])iảm))(?i:(?: thêm)? (?:(?P<what>(?:[^\W\d_]+ ){1,8}))?(?P<n>"
    + NUMBER + r")(?: (?P<nu>" + UNIT + r")(?:/" + LETTER + r"+)?)? ?(?P<open>[(,])? ?"
    r"từ (?P<a>" + NUMBER + r")(?: (?P<au>" + UNIT + r")(?:/" + LETTER + r"+)?)? (?:lên|xuống)(?: còn)? "
    r"(?P<b>" + NUMBER + r"))")
_FROM_TO_AMOUNT_RE = re.compile(
    r"(?i)(?: " + LETTER + r"+)?(?: \((?:năm )?(?:19|20)[0-9]{2}\))?,? ?\(?(?P<dir>tăng|giảm)(?: thêm)? (?P<n>" + NUMBER
    + r")(?!\s?%|[0-9])")


_UP_VERBS = ("tăng", "ghi thêm", "tiến", "thêm", "nhích", "lên", "có thêm")
PLAIN_VERB = (r"(?P<verb>[Tt]ăng|[Gg]iảm|[Gg]hi thêm|[Tt]iến|[Mm]ất|[Ll]ùi|[Tt]ụt|[Hh]ạ|[Nn]hích|[Đđ]ể mất)"
               r"(?: thêm| tiếp| nhẹ| mạnh)?")
#: the same, its first letter a character class before the alternatives (a pattern that starts
#: with alternatives is tried at every position; one that starts with a class is looked for)
_VERB = (r"(?P<verb>[TtGgMmLlHhNnĐđ](?:(?<=[Tt])ăng|(?<=[Gg])iảm|(?<=[Gg])hi thêm|(?<=[Tt])iến|(?<=[Mm])ất"
         r"|(?<=[Ll])ùi|(?<=[Tt])ụt|(?<=[Hh])ạ|(?<=[Nn])hích|(?<=[Đđ])ể mất))(?: thêm| tiếp| nhẹ| mạnh)?")
_PCT_PART = (r"(?: ?\( ?(?:(?:tương đương|tương ứng|hay|tức|tức là|bằng)(?: mức)?(?: tăng| giảm)? |(?:tăng|giảm) )?"
             r"[-+−]?(?P<z>" + NUMBER + r") ?%\)"
             r"|,? (?:tương đương|tương ứng|hay|tức|tức là)(?: mức)?(?: tăng| giảm)? [-+−]?(?P<z2>" + NUMBER + r") ?%)")
_AMOUNT_PCT_TO_RE = re.compile(
    _VERB + r"(?<!\w[Tt]ăng)(?<!\w[Gg]iảm) (?P<n>" + NUMBER + r") (?P<nu>" + LETTER + r"+)" + _PCT_PART
    + r",?(?: " + LETTER + r"+){0,4},? (?:lên|xuống|còn|về|ở|đóng cửa ở|dừng ở|chốt ở|đạt)(?: mức| lại)? "
    r"(?P<b>" + NUMBER + r") (?P<bu>" + LETTER + r"+)")
#: "giảm 410 đồng xuống 21.480 đồng/lít, tương ứng giảm 1,9%": the percentage after the new value
_AMOUNT_TO_PCT_RE = re.compile(
    _VERB + r"(?<!\w[Tt]ăng)(?<!\w[Gg]iảm) (?P<n>" + NUMBER + r") (?P<nu>" + LETTER + r"+)(?: " + LETTER + r"+)? "
    r"(?:lên|xuống|còn|về)(?: còn| mức)? (?P<b>" + NUMBER + r") (?P<bu>" + LETTER + r"+)(?:/" + LETTER + r"+)?"
    r"(?:,? \(? ?(?:tương ứng|tương đương|tức là|tức|hay)(?: với)?(?: mức)?(?: tăng| giảm)? | ?\( ?)[-+−]?(?P<z>" + NUMBER
    + r") ?%(?P<z2>(?!))?")
#: "…, giảm 0,48 điểm (-0,77%)" after the value it led to ("61,46 điểm", :data:`_AT_HEAD_RE`)
_AT_TAIL_RE = re.compile(
    r", " + _VERB + r" (?P<n>" + NUMBER + r") (?P<nu>" + LETTER + r"+)(?: " + LETTER + r"+)?" + _PCT_PART)
_AT_HEAD_RE = re.compile(r"(?i)(?P<b>" + NUMBER + r") (?P<bu>" + LETTER + r"+)(?: " + LETTER + r"+)?$")
_AT_CUE_RE = re.compile(r"(?i)(?:mức|đạt|còn|lên|xuống|là|ở|tại|giá|đứng|chốt|đóng cửa)(?: giá)? $")
#: "75,46 điểm có thêm, tương đương 0,49%, lên 15.467,66 điểm": the amount before its verb
_GAINED_PCT_TO_RE = re.compile(
    r"(?P<n>" + NUMBER + r") (?P<nu>" + LETTER + r"+) (?P<verb>có thêm|mất đi|bị mất)" + _PCT_PART
    + r",?(?: " + LETTER + r"+){0,4},? (?:lên|xuống|còn|về|ở|đạt)(?: mức)? (?P<b>" + NUMBER + r") (?P<bu>"
    + LETTER + r"+)")
#: "lên mức 1.754,67 điểm sau khi có thêm 10,01 điểm, tương đương 0,57%": the value it led to first
_AFTER_GAIN_RE = re.compile(
    r"(?P<b>" + NUMBER + r") (?P<bu>" + LETTER + r"+) sau khi (?P<verb>tăng|giảm|có thêm|mất|mất đi)(?: thêm)? (?P<n>"
    + NUMBER + r") (?P<nu>" + LETTER + r"+)" + _PCT_PART)


def amount_percent_claims(ctx: ParagraphContext, claims: list) -> None:
    """``tăng 71,16 điểm (0,48%), lên 14.784,41 điểm``, ``ở mức 61,46 điểm, giảm 0,48 điểm
    (-0,77%)``: a change by an amount, its percentage and the value after it (rule
    ``change-amount-percent``); the value before is the one after minus (plus) the amount.
    """
    text = ctx.text
    gains = "có thêm" in text or "mất" in text or "sau khi" in text  # asked once: linear in the paragraph
    for a, b in pct_windows(ctx, 150, 80):  # "tăng N điểm (Z%), lên B", "B, giảm N điểm (Z%)"
        if not has_any(text, a, b, _CHANGE_WORDS):
            continue
        for m in _AMOUNT_PCT_TO_RE.finditer(text, a, b):
            _amount_percent(ctx, claims, m, m.group("b"), m.group("bu"), m.start("b"), m.start(), m.end())
        for m in _AMOUNT_TO_PCT_RE.finditer(text, a, b):  # "giảm 410 đồng xuống 21.480 đồng/lít, tương ứng giảm 1,9%"
            _amount_percent(ctx, claims, m, m.group("b"), m.group("bu"), m.start("b"), m.start(), m.end())
        if gains:
            for m in _GAINED_PCT_TO_RE.finditer(text, a, b):  # "75,46 điểm có thêm, tương đương 0,49%, lên B"
                _amount_percent(ctx, claims, m, m.group("b"), m.group("bu"), m.start("b"), m.start(), m.end())
            for m in _AFTER_GAIN_RE.finditer(text, a, b):  # "B điểm sau khi có thêm 10,01 điểm, tương đương 0,57%"
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
    n, b = parse_value(m.group("n"), nu), parse_value(bs, bu)
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
    sn, sb = scaled(n, b)
    d = max(n.decimals, b.decimals)
    ov = sb - sn if up else sb + sn
    if ov <= 0 or sn <= 0:
        return
    old = parse_value(format_number(Decimal(ov).scaleb(-d), d), bu)
    weak = WEAK_APPROX if approx_before(text, m.start("n")) or approx_before(text, b_pos) else None
    evidence = (f"'{text[start:end]}': the value before is {old.text} = {b.text} "
                f"{'-' if up else '+'} {n.text}")
    add_change_claim(ctx, claims, "change-amount-percent", start, end, old, b, pct, evidence, weak,
                     m.start("n"))


#: "từ " and a digit, in any case, as a whole word (as ``(?i)\btừ [0-9]``, written to start with a
#: class of its first letter: the engine looks for it instead of trying every position)
_FROM_RE = re.compile(r"[Tt](?<!\w[Tt])(?i:ừ) [0-9]")
#: the same with a lower-case "ừ", found from it (a literal: the engine looks for it with a plain
#: loop, where it tries the class "[Tt]" at every "t" of the text)
_FROM_LOWER_RE = re.compile(r"ừ [0-9](?<=[Tt]ừ [0-9])(?<!\w[Tt]ừ [0-9])")


def has_from(text: str) -> bool:
    """``_FROM_RE.search(text) is not None``: "từ" and a number, from the lower-case "ừ" first."""
    return _FROM_LOWER_RE.search(text) is not None or ("Ừ" in text and _FROM_RE.search(text) is not None)


def _same_unit(u: str | None, v: str | None) -> bool:
    return u is None or v is None or u.split()[0] == v.split()[0]


def add_change_claim(ctx: ParagraphContext, claims: list, rule: str, start: int, end: int,
                     old: Value, new: Value, pct: NumberToken, evidence: str, weak: str | None,
                     line_pos: int) -> None:
    """Append to ``claims`` the change from ``old`` to ``new`` with its percentage ``pct`` (which
    it marks used), under ``rule`` with its ``evidence`` (and ``weak``: why, or None), quoted
    from ``start`` to ``end``; nothing when the old value is not above zero or equals the new."""
    a, b = scaled(old, new)
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
    seen_from: set[int] = set()
    for a, b in pct_windows(ctx, 150, 80):  # "từ A lên B (Z%)", "tăng Z% từ A lên B"
        if has_any(text, a, b, _FROM_WORDS):
            for m in _FROM_TO_RE.finditer(text, a, b):
                seen_from.add(m.start())
                _from_to(ctx, claims, m)
    for a, b in pct_windows(ctx, 150, 80):  # "tăng Z%, hay N điểm, lên B"
        if has_any(text, a, b, _TO_WORDS):
            for m in _PCT_AMOUNT_TO_RE.finditer(text, a, b):
                _pct_amount_to(ctx, claims, m)
    # "từ A lên B, gấp N lần": asked only where "gấp"/"bằng … lần" is said
    # (each word looked for after one of its letters that is rare in Vietnamese text: a search for
    # one character is much quicker than one for a word, and most paragraphs lack the letter)
    if "ấ" in text and "gấp " in text:
        for t in _TIMES_RE.finditer(text):
            for m in _FROM_TO_RE.finditer(text, max(0, t.start() - 120), t.start() + 2):
                times = _TIMES_AFTER_RE.match(text, m.end())
                if times is not None and times.end() == t.end():
                    _times_from_to(ctx, claims, m, times)
    # a change amount between two values needs no percentage: asked only where one is said
    if "ừ" in text and ("từ " in text or "Từ " in text) and has_from(text):
        # "giảm từ 1.250 hộ (năm 2020) xuống còn 850 hộ (năm 2023), giảm 400 hộ": the amount after
        for m in _FROM_TO_RE.finditer(text):
            if m.start() in seen_from or m.group("ap") or m.group("bp"):
                continue
            amount = _FROM_TO_AMOUNT_RE.match(text, m.end())
            if amount is not None and _same_unit(m.group("au"), m.group("bu")):
                _amount(ctx, claims, m, amount.group("n"), None, m.group("a"), m.group("b"),
                        amount.group("dir"), m.group("au"), end=amount.end())
        for m in _AMOUNT_FROM_TO_RE.finditer(text):
            if m.group("what") and m.group("open") != "(":
                continue  # "giảm mức trích Quỹ 100 đồng/lít (từ 300 … xuống còn 200 …)": what changes is
                # named between the verb and the amount only when the two values follow in parentheses
            _amount(ctx, claims, m, m.group("n"), m.group("nu"), m.group("a"), m.group("b"),
                    m.group("dir"), m.group("au"))


def _from_to(ctx: ParagraphContext, claims: list, m: re.Match) -> None:
    text = ctx.text
    au, bu = m.group("au"), m.group("bu")
    if not _same_unit(au, bu):
        return
    old = parse_value(m.group("a"), au or bu, bool(m.group("ap")) or bool(m.group("bp")))
    new = parse_value(m.group("b"), bu or au, old.percent)
    if (m.group("dir").lower() == "lên") != (new.value > old.value):
        # "từ 5 lên 3": not a change this rule reads, unless the words leave no other reading
        _direction_contradiction(ctx, claims, m, old, new)
        return
    weak = WEAK_POINTS if old.percent else None
    if approx_before(text, m.start("a")) or approx_before(text, m.start("b")):
        weak = WEAK_APPROX
    if old.percent and weak is not WEAK_APPROX:
        pts = _POINTS_AFTER_RE.match(text, m.end())
        if pts is None:
            pts = _POINTS_BEFORE_RE.search(text, max(0, m.start() - 50), m.start())
        if pts is not None:
            _points_claim(ctx, claims, m, old, new, pts)
            return
    # the percentage after the new value ...
    stop = clause_end(ctx, m.end(), 80)
    pct = pct_at(ctx, m.end(), stop)
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
                        amount.group("dir"), au, end=amount.end())
            return
        where = "before"
        if approx_before(text, pct.s):
            weak = WEAK_APPROX
    if _SO_VOI_RE.search(text, m.start(), min(len(text), max(pct.e, m.end()) + 25)):
        weak = weak or WEAK_OTHER_BASE
    evidence = (f"'{m.group(0)}' with the change {pct.text}% "
                f"{'after it' if where == 'after' else 'before it'}")
    add_change_claim(ctx, claims, "change-from-to", min(m.start(), pct.s), max(m.end(), pct.e),
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
    if approx_before(text, m.start("a")) or approx_before(text, m.start("b")):
        return
    said = verb.group("v").lower()
    a, b = scaled(old, new)
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
    r"(?P<n>" + NUMBER + r") lần(?! so)")


_TIMES_RE = re.compile(r"[Gg](?<!\w[Gg])(?i:ấp " + NUMBER + r" lần)")


def _times_from_to(ctx: ParagraphContext, claims: list, m: re.Match, times: re.Match) -> None:
    text = ctx.text
    au, bu = m.group("au"), m.group("bu")
    if not _same_unit(au, bu) or m.group("ap") or m.group("bp") or m.group("dir").lower() != "lên":
        return
    if approx_before(text, m.start("a")) or approx_before(text, m.start("b")):
        return
    old = parse_value(m.group("a"), au or bu)
    new = parse_value(m.group("b"), bu or au)
    add_times_claim(ctx, claims, m, old, new, times)


def add_times_claim(ctx: ParagraphContext, claims: list, m: re.Match, old: Value, new: Value,
                    times: re.Match, start: int | None = None, end: int | None = None) -> None:
    """``tăng từ 120 tỷ đồng lên 348 tỷ đồng, gấp 2,9 lần``: the new value over the old one,
    at the precision of the stated multiple (rule ``change-times``)."""
    if old.percent or old.value <= 0 or new.value <= old.value:
        return
    n = parse_value(times.group("n"))
    a, b = scaled(old, new)
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


_POINTS = r"(?P<n>" + NUMBER + r") điểm(?: phần trăm| %)?(?![\w%])"
_POINTS_AFTER_RE = re.compile(
    r"(?i),? ?\(?(?:(?:tương ứng|tương đương|tức là|tức|hay)(?: với)? )?(?:(?:tăng|giảm)(?: thêm)? )?" + _POINTS)
_POINTS_BEFORE_RE = re.compile(r"(?i)\b(?:tăng|giảm)(?: thêm)? " + _POINTS + r",? ?\(?$")


def _points_claim(ctx: ParagraphContext, claims: list, m: re.Match, old: Value, new: Value,
                  pts: re.Match) -> None:
    """``từ 20,5% lên 22,6%, tăng 2,1 điểm phần trăm``: a change in percentage points is the
    difference of the two percentages (rule ``change-points``), kept apart from a change in
    percent; checked as the sum A + N = B on one integer scale."""
    n = parse_value(pts.group("n"))
    so, sn, sd = scaled(old, new, n)
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
    n, b = parse_value(m.group("n"), nu), parse_value(m.group("b"), bu)
    sn, sb = scaled(n, b)
    up = m.group("dir").lower() == "tăng"
    d = max(n.decimals, b.decimals)
    old_v = Value(Decimal(sb - sn if up else sb + sn).scaleb(-d), "", bu or nu, False)
    old = parse_value(format_number(old_v.value, d), bu or nu) if old_v.value > 0 else None
    if old is None:
        return
    weak = WEAK_APPROX if approx_before(ctx.text, m.start("n")) or approx_before(ctx.text, m.start("b")) else None
    evidence = f"'{m.group(0)}': the value before is {old.text} = {b.text} {'-' if up else '+'} {n.text}"
    add_change_claim(ctx, claims, "change-percent-amount", m.start(), m.end(), old, b, pct, evidence,
                     weak, m.start())


def _amount(ctx: ParagraphContext, claims: list, m: re.Match, ns: str, nu: str | None, as_: str,
            bs: str, direction: str, au: str | None, end: int | None = None) -> None:
    """``giảm N (từ A xuống B)``: A − B = N, as the sum B + N = A (``A + N = B`` for a rise)."""
    if any(DECIMAL_SYMBOL in s for s in (ns, as_, bs)) or not _same_unit(nu, au):
        return
    n, a, b = (parse_value(s) for s in (ns, as_, bs))
    up = direction.lower() == "tăng"
    if (b.value > a.value) != up or n.value <= 0:
        return
    if approx_before(ctx.text, m.start()) or re.search(r"[0-9] ?%", ctx.text[m.start():end or m.end()]):
        return
    lo, hi = (a, b) if up else (b, a)
    claims.append(provisional_claim(
        ctx, "sum", m.start(), end or m.end(), denominator=int(hi.value), parts=(int(lo.value), int(n.value)),
        reported=n.text,  # the change stated: checked as the sum lo + N = hi
        source=f"the change {'+' if up else '-'}{n.text} between {a.text} and {b.text}",
        detail={"unit": nu or au, "rule": "change-amount", "amount_change": True, "old_text": a.text,
                "new_text": b.text, "amount_text": n.text},
        quote_start=ctx.clause_start(m.start(), 60), line_pos=m.start()))


# ------------------------------------------------------------------- a change amount with scale words
_SCALED_FROM_TO_RE = re.compile(
    r"(?P<dir>[TtGg](?<!\w[TtGg])(?i:(?<=[Tt])ăng|(?<=[Gg])iảm))(?i:(?: thêm)? " + amount_re("n")
    + r"(?:/[^\W\d_]+)?(?P<mid>[^0-9;.!?]{0,40}?),? "
    r"từ (?:mức )?" + amount_re("a") + r"(?:/[^\W\d_]+)? (?:lên|xuống)(?: còn| mức)? " + amount_re("b") + ")")


def scaled_amount_claims(ctx: ParagraphContext, claims: list) -> None:
    """``tăng 200.000 đồng/lượng so với hôm qua, từ 37,3 triệu đồng/lượng lên 37,5 triệu
    đồng/lượng`` (rule ``change-amount``): a change by an amount and the two values it is between,
    written with scale words or decimals (``triệu``, ``37,3``): the amount is their difference,
    scale words applied. ``consistent`` when it is; otherwise ``unverifiable`` (rounded amounts)."""
    text = ctx.text
    if not has_from(text):
        return  # no "từ" before a number
    for m in _SCALED_FROM_TO_RE.finditer(text):
        n, a, b = amount_of(m, "n"), amount_of(m, "a"), amount_of(m, "b")
        if n is None or a is None or b is None or not (same_amount_unit(n, a) and same_amount_unit(a, b)):
            continue
        if not (n.scale or a.scale or b.scale or DECIMAL_SYMBOL in m.group("n") + m.group("a") + m.group("b")):
            continue  # plain whole numbers: read by change_claims
        if (b.value > a.value) != (m.group("dir").lower() == "tăng") or a.value == b.value:
            continue
        lo, hi = min(a.value, b.value), max(a.value, b.value)
        e = max(0, *(-v.normalize().as_tuple().exponent for v in (lo, hi, n.value)))
        sc = 10 ** e
        detail = {"unit": n.unit, "rule": "change-amount", "scale": sc}
        if hi - lo != n.value:
            detail["weak"] = "the amounts are rounded: their difference is the change only nearly"
        claims.append(provisional_claim(
            ctx, "sum", m.start(), m.end(), denominator=int(hi * sc), parts=(int(lo * sc), int(n.value * sc)),
            reported=m.group("b") if b.value == hi else m.group("a"),
            source=f"the change {'+' if m.group('dir').lower() == 'tăng' else '-'}{n.text} between {a.text} and {b.text}",
            detail=detail, quote_start=ctx.clause_start(m.start(), 60), line_pos=m.start()))
