"""The curated data layer: load, type and validate the tables in ``data/``.

Every table in ``data/`` is a tidy, long CSV (UTF-8, LF line ends) described by one resource
of the Frictionless Data Package ``data/datapackage.json``. That file is the single
machine-readable source of metadata (column types, units, decimals to show, allowed codes and
ranges, primary key, row rules); this module reads it, returns each CSV as a typed pandas
DataFrame (:func:`load`) and validates the whole package (:func:`validate_all`, the command
``parstats validate``). :func:`parstats.publishing.docs.codebook_markdown` renders the same metadata for the README.

Numbers stay as the report wrote them
-------------------------------------
Numeric cells hold the text exactly as the report writes it (``"1.752"``, ``"84,11"``,
``"02"``). :func:`load` parses them with :mod:`parstats.numbers`: a count (``integer``, or
``number`` with ``valueKind: count``) becomes a nullable ``Int64`` column, any other
``number`` a column of :class:`decimal.Decimal` objects (``None`` when empty), and each numeric column ``c`` gets a companion ``c_text``
keeping the string as written, because ``84,10`` and ``84,1`` carry different precision.

frictionless validates the Table Schema; parstats adds what no library knows
--------------------------------------------------------------------------
Header, types, required values, codes (``enum``), patterns, ranges, unique values and keys are
checked by frictionless, the library that defines Table Schema (:func:`schema_errors`; it
ignores the custom keys such as ``valueKind``, ``quoteField`` and ``checks``, which parstats
reads). parstats adds the reading of Vietnamese numbers (``1.75.2`` is no number, a count is
whole), unpadded cells, a count not above its total, every value in its quote and every quote
in the report (:func:`check_provenance`), and the raw report's checksum (:func:`verify_raw`).
:func:`validate_all` runs them all and raises one :class:`DataError`, e.g.
``data/dossiers.csv row 4, column 'online': cannot parse '1.75.2' as a Vietnamese number ...``.

A new year or a new level is new rows
-------------------------------------
No table has a column per year or per level: the period (``2021``, ``2023-H1``,
``2021-09-01/2023-06-30``, ``den_nay`` for "as of the report") and the level (``huyen``,
``xa``) are values in a row. Adding a year of data means appending rows with the same
columns; nothing in the schema changes unless a new code (say a new level) is needed, which
is one more entry in that column's ``enum``.

Examples
--------
>>> "dossiers" in tables()
True
>>> df = load("dossiers")
>>> row = df.set_index("id").loc["huyen-2021"]
>>> int(row["online"]), int(row["total"]), row["percent"], row["percent_text"]
(347, 4792, Decimal('7.24'), '7,24')
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from parstats import paths
from parstats.numbers import parse_count, parse_number

__all__ = [
    "DataError",
    "Summary",
    "add_arguments",
    "check_provenance",
    "data_dir_path",
    "datapackage",
    "load",
    "occurs_as_written",
    "run",
    "schema_errors",
    "tables",
    "validate_all",
    "verify_raw",
]

_BOM = b"\xef\xbb\xbf"


class DataError(ValueError):
    """Bad curated data or a changed raw file; the message names file, row, column, value."""


# --------------------------------------------------------------------------- locations


def data_dir_path(data_dir: Path | str | None = None) -> Path:
    """The data directory: the argument, else ``$PARSTATS_ROOT/data``, else paths.DATA_DIR.

    ``PARSTATS_ROOT`` is read at call time (not only when :mod:`parstats.paths` is imported),
    so a test can point the library at a temporary copy of ``data/``. Every reader of ``data/``
    (this module, and the analysis modules that find the raw report under it) resolves the
    directory here.

    Examples
    --------
    >>> data_dir_path("/tmp/copy/data").as_posix()
    '/tmp/copy/data'
    """
    if data_dir is not None:
        return Path(data_dir)
    env = os.environ.get("PARSTATS_ROOT")
    return Path(env).resolve() / "data" if env else paths.DATA_DIR


def _display(path: Path, data_dir: Path) -> str:
    """``path`` as shown in messages: relative to the project root (``data/x.csv``)."""
    try:
        return path.relative_to(data_dir.parent).as_posix()
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- metadata


def datapackage(data_dir: Path | str | None = None) -> dict:
    """The parsed ``datapackage.json`` (the single source of metadata).

    Raises
    ------
    DataError
        If the file is missing, not valid JSON, or has no resources.

    Examples
    --------
    >>> pkg = datapackage()
    >>> pkg["profile"], len(pkg["resources"]) >= 9
    ('tabular-data-package', True)
    """
    ddir = data_dir_path(data_dir)
    path = ddir / "datapackage.json"
    shown = _display(path, ddir)
    try:
        pkg = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{shown}: file not found; expected the data package describing every table") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{shown}: not valid UTF-8 at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise DataError(f"{shown} line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})") from None
    if not isinstance(pkg, dict) or not isinstance(pkg.get("resources"), list) or not pkg["resources"]:
        raise DataError(f"{shown}: expected an object with a non-empty 'resources' list")
    for i, res in enumerate(pkg["resources"]):
        if not isinstance(res, dict) or not res.get("name") or not res.get("path") or \
                not isinstance(res.get("schema", {}).get("fields"), list):
            raise DataError(f"{shown}: resource {i} needs 'name', 'path' and 'schema.fields'")
    return pkg


def tables(data_dir: Path | str | None = None) -> list[str]:
    """Names of the curated tables, in the order of ``datapackage.json``.

    Examples
    --------
    >>> tables()[:3]
    ['staffing_qualifications', 'procedures_online', 'dossiers']
    """
    return [res["name"] for res in datapackage(data_dir)["resources"]]


def _resource(name: str, pkg: dict, shown: str) -> dict:
    for res in pkg["resources"]:
        if res["name"] == name:
            return res
    names = ", ".join(r["name"] for r in pkg["resources"])
    raise DataError(f"{shown}: no table named {name!r}; expected one of: {names}")


def is_numeric_field(fld: dict) -> bool:
    return fld.get("type") in ("integer", "number")


def is_count_field(fld: dict) -> bool:
    """A whole-number field: Table Schema ``integer``, or ``number`` with ``valueKind: count``.

    Counts are declared ``number`` with ``groupChar: "."`` because Table Schema tools (e.g.
    frictionless-py 5) accept a group separator only on ``number``; ``valueKind`` says the
    value is whole, so it is parsed with :func:`parstats.numbers.parse_count`.
    """
    return fld.get("type") == "integer" or (fld.get("type") == "number" and fld.get("valueKind") == "count")


# --------------------------------------------------------------------------- reading


#: What a numeric cell should look like, by ``is_count_field`` of its field.
_EXPECTED = {True: "a whole number such as '1.752' or '02'",
             False: "a number such as '84,11' or '1.563' ('.' groups thousands, ',' is the decimal mark, no % sign)"}


def _read_rows(path: Path, shown: str, fields: list[dict]) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the data rows ``(row number, cells)`` of a CSV (the header is row 1).

    Checks what reading needs and the house rules (UTF-8 without BOM, LF line ends).
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{shown}: file not found (listed in datapackage.json)") from None
    if data.startswith(_BOM):
        raise DataError(f"{shown} row 1: starts with a byte-order mark; expected UTF-8 without BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"{shown} row {line}: not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}; "
            "expected a UTF-8 text file") from None
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        raise DataError(f"{shown} row {line}: CR (Windows) line ending; expected LF line endings")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = list(enumerate(reader, start=1))
    except csv.Error as exc:
        raise DataError(f"{shown} row {reader.line_num}: malformed CSV ({exc})") from None
    if not rows:
        raise DataError(f"{shown}: empty file; expected a header row")
    header, expected = rows[0][1], [f["name"] for f in fields]
    for col in expected:
        if col not in header:
            raise DataError(f"{shown} row 1 (header), column {col!r}: missing column; "
                            f"expected columns: {', '.join(expected)}")
    for row, cells in rows[1:]:
        if len(cells) != len(header):
            raise DataError(f"{shown} row {row}: {len(cells)} values; expected {len(header)} "
                            f"(one per column: {', '.join(header)})")
    return header, rows[1:]


def _load_typed(name: str, data_dir: Path | str | None = None):
    """Read and type table ``name``; return ``(resource, display path, [(row, raw, typed)])``."""
    ddir = data_dir_path(data_dir)
    pkg = datapackage(ddir)
    res = _resource(name, pkg, _display(ddir / "datapackage.json", ddir))
    path = ddir / res["path"]
    shown = _display(path, ddir)
    fields = res["schema"]["fields"]
    missing = set(res["schema"].get("missingValues", [""]))
    out = []
    header, rows = _read_rows(path, shown, fields)
    for row, cells in rows:
        raw = {col: cells[header.index(col)] for col in (f["name"] for f in fields)}
        typed = {}
        for fld in fields:
            value, where = raw[fld["name"]], f"{shown} row {row}, column {fld['name']!r}"
            if value != value.strip():
                raise DataError(f"{where}: {value!r} has leading or trailing spaces")
            typed[fld["name"]] = value
            if value in missing:
                typed[fld["name"]] = None
            elif is_numeric_field(fld):
                if "%" in value:  # the schema's rule, which frictionless checks too
                    raise DataError(f"{where}: {value!r} is not a valid number; expected {_EXPECTED[False]}")
                try:
                    typed[fld["name"]] = parse_count(value) if is_count_field(fld) else parse_number(value).value
                except ValueError:
                    raise DataError(f"{where}: cannot parse {value!r} as a Vietnamese number; "
                                    f"expected {_EXPECTED[is_count_field(fld)]}") from None
        out.append((row, raw, typed))
    _check_rules(res, shown, out)
    return res, shown, out


def _check_rules(res: dict, shown: str, rows: list) -> None:
    """The row rules of the resource's ``checks`` (Table Schema has none): a count not above its total."""
    for rule in res.get("checks", []):
        if rule.get("rule") != "not_above":
            raise DataError(f"{shown}: unknown check rule {rule.get('rule')!r} in datapackage.json")
        col, limit = rule["column"], rule["limit"]
        for row, raw, typed in rows:
            if typed[col] is not None and typed[limit] is not None and typed[col] > typed[limit]:
                raise DataError(f"{shown} row {row}, column {col!r}: {raw[col]!r} is above its total "
                                f"{raw[limit]!r} (column {limit!r}); expected {col} <= {limit}")


# --------------------------------------------------------------------------- Table Schema


def _describe(error: dict, shown: str, fields: list[dict]) -> str:
    """One frictionless error (its descriptor) as one line: file, row, column, value, expected."""
    if error["type"] == "foreign-key":  # a row error: name the referring column and its value
        error = {**error, "fieldName": error["fieldNames"][0], "cell": error["fieldCells"][0]}
    row, col, cell, note = (error.get(k) for k in ("rowNumber", "fieldName", "cell", "note"))
    if "labels" in error:  # a header error: name the label as written
        row, col = "1 (header)", error["label"] or col
    where = shown + (f" row {row}" if row else "") + (f", column {col!r}" if col else "")
    fld = next((f for f in fields if f["name"] == col), {})
    if error["type"] == "type-error" and is_numeric_field(fld):
        return f"{where}: {cell!r} is not a valid {fld['type']}; expected {_EXPECTED[is_count_field(fld)]}"
    if note and note.startswith('constraint "enum"'):
        return f"{where}: {cell!r} is not an allowed value; expected one of: {', '.join(fld['constraints']['enum'])}"
    return f"{where}: {cell!r}: {error['title'].lower()}: {note}" if cell is not None else f"{where}: {error['message']}"


def schema_errors(data_dir: Path | str | None = None) -> list[str]:
    """Every error frictionless' ``validate`` finds in ``datapackage.json`` and its CSVs.

    That is the descriptor, the header, types, ``required``, ``enum``, ``pattern``, ranges,
    ``unique``, the primary key and foreign keys; custom keys are ignored.

    Returns
    -------
    list of str
        One message per error, naming the file, row (the header is row 1), column and value.

    Examples
    --------
    >>> schema_errors()
    []
    """
    from frictionless import validate

    ddir = data_dir_path(data_dir)
    fields = {res["path"]: res["schema"]["fields"] for res in datapackage(ddir)["resources"]}
    report = validate(str(ddir / "datapackage.json"))
    out = [f"{_display(ddir / 'datapackage.json', ddir)}: {e.message}" for e in report.errors]
    for task in report.tasks:
        out += [_describe(e.to_descriptor(), _display(ddir / task.place, ddir), fields.get(task.place, []))
                for e in task.errors]
    return out


# --------------------------------------------------------------------------- public API


def load(name: str, *, data_dir: Path | str | None = None):
    """Read table ``name`` and return it as a typed DataFrame.

    It parses; the Table Schema (codes, ranges, keys) is checked by :func:`validate_all`.

    Count columns are pandas ``Int64`` (nullable), other number columns hold
    :class:`~decimal.Decimal` objects (``None`` when empty), text columns are pandas
    ``string``; each numeric column ``c`` is followed by ``c_text``, the text as written.

    Parameters
    ----------
    name : str
        A table name from :func:`tables` (the CSV file name without ``.csv``).
    data_dir : path, optional
        Directory holding ``datapackage.json`` and the CSVs (default: the project's
        ``data/``, or ``$PARSTATS_ROOT/data``).

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    DataError
        On the first problem: unknown table, file not UTF-8, missing column, a
        number that does not parse, a count above its total. The message names the file,
        the row (the header is row 1), the column, the value and what was expected.

    Examples
    --------
    >>> df = load("staffing_qualifications")
    >>> str(df["count"].dtype), df.loc[0, "count_text"]
    ('Int64', '128')
    >>> load("no_such_table")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    parstats.data.DataError: data/datapackage.json: no table named 'no_such_table'; expected one of: ...
    """
    import pandas as pd

    res, _, rows = _load_typed(name, data_dir)
    columns: dict[str, object] = {}
    for fld in res["schema"]["fields"]:
        col = fld["name"]
        values = [typed[col] for _, _, typed in rows]
        if is_count_field(fld):
            columns[col] = pd.array(values, dtype="Int64")
        elif fld.get("type") == "number":
            columns[col] = pd.Series(values, dtype=object)
        else:
            columns[col] = pd.array(values, dtype="string")
        if is_numeric_field(fld):
            columns[f"{col}_text"] = pd.array([raw[col] or None for _, raw, _ in rows], dtype="string")
    df = pd.DataFrame(columns)
    df.attrs["table"] = name
    return df


def occurs_as_written(value: str, text: str) -> bool:
    """Does ``value`` occur in ``text`` as a whole token (not inside a longer number)?

    Examples
    --------
    >>> occurs_as_written("4", "xếp thứ 4/11")
    True
    >>> occurs_as_written("4", "đạt 84,11%")
    False
    >>> occurs_as_written("1.752", "tinh giản 28/1.752 biên chế")
    True
    """
    pattern = rf"(?<![0-9])(?<![0-9][.,]){re.escape(value)}(?![0-9])(?![.,][0-9])"
    return re.search(pattern, text) is not None


def check_provenance(name: str, *, data_dir: Path | str | None = None, report=None) -> int:
    """Check that every value of table ``name`` traces to its quote and every quote to the report.

    A field with a ``quoteField`` (all numeric fields, document numbers and dates) must
    occur as written in that text column of its row; every ``quote`` (and the targets'
    ``description``) must occur in the report (whitespace-normalised, page breaks re-joined)
    under the row's ``source``.

    Returns
    -------
    int
        The number of values checked.

    Raises
    ------
    DataError
        Naming the file, row, column and value that does not trace.

    Examples
    --------
    >>> check_provenance("dossiers") > 0
    True
    """
    from parstats.report import load_report, normalize_text

    rep = report if report is not None else load_report(data_dir_path(data_dir) / "raw" / paths.RAW_REPORT.name)
    units = list(rep.units())
    res, shown, rows = _load_typed(name, data_dir)
    text_cols = {f["quoteField"] for f in res["schema"]["fields"] if f.get("quoteField")} | {"quote"}
    checked = 0
    for line, raw, _ in rows:
        for col in sorted(text_cols):
            needle = normalize_text(raw[col])
            if not needle:
                continue
            sources = {src for text, src, _ in units if needle in text}
            if not sources:
                raise DataError(f"{shown} row {line}, column {col!r}: {raw[col][:60]!r}... "
                                "does not occur in the report text")
            if col == "quote" and raw["source"] not in sources:
                raise DataError(f"{shown} row {line}, column 'source': {raw['source']!r}, but the quote "
                                f"occurs in {', '.join(sorted(sources))}")
        for fld in res["schema"]["fields"]:
            qf = fld.get("quoteField")
            value = raw[fld["name"]]
            if qf and value:
                checked += 1
                if not occurs_as_written(value, raw[qf]):
                    raise DataError(f"{shown} row {line}, column {fld['name']!r}: {value!r} does not occur "
                                    f"as written in column {qf!r}")
    return checked


def verify_raw(path: Path | str | None = None, sidecar: Path | str | None = None) -> dict:
    """Check the raw report against the sha256 and size in its sidecar.

    Returns
    -------
    dict
        ``{"file": ..., "sha256": ..., "size": ...}`` of the verified file.

    Raises
    ------
    DataError
        If the file or sidecar is missing, or the checksum or size differs; the message
        names the file and both checksums.

    Examples
    --------
    >>> verify_raw()["sha256"][:12]
    'a0bd711187f8'
    """
    ddir = data_dir_path()
    path = Path(path) if path is not None else ddir / "raw" / paths.RAW_REPORT.name
    sidecar = Path(sidecar) if sidecar is not None else path.with_name(path.name.removesuffix(".md") + ".meta.json")
    try:
        meta = json.loads(Path(sidecar).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{sidecar}: sidecar not found; expected the checksum record of {path.name}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{sidecar}: not a valid JSON sidecar ({exc})") from None
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: raw file not found") from None
    actual = hashlib.sha256(data).hexdigest()
    if actual != meta.get("sha256") or len(data) != meta.get("size"):
        raise DataError(
            f"{path}: the raw report changed: sha256 {actual} (size {len(data)} bytes), expected "
            f"sha256 {meta.get('sha256')} (size {meta.get('size')} bytes) as recorded in {Path(sidecar).name}; "
            "the raw file must never be edited")
    return {"file": path.name, "sha256": actual, "size": len(data)}


@dataclass
class Summary:
    """What :func:`validate_all` checked."""

    rows: dict[str, int] = field(default_factory=dict)
    numbers: int = 0
    traced: int = 0
    raw_sha256: str = ""

    def __str__(self) -> str:
        width = max(map(len, self.rows), default=0)
        lines = [f"{name:<{width}}  {n:>4} rows" for name, n in self.rows.items()]
        lines.append(f"{len(self.rows)} tables, {sum(self.rows.values())} rows, {self.numbers} numbers; "
                     f"{self.traced} values traced to their quotes, every quote found in the report")
        lines.append(f"raw report sha256 {self.raw_sha256} matches its sidecar")
        return "\n".join(lines)


def validate_all(*, data_dir: Path | str | None = None, provenance: bool = True) -> Summary:
    """Validate the raw checksum, every table, and (by default) provenance of every value.

    In order: the raw report's checksum (:func:`verify_raw`); no CSV in ``data/`` left out of
    ``datapackage.json``; every table read and typed as :func:`load` does; the Table Schema
    by frictionless (:func:`schema_errors`); every value traced to its quote and every quote
    to the report (:func:`check_provenance`).

    Raises
    ------
    DataError
        The first problem found (with the number of further frictionless errors, if any).

    Examples
    --------
    >>> s = validate_all()
    >>> s.rows["targets"] > 0 and s.numbers > 100
    True
    """
    ddir = data_dir_path(data_dir)
    summary = Summary()
    summary.raw_sha256 = verify_raw(ddir / "raw" / paths.RAW_REPORT.name)["sha256"]
    pkg = datapackage(ddir)
    listed = {res["path"] for res in pkg["resources"]}
    for csv_path in sorted(ddir.glob("*.csv")):
        if csv_path.name not in listed:
            raise DataError(f"{_display(csv_path, ddir)}: not described in datapackage.json; "
                            "add a resource for it or remove it")
    try:
        for name in tables(ddir):
            res, _, rows = _load_typed(name, ddir)
            summary.rows[name] = len(rows)
            numeric = [f["name"] for f in res["schema"]["fields"] if is_numeric_field(f)]
            summary.numbers += sum(1 for _, raw, _ in rows for c in numeric if raw[c])
    except DataError as exc:
        # the first problem as load() words it, and how many more the Table Schema finds
        errors = [e for e in schema_errors(ddir) if e != str(exc)]
        more = f" (and {len(errors)} more found by frictionless)" if errors else ""
        raise DataError(f"{exc}{more}") from None
    errors = schema_errors(ddir)
    if errors:
        raise DataError(errors[0] + (f" (and {len(errors) - 1} more found by frictionless)" if errors[1:] else ""))
    if provenance:
        from parstats.report import load_report

        report = load_report(ddir / "raw" / paths.RAW_REPORT.name)
        for name in tables(ddir):
            summary.traced += check_provenance(name, data_dir=ddir, report=report)
    return summary


# --------------------------------------------------------------------------- CLI


def add_arguments(parser) -> None:
    """Arguments of ``parstats validate``."""
    parser.add_argument("--data-dir", default=None,
                        help="directory with datapackage.json and the CSVs (default: the project's data/)")
    parser.add_argument("--no-provenance", action="store_true",
                        help="skip tracing every value to its quote and every quote to the report")


def run(args) -> int:
    """``parstats validate``: print a short summary and return 0, or the one error and 1."""
    try:
        summary = validate_all(data_dir=args.data_dir, provenance=not args.no_provenance)
    except DataError as exc:
        print(f"parstats validate: {exc}", file=sys.stderr)
        return 1
    print(summary)
    return 0
