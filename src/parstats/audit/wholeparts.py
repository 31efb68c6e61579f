"""A total amount, then its parts after "Trong đó", each in a clause of its own with its share:
``năm 2010, tổng GDP của Giang Tây đạt 943,5 tỉ NDT, … . Trong đó, khu vực một … đạt giá trị 106,04
tỉ NDT, tăng trưởng 4,8%, chiếm tỷ trọng 16,4% trong GDP; khu vực hai … 341,49 tỉ NDT, … 52,7% …;
khu vực ba … 200,5 tỉ NDT, … 30,9%``.

Rule ``total-then-parts`` (a sum): the total is an amount after a word of a whole (``tổng``, ``toàn``,
``cả``) in the sentence of "Trong đó" or the one before; the parts are the amounts of the same unit,
one in each clause after it (clauses split by ``;``), up to the sentence's end. ``consistent`` when
they add up to the total within their rounding. When they do not:

* ``inconsistent`` if every part states its share (``chiếm … P%``) and the shares add up to 100 %
  within their rounding: the numbers say the list is complete, so the total and its parts disagree
  (the shares then fit the parts' sum, and the diagnosis names it);
* otherwise ``unverifiable`` (the list may name only some parts).

When the parts add up to the total, each part's share is checked against it too (rule
``total-then-parts``, a ratio; the exact sum corroborates the tie). Read once per "Trong đó":
linear in the paragraph.
"""
from __future__ import annotations

import re
from decimal import Decimal

from parstats.audit.amounts import total_and_parts
from parstats.audit.breakdowns import adds_to_100
from parstats.audit.tokens import ParagraphContext, provisional_claim
from parstats.numbers import format_number

__all__ = ["total_then_parts_claims"]

#: an amount and its unit: "943,5 tỉ NDT", "1.200 tỷ đồng", "3,9 triệu tấn", "2.500 ha"
_AMOUNT = (r"(?<![0-9.,])(?P<n>[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]+)?) "
           r"(?P<u>(?:tỉ|tỷ|triệu|nghìn|ngàn)(?: (?:[A-ZĐ]{2,4}|đồng|USD|tấn|người|lượt))?|ha|km²|km2|tấn|USD)(?![\w])")
_AMOUNT_RE = re.compile(_AMOUNT)
#: a word of a whole a little before the total ("tổng GDP của Giang Tây đạt 943,5 tỉ NDT")
_WHOLE_WORD_RE = re.compile(r"(?i)\b(?:tổng|toàn bộ|toàn tỉnh|toàn vùng|cả nước|cả năm)\b[^.;!?0-9]{0,60}$")
_TRONG_DO_RE = re.compile(r"(?:(?<=\. )|(?<=, ))Trong đó,? |(?<=, )trong đó,? ")
_SHARE_RE = re.compile(r"chiếm(?: tỷ trọng| tỉ trọng| tỷ lệ| tỉ lệ| khoảng)? (?P<p>[0-9]{1,3}(?:,[0-9]{1,3})?) ?%")
_SENT_END_RE = re.compile(r"[.!?](?= [A-ZĐ]|$)")
WEAK_PARTS = "the clauses may name only some of the parts"


def total_then_parts_claims(ctx: ParagraphContext, claims: list) -> None:
    """The ``total-then-parts`` claims of one paragraph (appended to ``claims``)."""
    text = ctx.text
    for cue in _TRONG_DO_RE.finditer(text):
        # the total: the last amount with a word of a whole before "Trong đó", in its sentence or the one before
        lo = max(0, text.rfind(". ", 0, max(0, text.rfind(". ", 0, cue.start()))))
        totals = [m for m in _AMOUNT_RE.finditer(text, lo, cue.start())
                  if _WHOLE_WORD_RE.search(text, max(0, m.start() - 80), m.start())]
        if not totals:
            continue
        w = totals[-1]
        end_m = _SENT_END_RE.search(text, cue.end())
        end = end_m.start() if end_m else len(text)
        parts, shares = [], []
        pos = cue.end()
        for clause in re.split(r"; ", text[cue.end():end]):
            a = next((m for m in _AMOUNT_RE.finditer(text, pos, pos + len(clause)) if m.group("u") == w.group("u")), None)
            if a is None:
                parts = []
                break
            parts.append(a)
            s = _SHARE_RE.search(text, a.end(), pos + len(clause))
            shares.append(s)
            pos += len(clause) + 2
        if len(parts) < 2:
            continue
        total, scaled, dec, slack = total_and_parts(w.group("n"), [m.group("n") for m in parts])
        adds_up = abs(sum(scaled) - total) <= slack
        detail = {"unit": w.group("u"), "rule": "total-then-parts", "scale": 10 ** dec, "slack": slack}
        source = f"the total '{w.group(0)}' and the amounts of its {len(parts)} clauses after 'Trong đó'"
        if not adds_up:
            if all(shares) and adds_to_100([s.group("p") for s in shares]):
                detail["exhaustive"] = True
                source += (f"; their shares ({' + '.join(s.group('p') + '%' for s in shares)}) make the "
                           f"whole, which is {format_number(Decimal(sum(scaled)).scaleb(-dec), dec)}")
            else:
                detail["weak"] = WEAK_PARTS
        claims.append(provisional_claim(
            ctx, "sum", w.start(), parts[-1].end(), denominator=total, parts=scaled, reported=w.group("n"),
            source=source, detail=detail, quote_start=w.start(), line_pos=w.start("n")))
        if not adds_up:
            continue
        for a, s, x in zip(parts, shares, scaled):
            if s is None:
                continue
            claims.append(provisional_claim(
                ctx, "ratio", a.start(), s.end(), numerator=x, denominator=total, reported=s.group("p") + "%",
                source=f"the total '{w.group(0)}', which the amounts of the clauses after 'Trong đó' add up to",
                detail={"rule": "total-then-parts", "x_text": f"{a.group('n')} {a.group('u')}",
                        "y_text": f"{w.group('n')} {w.group('u')}"},
                quote_start=a.start(), line_pos=s.start("p")))
