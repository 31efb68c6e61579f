"""Audit many report files at once: ``parstats audit PATH [PATH ...]`` with folders.

:func:`collect_paths` turns the command-line paths into a sorted list of files (a folder is
searched recursively for the suffixes of :data:`SUFFIXES`: ``*.md``, ``*.txt``, ``*.docx``,
``*.pdf``, ``*.html``; hidden folders and files and Word's ``~$`` lock files skipped),
:func:`audit_many` audits them in worker processes and yields one :class:`FileResult` per file
in input order (so the output does not depend on the number of processes), and the writers
turn the results into JSON Lines, a JSON list, one CSV or per-file tables, plus a summary CSV
with one row per file (:func:`summary_rows`, :func:`summary_csv`).

A file that cannot be read (missing, unreadable, not UTF-8, damaged, encrypted, scanned, ...)
is a result with its error, not an exception: the run goes on with the other files. :func:`run_batch` is the command line.

Examples
--------
>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "a.md").write_text("Tinh giản 28/1.752 biên chế, đạt 1,6%.", encoding="utf-8")
>>> _ = (d / "b.txt").write_bytes(b"Gia h\\xe1\\xba\\xa1n\\xff")
>>> _ = (d / "notes.csv").write_text("ignored", encoding="utf-8")
>>> [p.name for p in collect_paths([d])]
['a.md', 'b.txt']
>>> [(r.path.name, r.report is not None, r.error is not None) for r in audit_many(collect_paths([d]), jobs=1)]
[('a.md', True, False), ('b.txt', False, True)]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import sys
import textwrap
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, TextIO

from parstats.audit.checks import STATUSES
from parstats.audit.reading import ReportReadError
from parstats.audit.inputs import FORMATS, PLAIN_FORMATS
from parstats.audit.results import CSV_COLUMNS, LOCATION_COLUMNS, AuditReport, audit_path
from parstats.files import write_atomic

__all__ = [
    "SUFFIXES",
    "SUMMARY_COLUMNS",
    "PROGRESS_MIN_FILES",
    "FileResult",
    "collect_paths",
    "audit_one",
    "audit_many",
    "map_in_processes",
    "result_json",
    "summary_rows",
    "summary_csv",
    "write_results",
    "jobs_count",
    "run_batch",
]

#: file name endings searched for in a folder (compared case-insensitively)
SUFFIXES = (".md", ".txt", ".docx", ".pdf", ".html", ".htm")
#: columns of the ``--summary`` CSV, in order
SUMMARY_COLUMNS = ("path", "sha256", "claims", *STATUSES, "error")
#: a progress bar is shown (unless ``--quiet``) when more than this many files are audited
PROGRESS_MIN_FILES = 3


class FileResult(NamedTuple):
    """The audit of one file: its report, or the reason it could not be read.

    Attributes
    ----------
    path : Path
        The file as collected (joined to the path given on the command line).
    sha256 : str or None
        Hex digest of the file's bytes; None when they could not be read at all.
    report : AuditReport or None
        None when the file could not be read.
    error : str or None
        The one-line :class:`parstats.audit.reading.ReportReadError` message, else None.
    code : str or None
        The error's :attr:`~parstats.audit.reading.ReportReadError.code` (``damaged``,
        ``encrypted``, ...), else None.
    """

    path: Path
    sha256: str | None
    report: AuditReport | None
    error: str | None
    code: str | None = None


# --------------------------------------------------------------------------------------------
# collecting and auditing
# --------------------------------------------------------------------------------------------

def _folder_files(root: Path) -> list[Path]:
    """Files with a :data:`SUFFIXES` ending under ``root``, recursively, hidden entries and
    Word lock files (``~$x.docx``) skipped, sorted."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder, f) for f in files
                  if not f.startswith((".", "~$")) and f.lower().endswith(SUFFIXES)]
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The files to audit, in a deterministic order.

    A folder is replaced by its report files (:data:`SUFFIXES`, recursively, sorted by their
    path below the folder; hidden folders and files are skipped, symbolic links to folders are
    not followed). Any other path is kept as given, whatever its name ends with, even when it
    does not exist: auditing it then reports the error. A file reached twice is kept once, at
    its first place.

    Parameters
    ----------
    paths : iterable of str or Path
        The paths given on the command line, in order.

    Returns
    -------
    list of Path

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for name in ["b.md", "a/z.txt", "a/y.MD", ".git/x.md", "c.csv"]:
    ...     (d / name).parent.mkdir(exist_ok=True)
    ...     _ = (d / name).write_text("x", encoding="utf-8")
    >>> [p.relative_to(d).as_posix() for p in collect_paths([d / "b.md", d, d / "missing.md"])]
    ['b.md', 'a/y.MD', 'a/z.txt', 'missing.md']
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for given in map(Path, paths):
        for p in _folder_files(given) if given.is_dir() else [given]:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


def audit_one(path: Path) -> FileResult:
    """Audit one file; a :class:`~parstats.audit.reading.ReportReadError` becomes the result's error.

    The checksum of a file that is not UTF-8 is still given (its bytes could be read).

    Examples
    --------
    >>> audit_one(Path("/nonexistent/report.md")).error
    "cannot read '/nonexistent/report.md': no such file"
    """
    try:
        report = audit_path(path, source=str(path))
    except ReportReadError as exc:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            digest = None
        return FileResult(path, digest, None, str(exc), exc.code)
    return FileResult(path, report.sha256, report, None)


def map_in_processes(func, items: list, jobs: int | None = None, progress: bool = False) -> Iterator:
    """``func`` of each item, in worker processes when ``jobs > 1``, in input order whatever
    ``jobs`` is, with a tqdm progress bar on standard error when ``progress``.

    ``jobs`` defaults to ``os.cpu_count()`` and is never more than the items; ``func`` must be
    picklable (a module-level function). Work left when the caller stops early is cancelled.

    Examples
    --------
    >>> list(map_in_processes(abs, [-2, 1, -3], jobs=1))
    [2, 1, 3]
    """
    from concurrent.futures import ProcessPoolExecutor  # here: the CLI imports this module at start

    from tqdm import tqdm

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(items)))
    with tqdm(total=len(items), file=sys.stderr, disable=not progress, unit="file",
              dynamic_ncols=True) as bar:
        pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
        try:
            # a few chunks per worker: little pickling overhead, still balanced across workers
            results = (map(func, items) if pool is None else
                       pool.map(func, items, chunksize=max(1, len(items) // (jobs * 8))))
            for res in results:
                bar.update(1)
                yield res
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)


def audit_many(paths: list[Path], jobs: int | None = None, progress: bool = False) -> Iterator[FileResult]:
    """Audit files, in worker processes when ``jobs > 1``; yield the results in input order.

    Parameters
    ----------
    paths : list of Path
        The files, e.g. from :func:`collect_paths`.
    jobs : int, optional
        Number of processes (default ``os.cpu_count()``); 1 audits in this process. Never more
        processes than files.
    progress : bool, default False
        Show a tqdm progress bar on standard error (never on standard output).

    Yields
    ------
    FileResult
        One per path, in the order of ``paths``, whatever ``jobs`` is.
    """
    yield from map_in_processes(audit_one, paths, jobs, progress)


# --------------------------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------------------------

def result_json(res: FileResult) -> dict:
    """The JSON object of one file: :meth:`AuditReport.to_json`, or ``source`` and ``error``.

    Examples
    --------
    >>> result_json(FileResult(Path("x.md"), None, None, "cannot read 'x.md': no such file"))
    {'source': 'x.md', 'error': "cannot read 'x.md': no such file"}
    """
    if res.report is None:
        out = {"source": str(res.path), "error": res.error}
        if res.code not in (None, "unreadable"):
            out["error_code"] = res.code
        return out
    return res.report.to_json()


def _json_text(res: FileResult, indent: int | None = None) -> str:
    return json.dumps(result_json(res), ensure_ascii=False, indent=indent)


def _table_section(res: FileResult) -> str:
    body = res.report.to_table() if res.report is not None else f"error: {res.error}\n"
    return f"=== {res.path} ===\n{body}"


def _csv_rows(res: FileResult) -> list[dict]:
    """The claim rows of :meth:`AuditReport.to_csv` with ``source`` (and ``error``) added."""
    if res.report is None:
        return [{"source": str(res.path), "error": res.error}]
    return [{"source": str(res.path), **row} for row in res.report.csv_rows()]


def write_results(results: Iterable[FileResult], fmt: str, out: TextIO,
                  located: bool = False) -> Iterator[FileResult]:
    """Write each result to ``out`` as it comes, in ``fmt``; yield the results on.

    Formats: ``jsonl`` (one :func:`result_json` object per line), ``json`` (a list of those
    objects, indented like ``--format json`` of one file), ``csv`` (the claim rows of every
    file, with a leading ``source`` and a trailing ``error`` column) and ``table`` (one
    :meth:`AuditReport.to_table` per file under a ``=== path ===`` header, blank line between).
    ``located``: the CSV also has the :data:`~parstats.audit.results.LOCATION_COLUMNS` (before
    ``error``), filled for documents that are not Markdown or plain text.

    Examples
    --------
    >>> res = [FileResult(Path("a.md"), None, None, "cannot read 'a.md': no such file")]
    >>> _ = list(write_results(res, "csv", sys.stdout))
    source,id,kind,line,quote,numerator,denominator,parts,reported,recomputed,status,severity,diagnosis,basis,error
    a.md,,,,,,,,,,,,,,cannot read 'a.md': no such file
    """
    writer, i = None, -1
    if fmt == "csv":
        cols = [*CSV_COLUMNS, *LOCATION_COLUMNS] if located else list(CSV_COLUMNS)
        writer = csv.DictWriter(out, fieldnames=["source", *cols, "error"],
                                restval="", lineterminator="\n")
        writer.writeheader()
    elif fmt == "json":
        out.write("[")
    for i, res in enumerate(results):
        if fmt == "jsonl":
            out.write(_json_text(res) + "\n")
        elif fmt == "json":
            out.write(("," if i else "") + "\n" + textwrap.indent(_json_text(res, indent=2), "  "))
        elif fmt == "csv":
            writer.writerows(_csv_rows(res))
        else:
            out.write(("\n" if i else "") + _table_section(res))
        yield res
    if fmt == "json":
        out.write("\n]\n" if i >= 0 else "]\n")


def summary_rows(results: Iterable[FileResult]) -> list[dict]:
    """One row per file: ``path``, ``sha256``, ``claims``, a count per status, ``error``.

    Counts are empty and ``error`` is filled for a file that could not be read.

    Examples
    --------
    >>> summary_rows([FileResult(Path("a.md"), "ab12", None, "not UTF-8")])
    [{'path': 'a.md', 'sha256': 'ab12', 'claims': '', 'consistent': '', 'inconsistent': '', 'unverifiable': '', 'error': 'not UTF-8'}]
    """
    rows = []
    for res in results:
        row = dict.fromkeys(SUMMARY_COLUMNS, "")
        row.update(path=str(res.path), sha256=res.sha256 or "", error=res.error or "")
        if res.report is not None:
            counts = res.report.counts()
            row["claims"] = counts["claims"]
            row.update(counts["by_status"])
        rows.append(row)
    return rows


def summary_csv(rows: Iterable[dict]) -> bytes:
    """The summary rows as UTF-8 CSV bytes with a header line (``\\n`` line ends)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


# --------------------------------------------------------------------------------------------
# command line
# --------------------------------------------------------------------------------------------

def jobs_count(text: str) -> int:
    """``--jobs`` value: a positive integer (argparse ``type``)."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of processes, got {text!r}")
    return n


def run_batch(args: argparse.Namespace, paths: list[str | Path]) -> int:
    """``parstats audit`` for several files or folders: the options in ``args``, the paths given.

    Returns
    -------
    int
        2 when no file could be read (or none was found), 1 with ``--strict`` when any
        claim is inconsistent, else 0.
    """
    def error(message: str) -> None:
        # tqdm.write keeps a running progress bar intact
        from tqdm import tqdm

        tqdm.write(f"parstats audit: error: {message}", file=sys.stderr)

    files = collect_paths(paths)
    if not files:  # only folders were given, and they hold no report text
        error("no report file (" + ", ".join(f"*{s}" for s in SUFFIXES) + ") in directory "
              + ", ".join(f"'{p}'" for p in paths))
        return 2
    progress = not getattr(args, "quiet", False) and len(files) > PROGRESS_MIN_FILES
    results = audit_many(files, jobs=getattr(args, "jobs", None), progress=progress)
    rows, read, inconsistent = [], 0, False
    located = any(FORMATS.get(p.suffix.lower(), "text") not in PLAIN_FORMATS for p in files)
    for res in write_results(results, getattr(args, "format", "table"), sys.stdout, located):
        if res.report is None:
            error(res.error)
        else:
            read += 1
            inconsistent = inconsistent or bool(res.report.flagged)
        rows += summary_rows([res])
    sys.stdout.flush()
    if getattr(args, "summary", None):
        write_atomic(args.summary, summary_csv(rows))
    if not read:
        return 2
    return 1 if getattr(args, "strict", False) and inconsistent else 0
