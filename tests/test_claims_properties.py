"""Property tests of the audit: what every finding must satisfy, on any input; count inference.

The fuzz tests feed the audit random and report-like text and check every finding it returns
with one helper, :func:`assert_findings_hold` (its numbers are written in its quote, its status
recomputes, its line is in the text ...); ``test_the_helper_catches`` shows that each of those
properties can fail, and ``test_real_texts_*`` that they hold on the report and the labelled
texts of ``tests/audit_eval``.
"""
from __future__ import annotations

import dataclasses
import datetime
import re
import unicodedata
from decimal import Decimal, localcontext
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parstats.audit import (
    CAUSES_VI,
    KINDS,
    STATUSES,
    Claim,
    Finding,
    audit_text,
    counts_for_percent,
    split_counts,
    totals_for_percent,
)
from parstats.audit.checks import fits_rounded_amounts, scaled_text
from parstats.audit.extraction import extract_claims
from parstats.audit.countedlists import NUMBER_WORDS
from parstats.audit.words import COUNT_WORDS, count_value
from parstats.numbers import NUMBER_PATTERN, format_number, format_percent, parse_number, parse_percent
from parstats.paths import RAW_REPORT
from parstats.ratios import percent, percent_change

RAW = RAW_REPORT.read_text(encoding="utf-8")
LINES = RAW.split("\n")
EVAL_TEXTS = sorted(Path(__file__).parent.joinpath("audit_eval", "texts").glob("*.md"))
PIECES = ["28/1.752", " đạt ", "1,6%", "tỷ lệ ", " người", "(", ")", "<sup>3</sup>", "\n\n", "\r\n",
          "\u00a0", "giảm ", " so với năm 2021", ";", ". ", ": ", "gồm ", "trong đó ", "xếp thứ ",
          "ngày ", "14/5/2021", "7889/QĐ-UBND", "02/0216/QĐ-UBND", "| 4=3/2 |", "0", "9", "99", ",",
          ".", "%", "/", "-", "trên tổng số ", "<sup>", "[^1]: ", "- ", "# ", "---\n", "Cấp xã: "]
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ what every finding satisfies

#: a number as written (``1.752``, ``07``, ``84,11``), then its ``%`` sign if it has one
_WRITTEN = re.compile(rf"(?<![0-9])({NUMBER_PATTERN})(?![0-9])(\s?%)?")
#: a line number cited in a claim's ``denominator_source`` ("footnote 3 (line 71): ...")
_CITED_LINE = re.compile(r"\bline ([0-9]+)\b")


def _text_lines(text: str) -> list[str]:
    """The lines of a text as the audit numbers them: CRLF and a lone CR end a line too."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _counts_written(s: str) -> set[int]:
    """The whole numbers written in ``s``, read the Vietnamese way (``1.752``, ``07``): not
    a percentage, not a decimal, not a piece of a longer number."""
    out = set()
    for m in _WRITTEN.finditer(s):
        n = parse_number(m.group(1))
        if not m.group(2) and not n.decimals:
            out.add(int(n.value))
    # counts in words ("hai địa điểm còn lại", "thua ba, hòa hai")
    out.update(v for w in _WORD_RE.findall(s.lower()) if (v := count_value(w)) is not None)
    return out


_WORD_RE = re.compile(r"[^\W\d_]+")


def _written_as(reported: str, s: str) -> bool:
    """Whether ``reported`` occurs in ``s`` as written (the same digits and separators, not
    inside a longer number), white space aside (``5 %`` for ``5%``)."""
    parts = [re.escape(p) for p in reported.replace("%", " %").split()]
    return re.search(r"(?<![0-9])" + r"\s*".join(parts) + r"(?![0-9])", s) is not None


def _exact_percent(part: int, whole: int, decimals: int) -> Decimal:
    """``part`` of ``whole`` in percent, half-up to ``decimals``, by :mod:`parstats.ratios` in
    a decimal context wide enough to be exact for numbers of any length."""
    with localcontext() as ctx:
        ctx.prec = (part.bit_length() + whole.bit_length()) // 3 + decimals + 20
        if part <= whole:
            return percent(part, whole, decimals)
        # a part above its whole (a rise of more than 100%): the change from whole to whole + part
        return percent_change(old=whole, new=whole + part, base="old", decimals=decimals)


def _paragraph(lines: list[str], line: int) -> range:
    """The line numbers of the paragraph around ``line``: its run of non-blank lines."""
    top = bottom = line
    while top > 1 and lines[top - 2].strip():
        top -= 1
    while bottom < len(lines) and lines[bottom].strip():
        bottom += 1
    return range(top, bottom + 1)


def assert_findings_hold(text: str, findings) -> None:
    """Assert the properties every finding of ``audit_text(text)`` must have.

    * Its kind, status, severity and cause are from the known sets; an inconsistent finding
      has a severity, a cause and a diagnosis, an unverifiable one a diagnosis, a consistent
      one none of them.
    * Its line is a line of ``text``.
    * Every number of its claim is written in the text as the claim has it: the count
      (numerator), every part and the reported value in the quote; the total (denominator) in
      the quote, in the claim's paragraph or at a line its source cites; the base of a change
      is the new value, written in the quote, plus a fall or minus a rise.
    * A checked share or change recomputes (:mod:`parstats.ratios`, exact, half-up at the
      reported decimals) to the reported value if and only if it is consistent, and
      ``recomputed`` writes that value; a checked sum adds up if and only if it is
      consistent; a consistent rank lies within its field; a consistent date is on the calendar.
    """
    lines = _text_lines(text)
    counts_at: dict[int, set[int]] = {}  # line number -> the whole numbers written on it

    def counts_on(n: int) -> set[int]:
        if n not in counts_at:
            counts_at[n] = _counts_written(unicodedata.normalize("NFC", lines[n - 1]))
        return counts_at[n]

    for f in findings:
        c = f.claim
        where = f"claim {c.id} ({f.status}, line {c.line}, quote {c.quote[:300]!r})"
        assert c.kind in KINDS, f"{where}: kind {c.kind!r}"
        assert f.status in STATUSES, f"{where}: status {f.status!r}"
        if f.status == "inconsistent":
            assert f.severity in ("minor", "major"), f"{where}: severity {f.severity!r}"
            assert f.cause in CAUSES_VI, f"{where}: cause {f.cause!r}"
            assert f.diagnosis, f"{where}: no diagnosis"
        else:
            assert f.severity is None and f.cause is None, f"{where}: severity {f.severity!r}, cause {f.cause!r}"
            assert bool(f.diagnosis) == (f.status == "unverifiable"), f"{where}: diagnosis {f.diagnosis!r}"
        assert 1 <= c.line <= len(lines), f"{where}: line {c.line} outside the text's 1..{len(lines)}"

        # every number of the claim is written in the text as the claim has it
        in_quote = _counts_written(c.quote)
        cited = {*_paragraph(lines, c.line), *(int(n) for n in _CITED_LINE.findall(c.denominator_source or ""))}
        if "anchor_line" in c.detail:
            cited.add(c.detail["anchor_line"])
        cited = sorted(n for n in cited if 1 <= n <= len(lines))
        if c.detail.get("points"):
            # percentage points on one integer scale: the values as written are in the quote
            assert c.detail["old_text"].rstrip("%") in c.quote and c.detail["amount_text"] in c.quote, where
        elif c.detail.get("amount_change"):
            # a change amount between two values as written (change-amount, rank-change, a table's
            # difference column): the three are written in the quote
            for key in ("old_text", "new_text", "amount_text"):
                assert c.detail[key] in c.quote, f"{where}: {c.detail[key]} is not in the quote"
        elif "old_text" in c.detail:
            # a change from one value to another (parstats.audit.changes): the new value is written,
            # the old one too or as new minus the amount; on one integer scale when they have
            # decimals (71,74 and 20.225,09 as 7174 and 2022509)
            assert c.detail["new_text"] in c.quote, f"{where}: {c.detail['new_text']} is not in the quote"
            if c.detail.get("contradiction"):  # the direction words against the two values: both written
                assert c.detail["old_text"] in c.quote, f"{where}: {c.detail['old_text']} is not in the quote"
            else:
                assert c.numerator == abs(c.detail["new"] - c.detail["old"]) and c.denominator == c.detail["old"]
        elif "x_text" in c.detail and c.kind == "ratio":
            # amounts with decimals on one integer scale ("49,6 tỷ" as 496), named as written
            assert _written_as(c.detail["x_text"].split()[0], c.quote), f"{where}: {c.detail['x_text']} not in the quote"
        elif c.numerator is not None:
            assert c.numerator in in_quote, f"{where}: numerator {c.numerator} is not written in the quote"
        # a list's parts are its names; points, shares and table cells with decimals are on an integer scale
        table = c.detail.get("rule") == "table-total-row"  # its parts are the cells of other rows
        in_rows = set().union(*(_counts_written(lines[n - 1]) for n in cited)) if table else set()
        # (parts derived by a stated rule: a day's place in its year adds the calendar's months, the
        # points of a record are 3 per win and 1 per draw)
        skip = c.detail.get("list") or c.detail.get("points") or "scale" in c.detail or c.detail.get("derived_parts")
        for p in c.parts or () if not skip else ():
            assert p in (in_rows if table else in_quote), f"{where}: part {p} is not written in the quote"
        if "old_text" in c.detail:
            pass
        elif c.kind == "change" and c.denominator is not None:
            new, direction = c.detail.get("new"), c.detail.get("direction")
            assert new in in_quote, f"{where}: the new value {new} is not written in the quote"
            olds = {"giảm": {new + c.numerator}, "tăng": {new - c.numerator}}.get(
                direction, {new + c.numerator, new - c.numerator})
            assert c.denominator in olds, (
                f"{where}: the base {c.denominator} is not {new} {direction} {c.numerator} undone")
        elif c.detail.get("list") and c.reported and not c.reported[0].isdigit():
            # a count in words ("sáu tuyến"): the word is the count
            assert {**COUNT_WORDS, **NUMBER_WORDS, "đôi": 2, "cặp": 2, "tứ": 4}[c.reported.lower()] == c.denominator, where
        elif c.kind == "sum" and "scale" in c.detail:
            # shares of one whole (100 % implicit) or a table cell with decimals, on an integer scale
            if c.detail.get("unit") == "%":  # the whole is 100 %
                assert c.denominator == 100 * c.detail["scale"], where
            else:  # the total cell, as written
                # (as a value: a total written "943,5" is 943,50 on the scale of parts with two decimals)
                assert parse_number(re.sub(r"\s", "", scaled_text(c.denominator, c))).value == \
                    parse_number(re.sub(r"\s", "", c.reported)).value, where
        elif c.detail.get("rule") in ("complete-breakdown", "record-rate") and c.denominator is not None:
            # the whole is the sum of the breakdown's counts, said in the evidence
            assert f"= {format_number(c.denominator)})" in c.denominator_source, where
        elif "y_text" in c.detail and c.kind == "ratio":
            places = [c.quote] + [unicodedata.normalize("NFC", lines[n - 1]) for n in cited]
            assert any(_written_as(c.detail["y_text"].split()[0], s) for s in places), where
        elif c.denominator is not None:
            assert c.denominator in in_quote or any(c.denominator in counts_on(n) for n in cited), (
                f"{where}: denominator {c.denominator} is written neither in the quote nor at lines {cited}")
        if c.detail.get("written"):
            # a value the text writes otherwise ("+1.4%"), reported in Vietnamese notation ("1,4%")
            assert c.detail["written"] in c.quote, where
            assert re.sub(r"[^0-9]", "", c.detail["written"]) == re.sub(r"[^0-9]", "", c.reported), where
        elif c.reported is not None:
            places = [c.quote] + ([unicodedata.normalize("NFC", lines[n - 1]) for n in cited]
                                  if c.kind == "sum" else [])  # a sum's total may be stated before it
            assert any(_written_as(c.reported, s) for s in places), (
                f"{where}: reported {c.reported!r} is not written in the quote"
                + (f" nor at lines {cited}" if c.kind == "sum" else ""))

        # the status, recomputed
        if f.status == "unverifiable":
            continue
        if c.kind == "ratio" and c.reported is None:
            # a complete fraction of one counted noun ("09/12 cơ quan"): consistent, its share recomputed
            assert c.detail.get("unit") and c.numerator is not None and c.denominator, f"{where}: a bare fraction"
            assert c.numerator <= c.denominator and f.status == "consistent", f"{where}: part above whole"
            assert f.recomputed == format_percent(_exact_percent(c.numerator, c.denominator, 2), 2), where
        elif c.detail.get("per_unit"):  # a per-unit average: its own check (parstats.audit.averages)
            assert f.recomputed and (f.status != "inconsistent" or c.numerator is not None), where
        elif c.kind == "ratio" and "exact" in c.detail:
            # "A x P% = B" written out (parstats.audit.expressions): checked as the calculation
            assert f.recomputed == c.detail["computed"] and (f.status == "consistent") == c.detail["exact"], where
        elif c.kind == "change" and c.detail.get("contradiction"):
            # the direction words against the sign or the values (change-direction): always flagged
            assert f.status == "inconsistent" and c.reported, where
        elif c.kind in ("ratio", "change"):
            assert c.reported and c.numerator is not None and c.denominator, f"{where}: checked without its numbers"
            rep = parse_percent(c.reported)
            exact = _exact_percent(c.numerator, c.denominator, rep.decimals)
            r_units, r_dec = int(rep.value.scaleb(rep.decimals)), rep.decimals
            assert (exact == rep.value or bool(c.detail.get("rounded_amounts") and fits_rounded_amounts(
                c.numerator, c.denominator, r_units, r_dec))) == (f.status == "consistent"), (
                f"{where}: {c.numerator}/{c.denominator} gives {format_percent(exact, rep.decimals)}, "
                f"reported {c.reported}")
            assert f.recomputed == format_percent(exact, rep.decimals), (
                f"{where}: recomputed {f.recomputed!r}, not {format_percent(exact, rep.decimals)}")
        elif c.kind == "sum" and c.detail.get("amount_change") and "scale" not in c.detail:
            # a change amount between two values: the difference of the two is recomputed
            assert (sum(c.parts) == c.denominator) == (f.status == "consistent"), where
            assert f.recomputed == format_number(c.denominator - c.parts[0]), f"{where}: recomputed {f.recomputed!r}"
        elif c.kind == "sum":
            total = sum(c.parts or ())
            # within the rounding of the parts (detail["slack"], in units of the scale) when they have one
            assert (abs(total - c.denominator) <= c.detail.get("slack", 0)) == (f.status == "consistent"), (
                f"{where}: the parts {c.parts} add up to {total}, the total is {c.denominator}")
            want = scaled_text(total, c) if "scale" in c.detail else format_number(total)
            assert f.recomputed == want, f"{where}: recomputed {f.recomputed!r}"
        elif c.kind == "rank" and f.status == "consistent":
            assert 1 <= c.numerator <= c.denominator, f"{where}: rank {c.numerator} of {c.denominator}"
        elif c.kind == "date" and f.status == "consistent" and c.detail.get("day") and c.detail.get("month"):
            try:
                datetime.date(c.detail.get("year") or 2000, c.detail["month"], c.detail["day"])
            except ValueError as e:
                raise AssertionError(f"{where}: {c.reported} is not on the calendar ({e})") from None


def _audit(text):
    rep = audit_text(text)
    assert len(rep.findings) == len(extract_claims(text))
    assert_findings_hold(text, rep.findings)
    for f in rep.findings:
        f.to_dict()
    rep.to_table()
    rep.to_csv()
    return rep.findings


# ------------------------------------------------------------------ fuzz: the properties on any input

@SETTINGS
@given(st.text())
def test_random_unicode_findings_hold(text):
    _audit(text)


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=80))
def test_report_like_fragments_findings_hold(pieces):
    _audit("".join(pieces))


@SETTINGS
@given(st.binary(max_size=2000))
def test_binary_looking_input_findings_hold(data):
    _audit(data.decode("latin-1"))
    _audit(data.decode("utf-8", errors="replace"))


@SETTINGS
@given(st.integers(0, len(LINES) - 1), st.integers(1, 40), st.sampled_from(["\r\n", "\n", "\r"]),
       st.booleans(), st.booleans())
def test_report_slices_with_crlf_nbsp_nfd(start, n, eol, nbsp, nfd):
    text = eol.join(LINES[start:start + n])
    if nbsp:
        text = text.replace(" ", "\u00a0")
    if nfd:
        text = unicodedata.normalize("NFD", text)
    findings = _audit(text)
    assert all(1 <= f.claim.line <= n for f in findings)


def test_very_long_lines():
    body = " ".join(LINES[150:155])
    text = (body + " ") * 400  # one line of ~0.5 MB
    findings = _audit(text)
    assert sum(f.claim.kind == "ratio" and f.status == "consistent" for f in findings) >= 400
    assert all(f.claim.line == 1 for f in findings)
    _audit("1/" * 50000 + "%" * 1000 + "(" * 5000 + "9" * 5000)


# ------------------------------------------------------------------ the properties hold on real texts

def test_real_texts_report_findings_hold():
    findings = _audit(RAW)
    assert {f.status for f in findings} == set(STATUSES)
    assert {f.claim.kind for f in findings} == set(KINDS)


def test_real_texts_labelled_findings_hold():
    assert len(EVAL_TEXTS) > 100
    for path in EVAL_TEXTS:
        text = path.read_text(encoding="utf-8")
        assert_findings_hold(text, audit_text(text).findings)


# ------------------------------------------------------------------ the properties can fail

HAND_TEXT = ("Tinh giản 28/1.752 biên chế, đạt 1,6%.\n"
             "Cán bộ có trình độ đại học trở lên là 128/129 người, tỷ lệ 98,45%.\n"
             "Năm 2022 có 1.563 người, giảm 108 người, đạt 6,91%.\n"
             "Tổng số 295 người, gồm: 06 người; 259 người; 30 người.\n"
             "Huyện xếp thứ 4/11 ngày 14/5/2021.")
#: hand-made findings of HAND_TEXT that have every property
HAND = {
    "ratio": Finding(Claim("ratio-1-1", "ratio", 1, "Tinh giản 28/1.752 biên chế, đạt 1,6%", 28, 1752,
                           reported="1,6%", denominator_source="the fraction itself"),
                     "consistent", recomputed="1,6%"),
    "slip": Finding(Claim("ratio-2-1", "ratio", 2, "là 128/129 người, tỷ lệ 98,45%", 128, 129,
                          reported="98,45%", denominator_source="the fraction itself"),
                    "inconsistent", "major", "count off by a little", "99,22%", cause="count-off"),
    "change": Finding(Claim("change-3-1", "change", 3, "1.563 người, giảm 108 người, đạt 6,91%", 108, 1671,
                            reported="6,91%", detail={"direction": "giảm", "new": 1563}),
                      "inconsistent", "major", "wrong base", "6,46%", cause="wrong-base"),
    "sum": Finding(Claim("sum-4-1", "sum", 4, "06 người; 259 người; 30 người", None, 295, (6, 259, 30), "295",
                         "the total '295 người' before the list"), "consistent", recomputed="295"),
    "rank": Finding(Claim("rank-5-1", "rank", 5, "Huyện xếp thứ 4/11", 4, 11, reported="4/11"), "consistent"),
    "date": Finding(Claim("date-5-1", "date", 5, "4/11 ngày 14/5/2021", reported="14/5/2021",
                          detail={"day": 14, "month": 5, "year": 2021}), "consistent"),
}


def _with(kind, **claim_changes):
    """HAND[kind] with its claim changed."""
    return dataclasses.replace(HAND[kind], claim=dataclasses.replace(HAND[kind].claim, **claim_changes))


def _consistent(f):
    return dataclasses.replace(f, status="consistent", severity=None, diagnosis=None, cause=None)


def _inconsistent(f):
    return dataclasses.replace(f, status="inconsistent", severity="major", diagnosis="a slip", cause="other")


#: one hand-made finding per property it breaks (and only that one), and the message expected
VIOLATIONS = {
    "unknown status": (dataclasses.replace(HAND["ratio"], status="ok"), "status 'ok'"),
    "unknown cause": (dataclasses.replace(HAND["slip"], cause="bad luck"), "cause 'bad luck'"),
    "severity of a consistent finding": (dataclasses.replace(HAND["ratio"], severity="major"),
                                         "severity 'major'"),
    "line outside the text": (_with("rank", line=6), "outside the text's 1..5"),
    "numerator not written": (_with("ratio", numerator=29), "numerator 29 is not written"),
    "numerator read from a longer number": (_with("ratio", numerator=752), "numerator 752 is not written"),
    "denominator not written": (_with("ratio", denominator=1753), "denominator 1753 is written neither"),
    "part not written": (_with("sum", parts=(6, 259, 31)), "part 31 is not written"),
    "total not written": (_with("sum", parts=(6, 259), denominator=265, reported="265"),
                          "denominator 265 is written neither"),
    "reported not as written": (_with("ratio", reported="1,60%"), "reported '1,60%' is not written"),
    "base of a change not the new value plus the fall": (_with("change", denominator=1455),
                                                         "the base 1455 is not"),
    "consistent share that does not recompute": (_consistent(HAND["slip"]), "gives 99,22%, reported 98,45%"),
    "inconsistent share that recomputes": (_inconsistent(HAND["ratio"]), "gives 1,6%, reported 1,6%"),
    "consistent change that does not recompute": (_consistent(HAND["change"]), "gives 6,46%, reported 6,91%"),
    "recomputed value misstated": (dataclasses.replace(HAND["ratio"], recomputed="1,7%"), "recomputed '1,7%'"),
    "consistent sum that does not add up": (_with("sum", parts=(6, 259)), "add up to 265"),
    "inconsistent sum that adds up": (_inconsistent(HAND["sum"]), "add up to 295"),
    "consistent rank outside its field": (_with("rank", numerator=12, reported="12/11",
                                                quote="Huyện xếp thứ 12/11"),
                                          "rank 12 of 11"),
    "consistent date not on the calendar": (_with("date", detail={"day": 31, "month": 2, "year": 2021}),
                                            "not on the calendar"),
}


def test_the_helper_accepts_the_hand_made_findings():
    assert_findings_hold(HAND_TEXT, HAND.values())


@pytest.mark.parametrize("name", VIOLATIONS)
def test_the_helper_catches(name):
    finding, message = VIOLATIONS[name]
    with pytest.raises(AssertionError, match=re.escape(message)):
        assert_findings_hold(HAND_TEXT, [finding])


# ------------------------------------------------------------------ count inference

def _fits(count, total, r, d):
    scaled = Fraction(100 * count * 10 ** d, total)
    return int(scaled + Fraction(1, 2)) == r  # floor(x + 1/2): half-up for x >= 0


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 400), st.integers(0, 3), st.data())
def test_counts_for_percent_is_exact(total, d, data):
    count = data.draw(st.integers(0, total))
    r = int(Fraction(100 * count * 10 ** d, total) + Fraction(1, 2))
    text = f"{r // 10 ** d}" + (f",{r % 10 ** d:0{d}d}" if d else "") + "%"
    got = counts_for_percent(text, total)
    assert count in got
    assert got == [c for c in range(total + 1) if _fits(c, total, r, d)]
    assert all(_fits(count, t, r, d) for t in totals_for_percent(text, count, max_total=total + 50))
    assert total in totals_for_percent(text, count, max_total=total + 50)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.data())
def test_split_counts_contains_the_truth(t1, t2, data):
    c1 = data.draw(st.integers(0, t1))
    c2 = data.draw(st.integers(0, t2))
    p = []
    for c, t in ((c1, t1), (c2, t2)):
        r = int(Fraction(10000 * c, t) + Fraction(1, 2))
        p.append(f"{r // 100},{r % 100:02d}%")
    res = split_counts(p, c1 + c2, t1 + t2)
    assert ((c1, t1), (c2, t2)) in res.solutions
    for (a, ta), (b, tb) in res.solutions:
        assert a + b == c1 + c2 and ta + tb == t1 + t2


WORDISH = st.text(alphabet=st.sampled_from(list("aáđ Ư_9٣²½ ,:.;-\u0301xyz")) | st.characters(
    blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=70)


@given(WORDISH, st.data())
def test_previous_word_scans_match_their_regexes(text, data):
    # prev_word/prev2 scan backwards for speed; they must agree with the regex searches
    from parstats.audit.tokens import PREV2_RE, PREV_WORDS_RE, prev2, prev_word

    s = data.draw(st.integers(0, len(text)))
    m = PREV_WORDS_RE.search(text, max(0, s - 40), s)
    assert prev_word(text, s) == (m.group(1).lower() if m else None)
    m = PREV2_RE.search(text, max(0, s - 50), s)
    assert prev2(text, s) == (f"{m.group(1)} {m.group(2)}".lower() if m else None)
