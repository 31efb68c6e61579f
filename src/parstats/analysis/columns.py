"""The columns of a display table and its cells written the Vietnamese way.

A table is described once, as a list of :class:`Column` (which column of the computed frame,
its Vietnamese header, what kind of value it holds and how many decimals to show);
:func:`format_value` writes one cell, :func:`column_places` sets one precision per column and
:func:`display_cells` writes every cell of a frame so. The page's frame
(:func:`parstats.analysis.tables.format_table`) and the files
(:func:`parstats.analysis.exports.export_table`) are both written from them.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

__all__ = ["Column", "EMPTY", "KINDS", "NO", "NUMERIC_KINDS", "ROW_ID_HEADER", "YES", "check_columns", "column_places",
           "display_cells", "format_value", "is_missing"]

KINDS = ("text", "int", "number", "percent", "bool", "source")
#: Kinds whose cells are figures (right-aligned).
NUMERIC_KINDS = ("int", "number", "percent")
#: What an empty cell shows.
EMPTY = ""
YES, NO = "Có", "Không"
#: Header of the columns that hold row ids (``id`` of ``data/``): kept in the files, not on pages.
ROW_ID_HEADER = "Mã dòng"


@dataclass(frozen=True)
class Column:
    """One column of a display table.

    Attributes
    ----------
    key : str
        Column of the computed DataFrame.
    header : str
        Vietnamese header, in the report's terms.
    kind : {"text", "int", "number", "percent", "bool", "source"}
        ``percent`` values are numbers of percent (84.11 means 84,11%); ``source`` a section or
        footnote id of the report (``II.1``, ``fn6``), shown as a reader cites it (``mục II.1``,
        ``chú thích 6``).
    decimals : int or str, optional
        Places to show for ``number``/``percent``: a fixed int, or the name of a column
        holding each row's precision (e.g. the precision the report wrote); the column is
        then shown at the largest of them (:func:`column_places`), one precision per column.
    page : bool, optional
        Whether a page shows the column; by default every column but the row ids (header
        :data:`ROW_ID_HEADER`), which only the CSV and XLSX files show.

    Raises
    ------
    ValueError
        For an unknown kind.
    """

    key: str
    header: str
    kind: str = "text"
    decimals: int | str | None = None
    page: bool | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"column {self.key!r}: kind must be one of {KINDS}, got {self.kind!r}")

    @property
    def on_page(self) -> bool:
        """True if a page shows this column (see ``page``).

        Examples
        --------
        >>> Column("id", "Mã dòng").on_page, Column("level", "Cấp").on_page
        (False, True)
        """
        return self.page if self.page is not None else self.header != ROW_ID_HEADER

    def places(self, row) -> int:
        """Decimals to show for this column in ``row`` (the row's own, for per-row precision)."""
        if isinstance(self.decimals, str):
            value = row[self.decimals]
            return 0 if is_missing(value) else int(value)
        return 0 if self.decimals is None else self.decimals


def column_places(df, column: Column) -> int:
    """Decimals to show in every cell of ``column``: one precision per column.

    A fixed ``decimals`` is used as it is; a per-row one (the name of a column of ``df``)
    gives the largest precision of the rows that have a value, so that ``-0,1``, ``0`` and
    ``0,00`` are shown as ``-0,10``, ``0,00`` and ``0,00`` (rounded half-up when a value has
    more places).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"v": [Decimal("-0.1"), Decimal("0"), Decimal("0.00"), None], "d": [1, 0, 2, 3]})
    >>> column_places(df, Column("v", "Chênh lệch", "number", "d"))
    2
    >>> [format_value(v, "number", 2) for v in df["v"]]
    ['-0,10', '0,00', '0,00', '']
    """
    if not isinstance(column.decimals, str):
        return column.places(None)
    places = [int(d) for v, d in zip(df[column.key], df[column.decimals])
              if not is_missing(v) and not is_missing(d)]
    return max(places, default=0)


def is_missing(value) -> bool:
    """True for None, NaN, pandas NA and NaT: an empty table cell."""
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_value(value, kind: str, decimals: int = 0) -> str:
    """One cell written the Vietnamese way.

    Examples
    --------
    >>> format_value(Decimal("6.4632"), "percent", 2)
    '6,46%'
    >>> format_value(72187, "int")
    '72.187'
    >>> format_value(Decimal("-21.05"), "number", 2)
    '-21,05'
    >>> format_value(True, "bool")
    'Có'
    >>> format_value(None, "int")
    ''
    >>> format_value(1.5, "number", 1)
    Traceback (most recent call last):
    ...
    TypeError: float 1.5 in a table: use int or Decimal (floats are inexact)
    """
    from parstats.numbers import format_number, format_percent

    if is_missing(value):
        return EMPTY
    if kind == "text":
        return str(value)
    if kind == "source":  # a section or footnote id of the report, as a reader cites it
        from parstats.report import describe_source

        return describe_source(str(value)) if str(value) else EMPTY
    if kind == "bool":
        return YES if bool(value) else NO
    if isinstance(value, float):
        raise TypeError(f"float {float(value)!r} in a table: use int or Decimal (floats are inexact)")
    if kind == "int":
        return format_number(int(value), 0)
    if kind == "percent":
        return format_percent(Decimal(value), decimals)
    return format_number(Decimal(value), decimals)


def check_columns(df, columns: Sequence[Column]) -> None:
    """Fail loudly when ``df`` lacks a column that ``columns`` names (as a key or a precision).

    Raises
    ------
    KeyError
        Naming the missing columns and those ``df`` has.
    """
    missing = [c.key for c in columns if c.key not in df.columns]
    missing += [c.decimals for c in columns if isinstance(c.decimals, str) and c.decimals not in df.columns]
    if missing:
        raise KeyError(f"table lacks column(s) {missing}; it has {list(df.columns)}")


def display_cells(df, columns: Sequence[Column]) -> list[list[str]]:
    """Every cell of ``df`` as its display string, one precision per column."""
    places = [column_places(df, c) for c in columns]
    return [[format_value(row[c.key], c.kind, p) for c, p in zip(columns, places)] for _, row in df.iterrows()]
