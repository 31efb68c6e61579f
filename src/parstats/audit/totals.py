"""Parts listed under a stated total: ``tổng số 36 chiếc, gồm 20 chiếc A, 12 chiếc B và 4 chiếc C``,
``11 đơn vị hành chính, bao gồm 1 thành phố, 1 thị xã và 9 huyện``, ``15 đơn vị hành chính cấp xã,
bao gồm thị trấn Phú Phong (huyện lỵ) và 14 xã``, ``Trong 382 mã …, có 48 mã tăng, …``.

Rule ``parts-of-total`` (named in ``detail["rule"]``): counts after a total and a cue that makes
them its parts (``gồm``, ``bao gồm``, ``trong đó``, ``chia thành``, ``:``), in the same sentence:
of the total's noun, or of other nouns whose running sum reaches the total, or administrative
units counted or named one by one. ``consistent`` when they add up; when they do not, nothing
is said (the list may be partial, or count subsets).
"""
from __future__ import annotations

import re

from parstats.audit.model import sum_claim
from parstats.audit.words import COUNT_WORDS, UPPER, count_value, list_run, sentence_end
from parstats.markdown import Paragraph

__all__ = ["WEAK_PARTS", "parts_of_total_claims", "word_parts_claims"]

#: the same words as the counted lists' (parstats.audit.countedlists): one diagnosis for both
WEAK_PARTS = "the list may name only some of the items, or one name may stand for several"


#: what makes the counts after a total its parts: "58 đơn vị, gồm …", "400 cầu thủ, trong đó …"
_PARTS_AFTER_TOTAL_RE = re.compile(
    r"(?: [^\W\d_]+){1,8}?,? ?\(?(?:gồm có|bao gồm|gồm|trong đó|chia ra|chia thành|cụ thể|:)")


_TRONG_BEFORE_RE = re.compile(r"(?i)\btrong (?:số |tổng số )?$")
#: the rest of the clause of a total stated first, up to its comma
_TOTAL_CLAUSE_RE = re.compile(r"[^,.;:!?0-9]{1,80},")


def _counts_after_total(p: Paragraph, pidx: int, ctx, out: list) -> None:
    """``tổng số 36 chiếc, gồm 20 chiếc A, 12 chiếc B và 4 chiếc C``: counts of the total's noun
    after a cue that makes them its parts, in the same sentence. Reported ``consistent`` when they
    add up to it; when they do not, nothing is said (the list may be partial, or count subsets)."""
    text = p.text
    toks = [t for t in ctx.toks if t.role == "count" and t.unit and not t.approx]
    for i, t in enumerate(toks):
        m = _PARTS_AFTER_TOTAL_RE.match(text, t.e)
        if m is None and _TRONG_BEFORE_RE.search(text, max(0, t.s - 16), t.s):
            # "Trong 382 mã niêm yết trên HNX, có 48 mã tăng, …": the total stated first
            m = _TOTAL_CLAUSE_RE.match(text, t.e)
        if m is None or not text.startswith(" " + t.unit, t.e):
            continue
        end = sentence_end(text, m.end())
        noun = t.unit.split()[0]
        parts = []
        for u in toks[i + 1:i + 40]:  # the counts of its sentence, at most 40 (linear in the paragraph)
            if u.s >= end:
                break
            if u.unit and u.unit.split()[0] == noun:
                parts.append(u)
        if len(parts) < 2 or sum(u.a for u in parts) != t.a or any(u.a >= t.a for u in parts):
            # parts of other nouns: "11 đơn vị hành chính, bao gồm 1 thành phố, 1 thị xã và 9
            # huyện": the counts right after the cue whose running sum reaches the total
            parts, run = [], 0
            for u in toks[i + 1:i + 12]:
                if u.s >= end or run >= t.a:
                    break
                if not u.unit or u.s - (parts[-1].e if parts else m.end()) > 60:
                    break
                parts.append(u)
                run += u.a
            nxt = next((u for u in toks[i + 1 + len(parts):i + 2 + len(parts)]), None)
            if (len(parts) < 2 or run != t.a or any(u.a >= t.a for u in parts)
                    or len({u.unit.split()[0] for u in parts}) < 2
                    or (nxt is not None and nxt.s < end and nxt.s - parts[-1].e <= 60)):
                continue  # one noun (read above), or the list goes on after the parts that fit
            noun = "/".join(dict.fromkeys(u.unit.split()[0] for u in parts))
        out.append(sum_claim(p, pidx, t.s, parts[-1].e + len(parts[-1].unit or "") + 1, total=t.a,
                          parts=tuple(u.a for u in parts), reported=t.text,
                          source=f"the total '{t.text} {t.unit}' and the counts of '{noun}' after "
                                 f"'{m.group(0).strip(' ,(')}' in its sentence",
                          detail={"unit": noun, "rule": "parts-of-total", "weak": WEAK_PARTS}))


_ADMIN = r"(?:thành phố|thị xã|thị trấn|quận|huyện|phường|xã|tỉnh)"
#: the parts of a count of administrative units: counts of one level ("14 xã"), or one unit
#: named ("thị trấn Phú Phong (huyện lỵ)", counted as one), each a part
_ADMIN_PART = (r"(?:(?P<n>[0-9]{1,3}) " + _ADMIN + r"(?:: [^.;]*?(?=, [0-9]| và [0-9]|[.;]|$))?|" + _ADMIN + r" "
               + UPPER + r"[\w'’-]*(?: " + UPPER + r"[\w'’-]*){0,3}(?: \([^()]{1,30}\))?)")
_ADMIN_PART_RE = re.compile(_ADMIN_PART)
_ADMIN_SEP_RE = re.compile(r",? và |, ")


def _admin_parts(p: Paragraph, pidx: int, ctx, out: list) -> None:
    """``15 đơn vị hành chính cấp xã, bao gồm thị trấn Phú Phong (huyện lỵ) và 14 xã: …`` (rule
    ``parts-of-total``): a count of administrative units, then after ``gồm``/``bao gồm`` its parts,
    counts of one level or one unit named (one). ``consistent`` when they add up; otherwise
    nothing is said (a part may be read wrong)."""
    text = p.text
    for t in ctx.toks:
        if t.role != "count" or not t.unit or t.unit.split()[0] not in ("đơn", "xã", "huyện", "phường"):
            continue
        m = _PARTS_AFTER_TOTAL_RE.match(text, t.e)
        if m is None or "gồm" not in m.group(0):
            continue
        pos, parts, named = m.end() + (1 if text[m.end():m.end() + 1] == " " else 0), [], False
        for _ in range(8):
            pm = _ADMIN_PART_RE.match(text, pos)
            if pm is None:
                break
            parts.append(int(pm.group("n")) if pm.group("n") else 1)
            named = named or pm.group("n") is None
            sep = _ADMIN_SEP_RE.match(text, pm.end())
            if sep is None:
                break
            pos = sep.end()
        if len(parts) < 2 or not named or sum(parts) != t.a:
            continue  # counts only: read by _counts_after_total
        out.append(sum_claim(p, pidx, t.s, pm.end(), total=t.a, parts=tuple(parts), reported=t.text,
                          source=f"the total '{t.text} {t.unit}' and the units after "
                                 f"'{m.group(0).strip(' ,(')}' in its sentence",
                          detail={"unit": t.unit, "rule": "parts-of-total", "list": True, "weak": WEAK_PARTS}))


_W = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
_WCOUNT = r"(?:[0-9]{1,3}|(?i:" + _W + r"))"
#: a count in words or digits, its noun, a few words, then "gồm" and the first part's count
_WORD_TOTAL_RE = re.compile(r"(?<!\w)(?P<n>" + _WCOUNT + r") (?P<noun>[^\W\d_]+(?: [^\W\d_]+){0,3}?)"
                            r"(?: [^\W\d_]+){0,4}?(?:,? (?P<cue>gồm|bao gồm)(?: có)?:?|:) (?=" + _WCOUNT + r" )")
#: what every match of _WORD_TOTAL_RE ends with: "gồm" or a colon and the first part's count (a
#: literal first: quick); a paragraph without it is not searched with _WORD_TOTAL_RE (which starts
#: with a look-behind, tried at every position)
_WORD_TOTAL_CUE_RE = re.compile(r"(?:gồm(?: có)?:?|:) (?=" + _WCOUNT + r" )")
#: a part: its count, its noun and what names it (a list of its own: "5 thành phố trực thuộc tỉnh:
#: Hưng Yên, …, Từ Sơn"), up to a separator before the next part's count or the sentence's end
_WORD_PART_RE = re.compile(r"(?P<n>" + _WCOUNT + r") (?P<w>[^\W\d_][^\d;.!?]{0,200}?)"
                           r"(?P<sep>; |, và |, | và |(?=[.;!?)]|$))(?=" + _WCOUNT + r" |[.;!?)]|$)")


def _word_parts(p: Paragraph, pidx: int, out: list) -> None:
    """``Ba trường hợp tử vong gồm hai trẻ em và một người lớn``, ``5 người: một thẩm phán, hai hội
    thẩm và hai đương sự``, ``7 đô thị loại III gồm 5 thành phố …: A, …, E và 2 thị xã: F, G``: a
    count and its noun, then after ``gồm`` or a colon counts of its parts written in words or
    digits, each with the names of its own list (rule ``parts-of-total``). ``consistent`` when
    they add up; otherwise nothing is said (the parts may be read wrong)."""
    text = p.text
    if _WORD_TOTAL_CUE_RE.search(text) is None:
        return
    for m in _WORD_TOTAL_RE.finditer(text):
        n = count_value(m.group("n"))
        if n is None or n < 2:
            continue
        items = list_run(_WORD_PART_RE, text, m.end(), 8, lambda q: count_value(q.group("n")) is not None)
        parts = [count_value(q.group("n")) for q in items]
        pos = items[-1].end() if items else m.end()
        if len(parts) < 2 or sum(parts) != n or any(v >= n for v in parts):
            continue
        out.append(sum_claim(p, pidx, m.start(), pos, total=n, parts=tuple(parts), reported=m.group("n"),
                             source=f"the total '{m.group('n')} {m.group('noun')}' and the units after "
                                    f"'{m.group('cue') or ':'}' in its sentence",
                             detail={"unit": m.group("noun"), "rule": "parts-of-total", "list": True,
                                     "weak": WEAK_PARTS}))


def parts_of_total_claims(p: Paragraph, ctx, out: list) -> None:
    """The ``parts-of-total`` claims of one paragraph (its
    :class:`parstats.audit.tokens.ParagraphContext` ``ctx``), appended to ``out``."""
    if len(ctx.toks) >= 3:
        _counts_after_total(p, ctx.pidx, ctx, out)
    if ctx.toks and "gồm " in ctx.text:
        _admin_parts(p, ctx.pidx, ctx, out)


def word_parts_claims(p: Paragraph, pidx: int, out: list) -> None:
    """The ``parts-of-total`` claims of counts in words (paragraphs without digits too)."""
    if "gồm" in p.text or ": " in p.text:
        _word_parts(p, pidx, out)
