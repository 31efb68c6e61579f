"""The audits of the app, in a bounded pool of worker processes with a time limit per file.

:class:`AuditPool` runs :func:`parstats.audit.pages.annotate_one` (the audit and the annotated
page of one file) in a :class:`concurrent.futures.ProcessPoolExecutor` of at most ``workers``
processes (started by a fork server, so a thread of the web server is never forked). A file
gets ``time_limit`` seconds: the worker stops itself then (an alarm signal), and if it does not
(stuck in code that signals cannot interrupt), the server kills it a few seconds later and
starts a new pool; the other files of the broken pool are audited again. Either way the file
is a result with the ``timeout`` error and the server goes on.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

from parstats.audit.pages import PageResult, annotate_one

__all__ = ["AuditPool", "timed", "KILL_GRACE"]

#: seconds past the time limit after which a worker that did not stop itself is killed
KILL_GRACE = 5.0


class _TimeUp(Exception):
    pass


def _alarm(signum, frame):
    raise _TimeUp


def timed(worker: Callable[..., PageResult], path: str, source: str, time_limit: float,
          pid_file: str) -> PageResult:
    """Run ``worker(path, source)`` in a worker process under a ``time_limit`` alarm; write the
    process id to ``pid_file`` first (the server kills it from there if the alarm fails)."""
    Path(pid_file).write_text(str(os.getpid()), encoding="ascii")
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, time_limit)
    try:
        return worker(path, source)
    except _TimeUp:
        return timeout_result(source, time_limit)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_result(source: str, time_limit: float) -> PageResult:
    """The result of a file that hit the time limit.

    Examples
    --------
    >>> timeout_result("a.pdf", 60).error
    "cannot audit 'a.pdf': stopped after 60 s (the time limit of one file)"
    """
    return PageResult(source, None, None, None,
                      f"cannot audit '{source}': stopped after {time_limit:g} s (the time limit of one file)",
                      "timeout")


class AuditPool:
    """At most ``workers`` audits at once, each within ``time_limit`` seconds.

    ``worker(path, source) -> PageResult`` is :func:`parstats.audit.pages.annotate_one` unless
    a test gives another (a module-level function, as the workers import it).
    """

    def __init__(self, workers: int, time_limit: float, worker: Callable[..., PageResult] = annotate_one):
        self.workers = max(1, workers)
        self.time_limit = time_limit
        self.worker = worker
        self._pool: ProcessPoolExecutor | None = None
        self._lock = asyncio.Lock()
        # a file is sent to the pool only when a worker is free, so its time runs from its start
        self._slots = asyncio.Semaphore(self.workers)

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["parstats.audit.pages", "parstats.serve.pool"])
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=context)

    def _current(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = self._new_pool()
        return self._pool

    async def _replace(self, broken: ProcessPoolExecutor) -> None:
        async with self._lock:
            if self._pool is broken:
                self._pool = self._new_pool()
                broken.shutdown(wait=False, cancel_futures=True)

    async def audit(self, path: Path, source: str) -> PageResult:
        """The result of one file; never raises for the file's sake (a crash of its worker is
        a ``failed`` result, a time-out a ``timeout`` one)."""
        async with self._slots:
            return await self._audit(path, source)

    async def _audit(self, path: Path, source: str) -> PageResult:
        pid_file = path.with_name(path.name + ".pid")
        for attempt in range(2):
            pool = self._current()
            loop = asyncio.get_running_loop()
            try:
                future = pool.submit(timed, self.worker, str(path), source, self.time_limit, str(pid_file))
            except (BrokenProcessPool, RuntimeError):
                await self._replace(pool)
                continue
            try:
                return await asyncio.wait_for(asyncio.wrap_future(future, loop=loop),
                                              self.time_limit + KILL_GRACE)
            except asyncio.TimeoutError:
                self._kill(pid_file)
                await self._replace(pool)
                return timeout_result(source, self.time_limit)
            except BrokenProcessPool:  # another file's worker was killed: try this one again
                await self._replace(pool)
            except Exception as exc:  # noqa: BLE001 - a bug of the audit must not stop the server
                return PageResult(source, None, None, None, f"cannot audit '{source}': {type(exc).__name__}: {exc}",
                                  "failed")
        return PageResult(source, None, None, None, f"cannot audit '{source}': its worker process stopped", "failed")

    @staticmethod
    def _kill(pid_file: Path) -> None:
        try:
            os.kill(int(pid_file.read_text(encoding="ascii")), signal.SIGKILL)
        except (OSError, ValueError):
            pass

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
