"""Why a recomputed figure differs from the stated one, in English words for the findings.

The builders here name the likely slip behind an inconsistent claim, from the simple to the
grave: a share rounded down, rounded twice or up, transposed digits, a count or a total off by
a little (:func:`ratio_diagnosis`, :func:`near_fit`, :func:`off`); parts that do not add up to
their total (:func:`sum_diagnosis`); whether the error changes the verdict against a target
(:func:`verdict_change`). :func:`fits_rounded_amounts` says whether amounts rounded at their
last digit can explain a change, and :func:`scaled_text` writes a number of a sum on an
integer scale as the text wrote it. :mod:`parstats.audit.checks` decides which one a claim
needs; :mod:`parstats.audit.passes` reuses them across claims.
"""
from __future__ import annotations

from decimal import Decimal, ROUND_DOWN, ROUND_UP

from parstats.audit.inference import count_bounds, exact, from_units, percent_text, range_text, total_bounds
from parstats.audit.model import Claim
from parstats.numbers import decimal_places, format_number, format_percent, parse_count, quantize, transpositions
from parstats.ratios import Target, percent_units, verdict

__all__ = ["LITTLE_ABS", "LITTLE_REL", "fits_rounded_amounts", "near_fit", "off", "ratio_diagnosis", "scaled_text",
           "sum_diagnosis", "verdict_change"]


#: how far a count or total may be from the stated one to be "off by a little"
LITTLE_ABS, LITTLE_REL = 3, Decimal("0.03")


def _little(v: int) -> int:
    return max(LITTLE_ABS, int((Decimal(v) * LITTLE_REL).to_integral_value(rounding="ROUND_CEILING")))


def near_fit(lo: int, hi: int | None, v: int) -> int | None:
    """The value of ``lo..hi`` (``hi`` None: unbounded) nearest ``v``, if only a little off it."""
    if hi is not None and hi < lo:
        return None
    nearest = lo if v < lo else hi if hi is not None and v > hi else v
    return nearest if abs(nearest - v) <= _little(v) else None


def off(diff: int, than: str) -> str:
    """``"3 more than 1.752"`` / ``"1 less than 128"``."""
    return f"{abs(diff)} {'more' if diff > 0 else 'less'} than {than}"


def _count_or_none(text: str) -> int | None:
    """The count a (transposed) figure reads as, or None when it is not a valid count."""
    try:
        return parse_count(text)
    except ValueError:
        return None


def ratio_diagnosis(x: int, y: int, r: int, d: int, rep: str, xs: str, ys: str,
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
                f"rounded down instead of half-up: {format_number(x)}/{format_number(y)} = {exact(x, y)}, "
                f"which rounds to {percent_text(x, y, d)}", fits)
    # 2. rounded twice
    for k in range(1, 4):
        mid = from_units(percent_units(x, y, d + k), d + k)
        if quantize(mid, d) == from_units(r, d):
            return ("minor", "rounded-twice",
                    f"rounded twice: {exact(x, y)} was first rounded to {format_percent(mid, d + k)}, "
                    f"then to {rep}; rounded once it is {percent_text(x, y, d)}", fits)
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
    recomputed = percent_text(x, y, d)
    for alt in transpositions(rep.removesuffix("%")):
        if alt + "%" == recomputed:
            return ("major", "transposed-digits",
                    f"transposed digits in the reported value: {rep} for {recomputed}", fits)
    # 5. count or total off by a little
    out = []
    lo, hi = count_bounds(r, d, y)
    nc = near_fit(lo, hi, x) if vary_count else None
    if nc is not None:
        fits["counts"] = (lo, hi)
        diff = nc - x
        out.append((abs(diff) / max(x, 1), "count-off",
                    f"{what} off by a little: {range_text(lo, hi) if hi - lo <= 3 else format_number(nc)}"
                    f"/{format_number(y)} gives {rep} ({off(diff, xs)})"))
    tlo, thi = total_bounds(r, d, x)
    nt = near_fit(tlo, thi, y) if vary_total else None
    if nt is not None:
        fits["totals"] = (tlo, thi)
        diff = nt - y
        rng = range_text(tlo, thi) if thi is not None and thi - tlo <= 9 else format_number(nt)
        out.append((abs(diff) / y, "total-off",
                    f"total off by a little: {xs} of {rng} gives {rep} (nearest {format_number(nt)}, "
                    f"{off(diff, ys)})"))
    if not out and vary_total and d > 0 and rep.removesuffix("%").endswith("0"):
        # "79,90%": perhaps one decimal padded with a zero
        r1, d1 = r // 10, d - 1
        tlo, thi = total_bounds(r1, d1, x)
        nt = near_fit(tlo, thi, y)
        if nt is not None:
            fits["totals"] = (tlo, thi)
            diff = nt - y
            out.append((abs(diff) / y, "total-off",
                        f"total off by a little: read as {format_percent(from_units(r1, d1), d1)} "
                        f"(a padded zero), {xs} of {format_number(nt)} gives {percent_text(x, nt, d)} "
                        f"({off(diff, ys)})"))
    if out:
        out.sort(key=lambda o: o[0])
        return "major", out[0][1], "; ".join(o[2] for o in out), fits
    # 6. rounded up
    if percent_units(x, y, d, rounding=ROUND_UP) == r:
        return ("major", "rounded-up",
                f"rounded up instead of half-up: {format_number(x)}/{format_number(y)} = {exact(x, y)}, "
                f"which rounds to {recomputed}", fits)
    if not (vary_count or vary_total):
        return ("major", "reported-value",
                f"the reported value is the slip: {format_number(x)}/{format_number(y)} = {exact(x, y)}, "
                f"which rounds to {recomputed}, not {rep}", fits)
    return ("major", "other",
            f"no simple explanation: {format_number(x)}/{format_number(y)} = {exact(x, y)}, not {rep}", fits)


def verdict_change(target, reported: Decimal, exact_num: int, exact_den: int) -> tuple[bool, str]:
    """Whether the error changes the verdict against ``target``, and a sentence saying so."""
    goal = target if isinstance(target, Target) else Target(
        target.comparator, target.value, getattr(target, "upper", None))
    rep_ok = verdict(goal, reported)
    rec_ok = verdict(goal, Decimal(exact_num * 100) / Decimal(exact_den))
    sym = {"at_least": "≥", "at_most": "≤", "equals": "=", "rank_between": "in"}[goal.comparator]
    value = Decimal(goal.value)
    tv = format_percent(value, decimal_places(value))
    if rep_ok != rec_ok:
        return True, (f"gross: against the target {sym} {tv} the reported value "
                      f"{'meets' if rep_ok else 'misses'} it but the recomputed one "
                      f"{'meets' if rec_ok else 'misses'} it")
    return False, f"the verdict against the target {sym} {tv} is unchanged ({'met' if rep_ok else 'not met'})"


def fits_rounded_amounts(change: int, old: int, r: int, d: int) -> bool:
    """Whether ``change / old`` can give the reported value (``r`` in units of ``10**-d`` %)
    when both amounts were rounded at their last digit (the old value, found as the new one
    minus the change, then carries two roundings): "61,96 điểm, tăng 0,03 điểm (0,04%)" fits,
    since 0,025/61,935 = 0,0404 %.

    >>> fits_rounded_amounts(3, 6193, 4, 2), fits_rounded_amounts(400, 14200, 27, 1)
    (True, False)
    """
    if old <= 1:
        return False
    half = Decimal("0.5")
    lo = (Decimal(change) - half) * 100 / (Decimal(old) + 1)
    hi = (Decimal(change) + half) * 100 / (Decimal(old) - 1)
    unit = Decimal(1).scaleb(-d)
    rep_lo, rep_hi = Decimal(r) * unit - unit / 2, Decimal(r) * unit + unit / 2
    return lo < rep_hi and rep_lo <= hi


def scaled_text(v: int, c: Claim) -> str:
    """A number of a sum on an integer scale (``detail["scale"]``) as written: ``1061`` at scale 10
    of a breakdown in percent is ``106,1%``."""
    sc = c.detail["scale"]
    whole, frac = divmod(abs(v), sc)
    text = ("-" if v < 0 else "") + format_number(whole) + ("," + str(frac).zfill(len(str(sc)) - 1) if sc > 1 else "")
    return text + "%" if c.detail.get("unit") == "%" else text


def sum_diagnosis(total: int, parts: list[int], reported: str | None) -> tuple[str, bool]:
    """Why parts do not add up to their total, and whether transposed digits explain it."""
    s = sum(parts)
    diff = s - total
    rep = reported or format_number(total)
    for alt in transpositions(rep):
        if _count_or_none(alt) == s:
            return f"transposed digits: the parts add up to {format_number(s)}, the total is written {rep}", True
    for i, p in enumerate(parts):
        for alt in transpositions(format_number(p)):
            v = _count_or_none(alt)
            if v is not None and s - p + v == total:
                return (f"transposed digits in part {i + 1}: {alt} instead of {format_number(p)} would make "
                        f"the parts add up to {rep}"), True
    added = f"the parts add up to {format_number(s)}, {off(diff, rep)}"
    if abs(diff) in parts:
        return (f"{added}: one part ({format_number(abs(diff))}) counted "
                f"{'twice or wrongly included' if diff > 0 else 'missing'}"), False
    return added, False
