"""Display tables with Vietnamese headers and decimal commas, exported reproducibly as CSV and XLSX.

A table is described once, as a list of :class:`Column` (which column of the computed
frame, its Vietnamese header, what kind of value it holds and how many decimals to show);
the same description gives

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
  them in the reader's locale and can compute with them).

Both files are written atomically, and the XLSX is byte-reproducible: openpyxl stamps the
current time into ``docProps/core.xml`` and into each zip entry, so the archive is rebuilt
with a fixed date (:data:`FIXED_TIMESTAMP`).

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

import csv
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Sequence

import pandas as pd

from parstats.files import write_atomic
from parstats.paths import display_path

__all__ = [
    "Column",
    "DisplayTable",
    "EXCERPT",
    "ExportedTable",
    "FIXED_TIMESTAMP",
    "KINDS",
    "ROW_ID_HEADER",
    "column_places",
    "export_table",
    "format_table",
    "format_value",
    "publish",
]

KINDS = ("text", "int", "number", "percent", "bool", "source")
#: Kinds whose cells are figures (right-aligned).
NUMERIC_KINDS = ("int", "number", "percent")
#: Date written into the XLSX properties and zip entries (the zip format's epoch).
FIXED_TIMESTAMP = "1980-01-01T00:00:00Z"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
TABLE_NAME = re.compile(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)+")
#: What an empty cell shows.
EMPTY = ""
YES, NO = "Có", "Không"
#: Header of the columns that hold row ids (``id`` of ``data/``): kept in the files, not on pages.
ROW_ID_HEADER = "Mã dòng"
#: Characters of a long text a page shows before "…"; the full text opens on demand.
EXCERPT = 90


@dataclass(frozen=True)
class Column:
    """One column of a display table.

    Attributes
    ----------
    key : str
        Column of the computed DataFrame.
    header : str
        Vietnamese header, in the report's terms.
    kind : {"text", "int", "number", "percent", "bool", "source"}
        ``percent`` values are numbers of percent (84.11 means 84,11%); ``source`` a section or
        footnote id of the report (``II.1``, ``fn6``), shown as a reader cites it (``mục II.1``,
        ``chú thích 6``).
    decimals : int or str, optional
        Places to show for ``number``/``percent``: a fixed int, or the name of a column
        holding each row's precision (e.g. the precision the report wrote); the column is
        then shown at the largest of them (:func:`column_places`), one precision per column.
    page : bool, optional
        Whether a page shows the column; by default every column but the row ids (header
        :data:`ROW_ID_HEADER`), which only the CSV and XLSX files show.

    Raises
    ------
    ValueError
        For an unknown kind.
    """

    key: str
    header: str
    kind: str = "text"
    decimals: int | str | None = None
    page: bool | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"column {self.key!r}: kind must be one of {KINDS}, got {self.kind!r}")

    @property
    def on_page(self) -> bool:
        """True if a page shows this column (see ``page``).

        Examples
        --------
        >>> Column("id", "Mã dòng").on_page, Column("level", "Cấp").on_page
        (False, True)
        """
        return self.page if self.page is not None else self.header != ROW_ID_HEADER

    def places(self, row) -> int:
        """Decimals to show for this column in ``row`` (the row's own, for per-row precision)."""
        if isinstance(self.decimals, str):
            value = row[self.decimals]
            return 0 if is_missing(value) else int(value)
        return 0 if self.decimals is None else self.decimals


def column_places(df, column: Column) -> int:
    """Decimals to show in every cell of ``column``: one precision per column.

    A fixed ``decimals`` is used as it is; a per-row one (the name of a column of ``df``)
    gives the largest precision of the rows that have a value, so that ``-0,1``, ``0`` and
    ``0,00`` are shown as ``-0,10``, ``0,00`` and ``0,00`` (rounded half-up when a value has
    more places).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"v": [Decimal("-0.1"), Decimal("0"), Decimal("0.00"), None], "d": [1, 0, 2, 3]})
    >>> column_places(df, Column("v", "Chênh lệch", "number", "d"))
    2
    >>> [format_value(v, "number", 2) for v in df["v"]]
    ['-0,10', '0,00', '0,00', '']
    """
    if not isinstance(column.decimals, str):
        return column.places(None)
    places = [int(d) for v, d in zip(df[column.key], df[column.decimals])
              if not is_missing(v) and not is_missing(d)]
    return max(places, default=0)


def is_missing(value) -> bool:
    """True for None, NaN, pandas NA and NaT: an empty table cell."""
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_value(value, kind: str, decimals: int = 0) -> str:
    """One cell written the Vietnamese way.

    Examples
    --------
    >>> format_value(Decimal("6.4632"), "percent", 2)
    '6,46%'
    >>> format_value(72187, "int")
    '72.187'
    >>> format_value(Decimal("-21.05"), "number", 2)
    '-21,05'
    >>> format_value(True, "bool")
    'Có'
    >>> format_value(None, "int")
    ''
    >>> format_value(1.5, "number", 1)
    Traceback (most recent call last):
    ...
    TypeError: float 1.5 in a table: use int or Decimal (floats are inexact)
    """
    from parstats.numbers import format_number, format_percent

    if is_missing(value):
        return EMPTY
    if kind == "text":
        return str(value)
    if kind == "source":  # a section or footnote id of the report, as a reader cites it
        from parstats.report import describe_source

        return describe_source(str(value)) if str(value) else EMPTY
    if kind == "bool":
        return YES if bool(value) else NO
    if isinstance(value, float):
        raise TypeError(f"float {float(value)!r} in a table: use int or Decimal (floats are inexact)")
    if kind == "int":
        return format_number(int(value), 0)
    if kind == "percent":
        return format_percent(Decimal(value), decimals)
    return format_number(Decimal(value), decimals)


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


def _check_columns(df, columns: Sequence[Column]) -> None:
    missing = [c.key for c in columns if c.key not in df.columns]
    missing += [c.decimals for c in columns if isinstance(c.decimals, str) and c.decimals not in df.columns]
    if missing:
        raise KeyError(f"table lacks column(s) {missing}; it has {list(df.columns)}")


def _formatted(df, columns: Sequence[Column]) -> list[list[str]]:
    """Every cell of ``df`` as its display string, one precision per column."""
    places = [column_places(df, c) for c in columns]
    return [[format_value(row[c.key], c.kind, p) for c, p in zip(columns, places)] for _, row in df.iterrows()]


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
    >>> df = pd.DataFrame({"id": ["4b", "4c"], "sub": ["4b", "4c"], "v": [Decimal("-0.1"), Decimal("0.25")],
    ...                    "d": [1, 2]})
    >>> cols = [Column("id", "Mã"), Column("sub", "Chỉ tiêu"), Column("v", "Chênh lệch", "number", "d")]
    >>> list(format_table(df, cols).columns), format_table(df, cols)["Chênh lệch"].tolist()
    (['Mã', 'Chênh lệch'], ['-0,10', '0,25'])
    """
    _check_columns(df, columns)
    cells = _formatted(df, columns)
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


def _full_table(df, columns: Sequence[Column]):
    """Every column (ids included) as displayed strings, rows numbered from 1 under ``STT``."""
    _check_columns(df, columns)
    out = pd.DataFrame(_formatted(df, columns), columns=[c.header for c in columns], dtype=object)
    out.index = pd.RangeIndex(1, len(out) + 1)
    out.columns.name = "STT"
    return out


def _csv_bytes(display) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([display.columns.name, *display.columns])
    for idx, row in display.iterrows():
        writer.writerow([idx, *row.tolist()])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _excel_format(kind: str, places: int) -> str:
    frac = ("." + "0" * places) if places else ""
    if kind == "percent":
        return "0" + frac + "%"
    return "#,##0" + frac


def _xlsx_bytes(df, columns: Sequence[Column], sheet_title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title[:31]
    ws.append(["STT", *[c.header for c in columns]])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [4] + [max(8, min(40, len(c.header) + 2)) for c in columns]
    places = [column_places(df, c) for c in columns]
    for n, (_, row) in enumerate(df.iterrows(), start=1):
        values: list = [n]
        formats: list = [None]
        for c, p in zip(columns, places):
            v = row[c.key]
            if is_missing(v):
                values.append(None)
                formats.append(None)
            elif c.kind in ("text", "source"):
                values.append(format_value(v, c.kind))
                formats.append(None)
            elif c.kind == "bool":
                values.append(YES if bool(v) else NO)
                formats.append(None)
            elif c.kind == "int":
                values.append(int(v))
                formats.append(_excel_format("int", 0))
            elif c.kind == "percent":
                values.append(Decimal(v) / 100)
                formats.append(_excel_format("percent", p))
            else:
                values.append(Decimal(v))
                formats.append(_excel_format("number", p))
        ws.append(values)
        for col, fmt in enumerate(formats, start=1):
            if fmt:
                ws.cell(row=n + 1, column=col).number_format = fmt
        for i, v in enumerate(values):
            if isinstance(v, str):
                widths[i] = max(widths[i], min(60, len(v) + 2))
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "B2"
    raw = io.BytesIO()
    wb.save(raw)
    return _fix_zip(raw.getvalue())


_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def _fix_zip(data: bytes) -> bytes:
    """Rebuild an XLSX archive with fixed entry dates and fixed core-property dates."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _CORE_DATES.sub(lambda m: m.group(1) + FIXED_TIMESTAMP.encode() + m.group(3), body)
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            dst.writestr(fixed, body)
    return out.getvalue()


@dataclass(frozen=True)
class ExportedTable:
    """The two files :func:`export_table` wrote."""

    name: str
    csv: Path
    xlsx: Path
    root: Path

    def __repr__(self) -> str:
        return f"Bảng {self.name}: {display_path(self.csv, self.root)}, {display_path(self.xlsx, self.root)}"


def export_table(df, columns: Sequence[Column], name: str, directory: Path | str | None = None,
                 sheet_title: str | None = None) -> ExportedTable:
    """Write ``<directory>/<name>.csv`` and ``.xlsx`` from a computed table, reproducibly.

    Parameters
    ----------
    df : pandas.DataFrame
        The computed table (not the display frame): numbers stay numbers in the XLSX.
    columns : sequence of Column
    name : str
        ``NN-slug-what``, like figures.
    directory : path, optional
        Defaults to ``parstats.paths.FIGURES_DIR``.
    sheet_title : str, optional
        Name of the worksheet (at most 31 characters are kept); defaults to ``name``.

    Returns
    -------
    ExportedTable

    Raises
    ------
    ValueError
        If ``name`` is not of the form ``NN-slug-what``.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> df = pd.DataFrame({"level": ["Cấp huyện"], "n": [29475]})
    >>> cols = [Column("level", "Cấp"), Column("n", "Tổng số hồ sơ", "int")]
    >>> t = export_table(df, cols, "99-example-dossiers", directory=d)
    >>> t.csv.read_text(encoding="utf-8-sig").splitlines()
    ['STT,Cấp,Tổng số hồ sơ', '1,Cấp huyện,29.475']
    >>> export_table(df, cols, "bad name", directory=d)
    Traceback (most recent call last):
    ...
    ValueError: table name 'bad name' is not of the form 'NN-slug-what' (e.g. '03-online-services-dossiers')
    """
    from parstats.paths import FIGURES_DIR, PROJ_ROOT

    if not TABLE_NAME.fullmatch(name):
        raise ValueError(f"table name {name!r} is not of the form 'NN-slug-what' (e.g. '03-online-services-dossiers')")
    out = Path(directory) if directory is not None else FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    csv_data = _csv_bytes(_full_table(df, columns))
    xlsx_data = _xlsx_bytes(df, columns, sheet_title or name)
    csv_path, xlsx_path = out / f"{name}.csv", out / f"{name}.xlsx"
    write_atomic(csv_path, csv_data)
    write_atomic(xlsx_path, xlsx_data)
    return ExportedTable(name=name, csv=csv_path, xlsx=xlsx_path, root=PROJ_ROOT)


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
