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

from parstats import data, paths
from parstats.publishing.methods import DOWNLOADS
from parstats.report import describe_source

__all__ = ["DATA_PAGE", "REPORT_PAGE", "DataTable", "data_tables", "report_page_parts", "row_anchor"]

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
    columns: tuple[tuple[str, str, bool], ...]  # (field name, Vietnamese title, numeric?)
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (anchor, cells)
    href: str  # the CSV among the site's downloads


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
            tuple((f["name"], f.get("title", f["name"]), data.is_numeric_field(f)) for f in fields),
            tuple((row_anchor(res["name"], row["id"]), tuple(cell(f, row) for f in fields)) for row in rows),
            f"{DOWNLOADS}/du-lieu/{Path(res['path']).name}",
        ))
    return out


def _row_labels(data_dir: Path | str) -> dict[tuple[str, str], str]:
    """``(table, row id) -> `` a short Vietnamese label of the row: its first coded columns
    written out (``Cấp xã, 6 tháng đầu năm 2023``)."""
    out = {}
    for t in data_tables(data_dir):
        text_cols = [i for i, (name, _, num) in enumerate(t.columns)
                     if not num and name not in ("source", "quote")][:3]
        for anchor, cells in t.rows:
            out[(t.name, anchor[len(t.name) + 1:])] = ", ".join(cells[i] for i in text_cols if cells[i])
    return out


def report_page_parts(project, notebook_pages: dict[str, tuple[str, str]]):
    """The annotated home report for the site: every figure the audit checks marked by its
    status, every curated figure linked to its row on the data page and to the notebook that
    shows its table; a checked figure no row carries says so.

    Parameters
    ----------
    project : parstats.publishing.project.Project
    notebook_pages : dict
        ``notebook file name -> (page file name, title)``.

    Returns
    -------
    parstats.audit.annotate.Annotated or None
        None for a project without the raw report.
    """
    from parstats.analysis.report_map import (curated_figures, figures_by_line, figures_for_claim,
                                              notebooks_by_table)
    from parstats.audit import audit_path
    from parstats.audit.annotate import Note, annotate_html
    from parstats.audit.inputs import read_document
    raw = project.data_dir / "raw" / paths.RAW_REPORT.name
    if not raw.is_file():
        return None
    doc = read_document(raw)
    report = audit_path(raw, source=f"data/raw/{raw.name}")
    figures = curated_figures(project.data_dir)
    by_line = figures_by_line(figures)
    shown_in = notebooks_by_table(project.notebooks_dir)
    titles = {t.name: t.title for t in data_tables(project.data_dir)}
    rows = _row_labels(project.data_dir)
    fields = {(r["name"], f["name"]): f.get("title", f["name"])
              for r in data.datapackage(project.data_dir)["resources"] for f in r["schema"]["fields"]}

    def links_of(figs) -> list:
        out, seen = [], set()
        for fig in figs:
            key = (fig.table, fig.row_id)
            if key not in seen:
                seen.add(key)
                label = rows.get(key) or fig.row_id
                out.append((f"Dữ liệu «{titles[fig.table]}»: {label}",
                            f"{DATA_PAGE}#{row_anchor(fig.table, fig.row_id)}"))
        for table in dict.fromkeys(fig.table for fig in figs):
            for nb in shown_in.get(table, ()):
                page, title = notebook_pages.get(nb, (None, None))
                if page and ("nb", page) not in seen:
                    seen.add(("nb", page))
                    out.append((f"Sổ tay: {title}", page))
        return out

    used = set()

    def extra_links(finding) -> list:
        figs = figures_for_claim(finding.claim, by_line)
        used.update(figs)
        return links_of(figs) or [("Số liệu này chưa được trích vào dữ liệu (data/)", None)]

    # the claims' links first (they tell which curated figures a claim already marks)
    for f in report.findings:
        extra_links(f)
    notes = [Note(fig.line, fig.value, f"{titles[fig.table]}: cột «{fields[(fig.table, fig.field)]}»",
                  tuple(links_of([fig])))
             for fig in figures if fig not in used]
    return annotate_html(doc, report, "vi", extra_links=extra_links, standalone=False, notes=notes)
