"""What checks a sub-target's figure besides the report's own word, and how far along it is.

:func:`figure_checks` links each figure of ``data/targets.csv`` to the consistency audit of the
report (the finding on it, and its recomputed value when flagged) and computes a target's own
measure from the counts of another table (``measure_row``); :func:`check_counts` gives the share
the report's own counts give for a verdict it states in words (``check_row``); :func:`on_track`
sets a change target's progress against the share of its period elapsed up to
:func:`report_year`. :mod:`parstats.analysis.scoreboard` puts them on its rows.
"""
from __future__ import annotations

from decimal import Decimal

from parstats.analysis.wording import cell_text, format_value

__all__ = ["BEHIND", "ON_TRACK", "check_counts", "figure_checks", "on_track", "report_year"]

#: Progress against the time elapsed (:func:`on_track`): at or ahead of the pace the target
#: needs, or behind it.
ON_TRACK, BEHIND = "Đúng tiến độ", "Chậm tiến độ"


def _quote_lines(report, quote: str) -> tuple[str, int, int] | None:
    """``(normalised quote, first line, last line)`` of a quote in the report, or None."""
    from parstats.report import normalize_text

    needle = normalize_text(quote)
    for text, _source, line_of in report.units():
        at = text.find(needle)
        if needle and at >= 0:
            return needle, line_of(at), line_of(at + len(needle) - 1)
    return None


def figure_checks(targets, *, audit=None, data_dir=None) -> dict:
    """The consistency audit's word on each sub-target's figure, and the target's own measure.

    For every row of ``targets`` with an ``actual`` percentage, the audit's finding for that
    figure (the claim on the lines of the row's quote, reported as the row writes it); for a
    row with a ``measure_row``, that row's share (online / total, or count / total, 2 decimals).

    Returns
    -------
    dict
        ``id -> {"status", "status_vi", "cause_vi", "line", "recomputed", "recomputed_text",
        "measure"}`` (keys present only when known); ``measure`` is a dict with ``value``,
        ``text``, ``counts_text``, ``source``, ``table``, ``row``.

    Examples
    --------
    >>> c = figure_checks(__import__("parstats").data.load("targets"))
    >>> c["5b"]["status"], c["5b"]["recomputed_text"], c["6a"]["status"], c["4a"]["status"]
    ('inconsistent', '6,46%', 'consistent', 'unverifiable')
    >>> c["2e"]["measure"]["text"]
    '7,38%'
    """
    from parstats import audit as audit_mod, data, paths
    from parstats.analysis.tables import is_missing
    from parstats.audit import STATUSES_VI, CAUSES_VI
    from parstats.numbers import format_number, parse_percent
    from parstats.ratios import percent
    from parstats.report import load_report, normalize_text

    raw = data.data_dir_path(data_dir) / "raw" / paths.RAW_REPORT.name
    rep = load_report(raw)
    audited = audit_mod.audit_path(raw) if audit is None else audit
    out: dict = {}
    for _, r in targets.iterrows():
        entry: dict = {}
        unit = None if is_missing(r["unit"]) else r["unit"]
        if not is_missing(r["actual"]) and unit == "percent":
            span = _quote_lines(rep, r["quote"])
            written = f"{r['actual_text']}%"
            if span is not None:
                needle, lo, hi = span
                cands = [f for f in audited.findings
                         if lo <= f.claim.line <= hi and f.claim.reported == written]
                inside = [f for f in cands if normalize_text(f.claim.quote) in needle
                          or needle in normalize_text(f.claim.quote)]
                found = (inside or cands or [None])[0]
                if found is not None:
                    entry.update(status=found.status, status_vi=STATUSES_VI[found.status], line=found.claim.line,
                                 cause_vi=CAUSES_VI.get(found.cause, "") if found.status == "inconsistent" else "")
                    if found.status == "inconsistent" and found.recomputed:
                        entry.update(recomputed=parse_percent(found.recomputed).value,
                                     recomputed_text=found.recomputed)
        ref = cell_text(r.get("measure_row"))
        if ref:
            table, row_id = ref.split(":", 1)
            other = data.load(table, data_dir=data_dir).set_index("id")
            if row_id not in other.index:
                raise ValueError(f"data/targets.csv row {r['id']!r}, column 'measure_row': {ref!r} names no row "
                                 f"of data/{table}.csv")
            o = other.loc[row_id]
            col = "online" if "online" in o.index else "count"
            value = percent(int(o[col]), int(o["total"]), 2)
            entry["measure"] = {"value": value, "text": format_value(value, "percent"), "table": table, "row": row_id,
                                "counts_text": f"{o[col + '_text']}/{o['total_text']}",
                                "source": o["source"], "quote": o["quote"]}
        if entry:
            out[r["id"]] = entry
    return out


def report_year(data_dir=None) -> int:
    """The year the report's figures stand at ("Đến nay"): the latest year a ``period`` of the
    curated tables names.

    Examples
    --------
    >>> report_year()
    2023
    """
    import re

    from parstats import data
    from parstats.analysis.tables import is_missing

    years = []
    for name in data.tables(data_dir=data_dir):
        df = data.load(name, data_dir=data_dir)
        if "period" in df:
            years += [int(y) for p in df["period"] if not is_missing(p) for y in re.findall(r"\d{4}", str(p))]
    return max(years)


def check_counts(ref: str, *, data_dir=None, where: str = "") -> dict:
    """The share that the report's own counts give for a verdict it states in words
    (``check_row`` of ``data/targets.csv``: ``"table:a+b/c"``, the counts of rows ``a`` and ``b``
    summed over the total of row ``c``).

    Returns
    -------
    dict
        ``parts`` (counts), ``count`` (their sum), ``total``, ``value`` (the share, 2 decimals),
        ``text`` (``"54,97%"``), ``sum_text`` (``"116 + 83 = 199"``), ``source``.

    Raises
    ------
    ValueError
        When a row is missing or the total is not the largest total of its table (then the
        share would not be a lower bound), naming ``where``.

    Examples
    --------
    >>> c = check_counts("procedures_online:toan-trinh-tich-hop+mot-phan-tich-hop/tat-ca-cung-cap-dvctt")
    >>> c["sum_text"], c["total"], c["text"]
    ('116 + 83 = 199', 362, '54,97%')
    """
    from parstats import data
    from parstats.analysis.tables import is_missing
    from parstats.numbers import format_number
    from parstats.ratios import percent

    table, rest = ref.split(":", 1)
    parts_ref, total_ref = rest.split("/", 1)
    frame = data.load(table, data_dir=data_dir).set_index("id")
    for row_id in [*parts_ref.split("+"), total_ref]:
        if row_id not in frame.index:
            raise ValueError(f"{where}, column 'check_row': {ref!r} names no row {row_id!r} of data/{table}.csv")
    parts = [int(frame.loc[i, "count"]) for i in parts_ref.split("+")]
    total = int(frame.loc[total_ref, "total"])
    largest = max(int(t) for t in frame["total"] if not is_missing(t))
    if total != largest:
        raise ValueError(f"{where}, column 'check_row': {ref!r} divides by {total}, not by the largest total of "
                         f"data/{table}.csv ({largest}): the share would not be a lower bound")
    count = sum(parts)
    value = percent(count, total, 2)
    return {"parts": parts, "count": count, "total": total, "value": value, "text": format_value(value, "percent"),
            "sum_text": " + ".join(format_number(p) for p in parts) + f" = {format_number(count)}",
            "source": frame.loc[total_ref, "source"]}


def on_track(value, target_value, baseline_year: int, as_of_year: int, due_year: int) -> dict:
    """Progress of a change target against the share of its period elapsed.

    ``progress`` is the value reached as a share of the target (6,46% of a 10% reduction:
    64,6%), ``elapsed`` the share of the years from ``baseline_year`` to ``due_year`` gone by
    ``as_of_year``; the target is on track when progress is at least the time elapsed.

    Examples
    --------
    >>> r = on_track(Decimal("6.46"), Decimal(10), 2021, 2023, 2025)
    >>> r["progress_text"], r["elapsed_text"], r["status"]
    ('64,6%', '50%', 'Đúng tiến độ')
    >>> on_track(Decimal(0), Decimal(10), 2021, 2023, 2025)["status"]
    'Chậm tiến độ'
    """
    from parstats.numbers import decimal_places, format_number
    from parstats.ratios import percent

    def text(v):
        return format_number(v, decimal_places(v, significant=True)) + "%"

    progress = (Decimal(value) * 100 / Decimal(target_value)).quantize(Decimal("0.1"), rounding="ROUND_HALF_UP")
    elapsed = percent(as_of_year - baseline_year, due_year - baseline_year, 1)
    return {"progress": progress, "progress_text": text(progress), "elapsed": elapsed, "elapsed_text": text(elapsed),
            "status": ON_TRACK if progress >= elapsed else BEHIND,
            "years": f"{baseline_year}–{due_year}", "as_of_year": as_of_year}
