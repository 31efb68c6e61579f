"""The curated tables: Table Schema by frictionless, typed loading, real values checked against
each other, bad inputs.

Sums are computed from the data (parts against the totals the report states), never typed in.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import frictionless
import pandas as pd
import pytest

from parstats import data, paths
from parstats.data import DataError

BAD = Path(__file__).parent / "fixtures" / "bad"


@pytest.fixture(scope="module")
def pkg():
    return data.datapackage()


@pytest.fixture(scope="module")
def frames():
    return {name: data.load(name) for name in data.tables()}


def _by_id(df):
    return df.set_index("id")


def _copy_data(tmp_path: Path) -> Path:
    """A complete copy of data/ (CSVs, datapackage.json, raw report and sidecar)."""
    dst = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, dst)
    return dst


def _with_fixture(tmp_path: Path, kind: str) -> Path:
    """The data copy with the files of tests/fixtures/bad/<kind>/ laid over it."""
    dst = _copy_data(tmp_path)
    for f in (BAD / kind).iterdir():
        shutil.copy(f, dst / f.name)
    return dst


def _csv_rows(name: str) -> list[dict]:
    with open(paths.DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _set_cell(ddir: Path, table: str, row: int, col: str, value: str) -> None:
    """Write ``value`` into ``col`` of CSV row ``row`` (the header is row 1) of a data copy."""
    path = ddir / f"{table}.csv"
    rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
    rows[row - 1][rows[0].index(col)] = value
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def _frictionless_errors(ddir: Path) -> tuple[frictionless.Report, list[tuple]]:
    """frictionless' own report on a data package, and its errors as (file, row, column, value, type)."""
    report = frictionless.validate(str(ddir / "datapackage.json"))
    errors = [("datapackage.json", None, None, None, e.type) for e in report.errors]
    for task in report.tasks:
        errors += [(task.place, e.to_descriptor().get("rowNumber"), e.to_descriptor().get("fieldName"),
                    e.to_descriptor().get("cell"), e.type) for e in task.errors]
    return report, errors


# ----------------------------------------------------------------- Table Schema, by frictionless


def test_frictionless_finds_the_data_package_valid(pkg):
    report, errors = _frictionless_errors(paths.DATA_DIR)
    assert report.valid, "frictionless: data/datapackage.json is invalid:\n" + "\n".join(
        [f"  {e.message}" for e in report.errors]
        + [f"  data/{t.place} row {d.get('rowNumber')}, column {d.get('fieldName')!r}, value {d.get('cell')!r}: "
           f"{e.message}" for t in report.tasks for e in t.errors for d in [e.to_descriptor()]])
    assert errors == [] and report.warnings == [] and all(t.warnings == [] for t in report.tasks)
    assert [t.place for t in report.tasks] == [r["path"] for r in pkg["resources"]]  # every table was read
    assert sum(t.stats["rows"] for t in report.tasks) == sum(len(_csv_rows(r["name"])) for r in pkg["resources"])
    assert data.schema_errors() == []


def test_frictionless_names_file_row_field_and_value_of_a_broken_copy(tmp_path):
    ddir = _copy_data(tmp_path)
    _set_cell(ddir, "dossiers", 4, "percent", "7,24%")   # a wrong type: a number with its % sign
    _set_cell(ddir, "downsizing", 3, "level", "tinh")    # a code outside the enum
    report, errors = _frictionless_errors(ddir)
    assert not report.valid
    assert errors == [("dossiers.csv", 4, "percent", "7,24%", "type-error"),
                      ("downsizing.csv", 3, "level", "tinh", "constraint-error")]
    messages = [
        "data/dossiers.csv row 4, column 'percent': '7,24%' is not a valid number; expected a number such as "
        "'84,11' or '1.563' ('.' groups thousands, ',' is the decimal mark, no % sign)",
        "data/downsizing.csv row 3, column 'level': 'tinh' is not an allowed value; expected one of: huyen, xa",
    ]
    assert data.schema_errors(ddir) == messages
    # load() refuses the % sign with the same words, so a notebook never computes on it
    with pytest.raises(DataError, match=re.escape(messages[0])):
        data.load("dossiers", data_dir=ddir)
    with pytest.raises(DataError) as err:
        data.validate_all(data_dir=ddir, provenance=False)
    assert str(err.value) == messages[0] + " (and 1 more found by frictionless)"


def test_frictionless_keeps_the_custom_keys_and_the_readme_explains_each(pkg):
    package = frictionless.Package(str(paths.DATA_DIR / "datapackage.json"))
    custom = set(package.custom)
    for res in package.resources:
        custom |= set(res.custom) | set(res.schema.custom) | {k for f in res.schema.fields for k in f.custom}
    assert {"quoteField", "valueKind", "checks", "enumLabels"} <= custom
    online = package.get_resource("dossiers").schema.get_field("online")
    assert online.custom["quoteField"] == "quote" and online.custom["valueKind"] == "count"
    readme = (paths.PROJ_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The keys of datapackage.json", 1)[1].split("\n## ", 1)[0]
    assert [key for key in sorted(custom) if f"`{key}`" not in section] == []


# ----------------------------------------------------------------- files and metadata


def test_every_csv_is_described_and_every_resource_exists(pkg):
    listed = {r["path"] for r in pkg["resources"]}
    on_disk = {p.name for p in paths.DATA_DIR.glob("*.csv")}
    assert listed == on_disk
    assert data.tables() == [r["name"] for r in pkg["resources"]]


def test_csv_files_are_utf8_lf_without_bom(pkg):
    for res in pkg["resources"]:
        raw = (paths.DATA_DIR / res["path"]).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), res["path"]
        assert b"\r" not in raw, res["path"]
        assert raw.endswith(b"\n"), res["path"]
        raw.decode("utf-8")


def test_schema_metadata_is_complete(pkg):
    for res in pkg["resources"]:
        schema = res["schema"]
        assert schema["primaryKey"] == ["id"], res["name"]
        names = [f["name"] for f in schema["fields"]]
        assert names[0] == "id" and names[-2:] == ["source", "quote"], res["name"]
        for f in schema["fields"]:
            assert f.get("title") and f.get("description"), (res["name"], f["name"])
            assert f.get("origin") in {"report", "curated"}, (res["name"], f["name"])
            if f["type"] == "integer":
                assert "groupChar" not in f, "Table Schema tools accept groupChar only on number"
            if f["type"] == "number":
                assert f["decimalChar"] == "," and f["groupChar"] == "." and f["valueKind"] in {"count", "decimal"}
            if f["type"] in ("integer", "number"):
                assert "unit" in f and "decimals" in f, (res["name"], f["name"])
                assert f.get("quoteField") in names or f.get("provenance"), (res["name"], f["name"])
            if "enum" in f.get("constraints", {}):
                assert list(f["enumLabels"]) == f["constraints"]["enum"], (res["name"], f["name"])
        for rule in res.get("checks", []):
            assert {rule["column"], rule["limit"]} <= set(names)


def test_report_sections_in_metadata_match_the_sources_in_the_data(pkg):
    for res in pkg["resources"]:
        sources = {row["source"] for row in _csv_rows(res["name"])}
        assert sources == set(res["reportSections"]), res["name"]


# ----------------------------------------------------------------- typed loading


def test_load_types_every_column_and_keeps_the_text(pkg, frames):
    for res in pkg["resources"]:
        df = frames[res["name"]]
        rows = _csv_rows(res["name"])
        assert len(df) == len(rows) > 0
        assert df["id"].tolist() == [r["id"] for r in rows]
        for f in res["schema"]["fields"]:
            col = f["name"]
            if f["type"] == "integer" or f.get("valueKind") == "count":
                assert str(df[col].dtype) == "Int64", (res["name"], col)
            elif f["type"] == "number":
                assert all(v is None or isinstance(v, Decimal) for v in df[col]), (res["name"], col)
            if f["type"] in ("integer", "number"):
                as_written = [r[col] or None for r in rows]
                assert [None if pd.isna(v) else v for v in df[f"{col}_text"]] == as_written
                for value, text in zip(df[col], as_written):
                    assert (text is None) == pd.isna(value)


def test_numbers_keep_their_written_precision(frames):
    staff = _by_id(frames["staffing_qualifications"])
    row = staff.loc["xa-cbcc-llct-trung-cap"]
    assert row["percent"] == Decimal("79.90") and row["percent_text"] == "79,90"
    assert staff.loc["vc-cm-dai-hoc", "count"] == 1278
    assert staff.loc["xa-cbcc-llct-so-cap", "percent_text"] == "01"


def test_report_values_stay_as_written_even_when_they_look_off(frames):
    # 108 of (1.563 + 108) is 6,46%, and 07 of 65 units is 10,77%: the data keeps the report's words.
    down = _by_id(frames["downsizing"])
    assert down.loc["giam-bien-che-su-nghiep-2023-vs-2021", "percent_text"] == "6,91"
    assert down.loc["giam-dvsncl-vs-2015", "percent_text"] == "10,7"
    # and does not invent what the report leaves out
    assert pd.isna(down.loc["bien-che-su-nghiep-2021", "count"])
    assert pd.isna(down.loc["dvsncl-tong-2015", "count"])


# ----------------------------------------------------------------- real values: parts vs totals


def test_dossiers_periods_and_levels_add_up(frames):
    d = frames["dossiers"]
    whole = "2021-09-01/2023-06-30"
    for level in ("huyen", "xa"):
        parts = d[(d["level"] == level) & (d["period"] != whole)]
        total = d[(d["level"] == level) & (d["period"] == whole)].iloc[0]
        assert set(parts["period"]) == {"2021", "2022", "2023-H1"}
        assert parts["online"].sum() == total["online"]
        assert parts["total"].sum() == total["total"]
    levels = d[(d["period"] == whole) & (d["level"] != "tong")]
    tong = d[(d["period"] == whole) & (d["level"] == "tong")].iloc[0]
    assert levels["online"].sum() == tong["online"]
    assert levels["total"].sum() == tong["total"]


@pytest.mark.parametrize("footnote, stated_id", [
    ("fn9", "huyen-cbcc-cm-dai-hoc-tro-len"),   # district staff by group
    ("fn10", "xa-cbcc-cm-dai-hoc-tro-len"),     # commune staff
])
def test_qualification_footnote_adds_up_to_its_stated_share(frames, footnote, stated_id):
    s = frames["staffing_qualifications"]
    stated = _by_id(s).loc[stated_id]
    note = s[s["source"] == footnote]
    assert len(note) >= 3
    university_up = note[note["qualification"].isin(["thac_sy", "dai_hoc"])]
    assert university_up["count"].sum() == stated["count"]
    assert note["count"].sum() == stated["total"]


def test_public_employees_by_qualification_add_up_to_their_total(frames):
    s = frames["staffing_qualifications"]
    vc = s[(s["staff_type"] == "vien_chuc") & (s["dimension"] == "chuyen_mon")]
    assert len(vc) == 3
    assert vc["count"].sum() == vc["total"].iloc[0]
    # political theory levels cover only part of the staff
    llct = s[(s["staff_type"] == "vien_chuc") & (s["dimension"] == "ly_luan_chinh_tri")]
    assert llct["count"].sum() < llct["total"].iloc[0]


def test_procedure_catalogue_kinds_add_up_to_the_catalogue(frames):
    p = frames["procedures_online"]
    kinds = p[p["service_kind"].isin(["toan_trinh", "mot_phan", "con_lai"])]
    catalogue = _by_id(p).loc["tat-ca-cung-cap-dvctt"]
    assert kinds["count"].sum() == catalogue["count"]
    assert kinds["total"].sum() == catalogue["total"]


def test_public_service_units_by_kind_add_up(frames):
    w = frames["downsizing"]
    now = w[(w["measure"] == "don_vi_su_nghiep_cong_lap") & (w["period"] == "den_nay")]
    total = now[now["category"] == "tat_ca"]["count"].iloc[0]
    assert now[now["category"] != "tat_ca"]["count"].sum() == total
    assert (now[now["category"] != "tat_ca"]["total"] == total).all()


def test_activity_breakdowns_add_up_to_their_parent(frames):
    a = frames["activities"]
    ids = _by_id(a)
    parents = a[a["parent"].notna()]["parent"].unique()
    checked = 0
    for parent in parents:
        if ids.loc[parent, "unit"] == "lop":
            continue  # the child counts the participants of the classes, not a breakdown
        children = a[a["parent"] == parent]
        assert children["count"].sum() == ids.loc[parent, "count"], parent
        checked += 1
    assert checked >= 5  # fn6 (22 and its three kinds) and fn7 (35)


def test_targets_cover_all_six_and_agree_with_the_thematic_tables(frames):
    t = _by_id(frames["targets"])
    assert sorted(frames["targets"]["target_no"].unique()) == [1, 2, 3, 4, 5, 6]
    par = _by_id(frames["par_index_sipas"])
    assert t.loc["1-2021", "actual"] == int(par.loc["par-index-2021", "rank"])
    assert t.loc["1-2022", "actual"] == int(par.loc["par-index-2022", "rank"])
    assert t.loc["2a-2022", "actual_text"] == par.loc["sipas-2022", "score_text"]
    staff = _by_id(frames["staffing_qualifications"])
    assert t.loc["4b", "actual_text"] == staff.loc["huyen-cbccvc-cm-sau-dai-hoc", "percent_text"]
    assert t.loc["4c", "actual_text"] == staff.loc["xa-cb-cm-dai-hoc-tro-len", "percent_text"]
    digital = _by_id(frames["digital_indicators"])
    assert t.loc["6a", "actual_text"] == digital.loc["giao-dich-xac-thuc-dien-tu-2023", "percent_text"]
    assert t.loc["2e", "actual_text"] == digital.loc["tthc-giai-quyet-truc-tuyen", "percent_text"]
    down = _by_id(frames["downsizing"])
    assert t.loc["5b", "actual_text"] == down.loc["giam-bien-che-su-nghiep-2023-vs-2021", "percent_text"]
    ranks = frames["targets"][frames["targets"]["comparator"] == "rank_between"]
    assert (ranks["target_value"] <= ranks["target_upper"]).all()
    verdicts = frames["targets"]["report_verdict"].dropna()
    assert set(verdicts) == {"dat", "chua_dat"}


def test_legal_documents_keep_numbers_as_written(frames):
    docs = _by_id(frames["legal_documents"])
    assert docs.loc["qd-7889-qd-ubnd", "number"] == "7889/QĐ-UBND"
    assert docs.loc["qd-7889-qd-ubnd", "date"] == "27/12/2021"
    # the report's own typo (0216 for 2016) is kept for the audit to flag
    assert docs.loc["qd-02-0216-qd-ubnd", "number"] == "02/0216/QĐ-UBND"


# ----------------------------------------------------------------- new rows, not new columns


def test_a_new_period_is_new_rows(tmp_path, monkeypatch):
    ddir = _copy_data(tmp_path)
    with open(ddir / "dossiers.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(
            ["huyen-2023-h2", "huyen", "2023-H2", "1.000", "8.000", "12,50", "fn5", "Năm 2023: 1.000/8.000 hồ sơ, đạt 12,50%"])
    monkeypatch.setenv("PARSTATS_ROOT", str(tmp_path))
    d = data.load("dossiers")
    assert len(d) == len(data.load("dossiers", data_dir=paths.DATA_DIR)) + 1
    assert _by_id(d).loc["huyen-2023-h2", "total"] == 8000


def test_a_new_level_needs_only_a_new_code(tmp_path):
    ddir = _copy_data(tmp_path)
    with open(ddir / "dossiers.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(
            ["tinh-2022", "tinh", "2022", "10", "100", "10", "fn5", "Cấp tỉnh: 10/100 hồ sơ, đạt 10%"])
    with pytest.raises(DataError, match=r"data/dossiers.csv row 11, column 'level': 'tinh' is not an allowed value"):
        data.validate_all(data_dir=ddir, provenance=False)
    pkg = json.loads((ddir / "datapackage.json").read_text(encoding="utf-8"))
    level = next(f for r in pkg["resources"] if r["name"] == "dossiers" for f in r["schema"]["fields"]
                 if f["name"] == "level")
    level["constraints"]["enum"].append("tinh")
    level["enumLabels"]["tinh"] = "Cấp tỉnh"
    (ddir / "datapackage.json").write_text(json.dumps(pkg, ensure_ascii=False), encoding="utf-8")
    assert data.schema_errors(ddir) == []
    assert "tinh" in set(data.load("dossiers", data_dir=ddir)["level"])


# ----------------------------------------------------------------- bad inputs (tests/fixtures/bad)


@pytest.mark.parametrize("kind, table, message", [
    ("malformed_number", "dossiers",
     "data/dossiers.csv row 4, column 'online': cannot parse '1.75.2' as a Vietnamese number"),
    ("count_above_total", "staffing_qualifications",
     "data/staffing_qualifications.csv row 2, column 'count': '130' is above its total '129' (column 'total')"),
    ("missing_column", "procedures_online",
     "data/procedures_online.csv row 1 (header), column 'total': missing column"),
    ("not_utf8", "activities",
     "data/activities.csv row 2: not valid UTF-8: byte 0xcc at offset 129"),
    ("percent_sign", "digital_indicators",
     "data/digital_indicators.csv row 2, column 'percent': '86,32%' is not a valid number; expected a number"),
])
def test_bad_input_that_load_cannot_read_raises_one_specific_error(tmp_path, kind, table, message):
    ddir = _with_fixture(tmp_path, kind)
    with pytest.raises(DataError) as err:
        data.load(table, data_dir=ddir)
    assert str(err.value).startswith(message), str(err.value)
    assert isinstance(err.value, ValueError)
    with pytest.raises(DataError, match=re.escape(message)):
        data.validate_all(data_dir=ddir, provenance=False)


@pytest.mark.parametrize("kind, message", [
    ("unknown_column",
     "data/par_index_sipas.csv row 1 (header), column 'note': There is an extra label \"note\" in header"),
    ("duplicate_key",
     "data/targets.csv row 4, column 'id': '1-2021': unique error: the same as in the row at position 2"),
    ("percent_sign",
     "data/digital_indicators.csv row 2, column 'percent': '86,32%' is not a valid number; expected a number"),
    ("unknown_code",
     "data/downsizing.csv row 3, column 'level': 'tinh' is not an allowed value; expected one of: huyen, xa"),
])
def test_bad_input_against_the_table_schema_is_reported_by_frictionless(tmp_path, kind, message):
    ddir = _with_fixture(tmp_path, kind)
    assert data.schema_errors(ddir)[0].startswith(message), data.schema_errors(ddir)
    with pytest.raises(DataError) as err:
        data.validate_all(data_dir=ddir, provenance=False)
    assert str(err.value).startswith(message), str(err.value)


def test_every_bad_fixture_has_a_test():
    tested = {"malformed_number", "count_above_total", "missing_column", "unknown_column", "duplicate_key",
              "not_utf8", "percent_sign", "unknown_code", "changed_raw", "quote_not_in_report"}
    assert {p.name for p in BAD.iterdir() if p.is_dir()} == tested


@pytest.mark.parametrize("line, value, message", [
    ("a", "", "column 'level': '': constraint error: constraint \"required\" is \"True\""),
    ("b", " 347", "column 'online': ' 347' has leading or trailing spaces"),
    ("c", "1,5", "column 'online': cannot parse '1,5' as a Vietnamese number; expected a whole number"),
    ("d", "12a", "column 'online': cannot parse '12a' as a Vietnamese number"),
])
def test_cell_errors_name_row_column_and_value(tmp_path, line, value, message):
    ddir = _copy_data(tmp_path)
    _set_cell(ddir, "dossiers", 4, {"a": "level", "b": "online", "c": "online", "d": "online"}[line], value)
    with pytest.raises(DataError, match=re.escape(f"data/dossiers.csv row 4, {message}")):
        data.validate_all(data_dir=ddir, provenance=False)


def test_crlf_and_unlisted_files_are_rejected(tmp_path):
    ddir = _copy_data(tmp_path)
    (ddir / "extra.csv").write_text("id\nx\n", encoding="utf-8")
    with pytest.raises(DataError, match="data/extra.csv: not described in datapackage.json"):
        data.validate_all(data_dir=ddir, provenance=False)
    (ddir / "extra.csv").unlink()
    path = ddir / "targets.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    with pytest.raises(DataError, match=r"data/targets.csv row 1: CR \(Windows\) line ending"):
        data.load("targets", data_dir=ddir)


def test_parent_must_be_an_id_of_the_table(tmp_path):
    ddir = _copy_data(tmp_path)
    path = ddir / "activities.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",bo-nhiem-can-bo-btv,", ",no-such-row,", 1),
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"data/activities.csv row 6, column 'parent': 'no-such-row': foreignkey error: "
                                        r"for \"parent\": values \"no-such-row\" not found in the lookup table \"\" as \"id\""):
        data.validate_all(data_dir=ddir, provenance=False)


# ----------------------------------------------------------------- summary, codebook, CLI


def test_validate_all_summary_counts_rows_and_numbers(pkg):
    summary = data.validate_all()
    assert summary.rows == {r["name"]: len(_csv_rows(r["name"])) for r in pkg["resources"]}
    numeric = sum(1 for r in pkg["resources"] for f in r["schema"]["fields"] if f["type"] in ("integer", "number")
                  for row in _csv_rows(r["name"]) if row[f["name"]])
    assert summary.numbers == numeric
    assert summary.traced >= summary.numbers


def test_codebook_lists_every_table_and_column(pkg):
    from parstats.publishing.docs import codebook_markdown

    md = codebook_markdown()
    assert md == codebook_markdown()  # deterministic
    for res in pkg["resources"]:
        assert f"### `{res['path']}`" in md
        for f in res["schema"]["fields"]:
            assert f"| `{f['name']}` |" in md
    assert "| `percent` | Tỷ lệ trực tuyến (%)" in md


def _run_validate(argv):
    parser = argparse.ArgumentParser()
    data.add_arguments(parser)
    return data.run(parser.parse_args(argv))


def test_validate_command_prints_summary_and_exits_0(capsys):
    assert _run_validate([]) == 0
    out = capsys.readouterr().out
    assert f"{len(data.tables())} tables" in out
    assert "matches its sidecar" in out


def test_validate_command_prints_the_one_error_and_exits_1(tmp_path, capsys):
    ddir = _with_fixture(tmp_path, "malformed_number")
    assert _run_validate(["--data-dir", str(ddir)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "data/dossiers.csv row 4, column 'online': cannot parse '1.75.2'" in err[0]


def test_parstats_validate_through_the_cli(capsys):
    pytest.importorskip("parstats.audit")  # the CLI wires every subcommand module
    pytest.importorskip("parstats.publishing.build")
    from parstats.cli import main

    assert main(["validate"]) == 0
    assert "rows" in capsys.readouterr().out
