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

from decimal import Decimal

from parstats.analysis.labels import label, period_label, title, year_range
from parstats.analysis.plotting import PALETTE, SEQUENCE, add_source, bar_value_labels, coordinate, flag_note, \
    flagged_patch, legend_patches, mark_flagged, new_figure, percent_label, set_number_axis, style, wrap_title
from parstats.analysis.prose import KeyFindings
from parstats.analysis.shares import INCONSISTENT, parts_columns, reproduction_columns, share_columns, share_rows
from parstats.analysis.tables import Column as C

__all__ = ["COLUMNS", "DATA_TABLES", "FIGURES", "catalogue_chart", "catalogue_parts", "catalogue_shares",
           "digital_shares", "dossier_parts", "dossier_share_chart", "dossier_shares", "key_findings", "span_label"]

#: Sub-targets (``sub_id`` of ``data/targets.csv``): online dossiers, authenticated transactions.
DOSSIER_TARGET, AUTH_TARGET = "2e", "6a"
#: Indicator code of authenticated transactions, and of procedures settled online (the report's answer to 2e).
AUTH_INDICATOR, PROCEDURES_SETTLED = "giao_dich_xac_thuc_dien_tu", "tthc_giai_quyet_truc_tuyen"

#: The curated tables the notebook shows in full.
DATA_TABLES = ("procedures_online", "dossiers", "digital_indicators")

#: Display specs of the notebook's tables.
COLUMNS = {
    "dossier_shares": share_columns(C("level", "Cấp"), C("period", "Kỳ"), C("span", "Thời gian thực tế"),
                                    count="Hồ sơ trực tuyến", total="Tổng số hồ sơ"),
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
        "Tỷ lệ hồ sơ tiếp nhận trực tuyến theo kỳ và cả giai đoạn",
        "Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến theo cấp và theo từng kỳ, mỗi kỳ ghi đúng thời "
        "gian thực tế, bên cạnh cả giai đoạn so với chỉ tiêu 2e, trong đó tỷ lệ báo cáo ghi sai được gạch chéo."),
    "procedure-catalogue": (
        "Thủ tục hành chính cung cấp dịch vụ công trực tuyến",
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


def _dates(code: str):
    """First and last day a period code covers (a year, a half-year, a date, ``start/end``), or None."""
    import datetime as dt
    import re

    if "/" in code:
        start, end = code.split("/", 1)
        a, b = _dates(start), _dates(end)
        return None if a is None or b is None else (a[0], b[1])
    if re.fullmatch(r"\d{4}", code):
        return dt.date(int(code), 1, 1), dt.date(int(code), 12, 31)
    m = re.fullmatch(r"(\d{4})-H([12])", code)
    if m:
        y, h = int(m.group(1)), int(m.group(2))
        return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", code)
    if m:
        d = dt.date(*map(int, m.groups()))
        return d, d
    return None


def span_label(code: str, within=()) -> str:
    """The true span of a period inside the whole periods ``within`` it belongs to, or ``""``.

    A year of footnote 5 that the whole period only partly covers is not a year: "Năm 2021"
    of the period from 01/09/2021 is 01/09–31/12/2021.

    Examples
    --------
    >>> span_label("2021", ["2021-09-01/2023-06-30"]), span_label("2022", ["2021-09-01/2023-06-30"])
    ('01/09/2021–31/12/2021', '01/01/2022–31/12/2022')
    >>> span_label("2023-H1", ["2021-09-01/2023-06-30"]), span_label("den_nay")
    ('01/01/2023–30/06/2023', '')
    """
    own = _dates(code)
    if own is None:
        return ""
    start, end = own
    for whole in within:
        span = _dates(whole)
        if span and span[0] <= end and start <= span[1]:
            start, end = max(start, span[0]), min(end, span[1])
    return f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"


def dossier_shares(df):
    """Online share of dossiers received, by level and period: reported against recomputed.

    ``span`` is each period's true span (:func:`span_label`) within the whole period of the
    footnote.

    Examples
    --------
    >>> from parstats import data
    >>> dossier_shares(data.load("dossiers")).set_index("id").loc["xa-2021", "span"]
    '01/09/2021–31/12/2021'
    """
    out = share_rows(df, "online", "total", _coded("dossiers", "level", "period"))
    wholes = [p for p in dict.fromkeys(out["period_key"]) if "/" in p]
    out["span"] = [span_label(p, wholes) for p in out["period_key"]]
    return out


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
    from parstats.numbers import format_number

    out = []
    for col in columns:
        values = [int(v) for v in parts[col]]
        out.append({"what": what, "measure": title(table, col), "parts": " + ".join(format_number(v) for v in values),
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


def _target(targets, sub_id):
    """The row of ``targets`` for a sub-target, or None."""
    if targets is None:
        return None
    rows = targets[targets["sub_id"] == sub_id]
    return rows.iloc[0] if len(rows) else None


def _shown(r) -> str:
    return r["reported_text"] or percent_label(r["recomputed"])


def dossier_title(shares, targets=None) -> str:
    """The finding of the dossier chart: the whole period against the target, and the largest rise.

    Examples
    --------
    >>> from parstats import data
    >>> dossier_title(dossier_shares(data.load("dossiers")), data.load("targets"))
    'Cả giai đoạn 01/09/2021–30/06/2023 chỉ 7,38% hồ sơ được tiếp nhận trực tuyến (chỉ tiêu 2e: tối thiểu 50%); cấp xã tăng từ 1,14% lên 20,51%'
    """
    whole = shares[shares["period_key"].str.contains("/")]
    total = whole[whole["level_key"] == "tong"]
    parts = []
    if len(total):
        r = total.iloc[0]
        span = _dates(r["period_key"])
        text = f"Cả giai đoạn {span[0]:%d/%m/%Y}–{span[1]:%d/%m/%Y} chỉ {_shown(r)} hồ sơ được tiếp nhận trực tuyến"
        t = _target(targets, DOSSIER_TARGET)
        if t is not None:
            text += f" (chỉ tiêu {t['sub_id']}: tối thiểu {percent_label(t['target_value'], 0)})"
        parts.append(text)
    single = shares[~shares["period_key"].str.contains("/") & (shares["level_key"] != "tong")]
    rises = []
    for lv, grp in single.groupby("level_key", sort=False):
        first, last = grp.iloc[0], grp.iloc[-1]
        rises.append((last["recomputed"] - first["recomputed"], first, last))
    if rises:
        rise, first, last = max(rises, key=lambda x: x[0])
        verb = "tăng" if rise > 0 else "giảm"
        parts.append(f"{first['level'][:1].lower()}{first['level'][1:]} {verb} từ {_shown(first)} lên {_shown(last)}"
                     if rise > 0 else f"{first['level'].lower()} {verb} từ {_shown(first)} xuống {_shown(last)}")
    return "; ".join(parts) if parts else "Tỷ lệ hồ sơ tiếp nhận trực tuyến"


def dossier_share_chart(shares, targets=None):
    """Share of dossiers received online: the periods of footnote 5 (left), the whole period (right).

    Periods are labelled by their true span (:func:`span_label`); the whole period is its own
    panel, never a further period; a figure the audit flags is hatched with its recomputed value
    in the note; the target of chỉ tiêu 2e (from ``targets``, when given) is drawn on the whole
    period's panel only, the one it applies to.

    Examples
    --------
    >>> from parstats import data
    >>> fig = dossier_share_chart(dossier_shares(data.load("dossiers")))
    >>> fig.axes[0].get_ylabel()
    'Tỷ lệ hồ sơ tiếp nhận trực tuyến'
    >>> [t.get_text().splitlines() for t in fig.axes[0].get_xticklabels()][0]
    ['Năm 2021', '(01/09/2021–31/12/2021)']
    """
    single = [p for p in dict.fromkeys(shares["period_key"]) if "/" not in p]
    wholes = [p for p in dict.fromkeys(shares["period_key"]) if "/" in p]
    levels = [lv for lv in dict.fromkeys(shares["level_key"]) if lv != "tong"]
    total_levels = levels + [lv for lv in dict.fromkeys(shares["level_key"]) if lv == "tong"]
    colours = {lv: PALETTE[SEQUENCE[i]] for i, lv in enumerate(levels)}
    colours.setdefault("tong", PALETTE["grey"])
    names = dict(zip(shares["level_key"], shares["level"]))
    target = _target(targets, DOSSIER_TARGET)
    fig, axes = new_figure(9, 4.8, ncols=2, sharey=True, gridspec_kw={"width_ratios": [max(1, len(single)), 1.3]})
    flagged, drawn_levels = [], []
    with style():
        for ax, periods, lvls in ((axes[0], single, levels), (axes[1], wholes, total_levels)):
            width = 0.8 / max(1, len(lvls))
            for i, lv in enumerate(lvls):
                sub = shares[shares["level_key"] == lv].set_index("period_key")
                xs, rows = [], []
                for j, p in enumerate(periods):
                    if p in sub.index:
                        xs.append(j + (i - (len(lvls) - 1) / 2) * width)
                        rows.append(sub.loc[p])
                if not rows:
                    continue
                heights = [coordinate(r["reported"] if r["reported"] is not None else r["recomputed"]) for r in rows]
                bars = ax.bar(xs, heights, width=width * 0.92, color=colours[lv],
                              label=names[lv] if lv not in drawn_levels else None)
                drawn_levels.append(lv)
                bar_value_labels(ax, bars, [_shown(r) for r in rows], fontsize=7.5)
                for bar, r in zip(bars, rows):
                    if r["status"] == INCONSISTENT:
                        mark_flagged(bar)
                        flagged.append((f"{r['level'].lower()}, {r['period'].lower()}", r["reported_text"],
                                        r["recomputed_text"], f"{int(r['count']):,}/{int(r['total']):,}"
                                        .replace(",", ".")))
            ax.grid(axis="x", visible=False)
        period_names = dict(zip(shares["period_key"], shares["period"]))
        spans = dict(zip(shares["period_key"], shares["span"])) if "span" in shares else {}
        # a period's span is written where the whole period cuts it short ("Năm 2021" from 01/09)
        axes[0].set_xticks(range(len(single)), [f"{period_names[p]}\n({spans[p]})"
                                                 if spans.get(p) and spans[p] != span_label(p) else period_names[p]
                                                 for p in single], fontsize=8)
        axes[0].set_title("Từng kỳ (chú thích 5)", fontsize=9, fontweight="normal")
        axes[1].set_xticks(range(len(wholes)), [f"Cả giai đoạn\n{spans[p]}" if spans.get(p) else period_names[p]
                                                 for p in wholes], fontsize=8)
        axes[1].set_title("Cả giai đoạn", fontsize=9, fontweight="normal")
        if target is not None:
            value = coordinate(target["target_value"])
            axes[1].axhline(value, color=PALETTE["black"], linestyle="--", linewidth=1.2)
            axes[1].annotate(f"Chỉ tiêu {target['sub_id']}: tối thiểu {percent_label(target['target_value'], 0)}",
                             xy=(0, value), xycoords=("axes fraction", "data"), xytext=(2, 3),
                             textcoords="offset points", fontsize=8, va="bottom")
        set_number_axis(axes[0].yaxis, decimals=0, percent=True)
        axes[0].set_ylabel("Tỷ lệ hồ sơ tiếp nhận trực tuyến")
        top = max(coordinate(v) for v in shares["recomputed"] if v is not None)
        if target is not None:
            top = max(top, coordinate(target["target_value"]))
        axes[0].set_ylim(0, top * 1.15)
        fig.suptitle("\n".join(__import__("textwrap").wrap(dossier_title(shares, targets), 95)), x=0.0, ha="left",
                     fontsize=11, fontweight="bold")
        # plain squares of the levels drawn (a level's first bar may be hatched), then the flag
        handles = legend_patches([(names[lv], colours[lv]) for lv in dict.fromkeys(drawn_levels)])
        axes[0].legend(handles=handles + ([flagged_patch()] if flagged else []), loc="upper left", fontsize=8)
    notes = [flag_note(flagged), "Tỷ lệ theo báo cáo; số hồ sơ tiếp nhận trực tuyến / tổng số hồ sơ tiếp nhận."]
    if target is not None:
        notes.append(f"Chỉ tiêu {target['sub_id']} tính trên hồ sơ giải quyết trực tuyến"
                     + (f"; báo cáo đánh giá chỉ tiêu này bằng {percent_text_of(target)} thủ tục hành chính."
                        if not _missing(target["actual"]) else "."))
    add_source(fig, note=" ".join(n for n in notes if n))
    return fig


def _missing(value) -> bool:
    from parstats.analysis.tables import is_missing

    return is_missing(value) or value == ""


def percent_text_of(target) -> str:
    """A target row's actual value as the report wrote it (its own decimals), with ``%``.

    Examples
    --------
    >>> percent_text_of({"actual": Decimal("28.95")}), percent_text_of({"actual": Decimal("60")})
    ('28,95%', '60%')
    """
    from parstats.numbers import decimal_places, format_percent

    value = Decimal(target["actual"])
    return format_percent(value, decimal_places(value))


def catalogue_title(cat) -> str:
    """The finding of the catalogue chart: procedures with an online service, of all.

    Examples
    --------
    >>> from parstats import data
    >>> catalogue_title(catalogue_shares(data.load("procedures_online")))
    '334/362 thủ tục hành chính (92,27%) được cung cấp dịch vụ công trực tuyến'
    """
    from parstats.numbers import format_number

    whole = cat[(cat["service_kind_key"] == "tat_ca") & cat["count"].notna() & cat["total"].notna()]
    if not len(whole):
        return "Danh mục thủ tục hành chính cung cấp dịch vụ công trực tuyến"
    r = whole.iloc[0]
    return (f"{format_number(int(r['count']))}/{format_number(int(r['total']))} thủ tục hành chính "
            f"({percent_label(r['recomputed'])}) {r['measure'][:1].lower()}{r['measure'][1:]}")


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
        wrap_title(ax, catalogue_title(cat), 60)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, fontsize=8)
        ax.grid(axis="y", visible=False)
    add_source(fig, note="Tỷ lệ trong ngoặc do parstats tính từ số thủ tục báo cáo nêu.")
    return fig


# --------------------------------------------------------------------------- findings


def key_findings(dossiers, catalogue, digital, targets) -> KeyFindings:
    """The notebook's "Kết luận chính": online dossiers against chỉ tiêu 2e, their trend, the flagged
    shares with their recomputed values, the catalogue and authenticated transactions, computed.

    Examples
    --------
    >>> from parstats import data
    >>> k = key_findings(data.load("dossiers"), data.load("procedures_online"), data.load("digital_indicators"),
    ...                  data.load("targets"))
    >>> 3 <= len(k.sentences) <= 6 and all(s.endswith(".") for s in k.sentences)
    True
    >>> any("5,68%" in s and "5,65%" in s for s in k.sentences)
    True
    """
    from parstats.numbers import format_number

    shares = dossier_shares(dossiers)
    sentences = []
    total = shares[shares["period_key"].str.contains("/") & (shares["level_key"] == "tong")]
    target = _target(targets, DOSSIER_TARGET)
    for _, r in total.iterrows():
        span = _dates(r["period_key"])
        text = (f"Từ {span[0]:%d/%m/%Y} đến {span[1]:%d/%m/%Y}, {format_number(int(r['count']))}/"
                f"{format_number(int(r['total']))} hồ sơ thủ tục hành chính được tiếp nhận trực tuyến "
                f"({_shown(r)}, {r['status_vi']} với số hồ sơ)")
        if target is not None:
            text += (f", so với chỉ tiêu {target['sub_id']} tối thiểu {percent_label(target['target_value'], 0)} "
                     "hồ sơ giải quyết trực tuyến")
            if not _missing(target["actual"]):
                text += f"; báo cáo đánh giá chỉ tiêu này bằng {percent_text_of(target)} thủ tục hành chính"
        sentences.append(text + ".")
    single = shares[~shares["period_key"].str.contains("/") & (shares["level_key"] != "tong")]
    moves = []
    for _, grp in single.groupby("level_key", sort=False):
        first, last = grp.iloc[0], grp.iloc[-1]
        verb = "tăng" if last["recomputed"] > first["recomputed"] else "giảm"
        moves.append(f"{first['level'].lower()} {verb} từ {_shown(first)} ({first['period'].lower()}, "
                     f"{first['span']}) {'lên' if verb == 'tăng' else 'xuống'} {_shown(last)} ({last['period'].lower()})")
    if moves:
        text = "; ".join(moves)
        sentences.append(f"Theo từng kỳ, tỷ lệ hồ sơ trực tuyến ở {text}.")
    checked = shares[shares["status"].isin(["consistent", INCONSISTENT])]
    wrong = shares[shares["status"] == INCONSISTENT]
    text = f"{len(checked) - len(wrong)}/{len(checked)} tỷ lệ hồ sơ trực tuyến báo cáo nêu khớp với số hồ sơ"
    for _, r in wrong.iterrows():
        text += (f"; tỷ lệ {r['reported_text']} của {r['level'].lower()} {r['period'].lower()} tính lại từ "
                 f"{format_number(int(r['count']))}/{format_number(int(r['total']))} là {r['recomputed_text']}")
    sentences.append(text + ".")
    cat = catalogue_shares(catalogue)
    whole = cat[(cat["service_kind_key"] == "tat_ca") & cat["count"].notna() & cat["total"].notna()]
    if len(whole):
        parts = catalogue_parts(catalogue)
        adds = bool(len(parts)) and all(int(d) == 0 for d in parts["difference"])
        sentences.append(f"{catalogue_title(cat)}; các loại dịch vụ cộng lại "
                         f"{'khớp' if adds else 'không khớp'} với tổng số báo cáo nêu.")
    dig = digital_shares(digital)
    auth = dig[(dig["indicator_key"] == AUTH_INDICATOR) & dig["count"].notna()]
    auth_target = _target(targets, AUTH_TARGET)
    for _, r in auth.iterrows():
        text = (f"Giao dịch được xác thực điện tử {r['period'].lower()}: {format_number(int(r['count']))}/"
                f"{format_number(int(r['total']))} ({_shown(r)}, {r['status_vi']})")
        if auth_target is not None:
            text += f", so với chỉ tiêu {auth_target['sub_id']} là {percent_label(auth_target['target_value'], 0)}"
        sentences.append(text + ".")
    return KeyFindings(tuple(sentences[:6]))
