"""``parstats audit PATH [PATH ...]``: folders, ``--jobs``, ``--format jsonl``, ``--summary``, exit codes.

Every expected value comes from the single-file API (:func:`parstats.audit.audit_path`) or from
the bytes written here, not from typed numbers.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from parstats.audit import audit_path
from parstats.audit.batch import SUMMARY_COLUMNS, audit_many, collect_paths
from parstats.cli import main

INCONSISTENT = "Cán bộ có trình độ đại học trở lên là 128/129 người, tỷ lệ 98,45%.\n"
CONSISTENT = "Tinh giản 28/1.752 biên chế, đạt 1,6%.\n"
NOT_UTF8 = b"Gia h\xe1\xba\xa1n th\xf4ng tin\xff\n"  # UTF-8 "ạ", then Latin-1 bytes


def run_cli(capsys, *argv):
    code = main(["audit", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path) -> dict[str, Path]:
    """A folder of reports: two flat files, a nested one, a non-UTF-8 one, and files to skip."""
    root = tmp_path / "reports"
    files = {
        "a.md": INCONSISTENT,
        "b.txt": "Kết quả năm 2022:\n\n" + CONSISTENT,
        "sub/c.md": "# Báo cáo\n\n" + CONSISTENT + "\n" + INCONSISTENT,
        "notes.csv": CONSISTENT,          # not .md/.txt: ignored
        ".cache/d.md": INCONSISTENT,      # hidden folder: ignored
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "bad.md").write_bytes(NOT_UTF8)
    return {"root": root, **{Path(n).stem: root / n for n in ["a.md", "b.txt", "bad.md", "sub/c.md"]}}


def audited_in_order(corpus) -> list[Path]:
    """The files a folder audit must visit, in order (sorted by their path below the folder)."""
    return [corpus[k] for k in ("a", "b", "bad", "c")]


def expected_json(path: Path) -> dict:
    """What one JSON line holds for a readable file, per the single-file API."""
    return json.loads(json.dumps(audit_path(path, source=str(path)).to_json(), ensure_ascii=False))


def test_the_texts_are_what_the_tests_assume():
    from parstats.audit import audit_text

    assert audit_text(INCONSISTENT).counts()["by_status"]["inconsistent"] >= 1
    assert audit_text(CONSISTENT).counts()["by_status"]["inconsistent"] == 0
    with pytest.raises(UnicodeDecodeError):
        NOT_UTF8.decode("utf-8")


def test_collect_paths_recursive_sorted_filtered(corpus):
    assert collect_paths([corpus["root"]]) == audited_in_order(corpus)


def test_collect_paths_keeps_explicit_files_and_order_and_drops_repeats(corpus, tmp_path):
    other = tmp_path / "other.rst"
    other.write_text(CONSISTENT, encoding="utf-8")
    missing = tmp_path / "missing.md"
    got = collect_paths([other, corpus["root"], corpus["a"], missing])
    assert got == [other, *audited_in_order(corpus), missing]


def test_jsonl_one_line_per_file_in_order(corpus, capsys):
    code, out, err = run_cli(capsys, corpus["root"], "--format", "jsonl", "--jobs", "1")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4 and out.endswith("\n")
    docs = [json.loads(line) for line in lines]
    assert [d["source"] for d in docs] == [str(p) for p in audited_in_order(corpus)]
    for p, doc in zip(audited_in_order(corpus), docs):
        if p == corpus["bad"]:
            assert set(doc) == {"source", "error"}
            assert "not UTF-8" in doc["error"] and str(p) in doc["error"]
        else:
            assert doc == expected_json(p)
    # the bad file is also named on standard error, with the same message
    assert docs[2]["error"] in err


def test_json_is_the_list_of_the_jsonl_objects(corpus, capsys):
    _, jsonl, _ = run_cli(capsys, corpus["root"], "--format", "jsonl", "-q")
    code, out, _ = run_cli(capsys, corpus["root"], "--format", "json", "-q")
    assert code == 0
    assert json.loads(out) == [json.loads(line) for line in jsonl.splitlines()]
    # indented like the single-file JSON, not one long line
    assert out.startswith("[\n  {\n") and out.endswith("\n]\n")


def test_csv_has_a_leading_source_column(corpus, capsys):
    code, out, _ = run_cli(capsys, corpus["root"], "--format", "csv", "-q")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    header = next(csv.reader(io.StringIO(out)))
    single = next(csv.reader(io.StringIO(audit_path(corpus["a"]).to_csv())))
    assert header == ["source", *single, "error"]
    for p in audited_in_order(corpus):
        mine = [{k: v for k, v in r.items() if k not in ("source", "error")}
                for r in rows if r["source"] == str(p)]
        if p == corpus["bad"]:
            assert len(mine) == 1 and "not UTF-8" in next(r for r in rows if r["source"] == str(p))["error"]
        else:
            assert mine == list(csv.DictReader(io.StringIO(audit_path(p).to_csv())))


def test_table_has_one_section_per_file(corpus, capsys):
    code, out, _ = run_cli(capsys, corpus["root"], "-q")
    assert code == 0
    headers = [line for line in out.splitlines() if line.startswith("=== ")]
    assert headers == [f"=== {p} ===" for p in audited_in_order(corpus)]
    assert audit_path(corpus["c"], source=str(corpus["c"])).to_table() in out
    assert "error: cannot read" in out


def test_summary_csv(corpus, tmp_path, capsys):
    summary = tmp_path / "out" / "summary.csv"
    code, _, _ = run_cli(capsys, corpus["root"], "--summary", summary, "-q")
    assert code == 0
    text = summary.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(SUMMARY_COLUMNS) == \
        "path,sha256,claims,consistent,inconsistent,unverifiable,error"
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["path"] for r in rows] == [str(p) for p in audited_in_order(corpus)]
    for p, row in zip(audited_in_order(corpus), rows):
        assert row["sha256"] == hashlib.sha256(p.read_bytes()).hexdigest()
        if p == corpus["bad"]:
            assert "not UTF-8" in row["error"]
            assert row["claims"] == row["consistent"] == row["inconsistent"] == row["unverifiable"] == ""
        else:
            counts = audit_path(p).counts()
            assert row["error"] == ""
            assert int(row["claims"]) == counts["claims"]
            assert {s: int(row[s]) for s in counts["by_status"]} == counts["by_status"]
    assert sorted(f.name for f in summary.parent.iterdir()) == ["summary.csv"]  # no temporary left


def test_summary_for_a_single_file(corpus, tmp_path, capsys):
    summary = tmp_path / "one.csv"
    code, out, _ = run_cli(capsys, corpus["a"], "--summary", summary, "--format", "json")
    assert code == 0 and json.loads(out) == [expected_json(corpus["a"])]
    rows = list(csv.DictReader(summary.open(encoding="utf-8")))
    assert [r["path"] for r in rows] == [str(corpus["a"])]


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_output_does_not_depend_on_jobs(corpus, capsys, fmt):
    paths = [corpus["root"], corpus["b"], corpus["c"]]  # repeats are audited once
    outs = {j: run_cli(capsys, *paths, "--format", fmt, "--jobs", j, "-q")[:2] for j in (1, 2, 3)}
    assert outs[1] == outs[2] == outs[3]
    assert outs[1][0] == 0 and outs[1][1]


def test_audit_many_yields_in_input_order_in_processes(corpus):
    paths = audited_in_order(corpus) * 5
    results = list(audit_many(paths, jobs=2))
    assert [r.path for r in results] == paths
    assert [r.report for r in results] == [r.report for r in audit_many(paths, jobs=1)]


def test_progress_goes_to_stderr_only(corpus, capsys):
    code, out, err = run_cli(capsys, corpus["root"], "--format", "jsonl", "--jobs", "2")
    assert code == 0
    assert "4/4" in err and "file" in err  # the tqdm bar
    assert all(json.loads(line) for line in out.splitlines()) and "4/4" not in out


def test_no_progress_when_quiet_or_few_files(corpus, capsys):
    _, _, err = run_cli(capsys, corpus["root"], "--format", "jsonl", "--quiet")
    assert "4/4" not in err and err.count("\n") == 1 and "not UTF-8" in err  # only the bad file
    _, _, err = run_cli(capsys, corpus["a"], corpus["c"], "--format", "jsonl")
    assert err == ""


def test_missing_argument_is_named_and_the_run_goes_on(corpus, tmp_path, capsys):
    missing = tmp_path / "no-such-report.md"
    code, out, err = run_cli(capsys, corpus["a"], missing, "--format", "jsonl")
    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    assert docs[0] == expected_json(corpus["a"])
    assert docs[1]["source"] == str(missing) and "no such file" in docs[1]["error"]
    assert str(missing) in err and "no such file" in err


def test_exit_2_when_no_file_can_be_read(tmp_path, capsys):
    (tmp_path / "x.md").write_bytes(NOT_UTF8)
    (tmp_path / "y.txt").write_bytes(NOT_UTF8 * 2)
    missing = tmp_path / "gone.md"
    summary = tmp_path / "s.csv"
    code, out, err = run_cli(capsys, tmp_path, missing, "--format", "jsonl", "--summary", summary)
    assert code == 2
    assert [json.loads(line)["source"] for line in out.splitlines()] == \
        [str(tmp_path / "x.md"), str(tmp_path / "y.txt"), str(missing)]
    assert err.count("parstats audit: error:") == 3
    rows = list(csv.DictReader(summary.open(encoding="utf-8")))
    assert all(r["error"] and r["claims"] == "" for r in rows)
    assert rows[2]["sha256"] == ""  # nothing to hash
    assert rows[0]["sha256"] == hashlib.sha256(NOT_UTF8).hexdigest()


def test_exit_2_for_folders_without_reports(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "data.csv").write_text("x", encoding="utf-8")
    code, out, err = run_cli(capsys, tmp_path / "a", tmp_path / "b")
    assert code == 2 and out == ""
    assert str(tmp_path / "a") in err and str(tmp_path / "b") in err


def test_strict(corpus, tmp_path, capsys):
    assert run_cli(capsys, corpus["root"], "--strict", "-q")[0] == 1
    assert run_cli(capsys, corpus["root"], "-q")[0] == 0
    ok = tmp_path / "ok"
    ok.mkdir()
    (ok / "1.md").write_text(CONSISTENT, encoding="utf-8")
    (ok / "2.md").write_bytes(NOT_UTF8)  # unreadable is not inconsistent
    assert run_cli(capsys, ok, "--strict", "--format", "jsonl")[0] == 0


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_positive(corpus, capsys, jobs):
    with pytest.raises(SystemExit) as exc:
        main(["audit", str(corpus["root"]), "--jobs", jobs])
    assert exc.value.code == 2 and "positive number" in capsys.readouterr().err
