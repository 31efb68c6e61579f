"""The place of a day in its year: ``Ngày 23 tháng 12 là ngày thứ 357 (358 trong năm nhuận) trong
lịch Gregory. Còn 8 ngày trong năm.`` (the opening of an encyclopedia's article on a day).

Rule ``day-of-year``: a day and month, then in the same sentence ``ngày thứ N`` (and ``(N' trong
năm nhuận)``), and in it or the next sentence ``còn R ngày`` (and ``(R' trong năm nhuận)``). Each
number is a sum claim whose parts are the lengths of the months before the day (or after it)
and the days of its own month: ``consistent`` when it is the day's place in the Gregorian
calendar (of a common year, or of a leap year for the number given for leap years),
``inconsistent`` otherwise. The day and month must be a real date, and ``ngày thứ N`` must be
followed by ``trong năm``/``trong lịch Gregory`` (not the day of a campaign).
"""
from __future__ import annotations

import re

from parstats.audit.model import ProvisionalClaim
from parstats.markdown import Paragraph

__all__ = ["day_of_year_claims"]

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAY_RE = re.compile(r"(?i)(?<!\w)ngày (?P<d>[0-9]{1,2}) tháng (?P<m>[0-9]{1,2})(?![0-9/])(?P<rest>[^.!?]{0,60}?)"
                     r"ngày thứ (?P<n>[0-9]{1,3})(?: \((?P<n2>[0-9]{1,3}) (?:ngày )?trong năm nhuận\))?"
                     # the place in the year, not in a campaign ("ngày thứ 3 của chiến dịch")
                     r"(?= (?:trong|của) (?:năm|lịch Gregory|lịch Gregorius|dương lịch))")
_LEFT_RE = re.compile(r"(?i)[^.!?]{0,40}?(?:[.!?] )?[^.!?]{0,20}?\bcòn (?P<r>[0-9]{1,3}) ngày(?: nữa)?"
                      r"(?: là hết năm| trong năm| đến cuối năm)?(?: \((?P<r2>[0-9]{1,3}) (?:ngày )?trong năm nhuận\))?")


def _months(leap: bool) -> tuple[int, ...]:
    return (31, 29 if leap else 28) + _MONTH_DAYS[2:]


def _claim(p: Paragraph, pidx: int, s: int, e: int, reported: str, parts: tuple[int, ...], what: str,
           leap: bool, qs: int) -> ProvisionalClaim:
    return {"kind": "sum", "line": p.line_at(s), "quote": p.text[qs:e].strip(" ,.;")[-200:], "numerator": None,
            "denominator": int(reported), "parts": parts, "reported": reported,
            "denominator_source": f"{what} in the Gregorian calendar{' (a leap year)' if leap else ''}",
            "target": None, "detail": {"unit": "ngày", "rule": "day-of-year", "exhaustive": True, "derived_parts": True}, "order": (pidx, s)}


#: what a paragraph with a day-of-year claim holds (a text without it is not read paragraph by paragraph)
CUE = "ngày thứ"


def day_of_year_claims(paras: list[Paragraph]) -> list[ProvisionalClaim]:
    """The ``day-of-year`` claims of a text's paragraphs."""
    out: list[ProvisionalClaim] = []
    for pidx, p in enumerate(paras):
        text = p.text
        if CUE not in text or "tháng" not in text:
            continue
        for m in _DAY_RE.finditer(text):
            d, mo = int(m.group("d")), int(m.group("m"))
            if not (1 <= mo <= 12 and 1 <= d <= _months(True)[mo - 1]):
                continue
            for key, leap in (("n", False), ("n2", True)):
                if m.group(key) is None or (not leap and mo == 2 and d == 29):
                    continue
                parts = _months(leap)[:mo - 1] + (d,)
                out.append(_claim(p, pidx, m.start(key), m.end(key), m.group(key), parts,
                                  f"the place of day {d} of month {mo}", leap, m.start()))
            left = _LEFT_RE.match(text, m.end())
            if left is None:
                continue
            for key, leap in (("r", False), ("r2", True)):
                if left.group(key) is None or (not leap and mo == 2 and d == 29):
                    continue
                months = _months(leap)
                parts = (months[mo - 1] - d,) + months[mo:]
                out.append(_claim(p, pidx, left.start(key), left.end(key), left.group(key), parts,
                                  f"the days left after day {d} of month {mo}", leap, m.start()))
    return out
