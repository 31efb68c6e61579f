"""``parstats audit PATH [--format table|json|csv] [--strict]``: output, exit codes, bad files."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys

import pytest

from parstats.audit import audit_path
from parstats.cli import main
from parstats.paths import PROJ_ROOT, RAW_REPORT


def run_cli(capsys, *argv):
    code = main(["audit", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_on_the_report(capsys):
    code, out, err = run_cli(capsys, RAW_REPORT, "--format", "json")
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert doc == json.loads(json.dumps(audit_path(RAW_REPORT, source=str(RAW_REPORT)).to_json(),
                                        ensure_ascii=False))
    assert doc["source"] == str(RAW_REPORT)
    flagged = [c for c in doc["claims"] if c["status"] == "inconsistent"]
    assert {c["id"] for c in flagged} >= {"ratio-151-1", "change-75-1"}
    c = next(c for c in doc["claims"] if c["id"] == "ratio-151-1")
    assert (c["reported"], c["recomputed"], c["numerator"], c["denominator"]) == ("98,45%", "99,22%", 128, 129)
    assert "giảm 108 người" in out  # written as UTF-8, not \\u-escaped


def test_strict_exit_code(capsys):
    code, out, _ = run_cli(capsys, RAW_REPORT, "--strict")
    assert code == 1 and out.startswith(str(RAW_REPORT))


def test_strict_passes_on_a_consistent_text(tmp_path, capsys):
    p = tmp_path / "ok.md"
    p.write_text("Tinh giản 28/1.752 biên chế, đạt 1,6%.\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, p, "--strict")
    assert code == 0 and "FLAGGED: none" in out


def test_table_lists_flagged_first_with_diagnoses(capsys):
    code, out, _ = run_cli(capsys, RAW_REPORT)
    assert code == 0
    lines = out.splitlines()
    flagged_at = lines.index(next(l for l in lines if l.startswith("FLAGGED")))
    other_at = lines.index("OTHER CLAIMS")
    block = "\n".join(lines[flagged_at:other_at])
    assert "wrong base" in block and "rounded down" in block and "→" in block
    assert "change-75-1" not in "\n".join(lines[other_at:])


def test_csv_output(capsys):
    code, out, _ = run_cli(capsys, RAW_REPORT, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == len(audit_path(RAW_REPORT).findings)
    assert next(r for r in rows if r["id"] == "sum-127-1")["parts"] == "51+7"


@pytest.mark.parametrize("case", ["missing", "directory", "latin1", "binary"])
def test_bad_files_exit_2_with_one_line(tmp_path, capsys, case):
    if case == "missing":
        path = tmp_path / "nope.md"
        expect = "no such file"
    elif case == "directory":
        path = tmp_path
        expect = "directory"
    else:
        path = tmp_path / f"{case}.md"
        path.write_bytes("Tỷ lệ đạt 98,45%".encode("cp1258", errors="replace") if case == "latin1"
                         else bytes(range(256)))
        expect = "not UTF-8"
    code, out, err = run_cli(capsys, path, "--format", "json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expect in err and str(path) in err


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path, capsys):
    p = tmp_path / "secret.md"
    p.write_text("x", encoding="utf-8")
    p.chmod(0)
    code, _, err = run_cli(capsys, p)
    assert code == 2 and "cannot read" in err


def test_console_entry_point_runs():
    proc = subprocess.run([sys.executable, "-m", "parstats.cli", "audit", str(RAW_REPORT), "--format", "json",
                           "--strict"], capture_output=True, text=True, cwd=PROJ_ROOT, timeout=120)
    assert proc.returncode == 1
    assert re.fullmatch(r"[0-9a-f]{64}", json.loads(proc.stdout)["sha256"])
