"""Consistency audit: recompute every quoted figure of a report, flag and explain what does not add up.

statcheck recomputes the p-values that psychology papers report; the GRIM test asks whether a
reported mean is even possible for the sample size given. This module does both for the
percentages, changes and sums of a Vietnamese report: each claim found by
:func:`parstats.claims.extract_claims` gets a status (``consistent``, ``inconsistent`` or
``unverifiable``), and an inconsistent one gets its most likely cause and a severity.

A percentage is **consistent** when the exact value, rounded half-up at the precision the report
used, gives the reported string (``"01%"`` has 0 decimals, ``"79,90%"`` has 2).

Diagnoses, tried in this order (the first that explains the reported value wins):

* ``rounded down`` instead of half-up (severity ``minor``);
* ``rounded twice`` (first to more decimals, then again; ``minor``);
* ``wrong base``: a change computed on the new value instead of the old one;
* ``transposed digits`` in the count, the total or the reported value;
* ``count or total off by a little``, naming the nearest counts and totals that would fit; a
  passage whose shares all fit one other total is diagnosed together;
* ``rounded up`` instead of half-up;
* otherwise no simple explanation.

Everything inconsistent that is not a rounding slip is severity ``major``. When a target is
known (stated before the claim, like ``Phấn đấu 15% …`` or ``giảm tối thiểu 10%``, or passed in
by the caller) and the error changes the verdict against it, the inconsistency is **gross**
(statcheck's term) and always ``major``.

Count inference (GRIM for percentages): :func:`counts_for_percent`, :func:`totals_for_percent`
and :func:`split_counts`; :func:`shared_total_fits` lists the totals behind a passage diagnosed
together. The figure of the audit is :func:`parstats.charts.reported_vs_recomputed_chart`.

Examples
--------
>>> report = audit_text("Cán bộ có trình độ đại học trở lên là 128/129 người, tỷ lệ 98,45%.")
>>> f = report.findings[0]
>>> f.status, f.recomputed, f.severity
('inconsistent', '99,22%', 'major')
>>> print(f.diagnosis)
count off by a little: 127/129 gives 98,45% (1 less than 128)
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
from dataclasses import dataclass, field
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_DOWN, ROUND_UP, Context, Decimal
from pathlib import Path

from parstats.claims import KINDS, Claim, ReportReadError, _gc_paused, extract_claims, read_text
from parstats.documents import valid_date
from parstats.files import write_atomic
from parstats.numbers import (
    DECIMAL_SYMBOL,
    format_number,
    format_percent,
    parse_count,
    parse_percent,
    quantize,
    transpositions,
)
from parstats.paths import RAW_REPORT, display_path
from parstats.ratios import Target, percent_units, verdict

__all__ = [
    "STATUSES",
    "Finding",
    "AuditReport",
    "SplitResult",
    "counts_for_percent",
    "totals_for_percent",
    "split_counts",
    "audit_claims",
    "shared_total_fits",
    "audit_text",
    "audit_path",
    "summary",
    "add_arguments",
    "run",
    "write_json",
    "display_path",
    "findings_frame",
    "counts_frame",
    "reviewer_summary",
]

STATUSES = ("consistent", "inconsistent", "unverifiable")
#: a list whose parts add up to more than this many percent away from its total, with no
#: transposed digits to explain it, is not read as a breakdown of it (it names examples, or
#: rows of a table run together)
SUM_SLACK_PERCENT = 10
#: years a date in a report can have; outside them "ngày 93 tháng 2 năm 5036" is not a date
MIN_DATE_YEAR, MAX_DATE_YEAR = 1000, 2100
#: the last countries left the Julian calendar in 1923: an older 29 February may be Julian
JULIAN_UNTIL = 1923
#: how far a count or total may be from the stated one to be "off by a little"
LITTLE_ABS, LITTLE_REL = 3, Decimal("0.03")
#: largest range of counts or totals that the inference functions will list
MAX_RESULTS = 1_000_000


# --------------------------------------------------------------------------------------------
# exact percentages
# --------------------------------------------------------------------------------------------

#: a context in which moving the decimal point is always exact, whatever the number of digits
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def _from_units(units: int, decimals: int) -> Decimal:
    """``units`` of the last of ``decimals`` places as a Decimal, exactly (9845, 2 -> 98.45)."""
    return Decimal(units).scaleb(-decimals, _EXACT)


def _reported_units(percent) -> tuple[int, int, str]:
    """A reported percentage as (units of its last decimal place, decimals, text with ``%``).

    ``"92,21%"`` -> ``(9221, 2, "92,21%")``. Accepts the text as written (parsed by
    :func:`parstats.numbers.parse_percent`, so with its strictness and messages), an object
    with a ``.text`` such as a :class:`parstats.numbers.ViNumber`, a Decimal or an int.
    """
    if isinstance(percent, (Decimal, int)) and not isinstance(percent, bool):
        value = Decimal(percent)
        if not value.is_finite() or value < 0:
            raise ValueError(f"expected a non-negative percentage, got {percent!r}")
        decimals = max(0, -value.as_tuple().exponent)
        text = format_percent(value, decimals)
    else:
        written = getattr(percent, "text", percent)
        if not isinstance(written, str):
            raise ValueError(f"expected a percentage string like '92,21%', got {percent!r}")
        number = parse_percent(written)
        value, decimals = number.value, number.decimals
        text = number.text if number.text.endswith("%") else number.text + "%"
    return int(value.scaleb(decimals, _EXACT)), decimals, text


def _percent_text(x: int, y: int, d: int) -> str:
    """x/y as a percentage with d decimals, half-up, written the Vietnamese way."""
    return format_percent(_from_units(percent_units(x, y, d), d), d)


def _exact(x: int, y: int, digits: int = 4) -> str:
    """x/y % truncated to ``digits`` decimals, with an ellipsis when inexact (for diagnoses)."""
    low = percent_units(x, y, digits, rounding=ROUND_DOWN)
    text = format_number(_from_units(low, digits), digits).rstrip("0").rstrip(DECIMAL_SYMBOL)
    return text + ("…" if percent_units(x, y, digits, rounding=ROUND_UP) != low else "") + "%"


def _count_bounds(r: int, d: int, total: int) -> tuple[int, int]:
    """Counts c (0 <= c <= total) with half_up(c/total at d decimals) == r: inclusive bounds."""
    s2 = 2 * 100 * 10 ** d
    lo = -(-max(0, (2 * r - 1) * total) // s2)
    hi = -(-((2 * r + 1) * total) // s2) - 1
    return lo, min(hi, total)


def _total_bounds(r: int, d: int, count: int) -> tuple[int, int | None]:
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
    r, d, _ = _reported_units(percent)
    if not isinstance(total, int) or total <= 0:
        raise ValueError(f"total must be a positive integer, got {total!r}")
    lo, hi = _count_bounds(r, d, total)
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
    r, d, _ = _reported_units(percent)
    if not isinstance(count, int) or count < 0:
        raise ValueError(f"count must be a non-negative integer, got {count!r}")
    lo, hi = _total_bounds(r, d, count)
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
    ps = [_reported_units(p) for p in percents]
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
            lo, hi = _count_bounds(r, d, t)
            for c in range(lo, min(hi, rem_c) + 1):
                rec(i + 1, rem_c - c, rem_t - t, acc + [(c, t)])

    rec(0, count, total, [])
    return SplitResult(tuple(p[2] for p in ps), count, total, tuple(sols))


# --------------------------------------------------------------------------------------------
# findings
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """The audit of one claim.

    Attributes
    ----------
    claim : Claim
    status : str
        ``consistent``, ``inconsistent`` or ``unverifiable``.
    severity : str or None
        ``minor`` or ``major`` for an inconsistent claim.
    diagnosis : str or None
        The most likely cause (inconsistent), or why it cannot be checked (unverifiable).
    recomputed : str or None
        The recomputed value written the Vietnamese way (``"99,22%"``, ``"2.059"``).
    gross : bool or None
        For an inconsistent claim with a known target: whether the error changes the verdict.
    cause : str or None
        A short machine-readable cause: ``rounded-down``, ``rounded-twice``, ``wrong-base``,
        ``transposed-digits``, ``count-off``, ``total-off``, ``shared-total``, ``rounded-up``,
        ``parts-mismatch``, ``document``, ``reported-value``, ``other``.
    """

    claim: Claim
    status: str
    severity: str | None = None
    diagnosis: str | None = None
    recomputed: str | None = None
    gross: bool | None = None
    cause: str | None = None
    fits: dict = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:
        """The claim and its audit in the JSON schema of ``parstats audit --format json``."""
        c = self.claim
        return {
            "id": c.id, "kind": c.kind, "line": c.line, "quote": c.quote,
            "numerator": c.numerator, "denominator": c.denominator,
            "parts": list(c.parts) if c.parts is not None else None,
            "reported": c.reported, "recomputed": self.recomputed, "status": self.status,
            "severity": self.severity, "diagnosis": self.diagnosis, "basis": basis(c),
        }


def basis(claim: Claim) -> str | None:
    """How the numbers of a claim were tied together, in words (``None``: nothing to tie).

    Examples
    --------
    >>> from parstats.claims import extract_claims
    >>> [basis(c) for c in extract_claims("Tinh giản 28/1.752 biên chế, đạt 1,6%; ngày 14/5/2021.")]
    ['the fraction itself, with the share in the same clause', 'as written']
    """
    if claim.kind in ("date", "document", "rank"):
        return "as written"
    if claim.kind == "ratio" and claim.denominator_source == "the fraction itself":
        return ("the fraction itself, with the share in the same clause" if claim.reported
                else "the fraction itself, no share stated")
    return claim.denominator_source


def _consistent(claim: Claim, recomputed: str | None = None) -> Finding:
    """``Finding(claim, "consistent", recomputed=recomputed)``, built without the frozen
    dataclass's per-field ``object.__setattr__`` (the same object; most claims are consistent)."""
    f = object.__new__(Finding)
    f.__dict__.update(claim=claim, status="consistent", severity=None, diagnosis=None,
                      recomputed=recomputed, gross=None, cause=None, fits={})
    return f


def _little(v: int) -> int:
    return max(LITTLE_ABS, int((Decimal(v) * LITTLE_REL).to_integral_value(rounding="ROUND_CEILING")))


def _near_fit(lo: int, hi: int | None, v: int) -> int | None:
    """The value of ``lo..hi`` (``hi`` None: unbounded) nearest ``v``, if only a little off it."""
    if hi is not None and hi < lo:
        return None
    nearest = lo if v < lo else hi if hi is not None and v > hi else v
    return nearest if abs(nearest - v) <= _little(v) else None


def _off(diff: int, than: str) -> str:
    """``"3 more than 1.752"`` / ``"1 less than 128"``."""
    return f"{abs(diff)} {'more' if diff > 0 else 'less'} than {than}"


def _range_text(lo: int, hi: int) -> str:
    return format_number(lo) if lo == hi else f"{format_number(lo)}–{format_number(hi)}"


def _count_or_none(text: str) -> int | None:
    """The count a (transposed) figure reads as, or None when it is not a valid count."""
    try:
        return parse_count(text)
    except ValueError:
        return None


def _ratio_diagnosis(x: int, y: int, r: int, d: int, rep: str, xs: str, ys: str,
                     what: str = "count", *, vary_count: bool = True,
                     vary_total: bool = True) -> tuple[str, str, str, dict]:
    """(severity, cause, diagnosis, fits) for an inconsistent percentage x/y reported as r.

    ``vary_count`` / ``vary_total`` False: that number is confirmed elsewhere and no diagnosis
    may change it.
    """
    fits: dict = {}
    # 1. rounded down (truncated)
    if percent_units(x, y, d, rounding=ROUND_DOWN) == r:
        return ("minor", "rounded-down",
                f"rounded down instead of half-up: {format_number(x)}/{format_number(y)} = {_exact(x, y)}, "
                f"which rounds to {_percent_text(x, y, d)}", fits)
    # 2. rounded twice
    for k in range(1, 4):
        mid = _from_units(percent_units(x, y, d + k), d + k)
        if quantize(mid, d) == _from_units(r, d):
            return ("minor", "rounded-twice",
                    f"rounded twice: {_exact(x, y)} was first rounded to {format_percent(mid, d + k)}, "
                    f"then to {rep}; rounded once it is {_percent_text(x, y, d)}", fits)
    # 4. transposed digits in the count, the total or the reported value
    for alt in transpositions(xs) if vary_count else ():
        v = _count_or_none(alt)
        if v is not None and 0 <= v <= y and percent_units(v, y, d) == r:
            return ("major", "transposed-digits",
                    f"transposed digits: {alt}/{ys} gives {rep} ({what} written {xs})", fits)
    for alt in transpositions(ys) if vary_total else ():
        v = _count_or_none(alt)
        if v and percent_units(x, v, d) == r:
            return ("major", "transposed-digits",
                    f"transposed digits: {xs}/{alt} gives {rep} (total written {ys})", fits)
    recomputed = _percent_text(x, y, d)
    for alt in transpositions(rep.removesuffix("%")):
        if alt + "%" == recomputed:
            return ("major", "transposed-digits",
                    f"transposed digits in the reported value: {rep} for {recomputed}", fits)
    # 5. count or total off by a little
    out = []
    lo, hi = _count_bounds(r, d, y)
    nc = _near_fit(lo, hi, x) if vary_count else None
    if nc is not None:
        fits["counts"] = (lo, hi)
        diff = nc - x
        out.append((abs(diff) / max(x, 1), "count-off",
                    f"{what} off by a little: {_range_text(lo, hi) if hi - lo <= 3 else format_number(nc)}"
                    f"/{format_number(y)} gives {rep} ({_off(diff, xs)})"))
    tlo, thi = _total_bounds(r, d, x)
    nt = _near_fit(tlo, thi, y) if vary_total else None
    if nt is not None:
        fits["totals"] = (tlo, thi)
        diff = nt - y
        rng = _range_text(tlo, thi) if thi is not None and thi - tlo <= 9 else format_number(nt)
        out.append((abs(diff) / y, "total-off",
                    f"total off by a little: {xs} of {rng} gives {rep} (nearest {format_number(nt)}, "
                    f"{_off(diff, ys)})"))
    if not out and vary_total and d > 0 and rep.removesuffix("%").endswith("0"):
        # "79,90%": perhaps one decimal padded with a zero
        r1, d1 = r // 10, d - 1
        tlo, thi = _total_bounds(r1, d1, x)
        nt = _near_fit(tlo, thi, y)
        if nt is not None:
            fits["totals"] = (tlo, thi)
            diff = nt - y
            out.append((abs(diff) / y, "total-off",
                        f"total off by a little: read as {format_percent(_from_units(r1, d1), d1)} "
                        f"(a padded zero), {xs} of {format_number(nt)} gives {_percent_text(x, nt, d)} "
                        f"({_off(diff, ys)})"))
    if out:
        out.sort(key=lambda o: o[0])
        return "major", out[0][1], "; ".join(o[2] for o in out), fits
    # 6. rounded up
    if percent_units(x, y, d, rounding=ROUND_UP) == r:
        return ("major", "rounded-up",
                f"rounded up instead of half-up: {format_number(x)}/{format_number(y)} = {_exact(x, y)}, "
                f"which rounds to {recomputed}", fits)
    if not (vary_count or vary_total):
        return ("major", "reported-value",
                f"the reported value is the slip: {format_number(x)}/{format_number(y)} = {_exact(x, y)}, "
                f"which rounds to {recomputed}, not {rep}", fits)
    return ("major", "other",
            f"no simple explanation: {format_number(x)}/{format_number(y)} = {_exact(x, y)}, not {rep}", fits)


def _gross(target, reported: Decimal, exact_num: int, exact_den: int) -> tuple[bool, str]:
    """Whether the error changes the verdict against ``target``, and a sentence saying so."""
    goal = target if isinstance(target, Target) else Target(
        target.comparator, target.value, getattr(target, "upper", None))
    rep_ok = verdict(goal, reported)
    rec_ok = verdict(goal, Decimal(exact_num * 100) / Decimal(exact_den))
    sym = {"at_least": "≥", "at_most": "≤", "equals": "=", "rank_between": "in"}[goal.comparator]
    value = Decimal(goal.value)
    tv = format_percent(value, max(0, -value.as_tuple().exponent))
    if rep_ok != rec_ok:
        return True, (f"gross: against the target {sym} {tv} the reported value "
                      f"{'meets' if rep_ok else 'misses'} it but the recomputed one "
                      f"{'meets' if rec_ok else 'misses'} it")
    return False, f"the verdict against the target {sym} {tv} is unchanged ({'met' if rep_ok else 'not met'})"


def _audit_one(c: Claim, target=None) -> Finding:
    k = c.kind
    if k == "ratio":
        x, y = c.numerator, c.denominator
        if x is None:
            return Finding(c, "unverifiable", diagnosis="a share stated without its count and total")
        if c.detail.get("approximate"):
            return Finding(c, "unverifiable", diagnosis="the count is approximate ('khoảng', 'gần', "
                           "'hơn' …): not exact enough to check")
        if y is None:
            return Finding(c, "unverifiable", diagnosis="no total tied to the count (the same clause, "
                           "'tổng số' for the same noun earlier in the paragraph, or a footnote)")
        if y <= 0:
            return Finding(c, "unverifiable", diagnosis="the whole is zero: not a share")
        if c.detail.get("doubt"):
            rec = _percent_text(x, y, _reported_units(c.reported)[1]) if c.reported else None
            return Finding(c, "unverifiable", diagnosis=c.detail["doubt"], recomputed=rec)
        if c.reported is None:
            # a bare X/Y is never checked: 20/11 may be a date, 422/1 an address, 34/22 a number
            if x > y:
                return Finding(c, "unverifiable", diagnosis=(
                    f"no percentage stated, and {format_number(x)}/{format_number(y)} is not a share "
                    "(a date, an address, a document number or a score?)"))
            rec = _percent_text(x, y, 2)
            return Finding(c, "unverifiable", diagnosis=f"no percentage stated (the share is {rec})",
                           recomputed=rec)
        r, d, _ = _reported_units(c.reported)
        rec = _percent_text(x, y, d)
        if percent_units(x, y, d) == r:
            return _consistent(c, rec)
        sev, cause, diag, fits = _ratio_diagnosis(x, y, r, d, c.reported, format_number(x), format_number(y))
        if x > y:
            diag = f"the part {format_number(x)} is larger than the whole {format_number(y)}; " + diag
        return _with_target(Finding(c, "inconsistent", sev, diag, rec, cause=cause, fits=fits),
                            target, r, d, x, y)
    if k == "change":
        x, old = c.numerator, c.denominator
        if old is None or old <= 0:
            return Finding(c, "unverifiable", diagnosis="the value before the change is not stated")
        r, d, _ = _reported_units(c.reported)
        rec = _percent_text(x, old, d)
        if percent_units(x, old, d) == r:
            return _consistent(c, rec)
        new = c.detail.get("new")
        if new and percent_units(x, new, d) == r:
            f = Finding(c, "inconsistent", "major",
                        f"wrong base: {format_number(x)}/{format_number(new)} = {_percent_text(x, new, d)} is computed on "
                        f"the new value {format_number(new)} instead of the old one {format_number(old)}; "
                        f"on the old base the change is {rec}", rec, cause="wrong-base")
            return _with_target(f, target, r, d, x, old)
        sev, cause, diag, fits = _ratio_diagnosis(x, old, r, d, c.reported, format_number(x), format_number(old),
                                                  what="change")
        return _with_target(Finding(c, "inconsistent", sev, diag, rec, cause=cause, fits=fits),
                            target, r, d, x, old)
    if k == "sum":
        total, parts = c.denominator, list(c.parts or ())
        s = sum(parts)
        rec = format_number(s)
        if c.detail.get("doubt"):
            return Finding(c, "unverifiable", diagnosis=c.detail["doubt"], recomputed=rec)
        if s == total:
            return _consistent(c, rec)
        diagnosis = _sum_diagnosis(total, parts, c.reported)
        if abs(s - total) * 100 > SUM_SLACK_PERCENT * total and not diagnosis.startswith("transposed"):
            return Finding(c, "unverifiable", diagnosis=(
                f"the parts add up to {rec}, {_off(s - total, format_number(total))}: too far off to be a "
                f"breakdown of it (the list names examples, or runs into another list)"), recomputed=rec)
        return Finding(c, "inconsistent", "major", diagnosis, rec, cause="parts-mismatch")
    if k == "rank":
        if 1 <= c.numerator <= c.denominator:
            return _consistent(c)
        return Finding(c, "inconsistent", "major",
                       f"rank {c.numerator} is outside 1–{c.denominator}", cause="other")
    if k == "date":
        if c.detail.get("valid", True):
            return _consistent(c)
        day, month, year = (c.detail.get(key) for key in ("day", "month", "year"))
        if year is not None and not MIN_DATE_YEAR <= year <= MAX_DATE_YEAR:
            return Finding(c, "unverifiable", diagnosis=f"not a date: the year {year} is implausible")
        if day == 0 or month == 0:
            return Finding(c, "unverifiable", diagnosis="not a date: a day or month 0 (an empty date "
                           "of a spreadsheet?)")
        if (day, month) == (29, 2) and year is not None and year < JULIAN_UNTIL and year % 4 == 0:
            return Finding(c, "unverifiable", diagnosis=f"29 February {year} exists in the Julian "
                           "calendar, which many countries then used")
        if day is not None and month is not None and valid_date(month, day, year):
            return Finding(c, "unverifiable", diagnosis=(
                f"{c.reported} is a date only as month/day/year (a foreign format), not checked"))
        return Finding(c, "inconsistent", "major", f"no such date: {c.reported}", cause="other")
    if k == "document":
        ref = c.detail.get("document")
        if ref is not None and ref.flags:
            return Finding(c, "inconsistent", "major", ref.describe_flags(), ref.suggestion,
                           cause="transposed-digits" if ref.suggestion and ref.year_text and
                           sorted(ref.suggestion.split("/")[1]) == sorted(ref.year_text) else "document")
        return _consistent(c)
    raise ValueError(f"unknown claim kind {k!r} in claim {c.id}")


def _with_target(f: Finding, target, r: int, d: int, x: int, y: int) -> Finding:
    if target is None:
        return f
    gross, text = _gross(target, _from_units(r, d), x, y)
    return Finding(f.claim, f.status, "major" if gross else f.severity, f"{f.diagnosis}; {text}",
                   f.recomputed, gross, f.cause, f.fits)


def _sum_diagnosis(total: int, parts: list[int], reported: str | None) -> str:
    s = sum(parts)
    diff = s - total
    rep = reported or format_number(total)
    for alt in transpositions(rep):
        if _count_or_none(alt) == s:
            return f"transposed digits: the parts add up to {format_number(s)}, the total is written {rep}"
    for i, p in enumerate(parts):
        for alt in transpositions(format_number(p)):
            v = _count_or_none(alt)
            if v is not None and s - p + v == total:
                return (f"transposed digits in part {i + 1}: {alt} instead of {format_number(p)} would make "
                        f"the parts add up to {rep}")
    added = f"the parts add up to {format_number(s)}, {_off(diff, rep)}"
    if abs(diff) in parts:
        return (f"{added}: one part ({format_number(abs(diff))}) counted "
                f"{'twice or wrongly included' if diff > 0 else 'missing'}")
    return added


def _passage_pass(findings: list[Finding]) -> list[Finding]:
    """Shares tied to a total found earlier in their paragraph need one of them to fit it.

    "Tổng số 939.987 người … Người Kinh … 902.372 người, chiếm 70,13%": a total stated earlier
    in a paragraph may be the whole of the shares that follow, or of something else. When at
    least one share tied to it that way fits it, the passage is read as shares of that total;
    when none does, the total is taken for another whole and its shares are unverifiable.
    """
    groups: dict[tuple, list[int]] = {}
    for i, f in enumerate(findings):
        c = f.claim
        if c.kind == "ratio" and c.detail.get("tie") == "passage":
            groups.setdefault((c.detail.get("para"), c.denominator), []).append(i)
    out = list(findings)
    for (_, total), idx in groups.items():
        if any(findings[i].status == "consistent" for i in idx):
            continue
        for i in idx:
            f = findings[i]
            if f.status == "inconsistent":
                out[i] = Finding(f.claim, "unverifiable", diagnosis=(
                    f"none of the {len(idx)} share(s) tied to {format_number(total)} "
                    f"({f.claim.denominator_source}) fits it: probably the share of another whole"),
                    recomputed=f.recomputed)
    return out


#: causes that blame the count or the total of a share (not its rounding)
#: (a shared total is not one of them: it says the shares were computed on another total,
#: which a confirmed stated total does not contradict)
_BLAMES_NUMBERS = ("transposed-digits", "count-off", "total-off", "other")
#: smallest number that a sum of the same document can confirm (small ones recur by chance)
MIN_CONFIRMED = 100


def _confirmed_numbers(findings: list[Finding]) -> dict[int, str]:
    """Numbers that a sum of the document confirms: the parts and total of every consistent sum."""
    out: dict[int, str] = {}
    for f in findings:
        c = f.claim
        if c.kind == "sum" and f.status == "consistent" and c.parts:
            how = (" + ".join(format_number(p) for p in c.parts)
                   + f" = {format_number(c.denominator)} (line {c.line})")
            for v in (*c.parts, c.denominator):
                if v >= MIN_CONFIRMED:
                    out.setdefault(v, how)
    return out


def _corroboration_pass(findings: list[Finding]) -> list[Finding]:
    """Never blame a count or a total that the rest of the document confirms.

    "979/17.328 hồ sơ, đạt 5,68%" fits 17.238 (transposed digits), yet footnote 5's parts
    4.792 + 17.328 + 7.355 add up to its stated 29.475 and 347 + 979 + 733 to 2.059: both
    numbers are confirmed, so the share itself is the slip. When only one of them is confirmed,
    the other is the one diagnosed.
    """
    confirmed = None
    out = list(findings)
    for i, f in enumerate(findings):
        c = f.claim
        if f.status != "inconsistent" or c.kind != "ratio" or f.cause not in _BLAMES_NUMBERS:
            continue
        if confirmed is None:
            confirmed = _confirmed_numbers(findings)
        x, y = c.numerator, c.denominator
        cx, cy = confirmed.get(x), confirmed.get(y)
        if cx is None and cy is None:
            continue
        r, d, _ = _reported_units(c.reported)
        sev, cause, diag, fits = _ratio_diagnosis(
            x, y, r, d, c.reported, format_number(x), format_number(y),
            vary_count=cx is None, vary_total=cy is None)
        told = "; ".join(f"{format_number(v)} is confirmed by the sum {how}"
                         for v, how in ((x, cx), (y, cy)) if how is not None)
        out[i] = Finding(c, f.status, f.severity if f.gross else sev, f"{diag}; {told}",
                         f.recomputed, f.gross, cause, fits)
    return out


def _passage_key(c: Claim) -> tuple | None:
    """The (total, where it was found) of a share whose total was taken from its passage, else None.

    Shares with the same key are the shares of one passage over one stated total, which
    :func:`_shared_total_pass` diagnoses together.
    """
    if (c.kind == "ratio" and c.reported and c.denominator
            and c.denominator_source and c.denominator_source != "the fraction itself"):
        return (c.denominator, c.denominator_source)
    return None


def _readings(reported: str) -> list[tuple[int, int]]:
    """The ways of reading a reported percentage: (units, decimals) as written, then without a padded zero.

    ``"79,90%"`` is read as 79,90 (2 decimals) and as 79,9 (1 decimal, the trailing zero taken
    as padding); ``"4,5%"`` and ``"01%"`` only as written.
    """
    r, d, rep = _reported_units(reported)
    out = [(r, d)]
    if d > 0 and rep.removesuffix("%").endswith("0"):
        out.append((r // 10, d - 1))
    return out


def _total_hull(c: Claim) -> tuple[int, int | None]:
    """Smallest and largest total (``None``: unbounded) that fits the share ``c`` in any reading."""
    bounds = [_total_bounds(r, d, c.numerator) for r, d in _readings(c.reported)]
    his = [b for _, b in bounds]
    return min(a for a, _ in bounds), (None if None in his else max(his))


def _shared_total_pass(findings: list[Finding]) -> list[Finding]:
    """Diagnose together the shares of one passage that all fit one other total."""
    groups: dict[tuple, list[int]] = {}
    for i, f in enumerate(findings):
        key = _passage_key(f.claim)
        if key is not None:
            groups.setdefault(key, []).append(i)
    out = list(findings)
    for (y, _), idx in groups.items():
        if len(idx) < 2:
            continue
        bad = [i for i in idx if findings[i].status == "inconsistent"
               and findings[i].cause not in ("rounded-down", "rounded-twice")]
        if not bad:
            continue
        lo, hi = 1, None
        for i in idx:
            a, b = _total_hull(findings[i].claim)
            lo = max(lo, a)
            hi = b if hi is None else (hi if b is None else min(hi, b))
        nt = _near_fit(lo, hi, y)
        if nt is None or nt == y:
            continue
        shares = ", ".join(
            f"{format_number(findings[i].claim.numerator)}/{format_number(nt)} = "
            f"{_percent_text(findings[i].claim.numerator, nt, _reported_units(findings[i].claim.reported)[1])}"
            f" (reported {findings[i].claim.reported})" for i in idx)
        for i in bad:
            f = findings[i]
            diag = (f"total off by a little: every share of this passage fits a total of {format_number(nt)} "
                    f"({_off(nt - y, format_number(y))}): {shares}")
            if f.gross is not None:
                diag += "; " + f.diagnosis.rsplit("; ", 1)[-1]
            out[i] = Finding(f.claim, f.status, f.severity, diag, f.recomputed, f.gross,
                             "shared-total", dict(f.fits, shared_total=nt))
    return out


def audit_claims(claims, *, targets=None) -> list[Finding]:
    """Audit claims (from :func:`parstats.claims.extract_claims`).

    Parameters
    ----------
    claims : iterable of Claim
    targets : mapping, optional
        ``claim id -> target`` (anything with ``comparator`` and ``value``, such as
        :class:`parstats.ratios.Target`), overriding the targets found in the text.

    Returns
    -------
    list of Finding
        In the order of ``claims``.

    Examples
    --------
    >>> from parstats.claims import extract_claims
    >>> cs = extract_claims("Toàn huyện có 58 đơn vị, giảm 07 đơn vị (giảm 10,7%) so với năm 2015.")
    >>> [(f.status, f.severity, f.recomputed) for f in audit_claims(cs)]
    [('inconsistent', 'minor', '10,8%')]
    """
    targets = targets or {}
    with _gc_paused():
        findings = [_audit_one(c, targets.get(c.id, c.target)) for c in claims]
        return _corroboration_pass(_shared_total_pass(_passage_pass(findings)))


def _runs_text(values: list[int]) -> str:
    """Sorted integers as runs: ``[1, 2, 3, 7]`` -> ``"1–3, 7"`` (Vietnamese digit grouping)."""
    runs: list[list[int]] = []
    for v in values:
        if runs and v == runs[-1][1] + 1:
            runs[-1][1] = v
        else:
            runs.append([v, v])
    return ", ".join(_range_text(lo, hi) for lo, hi in runs)


def shared_total_fits(findings, *, slack: int = 10) -> list[dict]:
    """The totals that fit each share of a passage the audit diagnosed together.

    When some shares of one passage do not fit the total stated for the passage but all of
    them fit one other total, :func:`audit_claims` diagnoses them together (cause
    ``shared-total``; the other total is in ``Finding.fits["shared_total"]``). This lists,
    for every share of such a passage (consistent ones included, since they constrain the
    total too), every total that fits it (GRIM, :func:`totals_for_percent`), reading a
    trailing zero after the decimal comma also as padding (``"79,90%"`` as ``"79,9%"``), the
    way the diagnosis does.

    Parameters
    ----------
    findings : iterable of Finding
        The findings of one audit, e.g. ``AuditReport.findings``.
    slack : int, default 10
        A share that rounds to 0% fits every large enough total; for such a share the totals
        are listed up to the larger of the stated and the shared total plus ``slack``, and
        ``totals_text`` ends with ``…``.

    Returns
    -------
    list of dict
        One per share, in the order of ``findings``: ``id``, ``line``, ``quote``, ``count``,
        ``reported`` (as written), ``stated_total``, ``recomputed`` (the share of the stated
        total at the reported precision), ``shared_total``, ``totals`` (tuple of int, every
        total that fits the share), ``totals_text`` (the same as runs, ``"286–292"``) and
        ``fits_stated`` / ``fits_shared`` (whether the stated / shared total is among them).
        Empty when no passage was diagnosed together.

    Raises
    ------
    ValueError
        For a negative ``slack``.

    Examples
    --------
    >>> rows = shared_total_fits(audit_path().findings)
    >>> [(r["reported"], r["stated_total"], r["recomputed"], r["totals_text"], r["shared_total"])
    ...  for r in rows]
    [('4,5%', 295, '4,4%', '286–292', 289), ('79,90%', 295, '78,31%', '289', 289), ('01%', 295, '1%', '201–600', 289)]
    >>> [(r["fits_stated"], r["fits_shared"]) for r in rows]
    [(False, True), (False, True), (True, True)]
    """
    if isinstance(slack, bool) or not isinstance(slack, int) or slack < 0:
        raise ValueError(f"slack must be a non-negative integer, got {slack!r}")
    findings = list(findings)
    shared: dict[tuple, int] = {}
    for f in findings:
        key = _passage_key(f.claim)
        if f.cause == "shared-total" and key is not None and "shared_total" in f.fits:
            shared.setdefault(key, f.fits["shared_total"])
    rows = []
    for f in findings:
        c = f.claim
        key = _passage_key(c)
        if key not in shared:
            continue
        nt = shared[key]
        hi = _total_hull(c)[1]
        limit = max(c.denominator, nt) + slack if hi is None else hi
        totals = sorted({t for r, d in _readings(c.reported)
                         for t in totals_for_percent(format_percent(_from_units(r, d), d), c.numerator,
                                                     max_total=limit)})
        rows.append({"id": c.id, "line": c.line, "quote": c.quote, "count": c.numerator,
                     "reported": c.reported, "stated_total": c.denominator,
                     "recomputed": f.recomputed or _percent_text(c.numerator, c.denominator,
                                                                 _reported_units(c.reported)[1]),
                     "shared_total": nt, "totals": tuple(totals), "totals_text": _runs_text(totals) + ("…" if hi is None else ""),
                     "fits_stated": c.denominator in totals, "fits_shared": nt in totals})
    return rows


@dataclass(frozen=True)
class AuditReport:
    """The audit of one text: where it came from, its checksum, and one finding per claim."""

    source: str
    sha256: str
    findings: tuple[Finding, ...]

    @property
    def flagged(self) -> list[Finding]:
        """Inconsistent findings, major first, then by line."""
        bad = [f for f in self.findings if f.status == "inconsistent"]
        return sorted(bad, key=lambda f: (f.severity != "major", f.claim.line))

    def counts(self) -> dict:
        """Claims by kind, by status and by kind and status."""
        by_kind = {k: 0 for k in KINDS}
        by_status = {s: 0 for s in STATUSES}
        by_ks = {k: {s: 0 for s in STATUSES} for k in KINDS}
        for f in self.findings:
            by_kind[f.claim.kind] += 1
            by_status[f.status] += 1
            by_ks[f.claim.kind][f.status] += 1
        return {"claims": len(self.findings), "by_kind": by_kind, "by_status": by_status,
                "by_kind_status": by_ks}

    def to_json(self) -> dict:
        """The JSON document of ``parstats audit --format json``."""
        return {"source": self.source, "sha256": self.sha256,
                "claims": [f.to_dict() for f in self.findings]}

    def to_json_text(self) -> str:
        """:meth:`to_json` as UTF-8 JSON text, indented, ending with a newline."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def to_csv(self) -> str:
        """One row per claim, the JSON keys as columns (parts joined with ``+``)."""
        buf = io.StringIO()
        cols = ["id", "kind", "line", "quote", "numerator", "denominator", "parts", "reported",
                "recomputed", "status", "severity", "diagnosis", "basis"]
        w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for f in self.findings:
            row = f.to_dict()
            row["parts"] = "+".join(str(p) for p in row["parts"]) if row["parts"] else ""
            w.writerow({k: ("" if v is None else v) for k, v in row.items()})
        return buf.getvalue()

    def to_table(self, width: int = 100) -> str:
        """A plain-text table: flagged claims first with their diagnoses, then the others."""
        cnt = self.counts()
        lines = [f"{self.source}  sha256 {self.sha256[:12]}…",
                 f"{cnt['claims']} claims: " + ", ".join(f"{n} {k}" for k, n in cnt["by_kind"].items() if n)
                 + "; " + ", ".join(f"{n} {s}" for s, n in cnt["by_status"].items()), ""]
        head = f"{'id':<14} {'line':>5}  {'status':<13} {'sev':<5} {'reported':>16} {'recomputed':>16}  quote"

        def row(f: Finding) -> str:
            q = f.claim.quote
            room = max(20, width - 78)
            q = q if len(q) <= room else q[:room - 1] + "…"
            return (f"{f.claim.id:<14} {f.claim.line:>5}  {f.status:<13} {f.severity or '':<5} "
                    f"{f.claim.reported or '':>16} {f.recomputed or '':>16}  {q}")

        flagged = self.flagged
        lines.append(f"FLAGGED ({len(flagged)})" if flagged else "FLAGGED: none")
        if flagged:
            lines.append(head)
            for f in flagged:
                lines.append(row(f))
                lines.append(f"{'':>22}→ {f.diagnosis}")
        lines += ["", "OTHER CLAIMS", head]
        lines += [row(f) for f in self.findings if f.status != "inconsistent"]
        return "\n".join(lines) + "\n"


def audit_text(text: str | bytes, *, source: str = "<text>", targets=None) -> AuditReport:
    """Extract and audit the claims of a text.

    Examples
    --------
    >>> r = audit_text("Có 27 người, tỷ lệ 13,70% trên tổng số 197 người.")
    >>> [(f.status, f.severity, f.recomputed) for f in r.findings]
    [('inconsistent', 'minor', '13,71%')]
    """
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    with _gc_paused():
        claims = extract_claims(text, source=source)
        return AuditReport(source, hashlib.sha256(data).hexdigest(),
                           tuple(audit_claims(claims, targets=targets)))


def audit_path(path: str | Path = RAW_REPORT, *, targets=None, source: str | None = None) -> AuditReport:
    """Read a UTF-8 report file and audit it.

    Raises
    ------
    parstats.claims.ReportReadError
        For a missing, unreadable or non-UTF-8 file.
    """
    text, data = read_text(path)
    with _gc_paused():
        claims = extract_claims(text, source=str(path))
        return AuditReport(source or str(path), hashlib.sha256(data).hexdigest(),
                           tuple(audit_claims(claims, targets=targets)))


def summary(path: str | Path = RAW_REPORT) -> dict:
    """Counts of the audit by kind and status, and the flagged claims, for the site index.

    Returns
    -------
    dict
        ``source`` (relative to the project), ``sha256``, ``claims``, ``by_kind``,
        ``by_status``, ``by_kind_status``, ``inconsistent`` (list of ``id``, ``kind``,
        ``line``, ``quote``, ``reported``, ``recomputed``, ``severity``, ``diagnosis``) and
        ``by_severity``.

    Examples
    --------
    >>> s = summary()
    >>> s["source"], s["by_kind"]["change"], s["by_status"]["inconsistent"] > 0
    ('data/raw/bao-cao-so-ket-ctr-09-tu.md', 2, True)
    """
    rep = audit_path(path, source=display_path(path))
    out = {"source": rep.source, "sha256": rep.sha256}
    out.update(rep.counts())
    out["by_severity"] = {"minor": 0, "major": 0}
    out["inconsistent"] = []
    for f in rep.flagged:
        out["by_severity"][f.severity] += 1
        d = f.to_dict()
        out["inconsistent"].append({k: d[k] for k in ("id", "kind", "line", "quote", "reported",
                                                       "recomputed", "severity", "diagnosis")})
    return out


# --------------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------------

def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``parstats audit PATH [PATH ...] [--format table|json|jsonl|csv] [--strict]
    [--jobs N] [--summary FILE.csv] [--quiet]``."""
    from parstats.audit_batch import jobs_count

    parser.add_argument("path", nargs="+",
                        help="UTF-8 report texts (Markdown or plain text), or folders searched "
                             "recursively for *.md and *.txt")
    parser.add_argument("--format", choices=("table", "json", "jsonl", "csv"), default="table",
                        help="output format (default: table, flagged claims first); jsonl: one "
                             "JSON object per file and line")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when any claim is inconsistent")
    parser.add_argument("--jobs", "-j", type=jobs_count, default=None, metavar="N",
                        help="processes auditing files in parallel (default: all cores; 1: none)")
    parser.add_argument("--summary", metavar="FILE.csv",
                        help="also write one row per file: path, sha256, claim counts by status, error")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress bar on standard error")


def run(args: argparse.Namespace) -> int:
    """Run the audit; exit 0, 1 (``--strict`` and something inconsistent) or 2 (bad file).

    Several paths, a folder, ``--format jsonl`` or ``--summary`` go to
    :func:`parstats.audit_batch.run_batch` (exit 2 only when no file could be read).
    """
    paths = args.path if isinstance(args.path, list) else [args.path]
    if (len(paths) > 1 or Path(paths[0]).is_dir() or getattr(args, "summary", None)
            or getattr(args, "format", "table") == "jsonl"):
        from parstats.audit_batch import run_batch

        return run_batch(args, paths)
    try:
        rep = audit_path(paths[0], source=str(paths[0]))
    except ReportReadError as exc:
        print(f"parstats audit: error: {exc}", file=sys.stderr)
        return 2
    fmt = getattr(args, "format", "table")
    if fmt == "json":
        out = rep.to_json_text()
    elif fmt == "csv":
        out = rep.to_csv()
    else:
        out = rep.to_table()
    sys.stdout.write(out)
    sys.stdout.flush()
    if getattr(args, "strict", False) and any(f.status == "inconsistent" for f in rep.findings):
        return 1
    return 0


def write_json(report: AuditReport, path: str | Path) -> None:
    """Write the JSON audit atomically (:func:`parstats.files.write_atomic`)."""
    write_atomic(path, report.to_json_text().encode("utf-8"))


# --------------------------------------------------------------------------------------------
# for the notebook: tables and reviewer summary (heavy imports inside the functions);
# the figure is parstats.charts.reported_vs_recomputed_chart
# --------------------------------------------------------------------------------------------

#: Vietnamese names of the causes, for tables a reviewer reads
CAUSES_VI = {
    "rounded-down": "làm tròn xuống thay vì làm tròn nửa lên",
    "rounded-twice": "làm tròn hai lần",
    "rounded-up": "làm tròn lên",
    "wrong-base": "tính trên sai gốc so sánh",
    "transposed-digits": "đảo vị trí chữ số",
    "count-off": "số đếm lệch một ít",
    "total-off": "tổng số lệch một ít",
    "shared-total": "các tỷ lệ cùng khớp một tổng số khác",
    "parts-mismatch": "các thành phần không cộng đúng tổng",
    "document": "số hiệu văn bản sai",
    "reported-value": "tỷ lệ ghi sai (số đếm và tổng số đã được văn bản xác nhận)",
    "other": "chưa rõ nguyên nhân",
}
KINDS_VI = {"ratio": "tỷ lệ", "change": "tăng/giảm", "sum": "tổng", "rank": "xếp hạng",
            "date": "ngày tháng", "document": "văn bản"}
STATUSES_VI = {"consistent": "nhất quán", "inconsistent": "không nhất quán",
               "unverifiable": "không kiểm chứng được"}
SEVERITIES_VI = {"minor": "nhỏ", "major": "nghiêm trọng", None: ""}


def findings_frame(report: AuditReport, *, flagged_only: bool = False):
    """The findings as a pandas DataFrame (one row per claim), flagged ones first.

    Columns: ``id``, ``line``, ``kind``, ``kind_vi``, ``quote``, ``reported``, ``recomputed``,
    ``status``, ``status_vi``, ``severity``, ``severity_vi``, ``cause``, ``cause_vi``,
    ``gross``, ``diagnosis``.
    """
    import pandas as pd

    rows = []
    for f in (report.flagged if flagged_only else
              report.flagged + [f for f in report.findings if f.status != "inconsistent"]):
        c = f.claim
        rows.append({
            "id": c.id, "line": c.line, "kind": c.kind, "kind_vi": KINDS_VI[c.kind],
            "quote": c.quote, "reported": c.reported or "", "recomputed": f.recomputed or "",
            "status": f.status, "status_vi": STATUSES_VI[f.status], "severity": f.severity,
            "severity_vi": SEVERITIES_VI[f.severity], "cause": f.cause or "",
            "cause_vi": CAUSES_VI.get(f.cause, "") if f.status == "inconsistent" else "",
            "gross": "có" if f.gross else ("không" if f.gross is False else ""),
            "diagnosis": f.diagnosis or "",
        })
    return pd.DataFrame(rows)


def counts_frame(report: AuditReport):
    """Claims by kind (rows, Vietnamese names) and status (columns), with totals."""
    import pandas as pd

    cnt = report.counts()["by_kind_status"]
    rows = [{"kind_vi": KINDS_VI[k], **{s: cnt[k][s] for s in STATUSES}, "total": sum(cnt[k].values())}
            for k in KINDS]
    rows.append({"kind_vi": "Tổng cộng", **{s: sum(cnt[k][s] for k in KINDS) for s in STATUSES},
                 "total": len(report.findings)})
    return pd.DataFrame(rows)


def reviewer_summary(report: AuditReport) -> str:
    """A short Vietnamese note a reviewer could send to the report's authors (Markdown)."""
    cnt = report.counts()
    ok = cnt["by_status"]["consistent"]
    lines = [
        f"Chúng tôi đã tính lại {cnt['claims']} số liệu trích dẫn trong báo cáo "
        f"({cnt['by_kind']['ratio']} tỷ lệ, {cnt['by_kind']['change']} mức tăng/giảm, "
        f"{cnt['by_kind']['sum']} phép cộng, {cnt['by_kind']['rank']} xếp hạng, "
        f"{cnt['by_kind']['date']} ngày tháng, {cnt['by_kind']['document']} số hiệu văn bản): "
        f"{ok} nhất quán, {cnt['by_status']['inconsistent']} không nhất quán, "
        f"{cnt['by_status']['unverifiable']} không kiểm chứng được (không nêu đủ số liệu gốc). "
        "Đề nghị xem lại các số liệu sau:",
        "",
    ]
    for f in report.flagged:
        c = f.claim
        what = f"«{c.quote}»"
        if c.kind in ("ratio", "change"):
            fix = f"báo cáo ghi {c.reported}, tính lại được {f.recomputed}"
        elif c.kind == "document":
            fix = f"số hiệu {c.reported} có năm không hợp lệ; có lẽ là {f.recomputed}"
        else:
            fix = f"báo cáo ghi {c.reported}, tính lại được {f.recomputed}"
        cause = CAUSES_VI.get(f.cause, "")
        sev = SEVERITIES_VI[f.severity]
        lines.append(f"- Dòng {c.line}: {what} — {fix}; nguyên nhân có thể: {cause} (mức độ: {sev}).")
    return "\n".join(lines)
