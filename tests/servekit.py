"""``parstats serve``'s app on a free port of this machine, in a thread of the test process
(uvicorn, as the command runs it), for the tests of the app and its page."""
from __future__ import annotations

import contextlib
import socket
import threading
import time

import uvicorn

from parstats.serve.app import Settings, create_app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(settings: Settings | None = None, pool=None):
    """Yield the base URL of the app served by uvicorn in a thread; stop it afterwards."""
    port = free_port()
    app = create_app(settings or Settings(workers=2), pool=pool)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def stuck_worker(path: str, source: str):
    """A worker that a signal cannot stop when the file's name says ``stuck`` (as an audit
    caught in code that does not return to Python would be); else the real one."""
    import signal

    from parstats.audit.pages import annotate_one

    if "stuck" in source:
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        time.sleep(600)
    return annotate_one(path, source)
