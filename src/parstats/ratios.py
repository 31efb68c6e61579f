"""Exact percentages, changes with a named base, target verdicts and parts-of-a-total checks.

Every function works on integers and :class:`~decimal.Decimal` and rounds half-up
(``ROUND_HALF_UP``), as the report's authors round by hand.

Examples
--------
>>> percent(128, 129)
Decimal('99.22')
>>> percent_change(old=1671, new=1563, base="old")
Decimal('-6.46')
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from typing import Iterable, Literal

from parstats.numbers import quantize

Number = int | Decimal

__all__ = [
    "PartsCheck",
    "Target",
    "attainment",
    "check_parts",
    "gap",
    "percent",
    "percent_change",
    "percent_units",
    "verdict",
]

COMPARATORS = ("at_least", "at_most", "rank_between", "equals")


def _dec(value: Number | str, name: str) -> Decimal:
    if isinstance(value, float):
        raise TypeError(f"{name} must be an int or Decimal, not float {value!r} (floats are inexact)")
    return Decimal(value)


def percent(part: Number, whole: Number, decimals: int | None = 2) -> Decimal:
    """``part`` as a percentage of ``whole``, exact, rounded half-up.

    Parameters
    ----------
    part, whole : int or Decimal
        The count and the total it belongs to.
    decimals : int or None
        Places to round to (half-up); ``None`` returns the unrounded exact quotient
        (to 28 significant digits).

    Raises
    ------
    ValueError
        If ``whole`` is zero or negative, ``part`` is negative, or ``part`` exceeds ``whole``.

    Examples
    --------
    >>> percent(27, 197)
    Decimal('13.71')
    >>> percent(28, 1752, 1)
    Decimal('1.6')
    >>> percent(3, 2)
    Traceback (most recent call last):
    ...
    ValueError: part 3 is larger than its whole 2
    >>> percent(1, 0)
    Traceback (most recent call last):
    ...
    ValueError: whole must be positive, got 0
    """
    p, w = _dec(part, "part"), _dec(whole, "whole")
    if w <= 0:
        raise ValueError(f"whole must be positive, got {whole}")
    if p < 0:
        raise ValueError(f"part must not be negative, got {part}")
    if p > w:
        raise ValueError(f"part {part} is larger than its whole {whole}")
    exact = p * 100 / w
    return exact if decimals is None else quantize(exact, decimals)


def percent_units(part: int, whole: int, decimals: int = 2, *, rounding: str = ROUND_HALF_UP) -> int:
    """``part`` as a percentage of ``whole`` in units of the last decimal place, as an int.

    ``percent_units(128, 129, 2)`` is ``9922`` (99,22%). The same number as
    ``percent(part, whole, decimals).scaleb(decimals)``, computed on integers only: it is
    the arithmetic of the count-inference searches (GRIM) that try many candidates, and of
    the audit's diagnoses. Unlike :func:`percent`, ``part`` may exceed ``whole``, so that a
    rise of more than 100% or a part reported larger than its whole can still be recomputed.

    Parameters
    ----------
    part, whole : int
        The count and the total (or the change and its base).
    decimals : int, default 2
        Decimal places of the percentage.
    rounding : {decimal.ROUND_HALF_UP, decimal.ROUND_DOWN, decimal.ROUND_UP}
        Half-up (the report's rule) unless asked otherwise; ``ROUND_DOWN`` truncates and
        ``ROUND_UP`` rounds away from zero (used to diagnose rounding slips).

    Raises
    ------
    TypeError
        If ``part`` or ``whole`` is not an int.
    ValueError
        If ``whole`` is zero or negative, ``part`` or ``decimals`` is negative, or
        ``rounding`` is another mode.

    Examples
    --------
    >>> percent_units(128, 129)
    9922
    >>> percent_units(7, 65, 1), percent_units(7, 65, 1, rounding=ROUND_DOWN)
    (108, 107)
    >>> percent_units(1, 8, 1), percent_units(1, 3, 0, rounding=ROUND_UP)
    (125, 34)
    >>> percent_units(3, 2, 0)
    150
    >>> percent_units(1, 0)
    Traceback (most recent call last):
    ...
    ValueError: whole must be positive, got 0
    """
    if not isinstance(part, int) or not isinstance(whole, int) or isinstance(part, bool) \
            or isinstance(whole, bool):  # floats are inexact, booleans are not counts
        raise TypeError(f"part and whole must be ints, got {part!r} and {whole!r}")
    if whole <= 0:
        raise ValueError(f"whole must be positive, got {whole}")
    if part < 0:
        raise ValueError(f"part must not be negative, got {part}")
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    scaled = part * 100 * 10**decimals
    if rounding == ROUND_HALF_UP:
        return (2 * scaled + whole) // (2 * whole)
    if rounding == ROUND_DOWN:
        return scaled // whole
    if rounding == ROUND_UP:
        return -(-scaled // whole)
    raise ValueError(f"rounding must be ROUND_HALF_UP, ROUND_DOWN or ROUND_UP, got {rounding!r}")


def percent_change(
    old: Number, new: Number, *, base: Literal["old", "new"], decimals: int | None = 2
) -> Decimal:
    """Signed percentage change from ``old`` to ``new``, on an explicitly named base.

    The usual base is the old value (``base="old"``); ``base="new"`` exists to reproduce
    reports that divide by the new value, and must be asked for by name.

    Raises
    ------
    ValueError
        If ``base`` is not ``"old"`` or ``"new"``, or the base value is not positive.

    Examples
    --------
    >>> percent_change(old=65, new=58, base="old", decimals=1)
    Decimal('-10.8')
    >>> percent_change(old=1671, new=1563, base="new")
    Decimal('-6.91')
    """
    o, n = _dec(old, "old"), _dec(new, "new")
    if base not in ("old", "new"):
        raise ValueError(f"base must be 'old' or 'new', got {base!r}")
    denominator = o if base == "old" else n
    if denominator <= 0:
        raise ValueError(f"the base ({base} value) must be positive, got {denominator}")
    exact = (n - o) * 100 / denominator
    return exact if decimals is None else quantize(exact, decimals)


@dataclass(frozen=True)
class Target:
    """A programme target (chỉ tiêu).

    Attributes
    ----------
    comparator : {"at_least", "at_most", "rank_between", "equals"}
        ``at_least`` (tối thiểu / phấn đấu X%), ``at_most``, ``rank_between`` (from rank
        ``value`` to rank ``upper``, 1 being best), ``equals`` (e.g. 100%).
    value : Decimal or int
        The target value (a percentage, a count or the best rank of the band).
    upper : Decimal or int, optional
        The worst acceptable rank for ``rank_between``.

    Examples
    --------
    >>> Target("rank_between", 4, 6)
    Target(comparator='rank_between', value=4, upper=6)
    """

    comparator: str
    value: Number
    upper: Number | None = None

    def __post_init__(self) -> None:
        if self.comparator not in COMPARATORS:
            raise ValueError(f"comparator must be one of {COMPARATORS}, got {self.comparator!r}")
        if (self.comparator == "rank_between") != (self.upper is not None):
            raise ValueError("a rank_between target needs an upper rank, and only it does")
        if self.upper is not None and self.upper < self.value:
            raise ValueError(f"rank band {self.value}-{self.upper} is reversed")


def verdict(target: Target, actual: Number) -> bool:
    """Whether ``actual`` meets ``target``.

    For ranks, 1 is best: a rank inside the band or better than it meets a "from 4th to
    6th" target.

    Examples
    --------
    >>> verdict(Target("at_least", 90), Decimal("88.08"))
    False
    >>> verdict(Target("rank_between", 4, 6), 4)
    True
    >>> verdict(Target("rank_between", 4, 6), 8)
    False
    >>> verdict(Target("equals", 100), 100)
    True
    """
    a = _dec(actual, "actual")
    if target.comparator == "at_least":
        return a >= target.value
    if target.comparator == "at_most":
        return a <= target.value
    if target.comparator == "rank_between":
        return a <= target.upper
    return a == target.value


def gap(target: Target, actual: Number) -> Decimal:
    """How far ``actual`` is from the target, signed so that negative means short of it.

    For ``at_least`` and ``equals``: actual - target; for ``at_most``: target - actual; for
    ``rank_between``: worst acceptable rank - actual rank (0 or more means inside or better).

    Examples
    --------
    >>> gap(Target("at_least", 50), Decimal("28.95"))
    Decimal('-21.05')
    >>> gap(Target("rank_between", 4, 6), 8)
    Decimal('-2')
    """
    a = _dec(actual, "actual")
    if target.comparator == "at_most":
        return Decimal(target.value) - a
    if target.comparator == "rank_between":
        return Decimal(target.upper) - a
    return a - Decimal(target.value)


def attainment(target: Target, actual: Number, decimals: int = 2) -> Decimal | None:
    """Actual as a percentage of the target value (``None`` for rank targets).

    Examples
    --------
    >>> attainment(Target("at_least", 15), Decimal("13.70"))
    Decimal('91.33')
    >>> attainment(Target("rank_between", 4, 6), 8) is None
    True
    """
    if target.comparator == "rank_between":
        return None
    a = _dec(actual, "actual")
    t = Decimal(target.value)
    if t <= 0:
        raise ValueError(f"target value must be positive to compute attainment, got {t}")
    ratio = t * 100 / a if target.comparator == "at_most" else a * 100 / t
    return quantize(ratio, decimals)


@dataclass(frozen=True)
class PartsCheck:
    """The result of :func:`check_parts`: do the parts add up to the stated total?"""

    parts: tuple[int, ...]
    total: int
    sum: int
    difference: int

    @property
    def ok(self) -> bool:
        return self.difference == 0


def check_parts(parts: Iterable[Number], total: Number) -> PartsCheck:
    """Add ``parts`` and compare them with a stated ``total``.

    ``difference`` is sum - total (positive: the parts exceed the total).

    Raises
    ------
    ValueError
        If the total is not positive, a part is negative, or a single part exceeds the total.

    Examples
    --------
    >>> check_parts([6, 259, 30], 295)
    PartsCheck(parts=(6, 259, 30), total=295, sum=295, difference=0)
    >>> check_parts([24, 1278, 186], 1488).ok
    True
    >>> check_parts([300], 295)
    Traceback (most recent call last):
    ...
    ValueError: part 300 is larger than the stated total 295
    """
    values = tuple(_dec(p, "part") for p in parts)
    t = _dec(total, "total")
    if t <= 0:
        raise ValueError(f"total must be positive, got {total}")
    for p in values:
        if p < 0:
            raise ValueError(f"part must not be negative, got {p}")
        if p > t:
            raise ValueError(f"part {p} is larger than the stated total {total}")
    s = sum(values, Decimal(0))
    as_int = lambda d: int(d) if d == d.to_integral_value() else d  # noqa: E731
    return PartsCheck(tuple(as_int(v) for v in values), as_int(t), as_int(s), as_int(s - t))
