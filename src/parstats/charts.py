"""The figures of the thematic notebooks, drawn from the tables of :mod:`parstats.themes`.

Each function takes a computed table and returns a :class:`matplotlib.figure.Figure` in the
house style (:mod:`parstats.plotting`), with Vietnamese labels, decimal commas, and the
source line; the notebook saves it with :func:`parstats.plotting.save_figure`. Floats
appear only here, as plotting coordinates; every printed number goes through
:mod:`parstats.numbers`.

The audit's figure (:func:`reported_vs_recomputed_chart`) takes a
:class:`parstats.audit.AuditReport` instead.

Examples
--------
>>> from parstats import data, themes
>>> fig = dossier_share_chart(themes.dossier_shares(data.load("dossiers")))
>>> fig.axes[0].get_ylabel()
'Tỷ lệ hồ sơ tiếp nhận trực tuyến'
"""
from __future__ import annotations

from decimal import Decimal

from parstats.analysis.plotting import (
    MET_COLOUR,
    NOT_MET_COLOUR,
    PALETTE,
    SEQUENCE,
    add_source,
    new_figure,
    set_number_axis,
    style,
)

__all__ = [
    "catalogue_chart",
    "dossier_share_chart",
    "downsizing_progress_chart",
    "par_sipas_chart",
    "qualification_mix_chart",
    "reported_vs_recomputed_chart",
    "targets_chart",
    "units_over_time_chart",
]


def _f(value) -> float:
    return float(Decimal(value))


def _pct(value, places: int = 2) -> str:
    from parstats.numbers import format_percent

    return format_percent(Decimal(value), places)


def _legend_patches(items):
    from matplotlib.patches import Patch

    return [Patch(facecolor=c, label=lab) for lab, c in items]


def targets_chart(board):
    """Actual against target for every percentage sub-target with an actual value.

    Bars are coloured met / not met; the black tick is the target.
    """
    from parstats.analysis.scoreboard import MET

    rows = board[board["actual"].notna() & board["target"].str.contains("%")].reset_index(drop=True)
    fig, ax = new_figure(8, 0.42 * len(rows) + 1.6)
    with style():
        names = [f"{r['sub_id']} · {r['period']}" for _, r in rows.iterrows()]
        y = list(range(len(rows)))[::-1]
        colours = [MET_COLOUR if s == MET else NOT_MET_COLOUR for s in rows["status"]]
        ax.barh(y, [_f(v) for v in rows["actual"]], color=colours, height=0.6)
        targets = [_f(t) for t in rows["target_value"]]
        ax.scatter(targets, y, marker="|", s=260, linewidths=2.5, color=PALETTE["black"], zorder=3)
        for yi, (_, r) in zip(y, rows.iterrows()):
            ax.text(max(_f(r["actual"]), _f(r["target_value"])) + 1.5, yi, r["actual_text"], va="center", fontsize=8)
        ax.set_yticks(y, names)
        ax.set_xlim(0, 110)
        set_number_axis(ax.xaxis, decimals=0, percent=True)
        ax.set_xlabel("Kết quả thực hiện (%)")
        ax.set_title("Chỉ tiêu và kết quả thực hiện")
        handles = _legend_patches([("Đạt", MET_COLOUR), ("Chưa đạt", NOT_MET_COLOUR)])
        from matplotlib.lines import Line2D

        handles.append(Line2D([], [], marker="|", linestyle="none", markersize=12, markeredgewidth=2.5,
                              color=PALETTE["black"], label="Chỉ tiêu"))
        ax.legend(handles=handles, loc="lower right", fontsize=8)
        ax.grid(axis="y", visible=False)
    add_source(fig)
    return fig


def par_sipas_chart(par, board):
    """PAR INDEX rank (with the target band) and the PAR INDEX / SIPAS scores by year."""
    fig, (left, right) = new_figure(8.5, 3.8, ncols=2)
    with style():
        rank = par[(par["index_key"] == "PAR_INDEX") & par["rank"].notna()]
        band = board[board["target"].str.startswith("hạng")]
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
            right.plot(xs, [_f(s) for s in grp["score"]], marker="o", color=PALETTE[SEQUENCE[i]],
                       label=grp["index"].iloc[0].split("(")[-1].rstrip(")"))
            for x, (_, r) in zip(xs, grp.iterrows()):
                right.annotate(r["score_text"], (x, _f(r["score"])), textcoords="offset points",
                               xytext=(0, 7 if i == 0 else -14), ha="center", fontsize=8)
        sipas_target = board[board["id"].str.startswith("2a")]
        if len(sipas_target):
            t = sipas_target["target"].iloc[0]
            value = _f(sipas_target["target_value"].iloc[0])
            right.axhline(value, color=PALETTE["vermillion"], linestyle="--", linewidth=1,
                          label=f"Chỉ tiêu SIPAS: {t}")
        all_years = sorted({int(y) for y in par["year"]})
        right.set_xticks(all_years, [str(y) for y in all_years])
        right.set_xlim(min(all_years) - 0.5, max(all_years) + 0.5)
        right.set_ylim(70, 100)
        set_number_axis(right.yaxis, decimals=0, percent=True)
        right.set_title("Điểm PAR INDEX và SIPAS")
        right.legend(loc="lower right", fontsize=8)
    add_source(fig)
    return fig


def qualification_mix_chart(mix, title: str):
    """100% stacked bars: the share of each qualification band in each staff group."""
    fig, ax = new_figure(8, 0.7 * mix["group"].nunique() + 1.8)
    with style():
        groups = list(dict.fromkeys(mix["group"]))
        bands = list(dict.fromkeys(mix["band"]))
        colours = {b: PALETTE[SEQUENCE[i]] if "không nêu" not in b else "#DDDDDD" for i, b in enumerate(bands)}
        y = list(range(len(groups)))[::-1]
        left = [0.0] * len(groups)
        for band in bands:
            widths = []
            for g in groups:
                row = mix[(mix["group"] == g) & (mix["band"] == band)]
                widths.append(_f(row["share"].iloc[0]) if len(row) else 0.0)
            ax.barh(y, widths, left=left, color=colours[band], label=band, height=0.6)
            for yi, lft, w, g in zip(y, left, widths, groups):
                if w >= 6:
                    from parstats.numbers import format_number

                    row = mix[(mix["group"] == g) & (mix["band"] == band)].iloc[0]
                    ax.text(lft + w / 2, yi, f"{_pct(row['share'], 1)}\n({format_number(int(row['count']))})", ha="center",
                            va="center", fontsize=7.5, color="white" if "không nêu" not in band else "black")
            left = [a + b for a, b in zip(left, widths)]
        from parstats.numbers import format_number

        labels = [f"{g}\n({format_number(int(mix[mix['group'] == g]['total'].iloc[0]))} người)" for g in groups]
        ax.set_yticks(y, labels)
        ax.set_xlim(0, 100)
        set_number_axis(ax.xaxis, decimals=0, percent=True)
        ax.set_title(title)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=len(bands), fontsize=8)
        ax.grid(axis="y", visible=False)
    add_source(fig, note="Tỷ lệ tính lại từ số người báo cáo nêu (làm tròn một chữ số thập phân).")
    return fig


def dossier_share_chart(shares):
    """Share of dossiers received online, by period (bars) and level (colours)."""
    fig, ax = new_figure(8, 4.2)
    with style():
        levels = [lv for lv in dict.fromkeys(shares["level_key"]) if lv != "tong"]
        periods = list(dict.fromkeys(p for p in shares["period_key"] if "/" not in p))
        periods += [p for p in dict.fromkeys(shares["period_key"]) if "/" in p]
        width = 0.8 / max(1, len(levels))
        for i, lv in enumerate(levels):
            sub = shares[shares["level_key"] == lv].set_index("period_key")
            xs, hs, labels = [], [], []
            for j, p in enumerate(periods):
                if p in sub.index:
                    xs.append(j + (i - (len(levels) - 1) / 2) * width)
                    hs.append(_f(sub.loc[p, "reported"] if sub.loc[p, "reported"] is not None else sub.loc[p, "recomputed"]))
                    labels.append(sub.loc[p, "reported_text"] or _pct(sub.loc[p, "recomputed"]))
            ax.bar(xs, hs, width=width * 0.95, color=PALETTE[SEQUENCE[i]], label=sub["level"].iloc[0])
            for x, h, lab in zip(xs, hs, labels):
                ax.text(x, h + 0.3, lab, ha="center", va="bottom", fontsize=7.5)
        names = dict(zip(shares["period_key"], shares["period"]))
        ax.set_xticks(range(len(periods)), [names[p].replace(" đến ", "\nđến ") for p in periods])
        set_number_axis(ax.yaxis, percent=True)
        ax.set_ylabel("Tỷ lệ hồ sơ tiếp nhận trực tuyến")
        ax.set_title("Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến theo cấp và kỳ")
        ax.legend(loc="upper left", fontsize=8)
        ax.grid(axis="x", visible=False)
    add_source(fig, note="Tỷ lệ theo báo cáo (chú thích 5); số hồ sơ trực tuyến / tổng số hồ sơ tiếp nhận.")
    return fig


def catalogue_chart(cat):
    """The procedure catalogue: procedures with the service (dark) against all of that kind (light)."""
    rows = cat[cat["count"].notna() & cat["total"].notna()].reset_index(drop=True)
    fig, ax = new_figure(8, 0.55 * len(rows) + 1.6)
    with style():
        y = list(range(len(rows)))[::-1]
        ax.barh(y, [int(t) for t in rows["total"]], color="#DDDDDD", height=0.6, label="Tổng số thủ tục")
        ax.barh(y, [int(c) for c in rows["count"]], color=PALETTE["blue"], height=0.6,
                label="Có dịch vụ công trực tuyến / được tích hợp")
        from parstats.numbers import format_number

        for yi, (_, r) in zip(y, rows.iterrows()):
            ax.text(int(r["total"]) + 3, yi,
                    f"{format_number(int(r['count']))}/{format_number(int(r['total']))} ({_pct(r['recomputed'])})",
                    va="center", fontsize=8)
        names = [r["service_kind"] if r["measure"].lower() == r["service_kind"].lower()
                 else f"{r['service_kind']}\n{r['measure'].lower()}" for _, r in rows.iterrows()]
        ax.set_yticks(y, names, fontsize=8)
        ax.set_xlim(0, max(int(t) for t in rows["total"]) * 1.3)
        set_number_axis(ax.xaxis, decimals=0)
        ax.set_xlabel("Số thủ tục hành chính")
        ax.set_title("Danh mục thủ tục hành chính cung cấp dịch vụ công trực tuyến")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, fontsize=8)
        ax.grid(axis="y", visible=False)
    add_source(fig, note="Tỷ lệ trong ngoặc do parstats tính từ số thủ tục báo cáo nêu.")
    return fig


def downsizing_progress_chart(progress):
    """Each downsizing measure against its 10% target (chỉ tiêu 5)."""
    fig, ax = new_figure(8, 0.55 * len(progress) + 1.7)
    with style():
        y = list(range(len(progress)))[::-1]
        colours = [MET_COLOUR if m else NOT_MET_COLOUR for m in progress["met"]]
        ax.barh(y, [_f(v) for v in progress["value"]], color=colours, height=0.55)
        targets = [t for t in progress["target"] if t is not None]
        if targets:
            ax.axvline(_f(targets[0]), color=PALETTE["black"], linestyle="--", linewidth=1.2)
            ax.text(_f(targets[0]), len(progress) - 0.45, f" Chỉ tiêu: giảm tối thiểu {_pct(targets[0], 0)}",
                    fontsize=8, va="bottom")
        for yi, (_, r) in zip(y, progress.iterrows()):
            ax.text(_f(r["value"]) + 0.15, yi, r["value_text"], va="center", fontsize=8)
        import textwrap

        ax.set_yticks(y, ["\n".join(textwrap.wrap(w, 48)) for w in progress["what"]], fontsize=8)
        top = max([_f(v) for v in progress["value"]] + [_f(t) for t in targets])
        ax.set_xlim(0, top * 1.2)
        ax.set_ylim(-0.6, len(progress) + 0.2)
        set_number_axis(ax.xaxis, decimals=0, percent=True)
        ax.set_title("Tinh giản biên chế và giảm đơn vị sự nghiệp so với chỉ tiêu")
        ax.legend(handles=_legend_patches([("Đạt", MET_COLOUR), ("Chưa đạt", NOT_MET_COLOUR)]), loc="lower right",
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


def reported_vs_recomputed_chart(report):
    """Every checked percentage of an audit: reported (x) against recomputed (y).

    Consistent claims sit on the diagonal; each inconsistent one is labelled with its line.
    The left panel shows 0–100%, the right one zooms in on 0–25%.

    Parameters
    ----------
    report : parstats.audit.AuditReport
        The audit (:func:`parstats.audit.audit_path`).

    Returns
    -------
    matplotlib.figure.Figure
        Not tracked by pyplot.

    Examples
    --------
    >>> from parstats.audit import audit_text
    >>> fig = reported_vs_recomputed_chart(audit_text("Có 27 người, tỷ lệ 13,70% trên tổng số 197 người."))
    >>> [t.get_text() for t in fig.axes[1].texts]
    ['dòng 1']
    """
    from parstats.numbers import parse_percent

    pts = []
    for f in report.findings:
        c = f.claim
        if c.kind in ("ratio", "change") and c.reported and f.recomputed:
            pts.append((_f(parse_percent(c.reported).value), _f(parse_percent(f.recomputed).value), f))
    fig, (ax, zoom) = new_figure(9.5, 4.4, ncols=2, gridspec_kw={"width_ratios": [1.15, 1]})
    with style():
        for axis, lim in ((ax, 100), (zoom, 25)):
            axis.plot([0, lim], [0, lim], color="#999999", lw=0.8, zorder=1)
            for status, colour, marker, label in (
                    ("consistent", PALETTE["blue"], "o", "Nhất quán"),
                    ("inconsistent", PALETTE["vermillion"], "D", "Không nhất quán")):
                sel = [(x, y) for x, y, f in pts if f.status == status and x <= lim and y <= lim]
                if sel:
                    axis.scatter([x for x, _ in sel], [y for _, y in sel], s=28, color=colour,
                                 marker=marker, label=label, zorder=3)
            for x, y, f in pts:
                if f.status == "inconsistent" and x <= lim and y <= lim and (lim == 25 or x > 25):
                    axis.annotate(f"dòng {f.claim.line}", (x, y),
                                  xytext=(5, -9) if x < lim * 0.9 else (-40, -12), textcoords="offset points",
                                  fontsize=7.5, color=PALETTE["vermillion"])
            axis.set_xlim(0, lim)
            axis.set_ylim(0, lim)
            set_number_axis(axis.xaxis, decimals=0, percent=True)
            set_number_axis(axis.yaxis, decimals=0, percent=True)
            axis.set_xlabel("Tỷ lệ báo cáo ghi")
        ax.set_ylabel("Tỷ lệ tính lại từ số liệu")
        ax.set_title("Tất cả tỷ lệ kiểm tra được")
        zoom.set_title("Phóng to: 0–25%")
        ax.legend(loc="upper left", frameon=False)
    add_source(fig, note="Đường chéo: tỷ lệ báo cáo ghi bằng tỷ lệ tính lại (làm tròn nửa lên ở độ "
                         "chính xác báo cáo dùng).")
    return fig
