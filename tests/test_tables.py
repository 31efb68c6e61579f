"""Vietnamese display tables and their reproducible CSV/XLSX export."""
from __future__ import annotations

import time
import zipfile
from decimal import Decimal

import pandas as pd
import pytest
from openpyxl import load_workbook

from parstats.analysis import tables
from parstats.numbers import format_number, format_percent
from parstats.analysis.tables import Column

COLUMNS = [
    Column("level", "Cấp"),
    Column("online", "Hồ sơ trực tuyến", "int"),
    Column("total", "Tổng số hồ sơ", "int"),
    Column("reported", "Tỷ lệ theo báo cáo"),
    Column("recomputed", "Tỷ lệ tính lại", "percent", "decimals"),
    Column("difference", "Chênh lệch (điểm %)", "number", "decimals"),
    Column("consistent", "Khớp", "bool"),
]


def _frame():
    return pd.DataFrame(
        {
            "level": ["Cấp huyện", "Cấp xã"],
            "online": [2059, 3267],
            "total": [29475, 42712],
            "reported": ["6,99%", "7,65%"],
            "recomputed": [Decimal("6.99"), Decimal("7.65")],
            "difference": [Decimal("0.00"), Decimal("0.00")],
            "consistent": [True, True],
            "decimals": [2, 2],
        }
    )


def test_format_table_writes_vietnamese_numbers_and_headers():
    shown = tables.format_table(_frame(), COLUMNS)
    assert list(shown.columns) == [c.header for c in COLUMNS]
    assert shown.columns.name == "STT" and shown.index.name is None and list(shown.index) == [1, 2]
    assert shown.loc[1, "Tổng số hồ sơ"] == format_number(29475) == "29.475"
    assert shown.loc[2, "Tỷ lệ tính lại"] == format_percent(Decimal("7.65"), 2)
    assert shown.loc[1, "Khớp"] == "Có"
    assert all(isinstance(v, str) for v in shown.to_numpy().ravel())


def test_per_row_decimals():
    df = pd.DataFrame({"v": [Decimal("1.6"), Decimal("84.11")], "d": [1, 2]})
    shown = tables.format_table(df, [Column("v", "Giá trị", "percent", "d")])
    assert shown["Giá trị"].tolist() == ["1,6%", "84,11%"]


def test_floats_are_refused():
    df = pd.DataFrame({"v": [0.1]})
    with pytest.raises(TypeError, match="float 0.1"):
        tables.format_table(df, [Column("v", "Giá trị", "number", 1)])


def test_missing_column_is_named():
    with pytest.raises(KeyError, match="'nope'"):
        tables.format_table(_frame(), [Column("nope", "X")])


def test_unknown_kind():
    with pytest.raises(ValueError, match="kind must be one of"):
        Column("x", "X", "money")


def test_csv_is_the_display_table(tmp_path):
    t = tables.export_table(_frame(), COLUMNS, "99-test-dossiers", directory=tmp_path)
    raw = t.csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "BOM so that Excel reads UTF-8"
    back = pd.read_csv(t.csv, encoding="utf-8-sig", dtype=str, index_col="STT")
    shown = tables.format_table(_frame(), COLUMNS)
    assert back.to_numpy().tolist() == shown.to_numpy().tolist()
    assert list(back.columns) == list(shown.columns)


def test_xlsx_keeps_numbers_as_numbers(tmp_path):
    df = _frame()
    t = tables.export_table(df, COLUMNS, "99-test-dossiers", directory=tmp_path)
    ws = load_workbook(t.xlsx).active
    assert [c.value for c in ws[1]] == ["STT", *[c.header for c in COLUMNS]]
    assert ws["C2"].value == df.loc[0, "online"] and ws["C2"].number_format == "#,##0"
    assert Decimal(str(ws["F2"].value)) == df.loc[0, "recomputed"] / 100
    assert ws["F2"].number_format == "0.00%"
    assert ws["E3"].value == "7,65%", "the report's text stays text"


def test_xlsx_and_csv_are_byte_reproducible(tmp_path):
    a = tables.export_table(_frame(), COLUMNS, "99-test-dossiers", directory=tmp_path / "a")
    time.sleep(1.1)  # openpyxl stamps the time to the second: make sure it would differ
    b = tables.export_table(_frame(), COLUMNS, "99-test-dossiers", directory=tmp_path / "b")
    assert a.xlsx.read_bytes() == b.xlsx.read_bytes()
    assert a.csv.read_bytes() == b.csv.read_bytes()
    with zipfile.ZipFile(a.xlsx) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert core.count(tables.FIXED_TIMESTAMP) == 2


def test_export_refuses_bad_name_and_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="not of the form"):
        tables.export_table(_frame(), COLUMNS, "Bảng 1", directory=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_publish_returns_display_and_writes_both(tmp_path):
    shown = tables.publish(_frame(), COLUMNS, "99-test-dossiers", directory=tmp_path)
    assert shown.equals(tables.format_table(_frame(), COLUMNS))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["99-test-dossiers.csv", "99-test-dossiers.xlsx"]
