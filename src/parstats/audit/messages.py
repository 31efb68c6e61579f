"""The audit's words for a reader: statuses, diagnoses and locations in Vietnamese (default) or English.

:func:`diagnosis` is what a page shows for a finding (the notebook, the site, the annotated
report); :attr:`parstats.audit.checks.Finding.diagnosis` stays the English, machine-facing text
of ``--format json``/``csv`` (the labelled evaluation compares it byte for byte).

The audit writes each diagnosis as clauses joined by ``"; "``, every clause from a fixed
sentence with numbers in it (:mod:`parstats.audit.checks`, :mod:`~parstats.audit.passes`,
:mod:`~parstats.audit.documents`, the doubts of :mod:`~parstats.audit.paragraph`). Each such
sentence is written once more in :mod:`parstats.audit.phrasebook` as a
:class:`~parstats.audit.phrasebook.Phrase`: the English with its fields, and the Vietnamese with
the same fields. A field that is itself words (how a total was tied, "3 more
than 128", "count") is put into Vietnamese by its own phrases; numbers are already written the
Vietnamese way by the audit and are carried over unchanged. A clause that no phrase reads is
left in English (:func:`untranslated` lists them; the tests require none on the project's texts).

Canonical Vietnamese words: :data:`STATUSES_VI`, :data:`SEVERITIES_VI`, :data:`KINDS_VI`,
:data:`CAUSES_VI` (re-exported by :mod:`parstats.audit` and read by the analysis layer).

Examples
--------
>>> from parstats.audit import audit_text
>>> f = audit_text("Cán bộ có trình độ đại học trở lên là 128/129 người, tỷ lệ 98,45%.").findings[0]
>>> diagnosis(f)
'số lượng lệch một ít: 127/129 mới cho 98,45% (ít hơn 128 là 1)'
>>> diagnosis(f, "en") == f.diagnosis
True
>>> status_text("unverifiable"), severity_text("major"), kind_text("ratio", "en")
('không kiểm chứng được', 'nghiêm trọng', 'share')
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from typing import Callable

from parstats.audit.model import split_basis
from parstats.audit.phrasebook import BASIS_PHRASES, DIAGNOSIS_PHRASES, OFF_PHRASES, WORDS, Phrase

__all__ = ["LANGS", "STATUSES_VI", "SEVERITIES_VI", "KINDS_VI", "CAUSES_VI", "diagnosis",
           "translate", "untranslated", "basis_text", "status_text", "severity_text",
           "kind_text", "cause_text", "location_text", "recomputation_text"]

#: Languages of the reader-facing words.
LANGS = ("vi", "en")

#: Statuses in Vietnamese (the words of the notebooks and the site).
STATUSES_VI = {"consistent": "nhất quán", "inconsistent": "không nhất quán",
               "unverifiable": "không kiểm chứng được"}
STATUSES_EN = {"consistent": "consistent", "inconsistent": "inconsistent",
               "unverifiable": "unverifiable"}

#: Severities in Vietnamese (``None``: not inconsistent).
SEVERITIES_VI = {"minor": "nhỏ", "major": "nghiêm trọng", None: ""}
SEVERITIES_EN = {"minor": "minor", "major": "major", None: ""}

#: Kinds of claim in Vietnamese.
KINDS_VI = {"ratio": "tỷ lệ", "change": "tăng/giảm", "sum": "tổng", "rank": "xếp hạng",
            "date": "ngày tháng", "document": "văn bản"}
KINDS_EN = {"ratio": "share", "change": "change", "sum": "sum", "rank": "rank", "date": "date",
            "document": "document number"}

#: Likely causes of an inconsistency in Vietnamese.
CAUSES_VI = {
    "rounded-down": "làm tròn xuống thay vì làm tròn nửa lên",
    "rounded-twice": "làm tròn hai lần",
    "rounded-up": "làm tròn lên",
    "wrong-base": "tính trên sai gốc so sánh",
    "transposed-digits": "đảo vị trí chữ số",
    "count-off": "số đếm lệch một ít",
    "total-off": "tổng số lệch một ít",
    "shared-total": "các tỷ lệ cùng khớp một tổng số khác",
    "parts-mismatch": "các thành phần không cộng đúng tổng",
    "document": "số hiệu văn bản sai",
    "reported-value": "tỷ lệ ghi sai (số đếm và tổng số đã được văn bản xác nhận)",
    "other": "chưa rõ nguyên nhân",
}


def _check(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return lang


def status_text(status: str, lang: str = "vi") -> str:
    """The word for a status (``consistent``, ``inconsistent``, ``unverifiable``)."""
    return (STATUSES_VI if _check(lang) == "vi" else STATUSES_EN)[status]


def severity_text(severity: str | None, lang: str = "vi") -> str:
    """The word for a severity (``minor``, ``major``; ``""`` for None)."""
    return (SEVERITIES_VI if _check(lang) == "vi" else SEVERITIES_EN)[severity]


def kind_text(kind: str, lang: str = "vi") -> str:
    """The word for a kind of claim."""
    return (KINDS_VI if _check(lang) == "vi" else KINDS_EN)[kind]


def cause_text(cause: str | None, lang: str = "vi") -> str:
    """The likely cause of an inconsistency in words (``""`` for None)."""
    if cause is None:
        return ""
    return CAUSES_VI.get(cause, "") if _check(lang) == "vi" else cause.replace("-", " ")


_SHARE_REPORTED = re.compile(r"\(reported ([^()]*)\)")
_LINE = re.compile(r"\(line (\d+)\)")

def _shares_vi(text: str) -> str:
    return _SHARE_REPORTED.sub(lambda m: "(báo cáo ghi " + _NEAR_FIT.sub(r", gần khớp (\1)", m.group(1)) + ")",
                               text)


_NEAR_FIT = re.compile(r", near fit ([0-9.,]+%)")


#: how a line number of the read text is named for the reader: "dòng 151", or where the line
#: stands in the original document ("trang 10, mục II.2.5") while :func:`diagnosis` is given one
_WHERE: ContextVar[Callable[[int], str] | None] = ContextVar("_WHERE", default=None)


def _line_vi(text: str) -> str | None:
    if not text.isdigit():
        return None
    where = _WHERE.get()
    return where(int(text)) if where is not None else f"dòng {text}"


def _lines_vi(text: str) -> str:
    return _LINE.sub(lambda m: f"({_line_vi(m.group(1))})", text)


def _word_vi(text: str) -> str | None:
    return WORDS.get(text)


def _phrase_vi(phrases: list[Phrase]) -> Callable[[str], str | None]:
    def tr(text: str) -> str | None:
        for ph in phrases:
            m = ph.pattern.fullmatch(text)
            if m is None:
                continue
            values = m.groupdict()
            ok = True
            for name, book in ph.words:
                v = _BOOKS[book](values[name])
                if v is None:
                    ok = False
                    break
                values[name] = v
            if ok:
                return ph.vi.format(**values)
        return None
    return tr


_BOOKS: dict[str, Callable[[str], str | None]] = {
    "word": _word_vi, "what": {"count": "số lượng", "change": "mức tăng/giảm"}.get, "off": _phrase_vi(OFF_PHRASES), "basis": _phrase_vi(BASIS_PHRASES),
    "shares": _shares_vi, "lines": _lines_vi, "line": _line_vi,
}
_diagnosis_vi = _phrase_vi(DIAGNOSIS_PHRASES)


def _translate(text: str) -> tuple[str, list[str]]:
    """(Vietnamese text, English clauses left untranslated)."""
    clauses = text.split("; ")
    out, left, i = [], [], 0
    while i < len(clauses):
        for j in range(len(clauses), i, -1):  # the longest run of clauses that a phrase reads
            vi = _diagnosis_vi("; ".join(clauses[i:j]))
            if vi is not None:
                out.append(vi)
                i = j
                break
        else:
            out.append(clauses[i])
            left.append(clauses[i])
            i += 1
    return "; ".join(out), left


def translate(text: str | None) -> str | None:
    """An English diagnosis of the audit in Vietnamese (clauses no phrase reads stay English).

    Examples
    --------
    >>> translate("rounded twice: 79,8982…% was first rounded to 79,90%, then to 79,9%; rounded once it is 79,9%")
    'làm tròn hai lần: 79,8982…% được làm tròn thành 79,90%, rồi thành 79,9%; làm tròn một lần là 79,9%'
    """
    return None if text is None else _translate(text)[0]


def untranslated(text: str | None) -> list[str]:
    """The clauses of an English diagnosis that no phrase puts into Vietnamese.

    >>> untranslated("the whole is zero: not a share; something new")
    ['something new']
    """
    return [] if text is None else _translate(text)[1]


def diagnosis(finding, lang: str = "vi", where: Callable[[int], str] | None = None) -> str | None:
    """The finding's diagnosis in ``lang`` (``"vi"`` or ``"en"``); None when it has none.

    ``where(line)`` names a line of the read text for the reader in Vietnamese (default
    ``"dòng N"``): the annotated report of a PDF says ``"trang 7, chú thích 5"``.

    Examples
    --------
    >>> from parstats.audit import audit_text
    >>> f = audit_text("Có 27 người, tỷ lệ 13,70%[^3].\\n\\n[^3]: Tổng số cán bộ là 197 người.").findings[0]
    >>> basis_text(f.claim.denominator_source, where=lambda n: f"trang {n + 1}")
    'chú thích 3 (trang 4): «Tổng số cán bộ là 197 người»'
    """
    if _check(lang) == "en":
        return finding.diagnosis
    token = _WHERE.set(where)
    try:
        return translate(finding.diagnosis)
    finally:
        _WHERE.reset(token)


def basis_text(text: str | None, lang: str = "vi", where: Callable[[int], str] | None = None) -> str | None:
    """How a claim's numbers were tied (:func:`parstats.audit.checks.basis`) in ``lang``
    (``where``: as for :func:`diagnosis`).

    >>> basis_text("footnote 3 (line 71): 'Tổng số cán bộ là 197 người'")
    'chú thích 3 (dòng 71): «Tổng số cán bộ là 197 người»'
    """
    if text is None or _check(lang) == "en":
        return text
    evidence = split_basis(text)[1]
    token = _WHERE.set(where)
    try:
        return _BOOKS["basis"](evidence) or evidence
    finally:
        _WHERE.reset(token)


def recomputation_text(finding, lang: str = "vi") -> str | None:
    """The recomputation a reader checks: ``"128/129 = 99,22%, báo cáo ghi 98,45%"``.

    Examples
    --------
    >>> from parstats.audit import audit_text
    >>> recomputation_text(audit_text("Đạt 128/129 người, tỷ lệ 98,45%.").findings[0])
    '128/129 = 99,22%, báo cáo ghi 98,45%'
    >>> recomputation_text(audit_text("Tổng số 58 đơn vị (gồm 51 xã; 6 thị trấn).").findings[0], "en")
    '51 + 6 = 57, the report writes 58'
    """
    from parstats.numbers import format_number

    c = finding.claim
    vi = _check(lang) == "vi"
    wrote = "báo cáo ghi" if vi else "the report writes"
    rec = finding.recomputed
    d = c.detail or {}
    if d.get("calculation") and rec:
        # a calculation written out (parstats.audit.expressions): its left side redone
        lhs = d["calculation"].split("=")[0].strip()
        return f"{lhs} = {rec}, {wrote} {d.get('result_text') or c.reported}"
    if c.kind == "sum" and (d.get("amount_change") or d.get("points")) and rec and "old_text" in d:
        # a change or a gap between two values as written: the difference of the two
        a, b = d["old_text"], d["new_text"]
        if d.get("rule") == "rank-gap":
            head = f"giữa {a} và {b}: {rec}" if vi else f"between {a} and {b}: {rec}"
        else:
            head = f"từ {a} đến {b}: {rec}" if vi else f"from {a} to {b}: {rec}"
        return f"{head}, {wrote} {d.get('amount_text') or c.reported}"
    if c.kind in ("ratio", "change") and c.numerator is not None and c.denominator and rec:
        head = f"{format_number(c.numerator)}/{format_number(c.denominator)} = {rec}"
    elif c.kind == "sum" and c.parts:
        head = " + ".join(format_number(p) for p in c.parts) + f" = {rec or format_number(sum(c.parts))}"
    elif c.kind == "document" and rec:
        head = ("có lẽ là " if lang == "vi" else "probably ") + rec
    elif c.kind == "rank" and c.numerator is not None:
        head = (f"hạng {c.numerator} trên {c.denominator}" if lang == "vi"
                else f"rank {c.numerator} of {c.denominator}")
    else:
        return None
    return f"{head}, {wrote} {c.reported}" if c.reported else head


def location_text(loc, lang: str = "vi") -> str:
    """Where a line stands in the original document, in words.

    The section, the page, the footnote and the table cell that are known, else the line.

    Examples
    --------
    >>> from parstats.audit.inputs import Location
    >>> location_text(Location(153))
    'dòng 153'
    >>> location_text(Location(12, page=3, table=2, row=4, column=3))
    'trang 3, bảng 2, hàng 4, cột 3'
    >>> location_text(Location(40, footnote="5", section="II.1"), "en")
    'section II.1, footnote 5'
    """
    w = ({"section": "mục", "page": "trang", "footnote": "chú thích", "table": "bảng", "row": "hàng",
          "column": "cột", "line": "dòng"} if _check(lang) == "vi" else
         {k: k for k in ("section", "page", "footnote", "table", "row", "column", "line")})
    parts = [f"{w[k]} {getattr(loc, k)}" for k in ("section", "page", "footnote", "table", "row", "column")
             if getattr(loc, k, None) not in (None, "")]
    return ", ".join(parts) if parts else f"{w['line']} {loc.line}"
