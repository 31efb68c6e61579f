"""Run ``parstats audit`` in the test process (shared by the audit's page tests)."""
from __future__ import annotations

import contextlib
import io


def audit_cli(*args, check=True):
    """``parstats audit ARGS`` in this process: (exit code, standard output, standard error)."""
    from parstats.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["audit", *map(str, args)])
    if check:
        assert code == 0, err.getvalue()
    return code, out.getvalue(), err.getvalue()
