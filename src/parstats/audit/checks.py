"""Checks and diagnoses of one claim: consistent, inconsistent (with its likely cause) or unverifiable."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, ROUND_DOWN, ROUND_HALF_UP, ROUND_UP

from parstats.audit.amountshares import share_fits
from parstats.audit.averages import per_unit_status
from parstats.audit.documents import valid_date
from parstats.audit.inference import (
    count_bounds,
    exact,
    from_units,
    percent_text,
    range_text,
    reported_units,
    total_bounds,
)
from parstats.audit.model import BASIS_PREFIX, Claim
from parstats.numbers import decimal_places, format_number, format_percent, parse_count, quantize, transpositions
from parstats.ratios import Target, percent_units, verdict


STATUSES = ("consistent", "inconsistent", "unverifiable")

#: a list whose parts add up to more than this many percent away from its total, with no
#: transposed digits to explain it, is not read as a breakdown of it (it names examples, or
#: rows of a table run together)
SUM_SLACK_PERCENT = 10

#: years a date in a report can have; outside them "ngày 93 tháng 2 năm 5036" is not a date
MIN_DATE_YEAR, MAX_DATE_YEAR = 1000, 2100

#: why a vote share that fits neither those present or voting nor their count truncated is not checked
VOTE_DOUBT = ("a vote share: such shares are usually of all members (tổng số đại biểu), "
              "not of those present or voting")

#: the last countries left the Julian calendar in 1923: an older 29 February may be Julian
JULIAN_UNTIL = 1923

#: how far a count or total may be from the stated one to be "off by a little"
LITTLE_ABS, LITTLE_REL = 3, Decimal("0.03")


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


#: how the tie rules of older stages are named, from the words of their evidence (first match)
_RULE_OF_SOURCE = (
    ("' after the percentage", "same-clause-total"),
    ("' later in the sentence", "same-sentence-total"),
    ("footnote ", "footnote-total"),
    ("' before 'trong đó' earlier in the paragraph", "passage-trong-do"),
    ("the denominator of ", "passage-fraction"),
    ("' earlier in the sentence (line", "same-sentence-total-word"),
    ("trong đó' earlier in the sentence", "scaled-whole-trong-do"),
    ("'tổng số … ", "passage-total-word"),
    ("a whole named by its place", "passage-place-whole"),
    ("row of the table", "table-total"),
    ("old value ", "change-old-value"),
    ("the number before the parenthesis", "paren-breakdown"),
    ("and its breakdown", "fraction-breakdown"),
    ("before 'trong đó'", "trong-do-list"),
    ("before the list", "colon-list"),
    ("broken down in footnote", "footnote-breakdown"),
)


def tie_rule(claim: Claim) -> str | None:
    """The name of the rule that tied a claim's numbers (``None``: nothing was tied).

    New rules set it in ``detail["rule"]``; the older ones are named from their evidence.

    Examples
    --------
    >>> from parstats.audit.extraction import extract_claims
    >>> [tie_rule(c) for c in extract_claims("Tinh giản 28/1.752 biên chế, đạt 1,6%; ngày 14/5/2021.")]
    ['fraction-share', 'as-written']
    """
    rule = claim.detail.get("rule")
    if rule:
        return rule
    if claim.kind in ("date", "document", "rank"):
        return "as-written"
    src = claim.denominator_source
    if claim.kind == "ratio" and src == "the fraction itself":
        return "fraction-share" if claim.reported else "fraction-bare"
    if src is None:
        return None
    if "broken down in footnote" in src:
        return "footnote-breakdown"
    for words, name in _RULE_OF_SOURCE:
        if words in src:
            return name
    return "other"


def basis(claim: Claim) -> str | None:
    """How the numbers of a claim were tied together: ``rule=<name>; evidence=<words>``
    (``None``: nothing to tie).

    The prefix is stable and machine-readable (split at the first ``"; evidence="``): the rule
    names one way of tying numbers (:func:`tie_rule`), the evidence says what in the text tied
    them, in English (:func:`parstats.audit.messages.basis_text` gives it in Vietnamese).

    Examples
    --------
    >>> from parstats.audit.extraction import extract_claims
    >>> [basis(c) for c in extract_claims("Tinh giản 28/1.752 biên chế, đạt 1,6%; ngày 14/5/2021.")]
    ['rule=fraction-share; evidence=the fraction itself, with the share in the same clause', 'rule=as-written; evidence=as written']
    """
    rule = tie_rule(claim)
    if rule is None:
        return None
    if claim.kind in ("date", "document", "rank"):
        evidence = "as written"
    elif claim.kind == "ratio" and claim.denominator_source == "the fraction itself":
        evidence = ("the fraction itself, with the share in the same clause" if claim.reported
                    else "the fraction itself, no share stated")
    else:
        evidence = claim.denominator_source
    return f"{BASIS_PREFIX}{rule}; evidence={evidence}"


def _consistent(claim: Claim, recomputed: str | None = None) -> Finding:
    """``Finding(claim, "consistent", recomputed=recomputed)``, built without the frozen
    dataclass's per-field ``object.__setattr__`` (the same object; most claims are consistent)."""
    f = object.__new__(Finding)
    f.__dict__.update(claim=claim, status="consistent", severity=None, diagnosis=None,
                      recomputed=recomputed, gross=None, cause=None, fits={})
    return f


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


def _gross(target, reported: Decimal, exact_num: int, exact_den: int) -> tuple[bool, str]:
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


def _not_a_checkable_date(c: Claim) -> str | None:
    """Why an impossible date is no slip of the text but not a date at all, or None.

    Examples
    --------
    >>> from parstats.audit.extraction import extract_claims
    >>> [_not_a_checkable_date(c) for c in extract_claims("Retrieved 12/25/2019; hạn 31/11/2025.")]
    ['12/25/2019 is a date only as month/day/year (a foreign format), not checked', None]
    """
    day, month, year = (c.detail.get(key) for key in ("day", "month", "year"))
    if c.detail.get("in_code"):
        return f"'{c.reported}' is glued to a code by a hyphen (an ISBN turned into a date)"
    if year is not None and not MIN_DATE_YEAR <= year <= MAX_DATE_YEAR:
        return f"not a date: the year {year} is implausible"
    if c.detail.get("reference"):
        return f"the date of the reference {c.detail['reference']}, checked with it"
    if c.detail.get("after_ngay") and not (day is not None and month is not None
                                           and valid_date(month, day, year)):
        return None  # "ký ngày 24/21/2024", "ngày 20/0/2020": the text says it is a date
    if "tháng" not in (c.reported or "") and ((day or 0) > 31 or (month or 0) > 12):
        if day is not None and month is not None and valid_date(month, day, year):
            return f"{c.reported} is a date only as month/day/year (a foreign format), not checked"
        return f"{c.reported} is not read as a date: no calendar has it (a version, a DOI, a code?)"
    if day == 0 or month == 0:
        return "not a date: a day or month 0 (an empty date of a spreadsheet?)"
    if (day, month) == (29, 2) and year is not None and year < JULIAN_UNTIL and year % 4 == 0:
        return f"29 February {year} exists in the Julian calendar, which many countries then used"
    if day is not None and month is not None and valid_date(month, day, year):
        return f"{c.reported} is a date only as month/day/year (a foreign format), not checked"
    return None


def audit_one(c: Claim, target=None) -> Finding:
    k = c.kind
    if k == "ratio" and "exact" in c.detail:  # "A x P% = B" written out (parstats.audit.expressions)
        if c.detail["exact"]:
            return _consistent(c, c.detail["computed"])
        if c.detail.get("weak"):
            return Finding(c, "unverifiable", diagnosis=c.detail["weak"], recomputed=c.detail["computed"])
        return Finding(c, "inconsistent", "major", f"the calculation {c.detail['calculation']} gives "
                       f"{c.detail['computed']}, not {c.detail['result_text']}", c.detail["computed"],
                       cause="parts-mismatch")
    if k == "change" and c.detail.get("difference"):
        # the gap between two stated amounts (parstats.audit.comparisons, rule price-gap)
        rec = format_number(Decimal(c.numerator) / c.detail["scale"], c.detail["decimals"])
        if c.numerator == c.detail["stated"]:
            return _consistent(c, rec)
        return Finding(c, "unverifiable", diagnosis=c.detail["weak"], recomputed=rec)
    if c.detail.get("per_unit"):  # a per-unit average (parstats.audit.averages)
        status, rec, diag = per_unit_status(c)
        if status == "inconsistent":
            minor = diag.startswith("rounded down")
            return Finding(c, status, "minor" if minor else "major", diag, rec,
                           cause="rounded-down" if minor else "other")
        return _consistent(c, rec) if status == "consistent" else Finding(c, status, diagnosis=diag, recomputed=rec)
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
            rec = percent_text(x, y, reported_units(c.reported)[1]) if c.reported else None
            return Finding(c, "unverifiable", diagnosis=c.detail["doubt"], recomputed=rec)
        if c.reported is None:
            # a bare X/Y is never checked: 20/11 may be a date, 422/1 an address, 34/22 a number
            if x > y:
                return Finding(c, "unverifiable", diagnosis=(
                    f"no percentage stated, and {format_number(x)}/{format_number(y)} is not a share "
                    "(a date, an address, a document number or a score?)"))
            rec = percent_text(x, y, 2)
            if c.detail.get("unit"):
                # "09/12 cơ quan", "15/15 xã": count and total of one counted noun, both stated;
                # the claim is the fraction itself, complete and coherent (part not above whole)
                return _consistent(c, rec)
            return Finding(c, "unverifiable", diagnosis=f"no percentage stated (the share is {rec})",
                           recomputed=rec)
        r, d, _ = reported_units(c.reported)
        rec = percent_text(x, y, d)
        if percent_units(x, y, d) == r:
            return _consistent(c, rec)
        if c.detail.get("halves") and share_fits(Decimal(x), Decimal(y), *map(Decimal, c.detail["halves"]),
                                                 c.reported)[1]:
            return _consistent(c, rec)  # amounts rounded at their last digit can make it fit
        if c.detail.get("vote") and percent_units(x, y, d, rounding=ROUND_DOWN) != r:
            # a vote share that does not fit those present or voting (nor truncated) is
            # usually of all members: checked against them when the text states their number
            members = c.detail.get("members")
            if members and members >= y:
                if percent_units(x, members, d) == r:
                    return _consistent(c, percent_text(x, members, d))
                if percent_units(x, members, d, rounding=ROUND_DOWN) != r:
                    return Finding(c, "inconsistent", "major", (
                        f"a vote share that fits neither those present or voting "
                        f"({format_number(x)}/{format_number(y)} = {rec}) nor all members "
                        f"({format_number(x)}/{format_number(members)} = {percent_text(x, members, d)}), "
                        f"not {c.reported}"), rec, cause="other")
            return Finding(c, "unverifiable", diagnosis=VOTE_DOUBT, recomputed=rec)
        if c.detail.get("weak"):
            return Finding(c, "unverifiable", diagnosis=c.detail["weak"], recomputed=rec)
        # amounts on one integer scale ("640,2 tỷ" as 6402) are named as written
        xs, ys = c.detail.get("x_text") or format_number(x), c.detail.get("y_text") or format_number(y)
        sev, cause, diag, fits = ratio_diagnosis(x, y, r, d, c.reported, xs, ys)
        if c.detail.get("x_text"):
            diag = diag.replace(f"{format_number(x)}/{format_number(y)}", f"{xs}/{ys}")
        if x > y:
            diag = f"the part {format_number(x)} is larger than the whole {format_number(y)}; " + diag
        return _with_target(Finding(c, "inconsistent", sev, diag, rec, cause=cause, fits=fits),
                            target, r, d, x, y)
    if k == "change" and c.detail.get("contradiction"):
        # "giảm từ 4,8% xuống 6,9%": the direction words against the two values
        said = c.detail["contradiction"]
        if c.detail.get("sign"):
            return Finding(c, "inconsistent", "major", (
                f"the text says '{said}' but the percentage {c.reported} has the other sign"),
                c.detail["direction"], cause="other")
        a, b = c.detail["old_text"], c.detail["new_text"]
        return Finding(c, "inconsistent", "major", (
            f"the text says '{said}' but from {a} to {b} is a change in the other direction"),
            c.detail["direction"], cause="other")
    if k == "change" and c.detail.get("times"):
        return _times_finding(c)
    if k == "change":
        x, old = c.numerator, c.denominator
        if old is None or old <= 0:
            return Finding(c, "unverifiable", diagnosis="the value before the change is not stated")
        r, d, _ = reported_units(c.reported)
        rec = percent_text(x, old, d)
        if percent_units(x, old, d) == r:
            return _consistent(c, rec)
        if c.detail.get("rounded_amounts") and fits_rounded_amounts(x, old, r, d):
            return _consistent(c, rec)
        if c.detail.get("weak"):
            return Finding(c, "unverifiable", diagnosis=c.detail["weak"], recomputed=rec)
        new = c.detail.get("new")
        if new and new > old and percent_units(new, old, d) == r:
            # "tăng 269%, từ 310 lên 834": the new value as a share of the old, not the change
            a, b = c.detail.get("old_text", format_number(old)), c.detail.get("new_text", format_number(new))
            return _with_target(Finding(c, "inconsistent", "major", (
                f"wrong base: {c.reported} is the new value as a share of the old one ({b}/{a}), "
                f"not the change; the change is {rec}"), rec, cause="wrong-base"), target, r, d, x, old)
        if c.detail.get("scale"):
            # values with decimals on one integer scale: name them as written, not scaled
            a, b = c.detail["old_text"], c.detail["new_text"]
            if new and percent_units(x, new, d) == r:
                return _with_target(Finding(c, "inconsistent", "major", (
                    f"wrong base: the change from {a} to {b} is {percent_text(x, new, d)} of the new value "
                    f"{b} instead of the old one {a}; on the old base the change is {rec}"), rec,
                    cause="wrong-base"), target, r, d, x, old)
            return _with_target(Finding(c, "inconsistent", "major", (
                f"the reported value is the slip: from {a} to {b} is a change of {exact(x, old)}, "
                f"which rounds to {rec}, not {c.reported}"), rec, cause="reported-value"), target, r, d, x, old)
        if new and percent_units(x, new, d) == r:
            f = Finding(c, "inconsistent", "major",
                        f"wrong base: {format_number(x)}/{format_number(new)} = {percent_text(x, new, d)} is computed on "
                        f"the new value {format_number(new)} instead of the old one {format_number(old)}; "
                        f"on the old base the change is {rec}", rec, cause="wrong-base")
            return _with_target(f, target, r, d, x, old)
        sev, cause, diag, fits = ratio_diagnosis(x, old, r, d, c.reported, format_number(x), format_number(old),
                                                  what="change")
        return _with_target(Finding(c, "inconsistent", sev, diag, rec, cause=cause, fits=fits),
                            target, r, d, x, old)
    if k == "sum" and c.detail.get("points"):
        # percentage points on one integer scale: name the values as written
        scale = c.detail["scale"]
        diff = format_number(Decimal(c.denominator - c.parts[0]).scaleb(-scale), scale)
        if c.parts[0] + c.parts[1] == c.denominator:
            return _consistent(c, diff)
        return Finding(c, "inconsistent", "major", (
            f"from {c.detail['old_text']} to {c.detail['new_text']} is a change of {diff} percentage "
            f"points, not {c.detail['amount_text']}"), diff, cause="parts-mismatch")
    if k == "sum":
        total, parts = c.denominator, list(c.parts or ())
        s = sum(parts)
        rec = format_number(s)
        if c.detail.get("doubt"):
            return Finding(c, "unverifiable", diagnosis=c.detail["doubt"], recomputed=rec)
        if s == total or abs(s - total) <= c.detail.get("slack", 0):  # slack: parts' rounding
            return _consistent(c, rec if "scale" not in c.detail else scaled_text(s, c))
        if c.detail.get("weak"):
            return Finding(c, "unverifiable", diagnosis=c.detail["weak"], recomputed=rec)
        if c.detail.get("calculation"):  # a calculation written out (parstats.audit.expressions)
            got = scaled_text(s, c)
            return Finding(c, "inconsistent", "major", f"the calculation {c.detail['calculation']} gives {got}, "
                           f"not {c.reported}", got, cause="parts-mismatch")
        if "scale" in c.detail:  # shares or decimals on an integer scale (parstats.audit.lists, tables, tablecolumns)
            got, want = scaled_text(s, c), scaled_text(total, c)
            return Finding(c, "inconsistent", "major", f"the parts add up to {got}, not {want}, beyond the "
                           "rounding of the parts", got, cause="parts-mismatch")
        diagnosis, transposed = _sum_diagnosis(total, parts, c.reported)
        # a list far off its total names examples, unless it says it is complete ("gồm") and
        # counts the same thing as its total ("36 chiếc (gồm 20 chiếc …, 12 chiếc …)")
        if abs(s - total) * 100 > SUM_SLACK_PERCENT * total and not transposed and not c.detail.get("exhaustive"):
            return Finding(c, "unverifiable", diagnosis=(
                f"the parts add up to {rec}, {off(s - total, format_number(total))}: too far off to be a "
                f"breakdown of it (the list names examples, or runs into another list)"), recomputed=rec)
        return Finding(c, "inconsistent", "major", diagnosis, rec, cause="parts-mismatch")
    if k == "rank":
        if 1 <= c.numerator <= c.denominator:
            return _consistent(c)
        if c.detail.get("cue") == "vị trí":
            return Finding(c, "unverifiable", diagnosis=(
                f"'vị trí {c.reported}' is outside 1–{c.denominator}: a place (an address) rather "
                "than a rank"))
        return Finding(c, "inconsistent", "major",
                       f"rank {c.numerator} is outside 1–{c.denominator}", cause="other")
    if k == "date":
        if c.detail.get("valid", True):
            return _consistent(c)
        why = _not_a_checkable_date(c)
        if why:
            return Finding(c, "unverifiable", diagnosis=why)
        return Finding(c, "inconsistent", "major", f"no such date: {c.reported}", cause="other")
    if k == "document":
        ref = c.detail.get("document")
        if ref is not None and ref.flags:
            return Finding(c, "inconsistent", "major", ref.describe_flags(), ref.suggestion,
                           cause="transposed-digits" if ref.suggestion and ref.year_text and
                           sorted(ref.suggestion.split("/")[1]) == sorted(ref.year_text) else "document")
        return _consistent(c)
    raise ValueError(f"unknown claim kind {k!r} in claim {c.id}")


def _times_finding(c: Claim) -> Finding:
    """``từ A lên B, gấp N lần``: B/A rounded half-up at the precision of N; amounts rounded at
    their last digit may make it fit (each input within half a unit of its last digit)."""
    new, old = c.numerator, c.denominator
    n_text = c.reported.split()[0]
    d = len(n_text.partition(",")[2])
    n = Decimal(n_text.replace(".", "").replace(",", "."))
    q = Decimal(1).scaleb(-d)
    got = (Decimal(new) / Decimal(old)).quantize(q, rounding=ROUND_HALF_UP)
    rec = format_number(got, d) + " lần"
    if got == n:
        return _consistent(c, rec)
    if c.detail.get("rounded_amounts") and old > 1:
        half = Decimal("0.5")
        lo, hi = (Decimal(new) - half) / (Decimal(old) + half), (Decimal(new) + half) / (Decimal(old) - half)
        if lo < n + q / 2 and n - q / 2 <= hi:
            return _consistent(c, rec)
    if c.detail.get("weak"):
        return Finding(c, "unverifiable", diagnosis=c.detail["weak"], recomputed=rec)
    a, b = c.detail["old_text"], c.detail["new_text"]
    return Finding(c, "inconsistent", "major", (
        f"from {a} to {b} is {_exact_times(new, old)} times, which rounds to {format_number(got, d)}, "
        f"not {n_text}"), rec, cause="reported-value")


def _exact_times(new: int, old: int) -> str:
    return format_number(Decimal(new) / Decimal(old), 4) + "…"


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


#: the audit of one claim on its own (before the passes across claims of :mod:`parstats.audit.passes`)


def _with_target(f: Finding, target, r: int, d: int, x: int, y: int) -> Finding:
    if target is None:
        return f
    gross, text = _gross(target, from_units(r, d), x, y)
    return Finding(f.claim, f.status, "major" if gross else f.severity, f"{f.diagnosis}; {text}",
                   f.recomputed, gross, f.cause, f.fits)


def scaled_text(v: int, c: Claim) -> str:
    """A number of a sum on an integer scale (``detail["scale"]``) as written: ``1061`` at scale 10
    of a breakdown in percent is ``106,1%``."""
    sc = c.detail["scale"]
    whole, frac = divmod(abs(v), sc)
    text = ("-" if v < 0 else "") + format_number(whole) + ("," + str(frac).zfill(len(str(sc)) - 1) if sc > 1 else "")
    return text + "%" if c.detail.get("unit") == "%" else text


def _sum_diagnosis(total: int, parts: list[int], reported: str | None) -> tuple[str, bool]:
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
