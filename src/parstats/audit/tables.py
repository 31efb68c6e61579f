"""Tables: total rows against their parts, change columns against their two period columns.

Rules (each named in ``detail["rule"]``):

``table-total-row``
    A Markdown table row whose label says it is a total (``Tổng``, ``Tổng số``, ``Tổng cộng``,
    ``Cộng``, ``Toàn …``, a ``Cơ cấu … (%)`` row of 100) and the rows it sums: the rows right
    after it whose labels are marked as sub-items (``- …``, ``+ …``), else the rows before it
    (a total at the foot of its table). Each numeric column is a sum claim: the total equals
    the sum of its parts within the rounding of the parts (half a unit of each part's last
    digit). A column that does not add up is flagged only when another column of the same rows
    adds up exactly (the rows are the parts beyond doubt); otherwise it is ``unverifiable``.
``table-change-column``
    A plain-text table flattened into a run of numbers after a label, ``Doanh thu thuần 4602.7
    4275.08 8%``: two amounts then a signed percentage, the change from the second to the
    first. Checked allowing for the rounding of the amounts. When at least two other triples of
    the same run fit, the reading is corroborated and a triple that fits in no rounding is
    flagged; otherwise it is ``unverifiable``.

Both read each table or paragraph once, left to right: linear in its length.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from parstats.audit.model import ProvisionalClaim
from parstats.markdown import Paragraph
from parstats.ratios import percent_units

WEAK_TABLE = "the rows under the total may not be all of its parts (the table does not say so)"
WEAK_CHANGE_COLUMN = "two amounts and a percentage in a row may not be a change between the two"

_TOTAL_LABEL_RE = re.compile(r"(?i)^\s*(?:\*\*)?(?:tổng số|tổng cộng|tổng|cộng|toàn (?:tỉnh|huyện|quốc|vùng|thành phố|xã|ngành)|cả nước|chung)\b")
_SHARE_TOTAL_LABEL_RE = re.compile(r"(?i)^\s*(?:\*\*)?cơ cấu\b.*%")
#: words one of which a total row's label holds (a quick test before the table is read)
_TOTAL_WORDS = ("ổng", "ộng", "ả nước", "oàn", "hung", "ơ cấu")
_SUB_LABEL_RE = re.compile(r"^\s*[-+*•–]\s")
#: a cell that starts like a sub-item ("| - Cao su |"): a table that may hold rows under a row
_SUB_CELL_RE = re.compile(r"(?m)(?:^|\|)\s*[-+•–]\s")
_CELL_NUM_RE = re.compile(
    r"^\s*(?:\*\*)?(?P<n>[0-9]{1,3}(?:[. \u00a0][0-9]{3})*(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?)(?:\*\*)?\s*$")
_SEPARATOR_RE = re.compile(r"^\|?\s*:?-{2,}")
#: a column of rates, which rows do not add: "Tỷ lệ (%)", "So sánh (%)"
_RATE_HEADER_RE = re.compile(r"(?i)t[ỷỉ] lệ|so sánh")


#: a wiki's edit link glued before a table's first row: "[sửa | sửa mã nguồn]| Năm | Số dân |"
_EDIT_LINK_RE = re.compile(r"^\s*\[[^\]|]*\|[^\]]*\]\s*(?=\|)")


def _bare(paras: list[Paragraph], block: list[int]) -> bool:
    """Whether a table is written without outer pipes (``Năm | 2010``): then a row that starts
    with a pipe (``| - Cao su | 441,4``) has an empty first cell."""
    return not _EDIT_LINK_RE.sub("", paras[block[0]].text).lstrip().startswith("|")


def _cells(text: str, bare: bool = False) -> list[str]:
    t = (_EDIT_LINK_RE.sub("", text) if text.startswith("[") else text).strip()
    if t.startswith("|") and not bare:
        t = t[1:]
    if t.endswith("|"):
        t = t[:-1]
    return t.split("|")


def _vi_number(s: str) -> tuple[int, int] | None:
    """A cell as written in Vietnamese (``1.234,5``) as (units of its last digit, decimals)."""
    m = _CELL_NUM_RE.match(s)
    if not m:
        return None
    n = m.group("n")
    whole, _, frac = n.partition(",")
    return int(re.sub(r"[. \u00a0]", "", whole) + frac), len(frac)


def _claim(p: Paragraph, pidx: int, kind: str, *, total=None, parts=None, numerator=None, reported: str,
           source: str, detail: dict, quote: str, pos: int = 0) -> ProvisionalClaim:
    return {"kind": kind, "line": p.line_at(pos), "quote": quote[:200], "numerator": numerator,
            "denominator": total, "parts": tuple(parts) if parts is not None else None, "reported": reported,
            "denominator_source": source, "target": None, "detail": detail, "order": (pidx, pos)}


def _table_blocks(paras: list[Paragraph]) -> list[list[int]]:
    """Runs of consecutive table paragraphs (one per row), as paragraph indices."""
    blocks, cur = [], []
    for i in [i for i, p in enumerate(paras) if p.kind == "table"]:
        # a row after another paragraph, or not on the line after the row before, starts a block
        if cur and (i != cur[-1] + 1 or paras[cur[-1]].lines[-1] + 1 != paras[i].lines[0]):
            blocks.append(cur)
            cur = []
        cur.append(i)
    if cur:
        blocks.append(cur)
    return blocks


def _header_split(paras: list[Paragraph], block: list[int]) -> tuple[list[int], list[int]]:
    """``(header rows, body rows)`` of a table block: the rows above its separator line ("|---|"),
    or, in a table written without one (text converted from print), the rows before the first
    that holds a number after its label."""
    sep = next((k for k, i in enumerate(block) if _SEPARATOR_RE.match(paras[i].text)), None)
    if sep is None:
        sep = next((k for k, i in enumerate(block) if _vi_number_row(_cells(paras[i].text)) is not None), 0)
        return block[:sep], block[sep:]
    return block[:sep], [i for i in block[sep + 1:] if not _SEPARATOR_RE.match(paras[i].text)]


def _total_rows(paras: list[Paragraph], block: list[int], out: list) -> None:
    # the rows above the separator line ("|---|") are the header
    head, body = _header_split(paras, block)
    bare = _bare(paras, block)
    rows = [(i, _cells(paras[i].text, bare)) for i in body]
    if len(rows) < 3:
        return
    # the width most rows have (a first row "Chỉ số | |" loses its empty last cell)
    widths = Counter(len(c) for _, c in rows)
    width = max(widths, key=lambda w: (widths[w], w))
    last_i, last = rows[-1]
    if last and _TOTAL_LABEL_RE.match(last[0]) and _filled(last) < max(_filled(c) for _, c in rows[:-1]):
        # "| Toàn vùng | 23.939,35 | 25.568.734 |" under "| 1 | Hà Nội | Hoàn Kiếm | 3.359,82 | …":
        # a last total row whose label spans the first columns (fewer cells filled than the rows
        # above, whether its missing cells are left out or left empty); the rows above with a
        # number, the header's too (a Word table may hold its first row there)
        data = [(i, _cells(paras[i].text, bare)) for i in head + body[:-1]]
        _aligned_total(paras, (last_i, last[:_filled(last)]), [(i, c) for i, c in data if len(c) == width], out)
        rows = rows[:-1]
    rows = [(i, c) for i, c in rows if len(c) == width]
    for r, (pi, cells) in enumerate(rows):
        label = _row_label(cells)
        is_share = bool(_SHARE_TOTAL_LABEL_RE.match(label))
        is_total = bool(_TOTAL_LABEL_RE.match(label) or is_share)
        after = []
        for pj, c in rows[r + 1:]:
            if not _SUB_LABEL_RE.match(_row_label(c)):
                break
            after.append((pj, c))
        if not is_total and (len(after) < 2 or _SUB_LABEL_RE.match(label)):
            continue
        rule = "table-total-row" if is_total else "table-subitem-rows"
        if len(after) >= 2:
            parts_rows, where = after, "the rows marked '-' under it"
        elif r >= 2 and not _SUB_LABEL_RE.match(label) and r == len(rows) - 1 and not is_share:
            parts_rows, where = rows[:r], "the rows above it"
        elif r == 0 and len(rows) >= 3 and not is_share:
            parts_rows, where = rows[1:], "the rows under it"
        else:
            continue
        fits: list[tuple] = []
        header = [_cells(paras[i].text, bare) for i in head]
        for col in range(1, width):
            if _RATE_HEADER_RE.search(" ".join(h[col] for h in header if col < len(h))):
                continue  # rates of the rows do not add up to the total's rate
            t = _vi_number(cells[col])
            vals = [_vi_number(c[col]) for _, c in parts_rows]
            if t is None or any(v is None for v in vals):
                continue
            dec = max([t[1]] + [v[1] for v in vals])
            scale = lambda v: v[0] * 10 ** (dec - v[1])  # noqa: E731
            parts = [scale(v) for v in vals]
            total = scale(t)
            slack = sum(5 * 10 ** (dec - v[1] - 1) for v in vals) if dec > 0 or any(v[1] for v in vals) else 0
            fits.append((col, total, parts, slack, dec, sum(parts) == total))
        exact = sum(1 for f in fits if f[5])
        if not any(abs(sum(parts) - total) <= slack for _, total, parts, slack, _, _ in fits):
            continue  # no column adds up: the columns may not line up (merged cells, a lost header)
        for col, total, parts, slack, dec, ok in fits:
            strong = exact >= 1 and not ok and slack == 0
            detail = {"rule": rule, "unit": "table", "slack": slack}
            if dec:
                detail["scale"] = 10 ** dec
            if not strong:
                detail["weak"] = WEAK_TABLE
            else:
                detail["exhaustive"] = True
            p = paras[pi]
            out.append(_claim(p, pi, "sum", total=total, parts=parts, reported=cells[col].strip(" *"),
                              source=f"the {'total ' if is_total else ''}row '{label.strip()}' and {where} (column {col + 1})",
                              detail=detail, quote=p.text, pos=min(len(p.text) - 1, p.text.find(cells[col]))))


#: a first column of row numbers ("1", "II", "a)") before the label
_ROW_NUMBER_RE = re.compile(r"^\s*(?:[0-9]{1,3}|[IVX]{1,5}|[a-zđ])?[.)]?\s*$")


def _row_label(cells: list[str]) -> str:
    """The label of a row: its first cell, or its second when the first holds only the row's
    number (``| 1 | Cây công nghiệp lâu năm | …``, ``| | - Cao su | …``)."""
    if len(cells) > 2 and _ROW_NUMBER_RE.match(cells[0]) and not _CELL_NUM_RE.match(cells[1]) and cells[1].strip():
        return cells[1]
    return cells[0]


def _filled(cells: list[str]) -> int:
    """The number of cells up to the last one that is not empty."""
    n = len(cells)
    while n and not cells[n - 1].strip():
        n -= 1
    return n


def _aligned_total(paras: list[Paragraph], total_row, data_rows, out: list) -> None:
    """A total row of another width than the rows above it (rule ``table-total-row``): each of
    its numbers is the sum of the column that adds up to it exactly; a number left between two
    that fit (or in line with them) is checked against the column in its place, flagged only when
    two others of the row fit (the columns then line up beyond doubt)."""
    pi, cells = total_row
    data_rows = [(i, c) for i, c in data_rows if _vi_number_row(c) is not None]  # not a header row
    if len(data_rows) < 2:
        return
    width = len(data_rows[0][1])
    cols: dict[int, tuple[list[tuple[int, int]], int]] = {}
    for col in range(width):
        vals = [_vi_number(c[col]) for _, c in data_rows]
        if any(v is None for v in vals):
            continue
        cols[col] = (vals, max(v[1] for v in vals))
    totals = [(k, _vi_number(c)) for k, c in enumerate(cells[1:], start=1)]
    totals = [(k, t) for k, t in totals if t is not None]
    if len(totals) < 2 or len(cols) < 2:
        return

    def column_sum(col: int, dec: int) -> int:
        vals, _ = cols[col]
        return sum(v[0] * 10 ** (dec - v[1]) for v in vals)

    place: dict[int, int] = {}  # total cell -> the column that adds up to it exactly
    for k, t in totals:
        for col in sorted(cols):
            dec = max(t[1], cols[col][1])
            if t[1] == cols[col][1] and column_sum(col, dec) == t[0] * 10 ** (dec - t[1]) and col not in place.values():
                place[k] = col
                break
    if len(place) < 1:
        return
    offsets = {col - k for k, col in place.items()}
    ordered = all(a < b for a, b in zip([place[k] for k in sorted(place)], [place[k] for k in sorted(place)][1:]))
    p = paras[pi]
    label = cells[0].strip()
    for k, t in totals:
        col = place.get(k)
        exact = col is not None
        if col is None:
            if len(offsets) != 1 or not ordered:
                continue
            col = k + next(iter(offsets))
            if col not in cols:
                continue
        dec = max(t[1], cols[col][1])
        vals = cols[col][0]
        parts = [v[0] * 10 ** (dec - v[1]) for v in vals]
        if not exact and t[0] * 10 ** (dec - t[1]) < max(parts):
            continue  # smaller than one of its rows: a rate or an average ("Mật độ"), not a sum
        detail = {"rule": "table-total-row", "unit": "table", "slack": 0}
        if dec:
            detail["scale"] = 10 ** dec
        if not exact and not (len(place) >= 2 and t[1] == cols[col][1]):
            detail["weak"] = WEAK_TABLE
        else:
            detail["exhaustive"] = True
        out.append(_claim(p, pi, "sum", total=t[0] * 10 ** (dec - t[1]), parts=parts, reported=cells[k].strip(" *"),
                          source=f"the total row '{label}' and the rows above it (column {col + 1})",
                          detail=detail, quote=p.text, pos=min(len(p.text) - 1, p.text.find(cells[k]))))


def _vi_number_row(cells: list[str]):
    """None when the row holds no number after its label (a header)."""
    return next((v for v in (_vi_number(c) for c in cells[1:]) if v is not None), None)


# ------------------------------------------------------------------ plain-text change columns
_AMOUNT = r"[0-9]+(?:[.,][0-9]+)?"
#: (the first amount starts with a digit, the character before it checked from there: the engine
#: looks for a digit instead of trying every position)
_TRIPLE_RE = re.compile(
    r"(?P<a>[0-9](?<![\w.,%/-][0-9])[0-9]*(?:[.,][0-9]+)?) (?P<b>" + _AMOUNT + r") "
    r"(?P<c>-?[0-9]+(?:[.,][0-9]+)?)%(?![\w])")


def _dot_decimal(s: str) -> tuple[int, int]:
    """``4602.7`` or ``4602,7`` as (units, decimals): one separator, a decimal one."""
    whole, _, frac = s.replace(",", ".").partition(".")
    return int(whole + frac), len(frac)


def _fits(a, b, c) -> tuple[bool, bool]:
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


def _change_columns(p: Paragraph, pidx: int, out: list) -> None:
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
        a, b = _dot_decimal(a_s), _dot_decimal(b_s)
        neg = c_s.startswith("-")
        c = _dot_decimal(c_s.lstrip("-"))
        c = (-c[0] if neg else c[0], c[1])
        triples.append((m, a, b, c, _fits(a, b, c)))
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
        out.append(_claim(p, pidx, "change", total=B, numerator=x, reported=reported,
                          source=(f"a row of a flattened table: {m.group('a')} against {m.group('b')} "
                                  f"({good} of {len(triples)} such triples of the run fit)"),
                          detail=detail, quote=text[max(0, m.start() - 30):m.end()], pos=m.start()))


# ------------------------------------------------------------------ ratio columns
#: a column header that says its cells are a percentage or a ratio of other cells of the row
_RATIO_HEADER_RE = re.compile(r"(?i)t[ỷỉ] lệ|so sánh|t[ỷỉ] trọng|\(%\)|%|=\s*\(?[0-9]\)?\s*/")
#: fewest rows that must fit one pair of columns before a row that does not fit is flagged
RATIO_COLUMN_CORROBORATION = 3
WEAK_RATIO_COLUMN = "the other rows do not show that this column is the ratio of those two columns"


def _ratio_fits(a: tuple[int, int], b: tuple[int, int], c: tuple[int, int]) -> bool:
    """Whether a/b x 100, rounded half-up at c's precision, is c (each (units, decimals))."""
    (au, ad), (bu, bd), (cu, cd) = a, b, c
    return bu > 0 and percent_units(au * 10 ** bd, bu * 10 ** ad, cd) == cu


def _header_and_rows(paras: list[Paragraph], block: list[int]):
    """``(header rows' cells, [(paragraph, cells)] of the body rows of the usual width, width)``
    of a table with a header above its separator line, or ``None`` (no header, or under two rows)."""
    head, body = _header_split(paras, block)
    if not head:
        return None
    bare = _bare(paras, block)
    header = [_cells(paras[i].text, bare) for i in head]
    rows = [(i, _cells(paras[i].text, bare)) for i in body]
    if len(rows) < 2:
        return None
    width = max(len(c) for _, c in rows)
    return header, [(i, c) for i, c in rows if len(c) == width], width


def _ratio_columns(paras: list[Paragraph], block: list[int], out: list) -> None:
    """``| Xã | Số hồ sơ | Đúng hạn | Tỷ lệ (%) |``: a column whose header says it is a percentage
    (``Tỷ lệ``, ``So sánh``, ``Tỷ trọng``, ``(%)``, ``(4)=(3)/(2)``) and whose cells are, in most
    rows, one column of the row over another, times 100 (rule ``table-ratio-column``). The pair
    of columns is the one most rows fit (at least two, and more than half of the rows with the
    three cells); every row is then a ratio claim: ``consistent`` when it fits, ``inconsistent``
    when at least :data:`RATIO_COLUMN_CORROBORATION` other rows fit and three in four rows do,
    otherwise ``unverifiable``."""
    got = _header_and_rows(paras, block)
    if got is None:
        return
    header, rows, width = got
    values = [[_vi_number(x) for x in c] for _, c in rows]
    for col in range(1, width):
        head = " ".join(h[col] for h in header if col < len(h))
        if not _RATIO_HEADER_RE.search(head):
            continue
        best, best_fit = None, 0
        for a in range(1, width):
            for b in range(1, width):
                if len({a, b, col}) < 3:
                    continue
                fit = sum(1 for v in values if v[a] and v[b] and v[col] and _ratio_fits(v[a], v[b], v[col]))
                if fit > best_fit:
                    best, best_fit = (a, b), fit
        if best is None:
            continue
        a, b = best
        usable = [(k, v) for k, v in enumerate(values) if v[a] and v[b] and v[col] and v[b][0] > 0]
        if best_fit < 2 or best_fit * 2 <= len(usable):
            continue
        for k, v in usable:
            pi, cells = rows[k]
            ok = _ratio_fits(v[a], v[b], v[col])
            others = best_fit - (1 if ok else 0)
            dec = max(v[a][1], v[b][1])
            x, y = v[a][0] * 10 ** (dec - v[a][1]), v[b][0] * 10 ** (dec - v[b][1])
            detail = {"rule": "table-ratio-column", "unit": "table"}
            if dec:
                detail.update(x_text=cells[a].strip(" *"), y_text=cells[b].strip(" *"))
            if not ok and not (others >= RATIO_COLUMN_CORROBORATION and best_fit * 4 >= 3 * len(usable)):
                detail["weak"] = WEAK_RATIO_COLUMN
            p = paras[pi]
            reported = cells[col].strip(" *") + "%"
            out.append(_claim(p, pi, "ratio", total=y, numerator=x, reported=reported,
                              source=(f"the column '{head.strip()}' as column {a + 1} over column {b + 1} "
                                      f"({best_fit} of {len(usable)} rows fit)"),
                              detail=detail, quote=p.text, pos=max(0, p.text.find(cells[col]))))


# ------------------------------------------------------------------ change rows
#: a cell of signed percentages, as a column "±%" writes it: "+1.4%", "−8,2 %"
_SIGNED_PCT_RE = re.compile(r"^\s*(?P<sign>[+\u2212\u2013-])?\s*(?P<n>[0-9]+(?:[.,][0-9]+)?)\s*%\s*$")
WEAK_CHANGE_ROWS = "the other rows do not show that this column is the change from the row before"


def _change_rows(paras: list[Paragraph], block: list[int], out: list) -> None:
    """``| Năm | Số dân | ±% |`` then ``| 2016 | 3.105.500 | +1.4% |`` (rule ``table-change-rows``):
    a column of percentages (its header holds "%") whose cells are, in most rows, the change of
    another column from the row before. The column is the one most rows fit (at least two, and
    more than half of the rows with both values); every row is then a change claim:
    ``consistent`` when it fits, ``inconsistent`` when at least
    :data:`RATIO_COLUMN_CORROBORATION` other rows fit and three in four rows do, otherwise
    ``unverifiable``. A percentage whose sign disagrees with the change is flagged in a column so
    corroborated, and left out otherwise."""
    got = _header_and_rows(paras, block)
    if got is None:
        return
    header, rows, width = got
    for col in range(1, width):
        if "%" not in " ".join(h[col] for h in header if col < len(h)):
            continue
        pcts = [_SIGNED_PCT_RE.match(c[col]) for _, c in rows]
        if sum(1 for m in pcts if m) < 3:
            continue
        best, best_fit, best_rows = None, 0, []
        for vcol in range(1, width):
            if vcol == col:
                continue
            vals = [_vi_number(c[vcol]) for _, c in rows]
            cand = []
            for k in range(1, len(rows)):
                m, old, new = pcts[k], vals[k - 1], vals[k]
                if not (m and old and new and old[0] > 0):
                    continue
                dec = max(old[1], new[1])
                o, n = old[0] * 10 ** (dec - old[1]), new[0] * 10 ** (dec - new[1])
                d = len(m.group("n").replace(",", ".").partition(".")[2])
                r = int(m.group("n").replace(",", "").replace(".", ""))
                fits = percent_units(abs(n - o), o, d) == r
                sign_ok = m.group("sign") is None or (m.group("sign") == "+") == (n >= o) or n == o
                cand.append((k, o, n, dec, m, fits and sign_ok, sign_ok))
            fit = sum(1 for x in cand if x[5])
            if fit > best_fit:
                best, best_fit, best_rows = vcol, fit, cand
        if best is None or best_fit < 2 or best_fit * 2 <= len(best_rows):
            continue
        for k, o, n, dec, m, ok, sign_ok in best_rows:
            pi, cells = rows[k]
            detail = {"rule": "table-change-rows", "unit": "table", "new": n, "old": o,
                      "written": cells[col].strip(),  # "+1.4%": reported in Vietnamese notation
                      "old_text": rows[k - 1][1][best].strip(" *"), "new_text": cells[best].strip(" *"),
                      "direction": "giảm" if n < o else "tăng"}
            if dec:
                detail["scale"] = 10 ** dec
            others = best_fit - (1 if ok else 0)
            corroborated = others >= RATIO_COLUMN_CORROBORATION and best_fit * 4 >= 3 * len(best_rows)
            if not sign_ok:
                if not corroborated:
                    continue  # a sign against the change, in a column not shown to be changes
                detail.update(contradiction=cells[col].strip(), sign=True)
            elif not ok and not corroborated:
                detail["weak"] = WEAK_CHANGE_ROWS
            p = paras[pi]
            head = " ".join(h[col] for h in header if col < len(h)).strip()
            out.append(_claim(p, pi, "change", total=o, numerator=abs(n - o),
                              reported=m.group("n").replace(".", ",") + "%",
                              source=(f"the column '{head}' as the change of column {best + 1} from the row "
                                      f"before ({best_fit} of {len(best_rows)} rows fit)"),
                              detail=detail, quote=p.text, pos=max(0, p.text.find(cells[col]))))


# ------------------------------------------------------------------ total columns
_TOTAL_HEADER_RE = re.compile(r"(?i)^\s*(?:\*\*)?(?:tổng số|tổng cộng|tổng|cộng)\b")
WEAK_TOTAL_COLUMN = "the other rows do not show that these columns are the parts of the total column"


def _total_columns(paras: list[Paragraph], block: list[int], out: list) -> None:
    """``| Đơn vị | Tổng số | Nam | Nữ |``: a column headed ``Tổng số``, ``Tổng cộng``, ``Tổng`` or
    ``Cộng`` and the numeric columns that are its parts in most rows (rule
    ``table-total-column``): the columns right after it, else all the other numeric columns
    (never a rate column, ``Tỷ lệ``, ``%``). Each row is a sum claim: ``consistent`` when its
    parts add up; when they do not, ``inconsistent`` if at least three other rows add up and three
    rows in four do, otherwise ``unverifiable``."""
    got = _header_and_rows(paras, block)
    if got is None:
        return
    header, rows, width = got
    heads = [" ".join(h[c] for h in header if c < len(h)) for c in range(width)]
    values = [[_vi_number(x) for x in c] for _, c in rows]
    numeric = [c for c in range(1, width) if not _RATIO_HEADER_RE.search(heads[c])
               and sum(1 for v in values if v[c]) * 2 > len(values)]
    for col in range(1, width):
        if not _TOTAL_HEADER_RE.match(heads[col]) or col not in numeric:
            continue
        after = []
        for c in range(col + 1, width):
            if c not in numeric:
                break
            after.append(c)
        others = [c for c in numeric if c != col]
        for parts_cols in [after, others] if after != others else [after]:
            if len(parts_cols) < 2:
                continue
            usable = [(k, v) for k, v in enumerate(values) if v[col] and all(v[c] for c in parts_cols)]
            if len(usable) < 2:
                continue

            def fits(v):
                dec = max(v[c][1] for c in [col, *parts_cols])
                sc = [v[c][0] * 10 ** (dec - v[c][1]) for c in parts_cols]
                return sum(sc) == v[col][0] * 10 ** (dec - v[col][1]), sc, dec

            n_fit = sum(1 for _, v in usable if fits(v)[0])
            if n_fit < 2 or n_fit * 2 <= len(usable):
                continue
            for k, v in usable:
                ok, parts, dec = fits(v)
                pi, cells = rows[k]
                detail = {"rule": "table-total-column", "unit": "table"}
                if dec:
                    detail["scale"] = 10 ** dec
                if not ok:
                    if n_fit >= RATIO_COLUMN_CORROBORATION and n_fit * 4 >= 3 * len(usable):
                        detail["exhaustive"] = True
                    else:
                        detail["weak"] = WEAK_TOTAL_COLUMN
                p = paras[pi]
                out.append(_claim(p, pi, "sum", total=v[col][0] * 10 ** (dec - v[col][1]), parts=parts,
                                  reported=cells[col].strip(" *"),
                                  source=(f"the column '{heads[col].strip()}' and columns "
                                          + ", ".join(str(c + 1) for c in parts_cols)
                                          + f" ({n_fit} of {len(usable)} rows add up)"),
                                  detail=detail, quote=p.text, pos=max(0, p.text.find(cells[col]))))
            break


# ------------------------------------------------------------------ structure tables
_STRUCTURE_RE = re.compile(r"(?i)cơ cấu|t[ỷỉ] trọng")
_STRUCTURE_WORDS = ("ơ cấu", "Ơ CẤU", "ỷ trọng", "ỉ trọng")
#: a caption that gives its table another unit than percent: "(Đơn vị: nghìn tỷ đồng)"
_OTHER_UNIT_RE = re.compile(r"(?i)đơn vị(?: tính)?\s*:\s*(?!%)")
WEAK_STRUCTURE = "no other line of the table adds up to 100%: the table may leave out a part"


def _adds_to_100(values) -> bool:
    dec = max(d for _, d in values)
    slack = sum(5 * 10 ** (dec - d - 1) for _, d in values) if dec else 0
    return abs(sum(u * 10 ** (dec - d) for u, d in values) - 100 * 10 ** dec) <= slack


def _structure_windows(grid) -> list[tuple[int, int]]:
    """``| Năm | Tuổi thọ | 0 - 14 tuổi | 15 - 64 tuổi | 65 tuổi trở lên |``: when whole rows do
    not add to 100 but runs of at least two adjacent columns do, each in at least two rows and in
    more than half of them (the columns under one header "Cơ cấu … (%)", or under "Năm 2015" and
    "Năm 2020"), those runs, the one most rows fit first, each clear of the ones before; else
    ``[]`` (whole rows, or whole columns, are read)."""
    width = len(grid[0][1])
    if sum(1 for _, v in grid if _adds_to_100(v)) >= 2:
        return []
    taken: list[tuple[int, int]] = []
    while True:
        best, best_fit = None, 0
        for a in range(width - 1):
            for b in range(a + 2, width + 1):
                if (a, b) == (0, width) or any(a < y and x < b for x, y in taken):
                    continue
                fit = sum(1 for _, v in grid if _adds_to_100(v[a:b]))
                if fit > best_fit:
                    best, best_fit = (a, b), fit
        if best is None or best_fit < 2 or best_fit * 2 <= len(grid):
            return sorted(taken)
        taken.append(best)


#: a cell that says "none" in a statistical table
_NONE_CELL_RE = re.compile(r"^\s*[-–]\s*$")


def _structure_lines(paras: list[Paragraph], block: list[int], out: list) -> None:
    """``Bảng 14.2. Cơ cấu dân số phân theo nhóm tuổi … (Đơn vị: %)`` then ``Năm 2000 | 34,1 |
    59,1 | 4,8`` (rule ``structure-table``): a table whose caption or header says it is a
    structure (``cơ cấu``, ``tỷ trọng``) in percent and that has no total line of 100: each row
    (or each column, whichever the table's lines add up along) is the parts of one whole, which
    add to 100 % within the rounding of the parts; or, when whole rows do not, each run of
    adjacent columns that most rows add up along (:func:`_structure_windows`). A cell "-" is
    read as none. ``consistent`` when a line does; when it does not, ``inconsistent`` if another
    line of the table does (the direction is corroborated) and the line holds no "-" (which may
    stand for a figure not known); when no line does, nothing is said (the table may leave out a
    part)."""
    head, body = _header_split(paras, block)
    if not head:
        return
    first = block[0]
    caption = " ".join(paras[k].text for k in range(max(0, first - 3), first) if paras[k].kind != "table")
    header = " ".join(paras[i].text for i in head)
    if not (_STRUCTURE_RE.search(caption) or _STRUCTURE_RE.search(header)):
        return
    # a structure in percent: "%" in the caption or header, or no unit said and at least two lines
    # adding to 100 (a caption "CƠ CẤU GDP …" over shares whose unit goes without saying)
    min_fits = 1 if "%" in caption + header else 2
    if min_fits == 2 and _OTHER_UNIT_RE.search(caption + " " + header):
        return
    rows = [(i, _cells(paras[i].text, _bare(paras, block))) for i in body]
    cells_of = [(i, [(0, 0) if _NONE_CELL_RE.match(c) else _vi_number(c) for c in cells[1:]],
                 {k for k, c in enumerate(cells[1:]) if _NONE_CELL_RE.match(c)}) for i, cells in rows]
    grid = [(i, v) for i, v, _ in cells_of if len(v) >= 2 and all(v)]
    dashes = {i: d for i, _, d in cells_of}
    if len(grid) < 2 or len({len(v) for _, v in grid}) != 1:
        return
    if any(x[0] == 100 * 10 ** x[1] for _, v in grid for x in v):
        return  # a total of 100 in the table: its total row or column is read (table-total-row)
    windows = _structure_windows(grid)
    width = len(grid[0][1])
    for window in windows or [None]:
        a, b = window or (0, width)
        view = [(i, v[a:b]) for i, v in grid]
        dashed = {i for i, _ in grid if any(a <= k < b for k in dashes[i])}
        _structure_view(paras, view, dashed, window, caption or header, out, min_fits)


def _structure_view(paras: list[Paragraph], grid, dashed: set[int], window, title: str, out: list,
                    min_fits: int = 1) -> None:
    def line(values):
        dec = max(d for _, d in values)
        parts = [u * 10 ** (dec - d) for u, d in values]
        slack = sum(5 * 10 ** (dec - d - 1) for _, d in values) if dec else 0
        return parts, dec, abs(sum(parts) - 100 * 10 ** dec) <= slack, slack

    by_row = [(i, line(v)) for i, v in grid]
    by_col = [(grid[0][0], line([v[c] for _, v in grid])) for c in range(len(grid[0][1]))]
    row_fits = sum(1 for _, (_, _, ok, _) in by_row if ok)
    col_fits = sum(1 for _, (_, _, ok, _) in by_col if ok)
    if max(row_fits, col_fits) < min_fits:
        return
    lines, fits, along = (by_row, row_fits, "row") if row_fits >= col_fits or window else (by_col, col_fits, "column")
    where = along if window is None else f"row's columns {window[0] + 2}-{window[1] + 1}"
    for pi, (parts, dec, ok, slack) in lines:
        detail = {"rule": "structure-table", "unit": "%", "scale": 10 ** dec, "slack": slack, "breakdown": True}
        if not ok and (fits < 1 or (along == "row" and pi in dashed) or (along == "column" and dashed)):
            detail["weak"] = WEAK_STRUCTURE
        elif not ok:
            detail["exhaustive"] = True
        p = paras[pi]
        out.append(_claim(p, pi, "sum", total=100 * 10 ** dec, parts=parts, reported=None,
                          source=(f"a {where} of a structure table in percent ('{title[-60:].strip()}'), "
                                  f"{fits} of its {along}s adding to 100%"),
                          detail=detail, quote=p.text, pos=0))


class TableView:
    """A table as the prose around it cites it: its paragraphs, caption (up to three paragraphs
    before it), header cells (joined per column), the columns' names for evidence (their headers,
    or "column N" where a header row of spans leaves them out of line), body rows as
    ``(paragraph index, label, cells)`` with each cell ``(units of its last digit, decimals)`` or
    ``None``."""

    __slots__ = ("first", "last", "caption", "heads", "names", "rows")

    def __init__(self, first, last, caption, heads, names, rows):
        self.first, self.last, self.caption, self.heads, self.names, self.rows = first, last, caption, heads, names, rows


def table_views(paras: list[Paragraph]) -> list[TableView]:
    """The Markdown tables of a text with a header, as :class:`TableView` objects."""
    out = []
    for block in _table_blocks(paras):
        got = _header_and_rows(paras, block)
        if got is None:
            continue
        header, rows, width = got
        heads = [" ".join(h[c] for h in header if c < len(h)).strip() for c in range(width)]
        names = list(heads)
        if any(len(h) != width for h in header):
            # a header row of spans ("Trong đó" over two columns) may leave the heads out of line
            names = [heads[0]] + [f"column {c + 1}" for c in range(1, width)]
        first = block[0]
        caption = " ".join(paras[k].text for k in range(max(0, first - 3), first) if paras[k].kind != "table")
        body = [(i, _row_label(c).strip(" *"), [None] + [_vi_number(x) for x in c[1:]]) for i, c in rows]
        out.append(TableView(first, block[-1], caption, heads, names, body))
    return out


def table_claims(paras: list[Paragraph]) -> list[dict]:
    """The claims of tables: total rows of Markdown tables, change columns of flattened ones."""
    out: list = []
    for block in _table_blocks(paras):
        rows = "\n".join([paras[i].text for i in block])  # the words below hold no line break
        if any(w in rows for w in _TOTAL_WORDS) or _SUB_CELL_RE.search(rows):
            _total_rows(paras, block, out)
        # a structure table: "cơ cấu", "tỷ trọng" in its rows or its caption
        near = rows + " ".join(paras[k].text for k in range(max(0, block[0] - 3), block[0]))
        if any(w in near for w in _STRUCTURE_WORDS):
            _structure_lines(paras, block, out)
        if "ổng" in rows or "ộng" in rows:
            _total_columns(paras, block, out)
        if "%" in rows:
            _change_rows(paras, block, out)
        if "%" in rows or "ỷ lệ" in rows or "ỉ lệ" in rows or "o sánh" in rows or "ỷ trọng" in rows or "ỉ trọng" in rows:
            _ratio_columns(paras, block, out)
    for i in [i for i, p in enumerate(paras) if "%" in p.text and p.kind in ("body", "table")]:
        _change_columns(paras[i], i, out)
    return out
