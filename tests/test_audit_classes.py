"""Classes of checkable figures read since the second test sample (issue 16): written-out
calculations, plain-item lists, breakdowns of one sentence, tables' ratio columns and pipe tables
without outer pipes, change amounts with their base in parentheses, parts of a total of other
nouns. Each rule is checked both ways: the class it reads, and a near text it must not read."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from parstats.audit import audit_text
from parstats.audit import messages as M
from parstats.audit.checks import basis
from parstats.audit.expressions import read_calculation
from parstats.markdown import split_paragraphs
from parstats.numbers import format_number


def _rule(text: str, rule: str):
    rep = audit_text(text)
    return [f for f in rep.findings if f.claim.detail.get("rule") == rule]


def _both_ways(text: str, rule: str, right: str, wrong: str):
    """The one claim of ``rule`` in ``text``, ``consistent``; then in the text with ``right`` made
    ``wrong``, ``inconsistent``. Returns both findings."""
    (f,) = _rule(text, rule)
    assert f.status == "consistent", f.diagnosis
    (g,) = _rule(text.replace(right, wrong), rule)
    assert g.status == "inconsistent"
    return f, g


def _pct(x, y, decimals: int) -> str:
    v = (Decimal(x) / Decimal(y) * 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return format_number(v, decimals)


# ------------------------------------------------------------------ worked calculations

@pytest.mark.parametrize("a,p", [(1000, "60"), (1000, "0,2"), (900, "60")])
def test_a_share_worked_out_is_a_ratio_claim(a, p):
    b = Decimal(a) * Decimal(p.replace(",", ".")) / 100
    text = f"- Đồng: {format_number(a)} tấn x {p}% = {format_number(b.normalize())} tấn."
    (f,) = _rule(text, "worked-calculation")
    assert (f.claim.kind, f.status, f.claim.reported) == ("ratio", "consistent", f"{p}%")


@pytest.mark.parametrize("head", ["Số lao động bình quân được xác định bằng:\n", ""])
def test_a_calculation_on_a_line_of_its_own_after_a_colon(head):
    a, b = 200, 8
    text = f"{head}= {a} lao động + {b} lao động = {a + b} lao động."
    (f,) = _rule(text, "worked-calculation")
    assert (f.status, f.claim.reported) == ("consistent", str(a + b))
    (g,) = _rule(text.replace(f"= {a + b}", f"= {a + b + 1}"), "worked-calculation")
    assert g.status == "inconsistent"
    # after a number, "=" goes on a calculation the text holds more of: nothing claimed
    assert not _rule(f"Có 5 = {a} lao động + {b} lao động = {a + b} lao động.", "worked-calculation")


def test_a_calculation_in_numbers_of_another_convention_is_not_read():
    """A crawl text (tnt305/tai_lieu_noi_bo, 814cdfd8a2d933e6.md, a wiki footnote) crashed the
    audit: "0.4957/1.1055=0.448394392" was read with "0.495" as a number parse_number refuses."""
    text = ("1980 derived from AUD-USD=1.1055 and AUD-GBP=0.4957 at end of Dec 1979: "
            "0.4957/1.1055=0.448394392; 1985 derived from AUD-USD=0.8278.")
    assert not _rule(text, "worked-calculation")
    # a calculation in Vietnamese numbers next to it is still redone
    (f,) = _rule(text + " Tổng = 1.200 + 800 = 2.000 người.", "worked-calculation")
    assert f.status == "consistent"


def test_a_calculation_that_does_not_give_its_result_is_flagged():
    terms = [(5, 1_600_000), (15, 800_000)]
    right = sum(k * v for k, v in terms)
    written = right + 1_000_000
    text = (f"Tiền lương = {terms[0][0]} x {format_number(terms[0][1])} + {terms[1][0]} x "
            f"{format_number(terms[1][1])} = {format_number(written)} (đồng)")
    (f,) = _rule(text, "worked-calculation")
    assert f.status == "inconsistent" and f.recomputed == format_number(right)
    assert "rule=worked-calculation" in basis(f.claim)
    ok = _rule(text.replace(format_number(written), format_number(right)), "worked-calculation")
    assert [g.status for g in ok] == ["consistent"]


def test_a_factor_named_in_words_or_a_foreign_unit_is_not_flagged():
    assert read_calculation("Lương cơ sở x 2,34 = 3.486.600 đồng", 19) is None
    (f,) = _rule("Trợ cấp: 2.970.000 đồng x 10,5 năm x 1 tháng = 31.185.001 đồng.", "worked-calculation")
    assert f.status == "unverifiable"


def test_a_calculation_read_from_the_middle_is_not_claimed():
    # "x 25 x 0,5 = …" after a word factor: the number before the first one is not a start
    assert not _rule("Mức phạt = Lương x 25 x 0,5 = 99 (đồng)", "worked-calculation")
    # "3=2/1" (a table's formula) has no operator before "="
    assert not _rule("Cột 3=2/1 của biểu.", "worked-calculation")


# ------------------------------------------------------------------ lists and breakdowns

def test_a_count_before_plain_items_is_checked_only_when_they_agree():
    items = ["sử dụng quỹ dự phòng rủi ro", "thu nợ bằng tiền", "xử lý tài sản đảm bảo"]
    text = f"Nhìn chung, {len(items)} giải pháp được sử dụng chủ yếu là {', '.join(items[:-1])} và {items[-1]}."
    (f,) = [g for g in audit_text(text).findings if g.claim.kind == "sum"]
    assert f.status == "consistent" and f.claim.denominator == len(items)
    wrong = text.replace(str(len(items)), str(len(items) + 1), 1)
    assert not [g for g in audit_text(wrong).findings if g.claim.kind == "sum"]


def test_a_count_of_years_and_of_names_with_parentheses():
    years = (2014, 2016, 2020)
    (f,) = [g for g in audit_text(f"Anh là cầu thủ hay nhất ba kỳ AFF Cup năm {years[0]}, {years[1]} và {years[2]}.")
            .findings if g.claim.kind == "sum"]
    assert f.status == "consistent" and len(f.claim.parts) == len(years)
    (g,) = [g for g in audit_text("Hai cầu thủ đắt giá nhất là thủ môn Filip Nguyễn (572.000 USD) và "
                                  "Nguyễn Xuân Son (520.000 USD).").findings if g.claim.kind == "sum"]
    assert g.status == "consistent" and len(g.claim.parts) == 2


def test_the_shares_of_one_sentence_that_add_to_100_are_a_breakdown():
    shares = ["84,5", "11,9", "3,6"]
    text = (f"Tổng diện tích là 33,1 triệu ha, trong đó {shares[0]}% là đất nông nghiệp, {shares[1]}% là "
            f"đất phi nông nghiệp và {shares[2]}% là đất chưa sử dụng.")
    (f,) = _rule(text, "sentence-breakdown")
    assert f.status == "consistent" and sum(f.claim.parts) == f.claim.denominator
    # a part of a run adding to 100 % by chance is no breakdown: the items' own rates
    assert not _rule("Tỷ lệ ủng hộ thấp ở Ai Cập (10%), Jordan (12%), Pakistan (14%), Nga (23%), "
                     "Hy Lạp (34%) và Ý (42%).", "sentence-breakdown")
    # shares "của nhóm …" are groups of the whole the first one names, not owners of their own
    groups = ("Khối này chiếm tỷ lệ 45% tổng doanh thu toàn khối doanh nghiệp, cao hơn con số 25,9% của nhóm "
              "doanh nghiệp nước ngoài và 29,1% của nhóm tư nhân trong nước.")
    assert [f.status for f in _rule(groups, "sentence-breakdown")] == ["consistent"]
    assert not _rule(groups.replace("của nhóm", "của tỉnh"), "sentence-breakdown")
    # a rest named in another sentence of the paragraph leaves this sentence's breakdown to read
    assert [f.status for f in _rule(groups + " Số còn lại được chuyển sang năm sau.", "sentence-breakdown")] == [
        "consistent"]


def test_two_bullet_shares_one_of_them_the_rest_are_a_breakdown():
    text = "Năm 2000:\n- Bra-xin: 28,6%\n- Các nước còn lại: 71,4%\n- Tổng GDP: 2.292,0 tỉ USD\n"
    (f,) = _rule(text, "breakdown-100")
    assert f.status == "consistent" and len(f.claim.parts) == 2
    assert not _rule("Năm 2000:\n- Bra-xin: 28,6%\n- Mê-hi-cô: 21,4%\n", "breakdown-100")


def test_parts_of_other_nouns_that_add_up_to_the_total():
    parts = {"thành phố": 1, "thị xã": 1, "huyện": 9}
    listed = ", ".join(f"{n} {k}" for k, n in list(parts.items())[:-1]) + f" và {parts['huyện']} huyện"
    total = sum(parts.values())
    (f,) = _rule(f"Tỉnh có {total} đơn vị hành chính cấp huyện, bao gồm {listed}.", "parts-of-total")
    assert f.status == "consistent" and f.claim.parts == tuple(parts.values())


# ------------------------------------------------------------------ tables

def _table(rows) -> str:
    head = "| Đơn vị | Tổng số hồ sơ | Đúng hạn | Tỷ lệ đúng hạn (%) |\n|---|---|---|---|\n"
    return head + "".join(f"| {n} | {a} | {b} | {r} |\n" for n, a, b, r in rows)


def test_a_ratio_column_is_checked_row_by_row():
    counts = [("Xã A", 120, 118), ("Xã B", 85, 80), ("Xã C", 240, 236), ("Xã D", 60, 57)]
    rows = [(n, a, b, _pct(b, a, 2)) for n, a, b in counts]
    found = _rule(_table(rows), "table-ratio-column")
    assert [f.status for f in found] == ["consistent"] * len(rows)
    # one row off, the three others fitting: flagged, with the right value
    bad = list(rows)
    n, a, b, _ = bad[2]
    bad[2] = (n, a, b, _pct(b + 1, a, 2))
    statuses = [(f.status, f.recomputed) for f in _rule(_table(bad), "table-ratio-column")]
    assert statuses[2][0] == "inconsistent" and statuses[2][1] == _pct(b, a, 2) + "%"
    assert [s for s, _ in statuses].count("consistent") == 3


def test_a_pipe_table_without_outer_pipes_is_a_table():
    text = "Năm | 2010 | 2021\n--- | --- | ---\nCơ cấu GRDP (%) | 100,0 | 100,0\n- Nông nghiệp | 36,9 | 30,8\n- Công nghiệp | 63,1 | 69,2\n"
    assert [p.kind for p in split_paragraphs(text)] == ["table"] * 5
    found = _rule(text, "table-total-row")
    assert [f.status for f in found] == ["consistent", "consistent"]


# ------------------------------------------------------------------ changes and shares

def test_a_change_amount_with_its_base_in_parentheses():
    old, amount = 2350, 150
    text = (f"Tổng số học sinh là {format_number(old + amount)} em, tăng {amount} em so với năm học trước "
            f"({format_number(old)} em), tương ứng tăng {_pct(amount, old, 1)}%.")
    (f,) = _rule(text, "change-amount-paren-base")
    assert f.status == "consistent"
    wrong = text.replace(f"{_pct(amount, old, 1)}%", f"{_pct(amount, old + amount, 1)}%")
    (g,) = _rule(wrong, "change-amount-paren-base")
    assert g.status == "inconsistent"


def test_a_count_with_words_after_its_noun_then_the_total_of_the_same_noun():
    x, y = 113_436, 115_883
    text = (f"Có {format_number(x)} người kê khai lần đầu, trên tổng số {format_number(y)} người phải kê "
            f"khai (đạt {_pct(x, y, 1)}%).")
    (f,) = _rule(text, "of-whole")
    assert (f.claim.numerator, f.claim.denominator, f.status) == (x, y, "consistent")
    # another noun after "tổng số": a weak tie, never flagged
    other = text.replace("trên tổng số " + format_number(y) + " người", "trên tổng số " + format_number(y) + " hồ sơ")
    (g,) = _rule(other.replace(f"{_pct(x, y, 1)}%", f"{_pct(x - 900, y, 1)}%"), "of-whole")
    assert g.status == "unverifiable" and g.claim.detail.get("weak")


# ------------------------------------------------------------------ dates without their year

@pytest.mark.parametrize("day,month,lunar", [(31, 6, ""), (30, 2, ""), (24, 19, ""), (30, 2, " âm lịch")])
def test_a_day_and_month_without_a_year_are_a_date(day, month, lunar):
    import calendar
    (f,) = [g for g in audit_text(f"Chậm nhất đến ngày {day} tháng {month}{lunar} năm sau phải nộp.").findings
            if g.claim.kind == "date"]
    exists = 1 <= month <= 12 and day <= (30 if lunar else calendar.monthrange(2000, month)[1])
    assert f.status == ("consistent" if exists else "inconsistent")
    assert f.claim.reported == f"ngày {day} tháng {month}"


# ------------------------------------------------------------------ structure tables

def test_the_rows_of_a_structure_table_add_to_100():
    right = ["28,7", "65,6", "5,7"]
    wrong = ["34,1", "59,1", "4,8"]
    table = ("Bảng 14.2. Cơ cấu dân số phân theo nhóm tuổi năm 2000 và năm 2020\n\n(Đơn vị: %)\n\n"
             "Nhóm tuổi | 0 - 14 tuổi | 15 - 64 tuổi | Từ 65 tuổi trở lên\n--- | --- | --- | ---\n"
             f"Năm 2000 | {' | '.join(wrong)}\nNăm 2020 | {' | '.join(right)}\n")
    found = _rule(table, "structure-table")
    total = sum(Decimal(v.replace(",", ".")) for v in wrong)
    assert [f.status for f in found] == ["inconsistent", "consistent"]
    assert found[0].recomputed == format_number(total, 1) + "%"
    # without "cơ cấu" the rows are not said to be parts of one whole
    assert not _rule(table.replace("Cơ cấu", "Số liệu"), "structure-table")
    # no line adds up: the table may leave out a part; nothing is said
    alone = table.replace(" | ".join(right), " | ".join(wrong))
    assert not _rule(alone, "structure-table")


def _structure(rows: list[list[str]]) -> str:
    return ("Bảng 7. Tuổi thọ trung bình và cơ cấu dân số theo nhóm tuổi\n\n"
            "Năm | Tuổi thọ (tuổi) | Cơ cấu dân số theo nhóm tuổi (%) | |\n--- | --- | --- | --- | ---\n"
            + "".join(" | ".join(r) + "\n" for r in rows))


def test_a_run_of_columns_of_a_structure_table_adds_to_100():
    rows = [["2009", "72,8", "24,5", "69,1", "6,4"], ["2019", "73,6", "24,3", "68,0", "7,7"],
            ["2021", "73,6", "24,1", "67,6", "8,3"]]
    found = _rule(_structure(rows), "structure-table")
    assert [f.status for f in found] == ["consistent"] * len(rows)
    assert "columns 3-5" in basis(found[0].claim)
    # one row off by a tenth beyond rounding, the two others adding up: flagged
    bad = [list(r) for r in rows]
    bad[1][4] = format_number(Decimal(bad[1][4].replace(",", ".")) + Decimal("1.5"), 1)
    assert [f.status for f in _rule(_structure(bad), "structure-table")] == ["consistent", "inconsistent", "consistent"]
    # a "-" (no figure) in the row: read as none, never flagged
    dashed = [list(r) for r in bad]
    dashed[1][2] = "-"
    assert [f.status for f in _rule(_structure(dashed), "structure-table")] == ["consistent", "unverifiable", "consistent"]
    # only one row adds up along the run: not a structure read
    assert not _rule(_structure(bad[1:2] + bad[1:2] + rows[:1]), "structure-table")


def test_rows_marked_dash_under_a_row_are_its_parts():
    parts = {"Cao su": ["441,4", "546,0"], "Điều": ["225,7", "187,4"], "Khác": ["125,6", "74,6"]}
    total = [format_number(sum(Decimal(v[k].replace(",", ".")) for v in parts.values()), 1) for k in range(2)]
    text = ("STT | Cây trồng | 2010 | 2015\n--- | --- | --- | ---\n"
            f"1 | Cây công nghiệp lâu năm | {total[0]} | {total[1]}\n"
            + "".join(f"| - {n} | {a} | {b}\n" for n, (a, b) in parts.items()) + "2 | Cây ăn quả | 94,4 | 133,3\n")
    found = _rule(text, "table-subitem-rows")
    assert [(f.claim.reported, f.status) for f in found] == [(t, "consistent") for t in total]
    # counts: one column adds up exactly, the other is off: flagged
    counts = {"A": (12, 30), "B": (7, 4), "C": (5, 9)}
    right = [sum(v[k] for v in counts.values()) for k in range(2)]
    text2 = ("STT | Đơn vị | Số trường | Số lớp\n--- | --- | --- | ---\n"
             f"1 | Huyện X | {right[0]} | {right[1] + 2}\n" + "".join(f"| - Xã {n} | {a} | {b}\n" for n, (a, b) in counts.items()))
    assert [f.status for f in _rule(text2, "table-subitem-rows")] == ["consistent", "inconsistent"]
    # a row with a single '-' row under it: not a parent read
    assert not _rule(text2.replace("| - Xã B", "| Xã B").replace("| - Xã C", "| Xã C"), "table-subitem-rows")


def _population(values: list[int], pcts: list[str]) -> str:
    rows = "".join(f"| {2015 + k} | {format_number(v)} | {p} |\n" for k, (v, p) in enumerate(zip(values, pcts)))
    return "## Dân cư\n\n[sửa | sửa mã nguồn]| Năm | Số dân | ±% |\n|---|---|---|\n" + rows


def _signed_change(new: int, old: int) -> str:
    v = (Decimal(new - old) / old * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return ("+" if v >= 0 else "\u2212") + str(abs(v)) + "%"


def test_a_column_of_changes_from_the_row_before():
    values = [3_063_900, 3_105_500, 3_131_700, 3_065_200, 3_409_800, 3_420_000]
    pcts = ["—"] + [_signed_change(b, a) for a, b in zip(values, values[1:])]
    found = _rule(_population(values, pcts), "table-change-rows")
    assert [f.status for f in found] == ["consistent"] * (len(values) - 1)
    assert found[2].claim.detail["direction"] == "giảm"
    # one row's change off, the four others fitting: flagged with the right value
    bad = list(pcts)
    bad[4] = _signed_change(values[4] + 30_000, values[3])
    statuses = [f.status for f in _rule(_population(values, bad), "table-change-rows")]
    assert statuses == ["consistent", "consistent", "consistent", "inconsistent", "consistent"]
    # a sign that disagrees with the change: flagged where four other rows fit, left out where not
    signed = list(pcts)
    signed[3] = signed[3].replace("\u2212", "+")
    assert [f.status for f in _rule(_population(values, signed), "table-change-rows")][2] == "inconsistent"
    assert len(_rule(_population(values[:4], signed[:4]), "table-change-rows")) == 2


def test_a_structure_caption_without_a_unit_needs_two_lines_adding_to_100():
    table = ("BẢNG 8.2. CƠ CẤU GDP CỦA BRA-XIN GIAI ĐOẠN 2000 - 2020\n\n"
             "Năm | 2000 | 2020\n--- | --- | ---\nNông nghiệp | 4,8 | 5,9\nCông nghiệp | 23,0 | 17,7\n"
             "Dịch vụ | 58,3 | 62,8\nThuế sản phẩm | 13,9 | 13,6\n")
    assert [f.status for f in _rule(table, "structure-table")] == ["consistent", "consistent"]
    # one column only: not enough without "%"
    assert not _rule(table.replace("| 13,6", "| 14,6"), "structure-table")
    # another unit said: not shares
    assert not _rule(table.replace("\n\nNăm", "\n\n(Đơn vị: tỷ USD)\n\nNăm"), "structure-table")


def test_a_count_then_bullets_naming_its_noun():
    names = ["An Nhiên", "Lộc Thủy", "Chân Thành", "Tĩnh Giang"]
    bullets = "".join(f"- Giáo xứ {n} - Xã Thạch Hà, tỉnh Hà Tĩnh\n" for n in names)
    text = f"Giáo hạt Vạn Hạnh gồm {len(names)} giáo xứ nằm trên địa bàn các xã.\n\n" + bullets
    (f,) = _rule(text, "noun-bullets")
    assert (f.claim.denominator, f.status) == (len(names), "consistent")
    # a first item in bold glued before the bullets, and a second noun counted apart
    glued = (f"Giáo hạt A gồm {len(names) + 1} giáo xứ và 1 giáo họ độc lập.\n\n"
             "**Giáo xứ Chính tòa (sở hạt)**- " + bullets[2:] + "- Giáo họ độc lập Ngũ Đông\n")
    (g,) = _rule(glued, "noun-bullets")
    assert (g.claim.denominator, g.status) == (len(names) + 1, "consistent")
    # bullets that do not name the noun, or are fewer: nothing said
    assert not _rule(text.replace("- Giáo xứ Lộc", "- Lộc"), "noun-bullets")
    assert not _rule(text.replace(f"gồm {len(names)}", f"gồm {len(names) + 1}"), "noun-bullets")


@pytest.mark.parametrize("amounts", [["200.000 đồng", "300.000 đồng", "450.000 đồng", "600.000 đồng"], ["5%", "10%", "15%"]])
def test_a_count_of_amounts_listed(amounts):
    from parstats.audit.words import COUNT_WORDS
    word = next(w for w, v in COUNT_WORDS.items() if v == len(amounts) and w.islower())
    text = f"Vé có {word} mệnh giá là {', '.join(amounts[:-1])} và {amounts[-1]}, được bán online."
    (f,) = [f for f in audit_text(text).findings if f.claim.kind == "sum"]
    assert (f.claim.denominator, len(f.claim.parts), f.status) == (len(amounts), len(amounts), "consistent")
    # amounts of two units are not one list
    mixed = text.replace(amounts[-1], "15 ngày")
    assert not [f for f in audit_text(mixed).findings if f.claim.kind == "sum" and "amounts" in str(basis(f.claim))]


def test_a_count_of_parts_before_a_colon_is_a_list():
    (f,) = [f for f in audit_text("Tháp dân số chia thành hai phần: Nam (màu xanh) và Nữ (màu hồng).").findings
            if f.claim.kind == "sum"]
    assert (f.claim.denominator, f.status) == (2, "consistent")
    # "hai phần ba" is a fraction, not a count of parts
    assert not [f for f in audit_text("Có hai phần ba số hộ là A, B và C.").findings if f.claim.kind == "sum"]


def test_a_count_of_names_joined_by_dashes():
    for text, n in (("Quan hệ giữa hai nước Việt Nam – Phần Lan ngày càng tốt.", 2),
                    ("Hợp tác giữa 3 nước Thái Lan - Lào - Campuchia được đẩy mạnh.", 3)):
        (f,) = [f for f in audit_text(text).findings if f.claim.kind == "sum"]
        assert (f.claim.denominator, f.status) == (n, "consistent")
    # the two ends of one route are not two flights
    assert not [f for f in audit_text("Hãng mở thêm hai chuyến TP.HCM - Vinh mỗi ngày.").findings
                if f.claim.kind == "sum"]


def test_a_count_whose_noun_stands_in_quotes():
    names = ["Hồng Kông", "Singapore", "Hàn Quốc", "Đài Loan"]
    text = f'Sự phát triển của bốn "con rồng" Châu Á ({", ".join(names[:-1])}, và {names[-1]}) cho thấy điều đó.'
    (f,) = [f for f in audit_text(text).findings if f.claim.kind == "sum"]
    assert (f.claim.denominator, len(f.claim.parts), f.status) == (4, len(names), "consistent")
    (g,) = [f for f in audit_text('Có ba “ông lớn” là Vingroup, Masan và FPT.').findings if f.claim.kind == "sum"]
    assert g.status == "consistent" and len(g.claim.parts) == 3


def test_a_count_of_parts_in_digits_before_a_colon():
    text = "Kế hoạch thu của đơn vị gồm 2 phần: phần thu của các đơn vị và phần thu của bộ phận hạch toán."
    (f,) = [f for f in audit_text(text).findings if f.claim.kind == "sum"]
    assert (f.claim.denominator, len(f.claim.parts), f.status) == (2, 2, "consistent")
    # "phần trăm" after a number is a percentage, no count of parts
    from parstats.audit.wordreaders import unit_after
    assert unit_after("tăng 50 phần trăm so với năm trước", 7) == (None, None)
    assert unit_after(text, text.index("2 phần") + 1)[0] == "phần"


@pytest.mark.parametrize("names,n,status", [
    ("Thượng Hải với trên 27 triệu dân và Bắc Kinh trên 20 triệu dân", "2", "consistent"),
    ("Hà Nội, Huế và Đà Nẵng", "2", "unverifiable")])
def test_a_count_after_đây_là_points_back_at_the_names_before(names, n, status):
    text = f"Quốc gia có 41 thành phố lớn, trong đó có {names}. Đây là {n} thành phố đông dân nhất."
    (f,) = _rule(text, "anaphor-count")
    assert f.status == status and f.claim.reported == n
    assert not _rule(f"Công ty A và công ty B công bố khảo sát. Đây là năm thứ 5 liên tiếp.", "anaphor-count")


def test_clauses_after_a_colon_with_asides_in_parentheses():
    text = ("Nó là sự tổng hợp của ba yếu tố khác nhau: thành phần khí quyển (đặc biệt là tỷ lệ của CO2 và "
            "mêtan), những thay đổi của quỹ đạo Trái Đất được gọi là các chu kỳ Milankovitch (và có lẽ là "
            "quỹ đạo của Mặt Trời), và vị trí của các lục địa.")
    (f,) = [f for f in audit_text(text).findings if f.claim.kind == "sum"]
    assert (f.claim.denominator, len(f.claim.parts), f.status) == (3, 3, "consistent")
    # an item that holds a list of its own outside parentheses: nothing said
    nested = "Dự án có hai giai đoạn: giai đoạn đầu gồm A, B và giai đoạn sau."
    assert not [f for f in audit_text(nested).findings if f.claim.kind == "sum"]


def test_a_count_before_bullets_under_a_head_with_a_wiki_citation_after_its_colon():
    text = ("Năm 2005, ông được tặng Giải thưởng Hồ Chí Minh với 2 công trình:[8]\n\n"
            "- Bản đồ khoáng sản Việt Nam (xuất bản năm 1981)\n- Bản đồ địa chất Việt Nam (xuất bản năm 1988)\n")
    (f,) = _rule(text, "bulleted-list")
    assert (f.claim.denominator, len(f.claim.parts), f.status) == (2, 2, "consistent")
    # as many bullets as the count or nothing said (a paragraph inside an item may end the list)
    assert not _rule(text.replace("2 công trình", "3 công trình"), "bulleted-list")


@pytest.mark.parametrize("text,n", [
    ("Đối với hai loại dịch vụ (gồm dịch vụ spa và chăm sóc sức khỏe) không phải đăng ký.", 2),
    ("Cần xem xét kỹ ba khâu, gồm đăng ký kinh doanh, cấp phép hoạt động và hậu kiểm.", 3),
    ("Vụ việc xảy ra trong 2 đêm 18 và 19/10 tại quận 1.", 2)])
def test_items_opened_by_gồm_in_parentheses_or_after_a_comma_and_numbered_nights(text, n):
    (f,) = [f for f in audit_text(text).findings if f.claim.kind == "sum"]
    assert (f.claim.denominator, len(f.claim.parts), f.status) == (n, n, "consistent")


def test_a_count_a_few_words_and_the_names_before_a_verb():
    names = ["Vũ Thanh Long", "Mai Nguyễn Đình Huy", "Nguyễn Hoài Nam"]
    text = (f"Sau vòng tìm kiếm, {len(names)} ứng cử viên xuất sắc nhất {', '.join(names[:-1])} và {names[-1]} "
            "đã có mặt tại đêm gala.")
    (f,) = [f for f in audit_text(text).findings if f.claim.kind == "sum"]
    assert (f.claim.denominator, len(f.claim.parts), f.status) == (3, 3, "consistent")


def test_a_count_of_matches_and_their_scores_after_lần_lượt_là():
    scores = ["0-2 (vòng bảng 2000)", "2-4 (tranh HC đồng 2000)", "0-6 (vòng bảng 2010)", "0-7 (vòng bảng 2016)"]
    text = f"Trước đó, Việt Nam toàn thua năm trận, lần lượt là {', '.join(scores)} và 0-4 (vòng bảng 2023)."
    (f,) = [f for f in audit_text(text).findings if f.claim.kind == "sum"]
    assert (f.claim.reported, len(f.claim.parts), f.status) == ("năm", len(scores) + 1, "consistent")
    # "năm" before a word of years is no count
    assert not [f for f in audit_text("Trong năm nay, lần lượt là A, B và C.").findings if f.claim.kind == "sum"]


def test_names_with_lower_case_words_after_là():
    (f,) = [f for f in audit_text("Triều đình chia 5 phủ là Trung quân phủ, Đông quân phủ, Tây quân phủ, "
                                  "Nam quân phủ và Bắc quân phủ.").findings if f.claim.kind == "sum"]
    assert (f.claim.denominator, len(f.claim.parts), f.status) == (5, 5, "consistent")
    # names cut before a capital are not the list: nothing said
    cut = "Có 2 chức vụ gần giống nhau là Bộ trưởng, Tổng Thư ký Hội đồng và Chủ nhiệm Văn phòng."
    assert all(f.status != "inconsistent" and "before a list of 2 names" not in (basis(f.claim) or "")
               for f in audit_text(cut).findings if f.claim.kind == "sum")


def test_a_day_and_month_joined_by_a_dash_after_ngày():
    found = [f for f in audit_text("Đoàn làm việc từ ngày 20-10 đến 31-11 tại Hà Nội.").findings if f.claim.kind == "date"]
    assert [(f.claim.reported, f.status) for f in found] == [("20-10", "consistent"), ("31-11", "inconsistent")]
    # a full date, a dose "ngày 2-3 lần", a month beyond 12: no day-and-month claim of two numbers
    for text in ("Ngày 20-10-2013, đoàn họp.", "Uống ngày 2-3 lần sau ăn.", "Mỗi ngày 15-20 phút."):
        assert all(len(f.claim.reported.split("-")) != 2 for f in audit_text(text).findings if f.claim.kind == "date")


@pytest.mark.parametrize("text,n", [
    ("Hải Phòng tấn công dựa vào bộ ba Phi Sơn, Quang Nam và Ariel trong hiệp một.", "ba"),
    ("Đội có bộ ba Lữ Thị Phương (19 điểm), Vi Thị Như Quỳnh (18) và Trần Thị Thanh Thúy (14) ghi điểm.", "ba"),
    ("Bộ đôi Quang Hải và Tiến Linh tỏa sáng.", "đôi")])
def test_a_pair_or_trio_and_its_names(text, n):
    (f,) = _rule(text, "all-of-names")
    assert (f.claim.reported, f.status) == (n, "consistent")
    assert not _rule(text.replace("bộ ba", "bộ tứ").replace("Bộ đôi", "Bộ ba"), "all-of-names")


def test_misreadings_found_reading_flags_on_unlabelled_crawl_texts():
    """Four classes of false flags read on a fresh draw of 3,000 crawl texts (tnt305/tai_lieu_noi_bo):
    an impossible date given as an example, a date whose last separator was mistyped as "=",
    a list that a note says names only some, items of another kind closing a list."""
    (d,) = [f for f in audit_text("- Ngày không thể xuất hiện (ví dụ, 29 tháng 2 năm 2011)").findings
            if f.claim.kind == "date"]
    assert d.status == "unverifiable" and "example" in d.diagnosis
    (real,) = [f for f in audit_text("Sư đoàn 315 (29 tháng 2 năm 1979) được thành lập.").findings
               if f.claim.kind == "date"]
    assert real.status == "inconsistent"
    assert not _rule("Trung Thành (14-06=2011). Bản sao đã lưu trữ.", "worked-calculation")
    names = ["Giao Chỉ", "Vũ Bình", "Cửu Chân", "Cửu Đức", "Nhật Nam", "Nghĩa Xương", "Tống Bình"]
    listed = f"Nhà Lưu Tống chia ra {len(names) + 1} quận, bao gồm: {', '.join(names)}"
    assert [f.status for f in _rule(listed + ".", "counted-list")] == ["inconsistent"]
    admitted = listed + f" (Tống thư chỉ liệt kê tên gọi của {len(names)} quận)."
    assert [f.status for f in _rule(admitted, "counted-list")] == ["unverifiable"]
    provinces = ["Cao Bằng", "Bắc Kạn", "Lạng Sơn", "Thái Nguyên", "Hà Giang"]
    zone = f"Liên khu gồm {len(provinces)} tỉnh: {', '.join(provinces)}, Đặc khu Hồng Gai và huyện Mai Đà của tỉnh Hòa Bình."
    assert [(f.status, len(f.claim.parts)) for f in _rule(zone, "counted-list")] == [("consistent", len(provinces))]


def test_a_count_of_one_before_a_colon_and_one_name():
    (f,) = [f for f in audit_text("Vùng có 1 đô thị loại đặc biệt: thành phố Hà Nội.").findings if f.claim.kind == "sum"]
    assert (f.claim.denominator, f.status) == (1, "consistent")
    # one thing counted without a colon, or two names after it: nothing said
    assert not [f for f in audit_text("Có 1 người đến. Có 1 thành phố: Hà Nội và Hải Phòng.").findings
                if f.claim.kind == "sum"]


def test_the_item_joined_by_va_is_the_last():
    names = ["Kim Sơn", "Thanh Vị", "Cảnh Thuần", "Quang Minh"]
    text = f"Lập ra phủ Trấn Ninh, quản lãnh {len(names)} huyện: {', '.join(names[:-1])} và {names[-1]}, cho họ Cầm nối đời làm tù trưởng."
    found = [f for f in audit_text(text).findings if f.claim.kind == "sum"]
    assert [(f.claim.denominator, len(f.claim.parts), f.status) for f in found] == [(len(names), len(names), "consistent")]


def _gdp(region: str, world: str, share: str, amount: str | None = None) -> str:
    said = f"GDP toàn khu vực là {amount} tỉ USD, " if amount else "GDP của khu vực "
    return (f"- Năm 2020, {said}chiếm {share}% GDP toàn cầu.\n\n"
            "BẢNG 16.1. QUY MÔ GDP CỦA KHU VỰC TÂY NAM Á VÀ THẾ GIỚI\n(Đơn vị: tỉ USD)\n\n"
            f"Năm | 2015 | 2020\n--- | --- | ---\nTây Nam Á | 3 417,9 | {region}\nThế giới | 75 179,2 | {world}\n")


def test_a_share_in_prose_of_figures_a_table_gives():
    region, world = Decimal("3184.2"), Decimal("84906.8")
    right = _pct(region, world, 1)
    wrong = format_number(Decimal(right.replace(",", ".")) - Decimal("0.1"), 1)
    cell = lambda v: format_number(v, 1).replace(".", " ")  # noqa: E731  (textbook thousands)
    # the amount in the sentence, the whole in the year's column of the row "Thế giới": strong
    (f,) = _rule(_gdp(cell(region), cell(world), right, cell(region)), "table-backed-share")
    assert f.status == "consistent" and not f.claim.detail.get("weak")
    (g,) = _rule(_gdp(cell(region), cell(world), wrong, cell(region)), "table-backed-share")
    assert g.status == "inconsistent" and g.recomputed == right + "%"
    # no amount and no row named: a row that fits is consistent (weak); none fitting: nothing said
    (h,) = _rule(_gdp(cell(region), cell(world), right), "table-backed-share")
    assert h.status == "consistent" and h.claim.detail.get("weak")
    # an amount of another scale than the table's ("USD" under "tỉ USD"): never the strong tie
    other = _gdp(cell(region), cell(world), wrong, cell(region)).replace(f"{cell(region)} tỉ USD,", f"{cell(region)} USD,")
    assert all(f.claim.detail.get("weak") or f.status != "inconsistent" for f in _rule(other, "table-backed-share"))
    assert not _rule(_gdp(cell(region), cell(world), wrong), "table-backed-share")


def test_a_share_of_a_total_the_table_gives_in_the_row_it_names():
    part, herd = Decimal("373.3"), Decimal("1213.3")
    cell = lambda v: format_number(v, 1).replace(".", " ")  # noqa: E731  (textbook thousands)
    table = ("| Năm | 2015 | 2021 |\n|------|------|------|\n| Trâu | 1 467,5 | 1 245,3 |\n"
             f"| Bò | 989,4 | {cell(herd)} |\n\n(Nguồn: Tổng cục Thống kê)\n\n")
    text = table + (f"- Sơn La có số lượng bò lớn nhất vùng với {format_number(part, 1)} nghìn con, chiếm "
                    f"{_pct(part, herd, 1)}% tổng đàn bò của cả vùng (năm 2021).")
    (f,) = _rule(text, "table-backed-share")
    assert f.status == "consistent" and f.claim.detail.get("weak") and "the row 'Bò', column '2021'" in basis(f.claim)
    # a share the row does not fit: nothing said (the total may be another one)
    off = text.replace(f"{_pct(part, herd, 1)}% tổng", "35,0% tổng")
    assert not _rule(off, "table-backed-share")


def test_rows_of_a_flattened_price_table_and_their_difference():
    rows = [("Xăng RON 92", 23_880, 24_084), ("Dầu Diêzen", 22_310, 22_902), ("Dầu hỏa", 22_020, 22_934),
            ("Dầu madut", 18_510, 18_778)]
    body = " ".join(f"{n} {format_number(a)} {format_number(b)} - {format_number(b - a)}" for n, a, b in rows)
    text = ("Chênh lệch giữa giá bán hiện hành và giá cơ sở như sau: Mặt hàng Giá bán hiện hành (1) Giá cơ sở (2) "
            f"Mức chênh lệch {body} Theo bảng trên, giá bán thấp hơn.")
    found = _rule(text, "table-difference-column")
    assert [f.status for f in found] == ["consistent"] * len(rows)
    wrong = _rule(text.replace(f"- {format_number(rows[1][2] - rows[1][1])}", "- 600"), "table-difference-column")
    assert [f.status for f in wrong] == ["consistent", "inconsistent", "consistent", "consistent"]


def test_a_row_of_ratios_in_a_flattened_table():
    revenue, gross = [("382.17", "416.32"), ("131.4", "153.24")], [("138.35", "147.31"), ("48.63", "53.92")]
    margins = [_pct(Decimal(g), Decimal(r), 0) for gs, rs in zip(gross, revenue) for g, r in zip(gs, rs)]
    row = lambda label, pairs: label + " " + " ".join(f"{a} {b} -8%" for a, b in pairs)  # noqa: E731
    text = (f"Kết quả kinh doanh Chỉ tiêu 9T/2013 9T/2012 Q3/2013 Q3/2012 {row('Doanh thu thuần', revenue)} "
            f"{row('Lãi gộp', gross)} Biên lãi gộp {margins[0]}% {margins[1]}% 2% {margins[2]}% {margins[3]}% "
            "Lợi nhuận sau thuế 59.69 72.27 -17% 20.89 25.47 -18% Giải trình nguyên nhân.")
    found = _rule(text, "flattened-ratio-row")
    assert [(f.claim.reported, f.status) for f in found] == [(m + "%", "consistent") for m in margins]
    # a margin that fits no column is left as it is (not flagged)
    off = text.replace(f" {margins[2]}% ", f" {int(margins[2]) + 5}% ", 1)
    assert [f.status for f in _rule(off, "flattened-ratio-row")] == ["consistent"] * 3


@pytest.mark.parametrize("word,whole", [("tám", 35), ("ba", 12)])
def test_a_share_of_a_count_written_in_words(word, whole):
    from parstats.audit.words import COUNT_WORDS
    n = COUNT_WORDS[word]
    text = (f"Giải đã trải qua 18 mùa với tổng cộng {whole} đội bóng khác nhau. Nhưng đến nay, chỉ {word} "
            f"đội từng vô địch (tỷ lệ là {_pct(n, whole, 0)}%).")
    f, _ = _both_ways(text, "word-count-share", f"{_pct(n, whole, 0)}%", f"{_pct(n + 1, whole, 0)}%")
    assert (f.claim.numerator, f.claim.denominator) == (n, whole)
    # a whole of another noun: no tie; a rate of each thing counted ("có tỷ lệ thắng"): no tie
    assert not _rule(text.replace("đội bóng khác", "cầu thủ khác"), "word-count-share")
    assert not _rule(text.replace("từng vô địch (tỷ lệ là", "có tỷ lệ thắng").replace("%).", "%."), "word-count-share")


def test_a_score_against_the_scorer_line():
    home = ["Siladi 7'", "Xuân Tú 32'", "Tuấn Hải 83'"]
    away = ["Mạnh Cường 24' (pen)"]
    text = (f"Cầu thủ Hà Nội mừng bàn thứ hai trong trận thắng Sài Gòn FC {len(home)}-{len(away)} trên sân Hàng "
            f"Đẫy. *Ghi bàn: {', '.join(home)} - {', '.join(away)}. Hà Nội FC được đánh giá cao hơn.")
    found = _rule(text, "scorer-line")
    assert [(f.claim.reported, f.status) for f in found] == [(str(len(home)), "consistent"), (str(len(away)), "consistent")]
    # another score, or a past match's with the same goals: nothing said
    assert not _rule(text.replace(f"{len(home)}-{len(away)}", f"{len(home) + 1}-{len(away)}"), "scorer-line")
    assert not _rule(text.replace("trong trận thắng", "từng thắng"), "scorer-line")
    # two goals of one player and an own goal in parentheses count one each
    text2 = ("HAGL thắng Khánh Hoà 4-1. Ghi bàn: Minh Vương 27’, 70’, Đình Khương (đá phản 29’), Văn Toàn 75’ – "
             "Chaher 64’. Trước vòng 26, Khánh Hoà có 25 điểm.")
    assert [f.claim.reported for f in _rule(text2, "scorer-line")] == ["4", "1"]


def test_a_count_with_its_share_before_its_noun():
    counts = [1, 1, 16, 2, 14]
    whole = sum(counts)
    parts = ", ".join(f"{n} ({_pct(n, whole, 2)}%) Bí thư là {role}" for n, role in
                      zip(counts, ["Ủy viên Bộ Chính trị", "Bí thư Trung ương", "Ủy viên Trung ương",
                                   "Ủy viên dự khuyết", "chưa tham gia Trung ương"]))
    text = f"- Về vị trí trong Trung ương Đảng, có {parts}."
    found = [f for f in audit_text(text).findings if f.claim.kind == "ratio"]
    assert [(f.claim.numerator, f.claim.denominator, f.status) for f in found] == [(n, whole, "consistent") for n in counts]


@pytest.mark.parametrize("before,cut", [(60, 12), (45, 9)])
def test_a_time_limit_cut_by_a_part_of_it(before, cut):
    text = f"Thời hạn giải quyết tối đa là {before - cut} ngày *(cắt giảm {cut:02d}/{before} ngày, tương ứng 20%)."
    f, g = _both_ways(text, "cut-of", f"là {before - cut} ngày", f"là {before - cut - 10} ngày")
    assert f.claim.denominator == before - cut and g.recomputed == str(before - cut)


@pytest.mark.parametrize("rule,x,y,decimals,text", [
    ("of-whole", 14, 20, 0, "Theo quy định, 14 trong 20 đội đồng ý, tức {p}%."),  # "tức" a share's cue
    # a whole first with a long noun phrase
    ("whole-first", 55, 62, 1, "Trong tổng số 62 trọng tài và trợ lý trọng tài tham gia kiểm tra thể lực hôm nay, "
                               "có 55 người vượt qua các bài kiểm tra, đạt tỷ lệ {p}%."),
    ("of-whole", 28, 47, 1, "Anh là cầu thủ Brazil thứ 28 trong 47 ngoại binh, tương đương {p}%."),  # the 28th of 47
])
def test_a_share_tied_to_its_count_and_whole(rule, x, y, decimals, text):
    (f,) = _rule(text.format(p=_pct(x, y, decimals)), rule)
    assert (f.claim.numerator, f.claim.denominator, f.status) == (x, y, "consistent")


def test_an_ordinal_is_a_count_only_with_the_share_it_gives():
    # a share the ordinal does not give: no tie (a rank is no count); a rank "trên" a whole: no tie
    text = "Anh là cầu thủ Brazil thứ 28 trong 47 ngoại binh, tương đương {p}%."
    assert not _rule(text.format(p=_pct(29, 47, 1)), "of-whole")
    assert not _rule("Việt Nam xếp thứ 7 trên 30 nước, đạt 23%.", "of-whole")


def test_a_head_with_its_share_before_trong_do():
    parts = [59, 102, 70]
    text = (f"Đoàn giành {sum(parts)} huy chương (93,9%), trong đó có {parts[0]} huy chương vàng, "
            f"{parts[1]} huy chương bạc và {parts[2]} huy chương đồng.")
    (f,) = [g for g in audit_text(text).findings if g.claim.kind == "sum"]
    assert (f.claim.denominator, list(f.claim.parts), f.status) == (sum(parts), parts, "consistent")


def test_a_record_in_the_sentence_next_to_its_matches():
    w, d, l = 97, 28, 16
    text = (f"Đến nay, họ đã chơi {w + d + l} trận trên sân nhà ở V-League. Trong đó, đội bóng thắng {w}, "
            f"hòa {d} và thua {l} trận. Tỷ lệ thắng của họ đạt {_pct(w, w + d + l, 0)}%.")
    found = _rule(text, "match-record")
    assert [(f.claim.denominator, f.status) for f in found] == [(w + d + l, "consistent")]
    back = "Họ thắng 27, hòa sáu trận trên sân nhà. Họ chỉ thủng lưới 30 bàn trong 33 trận này."
    assert [(f.claim.denominator, f.status) for f in _rule(back, "match-record")] == [(33, "consistent")]
    # not opened by "Trong đó": the record may be of other matches
    assert not _rule(text.replace("Trong đó, đội", "Mùa trước, đội"), "match-record")


def test_a_share_and_its_parts_in_parentheses_then_the_rest():
    parts = ["5", "3", "20"]
    head = str(sum(int(v) for v in parts))
    text = (f"a) Ủy ban nhân dân cấp xã giữ lại tối đa không quá {head}% số thu trên địa bàn để hỗ trợ chi thù "
            f"lao cho lực lượng trực tiếp thu (không quá {parts[0]}%); chi phí hành chính (không quá {parts[1]}%) và "
            f"chi thực hiện các nhiệm vụ tại cấp xã (không quá {parts[2]}%). Số tiền thu quỹ còn lại (tối thiểu "
            f"{100 - int(head)}% số thu trên địa bàn) nộp vào tài khoản quỹ ở cấp huyện.")
    (f,) = _rule(text, "share-paren-parts")
    assert (f.claim.reported, f.status) == (head + "%", "consistent")
    (g,) = _rule(text, "same-whole-breakdown")
    assert g.status == "consistent"
    # parts that do not add up: no claim
    assert not _rule(text.replace(f"(không quá {parts[2]}%)", "(không quá 21%)"), "share-paren-parts")


# ------------------------------------------------------------------ more shapes of one class each

def test_a_change_with_its_percentage_in_parentheses_after_the_new_value():
    old, amount = Decimal("494.77"), Decimal("1.56")
    new = old - amount
    pct = (amount / old * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"VN-Index giảm {format_number(amount, 2)} điểm xuống còn {format_number(new, 2)} điểm (-{format_number(pct, 2)}%)."
    (f,) = _rule(text, "change-amount-percent")
    assert f.status == "consistent"


def test_the_rest_named_before_its_share():
    (f,) = _rule("Sản lượng xuất khẩu chiếm 95%, còn lại, 5% là đáp ứng cho nhu cầu trong nước.", "remainder-share")
    assert f.status == "consistent" and len(f.claim.parts) == 2


def test_a_share_with_its_labelled_counts_in_parentheses():
    total, yes = 494, 478
    text = (f"Tỉ lệ tán thành là {_pct(yes, total, 2)}% (tổng số đại biểu: {total}, tán thành: {yes}, "
            f"không tán thành: 3).")
    f, _ = _both_ways(text, "labelled-counts", f"tán thành: {yes}", f"tán thành: {yes - 5}")
    assert (f.claim.numerator, f.claim.denominator) == (yes, total)


def test_shares_each_of_its_own_place_are_not_a_breakdown():
    """The home report's «60% hồ sơ … tại cơ quan chuyên môn cấp huyện, 40% hồ sơ … tại Ủy ban
    nhân dân cấp xã»: two rates of two wholes that happen to add to 100 %."""
    from parstats.paths import RAW_DIR
    text = next(RAW_DIR.glob("*.md")).read_text(encoding="utf-8")
    line = next(t for t in text.splitlines() if "40% hồ sơ" in t)
    assert not _rule(line, "sentence-breakdown")
    assert not _rule("Đến nay, 60% hồ sơ công việc tại cơ quan cấp huyện, 40% hồ sơ công việc tại Ủy ban cấp xã "
                     "được xử lý trên môi trường mạng.", "sentence-breakdown")


# ------------------------------------------------------------------ records and totals after parts

@pytest.mark.parametrize("w,d,l", [(6, 2, 2), (3, 0, 2)])
def test_wins_draws_and_losses_add_to_the_matches(w, d, l):
    parts = [f"thắng {w}"] + ([f"hòa {d}"] if d else []) + [f"thua {l}"]
    text = f"Sau {w + d + l} trận, đội bóng " + ", ".join(parts[:-1]) + f" và {parts[-1]}."
    (f,) = _rule(text, "match-record")
    assert f.status == "consistent" and sum(f.claim.parts) == w + d + l
    # three results right after the matches that do not add up: flagged; with words that may make
    # them of part of the matches between ("trên sân nhà"), never
    (g,) = _rule(f"Sau {w + d + l + 1} trận, đội bóng thắng {w}, hòa {d} và thua {l}.", "match-record")
    assert g.status == "inconsistent"
    (h,) = _rule(f"Sau {w + d + l + 1} trận, trên sân nhà đội bóng thắng {w}, hòa {d} và thua {l}.", "match-record")
    assert h.status == "unverifiable"


def test_a_total_stated_after_its_parts():
    parts = (136, 105, 114)
    text = (f"Đoàn giành {parts[0]} huy chương vàng, {parts[1]} huy chương bạc và {parts[2]} huy chương đồng, "
            f"tổng cộng {sum(parts)} huy chương.")
    (f,) = _rule(text, "total-after")
    assert f.status == "consistent" and f.claim.parts == parts
    (g,) = _rule(text.replace(f"tổng cộng {sum(parts)}", f"tổng cộng {sum(parts) + 10}"), "total-after")
    assert g.status == "inconsistent" and g.recomputed == str(sum(parts))


def test_names_then_their_count():
    names = ["Lào", "Malaysia", "Campuchia", "Thái Lan"]
    text = f"Đội tuyển sẽ gặp {', '.join(names[:-1])} và {names[-1]}, bốn đối thủ cùng bảng."
    (f,) = _rule(text, "names-then-count")
    assert f.status == "consistent" and len(f.claim.parts) == len(names)
    assert not _rule(text.replace("bốn", "năm"), "names-then-count")


def test_a_total_column_and_its_parts_row_by_row():
    rows = [("Xã A", 600, 650), ("Xã B", 500, 480), ("Xã C", 560, 545), ("Xã D", 350, 350)]
    def table(rows, off=None):
        body = "".join(f"| {k + 1} | {n} | {format_number(a + b + (5 if k == off else 0))} | {a} | {b} |\n"
                       for k, (n, a, b) in enumerate(rows))
        return "| STT | Đơn vị | Tổng số | Nam | Nữ |\n|---|---|---|---|---|\n" + body
    assert [f.status for f in _rule(table(rows), "table-total-column")] == ["consistent"] * len(rows)
    statuses = [f.status for f in _rule(table(rows, off=2), "table-total-column")]
    assert statuses == ["consistent", "consistent", "inconsistent", "consistent"]


def test_a_direction_word_against_two_values_with_their_years():
    (f,) = _rule("- Nông nghiệp: giảm từ 4,8% (2000) xuống 6,9% (2021)", "change-direction")
    assert f.status == "inconsistent"
    assert not _rule("- Nông nghiệp: giảm từ 6,9% (2000) xuống 4,8% (2021)", "change-direction")


def test_a_count_and_names_later_in_its_clause():
    (f,) = [g for g in audit_text("Đài có 5 đài truyền hình đặt ở Sài Gòn, Huế, Quy Nhơn, Nha Trang và Cần Thơ.").findings
            if g.claim.kind == "sum"]
    assert f.status == "consistent" and len(f.claim.parts) == 5
    # names after "cùng với", "của": a companion or an owner, not the items
    for text in ("Ông là một trong 5 nhân vật quan trọng nhất, cùng với Mao Trạch Đông, Lưu Thiếu Kỳ, Chu Ân Lai và Chu Đức.",
                 "Đây là 2 vị vua chính thống của nhà Trần và nước Đại Việt."):
        assert not [g for g in audit_text(text).findings if g.claim.kind == "sum"]


@pytest.mark.parametrize("text", [
    "Nếu cần, hai bên, gia hạn hoặc điều chỉnh khoản nợ.",
    "Hội họa chia làm ba giai đoạn: giai đoạn đầu bao gồm Cimabue, Giotto, và Arnolfo di Cambio.",
    "Nhiều người cho rằng hai chữ \"quốc gia\" trong cuộc thi Hoa hậu Quốc gia Việt Nam là thừa, không cần thiết.",
])
def test_plain_words_that_are_not_the_items_of_a_count(text):
    """A comma after the count, an item holding its own list, a subject of names and quotes
    before 'là': no counted list."""
    assert not [g for g in audit_text(text).findings if g.claim.kind == "sum"]


def test_shares_that_fit_one_whole_stated_in_the_passage():
    whole = 34
    counts = (20, 19, 8)
    text = (f"- Về độ tuổi, tuổi trung bình của {whole} Bí thư là 54 tuổi.\n"
            "- Về trình độ học vấn, " + ", ".join(f"nhóm {k} có {n} người ({_pct(n, whole, 2)}%)"
                                               for k, n in enumerate(counts, start=1)) + ".\n")
    found = _rule(text, "stated-shared-whole")
    assert [(f.claim.numerator, f.claim.denominator, f.status) for f in found] == [(n, whole, "consistent") for n in counts]
    # two shares are not enough to tie a passage to a number it states
    two = text.replace(f", nhóm 3 có {counts[2]} người ({_pct(counts[2], whole, 2)}%)", "")
    assert not _rule(two, "stated-shared-whole")


def test_the_gap_between_a_buying_and_a_selling_price():
    buy, sell = Decimal("37.21"), Decimal("37.27")
    gap = int((sell - buy) * 1_000_000)
    text = (f"Vàng SJC có giá bán ra là {format_number(sell, 2)} triệu đồng/lượng, giá mua vào là "
            f"{format_number(buy, 2)} triệu đồng/lượng. Khoảng chênh giá bán - mua là {format_number(gap)} đồng/lượng.")
    (f,) = _rule(text, "price-gap")
    assert (f.status, f.recomputed) == ("consistent", format_number(gap))
    (g,) = _rule(text.replace(format_number(gap) + " đồng", format_number(gap + 40_000) + " đồng"), "price-gap")
    assert g.status == "unverifiable"  # a text may quote several prices: never flagged


@pytest.mark.parametrize("said", [
    "{b} - {s} triệu đồng/lượng (mua vào – bán ra)",
    "{s} - {b} triệu đồng/lượng (bán ra - mua vào)",
    "{b} triệu đồng/lượng và {s} triệu đồng/lượng, tương ứng giá mua và giá bán"])
def test_the_gap_between_prices_said_together(said):
    buy, sell = Decimal("37.36"), Decimal("37.42")
    gap = int((sell - buy) * 1_000_000)
    pair = said.format(b=format_number(buy, 2), s=format_number(sell, 2))
    text = (f"Công ty niêm yết giá vàng {pair}. Đầu giờ sáng, giá vàng SJC đã tăng. Chênh lệch giữa giá mua "
            f"và bán vàng trên thị trường sáng nay chỉ còn {format_number(gap)} đồng/lượng.")
    (f,) = _rule(text, "price-gap")
    assert (f.status, f.recomputed) == ("consistent", format_number(gap))
    assert (f"{format_number(buy, 2)} triệu đồng and the selling price {format_number(sell, 2)} triệu đồng"
            in basis(f.claim))


def test_a_whole_after_the_share_and_bare_counts_after_a_result_verb():
    x, y = 16, 37
    text = f"Có {x} cầu thủ được gọi, chiếm tỷ lệ đến {_pct(x, y, 0)}% trong tổng số {y} người."
    (f,) = [g for g in audit_text(text).findings if g.claim.kind == "ratio"]
    assert (f.claim.numerator, f.claim.denominator, f.status) == (x, y, "consistent")
    w, n = 20, 26
    (g,) = _rule(f"Mùa 2018, đội thắng {w} trong {n}, đạt {_pct(w, n, 0)}%.", "of-whole")
    assert g.status == "consistent"
    (h,) = _rule(f"Mùa 2018, đội thắng {w} trong {n}, đạt {_pct(w - 2, n, 0)}%.", "of-whole")
    assert h.status == "inconsistent"
    # bare numbers without a result verb before them: no tie
    assert not _rule(f"Điểm số {w} trong {n}, đạt {_pct(w, n, 0)}%.", "of-whole")


# ------------------------------------------------------------------ every new rule speaks Vietnamese

_ENGLISH_WORDS = {"the", "of", "is", "which", "before", "after", "count", "names", "items", "column", "row",
                  "calculation", "share", "shares", "stated", "line", "gives", "not", "rows", "may"}
#: one text per rule of this file, some with a slip (for the diagnoses)
_EXAMPLES = [
    ("| Chỉ tiêu | Năm | 2000 | 2010 |\n|---|---|---|---|\n| GDP (tỉ USD) | | 259,7 | 1 479,8 |\n"
     "| Cơ cấu GDP (%) | Nông nghiệp | 5,8 | 3,3 |\n| | Công nghiệp | 33,9 | 30,0 |\n| | Dịch vụ | 60,3 | 66,7 |\n"),
    ("Năm 2010, tổng GDP đạt 943,5 tỉ NDT. Trong đó, khu vực một đạt 106,04 tỉ NDT, chiếm tỷ trọng 16,4%; khu vực hai "
     "đạt 341,49 tỉ NDT, chiếm tỷ trọng 52,7%; khu vực ba đạt 200,5 tỉ NDT, chiếm tỉ trọng 30,9%."),
    "Chỉ số đo biến động của 50 cổ phiếu, giảm 1,56 điểm. Trong đó có 12 mã tăng giá, 25 mã giảm và 13 mã đứng giá.",
    "Hai đội từng cách nhau 25 bậc trên bảng FIFA, khi Thái Lan đứng thứ 96 còn Việt Nam là 119.",
    "Đội đá sáu trận, trong đó có hòa Lào 1-1, thắng Myanmar 5-0, Singapore 2-0 và 3-1, Thái Lan 2-1 và 3-2.",
    "Trung Quốc và Ấn Độ đã ký thỏa thuận. Trong lịch sử, 2 nước đã có chiến tranh giữa Trung Quốc và Ấn Độ.",
    "Họ đã kiểm tra được 21 trong tổng số 23 địa điểm. Việc tiếp cận hai địa điểm còn lại quá nguy hiểm.",
    "Việt Nam đi từ hạng 98 lên hạng 94 (tăng 3 bậc).",
    "Vì vậy, hai đội nhập cuộc thận trọng. Diễn biến chính trận HAGL 1-1 Thanh Hóa.",
    "- Đồng: 1.000 tấn x 60% = 600 tấn.",
    "Tiền lương = 5 x 1.600.000 + 15 x 800.000 = 21.000.000 (đồng)",
    "Trợ cấp: 2.970.000 đồng x 10,5 năm x 1 tháng = 31.185.001 đồng.",
    "Nhìn chung, 3 giải pháp được sử dụng là dùng quỹ dự phòng, thu nợ bằng tiền và xử lý tài sản.",
    "Đài có 5 đài truyền hình đặt ở Sài Gòn, Huế, Quy Nhơn, Nha Trang và Cần Thơ.",
    "Tổng diện tích là 33,1 triệu ha, trong đó 84,5% là đất nông nghiệp, 11,9% là đất phi nông nghiệp và 3,6% là đất chưa sử dụng.",
    "Năm 2000:\n- Bra-xin: 28,6%\n- Các nước còn lại: 71,4%\n",
    "Tỉnh có 11 đơn vị hành chính cấp huyện, bao gồm 1 thành phố, 1 thị xã và 9 huyện.",
    "| Đơn vị | Tổng số hồ sơ | Đúng hạn | Tỷ lệ (%) |\n|---|---|---|---|\n| A | 120 | 118 | 98,33 |\n"
    "| B | 85 | 80 | 94,12 |\n| C | 240 | 236 | 98,30 |\n| D | 60 | 57 | 95,00 |\n| E | 50 | 40 | 80,00 |\n",
    "| STT | Đơn vị | Tổng số | Nam | Nữ |\n|---|---|---|---|---|\n| 1 | A | 1.250 | 600 | 650 |\n"
    "| 2 | B | 980 | 500 | 480 |\n| 3 | C | 1.100 | 560 | 545 |\n| 4 | D | 700 | 350 | 350 |\n",
    "Bảng 1. Cơ cấu dân số (Đơn vị: %)\n\nNhóm | 0-14 | 15-64 | 65+\n--- | --- | --- | ---\nNăm 2000 | 34,1 | 59,1 | 4,8\n"
    "Năm 2020 | 28,7 | 65,6 | 5,7\n",
    "Tổng số học sinh là 2.500 em, tăng 150 em so với năm học trước (2.350 em), tương ứng tăng 6,4%.",
    "Tỉ lệ tán thành là 96,76% (tổng số đại biểu: 494, tán thành: 478, không tán thành: 3).",
    "Sau 10 trận, đội bóng thắng 6, hòa 2 và thua 3.",
    "Đoàn giành 136 huy chương vàng, 105 huy chương bạc và 114 huy chương đồng, tổng cộng 365 huy chương.",
    "Đội tuyển sẽ gặp Lào, Malaysia, Campuchia và Thái Lan, bốn đối thủ cùng bảng.",
    "- Về độ tuổi, tuổi trung bình của 34 Bí thư là 54 tuổi.\n- Về học vấn, nhóm 1 có 20 người (58,82%), "
    "nhóm 2 có 19 người (55,88%), nhóm 3 có 8 người (23,53%).\n",
    "Giá bán ra là 37,27 triệu đồng/lượng, giá mua vào là 37,21 triệu đồng/lượng. Chênh lệch giá bán - mua là 70.000 đồng/lượng.",
    "Sản lượng xuất khẩu chiếm 95%, còn lại, 5% là đáp ứng cho nhu cầu trong nước.",
    "Mùa 2018, đội thắng 20 trong 26, đạt 71%.",
    "Có 113.436 người kê khai lần đầu, trên tổng số 115.883 người phải kê khai (đạt 97,9%).",
    "- Nông nghiệp: giảm từ 4,8% (2000) xuống 6,9% (2021)",
    "Chậm nhất đến ngày 31 tháng 6 năm sau phải nộp.",
    "Lượng khách quốc tế đạt 12,6 triệu lượt, tăng 5 lần so với năm 2022 (3,7 triệu lượt).",
    "Giá vàng tăng 300.000 đồng/lượng, từ 37,3 triệu đồng/lượng lên 37,5 triệu đồng/lượng.",
    "Diện tích là 5.876,2 km², trong đó đất nông nghiệp 4.012,5 km², đất ở 1.200,3 km² và đất khác 663,4 km².",
    "Thành phố được chia thành 10 quận và 2 huyện, với tổng cộng 12 đơn vị hành chính.",
    "Toàn huyện có 15/17 xã đạt chuẩn nông thôn mới, còn 3 xã chưa đạt.",
    "Năm 2022 doanh thu đạt 1.200 tỷ đồng, năm 2023 đạt 1.500 tỷ đồng, tăng 30%.",
    "Giá SJC là 37,4 triệu đồng/lượng. Giá thế giới là 34,2 triệu đồng/lượng, thấp hơn giá SJC 3,2 triệu đồng/lượng.",
    "Năm đầu:\n- Đợt 1: nộp 50% giá thu;\n- Đợt 2: nộp 50% giá thu.\n",
    "Tội này có 3 khung hình phạt, bao gồm:\n\n**Khung 1:** Phạt tù.\n\n**Khung 2:** Phạt tù.\n",
    "Thành lập xã B trên cơ sở:\n- Diện tích tự nhiên là 11,84 km2, quy mô dân số là 18.737 người của xã A;\n"
    "- Diện tích tự nhiên là 6,83 km2, quy mô dân số là 19.943 người của xã C.\n\n"
    "Xã B có diện tích tự nhiên là 18,67 km2, quy mô dân số là 38.690 người.\n",
    "Hà Tĩnh là đội bóng thứ 4 tại V-League, sau Hà Nội, Hải Phòng và Nam Định.",
    "Tổng vốn là 329,78 tỷ đồng. Trong đó:\n- Vốn tự có: 49,6 tỷ (chiếm 15,14%).\n- Vốn vay: 280,18 tỷ (chiếm 84,96%).\n",
    "Tổng vốn là 400,78 tỷ đồng. Trong đó:\n- Vốn tự có: 49,6 tỷ (chiếm 15,14%).\n- Vốn vay: 280,18 tỷ (chiếm 84,96%).\n",
    "Hà Nội và TP Hồ Chí Minh: Hai điểm sáng thu hút đầu tư.",
    "Chúng ta thắng 13 trận, hòa 3, thua 2, ghi 33 bàn (2,8 bàn/trận).",
    "Ngày 23 tháng 12 là ngày thứ 357 (358 trong năm nhuận) trong lịch Gregory. Còn 9 ngày trong năm.",
    "Quang Hải tập riêng, cùng tiền đạo Nguyễn Đình Bắc, hậu vệ Vũ Văn Thanh và Nguyễn Thành Chung. Ba cầu thủ đá trọn trận.",
    "Trích lại 90% số tiền phí thu được để chi. Nộp 10% số tiền phí thu được vào ngân sách.",
    "Hà Nội FC thắng 6, hòa 2 và thua 2, giành 21 điểm sau 10 vòng đấu.",
    "Huyện có 15 đơn vị hành chính cấp xã, bao gồm thị trấn Phú Phong (huyện lỵ) và 14 xã.",
    "Cần hai điều kiện. Một là, có vốn. Hai là, có người.",
    "Sách có hình 37 (trang 88), hình 46 (trang 110) và hình 52 (trang 120) nhưng không chú thích 3 hình ảnh đó.",
]


def test_the_new_rules_basis_and_diagnoses_are_vietnamese():
    """Each rule of this file explains itself to the reviewer in Vietnamese: its evidence and,
    when it says anything, its diagnosis (numbers kept)."""
    rules = set()
    for text in _EXAMPLES:
        for f in audit_text(text).findings:
            b = basis(f.claim)
            if b is None or f.claim.detail.get("rule") in (None, "as-written"):
                continue
            rules.add(f.claim.detail["rule"])
            vi = M.basis_text(b)
            words = set(re.findall(r"[a-z]+", re.sub(r"«[^»]*»|'[^']*'", "", vi)))
            assert vi != b and not words & _ENGLISH_WORDS, (b, vi)
            assert not M.untranslated(f.diagnosis), (f.diagnosis, M.untranslated(f.diagnosis))
    assert len(rules) >= 18, sorted(rules)


def test_items_after_a_colon_separated_by_semicolons_or_dashes():
    parts = ["phát triển năng lực thể chế", "xây dựng năng lực đổi mới sáng tạo",
             "hỗ trợ các sáng kiến, dự án của doanh nghiệp", "hợp tác Việt Nam - Phần Lan"]
    (f,) = [g for g in audit_text(f"Chương trình hỗ trợ hơn 60 dự án trong {len(parts)} hợp phần: {'; '.join(parts)}. "
                                  "Chương trình góp phần khơi dậy.").findings if g.claim.kind == "sum"]
    assert f.status == "consistent" and len(f.claim.parts) == len(parts)
    (g,) = [g for g in audit_text("Cần tăng cường mối liên kết giữa 3 nhà: nhà nghiên cứu – nhà doanh nghiệp – "
                                  "nhà quản lý; thúc đẩy sáng tạo.").findings if g.claim.kind == "sum"]
    assert g.status == "consistent" and g.claim.quote.endswith("nhà quản lý")


def test_counts_of_matches_people_goals_or_times_are_lists_only_when_as_many():
    (f,) = [g for g in audit_text("Đội có ba trận thắng trước Lào, Malaysia và Myanmar.").findings if g.claim.kind == "sum"]
    assert f.status == "consistent"
    # two names for three goals (one scored twice): never a flag
    assert not [g for g in audit_text("Đội ghi 3 bàn: Tiến Linh và Quang Hải.").findings if g.status == "inconsistent"]


def test_instalments_in_list_items_add_to_100():
    text = ("Năm đầu tiên nộp tiền thuê như sau:\n- Đợt 1: nộp 50% giá thu cố định chậm nhất vào ngày 15 tháng 1;\n"
            "- Đợt 2: nộp 50% giá thu cố định chậm nhất vào ngày 15 tháng 6.\n")
    (f,) = _rule(text, "item-breakdown")
    assert f.status == "consistent" and len(f.claim.parts) == 2
    # two rates of two things, neither instalments nor "the rest": no breakdown
    assert not _rule("Mức hỗ trợ:\n- Hỗ trợ 50% chi phí thuê đất;\n- Hỗ trợ 50% chi phí đào tạo.\n", "item-breakdown")


def test_a_difference_stated_against_two_amounts_before_it():
    sjc, world = Decimal("37.4"), Decimal("34.2")
    text = (f"Giá vàng SJC bán lẻ ở mức {format_number(sjc, 1)} triệu đồng/lượng. Giá vàng thế giới tương đương "
            f"{format_number(world, 1)} triệu đồng/lượng, thấp hơn giá vàng SJC bán lẻ {format_number(sjc - world, 1)} triệu đồng/lượng.")
    (f,) = _rule(text, "amount-difference")
    assert f.status == "consistent"
    # no pair of the amounts before it fits: nothing is said
    assert not _rule(text.replace(f"lẻ {format_number(sjc - world, 1)} triệu", "lẻ 2,9 triệu"), "amount-difference")


def test_a_calculation_with_rates_per_unit():
    rate, pct, hours = 20_000, 150, 2
    text = (f"Tiền lương làm thêm giờ = {format_number(rate)} đồng/giờ x {pct}% x {hours} giờ = "
            f"{format_number(rate * pct // 100 * hours)} đồng.")
    (f,) = _rule(text, "worked-calculation")
    assert f.status == "consistent"
    (g,) = _rule(f"Mức hưởng = 60% x 5.000.000 đồng = 3.000.000 đồng/tháng.", "worked-calculation")
    assert g.claim.kind == "ratio" and g.status == "consistent"


def test_a_change_of_a_price_per_unit():
    """Prices per litre are rates the tokenizer leaves out; the change between them is read."""
    old, amount = 23_000, 500
    text = (f"Giá xăng RON95 tăng {amount} đồng/lít, từ {format_number(old)} đồng/lít lên "
            f"{format_number(old + amount)} đồng/lít.")
    (f,) = _rule(text, "change-amount")
    assert f.status == "consistent" and f.claim.parts == (old, amount)


def test_two_periods_then_the_change():
    a, b = 1200, 1500
    text = f"Năm 2022 doanh thu đạt {format_number(a)} tỷ đồng, năm 2023 đạt {format_number(b)} tỷ đồng, tăng {_pct(b - a, a, 0)}%."
    (f,) = _rule(text, "change-periods")
    assert f.status == "consistent"
    (g,) = _rule(text.replace(f"tăng {_pct(b - a, a, 0)}%", "tăng 30%"), "change-periods")
    assert g.status == "unverifiable"  # another period may be meant: never flagged
    assert not _rule(text.replace("%.", "% so với năm 2021."), "change-periods")


def test_more_shapes_of_changes_and_shares():
    (f,) = _rule("Doanh thu tăng từ 1.200 tỷ đồng năm 2022 lên 1.500 tỷ đồng năm 2023, tương đương 25%.", "change-from-to")
    assert f.status == "consistent"
    (g,) = _rule("Có 100 trên 120 hồ sơ được giải quyết đúng hạn (83,3%).", "of-whole")
    assert g.status == "consistent"
    (h,) = [x for x in audit_text("Có 100 hồ sơ đúng hạn, chiếm 83,3% tổng số hồ sơ (120 hồ sơ).").findings
            if x.claim.kind == "ratio"]
    assert (h.claim.denominator, h.status) == (120, "consistent")


def test_the_rest_of_a_fraction_and_a_base_after_a_month():
    (f,) = _rule("Đến hết năm 2023, toàn huyện có 15/17 xã đạt chuẩn nông thôn mới, còn 2 xã chưa đạt.", "fraction-rest")
    assert f.status == "consistent"
    (g,) = _rule("Đến hết năm 2023, toàn huyện có 15/17 xã đạt chuẩn nông thôn mới, còn 3 xã chưa đạt.", "fraction-rest")
    assert g.status == "inconsistent"
    (h,) = _rule("Trong tháng 10, toàn tỉnh có 1.250 doanh nghiệp thành lập mới, tăng 12,5% so với tháng 9 "
                 "(1.111 doanh nghiệp).", "change-paren-base")
    assert h.status == "consistent"


def test_a_change_amount_then_the_value_it_led_to():
    (f,) = [x for x in audit_text("Số vụ tai nạn giảm 50 vụ (giảm 10%) so với cùng kỳ, còn 450 vụ.").findings
            if x.claim.kind == "change"]
    assert (f.claim.denominator, f.status) == (500, "consistent") and "450" in f.claim.quote


def test_a_total_after_parts_of_other_nouns():
    (f,) = _rule("Thành phố được chia thành 10 quận và 2 huyện, với tổng cộng 12 đơn vị hành chính.", "total-after")
    assert f.status == "consistent" and f.claim.parts == (10, 2)
    assert not _rule("Thành phố được chia thành 10 quận và 2 huyện, với tổng cộng 13 đơn vị hành chính.", "total-after")


def test_amounts_with_decimals_under_trong_do():
    parts = ["4.012,5", "1.200,3", "663,4"]
    total = sum(Decimal(p.replace(".", "").replace(",", ".")) for p in parts)
    text = (f"Diện tích tự nhiên của tỉnh là {format_number(total, 1)} km², trong đó đất nông nghiệp {parts[0]} km², "
            f"đất phi nông nghiệp {parts[1]} km² và đất chưa sử dụng {parts[2]} km².")
    (f,) = _rule(text, "trong-do-amounts")
    assert f.status == "consistent" and len(f.claim.parts) == 3
    assert not _rule(text.replace(parts[2], "600,4"), "trong-do-amounts")  # a partial list: nothing said


def test_a_record_written_count_first():
    (f,) = _rule("Sau 5 trận, đội có 10 điểm (3 thắng, 1 hòa, 1 thua).", "match-record")
    assert f.status == "consistent" and f.claim.parts == (3, 1, 1)


def test_a_change_amount_of_a_named_thing_with_its_two_values_in_parentheses():
    old, new = 300, 200
    text = (f"Giảm mức sử dụng Quỹ Bình ổn giá {old - new} đồng/lít (từ {old} đồng/lít xuống còn {new} đồng/lít).")
    (f,) = _rule(text, "change-amount")
    assert (f.status, f.claim.reported, f.recomputed) == ("consistent", str(old - new), str(old - new))
    (g,) = _rule(text.replace(f"còn {new}", f"còn {new + 50}"), "change-amount")
    assert g.status == "inconsistent" and g.diagnosis == f"from {old} to {new + 50} is a change of {old - new - 50}, not {old - new}"
    # what changes named between the verb and the amount, the values not in parentheses: no claim
    assert not _rule(f"Giảm mức sử dụng Quỹ {old - new} đồng/lít, từ {old} xuống còn {new + 50}.", "change-amount")


def test_a_change_of_a_price_per_litre_after_its_two_values():
    text = "Đối với xăng: giảm sử dụng Quỹ bình ổn từ 300 đ/lít xuống còn 200 đ/lít (giảm 100 đ/lít)."
    (f,) = _rule(text, "change-amount")
    assert (f.status, f.claim.reported) == ("consistent", "100")
    (g,) = _rule(text.replace("(giảm 100", "(giảm 150"), "change-amount")
    assert g.status == "inconsistent"


def test_a_change_amount_between_values_with_scale_words():
    text = ("Giá vàng SJC tăng 200.000 đồng/lượng so với hôm qua, từ 37,3 triệu đồng/lượng lên "
            "37,5 triệu đồng/lượng.")
    (f,) = _rule(text, "change-amount")
    assert f.status == "consistent"
    (g,) = _rule(text.replace("200.000", "300.000"), "change-amount")
    assert g.status == "unverifiable"


def test_a_count_in_words_before_a_capitalised_noun_and_a_colon():
    text = ("Ba Bí thư Tỉnh ủy: Trịnh Xuân Trường (Thái Nguyên), Nguyễn Hồ Hải (Cà Mau) và Trịnh Việt Hùng "
            "(Lào Cai) là các Bí thư trẻ tuổi nhất.")
    (f,) = [g for g in audit_text(text).findings if g.claim.kind == "sum"]
    assert f.status == "consistent" and len(f.claim.parts) == 3
    # a place named by a number word ("Ba Đình") before a colon: no count unless as many names follow
    assert not [g for g in audit_text("Quận Ba Đình: phường Trúc Bạch, phường Kim Mã.").findings if g.claim.kind == "sum"]


def test_tang_n_lan_against_a_base_in_parentheses_is_never_flagged():
    text = "Lượng khách quốc tế đạt 12,6 triệu lượt, tăng {} lần so với năm 2022 (3,7 triệu lượt)."
    (f,) = _rule(text.format("3,4"), "change-times")
    assert f.status == "consistent"
    (g,) = _rule(text.format("5"), "change-times")
    assert g.status == "unverifiable"  # "tăng N lần" may mean N times more


def test_a_result_written_before_its_calculation_in_parentheses():
    (f,) = _rule("Doanh nghiệp điều chỉnh giảm tương ứng với tỷ lệ 5% (= 70% - 65%) và tính nộp.", "worked-calculation")
    assert f.status == "consistent"
    base, pct = 50_000_000, 5
    right = base * pct // 100
    (g,) = _rule(f"Số thuế là {format_number(right)} đồng (= {format_number(base)} x {pct}%).", "worked-calculation")
    assert g.status == "consistent"
    # a result the rate's rounding would let pass (5,2% rounds to 5%) is checked as the calculation
    wrong = right + base // 500
    (h,) = _rule(f"Số thuế là {format_number(wrong)} đồng (= {format_number(base)} x {pct}%).", "worked-calculation")
    assert h.status == "inconsistent" and h.recomputed == format_number(right)


def test_a_count_then_items_labelled_with_its_noun():
    items = ["Phạt tù từ 1 năm đến 3 năm.", "Phạt tù từ 3 năm đến 7 năm.", "Phạt tù từ 7 năm đến 12 năm."]
    body = "\n\n".join(f"**Khung {k}:** {t}" for k, t in enumerate(items, start=1))
    text = f"Tội này có {len(items)} khung hình phạt, bao gồm:\n\n{body}\n"
    (f,) = _rule(text, "labelled-items")
    assert f.status == "consistent" and len(f.claim.parts) == len(items)
    (g,) = _rule(text.replace(f"có {len(items)} khung", f"có {len(items) + 1} khung"), "labelled-items")
    assert g.status == "unverifiable"  # a label may be missing: never flagged
    inline = "Có thể chia ra làm 3 nhóm sau: Nhóm 1: các đội mạnh. Nhóm 2: các đội ngang tầm. Nhóm 3: các đội yếu."
    (h,) = _rule(inline, "labelled-items")
    assert h.status == "consistent"
    # labels far from the count (beyond three paragraphs) are another list
    assert not _rule("Có 2 nhóm.\n\nA.\n\nB.\n\nC.\n\nD.\n\nNhóm 1: x.\n\nNhóm 2: y.\n", "labelled-items")


def test_amounts_of_bullets_labelled_alike_and_their_total():
    areas, people = ["11,84", "6,83", "4,97"], [18_737, 19_943, 15_143]
    area = format_number(sum(Decimal(a.replace(",", ".")) for a in areas), 2)
    bullets = "\n".join(f"- Một phần diện tích tự nhiên là {a} km2, quy mô dân số là {format_number(n)} người của xã X{k};"
                        for k, (a, n) in enumerate(zip(areas, people)))
    text = f"Thành lập xã Y trên cơ sở:\n{bullets}\n\nXã Y có diện tích tự nhiên là {area} km2, quy mô dân số là {{}} người.\n"
    found = _rule(text.format(format_number(sum(people))), "labelled-amounts")
    assert [f.status for f in found] == ["consistent", "consistent"]
    # the area adds up: the list is complete, so a population that does not is a slip
    wrong = _rule(text.format(format_number(sum(people) + 10)), "labelled-amounts")
    assert sorted(f.status for f in wrong) == ["consistent", "inconsistent"]
    # neither adds up: the bullets may be only some of the parts
    both = _rule(text.replace(f"là {area} km2", "là 30,00 km2").format(format_number(sum(people) + 10)), "labelled-amounts")
    assert {f.status for f in both} == {"unverifiable"}


def test_a_rank_and_the_names_ranked_before_it():
    names = ["TP HCM", "Hà Nội", "Hải Phòng", "Nam Định"]
    text = f"Hà Tĩnh là đội bóng thứ {len(names) + 1} tại V-League, sau {', '.join(names[:-1])} và {names[-1]}."
    (f,) = _rule(text, "rank-after-names")
    assert f.status == "consistent" and len(f.claim.parts) == len(names) + 1
    (g,) = _rule(f"Việt Nam đứng thứ {len(names)}, sau Thái Lan.", "rank-after-names")
    assert g.status == "unverifiable"  # only some of those before may be named: never flagged
    assert not _rule("Anh đứng thứ ba sau khi thi đấu.", "rank-after-names")


def test_amounts_under_a_head_and_their_shares_of_it():
    parts, total = ["49,6", "280,18"], "329,78"
    text = (f"Tổng vốn đầu tư khoảng {total} tỷ đồng. Trong đó:\n- Vốn tự có: {parts[0]} tỷ (chiếm khoảng {{}}% tổng mức đầu tư).\n"
            f"- Vốn vay: {parts[1]} tỷ (chiếm khoảng 84,96% tổng mức đầu tư).\n")
    x, y = (Decimal(v.replace(",", ".")) for v in (parts[0], total))
    right = format_number((x * 100 / y).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), 2)
    found = _rule(text.format(right), "head-total-bullets")
    assert [f.status for f in found] == ["consistent"] * 3
    wrong = _rule(text.format("15,14"), "head-total-bullets")
    assert sorted(f.status for f in wrong) == ["consistent", "consistent", "inconsistent"]
    # bullets that do not add up to the head: their shares are not flagged
    partial = _rule(text.replace(total, "400,00").format("15,14"), "head-total-bullets")
    assert "inconsistent" not in {f.status for f in partial}


def test_names_before_la_or_a_colon_and_their_count():
    for text in ("Dược phẩm, sản xuất và hàng tiêu dùng là 3 lĩnh vực khó tuyển nhất.",
                 "Hà Nội và TP.HCM tiếp tục là hai điểm chủ yếu thu hút vốn.",
                 "Hà Nội và TP Hồ Chí Minh: Hai điểm sáng thu hút đầu tư."):
        (f,) = _rule(text, "named-then-counted")
        assert f.status == "consistent", text
    assert not _rule("Năm nay, ngô, lúa và đậu là hai cây trồng chính.", "named-then-counted")


def test_goals_per_match_against_the_record_of_the_sentence():
    w, d, l, goals = 13, 3, 2, 33
    right = format_number((Decimal(goals) / (w + d + l)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), 1)
    text = f"Chúng ta thắng {w} trận, hòa {d}, thua {l}, ghi {goals} bàn ({{}} bàn/ trận) và kiểm soát bóng tốt."
    (f,) = _rule(text.format(right), "record-rate")
    assert f.status == "consistent"
    (g,) = _rule(text.format("2,8"), "record-rate")
    assert g.status == "inconsistent" and g.recomputed == right
    # another number of matches in the sentence: the record may be of part of them
    (h,) = _rule(f"Sau 20 trận, đội thắng {w}, hòa {d}, thua {l}, ghi {goals} bàn (2,8 bàn/trận).", "record-rate")
    assert h.status == "unverifiable"


def test_lists_with_lower_case_names_long_lists_and_a_last_clause_with_va():
    (f,) = _rule("Thí sinh thi 3 môn Toán, Ngữ văn, tiếng Anh vào ngày 5/6.", "counted-list")
    assert f.status == "consistent" and len(f.claim.parts) == 3
    names = [f"{k} Do Nha" if k % 2 else str(k) for k in range(1, 61)]  # a list longer than one window
    (g,) = _rule(f"Phường có {len(names)} tổ dân phố: {', '.join(names)}.", "counted-list")
    assert g.status == "consistent" and len(g.claim.parts) == len(names)
    text = ("Có ba lĩnh vực trọng tâm của phát triển xanh: khả năng phản ứng của môi trường, hiệu quả sử dụng "
            "tài nguyên và sự nhạy cảm của các khía cạnh văn hóa và xã hội.")
    (h,) = _rule(text, "counted-list")
    assert h.status == "consistent"
    (k,) = _rule("Báo cáo nhận định. Hà Nội và TP.HCM tiếp tục là hai điểm chủ yếu.", "named-then-counted")
    assert k.status == "consistent"


def test_shares_of_a_record_written_in_other_words():
    w, d, l = 3, 8, 18
    share = format_number((Decimal(w) * 100 / (w + d + l)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    text = (f"Việt Nam đã gặp Thái Lan {w + d + l} trận, nhưng mới thắng {w}, hòa {d} và thua đến {l} trận. "
            f"Tỷ lệ thắng của đội tuyển chỉ là {{}}%, trong khi số trận thua là 62%.")
    found = _rule(text.format(share), "record-share")
    assert [f.status for f in found] == ["consistent", "consistent"]
    assert "inconsistent" in {f.status for f in _rule(text.format(int(share) + 2), "record-share")}


def test_the_place_of_a_day_in_its_year():
    import datetime
    day = datetime.date(2023, 12, 23)
    n = day.timetuple().tm_yday
    left = (datetime.date(2023, 12, 31) - day).days
    text = (f"Ngày **{day.day} tháng {day.month}** là ngày thứ {n} ({n + 1} trong năm nhuận) trong lịch Gregory. "
            f"Còn {{}} ngày trong năm.")
    found = _rule(text.format(left), "day-of-year")
    assert [f.status for f in found] == ["consistent"] * 3
    assert [f.status for f in _rule(text.format(left + 1), "day-of-year")][-1] == "inconsistent"
    # the day of a campaign is not the place in the year
    assert not _rule("Ngày 10 tháng 5 là ngày thứ 3 của chiến dịch.", "day-of-year")


def test_shares_of_the_very_same_whole_in_two_sentences():
    kept = 90
    text = (f"Tổ chức thu phí được trích lại {kept}% số tiền phí thu được để trang trải chi phí. "
            f"Nộp {{}}% số tiền phí thu được vào ngân sách nhà nước.")
    (f,) = _rule(text.format(100 - kept), "same-whole-breakdown")
    assert f.status == "consistent"
    assert not _rule(text.format(100 - kept + 5), "same-whole-breakdown")  # may overlap: nothing said
    # in one sentence, with other numbers between the shares (which the sentence breakdown does not read)
    one = (f"Theo khoản 1 Điều 4 Nghị định số 120/2016/NĐ-CP, tổ chức được để lại {kept}% số tiền phí thu được "
           f"theo Điều 5 Nghị định số 120/2016/NĐ-CP, nộp {100 - kept}% số tiền phí thu được vào ngân sách.")
    (g,) = _rule(one, "same-whole-breakdown")
    assert g.status == "consistent"


def test_the_address_after_a_list_of_places_is_not_more_items():
    (f,) = _rule("Khu đô thị nằm trên địa bàn 2 xã Long Hưng và Nghĩa Trụ, huyện Văn Giang, tỉnh Hưng Yên.",
                 "counted-list")
    assert f.status == "consistent" and len(f.claim.parts) == 2


def test_a_count_opening_a_sentence_after_a_list_of_names():
    names = ["tiền đạo Nguyễn Đình Bắc", "hậu vệ Vũ Văn Thanh", "Nguyễn Thành Chung"]
    text = f"Quang Hải phải tập riêng, cùng {', '.join(names[:-1])} và {names[-1]}. Ba cầu thủ đá trọn vẹn trận đấu."
    (f,) = _rule(text, "count-after-names")
    assert f.status == "consistent" and len(f.claim.parts) == len(names)
    # the others, a time, or names of another noun are not what the count counts
    assert not _rule("Việt Nam thắng Lào 4-1 và Myanmar 5-0. Hai trận còn lại do Filip bắt.", "count-after-names")
    assert not _rule("Trọng tài Vũ Phúc Hoan và trọng tài Nguyễn Minh Thuận không cắt còi. Hai đội hòa.", "count-after-names")


def test_administrative_units_with_one_named_and_a_breakdown_in_the_next_sentence():
    xa = 14
    text = (f"Huyện có {xa + 1} đơn vị hành chính cấp xã trực thuộc, bao gồm thị trấn Phú Phong (huyện lỵ) "
            f"và {xa} xã: Bình Hòa, Bình Tân.")
    (f,) = _rule(text, "parts-of-total")
    assert f.status == "consistent" and f.claim.parts == (1, xa)
    men, women = 59_000, 61_000
    text = (f"Theo điều tra năm 2019, huyện có {format_number(men + women)} người. Trong đó, dân số nam là "
            f"{format_number(men)} người, dân số nữ là {format_number(women)} người.")
    from parstats.audit.checks import tie_rule
    (g,) = [f for f in audit_text(text).findings if tie_rule(f.claim) == "trong-do-list"]
    assert g.status == "consistent" and g.claim.parts == (men, women)


def test_the_points_of_a_football_record():
    w, d, l = 6, 2, 2
    text = f"Hà Nội FC thắng {w}, hòa {d} và thua {l}, giành {{}} điểm sau {w + d + l} vòng đấu."
    (f,) = _rule(text.format(3 * w + d), "record-points")
    assert f.status == "consistent"
    (g,) = _rule(text.format(3 * w + d + 1), "record-points")
    assert g.status == "unverifiable"  # another scale, a deduction: never flagged


def test_a_count_pointing_back_at_the_list_before_it():
    for text in ("Tôi đánh giá cao thủ môn Đặng Văn Lâm, trung vệ Quế Ngọc Hải, hai cầu thủ này thi đấu ổn định.",
                 "Họ trông chờ vào bộ ba Rimario – Hoàng Đình Tùng – Lê Văn Thắng. Tuy vậy, cả ba cầu thủ này im tiếng.",
                 "Sách có hình 37 (trang 88), hình 46 (trang 110) và hình 52 (trang 120) nhưng không chú thích 3 hình ảnh đó."):
        (f,) = _rule(text, "anaphor-count")
        assert f.status == "consistent", text
    (g,) = _rule("Indonesia, Việt Nam và Philippines sẽ cạnh tranh hai vé này.", "anaphor-count")
    assert g.status == "unverifiable"  # the list is of other things: never flagged


def test_items_listed_in_the_sentence_after_their_count():
    text = ("Koji chỉ ra ba vấn đề lớn của V-League. Đó là chất lượng mặt sân quá tồi, thời gian thi đấu "
            "thực tế quá thấp và thái độ cầu thủ thiếu chuyên nghiệp.")
    (f,) = _rule(text, "counted-list")
    assert f.status == "consistent" and len(f.claim.parts) == 3
    assert not _rule(text.replace("ba vấn đề", "bốn vấn đề"), "counted-list")  # clauses: nothing said


def test_items_said_one_by_one_after_their_count():
    text = "Tôi đề nghị 3 giải pháp sau:\n\nThứ nhất, tăng bội chi.\n\nThứ hai, lấy ngân sách năm tới.\n\nThứ ba, cắt công trình.\n"
    (f,) = _rule(text, "ordinal-items")
    assert f.status == "consistent" and len(f.claim.parts) == 3
    (g,) = _rule("Cần hai điều kiện. Một là, có vốn. Hai là, có người.", "ordinal-items")
    assert g.status == "consistent"
    assert not _rule(text.replace("3 giải pháp", "4 giải pháp"), "ordinal-items")  # another count: nothing said


def test_changes_written_with_co_them_and_a_base_after_la():
    for text in ("Dow Jones tăng lên mức cao nhất, với 75,46 điểm có thêm, tương đương 0,49%, lên 15.467,66 điểm.",
                 "S&P 500 lên mức kỷ lục mới là 1.754,67 điểm sau khi có thêm 10,01 điểm, tương đương 0,57%."):
        (f,) = _rule(text, "change-amount-percent")
        assert f.status == "consistent", text
    text = "Doanh thu đạt 1.250 tỷ đồng, tăng {}% so với cùng kỳ năm ngoái là 1.000 tỷ đồng."
    (g,) = _rule(text.format(25), "change-paren-base")
    assert g.status == "consistent"
    (h,) = _rule(text.format(20), "change-paren-base")
    assert h.status == "unverifiable"  # 'là 1.000 tỷ' may be the value after: never flagged


def test_bullets_set_in_italics_are_bullets():
    text = ("*Tổng vốn đầu tư khoảng 329,78 tỷ đồng. Trong đó:*\n\n*- Vốn tự có: 49,6 tỷ (chiếm khoảng 15,04% "
            "tổng mức đầu tư).*\n\n*- Vốn vay: 280,18 tỷ (chiếm khoảng 84,96% tổng mức đầu tư).*\n")
    found = _rule(text, "head-total-bullets")
    assert [f.status for f in found] == ["consistent"] * 3


def test_the_running_score_of_a_match_report():
    text = ("Vũ Viết Triều chạm bóng, nâng tỷ số lên 2-0. Trận trước, Mpande giúp đội gỡ hòa 2-2. Phút 22, Hải Huy "
            "rút ngắn tỷ số còn 1-2. Trần Phi Sơn nâng tỷ số lên 3-1 ở phút 40. Bàn rút ngắn tỷ số còn 2-3. "
            "Hà Tĩnh bảo toàn tỷ số 3-2 đến hết giờ.")
    found = _rule(text, "score-sequence")
    told = re.findall(r"(?:lên|còn|tỷ số) ([0-9]-[0-9])", text)  # the scores of this match, not the other's 2-2
    assert {f.status for f in found} == {"consistent"} and len(found) == 2 * len(told)
    # results of several matches are no running score
    assert not _rule("Đội hòa Lào 1-1, thua Trung Quốc 1-2 và thắng Philippines 3-1.", "score-sequence")


def test_results_of_a_round_up_against_their_scorers():
    text = ("Vòng 5 V-League 2015 Chủ nhật, ngày 25/1 Thanh Hóa 2-1 Hà Nội T&T (Quốc Phương 71', Đức Tuấn 85' - "
            "Ngọc Duy 56') Bình Dương 1-2 Quảng Ninh (Tiến Thành 90'+7 - Quang Hải 46', 50') Hoàng Anh Gia Lai 1-0 "
            "Đà Nẵng (Zdravoko 58' phạt đền)")
    found = _rule(text, "result-scorers")
    assert [(f.claim.reported, f.status) for f in found] == [
        ("2", "consistent"), ("1", "consistent"), ("1", "consistent"), ("2", "consistent"), ("1", "consistent")]
    # a goal left out of the list: unverifiable, never flagged
    short = _rule(text.replace("Quang Hải 46', 50'", "Quang Hải 46'"), "result-scorers")
    assert {f.status for f in short} == {"consistent", "unverifiable"}


@pytest.mark.parametrize("text,status", [
    ("Việt Nam thi đấu 23 trận, nhưng thua 14, thắng tám và hoà hai.", "inconsistent"),
    ("Đội có 26 cầu thủ. Sau 29 lần đối đầu với Thái Lan, Việt Nam thua 18, hoà tám và thắng ba.", "consistent"),
    ("Đội đá 23 trận, trên sân nhà thắng 8, hòa 2 và thua 1.", "unverifiable")])
def test_a_record_right_after_its_matches(text, status):
    (f,) = _rule(text, "match-record")
    assert f.status == status


def test_the_rows_of_a_standings_table_flattened_or_in_markdown():
    rows = [("Hà Nội T&T", 18, 10, 4, 4, 43, 21, 34), ("SLNA", 18, 9, 5, 4, 38, 21, 32), ("Đà Nẵng", 18, 8, 7, 3, 26, 21, 31)]
    flat = "Bảng xếp hạng V-League 2013 VT Đội bóng Trận T H B BT BB Điểm " + " ".join(
        f"{k} {name} " + " ".join(map(str, nums)) for k, (name, *nums) in enumerate(rows, 1)) + " Nguyễn Tùng"
    found = _rule(flat, "standings")
    assert [(f.claim.reported, f.status) for f in found] == [("18", "consistent")] * len(rows)
    wrong = _rule(flat.replace("SLNA 18 9 5 4", "SLNA 18 9 5 5"), "standings")
    assert [f.status for f in wrong] == ["consistent", "inconsistent", "consistent"]
    table = "| VT | Đội | ST | T | H | B | Đ |\n|---|---|---|---|---|---|---|\n" + "".join(
        f"| {k} | {name} | {p} | {w} | {d} | {lo} | {pts} |\n" for k, (name, p, w, d, lo, _, _, pts) in enumerate(rows, 1))
    assert [f.status for f in _rule(table, "standings")] == ["consistent"] * len(rows)
    # a table without the three result columns is no standings table
    assert not _rule(table.replace("| H |", "| HS |"), "standings")


def test_a_running_score_after_an_aggregate_told_first():
    text = ("Singapore thua Việt Nam tổng tỷ số 1-5 ở bán kết. Phút 74, tiền vệ 28 tuổi ghi bàn rút ngắn tỷ số "
            "xuống 1-2. Tiến Linh đánh bại thủ thành trên chấm 11m, ấn định tỷ số 3-1.")
    found = _rule(text, "score-sequence")
    assert [(f.claim.reported, f.status) for f in found] == [(n, "consistent") for n in ("1", "2", "3", "1")]


def test_a_pipe_table_without_a_separator_line_is_a_table():
    rows = [("2010", "2,47", "2,73"), ("2015", "3,17", "3,55"), ("2021", "3,94", "4,88")]
    def total(a, b):
        return format_number(Decimal(a.replace(",", ".")) + Decimal(b.replace(",", ".")), 2)
    body = "\n".join(f"{y} | {total(a, b)} | {a} | {b}" for y, a, b in rows)
    text = f"Bảng. Sản lượng thuỷ sản (triệu tấn)\n\nNăm | Tổng số | Trong đó\n    | Khai thác | Nuôi trồng\n{body}\n"
    found = _rule(text, "table-total-column")
    assert [f.status for f in found] == ["consistent"] * len(rows)
    # prose with a few bars is no table
    assert split_paragraphs("Giá | cao\n\nA | B | C")[0].kind == "body"


def test_counts_of_acronyms_and_names_with_their_kind_before_them():
    (f,) = _rule("VNPAY bán vé với 4 CLB gồm Hà Nội, Hải Phòng, Bình Định và Đà Nẵng.", "counted-list")
    assert f.status == "consistent" and len(f.claim.parts) == 4
    (g,) = _rule("Thủ đô Hà Nội và thành phố Hải Phòng là hai đầu mối giao thông.", "named-then-counted")
    assert g.status == "consistent"
    (h,) = _rule("Đội có hai trận thua, dưới tay Viettel và Nam Định.", "counted-list")
    assert h.status == "consistent"


def test_a_division_written_with_a_colon():
    (f,) = _rule("Kqđ = Hn : D = 1,475 : 2,68 = 0,550 (làm tròn)", "worked-calculation")
    assert f.status == "consistent"
    (g,) = _rule("Mức lương ngày = 4.680.000 : 26 = 190.000 đồng.", "worked-calculation")
    assert g.status == "inconsistent" and g.recomputed == format_number(4_680_000 // 26)
    assert not _rule("Thời gian: 10:30 = giờ mở cửa.", "worked-calculation")


def test_items_numbered_in_parentheses_and_cả_hai_before_names():
    text = ("Có 03 loại hình cơ sở lưu trú du lịch bao gồm:\n\n(1) Khách sạn: cơ sở lưu trú.\n\n"
            "+ Khách sạn nổi: neo đậu trên mặt nước.\n\n(2) Biệt thự du lịch.\n\n(3) Nhà nghỉ du lịch.\n")
    (f,) = _rule(text, "ordinal-items")
    assert f.status == "consistent" and len(f.claim.parts) == 3
    (g,) = _rule("Dùng cả hai Google và WorldCat để tìm kiếm.", "all-of-names")
    assert g.status == "consistent"
    # "đầu tư" is no count of four
    assert not _rule("Dự án đầu tư xây dựng:\n\n(1) Hạ tầng.\n\n(2) Nhà ở.\n", "ordinal-items")


def test_a_fine_stated_as_a_multiple_of_another():
    lo, hi = 1_000_000, 3_000_000
    text = (f"Người sử dụng lao động thì bị phạt tiền từ {format_number(lo)} đồng đến {format_number(hi)} đồng.\n\n"
            f"Mà mức phạt tiền đối với tổ chức bằng 02 lần mức phạt tiền đối với cá nhân. Do đó tổ chức bị phạt tiền "
            f"từ {format_number(2 * lo)} đồng đến {{}} đồng.\n")
    found = _rule(text.format(format_number(2 * hi)), "multiple-of-range")
    assert [f.status for f in found] == ["consistent", "consistent"]
    # one end ties the two ranges: the other end is a slip
    wrong = _rule(text.format(format_number(2 * hi + 1_000_000)), "multiple-of-range")
    assert [f.status for f in wrong] == ["consistent", "inconsistent"]


def test_shares_of_a_whole_stated_a_sentence_before():
    text = ("Tổng vốn đầu tư nước ngoài đăng ký đạt 306,3 tỷ USD. Trong đó, Hàn Quốc dẫn đầu với 54,5 tỷ USD "
            "(chiếm {}%), Nhật Bản 42,1 tỷ USD (chiếm 13,7%).")
    found = _rule(text.format("17,8"), "amount-total")
    assert [f.status for f in found] == ["consistent", "consistent"]
    from parstats.audit.checks import tie_rule
    (f,) = [g for g in audit_text("Năm 2022, cả nước có 1.200 doanh nghiệp giải thể. Trong số này, 300 doanh nghiệp "
                                  "thuộc ngành xây dựng, chiếm 25%.").findings if g.claim.kind == "ratio"]
    assert f.status == "consistent" and tie_rule(f.claim) == "passage-trong-do"
    (g,) = _rule("Toàn tỉnh có 250 trường học. Có 200 trường đạt chuẩn quốc gia, chiếm 80%.", "passage-place-whole") or \
        [h for h in audit_text("Toàn tỉnh có 250 trường học. Có 200 trường đạt chuẩn quốc gia, chiếm 80%.").findings
         if tie_rule(h.claim) == "passage-place-whole"]
    assert g.status == "consistent"
    # one share alone across sentences that does not fit is not flagged
    (h,) = [k for k in audit_text("Toàn tỉnh có 250 trường học. Có 200 trường đạt chuẩn quốc gia, chiếm 70%.").findings
            if k.claim.kind == "ratio"]
    assert h.status == "unverifiable"


def test_amount_shares_under_trong_do_in_their_sentence():
    (f,) = _rule("Tổng dư nợ đạt 500.000 tỷ đồng, trong đó dư nợ dài hạn chiếm 60%, tương đương 300.000 tỷ đồng.",
                 "amount-trong-do")
    assert f.status == "consistent"
    from parstats.audit.checks import tie_rule
    text = "Thành phố đón 2,5 triệu lượt khách, trong đó khách quốc tế 500.000 lượt, chiếm {}%."
    (g,) = [h for h in audit_text(text.format(20)).findings if h.claim.kind == "ratio"]
    assert g.status == "consistent" and tie_rule(g.claim) == "scaled-whole-trong-do"
    (k,) = [h for h in audit_text(text.format(21)).findings if h.claim.kind == "ratio"]
    assert k.status == "unverifiable"  # a rounded whole: never flagged


def test_parts_counted_in_words_after_gồm():
    from parstats.audit.words import COUNT_WORDS
    (f,) = _rule("Ba trường hợp tử vong gồm hai trẻ em và một người lớn.", "parts-of-total")
    assert f.status == "consistent" and f.claim.parts == (COUNT_WORDS["hai"], COUNT_WORDS["một"])
    assert not _rule("Bốn trường hợp tử vong gồm hai trẻ em và một người lớn.", "parts-of-total")  # nothing said


def test_a_change_amount_after_the_two_values():
    for text in ("Số hộ nghèo giảm từ 1.250 hộ xuống còn 850 hộ, giảm 400 hộ.",
                 "Số hộ nghèo giảm từ 1.250 hộ (năm 2020) xuống còn 850 hộ (năm 2023), giảm 400 hộ."):
        (f,) = _rule(text, "change-amount")
        assert f.status == "consistent", text
    (g,) = _rule("Số hộ nghèo giảm từ 1.250 hộ xuống còn 850 hộ, giảm 300 hộ.", "change-amount")
    assert g.status == "inconsistent"


def test_a_share_then_its_part_and_the_whole_after_it():
    part, whole = 1_700, 2_000
    text = (f"Tỷ lệ giải ngân đạt {{}}%, tương ứng {format_number(part)} tỷ đồng trên tổng số {format_number(whole)} "
            f"tỷ đồng kế hoạch vốn.")
    right = _pct(part, whole, 0)
    (f,) = _rule(text.format(right), "same-clause-total")
    assert f.status == "consistent"
    (g,) = _rule(text.format(int(right) + 3), "same-clause-total")
    assert g.status == "inconsistent" and g.recomputed == right + "%"


def test_a_total_row_whose_label_spans_the_first_columns():
    areas, people = ["3.359,82", "3.194,72", "4.719,00"], [8_807_523, 4_664_124, 3_619_433]
    area = format_number(sum(Decimal(a.replace(".", "").replace(",", ".")) for a in areas), 2)
    communes = [51, 45, 33]
    rows = "\n".join(f"| {k} | Tỉnh {k} | Thủ phủ {k} | {a} | {format_number(n)} | {n // 1000} | {c} |"
                     for k, (a, n, c) in enumerate(zip(areas, people, communes), start=1))
    text = ("| STT | Tỉnh | Thủ phủ | Diện tích | Dân số | Mật độ | Số xã |\n|---|---|---|---|---|---|---|\n" + rows +
            f"\n| Toàn vùng | {area} | {{}} | 1.068 | {sum(communes)} |\n")
    found = _rule(text.format(format_number(sum(people))), "table-total-row")
    assert [f.status for f in found] == ["consistent"] * 3  # the density is no sum
    # two other cells of the row fit their columns: the columns line up, the population is a slip
    wrong = _rule(text.format(format_number(sum(people) - 1_000_000)), "table-total-row")
    assert sorted(f.status for f in wrong) == ["consistent", "consistent", "inconsistent"]


@pytest.mark.parametrize("text,rule,n", [
    ("Vùng gồm 3 tỉnh, thành phố: Hà Nội, Hải Phòng và Bắc Ninh.", "counted-list", 3),  # two levels
    ("Lễ hội được tổ chức trong 3 ngày (22, 23 và 24 tháng 5 năm 2025).", "numbered-times", 3),
    ("Đội đã 2 lần vô địch (2010 và 2012).", "numbered-times", 2),  # two numbers, no comma
    # without parentheses: the numbers right after the count's noun
    ("Trong hai ngày 23 và 24-10, đoàn đã làm việc.", "numbered-times", 2),
    ("Việt Nam 3 lần đứng thứ ba thế giới, vào các năm 1999, 2007 và 2017.", "numbered-times", 3),
    ("Tỷ lệ đạt 19% trong suốt hai thập kỉ 1990 và 2000.", "numbered-times", 2),
    # names set off by a comma after the count's noun and "khác"
    ("Ông cùng hai chiến hữu khác, Nguyễn Văn Lâm và Nguyễn Đức Cảnh, đến Hà Nội.", "counted-list", 2),
])
def test_a_count_and_its_items_as_many(text, rule, n):
    (f,) = _rule(text, rule)
    assert (f.claim.denominator, f.status) == (n, "consistent")


def test_counts_of_graded_nouns_and_of_days_not_listed():
    (g,) = _rule("Vùng có 3 đô thị loại I: thành phố Hải Phòng (trực thuộc Trung ương) và thành phố Hạ Long.",
                 "counted-list")
    assert g.status == "inconsistent"
    assert not _rule("Trong ba ngày 23 và 24-10, đoàn đã làm việc.", "numbered-times")
    text = "Xã có 6 ấp: Cái Bát, Tân Thành, một phần ấp Tân Phong và một phần ấp Cỏ Xước."
    assert all(f.status != "inconsistent" for f in _rule(text, "counted-list"))


def test_numbered_items_that_each_take_a_share():
    text = ("Kết quả lao động được sử dụng\n1. Trích 14% để bổ sung mức ăn.\n2. Trích 2% lập quỹ.\n"
            "a) Trích 1% chi tư vấn;\n3. Trích 34% chi trả công.\n4. Trích 50% chi đầu tư.\n")
    (f,) = _rule(text, "breakdown-100")
    assert f.status == "consistent" and len(f.claim.parts) == 4


def test_a_share_of_the_whole_before_the_parts_that_carry_their_own_shares():
    whole, yes, no = 465, 458, 7
    text = (f"Số phiếu thu về là {whole} phiếu, số phiếu đồng ý là {yes} phiếu ({_pct(yes, whole, 2)}% số phiếu), "
            f"có {no} phiếu không đồng ý ({_pct(no, whole, 2)}% số phiếu) thu về.")
    found = _rule(text, "same-sentence-noun")
    assert [f.status for f in found] == ["consistent", "consistent"]
    assert "other shares fit it too" in basis(found[1].claim)
    # past a part whose own share does not fit the whole, no tie
    wrong = text.replace(f"({_pct(yes, whole, 2)}%", f"({_pct(yes - 20, whole, 2)}%")
    assert [f.claim.reported for f in _rule(wrong, "same-sentence-noun")] == [f"{_pct(yes - 20, whole, 2)}%"]
    # and without a cue naming the whole, none either
    bare = text.replace("Số phiếu thu về là", "Có")
    assert len(_rule(bare, "same-sentence-noun")) == 1


def test_a_share_of_a_plan_stated_elsewhere_in_the_paragraph():
    done, plan = 12_663, 18_500
    text = (f"Doanh thu quý 3 đạt 4.252 tỷ đồng, lũy kế 9 tháng đạt {_pct(done, plan, 0)}% kế hoạch năm với "
            f"{format_number(done)} tỷ đồng. Năm 2013, công ty dự kiến doanh thu toàn tập đoàn đạt "
            f"{format_number(plan)} tỷ đồng; lợi nhuận sau thuế đạt 1.200 tỷ đồng.")
    (f,) = _rule(text, "named-whole")
    assert (f.status, f.claim.numerator, f.claim.denominator) == ("consistent", done, plan)
    assert "the plan 'dự kiến doanh thu" in basis(f.claim)
    # a plan the share does not fit is no tie: nothing said, never flagged
    other = text.replace(f"{_pct(done, plan, 0)}% kế hoạch", f"{int(_pct(done, plan, 0)) + 9}% kế hoạch")
    assert [g.status for g in _rule(other, "named-whole")] in ([], ["unverifiable"])


def test_items_after_a_colon_separated_by_semicolons_each_starting_with_a_share():
    text = ("Nguồn kinh phí nộp trả ngân sách nhà nước: 50% do Chủ nhiệm dự án chịu trách nhiệm nộp trả; "
            "50% từ các Quỹ và các nguồn kinh phí tự có khác của tổ chức chủ trì.")
    (f,) = _rule(text, "semicolon-shares")
    assert f.status == "consistent" and len(f.claim.parts) == 2
    # shares that do not add up are rates of their own: no claim
    assert not _rule(text.replace("; 50% từ", "; 40% từ"), "semicolon-shares")


def test_the_lettered_points_of_an_item_split_its_share():
    text = ("1. Trích 14% để bổ sung mức ăn.\n2. Trích 12% chi trả công lao động.\n"
            "a) Trích 10% chi trả công cho phạm nhân lao động;\nViệc chi trả do Giám thị quyết định.\n"
            "b) Trích 02% chi hỗ trợ tai nạn lao động.\n3. Trích 74% chi đầu tư.\n")
    f, g = _both_ways(text, "point-shares", "b) Trích 02%", "b) Trích 03%")
    assert f.claim.reported == "12%" and f.claim.line == 2 and "13%" in g.diagnosis
    # a point without a share leaves the split incomplete; rates for cases are not parts
    assert not _rule(text.replace("b) Trích 02% chi", "b) Chi"), "point-shares")
    cases = text.replace("2. Trích 12% chi trả", "2. Mức thu 12% chi trả").replace("b) Trích 02%", "b) Trích 03%")
    assert not _rule(cases, "point-shares")


def test_the_items_after_a_colon_when_là_names_their_kind():
    (f,) = _rule("Có 4 thành phố là đô thị loại II: Thái Bình, Vĩnh Yên, Phủ Lý và Hưng Yên.", "counted-list")
    assert f.status == "consistent" and len(f.claim.parts) == 4


def test_an_opening_goal_told_in_words_starts_a_running_score():
    text = ("Đến phút 27, HAGL cũng mở tỷ số. Chỉ hai phút sau, Văn Toàn đột phá khiến hậu vệ đội khách đá phản. "
            "Tỷ số được gia tăng 2-0 cho HAGL.")
    found = _rule(text, "score-sequence")
    assert [(f.claim.reported, f.status) for f in found] == [("2", "consistent"), ("0", "consistent")]
    # the result of the match said again between the two names is the run's score, never a step
    level = ("Phút 47, Bảo Toàn sút chìm vào góc gần, mở tỷ số. Lê Văn Thắng đá nối nhanh, gỡ hòa 1-1. "
             "Diễn biến chính trận HAGL 1-1 Thanh Hóa.")
    assert [f.claim.reported for f in _rule(level, "score-sequence")] == ["1", "1", "1", "1"]
    # a result alone, or the other match's, is no step of a run
    assert not _rule("Phút 47, HAGL mở tỷ số. Diễn biến chính trận HAGL 1-1 Thanh Hóa.", "score-sequence")


def test_the_two_teams_of_the_match_a_report_names():
    text = ("Đây là trận cầu đinh vòng 5. Vì vậy, hai đội nhập cuộc thận trọng. Phút 47, Bảo Toàn mở tỷ số. "
            "Lê Văn Thắng gỡ hòa 1-1. Diễn biến chính trận HAGL 1-1 Thanh Hóa.")
    found = _rule(text, "match-pair")
    assert [(f.claim.reported, f.status) for f in found] == [("hai", "consistent")]
    assert "HAGL; Thanh Hóa" in str(basis(found[0].claim))
    # "one of two teams", "the other two": not the match's; no match named: no claim
    assert not _rule(text.replace("hai đội nhập", "một trong hai đội nhập"), "match-pair")
    assert not _rule("Hai đội còn lại đều thua. HAGL 1-1 Thanh Hóa.", "match-pair")
    assert not _rule("Vì vậy, hai đội nhập cuộc thận trọng.", "match-pair")


@pytest.mark.parametrize("text, old, new", [
    ("Riêng lĩnh vực nộp thuế tụt {n} bậc, từ xếp hạng {a} trên 183 quốc gia, xuống vị trí {b} trên 189 quốc gia.", 138, 149),
    ("Đội tuyển cũng tăng {n} bậc, từ vị trí {a} lên {b}, dù không chơi trận nào.", 107, 102),
    ("Việt Nam đi từ hạng {a} lên hạng {b} (tăng {n} bậc).", 98, 94),
])
def test_a_rank_change_with_both_ranks(text, old, new):
    n = abs(new - old)
    right = _rule(text.format(n=n, a=old, b=new), "rank-change")
    assert [(f.claim.reported, f.status) for f in right] == [(str(n), "consistent")]
    wrong = _rule(text.format(n=n + 1, a=old, b=new), "rank-change")
    assert [f.status for f in wrong] == ["inconsistent"]
    assert f"{old} đến {new} là mức thay đổi {n}" in M.diagnosis(wrong[0])
    # the words of a rise with a number that grows (or the other way): no claim
    assert not _rule(text.format(n=n, a=new, b=old), "rank-change")


def test_a_counted_list_of_bullets_whose_siblings_list_in_full():
    bullets = ["1 đô thị loại đặc biệt: Hà Nội.",
               "4 thành phố là đô thị loại I trực thuộc tỉnh: Bắc Ninh, Hải Dương, Hoa Lư.",
               "4 thành phố là đô thị loại II: Thái Bình, Vĩnh Yên, Nam Định, Phủ Lý.",
               "5 thành phố trực thuộc tỉnh: Hưng Yên, Tam Điệp, Phúc Yên, Chí Linh, Từ Sơn."]
    text = "Các đô thị của vùng:\n\n" + "\n".join("- " + b for b in bullets) + "\n"
    found = {f.claim.line: f for f in _rule(text, "counted-list")}
    short = found[4]
    assert short.status == "inconsistent" and short.recomputed == "3"
    assert "danh sách ở các gạch đầu dòng bên cạnh" in M.basis_text(basis(short.claim))
    # alone (no sibling that lists in full), the same list may name only some: unverifiable
    alone = _rule("Các đô thị của vùng:\n\n- " + bullets[1] + "\n- Các đô thị khác.\n", "counted-list")
    assert [f.status for f in alone] == ["unverifiable"]


def test_a_pair_and_the_two_names_after_its_role():
    found = _rule("Cặp tiền đạo trẻ Văn Tùng và Lê Xuân Tú phối hợp ăn ý.", "all-of-names")
    assert [(f.claim.reported, f.status, f.recomputed) for f in found] == [("Cặp", "consistent", "2")]
    # three names after "cặp": no claim (a name may be cut, or the pair is of other players)
    assert not _rule("Cặp tiền đạo Văn Tùng, Xuân Tú và Văn Toàn.", "all-of-names")


def test_a_comma_inside_an_item_s_parentheses_separates_no_items():
    text = "Ông bà có 2 người con: Phan Thị Lê (1924- 2022, thọ 99 tuổi) và Phan Đăng Tề (1925- 1992)."
    assert [(f.status, f.recomputed) for f in _rule(text, "counted-list")] == [("consistent", "2")]
    # a list all inside parentheses is still its items
    assert [f.recomputed for f in _rule("Anh ba lần đoạt Quả Bóng Vàng (2004, 2006, 2007).", "counted-list")] == ["3"]
    # the capital closing a list of provinces is of another kind ("Đô thành Sài Gòn")
    cap = "Lãnh thổ có 3 tỉnh: Quảng Trị, Thừa Thiên, Quảng Nam (tên cũ: Quảng Nam) và Đô thành Sài Gòn."
    assert [(f.status, f.recomputed) for f in _rule(cap, "counted-list")] == [("consistent", "3")]


def test_a_part_of_a_stated_whole_and_the_rest_a_sentence_later():
    text = ("Họ đã kiểm tra được {x} trong tổng số {y} địa điểm có vũ khí hóa học. "
            "Mặc dù việc tiếp cận hai địa điểm còn lại quá nguy hiểm.")
    (f,) = _rule(text.format(x=21, y=23), "whole-rest")
    assert (f.claim.reported, f.status, f.recomputed) == ("23", "consistent", "23")
    # across sentences the words alone tie them: a rest that does not fit is not flagged
    assert [f.status for f in _rule(text.format(x=20, y=23), "whole-rest")] == ["unverifiable"]
    # the rest of another noun is not this whole's
    assert not _rule("Đã kiểm tra 39 trong số 41 cơ sở. Hai địa điểm còn lại chưa được kiểm tra.", "whole-rest")


def test_the_two_parties_a_text_is_about():
    text = ("Ngày 23/10, Trung Quốc và Ấn Độ đã ký một thỏa thuận. Thủ tướng Ấn Độ Manmohan Singh và Thủ tướng "
            "Trung Quốc Lý Khắc Cường hội đàm. Trong lịch sử, 2 nước đã có một cuộc chiến tranh biên giới, "
            "khiến quan hệ giữa Trung Quốc và Ấn Độ luôn ở trong trạng thái ngờ vực.")
    found = _rule(text, "parties-pair")
    assert [(f.claim.reported, f.status) for f in found] == [("2", "consistent")]
    assert "Trung Quốc; Ấn Độ" in str(basis(found[0].claim))  # not "Thủ" of "Thủ tướng"
    # both sides of a road are no parties
    assert not _rule(text.replace("2 nước đã có", "hai bên đường có"), "parties-pair")


def test_parts_after_a_colon_or_each_with_its_own_list():
    court = "Phiên tòa chỉ có 5 người: một thẩm phán, hai hội thẩm và hai đương sự là ông và vợ ông."
    assert [(f.claim.reported, f.status) for f in _rule(court, "parts-of-total")] == [("5", "consistent")]
    towns = ("- 7 đô thị loại III gồm 5 thành phố trực thuộc tỉnh: Hưng Yên, Tam Điệp, Phúc Yên, Chí Linh, Từ Sơn "
             "và 2 thị xã: Sơn Tây, Kinh Môn.")
    (f,) = _rule(towns, "parts-of-total")
    assert f.claim.parts == (5, 2) and f.status == "consistent"
    # parts that do not add up: nothing said (a part may be read wrong)
    assert not _rule(court.replace("hai hội thẩm", "ba hội thẩm"), "parts-of-total")


def test_the_result_of_the_match_reported_is_its_run_s_final_score_wherever_it_stands():
    goals = ("Phút 48, Vĩ Hào mở tỷ số. Phút 55, Xuân Son nâng tỷ số lên 2-0. Quang Hải dứt điểm nâng tỷ số "
             "lên 3-0.")
    caption = "Xuân Son trong trận thắng Myanmar 3-0 trên sân Việt Trì. "
    found = _rule(caption + goals, "score-sequence")
    assert [f.claim.reported for f in found if "Myanmar" in f.claim.quote] == ["3", "0"]
    # a result told in passing (another match, or an old one) is not this match's
    for other in ("Thanh Hóa chỉ hòa TP HCM 3-0. ", "Năm 2008, trong trận thắng Thái Lan 3-0. "):
        assert not [f for f in _rule(other + goals, "score-sequence") if "3-0" in f.claim.quote[-5:]
                    and ("TP HCM" in f.claim.quote or "Thái Lan" in f.claim.quote)]


def test_names_after_la_with_words_in_lower_case_ending_the_sentence():
    text = "Mùa bóng 2013, nhà tài trợ tính cho cả ba giải đấu là V-League, giải hạng nhất và Cup Quốc gia."
    assert [(f.claim.reported, f.status) for f in _rule(text, "counted-list")] == [("ba", "consistent")]
    # a list that runs on into its sentence is not read so loosely
    assert not _rule("Có hai bên đường Võ Thị Sáu, trên khu đất trống.", "counted-list")


def test_a_count_of_matches_and_the_scores_listed_after_it():
    text = ("Việt Nam thi đấu tiếp sáu trận để lên ngôi vô địch, trong đó có hòa Philippines 1-1, thắng Myanmar "
            "5-0 ở vòng bảng, Singapore 2-0 và 3-1 ở bán kết, Thái Lan 2-1 và 3-2 ở chung kết.")
    assert [(f.claim.reported, f.status) for f in _rule(text, "match-results")] == [("sáu", "consistent")]
    on = ("Singapore từng đá bốn trận AFF Cup tại Jalan Besar và bất bại, trong đó có trận hòa Việt Nam 0-0 ở vòng "
          "bảng kỳ 2022. Trước đó, họ thắng Philippines 1-0 năm 2012, thắng Thái Lan 3-1 và Myanmar 3-2.")
    assert [f.status for f in _rule(on, "match-results")] == ["consistent"]
    # fewer scores than the count: no claim (the list may name only some)
    assert not _rule(text.replace("sáu trận", "bảy trận"), "match-results")


def test_an_occasion_s_rank_after_the_years_of_those_before_and_years_in_parentheses():
    text = ("Đây là lần thứ 3 trong lịch sử Việt Nam đăng quang ở đấu trường cao nhất khu vực, sau các kỳ 2008 "
            "và 2018, khi giải còn mang tên AFF Cup.")
    assert [(f.claim.reported, f.status) for f in _rule(text, "rank-after-names")] == [("3", "consistent")]
    # a rank whose years before are fewer: unverifiable (the text may name only some)
    assert [f.status for f in _rule(text.replace("lần thứ 3", "lần thứ 4"), "rank-after-names")] == ["unverifiable"]
    titles = "Thái Lan dẫn đầu với bảy lần vô địch (1996, 2000, 2002, 2014, 2016, 2020, 2022). Xếp sau là Singapore."
    assert [(f.claim.reported, f.status) for f in _rule(titles, "numbered-times")] == [("bảy", "consistent")]


def test_a_gap_between_two_ranks_stated_with_both_ranks():
    text = "Vào tháng 10/2024, hai đội từng cách nhau {n} bậc trên bảng FIFA, khi Thái Lan đứng thứ 96 còn Việt Nam là 119."
    assert [f.status for f in _rule(text.format(n=23), "rank-gap")] == ["consistent"]
    (f,) = _rule(text.format(n=25), "rank-gap")
    assert f.status == "inconsistent" and M.diagnosis(f) == "giữa 96 và 119 cách nhau 23, không phải 25"
    # one rank only: nothing to check
    assert not _rule("Thái Lan đứng thứ 97 FIFA, cách nhau 17 bậc với Việt Nam.", "rank-gap")


def test_a_percentage_written_with_a_decimal_point_is_read_as_any_other():
    text = "Tôn giáo ở Na Uy phân ra như sau: Kháng Cách 85.7%, Chính Thống giáo 1.2%, khác 13.1%."
    (f,) = _rule(text, "sentence-breakdown")
    assert f.status == "consistent" and "85,7%" in f.claim.quote
    # a version or a group of thousands is no percentage
    assert not [f for f in audit_text("Phiên bản 2.0.1 có 1.234 người dùng.").findings if f.claim.kind == "ratio"]
    from parstats.audit.annotate import locate_marks
    marks = locate_marks([text], audit_text(text).findings)
    assert {text[m.start:m.end] for m in marks} >= {"85.7%", "1.2%", "13.1%"}


def test_a_number_in_english_notation_is_read_in_vietnamese_notation():
    text = "Chỉ số Dow Jones tăng 75,46 điểm tương đương 0,49%, đạt 15,467.66 điểm."
    (f,) = _rule(text, "change-amount-percent")
    assert f.status == "consistent" and "15.467,66" in f.claim.quote
    # one separator alone is Vietnamese notation as ever
    assert [f.status for f in _rule(text.replace("15,467.66", "15.467,66"), "change-amount-percent")] == ["consistent"]


def test_a_calculation_whose_numbers_carry_their_symbols():
    (f,) = _rule("Khi đó Kqđ được xác định là: Kqđ = 20,16% (Cm) : 25% (C) = 0,806 (làm tròn).", "worked-calculation")
    assert f.status == "consistent"
    (g,) = _rule("Khi đó Kqđ được xác định là: Kqđ = 20,16% (Cm) : 25% (C) = 0,816.", "worked-calculation")
    assert g.status == "inconsistent"


def test_amounts_under_trong_do_after_a_whole_and_its_noun():
    text = ("Vinacomin đặt mục tiêu bán được 10,8 triệu tấn than, trong đó xuất khẩu 3 triệu tấn, tiêu thụ trong "
            "nước 7,8 triệu tấn nhằm hoàn thành mục tiêu.")
    assert [f.status for f in _rule(text, "trong-do-amounts")] == ["consistent"]
    assert not _rule(text.replace("7,8 triệu", "7,0 triệu"), "trong-do-amounts")  # beyond the rounding of "3": nothing said


def test_a_breakdown_opening_the_next_sentence_that_adds_up_to_a_count_before_it():
    text = ("Chỉ số VIR-50 đo lường biến động của 50 cổ phiếu vốn hóa lớn nhất phiên này giảm 1,56 điểm xuống còn "
            "493,21 điểm (-0,32%). Trong đó có 12 mã tăng giá, 25 mã giảm và 13 mã đứng giá.")
    assert [(f.claim.reported, f.status) for f in _rule(text, "next-sentence-breakdown")] == [("50", "consistent")]
    # counts that add up to no count of the sentence before: nothing said
    assert not _rule(text.replace("13 mã", "14 mã"), "next-sentence-breakdown")


def test_a_total_then_its_parts_in_clauses_after_trong_do():
    text = ("Năm 2010, tổng GDP của tỉnh đạt {w} tỉ NDT, tăng 14% so với năm trước. Trong đó, khu vực một đạt giá trị "
            "106,04 tỉ NDT, tăng trưởng 4,8%, chiếm tỷ trọng 16,4% trong GDP; khu vực hai đạt giá trị 341,49 tỉ NDT, "
            "tăng trưởng 16,6%, chiếm tỷ trọng 52,7% trong GDP; khu vực ba đạt giá trị 200,5 tỉ NDT, chiếm tỉ trọng 30,9%.")
    right = _rule(text.format(w="648,03"), "total-then-parts")
    assert [(f.claim.kind, f.status) for f in right] == [("sum", "consistent")] + [("ratio", "consistent")] * 3
    # the shares make the whole (100 %): the list is complete, and a total its parts miss is flagged
    (wrong,) = _rule(text.format(w="943,5"), "total-then-parts")
    assert wrong.status == "inconsistent" and "648,03" in str(basis(wrong.claim))
    # without shares that make the whole, the list may name only some parts: unverifiable
    partial = text.format(w="943,5").replace(", chiếm tỉ trọng 30,9%", "")
    assert [f.status for f in _rule(partial, "total-then-parts")] == ["unverifiable"]


def test_a_group_of_rows_under_a_structure_in_percent_adds_up_along_its_columns():
    table = ("| Chỉ tiêu | Năm | 2000 | 2010 | 2020 |\n|---|---|---|---|---|\n"
             "| GDP theo giá hiện hành (tỉ USD) | | 259,7 | 1 479,8 | 1 483,5 |\n"
             "| Tốc độ tăng GDP (%) | | 10,0 | 4,0 | -3,0 |\n"
             "| Cơ cấu GDP (%) | Nông nghiệp, lâm nghiệp và thuỷ sản | 5,8 | 3,3 | 4,0 |\n"
             "| | Công nghiệp và xây dựng | 33,9 | 30,0 | 29,9 |\n| | Dịch vụ | 49,7 | 53,1 | 56,1 |\n"
             "| | Thuế sản phẩm trừ trợ cấp sản phẩm | 10,6 | 13,6 | {x} |\n")
    assert [f.status for f in _rule(table.format(x="10,0"), "structure-table")] == ["consistent"] * 3
    # a column that misses 100 while the others make it: flagged
    assert [f.status for f in _rule(table.format(x="11,0"), "structure-table")] == ["consistent"] * 2 + ["inconsistent"]


def test_lengths_in_km_of_bullets_under_a_head_total():
    text = ("Tổng chiều dài các tuyến đường huyện trong tỉnh là 579,8 km, bao gồm:\n\n"
            "- Huyện Na Hang có 11 tuyến với {x} km.\n- Huyện Chiêm Hóa có 11 tuyến với 146,0 km.\n"
            "- Huyện Hàm Yên có 6 tuyến với 57,2 km.\n- Huyện Yên Sơn có 14 tuyến với 129,5 km.\n"
            "- Huyện Sơn Dương có 12 tuyến với 124,6 km.\n")
    assert [f.status for f in _rule(text.format(x="122,5"), "head-total-bullets")] == ["consistent"]
    # parts that miss the total: the list may name only some of them, never flagged ...
    assert [f.status for f in _rule(text.format(x="322,5"), "head-total-bullets")] == ["unverifiable"]
    # ... unless one part has a stray digit without which they add up exactly: flagged, and said so
    (f,) = _rule(text.format(x="5122,5"), "head-total-bullets")
    assert f.status == "inconsistent" and "'5122,5' would be '122,5'" in str(basis(f.claim))


# ------------------------------------------------------------------ misreadings of a fresh crawl


def test_a_chained_calculation_is_read_to_its_last_result_not_its_first_equals():
    terms = [(10, 0), (9, 3), (8, 0), (7, 6), (6, 4)]
    products = [a * b for a, b in terms]
    text = ("Số kiểm tra được tính như sau:\n\n" + " + ".join(f"{a}×{b}" for a, b in terms) + " = "
            + " + ".join(str(p) for p in products) + f" = {sum(products)}\n")
    found = audit_text(text).findings
    # the first '=' is followed by more arithmetic: '… = 0' is not a result, and nothing is flagged
    assert not [f for f in found if f.status == "inconsistent"]
    assert not [f for f in found if f.claim.reported == str(products[0]) and f.claim.kind == "sum"]


def test_a_share_of_a_total_of_another_noun_in_the_same_parenthesis_is_not_checked_against_it():
    text = ("Thành phố hiện có 1.016 khách sạn, 42.206 phòng, trong đó khoảng 16.223 phòng thuộc các khách sạn "
            "từ 4 đến 5 sao như A (198 phòng), B (258 phòng)...chiếm {p}% tổng số phòng toàn hệ thống "
            "(26 khách sạn hạng 5 sao và tương đương với 7.457 phòng).")
    # the parenthesis counts rooms itself: 26 is not the whole of the rooms
    share = format_number(Decimal(16_223 * 100) / 42_206, 1)
    for p in (share, "42,5"):
        assert not [f for f in audit_text(text.format(p=p)).findings if f.status == "inconsistent"]


def test_a_count_of_one_noun_and_another_before_a_colon_counts_both():
    names = ["Sông Bé", "Tây Ninh", "Đồng Nai", "Long An", "Đồng Tháp", "An Giang", "Tiền Giang",
             "Hậu Giang", "Kiên Giang", "Bến Tre", "Cửu Long", "Minh Hải"]
    text = "- Nam Bộ có {n} tỉnh và 1 thành phố: " + ", ".join(names) + " và Thành phố Hồ Chí Minh.\n"
    (f,) = _rule(text.format(n=len(names)), "counted-list")
    assert f.status == "consistent"
    (g,) = _rule(text.format(n=len(names) + 2), "counted-list")
    assert g.status == "inconsistent"


def test_rows_under_a_row_do_not_add_up_in_a_column_of_rates_or_estimates():
    counts = {"A": (12, 300), "B": (7, 400), "C": (5, 900)}
    right = [sum(v[k] for v in counts.values()) for k in range(2)]

    def table(head: str, parent: str, rows: dict) -> str:
        return (f"STT | Đơn vị | Số trường | {head}\n--- | --- | --- | ---\n1 | Huyện X | {right[0]} | {parent}\n"
                + "".join(f"| - Xã {n} | {a} | {b}\n" for n, (a, b) in rows.items()))

    # a column whose parts miss its total exactly: flagged
    assert [f.status for f in _rule(table("Số học sinh", right[1] + 2, counts), "table-subitem-rows")] == [
        "consistent", "inconsistent"]
    # a density column, named or not (a part above the parent's value): never flagged
    for head in ("Mật độ (người/km²)", "Số học sinh"):
        dense = {n: (a, b * 3) for n, (a, b) in counts.items()}
        assert not [f for f in _rule(table(head, 1000, dense), "table-subitem-rows") if f.status == "inconsistent"]
    # a part rounded to a hundred thousand beside exact figures: an estimate, not flagged
    big = {"A": (12, 1_300_000), "B": (7, 35_840_148), "C": (5, 37_428_791)}
    total = sum(b for _, b in big.values())
    assert not [f for f in _rule(table("Dân số", total + 7, big), "table-subitem-rows") if f.status == "inconsistent"]
    assert [f.status for f in _rule(table("Dân số", total + 7, {**big, "A": (12, 1_300_001)}),
                                    "table-subitem-rows")] == ["consistent", "inconsistent"]


def test_a_breakdown_with_one_transposed_count_flags_that_count_only():
    groups = {"Tày": 216_577, "Nùng": 158_114, "Mông": 61_759, "Dao": 54_947, "Kinh": 27_170, "khác": 11_774}
    whole = sum(groups.values())
    pcts = {k: format_number(Decimal(v * 100) / whole, 2) for k, v in groups.items()}
    written = dict(groups, Mông=61_579)
    text = "Các dân tộc gồm " + ", ".join(
        f"{k}: {format_number(written[k])} người ({pcts[k]}%)" for k in groups) + ".\n"
    found = {f.claim.reported: f for f in audit_text(text).findings if f.claim.kind == "ratio"}
    assert found[pcts["Mông"] + "%"].status == "inconsistent"
    assert "61.759" in found[pcts["Mông"] + "%"].diagnosis
    for k in ("Tày", "Nùng"):
        f = found[pcts[k] + "%"]
        assert f.status != "inconsistent" and "61.579" in (f.diagnosis or "")
