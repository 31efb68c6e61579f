"""The analysis behind the notebooks: one module per notebook, and what they share.

**The rule.** The notebook ``notebooks/NN-theme-name.ipynb`` has exactly one module,
``parstats.analysis.theme_name`` (the ``NN-`` prefix dropped, hyphens turned into
underscores): ``02-staffing-qualifications.ipynb`` -> :mod:`parstats.analysis.staffing_qualifications`.
That module holds the notebook's table functions and chart functions, and declares, at module
level, what other code (tests, the build, the site, the README gallery) needs to know about the
notebook:

``DATA_TABLES : tuple[str, ...]``
    The curated tables of ``data/`` the notebook shows in full: every row ``id`` of each of
    them appears in the notebook's outputs and in one of its ``figures/NN-theme-*.csv``.
``COLUMNS : dict[str, list[Column]]``
    The display specs (:class:`parstats.analysis.tables.Column` lists) of the tables it shows.
``FIGURES : dict[str, tuple[str, str]]``
    Every figure it saves, ``figures/NN-theme-SUFFIX.svg``: ``SUFFIX -> (title, caption)``,
    both in Vietnamese.
``INDEX_SECTION : str`` (optional)
    ``"targets"`` or ``"audit"``: the summary of the site's index that links to this notebook
    (exactly one notebook declares each).

A notebook finds its module by :func:`module_for`; :func:`notebook_modules` pairs every
notebook of a folder with its module, and fails loudly when one has none. Nothing in these
modules is keyed on a display label or a file name: rows are selected by the codes of
``data/`` (``measure == "giam_don_vi_su_nghiep_cong_lap"``), labels are only written out.

What the notebooks share lives in modules named for what they hold, never for a notebook:

==================  ===================================================================
``labels``          Vietnamese titles and labels of columns and codes (``datapackage.json``)
``shares``          reported against recomputed shares, with the audit's arithmetic and words
``tables``          display tables (:class:`Column`, :func:`publish`) and their export
``columns``         a table's columns and its cells written the Vietnamese way (for ``tables``)
``exports``         a table's CSV and XLSX files, byte-reproducible (for ``tables``)
``plotting``        the figure style and :func:`save_figure`
``scoreboard``      the programme targets, met or not
``wording``         a target and a value written out; the report's words read as a value
``target_checks``   what checks a target's figure: the audit, its own measure, the counts
==================  ===================================================================

Submodules are imported on demand, so ``import parstats.analysis`` is cheap.

Examples
--------
>>> module_for("02-staffing-qualifications.ipynb").__name__
'parstats.analysis.staffing_qualifications'
>>> module_name("notebooks/05-consistency-audit.ipynb")
'parstats.analysis.consistency_audit'
"""
from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

__all__ = ["declared", "module_for", "module_name", "notebook_modules"]

_NOTEBOOK = re.compile(r"(?:\d\d-)?([a-z0-9]+(?:-[a-z0-9]+)*)")


def module_name(notebook: str | Path) -> str:
    """The dotted name of the analysis module of a notebook (imported or not).

    Parameters
    ----------
    notebook : str or Path
        A notebook file name or path (``"02-staffing-qualifications.ipynb"``) or its stem.

    Raises
    ------
    LookupError
        If the name is not of the form ``NN-theme-name`` (lower-case ASCII, digits, hyphens).

    Examples
    --------
    >>> module_name("01-targets-overview")
    'parstats.analysis.targets_overview'
    >>> module_name("Notes.ipynb")
    Traceback (most recent call last):
    ...
    LookupError: notebook 'Notes.ipynb' is not named NN-theme-name.ipynb (lower-case ASCII letters, digits and hyphens): no analysis module can be named for it
    """
    path = Path(notebook)
    stem = path.stem if path.suffix == ".ipynb" else path.name
    m = _NOTEBOOK.fullmatch(stem)
    if m is None:
        raise LookupError(f"notebook {path.name!r} is not named NN-theme-name.ipynb (lower-case ASCII letters, "
                          "digits and hyphens): no analysis module can be named for it")
    return f"{__name__}.{m.group(1).replace('-', '_')}"


def module_for(notebook: str | Path) -> ModuleType:
    """The analysis module of a notebook, imported.

    Parameters
    ----------
    notebook : str or Path
        A notebook file name or path (``"02-staffing-qualifications.ipynb"``) or its stem.

    Raises
    ------
    LookupError
        If the notebook has no module (``src/parstats/analysis/<theme>.py`` is missing), or its
        name is not ``NN-theme-name``. A module that exists but fails to import raises its own
        error.

    Examples
    --------
    >>> module_for("03-online-services").DATA_TABLES
    ('procedures_online', 'dossiers', 'digital_indicators')
    >>> module_for("99-no-such-theme.ipynb")
    Traceback (most recent call last):
    ...
    LookupError: notebook '99-no-such-theme.ipynb' has no analysis module: expected parstats.analysis.no_such_theme in src/parstats/analysis/no_such_theme.py
    """
    name = module_name(notebook)
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise  # the module exists but imports something missing
        path = Path(notebook)
        file = "src/" + name.replace(".", "/") + ".py"
        shown = path.name if path.suffix == ".ipynb" else path.name + ".ipynb"
        raise LookupError(f"notebook {shown!r} has no analysis module: expected {name} in {file}") from None


def notebook_modules(notebooks_dir: str | Path | None = None) -> list[tuple[Path, ModuleType]]:
    """Every notebook of a folder (``notebooks/*.ipynb``, sorted) with its analysis module.

    Parameters
    ----------
    notebooks_dir : str or Path, optional
        The folder; :data:`parstats.paths.NOTEBOOKS_DIR` when omitted.

    Raises
    ------
    LookupError
        If a notebook has no module (see :func:`module_for`): none is skipped.

    Examples
    --------
    >>> [(p.name, m.__name__.rsplit(".", 1)[1]) for p, m in notebook_modules()][:2]
    [('01-targets-overview.ipynb', 'targets_overview'), ('02-staffing-qualifications.ipynb', 'staffing_qualifications')]
    """
    if notebooks_dir is None:
        from parstats.paths import NOTEBOOKS_DIR

        notebooks_dir = NOTEBOOKS_DIR
    return [(path, module_for(path)) for path in sorted(Path(notebooks_dir).glob("*.ipynb"))]


def declared(name: str, what: str):
    """What the analysis module of a saved file's notebook declares for it: ``name`` is
    ``NN-theme-SUFFIX`` (a figure or table file's stem), ``what`` the module's mapping
    (``"FIGURES"``, ``"TABLES"``); None when no module declares ``SUFFIX`` there.

    Examples
    --------
    >>> from parstats.analysis import staffing_qualifications
    >>> declared("02-staffing-qualifications-mix", "FIGURES") == staffing_qualifications.FIGURES["mix"]
    True
    >>> declared("99-example-empty", "FIGURES") is None
    True
    """
    parts = name.split("-")
    for i in range(2, len(parts)):
        try:
            module = module_for("-".join(parts[:i]))
        except LookupError:
            continue
        found = getattr(module, what, {}).get("-".join(parts[i:]))
        if found is not None:
            return found
    return None
