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
