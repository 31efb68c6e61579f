"""The faster patterns of the audit find what the plain ones they replace find.

Each pattern rewritten for speed (a rare literal or a character class first, so that the
regular-expression engine looks for it quickly, instead of a space or a look-around that it
tries at every position; a reversed match instead of a search for an end) is checked against
the plain pattern, kept here as the reference, on the report, the test corpus and generated
text. The start pattern of the tokenizer, which now also skips whole numbers before a word the
tokenizer drops, is checked by the tokens and claims it gives.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parstats.audit import changes, comparisons, countedlists, lists, longdates, tokens, wordreaders, words
from parstats.markdown import _MARKUP_MORE_RE, normalize_lines, split_paragraphs
from parstats.paths import PROJ_ROOT, RAW_REPORT

RAW = RAW_REPORT.read_text(encoding="utf-8")
CORPUS = [p.read_text(encoding="utf-8") for p in sorted((PROJ_ROOT / "tests" / "corpus").iterdir())
          if p.suffix in (".md", ".txt") and p.name != "README.md"]
TEXTS = [RAW] + CORPUS

#: the plain patterns, as they were before they were rewritten for speed
PLAIN_TOKEN_START_RE = re.compile(
    r"[0-9](?<![\w/.,][0-9])(?<![^\W\d_]-[0-9])[0-9]*(?=[/%-]|[.,:][0-9]| ?%| ?[" + tokens._LOWER + r"])")
PLAIN_MARKUP_MORE_RE = re.compile(r"[<_\\¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\^")
PLAIN_SENT_END_RE = re.compile(r"[.!?…](?=(?:\[[0-9a-z]{1,3}\])*(?: |$))|;")
PLAIN_LONG_DATE_RE = re.compile(r"(?i)ngày ([0-9]{1,2}) tháng ([0-9]{1,2}) năm ([0-9]{4})(?![0-9])")
PLAIN_TRONG_DO_RE = re.compile(r"(?i)\btrong đó\b")
PLAIN_PREV_WORD_RE = re.compile(r"(\w+)\W{0,2}$")
PLAIN_FROM_RE = re.compile(r"(?i)\btừ [0-9]")

#: pieces of Vietnamese report text around the words and numbers these patterns look at
PIECES = ["hai", "Hai", "ba", "Ba", "bốn", "Bốn", "năm", "Năm", "sáu", "Sáu", "bảy", "tám", "Tám",
          "chín", "mười", "Mười", "mười một", "một", "là", "người", "nước", "tỉnh", "thai", "cha",
          "hải", "nam", "gồm", "gồm:", ":", ";", ".", ",", "…", "A", "Bình", "Hà Nội", "(Hà", "`PV2`",
          "15", "2020", "1.500", "1,5", "3/4", "12/5/2021", "ngày 5 tháng 3 năm 2020",
          "NGÀY 1 THÁNG 2 NĂM 2019", "Ngày", "THÁNG", "tháng", "ngày", "quý", "tuổi", "và", "của",
          "so", "với", "từ", "đến", "hộ", "tấn", "%", " %", "số", "/QĐ-UBND", "-", "90-100",
          "trong đó", "Trong đó", "TRONG ĐÓ", "xtrong đó", "từ", "Từ", "TỪ", "xtừ", "_", "<sup>2</sup>", "[^1]", "[1]", "[a]",
          "*", "**", "²", "<b>", "\\", "|", "\n", "\n\n", "!", "?", "đó", "T", "t"]
SEPARATORS = [" ", " ", " ", "", ", ", "  "]

def pieces_text(pieces, separators, max_size):
    """Texts made of ``pieces``, each followed by one of ``separators``."""
    return st.lists(st.tuples(st.sampled_from(pieces), st.sampled_from(separators)), max_size=max_size).map(
        lambda parts: "".join(p + s for p, s in parts))


text_st = pieces_text(PIECES, SEPARATORS, 40)


def _spans(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _joined(text: str) -> str:
    return "\n".join(p.text for p in split_paragraphs(normalize_lines(text)))


def _number_word_places(text: str) -> tuple[list[int], list[int]]:
    fast = sorted(m.start() - back for pat, back in lists._WORD_PLACE_RES for m in pat.finditer(text))
    plain = [m.start() + 1 for m in lists._WORD_AFTER_SPACE_RE.finditer(text)]
    return fast, plain


def _la_places(text: str) -> tuple[list[int], list[int]]:
    return ([m.start() - 1 for m in lists._LA_PLACE_RE.finditer(text)],
            [m.start() for m in lists._LA_COUNT_RE.finditer(text)])


def _tokenized(text: str, start_re: re.Pattern | None = None) -> list:
    """The tokens and claims of every paragraph of ``text``; with ``start_re``, when the tokenizer
    starts from it (for table rows too)."""
    saved = tokens._TOKEN_START_RE, tokens._TABLE_TOKEN_START_RE
    if start_re is not None:
        tokens._TOKEN_START_RE = tokens._TABLE_TOKEN_START_RE = start_re
    try:
        out = []
        for i, p in enumerate(split_paragraphs(normalize_lines(text))):
            digit = tokens.DIGIT_RE.search(p.text)
            if digit is None:
                continue
            ctx = tokens.ParagraphContext(p, i)
            claims: list = []
            tokens.tokenize(ctx, claims, digit.start())
            out.append(([(t.kind, t.s, t.e, t.text, t.a, t.b, t.dec, t.role, t.unit, t.unit2, t.depth,
                          t.prev, t.approx) for t in ctx.toks], repr(claims)))
        return out
    finally:
        tokens._TOKEN_START_RE, tokens._TABLE_TOKEN_START_RE = saved


def test_number_words_and_la_found_as_by_the_plain_patterns_in_the_texts():
    found = 0
    for text in TEXTS:
        joined = _joined(text)
        fast, plain = _number_word_places(joined)
        assert fast == plain
        found += len(plain)
        fast, plain = _la_places(joined)
        assert fast == plain
        texts = joined.split("\n")
        firsts = [0] if texts[0].startswith(lists._WORD_FORMS) else []
        firsts += [joined.count("\n", 0, m.start() + 1) for m in lists._WORD_FIRST_RE.finditer(joined)]
        assert firsts == [i for i, t in enumerate(texts) if t.startswith(lists._WORD_FORMS)]
    assert found > 0


@settings(max_examples=400, deadline=None)
@given(text_st)
def test_number_words_and_la_found_as_by_the_plain_patterns(text):
    fast, plain = _number_word_places(text)
    assert fast == plain
    fast, plain = _la_places(text)
    assert fast == plain


def test_tokens_of_the_texts_are_those_of_the_plain_start_pattern():
    for text in TEXTS:
        assert _tokenized(text) == _tokenized(text, PLAIN_TOKEN_START_RE)


@settings(max_examples=300, deadline=None)
@given(text_st, st.booleans())
def test_tokens_are_those_of_the_plain_start_pattern(text, table):
    if table:
        text = "| " + text.replace("\n", " ") + " |"
    assert _tokenized(text) == _tokenized(text, PLAIN_TOKEN_START_RE)


@settings(max_examples=500, deadline=None)
@given(text_st)
def test_rewritten_patterns_match_as_the_plain_ones(text):
    for fast, plain in ((tokens._SENT_END_RE, PLAIN_SENT_END_RE),
                        (longdates._LONG_DATE_RE, PLAIN_LONG_DATE_RE),
                        (words.TRONG_DO_RE, PLAIN_TRONG_DO_RE),
                        (changes._FROM_RE, PLAIN_FROM_RE)):
        assert _spans(fast, text) == _spans(plain, text)
        for pos in range(0, len(text) + 1, 3):  # searched from inside the text, as the rules do
            a, b = fast.search(text, pos), plain.search(text, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
    for line in text.split("\n"):
        assert (_MARKUP_MORE_RE.search(line) is None) == (PLAIN_MARKUP_MORE_RE.search(line) is None)


def test_rewritten_patterns_match_as_the_plain_ones_in_the_texts():
    for text in TEXTS:
        for fast, plain in ((tokens._SENT_END_RE, PLAIN_SENT_END_RE),
                            (longdates._LONG_DATE_RE, PLAIN_LONG_DATE_RE),
                            (words.TRONG_DO_RE, PLAIN_TRONG_DO_RE),
                            (changes._FROM_RE, PLAIN_FROM_RE)):
            assert _spans(fast, text) == _spans(plain, text)
        for line in text.split("\n"):
            assert (_MARKUP_MORE_RE.search(line) is None) == (PLAIN_MARKUP_MORE_RE.search(line) is None)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aB_1 ,!\nưĐ²(", max_size=30), st.integers(min_value=0, max_value=30),
       st.integers(min_value=0, max_value=30))
def test_words_before_a_position_are_the_plain_ones(text, s, lo):
    s = min(s, len(text))
    m = PLAIN_PREV_WORD_RE.search(text[max(0, s - 20):s])
    assert countedlists.word_before(text, s) == (m.group(1).lower() if m else "")
    lo = min(lo, s)
    b = s
    while b > lo and text[b - 1].isalnum() and not text[b - 1].isdecimal():
        b -= 1
    assert wordreaders._letters_before(text, s, lo) == b


PLAIN_BEFORE_SLASH_RE = re.compile(
    r"(?<![\w.,/])(?P<z>[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?) ?(?P<a>[^\W\d_]+)/ ?"
    r"(?P<b>[^\W\d_]+²?)")
PLAIN_TRIPLE_RE = re.compile(
    r"(?<![\w.,%/-])(?P<a>[0-9]+(?:[.,][0-9]+)?) (?P<b>[0-9]+(?:[.,][0-9]+)?) "
    r"(?P<c>-?[0-9]+(?:[.,][0-9]+)?)%(?![\w])")
NUMBERS = ["1", "12", "123", "1.234", "12.345.678", "1,5", "1.234,56", "0,1", "-", "%", "/", " ", "a",
           "người/km", "km²", "người", "x", ".", ",", "/km", "/ ", "-5"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NUMBERS), max_size=14).map("".join))
def test_rates_and_table_triples_found_as_by_the_plain_patterns(text):
    from parstats.audit import averages, flatrows

    for fast, plain in ((averages._BEFORE_SLASH_RE, PLAIN_BEFORE_SLASH_RE), (flatrows._TRIPLE_RE, PLAIN_TRIPLE_RE)):
        assert _spans(fast, text) == _spans(plain, text)
        for lo in range(len(text) + 1):
            for hi in range(lo, len(text) + 1, 4):
                a, b = fast.search(text, lo, hi), plain.search(text, lo, hi)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def _digit_runs_before_a_word(text: str) -> list:
    """Where the tokenizer takes a whole number without matching _TOKEN_RE: a start followed by a
    space and not a percent sign, with what _TOKEN_RE gives there."""
    out = []
    for p in split_paragraphs(normalize_lines(text)):
        for start in tokens._TOKEN_START_RE.finditer(p.text):
            e = start.end()
            if p.text.startswith(" ", e) and not p.text.startswith("%", e + 1):
                m = tokens._TOKEN_RE.match(p.text, start.start())
                out.append((m and m.lastgroup, m and m.end(), e))
    return out


def test_a_run_of_digits_before_a_word_is_the_whole_number_token_rule_would_give():
    seen = 0
    for text in TEXTS:
        for kind, end, e in _digit_runs_before_a_word(text):
            assert (kind, end) == ("num", e)
            seen += 1
    assert seen > 0


@settings(max_examples=400, deadline=None)
@given(text_st)
def test_a_run_of_digits_before_a_word_is_the_whole_number_token(text):
    for kind, end, e in _digit_runs_before_a_word(text):
        assert (kind, end) == ("num", e)


# ------------------------------------------------------------------ patterns that start with a class
# Each pattern below was rewritten to start with a character class (a digit, or the first letter
# of its cue words in both cases) instead of a look-behind, alternatives or the ignore-case flag,
# which the engine tries at every position. The plain forms, as they were:
from parstats.audit import amounts, breakdowns, matchscores, records  # noqa: E402

_PLAIN_AMOUNT_RE = (r"(?P<z>" + amounts.PLAIN_NUMBER + r") (?:(?P<zs>nghìn|ngàn|triệu|tỷ|tỉ) )?"
                    r"(?P<zu>[^\W\d_]+(?: vị)?)")


def _plain(pattern: re.Pattern) -> re.Pattern:
    """A pattern with the plain forms of its number and verb."""
    return re.compile(pattern.pattern.replace(amounts.NUMBER, amounts.PLAIN_NUMBER)
                      .replace(changes._VERB, changes.PLAIN_VERB))


PLAIN_CLASS_FIRST = [
    (re.compile(amounts.NUMBER), re.compile(amounts.PLAIN_NUMBER)),
    (re.compile(amounts.amount_re("z")), re.compile(_PLAIN_AMOUNT_RE)),
    (changes._AMOUNT_PCT_TO_RE, _plain(changes._AMOUNT_PCT_TO_RE)),
    (changes._AMOUNT_TO_PCT_RE, _plain(changes._AMOUNT_TO_PCT_RE)),
    (changes._AT_TAIL_RE, _plain(changes._AT_TAIL_RE)),
    (comparisons._TIMES_PAREN_RE, _plain(comparisons._TIMES_PAREN_RE)),
    (changes._PCT_AMOUNT_TO_RE, re.compile(_plain(changes._PCT_AMOUNT_TO_RE).pattern.replace(
        "(?P<dir>[TtGg](?:(?<=[Tt])ăng|(?<=[Gg])iảm))", "(?P<dir>[Tt]ăng|[Gg]iảm)"))),
    (changes._AMOUNT_FROM_TO_RE, re.compile(
        r"(?i)\b(?P<dir>tăng|giảm)(?: thêm)? (?:(?P<what>(?:[^\W\d_]+ ){1,8}))?(?P<n>" + amounts.PLAIN_NUMBER
        + r")(?: (?P<nu>" + amounts.UNIT + r")(?:/" + amounts.LETTER + r"+)?)? ?(?P<open>[(,])? ?từ (?P<a>" + amounts.PLAIN_NUMBER + r")(?: (?P<au>"
        + amounts.UNIT + r")(?:/" + amounts.LETTER + r"+)?)? (?:lên|xuống)(?: còn)? (?P<b>"
        + amounts.PLAIN_NUMBER + r")")),
    (changes._SCALED_FROM_TO_RE, re.compile(
        r"(?i)\b(?P<dir>tăng|giảm)(?: thêm)? " + _PLAIN_AMOUNT_RE.replace("?P<z", "?P<n")
        + r"(?:/[^\W\d_]+)?(?P<mid>[^0-9;.!?]{0,40}?),? từ (?:mức )?" + _PLAIN_AMOUNT_RE.replace("?P<z", "?P<a")
        + r"(?:/[^\W\d_]+)? (?:lên|xuống)(?: còn| mức)? " + _PLAIN_AMOUNT_RE.replace("?P<z", "?P<b"))),
    (changes._TIMES_RE, re.compile(r"(?i)\bgấp " + amounts.PLAIN_NUMBER + r" lần")),
    (comparisons._GAP_RE, re.compile(r"(?i)\bchênh(?: lệch)?(?P<w>[^0-9.;!?]{0,80}?) " + _PLAIN_AMOUNT_RE)),
    (comparisons._DIFF_CUE_RE, re.compile(
        r"(?i)\b(?:chênh lệch|chênh|cao hơn|thấp hơn|nhiều hơn|ít hơn|đắt hơn|rẻ hơn)(?P<w>[^0-9.;!?%]{0,60}?) "
        + _PLAIN_AMOUNT_RE)),
    (breakdowns._ANY_PCT_RE, re.compile(r"(?<![\w,.])([0-9]{1,3}(?:,[0-9]{1,2})?) ?%")),
    (words.VOTE_RE, re.compile(r"(?i)biểu quyết|tán thành|bỏ phiếu|phiếu bầu|số phiếu|\bphiếu\b|đồng ý|nhất trí")),
    (words.SENTENCE_END_RE, re.compile(r"[.!?](?= |$)|;")),
    (records._TOTAL_AFTER_RE, re.compile(
        r"(?:[Tt]ổng cộng|[Tt]ổng số|[Tt]ổng|[Tt]ất cả|[Cc]ả thảy)(?: là| có| đạt)? (?P<n>[0-9]{1,3}(?:\.[0-9]{3})*)"
        r" (?P<noun>[^\W\d_]+)")),
]

#: pieces of text around changes, differences, votes and totals
CHANGE_PIECES = ["tăng", "Tăng", "TĂNG", "giảm", "Giảm", "GIẢM", "xtăng", "ghi thêm", "tiến", "mất", "lùi", "tụt",
                 "hạ", "nhích", "để mất", "Để mất", "thêm", "tiếp", "từ", "Từ", "lên", "xuống", "còn", "về", "mức",
                 "gấp", "Gấp", "GẤP", "lần", "chênh", "Chênh lệch", "cao hơn", "Thấp hơn", "nhiều hơn", "ít hơn",
                 "Ít hơn", "đắt hơn", "Đắt hơn", "rẻ hơn", "hơn", "so với", "năm trước", "biểu quyết", "Tán thành",
                 "bỏ phiếu", "phiếu", "Phiếu bầu", "số phiếu", "ſố phiếu", "đồng ý", "Đồng ý", "nhất trí",
                 "NHẤT TRÍ", "xphiếu", "Tổng cộng", "tổng số", "tổng", "Tất cả", "cả thảy", "là", "có", "đạt",
                 "tương ứng", "tương đương", "hay", "tức", "(", ")", ",", ".", ";", "%", " %", "/", "x",
                 "1", "12", "123", "1.234", "12.345.678", "0,5", "1.234,56", "05", "1.23", "2020", "(2020)",
                 "tỷ", "triệu", "nghìn", "đồng", "điểm", "người", "đơn vị", "USD", "a", "A", "_"]
change_text_st = pieces_text(CHANGE_PIECES, SEPARATORS, 30)


def _same_matches(fast: re.Pattern, plain: re.Pattern, text: str, step: int = 3) -> None:
    assert _spans(fast, text) == _spans(plain, text), fast.pattern
    for pos in range(0, len(text) + 1, step):  # searched from inside the text and up to a place
        a, b = fast.search(text, pos), plain.search(text, pos)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), fast.pattern
        a, b = fast.search(text, 0, pos), plain.search(text, 0, pos)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), fast.pattern


def test_class_first_patterns_match_as_the_plain_ones_in_the_texts():
    found = 0
    for text in TEXTS:
        for p in split_paragraphs(normalize_lines(text)):
            for fast, plain in PLAIN_CLASS_FIRST:
                assert _spans(fast, p.text) == _spans(plain, p.text), fast.pattern
                found += len(_spans(plain, p.text))
    assert found > 0


@settings(max_examples=600, deadline=None)
@given(change_text_st)
def test_class_first_patterns_match_as_the_plain_ones(text):
    for fast, plain in PLAIN_CLASS_FIRST:
        _same_matches(fast, plain, text)


#: phrases the class-first patterns match, to be cut, joined and varied by the strategy below
CHANGE_PHRASES = [
    "tăng 71,16 điểm (0,48%), lên 14.784,41 điểm", "Giảm 410 đồng xuống 21.480 đồng/lít, tương ứng giảm 1,9%",
    "ở mức 61,46 điểm, giảm 0,48 điểm (-0,77%)", "tăng 5% (12 người) lên 252 người", "giảm 2,7% hay 400 đồng, còn 13.800 đồng",
    "tăng 2.290 đồng (từ 56.010 lên 58.300 đồng)", "giảm 200 nghìn đồng từ 37,3 triệu đồng lên 37,5 triệu đồng",
    "tăng 200.000 đồng/lượng so với hôm qua, từ 37,3 triệu đồng/lượng lên 37,5 triệu đồng/lượng",
    "350 tỷ đồng, gấp 2,5 lần năm ngoái (140 tỷ đồng)", "Gấp 3 lần", "chênh lệch 3,7 triệu đồng",
    "thấp hơn giá vàng SJC bán lẻ 3,2 triệu đồng/lượng", "Rẻ hơn 1.200 đồng", "ít hơn 12 người", "Đắt hơn 5 USD",
    "chiếm 12,5%", "đạt 100 %", "1.234,5%", "biểu quyết tán thành", "Số phiếu", "phiếu", "Đồng ý", "nhất trí 98%",
    "Tổng cộng 15 đơn vị", "tổng số 1.234 người", "tất cả là 12 đội", "cả thảy có 3 xã", "Tổng 7 người",
    "nhích 0,5 điểm (0,1%) lên 1.200 điểm", "để mất 3 điểm (1,2%), về 240 điểm", "ghi thêm 2 bàn, tương đương 5%",
]
phrase_text_st = st.lists(st.tuples(st.sampled_from(CHANGE_PHRASES + CHANGE_PIECES), st.sampled_from(SEPARATORS),
                                    st.integers(min_value=0, max_value=4)), max_size=8).map(
    lambda parts: "".join((p.upper() if k == 0 else p.capitalize() if k == 1 else "x" + p if k == 2 else p) + s
                          for p, s, k in parts))


@settings(max_examples=600, deadline=None)
@given(phrase_text_st)
def test_class_first_patterns_match_as_the_plain_ones_in_phrases(text):
    for fast, plain in PLAIN_CLASS_FIRST:
        _same_matches(fast, plain, text)


def _paren_depths(text: str) -> tuple[list[int], list[int]]:
    """Offsets of the parentheses and the depth after each, by the plain pattern."""
    parens, depths, d = [], [], 0
    for m in re.finditer(r"[()]", text):
        d = d + 1 if m.group(0) == "(" else max(0, d - 1)
        parens.append(m.start())
        depths.append(d)
    return parens, depths


def _long_dates_as_plain(text: str) -> None:
    fast = [(m.span(), m.groups()) for m in longdates.long_dates(text)]
    assert fast == _spans(longdates._LONG_DATE_RE, text)


def test_long_dates_and_parentheses_found_as_by_the_plain_patterns_in_the_texts():
    found = 0
    for text in TEXTS:
        for i, p in enumerate(split_paragraphs(normalize_lines(text))):
            _long_dates_as_plain(p.text)
            found += len(_spans(longdates._LONG_DATE_RE, p.text))
            assert tokens.ParagraphContext(p, i)._parens == _paren_depths(p.text)
    assert found > 0


DATE_PIECES = ["ngày", "Ngày", "NGÀY", "nGày", "ngÀy", "ngàY", "xngày", "gày", "à", "À", "y", "5", "12", "2020",
               "tháng", "THÁNG", "Tháng", "năm", "NĂM", "3", "05", "1/2", "(", ")", "((", "))", ",", ".", "a",
               "ngày 5 tháng 3 năm 2020", "NGÀY 1 THÁNG 2 NĂM 2019", "Ngày 30 tháng 2", "ngày 5 tháng 3",
               "ngÀy 12 Tháng 12 năm 1999", "ngày 7 tháng 8 năm", "Xngày 1 tháng 1"]


@settings(max_examples=600, deadline=None)
@given(pieces_text(DATE_PIECES, [" ", " ", "", ", "], 24))
def test_long_dates_and_parentheses_found_as_by_the_plain_patterns(text):
    _long_dates_as_plain(text)
    para = split_paragraphs(text.replace("\n", " ") or "x")
    if para:
        assert tokens.ParagraphContext(para[0], 0)._parens == _paren_depths(para[0].text)


def _plain_pct_role(text: str, t) -> str:
    """The role of a percentage as found before the words were looked at first."""
    before = text[max(0, t.s - 40):t.s].lower()
    m = words.TARGET_BEFORE_RE.search(before)
    if m:
        w = m.group("w")
        if w in ("giảm", "tăng", "thêm"):
            return "pct-change"
        if w.startswith(words.AT_LEAST_WORDS):
            return "pct-target-min"
        if w.startswith(words.AT_MOST_WORDS):
            return "pct-target-max"
        return "pct-bound"
    if words.PCT_REF_AFTER_RE.match(text, t.e):
        return "pct-ref"
    if t.a > 100:
        return "pct-ref"
    return "pct"


#: every word of the target pattern, and the pieces around a percentage
TARGET_PIECES = sorted(set(re.findall(r"[^\W\d_]+", words.TARGET_BEFORE_RE.pattern)) - {"P", "w"}) + [
    "Tăng", "GIẢM", "Phấn đấu", "2020", "2020,", "đến năm 2025", "tới năm 2030,", "12", "5,5", "15%", "7 %",
    "120%", ",", ".", ":", "(", "\n", "so", "kế hoạch", "tối thiểu", "tối đa", "không quá", "không vượt quá",
    "ít nhất", "không thấp hơn", "phấn đấu đạt có", "đạt từ", "gần như", "xấp xỉ", "không dưới", "25%", "3,75%"]
#: each word of the pattern right before a percentage
TARGET_PIECES += [re.sub(r"\(\?:[^()]*\)\?", "", w) + " 15%" for w in
                  re.match(r"\(\?P<w>((?:[^()]|\([^()]*\))*)\)", words.TARGET_BEFORE_RE.pattern).group(1).split("|")]


def _roles(text: str) -> list:
    ctx = tokens.ParagraphContext(split_paragraphs("x")[0], 0)
    ctx.text = text
    return [(t.s, wordreaders.pct_role(text, t), _plain_pct_role(text, t))
            for t in (tokens.NumberToken("pct", m.start(), m.start(1) + len(m.group(1)), m.group(1))
                      for m in re.finditer(r"(?<![\w,.])([0-9]+(?:,[0-9]+)?) ?%", text))
            if setattr(t, "a", float(t.text.replace(",", "."))) is None]


def test_roles_of_percentages_are_those_of_the_plain_search_in_the_texts():
    seen = 0
    for text in TEXTS:
        for p in split_paragraphs(normalize_lines(text)):
            for _, fast, plain in _roles(p.text):
                assert fast == plain
                seen += plain != "pct"
    assert seen > 0


@settings(max_examples=800, deadline=None)
@given(pieces_text(TARGET_PIECES, [" ", " ", "", "  "], 16))
def test_roles_of_percentages_are_those_of_the_plain_search(text):
    for _, fast, plain in _roles(text):
        assert fast == plain


FROM_PIECES = ["từ", "Từ", "TỪ", "tỪ", "xtừ", "Xtừ", "1từ", "ừ", "Ừ", "t", "T", "5", "12", "2020", "a", "-", ".", ","]


@settings(max_examples=600, deadline=None)
@given(pieces_text(FROM_PIECES, [" ", " ", "", "  "], 12))
def test_from_and_a_number_found_as_by_the_plain_pattern(text):
    assert changes.has_from(text) == (PLAIN_FROM_RE.search(text) is not None)


def test_from_and_a_number_found_as_by_the_plain_pattern_in_the_texts():
    found = 0
    for text in TEXTS:
        for p in split_paragraphs(normalize_lines(text)):
            assert changes.has_from(p.text) == (PLAIN_FROM_RE.search(p.text) is not None)
            found += changes.has_from(p.text)
    assert found > 0


def _amounts_before_shares(text: str) -> None:
    from parstats.audit import amountshares

    for m in re.finditer("%", text):
        for s in range(max(0, m.start() - 8), m.start() + 1):
            a, b = (amountshares.amount_before_share(text, s),
                    amountshares._AMOUNT_SHARE_RE.search(text, max(0, s - 70), s))
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def test_amounts_before_shares_found_as_by_the_plain_search_in_the_texts():
    for text in TEXTS:
        for p in split_paragraphs(normalize_lines(text)):
            _amounts_before_shares(p.text)


SHARE_PIECES = ["54,5 tỷ USD", "1.377.200 đơn vị", "12 người", "(", ",", "-", "chiếm", "tương đương", "tương ứng",
                "bằng", "tới", "đến", "khoảng", "17,7%", "5%", "đạt", "\n", "a", "Chiếm", "x",
                "54,5 tỷ USD (chiếm 17,7%", "1.377.200 đơn vị, chiếm 46,7%", "12 người - tương đương 5%",
                "30 tỷ đồng giao dịch, bằng tới 10%", "7 triệu đơn vị ( tương ứng đến 3%", "9 ha,chiếm 1%"]


@settings(max_examples=600, deadline=None)
@given(pieces_text(SHARE_PIECES, [" ", " ", "", "  "], 14))
def test_amounts_before_shares_found_as_by_the_plain_search(text):
    _amounts_before_shares(text)


# ------------------------------------------------------------------ cues looked for before a pattern
# A pattern that starts with a look-behind is tried at every position; each of those below is
# now searched only in a paragraph where a cue that every one of its matches holds (a literal or
# a class first: found quickly) stands, or found from a rarer character. The plain forms:
from parstats.audit import labelled, namecounts, totals  # noqa: E402

PLAIN_BARE_LONG_DATE_RE = re.compile(
    r"(?<![0-9.,/])([0-9]{1,2}) (?i:tháng) ([0-9]{1,2})(?: (?i:năm) ([12][0-9]{3})|, ([12][0-9]{3})(?! [a-zđà-ỹ]))"
    r"(?![0-9]|[.,][0-9])")
PLAIN_ONE_RES = tuple(re.compile(r" " + c + r"(?![0-9\w])(?=[:.)\n]| [-–]|$| " + words.UPPER + r")") for c in "1I")
PLAIN_BARE_NUMBERS_RE = re.compile(r"[0-9] và (?:năm )?[0-9]")
PLAIN_ORDINAL_RE = re.compile(r"hứ (?P<o>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?=[,:.]| là)")
PLAIN_IS_RE = re.compile(r"là[,:]")
PLAIN_POINTER_RES = tuple(re.compile(r" " + w + r"(?!\w)") for w in ("này", "đó", "trên"))

#: (cue, pattern): every match of the pattern holds a match of its cue
CUES = [
    (namecounts._BOTH_CUE_RE, namecounts._BOTH_RE),
    (totals._WORD_TOTAL_CUE_RE, totals._WORD_TOTAL_RE),
    (longdates._DASH_DATE_CUE_RE, longdates._DASH_DATE_RE),
    (matchscores._RESULT_SCORE_CUE_RE, matchscores._RESULT_SCORERS_RE),
    (re.compile("còn"), records._REST_AT_RE),
]

CUE_PIECES = ["cả", "Cả", "bộ", "Bộ", "hai", "đôi", "ba", "tứ", "bốn", "năm", "Năm", "tám", "Mười", "mười một",
              "gồm", "gồm có", "bao gồm", "gồm:", "ngày", "Ngày", "tháng", "Tháng", "THÁNG", "năm", "NĂM",
              "20-10", "31-11", "2-1", "3-15", "20", "5", "2020", "1.5", "1,5", "/", "-", "đến", "và", "Và",
              "Hà Nội", "Google", "T&T", "(Quốc Phương 71', Đức Tuấn 85')", "(", ")", "'", "còn", "còn lại",
              "lại", "xã", "người", "này", "đó", "trên", "nói trên", "kể", "đóng", "trênx", "_", "1", "I", "II",
              "Khung", "Nhóm", "Chương", "Điều", ":", ".", ",", "–", "A", "\n", "số", "2", "10", "thứ", "Thứ",
              "nhất", "hứ", "là", "là,", "là:", "Hai", "Ba", "l", "à", "!", "?", ". Ba cầu thủ", "! 3 người"]
cue_text_st = pieces_text(CUE_PIECES, SEPARATORS, 30)


def _plain_anaphors(text: str) -> list:
    got = []
    for pat in PLAIN_POINTER_RES:
        for w in pat.finditer(text):
            m = namecounts._ANAPHOR_RE.search(text, max(0, w.start() - 40), w.start())
            if m is not None:
                got.append(m)
    if "Đây là" in text or "Đó là" in text or "Đấy là" in text:
        got.extend(namecounts._POINTED_RE.finditer(text))
    return [(m.span(), m.groups()) for m in sorted(got, key=lambda m: m.start())]


def _plain_all_long_dates(text: str) -> list:
    got = [(m, m.start(3)) for m in longdates.long_dates(text)]
    spans = [m.span() for m, _ in got]
    for m in PLAIN_BARE_LONG_DATE_RE.finditer(text):
        if not any(a <= m.start() < b for a, b in spans):
            got.append((m, m.start(3) if m.group(3) else m.start(4)))
    return [(m.span(), m.groups(), y) for m, y in sorted(got, key=lambda x: x[0].start())]


def _cued_as_plain(text: str) -> int:
    """Check every rewritten pattern and cue on ``text``; the number of matches seen."""
    found = 0
    for cue, pattern in CUES:  # a text without the cue is not searched with the pattern
        hits = len(pattern.findall(text))
        assert hits == 0 or cue.search(text) is not None, pattern.pattern
        found += hits
    _same_matches(longdates._BARE_LONG_DATE_RE, PLAIN_BARE_LONG_DATE_RE, text)
    assert ([(m.span(), m.groups(), y) for m, y in longdates.all_long_dates(text)] == _plain_all_long_dates(text))
    for fast, plain in zip(labelled._ONE_RES, PLAIN_ONE_RES):
        assert [m.start() - 1 for m in fast.finditer(text)] == [m.start() for m in plain.finditer(text)]
    assert ([(m.start() - 2, m.groups()) for m in labelled._ORDINAL_RE.finditer(text)]
            == [(m.start() - 1, m.groups()) for m in PLAIN_ORDINAL_RE.finditer(text)])
    assert [m.start() - 1 for m in labelled._IS_RE.finditer(text)] == [m.start() for m in PLAIN_IS_RE.finditer(text)]
    assert (namecounts._BARE_NUMBERS_RE.search(text) is None) == (PLAIN_BARE_NUMBERS_RE.search(text) is None)
    assert [(m.span(), m.groups()) for m in namecounts._anaphors(text)] == _plain_anaphors(text)
    assert ([(m.span(), m.groups()) for m in namecounts._opening_counts(text)]
            == [(m.span(), m.groups()) for m in namecounts._OPENING_COUNT_RE.finditer(text, 1)])
    return found


def test_cues_and_rewritten_patterns_as_the_plain_ones_in_the_texts():
    assert sum(_cued_as_plain(p.text) for text in TEXTS for p in split_paragraphs(normalize_lines(text))) > 0


@settings(max_examples=600, deadline=None)
@given(cue_text_st)
def test_cues_and_rewritten_patterns_as_the_plain_ones(text):
    _cued_as_plain(text)


def _plain_pipe_table_rows(lines: list[str]) -> frozenset[int]:
    """markdown._pipe_table_rows as it was before it looked only at the lines with a "|"."""
    from parstats.markdown import _DIGIT_CELL_RE, _PIPE_SEPARATOR_RE

    rows: set[int] = set()
    run: list[int] = []
    for i, line in enumerate(lines + [""]):
        if " | " in line or line.lstrip().startswith("|"):
            run.append(i)
            continue
        if len(run) >= 3:
            numbered = [k for k in run if _DIGIT_CELL_RE.search(lines[k])]
            widths = {lines[k].count("|") for k in numbered}
            if len(numbered) >= 2 and len(widths) == 1 and min(widths) >= 2:
                rows.update(k + 1 for k in run)
        run = []
    for i, line in enumerate(lines):
        if "|" not in line or "--" not in line or not _PIPE_SEPARATOR_RE.match(line):
            continue
        rows.add(i + 1)
        j = i - 1
        if j >= 0 and "|" in lines[j]:
            rows.add(j + 1)
        j = i + 1
        while j < len(lines) and "|" in lines[j] and lines[j].strip():
            rows.add(j + 1)
            j += 1
    return frozenset(rows)


PIPE_LINES = ["a | b | c", "| 1 | 2 |", "1 | 2 | 3", "--- | ---", "|---|---|", "text", "", "x|y", " | 5 | 6",
              "Năm | 2010 | 2021", "GRDP | 124,7 | 346,6", "  ", "| a |", "-- | --", "1|2"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIPE_LINES), max_size=14))
def test_pipe_table_rows_as_the_plain_scan(lines):
    from parstats.markdown import _pipe_table_rows

    assert _pipe_table_rows(lines) == _plain_pipe_table_rows(lines)


def test_pipe_table_rows_as_the_plain_scan_in_the_texts():
    from parstats.markdown import _pipe_table_rows

    for text in TEXTS:
        lines = normalize_lines(text).split("\n")
        assert _pipe_table_rows(lines) == _plain_pipe_table_rows(lines)
