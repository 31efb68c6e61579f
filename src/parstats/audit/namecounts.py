"""Counts of things the text names elsewhere: ``Lào, Malaysia, Campuchia và Thái Lan, bốn đối thủ``,
``… hậu vệ Vũ Văn Thanh và Nguyễn Thành Chung. Ba cầu thủ …``, ``…, trung vệ Quế Ngọc Hải, hai cầu thủ
này``, ``cả hai Google và WorldCat``, ``trong 3 ngày (22, 23 và 24 tháng 5)``, ``thứ 5, sau A, B, C
và D``.

Rules (each named in ``detail["rule"]``): ``names-then-count``, ``count-after-names``,
``anaphor-count``, ``all-of-names``, ``numbered-times``, ``rank-after-names``, ``match-pair``,
``parties-pair``. Each reads a list of
names (or numbers) and the count that stands for it; ``consistent`` when they are as many, and
otherwise no claim or ``unverifiable``: never flagged (the names may be of something else).

Each rule reads a paragraph once, at the few places its cue words stand, looking back at most a
few hundred characters: linear in its length.
"""
from __future__ import annotations

import re

from parstats.audit.model import sum_claim
from parstats.audit.words import COUNT_WORDS, UPPER, count_value
from parstats.markdown import Paragraph

__all__ = ["WEAK_BACK", "WEAK_RANK", "anaphor_count_claims", "all_of_names_claims", "count_after_names_claims",
           "match_pair_claims", "names_count_claims", "parties_pair_claims", "numbered_times_claims", "rank_after_names_claims"]

NUMBER_WORDS = COUNT_WORDS
WEAK_RANK = "the text may name only some of those ranked before"
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))


# ------------------------------------------------------------------ names, then their count
#: a name's first letter: an upper-case Latin letter
_UP = UPPER
_NAME = _UP + r"[\w'’.-]*(?: " + _UP + r"[\w'’.-]*){0,3}"
_NAMES_COUNT_RE = re.compile(
    r"(?<!\w)(?P<names>" + _NAME + r"(?:, " + _NAME + r")*(?:,? và " + _NAME + r")), (?P<n>(?i:" + _WORDS + r")|[0-9]{1,2}) "
    r"(?P<noun>[^\W\d_A-Z]+)")


_COMMA_COUNT_START_RE = re.compile(r", (?P<n>[0-9]{1,2}|(?i:" + _WORDS + r")) ")


def names_count_claims(p: Paragraph, pidx: int, out: list) -> None:
    """Names, then a comma and their count (rule ``names-then-count``): provisional claim dicts
    of paragraph ``p`` (read with the lists of :mod:`parstats.audit.lists`, which see paragraphs
    without digits)."""
    text = p.text
    for c in _COMMA_COUNT_START_RE.finditer(text):
        m = _NAMES_COUNT_RE.search(text, max(0, c.start() - 200), c.end() + 40)
        if m is None or m.start("n") != c.start("n"):
            continue
        names = [x for x in re.split(r",? và |, ", re.sub(r" \([^()]*\)", "", m.group("names"))) if x.strip()]
        n = {"đôi": 2, "tứ": 4}.get(m.group("n")) or count_value(m.group("n"))
        if n < 2 or n != len(names):
            continue
        out.append({"kind": "sum", "line": p.line_at(m.start("n")), "quote": text[m.start():m.end()],
                    "numerator": None, "denominator": n, "parts": (1,) * n, "reported": m.group("n"),
                    "denominator_source": f"{n} names, then '{m.group('n')} {m.group('noun')}'",
                    "target": None, "detail": {"unit": m.group("noun"), "rule": "names-then-count", "list": True,
                                               "weak": "the names may start before the clause"},
                    "order": (pidx, m.start("n"))})


# ------------------------------------------------------------------ a count that opens a sentence, after names
#: a name as an item: up to two lower-case words before it ("tiền đạo Nguyễn Đình Bắc"), an
#: optional figure after it ("Lào 4-1", "Nam Định (18)")
_ITEM_NAME = (r"(?:[^\W\d_A-ZĐ]+ ){0,2}" + _NAME + r"(?: [0-9]{1,2}-[0-9]{1,2}| \([^()]{1,30}\))?")
_NAME_LIST_RE = re.compile(r"(?<!\w)" + _ITEM_NAME + r"(?:, " + _ITEM_NAME + r")*,? và " + _ITEM_NAME + r"(?=[ ,.;:!?]|$)")
#: a count in words or digits that opens a sentence, and its noun ("Ba cầu thủ", "Hai trận")
_OPENING_COUNT = (r"(?P<n>" + "|".join(
    w.capitalize() for w in sorted(NUMBER_WORDS, key=len, reverse=True) if w not in ("một", "năm", "tư"))
    + r"|[0-9]{1,2}) (?P<noun>[^\W\d_A-ZĐ]+(?: [^\W\d_A-ZĐ]+)?)")
#: the count opening a sentence, found from the sentence end before it (a class: quick)
_OPENING_COUNT_RE = re.compile(r"[.!?] " + _OPENING_COUNT)
#: the same after a full stop (a literal start: found about twice as fast as the class, which
#: stops at every full stop of a number too), and after "!" or "?", in a text that holds one
_STOP_COUNT_RE = re.compile(r"\. " + _OPENING_COUNT)
_MARK_COUNT_RE = re.compile(r"[!?] " + _OPENING_COUNT)


def _opening_counts(text: str) -> list[re.Match]:
    """The matches of ``_OPENING_COUNT_RE.finditer(text, 1)``, in order (two searches: the
    matches cannot overlap, each holds one sentence end, at its start)."""
    got = list(_STOP_COUNT_RE.finditer(text, 1))
    if "!" in text or "?" in text:
        got += _MARK_COUNT_RE.finditer(text, 1)
        got.sort(key=lambda m: m.start())
    return got


WEAK_BACK = "the count may not be of the names of the sentence before"
_OTHERS_RE = re.compile(r" (?:còn lại|khác|kia|còn)\b")
#: nouns of time or measure, and words that are not nouns: what such a count counts is no list
_NOT_COUNTED = frozenset("ngày tháng năm tuần giờ phút giây lần tuổi trong số điểm bàn triệu tỷ nghìn".split())
_YEAR_WORDS = frozenset("nay qua ngoái trước sau tới này đó kia học tài".split())
_ROLE_RE = re.compile(r"(?:[^\W\d_A-ZĐ]+ ){0,2}")


def _stop_before(text: str, end: int, reach: int = 400) -> int:
    """Where the last sentence end (". ", "? ", "! ") before ``end`` stands, looked for at most
    ``reach`` characters back (-1: none that near): linear in a paragraph of many sentences."""
    lo = max(0, end - reach)
    k = max(text.rfind(". ", lo, end), text.rfind("? ", lo, end), text.rfind("! ", lo, end))
    return k if k >= 0 else (-1 if lo == 0 else lo - 2)


def count_after_names_claims(p: Paragraph, pidx: int, out: list) -> None:
    """``… cùng tiền đạo Nguyễn Đình Bắc, hậu vệ Vũ Văn Thanh và Nguyễn Thành Chung. Ba cầu thủ đá
    trọn vẹn trận đấu …`` (rule ``count-after-names``): a count that opens a sentence, and the last
    list of names of the sentence before it. ``consistent`` when the list has as many names;
    otherwise no claim (the count may be of something else)."""
    text = p.text
    for m in _opening_counts(text):
        n = count_value(m.group("n"))
        if not 2 <= n <= 10 or m.start("n") < 2:
            continue
        if m.group("noun").split()[0] in _NOT_COUNTED or _OTHERS_RE.match(text, m.end()) \
                or _OTHERS_RE.match(" " + m.group("noun").split()[-1]):
            continue  # "Hai trận còn lại": the others, not the ones named
        prev_end = m.start("n") - 2
        k = _stop_before(text, prev_end)
        sentence = text[k + 2 if k >= 0 else 0:prev_end + 1]
        last = None
        for last in _NAME_LIST_RE.finditer(sentence):
            pass
        if last is None:
            continue
        names = [x for x in re.split(r",? và |, ", last.group(0)) if x.strip()]
        if len(names) != n:
            continue
        roles = {_ROLE_RE.match(x).group(0).split()[-1] for x in names if _ROLE_RE.match(x).group(0)}
        if len(roles) == 1 and roles != {m.group("noun").split()[0]}:
            continue  # "trọng tài A và B …. Hai đội …": the names are of another noun
        base = k + 2 if k >= 0 else 0
        out.append({"kind": "sum", "line": p.line_at(m.start("n")),
                    "quote": text[base + last.start():m.end()][-200:],
                    "numerator": None, "denominator": n, "parts": (1,) * n, "reported": m.group("n"),
                    "denominator_source": f"{n} names in the sentence before '{m.group('n')} {m.group('noun')}'",
                    "target": None, "detail": {"unit": m.group("noun"), "rule": "count-after-names", "list": True,
                                               "weak": WEAK_BACK},
                    "order": (pidx, m.start("n"))})


#: a count, its noun and a word pointing back ("hai cầu thủ này", "3 hình ảnh đó", "ba đơn vị trên"):
#: the word found first (by str.find: quicker than a pattern that starts with a space, which stops
#: at every word), the count and noun read back from it
_POINTER_WORDS = (" này", " đó", " trên")
_ANAPHOR_RE = re.compile(r"(?<!\w)(?P<n>[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu|[Bb]ảy|[Tt]ám|[Cc]hín|[Mm]ười|[2-9]|10) "
                         r"(?P<noun>[^\W\d_A-ZĐ]+(?: [^\W\d_A-ZĐ]+)?)(?: nói| kể)?$")


#: names each followed by a few lower-case words or numbers ("Thượng Hải với trên 27 triệu dân")
_ATTRIBUTED_NAME = _NAME + r"(?: (?:[^\W_A-ZĐ][\w,]*)){0,6}?"
_ATTRIBUTED_NAMES_RE = re.compile(r"(?<!\w)" + _ATTRIBUTED_NAME + r"(?:, " + _ATTRIBUTED_NAME + r")*,? và "
                                  + _ATTRIBUTED_NAME + r"(?=[.;:!?]|$)")
#: a count after a pointing word that opens its sentence: "Đây là 2 thành phố đông dân nhất"
_POINTED_RE = re.compile(r"Đ(?<!\wĐ)(?:ây|ó|ấy) là (?:(?:những|các) )?(?P<n>hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|[2-9]|10) "
                         r"(?P<noun>(?!thứ\b)[^\W\d_A-ZĐ]+(?: [^\W\d_A-ZĐ]+)?)(?![\w])")  # "năm thứ": an ordinal


def _anaphors(text: str):
    """The matches of :data:`_ANAPHOR_RE` that end right before a pointing word, and of
    :data:`_POINTED_RE`, in order."""
    got = []
    search = _ANAPHOR_RE.search
    size = len(text)
    for word in _POINTER_WORDS:
        # as re.finditer(" " + word + r"(?!\w)", text): the word not followed by a letter, digit or "_"
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if end == size or not (text[end].isalnum() or text[end] == "_"):
                m = search(text, max(0, at - 40), at)
                if m is not None:
                    got.append(m)
            at = text.find(word, end)  # (a pointer word cannot overlap itself)
    if "Đây là" in text or "Đó là" in text or "Đấy là" in text:
        got.extend(_POINTED_RE.finditer(text))
    return sorted(got, key=lambda m: m.start())
#: names joined by dashes ("bộ ba Rimario – Hoàng Đình Tùng – Lê Văn Thắng")
_COMMA_NAMES_RE = re.compile(r"(?<![\w,] )(?:[^\W\d_A-ZĐ]+ ){0,4}" + _NAME + r"(?:, (?:[^\W\d_A-ZĐ]+ ){0,4}" + _NAME + r")+$")
_DASH_NAMES_RE = re.compile(r"(?<!\w)" + _NAME + r"(?: [–-] " + _NAME + r")+(?=[ ,.;:!?]|$)")


def anaphor_count_claims(p: Paragraph, pidx: int, out: list) -> None:
    """``… thủ môn Đặng Văn Lâm, trung vệ đội trưởng Quế Ngọc Hải, hai cầu thủ này …``, ``hình 37,
    hình 46 và hình 52 … 3 hình ảnh đó`` (rule ``anaphor-count``): a count whose noun is followed by
    a word pointing back (``này``, ``đó``, ``trên``, ``nói trên``, ``kể trên``), and the last list
    before it in its sentence or the sentence before: names joined by commas and ``và`` or by
    dashes, or items of the count's noun and a number. ``consistent`` when the list has as many
    items; otherwise ``unverifiable`` (the list may be of other things)."""
    text = p.text
    for m in _anaphors(text):
        noun = m.group("noun")
        if noun.split()[0] in _NOT_COUNTED or m.group("n").lower() == "năm" and noun.split()[0] in _YEAR_WORDS:
            continue
        last = None
        n = count_value(m.group("n"))
        # the window: the sentence before and this one, up to the count
        k = _stop_before(text, m.start())
        k2 = _stop_before(text, k) if k > 0 else -1
        lo = max(k2 + 2 if k2 >= 0 else 0, m.start() - 400)
        head = noun.split()[0]
        item = re.escape(head) + r" [0-9]{1,4}(?: \([^()]{1,30}\))?"
        pats = (_NAME_LIST_RE, _DASH_NAMES_RE,
                re.compile(r"(?<!\w)" + item + r"(?:, " + item + r")*,? và " + item))
        if m.re is _POINTED_RE:  # "… Thượng Hải với trên 27 triệu dân và Bắc Kinh trên 20 triệu dân. Đây là 2 …"
            pats += (_ATTRIBUTED_NAMES_RE,)
        # names joined by commas only, right before ", <count>" ("…, trung vệ Quế Ngọc Hải, hai cầu thủ này")
        if text[m.start() - 2:m.start()] == ", ":
            back = _COMMA_NAMES_RE.search(text, lo, m.start() - 2)
            if back is not None and back.end() == m.start() - 2:
                pats = ()
                last = back
        if pats:
            last = None
        for pat in pats:
            for x in pat.finditer(text, lo, m.start()):
                if last is None or x.end() > last.end():
                    last = x
        if last is None or m.start() - last.end() > 200:
            continue
        items = [x for x in re.split(r",? và |, | [–-] ", last.group(0)) if x.strip()]
        if len(items) < 2:
            continue
        out.append({"kind": "sum", "line": p.line_at(m.start("n")), "quote": text[last.start():m.end()][-200:],
                    "numerator": None, "denominator": n, "parts": (1,) * len(items), "reported": m.group("n"),
                    "denominator_source": f"{len(items)} items listed before '{m.group(0)}'",
                    "target": None, "detail": {"unit": noun, "rule": "anaphor-count", "list": True,
                                               "weak": WEAK_BACK},
                    "order": (pidx, m.start("n"))})


#: "cả hai Google và WorldCat": "cả", a count in words, and the names right after it
_BOTH_RE = re.compile(r"(?<!\w)(?:(?:[Cc]ả|[Bb]ộ) (?P<n>hai|đôi|ba|tứ|bốn|năm|sáu|bảy|tám)|(?P<pair>[Cc]ặp))"
                      r"(?: (?:tiền đạo|tiền vệ|hậu vệ|trung vệ|thủ môn|cầu thủ|vận động viên|VĐV|HLV|danh thủ|sao)"
                      r"(?: trẻ| ngoại| nội| trụ cột)?)? (?P<names>" + _NAME
                      + r"(?: \([^()]{1,30}\))?(?:, " + _NAME + r"(?: \([^()]{1,30}\))?)*,? và " + _NAME
                      + r"(?: \([^()]{1,30}\))?)(?=[ ,.;:!?)]|$)")
#: what every match of _BOTH_RE holds: the last letter of "cả" or "bộ", then its count, or "cặp" (a class
#: first: quick); a paragraph without it is not searched with _BOTH_RE (which starts with a
#: look-behind, tried at every position)
_BOTH_CUE_RE = re.compile(r"[ảộ] (?:hai|đôi|ba|tứ|bốn|năm|sáu|bảy|tám) |ặp ")


def all_of_names_claims(p: Paragraph, pidx: int, out: list) -> None:
    """``Dùng cả hai Google và WorldCat``, ``cả ba Hà Nội, Huế và Đà Nẵng``, ``bộ ba Phi Sơn, Quang
    Nam và Ariel`` (rule ``all-of-names``): ``cả`` or ``bộ`` (a pair, a trio: ``bộ đôi``, ``bộ ba``,
    ``bộ tứ``) and a count in words right before the names it counts. ``consistent`` when they are as
    many; otherwise no claim (a name may be cut)."""
    text = p.text
    if _BOTH_CUE_RE.search(text) is None:
        return
    for m in _BOTH_RE.finditer(text):
        names = [x for x in re.split(r",? và |, ", re.sub(r" \([^()]*\)", "", m.group("names"))) if x.strip()]
        n = 2 if m.group("pair") else {"đôi": 2, "tứ": 4}.get(m.group("n")) or count_value(m.group("n"))
        if n != len(names):
            continue
        g = "pair" if m.group("pair") else "n"
        out.append({"kind": "sum", "line": p.line_at(m.start(g)), "quote": m.group(0), "numerator": None,
                    "denominator": n, "parts": (1,) * n, "reported": m.group(g),
                    "denominator_source": f"{n} names right after '{text[m.start():m.end(g)]}'", "target": None,
                    "detail": {"unit": "tên", "rule": "all-of-names", "list": True, "weak": WEAK_BACK},
                    "order": (pidx, m.start(g))})


#: a count of days, times or years, then their numbers in parentheses: "3 ngày (22, 23 và 24 tháng
#: 5)", "4 lần vô địch (2010, 2012, 2015 và 2018)"
_NUMBERED_TIMES_RE = re.compile(
    r"(?<!\w)(?P<n>[0-9]{1,2}|(?i:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)) (?P<noun>ngày|đợt|lần|năm|kỳ|mùa|tuần|tháng)"
    r"(?: [^\W\d_]+){0,3} \((?P<items>[0-9]{1,4}(?:(?:, |,? và )[0-9]{1,4})+)(?= tháng|\)|/| năm)")


_PAREN_NUMBERS_RE = re.compile(r"\([0-9]{1,4}(?:, |,? và )")
#: the same without parentheses: "Trong hai ngày 23 và 24-10", "hai đợt tu chính năm 1970 và năm 1993"
_BARE_TIMES_RE = re.compile(
    r"(?<!\w)(?P<n>[0-9]{1,2}|(?i:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)) "
    r"(?P<noun>ngày|đêm|buổi|tối|sáng|chiều|đợt|lần|năm|kỳ|mùa|tuần|tháng|thập kỉ|thập kỷ|thập niên|thế kỉ|thế kỷ)"
    r"(?:(?: [^\W\d_]+){0,3}?|(?: [^\W\d_]+){1,6},? (?:vào|trong) (?:các |những )?năm) "
    r"(?P<items>(?:năm )?[0-9]{1,4}(?:, (?:năm )?[0-9]{1,4})*,? và (?:năm )?[0-9]{1,4})"
    r"(?=[-/][0-9]| tháng| năm [0-9]|[,.;)]|$)")
#: whether a paragraph holds "[0-9] và (?:năm )?[0-9]", looked for from "và " (rarer than a digit
#: in a paragraph of numbers: found faster), the digit before it checked from there
_BARE_NUMBERS_RE = re.compile(r"và (?<=[0-9] và )(?:năm )?[0-9]")


def numbered_times_claims(p: Paragraph, pidx: int, out: list) -> None:
    """``trong 3 ngày (22, 23 và 24 tháng 5 năm 2025)``, ``4 lần vô địch (2010, 2012, 2015 và
    2018)`` (rule ``numbered-times``): a count of days, times or years, and their numbers listed
    in parentheses. ``consistent`` when they are as many; otherwise no claim."""
    text = p.text
    found = []
    if _PAREN_NUMBERS_RE.search(text) is not None:  # "(22, 23 …": found from the parenthesis (quick)
        found += [(m, ")") for m in _NUMBERED_TIMES_RE.finditer(text)]
    if _BARE_NUMBERS_RE.search(text) is not None:
        found += [(m, "") for m in _BARE_TIMES_RE.finditer(text)]
    for m, close in found:
        items = [x for x in re.split(r",? và |, ", m.group("items")) if x.strip()]
        n = count_value(m.group("n"))
        if n < 2 or n != len(items):
            continue
        out.append({"kind": "sum", "line": p.line_at(m.start("n")), "quote": m.group(0) + close,
                    "numerator": None, "denominator": n, "parts": (1,) * n, "reported": m.group("n"),
                    "denominator_source": f"{n} numbers of {m.group('noun')} listed "
                                          + ("in the parentheses" if close else "after it"),
                    "target": None, "detail": {"unit": m.group("noun"), "rule": "numbered-times", "list": True,
                                               "weak": WEAK_BACK},
                    "order": (pidx, m.start("n"))})


# ------------------------------------------------------------------ a rank after the names before it
_ORDINALS = {"hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_RANK_RE = re.compile(r"(?<!\w)thứ (?P<n>[0-9]{1,2}|" + "|".join(_ORDINALS) + r")(?!\w)(?! [0-9])")
#: "sau" and the names ranked before, each with an optional figure in parentheses ("Nam Định (18)")
_NAME_FIG = _NAME + r"(?: \([^()]{1,20}\))?"
_AFTER_NAMES_RE = re.compile(r"(?P<gap>[^.;:!?()]{0,80}?)\bsau (?P<names>" + _NAME_FIG + r"(?:, " + _NAME_FIG
                             + r")*(?:,? và " + _NAME_FIG + r")?)(?P<end>[.;!?]|$|,(?! " + _UP + r")| (?!" + _UP + r"))")


#: "lần thứ 3 …, sau các kỳ 2008 và 2018": the years of those before, in the rank's sentence
_AFTER_YEARS_RE = re.compile(r"(?P<gap>[^.;!?()]{0,80}?)\bsau (?:các |những )?(?:kỳ |năm |mùa |lần )?"
                             r"(?P<names>(?:19|20)[0-9]{2}(?:, (?:19|20)[0-9]{2})*(?:,? và (?:19|20)[0-9]{2})?)(?![0-9])")


def rank_after_names_claims(p: Paragraph, pidx: int, out: list) -> None:
    """``Hà Tĩnh là đội bóng thứ 5 tại V-League, sau TP HCM, Hà Nội, Hải Phòng và Nam Định``
    (rule ``rank-after-names``): a rank, then in its sentence ``sau`` and the names ranked before
    it. ``consistent`` when they are one fewer than the rank; otherwise ``unverifiable`` (the
    text may name only some of those before)."""
    text = p.text
    for m in _RANK_RE.finditer(text):
        a = _AFTER_NAMES_RE.match(text, m.end())
        if a is None and text[max(0, m.start() - 4):m.start()] == "lần ":
            a = _AFTER_YEARS_RE.match(text, m.end())  # "lần thứ 3 …, sau các kỳ 2008 và 2018"
        if a is None or "sau khi" in a.group(0):
            continue
        n = int(m.group("n")) if m.group("n").isdigit() else _ORDINALS[m.group("n")]
        listed = a.group("names").split(". ")[0]  # a name does not run over a full stop
        names = [x for x in re.split(r",? và |, ", listed) if x.strip()]
        if n < 2 or n > 15:
            continue
        out.append({"kind": "sum", "line": p.line_at(m.start("n")), "quote": text[m.start():a.start("names") + len(listed)],
                    "numerator": None, "denominator": n, "parts": (1,) * (len(names) + 1),  # and itself
                    "reported": m.group("n"),
                    "denominator_source": f"the rank 'thứ {m.group('n')}' and {len(names)} names after 'sau'",
                    "target": None, "detail": {"unit": "tên", "rule": "rank-after-names", "list": True,
                                               "weak": WEAK_RANK},
                    "order": (pidx, m.start("n"))})


# ------------------------------------------------------------------ the two teams of a match
#: "hai đội", "2 đội bóng", "cả hai CLB": a count of teams, not "the other two" nor "one of two"
_TEAMS_RE = re.compile(r"(?<!\w)(?P<n>[Hh]ai|[Bb]a|2|3) (?P<noun>đội(?: bóng| tuyển)?|CLB|câu lạc bộ)(?!\w)"
                       r"(?! (?:còn lại|khác|kia|trong|đứng|dẫn|của)\b)")
#: a match between two names: a result ("HAGL 1-1 Thanh Hóa") or a fixture ("trận Hải Phòng - SLNA",
#: "màn so tài giữa Hà Nội và TP HCM")
_TEAM = _UP + r"[\w'’&-]*(?: " + _UP + r"[\w'’&-]*){0,3}"
_MATCH_RE = re.compile(r"(?<!\w)(?P<a>" + _TEAM + r") [0-9]{1,2} ?[-–] ?[0-9]{1,2} (?P<b>" + _TEAM + r")"
                       r"|(?:trận|trận đấu|cuộc đối đầu|màn so tài|cuộc so tài|đại chiến) (?:giữa )?(?P<c>" + _TEAM
                       + r") (?:[-–]|và|với|gặp) (?P<d>" + _TEAM + r")")
WEAK_PAIR = "the two teams may not be those of the match named nearest"


def _two_of(p: Paragraph, pidx: int, m: re.Match, source: str, rule: str, weak: str) -> dict:
    """The claim that the count ``m`` ("hai đội", "2 nước") is of the two names of ``source``."""
    return sum_claim(p, pidx, m.start("n"), m.end(), total=2, parts=(1, 1), reported=m.group("n"), source=source,
                     detail={"unit": m.group("noun"), "rule": rule, "list": True, "weak": weak}, qs=m.start())


def _pair(m: re.Match) -> tuple[str, str]:
    """The two teams of a match found by :data:`_MATCH_RE`."""
    return m.group("a") or m.group("c"), m.group("b") or m.group("d")


def match_pair_claims(p: Paragraph, pidx: int, out: list) -> None:
    """``Diễn biến chính trận HAGL 1-1 Thanh Hóa`` … ``hai đội nhập cuộc thận trọng`` (rule
    ``match-pair``): a count of teams in a paragraph that names a match between two teams (a
    result or a fixture), the nearest one before or after it within a few sentences (anywhere in the
    paragraph when all it names is one match).
    ``consistent`` when the count is two; otherwise no claim (the count may be of other teams)."""
    text = p.text
    matches = [m for m in _MATCH_RE.finditer(text) if len(set(_pair(m))) == 2]
    if not matches:
        return
    pairs = {frozenset(_pair(x)) for x in matches}
    for m in _TEAMS_RE.finditer(text):
        if count_value(m.group("n")) != 2 or text[max(0, m.start() - 12):m.start()].lower().endswith("một trong "):
            continue
        near = min(matches, key=lambda x: abs(x.start() - m.start()))
        if len(pairs) > 1 and abs(near.start() - m.start()) > 600:
            continue  # (a report of one match: its two teams, wherever they are named)
        a, b = _pair(near)
        out.append(_two_of(p, pidx, m, f"the two teams of the match '{near.group(0)}' ({a}; {b})", "match-pair",
                           WEAK_PAIR))


# ------------------------------------------------------------------ the two parties a text is about
#: "2 nước", "hai bên", "cả 2 cường quốc": a count of two parties (countries, sides)
_PARTIES_RE = re.compile(r"(?<!\w)(?P<n>[Hh]ai|2) (?P<noun>nước|quốc gia|cường quốc|bên|phía|nền kinh tế)(?!\w)"
                         r"(?! (?:còn lại|khác|kia|láng giềng khác|đường|bờ|sông|cánh|cổng|lối|hông|tường|vai|tay|má)\b)")
#: two names joined by "và" ("Trung Quốc và Ấn Độ", "giữa Việt Nam và Mỹ")
_AND_PAIR_RE = re.compile(r"(?<![\w'’&-])(?P<c>" + _TEAM + r") và (?P<d>" + _TEAM + r")(?![\w'’&-])")
WEAK_PARTIES = "the two parties may not be the pair named in the text"


_NEXT_WORD_RE = re.compile(r" ([^\W\d_]+)")


def _mentions(text: str, name: str, seen: dict[str, int]) -> int:
    """How often ``name`` stands in ``text`` as a name of its own: 0 when every time it is followed
    by the same lower-case word ("Thủ" of "Thủ tướng": a capitalised common noun)."""
    if name not in seen:
        nexts, k, i = set(), 0, text.find(name)
        while i >= 0:
            k += 1
            w = _NEXT_WORD_RE.match(text, i + len(name))
            nexts.add(w.group(1) if w is not None and w.group(1).islower() else None)
            i = text.find(name, i + len(name))
        seen[name] = 0 if k >= 2 and len(nexts) == 1 and None not in nexts else k
    return seen[name]


def parties_pair_claims(p: Paragraph, pidx: int, out: list) -> None:
    """``Ngày 23/10, Trung Quốc và Ấn Độ đã ký một thỏa thuận … Trong lịch sử, 2 nước đã có …``
    (rule ``parties-pair``): a count of two countries or sides, and the pair of names joined by
    "và" nearest before it (else the first after it) whose two names each stand at least twice
    in the paragraph: the parties the text is about. ``consistent`` when the count is two;
    otherwise no claim."""
    text = p.text
    seen: dict[str, int] = {}
    pairs = [m for m in _AND_PAIR_RE.finditer(text)
             if m.group("c") != m.group("d") and min(_mentions(text, m.group("c"), seen), _mentions(text, m.group("d"), seen)) >= 2]
    if not pairs:
        return
    for m in _PARTIES_RE.finditer(text):
        if text[max(0, m.start() - 12):m.start()].lower().endswith("một trong "):
            continue
        # the pair the paragraph names most, the nearest before the count of those
        near = max((x for x in pairs if abs(x.start() - m.start()) <= 2000), default=None,
                   key=lambda x: (min(seen[x.group("c")], seen[x.group("d")]), x.end() <= m.start(),
                                  x.start() if x.end() <= m.start() else -x.start()))
        if near is None:
            continue
        out.append(_two_of(p, pidx, m, f"the pair '{near.group(0)}' the paragraph names ({near.group('c')}; "
                                       f"{near.group('d')})", "parties-pair", WEAK_PARTIES))
