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

from parstats.analysis.labels import YEAR, label, source_label
from parstats.analysis.plotting import MET_COLOUR, NOT_MET_COLOUR, PALETTE, SEQUENCE, add_source, \
    INFERRED_ALPHA, coordinate, flag_note, flagged_patch, legend_patches, mark_flagged, new_figure, percent_label, \
    set_number_axis, style, wrap_title
from parstats.analysis.prose import KeyFindings
from parstats.analysis.shares import CONSISTENT, INCONSISTENT, check_change, check_share, percent_text, \
    recomputed_text, reproduction_columns, reproduction_summary, share_columns, share_rows
from parstats.analysis.tables import Column as C, is_missing

__all__ = ["COLUMNS", "DATA_TABLES", "FIGURES", "changes", "downsizing_counts", "downsizing_progress",
           "downsizing_progress_chart", "key_findings", "reproduction", "units_over_time", "units_over_time_chart"]

TABLE = "downsizing"

#: The curated tables the notebook shows in full.
DATA_TABLES = (TABLE,)

#: A reduction's measure is this prefix and the measure it reduces.
DECREASE = "giam_"
#: Measure codes of ``data/downsizing.csv`` this notebook follows.
UNITS, SALARIED_STAFF, STREAMLINING = "don_vi_su_nghiep_cong_lap", "bien_che_su_nghiep_huong_luong_nsnn", \
    "tinh_gian_bien_che"
#: ``status`` of a progress row that is no quoted figure: a value the report states in words, one recomputed here.
WORDS, RECOMPUTED = "words", "recomputed"
#: Sub-targets (``sub_id`` of ``data/targets.csv``) of chỉ tiêu 5: fewer public service units, fewer staff.
UNITS_TARGET, STAFF_TARGET = "5a", "5b"

#: Display specs of the notebook's tables.
COLUMNS = {
    "downsizing_counts": share_columns(C("measure", "Nội dung"), C("category", "Loại"), C("period", "Kỳ"),
                                       C("base_period", "So với")) + [C("note", "Ghi chú")],
    "changes": [C("id", "Mã dòng"), C("measure", "Nội dung"), C("base_period", "Năm gốc"), C("period", "Kỳ"),
                C("current", "Số hiện nay", "int"), C("decrease", "Số giảm", "int"),
                C("base_value", "Số năm gốc (suy ra)", "int"), C("reported_text", "Tỷ lệ giảm theo báo cáo"),
                C("on_old_text", "Tính lại trên năm gốc (làm tròn như báo cáo)"),
                C("on_new_text", "Tính trên số hiện nay (làm tròn như báo cáo)"),
                C("difference", "Chênh lệch (điểm %)", "number", "decimals"), C("status_vi", "Trạng thái"),
                C("base_used", "Báo cáo đã chia cho"), C("source_vi", "Nguồn"), C("quote", "Trích dẫn báo cáo")],
    "downsizing_progress": [C("sub_id", "Chỉ tiêu"), C("subject", "Nội dung"), C("basis", "Cách tính"),
                            C("value_text", "Kết quả"), C("status_vi", "Trạng thái số liệu"),
                            C("target", "Chỉ tiêu (giảm tối thiểu, %)", "number", 0),
                            C("verdict", "Đánh giá"), C("gap", "Khoảng cách (điểm %)", "number", 2),
                            C("ids", "Mã dòng")],
    "units_over_time": [C("period", "Kỳ"), C("category", "Loại đơn vị"), C("count", "Số đơn vị", "int"),
                        C("derived", "Suy ra", "bool"), C("ids", "Mã dòng")],
    "reproduction": reproduction_columns(),
}

#: The figures the notebook saves: ``figures/04-budget-downsizing-SUFFIX.svg`` -> (title, caption).
FIGURES = {
    "progress": (
        "Mức giảm đơn vị sự nghiệp và biên chế so với chỉ tiêu 5",
        "Mức giảm đơn vị sự nghiệp công lập, tinh giản biên chế và giảm biên chế sự nghiệp hưởng lương từ ngân "
        "sách nhà nước so với chỉ tiêu 5, trong đó tỷ lệ báo cáo tính trên sai gốc so sánh được gạch chéo, "
        "bên cạnh tỷ lệ tính lại trên số của năm gốc."),
    "public-service-units": (
        "Đơn vị sự nghiệp công lập năm gốc và hiện nay",
        "Số đơn vị sự nghiệp công lập hiện nay theo loại, so với tổng số của năm gốc suy ra từ số đơn vị đã "
        "giảm mà báo cáo nêu."),
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
                     "on_old_text": recomputed_text(check["recomputed"], places),
                     "recomputed_text": recomputed_text(check["recomputed"], places),
                     "on_new_text": recomputed_text(on_new, places),
                     "status": check["status"], "status_vi": check["status_vi"], "cause": check["cause"],
                     "base_used": base_used, "current_id": cur["id"].iloc[0], "source": r["source"],
                     "source_vi": source_label(r["source"]), "quote": r["quote"]})
    return pd.DataFrame(rows)


def downsizing_counts(df):
    """Every downsizing row: counts, totals, the report's share and the recomputed one.

    A quoted decrease is checked as a change (:func:`changes`: on the base year's value, which
    is the total shown, derived), not as a share, so that it has one status on the page.

    Examples
    --------
    >>> from parstats import data
    >>> t = downsizing_counts(data.load("downsizing")).set_index("id")
    >>> r = t.loc["giam-bien-che-su-nghiep-2023-vs-2021"]
    >>> int(r["total"]), r["recomputed"], r["status"], r["note"]
    (1671, Decimal('6.46'), 'inconsistent', 'Số năm gốc suy ra: 1.563 + 108 = 1.671')
    """
    from parstats.numbers import format_number

    columns = ("measure", "category", "level", "period", "base_period")
    out = share_rows(df, "count", "total", lambda r: {c: label(TABLE, c, r[c]) for c in columns})
    out["note"] = ""
    ch = changes(df).set_index("id")
    for i, r in out.iterrows():
        if r["id"] in ch.index:
            c = ch.loc[r["id"]]
            out.at[i, "total"] = int(c["base_value"])
            for col, value in (("recomputed", c["on_old"]), ("recomputed_text", c["on_old_text"]),
                               ("difference", c["difference"]),
                               ("status", c["status"]), ("status_vi", c["status_vi"]), ("cause", c["cause"]),
                               ("decimals", c["decimals"])):
                out.at[i, col] = value
            out.at[i, "note"] = (f"Số năm gốc suy ra: {format_number(int(c['current']))} + "
                                 f"{format_number(int(c['decrease']))} = {format_number(int(c['base_value']))}")
    return out


def reproduction(counts, change_rows):
    """How many quoted percentages reproduce: the shares, then the decreases, each counted once.

    Examples
    --------
    >>> from parstats import data
    >>> d = data.load("downsizing")
    >>> r = reproduction(downsizing_counts(d), changes(d))
    >>> int(r["quoted"].sum()) == int(d["percent"].notna().sum())
    True
    """
    shares_only = counts[~counts["id"].isin(set(change_rows["id"]))]
    return reproduction_summary({"Tỷ lệ trên tổng số": shares_only, "Tỷ lệ giảm so với năm gốc": change_rows})


def downsizing_progress(downsizing, targets):
    """Progress of each downsizing measure against its programme target (chỉ tiêu 5).

    Rows: the reduction in public service units since the start of the term (the report
    says the number is unchanged: 0), streamlined staff (count / quota of the base year), and
    the decrease in salaried public-service staff, both as the report states it and
    recomputed on the old base. Target values come from ``targets`` (:data:`UNITS_TARGET`,
    :data:`STAFF_TARGET`). Each row has its sub-target (``sub_id``), ``subject`` and
    ``basis`` (how the value was reached; the two make ``what``, distinct per row), the
    audit's ``status`` of the figure and the ``how`` of its arithmetic.

    Examples
    --------
    >>> from parstats import data
    >>> p = downsizing_progress(data.load("downsizing"), data.load("targets"))
    >>> p[["what", "value", "target", "status"]].values.tolist()[-1]
    ['Giảm biên chế sự nghiệp hưởng lương từ NSNN so với năm 2021 (tính lại, gốc năm 2021)', Decimal('6.46'), Decimal('10'), 'recomputed']
    >>> p["what"].is_unique
    True
    """
    import pandas as pd

    from parstats.numbers import format_number, format_percent
    from parstats.ratios import Target, verdict

    tgt = targets.set_index("sub_id")
    units_target = tgt.loc[UNITS_TARGET, "target_value"] if UNITS_TARGET in tgt.index else None
    staff_target = tgt.loc[STAFF_TARGET, "target_value"] if STAFF_TARGET in tgt.index else None
    rows = []

    def add(sub_id, subject, basis, value, value_text, target, ids, status, how=""):
        from parstats.analysis.shares import STATUS_LABELS

        shown = STATUS_LABELS.get(status) or {WORDS: "báo cáo nêu bằng lời", RECOMPUTED: "tính lại"}[status]
        rows.append({"sub_id": sub_id, "subject": subject, "basis": basis, "what": f"{subject} ({basis})",
                     "value": value, "value_text": value_text, "target": target, "ids": ids, "status": status,
                     "status_vi": shown, "how": how})

    unchanged = downsizing[(downsizing["measure"] == UNITS) & (downsizing["period"] == "dau_nhiem_ky")]
    for _, r in unchanged.iterrows():
        add(UNITS_TARGET if units_target is not None else "", "Giảm đơn vị sự nghiệp công lập so với đầu nhiệm kỳ",
            "giữ nguyên", Decimal(0), "0%", units_target, r["id"], WORDS, "báo cáo nêu: giữ nguyên")
    streamlined = downsizing[(downsizing["measure"] == STREAMLINING) & downsizing["count"].notna()]
    for _, r in streamlined.iterrows():
        base = label(TABLE, "base_period", r["base_period"]).lower()
        check = check_share(r["count"], r["total"], r["percent"], r["percent_text"])
        # all streamlined staff: not the measure of 5b (salaried public-service staff), so no target
        add("", f"Tinh giản biên chế so với {base}", "báo cáo",
            r["percent"], percent_text(r["percent_text"]), None, r["id"], check["status"],
            f"{format_number(int(r['count']))}/{format_number(int(r['total']))}")
    ch = changes(downsizing)
    for _, r in ch[ch["of_measure"] == SALARIED_STAFF].iterrows():
        base = r["base_period"].lower()
        subject = f"Giảm biên chế sự nghiệp hưởng lương từ NSNN so với {base}"
        sub = STAFF_TARGET if staff_target is not None else ""
        new = f"{format_number(int(r['decrease']))}/{format_number(int(r['current']))}"
        old = f"{format_number(int(r['decrease']))}/{format_number(int(r['base_value']))}"
        add(sub, subject, "báo cáo", r["reported"], r["reported_text"], staff_target, r["id"], r["status"],
            new if r["cause"] == "wrong-base" else old)
        add(sub, subject, f"tính lại, gốc {base}", r["on_old"], format_percent(r["on_old"], r["decimals"]),
            staff_target, r["id"], RECOMPUTED, old)
    out = pd.DataFrame(rows)
    # one value per target: a flagged figure is shown beside its recomputed value, which alone
    # is judged against the target (verdict and gap)
    judged = [not is_missing(t) and st != INCONSISTENT for t, st in zip(out["target"], out["status"])]
    out["met"] = [verdict(Target("at_least", t), v) if j else None
                  for v, t, j in zip(out["value"], out["target"], judged)]
    out["gap"] = [v - t if j else None for v, t, j in zip(out["value"], out["target"], judged)]
    out["verdict"] = ["" if m is None else "Đạt" if m else "Chưa đạt" for m in out["met"]]
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


def progress_title(progress) -> str:
    """The finding of the progress chart: how many measures meet their target, and the closest.

    Flagged figures (the audit's ``inconsistent``) are left out of the closest value: their
    recomputed row stands for them.

    Examples
    --------
    >>> from parstats import data
    >>> progress_title(downsizing_progress(data.load("downsizing"), data.load("targets")))
    'Chưa có mức giảm nào đạt chỉ tiêu 5 (giảm tối thiểu 10%): cao nhất 6,46% (giảm biên chế sự nghiệp hưởng lương từ NSNN so với năm 2021, tính lại, gốc năm 2021)'
    """
    rows = progress[progress["target"].notna() & (progress["status"] != INCONSISTENT)]
    met = [bool(m) for m in rows["met"]]
    targets = sorted({percent_label(t, 0) for t in rows["target"]})
    target_text = f"chỉ tiêu 5 (giảm tối thiểu {', '.join(targets)})"
    best = rows.loc[max(rows.index, key=lambda i: rows.loc[i, "value"])]
    closest = f"cao nhất {best['value_text']} ({best['subject'][:1].lower()}{best['subject'][1:]}, {best['basis']})"
    if not any(met):
        return f"Chưa có mức giảm nào đạt {target_text}: {closest}"
    if all(met):
        return f"Mọi mức giảm đều đạt {target_text}"
    return f"{sum(met)}/{len(met)} mức giảm đạt {target_text}; {closest}"


def downsizing_progress_chart(progress):
    """Each downsizing measure against its target (chỉ tiêu 5): value labels at the bar ends, the
    report's flagged figure hatched, a target line only where the rows have a target, a legend of
    what is drawn."""
    import textwrap

    fig, ax = new_figure(8.5, 0.6 * len(progress) + 2.2)
    with style():
        y = list(range(len(progress)))[::-1]
        colours = [PALETTE["grey"] if m is None else MET_COLOUR if m else NOT_MET_COLOUR for m in progress["met"]]
        bars = ax.barh(y, [coordinate(v) for v in progress["value"]], color=colours, height=0.55)
        flagged = []
        for bar, (_, r) in zip(bars, progress.iterrows()):
            if r["status"] == INCONSISTENT:
                mark_flagged(bar)
                recomputed = progress[(progress["ids"] == r["ids"]) & (progress["status"] == RECOMPUTED)]
                if len(recomputed):
                    rc = recomputed.iloc[0]
                    flagged.append((f"{r['subject'][:1].lower()}{r['subject'][1:]}", f"{r['value_text']} "
                                    f"({r['how']})", rc["value_text"], rc["how"]))
        labels = [f"{r['value_text']} ({r['how']})" if r["how"] and r["status"] != WORDS else
                  f"{r['value_text']} ({r['basis']})" for _, r in progress.iterrows()]
        targets = [(yi, t) for yi, t in zip(y, progress["target"]) if not is_missing(t)]
        drawn_targets = sorted({t for _, t in targets})
        # a label stands right of its bar, and right of the target line where the label would cross it
        line = coordinate(drawn_targets[0]) if len(drawn_targets) == 1 else None
        for bar, text, (_, r) in zip(bars, labels, progress.iterrows()):
            end = bar.get_x() + bar.get_width()
            own = line if line is not None else (None if is_missing(r["target"]) else coordinate(r["target"]))
            at = own if own is not None and end < own <= end + 0.42 * len(text) else end
            ax.annotate(text, xy=(at, bar.get_y() + bar.get_height() / 2), xytext=(3 if at == end else 6, 0),
                        textcoords="offset points", fontsize=8, ha="left", va="center")
        if len(drawn_targets) == 1:
            t = drawn_targets[0]
            subs = ", ".join(dict.fromkeys(s for s, tt in zip(progress["sub_id"], progress["target"])
                                           if not is_missing(tt) and s))
            ax.axvline(coordinate(t), color=PALETTE["black"], linestyle="--", linewidth=1.2)
            ax.annotate(f"Chỉ tiêu {subs}: giảm tối thiểu {percent_label(t, 0)}", xy=(coordinate(t), 1),
                        xycoords=("data", "axes fraction"), xytext=(3, 0), textcoords="offset points",
                        fontsize=8, va="top")
        else:  # a tick per row where targets differ
            for yi, t in targets:
                ax.plot([coordinate(t)] * 2, [yi - 0.35, yi + 0.35], color=PALETTE["black"], linewidth=1.5)
        names = []
        for _, r in progress.iterrows():
            head = f"{r['sub_id']}. " if r["sub_id"] else ""
            names.append("\n".join(textwrap.wrap(f"{head}{r['subject']}", 46) + [f"({r['basis']})"]))
        ax.set_yticks(y, names, fontsize=8)
        top = max([coordinate(v) for v in progress["value"]] + [coordinate(t) for _, t in targets])
        ax.set_xlim(0, top * 1.5)
        ax.set_ylim(-0.6, len(progress) - 0.2)
        set_number_axis(ax.xaxis, decimals=0, percent=True)
        ax.set_xlabel("Mức giảm (%)")
        wrap_title(ax, progress_title(progress), 62)
        drawn = [("Đạt", MET_COLOUR, True), ("Chưa đạt", NOT_MET_COLOUR, False)]
        handles = legend_patches([(n, c) for n, c, m in drawn if any(x is m for x in progress["met"])])
        if any(progress["met"].isna()):
            handles += legend_patches([("Không có chỉ tiêu", PALETTE["grey"])])
        if flagged:
            handles.append(flagged_patch())
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=len(handles), fontsize=8)
        ax.grid(axis="y", visible=False)
    note = "Tính lại: số giảm chia cho số của năm gốc (số hiện nay cộng số đã giảm)."
    add_source(fig, note=" ".join(x for x in (flag_note(flagged), note) if x))
    return fig


def units_title(units) -> str:
    """The finding of the units chart: the total of the first period against the last.

    Examples
    --------
    >>> from parstats import data
    >>> units_title(units_over_time(data.load("downsizing")))
    'Đơn vị sự nghiệp công lập giảm từ 65 (năm 2015, suy ra) xuống 58 (đến nay)'
    """
    tot = units[units["category_key"] == "tat_ca"]
    first, last = tot.iloc[0], tot.iloc[-1]

    def at(r) -> str:
        return f"{int(r['count'])} ({r['period'].lower()}{', suy ra' if r['derived'] else ''})"

    verb = "giảm" if last["count"] < first["count"] else "tăng" if last["count"] > first["count"] else "giữ nguyên"
    return f"Đơn vị sự nghiệp công lập {verb} từ {at(first)} xuống {at(last)}" if verb == "giảm" else \
        f"Đơn vị sự nghiệp công lập {verb}: {at(first)}, {at(last)}"


def units_over_time_chart(units, change_rows=None):
    """Public service units by kind: the derived base year against now.

    With ``change_rows`` (:func:`changes`), the note gives each flagged decrease in units as
    the report wrote it and recomputed on the base year.
    """
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
                    # an inferred total is a lighter fill with a dashed outline, never hatched:
                    # hatching means "reported and wrong" on every chart
                    ax.bar([x], [int(row["count"])], color=PALETTE["grey"], width=0.55,
                           alpha=INFERRED_ALPHA if row["derived"] else 1.0,
                           edgecolor=PALETTE["grey"], linestyle="--" if row["derived"] else "-", linewidth=1.0,
                           label="Tổng (suy ra từ mức giảm, tô nhạt)" if row["derived"] else "Tổng")
                ax.text(x, int(row["count"]) + 1, f"{int(row['count'])}" + (" (suy ra)" if row["derived"] else ""),
                        ha="center", va="bottom", fontsize=8)
        ax.set_xticks(range(len(periods)), [names[p] for p in periods])
        set_number_axis(ax.yaxis, decimals=0)
        ax.set_ylabel("Số đơn vị sự nghiệp công lập")
        wrap_title(ax, units_title(units), 55)
        ax.set_ylim(0, max(int(c) for c in units["count"]) * 1.12)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=8)
        ax.grid(axis="x", visible=False)
    notes = ["Năm gốc: số đơn vị hiện nay cộng số đơn vị đã giảm (báo cáo không nêu trực tiếp)."]
    if change_rows is not None:
        for _, c in change_rows[(change_rows["of_measure"] == UNITS)
                                & (change_rows["status"] == INCONSISTENT)].iterrows():
            notes.append(f"Báo cáo ghi giảm {c['reported_text']} so với {c['base_period'].lower()}; tính lại "
                         f"{int(c['decrease'])}/{int(c['base_value'])} = {c['on_old_text']} ({c['status_vi']}, "
                         f"{cause_label(c['cause'])}).")
    add_source(fig, note=" ".join(notes))
    return fig


# --------------------------------------------------------------------------- findings


def cause_label(cause: str) -> str:
    """The audit's Vietnamese words for the likely cause of an inconsistency."""
    from parstats.audit import CAUSES_VI

    return CAUSES_VI.get(cause, "")


def key_findings(downsizing, targets) -> KeyFindings:
    """The notebook's "Kết luận chính": progress against chỉ tiêu 5 and the flagged decreases, computed.

    Examples
    --------
    >>> from parstats import data
    >>> k = key_findings(data.load("downsizing"), data.load("targets"))
    >>> 3 <= len(k.sentences) <= 6 and all(s.endswith(".") for s in k.sentences)
    True
    >>> "6,46%" in k.sentences[2] and "6,91%" in k.sentences[2]
    True
    """
    from parstats.numbers import format_number, format_percent

    progress = downsizing_progress(downsizing, targets)
    ch = changes(downsizing)
    sentences = []
    for _, r in progress[progress["status"] == WORDS].iterrows():
        sentences.append(f"Số đơn vị sự nghiệp công lập {r['basis']} so với đầu nhiệm kỳ (mức giảm {r['value_text']}), "
                         f"chưa đạt chỉ tiêu {r['sub_id']} (giảm tối thiểu {percent_label(r['target'], 0)}).")
    staff = targets.set_index("sub_id")
    for _, r in progress[progress["subject"].str.startswith("Tinh giản")].iterrows():
        sentences.append(f"{r['subject']} đạt {r['value_text']} ({r['how']} biên chế, {r['status_vi']} với số liệu); "
                         f"đây là toàn bộ biên chế, không phải thước đo của chỉ tiêu {STAFF_TARGET} "
                         f"({staff.loc[STAFF_TARGET, 'description']}) nên không dùng để đánh giá chỉ tiêu này."
                         if STAFF_TARGET in staff.index else
                         f"{r['subject']} đạt {r['value_text']} ({r['how']} biên chế, {r['status_vi']} với số liệu).")
    for _, c in ch[ch["of_measure"] == SALARIED_STAFF].iterrows():
        target_row = progress[(progress["ids"] == c["id"]) & progress["target"].notna()].iloc[0]
        gap = Decimal(c["on_old"]) - Decimal(target_row["target"])
        base = c["base_period"].lower()
        why = (f"tức đã chia cho số {c['period'].lower()}" if c["cause"] == "wrong-base"
               else c["status_vi"])
        sentences.append(
            f"Biên chế sự nghiệp hưởng lương từ ngân sách nhà nước giảm {format_number(int(c['decrease']))} người, "
            f"từ {format_number(int(c['base_value']))} ({base}, suy ra) xuống {format_number(int(c['current']))} "
            f"({c['period'].lower()}): báo cáo ghi {c['reported_text']}, {why}; tính trên số {base} là "
            f"{format_percent(c['on_old'], c['decimals'])}, "
            + (f"còn cách chỉ tiêu {target_row['sub_id']} (giảm tối thiểu {percent_label(target_row['target'], 0)}) "
               f"{format_number(abs(gap), 2)} điểm phần trăm." if gap < 0 else
               f"đạt chỉ tiêu {target_row['sub_id']} (giảm tối thiểu {percent_label(target_row['target'], 0)})."))
    for _, c in ch[ch["of_measure"] == UNITS].iterrows():
        status = c["status_vi"] + (f", {cause_label(c['cause'])}" if c["cause"] else "")
        sentences.append(
            f"Toàn huyện có {format_number(int(c['current']))} đơn vị sự nghiệp công lập, giảm "
            f"{format_number(int(c['decrease']))} so với {c['base_period'].lower()} "
            f"({format_number(int(c['base_value']))} đơn vị, suy ra): báo cáo ghi {c['reported_text']}, tính lại "
            f"{format_percent(c['on_old'], c['decimals'])} ({status}).")
    summary = reproduction(downsizing_counts(downsizing), ch)
    quoted, checked = int(summary["quoted"].sum()), int(summary["checked"].sum())
    wrong = int(summary["inconsistent"].sum())
    sentences.append(f"Trong {quoted} tỷ lệ báo cáo nêu ở phần này, {checked} tỷ lệ tính lại được từ số liệu của "
                     f"báo cáo và {wrong} tỷ lệ không nhất quán.")
    return KeyFindings(tuple(sentences))
