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
    parser.add_argument("--format", choices=("table", "json", "jsonl", "csv"), default="table",
                        help="output format (default: table, flagged claims first); jsonl: one "
                             "JSON object per file and line")
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
    if (len(paths) > 1 or Path(paths[0]).is_dir() or getattr(args, "summary", None)
            or getattr(args, "format", "table") == "jsonl"):
        from parstats.audit.batch import run_batch

        return run_batch(args, paths)
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
    sys.stdout.write(out)
    sys.stdout.flush()
    if getattr(args, "strict", False) and any(f.status == "inconsistent" for f in rep.findings):
        return 1
    return 0
