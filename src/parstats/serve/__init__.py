"""``parstats serve``: a local web page where a reviewer drops reports and gets them back annotated.

The people who receive a district's or a department's report get a Word or PDF file and do not
use a command line. ``parstats serve`` starts a local app (Starlette, served by uvicorn, bound
to 127.0.0.1 unless told otherwise) whose one page takes ``.docx``, ``.pdf``, ``.md``,
``.txt`` and ``.html`` files or a ``.zip`` of them, shows each file's progress and then its row
(claims, counts by status, its error, a link to its annotated page), sorts the table and
downloads it as CSV and JSON Lines (the formats of ``parstats audit``) and the annotated pages
as a ``.zip``. The answers are those of ``parstats audit``: the same audit and the same pages
(:mod:`parstats.audit.pages`, which ``parstats audit DIR --format html -o OUTDIR`` writes too).

The package, one job per module:

=============  ==============================================================================
``uploads``    the files of an upload saved in a temporary folder, zips unpacked within limits
``pool``       the audits in a bounded process pool, each within a time limit
``app``        the ASGI app: the page, the upload route, the results and downloads
``shots``      the README's pictures of the page (``make screenshots``)
=============  ==============================================================================
"""
from __future__ import annotations

import argparse
import os
import sys

__all__ = ["add_arguments", "run"]


def _positive(kind):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if value <= 0:
            raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
        return value
    return parse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``parstats serve [--host 127.0.0.1] [--port 8000]`` and its limits."""
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument("--max-upload-mb", type=_positive(float), default=50, metavar="MB",
                        help="largest upload, all its files together (default: 50)")
    parser.add_argument("--max-files", type=_positive(int), default=20, metavar="N",
                        help="most files in one upload, the files of a .zip included (default: 20)")
    parser.add_argument("--max-unpacked-mb", type=_positive(float), default=200, metavar="MB",
                        help="most a .zip may unpack to (default: 200)")
    parser.add_argument("--time-limit", type=_positive(float), default=120, metavar="SECONDS",
                        help="longest audit of one file; past it the file is an error row (default: 120)")
    parser.add_argument("--workers", type=_positive(int), default=None, metavar="N",
                        help="processes auditing at once (default: the number of cores, at most 4)")
    parser.add_argument("--keep-minutes", type=_positive(float), default=60, metavar="MINUTES",
                        help="how long results are kept after their last use, and the longest an "
                             "upload's folder stays (default: 60)")
    parser.add_argument("--temp-dir", default=None, metavar="DIR",
                        help="where uploads are unpacked (default: the system's temporary folder; "
                             "never inside the project)")


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; exit 2 when the settings are refused."""
    import uvicorn

    from parstats.serve.app import Settings, create_app

    mb = 1024 * 1024
    settings = Settings(max_upload_bytes=int(args.max_upload_mb * mb), max_files=args.max_files,
                        max_unpacked_bytes=int(args.max_unpacked_mb * mb), time_limit=args.time_limit,
                        workers=args.workers or min(4, os.cpu_count() or 1), keep_minutes=args.keep_minutes,
                        temp_root=args.temp_dir,
                        allowed_hosts=("127.0.0.1", "localhost") if args.host in ("127.0.0.1", "localhost") else None)
    try:
        app = create_app(settings)
    except ValueError as exc:
        print(f"parstats serve: error: {exc}", file=sys.stderr)
        return 2
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"parstats serve: open http://{host}:{args.port}/ in a browser (Ctrl+C stops it)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
