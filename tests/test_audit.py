"""The audit: statuses and diagnoses on the report, count inference (GRIM), other real texts."""
from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
import re
from pathlib import Path

import pytest

from parstats import data
from parstats.audit import (
    STATUSES,
    basis,
    audit_claims,
    audit_path,
    audit_text,
    counts_for_percent,
    shared_total_fits,
    split_counts,
    summary,
    totals_for_percent,
    write_json,
)
from parstats.audit.extraction import extract_claims
from parstats.audit.model import KINDS
from parstats.numbers import format_number, format_percent, parse_percent
from parstats.paths import RAW_REPORT
from parstats.ratios import Target, percent, percent_change

CORPUS = Path(__file__).with_name("corpus")
SCHEMA_KEYS = ["id", "kind", "line", "quote", "numerator", "denominator", "parts", "reported",
               "recomputed", "status", "severity", "diagnosis", "basis"]


def _half_up_fits(count: int, total: int, reported: str) -> bool:
    """Brute-force reference with Fraction and parstats.numbers formatting."""
    p = parse_percent(reported)
    return format_percent(Fraction(100 * count, total).__round__(p.decimals + 6) if False else
                          percent(count, total, decimals=None), p.decimals) == \
        format_percent(p.value, p.decimals)


@pytest.fixture(scope="module")
def report():
    return audit_path(RAW_REPORT)


def by_id(report, cid):
    return next(f for f in report.findings if f.claim.id == cid)


# ------------------------------------------------------------------ the report's inconsistencies

def test_recomputed_values_agree_with_parstats_ratios(report):
    for f in report.findings:
        c = f.claim
        if c.kind == "ratio" and c.reported and c.denominator:
            d = parse_percent(c.reported).decimals
            assert f.recomputed == format_percent(percent(c.numerator, c.denominator, d), d)
            assert (f.status == "consistent") == (f.recomputed.lstrip("0") == format_percent(
                parse_percent(c.reported).value, d))
        if c.kind == "change" and c.denominator:
            d = parse_percent(c.reported).decimals
            old, new = c.denominator, c.detail["new"]
            exact = -percent_change(old=old, new=new, base="old", decimals=d)
            assert f.recomputed == format_percent(exact, d)


def test_wrong_base_change(report):
    f = by_id(report, "change-75-1")
    new = f.claim.detail["new"]
    reported = parse_percent(f.claim.reported)
    on_new = -percent_change(old=new + f.claim.numerator, new=new, base="new", decimals=reported.decimals)
    assert on_new == reported.value  # 6,91% is the change over the new value 1.563
    assert f.cause == "wrong-base" and f.severity == "major" and f.gross is False
    assert "1.563" in f.diagnosis and "1.671" in f.diagnosis and f.recomputed == "6,46%"


def test_rounded_down(report):
    f = by_id(report, "change-127-1")
    assert (f.cause, f.severity, f.recomputed, f.claim.reported) == ("rounded-down", "minor", "10,8%", "10,7%")
    g = by_id(report, "ratio-61-1")
    assert (g.cause, g.severity, g.recomputed, g.claim.denominator) == ("rounded-down", "minor", "13,71%", 197)
    assert "footnote 3" in g.claim.denominator_source
    # a target is known (Phấn đấu 15%): the slip does not change the verdict
    assert g.gross is False and "unchanged" in g.diagnosis


def test_a_diagnosis_never_blames_a_number_the_document_confirms(report):
    """979/17.328 fits 17.238 (transposed digits), but footnote 5 confirms both numbers."""
    f = by_id(report, "ratio-131-3")
    assert percent(979, 17238, 2) == parse_percent(f.claim.reported).value  # the old reading
    sums = [g.claim for g in report.findings if g.claim.kind == "sum" and g.status == "consistent"]
    assert any(979 in c.parts for c in sums) and any(17328 in c.parts for c in sums)
    assert f.cause == "reported-value" and "17.238" not in f.diagnosis
    assert "979 is confirmed" in f.diagnosis and "17.328 is confirmed" in f.diagnosis
    assert f.recomputed == "5,65%"


def test_transposed_digits_without_corroboration():
    f = audit_text("Năm 2022 có 979/17.328 hồ sơ, đạt 5,68%.").findings[0]
    assert f.cause == "transposed-digits" and "17.238" in f.diagnosis


def test_count_confirmed_by_a_subtotal_is_not_blamed(report):
    """98,45% fits 127/129 only, but footnote 9's first four parts add up to the 128 (issue 18):
    count and total are confirmed, so the share is the slip."""
    f = by_id(report, "ratio-151-1")
    fitting = counts_for_percent(f.claim.reported, f.claim.denominator)
    assert fitting == [f.claim.numerator - 1]
    footnote = next(x.claim for x in report.findings if x.claim.kind == "sum" and x.status == "consistent"
                    and x.claim.denominator == f.claim.denominator)
    run = next(footnote.parts[:k] for k in range(2, len(footnote.parts))
               if sum(footnote.parts[:k]) == f.claim.numerator)
    assert f.cause == "reported-value" and f"{fitting[0]}/129" not in f.diagnosis
    assert " + ".join(map(str, run)) + f" = {f.claim.numerator}" in f.diagnosis
    assert "is confirmed by the subtotal" in f.diagnosis


def test_a_subtotal_confirms_a_count_only_within_its_own_whole():
    text = ("Tổng số 129 người (gồm 11 người, 43 người, 74 người, 01 người).\n\n"
            "Có 128/129 người đạt chuẩn, tỷ lệ 98,45%; có 128/130 người khác, tỷ lệ 97,69%.")
    fs = {(f.claim.numerator, f.claim.denominator): f for f in audit_text(text).findings if f.claim.kind == "ratio"}
    assert fs[(128, 129)].cause == "reported-value"
    assert fs[(128, 130)].cause == "count-off" and "subtotal" not in fs[(128, 130)].diagnosis


def test_a_near_fit_is_said_to_be_near(report):
    """231/289 = 79,93%, not the reported 79,90%: the shared total fits it only nearly."""
    from parstats import data
    from parstats.audit import messages as M
    from parstats.numbers import format_number, parse_percent
    from parstats.ratios import percent

    row = data.load("staffing_qualifications").set_index("id").loc["xa-cbcc-llct-trung-cap"]
    f = next(x for x in report.findings if x.cause == "shared-total" and x.claim.numerator == row["count"])
    places = parse_percent(f.claim.reported).decimals
    near = format_number(percent(f.claim.numerator, f.fits["shared_total"], places), places) + "%"
    assert near != f.claim.reported  # the shared total does not give the report's figure
    assert f"(reported {f.claim.reported}, near fit {near})" in f.diagnosis and "every share" not in f.diagnosis
    assert f"gần khớp ({near})" in M.diagnosis(f) and "mọi tỷ lệ" not in M.diagnosis(f)


def test_shared_total_of_the_commune_political_theory_shares(report):
    group = [f for f in report.findings if f.claim.line == 153 and f.claim.kind == "ratio"
             and f.claim.denominator_source != "the fraction itself"]
    assert [f.claim.numerator for f in group] == [13, 231, 3]
    common = set(range(1, 1000))
    for f in group:
        rep = f.claim.reported
        fits = set(totals_for_percent(rep, f.claim.numerator, max_total=999))
        if rep.rstrip("%").endswith("0") and "," in rep:  # "79,90": one decimal padded
            fits |= set(totals_for_percent(rep.rstrip("%")[:-1] + "%", f.claim.numerator, max_total=999))
        common &= fits
    assert common == {289}
    flagged = [f for f in group if f.status == "inconsistent"]
    assert [f.claim.numerator for f in flagged] == [13, 231]
    assert all(f.cause == "shared-total" and "289" in f.diagnosis for f in flagged)


def _readings_of(reported: str) -> list[str]:
    """The reported share, and the same without a padded trailing zero ("79,90%" -> "79,9%")."""
    p = parse_percent(reported)
    out = [reported]
    if p.decimals > 0 and reported.rstrip("%").endswith("0"):
        out.append(format_percent(p.value, p.decimals - 1))
    return out


def test_shared_total_fits_lists_every_share_of_the_passages_diagnosed_together(report):
    rows = shared_total_fits(report.findings, slack=10)
    diagnosed = [f for f in report.findings if f.cause == "shared-total"]
    assert diagnosed, "the report has a passage diagnosed together"
    listed = {r["id"]: r for r in rows}
    for f in diagnosed:
        r = listed[f.claim.id]
        assert r["shared_total"] == f.fits["shared_total"]
        assert f"a total of {format_number(r['shared_total'])}" in f.diagnosis
        assert (r["line"], r["quote"], r["count"], r["reported"]) == (
            f.claim.line, f.claim.quote, f.claim.numerator, f.claim.reported)
        assert not r["fits_stated"] and r["fits_shared"]
    passages: dict = {}
    for r in rows:
        decimals = parse_percent(r["reported"]).decimals
        assert r["recomputed"] == format_percent(percent(r["count"], r["stated_total"], decimals), decimals)
        # far enough for any share that does not round to 0% (those would fit every larger total)
        assert parse_percent(r["reported"]).value > 0
        limit = 2 * 100 * r["count"] + 1
        brute = [t for t in range(max(r["count"], 1), limit + 1)
                 if any(_half_up_fits(r["count"], t, p) for p in _readings_of(r["reported"]))]
        assert list(r["totals"]) == brute
        assert r["totals_text"] == "–".join(format_number(t) for t in sorted({brute[0], brute[-1]}))
        assert r["fits_stated"] == (r["stated_total"] in brute) and r["fits_shared"] == (r["shared_total"] in brute)
        passages.setdefault((r["stated_total"], r["shared_total"]), []).append(set(brute))
    # the consistent shares of such a passage are listed too (they constrain the total as well)
    assert len(rows) > len(diagnosed)
    # within the listed range, the shared total is the one total that fits every share of its passage
    for (_, shared), fits in passages.items():
        assert set.intersection(*fits) == {shared}


def test_shared_total_fits_text_and_errors():
    assert shared_total_fits(audit_text("Có 27 người, tỷ lệ 13,70% trên tổng số 197 người.").findings) == []
    # a share that rounds to 0% fits every large enough total: listed up to the larger total plus slack
    text = ("Cán bộ có trình độ đại học là 265/295 người, tỷ lệ 89,83%. Về trình độ lý luận chính trị: "
            "Cao cấp có 13 người, tỷ lệ 4,5%; Trung cấp có 231 người, tỷ lệ 79,90%; Sơ cấp có 01 người, "
            "chiếm tỷ lệ 0%.")
    rows = shared_total_fits(audit_text(text).findings, slack=5)
    assert [r["reported"] for r in rows] == ["4,5%", "79,90%", "0%"]
    zero = rows[-1]
    assert zero["totals_text"].endswith("…") and not any(r["totals_text"].endswith("…") for r in rows[:-1])
    assert zero["totals"] == tuple(range(201, max(zero["stated_total"], zero["shared_total"]) + 5 + 1))
    assert all(r["shared_total"] in r["totals"] for r in rows)
    with pytest.raises(ValueError, match="slack must be a non-negative integer"):
        shared_total_fits([], slack=-1)


def test_flagged_claims_and_severities(report):
    flagged = {f.claim.id: (f.cause, f.severity) for f in report.flagged}
    assert flagged == {
        "change-75-1": ("wrong-base", "major"),
        "document-107-5": ("transposed-digits", "major"),
        "ratio-131-3": ("reported-value", "major"),
        "ratio-151-1": ("reported-value", "major"),
        "ratio-153-2": ("shared-total", "major"),
        "ratio-153-3": ("shared-total", "major"),
        "ratio-61-1": ("rounded-down", "minor"),
        "change-127-1": ("rounded-down", "minor"),
    }
    assert all(f.diagnosis for f in report.flagged)
    assert all(f.severity is None for f in report.findings if f.status != "inconsistent")


def test_gross_inconsistency_changes_the_verdict():
    text = ("+ Phấn đấu 15% cán bộ cấp huyện có trình độ sau đại học: Đến nay, có 15,0% (29 người) "
            "cán bộ có trình độ sau đại học trên tổng số 197 người.")
    rep = audit_text(text)
    f = next(f for f in rep.findings if f.claim.kind == "ratio")
    assert f.claim.denominator == 197 and f.claim.target.value == 15
    assert f.gross is True and f.severity == "major" and "gross" in f.diagnosis
    # the same claim against a caller's target that both values miss is not gross
    rep2 = audit_text(text, targets={f.claim.id: Target("at_least", 20)})
    g = next(g for g in rep2.findings if g.claim.id == f.claim.id)
    assert g.gross is False


def test_rounded_twice_and_sums():
    f = audit_text("Có 4.447/100.000 hồ sơ, đạt 4,5%.").findings[0]
    assert (f.cause, f.severity, f.recomputed) == ("rounded-twice", "minor", "4,4%")
    s = audit_text("Toàn huyện có 58 đơn vị (gồm 51 đơn vị giáo dục; 70 đơn vị khác).").findings[0]
    assert s.status == "inconsistent" and s.cause == "parts-mismatch" and "transposed" in s.diagnosis
    assert s.recomputed == "121"


def test_unverifiable_claims(report):
    bare = [f for f in report.findings if f.claim.kind == "ratio" and f.claim.reported is None]
    # "09/12 cơ quan", "58/58 đơn vị": count and total of one counted noun, a complete claim
    assert len(bare) == 7 and all(f.status == "consistent" for f in bare)
    assert by_id(report, "ratio-41-1").status == "unverifiable"  # a share stated without counts
    assert by_id(report, "ratio-57-1").recomputed == format_percent(percent(9, 12, 2), 2)


def test_json_schema_and_formats(report, tmp_path):
    doc = report.to_json()
    assert list(doc) == ["source", "sha256", "claims"]
    assert len(doc["sha256"]) == 64
    for c in doc["claims"]:
        assert list(c) == SCHEMA_KEYS
        assert c["kind"] in KINDS and c["status"] in STATUSES
        assert c["severity"] in (None, "minor", "major")
        for k in ("reported", "recomputed"):
            if c[k] and c["kind"] == "ratio":
                assert parse_percent(c[k]).percent
                assert "." not in c[k].split(",")[-1]
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert len(rows) == len(doc["claims"]) and list(rows[0]) == SCHEMA_KEYS
    table = report.to_table()
    first_flag = table.index(report.flagged[0].claim.id)
    assert first_flag < table.index("OTHER CLAIMS")
    out = tmp_path / "audit.json"
    write_json(report, out)
    assert json.loads(out.read_text(encoding="utf-8")) == doc
    # the same bytes as `parstats audit --format json`, and no temporary file left behind
    assert out.read_text(encoding="utf-8") == report.to_json_text()
    assert [p.name for p in tmp_path.iterdir()] == ["audit.json"]


def test_summary():
    s = summary()
    rep = audit_path(RAW_REPORT)
    assert s["source"] == "data/raw/bao-cao-so-ket-ctr-09-tu.md"
    assert s["claims"] == len(rep.findings) == sum(s["by_kind"].values()) == sum(s["by_status"].values())
    assert s["by_status"]["inconsistent"] == len(s["inconsistent"]) == sum(s["by_severity"].values())
    assert s["by_kind_status"]["ratio"]["inconsistent"] == sum(
        1 for f in rep.findings if f.claim.kind == "ratio" and f.status == "inconsistent")


# ------------------------------------------------------------------ count inference

@pytest.mark.parametrize("reported,total", [("98,45%", 129), ("37,98%", 129), ("4,5%", 295),
                                            ("01%", 295), ("79,90%", 295), ("13,70%", 197)])
def test_counts_for_percent_matches_brute_force(reported, total):
    expected = [c for c in range(total + 1) if _half_up_fits(c, total, reported)]
    assert counts_for_percent(reported, total) == expected


@pytest.mark.parametrize("reported,count", [("4,5%", 13), ("13,70%", 27), ("79,9%", 231), ("01%", 3)])
def test_totals_for_percent_matches_brute_force(reported, count):
    expected = [t for t in range(max(count, 1), 2001) if _half_up_fits(count, t, reported)]
    assert totals_for_percent(reported, count, max_total=2000) == expected


def test_split_of_commune_staff_between_can_bo_and_cong_chuc():
    df = data.load("staffing_qualifications").set_index("id")
    both = df.loc["xa-cbcc-cm-dai-hoc-tro-len"]
    shares = [df.loc["xa-cb-cm-dai-hoc-tro-len", "percent_text"] + "%",
              df.loc["xa-cc-cm-dai-hoc", "percent_text"] + "%"]
    res = split_counts(shares, int(both["count"]), int(both["total"]))
    assert res.unique
    ((c1, t1), (c2, t2)), = res.solutions
    assert c1 + c2 == both["count"] and t1 + t2 == both["total"]
    assert format_percent(percent(c1, t1, 2), 2) == shares[0]
    assert format_percent(percent(c2, t2, 2), 2) == shares[1]
    # brute force over every total of the first group
    brute = []
    for ta in range(1, int(both["total"])):
        for ca in counts_for_percent(shares[0], ta):
            cb, tb = int(both["count"]) - ca, int(both["total"]) - ta
            if 0 <= cb <= tb and _half_up_fits(cb, tb, shares[1]):
                brute.append(((ca, ta), (cb, tb)))
    assert tuple(brute) == res.solutions


def test_inference_errors():
    with pytest.raises(ValueError, match="total must be a positive integer"):
        counts_for_percent("50%", 0)
    with pytest.raises(ValueError, match="cannot parse '84.11%'"):
        counts_for_percent("84.11%", 10)
    with pytest.raises(ValueError, match="at least two"):
        split_counts(["50%"], 1, 2)
    with pytest.raises(ValueError, match="count must be an integer between 0 and total"):
        split_counts(["50%", "50%"], 5, 4)


# ------------------------------------------------------------------ other real texts

def _corpus_reports():
    return {p.name: audit_path(p) for p in sorted(CORPUS.iterdir()) if p.suffix in (".md", ".txt")
            and p.name != "README.md"}


def test_corpus_sources_are_documented():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for name in _corpus_reports():
        assert f"`{name}`" in readme


def test_corpus_nothing_flagged_and_no_false_ratios():
    reports = _corpus_reports()
    for name, rep in reports.items():
        assert rep.flagged == [], (name, [(f.claim.id, f.diagnosis) for f in rep.flagged])
    kinds = {name: sorted((f.claim.kind, f.status) for f in rep.findings) for name, rep in reports.items()}
    # tables with formulas (3=2/1, (4)=(3)/(2)*100), office codes and plain-text tables: no ratio
    # a "So sánh (%)" column whose header says 3=2/1: every row checked as column 2 over column 1
    ratios = [f for f in reports["bieu-can-doi-ngan-sach-constructed.md"].findings if f.claim.kind == "ratio"]
    assert ratios and all(f.status == "consistent" and f.claim.detail["rule"] == "table-ratio-column" for f in ratios)
    assert len(ratios) == sum(1 for line in (CORPUS / "bieu-can-doi-ngan-sach-constructed.md").read_text(
        encoding="utf-8").splitlines() if re.match(r"\| (?:I|II|[0-9]) \|", line))
    for name in ("song-cong-bang-trinh-do-2017.txt",
                 "kon-tum-qd-06-2024-header.txt", "khanh-hoa-qd-480-2024-header.txt",
                 "quang-nam-kt-xh-thang-5-2017.md", "binh-giang-cong-chuc-xa-2020.md"):
        assert not any(k in ("ratio", "change", "sum") for k, _ in kinds[name]
                       if not (k == "ratio" and _ == "unverifiable")), name
        shares = [f.claim for f in reports[name].findings if f.claim.kind == "ratio"]
        assert all(c.detail.get("share_only") for c in shares), name
    # shares with their total before "Trong đó" are all checked and consistent
    hy = reports["hung-yen-cong-chuc-xa-2022.md"]
    checked = [f for f in hy.findings if f.claim.kind == "ratio" and f.status == "consistent"]
    assert [f.claim.numerator for f in checked] == [1070, 53, 223, 38, 401, 112]
    assert {f.claim.denominator for f in checked} == {1346}
    # a breakdown after "trong đó" and one after "gồm:" add up
    sums = [(f.claim.denominator, f.claim.parts, f.status) for name in
            ("lam-dong-can-bo-xa-2021.md", "lao-cai-thu-ngan-sach-2025.md")
            for f in reports[name].findings if f.claim.kind == "sum" and f.claim.detail.get("rule") != "sentence-breakdown"]
    assert sums == [(2813, (1483, 1330), "consistent"), (2433, (1292, 1141), "consistent")]
    # the shares of one sentence that add to 100 % (trình độ chuyên môn: sơ cấp … chưa qua đào tạo)
    levels = [f for f in reports["lam-dong-can-bo-xa-2021.md"].findings if f.claim.detail.get("rule") == "sentence-breakdown"]
    sentence = next(s for s in (CORPUS / "lam-dong-can-bo-xa-2021.md").read_text(encoding="utf-8").split(". ")
                    if "Về trình độ chuyên môn" in s)
    assert [f.status for f in levels] == ["consistent"]
    assert len(levels[0].claim.parts) == len(re.findall(r"[0-9]+(?:,[0-9]+)? ?%", sentence))
    # budget attainment ("ước đạt 25%" of a plan) is never checked against a total
    bn = reports["bac-ninh-thu-ngan-sach-quy-i.md"]
    assert [(f.claim.numerator, f.status) for f in bn.findings
            if not f.claim.detail.get("share_only")] == [(2310, "unverifiable")]


def test_corpus_documents_and_long_dates():
    kt = audit_path(CORPUS / "kon-tum-qd-06-2024-header.txt")
    docs = [(f.claim.reported, f.claim.detail["document"].date) for f in kt.findings
            if f.claim.kind == "document"]
    assert docs[0] == ("06/2024/QĐ-UBND", None)
    assert ("34/2016/NĐ-CP", (14, 5, 2016)) in docs and ("09/2019/NĐ-CP", (24, 1, 2019)) in docs
    kh = audit_path(CORPUS / "khanh-hoa-qd-480-2024-header.txt")
    tt = next(f.claim for f in kh.findings if f.claim.reported == "61/TTr-CTK")
    assert tt.detail["document"].type_name == "Tờ trình" and tt.detail["document"].date == (29, 1, 2024)


# ------------------------------------------------------------------ classes of misreading

def _statuses(text: str) -> list[tuple[str, str]]:
    return [(f.claim.kind, f.status) for f in audit_text(text).findings]


@pytest.mark.parametrize("text", [
    "Nâng giá mỹ phẩm 20/10 phạt tiền.",  # a date
    "Nhà số 422/1 đường Trần Phú.",  # an address
    "Tỷ số giới tính là 140/100.",  # a ratio of two groups
    "Thống nhất chọn Ngày Sức khỏe thế giới 7/4 hằng năm.",
])
def test_a_bare_fraction_is_never_inconsistent(text):
    assert "inconsistent" not in {s for _, s in _statuses(text)}


@pytest.mark.parametrize("text, why", [
    ("Tỉnh có 18 loại đất. Trong đó, nhóm đất mặn có diện tích lớn nhất, 47.362 ha chiếm 19,81%.",
     "no total"),  # the total counts soil types, the share is of hectares
    ("Kết quả biểu quyết cho thấy, có 448/454 đại biểu tham gia biểu quyết tán thành, chiếm 93,72%.",
     "vote share"),  # of all deputies, not of those voting
    ("Thái Nguyên chiếm khoảng 2/3 tổng sản lượng của tỉnh, bằng 62%.", "proportion in words"),
    ("Khoảng 7.700 tấn chất thải, trong đó khoảng 87 tấn được tái chế (chiếm 30%).", "approximate"),
])
def test_a_share_tied_with_doubt_is_unverifiable(text, why):
    ratios = [f for f in audit_text(text).findings if f.claim.kind == "ratio" and f.claim.numerator]
    assert ratios and all(f.status == "unverifiable" for f in ratios), why
    assert all(f.diagnosis for f in ratios)


def test_a_passage_total_needs_one_share_that_fits():
    text = ("Tổng số dân là 1.339.987 người. Người Kinh có 902.372 người, chiếm 70,13%; "
            "người Tày có 37.615 người, chiếm 11,98%.")
    rat = [f for f in audit_text(text).findings if f.claim.kind == "ratio" and f.claim.numerator]
    assert [f.status for f in rat] == ["unverifiable", "unverifiable"]
    # the same shares when the counts add up to the total exactly: it is their whole (issue 16)
    exact = text.replace("1.339.987", format_number(902372 + 37615))
    rat = [f for f in audit_text(exact).findings if f.claim.kind == "ratio" and f.claim.numerator]
    assert [f.status for f in rat] == ["inconsistent", "inconsistent"]
    assert all(basis(f.claim).startswith("rule=parts-add-to-whole;") for f in rat)
    fits = "Tổng số dân là 1.000 người. Người Kinh có 700 người, chiếm 70%; người Tày có 200 người, chiếm 25%."
    rat = [f for f in audit_text(fits).findings if f.claim.kind == "ratio" and f.claim.numerator]
    assert [f.status for f in rat] == ["consistent", "inconsistent"]


@pytest.mark.parametrize("text", [
    "Tổng cộng 258.514 xe lưu thông (bao gồm 35.384 xe vận tải nặng và 64.229 xe hơi).",  # examples
    "Có 15 quốc gia gồm: 4 quốc gia châu Đại Dương; 9 quốc gia Mỹ Latinh; một quốc gia châu Phi.",
    "Có 21.000 quả (gồm khoảng 5.000 quả thu được, 11.715 quả chiến lợi phẩm).",  # approximate
])
def test_a_list_that_is_not_a_breakdown_is_unverifiable(text):
    sums = [f for f in audit_text(text).findings if f.claim.kind == "sum"]
    assert sums and all(f.status == "unverifiable" for f in sums)


def test_parts_counted_in_digits_and_in_words_that_add_up_are_a_breakdown():
    """The same list whose parts, "một" among them, add up to its total: consistent (rule
    parts-of-total); the reading of the digits alone stays unverifiable."""
    text = "Có 14 quốc gia gồm: 4 quốc gia châu Đại Dương; 9 quốc gia Mỹ Latinh; một quốc gia châu Phi."
    sums = {basis(f.claim).split(";")[0]: f.status for f in audit_text(text).findings if f.claim.kind == "sum"}
    assert sums["rule=parts-of-total"] == "consistent"


def test_a_slip_in_a_complete_breakdown_is_still_found():
    parts = (54, 95, 647, 2591)  # as a real text writes them: they add up to 27 less than its total
    text = (f"Đạt tổng cộng 3.414 huy chương, gồm: {parts[0]} huy chương thế giới, {parts[1]} huy "
            f"chương châu Á, {parts[2]} huy chương Đông Nam Á và {format_number(parts[3])} huy chương "
            "quốc gia.")
    (f,) = [f for f in audit_text(text).findings if f.claim.kind == "sum"]
    assert f.claim.parts == parts and f.claim.denominator == 3414
    assert f.status == "inconsistent" and f.recomputed == format_number(sum(parts))


@pytest.mark.parametrize("text, status", [
    ("Căn cứ Quy định số 366-QĐ/TW của Bộ Chính trị.", "consistent"),  # the Party's Quy định
    ("Theo Thông tư số 39/2014/TTLT-BCT-BTC.", "consistent"),  # a joint circular
    ("Theo Thông báo kết luận số 49/TB-VPCP.", "consistent"),
    ("Theo Quyết định số 343-QĐNS/TW.", "consistent"),  # a personnel code
    ("Theo Quyết định 04/QĐ.", "consistent"),  # an old number without issuer
    ("Theo Nghị quyết 04/NĐ.", "inconsistent"),  # NĐ is a Nghị định in every convention
    ("Theo Nghị định số 33/NQ-CP.", "inconsistent"),  # a State code of another type
    ("Nghị định số 23/2015/NĐ-CP ngày 16/02/2025.", "inconsistent"),  # the year disagrees
    ("Nghị định 23/2015/NĐ-CP (ngày 16/02/2025).", "inconsistent"),  # its date in parentheses
])
def test_document_number_conventions(text, status):
    (f,) = [f for f in audit_text(text).findings if f.claim.kind == "document"]
    assert f.status == status, f.diagnosis


@pytest.mark.parametrize("text, status", [
    ("ISBN 83-ngày 93 tháng 2 năm 5036", "unverifiable"),  # not a date
    ("Retrieved 12/25/2019.", "unverifiable"),  # month/day/year
    ("**Nguyễn Văn A** (01 tháng 30 năm 1924 – 29 tháng 10 năm 2016)", "inconsistent"),  # "tháng" names the month
    ("doi:10.1603/0022-0493-97.6.1923.", "unverifiable"),  # a DOI
    ("Ngày 0 tháng 1 năm 1900", "unverifiable"),  # an empty spreadsheet date
    ("Ngày 29 tháng 2 năm 1700", "unverifiable"),  # Julian
    ("Ngày 29 tháng 2 năm 1962", "inconsistent"),
    ("từ 31/11/2025 đến 03/02/2026", "inconsistent"),
    ("| Ngày sinh | 31 tháng 6, 1920 |", "inconsistent"),  # an infobox date, without "ngày"
    ("Sinh 19 tháng 5 năm 1890 tại Nghệ An.", "consistent"),
    ("Ngày 31 tháng 4, 2020, ông mất.", "inconsistent"),
])
def test_date_classes(text, status):
    dates = [f for f in audit_text(text).findings if f.claim.kind == "date"]
    assert dates and dates[0].status == status, [(f.claim.reported, f.status) for f in dates]


def test_a_place_is_not_a_rank():
    (f,) = [f for f in audit_text("- Vị trí: 15/9 KP. Bình Đường 2, Phường An Bình").findings
            if f.claim.kind == "rank"]
    assert f.status == "unverifiable"
    (g,) = audit_text("Tỉnh xếp thứ 15/9 cả nước.").findings
    assert g.status == "inconsistent"


def test_a_table_total_row_ties_the_shares_under_it():
    table = ("| Tổng cộng | 1.019.258 người |\n| Thành thị | 184.860 người (23,5%) |\n"
             "| Nông thôn | 834.398 người (76,5%) |\n")
    rat = [f for f in audit_text(table).findings if f.claim.kind == "ratio"]
    assert [(f.claim.numerator, f.claim.denominator, f.status) for f in rat] == [
        (184860, 1019258, "inconsistent"), (834398, 1019258, "inconsistent")]
    assert all("Tổng cộng" in f.claim.denominator_source for f in rat)


def test_every_finding_says_how_its_numbers_were_tied(report):
    for f in report.findings:
        d = f.to_dict()
        assert "basis" in d
        if f.status != "unverifiable" and f.claim.kind in ("ratio", "change", "sum"):
            assert d["basis"], f.claim.id


@pytest.mark.parametrize("text", [
    # a new clause between the fraction and the share: the share is another figure's
    "Gần 1/1500 diện tích của cả nước nhưng hệ thực vật chiếm tỷ lệ 76%.",
    "Tỉnh đạt 14/17 chỉ tiêu đề ra, trong đó tốc độ tăng trưởng GRDP ước đạt 6,45%.",
])
def test_a_share_after_a_new_clause_is_not_the_fractions(text):
    assert "inconsistent" not in {s for _, s in _statuses(text)}


def test_a_date_glued_to_a_code_is_not_a_date():
    (f,) = [f for f in audit_text("Casemate. ISBN 0-ngày 94 tháng 2 năm 1709.").findings
            if f.claim.kind == "date"]
    assert f.status == "unverifiable" and "ISBN" in f.diagnosis


def test_a_list_that_starts_with_items_without_numbers_is_not_a_breakdown():
    text = ("Quân đội là 16 khối bao gồm: khối nữ Quân nhạc; khối chiến sĩ Điện Biên; "
            "cùng 8 khối Công an; Khối Quần chúng với 9 khối.")
    sums = [f for f in audit_text(text).findings if f.claim.kind == "sum"]
    assert all(f.status == "unverifiable" for f in sums)
