"""The index's first screen: which programme targets were met, which figures are wrong.

:func:`index_findings` puts together, for the site's index, the verdict on each of the six
programme targets (from :func:`parstats.analysis.scoreboard.target_verdicts`) and every figure
the consistency audit flags (:func:`parstats.audit.audit_path`), as reported and recomputed,
where it stands in the report (its section or footnote, as the report numbers them) and
whether it changes the verdict on a sub-target. Everything is computed from ``data/``; the
result is plain JSON (strings, ints, lists, dicts) so that the site can cache it.

Examples
--------
>>> f = index_findings()
>>> f["targets"][1]["sentence"]
'Chỉ tiêu 2: đạt 2/5 chỉ tiêu con'
>>> c = next(c for c in f["corrections"] if c["reported"] == "6,91%")
>>> c["recomputed"], c["where"], c["sub_ids"]
('6,46%', 'mục II.1', ['5b'])
"""
from __future__ import annotations


__all__ = ["corrections", "index_findings", "targets_sentence"]


def corrections(audit, report, board=None) -> list[dict]:
    """Every figure the audit flags: reported, recomputed, where, and whether it changes a verdict.

    Parameters
    ----------
    audit : parstats.audit.AuditReport
    report : parstats.report.Report
        The same report, for its sections and footnotes.
    board : pandas.DataFrame, optional
        :func:`parstats.analysis.scoreboard.scoreboard` (linked to the same audit); without
        it no figure is linked to a sub-target (another report than the programme's).

    Returns
    -------
    list of dict
        One per flagged finding, the most serious first: ``line``, ``source``, ``where``
        (``"mục II.1"``, ``"chú thích 5"``), ``quote``, ``kind_vi``, ``reported``,
        ``recomputed``, ``difference`` (recomputed − reported, in points, for a percentage;
        ``""`` otherwise), ``cause`` (the audit's code), ``cause_vi``, ``severity_vi``, ``sub_ids`` (sub-targets judged on the
        figure), ``changes_verdict`` (bool) and ``verdict`` (a Vietnamese sentence).
    """
    from parstats.analysis.labels import source_label
    from parstats.analysis.scoreboard import MET, NOT_MET
    from parstats.audit import CAUSES_VI
    from parstats.audit.frames import KINDS_VI, SEVERITIES_VI
    from parstats.numbers import format_number, parse_percent

    out = []
    for f in audit.flagged:
        c = f.claim
        source = report.source_at(c.line)
        subs, changes = [], False
        if board is not None:
            linked = board[(board["recomputed_text"] == (f.recomputed or "")) & (board["recomputed_text"] != "")
                           & (board["actual_text"] == (c.reported or ""))]
            subs = list(dict.fromkeys(linked["sub_id"]))
            changes = bool((linked["verdict_changes"] == True).any())  # noqa: E712 - True/False/None
        if subs:
            names = ", ".join(subs)
            before = ", ".join(dict.fromkeys(linked["status"].str.lower()))
            after = ", ".join(dict.fromkeys((MET if m else NOT_MET).lower() for m in linked["recomputed_met"]))
            verdict = (f"Làm đổi đánh giá chỉ tiêu {names}: từ {before} thành {after}." if changes
                       else f"Không làm đổi đánh giá chỉ tiêu {names} (vẫn {after}).")
        else:
            verdict = "Không dùng để đánh giá chỉ tiêu nào." if board is not None else ""
        difference = ""
        if c.kind in ("ratio", "change") and c.reported and f.recomputed:
            rep, rec = parse_percent(c.reported), parse_percent(f.recomputed)
            places = max(rep.decimals, rec.decimals)
            d = rec.value - rep.value
            difference = ("+" if d > 0 else "") + format_number(d, places)
        out.append({"line": c.line, "source": source, "where": source_label(source) if source else f"dòng {c.line}",
                    "quote": c.quote, "kind_vi": KINDS_VI[c.kind], "reported": c.reported or "",
                    "recomputed": f.recomputed or "", "difference": difference,
                    "cause": f.cause or "", "cause_vi": CAUSES_VI.get(f.cause, ""), "severity_vi": SEVERITIES_VI[f.severity],
                    "sub_ids": subs, "changes_verdict": changes, "verdict": verdict})
    return out


def targets_sentence(met: int, total: int) -> str:
    """The headline on the programme's targets.

    Examples
    --------
    >>> targets_sentence(0, 6), targets_sentence(2, 6)
    ('Chưa chỉ tiêu nào trong 6 chỉ tiêu đạt: không chỉ tiêu nào đạt đủ mọi chỉ tiêu con.', '2 trên 6 chỉ tiêu đạt.')
    """
    if met == 0:
        return f"Chưa chỉ tiêu nào trong {total} chỉ tiêu đạt: không chỉ tiêu nào đạt đủ mọi chỉ tiêu con."
    return f"{met} trên {total} chỉ tiêu đạt."


def index_findings(data_dir=None, *, audit=None) -> dict:
    """The first screen of the site's index, as plain JSON.

    Parameters
    ----------
    data_dir : Path, optional
        The project's data folder (default ``data/``).
    audit : parstats.audit.AuditReport, optional
        The audit of the raw report (run when omitted).

    Returns
    -------
    dict
        ``targets`` (one dict per programme target: ``no``, ``status``, ``sentence``,
        ``detail``), ``targets_met``, ``targets_total``, ``headline``, ``subs`` (counts of
        sub-targets by verdict: ``total``, ``met``, ``not_met``, ``no_data``), ``rows``
        (scoreboard rows: sub-target and period), ``report_met``, ``report_not_met``,
        ``agree``, ``disagree``, ``corrections`` (:func:`corrections`), ``changed``
        (corrections that change a verdict), ``unchecked_met`` (met sub-targets with no figure the audit could recompute), ``notes``
        (sub-targets whose target measures
        something else than the reported figure, in a sentence), ``values`` (``sub_id -> [every value the scoreboard shows for it]``).
    """
    from parstats import audit as audit_mod, data, paths
    from parstats.analysis.scoreboard import (MET, NO_DATA, NOT_MET, scoreboard, scoreboard_summary,
                                              sub_target_verdicts, target_verdicts, unchecked_met)
    from parstats.report import load_report

    raw = data._data_dir(data_dir) / "raw" / paths.RAW_REPORT.name
    audited = audit_mod.audit_path(raw) if audit is None else audit
    board = scoreboard(data.load("targets", data_dir=data_dir), audit=audited, data_dir=data_dir)
    subs = sub_target_verdicts(board)
    judged = subs[subs["has_target"]]
    tv = target_verdicts(board)
    periods = {r["sub_id"]: r["periods"].lower().replace(": ", " ").replace(";", ",")
               for _, r in subs.iterrows() if r["periods"]}
    targets = []
    for _, t in tv.iterrows():
        def named(ids: str) -> str:
            return ", ".join(f"{i} ({periods[i]})" if i in periods else i for i in ids.split(", "))

        detail = "; ".join(f"{label.lower()}: {named(t[key])}" for label, key in
                           ((MET, "met_ids"), (NOT_MET, "not_met_ids"), (NO_DATA, "no_data_ids")) if t[key])
        targets.append({"no": int(t["target_no"]), "status": t["status"], "sentence": t["sentence"],
                        "detail": detail, "met": t["status"] == MET})
    fixes = corrections(audited, load_report(raw), board)
    summary = scoreboard_summary(board)
    n_met = sum(1 for t in targets if t["met"])
    shown = {}
    for _, r in board.iterrows():
        values = [v for v in (r["actual_text"], r["recomputed_text"], r["measure_text"]) if v]
        shown.setdefault(r["sub_id"], []).extend(values)
    return {
        "targets": targets, "targets_met": n_met, "targets_total": len(targets),
        "headline": targets_sentence(n_met, len(targets)),
        "subs": {"total": int(len(judged)), "met": int((judged["status"] == MET).sum()),
                 "not_met": int((judged["status"] == NOT_MET).sum()),
                 "no_data": int((judged["status"] == NO_DATA).sum())},
        "rows": summary["total"], "report_met": summary["report_met"], "report_not_met": summary["report_not_met"],
        "agree": summary["agree"], "disagree": summary["disagree"],
        "corrections": fixes, "changed": sum(1 for c in fixes if c["changes_verdict"]),
        "unchecked_met": unchecked_met(board),
        "notes": [f"Chỉ tiêu {r['sub_id']}: {r['measure_note']}" for _, r in board.iterrows() if r["measure_note"]],
        "values": shown,
    }
