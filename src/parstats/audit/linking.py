"""Ties across a paragraph and a text: the total of a share, footnotes, tables and targets.

The total of ``X người, tỷ lệ Z%`` is looked for in the same clause (``trên tổng số N``), in a
footnote attached to the sentence, or earlier in the paragraph (a total of the same kind of
thing before ``trong đó``, a fraction's denominator, ``tổng số N``): the last kind is a tie of the
passage (``detail["tie"] = "passage"``) that the audit trusts only when one of its shares fits.
"""
from __future__ import annotations

import bisect
import re

from parstats.audit.amounts import TRONG_DO_WHOLE_RE, amount_of, approx_before
from parstats.audit.inference import reported_units
from parstats.audit.model import ProvisionalClaim, TargetSpec
from parstats.audit.tokens import DIGIT_RE, ParagraphContext, NumberToken, same_kind
from parstats.audit.words import (
    INT,
    NUM,
    ON_TOTAL_RE,
    TOTAL_ROW_RE,
    TOTAL_ROW_START_RE,
    TOTAL_WORD_RE,
    TRONG_DO_RE,
)
from parstats.markdown import Paragraph
from parstats.numbers import format_number, parse_count
from parstats.ratios import percent_units


class FootnoteMap:
    """``fmap.at(note, pidx)``: the footnote paragraphs a marker in paragraph ``pidx`` refers to."""

    def __init__(self, groups: dict[str, list[list[ParagraphContext]]]):
        self.groups = groups
        self.starts = {k: [g[0].pidx for g in v] for k, v in groups.items()}

    def __contains__(self, note: str) -> bool:
        return note in self.groups

    def at(self, note: str, pidx: int) -> list[ParagraphContext]:
        starts = self.starts[note]
        i = bisect.bisect_left(starts, pidx)
        return self.groups[note][i if i < len(starts) else len(starts) - 1]


def _footnote_total(fctxs: list[ParagraphContext], unit: str | None) -> tuple[int, str, int] | None:
    for fc in fctxs:
        m = TOTAL_WORD_RE.search(fc.text)
        if not m:
            continue
        cands = [t for t in fc.toks if t.role == "count" and t.s > m.start()]
        if not cands:
            continue
        pick = next((t for t in cands if t.unit == unit), None) or cands[0]
        return pick.a, fc.text[m.start():pick.e + len(pick.unit2 or "") + 1].strip(), \
            fc.p.line_at(pick.s)
    return None


WEAK_ROUNDED_WHOLE = "the whole is a rounded amount ('2,5 triệu'): the share may fit its unrounded value"


def resolve_total(ctx: ParagraphContext, t: NumberToken, pct: NumberToken, fmap: "FootnoteMap") -> tuple[int, str, bool | None] | None:
    """The total of a count-share claim, how it was found, and whether that tie is beyond doubt
    (the same clause or a footnote: ``True``) rather than a passage's (earlier in the paragraph:
    ``False``); ``None``: a whole rounded by its scale word, checked but never flagged."""
    text = ctx.text
    # 1. "… Z% trên tổng số N …" / "trên N" right after the percentage
    m = re.match(r" ?(?:(?:trên|của) (?:tổng số )?|trong tổng số |tổng số(?: [^\W\d_]+){0,4} \()(" + INT
                 + r")(?![0-9])", text[pct.e:pct.e + 60])
    if m and "(" in m.group(0) and t.unit and re.search(
            r"[0-9] " + re.escape(t.unit.split()[0]) + r"\b", text[pct.e + m.end():text.find(")", pct.e + m.end())]):
        # "193 phòng … chiếm 42,5% tổng số phòng toàn hệ thống (26 khách sạn … với 7.457 phòng)": the
        # parenthesis counts the count's own noun further on; its first number is of something else
        m = None
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
        if u.role in ("pct", "frac", "count") and not TOTAL_WORD_RE.search(text, max(end, u.s - 20), u.s):
            nxt = u.s
            break
    m = ON_TOTAL_RE.search(text, end, nxt)
    if m and not _other_noun(ctx, t, m.start(1)):
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
        if u.approx or not same_kind(u, t) or (u.b if u.role == "frac" else u.a) < t.a:
            continue  # another kind of thing, an approximate number, or smaller than the part
        if u.role == "count" and (TRONG_DO_RE.search(text, u.e, _next_item_start(ctx, j, t.s))
                                  or _AMONG_THESE_RE.search(text, u.e, _next_item_start(ctx, j, t.s))):
            return u.a, (f"'{u.text} {u.unit2}' before 'trong đó' earlier in the paragraph "
                         f"(line {ctx.p.line_at(u.s)})"), False
        if u.unit != t.unit:
            continue
        if u.role == "frac":
            return u.b, f"the denominator of {u.text} {u.unit2} earlier in the paragraph (line {ctx.p.line_at(u.s)})", False
        place = None if u.role != "count" or _total_word_before(text, u.s) else \
            _WHOLE_PLACE_RE.search(text, max(0, u.s - 40), u.s)
        if place is not None:
            where = "sentence" if u.s >= s0 else "paragraph"
            return (u.a, f"'{place.group(0).strip(' ,.;:')} {u.text} {u.unit2}', a whole named by its place, earlier "
                         f"in the {where} (line {ctx.p.line_at(u.s)})", False)
        if u.role == "count" and _total_word_before(text, u.s):
            where = "sentence" if u.s >= s0 else "paragraph"
            # "tổng số 48 học sinh, 30 học sinh giỏi (62%)": the same noun under "tổng số" in the
            # same sentence names the whole beyond doubt
            return (u.a, f"'tổng số … {u.text} {u.unit2}' earlier in the {where} (line {ctx.p.line_at(u.s)})",
                    where == "sentence" and u.unit2 == t.unit2 and _names_whole(ctx, u))
    # 4. an amount with a scale word before "trong đó" in the sentence, of the count's noun ("đón
    #    2,5 triệu lượt khách, trong đó khách quốc tế 500.000 lượt, chiếm 20%")
    if t.unit and "trong" in text[s0:t.s]:
        best = None
        for best in TRONG_DO_WHOLE_RE.finditer(text, max(s0, t.s - 300), t.s):
            pass
        if best is not None and best.group("yu").split()[0] == t.unit.split()[0] and best.group("ys") \
                and not approx_before(text, best.start("y")):
            y = amount_of(best, "y")
            if y is not None and y.value > t.a and y.value == int(y.value):
                return (int(y.value), f"'{best.group(0).strip(' ,')}' earlier in the sentence", None)
    return None



_OWN_SHARE_RE = re.compile(r" ?[^\W\d_]*(?: [^\W\d_]+)? ?(?:\(|, chiếm|, đạt|, tỷ lệ|, bằng)")


#: "Trong số này, 300 doanh nghiệp …": the count before it is the whole of what follows
_AMONG_THESE_RE = re.compile(r"[Tt](?<!\w[Tt])(?i:rong số (?:này|đó|trên))\b")
#: a whole named by its place right before its count: "Toàn tỉnh có 250 trường", "cả nước có 1.200
#: doanh nghiệp" (as "tổng số": the count of all of them)
_WHOLE_PLACE_RE = re.compile(r"(?i)(?:^|[.;:] |, )(?:toàn|cả) (?:tỉnh|huyện|thành phố|thị xã|xã|quận|phường|nước|ngành|"
                             r"trường|khu vực|vùng|khối|hệ thống|giải)(?: [^\W\d_]+){0,2} (?:có|gồm|với|đạt) $")


def _names_whole(ctx: ParagraphContext, u: NumberToken) -> bool:
    """Whether "tổng số" names the number ``u`` itself as a whole: nothing in parentheses
    between them ("76,3% tổng số người miền Bắc di cư), 209.132 tín đồ …" names another whole)
    and no share of its own after it ("tổng số ĐBQH); có 456 đại biểu tán thành (bằng 95,40%"
    is a part)."""
    text = ctx.text
    m = None
    for m in TOTAL_WORD_RE.finditer(text, max(0, u.s - 60), u.s):
        pass
    if m is None or "(" in text[m.end():u.s] or ")" in text[m.end():u.s] or ";" in text[m.end():u.s]:
        return False
    return _OWN_SHARE_RE.match(text, u.e + len(u.unit2 or "") + 1) is None


def _other_noun(ctx: ParagraphContext, t: NumberToken, pos: int) -> bool:
    """Whether the number at ``pos`` counts another kind of thing than the count ``t`` ("6 thí
    sinh … xếp thứ 7 trên tổng số 30 nước": nations, not contestants)."""
    i = bisect.bisect_left(ctx.tok_starts, pos)
    if i < len(ctx.toks) and ctx.toks[i].s == pos:
        u = ctx.toks[i]
        return u.unit is not None and t.unit is not None and not same_kind(u, t)
    return False


def _total_word_before(text: str, pos: int) -> bool:
    """Whether "tổng số" / "tổng cộng" names the number at ``pos``: within 60 characters before
    it, with no other number in between ("Tổng số dân là 1.000 người", not "… 1.000 người. Người
    Kinh có 700 người" for the 700)."""
    m = None
    for m in TOTAL_WORD_RE.finditer(text, max(0, pos - 60), pos):
        pass
    return m is not None and DIGIT_RE.search(text, m.end(), pos) is None


def _next_item_start(ctx: ParagraphContext, j: int, default: int) -> int:
    for u in ctx.toks[j + 1:j + 8]:
        if u.role in ("count", "frac"):
            return u.s
    return default


def _top_items(fctxs: list[ParagraphContext]) -> list[tuple[ParagraphContext, NumberToken]]:
    out = []
    for fc in fctxs:
        for t in fc.toks:
            if t.role in ("count", "frac") and not t.used and t.depth == 0:
                out.append((fc, t))
    return out


def footnote_sums(ctx: ParagraphContext, fmap: "FootnoteMap", claims_in_para: list, claims: list) -> None:
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
            ratio_of = {id(c["token"]): c for c in claims_in_para
                        if c.get("token") is not None and c["kind"] == "ratio" and c["denominator"]}
        c = ratio_of.get(id(anchor_tok))
        if c is not None:
            num, den = c["numerator"], c["denominator"]
        fctxs = fmap.at(note, ctx.pidx)
        top = _top_items(fctxs)
        if len(top) < 2:
            continue
        kinds = {t.role for _, t in top}
        units = {t.unit for _, t in top}
        if len(kinds) != 1 or len(units) != 1:
            continue
        fc0, t0 = top[0]
        fcl, tl = top[-1]
        start, end = fc0.clause_start(t0.s, 60), tl.e + len(tl.unit2 or "") + 1
        if fcl is fc0:
            quote = fc0.text[start:end].strip()
        else:  # the items run on into the footnote's next paragraphs: quote up to the last one
            i0, il = (next(i for i, fc in enumerate(fctxs) if fc is f) for f in (fc0, fcl))
            quote = " ".join([fc0.text[start:].strip(), *(fc.text.strip() for fc in fctxs[i0 + 1:il]),
                              fcl.text[:end].strip()])
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


_CELL_COUNT_RE = re.compile(r"\s*(?P<n>" + INT + r")(?![0-9.,]) ?(?P<unit>[^\W\d_]+)?")

_CELL_SHARE_RE = re.compile(r"\s*(?P<n>" + INT + r")(?![0-9.,]) ?(?P<unit>[^\W\d_]+)? ?\( ?(?P<p>" + NUM
                            + r") ?% ?\)")


def _cells(text: str) -> list[tuple[int, str]]:
    """The cells of a table row as (offset in the row, text), without the outer pipes."""
    pipes = [i for i, ch in enumerate(text) if ch == "|"]
    if not text.lstrip().startswith("|"):
        pipes.insert(0, -1)
    if text.rstrip()[-1:] != "|":
        pipes.append(len(text))
    return [(a + 1, text[a + 1:b]) for a, b in zip(pipes, pipes[1:])]


def table_shares(paras: list[Paragraph], by_idx: dict[int, "ParagraphContext"], claims: list) -> None:
    """Shares in the rows under a table's total row, when the rows add up to it exactly.

    ``| Tổng cộng | 1.019.258 người |`` then ``| Thành thị | 184.860 người (23,5%) |`` and
    ``| Nông thôn | 834.398 người (76,5%) |``: the counts add up to the total, so the total
    is the whole of each share (and the breakdown is a sum claim).
    """
    heads = [k for k, p in enumerate(paras) if p.kind == "table" and TOTAL_ROW_START_RE.match(p.text)]
    for r in heads:
        j = r + 1  # the end of the table
        while j < len(paras) and paras[j].kind == "table":
            j += 1
        if j - r < 3:
            continue  # fewer than two rows under it
        cells = _cells(paras[r].text)
        if not cells or not TOTAL_ROW_RE.match(cells[0][1]):
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


def _claim_dict(kind, line, quote, numerator, denominator, parts, reported, source, detail,
                order) -> ProvisionalClaim:
    return {"kind": kind, "line": line, "quote": quote, "numerator": numerator,
            "denominator": denominator, "parts": tuple(parts) if parts is not None else None,
            "reported": reported, "denominator_source": source, "target": None,
            "detail": detail, "order": order}


def target_in(ctx: ParagraphContext, upto: int) -> TargetSpec | None:
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


_WHOLE_NUMBER_RE = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:\.[0-9]{3})*(?![0-9]|[.,][0-9]| ?%)")
#: the fewest shares of a passage that must fit one stated whole before they are tied to it
SHARED_WHOLE_FITS = 3
#: how many paragraphs before the first share the whole may be stated in, and how far apart
#: two shares of one passage may stand
SHARED_WHOLE_REACH = 8


def _fits_whole(count: int, whole: int, units: tuple[int, int, str]) -> bool:
    """Whether ``count/whole`` as a percentage, rounded half-up at the precision of the reported
    share (``units``: :func:`parstats.audit.inference.reported_units`), is it."""
    return percent_units(count, whole, units[1]) == units[0]


def stated_shared_whole(pending: list, by_idx: dict[int, ParagraphContext]) -> None:
    """``34 Bí thư`` … ``Thế hệ 6X có 14 người (41,18%). 7X có 20 người (58,82%)`` … ``16 (47,06%)
    Bí thư là Ủy viên Trung ương``: shares of counts left without a whole, several of which fit one
    number stated as a count in the passage (rule ``stated-shared-whole``). At least
    :data:`SHARED_WHOLE_FITS` shares, and two in three of the passage's, must fit it exactly: the
    numbers corroborate the tie, and only the shares that fit are tied (``consistent``); the others
    stay without a whole. ``pending``: the extractor's count-share claims ``(…, ctx, count token,
    share token, claim)``."""
    left = [(ctx.pidx, t, pct, c) for _, ctx, t, pct, c in pending
            if c["denominator"] is None and not t.approx and not c["detail"].get("vote")]
    if len(left) < SHARED_WHOLE_FITS:
        return
    left.sort(key=lambda x: (x[0], x[1].s))
    groups, cur = [], [left[0]]
    for item in left[1:]:
        if item[0] - cur[-1][0] <= SHARED_WHOLE_REACH:
            cur.append(item)
        else:
            groups.append(cur)
            cur = [item]
    groups.append(cur)
    for group in groups:
        if len(group) < SHARED_WHOLE_FITS:
            continue
        biggest = max(t.a for _, t, _, _ in group)
        wholes: dict[int, tuple[ParagraphContext, int]] = {}
        for pidx in range(max(0, group[0][0] - SHARED_WHOLE_REACH), group[-1][0] + 1):
            ctx = by_idx.get(pidx)
            if ctx is None:
                continue
            # every whole number written in the passage ("34 Bí thư", "34/34"), not only counts
            for m in _WHOLE_NUMBER_RE.finditer(ctx.text):
                v = parse_count(m.group(0))
                if v > biggest and v not in wholes:
                    wholes[v] = (ctx, m.start())
        units = [reported_units(c["reported"]) for _, _, _, c in group]
        best, best_fit = None, 0
        for w in wholes:
            fit = sum(1 for (_, t, _, _), u in zip(group, units) if _fits_whole(t.a, w, u))
            if fit > best_fit or (fit == best_fit and best is not None and w < best):
                best, best_fit = w, fit
        if best is None or best_fit < SHARED_WHOLE_FITS or 3 * best_fit < 2 * len(group):
            continue
        ctx, at = wholes[best]
        for (_, t, pct, c), u in zip(group, units):
            if _fits_whole(t.a, best, u):
                c["denominator"] = best
                c["denominator_source"] = (f"the number {format_number(best)} stated at line {ctx.p.line_at(at)}, "
                                           f"which {best_fit} of the {len(group)} shares of the passage fit")
                c["detail"]["rule"] = "stated-shared-whole"
