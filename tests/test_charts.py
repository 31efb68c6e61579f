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
