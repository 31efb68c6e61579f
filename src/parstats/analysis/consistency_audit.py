"""Notebook 05, consistency audit: the audit of the whole report, as tables and a figure.

The audit itself is :mod:`parstats.audit` (any report in, findings out); this module only lays
its results out for the notebook. The inferred split of the commune staff is notebook 02's
:func:`parstats.analysis.staffing_qualifications.inferred_commune_counts`, shown here again
next to the audit's other inferences.

Examples
--------
>>> [c.header for c in COLUMNS["counts"]]
['Loại số liệu', 'Nhất quán', 'Không nhất quán', 'Không kiểm chứng được', 'Tổng số']
"""
from __future__ import annotations

from parstats.analysis.plotting import PALETTE, add_source, coordinate, new_figure, set_number_axis, style
from parstats.analysis.shares import CONSISTENT, INCONSISTENT, UNVERIFIABLE, status_header
from parstats.analysis.staffing_qualifications import COLUMNS as _STAFFING_COLUMNS, inferred_commune_counts
from parstats.analysis.tables import Column as C

__all__ = ["COLUMNS", "DATA_TABLES", "FIGURES", "inferred_commune_counts", "reported_vs_recomputed_chart"]

#: The site's index links its summary of the consistency audit to this notebook.
INDEX_SECTION = "audit"

#: The notebook shows no curated table in full (it reads the raw report; notebook 02 shows
#: ``staffing_qualifications``).
DATA_TABLES: tuple[str, ...] = ()

#: Display specs of the notebook's tables.
COLUMNS = {
    "counts": [C("kind_vi", "Loại số liệu"),
               *(C(s, status_header(s), "int") for s in (CONSISTENT, INCONSISTENT, UNVERIFIABLE)),
               C("total", "Tổng số", "int")],
    "flagged": [C("line", "Dòng", "int"), C("kind_vi", "Loại"), C("quote", "Trích dẫn"),
                C("reported", "Báo cáo ghi"), C("recomputed", "Tính lại"),
                C("severity_vi", "Mức độ"), C("cause_vi", "Nguyên nhân có thể"),
                C("diagnosis", "Giải thích (tiếng Anh)")],
    "inferred": _STAFFING_COLUMNS["inferred"],
    "fitting_totals": [C("line", "Dòng", "int"), C("quote", "Trích dẫn"), C("count", "Số lượng", "int"),
                       C("reported", "Báo cáo ghi"), C("stated_total", "Tổng số đã nêu", "int"),
                       C("recomputed", "Tính lại trên tổng đã nêu"), C("totals_text", "Các tổng số phù hợp"),
                       C("shared_total", "Tổng số chung phù hợp", "int")],
}

#: The figures the notebook saves: ``figures/05-consistency-audit-SUFFIX.svg`` -> (title, caption).
FIGURES = {
    "reported-vs-recomputed": (
        "Tỷ lệ báo cáo ghi và tỷ lệ tính lại",
        "Mọi tỷ lệ phần trăm kiểm tra được trong báo cáo, tỷ lệ báo cáo ghi so với tỷ lệ tính lại từ số liệu; "
        "mỗi tỷ lệ không nhất quán được ghi số dòng."),
}


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
            pts.append((coordinate(parse_percent(c.reported).value), coordinate(parse_percent(f.recomputed).value), f))
    fig, (ax, zoom) = new_figure(9.5, 4.4, ncols=2, gridspec_kw={"width_ratios": [1.15, 1]})
    with style():
        for axis, lim in ((ax, 100), (zoom, 25)):
            axis.plot([0, lim], [0, lim], color="#999999", lw=0.8, zorder=1)
            for status, colour, marker in ((CONSISTENT, PALETTE["blue"], "o"),
                                           (INCONSISTENT, PALETTE["vermillion"], "D")):
                sel = [(x, y) for x, y, f in pts if f.status == status and x <= lim and y <= lim]
                if sel:
                    axis.scatter([x for x, _ in sel], [y for _, y in sel], s=28, color=colour,
                                 marker=marker, label=status_header(status), zorder=3)
            for x, y, f in pts:
                if f.status == INCONSISTENT and x <= lim and y <= lim and (lim == 25 or x > 25):
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
