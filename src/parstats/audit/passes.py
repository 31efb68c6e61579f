"""Diagnoses across the claims of one text: passages, shared totals and corroboration.

:func:`audit_claims` audits each claim (:mod:`parstats.audit.checks`), then reads them together:
shares tied to a total earlier in their paragraph need one of them to fit it; the shares of a
passage that all fit one other total are diagnosed together; a diagnosis never blames a count
or a total that a sum of the same text confirms.
"""
from __future__ import annotations

from dataclasses import replace

from parstats.audit.checks import Finding, audit_one
from parstats.audit.diagnoses import near_fit, off, ratio_diagnosis
from parstats.audit.inference import (
    from_units,
    percent_text,
    readings,
    reported_units,
    runs_text,
    total_hull,
    totals_for_percent,
)
from parstats.audit.model import Claim, gc_paused
from parstats.numbers import format_number, format_percent, parse_percent, transpositions
from parstats.ratios import percent_units


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
        counts = [findings[i].claim.numerator for i in idx]
        breakdown = findings[idx[0]].claim.detail.get("rule") == "complete-breakdown"
        if len(idx) >= 2 and sum(counts) == total and not breakdown:
            # the counts of the shares add up to the total: it is their whole beyond doubt
            how = " + ".join(format_number(v) for v in counts) + f" = {format_number(total)}"
            for i in idx:
                f = findings[i]
                c = replace(f.claim, denominator_source=f"{f.claim.denominator_source}, which the counts "
                            f"of its shares add up to ({how})",
                            detail=dict(f.claim.detail, rule="parts-add-to-whole"))
                out[i] = Finding(c, f.status, f.severity, f.diagnosis, f.recomputed, f.gross, f.cause, f.fits)
            continue
        if breakdown and any(findings[i].status == "inconsistent" for i in idx):
            _one_slip_of_a_breakdown(findings, idx, total, out)
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


def _reported_units(c: Claim) -> tuple[int, int]:
    p = parse_percent(c.reported)
    return int(p.value.scaleb(p.decimals)), p.decimals


def _one_slip_of_a_breakdown(findings: list[Finding], idx: list[int], total: int, out: list[Finding]) -> None:
    """``Tày: 216.577 người (40,84%), Nùng: 158.114 người (29,81%), Mông: 61.579 người (11,65%), …``:
    when the counts of a complete breakdown miss their shares, but two digits of one count swapped
    make every share fit the whole they then add up to, that count is the slip: its flag stays,
    and the shares of the others, right against that whole, are not flagged (``out`` changed)."""
    claims = [findings[i].claim for i in idx]
    units = [_reported_units(o) for o in claims]
    for k, c in enumerate(claims):
        for alt in transpositions(str(c.numerator)):
            fixed = int(alt)
            whole = total - c.numerator + fixed
            if all(percent_units(fixed if m == k else o.numerator, whole, d) == r
                   for m, (o, (r, d)) in enumerate(zip(claims, units))):
                for m, i in enumerate(idx):
                    f = findings[i]
                    if m != k and f.status == "inconsistent":
                        out[i] = Finding(f.claim, "unverifiable", diagnosis=(
                            f"the share fits the whole {format_number(whole)} that the breakdown's counts make when "
                            f"{format_number(c.numerator)} is read {format_number(fixed)}: that count is the slip"),
                            recomputed=f.recomputed)
                return


#: causes that blame the count or the total of a share (not its rounding)
#: (a shared total is not one of them: it says the shares were computed on another total,
#: which a confirmed stated total does not contradict)
_BLAMES_NUMBERS = ("transposed-digits", "count-off", "total-off", "other")

#: smallest number that a sum of the same document can confirm (small ones recur by chance)
MIN_CONFIRMED = 100


def _confirmed_numbers(findings: list[Finding]) -> dict[int, Claim]:
    """Numbers that a sum of the document confirms: the parts and total of every consistent sum,
    each with the first sum that holds it (written out by :func:`_sum_written` when needed)."""
    out: dict[int, Claim] = {}
    for f in findings:
        c = f.claim
        if c.kind == "sum" and f.status == "consistent" and c.parts:
            for v in (*c.parts, c.denominator):
                if v >= MIN_CONFIRMED:
                    out.setdefault(v, c)
    return out


def _sum_written(c: Claim) -> str:
    """A consistent sum as it confirms its numbers: ``11 + 43 + 74 + 1 = 129 (line 5)``."""
    return " + ".join(format_number(p) for p in c.parts) + f" = {format_number(c.denominator)} (line {c.line})"


def subtotal_of(findings: list[Finding], x: int, total: int) -> str | None:
    """How a consistent sum of the document confirms ``x`` as a subtotal of ``total``, or None.

    A run of consecutive parts of a sum whose total is ``total`` that adds up to ``x``: footnote
    9's "Thạc sỹ 11 người, Đại học 43 người; … Thạc sỹ 11 người; Đại học 63 người, Cao đẳng 01
    người" adds up to 129 and its first four parts to 128, so "128/129 người" has both numbers
    confirmed. Only runs of at least two parts count (one part equal to ``x`` is chance).

    Examples
    --------
    >>> from parstats.audit.extraction import extract_claims
    >>> from parstats.audit.checks import audit_one
    >>> fs = [audit_one(c) for c in extract_claims("Tổng số 129 người (gồm 11 người, 43 người, 74 người, 01 người).")]
    >>> subtotal_of(fs, 128, 129)
    '11 + 43 + 74 = 128 of the sum 11 + 43 + 74 + 1 = 129 (line 1)'
    """
    if x < MIN_CONFIRMED:
        return None
    for f in findings:
        c = f.claim
        if c.kind != "sum" or f.status != "consistent" or not c.parts or c.denominator != total:
            continue
        parts = c.parts
        for i in range(len(parts)):
            acc = 0
            for j in range(i, len(parts)):
                acc += parts[j]
                if acc > x:
                    break
                if acc == x and j > i:
                    return (" + ".join(format_number(p) for p in parts[i:j + 1]) + f" = {format_number(x)} "
                            "of the sum " + " + ".join(format_number(p) for p in parts)
                            + f" = {format_number(total)} (line {c.line})")
    return None


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
        sx, sy = confirmed.get(x), confirmed.get(y)
        cx = _sum_written(sx) if sx is not None else None
        cy = _sum_written(sy) if sy is not None else None
        sub = None
        if cx is None and cy is not None:
            cx = sub = subtotal_of(findings, x, y)
        if cx is None and cy is None:
            continue
        r, d, _ = reported_units(c.reported)
        sev, cause, diag, fits = ratio_diagnosis(
            x, y, r, d, c.reported, format_number(x), format_number(y),
            vary_count=cx is None, vary_total=cy is None)
        told = "; ".join(f"{format_number(v)} is confirmed by the {'subtotal' if how is sub else 'sum'} {how}"
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
            a, b = total_hull(findings[i].claim)
            lo = max(lo, a)
            hi = b if hi is None else (hi if b is None else min(hi, b))
        nt = near_fit(lo, hi, y)
        if nt is None or nt == y:
            continue
        entries, near = [], 0
        for i in idx:
            c = findings[i].claim
            r, d, _ = reported_units(c.reported)
            got = percent_text(c.numerator, nt, d)
            if percent_units(c.numerator, nt, d) == r:
                entries.append(f"{format_number(c.numerator)}/{format_number(nt)} = {got} (reported {c.reported})")
            else:  # fits only in another reading ("79,90%" as "79,9%"): a near fit, said so
                near += 1
                entries.append(f"{format_number(c.numerator)}/{format_number(nt)} = {got} "
                               f"(reported {c.reported}, near fit {got})")
        shares = ", ".join(entries)
        fit_words = ("every share of this passage fits" if not near else
                     f"the shares of this passage fit ({near} only nearly)")
        for i in bad:
            f = findings[i]
            diag = (f"total off by a little: {fit_words} a total of {format_number(nt)} "
                    f"({off(nt - y, format_number(y))}): {shares}")
            if f.gross is not None:
                diag += "; " + f.diagnosis.rsplit("; ", 1)[-1]
            out[i] = Finding(f.claim, f.status, f.severity, diag, f.recomputed, f.gross,
                             "shared-total", dict(f.fits, shared_total=nt))
    return out


def audit_claims(claims, *, targets=None) -> list[Finding]:
    """Audit claims (from :func:`parstats.audit.extraction.extract_claims`).

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
    >>> from parstats.audit.extraction import extract_claims
    >>> cs = extract_claims("Toàn huyện có 58 đơn vị, giảm 07 đơn vị (giảm 10,7%) so với năm 2015.")
    >>> [(f.status, f.severity, f.recomputed) for f in audit_claims(cs)]
    [('inconsistent', 'minor', '10,8%')]
    """
    targets = targets or {}
    with gc_paused():
        findings = [audit_one(c, targets.get(c.id, c.target)) for c in claims]
        return _corroboration_pass(_shared_total_pass(_passage_pass(findings)))


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
    >>> from parstats.audit import audit_path
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
        hi = total_hull(c)[1]
        limit = max(c.denominator, nt) + slack if hi is None else hi
        totals = sorted({t for r, d in readings(c.reported)
                         for t in totals_for_percent(format_percent(from_units(r, d), d), c.numerator,
                                                     max_total=limit)})
        rows.append({"id": c.id, "line": c.line, "quote": c.quote, "count": c.numerator,
                     "reported": c.reported, "stated_total": c.denominator,
                     "recomputed": f.recomputed or percent_text(c.numerator, c.denominator,
                                                                 reported_units(c.reported)[1]),
                     "shared_total": nt, "totals": tuple(totals), "totals_text": runs_text(totals) + ("…" if hi is None else ""),
                     "fits_stated": c.denominator in totals, "fits_shared": nt in totals})
    return rows
