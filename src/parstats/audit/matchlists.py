"""A count of matches and their results listed after it: ``thi đấu tiếp sáu trận để lên ngôi vô
địch, trong đó có hòa Philippines 1-1, thắng Myanmar 5-0 ở vòng bảng, Singapore 2-0 và 3-1 ở bán
kết, Thái Lan 2-1 và 3-2 ở chung kết``.

Rule ``match-results``: a count of matches (``N trận``), then in its sentence a cue that lists them
(``trong đó``, ``gồm``, ``:``, ``là``) and their scores, in that sentence or the next when it goes
on with them (``Trước đó, …``); each score is one match. ``consistent`` when
the scores are as many as the count; otherwise no claim (the list may name only some, or a score
be an aggregate). Read once per sentence that holds such a count: linear in the paragraph.
"""
from __future__ import annotations

import re

from parstats.audit.model import sum_claim
from parstats.audit.words import COUNT_WORDS, count_value
from parstats.markdown import Paragraph

__all__ = ["match_results_claims"]

_WORDS = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
#: "sáu trận", "6 trận đấu", then up to a few words and the cue that opens the list
_MATCHES_RE = re.compile(r"(?<!\w)(?P<n>[0-9]{1,2}|(?i:" + _WORDS + r")) (?P<noun>trận(?: đấu)?)(?!\w)"
                         r"(?P<gap>[^.;:!?0-9]{0,60}?)(?:,? (?P<cue>trong đó(?: có)?|gồm(?: có)?|là)|:) ")
#: one match's score ("1-1", "5-0"), not a date or a part of a longer number
_SCORE_RE = re.compile(r"(?<![0-9/.,:-])[0-9]{1,2} ?[-–] ?[0-9]{1,2}(?![0-9/:%-]|[.,][0-9])")
_SENTENCE_END_RE = re.compile(r"[.!?;](?= |$)|$")
#: a sentence that goes on with the same matches ("Trước đó, họ …", "Ngoài ra, …")
_GOES_ON_RE = re.compile(r" (?:Trước đó|Sau đó|Ngoài ra|Bên cạnh đó|Tiếp đó),? ")
WEAK_RESULTS = "the list may name only some of the matches, or a score be of two legs"


def match_results_claims(p: Paragraph, pidx: int, out: list) -> None:
    """The ``match-results`` claims of paragraph ``p`` (provisional claim dicts, appended to
    ``out``)."""
    text = p.text
    for m in _MATCHES_RE.finditer(text):
        n = count_value(m.group("n"))
        if n is None or not 2 <= n <= 40 or re.search(r"(?i)\b(?:còn lại|tới|sắp tới)\b", m.group("gap")):
            continue  # "hai trận còn lại": not those listed
        end = _SENTENCE_END_RE.search(text, m.end()).start()
        scores = _SCORE_RE.findall(text, m.end(), end)
        if 0 < len(scores) < n and _GOES_ON_RE.match(text, end + 1):
            # "…, trong đó có trận hòa Việt Nam 0-0 ở vòng bảng kỳ 2022. Trước đó, họ thắng
            # Philippines 1-0 …, thắng Thái Lan 3-1 … và Myanmar 3-2 …": the list goes on
            end = _SENTENCE_END_RE.search(text, end + 1).start()
            scores = _SCORE_RE.findall(text, m.end(), end)
        if len(scores) != n:
            continue
        out.append(sum_claim(p, pidx, m.start("n"), end, total=n, parts=(1,) * n, reported=m.group("n"),
                             source=f"the count '{m.group('n')} {m.group('noun')}' and the {len(scores)} scores "
                                    f"listed after it",
                             detail={"unit": m.group("noun"), "rule": "match-results", "list": True,
                                     "weak": WEAK_RESULTS}, qs=m.start()))
