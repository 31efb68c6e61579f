"""The words around a number, read: the word before it, the two before it, the noun after it,
whether it is one end of a range, and the role the words around a percentage give it.

They run for every number of a text (:func:`parstats.audit.tokens.tokenize`, the claim rules),
so each scans from the number or matches at it instead of searching a window: ``prev_word`` and
``prev2`` give what the searches :data:`PREV_WORDS_RE` and :data:`PREV2_RE` would.
"""
from __future__ import annotations

import re

from parstats.audit.words import AT_LEAST_WORDS, AT_MOST_WORDS, NOT_UNIT, NOT_UNIT_PAIRS, PCT_REF_AFTER_RE, TARGET_BEFORE_RE

#: the word after a number and the word after that (perhaps after a space)
WORD_AFTER_RE = re.compile(r" ?([^\W\d_]+)(?: ([^\W\d_]+))?")

#: the word before a position (as searched before :func:`prev_word` scanned for it)
PREV_WORDS_RE = re.compile(r"([^\W\d_]+)[ ,:]{0,3}$")

#: the two words before a position (as searched before :func:`prev2` scanned for them)
PREV2_RE = re.compile(r"([^\W\d_]+) ([^\W\d_]+)[ ,:]{0,3}$")


def _letters_before(text: str, end: int, lo: int) -> int:
    """Start of the run of letters (regex ``[^\\W\\d_]``) that ends at ``end``, not before ``lo``."""
    sp = text.rfind(" ", lo, end)
    if sp >= 0 and text[sp + 1:end].isalpha():
        return sp + 1  # the common case: a word after a space (a letter is alphabetic)
    b = end
    while b > lo:
        ch = text[b - 1]
        if not ch.isalnum() or ch.isdecimal():  # \w is isalnum() or "_", \d is isdecimal()
            break
        b -= 1
    return b


def _word_end(text: str, s: int, lo: int) -> int:
    """End of the word before ``s`` when at most three of `` ,:`` follow it (else not a word end)."""
    e = s
    while e > lo and s - e < 3 and text[e - 1] in " ,:":
        e -= 1
    return e


def prev_word(text: str, s: int) -> str | None:
    """The word right before ``s`` in lower case, as ``PREV_WORDS_RE.search(text, s - 40, s)``.

    A scan backwards instead of the regex search (which tries every start in the window):
    this runs for every number of the text. ``text`` is one paragraph (no line breaks).

    Examples
    --------
    >>> prev_word("Tổng số: 58 đơn vị", 9), prev_word("(58 đơn vị)", 1)
    ('số', None)
    """
    lo = max(0, s - 40)
    e = _word_end(text, s, lo)
    b = _letters_before(text, e, lo)
    return text[b:e].lower() if b < e else None


def prev2(text: str, s: int) -> str | None:
    """The two words right before ``s``, as ``PREV2_RE.search(text, s - 50, s)`` (see prev_word).

    Examples
    --------
    >>> prev2("Tổng số: 58 đơn vị", 9)
    'tổng số'
    """
    lo = max(0, s - 50)
    e2 = _word_end(text, s, lo)
    b2 = _letters_before(text, e2, lo)
    if b2 == e2 or b2 - 1 <= lo or text[b2 - 1] != " ":
        return None
    b1 = _letters_before(text, b2 - 1, lo)
    return text[b1:e2].lower() if b1 < b2 - 1 else None


def unit_after(text: str, e: int) -> tuple[str | None, str | None]:
    """The word after a number and the two words after it, when lower case (its noun).

    Examples
    --------
    >>> unit_after("58 đơn vị", 2), unit_after("58 và 60", 2), unit_after("58.", 2)
    (('đơn', 'đơn vị'), (None, None), (None, None))
    """
    first = text[e + 1:e + 2] if text[e:e + 1] == " " else text[e:e + 1]
    if not first.islower():
        return None, None  # most numbers: followed by punctuation, a capital or nothing
    m = WORD_AFTER_RE.match(text, e)
    if not m:
        return None, None
    w = m.group(1)
    if not w[0].islower() or w in NOT_UNIT:
        return None, None
    two = f"{w} {m.group(2)}" if m.group(2) and m.group(2)[0].islower() else w
    if two in NOT_UNIT_PAIRS:
        return None, None
    return w, two


def in_range(text: str, s: int, e: int) -> bool:
    """Whether the number at ``text[s:e]`` is one end of a range such as ``90-100`` or ``5–7``.

    Examples
    --------
    >>> in_range("90-100 tấn", 0, 2), in_range("90-100 tấn", 3, 6), in_range("90 tấn", 0, 2)
    (True, True, False)
    """
    before = s >= 2 and text[s - 1] in "-–" and text[s - 2].isdigit()
    after = e + 1 < len(text) and text[e] in "-–" and text[e + 1].isdigit()
    return before or after


#: what the words before a percentage end with when :data:`TARGET_BEFORE_RE` matches them: one
#: of its words (then perhaps a space), or a year and perhaps a comma (then perhaps a space)
TARGET_ENDS = ("tối thiểu", "ít nhất", "phấn đấu", "phấn đấu đạt", "phấn đấu có", "phấn đấu đạt có",
               "không dưới", "không thấp hơn", "đạt từ", "tối đa", "không quá", "không vượt quá", "trên",
               "dưới", "hơn", "khoảng", "gần", "xấp xỉ", "gần như", "giảm", "tăng", "thêm")
_YEAR_ENDS = frozenset("0123456789,")


def pct_role(text: str, t) -> str:
    """The role of the percentage token ``t`` (a :class:`parstats.audit.tokens.NumberToken`:
    its start ``s``, end ``e`` and value ``a`` are read) from the words around it: a change
    (``pct-change``), a target at least or at most (``pct-target-min``, ``pct-target-max``),
    another bound (``pct-bound``), a reference value (``pct-ref``) or a plain share (``pct``)."""
    before = text[max(0, t.s - 40):t.s].lower()
    # the pattern searched only where the words end as it needs (a search tries every start)
    tail = before[:-1] if before.endswith(" ") else before
    m = (TARGET_BEFORE_RE.search(before)
         if tail.endswith(TARGET_ENDS) or tail[-1:] in _YEAR_ENDS or "\n" in before else None)
    if m:
        w = m.group("w")
        if w in ("giảm", "tăng", "thêm"):
            return "pct-change"
        if w.startswith(AT_LEAST_WORDS):
            return "pct-target-min"
        if w.startswith(AT_MOST_WORDS):
            return "pct-target-max"
        return "pct-bound"
    if PCT_REF_AFTER_RE.match(text, t.e):
        return "pct-ref"
    if t.a > 100:
        return "pct-ref"
    return "pct"
