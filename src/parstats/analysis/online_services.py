"""Notebook 03, online public services: dossiers received online, the procedure catalogue, digitisation.

Nothing here knows how many years or levels there are: a new period or level in ``data/`` is
a new row of these tables and a new bar of the figures.

Examples
--------
>>> from parstats import data
>>> t = dossier_shares(data.load("dossiers"))
>>> row = t.set_index("id").loc["huyen-2022"]
>>> row["reported_text"], row["recomputed"], row["status_vi"]
('5,68%', Decimal('5.65'), 'không nhất quán')
"""
from __future__ import annotations

from parstats.analysis.labels import label, period_label, title, year_range
from parstats.analysis.plotting import PALETTE, SEQUENCE, add_source, coordinate, new_figure, percent_label, \
    set_number_axis, style
from parstats.analysis.shares import parts_columns, reproduction_columns, share_columns, share_rows
from parstats.analysis.tables import Column as C

__all__ = ["COLUMNS", "DATA_TABLES", "FIGURES", "catalogue_chart", "catalogue_parts", "catalogue_shares",
           "digital_shares", "dossier_parts", "dossier_share_chart", "dossier_shares"]

#: The curated tables the notebook shows in full.
DATA_TABLES = ("procedures_online", "dossiers", "digital_indicators")

#: Display specs of the notebook's tables.
COLUMNS = {
    "dossier_shares": share_columns(C("level", "Cấp"), C("period", "Kỳ"), count="Hồ sơ trực tuyến",
                                    total="Tổng số hồ sơ"),
    "dossier_parts": parts_columns(),
    "catalogue_shares": share_columns(C("service_kind", "Loại dịch vụ"), C("measure", "Nội dung"),
                                      C("period", "Kỳ"), count="Số thủ tục", total="Tổng số thủ tục"),
    "catalogue_parts": parts_columns(),
    "digital_shares": share_columns(C("indicator", "Chỉ số"), C("level", "Cấp"), C("period", "Kỳ"),
                                    C("qualifier", "Ghi chú")),
    "reproduction": reproduction_columns(),
}

#: The figures the notebook saves: ``figures/03-online-services-SUFFIX.svg`` -> (title, caption).
FIGURES = {
    "dossiers-online-share": (
        "Hồ sơ tiếp nhận trực tuyến",
        "Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến theo cấp (cấp huyện, cấp xã) và theo kỳ."),
    "procedure-catalogue": (
        "Danh mục thủ tục hành chính",
        "Số thủ tục hành chính được cung cấp dịch vụ công trực tuyến hoặc được tích hợp trên Cổng dịch vụ công "
        "của tỉnh, so với tổng số thủ tục của từng loại dịch vụ."),
}


def _coded(table: str, *columns: str):
    """A row -> {column: label, column_key: code} function for :func:`share_rows`."""
    def extra(r) -> dict:
        out = {}
        for c in columns:
            out[f"{c}_key"] = r[c]
            out[c] = label(table, c, r[c])
        return out
    return extra


def dossier_shares(df):
    """Online share of dossiers received, by level and period: reported against recomputed."""
    return share_rows(df, "online", "total", _coded("dossiers", "level", "period"))


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
        span = year_range(whole["period"])
        parts = df[(df["level"] == whole["level"]) & ~df["period"].str.contains("/")]
        parts = parts[[span[0] <= year_range(p)[0] <= span[1] for p in parts["period"]]] if len(parts) else parts
        if len(parts) == 0:
            continue
        rows += _parts_rows(f"{label('dossiers', 'level', whole['level'])}: các kỳ cộng lại", parts, whole)
    for period, grp in df.groupby("period", sort=False):
        tong = grp[grp["level"] == "tong"]
        parts = grp[grp["level"] != "tong"]
        if len(tong) == 1 and len(parts) > 0:
            rows += _parts_rows(f"{period_label(period)}: các cấp cộng lại", parts, tong.iloc[0])
    return pd.DataFrame(rows)


def _parts_rows(what, parts, whole, table: str = "dossiers", columns=("online", "total")) -> list[dict]:
    out = []
    for col in columns:
        values = [int(v) for v in parts[col]]
        out.append({"what": what, "measure": title(table, col), "parts": " + ".join(str(v) for v in values),
                    "parts_sum": sum(values), "stated": int(whole[col]), "difference": sum(values) - int(whole[col]),
                    "ids": ", ".join([*parts["id"], whole["id"]])})
    return out


def catalogue_shares(df):
    """The procedure catalogue: online (or integrated) against total, by kind of service."""
    return share_rows(df, "count", "total", _coded("procedures_online", "service_kind", "measure", "period"))


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
        what = f"{label('procedures_online', 'period', w['period'])}: các loại dịch vụ cộng lại"
        rows += _parts_rows(what, p, w, "procedures_online", ("count", "total"))
    return pd.DataFrame(rows)


def digital_shares(df):
    """Digitisation and online-processing indicators: reported against recomputed where counts exist."""
    return share_rows(df, "count", "total", _coded("digital_indicators", "indicator", "level", "period", "qualifier"))


# --------------------------------------------------------------------------- figures


def dossier_share_chart(shares):
    """Share of dossiers received online, by period (bars) and level (colours).

    Examples
    --------
    >>> from parstats import data
    >>> fig = dossier_share_chart(dossier_shares(data.load("dossiers")))
    >>> fig.axes[0].get_ylabel()
    'Tỷ lệ hồ sơ tiếp nhận trực tuyến'
    """
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
                    reported = sub.loc[p, "reported"]
                    hs.append(coordinate(reported if reported is not None else sub.loc[p, "recomputed"]))
                    labels.append(sub.loc[p, "reported_text"] or percent_label(sub.loc[p, "recomputed"]))
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
    from parstats.numbers import format_number

    rows = cat[cat["count"].notna() & cat["total"].notna()].reset_index(drop=True)
    fig, ax = new_figure(8, 0.55 * len(rows) + 1.6)
    with style():
        y = list(range(len(rows)))[::-1]
        ax.barh(y, [int(t) for t in rows["total"]], color="#DDDDDD", height=0.6, label="Tổng số thủ tục")
        ax.barh(y, [int(c) for c in rows["count"]], color=PALETTE["blue"], height=0.6,
                label="Có dịch vụ công trực tuyến / được tích hợp")
        for yi, (_, r) in zip(y, rows.iterrows()):
            ax.text(int(r["total"]) + 3, yi,
                    f"{format_number(int(r['count']))}/{format_number(int(r['total']))} "
                    f"({percent_label(r['recomputed'])})", va="center", fontsize=8)
        # a kind whose measure is the kind itself ("còn lại") is named once
        names = [r["service_kind"] if r["measure_key"] == r["service_kind_key"]
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
