"""Path constants of the project: the one place that knows where things live.

Notebooks and modules import these instead of writing ``../data``.

Examples
--------
>>> from parstats.paths import RAW_REPORT, DATA_DIR
>>> RAW_REPORT.relative_to(DATA_DIR).as_posix()
'raw/bao-cao-so-ket-ctr-09-tu.md'
"""
from __future__ import annotations

import os
from pathlib import Path

#: Root of the project checkout (overridable with ``PARSTATS_ROOT`` for tests on a copy).
PROJ_ROOT = Path(os.environ.get("PARSTATS_ROOT", Path(__file__).resolve().parents[2])).resolve()


def layout(root: str | Path) -> dict[str, Path]:
    """Where each folder of a project rooted at ``root`` lives: the one place that decides.

    Examples
    --------
    >>> layout("/p")["figures_dir"].as_posix()
    '/p/figures'
    """
    root = Path(root)
    return {
        "root": root,
        "notebooks_dir": root / "notebooks",
        "data_dir": root / "data",
        "src_dir": root / "src" / "parstats",
        "figures_dir": root / "figures",
        "site_dir": root / "site",
        "cache_dir": root / ".parstats-cache",
    }


_HERE = layout(PROJ_ROOT)
DATA_DIR = _HERE["data_dir"]
RAW_DIR = DATA_DIR / "raw"
RAW_REPORT = RAW_DIR / "bao-cao-so-ket-ctr-09-tu.md"
RAW_SIDECAR = RAW_DIR / "bao-cao-so-ket-ctr-09-tu.meta.json"
DATAPACKAGE = DATA_DIR / "datapackage.json"
NOTEBOOKS_DIR = _HERE["notebooks_dir"]
FIGURES_DIR = _HERE["figures_dir"]
SITE_DIR = _HERE["site_dir"]
CACHE_DIR = _HERE["cache_dir"]
#: The team's shared folder beside the checkout (the report as delivered, the real-text corpus);
#: absent on a machine that has only the project, where what reads it skips.
SHARED_DIR = PROJ_ROOT.parent / "shared"
SHARED_CORPUS = SHARED_DIR / "corpus"


def display_path(path: str | Path, root: str | Path = PROJ_ROOT) -> str:
    """``path`` relative to ``root`` (POSIX style) when inside it, else its file name.

    What outputs show instead of an absolute path, so that no machine path reaches a
    notebook, a table or a log.

    Examples
    --------
    >>> display_path(RAW_REPORT)
    'data/raw/bao-cao-so-ket-ctr-09-tu.md'
    >>> display_path("/somewhere/else/x.csv")
    'x.csv'
    """
    p, r = Path(path).resolve(), Path(root).resolve()
    return p.relative_to(r).as_posix() if p.is_relative_to(r) else p.name
