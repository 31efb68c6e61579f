"""Shares of a count written in words (rule ``word-count-share``).

News writes small counts in words: ``V-League đã trải qua 18 mùa giải với tổng cộng 35 đội bóng
khác nhau. Nhưng đến nay, chỉ tám đội từng vô địch (tỷ lệ là 28%)``. The numeric tokens never
see ``tám``; this rule reads, for a percentage that nothing else tied, the count in words before
it in its sentence (``hai`` … ``mười lăm`` and a noun, at most eight words before it, with no
other number between, and a share's cue right before the percentage: ``(tỷ lệ là``, ``, chiếm``,
``, tức``, ``(``) and the whole of the same noun:

- ``trên/trong tổng số N <noun>`` in the same sentence, or
- ``tổng cộng/tổng số N <noun>`` earlier in the paragraph (the last one).

The noun is the same when the first word of the count's noun is the first word of the whole's
(``đội`` and ``đội bóng``). The tie then rests on the whole's cue and the noun, as the same tie
of a count in digits does (:func:`parstats.audit.linking.resolve_total`): checked, and flagged
when the share does not fit.

One pass over the percentages left untied: linear in the text.
"""
from __future__ import annotations

import re

from parstats.audit.model import ProvisionalClaim
from parstats.audit.tokens import ParagraphContext, pct_text, provisional_claim
from parstats.audit.words import COUNT_WORDS_CASED, LOWER, count_value

__all__ = ["word_count_shares"]

#: a count in words and its noun, then up to eight words and the share (no digit between)
_COUNT_BEFORE_RE = re.compile(r"(?<!\w)(?P<w>" + COUNT_WORDS_CASED + r")[ \u00a0](?P<noun>" + LOWER + r"+)(?=[^0-9%]{0,60}$)")
#: the cue right before a share of the count ("(tỷ lệ là", ", chiếm", ", tức", "(") — not a rate
#: of each thing counted ("hai đội có tỷ lệ thắng 60%")
_CUE_BEFORE_RE = re.compile(r"(?:[(,] ?(?:(?:tỷ lệ|tỉ lệ)(?: là| đạt)?|chiếm(?: tỷ lệ| tỉ lệ)?|tức(?: là)?|tương đương|bằng)?"
                            r"|chiếm(?: tỷ lệ| tỉ lệ)?|tương đương) ?$")
#: a whole of a noun after "tổng số"/"tổng cộng" ("tổng cộng 35 đội bóng")
_WHOLE_RE = re.compile(r"(?:tổng cộng|tổng số)[ \u00a0](?:là[ \u00a0]|có[ \u00a0])?(?P<y>[0-9]{1,3}(?:\.[0-9]{3})*)"
                       r"[ \u00a0](?P<noun>" + LOWER + r"+)")
#: words that make the count something other than a count of the whole's things
_NOT_COUNT_NOUNS = frozenset("năm tháng ngày tuần giờ phút lần phần lượt điểm bậc".split())


def word_count_shares(ctxs: list[ParagraphContext], claims: list) -> None:
    """The ``word-count-share`` claims of the paragraphs (see the module docstring)."""
    for ctx in ctxs:
        # (a share is a percentage token: a paragraph without one is not read; "ổ" before the words)
        if not ctx.pcts or ctx.p.kind not in ("body", "footnote") or "ổ" not in ctx.text or (
                "tổng cộng" not in ctx.text and "tổng số" not in ctx.text):
            continue
        for t in ctx.toks:
            if t.role == "pct" and not t.used and not t.approx:
                _share(ctx, t, claims)


def _share(ctx: ParagraphContext, t, claims: list) -> None:
    text = ctx.text
    ss, se = ctx.sentence_span(t.s)
    lo = max(ss, t.s - 90)
    m = None
    for m in _COUNT_BEFORE_RE.finditer(text, lo, t.s):
        pass
    if m is None or len(text[m.end():t.s].split()) > 8 or not _CUE_BEFORE_RE.search(text, m.end(), t.s):
        return  # a share of the count says so right before it: "(tỷ lệ là 28%)", ", chiếm 28%"
    noun = m.group("noun").lower()
    if noun in _NOT_COUNT_NOUNS:
        return
    wholes = [w for w in _WHOLE_RE.finditer(text, 0, se) if w.group("noun").lower() == noun
              and (w.start() < m.start() or w.start() > t.e)]
    if not wholes:
        return
    w = wholes[-1]
    x, y = count_value(m.group("w")), int(w.group("y").replace(".", ""))
    if x is None or y <= x:
        return
    same = w.start() >= ss
    where = "in the same sentence" if same else f"earlier in the paragraph (line {ctx.p.line_at(w.start())})"
    t.used = True
    claims.append(_claim(ctx, t, m, w, x, y, f"'{w.group(0)}' {where}, of the noun of '{m.group(0)}'"))


def _claim(ctx, t, m, w, x, y, source) -> ProvisionalClaim:
    return provisional_claim(ctx, "ratio", m.start(), t.e, numerator=x, denominator=y, reported=pct_text(t),
                             source=source, quote_start=m.start(),
                             detail={"rule": "word-count-share", "unit": m.group("noun"),
                                     "x_text": m.group("w"), "y_text": w.group("y")})
