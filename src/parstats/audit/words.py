"""The Vietnamese words the extractor reads: cues, nouns and patterns, in one place.

Each set or pattern says what a word before or after a number means to the audit: a unit that
is a duration (``6 tháng``), a word that makes a number an identifier (``Điều 5``), a cue that
introduces a share (``đạt``, ``chiếm``, ``tỷ lệ``), a complete breakdown (``gồm``, ``còn lại``),
an approximation (``khoảng``), a vote (``biểu quyết``, ``tán thành``) … The helpers that write
such patterns are here too: a class of letters (:func:`letter_class`, :func:`bmp_lower_class`)
and a set of words as one alternative (:func:`word_tree`).
"""
from __future__ import annotations

import re

from parstats.numbers import INTEGER_PATTERN, NUMBER_PATTERN


#: Vietnamese number words of counts ("năm" is also "year", "tư" also "fourth": each rule says
#: which it reads)
COUNT_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
               "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14,
               "mười lăm": 15}


def letter_class(test) -> str:
    """The Latin letters (Basic Latin to Latin Extended Additional) for which ``test`` holds, for
    a regular-expression class (``"[" + letter_class(str.isupper) + "]"``)."""
    chars = [chr(c) for r in ((0x41, 0x250), (0x1E00, 0x1F00)) for c in range(*r)]
    return "".join(re.escape(c) for c in chars if c.isalpha() and test(c))


def bmp_lower_class() -> str:
    """A character class (without brackets) of the characters of the Basic Multilingual Plane
    for which ``str.islower`` holds, as ranges (every script: :data:`LOWER` holds the Latin
    letters only)."""
    out: list[str] = []
    start = None
    for cp in range(0x10001):
        low = cp < 0x10000 and chr(cp).islower()
        if low and start is None:
            start = cp
        elif not low and start is not None:
            a, b = re.escape(chr(start)), re.escape(chr(cp - 1))
            out.append(a if start == cp - 1 else f"{a}-{b}")
            start = None
    return "".join(out)


def word_tree(words) -> str:
    """A regex source matching exactly the words of ``words``, each as a whole word (not followed
    by a letter), as a tree of alternatives by their letters (quick to rule out: one branch per
    first letter).

    Examples
    --------
    >>> tree = re.compile(word_tree({"ba", "bốn"}))
    >>> [bool(tree.match(w)) for w in ("ba người", "bốn", "bao", "hai")]
    [True, True, False, False]
    """
    groups: dict[str, list[str]] = {}
    alts = []
    for w in sorted(set(words)):
        if w:
            groups.setdefault(w[0], []).append(w[1:])
        else:
            alts.append(r"(?![^\W\d_])")
    alts += [re.escape(c) + word_tree(rest) for c, rest in groups.items()]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


#: the number words of counts but "một" and "tư" (a count of one, an ordinal), as alternatives of a
#: pattern whose first letter is either case ("[Hh]ai|[Bb]a|…"), the longest first
COUNT_WORDS_CASED = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(
    (w for w in COUNT_WORDS if w not in ("một", "tư")), key=len, reverse=True))


def count_value(text: str) -> int | None:
    """A count as written, in digits or in words (``"07"`` → 7, ``"ba"`` → 3, ``"Hai"`` → 2);
    ``None`` for another word."""
    return int(text) if text.isdigit() else COUNT_WORDS.get(text.lower())


#: an upper-case and a lower-case letter, as regular-expression classes
UPPER = "[" + letter_class(str.isupper) + "]"
LOWER = "[" + letter_class(str.islower) + "]"

INT = INTEGER_PATTERN  # a whole number as written: "1.752", "07"

NUM = NUMBER_PATTERN  # a number as written: "84,11", "1.752"

#: "trong đó" in any case, as a whole word: the first letter as a class, the word start checked
#: behind it (as ``(?i)\btrong đó\b``, found quickly: the engine looks for the class)
TRONG_DO_RE = re.compile(r"[Tt](?<!\w[Tt])(?i:rong đó)\b")

#: words after a number that are not the noun of a count
NOT_UNIT = frozenset(
    "và hoặc đến tới so là của trong tại với trên dưới thì mà nên được đã có cho theo về từ "
    "này đó các những như khi đạt chiếm bằng tương trăm lần".split()
)  # ("tương ứng" is kept out by "tương": "ứng" after a number is "3 ứng viên", "3 ứng cử viên")
#: two words after a number that make it no count: "50 phần trăm" (a percentage; "2 phần" is a
#: count of parts)
NOT_UNIT_PAIRS = frozenset({"phần trăm"})

#: time units: "6 tháng", "30 ngày" are durations, not counts of things
TIME_UNITS = frozenset("năm tháng ngày giờ phút giây tuần quý kỳ buổi thế tuổi".split())

#: words before a number that make it an identifier, not a count
NOT_COUNT_PREV = frozenset(
    "điều khoản điểm mục chương phần lục thứ hạng khóa khoá kỳ quý tháng năm ngày giai đoạn "
    "độ tuyến trang tờ bảng biểu mẫu hình phụ tập lộ quốc iso tcvn covid phiên bản version "
    "cột dòng hàng stt khu phường tổ thôn ấp xóm đội".split()
)

YEAR_PREV = frozenset("năm giai đoạn kỳ khóa khoá niên từ đến trước sau cuối đầu tháng quý".split())

DATE_PREV = frozenset("ngày từ đến tới trước sau hạn vào hôm sáng chiều tối đêm".split())

RANK_PREV = frozenset("thứ hạng".split())

RANK_PREV2 = ("vị trí",)

TARGET_BEFORE_RE = re.compile(
    r"(?P<w>tối thiểu|ít nhất|phấn đấu(?: đạt)?(?: có)?|không dưới|không thấp hơn|đạt từ|tối đa|"
    r"không quá|không vượt quá|trên|dưới|hơn|khoảng|gần|xấp xỉ|gần như|giảm|tăng|thêm)"
    r"(?: (?:đến|tới) năm [0-9]{4},?)? ?$"
)

AT_LEAST_WORDS = ("tối thiểu", "ít nhất", "phấn đấu", "không dưới", "không thấp hơn", "đạt từ")

AT_MOST_WORDS = ("tối đa", "không quá", "không vượt quá")

PCT_REF_AFTER_RE = re.compile(
    r" ?(?:so\b|kế hoạch|KH\b|dự toán|chỉ tiêu|cùng kỳ|mục tiêu|nghị quyết|NQ\b|nhiệm vụ)", re.I
)

SHARE_CUE_RE = re.compile(
    r"(?:đạt|chiếm|bằng|tương ứng|tương đương|tỷ lệ|tỉ lệ|với tỷ lệ|đạt tỷ lệ|chiếm tỷ lệ)(?: là)?(?: đến| tới)?[ :]{0,2}$"
)

EXHAUSTIVE_RE = re.compile(r"\b(?:gồm|bao gồm|còn lại|chia ra|cụ thể là|cụ thể:)", re.I)

EXHAUSTIVE_AT_RE = re.compile(f"(?=({EXHAUSTIVE_RE.pattern}))", re.I)  # every match, overlaps too

TOTAL_WORD_RE = re.compile(r"(?i)tổng (?:số|cộng)")

CHANGE_PREV = frozenset(("giảm", "tăng"))

ON_TOTAL_RE = re.compile(r"(?i)(?:trên (?:tổng số|tổng cộng|tổng)|trong tổng số) (?:[^\W\d_]+ ){0,6}?(" + INT + r")(?![0-9])")

MONEY_UNITS = frozenset("tỷ tỉ triệu nghìn ngàn đồng usd đô".split())

#: "so với (năm) 2021": a change and, when given, the year or period it is compared with
SINCE_RE = re.compile(r"so với(?: (?:năm |giai đoạn |cùng kỳ(?: năm)? )?([0-9]{4}(?: ?- ?[0-9]{4})?)?)?")

#: words before a number that make it approximate ("khoảng 7.700 tấn"): not exact enough to check
APPROX_PREV = frozenset("khoảng gần hơn trên dưới xấp xỉ ước chừng độ".split())

#: nouns of people: a count of "người" and a total of "công chức" count the same kind of thing
PERSON_NOUNS = frozenset((
    "người", "cán bộ", "công chức", "viên chức", "đảng viên", "đại biểu", "học sinh", "giáo viên",
    "sinh viên", "lao động", "hội viên", "đoàn viên", "thí sinh", "ủy viên", "uỷ viên", "cử tri",
    "nhân viên", "bác sĩ", "công nhân", "chiến sĩ", "nhân khẩu", "thành viên"))

#: (as ``(?i)biểu quyết|tán thành|bỏ phiếu|phiếu bầu|số phiếu|\bphiếu\b|đồng ý|nhất trí``, the first
#: letter a character class, "ſ" the one other letter that "s" matches ignoring case: a pattern
#: that starts with a class is looked for quickly, one under the ignore-case flag is tried at
#: every position)
VOTE_RE = re.compile(r"[BbTtPpSsſĐđNn](?i:(?<=[Bb])iểu quyết|(?<=[Tt])án thành|(?<=[Bb])ỏ phiếu|(?<=[Pp])hiếu bầu"
                     r"|(?<=[Ssſ])ố phiếu|(?<=[Pp])(?<!\w[Pp])hiếu\b|(?<=[Đđ])ồng ý|(?<=[Nn])hất trí)")


#: an item after the last number of a list: "…; một quốc gia châu Phi", "và một vị trí …"
MORE_ITEMS_RE = re.compile(
    r"; *(?:và |cùng |cùng với )?[^\W\d_]|,? cùng với [^\W\d_]"
    r"|(?:,| và) (?:một|hai|ba|bốn|sáu|bảy|tám|chín|mười) [^\W\d_]"
)

TOTAL_ROW_RE = re.compile(
    r"(?i)^\s*(?:tổng cộng|tổng số|tổng|cộng|toàn (?:tỉnh|huyện|thành phố|quốc|xã|ngành))\s*:?\s*$")

TOTAL_ROW_START_RE = re.compile(r"(?i)\s*\|?\s*(?:tổng|cộng|toàn)")

#: a sentence's end: a full stop, "!" or "?" before a space or the end, or a semicolon (as
#: ``[.!?](?= |$)|;``, written to start with a character class: found quickly; alternatives that
#: start with a class and a literal are tried at every position)
SENTENCE_END_RE = re.compile(r"[.!?;](?:(?<=;)|(?= |$))")


def sentence_end(text: str, pos: int, limit: int = 400) -> int:
    """End of the sentence at ``pos``, looked for at most ``limit`` characters on (a paragraph of
    one endless sentence is read in windows: linear time)."""
    m = SENTENCE_END_RE.search(text, pos, pos + limit)
    return m.start() if m else min(len(text), pos + limit)



def list_run(pattern: re.Pattern, text: str, pos: int, most: int, keep=None) -> list[re.Match]:
    """The items of a list read one after another from ``pos`` by ``pattern``, each with a group
    ``sep`` that is empty for the last one: at most ``most`` of them, up to the first that does
    not match or that ``keep`` (a test of the match) refuses.

    >>> [m.group(1) for m in list_run(re.compile(r"([0-9]+) xã(?P<sep>, | và |)"), "3 xã, 4 xã và 5 xã.", 0, 8)]
    ['3', '4', '5']
    """
    items: list[re.Match] = []
    while len(items) < most:
        m = pattern.match(text, pos)
        if m is None or (keep is not None and not keep(m)):
            break
        items.append(m)
        pos = m.end()
        if not m.group("sep"):
            break
    return items
