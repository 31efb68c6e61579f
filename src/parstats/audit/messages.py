"""The audit's words for a reader: statuses, diagnoses and locations in Vietnamese (default) or English.

:func:`diagnosis` is what a page shows for a finding (the notebook, the site, the annotated
report); :attr:`parstats.audit.checks.Finding.diagnosis` stays the English, machine-facing text
of ``--format json``/``csv`` (the labelled evaluation compares it byte for byte).

The audit writes each diagnosis as clauses joined by ``"; "``, every clause from a fixed
sentence with numbers in it (:mod:`parstats.audit.checks`, :mod:`~parstats.audit.passes`,
:mod:`~parstats.audit.documents`, the doubts of :mod:`~parstats.audit.paragraph`). Each such
sentence is written here once more as a :class:`Phrase`: the English with its fields, and the
Vietnamese with the same fields. A field that is itself words (how a total was tied, "3 more
than 128", "count") is put into Vietnamese by its own phrases; numbers are already written the
Vietnamese way by the audit and are carried over unchanged. A clause that no phrase reads is
left in English (:func:`untranslated` lists them; the tests require none on the project's texts).

Canonical Vietnamese words: :data:`STATUSES_VI`, :data:`SEVERITIES_VI`, :data:`KINDS_VI`,
:data:`CAUSES_VI` (re-exported by :mod:`parstats.audit` and read by the analysis layer).

Examples
--------
>>> from parstats.audit import audit_text
>>> f = audit_text("Cán bộ có trình độ đại học trở lên là 128/129 người, tỷ lệ 98,45%.").findings[0]
>>> diagnosis(f)
'số lượng lệch một ít: 127/129 mới cho 98,45% (ít hơn 128 là 1)'
>>> diagnosis(f, "en") == f.diagnosis
True
>>> status_text("unverifiable"), severity_text("major"), kind_text("ratio", "en")
('không kiểm chứng được', 'nghiêm trọng', 'share')
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from contextvars import ContextVar
from typing import Callable

from parstats.audit.model import split_basis

__all__ = ["LANGS", "STATUSES_VI", "SEVERITIES_VI", "KINDS_VI", "CAUSES_VI", "diagnosis",
           "translate", "untranslated", "basis_text", "status_text", "severity_text",
           "kind_text", "cause_text", "location_text", "recomputation_text"]

#: Languages of the reader-facing words.
LANGS = ("vi", "en")

#: Statuses in Vietnamese (the words of the notebooks and the site).
STATUSES_VI = {"consistent": "nhất quán", "inconsistent": "không nhất quán",
               "unverifiable": "không kiểm chứng được"}
STATUSES_EN = {"consistent": "consistent", "inconsistent": "inconsistent",
               "unverifiable": "unverifiable"}

#: Severities in Vietnamese (``None``: not inconsistent).
SEVERITIES_VI = {"minor": "nhỏ", "major": "nghiêm trọng", None: ""}
SEVERITIES_EN = {"minor": "minor", "major": "major", None: ""}

#: Kinds of claim in Vietnamese.
KINDS_VI = {"ratio": "tỷ lệ", "change": "tăng/giảm", "sum": "tổng", "rank": "xếp hạng",
            "date": "ngày tháng", "document": "văn bản"}
KINDS_EN = {"ratio": "share", "change": "change", "sum": "sum", "rank": "rank", "date": "date",
            "document": "document number"}

#: Likely causes of an inconsistency in Vietnamese.
CAUSES_VI = {
    "rounded-down": "làm tròn xuống thay vì làm tròn nửa lên",
    "rounded-twice": "làm tròn hai lần",
    "rounded-up": "làm tròn lên",
    "wrong-base": "tính trên sai gốc so sánh",
    "transposed-digits": "đảo vị trí chữ số",
    "count-off": "số đếm lệch một ít",
    "total-off": "tổng số lệch một ít",
    "shared-total": "các tỷ lệ cùng khớp một tổng số khác",
    "parts-mismatch": "các thành phần không cộng đúng tổng",
    "document": "số hiệu văn bản sai",
    "reported-value": "tỷ lệ ghi sai (số đếm và tổng số đã được văn bản xác nhận)",
    "other": "chưa rõ nguyên nhân",
}


def _check(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return lang


def status_text(status: str, lang: str = "vi") -> str:
    """The word for a status (``consistent``, ``inconsistent``, ``unverifiable``)."""
    return (STATUSES_VI if _check(lang) == "vi" else STATUSES_EN)[status]


def severity_text(severity: str | None, lang: str = "vi") -> str:
    """The word for a severity (``minor``, ``major``; ``""`` for None)."""
    return (SEVERITIES_VI if _check(lang) == "vi" else SEVERITIES_EN)[severity]


def kind_text(kind: str, lang: str = "vi") -> str:
    """The word for a kind of claim."""
    return (KINDS_VI if _check(lang) == "vi" else KINDS_EN)[kind]


def cause_text(cause: str | None, lang: str = "vi") -> str:
    """The likely cause of an inconsistency in words (``""`` for None)."""
    if cause is None:
        return ""
    return CAUSES_VI.get(cause, "") if _check(lang) == "vi" else cause.replace("-", " ")


# Phrases: one English sentence of the audit and its Vietnamese

_FIELD_RE = re.compile(r"\{(\w+)\}")

#: fields that hold words quoted from the text (which may contain "; ")
_QUOTED = ("q", "b", "c", "h", "u", "m")


@dataclass(frozen=True)
class Phrase:
    """An English sentence with ``{fields}`` and its Vietnamese with the same fields.

    A field matches any text (shortest first); ``words`` names, per field, the phrase book
    (a key of :data:`_BOOKS`) that puts the field's text into Vietnamese.
    """

    en: str
    vi: str
    words: tuple[tuple[str, str], ...] = ()

    @property
    def pattern(self) -> re.Pattern:
        return _compile(self.en)


@lru_cache(maxsize=None)
def _compile(en: str) -> re.Pattern:
    out, pos = [], 0
    for m in _FIELD_RE.finditer(en):
        out.append(re.escape(en[pos:m.start()]))
        name = m.group(1)
        # a field never spans the "; " between two clauses, except quoted words of the text
        out.append(f"(?P<{name}>.+?)" if name in _QUOTED else f"(?P<{name}>(?:(?!; ).)+?)")
        pos = m.end()
    out.append(re.escape(en[pos:]))
    return re.compile("".join(out), re.S)


def P(en: str, vi: str, **words: str) -> Phrase:
    return Phrase(en, vi, tuple(words.items()))


_WORDS = {  # single words that fields carry
    "count": "số lượng", "total": "tổng số", "change": "mức tăng/giảm",
    "meets": "đạt", "misses": "chưa đạt", "met": "đạt", "not met": "chưa đạt",
    "sentence": "câu", "paragraph": "đoạn",
    "numerator": "tử số", "denominator": "mẫu số",
    "numerators": "các tử số", "denominators": "các mẫu số",
    "transposed digits": "đảo chữ số", "from its date": "theo ngày ban hành",
    "twice or wrongly included": "bị tính hai lần hoặc tính nhầm vào",
    "missing": "bị bỏ sót",
}

_OFF = [
    P("{n} more than {x}", "nhiều hơn {x} là {n}"),
    P("{n} less than {x}", "ít hơn {x} là {n}"),
]

_BASIS = [
    P("as written", "theo đúng số liệu ghi trong văn bản"),
    P("the fraction itself, with the share in the same clause",
      "chính phân số, tỷ lệ nêu trong cùng vế câu"),
    P("the fraction itself, no share stated", "chính phân số, không nêu tỷ lệ"),
    P("the fraction itself", "chính phân số"),
    P("'{m}' after the percentage", "cụm «{m}» ngay sau tỷ lệ"),
    P("'{m}' later in the sentence", "cụm «{m}» ở phần sau của câu"),
    P("footnote {n} (line {l}): '{q}'", "chú thích {n} ({l}): «{q}»", l="line"),
    P("'{u}' before 'trong đó' earlier in the paragraph (line {l})",
      "«{u}» trước «trong đó», ở phần trước của đoạn ({l})", l="line"),
    P("the denominator of {u} earlier in the paragraph (line {l})",
      "mẫu số của {u}, ở phần trước của đoạn ({l})", l="line"),
    P("'{u}', a whole named by its place, earlier in the {w} (line {l})",
      "«{u}», tổng thể được gọi theo địa bàn, ở phần trước của {w} ({l})", w="word", l="line"),
    P("'tổng số … {u}' earlier in the {w} (line {l})", "«tổng số … {u}» ở phần trước của {w} ({l})",
      w="word", l="line"),
    P("the {w} of {a} at line {l}, broken down in footnote {n}",
      "{w} của {a} ở {l}, được chi tiết trong chú thích {n}", w="word", l="line"),
    P("the number {t} at line {l}, broken down in footnote {n}",
      "số {t} ở {l}, được chi tiết trong chú thích {n}", l="line"),
    P("the '{c}' row of the table (line {l}), which the rows add up to",
      "hàng «{c}» của bảng ({l}), bằng tổng các hàng bên dưới", l="line"),
    P("old value {old} = {v} (the value before the change)",
      "giá trị trước khi thay đổi {old} = {v}"),
    P("{b}, which the counts of its shares add up to ({s})",
      "{b}, đúng bằng tổng các số lượng của các tỷ lệ ({s})", b="basis"),
    P("'{m}' before the share", "cụm «{m}» đứng trước tỷ lệ"),
    P("'{m}' with the change {p} after it", "cụm «{m}» với mức thay đổi {p} đứng sau"),
    P("'{m}' with the change {p} before it", "cụm «{m}» với mức thay đổi {p} đứng trước"),
    P("'{m}': the value before is {o} = {v}", "cụm «{m}»: giá trị trước khi thay đổi là {o} = {v}"),
    P("the change {n} between {a} and {b}", "mức thay đổi {n} giữa {a} và {b}"),
    P("the count '{n}' before a list of {k} names", "số «{n}» đứng trước danh sách {k} tên"),
    P("the count '{n}' before {k} items", "số «{n}» đứng trước {k} mục được liệt kê"),
    P("{k} list items of one percentage each, labelled as instalments or stages ({s})",
      "{k} mục liệt kê, mỗi mục một tỷ lệ, ghi là các đợt hoặc giai đoạn ({s})"),
    P("{k} list items of one percentage each, the last one the rest ({s})",
      "{k} mục liệt kê, mỗi mục một tỷ lệ, mục cuối là phần còn lại ({s})"),
    P("the count '{n}' and {k} names later in its clause", "số «{n}» và {k} tên được nêu sau đó trong cùng vế câu"),
    P("the count '{n}' before {k} bullet lines", "số «{n}» đứng trước {k} dòng gạch đầu dòng"),
    P("the calculation '{c}'", "phép tính «{c}» ghi trong văn bản"),
    P("{k} percentages one after another in a sentence, which add to 100%: the parts of one whole ({s})",
      "{k} tỷ lệ liền nhau trong một câu, cộng lại bằng 100%: các phần của cùng một tổng thể ({s})"),
    P("the column '{h}' as column {a} over column {b} ({k} of {n} rows fit)",
      "cột «{h}» là cột {a} chia cho cột {b} ({k}/{n} hàng khớp)"),
    P("the column '{h}' and columns {c} ({k} of {n} rows add up)",
      "cột «{h}» và các cột {c} ({k}/{n} hàng cộng đúng)"),
    P("a row of a structure table in percent ('{c}'), {k} of its rows adding to 100%",
      "một hàng của bảng cơ cấu tính bằng % («{c}»), {k} hàng của bảng cộng lại bằng 100%"),
    P("a column of a structure table in percent ('{c}'), {k} of its columns adding to 100%",
      "một cột của bảng cơ cấu tính bằng % («{c}»), {k} cột của bảng cộng lại bằng 100%"),
    P("'{m}': the change and its base in parentheses", "cụm «{m}»: mức thay đổi và giá trị gốc trong ngoặc"),
    P("'{m}': the base in parentheses", "cụm «{m}»: giá trị gốc trong ngoặc"),
    P("'{m}': the base after 'là'", "cụm «{m}»: giá trị gốc nêu sau «là»"),
    P("'{w}' of '{t}' in the parentheses after the share", "«{w}» trên «{t}» trong ngoặc sau tỷ lệ"),
    P("'{m}' and the wins, draws and losses of its sentence", "«{m}» và số trận thắng, hòa, thua trong cùng câu"),
    P("{k} counts of '{n}' then '{t}'", "{k} số lượng «{n}» rồi đến «{t}»"),
    P("{k} names, then '{n}'", "{k} tên, rồi đến «{n}»"),
    P("{k} amounts of '{u}' after '{w}'", "{k} số «{u}» sau «{w}»"),
    P("the fraction {f} {u} and '{r}' after it", "phân số {f} {u} và «{r}» sau đó"),
    P("the number {n} stated at line {l}, which {k} of the {m} shares of the passage fit",
      "số {n} nêu ở {l}, khớp với {k}/{m} tỷ lệ của đoạn", l="line"),
    P("'{a}' and '{b}', each after its period, before '{c}'", "«{a}» và «{b}», mỗi số sau kỳ của nó, trước «{c}»"),
    P("the buying price {a} and the selling price {b} before '{q}'",
      "giá mua vào {a} và giá bán ra {b} trước «{q}»"),
    P("{a} and {b} before '{q}'", "{a} và {b} trước «{q}»"),
    P("a share said to be the rest ('còn lại') and the shares before it, which add to 100% with it ({s})",
      "tỷ lệ được nói là phần «còn lại» và các tỷ lệ trước đó, cộng lại bằng 100% ({s})"),
    P("'{m}' with the change {n} percentage points", "cụm «{m}» với mức thay đổi {n} điểm phần trăm"),
    P("the counts of a breakdown whose shares add up to 100% ({s})",
      "tổng các số lượng của một cơ cấu có các tỷ lệ cộng lại bằng 100% ({s})"),
    P("'{u}' earlier in the sentence, of the same noun", "«{u}» ở phần trước của câu, cùng danh từ"),
    P("the number before the parenthesis", "số đứng trước dấu ngoặc"),
    P("the {w} of the fraction {h} and its breakdown", "{w} của phân số {h} và phần chi tiết của nó",
      w="word"),
    P("the number '{h}' before 'trong đó'", "số «{h}» trước «trong đó»"),
    P("the total '{h}' before the list", "tổng số «{h}» trước danh sách"),
    P("'{m}': the direction word against the two values", "cụm «{m}»: từ chỉ chiều tăng/giảm ngược với hai giá trị"),
    P("'{m}': the sign of the percentage against the verb", "cụm «{m}»: dấu của tỷ lệ ngược với động từ tăng/giảm"),
    P("'{m}': the new value over the old one", "cụm «{m}»: giá trị mới chia cho giá trị cũ"),
    P("'{m}' and '{n}' elsewhere in the paragraph", "cụm «{m}» và cụm «{n}» ở chỗ khác trong đoạn"),
    P("'{m}' elsewhere in the paragraph", "cụm «{m}» ở chỗ khác trong đoạn"),
    P("'{m}' earlier in the paragraph", "cụm «{m}» ở phần trước của đoạn"),
    P("'{m}' earlier in the sentence", "cụm «{m}» ở phần trước của câu"),
    P("'{m}' after the part", "cụm «{m}» ngay sau phần được tính tỷ lệ"),
    P("'{m}' earlier in the paragraph, named by 'so với {w}'",
      "cụm «{m}» ở phần trước của đoạn, được gọi tên bằng «so với {w}»"),
    P("'trong {y}' before the count {x}", "cụm «trong {y}» trước số lượng {x}"),
    P("'{m}' before the parenthesis", "cụm «{m}» ngay trước dấu ngoặc"),
    P("the formula '{m}'", "công thức «{m}»"),
    P("'{m}' after the share", "cụm «{m}» ngay sau tỷ lệ"),
    P("the record '{m}' ({s})", "thành tích «{m}» ({s})"),
    # counted lists, breakdowns, tables and averages (parstats.audit.countedlists, lists, tables,
    # tablecolumns, flatrows, averages)
    P("the count '{n}' before a list of {k} names opened by '{o}'",
      "số «{n}» đứng trước danh sách {k} tên, mở đầu bằng «{o}»"),
    P("the count '{n}' before a colon and {k} clauses", "số «{n}» đứng trước dấu hai chấm và {k} vế câu"),
    P("the count '{n}' before {k} bullet lines", "số «{n}» đứng trước {k} dòng gạch đầu dòng"),
    P("the count '{n}' before items numbered {a} to {b}", "số «{n}» đứng trước các mục đánh số từ {a} đến {b}"),
    P("{k} items named before '{q}'", "{k} mục được nêu tên trước «{q}»"),
    P("the count '{n}' and the items labelled '{a}' to '{b}'",
      "số «{n}» và các mục được ghi nhãn từ «{a}» đến «{b}»"),
    P("{k} bullets of '{l}' in {u}", "{k} dòng gạch đầu dòng ghi «{l}» tính bằng {u}"),
    P("{k} bullets of '{u}' under '{q}'", "{k} dòng gạch đầu dòng tính bằng «{u}» dưới «{q}»"),
    P("the rank '{r}' and {k} names after 'sau'", "thứ hạng «{r}» và {k} tên nêu sau «sau»"),
    P("{k} names in the sentence before '{q}'", "{k} tên trong câu trước «{q}»"),
    P("{k} items listed before '{q}'", "{k} mục được liệt kê trước «{q}»"),
    P("{k} names right after '{q}'", "{k} tên nêu ngay sau «{q}»"),
    P("{k} numbers of {u} listed in the parentheses", "{k} số {u} được liệt kê trong ngoặc"),
    P("{k} numbers of {u} listed after it", "{k} số {u} được liệt kê ngay sau"),
    P("{n} times {a} đồng, the range stated before", "{n} lần {a} đồng, mức nêu ở khung trước"),
    P("the goals told one by one before the score '{s}' ({k} scores, each one goal on)",
      "các bàn thắng được kể lần lượt trước tỷ số «{s}» ({k} tỷ số, mỗi tỷ số hơn tỷ số trước một bàn)"),
    P("the count '{n}' and the items said one by one after it ({k})",
      "số «{n}» và các mục được nêu lần lượt sau đó ({k})"),
    P("3 points for each of the {w} wins and 1 for each of the {d} draws of its sentence",
      "3 điểm cho mỗi trận thắng trong {w} trận thắng và 1 điểm cho mỗi trận hòa trong {d} trận hòa nêu trong cùng câu"),
    P("{k} percentages of '{q}' in the paragraph, which add to 100%: the parts of one whole ({s})",
      "{k} tỷ lệ của «{q}» trong đoạn, cộng lại bằng 100%: các phần của một tổng thể ({s})"),
    P("the place of day {d} of month {m} in the Gregorian calendar (a leap year)",
      "thứ tự của ngày {d} tháng {m} trong lịch Gregory (năm nhuận)"),
    P("the place of day {d} of month {m} in the Gregorian calendar",
      "thứ tự của ngày {d} tháng {m} trong lịch Gregory"),
    P("the days left after day {d} of month {m} in the Gregorian calendar (a leap year)",
      "số ngày còn lại sau ngày {d} tháng {m} trong lịch Gregory (năm nhuận)"),
    P("the days left after day {d} of month {m} in the Gregorian calendar",
      "số ngày còn lại sau ngày {d} tháng {m} trong lịch Gregory"),
    P("'{a}' over the matches of the wins, draws and losses of the sentence (= {k})",
      "«{a}» chia cho số trận thắng, hòa và thua nêu trong cùng câu (= {k})"),
    P("the amount {a} of the head at line {l}, which the {k} bullets under it add up to",
      "số {a} ở câu mở đầu ({l}), bằng tổng của {k} dòng gạch đầu dòng bên dưới", l="line"),
    P("the amount {a} of the head at line {l}", "số {a} ở câu mở đầu ({l})", l="line"),
    P("'{a}' over '{b}', the counts of the two nouns of the unit {u} in the same sentence",
      "«{a}» chia cho «{b}»: số lượng của hai danh từ trong đơn vị {u}, trong cùng câu"),
    P("a row of a flattened table: {a} against {b} ({g} of {t} such triples of the run fit)",
      "một hàng của bảng bị dàn thành dòng chữ: {a} so với {b} ({g} trên {t} bộ ba số như vậy của dãy khớp)"),
    P("the total row '{c}' and the rows above it (column {n})", "hàng tổng «{c}» và các hàng phía trên (cột {n})"),
    P("the total row '{c}' and the rows under it (column {n})", "hàng tổng «{c}» và các hàng bên dưới (cột {n})"),
    P("the total row '{c}' and the rows marked '{m}' under it (column {n})",
      "hàng tổng «{c}» và các hàng đánh dấu «{m}» bên dưới (cột {n})"),
    P("the total '{t}' and the counts of '{u}' after '{m}' in its sentence",
      "tổng số «{t}» và các số lượng «{u}» sau «{m}» trong cùng câu"),
    P("the total '{t}' and the units after '{m}' in its sentence",
      "tổng số «{t}» và các đơn vị nêu sau «{m}» trong cùng câu"),
    P("a share said to be the rest ('{r}') and the shares before it, which add to {p} with it ({s})",
      "tỷ lệ được nói là phần còn lại («{r}») và các tỷ lệ đứng trước, cộng lại bằng {p} ({s})"),
    P("{k} bullet lines of one percentage each under '{q}': the shares of one whole ({s})",
      "{k} dòng gạch đầu dòng, mỗi dòng một tỷ lệ, dưới «{q}»: các phần của một tổng thể ({s})"),
    P("{k} numbered items under '{q}', each a share ({s})", "{k} mục đánh số dưới «{q}», mỗi mục một tỷ lệ ({s})"),
    P("shares in parentheses of the items after '{q}', the parts of one whole ({s})",
      "các tỷ lệ trong ngoặc của các mục sau «{q}», là các phần của một tổng thể ({s})"),
    P("'{m}' earlier in the paragraph: the {w} is {a} = {b} + {c}",
      "cụm «{m}» ở phần trước của đoạn: {w} là {a} = {b} + {c}"),
    P("a row's columns {a}-{b} of a structure table in percent ('{c}'), {k} of its rows adding to 100%",
      "các cột {a}-{b} của một hàng trong bảng cơ cấu tính bằng % («{c}»), {k} hàng của bảng cộng lại bằng 100%"),
    P("the row '{c}' and the rows marked '{m}' under it (column {n})",
      "hàng «{c}» và các hàng đánh dấu «{m}» bên dưới (cột {n})"),
    P("the column '{h}' as the change of column {c} from the row before ({k} of {n} rows fit)",
      "cột «{h}» là mức tăng/giảm của cột {c} so với hàng trên ({k}/{n} hàng khớp)"),
    P("the count '{n}' before {k} bullets naming '{u}'",
      "số «{n}» đứng trước {k} dòng gạch đầu dòng, mỗi dòng nêu một «{u}»"),
    P("the count '{n}' before a list of {k} amounts opened by '{m}'",
      "số «{n}» đứng trước danh sách {k} giá trị, mở đầu bằng «{m}»"),
    P("the amount '{a}' of the sentence over the row '{b}', column '{c}' of the table near it",
      "số «{a}» trong câu chia cho hàng «{b}», cột «{c}» của bảng gần đó"),
    P("the amount '{a}' of the sentence over the column '{b}', row '{c}' of the table near it",
      "số «{a}» trong câu chia cho cột «{b}», hàng «{c}» của bảng gần đó"),
    P("the row '{a}' the paragraph names over the row '{b}', column '{c}' of the table near it",
      "hàng «{a}» được nêu trong đoạn chia cho hàng «{b}», cột «{c}» của bảng gần đó"),
    P("the row '{a}' the paragraph names over the column '{b}', row '{c}' of the table near it",
      "hàng «{a}» được nêu trong đoạn chia cho cột «{b}», hàng «{c}» của bảng gần đó"),
    P("'{a}' over the row '{b}', column '{c}' of the table near it (the one that fits)",
      "«{a}» chia cho hàng «{b}», cột «{c}» của bảng gần đó (cặp số khớp với tỷ lệ)"),
    P("'{a}' over the column '{b}', row '{c}' of the table near it (the one that fits)",
      "«{a}» chia cho cột «{b}», hàng «{c}» của bảng gần đó (cặp số khớp với tỷ lệ)"),
    P("the row '{c}' as the row '{a}' over the row '{b}', column {n} ({k} of {t} columns fit)",
      "hàng «{c}» là hàng «{a}» chia cho hàng «{b}», cột {n} ({k}/{t} cột khớp)"),
    P("'{m}' in the same sentence, of the noun of '{c}'", "«{m}» trong cùng câu, cùng danh từ với «{c}»"),
    P("'{m}' earlier in the paragraph (line {l}), of the noun of '{c}'",
      "«{m}» ở phần trước của đoạn ({l}), cùng danh từ với «{c}»", l="line"),
    P("the goals of the scorer line '{q}' ({a} before the dash, {b} after), the score '{c}' read the other way round",
      "các bàn thắng ở dòng ghi bàn «{q}» ({a} trước gạch nối, {b} sau), tỷ số «{c}» đọc theo chiều ngược lại"),
    P("the goals of the scorer line '{q}' ({a} before the dash, {b} after), the score '{c}'",
      "các bàn thắng ở dòng ghi bàn «{q}» ({a} trước gạch nối, {b} sau), tỷ số «{c}»"),
    P("the score may be another match's", "tỷ số có thể là của một trận khác"),
    P("the limit of {a} {u} cut by {b}", "thời hạn {a} {u} được cắt giảm {b}"),
    P("'{m}' and the wins, draws and losses of the sentence next to it",
      "«{m}» và số trận thắng, hòa, thua ở câu liền kề"),
    P("the share {a}% and the {k} shares in parentheses after it in its sentence ({s})",
      "tỷ lệ {a}% và {k} tỷ lệ trong ngoặc sau nó trong cùng câu ({s})"),
    P("the count '{n}' before {k} names joined by dashes", "số «{n}» đứng trước {k} tên nối bằng gạch ngang"),
    P("the count '{n}' before a list of 1 name opened by ':'", "số «{n}» đứng trước danh sách 1 tên, mở đầu bằng «:»"),
    P("'{m}'", "«{m}»"),
]

_SHARE_REPORTED = re.compile(r"\(reported ([^()]*)\)")
_LINE = re.compile(r"\(line (\d+)\)")

_DIAGNOSES = [
    # ratios and changes (checks._ratio_diagnosis)
    P("rounded down instead of half-up: {a} = {e}, which rounds to {r}",
      "làm tròn xuống thay vì làm tròn nửa lên: {a} = {e}, làm tròn đúng là {r}"),
    P("rounded twice: {e} was first rounded to {m}, then to {r}",
      "làm tròn hai lần: {e} được làm tròn thành {m}, rồi thành {r}"),
    P("rounded once it is {r}", "làm tròn một lần là {r}"),
    P("transposed digits in the reported value: {r} for {c}",
      "đảo chữ số trong tỷ lệ báo cáo: ghi {r} thay cho {c}"),
    P("transposed digits in part {i}: {alt} instead of {p} would make the parts add up to {r}",
      "đảo chữ số ở thành phần thứ {i}: nếu là {alt} thay vì {p} thì các thành phần cộng lại bằng {r}"),
    P("transposed digits: the parts add up to {s}, the total is written {r}",
      "đảo chữ số: các thành phần cộng lại bằng {s}, tổng số lại ghi {r}"),
    P("transposed digits: {a} gives {r} ({w} written {x})", "đảo chữ số: {a} mới cho {r} ({w} ghi là {x})",
      w="word"),
    P("total off by a little: every share of this passage fits a total of {t} ({o}): {s}",
      "tổng số lệch một ít: mọi tỷ lệ của đoạn này đều khớp với tổng số {t} ({o}): {s}",
      o="off", s="shares"),
    P("total off by a little: the shares of this passage fit ({k} only nearly) a total of {t} ({o}): {s}",
      "tổng số lệch một ít: các tỷ lệ của đoạn này khớp với tổng số {t} ({k} tỷ lệ chỉ gần khớp) ({o}): {s}",
      o="off", s="shares"),
    P("total off by a little: read as {p} (a padded zero), {x} of {t} gives {q} ({o})",
      "tổng số lệch một ít: đọc là {p} (chữ số 0 thêm vào cuối), {x} trên {t} cho {q} ({o})", o="off"),
    P("total off by a little: {x} of {t} gives {r} (nearest {n}, {o})",
      "tổng số lệch một ít: {x} trên {t} mới cho {r} (gần nhất là {n}, {o})", o="off"),
    P("{w} off by a little: {a} gives {r} ({o})", "{w} lệch một ít: {a} mới cho {r} ({o})",
      w="what", o="off"),
    P("rounded up instead of half-up: {a} = {e}, which rounds to {r}",
      "làm tròn lên thay vì làm tròn nửa lên: {a} = {e}, làm tròn đúng là {r}"),
    P("the reported value is the slip: {a} = {e}, which rounds to {r}, not {rep}",
      "tỷ lệ báo cáo ghi sai: {a} = {e}, làm tròn là {r}, không phải {rep}"),
    P("no simple explanation: {a} = {e}, not {r}", "chưa có lời giải thích đơn giản: {a} = {e}, không phải {r}"),
    P("the part {x} is larger than the whole {y}", "phần {x} lớn hơn toàn thể {y}"),
    P("gross: against the target {t} the reported value {a} it but the recomputed one {b} it",
      "sai lệch làm đổi kết luận: so với chỉ tiêu {t}, số báo cáo {a} nhưng số tính lại {b}",
      a="word", b="word"),
    P("the verdict against the target {t} is unchanged ({v})",
      "kết luận so với chỉ tiêu {t} không đổi ({v})", v="word"),
    P("{v} is confirmed by the sum {s}", "{v} đã được phép cộng {s} xác nhận", s="lines"),
    P("{v} is confirmed by the subtotal {a} of the sum {s}",
      "{v} đã được tổng bộ phận {a} của phép cộng {s} xác nhận", s="lines"),
    # changes
    P("the value before the change is not stated", "không nêu giá trị trước khi thay đổi"),
    P("wrong base: {a} = {p} is computed on the new value {n} instead of the old one {o}",
      "sai gốc so sánh: {a} = {p} được tính trên giá trị mới {n} thay vì giá trị cũ {o}"),
    P("on the old base the change is {r}", "tính trên giá trị cũ thì mức thay đổi là {r}"),
    P("from {a} to {b} is a change of {d} percentage points, not {n}",
      "từ {a} đến {b} là mức thay đổi {d} điểm phần trăm, không phải {n}"),
    P("wrong base: {r} is the new value as a share of the old one ({q}), not the change",
      "sai gốc so sánh: {r} là giá trị mới so với giá trị cũ ({q}), không phải mức tăng"),
    P("the change is {r}", "mức tăng đúng là {r}"),
    P("wrong base: the change from {a} to {b} is {p} of the new value {n} instead of the old one {o}",
      "sai gốc so sánh: mức thay đổi từ {a} đến {b} bằng {p} của giá trị mới {n} thay vì giá trị cũ {o}"),
    P("the reported value is the slip: from {a} to {b} is a change of {e}, which rounds to {r}, not {rep}",
      "tỷ lệ báo cáo ghi sai: từ {a} đến {b} là mức thay đổi {e}, làm tròn là {r}, không phải {rep}"),
    # unverifiable shares
    P("a share stated without its count and total", "tỷ lệ được nêu mà không có số lượng và tổng số"),
    P("the count is approximate ('khoảng', 'gần', 'hơn' …): not exact enough to check",
      "số lượng là số ước chừng («khoảng», «gần», «hơn» …): không đủ chính xác để kiểm tra"),
    P("no total tied to the count (the same clause, 'tổng số' for the same noun earlier in the "
      "paragraph, or a footnote)",
      "không tìm thấy tổng số gắn với số lượng (trong cùng vế câu, «tổng số» của cùng danh từ ở "
      "phần trước của đoạn, hoặc trong chú thích)"),
    P("the whole is zero: not a share", "toàn thể bằng 0: không phải là tỷ lệ"),
    P("no percentage stated, and {a} is not a share (a date, an address, a document number or a score?)",
      "không nêu tỷ lệ, và {a} không phải là tỷ lệ (có thể là ngày tháng, địa chỉ, số hiệu văn bản "
      "hoặc tỷ số?)"),
    P("no percentage stated (the share is {r})", "không nêu tỷ lệ (tỷ lệ tính được là {r})"),
    P("none of the {n} share(s) tied to {t} ({b}) fits it: probably the share of another whole",
      "không tỷ lệ nào trong {n} tỷ lệ gắn với {t} ({b}) khớp với số này: có lẽ là tỷ lệ của "
      "một tổng thể khác", b="basis"),
    # doubts (paragraph, words)
    P("{t} is not a share: the part is larger than the whole (a date, a code?)",
      "{t} không phải là tỷ lệ: phần lớn hơn toàn thể (có thể là ngày tháng, mã số?)"),
    P("{t} is a proportion in words (one third, two thirds …), not counts",
      "{t} là tỷ lệ diễn đạt bằng lời (một phần ba, hai phần ba …), không phải số đếm"),
    P("a vote share: such shares are usually of all members (tổng số đại biểu), not of those "
      "present or voting",
      "tỷ lệ biểu quyết: tỷ lệ này thường tính trên tổng số đại biểu, không phải trên số có mặt "
      "hoặc số biểu quyết"),
    P("a number of the list or its total is approximate ('khoảng', 'hơn' …)",
      "một số trong danh sách hoặc tổng số là số ước chừng («khoảng», «hơn» …)"),
    P("the list goes on with an item that has no number", "danh sách còn mục khác không có số liệu"),
    P("the list starts with items that have no number", "danh sách bắt đầu bằng các mục không có số liệu"),
    # sums
    P("the parts add up to {s}, {o}: too far off to be a breakdown of it (the list names examples, "
      "or runs into another list)",
      "các thành phần cộng lại bằng {s}, {o}: lệch quá xa nên không phải là phần chi tiết của tổng "
      "này (danh sách chỉ nêu ví dụ, hoặc nối sang danh sách khác)", o="off"),
    P("the parts add up to {s}, {o}: one part ({d}) counted {w}",
      "các thành phần cộng lại bằng {s}, {o}: một thành phần ({d}) {w}", o="off", w="word"),
    P("the parts add up to {s}, {o}", "các thành phần cộng lại bằng {s}, {o}", o="off"),
    # ranks
    P("'vị trí {r}' is outside 1–{n}: a place (an address) rather than a rank",
      "«vị trí {r}» nằm ngoài khoảng 1–{n}: là một địa điểm (địa chỉ) chứ không phải thứ hạng"),
    P("rank {r} is outside 1–{n}", "thứ hạng {r} nằm ngoài khoảng 1–{n}"),
    # dates
    P("no such date: {d}", "không có ngày này: {d}"),
    P("'{d}' is glued to a code by a hyphen (an ISBN turned into a date)",
      "«{d}» dính với một mã số bằng dấu gạch nối (mã ISBN bị đọc thành ngày tháng)"),
    P("not a date: the year {y} is implausible", "không phải ngày tháng: năm {y} không hợp lý"),
    P("{d} is a date only as month/day/year (a foreign format), not checked",
      "{d} chỉ là ngày tháng nếu đọc theo kiểu tháng/ngày/năm (cách viết nước ngoài), không kiểm tra"),
    P("{d} is not read as a date: no calendar has it (a version, a DOI, a code?)",
      "{d} không được đọc là ngày tháng: không lịch nào có ngày này (có thể là phiên bản, mã DOI, mã số?)"),
    P("not a date: a day or month 0 (an empty date of a spreadsheet?)",
      "không phải ngày tháng: ngày hoặc tháng bằng 0 (ô ngày trống của bảng tính?)"),
    P("29 February {y} exists in the Julian calendar, which many countries then used",
      "ngày 29 tháng 2 năm {y} có trong lịch Julius, lịch mà nhiều nước dùng thời đó"),
    # documents (documents.DocumentReference.describe_flags)
    P("the number's year '{y}' is not a year", "năm trong số hiệu «{y}» không phải là năm"),
    P("probably {s} ({w}, dated {d})", "có lẽ là {s} ({w}, ban hành ngày {d})", w="word"),
    P("probably {s} ({w})", "có lẽ là {s} ({w})", w="word"),
    P("the number's year {y} disagrees with the date {d}",
      "năm trong số hiệu ({y}) không khớp với ngày ban hành {d}"),
    # weak ties (parstats.audit.ties, amountshares, breakdowns, changes, comparisons): checked, never flagged
    P("the counts may be of another set of units, or rounded",
      "các số lượng có thể thuộc một tập đơn vị khác, hoặc đã được làm tròn"),
    P("a chart or list of shares may leave out a small part",
      "biểu đồ hoặc danh sách tỷ lệ có thể bỏ sót một phần nhỏ"),
    P("the items are clauses, which commas may split or join",
      "các mục là các vế câu, mà dấu phẩy có thể tách hoặc gộp"),
    P("the items stand before the count: the clause may hold more than the list",
      "các mục đứng trước số lượng: vế câu có thể chứa nhiều hơn danh sách"),
    P("the rows under the total may not be all of its parts (the table does not say so)",
      "các hàng dưới hàng tổng có thể không phải là tất cả các phần của nó (bảng không nói rõ)"),
    P("two amounts and a percentage in a row may not be a change between the two",
      "hai số và một tỷ lệ trong cùng hàng có thể không phải là mức thay đổi giữa hai số đó"),
    P("the sign of the percentage and of the change disagree", "dấu của tỷ lệ và của mức thay đổi ngược nhau"),
    P("{a} {u} is {x}, not {y}", "{a} {u} là {x}, không phải {y}"),
    P("rounded down: {a} is {x}, not {y} (the value is truncated, not rounded)",
      "làm tròn xuống: {a} là {x}, không phải {y} (giá trị bị cắt bớt thay vì làm tròn)"),
    P("the calculation {e} gives {a}, not {b}", "phép tính {e} cho kết quả {a}, không phải {b}"),
    P("a unit that is not the result's may stand for a factor named in words and left out",
      "một đơn vị khác đơn vị của kết quả có thể thay cho một thừa số được nêu bằng lời và không ghi ra"),
    P("the other rows do not show that this column is the ratio of those two columns",
      "các hàng khác không cho thấy cột này là tỷ lệ của hai cột kia"),
    P("the other rows do not show that this column is the change from the row before",
      "các hàng khác không cho thấy cột này là mức tăng/giảm so với hàng trên"),
    P("a row of a table near the share fits it, but the text does not say which",
      "một hàng của bảng gần đó khớp với tỷ lệ, nhưng văn bản không nói rõ là hàng nào"),
    P("the other rows do not show that these columns are the parts of the total column",
      "các hàng khác không cho thấy các cột này là các phần của cột tổng"),
    P("no other line of the table adds up to 100%: the table may leave out a part",
      "không hàng nào khác của bảng cộng lại bằng 100%: bảng có thể bỏ sót một phần"),
    P("the wins, draws and losses may be of part of the matches",
      "số trận thắng, hòa, thua có thể chỉ tính một phần các trận"),
    P("the list may start before the counts that were read",
      "danh sách có thể bắt đầu trước các số lượng đã đọc"),
    P("the names may start before the clause", "danh sách tên có thể bắt đầu trước vế câu này"),
    P("the buying and selling prices read may be another quote than the one the gap is of",
      "giá mua, giá bán đã đọc có thể thuộc một lần niêm yết khác với mức chênh lệch"),
    P("the change may be against another period than the one stated just before",
      "mức thay đổi có thể là so với một kỳ khác với kỳ vừa nêu"),
    P("the difference may be against another amount than the two read",
      "mức chênh lệch có thể là so với một số khác với hai số đã đọc"),
    P("the rest may be part of what is left, not all of it",
      "số còn lại có thể chỉ là một phần của phần còn lại"),
    P("the amounts are rounded: their difference is the change only nearly",
      "các số đã được làm tròn: hiệu của chúng chỉ gần bằng mức thay đổi"),
    P("'tăng N lần' may mean N times as much or N times more",
      "«tăng N lần» có thể là gấp N lần hoặc tăng thêm N lần"),
    P("the parts add up to {a}, not {b}, beyond the rounding of the parts",
      "các phần cộng lại bằng {a}, không phải {b}, vượt quá sai số làm tròn của các phần"),
    P("the share stands after other words: it may be of another whole",
      "tỷ lệ đứng sau những từ khác: có thể là tỷ lệ của một tổng thể khác"),
    P("the change is stated against another base ('so với …')",
      "mức thay đổi được so với một gốc khác («so với …»)"),
    P("a change between two percentages may be meant in percentage points",
      "mức thay đổi giữa hai tỷ lệ có thể được tính bằng điểm phần trăm"),
    P("a label may be left out, or the items may run past the text read",
      "có thể một nhãn bị bỏ sót, hoặc các mục kéo dài quá phần văn bản đã đọc"),
    P("points may follow another scale (another sport, a deduction, a bonus)",
      "điểm có thể tính theo thang khác (môn thể thao khác, bị trừ điểm, điểm thưởng)"),
    P("the count may not be of the names of the sentence before",
      "số lượng có thể không phải là số tên nêu ở câu trước"),
    P("the amount after 'so với … là' may be the value after the change, not its base",
      "số nêu sau «so với … là» có thể là giá trị sau khi thay đổi, không phải giá trị gốc"),
    P("the goals told may be of another match, or not all told",
      "các bàn thắng được kể có thể thuộc trận khác, hoặc chưa được kể hết"),
    P("neither end of the range is the multiple of the range before it: that may be another act's",
      "không đầu nào của khung là bội số của khung nêu trước: khung trước có thể là của hành vi khác"),
    P("the whole is a rounded amount ('2,5 triệu'): the share may fit its unrounded value",
      "tổng thể là số đã làm tròn («2,5 triệu»): tỷ lệ có thể khớp với giá trị chưa làm tròn"),
    P("the text may name only some of those ranked before",
      "văn bản có thể chỉ nêu tên một số đơn vị xếp trên"),
    P("the bullets do not add up to the amount of their head: the share may be of another whole",
      "các dòng gạch đầu dòng không cộng lại bằng số ở dòng mở đầu: tỷ lệ có thể là của một tổng thể khác"),
    P("the bullets may list only some of the parts",
      "các dòng gạch đầu dòng có thể chỉ liệt kê một số phần"),
    P("the list may name only some of the items, or one name may stand for several",
      "danh sách có thể chỉ nêu một số mục, hoặc một tên có thể gồm nhiều mục"),
    P("the counts are rounded amounts (millions, thousands …): their sum is the whole only nearly",
      "các số lượng là số làm tròn (triệu, nghìn …): tổng của chúng chỉ gần đúng bằng tổng thể"),
    P("the count and the whole count different things (a rate, not a share?)",
      "số lượng và tổng thể đếm những thứ khác nhau (một tỷ suất, không phải tỷ lệ?)"),
    P("the whole is an amount named elsewhere in the paragraph: it may be another one",
      "tổng thể là một số lượng được gọi tên ở chỗ khác trong đoạn: có thể là một số lượng khác"),
    P("the whole is a total stated earlier in the paragraph, and no other share of the list fits it",
      "tổng thể là một tổng số nêu ở phần trước của đoạn, và không có tỷ lệ nào khác của danh sách khớp với nó"),
    P("the base named after 'so với' is stated earlier, but its words do not match the change's subject and period",
      "gốc so sánh nêu sau «so với» có ở phần trước, nhưng lời văn không khớp với chủ thể và kỳ của mức thay đổi"),
    P("the text says '{v}' but from {a} to {b} is a change in the other direction",
      "văn bản ghi «{v}» nhưng từ {a} đến {b} là thay đổi theo chiều ngược lại"),
    P("the text says '{v}' but the percentage {p} has the other sign",
      "văn bản ghi «{v}» nhưng tỷ lệ {p} mang dấu ngược lại"),
    P("from {a} to {b} is {e} times, which rounds to {r}, not {n}",
      "từ {a} đến {b} là {e} lần, làm tròn là {r}, không phải {n}"),
    P("a vote share that fits neither those present or voting ({p} = {q}) nor all members ({m} = {k}), not {r}",
      "tỷ lệ biểu quyết không khớp với số có mặt hoặc tham gia biểu quyết ({p} = {q}) lẫn tổng số thành viên ({m} = {k}), không phải {r}"),
    P("the whole is only a larger count of the same noun earlier in the sentence",
      "tổng thể chỉ là một số lớn hơn của cùng danh từ ở phần trước của câu"),
    P("a number of the change is approximate", "một số liệu của mức thay đổi là số ước lượng"),
    P("the date of the reference {d}, checked with it", "ngày của văn bản {d}, đã kiểm tra cùng số hiệu"),
    P("the date {d} does not exist", "ngày {d} không tồn tại"),
    P("the type word '{w}' disagrees with the code {c}", "tên loại văn bản «{w}» không khớp với ký hiệu {c}"),
]


def _shares_vi(text: str) -> str:
    return _SHARE_REPORTED.sub(lambda m: "(báo cáo ghi " + _NEAR_FIT.sub(r", gần khớp (\1)", m.group(1)) + ")",
                               text)


_NEAR_FIT = re.compile(r", near fit ([0-9.,]+%)")


#: how a line number of the read text is named for the reader: "dòng 151", or where the line
#: stands in the original document ("trang 10, mục II.2.5") while :func:`diagnosis` is given one
_WHERE: ContextVar[Callable[[int], str] | None] = ContextVar("_WHERE", default=None)


def _line_vi(text: str) -> str | None:
    if not text.isdigit():
        return None
    where = _WHERE.get()
    return where(int(text)) if where is not None else f"dòng {text}"


def _lines_vi(text: str) -> str:
    return _LINE.sub(lambda m: f"({_line_vi(m.group(1))})", text)


def _word_vi(text: str) -> str | None:
    return _WORDS.get(text)


def _phrase_vi(phrases: list[Phrase]) -> Callable[[str], str | None]:
    def tr(text: str) -> str | None:
        for ph in phrases:
            m = ph.pattern.fullmatch(text)
            if m is None:
                continue
            values = m.groupdict()
            ok = True
            for name, book in ph.words:
                v = _BOOKS[book](values[name])
                if v is None:
                    ok = False
                    break
                values[name] = v
            if ok:
                return ph.vi.format(**values)
        return None
    return tr


_BOOKS: dict[str, Callable[[str], str | None]] = {
    "word": _word_vi, "what": {"count": "số lượng", "change": "mức tăng/giảm"}.get, "off": _phrase_vi(_OFF), "basis": _phrase_vi(_BASIS),
    "shares": _shares_vi, "lines": _lines_vi, "line": _line_vi,
}
_diagnosis_vi = _phrase_vi(_DIAGNOSES)


def _translate(text: str) -> tuple[str, list[str]]:
    """(Vietnamese text, English clauses left untranslated)."""
    clauses = text.split("; ")
    out, left, i = [], [], 0
    while i < len(clauses):
        for j in range(len(clauses), i, -1):  # the longest run of clauses that a phrase reads
            vi = _diagnosis_vi("; ".join(clauses[i:j]))
            if vi is not None:
                out.append(vi)
                i = j
                break
        else:
            out.append(clauses[i])
            left.append(clauses[i])
            i += 1
    return "; ".join(out), left


def translate(text: str | None) -> str | None:
    """An English diagnosis of the audit in Vietnamese (clauses no phrase reads stay English).

    Examples
    --------
    >>> translate("rounded twice: 79,8982…% was first rounded to 79,90%, then to 79,9%; rounded once it is 79,9%")
    'làm tròn hai lần: 79,8982…% được làm tròn thành 79,90%, rồi thành 79,9%; làm tròn một lần là 79,9%'
    """
    return None if text is None else _translate(text)[0]


def untranslated(text: str | None) -> list[str]:
    """The clauses of an English diagnosis that no phrase puts into Vietnamese.

    >>> untranslated("the whole is zero: not a share; something new")
    ['something new']
    """
    return [] if text is None else _translate(text)[1]


def diagnosis(finding, lang: str = "vi", where: Callable[[int], str] | None = None) -> str | None:
    """The finding's diagnosis in ``lang`` (``"vi"`` or ``"en"``); None when it has none.

    ``where(line)`` names a line of the read text for the reader in Vietnamese (default
    ``"dòng N"``): the annotated report of a PDF says ``"trang 7, chú thích 5"``.

    Examples
    --------
    >>> from parstats.audit import audit_text
    >>> f = audit_text("Có 27 người, tỷ lệ 13,70%[^3].\\n\\n[^3]: Tổng số cán bộ là 197 người.").findings[0]
    >>> basis_text(f.claim.denominator_source, where=lambda n: f"trang {n + 1}")
    'chú thích 3 (trang 4): «Tổng số cán bộ là 197 người»'
    """
    if _check(lang) == "en":
        return finding.diagnosis
    token = _WHERE.set(where)
    try:
        return translate(finding.diagnosis)
    finally:
        _WHERE.reset(token)


def basis_text(text: str | None, lang: str = "vi", where: Callable[[int], str] | None = None) -> str | None:
    """How a claim's numbers were tied (:func:`parstats.audit.checks.basis`) in ``lang``
    (``where``: as for :func:`diagnosis`).

    >>> basis_text("footnote 3 (line 71): 'Tổng số cán bộ là 197 người'")
    'chú thích 3 (dòng 71): «Tổng số cán bộ là 197 người»'
    """
    if text is None or _check(lang) == "en":
        return text
    evidence = split_basis(text)[1]
    token = _WHERE.set(where)
    try:
        return _BOOKS["basis"](evidence) or evidence
    finally:
        _WHERE.reset(token)


def recomputation_text(finding, lang: str = "vi") -> str | None:
    """The recomputation a reader checks: ``"128/129 = 99,22%, báo cáo ghi 98,45%"``.

    Examples
    --------
    >>> from parstats.audit import audit_text
    >>> recomputation_text(audit_text("Đạt 128/129 người, tỷ lệ 98,45%.").findings[0])
    '128/129 = 99,22%, báo cáo ghi 98,45%'
    >>> recomputation_text(audit_text("Tổng số 58 đơn vị (gồm 51 xã; 6 thị trấn).").findings[0], "en")
    '51 + 6 = 57, the report writes 58'
    """
    from parstats.numbers import format_number

    c = finding.claim
    wrote = "báo cáo ghi" if _check(lang) == "vi" else "the report writes"
    rec = finding.recomputed
    if c.kind in ("ratio", "change") and c.numerator is not None and c.denominator and rec:
        head = f"{format_number(c.numerator)}/{format_number(c.denominator)} = {rec}"
    elif c.kind == "sum" and c.parts:
        head = " + ".join(format_number(p) for p in c.parts) + f" = {rec or format_number(sum(c.parts))}"
    elif c.kind == "document" and rec:
        head = ("có lẽ là " if lang == "vi" else "probably ") + rec
    elif c.kind == "rank" and c.numerator is not None:
        head = (f"hạng {c.numerator} trên {c.denominator}" if lang == "vi"
                else f"rank {c.numerator} of {c.denominator}")
    else:
        return None
    return f"{head}, {wrote} {c.reported}" if c.reported else head


def location_text(loc, lang: str = "vi") -> str:
    """Where a line stands in the original document, in words.

    The section, the page, the footnote and the table cell that are known, else the line.

    Examples
    --------
    >>> from parstats.audit.inputs import Location
    >>> location_text(Location(153))
    'dòng 153'
    >>> location_text(Location(12, page=3, table=2, row=4, column=3))
    'trang 3, bảng 2, hàng 4, cột 3'
    >>> location_text(Location(40, footnote="5", section="II.1"), "en")
    'section II.1, footnote 5'
    """
    w = ({"section": "mục", "page": "trang", "footnote": "chú thích", "table": "bảng", "row": "hàng",
          "column": "cột", "line": "dòng"} if _check(lang) == "vi" else
         {k: k for k in ("section", "page", "footnote", "table", "row", "column", "line")})
    parts = [f"{w[k]} {getattr(loc, k)}" for k in ("section", "page", "footnote", "table", "row", "column")
             if getattr(loc, k, None) not in (None, "")]
    return ", ".join(parts) if parts else f"{w['line']} {loc.line}"
