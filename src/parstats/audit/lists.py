"""Lists whose items stand before their count, counts before bullet lines, and the runner of the
list rules (:func:`list_claims`).

Rules (each named in ``detail["rule"]``, written by :func:`parstats.audit.checks.basis`):

``named-then-counted``
    ``Mỹ và Nga là 2 nước …``, ``ngô và đậu nành là hai cây trồng …``: the items, then ``là``
    and their count. Never flagged.
``bulleted-list``
    ``… theo một trong hai phương án sau:`` followed by bullet lines: the count against the
    bullets of one marker right after it. Never flagged.

A count then its items (``counted-list``, ``numbered-list``) is read by
:mod:`parstats.audit.countedlists`; shares that make a whole (``breakdown-100`` and the other
breakdowns) are :mod:`parstats.audit.breakdowns`. :func:`list_claims` runs them all, with the
rules of names before their count (:mod:`parstats.audit.namecounts`), parts of a total
(:mod:`parstats.audit.totals`), labelled items (:mod:`parstats.audit.labelled`) and scores
(:mod:`parstats.audit.records`).

All rules read a paragraph (:class:`parstats.markdown.Paragraph`) once, left to right, with
regular expressions anchored at the few places a count can start (:func:`_places`, one search of
the paragraphs joined): linear in its length.
"""
from __future__ import annotations

import bisect
import re

from parstats.audit.breakdowns import (PARTS_CUE_WORDS, bullet_shares, inline_parts, item_shares, marker_depth, marker_kind,
                                        numbered_share_runs, paren_part_shares, point_shares, semicolon_shares,
                                        same_phrase_shares,
                                        remainder, sentence_shares)
from parstats.audit.countedlists import (ITEM_RE, NOT_COUNT_BEFORE, NOT_LIST_NOUNS, NUMBER_WORDS, NUMBER_WORDS_CASED,
                                         WEAK_LIST, forward_lists, list_items, sibling_lists, word_before)
from parstats.audit.labelled import labelled_claims
from parstats.audit.matchlists import match_results_claims
from parstats.audit.matchscores import result_scorers_claims, score_claims, scorer_line_claims
from parstats.audit.model import sum_claim
from parstats.audit.totals import parts_of_total_claims, word_parts_claims
from parstats.audit.namecounts import (all_of_names_claims, anaphor_count_claims, count_after_names_claims,
                                       match_pair_claims, names_count_claims, numbered_times_claims,
                                       parties_pair_claims, rank_after_names_claims)
from parstats.audit.standings import standings_claims
from parstats.audit.words import LOWER, UPPER
from parstats.markdown import Paragraph, joined_texts

WEAK_BACKWARD = "the items stand before the count: the clause may hold more than the list"

_UP = UPPER
_LO = LOWER


#: a count and its noun right after " là " (the items stand before it)
_COUNT_AFTER_LA_RE = re.compile(
    r"(?:(?P<d>[0-9]{1,2})|(?P<w>" + NUMBER_WORDS_CASED + r")) (?P<noun>" + _LO + r"+(?: " + _LO + r"+)?)")
_LEAD_LOWER_RE = re.compile(r"^(?:" + _LO + r"+ ){1,4}(?=[`" + _UP[1:] + r")")
_TRAIL_LOWER_RE = re.compile(r"(?<=[\w.’'`])(?: " + _LO + r"+){1,3}$")
_UP_RE = re.compile(_UP)
#: ": " before a capitalised count ("Hà Nội và TP Hồ Chí Minh: Hai điểm sáng")
_COLON_COUNT_RE = re.compile(r": (?=[0-9]{1,2} " + _LO + r"|(?:" + "|".join(
    w[0].upper() + w[1:] for w in sorted(NUMBER_WORDS, key=len, reverse=True) if " " not in w) + r") " + _LO + r")")


#: " là " before a count (a literal start: found quickly)
_LA_COUNT_RE = re.compile(r" là (?=[0-9]{1,2} |(?:" + NUMBER_WORDS_CASED + r") )")
#: the same, from "là " (rarer than a space: found faster), the space before it checked from there;
#: a match starts one character after the space
_LA_PLACE_RE = re.compile(r"là (?<= là )(?=[0-9]{1,2} |(?:" + NUMBER_WORDS_CASED + r") )")


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
    if n < 2 or (noun.split()[0] in NOT_LIST_NOUNS and noun.split()[0] != "điểm"):
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
        items = list_items(clause)
        if any(len(i.split()) > (5 if has_names else 3) for i in items):
            break
        if has_names and not all(ITEM_RE.fullmatch(i.strip()) for i in items):
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


_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_BULLET_HEAD_RE = re.compile(
    r"(?:(?P<d>[0-9]{1,2})|(?P<w>(?i:" + _WORDS + r"))) (?P<noun>(?:" + _LO + r"+ ?){1,4}?)(?: sau| như sau| dưới đây)?:\s*$")
#: the last count of a head line before its colon, with anything but a number or a sentence end
#: between its noun and the colon ("được chia làm 03 loại theo phổ phun bao gồm:")
_HEAD_COUNT_RE = re.compile(
    r"(?:(?<![\w.,/])(?P<d>[0-9]{1,2})|(?P<w>(?<!\w)(?:" + NUMBER_WORDS_CASED + r")))(?= (?P<noun>" + _LO + r"+))"
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
    if m is None or word_before(p.text, m.start()) in NOT_COUNT_BEFORE:
        return
    noun = m.group("noun")
    if noun in NOT_LIST_NOUNS:
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
_LIST_AHEAD = r"(?= [\"“]?[^\W\d_][^.;!?\n]{0,90}?(?::|gồm|là | năm [12][0-9]{3}|[ ,(][`" + _UP[1:] + r"))"
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



#: one or two digits and an acronym ("8 CLB", "14 DN")
_ACRONYM_COUNT_RE = re.compile(r"[0-9](?<![0-9.,/][0-9])[0-9]? [A-ZĐ]{2,5}(?![\w])")


def _places(paras: list[Paragraph], contexts, joined: str,
            offsets: list[int]) -> tuple[dict[int, list[int]], dict[int, list[int]], set[int]]:
    """Where each rule may apply, per paragraph, found on the paragraphs joined (one search
    each, by patterns that start with a literal or a character class, which the engine finds
    quickly): ``(counts, là-before-a-count, paragraphs with a percentage)``. A count is one or two
    digits or a number word, then a space and a letter. The places of each paragraph are in
    increasing order."""
    texts = [p.text for p in paras]

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
            if ("ồ" in t and "gồm" in t) or (":" in t and ": " in t) or " là " in t:
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


#: a standings table's header row: the wins, draws and losses columns ("| T | H | B |")
_STANDINGS_HEAD_RE = re.compile(r"\|\s*(?:T|Thắng)\s*\|\s*(?:H|Hòa|Hoà)\s*\|\s*(?:B|Thua|Bại)\s*\|")
_COMMA_COUNT_RE = re.compile(r", (?=[0-9HBNSTMChbnstmc])(?:[0-9]{1,2}|" + NUMBER_WORDS_CASED + r") " + _LO)


def _comma_count_places(paras: list[Paragraph], idx: list[int]) -> list[int]:
    """The paragraphs with " và " (``idx``: those that hold it) and a count right after a comma,
    found by one search of those paragraphs joined (the pattern starts with a literal: found
    quickly)."""
    if not idx:
        return []
    joined, offsets = joined_texts([paras[i].text for i in idx])
    return sorted({idx[bisect.bisect_right(offsets, m.start()) - 1] for m in _COMMA_COUNT_RE.finditer(joined)})


def list_claims(paras: list[Paragraph], contexts=None, joined: tuple[str, list[int]] | None = None) -> list[dict]:
    """The counted-list and breakdown claims of a text's paragraphs (provisional claim dicts,
    at most one per place ``order``; the extractor keeps another rule's claim at the same place,
    such as ``list-of-names`` of :mod:`parstats.audit.ties`). ``contexts``: the paragraphs'
    :class:`parstats.audit.tokens.ParagraphContext` objects, whose count tokens are the places of
    counts in digits (else they are searched here); ``joined``: the paragraphs' texts joined
    (:func:`parstats.markdown.joined_texts`), when the caller has them."""
    out: list = []
    # (one join for the searches of all rules)
    joined, offsets = joined if joined is not None else joined_texts([p.text for p in paras])
    starts, las, pcts = _places(paras, contexts, joined, offsets)
    # "Lào, Malaysia, Campuchia và Thái Lan, bốn đối thủ": a count after a comma, names before it
    with_va = [i for i, p in enumerate(paras) if "à" in p.text and " và " in p.text]  # "à" first: quicker
    names_places = _comma_count_places(paras, with_va)
    for pidx in sorted(set(starts) | set(las) | pcts):
        p = paras[pidx]
        if p.kind not in ("body", "footnote", "table"):
            continue
        text = p.text
        forward_lists(p, pidx, starts.get(pidx, ()), out)
        if pidx in pcts:
            if "(" in text and any(cue in text for cue in PARTS_CUE_WORDS):
                inline_parts(p, pidx, out)
            if "%)" in text:
                paren_part_shares(p, pidx, out)
            if "còn lại" in text:
                before = len(out)
                remainder(p, pidx, out)
                if len(out) == before:  # "giữ lại 28% số thu … Số tiền còn lại (72% số thu …)"
                    same_phrase_shares(p, pidx, out)
                if text.count("%") >= 2:  # the sentences that name no rest
                    sentence_shares(p, pidx, out)
            elif text.count("%") >= 2:
                sentence_shares(p, pidx, out)
                same_phrase_shares(p, pidx, out)
                if "; " in text and ": " in text:
                    semicolon_shares(p, pidx, out)
        for la in las.get(pidx, ()):
            _backward(p, pidx, la, out)
    for pidx in names_places:
        names_count_claims(paras[pidx], pidx, out)
    # the rules of names before their count, each where its cue words stand (a word is looked
    # for after one of its letters that most paragraphs lack, or after a character it holds: a
    # test for one character is several times quicker than one for a word, this loop runs for
    # every paragraph, and most paragraphs lack the cues)
    va_at = set(with_va)
    for pidx, p in enumerate(paras):
        if p.kind not in ("body", "footnote"):
            continue
        text = p.text
        va = pidx in va_at
        if va:
            if (("ả" in text and ("cả " in text or "Cả " in text)) or ("ộ" in text and ("bộ " in text or "Bộ " in text))
                    or "ặp " in text):
                all_of_names_claims(p, pidx, out)
            if ":" in text and ": " in text:
                for cm in _COLON_COUNT_RE.finditer(text):
                    _backward(p, pidx, cm.start(), out, sep=": ")
            if ". " in text:
                count_after_names_claims(p, pidx, out)
        if "ứ" in text and "thứ " in text and "sau " in text:
            rank_after_names_claims(p, pidx, out)
        if ("ồ" in text and "gồm" in text) or ": " in text:
            word_parts_claims(p, pidx, out)
        if va or (", " in text and "(" in text):
            numbered_times_claims(p, pidx, out)
        if "-" in text and ("tỷ số" in text or "tỉ số" in text or "gỡ" in text or "nâng" in text):
            score_claims(p, pidx, out)
        if ":" in text and ("bàn:" in text or "Bàn thắng:" in text):
            scorer_line_claims(p, pidx, out)
        if "'" in text and "-" in text and " (" in text:
            result_scorers_claims(p, pidx, out)
        if " đội" in text or " CLB" in text:
            match_pair_claims(p, pidx, out)
        if "trận" in text and "-" in text:
            match_results_claims(p, pidx, out)
        if va and (" nước" in text or " bên" in text or " quốc gia" in text or " phía" in text):
            parties_pair_claims(p, pidx, out)
        if (" này" in text or ("ó" in text and " đó" in text) or ("ê" in text and " trên" in text)
                or ("Đ" in text and ("Đây là" in text or "Đó là" in text or "Đấy là" in text))):
            anaphor_count_claims(p, pidx, out)
    for ctx in contexts or ():
        if ctx.toks:  # (parts of a total are read from the tokens: most paragraphs have none)
            parts_of_total_claims(paras[ctx.pidx], ctx, out)
    _bullets(paras, out)
    if any((" T H B " in p.text or "Thắng Hòa Thua" in p.text) if p.kind == "body" else
           (p.kind == "table" and _STANDINGS_HEAD_RE.search(p.text)) for p in paras):
        standings_claims(paras, out)
    out.extend(labelled_claims(paras, (joined, offsets)))
    if any(p.bullet and "%" in p.text for p in paras):
        item_shares(paras, out)
        numbered_share_runs(paras, out)
        point_shares(paras, out)
    sibling_lists(paras, out)
    seen: set = set()
    uniq = []
    for c in sorted(out, key=lambda c: c["order"]):
        if c["order"] not in seen:
            seen.add(c["order"])
            uniq.append(c)
    return uniq
