"""Records and totals stated after their parts: ``Sau 10 trận, thắng 6, hòa 2 và thua 2``,
``136 huy chương vàng, 105 huy chương bạc và 114 huy chương đồng, tổng cộng 355 huy chương``,
``Lào, Malaysia, Campuchia và Thái Lan, bốn đối thủ cùng bảng``.

Rules (each named in ``detail["rule"]``):

``match-record``
    Wins, draws and losses (``thắng 6, hòa 2 và thua 2``, ``7 chiến thắng, 2 trận hòa và 1 thất
    bại``) and the number of matches they were played in, in the same sentence (``sau 10 trận``,
    ``trong 5 trận gần nhất``, ``10 vòng đấu``). ``consistent`` when they add up to it; when all
    three are stated and they do not, ``unverifiable`` (the record may be of part of the
    matches); two of them that do not add up are no claim (the third may be left out).
``total-after``
    Counts of one noun listed one after another, then ``tổng cộng``/``tổng số``/``tổng``/``tất
    cả`` and their total of the same noun. ``consistent`` when they add up; ``inconsistent`` when
    they do not and the list is closed before its first count (a sentence start, a colon or a
    word that is not a count); otherwise ``unverifiable``.
``names-then-count``
    Proper names listed, then a comma and their count and noun (``…, bốn đối thủ cùng bảng``).
    ``consistent`` when the count is the number of names; otherwise no claim (the names may
    start earlier than the clause).

Each rule reads a paragraph once, at the few places its cue words stand: linear in its length.
"""
from __future__ import annotations

import re

from parstats.audit.model import sum_claim
from parstats.audit.tokens import ParagraphContext, provisional_claim
from parstats.audit.words import COUNT_WORDS, UPPER, count_value
from parstats.markdown import Paragraph
from parstats.numbers import parse_number

__all__ = ["score_claims", "WEAK_SCORE", "full_record", "record_counts", "NUMBER_WORDS", "WEAK_RECORD", "WEAK_TOTAL_AFTER", "WEAK_REST", "record_claims", "total_after_claims", "rest_of_fraction_claims", "rest_of_whole_claims", "paragraph_records"]

#: number words of counts (``một`` … ``mười lăm``)
NUMBER_WORDS = COUNT_WORDS
WEAK_RECORD = "the wins, draws and losses may be of part of the matches"
WEAK_TOTAL_AFTER = "the list may start before the counts that were read"

_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_COUNT = r"(?:[0-9]{1,3}|(?i:" + _WORDS + r"))"
_SENT_RE = re.compile(r"[.!?;](?= |$)")
_DIGIT_RE = re.compile(r"[0-9]")


def _sentences(text: str):
    start = 0
    for m in _SENT_RE.finditer(text):
        yield start, m.start()
        start = m.end() + 1
    if start < len(text):
        yield start, len(text)


# ------------------------------------------------------------------ match records
_RESULT_RE = re.compile(
    r"(?i)(?<!\w)(?:(?P<verb>thắng|hòa|hoà|thua)(?: (?:được|tới|đến|thêm))? (?P<n1>" + _COUNT + r")(?! ?[-–:/%,.]?[0-9])(?! bàn| lần| điểm| trận liên)"
    r"|(?P<n2>" + _COUNT + r") (?P<noun>chiến thắng|trận thắng|trận hòa|trận hoà|trận thua|thất bại|trận bại|thắng|hòa|hoà|thua)(?! [0-9]))")
_MATCHES_RE = re.compile(
    r"(?i)(?<!\w)(?P<n>[0-9]{1,3}|(?i:" + _WORDS + r")) (?P<noun>trận(?: đấu)?|vòng(?: đấu)?|lượt trận|lần đối đầu|"
    r"lần gặp nhau|lần chạm trán|cuộc đối đầu)(?! thắng| hòa| hoà| thua| bại)")
#: between the matches and their record, nothing that makes the record of part of them: "thi đấu 23
#: trận, nhưng thua 14, thắng tám và hoà hai", "sau 29 lần đối đầu, Việt Nam thua 18, …"
_RECORD_RIGHT_AFTER_RE = re.compile(r"(?i),? ?(?:nhưng |với |trong đó |gồm |\(|: ?)?(?:[^\W\d_]+ ){0,2}$")
_KIND = {"thắng": "w", "chiến thắng": "w", "trận thắng": "w", "hòa": "d", "hoà": "d", "trận hòa": "d",
         "trận hoà": "d", "thua": "l", "trận thua": "l", "thất bại": "l", "trận bại": "l"}


def _full_results(text: str, lo: int, hi: int) -> dict[str, re.Match] | None:
    results: dict[str, re.Match] = {}
    for m in _RESULT_RE.finditer(text, lo, hi):
        key = _KIND[(m.group("verb") or m.group("noun")).lower()]
        if key in results:
            return None
        results[key] = m
    return results if len(results) == 3 else None


def full_record(text: str, lo: int, hi: int) -> tuple[int, int, int] | None:
    """The wins, draws and losses stated once each between ``lo`` and ``hi`` (``thắng 13 trận,
    hòa 3, thua 2``): ``(their sum, start, end)``; ``None`` unless all three are there once."""
    results = _full_results(text, lo, hi)
    if results is None:
        return None
    total = sum(count_value(r.group("n1") or r.group("n2")) for r in results.values())
    return total, min(r.start() for r in results.values()), max(r.end() for r in results.values())


def record_counts(text: str, lo: int, hi: int) -> tuple[dict[str, int], int, int] | None:
    """As :func:`full_record`, the three counts by result (``"thắng"``, ``"hòa"``, ``"thua"``)."""
    results = _full_results(text, lo, hi)
    if results is None:
        return None
    names = {"w": "thắng", "d": "hòa", "l": "thua"}
    return ({names[k]: count_value(r.group("n1") or r.group("n2")) for k, r in results.items()},
            min(r.start() for r in results.values()), max(r.end() for r in results.values()))


def record_claims(ctx: ParagraphContext, claims: list) -> None:
    """Wins, draws and losses against the matches of their sentence (rule ``match-record``)."""
    text = ctx.text
    sentences = list(_sentences(text))
    for k, (s, e) in enumerate(sentences):
        results = {}
        for m in _RESULT_RE.finditer(text, s, e):
            key = _KIND[(m.group("verb") or m.group("noun")).lower()]
            if key in results:
                results = None
                break  # two wins in one sentence: two records, or a score
            results[key] = m
        if not results or len(results) < 2:
            continue
        if "w" in results and "d" in results and "điểm" in text[s:e]:
            _points(ctx, claims, results, s, e)
        matches = [m for m in _MATCHES_RE.finditer(text, s, e)
                   if not any(r.start() <= m.start() < r.end() for r in results.values())]
        if not matches:
            _record_next_to(ctx, claims, sentences, k, results)
            continue
        if len(matches) != 1:
            continue
        mm = matches[0]
        total = count_value(mm.group("n"))
        parts = [count_value(r.group("n1") or r.group("n2")) for r in results.values()]
        if sum(parts) != total and len(results) < 3:
            continue
        first = min([mm.start(), *(r.start() for r in results.values())])
        last = max([mm.end(), *(r.end() for r in results.values())])
        detail = {"unit": mm.group("noun"), "rule": "match-record"}
        first_result = min(r.start() for r in results.values())
        right_after = mm.end() <= first_result and first_result - mm.end() <= 30 and \
            _RECORD_RIGHT_AFTER_RE.fullmatch(text, mm.end(), first_result) is not None and len(results) == 3
        if sum(parts) != total and not right_after:
            detail["weak"] = WEAK_RECORD
        elif right_after:
            detail["exhaustive"] = True  # all the matches' results: any gap is a slip, however large
        claims.append(provisional_claim(
            ctx, "sum", first, last, denominator=total, parts=tuple(parts), reported=mm.group("n"),
            source=f"'{mm.group(0)}' and the wins, draws and losses of its sentence",
            detail=detail, quote_start=first, line_pos=mm.start()))


#: a record's sentence opened as the breakdown of the matches of the sentence before
_TRONG_DO_OPEN_RE = re.compile(r"\s*(?:Trong đó|Trong số đó|Trong số này)\b")
#: the matches of the record before, pointed back at ("trong 33 trận này")
_MATCHES_BACK_RE = re.compile(r"(?i)(?<!\w)(?P<n>[0-9]{1,3}|(?i:" + _WORDS + r")) (?P<noun>trận(?: đấu)?)[ \u00a0](?:này|đó|trên)\b")


def _record_next_to(ctx: ParagraphContext, claims: list, sentences, k: int, results: dict) -> None:
    """``Đến nay, họ đã chơi 141 trận trên sân nhà. Trong đó, đội bóng thắng 97, hòa 28 và thua 16
    trận. Tỷ lệ thắng … đạt 69%.``, ``… thắng 27, hòa sáu trận … Họ … thủng lưới 30 bàn trong 33 trận
    này.`` (rule ``match-record``, weak): a record without its matches, and the matches in the
    sentence before it when the record's opens with ``Trong đó``, or pointed back at (``N trận
    này``) in the sentence after it. ``consistent`` when they add up; otherwise ``unverifiable``."""
    text = ctx.text
    s, e = sentences[k]
    mm = None
    if k > 0 and _TRONG_DO_OPEN_RE.match(text, s):
        before = [m for m in _MATCHES_RE.finditer(text, *sentences[k - 1])]
        mm = before[0] if len(before) == 1 else None
    if mm is None and k + 1 < len(sentences):
        after = list(_MATCHES_BACK_RE.finditer(text, *sentences[k + 1]))
        mm = after[0] if len(after) == 1 else None
    if mm is None:
        return
    counts = {_KIND[(r.group("verb") or r.group("noun")).lower()]: count_value(r.group("n1") or r.group("n2"))
              for r in results.values()}
    total = count_value(mm.group("n"))
    if total is None or None in counts.values():
        return
    detail = {"unit": mm.group("noun"), "rule": "match-record", "weak": WEAK_RECORD}
    claims.append(provisional_claim(
        ctx, "sum", mm.start(), mm.end(), denominator=total, parts=tuple(counts.values()), reported=mm.group("n"),
        source=f"'{mm.group(0)}' and the wins, draws and losses of the sentence next to it",
        detail=detail, quote_start=mm.start(), line_pos=mm.start()))


#: points of a record: "10 điểm", "có 10 điểm", "giành 10 điểm"
_POINTS_RE = re.compile(r"(?<![0-9.,])(?P<n>[0-9]{1,3}) điểm(?! số| phần| %)")
WEAK_POINTS = "points may follow another scale (another sport, a deduction, a bonus)"


def _points(ctx: ParagraphContext, claims: list, results: dict, s: int, e: int) -> None:
    """``5 trận, thắng 3, hòa 1 và thua 1, có 10 điểm`` (rule ``record-points``): the points of a
    football record, three for a win and one for a draw. ``consistent`` when they are; otherwise
    ``unverifiable`` (another sport's scale, a deduction)."""
    text = ctx.text
    pts = list(_POINTS_RE.finditer(text, s, e))
    if len(pts) != 1:
        return  # none, or several (of several teams)
    pm = pts[0]
    w, d = (count_value(results[k].group("n1") or results[k].group("n2")) for k in ("w", "d"))
    first = min(pm.start(), *(r.start() for r in results.values()))
    last = max(pm.end(), *(r.end() for r in results.values()))
    claims.append(provisional_claim(
        ctx, "sum", first, last, denominator=count_value(pm.group("n")), parts=(3 * w, d), reported=pm.group("n"),
        source=f"3 points for each of the {w} wins and 1 for each of the {d} draws of its sentence",
        detail={"unit": "điểm", "rule": "record-points", "weak": WEAK_POINTS, "derived_parts": True},
        quote_start=first, line_pos=pm.start()))


# ------------------------------------------------------------------ totals after their parts
#: the cue word first (a literal class: found quickly), its comma looked at before it
_TOTAL_AFTER_RE = re.compile(
    r"[TtCc](?:(?<=[Tt])ổng cộng|(?<=[Tt])ổng số|(?<=[Tt])ổng|(?<=[Tt])ất cả|(?<=[Cc])ả thảy)(?: là| có| đạt)? (?P<n>[0-9]{1,3}(?:\.[0-9]{3})*) (?P<noun>[^\W\d_]+)")
_TOTAL_LINK_RE = re.compile(r",? (?:với |là |được |gồm )?$")
_PART_BEFORE_RE = re.compile(
    r"(?P<n>(?<![\w.,])[0-9]{1,3}(?:\.[0-9]{3})*) (?P<noun>[^\W\d_]+)(?P<tail>(?: [^\W\d_]+){0,3})(?:,| và|, và)? ?$")


def total_after_claims(ctx: ParagraphContext, claims: list) -> None:
    """Counts listed then their total (rule ``total-after``)."""
    text = ctx.text
    for m in _TOTAL_AFTER_RE.finditer(text):
        noun = m.group("noun").lower()
        parts = []
        pos = m.start()
        link = _TOTAL_LINK_RE.search(text, max(0, pos - 12), pos)
        if link is not None:
            pos = link.start()  # ", với tổng cộng …", ", tổng cộng …"
        same_noun = True
        while len(parts) < 12:
            lo = max(0, pos - 80)
            if not _DIGIT_RE.search(text, lo, pos):
                break
            p = _PART_BEFORE_RE.search(text, lo, pos)
            if p is None:
                break
            if p.group("noun").lower() != noun:
                same_noun = False  # "1 thị trấn và 14 xã, tổng cộng 15 đơn vị": parts of other nouns
            parts.insert(0, p)
            pos = p.start()
        if len(parts) < 2:
            continue
        if not same_noun and sum(int(p.group("n").replace(".", "")) for p in parts) != int(m.group("n").replace(".", "")):
            continue  # parts of other nouns are the total's only when they add up to it
        before = text[max(0, pos - 24):pos]
        closed = not before.strip() or before.rstrip().endswith((":", ".", ";")) or \
            re.search(r"(?i)(?:được|đạt|giành|có|gồm|với|là) $", before) is not None
        total = int(m.group("n").replace(".", ""))
        values = [int(p.group("n").replace(".", "")) for p in parts]
        detail = {"unit": noun, "rule": "total-after"}
        if not same_noun:
            detail["weak"] = WEAK_TOTAL_AFTER
        elif sum(values) != total:
            if closed:
                detail["exhaustive"] = True
            else:
                detail["weak"] = WEAK_TOTAL_AFTER
        claims.append(provisional_claim(
            ctx, "sum", parts[0].start(), m.end(), denominator=total, parts=tuple(values), reported=m.group("n"),
            source=f"{len(parts)} counts of '{noun}' then '{m.group(0).strip(', ')}'",
            detail=detail, quote_start=parts[0].start(), line_pos=m.start("n")))


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


# ------------------------------------------------------------------ the rest of a fraction
_FRACTION_REST_RE = re.compile(
    r"(?<![0-9.,/])(?P<x>[0-9]{1,4})/(?P<y>[0-9]{1,4})(?![0-9/]) (?P<u>[^\W\d_]+)(?P<mid>[^.;!?0-9]{0,80}?),? "
    r"(?:còn(?: lại)? (?P<z>[0-9]{1,4}) (?P=u)(?P<neg> chưa| không)?|(?P<z2>[0-9]{1,4}) (?P=u)(?: [^\W\d_]+){0,2} còn lại)")
_REST_AT_RE = re.compile(r"còn(?: lại)? [0-9]|[0-9] [^\W\d_]+(?: [^\W\d_]+){0,2} còn lại")
WEAK_REST = "the rest may be part of what is left, not all of it"


def rest_of_fraction_claims(ctx: ParagraphContext, claims: list) -> None:
    """``15/17 xã đạt chuẩn nông thôn mới, còn 2 xã chưa đạt``, ``60/63 tỉnh …, 3 tỉnh còn lại …``
    (rule ``fraction-rest``): a
    fraction, then the rest of its whole, of the same noun: the two add up to its denominator.
    Checked beyond doubt when the rest is said not to be what the fraction counts (``chưa``,
    ``không``) or is all the rest (``3 tỉnh còn lại``); otherwise weak (the rest may be part of what is left)."""
    text = ctx.text
    for m in _FRACTION_REST_RE.finditer(text):
        zg = "z" if m.group("z") else "z2"
        x, y, z = int(m.group("x")), int(m.group("y")), int(m.group(zg))
        if not 0 < x <= y or z <= 0:
            continue
        detail = {"unit": m.group("u"), "rule": "fraction-rest"}
        if m.group("neg") or zg == "z2":  # "3 tỉnh còn lại": all the rest
            detail["exhaustive"] = True
        else:
            detail["weak"] = WEAK_REST
        claims.append(provisional_claim(
            ctx, "sum", m.start(), m.end(zg), denominator=y, parts=(x, z), reported=m.group("y"),
            source=f"the fraction {x}/{y} {m.group('u')} and 'còn {z} {m.group('u')}' after it",
            detail=detail, quote_start=m.start(), line_pos=m.start("y")))


#: "21 trong tổng số 23 địa điểm", "39 trong số 41 cơ sở": a part of a stated whole, and its noun
_OF_WHOLE_RE = re.compile(r"(?<![0-9.,/])(?P<x>[0-9]{1,4}) (?:trong|trên) (?:tổng )?số (?P<y>[0-9]{1,4}) "
                          r"(?P<u>[^\W\d_]+(?: (?!(?:của|có|ở|mà|được|đã|là|và|tại|trong|này|đó)\b)[^\W\d_]+)?)")
#: the rest of it a sentence or two later: "Hai cơ sở còn lại", "2 địa điểm còn lại"
_REST_LATER_RE = re.compile(r"(?<!\w)(?P<z>[0-9]{1,4}|(?i:" + "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
                            + r")) (?P<u>[^\W\d_]+(?: [^\W\d_]+)?) còn lại")
_SENT_END_AT_RE = re.compile(r"[.!?](?= |$)")


def rest_of_whole_claims(ctx: ParagraphContext, claims: list) -> None:
    """``… kiểm tra được 21 trong tổng số 23 địa điểm … . Mặc dù việc tiếp cận hai địa điểm còn lại …``
    (rule ``whole-rest``): a part of a stated whole ("A trong số B"), then the rest of the same
    noun ("còn lại") in its sentence or the next: A and the rest add up to B. Across sentences
    the words alone tie them: ``consistent`` when they add up, otherwise ``unverifiable``."""
    text = ctx.text
    for m in _OF_WHOLE_RE.finditer(text):
        x, y = int(m.group("x")), int(m.group("y"))
        if not 0 < x < y:
            continue
        ends = [e.start() for e in _SENT_END_AT_RE.finditer(text, m.end(), min(len(text), m.end() + 400))]
        stop = ends[1] if len(ends) > 1 else min(len(text), m.end() + 400)
        unit = m.group("u").split()
        for r in _REST_LATER_RE.finditer(text, m.end(), stop):
            rest = r.group("u").split()
            if rest[0] != unit[0] or (len(rest) > 1 and len(unit) > 1 and rest[1] != unit[1]):
                continue
            z = count_value(r.group("z"))
            if not z:
                break
            claims.append(provisional_claim(
                ctx, "sum", m.start(), r.end(), denominator=y, parts=(x, z), reported=m.group("y"),
                source=f"'{m.group(0)}' and '{r.group(0)}' after it",
                detail={"unit": unit[0], "rule": "whole-rest", "weak": WEAK_REST},
                quote_start=m.start(), line_pos=m.start("y")))
            break


# ------------------------------------------------------------------ amounts with decimals under "trong đó"
_AMOUNT = r"(?<![0-9.,])(?P<n>[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]+)?) (?P<u>[^\W\d_]+)(?: (?:USD|đồng|ha|tấn|người))?"
_TRONG_DO_AT_RE = re.compile(r"trong đó")
_WHOLE_TRONG_DO_RE = re.compile(_AMOUNT + r"(?:²)?,? trong đó:? ")
_PART_AMOUNT_RE = re.compile(r"(?:[^\W\d_]+ ){1,6}" + _AMOUNT + r"(?:²)?(?: \([^()]{0,20}\))?(?P<sep>, và |, | và |; |)")


def _decimal(text: str) -> tuple[int, int]:
    """``"4.012,5"`` as ``(40125, 1)``: units of the last digit written, and decimals."""
    n = parse_number(text)
    return int(n.value.scaleb(n.decimals)), n.decimals


def decimal_parts_claims(ctx: ParagraphContext, claims: list) -> None:
    """``diện tích 5.876,2 km², trong đó đất nông nghiệp 4.012,5 km², đất phi nông nghiệp 1.200,3 km²
    và đất chưa sử dụng 663,4 km²`` (rule ``trong-do-amounts``): amounts of one unit, with
    decimals, listed after a whole and ``trong đó``, each after its label: ``consistent`` when
    they add up to the whole (the numbers corroborate the list); otherwise nothing is said (the
    list may name only some parts)."""
    text = ctx.text
    for cue in _TRONG_DO_AT_RE.finditer(text):
        m = _WHOLE_TRONG_DO_RE.search(text, max(0, cue.start() - 40), cue.end() + 2)
        if m is None or m.end() < cue.end():
            continue
        if "," not in m.group("n"):
            continue  # whole numbers are read by the count rules
        unit = m.group("u")
        parts, pos = [], m.end()
        while len(parts) < 12:
            p = _PART_AMOUNT_RE.match(text, pos)
            if p is None or p.group("u") != unit:
                break
            parts.append(p)
            pos = p.end()
            if not p.group("sep"):
                break
        if len(parts) < 2:
            continue
        values = [_decimal(p.group("n")) for p in parts]
        tv, td = _decimal(m.group("n"))
        dec = max([td] + [d for _, d in values])
        scaled = [v * 10 ** (dec - d) for v, d in values]
        slack = sum(5 * 10 ** (dec - d - 1) for _, d in values if dec > d) if any(d < dec for _, d in values) else 0
        if abs(sum(scaled) - tv * 10 ** (dec - td)) > slack:
            continue
        claims.append(provisional_claim(
            ctx, "sum", m.start(), parts[-1].end("u"), denominator=tv * 10 ** (dec - td), parts=tuple(scaled),
            reported=m.group("n"), source=f"{len(parts)} amounts of '{unit}' after '{m.group(0).strip()}'",
            detail={"unit": unit, "rule": "trong-do-amounts", "scale": 10 ** dec, "slack": slack,
                    "weak": "the list may name only some of the parts"},
            quote_start=m.start(), line_pos=m.start("n")))


def paragraph_records(ctx: ParagraphContext, claims: list) -> None:
    """Every rule of this module on one paragraph, each only where its cue words stand."""
    text = ctx.text
    # (a word looked for after one of its letters that is rare in Vietnamese text: quicker)
    if ((("ậ" in text and "trận" in text) or ("ò" in text and "vòng" in text) or ("ầ" in text and "lần " in text)
         or "cuộc đối đầu" in text)
            and (("ắ" in text and ("thắng" in text or "Thắng" in text)) or "thua" in text or "Thua" in text)):
        record_claims(ctx, claims)
    if ("ổ" in text and "ổng" in text) or ("ấ" in text and "tất cả" in text) or ("ả" in text and "cả thảy" in text):
        total_after_claims(ctx, claims)
    if "/" in text and "còn" in text and _REST_AT_RE.search(text):  # (each of its alternatives holds "còn")
        rest_of_fraction_claims(ctx, claims)
    if "còn lại" in text and " số " in text:
        rest_of_whole_claims(ctx, claims)
    if "trong đó" in text and "," in text:
        decimal_parts_claims(ctx, claims)
