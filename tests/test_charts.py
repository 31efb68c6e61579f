"""The figure of notebook 05 (parstats.analysis.consistency_audit), which the other test files do not draw."""
from __future__ import annotations

from parstats import audit
from parstats.analysis import consistency_audit
from parstats.numbers import parse_percent
from parstats.paths import RAW_REPORT


def test_reported_vs_recomputed_chart_labels_every_flagged_percentage_once():
    report = audit.audit_path(RAW_REPORT, source=audit.display_path(RAW_REPORT))
    fig = consistency_audit.reported_vs_recomputed_chart(report)
    whole, zoom = fig.axes
    checked = [f for f in report.findings
               if f.claim.kind in ("ratio", "change") and f.claim.reported and f.recomputed]
    flagged = [f for f in checked if f.status == "inconsistent"]
    assert flagged, "the report has flagged percentages"
    labels = sorted(t.get_text() for ax in (whole, zoom) for t in ax.texts)
    assert labels == sorted(f"dòng {f.claim.line}" for f in flagged)
    # every checked percentage is a point of the whole-range panel
    points = sum(len(c.get_offsets()) for c in whole.collections)
    assert points == len(checked)
    small = [f for f in checked
             if parse_percent(f.claim.reported).value <= 25 and parse_percent(f.recomputed).value <= 25]
    assert sum(len(c.get_offsets()) for c in zoom.collections) == len(small)
    assert whole.get_xlabel() == "Tỷ lệ báo cáo ghi" and whole.get_ylabel() == "Tỷ lệ tính lại từ số liệu"
