"""The site's methods-and-limits page (``phuong-phap.html``) and the files a reader downloads.

The page says what the data are (the raw report kept byte for byte, the curated tables of
``data/`` with their provenance), how the figures are recomputed, what the audit cannot know,
and, folded away, the facts that identify the build. Its numbers (tables, rows, checksums) are
read from the project, never typed.

:func:`download_files` gathers what the site offers for download under ``tai-ve/``: every
notebook (``.ipynb``), every file its analysis wrote to ``figures/`` (SVG and PNG figures, CSV
and XLSX tables), the curated tables as a reviewer reads them (``tai-ve/du-lieu/``: Vietnamese
headers and labels) with their coded originals and ``datapackage.json`` for analysts
(``tai-ve/du-lieu/ma-goc/``), and the raw report with its sidecar (``tai-ve/bao-cao-goc/``), so
that the site is whole when copied.

Examples
--------
>>> describe_source("fn3"), describe_source("II.2.5"), describe_source("P2.4")
('chú thích 3', 'mục II.2.5', 'Phần thứ hai, mục 4')
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from parstats.numbers import format_number
from parstats.report import describe_source

#: Where downloads live in the site.
DOWNLOADS = "tai-ve"
#: The file name of the methods page.
METHODS_PAGE = "phuong-phap.html"
#: Where the coded originals of the curated tables (with ``datapackage.json``) sit under
#: ``tai-ve/du-lieu/``, for analysts; the tables beside it are the reviewer's, in Vietnamese.
CODED = "ma-goc"
#: Suffixes of the files of ``figures/`` that the site offers.
FIGURE_FILES = (".svg", ".png", ".csv", ".xlsx")


def _rows(path: Path) -> int:
    with io.open(path, encoding="utf-8", newline="") as fh:
        return max(0, sum(1 for _ in csv.reader(fh)) - 1)


def data_tables(data_dir: Path) -> list[dict]:
    """The curated tables of ``data/datapackage.json``: file, Vietnamese title, rows, sections.

    A project without ``datapackage.json`` lists its CSV files with no title.
    """
    package = data_dir / "datapackage.json"
    if package.is_file():
        resources = json.loads(package.read_text(encoding="utf-8")).get("resources", [])
    else:
        resources = [{"path": p.name} for p in sorted(data_dir.glob("*.csv"))]
    out = []
    for res in resources:
        path = data_dir / res["path"]
        if not path.is_file():
            continue
        out.append({"file": path.name, "href": f"{DOWNLOADS}/du-lieu/{path.name}", "title": res.get("title", ""),
                    "rows": format_number(_rows(path)),
                    "sections": ", ".join(describe_source(s) for s in res.get("reportSections", []))})
    return out


def _date(text) -> str | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(text or ""))
    return f"{int(m.group(3))}/{int(m.group(2))}/{m.group(1)}" if m else None


def methods_context(project, info, entries: list) -> dict:
    """What ``methods.html.j2`` shows (``info`` is :func:`parstats.publishing.facts.report_info`)."""
    from parstats.publishing.facts import git_commit, package_versions

    origin = info.meta.get("origin", {}) if isinstance(info.meta.get("origin"), dict) else {}
    return {
        "report": info,
        "raw_href": f"{DOWNLOADS}/bao-cao-goc/{info.raw.name}" if info.raw else None,
        "sidecar_href": f"{DOWNLOADS}/bao-cao-goc/{info.sidecar.name}" if info.sidecar else None,
        "raw_size": format_number(info.raw.stat().st_size) if info.raw else None,
        "signed_by": origin.get("signed_by"),
        # the path only: the sidecar's notes beside it are in English
        "obtained_from": re.sub(r"\s*\(.*\)\s*$", "", str(info.meta.get("obtained_from") or "")) or None,
        "accessed": _date(info.meta.get("date_accessed")),
        "tables": data_tables(project.data_dir),
        "datapackage_href": f"{DOWNLOADS}/du-lieu/{CODED}/datapackage.json"
        if (project.data_dir / "datapackage.json").is_file() else None,
        "notebooks": entries,
        "commit": git_commit(project.root),
        "versions": package_versions(),
    }


def download_files(project, notebooks: list[Path], readable: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """``{path in the site: bytes}`` of every file offered for download (see the module).

    ``readable`` maps a curated table's file name to the CSV a reviewer reads
    (:func:`parstats.publishing.report_pages.readable_tables`); a table without one is offered
    as coded."""
    out: dict[str, bytes] = {}
    for path in notebooks:
        out[f"{DOWNLOADS}/{path.name}"] = path.read_bytes()
    if project.figures_dir.is_dir():
        for path in sorted(project.figures_dir.iterdir()):
            if path.is_file() and path.suffix in FIGURE_FILES:
                out[f"{DOWNLOADS}/{path.name}"] = path.read_bytes()
    readable = readable or {}
    for table in data_tables(project.data_dir):
        # a reviewer's table: Vietnamese headers and labels; the coded original for analysts
        out[table["href"]] = readable.get(table["file"]) or (project.data_dir / table["file"]).read_bytes()
        if table["file"] in readable:
            out[f"{DOWNLOADS}/du-lieu/{CODED}/{table['file']}"] = (project.data_dir / table["file"]).read_bytes()
    if (project.data_dir / "datapackage.json").is_file():
        out[f"{DOWNLOADS}/du-lieu/{CODED}/datapackage.json"] = (project.data_dir / "datapackage.json").read_bytes()
    raw_dir = project.data_dir / "raw"
    if raw_dir.is_dir():
        for path in sorted(raw_dir.iterdir()):
            if path.is_file() and (path.suffix == ".md" or path.name.endswith(".meta.json")):
                out[f"{DOWNLOADS}/bao-cao-goc/{path.name}"] = path.read_bytes()
    return dict(sorted(out.items()))
