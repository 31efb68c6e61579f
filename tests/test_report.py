"""parstats.report: sections, re-joined paragraphs, footnotes with raw line numbers."""
import unicodedata

import pytest

from parstats.paths import RAW_REPORT
from parstats.report import load_report, normalize_text, parse_report

RAW_LINES = RAW_REPORT.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def rep():
    return load_report()


def test_sections_numbered_as_the_report(rep):
    ids = [s.id for s in rep.sections]
    for expected in ["I", "I.1", "I.2", "II", "II.1", "II.2", "II.2.1", "II.2.3", "II.2.7",
                     "III", "III.2.1", "III.2.2", "P1", "P2"]:
        assert expected in ids
    # Each section's line really holds its title in the raw file.
    for s in rep.sections:
        assert normalize_text(s.title.split(" ")[0]) in RAW_LINES[s.line - 1]


def test_footnotes_by_number_with_lines(rep):
    assert sorted(rep.footnotes) == list(range(1, 11))
    for n, note in rep.footnotes.items():
        assert RAW_LINES[note.line - 1].startswith(f"<sup>{n}</sup>")
    # Footnote 5 runs on into a second paragraph (Cấp xã), one blank line below.
    fn5 = rep.footnotes[5]
    assert fn5.text.startswith("Cấp huyện:") and "Cấp xã:" in fn5.text
    assert fn5.line_at(fn5.text.index("Cấp xã:")) == fn5.lines[1]
    assert RAW_LINES[fn5.lines[1] - 1].startswith("Cấp xã:")


def test_every_body_line_is_in_exactly_one_unit(rep):
    starts = [ln for p in rep.paragraphs for ln in p.lines]
    starts += [ln for f in rep.footnotes.values() for ln in f.lines]
    assert len(starts) == len(set(starts))


@pytest.mark.parametrize("quote", [
    # cut by footnotes 2 and 3 (page break after "đơn")
    "Đổi mới mạnh mẽ cơ chế phân bổ ngân sách cho cơ quan, đơn vị gắn với nhiệm vụ được giao",
    # cut by footnote 1 and a --- rule after "(PAR INDEX)"
    "chỉ số cải cách hành chính (PAR INDEX) và chỉ số mức độ hài lòng",
    # cut after "83/96"
    "83/96 thủ tục dịch vụ công trực tuyến một phần",
    # cut after "Kế hoạch số": the continuation starts with a digit
    "Kế hoạch số 50-KH/HU ngày 19/5/2022 của Ban Thường vụ Huyện ủy về việc",
])
def test_page_breaks_rejoined(rep, quote):
    loc = rep.locate(quote)
    assert loc is not None
    first_word = quote.split()[0]
    assert first_word in RAW_LINES[loc.line - 1]


def test_locate_gives_source(rep):
    assert rep.locate("Từ năm 2021 đến nay, đã tổ chức 30 cuộc kiểm tra").source == "I.2"
    assert rep.locate("Thạc sỹ 06 người; Đại học 259 người").source == "fn10"
    assert rep.locate("Kế hoạch số 44/KH-UBND ngày 10/3/2023").source == "P2.7"
    assert rep.locate("Nơi nhận:").source == "P2"


def test_paragraph_does_not_swallow_next_sentence(rep):
    # "Đến nay" after footnote 8 starts a new paragraph (three blank lines: a new page).
    para = next(p for p in rep.paragraphs if p.text.startswith("Đến nay, số lượng cán bộ"))
    assert para.section == "II.2.5" and para.footnote_refs == (9,)


def test_crlf_nfd_and_nbsp_are_normalised():
    text = RAW_REPORT.read_text(encoding="utf-8")
    messy = unicodedata.normalize("NFD", text).replace("\n", "\r\n").replace("tỷ lệ 98,45%", "tỷ lệ\u00a098,45%")
    a, b = parse_report(text), parse_report(messy)
    assert [p.text for p in a.paragraphs] == [p.text for p in b.paragraphs]
    assert a.footnotes == b.footnotes


def test_not_utf8(tmp_path):
    bad = tmp_path / "bad.md"
    good = "tỷ lệ".encode("utf-8")
    bad.write_bytes(good + b"\xff\xfe")
    with pytest.raises(ValueError, match=rf"bad\.md: not valid UTF-8 at byte {len(good)} \(b'\\xff'\)"):
        load_report(bad)
