"""The scoreboard's wording: a target and a value written the Vietnamese way, and the
report's words read as a value or a verdict.

:func:`target_text` writes a target (``tối thiểu 90%``, ``hạng 4 đến 6``), :func:`format_value`
a value (``6,46%``); :func:`word_meaning` reads what the report states in words instead of a
number (:data:`WORDS`: "giữ nguyên", "Chưa đạt chỉ tiêu đề ra"); :func:`cell_text` is a text cell
of ``data/targets.csv`` as it reads. :mod:`parstats.analysis.scoreboard` builds its rows with them.
"""
from __future__ import annotations

from decimal import Decimal

__all__ = ["WORDS", "cell_text", "format_value", "target_text", "word_meaning"]

#: What the report's words mean when it states a value or verdict without a number
#: (``actual_words`` of ``data/targets.csv``, matched case-insensitively): ``("value", v)``
#: is the value in percent ("giữ nguyên": a change of 0%), ``("verdict", met)`` a verdict.
WORDS = {
    "giữ nguyên": ("value", Decimal(0)),
    "toàn bộ": ("value", Decimal(100)),
    "đạt chỉ tiêu đề ra": ("verdict", True),
    "chưa đạt chỉ tiêu đề ra": ("verdict", False),
    "chưa đạt": ("verdict", False),
    "chưa": ("verdict", False),
}


def target_text(comparator: str, value, upper=None, unit: str | None = "percent") -> str:
    """The target written out in Vietnamese.

    Examples
    --------
    >>> target_text("at_least", Decimal("90"))
    'tối thiểu 90%'
    >>> target_text("rank_between", 4, 6, "rank")
    'hạng 4 đến 6'
    >>> target_text("equals", 100)
    '100%'
    """
    from parstats.numbers import decimal_places, format_number

    def fmt(v):
        return format_number(Decimal(v), decimal_places(v, significant=True))

    suffix = "%" if unit == "percent" else ""
    if comparator == "rank_between":
        return f"hạng {fmt(value)} đến {fmt(upper)}"
    if comparator == "at_least":
        return f"tối thiểu {fmt(value)}{suffix}"
    if comparator == "at_most":
        return f"tối đa {fmt(value)}{suffix}"
    return f"{fmt(value)}{suffix}"


def cell_text(value) -> str:
    """A text cell of ``data/targets.csv``, stripped; ``""`` for an empty cell.

    Examples
    --------
    >>> cell_text(" giữ nguyên "), cell_text(None), cell_text(float("nan"))
    ('giữ nguyên', '', '')
    """
    from parstats.analysis.tables import is_missing

    return "" if is_missing(value) else str(value).strip()


def word_meaning(words: str, where: str = "") -> tuple[str | None, object]:
    """What the report's words say: ``("value", Decimal)``, ``("verdict", bool)`` or ``(None, None)``.

    Raises
    ------
    ValueError
        For words :data:`WORDS` does not know, naming ``where``.

    Examples
    --------
    >>> word_meaning("giữ nguyên"), word_meaning("Chưa đạt chỉ tiêu đề ra"), word_meaning("")
    (('value', Decimal('0')), ('verdict', False), (None, None))
    """
    if not words:
        return None, None
    try:
        return WORDS[words.strip().lower()]
    except KeyError:
        raise ValueError(f"{where}, column 'actual_words': {words!r} is not a known wording; "
                         f"expected one of {', '.join(repr(w) for w in WORDS)}") from None


def format_value(value, unit: str | None) -> str:
    """A value written the Vietnamese way, with ``%`` for a percentage.

    Examples
    --------
    >>> format_value(Decimal("6.46"), "percent"), format_value(Decimal(0), "percent"), format_value(8, "rank")
    ('6,46%', '0%', '8')
    """
    from parstats.numbers import decimal_places, format_number

    text = format_number(Decimal(value), decimal_places(value, significant=True))
    return f"{text}%" if unit == "percent" else text
