"""The files of a display table: ``figures/NN-slug-what.csv`` and ``.xlsx``, written reproducibly.

:func:`export_table` writes, from the same :class:`~parstats.analysis.columns.Column` list a page
uses, every column (ids included) as the displayed strings, numbered ``STT``, in a CSV (UTF-8
with a byte-order mark so that Excel opens the Vietnamese text correctly), and the real numbers
with number formats in an XLSX (so Excel shows them in the reader's locale and can compute with
them). Both files are written atomically, and the XLSX is byte-reproducible: openpyxl stamps the
current time into ``docProps/core.xml`` and into each zip entry, so the archive is rebuilt with a
fixed date (:data:`FIXED_TIMESTAMP`).
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Sequence

import pandas as pd

from parstats.analysis.columns import (NO, YES, Column, check_columns, column_places, display_cells, format_value,
                                      is_missing)
from parstats.files import write_atomic
from parstats.paths import display_path

__all__ = ["ExportedTable", "FIXED_TIMESTAMP", "TABLE_NAME", "export_table"]


#: Date written into the XLSX properties and zip entries (the zip format's epoch).
FIXED_TIMESTAMP = "1980-01-01T00:00:00Z"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
TABLE_NAME = re.compile(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)+")


def _full_table(df, columns: Sequence[Column]):
    """Every column (ids included) as displayed strings, rows numbered from 1 under ``STT``."""
    check_columns(df, columns)
    out = pd.DataFrame(display_cells(df, columns), columns=[c.header for c in columns], dtype=object)
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
