"""Property tests: extraction and audit never crash, and count inference is exact."""
from __future__ import annotations

import unicodedata
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parstats.audit import audit_text, counts_for_percent, split_counts, totals_for_percent
from parstats.audit.extraction import extract_claims
from parstats.paths import RAW_REPORT

RAW = RAW_REPORT.read_text(encoding="utf-8")
LINES = RAW.split("\n")
PIECES = ["28/1.752", " đạt ", "1,6%", "tỷ lệ ", " người", "(", ")", "<sup>3</sup>", "\n\n", "\r\n",
          "\u00a0", "giảm ", " so với năm 2021", ";", ". ", ": ", "gồm ", "trong đó ", "xếp thứ ",
          "ngày ", "14/5/2021", "7889/QĐ-UBND", "02/0216/QĐ-UBND", "| 4=3/2 |", "0", "9", "99", ",",
          ".", "%", "/", "-", "trên tổng số ", "<sup>", "[^1]: ", "- ", "# ", "---\n", "Cấp xã: "]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _exercise(text):
    claims = extract_claims(text)
    rep = audit_text(text)
    assert len(rep.findings) == len(claims)
    for f in rep.findings:
        assert f.status in ("consistent", "inconsistent", "unverifiable")
        assert f.claim.line >= 1
        f.to_dict()
    rep.to_table()
    rep.to_csv()
    return claims


@SETTINGS
@given(st.text())
def test_random_unicode_never_crashes(text):
    _exercise(text)


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=80))
def test_report_like_fragments_never_crash(pieces):
    _exercise("".join(pieces))


@SETTINGS
@given(st.binary(max_size=2000))
def test_binary_looking_input_never_crashes(data):
    _exercise(data.decode("latin-1"))
    _exercise(data.decode("utf-8", errors="replace"))


@SETTINGS
@given(st.integers(0, len(LINES) - 1), st.integers(1, 40), st.sampled_from(["\r\n", "\n", "\r"]),
       st.booleans(), st.booleans())
def test_report_slices_with_crlf_nbsp_nfd(start, n, eol, nbsp, nfd):
    text = eol.join(LINES[start:start + n])
    if nbsp:
        text = text.replace(" ", "\u00a0")
    if nfd:
        text = unicodedata.normalize("NFD", text)
    claims = _exercise(text)
    assert all(1 <= c.line <= n for c in claims)


def test_very_long_lines():
    body = " ".join(LINES[150:155])
    text = (body + " ") * 400  # one line of ~0.5 MB
    claims = _exercise(text)
    assert sum(c.kind == "ratio" for c in claims) >= 400
    assert all(c.line == 1 for c in claims)
    _exercise("1/" * 50000 + "%" * 1000 + "(" * 5000 + "9" * 5000)


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
    # _prev_word/_prev2 scan backwards for speed; they must agree with the regex searches
    from parstats.audit.tokens import _PREV2_RE, _PREV_WORDS_RE, _prev2, _prev_word

    s = data.draw(st.integers(0, len(text)))
    m = _PREV_WORDS_RE.search(text, max(0, s - 40), s)
    assert _prev_word(text, s) == (m.group(1).lower() if m else None)
    m = _PREV2_RE.search(text, max(0, s - 50), s)
    assert _prev2(text, s) == (f"{m.group(1)} {m.group(2)}".lower() if m else None)
