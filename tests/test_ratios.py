"""parstats.ratios: exact percentages, named-base changes, targets, parts of totals."""
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal

import pytest
from hypothesis import given, strategies as st

from parstats.numbers import quantize
from parstats.ratios import (
    Target, attainment, check_parts, gap, percent, percent_change, percent_units, verdict,
)


def test_percent_half_up_and_exact():
    assert percent(27, 197) == Decimal("13.71")
    assert percent(7, 65, 1) == Decimal("10.8")
    assert percent(1, 8, 1) == Decimal("12.5")
    assert percent(1, 3, None) == Decimal(100) / Decimal(3)


@pytest.mark.parametrize("part, whole, message", [
    (1, 0, "whole must be positive, got 0"),
    (1, -5, "whole must be positive, got -5"),
    (-1, 5, "part must not be negative, got -1"),
    (6, 5, "part 6 is larger than its whole 5"),
])
def test_percent_errors(part, whole, message):
    with pytest.raises(ValueError, match=message):
        percent(part, whole)


def test_floats_refused():
    with pytest.raises(TypeError, match="float"):
        percent(0.1, 3)


def test_change_needs_a_named_base():
    with pytest.raises(TypeError):
        percent_change(1671, 1563)  # base is keyword-only and required
    with pytest.raises(ValueError, match="base must be 'old' or 'new'"):
        percent_change(1671, 1563, base="2021")
    assert percent_change(old=1671, new=1563, base="old") == Decimal("-6.46")
    assert percent_change(old=1671, new=1563, base="new") == Decimal("-6.91")
    with pytest.raises(ValueError, match="must be positive"):
        percent_change(old=0, new=3, base="old")


@pytest.mark.parametrize("target, actual, met, g", [
    (Target("at_least", 90), Decimal("88.08"), False, Decimal("-1.92")),
    (Target("at_least", 80), Decimal("92.21"), True, Decimal("12.21")),
    (Target("at_most", 5), Decimal("4"), True, Decimal("1")),
    (Target("rank_between", 4, 6), 4, True, Decimal("2")),
    (Target("rank_between", 4, 6), 3, True, Decimal("3")),
    (Target("rank_between", 4, 6), 8, False, Decimal("-2")),
    (Target("equals", 100), 100, True, Decimal("0")),
    (Target("equals", 100), Decimal("62.2"), False, Decimal("-37.8")),
])
def test_verdict_and_gap(target, actual, met, g):
    assert verdict(target, actual) is met
    assert gap(target, actual) == g
    assert (gap(target, actual) >= 0) is met or target.comparator == "equals"


def test_attainment():
    assert attainment(Target("at_least", 50), Decimal("28.95")) == Decimal("57.90")
    assert attainment(Target("at_most", 10), Decimal("20")) == Decimal("50.00")
    assert attainment(Target("rank_between", 4, 6), 8) is None


@pytest.mark.parametrize("args, message", [
    (("more", 1), "comparator must be one of"),
    (("rank_between", 4), "needs an upper rank"),
    (("at_least", 4, 6), "needs an upper rank"),
    (("rank_between", 6, 4), "reversed"),
])
def test_bad_targets(args, message):
    with pytest.raises(ValueError, match=message):
        Target(*args)


def test_check_parts():
    ok = check_parts([6, 259, 30], 295)
    assert ok.ok and ok.sum == 295
    off = check_parts([11, 43, 11, 63, 1], 128)
    assert off.sum == 129 and off.difference == 1 and not off.ok
    with pytest.raises(ValueError, match="part 300 is larger than the stated total 295"):
        check_parts([300], 295)
    with pytest.raises(ValueError, match="total must be positive"):
        check_parts([1], 0)


@given(st.integers(min_value=1, max_value=10**6), st.data(), st.integers(min_value=0, max_value=4))
def test_percent_matches_integer_arithmetic(whole, data, decimals):
    part = data.draw(st.integers(min_value=0, max_value=whole))
    # Half-up on exact integers: floor((2 * part * 100 * 10^d + whole) / (2 * whole)).
    scaled = (2 * part * 100 * 10**decimals + whole) // (2 * whole)
    assert percent(part, whole, decimals) == quantize(Decimal(scaled).scaleb(-decimals), decimals)


@given(st.integers(min_value=1, max_value=10**9), st.data(), st.integers(min_value=0, max_value=5))
def test_percent_units_is_percent_scaled(whole, data, decimals):
    part = data.draw(st.integers(min_value=0, max_value=whole))
    expected = percent(part, whole, decimals).scaleb(decimals)
    assert percent_units(part, whole, decimals) == expected
    assert percent_units(part, whole, decimals, rounding=ROUND_HALF_UP) == expected


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=0, max_value=10**8),
       st.integers(min_value=0, max_value=4),
       st.sampled_from([ROUND_HALF_UP, ROUND_DOWN, ROUND_UP]))
def test_percent_units_any_part_any_rounding(whole, part, decimals, rounding):
    # part may exceed whole (a rise of more than 100%); compare with exact Decimal rounding
    exact = Decimal(part * 100) / Decimal(whole)
    got = percent_units(part, whole, decimals, rounding=rounding)
    assert Decimal(got).scaleb(-decimals) == exact.quantize(Decimal(1).scaleb(-decimals), rounding)
    if part <= whole and rounding == ROUND_HALF_UP:
        assert Decimal(got).scaleb(-decimals) == percent(part, whole, decimals)


@pytest.mark.parametrize("args, kwargs, error, message", [
    ((1, 0), {}, ValueError, "whole must be positive, got 0"),
    ((-1, 5), {}, ValueError, "part must not be negative, got -1"),
    ((1, 5, -1), {}, ValueError, "decimals must be >= 0"),
    ((1, 5), {"rounding": ROUND_HALF_EVEN}, ValueError, "rounding must be"),
    ((0.5, 5), {}, TypeError, "must be ints"),
    ((True, 5), {}, TypeError, "must be ints"),
    ((1, Decimal(5)), {}, TypeError, "must be ints"),
])
def test_percent_units_errors(args, kwargs, error, message):
    with pytest.raises(error, match=message):
        percent_units(*args, **kwargs)
