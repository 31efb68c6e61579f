"""The package's layers go one way: the import-linter contracts of pyproject.toml hold."""
from __future__ import annotations

import os

from importlinter.cli import lint_imports

from parstats.paths import PROJ_ROOT


def test_import_contracts_hold():
    cwd = os.getcwd()
    os.chdir(PROJ_ROOT)  # the contracts live in the project's pyproject.toml
    try:
        assert lint_imports(no_cache=True, no_logo=True) == 0
    finally:
        os.chdir(cwd)


def test_publishing_imports_no_private_name_of_another_module():
    """The site's modules share helpers by public names (``publishing.layout``), never by
    importing another module's ``_private`` one; the same holds for the local app."""
    import ast

    roots = [PROJ_ROOT / "src" / "parstats" / "publishing", PROJ_ROOT / "src" / "parstats" / "serve"]
    crossings = []
    for root in roots:
        for path in sorted(root.rglob("*.py")) if root.is_dir() else ():
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("parstats"):
                    crossings += [f"{path.relative_to(PROJ_ROOT)}:{node.lineno} imports {node.module}.{a.name}"
                                  for a in node.names if a.name.startswith("_")]
    assert crossings == []


def test_no_private_name_crosses_a_module_border():
    """Issue 16, item 9: the stages of the package talk through public names only (a name with a
    leading underscore is its module's own); and a provisional claim's keys are public too."""
    import ast
    from pathlib import Path

    import parstats

    root = Path(parstats.__file__).parent
    crossing = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("parstats"):
                crossing += [f"{path.relative_to(root)}: {node.module}.{a.name}" for a in node.names
                             if a.name.startswith("_") and not a.name.startswith("__")]
            if isinstance(node, ast.Constant) and node.value in ("_order", "_tok", "_pct"):
                crossing.append(f"{path.relative_to(root)}: the claim key {node.value!r}")
    assert crossing == []
