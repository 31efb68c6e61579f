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

from dataclasses import dataclass
from decimal import Decimal

from parstats.analysis.plotting import PALETTE, SEQUENCE, add_source, new_figure, style
from parstats.analysis.shares import CONSISTENT, INCONSISTENT, UNVERIFIABLE, status_header
from parstats.analysis.staffing_qualifications import COLUMNS as _STAFFING_COLUMNS, inferred_commune_counts
from parstats.analysis.tables import Column as C

__all__ = ["COLUMNS", "DATA_TABLES", "FIGURES", "Note", "audit_corrections", "difference_chart", "difference_rows",
           "fitting_totals", "flagged_table", "inferred_commune_counts", "key_findings", "reviewer_note",
           "tally_table"]

#: The site's index links its summary of the consistency audit to this notebook.
INDEX_SECTION = "audit"

#: The notebook shows no curated table in full (it reads the raw report; notebook 02 shows
#: ``staffing_qualifications``).
DATA_TABLES: tuple[str, ...] = ()

#: The audit's causes that are a rounding slip, not a wrong count, total or base.
ROUNDING_CAUSES = ("rounded-down", "rounded-up", "rounded-twice")

#: Display specs of the notebook's tables.
COLUMNS = {
    "counts": [C("kind_vi", "Loại số liệu"),
               *(C(s, status_header(s), "int") for s in (CONSISTENT, INCONSISTENT, UNVERIFIABLE)),
               C("total", "Tổng số", "int")],
    "flagged": [C("where", "Vị trí"), C("kind_vi", "Loại"), C("quote", "Trích dẫn"),
                C("reported", "Báo cáo ghi"), C("recomputed", "Tính lại"),
                C("difference", "Chênh lệch (điểm %)"), C("severity_vi", "Mức độ"),
                C("cause_vi", "Nguyên nhân có thể"), C("verdict", "Ảnh hưởng đến đánh giá chỉ tiêu"),
                C("diagnosis", "Giải thích")],
    "tally": [C("group_vi", "Việc đã làm với số liệu"), C("n", "Số số liệu", "int"),
              C("consistent", "Nhất quán / hợp lệ", "int"), C("inconsistent", "Không nhất quán / sai", "int"),
              C("reason", "Lý do không kiểm chứng được")],
    "inferred": _STAFFING_COLUMNS["inferred"],
    "fitting_totals": [C("where", "Vị trí"), C("quote", "Trích dẫn"), C("count", "Số lượng", "int"),
                       C("reported", "Báo cáo ghi"), C("stated_total", "Tổng số đã nêu", "int"),
                       C("recomputed", "Tính lại trên tổng đã nêu"), C("totals_text", "Các tổng số phù hợp"),
                       C("shared_total", "Tổng số chung phù hợp", "int")],
}

#: The figures the notebook saves: ``figures/05-consistency-audit-SUFFIX.svg`` -> (title, caption).
FIGURES = {
    "differences": (
        "Các tỷ lệ bị gắn cờ lệch bao nhiêu điểm phần trăm",
        "Mỗi tỷ lệ hoặc mức tăng/giảm không nhất quán: chênh lệch giữa giá trị tính lại và giá trị báo cáo ghi "
        "(điểm phần trăm), so với sai số làm tròn cho phép ở độ chính xác báo cáo dùng (vùng xám); màu theo "
        "nguyên nhân có thể."),
}


@dataclass(frozen=True)
class Note:
    """Markdown for a reader (a list of requests to the report's authors); never a Python repr."""

    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def audit_corrections(report, path):
    """Every flagged figure of the audit ``report`` of the file ``path``, where it stands (section
    or footnote) and, for the programme's own report, whether it changes a verdict.

    :func:`parstats.analysis.findings.corrections` as a table; a sub-target is linked only when
    ``path`` is the raw report of ``data/`` (the scoreboard's report).
    """
    import pandas as pd
    from pathlib import Path

    from parstats import paths
    from parstats.analysis.findings import corrections
    from parstats.report import load_report

    board = None
    if Path(path).resolve() == paths.RAW_REPORT.resolve():
        from parstats.analysis.scoreboard import scoreboard

        board = scoreboard(audit=report)
    return pd.DataFrame(corrections(report, load_report(path), board))


def flagged_table(report, path):
    """The flagged claims, the most serious first, with the place, the cause and the
    Vietnamese explanation (:func:`parstats.audit.messages.diagnosis`)."""
    from parstats.analysis.labels import source_label
    from parstats.audit.messages import diagnosis
    from parstats.report import load_report

    out = audit_corrections(report, path)
    home = load_report(path)

    def where(line: int) -> str:  # a line the diagnosis names, as the reader finds it: mục, chú thích
        return source_label(home.source_at(line)) or f"dòng {line}"
    out["diagnosis"] = [diagnosis(f, "vi", where) or "" for f in report.flagged]
    return out


def fitting_totals(report, path):
    """:func:`parstats.audit.shared_total_fits` with the place of each share."""
    import pandas as pd

    from parstats import audit
    from parstats.analysis.labels import source_label
    from parstats.report import load_report

    fits = pd.DataFrame(audit.shared_total_fits(report.findings))
    if len(fits):
        home = load_report(path)
        fits.insert(0, "where", [source_label(home.source_at(int(ln))) for ln in fits["line"]])
    return fits


def difference_rows(report, path):
    """One row per flagged percentage (a share or a change): the difference recomputed −
    reported in points, the rounding tolerance at the report's precision, the cause.

    Examples
    --------
    >>> from parstats import audit, paths
    >>> d = difference_rows(audit.audit_path(paths.RAW_REPORT), paths.RAW_REPORT)
    >>> d.iloc[0][["reported", "recomputed", "difference", "tolerance"]].tolist()
    ['79,90%', '78,31%', Decimal('-1.59'), Decimal('0.005')]
    """
    import pandas as pd

    from parstats.numbers import parse_percent

    fixes = audit_corrections(report, path)
    rows = []
    for f, (_, c) in zip(report.flagged, fixes.iterrows()):
        if f.claim.kind not in ("ratio", "change") or not f.recomputed or not f.claim.reported:
            continue
        rep, rec = parse_percent(f.claim.reported), parse_percent(f.recomputed)
        rows.append({"where": c["where"], "quote": c["quote"], "reported": c["reported"], "recomputed": c["recomputed"],
                     "difference": rec.value - rep.value, "tolerance": Decimal(5).scaleb(-rep.decimals - 1),
                     "cause": c["cause"], "cause_vi": c["cause_vi"], "sub_ids": ", ".join(c["sub_ids"])})
    out = pd.DataFrame(rows)
    if len(out):
        order = sorted(range(len(out)), key=lambda i: -abs(out["difference"].iloc[i]))
        out = out.iloc[order].reset_index(drop=True)
    # how many figures the audit flags in all (the index's count), for the chart's title
    out.attrs["flagged"] = len(report.flagged)
    return out


def difference_title(rows) -> str:
    """The finding the difference chart shows.

    Examples
    --------
    >>> import pandas as pd
    >>> difference_title(pd.DataFrame({"difference": [Decimal("-1.59"), Decimal("0.01")]}))
    '2 tỷ lệ lệch khỏi số liệu gốc, nhiều nhất 1,59 điểm %'

    With the count of every flagged figure (``rows.attrs["flagged"]``, as the index counts
    them), the title says which part of them the chart shows:

    >>> r = pd.DataFrame({"difference": [Decimal("-1.59")]}); r.attrs["flagged"] = 2
    >>> difference_title(r)
    '1 trong 2 số liệu không nhất quán là tỷ lệ: lệch khỏi số liệu gốc nhiều nhất 1,59 điểm %'
    """
    from parstats.numbers import decimal_places, format_number

    if not len(rows):
        return "Không có tỷ lệ nào lệch khỏi số liệu gốc"
    worst = max(abs(d) for d in rows["difference"])
    most = format_number(worst, decimal_places(worst, significant=True))
    total = rows.attrs.get("flagged")
    if total and total != len(rows):
        return f"{len(rows)} trong {total} số liệu không nhất quán là tỷ lệ: lệch khỏi số liệu gốc nhiều nhất {most} điểm %"
    return f"{len(rows)} tỷ lệ lệch khỏi số liệu gốc, nhiều nhất {most} điểm %"


def _tick(value: float) -> str:
    """A tick of the difference axis: ``-0.01`` -> ``'−0,01'``, ``1`` -> ``'1'``.

    Examples
    --------
    >>> [_tick(v) for v in (-1, -0.01, 0, 0.1)]
    ['−1', '−0,01', '0', '0,1']
    """
    from parstats.numbers import decimal_places, format_number

    d = Decimal(repr(abs(value)))
    text = format_number(d, decimal_places(d, significant=True))
    return ("\N{MINUS SIGN}" if value < 0 else "") + text


def difference_chart(rows):
    """Recomputed − reported, in percentage points, for every flagged percentage.

    One row per figure (labelled with what the report wrote and where), a dot at the
    difference coloured by the likely cause, the grey band the rounding tolerance at the
    precision the report used (half a unit of its last decimal): a dot outside its band is
    an error, not a rounding.

    Parameters
    ----------
    rows : pandas.DataFrame
        :func:`difference_rows`.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"where": ["mục II.1"], "quote": ["x"], "reported": ["6,91%"], "recomputed": ["6,46%"],
    ...                   "difference": [Decimal("-0.45")], "tolerance": [Decimal("0.005")],
    ...                   "cause_vi": ["tính trên sai gốc so sánh"], "sub_ids": ["5b"]})
    >>> fig = difference_chart(r)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['6,91% → 6,46% (mục II.1, chỉ tiêu 5b)']
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['−0,45 điểm']
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import NullLocator

    from parstats.numbers import decimal_places, format_number
    from parstats.analysis.plotting import coordinate

    n = len(rows)
    fig, ax = new_figure(8.5, 0.5 * n + 2.0)
    with style():
        causes = list(dict.fromkeys(rows["cause_vi"]))
        colours = {c: PALETTE[SEQUENCE[i % len(SEQUENCE)]] for i, c in enumerate(causes)}
        y = list(range(n))[::-1]
        for yi, (_, r) in zip(y, rows.iterrows()):
            tol = coordinate(r["tolerance"])
            ax.fill_betweenx([yi - 0.3, yi + 0.3], -tol, tol, color=PALETTE["grey"], alpha=0.35, linewidth=0)
            d = coordinate(r["difference"])
            ax.plot([0, d], [yi, yi], color=colours[r["cause_vi"]], linewidth=1.5)
            ax.scatter([d], [yi], s=45, color=colours[r["cause_vi"]], zorder=3)
            diff = r["difference"]
            places = decimal_places(diff, significant=True)
            sign = "+" if diff > 0 else "\N{MINUS SIGN}" if diff < 0 else ""
            # the value stands right of the dot, or right of the zero line for a negative difference
            ax.annotate(f"{sign}{format_number(abs(diff), places)} điểm", (max(d, 0), yi), textcoords="offset points",
                        xytext=(7, 0), ha="left", va="center", fontsize=8)
        labels = [f"{r['reported']} → {r['recomputed']} ({r['where']}" + (f", chỉ tiêu {r['sub_ids']})" if r["sub_ids"]
                                                                       else ")") for _, r in rows.iterrows()]
        ax.set_yticks(y, labels)
        ax.axvline(0, color=PALETTE["black"], linewidth=0.8)
        # a linear scale: a 0,01-point slip looks as small as it is beside a 1,59-point error
        top = max([abs(coordinate(d)) for d in rows["difference"]] + [0.1])
        step = 0.5 if top <= 2.5 else 1 if top <= 5 else 5
        edge = (int(top / step) + 1) * step
        ax.set_xlim(-edge - step, edge + step)  # room for the labels right of the dots
        positions = [k * step for k in range(-int(edge / step), int(edge / step) + 1)]
        ax.set_xticks(positions, [_tick(t) for t in positions])
        ax.xaxis.set_minor_locator(NullLocator())
        ax.set_xlabel("Tính lại trừ báo cáo ghi (điểm phần trăm)")
        ax.set_title(difference_title(rows))
        handles = [Line2D([], [], marker="o", linestyle="none", color=colours[c], label=c[:1].upper() + c[1:])
                   for c in causes]
        handles.append(Patch(facecolor=PALETTE["grey"], alpha=0.35, label="Sai số làm tròn cho phép"))
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, fontsize=8, frameon=False)
        ax.grid(axis="y", visible=False)
    add_source(fig, note="Vùng xám: nửa đơn vị của chữ số thập phân cuối cùng báo cáo ghi, tức mức lệch tối đa "
                         "nếu tỷ lệ được làm tròn nửa lên đúng cách.")
    return fig


def key_findings(path, report=None):
    """The notebook's "Kết luận chính" on the report file ``path``, every number computed from
    its audit (``report``; :func:`parstats.audit.audit_path` of ``path`` when omitted).

    Examples
    --------
    >>> from parstats import paths
    >>> k = key_findings(paths.RAW_REPORT)
    >>> k.sentences[0].startswith("153 số liệu trích dẫn trong báo cáo: ")
    True
    """
    from parstats import audit
    from parstats.analysis.prose import KeyFindings
    from parstats.numbers import decimal_places, format_number

    from parstats.analysis.findings import claim_tally
    from parstats.report import load_report

    report = audit.audit_path(path) if report is None else report
    sentences = [claim_tally(report, load_report(path), _home_targets(path))["sentence"]]
    rows = difference_rows(report, path)
    if len(rows):
        w = rows.iloc[0]
        diff = abs(w["difference"])
        places = decimal_places(diff, significant=True)
        sentences.append(f"Sai lệch lớn nhất: «{w['quote']}» ({w['where']}) — báo cáo ghi {w['reported']}, "
                         f"tính lại được {w['recomputed']}, lệch {format_number(diff, places)} điểm phần trăm "
                         f"({w['cause_vi']}).")
        rounding = rows[rows["cause"].isin(ROUNDING_CAUSES)]
        if len(rounding):
            sentences.append(f"{len(rounding)} trong {len(rows)} tỷ lệ bị gắn cờ chỉ sai do cách làm tròn "
                             f"({', '.join(f'{a} → {b}' for a, b in zip(rounding['reported'], rounding['recomputed']))}).")
    fixes = audit_corrections(report, path)
    linked = fixes[[bool(s) for s in fixes["sub_ids"]]] if len(fixes) else fixes
    if len(linked):
        changed = int(linked["changes_verdict"].sum())
        subs = ", ".join(s for ids in linked["sub_ids"] for s in ids)
        sentences.append(f"{len(linked)} số liệu bị gắn cờ được dùng để đánh giá chỉ tiêu ({subs}); "
                         + (f"{changed} làm đổi đánh giá." if changed else "không số liệu nào làm đổi đánh giá."))
    docs = [f for f in report.flagged if f.claim.kind == "document"]
    if docs:
        items = ", ".join(f"{f.claim.reported} (có lẽ là {f.recomputed})" for f in docs)
        sentences.append(f"{len(docs)} số hiệu văn bản có năm không hợp lệ: {items}.")
    return KeyFindings(tuple(sentences[:6]))


def tally_table(report, path):
    """:func:`parstats.analysis.findings.claim_tally` as a table: one row per group (recomputed,
    checked, a target's threshold, unverifiable), the reasons for the last.

    Examples
    --------
    >>> from parstats import audit, paths
    >>> t = tally_table(audit.audit_path(paths.RAW_REPORT), paths.RAW_REPORT)
    >>> int(t["n"].sum()) == len(audit.audit_path(paths.RAW_REPORT).findings)
    True
    """
    import pandas as pd

    from parstats.analysis.findings import TALLY_GROUPS, claim_tally
    from parstats.report import load_report

    t = claim_tally(report, load_report(path), _home_targets(path))
    reasons = "; ".join(f"{x['reason']} ({x['n']})" for x in t["reasons"])
    return pd.DataFrame([{"group": g, "group_vi": label[:1].upper() + label[1:], "n": t[g]["n"],
                          "consistent": t[g]["consistent"], "inconsistent": t[g]["inconsistent"],
                          "reason": reasons if g == "unverifiable" else ""} for g, label in TALLY_GROUPS.items()])


def _home_targets(path):
    """``data/targets.csv`` when ``path`` is the programme's own report, else None."""
    from pathlib import Path

    from parstats import data, paths

    return data.load("targets") if Path(path).resolve() == paths.RAW_REPORT.resolve() else None


def reviewer_note(report, path) -> Note:
    """«Đề nghị cơ quan soạn thảo xem lại»: :func:`parstats.analysis.findings.review_list` (the
    flagged figures and, for the programme's own report, the curated items of
    ``data/review_items.csv``), ordered by consequence, as Vietnamese Markdown."""
    from parstats.analysis.findings import review_list
    from parstats.report import load_report

    home = _home_targets(path) is not None
    items = review_list(report, load_report(path), curated=home)
    changed = sum(1 for i in items if i["changes_verdict"])
    lines = [f"Đề nghị cơ quan soạn thảo xem lại {len(items)} điểm, xếp theo mức ảnh hưởng (làm đổi đánh giá "
             f"chỉ tiêu trước, rồi theo độ lệch); {changed} điểm làm đổi đánh giá chỉ tiêu:", ""]
    for i in items:
        size = f" Độ lệch: {i['size_text']}." if i["size_text"] else ""
        lines.append(f"- {i['where'][:1].upper() + i['where'][1:]}: «{i['words']}» — {i['wrong']} "
                     f"Đề nghị: {i['right']}{size}")
    return Note("\n".join(lines) + "\n")
