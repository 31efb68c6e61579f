"""Every curated number traces to its quote, every quote to the report; coverage of the report.

Independent of parstats.data's own provenance check: this file reads the CSVs with the csv
module and the report with parstats.report.
"""
from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

from parstats import data, paths
from parstats.data import DataError
from parstats.numbers import NUMBER_PATTERN
from parstats.report import load_report, normalize_text

BAD = Path(__file__).parent / "fixtures" / "bad"

#: One number token as written, not part of a longer number.
TOKEN = re.compile(rf"(?<![0-9])(?<![0-9][.,]){NUMBER_PATTERN}(?![0-9])(?![.,][0-9])")

#: What is not a quoted quantity, blanked out before numbers are counted (with the reason).
NOT_QUANTITIES = [
    (r"\b\d+(?:/\d+)*[/-][A-ZĐ][A-Za-zĐđ]*(?:[/-][A-ZĐ][A-Za-zĐđ]*)*", "document number: 7889/QĐ-UBND, 29-KH/HU"),
    (r"TCVN ISO \d+:\d{4}", "standard: TCVN ISO 9001:2015"),
    (r"\b\d{1,2}/\d{1,2}/\d{4}\b", "date: 14/5/2021"),
    (r"(?:tháng|ngày)\s+\d{1,2}/\d{1,4}\b", "date without day or year: tháng 9/2021, ngày 30/6"),
    (r"\b(?:19|20)\d{2}\b", "year: năm 2021, 2020 - 2025"),
    (r"(?:Chỉ tiêu|Điều|khoản)\s+\d+", "section or article number: Chỉ tiêu 1, Điều 157"),
    (r"mức độ \d(?:, (?:mức độ )?\d)*", "service level label: mức độ 3, mức độ 4"),
    (r"^\d+\.\s", "list item number (Part two)"),
    (r"\b\d+ tháng đầu năm", "period length: 6 tháng đầu năm 2023"),
]


@pytest.fixture(scope="module")
def report():
    return load_report(paths.RAW_REPORT)


@pytest.fixture(scope="module")
def resources():
    return data.datapackage()["resources"]


def _rows(res):
    with open(paths.DATA_DIR / res["path"], encoding="utf-8", newline="") as fh:
        return list(enumerate(csv.DictReader(fh), start=2))


def _quantities(report):
    """Every number token of the body and footnotes: (unit text, source, offset, token, line)."""
    out = []
    for text, source, line_of in report.units():
        blanked = text
        for pattern, _why in NOT_QUANTITIES:
            blanked = re.sub(pattern, lambda m: " " * len(m.group(0)), blanked, flags=re.M)
        for m in TOKEN.finditer(blanked):
            out.append((text, source, m.start(), m.group(0), line_of(m.start())))
    return out


def test_every_number_of_every_row_occurs_in_its_quote_as_written(resources):
    checked = 0
    for res in resources:
        for line, row in _rows(res):
            for f in res["schema"]["fields"]:
                column = f.get("quoteField")
                value = row[f["name"]]
                if column and value:
                    tokens = {m.group(0) for m in TOKEN.finditer(normalize_text(row[column]))}
                    if f["type"] in ("integer", "number"):
                        assert value in tokens, f"{res['path']} row {line}, {f['name']}={value!r} not in {column}"
                    else:  # document numbers and dates
                        assert value in row[column], f"{res['path']} row {line}, {f['name']}={value!r}"
                    checked += 1
    assert checked > 250


def test_every_quote_occurs_in_the_report_under_its_source(report, resources):
    sources_by_quote = {}
    for res in resources:
        for line, row in _rows(res):
            quote = row["quote"]
            assert report.find(quote) is not None, f"{res['path']} row {line}: quote not in the report"
            needle = normalize_text(quote)
            found_in = sources_by_quote.setdefault(
                needle, {source for text, source, _ in report.units() if needle in text})
            assert row["source"] in found_in, f"{res['path']} row {line}: source {row['source']} not in {found_in}"
            assert needle in report.joined_text


def test_target_descriptions_and_numbers_come_from_the_report(report, resources):
    res = next(r for r in resources if r["name"] == "targets")
    for line, row in _rows(res):
        assert report.locate(row["description"]).source == "II.1", line
        heading = f"Chỉ tiêu {row['target_no']}:"
        assert heading in report.joined_text


def test_parstats_data_provenance_check_agrees(resources):
    for res in resources:
        checked = data.check_provenance(res["name"])  # every quote is in the report, or it raises
        # a table of words only (the reviewer's items) has no value to trace to its quote
        assert checked > 0 or not any(f.get("quoteField") for f in res["schema"]["fields"]), res["name"]


def test_a_quote_not_in_the_report_is_rejected(tmp_path):
    ddir = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, ddir)
    shutil.copy(BAD / "quote_not_in_report" / "par_index_sipas.csv", ddir / "par_index_sipas.csv")
    with pytest.raises(DataError, match=r"data/par_index_sipas.csv row 3, column 'quote': 'năm 2022 đạt 78,93%, "
                                        r"xếp thứ 7/11 .*does not occur in the report text"):
        data.check_provenance("par_index_sipas", data_dir=ddir)


def test_a_number_missing_from_its_quote_is_rejected(tmp_path):
    ddir = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, ddir)
    path = ddir / "dossiers.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",347,", ",348,", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"data/dossiers.csv row \d+, column 'online': '348' does not occur "
                                        r"as written in column 'quote'"):
        data.check_provenance("dossiers", data_dir=ddir)


def test_exclusions_recognise_dates_document_numbers_and_years(report):
    tokens = {q[3] for q in _quantities(report)}
    # 7889/QĐ-UBND, năm 2021, 2020 - 2025, ISO 9001:2015, Điều 157, mức độ 3: not quantities
    assert tokens.isdisjoint({"7889", "2021", "2025", "9001", "157", "3"})
    # real quantities survive, including ones that look like a day or a year part
    assert {"30", "72.187", "84,11", "01", "4", "11"} <= tokens


def test_coverage_of_the_reports_quoted_numbers(report, resources, capsys):
    curated = set()
    spans = []  # (unit text, start, end, number texts of the row anchored there)
    units = list(report.units())
    for res in resources:
        numeric = [f for f in res["schema"]["fields"] if f["type"] in ("integer", "number") and f.get("quoteField")]
        for _, row in _rows(res):
            by_column = {}
            for f in numeric:
                if row[f["name"]]:
                    curated.add(row[f["name"]])
                    by_column.setdefault(f["quoteField"], set()).add(row[f["name"]])
            for column, values in by_column.items():
                needle = normalize_text(row[column])
                for text, _, _ in units:
                    start = text.find(needle)
                    while start >= 0:
                        spans.append((text, start, start + len(needle), values))
                        start = text.find(needle, start + 1)
    quantities = _quantities(report)
    distinct = {q[3] for q in quantities}
    covered = {n for n in distinct if n in curated}
    occurrences = [q for q in quantities
                   if any(q[0] is s[0] and s[1] <= q[2] < s[2] and q[3] in s[3] for s in spans)]
    with capsys.disabled():
        print(f"\ncoverage: {len(covered)}/{len(distinct)} distinct quoted numbers, "
              f"{len(occurrences)}/{len(quantities)} occurrences (each anchored in a row's quote)")
    missing = sorted(distinct - covered)
    assert len(distinct) >= 110, "the extraction lost numbers"
    assert missing == [], f"numbers of the report not in any curated row: {missing}"
    uncovered = [(q[1], q[4], q[3]) for q in quantities if q not in occurrences]
    assert uncovered == []
