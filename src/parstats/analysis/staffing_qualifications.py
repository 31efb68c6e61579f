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
from parstats.analysis.plotting import PALETTE, SEQUENCE, add_source, coordinate, flag_note, flagged_patch, \
    legend_patches, new_figure, percent_label, reported_wrong_bar, set_number_axis, style, wrap_title
from parstats.analysis.prose import KeyFindings
from parstats.analysis.shares import INCONSISTENT, check_share, reproduction_columns, reproduction_summary, \
    share_columns, share_rows, typed
from parstats.analysis.tables import Column as C, is_missing

__all__ = ["BANDS", "COLUMNS", "DATA_TABLES", "FIGURES", "REST", "band_label", "inferred_commune_counts",
           "key_findings", "mix_title", "qualification_mix", "qualification_mix_chart", "staffing_parts",
           "staffing_shares"]

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
#: The bands a mix figure sums at each bar's end and in its title, per dimension, and their name.
HEADLINE = {"chuyen_mon": (UNIVERSITY_OR_ABOVE, "đại học trở lên"),
            "ly_luan_chinh_tri": (("cao_cap", "trung_cap"), "trung cấp lý luận chính trị trở lên")}
#: The qualification code that stands for the bands of :data:`UNIVERSITY_OR_ABOVE` together.
UNIVERSITY_OR_ABOVE_CODE = "dai_hoc_tro_len"
#: The curated rows (``id``) that answer sub-targets of chỉ tiêu 4 (``sub_id`` of ``data/targets.csv``).
TARGET_ROWS = {"4b": "huyen-cbccvc-cm-sau-dai-hoc", "4c": "xa-cb-cm-dai-hoc-tro-len", "4d": "xa-cc-cm-dai-hoc"}

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
    "mix": ("Tỷ lệ có trình độ đại học trở lên theo nhóm",
            "Tỷ lệ sau đại học, đại học và dưới đại học của cán bộ, công chức cấp huyện, cán bộ, công chức "
            "cấp xã và viên chức, tính lại từ số người, với tỷ lệ đại học trở lên ở cuối mỗi thanh và phần có "
            "tỷ lệ báo cáo ghi sai được gạch chéo."),
    "political-theory": ("Tỷ lệ có trình độ trung cấp lý luận chính trị trở lên theo nhóm",
                         "Tỷ lệ trình độ lý luận chính trị cao cấp, trung cấp và sơ cấp của cùng các nhóm, với "
                         "tỷ lệ trung cấp trở lên ở cuối mỗi thanh và các tỷ lệ báo cáo ghi sai của cấp xã "
                         "được gạch chéo."),
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
    return share_rows(df, "count", "total", lambda r: {**{c: label(TABLE, c, r[c]) for c in columns},
                                                       **{f"{c}_key": r[c] for c in columns}})


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

    from parstats.numbers import format_number
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
        rows.append({"what": f"{name}: tổng các trình độ", "parts": " + ".join(format_number(int(c)) for c in body["count"]),
                     "parts_sum": chk.sum, "stated": total, "difference": chk.difference,
                     "ids": ", ".join(i for i in body["ids"] if i)})
        u = uni[(uni["level"] == level) & (uni["staff_type"] == staff_type) & (uni["period"] == period)]
        if len(u) == 1:
            upper = body[body["band_key"].isin(UNIVERSITY_OR_ABOVE)]
            chk = check_parts([int(c) for c in upper["count"]], int(u["total"].iloc[0]))
            rows.append({"what": f"{name}: thạc sỹ + đại học", "parts": " + ".join(format_number(int(c)) for c in upper["count"]),
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


def _headline(mix) -> dict:
    """Group -> (count, total, share) of the :data:`HEADLINE` bands of the mix's dimension."""
    bands, _ = HEADLINE.get(mix["dimension"].iloc[0], ((), ""))
    out = {}
    for g, grp in mix.groupby("group", sort=False):
        count = int(grp[grp["band_key"].isin(bands)]["count"].sum())
        total = int(grp["total"].iloc[0])
        out[g] = (count, total, check_share(count, total)["recomputed"])
    return out


def mix_title(mix) -> str:
    """The finding of a mix figure: the share of its :data:`HEADLINE` bands in each group.

    Examples
    --------
    >>> from parstats import data
    >>> mix_title(qualification_mix(data.load("staffing_qualifications")))
    'Tỷ lệ có trình độ đại học trở lên: 99,22% cán bộ, công chức cấp huyện, 89,83% cán bộ, công chức cấp xã, 87,50% viên chức toàn huyện'
    """
    _, name = HEADLINE.get(mix["dimension"].iloc[0], ((), ""))
    if not name:
        return label(TABLE, "dimension", mix["dimension"].iloc[0])
    parts = [f"{percent_label(share)} {g[:1].lower()}{g[1:]}" for g, (_, _, share) in _headline(mix).items()]
    return f"Tỷ lệ có trình độ {name}: " + ", ".join(parts)


def _flags(mix, shares) -> dict:
    """(group, band) -> the flagged curated row (the audit's ``inconsistent``) that quotes it."""
    if shares is None or "level_key" not in shares:
        return {}
    dimension = mix["dimension"].iloc[0]
    out = {}
    for key, grp in mix.groupby("group_key", sort=False):
        level, staff_type, period = key.split("|")
        rows = shares[(shares["level_key"] == level) & (shares["staff_type_key"] == staff_type)
                      & (shares["period_key"] == period) & (shares["group_key"] == "tat_ca")
                      & (shares["dimension_key"] == dimension) & (shares["status"] == INCONSISTENT)]
        for _, r in rows.iterrows():
            q = r["qualification_key"]
            bands = UNIVERSITY_OR_ABOVE if q == UNIVERSITY_OR_ABOVE_CODE else (BANDS[dimension].get(q),)
            for band in bands:
                out[(grp["group"].iloc[0], band)] = r
    return out


def qualification_mix_chart(mix, title: str | None = None, shares=None):
    """100% stacked bars: the share of each qualification band in each staff group.

    At each bar's end, the share of the :data:`HEADLINE` bands (count/total). The bands are the
    recomputed shares, never hatched; where the audit flags the report's figure for them, that
    figure is drawn under the bar as a thin hatched bar of its own length (hatching means
    "reported and wrong" on every chart), and the note gives the report's and the recomputed
    value.

    Parameters
    ----------
    mix : pandas.DataFrame
        :func:`qualification_mix`.
    title : str, optional
        The figure's title; the finding (:func:`mix_title`) when omitted.
    shares : pandas.DataFrame, optional
        :func:`staffing_shares`, whose flagged rows are marked.
    """
    from parstats.numbers import format_number

    if title is None:
        title = mix_title(mix)
    flags = _flags(mix, shares)
    from parstats.numbers import parse_percent

    fig, ax = new_figure(8.5, 0.8 * mix["group"].nunique() + 2.0)
    noted = []
    reported_at: dict = {}
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
            bars = ax.barh(y, widths, left=left, color=colours[band], label=names[band], height=0.6)
            for bar, g, lft in zip(bars, groups, left):
                r = flags.get((g, band))
                if r is not None:
                    # the bands are the recomputed (right) shares: the report's figure is drawn
                    # beside them, hatched, from where its bands start
                    at = (g, r["reported_text"])
                    reported_at[at] = min(reported_at.get(at, (lft, 0))[0], lft), r, bar.get_y()
                    what = f"{r['qualification'].lower()}, {g[:1].lower()}{g[1:]}"
                    item = (what, r["reported_text"], r["recomputed_text"], f"{int(r['count'])}/{int(r['total'])}")
                    if item not in noted:
                        noted.append(item)
            for yi, lft, w, g in zip(y, left, widths, groups):
                if w >= 6:
                    row = mix[(mix["group"] == g) & (mix["band_key"] == band)].iloc[0]
                    ax.text(lft + w / 2, yi, f"{percent_label(row['share'], 1)}\n({format_number(int(row['count']))})",
                            ha="center", va="center", fontsize=7.5, color="white" if band != REST else "black",
                            )
            left = [a + b for a, b in zip(left, widths)]
        for (_g, _text), (start, r, bottom) in reported_at.items():
            reported_wrong_bar(ax, bottom - 0.1, start, coordinate(parse_percent(r["reported_text"]).value), 0.14)
        _, headline = HEADLINE.get(mix["dimension"].iloc[0], ((), ""))
        if headline:
            for yi, g in zip(y, groups):
                count, total, share = _headline(mix)[g]
                ax.annotate(f"{headline[:1].upper()}{headline[1:]}:\n{percent_label(share)} "
                            f"({format_number(count)}/{format_number(total)})", xy=(100, yi), xytext=(4, 0),
                            textcoords="offset points", ha="left", va="center", fontsize=7.5)
        labels = [f"{g}\n({format_number(int(mix[mix['group'] == g]['total'].iloc[0]))} người)" for g in groups]
        ax.set_yticks(y, labels)
        ax.set_xlim(0, 100)
        set_number_axis(ax.xaxis, decimals=0, percent=True)
        wrap_title(ax, title, 70)
        # plain squares: a band's first bar may be hatched, its legend entry is not
        handles = legend_patches([(names[b], colours[b]) for b in bands]) + ([flagged_patch()] if noted else [])
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=min(len(handles), 4),
                  fontsize=8)
        ax.grid(axis="y", visible=False)
    note = "Tỷ lệ tính lại từ số người báo cáo nêu; nhãn trong thanh làm tròn một chữ số thập phân."
    add_source(fig, note=" ".join(x for x in (flag_note(noted), note) if x))
    return fig


# --------------------------------------------------------------------------- findings


def key_findings(staff, targets) -> KeyFindings:
    """The notebook's "Kết luận chính": university shares against chỉ tiêu 4, the flagged shares with their
    recomputed values, the inferred commune counts and the footnote sums, computed.

    Examples
    --------
    >>> from parstats import data
    >>> k = key_findings(data.load("staffing_qualifications"), data.load("targets"))
    >>> 3 <= len(k.sentences) <= 6 and all(s.endswith(".") for s in k.sentences)
    True
    >>> any("98,45%" in s and "99,22%" in s for s in k.sentences)
    True
    """
    from parstats.numbers import format_number

    shares = staffing_shares(staff).set_index("id")
    tgt = targets.set_index("sub_id")

    def target(sub: str) -> str:
        if sub not in tgt.index:
            return ""
        words = "tối thiểu " if tgt.loc[sub, "comparator"] == "at_least" else ""
        return f"chỉ tiêu {sub}: {words}{percent_label(tgt.loc[sub, 'target_value'], 0)}"

    def quoted(r) -> str:
        if r["status"] == INCONSISTENT:
            return f"báo cáo ghi {r['reported_text']}, tính lại {r['recomputed_text']}: {r['status_vi']}"
        return f"{r['reported_text']}, {r['status_vi']}"

    sentences = []
    uni = shares[(shares["qualification_key"] == UNIVERSITY_OR_ABOVE_CODE) & shares["count"].notna()
                 & shares["total"].notna()]
    for rid, r in uni.iterrows():
        sentences.append(f"{r['staff_type']} {r['level'].lower()} có trình độ đại học trở lên: "
                         f"{format_number(int(r['count']))}/{format_number(int(r['total']))} người; {quoted(r)}.")
    for sub, rid in TARGET_ROWS.items():
        if rid in shares.index and not shares.loc[rid, "count"] is None and shares.loc[rid, "total"] is not None \
                and sub == "4b":
            r = shares.loc[rid]
            sentences.append(f"{r['qualification']} ở {r['level'].lower()}: {format_number(int(r['count']))}/"
                             f"{format_number(int(r['total']))} {r['staff_type'][:1].lower()}{r['staff_type'][1:]}; "
                             f"{quoted(r)}, so với {target(sub)}.")
    inferred = inferred_commune_counts(staff)
    if len(inferred):
        unique = bool(inferred["unique"].iloc[0])
        parts = []
        for _, r in inferred[inferred["solution"] == 1].iterrows():
            sub = next((s for s, i in TARGET_ROWS.items() if i == r["id"]), None)
            parts.append(f"{r['reported_text']} của {r['staff_type'].lower()} {r['level'].lower()} "
                         f"({format_number(int(r['count']))}/{format_number(int(r['total']))}"
                         + (f"; {target(sub)}" if sub else "") + ")")
        how = "chỉ khớp với một cách chia" if unique else "khớp với nhiều cách chia"
        sentences.append(f"Báo cáo không nêu số người sau các tỷ lệ {' và '.join(parts)}; các tỷ lệ này {how} "
                         f"tổng số {inferred['combined'].iloc[0]} người của cấp xã.")
    summary = reproduction_summary({"Trình độ": staffing_shares(staff)}).iloc[0]
    worst = shares[shares["status"] == INCONSISTENT]
    text = (f"Trong {int(summary['quoted'])} tỷ lệ báo cáo nêu, {int(summary['checked'])} tính lại được từ số người: "
            f"{int(summary['consistent'])} nhất quán, {int(summary['inconsistent'])} không nhất quán")
    if len(worst):
        w = worst.loc[max(worst.index, key=lambda i: abs(worst.loc[i, "difference"]))]
        text += (f", lệch nhiều nhất là {w['dimension'].lower()} {w['qualification'].lower()} của "
                 f"{w['staff_type'].lower()} {w['level'].lower()} (báo cáo ghi {w['reported_text']}, tính lại "
                 f"{w['recomputed_text']})")
    sentences.append(text + ".")
    parts = staffing_parts(staff)
    if len(parts):
        ok = all(int(d) == 0 for d in parts["difference"])
        sentences.append(f"Các số người theo trình độ ở chú thích 9, 10 và mục II.2.5 cộng lại "
                         f"{'đúng' if ok else 'không đúng'} tổng số báo cáo nêu ({len(parts)} phép cộng).")
    return KeyFindings(tuple(sentences[:6]))
