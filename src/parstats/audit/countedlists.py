"""Counted lists read forward: a count and its noun, then the items it counts.

Rules (each named in ``detail["rule"]``, written by :func:`parstats.audit.checks.basis`):

``counted-list``
    ``sáu tuyến cáp quang biển gồm AAG, IA, AAE-1, APG, ADC, SJC2``, ``2 mã IDJ và PV2``,
    ``5 tỉnh là: A, B, C, D, E``, ``3 bước: …, …, …``, ``2 lớp: lớp trong …, lớp ngoài …``: a
    count (digits, or a number word: ``hai`` … ``mười hai``) and its noun, then the items. The
    count is checked against the items (commas, ``và``, ``;``): ``consistent`` when they agree.
    When they do not, the claim is ``unverifiable`` (a list may name only some items, one name
    may stand for several), unless the list is unambiguous: a count in digits, the list opened
    by ``:``, ``gồm`` or ``là`` and closed by a full stop, a semicolon or the end of the
    paragraph, every item a short proper name; then it is ``inconsistent``. Also: plain items
    of any case up to the end of the sentence, names a few words after the count, the items in
    the next sentence (``Đó là …``), a number word before a capitalised noun and a colon
    (``Ba Bí thư Tỉnh ủy: …``); these are never flagged.
``numbered-list``
    ``Top 10 doanh nghiệp …: 1. … 2. … 10. …``: a count, a colon and items numbered 1, 2, …
    in the same paragraph; never flagged.

:func:`forward_lists` reads the counts of one paragraph at the places
:func:`parstats.audit.lists.list_claims` found, which also runs the lists whose items stand
before their count, and the bullets. The names, number words and items read here
(:data:`NUMBER_WORDS`, :func:`list_items` …) serve those rules too.

Each count is read with regular expressions anchored at its place, left to right: linear in the
paragraph's length.
"""
from __future__ import annotations

import re

from parstats.audit.model import sum_claim
from parstats.audit.totals import WEAK_PARTS
from parstats.audit.words import (COUNT_WORDS, COUNT_WORDS_CASED, LOWER, SENTENCE_END_RE, UPPER, count_value,
                                  sentence_end)
from parstats.markdown import Paragraph

__all__ = ["ITEM_RE", "NOT_COUNT_BEFORE", "NOT_LIST_NOUNS", "NUMBER_WORDS", "NUMBER_WORDS_CASED", "PLAIN_ITEM_WORDS",
           "WEAK_CLAUSES", "WEAK_LIST", "WEAK_LIST_NOUNS", "forward_lists", "list_items", "sibling_lists", "word_before"]

#: Vietnamese number words that count a list ("năm" is also "year": never flagged; "một" counts
#: no list, "tư" is an ordinal here)
NUMBER_WORDS = {w: n for w, n in COUNT_WORDS.items() if w not in ("một", "tư")}

WEAK_LIST = WEAK_PARTS  # the same doubt as parts listed under a total
WEAK_CLAUSES = "the items are clauses, which commas may split or join"

_UP = UPPER
_LO = LOWER
#: the number words of :data:`NUMBER_WORDS` as a pattern's alternatives (longest first), the first
#: letter in either case ("Hai", "hai"): a pattern that starts with a character class is looked
#: for quickly by the regular-expression engine
NUMBER_WORDS_CASED = COUNT_WORDS_CASED
#: a count: digits (2–99) or a number word, then a space and a lower-case word (its noun)
_COUNT_RE = re.compile(
    r"(?:(?P<d>[0-9]{1,2})|(?P<w>" + NUMBER_WORDS_CASED + r"))(?= [\"“]?(?P<noun>" + _LO + r"+|[A-ZĐ]{2,5}\b))")
#: words before a number that make it an ordinal, a rank or an identifier, not a count
NOT_COUNT_BEFORE = frozenset(
    "thứ hạng số vòng phút mùa lần tuổi khóa khoá kỳ kì lớp tầng điều khoản mục chương phần "
    "ngày tháng năm quý tuần giờ hiệp trang bảng hình ảnh".split())
#: nouns of counts that are a list only when the items named are exactly as many (never flagged)
WEAK_LIST_NOUNS = frozenset("người trận bàn lần".split())
#: nouns after a number word that make it something else than a count of items
NOT_LIST_NOUNS = frozenset(
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
ITEM_RE = re.compile(_ITEM)
#: a name after its kind of place ("thành phố Hải Phòng"), not after other words ("một phần ấp X")
_KIND_PREFIX_RE = re.compile(r"(thành phố|thị xã|thị trấn|tỉnh|huyện|quận|phường|xã|ấp|thôn|bản|làng|[Đđ]ặc khu|[Đđ]ô thành"
                             r"|[Tt]hủ đô) (?=" + _UP + r")")
_KIND_ITEM_RE = re.compile(r"(?:thành phố|thị xã|thị trấn|tỉnh|huyện|quận|phường|xã|ấp|thôn|bản|làng) " + _NAME)
_NAMES_RE = re.compile(r"(?P<items>" + _ITEM + r"(?:(?:, | và |, và )" + _ITEM + r"|; " + _NAME + r")*)")
_SEP_RE = re.compile(r", và |, | và |; ")
#: what opens a list after its noun
_INTRO_RE = re.compile(r"(?: ?: ?|,? gồm có:? |,? gồm:? |,? bao gồm:? |,? (?:lần lượt )?là:? |, )")
#: the count's noun, in quotes or not ('bốn "con rồng" châu Á')
_NOUN_RE = re.compile(r" [\"“]?(" + _LO + r"+|[A-ZĐ]{2,5})(?=[ :,]|$)")
_VAGUE_BEFORE_RE = re.compile(r"(?i)(?:như|chẳng hạn|điển hình|ví dụ|các|những|một số|trong số|hơn|gần|khoảng|trên|ít nhất|tới|đến|từ) $")
_MORE_AFTER_RE = re.compile(r"\.\.|…|,? v\.v|,? vv|,? \.\.\.| cùng | và các | và nhiều | và một số ")
#: a list that runs on after a full stop typed inside it ("… Nhiêu Châu. Nam Khang, Cửu Giang, …")
_NAME_LIST_AFTER_RE = re.compile(r"[.;] " + _NAME + r", ")
_LOWER_GAP_RE = re.compile(r"(?: ?" + _LO + r"+(?: " + _LO + r"+)*)?")  # no nested quantifier: linear
_SENT_END_RE = SENTENCE_END_RE

#: nouns of administrative units, which a second level may join ("6 tỉnh, thành phố")
_ADMIN_NOUNS = frozenset("tỉnh thành huyện quận thị xã phường".split())
#: ", thành phố" after an administrative noun: the two levels counted together
_COMPOUND_NOUN_RE = re.compile(r"(?:, (?:thành phố|thành|thị xã|thị trấn|phường|quận|huyện|xã)(?![\w]))+")

#: a second count of another administrative level before the list's colon ("12 tỉnh và 1 thành phố:")
_AND_COUNT_RE = re.compile(r" và (?P<m>[0-9]{1,2}|(?i:một|hai|ba|bốn|năm)) (?:thành phố|thị xã|thị trấn|tỉnh|huyện|quận|"
                           r"phường|xã)(?= ?:)")
#: a grade after a noun ("đô thị loại I", "đường cấp III", "nhóm A")
_GRADE_RE = re.compile(r"(?: [^\W\d_A-ZĐ]+){0,2}? (?:loại|hạng|cấp|nhóm|bậc|khu vực) (?:[IVX]{1,4}|[0-9]{1,2}|[A-D])(?![\w])")


def _count_value(m: re.Match) -> tuple[int, str, bool]:
    """(value, text as written, in digits) of a :data:`_COUNT_RE` match."""
    if m.group("d"):
        return int(m.group("d")), m.group("d"), True
    w = m.group("w")
    return NUMBER_WORDS[w.lower()], w, False


_PREV_WORD_RE = re.compile(r"(\w+)\W{0,2}$")
#: the same read backwards, anchored at the start (a search of the pattern above tries every start)
_PREV_WORD_REVERSED_RE = re.compile(r"\W{0,2}(\w+)")


def word_before(text: str, s: int) -> str:
    """The word right before position ``s`` of ``text`` (at most two other characters between
    them, within 20 characters), in lower case; ``""`` when there is none. The words of
    :data:`NOT_COUNT_BEFORE` before a number make it no count."""
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


def list_items(text: str) -> list[str]:
    """The items of a list as :data:`_NAMES_RE` matched it. The item joined by "và" is the last:
    what a comma adds after it in lower case is the sentence going on ("… Quang Lang và Tư Thuận,
    cho họ Cầm nối đời …"), not an item."""
    if "(" in text and _SEP_RE.search(_PAREN_RE.sub("", text)):
        # a separator inside an item's parentheses ("A (1924- 2022, thọ 99 tuổi) và B") is none; a
        # list all inside them ("Quả Bóng Vàng (2004, 2006, 2007)") is read as before
        text = _PAREN_RE.sub(lambda m: m.group(0).replace(", ", ",\0").replace(" và ", " \1 "), text)
    parts = _SEP_KEEP_RE.split(text)
    items, last = [parts[0]], False
    for sep, item in zip(parts[1::2], parts[2::2]):
        if last and sep == ", " and item[:1].islower():
            break
        last = last or "và" in sep
        items.append(item)
    return [i.replace(",\0", ", ").replace(" \1 ", " và ") for i in items if i.strip()]


_PAREN_RE = re.compile(r"\([^()]*\)")


#: "2 phần: A và B": a count of parts right before a colon is a list (not "hai phần ba", a fraction)
_PARTS_COLON_RE = re.compile(r"(?<=phần):")
#: a note in parentheses by the list that it names only some ("(Tống thư chỉ liệt kê tên gọi của 7
#: quận)", "(còn thiếu …)"): the text knows the list is short of its count, never flagged
_ADMITS_SHORT_RE = re.compile(r"\([^()]{0,60}\b(?:chỉ|mới|thiếu|không rõ|chưa rõ)\b[^()]{0,80}\)")


def _forward(p: Paragraph, pidx: int, m: re.Match, out: list) -> None:
    """A count and its noun, then its items."""
    text = p.text
    n, written, digits = _count_value(m)
    if n < 1 or (n == 1 and text[m.end():m.end() + 40].find(":") < 0):
        return  # one thing counted: only "1 đô thị loại đặc biệt: Hà Nội" is a list
    noun_m = _NOUN_RE.match(text, m.end() - 0)
    if noun_m is None:
        return
    noun = noun_m.group(1).strip()
    if ((noun.split()[0] in NOT_LIST_NOUNS and noun.split()[0] not in WEAK_LIST_NOUNS) or (
            not digits and written.lower() == "năm" and noun.split()[0] in NOT_LIST_NOUNS
            and noun.split()[0] not in WEAK_LIST_NOUNS)) \
            and not (noun == "phần" and _PARTS_COLON_RE.match(text, noun_m.end())):
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
        elif (also := _AND_COUNT_RE.match(text, pos)) is not None:
            # "12 tỉnh và 1 thành phố: A, …, M": the list names the units of both counts
            n, pos, noun = n + count_value(also.group("m")), also.end(), noun + also.group(0)
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
    items = list_items(nm.group("items")) if nm else []
    if n == 1:
        # "có 1 đô thị loại đặc biệt: thành phố Hà Nội": one name after the colon, then the end
        if opened == ":" and len(items) == 1 and (nm.end() >= len(text.rstrip()) or text[nm.end():nm.end() + 1] in ".;"):
            out.append(sum_claim(p, pidx, m.start(), nm.end(), total=1, parts=(1,), reported=written,
                                 source=f"{source_head} before a list of 1 name opened by ':'",
                                 detail={"unit": noun, "rule": "counted-list", "list": True, "weak": WEAK_LIST}))
        return
    if len(items) == 1 and n >= 2 and noun.split()[0] not in _LINK_NOUNS \
            and len(pair := _DASH_SEP_RE.split(items[0])) == n and all(x[:1].isupper() for x in pair):
        # "hai nước Việt Nam – Phần Lan", "ba đội A - B - C": names joined by dashes, as many as the count
        out.append(sum_claim(p, pidx, m.start(), nm.end(), total=n, parts=(1,) * n, reported=written,
                             source=f"the count '{written} {noun}' before {n} names joined by dashes",
                             detail={"unit": noun, "rule": "counted-list", "list": True, "weak": WEAK_LIST}))
        return
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
            items = list_items(nm.group("items")) if nm else []
    if nm is not None and opened in (None, "là", ":") and len(items) != n and text[nm.end():nm.end() + 1] in (" ", ","):
        # names with lower-case words ("3 môn Toán, Ngữ văn, tiếng Anh lớp 9"): as many as the count
        mixed = _MIXED_NAMES_RE.match(text, pos)
        if mixed is None and (j := text.find(" là ", pos, nm.end())) >= 0:
            # "ba giải đấu là V-League, giải hạng nhất và Cup Quốc gia": the names after "là"
            mixed = _NAMES_AFTER_LA_RE.match(text, j + 4)
            opened = "là" if mixed is not None else opened
        if mixed is not None and opened is not None and re.match(r" " + _UP, text[mixed.end():mixed.end() + 2]):
            mixed = None  # after "là" or ":", names cut before a capital ("… là Bộ trưởng, Tổng Thư ký …")
        if mixed is not None and len(list_items(mixed.group(0))) == n:
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
                  and closed and short and word_before(text, m.start()) != "top" and not _LOWER_GAP_RE.fullmatch(gap) is None and not _VAGUE_BEFORE_RE.search(text[max(0, m.start() - 15):m.start()])
                  and not _ADMITS_SHORT_RE.search(text, nm.start(), min(len(text), nm.end() + 130)))
        if only_if_equal and len(items) != n:
            return
        detail = {"unit": noun, "rule": "counted-list", "list": True}
        if strong and not only_if_equal:
            detail["exhaustive"] = True
        else:
            detail["weak"] = WEAK_LIST
            if p.bullet and digits and opened == ":" and closed and short and abs(n - len(items)) <= 2 \
                    and not _ADMITS_SHORT_RE.search(text, nm.start(), min(len(text), nm.end() + 130)):
                detail["bullet_list"] = True  # its siblings may show the lists complete (sibling_lists)
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
        if len(items) < 2 or len(items) != n or any(_holds_list(i) for i in items):
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
#: after "là", names of several words and items in lower case too ("ba giải đấu là V-League, giải
#: hạng nhất và Cup Quốc gia"), a list that ends its sentence
_NAMED_ITEM = (r"(?:" + _UP + r"[\w'’]*(?:-" + _UP + r"?[\w'’]*)?(?: " + _UP + r"[\w'’]*){0,2}(?: " + _LO + r"+){0,2}|"
               + _LO + r"+(?: " + _LO + r"+){0,2}(?: " + _UP + r"[\w'’]*){0,2})")
_NAMES_AFTER_LA_RE = re.compile(_NAMED_ITEM + r"(?:(?:, và |, | và )" + _NAMED_ITEM + r")+(?=[.;]|$)")

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
#: nouns of a link between the places a dash joins ("hai chuyến TP.HCM - Vinh": two flights of one
#: route, "trận Hà Nội - Thanh Hóa": one match), not of the places themselves
_LINK_NOUNS = frozenset("chuyến tuyến trận cuộc đường lượt chặng cao tốc cầu hành trình quan hệ".split())
_NESTED_INTRO_RE = re.compile(r"\b(?:gồm|là|gọi)\b")
#: what an item may say in parentheses or name after "gọi là" without holding a list of its own
_ASIDE_RE = re.compile(r"\([^()]*\)|\b(?:được )?gọi (?:chung )?là\b")


def _holds_list(item: str) -> bool:
    """Whether a clause of a list may hold a list of its own ("giai đoạn đầu bao gồm A, B"): a
    "gồm" or "là" outside its parentheses and its "được gọi là" (a name it gives: "những thay
    đổi … được gọi là các chu kỳ Milankovitch (và có lẽ là …)" is one item)."""
    return _NESTED_INTRO_RE.search(_ASIDE_RE.sub(" ", item)) is not None
#: items of a plain list: at most this many words each
PLAIN_ITEM_WORDS = 7


#: the word that opens a list inside parentheses: "(gồm dịch vụ spa và chăm sóc sức khỏe)"
_PAREN_INTRO_RE = re.compile(r"(?:gồm có|bao gồm|gồm|là) ")


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
            lead = _PAREN_INTRO_RE.match(text, start)  # "hai loại dịch vụ (gồm dịch vụ spa và …)"
            if lead is not None:
                start = lead.end()
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
        if any(_holds_list(i) for i in items):
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
_GAP_TO_NAME_RE = re.compile(r"(?: " + _LO + r"+){1,8}(?:,(?: " + _LO + r"+){1,4})?,? (?=[`" + _UP[1:] + r")")


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
    items = list_items(nm.group("items"))
    end = nm.end()
    if len(items) < 2 or len(items) != n or (end < len(text.rstrip()) and text[end:end + 1] not in ".;,)"
                                              and not _VERB_AFTER_LIST_RE.match(text, end)):
        return False  # (the names end the clause, or a verb follows them: "… và Nguyễn Hoài Nam đã có mặt")
    out.append(sum_claim(p, pidx, m.start(), end, total=n, parts=(1,) * n, reported=written,
                      source=f"the count '{written} {noun}' and {n} names later in its clause",
                      detail={"unit": noun, "rule": "counted-list", "list": True, "weak": WEAK_LIST}))
    return True


#: a number word, a capitalised noun of one to four words, a colon, then names ("Ba Bí thư Tỉnh ủy:
#: Trịnh Xuân Trường (Thái Nguyên), …"); a number word before a capital is often a name itself
#: ("Ba Đình", "Hai Bà Trưng"): only a colon and as many names make it a count
_CAP_COUNT_RE = re.compile(r"(?P<w>" + NUMBER_WORDS_CASED + r") (?P<noun>" + _UP + r"[^\W\d_]*(?: [^\W\d_]+){0,3}):\s?")


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
    items = list_items(nm.group("items"))
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

def forward_lists(p: Paragraph, pidx: int, starts, out: list) -> None:
    """The counts of paragraph ``p`` at ``starts`` (the places of counts in it, in increasing order,
    found by :func:`parstats.audit.lists.list_claims`), each read with the items after it
    (rules ``counted-list`` and ``numbered-list``)."""
    text = p.text
    has_stop = ". " in text
    for s in starts:
        if s and (text[s - 1].isalnum() or text[s - 1] in "/.,%-_"):
            continue  # inside a longer number or word
        m = _COUNT_RE.match(text, s)
        if m is None:
            _capital_noun_list(p, pidx, s, out)
            continue
        if (m.group("noun") in NOT_LIST_NOUNS and m.group("noun") not in WEAK_LIST_NOUNS
                and not _PARTS_COLON_RE.match(text, m.end() + 1 + len(m.group("noun")))) \
                or word_before(text, s) in NOT_COUNT_BEFORE:
            continue
        before = len(out)
        _forward(p, pidx, m, out)
        if len(out) == before and has_stop:
            _next_sentence_items(p, pidx, m, out)


def sibling_lists(paras: list[Paragraph], claims: list) -> None:
    """``- 4 thành phố là đô thị loại II: Thái Bình, Vĩnh Yên, Nam Định, Phủ Lý.`` and the bullets
    beside it: counted lists opened by a colon in consecutive bullets of one marker. When at least
    two of them name exactly as many items as their count, the bullets list in full, and a list
    of the run one or two items off its count (``- 4 thành phố …: Bắc Ninh, Hải Dương, Hoa Lư.``) is
    flagged: the numbers corroborate the words (``claims`` changed in place)."""
    marked = sorted((c for c in claims if c["detail"].get("bullet_list") or (
        c["detail"].get("rule") == "counted-list" and paras[c["order"][0]].bullet
        and sum(c["parts"]) == c["denominator"] and ": " in c["quote"])), key=lambda c: c["order"])
    runs: list[list[dict]] = []
    for c in marked:
        i = c["order"][0]
        if runs and runs[-1][-1]["order"][0] in (i, i - 1) \
                and paras[runs[-1][-1]["order"][0]].text[:1] == paras[i].text[:1]:
            runs[-1].append(c)
        else:
            runs.append([c])
    for run in runs:
        fit = [c for c in run if sum(c["parts"]) == c["denominator"]]
        if len(fit) < 2:
            continue
        for c in run:
            if c["detail"].pop("bullet_list", None) and sum(c["parts"]) != c["denominator"]:
                c["detail"].pop("weak", None)
                c["detail"]["exhaustive"] = True
                c["denominator_source"] += f"; {len(fit)} lists of the bullets beside it name as many items as their count"
