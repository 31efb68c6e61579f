"""Extract the numeric claims of a Vietnamese report: ratios, changes, sums, ranks, dates, documents.

Vietnamese administrative reports write ``1.752`` for one thousand seven hundred and fifty-two
and ``84,11%`` for a percentage, and their fractions (``28/1.752``) sit beside dates
(``14/5/2021``, ``ngày 30/6``), document numbers (``7889/QĐ-UBND``, ``06/2018/NQ-HĐND``,
``29-KH/HU``), ranks (``xếp thứ 4/11``), standards (``ISO 9001:2015``) and table formulas
(``4=3/2``) that look the same. :func:`extract_claims` reads any such text (Markdown or plain,
CRLF or LF, NFC or NFD, with non-breaking spaces, wrapped lines and sentences cut by a page
break or a footnote block) and returns one :class:`Claim` per checkable statement, with its
line number and a quote.

Kinds of claim
--------------
``ratio``
    ``X/Y … (đạt) (tỷ lệ) Z%``, ``X người, tỷ lệ Z%`` or ``Z% (X người)`` with the total found
    in the same sentence, an earlier sentence of the paragraph (``tổng số N …`` or the
    denominator of an earlier fraction with the same noun) or a footnote (``Tổng số … là N``);
    a bare fraction ``X/Y noun`` without a percentage is a ratio claim with ``reported=None``
    (never checked: ``20/11`` may be a date, ``422/1`` an address); a share stated without its
    counts (``28,95% thủ tục hành chính``, ``đạt 100%``) is a ratio claim with no numerator
    and no total (``detail["share_only"]``).
``change``
    ``… N1 noun, giảm/tăng N noun so với năm YYYY, (đạt) Z%``; the base (the old value
    ``N1 ± N``) is resolved from the value stated before the change.
``sum``
    parts with a stated total: ``58 đơn vị (gồm 51 …; 07 …)``, a fraction followed by its
    breakdown (``334/362 …; trong đó 116/123 …, 83/96 …, còn lại 135/143``), a total then a
    list after a colon, or a footnote that breaks down the number it is attached to. A list
    counts as a breakdown when it says so (``gồm``, ``bao gồm``, ``còn lại``, ``chia ra``) or
    when its parts add up; a list that adds to less than the total without saying so is taken
    as a partial listing (``Về trình độ lý luận chính trị: …``), not as a claim.
``rank``, ``date``, ``document``
    ``xếp thứ 4/11``; ``14/5/2021``, ``ngày 30/6``, ``tháng 9/2021``; ``7889/QĐ-UBND``.

Examples
--------
>>> text = "Tinh giản 28/1.752 biên chế, đạt 1,6%; ngày 14/5/2021 xếp thứ 4/11."
>>> [(c.kind, c.numerator, c.denominator, c.reported) for c in extract_claims(text)]
[('ratio', 28, 1752, '1,6%'), ('date', None, None, '14/5/2021'), ('rank', 4, 11, '4/11')]
"""
from __future__ import annotations

import re

from parstats.audit.lists import list_claims as counted_list_claims
from parstats.audit.flatrows import flattened_ratio_claims
from parstats.audit.tableprose import table_backed_shares
from parstats.audit.wordshares import word_count_shares
from parstats.audit.tables import table_claims
from parstats.audit.averages import per_unit_claims
from parstats.audit import dayofyear, multiples
from parstats.audit.dayofyear import day_of_year_claims
from parstats.audit.multiples import multiple_claims
from parstats.audit.linking import (WEAK_ROUNDED_WHOLE, 
    FootnoteMap,
    footnote_sums,
    resolve_total,
    stated_shared_whole,
    table_shares,
    target_in,
)
from parstats.audit.model import Claim, KIND_RANK, gc_paused, new_claim
from parstats.audit.paragraph import ratio_claims, sum_claims
from parstats.audit.reading import ReportReadError
from parstats.audit.amountshares import named_whole
from parstats.audit.breakdowns import breakdown_wholes
from parstats.audit.ties import of_whole_claims, paragraph_ties, rate_ties, sentence_whole
from parstats.audit.tokens import ParagraphContext, DIGIT_RE, provisional_claim, pct_text, tokenize
from parstats.markdown import joined_texts, normalize_lines, split_paragraphs


def extract_claims(text: str | bytes, *, source: str | None = None) -> list[Claim]:
    """Extract every numeric claim of a Vietnamese report text.

    Parameters
    ----------
    text : str or bytes
        The text (bytes are decoded as UTF-8; a BOM is dropped). It is normalised with
        :func:`normalize_lines`; line numbers refer to the text as given.
    source : str, optional
        A name for error messages.

    Returns
    -------
    list of Claim
        In reading order (paragraphs as they appear, footnotes where they are printed).

    Raises
    ------
    ReportReadError
        When ``text`` is bytes that are not UTF-8.

    Examples
    --------
    >>> t = ("Số biên chế năm 2023 là 1.563 người, giảm 108 người so với năm 2021, đạt 6,91%.\\n\\n"
    ...      "Cao cấp 49 người, tỷ lệ 37,98%; tổng số 129 người.")
    >>> [(c.kind, c.numerator, c.denominator, c.reported) for c in extract_claims(t)]
    [('change', 108, 1671, '6,91%'), ('ratio', 49, None, '37,98%')]
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            name = source or "<bytes>"
            raise ReportReadError(
                f"{name} is not UTF-8 text (invalid byte 0x{bytes(text)[exc.start]:02x} at offset "
                f"{exc.start}); expected a UTF-8 encoded report") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    with gc_paused():
        return _extract(text)


#: words that make a date an example rather than a date of the text
_EXAMPLE_BEFORE_RE = re.compile(r"(?i)(?:ví dụ|thí dụ|chẳng hạn|không thể (?:xuất hiện|tồn tại|có)|không tồn tại|"
                                r"không có (?:ngày|thật))[^.;]{0,30}$")
#: a head's colon then a wiki's citation markers at the paragraph's end ("… với 2 công trình:[8]")
_CITED_COLON_RE = re.compile(r":(?:\[[0-9a-z]{1,3}\])+\s*$")


#: a percentage written with a decimal point ("85.7%", "0.42 %"): one or two digits after a point
#: are never a Vietnamese group of thousands, so the point is a decimal one (texts translated or
#: copied from English sources write it so)
_DOT_DECIMAL_PCT_RE = re.compile(r"(?<![0-9.,])([0-9]{1,3})\.([0-9]{1,2})(?=\s?%)")


#: a number in English notation, with both separators ("15,467.66", "3,929.566"): a group comma
#: before a decimal point is never Vietnamese notation
_ENGLISH_NUMBER_RE = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+(?![0-9.,])")
_SWAP = str.maketrans(",.", ".,")


def read_dot_decimals(text: str) -> str:
    """``text`` with its percentages written with a decimal point, and its numbers in English
    notation, in Vietnamese notation, every character where it was (``85.7%`` → ``85,7%``,
    ``15,467.66`` → ``15.467,66``: the same length): the audit reads them as any other, and its
    quotes and reported values are in Vietnamese notation.

    >>> read_dot_decimals("Kháng Cách 85.7%, phiên bản 2.0.1, dân số 1.234 người, 1.5 %")
    'Kháng Cách 85,7%, phiên bản 2.0.1, dân số 1.234 người, 1,5 %'
    >>> read_dot_decimals("Dow Jones đạt 15,467.66 điểm; 1,5 tỷ; 12,345 USD")
    'Dow Jones đạt 15.467,66 điểm; 1,5 tỷ; 12,345 USD'
    """
    if "." not in text:
        return text
    if "%" in text:
        text = _DOT_DECIMAL_PCT_RE.sub(r"\1,\2", text)
    if "," in text:
        text = _ENGLISH_NUMBER_RE.sub(lambda m: m.group(0).translate(_SWAP), text)
    return text


def _extract(text: str) -> list[Claim]:
    paras = split_paragraphs(read_dot_decimals(normalize_lines(text)))
    for p in paras:
        if p.text.endswith("]") and (cited := _CITED_COLON_RE.search(p.text)) is not None:
            p.text = p.text[:cited.start() + 1]  # the head of a list ends with its colon
    ctxs: list[ParagraphContext] = []
    raw: list[dict] = []
    per_para: dict[int, list] = {}
    pending: list = []
    joined = joined_texts([p.text for p in paras])  # (one join for the searches of the rules of whole texts)
    for i, p in enumerate(paras):
        digit = DIGIT_RE.search(p.text)
        if digit is None:
            continue
        ctx = ParagraphContext(p, i)
        own: list = []
        tokenize(ctx, own, digit.start())
        if ctx.toks:
            of_whole_claims(ctx, own)
            ratio_claims(ctx, own, pending)
            sum_claims(ctx, own)
            paragraph_ties(ctx, own)
        elif "/" in p.text or "=" in p.text:
            rate_ties(ctx, own)  # numbers that are all rates or amounts ("23.000 đồng/lít")
        ctxs.append(ctx)
        per_para[i] = own
        raw.extend(own)
    # counted lists and breakdowns (parstats.audit.lists), not again where a list was read
    # (a list is known by its line, count, parts and the words that open it: two lists of four
    # names on one line are two lists)
    def list_key(c):
        return c["line"], c["denominator"], c["parts"], tuple(c["quote"].split()[:2])
    have = {k for c in raw if c["kind"] == "sum" for k in (c["order"], list_key(c))}
    raw.extend(c for c in counted_list_claims(paras, ctxs, joined)
               if c["order"] not in have and list_key(c) not in have)
    raw.extend(table_claims(paras, joined[0]))
    raw.extend(per_unit_claims(paras))
    # (the rules that read rare words: only in a text that holds the word at all)
    if dayofyear.CUE in joined[0]:
        raw.extend(day_of_year_claims(paras))
    if multiples.CUE in joined[0]:
        raw.extend(multiple_claims(paras))
    # an impossible date given as an example of one ("Ngày không thể xuất hiện (ví dụ, 29 tháng 2
    # năm 2011)") is mentioned, not used: no slip of the text
    for c in raw:
        if c["kind"] == "date" and not c["detail"].get("valid", True):
            pidx, pos = c["order"]
            if _EXAMPLE_BEFORE_RE.search(paras[pidx].text, max(0, pos - 60), pos):
                c["detail"]["example"] = True
    # footnote texts by id; an id may repeat (several documents in one text): each marker
    # uses the nearest definition after it, else the last one before it
    groups: dict[str, list[list[ParagraphContext]]] = {}
    last_note = None
    for ctx in ctxs:
        if ctx.p.kind == "footnote" and ctx.p.footnote is not None:
            g = groups.setdefault(ctx.p.footnote, [])
            if last_note is not None and last_note.p.footnote == ctx.p.footnote and g and \
                    g[-1][-1] is last_note:
                g[-1].append(ctx)
            else:
                g.append([ctx])
            last_note = ctx
        else:
            last_note = None
    fmap = FootnoteMap(groups)
    # totals of count-percent claims
    no_whole: dict[int, list[dict]] = {}
    for _, ctx, t, pct, c in pending:
        got = resolve_total(ctx, t, pct, fmap)
        if got is not None:
            c["denominator"], c["denominator_source"], strong = got
            if strong is None:  # a rounded whole ("2,5 triệu lượt"): checked, never flagged
                c["detail"]["weak"] = WEAK_ROUNDED_WHOLE
            elif not strong:
                c["detail"]["tie"] = "passage"
        elif not t.approx and not c["detail"].get("vote"):
            no_whole.setdefault(ctx.pidx, []).append(c)
    # counts whose shares add up to 100%: the whole is the sum of the counts; else a larger
    # count of the same noun earlier in the sentence
    # (one run over consecutive paragraphs: a breakdown may be a list of bullets)
    run: list[dict] = []
    last = None
    for pidx in sorted(no_whole):
        if last is not None and pidx != last + 1:
            breakdown_wholes(run)
            run = []
        run.extend(no_whole[pidx])
        last = pidx
    breakdown_wholes(run)
    for _, ctx, t, pct, c in pending:
        if c["denominator"] is None and not t.approx:
            got = sentence_whole(ctx, t)
            if got is not None:
                c["denominator"], c["denominator_source"], weak = got
                c["detail"]["rule"] = "same-sentence-noun"
                if weak:
                    c["detail"]["weak"] = weak
            elif named_whole(ctx, t, pct, c):  # "(chiếm 46,7% tổng khối lượng giao dịch)"
                pass
    # shares left without a whole, several of which fit one number stated in the passage
    by_idx = {ctx.pidx: ctx for ctx in ctxs}
    stated_shared_whole(pending, by_idx)
    # tables whose rows add up to their "Tổng cộng" row: each row's share is of that total
    table_shares(paras, by_idx, raw)
    # shares in prose of a count and whole that a table near them gives
    table_backed_shares(paras, ctxs, raw)
    # rows of ratios in a table flattened into a line ("Biên lãi gộp 36% 35% …")
    flattened_ratio_claims(ctxs, raw)
    # shares of a count written in words ("chỉ tám đội từng vô địch (tỷ lệ là 28%)")
    word_count_shares(ctxs, raw)
    # shares stated without their counts ("28,95% thủ tục hành chính", "đạt 100%"): claims that
    # cannot be checked, counted as such
    for ctx in ctxs:
        for t in ctx.toks:
            if t.role == "pct" and not t.used:
                raw.append(provisional_claim(ctx, "ratio", t.s, t.e, reported=pct_text(t),
                               detail={"share_only": True}, quote_start=ctx.clause_start(t.s, 60)))
    # footnote breakdowns
    for ctx in ctxs:
        if ctx.p.markers and ctx.toks:
            footnote_sums(ctx, fmap, per_para.get(ctx.pidx, []), raw)
    # targets stated before a ratio or change claim (same paragraph, else the one before)
    prev_body: dict[int, ParagraphContext] = {}
    last = None
    for ctx in ctxs:
        if ctx.p.kind == "body":
            prev_body[ctx.pidx] = last
            last = ctx
    for c in raw:
        if c["kind"] not in ("ratio", "change") or "token" not in c:
            continue
        ctx = by_idx[c["order"][0]]
        tgt = target_in(ctx, c["token"].s)
        if tgt is None and ctx.p.kind == "body" and prev_body.get(ctx.pidx) is not None:
            pc = prev_body[ctx.pidx]
            tgt = target_in(pc, len(pc.text))
        c["target"] = tgt
    rank = KIND_RANK
    raw.sort(key=lambda c: (c["order"], rank[c["kind"]]))
    seen: dict[tuple[str, int], int] = {}
    out = []
    for c in raw:
        key = (c["kind"], c["line"])
        seen[key] = seen.get(key, 0) + 1
        out.append(new_claim(
            f"{c['kind']}-{c['line']}-{seen[key]}", c["kind"], c["line"], c["quote"],
            c["numerator"], c["denominator"], c["parts"], c["reported"],
            c["denominator_source"], c["target"], c["detail"],
        ))
    return out
