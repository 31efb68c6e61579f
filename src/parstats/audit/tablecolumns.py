"""Columns of Markdown tables that are computed from other columns, and structure tables.

Rules (each named in ``detail["rule"]``):

``table-ratio-column``
    ``| Xã | Số hồ sơ | Đúng hạn | Tỷ lệ (%) |``: a column whose header says it is a percentage,
    and whose cells are, in most rows, one column of the row over another (:func:`ratio_columns`).
``table-change-rows``
    ``| Năm | Số dân | ±% |``: a column of percentages that are, in most rows, the change of
    another column from the row before (:func:`change_rows`).
``table-total-column``
    ``| Đơn vị | Tổng số | Nam | Nữ |``: a column headed ``Tổng số`` … and the columns that
    are its parts in most rows (:func:`total_columns`).
``structure-table``
    a table whose caption or header says it is a structure (``cơ cấu``, ``tỷ trọng``) in
    percent: each row, or each column, adds to 100 % (:func:`structure_lines`).

A row that does not fit is flagged only when other rows of the table fit (the columns are what
their headers say beyond doubt): at least :data:`RATIO_COLUMN_CORROBORATION` of them for a
computed column, one other line for a structure table; otherwise it is ``unverifiable``. The
tables are read by :mod:`parstats.audit.tablecells`; :func:`parstats.audit.tables.table_claims`
runs these rules.

Each rule reads a table's rows once for each column (or pair of columns) it tries: linear in the
number of rows.
"""
from __future__ import annotations

import re

from parstats.audit.tablecells import (bare_table, cell_number, dot_decimal, header_and_rows, header_split, ratio_fits,
                                       row_cells, row_claim)
from parstats.markdown import Paragraph
from parstats.ratios import percent_units

__all__ = ["RATIO_COLUMN_CORROBORATION", "WEAK_CHANGE_ROWS", "WEAK_RATIO_COLUMN", "WEAK_STRUCTURE", "WEAK_TOTAL_COLUMN",
           "change_rows", "ratio_columns", "structure_groups", "structure_lines", "total_columns"]


# ------------------------------------------------------------------ ratio columns
#: a column header that says its cells are a percentage or a ratio of other cells of the row
_RATIO_HEADER_RE = re.compile(r"(?i)t[ỷỉ] lệ|so sánh|t[ỷỉ] trọng|\(%\)|%|=\s*\(?[0-9]\)?\s*/")
#: fewest rows that must fit one pair of columns before a row that does not fit is flagged
RATIO_COLUMN_CORROBORATION = 3
WEAK_RATIO_COLUMN = "the other rows do not show that this column is the ratio of those two columns"


def ratio_columns(paras: list[Paragraph], block: list[int], out: list) -> None:
    """``| Xã | Số hồ sơ | Đúng hạn | Tỷ lệ (%) |``: a column whose header says it is a percentage
    (``Tỷ lệ``, ``So sánh``, ``Tỷ trọng``, ``(%)``, ``(4)=(3)/(2)``) and whose cells are, in most
    rows, one column of the row over another, times 100 (rule ``table-ratio-column``). The pair
    of columns is the one most rows fit (at least two, and more than half of the rows with the
    three cells); every row is then a ratio claim: ``consistent`` when it fits, ``inconsistent``
    when at least :data:`RATIO_COLUMN_CORROBORATION` other rows fit and three in four rows do,
    otherwise ``unverifiable``."""
    got = header_and_rows(paras, block)
    if got is None:
        return
    header, rows, width = got
    values = [[cell_number(x) for x in c] for _, c in rows]
    for col in range(1, width):
        head = " ".join(h[col] for h in header if col < len(h))
        if not _RATIO_HEADER_RE.search(head):
            continue
        best, best_fit = None, 0
        for a in range(1, width):
            for b in range(1, width):
                if len({a, b, col}) < 3:
                    continue
                fit = sum(1 for v in values if v[a] and v[b] and v[col] and ratio_fits(v[a], v[b], v[col]))
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
            ok = ratio_fits(v[a], v[b], v[col])
            others = best_fit - (1 if ok else 0)
            dec = max(v[a][1], v[b][1])
            x, y = v[a][0] * 10 ** (dec - v[a][1]), v[b][0] * 10 ** (dec - v[b][1])
            detail = {"rule": "table-ratio-column", "unit": "table"}
            if dec:
                detail.update(x_text=cells[a].strip(" *"), y_text=cells[b].strip(" *"))
            if not ok and not (others >= RATIO_COLUMN_CORROBORATION and best_fit * 4 >= 3 * len(usable)):
                detail["weak"] = WEAK_RATIO_COLUMN
            out.append(_cell_claim(paras, pi, cells[col], "ratio", y, x, cells[col].strip(" *") + "%",
                                   f"the column '{head.strip()}' as column {a + 1} over column {b + 1} "
                                   f"({best_fit} of {len(usable)} rows fit)", detail))


def _cell_claim(paras: list[Paragraph], pi: int, cell: str, kind: str, total: int, numerator: int,
                reported: str, source: str, detail: dict) -> dict:
    """The claim of one cell of a column rule, placed at the cell in its row."""
    p = paras[pi]
    return row_claim(p, pi, kind, total=total, numerator=numerator, reported=reported, source=source,
                     detail=detail, quote=p.text, pos=max(0, p.text.find(cell)))


# ------------------------------------------------------------------ change rows
#: a cell of signed percentages, as a column "±%" writes it: "+1.4%", "−8,2 %"
_SIGNED_PCT_RE = re.compile(r"^\s*(?P<sign>[+\u2212\u2013-])?\s*(?P<n>[0-9]+(?:[.,][0-9]+)?)\s*%\s*$")
WEAK_CHANGE_ROWS = "the other rows do not show that this column is the change from the row before"


def change_rows(paras: list[Paragraph], block: list[int], out: list) -> None:
    """``| Năm | Số dân | ±% |`` then ``| 2016 | 3.105.500 | +1.4% |`` (rule ``table-change-rows``):
    a column of percentages (its header holds "%") whose cells are, in most rows, the change of
    another column from the row before. The column is the one most rows fit (at least two, and
    more than half of the rows with both values); every row is then a change claim:
    ``consistent`` when it fits, ``inconsistent`` when at least
    :data:`RATIO_COLUMN_CORROBORATION` other rows fit and three in four rows do, otherwise
    ``unverifiable``. A percentage whose sign disagrees with the change is flagged in a column so
    corroborated, and left out otherwise."""
    got = header_and_rows(paras, block)
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
            vals = [cell_number(c[vcol]) for _, c in rows]
            cand = []
            for k in range(1, len(rows)):
                m, old, new = pcts[k], vals[k - 1], vals[k]
                if not (m and old and new and old[0] > 0):
                    continue
                dec = max(old[1], new[1])
                o, n = old[0] * 10 ** (dec - old[1]), new[0] * 10 ** (dec - new[1])
                r, d = dot_decimal(m.group("n"))
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
            head = " ".join(h[col] for h in header if col < len(h)).strip()
            out.append(_cell_claim(paras, pi, cells[col], "change", o, abs(n - o), m.group("n").replace(".", ",") + "%",
                                   f"the column '{head}' as the change of column {best + 1} from the row "
                                   f"before ({best_fit} of {len(best_rows)} rows fit)", detail))


# ------------------------------------------------------------------ total columns
_TOTAL_HEADER_RE = re.compile(r"(?i)^\s*(?:\*\*)?(?:tổng số|tổng cộng|tổng|cộng)\b")
WEAK_TOTAL_COLUMN = "the other rows do not show that these columns are the parts of the total column"


def total_columns(paras: list[Paragraph], block: list[int], out: list) -> None:
    """``| Đơn vị | Tổng số | Nam | Nữ |``: a column headed ``Tổng số``, ``Tổng cộng``, ``Tổng`` or
    ``Cộng`` and the numeric columns that are its parts in most rows (rule
    ``table-total-column``): the columns right after it, else all the other numeric columns
    (never a rate column, ``Tỷ lệ``, ``%``). Each row is a sum claim: ``consistent`` when its
    parts add up; when they do not, ``inconsistent`` if at least three other rows add up and three
    rows in four do, otherwise ``unverifiable``."""
    got = header_and_rows(paras, block)
    if got is None:
        return
    header, rows, width = got
    heads = [" ".join(h[c] for h in header if c < len(h)) for c in range(width)]
    values = [[cell_number(x) for x in c] for _, c in rows]
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
                out.append(row_claim(p, pi, "sum", total=v[col][0] * 10 ** (dec - v[col][1]), parts=parts,
                                     reported=cells[col].strip(" *"),
                                     source=(f"the column '{heads[col].strip()}' and columns "
                                             + ", ".join(str(c + 1) for c in parts_cols)
                                             + f" ({n_fit} of {len(usable)} rows add up)"),
                                     detail=detail, quote=p.text, pos=max(0, p.text.find(cells[col]))))
            break


# ------------------------------------------------------------------ structure tables
_STRUCTURE_RE = re.compile(r"(?i)cơ cấu|t[ỷỉ] trọng")
#: a caption that gives its table another unit than percent: "(Đơn vị: nghìn tỷ đồng)"
_OTHER_UNIT_RE = re.compile(r"(?i)đơn vị(?: tính)?\s*:\s*(?!%)")
WEAK_STRUCTURE = "no other line of the table adds up to 100%: the table may leave out a part"


def _line(values) -> tuple[list[int], int, bool, int]:
    """A line of cells (each (units, decimals)) as the parts of 100 %: ``(parts on one integer
    scale, decimals, whether they add to 100 within their rounding, that rounding)``."""
    dec = max(d for _, d in values)
    parts = [u * 10 ** (dec - d) for u, d in values]
    slack = sum(5 * 10 ** (dec - d - 1) for _, d in values) if dec else 0
    return parts, dec, abs(sum(parts) - 100 * 10 ** dec) <= slack, slack


def _adds_to_100(values) -> bool:
    return _line(values)[2]


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


def structure_lines(paras: list[Paragraph], block: list[int], out: list) -> None:
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
    head, body = header_split(paras, block)
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
    rows = [(i, row_cells(paras[i].text, bare_table(paras, block))) for i in body]
    cells_of = [(i, [(0, 0) if _NONE_CELL_RE.match(c) else cell_number(c) for c in cells[1:]],
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
    by_row = [(i, _line(v)) for i, v in grid]
    by_col = [(grid[0][0], _line([v[c] for _, v in grid])) for c in range(len(grid[0][1]))]
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
        out.append(row_claim(p, pi, "sum", total=100 * 10 ** dec, parts=parts, reported=None,
                             source=(f"a {where} of a structure table in percent ('{title[-60:].strip()}'), "
                                     f"{fits} of its {along}s adding to 100%"),
                             detail=detail, quote=p.text, pos=0))


def structure_groups(paras: list[Paragraph], block: list[int], out: list) -> None:
    """``| Cơ cấu GDP (%) | Nông nghiệp … | 5,8 | 3,3 | 4,0 |`` then rows with an empty first cell
    (``| | Dịch vụ | 49,7 | 53,1 | 56,1 |``): a group of rows of a table named a structure in
    percent by its first cell, whose columns are each the parts of one whole (rule
    ``structure-table``). ``consistent`` when a column adds to 100 % within its rounding;
    ``inconsistent`` when another column of the group does; otherwise nothing is said."""
    head, body = header_split(paras, block)
    rows = [(i, row_cells(paras[i].text, bare_table(paras, block))) for i in body]
    k = 0
    while k < len(rows):
        i, cells = rows[k]
        if not (cells and _STRUCTURE_RE.search(cells[0]) and "%" in cells[0]):
            k += 1
            continue
        group = [(i, cells)]
        k += 1
        while k < len(rows) and rows[k][1] and not rows[k][1][0].strip():
            group.append(rows[k])
            k += 1
        if len(group) < 2:
            continue
        nums = [[cell_number(c) for c in cs] for _, cs in group]
        width = min(len(n) for n in nums)
        cols = [c for c in range(width) if all(n[c] for n in nums)]
        lines = [_line([n[c] for n in nums]) for c in cols]
        fits = sum(1 for ln in lines if ln[2])
        if not fits:
            continue
        last = group[-1][0]
        for (parts, dec, ok, slack) in lines:
            detail = {"rule": "structure-table", "unit": "%", "scale": 10 ** dec, "slack": slack, "breakdown": True}
            if not ok:
                detail["exhaustive"] = True
            out.append(row_claim(paras[last], last, "sum", total=100 * 10 ** dec, parts=parts, reported=None,
                                 source=(f"a column of the rows under '{cells[0].strip()}' of a table, {fits} of "
                                         f"its {len(lines)} columns adding to 100%"),
                                 detail=detail, quote=paras[last].text, pos=0))
