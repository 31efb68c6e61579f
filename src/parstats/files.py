"""Atomic file output: a file is replaced whole or not at all.

Every writer in parstats (figures, tables, notebooks, the build manifest, README blocks)
goes through :func:`write_atomic`, so an interrupted run never leaves a half-written file and
an unchanged output is not touched at all.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: Path | str, data: bytes) -> bool:
    """Write ``data`` to ``path`` via a temporary file and ``os.replace``; skip identical bytes.

    Returns True when the file was (re)written. A new file gets mode 0644; a replaced one
    keeps its mode.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> write_atomic(d / "a.txt", b"x"), write_atomic(d / "a.txt", b"x"), write_atomic(d / "a.txt", b"y")
    (True, False, True)
    >>> sorted(p.name for p in d.iterdir())  # no temporary file left behind
    ['a.txt']
    """
    path = Path(path)
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
