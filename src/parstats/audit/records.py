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

from parstats.audit.amounts import total_and_parts
from parstats.audit.tokens import ParagraphContext, provisional_claim
from parstats.audit.words import COUNT_WORDS, count_value, list_run

__all__ = ["full_record", "record_counts", "NUMBER_WORDS", "WEAK_RECORD", "WEAK_TOTAL_AFTER", "WEAK_REST", "record_claims", "total_after_claims", "rest_of_fraction_claims", "rest_of_whole_claims", "next_sentence_breakdown_claims", "paragraph_records"]

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
_WHOLE_TRONG_DO_RE = re.compile(_AMOUNT + r"(?:²)?(?: [^\W\d_A-ZĐ]+){0,2},? trong đó:? ")  # "10,8 triệu tấn than, trong đó"
_PART_AMOUNT_RE = re.compile(r"(?:[^\W\d_]+ ){1,6}" + _AMOUNT + r"(?:²)?(?: \([^()]{0,20}\))?(?P<sep>, và |, | và |; |)")


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
        parts = list_run(_PART_AMOUNT_RE, text, m.end(), 12, lambda p: p.group("u") == unit)
        if len(parts) < 2:
            continue
        total, scaled, dec, slack = total_and_parts(m.group("n"), [p.group("n") for p in parts])
        if abs(sum(scaled) - total) > slack:
            continue
        claims.append(provisional_claim(
            ctx, "sum", m.start(), parts[-1].end("u"), denominator=total, parts=scaled,
            reported=m.group("n"), source=f"{len(parts)} amounts of '{unit}' after '{m.group(0).strip()}'",
            detail={"unit": unit, "rule": "trong-do-amounts", "scale": 10 ** dec, "slack": slack,
                    "weak": "the list may name only some of the parts"},
            quote_start=m.start(), line_pos=m.start("n")))


# ------------------------------------------------------------------ a breakdown opening the next sentence
#: "… . Trong đó có 12 mã tăng giá, 25 mã giảm và 13 mã đứng giá": the counts of a sentence that
#: opens with "Trong đó"
_NEXT_TRONG_DO_RE = re.compile(r"[.!?] Trong (?:đó|số đó|số này),? (?:có |gồm |bao gồm )?")
_COUNT_PART_RE = re.compile(r"(?P<n>[0-9]{1,4}) (?P<u>[^\W\d_]+)[^0-9.;!?]{0,40}?(?P<sep>, và |, | và |(?=[.;!?]|$))")
_WHOLE_COUNT_RE = re.compile(r"(?<![0-9.,])(?P<n>[0-9]{1,4}(?:\.[0-9]{3})?) (?P<u>[^\W\d_]+(?: [^\W\d_]+)?)(?![0-9])")


def next_sentence_breakdown_claims(ctx: ParagraphContext, claims: list) -> None:
    """``Chỉ số VIR-50 đo lường biến động của 50 cổ phiếu … giảm 1,56 điểm. Trong đó có 12 mã tăng
    giá, 25 mã giảm và 13 mã đứng giá`` (rule ``next-sentence-breakdown``): a sentence opening with
    "Trong đó" that lists counts, and a count of the sentence before that they add up to exactly
    (the numbers tie them across the sentence end; the nouns may differ: "cổ phiếu", "mã").
    ``consistent``; when no count of the sentence before fits, nothing is said."""
    text = ctx.text
    for cue in _NEXT_TRONG_DO_RE.finditer(text):
        parts = list_run(_COUNT_PART_RE, text, cue.end(), 8)
        if len(parts) < 2:
            continue
        total = sum(int(m.group("n")) for m in parts)
        start = max(text.rfind(". ", 0, cue.start()), text.rfind("! ", 0, cue.start()), text.rfind("? ", 0, cue.start()))
        wholes = [w for w in _WHOLE_COUNT_RE.finditer(text, start + 1, cue.start() + 1)
                  if int(w.group("n").replace(".", "")) == total]
        if not wholes:
            continue
        w = wholes[-1]
        claims.append(provisional_claim(
            ctx, "sum", w.start(), parts[-1].end("u"), denominator=total,
            parts=tuple(int(m.group("n")) for m in parts), reported=w.group("n"),
            source=f"'{w.group(0)}' and the {len(parts)} counts of the next sentence after 'Trong đó'",
            detail={"unit": w.group("u"), "rule": "next-sentence-breakdown", "weak": WEAK_TOTAL_AFTER},
            quote_start=w.start(), line_pos=w.start("n")))


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
    if "Trong " in text:
        next_sentence_breakdown_claims(ctx, claims)
