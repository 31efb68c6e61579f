"""Display tables with Vietnamese headers and decimal commas, exported reproducibly as CSV and XLSX.

A table is described once, as a list of :class:`Column` (which column of the computed
frame, its Vietnamese header, what kind of value it holds and how many decimals to show);
the same description gives

* :func:`format_table`: the frame a notebook displays (every cell a string written the
  Vietnamese way, index ``STT`` from 1), which nbval compares; in HTML its figures have
  ``class="num"`` (:class:`DisplayTable`), so that the site right-aligns them;
* :func:`export_table`: ``figures/NN-slug-what.csv`` (the displayed strings, UTF-8 with a
  byte-order mark so that Excel opens the Vietnamese text correctly) and ``.xlsx`` (real
  numbers with number formats, so Excel shows them in the reader's locale and can compute
  with them).

Both files are written atomically, and the XLSX is byte-reproducible: openpyxl stamps the
current time into ``docProps/core.xml`` and into each zip entry, so the archive is rebuilt
with a fixed date (:data:`FIXED_TIMESTAMP`).

Examples
--------
>>> import pandas as pd
>>> from decimal import Decimal
>>> df = pd.DataFrame({"year": [2021, 2022], "score": [Decimal("84.11"), Decimal("78.93")]})
>>> cols = [Column("year", "Năm", "text"), Column("score", "Chỉ số (%)", "percent", 2)]
>>> format_table(df, cols)
STT   Năm Chỉ số (%)
1    2021     84,11%
2    2022     78,93%
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
    "ExportedTable",
    "FIXED_TIMESTAMP",
    "KINDS",
    "export_table",
    "format_table",
    "format_value",
    "publish",
]

KINDS = ("text", "int", "number", "percent", "bool")
#: Date written into the XLSX properties and zip entries (the zip format's epoch).
FIXED_TIMESTAMP = "1980-01-01T00:00:00Z"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
TABLE_NAME = re.compile(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)+")
#: What an empty cell shows.
EMPTY = ""
YES, NO = "Có", "Không"


@dataclass(frozen=True)
class Column:
    """One column of a display table.

    Attributes
    ----------
    key : str
        Column of the computed DataFrame.
    header : str
        Vietnamese header, in the report's terms.
    kind : {"text", "int", "number", "percent", "bool"}
        ``percent`` values are numbers of percent (84.11 means 84,11%).
    decimals : int or str, optional
        Places to show for ``number``/``percent``: a fixed int, or the name of a column
        holding each row's precision (e.g. the precision the report wrote).

    Raises
    ------
    ValueError
        For an unknown kind.
    """

    key: str
    header: str
    kind: str = "text"
    decimals: int | str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"column {self.key!r}: kind must be one of {KINDS}, got {self.kind!r}")

    def places(self, row) -> int:
        """Decimals to show for this column in ``row``."""
        if isinstance(self.decimals, str):
            value = row[self.decimals]
            return 0 if is_missing(value) else int(value)
        return 0 if self.decimals is None else self.decimals


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
    """The frame :func:`format_table` returns: a DataFrame whose HTML marks the figures.

    Its text is a plain DataFrame's. In HTML (a notebook's output, and so a page of the site)
    a cell that reads as a Vietnamese number (:func:`parstats.numbers.parse_number`) or as a
    count of a total (``265/295``) has ``class="num"``, so that a style sheet can right-align
    it: the computed columns, and the report's own figures, which are kept as text. The table
    has ``class="dataframe"`` and an id made from its content, the same on every run.

    Examples
    --------
    >>> html = DisplayTable({"Cấp": ["xã"], "Báo cáo ghi": ["84,11%"], "Đạt": ["265/295"]})._repr_html_()
    >>> [line.strip() for line in html.splitlines() if line.strip().startswith("<td")]
    ['<td class="data row0 col0" >xã</td>', '<td class="data row0 col1 num" >84,11%</td>', '<td class="data row0 col2 num" >265/295</td>']
    """

    @property
    def _constructor(self):
        return DisplayTable

    def _repr_html_(self) -> str:
        from pandas.io.formats.style import Styler

        classes = self.map(lambda cell: "num" if _is_figure(cell) else "")
        uuid = hashlib.sha256(self.to_csv().encode("utf-8")).hexdigest()[:12]
        return (
            Styler(self, uuid=uuid, cell_ids=False)
            .format(escape="html").format_index(escape="html", axis=0).format_index(escape="html", axis=1)
            .set_td_classes(classes).set_table_attributes('class="dataframe"').to_html()
        )


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


def format_table(df, columns: Sequence[Column]):
    """The display frame: Vietnamese headers, every cell a Vietnamese-formatted string.

    Parameters
    ----------
    df : pandas.DataFrame
        The computed table (ints, Decimals, strings, booleans; no floats).
    columns : sequence of Column

    Returns
    -------
    DisplayTable
        Rows numbered 1, 2, ... under the column-axis name ``STT``, one column per
        :class:`Column`, in order.

    Raises
    ------
    KeyError
        If a column named in ``columns`` is missing from ``df``.
    """
    missing = [c.key for c in columns if c.key not in df.columns]
    missing += [c.decimals for c in columns if isinstance(c.decimals, str) and c.decimals not in df.columns]
    if missing:
        raise KeyError(f"table lacks column(s) {missing}; it has {list(df.columns)}")
    rows = []
    for _, row in df.iterrows():
        rows.append([format_value(row[c.key], c.kind, c.places(row)) for c in columns])
    out = DisplayTable(rows, columns=[c.header for c in columns], dtype=object)
    out.index = pd.RangeIndex(1, len(out) + 1)
    # "STT" (số thứ tự) named on the columns, not the index: the HTML table then has one
    # header row, with STT in its corner, instead of a second, empty one.
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
    for n, (_, row) in enumerate(df.iterrows(), start=1):
        values: list = [n]
        formats: list = [None]
        for c in columns:
            v = row[c.key]
            if is_missing(v):
                values.append(None)
                formats.append(None)
            elif c.kind == "text":
                values.append(str(v))
                formats.append(None)
            elif c.kind == "bool":
                values.append(YES if bool(v) else NO)
                formats.append(None)
            elif c.kind == "int":
                values.append(int(v))
                formats.append(_excel_format("int", 0))
            elif c.kind == "percent":
                values.append(Decimal(v) / 100)
                formats.append(_excel_format("percent", c.places(row)))
            else:
                values.append(Decimal(v))
                formats.append(_excel_format("number", c.places(row)))
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
    display = format_table(df, columns)
    csv_data = _csv_bytes(display)
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
    STT              Loại Số lượng
    1    Đơn vị sự nghiệp       58
    """
    export_table(df, columns, name, directory=directory)
    return format_table(df, columns)
