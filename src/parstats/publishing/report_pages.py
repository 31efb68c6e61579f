"""The site's pages about the report itself: the curated data, row by row, and the report
annotated figure by figure.

``du-lieu.html`` shows every curated table of ``data/`` with each row at an anchor
(``#<table>-<row id>``), its values as the report writes them and its source; the annotated
report links each figure there.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from parstats import data
from parstats.report import describe_source

__all__ = ["DATA_PAGE", "REPORT_PAGE", "DataTable", "data_tables", "row_anchor"]

#: File names of the two pages in ``site/``.
DATA_PAGE, REPORT_PAGE = "du-lieu.html", "bao-cao.html"


def row_anchor(table: str, row_id: str) -> str:
    """The anchor of a row on the data page.

    Examples
    --------
    >>> row_anchor("dossiers", "xa-2021")
    'dossiers-xa-2021'
    """
    return f"{table}-{row_id}"


@dataclass(frozen=True)
class DataTable:
    """One curated table as the data page shows it."""

    name: str
    title: str
    description: str
    columns: tuple[tuple[str, bool], ...]  # (Vietnamese title, numeric?)
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (anchor, cells)
    csv_name: str


def data_tables(data_dir: Path | str) -> list[DataTable]:
    """Every curated table of ``data_dir`` with its cells ready to show: codes written out
    with their Vietnamese labels, numbers as the report writes them, sources as a reader
    cites them; the row ``id`` is the anchor, not a column."""
    from parstats.analysis.labels import label

    pkg = data.datapackage(data_dir)
    out = []
    for res in pkg["resources"]:
        fields = [f for f in res["schema"]["fields"] if f["name"] != "id"]
        with open(Path(data_dir) / res["path"], encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))

        def cell(f, row):
            value = row[f["name"]]
            if f["name"] == "source" and value:
                return describe_source(value)
            if f.get("enumLabels") or f["name"] in ("period", "base_period"):
                return label(res["name"], f["name"], value)
            return value

        out.append(DataTable(
            res["name"], res.get("title", res["name"]), res.get("description", ""),
            tuple((f.get("title", f["name"]), data.is_numeric_field(f)) for f in fields),
            tuple((row_anchor(res["name"], row["id"]), tuple(cell(f, row) for f in fields)) for row in rows),
            Path(res["path"]).name,
        ))
    return out
