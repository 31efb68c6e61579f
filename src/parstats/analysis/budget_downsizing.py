"""Notebook 04, budget and staff downsizing: quoted decreases on both bases, progress against chỉ tiêu 5.

Rows are picked by the codes of ``data/downsizing.csv``: a reduction is a row whose ``measure``
is ``giam_`` + the measure it reduces (``giam_don_vi_su_nghiep_cong_lap`` reduces
``don_vi_su_nghiep_cong_lap``), as ``datapackage.json`` describes the table.

Examples
--------
>>> from parstats import data
>>> c = changes(data.load("downsizing")).set_index("id")
>>> r = c.loc["giam-dvsncl-vs-2015"]
>>> r["of_measure"], int(r["base_value"]), r["reported_text"], r["on_old"], r["status"], r["cause"]
('don_vi_su_nghiep_cong_lap', 65, '10,7%', Decimal('10.8'), 'inconsistent', 'rounded-down')
"""
from __future__ import annotations

from decimal import Decimal

from parstats.analysis.labels import YEAR, label
from parstats.analysis.plotting import MET_COLOUR, NOT_MET_COLOUR, PALETTE, SEQUENCE, add_source, coordinate, \
    legend_patches, new_figure, percent_label, set_number_axis, style
from parstats.analysis.shares import CONSISTENT, check_change, percent_text, reproduction_columns, share_columns, \
    share_rows
from parstats.analysis.tables import Column as C, is_missing

__all__ = ["COLUMNS", "DATA_TABLES", "FIGURES", "changes", "downsizing_counts", "downsizing_progress",
           "downsizing_progress_chart", "units_over_time", "units_over_time_chart"]

TABLE = "downsizing"

#: The curated tables the notebook shows in full.
DATA_TABLES = (TABLE,)

#: A reduction's measure is this prefix and the measure it reduces.
DECREASE = "giam_"
#: Measure codes of ``data/downsizing.csv`` this notebook follows.
UNITS, SALARIED_STAFF, STREAMLINING = "don_vi_su_nghiep_cong_lap", "bien_che_su_nghiep_huong_luong_nsnn", \
    "tinh_gian_bien_che"
#: Sub-targets (``sub_id`` of ``data/targets.csv``) of chỉ tiêu 5: fewer public service units, fewer staff.
UNITS_TARGET, STAFF_TARGET = "5a", "5b"

#: Display specs of the notebook's tables.
COLUMNS = {
    "downsizing_counts": share_columns(C("measure", "Nội dung"), C("category", "Loại"), C("period", "Kỳ"),
                                       C("base_period", "So với")),
    "changes": [C("id", "Mã dòng"), C("measure", "Nội dung"), C("base_period", "Năm gốc"), C("period", "Kỳ"),
                C("current", "Số hiện nay", "int"), C("decrease", "Số giảm", "int"),
                C("base_value", "Số năm gốc (suy ra)", "int"), C("reported_text", "Tỷ lệ giảm theo báo cáo"),
                C("on_old", "Tính lại trên năm gốc", "percent", "decimals"),
                C("on_new", "Tính trên số hiện nay", "percent", "decimals"),
                C("difference", "Chênh lệch (điểm %)", "number", "decimals"), C("status_vi", "Trạng thái"),
                C("base_used", "Báo cáo đã chia cho"), C("source", "Nguồn")],
    "downsizing_progress": [C("what", "Nội dung"), C("value_text", "Kết quả"),
                            C("target", "Chỉ tiêu (giảm tối thiểu, %)", "number", 0),
                            C("met", "Đạt", "bool"), C("gap", "Khoảng cách (điểm %)", "number", 2),
                            C("ids", "Mã dòng")],
    "units_over_time": [C("period", "Kỳ"), C("category", "Loại đơn vị"), C("count", "Số đơn vị", "int"),
                        C("derived", "Suy ra", "bool"), C("ids", "Mã dòng")],
    "reproduction": reproduction_columns(),
}

#: The figures the notebook saves: ``figures/04-budget-downsizing-SUFFIX.svg`` -> (title, caption).
FIGURES = {
    "progress": (
        "Tinh giản biên chế",
        "Tinh giản biên chế và giảm đơn vị sự nghiệp công lập so với chỉ tiêu 5, cùng mức giảm biên chế sự "
        "nghiệp hưởng lương từ ngân sách nhà nước theo báo cáo và tính lại trên số của năm gốc."),
    "public-service-units": (
        "Đơn vị sự nghiệp công lập",
        "Số đơn vị sự nghiệp công lập hiện nay theo loại, so với tổng số của năm gốc suy ra từ mức giảm "
        "báo cáo nêu."),
}


def changes(df):
    """Every quoted decrease ("giảm N so với năm YYYY, đạt Z%") checked on the old base.

    The base value is derived as current + decrease (the report gives the current value and
    the decrease, not the base); the decrease is checked as the audit checks a change
    (:func:`parstats.analysis.shares.check_change`: on the old value, at the report's
    precision, a share of the new value diagnosed as ``wrong-base``) and also recomputed on
    the new value.

    Examples
    --------
    >>> from parstats import data
    >>> c = changes(data.load("downsizing")).set_index("id")
    >>> r = c.loc["giam-bien-che-su-nghiep-2023-vs-2021"]
    >>> int(r["current"]), int(r["base_value"]), r["on_old"], r["on_new"], r["reported_text"], r["base_used"]
    (1563, 1671, Decimal('6.46'), Decimal('6.91'), '6,91%', 'giá trị mới (năm 2023)')
    """
    import pandas as pd

    from parstats.ratios import percent_change

    rows = []
    for _, r in df[df["measure"].str.startswith(DECREASE) & df["count"].notna()].iterrows():
        of_measure = r["measure"][len(DECREASE):]
        cur = df[(df["measure"] == of_measure) & (df["category"] == r["category"]) & (df["level"] == r["level"])
                 & (df["period"] == r["period"]) & df["count"].notna()]
        if len(cur) != 1:
            continue
        current, decrease = int(cur["count"].iloc[0]), int(r["count"])
        check = check_change(decrease, current, r["percent"], r["percent_text"])
        places = check["decimals"]
        on_new = -percent_change(old=check["base_value"], new=current, base="new", decimals=places)
        base_used = (f"giá trị mới ({label(TABLE, 'period', r['period']).lower()})" if check["cause"] == "wrong-base"
                     else "giá trị cũ" if check["status"] == CONSISTENT else "")
        rows.append({"id": r["id"], "measure_key": r["measure"], "of_measure": of_measure,
                     "category_key": r["category"], "period_key": r["period"], "base_period_key": r["base_period"],
                     "measure": label(TABLE, "measure", r["measure"]),
                     "category": label(TABLE, "category", r["category"]),
                     "period": label(TABLE, "period", r["period"]),
                     "base_period": label(TABLE, "base_period", r["base_period"]),
                     "current": current, "decrease": decrease, "base_value": check["base_value"],
                     "reported": r["percent"], "reported_text": percent_text(r["percent_text"]), "decimals": places,
                     "on_old": check["recomputed"], "on_new": on_new, "difference": check["difference"],
                     "status": check["status"], "status_vi": check["status_vi"], "cause": check["cause"],
                     "base_used": base_used, "current_id": cur["id"].iloc[0], "source": r["source"]})
    return pd.DataFrame(rows)


def downsizing_counts(df):
    """Every downsizing row: counts, totals, the report's share and the recomputed one."""
    columns = ("measure", "category", "level", "period", "base_period")
    return share_rows(df, "count", "total", lambda r: {c: label(TABLE, c, r[c]) for c in columns})


def downsizing_progress(downsizing, targets):
    """Progress of each downsizing measure against its programme target (chỉ tiêu 5).

    Rows: the reduction in public service units since the start of the term (the report
    says the number is unchanged: 0), streamlined staff (count / quota of the base year), and
    the decrease in salaried public-service staff, both as the report states it and
    recomputed on the old base. Target values come from ``targets`` (:data:`UNITS_TARGET`,
    :data:`STAFF_TARGET`).

    Examples
    --------
    >>> from parstats import data
    >>> p = downsizing_progress(data.load("downsizing"), data.load("targets"))
    >>> p[["what", "value", "target"]].values.tolist()[-1]
    ['Giảm biên chế sự nghiệp hưởng lương từ NSNN so với năm 2021 (tính lại, gốc năm 2021)', Decimal('6.46'), Decimal('10')]
    """
    import pandas as pd

    from parstats.numbers import format_percent
    from parstats.ratios import Target, verdict

    tgt = targets.set_index("sub_id")
    units_target = tgt.loc[UNITS_TARGET, "target_value"] if UNITS_TARGET in tgt.index else None
    staff_target = tgt.loc[STAFF_TARGET, "target_value"] if STAFF_TARGET in tgt.index else None
    rows = []
    unchanged = downsizing[(downsizing["measure"] == UNITS) & (downsizing["period"] == "dau_nhiem_ky")]
    for _, r in unchanged.iterrows():
        rows.append({"what": "Giảm đơn vị sự nghiệp công lập so với đầu nhiệm kỳ (giữ nguyên)",
                     "value": Decimal(0), "value_text": "0%", "target": units_target, "ids": r["id"]})
    streamlined = downsizing[(downsizing["measure"] == STREAMLINING) & downsizing["count"].notna()]
    for _, r in streamlined.iterrows():
        base = label(TABLE, "base_period", r["base_period"]).lower()
        rows.append({"what": f"Tinh giản biên chế so với {base} (báo cáo)", "value": r["percent"],
                     "value_text": percent_text(r["percent_text"]), "target": staff_target, "ids": r["id"]})
    ch = changes(downsizing)
    for _, r in ch[ch["of_measure"] == SALARIED_STAFF].iterrows():
        base = r["base_period"].lower()
        rows.append({"what": f"Giảm biên chế sự nghiệp hưởng lương từ NSNN so với {base} (báo cáo)",
                     "value": r["reported"], "value_text": r["reported_text"], "target": staff_target, "ids": r["id"]})
        rows.append({"what": f"Giảm biên chế sự nghiệp hưởng lương từ NSNN so với {base} (tính lại, gốc {base})",
                     "value": r["on_old"], "value_text": format_percent(r["on_old"], r["decimals"]),
                     "target": staff_target, "ids": r["id"]})
    out = pd.DataFrame(rows)
    pairs = list(zip(out["value"], out["target"]))
    out["met"] = [None if is_missing(t) else verdict(Target("at_least", t), v) for v, t in pairs]
    out["gap"] = [None if is_missing(t) else v - t for v, t in pairs]
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

    units = df[(df["measure"] == UNITS) & df["count"].notna()]
    rows = [{"period_key": r["period"], "period": label(TABLE, "period", r["period"]),
             "category_key": r["category"], "category": label(TABLE, "category", r["category"]),
             "count": int(r["count"]), "derived": False, "ids": r["id"]} for _, r in units.iterrows()]
    for _, c in changes(df).iterrows():
        if c["of_measure"] == UNITS:
            rows.append({"period_key": c["base_period_key"], "period": c["base_period"],
                         "category_key": c["category_key"], "category": c["category"], "count": c["base_value"],
                         "derived": True, "ids": c["id"]})
    out = pd.DataFrame(rows)
    out["_y"] = [int((YEAR.findall(p) or ["9999"])[0]) for p in out["period_key"]]
    out["_c"] = [2 if c == "tat_ca" else 1 for c in out["category_key"]]  # the total after its parts
    return out.sort_values(["_y", "_c", "category"], kind="stable").drop(columns=["_y", "_c"]).reset_index(drop=True)


# --------------------------------------------------------------------------- figures


def downsizing_progress_chart(progress):
    """Each downsizing measure against its target (chỉ tiêu 5)."""
    import textwrap

    fig, ax = new_figure(8, 0.55 * len(progress) + 1.7)
    with style():
        y = list(range(len(progress)))[::-1]
        colours = [MET_COLOUR if m else NOT_MET_COLOUR for m in progress["met"]]
        ax.barh(y, [coordinate(v) for v in progress["value"]], color=colours, height=0.55)
        targets = [t for t in progress["target"] if t is not None]
        if targets:
            ax.axvline(coordinate(targets[0]), color=PALETTE["black"], linestyle="--", linewidth=1.2)
            ax.text(coordinate(targets[0]), len(progress) - 0.45,
                    f" Chỉ tiêu: giảm tối thiểu {percent_label(targets[0], 0)}", fontsize=8, va="bottom")
        for yi, (_, r) in zip(y, progress.iterrows()):
            ax.text(coordinate(r["value"]) + 0.15, yi, r["value_text"], va="center", fontsize=8)
        ax.set_yticks(y, ["\n".join(textwrap.wrap(w, 48)) for w in progress["what"]], fontsize=8)
        top = max([coordinate(v) for v in progress["value"]] + [coordinate(t) for t in targets])
        ax.set_xlim(0, top * 1.2)
        ax.set_ylim(-0.6, len(progress) + 0.2)
        set_number_axis(ax.xaxis, decimals=0, percent=True)
        ax.set_title("Tinh giản biên chế và giảm đơn vị sự nghiệp so với chỉ tiêu")
        ax.legend(handles=legend_patches([("Đạt", MET_COLOUR), ("Chưa đạt", NOT_MET_COLOUR)]), loc="lower right",
                  fontsize=8)
        ax.grid(axis="y", visible=False)
    add_source(fig, note="Tính lại: số giảm chia cho số của năm gốc (số hiện nay cộng số đã giảm); "
                         "báo cáo chia cho số hiện nay.")
    return fig


def units_over_time_chart(units):
    """Public service units by kind: the derived base year against now."""
    fig, ax = new_figure(6.5, 4)
    with style():
        periods = list(dict.fromkeys(units["period_key"]))
        names = dict(zip(units["period_key"], units["period"]))
        kinds = [k for k in dict.fromkeys(units["category_key"]) if k != "tat_ca"]
        bottom = [0] * len(periods)
        for i, k in enumerate(kinds):
            sub = units[units["category_key"] == k].set_index("period_key")
            hs = [int(sub.loc[p, "count"]) if p in sub.index else 0 for p in periods]
            ax.bar(range(len(periods)), hs, bottom=bottom, color=PALETTE[SEQUENCE[i]], width=0.55,
                   label=sub["category"].iloc[0])
            for x, b, h in zip(range(len(periods)), bottom, hs):
                if h:
                    ax.text(x, b + h / 2, str(h), ha="center", va="center", color="white", fontsize=8)
            bottom = [a + b for a, b in zip(bottom, hs)]
        tot = units[units["category_key"] == "tat_ca"].set_index("period_key")
        for x, p in enumerate(periods):
            if p in tot.index:
                row = tot.loc[p]
                if bottom[x] == 0:
                    ax.bar([x], [int(row["count"])], color="#BBBBBB", width=0.55, hatch="//", edgecolor="white",
                           label="Tổng (suy ra từ mức giảm)" if row["derived"] else "Tổng")
                ax.text(x, int(row["count"]) + 1, f"{int(row['count'])}" + (" (suy ra)" if row["derived"] else ""),
                        ha="center", va="bottom", fontsize=8)
        ax.set_xticks(range(len(periods)), [names[p] for p in periods])
        set_number_axis(ax.yaxis, decimals=0)
        ax.set_ylabel("Số đơn vị sự nghiệp công lập")
        ax.set_title("Đơn vị sự nghiệp công lập")
        ax.set_ylim(0, max(int(c) for c in units["count"]) * 1.12)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=8)
        ax.grid(axis="x", visible=False)
    add_source(fig, note="Năm gốc: số đơn vị hiện nay cộng số đơn vị đã giảm (báo cáo không nêu trực tiếp).")
    return fig
