"""Notebook 02, staffing qualifications: quoted shares, footnote breakdowns, inferred counts.

Examples
--------
>>> from parstats import data
>>> t = staffing_shares(data.load("staffing_qualifications")).set_index("id")
>>> t.loc["huyen-cbccvc-cm-sau-dai-hoc", ["reported_text", "recomputed", "status_vi"]].tolist()
['13,70%', Decimal('13.71'), 'không nhất quán']
"""
from __future__ import annotations

from parstats.analysis.labels import label, period_label
from parstats.analysis.plotting import PALETTE, SEQUENCE, add_source, coordinate, new_figure, percent_label, \
    set_number_axis, style
from parstats.analysis.shares import check_share, reproduction_columns, share_columns, share_rows, typed
from parstats.analysis.tables import Column as C, is_missing

__all__ = ["BANDS", "COLUMNS", "DATA_TABLES", "FIGURES", "REST", "band_label", "inferred_commune_counts",
           "qualification_mix", "qualification_mix_chart", "staffing_parts", "staffing_shares"]

TABLE = "staffing_qualifications"

#: The curated tables the notebook shows in full.
DATA_TABLES = (TABLE,)

#: Qualification codes grouped into the bands of the mix figures, per dimension. A band is
#: named by a qualification code where there is one, so that its label is the data's own.
BANDS = {
    "chuyen_mon": {"thac_sy": "sau_dai_hoc", "sau_dai_hoc": "sau_dai_hoc", "dai_hoc": "dai_hoc",
                   "cao_dang": "duoi_dai_hoc", "cao_dang_trung_cap": "duoi_dai_hoc",
                   "cao_dang_trung_cap_so_cap": "duoi_dai_hoc"},
    "ly_luan_chinh_tri": {"cao_cap": "cao_cap", "trung_cap": "trung_cap", "so_cap": "so_cap"},
}
#: The band of those the bands leave out of the stated head count.
REST = "chua_co_khong_neu"
#: Bands that make up "đại học trở lên" (``dai_hoc_tro_len``).
UNIVERSITY_OR_ABOVE = ("sau_dai_hoc", "dai_hoc")
_BAND_LABELS = {"duoi_dai_hoc": "Dưới đại học", REST: "Chưa có / không nêu"}

#: Display specs of the notebook's tables.
COLUMNS = {
    "staffing_shares": share_columns(C("level", "Cấp"), C("group", "Nhóm cơ quan"), C("staff_type", "Đối tượng"),
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
    "reproduction": reproduction_columns(),
}

#: The figures the notebook saves: ``figures/02-staffing-qualifications-SUFFIX.svg`` -> (title, caption).
FIGURES = {
    "mix": ("Trình độ chuyên môn",
            "Tỷ lệ sau đại học, đại học và dưới đại học của cán bộ, công chức cấp huyện, cán bộ, công chức "
            "cấp xã và viên chức."),
    "political-theory": ("Trình độ lý luận chính trị",
                         "Tỷ lệ trình độ lý luận chính trị cao cấp, trung cấp và sơ cấp của cùng các nhóm."),
}


def band_label(band: str) -> str:
    """The Vietnamese name of a band of :data:`BANDS` (or :data:`REST`).

    Examples
    --------
    >>> [band_label(b) for b in ("sau_dai_hoc", "duoi_dai_hoc", "cao_cap")]
    ['Sau đại học', 'Dưới đại học', 'Cao cấp']
    """
    return _BAND_LABELS.get(band) or label(TABLE, "qualification", band)


def _staff_total(df, r):
    """The stated total for a staffing row: its own, else the head count of the same group."""
    if not is_missing(r["total"]):
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
    columns = ("level", "group", "staff_type", "dimension", "qualification", "period")
    return share_rows(df, "count", "total", lambda r: {c: label(TABLE, c, r[c]) for c in columns})


def _staff_group_totals(df) -> dict:
    """Stated head counts per (level, staff_type, period), from rows that state a total."""
    out = {}
    for _, r in df.iterrows():
        if not is_missing(r["total"]) and r["group"] == "tat_ca":
            out.setdefault((r["level"], r["staff_type"], r["period"]), int(r["total"]))
    return out


def qualification_mix(df, dimension: str = "chuyen_mon"):
    """Counts and shares by qualification band for every staff group with a full breakdown.

    Organisation groups within a level (footnote 9) are added up; the share is of the
    stated head count of the whole group (129 district staff, 295 commune staff, 1.488
    viên chức); band :data:`REST` is what is left when the bands fall short of it.

    Examples
    --------
    >>> from parstats import data
    >>> mix = qualification_mix(data.load("staffing_qualifications"))
    >>> mix[mix["group_key"] == "xa|can_bo_cong_chuc|den_nay"][["band_key", "band", "count"]].values.tolist()
    [['sau_dai_hoc', 'Sau đại học', 6], ['dai_hoc', 'Đại học', 259], ['duoi_dai_hoc', 'Dưới đại học', 30]]
    """
    import pandas as pd

    bands = BANDS[dimension]
    totals = _staff_group_totals(df)
    parts = df[(df["dimension"] == dimension) & df["qualification"].isin(list(bands)) & df["count"].notna()]
    rows = []
    order = list(dict.fromkeys(bands.values()))
    for (level, staff_type, period), grp in parts.groupby(["level", "staff_type", "period"], sort=False):
        total = totals.get((level, staff_type, period))
        if total is None or grp["qualification"].map(bands).nunique() < 2:
            continue  # no stated head count, or a single quoted band rather than a breakdown
        summed, ids = {}, {}
        for _, r in grp.iterrows():
            band = bands[r["qualification"]]
            summed[band] = summed.get(band, 0) + int(r["count"])
            ids.setdefault(band, []).append(r["id"])
        rest = total - sum(summed.values())
        name = f"{label(TABLE, 'staff_type', staff_type)} {label(TABLE, 'level', level).lower()}"
        for band in [b for b in order if b in summed] + ([REST] if rest > 0 else []):
            count = summed.get(band, rest)
            rows.append({"group_key": f"{level}|{staff_type}|{period}", "group": name, "dimension": dimension,
                         "period": period_label(period), "band_key": band, "band": band_label(band),
                         "count": count, "total": total, "share": check_share(count, total)["recomputed"],
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
        body = grp[grp["band_key"] != REST]
        total = int(grp["total"].iloc[0])
        name = grp["group"].iloc[0]
        chk = check_parts([int(c) for c in body["count"]], total)
        rows.append({"what": f"{name}: tổng các trình độ", "parts": " + ".join(str(int(c)) for c in body["count"]),
                     "parts_sum": chk.sum, "stated": total, "difference": chk.difference,
                     "ids": ", ".join(i for i in body["ids"] if i)})
        u = uni[(uni["level"] == level) & (uni["staff_type"] == staff_type) & (uni["period"] == period)]
        if len(u) == 1:
            upper = body[body["band_key"].isin(UNIVERSITY_OR_ABOVE)]
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
    to the two reported strings is listed (:func:`parstats.audit.split_counts`). Notebook 05
    shows it too.

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
                rows.append({"solution": n, "id": r["id"], "staff_type": label(TABLE, "staff_type", r["staff_type"]),
                             "level": label(TABLE, "level", level), "reported_text": f"{r['percent_text']}%",
                             "count": int(c), "total": int(t),
                             "recomputed": check_share(int(c), int(t), r["percent"], r["percent_text"])["recomputed"],
                             "combined": f"{count}/{total}", "unique": len(solutions) == 1})
    columns = ["solution", "id", "staff_type", "level", "reported_text", "count", "total", "recomputed", "combined",
               "unique"]
    return typed(pd.DataFrame(rows, columns=columns), ("solution", "count", "total"))


# --------------------------------------------------------------------------- figures


def qualification_mix_chart(mix, title: str | None = None):
    """100% stacked bars: the share of each qualification band in each staff group.

    Parameters
    ----------
    mix : pandas.DataFrame
        :func:`qualification_mix`.
    title : str, optional
        The figure's title; the label of the mix's dimension (``Trình độ chuyên môn``) when
        omitted.
    """
    from parstats.numbers import format_number

    if title is None:
        title = label(TABLE, "dimension", mix["dimension"].iloc[0])
    fig, ax = new_figure(8, 0.7 * mix["group"].nunique() + 1.8)
    with style():
        groups = list(dict.fromkeys(mix["group"]))
        bands = list(dict.fromkeys(mix["band_key"]))
        names = dict(zip(mix["band_key"], mix["band"]))
        colours = {b: PALETTE[SEQUENCE[i]] if b != REST else "#DDDDDD" for i, b in enumerate(bands)}
        y = list(range(len(groups)))[::-1]
        left = [0.0] * len(groups)
        for band in bands:
            widths = []
            for g in groups:
                row = mix[(mix["group"] == g) & (mix["band_key"] == band)]
                widths.append(coordinate(row["share"].iloc[0]) if len(row) else 0.0)
            ax.barh(y, widths, left=left, color=colours[band], label=names[band], height=0.6)
            for yi, lft, w, g in zip(y, left, widths, groups):
                if w >= 6:
                    row = mix[(mix["group"] == g) & (mix["band_key"] == band)].iloc[0]
                    ax.text(lft + w / 2, yi, f"{percent_label(row['share'], 1)}\n({format_number(int(row['count']))})",
                            ha="center", va="center", fontsize=7.5, color="white" if band != REST else "black")
            left = [a + b for a, b in zip(left, widths)]
        labels = [f"{g}\n({format_number(int(mix[mix['group'] == g]['total'].iloc[0]))} người)" for g in groups]
        ax.set_yticks(y, labels)
        ax.set_xlim(0, 100)
        set_number_axis(ax.xaxis, decimals=0, percent=True)
        ax.set_title(title)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=len(bands), fontsize=8)
        ax.grid(axis="y", visible=False)
    add_source(fig, note="Tỷ lệ tính lại từ số người báo cáo nêu (làm tròn một chữ số thập phân).")
    return fig
