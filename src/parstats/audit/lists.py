"""Counted lists: a stated count of named items, and the parts of a stated total.

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
Shares that make a whole (``breakdown-100`` and the other breakdowns) are
:mod:`parstats.audit.breakdowns`, which :func:`list_claims` runs too.

All rules read a paragraph (:class:`parstats.markdown.Paragraph`) once, left to right, with
regular expressions anchored at the few places a count can start: linear in its length.
"""
from __future__ import annotations

import bisect
import re

from parstats.audit.breakdowns import (PARTS_CUE_WORDS, bullet_shares, inline_parts, item_shares, marker_depth, marker_kind,
                                        numbered_share_runs,
                                        same_phrase_shares,
                                        remainder, sentence_shares)
from parstats.audit.labelled import labelled_claims
from parstats.audit.model import sum_claim
from parstats.audit.totals import WEAK_PARTS, parts_of_total_claims, word_parts_claims
from parstats.audit.namecounts import (all_of_names_claims, anaphor_count_claims, count_after_names_claims,
                                        names_count_claims, numbered_times_claims, rank_after_names_claims)
from parstats.audit.records import score_claims
from parstats.audit.words import COUNT_WORDS, LOWER, SENTENCE_END_RE, UPPER, sentence_end
from parstats.markdown import Paragraph, joined_texts

#: Vietnamese number words that count a list ("năm" is also "year": never flagged; "một" counts
#: no list, "tư" is an ordinal here)
NUMBER_WORDS = {w: n for w, n in COUNT_WORDS.items() if w not in ("một", "tư")}

WEAK_LIST = WEAK_PARTS  # the same doubt as parts listed under a total
WEAK_CLAUSES = "the items are clauses, which commas may split or join"
WEAK_BACKWARD = "the items stand before the count: the clause may hold more than the list"

_UP = UPPER
_LO = LOWER
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
#: nouns of counts that are a list only when the items named are exactly as many (never flagged)
WEAK_LIST_NOUNS = frozenset("người trận bàn lần".split())
_NOT_LIST_NOUNS = frozenset(
    "nay ngoái qua trước sau tới này đó kia học tài năm tháng ngày giờ phút giây tuổi lần điểm "
    "phần mươi trăm nghìn ngàn triệu tỷ tỉ lượt bàn trận km ha tấn kg người mét m "
    "bao gồm là và của trong trên với cho từ đến được đã sẽ".split())
#: a proper name: capitalised words (hyphens and dashes inside), a ticker or code (``PV2``,
#: ``AAE-1``), or a name in backticks; an optional parenthesis after it (``(CAHN)``)
_NAME = (r"(?:`[^`\n]{1,30}`|(?:" + _UP + r"[\w'’]*(?:[-.]\w+)*|[0-9]+[A-Z]\w*)"
         r"(?:(?: ?[-–] ?| (?:(?!và |hoặc |cùng |với )" + _LO + r"+ ){0,2})(?:[0-9" + _UP[1:] + r"[\w'’]*(?:[-.]\w+)*))*)"
         r"(?: \([^()]{1,40}\))?")
_NAME_RE = re.compile(_NAME)
#: up to two lower-case words before a name inside an item ("thủ môn Filip Nguyễn", "tỉnh X")
_ITEM = r"(?:" + _LO + r"+ ){0,3}" + _NAME
_ITEM_RE = re.compile(_ITEM)
#: a name after its kind of place ("thành phố Hải Phòng"), not after other words ("một phần ấp X")
_KIND_PREFIX_RE = re.compile(r"(thành phố|thị xã|thị trấn|tỉnh|huyện|quận|phường|xã|ấp|thôn|bản|làng) (?=" + _UP + r")")
_KIND_ITEM_RE = re.compile(r"(?:thành phố|thị xã|thị trấn|tỉnh|huyện|quận|phường|xã|ấp|thôn|bản|làng) " + _NAME)
_NAMES_RE = re.compile(r"(?P<items>" + _ITEM + r"(?:(?:, | và |, và )" + _ITEM + r"|; " + _NAME + r")*)")
_SEP_RE = re.compile(r", và |, | và |; ")
#: what opens a list after its noun
_INTRO_RE = re.compile(r"(?: ?: ?| gồm có:? | gồm:? | bao gồm:? |,? là:? |, )")
_NOUN_RE = re.compile(r" (" + _LO + r"+|[A-ZĐ]{2,5})(?=[ :,]|$)")
_VAGUE_BEFORE_RE = re.compile(r"(?i)(?:như|chẳng hạn|điển hình|ví dụ|các|những|một số|trong số|hơn|gần|khoảng|trên|ít nhất|tới|đến|từ) $")
_MORE_AFTER_RE = re.compile(r"\.\.|…|,? v\.v|,? vv|,? \.\.\.| cùng | và các | và nhiều | và một số ")
#: a list that runs on after a full stop typed inside it ("… Nhiêu Châu. Nam Khang, Cửu Giang, …")
_NAME_LIST_AFTER_RE = re.compile(r"[.;] " + _NAME + r", ")
_LOWER_GAP_RE = re.compile(r"(?: ?" + _LO + r"+(?: " + _LO + r"+)*)?")  # no nested quantifier: linear
_SENT_END_RE = SENTENCE_END_RE


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


#: a list of amounts of one unit ("200.000 đồng, 300.000 đồng và 600.000 đồng", "5%, 10% hoặc 15%")
_AMOUNT = r"[0-9][0-9.,]*(?: (?:triệu|tỷ|tỉ|nghìn|ngàn))?(?: ?%| " + LOWER + r"+)"
_AMOUNTS_RE = re.compile(_AMOUNT + r"(?:, " + _AMOUNT + r")*,? (?:và|hoặc) " + _AMOUNT + r"(?![\w.,][0-9])")
_AMOUNT_SEP_RE = re.compile(r",? (?:và|hoặc) |, ")
_AMOUNT_UNIT_RE = re.compile(r"(%|[^\W\d]+)(?:,|$| và| hoặc)")

_SEP_KEEP_RE = re.compile(r"(, và |, | và |; )")


def _items(text: str) -> list[str]:
    """The items of a list as :data:`_NAMES_RE` matched it. The item joined by "và" is the last:
    what a comma adds after it in lower case is the sentence going on ("… Quang Lang và Tư Thuận,
    cho họ Cầm nối đời …"), not an item."""
    parts = _SEP_KEEP_RE.split(text)
    items, last = [parts[0]], False
    for sep, item in zip(parts[1::2], parts[2::2]):
        if last and sep == ", " and item[:1].islower():
            break
        last = last or "và" in sep
        items.append(item)
    return [i for i in items if i.strip()]


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
    if (noun.split()[0] in _NOT_LIST_NOUNS and noun.split()[0] not in WEAK_LIST_NOUNS) or (
            not digits and written.lower() == "năm" and noun.split()[0] in _NOT_LIST_NOUNS):
        return
    # "3 trận gặp Lào, Malaysia và Myanmar", "2 bàn của Tiến Linh và Quang Hải", "hai người là A
    # và B": a count of matches, goals, times or people is a list only when the items are as many
    only_if_equal = noun.split()[0] in WEAK_LIST_NOUNS
    end_s = -1  # the end of the sentence, found when needed (sentence_end)
    # the list starts right after the noun, after an intro word, or after "là" a little later
    pos = noun_m.end()
    if noun in _ADMIN_NOUNS:
        # "6 tỉnh, thành phố: Hà Nội, …", "12 xã, thị trấn gồm …": one noun of two levels
        compound = _COMPOUND_NOUN_RE.match(text, pos)
        if compound is not None:
            pos = compound.end()
    grade = _GRADE_RE.match(text, pos)
    if grade is not None:
        pos = grade.end()  # "5 đô thị loại I: …": the grade is part of the noun, not a name
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
        end_s = sentence_end(text, m.end())
        for cue in (" là ", ": ", " gồm "):
            j = text.find(cue, pos, min(end_s, pos + 80))
            if j >= 0 and (k < 0 or j < k):
                k, opened = j, cue.strip()
        if opened == "là":
            # "4 thành phố là đô thị loại I trực thuộc tỉnh: A, B, C": what follows "là" names
            # the kind; the items follow the colon
            colon = text.find(": ", k, min(end_s, k + 80))
            if colon > 0 and "," not in text[k:colon] and len(text[k:colon].split()) <= 9:
                k, opened = colon, ":"
        if k < 0 or "(" in text[pos:k] or ")" in text[pos:k]:
            # "ba nước láng giềng (Trung Quốc, Lào, Campuchia)": the items in parentheses
            if not _plain_items(p, pidx, m, n, written, noun, pos, None, out):
                _names_later(p, pidx, m, n, written, noun, pos, out)
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
    if len(items) >= 3 and not _KIND_PREFIX_RE.match(items[0].strip()):
        # "6 xã: A, B, …, F và thị trấn G": a last item of another kind is not one of the count
        while items and (k := _KIND_PREFIX_RE.match(items[-1].strip())) and k.group(1) != noun.split()[0] \
                and k.group(1) not in noun:
            items.pop()
    if nm is not None and len(items) > n:
        # "2 xã Long Hưng và Nghĩa Trụ, huyện Văn Giang, tỉnh Hưng Yên": the places above the
        # items (another level of the administration) are their address, not more items
        cut = _ADDRESS_RE.search(text, nm.start(), nm.end())
        if cut is not None and cut.group(1) != noun.split()[0]:
            nm = _NAMES_RE.match(text[:cut.start()], nm.start())
            items = _items(nm.group("items")) if nm else []
    if nm is not None and opened is None and len(items) != n and text[nm.end():nm.end() + 1] == " ":
        # names with lower-case words ("3 môn Toán, Ngữ văn, tiếng Anh lớp 9"): as many as the count
        mixed = _MIXED_NAMES_RE.match(text, pos)
        if mixed is not None and len(_items(mixed.group(0))) == n:
            out.append(sum_claim(p, pidx, m.start(), mixed.end(), total=n, parts=(1,) * n, reported=written,
                              source=f"{source_head} before a list of {n} names",
                              detail={"unit": noun, "rule": "counted-list", "list": True, "weak": WEAK_LIST}))
            return
    if len(items) >= 2:
        if _MORE_AFTER_RE.match(text, nm.end()):
            return
        closed = (nm.end() >= len(text.rstrip()) or text[nm.end():nm.end() + 1] in ".;") and not \
            _NAME_LIST_AFTER_RE.match(text, nm.end())
        # names, or names after their kind ("thành phố Hải Phòng (trực thuộc Trung ương)")
        short = all((_NAME_RE.fullmatch(i.strip()) or _KIND_ITEM_RE.fullmatch(i.strip()))
                    and len(_ITEM_PAREN_RE.sub("", i).split()) <= 5 for i in items)
        # flagged only for a list opened by ':' or 'gồm' within three words of the count's noun,
        # off by one or two items (a list far off its count names examples)
        strong = (digits and opened in (":", "gồm", "gồm:", "gồm có", "gồm có:", "bao gồm", "bao gồm:")
                  and len(gap.split()) <= 3 and abs(n - len(items)) <= 2
                  and closed and short and _prev_word(text, m.start()) != "top" and not _LOWER_GAP_RE.fullmatch(gap) is None and not _VAGUE_BEFORE_RE.search(text[max(0, m.start() - 15):m.start()]))
        if only_if_equal and len(items) != n:
            return
        detail = {"unit": noun, "rule": "counted-list", "list": True}
        if strong and not only_if_equal:
            detail["exhaustive"] = True
        else:
            detail["weak"] = WEAK_LIST
        out.append(sum_claim(p, pidx, m.start(), nm.end(), total=n, parts=(1,) * len(items), reported=written,
                          source=f"{source_head} before a list of {len(items)} names"
                                 f"{' opened by ' + repr(opened) if opened else ''}", detail=detail))
        return
    if opened not in (None, ",") and (am := _AMOUNTS_RE.match(text, pos)) is not None:
        # "bốn mệnh giá là 200.000 đồng, 300.000 đồng, 450.000 đồng và 600.000 đồng": amounts of one unit
        k = len(_AMOUNT_SEP_RE.split(am.group(0)))
        if k == n and len(set(_AMOUNT_UNIT_RE.findall(am.group(0)))) == 1:
            out.append(sum_claim(p, pidx, m.start(), am.end(), total=n, parts=(1,) * n, reported=written,
                                 source=f"{source_head} before a list of {n} amounts opened by {opened!r}",
                                 detail={"unit": noun, "rule": "counted-list", "list": True, "weak": WEAK_LIST}))
            return
    if opened != "," and _plain_items(p, pidx, m, n, written, noun, pos, opened, out, gap=gap):
        return
    if opened == ":":
        # clauses after a colon: "3 bước: …, …, …", "2 lớp: lớp trong …, lớp ngoài …"
        if end_s < 0 or end_s >= m.end() + 400:  # not found in the first window: look further
            end_s = sentence_end(text, m.end(), 2000)
        body = text[pos:end_s]
        if not body or _MORE_AFTER_RE.search(body):
            return
        if len(body) > 400 and (len(body) > 2000 or any(len(c.split()) > 4 for c in body.split(", "))):
            return  # a long body is read only as a list of short items ("52 tổ dân phố: 1, 1 Do Nha, …")
        items = [c for c in re.split(r", (?:và |sau đó |rồi )?|; ", body) if c.strip()]
        if len(items) == n - 1 and " và " in items[-1]:
            # "…: A, B và C của X và Y": the last clause holds the last two items
            items = items[:-1] + items[-1].split(" và ", 1)
        if len(items) < 2 or len(items) != n or any(_NESTED_INTRO_RE.search(i) for i in items):
            # clauses split by commas are too loose to say anything when they do not fit; an
            # item that holds its own list ("giai đoạn đầu bao gồm A, B") splits into its items
            return
        out.append(sum_claim(p, pidx, m.start(), end_s, total=n, parts=(1,) * len(items), reported=written,
                          source=f"{source_head} before a colon and {len(items)} clauses",
                          detail={"unit": noun, "rule": "counted-list", "list": True, "weak": WEAK_CLAUSES}))


#: names that hold lower-case words: a capitalised word and up to two lower-case ones ("Ngữ
#: văn"), or a lower-case word and a capitalised one ("tiếng Anh"), separated as in a list
_MIXED_ITEM = r"(?:" + _UP + r"[\w'’]*(?: " + _LO + r"+){0,2}|" + _LO + r"+ " + _UP + r"[\w'’]*)"
_MIXED_NAMES_RE = re.compile(_MIXED_ITEM + r"(?:(?:, và |, | và )" + _MIXED_ITEM + r")+(?= " + _LO + r"+ |[ ,.;:)]|$)")

#: ", huyện X" inside a list of names: the address of the items before it
_ADDRESS_RE = re.compile(r", (huyện|tỉnh|quận|thị xã|thành phố|phường|xã|thị trấn) " + _UP)

#: a parenthesis inside an item ("Hà Tĩnh (18)", "thủ môn Filip Nguyễn (572.000 USD)")
_ITEM_PAREN_RE = re.compile(r" ?\([^()]{0,40}\)")
#: the end of a list of plain items: the sentence's end, a closing parenthesis, or a clause
#: that goes on after the list ("…, Y và Z đều …" is not cut: items stay short)
_PLAIN_END_RE = re.compile(r"[.!?;)](?= |$)|[;)]")
_PLAIN_SEP_RE = re.compile(r", và |, hoặc |, | và | hoặc |; ")
_SEMI_SEP_RE = re.compile(r"; (?:và )?")
_DASH_SEP_RE = re.compile(r" [–-] ")
_NESTED_INTRO_RE = re.compile(r"\b(?:gồm|là|gọi)\b")
#: items of a plain list: at most this many words each
PLAIN_ITEM_WORDS = 7


def _plain_items(p: Paragraph, pidx: int, m: re.Match, n: int, written: str, noun: str, pos: int,
                 opened: str | None, out: list, gap: str = "", item_words: int = 0) -> bool:
    """``3 giải pháp được sử dụng chủ yếu là sử dụng quỹ dự phòng, thu nợ bằng tiền và xử lý tài
    sản``, ``2 nhóm … là bưu chính viễn thông và giáo dục``, ``ba kỳ AFF Cup năm 2014, 2016 và
    2020``: a count, then (after ``:``, ``gồm``, ``là``, an opening parenthesis, or ``năm`` and
    years) short items of any case up to the end of the sentence or of the parenthesis. When
    their number is the count the claim is ``consistent`` (rule ``counted-list``); otherwise
    nothing is said (items of plain words may be clauses). Returns whether a claim was made."""
    text = p.text
    start = pos
    if opened is None:
        k = m.end() + len(noun) + 1
        rest = text[k:k + 60]
        paren = rest.find("(")
        years = re.match(r"(?: [^\W\d_]+){0,4}? năm (?=[0-9]{4}\b)", text[k:k + 60])
        if years:
            start = k + years.end()
        elif 0 <= paren and not re.search(r"[0-9.,;:]", rest[:paren]) and len(rest[:paren].split()) <= 4:
            start = k + paren + 1
        else:
            return False
    if gap and (len(gap.split()) > 10 or not _LOWER_GAP_RE.fullmatch(gap.strip())):
        return False  # names, quotes or many words between the count and its "là": another subject
    window = text[start:start + 400]
    if not any(sep in window for sep in (",", " và ", ";", " hoặc ", " – ", " - ")):
        return False  # one item at most
    # parentheses inside items are masked: their ")" does not end the list
    if "(" in window:
        window = _ITEM_PAREN_RE.sub(lambda x: " " * len(x.group(0)), window)
    stop = _SENT_END_RE.search(window)
    # "4 hợp phần: a; b; c; d.": items separated by semicolons, to the end of the sentence; else
    # items separated by commas, "và", "hoặc" (or dashes) to the first stop
    semi = opened == ":" and stop is not None and stop.group(0) == ";"
    for mode in (("plain", "semi") if semi else ("plain",)):
        end_m = re.search(r"[.!?](?= |$)", window) if mode == "semi" else _PLAIN_END_RE.search(window)
        end = start + end_m.start() if end_m else min(len(text), start + 400)
        if end_m is None and end < len(text):
            continue
        body = " ".join(window[:end - start].split())
        if not body or _MORE_AFTER_RE.search(body) or ":" in body:
            continue
        sep_re = _SEMI_SEP_RE if mode == "semi" else _PLAIN_SEP_RE
        if mode == "plain" and not _PLAIN_SEP_RE.search(body) and _DASH_SEP_RE.search(body):
            sep_re = _DASH_SEP_RE  # "3 nhà: nhà nghiên cứu – nhà doanh nghiệp – nhà quản lý"
        items = [i.strip() for i in sep_re.split(body) if i.strip()]
        longest = 2 * PLAIN_ITEM_WORDS if mode == "semi" else (item_words or PLAIN_ITEM_WORDS)
        if len(items) < 2 or len(items) != n or any(len(i.split()) > longest for i in items):
            continue
        if any(_NESTED_INTRO_RE.search(i) for i in items):
            continue  # "ba giai đoạn: giai đoạn đầu bao gồm A, B và C": the items of an item
        break
    else:
        return False
    out.append(sum_claim(p, pidx, m.start(), end, total=n, parts=(1,) * n, reported=written,
                      source=f"the count '{written} {noun}' before {n} items",
                      detail={"unit": noun, "rule": "counted-list", "list": True, "weak": WEAK_LIST}))
    return True


#: what opens a sentence that lists the items of the count before it ("… ba vấn đề lớn. Đó là A, B và C.")
_NEXT_INTRO_RE = re.compile(r"[.:] (?:Đó là|Đó chính là|Gồm|Bao gồm|Cụ thể là|Cụ thể|Lần lượt là):? ")


def _next_sentence_items(p: Paragraph, pidx: int, m: re.Match, out: list) -> bool:
    """``… chỉ ra ba vấn đề lớn của V-League. Đó là chất lượng mặt sân quá tồi, thời gian thi đấu
    quá thấp và thái độ thiếu chuyên nghiệp.``: the count's sentence ends, and the next one opens
    with ``Đó là``/``Gồm``/``Cụ thể là`` and lists plain items of up to twelve words, a sentence
    of their own (rule ``counted-list``, as :func:`_plain_items`: ``consistent`` when they are as
    many, else nothing said)."""
    n, written, _ = _count_value(m)
    noun_m = _NOUN_RE.match(p.text, m.end())
    if n < 2 or noun_m is None:
        return False
    noun = noun_m.group(1).strip()
    intro = _NEXT_INTRO_RE.match(p.text, sentence_end(p.text, m.end()))
    if intro is None:
        return False
    return _plain_items(p, pidx, m, n, written, noun, intro.end(), "là", out, item_words=12)


#: words between a count and names that make the names something else than its items: a
#: companion ("cùng với"), a topic ("về"), a place crossed ("qua"), an owner ("của nhà Trần")
_NOT_THE_ITEMS_RE = re.compile(r"\b(?:cùng|với|về|qua|giữa|bên|của)\b")
_GAP_TO_NAME_RE = re.compile(r"(?: " + _LO + r"+){1,8}(?:,(?: " + _LO + r"+){1,4})? (?=[`" + _UP[1:] + r")")


def _names_later(p: Paragraph, pidx: int, m: re.Match, n: int, written: str, noun: str, pos: int,
                 out: list) -> bool:
    """``Ba bàn thắng của Việt Nam do công của Tiến Linh, Quang Hải và Xuân Son``: a count, a few
    lower-case words, then names to the end of the clause (rule ``counted-list``, weak): reported
    ``consistent`` when there are as many names as the count; otherwise nothing is said (the words
    may name something else first). Returns whether a claim was made."""
    text = p.text
    g = _GAP_TO_NAME_RE.match(text, pos)
    if g is None or _NOT_THE_ITEMS_RE.search(g.group(0)):
        return False
    nm = _NAMES_RE.match(text, g.end())
    if nm is None:
        return False
    items = _items(nm.group("items"))
    end = nm.end()
    if len(items) < 2 or len(items) != n or (end < len(text.rstrip()) and text[end:end + 1] not in ".;,)"):
        return False
    out.append(sum_claim(p, pidx, m.start(), end, total=n, parts=(1,) * n, reported=written,
                      source=f"the count '{written} {noun}' and {n} names later in its clause",
                      detail={"unit": noun, "rule": "counted-list", "list": True, "weak": WEAK_LIST}))
    return True


#: a number word, a capitalised noun of one to four words, a colon, then names ("Ba Bí thư Tỉnh ủy:
#: Trịnh Xuân Trường (Thái Nguyên), …"); a number word before a capital is often a name itself
#: ("Ba Đình", "Hai Bà Trưng"): only a colon and as many names make it a count
_CAP_COUNT_RE = re.compile(r"(?P<w>" + _WORDS_CASED + r") (?P<noun>" + _UP + r"[^\W\d_]*(?: [^\W\d_]+){0,3}):\s?")


_VERB_AFTER_LIST_RE = re.compile(r" (?:là|đều|cùng|được|đã|sẽ) ")


def _capital_noun_list(p: Paragraph, pidx: int, s: int, out: list) -> None:
    """``Ba Bí thư Tỉnh ủy: A (…), B (…) và C (…)`` (rule ``counted-list``, weak): a count in words
    before a capitalised noun and a colon, then as many names; otherwise nothing is said."""
    text = p.text
    m = _CAP_COUNT_RE.match(text, s)
    if m is None:
        return
    n = NUMBER_WORDS[m.group("w").lower()]
    raw = text[m.end():m.end() + 300]
    window = _ITEM_PAREN_RE.sub("", raw)  # "Trịnh Xuân Trường (Thái Nguyên)": the name
    window = _VERB_AFTER_LIST_RE.split(window, 1)[0]  # "… và C là các Bí thư trẻ nhất": the list ends
    nm = _NAMES_RE.match(window)
    if nm is None or n < 2:
        return
    items = _items(nm.group("items"))
    end = nm.end()
    if len(items) != n or (end < len(window.rstrip()) and window[end:end + 1] not in ".;,"):
        return
    end = min(len(raw), end + (len(raw) - len(window)))  # the parentheses taken out, about
    out.append(sum_claim(p, pidx, m.start(), m.end() + end, total=n, parts=(1,) * n, reported=m.group("w"),
                      source=f"the count '{m.group('w')} {m.group('noun')}' before a list of {n} names opened by ':'",
                      detail={"unit": m.group("noun"), "rule": "counted-list", "list": True, "weak": WEAK_LIST}))


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
    # never flagged: read on the crawl, its flags were items numbered on in later lines (off
    # until it reads them; make eval prints its checks)
    detail = {"unit": noun, "rule": "numbered-list", "list": True, "weak": WEAK_LIST}
    out.append(sum_claim(p, pidx, m.start(), min(len(text), pos + 60), total=n, parts=(1,) * k, reported=written,
                      source=f"the count '{written} {noun}' before items numbered 1 to {k}", detail=detail))


#: a count and its noun right after " là " (the items stand before it)
_COUNT_AFTER_LA_RE = re.compile(
    r"(?:(?P<d>[0-9]{1,2})|(?P<w>" + _WORDS_CASED + r")) (?P<noun>" + _LO + r"+(?: " + _LO + r"+)?)")
_LEAD_LOWER_RE = re.compile(r"^(?:" + _LO + r"+ ){1,4}(?=[`" + _UP[1:] + r")")
_TRAIL_LOWER_RE = re.compile(r"(?<=[\w.’'`])(?: " + _LO + r"+){1,3}$")
_UP_RE = re.compile(_UP)
#: ": " before a capitalised count ("Hà Nội và TP Hồ Chí Minh: Hai điểm sáng")
_COLON_COUNT_RE = re.compile(r": (?=[0-9]{1,2} " + _LO + r"|(?:" + "|".join(
    w[0].upper() + w[1:] for w in sorted(NUMBER_WORDS, key=len, reverse=True) if " " not in w) + r") " + _LO + r")")


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
        while k >= 0 and ch != "(" and text[k + 1:k + 2] != " ":
            k = text.rfind(ch, lo, k)  # "TP.HCM": a mark inside a word ends no clause
        if k >= 0:
            best = max(best, k + (1 if ch == "(" else 2))
    if best < 0:
        return 0 if end <= 120 else -1
    return best


def _backward(p: Paragraph, pidx: int, la: int, out: list, sep: str = " là ") -> None:
    """``Mỹ và Nga là 2 nước``, ``ngô và đậu nành là hai cây trồng``, ``Hà Nội và TP.HCM tiếp
    tục là hai điểm``, ``Hà Nội và TP Hồ Chí Minh: Hai điểm sáng`` (``la``: where ``sep``, " là "
    or ": ", is; after a colon only names are read)."""
    text = p.text
    m = _COUNT_AFTER_LA_RE.match(text, la + len(sep))
    if m is None:
        return
    cs = _clause_before(text, la)
    if cs < 0 or la - cs < 3:
        return
    n = int(m.group("d")) if m.group("d") else NUMBER_WORDS[m.group("w").lower()]
    written = m.group("d") or m.group("w")
    noun = m.group("noun")
    if n < 2 or (noun.split()[0] in _NOT_LIST_NOUNS and noun.split()[0] != "điểm"):
        return  # ("điểm": places here, "A và B là hai điểm sáng"; points are not named before)
    # the clause, then the clause with the short comma-separated pieces before it ("Dược phẩm,
    # sản xuất và hàng tiêu dùng là 3 lĩnh vực"): the longest that reads as a list of items must
    # hold as many as the count ("Năm nay, ngô, lúa và đậu là hai cây trồng": no claim)
    best = None
    for cs in _clause_starts(text, cs):
        clause = text[cs:la]
        if " và " not in clause or _BAD_IN_CLAUSE_RE.search(clause):
            break
        if best is not None and clause.split(" ", 1)[0].lower() in _LEAD_IN_WORDS:
            break  # "Trong đó, lúa và khoai là …": a lead-in, not an item
        has_names = bool(_UP_RE.search(clause, 1)) or (
            clause[:1].isupper() and not (cs == 0 or text[cs - 2:cs] in (". ", "! ", "? ", ": ")))
        if not has_names and sep != " là ":
            break
        if has_names:
            clause = _LEAD_LOWER_RE.sub("", clause)
            if clause[:1].islower() and not clause.startswith("`"):
                break
        qs = la - len(clause)
        if has_names:
            # adverbs between the names and "là" ("… tiếp tục là", "… đều là")
            clause = _TRAIL_LOWER_RE.sub("", clause)
        items = _items(clause)
        if any(len(i.split()) > (5 if has_names else 3) for i in items):
            break
        if has_names and not all(_ITEM_RE.fullmatch(i.strip()) for i in items):
            break
        best = (items, qs)
        if len(items) > n:
            return  # the clause may hold more words than the list: say nothing
    if best is None or len(best[0]) != n:
        return
    items, qs = best
    out.append(sum_claim(p, pidx, m.start(), m.end(), total=n, parts=(1,) * len(items), reported=written,
                      qs=qs, source=f"{len(items)} items named before '{sep.strip()} {written} {noun}'",
                      detail={"unit": noun, "rule": "named-then-counted", "list": True, "weak": WEAK_BACKWARD}))


#: first words of a sentence's lead-in before a comma ("Trong đó,", "Năm nay,", "Hiện nay,")
_LEAD_IN_WORDS = frozenset("trong năm hiện theo tại ở với còn ngoài đến từ sau trước về như bên cũng "
                           "đặc riêng nhìn tuy nhưng do vì nếu khi hôm tháng quý đầu cuối".split())

#: what a list of items before "là" cannot hold: a semicolon, colon, parenthesis or a full stop
#: that is not inside an abbreviation ("TP.HCM")
_BAD_IN_CLAUSE_RE = re.compile(r"[;:()]|\.(?!\w)")


def _clause_starts(text: str, cs: int, most: int = 8):
    """``cs``, then the starts of the short pieces (at most 40 characters each) that stand before
    it separated by ", " (at most ``most`` in all)."""
    yield cs
    for _ in range(most - 1):
        if cs < 2 or text[cs - 2:cs] != ", ":
            return
        k = _clause_before(text, cs - 2)
        if k < 0 or cs - 2 - k > 40:
            return
        yield k
        cs = k


_BULLET_HEAD_RE = re.compile(
    r"(?:(?P<d>[0-9]{1,2})|(?P<w>(?i:" + _WORDS + r"))) (?P<noun>(?:" + _LO + r"+ ?){1,4}?)(?: sau| như sau| dưới đây)?:\s*$")
#: the last count of a head line before its colon, with anything but a number or a sentence end
#: between its noun and the colon ("được chia làm 03 loại theo phổ phun bao gồm:")
_HEAD_COUNT_RE = re.compile(
    r"(?:(?<![\w.,/])(?P<d>[0-9]{1,2})|(?P<w>(?<!\w)(?:" + _WORDS_CASED + r")))(?= (?P<noun>" + _LO + r"+))"
    r"(?=[^0-9.;:!?]{0,120}:\s*$)")


_HEAD_COUNT_HINT_RE = re.compile(r"[0-9]|(?i:\b(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\b)")


def _counted_bullets(paras: list[Paragraph], i: int, out: list) -> None:
    """``… được chia làm 03 loại theo phổ phun bao gồm:`` then ``- Lăng phun nước đặc.``, ``- …``
    (rule ``bulleted-list``): a head ending with a colon whose last count stands before it, and the
    bullets of one marker kind right after (sub-items of other markers between them are skipped;
    a paragraph that is not a bullet ends the list). ``consistent`` when there are as many
    bullets as the count; otherwise nothing is said (a paragraph inside an item ends the list
    early)."""
    p = paras[i]
    lo = max(0, len(p.text) - 160)
    if not _HEAD_COUNT_HINT_RE.search(p.text, lo):
        return  # no digit and no number word before the colon: no count
    m = None
    for m in _HEAD_COUNT_RE.finditer(p.text, lo):
        pass
    if m is None or _prev_word(p.text, m.start()) in _NOT_COUNT_BEFORE:
        return
    noun = m.group("noun")
    if noun in _NOT_LIST_NOUNS:
        return
    cnt = int(m.group("d")) if m.group("d") else NUMBER_WORDS[m.group("w").lower()]
    written = m.group("d") or m.group("w")
    if cnt < 2:
        return
    kind = marker_kind(paras[i + 1].text)
    depth = marker_depth(kind)
    items = 0
    for q in paras[i + 1:i + 1 + 4 * cnt + 8]:
        if q.kind != "body" or not q.bullet:
            break
        k = marker_kind(q.text)
        if k == kind:
            items += 1
        elif marker_depth(k) < depth:
            break  # "7. Mái" after "- …" bullets: the next section
    if items != cnt:
        return
    out.append(sum_claim(p, i, m.start(), len(p.text), total=cnt, parts=(1,) * items, reported=written,
                      source=f"the count '{written} {noun}' before {items} bullet lines",
                      detail={"unit": noun, "rule": "bulleted-list", "list": True, "weak": WEAK_LIST}))


def _bullets(paras: list[Paragraph], out: list) -> None:
    """Counts before bullet lines (:func:`_counted_bullets`), and bullet lines that are the shares
    of one whole (:func:`parstats.audit.breakdowns.bullet_shares`)."""
    n = len(paras)
    for i in [i for i, p in enumerate(paras) if p.text.endswith(":")]:
        p = paras[i]
        if p.kind != "body" or i + 1 >= n:
            continue
        # the bullet lines right after, of one marker (not the head's own)
        if not paras[i + 1].bullet or (p.bullet and marker_kind(p.text) == marker_kind(paras[i + 1].text)):
            continue
        _counted_bullets(paras, i, out)
        bullet_shares(paras, i, out)


#: one or two digits then a space and a letter (a count and its noun); "123 …" is looked at
#: from its "23", which the check of the character before drops
#: what must follow a count's noun within its sentence for a list to follow: a colon, "gồm",
#: "là", or a capitalised word or a name in backticks (checked inside the pattern, in C)
_LIST_AHEAD = r"(?= [^\W\d_][^.;!?\n]{0,90}?(?::|gồm|là | năm [12][0-9]{3}|[ ,(][`" + _UP[1:] + r"))"
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
    # "hai" and "ba" in one search from their "a" (one pass over the text instead of two)
    (r"a(?:i (?<= [Hh]ai )| (?<= [Bb]a ))" + _LIST_AHEAD_AFTER_SPACE, 1),
))
_WORD_FORMS = tuple(f for w in NUMBER_WORDS if " " not in w for f in (w + " ", w[0].upper() + w[1:] + " "))
#: a paragraph (after the first) that starts with one of :data:`_WORD_FORMS`, in the texts joined
_WORD_FIRST_RE = re.compile("\n(?:" + "|".join(re.escape(f) for f in _WORD_FORMS) + ")")


_ADMIN_NOUNS = frozenset("tỉnh thành huyện quận thị xã phường".split())
#: ", thành phố" after an administrative noun: the two levels counted together
_COMPOUND_NOUN_RE = re.compile(r"(?:, (?:thành phố|thành|thị xã|thị trấn|phường|quận|huyện|xã)(?![\w]))+")

#: a grade after a noun ("đô thị loại I", "đường cấp III", "nhóm A")
_GRADE_RE = re.compile(r"(?: [^\W\d_A-ZĐ]+){0,2}? (?:loại|hạng|cấp|nhóm|bậc|khu vực) (?:[IVX]{1,4}|[0-9]{1,2}|[A-D])(?![\w])")

#: one or two digits and an acronym ("8 CLB", "14 DN")
_ACRONYM_COUNT_RE = re.compile(r"[0-9](?<![0-9.,/][0-9])[0-9]? [A-ZĐ]{2,5}(?![\w])")


def _places(paras: list[Paragraph], contexts=None) -> tuple[dict[int, list[int]], dict[int, list[int]], set[int]]:
    """Where each rule may apply, per paragraph, found on the paragraphs joined (one search
    each, by patterns that start with a literal or a character class, which the engine finds
    quickly): ``(counts, là-before-a-count, paragraphs with a percentage)``. A count is one or two
    digits or a number word, then a space and a letter. The places of each paragraph are in
    increasing order."""
    texts = [p.text for p in paras]
    joined, offsets = joined_texts(texts)

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
        # counts of an acronym ("8 CLB gồm …", "3 DN"), which the tokenizer does not make counts,
        # in the paragraphs that open a list
        for c in contexts:  # (the paragraphs with a digit)
            t = c.text
            if "gồm" in t or ": " in t or " là " in t:
                got = [m.start() for m in _ACRONYM_COUNT_RE.finditer(t)]
                if got:
                    counts.setdefault(c.pidx, []).extend(got)
        # table rows are read cell by cell there: their counts are searched here, on the rows
        # joined (the pattern reads no line break: as on each row alone)
        rows = [i for i, p in enumerate(paras) if p.kind == "table"]
        if rows:
            row_joined, row_offsets = joined_texts([texts[i] for i in rows])
            for m in _DIGITS_RE.finditer(row_joined):
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


_COMMA_COUNT_RE = re.compile(r", (?=[0-9HBNSTMChbnstmc])(?:[0-9]{1,2}|" + _WORDS_CASED + r") " + _LO)


def _comma_count_places(paras: list[Paragraph]) -> list[int]:
    """The paragraphs with " và " and a count right after a comma, found by one search of those
    paragraphs joined (the pattern starts with a literal: found quickly)."""
    idx = [i for i, p in enumerate(paras) if "à" in p.text and " và " in p.text]  # "à" first: quicker
    if not idx:
        return []
    joined, offsets = joined_texts([paras[i].text for i in idx])
    return sorted({idx[bisect.bisect_right(offsets, m.start()) - 1] for m in _COMMA_COUNT_RE.finditer(joined)})


def list_claims(paras: list[Paragraph], contexts=None) -> list[dict]:
    """The counted-list and breakdown claims of a text's paragraphs (provisional claim dicts,
    at most one per place ``order``; the extractor keeps another rule's claim at the same place,
    such as ``list-of-names`` of :mod:`parstats.audit.ties`). ``contexts``: the paragraphs'
    :class:`parstats.audit.tokens.ParagraphContext` objects, whose count tokens are the places of
    counts in digits (else they are searched here)."""
    out: list = []
    starts, las, pcts = _places(paras, contexts)
    # "Lào, Malaysia, Campuchia và Thái Lan, bốn đối thủ": a count after a comma, names before it
    names_places = _comma_count_places(paras)
    for pidx in sorted(set(starts) | set(las) | pcts):
        p = paras[pidx]
        if p.kind not in ("body", "footnote", "table"):
            continue
        text = p.text
        has_stop = ". " in text
        for s in starts.get(pidx, ()):
            if s and (text[s - 1].isalnum() or text[s - 1] in "/.,%-_"):
                continue  # inside a longer number or word
            m = _COUNT_RE.match(text, s)
            if m is None:
                _capital_noun_list(p, pidx, s, out)
                continue
            if (m.group("noun") in _NOT_LIST_NOUNS and m.group("noun") not in WEAK_LIST_NOUNS) \
                    or _prev_word(text, s) in _NOT_COUNT_BEFORE:
                continue
            before = len(out)
            _forward(p, pidx, m, out)
            if len(out) == before and has_stop:
                _next_sentence_items(p, pidx, m, out)
        if pidx in pcts:
            if "(" in text and any(cue in text for cue in PARTS_CUE_WORDS):
                inline_parts(p, pidx, out)
            if "còn lại" in text:
                remainder(p, pidx, out)
            elif text.count("%") >= 2:
                sentence_shares(p, pidx, out)
                same_phrase_shares(p, pidx, out)
        for la in las.get(pidx, ()):
            _backward(p, pidx, la, out)
    for pidx in names_places:
        names_count_claims(paras[pidx], pidx, out)
    # the rules of names before their count, each where its cue words stand
    for pidx, p in enumerate(paras):
        if p.kind not in ("body", "footnote"):
            continue
        text = p.text
        if " và " in text:
            if "cả " in text or "Cả " in text:
                all_of_names_claims(p, pidx, out)
            if ": " in text:
                for cm in _COLON_COUNT_RE.finditer(text):
                    _backward(p, pidx, cm.start(), out, sep=": ")
            if ". " in text:
                count_after_names_claims(p, pidx, out)
        if "thứ " in text and "sau " in text:
            rank_after_names_claims(p, pidx, out)
        if "gồm" in text:
            word_parts_claims(p, pidx, out)
        if " (" in text and " và " in text:
            numbered_times_claims(p, pidx, out)
        if "-" in text and ("tỷ số" in text or "tỉ số" in text or "gỡ" in text or "nâng" in text):
            score_claims(p, pidx, out)
        if " này" in text or " đó" in text or " trên" in text:
            anaphor_count_claims(p, pidx, out)
    for ctx in contexts or ():
        parts_of_total_claims(paras[ctx.pidx], ctx, out)
    _bullets(paras, out)
    out.extend(labelled_claims(paras))
    if any(p.bullet and "%" in p.text for p in paras):
        item_shares(paras, out)
        numbered_share_runs(paras, out)
    seen: set = set()
    uniq = []
    for c in sorted(out, key=lambda c: c["order"]):
        if c["order"] not in seen:
            seen.add(c["order"])
            uniq.append(c)
    return uniq
