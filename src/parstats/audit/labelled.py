"""Lists whose items carry their noun and number, and amounts labelled alike in consecutive items.

Rules (each named in ``detail["rule"]``):

``labelled-items``
    A count and its noun (``có 3 khung hình phạt, bao gồm:``, ``chia làm 4 nhóm sau:``,
    ``gồm 5 chương``), then items labelled with the same noun and their numbers from one on
    (``Khung 1: …``, ``Khung 2: …``; ``Nhóm 1: …`` inside the paragraph; ``Chương I``): the
    items start within three paragraphs of the count (or later in its paragraph) and their
    numbers run 1, 2, 3, …. ``consistent`` when the last is the count; otherwise
    ``unverifiable`` (a label may be left out, or an item may run past the text read).
``labelled-amounts``
    Consecutive bullets that each state one amount under the same label and unit (``- Một phần
    diện tích tự nhiên là 11,84 km2, quy mô dân số là 18.737 người của phường A;``), and the
    paragraph right before or after them that states the same label and unit once (``Phường B
    có diện tích tự nhiên là 31,23 km2, quy mô dân số là 76.879 người``): the bullets are its
    parts. ``consistent`` when they add up to it (at its precision); when they do not,
    ``inconsistent`` only if another label of the same bullets adds up to its own total exactly
    (then the list is complete), else ``unverifiable``.
``head-total-bullets``
    A head that states an amount and ends with a cue and a colon (``Tổng vốn đầu tư khoảng
    329,78 tỷ đồng. Trong đó:``), then bullets of one marker that each state an amount of the
    same unit (``- Vốn tự có: 49,6 tỷ (chiếm khoảng 15,04% tổng mức đầu tư).``): a sum claim
    (``consistent`` when they add up to the head's amount, else ``unverifiable``: the bullets may
    name only some parts), and each bullet's share of the whole (``chiếm P%``) checked against
    it, flagged only when the parts add up to the whole exactly (the numbers then confirm the tie).

``ordinal-items``
    A count and its noun, then the items said one by one: ``Thứ nhất, …``, ``Thứ hai, …``,
    ``Một là, …``, ``Hai là, …`` (at a paragraph's or a sentence's start) or paragraphs opened by
    ``(1)``, ``(2)``, …, the nearest count before
    the first within 400 characters. ``consistent`` when the last is the count; otherwise nothing is
    said (the count may be of something else).

Each rule reads each paragraph a bounded number of times: linear in the text.
"""
from __future__ import annotations

import bisect
import re
from decimal import Decimal

from parstats.audit.amounts import total_and_parts
from parstats.audit.model import ProvisionalClaim, sum_claim
from parstats.audit.breakdowns import marker_depth, marker_kind
from parstats.audit.words import COUNT_WORDS, LOWER, NUM, UPPER, count_value
from parstats.markdown import Paragraph, joined_texts
from parstats.numbers import parse_number

__all__ = ["WEAK_LABELLED", "WEAK_AMOUNTS", "WEAK_HEAD_SHARE", "labelled_claims"]

WEAK_LABELLED = "a label may be left out, or the items may run past the text read"
WEAK_AMOUNTS = "the bullets may list only some of the parts"
WEAK_HEAD_SHARE = "the bullets do not add up to the amount of their head: the share may be of another whole"

_WORDS = "|".join(sorted((w for w in COUNT_WORDS if w != "một"), key=len, reverse=True))
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
          "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}
#: a label's number ("Khung 1", "Nhóm 3:", "Chương IV"): one or two digits or a Roman numeral after
#: a space, then a colon, a full stop, a parenthesis, a dash, the end or a capitalised word (the
#: pattern starts with a class: the engine looks for it instead of trying every position)
_K_RE = re.compile(r"[0-9IVX](?<= [0-9IVX])(?:(?<=[0-9])[0-9]?|(?<=[IVX])[IVX]{0,3})(?![0-9\w])"
                   r"(?=[:.)\n]| [-–]|$| " + UPPER + r")")
#: the label's noun, right before its number: a capitalised word and an optional lower-case one
_LABEL_WORDS_RE = re.compile(r"(?<!\w)(" + UPPER + LOWER + r"*(?: " + LOWER + r"+)?)$")
_MARKER_ONLY_RE = re.compile(r"[-+*•–] ")
#: the first label of a list: " 1" or " I" before what ends a label, each found from its
#: character (a literal: quick; a pattern that starts with the space stops at every word), the
#: space checked behind it: a match starts one character after the space
_ONE_RES = tuple(re.compile(c + r"(?<= " + c + r")(?![0-9\w])(?=[:.)\n]| [-–]|$| " + UPPER + r")") for c in "1I")


_LABEL_OF: dict[str, re.Pattern] = {}


def _labels_of(noun: str) -> re.Pattern:
    """The labels of ``noun`` (their numbers in the group ``k``), compiled once per noun; the noun
    first (a literal: quick), the start of its word checked by the caller."""
    pat = _LABEL_OF.get(noun)
    if pat is None:
        if len(_LABEL_OF) > 1024:
            _LABEL_OF.clear()
        pat = _LABEL_OF[noun] = re.compile(re.escape(noun) + r" (?P<k>[0-9]{1,2}|[IVX]{1,4})(?![0-9\w])"
                                           r"(?=[:.)\n]| [-–]|$| " + UPPER + r")")
    return pat


#: a count's noun that is a time, a measure or a number word: not items
_NOT_ITEM_NOUNS = frozenset("năm tháng ngày giờ phút giây tuổi lần điểm người triệu tỷ nghìn ngàn trăm".split())


def _number(k: str) -> int:
    return int(k) if k.isdigit() else _ROMAN.get(k, 0)


def _labels(paras: list[Paragraph], joined: str, offsets: list[int]) -> dict[str, list[tuple[int, int, int]]]:
    """Every label of the text by its noun (lower case): (paragraph, offset, number), in order. A
    label opens its paragraph (after a marker), follows a sentence end or a colon, or is followed
    by a colon ("… Asian Cup 2019 Nhóm 3: Các đội …")."""
    out: dict[str, list[tuple[int, int, int]]] = {}
    # one search over the paragraphs joined (a paragraph's end is a line break there)
    hits: dict[int, list[re.Match]] = {}
    # a list of labels starts with "… 1" or "… I": found first (a literal: quick), the labels of
    # their nouns only then
    nouns = set()
    for pat in _ONE_RES:
        for one in pat.finditer(joined):
            at = one.start() - 1  # the space
            w = _LABEL_WORDS_RE.search(joined, max(0, at - 32), at)
            if w is not None:
                nouns.add(w.group(1))
    if not nouns:
        return out
    for noun in nouns:
        for k in _labels_of(noun).finditer(joined):
            if k.start() and (joined[k.start() - 1].isalnum() or joined[k.start() - 1] == "_"):
                continue  # inside a word
            k_at = k.start("k")
            i = bisect.bisect_right(offsets, k_at) - 1
            hits.setdefault(i, []).append(k_at - offsets[i])
    for starts in hits.values():
        starts.sort()
    for i, starts in hits.items():
        p = paras[i]
        if p.kind not in ("body", "heading", "footnote"):
            continue
        text = p.text
        for ks in starts:
            k = _K_RE.match(text, ks)
            if k is None:
                continue
            w = _LABEL_WORDS_RE.search(text, max(0, ks - 32), ks - 1)
            if w is None:
                continue
            ls = w.start(1)
            before = text[max(0, ls - 2):ls]
            if not (ls == 0 or (ls == 2 and _MARKER_ONLY_RE.fullmatch(text, 0, 2)) or before in _BOUNDARIES
                    or (text.startswith(":", k.end()) and before[-1:] == " ")):
                continue
            out.setdefault(w.group(1).lower(), []).append((i, ls, _number(k.group(0))))
    return out


_BOUNDARIES = frozenset((". ", ": ", "; ", "! ", "? "))
_COUNT_OF: dict[str, re.Pattern] = {}


def _count_of(noun: str) -> re.Pattern:
    """The pattern of a count of ``noun`` ("3 khung", "bốn nhóm"), compiled once per noun."""
    pat = _COUNT_OF.get(noun)
    if pat is None:
        if len(_COUNT_OF) > 1024:
            _COUNT_OF.clear()
        pat = _COUNT_OF[noun] = re.compile(r"(?<![\w.,/])(?P<n>[0-9]{1,2}|(?i:" + _WORDS + r")) (?P<noun>"
                                           + re.escape(noun) + r")(?!\w)")
    return pat


def _labelled_items(paras: list[Paragraph], joined: str, offsets: list[int], out: list) -> None:
    labels = _labels(paras, joined, offsets)
    for noun, seq in labels.items():
        if noun.split()[0] in _NOT_ITEM_NOUNS:
            continue
        x = 0
        while x < len(seq):
            j, s, k = seq[x]
            if k != 1:
                x += 1
                continue
            run, y = 1, x + 1  # the run of labels 1, 2, 3, … from here
            while y < len(seq) and seq[y][2] != 1:
                if seq[y][2] == run + 1:
                    run += 1
                y += 1
            x = y
            if run < 2:
                continue
            # the nearest count of the noun before the first label: in its paragraph, or in the
            # three paragraphs before it
            found = None
            for i in range(j, max(-1, j - 4), -1):
                p = paras[i]
                if p.kind not in ("body", "footnote"):
                    continue
                end = s if i == j else len(p.text)  # the last 400 characters before the labels
                hits = list(_count_of(noun).finditer(p.text, max(0, end - 400), end))
                if hits:
                    found = (i, p, hits[-1])
                    break
            if found is None:
                continue
            i, p, m = found
            n = count_value(m.group("n"))
            if n < 2:
                continue
            out.append(sum_claim(p, i, m.start(), m.end(), total=n, parts=(1,) * run, reported=m.group("n"),
                                 source=f"the count '{m.group('n')} {noun}' and the items labelled "
                                        f"'{noun.capitalize()} 1' to '{noun.capitalize()} {run}'",
                                 detail={"unit": noun, "rule": "labelled-items", "list": True,
                                         "weak": WEAK_LABELLED}))


#: a labelled amount: a number and its unit, found from its first digit (a class: quick); its label
#: is read back from there: up to four lower-case words and a cue right before it
_NUMBER_AT_RE = re.compile(r"[0-9](?<![0-9.,][0-9])")
_NUMBER_UNIT_RE = re.compile(r"(?P<n>" + NUM + r") ?(?P<u>km2|km²|ha|m2|m²|người|hộ|tỷ đồng|triệu đồng|đồng|tấn"
                             r"|[a-zđ]{1,4}(?=[ ,;.)]|$))")
_LABEL_TAIL_RE = re.compile(r"(?P<label>(?:" + LOWER + r"+ ){0,3}" + LOWER + r"+)(?: là|:| đạt| khoảng| có)? $")


def _amounts(text: str) -> dict[tuple[str, str], tuple[str, Decimal, int]]:
    """The labelled amounts of a text, by (last two words of the label, unit): (number as written,
    value, decimals); a key stated twice is dropped (two amounts of one label: not one part)."""
    got: dict = {}
    twice = set()
    end = 0
    for d in _NUMBER_AT_RE.finditer(text):
        if d.start() < end:
            continue
        m = _NUMBER_UNIT_RE.match(text, d.start())
        if m is None:
            continue
        end = m.end()
        lab = _LABEL_TAIL_RE.search(text, max(0, d.start() - 60), d.start())
        if lab is None:
            continue
        key = (" ".join(lab.group("label").split()[-2:]), m.group("u").replace("²", "2"))
        if key in got:
            twice.add(key)
            continue
        try:
            v = parse_number(m.group("n"))
        except ValueError:
            continue
        got[key] = (m.group("n"), v.value, v.decimals)
    for k in twice:
        del got[k]
    return got


def _labelled_amounts(paras: list[Paragraph], out: list) -> None:
    n = len(paras)
    i = 0
    while i < n:
        p = paras[i]
        if not (p.bullet and p.kind == "body"):
            i += 1
            continue
        j = i
        while j < n and paras[j].bullet and paras[j].kind == "body" and paras[j].text[:1] == p.text[:1]:
            j += 1
        if j - i >= 2 and any(0 <= t < n and not paras[t].bullet and _NUMBER_AT_RE.search(paras[t].text)
                              for t in (j, i - 1)):  # a total beside the bullets, first (cheap)
            rows = []
            common = None
            for q in paras[i:j]:
                r = _amounts(q.text)
                common = set(r) if common is None else common & set(r)
                if not common:
                    break  # a bullet without a labelled amount of the others: no common label
                rows.append(r)
            if common:
                _check_amounts(paras, i, j, rows, common, out)
        i = j


def _check_amounts(paras, i, j, rows, common, out) -> None:
    for t in (j, i - 1):  # the paragraph after the bullets, else the head before them
        if t < 0 or t >= len(paras) or paras[t].kind != "body" or paras[t].bullet:
            continue
        totals = _amounts(paras[t].text)
        keys = [k for k in sorted(common) if k in totals]
        if not keys:
            continue
        scaled = {}
        for k in keys:
            written, total, tdec = totals[k]
            dec = max([tdec] + [r[k][2] for r in rows])
            parts = tuple(int(r[k][1].scaleb(dec)) for r in rows)
            slack = sum(5 * 10 ** (dec - r[k][2] - 1) for r in rows if r[k][2] < dec)
            scaled[k] = (int(total.scaleb(dec)), parts, dec, slack)
        fits = {k: abs(sum(v[1]) - v[0]) <= v[3] for k, v in scaled.items()}
        any_exact = any(fits.values())
        q = paras[t]
        for k in keys:
            written = totals[k][0]
            total, parts, dec, slack = scaled[k]
            s = q.text.find(written)
            weak = None if (fits[k] or any_exact) else WEAK_AMOUNTS
            out.append(sum_claim(q, t, s, s + len(written) + 1 + len(k[1]), total=total, parts=parts,
                              reported=written,
                              source=f"{len(parts)} bullets of '{k[0]}' in {k[1]}",
                              detail={"unit": k[1], "rule": "labelled-amounts", "weak": weak,
                                      "scale": 10 ** dec, "slack": slack}))
        return


#: a head's cue before its final colon ("Trong đó:", "bao gồm:", "cụ thể như sau:")
_HEAD_CUE_RE = re.compile(r"(?i)(?:trong đó|bao gồm|gồm có|gồm|cụ thể(?: như sau)?|chia ra|như sau)\s*:\s*$")
_UNIT_AMOUNT_RE = re.compile(r"(?<![0-9.,])(?P<n>" + NUM + r") (?P<u>tỷ|tỉ|triệu|nghìn|ngàn|người|ha|km2|km²|km|tấn|hộ|đồng|USD)\b")
_BULLET_SHARE_RE = re.compile(r"(?:chiếm|\()(?: khoảng| tỷ lệ| tỉ lệ)? ?(?P<p>[0-9]{1,3}(?:,[0-9]{1,3})?) ?%")
#: an approximate amount ("khoảng 49,6 tỷ", "gần 50 tỷ", "hơn 50 tỷ")
_APPROX_BEFORE_RE = re.compile(r"(?:khoảng|gần|hơn|trên|dưới|ước|xấp xỉ) $")


def _stray_digit(written: list[str], parts: tuple, total: int, dec: int) -> tuple[str, str] | None:
    """A part that one digit too many keeps from adding up to the total ("5122,5" for "122,5" when
    the others make 579,8 with 122,5): (as written, without the digit), or None. The numbers
    corroborate the list then: only a stray digit stands between it and its total."""
    rest = sum(parts)
    for w, x in zip(written, parts):
        for k, ch in enumerate(w):
            if not ch.isdigit():
                continue
            cut = w[:k] + w[k + 1:]
            if not cut or not cut[0].isdigit() or (cut[0] == "0" and len(cut) > 1 and cut[1].isdigit()):
                continue
            try:
                v = parse_number(cut)
            except ValueError:
                continue
            if rest - x + int(v.value.scaleb(dec)) == total:
                return w, cut
    return None


def _head_total_bullets(paras: list[Paragraph], out: list) -> None:
    n = len(paras)
    for i, p in enumerate(paras):
        if not p.text.endswith(":") or p.kind != "body" or i + 1 >= n or not paras[i + 1].bullet:
            continue
        cue = _HEAD_CUE_RE.search(p.text, max(0, len(p.text) - 40))
        if cue is None:
            continue
        heads = list(_UNIT_AMOUNT_RE.finditer(p.text, max(0, cue.start() - 160), cue.start()))
        if not heads:
            continue
        head = heads[-1]
        unit = head.group("u")
        kind = marker_kind(paras[i + 1].text)
        depth = marker_depth(kind)
        items = []
        for j in range(i + 1, min(n, i + 40)):
            q = paras[j]
            if q.kind != "body" or not q.bullet:
                break
            k = marker_kind(q.text)
            if k != kind:
                if marker_depth(k) < depth:
                    break
                continue
            a = next((m for m in _UNIT_AMOUNT_RE.finditer(q.text) if m.group("u") == unit), None)
            if a is None:
                items = []
                break
            items.append((j, a))
        if len(items) < 2:
            continue
        try:
            total, parts, dec, slack = total_and_parts(head.group("n"), [a.group("n") for _, a in items])
        except ValueError:
            continue
        adds_up = abs(sum(parts) - total) <= slack
        stray = None if adds_up else _stray_digit([a.group("n") for _, a in items], parts, total, dec)
        source = f"{len(parts)} bullets of '{unit}' under '{cue.group(0).strip()}'"
        if stray:
            source += f"; without one digit, '{stray[0]}' would be '{stray[1]}' and the bullets would add up to it"
        detail = {"unit": unit, "rule": "head-total-bullets", "scale": 10 ** dec, "slack": slack,
                  "weak": None if adds_up or stray else WEAK_AMOUNTS}
        if stray:
            detail["exhaustive"] = True
        out.append(sum_claim(p, i, head.start(), head.end(), total=total, parts=parts, reported=head.group("n"),
                          source=source, detail=detail))
        for (j, a), x in zip(items, parts):
            q = paras[j]
            sm = _BULLET_SHARE_RE.search(q.text, a.end(), a.end() + 40)
            if sm is None:
                continue
            approx = bool(_APPROX_BEFORE_RE.search(q.text, max(0, a.start() - 8), a.start()))
            x_text, y_text = f"{a.group('n')} {unit}", f"{head.group('n')} {unit}"
            out.append({"kind": "ratio", "line": q.line_at(sm.start("p")),
                        "quote": q.text[a.start():sm.end()].strip(" ,;:.("), "numerator": x,
                        "denominator": total, "parts": None, "reported": sm.group("p") + "%",
                        "denominator_source": f"the amount {y_text} of the head at line {p.line_at(head.start())}, "
                                              f"which the {len(parts)} bullets under it add up to"
                        if adds_up else f"the amount {y_text} of the head at line {p.line_at(head.start())}",
                        "target": None,
                        "detail": {"rule": "head-total-bullets", "x_text": x_text, "y_text": y_text,
                                   "approximate": approx, "weak": None if adds_up else WEAK_HEAD_SHARE},
                        "order": (j, sm.start("p"))})


_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
#: "Thứ nhất," / "thứ hai:" (found from "hứ ", a literal) and "Một là," / "Hai là:"
#: "thứ nhất", "thứ hai", … before a comma, a colon, a full stop or "là", found from the "ứ" (a
#: literal rarer than the "h": the engine stops at fewer places), the "h" checked behind it: a
#: match starts at the "ứ", two characters after the "T" or "t" of "thứ"
_ORDINAL_RE = re.compile(r"ứ(?<=hứ) (?P<o>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?=[,:.]| là)")
#: "là," or "là:" found from the "à" (rarer than the "l"), its number word read back: a match
#: starts one character after the "l"
_IS_RE = re.compile(r"à(?<=là)[,:]")
_IS_WORD_RE = re.compile(r"(?P<o>Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) $")
#: an item numbered in parentheses at a paragraph's start ("(1) Khách sạn: …")
_PAREN_NUMBER_RE = re.compile(r"\n\((?P<k>[0-9]{1,2})\) ")  # found from the line break (a literal: quick)
_IS_VALUES = {"Một": 1, "Hai": 2, "Ba": 3, "Bốn": 4, "Năm": 5, "Sáu": 6, "Bảy": 7, "Tám": 8, "Chín": 9, "Mười": 10}
#: a count and its noun ("tư" and "năm" left out: "đầu tư xây dựng", "năm nay" are no counts)
_ANY_COUNT_RE = re.compile(r"(?<![\w.,/])(?P<n>[0-9]{1,2}|(?i:" + "|".join(
    w for w in sorted(COUNT_WORDS, key=len, reverse=True) if w not in ("một", "tư", "năm")) + r")) (?P<noun>" + LOWER + r"+)")


def _at_start(joined: str, s: int) -> bool:
    """Whether ``s`` opens a paragraph (after a marker) or a sentence."""
    before = joined[max(0, s - 2):s]
    return s == 0 or before[-1:] == "\n" or before in _BOUNDARIES or _MARKER_ONLY_RE.fullmatch(before) is not None


def _ordinal_items(paras: list[Paragraph], joined: str, offsets: list[int], out: list) -> None:
    if "hứ nhất" not in joined and " là" not in joined and "(1) " not in joined:
        return
    marks = []
    for m in _ORDINAL_RE.finditer(joined):
        s = m.start() - 2
        if s >= 0 and joined[s] in "Tt" and _at_start(joined, s):
            marks.append((s, _ORDINALS[m.group("o")]))
    for pm in _PAREN_NUMBER_RE.finditer("\n" + joined):  # "(1) Khách sạn: …" at a paragraph's start
        marks.append((pm.start(), int(pm.group("k"))))  # (the line break added before the text: -1 +1)
    for lm in _IS_RE.finditer(joined):
        at = lm.start() - 1  # the "l"
        m = _IS_WORD_RE.search(joined, max(0, at - 6), at)
        if m is not None and _at_start(joined, m.start()):
            marks.append((m.start(), _IS_VALUES[m.group("o")]))
    marks.sort()
    x = 0
    while x < len(marks):
        s, k = marks[x]
        x += 1
        if k != 1:
            continue
        run = 1
        while x < len(marks) and marks[x][1] == run + 1:
            run += 1
            x += 1
        if run < 2:
            continue
        found = None
        for found in _ANY_COUNT_RE.finditer(joined, max(0, s - 400), s):
            pass
        if found is None or found.group("noun") in _NOT_ITEM_NOUNS:
            continue
        n = count_value(found.group("n"))
        if n != run:
            continue
        i = bisect.bisect_right(offsets, found.start()) - 1
        p = paras[i]
        if p.kind not in ("body", "footnote", "heading"):
            continue
        at = found.start() - offsets[i]
        out.append(sum_claim(p, i, at, found.end() - offsets[i], total=n, parts=(1,) * run,
                             reported=found.group("n"),
                             source=f"the count '{found.group(0)}' and the items said one by one after it ({run})",
                             detail={"unit": found.group("noun"), "rule": "ordinal-items", "list": True,
                                     "weak": WEAK_LABELLED}))


#: a count of one or two nouns at the end of a paragraph's last sentence ("Giáo hạt Vạn Hạnh gồm
#: 12 giáo xứ và 1 giáo họ độc lập nằm trên địa bàn …."), in digits or words
_NOUN_COUNT_RE = re.compile(
    r"(?:gồm|gồm có|bao gồm|có) (?P<n>[0-9]{1,3}|" + _WORDS + r") (?P<noun>" + LOWER + r"+(?: " + LOWER + r"+)?)"
    r"(?: và (?P<m>[0-9]{1,3}|" + _WORDS + r") (?P<noun2>" + LOWER + r"+(?: " + LOWER + r"+)?))?(?=[ ,.])")
#: a first item set in bold and glued before the bullets ("**Giáo xứ A (sở hạt)**- Giáo xứ B - …")
_BOLD_GLUED_RE = re.compile(r"^(?:\*\*)?(?P<first>[^*\n]{2,200}?)(?:\*\*)?(?<![\s-])- (?P<second>.+)$")


def _noun_bullets(paras: list[Paragraph], out: list) -> None:
    """``Giáo hạt Vạn Hạnh gồm 12 giáo xứ và 1 giáo họ độc lập nằm trên …`` then bullets each
    naming one of those nouns within its first four words (``- Giáo xứ An Nhiên - …``,
    ``- Chuẩn giáo xứ Tiến Thủy - …``, ``- Giáo họ độc lập Ngũ Đông - …``), a first item in bold
    glued before them counted too (rule ``noun-bullets``): the count is the paragraph's last, in
    its last sentence; the bullets end at the first line that is not a bullet or does not name
    the noun. ``consistent`` when they are as many as the count (or the two counts together);
    otherwise nothing is said (an item may be named twice, or the list run on)."""
    for i, p in enumerate(paras[:-1]):
        if p.kind != "body" or p.bullet or p.text.endswith(":"):
            continue
        q = paras[i + 1]
        if not (q.bullet or "- " in q.text[:210]):
            continue
        start = p.text.rfind(". ", 0, max(0, len(p.text) - 2)) + 1
        m = None
        k = max(p.text.find("gồm", start), p.text.find("có ", start))
        while k >= 0:  # the last count after "gồm"/"có" (found from the words, then matched)
            got = _NOUN_COUNT_RE.match(p.text, k - 4 if p.text.startswith("bao", k - 4) else k)
            m = got or m
            k = min([j for j in (p.text.find("gồm", k + 1), p.text.find("có ", k + 1)) if j >= 0], default=-1)
        if m is None or not (q.bullet or _BOLD_GLUED_RE.match(q.text)):
            continue
        counts = [(m.group("n"), m.group("noun").lower())]
        if m.group("m"):
            counts.append((m.group("m"), m.group("noun2").lower()))
        wanted = [count_value(w) for w, _ in counts]
        n = sum(wanted)
        if n < 2:
            continue
        got = [0] * len(counts)
        for k, r in enumerate(paras[i + 1:i + 2 + n + 2]):
            g = _BOLD_GLUED_RE.match(r.text) if k == 0 else None
            if g is not None:
                texts = [g.group("first"), g.group("second")]
            elif r.bullet:
                texts = [re.sub(r"^\s*[-+*•–]\s*", "", r.text)]
            else:
                break
            kinds = [[j for j, (_, noun) in enumerate(counts) if noun in " ".join(t.lower().split()[:4])]
                     for t in texts]
            if not all(len(x) == 1 for x in kinds):
                break
            for x in kinds:
                got[x[0]] += 1
        if got != wanted:
            continue
        for (written, noun), cnt in zip(counts, wanted):
            if cnt >= 2:
                out.append(sum_claim(p, i, m.start(), m.end(), total=cnt, parts=(1,) * cnt, reported=written,
                                     source=f"the count '{written} {noun}' before {cnt} bullets naming '{noun}'",
                                     detail={"unit": noun, "rule": "noun-bullets", "list": True}))
                break  # one claim at the place: the first noun's


def labelled_claims(paras: list[Paragraph], joined: tuple[str, list[int]] | None = None) -> list[ProvisionalClaim]:
    """The ``labelled-items`` and ``labelled-amounts`` claims of a text's paragraphs; ``joined``:
    their texts joined (:func:`parstats.markdown.joined_texts`), when the caller has them."""
    out: list[ProvisionalClaim] = []
    joined, offsets = joined if joined is not None else joined_texts([p.text for p in paras])
    _labelled_items(paras, joined, offsets, out)
    _ordinal_items(paras, joined, offsets, out)
    if any(p.bullet for p in paras):
        _labelled_amounts(paras, out)
        _head_total_bullets(paras, out)
        _noun_bullets(paras, out)
    return out
