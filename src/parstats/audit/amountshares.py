"""Shares of amounts and of wholes stated apart: claims whose share ties an amount (money, volumes,
areas …) to a whole of the same unit stated elsewhere in the paragraph, each by a named rule (run
by :func:`parstats.audit.ties.paragraph_ties`; :func:`named_whole` by the count-share ties of
:mod:`parstats.audit.extraction`).

``named-whole``
    ``1.377.200 đơn vị (chiếm 46,7% tổng khối lượng giao dịch). … tổng khối lượng giao dịch đạt
    2.951.250 đơn vị``: the share names its whole, stated elsewhere with an amount of the same
    unit (weak: the name may be stated for several amounts).
``named-whole-stated``, ``same-clause-total``
    the whole named and given right after the share (``bằng 92,1% dự toán (695,1 tỷ đồng)``), or
    after the part (``tương ứng 1.700 tỷ đồng trên tổng số 2.000 tỷ đồng``).
``paren-whole``, ``amount-trong-do``
    the whole right before the parenthesis that holds the part and its share (``vốn điều lệ 600
    tỷ đồng (Vinamilk góp 570 tỷ đồng, chiếm 95%)``), or before ``trong đó`` earlier in the
    sentence.
``amount-total``
    ``Tổng vốn 306,3 tỷ USD … Hàn Quốc 54,5 tỷ USD (chiếm 17,7%)``: a total stated earlier by its
    cue word (weak unless two other shares of the paragraph fit the same total).
``named-amounts``
    ``Lót tay … chiếm tới 25% tiền lương``: the sentence's subject and the whole named after the
    share, each stated with an amount of one unit elsewhere in the paragraph (weak).
``share-shortfall``
    ``chỉ đạt 92,2% so với dự toán (hụt thu 63.630 tỷ đồng)`` after ``ước đạt 752.370 tỷ đồng,
    giảm 63.630 tỷ đồng … so với dự toán``: the whole is the value reached plus the shortfall.

Amounts are rounded at their last digit: a share that fits within that rounding
(:func:`share_fits`) is consistent. A weak tie (``detail["weak"]``: why) is reported
``consistent`` when it fits and ``unverifiable`` when it does not, as in
:mod:`parstats.audit.ties`.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from parstats.audit.amounts import (TRONG_DO_WHOLE_RE, NAMED_REACH, NUMBER, Amount, amount_of, amount_re,
                                    approx_before, same_amount_unit)
from parstats.audit.tokens import NumberToken, ParagraphContext, provisional_claim
from parstats.numbers import DECIMAL_SYMBOL, GROUP_SYMBOL, format_number


#: "54,5 tỷ USD (chiếm 17,7%", "1.377.200 đơn vị, chiếm": an amount, then a share cue, at the share
_AMOUNT_SHARE_RE = re.compile(
    amount_re("x") + r"(?: [^\W\d_]+){0,2} ?(?:\(|,|-) ?(?:chiếm|tương đương|tương ứng|bằng)(?: tới| đến)? $")
#: what the text before a share ends with when :data:`_AMOUNT_SHARE_RE` matches it there
_AMOUNT_SHARE_ENDS = ("chiếm ", "tương đương ", "tương ứng ", "bằng ", "tới ", "đến ")


def amount_before_share(text: str, s: int) -> re.Match | None:
    """``_AMOUNT_SHARE_RE.search(text, max(0, s - 70), s)``: an amount and a share cue right before
    the share at ``s``, searched only where the words before it end as the pattern needs (its cue,
    perhaps "tới"/"đến", a space): a search tries every start of the window."""
    before = text[max(0, s - 12):s]
    if before.endswith(_AMOUNT_SHARE_ENDS) or "\n" in before:
        return _AMOUNT_SHARE_RE.search(text, max(0, s - 70), s)
    return None
#: the words after the share that name its whole: "chiếm 46,7% tổng khối lượng giao dịch"
_WHOLE_NAME_RE = re.compile(r" (?:của |so với |trong )?(?P<w>(?:tổng )?[^\W\d_]+(?: [^\W\d_]+){0,3})")
#: a whole stated by a cue word, "Tổng vốn đầu tư đạt 412,6 tỷ USD"
_CUE_WHOLE_RE = re.compile(
    r"(?i)\b(?:tổng|tổng số|tổng cộng|toàn bộ|cả nước)(?: [^\W\d_]+){0,8},? (?:(?:ước )?(?:đạt|là|lên tới|lên đến|có)(?: mức)? |: ?)?"
    + amount_re("y"))
_STOP_NAME = frozenset("của so với và là đạt trong khi các những này đó, cho từ".split())
WEAK_NAMED_WHOLE = "the whole is an amount named elsewhere in the paragraph: it may be another one"
WEAK_CUE_WHOLE = ("the whole is a total stated earlier in the paragraph, and no other share of the "
                  "list fits it")


def _lower(ctx: ParagraphContext) -> str:
    """The paragraph in lower case, made once per paragraph (kept on the context)."""
    got = ctx.__dict__.get("lower_text")
    if got is None:
        got = ctx.__dict__["lower_text"] = ctx.text.lower()
    return got


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
        m = amount_before_share(text, t.s)
        if m is None:
            # "… chiếm 60%, tương đương 300.000 tỷ đồng": the part's amount right after its share
            m = _AMOUNT_AFTER_SHARE_RE.match(text, t.e) or _PLAN_PART_AFTER_RE.match(text, t.e)
        if m is None:
            if t.role == "pct":
                _subject_share(ctx, claims, t)
            continue
        if approx_before(text, m.start()):
            continue
        x = amount_of(m, "x")
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
        on = _ON_TOTAL_AMOUNT_RE.match(text, max(m.end(), t.e))
        if on is not None and not approx_before(text, on.start("y")):
            # "đạt 85%, tương ứng 1.700 tỷ đồng trên tổng số 2.000 tỷ đồng": the whole after the part
            z = amount_of(on, "y")
            if z is not None and same_amount_unit(x, z) and z.value > x.value:
                y, how, rule = z, f"'{on.group(0).strip(' ,')}' after the part", "same-clause-total"
        stated = _NAMED_PAREN_RE.match(text, t.e) if y is None else None
        if stated is not None:  # "bằng 92,1% dự toán (695,1 tỷ đồng)": the whole named and given
            z = amount_of(stated, "y")
            if z is not None and same_amount_unit(x, z) and z.scale == x.scale and \
                    not approx_before(text, stated.start("y")):
                y, how, rule = z, f"'{stated.group(0).strip(' %')}' after the share", "named-whole-stated"
        if y is None and name is not None:
            words = [w for w in name.group("w").split() if w.lower() not in _STOP_NAME][:3]
            if len(words) >= 2 or (words and words[0].lower() not in ("tổng",)):
                y, how = _named_amount(ctx, " ".join(words), x, m.start(), t.text)
                rule = "named-whole"
        if y is None and name is not None and _PLAN_NAME_RE.match(name.group("w")):
            # "đạt 68% kế hoạch năm với 12.663 tỷ đồng" … "dự kiến doanh thu … đạt 18.500 tỷ đồng"
            y, how = _plan_amount(ctx, x, m.start(), t.text)
            rule = "named-whole"
        if y is None and "chiếm" in m.group(0):
            y, how = _paren_whole(ctx, x, m.start())
            rule = "paren-whole"
        if y is None and t.role == "pct":
            y, how = _trong_do_whole(ctx, x, min(m.start(), t.s))
            rule = "amount-trong-do"
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
            start, end = min(m.start(), t.s), max(t.e, m.end())  # the part may follow its share
            claims.append(provisional_claim(
                ctx, "ratio", start, end, numerator=nx, denominator=ny, reported=f"{t.text}%",
                source=how, detail=detail, quote_start=ctx.clause_start(start, 60),
                line_pos=m.start()))


#: "Lót tay trong trường hợp này vẫn chiếm tới 25% tiền lương": a sentence whose subject (its
#: first words) takes a share of a named whole, with no amount between them
_SUBJECT_SHARE_RE = re.compile(r"(?i)(?:chiếm|tương đương|tương ứng|bằng)(?: tới| đến| khoảng)? $")
_SUBJECT_RE = re.compile(r"(?P<s>[^\W\d_]+(?: [^\W\d_]+)?)")
_SUBJECT_STOP = frozenset("trong của là thì đã sẽ vẫn chỉ cũng được có này đó các những".split())
_NAME_AMOUNT_RE = re.compile(r"(?:[^\W\d_]+ ){0,2}(?:(?:đạt|là|ở mức|có)(?: mức)? |: ?)?" + amount_re("y"))


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
            if m is not None and not approx_before(text, m.start("y")):
                x = amount_of(m, "y")
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


_AMOUNT_BEFORE_RE = re.compile(amount_re("y") + r" $")


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
    pat = re.compile(r"(?:[^\W\d_]+ ){0,3}(?:(?:ước )?(?:đạt|là|ở mức|lên|còn|có)(?: mức)? |: ?)" + amount_re("y"))
    n = 0

    def consider(m, at: int, words: str) -> None:
        """Keep the amount of ``m`` when it can be the whole: fitting first, then nearest."""
        nonlocal best
        if approx_before(text, m.start("y")):
            return
        y = amount_of(m, "y")
        if y is not None and same_amount_unit(x, y) and y.value > x.value:
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


_COUNT_AMOUNT_RE = re.compile(amount_re("x"))


def named_whole(ctx: ParagraphContext, t: NumberToken, pct: NumberToken, claim: dict) -> bool:
    """A count with its share and no total ("1.377.200 đơn vị (chiếm 46,7% tổng khối lượng giao
    dịch)") whose share names its whole, stated elsewhere in the paragraph with an amount of
    the same unit: that amount is the whole (rule ``named-whole``, weak). Whether one was found."""
    text = ctx.text
    m = _COUNT_AMOUNT_RE.match(text, t.s)
    if m is None:
        return False
    x = amount_of(m, "x")
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
    r" ?%? (?:của |so với )?(?:[^\W\d_]+ ){1,4}\( ?(?:là |đạt |bằng )?" + amount_re("y") + r" ?\)")
_PAREN_WHOLE_RE = re.compile(amount_re("y") + r" ?\( ?(?:[^\W\d_]+ ){0,4}$")


def _paren_whole(ctx: ParagraphContext, x: Amount, pos: int) -> tuple[Amount | None, str | None]:
    """The amount right before the parenthesis that holds a part and its share: ``vốn điều lệ
    600 tỷ đồng (Vinamilk góp 570 tỷ đồng, chiếm 95%)`` (rule ``paren-whole``): of the same unit
    and scale word, larger than the part."""
    text = ctx.text
    m = _PAREN_WHOLE_RE.search(text, max(0, pos - 70), pos)
    if m is None or approx_before(text, m.start("y")):
        return None, None
    y = amount_of(m, "y")
    if y is None or not same_amount_unit(x, y) or y.scale != x.scale or y.value <= x.value:
        return None, None
    return y, f"'{text[m.start():m.end('yu')]}' before the parenthesis"


#: the whole right after a part: " trên tổng số 2.000 tỷ đồng"
_ON_TOTAL_AMOUNT_RE = re.compile(r",? (?:trên|trong) (?:tổng số |tổng |số )?" + amount_re("y"))
#: the part's amount after its share: ", tương đương 300.000 tỷ đồng"
_AMOUNT_AFTER_SHARE_RE = re.compile(r" ?%?,? (?:tương đương|tương ứng|với) (?:mức |khoảng )?" + amount_re("x"))
#: a plan, a target or an estimate as the whole a share is of: "68% kế hoạch năm"
_PLAN_NAME_RE = re.compile(r"(?i)(?:kế hoạch|KH|chỉ tiêu|mục tiêu|dự toán)\b")
#: the part after the whole it is a share of: "đạt 68% kế hoạch năm với 12.663 tỷ đồng"
_PLAN_PART_AFTER_RE = re.compile(r" ?%?(?: so với)? (?:kế hoạch|chỉ tiêu|mục tiêu|dự toán)(?: [^\W\d_]+){0,3},? với "
                                 + amount_re("x"))
#: a plan stated with its amount: "kế hoạch năm là 18.500 tỷ đồng", "dự kiến doanh thu toàn tập
#: đoàn đạt 18.500 tỷ đồng", "mục tiêu cả năm tiêu thụ được 39 triệu tấn"
_PLAN_AMOUNT_RE = re.compile(
    r"(?i)\b(?:kế hoạch|dự kiến|mục tiêu|chỉ tiêu|dự toán)(?: [^\W\d_]+){0,6},? (?:(?:ước )?(?:đạt|là|ở mức|được)(?: mức)? |: ?)?"
    + amount_re("y"))


def _plan_amount(ctx: ParagraphContext, x: Amount, pos: int, reported: str) -> tuple[Amount | None, str | None]:
    """The amount of a plan (``kế hoạch``, ``dự kiến``, ``mục tiêu`` …) stated elsewhere in the
    paragraph, of the same unit and scale word as the part ``x`` and larger than it: the one the
    share fits, else none. Weak (``named-whole``): a paragraph may state several plans."""
    text = ctx.text
    for m in _PLAN_AMOUNT_RE.finditer(text, max(0, pos - NAMED_REACH), min(len(text), pos + NAMED_REACH)):
        if m.start() <= pos < m.end() or approx_before(text, m.start("y")):
            continue
        y = amount_of(m, "y")
        if y is not None and same_amount_unit(x, y) and y.scale == x.scale and y.value > 0 \
                and share_fits(x.value, y.value, x.half, y.half, reported)[1]:
            return y, f"the plan '{m.group(0).strip()}' elsewhere in the paragraph"
    return None, None


def _trong_do_whole(ctx: ParagraphContext, x: Amount, pos: int) -> tuple[Amount | None, str | None]:
    """The amount right before "trong đó" earlier in the share's sentence, of the same unit (any
    scale word: "2,5 triệu lượt" and "500.000 lượt") and larger than the part (rule
    ``amount-trong-do``)."""
    text = ctx.text
    s0 = ctx.sentence_span(pos)[0]
    best = None
    for m in TRONG_DO_WHOLE_RE.finditer(text, max(s0, pos - 300), pos):
        best = m
    if best is None or approx_before(text, best.start("y")):
        return None, None
    y = amount_of(best, "y")
    if y is None or not same_amount_unit(x, y) or y.value <= x.value:
        return None, None
    return y, f"'{text[best.start():best.end()]}' earlier in the sentence"


def _cue_total(ctx: ParagraphContext, x: Amount, pos: int) -> tuple[Amount | None, str | None]:
    """The nearest total stated by a cue word before ``pos`` in the paragraph, of the same unit
    and larger than ``x`` ("Tổng vốn đầu tư đạt 412,6 tỷ USD")."""
    text = ctx.text
    best = None
    for m in _CUE_WHOLE_RE.finditer(text, max(0, pos - 600), pos):
        y = amount_of(m, "y")
        if y is not None and same_amount_unit(x, y) and y.value > x.value \
                and not approx_before(text, m.start("y")):
            best = (y, f"'{m.group(0)}' earlier in the paragraph")
    return best if best else (None, None)


# ------------------------------------------------------------------- a share with its shortfall
#: "chỉ đạt 92,2% so với dự toán (hụt thu 63.630 tỷ đồng)"
_SHORTFALL_RE = re.compile(
    r" ?%? (?:so với |của )?(?P<w>[^\W\d_]+(?: [^\W\d_]+){0,3}) ?\(? ?(?P<k>hụt thu|hụt|thiếu|giảm|vượt thu|vượt|tăng) "
    + amount_re("n") + r"\)?")
_SHORTFALL_CUE_RE = re.compile(r"(?i)\b(?:đạt|bằng|được)(?: được)? $")
_CHANGE_OF_RE = re.compile(
    amount_re("a") + r",? (?P<k>giảm|tăng|hụt|vượt)(?: thu)? (?P<n>" + NUMBER + r") (?:(?P<ns>nghìn|ngàn|triệu|tỷ|tỉ) )?"
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
        n = amount_of(m, "n")
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
            a = amount_of(c, "a")
            if a is None or not same_amount_unit(a, n) or approx_before(text, c.start("a")):
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
