"""Vietnamese titles and labels of the curated data, from ``data/datapackage.json``.

A column's title is its ``title``; a coded value's label is the field's ``enumLabels`` entry;
a period code (``2023-H1``, ``2021-09-01/2023-06-30``, ``den_nay``) is written out the way the
report writes periods. Code selects rows; these functions only write them out for a reader.

Examples
--------
>>> title("dossiers", "online"), label("dossiers", "level", "xa")
('Hồ sơ trực tuyến', 'Cấp xã')
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["YEAR", "label", "period_label", "source_label", "title", "year_range"]

#: A four-digit year inside a period code.
YEAR = re.compile(r"(\d{4})")

_SPECIAL_PERIODS = {"den_nay": "Đến nay", "dau_nhiem_ky": "Đầu nhiệm kỳ"}


@lru_cache(maxsize=None)
def _fields(table: str) -> dict:
    from parstats import data

    for res in data.datapackage()["resources"]:
        if res["name"] == table:
            return {f["name"]: f for f in res["schema"]["fields"]}
    raise KeyError(f"no table named {table!r} in data/datapackage.json")


def title(table: str, column: str) -> str:
    """The Vietnamese title of a column, from ``datapackage.json``.

    Examples
    --------
    >>> title("dossiers", "online")
    'Hồ sơ trực tuyến'
    """
    return _fields(table)[column].get("title", column)


def _date_label(text: str) -> str:
    parts = text.split("-")
    if len(parts) == 3:
        return f"{int(parts[2]):02d}/{int(parts[1]):02d}/{parts[0]}"
    if len(parts) == 2 and parts[1].startswith("H"):
        return ("6 tháng đầu năm " if parts[1] == "H1" else "6 tháng cuối năm ") + parts[0]
    if len(parts) == 2:
        return f"{int(parts[1]):02d}/{parts[0]}"
    return text


def period_label(code: str) -> str:
    """A period code written the way the report writes periods.

    Examples
    --------
    >>> [period_label(c) for c in ["2021", "2023-H1", "den_nay", "2021-09-01/2023-06-30", "2021-09/den_nay"]]
    ['Năm 2021', '6 tháng đầu năm 2023', 'Đến nay', 'Từ 01/09/2021 đến 30/06/2023', 'Từ 09/2021 đến nay']
    """
    if code in _SPECIAL_PERIODS:
        return _SPECIAL_PERIODS[code]
    if "/" in code:
        start, end = code.split("/", 1)
        end_text = "nay" if end == "den_nay" else _date_label(end)
        return f"Từ {_date_label(start)} đến {end_text}"
    if re.fullmatch(r"\d{4}", code):
        return f"Năm {code}"
    return _date_label(code)


def year_range(period: str) -> tuple[int, int] | None:
    """The first and last year a period code names, or None when it names none.

    Examples
    --------
    >>> year_range("2021-09-01/2023-06-30"), year_range("2022"), year_range("den_nay")
    ((2021, 2023), (2022, 2022), None)
    """
    years = [int(y) for y in YEAR.findall(period)]
    return (min(years), max(years)) if years else None


def label(table: str, column: str, code) -> str:
    """The Vietnamese label of a coded value (``enumLabels`` in ``datapackage.json``).

    Periods are written out by :func:`period_label`; an unknown code is shown as it is, so a
    new level or year still shows up; an empty cell is ``""``.

    Examples
    --------
    >>> label("dossiers", "level", "xa")
    'Cấp xã'
    >>> label("dossiers", "period", "2023-H1")
    '6 tháng đầu năm 2023'
    >>> label("dossiers", "level", "tinh")
    'tinh'
    """
    from parstats.analysis.tables import is_missing

    if is_missing(code) or code == "":
        return ""
    if column in ("period", "base_period"):
        return period_label(str(code))
    return _fields(table).get(column, {}).get("enumLabels", {}).get(str(code), str(code))


def source_label(source: str) -> str:
    """Where a figure stands, the way the report numbers it: a section or a footnote
    (:func:`parstats.report.describe_source`).

    Examples
    --------
    >>> [source_label(s) for s in ["II.1", "fn5", "P2", "P2.7", "title", "I", ""]]
    ['mục II.1', 'chú thích 5', 'Phần thứ hai', 'Phần thứ hai, mục 7', 'phần mở đầu', 'mục I', '']
    """
    from parstats.analysis.tables import is_missing
    from parstats.report import describe_source

    return "" if is_missing(source) or str(source) == "" else describe_source(str(source))
