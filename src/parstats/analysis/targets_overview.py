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

from parstats.analysis.labels import label, source_label
from parstats.analysis.plotting import (
    MET_COLOUR,
    NOT_MET_COLOUR,
    PALETTE,
    add_source,
    coordinate,
    legend_patches,
    new_figure,
    set_number_axis,
    style,
    wrap_title,
)
from parstats.analysis.scoreboard import format_value
from parstats.analysis.shares import percent_text
from parstats.analysis.tables import Column as C, is_missing

__all__ = ["COLUMNS", "DATA_TABLES", "FIGURES", "SIPAS_TARGET", "activities_table", "chart_rows", "key_findings",
           "chart_value", "par_sipas_chart", "par_sipas_table", "targets_chart", "targets_chart_title", "targets_table"]

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
                   C("audit_status_vi", "Kiểm tra số liệu"), C("recomputed_text", "Tính lại"),
                   C("value_text", "Giá trị dùng để đánh giá"), C("value_basis_vi", "Cách có giá trị"),
                   C("on_track", "Tiến độ so với thời gian đã qua"), C("note", "Ghi chú"),
                   C("report_verdict", "Báo cáo tự đánh giá"), C("agrees", "Khớp với báo cáo", "bool"),
                   C("source", "Nguồn", "source")],
    "targets": [C("sentence", "Chỉ tiêu"), C("status", "Đánh giá"),
                C("met_ids", "Chỉ tiêu con đạt"), C("not_met_ids", "Chỉ tiêu con chưa đạt"),
                C("no_data_ids", "Chỉ tiêu con không có số liệu")],
    "par_sipas": [C("id", "Mã dòng"), C("index", "Chỉ số"), C("year", "Năm"), C("score_text", "Điểm"),
                  C("rank_text", "Xếp hạng"), C("source", "Nguồn", "source")],
    "activities": [C("id", "Mã dòng"), C("activity", "Hoạt động"), C("role", "Chức danh"), C("period", "Kỳ"),
                   C("count", "Số lượng", "int"), C("unit", "Đơn vị tính"), C("parent_activity", "Thuộc hoạt động"),
                   C("source", "Nguồn", "source")],
}

#: The figures the notebook saves: ``figures/01-targets-overview-SUFFIX.svg`` -> (title, caption).
FIGURES = {
    "targets-vs-actual": (
        "Mọi chỉ tiêu con có mục tiêu định lượng so với mục tiêu",
        "Mỗi chỉ tiêu con có mục tiêu định lượng, theo từng kỳ: kết quả tính bằng tỷ lệ phần trăm (thanh, ở giá trị "
        "dùng để đánh giá: giá trị tính lại khi số liệu báo cáo không nhất quán, giá trị theo đúng thước đo của chỉ "
        "tiêu khi báo cáo nêu thước đo khác) so với mục tiêu (vạch đen), tô màu theo đạt hoặc chưa đạt; thanh mảnh "
        "gạch chéo là số liệu báo cáo ghi, không nhất quán; chỉ tiêu con không có tỷ lệ chỉ ghi bằng lời."),
    "par-index-sipas": (
        "Xếp hạng PAR INDEX tụt khỏi khoảng mục tiêu; SIPAS chưa đạt 90%",
        "Xếp hạng PAR INDEX so với khoảng xếp hạng của chỉ tiêu 1; điểm PAR INDEX theo năm; điểm SIPAS so "
        "với chỉ tiêu về mức độ hài lòng của người dân, doanh nghiệp (tối thiểu 90%)."),
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

    def named(code):
        text = label("activities", "activity", code).replace("_", " ")
        return text[:1].upper() + text[1:]

    parents = {i: named(a) for i, a in zip(df["id"], df["activity"])}
    rows = []
    for _, r in df.iterrows():
        name = label("activities", "activity", r["activity"]).replace("_", " ")
        rows.append({"id": r["id"], "activity": name[:1].upper() + name[1:],
                     "role": label("activities", "role", r["role"]),
                     "period": label("activities", "period", r["period"]), "count": r["count"],
                     "count_text": r["count_text"], "unit": label("activities", "unit", r["unit"]),
                     "parent": "" if is_missing(r["parent"]) else r["parent"], "source": r["source"],
                     "source_vi": source_label(r["source"]),
                     "parent_activity": parents.get(r["parent"], "")})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- findings


def targets_table(board):
    """One row per programme target: :func:`parstats.analysis.scoreboard.target_verdicts`."""
    from parstats.analysis.scoreboard import target_verdicts

    return target_verdicts(board)


def key_findings(board=None):
    """The notebook's "Kết luận chính", every number computed from the scoreboard
    (:func:`parstats.analysis.scoreboard.scoreboard`, built from ``data/`` when omitted).

    Examples
    --------
    >>> k = key_findings()
    >>> k.sentences[0].endswith("chỉ tiêu 3 không có mục tiêu định lượng để đánh giá.")
    True
    """
    from parstats.analysis.prose import KeyFindings
    from parstats.analysis.scoreboard import (MET, NO_DATA, NO_TARGET, NOT_MET, scoreboard, sub_target_verdicts,
                                              target_verdicts, unchecked_met)

    board = scoreboard() if board is None else board
    tv = target_verdicts(board)
    n_met = int((tv["status"] == MET).sum())
    no_target = ", ".join(str(n) for n in tv.loc[tv["status"] == NO_TARGET, "target_no"])
    first = (f"Giữa nhiệm kỳ, chưa có chỉ tiêu chủ yếu nào trong {len(tv)} chỉ tiêu đạt đủ mọi chỉ tiêu con" if n_met == 0
             else f"{n_met} trên {len(tv)} chỉ tiêu chủ yếu đạt đủ mọi chỉ tiêu con")
    first += f"; chỉ tiêu {no_target} không có mục tiêu định lượng để đánh giá." if no_target else "."
    subs = sub_target_verdicts(board)
    subs = subs[subs["has_target"]]
    counts = {st: subs.loc[subs["status"] == st, "sub_id"].tolist() for st in (MET, NOT_MET, NO_DATA)}
    second = (f"Trong {len(subs)} chỉ tiêu con có mục tiêu định lượng, {len(counts[MET])} đạt "
              f"({', '.join(counts[MET])}), {len(counts[NOT_MET])} chưa đạt")
    second += f" và {len(counts[NO_DATA])} không có số liệu ({', '.join(counts[NO_DATA])})." if counts[NO_DATA] else "."
    sentences = [first, second]
    unchecked = unchecked_met(board)
    if unchecked and counts[MET]:
        every = "cả" if len(unchecked) == len(counts[MET]) else f"{len(unchecked)} trong"
        sentences[-1] = (sentences[-1][:-1] + f"; {every} {len(counts[MET])} chỉ tiêu con đạt ({', '.join(unchecked)}) "
                         "chỉ dựa vào tỷ lệ hoặc lời văn báo cáo nêu, không kèm số đếm để kiểm chứng.")
    parts = []
    rank = board[board["comparator"] == "rank_between"]
    if len(rank) >= 2:
        a, b = rank.iloc[0], rank.iloc[-1]
        parts.append(f"xếp hạng chỉ số cải cách hành chính từ thứ {a['actual_text']} ({a['period'].lower()}, "
                     f"{a['status'].lower()} mục tiêu {a['target']}) xuống thứ {b['actual_text']} "
                     f"({b['period'].lower()}, {b['status'].lower()})")
    sipas = board[board["sub_id"] == SIPAS_TARGET]
    if len(sipas):
        values = " và ".join(f"{r['actual_text']} ({r['period'].lower()})" for _, r in sipas.iterrows())
        where = "dưới" if not sipas["met"].any() else "so với"
        parts.append(f"mức độ hài lòng của người dân, doanh nghiệp đạt {values}, {where} mục tiêu "
                     f"{sipas['target'].iloc[0]}")
    if parts:
        text = "; ".join(parts)
        sentences.append(text[:1].upper() + text[1:] + ".")
    flagged = board[board["recomputed_text"] != ""]
    if len(flagged):
        items = "; ".join(f"{r['sub_id']}: báo cáo ghi {r['actual_text']}, tính lại {r['recomputed_text']}"
                          for _, r in flagged.iterrows())
        changed = int((flagged["verdict_changes"] == True).sum())  # noqa: E712
        sentences.append(f"{len(flagged)} số liệu dùng để đánh giá bị gắn cờ ({items}); "
                         + (f"{changed} làm đổi đánh giá." if changed else "không số liệu nào làm đổi đánh giá."))
    other = board[(board["measure_text"] != "") & (board["target"] != "")]
    for _, r in other.iterrows():
        sentences.append(f"Chỉ tiêu {r['sub_id']} tính theo {r['target_measure']} nhưng báo cáo nêu tỷ lệ "
                         f"{r['reported_measure']} ({r['actual_text']}); theo số {r['target_measure']} báo cáo nêu, "
                         f"tỷ lệ là {r['measure_text']}, giá trị dùng để đánh giá chỉ tiêu {r['sub_id']}.")
    return KeyFindings(tuple(sentences[:6]))


# --------------------------------------------------------------------------- figures


def chart_rows(board):
    """The rows the targets chart draws: every sub-target with a quantitative target, one row
    per period (a bar only where the value is a percentage; see :func:`chart_value`)."""
    return board[board["target_value"].notna()].reset_index(drop=True)


def chart_value(row):
    """The value a sub-target's bar shows, or None (no bar): the value on the target's own
    measure where the report answers with another (2e), else the recomputed value where the
    report's is flagged, else the value the scoreboard judges; only percentages.

    Examples
    --------
    >>> from parstats.analysis.scoreboard import scoreboard
    >>> b = scoreboard().set_index("sub_id")
    >>> str(chart_value(b.loc["5b"])), str(chart_value(b.loc["2e"]))
    ('6.46', '7.38')
    """
    if row["unit"] != "percent":
        return None
    for key in ("measure_value", "recomputed", "actual"):
        v = row.get(key)
        if v is not None and not (isinstance(v, float) and v != v):
            return v
    return None


def targets_chart_title(board) -> str:
    """The finding the targets chart shows, as its title: the counts of the index, from the
    same verdicts (:func:`parstats.analysis.scoreboard.sub_target_verdicts`).

    Examples
    --------
    >>> from parstats.analysis.scoreboard import scoreboard, scoreboard_summary
    >>> targets_chart_title(scoreboard()).startswith("Trong ")
    True
    """
    from parstats.analysis.scoreboard import MET, NO_DATA, NOT_MET, sub_target_verdicts

    subs = sub_target_verdicts(board)
    subs = subs[subs["has_target"]]
    n = {st: int((subs["status"] == st).sum()) for st in (MET, NOT_MET, NO_DATA)}
    return (f"Trong {len(subs)} chỉ tiêu con có mục tiêu định lượng: {n[MET]} đạt, {n[NOT_MET]} chưa đạt"
            + (f", {n[NO_DATA]} không có số liệu" if n[NO_DATA] else ""))


def targets_chart(board):
    """Every sub-target with a quantitative target against its target, one row per period.

    A percentage is a bar coloured met / not met, drawn at the value the verdict rests on (the
    target's own measure, else the recomputed value); the black tick is the target. Where the
    report's figure is flagged or answers another measure, that figure is drawn under the bar
    as a thin hatched bar (hatching means "reported and wrong" on every chart). A sub-target
    without a percentage (a rank, a verdict in words, no data) has no bar, only its words. The
    labels stand right of the bar, the target and the hatched bar, never over a marker; the
    title counts the sub-targets as the index does (:func:`targets_chart_title`).

    Parameters
    ----------
    board : pandas.DataFrame
        :func:`parstats.analysis.scoreboard.scoreboard`.

    Examples
    --------
    >>> from parstats.analysis.scoreboard import scoreboard
    >>> fig = targets_chart(scoreboard())
    >>> [t.get_text() for t in fig.axes[0].texts if "báo cáo ghi 6,91%" in t.get_text()]
    ['6,46% (tính lại; báo cáo ghi 6,91%)']
    """
    from matplotlib.lines import Line2D

    from parstats.analysis.plotting import flagged_patch, reported_wrong_bar
    from parstats.analysis.scoreboard import MET, NO_DATA, NOT_MET

    rows = chart_rows(board)
    fig, ax = new_figure(9.5, 0.42 * len(rows) + 1.9)
    hatched = False
    with style():
        names = [f"{r['sub_id']} · {r['period']}" for _, r in rows.iterrows()]
        y = list(range(len(rows)))[::-1]
        colours = {MET: MET_COLOUR, NOT_MET: NOT_MET_COLOUR}
        for yi, (_, r) in zip(y, rows.iterrows()):
            value = chart_value(r)
            ends = []
            if value is not None:
                ax.barh([yi], [coordinate(value)], color=colours.get(r["status"], PALETTE["grey"]), height=0.5)
                ends.append(coordinate(value))
            reported = r["actual"] if r["unit"] == "percent" and r["actual"] is not None else None
            wrong = bool(r["recomputed_text"]) or bool(r["measure_text"])
            if reported is not None and wrong:
                reported_wrong_bar(ax, yi - 0.33, 0, coordinate(reported), 0.14)
                ends.append(coordinate(reported))
                hatched = True
            if r["unit"] == "percent":
                ax.scatter([coordinate(r["target_value"])], [yi], marker="|", s=420, linewidths=2.5,
                           color=PALETTE["black"], zorder=3)
                ends.append(coordinate(r["target_value"]))
            if value is None:
                shown = f"hạng {r['actual_text']}" if r["unit"] == "rank" and r["actual_text"] else r["actual_text"]
                # two lines past a target marker, so that the words stay inside the chart
                sep = "\n" if ends and max(ends) >= 50 else " — "
                text = f"{shown or NO_DATA.lower()}{sep}mục tiêu {r['target']}"
                text += " (xem Hình 2)" if r["unit"] == "rank" else ""
                text += f": {r['status'].lower()}"
            elif r["measure_text"]:
                text = (f"{r['measure_text']} theo số {r['target_measure']}\n"
                        f"(báo cáo nêu {r['actual_text']} tính theo {r['reported_measure']})")
            elif r["recomputed_text"]:
                text = f"{r['recomputed_text']} (tính lại; báo cáo ghi {r['actual_text']})"
            else:
                text = r["actual_text"]
            ax.annotate(text, xy=(max(ends, default=0), yi), xytext=(7, 0), textcoords="offset points",
                        va="center", ha="left", fontsize=8, color=PALETTE["black"])
        ax.set_yticks(y, names)
        ax.set_xlim(0, 175)
        ax.set_ylim(-0.8, len(rows) - 0.4)
        ax.set_xticks(range(0, 101, 20))
        set_number_axis(ax.xaxis, decimals=0, percent=True)
        ax.set_xlabel("Kết quả thực hiện (%)")
        wrap_title(ax, targets_chart_title(board), 80)
        present = set(rows["status"])
        handles = legend_patches([(lab, col) for lab, col in ((MET, MET_COLOUR), (NOT_MET, NOT_MET_COLOUR))
                                  if lab in present])
        if hatched:
            handles.append(flagged_patch())
        handles.append(Line2D([], [], marker="|", linestyle="none", markersize=12, markeredgewidth=2.5,
                              color=PALETTE["black"], label="Mục tiêu"))
        # below the axis: no row of the chart is covered, whatever its label's length
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.07), ncol=len(handles),
                  fontsize=8)
        ax.grid(axis="y", visible=False)
        ax.spines["bottom"].set_bounds(0, 100)
    add_source(fig)
    return fig


def _years(frame) -> list[int]:
    return sorted({int(y) for y in frame["year"]})


def par_sipas_chart(par, board):
    """PAR INDEX rank (with the target band), the PAR INDEX score, and the SIPAS score against
    its target, by year: three panels, the SIPAS target drawn only on the SIPAS panel.

    Parameters
    ----------
    par : pandas.DataFrame
        :func:`par_sipas_table`.
    board : pandas.DataFrame
        :func:`parstats.analysis.scoreboard.scoreboard`: the rank band is its ``rank_between``
        target, the SIPAS line its :data:`SIPAS_TARGET`.

    Examples
    --------
    >>> from parstats import data
    >>> from parstats.analysis.scoreboard import scoreboard
    >>> fig = par_sipas_chart(par_sipas_table(data.load("par_index_sipas")), scoreboard())
    >>> [ax.get_title("left") for ax in fig.axes]
    ['Xếp hạng PAR INDEX:\\ntừ 4/11 xuống 8/11', 'Điểm PAR INDEX:\\ntừ 84,11% xuống 78,93%', 'SIPAS: 88,08% năm 2022,\\ndưới mục tiêu 90%']
    >>> [len(ax.lines) for ax in fig.axes]
    [1, 1, 2]
    """
    fig, (left, middle, right) = new_figure(10.5, 4.3, ncols=3)
    with style():
        rank = par[(par["index_key"] == "PAR_INDEX") & par["rank"].notna()]
        band = board[board["comparator"] == "rank_between"]
        if len(band):
            lo, hi = int(band["target_value"].iloc[0]), int(band["target_upper"].iloc[0])
            left.axhspan(lo - 0.5, hi + 0.5, color=PALETTE["sky"], alpha=0.25, label=f"Mục tiêu: hạng {lo} đến {hi}")
        years = [int(y) for y in rank["year"]]
        left.plot(years, [int(r) for r in rank["rank"]], marker="o", color=PALETTE["blue"], label="Xếp hạng")
        for x, (_, r) in zip(years, rank.iterrows()):
            left.annotate(r["rank_text"], (x, int(r["rank"])), textcoords="offset points", xytext=(8, 0), va="center",
                          fontsize=8)
        out_of = int(rank["out_of"].max())
        left.set_ylim(out_of + 0.5, 0.5)
        left.set_yticks(range(1, out_of + 1))
        left.set_xticks(_years(rank), [str(y) for y in _years(rank)])
        left.set_xlim(min(years) - 0.5, max(years) + 0.5)
        left.set_ylabel("Thứ hạng (1 là cao nhất)")
        left.set_title(f"Xếp hạng PAR INDEX:\ntừ {rank['rank_text'].iloc[0]} xuống {rank['rank_text'].iloc[-1]}"
                       if int(rank["rank"].iloc[-1]) > int(rank["rank"].iloc[0]) else
                       f"Xếp hạng PAR INDEX:\n{rank['rank_text'].iloc[-1]} năm {years[-1]}")
        left.legend(loc="lower left", fontsize=8)
        sipas_target = board[board["sub_id"] == SIPAS_TARGET]
        for ax, key, colour in ((middle, "PAR_INDEX", PALETTE["blue"]), (right, "SIPAS", PALETTE["orange"])):
            grp = par[par["index_key"] == key]
            xs = [int(y) for y in grp["year"]]
            ax.plot(xs, [coordinate(v) for v in grp["score"]], marker="o", color=colour, label="Điểm")
            # SIPAS's scores stand under their points: above them runs the target line
            below = key == "SIPAS" and len(sipas_target) > 0
            for x, (_, r) in zip(xs, grp.iterrows()):
                ax.annotate(r["score_text"], (x, coordinate(r["score"])), textcoords="offset points",
                            xytext=(0, -9 if below else 7), ha="center", va="top" if below else "baseline",
                            fontsize=8)
            ax.set_xticks(_years(grp), [str(y) for y in _years(grp)])
            ax.set_xlim(min(xs) - 0.5, max(xs) + 0.5)
            ax.set_ylim(70, 100)
            set_number_axis(ax.yaxis, decimals=0, percent=True)
            first, last = grp.iloc[0], grp.iloc[-1]
            trend = "xuống" if last["score"] < first["score"] else "lên"
            ax.set_title(f"Điểm PAR INDEX:\ntừ {first['score_text']} {trend} {last['score_text']}" if key == "PAR_INDEX"
                         else "SIPAS")
        if len(sipas_target):
            t = sipas_target.iloc[0]
            right.axhline(coordinate(t["target_value"]), color=PALETTE["vermillion"], linestyle="--", linewidth=1,
                          label=f"Mục tiêu: {t['target']}")
            last = par[par["index_key"] == "SIPAS"].iloc[-1]
            below = "dưới" if last["score"] < t["target_value"] else "đạt"
            right.set_title(f"SIPAS: {last['score_text']} năm {int(last['year'])},\n{below} mục tiêu "
                            f"{format_value(t['target_value'], 'percent')}")
            right.legend(loc="lower right", fontsize=8)
        else:
            right.set_title("SIPAS")
    add_source(fig)
    return fig
