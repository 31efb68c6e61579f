"""Per-theme "reported vs recomputed" tables behind the four thematic notebooks.

Each function takes the curated tables (as :func:`parstats.data.load` returns them) and
returns a tidy :class:`pandas.DataFrame` of exact values (ints, Decimals, strings), one row
per curated row or per check, always with the curated row ``id`` so that a reader (and
``tests/test_notebooks.py``) can trace every line back to ``data/``. Display and export are
:mod:`parstats.tables`' job; figures are :mod:`parstats.charts`'.

A quoted percentage is recomputed from its counts with :func:`parstats.ratios.percent` at
the precision the report wrote (``"1,6"`` -> 1 decimal, ``"84,11"`` -> 2, ``"01"`` -> 0);
the difference is recomputed - reported, in percentage points; the status is one of
:data:`STATUS_LABELS`.

Nothing here knows how many years or levels there are: a new period or level in
``data/`` is a new row here.

Examples
--------
>>> from parstats import data
>>> t = dossier_shares(data.load("dossiers"))
>>> row = t.set_index("id").loc["huyen-2022"]
>>> row["reported_text"], row["recomputed"], row["status"]
('5,68%', Decimal('5.65'), 'Lệch')
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

__all__ = [
    "ACTIVITY_COLUMNS",
    "COLUMNS",
    "reproduction_summary",
    "STATUS_LABELS",
    "THEME_TABLES",
    "activities_table",
    "catalogue_parts",
    "catalogue_shares",
    "changes",
    "check_share",
    "digital_shares",
    "dossier_parts",
    "dossier_shares",
    "downsizing_counts",
    "downsizing_progress",
    "inferred_commune_counts",
    "label",
    "par_sipas_table",
    "period_label",
    "qualification_mix",
    "staffing_parts",
    "staffing_shares",
    "title",
    "units_over_time",
]

#: The curated tables each thematic notebook shows in full (checked by tests/test_notebooks.py).
THEME_TABLES = {
    "01-targets-overview": ["targets", "par_index_sipas", "activities"],
    "02-staffing-qualifications": ["staffing_qualifications"],
    "03-online-services": ["procedures_online", "dossiers", "digital_indicators"],
    "04-budget-downsizing": ["downsizing"],
}

OK, DIFF, NO_COUNTS, NOT_QUOTED, NO_VALUE = "Khớp", "Lệch", "Không có số đếm", "Báo cáo không nêu tỷ lệ", "Không có số liệu"
#: What each status means, for the notebooks' prose and the README.
STATUS_LABELS = {
    OK: "the recomputed value, rounded half-up at the report's precision, equals the reported one",
    DIFF: "the recomputed value differs from the reported one",
    NO_COUNTS: "the report gives a share without the counts to recompute it",
    NOT_QUOTED: "the report gives counts but no share; the share is computed here (2 decimals)",
    NO_VALUE: "neither a share nor both counts",
}


# --------------------------------------------------------------------------- labels


@lru_cache(maxsize=None)
def _fields(table: str) -> dict:
    from parstats import data

    for res in data.datapackage()["resources"]:
        if res["name"] == table:
            return {f["name"]: f for f in res["schema"]["fields"]}
    raise KeyError(f"no table named {table!r} in datapackage.json")


def title(table: str, column: str) -> str:
    """The Vietnamese title of a column, from ``datapackage.json``.

    Examples
    --------
    >>> title("dossiers", "online")
    'Hồ sơ trực tuyến'
    """
    return _fields(table)[column].get("title", column)


_YEAR = re.compile(r"(\d{4})")


def _date_label(text: str) -> str:
    parts = text.split("-")
    if len(parts) == 3:
        return f"{int(parts[2]):02d}/{int(parts[1]):02d}/{parts[0]}"
    if len(parts) == 2 and parts[1].startswith("H"):
        return ("6 tháng đầu năm " if parts[1] == "H1" else "6 tháng cuối năm ") + parts[0]
    if len(parts) == 2:
        return f"{int(parts[1]):02d}/{parts[0]}"
    return text


def period_label(code: str) -> str:
    """A period code written the way the report writes periods.

    Examples
    --------
    >>> [period_label(c) for c in ["2021", "2023-H1", "den_nay", "2021-09-01/2023-06-30", "2021-09/den_nay"]]
    ['Năm 2021', '6 tháng đầu năm 2023', 'Đến nay', 'Từ 01/09/2021 đến 30/06/2023', 'Từ 09/2021 đến nay']
    """
    special = {"den_nay": "Đến nay", "dau_nhiem_ky": "Đầu nhiệm kỳ"}
    if code in special:
        return special[code]
    if "/" in code:
        start, end = code.split("/", 1)
        end_text = "nay" if end == "den_nay" else _date_label(end)
        return f"Từ {_date_label(start)} đến {end_text}"
    if re.fullmatch(r"\d{4}", code):
        return f"Năm {code}"
    return _date_label(code)


def label(table: str, column: str, code) -> str:
    """The Vietnamese label of a coded value (``enumLabels`` in ``datapackage.json``).

    Periods are written out by :func:`period_label`; an unknown code is shown as it is, so a
    new level or year still shows up.

    Examples
    --------
    >>> label("dossiers", "level", "xa")
    'Cấp xã'
    >>> label("dossiers", "period", "2023-H1")
    '6 tháng đầu năm 2023'
    >>> label("dossiers", "level", "tinh")
    'tinh'
    """
    from parstats.analysis.tables import is_missing

    if is_missing(code) or code == "":
        return ""
    if column in ("period", "base_period"):
        return period_label(str(code))
    return _fields(table).get(column, {}).get("enumLabels", {}).get(str(code), str(code))


# --------------------------------------------------------------------------- checks


def _missing(value) -> bool:
    from parstats.analysis.tables import is_missing

    return is_missing(value)


def _places(text) -> int:
    """Decimals of a percentage as the report wrote it (2 when it wrote none)."""
    from parstats.numbers import parse_percent

    return 2 if _missing(text) else parse_percent(str(text)).decimals


def check_share(count, total, reported=None, reported_text=None) -> dict:
    """Recompute ``count / total`` at the precision of ``reported_text`` and compare.

    Returns
    -------
    dict
        ``recomputed`` (Decimal or None), ``decimals``, ``difference`` (recomputed - reported,
        percentage points, or None), ``status`` (one of :data:`STATUS_LABELS`).

    Examples
    --------
    >>> check_share(128, 129, Decimal("98.45"), "98,45")["recomputed"]
    Decimal('99.22')
    >>> check_share(28, 1752, Decimal("1.6"), "1,6")["status"]
    'Khớp'
    >>> check_share(None, None, Decimal("92.21"), "92,21")["status"]
    'Không có số đếm'
    >>> check_share(24, 1488)["recomputed"], check_share(24, 1488)["status"]
    (Decimal('1.61'), 'Báo cáo không nêu tỷ lệ')
    """
    from parstats.ratios import percent

    places = _places(reported_text)
    has_counts = not _missing(count) and not _missing(total)
    has_reported = not _missing(reported)
    recomputed = percent(int(count), int(total), places) if has_counts else None
    if has_counts and has_reported:
        diff = recomputed - Decimal(reported)
        status = OK if diff == 0 else DIFF
    elif has_reported:
        diff, status = None, NO_COUNTS
    elif has_counts:
        diff, status = None, NOT_QUOTED
    else:
        diff, status = None, NO_VALUE
    return {"recomputed": recomputed, "decimals": places, "difference": diff, "status": status}


def _int(value):
    return None if _missing(value) else int(value)


def _pct_text(text) -> str:
    return "" if _missing(text) else f"{text}%"


def _labels_of(table: str, *columns: str):
    """A row -> {column: Vietnamese label of its code} function for :func:`_share_rows`."""
    return lambda r: {c: label(table, c, r[c]) for c in columns}


def _share_rows(df, count_col: str, total_col: str, extra) -> "object":
    import pandas as pd

    rows = []
    for _, r in df.iterrows():
        row = {"id": r["id"], **extra(r)}
        row.update(count=_int(r[count_col]), total=_int(r[total_col]), reported=r["percent"],
                   reported_text=_pct_text(r["percent_text"]))
        row.update(check_share(r[count_col], r[total_col], r["percent"], r["percent_text"]))
        row["source"] = r["source"]
        rows.append(row)
    return _typed(pd.DataFrame(rows))


def _typed(frame, int_columns=("count", "total", "online", "rank", "out_of", "year", "parts_sum", "stated",
                               "difference_count", "current", "decrease", "base_value")):
    """Integer columns that may hold gaps as nullable ``Int64`` (never float)."""
    for col in int_columns:
        if col in frame.columns:
            frame[col] = frame[col].astype("Int64")
    return frame


# --------------------------------------------------------------------------- 02 staffing


def _staff_total(df, r):
    """The stated total for a staffing row: its own, else the head count of the same group."""
    if not _missing(r["total"]):
        return r["total"]
    same = df[(df["level"] == r["level"]) & (df["group"] == r["group"]) & (df["staff_type"] == r["staff_type"])
              & (df["period"] == r["period"]) & (df["dimension"] == "tong_so")]
    return same["total"].iloc[0] if len(same) == 1 else r["total"]


def staffing_shares(df):
    """Every staffing row with the report's share, the recomputed one and the status.

    A row without its own total takes the head count the report states for the same group
    (footnote 3 gives the 197 behind "13,70% (27 người)").

    Examples
    --------
    >>> from parstats import data
    >>> t = staffing_shares(data.load("staffing_qualifications")).set_index("id")
    >>> r = t.loc["huyen-cbccvc-cm-sau-dai-hoc"]
    >>> int(r["total"]), r["recomputed"], r["difference"]
    (197, Decimal('13.71'), Decimal('0.01'))
    """
    df = df.copy()
    df["total"] = [_staff_total(df, r) for _, r in df.iterrows()]
    return _share_rows(df, "count", "total", _labels_of(
        "staffing_qualifications", "level", "group", "staff_type", "dimension", "qualification", "period"))


#: Qualification codes grouped into the three bands of the mix figure.
QUALIFICATION_BANDS = {
    "chuyen_mon": {"thac_sy": "Sau đại học", "sau_dai_hoc": "Sau đại học", "dai_hoc": "Đại học",
                   "cao_dang": "Dưới đại học", "cao_dang_trung_cap": "Dưới đại học",
                   "cao_dang_trung_cap_so_cap": "Dưới đại học"},
    "ly_luan_chinh_tri": {"cao_cap": "Cao cấp", "trung_cap": "Trung cấp", "so_cap": "Sơ cấp"},
}


def _staff_group_totals(df) -> dict:
    """Stated head counts per (level, staff_type, period), from rows that state a total."""
    out = {}
    for _, r in df.iterrows():
        if not _missing(r["total"]) and r["group"] == "tat_ca":
            out.setdefault((r["level"], r["staff_type"], r["period"]), int(r["total"]))
    return out


def qualification_mix(df, dimension: str = "chuyen_mon"):
    """Counts and shares by qualification band for every staff group with a full breakdown.

    Organisation groups within a level (footnote 9) are added up; the share is of the
    stated head count of the whole group (129 district staff, 295 commune staff, 1.488
    viên chức); "Chưa có trình độ" is what is left when the bands fall short of it.

    Examples
    --------
    >>> from parstats import data
    >>> mix = qualification_mix(data.load("staffing_qualifications"))
    >>> mix[mix["group_key"] == "xa|can_bo_cong_chuc|den_nay"][["band", "count"]].values.tolist()
    [['Sau đại học', 6], ['Đại học', 259], ['Dưới đại học', 30]]
    """
    import pandas as pd

    bands = QUALIFICATION_BANDS[dimension]
    totals = _staff_group_totals(df)
    parts = df[(df["dimension"] == dimension) & df["qualification"].isin(list(bands)) & df["count"].notna()]
    rows = []
    order = list(dict.fromkeys(bands.values()))
    for (level, staff_type, period), grp in parts.groupby(["level", "staff_type", "period"], sort=False):
        total = totals.get((level, staff_type, period))
        if total is None or grp["qualification"].map(bands).nunique() < 2:
            continue  # no stated head count, or a single quoted band rather than a breakdown
        summed = {}
        ids = {}
        for _, r in grp.iterrows():
            band = bands[r["qualification"]]
            summed[band] = summed.get(band, 0) + int(r["count"])
            ids.setdefault(band, []).append(r["id"])
        rest = total - sum(summed.values())
        name = f"{label('staffing_qualifications', 'staff_type', staff_type)} " \
               f"{label('staffing_qualifications', 'level', level).lower()}"
        for band in order + (["Chưa có / không nêu"] if rest > 0 else []):
            if band not in summed and band != "Chưa có / không nêu":
                continue
            count = summed.get(band, rest)
            rows.append({"group_key": f"{level}|{staff_type}|{period}", "group": name,
                         "period": period_label(period), "band": band, "count": count, "total": total,
                         "share": check_share(count, total)["recomputed"],
                         "ids": ", ".join(ids.get(band, []))})
    return pd.DataFrame(rows)


def staffing_parts(df):
    """Do the footnote breakdowns add up to the stated totals?

    For each group with a stated total of "đại học trở lên" (university or above) and a
    breakdown by qualification: the sum of all bands against the head count, and the sum
    of the university-or-above bands against the stated university-or-above count.

    Examples
    --------
    >>> from parstats import data
    >>> p = staffing_parts(data.load("staffing_qualifications"))
    >>> p[["what", "parts_sum", "stated", "difference"]].values.tolist()[:2]
    [['Cán bộ, công chức cấp huyện: tổng các trình độ', 129, 129, 0], ['Cán bộ, công chức cấp huyện: thạc sỹ + đại học', 128, 128, 0]]
    """
    import pandas as pd

    from parstats.ratios import check_parts

    rows = []
    mix = qualification_mix(df)
    uni = df[(df["qualification"] == "dai_hoc_tro_len") & df["count"].notna()]
    for key, grp in mix.groupby("group_key", sort=False):
        level, staff_type, period = key.split("|")
        body = grp[grp["band"] != "Chưa có / không nêu"]
        total = int(grp["total"].iloc[0])
        name = grp["group"].iloc[0]
        chk = check_parts([int(c) for c in body["count"]], total)
        rows.append({"what": f"{name}: tổng các trình độ", "parts": " + ".join(str(int(c)) for c in body["count"]),
                     "parts_sum": chk.sum, "stated": total, "difference": chk.difference,
                     "ids": ", ".join(i for i in body["ids"] if i)})
        u = uni[(uni["level"] == level) & (uni["staff_type"] == staff_type) & (uni["period"] == period)]
        if len(u) == 1:
            upper = body[body["band"].isin(["Sau đại học", "Đại học"])]
            chk = check_parts([int(c) for c in upper["count"]], int(u["total"].iloc[0]))
            rows.append({"what": f"{name}: thạc sỹ + đại học", "parts": " + ".join(str(int(c)) for c in upper["count"]),
                         "parts_sum": chk.sum, "stated": int(u["count"].iloc[0]),
                         "difference": chk.sum - int(u["count"].iloc[0]), "ids": u["id"].iloc[0]})
    return pd.DataFrame(rows)


def inferred_commune_counts(df):
    """Counts behind shares the report gives without counts (GRIM-style inference).

    The report gives the university share of commune *cán bộ* and of commune *công chức*
    without counts, but states the combined count and total of both groups. Every split of
    that combined count and total into (cán bộ, công chức) pairs whose shares round half-up
    to the two reported strings is listed (:func:`parstats.audit.split_counts`).

    Parameters
    ----------
    df : pandas.DataFrame
        The ``staffing_qualifications`` table, as :func:`parstats.data.load` returns it.

    Returns
    -------
    pandas.DataFrame
        One row per subgroup and candidate solution: ``solution``, ``id``, ``staff_type``,
        ``level``, ``reported_text``, ``count``, ``total``, ``recomputed``, ``combined``
        (the stated combined count/total), ``unique``; displayed with ``COLUMNS["inferred"]``.

    Examples
    --------
    >>> from parstats import data
    >>> t = inferred_commune_counts(data.load("staffing_qualifications"))
    >>> t[["id", "reported_text", "count", "total", "combined", "unique"]].values.tolist()
    [['xa-cb-cm-dai-hoc-tro-len', '92,21%', 142, 154, '265/295', True], ['xa-cc-cm-dai-hoc', '87,23%', 123, 141, '265/295', True]]
    """
    import pandas as pd

    from parstats.audit import split_counts

    shares = df[df["percent"].notna() & df["count"].isna() & df["total"].isna()]
    rows = []
    for (level, period), grp in shares.groupby(["level", "period"], sort=False):
        combined = df[(df["level"] == level) & (df["period"] == period) & (df["group"] == "tat_ca")
                      & (df["staff_type"] == "can_bo_cong_chuc") & (df["qualification"] == "dai_hoc_tro_len")
                      & df["count"].notna() & df["total"].notna()]
        if len(combined) != 1 or len(grp) < 2:
            continue
        count, total = int(combined["count"].iloc[0]), int(combined["total"].iloc[0])
        texts = [f"{t}%" for t in grp["percent_text"]]
        solutions = split_counts(texts, count, total).solutions
        for n, sol in enumerate(solutions, start=1):
            for (_, r), (c, t) in zip(grp.iterrows(), sol):
                rows.append({"solution": n, "id": r["id"],
                             "staff_type": label("staffing_qualifications", "staff_type", r["staff_type"]),
                             "level": label("staffing_qualifications", "level", level),
                             "reported_text": f"{r['percent_text']}%", "count": int(c), "total": int(t),
                             "recomputed": check_share(int(c), int(t), r["percent"], r["percent_text"])["recomputed"],
                             "combined": f"{count}/{total}", "unique": len(solutions) == 1})
    return _typed(pd.DataFrame(rows, columns=["solution", "id", "staff_type", "level", "reported_text", "count",
                                              "total", "recomputed", "combined", "unique"]), ("solution", "count", "total"))


# --------------------------------------------------------------------------- 03 online services


def dossier_shares(df):
    """Online share of dossiers received, by level and period: reported vs recomputed."""
    return _share_rows(df, "online", "total", lambda r: {
        "level_key": r["level"], "period_key": r["period"],
        "level": label("dossiers", "level", r["level"]), "period": label("dossiers", "period", r["period"]),
    })


def _year_range(period: str) -> tuple[int, int] | None:
    years = [int(y) for y in _YEAR.findall(period)]
    return (min(years), max(years)) if years else None


def dossier_parts(df):
    """Do the periods add up to the whole period, and the levels to the total?

    For each row whose period is an interval (``start/end``), the rows of the same level
    with a single-year period inside it are its parts; for each period, the levels other
    than ``tong`` are the parts of the ``tong`` row. Online and total are both checked.

    Examples
    --------
    >>> from parstats import data
    >>> p = dossier_parts(data.load("dossiers"))
    >>> p[["what", "measure", "parts_sum", "stated"]].values.tolist()[0]
    ['Cấp huyện: các kỳ cộng lại', 'Hồ sơ trực tuyến', 2059, 2059]
    """
    import pandas as pd

    rows = []
    intervals = df[df["period"].str.contains("/")]
    for _, whole in intervals.iterrows():
        span = _year_range(whole["period"])
        parts = df[(df["level"] == whole["level"]) & ~df["period"].str.contains("/")]
        parts = parts[[span[0] <= _year_range(p)[0] <= span[1] for p in parts["period"]]] if len(parts) else parts
        if len(parts) == 0:
            continue
        what = f"{label('dossiers', 'level', whole['level'])}: các kỳ cộng lại"
        rows += _parts_rows(what, parts, whole)
    for period, grp in df.groupby("period", sort=False):
        tong = grp[grp["level"] == "tong"]
        parts = grp[grp["level"] != "tong"]
        if len(tong) == 1 and len(parts) > 0:
            rows += _parts_rows(f"{period_label(period)}: các cấp cộng lại", parts, tong.iloc[0])
    return pd.DataFrame(rows)


def _parts_rows(what, parts, whole) -> list[dict]:
    out = []
    for col in ("online", "total"):
        values = [int(v) for v in parts[col]]
        out.append({"what": what, "measure": title("dossiers", col), "parts": " + ".join(str(v) for v in values),
                    "parts_sum": sum(values), "stated": int(whole[col]), "difference": sum(values) - int(whole[col]),
                    "ids": ", ".join([*parts["id"], whole["id"]])})
    return out


def catalogue_shares(df):
    """The procedure catalogue: online (or integrated) against total, by kind of service."""
    return _share_rows(df, "count", "total", _labels_of(
        "procedures_online", "service_kind", "measure", "period"))


def catalogue_parts(df):
    """Do the kinds of service add up to the whole catalogue (counts and totals)?

    Examples
    --------
    >>> from parstats import data
    >>> catalogue_parts(data.load("procedures_online"))[["measure", "parts_sum", "stated"]].values.tolist()
    [['Số thủ tục', 334, 334], ['Tổng số thủ tục', 362, 362]]
    """
    import pandas as pd

    whole = df[(df["service_kind"] == "tat_ca") & df["count"].notna() & df["total"].notna()]
    parts = df[~df["service_kind"].isin(["tat_ca", "du_dieu_kien"]) & df["count"].notna() & df["total"].notna()]
    rows = []
    for _, w in whole.iterrows():
        p = parts[parts["period"] == w["period"]]
        for col, name in (("count", "Số thủ tục"), ("total", "Tổng số thủ tục")):
            values = [int(v) for v in p[col]]
            rows.append({"what": f"{label('procedures_online', 'period', w['period'])}: các loại dịch vụ cộng lại",
                         "measure": name, "parts": " + ".join(str(v) for v in values), "parts_sum": sum(values),
                         "stated": int(w[col]), "difference": sum(values) - int(w[col]),
                         "ids": ", ".join([*p["id"], w["id"]])})
    return pd.DataFrame(rows)


def digital_shares(df):
    """Digitisation and online-processing indicators: reported vs recomputed where counts exist."""
    return _share_rows(df, "count", "total", _labels_of(
        "digital_indicators", "indicator", "level", "period", "qualifier"))


# --------------------------------------------------------------------------- 04 downsizing


def changes(df):
    """Every quoted decrease ("giảm N so với năm YYYY, đạt Z%") recomputed on both bases.

    The base value is derived as current + decrease (the report gives the current value and
    the decrease, not the base); the change is recomputed on the old value (the usual base)
    and on the new one, at the report's precision.

    Examples
    --------
    >>> from parstats import data
    >>> c = changes(data.load("downsizing")).set_index("id")
    >>> r = c.loc["giam-bien-che-su-nghiep-2023-vs-2021"]
    >>> int(r["current"]), int(r["base_value"]), r["on_old"], r["on_new"], r["reported_text"]
    (1563, 1671, Decimal('6.46'), Decimal('6.91'), '6,91%')
    """
    import pandas as pd

    from parstats.ratios import percent_change

    rows = []
    for _, r in df[df["measure"].str.startswith("giam_") & df["count"].notna()].iterrows():
        level_measure = r["measure"][len("giam_"):]
        cur = df[(df["measure"] == level_measure) & (df["category"] == r["category"]) & (df["level"] == r["level"])
                 & (df["period"] == r["period"]) & df["count"].notna()]
        if len(cur) != 1:
            continue
        current, decrease = int(cur["count"].iloc[0]), int(r["count"])
        base_value = current + decrease
        places = _places(r["percent_text"])
        on_old = -percent_change(old=base_value, new=current, base="old", decimals=places)
        on_new = -percent_change(old=base_value, new=current, base="new", decimals=places)
        reported = r["percent"]
        diff = None if _missing(reported) else on_old - Decimal(reported)
        status = NO_COUNTS if _missing(reported) else (OK if diff == 0 else DIFF)
        rows.append({"id": r["id"], "measure": label("downsizing", "measure", r["measure"]),
                     "category": label("downsizing", "category", r["category"]),
                     "period": label("downsizing", "period", r["period"]),
                     "base_period": label("downsizing", "base_period", r["base_period"]),
                     "current": current, "decrease": decrease, "base_value": base_value,
                     "reported": reported, "reported_text": _pct_text(r["percent_text"]), "decimals": places,
                     "on_old": on_old, "on_new": on_new, "difference": diff, "status": status,
                     "base_used": ("giá trị mới (năm " + str(r["period"]) + ")") if (not _missing(reported) and on_new == Decimal(reported) and on_old != Decimal(reported)) else ("giá trị cũ" if status == OK else ""),
                     "current_id": cur["id"].iloc[0], "source": r["source"]})
    return pd.DataFrame(rows)


def downsizing_counts(df):
    """Every downsizing row: counts, totals, the report's share and the recomputed one."""
    return _share_rows(df, "count", "total", _labels_of(
        "downsizing", "measure", "category", "level", "period", "base_period"))


def downsizing_progress(downsizing, targets):
    """Progress of each downsizing measure against its programme target (chỉ tiêu 5).

    Rows: the reduction in public service units since the start of the term (the report
    says the number is unchanged: 0), streamlined staff (count / 2021 quota), and the
    decrease in salaried public-service staff, both as the report states it and recomputed
    on the old base. Target values come from ``targets`` (sub-targets 5a and 5b).

    Examples
    --------
    >>> from parstats import data
    >>> p = downsizing_progress(data.load("downsizing"), data.load("targets"))
    >>> p[["what", "value", "target"]].values.tolist()[-1]
    ['Giảm biên chế sự nghiệp hưởng lương từ NSNN so với năm 2021 (tính lại, gốc năm 2021)', Decimal('6.46'), Decimal('10')]
    """
    import pandas as pd

    from parstats.ratios import Target, verdict

    tgt = targets.set_index("sub_id")
    units_target = tgt.loc["5a", "target_value"] if "5a" in tgt.index else None
    staff_target = tgt.loc["5b", "target_value"] if "5b" in tgt.index else None
    rows = []
    unchanged = downsizing[downsizing["period"] == "dau_nhiem_ky"]
    for _, r in unchanged.iterrows():
        rows.append({"what": "Giảm đơn vị sự nghiệp công lập so với đầu nhiệm kỳ (giữ nguyên)",
                     "value": Decimal(0), "value_text": "0%", "target": units_target, "ids": r["id"]})
    for _, r in downsizing[(downsizing["measure"] == "tinh_gian_bien_che") & downsizing["count"].notna()].iterrows():
        res = check_share(r["count"], r["total"], r["percent"], r["percent_text"])
        rows.append({"what": f"Tinh giản biên chế so với năm {r['base_period']} (báo cáo)",
                     "value": r["percent"], "value_text": _pct_text(r["percent_text"]), "target": staff_target,
                     "ids": r["id"]})
        del res
    ch = changes(downsizing)
    for _, r in ch[ch["id"].str.contains("bien-che")].iterrows():
        rows.append({"what": f"Giảm biên chế sự nghiệp hưởng lương từ NSNN so với {r['base_period'].lower()} (báo cáo)",
                     "value": r["reported"], "value_text": r["reported_text"], "target": staff_target, "ids": r["id"]})
        from parstats.numbers import format_percent

        rows.append({"what": f"Giảm biên chế sự nghiệp hưởng lương từ NSNN so với {r['base_period'].lower()} "
                             f"(tính lại, gốc {r['base_period'].lower()})",
                     "value": r["on_old"], "value_text": format_percent(r["on_old"], r["decimals"]),
                     "target": staff_target, "ids": r["id"]})
    out = pd.DataFrame(rows)
    out["met"] = [None if _missing(t) else verdict(Target("at_least", t), v) for v, t in zip(out["value"], out["target"])]
    out["gap"] = [None if _missing(t) else v - t for v, t in zip(out["value"], out["target"])]
    return out


def units_over_time(df):
    """Public service units by kind and period, with the base year derived from the quoted decrease.

    Examples
    --------
    >>> from parstats import data
    >>> u = units_over_time(data.load("downsizing"))
    >>> u[["period", "category", "count", "derived"]].values.tolist()
    [['Năm 2015', 'Tất cả', 65, True], ['Đến nay', 'Đơn vị sự nghiệp giáo dục', 51, False], ['Đến nay', 'Đơn vị sự nghiệp thuộc huyện', 7, False], ['Đến nay', 'Tất cả', 58, False]]
    """
    import pandas as pd

    units = df[(df["measure"] == "don_vi_su_nghiep_cong_lap") & df["count"].notna()]
    rows = [{"period_key": r["period"], "period": label("downsizing", "period", r["period"]),
             "category_key": r["category"], "category": label("downsizing", "category", r["category"]),
             "count": int(r["count"]), "derived": False, "ids": r["id"]} for _, r in units.iterrows()]
    for _, c in changes(df).iterrows():
        if c["measure"].startswith("Giảm đơn vị"):
            base = df[df["id"] == c["id"]].iloc[0]
            rows.append({"period_key": base["base_period"], "period": c["base_period"], "category_key": base["category"],
                         "category": c["category"], "count": c["base_value"], "derived": True,
                         "ids": c["id"]})
    out = pd.DataFrame(rows)
    order = {"tat_ca": 2}
    out["_y"] = [int((_YEAR.findall(p) or ["9999"])[0]) for p in out["period_key"]]
    out["_c"] = [order.get(c, 1) for c in out["category_key"]]
    return out.sort_values(["_y", "_c", "category"], kind="stable").drop(columns=["_y", "_c"]).reset_index(drop=True)


# --------------------------------------------------------------------------- 01 overview


def par_sipas_table(df):
    """PAR INDEX and SIPAS by year: score, rank, out of how many."""
    import pandas as pd

    rows = [{"id": r["id"], "index_key": r["index"], "index": label("par_index_sipas", "index", r["index"]),
             "year": int(r["year"]), "score": r["score"], "score_text": _pct_text(r["score_text"]),
             "rank": r["rank"], "out_of": r["out_of"],
             "rank_text": "" if _missing(r["rank"]) else f"{r['rank_text']}/{r['out_of_text']}",
             "source": r["source"]} for _, r in df.iterrows()]
    return pd.DataFrame(rows).sort_values(["index_key", "year"], kind="stable").reset_index(drop=True)


#: Columns of the activities table (used by notebook 01).
ACTIVITY_COLUMNS = ("id", "activity", "role", "period", "count", "unit", "parent", "source")


def activities_table(df):
    """The other quoted counts (inspections, appointments, training), labelled."""
    import pandas as pd

    parents = dict(zip(df["id"], df["activity"]))
    rows = []
    for _, r in df.iterrows():
        name = label("activities", "activity", r["activity"]).replace("_", " ")
        rows.append({"id": r["id"], "activity": name[:1].upper() + name[1:],
                     "role": label("activities", "role", r["role"]),
                     "period": label("activities", "period", r["period"]), "count": r["count"],
                     "count_text": r["count_text"], "unit": label("activities", "unit", r["unit"]),
                     "parent": "" if _missing(r["parent"]) else r["parent"], "source": r["source"],
                     "parent_activity": parents.get(r["parent"], "")})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- display specs


def _share_columns(*descriptors, count="Số lượng", total="Tổng số"):
    from parstats.analysis.tables import Column

    return [Column("id", "Mã dòng"), *descriptors, Column("count", count, "int"), Column("total", total, "int"),
            Column("reported_text", "Tỷ lệ theo báo cáo"),
            Column("recomputed", "Tỷ lệ tính lại", "percent", "decimals"),
            Column("difference", "Chênh lệch (điểm %)", "number", "decimals"),
            Column("status", "Trạng thái"), Column("source", "Nguồn")]


def _parts_columns():
    from parstats.analysis.tables import Column

    return [Column("what", "Kiểm tra"), Column("measure", "Chỉ số"), Column("parts", "Các phần"),
            Column("parts_sum", "Tổng các phần", "int"), Column("stated", "Số báo cáo nêu", "int"),
            Column("difference", "Chênh lệch", "int"), Column("ids", "Mã dòng")]


def _columns() -> dict:
    from parstats.analysis.tables import Column as C

    parts = _parts_columns()
    return {
        "scoreboard": [C("id", "Mã dòng"), C("sub_id", "Chỉ tiêu"), C("description", "Nội dung chỉ tiêu"),
                       C("period", "Kỳ"), C("target", "Mục tiêu"), C("actual_text", "Kết quả theo báo cáo"),
                       C("status", "Đánh giá (tính lại)"), C("gap", "Khoảng cách đến chỉ tiêu", "number", 2),
                       C("report_verdict", "Báo cáo tự đánh giá"), C("agrees", "Khớp với báo cáo", "bool"),
                       C("source", "Nguồn")],
        "par_sipas": [C("id", "Mã dòng"), C("index", "Chỉ số"), C("year", "Năm"), C("score_text", "Điểm"),
                      C("rank_text", "Xếp hạng"), C("source", "Nguồn")],
        "activities": [C("id", "Mã dòng"), C("activity", "Hoạt động"), C("role", "Chức danh"), C("period", "Kỳ"),
                       C("count", "Số lượng", "int"), C("unit", "Đơn vị tính"), C("parent", "Thuộc dòng"),
                       C("source", "Nguồn")],
        "staffing_shares": _share_columns(C("level", "Cấp"), C("group", "Nhóm cơ quan"), C("staff_type", "Đối tượng"),
                                          C("dimension", "Loại trình độ"), C("qualification", "Trình độ"),
                                          count="Số người", total="Tổng số người"),
        "qualification_mix": [C("group", "Đối tượng"), C("period", "Kỳ"), C("band", "Trình độ"),
                              C("count", "Số người", "int"), C("total", "Tổng số người", "int"),
                              C("share", "Tỷ lệ (tính lại)", "percent", 2), C("ids", "Mã dòng")],
        "staffing_parts": [C("what", "Kiểm tra"), C("parts", "Các phần"), C("parts_sum", "Tổng các phần", "int"),
                           C("stated", "Số báo cáo nêu", "int"), C("difference", "Chênh lệch", "int"),
                           C("ids", "Mã dòng")],
        "inferred": [C("solution", "Phương án", "int"), C("id", "Mã dòng"), C("staff_type", "Đối tượng"),
                     C("level", "Cấp"), C("reported_text", "Tỷ lệ theo báo cáo"),
                     C("count", "Số người có trình độ đại học (suy ra)", "int"),
                     C("total", "Tổng số người (suy ra)", "int"), C("recomputed", "Tỷ lệ tính lại", "percent", 2),
                     C("combined", "Tổng hợp báo cáo nêu"), C("unique", "Duy nhất", "bool")],
        "dossier_shares": _share_columns(C("level", "Cấp"), C("period", "Kỳ"), count="Hồ sơ trực tuyến",
                                         total="Tổng số hồ sơ"),
        "dossier_parts": parts,
        "catalogue_shares": _share_columns(C("service_kind", "Loại dịch vụ"), C("measure", "Nội dung"),
                                           C("period", "Kỳ"), count="Số thủ tục", total="Tổng số thủ tục"),
        "catalogue_parts": parts,
        "digital_shares": _share_columns(C("indicator", "Chỉ số"), C("level", "Cấp"), C("period", "Kỳ"),
                                         C("qualifier", "Ghi chú")),
        "downsizing_counts": _share_columns(C("measure", "Nội dung"), C("category", "Loại"), C("period", "Kỳ"),
                                            C("base_period", "So với")),
        "changes": [C("id", "Mã dòng"), C("measure", "Nội dung"), C("base_period", "Năm gốc"), C("period", "Kỳ"),
                    C("current", "Số hiện nay", "int"), C("decrease", "Số giảm", "int"),
                    C("base_value", "Số năm gốc (suy ra)", "int"), C("reported_text", "Tỷ lệ giảm theo báo cáo"),
                    C("on_old", "Tính lại trên năm gốc", "percent", "decimals"),
                    C("on_new", "Tính trên số hiện nay", "percent", "decimals"),
                    C("difference", "Chênh lệch (điểm %)", "number", "decimals"), C("status", "Trạng thái"),
                    C("base_used", "Báo cáo đã chia cho"), C("source", "Nguồn")],
        "downsizing_progress": [C("what", "Nội dung"), C("value_text", "Kết quả"),
                                C("target", "Chỉ tiêu (giảm tối thiểu, %)", "number", 0),
                                C("met", "Đạt", "bool"), C("gap", "Khoảng cách (điểm %)", "number", 2),
                                C("ids", "Mã dòng")],
        "units_over_time": [C("period", "Kỳ"), C("category", "Loại đơn vị"), C("count", "Số đơn vị", "int"),
                            C("derived", "Suy ra", "bool"), C("ids", "Mã dòng")],
        "reproduction": [C("table", "Bảng"), C("quoted", "Tỷ lệ báo cáo nêu", "int"),
                         C("checked", "Tính lại được", "int"), C("consistent", "Khớp", "int"),
                         C("differ", "Lệch", "int"), C("no_counts", "Không có số đếm", "int"),
                         C("max_abs_difference", "Chênh lệch lớn nhất (điểm %)", "number", 2),
                         C("differing_ids", "Các dòng lệch")],
    }


class _Columns(dict):
    def __missing__(self, key):
        self.update(_columns())
        return dict.__getitem__(self, key)


#: Display specs (``parstats.tables.Column`` lists) of every table the notebooks show.
COLUMNS = _Columns()


def reproduction_summary(named_tables: dict):
    """How many quoted shares each table reproduces, and how far the others are off.

    Parameters
    ----------
    named_tables : dict
        Vietnamese table name -> a table with ``status`` and ``difference`` columns.

    Examples
    --------
    >>> from parstats import data
    >>> s = reproduction_summary({"Hồ sơ": dossier_shares(data.load("dossiers"))})
    >>> s[["quoted", "consistent", "differ", "max_abs_difference"]].values.tolist()
    [[9, 8, 1, Decimal('0.03')]]
    """
    import pandas as pd

    rows = []
    for name, t in named_tables.items():
        status = t["status"]
        diffs = [abs(Decimal(d)) for d, s in zip(t["difference"], status) if s == DIFF]
        rows.append({"table": name, "quoted": int(status.isin([OK, DIFF, NO_COUNTS]).sum()),
                     "checked": int(status.isin([OK, DIFF]).sum()), "consistent": int((status == OK).sum()),
                     "differ": int((status == DIFF).sum()), "no_counts": int((status == NO_COUNTS).sum()),
                     "max_abs_difference": max(diffs) if diffs else None,
                     "differing_ids": ", ".join(t.loc[status == DIFF, "id"])})
    return pd.DataFrame(rows)
