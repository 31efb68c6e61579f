"""Execute notebooks with nbclient: one new IPython kernel per notebook, several at once.

Every notebook gets a kernel of its own (as nbval gives it), started in the notebook's folder
with an environment that depends neither on the machine nor on the clock
(:func:`kernel_environment`). Kernels are separate processes, so notebooks run in parallel
while this process only routes messages.

While a notebook runs, an audit hook in its kernel records every file it opens under the
watched folders (``data/`` and ``figures/``) and every data folder it lists: the build's cache
keys a notebook on the data it actually read and checks the figures it wrote.

Reusing a warm kernel for several notebooks (with a reset in between) saved a fifth to a third
of a forced build, but took some 350 lines of reset code and once broke a build; it was
dropped (see the README's speed figures).
"""
from __future__ import annotations

import ast
import asyncio
import copy
import os
import time
from dataclasses import dataclass
from pathlib import Path

from parstats.publishing.notebooks import clean_notebook

#: Environment given to every kernel so that nothing depends on the machine or the clock.
KERNEL_ENV = {
    "PYTHONHASHSEED": "0",
    "SOURCE_DATE_EPOCH": "1577836800",  # 2020-01-01T00:00:00Z, start of the reviewed programme
    "TZ": "UTC",
    "LC_ALL": "C.UTF-8",
    "LANG": "C.UTF-8",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "JUPYTER_PLATFORM_DIRS": "1",
}
#: Variables removed from the kernels' environment: they would change what notebooks print.
KERNEL_ENV_DROP = ("MPLBACKEND", "PYTHONSTARTUP", "PYTHONWARNINGS", "COLUMNS", "LINES")
CELL_TIMEOUT = 600

#: Installed in every kernel as the module ``_parstats_trace`` before the notebook runs.
_TRACER = r'''
import os, sys

reads, writes, listed = set(), set(), set()
roots = ()


def _keep(p):
    return p.startswith(roots) or (p + os.sep).startswith(roots)


def _hook(event, args, _abspath=os.path.abspath, _fsdecode=os.fsdecode):
    try:
        if event == "open":
            path, mode, flags = args
            if path is None or isinstance(path, int):
                return
            p = _abspath(_fsdecode(path))
            if not _keep(p):
                return
            if mode is None:
                w = bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND))
            else:
                w = any(c in str(mode) for c in "wax+")
            (writes if w else reads).add(p)
        elif event in ("os.listdir", "os.scandir", "glob.glob", "os.walk"):
            path = args[0] if args else "."
            if path is None or isinstance(path, int):
                return
            p = _abspath(_fsdecode(path))
            if _keep(p):
                listed.add(p)
        elif event == "os.rename":
            p = _abspath(_fsdecode(args[1]))
            if _keep(p):
                writes.add(p)
    except Exception:
        pass


def start(watch):
    global roots
    roots = tuple(os.path.abspath(r) + os.sep for r in watch)
    sys.addaudithook(_hook)


def collect():
    return [sorted(reads), sorted(writes), sorted(listed)]
'''

_INSTALL = """
import sys as _sys, types as _types
_m = _types.ModuleType("_parstats_trace")
_sys.modules["_parstats_trace"] = _m
exec(compile({source!r}, "<parstats-trace>", "exec"), _m.__dict__)
_m.start({roots!r})
del _m, _sys, _types
"""

_COLLECT = "__import__('sys').modules['_parstats_trace'].collect()"


def kernel_environment(root: Path) -> dict:
    """Return the environment for the notebook kernels of the project at ``root``.

    Examples
    --------
    >>> env = kernel_environment(Path("/proj"))
    >>> env["PARSTATS_ROOT"], env["PYTHONHASHSEED"], "MPLBACKEND" in env
    ('/proj', '0', False)
    """
    env = {k: v for k, v in os.environ.items() if k not in KERNEL_ENV_DROP}
    env.update(KERNEL_ENV)
    env["PARSTATS_ROOT"] = str(root)
    src = Path(root) / "src"
    if (src / "parstats" / "__init__.py").is_file():
        env["PYTHONPATH"] = os.pathsep.join([str(src)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    return env


@dataclass
class CellFailure:
    """Where and why a notebook stopped."""

    cell: int  # 1-based position among all cells
    code_cell: int  # 1-based position among code cells
    ename: str
    evalue: str

    def __str__(self) -> str:
        return f"cell {self.cell} (code cell {self.code_cell}): {self.ename}: {self.evalue}"


@dataclass
class NotebookResult:
    """What happened to one notebook during a build."""

    name: str
    status: str  # "executed", "cached" or "failed"
    seconds: float = 0.0
    written: bool = False
    failure: CellFailure | None = None
    message: str = ""


class _NotebookFailed(Exception):
    def __init__(self, failure: CellFailure):
        super().__init__(str(failure))
        self.failure = failure


def first_line(text) -> str:
    """The first line of an error message (a traceback's last words are on its first line)."""
    text = str(text or "").strip()
    return text.splitlines()[0] if text else ""


async def _run_notebook(nb, nbdir: Path, env: dict, watch: list[Path], log: Path, timeout: int):
    """Execute ``nb`` in a new kernel; return (executed nb, trace) or raise _NotebookFailed."""
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    km = AsyncKernelManager(kernel_name="python3")
    with open(log, "ab") as err:  # the kernel's own stderr (start-up notices, crashes)
        await km.start_kernel(cwd=str(nbdir), env=dict(env), stdout=err, stderr=err)
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=120)
        client = NotebookClient(nb, km=km, kernel_name="python3", timeout=timeout, allow_errors=False,
                                record_timing=False, resources={"metadata": {"path": str(nbdir)}})
        client.kc = kc
        reply = await client.async_wait_for_reply(kc.execute(
            _INSTALL.format(source=_TRACER, roots=[str(r) for r in watch]), silent=True, store_history=False))
        if reply is None or reply["content"].get("status") != "ok":
            raise RuntimeError("the kernel could not install the file tracer")
        info = await client.async_wait_for_reply(kc.kernel_info())
        language_info = info["content"].get("language_info", {}) if info else {}
        code_no = 0
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                code_no += 1
            try:
                await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            except CellExecutionError as exc:
                raise _NotebookFailed(CellFailure(index + 1, code_no, exc.ename, first_line(exc.evalue))) from None
        reply = await client.async_wait_for_reply(kc.execute(
            "", silent=True, store_history=False, user_expressions={"trace": _COLLECT}))
        value = reply["content"]["user_expressions"]["trace"]
        if value.get("status") != "ok":
            raise RuntimeError(f"the kernel could not report the files it read: {value.get('evalue')}")
        reads, writes, listed = ast.literal_eval(value["data"]["text/plain"])
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)  # nothing in a finished kernel needs a graceful stop
    return clean_notebook(nb, language_info), {"reads": reads, "writes": writes, "listed": listed}


async def execute_all(todo: list, *, root: Path, watch: list[Path], log: Path, workers: int,
                      timeout: int = CELL_TIMEOUT, progress=None, on_success=None) -> list:
    """Run the notebooks of ``todo`` (``(path, notebook, code digest)`` triples) on ``workers``
    kernels at once; return one outcome per notebook, in order: ``(executed notebook, file
    trace, seconds)`` or a failed :class:`NotebookResult`.

    ``progress.line(text)`` and ``progress.advance()`` report each start and end;
    ``on_success(path, notebook, executed)`` is called as soon as a notebook succeeded.
    """
    env = kernel_environment(root)
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_bytes(b"")
    queue: asyncio.Queue = asyncio.Queue()
    for i, item in enumerate(todo):
        queue.put_nowait((i, item))
    outcomes: list = [None] * len(todo)
    say = progress.line if progress is not None else (lambda text: None)

    async def worker() -> None:
        while not queue.empty():
            i, (path, nb, _code) = queue.get_nowait()
            say(f"[start] {path.name}")
            t0 = time.perf_counter()
            try:
                executed, trace = await _run_notebook(copy.deepcopy(nb), path.parent, env, watch, log, timeout)
                seconds = time.perf_counter() - t0
                outcomes[i] = (executed, trace, seconds)
                say(f"[ done] {path.name} {seconds:.1f} s")
                if on_success is not None:
                    on_success(path, nb, executed)
            except _NotebookFailed as exc:
                seconds = time.perf_counter() - t0
                outcomes[i] = NotebookResult(path.name, "failed", seconds, failure=exc.failure, message=str(exc))
                say(f"[FAIL ] {path.name} {seconds:.1f} s: {exc.failure}")
            except Exception as exc:  # noqa: BLE001 - a dead kernel, a timeout: report it
                seconds = time.perf_counter() - t0
                msg = f"{type(exc).__name__}: {first_line(exc) or 'kernel failure'}"
                outcomes[i] = NotebookResult(path.name, "failed", seconds, message=msg)
                say(f"[FAIL ] {path.name} {seconds:.1f} s: {msg}")
            if progress is not None:
                progress.advance()

    await asyncio.gather(*(worker() for _ in range(max(1, min(workers, len(todo))))))
    return outcomes


def run_all(todo: list, **kwargs) -> list:
    """:func:`execute_all` from synchronous code."""
    return asyncio.run(execute_all(todo, **kwargs))
