"""Fines stated as a multiple of others: ``… bị phạt tiền từ 1.000.000 đồng đến 3.000.000 đồng.`` then
``Mà mức phạt tiền đối với tổ chức bằng 02 lần mức phạt tiền đối với cá nhân. Do đó … tổ chức … bị
phạt tiền từ 2.000.000 đồng đến 6.000.000 đồng.``

Rule ``multiple-of-range`` (named in ``detail["rule"]``): a paragraph that says one fine is N times
another (``gấp 02 lần``, ``bằng hai lần``, ``gấp đôi``) and then states a range ``A đồng đến B
đồng``, and the last range ``a đồng đến b đồng`` of the three paragraphs before it (or of its own
text before the multiple): each end is a sum claim, ``A`` = N × ``a`` and ``B`` = N × ``b``.
``consistent`` when an end fits; when one end fits and the other does not, the other is
``inconsistent`` (the fitting end ties the two ranges); when neither fits, both are
``unverifiable`` (the earlier range may be another act's).

Only paragraphs about a fine (``phạt``) are read, each once: linear in the text.
"""
from __future__ import annotations

import re

from parstats.audit.model import ProvisionalClaim
from parstats.audit.words import INT
from parstats.markdown import Paragraph
from parstats.numbers import parse_number

__all__ = ["WEAK_MULTIPLE", "multiple_claims"]

WEAK_MULTIPLE = "neither end of the range is the multiple of the range before it: that may be another act's"

_TIMES = {"02": 2, "2": 2, "hai": 2, "03": 3, "3": 3, "ba": 3, "đôi": 2}
#: "gấp 02 lần", "bằng hai lần", "gấp đôi"
_MULTIPLE_RE = re.compile(r"(?:gấp|bằng) (?:(?P<n>02|2|hai|03|3|ba) lần|(?P<d>đôi))")
#: a range of amounts in đồng ("từ 1.000.000 đồng đến 3.000.000 đồng", "2.000.000 - 6.000.000 đồng")
_RANGE_RE = re.compile(r"(?P<a>" + INT + r")(?: đồng)? ?(?:đến|tới|-|–) ?(?P<b>" + INT + r") đồng")


def _claim(p: Paragraph, pidx: int, m: re.Match, g: str, base: str, n: int, weak: str | None) -> ProvisionalClaim:
    v = parse_number(base).value
    return {"kind": "sum", "line": p.line_at(m.start(g)), "quote": p.text[m.start():m.end()],
            "numerator": None, "denominator": int(parse_number(m.group(g)).value),
            "parts": (int(v),) * n, "reported": m.group(g),
            "denominator_source": f"{n} times {base} đồng, the range stated before",
            "target": None, "detail": {"unit": "đồng", "rule": "multiple-of-range", "weak": weak,
                                       "derived_parts": True, "exhaustive": weak is None},
            "order": (pidx, m.start(g))}


#: what a paragraph with a multiple-of-range claim holds (a text without it is not read paragraph
#: by paragraph)
CUE = "phạt"


def multiple_claims(paras: list[Paragraph]) -> list[ProvisionalClaim]:
    """The ``multiple-of-range`` claims of a text's paragraphs."""
    out: list[ProvisionalClaim] = []
    for i, p in enumerate(paras):
        text = p.text
        if CUE not in text or "đồng" not in text or ("lần" not in text and "đôi" not in text):
            continue  # the multiple of a fine
        mm = _MULTIPLE_RE.search(text)
        if mm is None:
            continue
        after = _RANGE_RE.search(text, mm.end())
        if after is None:
            continue
        n = _TIMES[mm.group("n") or mm.group("d")]
        before = None
        for before in _RANGE_RE.finditer(text, 0, mm.start()):
            pass
        j = i - 1
        while before is None and j >= max(0, i - 3):
            for before in _RANGE_RE.finditer(paras[j].text):
                pass
            j -= 1
        if before is None:
            continue
        fits = [int(parse_number(after.group(g)).value) == n * int(parse_number(before.group(g)).value)
                for g in ("a", "b")]
        for g, fit in zip(("a", "b"), fits):
            weak = None if (fit or any(fits)) else WEAK_MULTIPLE
            out.append(_claim(p, i, after, g, before.group(g), n, weak))
    return out
