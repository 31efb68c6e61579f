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
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

LOCALE = "vi"
DECIMAL_SYMBOL = get_decimal_symbol(LOCALE)  # ","
GROUP_SYMBOL = get_group_symbol(LOCALE)  # "."
MINUS_SYMBOL = get_minus_sign_symbol(LOCALE)  # "-"

_D = re.escape(DECIMAL_SYMBOL)
_G = re.escape(GROUP_SYMBOL)

#: Regex source for one whole number as the report writes it: plain digits (leading zeros
#: allowed: ``02``) or a grouped number (``1.752``, ``72.187``) that does not start with ``0``.
#: No sign, no decimals, no percent sign.
INTEGER_PATTERN = rf"(?:[1-9][0-9]{{0,2}}(?:{_G}[0-9]{{3}})+|[0-9]+)"

#: Regex source for one Vietnamese number token: :data:`INTEGER_PATTERN` then an optional
#: decimal part (``84,11``). No sign, no percent sign. :func:`parse_number` accepts exactly
#: the tokens it matches (with an optional sign and ``%``).
NUMBER_PATTERN = rf"{INTEGER_PATTERN}(?:{_D}[0-9]+)?"

_FULL = re.compile(
    rf"(?P<sign>[-−]?)(?P<num>{INTEGER_PATTERN}(?:{_D}(?P<frac>[0-9]+))?)(?P<pct>\s?%)?"
)
_COUNT = re.compile(INTEGER_PATTERN)
#: quanta for quantize(): 1, 0.1, 0.01, ...
_QUANTA = tuple(Decimal(1).scaleb(-d) for d in range(30))

__all__ = [
    "INTEGER_PATTERN",
    "NUMBER_PATTERN",
    "ViNumber",
    "decimal_places",
    "format_number",
    "format_percent",
    "parse_count",
    "parse_number",
    "parse_percent",
    "quantize",
    "transpositions",
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
    # (ASCII text is already NFKC: skip the work, parse_number runs in extraction loops.)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return text.strip()


_NUMBER_EXPECTED = (
    f"a Vietnamese number ({GROUP_SYMBOL!r} groups thousands in threes, "
    f"{DECIMAL_SYMBOL!r} is the decimal mark)"
)
_COUNT_EXPECTED = (
    f"a count (a whole number; {DECIMAL_SYMBOL!r} is the decimal mark, "
    f"{GROUP_SYMBOL!r} groups thousands)"
)


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
    raw = _clean(text, _NUMBER_EXPECTED, where)
    match = _FULL.fullmatch(raw)
    if not match:
        raise _fail(raw, _NUMBER_EXPECTED, where)
    # The strict pattern has validated the text with the locale's symbols, so converting
    # them to Python's is exact (Babel's parse_decimal would redo the work, slowly).
    value = Decimal(match["num"].replace(GROUP_SYMBOL, "").replace(DECIMAL_SYMBOL, "."))
    if match["sign"]:
        value = -value
    frac = match["frac"]
    return ViNumber(raw, value, len(frac) if frac else 0, match["pct"] is not None)


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
    # the common case, fast (short enough for int(), whatever sys.set_int_max_str_digits says)
    if isinstance(text, str) and len(text) <= 600 and _COUNT.fullmatch(text):
        return int(text.replace(GROUP_SYMBOL, ""))
    try:
        number = parse_number(text, where=None)
    except ValueError:
        raise _fail(_clean(text, _COUNT_EXPECTED, where), _COUNT_EXPECTED, where) from None
    if number.decimals or number.percent or number.value < 0:
        raise _fail(number.text, _COUNT_EXPECTED, where)
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
    return number if number.percent else ViNumber(number.text, number.value, number.decimals, True)


def quantize(value: Decimal | int | str, decimals: int) -> Decimal:
    """Round ``value`` half-up to ``decimals`` places, exactly.

    Examples
    --------
    >>> quantize(Decimal("2.675"), 2)
    Decimal('2.68')
    >>> quantize(Decimal("10.769"), 1)
    Decimal('10.8')
    >>> quantize(10**40, 0) == 10**40  # exact beyond the default 28 significant digits
    True
    """
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    value = Decimal(value)
    exponent = _QUANTA[decimals] if decimals < len(_QUANTA) else Decimal(1).scaleb(-decimals)
    try:
        return value.quantize(exponent, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        # more digits than the default context holds: give the context room, stay exact
        if not value.is_finite():
            raise
        room = Context(prec=max(value.adjusted(), 0) + decimals + 2)
        return value.quantize(exponent, rounding=ROUND_HALF_UP, context=room)


def decimal_places(value: Decimal | int | str, *, significant: bool = False) -> int:
    """How many decimals ``value`` is written with; ``significant=True``: without its trailing
    zeros (the fewest that show it exactly).

    Examples
    --------
    >>> decimal_places(Decimal("28.95")), decimal_places(Decimal("10.70")), decimal_places(60)
    (2, 2, 0)
    >>> decimal_places(Decimal("10.70"), significant=True), decimal_places(Decimal("100"), significant=True)
    (1, 0)
    """
    d = Decimal(value)
    if significant:
        d = d.normalize()
    return max(0, -d.as_tuple().exponent)


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
    # Babel's format_decimal(rounded, format="#,##0.00", locale="vi") gives the same text
    # (tests/test_numbers.py checks it); Python's own formatting of the already-rounded
    # Decimal, with the locale's symbols swapped in, is exact and ten times faster.
    return _python_to_locale(f"{rounded:,.{decimals}f}")


def _python_to_locale(text: str) -> str:
    """Python's ``1,234.5`` / ``-1`` with the locale's group, decimal and minus symbols."""
    text = text.replace(",", "\0").replace(".", DECIMAL_SYMBOL).replace("\0", GROUP_SYMBOL)
    return text if MINUS_SYMBOL == "-" else text.replace("-", MINUS_SYMBOL)


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


def transpositions(text: str):
    """Every string made from ``text`` by swapping two neighbouring, different digits.

    Other characters (thousands dots, the decimal comma) stay where they are, so a digit
    may swap across them: ``1.752`` gives ``7.152``. Used to ask whether a figure or a year
    was written with two digits transposed.

    Examples
    --------
    >>> list(transpositions("0216"))
    ['2016', '0126', '0261']
    >>> list(transpositions("1.752"))
    ['7.152', '1.572', '1.725']
    >>> list(transpositions("11"))
    []
    """
    digits = [i for i, ch in enumerate(text) if ch in "0123456789"]
    for a, b in zip(digits, digits[1:]):
        if text[a] != text[b]:
            chars = list(text)
            chars[a], chars[b] = chars[b], chars[a]
            yield "".join(chars)
