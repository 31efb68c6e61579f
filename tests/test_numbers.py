"""parstats.numbers: exact Vietnamese number parsing and half-up formatting."""
from decimal import Decimal, localcontext

import re

import pytest
from babel.numbers import format_decimal, parse_decimal
from hypothesis import given, strategies as st

from parstats.numbers import (
    INTEGER_PATTERN, LOCALE, NUMBER_PATTERN, format_number, format_percent, parse_count,
    parse_number, parse_percent, quantize, transpositions,
)


@pytest.mark.parametrize("text, value, decimals, pct", [
    ("84,11%", Decimal("84.11"), 2, True),
    ("1.752", Decimal("1752"), 0, False),
    ("02", Decimal("2"), 0, False),
    ("01%", Decimal("1"), 0, True),
    ("72.187", Decimal("72187"), 0, False),
    ("1.752,5", Decimal("1752.5"), 1, False),
    ("84,10", Decimal("84.10"), 2, False),
    ("1,752", Decimal("1.752"), 3, False),  # a lone comma is the decimal mark
    ("98,45 %", Decimal("98.45"), 2, True),
    ("\u00a0 7,38%\u00a0", Decimal("7.38"), 2, True),
    ("1.000.000", Decimal("1000000"), 0, False),
])
def test_parse_number_valid(text, value, decimals, pct):
    n = parse_number(text)
    assert (n.value, n.decimals, n.percent) == (value, decimals, pct)
    assert n.text == text.replace("\u00a0", " ").strip()


def test_precision_is_kept():
    assert parse_number("84,10").decimals == 2 and parse_number("84,1").decimals == 1
    assert parse_number("84,10").value == parse_number("84,1").value


@pytest.mark.parametrize("text", [
    "1.75.2", "1,752.5", "84.11", "", "   ", "12a", "1.5", "1.7520", "01.752", ",5", "5,",
    "1..752", "12%%", "%", "1 752", "١٢", "+5",
])
def test_parse_number_rejects(text):
    with pytest.raises(ValueError) as err:
        parse_number(text)
    assert repr(text.strip()) in str(err.value)


def test_error_names_location():
    with pytest.raises(ValueError, match=r"cannot parse '1\.75\.2' .* in data/x\.csv row 4, column 'total'$"):
        parse_number("1.75.2", where="data/x.csv row 4, column 'total'")


def test_non_string_rejected():
    with pytest.raises(ValueError, match="cannot parse '12.5'"):
        parse_number(12.5)


@pytest.mark.parametrize("text", ["1,752", "84,11%", "-3", "1,0"])
def test_parse_count_rejects_non_counts(text):
    with pytest.raises(ValueError, match="as a count"):
        parse_count(text)


def test_parse_count_valid():
    assert [parse_count(t) for t in ["07", "1.488", "0", "42.712"]] == [7, 1488, 0, 42712]


def test_parse_percent_marks_percent_and_rejects_negative():
    assert parse_percent("28,95").percent
    with pytest.raises(ValueError, match="not negative"):
        parse_percent("-1,5%")


def test_half_up_not_half_even():
    # Babel and round() round half to even; the report rounds half up.
    assert format_number(Decimal("2.665"), 2) == "2,67"
    assert format_number(Decimal("0.125"), 2) == "0,13"
    assert format_percent(Decimal("10.75"), 1) == "10,8%"
    assert quantize(Decimal("-2.5"), 0) == Decimal("-3")


def test_format_groups_thousands():
    assert format_number(1752) == "1.752"
    assert format_number(Decimal("72187.456"), 2) == "72.187,46"
    assert format_percent(Decimal("98.449612"), 2) == "98,45%"


decimals_st = st.integers(min_value=0, max_value=6)


@given(st.decimals(min_value=0, max_value=10**12, allow_nan=False, allow_infinity=False, places=6),
       decimals_st)
def test_format_then_parse_round_trips(value, decimals):
    text = format_number(value, decimals)
    parsed = parse_number(text)
    assert parsed.value == quantize(value, decimals)
    assert parsed.decimals == decimals
    assert format_number(parsed.value, decimals) == text


@given(st.decimals(min_value=0, max_value=100, allow_nan=False, allow_infinity=False, places=4),
       decimals_st)
def test_percent_round_trips(value, decimals):
    text = format_percent(value, decimals)
    parsed = parse_percent(text)
    assert parsed.percent and parsed.value == quantize(value, decimals)


@given(st.text(max_size=30))
def test_parse_never_crashes_unexpectedly(text):
    try:
        parse_number(text)
    except ValueError:
        pass


@given(st.decimals(min_value=-10**15, max_value=10**15, allow_nan=False, allow_infinity=False,
                   places=8),
       decimals_st)
def test_format_number_is_babel_after_half_up(value, decimals):
    # format_number formats without Babel's formatter; it must write exactly what Babel writes
    rounded = quantize(value, decimals)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    assert format_number(value, decimals) == format_decimal(rounded, format=pattern, locale=LOCALE)


@given(st.from_regex(rf"\A-?{NUMBER_PATTERN}(?: ?%)?\Z"))
def test_parse_number_is_babel_on_valid_text(text):
    # parse_number converts without Babel's parser; the value must be what Babel reads
    # (Babel needs a decimal context wide enough for long numbers)
    n = parse_number(text)
    number = text.lstrip("-").rstrip("%").rstrip(" ")
    with localcontext(prec=1000):
        expected = parse_decimal(number, locale=LOCALE, strict=True)
    assert n.value == (-expected if text.startswith("-") else expected)
    assert n.percent == text.endswith("%")


@given(st.text(alphabet="0123456789.,%- ", max_size=12))
def test_parse_number_accepts_exactly_number_pattern(text):
    ok = re.fullmatch(rf"[-−]?{NUMBER_PATTERN}\s?%?", text.strip()) is not None
    try:
        parse_number(text)
    except ValueError:
        assert not ok
    else:
        assert ok


def test_integer_pattern():
    assert all(re.fullmatch(INTEGER_PATTERN, t) for t in ["0", "07", "1.752", "72.187", "1.000.000"])
    assert not any(re.fullmatch(INTEGER_PATTERN, t) for t in ["01.752", "1.75", "1,5", "1.7520"])


def test_large_values_stay_exact():
    big = 10**40 + 1
    assert quantize(big, 0) == big
    assert parse_count(format_number(big)) == big
    assert format_number(Decimal(f"{big}.125"), 2) == format_number(big) + ",13"
    # Babel's parser stops at 28 significant digits; parse_number does not
    assert parse_number(format_number(big) + ",5").value == Decimal(f"{big}.5")
    # more digits than int() converts from text by default (4300)
    assert parse_count("9" * 5000) == 10**5000 - 1
    assert format_number(10**5000).count(".") == 5000 // 3


def test_transpositions():
    assert list(transpositions("2018")) == ["0218", "2108", "2081"]
    assert list(transpositions("7.052")) == ["0.752", "7.502", "7.025"]
    assert list(transpositions("98,45%")) == ["89,45%", "94,85%", "98,54%"]
    assert list(transpositions("")) == [] and list(transpositions("1.111")) == []
