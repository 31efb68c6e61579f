"""The audit as tables a reviewer reads (pandas, Vietnamese labels), for the notebook."""
from __future__ import annotations

from parstats.audit.checks import STATUSES
from parstats.audit.messages import CAUSES_VI, KINDS_VI, SEVERITIES_VI, STATUSES_VI  # noqa: F401 (re-exported)
from parstats.audit.model import KINDS
from parstats.audit.results import AuditReport


# the figure is drawn by notebook 05

def findings_frame(report: AuditReport, *, flagged_only: bool = False):
    """The findings as a pandas DataFrame (one row per claim), flagged ones first.

    Columns: ``id``, ``line``, ``kind``, ``kind_vi``, ``quote``, ``reported``, ``recomputed``,
    ``status``, ``status_vi``, ``severity``, ``severity_vi``, ``cause``, ``cause_vi``,
    ``gross``, ``diagnosis``.
    """
    import pandas as pd

    rows = []
    for f in (report.flagged if flagged_only else
              report.flagged + [f for f in report.findings if f.status != "inconsistent"]):
        c = f.claim
        rows.append({
            "id": c.id, "line": c.line, "kind": c.kind, "kind_vi": KINDS_VI[c.kind],
            "quote": c.quote, "reported": c.reported or "", "recomputed": f.recomputed or "",
            "status": f.status, "status_vi": STATUSES_VI[f.status], "severity": f.severity,
            "severity_vi": SEVERITIES_VI[f.severity], "cause": f.cause or "",
            "cause_vi": CAUSES_VI.get(f.cause, "") if f.status == "inconsistent" else "",
            "gross": "có" if f.gross else ("không" if f.gross is False else ""),
            "diagnosis": f.diagnosis or "",
        })
    return pd.DataFrame(rows)


def counts_frame(report: AuditReport):
    """Claims by kind (rows, Vietnamese names) and status (columns), with totals."""
    import pandas as pd

    cnt = report.counts()["by_kind_status"]
    rows = [{"kind_vi": KINDS_VI[k], **{s: cnt[k][s] for s in STATUSES}, "total": sum(cnt[k].values())}
            for k in KINDS]
    rows.append({"kind_vi": "Tổng cộng", **{s: sum(cnt[k][s] for k in KINDS) for s in STATUSES},
                 "total": len(report.findings)})
    return pd.DataFrame(rows)


def reviewer_summary(report: AuditReport) -> str:
    """A short Vietnamese note a reviewer could send to the report's authors (Markdown)."""
    cnt = report.counts()
    ok = cnt["by_status"]["consistent"]
    lines = [
        f"Chúng tôi đã tính lại {cnt['claims']} số liệu trích dẫn trong báo cáo "
        f"({cnt['by_kind']['ratio']} tỷ lệ, {cnt['by_kind']['change']} mức tăng/giảm, "
        f"{cnt['by_kind']['sum']} phép cộng, {cnt['by_kind']['rank']} xếp hạng, "
        f"{cnt['by_kind']['date']} ngày tháng, {cnt['by_kind']['document']} số hiệu văn bản): "
        f"{ok} nhất quán, {cnt['by_status']['inconsistent']} không nhất quán, "
        f"{cnt['by_status']['unverifiable']} không kiểm chứng được (không nêu đủ số liệu gốc). "
        "Đề nghị xem lại các số liệu sau:",
        "",
    ]
    for f in report.flagged:
        c = f.claim
        what = f"«{c.quote}»"
        if c.kind in ("ratio", "change"):
            fix = f"báo cáo ghi {c.reported}, tính lại được {f.recomputed}"
        elif c.kind == "document":
            fix = f"số hiệu {c.reported} có năm không hợp lệ; có lẽ là {f.recomputed}"
        else:
            fix = f"báo cáo ghi {c.reported}, tính lại được {f.recomputed}"
        cause = CAUSES_VI.get(f.cause, "")
        sev = SEVERITIES_VI[f.severity]
        lines.append(f"- Dòng {c.line}: {what} — {fix}; nguyên nhân có thể: {cause} (mức độ: {sev}).")
    return "\n".join(lines)
