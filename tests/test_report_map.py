"""The map from curated values back to the report: every value, on the line where it stands."""
from __future__ import annotations

import csv
import shutil

import pytest

from parstats import data, paths
from parstats.analysis.report_map import curated_figures, figures_by_line, notebooks_by_table
from parstats.numbers import parse_number
from parstats.report import load_report


def _numeric_values():
    out = []
    for res in data.datapackage()["resources"]:
        fields = [f["name"] for f in res["schema"]["fields"] if f.get("quoteField")]
        with open(paths.DATA_DIR / res["path"], encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out += [(res["name"], row["id"], name, row[name]) for name in fields
                        if any(ch.isdigit() for ch in row[name])]
    return out


def test_every_curated_value_is_mapped_once_to_a_line_that_shows_it():
    figs = curated_figures()
    assert sorted((f.table, f.row_id, f.field, f.value) for f in figs) == sorted(_numeric_values())
    lines = load_report().raw_lines
    for f in figs:
        assert f.value in lines[f.line - 1], f
    by_line = figures_by_line(figs)
    assert sum(len(v) for v in by_line.values()) == len(figs)


def test_sources_are_the_rows_own():
    rows = {}
    for res in data.datapackage()["resources"]:
        with open(paths.DATA_DIR / res["path"], encoding="utf-8", newline="") as fh:
            rows.update({(res["name"], r["id"]): r for r in csv.DictReader(fh)})
    mismatched = [f for f in curated_figures() if rows[(f.table, f.row_id)]["source"] != f.source]
    # a value whose quote field is not the row's quote may stand in another part of the report,
    # but most values stand in their row's section
    assert len(mismatched) < len(rows) // 10, mismatched[:5]


def test_every_table_with_curated_numbers_is_shown_by_a_notebook():
    # a figure of the annotated report links to the notebook that uses its table; the cited
    # documents (numbers and dates only) are shown on the data page alone
    numeric = {r["name"] for r in data.datapackage()["resources"]
               if any(data.is_numeric_field(f) for f in r["schema"]["fields"])}
    assert {f.table for f in curated_figures()} & numeric <= set(notebooks_by_table())
    assert "legal_documents" not in numeric


def test_a_quote_not_in_the_report_names_file_and_row(tmp_path):
    ddir = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, ddir)
    path = ddir / "dossiers.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace("hồ sơ", "hồ-sơ-giả", 1)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(data.DataError, match=r"dossiers.csv row 2, column 'quote'"):
        curated_figures(ddir)


def test_every_arithmetic_claim_of_the_report_ties_to_curated_rows():
    """Each checked figure (dates aside: a period's end is checked, not curated) ties to the
    rows that hold it where it stands: by place, not by an equal value; a tie is by number
    ("07" and "7" are one number)."""
    from parstats.analysis.report_map import claim_values, figures_at_claim
    from parstats.publishing.report_pages import audited_report

    _, report, _, places, spans = audited_report(paths.DATA_DIR)
    findings = [(i, f) for i, f in enumerate(report.findings) if f.claim.kind != "date"]
    assert findings
    ties = {f.claim.id: figures_at_claim(f.claim, spans.get(i), places) for i, f in findings}
    assert [cid for cid, figs in ties.items() if not figs] == []
    sums = [f for _, f in findings if f.claim.kind == "sum"]
    assert all({parse_number(fig.value).value for fig in ties[f.claim.id]} & claim_values(f.claim) for f in sums)
    assert any(fig.value.startswith("0") for f in sums for fig in ties[f.claim.id])
