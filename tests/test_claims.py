"""Claim extraction: the hand-labelled claims of the report, and what must not be a ratio."""
from __future__ import annotations

import csv
import re
import textwrap
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from parstats.audit import audit_claims
from parstats.audit.extraction import extract_claims
from parstats.markdown import normalize_lines, split_paragraphs
from parstats.numbers import parse_number
from parstats.paths import RAW_REPORT
from parstats.report import load_report

LABELS = Path(__file__).with_name("labelled_claims.csv")
AUDITED = ("ratio", "change", "sum")
RAW = RAW_REPORT.read_text(encoding="utf-8")


def _opt(s: str):
    return int(s) if s else None


def _labels() -> list[dict]:
    with LABELS.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["key"] = (int(r["line"]), r["kind"], _opt(r["numerator"]), _opt(r["denominator"]),
                    tuple(int(p) for p in r["parts"].split("+")) if r["parts"] else None,
                    r["reported"] or None)
    return rows


def _key(c):
    return (c.line, c.kind, c.numerator, c.denominator, c.parts, c.reported)


@pytest.fixture(scope="module")
def claims():
    return extract_claims(RAW)


@pytest.fixture(scope="module")
def labelled(claims):
    labels = _labels()
    # shares stated without their counts are claims too, but not hand-labelled ones (their own
    # test is test_shares_without_counts_are_claims)
    got = [c for c in claims if c.kind in AUDITED and not c.detail.get("share_only")]
    label_keys = Counter(r["key"] for r in labels)
    got_keys = Counter(_key(c) for c in got)
    matched = sum((label_keys & got_keys).values())
    return labels, got, matched


def test_labelled_file_covers_every_kind():
    kinds = Counter(r["kind"] for r in _labels())
    assert set(kinds) == set(AUDITED)
    # every label's line holds its numbers as the report writes them
    lines = RAW.split("\n")
    for r in _labels():
        line = lines[int(r["line"]) - 1]
        first = (r["numerator"] or r["parts"].split("+")[0])
        written = {m.replace(".", "").lstrip("0") or "0"
                   for m in re.findall(r"[0-9][0-9.]*[0-9]|[0-9]", line)}
        assert first.lstrip("0") in written, (r["line"], first)


def test_recall_and_precision_against_hand_labels(labelled):
    labels, got, matched = labelled
    recall = matched / len(labels)
    precision = matched / len(got)
    missing = Counter(r["key"] for r in labels) - Counter(_key(c) for c in got)
    extra = Counter(_key(c) for c in got) - Counter(r["key"] for r in labels)
    assert recall >= 0.95, f"recall {recall:.3f}; missing {sorted(missing)}"
    assert precision >= 0.95, f"precision {precision:.3f}; unexpected {sorted(extra)}"


def test_audit_verdicts_match_hand_labels(claims):
    findings = {_key(f.claim): f for f in audit_claims(claims) if f.claim.kind in AUDITED}
    labels = _labels()
    agree = 0
    for r in labels:
        f = findings.get(r["key"])
        if f is None:
            continue
        # no consistent claim may be flagged inconsistent
        assert not (r["expected_status"] == "consistent" and f.status == "inconsistent"), r
        agree += f.status == r["expected_status"]
        if r["expected_cause"]:
            assert f.cause == r["expected_cause"], (r["key"], f.cause, f.diagnosis)
    assert agree / len(labels) >= 0.95


def test_claim_counts_by_kind(claims):
    kinds = Counter(c.kind for c in claims if not c.detail.get("share_only"))
    labels = Counter(r["kind"] for r in _labels())
    for k in AUDITED:
        assert kinds[k] == labels[k]
    assert kinds["rank"] == len(re.findall(r"(?:xếp|đứng) thứ [0-9]+/[0-9]+", RAW))
    numeric_dates = re.findall(r"(?<![0-9/])[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}", RAW)
    month_year = re.findall(r"tháng [0-9]{1,2}/[0-9]{4}", RAW)
    assert kinds["date"] == len(numeric_dates) + len(month_year)
    # every QĐ/NQ/NĐ/KH/... number the report cites (one page-break split re-joined)
    docs = re.findall(r"[0-9]+(?:/[0-9]{2,4})?/[A-ZĐ][A-Za-zĐđ-]+|[0-9]+-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ]+", RAW)
    assert kinds["document"] == len(docs)


def test_every_quote_is_in_the_report(claims):
    rep = load_report()
    for c in claims:
        loc = rep.locate(c.quote)
        assert loc is not None, c
        if c.kind in AUDITED:
            assert loc.line <= c.line, (c.id, loc)


def test_numbers_agree_with_parstats_numbers(claims):
    for c in claims:
        if c.kind == "ratio" and c.reported:
            assert parse_number(c.reported).percent
            assert parse_number(c.reported).text.rstrip("%").strip() == c.reported.rstrip("%")


def test_dates_documents_ranks_and_codes_are_not_fractions(claims):
    ratios = {(c.numerator, c.denominator) for c in claims if c.kind == "ratio"}
    for c in claims:
        if c.kind == "date" and c.detail.get("day"):
            assert (c.detail["day"], c.detail["month"]) not in ratios, c
        if c.kind == "rank":
            assert (c.numerator, c.denominator) not in ratios
    ranks = [(c.line, c.numerator, c.denominator) for c in claims if c.kind == "rank"]
    assert ranks == [(41, 4, 11), (41, 8, 11)]
    dates = {c.reported for c in claims if c.kind == "date"}
    assert {"14/5/2021", "01/09/2021", "30/6/2023", "9/2021"} <= dates
    docs = {c.reported for c in claims if c.kind == "document"}
    assert {"7889/QĐ-UBND", "06/2018/NQ-HĐND", "29-KH/HU", "02/0216/QĐ-UBND", "50-KH/HU"} <= docs
    # ISO 9001:2015 and "15/15 xã" (a real fraction) on line 183
    on_183 = [(c.kind, c.numerator, c.denominator) for c in claims if c.line == 183]
    assert on_183 == [("ratio", 15, 15)]


def test_malformed_document_year_flagged(claims):
    doc = next(c for c in claims if c.reported == "02/0216/QĐ-UBND")
    ref = doc.detail["document"]
    assert ref.flags == ("malformed-year",) and ref.suggestion == "02/2016/QĐ-UBND"
    assert ref.date == (19, 8, 2016) and doc.line == 107
    others = [c for c in claims if c.kind == "document" and c is not doc]
    assert all(not c.detail["document"].flags for c in others)


def test_page_break_and_footnote_splits_are_joined(claims):
    # "83/96" ends line 119, its noun "thủ tục" starts line 121
    c = next(c for c in claims if c.kind == "ratio" and c.numerator == 83)
    assert c.line == 119 and c.detail["unit"].startswith("thủ tục")
    # "Kế hoạch số" ends line 231, "50-KH/HU" starts line 233
    d = [c for c in claims if c.reported == "50-KH/HU" and c.line == 233]
    assert d and d[0].detail["document"].type_word == "Kế hoạch"
    paras = split_paragraphs(normalize_lines(RAW))
    fn5 = [p for p in paras if p.footnote == "5"]
    assert [p.lines[0] for p in fn5] == [131, 133]


def test_crlf_nbsp_and_nfd_give_the_same_claims(claims):
    base = [(c.kind, c.line, c.numerator, c.denominator, c.parts, c.reported) for c in claims]
    variants = {
        "crlf": RAW.replace("\n", "\r\n"),
        "nbsp": RAW.replace(" ", "\u00a0"),
        "nfd": unicodedata.normalize("NFD", RAW),
        "bom+cr": "\ufeff" + RAW.replace("\n", "\r"),
    }
    for name, text in variants.items():
        got = [(c.kind, c.line, c.numerator, c.denominator, c.parts, c.reported)
               for c in extract_claims(text)]
        assert got == base, name


def _hard_wrap(text: str, width: int) -> str:
    """Wrap body lines at ``width`` the way a PDF-to-text export does (headings, footnote
    markers and table rows kept at line starts; no continuation line may look like a bullet)."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width or line.startswith(("#", "|")):
            out.append(line)
            continue
        parts = textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
        fixed = [parts[0]]
        for p in parts[1:]:
            if re.match(r"^(?:[-+*•–]|[0-9]{1,2}[.)])\s", p):
                head, _, rest = p.partition(" ")
                fixed[-1] += " " + head
                p = rest
            if p:
                fixed.append(p)
        out.extend(fixed)
    return "\n".join(out)


def test_text_wrapped_at_a_fixed_width_gives_the_same_claims(claims):
    def sig(cs):
        return sorted(((c.kind, c.numerator, c.denominator, c.parts, c.reported) for c in cs), key=repr)

    for width in (60, 80):
        wrapped = _hard_wrap(RAW, width)
        body = [x for x in wrapped.split("\n") if not x.startswith(("#", "|"))]
        assert max(len(x) for x in body) <= width + 25
        assert len(body) > len(RAW.split("\n"))
        assert sig(extract_claims(wrapped)) == sig(claims)


def test_table_formulas_and_office_codes_are_not_ratios():
    text = ("| STT | Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ (%) |\n|---|---|---|---|---|\n"
            "| A | B | 2 | 3 | 4=3/2 |\n| 1 | Số xã | 15 | 12 | 80,0 |\n\n"
            "Tỷ lệ (5)=(4)/(3)*100; Công văn số 125/UBND-VP ngày 05/7/2025; năm học 2021/2022; "
            "ISO 9001:2015; lúc 7:30 ngày 30/6; đến 15/8.")
    claims = extract_claims(text)
    assert [c.kind for c in claims if c.kind in AUDITED] == []
    assert sorted(c.kind for c in claims) == ["date", "date", "date", "document"]


def test_change_without_percentage_is_not_a_claim():
    assert extract_claims("Huyện hiện có 143 công chức xã, giảm 21 người so với năm 2015.") == []


def test_targets_found_before_claims(claims):
    by_id = {c.id: c for c in claims}
    assert by_id["ratio-61-1"].target.value == 15 and by_id["ratio-61-1"].target.comparator == "at_least"
    assert by_id["change-75-1"].target.value == 10 and by_id["change-75-1"].target.line == 73
    assert by_id["change-127-1"].target is None


def test_shares_without_counts_are_claims(claims):
    """Every percentage the report states as a result, with no count beside it, is a claim
    that cannot be checked: "28,95% thủ tục", "đạt 100%"; targets ("tối thiểu 90%") are not."""
    shares = [c for c in claims if c.detail.get("share_only")]
    lines = RAW.split("\n")
    for c in shares:
        assert c.kind == "ratio" and c.numerator is None and c.denominator is None
        assert c.reported.removesuffix("%") in lines[c.line - 1].replace(" %", "%"), c
    by_line = {(c.line, c.reported) for c in shares}
    # the report's share of procedures offered online, which has no counts (target 2e)
    line = next(i for i, x in enumerate(lines, 1) if "28,95%" in x)
    assert (line, "28,95%") in by_line
    # a percentage after "tối thiểu" is a target, never a claim
    for i, x in enumerate(lines, 1):
        for m in re.finditer(r"tối thiểu ([0-9]+(?:,[0-9]+)?) ?%", x):
            assert (i, m.group(1) + "%") not in by_line or x.count(m.group(1) + "%") > 1
    findings = audit_claims(shares)
    assert {f.status for f in findings} == {"unverifiable"}
