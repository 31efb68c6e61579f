"""How a claim's numbers were tied, named: the tie rule (:func:`tie_rule`) and the basis string
(:func:`basis`, ``rule=<name>; evidence=<words>``) that the findings, their JSON and the
annotated pages carry.

:func:`parstats.audit.model.split_basis` reads the string back.
"""
from __future__ import annotations

from parstats.audit.model import BASIS_PREFIX, Claim

__all__ = ["basis", "tie_rule"]


#: how the tie rules of older stages are named, from the words of their evidence (first match)
_RULE_OF_SOURCE = (
    ("' after the percentage", "same-clause-total"),
    ("' later in the sentence", "same-sentence-total"),
    ("footnote ", "footnote-total"),
    ("' before 'trong đó' earlier in the paragraph", "passage-trong-do"),
    ("the denominator of ", "passage-fraction"),
    ("' earlier in the sentence (line", "same-sentence-total-word"),
    ("trong đó' earlier in the sentence", "scaled-whole-trong-do"),
    ("'tổng số … ", "passage-total-word"),
    ("a whole named by its place", "passage-place-whole"),
    ("row of the table", "table-total"),
    ("old value ", "change-old-value"),
    ("the number before the parenthesis", "paren-breakdown"),
    ("and its breakdown", "fraction-breakdown"),
    ("before 'trong đó'", "trong-do-list"),
    ("before the list", "colon-list"),
    ("broken down in footnote", "footnote-breakdown"),
)


def tie_rule(claim: Claim) -> str | None:
    """The name of the rule that tied a claim's numbers (``None``: nothing was tied).

    New rules set it in ``detail["rule"]``; the older ones are named from their evidence.

    Examples
    --------
    >>> from parstats.audit.extraction import extract_claims
    >>> [tie_rule(c) for c in extract_claims("Tinh giản 28/1.752 biên chế, đạt 1,6%; ngày 14/5/2021.")]
    ['fraction-share', 'as-written']
    """
    rule = claim.detail.get("rule")
    if rule:
        return rule
    if claim.kind in ("date", "document", "rank"):
        return "as-written"
    src = claim.denominator_source
    if claim.kind == "ratio" and src == "the fraction itself":
        return "fraction-share" if claim.reported else "fraction-bare"
    if src is None:
        return None
    if "broken down in footnote" in src:
        return "footnote-breakdown"
    for words, name in _RULE_OF_SOURCE:
        if words in src:
            return name
    return "other"


def basis(claim: Claim) -> str | None:
    """How the numbers of a claim were tied together: ``rule=<name>; evidence=<words>``
    (``None``: nothing to tie).

    The prefix is stable and machine-readable (split at the first ``"; evidence="``): the rule
    names one way of tying numbers (:func:`tie_rule`), the evidence says what in the text tied
    them, in English (:func:`parstats.audit.messages.basis_text` gives it in Vietnamese).

    Examples
    --------
    >>> from parstats.audit.extraction import extract_claims
    >>> [basis(c) for c in extract_claims("Tinh giản 28/1.752 biên chế, đạt 1,6%; ngày 14/5/2021.")]
    ['rule=fraction-share; evidence=the fraction itself, with the share in the same clause', 'rule=as-written; evidence=as written']
    """
    rule = tie_rule(claim)
    if rule is None:
        return None
    if claim.kind in ("date", "document", "rank"):
        evidence = "as written"
    elif claim.kind == "ratio" and claim.denominator_source == "the fraction itself":
        evidence = ("the fraction itself, with the share in the same clause" if claim.reported
                    else "the fraction itself, no share stated")
    else:
        evidence = claim.denominator_source
    return f"{BASIS_PREFIX}{rule}; evidence={evidence}"
