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
    assert len(bare)
    assert stated.empty, "a verdict in words gives no number (the target is not a result)"
    for frame in (bare,):
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
    other = BOARD[(BOARD["measure_text"] != "") & (BOARD["target"] != "")]
    assert len(other)
    targets = data.load("targets").set_index("id")
    for _, r in other.iterrows():
        table, row_id = targets.loc[r["id"], "measure_row"].split(":")
        o = data.load(table).set_index("id").loc[row_id]
        part = o["online"] if "online" in o.index else o["count"]
        assert r["measure_value"] == percent(int(part), int(o["total"]), 2)
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


# ----------------------------------------------------------------------------- issue 18: every sentence true


def _page_text(project_build, name: str) -> str:
    import html as html_mod

    project = project_build[0]
    s = (project.site_dir / name).read_text(encoding="utf-8")
    s = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", s, flags=re.S)
    s = re.sub(r"<img[^>]*>", " ", s)
    return re.sub(r"\s+", " ", html_mod.unescape(re.sub(r"<[^>]+>", " ", s)))


def _results_copied_from_targets(data_dir=None) -> list:
    """Every value of data/ (a field traced to its ``quote``) written in its quote only inside
    the statement of a programme target: a threshold copied as a result."""
    targets = data.load("targets", data_dir=data_dir)
    statements = [normalize_text(d) for d in targets["description"]]
    bad = []
    for res in data.datapackage(data_dir)["resources"]:
        df = data.load(res["name"], data_dir=data_dir)
        for fld in res["schema"]["fields"]:
            if fld.get("quoteField") != "quote" or fld["type"] not in ("number", "integer"):
                continue
            for _, r in df.iterrows():
                text = r.get(f"{fld['name']}_text")
                if not isinstance(text, str) or not text:
                    continue
                quote = normalize_text(r["quote"])
                rest = quote
                for st in statements:
                    rest = rest.replace(st, " ")
                pattern = rf"(?<![\d,.]){re.escape(text)}(?![\d,])"
                if re.search(pattern, quote) and not re.search(pattern, rest):
                    bad.append((res["name"], r["id"], fld["name"], text))
    return bad


def test_no_value_of_data_is_a_target_threshold_copied_as_a_result():
    """A result must be written in its quote outside the target's own statement: 2d's «Đạt
    50% …: Đạt chỉ tiêu đề ra» gives no result of 50%."""
    assert _results_copied_from_targets() == []


def test_a_threshold_copied_as_a_result_would_fail(tmp_path):
    import shutil

    from parstats.paths import DATA_DIR

    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    targets = data.load("targets")
    row = targets[targets["actual_words"].fillna("").map(lambda w: word_meaning(w)[0] == "verdict")].iloc[0]
    path = copy / "targets.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{row['id']},"))
    import csv as csv_mod
    import io

    cells = next(csv_mod.reader([lines[at]]))
    cells[header.index("actual")] = row["target_value_text"]
    out = io.StringIO()
    csv_mod.writer(out, lineterminator="").writerow(cells)
    lines[at] = out.getvalue()
    path.write_text("\n".join(lines), encoding="utf-8")
    assert (("targets", row["id"], "actual", row["target_value_text"])
            in _results_copied_from_targets(copy))


def test_verdicts_in_words_only_show_the_words_and_no_bar():
    from parstats.analysis.scoreboard import WORDS_ONLY
    from parstats.analysis.targets_overview import chart_rows, chart_value

    words = BOARD[BOARD["actual"].isna() & (BOARD["basis"] == "words")]
    assert len(words) >= 3
    for _, r in words.iterrows():
        assert r["actual_text"] == WORDS_ONLY.format(verdict=r["status"]) and r["gap"] is None, r["id"]
    drawn = chart_rows(BOARD).set_index("id")
    for i in set(words["id"]) & set(drawn.index):
        # the row stands in the chart with the report's words, never a bar
        assert chart_value(drawn.loc[i]) is None, f"{i}: a bar for a verdict without a number"
    shown = {r["Mã dòng"]: r["Kết quả theo báo cáo"] for r in _csv("01-targets-overview-scoreboard")}
    for i in words["id"]:
        assert shown[i] == WORDS_ONLY.format(verdict=ROWS.loc[i, "status"])


def test_a_sub_target_without_a_figure_under_a_general_verdict_has_no_data():
    general = BOARD[(BOARD["status"] == NO_DATA) & (BOARD["report_verdict"] != "")]
    assert len(general)
    for _, r in general.iterrows():
        assert r["actual_text"] == (f"không có số liệu (báo cáo đánh giá chung chỉ tiêu {r['target_no']}: "
                                    f"{r['report_verdict'].lower()})")


def test_one_value_per_target_gives_the_gap_on_every_page():
    from parstats.ratios import Target, gap

    flagged = BOARD[((BOARD["recomputed_text"] != "") | (BOARD["measure_text"] != "")) & (BOARD["target"] != "")]
    assert len(flagged) >= 3
    for _, r in flagged.iterrows():
        expected = r["measure_value"] if r["measure_text"] else r["recomputed"]
        assert r["value"] == expected
        assert r["gap"] == gap(Target(r["comparator"], r["target_value"], r["target_upper"]), expected), r["id"]
    shown = {r["Mã dòng"]: r["Khoảng cách đến chỉ tiêu"] for r in _csv("01-targets-overview-scoreboard")}
    from parstats.numbers import format_number

    for _, r in BOARD.iterrows():
        if r["gap"] is not None:
            assert parse_number(shown[r["id"]].replace("−", "-")).value == r["gap"], r["id"]
        else:
            assert shown[r["id"]] == "", r["id"]


def test_mid_term_targets_are_never_said_failed(project_build):
    project = project_build[0]
    for page in sorted(project.site_dir.glob("*.html")):
        assert "không đạt" not in _page_text(project_build, page.name), page.name
    for nb in NOTEBOOKS_DIR.glob("*.ipynb"):
        assert "không đạt" not in nb.read_text(encoding="utf-8"), nb.name


def test_counts_say_what_was_done():
    from parstats.analysis.findings import TALLY_GROUPS, claim_tally, threshold_claims

    report = load_report()
    targets = data.load("targets")
    tally = claim_tally(AUDIT, report, targets)
    assert sum(tally[g]["n"] for g in TALLY_GROUPS) == tally["claims"] == len(AUDIT.findings)
    assert tally["checked"]["n"] == sum(1 for f in AUDIT.findings if f.claim.kind in ("date", "document", "rank"))
    thresholds = threshold_claims(AUDIT, report, targets)
    values = {f"{v}%" for v in targets["target_value_text"].dropna()}
    assert thresholds and all(f.claim.reported in values for f in AUDIT.findings if f.claim.id in thresholds)
    assert tally["threshold"]["n"] == len(thresholds)
    # complete fractions of a counted noun are consistent claims, not unverifiable
    bare = [f for f in AUDIT.findings if f.claim.kind == "ratio" and f.claim.reported is None and f.claim.detail.get("unit")]
    assert bare and all(f.status == "consistent" for f in bare)
    assert sum(x["n"] for x in tally["reasons"]) == tally["unverifiable"]["n"]


def test_index_and_page_05_state_the_same_counts(project_build):
    from parstats.analysis.findings import claim_tally

    tally = claim_tally(AUDIT, load_report(), data.load("targets"))
    assert tally["sentence"] in _page_text(project_build, "index.html")
    assert tally["sentence"] == _key_findings("05-consistency-audit")[0]
    table = {r["Việc đã làm với số liệu"].lower(): r for r in _csv("05-consistency-audit-tally")}
    for group in ("recomputed", "checked", "threshold", "unverifiable"):
        row = table[tally[group]["label"].lower()]
        assert int(row["Số số liệu"]) == tally[group]["n"], group


def test_reviewers_list_is_ordered_by_consequence_and_quotes_the_report(project_build):
    from parstats.analysis.findings import review_list

    report = load_report()
    items = review_list(AUDIT, report, BOARD)
    keys = [(not i["changes_verdict"], i["size"] is None, -Decimal(i["size"] or 0)) for i in items]
    assert keys == sorted(keys)
    curated = data.load("review_items")
    assert len(items) == len(AUDIT.flagged) + len(curated)
    text = report.joined_text
    for i in items:
        words = normalize_text(i["words"])
        at = text.find(words)
        assert at >= 0, i["words"]
        assert at == 0 or not text[at - 1].isalnum(), f"«{i['words']}» starts inside a word"
        assert i["where"].startswith(("mục", "chú thích")) and i["wrong"] and i["right"]
    kinds = set(curated["kind"])
    assert {"measure", "contradiction", "base", "document_form", "typo"} <= kinds
    page = _page_text(project_build, "index.html")
    assert "Đề nghị cơ quan soạn thảo xem lại" in page
    notebook = _outputs("05-consistency-audit") + json.dumps(json.loads(
        (NOTEBOOKS_DIR / "05-consistency-audit.ipynb").read_text(encoding="utf-8")), ensure_ascii=False)
    for i in items:
        assert f"«{i['words']}»" in page, i["words"]
        assert i["words"] in notebook, i["words"]


def test_review_items_numbers_are_computed_from_the_data():
    from parstats.analysis.findings import review_list

    items = {i["words"]: i for i in review_list(AUDIT, load_report(), BOARD)}
    e = ROWS.loc["2e"]
    measure = items["28,95% thủ tục hành chính"]
    assert e["measure_text"] in measure["right"]
    assert Decimal(measure["size"]) == abs(Decimal(e["actual"]) - e["measure_value"])
    c = ROWS.loc["4c"]
    staff = data.load("staffing_qualifications").set_index("id").loc["xa-cbcc-cm-dai-hoc-tro-len"]
    assert c["measure_value"] == percent(int(staff["count"]), int(staff["total"]), 2)
    down = data.load("downsizing").set_index("id")
    base = next(i for i in items.values() if i["kind"] == "base")
    rebuilt = int(down.loc["bien-che-su-nghiep-2023", "count"]) + int(down.loc["giam-bien-che-su-nghiep-2023-vs-2021", "count"])
    from parstats.numbers import format_number

    assert format_number(rebuilt) in base["wrong"] and format_number(int(down.loc["tinh-gian-bien-che-2021", "total"])) in base["wrong"]


def test_2d_is_checked_by_the_reports_counts():
    d = ROWS.loc["2d"]
    online = data.load("procedures_online").set_index("id")
    count = sum(int(online.loc[i, "count"]) for i in ("toan-trinh-tich-hop", "mot-phan-tich-hop"))
    assert d["check_value"] == percent(count, max(int(t) for t in online["total"].dropna()), 2)
    assert d["check_met"] is True and "kiểm chứng được" in d["note"]
    from parstats.analysis.scoreboard import unchecked_met

    assert "2d" not in unchecked_met(BOARD)


def test_self_assessment_accounts_for_every_verdict_the_report_states():
    from parstats.analysis.findings import self_assessment

    own = BOARD[BOARD["report_verdict_key"] != ""]
    sentence = self_assessment(BOARD)
    counted = [int(n) for n in re.findall(r"(\d+) trường hợp", sentence)]
    assert sum(counted) == len(own), sentence
    for sub in own["sub_id"]:
        assert sentence.count(sub) >= 2, sub  # once in the verdicts, once where it is accounted for


def test_on_track_view_for_targets_with_a_baseline(project_build):
    rows = BOARD[BOARD["on_track"] != ""]
    targets = data.load("targets").set_index("id")
    assert set(rows["id"]) == {i for i in targets.index if not pd_isna(targets.loc[i, "baseline_year"])}
    page = _page_text(project_build, "index.html")
    for _, r in rows.iterrows():
        assert Decimal(r["progress_text"].rstrip("%").replace(",", ".")) == (
            Decimal(r["value"]) * 100 / Decimal(r["target_value"])).quantize(Decimal("0.1"))
        assert f"{r['progress_text']} mục tiêu" in page and r["on_track"] in page


def pd_isna(v):
    import pandas as pd

    return v is None or pd.isna(v)


def test_index_cites_the_report_and_the_analysis_and_keys_every_code(project_build):
    import hashlib
    import tomllib

    from parstats.paths import PROJ_ROOT

    page = _page_text(project_build, "index.html")
    assert hashlib.sha256(RAW_REPORT.read_bytes()).hexdigest() in page
    proj = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert f"phiên bản {proj['version']}" in page and proj["authors"][0]["name"] in page
    assert "không có phần đầu văn bản" in page  # the copy lacks number and date
    for sub in BOARD["sub_id"].unique():
        assert re.search(rf"\b{re.escape(sub)}\b", page.split("Các mã chỉ tiêu dùng trên trang")[1]), sub
    assert "PAR INDEX" in page and "SIPAS" in page and "năm 2025" in page
    assert "09/12" in page
    assert "Chưa chỉ tiêu" not in page


def test_no_internals_a_reviewer_reads(project_build):
    project = project_build[0]
    for page in sorted(project.site_dir.glob("*.html")):
        text = _page_text(project_build, page.name)
        for word in ("parstats build", "tính toán của parstats", "Commit git", " byte"):
            assert word not in text, (page.name, word)
    assert not re.search(r"\bfn\d+\b", _page_text(project_build, "01-targets-overview.html"))


def test_every_figure_shown_for_a_sub_target_on_two_pages_agrees(project_build):
    """The index, page 01's scoreboard and page 04's progress show one value and one verdict
    per sub-target."""
    page01 = {r["Mã dòng"]: r for r in _csv("01-targets-overview-scoreboard")}
    brief = index_findings(audit=AUDIT)
    subs = sub_target_verdicts(BOARD).set_index("sub_id")
    for t in brief["targets"]:
        for sub in re.findall(r"\b(\d[a-z]?)\b", t["detail"].split("«")[0]):
            if sub in subs.index:
                status = subs.loc[sub, "status"].lower()
                assert f"{status}: " in t["detail"], (sub, t["detail"])
    for _, r in BOARD.iterrows():
        row = page01[r["id"]]
        assert row["Đánh giá (tính lại)"] == r["status"]
        assert row["Giá trị dùng để đánh giá"] == r["value_text"], r["id"]
        if r["value_text"]:
            shown = {row["Kết quả theo báo cáo"], row["Tính lại"]} | set(re.findall(r"\d+(?:,\d+)?%", row["Ghi chú"]))
            assert r["value_text"] in shown, (r["id"], r["value_text"], shown)
    for r in _csv("04-budget-downsizing-progress"):
        if r["Chỉ tiêu"] and r["Đánh giá"]:  # the row judged against the target: one value, one gap
            b = BOARD[BOARD["sub_id"] == r["Chỉ tiêu"]].iloc[0]
            assert parse_percent(r["Kết quả"]).value == b["value"], (r["Chỉ tiêu"], r["Kết quả"], b["value"])
            assert r["Đánh giá"] == b["status"]
            assert parse_number(r["Khoảng cách (điểm %)"].replace("−", "-")).value == b["gap"]
        elif r["Chỉ tiêu"]:  # the flagged figure shown beside its recomputed value, not judged
            assert r["Trạng thái số liệu"] == "không nhất quán" and not r["Khoảng cách (điểm %)"]
    page = _page_text(project_build, "index.html")
    for item in brief["on_track"]:
        assert item["value"] == ROWS.set_index("sub_id").loc[item["sub_id"], "value_text"]
        assert item["value"] in page
