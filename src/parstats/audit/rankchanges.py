"""Changes of a rank with both ranks stated: ``tụt 11 bậc, từ xếp hạng 138 trên 183 quốc gia,
xuống vị trí 149``, ``tăng 5 bậc, từ vị trí 107 lên 102``, ``từ hạng 98 lên hạng 94 (tăng 4 bậc)``.

Rule ``rank-change`` (a sum, as ``change-amount``): a rank rises as its number falls, so "tăng N
bậc" from A to B says A − N = B and "tụt N bậc" says A + N = B. The amount and the two ranks stand
in one clause, joined by "từ … lên/xuống"; the words of the rise or fall must agree with the two
numbers (otherwise no claim). A wrong amount is ``inconsistent``: "from A to B is a change of D,
not N".

Rule ``rank-gap``: ``hai đội từng cách nhau 25 bậc trên bảng FIFA, khi Thái Lan đứng thứ 96 còn Việt
Nam là 119``: a gap between two ranks and the two ranks, in one sentence; the gap is their difference
(``inconsistent`` when it is not: the sentence says both).

The rules are asked only where "bậc" or "hạng" stands, and reads the paragraph once: linear in its
length.
"""
from __future__ import annotations

import re

from parstats.audit.tokens import ParagraphContext, provisional_claim
from parstats.audit.words import COUNT_WORDS, count_value

__all__ = ["rank_change_claims", "rank_gap_claims"]

_WORDS = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
#: the amount of the change: "tụt 11 bậc", "tăng năm bậc", "leo thêm 3 hạng"
_AMOUNT = (r"(?P<dir>tăng|tụt|giảm|leo|rơi|thăng|vươn lên|mất)(?: thêm| liền| tiếp| tới| đến)? "
           r"(?P<n>[0-9]{1,3}|" + _WORDS + r") (?:bậc|hạng|vị trí|thứ hạng)(?!\w)")
#: a rank: "vị trí 107", "xếp hạng 138 trên 183 quốc gia", "hạng thứ 94", "thứ 102"
_RANK_WORDS = r"(?:(?:vị trí|hạng|thứ hạng|xếp hạng)(?: thứ)? |thứ )?"
_OF = r"(?: (?:trên|trong số|/) ?[0-9]{1,3}(?: [^\W\d_]+){0,3})?"
_FROM_TO = (r"từ " + _RANK_WORDS + r"(?P<a>[0-9]{1,3})" + _OF + r",? (?P<to>lên|xuống)(?: còn)? " + _RANK_WORDS
            + r"(?P<b>[0-9]{1,3})(?![0-9/%]|[.,][0-9]|\s?%)" + _OF)
_AMOUNT_FIRST_RE = re.compile(r"(?i)(?<!\w)" + _AMOUNT + r"(?: [^\W\d_]+){0,6}?,? (?:\()?" + _FROM_TO)
_RANKS_FIRST_RE = re.compile(r"(?i)(?<!\w)" + _FROM_TO + r"(?: \(|, | )(?:tức |tương đương |tương ứng )?" + _AMOUNT)
_UP = frozenset(("tăng", "leo", "thăng", "vươn lên"))


def rank_change_claims(ctx: ParagraphContext, claims: list) -> None:
    """The rank changes of a paragraph (rule ``rank-change``), as sums ``lower + N = higher``."""
    text = ctx.text
    for pat in (_AMOUNT_FIRST_RE, _RANKS_FIRST_RE):
        for m in pat.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            n = count_value(m.group("n"))
            up = m.group("dir").lower() in _UP
            # a rise goes to a smaller number, and "lên"/"xuống" must say the same
            if n is None or n <= 0 or a == b or (b < a) != up or (m.group("to").lower() == "lên") != up:
                continue
            lo, hi = min(a, b), max(a, b)
            claims.append(provisional_claim(
                ctx, "sum", m.start(), m.end(), denominator=hi, parts=(lo, n), reported=m.group("n"),
                source=f"the rank {'rises' if up else 'falls'} from {a} to {b}: {hi} - {lo}",
                detail={"unit": "bậc", "rule": "rank-change", "amount_change": True, "old_text": m.group("a"),
                        "new_text": m.group("b"), "amount_text": m.group("n")},
                quote_start=m.start(), line_pos=m.start("n")))


#: "cách nhau 25 bậc", "chênh lệch 3 hạng": a gap between two ranks
_GAP_RE = re.compile(r"(?i)(?<!\w)(?:cách nhau|chênh(?: lệch)?(?: nhau)?) (?P<n>[0-9]{1,3}|" + _WORDS
                     + r") (?:bậc|hạng|vị trí)(?!\w)")
#: a rank in the same sentence: "đứng thứ 96", "hạng 119", "còn Việt Nam là 119"
_RANK_AT_RE = re.compile(r"(?<!\w)(?:thứ|hạng|vị trí|là) (?P<r>[0-9]{1,3})(?![0-9/%]|[.,][0-9]|\s?%)")
_END_RE = re.compile(r"[.!?;](?= |$)|$")


def rank_gap_claims(ctx: ParagraphContext, claims: list) -> None:
    """The gaps between two ranks stated with both ranks in their sentence (rule ``rank-gap``), as
    sums ``lower + N = higher``."""
    text = ctx.text
    for m in _GAP_RE.finditer(text):
        lo_s = max(text.rfind(". ", 0, m.start()), text.rfind("; ", 0, m.start())) + 2 if m.start() > 1 else 0
        end = _END_RE.search(text, m.end()).start()
        ranks = [r for r in _RANK_AT_RE.finditer(text, max(0, lo_s), end) if not m.start() <= r.start() < m.end()]
        n = count_value(m.group("n"))
        if len(ranks) != 2 or not n:
            continue
        a, b = (int(r.group("r")) for r in ranks)
        if a == b:
            continue
        lo, hi = min(a, b), max(a, b)
        claims.append(provisional_claim(
            ctx, "sum", m.start(), ranks[1].end(), denominator=hi, parts=(lo, n), reported=m.group("n"),
            source=f"the gap between the ranks {a} and {b} of its sentence: {hi} - {lo}",
            detail={"unit": "bậc", "rule": "rank-gap", "amount_change": True, "old_text": ranks[0].group("r"),
                    "new_text": ranks[1].group("r"), "amount_text": m.group("n")},
            quote_start=min(m.start(), ranks[0].start()), line_pos=m.start("n")))
