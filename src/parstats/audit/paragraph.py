"""Claims inside one paragraph: ratios, shares, changes and breakdowns.

A fraction or a count takes a percentage only when the text introduces it as its share
(``đạt``, ``chiếm``, ``tỷ lệ``, a parenthesis); a change takes one only when it is introduced as
the change. What is tied with doubt (a vote share, a proportion in words, a list that names
examples) is kept with the reason in ``detail["doubt"]``, and the audit calls it unverifiable.
"""
from __future__ import annotations

import bisect
import re

from parstats.audit.tokens import ParagraphContext, NumberToken, provisional_claim, pct_text
from parstats.audit.wordreaders import prev2, prev_word
from parstats.audit.words import (
    CHANGE_PREV,
    EXHAUSTIVE_RE,
    MONEY_UNITS,
    MORE_ITEMS_RE,
    SHARE_CUE_RE,
    SINCE_RE,
    TRONG_DO_RE,
    VOTE_RE,
)
from parstats.numbers import format_number


#: the rest of a head's sentence, then "Trong đó" opening the next one ("120.000 người. Trong đó")
_NEXT_SENTENCE_RE = re.compile(r"[^.!?;:]{0,60}\. ")

def _next_sig(ctx: ParagraphContext, t: NumberToken) -> NumberToken | None:
    toks = ctx.toks
    return toks[t.idx + 1] if t.idx + 1 < len(toks) else None


def _share_cue(gap: str, money: bool = False) -> bool:
    """Whether the text between a count and a percentage introduces the percentage as its share
    (``đạt``, ``chiếm``, ``tỷ lệ``, ``bằng`` … or an opening parenthesis right before it), with
    no new clause in between ("14/17 chỉ tiêu, trong đó tốc độ tăng trưởng … đạt 6,45%").

    For an amount of money only ``chiếm``, ``tỷ lệ`` or ``tỷ trọng`` make a share: "1.574 tỷ
    đồng, ước đạt 25%" is the attainment of a plan.
    """
    if _NEW_CLAUSE_RE.search(gap):
        return False
    if _OPEN_PAREN_END_RE.search(gap):
        return True
    cue = SHARE_CUE_RE.search(gap)
    return cue is not None and (not money or _SHARE_WORD_RE.search(cue.group(0)) is not None)


_OPEN_PAREN_END_RE = re.compile(r"\( ?$")
_SHARE_WORD_RE = re.compile(r"chiếm|tỷ lệ|tỉ lệ|tỷ trọng")
#: words that open a new clause: a share after them is another figure's
_NEW_CLAUSE_RE = re.compile(r"(?i)\b(?:nhưng|trong đó|trong khi|tuy nhiên|song)\b")


def _vote_context(ctx: ParagraphContext, pos: int) -> bool:
    """Whether the sentence at ``pos`` speaks of a vote."""
    return ctx.in_sentence(pos, VOTE_RE) is not None


def _fraction_doubt(ctx: ParagraphContext, t: NumberToken) -> str | None:
    """Why a fraction with a stated share is not tied to it beyond doubt, or None."""
    if t.a > t.b:
        return f"{t.text} is not a share: the part is larger than the whole (a date, a code?)"
    if t.b <= 10:
        return f"{t.text} is a proportion in words (one third, two thirds …), not counts"
    return None


def ratio_claims(ctx: ParagraphContext, claims: list, pending: list) -> None:
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
                c = provisional_claim(ctx, "ratio", t.s, max(t.e, pct.e), numerator=t.a, denominator=t.b,
                        reported=pct_text(pct), source="the fraction itself",
                        detail={"unit": t.unit2, "doubt": _fraction_doubt(ctx, t),
                                "vote": _vote_context(ctx, t.s)},
                        quote_start=ctx.clause_start(start, 60), line_pos=t.s)
            else:
                end = t.e + (len(t.unit2) + 1 if t.unit2 else 0)
                c = provisional_claim(ctx, "ratio", t.s, end, numerator=t.a, denominator=t.b,
                        source="the fraction itself", detail={"unit": t.unit2},
                        quote_start=ctx.clause_start(t.s, 60), line_pos=t.s)
            c["token"] = t
            claims.append(c)
    for t in toks:
        if t.role != "count":
            continue
        prev = t.prev  # prev_word(text, t.s)
        # the two words before end with the word before: ask for them only when it can be so
        if prev in CHANGE_PREV or (prev in ("được", "thêm")
                                    and prev2(text, t.s) in ("giảm được", "tăng thêm", "giảm thêm")):
            _change_claim(ctx, t, claims)
            continue
        nxt = _next_sig(ctx, t)
        prv = toks[t.idx - 1] if t.idx > 0 else None
        pct = None
        if (nxt is not None and nxt.role == "pct" and not nxt.used and not ctx.crosses(t.e, nxt.s)
                and nxt.s - t.e <= 140):
            if _share_cue(text[t.e:nxt.s], money=t.unit in MONEY_UNITS):
                pct = nxt
        if pct is None and prv is not None and prv.role == "pct" and not prv.used:
            if re.fullmatch(r" ?\( ?", text[prv.e:t.s]):
                pct = prv
        if pct is None:
            continue
        pct.used = True
        start = min(t.s, pct.s)
        c = provisional_claim(ctx, "ratio", t.s, max(t.e + len(t.unit2 or "") + 1, pct.e), numerator=t.a,
                reported=pct_text(pct), detail={"unit": t.unit2, "approximate": t.approx,
                                                 "vote": _vote_context(ctx, t.s), "para": ctx.pidx},
                quote_start=ctx.clause_start(start, 60), line_pos=t.s)
        c["token"] = t
        c["pct_token"] = pct
        claims.append(c)
        pending.append(("total", ctx, t, pct, c))


def _change_claim(ctx: ParagraphContext, t: NumberToken, claims: list) -> None:
    text = ctx.text
    so_voi = ctx.in_sentence(t.s, SINCE_RE)
    if so_voi is None:
        return
    since = so_voi.group(1)
    s0 = ctx.sentence_span(t.s)[0]
    nxt = _next_sig(ctx, t)
    if (nxt is None or nxt.role not in ("pct", "pct-change") or ctx.crosses(t.e, nxt.s)
            or nxt.s - t.e > 100):
        return
    gap = text[t.e:nxt.s]
    if nxt.role == "pct" and (not _share_cue(gap) or "chiếm" in gap[-12:]):
        return  # "… tăng 311 doanh nghiệp), trong đó: … chiếm 99,46%": a share, not the change
    nxt.used = True
    direction = prev_word(text, t.s)
    if direction not in CHANGE_PREV:
        direction = (prev2(text, t.s) or "giảm").split()[0]
    new = None
    for j in range(t.idx - 1, max(-1, t.idx - 40), -1):
        u = ctx.toks[j]
        if u.s < s0:
            break
        if u.role == "count" and u.unit == t.unit and u.depth <= t.depth and \
                prev_word(text, u.s) not in CHANGE_PREV:
            new = u
            break
    if new is None:
        # "giảm 50 vụ (giảm 10%) so với cùng kỳ, còn 450 vụ": the value it led to, after it
        s1 = ctx.sentence_span(t.s)[1]
        for j in range(nxt.idx + 1, min(len(ctx.toks), nxt.idx + 6)):
            u = ctx.toks[j]
            if u.s > s1:
                break
            if u.role == "count" and u.unit == t.unit and u.depth <= t.depth and \
                    prev_word(text, u.s) in ("còn", "lên", "xuống"):
                new = u
                break
    detail = {"unit": t.unit2, "direction": direction}
    if since:
        detail["since"] = since
    if new is not None:
        old = new.a + t.a if direction == "giảm" else new.a - t.a
        detail.update(new=new.a, new_text=new.text, old=old)
        c = provisional_claim(ctx, "change", t.s, max(nxt.e, new.e), numerator=t.a, denominator=old if old > 0 else None,
                reported=pct_text(nxt),
                source=(f"old value {format_number(old)} = {new.text} {'+' if direction == 'giảm' else '-'}"
                        f" {t.text} (the value before the change)"),
                quote_start=min(new.s, t.s), line_pos=t.s, detail=detail)
    else:
        c = provisional_claim(ctx, "change", t.s, nxt.e, numerator=t.a, reported=pct_text(nxt),
                quote_start=ctx.clause_start(t.s, 60), line_pos=t.s, detail=detail)
    c["token"] = t
    claims.append(c)


def _tail_sums(values: list[int]) -> list[int]:
    """``out[i] == sum(values[i:])`` for every ``i`` (and ``out[len(values)] == 0``)."""
    out = [0] * (len(values) + 1)
    for i in range(len(values) - 1, -1, -1):
        out[i] = out[i + 1] + values[i]
    return out


def paren_group(text: str, open_pos: int) -> int | None:
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


def _list_doubt(text: str, numbers: list, last_end: int, stop: int,
                list_start: int | None = None) -> str | None:
    """Why a list and its total are not a breakdown beyond doubt, or None.

    ``numbers`` are the total and the parts; ``text[last_end:stop]`` is what follows the last
    part up to the end of the list, ``text[list_start:first part]`` what comes before the first.
    """
    if any(t.approx for t in numbers):
        return "a number of the list or its total is approximate ('khoảng', 'hơn' …)"
    if MORE_ITEMS_RE.search(text, last_end, stop):
        return "the list goes on with an item that has no number"
    if list_start is not None and ";" in text[list_start:numbers[1].s]:
        return "the list starts with items that have no number"
    return None


BEFORE_PAREN_RE = re.compile(r"(?: [^\W\d_]+){0,8} ?\(")


def sum_claims(ctx: ParagraphContext, claims: list) -> None:
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
    last_open = text.rfind("(")  # no item after the last "(" is followed by one
    for h in items:
        if h.e > last_open:
            break
        m = BEFORE_PAREN_RE.match(text, h.e)
        if not m:
            continue
        op = m.end() - 1
        cp = paren_group(text, op)
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
        cue = EXHAUSTIVE_RE.match(text, op + 1) or re.match(r"\(\s*(?:gồm|bao gồm)", text[op:])
        if cue or sum(parts) == h.a:
            doubt = _list_doubt(text, [h] + inner, inner[-1].e, cp)
            claims.append(provisional_claim(ctx, "sum", inner[0].s, cp + 1, denominator=h.a, parts=parts,
                              reported=h.text, source="the number before the parenthesis",
                              quote_start=h.s, line_pos=inner[0].s,
                              detail={"unit": h.unit2, "doubt": doubt,
                                      # "(gồm …)" of one noun whose parts exceed it: the parts of a
                                      # list closed by its parenthesis cannot ("bao gồm" short of
                                      # its total may name examples: "including")
                                      "exhaustive": bool(cue) and ctx.p.kind != "table" and sum(parts) > h.a
                                      and all(t.unit == h.unit for t in inner)}))
    # 2. a head fraction followed by same-noun fractions in the same sentence: its parts are
    #    the rest of its group (the fractions of one sentence, noun and depth), their sums
    #    sums of a tail (kept from the end), so a long sentence is not scanned for every head
    fracs = [t for t in items if t.role == "frac" and not t.used]
    sb = ctx.sent_bounds
    groups: dict[tuple, list[NumberToken]] = {}
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
            claims.append(provisional_claim(ctx, "sum", parts[0].s, end, denominator=total, parts=ps,
                              reported=format_number(total),
                              source=f"the {which} of the fraction {h.text} and its breakdown",
                              quote_start=ctx.clause_start(h.s, 40), line_pos=parts[0].s,
                              detail={"unit": h.unit2, "of": which}))
    # 3. "2.813/3.050 cán bộ, công chức, trong đó có 1.483 cán bộ … và 1.330 công chức" (adds up)
    #    The list is the unused counts at the head's depth from "trong đó" to the end of the
    #    sentence: a tail of their group (sentence, depth). Once a list is taken from a group,
    #    any later "trong đó" of that group finds only counts already used.
    counts: dict[tuple[int, int], list[NumberToken]] = {}
    for t in items:
        if t.role == "count" and not t.used:
            counts.setdefault((bl(sb, t.s), t.depth), []).append(t)
    count_sums: dict[tuple[int, int], tuple[list[int], list[int]]] = {}  # starts, sums of tails
    taken: set[tuple[int, int]] = set()
    for h in items:
        if h.used:
            continue
        nxt = toks[h.idx + 1] if h.idx + 1 < len(toks) else None
        if nxt is not None and nxt.role == "pct" and "(" in text[h.e:nxt.s] and h.idx + 2 < len(toks):
            nxt = toks[h.idx + 2]  # "231 huy chương (93,9%), trong đó …": the head's share passed over
        if nxt is None:
            continue
        td = TRONG_DO_RE.search(text, h.e, nxt.s)
        if not td or (ctx.crosses(h.e, td.start(), sentence=True)
                      and not _NEXT_SENTENCE_RE.fullmatch(text, h.e, td.start())):
            continue  # ("… 120.000 người. Trong đó, …": the next sentence opens with it)
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
        claims.append(provisional_claim(ctx, "sum", lst[0].s, lst[-1].e + len(lst[-1].unit2 or "") + 1,
                          denominator=h.a, parts=[t.a for t in lst], reported=h.text,
                          source=f"the number '{h.text}' before 'trong đó'",
                          quote_start=h.s, line_pos=lst[0].s, detail={"unit": h.unit2}))
    # 4. "X người. Về trình độ chuyên môn: A 24 người; B 1.278 người; C 186 người."
    #    The list is the unused counts at depth 0 from the colon to the end of the sentence: a
    #    tail of the sentence's group, as in 3. The head is the last unused item of the noun at
    #    depth 0 before the colon: ``hop`` jumps back over used ones (each jump is remembered).
    counts0: dict[int, list[NumberToken]] = {}
    for t in items:
        if t.role == "count" and not t.used and t.depth == 0:
            counts0.setdefault(bl(sb, t.s), []).append(t)
    tails: dict[int, tuple[list[int], list[int], list[bool]]] = {}  # starts, sums, one noun
    by_unit: dict[str | None, tuple[list[NumberToken], list[int], list[int]]] = {}  # items, starts, hop
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
        cue = EXHAUSTIVE_RE.search(text, max(head.e, cm.start() - 25), cm.end())
        if not (cue or ta[j] == total):
            continue
        lst = g[j:]
        parts = [t.a for t in lst]
        taken_sentences.add(sentence)
        for t in lst:
            t.used = True
        claims.append(provisional_claim(ctx, "sum", lst[0].s, lst[-1].e + len(lst[-1].unit2 or "") + 1,
                          denominator=total, parts=parts,
                          reported=head.text if head.role == "count" else format_number(total),
                          source=f"the total '{head.text} {head.unit2}' before the list",
                          quote_start=ctx.clause_start(cm.start(), 60), line_pos=lst[0].s,
                          detail={"unit": head.unit2,
                                  "doubt": _list_doubt(text, [head] + lst, lst[-1].e,
                                                       ctx.sentence_span(c0)[1], c0)}))
