"""Display tables with Vietnamese headers and decimal commas, exported reproducibly as CSV and XLSX.

A table is described once, as a list of :class:`Column` (which column of the computed
frame, its Vietnamese header, what kind of value it holds and how many decimals to show;
:mod:`parstats.analysis.columns`); the same description gives

* :func:`format_table`: the frame a notebook displays, which nbval compares, written for a
  reader (:class:`DisplayTable`): every cell a string written the Vietnamese way; no row
  number and no row id (the columns headed :data:`ROW_ID_HEADER`, ``Mã dòng``: they are kept
  in the HTML as attributes of the rows, and in the files); a text column that repeats an
  earlier one in every row left out; one precision per column; a long text cut at a word with
  the full text on demand (``<details>``); figures and their headers right-aligned
  (``class="num"``);
* :func:`export_table`: ``figures/NN-slug-what.csv`` (every column, ids included, as the
  displayed strings, numbered ``STT``; UTF-8 with a byte-order mark so that Excel opens the
  Vietnamese text correctly) and ``.xlsx`` (real numbers with number formats, so Excel shows
  them in the reader's locale and can compute with them), written by
  :mod:`parstats.analysis.exports`.

Both files are written atomically, and the XLSX is byte-reproducible: openpyxl stamps the
current time into ``docProps/core.xml`` and into each zip entry, so the archive is rebuilt
with a fixed date (:data:`FIXED_TIMESTAMP`). This module holds the page's side and
:func:`publish`, the one call a notebook makes; the names of ``columns`` and ``exports``
listed in ``__all__`` are importable from here too.

Examples
--------
>>> import pandas as pd
>>> from decimal import Decimal
>>> df = pd.DataFrame({"id": ["a", "b"], "year": [2021, 2022], "score": [Decimal("84.11"), Decimal("78.9")],
...                    "d": [2, 1]})
>>> cols = [Column("id", "Mã dòng"), Column("year", "Năm", "text"), Column("score", "Chỉ số (%)", "percent", "d")]
>>> format_table(df, cols)
 Năm Chỉ số (%)
2021     84,11%
2022     78,90%
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Sequence

import pandas as pd

from parstats.analysis.columns import (
    EMPTY,
    KINDS,
    NUMERIC_KINDS,
    ROW_ID_HEADER,
    Column,
    check_columns,
    column_places,
    display_cells,
    format_value,
    is_missing,
)
from parstats.analysis.exports import FIXED_TIMESTAMP, ExportedTable, export_table

__all__ = [
    "DisplayTable",
    "EXCERPT",
    "format_table",
    "publish",
    # re-exported: their home is parstats.analysis.columns / parstats.analysis.exports
    "Column",
    "KINDS",
    "ROW_ID_HEADER",
    "column_places",
    "format_value",
    "is_missing",
    "ExportedTable",
    "FIXED_TIMESTAMP",
    "export_table",
]

#: Characters of a long text a page shows before "…"; the full text opens on demand.
EXCERPT = 90


class DisplayTable(pd.DataFrame):
    """The frame :func:`format_table` returns: a DataFrame written for a reader.

    Its text form has neither index nor truncated cells. Its HTML (a notebook's output, and so
    a page of the site) is a ``<table class="dataframe">`` with an id made from its content
    (the same on every run) and a style sheet scoped to that id:

    * a column of figures (its kind is a number, or every cell reads as a Vietnamese number
      (:func:`parstats.numbers.parse_number`) or as a count of a total, ``265/295``) has
      ``class="num"`` on its header and its cells, and is right-aligned; text is left-aligned;
    * headers are ``<th scope="col">``;
    * the row ids that the page does not show are attributes of the rows: ``data-ids`` (every id
      of the row) and, for a published table whose first id column holds one distinct id per
      row, ``id="NAME--ID"``, an anchor another page can link to; the table has ``data-table="NAME"``;
    * a text longer than :data:`EXCERPT` characters shows its beginning, cut at a word, and
      the full text in a ``<details>`` element.

    Examples
    --------
    >>> html = DisplayTable({"Cấp": ["xã"], "Báo cáo ghi": ["84,11%"], "Đạt": ["265/295"]})._repr_html_()
    >>> [line.strip() for line in html.splitlines() if line.strip().startswith(("<td ", "<th "))]
    ['<th scope="col" class="col_heading level0 col0">Cấp</th>', '<th scope="col" class="col_heading level0 col1 num">Báo cáo ghi</th>', '<th scope="col" class="col_heading level0 col2 num">Đạt</th>', '<td class="data row0 col0">xã</td>', '<td class="data row0 col1 num">84,11%</td>', '<td class="data row0 col2 num">265/295</td>']
    """

    _metadata = ["_numeric", "_row_ids", "_anchors", "_name"]

    @property
    def _constructor(self):
        return DisplayTable

    def __repr__(self) -> str:
        if self.empty:
            return "(bảng trống)"
        return self.to_string(index=False, max_colwidth=None)

    def _is_numeric(self, position: int) -> bool:
        numeric = getattr(self, "_numeric", None)
        if numeric is not None and position < len(numeric) and numeric[position]:
            return True
        cells = [c for c in self.iloc[:, position] if str(c) != EMPTY]
        return bool(cells) and all(_is_figure(c) for c in cells)

    def _repr_html_(self) -> str:
        from html import escape

        name = getattr(self, "_name", None)
        row_ids = getattr(self, "_row_ids", None) or [[] for _ in range(len(self))]
        uuid = hashlib.sha256(f"{name}\n{self.to_csv()}\n{row_ids}".encode("utf-8")).hexdigest()[:12]
        tid = f"T_{uuid}"
        numeric = [self._is_numeric(i) for i in range(self.shape[1])]
        primary = getattr(self, "_anchors", None)
        anchors = name is not None and primary is not None
        out = ['<style type="text/css">',
               f"#{tid} th, #{tid} td {{text-align: left; vertical-align: top}}",
               f"#{tid} th.num, #{tid} td.num {{text-align: right}}",
               f"#{tid} td.num {{white-space: nowrap; font-variant-numeric: tabular-nums}}",
               f"#{tid} details summary {{cursor: pointer}}",
               "</style>",
               f'<table id="{tid}" class="dataframe"' + (f' data-table="{escape(name)}"' if name else "") + ">",
               "  <thead>", "    <tr>"]
        for j, header in enumerate(self.columns):
            cls = f"col_heading level0 col{j}" + (" num" if numeric[j] else "")
            out.append(f'      <th scope="col" class="{cls}">{escape(str(header))}</th>')
        out += ["    </tr>", "  </thead>", "  <tbody>"]
        for i, (cells, ids) in enumerate(zip(self.itertuples(index=False), row_ids)):
            attrs = ""
            if anchors:
                attrs += f' id="{escape(name)}--{escape(primary[i])}"'
            if ids:
                attrs += f' data-ids="{escape(" ".join(ids))}"'
            out.append(f"    <tr{attrs}>")
            for j, cell in enumerate(cells):
                cls = f"data row{i} col{j}" + (" num" if numeric[j] else "")
                out.append(f'      <td class="{cls}">{_cell_html(str(cell))}</td>')
            out.append("    </tr>")
        out += ["  </tbody>", "</table>", ""]
        return "\n".join(out)


def _cell_html(text: str) -> str:
    """A cell's text as HTML: escaped; a long one cut at a word, the full text in ``<details>``.

    Examples
    --------
    >>> _cell_html("a < b")
    'a &lt; b'
    >>> _cell_html("từ " * 40).startswith("<details><summary>từ từ")
    True
    """
    import textwrap
    from html import escape

    if len(text) <= EXCERPT:
        return escape(text)
    short = textwrap.shorten(text, width=EXCERPT, placeholder=" …")
    return f"<details><summary>{escape(short)}</summary>{escape(text)}</details>"


def _is_figure(cell) -> bool:
    """True for a number written the Vietnamese way, or two of them around a ``/``."""
    from parstats.numbers import parse_number

    parts = str(cell).split("/")
    if len(parts) > 2:
        return False
    try:
        for part in parts:
            parse_number(part)
    except ValueError:
        return False
    return True


def _repeats(cells: list[list[str]], columns: Sequence[Column], j: int, shown: list[int]) -> bool:
    """True if text column ``j`` repeats a shown text column in every row (two rows at least)."""
    if columns[j].kind != "text" or len(cells) < 2:
        return False
    values = [r[j] for r in cells]
    if any(v == EMPTY for v in values):
        return False
    return any(columns[k].kind == "text" and [r[k] for r in cells] == values for k in shown)


def _row_ids(df, columns: Sequence[Column]) -> list[list[str]]:
    """The ids of each row, from its row-id columns (a cell may list several, comma-separated)."""
    keys = [c.key for c in columns if c.header == ROW_ID_HEADER]
    out = []
    for _, row in df.iterrows():
        ids = []
        for k in keys:
            if not is_missing(row[k]):
                ids += [i.strip() for i in str(row[k]).split(",") if i.strip() and i.strip() not in ids]
        out.append(ids)
    return out


def _anchor_ids(df, columns: Sequence[Column]) -> list[str] | None:
    """The first row-id column's values, if each row has exactly one and no two rows share it."""
    keys = [c.key for c in columns if c.header == ROW_ID_HEADER]
    if not keys:
        return None
    values = [EMPTY if is_missing(v) else str(v).strip() for v in df[keys[0]]]
    if any(v == EMPTY or "," in v for v in values) or len(set(values)) != len(values):
        return None
    return values


def format_table(df, columns: Sequence[Column], name: str | None = None):
    """The display frame of a page: Vietnamese headers, every cell a Vietnamese-formatted string.

    Parameters
    ----------
    df : pandas.DataFrame
        The computed table (ints, Decimals, strings, booleans; no floats).
    columns : sequence of Column
    name : str, optional
        The table's file name (``NN-slug-what``), for its rows' anchors in HTML.

    Returns
    -------
    DisplayTable
        One column per :class:`Column` that a page shows (:attr:`Column.on_page`), in order,
        but a text column that repeats an earlier shown one in every row; rows numbered from 0
        and shown without their number.

    Raises
    ------
    KeyError
        If a column named in ``columns`` is missing from ``df``.

    Examples
    --------
    >>> import pandas as pd
    >>> from decimal import Decimal
    >>> df = pd.DataFrame({"id": ["4b", "4c"], "sub": ["4b", "4c"], "v": [Decimal("-0.1"), Decimal("0.25")],
    ...                    "d": [1, 2]})
    >>> cols = [Column("id", "Mã"), Column("sub", "Chỉ tiêu"), Column("v", "Chênh lệch", "number", "d")]
    >>> list(format_table(df, cols).columns), format_table(df, cols)["Chênh lệch"].tolist()
    (['Mã', 'Chênh lệch'], ['-0,10', '0,25'])
    """
    check_columns(df, columns)
    cells = display_cells(df, columns)
    shown: list[int] = []
    for j, c in enumerate(columns):
        if c.on_page and not _repeats(cells, columns, j, shown):
            shown.append(j)
    out = DisplayTable([[r[j] for j in shown] for r in cells], columns=[columns[j].header for j in shown],
                       dtype=object)
    out._numeric = [columns[j].kind in NUMERIC_KINDS for j in shown]
    out._row_ids = _row_ids(df, columns)
    out._anchors = _anchor_ids(df, columns)
    out._name = name
    return out


def publish(df, columns: Sequence[Column], name: str, directory: Path | str | None = None):
    """Export the table (:func:`export_table`) and return its display frame (:func:`format_table`).

    The one call a notebook makes per table.

    Examples
    --------
    >>> import pandas as pd, tempfile
    >>> df = pd.DataFrame({"unit": ["Đơn vị sự nghiệp"], "n": [58]})
    >>> publish(df, [Column("unit", "Loại"), Column("n", "Số lượng", "int")], "99-example-units",
    ...         directory=tempfile.mkdtemp())
                Loại Số lượng
    Đơn vị sự nghiệp       58
    """
    export_table(df, columns, name, directory=directory)
    return format_table(df, columns, name=name)
