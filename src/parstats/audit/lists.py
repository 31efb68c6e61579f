"""Counted lists and complete breakdowns: a stated count of named items, shares that make a whole.

Rules (each named in ``detail["rule"]``, written by :func:`parstats.audit.checks.basis`):

``counted-list``
    ``sáu tuyến cáp quang biển gồm AAG, IA, AAE-1, APG, ADC, SJC2``, ``2 mã IDJ và PV2``,
    ``5 tỉnh là: A, B, C, D, E``, ``3 bước: …, …, …``, ``2 lớp: lớp trong …, lớp ngoài …``: a
    count (digits, or a number word: ``hai`` … ``mười hai``) and its noun, then the items. The
    count is checked against the items (commas, ``và``, ``;``): ``consistent`` when they agree.
    When they do not, the claim is ``unverifiable`` (a list may name only some items, one name
    may stand for several), unless the list is unambiguous: a count in digits, the list opened
    by ``:``, ``gồm`` or ``là`` and closed by a full stop, a semicolon or the end of the
    paragraph, every item a short proper name; then it is ``inconsistent``.
``named-then-counted``
    ``Mỹ và Nga là 2 nước …``, ``ngô và đậu nành là hai cây trồng …``: the items, then ``là``
    and their count. Never flagged.
``numbered-list``
    ``Top 10 doanh nghiệp …: 1. … 2. … 10. …``: a count, a colon and items numbered 1, 2, …
    in the same paragraph; flagged only when the count is in digits and the numbering runs
    to the end of the paragraph without a gap.
``bulleted-list``
    ``… theo một trong hai phương án sau:`` followed by bullet lines: the count against the
    bullets of one marker right after it. Never flagged.
``breakdown-100``
    Bullet lines ``- Dầu mỏ: 31,2%`` … each with one percentage and nothing else, at least
    three, under a line ending with a colon: the parts of one whole, which add to 100 % within
    the rounding of the parts (half a unit of each part's last digit). Never flagged (a chart
    may leave out its smallest slice).

All rules read a paragraph (:class:`parstats.markdown.Paragraph`) once, left to right, with
regular expressions anchored at the few places a count can start: linear in its length.
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate
from decimal import Decimal

from parstats.markdown import Paragraph

#: Vietnamese number words that count a list ("năm" is also "year": never flagged)
NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14,
                "mười lăm": 15}

WEAK_LIST = "the list may name only some of the items, or one name may stand for several"
WEAK_CLAUSES = "the items are clauses, which commas may split or join"
WEAK_BACKWARD = "the items stand before the count: the clause may hold more than the list"
#: shares "of one whole" that add to more than this are each item's own rate, not its parts
FAR_ABOVE_100 = Decimal(110)
WEAK_BREAKDOWN = "a chart or list of shares may leave out a small part"

def _letter_class(test) -> str:
    """The Latin letters (Basic Latin to Latin Extended Additional) for which ``test`` holds."""
    chars = [chr(c) for r in ((0x41, 0x250), (0x1E00, 0x1F00)) for c in range(*r)]
    return "".join(re.escape(c) for c in chars if c.isalpha() and test(c))


_UP = "[" + _letter_class(str.isupper) + "]"
_LO = "[" + _letter_class(str.islower) + "]"
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
#: a count: digits (2–99) or a number word, then a space and a lower-case word (its noun)
#: the first letter of a number word in either case ("Hai", "hai"): a pattern that starts with a
#: character class is looked for quickly by the regular-expression engine
_WORDS_CASED = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(NUMBER_WORDS, key=len, reverse=True))
_COUNT_RE = re.compile(
    r"(?:(?P<d>[0-9]{1,2})|(?P<w>" + _WORDS_CASED + r"))(?= (?P<noun>" + _LO + r"+|[A-ZĐ]{2,5}\b))")
#: words before a number that make it an ordinal, a rank or an identifier, not a count
_NOT_COUNT_BEFORE = frozenset(
    "thứ hạng số vòng phút mùa lần tuổi khóa khoá kỳ kì lớp tầng điều khoản mục chương phần "
    "ngày tháng năm quý tuần giờ hiệp trang bảng hình ảnh".split())
#: nouns after a number word that make it something else than a count of items
_NOT_LIST_NOUNS = frozenset(
    "nay ngoái qua trước sau tới này đó kia học tài năm tháng ngày giờ phút giây tuổi lần điểm "
    "phần mươi trăm nghìn ngàn triệu tỷ tỉ lượt bàn trận km ha tấn kg người mét m "
    "bao gồm là và của trong trên với cho từ đến được đã sẽ".split())
#: a proper name: capitalised words (hyphens and dashes inside), a ticker or code (``PV2``,
#: ``AAE-1``), or a name in backticks; an optional parenthesis after it (``(CAHN)``)
_NAME = (r"(?:`[^`\n]{1,30}`|(?:" + _UP + r"[\w'’]*(?:-\w+)*|[0-9]+[A-Z]\w*)"
         r"(?:(?: ?[-–] ?| (?:(?!và |hoặc |cùng |với )" + _LO + r"+ ){0,2})(?:[0-9" + _UP[1:] + r"[\w'’]*(?:-\w+)*))*)"
         r"(?: \([^()]{1,40}\))?")
_NAME_RE = re.compile(_NAME)
#: up to two lower-case words before a name inside an item ("thủ môn Filip Nguyễn", "tỉnh X")
_ITEM = r"(?:" + _LO + r"+ ){0,2}" + _NAME
_NAMES_RE = re.compile(r"(?P<items>" + _ITEM + r"(?:(?:, | và |, và )" + _ITEM + r"|; " + _NAME + r")*)")
_SEP_RE = re.compile(r", và |, | và |; ")
#: what opens a list after its noun
_INTRO_RE = re.compile(r"(?: ?: ?| gồm có:? | gồm:? | bao gồm:? |,? là:? |, )")
_NOUN_RE = re.compile(r" (" + _LO + r"+|[A-ZĐ]{2,5})(?=[ :,]|$)")
_VAGUE_BEFORE_RE = re.compile(r"(?i)(?:như|chẳng hạn|điển hình|ví dụ|các|những|một số|trong số|hơn|gần|khoảng|trên|ít nhất|tới|đến|từ) $")
_MORE_AFTER_RE = re.compile(r"\.\.|…|,? v\.v|,? vv|,? \.\.\.| cùng | và các | và nhiều | và một số ")
#: a list that runs on after a full stop typed inside it ("… Nhiêu Châu. Nam Khang, Cửu Giang, …")
_NAME_LIST_AFTER_RE = re.compile(r"[.;] " + _NAME + r", ")
_LOWER_GAP_RE = re.compile(r"(?: ?" + _LO + r"+)*")
_SENT_END_RE = re.compile(r"[.!?](?= |$)|;")


def _claim(p: Paragraph, pidx: int, s: int, e: int, *, total: int, parts, reported: str,
           source: str, detail: dict, qs: int | None = None) -> dict:
    """A provisional sum claim of paragraph ``p`` (the dict the extractor builds)."""
    qs = s if qs is None else qs
    quote = p.text[qs:e].strip(" ,;:.")
    if len(quote) > 200:
        quote = quote[:199] + "…"
    return {"kind": "sum", "line": p.line_at(s), "quote": quote, "numerator": None,
            "denominator": total, "parts": tuple(parts), "reported": reported,
            "denominator_source": source, "target": None, "detail": detail, "_order": (pidx, s)}


def _count_value(m: re.Match) -> tuple[int, str, bool]:
    """(value, text as written, in digits) of a :data:`_COUNT_RE` match."""
    if m.group("d"):
        return int(m.group("d")), m.group("d"), True
    w = m.group("w")
    return NUMBER_WORDS[w.lower()], w, False


_PREV_WORD_RE = re.compile(r"(\w+)\W{0,2}$")
#: the same read backwards, anchored at the start (a search of the pattern above tries every start)
_PREV_WORD_REVERSED_RE = re.compile(r"\W{0,2}(\w+)")


def _prev_word(text: str, s: int) -> str:
    window = text[max(0, s - 20):s]
    if window.endswith("\n"):  # "$" also matches before a final line break
        m = _PREV_WORD_RE.search(window)
        return m.group(1).lower() if m else ""
    m = _PREV_WORD_REVERSED_RE.match(window[::-1])  # as _PREV_WORD_RE.search(window)
    return m.group(1)[::-1].lower() if m else ""


def _sentence_end(text: str, pos: int, limit: int = 400) -> int:
    """End of the sentence at ``pos``, looked for at most ``limit`` characters on (a paragraph of
    one endless sentence is read in windows: linear time)."""
    m = _SENT_END_RE.search(text, pos, pos + limit)
    return m.start() if m else min(len(text), pos + limit)


def _items(text: str) -> list[str]:
    return [i for i in _SEP_RE.split(text) if i.strip()]


def _forward(p: Paragraph, pidx: int, m: re.Match, out: list) -> None:
    """A count and its noun, then its items."""
    text = p.text
    n, written, digits = _count_value(m)
    if n < 2:
        return
    noun_m = _NOUN_RE.match(text, m.end() - 0)
    if noun_m is None:
        return
    noun = noun_m.group(1).strip()
    if noun.split()[0] in _NOT_LIST_NOUNS or (not digits and written.lower() == "năm" and noun.split()[0] in _NOT_LIST_NOUNS):
        return
    end_s = -1  # the end of the sentence, found when needed (_sentence_end)
    # the list starts right after the noun, after an intro word, or after "là" a little later
    pos = noun_m.end()
    intro = _INTRO_RE.match(text, pos)
    opened = None
    gap = ""
    nm = None  # the names at pos (after a space), when matched before
    if intro:
        opened = intro.group(0).strip(" ,") or ","
        pos = intro.end()
    elif not (nm := _NAMES_RE.match(text, pos + 1 if text[pos:pos + 1] == " " else pos)):
        # a few more words, then "là" or ":" within the sentence
        k = -1
        end_s = _sentence_end(text, m.end())
        for cue in (" là ", ": ", " gồm "):
            j = text.find(cue, pos, min(end_s, pos + 80))
            if j >= 0 and (k < 0 or j < k):
                k, opened = j, cue.strip()
        if k < 0 or "(" in text[pos:k] or ")" in text[pos:k]:
            return
        gap = text[pos:k]
        pos = k + len(opened) + (2 if opened != ":" else 1)
        pos = min(pos, len(text))
    if text[pos:pos + 1] == " ":
        pos += 1
    if opened == ":" and text[pos:pos + 3] == "1. ":
        _numbered(p, pidx, m, n, written, digits, noun, pos, out)
        return
    if nm is None:  # else matched at this pos above (no intro: pos is after the noun and a space)
        nm = _NAMES_RE.match(text, pos)
    source_head = f"the count '{written} {noun}'"
    items = _items(nm.group("items")) if nm else []
    if len(items) >= 2:
        after = text[nm.end():nm.end() + 12]
        if _MORE_AFTER_RE.match(text, nm.end()):
            return
        closed = (nm.end() >= len(text.rstrip()) or text[nm.end():nm.end() + 1] in ".;") and not \
            _NAME_LIST_AFTER_RE.match(text, nm.end())
        short = all(_NAME_RE.fullmatch(i.strip()) and len(i.split()) <= 5 for i in items)
        # flagged only for a list opened by ':' or 'gồm' within three words of the count's noun,
        # off by one or two items (a list far off its count names examples)
        strong = (digits and opened in (":", "gồm", "gồm:", "gồm có", "gồm có:", "bao gồm", "bao gồm:")
                  and len(gap.split()) <= 3 and abs(n - len(items)) <= 2
                  and closed and short and _prev_word(text, m.start()) != "top" and not _LOWER_GAP_RE.fullmatch(gap) is None and not _VAGUE_BEFORE_RE.search(text[max(0, m.start() - 15):m.start()]))
        detail = {"unit": noun, "rule": "counted-list", "list": True}
        if strong:
            detail["exhaustive"] = True
        else:
            detail["weak"] = WEAK_LIST
        out.append(_claim(p, pidx, m.start(), nm.end(), total=n, parts=(1,) * len(items), reported=written,
                          source=f"{source_head} before a list of {len(items)} names"
                                 f"{' opened by ' + repr(opened) if opened else ''}", detail=detail))
        return
    if opened == ":":
        # clauses after a colon: "3 bước: …, …, …", "2 lớp: lớp trong …, lớp ngoài …"
        if end_s < 0:
            end_s = _sentence_end(text, m.end())
        body = text[pos:end_s]
        if not body or _MORE_AFTER_RE.search(body) or len(body) > 400:
            return
        items = [c for c in re.split(r", (?:và |sau đó |rồi )?|; ", body) if c.strip()]
        if len(items) < 2 or len(items) != n:
            # clauses split by commas are too loose to say anything when they do not fit
            return
        out.append(_claim(p, pidx, m.start(), end_s, total=n, parts=(1,) * len(items), reported=written,
                          source=f"{source_head} before a colon and {len(items)} clauses",
                          detail={"unit": noun, "rule": "counted-list", "list": True, "weak": WEAK_CLAUSES}))


def _numbered(p: Paragraph, pidx: int, m: re.Match, n: int, written: str, digits: bool, noun: str,
              pos: int, out: list) -> None:
    """``N noun: 1. … 2. … N. …``: the items numbered one after the other."""
    text = p.text
    k, j = 1, pos
    while True:
        nxt = text.find(f" {k + 1}. ", j)
        if nxt < 0:
            break
        k += 1
        j = nxt + 1
    if k < 2:
        return
    # the numbering runs on to the end of the paragraph when no sentence ends after item k
    tail = text[j:]
    complete = not re.search(r"\. " + _UP + r"[^.]{0,60}[.:]\s*$", tail[4:]) and len(tail) < 300
    # never flagged: read on the crawl, its flags were items numbered on in later lines (off
    # until it reads them; make eval prints its checks)
    detail = {"unit": noun, "rule": "numbered-list", "list": True, "weak": WEAK_LIST}
    out.append(_claim(p, pidx, m.start(), min(len(text), pos + 60), total=n, parts=(1,) * k, reported=written,
                      source=f"the count '{written} {noun}' before items numbered 1 to {k}", detail=detail))


#: a count and its noun right after " là " (the items stand before it)
_COUNT_AFTER_LA_RE = re.compile(
    r"(?:(?P<d>[0-9]{1,2})|(?P<w>" + _WORDS_CASED + r")) (?P<noun>" + _LO + r"+(?: " + _LO + r"+)?)")
_LEAD_LOWER_RE = re.compile(r"^(?:" + _LO + r"+ ){1,4}(?=[`" + _UP[1:] + r")")


#: " là " before a count (a literal start: found quickly)
_LA_COUNT_RE = re.compile(r" là (?=[0-9]{1,2} |(?:" + _WORDS_CASED + r") )")
#: the same, from "là " (rarer than a space: found faster), the space before it checked from there;
#: a match starts one character after the space
_LA_PLACE_RE = re.compile(r"là (?<= là )(?=[0-9]{1,2} |(?:" + _WORDS_CASED + r") )")


def _clause_before(text: str, end: int) -> int:
    """Start of the clause that ends at ``end``: after the last ``, . ; :`` followed by a space or
    after ``(``, at most 120 characters back; -1 when there is none that near (and not the start)."""
    lo = max(0, end - 121)
    best = -1
    for ch in ",.;:(":
        k = text.rfind(ch, lo, end)
        if k >= 0 and (ch == "(" or text[k + 1:k + 2] == " "):
            best = max(best, k + (1 if ch == "(" else 2))
    if best < 0:
        return 0 if end <= 120 else -1
    return best


def _backward(p: Paragraph, pidx: int, la: int, out: list) -> None:
    """``Mỹ và Nga là 2 nước``, ``ngô và đậu nành là hai cây trồng`` (``la``: where " là " is)."""
    text = p.text
    m = _COUNT_AFTER_LA_RE.match(text, la + 4)
    if m is None:
        return
    cs = _clause_before(text, la)
    if cs < 0 or la - cs < 3:
        return
    clause = text[cs:la]
    if " và " not in clause or any(ch in clause for ch in ",.;:()") and not re.fullmatch(r"[^.;:()]*", clause):
        return
    n = int(m.group("d")) if m.group("d") else NUMBER_WORDS[m.group("w").lower()]
    written = m.group("d") or m.group("w")
    noun = m.group("noun")
    if n < 2 or noun.split()[0] in _NOT_LIST_NOUNS:
        return
    has_names = bool(re.search(_UP, clause))
    if has_names:
        clause = _LEAD_LOWER_RE.sub("", clause)
        if clause[:1].islower() and not clause.startswith("`"):
            return
    items = _items(clause)
    if any(len(i.split()) > (5 if has_names else 3) for i in items):
        return
    if has_names and not all(_NAME_RE.fullmatch(i.strip()) for i in items):
        return
    if len(items) != n:
        return  # the clause may hold more words than the list: say nothing
    out.append(_claim(p, pidx, m.start(), m.end(), total=n, parts=(1,) * len(items), reported=written,
                      qs=la - len(clause), source=f"{len(items)} items named before 'là {written} {noun}'",
                      detail={"unit": noun, "rule": "named-then-counted", "list": True, "weak": WEAK_BACKWARD}))


_BULLET_HEAD_RE = re.compile(
    r"(?:(?P<d>[0-9]{1,2})|(?P<w>(?i:" + _WORDS + r"))) (?P<noun>(?:" + _LO + r"+ ?){1,4}?)(?: sau| như sau| dưới đây)?:\s*$")
_PCT_LINE_RE = re.compile(r"^[-+*•–] ?[^\d%:]{1,60}: ?(?P<v>[0-9]{1,3}(?:,[0-9]{1,2})?) ?%\s*[.;]?(?: [0-9]{1,3})?$")


def _bullets(paras: list[Paragraph], out: list) -> None:
    """Counts before bullet lines, and bullet lines that are the shares of one whole."""
    n = len(paras)
    for i in [i for i, p in enumerate(paras) if p.text.endswith(":")]:
        p = paras[i]
        if p.kind != "body" or i + 1 >= n:
            continue
        # the bullet lines right after, of one marker (not the head's own)
        marker = paras[i + 1].text[:1] if paras[i + 1].bullet else None
        if marker is None or (p.bullet and p.text[:1] == marker):
            continue
        if marker.isdigit():
            _numbered_shares(paras, i, out)
            continue
        j = i + 1
        while j < n and paras[j].bullet and paras[j].text[:1] == marker and paras[j].kind == "body":
            j += 1
        bullets = paras[i + 1:j]
        m = _BULLET_HEAD_RE.search(p.text, max(0, len(p.text) - 80))
        if m and _prev_word(p.text, m.start()) not in _NOT_COUNT_BEFORE:
            cnt = int(m.group("d")) if m.group("d") else NUMBER_WORDS[m.group("w").lower()]
            written = m.group("d") or m.group("w")
            noun = m.group("noun").strip()
            if cnt >= 2 and noun.split()[0] not in _NOT_LIST_NOUNS and len(bullets) == cnt:
                out.append(_claim(p, i, m.start(), len(p.text), total=cnt, parts=(1,) * len(bullets),
                                  reported=written, source=f"the count '{written} {noun}' before {len(bullets)} bullet lines",
                                  detail={"unit": noun, "rule": "bulleted-list", "list": True, "weak": WEAK_LIST}))
        shares = [_PCT_LINE_RE.match(b.text) for b in bullets]
        if len(shares) >= 3 and all(shares) and len(bullets) == j - i - 1:
            values = [s.group("v") for s in shares]
            dec = max(len(v.partition(",")[2]) for v in values)
            scale = 10 ** dec
            units = [int(Decimal(v.replace(",", ".")) * scale) for v in values]
            slack = sum(Decimal(1).scaleb(-len(v.partition(",")[2])) / 2 for v in values) * scale
            first = bullets[0]
            out.append({"kind": "sum", "line": first.line_at(0), "quote": first.text[:80],
                        "numerator": None, "denominator": 100 * scale, "parts": tuple(units), "reported": None,
                        "denominator_source": (f"{len(values)} bullet lines of one percentage each under "
                                               f"'{p.text[-40:]}': the shares of one whole (" + " + ".join(v + "%" for v in values) + ")"),
                        "target": None,
                        "detail": {"rule": "breakdown-100", "unit": "%", "scale": scale, "slack": int(slack),
                                   "weak": WEAK_BREAKDOWN, "breakdown": True},
                        "_order": (i + 1, 0)})


_NUMBERED_SHARE_RE = re.compile(r"^(?P<k>[0-9]{1,2})[.)] (?P<v>[0-9]{1,3}(?:,[0-9]{1,2})?) ?% ")
_SUB_ITEM_RE = re.compile(r"^(?:[a-zđ]\)|[-+*•–] )")


def _shares_claim(first: Paragraph, pidx: int, values: list[str], source: str, rule: str, *,
                  weak: str | None = WEAK_BREAKDOWN, reported: str | None = None, pos: int = 0,
                  end: int | None = None) -> dict:
    """A sum claim: percentages that add to 100 % within the rounding of the parts."""
    dec = max(len(v.partition(",")[2]) for v in values)
    scale = 10 ** dec
    units = [int(Decimal(v.replace(",", ".")) * scale) for v in values]
    slack = sum(Decimal(1).scaleb(-len(v.partition(",")[2])) / 2 for v in values) * scale
    detail = {"rule": rule, "unit": "%", "scale": scale, "slack": int(slack), "breakdown": True}
    if weak:
        detail["weak"] = weak
    else:
        detail["exhaustive"] = True
    return {"kind": "sum", "line": first.line_at(pos), "quote": first.text[pos:end if end is not None else pos + 80], "numerator": None,
            "denominator": 100 * scale, "parts": tuple(units), "reported": reported,
            "denominator_source": source + " (" + " + ".join(v + "%" for v in values) + ")",
            "target": None, "detail": detail, "_order": (pidx, pos)}


def _numbered_shares(paras: list[Paragraph], i: int, out: list) -> None:
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
        out.append(_shares_claim(paras[first], first, values,
                                 f"{len(values)} numbered items under '{paras[i].text[-40:]}', each a share",
                                 "breakdown-100", pos=0))


_PCT = r"[0-9]{1,3}(?:,[0-9]{1,2})?"
#: words that say the items after them are the parts of one whole
_PARTS_CUE = r"(?:ở dạng|gồm có|bao gồm|gồm|chia thành|phân thành|cơ cấu(?: [^\W\d_]+){0,4} là|phân bổ cho)"
_PART_ITEM = r"[^\W\d_]+(?: [^\W\d_]+){0,5} \((?:chiếm )?" + _PCT + r" ?%\)"
_INLINE_PARTS_RE = re.compile(
    r"(?i)" + _PARTS_CUE + r":? (?P<items>" + _PART_ITEM + r"(?:(?:, | và |, và |; )" + _PART_ITEM + r")+)")
_ITEM_PCT_RE = re.compile(r"\((?:chiếm )?(" + _PCT + r") ?%\)")
_REMAINDER_RE = re.compile(r"(?<![\w,.])(?P<v>" + _PCT + r") ?% còn lại")
_ANY_PCT_RE = re.compile(r"(?<![\w,.])(" + _PCT + r") ?%")
_NOT_SHARE_BEFORE_RE = re.compile(r"(?i)(?:tăng|giảm|đạt|bằng|hơn|gấp|lên|xuống|khoảng|gần|trên|dưới|từ|đến)(?: [^\W\d_]+)? $")


def _inline_parts(p: Paragraph, pidx: int, out: list) -> None:
    """``tồn tại ở dạng nguyên vật liệu (55,6%) và thành phẩm (50,5%)``: items after a cue that
    makes them the parts of one whole (``ở dạng``, ``gồm``, ``chia thành``, ``cơ cấu … là``),
    each with its share in parentheses. Shares of one whole cannot add to more than 100 %: above
    100 % beyond the rounding of the parts is ``inconsistent``; about 100 % is ``consistent``; below,
    the list may name only some parts (no claim)."""
    for m in _INLINE_PARTS_RE.finditer(p.text):
        values = _ITEM_PCT_RE.findall(m.group("items"))
        total = sum(Decimal(v.replace(",", ".")) for v in values)
        slack = sum(Decimal(1).scaleb(-len(v.partition(",")[2])) / 2 for v in values)
        if total < 100 - slack or total > FAR_ABOVE_100:
            # far above 100 %: each item's own rate ("Ai Cập (10%), Jordan (12%) …"), not parts
            continue
        over = total > 100 + slack
        out.append(_shares_claim(p, pidx, values, f"shares in parentheses of the items after "
                                 f"'{m.group(0).split(' ')[0]} …', the parts of one whole", "parts-of-one-whole",
                                 weak=None, reported=(values[-1] + "%") if over else None,
                                 pos=m.start("items"), end=m.end()))


def _remainder(p: Paragraph, pidx: int, out: list) -> None:
    """``… chiếm 49%. … 36%, … 7%, … 4%. Hoa hồng … chiếm 4% còn lại``: a share said to be the
    rest closes a breakdown; the shares before it that add to 100 % with it are its parts
    (``consistent``); when no run of them does, nothing is said."""
    text = p.text
    for m in _REMAINDER_RE.finditer(text):
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
            out.append(_shares_claim(p, pidx, found, "a share said to be the rest ('còn lại') and the shares "
                                     "before it, which add to 100% with it", "remainder-share",
                                     reported=m.group("v") + "%", pos=m.start()))


#: one or two digits then a space and a letter (a count and its noun); "123 …" is looked at
#: from its "23", which the check of the character before drops
#: what must follow a count's noun within its sentence for a list to follow: a colon, "gồm",
#: "là", or a capitalised word or a name in backticks (checked inside the pattern, in C)
_LIST_AHEAD = r"(?= [^\W\d_][^.;!?\n]{0,90}?(?::|gồm|là |[ ,(][`" + _UP[1:] + r"))"
_DIGITS_RE = re.compile(r"[0-9](?<![0-9.,/][0-9])[0-9]?" + _LIST_AHEAD)
#: a number word after a space (a literal start: found quickly), then a space and a letter
_WORD_AFTER_SPACE_RE = re.compile(
    r" (?=[hbnstcmHBNSTCM])(?:[Hh]ai|[Bb](?:a|ốn|ảy)|[Nn]ăm|[Ss]áu|[Tt]ám|[Cc]hín|[Mm]ười)(?= )" + _LIST_AHEAD)
#: the same places, found faster: one search per number word, each starting with a literal
#: that is rare in Vietnamese text (the word's marked vowel, "ai " or "a "), which the engine
#: looks for with a plain loop, the space and first letter before it checked from there (a
#: search that starts with a space stops at every word). ``(pattern, how far before the match
#: the word starts)``; the union of their matches is the matches of ``_WORD_AFTER_SPACE_RE``
#: (which cannot overlap: each starts at a space and ends before the next one)
_LIST_AHEAD_AFTER_SPACE = _LIST_AHEAD.replace("(?= ", "(?=", 1)
_WORD_PLACE_RES = tuple((re.compile(pat), back) for pat, back in (
    (r"ă(?<= [Nn]ă)m(?= )" + _LIST_AHEAD, 1),
    (r"ố(?<= [Bb]ố)n(?= )" + _LIST_AHEAD, 1),
    (r"ả(?<= [Bb]ả)y(?= )" + _LIST_AHEAD, 1),
    (r"á(?<= [SsTt]á)(?:(?<=[Ss]á)u|(?<=[Tt]á)m)(?= )" + _LIST_AHEAD, 1),
    (r"í(?<= [Cc]hí)n(?= )" + _LIST_AHEAD, 2),
    (r"ười(?<= [Mm]ười)(?= )" + _LIST_AHEAD, 1),
    (r"ai (?<= [Hh]ai )" + _LIST_AHEAD_AFTER_SPACE, 1),
    (r"a (?<= [Bb]a )" + _LIST_AHEAD_AFTER_SPACE, 1),
))
_WORD_FORMS = tuple(f for w in NUMBER_WORDS if " " not in w for f in (w + " ", w[0].upper() + w[1:] + " "))
#: a paragraph (after the first) that starts with one of :data:`_WORD_FORMS`, in the texts joined
_WORD_FIRST_RE = re.compile("\n(?:" + "|".join(re.escape(f) for f in _WORD_FORMS) + ")")
_PARTS_CUE_WORDS = ("gồm", "Gồm", "dạng", "chia thành", "phân thành", "cơ cấu", "Cơ cấu", "phân bổ")


def _places(paras: list[Paragraph], contexts=None) -> tuple[dict[int, list[int]], dict[int, list[int]], set[int]]:
    """Where each rule may apply, per paragraph, found on the paragraphs joined (one search
    each, by patterns that start with a literal or a character class, which the engine finds
    quickly): ``(counts, là-before-a-count, paragraphs with a percentage)``. A count is one or two
    digits or a number word, then a space and a letter. The places of each paragraph are in
    increasing order."""
    texts = [p.text for p in paras]
    joined = "\n".join(texts)
    offsets = list(accumulate([len(t) + 1 for t in texts[:-1]], initial=0)) if texts else []

    def add_joined(out: dict[int, list[int]], hits) -> dict[int, list[int]]:
        """Add offsets in ``joined`` to ``out`` as (paragraph, offset in its text)."""
        for h in hits:
            i = bisect.bisect_right(offsets, h) - 1
            out.setdefault(i, []).append(h - offsets[i])
        return out

    counts: dict[int, list[int]] = {}
    if contexts is None:
        add_joined(counts, (m.start() for m in _DIGITS_RE.finditer(joined)))
    else:  # the counts the tokenizer found (parstats.audit.tokens): no second scan
        for c in contexts:
            if c.toks:
                got = [t.s for t in c.toks if t.role == "count" and t.a < 100]
                if got:
                    counts.setdefault(c.pidx, []).extend(got)
        # table rows are read cell by cell there: their counts are searched here, on the rows
        # joined (the pattern reads no line break: as on each row alone)
        rows = [i for i, p in enumerate(paras) if p.kind == "table"]
        if rows:
            row_texts = [texts[i] for i in rows]
            row_offsets = list(accumulate([len(t) + 1 for t in row_texts[:-1]], initial=0))
            for m in _DIGITS_RE.finditer("\n".join(row_texts)):
                h = m.start()
                k = bisect.bisect_right(row_offsets, h) - 1
                counts.setdefault(rows[k], []).append(h - row_offsets[k])
    # as add_joined(counts, (m.start() + 1 for m in _WORD_AFTER_SPACE_RE.finditer(joined)))
    add_joined(counts, sorted(m.start() - back for pat, back in _WORD_PLACE_RES for m in pat.finditer(joined)))
    # a paragraph's first word: as [i for i, t in enumerate(texts) if t.startswith(_WORD_FORMS)]
    firsts = [0] if texts and texts[0].startswith(_WORD_FORMS) else []
    firsts += [bisect.bisect_right(offsets, m.start() + 1) - 1 for m in _WORD_FIRST_RE.finditer(joined)]
    for i in firsts:
        counts.setdefault(i, []).append(0)
    for v in counts.values():
        v.sort()
    la = add_joined({}, (m.start() - 1 for m in _LA_PLACE_RE.finditer(joined)))  # as _LA_COUNT_RE
    pct = {i for i, t in enumerate(texts) if "%" in t}
    return counts, la, pct


#: what makes the counts after a total its parts: "58 đơn vị, gồm …", "400 cầu thủ, trong đó …"
_PARTS_AFTER_TOTAL_RE = re.compile(
    r"(?: [^\W\d_]+){1,4}?,? ?\(?(?:gồm có|bao gồm|gồm|trong đó|chia ra|chia thành|cụ thể|:)")


def _parts_of_total(p: Paragraph, pidx: int, ctx, out: list) -> None:
    """``tổng số 36 chiếc, gồm 20 chiếc A, 12 chiếc B và 4 chiếc C``: counts of the total's noun
    after a cue that makes them its parts, in the same sentence. Reported ``consistent`` when they
    add up to it; when they do not, nothing is said (the list may be partial, or count subsets)."""
    text = p.text
    toks = [t for t in ctx.toks if t.role == "count" and t.unit and not t.approx]
    for i, t in enumerate(toks):
        m = _PARTS_AFTER_TOTAL_RE.match(text, t.e)
        if m is None or not text.startswith(" " + t.unit, t.e):
            continue
        end = _sentence_end(text, m.end())
        noun = t.unit.split()[0]
        parts = []
        for u in toks[i + 1:i + 40]:  # the counts of its sentence, at most 40 (linear in the paragraph)
            if u.s >= end:
                break
            if u.unit and u.unit.split()[0] == noun:
                parts.append(u)
        if len(parts) < 2 or sum(u.a for u in parts) != t.a or any(u.a >= t.a for u in parts):
            continue
        out.append(_claim(p, pidx, t.s, parts[-1].e + len(parts[-1].unit or "") + 1, total=t.a,
                          parts=tuple(u.a for u in parts), reported=t.text,
                          source=f"the total '{t.text} {t.unit}' and the counts of '{noun}' after "
                                 f"'{m.group(0).strip(' ,(')}' in its sentence",
                          detail={"unit": noun, "rule": "parts-of-total", "weak": WEAK_LIST}))


def list_claims(paras: list[Paragraph], contexts=None) -> list[dict]:
    """The counted-list and breakdown claims of a text's paragraphs (provisional claim dicts,
    at most one per place ``_order``; the extractor keeps another rule's claim at the same place,
    such as ``list-of-names`` of :mod:`parstats.audit.ties`). ``contexts``: the paragraphs'
    :class:`parstats.audit.tokens.ParagraphContext` objects, whose count tokens are the places of
    counts in digits (else they are searched here)."""
    out: list = []
    starts, las, pcts = _places(paras, contexts)
    for pidx in sorted(set(starts) | set(las) | pcts):
        p = paras[pidx]
        if p.kind not in ("body", "footnote", "table"):
            continue
        text = p.text
        for s in starts.get(pidx, ()):
            if s and (text[s - 1].isalnum() or text[s - 1] in "/.,%-_"):
                continue  # inside a longer number or word
            m = _COUNT_RE.match(text, s)
            if m is None or m.group("noun") in _NOT_LIST_NOUNS or _prev_word(text, s) in _NOT_COUNT_BEFORE:
                continue
            _forward(p, pidx, m, out)
        if pidx in pcts:
            if "(" in text and any(cue in text for cue in _PARTS_CUE_WORDS):
                _inline_parts(p, pidx, out)
            if "còn lại" in text:
                _remainder(p, pidx, out)
        for la in las.get(pidx, ()):
            _backward(p, pidx, la, out)
    for ctx in contexts or ():
        if len(ctx.toks) >= 3:
            _parts_of_total(paras[ctx.pidx], ctx.pidx, ctx, out)
    _bullets(paras, out)
    seen: set = set()
    uniq = []
    for c in sorted(out, key=lambda c: c["_order"]):
        if c["_order"] not in seen:
            seen.add(c["_order"])
            uniq.append(c)
    return uniq
