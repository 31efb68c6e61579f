"""Reported against recomputed shares: the audit's arithmetic and status words, row by row.

A share the report quotes next to its counts is checked exactly as the consistency audit
checks a percentage claim of any text: :func:`check_share` hands the count, the total and the
share as written to :func:`parstats.audit.audit_claims`, which recomputes the share at the
precision the report wrote (``"1,6"`` -> 1 decimal, ``"84,11"`` -> 2, ``"01"`` -> 0), rounding
half-up (:func:`parstats.ratios.percent_units`), and says ``consistent``, ``inconsistent``
(with its likely cause) or ``unverifiable``. A quoted decrease is checked the same way
(:func:`check_change`). So a notebook's table and the audit of notebook 05 cannot disagree.

Two markers of the curated tables are not claims the audit sees: :data:`NOT_QUOTED` (the
report gives the counts but no share; the share is computed here, 2 decimals) and
:data:`NO_VALUE` (neither a share nor both counts). Every status has one Vietnamese label,
:data:`STATUS_LABELS`: the audit's own (:data:`parstats.audit.STATUSES_VI`) and these two.

Examples
--------
>>> r = check_share(128, 129, Decimal("98.45"), "98,45")
>>> r["recomputed"], r["difference"], r["status"], r["status_vi"], r["cause"]
(Decimal('99.22'), Decimal('0.77'), 'inconsistent', 'không nhất quán', 'count-off')
"""
from __future__ import annotations

from decimal import Decimal

from parstats.analysis.labels import source_label
from parstats.analysis.tables import Column, is_missing

__all__ = [
    "CONSISTENT",
    "INCONSISTENT",
    "NOT_QUOTED",
    "NO_VALUE",
    "STATUS_LABELS",
    "STATUS_MEANINGS",
    "UNVERIFIABLE",
    "check_change",
    "check_share",
    "int_or_none",
    "parts_columns",
    "percent_text",
    "recomputed_text",
    "reproduction_columns",
    "reproduction_summary",
    "share_columns",
    "share_rows",
    "status_header",
    "typed",
]

#: The audit's statuses (:data:`parstats.audit.STATUSES`).
CONSISTENT, INCONSISTENT, UNVERIFIABLE = "consistent", "inconsistent", "unverifiable"
#: The two markers of a curated row that is no claim: counts without a share, and nothing.
NOT_QUOTED, NO_VALUE = "not_quoted", "no_value"


def _labels() -> dict:
    from parstats.audit import STATUSES, STATUSES_VI

    assert (CONSISTENT, INCONSISTENT, UNVERIFIABLE) == STATUSES, STATUSES
    return {**STATUSES_VI, NOT_QUOTED: "báo cáo không nêu tỷ lệ", NO_VALUE: "không có số liệu"}


#: Vietnamese label of every status: the audit's words, and the two markers.
STATUS_LABELS = _labels()

#: What each status means, for prose and the README.
STATUS_MEANINGS = {
    CONSISTENT: "the recomputed share, rounded half-up at the report's precision, is the reported one",
    INCONSISTENT: "the recomputed share differs from the reported one (the audit names the likely cause)",
    UNVERIFIABLE: "the report gives a share without both counts to recompute it",
    NOT_QUOTED: "the report gives the counts but no share; the share is computed here (2 decimals)",
    NO_VALUE: "neither a share nor both counts",
}


def status_header(status: str) -> str:
    """The label of a status as a table header (capitalised).

    Examples
    --------
    >>> status_header(UNVERIFIABLE)
    'Không kiểm chứng được'
    """
    text = STATUS_LABELS[status]
    return text[:1].upper() + text[1:]


def int_or_none(value):
    """An int, or None for an empty cell."""
    return None if is_missing(value) else int(value)


def percent_text(text) -> str:
    """A percentage as the report wrote it, with its sign (``"84,11"`` -> ``"84,11%"``); ``""`` if empty."""
    return "" if is_missing(text) else f"{text}%"


def _written(reported, reported_text) -> str | None:
    """The share as the audit reads it: the report's text with ``%``, else the value written out."""
    from parstats.numbers import decimal_places, format_percent

    if not is_missing(reported_text):
        return f"{reported_text}%"
    if is_missing(reported):
        return None
    value = Decimal(reported)
    return format_percent(value, decimal_places(value))


def _audit(kind: str, numerator, denominator, written, **detail):
    from parstats.audit import Claim, audit_claims

    claim = Claim(f"{kind}-0-1", kind, 0, "", numerator, denominator, reported=written, detail=detail)
    return audit_claims([claim])[0]


def _result(finding, status: str, reported, decimals: int) -> dict:
    from parstats.audit import CAUSES_VI
    from parstats.numbers import parse_percent

    recomputed = None if finding is None or finding.recomputed is None else parse_percent(finding.recomputed).value
    difference = None if recomputed is None or status not in (CONSISTENT, INCONSISTENT) \
        else recomputed - Decimal(reported)
    cause = None if finding is None or status != INCONSISTENT else finding.cause
    return {"recomputed": recomputed, "decimals": decimals, "difference": difference, "status": status,
            "status_vi": STATUS_LABELS[status], "cause": cause, "cause_vi": CAUSES_VI.get(cause, "")}


def check_share(count, total, reported=None, reported_text=None) -> dict:
    """Check ``count / total`` against the reported share, as the audit checks a percentage.

    Parameters
    ----------
    count, total : int or None
        The counts (None or NA when the report does not give them).
    reported : Decimal or None
        The share the report states (98.45 for 98,45%).
    reported_text : str or None
        The share as the report wrote it, without ``%`` (``"98,45"``): its precision is the one
        the share is recomputed at (2 decimals when the report states none).

    Returns
    -------
    dict
        ``recomputed`` (Decimal or None), ``decimals``, ``difference`` (recomputed - reported,
        percentage points, for a checked share), ``status`` (a key of :data:`STATUS_LABELS`),
        ``status_vi`` (its label), ``cause`` and ``cause_vi`` (the audit's likely cause of an
        inconsistency, else None and ``""``).

    Examples
    --------
    >>> check_share(28, 1752, Decimal("1.6"), "1,6")["status_vi"]
    'nhất quán'
    >>> check_share(None, None, Decimal("92.21"), "92,21")["status"]
    'unverifiable'
    >>> r = check_share(24, 1488)
    >>> r["recomputed"], r["status"], r["status_vi"]
    (Decimal('1.61'), 'not_quoted', 'báo cáo không nêu tỷ lệ')
    >>> check_share(None, 10)["status_vi"]
    'không có số liệu'
    """
    from parstats.numbers import parse_percent

    written = _written(reported, reported_text)
    decimals = 2 if written is None else parse_percent(written).decimals
    has_counts = not is_missing(count) and not is_missing(total)
    if written is None and not has_counts:
        return _result(None, NO_VALUE, reported, decimals)
    finding = _audit("ratio", int_or_none(count), int_or_none(total), written)
    return _result(finding, finding.status if written is not None else NOT_QUOTED, reported, decimals)


def check_change(decrease: int, current: int, reported=None, reported_text=None) -> dict:
    """Check a quoted decrease ("giảm N …, đạt Z%") on the old base, as the audit checks a change.

    The old value is ``current + decrease``. A share computed on the new value instead is
    ``inconsistent`` with cause ``wrong-base``.

    Returns
    -------
    dict
        As :func:`check_share`, with ``base_value`` (the old value); ``recomputed`` is the
        decrease in percent of the old value at the report's precision.

    Examples
    --------
    >>> r = check_change(108, 1563, Decimal("6.91"), "6,91")
    >>> r["base_value"], r["recomputed"], r["status"], r["cause"], r["cause_vi"]
    (1671, Decimal('6.46'), 'inconsistent', 'wrong-base', 'tính trên sai gốc so sánh')
    """
    from parstats.numbers import parse_percent

    base_value = int(current) + int(decrease)
    written = _written(reported, reported_text)
    if written is None:  # nothing to check: the decrease on the old base, 2 decimals
        from parstats.ratios import percent

        out = _result(None, NOT_QUOTED, reported, 2)
        return {**out, "recomputed": percent(int(decrease), base_value, 2), "base_value": base_value}
    decimals = parse_percent(written).decimals
    finding = _audit("change", int(decrease), base_value, written, new=int(current))
    return {**_result(finding, finding.status, reported, decimals), "base_value": base_value}


def typed(frame, int_columns=("count", "total", "online", "rank", "out_of", "year", "parts_sum", "stated",
                              "difference_count", "current", "decrease", "base_value")):
    """Integer columns that may hold gaps as nullable ``Int64`` (never float)."""
    for col in int_columns:
        if col in frame.columns:
            frame[col] = frame[col].astype("Int64")
    return frame


def recomputed_text(value, decimals: int) -> str:
    """A recomputed share written at the precision it was recomputed at (the report's); ``""`` if none.

    Examples
    --------
    >>> recomputed_text(Decimal("10.8"), 1), recomputed_text(None, 2)
    ('10,8%', '')
    """
    from parstats.numbers import format_percent

    return "" if is_missing(value) else format_percent(Decimal(value), int(decimals))


def share_rows(df, count_col: str, total_col: str, extra):
    """One checked row per curated row: its ``id``, ``extra(row)``, counts, the share as reported,
    :func:`check_share`'s result and the ``source``.

    Parameters
    ----------
    df : pandas.DataFrame
        A curated table with ``id``, ``percent``, ``percent_text`` and ``source`` columns.
    count_col, total_col : str
        Its count and total columns.
    extra : callable
        Row -> dict of further columns (labels, keys).
    """
    import pandas as pd

    rows = []
    for _, r in df.iterrows():
        row = {"id": r["id"], **extra(r)}
        row.update(count=int_or_none(r[count_col]), total=int_or_none(r[total_col]), reported=r["percent"],
                   reported_text=percent_text(r["percent_text"]))
        row.update(check_share(r[count_col], r[total_col], r["percent"], r["percent_text"]))
        row["recomputed_text"] = recomputed_text(row["recomputed"], row["decimals"])
        row["source"] = r["source"]
        row["source_vi"] = source_label(r["source"])
        row["quote"] = r["quote"] if "quote" in r.index and not is_missing(r["quote"]) else ""
        rows.append(row)
    return typed(pd.DataFrame(rows))


def _as_recomputed(row) -> str:
    """A flagged row as a reader reads it: ``"5,68% → 5,65%"`` (reported, then recomputed)."""
    reported = row.get("reported_text", "") or ""
    recomputed = row.get("recomputed_text", "") or ""
    return f"{reported} → {recomputed}" if reported and recomputed else str(row["id"])


def reproduction_summary(named_tables: dict, *, count_once: bool = False):
    """How many quoted shares each table reproduces, and how far the others are off.

    Parameters
    ----------
    named_tables : dict
        Vietnamese table name -> a table with ``id``, ``status`` and ``difference`` columns
        (from :func:`share_rows` or :func:`check_change`).
    count_once : bool
        Count a quoted figure (a row ``id``) that several tables show only once: in the table
        that checks it (consistent or inconsistent), else in the first that shows it. A
        decrease shown both as a share (unverifiable) and as a change (checked) is one figure.

    Returns
    -------
    pandas.DataFrame
        One row per table: ``table``, ``quoted`` (shares the report states), ``checked``
        (consistent or inconsistent), ``consistent``, ``inconsistent``, ``unverifiable``,
        ``max_abs_difference``, ``differing_ids`` (of the inconsistent rows) and ``differing``
        (each of them as reported → recomputed, when the table has ``reported_text`` and
        ``recomputed_text``).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"id": ["a", "b", "c"], "status": [CONSISTENT, INCONSISTENT, NOT_QUOTED],
    ...                   "difference": [Decimal(0), Decimal("-0.03"), None]})
    >>> s = reproduction_summary({"T": t}).iloc[0]
    >>> [int(s[k]) for k in ("quoted", "checked", "consistent", "inconsistent", "unverifiable")]
    [2, 2, 1, 1, 0]
    >>> s["max_abs_difference"], s["differing_ids"]
    (Decimal('0.03'), 'b')
    >>> u = pd.DataFrame({"id": ["b"], "status": [UNVERIFIABLE], "difference": [None]})
    >>> [int(q) for q in reproduction_summary({"U": u, "T": t})["quoted"]]
    [1, 2]
    >>> [int(q) for q in reproduction_summary({"U": u, "T": t}, count_once=True)["quoted"]]
    [0, 2]
    """
    import pandas as pd

    home: dict = {}
    if count_once:
        for name, t in named_tables.items():
            for i, st in zip(t["id"], t["status"]):
                if st in (CONSISTENT, INCONSISTENT) and home.get(i, (None, None))[1] not in (CONSISTENT, INCONSISTENT):
                    home[i] = (name, st)
                elif st == UNVERIFIABLE:
                    home.setdefault(i, (name, st))
    rows = []
    for name, t in named_tables.items():
        if count_once:
            t = t[[home.get(i, (name, None))[0] == name for i in t["id"]]]
        status = t["status"]
        diffs = [abs(Decimal(d)) for d, s in zip(t["difference"], status) if s == INCONSISTENT]
        rows.append({"table": name, "quoted": int(status.isin([CONSISTENT, INCONSISTENT, UNVERIFIABLE]).sum()),
                     "checked": int(status.isin([CONSISTENT, INCONSISTENT]).sum()),
                     "consistent": int((status == CONSISTENT).sum()),
                     "inconsistent": int((status == INCONSISTENT).sum()),
                     "unverifiable": int((status == UNVERIFIABLE).sum()),
                     "max_abs_difference": max(diffs) if diffs else None,
                     "differing_ids": ", ".join(t.loc[status == INCONSISTENT, "id"]),
                     "differing": "; ".join(_as_recomputed(r) for _, r in t[status == INCONSISTENT].iterrows())})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- display specs


#: Header of a share recomputed at the precision the report wrote.
RECOMPUTED_HEADER = "Tỷ lệ tính lại (làm tròn như báo cáo)"


def share_columns(*descriptors: Column, count: str = "Số lượng", total: str = "Tổng số") -> list[Column]:
    """The display spec of a :func:`share_rows` table: ``id``, the descriptors, counts, the check."""
    return [Column("id", "Mã dòng"), *descriptors, Column("count", count, "int"), Column("total", total, "int"),
            Column("reported_text", "Tỷ lệ theo báo cáo"),
            Column("recomputed_text", RECOMPUTED_HEADER),
            Column("difference", "Chênh lệch (điểm %)", "number", "decimals"),
            Column("status_vi", "Trạng thái"), Column("source_vi", "Nguồn"), Column("quote", "Trích dẫn báo cáo")]


def parts_columns() -> list[Column]:
    """The display spec of a "do the parts add up" table."""
    return [Column("what", "Kiểm tra"), Column("measure", "Chỉ số"), Column("parts", "Các phần"),
            Column("parts_sum", "Tổng các phần", "int"), Column("stated", "Số báo cáo nêu", "int"),
            Column("difference", "Chênh lệch", "int"), Column("ids", "Mã dòng")]


def reproduction_columns() -> list[Column]:
    """The display spec of :func:`reproduction_summary`."""
    return [Column("table", "Bảng"), Column("quoted", "Tỷ lệ báo cáo nêu", "int"),
            Column("checked", "Tính lại được", "int"),
            *(Column(s, status_header(s), "int") for s in (CONSISTENT, INCONSISTENT, UNVERIFIABLE)),
            Column("max_abs_difference", "Chênh lệch lớn nhất (điểm %)", "number", 2),
            Column("differing", "Số liệu không nhất quán (báo cáo → tính lại)"),
            Column("differing_ids", "Các dòng không nhất quán", page=False)]
