"""``parstats audit``: the command line (one file, or many files and folders with :mod:`parstats.audit.batch`)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parstats.audit.reading import ReportReadError
from parstats.audit.results import audit_path


# CLI

def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``parstats audit PATH [PATH ...] [--format table|json|jsonl|csv] [--strict]
    [--jobs N] [--summary FILE.csv] [--quiet]``."""
    from parstats.audit.batch import jobs_count

    parser.add_argument("path", nargs="+",
                        help="report files (.md, .txt, .docx, .pdf with a text layer, .html), "
                             "or folders searched recursively for them")
    parser.add_argument("--format", choices=("table", "json", "jsonl", "csv", "html"), default="table",
                        help="output format (default: table, flagged claims first); jsonl: one "
                             "JSON object per file and line; html: the document annotated figure by "
                             "figure, one self-contained page (several files or a folder: one page "
                             "per file and an index.html table in the folder -o OUTDIR)")
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write the output (one file's audit) to FILE, atomically, instead of "
                             "standard output; with --format html and a folder: the folder OUTDIR")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi",
                        help="language of the annotated page's words and diagnoses (default: vi)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when any claim is inconsistent")
    parser.add_argument("--jobs", "-j", type=jobs_count, default=None, metavar="N",
                        help="processes auditing files in parallel (default: all cores; 1: none)")
    parser.add_argument("--summary", metavar="FILE.csv",
                        help="also write one row per file: path, sha256, claim counts by status, error")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress bar on standard error")


def run(args: argparse.Namespace) -> int:
    """Run the audit; exit 0, 1 (``--strict`` and something inconsistent) or 2 (bad file).

    Several paths, a folder, ``--format jsonl`` or ``--summary`` go to
    :func:`parstats.audit.batch.run_batch` (exit 2 only when no file could be read).
    """
    paths = args.path if isinstance(args.path, list) else [args.path]
    if getattr(args, "format", "table") == "html" and (len(paths) > 1 or Path(paths[0]).is_dir()):
        return _run_html_folder(args, paths)
    if (len(paths) > 1 or Path(paths[0]).is_dir() or getattr(args, "summary", None)
            or getattr(args, "format", "table") == "jsonl"):
        from parstats.audit.batch import run_batch

        return run_batch(args, paths)
    if getattr(args, "format", "table") == "html":
        return _run_html(args, paths[0])
    try:
        rep = audit_path(paths[0], source=str(paths[0]))
    except ReportReadError as exc:
        print(f"parstats audit: error: {exc}", file=sys.stderr)
        return 2
    fmt = getattr(args, "format", "table")
    if fmt == "json":
        out = rep.to_json_text()
    elif fmt == "csv":
        out = rep.to_csv()
    else:
        out = rep.to_table()
    _emit(args, out)
    if getattr(args, "strict", False) and any(f.status == "inconsistent" for f in rep.findings):
        return 1
    return 0


def _emit(args: argparse.Namespace, out: str) -> None:
    """Write ``out`` to ``--output`` (atomically) or to standard output."""
    target = getattr(args, "output", None)
    if target:
        from parstats.files import write_atomic

        write_atomic(target, out.encode("utf-8"))
    else:
        sys.stdout.write(out)
        sys.stdout.flush()


def _run_html(args: argparse.Namespace, path: str) -> int:
    """``--format html``: the annotated page of one document (:mod:`parstats.audit.annotate`)."""
    from parstats.audit.annotate import annotate_html
    from parstats.audit.inputs import read_document

    try:
        rep = audit_path(path, source=str(path))
        # the document the audit read (a report of audit_path carries it where the readers of
        # every format do; else the same file read again, as the same text)
        doc = getattr(rep, "document", None) or read_document(path)
    except ReportReadError as exc:
        print(f"parstats audit: error: {exc}", file=sys.stderr)
        return 2
    _emit(args, annotate_html(doc, rep, lang=getattr(args, "lang", "vi")))
    if getattr(args, "strict", False) and any(f.status == "inconsistent" for f in rep.findings):
        return 1
    return 0


def _run_html_folder(args: argparse.Namespace, paths: list[str]) -> int:
    """``--format html -o OUTDIR`` of several files or folders: one annotated page per file and
    ``index.html`` linking them (:mod:`parstats.audit.pages`); exit 2 when no file could be read."""
    from parstats.audit.batch import PROGRESS_MIN_FILES, SUFFIXES, collect_paths
    from parstats.audit.pages import annotate_many, write_folder

    outdir = getattr(args, "output", None)
    if not outdir:
        print("parstats audit: error: --format html of a folder or several files writes a folder: "
              "give it with -o OUTDIR", file=sys.stderr)
        return 2
    if Path(outdir).exists() and not Path(outdir).is_dir():
        print(f"parstats audit: error: -o {outdir}: not a folder (--format html of several files "
              "writes one page per file and index.html into a folder)", file=sys.stderr)
        return 2
    files = collect_paths(paths)
    if not files:
        print("parstats audit: error: no report file (" + ", ".join(f"*{s}" for s in SUFFIXES)
              + ") in " + ", ".join(f"'{p}'" for p in paths), file=sys.stderr)
        return 2
    progress = not getattr(args, "quiet", False) and len(files) > PROGRESS_MIN_FILES
    results = list(annotate_many(files, jobs=getattr(args, "jobs", None), progress=progress,
                                 lang=getattr(args, "lang", "vi")))
    for res in results:
        if res.error:
            print(f"parstats audit: error: {res.error}", file=sys.stderr)
    written = write_folder(results, outdir)
    print(f"wrote {len(written) - 1} annotated pages and {written[-1]}", file=sys.stderr)
    if all(r.report is None for r in results):
        return 2
    if getattr(args, "strict", False) and any(r.report.flagged for r in results if r.report is not None):
        return 1
    return 0
