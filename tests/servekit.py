"""``parstats serve``'s app on a free port of this machine, in a thread of the test process
(uvicorn, as the command runs it), for the tests of the app and its page."""
from __future__ import annotations

import time

from parstats.serve.app import Settings, serving


def running_app(settings: Settings | None = None, pool=None):
    """The app served by uvicorn in a thread (:func:`parstats.serve.app.serving`); two audit
    processes unless ``settings`` say otherwise."""
    return serving(settings or Settings(workers=2), pool=pool)


def stuck_worker(path: str, source: str):
    """A worker that a signal cannot stop when the file's name says ``stuck`` (as an audit
    caught in code that does not return to Python would be); else the real one."""
    import signal

    from parstats.audit.pages import annotate_one

    if "stuck" in source:
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        time.sleep(600)
    return annotate_one(path, source)
