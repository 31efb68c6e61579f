"""Tables flattened into a line of text: rows of ratios, and change columns.

Rules (each named in ``detail["rule"]``):

``flattened-ratio-row``
    Business news copies a company's results table as one run of words and numbers, a row after
    another: ``Doanh thu thuần 382.17 416.32 -8% 131.4 153.24 -14% Lãi gộp 138.35 147.31 -6% 48.63
    53.92 -10% Biên lãi gộp 36% 35% 2% 37% 35% Lợi nhuận sau thuế …``. A row of percentages named
    as a ratio (``Biên …``, ``Tỷ suất …``, ``Tỷ lệ …``) holds, column by column, one row of amounts
    over another (``Lãi gộp`` over ``Doanh thu thuần``). The pair of rows is the one whose
    quotients the percentages of the row meet, in order (a percentage between them, a change of the
    ratio, is passed over); at least two must fit, and all but one of the columns. Each fitting
    percentage is a ratio claim, ``consistent``; a percentage that fits no column is left
    ``unverifiable`` (which column a flattened row's cell stands in is not certain).

    Numbers are written with a decimal point (``382.17``) in these runs; a number whose point
    stands before three digits (a thousands point or a decimal one) makes its row unread.
``table-difference-column``
    A price table flattened after a head that names a difference (``chênh lệch``): ``Xăng RON 92
    23.880 24.084 - 204 Dầu Diêzen 22.310 22.902 - 592 …``, each row a label, two amounts with a
    thousands point and a signed third, the difference of the two. The order of the difference
    (first minus second, or the other way) is the one most rows fit; with at least two other rows
    fitting it a row that does not is flagged, otherwise it is ``unverifiable``.
``table-change-column``
    A plain-text table flattened into a run of numbers after a label, ``Doanh thu thuần 4602.7
    4275.08 8%``: two amounts then a signed percentage, the change from the second to the
    first. Checked allowing for the rounding of the amounts. When at least two other triples of
    the same run fit, the reading is corroborated and a triple that fits in no rounding is
    flagged; otherwise it is ``unverifiable``. Run by :func:`parstats.audit.tables.table_claims`.

One pass over each paragraph's rows: linear in the text.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from parstats.audit.model import ProvisionalClaim
from parstats.audit.tablecells import dot_decimal, ratio_fits, row_claim
from parstats.markdown import Paragraph
from parstats.numbers import parse_count

__all__ = ["RATIO_ROW_LABEL_RE", "WEAK_CHANGE_COLUMN", "WEAK_DIFFERENCE_COLUMN", "flattened_change_claims",
           "flattened_difference_claims", "flattened_ratio_claims"]

#: a row: a label of words (the first capitalised), then at least two numbers or percentages
_ROW_RE = re.compile(
    r"(?P<label>[A-ZĐ][^\W\d_]*(?: [^\W\d_/()]+){0,7}) (?P<vals>-?[0-9]+(?:[.,][0-9]+)?%?(?: -?[0-9]+(?:[.,][0-9]+)?%?)+)"
    r"(?= [A-ZĐ]|\s*$|[.;])")
_VAL_RE = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?%?")
#: the label of a row of ratios
RATIO_ROW_LABEL_RE = re.compile(r"(?i)^(?:biên|t[ỷỉ] suất|t[ỷỉ] lệ)\b")


def _value(text: str) -> tuple[int, int] | None:
    """``382.17`` or ``131,4`` as (units of its last digit, decimals); ``None`` for a point before
    three digits (a thousands point or not: not said)."""
    raw = text.rstrip("%").lstrip("-")
    if len(raw.replace(",", ".").partition(".")[2]) == 3:
        return None
    return dot_decimal(raw)


def _rows(text: str):
    """``(label, [(start, end, text)] of the row's numbers)`` of each row in the paragraph."""
    out = []
    for m in _ROW_RE.finditer(text):
        vals = [(m.start("vals") + v.start(), m.start("vals") + v.end(), v.group(0))
                for v in _VAL_RE.finditer(m.group("vals"))]
        out.append((m.group("label"), m.start(), vals))
    return out


def _match(pcts, a, b) -> list[tuple[int, int]]:
    """``(index in pcts, column)`` of the percentages that meet ``a[k]/b[k]`` in order, passing
    over at most two percentages between two that do (a change of the ratio, a cell that fits
    no column)."""
    got, j = [], 0
    for k in range(len(a)):
        for jj in (j, j + 1, j + 2):
            if jj < len(pcts) and pcts[jj][1] is not None and ratio_fits(a[k], b[k], pcts[jj][1]):
                got.append((jj, k))
                j = jj + 1
                break
    return got


def flattened_ratio_claims(ctxs, out: list) -> None:
    """The ``flattened-ratio-row`` claims of the paragraphs (their
    :class:`parstats.audit.tokens.ParagraphContext` objects) that hold a row named as a ratio;
    the percentages read are marked used (no other claim is made of them)."""
    for ctx in ctxs:
        if ctx.p.kind == "body" and "%" in ctx.text and ("iên " in ctx.text or "suất " in ctx.text or " lệ " in ctx.text):
            before = len(out)
            _paragraph(ctx.p, ctx.pidx, out)
            spans = [(c["order"][1], c["order"][1] + len(c["reported"])) for c in out[before:]]
            for t in ctx.toks:
                if t.role == "pct" and any(a <= t.s < b for a, b in spans):
                    t.used = True


def _paragraph(p: Paragraph, pidx: int, out: list) -> None:
    rows = _rows(p.text)
    if len(rows) < 3:
        return
    amounts = []
    for label, s, vals in rows:
        nums = [(v, _value(v[2])) for v in vals if not v[2].endswith("%")]
        if len(nums) >= 2 and all(x is not None for _, x in nums):
            amounts.append((label, s, nums))
    for label, s, vals in rows:
        if not RATIO_ROW_LABEL_RE.match(label) or not all(v[2].endswith("%") for v in vals):
            continue
        pcts = [(v, _value(v[2])) for v in vals]
        best, best_fit = None, []
        for la, sa, a in amounts:
            for lb, sb, b in amounts:
                if la == lb or len(a) != len(b):
                    continue
                fit = _match(pcts, [x for _, x in a], [x for _, x in b])
                if len(fit) > len(best_fit):
                    best, best_fit = (la, sa, a, lb, sb, b), fit
        if best is None or len(best_fit) < 2 or len(best_fit) < len(best[2]) - 1:
            continue
        la, sa, a, lb, sb, b = best
        for jj, k in best_fit:
            (ps, pe, ptext), _ = pcts[jj]
            (_, _, xt), x = a[k]
            (_, _, yt), y = b[k]
            dec = max(x[1], y[1])
            qs = min(sa, sb)
            out.append(_claim(p, pidx, ps, pe, qs, ptext, x[0] * 10 ** (dec - x[1]), y[0] * 10 ** (dec - y[1]),
                              xt, yt, f"the row '{label}' as the row '{la}' over the row '{lb}', column {k + 1} "
                                      f"({len(best_fit)} of {len(a)} columns fit)"))


def _claim(p: Paragraph, pidx: int, s: int, e: int, qs: int, reported: str, x: int, y: int, xt: str, yt: str,
           source: str) -> ProvisionalClaim:
    # the quote ends at the share, from the rows' start, or its last 200 characters
    return row_claim(p, pidx, "ratio", total=y, numerator=x, reported=reported, source=source,
                     detail={"rule": "flattened-ratio-row", "x_text": xt, "y_text": yt},
                     quote=p.text[max(qs, e - 200):e], pos=s)


# ------------------------------------------------------------------ plain-text change columns
WEAK_CHANGE_COLUMN = "two amounts and a percentage in a row may not be a change between the two"
_AMOUNT = r"[0-9]+(?:[.,][0-9]+)?"
#: (the first amount starts with a digit, the character before it checked from there: the engine
#: looks for a digit instead of trying every position)
_TRIPLE_RE = re.compile(
    r"(?P<a>[0-9](?<![\w.,%/-][0-9])[0-9]*(?:[.,][0-9]+)?) (?P<b>" + _AMOUNT + r") "
    r"(?P<c>-?[0-9]+(?:[.,][0-9]+)?)%(?![\w])")


def _change_fits(a, b, c) -> tuple[bool, bool]:
    """Whether (a - b)/b rounds to the reported percentage c, exactly and within the rounding
    of a and b. a, b, c are (units, decimals), c signed."""
    (au, ad), (bu, bd), (cu, cd) = a, b, c
    A, B = Decimal(au).scaleb(-ad), Decimal(bu).scaleb(-bd)
    if B <= 0 or A < 0:
        return False, False
    q = Decimal(1).scaleb(-cd)
    C = Decimal(cu).scaleb(-cd)
    exact = ((A - B) / B * 100).quantize(q, rounding=ROUND_HALF_UP) == C
    ha, hb = Decimal(5).scaleb(-ad - 1), Decimal(5).scaleb(-bd - 1)
    lo = ((A - ha) - (B + hb)) / (B + hb) * 100
    hi = ((A + ha) - (B - hb)) / (B - hb) * 100 if B - hb > 0 else Decimal("Infinity")
    return exact, lo - q / 2 <= C <= hi + q / 2


def flattened_change_claims(p: Paragraph, pidx: int, out: list) -> None:
    """The ``table-change-column`` claims of paragraph ``p`` (index ``pidx``): each triple of two
    amounts and a percentage in a run of at least two, read as the change from the second amount
    to the first."""
    text = p.text
    if "%" not in text:
        return
    triples = []
    for m in _TRIPLE_RE.finditer(text):
        a_s, b_s, c_s = m.group("a"), m.group("b"), m.group("c")
        # a label or another triple before: a row of a flattened table, not a sentence
        before = text[max(0, m.start() - 2):m.start()]
        if not (before.endswith(" ") or m.start() == 0):
            continue
        if re.search(r"[.,][0-9]{3}$", a_s) or re.search(r"[.,][0-9]{3}$", b_s):
            continue  # "1.234" is a thousand or a decimal: not said
        a, b = dot_decimal(a_s), dot_decimal(b_s)
        neg = c_s.startswith("-")
        c = dot_decimal(c_s.lstrip("-"))
        c = (-c[0] if neg else c[0], c[1])
        triples.append((m, a, b, c, _change_fits(a, b, c)))
    if len(triples) < 2:
        return
    good = sum(1 for t in triples if t[4][1])
    for m, a, b, c, (exact, near) in triples:
        corroborated = good - (1 if near else 0) >= 2 and good * 2 > len(triples)
        if not corroborated and not near:
            continue  # not read as a change column: no claim
        dec = max(a[1], b[1])
        A, B = a[0] * 10 ** (dec - a[1]), b[0] * 10 ** (dec - b[1])
        reported = m.group("c").lstrip("-") + "%"
        detail = {"rule": "table-change-column", "unit": "table", "new": A, "old": B, "old_text": m.group("b"),
                  "new_text": m.group("a"), "direction": "giảm" if A < B else "tăng", "scale": 10 ** dec}
        if near:
            detail["rounded_amounts"] = True
            x = abs(A - B)
            if not exact:
                detail["weak"] = "within the rounding of the two amounts"
        else:
            x = abs(A - B)
        if (A < B) != (c[0] < 0) and c[0] != 0:
            detail["weak"] = "the sign of the percentage and of the change disagree"
            if not near:
                continue
        out.append(row_claim(p, pidx, "change", total=B, numerator=x, reported=reported,
                             source=(f"a row of a flattened table: {m.group('a')} against {m.group('b')} "
                                     f"({good} of {len(triples)} such triples of the run fit)"),
                             detail=detail, quote=text[max(0, m.start() - 30):m.end()], pos=m.start()))


#: a row of two amounts and their signed difference: "Xăng RON 92 23.880 24.084 - 204"
_DIFF_ROW_RE = re.compile(
    r"(?P<label>[A-ZĐ][^\W\d_]*(?: [^\W\d_/()]+| [0-9]{1,3}(?= [^\W\d_]| [0-9]))*?) (?P<a>[1-9][0-9]{0,2}(?:\.[0-9]{3})+) "
    r"(?P<b>[1-9][0-9]{0,2}(?:\.[0-9]{3})+) (?P<sign>[-+–−])? ?(?P<c>[0-9]{1,3}(?:\.[0-9]{3})*)(?![0-9.,%])")
WEAK_DIFFERENCE_COLUMN = "a flattened row's third number may be another column than the difference"


def flattened_difference_claims(p: Paragraph, pidx: int, out: list) -> None:
    """The ``table-difference-column`` claims of paragraph ``p`` (index ``pidx``): rows of two
    amounts and their signed difference after a head naming a difference, at least three."""
    text = p.text
    cue = text.find("chênh lệch")
    if cue < 0:
        return
    rows = []
    for m in _DIFF_ROW_RE.finditer(text, cue):
        a, b = (parse_count(m.group(g)) for g in ("a", "b"))
        c = parse_count(m.group("c")) * (-1 if m.group("sign") in ("-", "–", "−") else 1)
        rows.append((m, a, b, c))
    if len(rows) < 3:
        return
    first = sum(1 for _, a, b, c in rows if a - b == c)
    second = sum(1 for _, a, b, c in rows if b - a == c)
    sign = 1 if first >= second else -1  # the difference is sign x (first - second)
    fitting = max(first, second)
    for m, a, b, c in rows:
        d = sign * (a - b)
        lo, hi = min(a, b), max(a, b)
        detail = {"rule": "table-difference-column", "amount_change": True, "old_text": m.group("a" if sign > 0 else "b"),
                  "new_text": m.group("b" if sign > 0 else "a"), "amount_text": m.group(0)[m.start("c") - m.start():].strip()}
        if d != c and fitting - (d == c) < 2:
            detail["weak"] = WEAK_DIFFERENCE_COLUMN
        out.append(row_claim(p, pidx, "sum", total=hi, parts=(lo, abs(c) if d * c >= 0 else -abs(c)),
                             reported=text[m.start("sign") if m.group("sign") else m.start("c"):m.end("c")],
                             source=(f"the row '{m.group('label')}' of the flattened table after 'chênh lệch': "
                                     f"{m.group('a')} and {m.group('b')}, their difference"),
                             detail=detail, quote=m.group(0), pos=m.start("a")))
