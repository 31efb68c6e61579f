"""Ties by evidence: claims whose numbers the words of one sentence tie together, each by a named rule.

The older stages (:mod:`parstats.audit.paragraph`, :mod:`parstats.audit.linking`) tie a count to
its share when a cue sits right between them. The rules here read wider shapes, each with the
evidence that makes the tie, and say how strong it is:

``of-whole``
    ``thắng 15 trong 24 trận, tỷ lệ 62%``, ``318 siêu thị/1167 siêu thị, chiếm 27,2%``: a count,
    then ``trong``/``trên`` (``tổng số``) or ``/`` and its whole of the same noun, then the share;
    ``8 bàn sau 69 cú dứt điểm, tỷ lệ chuyển đổi 11,5%`` (two nouns: weak).
``list-of-names``
    ``5 tỉnh: Bình Dương, Bình Phước, Tây Ninh, Đồng Nai và Bà Rịa - Vũng Tàu``: the count of a
    list of names.
``same-sentence-noun``
    ``phiếu thu về là 465 phiếu, số phiếu đồng ý là 458 phiếu (98,49%)``: the whole of a count
    with a share is an earlier count of its noun in the sentence (:func:`sentence_whole`).
``whole-first``
    ``Trong 42 ngoại binh, có tám cầu thủ …, chiếm 19%``: the whole stated first with ``trong``.
``record-share``, ``formula-share``, ``labelled-counts``
    a win rate against a team's record (``thắng 97, hòa 28 và thua 16 trận … tỷ lệ thắng 69%``);
    a share worked out in a formula (``(63 : 208) x 100 = 30,28%``); a share with its total and
    count under labels in parentheses (``tỉ lệ tán thành là 96,76% (tổng số đại biểu: 494, tán
    thành: 478)``). The number of all members of a vote is kept on its shares
    (:func:`vote_members`).

A tie is **strong** when the words leave no other reading (the share follows its numbers with
only a cue between them); a strong tie is checked and may be
flagged. A **weak** tie (``detail["weak"]``: why) is checked too, but reported ``consistent``
only when it fits and ``unverifiable`` (with the reason) when it does not: a share after other
words may be of another whole, a list may name only some of its items.

The other tie rules, which :func:`paragraph_ties` runs in their turn, are in
:mod:`parstats.audit.amountshares` (shares of amounts and of wholes stated apart: ``amount-total``,
``named-whole``, ``share-shortfall`` …), :mod:`parstats.audit.changes` (a change from one value to
another: ``change-from-to``, ``change-amount`` …) and :mod:`parstats.audit.comparisons` (changes
and differences against values stated apart: ``change-named-base``, ``price-gap`` …);
``complete-breakdown`` is :func:`parstats.audit.breakdowns.breakdown_wholes`. The numbers and
amounts all these read are in :mod:`parstats.audit.amounts`.

Each claim names its rule (``detail["rule"]``) and its evidence (``denominator_source``), which
:func:`parstats.audit.checks.basis` writes as ``rule=<name>; evidence=<words>``.
"""
from __future__ import annotations

import bisect
import re

from parstats.audit.amounts import (LETTER, NUMBER, UNIT, approx_before, clause_end, has_any, parse_value, pct_at,
                                    pct_windows, scaled)
from parstats.audit.amountshares import amount_share_claims, shortfall_claims
from parstats.audit.changes import amount_percent_claims, change_claims, scaled_amount_claims
from parstats.audit.comparisons import (cut_of_claims, difference_claims, named_base_claims, paren_base_claims,
                                        period_change_claims, price_gap_claims)
from parstats.audit.expressions import calculation_claims
from parstats.audit.rankchanges import rank_change_claims, rank_gap_claims
from parstats.audit.records import paragraph_records, record_counts
from parstats.audit.tablecells import cell_number, ratio_fits
from parstats.audit.tokens import NumberToken, ParagraphContext, provisional_claim
from parstats.audit.wholeparts import total_then_parts_claims
from parstats.audit.words import COUNT_WORDS, count_value
from parstats.numbers import DECIMAL_SYMBOL, GROUP_SYMBOL, NUMBER_PATTERN
from parstats.ratios import percent_units

#: why a weak tie that does not fit is not flagged (the reader's words are in phrasebook.py)
WEAK_OF_WHOLE = "the share stands after other words: it may be of another whole"
WEAK_LIST = "the list may name only some of the items, or one name may stand for several"
WEAK_TWO_NOUNS = "the count and the whole count different things (a rate, not a share?)"
WEAK_SAME_NOUN = "the whole is only a larger count of the same noun earlier in the sentence"

_NUM = NUMBER_PATTERN
_IDENTIFIER_BEFORE_RE = re.compile(r"(?i)\b(?:thứ|hạng|số|top|vị trí|phút|lần thứ|vòng|bảng|điểm) $")


#: words without which a rule cannot match in a stretch of text (tested before its pattern,
#: which the regular-expression engine would try at every position of the stretch)
_OF_WHOLE_WORDS = re.compile(r"trong |trên |sau |qua |/")


# ----------------------------------------------------------------------------------- of-whole
_OF_WHOLE_RE = re.compile(
    r"(?P<x>" + NUMBER + r")(?: (?P<xu>" + UNIT + r"))?(?P<xgap>(?: " + LETTER + r"+){1,5},?)?(?: (?P<link>trong|trên|sau|qua) |/)"
    r"(?:tổng số |tổng cộng |tổng |số )?(?P<y>" + _NUM + r")(?![\w/]|[.,][0-9])(?: (?P<yu>" + LETTER + r"+)|(?=, ))")
_OF_WHOLE_LINK_RE = re.compile(r"(?:trong|trên|sau|qua) (?:tổng số |tổng cộng |tổng |số )?[0-9]|/[0-9]")
#: between the whole's noun and the share: only a cue (strong) ...
_OF_WHOLE_CUE_RE = re.compile(
    r" ?(?:" + LETTER + r"+(?: " + LETTER + r"+){0,5})?(?:, ?| ?\( ?| - )(?:(?:với |đạt |chiếm |bằng )?(?:tỷ lệ|tỉ lệ)"
    r"(?: [^\W\d_]+){0,2} ?:? ?|đạt |chiếm |bằng |tức là |tức )?\(? ?$")
#: ... or a share cue after other words (weak)
_SHARE_END_RE = re.compile(r"(?:đạt|chiếm|bằng|tương ứng|tương đương|tỷ lệ|tỉ lệ|tức)(?: là)?[ :]{0,2}\(? ?$")


_TRONG_NUMBER_RE = re.compile(r"[Tt]rong (?:số |tổng số )?[0-9]")


#: verbs of a result before bare numbers "X trong Y" ("thắng 20 trong 26"): the count of a record
_RESULT_VERBS = frozenset("thắng thua hòa hoà ghi đỗ đậu trúng giành đạt qua".split())
_PREV_LOWER_RE = re.compile(r"(\w+) $")


def _prev_lower(text: str, s: int) -> str:
    m = _PREV_LOWER_RE.search(text, max(0, s - 16), s)
    return m.group(1).lower() if m else ""


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
        if "ắ" in text and "thắng" in text:
            record_claims(ctx, claims)
    windows = pct_windows(ctx, 140, 0)
    if not windows:
        return
    seen: set[int] = set()
    found = []
    for a, b in windows:
        if not has_any(text, a, b, _OF_WHOLE_WORDS):
            continue
        # the pattern is tried only around a link word followed by a number ("trong 24")
        for lm in _OF_WHOLE_LINK_RE.finditer(text, a, b):
            # the match around this link word (an earlier one may start in the same window)
            m = next((x for x in _OF_WHOLE_RE.finditer(text, max(a, lm.start() - 90), min(b, lm.end() + 48))
                      if x.start() < lm.start() < x.end()), None)
            if m is not None and m.start() not in seen:
                seen.add(m.start())
                found.append(m)
    for m in found:
        xs, ys = m.group("x"), m.group("y")
        if DECIMAL_SYMBOL in xs or DECIMAL_SYMBOL in ys:
            continue
        x, y = parse_value(xs), parse_value(ys)
        xu, yu = m.group("xu"), m.group("yu")
        if yu is None and (xu is not None or _prev_lower(text, m.start()) not in _RESULT_VERBS):
            continue  # "thắng 20 trong 26, đạt 77%": bare numbers only after a result verb
        other_noun = xu is not None and xu.split()[0] != yu
        if other_noun and m.group("link") not in ("sau", "qua") and "tổng số" not in m.group(0):
            continue  # "6 thí sinh … trên 30 nước": another kind of thing (a stated "tổng số": weak)
        if m.group("xgap") and (xu is None or "tổng số" not in m.group(0)):
            continue  # "X người kê khai lần đầu, trên tổng số Y người": only the same noun of a stated total
        if m.group("link") in ("sau", "qua") and xu is None:
            continue  # "sau 69 …" alone is a time or an order, not a whole
        if not 0 < x.value <= y.value or approx_before(text, m.start()):
            continue
        ordinal = False
        if _IDENTIFIER_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
            if text[max(0, m.start() - 4):m.start()] != "thứ " or m.group("link") != "trong":
                continue  # "xếp thứ 7 trên 30 nước": a rank, not a count
            ordinal = True  # "cầu thủ Brazil thứ 28 trong 47 ngoại binh, tương đương 59,6%": the 28th of 47
        stop = clause_end(ctx, m.end(), 80)
        pct = pct_at(ctx, m.end(), stop)
        if pct is None or pct.role != "pct":
            continue
        gap = text[m.end():pct.s]
        if re.search(r"[0-9]", gap):
            continue
        strong = _OF_WHOLE_CUE_RE.fullmatch(gap) is not None
        if not strong and _SHARE_END_RE.search(gap) is None:
            continue
        if ordinal and percent_units(int(x.value), int(y.value), len(pct.text.partition(",")[2])) \
                != int(pct.text.replace(".", "").replace(",", "")):
            continue  # an ordinal is a count only when its share says so
        pct.used = True
        detail = {"unit": yu, "rule": "of-whole"}
        if other_noun:  # "8 bàn sau 69 cú dứt điểm, tỷ lệ chuyển đổi 11,5%": a rate of two nouns
            detail["weak"] = WEAK_TWO_NOUNS
        elif not strong or ordinal:
            detail["weak"] = WEAK_OF_WHOLE
        claims.append(provisional_claim(
            ctx, "ratio", m.start(), pct.e, numerator=int(x.value), denominator=int(y.value),
            reported=f"{pct.text}%", source=f"'{m.group(0)}' before the share", detail=detail,
            quote_start=ctx.clause_start(m.start(), 60), line_pos=m.start()))


# ------------------------------------------------------------------------------- lists of names
_NAME = r"[^\W\d_][^,;:.()\n0-9]{0,40}?"
_LIST_RE = re.compile(
    r"(?<![\w.,/])(?P<n>[0-9]{1,2}) (?P<u>" + UNIT + r") ?(?:\(|:|gồm có|gồm:?|bao gồm:?|là:?) ?"
    r"(?P<items>(?:" + _NAME + r"(?:, | và |; ))+" + _NAME + r")(?P<end>[.;)]|$)")
#: what follows the count of a list: its noun (one or two words), then ":", "(", "gồm" or "là"
_LIST_HEAD_RE = re.compile(r" " + UNIT + r" ?(?:\(|:|gồm|bao gồm|là)")
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
    siblings: list[tuple[int, re.Match | None]] = []
    for j in range(t.idx - 1, max(-1, t.idx - 12), -1):
        u = toks[j]
        if u.s < s0:
            return None
        if u.role != "count" or u.approx or not same_noun(u, t):
            continue
        if u.a <= t.a and not siblings:
            return None
        after = text[u.e + len(u.unit2 or "") + 1:u.e + len(u.unit2 or "") + 12]
        if _SHARE_AFTER_RE.match(after) or text.startswith(" (", u.e) and "%)" in text[u.e:u.e + 12]:
            # "300 người (60%), 200 người (40%)", "16 (47,06%) Bí thư": a part with its own share
            siblings.append((u.a, _SIBLING_SHARE_RE.match(text, u.e + len(u.unit2 or "") + 1)))
            continue
        if u.a <= t.a:
            return None
        strong = (_WHOLE_CUE_RE.search(text, max(s0, u.s - 40), u.s) is not None
                  or re.search(r"(?i)\btrong đó\b", text[u.e:t.s]) is not None)
        if siblings and not (strong and all(m is not None and ratio_fits(
                (a, 0), (u.a, 0), cell_number(m.group(1))) for a, m in siblings)):
            return None  # past parts of a whole: only one a cue names, whose other shares fit it
        return (u.a, f"'{u.text} {u.unit2}' earlier in the sentence, of the same noun"
                + (f", whose other shares fit it too ({len(siblings)})" if siblings else ""),
                None if strong else WEAK_SAME_NOUN)
    return None


def same_noun(u: NumberToken, t: NumberToken) -> bool:
    """Whether two counts count the same noun: the same two words after them, or the same word
    when one of them has only that word ("465 phiếu," and "7 phiếu không đồng ý")."""
    return u.unit2 == t.unit2 or (u.unit == t.unit and (u.unit2 == u.unit or t.unit2 == t.unit))


#: the share right after a part: "458 phiếu (98,49% số phiếu)", "300 người, chiếm 60%"
_SIBLING_SHARE_RE = re.compile(r" ?\(?(?:chiếm |đạt |tỷ lệ |bằng )?([0-9]{1,3}(?:,[0-9]{1,4})?) ?%")


# ---------------------------------------------------------------------------------- records
_WORD_OR_NUM = r"(?:[0-9]{1,4}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|một)"
#: "thắng 97, hòa 28 và thua 16 trận"
_RECORD_RE = re.compile(
    r"(?i)\bthắng (?P<w>" + _WORD_OR_NUM + r")(?: trận)?, (?:hòa|hoà) (?P<d>" + _WORD_OR_NUM + r")(?: trận)?,? "
    r"(?:và )?thua (?P<l>" + _WORD_OR_NUM + r")(?: trận)?\b")
#: "bốn chiến thắng qua 14 trận"
_WINS_OF_RE = re.compile(
    r"(?i)\b(?P<w>" + _WORD_OR_NUM + r") (?:chiến thắng|trận thắng) (?:qua|sau|trong) (?P<n>[0-9]{1,4}) trận\b")
_RECORD_CUE_RE = re.compile(r"(?i)(?:tỷ lệ|tỉ lệ|số trận) (?P<k>thắng|thua|hòa|hoà)\b[^0-9%.;]{0,70}$")


_SPAN_RE = re.compile(r".+", re.S)


def record_claims(ctx: ParagraphContext, claims: list) -> None:
    """A team's record and its win (loss, draw) rate: ``thắng 97, hòa 28 và thua 16 trận. Tỷ lệ
    thắng … đạt 69%`` (the whole is the sum of the three), ``bốn chiến thắng qua 14 trận, … tỷ lệ
    thắng … (28,57%)`` (rule ``record-share``): the rate names what it counts, the record is in
    the same or the previous sentence."""
    text = ctx.text
    if ("tỷ lệ" not in text.lower() and "số trận" not in text.lower()) or "thắng" not in text:
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
            w, d, lo = (count_value(m.group(g)) for g in ("w", "d", "l"))
            got = (m, {"thắng": w, "hòa": d, "thua": lo}[k], w + d + lo,
                   f"the record '{m.group(0)}' ({w} + {d} + {lo} = {w + d + lo})")
        if got is None:
            # the three results in other words ("thắng 3, hòa 8 và thua đến 18 trận")
            rec = record_counts(text, s_prev, cue.start())
            if rec is not None:
                counts, r0, r1 = rec
                w, d, lo = counts["thắng"], counts["hòa"], counts["thua"]
                m = _SPAN_RE.match(text, r0, r1)
                got = (m, counts[k], w + d + lo, f"the record '{m.group(0)}' ({w} + {d} + {lo} = {w + d + lo})")
        if got is None and k == "thắng":
            for m in _WINS_OF_RE.finditer(text, s_prev, t.s):
                got = (m, count_value(m.group("w")), int(m.group("n")), f"'{m.group(0)}'")
        if got is None:
            continue
        m, x, y, how = got
        if not 0 <= x <= y or y == 0:
            continue
        t.used = True
        claims.append(provisional_claim(
            ctx, "ratio", m.start(), t.e, numerator=x, denominator=y, reported=f"{t.text}%",
            source=how, detail={"unit": "trận", "rule": "record-share"},
            quote_start=min(m.start(), ctx.clause_start(t.s, 60)), line_pos=t.s))


# ---------------------------------------------------------------------------- worked formulas
#: "(63 lao động : 208 lao động) x 100 = 30,28%"
_FORMULA_RE = re.compile(
    r"\(? ?(?P<x>" + NUMBER + r")(?: (?P<xu>[^\W\d_]+(?: [^\W\d_]+)?))? ?[:/÷] ?(?P<y>" + NUMBER
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
        x, y = parse_value(m.group("x")), parse_value(m.group("y"))
        if x.value <= 0 or y.value <= 0:
            continue
        nx, ny = scaled(x, y)
        t.used = True
        claims.append(provisional_claim(
            ctx, "ratio", m.start(), t.e, numerator=nx, denominator=ny, reported=f"{t.text}%",
            source=f"the formula '{m.group(0).strip()} {t.text}%'",
            detail={"unit": yu or xu, "rule": "formula-share"},
            quote_start=ctx.clause_start(m.start(), 60), line_pos=t.s))


# --------------------------------------------------------------------------- whole stated first
#: "Trong 42 ngoại binh, có tám cầu thủ từng khoác áo ĐTQG, chiếm 19%"
_WHOLE_FIRST_RE = re.compile(
    r"(?i)\btrong (?:số |tổng số )?(?P<y>[0-9]{1,3}(?:\.[0-9]{3})*) (?P<yu>[^\W\d_]+(?: [^\W\d_]+){0,15}), "
    r"(?:[^\W\d_]+ ){0,3}(?P<x>[0-9]{1,3}(?:\.[0-9]{3})*|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười) "
    r"(?P<xu>[^\W\d_]+(?: [^\W\d_]+)?)(?P<gap>[^.;:()0-9%]{0,70}?)"
    r"(?:, |\()(?P<cue>chiếm(?: tỷ lệ| tỉ lệ)?|tỷ lệ|tỉ lệ|đạt(?: tỷ lệ| tỉ lệ)?|tương đương|bằng)?(?: là)? ?$")


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
        if m is None or approx_before(text, m.start("x")):
            continue
        xs = m.group("x").lower()
        x = COUNT_WORDS.get(xs) or int(xs.replace(GROUP_SYMBOL, "")) if not xs.isalpha() else COUNT_WORDS[xs]
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
    r"(?: [^\W\d_]+){0,3}(?: là| có)?:? (?P<n>" + NUMBER + r")(?! ?%)"
    r"|\btrên tổng số (?P<n2>" + NUMBER + r") (?P<noun2>đại biểu|thành viên|ủy viên|uỷ viên|đảng viên|hội viên)")


def vote_members(ctx: ParagraphContext, claims: list) -> None:
    """The number of all members stated in the paragraph of a vote ("tổng số đại biểu Quốc hội
    là 496"), kept on its vote shares (``detail["members"]``): a share that does not fit those
    present or voting is checked against all members (issue 16, item 5)."""
    if "tổng số" not in ctx.text.lower():
        return
    votes = [c for c in claims if c["kind"] == "ratio" and c["detail"].get("vote")]
    if not votes:
        return
    found = [(m.start(), int(parse_value(m.group("n") or m.group("n2")).value)) for m in _MEMBERS_RE.finditer(ctx.text)
             if DECIMAL_SYMBOL not in (m.group("n") or m.group("n2"))]
    if len({n for _, n in found}) != 1:
        return  # none, or several numbers of members: no tie beyond doubt
    for c in votes:
        c["detail"]["members"] = found[0][1]


#: "tỉ lệ tán thành là 96,76% (tổng số đại biểu: 494, tán thành: 478, …)": a share, then in
#: parentheses the total and the count, each under its label
_LABELLED_SHARE_RE = re.compile(
    r"(?i)\bt[ỷỉ] lệ (?P<what>[^\W\d_]+(?: [^\W\d_]+){0,2}?)(?: là| đạt|:)? (?P<p>" + _NUM + r") ?% ?\((?P<body>[^()]{5,240})\)")
_LABELLED_TOTAL_RE = re.compile(r"(?i)\btổng số(?: [^\W\d_]+){0,3}?:? (?P<n>" + _NUM + r")(?![\w,.]?[0-9])")


def labelled_count_claims(ctx: ParagraphContext, claims: list) -> None:
    """``tỉ lệ tán thành là 96,76% (tổng số đại biểu: 494, tán thành: 478, không tán thành: 3)``
    (rule ``labelled-counts``): a share named by its words, then in parentheses the total
    (``tổng số …: N``) and a count under the same words (``tán thành: M``): the share is M/N."""
    text = ctx.text
    for m in _LABELLED_SHARE_RE.finditer(text):
        body = m.group("body")
        tot = _LABELLED_TOTAL_RE.search(body)
        what = re.escape(m.group("what"))
        cnt = re.search(r"(?i)(?<![\w])" + what + r":? (?P<m>" + _NUM + r")(?![\w,.]?[0-9])", body)
        if tot is None or cnt is None:
            continue
        n, k = parse_value(tot.group("n")), parse_value(cnt.group("m"))
        if DECIMAL_SYMBOL in tot.group("n") + cnt.group("m") or not 0 < k.value <= n.value:
            continue
        i = bisect.bisect_left(ctx.tok_starts, m.start("p"))
        pct = ctx.toks[i] if i < len(ctx.toks) and ctx.toks[i].s == m.start("p") else None
        if pct is None or pct.kind != "pct" or pct.used:
            continue
        pct.used = True
        claims.append(provisional_claim(
            ctx, "ratio", m.start(), m.end(), numerator=int(k.value), denominator=int(n.value),
            reported=f"{pct.text}%", source=(f"'{m.group('what')}: {cnt.group('m')}' of '{tot.group(0)}' in "
                                             "the parentheses after the share"),
            detail={"unit": m.group("what"), "rule": "labelled-counts"},
            quote_start=m.start(), line_pos=m.start("p")))


def amount_ties(ctx: ParagraphContext, claims: list) -> None:
    """The rules that read amounts as written, not count tokens: calculations written out,
    price gaps and differences (each only where its cue word stands)."""
    text = ctx.text
    if "=" in text:
        calculation_claims(ctx, claims)
    # (each word looked for after one of its letters that is rare in Vietnamese text: a search for
    # one character is much quicker than one for a word, and most paragraphs lack the letter)
    chenh = "ê" in text and "hênh" in text
    if chenh and "mua" in text:
        price_gap_claims(ctx, claims)
    if chenh or ("ơ" in text and " hơn " in text):
        difference_claims(ctx, claims)
    if "rong đó" in text and ("ổ" in text and "tổng" in text or "toàn" in text or "cả n" in text):
        total_then_parts_claims(ctx, claims)
    if "ậ" in text and "bậc" in text or "hạng" in text:
        if "từ " in text:
            rank_change_claims(ctx, claims)
        if "cách nhau" in text or "chênh" in text:
            rank_gap_claims(ctx, claims)


def rate_ties(ctx: ParagraphContext, claims: list) -> None:
    """The rules that read amounts, not count tokens, on a paragraph whose numbers are all
    rates or amounts the tokenizer leaves out (``tăng 500 đồng/lít, từ 23.000 đồng/lít lên 23.500
    đồng/lít``, ``20.000 đồng/giờ x 150% x 2 giờ = 60.000 đồng``)."""
    text = ctx.text
    if "ừ" in text and ("từ " in text or "Từ " in text):
        change_claims(ctx, claims)
        scaled_amount_claims(ctx, claims)
    amount_ties(ctx, claims)


def paragraph_ties(ctx: ParagraphContext, claims: list) -> None:
    """Every rule of this module and of :mod:`parstats.audit.amountshares`,
    :mod:`parstats.audit.changes` and :mod:`parstats.audit.comparisons` on one paragraph (after
    the count-share ties), in one order: a rule takes the percentages the earlier ones left."""
    if not ctx.toks:
        return
    # (a word is looked for after one of its letters that is rare in Vietnamese text: a search
    # for one character is much quicker than one for a word, and most paragraphs lack the letter)
    text = ctx.text
    change_claims(ctx, claims)
    if "ừ" in text and "từ " in text and ("," in text or ("ệ" in text and "triệu" in text)
                                          or ("ỷ" in text and "tỷ" in text) or ("ì" in text and "nghìn" in text)):
        scaled_amount_claims(ctx, claims)
    amount_percent_claims(ctx, claims)
    if ctx.pcts and (("ă" in text and "năm " in text) or ("ý" in text and "quý " in text)
                     or ("á" in text and "tháng " in text)):
        period_change_claims(ctx, claims)
    list_claims(ctx, claims)
    # the rules below each need a word that most paragraphs lack: tested once here
    times = ("ấ" in text and "gấp " in text) or ("ầ" in text and " lần " in text)
    if ctx.pcts:
        amount_share_claims(ctx, claims)
        if "ớ" in text and "so với" in text:
            paren_base_claims(ctx, claims)
            named_base_claims(ctx, claims)
            shortfall_claims(ctx, claims)
        elif times:
            paren_base_claims(ctx, claims)
    elif times:
        paren_base_claims(ctx, claims)
    if "ổ" in text and "ổng số" in text:
        if ctx.pcts and "(" in text:
            labelled_count_claims(ctx, claims)
        vote_members(ctx, claims)
    paragraph_records(ctx, claims)
    if "ả" in text and "giảm " in text and "/" in text:
        cut_of_claims(ctx, claims)
    amount_ties(ctx, claims)
