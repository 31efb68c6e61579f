"""The ASGI app of ``parstats serve`` (Starlette): one page, one upload route, the results.

Routes
------
``GET /``
    The page (Vietnamese, the site's style sheet): drop or choose files, see each one's
    progress and then its row.
``POST /api/kiem-tra``
    A multipart upload (fields ``tep``, one per file, and ``phien``, the session of the rows
    already on the page). Answers with JSON Lines as the audits finish: a ``batch`` line (the
    rows of the upload, a zip's members each a row), one ``result`` line per row (its counts,
    its error, the link to its page and its JSON as ``parstats audit --format json`` writes
    it), then ``done``. An upload refused as a whole (too large, too many files) is a 413 with
    ``{"error": message}``.
``GET /ket-qua/{session}/{page}``
    A row's annotated page (the page ``parstats audit FILE --format html`` writes), or the
    session's ``index.html``.
``GET /ket-qua/{session}/ket-qua.csv`` / ``.jsonl`` / ``.json`` / ``bao-cao-chu-giai.zip``
    The session's rows in the CLI's formats, and its annotated pages with ``index.html``.

Every response carries a Content-Security-Policy (the app's: its own script only; an annotated
page's: the page's own, by hash), ``X-Content-Type-Options: nosniff`` and no caching of
results. Uploads go to a temporary folder outside the project, removed once their results are
sent (or, if the reviewer left before, after ``keep_minutes``); the results stay in memory for
``keep_minutes`` after the session was last used.
"""
from __future__ import annotations

import asyncio
import contextlib
import html
import io
import json
import re
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from parstats.audit.batch import result_json, write_results
from parstats.audit.checks import STATUSES
from parstats.audit.inputs import FORMATS, PLAIN_FORMATS
from parstats.audit.pages import (INDEX_PAGE, PageResult, error_vi, folder_files, page_names, sort_script,
                                  zip_files)
from parstats.audit.messages import status_text
from parstats.paths import PROJ_ROOT
from parstats.publishing.layout import PAGE_TEMPLATES
from parstats.serve.pool import AuditPool
from parstats.serve.uploads import ACCEPTED, ARCHIVE_SUFFIX, Entry, LimitError, display_name, save_upload, \
    too_large, too_many_files, unpack_zip

__all__ = ["Settings", "create_app", "serving", "APP_CSP", "DOWNLOADS"]

TEMPLATES = Path(__file__).with_name("templates")

#: the app page's Content-Security-Policy: its own script and style, requests to itself only
APP_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
           "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
#: what any other response (a download, an error) may do: nothing
NONE_CSP = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox"
#: the session's downloads: file name -> (format, media type)
DOWNLOADS = {"ket-qua.csv": ("csv", "text/csv; charset=utf-8"),
             "ket-qua.jsonl": ("jsonl", "application/x-ndjson; charset=utf-8"),
             "ket-qua.json": ("json", "application/json; charset=utf-8"),
             "bao-cao-chu-giai.zip": ("zip", "application/zip")}
#: the most rows one session keeps (a page's rows; then a new page starts a new session)
MAX_SESSION_FILES = 99
_SESSION_RE = re.compile(r"[A-Za-z0-9_-]{16,64}")
_META_CSP_RE = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


@dataclass(frozen=True)
class Settings:
    """What ``parstats serve`` is allowed to take and keep (its command-line options)."""

    max_upload_bytes: int = 50 * 1024 * 1024
    max_files: int = 20
    max_unpacked_bytes: int = 200 * 1024 * 1024
    time_limit: float = 120.0
    workers: int = 2
    keep_minutes: float = 60.0
    temp_root: Path | None = None
    #: the names a request may give as its Host (None: any); ``parstats serve`` on 127.0.0.1
    #: answers only to 127.0.0.1 and localhost, so a web page elsewhere cannot reach it by
    #: rebinding its own name to this machine
    allowed_hosts: tuple[str, ...] | None = None

    def temp_dir(self) -> Path:
        """The folder of the uploads' folders: ``temp_root`` or the system's temporary folder,
        never inside the project.

        Raises
        ------
        ValueError
            When it is inside the project.
        """
        root = Path(self.temp_root or tempfile.gettempdir()).resolve()
        if root == PROJ_ROOT.resolve() or PROJ_ROOT.resolve() in root.parents:
            raise ValueError(f"the temporary folder {root} is inside the project {PROJ_ROOT}: uploads must "
                             "not be kept there; set TMPDIR (or --temp-dir) to a folder outside it")
        root.mkdir(parents=True, exist_ok=True)
        return root


@dataclass
class Session:
    """The rows of one page: results in upload order (None while an audit runs)."""

    id: str
    touched: float = field(default_factory=time.monotonic)
    results: list = field(default_factory=list)
    sources: list = field(default_factory=list)

    def done(self) -> tuple[list[str], list[PageResult]]:
        """The page names and results of the rows whose audit is done, in row order."""
        pairs = [(n, r) for n, r in zip(self.names(), self.results) if r is not None]
        return [n for n, _ in pairs], [r for _, r in pairs]

    def names(self) -> list[str]:
        """The page name of each row (:func:`parstats.audit.pages.page_names`: its number and
        name, fixed when the row is added), as in the zip and its ``index.html``."""
        return page_names(self.sources)


class _TooLarge(Exception):
    pass


def _limited(receive, limit: int):
    """``receive`` that raises :class:`_TooLarge` once the body passes ``limit`` bytes (whatever
    the request's Content-Length said)."""
    seen = 0

    async def inner():
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
        return message
    return inner


class _Headers:
    """ASGI middleware: the security headers on every response (a Content-Security-Policy
    unless the route set its own)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", NONE_CSP.encode()))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                            (b"cross-origin-opener-policy", b"same-origin")]
                if b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)
        await self.app(scope, receive, send_with_headers)


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, FileSystemLoader
    from markupsafe import Markup

    # the app's templates first, then the site's (its style sheet)
    env = Environment(loader=FileSystemLoader([TEMPLATES, PAGE_TEMPLATES]), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True)
    env.globals["inline"] = lambda name: Markup(env.loader.get_source(env, name)[0])
    return env


def _row(index: int, res: PageResult, session: str, name: str) -> dict:
    """A row of the page's table as the page's script reads it."""
    return {"type": "result", "row": index, "source": res.source, **res.counts(),
            "error": error_vi(res.code) if res.report is None else None, "detail": res.error, "code": res.code,
            "page": f"/ket-qua/{session}/{name}" if res.page is not None else None,
            "json": result_json(res.file_result())}


def create_app(settings: Settings | None = None, pool: AuditPool | None = None) -> Starlette:
    """The app, with its pool of audits (``pool``: a test's) and its sessions in memory."""
    settings = settings or Settings()
    temp_root = settings.temp_dir()
    pool = pool or AuditPool(settings.workers, settings.time_limit)
    sessions: dict[str, Session] = {}
    folders: dict[Path, float] = {}  # upload folders not yet removed, by creation time
    keep = settings.keep_minutes * 60

    def sweep() -> None:
        now = time.monotonic()
        for sid in [s for s, v in sessions.items() if now - v.touched > keep]:
            del sessions[sid]
        for folder in [f for f, t in folders.items() if now - t > keep]:
            shutil.rmtree(folder, ignore_errors=True)
            folders.pop(folder, None)

    async def sweeper():
        while True:
            await asyncio.sleep(max(1.0, min(60.0, keep / 4)))
            sweep()

    @contextlib.asynccontextmanager
    async def lifespan(app):
        task = asyncio.create_task(sweeper())
        try:
            yield
        finally:
            task.cancel()
            for folder in list(folders):
                shutil.rmtree(folder, ignore_errors=True)
            await asyncio.to_thread(pool.close)

    async def home(request: Request) -> Response:
        page = _env().get_template("app.html.j2").render(
            max_files=settings.max_files, max_bytes=settings.max_upload_bytes,
            max_mb=_mb(settings.max_upload_bytes), unpacked_mb=_mb(settings.max_unpacked_bytes),
            time_limit=f"{settings.time_limit:g}", keep=f"{settings.keep_minutes:g}",
            accept=",".join(ACCEPTED), statuses=[(s, _capital(status_text(s, "vi"))) for s in STATUSES])
        return HTMLResponse(page, headers={"content-security-policy": APP_CSP})

    async def script(request: Request) -> Response:
        name = request.path_params["name"]
        text = sort_script() if name == "sort-table.js" else (TEMPLATES / "app.js").read_text(encoding="utf-8")
        return Response(text, media_type="text/javascript; charset=utf-8",
                        headers={"content-security-policy": NONE_CSP, "cache-control": "no-cache"})

    def refuse(error: LimitError) -> JSONResponse:
        return JSONResponse({"error": error.message_vi, "detail": str(error)}, status_code=error.status)

    async def upload(request: Request) -> Response:
        sweep()
        origin = request.headers.get("origin")
        if origin and urlsplit(origin).netloc != request.headers.get("host"):
            # a page of another site posting to this machine: not the reviewer's page
            return refuse(LimitError(f"upload from another origin refused: {origin}",
                                     "Chỉ trang của parstats serve mới được gửi tệp tới đây.", 403))
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > settings.max_upload_bytes:
            return refuse(too_large(settings.max_upload_bytes))
        limited = Request(request.scope, _limited(request.receive, settings.max_upload_bytes))
        try:
            form = await limited.form(max_files=settings.max_files, max_fields=10)
        except _TooLarge:
            return refuse(too_large(settings.max_upload_bytes))
        except HTTPException as exc:
            if "files" in str(exc.detail).lower():
                return refuse(too_many_files(settings.max_files))
            return refuse(LimitError(f"bad upload: {exc.detail}", "Yêu cầu tải lên không hợp lệ: hãy chọn lại tệp.",
                                     400))
        try:
            uploads = [f for f in form.getlist("tep") if hasattr(f, "filename")]
            if not uploads:
                return refuse(LimitError("no file in the upload", "Chưa có tệp nào: hãy chọn hoặc kéo thả tệp.", 400))
            if len(uploads) > settings.max_files:
                return refuse(too_many_files(settings.max_files, len(uploads)))
            sid = str(form.get("phien") or "")
            session = sessions.get(sid) if _SESSION_RE.fullmatch(sid) else None
            if session is None:
                session = Session(secrets.token_urlsafe(18))
                sessions[session.id] = session
            session.touched = time.monotonic()
            folder = Path(tempfile.mkdtemp(prefix="parstats-serve-", dir=temp_root))
            folders[folder] = time.monotonic()
            try:
                entries = await asyncio.to_thread(_save_all, uploads, folder, settings)
                if len(session.results) + len(entries) > MAX_SESSION_FILES:
                    raise LimitError("too many files in this session",
                                     f"Trang này đã có {len(session.results)} tệp; mỗi trang giữ tối đa "
                                     f"{MAX_SESSION_FILES} tệp. Hãy tải lại trang để bắt đầu lượt mới.")
            except LimitError as exc:
                shutil.rmtree(folder, ignore_errors=True)
                folders.pop(folder, None)
                return refuse(exc)
        finally:
            await form.close()
        first = len(session.results)
        session.results += [None] * len(entries)
        session.sources += [e.source for _, e in entries]
        return StreamingResponse(_stream(session, entries, first, folder),
                                 media_type="application/x-ndjson; charset=utf-8",
                                 headers={"content-security-policy": NONE_CSP})

    async def _stream(session: Session, entries: list[tuple[int, Entry]], first: int, folder: Path):
        try:
            rows = [{"row": first + k, "upload": u, "source": e.source} for k, (u, e) in enumerate(entries)]
            yield _line({"type": "batch", "session": session.id, "rows": rows})

            async def one(k: int, entry: Entry) -> tuple[int, PageResult]:
                if entry.path is None:
                    return k, PageResult(entry.source, None, None, None, entry.error, entry.code)
                return k, await pool.audit(entry.path, entry.source)

            tasks = [asyncio.create_task(one(first + k, e)) for k, (_, e) in enumerate(entries)]
            try:
                for next_done in asyncio.as_completed(tasks):
                    k, res = await next_done
                    session.results[k] = res
                    session.touched = time.monotonic()
                    yield _line(_row(k, res, session.id, session.names()[k]))
            finally:
                for t in tasks:
                    t.cancel()
            yield _line({"type": "done", "session": session.id,
                         "downloads": {n: f"/ket-qua/{session.id}/{n}" for n in DOWNLOADS}})
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            folders.pop(folder, None)

    def _session(request: Request) -> Session:
        session = sessions.get(request.path_params["session"])
        if session is None:
            raise HTTPException(404, "Không còn kết quả này (đã quá thời gian lưu hoặc máy chủ đã khởi động lại).")
        session.touched = time.monotonic()
        return session

    async def result_file(request: Request) -> Response:
        session = _session(request)
        name = request.path_params["name"]
        if name in DOWNLOADS:
            return _download(session, name)
        names, results = session.done()
        if name == INDEX_PAGE:
            page = folder_files(results, names)[INDEX_PAGE].decode("utf-8")
        else:
            page = next((r.page for n, r in zip(names, results) if n == name and r.page is not None), None)
        if page is None:
            raise HTTPException(404, "Không có trang này.")
        csp = html.unescape(_META_CSP_RE.search(page).group(1)) + "; frame-ancestors 'none'"
        return HTMLResponse(page, headers={"content-security-policy": csp})

    def _download(session: Session, name: str) -> Response:
        fmt, media = DOWNLOADS[name]
        names, done = session.done()
        if fmt == "zip":
            data = zip_files(folder_files(done, names), "bao-cao-chu-giai")
        else:
            buf = io.StringIO()
            located = any(FORMATS.get(Path(r.source).suffix.lower(), "text") not in PLAIN_FORMATS for r in done)
            for _ in write_results((r.file_result() for r in done), fmt, buf, located):
                pass
            data = buf.getvalue().encode("utf-8")
        return Response(data, media_type=media,
                        headers={"content-disposition": f'attachment; filename="{name}"',
                                 "content-security-policy": NONE_CSP})

    async def not_found(request: Request, exc: HTTPException) -> Response:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)

    routes = [Route("/", home), Route("/{name:str}.js", _js_route(script)),
              Route("/api/kiem-tra", upload, methods=["POST"]),
              Route("/ket-qua/{session:str}/{name:str}", result_file)]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={HTTPException: not_found})
    app.state.settings = settings
    app.state.sessions = sessions
    app.state.folders = folders
    if settings.allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        return _Headers(TrustedHostMiddleware(app, allowed_hosts=list(settings.allowed_hosts)))
    return _Headers(app)


def _js_route(endpoint):
    async def route(request: Request) -> Response:
        name = request.path_params["name"] + ".js"
        if name not in ("app.js", "sort-table.js"):
            raise HTTPException(404, "Không có tệp này.")
        request.path_params["name"] = name
        return await endpoint(request)
    return route


def _save_all(uploads, folder: Path, settings: Settings) -> list[tuple[int, Entry]]:
    """Save an upload's files in ``folder``, zips unpacked: ``(index of the uploaded file,
    entry)`` for each row.

    Raises
    ------
    LimitError
        More than ``settings.max_files`` files, with the members of the zips.
    """
    entries: list[tuple[int, Entry]] = []
    number = 0
    for u, upload in enumerate(uploads):
        name = display_name(upload.filename)
        path = save_upload(upload.file, name, folder, number)
        number += 1
        if path.suffix == ARCHIVE_SUFFIX:
            left = settings.max_files - len(entries)
            members = unpack_zip(path, name, folder, number, settings.max_unpacked_bytes, max(0, left))
            path.unlink(missing_ok=True)
            number += settings.max_files + 1  # the numbers its members may take
            entries += [(u, e) for e in members]
        else:
            entries.append((u, Entry(name, path)))
        if len(entries) > settings.max_files:
            raise too_many_files(settings.max_files, len(entries))
    return entries


def _capital(word: str) -> str:
    """``word`` with its first letter capital, as a column's header.

    >>> _capital("không nhất quán")
    'Không nhất quán'
    """
    return word[:1].upper() + word[1:]


def _line(obj: dict) -> bytes:
    return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")


def _mb(n: int) -> str:
    value = n / (1024 * 1024)
    return f"{value:.0f}" if value >= 1 else f"{value:.2f}".replace(".", ",")


@contextlib.contextmanager
def serving(settings: Settings | None = None, pool: AuditPool | None = None, host: str = "127.0.0.1"):
    """Serve the app with uvicorn in a thread on a free port of ``host``; yield its base URL,
    stop it afterwards (the tests' and the screenshots' server)."""
    import socket
    import threading

    import uvicorn

    with socket.socket() as s:
        s.bind((host, 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings, pool), host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the app did not start")
        time.sleep(0.05)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
