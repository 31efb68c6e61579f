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
    assert "STT" not in repr(shown) and "STT" not in shown._repr_html_(), "no row number on a page"
    assert shown.iloc[0]["Tổng số hồ sơ"] == format_number(29475) == "29.475"
    assert shown.iloc[1]["Tỷ lệ tính lại"] == format_percent(Decimal("7.65"), 2)
    assert shown.iloc[0]["Khớp"] == "Có"
    assert all(isinstance(v, str) for v in shown.to_numpy().ravel())


def test_per_row_decimals_give_one_precision_per_column(tmp_path):
    df = pd.DataFrame({"v": [Decimal("1.6"), Decimal("84.11")], "d": [1, 2],
                       "diff": [Decimal("-0.1"), Decimal("0")], "dd": [1, 0]})
    cols = [Column("v", "Giá trị", "percent", "d"), Column("diff", "Chênh lệch", "number", "dd")]
    shown = tables.format_table(df, cols)
    assert shown["Giá trị"].tolist() == ["1,60%", "84,11%"]
    assert shown["Chênh lệch"].tolist() == ["-0,1", "0,0"]
    t = tables.export_table(df, cols, "99-test-precision", directory=tmp_path)
    ws = load_workbook(t.xlsx).active
    assert {ws["B2"].number_format, ws["B3"].number_format} == {"0.00%"}
    assert {ws["C2"].number_format, ws["C3"].number_format} == {"#,##0.0"}


def test_half_up_at_the_column_precision():
    df = pd.DataFrame({"v": [Decimal("0.125"), Decimal("2.5")]})
    shown = tables.format_table(df, [Column("v", "Giá trị", "number", 2)])
    assert shown["Giá trị"].tolist() == ["0,13", "2,50"]


def _rows_html(shown):
    import re

    html = shown._repr_html_()
    return html, re.findall(r"<tr[^>]*>", html.split("<tbody>")[1])


def test_row_ids_leave_the_page_for_the_rows_attributes_and_stay_in_the_files(tmp_path):
    df = pd.DataFrame({"id": ["huyen-2022", "xa-2022"], "level": ["Cấp huyện", "Cấp xã"], "n": [979, 644],
                       "ids": ["a, b", "c"]})
    cols = [Column("id", tables.ROW_ID_HEADER), Column("level", "Cấp"), Column("n", "Số hồ sơ", "int"),
            Column("ids", tables.ROW_ID_HEADER)]
    shown = tables.publish(df, cols, "99-test-ids", directory=tmp_path)
    assert list(shown.columns) == ["Cấp", "Số hồ sơ"]
    html, rows = _rows_html(shown)
    assert rows == ['<tr id="99-test-ids--huyen-2022" data-ids="huyen-2022 a b">',
                    '<tr id="99-test-ids--xa-2022" data-ids="xa-2022 c">']
    assert 'data-table="99-test-ids"' in html and "huyen-2022" not in repr(shown)
    back = pd.read_csv(tmp_path / "99-test-ids.csv", encoding="utf-8-sig", dtype=str)
    assert list(back.columns) == ["STT", tables.ROW_ID_HEADER, "Cấp", "Số hồ sơ", tables.ROW_ID_HEADER + ".1"]
    assert back[tables.ROW_ID_HEADER].tolist() == ["huyen-2022", "xa-2022"]
    # a column can be asked for on the page, or kept off it
    shown = tables.format_table(df, [Column("id", tables.ROW_ID_HEADER, page=True), Column("n", "Số", page=False)])
    assert list(shown.columns) == [tables.ROW_ID_HEADER]


def test_a_text_column_repeating_another_is_left_off_the_page():
    df = pd.DataFrame({"sub": ["4b", "4c"], "label": ["4b", "4c"], "a": [1, 2], "b": [1, 2]})
    cols = [Column("sub", "Chỉ tiêu"), Column("label", "Tên"), Column("a", "A", "int"), Column("b", "B", "int")]
    assert list(tables.format_table(df, cols).columns) == ["Chỉ tiêu", "A", "B"], "figures that agree stay"
    one = tables.format_table(df.head(1), cols)
    assert list(one.columns) == ["Chỉ tiêu", "Tên", "A", "B"], "one row is no evidence of a repeat"


def test_long_text_is_cut_at_a_word_with_the_full_text_on_demand():
    quote = ("Từ 01/09/2021 đến 30/6/2023, đã tiếp nhận tổng số 72.187 hồ sơ thủ tục hành chính (bằng cả "
             "hình thức trực tuyến và trực tiếp); trong đó, có 5.326 hồ sơ được tiếp nhận trực tuyến")
    shown = tables.format_table(pd.DataFrame({"q": [quote, "ngắn"]}), [Column("q", "Trích dẫn")])
    html = shown._repr_html_()
    summary = html.split("<summary>")[1].split("</summary>")[0]
    assert summary.endswith(" …") and len(summary) <= tables.EXCERPT and quote.startswith(summary[:-2])
    assert f"</summary>{quote}</details>" in html
    assert '<td class="data row1 col0">ngắn</td>' in html
    assert quote in repr(shown), "the text form is never truncated"


def test_two_long_labels_sharing_a_beginning_stay_apart_in_text():
    a = "Giảm biên chế sự nghiệp hưởng lương từ ngân sách nhà nước so với năm 2021 (báo cáo)"
    b = "Giảm biên chế sự nghiệp hưởng lương từ ngân sách nhà nước so với năm 2021 (tính lại)"
    text = repr(tables.format_table(pd.DataFrame({"w": [a, b]}), [Column("w", "Nội dung")]))
    assert a in text and b in text


def test_headers_align_with_their_column():
    df = pd.DataFrame({"level": ["Cấp xã", "Cấp huyện"], "n": pd.array([1, None], dtype="Int64"), "r": ["6,99%", ""]})
    cols = [Column("level", "Cấp"), Column("n", "Số", "int"), Column("r", "Tỷ lệ theo báo cáo")]
    html = tables.format_table(df, cols)._repr_html_()
    assert '<th scope="col" class="col_heading level0 col0">Cấp</th>' in html
    assert '<th scope="col" class="col_heading level0 col1 num">Số</th>' in html
    assert '<th scope="col" class="col_heading level0 col2 num">Tỷ lệ theo báo cáo</th>' in html
    assert '<td class="data row1 col1 num"></td>' in html, "an empty cell of a figures column too"
    assert "th.num, #T_" in html and "text-align: right" in html


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
    back = pd.read_csv(t.csv, encoding="utf-8-sig", dtype=str, index_col="STT", keep_default_na=False)
    shown = tables.format_table(_frame(), COLUMNS)
    assert back.to_numpy().tolist() == shown.to_numpy().tolist()
    assert list(back.index) == ["1", "2"]
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
    assert shown.equals(tables.format_table(_frame(), COLUMNS, name="99-test-dossiers"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["99-test-dossiers.csv", "99-test-dossiers.xlsx"]


def _decimals(cell: str) -> int:
    number = cell.rstrip("%")
    return len(number.split(",")[1]) if "," in number else 0


def test_every_published_figure_column_has_one_precision():
    """Each number or percent column of every table in figures/ shows one number of decimals."""
    import csv

    from parstats.analysis import notebook_modules
    from parstats.paths import FIGURES_DIR

    checked = 0
    for path, module in notebook_modules():
        for columns in module.COLUMNS.values():
            headers = [c.header for c in columns]
            numeric = [c.header for c in columns if c.kind in ("number", "percent")]
            for table in sorted(FIGURES_DIR.glob(f"{path.stem}-*.csv")):
                with table.open(encoding="utf-8-sig", newline="") as fh:
                    rows = list(csv.reader(fh))
                if rows[0][1:] != headers:
                    continue
                for header in numeric:
                    j = rows[0].index(header)
                    places = {_decimals(r[j]) for r in rows[1:] if r[j]}
                    assert len(places) <= 1, (table.name, header, places)
                    checked += 1
    assert checked >= 10
