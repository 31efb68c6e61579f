"""The tie rules of issue 16, one class of text each, on made-up sentences of the shapes found in
real texts (the numbers differ from any source; each expected value is recomputed here)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from parstats.audit import audit_path, audit_text, basis
from parstats.audit import messages as M
from parstats.audit.model import split_basis
from parstats.audit.changes import WEAK_OTHER_BASE, WEAK_POINTS
from parstats.audit.ties import WEAK_LIST
from parstats.numbers import format_number


def _half_up(x: Decimal, d: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)


def _findings(text: str, kind: str | None = None):
    return [f for f in audit_text(text).findings if kind is None or f.claim.kind == kind]


def _rule(f) -> str | None:
    b = basis(f.claim)
    return None if b is None else split_basis(b)[0]


# ------------------------------------------------------------------------------- the basis
def test_every_basis_names_its_rule_in_a_stable_prefix():
    fs = audit_path().findings
    for f in fs:
        b = basis(f.claim)
        if b is None:
            continue
        rule, evidence = split_basis(b)
        assert rule and " " not in rule and evidence, b
        assert b == f"rule={rule}; evidence={evidence}"
    rules = {_rule(f) for f in fs} - {None}
    assert {"fraction-share", "footnote-total", "as-written", "change-old-value"} <= rules


def test_the_vietnamese_basis_is_the_evidence_only():
    f = _findings("Có 27 người, tỷ lệ 13,70%[^3].\n\n[^3]: Tổng số cán bộ là 197 người.", "ratio")[0]
    assert basis(f.claim).startswith("rule=footnote-total; evidence=footnote 3")
    assert M.basis_text(basis(f.claim)).startswith("chú thích 3")


# ------------------------------------------------------------------------------- of-whole
@pytest.mark.parametrize("count,whole,noun,written", [(17, 30, "trận", "56%"), (9, 40, "cú sút", "22,5%")])
def test_a_count_of_its_whole_in_one_phrase(count, whole, noun, written):
    text = f"Đội bóng thắng {count} trong {whole} {noun}, tỷ lệ {written}."
    f = _findings(text, "ratio")[0]
    assert (f.claim.numerator, f.claim.denominator) == (count, whole)
    assert _rule(f) == "of-whole"
    d = len(written.rstrip("%").partition(",")[2])
    exact = _half_up(Decimal(count * 100) / whole, d)
    assert f.status == ("consistent" if str(exact).replace(".", ",") + "%" == written else "inconsistent")


def test_of_whole_is_not_a_rank_nor_another_noun():
    # "thứ 7 trên 30 nước" is a rank; "6 thí sinh … 30 nước" counts other things
    fs = _findings("Đoàn có 6 thí sinh, xếp thứ 7 trên tổng số 30 nước (chiếm 20%).", "ratio")
    assert not any(_rule(f) == "of-whole" for f in fs)
    fs = _findings("Có 6 thí sinh trên 30 nước dự thi, chiếm 20%.", "ratio")
    assert not any(_rule(f) == "of-whole" for f in fs)


def test_a_rate_of_two_nouns_is_weak():
    # "8 bàn sau 69 cú dứt điểm": goals per shot, a rate of two nouns: checked, never flagged
    fits = _findings("Đội ghi 7 bàn sau 52 cú dứt điểm, tỷ lệ chuyển đổi 13,5%.", "ratio")[0]
    assert (fits.claim.numerator, fits.claim.denominator, fits.status) == (7, 52, "consistent")
    off = _findings("Đội ghi 7 bàn sau 52 cú dứt điểm, tỷ lệ chuyển đổi 13,4%.", "ratio")[0]
    assert off.status == "unverifiable"


def test_of_whole_after_other_words_is_weak():
    # the share after other words may be of another whole: checked, never flagged
    ok = _findings("Họ giành 13 trong 15 điểm tối đa trước các đội mạnh, tức là chiếm tỷ lệ 86,7%.", "ratio")[0]
    assert ok.status == "consistent" and _rule(ok) == "of-whole"
    other = _findings("Họ giành 13 trong 15 điểm tối đa trước các đội mạnh, tức là chiếm tỷ lệ 42%.", "ratio")[0]
    assert other.status == "unverifiable"


# ------------------------------------------------------------------------------- changes
@pytest.mark.parametrize("old,new,written", [(12_400, 12_050, "2,8%"), (41_200, 43_900, "6,6%"),
                                             (41_200, 43_900, "7,3%")])
def test_a_change_from_one_value_to_another(old, new, written):
    word = "lên" if new > old else "xuống"
    text = f"Giá cổ phiếu đi từ {format_number(old)} đồng {word} {format_number(new)} đồng (tương ứng {written})."
    f = _findings(text, "change")[0]
    assert (f.claim.numerator, f.claim.denominator) == (abs(new - old), old)
    assert _rule(f) == "change-from-to"
    exact = _half_up(Decimal(abs(new - old) * 100) / old, 1)
    assert f.status == ("consistent" if f"{exact}".replace(".", ",") + "%" == written else "inconsistent")


def test_a_change_against_another_base_is_weak():
    text = "Giá tăng từ 30.500 đồng lên 31.600 đồng, tương đương tăng 4,5% so với giá tham chiếu."
    f = _findings(text, "change")[0]
    assert f.status == "unverifiable" and f.diagnosis == WEAK_OTHER_BASE


def test_a_change_between_two_percentages_is_checked_but_never_flagged():
    fits = _findings("Thuế suất giảm từ 15% xuống 12%, giảm 20%.", "change")[0]
    assert fits.status == "consistent"
    points = _findings("Thuế suất giảm từ 15% xuống 12%, giảm 3%.", "change")[0]
    assert points.status == "unverifiable" and points.diagnosis == WEAK_POINTS


@pytest.mark.parametrize("text,old_new", [
    ("Chỉ số tăng 52,30 điểm (0,41%), lên 12.811,06 điểm.", ("12.758,76", "12.811,06")),
    ("Chỉ số đứng ở mức 73,12 điểm, giảm 0,55 điểm (-0,75%).", ("73,67", "73,12")),
    ("Thu ngân sách đạt 640.250 tỷ đồng, giảm 31.750 tỷ đồng (tương đương 4,7%) đầu năm.",
     ("672.000", "640.250")),
])
def test_a_change_by_an_amount_with_the_value_after_it(text, old_new):
    f = _findings(text, "change")[0]
    assert _rule(f) == "change-amount-percent"
    assert (f.claim.detail["old_text"], f.claim.detail["new_text"]) == old_new
    assert f.status == "consistent"


def test_a_wrong_change_of_decimal_values_names_them_as_written():
    f = _findings("Chỉ số tăng 52,30 điểm (0,91%), lên 12.811,06 điểm.", "change")[0]
    assert f.status == "inconsistent" and f.cause == "reported-value"
    assert "from 12.758,76 to 12.811,06" in f.diagnosis and "5230" not in f.diagnosis
    assert "từ 12.758,76 đến 12.811,06" in M.diagnosis(f)


def test_a_ratio_given_for_a_change_is_diagnosed():
    f = _findings("Doanh thu tăng 245%, từ 220 triệu đồng lên 539 triệu đồng.", "change")[0]
    assert f.status == "inconsistent" and f.cause == "wrong-base"
    assert f.recomputed == f"{_half_up(Decimal((539 - 220) * 100) / 220, 0)}%"


def test_the_tail_of_a_compound_amount_is_not_a_count():
    # "4.302 quan 220 đồng" is one amount: 220 is no count of đồng with the share 70%
    fs = _findings("Thu 6.159 quan, gồm 4.302 quan 220 đồng tiền giấy (70%) và 1.857 quan 880 đồng tiền đồng (30%).",
                   "ratio")
    assert [f.claim.numerator for f in fs] == [4302, 1857]


def test_a_part_with_its_own_share_is_no_whole():
    text = ("Có 457 đại biểu tham gia (bằng 95,61% tổng số đại biểu); có 456 đại biểu tán thành "
            "(bằng 95,40% tổng số đại biểu); có 1 đại biểu không tán thành (bằng 0,21% tổng số đại biểu).")
    assert not [f for f in _findings(text) if f.status == "inconsistent"]


def test_a_change_so_voi_with_its_value_after_is_checked_once():
    fs = _findings("Thu ngân sách đạt 640.250 tỷ đồng, giảm 31.750 tỷ đồng (tương đương 4,7%) so với dự toán.",
                   "change")
    assert len(fs) == 1 and fs[0].claim.denominator == 640_250 + 31_750 and fs[0].status == "consistent"


def test_index_points_are_rounded_amounts():
    # 0,02/58,41 = 0,0342…% rounds to 0,03%, but 0,025/58,405 = 0,0428…%: 0,04% may be right
    f = _findings("Chỉ số đứng ở mức 58,43 điểm, tăng 0,02 điểm (0,04%).", "change")[0]
    assert f.status == "consistent"
    wrong = _findings("Chỉ số đứng ở mức 58,43 điểm, tăng 0,02 điểm (0,09%).", "change")[0]
    assert wrong.status == "inconsistent"


def test_a_change_by_a_percentage_and_points_to_a_value():
    text = "Chỉ số tăng 0,52%, hay 61,80 điểm, lên 11.946,30 điểm."
    f = _findings(text, "change")[0]
    assert _rule(f) == "change-percent-amount" and f.status == "consistent"


@pytest.mark.parametrize("a,b,stated", [("18,4", "15,9", "2,5"), ("31,2", "34,0", "2,6")])
def test_percentage_points_are_kept_apart_from_percent(a, b, stated):
    word = "lên" if Decimal(b.replace(",", ".")) > Decimal(a.replace(",", ".")) else "xuống"
    verb = "tăng" if word == "lên" else "giảm"
    f = _findings(f"Tỷ lệ hộ nghèo {verb} từ {a}% {word} {b}%, {verb} {stated} điểm phần trăm.", "sum")[0]
    diff = abs(Decimal(b.replace(",", ".")) - Decimal(a.replace(",", ".")))
    assert _rule(f) == "change-points" and f.recomputed == f"{diff}".replace(".", ",")
    assert f.status == ("consistent" if f"{diff}".replace(".", ",") == stated else "inconsistent")


def test_a_change_amount_between_two_values_is_a_sum():
    ok = _findings("Cân nặng giảm 6 kg (từ 81 kg xuống 75 kg).", "sum")[0]
    assert ok.status == "consistent" and _rule(ok) == "change-amount"
    bad = _findings("Cân nặng giảm 6 kg (từ 81 kg xuống 74 kg).", "sum")[0]
    assert bad.status == "inconsistent" and bad.recomputed == str(81 - 74) and bad.claim.reported == "6"
    assert bad.diagnosis == f"from 81 to 74 is a change of {81 - 74}, not 6"


# ------------------------------------------------------------------------------- lists
def test_the_count_of_a_list_of_names():
    ok = _findings("Vùng gồm 4 tỉnh: Hòa An, Bình Lộc, Tân Phú và Mỹ Xuân.", "sum")[0]
    assert ok.status == "consistent" and _rule(ok) == "list-of-names"
    short = _findings("Vùng gồm 5 tỉnh: Hòa An, Bình Lộc, Tân Phú và Mỹ Xuân.", "sum")[0]
    assert short.status == "unverifiable" and short.diagnosis == WEAK_LIST
    # a list that goes on ("…") is not read
    assert not _findings("Trình bày 6 đức mục: Hiếu thảo, Hòa thuận, Cần kiệm...", "sum")


def test_a_complete_list_in_parentheses_far_off_its_total_is_flagged():
    parts = (18, 11, 5, 11)
    listed = ", ".join(f"{p} chiếc loại {k}" for p, k in zip(parts, "ABCD"))
    f = _findings(f"Hãng có 34 chiếc (gồm {listed}).", "sum")[0]
    assert f.status == "inconsistent" and f.recomputed == format_number(sum(parts))
    # the same list after a colon may run on into the next one: not flagged
    g = _findings(f"Hãng có 34 chiếc gồm: {listed}.", "sum")[0]
    assert g.status == "unverifiable"


def test_shares_whose_counts_add_up_to_the_total_are_checked():
    text = ("Năm 2020, dân số 212.640 người; trong đó thành thị 95.410 người (chiếm 49%), "
            "nông thôn 117.230 người (chiếm 51%).")
    fs = _findings(text, "ratio")
    assert [f.claim.denominator for f in fs] == [95_410 + 117_230] * 2
    assert [f.status for f in fs] == ["inconsistent", "inconsistent"]
    assert all(_rule(f) == "parts-add-to-whole" for f in fs)
    assert all(f.cause == "reported-value" for f in fs)  # both numbers confirmed by the sum


def test_counts_whose_shares_add_up_to_100_are_a_breakdown_of_their_sum():
    text = "Dân số thành thị là 204.310 người (27,41%). Dân số nông thôn là 541.190 người (72,58%)."
    fs = _findings(text, "ratio")
    whole = 204_310 + 541_190
    assert [f.claim.denominator for f in fs] == [whole, whole]
    assert all(_rule(f) == "complete-breakdown" for f in fs)
    exact = [_half_up(Decimal(n * 100) / whole, 2) for n in (204_310, 541_190)]
    assert [f.status for f in fs] == ["consistent" if f"{e}".replace(".", ",") + "%" == f.claim.reported
                                      else "inconsistent" for e, f in zip(exact, fs)]
    # shares that do not add up to 100% are not a breakdown; rounded amounts are weak
    assert all(f.claim.denominator is None for f in _findings(
        "Cử nhân có 20 người (58,82%), thạc sĩ có 19 người (55,88%).", "ratio"))
    fs = _findings("Có 51 triệu người Kinh (85%), 6 triệu người Hoa (10%) và 3 triệu người khác (4%).", "ratio")
    assert [f.status for f in fs] == ["consistent", "consistent", "unverifiable"]


def test_a_larger_count_of_the_same_noun_in_the_sentence_is_its_whole():
    cued = _findings("Lớp có tổng số 48 học sinh, 30 học sinh giỏi (chiếm 62%).", "ratio")[0]
    assert (cued.claim.denominator, _rule(cued)) == (48, "same-sentence-total-word")
    assert cued.status == "inconsistent"  # 30/48 = 62,5% -> 63%: the whole is named
    bare = _findings("Lớp có 48 học sinh, 30 học sinh giỏi (chiếm 61%).", "ratio")[0]
    assert bare.claim.denominator == 48 and bare.status == "unverifiable"  # only the noun ties them
    assert _rule(bare) == "same-sentence-noun"
    fits = _findings("Lớp có 48 học sinh, 30 học sinh giỏi (chiếm 62,5%).", "ratio")[0]
    assert fits.status == "consistent"
    # another noun, or a larger count with its own share, is no whole
    assert _findings("Có 6 thí sinh đoạt giải (chiếm 100%), xếp thứ 7 trên tổng số 30 nước.",
                     "ratio")[0].status == "unverifiable"


def test_a_breakdown_over_bullets_and_one_that_adds_up_by_chance():
    bullets = "Nhà ở xã hội gồm:\n\n+ Căn hộ để bán: 1.131 căn (72,41%)\n\n+ Căn hộ cho thuê: 431 căn (27,59%)\n"
    fs = _findings(bullets, "ratio")
    assert [f.claim.denominator for f in fs] == [1131 + 431] * 2
    assert [f.status for f in fs] == ["consistent", "consistent"]
    # two shares that add up to 100% but neither fits the sum of the counts: not flagged
    chance = "Năm 2015 có 300 căn (45%). Năm 2020 có 200 căn (55%)."
    assert [f.status for f in _findings(chance, "ratio")] == ["unverifiable", "unverifiable"]


# ------------------------------------------------------------------------------- votes
@pytest.mark.parametrize("yes,present,written,status,severity", [
    (436, 441, "98,87%", "consistent", None),      # fits those present
    (436, 441, "98,86%", "inconsistent", "minor"),  # truncated: a minor slip
    (436, 441, "87,20%", "unverifiable", None),     # of all members, not stated
])
def test_vote_shares(yes, present, written, status, severity):
    text = f"Có {yes}/{present} đại biểu có mặt biểu quyết tán thành, đạt {written}."
    f = _findings(text, "ratio")[0]
    assert (f.status, f.severity) == (status, severity)


# ------------------------------------------------------------------------------- dates
@pytest.mark.parametrize("text,status", [
    ("Văn bản được ký ngày 17/23/2023.", "inconsistent"),
    ("Hợp đồng ký ngày 15/0/2019.", "inconsistent"),
    ("Họp ngày 12/25/2019.", "unverifiable"),  # a month/day/year date
])
def test_a_day_month_after_ngay_is_a_date(text, status):
    f = _findings(text, "date")[0]
    assert f.status == status


def test_the_date_of_a_document_reference_is_flagged_once():
    fs = _findings("Theo Nghị định số 12/2021/NĐ-CP ngày 31/0/2021 của Chính phủ.")
    assert [f.status for f in fs if f.claim.kind == "document"] == ["inconsistent"]
    assert [f.status for f in fs if f.claim.kind == "date"] == ["unverifiable"]


@pytest.mark.parametrize("text", ["Lễ hội diễn ra ngày 30/2 âm lịch.", "Giỗ tổ ngày 10/3 (ÂL) hằng năm.",
                                  "Lễ hội ngày 30/2/2021 âm lịch."])
def test_lunar_dates_are_not_solar_dates(text):
    assert not _findings(text, "date")


@pytest.mark.parametrize("text", ["Dự án chạy trong tháng 8 - 9/2016.", "Báo cáo Quý 1/2017 cho thấy.",
                                  "Áp dụng từ 7/2015 đến nay, đạt 45%.", "Thị lực 20/20 ở cả hai mắt.",
                                  "Xác suất trúng là 1/8.145.060.", "Theo Chỉ thị 67/548/EEC của châu Âu."])
def test_periods_scores_odds_and_foreign_numbers_are_never_flagged(text):
    assert not [f for f in _findings(text) if f.status == "inconsistent"]


def test_a_share_of_something_else_is_never_flagged():
    assert not [f for f in _findings("Có 45/73 trường có tỷ lệ tốt nghiệp 100%.") if f.status == "inconsistent"]
    assert not [f for f in _findings("Bội chi ngân sách bằng 6,28% GDP, tăng 0,4%.") if f.status == "inconsistent"]
