"""Markdown tables as the table rules read them: no rule of its own.

A table is a run of table paragraphs, one per row (:func:`table_blocks`); its header is the rows
above the separator line, or before the first row with a number (:func:`header_split`); a row is
its cells (:func:`row_cells`), its label (:func:`row_label`) and its numbers as written in
Vietnamese (:func:`cell_number`, ``1.234,5``). :func:`row_claim` makes the provisional claim of
a cell. The rules that read tables with these are in :mod:`parstats.audit.tables` (total rows,
and the runner of the table rules), :mod:`parstats.audit.tablecolumns` (ratio, change and total
columns, structure tables) and :mod:`parstats.audit.flatrows` (tables flattened into a line);
:func:`table_views` gives the tables to the shares of :mod:`parstats.audit.tableprose`.

Each table is read once, row by row: linear in its length.
"""
from __future__ import annotations

import re

from parstats.audit.model import ProvisionalClaim
from parstats.markdown import Paragraph
from parstats.ratios import percent_units

__all__ = ["EDIT_LINK_RE", "TableView", "bare_table", "cell_number", "dot_decimal", "first_number", "header_and_rows",
           "header_split", "ratio_fits", "row_cells", "row_claim", "row_label", "table_blocks", "table_views"]

#: a number as a cell writes it: "1.234,5", "**56**"
_CELL_NUM_RE = re.compile(
    r"^\s*(?:\*\*)?(?P<n>[0-9]{1,3}(?:[. \u00a0][0-9]{3})*(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?)(?:\*\*)?\s*$")
#: the line under a table's header: "|---|:--|"
_SEPARATOR_RE = re.compile(r"^\|?\s*:?-{2,}")

#: a wiki's edit link glued before a table's first row: "[sửa | sửa mã nguồn]| Năm | Số dân |"
EDIT_LINK_RE = re.compile(r"^\s*\[[^\]|]*\|[^\]]*\]\s*(?=\|)")


def bare_table(paras: list[Paragraph], block: list[int]) -> bool:
    """Whether a table is written without outer pipes (``Năm | 2010``): then a row that starts
    with a pipe (``| - Cao su | 441,4``) has an empty first cell."""
    return not EDIT_LINK_RE.sub("", paras[block[0]].text).lstrip().startswith("|")


def row_cells(text: str, bare: bool = False) -> list[str]:
    """The cells of a table row, split at its pipes (the outer pipes and a wiki's edit link glued
    before it left out); ``bare``: the table is written without outer pipes
    (:func:`bare_table`), so a pipe that starts the row opens an empty first cell."""
    t = (EDIT_LINK_RE.sub("", text) if text.startswith("[") else text).strip()
    if t.startswith("|") and not bare:
        t = t[1:]
    if t.endswith("|"):
        t = t[:-1]
    return t.split("|")


def cell_number(s: str) -> tuple[int, int] | None:
    """A cell as written in Vietnamese (``1.234,5``) as (units of its last digit, decimals)."""
    m = _CELL_NUM_RE.match(s)
    if not m:
        return None
    n = m.group("n")
    whole, _, frac = n.partition(",")
    return int(re.sub(r"[. \u00a0]", "", whole) + frac), len(frac)


def dot_decimal(s: str) -> tuple[int, int]:
    """``4602.7`` or ``4602,7`` as (units, decimals): one separator, a decimal one (the plain-text
    tables of business news write a decimal point)."""
    whole, _, frac = s.replace(",", ".").partition(".")
    return int(whole + frac), len(frac)


def ratio_fits(a: tuple[int, int], b: tuple[int, int], c: tuple[int, int]) -> bool:
    """Whether a/b x 100, rounded half-up at c's precision, is c (each (units, decimals))."""
    (au, ad), (bu, bd), (cu, cd) = a, b, c
    return bu > 0 and percent_units(au * 10 ** bd, bu * 10 ** ad, cd) == cu


def row_claim(p: Paragraph, pidx: int, kind: str, *, total=None, parts=None, numerator=None, reported: str,
              source: str, detail: dict, quote: str, pos: int = 0) -> ProvisionalClaim:
    """The provisional claim of a table rule at ``pos`` of paragraph ``p`` (index ``pidx``):
    ``total`` is its denominator, ``quote`` is cut at 200 characters."""
    return {"kind": kind, "line": p.line_at(pos), "quote": quote[:200], "numerator": numerator,
            "denominator": total, "parts": tuple(parts) if parts is not None else None, "reported": reported,
            "denominator_source": source, "target": None, "detail": detail, "order": (pidx, pos)}


def table_blocks(paras: list[Paragraph]) -> list[list[int]]:
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


def header_split(paras: list[Paragraph], block: list[int]) -> tuple[list[int], list[int]]:
    """``(header rows, body rows)`` of a table block: the rows above its separator line ("|---|"),
    or, in a table written without one (text converted from print), the rows before the first
    that holds a number after its label."""
    sep = next((k for k, i in enumerate(block) if _SEPARATOR_RE.match(paras[i].text)), None)
    if sep is None:
        sep = next((k for k, i in enumerate(block) if first_number(row_cells(paras[i].text)) is not None), 0)
        return block[:sep], block[sep:]
    return block[:sep], [i for i in block[sep + 1:] if not _SEPARATOR_RE.match(paras[i].text)]


def header_and_rows(paras: list[Paragraph], block: list[int]):
    """``(header rows' cells, [(paragraph, cells)] of the body rows of the usual width, width)``
    of a table with a header above its separator line, or ``None`` (no header, or under two rows)."""
    head, body = header_split(paras, block)
    if not head:
        return None
    bare = bare_table(paras, block)
    header = [row_cells(paras[i].text, bare) for i in head]
    rows = [(i, row_cells(paras[i].text, bare)) for i in body]
    if len(rows) < 2:
        return None
    width = max(len(c) for _, c in rows)
    return header, [(i, c) for i, c in rows if len(c) == width], width


#: a first column of row numbers ("1", "II", "a)") before the label
_ROW_NUMBER_RE = re.compile(r"^\s*(?:[0-9]{1,3}|[IVX]{1,5}|[a-zđ])?[.)]?\s*$")


def row_label(cells: list[str]) -> str:
    """The label of a row: its first cell, or its second when the first holds only the row's
    number (``| 1 | Cây công nghiệp lâu năm | …``, ``| | - Cao su | …``)."""
    if len(cells) > 2 and _ROW_NUMBER_RE.match(cells[0]) and not _CELL_NUM_RE.match(cells[1]) and cells[1].strip():
        return cells[1]
    return cells[0]


def first_number(cells: list[str]):
    """The first number of a row after its label (:func:`cell_number`); ``None`` when it holds
    none (a header)."""
    return next((v for v in (cell_number(c) for c in cells[1:]) if v is not None), None)


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
    for block in table_blocks(paras):
        got = header_and_rows(paras, block)
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
        body = [(i, row_label(c).strip(" *"), [None] + [cell_number(x) for x in c[1:]]) for i, c in rows]
        out.append(TableView(first, block[-1], caption, heads, names, body))
    return out
