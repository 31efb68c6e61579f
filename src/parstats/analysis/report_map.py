"""Where each curated number of ``data/`` stands in the report, and which notebooks use it.

Every numeric value of a curated table is written as the report writes it and occurs in its
row's quote (``quoteField``), and every quote occurs in the report
(:func:`parstats.data.check_provenance`). So each value can be put back where it stands: the raw
line of the report, the section or footnote, the table and row it was curated into, and the
notebooks that show that table (their ``DATA_TABLES``). The annotated report of the site marks
every figure with this map; a figure of the report that no row carries is uncurated.

Examples
--------
>>> figs = curated_figures()
>>> lines = load_report().raw_lines
>>> all(f.value in lines[f.line - 1] for f in figs)
True
>>> sorted({f.source for f in figs if f.table == "dossiers"})[:2]
['II.2.3', 'fn5']
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from parstats import data, paths
from parstats.numbers import parse_number
from parstats.report import load_report, normalize_text

__all__ = ["CuratedFigure", "claim_values", "curated_figures", "figure_places", "figures_at_claim", "figures_by_line",
           "figures_for_claim", "figures_for_span", "notebook_row_anchors", "notebooks_by_table"]


@dataclass(frozen=True)
class CuratedFigure:
    """One value of a curated table, put back in the report.

    Attributes
    ----------
    table, row_id, field : str
        The table of ``data/``, the row's ``id`` and the column.
    value : str
        The value as the report writes it (``"1.752"``, ``"84,11"``).
    line : int
        The raw line of the report (1-based) where the value stands.
    source : str
        The section (``"II.1"``) or footnote (``"fn5"``) of the row.
    occurrence : int
        Which whole-number occurrence of ``value`` on its line this is (0: the first), so that
        a page finds the very place (``07 đơn vị`` and ``giảm 07 đơn vị`` on one line).
    quote_lines : (int, int)
        The first and last raw lines of the row's quote.
    """

    table: str
    row_id: str
    field: str
    value: str
    line: int
    source: str
    occurrence: int = 0
    quote_lines: tuple[int, int] = (0, 0)


def _token(value: str) -> re.Pattern:
    """The value as a whole number token (not inside a longer number)."""
    return re.compile(rf"(?<![0-9])(?<![0-9][.,]){re.escape(value)}(?![0-9])(?![.,][0-9])")


def curated_figures(data_dir: Path | str | None = None) -> list[CuratedFigure]:
    """Every value of every curated table that is written with a digit (numbers, document
    numbers, dates), with its raw line in the report.

    Raises
    ------
    parstats.data.DataError
        When a quote does not occur in the report (the provenance check would fail too).
    """
    root = Path(data_dir) if data_dir is not None else paths.DATA_DIR
    report = load_report(root / "raw" / paths.RAW_REPORT.name)
    units = list(report.units())
    pkg = data.datapackage(root)
    out: list[CuratedFigure] = []
    for res in pkg["resources"]:
        # every value written with a digit: numbers, and the document numbers and dates
        fields = [f for f in res["schema"]["fields"] if f.get("quoteField")]
        if not fields:
            continue
        with open(root / res["path"], encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        # rows that quote one sentence with one value in one column, as often as the value
        # occurs in it ("07 trường hợp (07 cấp phó); bổ nhiệm lại 07 trường hợp"), take its
        # occurrences in order: the curator writes rows in reading order
        same: dict[tuple, list[int]] = defaultdict(list)
        for n, row in enumerate(rows):
            for fld in fields:
                same[(row[fld["quoteField"]], fld["name"], row.get(fld["name"]) or "")].append(n)
        for n, row in enumerate(rows, start=2):
            for fld in fields:
                value = row.get(fld["name"]) or ""
                if not any(ch.isdigit() for ch in value):
                    continue
                quote = normalize_text(row[fld["quoteField"]])
                found = [(t, src, line_of) for t, src, line_of in units if quote and quote in t]
                if not found:
                    raise data.DataError(f"{res['path']} row {n}, column {fld['quoteField']!r}: "
                                         f"{row[fld['quoteField']][:60]!r} does not occur in the report")
                # the row's own section first (a quote may recur in a footnote)
                text, src, line_of = next((u for u in found if u[1] == row.get("source")), found[0])
                at = text.find(quote)
                tok = _token(value)
                in_quote = list(tok.finditer(quote))
                group = same[(row[fld["quoteField"]], fld["name"], value)]
                m = (in_quote[group.index(n - 2)] if len(in_quote) == len(group) > 1
                     else in_quote[0] if in_quote else None)
                offset = at + (m.start() if m else 0)
                line = line_of(offset)
                nth = sum(1 for k in tok.finditer(text, 0, offset) if line_of(k.start()) == line)
                out.append(CuratedFigure(res["name"], row["id"], fld["name"], value, line, src, nth,
                                         (line_of(at), line_of(at + max(len(quote) - 1, 0)))))
    return out


def figures_by_line(figures: list[CuratedFigure]) -> dict[int, list[CuratedFigure]]:
    """The curated figures grouped by raw line, in table order."""
    out: dict[int, list[CuratedFigure]] = defaultdict(list)
    for f in figures:
        out[f.line].append(f)
    return dict(out)


def notebooks_by_table(notebooks_dir: Path | str | None = None) -> dict[str, list[str]]:
    """``table -> [notebook file names]``: the notebooks that show a curated table in full
    (their analysis module's ``DATA_TABLES``)."""
    from parstats.analysis import notebook_modules

    out: dict[str, list[str]] = defaultdict(list)
    for nb, module in notebook_modules(notebooks_dir or paths.NOTEBOOKS_DIR):
        for table in getattr(module, "DATA_TABLES", ()):
            out[table].append(Path(nb).name)
    return dict(out)


def claim_values(claim) -> set[Decimal]:
    """The numbers of an audited claim: the reported value (without its ``%``), the count, the
    total and the parts, as exact decimals (``07`` and ``7`` are one number).

    Examples
    --------
    >>> from parstats.audit import audit_text
    >>> c = audit_text("Có 128/1.290 người, tỷ lệ 9,92%.").findings[0].claim
    >>> sorted(str(v) for v in claim_values(c))
    ['128', '1290', '9.92']
    """
    out = set()
    if claim.reported:
        try:
            out.add(parse_number(claim.reported.rstrip("%").strip()).value)
        except ValueError:  # a date or a document number: no quantity
            pass
    out.update(Decimal(n) for n in (claim.numerator, claim.denominator, *(claim.parts or ())) if n is not None)
    return out


def figures_for_claim(claim, by_line: dict[int, list[CuratedFigure]], reach: int = 2) -> list[CuratedFigure]:
    """The curated figures that carry a number of ``claim``: on the claim's line, the next
    ``reach`` lines (a claim's numbers may run on) or the line where its total stands, with a
    value among :func:`claim_values`; a document number cited again is the row of its first
    citation."""
    values = claim_values(claim)
    lines = list(range(claim.line, claim.line + reach + 1))
    anchor = claim.detail.get("anchor_line") if claim.detail else None
    if anchor and anchor not in lines:
        lines.append(anchor)
    found = [f for ln in lines for f in by_line.get(ln, ())
             if f.value == claim.reported or _value(f) in values]
    if not found and claim.kind == "document":  # the same document cited again
        found = [f for figs in by_line.values() for f in figs if f.value == claim.reported][:1]
    return found


def _value(figure: CuratedFigure) -> Decimal | None:
    try:
        return parse_number(figure.value).value
    except ValueError:
        return None


_SUP_RE = re.compile(r"(?i)<sup>[^<]{0,8}</sup>|\[\^\w{1,12}\]")


def figure_places(lines: list[str], figures: list[CuratedFigure]) -> dict[CuratedFigure, tuple[int, int, int]]:
    """Where each curated figure stands in ``lines`` (the report's text split at line ends, as
    the annotated page reads it): ``(line index from 0, start, end)``, its
    :attr:`CuratedFigure.occurrence`-th whole-number occurrence on its line (footnote
    references aside); a figure not found on its line is left out.

    Examples
    --------
    >>> fig = CuratedFigure("units", "thuoc-huyen", "count", "07", 1, "II.2.4", 1)
    >>> figure_places(["gồm 07 đơn vị thuộc huyện<sup>7</sup>, giảm 07 đơn vị"], [fig])[fig]
    (0, 44, 46)
    """
    out = {}
    for f in figures:
        j = f.line - 1
        if not 0 <= j < len(lines):
            continue
        text = _SUP_RE.sub(lambda m: " " * len(m.group(0)), lines[j])
        found = list(_token(f.value).finditer(text))
        if found:
            m = found[f.occurrence] if f.occurrence < len(found) else found[0]
            out[f] = (j, m.start(), m.end())
    return out


def figures_for_span(span: tuple[int, int, int], places: dict[CuratedFigure, tuple[int, int, int]]) -> list[CuratedFigure]:
    """The curated figures that stand at ``span`` (``(line index, start, end)``, a mark of the
    annotated report): the rows that curate that very claim, not a row that holds an equal
    value elsewhere in the paragraph.

    Examples
    --------
    >>> a = CuratedFigure("units", "giam", "change_pct", "10,7", 1, "II.2.4")
    >>> b = CuratedFigure("units", "thuoc-huyen", "count", "07", 1, "II.2.4")
    >>> figures_for_span((0, 30, 35), {a: (0, 30, 34), b: (0, 4, 6)})
    [CuratedFigure(table='units', row_id='giam', field='change_pct', value='10,7', line=1, source='II.2.4', occurrence=0, quote_lines=(0, 0))]
    """
    j, start, end = span
    return [f for f, (k, s, e) in places.items() if k == j and s < max(end, start + 1) and start < e]


def figures_at_claim(claim, span, places: dict[CuratedFigure, tuple[int, int, int]]) -> list[CuratedFigure]:
    """The curated figures of the row(s) that curate ``claim``, whose mark stands at ``span``
    (:func:`parstats.audit.annotate.locate_marks`; None or empty when no place was found): the
    figures standing at the mark (:func:`figures_for_span`); without a place, the figure as
    written on the claim's line; a document cited again, the row of its first citation.
    """
    if span is None or span[1] == span[2]:
        written = (claim.reported or "").removesuffix("%").strip()
        found = [f for f, (j, _, _) in places.items() if j == claim.line - 1 and f.value == written]
    else:
        found = figures_for_span(span, places)
    if not found and claim.kind == "document":
        found = [f for f in places if f.value == claim.reported][:1]
    return found


def notebook_row_anchors(notebooks_dir: Path | str | None = None) -> dict[str, tuple[str, str]]:
    """``row id of data/ -> (notebook file name, anchor)``: where a notebook's table shows the
    row, the row's own anchor (``02-staffing-qualifications-shares--xa-2021``) or else the
    anchor of the table that lists it among its rows' ids (``data-ids``); the first such place.
    """
    import json

    tr_re = re.compile(r"<tr\b[^>]*>")
    table_re = re.compile(r'<table id="([^"]+)"')
    out: dict[str, tuple[str, str]] = {}
    for nb in sorted(Path(notebooks_dir or paths.NOTEBOOKS_DIR).glob("*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8")).get("cells", [])
        for cell in cells:
            for o in cell.get("outputs", ()):
                html = o.get("data", {}).get("text/html", "")
                html = "".join(html) if isinstance(html, list) else html
                if "data-ids" not in html:
                    continue
                for table in re.split(r"(?=<table )", html):
                    tm = table_re.search(table)
                    for tr in tr_re.findall(table):
                        ids = re.search(r'data-ids="([^"]*)"', tr)
                        own = re.search(r'\sid="([^"]*)"', tr)
                        anchor = own.group(1) if own else (tm.group(1) if tm else "")
                        for rid in (ids.group(1).split() if ids else ()):
                            if anchor:
                                out.setdefault(rid, (nb.name, anchor))
    return out
