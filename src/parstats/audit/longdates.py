"""Dates written out in words: "ngày 5 tháng 3 năm 2020", and "19 tháng 5 năm 1890" without "ngày".

:func:`long_dates` finds the first form quickly (from the "à" of each "ngày"); :func:`all_long_dates`
adds the second, as infoboxes and references write it; :func:`long_date_claims` makes each a date
claim of its paragraph and says where its numbers stand, which the tokenizer
(:func:`parstats.audit.tokens.tokenize`) then skips.
"""
from __future__ import annotations

import bisect
import re

from parstats.audit.documents import valid_date


#: "ngày 5 tháng 3 năm 2020" in any case; the first letter as a class (not under the ignore-case
#: flag: the engine then looks for it quickly instead of trying every position)
_LONG_DATE_RE = re.compile(
    r"[Nn](?i:gày) ([0-9]{1,2}) (?i:tháng) ([0-9]{1,2})(?: (?i:năm) ([0-9]{4})(?![0-9])|(?![0-9/.,]| (?i:năm) [0-9]))")
#: where a long date may start: the "à" of "ngày" (a literal: the engine looks for it with a
#: plain loop, where it tries the class "[Nn]" at every "n" of the text), after "n" and "g" and
#: before "y", a space and a digit, in any case; the date is matched two characters before
_LONG_DATE_AT_RE = re.compile(r"à(?<=[Nn][Gg]à)(?=[Yy] [0-9])")


def long_dates(text: str):
    """The matches of ``_LONG_DATE_RE.finditer(text)``, looked for from the "à" of each "ngày"
    (in a text without "À", "ngày" has one in any case)."""
    if "À" in text:
        yield from _LONG_DATE_RE.finditer(text)
        return
    match = _LONG_DATE_RE.match
    last = 0
    for c in _LONG_DATE_AT_RE.finditer(text):
        s = c.start() - 2
        if s >= last:  # finditer's matches do not overlap
            m = match(text, s)
            if m is not None:
                last = m.end()
                yield m


#: a date with its year and no "ngày" before it, as infoboxes and references write them: "19 tháng 5
#: năm 1890", "31 tháng 4, 2020" (a year of four digits, no word of a count after it)
#: (the day's first digit first, its look-behind after it: a pattern that starts with a class is
#: looked for quickly, one that starts with a look-behind is tried at every position; the same
#: matches as ``(?<![0-9.,/])([0-9]{1,2}) …``)
_BARE_LONG_DATE_RE = re.compile(
    r"([0-9](?<![0-9.,/][0-9])[0-9]?) (?i:tháng) ([0-9]{1,2})(?: (?i:năm) ([12][0-9]{3})|, ([12][0-9]{3})(?! [a-zđà-ỹ]))"
    r"(?![0-9]|[.,][0-9])")


def all_long_dates(text: str):
    """The long dates of :func:`long_dates`, then those of :data:`_BARE_LONG_DATE_RE` that do not
    overlap them, in order of their start."""
    got = [(m, m.start(3)) for m in long_dates(text)]
    # the spans of long_dates do not overlap and are in order: the one that may hold a start is
    # the last that starts at or before it (bisect, not a scan of them all per date)
    starts = [m.start() for m, _ in got]
    ends = [m.end() for m, _ in got]
    for m in _BARE_LONG_DATE_RE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= ends[i]:
            got.append((m, m.start(3) if m.group(3) else m.start(4)))
    return sorted(got, key=lambda x: x[0].start())


#: a lunar date: "ngày 30 tháng 2 âm lịch", "(ÂL)"
_LUNAR_AFTER_RE = re.compile(r"(?i)[^.;]{0,30}(?:âm lịch|\(ÂL\)|\bAL\b)")


def long_date_claims(text: str, line_at, pidx: int, claims: list) -> set[int]:
    """Append to ``claims`` a date claim for each long date of paragraph ``pidx``, whose text is
    ``text`` and whose line at an offset is ``line_at(offset)``; return the offsets of the dates'
    numbers (day, month and year), which are no other token.

    Examples
    --------
    >>> claims = []
    >>> sorted(long_date_claims("Ngày 30 tháng 2 năm 2021, họp.", lambda pos: 7, 0, claims))
    [5, 14, 20]
    >>> claims[0]["quote"], claims[0]["detail"]["valid"]
    ('Ngày 30 tháng 2 năm 2021', False)
    """
    dates_at: set[int] = set()
    for m, ys in all_long_dates(text):
        gd, gm, gy = m.group(1), m.group(2), (text[ys:ys + 4] if ys >= 0 else None)
        d, mo = int(gd), int(gm)
        y = int(gy) if gy else None
        # without its year a day is checked against its month in a leap year (29 tháng 2
        # may exist); a lunar month has 30 days
        valid = valid_date(d, mo, y if y is not None else 2000)
        ms, me = m.span()
        if not valid and y is None and _LUNAR_AFTER_RE.match(text, me):
            valid = 1 <= mo <= 12 and 1 <= d <= 30
        ds = m.start(1)
        # parstats.audit.tokens.provisional_claim(ctx, "date", ms, me, reported=m.group(0),
        # quote_start=ms, line_pos=ds, detail=…), inline (one per long date: a text may hold
        # thousands); the quote is the date itself (it holds no parenthesis to close)
        reported = m.group(0)
        claims.append({
            "kind": "date", "line": line_at(ds), "quote": reported.strip(" ,;:."), "numerator": None,
            "denominator": None, "parts": None, "reported": reported, "denominator_source": None,
            "target": None,
            "detail": {"day": d, "month": mo, "year": y, "valid": valid,
                       # "ISBN 0-ngày 94 tháng 2 năm 1709": a number mangled
                       "in_code": ms > 0 and text[ms - 1] == "-"},
            "order": (pidx, ds)})
        dates_at.add(ds)
        dates_at.add(m.start(2))
        if y is not None:
            dates_at.add(ys)
    return dates_at


#: a day and month joined by a dash after "ngày" ("ngày 20-10"), and the end of a range it opens
#: ("từ ngày 20-10 đến 31-11"); never a full date ("20-10-2013"), a score or a range of numbers
_DASH_DATE_RE = re.compile(r"(?<=[Nn]gày )(?P<d>[0-9]{1,2})-(?P<m>[0-9]{1,2})(?![0-9]|[-/.][0-9]|"
                           r" ?(?:lần|phút|giờ|tiếng|viên|gói|ml|mg|g|km|m|người|bữa|ca|lượt)\b)"
                           r"(?: (?:đến|tới) (?:ngày )?(?P<d2>[0-9]{1,2})-(?P<m2>[0-9]{1,2})(?![0-9]|[-/.][0-9]))?")

#: what every match of _DASH_DATE_RE starts with, looked for from "gày " (a literal: quick; the
#: pattern starts with a look-behind, tried at every position)
_DASH_DATE_CUE_RE = re.compile(r"gày (?<=[Nn]gày )[0-9]{1,2}-[0-9]")


def dash_date_claims(text: str, line_at, pidx: int, claims: list) -> None:
    """``ngày 20-10``, ``từ ngày 20-10 đến 31-11``: a day and a month joined by a dash after
    "ngày", as newspapers write dates, and the end of the range it opens, each a date claim; an
    impossible one ("31-11": November has 30 days) is flagged (issue 16, item 6).

    >>> claims = []
    >>> dash_date_claims("Đoàn làm việc từ ngày 20-10 đến 31-11.", lambda pos: 1, 0, claims)
    >>> [(c["reported"], c["detail"]["valid"]) for c in claims]
    [('20-10', True), ('31-11', False)]
    """
    if _DASH_DATE_CUE_RE.search(text) is None:
        return
    for m in _DASH_DATE_RE.finditer(text):
        for gd, gm in (("d", "m"), ("d2", "m2")):
            if m.group(gd) is None:
                continue
            d, mo = int(m.group(gd)), int(m.group(gm))
            if not 1 <= mo <= 12:
                continue  # "ngày 3-15": not a day and a month
            s, e = m.start(gd), m.end(gm)
            reported = text[s:e]
            claims.append({
                "kind": "date", "line": line_at(s), "quote": text[max(0, m.start() - 5):e], "numerator": None,
                "denominator": None, "parts": None, "reported": reported, "denominator_source": None,
                "target": None, "detail": {"day": d, "month": mo, "year": None, "valid": valid_date(d, mo, 2000),
                                           "after_ngay": True},
                "order": (pidx, s)})
