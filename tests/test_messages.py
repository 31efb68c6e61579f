"""The audit's words for a reader (:mod:`parstats.audit.messages`).

Every diagnosis the audit writes on the home report, the hand-made corpus and the labelled
real texts must come out wholly in Vietnamese, with every number of the English in it.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from parstats.audit import STATUSES, audit_path, audit_text, basis
from parstats.audit import messages as M
from parstats.audit.inputs import Location
from parstats.audit.model import KINDS

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ([ROOT / "data" / "raw" / "bao-cao-so-ket-ctr-09-tu.md"]
         + sorted((ROOT / "tests" / "corpus").glob("*.md"))
         + sorted((ROOT / "tests" / "audit_eval" / "texts").glob("*.md")))

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTED = re.compile(r"«[^»]*»|'[^']*'")
#: English words that no Vietnamese diagnosis keeps (outside words quoted from the text)
_ENGLISH = {"the", "of", "is", "by", "than", "gives", "rounded", "total", "count", "share",
            "reported", "line", "which", "not", "and", "instead", "parts", "date", "probably"}


@pytest.fixture(scope="module")
def findings():
    out = []
    for path in TEXTS:
        out += [(path.name, f) for f in audit_path(path).findings]
    assert len(out) > 1000
    return out


def test_every_diagnosis_is_vietnamese(findings):
    left = {(name, f.claim.id): M.untranslated(f.diagnosis) for name, f in findings
            if M.untranslated(f.diagnosis)}
    assert not left, f"{len(left)} diagnoses keep English clauses, e.g. {list(left.items())[:3]}"
    causes = Counter(f.cause for _, f in findings if f.status == "inconsistent")
    assert len(causes) >= 5, causes  # the texts exercise many kinds of diagnosis
    for name, f in findings:
        if f.diagnosis is None:
            assert M.diagnosis(f) is None
            continue
        vi = M.diagnosis(f)
        assert vi != f.diagnosis, (name, f.claim.id)
        words = set(re.findall(r"[a-z]+", _QUOTED.sub("", vi)))
        assert not words & _ENGLISH, (name, f.claim.id, vi)
        # every number of the English is in the Vietnamese, as many times
        missing = Counter(_NUMBER.findall(f.diagnosis)) - Counter(_NUMBER.findall(vi))
        assert not missing, (name, f.claim.id, f.diagnosis, vi)


def test_every_basis_is_vietnamese(findings):
    seen = {basis(f.claim) for _, f in findings} - {None}
    assert len(seen) > 20
    for text in seen:
        vi = M.basis_text(text)
        assert vi != text, text
        evidence = text.split("; evidence=", 1)[-1]  # the rule's name ('breakdown-100') is not translated
        assert not Counter(_NUMBER.findall(evidence)) - Counter(_NUMBER.findall(vi)), (text, vi)
        assert M.basis_text(text, "en") == text


def test_english_is_the_finding_s_own(findings):
    for _, f in findings[:500]:
        assert M.diagnosis(f, "en") == f.diagnosis


def test_words_for_every_status_kind_and_severity():
    assert [M.status_text(s) for s in STATUSES] == ["nhất quán", "không nhất quán", "không kiểm chứng được"]
    assert [M.status_text(s, "en") for s in STATUSES] == list(STATUSES)
    assert M.severity_text("minor") == "nhỏ" and M.severity_text("major") == "nghiêm trọng"
    assert all(M.kind_text(k) and M.kind_text(k, "en") for k in KINDS)
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        M.status_text("consistent", "fr")


def test_statuses_are_those_of_the_analysis():
    from parstats.analysis.shares import STATUS_LABELS

    assert {s: STATUS_LABELS[s] for s in STATUSES} == M.STATUSES_VI


@pytest.mark.parametrize("loc, vi, en", [
    (Location(153), "dòng 153", "line 153"),
    (Location(7, section="II.1"), "mục II.1", "section II.1"),
    (Location(40, footnote="5"), "chú thích 5", "footnote 5"),
    (Location(9, page=3), "trang 3", "page 3"),
    (Location(12, table=2, row=4, column=3), "bảng 2, hàng 4, cột 3", "table 2, row 4, column 3"),
    (Location(12, page=2, table=1, row=3), "trang 2, bảng 1, hàng 3", "page 2, table 1, row 3"),
])
def test_location_text(loc, vi, en):
    assert M.location_text(loc) == vi
    assert M.location_text(loc, "en") == en


def test_recomputation_of_the_issue_s_example():
    f = audit_text("Cán bộ có trình độ đại học trở lên là 128/129 người, tỷ lệ 98,45%.").findings[0]
    x, y = f.claim.numerator, f.claim.denominator
    assert M.recomputation_text(f) == f"{x}/{y} = {f.recomputed}, báo cáo ghi {f.claim.reported}"
    assert M.recomputation_text(f, "en").endswith(f"the report writes {f.claim.reported}")


def test_lines_named_where_they_stand(findings):
    """A diagnosis or basis that names a line of the read text names it the reader's way."""
    named = 0
    for _, f in findings:
        for en, vi in ((f.diagnosis, M.diagnosis(f, where=lambda n: f"trang ~{n}")),
                       (basis(f.claim), M.basis_text(basis(f.claim), where=lambda n: f"trang ~{n}"))):
            if en is None:
                continue
            lines = re.findall(r"\bline (\d+)", en)
            # no file line named ("dòng 71"); quoted words and «gạch đầu dòng» (bullet) are no line
            assert not re.search(r"dòng ~?\d", re.sub(r"«[^»]*»", "", vi)) and re.findall(r"trang ~(\d+)", vi) == lines, (en, vi)
            named += bool(lines)
    assert named > 50


def test_the_recomputation_of_a_change_a_gap_and_a_calculation_names_what_was_redone():
    from parstats.audit import audit_text
    def rec(text):
        return [M.recomputation_text(f) for f in audit_text(text).findings if M.recomputation_text(f)]
    assert rec("Việt Nam đi từ hạng 98 lên hạng 94 (tăng 3 bậc).") == ["từ 98 đến 94: 4, báo cáo ghi 3"]
    assert rec("Hai đội từng cách nhau 25 bậc, khi Thái Lan đứng thứ 96 còn Việt Nam là 119.") == [
        "giữa 96 và 119: 23, báo cáo ghi 25"]
    assert rec("Tiền lương = 5 x 1.600.000 + 15 x 800.000 = 21.000.000 (đồng)") == [
        "5 x 1.600.000 + 15 x 800.000 = 20.000.000, báo cáo ghi 21.000.000"]
    assert rec("- Đồng: 1.000 tấn x 60% = 600 tấn.") == ["1.000 tấn x 60% = 600, báo cáo ghi 600"]
