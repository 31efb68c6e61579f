"""Notebook 01, targets overview: the programme's targets, PAR INDEX and SIPAS, other counts.

The scoreboard itself is :mod:`parstats.analysis.scoreboard` (the site's index shows it too);
this module lays out the PAR INDEX / SIPAS and activities tables and draws the two figures.

Examples
--------
>>> from parstats import data
>>> t = par_sipas_table(data.load("par_index_sipas"))
>>> t[t["index_key"] == "PAR_INDEX"][["year", "score_text", "rank_text"]].values.tolist()[-1]
[2022, '78,93%', '8/11']
"""
from __future__ import annotations

from parstats.analysis.labels import label
from parstats.analysis.plotting import (
    MET_COLOUR,
    NOT_MET_COLOUR,
    PALETTE,
    SEQUENCE,
    add_source,
    coordinate,
    legend_patches,
    new_figure,
    set_number_axis,
    style,
)
from parstats.analysis.shares import percent_text
from parstats.analysis.tables import Column as C, is_missing

__all__ = ["COLUMNS", "DATA_TABLES", "FIGURES", "SIPAS_TARGET", "activities_table", "par_sipas_chart",
           "par_sipas_table", "targets_chart"]

#: The site's index links its summary of the scoreboard of the targets to this notebook.
INDEX_SECTION = "targets"

#: The curated tables the notebook shows in full.
DATA_TABLES = ("targets", "par_index_sipas", "activities")

#: The sub-target (``sub_id`` of ``data/targets.csv``) that the SIPAS score is measured against.
SIPAS_TARGET = "2a"

#: Display specs of the notebook's tables.
COLUMNS = {
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
}

#: The figures the notebook saves: ``figures/01-targets-overview-SUFFIX.svg`` -> (title, caption).
FIGURES = {
    "targets-vs-actual": (
        "Chỉ tiêu và kết quả thực hiện",
        "Mỗi chỉ tiêu con tính bằng tỷ lệ phần trăm so với kết quả thực hiện, tô màu theo đạt hoặc chưa đạt."),
    "par-index-sipas": (
        "PAR INDEX và SIPAS",
        "Xếp hạng PAR INDEX so với khoảng xếp hạng của chỉ tiêu 1; điểm PAR INDEX và SIPAS so với chỉ tiêu "
        "về mức độ hài lòng của người dân, doanh nghiệp."),
}


def par_sipas_table(df):
    """PAR INDEX and SIPAS by year: score, rank, out of how many (``index_key`` is the code)."""
    import pandas as pd

    rows = [{"id": r["id"], "index_key": r["index"], "index": label("par_index_sipas", "index", r["index"]),
             "year": int(r["year"]), "score": r["score"], "score_text": percent_text(r["score_text"]),
             "rank": r["rank"], "out_of": r["out_of"],
             "rank_text": "" if is_missing(r["rank"]) else f"{r['rank_text']}/{r['out_of_text']}",
             "source": r["source"]} for _, r in df.iterrows()]
    return pd.DataFrame(rows).sort_values(["index_key", "year"], kind="stable").reset_index(drop=True)


def activities_table(df):
    """The other quoted counts (inspections, appointments, training), labelled.

    Examples
    --------
    >>> from parstats import data
    >>> t = activities_table(data.load("activities"))
    >>> t.iloc[0][["activity", "unit"]].tolist()
    ['Kiểm tra cải cách hành chính', 'cuộc']
    """
    import pandas as pd

    parents = dict(zip(df["id"], df["activity"]))
    rows = []
    for _, r in df.iterrows():
        name = label("activities", "activity", r["activity"]).replace("_", " ")
        rows.append({"id": r["id"], "activity": name[:1].upper() + name[1:],
                     "role": label("activities", "role", r["role"]),
                     "period": label("activities", "period", r["period"]), "count": r["count"],
                     "count_text": r["count_text"], "unit": label("activities", "unit", r["unit"]),
                     "parent": "" if is_missing(r["parent"]) else r["parent"], "source": r["source"],
                     "parent_activity": parents.get(r["parent"], "")})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- figures


def targets_chart(board):
    """Actual against target for every percentage sub-target with an actual value and a target.

    Bars are coloured met / not met; the black tick is the target.

    Parameters
    ----------
    board : pandas.DataFrame
        :func:`parstats.analysis.scoreboard.scoreboard`.
    """
    from matplotlib.lines import Line2D

    from parstats.analysis.scoreboard import MET

    rows = board[board["actual"].notna() & board["target_value"].notna()
                 & (board["unit"] == "percent")].reset_index(drop=True)
    fig, ax = new_figure(8, 0.42 * len(rows) + 1.6)
    with style():
        names = [f"{r['sub_id']} · {r['period']}" for _, r in rows.iterrows()]
        y = list(range(len(rows)))[::-1]
        colours = [MET_COLOUR if s == MET else NOT_MET_COLOUR for s in rows["status"]]
        ax.barh(y, [coordinate(v) for v in rows["actual"]], color=colours, height=0.6)
        targets = [coordinate(t) for t in rows["target_value"]]
        ax.scatter(targets, y, marker="|", s=260, linewidths=2.5, color=PALETTE["black"], zorder=3)
        for yi, (_, r) in zip(y, rows.iterrows()):
            ax.text(max(coordinate(r["actual"]), coordinate(r["target_value"])) + 1.5, yi, r["actual_text"],
                    va="center", fontsize=8)
        ax.set_yticks(y, names)
        ax.set_xlim(0, 110)
        set_number_axis(ax.xaxis, decimals=0, percent=True)
        ax.set_xlabel("Kết quả thực hiện (%)")
        ax.set_title(FIGURES["targets-vs-actual"][0])
        handles = legend_patches([("Đạt", MET_COLOUR), ("Chưa đạt", NOT_MET_COLOUR)])
        handles.append(Line2D([], [], marker="|", linestyle="none", markersize=12, markeredgewidth=2.5,
                              color=PALETTE["black"], label="Chỉ tiêu"))
        ax.legend(handles=handles, loc="lower right", fontsize=8)
        ax.grid(axis="y", visible=False)
    add_source(fig)
    return fig


def par_sipas_chart(par, board):
    """PAR INDEX rank (with the target band) and the PAR INDEX / SIPAS scores by year.

    Parameters
    ----------
    par : pandas.DataFrame
        :func:`par_sipas_table`.
    board : pandas.DataFrame
        :func:`parstats.analysis.scoreboard.scoreboard`: the rank band is its ``rank_between``
        target, the SIPAS line its :data:`SIPAS_TARGET`.
    """
    fig, (left, right) = new_figure(8.5, 3.8, ncols=2)
    with style():
        rank = par[(par["index_key"] == "PAR_INDEX") & par["rank"].notna()]
        band = board[board["comparator"] == "rank_between"]
        if len(band):
            lo, hi = int(band["target_value"].iloc[0]), int(band["target_upper"].iloc[0])
            left.axhspan(lo - 0.5, hi + 0.5, color=PALETTE["sky"], alpha=0.25, label=f"Chỉ tiêu: hạng {lo} đến {hi}")
        years = [int(y) for y in rank["year"]]
        left.plot(years, [int(r) for r in rank["rank"]], marker="o", color=PALETTE["blue"], label="Xếp hạng")
        for x, (_, r) in zip(years, rank.iterrows()):
            left.annotate(r["rank_text"], (x, int(r["rank"])), textcoords="offset points", xytext=(8, 0), va="center",
                          fontsize=8)
        out_of = int(rank["out_of"].max()) if len(rank) else 11
        left.set_ylim(out_of + 0.5, 0.5)
        left.set_yticks(range(1, out_of + 1))
        left.set_xticks(sorted(set(years)), [str(y) for y in sorted(set(years))])
        left.set_xlim(min(years) - 0.5, max(years) + 0.5)
        left.set_ylabel("Thứ hạng (1 là cao nhất)")
        left.set_title("Xếp hạng PAR INDEX")
        left.legend(loc="lower left", fontsize=8)
        for i, (key, grp) in enumerate(par.groupby("index_key", sort=True)):
            xs = [int(y) for y in grp["year"]]
            right.plot(xs, [coordinate(s) for s in grp["score"]], marker="o", color=PALETTE[SEQUENCE[i]],
                       label=key.replace("_", " "))
            for x, (_, r) in zip(xs, grp.iterrows()):
                right.annotate(r["score_text"], (x, coordinate(r["score"])), textcoords="offset points",
                               xytext=(0, 7 if i == 0 else -14), ha="center", fontsize=8)
        sipas_target = board[board["sub_id"] == SIPAS_TARGET]
        if len(sipas_target):
            right.axhline(coordinate(sipas_target["target_value"].iloc[0]), color=PALETTE["vermillion"],
                          linestyle="--", linewidth=1, label=f"Chỉ tiêu SIPAS: {sipas_target['target'].iloc[0]}")
        all_years = sorted({int(y) for y in par["year"]})
        right.set_xticks(all_years, [str(y) for y in all_years])
        right.set_xlim(min(all_years) - 0.5, max(all_years) + 0.5)
        right.set_ylim(70, 100)
        set_number_axis(right.yaxis, decimals=0, percent=True)
        right.set_title("Điểm PAR INDEX và SIPAS")
        right.legend(loc="lower right", fontsize=8)
    add_source(fig)
    return fig
