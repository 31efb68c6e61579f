"""The targets scoreboard: every sub-target (chỉ tiêu) of the programme, met or not.

For each row of ``data/targets.csv``: the target (comparator and value), the actual value
the report gives, whether it meets the target (:func:`parstats.ratios.verdict`), the gap
(:func:`parstats.ratios.gap`: negative means short of the target; for a rank band, the
worst acceptable rank minus the actual rank), the report's own verdict where it states
one, and whether the two agree.

Examples
--------
>>> s = scoreboard_summary()
>>> s["met"] + s["not_met"] + s["no_data"] == s["total"]
True
"""
from __future__ import annotations

from decimal import Decimal

__all__ = ["MET", "NOT_MET", "NO_DATA", "scoreboard", "scoreboard_summary", "target_text"]

#: Our verdict on a sub-target, in Vietnamese (``status``).
MET, NOT_MET, NO_DATA = "Đạt", "Chưa đạt", "Không có số liệu"
#: The report's own verdict, as ``data/targets.csv`` codes it (``report_verdict``).
REPORT_MET, REPORT_NOT_MET = "dat", "chua_dat"


def _missing(value) -> bool:
    from parstats.analysis.tables import is_missing

    return is_missing(value)


def target_text(comparator: str, value, upper=None, unit: str | None = "percent") -> str:
    """The target written out in Vietnamese.

    Examples
    --------
    >>> target_text("at_least", Decimal("90"))
    'tối thiểu 90%'
    >>> target_text("rank_between", 4, 6, "rank")
    'hạng 4 đến 6'
    >>> target_text("equals", 100)
    '100%'
    """
    from parstats.numbers import format_number

    def fmt(v):
        d = Decimal(v)
        places = max(0, -d.normalize().as_tuple().exponent)
        return format_number(d, places)

    suffix = "%" if unit == "percent" else ""
    if comparator == "rank_between":
        return f"hạng {fmt(value)} đến {fmt(upper)}"
    if comparator == "at_least":
        return f"tối thiểu {fmt(value)}{suffix}"
    if comparator == "at_most":
        return f"tối đa {fmt(value)}{suffix}"
    return f"{fmt(value)}{suffix}"


def scoreboard(targets=None):
    """The scoreboard, one row per sub-target and period.

    Parameters
    ----------
    targets : pandas.DataFrame, optional
        ``parstats.data.load("targets")`` (loaded when omitted).

    Returns
    -------
    pandas.DataFrame
        Columns ``id, target_no, sub_id, description, period, comparator, unit, target,
        target_value, target_upper, actual, actual_text, status, met, gap, report_verdict_key,
        report_verdict, agrees, source``; ``met``/``gap``/``agrees`` are None where the report
        gives no actual value (or no verdict to agree with). ``comparator``, ``unit`` and
        ``report_verdict_key`` are the codes of ``data/targets.csv``; ``target``, ``status``
        and ``report_verdict`` are written out in Vietnamese.

    Examples
    --------
    >>> b = scoreboard().set_index("id")
    >>> b.loc["1-2022", ["target", "actual_text", "status", "gap"]].tolist()
    ['hạng 4 đến 6', '8', 'Chưa đạt', Decimal('-2')]
    >>> b.loc["6a", ["status", "report_verdict", "agrees"]].tolist()
    ['Chưa đạt', 'Chưa đạt', True]
    """
    import pandas as pd

    from parstats import data
    from parstats.ratios import Target, gap, verdict
    from parstats.analysis.labels import label, period_label

    df = data.load("targets") if targets is None else targets
    rows = []
    for _, r in df.iterrows():
        has_target = not _missing(r["comparator"]) and not _missing(r["target_value"])
        target = None
        if has_target:
            upper = None if _missing(r["target_upper"]) else r["target_upper"]
            target = Target(r["comparator"], r["target_value"], upper)
        actual = None if _missing(r["actual"]) else r["actual"]
        if target is not None and actual is not None:
            met = verdict(target, actual)
            g = gap(target, actual)
            status = MET if met else NOT_MET
        else:
            met, g, status = None, None, NO_DATA
        report_key = "" if _missing(r["report_verdict"]) else r["report_verdict"]
        agrees = None if (met is None or not report_key) else (report_key == (REPORT_MET if met else REPORT_NOT_MET))
        unit = None if _missing(r["unit"]) else r["unit"]
        actual_text = "" if actual is None else (f"{r['actual_text']}%" if unit == "percent" else str(r["actual_text"]))
        rows.append({
            "id": r["id"], "target_no": int(r["target_no"]), "sub_id": r["sub_id"], "description": r["description"],
            "period": period_label(r["period"]),
            "comparator": None if _missing(r["comparator"]) else r["comparator"], "unit": unit,
            "target": target_text(r["comparator"], r["target_value"], r["target_upper"], unit) if has_target else "",
            "target_value": r["target_value"] if has_target else None,
            "target_upper": None if _missing(r["target_upper"]) else r["target_upper"],
            "actual": actual, "actual_text": actual_text, "status": status, "met": met, "gap": g,
            "report_verdict_key": report_key, "report_verdict": label("targets", "report_verdict", report_key),
            "agrees": agrees, "source": r["source"],
        })
    return pd.DataFrame(rows)


def scoreboard_summary(board=None) -> dict:
    """The scoreboard in brief, for the site index.

    Returns
    -------
    dict
        ``total`` (rows), ``met``, ``not_met``, ``no_data`` (no actual value to judge),
        ``report_met`` and ``report_not_met`` (the report's own verdicts),
        ``agree`` and ``disagree`` (rows with both a verdict of ours and the report's),
        ``targets`` (number of programme targets).

    Examples
    --------
    >>> s = scoreboard_summary()
    >>> sorted(s)
    ['agree', 'disagree', 'met', 'no_data', 'not_met', 'report_met', 'report_not_met', 'targets', 'total']
    """
    b = scoreboard() if board is None else board
    return {
        "total": int(len(b)),
        "met": int((b["status"] == MET).sum()),
        "not_met": int((b["status"] == NOT_MET).sum()),
        "no_data": int((b["status"] == NO_DATA).sum()),
        "report_met": int((b["report_verdict_key"] == REPORT_MET).sum()),
        "report_not_met": int((b["report_verdict_key"] == REPORT_NOT_MET).sum()),
        "agree": int((b["agrees"] == True).sum()),  # noqa: E712 - column holds True/False/None
        "disagree": int((b["agrees"] == False).sum()),  # noqa: E712
        "targets": int(b["target_no"].nunique()),
    }
