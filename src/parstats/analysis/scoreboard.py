"""The targets scoreboard: every sub-target (chỉ tiêu) of the programme, met or not.

For each row of ``data/targets.csv``: the target (comparator and value), the actual value
the report gives, whether it meets the target (:func:`parstats.ratios.verdict`), the gap
(:func:`parstats.ratios.gap`: negative means short of the target; for a rank band, the
worst acceptable rank minus the actual rank), the report's own verdict where it states
one, and whether the two agree.

One truth per number: a value the report states in words ("giữ nguyên", "Chưa đạt chỉ tiêu
đề ra"; ``actual_words``) is scored from those words (:data:`WORDS`); each figure is linked to
the consistency audit of the report (:func:`figure_checks`), so a verdict resting on a flagged
figure carries the recomputed value and says whether the verdict changes; a target measured
otherwise than the reported figure gets the value on its own measure (``measure_row``). Per
programme target: :func:`target_verdicts`; the index's first screen is
:mod:`parstats.analysis.findings`.

This module builds the rows and their verdicts; how targets and values are written and what
the report's words mean is :mod:`parstats.analysis.wording`, what checks a figure (the audit,
a target's own measure, the report's counts, progress against time) is
:mod:`parstats.analysis.target_checks`. Their public names are importable from here too.

Examples
--------
>>> s = scoreboard_summary()
>>> s["met"] + s["not_met"] + s["no_data"] == s["total"]
True
"""
from __future__ import annotations

from parstats.analysis.target_checks import BEHIND, ON_TRACK, check_counts, figure_checks, on_track, report_year
from parstats.analysis.wording import WORDS, cell_text, format_value, target_text, word_meaning

__all__ = ["BASIS_VI", "MET", "NOT_MET", "NO_DATA", "NO_TARGET", "WORDS_ONLY", "scoreboard", "scoreboard_summary",
           "sub_target_verdicts", "target_verdicts", "unchecked_met",
           # re-exported: their home is parstats.analysis.wording / parstats.analysis.target_checks
           "WORDS", "format_value", "target_text", "word_meaning",
           "BEHIND", "ON_TRACK", "check_counts", "figure_checks", "on_track", "report_year"]

#: Our verdict on a sub-target, in Vietnamese (``status``).
MET, NOT_MET, NO_DATA = "Đạt", "Chưa đạt", "Không có số liệu"
#: A programme target without a number to judge (chỉ tiêu 3).
NO_TARGET = "Không có chỉ tiêu định lượng"

#: What a page shows for a sub-target whose verdict the report states in words only
#: ("Đạt chỉ tiêu đề ra" after the target): the verdict, never the target copied as a result.
WORDS_ONLY = "{verdict} (báo cáo tự đánh giá, không nêu số)"

#: How a sub-target's value is known (``basis``), in Vietnamese.
BASIS_VI = {"number": "số liệu báo cáo nêu", "words": "lời văn của báo cáo"}
#: Which value a verdict and its gap rest on (``value_basis``), in Vietnamese.
VALUE_BASIS_VI = {"reported": "báo cáo ghi", "recomputed": "tính lại", "measure": "theo đơn vị đo của chỉ tiêu",
                  "words": "lời văn của báo cáo"}
#: The report's own verdict, as ``data/targets.csv`` codes it (``report_verdict``).
REPORT_MET, REPORT_NOT_MET = "dat", "chua_dat"


def _missing(value) -> bool:
    from parstats.analysis.tables import is_missing

    return is_missing(value)


def _note(row: dict, r, check: dict) -> str:
    """The Vietnamese note of a scoreboard row: words, flags, another measure, a check by counts."""
    parts = []
    words = row["actual_words"]
    if words and row["basis"] == "words" and _missing(r["actual"]):
        if row["actual"] is not None:
            parts.append(f"Báo cáo nêu bằng lời «{words}», tức mức giảm {format_value(row['actual'], row['unit'])}.")
        else:
            parts.append(f"Báo cáo chỉ nêu «{words}», không nêu số liệu.")
    elif words:
        parts.append(f"Báo cáo nêu «{words}» cho chỉ tiêu {row['target']}, tức {row['actual_text']}; "
                     "không nêu số lượng: không kiểm chứng được.")
    elif row["status"] == NO_DATA and row["report_verdict"]:
        parts.append(f"Báo cáo không nêu số liệu cho chỉ tiêu con này; «{row['report_verdict'].lower()} chỉ tiêu đề ra» "
                     f"ở cuối đoạn là đánh giá chung của chỉ tiêu {row['target_no']}.")
    status = check.get("status")
    if status == "unverifiable" and not words:
        parts.append("Báo cáo chỉ nêu tỷ lệ, không nêu số lượng: không kiểm chứng được.")
    if row["recomputed_text"]:
        cause = f" ({check['cause_vi']})" if check.get("cause_vi") else ""
        after = (MET if row["recomputed_met"] else NOT_MET).lower()
        change = f"đánh giá đổi thành {after}" if row["verdict_changes"] else f"đánh giá không đổi ({after})"
        parts.append(f"Số liệu bị gắn cờ: báo cáo ghi {row['actual_text']}, tính lại {row['recomputed_text']}"
                     f"{cause}; {change}; khoảng cách đến chỉ tiêu tính từ giá trị tính lại.")
    if check.get("measure") and row["target"]:
        parts.append(_measure_note(row, check["measure"]))
    elif check.get("measure"):
        parts.append(f"Không có mục tiêu định lượng; báo cáo nêu {check['measure']['counts_text']} "
                     f"({check['measure']['text']}).")
    if row["check_text"]:
        parts.append(row["check_note"])
    elif words and row["basis"] == "words" and row["actual"] is None:
        parts.append("Không có số đếm để kiểm chứng.")
    return " ".join(parts)


def _measure_note(row: dict, measure: dict) -> str:
    """The sentence on a target measured otherwise than the reported figure."""
    from parstats.analysis.labels import source_label

    target_m, reported_m = row["target_measure"], row["reported_measure"]
    after = (MET if row["measure_met"] else NOT_MET).lower()
    same = "không đổi" if row["measure_met"] == row["met"] else "thay đổi"
    return (f"Chỉ tiêu tính theo {target_m}, báo cáo trả lời bằng tỷ lệ {reported_m} ({row['actual_text']}); "
            f"theo số {target_m} báo cáo nêu ở {source_label(measure['source'])} ({measure['counts_text']}) "
            f"tỷ lệ là {measure['text']}: {after}, đánh giá {same}.")



def scoreboard(targets=None, *, audit=None, data_dir=None):
    """The scoreboard, one row per sub-target and period.

    A sub-target is judged on the number the report gives (``actual``); where it gives none
    but states the value or verdict in words (``actual_words``: "giữ nguyên", "toàn bộ",
    "Chưa đạt chỉ tiêu đề ra"), it is judged on those words (:data:`WORDS`). Each number is
    linked to the consistency audit of the report (:func:`figure_checks`): a figure the
    audit flags gets its recomputed value and the verdict on it beside the reported one.
    Where the target measures something else than the reported figure (``target_measure``,
    ``reported_measure``), the target's own measure is computed from ``measure_row``.

    Parameters
    ----------
    targets : pandas.DataFrame, optional
        ``parstats.data.load("targets")`` (loaded from ``data_dir`` when omitted).
    audit : parstats.audit.AuditReport, optional
        The audit of the raw report (:func:`parstats.audit.audit_path`; run when omitted).
    data_dir : Path, optional
        The data folder (default ``data/``): the raw report and the tables ``measure_row``
        names.

    Returns
    -------
    pandas.DataFrame
        Columns ``id, target_no, sub_id, description, period, comparator, unit, target,
        target_value, target_upper, actual, actual_text, actual_words, basis, basis_vi, status,
        met, gap, audit_status, audit_status_vi, audit_cause_vi, recomputed, recomputed_text,
        recomputed_met, verdict_changes, measure_value, measure_text, measure_met, target_measure,
        reported_measure, note, measure_note,
        report_verdict_key, report_verdict, agrees, source``; ``met``/``gap``/``agrees`` are
        None where the sub-target cannot be judged (or the report gives no verdict to agree
        with). ``comparator``, ``unit`` and ``report_verdict_key`` are the codes of
        ``data/targets.csv``; ``target``, ``status``, ``report_verdict`` and ``note`` are
        Vietnamese.

    Examples
    --------
    >>> b = scoreboard().set_index("id")
    >>> b.loc["1-2022", ["target", "actual_text", "status", "gap"]].tolist()
    ['hạng 4 đến 6', '8', 'Chưa đạt', Decimal('-2')]
    >>> b.loc["6a", ["status", "report_verdict", "agrees"]].tolist()
    ['Chưa đạt', 'Chưa đạt', True]
    >>> b.loc["5a", ["actual_text", "status", "basis"]].tolist()
    ['0% (giữ nguyên)', 'Chưa đạt', 'words']
    >>> b.loc["5b", ["actual_text", "recomputed_text", "recomputed_met", "verdict_changes"]].tolist()
    ['6,91%', '6,46%', False, False]
    """
    import pandas as pd

    from parstats import data
    from parstats.ratios import Target, gap, verdict
    from parstats.analysis.labels import label, period_label

    df = data.load("targets", data_dir=data_dir) if targets is None else targets
    checks = figure_checks(df, audit=audit, data_dir=data_dir)
    as_of = None
    rows = []
    for _, r in df.iterrows():
        where = f"data/targets.csv row {r['id']!r}"
        has_target = not _missing(r["comparator"]) and not _missing(r["target_value"])
        unit = None if _missing(r["unit"]) else r["unit"]
        target = None
        if has_target:
            upper = None if _missing(r["target_upper"]) else r["target_upper"]
            target = Target(r["comparator"], r["target_value"], upper)
        words = cell_text(r.get("actual_words"))
        word_kind, word_value = word_meaning(words, where=where)
        actual = None if _missing(r["actual"]) else r["actual"]
        actual_text = "" if actual is None else (f"{r['actual_text']}%" if unit == "percent" else str(r["actual_text"]))
        basis = "" if actual is None else "number"
        if actual is None and word_kind == "value":
            actual, basis = word_value, "words"
            actual_text = f"{format_value(word_value, unit)} ({words})"
        elif actual is not None and words:
            basis = "words"
        check = checks.get(r["id"], {})
        recomputed = check.get("recomputed")
        measure = check.get("measure")
        # one value per target: its own measure, else the recomputed figure, else the reported one
        value, value_basis = actual, ("words" if basis == "words" else "reported") if actual is not None else ""
        if measure is not None and has_target:
            value, value_basis = measure["value"], "measure"
        elif recomputed is not None:
            value, value_basis = recomputed, "recomputed"
        met = g = reported_met = None
        if target is not None and value is not None:
            met, g = verdict(target, value), gap(target, value)
            reported_met = verdict(target, actual)
        elif target is not None and word_kind == "verdict":
            met, basis, value_basis = word_value, "words", "words"
            actual_text = WORDS_ONLY.format(verdict=MET if word_value else NOT_MET)
        status = NO_DATA if met is None else (MET if met else NOT_MET)
        recomputed_met = None if (recomputed is None or target is None) else verdict(target, recomputed)
        measure_met = None if (measure is None or target is None) else verdict(target, measure["value"])
        report_key = "" if _missing(r["report_verdict"]) else r["report_verdict"]
        report_label = label("targets", "report_verdict", report_key)
        if status == NO_DATA and report_key and not actual_text:
            actual_text = f"không có số liệu (báo cáo đánh giá chung chỉ tiêu {int(r['target_no'])}: {report_label.lower()})"
        agrees = None if (met is None or not report_key or (basis == "words" and word_kind == "verdict")) \
            else (report_key == (REPORT_MET if met else REPORT_NOT_MET))
        counted = None
        ref = cell_text(r.get("check_row"))
        if ref:
            counted = check_counts(ref, data_dir=data_dir, where=where)
        check_met = None if counted is None or target is None else verdict(target, counted["value"])
        progress = {}
        baseline = None if _missing(r.get("baseline_year")) else int(r["baseline_year"])
        due = None if _missing(r.get("due_year")) else int(r["due_year"])
        if baseline is not None and due is not None and value is not None and has_target:
            if as_of is None:
                as_of = report_year(data_dir)
            year = as_of if not str(r["period"])[:4].isdigit() else int(str(r["period"])[:4])
            progress = on_track(value, r["target_value"], baseline, year, due)
        row = {
            "id": r["id"], "target_no": int(r["target_no"]), "sub_id": r["sub_id"], "description": r["description"],
            "period": period_label(r["period"]),
            "comparator": None if _missing(r["comparator"]) else r["comparator"], "unit": unit,
            "target": target_text(r["comparator"], r["target_value"], r["target_upper"], unit) if has_target else "",
            "target_value": r["target_value"] if has_target else None,
            "target_upper": None if _missing(r["target_upper"]) else r["target_upper"],
            "actual": actual, "actual_text": actual_text, "actual_words": words, "basis": basis,
            "basis_vi": BASIS_VI.get(basis, ""),
            "value": value, "value_text": "" if value is None or value_basis == "words" and actual is None
            else format_value(value, unit), "value_basis": value_basis,
            "value_basis_vi": VALUE_BASIS_VI.get(value_basis, ""),
            "status": status, "met": met, "gap": g, "reported_met": reported_met,
            "audit_status": check.get("status", ""), "audit_status_vi": check.get("status_vi", ""),
            "audit_cause_vi": check.get("cause_vi", ""),
            "recomputed": recomputed, "recomputed_text": check.get("recomputed_text", ""),
            "recomputed_met": recomputed_met,
            "verdict_changes": None if recomputed_met is None or reported_met is None
            else recomputed_met != reported_met,
            "measure_value": None if measure is None else measure["value"],
            "measure_text": "" if measure is None else measure["text"], "measure_met": measure_met,
            "measure_counts_text": "" if measure is None else measure["counts_text"],
            "measure_source": "" if measure is None else measure["source"],
            "measure_quote": "" if measure is None else measure["quote"],
            "target_measure": cell_text(r.get("target_measure")), "reported_measure": cell_text(r.get("reported_measure")),
            "check_value": None if counted is None else counted["value"],
            "check_text": "" if counted is None else f"≥ {counted['text']}", "check_met": check_met,
            "check_note": "" if counted is None else _check_note(counted, check_met),
            "baseline_year": baseline, "due_year": due,
            "progress_text": progress.get("progress_text", ""), "elapsed_text": progress.get("elapsed_text", ""),
            "on_track": progress.get("status", ""), "progress_years": progress.get("years", ""),
            "as_of_year": progress.get("as_of_year"),
            "report_verdict_key": report_key, "report_verdict": report_label,
            "agrees": agrees, "source": r["source"],
        }
        row["note"] = _note(row, r, check)
        row["measure_note"] = _measure_note(row, check["measure"]) if "measure" in check and has_target else ""
        rows.append(row)
    return pd.DataFrame(rows)


def _check_note(counted: dict, met) -> str:
    """The sentence on a verdict checked by the report's own counts (``check_row``)."""
    from parstats.analysis.labels import source_label
    from parstats.numbers import format_number

    after = "" if met is None else f": {(MET if met else NOT_MET).lower()}, kiểm chứng được"
    return (f"Theo số đếm báo cáo nêu ở {source_label(counted['source'])}, {counted['sum_text']} thủ tục, "
            f"ít nhất {counted['text']} trên tổng số lớn nhất báo cáo nêu ({format_number(counted['total'])} thủ tục)"
            f"{after}.")


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


def _aggregate(statuses) -> str:
    """One verdict over several: not met if any is, met if all are, else no data."""
    statuses = list(statuses)
    if NOT_MET in statuses:
        return NOT_MET
    if statuses and all(st == MET for st in statuses):
        return MET
    return NO_DATA


def sub_target_verdicts(board=None):
    """One row per sub-target: its verdict over its periods (met only when every period is).

    Returns
    -------
    pandas.DataFrame
        ``target_no, sub_id, status, periods`` (``"Năm 2021: Đạt; Năm 2022: Chưa đạt"`` for a
        sub-target judged in several periods, else ``""``), ``has_target``.

    Examples
    --------
    >>> v = sub_target_verdicts().set_index("sub_id")
    >>> v.loc["1", ["status", "periods"]].tolist()
    ['Chưa đạt', 'Năm 2021: Đạt; Năm 2022: Chưa đạt']
    """
    import pandas as pd

    b = scoreboard() if board is None else board
    rows = []
    for sub_id, g in b.groupby("sub_id", sort=False):
        periods = "; ".join(f"{p}: {st}" for p, st in zip(g["period"], g["status"])) if len(g) > 1 else ""
        rows.append({"target_no": int(g["target_no"].iloc[0]), "sub_id": sub_id, "status": _aggregate(g["status"]),
                     "periods": periods, "has_target": bool(g["comparator"].notna().any())})
    return pd.DataFrame(rows)


def target_verdicts(board=None):
    """One row per programme target (chỉ tiêu 1–6): how many of its sub-targets are met.

    A target is met when every sub-target with a number is met; not met when one is not;
    :data:`NO_DATA` when none is judged and some lack data; :data:`NO_TARGET` when it has no
    number to judge against.

    Returns
    -------
    pandas.DataFrame
        ``target_no, status, subs, met, not_met, no_data, met_ids, not_met_ids, no_data_ids,
        sentence`` (Vietnamese: ``"Chỉ tiêu 2: đạt 2/5 chỉ tiêu con"``).

    Examples
    --------
    >>> t = target_verdicts().set_index("target_no")
    >>> t.loc[2, "sentence"]
    'Chỉ tiêu 2: đạt 2/5 chỉ tiêu con'
    >>> t.loc[3, "status"]
    'Không có chỉ tiêu định lượng'
    """
    import pandas as pd

    subs = sub_target_verdicts(board)
    rows = []
    for no, g in subs.groupby("target_no", sort=True):
        judged = g[g["has_target"]]
        ids = {st: ", ".join(judged.loc[judged["status"] == st, "sub_id"]) for st in (MET, NOT_MET, NO_DATA)}
        n_met, n_not = int((judged["status"] == MET).sum()), int((judged["status"] == NOT_MET).sum())
        if judged.empty:
            status, sentence = NO_TARGET, f"Chỉ tiêu {no}: không có chỉ tiêu định lượng để đánh giá"
        else:
            status = _aggregate(judged["status"])
            sentence = f"Chỉ tiêu {no}: đạt {n_met}/{len(judged)} chỉ tiêu con"
        rows.append({"target_no": int(no), "status": status, "subs": int(len(judged)), "met": n_met,
                     "not_met": n_not, "no_data": int((judged["status"] == NO_DATA).sum()),
                     "met_ids": ids[MET], "not_met_ids": ids[NOT_MET], "no_data_ids": ids[NO_DATA],
                     "sentence": sentence})
    return pd.DataFrame(rows)


def unchecked_met(board=None) -> list[str]:
    """The sub-targets judged met on figures nobody can check: no row of theirs rests on a
    figure the audit could recompute (consistent or inconsistent), on the target's own measure
    computed from counts, or on a verdict the report's counts check (``check_row``) — a share
    stated without its counts, or the report's own words.

    Examples
    --------
    >>> unchecked_met()
    ['2c', '4a', '6b']
    """
    b = scoreboard() if board is None else board
    subs = sub_target_verdicts(b)
    met = subs.loc[subs["status"] == MET, "sub_id"]
    checked = set(b.loc[b["audit_status"].isin(["consistent", "inconsistent"]) | b["measure_value"].notna()
                        | (b["check_met"] == True), "sub_id"])  # noqa: E712 - True/False/None
    return [s for s in met if s not in checked]
