"""Tables: total rows against their parts, and the runner of the table rules (:func:`table_claims`).

Rules (each named in ``detail["rule"]``):

``table-total-row``
    A Markdown table row whose label says it is a total (``Tổng``, ``Tổng số``, ``Tổng cộng``,
    ``Cộng``, ``Toàn …``, a ``Cơ cấu … (%)`` row of 100) and the rows it sums: the rows right
    after it whose labels are marked as sub-items (``- …``, ``+ …``), else the rows before it
    (a total at the foot of its table). Each numeric column is a sum claim: the total equals
    the sum of its parts within the rounding of the parts (half a unit of each part's last
    digit). A column that does not add up is flagged only when another column of the same rows
    adds up exactly (the rows are the parts beyond doubt); otherwise it is ``unverifiable``.
``table-subitem-rows``
    the same for a row that is not labelled a total, over at least two rows marked as its
    sub-items right after it.

:func:`table_claims` also runs the column rules and structure tables of
:mod:`parstats.audit.tablecolumns` (``table-ratio-column``, ``table-change-rows``,
``table-total-column``, ``structure-table``) and the change columns of tables flattened into a
line, :func:`parstats.audit.flatrows.flattened_change_claims` (``table-change-column``). The
tables are read by :mod:`parstats.audit.tablecells`.

All read each table or paragraph once, left to right: linear in its length.
"""
from __future__ import annotations

import re
from collections import Counter

from parstats.audit.flatrows import flattened_change_claims, flattened_difference_claims
from parstats.audit.tablecells import (bare_table, cell_number, first_number, header_split, row_cells, row_claim, row_label,
                                       table_blocks)
from parstats.audit.tablecolumns import change_rows, ratio_columns, structure_groups, structure_lines, total_columns
from parstats.markdown import Paragraph

WEAK_TABLE = "the rows under the total may not be all of its parts (the table does not say so)"

_TOTAL_LABEL_RE = re.compile(r"(?i)^\s*(?:\*\*)?(?:tổng số|tổng cộng|tổng|cộng|toàn (?:tỉnh|huyện|quốc|vùng|thành phố|xã|ngành)|cả nước|chung)\b")
_SHARE_TOTAL_LABEL_RE = re.compile(r"(?i)^\s*(?:\*\*)?cơ cấu\b.*%")
#: words one of which a total row's label holds (a quick test before the table is read)
_TOTAL_WORDS = ("ổng", "ộng", "ả nước", "oàn", "hung", "ơ cấu")
_SUB_LABEL_RE = re.compile(r"^\s*[-+*•–]\s")
#: a cell that starts like a sub-item ("| - Cao su |"): a table that may hold rows under a row
_SUB_CELL_RE = re.compile(r"(?m)(?:^|\|)\s*[-+•–]\s")
#: a column of rates, which rows do not add: "Tỷ lệ (%)", "So sánh (%)", "Mật độ (người/km²)"
_RATE_HEADER_RE = re.compile(r"(?i)t[ỷỉ] lệ|so sánh|mật độ|bình quân|trung bình")
#: words one of which a structure table's rows or caption hold (a quick test before it is read)
_STRUCTURE_WORDS = ("ơ cấu", "Ơ CẤU", "ỷ trọng", "ỉ trọng")


def _total_rows(paras: list[Paragraph], block: list[int], out: list) -> None:
    # the rows above the separator line ("|---|") are the header
    head, body = header_split(paras, block)
    bare = bare_table(paras, block)
    rows = [(i, row_cells(paras[i].text, bare)) for i in body]
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
        data = [(i, row_cells(paras[i].text, bare)) for i in head + body[:-1]]
        _aligned_total(paras, (last_i, last[:_filled(last)]), [(i, c) for i, c in data if len(c) == width], out)
        rows = rows[:-1]
    rows = [(i, c) for i, c in rows if len(c) == width]
    for r, (pi, cells) in enumerate(rows):
        label = row_label(cells)
        is_share = bool(_SHARE_TOTAL_LABEL_RE.match(label))
        is_total = bool(_TOTAL_LABEL_RE.match(label) or is_share)
        after = []
        for pj, c in rows[r + 1:]:
            if not _SUB_LABEL_RE.match(row_label(c)):
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
        header = [row_cells(paras[i].text, bare) for i in head]
        for col in range(1, width):
            if _RATE_HEADER_RE.search(" ".join(h[col] for h in header if col < len(h))):
                continue  # rates of the rows do not add up to the total's rate
            t = cell_number(cells[col])
            vals = [cell_number(c[col]) for _, c in parts_rows]
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
            # a part above the total: a column of rates or densities, which rows do not add up to;
            # a part rounded to a hundred thousand beside exact ones: an estimate
            loose = any(x > total for x in parts) or (
                any(x and x % 100_000 == 0 for x in parts) and any(x % 1000 for x in parts + [total]))
            strong = exact >= 1 and not ok and slack == 0 and not loose
            detail = {"rule": rule, "unit": "table", "slack": slack}
            if dec:
                detail["scale"] = 10 ** dec
            if not strong:
                detail["weak"] = WEAK_TABLE
            else:
                detail["exhaustive"] = True
            p = paras[pi]
            out.append(row_claim(p, pi, "sum", total=total, parts=parts, reported=cells[col].strip(" *"),
                                 source=f"the {'total ' if is_total else ''}row '{label.strip()}' and {where} (column {col + 1})",
                                 detail=detail, quote=p.text, pos=min(len(p.text) - 1, p.text.find(cells[col]))))


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
    data_rows = [(i, c) for i, c in data_rows if first_number(c) is not None]  # not a header row
    if len(data_rows) < 2:
        return
    width = len(data_rows[0][1])
    cols: dict[int, tuple[list[tuple[int, int]], int]] = {}
    for col in range(width):
        vals = [cell_number(c[col]) for _, c in data_rows]
        if any(v is None for v in vals):
            continue
        cols[col] = (vals, max(v[1] for v in vals))
    totals = [(k, cell_number(c)) for k, c in enumerate(cells[1:], start=1)]
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
        out.append(row_claim(p, pi, "sum", total=t[0] * 10 ** (dec - t[1]), parts=parts, reported=cells[k].strip(" *"),
                             source=f"the total row '{label}' and the rows above it (column {col + 1})",
                             detail=detail, quote=p.text, pos=min(len(p.text) - 1, p.text.find(cells[k]))))


def table_claims(paras: list[Paragraph], joined: str | None = None) -> list[dict]:
    """The claims of tables: total rows of Markdown tables, their computed columns and structure
    tables (:mod:`parstats.audit.tablecolumns`), change columns of flattened ones
    (:mod:`parstats.audit.flatrows`). ``joined``: the paragraphs' texts joined by line breaks
    (:func:`parstats.markdown.joined_texts`), when the caller has them."""
    out: list = []
    for block in table_blocks(paras):
        rows = "\n".join([paras[i].text for i in block])  # the words below hold no line break
        if any(w in rows for w in _TOTAL_WORDS) or _SUB_CELL_RE.search(rows):
            _total_rows(paras, block, out)
        # a structure table: "cơ cấu", "tỷ trọng" in its rows or its caption
        near = rows + " ".join(paras[k].text for k in range(max(0, block[0] - 3), block[0]))
        if any(w in near for w in _STRUCTURE_WORDS):
            structure_lines(paras, block, out)
            if "(%)" in rows:
                structure_groups(paras, block, out)
        if "ổng" in rows or "ộng" in rows:
            total_columns(paras, block, out)
        if "%" in rows:
            change_rows(paras, block, out)
        if "%" in rows or "ỷ lệ" in rows or "ỉ lệ" in rows or "o sánh" in rows or "ỷ trọng" in rows or "ỉ trọng" in rows:
            ratio_columns(paras, block, out)
    for i in [i for i, p in enumerate(paras) if "%" in p.text and p.kind in ("body", "table")]:
        flattened_change_claims(paras[i], i, out)
    if joined is not None and "chênh lệch" not in joined:
        return out  # (no paragraph holds it: none is looked at)
    for i in [i for i, p in enumerate(paras) if "chênh lệch" in p.text and p.kind == "body"]:
        flattened_difference_claims(paras[i], i, out)
    return out
