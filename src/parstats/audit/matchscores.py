"""The scores of match reports: a running score told goal by goal (``mở tỷ số … nâng tỷ số lên
2-0 … rút ngắn còn 2-1 … ấn định tỷ số 3-1``), a report's scorer line (``*Ghi bàn: Siladi 7', Xuân
Tú 32' - Mạnh Cường 24' (pen)``), and the results of a round-up against the goals in parentheses
(``Thanh Hóa 2-1 Hà Nội T&T (Quốc Phương 71', Đức Tuấn 85' - Ngọc Duy 56')``).

Rules (each named in ``detail["rule"]``): ``score-sequence``, ``scorer-line``, ``result-scorers``.
Each number of a score is checked against the goals told for its side: ``consistent`` when they
are as many; otherwise ``unverifiable`` or no claim (the report may skip a goal, or the score be
another match's). Never flagged.

Each rule reads a paragraph once, at the few places its cue words stand: linear in its length.
"""
from __future__ import annotations

import re

from parstats.audit.model import sum_claim
from parstats.audit.words import UPPER
from parstats.markdown import Paragraph

__all__ = ["WEAK_SCORE", "WEAK_SCORERS", "WEAK_RESULT_SCORERS", "result_scorers_claims", "score_claims",
           "scorer_line_claims"]


# ------------------------------------------------------------------ the running score of a match
#: a score ("2-0", "1 - 2"), found from its dash (a literal: quick), after a word of the game
_SCORE_RE = re.compile(r"(?<![0-9/.,:])(?P<a>[0-9]{1,2}) ?[-–] ?(?P<b>[0-9]{1,2})(?![0-9/:%]|[.,][0-9])")
#: the words of a running score ("nâng tỷ số lên 2-0", "gỡ hòa 1-1", "rút ngắn còn 1-2"), not of a
#: result ("thắng Lào 4-1": the results of several matches are no running score)
_SCORE_CUE_RE = re.compile(
    r"(?i)(?:tỷ số|tỉ số|gỡ hòa|gỡ hoà|dẫn|nâng|rút ngắn|ấn định|chung cuộc|ngược dòng|quân bình|san bằng|"
    r"cân bằng|lên|còn|thành)(?: [^\W\d_]+){0,3} $")
#: the words of a goal just scored ("nâng tỷ số lên", "rút ngắn", "gỡ hòa", "mở tỷ số"), as against
#: a score at the end ("kết thúc với tỷ số 1-0", "chung cuộc"): a run needs two goals told so
_STEP_CUE_RE = re.compile(r"(?i)(?:gỡ hòa|gỡ hoà|dẫn|nâng|gia tăng|rút ngắn|ấn định|mở tỷ số|mở tỉ số|ngược dòng|"
                          r"quân bình|san bằng|cân bằng|cách biệt|lên|còn|thành)(?: [^\W\d_]+){0,3} $")
#: the first goal told without its score ("HAGL cũng mở tỷ số.", "giúp Việt Nam mở tỷ số"): the
#: score is then 1-0, the start of a run
_OPENER_RE = re.compile(r"(?i)(?<!\w)mở (?:tỷ|tỉ) số(?! (?:lên |thành |là )?[0-9])")
#: a result between two names ("Diễn biến chính trận HAGL 1-1 Thanh Hóa"): the score of a run said
#: again, never a step
_RESULT_BEFORE_RE = re.compile(r"(?<!\w)(?:(?:trận|trận đấu) (?:" + UPPER + r"[\w'’.&-]*\s){1,4}|(?:thắng|thua|hạ|hòa|hoà|"
                               r"đánh bại|vượt qua|chiến thắng|thắng lợi|cầm hòa|cầm hoà|quật ngã)(?: (?:trước |với )?(?:"
                               + UPPER + r"[\w'’.&-]*\s){1,4}| )(?:với tỷ số |chung cuộc )?)$")
#: a result of the match reported ("trận HAGL 1-1 Thanh Hóa", "trong trận thắng Myanmar 5-0", "mừng
#: chiến thắng 3-2"), not one told in passing ("Thanh Hóa chỉ hòa TP HCM 1-1"), nor an old one
_THIS_MATCH_RE = re.compile(r"(?i)\btrận\b|chiến thắng|thắng lợi")
_YEAR_NEAR_RE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
WEAK_SCORE = "the goals told may be of another match, or not all told"


def score_claims(p: Paragraph, pidx: int, out: list) -> None:
    """``… nâng tỷ số lên 2-0. … rút ngắn tỷ số còn 1-2 … nâng tỷ số lên 3-1 … còn 2-3 … bảo toàn
    tỷ số 3-2`` (rule ``score-sequence``): the scores a match report tells one after another, each
    one goal more for one side than the one before (read either way round: "1-2" is "2-1" told
    from the other side), the last one may be repeated; a score that fits nowhere (another
    match's) is passed over. Each number of a score in a run of two or more different scores is
    ``consistent`` with the goals told before it; nothing is said of the others (the report may
    skip a goal)."""
    text = p.text
    scores: list = [m for m in _OPENER_RE.finditer(text)]  # the opening goal: a score of 1-0
    results = []
    for m in _SCORE_RE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 15 or b > 15 or a + b == 0:
            continue
        if not _SCORE_CUE_RE.search(text, max(0, m.start() - 40), m.start()):
            if _RESULT_BEFORE_RE.search(text, max(0, m.start() - 60), m.start()) is not None \
                    and _THIS_MATCH_RE.search(text, max(0, m.start() - 40), m.start()) \
                    and not _PAST_MATCH_RE.search(text, max(0, m.start() - 80), m.start()) \
                    and not _YEAR_NEAR_RE.search(text, max(0, m.start() - 50), min(len(text), m.end() + 30)):
                results.append(m)  # a result: only a run's final score said again (below)
            continue
        scores.append(m)
    if len(scores) < 2:
        return
    scores.sort(key=lambda m: m.start())
    # each score goes on the longest run it is one goal on from (the latest of equals); a score
    # that goes on none starts a run of its own (an aggregate or another match's score told in
    # passing starts one that stays alone: "thua … tổng tỷ số 1-5 … rút ngắn tỷ số xuống 1-2 …
    # ấn định tỷ số 3-1")
    runs: list[list[tuple[re.Match, bool]]] = []
    states: list[tuple[int, int]] = []
    for m in scores:
        if m.re is _OPENER_RE:  # the first goal of a match: a run of its own, from 1-0
            runs.append([(m, False)])
            states.append((1, 0))
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        best = None
        for k in range(len(runs) - 1, -1, -1):
            x, y = states[k]
            fits = [flip for flip, (u, v) in ((False, (a, b)), (True, (b, a)))
                    if (u, v) in ((x + 1, y), (x, y + 1), (x, y))]
            if fits and (best is None or len(runs[k]) > len(runs[best[0]])):
                best = (k, fits[0])
        if best is None:
            runs.append([(m, False)])
            states.append((a, b))
        else:
            k, flip = best
            runs[k].append((m, flip))
            states[k] = (b, a) if flip else (a, b)
    told = []
    for run, state in zip(runs, states):
        firsts = {(0, 1) if m.re is _OPENER_RE else tuple(sorted((int(m.group("a")), int(m.group("b")))))
                  for m, _ in run}
        steps = sum(1 for m, _ in run if m.re is _OPENER_RE
                    or _STEP_CUE_RE.search(text, max(0, m.start() - 40), m.start()))
        if len(firsts) >= 2 and steps >= 2:  # else one score said again, or results of matches
            told.append((run, state))
    # a result ("trận HAGL 1-1 Thanh Hóa", "trong trận thắng Myanmar 5-0"), before or after the
    # goals: the final score of the longest run it equals, never a step
    for m in results:
        a, b = int(m.group("a")), int(m.group("b"))
        fit = [(run, (a, b) != state) for run, state in told if state in ((a, b), (b, a))]
        if fit:
            run, flip = max(fit, key=lambda f: len(f[0]))
            run.append((m, flip))
    for run, _ in told:
        for m, flip in run:
            if m.re is _OPENER_RE:
                continue
            for g in ("a", "b"):
                n = int(m.group(g))
                out.append({"kind": "sum", "line": p.line_at(m.start(g)), "quote": text[max(0, m.start() - 30):m.end()].lstrip(),
                            "numerator": None, "denominator": n, "parts": (1,) * n, "reported": m.group(g),
                            "denominator_source": f"the goals told one by one before the score '{m.group(0)}' "
                                                  f"({len(run)} scores, each one goal on)",
                            "target": None, "detail": {"unit": "bàn", "rule": "score-sequence", "list": True,
                                                       "weak": WEAK_SCORE},
                            "order": (pidx, m.start(g))})


# ------------------------------------------------------------------ the scorer line of a match report
#: the head of a match report's scorer line ("*Ghi bàn: Siladi 7', Xuân Tú 32' - Mạnh Cường 24' (pen)")
_SCORERS_HEAD_RE = re.compile(r"(?:Ghi bàn|Bàn thắng|Người ghi bàn)\s*:\s*")
#: one goal of it: a minute ("7'", "90+1’"), with a note in parentheses after it or not
_GOAL_MINUTE_RE = re.compile(r"(?<![0-9])[0-9]{1,3}(?:\+[0-9]{1,2})?\s?['’′](?:\s?\([^()]{1,20}\))?\)?")
#: what may stand between two goals of one side: a name and notes ("Văn Cường 9' & 35'", ", Đình
#: Khương (đá phản 29’)"), never a full stop
_GOAL_GAP_RE = re.compile(r"\s*(?:[-–]\s*)?(?:,|&|và)?\s*(?:[^\W\d_][^\s\d,.;:!?'’()&-]*\s?){0,5}(?:\((?:[^\W\d_]+\s?){1,3})?\s*")
#: the dash between the two sides' goals
_SIDES_RE = re.compile(r"\s[-–]\s")
WEAK_SCORERS = "the score may be another match's"


def scorer_line_claims(p: Paragraph, pidx: int, out: list) -> None:
    """``Cầu thủ Hà Nội mừng bàn thứ hai trong trận thắng Sài Gòn FC 3-1 … *Ghi bàn: Siladi 7',
    Xuân Tú 32', Tuấn Hải 83' - Mạnh Cường 24' (pen).`` (rule ``scorer-line``): the goals of a
    match report's scorer line, by their minutes, each side's before and after the dash, and the
    scores of the report said with a word of the game (``thắng``, ``thua``, ``hòa``, ``tỷ số``,
    ``chung cuộc`` …): a score of as many goals on each side (either way round) is two sum claims,
    ``consistent``. Nothing is said of another score (it may be another match's, or a score on
    the way)."""
    text = p.text
    head = _SCORERS_HEAD_RE.search(text)
    if head is None:
        return
    sides, cur, pos, end = [], 0, head.end(), head.end()
    while True:
        gap = _GOAL_GAP_RE.match(text, pos)
        g = _GOAL_MINUTE_RE.match(text, gap.end()) if gap else None
        if g is None:
            break
        between = text[pos:gap.end()]
        if cur and _SIDES_RE.search(between):
            if sides:
                break  # a third side: not a scorer line
            sides.append(cur)
            cur = 0
        elif "." in between or len(between) > 60:
            break
        cur += 1
        pos = end = g.end()
    if cur:
        sides.append(cur)
    if not sides or sum(sides) < 1:
        return
    a, b = (sides + [0])[:2]
    for m in _SCORE_RE.finditer(text):
        x, y = int(m.group("a")), int(m.group("b"))
        if {(x, y), (y, x)} & {(a, b)} == set() or m.start() in range(head.start(), end):
            continue
        if not _RESULT_CUE_RE.search(text, max(0, m.start() - 40), m.start()) \
                or _PAST_MATCH_RE.search(text, max(0, m.start() - 40), m.start()):
            continue
        flip = (x, y) != (a, b)
        for grp, n in (("a", x), ("b", y)):
            if n == 0:
                continue
            out.append({"kind": "sum", "line": p.line_at(m.start(grp)), "quote": text[max(0, m.start() - 30):m.end()].lstrip(),
                        "numerator": None, "denominator": n, "parts": (1,) * n, "reported": m.group(grp),
                        "denominator_source": (f"the goals of the scorer line '{text[head.start():end][:80]}' "
                                               f"({a} before the dash, {b} after), the score '{m.group(0)}'"
                                               + (" read the other way round" if flip else "")),
                        "target": None, "detail": {"unit": "bàn", "rule": "scorer-line", "list": True,
                                                   "weak": WEAK_SCORERS},
                        "order": (pidx, m.start(grp))})


#: a result with its scorers in parentheses, as round-ups list them: "Thanh Hóa 2-1 Hà Nội T&T
#: (Quốc Phương 71', Đức Tuấn 85' - Ngọc Duy 56')", the team names capitalised
_RESULT_SCORERS_RE = re.compile(
    r"(?<=[\w.&)]) (?P<a>[0-9]{1,2})-(?P<b>[0-9]{1,2}) (?P<team>[A-ZĐ][^()0-9]{1,40}?) \((?P<goals>[^()]{3,200})\)")
#: what every match of _RESULT_SCORERS_RE holds: the score and the team's first letter, found from
#: the dash (a literal: quick; the pattern starts with a look-behind, tried at every position)
_RESULT_SCORE_CUE_RE = re.compile(r"-(?<=[0-9]-)[0-9]{1,2} [A-ZĐ]")
#: a goal's minute inside such parentheses ("71'", "90'+7", "38' & 59", "Patiyo 90"): a number after a
#: name or another minute, an added time after it counted with it
_RESULT_MINUTE_RE = re.compile(r"(?<![0-9+])(?P<m>[0-9]{1,3})(?:['’′])?(?:\s?\+\s?[0-9]{1,2})?(?![0-9])")
WEAK_RESULT_SCORERS = "a goal's minute may be missing from the list, or a name hold a number"


def result_scorers_claims(p: Paragraph, pidx: int, out: list) -> None:
    """``Thanh Hóa 2-1 Hà Nội T&T (Quốc Phương 71', Đức Tuấn 85' - Ngọc Duy 56')`` (rule
    ``result-scorers``): a result of a round-up and its goals in parentheses, by their minutes, the
    two sides' split by a dash (one side only when the other scored none): a score of as many goals
    on each side is two sum claims, ``consistent``; otherwise ``unverifiable`` (a minute may be left
    out, a name may hold a number)."""
    text = p.text
    if _RESULT_SCORE_CUE_RE.search(text) is None:
        return
    for m in _RESULT_SCORERS_RE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        sides = _SIDES_RE.split(m.group("goals"))
        if len(sides) > 2 or a + b == 0:
            continue
        counts = [sum(1 for x in _RESULT_MINUTE_RE.finditer(side) if 0 < int(x.group("m")) <= 130) for side in sides]
        if len(sides) == 1:  # one side scored: the goals are all of it
            counts = [counts[0], 0] if b == 0 else [0, counts[0]]
        fits = tuple(counts) == (a, b)
        for grp, n in (("a", a), ("b", b)):
            if n == 0:
                continue
            detail = {"unit": "bàn", "rule": "result-scorers", "list": True}
            if not fits:
                detail["weak"] = WEAK_RESULT_SCORERS
            out.append(sum_claim(p, pidx, m.start(grp), m.end(), qs=max(0, m.start() - 30), total=n,
                                 parts=(1,) * (counts[0] if grp == "a" else counts[1]), reported=m.group(grp),
                                 source=(f"the goals in parentheses after the result '{m.group('a')}-"
                                         f"{m.group('b')}' ({counts[0]} before the dash, {counts[1]} after)"),
                                 detail=detail))


#: a word that puts a score in another, earlier match ("Khánh Hoà từng thua HAGL 1-4 … ở giai đoạn một")
_PAST_MATCH_RE = re.compile(r"(?i)\b(?:từng|lượt đi|trước đó|mùa trước|năm ngoái)\b")
#: a word of a result or a running score before a score ("thắng Sài Gòn FC 3-1", "tỷ số 2-0")
_RESULT_CUE_RE = re.compile(
    r"(?i)(?:thắng|thua|hòa|hoà|tỷ số|tỉ số|chung cuộc|dẫn|gỡ|ấn định|kết quả|nâng|rút ngắn|cách biệt)"
    r"(?: [^\W\d_]+| [A-ZĐ][\w.]*){0,4} $")
