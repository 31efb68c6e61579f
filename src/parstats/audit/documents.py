"""Legal document references in Vietnamese administrative text.

A Vietnamese report cites its legal basis as ``Quyết định số 7889/QĐ-UBND ngày 27/12/2021``
(state bodies: number, optional year, type code, issuing body) or ``Kế hoạch số 29-KH/HU
ngày 23/9/2021`` (Party bodies: number, type code, issuing body). Both look like fractions
to a naive parser. This module recognises them, parses the parts, and flags a reference
whose number is malformed (a year that is not a year, such as ``02/0216/QĐ-UBND``), whose
number's year disagrees with the year of its date, whose date is impossible, or whose type
word disagrees with its type code.

Examples
--------
>>> ref = parse_document_reference("Quyết định số 02/0216/QĐ-UBND ngày 19/8/2016")
>>> ref.type_code, ref.issuer, ref.number, ref.year_text, ref.date
('QĐ', 'UBND', 2, '0216', (19, 8, 2016))
>>> ref.flags
('malformed-year',)
>>> ref.suggestion
'02/2016/QĐ-UBND'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parstats.numbers import transpositions

__all__ = [
    "TYPE_CODES",
    "DOCUMENT_PATTERN",
    "DocumentRef",
    "parse_document_reference",
    "find_document_references",
    "valid_date",
    "reference_at",
]

#: Type codes used in document numbers and the type they stand for.
TYPE_CODES: dict[str, str] = {
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "NĐ": "Nghị định",
    "KH": "Kế hoạch",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "CT": "Chỉ thị",
    "CTr": "Chương trình",
    "KL": "Kết luận",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "QC": "Quy chế",
    "QĐi": "Quy định",
    "ĐA": "Đề án",
    "CV": "Công văn",
    "L": "Luật",
    "PL": "Pháp lệnh",
}

_TYPE_WORDS = {
    "quyết định": "QĐ",
    "nghị quyết": "NQ",
    "nghị định": "NĐ",
    "kế hoạch": "KH",
    "thông tư liên tịch": "TTLT",
    "thông tư": "TT",
    "chỉ thị": "CT",
    "chương trình hành động": "CTr",
    "chương trình": "CTr",
    "thông báo kết luận": "TB",
    "kết luận": "KL",
    "báo cáo": "BC",
    "tờ trình": "TTr",
    "hướng dẫn": "HD",
    "thông báo": "TB",
    "quy chế": "QC",
    "quy định": "QĐi",
    "đề án": "ĐA",
    "công văn": None,
    "luật": None,
    "pháp lệnh": None,
}

_CODE = r"[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*"
#: Regex source of one document number: ``7889/QĐ-UBND``, ``06/2018/NQ-HĐND``,
#: ``02/0216/QĐ-UBND`` (malformed year, still recognised) or ``29-KH/HU``.
DOCUMENT_PATTERN = (
    r"(?:[0-9]{1,6}(?:/[0-9]{2,4})?/" + _CODE + r"|[0-9]{1,6}-[A-ZĐ][A-Za-zĐđ]*/" + _CODE + r")"
)
_DOC_RE = re.compile(
    r"(?<![\w/])(?:(?P<a_num>[0-9]{1,6})(?:/(?P<a_year>[0-9]{2,4}))?/(?P<a_code>" + _CODE + r")"
    r"|(?P<b_num>[0-9]{1,6})-(?P<b_type>[A-ZĐ][A-Za-zĐđ]*)/(?P<b_issuer>" + _CODE + r"))"
    r"(?![\w/])"
)
_DATE_AFTER_RE = re.compile(
    r"\s*[,(]?\s*(?:(?:được\s+)?ban hành\s+)?ngày\s+"
    r"(?:(?P<d>[0-9]{1,2})[/.-](?P<m>[0-9]{1,2})[/.-](?P<y>[0-9]{4})"
    r"|(?P<d2>[0-9]{1,2})\s+tháng\s+(?P<m2>[0-9]{1,2})\s+năm\s+(?P<y2>[0-9]{4}))(?![0-9])"
)
_TYPE_BEFORE_RE = re.compile(
    r"(?i)(?P<word>" + "|".join(sorted((re.escape(w) for w in _TYPE_WORDS), key=len, reverse=True))
    + r")(?:\s+số)?\s*:?\s*$"
)
#: longest type word: a match of _TYPE_BEFORE_RE starts at most this far before its tail
_MAX_TYPE_WORD = max(len(w) for w in _TYPE_WORDS)
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
#: plausible years of a Vietnamese legal document number
MIN_YEAR, MAX_YEAR = 1945, 2100


def valid_date(day: int, month: int, year: int | None = None) -> bool:
    """Return whether ``day/month[/year]`` is a real calendar date.

    Examples
    --------
    >>> valid_date(29, 2, 2024), valid_date(29, 2, 2023), valid_date(31, 6), valid_date(30, 6)
    (True, False, False, True)
    """
    if not 1 <= month <= 12 or day < 1:
        return False
    limit = _DAYS[month - 1]
    if month == 2 and year is not None:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        limit = 29 if leap else 28
    return day <= limit


@dataclass(frozen=True)
class DocumentRef:
    """One legal document reference.

    Attributes
    ----------
    text : str
        The number as written (``"06/2018/NQ-HĐND"``).
    number : int
        Its serial number (``6``).
    year_text : str or None
        The year part of the number as written (``"2018"``, ``"0216"``), if any.
    type_code, type_name : str or None
        ``"NQ"``, ``"Nghị quyết"`` (from the code, else from the type word before it).
    issuer : str or None
        The issuing body's code (``"HĐND"``, ``"UBND"``, ``"HU"``, ``"CP"``).
    type_word : str or None
        The type word written before the number (``"Nghị quyết"``), if any.
    date : tuple of int or None
        ``(day, month, year)`` of the ``ngày …`` that follows, if any.
    date_text : str or None
        That date as written.
    flags : tuple of str
        ``"malformed-year"``, ``"year-mismatch"``, ``"invalid-date"``, ``"type-mismatch"``.
    suggestion : str or None
        A corrected number when the flag suggests one (transposed digits, date's year).
    """

    text: str
    number: int
    year_text: str | None
    type_code: str | None
    type_name: str | None
    issuer: str | None
    type_word: str | None = None
    date: tuple[int, int, int] | None = None
    date_text: str | None = None
    flags: tuple[str, ...] = ()
    suggestion: str | None = None

    @property
    def year(self) -> int | None:
        """The number's year as an int when it is a plausible year, else None."""
        if self.year_text and len(self.year_text) == 4 and MIN_YEAR <= int(self.year_text) <= MAX_YEAR:
            return int(self.year_text)
        return None

    def describe_flags(self) -> str | None:
        """Explain the flags in one English sentence, or None when there are none.

        Examples
        --------
        >>> parse_document_reference("06/2018/NQ-HĐND ngày 13/7/2019").describe_flags()
        "the number's year 2018 disagrees with the date 13/7/2019"
        """
        out = []
        if "malformed-year" in self.flags:
            msg = f"the number's year '{self.year_text}' is not a year"
            if self.suggestion:
                year = self.suggestion.split("/")[1]
                how = "transposed digits" if sorted(year) == sorted(self.year_text or "") else "from its date"
                msg += f"; probably {self.suggestion} ({how}"
                msg += f", dated {self.date_text})" if self.date_text else ")"
            out.append(msg)
        if "year-mismatch" in self.flags:
            out.append(f"the number's year {self.year_text} disagrees with the date {self.date_text}")
        if "invalid-date" in self.flags:
            out.append(f"the date {self.date_text} does not exist")
        if "type-mismatch" in self.flags:
            out.append(f"the type word '{self.type_word}' disagrees with the code {self.type_code}")
        return "; ".join(out) or None


def _type_word_before(text: str, pos: int) -> str | None:
    """The type word (``Quyết định``) right before ``pos``, as ``_TYPE_BEFORE_RE`` finds it.

    Same result as searching the 40 characters before ``pos``, but the search starts where
    a match can start: the type word ends where the tail (white space, ``:``, ``số``) begins,
    and a word is at most ``_MAX_TYPE_WORD`` characters long (case folding keeps lengths).
    This runs for every document number of a text.
    """
    before = text[max(0, pos - 40):pos]
    # a lower bound of where the tail begins: strip white space, colons, two more characters
    # (perhaps "số", in any case) and the white space before them
    head = before.rstrip().rstrip(":").rstrip()[:-2].rstrip()
    tw = _TYPE_BEFORE_RE.search(before, max(0, len(head) - _MAX_TYPE_WORD))
    return tw.group("word") if tw else None


#: codes that a type word may carry besides its own: a Thông tư may be a Thông tư liên tịch;
#: a Quy định is issued with a Quyết định and cited by its number; Chương trình is coded
#: both CTr and CT
_FAMILIES = ({"TT", "TTLT"}, {"QĐi", "QĐ"}, {"CT", "CTr"})


def _same_family(expected: str, code: str) -> bool:
    """Whether a type word whose own code is ``expected`` may stand before the code ``code``.

    Examples
    --------
    >>> _same_family("TT", "TTLT"), _same_family("QĐi", "QĐ"), _same_family("NQ", "NĐ")
    (True, True, False)
    """
    return expected == code or any({expected, code} <= f for f in _FAMILIES)


#: codes that name one type of document in every numbering convention (State, Party, old)
UNAMBIGUOUS_CODES = frozenset({"NĐ", "NQ", "TT", "PL"})


#: codes of acts numbered year first (European directives and regulations): not Vietnamese numbers
FOREIGN_CODE_RE = re.compile(r"EEC|EC|EU|EURATOM|CEE|CE|ECSC|CFSP|JHA")


def _build(m: re.Match, text: str, dm: re.Match | None) -> DocumentRef:
    """Build a DocumentRef from a match of ``_DOC_RE`` inside ``text``.

    ``dm`` is ``_DATE_AFTER_RE.match(text, m.end())`` (the caller needs it too).
    """
    if m.group("a_num") is not None:
        number = int(m.group("a_num"))
        year_text = m.group("a_year")
        code = m.group("a_code")
        head, _, rest = code.partition("-")
        if head in TYPE_CODES:
            type_code, issuer = head, (rest or None)
        else:
            type_code, issuer = None, code
    else:
        number = int(m.group("b_num"))
        year_text = None
        type_code = m.group("b_type")
        issuer = m.group("b_issuer")
    type_word = _type_word_before(text, m.start())
    type_name = TYPE_CODES.get(type_code) if type_code else None
    if type_name is None and type_word:
        type_name = type_word[0].upper() + type_word[1:].lower()
    date = date_text = None
    if dm:
        if dm.group("d") is not None:
            date = (int(dm.group("d")), int(dm.group("m")), int(dm.group("y")))
            date_text = f"{dm.group('d')}/{dm.group('m')}/{dm.group('y')}"
        else:
            date = (int(dm.group("d2")), int(dm.group("m2")), int(dm.group("y2")))
            date_text = f"ngày {dm.group('d2')} tháng {dm.group('m2')} năm {dm.group('y2')}"
    flags: list[str] = []
    suggestion = None
    # a two-digit middle part is a short year or a sub-number ("264798/25/CBMP-QLD",
    # "304/21/V"), not a malformed year; three or four digits that are no year are
    # a European act ("67/548/EEC", "2000/60/EC") writes the year first and its number second
    if year_text is not None and len(year_text) > 2 and not (
            len(year_text) == 4 and MIN_YEAR <= int(year_text) <= MAX_YEAR) and not (
            m.group("a_num") is not None and FOREIGN_CODE_RE.fullmatch(m.group("a_code"))):
        flags.append("malformed-year")
        fixed = None
        for cand in transpositions(year_text):
            if len(cand) == 4 and MIN_YEAR <= int(cand) <= MAX_YEAR and (date is None or int(cand) == date[2]):
                fixed = cand
                break
        if fixed is None and date is not None:
            fixed = str(date[2])
        if fixed is not None:
            suggestion = m.group(0).replace("/" + year_text + "/", "/" + fixed + "/", 1)
    elif year_text is not None and len(year_text) == 4 and date is not None and int(year_text) != date[2]:
        flags.append("year-mismatch")
    if date is not None and not valid_date(*date):
        flags.append("invalid-date")
    if type_word is not None and type_code is not None:
        # a State number, code then issuer (``06/2018/NQ-HĐND``, ``7889/QĐ-UBND``), has one code
        # per type: the Party's ``366-QĐ/TW`` is a Quy định, personnel codes (``QĐNS/TW``) and old
        # numbers with no issuer follow other conventions; but in every convention NĐ is a Nghị
        # định and NQ a Nghị quyết (``Nghị quyết 04/NĐ`` contradicts itself)
        expected = _TYPE_WORDS.get(type_word.lower())
        state = bool(issuer) and m.group("a_num") is not None
        if expected is not None and not _same_family(expected, type_code) and (
                state or (expected in UNAMBIGUOUS_CODES and type_code in UNAMBIGUOUS_CODES)):
            flags.append("type-mismatch")
    # DocumentRef(...) without the frozen dataclass's per-field object.__setattr__ (the same
    # object): one is built for every document number of a text
    ref = object.__new__(DocumentRef)
    ref.__dict__.update(
        text=m.group(0), number=number, year_text=year_text, type_code=type_code,
        type_name=type_name, issuer=issuer, type_word=type_word, date=date,
        date_text=date_text, flags=tuple(flags), suggestion=suggestion,
    )
    return ref


def reference_at(text: str, pos: int) -> tuple[int, DocumentRef] | None:
    """The document reference starting exactly at ``pos`` as ``(end, DocumentRef)``, or None.

    ``end`` is the end of the reference including the ``ngày …`` date that follows it.

    Examples
    --------
    >>> end, ref = reference_at("số 7889/QĐ-UBND ngày 27/12/2021 về", 3)
    >>> end, ref.text, ref.date
    (31, '7889/QĐ-UBND', (27, 12, 2021))
    >>> reference_at("28/1.752", 0) is None
    True
    """
    m = _DOC_RE.match(text, pos)
    if m is None:
        return None
    dm = _DATE_AFTER_RE.match(text, m.end())
    return (dm.end() if dm else m.end()), _build(m, text, dm)


def find_document_references(text: str) -> list[tuple[int, int, DocumentRef]]:
    """Every document reference in ``text`` as ``(start, end, DocumentRef)``.

    Examples
    --------
    >>> s = "Kế hoạch số 29-KH/HU ngày 23/9/2021 và Nghị định 42/2022/NĐ-CP ngày 24/6/2022"
    >>> [(r.text, r.type_name, r.issuer, r.date) for _, _, r in find_document_references(s)]
    [('29-KH/HU', 'Kế hoạch', 'HU', (23, 9, 2021)), ('42/2022/NĐ-CP', 'Nghị định', 'CP', (24, 6, 2022))]
    >>> find_document_references("tinh giản 28/1.752 biên chế; xếp thứ 4/11")
    []
    """
    return [(m.start(), m.end(), _build(m, text, _DATE_AFTER_RE.match(text, m.end())))
            for m in _DOC_RE.finditer(text)]


def parse_document_reference(text: str) -> DocumentRef:
    """Parse the first document reference in ``text``.

    Parameters
    ----------
    text : str
        A reference such as ``"Quyết định số 7889/QĐ-UBND ngày 27/12/2021"`` or just
        ``"06/2018/NQ-HĐND"``.

    Returns
    -------
    DocumentRef

    Raises
    ------
    ValueError
        When ``text`` holds no document number.

    Examples
    --------
    >>> r = parse_document_reference("Nghị quyết số 06/2018/NQ-HĐND ngày 13/7/2018")
    >>> r.number, r.year, r.type_name, r.issuer, r.flags
    (6, 2018, 'Nghị quyết', 'HĐND', ())
    >>> parse_document_reference("Quyết định số 12/NQ-UBND").flags
    ('type-mismatch',)
    >>> parse_document_reference("28/1.752")
    Traceback (most recent call last):
    ...
    ValueError: no document number (like '7889/QĐ-UBND' or '29-KH/HU') in '28/1.752'
    """
    m = _DOC_RE.search(text)
    if m is None:
        raise ValueError(
            f"no document number (like '7889/QĐ-UBND' or '29-KH/HU') in {text!r}"
        )
    return _build(m, text, _DATE_AFTER_RE.match(text, m.end()))
