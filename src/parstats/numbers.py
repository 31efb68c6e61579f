"""Vietnamese-formatted numbers and percentages, parsed exactly and formatted half-up.

The report writes numbers the Vietnamese way (Babel's ``vi`` locale): ``.`` groups thousands
(``1.752``) and ``,`` is the decimal mark (``84,11%``). Babel does the locale work; this
module adds the strictness Babel lacks and keeps the text as written beside the value,
because ``84,10`` and ``84,1`` carry different precision.

What a lone separator means
---------------------------
* A dot is **always** a thousands separator. It must be followed by groups of exactly three
  digits and preceded by one to three digits (``1.752``, ``72.187``). ``84.11`` or ``1.5``
  (a dot used as a decimal mark, English style) is rejected.
* A comma is **always** the decimal mark, so ``1,752`` is one point seven five two, not one
  thousand seven hundred and fifty-two. Where a count is expected (:func:`parse_count`), a
  comma is therefore rejected: a count has no decimals.
* Leading zeros are kept as the report writes them (``02``, ``07``, ``01%``) and mean
  nothing more than the plain number; a grouped number may not start with ``0``.
* A trailing ``%`` (optionally after a space) marks a percentage.

Examples
--------
>>> parse_number("84,11%")
ViNumber(text='84,11%', value=Decimal('84.11'), decimals=2, percent=True)
>>> parse_count("1.752")
1752
>>> format_percent(Decimal("6.4632"), 2)
'6,46%'
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import (
    NumberFormatError,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
    parse_decimal,
)

LOCALE = "vi"
DECIMAL_SYMBOL = get_decimal_symbol(LOCALE)  # ","
GROUP_SYMBOL = get_group_symbol(LOCALE)  # "."

_D = re.escape(DECIMAL_SYMBOL)
_G = re.escape(GROUP_SYMBOL)

#: Regex source for one Vietnamese number token: plain digits or 1-3 digits followed by
#: groups of three, then an optional decimal part. No sign, no percent sign.
NUMBER_PATTERN = rf"(?:[0-9]{{1,3}}(?:{_G}[0-9]{{3}})+|[0-9]+)(?:{_D}[0-9]+)?"

_FULL = re.compile(rf"(?P<sign>[-−]?)(?P<num>{NUMBER_PATTERN})(?P<pct>\s?%)?")
_GROUPED_LEADING_ZERO = re.compile(rf"0[0-9]{{0,2}}{_G}")

__all__ = [
    "NUMBER_PATTERN",
    "ViNumber",
    "format_number",
    "format_percent",
    "parse_count",
    "parse_number",
    "parse_percent",
]


@dataclass(frozen=True)
class ViNumber:
    """A number as the report wrote it, and its exact value.

    Attributes
    ----------
    text : str
        The text exactly as given (after trimming surrounding white space).
    value : Decimal
        The exact value; for a percentage, the number of percent (``84,11%`` -> 84.11).
    decimals : int
        Digits after the decimal comma as written (``84,10`` -> 2, ``84,1`` -> 1).
    percent : bool
        True when the text carried a ``%`` sign or was parsed as a percentage.
    """

    text: str
    value: Decimal
    decimals: int
    percent: bool

    def __str__(self) -> str:
        return self.text


def _fail(text: str, expected: str, where: str | None) -> ValueError:
    location = f" in {where}" if where else ""
    return ValueError(f"cannot parse {text!r} as {expected}{location}")


def _clean(text: object, expected: str, where: str | None) -> str:
    if not isinstance(text, str):
        raise _fail(str(text), expected, where) from None
    # NBSP and narrow NBSP are common in converted documents; NFKC folds them to spaces.
    return unicodedata.normalize("NFKC", text).strip()


def parse_number(text: str, *, where: str | None = None) -> ViNumber:
    """Parse a Vietnamese-formatted number or percentage exactly.

    Parameters
    ----------
    text : str
        The number as written, e.g. ``"1.752"``, ``"84,11"``, ``"84,11%"``, ``"02"``.
    where : str, optional
        Where the text came from, added to the error message
        (e.g. ``"data/x.csv row 4, column 'total'"``).

    Returns
    -------
    ViNumber

    Raises
    ------
    ValueError
        For empty, malformed or foreign-formatted text; the message quotes the text.

    Examples
    --------
    >>> parse_number("1.752").value
    Decimal('1752')
    >>> n = parse_number("84,10%")
    >>> (n.value, n.decimals, n.percent)
    (Decimal('84.10'), 2, True)
    >>> parse_number("02").value
    Decimal('2')
    >>> parse_number("84.11")
    Traceback (most recent call last):
    ...
    ValueError: cannot parse '84.11' as a Vietnamese number ('.' groups thousands in threes, ',' is the decimal mark)
    >>> parse_number("1,752.5", where="data/x.csv row 4, column 'total'")
    Traceback (most recent call last):
    ...
    ValueError: cannot parse '1,752.5' as a Vietnamese number ('.' groups thousands in threes, ',' is the decimal mark) in data/x.csv row 4, column 'total'
    """
    expected = (
        f"a Vietnamese number ({GROUP_SYMBOL!r} groups thousands in threes, "
        f"{DECIMAL_SYMBOL!r} is the decimal mark)"
    )
    raw = _clean(text, expected, where)
    match = _FULL.fullmatch(raw)
    if not match or _GROUPED_LEADING_ZERO.match(match["num"]):
        raise _fail(raw, expected, where)
    number = match["num"]
    try:
        value = parse_decimal(number, locale=LOCALE, strict=True)
    except NumberFormatError:  # pragma: no cover - the regex is stricter than Babel
        raise _fail(raw, expected, where) from None
    if match["sign"]:
        value = -value
    decimals = len(number.split(DECIMAL_SYMBOL, 1)[1]) if DECIMAL_SYMBOL in number else 0
    return ViNumber(text=raw, value=value, decimals=decimals, percent=bool(match["pct"]))


def parse_count(text: str, *, where: str | None = None) -> int:
    """Parse a non-negative whole count such as ``"1.752"`` or ``"07"``.

    A comma is the decimal mark, so ``"1,752"`` is rejected here: a count has no decimals.

    Raises
    ------
    ValueError
        For anything that is not a non-negative whole number in Vietnamese format.

    Examples
    --------
    >>> parse_count("72.187")
    72187
    >>> parse_count("07")
    7
    >>> parse_count("1,752")
    Traceback (most recent call last):
    ...
    ValueError: cannot parse '1,752' as a count (a whole number; ',' is the decimal mark, '.' groups thousands)
    """
    expected = (
        f"a count (a whole number; {DECIMAL_SYMBOL!r} is the decimal mark, "
        f"{GROUP_SYMBOL!r} groups thousands)"
    )
    try:
        number = parse_number(text, where=None)
    except ValueError:
        raise _fail(_clean(text, expected, where), expected, where) from None
    if number.decimals or number.percent or number.value < 0:
        raise _fail(number.text, expected, where)
    return int(number.value)


def parse_percent(text: str, *, where: str | None = None) -> ViNumber:
    """Parse a percentage, with or without its ``%`` sign: ``"84,11%"`` or ``"84,11"``.

    Raises
    ------
    ValueError
        For a malformed number or a negative percentage.

    Examples
    --------
    >>> parse_percent("01%")
    ViNumber(text='01%', value=Decimal('1'), decimals=0, percent=True)
    >>> parse_percent("28,95").value
    Decimal('28.95')
    """
    number = parse_number(text, where=where)
    if number.value < 0:
        raise _fail(number.text, "a percentage (not negative)", where)
    return ViNumber(number.text, number.value, number.decimals, True)


def quantize(value: Decimal | int | str, decimals: int) -> Decimal:
    """Round ``value`` half-up to ``decimals`` places, exactly.

    Examples
    --------
    >>> quantize(Decimal("2.675"), 2)
    Decimal('2.68')
    >>> quantize(Decimal("10.769"), 1)
    Decimal('10.8')
    """
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_number(value: Decimal | int | str, decimals: int = 0) -> str:
    """Format a number the Vietnamese way, rounded half-up to ``decimals`` places.

    Examples
    --------
    >>> format_number(1752)
    '1.752'
    >>> format_number(Decimal("2.675"), 2)
    '2,68'
    >>> format_number(Decimal("72187.5"), 1)
    '72.187,5'
    """
    rounded = quantize(value, decimals)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    # Already rounded half-up, so Babel's own (half-even) rounding never applies.
    return format_decimal(rounded, format=pattern, locale=LOCALE)


def format_percent(value: Decimal | int | str, decimals: int = 2) -> str:
    """Format a number of percent the Vietnamese way: ``84.114`` -> ``'84,11%'``.

    Examples
    --------
    >>> format_percent(Decimal("98.449"), 2)
    '98,45%'
    >>> format_percent(1, 0)
    '1%'
    """
    return format_number(value, decimals) + "%"
