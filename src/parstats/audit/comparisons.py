"""Comparisons with values stated apart: claims that a change or a difference fits two values the
text states apart from it (earlier in the paragraph, in parentheses, after their periods), each by
a named rule (run by :func:`parstats.audit.ties.paragraph_ties`).

``change-named-base``
    ``thu … năm 2013 ước đạt 752.370 tỷ đồng`` … ``dự toán thu … là 782.700 tỷ đồng, tăng 7,9% so
    với ước thực hiện năm 2013``: a base named after ``so với`` and stated earlier.
``change-paren-base``, ``change-amount-paren-base``, ``change-times``
    ``đạt 12,5 tỷ USD, tăng 8,7% so với cùng kỳ năm trước (11,5 tỷ USD)``, ``tăng 150 em so với năm
    học trước (2.350 em), tương ứng tăng 6,4%``, ``350 tỷ đồng, gấp 2,5 lần năm ngoái (140 tỷ
    đồng)``: the base in parentheses after ``so với …`` (or after ``là``: weak).
``change-periods``
    ``Năm 2022 doanh thu đạt 1.200 tỷ đồng, năm 2023 đạt 1.500 tỷ đồng, tăng 25%``: two amounts,
    each after its period, then the change (weak).
``price-gap``, ``amount-difference``
    ``giá bán ra là 37,27 triệu đồng/lượng, giá mua vào là 37,21 triệu đồng/lượng. Khoảng chênh
    giá bán - mua là 60.000 đồng/lượng``; a difference after ``chênh lệch``, ``cao hơn`` … and two
    amounts of its unit before it (weak).

A weak claim (``detail["weak"]``: why) is reported ``consistent`` when it fits and
``unverifiable`` when it does not, as in :mod:`parstats.audit.changes`, whose
:func:`~parstats.audit.changes.add_change_claim` and :func:`~parstats.audit.changes.add_times_claim`
append the changes.
"""
from __future__ import annotations

import re

from parstats.audit.amounts import (NAMED_REACH, NUMBER, Amount, amount_of, amount_re, amount_value, approx_before,
                                    parse_value, same_amount_unit)
from parstats.audit.changes import add_change_claim, add_times_claim
from parstats.audit.tokens import ParagraphContext, provisional_claim
from parstats.numbers import format_number


# ------------------------------------------------------------------- a change against a named value
#: "… là 782.700 tỷ đồng, tăng 7,9%" before the percentage, "so với ước thực hiện năm 2013" after it
_NAMED_CHANGE_HEAD_RE = re.compile(
    amount_re("a") + r"(?: [^\W\d_]+){0,4},? \(?(?P<dir>tăng|giảm)(?: thêm)? (?:khoảng |gần |hơn )?$")
_NAMED_CHANGE_TAIL_RE = re.compile(r" ?%?\)? so với (?P<w>[^\W\d_][^,.;:()!?\n]{2,70})")
_PERIOD_RE = re.compile(r"(?i)\b(?:năm|tháng|quý|kỳ|niên vụ|vụ)\s+[0-9IVX]+(?:/[0-9]{2,4})?|\b(?:19|20)[0-9]{2}\b")
_VALUE_BEFORE_RE = re.compile(r"(?:(?:ước )?(?:đạt|là|ở mức|có|lên tới|khoảng) |: ?)" + amount_re("y"))
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
        if head is None or approx_before(text, head.start("a")) or "khoảng" in head.group(0) \
                or "gần" in head.group(0) or "hơn" in head.group(0):
            continue
        a = amount_of(head, "a")
        w = tail.group("w")
        period = _PERIOD_RE.search(w)
        if a is None or period is None:
            continue
        s0 = ctx.sentence_span(head.start())[0]
        named = {x for x in re.findall(r"[^\W\d_]+", w[:period.start()].lower()) if x not in _BASE_STOP}
        strong_ones, fits_any = [], None
        for m in _VALUE_BEFORE_RE.finditer(text, max(0, s0 - NAMED_REACH), head.start()):
            b = amount_of(m, "y")
            if b is None or not same_amount_unit(a, b) or (m.group("ys") or "") != (head.group("as") or "") \
                    or approx_before(text, m.start("y")):
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
        add_change_claim(ctx, claims, "change-named-base", head.start(), tail.end(),
                         parse_value(m.group("y"), b.unit), parse_value(head.group("a"), a.unit),
                         t, evidence, weak, head.start("a"))


# ------------------------------------------------------------ a change with its base in parentheses
#: "đạt 12,5 tỷ USD, tăng 8,7% so với cùng kỳ năm trước (11,5 tỷ USD)"
_PAREN_BASE_TAIL_RE = re.compile(
    r" ?%?,? so với (?P<w>[^\W\d_][^,.;:()0-9]{0,50}?(?: [0-9]{1,2}(?:/[0-9]{4})?| [0-9]{4})?) ?\( ?(?:mức |đạt |là |với )?"
    + amount_re("b") + r"[^()]{0,12}\)")
#: "tăng 25% so với cùng kỳ năm ngoái là 1.000 tỷ đồng": the base after "là"/"đạt" (no parentheses:
#: weak, "là 1.200 tỷ" may also be the value after the change)
_LA_BASE_TAIL_RE = re.compile(
    r" ?%?,? so với (?P<w>[^\W\d_][^,.;:()0-9]{0,50}?(?: [0-9]{1,2}(?:/[0-9]{4})?| [0-9]{4})?) (?:là|đạt|ở mức|với mức) "
    + amount_re("b"))
WEAK_LA_BASE = "the amount after 'so với … là' may be the value after the change, not its base"
#: "tăng 150 em so với năm học trước (2.350 em), tương ứng tăng 6,4%": the change as an amount,
#: its base in parentheses, then its percentage
_AMOUNT_PAREN_BASE_RE = re.compile(
    r"(?P<dir>tăng|giảm)(?: thêm)? " + amount_re("x") + r",? so với (?P<w>[^\W\d_][^,.;:()0-9]{0,50}?(?: [0-9]{4})?)"
    r" ?\( ?(?:mức |đạt |là |với )?" + amount_re("b") + r"[^()]{0,12}\),? (?:tương ứng|tương đương|hay|bằng|tức là)"
    r"(?: với)?(?: mức)?(?: (?P<dir2>tăng|giảm))?(?: là)? $")


def _amount_paren_base(ctx: ParagraphContext, claims: list) -> None:
    """``tăng 150 em so với năm học trước (2.350 em), tương ứng tăng 6,4%`` (rule
    ``change-amount-paren-base``): the change as an amount, its base in parentheses after ``so
    với``, then its percentage: the percentage is the amount over the base."""
    text = ctx.text
    for t in ctx.pcts:
        if t.used or t.role not in ("pct", "pct-change", "pct-ref"):
            continue
        m = _AMOUNT_PAREN_BASE_RE.search(text, max(0, t.s - 160), t.s)
        if m is None or (m.group("dir2") and m.group("dir2") != m.group("dir")):
            continue
        x, b = amount_of(m, "x"), amount_of(m, "b")
        if x is None or b is None or not same_amount_unit(x, b) or x.scale != b.scale:
            continue
        if approx_before(text, m.start("x")) or approx_before(text, m.start("b")):
            continue
        old = parse_value(m.group("b"), b.unit)
        amount = parse_value(m.group("x"), x.unit)
        sign = 1 if m.group("dir") == "tăng" else -1
        new = parse_value(format_number(old.value + sign * amount.value, max(old.decimals, amount.decimals)), b.unit)
        if new.value <= 0:
            continue
        add_change_claim(ctx, claims, "change-amount-paren-base", m.start(), t.e, old, new, t,
                         f"'{m.group(0).strip()}': the change and its base in parentheses", None, m.start("x"))


WEAK_TIMES = "'tăng N lần' may mean N times as much or N times more"
#: "350 tỷ đồng, gấp 2,5 lần năm ngoái (140 tỷ đồng)"
_TIMES_PAREN_RE = re.compile(
    amount_re("a") + r"(?: [^\W\d_]+)?,? (?:(?:tăng |cao |lớn |nhiều )?gấp|(?P<up>tăng)) (?P<n>" + NUMBER + r") lần "
    r"(?:so với )?(?P<w>[^\W\d_][^,.;:()0-9]{0,50}?(?: [0-9]{4})?) ?\( ?(?:mức |đạt |là )?" + amount_re("b") + r"[^()]{0,12}\)")


def paren_base_claims(ctx: ParagraphContext, claims: list) -> None:
    """A change whose base follows ``so với …`` in parentheses: ``đạt 12,5 tỷ USD, tăng 8,7% so
    với cùng kỳ năm trước (11,5 tỷ USD)`` (rule ``change-paren-base``) and ``350 tỷ đồng, gấp
    2,5 lần năm ngoái (140 tỷ đồng)`` (``change-times``): both values stated, of one unit and
    scale word, in one clause."""
    text = ctx.text
    if ctx.pcts and "ớ" in text and "so với" in text:
        for t in ctx.pcts:
            if t.used or t.role not in ("pct", "pct-change", "pct-ref"):
                continue
            tail = _PAREN_BASE_TAIL_RE.match(text, t.e)
            weak = None
            if tail is None:
                tail = _LA_BASE_TAIL_RE.match(text, t.e)
                weak = WEAK_LA_BASE
            if tail is None:
                continue
            head = _NAMED_CHANGE_HEAD_RE.search(text, max(0, t.s - 60), t.s)
            if head is None or approx_before(text, head.start("a")) or approx_before(text, tail.start("b")):
                continue
            if any(w in head.group(0) for w in ("khoảng", "gần", "hơn")):
                continue
            a, b = amount_of(head, "a"), amount_of(tail, "b")
            if a is None or b is None or not same_amount_unit(a, b) or a.scale != b.scale:
                continue
            if (a.value > b.value) != (head.group("dir") == "tăng") or a.value == b.value:
                continue  # the direction: another class (change-direction)
            add_change_claim(ctx, claims, "change-paren-base", head.start(), tail.end(),
                             parse_value(tail.group("b"), b.unit), parse_value(head.group("a"), a.unit), t,
                             f"'{text[head.start():tail.end()]}': the base " + ("in parentheses" if weak is None
                                                                                 else "after 'là'"), weak,
                             head.start("a"))
    if ctx.pcts and "ớ" in text and "so với" in text:
        _amount_paren_base(ctx, claims)
    if ("ấ" in text and "gấp " in text) or ("ầ" in text and " lần " in text):
        for m in _TIMES_PAREN_RE.finditer(text):
            a, b = amount_of(m, "a"), amount_of(m, "b")
            if a is None or b is None or not same_amount_unit(a, b) or a.scale != b.scale:
                continue
            if approx_before(text, m.start("a")) or approx_before(text, m.start("b")):
                continue
            old, new = parse_value(m.group("b"), b.unit), parse_value(m.group("a"), a.unit)
            if new.value <= old.value:
                continue
            times = re.match(r"(?P<n>.+)", m.group("n"))
            before = len(claims)
            add_times_claim(ctx, claims, m, old, new, times, start=m.start(), end=m.end())
            if m.group("up") and len(claims) > before:
                # "tăng 3,4 lần": usually "to 3,4 times", at times "by": never flagged
                claims[-1]["detail"]["weak"] = WEAK_TIMES


# ------------------------------------------------------------------- the gap between two prices
#: "Chênh lệch giữa giá mua và bán … là 60.000 đồng/lượng", "Khoảng chênh giá bán - mua là 60.000 đồng"
_GAP_RE = re.compile(r"[Cc](?<!\w[Cc])(?i:hênh(?: lệch)?(?P<w>[^0-9.;!?]{0,80}?) " + amount_re("z") + ")")
_BUY_WORDS, _SELL_WORDS = r"(?:giá )?mua(?: vào)?", r"(?:giá )?bán(?: ra)?"
#: "37,36 - 37,42 triệu đồng/lượng (mua vào – bán ra)", "37,36 triệu đồng/lượng và 37,42 triệu
#: đồng/lượng, tương ứng giá mua và giá bán": a buying and a selling price said together
_PAIR_RE = re.compile(
    r"(?P<a>" + NUMBER + r")(?: (?P<as>nghìn|ngàn|triệu|tỷ|tỉ))?(?: [^\W\d_]+(?:/[^\W\d_]+)?)? ?(?:-|–|và) "
    + amount_re("b") + r"(?:/[^\W\d_]+)?,? (?:\((?P<o>" + _BUY_WORDS + r" ?[-–/] ?" + _SELL_WORDS + "|"
    + _SELL_WORDS + r" ?[-–/] ?" + _BUY_WORDS + r")\)|(?i:tương ứng)(?: với| là)? (?P<r>" + _BUY_WORDS
    + r" và " + _SELL_WORDS + "|" + _SELL_WORDS + r" và " + _BUY_WORDS + r"))")
_BUY_RE = re.compile(r"(?i)\b(?:giá )?mua(?: vào)?(?: là| ở mức| ở| đạt)?:? " + amount_re("a"))
_SELL_RE = re.compile(r"(?i)\b(?:giá )?bán(?: ra)?(?: là| ở mức| ở| đạt)?:? " + amount_re("b"))
WEAK_GAP = "the buying and selling prices read may be another quote than the one the gap is of"


def price_gap_claims(ctx: ParagraphContext, claims: list) -> None:
    """``giá bán ra là 37,27 triệu đồng/lượng, giá mua vào là 37,21 triệu đồng/lượng. Khoảng chênh
    giá bán - mua là 60.000 đồng/lượng`` (rule ``price-gap``): a gap between the buying and the
    selling price, stated after both (in the same or the sentence before): the gap is their
    difference, scale words applied (``triệu``). Weak: reported ``consistent`` when it fits,
    else ``unverifiable`` (a text may quote several prices)."""
    text = ctx.text
    for m in _GAP_RE.finditer(text):
        w = m.group("w").lower()
        if "mua" not in w and "bán" not in w and "giá" not in w:
            continue
        lo = max(0, ctx.sentence_span(max(0, ctx.sentence_span(m.start())[0] - 2))[0])
        buys = [b for b in _BUY_RE.finditer(text, lo, m.start())]
        sells = [b for b in _SELL_RE.finditer(text, lo, m.start())]
        # prices said together, in the three sentences before the gap
        pair = _last_pair(text, max(0, ctx.sentence_span(max(0, lo - 2))[0]), m.start())
        if pair is not None and (not buys or not sells or pair[2] > max(buys[-1].start(), sells[-1].start())):
            a, b, first = pair
        elif buys and sells:
            a, b, first = amount_of(buys[-1], "a"), amount_of(sells[-1], "b"), min(buys[-1].start(), sells[-1].start())
        else:
            continue
        z = amount_of(m, "z")
        if a is None or b is None or z is None or not (same_amount_unit(a, z) and same_amount_unit(b, z)):
            continue
        if approx_before(text, m.start("z")):
            continue
        gap = abs(b.value - a.value)
        e = min(-gap.normalize().as_tuple().exponent, -z.value.normalize().as_tuple().exponent, 0) * -1
        scale = 10 ** max(e, 0)
        claims.append(provisional_claim(
            ctx, "change", first, m.end(), numerator=int(gap * scale), denominator=None,
            reported=m.group("z"), source=(f"the buying price {a.text} and the selling price {b.text} "
                                           f"before '{m.group(0).strip()}'"),
            detail={"rule": "price-gap", "difference": True, "unit": z.unit, "scale": scale,
                    "decimals": len(m.group("z").partition(",")[2]),
                    "stated": int(z.value * scale), "weak": WEAK_GAP},
            quote_start=m.start(), line_pos=m.start("z")))


def _last_pair(text: str, lo: int, hi: int) -> tuple[Amount, Amount, int] | None:
    """The last buying and selling price said together in ``text[lo:hi]`` (:data:`_PAIR_RE`), as
    ``(buy, sell, start)``; the first price takes the second's scale word and unit when it has none."""
    last = None
    for last in _PAIR_RE.finditer(text, lo, hi):
        pass
    if last is None:
        return None
    b = amount_of(last, "b")
    scale = last.group("as") or last.group("bs")
    a = amount_value(last.group("a"), scale, last.group("bu"),
                     " ".join(w for w in (last.group("a"), scale, last.group("bu")) if w))
    sell_first = (last.group("o") or last.group("r")).lower().startswith(("bán", "giá bán"))
    return (b, a, last.start()) if sell_first else (a, b, last.start())


#: a difference stated as an amount: "thấp hơn giá vàng SJC bán lẻ 3,2 triệu đồng/lượng",
#: "chênh lệch giữa giá trong nước và thế giới là 3,7 triệu đồng"
_DIFF_CUE_RE = re.compile(r"[CcTtNnÍíĐđRr](?<!\w[CcTtNnÍíĐđRr])(?i:(?:(?<=[Cc])hênh lệch|(?<=[Cc])hênh|(?<=[Cc])ao hơn"
                          r"|(?<=[Tt])hấp hơn|(?<=[Nn])hiều hơn|(?<=[Íí])t hơn|(?<=[Đđ])ắt hơn|(?<=[Rr])ẻ hơn)"
                          r"(?P<w>[^0-9.;!?%]{0,60}?) " + amount_re("z") + ")")
_ANY_AMOUNT_RE = re.compile(amount_re("a"))
#: amounts before a difference among which a pair is looked for
DIFFERENCE_CANDIDATES = 5


def difference_claims(ctx: ParagraphContext, claims: list) -> None:
    """A difference stated as an amount after ``chênh lệch``, ``cao hơn``, ``thấp hơn`` … and two
    amounts of its unit stated before it (in its sentence or the one before) whose difference it
    is exactly, scale words applied (rule ``amount-difference``): the numbers corroborate the tie,
    and the claim is ``consistent``. When no pair of the last amounts fits, nothing is said (the
    difference may be against an amount the text does not give)."""
    text = ctx.text
    for m in _DIFF_CUE_RE.finditer(text):
        z = amount_of(m, "z")
        if z is None or approx_before(text, m.start("z")) or z.value <= 0:
            continue
        if any(c["detail"].get("rule") == "price-gap" and c["line"] == ctx.p.line_at(m.start("z"))
               and c["reported"] == m.group("z") for c in claims):
            continue
        lo = max(0, ctx.sentence_span(max(0, ctx.sentence_span(m.start())[0] - 2))[0])
        found = [(x, amount_of(x, "a")) for x in _ANY_AMOUNT_RE.finditer(text, lo, m.start())]
        found = [(x, a) for x, a in found if a is not None and same_amount_unit(a, z)
                 and not approx_before(text, x.start("a"))][-DIFFERENCE_CANDIDATES:]
        pair = None
        for i in range(len(found) - 1, 0, -1):
            for j in range(i - 1, -1, -1):
                if abs(found[i][1].value - found[j][1].value) == z.value:
                    pair = (found[j], found[i])
                    break
            if pair:
                break
        if pair is None:
            continue
        (xa, a), (xb, b) = pair
        dec = len(m.group("z").partition(",")[2])
        scale = 10 ** max(0, -z.value.normalize().as_tuple().exponent)
        claims.append(provisional_claim(
            ctx, "change", xa.start(), m.end(), numerator=int(abs(b.value - a.value) * scale), denominator=None,
            reported=m.group("z"), source=f"{a.text} and {b.text} before '{m.group(0).strip()}'",
            detail={"rule": "amount-difference", "difference": True, "unit": z.unit, "scale": scale,
                    "decimals": dec, "stated": int(z.value * scale),
                    "weak": "the difference may be against another amount than the two read"},
            quote_start=m.start(), line_pos=m.start("z")))


# ------------------------------------------------------------------- two periods, then the change
#: a period before an amount: "năm 2022", "quý III", "tháng 9/2023", "6 tháng đầu năm"
_PERIOD_BEFORE_RE = re.compile(r"(?i)\b(?:năm|quý|tháng|niên vụ|vụ) (?:[0-9]{1,4}|[IVX]{1,4})\b[^0-9;.!?]{0,40}$")
_DIR_BEFORE_RE = re.compile(r"(?i)(?P<dir>tăng|giảm)(?: tương ứng| khoảng)? $")
WEAK_PERIODS = "the change may be against another period than the one stated just before"


def period_change_claims(ctx: ParagraphContext, claims: list) -> None:
    """``Năm 2022 doanh thu đạt 1.200 tỷ đồng, năm 2023 đạt 1.500 tỷ đồng, tăng 25%`` (rule
    ``change-periods``): a percentage after ``tăng``/``giảm`` and, before it in its sentence, two
    amounts of one unit each after a period (``năm``, ``quý``, ``tháng`` and its number): the change
    from the first to the second. Weak: ``consistent`` when it fits, else ``unverifiable`` (the
    text may compare with another period); never when ``so với`` follows the percentage."""
    text = ctx.text
    for t in ctx.pcts:
        if t.used or t.role not in ("pct", "pct-change", "pct-ref"):
            continue
        d = _DIR_BEFORE_RE.search(text, max(0, t.s - 16), t.s)
        if d is None or text.startswith(" so với", t.e + (1 if text[t.e:t.e + 1] == "%" else 0)) \
                or "so với" in text[t.e:t.e + 12]:
            continue
        s0 = ctx.sentence_span(t.s)[0]
        found = [m for m in _ANY_AMOUNT_RE.finditer(text, s0, d.start())
                 if _PERIOD_BEFORE_RE.search(text, max(s0, m.start() - 60), m.start())]
        if len(found) < 2:
            continue
        ma, mb = found[-2], found[-1]
        a, b = amount_of(ma, "a"), amount_of(mb, "a")
        if a is None or b is None or not same_amount_unit(a, b) or a.scale != b.scale or a.value <= 0:
            continue
        if approx_before(text, ma.start("a")) or approx_before(text, mb.start("a")):
            continue
        if (b.value > a.value) != (d.group("dir").lower() == "tăng") or a.value == b.value:
            continue
        old, new = parse_value(ma.group("a"), a.unit), parse_value(mb.group("a"), b.unit)
        add_change_claim(ctx, claims, "change-periods", ma.start(), t.e, old, new, t,
                         f"'{a.text}' and '{b.text}', each after its period, before "
                         f"'{d.group(0).strip()} {t.text}%'", WEAK_PERIODS, ma.start("a"))


# ------------------------------------------------------------------- a time limit cut by a part of it
#: "tối đa là 48 ngày *(cắt giảm 12/60 ngày)": the limit after a cut of a days of the b it was
_CUT_OF_RE = re.compile(
    r"(?<![0-9.,])(?P<x>[0-9]{1,4}) (?P<u>ngày làm việc|ngày|tháng|giờ)[ *]{0,3}\((?:đã )?(?:cắt giảm|giảm|rút ngắn) "
    r"(?P<a>[0-9]{1,4})/(?P<b>[0-9]{1,4}) (?P=u)")


def cut_of_claims(ctx: ParagraphContext, claims: list) -> None:
    """``thời hạn giải quyết tối đa là 48 ngày *(cắt giảm 12/60 ngày, tương ứng 20%)`` (rule
    ``cut-of``): a limit, then in parentheses the cut as a part of the limit before it, of the same
    unit: the limit is what the cut leaves, b − a. The three numbers are stated: checked, and
    flagged when they do not fit."""
    text = ctx.text
    for m in _CUT_OF_RE.finditer(text):
        x, a, b = int(m.group("x")), int(m.group("a")), int(m.group("b"))
        if not 0 < a < b:
            continue
        calc = f"{m.group('b')} − {m.group('a')}"
        claims.append(provisional_claim(
            ctx, "sum", m.start(), m.end(), denominator=x, parts=(b, -a), reported=m.group("x"),
            source=f"the limit of {m.group('b')} {m.group('u')} cut by {m.group('a')}",
            detail={"unit": m.group("u"), "rule": "cut-of", "calculation": calc, "derived_parts": True, "scale": 1},
            quote_start=m.start(), line_pos=m.start()))

