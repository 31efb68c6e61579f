"""Notebook files as the build sees them: digests for the cache, the canonical form that is
written back (no timings, merged streams, stable ids), and snapshots of a folder.

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

import hashlib
import json
import sys
from pathlib import Path

from parstats.files import write_atomic

#: Bump to invalidate every cache entry when the way notebooks are executed changes.
CACHE_FORMAT = 4
#: Cell metadata keys that only record how or when a cell ran.
VOLATILE_CELL_METADATA = ("execution", "ExecuteTime", "collapsed", "scrolled", "jupyter")
#: Stable subset of the kernel's language_info (its ``version`` differs between machines).
LANGUAGE_INFO_KEYS = ("codemirror_mode", "file_extension", "mimetype", "name", "nbconvert_exporter", "pygments_lexer")
DEFAULT_KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


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
