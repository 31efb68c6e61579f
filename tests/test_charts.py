"""The figure of notebook 05 (parstats.analysis.consistency_audit), which the other test files do not draw."""
from __future__ import annotations

from decimal import Decimal

from parstats import audit
from parstats.analysis import consistency_audit
from parstats.numbers import parse_percent
from parstats.paths import RAW_REPORT


def test_difference_chart_draws_every_flagged_percentage_once_with_its_difference_and_tolerance():
    report = audit.audit_path(RAW_REPORT, source=audit.display_path(RAW_REPORT))
    rows = consistency_audit.difference_rows(report, RAW_REPORT)
    flagged = [f for f in report.flagged if f.claim.kind in ("ratio", "change") and f.claim.reported and f.recomputed]
    assert flagged, "the report has flagged percentages"
    assert sorted(rows["reported"]) == sorted(f.claim.reported for f in flagged)
    for f in flagged:  # the difference is recomputed − reported, in points
        row = rows[rows["reported"] == f.claim.reported].iloc[0]
        assert row["difference"] == parse_percent(f.recomputed).value - parse_percent(f.claim.reported).value
        decimals = parse_percent(f.claim.reported).decimals
        assert row["tolerance"] == Decimal("0.5") / 10 ** decimals
    # largest error first, and it lies outside its rounding tolerance
    assert abs(rows["difference"].iloc[0]) == max(abs(d) for d in rows["difference"])
    assert abs(rows["difference"].iloc[0]) > rows["tolerance"].iloc[0]
    fig = consistency_audit.difference_chart(rows)
    (ax,) = fig.axes
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert len(ticks) == len(flagged)
    for (_, r), tick in zip(rows.iterrows(), ticks):  # each row names the figure as reported → recomputed and where
        assert tick.startswith(f"{r['reported']} → {r['recomputed']} ({r['where']}")
    assert len(ax.collections) >= len(flagged) * 2  # a tolerance band and a dot per figure
    legend = {t.get_text() for t in ax.get_legend().get_texts()}
    assert {c[:1].upper() + c[1:] for c in rows["cause_vi"]} | {"Sai số làm tròn cho phép"} == legend
    assert ax.get_title("left") == consistency_audit.difference_title(rows)
    assert str(len(flagged)) in ax.get_title("left")


# --------------------------------------------------------------------------- notebooks 02-04


import json  # noqa: E402

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from parstats import data  # noqa: E402
from parstats.analysis import budget_downsizing, online_services, staffing_qualifications  # noqa: E402
from parstats.analysis.plotting import FLAG_HATCH, FLAG_LABEL  # noqa: E402
from parstats.paths import NOTEBOOKS_DIR  # noqa: E402


def _hatched(ax):
    return [p for p in ax.patches if p.get_hatch() == FLAG_HATCH]


def _legend(ax):
    legend = ax.get_legend()
    texts = [t.get_text() for t in legend.get_texts()] if legend else []
    if legend:  # only the flag's entry is hatched, and it is listed once
        hatched = [t for t, h in zip(texts, legend.legend_handles) if h.get_hatch()]
        assert hatched in ([], [FLAG_LABEL]) and len(texts) == len(set(texts)), texts
    return texts


def test_progress_chart_draws_what_it_says():
    progress = budget_downsizing.downsizing_progress(data.load("downsizing"), data.load("targets"))
    ax = budget_downsizing.downsizing_progress_chart(progress).axes[0]
    flagged = progress[progress["status"] == "inconsistent"]
    assert len(flagged) >= 1 and len(_hatched(ax)) == len(flagged)
    legend = _legend(ax)
    assert ("Đạt" in legend) == bool(progress["met"].fillna(False).astype(bool).any()), legend
    assert ("Chưa đạt" in legend) == (~progress["met"].fillna(True).astype(bool)).any()
    assert FLAG_LABEL in legend
    # every value label stands at its bar's end, or right of the target line it would cross
    bars = [p for p in ax.patches][:len(progress)]
    lines = {round(float(ln.get_xdata()[0]), 9) for ln in ax.lines}
    labels = {t.get_text(): t.xy for t in ax.texts if hasattr(t, "xy") and t.get_text().split(" ")[0].endswith("%")}
    for bar, text in zip(bars, progress["value_text"]):
        match = [xy for lab, xy in labels.items() if lab.startswith(text)]
        end = bar.get_x() + bar.get_width()
        assert match and (abs(match[0][0] - end) < 1e-9 or round(float(match[0][0]), 9) in lines), (text, match)
    assert not any(m for m in progress["met"]), "the title says none is met only when none is"
    title = ax.get_title(loc="left").replace("\n", " ")
    assert title == budget_downsizing.progress_title(progress) and title.startswith("Chưa có mức giảm nào đạt")


def test_progress_rows_are_told_apart_and_the_summary_counts_each_percentage_once():
    d, t = data.load("downsizing"), data.load("targets")
    progress = budget_downsizing.downsizing_progress(d, t)
    assert progress["what"].is_unique
    summary = budget_downsizing.reproduction(budget_downsizing.downsizing_counts(d), budget_downsizing.changes(d))
    assert int(summary["quoted"].sum()) == int(d["percent"].notna().sum())
    flagged = {i for ids in summary["differing_ids"] for i in ids.split(", ") if i}
    assert flagged == set(budget_downsizing.changes(d).query("status == 'inconsistent'")["id"])


def test_dossier_chart_labels_periods_by_their_span_and_keeps_the_whole_period_apart():
    shares = online_services.dossier_shares(data.load("dossiers"))
    targets = data.load("targets")
    fig = online_services.dossier_share_chart(shares, targets)
    periods, whole = fig.axes
    single = [p for p in dict.fromkeys(shares["period_key"]) if "/" not in p]
    assert len(periods.get_xticklabels()) == len(single)
    assert all("Cả giai đoạn" in t.get_text() for t in whole.get_xticklabels())
    first = shares[shares["period_key"] == single[0]].iloc[0]
    assert first["span"] in periods.get_xticklabels()[0].get_text()
    assert first["span"] != online_services.span_label(single[0]), "the first year is cut short by the whole period"
    flagged = shares[shares["status"] == "inconsistent"]
    assert len(_hatched(periods)) + len(_hatched(whole)) == len(flagged) >= 1
    target = targets.set_index("sub_id").loc[online_services.DOSSIER_TARGET, "target_value"]
    assert [ln.get_ydata()[0] for ln in whole.lines] == [float(target)], "the target on the whole period only"
    assert len(periods.lines) == 0
    assert _legend(periods)[-1] == FLAG_LABEL
    assert fig.texts and all(r["recomputed_text"] in fig.texts[-1].get_text() for _, r in flagged.iterrows())


def test_mix_charts_hatch_the_flagged_bands_and_label_each_bar_end():
    staff = data.load("staffing_qualifications")
    shares = staffing_qualifications.staffing_shares(staff)
    for dimension in ("chuyen_mon", "ly_luan_chinh_tri"):
        mix = staffing_qualifications.qualification_mix(staff, dimension)
        fig = staffing_qualifications.qualification_mix_chart(mix, shares=shares)
        ax = fig.axes[0]
        groups = set(mix["group_key"])
        flagged = shares[(shares["status"] == "inconsistent") & (shares["dimension_key"] == dimension)
                         & (shares["group_key"] == "tat_ca")
                         & pd.Series([f"{a}|{b}|{c}" in groups for a, b, c in
                                      zip(shares["level_key"], shares["staff_type_key"], shares["period_key"])],
                                     index=shares.index)]
        assert len(_hatched(ax)) >= len(flagged) >= 1
        note = fig.texts[-1].get_text()
        assert all(r["recomputed_text"] in note for _, r in flagged.iterrows())
        assert FLAG_LABEL in _legend(ax)
        ends = [t for t in ax.texts if hasattr(t, "xy") and t.xy[0] == 100]
        assert len(ends) == mix["group"].nunique()


@pytest.mark.parametrize("module, args", [
    (staffing_qualifications, ("staffing_qualifications", "targets")),
    (online_services, ("dossiers", "procedures_online", "digital_indicators", "targets")),
    (budget_downsizing, ("downsizing", "targets")),
])
def test_key_findings_name_every_flagged_figure_with_its_recomputed_value(module, args):
    from parstats import audit
    from parstats.paths import RAW_REPORT

    findings = module.key_findings(*(data.load(a) for a in args))
    assert 3 <= len(findings.sentences) <= 6
    text = " ".join(findings.sentences)
    assert "{" not in text and "Decimal" not in text and "nan" not in text.lower().split()
    report = audit.audit_path(RAW_REPORT, source=audit.display_path(RAW_REPORT))
    quoted = {t.split("%")[0] + "%" for t in text.split() if "%" in t}
    flagged = {f.claim.reported: f.recomputed for f in report.findings if f.status == "inconsistent"}
    assert quoted & set(flagged), "each notebook's findings quote at least one flagged figure"
    for reported, recomputed in flagged.items():
        if reported in quoted:
            assert recomputed in text, (reported, recomputed)


@pytest.mark.parametrize("notebook", ["02-staffing-qualifications", "03-online-services", "04-budget-downsizing"])
def test_pages_read_in_vietnamese_and_show_no_raw_value(notebook):
    nb = json.loads((NOTEBOOKS_DIR / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    md = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    headings = [line for cell in md for line in cell.splitlines() if line.startswith("## ")]
    assert headings == ["## Kết luận chính", "## Nạp dữ liệu", "## Tính toán", "## Bảng", "## Biểu đồ"]
    for cell in md:
        assert not any(w in cell.split() for w in ("the", "We", "and", "of", "Question.")), cell
    kinds = [c["cell_type"] for c in nb["cells"]]
    assert all(a == "markdown" for a, b in zip(kinds, kinds[1:]) if b == "code"), "a sentence before each code cell"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert "key_findings" in "".join(code[0]["source"])
    assert "text/markdown" in code[0]["outputs"][0]["data"]
    for cell in code:
        for out in cell["outputs"]:
            plain = "".join(out.get("data", {}).get("text/plain", []))
            assert not plain.startswith(("{", "[", "(", "<")), plain[:80]
            html = "".join(out.get("data", {}).get("text/html", []))
            assert ">STT<" not in html and "Mã dòng" not in html


# ----------------------------------------------------------------- issue 18, item 7 (and 9)

def _all_charts():
    """Every chart of the analysis modules, drawn on the real data, by name."""
    from parstats.analysis import targets_overview
    from parstats.analysis.scoreboard import scoreboard

    board = scoreboard()
    staff = data.load("staffing_qualifications")
    shares = staffing_qualifications.staffing_shares(staff)
    downsizing = data.load("downsizing")
    report = audit.audit_path(RAW_REPORT)
    charts = {
        "01-targets": targets_overview.targets_chart(board),
        "04-progress": budget_downsizing.downsizing_progress_chart(
            budget_downsizing.downsizing_progress(downsizing, data.load("targets"))),
        "05-differences": consistency_audit.difference_chart(consistency_audit.difference_rows(report, RAW_REPORT)),
    }
    for dimension in ("chuyen_mon", "ly_luan_chinh_tri"):
        mix = staffing_qualifications.qualification_mix(staff, dimension)
        charts[f"02-{dimension}"] = staffing_qualifications.qualification_mix_chart(mix, shares=shares)
    return charts, board, shares


def test_hatching_means_reported_and_wrong_on_every_chart_and_nothing_else():
    from parstats.analysis.plotting import FLAG_GID

    charts, _, _ = _all_charts()
    for name, fig in charts.items():
        for ax in fig.axes:
            for p in ax.patches:
                if p.get_hatch():
                    assert p.get_hatch() == FLAG_HATCH and p.get_gid() == FLAG_GID, (name, p)
    # the public-service units chart marks its inferred total by a lighter fill, not a hatch
    units = budget_downsizing.units_over_time_chart(
        budget_downsizing.units_over_time(data.load("downsizing")))
    ax = units.axes[0]
    assert not [p for p in ax.patches if p.get_hatch()]
    assert any(p.get_alpha() is not None and p.get_alpha() < 1 for p in ax.patches)
    assert any("suy ra" in t for t in _legend(ax))


def test_the_recomputed_value_is_never_hatched():
    """Page 02: the bands are recomputed shares and stay plain; each hatched bar is as long as
    the share the report writes for a flagged row (98,45 %, 4,5 %, 79,90 %), none as long as
    the recomputed one."""
    charts, _, shares = _all_charts()
    flagged = shares[shares["status"] == "inconsistent"]
    reported = {round(float(parse_percent(t).value), 6) for t in flagged["reported_text"]}
    recomputed = {round(float(parse_percent(t).value), 6) for t in flagged["recomputed_text"]}
    seen = 0
    for name in ("02-chuyen_mon", "02-ly_luan_chinh_tri"):
        for p in _hatched(charts[name].axes[0]):
            width = round(float(p.get_width()), 6)
            assert width in reported and width not in recomputed, (name, width)
            seen += 1
    assert seen >= 3


def test_value_labels_never_cover_a_target_marker():
    charts, _, _ = _all_charts()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = charts["01-targets"]
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    ax = fig.axes[0]
    renderer = canvas.get_renderer()
    markers = []
    for coll in ax.collections:  # the targets' ticks
        for (x, y) in coll.get_offsets():
            px, py = ax.transData.transform((x, y))
            markers.append((px, py))
    assert len(markers) >= 10
    for text in ax.texts:
        box = text.get_window_extent(renderer)
        for px, py in markers:
            covers = box.x0 - 3 <= px <= box.x1 + 3 and box.y0 <= py <= box.y1
            assert not covers, (text.get_text(), px)
    # Hình 2: SIPAS's scores clear of its target line (2a)
    from parstats.analysis import targets_overview
    from parstats.analysis.scoreboard import scoreboard

    fig = targets_overview.par_sipas_chart(targets_overview.par_sipas_table(data.load("par_index_sipas")),
                                           scoreboard())
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    ax = fig.axes[2]
    renderer = canvas.get_renderer()
    ys = [ax.transData.transform((0, float(ln.get_ydata()[0])))[1] for ln in ax.lines if ln.get_linestyle() == "--"]
    assert ys
    for text in ax.texts:
        box = text.get_window_extent(renderer)
        assert not any(box.y0 - 2 <= y <= box.y1 + 2 for y in ys), text.get_text()
    # page 04: the target is a line across the axes; no value label crosses it
    fig = charts["04-progress"]
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    ax = fig.axes[0]
    renderer = canvas.get_renderer()
    xs = [ax.transData.transform((float(ln.get_xdata()[0]), 0))[0] for ln in ax.lines]
    assert xs
    for text in ax.texts:
        if text.get_text().split(" ")[0].endswith("%"):
            box = text.get_window_extent(renderer)
            assert not any(box.x0 + 1 < x < box.x1 for x in xs), text.get_text()


def test_the_differences_are_on_a_linear_scale():
    charts, _, _ = _all_charts()
    assert charts["05-differences"].axes[0].get_xscale() == "linear"


def test_hình_1_counts_the_sub_targets_as_the_index_does():
    """The title counts sub-targets from the verdicts the index uses; every sub-target with a
    target has a row; no bar where the scoreboard has no percentage."""
    from parstats.analysis import targets_overview
    from parstats.analysis.scoreboard import MET, NOT_MET, sub_target_verdicts

    charts, board, _ = _all_charts()
    ax = charts["01-targets"].axes[0]
    subs = sub_target_verdicts(board)
    subs = subs[subs["has_target"]]
    title = ax.get_title(loc="left").replace("\n", " ")
    assert title.startswith(f"Trong {len(subs)} chỉ tiêu con có mục tiêu định lượng: "
                            f"{int((subs['status'] == MET).sum())} đạt, {int((subs['status'] == NOT_MET).sum())} chưa đạt")
    rows = targets_overview.chart_rows(board)
    assert {t.get_text().split(" · ")[0] for t in ax.get_yticklabels()} == set(subs["sub_id"])
    solid = [p for p in ax.patches if not p.get_hatch()]
    assert len(solid) == sum(1 for _, r in rows.iterrows() if targets_overview.chart_value(r) is not None)
