"""One truth per number: every value a page shows for a sub-target is the scoreboard's, and the
index's first screen (parstats.analysis.findings) says what the scoreboard and the audit say."""
from __future__ import annotations

import csv
import json
import re
from decimal import Decimal

import pytest

from parstats import audit, data
from parstats.analysis.findings import corrections, index_findings, targets_sentence
from parstats.analysis.scoreboard import (MET, NO_DATA, NOT_MET, scoreboard, sub_target_verdicts, target_verdicts,
                                          word_meaning)
from parstats.markdown import normalize_text
from parstats.numbers import parse_number, parse_percent
from parstats.paths import FIGURES_DIR, NOTEBOOKS_DIR, RAW_REPORT
from parstats.ratios import percent
from parstats.report import load_report

AUDIT = audit.audit_path(RAW_REPORT)
BOARD = scoreboard(audit=AUDIT)
ROWS = BOARD.set_index("id")


def _csv(name: str) -> list[dict]:
    path = FIGURES_DIR / f"{name}.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _values(sub_id: str) -> set[str]:
    """Every value the scoreboard shows for a sub-target, as written."""
    rows = BOARD[BOARD["sub_id"] == sub_id]
    return {v for col in ("actual_text", "recomputed_text", "measure_text") for v in rows[col] if v}


def _numbers(sub_id: str) -> set[Decimal]:
    rows = BOARD[BOARD["sub_id"] == sub_id]
    return {Decimal(v) for col in ("actual", "recomputed", "measure_value") for v in rows[col] if v is not None}


def _outputs(notebook: str) -> str:
    nb = json.loads((NOTEBOOKS_DIR / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(o.get("data", {}).get("text/plain", [])) for c in nb["cells"] if c["cell_type"] == "code"
                     for o in c.get("outputs", []))


# ----------------------------------------------------------------------------- one truth per number


def test_page_01_scoreboard_table_shows_the_scoreboards_values():
    rows = _csv("01-targets-overview-scoreboard")
    assert [r["Mã dòng"] for r in rows] == list(BOARD["id"])
    for r in rows:
        b = ROWS.loc[r["Mã dòng"]]
        assert r["Kết quả theo báo cáo"] == b["actual_text"], r["Mã dòng"]
        assert r["Tính lại"] == b["recomputed_text"], r["Mã dòng"]
        assert b["measure_text"] in r["Ghi chú"], r["Mã dòng"]  # "" is in every note
        assert r["Đánh giá (tính lại)"] == b["status"], r["Mã dòng"]


def test_page_01_targets_table_and_key_findings_are_the_scoreboards():
    tv = target_verdicts(BOARD)
    assert [r["Chỉ tiêu"] for r in _csv("01-targets-overview-targets")] == list(tv["sentence"])
    shown = _outputs("01-targets-overview")
    findings = shown.split("\n")[:6]
    values = {v for s in BOARD["sub_id"].unique() for v in _values(s)} | set(BOARD["target"].str.split().str[-1])
    for sentence in findings:  # every percentage the key findings state is a value of the scoreboard
        for token in re.findall(r"\d+(?:,\d+)?%", sentence):
            assert token in values, (token, sentence)
    assert any("6,46%" in s for s in findings if "6,91%" in s), "the flagged 5b value is stated with its recomputed one"


def test_page_04_progress_values_for_5a_and_5b_are_the_scoreboards():
    """Page 04 draws the reduction targets of chỉ tiêu 5: the units (5a) and the salaried staff (5b)."""
    from parstats.analysis.budget_downsizing import DECREASE, SALARIED_STAFF, STAFF_TARGET, UNITS, UNITS_TARGET

    measures = dict(zip(*[data.load("downsizing")[c] for c in ("id", "measure")]))
    sub_of = {UNITS: UNITS_TARGET, DECREASE + SALARIED_STAFF: STAFF_TARGET}
    checked = []
    for row in _csv("04-budget-downsizing-progress"):
        ids = [i.strip() for i in row["Mã dòng"].split(",")]
        subs = {sub_of[measures[i]] for i in ids if measures.get(i) in sub_of}
        value = next(v for k, v in row.items() if v.endswith("%") and k not in ("Mã dòng",))
        for sub in subs:
            assert parse_percent(value).value in _numbers(sub), (sub, value, sorted(_numbers(sub)))
            checked.append(sub)
    assert set(checked) == {UNITS_TARGET, STAFF_TARGET}


def test_index_shows_the_scoreboards_verdicts_and_values():
    brief = index_findings(audit=AUDIT)
    tv = target_verdicts(BOARD)
    assert [t["sentence"] for t in brief["targets"]] == list(tv["sentence"])
    assert [t["status"] for t in brief["targets"]] == list(tv["status"])
    assert brief["targets_met"] == int((tv["status"] == MET).sum())
    assert brief["headline"] == targets_sentence(brief["targets_met"], len(tv))
    assert (f"{brief['targets_met']} trên {len(tv)}" in brief["headline"]) == (brief["targets_met"] > 0)
    for sub_id, values in brief["values"].items():
        assert set(values) == _values(sub_id), sub_id
    linked = [c for c in brief["corrections"] if c["sub_ids"]]
    assert linked, "a flagged figure is a sub-target's value"
    for c in linked:
        for sub in c["sub_ids"]:
            assert {c["reported"], c["recomputed"]} <= _values(sub), (sub, c)
    subs = sub_target_verdicts(BOARD)
    judged = subs[subs["has_target"]]
    assert brief["subs"] == {"total": len(judged), "met": int((judged["status"] == MET).sum()),
                             "not_met": int((judged["status"] == NOT_MET).sum()),
                             "no_data": int((judged["status"] == NO_DATA).sum())}


# ----------------------------------------------------------------------------- how values are scored


def test_values_in_words_are_scored_from_the_words():
    worded = BOARD[BOARD["actual_words"] != ""]
    assert len(worded) >= 4
    for _, r in worded.iterrows():
        kind, meaning = word_meaning(r["actual_words"])
        assert r["status"] != NO_DATA, r["id"]
        if kind == "verdict" and r["actual"] is None:
            assert r["met"] is meaning, r["id"]
    # "giữ nguyên" is no reduction: 0% against a reduction of at least 10% is not met
    unchanged = BOARD[BOARD["actual_words"] == "giữ nguyên"].iloc[0]
    assert unchanged["actual"] == Decimal(0) and unchanged["status"] == NOT_MET
    assert unchanged["gap"] == -unchanged["target_value"]


def test_other_words_change_the_verdict_and_unknown_words_fail(tmp_path):
    targets = data.load("targets")
    sub = BOARD.loc[BOARD["actual_words"] == "giữ nguyên", "id"].iloc[0]
    changed = targets.copy()
    changed.loc[changed["id"] == sub, "actual_words"] = "toàn bộ"
    assert scoreboard(changed, audit=AUDIT).set_index("id").loc[sub, "status"] == MET
    changed.loc[changed["id"] == sub, "actual_words"] = "gần như"
    with pytest.raises(ValueError, match=rf"data/targets.csv row '{sub}', column 'actual_words': 'gần như'"):
        scoreboard(changed, audit=AUDIT)


def test_bare_stated_shares_are_scored_alike():
    """A share the report states without counts is judged and marked unverifiable, whether it
    is a bare "100%" or the stated target reached ("Đạt 100% …: Đạt chỉ tiêu đề ra")."""
    bare = BOARD[(BOARD["actual_words"] == "") & (BOARD["unit"] == "percent") & BOARD["actual"].notna()]
    verdict_words = BOARD["actual_words"].map(lambda w: word_meaning(w)[0] == "verdict")
    stated = BOARD[verdict_words & BOARD["actual"].notna() & (BOARD["unit"] == "percent")]
    assert len(stated) and len(bare)
    for frame in (bare, stated):
        unverifiable = frame[frame["audit_status"] == "unverifiable"]
        assert len(unverifiable), frame["id"].tolist()
        assert (unverifiable["status"] != NO_DATA).all()
        assert all("không kiểm chứng được" in n for n in unverifiable["note"])


def test_a_flagged_figure_shows_its_recomputed_value_and_whether_the_verdict_changes():
    flagged = BOARD[BOARD["audit_status"] == "inconsistent"]
    assert len(flagged)
    for _, r in flagged.iterrows():
        finding = next(f for f in AUDIT.flagged if f.claim.reported == r["actual_text"])
        assert r["recomputed_text"] == finding.recomputed
        assert r["recomputed"] == parse_percent(finding.recomputed).value
        assert r["verdict_changes"] == (r["recomputed_met"] != r["met"])
        assert f"tính lại {finding.recomputed}" in r["note"]


def test_a_verdict_that_rests_on_a_flagged_figure_can_change():
    flagged = BOARD[BOARD["audit_status"] == "inconsistent"].iloc[0]
    between = (Decimal(flagged["actual"]) + flagged["recomputed"]) / 2  # a target between the two values
    targets = data.load("targets")
    targets.loc[targets["id"] == flagged["id"], "target_value"] = between
    board = scoreboard(targets, audit=AUDIT)
    row = board.set_index("id").loc[flagged["id"]]
    assert row["verdict_changes"] is True and "đánh giá đổi thành" in row["note"]
    fixes = corrections(AUDIT, load_report(), board)
    fix = next(c for c in fixes if flagged["sub_id"] in c["sub_ids"])
    assert fix["changes_verdict"] and fix["verdict"].startswith("Làm đổi đánh giá")


def test_a_target_measured_otherwise_says_so_with_its_own_measure():
    other = BOARD[BOARD["measure_text"] != ""]
    assert len(other)
    targets = data.load("targets").set_index("id")
    for _, r in other.iterrows():
        table, row_id = targets.loc[r["id"], "measure_row"].split(":")
        o = data.load(table).set_index("id").loc[row_id]
        assert r["measure_value"] == percent(int(o["online"]), int(o["total"]), 2)
        assert r["measure_text"] != r["actual_text"]
        assert targets.loc[r["id"], "target_measure"] in r["note"] and r["measure_text"] in r["note"]


# ----------------------------------------------------------------------------- where a figure stands


def test_each_correction_stands_where_the_report_puts_it():
    report = load_report()
    units = {}
    for text, source, _ in report.units():
        units.setdefault(source, []).append(text)
    fixes = corrections(AUDIT, report, BOARD)
    assert len(fixes) == len(AUDIT.flagged)
    kinds = set()
    for c in fixes:
        assert c["where"] == ("chú thích " + c["source"][2:] if c["source"].startswith("fn") else "mục " + c["source"])
        assert any(normalize_text(c["quote"])[-20:] in t for t in units[c["source"]]), c
        kinds.add(c["where"].rsplit(" ", 1)[0])
        if c["difference"]:
            d = parse_number(c["difference"].lstrip("+")).value
            assert d == parse_percent(c["recomputed"]).value - parse_percent(c["reported"]).value
    assert kinds == {"mục", "chú thích"}, "the report's figures stand in sections and in footnotes"
    assert all(report.source_at(line) == f.source for f in report.footnotes.values() for line in f.lines)


def test_page_04_rows_labelled_with_a_sub_target_show_its_values():
    rows = [r for r in _csv("04-budget-downsizing-progress") if r["Chỉ tiêu"]]
    assert rows
    for r in rows:
        assert parse_percent(r["Kết quả"]).value in _numbers(r["Chỉ tiêu"]), (r["Chỉ tiêu"], r["Kết quả"])
    # a measure that is not a sub-target's is shown without one (all streamlined staff is not 5b)
    assert any(not r["Chỉ tiêu"] for r in _csv("04-budget-downsizing-progress"))


def _key_findings(notebook: str) -> list[str]:
    nb = json.loads((NOTEBOOKS_DIR / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    for c in nb["cells"]:
        for o in c.get("outputs", []):
            if "key_findings" in "".join(c["source"]) and "text/markdown" in o.get("data", {}):
                return [s[2:] for s in "".join(o["data"]["text/markdown"]).splitlines() if s.startswith("- ")]
    raise AssertionError(f"{notebook}: no Kết luận chính")


@pytest.mark.parametrize("notebook", sorted(p.stem for p in NOTEBOOKS_DIR.glob("*.ipynb")))
def test_every_page_states_a_sub_targets_values_as_the_scoreboard_does(notebook):
    """A Kết luận chính sentence that names sub-targets (chỉ tiêu 4b, 2e, …) states no percentage
    that is not one of theirs: their value, recomputed value, own measure or target."""
    subs = set(BOARD["sub_id"])
    allowed_of = {s: _numbers(s) | {Decimal(v) for v in BOARD.loc[BOARD["sub_id"] == s, "target_value"]
                                    if v is not None} for s in subs}
    named_any = 0
    for sentence in _key_findings(notebook):
        named = {s for s in re.findall(r"chỉ tiêu (\d[a-z])\b", sentence) if s in subs}
        if not named or "không dùng để đánh giá" in sentence:
            continue
        named_any += 1
        allowed = set().union(*(allowed_of[s] for s in named))
        for token in re.findall(r"(?<![\d,.])\d+(?:,\d+)?%", sentence):
            assert parse_percent(token).value in allowed, (notebook, token, sentence)
    if notebook.startswith(("02", "03", "04")):  # page 01 names them bare; its own test checks it
        assert named_any, f"{notebook}: no sentence names a sub-target"
