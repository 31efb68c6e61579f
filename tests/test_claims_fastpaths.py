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
from parstats.audit.paragraph import BEFORE_PAREN_RE, paren_group, ratio_claims, sum_claims
from parstats.audit.tokens import ParagraphContext, provisional_claim, tokenize
from parstats.audit.words import EXHAUSTIVE_RE, TRONG_DO_RE
from parstats.audit.documents import _TYPE_BEFORE_RE, _TYPE_WORDS, _type_word_before
from parstats.markdown import (
    Paragraph,
    _clean,
    _strip_markup,
    normalize_lines,
    split_paragraphs,
)
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

_SUM_PIECES = ["3 người", "2 người", "5 người", "1 người", "10 người", "4 cán bộ", "1 cán bộ",
               "1/2 hồ sơ", "2/3 hồ sơ", "3/5 hồ sơ", "6/10 hồ sơ", "1/3 người", "có 5 công chức",
               "2 công chức", "3 công chức", "trong đó", "trong đó có", "gồm", "bao gồm", "còn lại",
               "Cụ thể:", "Về trình độ:", "tổng số 10 người", ": ", "; ", ", ", ". ", " ", "(", ")",
               " (gồm ", "\n"]


def _sums(text: str) -> list[tuple]:
    return [(c.denominator, c.parts, c.reported) for c in extract_claims(text) if c.kind == "sum"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SUM_PIECES), max_size=60))
def test_the_sums_of_a_paragraph_do_not_depend_on_its_neighbours(pieces):
    """Sums are read inside their paragraph: repeated three times, a paragraph gives its sums
    three times (the linear-time bookkeeping shares nothing across paragraphs)."""
    text = " ".join(pieces).replace("\n", " ") + "."  # ended: not re-joined across a page break
    one = _sums(text)
    assert _sums("\n\n".join([text] * 3)) == one * 3
    for total, parts, _ in one:
        assert len(parts) >= 2 and all(p >= 0 for p in parts) and total >= 0


def test_a_sum_of_a_long_sentence_is_found_as_in_a_short_one():
    short = "Toàn huyện có 58 đơn vị (gồm 51 đơn vị giáo dục; 07 đơn vị khác)."
    long = "; ".join(f"năm {2000 + i} có {i + 5}/{i + 90} hồ sơ, đạt 1%" for i in range(300))
    assert _sums(long + "; " + short) [-1:] == _sums(short)


_CUE_PIECES = ["gồm", "bao gồm", "Bao Gồm", "còn lại", "chia ra", "cụ thể là", "cụ thể:", "cụ thể",
               "xgồm", "gồmx", " ", ":", "a", "đ", "1", "_"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=20), st.data())
def test_cue_lookup_is_the_regex_search(pieces, data):
    text = "".join(pieces)
    ctx = ParagraphContext(Paragraph(text, [0], [1], []), 0)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(0, len(text)))
    assert ctx.has_cue(a, b) == (EXHAUSTIVE_RE.search(text, a, b) is not None)
