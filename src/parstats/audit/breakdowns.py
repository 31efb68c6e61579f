"""Complete breakdowns: shares of one whole that add to 100 % within the rounding of the parts.

Rules (each named in ``detail["rule"]``):

``breakdown-100``
    Bullet lines ``- Dầu mỏ: 31,2%`` … each with one percentage and nothing else, at least
    three (two when one is "the rest"), under a line ending with a colon; numbered items that
    each start with a share. Never flagged (a chart may leave out its smallest slice).
``parts-of-one-whole``
    ``tồn tại ở dạng nguyên vật liệu (55,6%) và thành phẩm (50,5%)``: items after a cue that makes
    them parts, each with its share in parentheses; above 100 % beyond their rounding is flagged.
``point-shares``
    the lettered points ``a) Trích 10% …`` of a numbered item ``3. Trích 12% …``, each a share:
    their sum is the item's share.
``remainder-share``
    a share said to be the rest (``4% còn lại``, ``còn lại, 5%``) and the shares before it.
``semicolon-shares``
    items after a colon, separated by semicolons, each starting with a share, that add to 100 %.
``sentence-breakdown``
    the percentages one after another in a sentence, each not of a place or owner of its own,
    that add to 100 %.
``item-breakdown``
    list items of one percentage each, instalments or stages, or closed by "the rest".
``complete-breakdown``
    ``thành thị 111.300 người (13,88%) … nông thôn 690.400 người (86,12%)``: counts whose shares
    add up to 100 % are the parts of one whole, their sum (:func:`breakdown_wholes`, run on the
    count-share claims by :mod:`parstats.audit.extraction`).

Every rule reads a paragraph once: linear in its length. The lists that count named items are
:mod:`parstats.audit.countedlists` and :mod:`parstats.audit.lists`, whose
:func:`~parstats.audit.lists.list_claims` runs the other rules.
"""
from __future__ import annotations

import bisect
import re
from decimal import Decimal

from parstats.audit.amounts import ROUNDED_UNITS
from parstats.audit.model import ProvisionalClaim, sum_claim
from parstats.audit.words import SENTENCE_END_RE, UPPER
from parstats.markdown import Paragraph
from parstats.numbers import DECIMAL_SYMBOL, GROUP_SYMBOL, format_number

__all__ = ["FAR_ABOVE_100", "MAX_BREAKDOWN_PARTS", "MAX_SENTENCE_SHARES", "PARTS_CUE_WORDS", "WEAK_BREAKDOWN",
           "WEAK_ROUNDED", "adds_to_100", "breakdown_wholes", "bullet_shares",
           "inline_parts", "item_shares", "marker_depth", "marker_kind", "numbered_share_runs", "numbered_shares", "point_shares", "remainder", "same_phrase_shares", "semicolon_shares", "sentence_shares",
           "shares_claim"]

#: shares "of one whole" that add to more than this are each item's own rate, not its parts
FAR_ABOVE_100 = Decimal(110)
WEAK_BREAKDOWN = "a chart or list of shares may leave out a small part"
#: words one of which a paragraph holds for :func:`inline_parts` to read it
PARTS_CUE_WORDS = ("gồm", "Gồm", "dạng", "chia thành", "phân thành", "cơ cấu", "Cơ cấu", "phân bổ")
_SENT_END_RE = SENTENCE_END_RE  # ("[.!?](?= |$)|;", written to start with a class: found quickly)


def _sum_and_slack(values: list[str]) -> tuple[Decimal, Decimal]:
    """The sum of percentages as written (``"31,2"``) and half a unit of the last digit of each,
    added: how far from 100 their rounding lets them be."""
    total = sum(Decimal(v.replace(",", ".")) for v in values)
    return total, sum(Decimal(1).scaleb(-len(v.partition(",")[2])) / 2 for v in values)


def adds_to_100(values: list[str]) -> bool:
    """Whether percentages as written add to 100 % within their rounding.

    >>> adds_to_100(["33,3", "33,3", "33,3"]), adds_to_100(["60", "30"])
    (True, False)
    """
    total, slack = _sum_and_slack(values)
    return abs(total - 100) <= slack


def _one_scale(values: list[str], head: str) -> tuple[list[int], int, int]:
    """Parts and the share they split, as written (``"10"``, ``"02"``, ``"12,5"``), as integers on
    the scale of the most decimals: ``(parts, whole, decimals)``."""
    dec = max(len(v.partition(",")[2]) for v in values + [head])
    units = [int(Decimal(v.replace(",", ".")).scaleb(dec)) for v in values]
    return units, int(Decimal(head.replace(",", ".")).scaleb(dec)), dec


_PCT_LINE_RE = re.compile(r"^[-+*•–] ?[^\d%:]{1,60}: ?(?P<v>[0-9]{1,3}(?:,[0-9]{1,2})?) ?%\s*[.;]?(?: [0-9]{1,3})?$")


_WHOLE_LINE_RE = re.compile(r"(?i)^[-+*•–] ?(?:tổng|toàn|cả nước)")
_REST_RE = re.compile(r"(?i)còn lại|\bkhác\b")



_MARKER_RE = re.compile(r"^(?:(?P<letter>[a-zđ]\))|(?P<number>[0-9]{1,2}[.)])|(?P<roman>[IVX]{1,4}\.))")

def marker_kind(text: str) -> str:
    """The kind of a bullet's marker: ``a)``, ``1.``, ``I.`` or the symbol itself (``-``, ``+``)."""
    m = _MARKER_RE.match(text)
    if m is None:
        return text[:1]
    return next(k for k, v in m.groupdict().items() if v)


#: how deep each marker kind usually stands in Vietnamese documents (``I.`` > ``1.`` > ``a)`` >
#: ``-`` > ``+`` > ``•``): a bullet of a shallower kind ends a list of deeper ones
_MARKER_DEPTH = {"roman": 0, "number": 1, "letter": 2, "-": 3, "–": 3, "+": 4, "*": 5, "•": 5}


def marker_depth(kind: str) -> int:
    """The usual depth of a marker kind (:func:`marker_kind`); unknown kinds are deepest."""
    return _MARKER_DEPTH.get(kind, 6)



#: a list item labelled as one of several instalments or stages ("Đợt 1:", "Lần thứ hai", "Giai đoạn 2")
_INSTALMENT_RE = re.compile(r"(?i)^(?:[-+*•–] |[a-zđ]\) |[0-9]{1,2}[.)] )?(?:đợt|lần|giai đoạn|kỳ|bước)(?: thứ)? (?:[0-9]{1,2}|nhất|hai|ba|bốn|năm)\b")


def item_shares(paras: list[Paragraph], out: list) -> None:
    """``- Đợt 1: nộp 50% giá thu …`` / ``- Đợt 2: nộp 50% …``, ``a) … phải nộp 50% tiền sử dụng
    đất …`` / ``b) … nộp 50% tiền sử dụng đất còn lại …`` (rule ``item-breakdown``): consecutive
    list items of one marker kind, each with one percentage (not a change or a level), labelled
    as instalments or stages or closed by "the rest" (``còn lại``), whose percentages add to
    100 % within their rounding: the parts of one whole (``consistent``). Items that do not add
    up are no claim (each may be a rate of its own whole)."""
    if not any(p.bullet and "%" in p.text and ("còn lại" in p.text or _INSTALMENT_RE.match(p.text)) for p in paras):
        return  # no item labelled as an instalment nor closing with "the rest"
    i, n = 0, len(paras)
    while i < n:
        p = paras[i]
        if p.kind != "body" or not p.bullet or "%" not in p.text:
            i += 1
            continue
        kind = marker_kind(p.text)
        run = [i]
        j = i + 1
        while j < n and paras[j].kind == "body" and paras[j].bullet and marker_kind(paras[j].text) == kind:
            run.append(j)
            j += 1
        i = j
        # the stretches of the run whose items each hold one percentage
        groups, items = [], []
        for k in run:
            pcts = [x for x in _ANY_PCT_RE.finditer(paras[k].text)
                    if not _NOT_SHARE_BEFORE_RE.search(paras[k].text, max(0, x.start() - 20), x.start())]
            if len(pcts) == 1:
                items.append((k, pcts[0]))
                if "còn lại" in paras[k].text[pcts[0].end():pcts[0].end() + 80]:
                    groups.append(items)  # "the rest" closes a stretch
                    items = []
            else:
                groups.append(items)
                items = []
        groups.append(items)
        for items in groups:
            _instalments(paras, items, out)


def _instalments(paras: list[Paragraph], items: list, out: list) -> None:
    """One stretch of list items of :func:`item_shares`, as its claim when it adds up."""
    if len(items) < 2 or len(items) > MAX_SENTENCE_SHARES:
        return
    labelled = all(_INSTALMENT_RE.match(paras[k].text) for k, _ in items)
    rest = "còn lại" in paras[items[-1][0]].text[items[-1][1].end():items[-1][1].end() + 80]
    if not (labelled or rest):
        return
    values = [x.group(1) for _, x in items]
    if not adds_to_100(values):
        return
    first, x = items[0]
    out.append(shares_claim(paras[first], first, values,
                             f"{len(values)} list items of one percentage each, "
                             + ("labelled as instalments or stages" if labelled else "the last one the rest"),
                             "item-breakdown", pos=x.start(), end=x.end()))



#: "1. 90% …", "2. Trích 2% lập quỹ …" (a verb of up to two words before the share)
_NUMBERED_SHARE_RE = re.compile(r"^(?P<k>[0-9]{1,2})[.)] (?:" + UPPER + r"[^\W\d_]*(?: [^\W\d_]+)? )?"
                                r"(?P<v>[0-9]{1,3}(?:,[0-9]{1,2})?) ?% ")
_SUB_ITEM_RE = re.compile(r"^(?:[a-zđ]\)|[-+*•–] )")


def shares_claim(first: Paragraph, pidx: int, values: list[str], source: str, rule: str, *,
                  weak: str | None = WEAK_BREAKDOWN, reported: str | None = None, pos: int = 0,
                  end: int | None = None) -> ProvisionalClaim:
    """A sum claim: percentages that add to 100 % within the rounding of the parts."""
    dec = max(len(v.partition(",")[2]) for v in values)
    scale = 10 ** dec
    units = [int(Decimal(v.replace(",", ".")) * scale) for v in values]
    slack = _sum_and_slack(values)[1] * scale
    detail = {"rule": rule, "unit": "%", "scale": scale, "slack": int(slack), "breakdown": True}
    if weak:
        detail["weak"] = weak
    else:
        detail["exhaustive"] = True
    return {"kind": "sum", "line": first.line_at(pos), "quote": first.text[pos:end if end is not None else pos + 80], "numerator": None,
            "denominator": 100 * scale, "parts": tuple(units), "reported": reported,
            "denominator_source": source + " (" + " + ".join(v + "%" for v in values) + ")",
            "target": None, "detail": detail, "order": (pidx, pos)}


def numbered_share_runs(paras: list[Paragraph], out: list) -> None:
    """Numbered items that start with a share, without a head ending in a colon before them
    (``1. Trích 14% …`` … ``5. Trích 50% …`` in a decree): as :func:`numbered_shares`."""
    for i, p in enumerate(paras):
        if p.bullet and p.text.startswith("1") and _NUMBERED_SHARE_RE.match(p.text) and \
                _NUMBERED_SHARE_RE.match(p.text).group("k") == "1" and not (i and paras[i - 1].text.endswith(":")):
            numbered_shares(paras, i - 1, out)


def numbered_shares(paras: list[Paragraph], i: int, out: list) -> None:
    """``… phân bổ như sau:`` then ``1. 90% …``, ``2. 10% …`` (sub-items ``a)``, ``-`` between):
    numbered items that each start with a percentage are the shares of one whole."""
    values, first, k = [], None, 0
    for j in range(i + 1, min(len(paras), i + 40)):
        q = paras[j]
        if q.kind != "body" or not q.bullet:
            break
        if _SUB_ITEM_RE.match(q.text):
            continue
        m = _NUMBERED_SHARE_RE.match(q.text)
        if m is None or int(m.group("k")) != k + 1:
            break
        k += 1
        values.append(m.group("v"))
        if first is None:
            first = j
    if len(values) >= 2 and first is not None:
        out.append(shares_claim(paras[first], first, values,
                                 f"{len(values)} numbered items under '{paras[i].text[-40:]}', each a share",
                                 "breakdown-100", pos=0))


#: the letters of points in a Vietnamese legal text, in order ("đ" after "d"; no "f", "j")
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
#: "a) Trích 10% chi trả …", "b) 7% bổ sung quỹ …": a lettered point that starts with a share
_POINT_SHARE_RE = re.compile(r"^(?P<k>[a-zđ])\) (?:" + UPPER + r"[^\W\d_]*(?: [^\W\d_]+)? )?"
                             r"(?P<v>[0-9]{1,3}(?:,[0-9]{1,2})?) ?% ")
_POINT_RE = re.compile(r"^(?P<k>[a-zđ])\) ")
#: the verbs that set aside a part of a sum ("Trích 12% …"): only then is a split that does not
#: add up flagged (a point may otherwise give the item's rate for a case, not a part of it)
_ALLOT_RE = re.compile(r"^[0-9]{1,2}[.)] (?:Trích|Dành|Giữ lại|Để lại|Phân bổ) ")


def point_shares(paras: list[Paragraph], out: list) -> None:
    """``3. Trích 12% chi trả …`` then ``a) Trích 10% …`` and ``b) Trích 02% …`` (rule
    ``point-shares``): the lettered points of a numbered item that starts with a share split it
    when each of them starts with a share: their sum is the item's share. Every point up to the
    next numbered item must have its share and come in order (a point without one leaves the
    split incomplete: no claim); paragraphs of text between points go on the point before. A
    sum other than the item's share is flagged only when the item sets a part aside ("Trích",
    "Dành" …); otherwise the points may be rates for cases, and nothing is said."""
    n = len(paras)
    for i, p in enumerate(paras):
        if not (p.bullet and p.text[:1].isdigit()):
            continue
        head = _NUMBERED_SHARE_RE.match(p.text)
        if head is None:
            continue
        values: list[str] = []
        for j in range(i + 1, min(n, i + 40)):
            q = paras[j]
            if q.kind != "body" or (q.bullet and q.text[:1].isdigit()):
                break
            if not q.bullet or not _POINT_RE.match(q.text):
                continue  # text that goes on a point, or a dash under it
            m = _POINT_SHARE_RE.match(q.text)
            if m is None or m.group("k") != POINT_LETTERS[len(values):len(values) + 1]:
                values = []
                break
            values.append(m.group("v"))
        if len(values) < 2:
            continue
        item = head.group("v")
        units, total, dec = _one_scale(values, item)
        detail = {"rule": "point-shares", "unit": "%", "scale": 10 ** dec}
        if sum(units) != total and not _ALLOT_RE.match(p.text):
            continue
        out.append(sum_claim(p, i, head.start("v"), head.end(), qs=0, total=total, parts=units,
                             reported=item + "%",
                             source=(f"the {len(values)} lettered points of the item, each starting with a share ("
                                     + " + ".join(v + "%" for v in values) + ")"),
                             detail=detail))


_PCT = r"[0-9]{1,3}(?:,[0-9]{1,2})?"
#: words that say the items after them are the parts of one whole
_PARTS_CUE = r"(?:ở dạng|gồm có|bao gồm|gồm|chia thành|phân thành|cơ cấu(?: [^\W\d_]+){0,4} là|phân bổ cho)"
_PART_ITEM = r"[^\W\d_]+(?: [^\W\d_]+){0,5} \((?:chiếm )?" + _PCT + r" ?%\)"
_INLINE_PARTS_RE = re.compile(
    r"(?i)" + _PARTS_CUE + r":? (?P<items>" + _PART_ITEM + r"(?:(?:, | và |, và |; )" + _PART_ITEM + r")+)")
_ITEM_PCT_RE = re.compile(r"\((?:chiếm )?(" + _PCT + r") ?%\)")
_REMAINDER_RE = re.compile(r"(?<![\w,.])(?P<v>" + _PCT + r") ?% còn lại")
#: "…, còn lại, 5% là …", "phần còn lại là 5%": the rest named before its share
_REST_FIRST_RE = re.compile(r"còn lại(?:,| là| chiếm|:)? (?P<v>" + _PCT + r") ?%")
#: a percentage not inside a longer number: ``(?<![\w,.])(_PCT) ?%`` written to start with a digit
#: class (found quickly, where a look-behind first is tried at every position)
_ANY_PCT_RE = re.compile(r"([0-9](?<![\w,.][0-9])[0-9]{0,2}(?:,[0-9]{1,2})?) ?%")
assert _PCT == r"[0-9]{1,3}(?:,[0-9]{1,2})?", "_ANY_PCT_RE is _PCT with its first digit first"
_NOT_SHARE_BEFORE_RE = re.compile(r"(?i)(?:tăng|giảm|đạt|bằng|hơn|gấp|lên|xuống|khoảng|gần|trên|dưới|từ|đến)(?: [^\W\d_]+)? $")


def inline_parts(p: Paragraph, pidx: int, out: list) -> None:
    """``tồn tại ở dạng nguyên vật liệu (55,6%) và thành phẩm (50,5%)``: items after a cue that
    makes them the parts of one whole (``ở dạng``, ``gồm``, ``chia thành``, ``cơ cấu … là``),
    each with its share in parentheses. Shares of one whole cannot add to more than 100 %: above
    100 % beyond the rounding of the parts is ``inconsistent``; about 100 % is ``consistent``; below,
    the list may name only some parts (no claim)."""
    for m in _INLINE_PARTS_RE.finditer(p.text):
        values = _ITEM_PCT_RE.findall(m.group("items"))
        total, slack = _sum_and_slack(values)
        if total < 100 - slack or total > FAR_ABOVE_100:
            # far above 100 %: each item's own rate ("Ai Cập (10%), Jordan (12%) …"), not parts
            continue
        over = total > 100 + slack
        out.append(shares_claim(p, pidx, values, f"shares in parentheses of the items after "
                                 f"'{m.group(0).split(' ')[0]} …', the parts of one whole", "parts-of-one-whole",
                                 weak=None, reported=(values[-1] + "%") if over else None,
                                 pos=m.start("items"), end=m.end()))


#: words after a share that make it the rate of its own place or owner, not of a group ("của nhóm …")
_OWN_WHOLE_RE = re.compile(r"(?i)\b(?:tại|ở|của(?! (?:nhóm|khối|khu vực|loại hình|thành phần)\b)|cho|thuộc)\b")
_CLAUSE_TAIL_RE = re.compile(r"[^,;.!?]{0,60}")
_DIGIT_IN_RE = re.compile(r"[0-9]")
#: most shares one sentence's breakdown holds
MAX_SENTENCE_SHARES = 8


def sentence_shares(p: Paragraph, pidx: int, out: list) -> None:
    """``trong đó 84,5% là đất nông nghiệp, 11,9% là đất phi nông nghiệp và 3,6% là đất chưa sử
    dụng``, ``thành thị chiếm 37,1%, nông thôn chiếm 62,9%``: the percentages of one sentence, one
    after another with words and no other number between them, none of them a change or a level
    (``tăng``, ``đạt``, ``khoảng`` … before it), none followed by a place or an owner of its own
    (``60% hồ sơ tại cơ quan …, 40% hồ sơ tại Ủy ban …``: ``tại``, ``ở``, ``của``, ``cho``,
    ``thuộc``: each share is the rate of another whole). A run adding to 100 % within its rounding is a
    complete breakdown (rule ``sentence-breakdown``, ``consistent``); else no claim."""
    text = p.text
    pcts = list(_ANY_PCT_RE.finditer(text))
    if len(pcts) < 2:
        return
    ends = [m.start() for m in _SENT_END_RE.finditer(text)]
    rest, run, sentence = "còn lại" in text, [], -1  # a sentence naming the rest: remainder's
    for x in pcts:
        k = bisect.bisect_left(ends, x.start())
        if k != sentence:  # a new sentence: the run of the last one is read
            _shares_run(p, pidx, run, out)
            run, sentence = [], k
            skip = rest and "còn lại" in text[ends[k - 1] if k else 0:ends[k] if k < len(ends) else len(text)]
        if skip:
            continue
        if _NOT_SHARE_BEFORE_RE.search(text, max(0, x.start() - 20), x.start()):
            run = []
            continue
        if run and (x.start() - run[-1].end() > 80 or _DIGIT_IN_RE.search(text, run[-1].end(), x.start())):
            _shares_run(p, pidx, run, out)
            run = []
        run.append(x)
    _shares_run(p, pidx, run, out)


#: "Nguồn kinh phí nộp trả: 50% do Chủ nhiệm dự án chịu trách nhiệm nộp trả; 50% từ các Quỹ …":
#: items after a colon, separated by semicolons, each starting with its share
_SEMICOLON_SHARES_RE = re.compile(r": (?P<items>" + _PCT + r" ?% [^;.:%]{3,120}(?:; (?:và )?" + _PCT
                                  + r" ?% [^;.:%]{3,120})+)(?=[.;]|$)")
_ITEM_SHARE_RE = re.compile(r"(?:^|; (?:và )?)(" + _PCT + r") ?%")


def semicolon_shares(p: Paragraph, pidx: int, out: list) -> None:
    """``Nguồn kinh phí nộp trả ngân sách nhà nước: 50% do Chủ nhiệm dự án chịu trách nhiệm nộp
    trả; 50% từ các Quỹ …`` (rule ``semicolon-shares``): the items after a colon, separated by
    semicolons, each starting with a share and holding no other, are the parts of one whole when
    they add to 100 % within their rounding (``consistent``); otherwise no claim (each may be a
    rate of its own)."""
    text = p.text
    for m in _SEMICOLON_SHARES_RE.finditer(text):
        values = [x.group(1) for x in _ITEM_SHARE_RE.finditer(m.group("items"))]
        if len(values) < 2 or not adds_to_100(values):
            continue
        out.append(shares_claim(p, pidx, values, f"{len(values)} items after a colon, separated by "
                                "semicolons, each starting with a share", "semicolon-shares",
                                pos=m.start("items"), end=m.end()))


def _shares_run(p: Paragraph, pidx: int, run: list, out: list) -> None:
    """``run`` (percentage matches) as a ``sentence-breakdown`` claim when all its values add to
    100 % within their rounding (a part of a run that happens to add to 100 % is no evidence)."""
    if not 2 <= len(run) <= MAX_SENTENCE_SHARES:
        return
    values = [x.group(1) for x in run]
    # "60% hồ sơ tại cơ quan cấp huyện, 40% hồ sơ tại Ủy ban cấp xã": each share of its own place
    # or owner, not the parts of one whole
    text = p.text
    tail = _CLAUSE_TAIL_RE.match(text, run[-1].end())
    gaps = [text[a.end():b.start()] for a, b in zip(run, run[1:])] + [tail.group(0) if tail else ""]
    if any(_OWN_WHOLE_RE.search(g) for g in gaps):
        return
    if not adds_to_100(values):
        return
    i, j = 0, len(run) - 1
    if any(c["order"][0] == pidx and c["detail"].get("breakdown") and len(c["parts"]) == len(run)
           and c["detail"].get("rule") != "sentence-breakdown" for c in out):
        return  # the same shares read as a breakdown by another rule ("gồm A (85,3%), B (7,2%) …")
    out.append(shares_claim(p, pidx, values, f"{len(values)} percentages one after another in a sentence, "
                             "which add to 100%: the parts of one whole", "sentence-breakdown",
                             pos=run[i].start(), end=run[j].end()))


#: the noun phrase of three or more words after a percentage ("90% số tiền phí thu được")
_PHRASE_AFTER_RE = re.compile(r" ((?:[^\W\d_]+ ){2}[^\W\d_]+(?: [^\W\d_]+)?)")


def same_phrase_shares(p: Paragraph, pidx: int, out: list) -> None:
    """``được trích lại 90% số tiền phí thu được … Nộp 10% số tiền phí thu được vào ngân sách``
    (rule ``same-whole-breakdown``): the percentages of one paragraph that name the very same
    whole (the same three or four words right after them), in one sentence or several, and add to
    100 % within their rounding: the parts of that whole (``consistent``). Shares that do not add up
    are no claim (each may be of part of it, or overlap)."""
    text = p.text
    groups: dict[str, list[re.Match]] = {}
    for m in _ANY_PCT_RE.finditer(text):  # the percentages (found quickly), then their phrase
        ph = _PHRASE_AFTER_RE.match(text, m.end())
        if ph is not None:
            groups.setdefault(" ".join(ph.group(1).split()[:3]).lower(), []).append(m)
    for phrase, run in groups.items():
        if not 2 <= len(run) <= MAX_SENTENCE_SHARES:
            continue
        # (in one sentence too: sentence_shares reads only shares with no number between them, and
        # the same shares read by both stand at the same place: the first claim is kept)
        if len({text[max(0, m.start() - 30):m.end()] for m in run}) < len(run):
            continue  # a sentence the text repeats (a scraped page's caption, a quote twice): one share
        values = [m.group(1) for m in run]
        if not adds_to_100(values):
            continue
        out.append(shares_claim(p, pidx, values, f"{len(values)} percentages of '{phrase}' in the paragraph, "
                                "which add to 100%: the parts of one whole", "same-whole-breakdown",
                                pos=run[0].start(), end=run[-1].end()))


_FULL_STOP_RE = re.compile(r"[.!?](?= |$)")
#: a share in parentheses after the words it caps ("chi thù lao cho lực lượng thu (không quá 5%)")
_PAREN_SHARE_RE = re.compile(r"\((?:không quá |tối đa |tối thiểu |khoảng |bằng |chiếm )?([0-9]{1,2}(?:,[0-9]{1,2})?) ?%\)")


def paren_part_shares(p: Paragraph, pidx: int, out: list) -> None:
    """``giữ lại tối đa không quá 28% số thu trên địa bàn để hỗ trợ chi thù lao … (không quá 5%);
    chi phí hành chính … (không quá 3%) và chi thực hiện các nhiệm vụ … (không quá 20%)`` (rule
    ``share-paren-parts``): a share, then in the rest of its sentence at least two shares in
    parentheses, each after the use it is for: the parts of the first when they add up to it
    exactly (``consistent``); otherwise no claim (they may be parts of something else)."""
    text = p.text
    for m in _ANY_PCT_RE.finditer(text):
        if text[max(0, m.start() - 1):m.start()] == "(":
            continue  # a part itself
        stop = _FULL_STOP_RE.search(text, m.end())  # the sentence's end (a semicolon goes on)
        end = stop.start() if stop else len(text)
        parts = [x for x in _PAREN_SHARE_RE.finditer(text, m.end(), end + 1)]
        if len(parts) < 2:
            continue
        values = [x.group(1) for x in parts]
        head = m.group(1)
        units, total, dec = _one_scale(values, head)
        if sum(units) != total:
            continue
        # placed at the share's end: the breakdown of the same share stands at its start
        out.append(sum_claim(p, pidx, m.end(), parts[-1].end(), qs=m.start(), total=total, parts=units,
                             reported=head + "%",
                             source=(f"the share {head}% and the {len(parts)} shares in parentheses after it in "
                                     "its sentence (" + " + ".join(v + "%" for v in values) + ")"),
                             detail={"rule": "share-paren-parts", "unit": "%", "scale": 10 ** dec,
                                     "weak": WEAK_BREAKDOWN}))


def remainder(p: Paragraph, pidx: int, out: list) -> None:
    """``… chiếm 49%. … 36%, … 7%, … 4%. Hoa hồng … chiếm 4% còn lại``: a share said to be the
    rest closes a breakdown; the shares before it that add to 100 % with it are its parts
    (``consistent``); when no run of them does, nothing is said."""
    text = p.text
    rests = sorted([*_REMAINDER_RE.finditer(text), *_REST_FIRST_RE.finditer(text)], key=lambda r: r.start())
    for m in rests:
        lo = max(0, m.start() - 400)
        prev = [x for x in _ANY_PCT_RE.finditer(text, lo, m.start())]
        values = [m.group("v")]
        total = Decimal(m.group("v").replace(",", "."))
        slack = Decimal(1).scaleb(-len(m.group("v").partition(",")[2])) / 2
        found = None
        for x in reversed(prev[-8:]):
            if _NOT_SHARE_BEFORE_RE.search(text, max(0, x.start() - 20), x.start()):
                break
            values.insert(0, x.group(1))
            total += Decimal(x.group(1).replace(",", "."))
            slack += Decimal(1).scaleb(-len(x.group(1).partition(",")[2])) / 2
            if abs(total - 100) <= slack:
                found = list(values)
                break
            if total > 100 + slack:
                break
        if found and len(found) >= 2:
            out.append(shares_claim(p, pidx, found, "a share said to be the rest ('còn lại') and the shares "
                                     "before it, which add to 100% with it", "remainder-share",
                                     reported=m.group("v") + "%", pos=m.start()))


def bullet_shares(paras: list[Paragraph], i: int, out: list) -> None:
    """The bullet lines right after the head ``paras[i]`` (ending with a colon), of one marker,
    as the shares of one whole (rule ``breakdown-100``): ``- Dầu mỏ: 31,2%`` …, each with one
    percentage and nothing else, at least three (or two, one of them "the rest"), a last line
    naming the whole left out. Numbered items that start with a share: :func:`numbered_shares`."""
    n = len(paras)
    p = paras[i]
    marker = paras[i + 1].text[:1]
    if marker.isdigit():
        numbered_shares(paras, i, out)
        return
    j = i + 1
    while j < n and paras[j].bullet and paras[j].text[:1] == marker and paras[j].kind == "body":
        j += 1
    bullets = paras[i + 1:j]
    # a last line naming the whole ("- Tổng GDP: 2.292,0 tỉ USD") is not one of its parts
    if len(bullets) >= 3 and _WHOLE_LINE_RE.match(bullets[-1].text):
        bullets = bullets[:-1]
    shares = [_PCT_LINE_RE.match(b.text) for b in bullets]
    # two shares make a whole only when one of them is "the rest" ("Các nước còn lại: 71,4%")
    enough = len(shares) >= 3 or (len(shares) == 2 and any(_REST_RE.search(b.text) for b in bullets))
    if enough and all(shares):
        values = [s.group("v") for s in shares]
        out.append(shares_claim(bullets[0], i + 1, values,
                                f"{len(values)} bullet lines of one percentage each under '{p.text[-40:]}': "
                                "the shares of one whole", "breakdown-100"))


# -------------------------------------------------------------------------- complete breakdowns
#: why a complete breakdown of rounded amounts that does not fit is not flagged
WEAK_ROUNDED = "the counts are rounded amounts (millions, thousands …): their sum is the whole only nearly"


def _share_units(reported: str) -> tuple[Decimal, Decimal]:
    """The value of a reported percentage and half a unit of its last digit."""
    raw = reported.rstrip("%").strip()
    d = len(raw.partition(DECIMAL_SYMBOL)[2])
    return (Decimal(raw.replace(GROUP_SYMBOL, "").replace(DECIMAL_SYMBOL, ".")),
            Decimal(1).scaleb(-d) / 2)


#: the most parts a breakdown of shares adding up to 100% may have (its search stays linear)
MAX_BREAKDOWN_PARTS = 12


def _noun(claim: dict) -> str | None:
    """The first word of a count's noun ("người" for "người ở")."""
    unit = claim["detail"].get("unit")
    return unit.split()[0] if unit else None


def breakdown_wholes(shares: list[dict]) -> None:
    """Counts with a share and no whole whose shares add up to 100 %: the whole is their sum.

    ``Dân số thành thị là 111.300 người (13,88%). Dân số nông thôn là 690.400 người (86,12%).``:
    the two shares make a complete breakdown, so each is a share of 111.300 + 690.400 (rule
    ``complete-breakdown``). ``shares`` are the count-share claims of one paragraph without a
    whole, in order (of one paragraph or of consecutive ones: a list of bullets); runs of two or
    more of one noun whose shares add up to 100 % within their rounding get the sum of their
    counts as whole (at most :data:`MAX_BREAKDOWN_PARTS` parts from each start: linear in the
    claims). Such a run is checked as a
    passage: when none of its shares fits the sum, none is flagged.
    """
    n = len(shares)
    i = 0
    while i < n - 1:
        unit = _noun(shares[i])
        total, slack, j = Decimal(0), Decimal(0), i
        best = None
        while j < n and j - i < MAX_BREAKDOWN_PARTS and _noun(shares[j]) == unit:
            v, h = _share_units(shares[j]["reported"])
            total += v
            slack += h
            if total - slack > 100:
                break
            if j > i and abs(total - 100) <= slack:
                best = j
            j += 1
        if best is None:
            i += 1
            continue
        group = shares[i:best + 1]
        counts = [c["numerator"] for c in group]
        whole = sum(counts)
        how = " + ".join(format_number(v) for v in counts) + f" = {format_number(whole)}"
        rounded = unit is not None and unit.split()[0].lower() in ROUNDED_UNITS
        group_id = ("breakdown", group[0]["order"])
        for c in group:
            # checked as a passage: when none of its shares fits the sum, the shares add up to
            # 100% by chance and none is flagged (parstats.audit.passes)
            c["detail"]["tie"] = "passage"
            c["detail"]["para"] = group_id
            c["denominator"] = whole
            c["denominator_source"] = (f"the counts of a breakdown whose shares add up to 100% ({how})")
            c["detail"]["rule"] = "complete-breakdown"
            if rounded:  # "51 triệu người (85%)": amounts rounded, the whole only nearly known
                c["detail"]["weak"] = WEAK_ROUNDED
        i = best + 1
