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


__all__ = ["TALLY_GROUPS", "claim_tally", "corrections", "from_boundary", "index_findings", "review_list",
           "tally_sentence", "targets_sentence", "threshold_claims"]


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
                    "quote": c.quote, "kind": c.kind, "kind_vi": KINDS_VI[c.kind], "reported": c.reported or "",
                    "recomputed": f.recomputed or "", "difference": difference,
                    "cause": f.cause or "", "cause_vi": CAUSES_VI.get(f.cause, ""), "severity_vi": SEVERITIES_VI[f.severity],
                    "sub_ids": subs, "changes_verdict": changes, "verdict": verdict})
    return out


def targets_sentence(met: int, total: int) -> str:
    """The headline on the programme's targets.

    Examples
    --------
    >>> targets_sentence(0, 6), targets_sentence(2, 6)
    ('Giữa nhiệm kỳ, chưa có chỉ tiêu nào trong 6 chỉ tiêu đạt đủ mọi chỉ tiêu con.', 'Giữa nhiệm kỳ, 2 trong 6 chỉ tiêu đã đạt đủ mọi chỉ tiêu con.')
    """
    if met == 0:
        return f"Giữa nhiệm kỳ, chưa có chỉ tiêu nào trong {total} chỉ tiêu đạt đủ mọi chỉ tiêu con."
    return f"Giữa nhiệm kỳ, {met} trong {total} chỉ tiêu đã đạt đủ mọi chỉ tiêu con."


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

    raw = data.data_dir_path(data_dir) / "raw" / paths.RAW_REPORT.name
    audited = audit_mod.audit_path(raw) if audit is None else audit
    board = scoreboard(data.load("targets", data_dir=data_dir), audit=audited, data_dir=data_dir)
    subs = sub_target_verdicts(board)
    judged = subs[subs["has_target"]]
    tv = target_verdicts(board)
    periods = {r["sub_id"]: r["periods"].lower().replace(": ", " ").replace(";", ",")
               for _, r in subs.iterrows() if r["periods"]}
    prefix = "không có số liệu ("
    general = {r["sub_id"]: r["actual_text"][len(prefix):-1] for _, r in board.iterrows()
               if r["status"] == NO_DATA and r["actual_text"].startswith(prefix)}
    periods.update(general)
    targets = []
    for _, t in tv.iterrows():
        def named(ids: str) -> str:
            return ", ".join(f"{i} ({periods[i]})" if i in periods else i for i in ids.split(", "))

        detail = "; ".join(f"{label.lower()}: {named(t[key])}" for label, key in
                           ((MET, "met_ids"), (NOT_MET, "not_met_ids"), (NO_DATA, "no_data_ids")) if t[key])
        if not detail:  # a target without a number: what the report says of it, counts as written
            said = board[(board["target_no"] == t["target_no"]) & (board["measure_text"] != "")]
            detail = "; ".join(f"báo cáo nêu {r['measure_counts_text']} ({r['measure_text']}): «{r['measure_quote']}»"
                               for _, r in said.iterrows())
        targets.append({"no": int(t["target_no"]), "status": t["status"], "sentence": t["sentence"],
                        "detail": detail, "met": t["status"] == MET})
    fixes = corrections(audited, load_report(raw), board)
    fixes = [{k: v for k, v in c.items()} for c in fixes]
    summary = scoreboard_summary(board)
    n_met = sum(1 for t in targets if t["met"])
    shown = {}
    for _, r in board.iterrows():
        values = [v for v in (r["actual_text"], r["recomputed_text"], r["measure_text"]) if v]
        shown.setdefault(r["sub_id"], []).extend(values)
    rep = load_report(raw)
    tally = claim_tally(audited, rep, data.load("targets", data_dir=data_dir))
    return {
        "tally": tally, "review": review_list(audited, rep, board, data_dir=data_dir),
        "self_assessment": self_assessment(board), "on_track": on_track_rows(board), "key": code_key(board),
        "mid_term": mid_term_sentence(board),
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


# --------------------------------------------------------------------------- what was done to each figure

#: The groups of :func:`claim_tally`, in the order a page lists them, with their Vietnamese names.
TALLY_GROUPS = {
    "recomputed": "được tính lại (tỷ lệ, mức tăng/giảm, tổng)",
    "checked": "được đối chiếu (ngày tháng, số hiệu văn bản, thứ hạng)",
    "threshold": "là mức chỉ tiêu đề ra, không phải kết quả",
    "unverifiable": "là kết quả không kiểm chứng được",
}

#: The kinds of claim whose value is recomputed from other numbers; the others are checked.
RECOMPUTED_KINDS = ("ratio", "change", "sum")


def threshold_claims(audit, report, targets) -> set[str]:
    """The ids of the claims that are a programme target's threshold, not a result: a share
    the audit reads as a value, standing where the report writes a target of ``targets``
    (its ``description``, the threshold as written in it).

    Examples
    --------
    >>> from parstats import audit, data, paths
    >>> from parstats.report import load_report
    >>> sorted(threshold_claims(audit.audit_path(paths.RAW_REPORT), load_report(), data.load("targets")))[:3]
    ['ratio-49-1', 'ratio-51-1', 'ratio-59-1']
    """
    from parstats.analysis.tables import is_missing
    from parstats.report import normalize_text

    spots = []  # (line, text before the threshold's end)
    units = list(report.units())
    for _, t in targets.iterrows():
        if is_missing(t["target_value"]) or t["unit"] != "percent":
            continue
        desc = normalize_text(t["description"])
        mark = f"{t['target_value_text']}%"
        for text, _source, line_of in units:
            at = text.find(desc)
            if at < 0:
                continue
            inner = desc.find(mark)
            if inner >= 0:
                end = at + inner + len(mark)
                spots.append((line_of(end - 1), text[:end], mark))
            break
    out = set()
    for f in audit.findings:
        c = f.claim
        if c.kind != "ratio" or c.numerator is not None or not c.reported:
            continue
        quote = normalize_text(c.quote)
        if any(c.line == line and c.reported == mark and before.endswith(quote) for line, before, mark in spots):
            out.add(c.id)
    return out


def claim_tally(audit, report, targets=None) -> dict:
    """What was done to each figure the audit reads: recomputed, checked, a target's threshold,
    or a result that cannot be checked (with the reason).

    Parameters
    ----------
    audit : parstats.audit.AuditReport
    report : parstats.report.Report
    targets : pandas.DataFrame, optional
        ``data/targets.csv``; without it no claim is a threshold (another report).

    Returns
    -------
    dict
        ``claims`` (all), per group of :data:`TALLY_GROUPS` a dict ``n``, ``consistent``,
        ``inconsistent``, ``label``; ``reasons`` (the unverifiable results by Vietnamese
        reason: ``[{"reason", "n"}]``); ``sentence`` (Vietnamese).

    Examples
    --------
    >>> from parstats import audit, data, paths
    >>> from parstats.report import load_report
    >>> t = claim_tally(audit.audit_path(paths.RAW_REPORT), load_report(), data.load("targets"))
    >>> sum(t[g]["n"] for g in TALLY_GROUPS) == t["claims"], t["threshold"]["n"]
    (True, 8)
    """
    thresholds = threshold_claims(audit, report, targets) if targets is not None else set()
    groups = {g: {"n": 0, "consistent": 0, "inconsistent": 0, "label": label} for g, label in TALLY_GROUPS.items()}
    reasons: dict[str, int] = {}
    for f in audit.findings:
        c = f.claim
        if c.id in thresholds:
            group = "threshold"
        elif f.status == "unverifiable":
            group = "unverifiable"
            why = _reason_vi(f)
            reasons[why] = reasons.get(why, 0) + 1
        elif c.kind in RECOMPUTED_KINDS:
            group = "recomputed"
        else:
            group = "checked"
        groups[group]["n"] += 1
        if f.status in ("consistent", "inconsistent"):
            groups[group][f.status] += 1
    out = {"claims": len(audit.findings), **groups,
           "reasons": [{"reason": r, "n": n} for r, n in sorted(reasons.items(), key=lambda kv: -kv[1])]}
    out["sentence"] = tally_sentence(out)
    return out


def _reason_vi(finding) -> str:
    """Why a figure cannot be checked, in Vietnamese (the audit's diagnosis, its numbers dropped)."""
    if finding.claim.kind == "ratio" and finding.claim.numerator is None:
        return "báo cáo chỉ nêu tỷ lệ, không nêu số lượng và tổng số"
    from parstats.audit.messages import diagnosis

    return (diagnosis(finding, "vi") or "không đủ số liệu gốc").rstrip(".")


def tally_sentence(t: dict) -> str:
    """The count of what was done, in one Vietnamese sentence.

    Examples
    --------
    >>> g = lambda n, c, i: {"n": n, "consistent": c, "inconsistent": i}
    >>> tally_sentence({"claims": 10, "recomputed": g(4, 3, 1), "checked": g(3, 3, 0), "threshold": g(1, 0, 0),
    ...                 "unverifiable": g(2, 0, 0), "reasons": [{"reason": "chỉ nêu tỷ lệ", "n": 2}]})
    '10 số liệu trích dẫn trong báo cáo: 4 được tính lại (3 nhất quán, 1 không nhất quán); 3 được đối chiếu (3 hợp lệ, 0 sai); 1 là mức chỉ tiêu đề ra, không phải kết quả; 2 là kết quả không kiểm chứng được (chỉ nêu tỷ lệ: 2).'
    """
    r, c = t["recomputed"], t["checked"]
    parts = [f"{r['n']} được tính lại ({r['consistent']} nhất quán, {r['inconsistent']} không nhất quán)",
             f"{c['n']} được đối chiếu ({c['consistent']} hợp lệ, {c['inconsistent']} sai)"]
    if t["threshold"]["n"]:
        parts.append(f"{t['threshold']['n']} là mức chỉ tiêu đề ra, không phải kết quả")
    if t["unverifiable"]["n"]:
        why = "; ".join(f"{x['reason']}: {x['n']}" for x in t["reasons"])
        parts.append(f"{t['unverifiable']['n']} là kết quả không kiểm chứng được ({why})")
    return f"{t['claims']} số liệu trích dẫn trong báo cáo: " + "; ".join(parts) + "."


# --------------------------------------------------------------------------- the reviewer's list


def _rows(ref: str, data_dir=None) -> list:
    """The rows ``"table:id table:id"`` names, in order (a ValueError names a missing one)."""
    from parstats import data

    out = []
    for item in ref.split():
        table, row_id = item.split(":", 1)
        frame = data.load(table, data_dir=data_dir).set_index("id")
        if row_id not in frame.index:
            raise ValueError(f"data/review_items.csv, column 'rows': {item!r} names no row of data/{table}.csv")
        out.append((table, frame.loc[row_id]))
    return out


def _points(value) -> str:
    from parstats.numbers import decimal_places, format_number

    return format_number(value, decimal_places(value, significant=True)) + " điểm %"


def _curated_item(r, board, report, data_dir=None) -> dict:
    """One row of ``data/review_items.csv`` as a reviewer's item, its numbers computed."""
    from decimal import Decimal

    from parstats.analysis.labels import label, source_label
    from parstats.analysis.scoreboard import MET, NOT_MET, format_value
    from parstats.analysis.tables import is_missing
    from parstats.numbers import format_number
    from parstats.ratios import percent

    where = source_label(r["source"])
    sub = "" if is_missing(r["sub_id"]) else r["sub_id"]
    size, changes, wrong, right = None, False, r["issue"], ""
    if r["kind"] == "measure":
        b = board[board["sub_id"] == sub].iloc[0]
        size = abs(Decimal(b["actual"]) - b["measure_value"])
        changes = b["measure_met"] != b["reported_met"]
        verdict = (MET if b["measure_met"] else NOT_MET).lower()
        wrong += f" Báo cáo ghi {b['actual_text']} ({b['reported_measure']})."
        right = (f"Trả lời theo {b['target_measure']}: {b['measure_counts_text']} = {b['measure_text']} "
                 f"(số đếm báo cáo nêu ở {source_label(b['measure_source'])}); đánh giá {verdict}"
                 + (", đổi so với giá trị báo cáo ghi." if changes else ", không đổi."))
        where += f", chỉ tiêu {sub}"
    elif r["kind"] == "contradiction":
        (t0, first), *others = _rows(r["rows"], data_dir)
        values = [(t, o) for t, o in others]
        top = max(Decimal(o["percent"]) for _, o in values)
        size = Decimal(first["percent"]) - top
        said = ", ".join(f"{format_value(o['percent'], 'percent')} ({label(t, 'level', o['level']).lower()})"
                         for t, o in values)
        at = ", ".join(dict.fromkeys(source_label(o["source"]) for _, o in values))
        wrong += f" {at[:1].upper() + at[1:]} nêu {said}; chênh ít nhất {_points(size)}."
        right = (f"Thống nhất một tỷ lệ cho cùng một loại hồ sơ công việc giữa {where} và {at} ({said}), "
                 "hoặc nêu riêng tỷ lệ văn bản và tỷ lệ hồ sơ công việc.")
        if sub:
            where += f", chỉ tiêu {sub}"
    elif r["kind"] == "base":
        (_, first), (_, new), (_, change) = _rows(r["rows"], data_dir)
        base1, now, drop = int(first["total"]), int(new["count"]), int(change["count"])
        base2 = now + drop
        wrong += (f" Gốc năm 2021 là {format_number(base1)} ({format_number(int(first['count']))}/"
                  f"{format_number(base1)}), nhưng {format_number(now)} + {format_number(drop)} = "
                  f"{format_number(base2)}; chênh {format_number(base1 - base2)}.")
        right = (f"Nêu rõ số biên chế năm 2021 của từng loại để hai gốc đối chiếu được; trên gốc "
                 f"{format_number(base2)}, mức giảm {format_number(drop)} người là "
                 f"{format_value(percent(drop, base2, 2), 'percent')}.")
        if sub:
            where += f", chỉ tiêu {sub}"
    elif r["kind"] == "document_form":
        import re

        (table, doc), = _rows(r["rows"], data_dir)
        from parstats import data

        docs = data.load(table, data_dir=data_dir)
        same = docs[(docs["doc_type"] == doc["doc_type"]) & docs["issuer"].str.startswith("Ủy ban nhân dân")
                    & (docs["number"] != doc["number"])]
        forms = [n for n in same["number"] if re.fullmatch(r"\d+/[A-ZĐ]+-[A-ZĐ]+", n)]
        suffix = forms[0].split("/", 1)[1]
        number = re.match(r"\d+", doc["number"]).group(0)
        wrong += f" Báo cáo viết {doc['number']}; ở chỗ khác viết {', '.join(forms[:2])}."
        right = f"Kế hoạch số {number}/{suffix}."
    else:  # typo
        right = f"«{r['correction']}»."
    line = report.locate(r["quote"]).line
    return {"kind": r["kind"], "kind_vi": label("review_items", "kind", r["kind"]), "where": where,
            "words": r["words"], "wrong": wrong, "right": right, "size": size,
            "size_text": "" if size is None else _points(size), "changes_verdict": bool(changes),
            "sub_ids": [sub] if sub else [], "line": line}


def review_list(audit, report, board=None, *, data_dir=None, curated: bool = True) -> list[dict]:
    """«Đề nghị cơ quan soạn thảo xem lại»: every figure the audit flags and every curated item
    of ``data/review_items.csv`` (another measure, a contradiction, an unreconciled base, a
    document number's form, a typo), ordered by consequence: what changes a verdict first,
    then by size in percentage points (largest first), then the rest in the report's order.

    Returns
    -------
    list of dict
        ``kind_vi``, ``where`` (mục, chú thích, chỉ tiêu), ``words`` (quoted), ``wrong``,
        ``right``, ``size_text``, ``changes_verdict``, ``line`` (for ordering only; never shown).

    Examples
    --------
    >>> from parstats import audit, paths
    >>> from parstats.report import load_report
    >>> items = review_list(audit.audit_path(paths.RAW_REPORT), load_report())
    >>> items[0]["where"], items[0]["size_text"]
    ('mục II.2.7, chỉ tiêu 6c', '35 điểm %')
    """
    from decimal import Decimal

    from parstats import data
    from parstats.analysis.scoreboard import scoreboard
    from parstats.numbers import parse_percent

    if board is None and curated:
        board = scoreboard(audit=audit, data_dir=data_dir)
    items = []
    for c in corrections(audit, report, board):
        size = None
        if c["difference"]:
            size = abs(parse_percent(c["recomputed"]).value - parse_percent(c["reported"]).value)
        right = f"{c['recomputed']}" + (f" ({c['cause_vi']})" if c["cause_vi"] else "") + "."
        items.append({"kind": "arithmetic", "kind_vi": f"số học: {c['kind_vi'].lower()}",
                      "where": c["where"] + (f", chỉ tiêu {', '.join(c['sub_ids'])}" if c["sub_ids"] else ""),
                      "words": from_boundary(report, c["quote"]),
                      "wrong": WRONG_VI.get(c["kind"], WRONG_VI["ratio"]).format(reported=c["reported"]),
                      "right": right, "size": size, "size_text": "" if size is None else _points(size),
                      "changes_verdict": c["changes_verdict"], "sub_ids": c["sub_ids"], "line": c["line"]})
    if curated:
        for _, r in data.load("review_items", data_dir=data_dir).iterrows():
            items.append(_curated_item(r, board, report, data_dir))
    items.sort(key=lambda i: (not i["changes_verdict"], i["size"] is None, -(i["size"] or Decimal(0)), i["line"]))
    for i in items:
        i["size"] = None if i["size"] is None else str(i["size"])
    return items


#: What is wrong with a flagged figure, by the kind of claim, in the reviewer's list.
WRONG_VI = {
    "ratio": "Báo cáo ghi {reported}, không khớp với chính các số đếm và tổng số báo cáo nêu.",
    "change": "Báo cáo ghi {reported}, không khớp với hai giá trị báo cáo nêu.",
    "sum": "Báo cáo ghi {reported}, không bằng tổng các phần báo cáo nêu.",
    "date": "Ngày {reported} không có trong lịch.",
    "document": "Số hiệu văn bản ghi {reported}, không khớp với ngày ban hành hoặc loại văn bản.",
    "rank": "Báo cáo ghi {reported}, không khớp với các số liệu báo cáo nêu.",
}


def from_boundary(report, quote: str, reach: int = 80) -> str:
    """``quote`` extended back to the start of its clause (after «. », «; », «: » or the
    paragraph's start) when it begins inside one, and cut after a clause's end it begins with.

    Examples
    --------
    >>> from parstats.report import load_report
    >>> from_boundary(load_report(), "chức cấp huyện có trình độ chuyên môn đại học trở lên là 128/129 người")
    'Đến nay, số lượng cán bộ, công chức cấp huyện có trình độ chuyên môn đại học trở lên là 128/129 người'
    """
    from parstats.report import normalize_text

    q = normalize_text(quote)
    head = q.find("; ")
    if 0 <= head < 20:
        return q[head + 2:]
    if ": " in q:  # the figure stands in the clause after the target's statement
        return q.rsplit(": ", 1)[1]
    for text, _source, _line_of in report.units():
        at = text.find(q)
        if at < 0:
            continue
        if at == 0 or text[at - 2:at] in (". ", "; ", ": ") or text[at - 1] in "(«":
            return q
        window = text[max(0, at - reach):at]
        cut = max(window.rfind(s) for s in (". ", "; ", ": "))
        if cut < 0 and at <= reach:
            return text[:at] + q
        return (window[cut + 2:] if cut >= 0 else window[window.find(" ") + 1:]) + q
    return q


# --------------------------------------------------------------------------- the index's sentences


def self_assessment(board) -> str:
    """The report's own verdicts, every one accounted for: compared with ours (agree or not),
    stated in words only (kept, or checked by counts), or without a figure.

    Examples
    --------
    >>> from parstats.analysis.scoreboard import scoreboard
    >>> self_assessment(scoreboard()).split(".")[0]
    'Báo cáo tự đánh giá 7 chỉ tiêu con: 3 đạt (2c, 2d, 6b), 4 chưa đạt (5a, 5b, 5c, 6a)'
    """
    from parstats.analysis.scoreboard import NO_DATA, REPORT_MET, REPORT_NOT_MET

    own = board[board["report_verdict_key"] != ""]

    def ids(frame) -> str:
        return ", ".join(dict.fromkeys(frame["sub_id"]))

    met, not_met = own[own["report_verdict_key"] == REPORT_MET], own[own["report_verdict_key"] == REPORT_NOT_MET]
    compared = own[own["agrees"].notna()]
    agree, disagree = compared[compared["agrees"] == True], compared[compared["agrees"] == False]  # noqa: E712
    words = own[(own["actual"].isna()) & (own["basis"] == "words")]
    checked = words[words["check_met"].notna()]
    nodata = own[own["status"] == NO_DATA]
    parts = [f"đánh giá tính lại khớp ở {len(agree)} trường hợp" + (f" ({ids(agree)})" if len(agree) else "")
             + f", khác ở {len(disagree)} trường hợp" + (f" ({ids(disagree)})" if len(disagree) else "")]
    if len(words):
        part = (f"{len(words)} trường hợp báo cáo chỉ nêu «Đạt chỉ tiêu đề ra», không nêu số ({ids(words)}): "
                "giữ đánh giá của báo cáo")
        if len(checked):
            part += f", riêng {ids(checked)} kiểm chứng được bằng số đếm báo cáo nêu"
        parts.append(part)
    if len(nodata):
        parts.append(f"{len(nodata)} trường hợp không có số liệu để đánh giá lại ({ids(nodata)}: báo cáo chỉ đánh giá "
                     "chung cả chỉ tiêu)")
    return (f"Báo cáo tự đánh giá {len(own)} chỉ tiêu con: {len(met)} đạt ({ids(met)}), {len(not_met)} chưa đạt "
            f"({ids(not_met)}). Trong đó " + "; ".join(parts) + ".")


def on_track_rows(board) -> list[dict]:
    """The change targets with a baseline: progress against the share of the period elapsed."""
    rows = board[board["on_track"] != ""]
    return [{"sub_id": r["sub_id"], "target": r["target"], "value": r["value_text"],
             "basis": r["value_basis_vi"], "progress": r["progress_text"], "elapsed": r["elapsed_text"],
             "years": r["progress_years"], "as_of": int(r["as_of_year"]), "status": r["on_track"]}
            for _, r in rows.iterrows()]


def mid_term_sentence(board) -> str:
    """The mid-term framing: when the targets fall due and when the report's figures stand.

    Examples
    --------
    >>> from parstats.analysis.scoreboard import scoreboard
    >>> mid_term_sentence(scoreboard()).startswith("Các chỉ tiêu phải đạt vào năm 2025")
    True
    """
    from parstats.analysis.scoreboard import report_year

    due = sorted({int(y) for y in board["due_year"] if y is not None})
    return (f"Các chỉ tiêu phải đạt vào năm {', '.join(str(y) for y in due)}; báo cáo là sơ kết giữa nhiệm kỳ, "
            f"số liệu đến năm {report_year()}. Vì vậy «chưa đạt» ở đây nghĩa là chưa đạt tại thời điểm báo cáo, "
            f"còn thời hạn đến năm {due[-1]}.")


def code_key(board) -> list[dict]:
    """The key to the codes a page uses for the sub-targets and indices (1, 2a … 6d, PAR INDEX,
    SIPAS): code and what it stands for, in the report's words."""
    from parstats.analysis.labels import label

    out = []
    for sub_id, g in board.groupby("sub_id", sort=False):
        out.append({"code": sub_id, "text": g["description"].iloc[0]})
    out.append({"code": "PAR INDEX", "text": label("par_index_sipas", "index", "PAR_INDEX")
                + ": chỉ tiêu 1 xét thứ hạng của huyện theo chỉ số này"})
    out.append({"code": "SIPAS", "text": label("par_index_sipas", "index", "SIPAS") + ": đo chỉ tiêu 2a"})
    return out
