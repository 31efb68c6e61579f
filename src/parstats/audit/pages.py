"""Annotated pages of many documents and the table that links them.

``parstats audit DIR --format html -o OUTDIR`` and the local app (:mod:`parstats.serve`) share
this module: :func:`annotate_one` audits one file and renders its annotated page (the page of
``parstats audit FILE --format html``, :func:`parstats.audit.annotate.annotate_html`), or
keeps the reason it could not be read; :func:`folder_files` turns the results into one page
per readable file plus ``index.html``, a sortable table (file, claims, counts by status, the
error of an unreadable file, a link to its page). Every page is self-contained (inline style
and script, a Content-Security-Policy that lets only its own script run) and opens from disk.

A file that cannot be read is a row with its error, in English (the CLI's words, as in the
JSON and CSV) and in Vietnamese (:data:`ERRORS_VI`, by the error's code), never an exception.

Examples
--------
>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "a.md").write_text("Tinh giản 28/1.752 biên chế, đạt 1,6%.", encoding="utf-8")
>>> _ = (d / "b.doc").write_bytes(b"x")
>>> results = [annotate_one(d / "a.md", "a.md"), annotate_one(d / "b.doc", "b.doc")]
>>> [(r.source, r.counts()["claims"], r.code) for r in results]
[('a.md', 1, None), ('b.doc', None, 'unsupported-format')]
>>> sorted(folder_files(results))
['01-a-md.html', 'index.html']
"""
from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from markupsafe import Markup

from parstats.audit.annotate import TEMPLATES, annotate_html, content_security_policy
from parstats.audit.batch import FileResult, map_in_processes
from parstats.audit.checks import STATUSES
from parstats.audit.messages import status_text
from parstats.audit.reading import ReportReadError
from parstats.audit.results import AuditReport, audit_path
from parstats.files import write_atomic

__all__ = ["ERRORS_VI", "INDEX_PAGE", "PageResult", "annotate_one", "annotate_many", "page_names",
           "index_html", "folder_files", "write_folder", "zip_files", "sort_script", "error_vi"]

#: the table page of a folder of annotated pages
INDEX_PAGE = "index.html"

#: what a reviewer reads when a file could not be audited, by the error's code
#: (:attr:`parstats.audit.reading.ReportReadError.code`, and the app's own codes)
ERRORS_VI = {
    "unreadable": "Không đọc được tệp (tệp trống, hỏng, hoặc văn bản không phải UTF-8).",
    "unsupported-format": ("Định dạng không được hỗ trợ: hãy lưu thành .docx, .pdf (có lớp chữ), "
                           ".md, .txt hoặc .html."),
    "damaged": "Tệp bị hỏng hoặc không đúng định dạng mà đuôi tên tệp cho biết.",
    "encrypted": "Tệp được đặt mật khẩu (mã hóa): hãy gỡ mật khẩu rồi tải lên lại.",
    "no-text-layer": ("Tệp PDF không có lớp chữ (bản quét): cần nhận dạng ký tự (OCR) trước khi "
                      "kiểm tra."),
    "legacy-encoding": "Văn bản dùng bảng mã cũ (TCVN3, VNI) không chuyển được chính xác sang Unicode.",
    "too-large": "Tệp quá lớn để kiểm tra (giải nén ra quá nhiều dữ liệu, quá nhiều trang hoặc quá dài).",
    "timeout": "Quá thời gian kiểm tra cho một tệp; tệp này bị dừng, các tệp khác vẫn được kiểm tra.",
    "unsafe-name": "Tên tệp trong tệp nén trỏ ra ngoài thư mục của nó (có “../” hoặc đường dẫn tuyệt đối): bỏ qua.",
    "nested-archive": "Tệp nén nằm trong tệp nén khác: hãy giải nén rồi tải lên từng tệp.",
    "failed": "Lỗi khi kiểm tra tệp này; các tệp khác vẫn được kiểm tra.",
}


def error_vi(code: str | None) -> str:
    """The Vietnamese message of an error code (:data:`ERRORS_VI`; an unknown code reads as
    ``unreadable``).

    Examples
    --------
    >>> error_vi("encrypted").startswith("Tệp được đặt mật khẩu")
    True
    """
    return ERRORS_VI.get(code or "unreadable", ERRORS_VI["unreadable"])


@dataclass(frozen=True)
class PageResult:
    """The audit of one file and its annotated page, or why there is none.

    Attributes
    ----------
    source : str
        The file's name as the reader knows it (the CLI: the path as collected; the app: the
        uploaded name, ``archive.zip/inner/name.docx`` for a file of a zip).
    sha256 : str or None
        Hex digest of the file's bytes, when they could be read.
    report : AuditReport or None
        None when the file could not be read.
    page : str or None
        The annotated page (``--format html``), None with the report.
    error : str or None
        The one-line error (English, as the CLI prints it), else None.
    code : str or None
        The error's code (``damaged``, ``encrypted``, ``timeout``, ...), else None.
    """

    source: str
    sha256: str | None
    report: AuditReport | None
    page: str | None
    error: str | None = None
    code: str | None = None

    def counts(self) -> dict:
        """``claims`` and a count per status (None each for an unreadable file)."""
        if self.report is None:
            return {"claims": None, **dict.fromkeys(STATUSES)}
        c = self.report.counts()
        return {"claims": c["claims"], **c["by_status"]}

    def file_result(self) -> FileResult:
        """The same result as :mod:`parstats.audit.batch` has it (for its JSON and CSV writers)."""
        return FileResult(Path(self.source), self.sha256, self.report, self.error, self.code)


def annotate_one(path: str | Path, source: str | None = None, lang: str = "vi") -> PageResult:
    """Audit one file and render its annotated page; a :class:`ReportReadError` becomes the
    result's error (with ``path`` replaced by ``source`` in its message).

    Examples
    --------
    >>> r = annotate_one("/nonexistent/x.md", "x.md")
    >>> r.error, r.code
    ("cannot read 'x.md': no such file", 'unreadable')
    """
    source = str(path) if source is None else source
    try:
        report = audit_path(path, source=source)
        page = annotate_html(report.document, report, lang=lang)
    except ReportReadError as exc:
        try:
            digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            digest = None
        return PageResult(source, digest, None, None, str(exc).replace(str(path), source), exc.code)
    return PageResult(source, report.sha256, report, page)


def _annotate_args(args: tuple) -> PageResult:
    return annotate_one(*args)


def annotate_many(paths: list[Path], jobs: int | None = None, progress: bool = False,
                  lang: str = "vi") -> Iterator[PageResult]:
    """:func:`annotate_one` of each path, in worker processes when ``jobs > 1``; the results in
    input order whatever ``jobs`` is (the sources are the paths as given)."""
    yield from map_in_processes(_annotate_args, [(p, str(p), lang) for p in paths], jobs, progress)


def _slug(name: str) -> str:
    """ASCII letters and digits of a file name, the rest as single hyphens.

    Examples
    --------
    >>> _slug("Báo cáo Sở Nội vụ (bản 2).docx")
    'bao-cao-so-noi-vu-ban-2-docx'
    """
    text = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "tep"


def page_names(sources: Iterable[str]) -> list[str]:
    """A page file name for each source, unique and safe in any file system: its number (in
    order) and the ASCII of its base name.

    Examples
    --------
    >>> page_names(["a/Báo cáo.md", "b/Báo cáo.md", "c.pdf"])
    ['01-bao-cao-md.html', '02-bao-cao-md.html', '03-c-pdf.html']
    """
    sources = list(sources)
    width = max(2, len(str(len(sources))))
    return [f"{k:0{width}d}-{_slug(s.replace(chr(92), '/').rsplit('/', 1)[-1])}.html"
            for k, s in enumerate(sources, 1)]


@lru_cache(maxsize=1)
def sort_script() -> str:
    """The script that sorts a ``table.sortable`` by a column (its header's button; numbers
    by their ``data-sort`` value), shared by ``index.html`` and the app's page."""
    return (TEMPLATES / "sort_table.js").read_text(encoding="utf-8")


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def _env():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)


def index_html(results: list[PageResult], names: list[str | None]) -> str:
    """The table page of ``results``: one row per file, a link to its page (``names``, None for
    a file without a page), sortable by every column; self-contained, in Vietnamese."""
    rows = []
    for res, name in zip(results, names):
        rows.append({"source": res.source, "page": name, **res.counts(),
                     "error": error_vi(res.code) if res.report is None else None,
                     "detail": res.error})
    script = sort_script()
    read = [r for r in results if r.report is not None]
    totals = {s: sum(r.counts()[s] for r in read) for s in ("claims", *STATUSES)}
    return _env().get_template("index_page.html.j2").render(
        rows=rows, statuses=[(s, _capital(status_text(s, "vi"))) for s in STATUSES], totals=totals,
        files=len(results), unreadable=len(results) - len(read), script=Markup(script),
        csp=content_security_policy(script))


def folder_files(results: list[PageResult], names: list[str] | None = None) -> dict[str, bytes]:
    """``{file name: bytes}``: the annotated page of every readable file and ``index.html``.

    ``names``: the page name of each result (default :func:`page_names` of their sources; the
    app gives the names its rows already link to)."""
    names = list(names) if names is not None else page_names(r.source for r in results)
    names = [n if r.page is not None else None for r, n in zip(results, names)]
    files = {n: r.page.encode("utf-8") for r, n in zip(results, names) if n is not None}
    files[INDEX_PAGE] = index_html(results, names).encode("utf-8")
    return files


def write_folder(results: list[PageResult], outdir: str | Path) -> list[Path]:
    """Write :func:`folder_files` into ``outdir`` (created), each file atomically; return the
    paths written, ``index.html`` last."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    files = folder_files(results)
    written = []
    for name in [*sorted(set(files) - {INDEX_PAGE}), INDEX_PAGE]:
        write_atomic(out / name, files[name])
        written.append(out / name)
    return written


def zip_files(files: dict[str, bytes], folder: str = "") -> bytes:
    """A zip of ``files`` (under ``folder/`` when given), byte for byte the same for the same
    files: sorted names, a fixed date.

    Examples
    --------
    >>> data = zip_files({"b.html": b"b", "a.html": b"a"}, "bao-cao")
    >>> zipfile.ZipFile(io.BytesIO(data)).namelist()
    ['bao-cao/a.html', 'bao-cao/b.html']
    >>> data == zip_files({"a.html": b"a", "b.html": b"b"}, "bao-cao")
    True
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}" if folder else name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name])
    return buf.getvalue()
