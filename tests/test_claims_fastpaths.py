"""The shortcuts taken for speed give what the plain code gives.

Extraction and audit build claims, findings and document references without the frozen
dataclasses' constructors, pause the garbage collector, look for the type word before a
document number in a narrower window, move footnote markers past collapsed spaces in one pass
and join long paragraphs once. Each shortcut is checked here against the plain way of doing
the same thing, on the report, the corpus and generated text.
"""
from __future__ import annotations

import bisect
import dataclasses
import gc
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parstats.audit import Finding, audit_path, audit_text
from parstats.audit.extraction import extract_claims
from parstats.audit.model import Claim
from parstats.audit.paragraph import _BEFORE_PAREN_RE, _paren_group, _ratio_claims, _sum_claims
from parstats.audit.reading import (
    Paragraph,
    _clean,
    _strip_markup,
    normalize_lines,
    split_paragraphs,
)
from parstats.audit.tokens import _Ctx, _mk, _tokenize
from parstats.audit.words import _EXHAUSTIVE_RE, _TRONG_DO_RE
from parstats.audit.documents import _TYPE_BEFORE_RE, _TYPE_WORDS, _type_word_before
from parstats.numbers import format_number
from parstats.paths import PROJ_ROOT, RAW_REPORT

RAW = RAW_REPORT.read_text(encoding="utf-8")
CORPUS = [p.read_text(encoding="utf-8") for p in sorted((PROJ_ROOT / "tests" / "corpus").iterdir())
          if p.suffix in (".md", ".txt") and p.name != "README.md"]
TEXTS = [RAW] + CORPUS


def _rebuilt(obj):
    """The same dataclass built by its own constructor from the object's fields."""
    return type(obj)(**{f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)})


def _same_object(fast, plain) -> None:
    assert fast == plain
    assert repr(fast) == repr(plain)
    assert list(vars(fast).items()) == list(vars(plain).items())  # same fields, same order


def test_claims_findings_and_document_refs_are_what_their_constructors_build():
    seen = {"claim": 0, "finding": 0, "document": 0}
    for text in TEXTS:
        for f in audit_text(text).findings:
            _same_object(f.claim, _rebuilt(f.claim))
            seen["claim"] += 1
            if f.status == "consistent":
                plain = Finding(f.claim, "consistent", recomputed=f.recomputed)
                _same_object(f, plain)
                assert f.fits == {} and f.fits is not plain.fits
                seen["finding"] += 1
            ref = f.claim.detail.get("document")
            if ref is not None:
                _same_object(ref, _rebuilt(ref))
                seen["document"] += 1
    assert all(seen.values()), seen


def test_every_claim_field_is_set():
    names = [f.name for f in dataclasses.fields(Claim)]
    for c in extract_claims(RAW):
        assert list(vars(c)) == names


def test_garbage_collector_is_left_as_the_caller_had_it():
    assert gc.isenabled()
    audit_path()
    assert gc.isenabled()
    gc.disable()
    try:
        extract_claims(RAW)
        audit_text(RAW)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_nothing_left_for_the_garbage_collector():
    """No reference cycles: pausing the collector during extraction keeps no memory."""
    gc.collect()
    gc.disable()
    try:
        audit_text(RAW + "\n\n" + "\n\n".join(CORPUS))
        assert gc.collect() == 0
    finally:
        gc.enable()


# -- the type word before a document number ------------------------------------------------

def _type_word_plain(text: str, pos: int):
    m = _TYPE_BEFORE_RE.search(text[max(0, pos - 40):pos])
    return m.group("word") if m else None


_WORD_PIECES = sorted(_TYPE_WORDS) + [w.upper() for w in _TYPE_WORDS] + [
    " ", "  ", "\u2002", "\t", ":", " : ", "số", " số", "Số", "SỐ", "ſố", "a", "Đ", ",", ".", "7889"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=25))
def test_type_word_window_gives_what_the_full_window_gives(pieces):
    text = "".join(pieces)
    assert _type_word_before(text, len(text)) == _type_word_plain(text, len(text))


def test_type_word_before_every_document_number_of_the_texts():
    n = 0
    for text in TEXTS:
        for m in re.finditer(r"[0-9]", text):
            assert _type_word_before(text, m.start()) == _type_word_plain(text, m.start())
            n += _type_word_plain(text, m.start()) is not None
    assert n > 0


# -- footnote markers past collapsed spaces --------------------------------------------------

def _clean_plain(line: str):
    """_clean with the spaces collapsed one character at a time (the plain way)."""
    joined, markers = _strip_markup(line)
    kept_before = []  # kept characters before each offset
    kept, prev_space = 0, False
    for ch in joined:
        kept_before.append(kept)
        if ch == " " and prev_space:
            continue
        prev_space = ch == " "
        kept += 1
    kept_before.append(kept)
    collapsed = re.sub(" {2,}", " ", joined)
    shift = len(collapsed) - len(collapsed.lstrip())
    stripped = collapsed.strip()
    return stripped, [(max(0, min(kept_before[p] - shift, len(stripped))), n) for p, n in markers]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "   ", "a", "bc", "<sup>1</sup>", "<sup> 2 </sup>",
                                 "[^x]", "¹²", "**", "<b>", "_", "\\*"]), max_size=30))
def test_markers_move_past_collapsed_spaces(pieces):
    line = "".join(pieces)
    assert _clean(line) == _clean_plain(line)


# -- long paragraphs ---------------------------------------------------------------------

def test_a_paragraph_of_many_lines_is_joined_once_and_right():
    lines = [ln for ln in RAW.split("\n") if ln[:1].isupper() and not re.search(r"[<*_\[\\|#]", ln)]
    lines = (lines * 20)[:2000]
    (para,) = split_paragraphs("\n".join(lines))
    pieces = [_clean(ln)[0] for ln in lines]
    assert para.text == " ".join(pieces)
    assert para.lines == list(range(1, len(lines) + 1))
    starts = [0]
    for piece in pieces[:-1]:
        starts.append(starts[-1] + len(piece) + 1)
    assert para.starts == starts


def test_a_long_chain_of_page_breaks_is_one_paragraph():
    k = 3000
    text = "\n\n".join(["có 12 người đạt tỷ lệ 5%"] * k)  # no final stop: each part continues
    (para,) = split_paragraphs(text)
    assert para.text == " ".join(["có 12 người đạt tỷ lệ 5%"] * k)
    assert para.lines == list(range(1, 2 * k, 2))
    assert len(extract_claims(text)) == k


# -- long sentences: sums from tails of groups, cue words from one list ---------------------

def _sum_claims_plain(ctx: _Ctx, claims: list) -> None:
    """_sum_claims as it was: every list scanned from its start to the end of its sentence."""
    text = ctx.text
    toks = ctx.toks
    items = [t for t in toks if t.role in ("count", "frac")]
    if len(items) < 2:
        return
    # items are in text order: the items between two offsets are a slice (no quadratic scans
    # in a long paragraph)
    istarts = [t.s for t in items]
    bl, br = bisect.bisect_left, bisect.bisect_right
    # 1. "58 đơn vị (gồm 51 …; 07 …)", "07 trường hợp (04 cấp trưởng, 03 cấp phó)"
    for h in items:
        m = _BEFORE_PAREN_RE.match(text, h.e)
        if not m:
            continue
        op = m.end() - 1
        cp = _paren_group(text, op)
        if cp is None:
            continue
        inner = [t for t in items[br(istarts, op):bl(istarts, cp)] if t.depth == h.depth + 1]
        if not inner:
            continue
        for t in inner:
            t.used = True
        if len(inner) < 2 or any(t.role != "count" for t in inner) or h.role != "count":
            continue
        parts = [t.a for t in inner]
        cue = _EXHAUSTIVE_RE.match(text, op + 1) or re.match(r"\(\s*(?:gồm|bao gồm)", text[op:])
        if cue or sum(parts) == h.a:
            claims.append(_mk(ctx, "sum", inner[0].s, cp + 1, denominator=h.a, parts=parts,
                              reported=h.text, source="the number before the parenthesis",
                              quote_start=h.s, line_pos=inner[0].s, detail={"unit": h.unit2}))
    # 2. a head fraction followed by same-noun fractions in the same sentence
    fracs = [t for t in items if t.role == "frac" and not t.used]
    fstarts = [t.s for t in fracs]
    done: set[int] = set()
    for k, h in enumerate(fracs):
        if h.idx in done:
            continue
        s0, s1 = ctx.sentence_span(h.s)
        parts = [t for t in fracs[k + 1:bl(fstarts, s1)] if t.unit == h.unit and t.depth == h.depth]
        if len(parts) < 2:
            continue
        na, nb = sum(t.a for t in parts), sum(t.b for t in parts)
        cue = _EXHAUSTIVE_RE.search(text, h.e, parts[-1].s)
        if not (cue or na == h.a or nb == h.b):
            continue
        for t in parts:
            t.used = True
            done.add(t.idx)
        end = parts[-1].e + (len(parts[-1].unit2 or "") + 1)
        for which, total, ps in (("numerators", h.a, [t.a for t in parts]),
                                 ("denominators", h.b, [t.b for t in parts])):
            claims.append(_mk(ctx, "sum", parts[0].s, end, denominator=total, parts=ps,
                              reported=format_number(total),
                              source=f"the {which} of the fraction {h.text} and its breakdown",
                              quote_start=ctx.clause_start(h.s, 40), line_pos=parts[0].s,
                              detail={"unit": h.unit2, "of": which}))
    # 3. "2.813/3.050 cán bộ, công chức, trong đó có 1.483 cán bộ … và 1.330 công chức" (adds up)
    for h in items:
        if h.used:
            continue
        nxt = toks[h.idx + 1] if h.idx + 1 < len(toks) else None
        if nxt is None:
            continue
        td = _TRONG_DO_RE.search(text, h.e, nxt.s)
        if not td or ctx.crosses(h.e, td.start(), sentence=True):
            continue
        s0, s1 = ctx.sentence_span(td.end())
        lst = [t for t in items[bl(istarts, td.end()):bl(istarts, s1)]
               if not t.used and t.role == "count" and t.depth == h.depth]
        if len(lst) < 2 or sum(t.a for t in lst) != h.a:
            continue
        for t in lst:
            t.used = True
        claims.append(_mk(ctx, "sum", lst[0].s, lst[-1].e + len(lst[-1].unit2 or "") + 1,
                          denominator=h.a, parts=[t.a for t in lst], reported=format_number(h.a),
                          source=f"the number '{h.text}' before 'trong đó'",
                          quote_start=h.s, line_pos=lst[0].s, detail={"unit": h.unit2}))
    # 4. "X người. Về trình độ chuyên môn: A 24 người; B 1.278 người; C 186 người."
    for cm in re.finditer(r": ", text):
        c0 = cm.end()
        s0, s1 = ctx.sentence_span(c0)
        lst = [t for t in items[bl(istarts, c0):bl(istarts, s1)]
               if not t.used and t.role == "count" and t.depth == 0]
        if len(lst) < 2 or len({t.unit for t in lst}) != 1:
            continue
        unit = lst[0].unit
        head = None
        for i in range(bl(istarts, cm.start()) - 1, -1, -1):  # the items before the colon
            t = items[i]
            if t.used:
                continue
            if t.unit == unit and t.depth == 0:
                head = t
                break
        if head is None:
            continue
        parts = [t.a for t in lst]
        total = head.a if head.role == "count" else head.b
        if head.role == "frac" and sum(parts) == head.a:
            total = head.a
        cue = _EXHAUSTIVE_RE.search(text, max(head.e, cm.start() - 25), cm.end())
        if not (cue or sum(parts) == total):
            continue
        for t in lst:
            t.used = True
        claims.append(_mk(ctx, "sum", lst[0].s, lst[-1].e + len(lst[-1].unit2 or "") + 1,
                          denominator=total, parts=parts,
                          reported=head.text if head.role == "count" else format_number(total),
                          source=f"the total '{head.text} {head.unit2}' before the list",
                          quote_start=ctx.clause_start(cm.start(), 60), line_pos=lst[0].s,
                          detail={"unit": head.unit2}))


def _sum_claims_both(text: str):
    """(fast, plain) sum claims and used flags of every paragraph of ``text``."""
    out = []
    for i, para in enumerate(split_paragraphs(normalize_lines(text))):
        got = []
        for find in (_sum_claims, _sum_claims_plain):
            ctx = _Ctx(para, i)
            _tokenize(ctx, [])
            claims: list = []
            if ctx.toks:
                _ratio_claims(ctx, [], [])
                find(ctx, claims)
            for c in claims:  # why a list is doubtful is the list's business, not the scan's
                c["detail"].pop("doubt", None)
            got.append((claims, [t.used for t in ctx.toks]))
        out.append(got)
    return out


_SUM_PIECES = ["3 người", "2 người", "5 người", "1 người", "10 người", "4 cán bộ", "1 cán bộ",
               "1/2 hồ sơ", "2/3 hồ sơ", "3/5 hồ sơ", "6/10 hồ sơ", "1/3 người", "có 5 công chức",
               "2 công chức", "3 công chức", "trong đó", "trong đó có", "gồm", "bao gồm", "còn lại",
               "Cụ thể:", "Về trình độ:", "tổng số 10 người", ": ", "; ", ", ", ". ", " ", "(", ")",
               " (gồm ", "\n"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_SUM_PIECES), max_size=60))
def test_sums_of_a_paragraph_are_what_the_sentence_scans_give(pieces):
    for fast, plain in _sum_claims_both(" ".join(pieces)):
        assert fast == plain


def test_sums_of_the_texts_are_what_the_sentence_scans_give():
    for text in TEXTS:
        for fast, plain in _sum_claims_both(text):
            assert fast == plain


_CUE_PIECES = ["gồm", "bao gồm", "Bao Gồm", "còn lại", "chia ra", "cụ thể là", "cụ thể:", "cụ thể",
               "xgồm", "gồmx", " ", ":", "a", "đ", "1", "_"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=20), st.data())
def test_cue_lookup_is_the_regex_search(pieces, data):
    text = "".join(pieces)
    ctx = _Ctx(Paragraph(text, [0], [1], []), 0)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(0, len(text)))
    assert ctx.has_cue(a, b) == (_EXHAUSTIVE_RE.search(text, a, b) is not None)
