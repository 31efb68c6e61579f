"""The claim: what the extractor finds in a text and the audit checks (kinds, targets)."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypedDict
from decimal import Decimal


#: The kinds of claim, in the order the issue lists them.
KINDS = ("ratio", "change", "sum", "rank", "date", "document")

KIND_RANK = {k: i for i, k in enumerate(KINDS)}  # KINDS.index, as a dict

#: the prefix of every basis (:func:`parstats.audit.checks.basis`):
#: ``rule=<name>; evidence=<how the text tied the numbers, in words>``
BASIS_PREFIX = "rule="


def split_basis(text: str) -> tuple[str | None, str]:
    """``(rule, evidence)`` of a basis string (``rule`` None for a bare evidence text).

    >>> split_basis("rule=footnote-total; evidence=footnote 3 (line 71): 'Tổng số … là 197 người'")
    ('footnote-total', "footnote 3 (line 71): 'Tổng số … là 197 người'")
    >>> split_basis("as written")
    (None, 'as written')
    """
    if text.startswith(BASIS_PREFIX):
        rule, sep, evidence = text[len(BASIS_PREFIX):].partition("; evidence=")
        if sep:
            return rule, evidence
    return None, text


@dataclass(frozen=True)
class TargetSpec:
    """A target stated near a claim: ``tối thiểu 10%`` -> ``("at_least", Decimal("10"))``."""

    comparator: str
    value: Decimal
    text: str
    line: int


@dataclass(frozen=True)
class Claim:
    """One numeric claim found in a text.

    Attributes
    ----------
    id : str
        ``"<kind>-<line>-<n>"``, unique within one extraction.
    kind : str
        One of :data:`KINDS`.
    line : int
        1-based line number in the original text (of the numerator, the change amount, the
        first part of a sum, the rank, the date or the document number).
    quote : str
        The words of the claim, whitespace-normalised (NFC, footnote markers removed).
    numerator, denominator : int or None
        Ratio: count and total. Change: the change amount and the resolved base (old value).
        Sum: ``None`` and the stated total. Rank: rank and number ranked.
    parts : tuple of int or None
        The parts of a sum claim.
    reported : str or None
        The value as written: ``"98,45%"``, ``"2.059"`` (a total), ``"4/11"``, ``"14/5/2021"``,
        ``"06/2018/NQ-HĐND"``.
    denominator_source : str or None
        How the total (or base) was found, in words.
    target : TargetSpec or None
        A target stated before the claim (``Phấn đấu 15% …``), used for "gross" errors.
    detail : dict
        Kind-specific extras (``unit``, ``new``/``direction`` of a change, ``document``,
        ``day``/``month``/``year`` of a date, ``footnote`` …).
    """

    id: str
    kind: str
    line: int
    quote: str
    numerator: int | None = None
    denominator: int | None = None
    parts: tuple[int, ...] | None = None
    reported: str | None = None
    denominator_source: str | None = None
    target: TargetSpec | None = None
    detail: dict = field(default_factory=dict, compare=False, hash=False)


class ProvisionalClaim(TypedDict, total=False):
    """A claim while the rules find it, before :func:`new_claim` makes it a :class:`Claim` (the
    record every rule module hands to :mod:`parstats.audit.extraction`): the fields of a claim,
    and ``order`` (paragraph index, offset: the place that orders claims and tells two rules'
    claims at one place apart), ``token`` and ``pct_token`` (the number tokens of a count-share
    claim, for the targets and footnotes read after the rules)."""

    kind: str
    line: int
    quote: str
    numerator: int | None
    denominator: int | None
    parts: tuple[int, ...] | None
    reported: str | None
    denominator_source: str | None
    target: TargetSpec | None
    detail: dict
    order: tuple[int, int]
    token: object
    pct_token: object


@contextmanager
def gc_paused():
    """Pause CPython's cyclic garbage collector for one extraction or audit.

    An extraction builds hundreds of thousands of small objects that live until it returns
    (paragraphs, tokens, claims) and makes no reference cycles. With the collector on, every
    25% growth of the heap starts a full collection that walks all of them again: about a
    third of the run time on 10 MB of text, for nothing to collect. Reference counting frees
    memory as usual; the collector is switched back on afterwards if it was on (and left
    alone if the caller had switched it off). The switch is process-wide: other threads run
    without the cyclic collector until the call returns.

    Examples
    --------
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_CLAIM_FIELDS = tuple(Claim.__dataclass_fields__)


def new_claim(*values) -> Claim:
    """``Claim(*values)`` (every field, in order) without the frozen dataclass's per-field
    ``object.__setattr__``: the same object, built faster (one per claim of a text)."""
    c = object.__new__(Claim)
    c.__dict__.update(zip(_CLAIM_FIELDS, values))
    return c


def sum_claim(p, pidx: int, s: int, e: int, *, total: int, parts, reported: str | None, source: str,
              detail: dict, qs: int | None = None) -> ProvisionalClaim:
    """A provisional sum claim of paragraph ``p`` (a :class:`parstats.markdown.Paragraph`): the
    total, its parts, the reported value, the evidence, quoted from ``qs`` (default ``s``) to
    ``e`` (at most 200 characters) and placed at ``s``."""
    qs = s if qs is None else qs
    quote = p.text[qs:e].strip(" ,;:.")
    if len(quote) > 200:
        quote = quote[:199] + "…"
    return {"kind": "sum", "line": p.line_at(s), "quote": quote, "numerator": None,
            "denominator": total, "parts": tuple(parts), "reported": reported,
            "denominator_source": source, "target": None, "detail": detail, "order": (pidx, s)}

