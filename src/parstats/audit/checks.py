"""The check of one claim: consistent, inconsistent (with its likely cause) or unverifiable.

:func:`audit_one` reads a claim by its kind and what its extractor noted, recomputes it and
returns a :class:`Finding`; the words of a slip's likely cause come from
:mod:`parstats.audit.diagnoses`, the name of the rule that tied the claim's numbers from
:mod:`parstats.audit.tierules` (:func:`basis` and :func:`tie_rule`, importable from here too,
as are the diagnoses other modules import from here).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, ROUND_DOWN, ROUND_HALF_UP

from parstats.audit.amountshares import share_fits
from parstats.audit.averages import per_unit_status
from parstats.audit.diagnoses import (
    fits_rounded_amounts,
    near_fit,
    off,
    ratio_diagnosis,
    scaled_text,
    sum_diagnosis,
    verdict_change,
)
from parstats.audit.documents import valid_date
from parstats.audit.inference import exact, from_units, percent_text, reported_units
from parstats.audit.model import Claim
from parstats.audit.tierules import basis, tie_rule
from parstats.numbers import format_number
from parstats.ratios import percent_units

__all__ = ["JULIAN_UNTIL", "MAX_DATE_YEAR", "MIN_DATE_YEAR", "STATUSES", "SUM_SLACK_PERCENT", "VOTE_DOUBT", "Finding",
           "audit_one",
           # re-exported: their home is parstats.audit.tierules / parstats.audit.diagnoses
           "basis", "tie_rule", "fits_rounded_amounts", "near_fit", "off", "ratio_diagnosis", "scaled_text"]


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


def _consistent(claim: Claim, recomputed: str | None = None) -> Finding:
    """``Finding(claim, "consistent", recomputed=recomputed)``, built without the frozen
    dataclass's per-field ``object.__setattr__`` (the same object; most claims are consistent)."""
    f = object.__new__(Finding)
    f.__dict__.update(claim=claim, status="consistent", severity=None, diagnosis=None,
                      recomputed=recomputed, gross=None, cause=None, fits={})
    return f


def _not_a_checkable_date(c: Claim) -> str | None:
    """Why an impossible date is no slip of the text but not a date at all, or None.

    Examples
    --------
    >>> from parstats.audit.extraction import extract_claims
    >>> [_not_a_checkable_date(c) for c in extract_claims("Retrieved 12/25/2019; hạn 31/11/2025.")]
    ['12/25/2019 is a date only as month/day/year (a foreign format), not checked', None]
    """
    day, month, year = (c.detail.get(key) for key in ("day", "month", "year"))
    if c.detail.get("example"):
        return f"{c.reported} is given as an example of a date that cannot be, not as a date"
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
    if "tháng" not in (c.reported or "") and day is not None and month is not None and valid_date(month, day, year):
        # "12/25/2019"; never "01 tháng 30 năm 1924", whose month the word "tháng" names
        return f"{c.reported} is a date only as month/day/year (a foreign format), not checked"
    return None


def audit_one(c: Claim, target=None) -> Finding:
    """The audit of one claim on its own (before the passes across claims of :mod:`parstats.audit.passes`)."""
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
    if k == "sum" and (c.detail.get("points") or c.detail.get("amount_change")):
        # a change between two values as written (percentage points on one integer scale, or a
        # plain amount): name the values as written
        scale = c.detail.get("scale", 0)
        diff = format_number(Decimal(c.denominator - c.parts[0]).scaleb(-scale), scale)
        if c.parts[0] + c.parts[1] == c.denominator:
            return _consistent(c, diff)
        unit = " percentage points" if c.detail.get("points") else ""
        if c.detail.get("rule") == "rank-gap":
            return Finding(c, "inconsistent", "major", (
                f"between {c.detail['old_text']} and {c.detail['new_text']} the gap is {diff}, "
                f"not {c.detail['amount_text']}"), diff, cause="parts-mismatch")
        return Finding(c, "inconsistent", "major", (
            f"from {c.detail['old_text']} to {c.detail['new_text']} is a change of {diff}{unit}, "
            f"not {c.detail['amount_text']}"), diff, cause="parts-mismatch")
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
        diagnosis, transposed = sum_diagnosis(total, parts, c.reported)
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


def _with_target(f: Finding, target, r: int, d: int, x: int, y: int) -> Finding:
    if target is None:
        return f
    gross, text = verdict_change(target, from_units(r, d), x, y)
    return Finding(f.claim, f.status, "major" if gross else f.severity, f"{f.diagnosis}; {text}",
                   f.recomputed, gross, f.cause, f.fits)
