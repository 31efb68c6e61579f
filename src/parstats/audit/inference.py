"""Count inference for percentages (GRIM): the counts and totals a reported share allows."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal, MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_DOWN, ROUND_UP

from parstats.audit.model import Claim
from parstats.numbers import DECIMAL_SYMBOL, decimal_places, format_number, format_percent, parse_percent
from parstats.ratios import percent_units


#: largest range of counts or totals that the inference functions will list
MAX_RESULTS = 1_000_000

#: a context in which moving the decimal point is always exact, whatever the number of digits
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def from_units(units: int, decimals: int) -> Decimal:
    """``units`` of the last of ``decimals`` places as a Decimal, exactly (9845, 2 -> 98.45)."""
    return Decimal(units).scaleb(-decimals, _EXACT)


def reported_units(percent) -> tuple[int, int, str]:
    """A reported percentage as (units of its last decimal place, decimals, text with ``%``).

    ``"92,21%"`` -> ``(9221, 2, "92,21%")``. Accepts the text as written (parsed by
    :func:`parstats.numbers.parse_percent`, so with its strictness and messages), an object
    with a ``.text`` such as a :class:`parstats.numbers.ViNumber`, a Decimal or an int.
    """
    if isinstance(percent, (Decimal, int)) and not isinstance(percent, bool):
        value = Decimal(percent)
        if not value.is_finite() or value < 0:
            raise ValueError(f"expected a non-negative percentage, got {percent!r}")
        decimals = decimal_places(value)
        text = format_percent(value, decimals)
    else:
        written = getattr(percent, "text", percent)
        if not isinstance(written, str):
            raise ValueError(f"expected a percentage string like '92,21%', got {percent!r}")
        number = parse_percent(written)
        value, decimals = number.value, number.decimals
        text = number.text if number.text.endswith("%") else number.text + "%"
    return int(value.scaleb(decimals, _EXACT)), decimals, text


def percent_text(x: int, y: int, d: int) -> str:
    """x/y as a percentage with d decimals, half-up, written the Vietnamese way."""
    return format_percent(from_units(percent_units(x, y, d), d), d)


def exact(x: int, y: int, digits: int = 4) -> str:
    """x/y % truncated to ``digits`` decimals, with an ellipsis when inexact (for diagnoses)."""
    low = percent_units(x, y, digits, rounding=ROUND_DOWN)
    text = format_number(from_units(low, digits), digits).rstrip("0").rstrip(DECIMAL_SYMBOL)
    return text + ("…" if percent_units(x, y, digits, rounding=ROUND_UP) != low else "") + "%"


def count_bounds(r: int, d: int, total: int) -> tuple[int, int]:
    """Counts c (0 <= c <= total) with half_up(c/total at d decimals) == r: inclusive bounds."""
    s2 = 2 * 100 * 10 ** d
    lo = -(-max(0, (2 * r - 1) * total) // s2)
    hi = -(-((2 * r + 1) * total) // s2) - 1
    return lo, min(hi, total)


def total_bounds(r: int, d: int, count: int) -> tuple[int, int | None]:
    """Totals t >= max(count, 1) with half_up(count/t at d decimals) == r (hi None: unbounded)."""
    cs2 = 2 * count * 100 * 10 ** d
    lo = cs2 // (2 * r + 1) + 1
    hi = None if r == 0 else cs2 // (2 * r - 1)
    if r == 0 and count > 0:
        lo = cs2 + 1
    return max(lo, count, 1), hi


def counts_for_percent(percent, total: int) -> list[int]:
    """Every count whose share of ``total``, rounded half-up, gives ``percent`` (GRIM).

    Parameters
    ----------
    percent : str or Decimal
        The reported percentage as written, e.g. ``"92,21%"``; its decimals set the precision.
    total : int
        The total (> 0).

    Returns
    -------
    list of int
        Counts ``0 <= c <= total``; empty when the percentage is impossible for this total.

    Raises
    ------
    ValueError
        For a total <= 0, a malformed percentage or more than :data:`MAX_RESULTS` counts.

    Examples
    --------
    >>> counts_for_percent("98,45%", 129)
    [127]
    >>> counts_for_percent("4,5%", 295)
    []
    >>> counts_for_percent("01%", 295)
    [2, 3, 4]
    """
    r, d, _ = reported_units(percent)
    if not isinstance(total, int) or total <= 0:
        raise ValueError(f"total must be a positive integer, got {total!r}")
    lo, hi = count_bounds(r, d, total)
    if hi - lo + 1 > MAX_RESULTS:
        raise ValueError(f"{hi - lo + 1} counts fit {percent!r} of {total}; more than {MAX_RESULTS}")
    return list(range(lo, hi + 1))


def totals_for_percent(percent, count: int, max_total: int = 100_000) -> list[int]:
    """Every total for which ``count`` rounds half-up to ``percent`` (GRIM).

    Parameters
    ----------
    percent : str or Decimal
        The reported percentage, e.g. ``"13,70%"``.
    count : int
        The count (>= 0).
    max_total : int, default 100000
        Largest total to consider (needed when the percentage rounds to 0).

    Returns
    -------
    list of int
        Totals ``max(count, 1) <= t <= max_total``.

    Raises
    ------
    ValueError
        For a negative count, a malformed percentage or more than :data:`MAX_RESULTS` totals.

    Examples
    --------
    >>> totals_for_percent("4,5%", 13)
    [286, 287, 288, 289, 290, 291, 292]
    >>> totals_for_percent("13,70%", 27)
    []
    >>> totals_for_percent("79,9%", 231)
    [289]
    """
    r, d, _ = reported_units(percent)
    if not isinstance(count, int) or count < 0:
        raise ValueError(f"count must be a non-negative integer, got {count!r}")
    lo, hi = total_bounds(r, d, count)
    hi = max_total if hi is None else min(hi, max_total)
    if hi - lo + 1 > MAX_RESULTS:
        raise ValueError(f"{hi - lo + 1} totals fit; more than {MAX_RESULTS}: lower max_total")
    return list(range(lo, hi + 1))


@dataclass(frozen=True)
class SplitResult:
    """Solutions of :func:`split_counts`: one ``((count, total), …)`` tuple per solution."""

    percents: tuple[str, ...]
    count: int
    total: int
    solutions: tuple[tuple[tuple[int, int], ...], ...]

    @property
    def unique(self) -> bool:
        """True when exactly one split fits."""
        return len(self.solutions) == 1

    def __len__(self) -> int:
        return len(self.solutions)

    def __iter__(self):
        return iter(self.solutions)

    def describe(self) -> str:
        """One English sentence: the unique split, or how many there are.

        Examples
        --------
        >>> print(split_counts(["92,21%", "87,23%"], 265, 295).describe())
        unique: 142/154 (92,21%) and 123/141 (87,23%)
        """
        if not self.solutions:
            return "no split of {}/{} fits {}".format(self.count, self.total, ", ".join(self.percents))
        def one(sol):
            return " and ".join(f"{c}/{t} ({p})" for (c, t), p in zip(sol, self.percents))
        if self.unique:
            return "unique: " + one(self.solutions[0])
        return f"{len(self.solutions)} splits fit, e.g. " + one(self.solutions[0])


def split_counts(percents, count: int, total: int) -> SplitResult:
    """Subgroup counts and totals consistent with their shares and the combined count/total.

    For subgroups known only by their percentages (e.g. the university share of commune
    *cán bộ*, 92,21%, and of commune *công chức*, 87,23%) whose combined count and total are
    known (265 of 295), list every tuple of ``(count, total)`` pairs, one per subgroup, such
    that each pair rounds half-up to its percentage, the counts add up to ``count`` and the
    totals add up to ``total``.

    Parameters
    ----------
    percents : sequence of str
        One percentage per subgroup as written (``"92,21%"``).
    count, total : int
        The combined count and total.

    Returns
    -------
    SplitResult
        ``.solutions`` and ``.unique``.

    Raises
    ------
    ValueError
        For fewer than two percentages, a malformed percentage, ``total <= 0``,
        ``count < 0`` or ``count > total``.

    Examples
    --------
    >>> res = split_counts(["92,21%", "87,23%"], 265, 295)
    >>> res.solutions, res.unique
    ((((142, 154), (123, 141)),), True)
    >>> len(split_counts(["50%", "50%"], 4, 8))
    3
    """
    ps = [reported_units(p) for p in percents]
    if len(ps) < 2:
        raise ValueError(f"split_counts needs at least two percentages, got {list(percents)!r}")
    if not isinstance(total, int) or total <= 0:
        raise ValueError(f"total must be a positive integer, got {total!r}")
    if not isinstance(count, int) or not 0 <= count <= total:
        raise ValueError(f"count must be an integer between 0 and total={total}, got {count!r}")
    sols: list[tuple[tuple[int, int], ...]] = []

    def rec(i: int, rem_c: int, rem_t: int, acc: list) -> None:
        r, d, _ = ps[i]
        if i == len(ps) - 1:
            if rem_t >= 1 and 0 <= rem_c <= rem_t and percent_units(rem_c, rem_t, d) == r:
                sols.append(tuple(acc + [(rem_c, rem_t)]))
            return
        for t in range(1, rem_t - (len(ps) - 1 - i) + 1):
            lo, hi = count_bounds(r, d, t)
            for c in range(lo, min(hi, rem_c) + 1):
                rec(i + 1, rem_c - c, rem_t - t, acc + [(c, t)])

    rec(0, count, total, [])
    return SplitResult(tuple(p[2] for p in ps), count, total, tuple(sols))


def range_text(lo: int, hi: int) -> str:
    return format_number(lo) if lo == hi else f"{format_number(lo)}–{format_number(hi)}"


def readings(reported: str) -> list[tuple[int, int]]:
    """The ways of reading a reported percentage: (units, decimals) as written, then without a padded zero.

    ``"79,90%"`` is read as 79,90 (2 decimals) and as 79,9 (1 decimal, the trailing zero taken
    as padding); ``"4,5%"`` and ``"01%"`` only as written.
    """
    r, d, rep = reported_units(reported)
    out = [(r, d)]
    if d > 0 and rep.removesuffix("%").endswith("0"):
        out.append((r // 10, d - 1))
    return out


def total_hull(c: Claim) -> tuple[int, int | None]:
    """Smallest and largest total (``None``: unbounded) that fits the share ``c`` in any reading."""
    bounds = [total_bounds(r, d, c.numerator) for r, d in readings(c.reported)]
    his = [b for _, b in bounds]
    return min(a for a, _ in bounds), (None if None in his else max(his))


def runs_text(values: list[int]) -> str:
    """Sorted integers as runs: ``[1, 2, 3, 7]`` -> ``"1–3, 7"`` (Vietnamese digit grouping)."""
    runs: list[list[int]] = []
    for v in values:
        if runs and v == runs[-1][1] + 1:
            runs[-1][1] = v
        else:
            runs.append([v, v])
    return ", ".join(range_text(lo, hi) for lo, hi in runs)
