"""``parstats build``: execute every notebook (parallel, cached) and render the offline site.

The build runs in four steps:

1. validate the curated data (``parstats.data.validate_all``), skipped when neither the data nor
   the package changed since the last successful validation;
2. execute each ``notebooks/*.ipynb`` whose inputs changed, with nbclient, one warm IPython
   kernel per worker (``--jobs``, default one per core) - the kernels are separate processes,
   so notebooks run in parallel while this process only routes messages;
3. write an executed notebook back (atomically) only when its code cells or outputs changed;
4. render the HTML site (:mod:`parstats.site`) into a temporary folder and swap it in only when
   every notebook succeeded and the pages differ from the ones on disk.

Caching. A notebook's inputs are its code cells, the parstats sources (``src/parstats/**``), the
installed package versions, and the data files it reads. The data files are observed, not
guessed: while a notebook runs, an audit hook in its kernel records every file it opens under
``data/`` (a notebook that lists a data folder depends on all of ``data/``). The manifest in
``.parstats-cache/manifest.json`` keeps, per notebook, the hash of each input, the executed
notebook itself and the hashes of the figures it wrote; a notebook runs again only when one of
those changed, when a figure it wrote is missing or altered, or with ``--force``.

Warm kernels. Starting a kernel and importing pandas/matplotlib costs more than running one of
our notebooks, so a worker keeps its kernel and resets it between notebooks: user namespace,
execution counter, working directory, ``sys.path``, environment variables, warning filters,
matplotlib rcParams and figures, pandas options, and every module imported from the project
(so ``parstats`` is imported afresh, with its import-time side effects). A notebook that
reconfigures IPython itself (``%config``, display formatters) gets a fresh kernel instead;
``--fresh-kernels`` gives every notebook its own kernel, as nbval does.

Examples
--------
>>> a = {"cells": [{"cell_type": "code", "source": "1 + 1"}]}
>>> b = {"cells": [{"cell_type": "code", "source": "1 + 2"}]}
>>> code_digest(a) == code_digest(b)
False
>>> coalesce_streams([{"output_type": "stream", "name": "stdout", "text": "a\\n"},
...                   {"output_type": "stream", "name": "stdout", "text": "b\\n"}])
[{'output_type': 'stream', 'name': 'stdout', 'text': 'a\\nb\\n'}]
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from parstats.files import write_atomic

#: Bump to invalidate every cache entry when the way notebooks are executed changes.
CACHE_FORMAT = 3
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
#: Heavy modules a warm kernel imports once, before its first notebook, when the notebooks or
#: the parstats sources import them.
PRELOAD = ("numpy", "pandas", "matplotlib", "matplotlib.pyplot", "seaborn", "scipy", "openpyxl", "PIL")
#: Code patterns that change IPython's own configuration: such notebooks get a fresh kernel.
UNSAFE_FOR_WARM_KERNEL = re.compile(r"%config|set_matplotlib_formats|InlineBackend|\.for_type\(|%load_ext|%autoreload")
#: Cell metadata keys that only record how or when a cell ran.
VOLATILE_CELL_METADATA = ("execution", "ExecuteTime", "collapsed", "scrolled", "jupyter")
#: Stable subset of the kernel's language_info (its ``version`` differs between machines).
LANGUAGE_INFO_KEYS = ("codemirror_mode", "file_extension", "mimetype", "name", "nbconvert_exporter", "pygments_lexer")
DEFAULT_KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
CELL_TIMEOUT = 600


class BuildError(ValueError):
    """A build step that cannot go on (invalid data, no notebooks, unreadable notebook)."""


# ----------------------------------------------------------------------------- hashing


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    """Return the sha256 of a file's bytes, or ``"missing"`` when it does not exist.

    Examples
    --------
    >>> file_digest(Path("/nonexistent/file"))
    'missing'
    """
    try:
        return _sha256(Path(path).read_bytes())
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return "missing"


def tree_files(root: Path) -> list[Path]:
    """Return every file under ``root`` (sorted; caches and bytecode left out).

    Examples
    --------
    >>> tree_files(Path("/nonexistent"))
    []
    """
    root = Path(root)
    if not root.is_dir():
        return []
    skip = {"__pycache__", ".ipynb_checkpoints", ".hypothesis", ".pytest_cache"}
    out = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if path.is_file() and not skip.intersection(rel.parts) and path.suffix not in (".pyc", ".pyo"):
            out.append(path)
    return sorted(out, key=lambda p: p.relative_to(root).as_posix())


def tree_digest(root: Path) -> str:
    """Return one sha256 over the names and bytes of every file under ``root``.

    Examples
    --------
    >>> tree_digest(Path("/nonexistent")) == _sha256(b"")
    True
    """
    h = hashlib.sha256()
    for path in tree_files(root):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + file_digest(path).encode() + b"\n")
    return h.hexdigest()


def code_digest(nb) -> str:
    """Return the sha256 of a notebook's code cells (their sources, in order).

    Markdown cells are left out: editing prose does not require running the notebook again.

    Examples
    --------
    >>> a = {"cells": [{"cell_type": "code", "source": "x = 1"}]}
    >>> b = {"cells": [{"cell_type": "markdown", "source": "# New"},
    ...                {"cell_type": "code", "source": "x = 1"}]}
    >>> code_digest(a) == code_digest(b)
    True
    """
    h = hashlib.sha256()
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            src = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            h.update(src.encode("utf-8") + b"\0\x1e")
    return h.hexdigest()


_ENV_DIGEST: str | None = None


def environment_digest() -> str:
    """Return a sha256 of the Python version and every installed distribution's version.

    Upgrading a package (say matplotlib) can change figures, so it re-executes the notebooks.

    Examples
    --------
    >>> len(environment_digest())
    64
    """
    global _ENV_DIGEST
    if _ENV_DIGEST is None:
        from importlib import metadata

        dists = sorted({f"{(d.metadata['Name'] or '').lower()}=={d.version}" for d in metadata.distributions()})
        text = f"{sys.version_info[:3]}|{CACHE_FORMAT}|" + "|".join(dists)
        _ENV_DIGEST = _sha256(text.encode())
    return _ENV_DIGEST


# ----------------------------------------------------------------------------- notebooks


def coalesce_streams(outputs: list) -> list:
    """Merge consecutive stream outputs of the same name (as Jupyter displays them).

    The kernel flushes stdout on a timer, so how one ``print`` loop is split into messages
    depends on the machine's speed; merging makes the stored outputs deterministic.

    Examples
    --------
    >>> coalesce_streams([{"output_type": "stream", "name": "stdout", "text": "a"},
    ...                   {"output_type": "stream", "name": "stderr", "text": "b"}])[1]["name"]
    'stderr'
    """
    merged: list = []
    for out in outputs:
        if (
            out.get("output_type") == "stream"
            and merged
            and merged[-1].get("output_type") == "stream"
            and merged[-1].get("name") == out.get("name")
        ):
            prev = merged[-1]
            prev["text"] = _text(prev["text"]) + _text(out["text"])
        else:
            if out.get("output_type") == "stream":
                out = dict(out)
                out["text"] = _text(out["text"])
            merged.append(out)
    return merged


def _text(value) -> str:
    return value if isinstance(value, str) else "".join(value)


def clean_notebook(nb, kernel_language_info: dict | None = None):
    """Strip what only records how or when a notebook ran, in place, and return it.

    Removes execution timings and other volatile cell metadata, merges stream outputs,
    aligns each ``execute_result``'s count with its cell, keeps a stable kernelspec and the
    machine-independent part of ``language_info``, and gives cells without an id a
    deterministic one.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    >>> nb.cells[0].metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00Z"}
    >>> nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    >>> nb = clean_notebook(nb)
    >>> dict(nb.cells[0].metadata), dict(nb.metadata["language_info"])
    ({}, {'name': 'python'})
    """
    import nbformat

    info = kernel_language_info if kernel_language_info is not None else nb.metadata.get("language_info", {})
    nb.metadata["language_info"] = nbformat.from_dict({k: info[k] for k in LANGUAGE_INFO_KEYS if k in info})
    spec = dict(nb.metadata.get("kernelspec") or DEFAULT_KERNELSPEC)
    spec["name"] = "python3"
    spec.setdefault("language", "python")
    spec.setdefault("display_name", DEFAULT_KERNELSPEC["display_name"])
    nb.metadata["kernelspec"] = nbformat.from_dict(spec)
    for key in ("widgets", "papermill", "execution"):
        nb.metadata.pop(key, None)
    needs_ids = (nb.get("nbformat", 4), nb.get("nbformat_minor", 0)) >= (4, 5)
    seen: set = set()
    for index, cell in enumerate(nb.cells):
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if needs_ids and (not cell.get("id") or cell["id"] in seen):
            cell["id"] = f"cell-{index:03d}-" + _sha256(_text(cell.source).encode())[:8]
        if needs_ids:
            seen.add(cell["id"])
        if cell.cell_type == "code":
            cell.outputs = [nbformat.from_dict(o) for o in coalesce_streams(cell.outputs)]
            for out in cell.outputs:
                if out.get("output_type") == "execute_result":
                    out["execution_count"] = cell.execution_count
    return nb


def canonical_state(nb) -> str:
    """Return the JSON of what an execution determines: code cells, counts and outputs.

    Two notebooks with the same canonical state need no write-back.

    Examples
    --------
    >>> import nbformat
    >>> a = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1", execution_count=1)])
    >>> b = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1", execution_count=2)])
    >>> canonical_state(a) == canonical_state(b)
    False
    """
    cells = []
    for cell in nb["cells"]:
        entry = {"type": cell["cell_type"], "source": _text(cell["source"])}
        if cell["cell_type"] == "code":
            entry["count"] = cell.get("execution_count")
            entry["outputs"] = coalesce_streams([dict(o) for o in cell.get("outputs", [])])
        entry["metadata"] = {k: v for k, v in cell.get("metadata", {}).items() if k not in VOLATILE_CELL_METADATA}
        entry["id"] = cell.get("id")
        cells.append(entry)
    meta = dict(nb.get("metadata", {}))
    info = meta.get("language_info", {})
    meta["language_info"] = {k: info[k] for k in LANGUAGE_INFO_KEYS if k in info}
    return json.dumps({"cells": cells, "metadata": meta}, sort_keys=True, ensure_ascii=False, default=str)


def merge_outputs(current, executed):
    """Return ``current`` (prose as on disk) with the code outputs of ``executed``.

    ``language_info`` comes from the execution, except its ``version`` (the Python patch
    release, which differs between machines): kept as it is on disk, never added.

    Examples
    --------
    >>> import nbformat
    >>> cur = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# New title"),
    ...                                       nbformat.v4.new_code_cell("1")])
    >>> ex = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Old"),
    ...                                      nbformat.v4.new_code_cell("1", execution_count=1)])
    >>> m = merge_outputs(cur, ex)
    >>> m.cells[0].source, m.cells[1].execution_count
    ('# New title', 1)
    """
    import copy

    merged = copy.deepcopy(current)
    code_new = [c for c in merged.cells if c.cell_type == "code"]
    code_old = [c for c in executed.cells if c.cell_type == "code"]
    if [_text(c.source) for c in code_new] != [_text(c.source) for c in code_old]:
        raise BuildError("code cells changed since execution; cannot merge outputs")
    for new, old in zip(code_new, code_old):
        new.outputs = copy.deepcopy(old.outputs)
        new.execution_count = old.execution_count
    # the Python patch version differs between machines: never add it, never change it
    version = current.metadata.get("language_info", {}).get("version")
    merged = clean_notebook(merged, dict(executed.metadata.get("language_info", {})))
    if version is not None:
        merged.metadata["language_info"]["version"] = version
    return merged


def notebook_text(nb) -> str:
    """Serialise a notebook the way Jupyter does (indent 1, sorted keys, final newline).

    Examples
    --------
    >>> import nbformat
    >>> notebook_text(nbformat.v4.new_notebook()).endswith("}\\n")
    True
    """
    import nbformat

    text = nbformat.writes(nb, version=4)
    return text if text.endswith("\n") else text + "\n"


def snapshot_dir(folder: Path) -> dict[str, bytes]:
    """The files directly in ``folder``, name -> bytes (for :func:`restore_dir`).

    Examples
    --------
    >>> snapshot_dir(Path("/nonexistent"))
    {}
    """
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def restore_dir(folder: Path, snapshot: dict[str, bytes]) -> int:
    """Put ``folder`` back as :func:`snapshot_dir` saw it; return how many files changed.

    Files written since are replaced atomically by their old bytes, new files removed: a
    failed build leaves no half-written figure behind.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.svg").write_bytes(b"old")
    >>> before = snapshot_dir(d)
    >>> _ = (d / "a.svg").write_bytes(b"half")
    >>> _ = (d / "b.png").write_bytes(b"new")
    >>> restore_dir(d, before), sorted(p.name for p in d.iterdir()), (d / "a.svg").read_bytes()
    (2, ['a.svg'], b'old')
    """
    folder = Path(folder)
    changed = 0
    now = snapshot_dir(folder)
    for name in sorted(set(now) - set(snapshot)):
        (folder / name).unlink()
        changed += 1
    for name, data in snapshot.items():
        if now.get(name) != data:
            write_atomic(folder / name, data)
            changed += 1
    return changed


def find_notebooks(notebooks_dir: Path) -> list[Path]:
    """Return ``notebooks_dir/*.ipynb`` in reading (name) order.

    Examples
    --------
    >>> find_notebooks(Path("/nonexistent"))
    []
    """
    notebooks_dir = Path(notebooks_dir)
    if not notebooks_dir.is_dir():
        return []
    return sorted(p for p in notebooks_dir.glob("*.ipynb") if not p.name.startswith("."))


# ----------------------------------------------------------------------------- kernels

#: Source of the helper module installed in every kernel as ``_parstats_build``: an audit hook
#: that records which data files a notebook reads and which figures it writes, and the reset
#: that makes a warm kernel look fresh to the next notebook.
_KERNEL_HELPER = r'''
import os, sys, warnings

on = False
reads, writes, listed = set(), set(), set()


def _keep(p):
    return p.startswith(roots) or (p + os.sep).startswith(roots)


def _hook(event, args, _abspath=os.path.abspath, _fsdecode=os.fsdecode):
    if not on:
        return
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


def setup(watch, project_root, preload):
    global roots, project, installed, path, environ, filters, modules, rc
    roots = tuple(os.path.abspath(r) + os.sep for r in watch)
    project = os.path.abspath(project_root) + os.sep
    installed = tuple(os.path.abspath(p) + os.sep for p in {sys.prefix, sys.exec_prefix, sys.base_prefix})
    sys.addaudithook(_hook)
    for name in preload:
        try:
            __import__(name)
        except Exception:
            pass
    path = list(sys.path)
    environ = dict(os.environ)
    filters = list(warnings.filters)
    modules = set(sys.modules)
    rc = None
    if "matplotlib" in sys.modules:
        rc = dict(sys.modules["matplotlib"].rcParams)


def reset(cwd):
    global on
    from IPython import get_ipython

    on = False
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    get_ipython().reset(new_session=True)
    os.chdir(cwd)
    sys.path[:] = path
    os.environ.clear()
    os.environ.update(environ)
    warnings.filters[:] = filters
    warnings._filters_mutated()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if rc is not None:
            sys.modules["matplotlib"].rcParams.update(rc)
        if "pandas" in sys.modules:
            sys.modules["pandas"].reset_option("all")
    for name, mod in list(sys.modules.items()):
        f = os.path.abspath(getattr(mod, "__file__", None) or "")
        # The virtual environment may live inside the project (.venv/): its packages are
        # never purged, or a re-imported matplotlib submodule would no longer match the
        # classes that the rest of matplotlib holds.
        if name == "parstats" or name.startswith("parstats.") or (
            name not in modules and f.startswith(project) and not f.startswith(installed)
        ):
            del sys.modules[name]
    import importlib

    importlib.invalidate_caches()
    reads.clear()
    writes.clear()
    listed.clear()
    on = True


def collect():
    global on
    on = False
    return [sorted(reads), sorted(writes), sorted(listed)]
'''

_PRELUDE = """
import sys as _sys, types as _types
_m = _types.ModuleType("_parstats_build")
_sys.modules["_parstats_build"] = _m
exec(compile({source!r}, "<parstats-build>", "exec"), _m.__dict__)
_m.setup({roots!r}, {project!r}, {preload!r})
del _m, _sys, _types
"""

_COLLECT = "__import__('sys').modules['_parstats_build'].collect()"


def modules_to_preload(code: str) -> tuple:
    """Return the :data:`PRELOAD` modules that ``code`` imports.

    Only modules imported by name: ``matplotlib.pyplot`` (which switches on IPython's inline
    figure display) is preloaded only for code that imports pyplot itself.

    Examples
    --------
    >>> modules_to_preload("import pandas as pd\\nfrom matplotlib.figure import Figure")
    ('pandas', 'matplotlib')
    >>> modules_to_preload("from matplotlib import pyplot as plt")
    ('matplotlib', 'matplotlib.pyplot')
    """
    names: set = set()
    for frm, what in re.findall(r"^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+)?import[ \t]+([\w., \t]+)", code, flags=re.M):
        targets = [frm + "." + w.split()[0] for w in what.split(",") if w.strip()] if frm else \
            [w.split()[0] for w in what.split(",") if w.strip()]
        for target in targets:
            parts = target.split(".")
            names.update(".".join(parts[: i + 1]) for i in range(len(parts)))
    return tuple(m for m in PRELOAD if m in names)


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


class _Kernel:
    """One IPython kernel process, reused for several notebooks."""

    def __init__(self, env: dict, cwd: Path, roots: list[Path], project: Path, log: Path | None = None,
                 preload: tuple = ()):
        self.env, self.cwd, self.roots, self.project, self.log = env, cwd, roots, project, log
        self.preload = tuple(preload)
        self.km = self.kc = None

    async def start(self):
        from jupyter_client.manager import AsyncKernelManager

        self.km = AsyncKernelManager(kernel_name="python3")
        # the kernels' own stderr (start-up notices, crashes) goes to a log, not the build output
        if self.log is not None:
            self.log.parent.mkdir(parents=True, exist_ok=True)
            with open(self.log, "ab") as log:
                await self.km.start_kernel(cwd=str(self.cwd), env=dict(self.env), stdout=log, stderr=log)
        else:
            await self.km.start_kernel(cwd=str(self.cwd), env=dict(self.env))
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=120)
        await self.silent(
            _PRELUDE.format(source=_KERNEL_HELPER, roots=[str(r) for r in self.roots], project=str(self.project),
                            preload=self.preload)
        )

    async def silent(self, code: str, expressions: dict | None = None, timeout: float = 300) -> dict:
        msg_id = self.kc.execute(code, silent=True, store_history=False, user_expressions=expressions or {}, allow_stdin=False)
        deadline = time.monotonic() + timeout
        while True:
            msg = await self.kc.get_shell_msg(timeout=max(1.0, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") == msg_id:
                break
        content = msg["content"]
        if content.get("status") != "ok":
            raise RuntimeError(f"kernel setup failed: {content.get('ename')}: {content.get('evalue')}")
        for name, value in content.get("user_expressions", {}).items():
            if value.get("status") != "ok":
                raise RuntimeError(f"kernel query {name} failed: {value.get('ename')}: {value.get('evalue')}")
        return content.get("user_expressions", {})

    async def shutdown(self):
        try:
            if self.kc is not None:
                self.kc.stop_channels()
            if self.km is not None and self.km.has_kernel:
                # nothing in a finished kernel is worth a graceful (0.5 s) shutdown
                await self.km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001 - best effort at exit
            if self.km is not None:
                try:
                    await self.km.shutdown_kernel(now=True)
                except Exception:  # noqa: BLE001
                    pass


@dataclass
class CellFailure:
    """Where and why a notebook stopped."""

    cell: int  # 1-based position among all cells
    code_cell: int  # 1-based position among code cells
    ename: str
    evalue: str

    def __str__(self) -> str:
        return f"cell {self.cell} (code cell {self.code_cell}): {self.ename}: {self.evalue}"


async def _run_notebook(kernel: _Kernel, nb, nbdir: Path, timeout: int):
    """Execute ``nb`` in ``kernel``; return (executed nb, trace) or raise _NotebookFailed."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    await kernel.silent(f"__import__('sys').modules['_parstats_build'].reset({str(nbdir)!r})")
    client = NotebookClient(
        nb,
        km=kernel.km,
        kernel_name="python3",
        timeout=timeout,
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": str(nbdir)}},
    )
    client.kc = kernel.kc
    client.reset_execution_trackers()
    info = await client.async_wait_for_reply(kernel.kc.kernel_info())
    language_info = info["content"].get("language_info", {}) if info else {}
    code_no = 0
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            code_no += 1
        try:
            await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
        except CellExecutionError as exc:
            raise _NotebookFailed(CellFailure(index + 1, code_no, exc.ename, _first_line(exc.evalue))) from None
    result = await kernel.silent("", {"trace": _COLLECT})
    import ast

    reads, writes, listed = ast.literal_eval(result["trace"]["data"]["text/plain"])
    return clean_notebook(nb, language_info), {"reads": reads, "writes": writes, "listed": listed}


def _first_line(text) -> str:
    text = str(text or "").strip()
    return text.splitlines()[0] if text else ""


class _NotebookFailed(Exception):
    def __init__(self, failure: CellFailure):
        super().__init__(str(failure))
        self.failure = failure


# ----------------------------------------------------------------------------- build


@dataclass
class NotebookResult:
    """What happened to one notebook during a build."""

    name: str
    status: str  # "executed", "cached" or "failed"
    seconds: float = 0.0
    written: bool = False
    failure: CellFailure | None = None
    message: str = ""


@dataclass
class BuildResult:
    """Outcome of :func:`build`."""

    notebooks: list[NotebookResult] = field(default_factory=list)
    site: str = "skipped"  # "updated", "unchanged", "skipped", "not rendered (failures)"
    seconds: float = 0.0

    @property
    def failed(self) -> list[NotebookResult]:
        return [r for r in self.notebooks if r.status == "failed"]

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.notebooks)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> str:
        return (
            f"build: {self.count('executed')} executed, {self.count('cached')} cached, "
            f"{self.count('failed')} failed in {self.seconds:.1f} s; site {self.site}"
        )


@dataclass
class Project:
    """The folders a build reads and writes (defaults from :mod:`parstats.paths`)."""

    root: Path
    notebooks_dir: Path
    data_dir: Path
    src_dir: Path
    figures_dir: Path
    site_dir: Path
    cache_dir: Path

    @classmethod
    def at(cls, root: Path | None = None, **overrides) -> "Project":
        """Return the project rooted at ``root`` (default: ``parstats.paths.PROJ_ROOT``).

        Examples
        --------
        >>> Project.at(Path("/p")).figures_dir.as_posix()
        '/p/figures'
        """
        if root is None:
            from parstats import paths

            root = paths.PROJ_ROOT
        root = Path(root).resolve()
        dirs = dict(
            root=root,
            notebooks_dir=root / "notebooks",
            data_dir=root / "data",
            src_dir=root / "src" / "parstats",
            figures_dir=root / "figures",
            site_dir=root / "site",
            cache_dir=root / ".parstats-cache",
        )
        dirs.update({k: Path(v) for k, v in overrides.items()})
        return cls(**dirs)

    def rel(self, path) -> str:
        path = Path(path)
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


class Manifest:
    """The build cache: ``.parstats-cache/manifest.json`` plus the executed notebooks."""

    def __init__(self, project: Project):
        self.project = project
        self.path = project.cache_dir / "manifest.json"
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") != CACHE_FORMAT:
                data = {}
        except (FileNotFoundError, ValueError):
            data = {}
        self.notebooks: dict = data.get("notebooks", {})
        self.validated: str | None = data.get("validated")
        self.site: str | None = data.get("site")
        self.site_files: dict = data.get("site_files", {})

    def executed_path(self, name: str) -> Path:
        return self.project.cache_dir / "executed" / name

    def save(self) -> None:
        data = {
            "format": CACHE_FORMAT,
            "notebooks": self.notebooks,
            "validated": self.validated,
            "site": self.site,
            "site_files": self.site_files,
        }
        write_atomic(self.path, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode())


def _data_fingerprint(project: Project, deps: dict) -> dict:
    """Current hashes of a notebook's recorded data dependencies."""
    if deps.get("all"):
        return {"all": tree_digest(project.data_dir)}
    return {rel: file_digest(project.root / rel) for rel in deps.get("files", [])}


def _cache_entry_valid(project: Project, entry: dict, code: str, src: str, env: str) -> bool:
    if not entry or entry.get("code") != code or entry.get("src") != src or entry.get("env") != env:
        return False
    if entry.get("data") != _data_fingerprint(project, entry.get("deps", {"all": True})):
        return False
    for rel, digest in entry.get("outputs", {}).items():
        if file_digest(project.root / rel) != digest:
            return False
    return True


def _deps_from_trace(project: Project, trace: dict) -> tuple[dict, dict]:
    data_root = project.data_dir.resolve()
    under = lambda p: Path(p) == data_root or data_root in Path(p).parents  # noqa: E731
    listed = [p for p in trace["listed"] if under(p)]
    files = sorted({project.rel(p) for p in trace["reads"] if under(p) and not Path(p).is_dir()})
    deps = {"all": True} if listed else {"files": files}
    figures_root = project.figures_dir.resolve()
    outputs = {}
    for p in trace["writes"]:
        path = Path(p)
        if figures_root in path.parents and path.is_file() and not path.name.startswith("."):
            outputs[project.rel(path)] = file_digest(path)
    return deps, dict(sorted(outputs.items()))


class _Progress:
    """One line per event on stderr; a tqdm bar only when stderr is a terminal."""

    def __init__(self, total: int, stream=None, quiet: bool = False):
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.bar = None
        if not quiet and total and getattr(self.stream, "isatty", lambda: False)():
            from tqdm import tqdm

            self.bar = tqdm(total=total, file=self.stream, leave=False, unit="nb", dynamic_ncols=True)

    def line(self, text: str) -> None:
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def validate_data(project: Project, manifest: Manifest, src: str, env: str, progress: _Progress) -> None:
    """Run ``parstats.data.validate_all(data_dir=...)`` unless the same data already validated.

    Raises
    ------
    BuildError
        When validation fails (the message is the validator's, naming file, row and column).
    """
    key = _sha256(f"{tree_digest(project.data_dir)}|{src}|{env}".encode())
    if manifest.validated == key:
        progress.line("[data ] unchanged since the last validation")
        return
    try:
        import parstats.data as data_module
    except ImportError:
        progress.line("[data ] parstats.data not available: validation skipped")
        return
    validate_all = getattr(data_module, "validate_all", None)
    if validate_all is None:
        progress.line("[data ] parstats.data.validate_all not available: validation skipped")
        return
    t0 = time.perf_counter()
    try:
        summary = validate_all(data_dir=project.data_dir)
    except ValueError as exc:
        raise BuildError(f"data validation failed: {exc}") from exc
    manifest.validated = key
    manifest.save()
    rows = getattr(summary, "rows", None)
    counted = f"{len(rows)} tables, {sum(rows.values())} rows " if isinstance(rows, dict) else ""
    progress.line(f"[data ] {counted}valid ({time.perf_counter() - t0:.1f} s)")


def build(
    project: Project | None = None,
    *,
    jobs: int | None = None,
    force: bool = False,
    site: bool = True,
    validate: bool = True,
    fresh_kernels: bool = False,
    timeout: int = CELL_TIMEOUT,
    stream=None,
    quiet: bool = False,
) -> BuildResult:
    """Execute the project's notebooks as needed and render the site.

    Parameters
    ----------
    project : Project, optional
        Folders to use (default ``Project.at()``, i.e. ``parstats.paths``).
    jobs : int, optional
        Number of notebooks run at once (default: one per available core).
    force : bool
        Re-execute every notebook, ignoring the cache.
    site : bool
        Render ``site/`` after a successful execution.
    validate : bool
        Validate the curated data first.
    fresh_kernels : bool
        Start a new kernel for every notebook instead of reusing warm ones.
    timeout : int
        Seconds allowed per cell.
    stream : file, optional
        Where progress lines go (default stderr).
    quiet : bool
        Print nothing.

    Returns
    -------
    BuildResult
        Per-notebook results; ``exit_code`` is 1 when a notebook failed.

    Raises
    ------
    BuildError
        When the data are invalid, a notebook cannot be read, or there is no notebook.

    Examples
    --------
    >>> import tempfile
    >>> build(Project.at(Path(tempfile.mkdtemp())), quiet=True)
    Traceback (most recent call last):
    ...
    parstats.build.BuildError: no notebook found in notebooks/
    """
    t_start = time.perf_counter()
    project = project or Project.at()
    notebooks = find_notebooks(project.notebooks_dir)
    if not notebooks:
        raise BuildError(f"no notebook found in {project.rel(project.notebooks_dir)}/")
    jobs = max(1, int(jobs or _cpu_count()))
    progress = _Progress(len(notebooks), stream=stream, quiet=quiet)
    result = BuildResult()
    pages_pool = None
    try:
        manifest = Manifest(project)
        src = tree_digest(project.src_dir)
        env = environment_digest()
        if validate:
            validate_data(project, manifest, src, env, progress)

        # plain JSON here: importing nbformat costs most of a no-op build
        current, todo = {}, []
        for path in notebooks:
            try:
                nb = json.loads(path.read_bytes())
                nb["cells"]
            except (ValueError, KeyError, TypeError) as exc:
                raise BuildError(f"{project.rel(path)}: cannot be read as a notebook: {exc}") from exc
            current[path.name] = nb
            entry = manifest.notebooks.get(path.name)
            code = code_digest(nb)
            if (
                not force
                and _cache_entry_valid(project, entry, code, src, env)
                and manifest.executed_path(path.name).is_file()
            ):
                result.notebooks.append(NotebookResult(path.name, "cached"))
                progress.line(f"[cache] {path.name}")
                progress.advance()
            else:
                todo.append((path, nb, code))

        executed: dict = {}
        bodies: dict = {}
        figures_before = snapshot_dir(project.figures_dir) if todo else None
        if todo:
            import nbformat

            try:
                todo = [(path, nbformat.read(path, as_version=4), code) for path, _nb, code in todo]
                for path, nb, _ in todo:
                    nbformat.validate(nb)
            except Exception as exc:  # noqa: BLE001 - name the file whatever the validator says
                raise BuildError(f"{project.rel(path)}: not a valid notebook: {_first_line(exc)}") from exc
            # longest first (as last recorded) so that workers finish together
            todo.sort(key=lambda t: -manifest.notebooks.get(t[0].name, {}).get("seconds", 0.0))
            if site:
                # render each page as soon as its notebook is done, on a core the kernels leave idle
                from concurrent.futures import ThreadPoolExecutor

                pages_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parstats-page")

                def on_success(path, before, ran):
                    bodies[path.name] = pages_pool.submit(_page_body, before, ran)
            outcomes = asyncio.run(
                _execute_all(project, todo, min(jobs, len(todo)), fresh_kernels, timeout, progress,
                             on_success if site else None)
            )
            for (path, nb, code), outcome in zip(todo, outcomes):
                if isinstance(outcome, NotebookResult):
                    result.notebooks.append(outcome)
                    continue
                executed_nb, trace, seconds = outcome
                deps, outputs = _deps_from_trace(project, trace)
                write_atomic(manifest.executed_path(path.name), notebook_text(executed_nb).encode("utf-8"))
                manifest.notebooks[path.name] = {
                    "code": code,
                    "src": src,
                    "env": env,
                    "deps": deps,
                    "data": _data_fingerprint(project, deps),
                    "outputs": outputs,
                    "seconds": round(seconds, 1),
                }
                executed[path.name] = executed_nb
                result.notebooks.append(NotebookResult(path.name, "executed", seconds))
        order = {p.name: i for i, p in enumerate(notebooks)}
        result.notebooks.sort(key=lambda r: order[r.name])

        if result.failed:
            manifest.save()
            for r in result.failed:
                progress.line(f"FAILED {project.rel(project.notebooks_dir / r.name)}: {r.failure or r.message}")
            restored = restore_dir(project.figures_dir, figures_before) if figures_before is not None else 0
            progress.line("notebooks/, figures/ and site/ left untouched"
                          + (f" ({restored} figure file(s) a failed run had written were restored)" if restored else ""))
            result.site = "not rendered (failures)"
            return result

        # every notebook ran: write back those whose code outputs changed
        for r in result.notebooks:
            path = project.notebooks_dir / r.name
            entry = manifest.notebooks[r.name]
            on_disk = file_digest(path)
            if r.status == "cached" and entry.get("notebook") == on_disk:
                continue  # exactly the file the last build left: nothing to merge
            import nbformat

            ran = executed.get(r.name) or nbformat.read(manifest.executed_path(r.name), as_version=4)
            now = nbformat.read(path, as_version=4)
            merged = merge_outputs(now, ran)
            if canonical_state(merged) != canonical_state(now):
                r.written = write_atomic(path, notebook_text(merged).encode("utf-8"))
                if r.written:
                    progress.line(f"[write] {project.rel(path)}")
            entry["notebook"] = file_digest(path)
        manifest.save()

        if site:
            from parstats import site as site_module

            key = site_module.site_digest(project, src, env)
            index = project.site_dir / "index.html"
            if manifest.site == key and index.is_file() and site_module.site_intact(project, manifest):
                result.site = "unchanged"
            else:
                t0 = time.perf_counter()
                try:
                    ready = {name: future.result() for name, future in bodies.items()}
                    changed, files = site_module.render_site(project, jobs=jobs, bodies=ready)
                except (OSError, RuntimeError, ValueError) as exc:
                    result.site = "not rendered (error)"
                    raise BuildError(f"rendering site/ failed (previous site left untouched): {exc}") from exc
                manifest.site = key
                manifest.site_files = files
                manifest.save()
                result.site = f"{'updated' if changed else 'unchanged'} ({time.perf_counter() - t0:.1f} s)"
        return result
    finally:
        if pages_pool is not None:
            pages_pool.shutdown(wait=True, cancel_futures=True)
        progress.close()
        result.seconds = time.perf_counter() - t_start
        if result.notebooks or result.site != "skipped":
            progress.line(result.summary())


def _page_body(before, executed) -> str:
    """The site page body of a notebook as it will be on disk once its outputs are merged."""
    from parstats.site import render_notebook_body

    merged = merge_outputs(before, executed)
    return render_notebook_body(merged if canonical_state(merged) != canonical_state(before) else before)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


async def _execute_all(project: Project, todo, workers: int, fresh: bool, timeout: int, progress: _Progress,
                       on_success=None):
    """Run ``todo`` on ``workers`` kernels; return one outcome per notebook, in order."""
    import copy

    env = kernel_environment(project.root)
    roots = [project.data_dir, project.figures_dir]
    sources = [_text(c.source) for _, nb, _ in todo for c in nb.cells if c.cell_type == "code"]
    sources += [p.read_text(encoding="utf-8", errors="replace") for p in tree_files(project.src_dir) if p.suffix == ".py"]
    preload = modules_to_preload("\n".join(sources))
    log = project.cache_dir / "kernels.log"  # the kernels' stderr, for a post-mortem of this build
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_bytes(b"")
    queue: asyncio.Queue = asyncio.Queue()
    for i, item in enumerate(todo):
        queue.put_nowait((i, item))
    outcomes: list = [None] * len(todo)

    async def worker() -> None:
        kernel: _Kernel | None = None
        try:
            while True:
                try:
                    i, (path, nb, _code) = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                name = path.name
                own = fresh or bool(UNSAFE_FOR_WARM_KERNEL.search("\n".join(
                    _text(c.source) for c in nb.cells if c.cell_type == "code")))
                progress.line(f"[start] {name}")
                t0 = time.perf_counter()
                try:
                    if own and kernel is not None:
                        await kernel.shutdown()
                        kernel = None
                    if kernel is None:
                        kernel = _Kernel(env, path.parent, roots, project.root, log, preload)
                        await kernel.start()
                    executed_nb, trace = await _run_notebook(kernel, copy.deepcopy(nb), path.parent, timeout)
                    seconds = time.perf_counter() - t0
                    outcomes[i] = (executed_nb, trace, seconds)
                    progress.line(f"[ done] {name} {seconds:.1f} s")
                    if on_success is not None:
                        on_success(path, nb, executed_nb)
                except _NotebookFailed as exc:
                    seconds = time.perf_counter() - t0
                    outcomes[i] = NotebookResult(name, "failed", seconds, failure=exc.failure, message=str(exc))
                    progress.line(f"[FAIL ] {name} {seconds:.1f} s: {exc.failure}")
                except Exception as exc:  # noqa: BLE001 - dead kernel, timeout: report, restart
                    seconds = time.perf_counter() - t0
                    msg = f"{type(exc).__name__}: {_first_line(exc) or 'kernel failure'}"
                    outcomes[i] = NotebookResult(name, "failed", seconds, message=msg)
                    progress.line(f"[FAIL ] {name} {seconds:.1f} s: {msg}")
                    if kernel is not None:
                        await kernel.shutdown()
                        kernel = None
                progress.advance()
                if own and kernel is not None:
                    await kernel.shutdown()
                    kernel = None
        finally:
            if kernel is not None:
                await kernel.shutdown()

    await asyncio.gather(*(worker() for _ in range(workers)))
    return outcomes


# ----------------------------------------------------------------------------- CLI


def add_arguments(parser) -> None:
    """Add ``parstats build``'s options to ``parser``.

    Examples
    --------
    >>> import argparse
    >>> p = argparse.ArgumentParser()
    >>> add_arguments(p)
    >>> p.parse_args(["--jobs", "2", "--force"]).jobs
    2
    """
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help="notebooks executed at once (default: one per core)")
    parser.add_argument("--force", action="store_true", help="re-execute every notebook, ignoring the cache")
    parser.add_argument("--no-site", dest="site", action="store_false", help="do not render site/")
    parser.add_argument("--no-validate", dest="validate", action="store_false",
                        help="skip the data validation that runs before the notebooks")
    parser.add_argument("--fresh-kernels", action="store_true",
                        help="start a new kernel for every notebook (slower; as nbval does)")
    parser.add_argument("--timeout", type=int, default=CELL_TIMEOUT, metavar="S", help="seconds allowed per cell")


def _skip_slow_optional_imports() -> None:
    """Mark ``rfc3987_syntax`` absent in this (command-line) process.

    jsonschema, imported by nbformat, loads this optional package to check "iri" string
    formats, which the notebook schema never uses; loading it compiles a grammar and costs
    about 0.7 s, most of a no-op build. Only the ``parstats build`` process is affected.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


def run(args) -> int:
    """Run ``parstats build`` with parsed ``args``; return the exit code.

    Raises
    ------
    SystemExit
        Never; errors are printed and give exit code 1 (2 for a build that cannot start).
    """
    _skip_slow_optional_imports()
    try:
        result = build(
            jobs=args.jobs, force=args.force, site=args.site, validate=getattr(args, "validate", True),
            fresh_kernels=getattr(args, "fresh_kernels", False), timeout=getattr(args, "timeout", CELL_TIMEOUT),
        )
    except BuildError as exc:
        print(f"parstats build: {exc}", file=sys.stderr)
        return 2
    if result.failed:
        print(
            "parstats build: failed: "
            + "; ".join(f"notebooks/{r.name} {r.failure or r.message}" for r in result.failed),
            file=sys.stderr,
        )
    return result.exit_code


def main(argv: list[str] | None = None) -> int:
    """``python -m parstats.build``: the same as ``parstats build``."""
    import argparse

    parser = argparse.ArgumentParser(prog="parstats build", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
