"""The site's pages about the report itself: the curated data, row by row, and the report
annotated figure by figure.

``du-lieu.html`` shows every curated table of ``data/`` with each row at an anchor
(``#<table>-<row id>``), its values as the report writes them and its source; the annotated
report links each figure there.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from parstats import data, paths
from parstats.publishing.methods import DOWNLOADS
from parstats.report import describe_source

__all__ = ["DATA_PAGE", "REPORT_PAGE", "DataTable", "Flag", "audited_report", "data_tables", "flagged_cells", "readable_tables",
           "report_page_parts", "row_anchor"]

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
    #: ``(row index, column index) -> Flag``: the cells that hold a figure the audit flags
    flags: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Flag:
    """A cell of the data page that holds a figure the audit finds inconsistent: the claim's
    anchor in the annotated report (``href``), what the report writes and the recomputed value."""

    href: str
    reported: str
    recomputed: str


def data_tables(data_dir: Path | str, with_flags: bool = True) -> list[DataTable]:
    """Every curated table of ``data_dir`` with its cells ready to show: codes written out
    with their Vietnamese labels, numbers as the report writes them, sources as a reader
    cites them; the row ``id`` is the anchor, not a column. With ``with_flags``, each cell
    that holds a figure the audit finds inconsistent carries its :class:`Flag`
    (:func:`flagged_cells`)."""
    from parstats.analysis.labels import label

    pkg = data.datapackage(data_dir)
    flagged = flagged_cells(data_dir) if with_flags else {}
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

        flags = {(i, j): flagged[(res["name"], row["id"], f["name"])]
                 for i, row in enumerate(rows) for j, f in enumerate(fields)
                 if (res["name"], row["id"], f["name"]) in flagged}
        out.append(DataTable(
            res["name"], res.get("title", res["name"]), res.get("description", ""),
            tuple((f["name"], f.get("title", f["name"]), data.is_numeric_field(f)) for f in fields),
            tuple((row_anchor(res["name"], row["id"]), tuple(cell(f, row) for f in fields)) for row in rows),
            f"{DOWNLOADS}/du-lieu/{Path(res['path']).name}", flags,
        ))
    return _name_rows(out)


def _name_rows(tables: list[DataTable]) -> list[DataTable]:
    """The tables with every cell that names a row (a row id of its own table, ``parent``; or
    ``table:row id``, ``measure_row``) written as that row's Vietnamese label."""
    import dataclasses

    titles = {t.name: t.title for t in tables}
    labels = {}
    for t in tables:
        text_cols = [i for i, (name, _, num) in enumerate(t.columns)
                     if not num and name not in ("source", "quote", "parent")][:3]
        for anchor, cells in t.rows:
            labels[(t.name, anchor[len(t.name) + 1:])] = ", ".join(cells[i] for i in text_cols if cells[i])

    def one(table: str, value: str) -> str:
        other, _, ids = value.partition(":")
        if ids and other in titles:
            # 'table:id', or 'table:id+id/id' (counts summed over a total: check_row)
            parts = re.split(r"([+/])", ids)
            if all((other, p) in labels for p in parts[::2]):
                words = "".join(f" {p} " if p in "+/" else labels[(other, p)] for p in parts)
                return f"{titles[other]}: {words}"
        return labels.get((table, value), value)

    def named(table: str, value: str) -> str:
        # several references separated by spaces (review_items.rows), each named
        if " " in value and ":" in value and all(":" in v for v in value.split()):
            return "; ".join(one(table, v) for v in value.split())
        return one(table, value)
    return [dataclasses.replace(t, rows=tuple((a, tuple(named(t.name, c) for c in cells)) for a, cells in t.rows))
            for t in tables]


def readable_tables(data_dir: Path) -> dict[str, bytes]:
    """``file name -> CSV bytes`` of each curated table as a reviewer reads it: the columns'
    Vietnamese titles as headers, codes written out with their labels, sources as «mục II.1»,
    rows referred to by their label (:func:`parstats.publishing.data_tables`);
    UTF-8 with a byte-order mark, as the figures' tables. Empty without ``datapackage.json``."""
    if not (data_dir / "datapackage.json").is_file():
        return {}
    out = {}
    for t in data_tables(data_dir, with_flags=False):
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(["Mã dòng", *(title for _, title, _ in t.columns)])
        for anchor, cells in t.rows:
            writer.writerow([anchor[len(t.name) + 1:], *cells])
        out[Path(t.href).name] = ("\ufeff" + buf.getvalue()).encode("utf-8")
    return out


def audited_report(data_dir: Path | str):
    """``(document, audit, curated figures, their places, the marks' spans by finding index)``
    of the raw report of ``data_dir``, or None without one."""
    from parstats.analysis.report_map import curated_figures, figure_places
    from parstats.audit import audit_path
    from parstats.audit.annotate import locate_marks
    from parstats.audit.inputs import read_document
    from parstats.markdown import normalize_lines

    raw = Path(data_dir) / "raw" / paths.RAW_REPORT.name
    if not raw.is_file():
        return None
    doc = read_document(raw)
    report = audit_path(raw, source=f"data/raw/{raw.name}")
    figures = curated_figures(data_dir)
    lines = normalize_lines(doc.text).split("\n")
    spans = {}
    for mark in locate_marks(lines, list(report.findings)):
        for i in mark.findings:
            spans[i] = (mark.line, mark.start, mark.end)
    return doc, report, figures, figure_places(lines, figures), spans


def flagged_cells(data_dir: Path | str) -> dict[tuple[str, str, str], Flag]:
    """``(table, row id, column) -> Flag`` for every curated value that stands where the audit
    marks an inconsistent figure of the home report (the report's wrong figure, curated as
    written): the data page shows it with its mark and a link to the correction."""
    from parstats.analysis.report_map import figures_for_span

    audited = audited_report(data_dir)
    if audited is None:
        return {}
    _doc, report, _figures, places, spans = audited
    out = {}
    for i, f in enumerate(report.findings):
        if f.status != "inconsistent" or i not in spans:
            continue
        for fig in figures_for_span(spans[i], places):
            out.setdefault((fig.table, fig.row_id, fig.field),
                           Flag(f"{REPORT_PAGE}#c-{f.claim.id}", f.claim.reported or fig.value, f.recomputed or ""))
    return out


def _row_labels(data_dir: Path | str) -> dict[tuple[str, str], str]:
    """``(table, row id) -> `` a short Vietnamese label of the row: its first coded columns
    written out (``Cấp xã, 6 tháng đầu năm 2023``)."""
    out = {}
    for t in data_tables(data_dir, with_flags=False):
        text_cols = [i for i, (name, _, num) in enumerate(t.columns)
                     if not num and name not in ("source", "quote", "parent")][:3]
        for anchor, cells in t.rows:
            out[(t.name, anchor[len(t.name) + 1:])] = ", ".join(cells[i] for i in text_cols if cells[i])
    return out


def report_page_parts(project, notebook_pages: dict[str, tuple[str, str]]):
    """The annotated home report for the site: every figure the audit checks marked by its
    status, every curated figure linked to the row that curates that very claim (the figure
    standing at the mark, not an equal value elsewhere) on the data page and to that row (or
    its table) in the notebook that shows it; a checked figure no row carries says so.

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
    from parstats.analysis.report_map import figures_at_claim, notebook_row_anchors, notebooks_by_table
    from parstats.audit.annotate import Note, annotate_html
    from parstats.markdown import normalize_lines

    audited = audited_report(project.data_dir)
    if audited is None:
        return None
    doc, report, figures, places, spans = audited
    shown_in = notebooks_by_table(project.notebooks_dir)
    anchors = notebook_row_anchors(project.notebooks_dir)
    titles = {t.name: t.title for t in data_tables(project.data_dir, with_flags=False)}
    rows = _row_labels(project.data_dir)
    fields = {(r["name"], f["name"]): f.get("title", f["name"])
              for r in data.datapackage(project.data_dir)["resources"] for f in r["schema"]["fields"]}

    def links_of(figs) -> list:
        out, seen = [], set()
        for fig in figs:
            key = (fig.table, fig.row_id)
            if key not in seen:
                seen.add(key)
                label = rows.get(key) or titles[fig.table]
                out.append((f"Dữ liệu «{titles[fig.table]}»: {label}",
                            f"{DATA_PAGE}#{row_anchor(fig.table, fig.row_id)}"))
        for fig in figs:  # the row in the notebook that shows its table, else that notebook
            nb, anchor = anchors.get(fig.row_id, (None, None))
            if nb not in shown_in.get(fig.table, ()):
                nb, anchor = next(iter(shown_in.get(fig.table, ())), None), None
            page, title = notebook_pages.get(nb, (None, None))
            if page and ("nb", page, anchor) not in seen:
                seen.add(("nb", page, anchor))
                out.append((f"Sổ tay: {title}" + (", bảng số liệu" if anchor else ""),
                            f"{page}#{anchor}" if anchor else page))
        return out

    used = set()
    index = {id(f): i for i, f in enumerate(report.findings)}

    def claim_figures(finding) -> list:
        return figures_at_claim(finding.claim, spans.get(index.get(id(finding))), places)

    lines = normalize_lines(doc.text).split("\n")
    reviews = _review_spans(lines, project.data_dir)

    def extra_links(finding) -> list:
        figs = claim_figures(finding)
        used.update(figs)
        out = links_of(figs) or [("Số liệu này chưa được trích vào dữ liệu (data/)", None)]
        # a figure the reviewer's list asks to correct for another reason than its arithmetic
        # (a document number's form, say) says so beside its own check
        span = spans.get(index.get(id(finding)))
        if span is not None:
            out += [(f"Đề nghị xem lại: {issue}", f"index.html#{REVIEW_ANCHOR}")
                    for line, start, end, issue in reviews
                    if line == span[0] and start < span[2] and span[1] < end]
        return out

    # a programme target's threshold is not a result to check: noted as the target it is
    # (the same set the index and page 05 count as «mức chỉ tiêu đề ra»), not «không kiểm chứng được»
    thresholds = _threshold_ids(report, project.data_dir)
    kept, threshold_notes = [], []
    for i, f in enumerate(report.findings):
        if f.claim.id not in thresholds or i not in spans:
            kept.append(f)
            continue
        figs = claim_figures(f)
        used.update(figs)
        line, start, _end = spans[i]
        value = f.claim.reported.rstrip("%").strip()
        before = re.findall(r"(?<![\w.,])" + re.escape(value) + r"(?![\d])(?![.,]\d)", lines[line][:start])
        threshold_notes.append(Note(line + 1, value, THRESHOLD_NOTE, tuple(links_of(figs)), len(before)))
    report = dataclasses.replace(report, findings=tuple(kept))
    # the claims' links first (they tell which curated figures a claim already marks)
    for f in report.findings:
        extra_links(f)
    notes = threshold_notes + [Note(fig.line, fig.value, f"{titles[fig.table]}: cột «{fields[(fig.table, fig.field)]}»",
                                    tuple(links_of([fig])), fig.occurrence)
                               for fig in figures if fig not in used]
    return annotate_html(doc, report, "vi", extra_links=extra_links, standalone=False, notes=notes)


#: The anchor of the reviewer's list «Đề nghị cơ quan soạn thảo xem lại» on the index.
REVIEW_ANCHOR = "xem-lai"


def _review_spans(lines: list[str], data_dir) -> list[tuple[int, int, int, str]]:
    """``(line index, start, end, issue)`` of every place the curated reviewer's list
    (``review_items.csv``: the words it quotes) stands in the report's ``lines``."""
    path = Path(data_dir) / "review_items.csv"
    if not path.is_file():
        return []
    out = []
    for _, r in data.load("review_items", data_dir=data_dir).iterrows():
        for j, line in enumerate(lines):
            at = line.find(r["words"])
            if at >= 0:
                out.append((j, at, at + len(r["words"]), r["issue"]))
    return out


#: The explanation of a target's threshold in the annotated report.
THRESHOLD_NOTE = "Mức chỉ tiêu đề ra (mục tiêu đến năm 2025), không phải kết quả thực hiện: không có gì để tính lại"


def _threshold_ids(report, data_dir) -> set[str]:
    """The claims of the home report that are a target's threshold
    (:func:`parstats.analysis.findings.threshold_claims`); none without ``targets``."""
    from parstats.analysis.findings import threshold_claims
    from parstats.report import load_report

    if not (Path(data_dir) / "targets.csv").is_file():
        return set()
    return threshold_claims(report, load_report(), data.load("targets", data_dir=data_dir))
