"""The ``parstats`` command line: one subcommand per job.

Each subcommand lives in the module that does the work; that module exposes
``add_arguments(parser)`` and ``run(args) -> int``. This file only wires them up, imported
lazily so that ``parstats audit`` does not pay for matplotlib.
"""
from __future__ import annotations

import argparse
import importlib
import sys

#: subcommand -> (module, one-line help)
SUBCOMMANDS = {
    "validate": ("parstats.data", "validate every curated table and print a summary"),
    "build": ("parstats.publishing.build", "execute the notebooks and render the HTML site"),
    "audit": ("parstats.audit", "recompute every quoted figure in a report and flag inconsistencies"),
    "serve": ("parstats.serve", "a local web page: drop reports, get them back annotated"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="parstats", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_module=module_name)
        module = importlib.import_module(module_name)
        module.add_arguments(p)
    args = parser.parse_args(argv)
    module = importlib.import_module(args._module)
    return int(module.run(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
