"""Calculations written out in the text: ``1.000 tấn x 60% = 600 tấn``, ``2 x 30 + 1 x 40 = 100``,
``5% (= 70% - 65%)``.

Rule ``worked-calculation`` (named in ``detail["rule"]``): numbers joined by ``x``, ``×``,
``*``, ``+``, ``-``, ``–``, ``/`` or `` : `` (a division; with parentheses, percentages and the unit words of each
number), then ``=`` and a result. Worked examples of legal texts, tax and salary calculations,
and sums written as equations are the text doing its own arithmetic: the result is redone
exactly (``Decimal``) and compared with the result as written, at its precision (half-up).

* ``A x P% = B`` (or ``P% x A = B``) is a share: a ``ratio`` claim, ``B`` of ``A`` reported
  ``P%`` (the kind a reader lists it as).
* Any other calculation is a ``sum`` claim reported as its result.

Evidence and doubt:

* The calculation starts at a clean boundary (the start of a line, after ``:``, ``;``, ``là``,
  ``bằng``, an opening parenthesis it closes, a word, or ``=`` after a word: ``Tiền lương = …``): a number, ``)`` or an operator just
  before it means the text holds more of it than was read, and nothing is claimed.
* A word term (``Lương cơ sở x 2,34``) cannot be computed: nothing is claimed.
* When the result differs, the claim is ``inconsistent`` only if every amount is a bare number
  or carries the result's unit (``1.000 kg x 50% = 500 kg``, ``540.000 đ x 5,00 = 2.700.000
  đồng``); a unit that is not the result's (``10,5 năm x 1 tháng = 31.185.000 đồng``) may
  stand for a factor named in words and left out, and the claim is ``unverifiable``.

A paragraph is read once per ``=``, looking back at most :data:`LOOK_BACK` characters: linear in
its length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, localcontext

from parstats.audit.tokens import ParagraphContext, provisional_claim
from parstats.numbers import NUMBER_PATTERN, format_number, parse_number, quantize

__all__ = ["LOOK_BACK", "WEAK_UNITS", "Calculation", "read_calculation", "calculation_claims"]

#: how far before ``=`` a calculation may start
LOOK_BACK = 160
WEAK_UNITS = "a unit that is not the result's may stand for a factor named in words and left out"

_NUM = NUMBER_PATTERN  # as parse_number reads it: "0.495" is no number
#: a day, a month and a year with "=" for the last separator ("14-06=2011")
_DATE_TYPO_RE = re.compile(r"[0-9]{1,2}\s?[-/.]\s?[0-9]{1,2}\s?=\s?(?:1[89]|20)[0-9]{2}")
#: where a calculation may start: an opening parenthesis, or a digit not inside a number
_START_RE = re.compile(r"\(|(?<![0-9.,])[0-9]")
#: one piece of a calculation: a number (its % and up to two unit words, a symbol in parentheses),
#: an operator, a parenthesis
#: a unit word after a number (``tấn``, ``đ``, ``tr``), never the multiplication sign ``x``
_UNIT_WORD = r"(?![x×](?![^\W\d_]))[^\W\d_]{1,8}\.?(?:/[^\W\d_]{1,8})?"
_PIECE_RE = re.compile(
    r"\s*(?:(?P<num>" + _NUM + r")(?P<pct>\s?%)?(?P<unit>\s?" + _UNIT_WORD + r"(?:\s" + _UNIT_WORD + r")?)?"
    r"(?:\s?\((?=[^\W\d_])[^()\d=]{1,12}\))?"  # a symbol naming the number: "20,16% (Cm)"
    r"|(?P<op>[x×*+\-–/])(?=\s|[0-9(])|(?P<colon>(?<=\s):)(?=\s)|(?P<open>\()|(?P<close>\)))")
_RESULT_RE = re.compile(
    r"\s*=\s*(?P<num>" + _NUM + r")(?P<pct>\s?%)?(?![0-9])\s?(?:\(?(?P<unit>[^\W\d_]{1,8}))?")
#: a day, a month and a year with "=" for the last separator ("14-06=2011")
_DATE_TYPO_RE = re.compile(r"[0-9]{1,2}\s?[-/.]\s?[0-9]{1,2}\s?=\s?(?:1[89]|20)[0-9]{2}")
#: an operator and a number right after a result: the result is the first term of the next
#: calculation of a chain ("10×0 + 9×3 + … = 0 + 27 + … = 130")
_CHAINED_RE = re.compile(r"\s?[x×*+\-–/:]\s?[0-9(]")
#: where a calculation may start: the text before its first piece ends with one of these
_BOUNDARY_RE = re.compile(r"(?:^|[:;(\n=]|\bl[àa]|\bbằng|[^\W\d_])\s*$")
_OPS = frozenset("x×*+-–/")
_UNIT_SAME = {"đ": "đồng", "đồng": "đồng", "tr": "triệu", "triệu": "triệu", "kg": "kg", "tấn": "tấn"}


@dataclass(frozen=True)
class Calculation:
    """A calculation as written and its value: ``terms`` are the numbers, ``units`` the unit
    word after each (``None`` for none), ``percent_terms`` how many are percentages."""

    start: int
    end: int
    text: str
    value: Decimal
    result: Decimal
    result_text: str
    result_decimals: int
    result_unit: str | None
    units: tuple[str | None, ...]
    n_terms: int
    percent_terms: int
    shape: tuple[str, ...]  # "n", "%" and operators, in order, without parentheses
    terms: tuple[Decimal, ...]


def _unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    w = unit.split()[0].split("/")[0].rstrip(".").lower()
    return _UNIT_SAME.get(w, w)


def _evaluate(tokens: list) -> Decimal | None:
    """The value of ``tokens`` (numbers, operators, parentheses), multiplication and division
    before addition and subtraction; ``None`` when they are not a calculation."""
    pos = 0

    def expr():
        nonlocal pos
        v = term()
        while v is not None and pos < len(tokens) and tokens[pos] in ("+", "-", "–"):
            op = tokens[pos]
            pos += 1
            w = term()
            if w is None:
                return None
            v = v + w if op == "+" else v - w
        return v

    def term():
        nonlocal pos
        v = factor()
        while v is not None and pos < len(tokens) and tokens[pos] in ("x", "×", "*", "/"):
            op = tokens[pos]
            pos += 1
            w = factor()
            if w is None or (op == "/" and w == 0):
                return None
            v = v / w if op == "/" else v * w
        return v

    def factor():
        nonlocal pos
        if pos >= len(tokens):
            return None
        t = tokens[pos]
        if t == "(":
            pos += 1
            v = expr()
            if v is None or pos >= len(tokens) or tokens[pos] != ")":
                return None
            pos += 1
            return v
        if isinstance(t, Decimal):
            pos += 1
            return t
        return None

    with localcontext() as ctx:
        ctx.prec = 40
        v = expr()
    return v if v is not None and pos == len(tokens) else None


def read_calculation(text: str, eq: int) -> Calculation | None:
    """The calculation that ends with the ``=`` at ``eq`` of ``text`` and its result, or
    ``None`` when what stands before ``=`` is not a whole calculation of numbers.

    Examples
    --------
    >>> c = read_calculation("- Đồng: 1.000 tấn x 60% = 600 tấn.", 24)
    >>> c.text, c.value, c.result, c.shape
    ('1.000 tấn x 60% = 600 tấn', Decimal('600.0'), Decimal('600'), ('n', 'x', '%'))
    >>> read_calculation("Lương cơ sở x 2,34 = 3.486.600 đồng", 19) is None
    True
    """
    res = _RESULT_RE.match(text, eq)
    if res is None or _CHAINED_RE.match(text, res.end("num") + (len(res.group("pct") or ""))):
        return None  # "… = 0 + 27 + 0 + … = 130": the right side is itself a calculation, read from its own "="
    lo = max(0, eq - LOOK_BACK)
    # candidate starts: each number or "(" after a boundary, latest first would miss the
    # calculation's head; read forward from the earliest clean start instead
    # (searched in the text itself from lo: the look-behind sees the digits before the window,
    # so no start falls inside a number such as "20.495")
    for m in _START_RE.finditer(text, lo, eq):
        start = m.start()
        if not _clean_start(text, start):
            continue
        pieces = _pieces(text, start, eq)
        if pieces is None:
            continue
        tokens, units, shape = pieces
        n_terms = sum(1 for s in shape if s in ("n", "%"))
        if n_terms < 2 or not any(s in _OPS for s in shape):
            continue
        value = _evaluate(tokens)
        if value is None:
            continue
        rt = res.group("num")
        dec = len(rt.partition(",")[2])
        result = parse_number(rt).value
        if res.group("pct"):
            value = value * 100  # compared in percent, as written
        return Calculation(start, res.end("num") + (len(res.group("pct")) if res.group("pct") else 0),
                           text[start:res.end()].rstrip(" ("), value, result, rt + ("%" if res.group("pct") else ""),
                           dec, res.group("unit"), tuple(units), n_terms, shape.count("%"),
                           tuple(s for s in shape), tuple(t for t in tokens if isinstance(t, Decimal)))
    return None


#: the result written first, the calculation after it in parentheses: "tỷ lệ 5% (= 70% - 65%)"
_RESULT_FIRST_RE = re.compile(r"(?P<num>" + _NUM + r")(?P<pct>\s?%)?(?:\s(?P<unit>[^\W\d_]{1,8}))?\s?\(\s?$")


def read_result_first(text: str, eq: int) -> Calculation | None:
    """``tương ứng với tỷ lệ 5% (= 70% - 65%)``: the result, then ``(=`` and the calculation that
    gives it up to the closing parenthesis; ``None`` when that is not a whole calculation.

    >>> c = read_result_first("tỷ lệ 5% (= 70% - 65%) và", 10)
    >>> c.value, c.result, c.result_text
    (Decimal('5.00'), Decimal('5'), '5%')
    """
    head = _RESULT_FIRST_RE.search(text, max(0, eq - 40), eq)
    close = text.find(")", eq)
    if head is None or close < 0 or close - eq > LOOK_BACK:
        return None
    pieces = _pieces(text, eq + 1, close)
    if pieces is None:
        return None
    tokens, units, shape = pieces
    if sum(1 for x in shape if x in ("n", "%")) < 2 or not any(x in _OPS for x in shape):
        return None
    value = _evaluate(tokens)
    if value is None:
        return None
    rt = head.group("num")
    if head.group("pct"):
        value = value * 100  # compared in percent, as written
    return Calculation(head.start(), close + 1, text[head.start():close + 1], value, parse_number(rt).value,
                       rt + ("%" if head.group("pct") else ""), len(rt.partition(",")[2]), head.group("unit"),
                       tuple(units), sum(1 for x in shape if x in ("n", "%")), shape.count("%"), tuple(shape),
                       tuple(t for t in tokens if isinstance(t, Decimal)))


def _clean_start(text: str, start: int) -> bool:
    """Whether a calculation may start at ``start``: not right after a number, an operator or a
    closing parenthesis (the text would hold more of it than is read)."""
    before = text[max(0, start - 12):start]
    if not _BOUNDARY_RE.search(before):
        return False
    prev = before.rstrip()
    if not prev:
        return True
    last = prev[-1]
    if last in "x×" and (len(prev) == 1 or not prev[-2].isalpha()):
        return False
    if last == "=":  # "Tiền lương = 5 x …": after a label, not after a number
        # ("… được xác định bằng:" then "= 200 lao động + 8 lao động = 208 lao động" on a line
        # of its own: after the colon that names it, or at the paragraph's start)
        label = text[max(0, start - 60):start].rstrip()[:-1].rstrip()
        return not label or label[-1].isalpha() or label[-1] == ":"
    return not (last.isdigit() or last in "*+-–/).,%")


def _pieces(text: str, start: int, eq: int):
    """The numbers, operators and parentheses of ``text[start:eq]``, or ``None`` when it holds
    anything else or its parentheses do not balance."""
    tokens: list = []
    units: list[str | None] = []
    shape: list[str] = []
    pos = start
    depth = 0
    expect_value = True
    while pos < eq:
        if text[pos:eq].strip() == "":
            break
        m = _PIECE_RE.match(text, pos, eq)
        if m is None or m.end() == pos:
            return None
        if m.group("num") is not None:
            if not expect_value:
                return None
            v = parse_number(m.group("num")).value
            if m.group("pct"):
                v = v / 100
            tokens.append(v)
            unit = (m.group("unit") or "").strip() or None
            if unit and unit.lower() in ("x",):
                return None
            units.append(unit)
            shape.append("%" if m.group("pct") else "n")
            expect_value = False
        elif m.group("colon") is not None:
            # " : " after a number: a division, as Vietnamese writes it ("4.680.000 : 26")
            if expect_value:
                return None
            tokens.append("/")
            shape.append("/")
            expect_value = True
        elif m.group("op") is not None:
            if expect_value:
                return None
            tokens.append(m.group("op"))
            shape.append(m.group("op"))
            expect_value = True
        elif m.group("open") is not None:
            if not expect_value:
                return None
            depth += 1
            tokens.append("(")
        else:
            depth -= 1
            if depth < 0 or expect_value:
                return None
            tokens.append(")")
        pos = m.end()
    if depth != 0 or expect_value:
        return None
    return tokens, units, shape


def calculation_claims(ctx: ParagraphContext, claims: list) -> None:
    """Every written calculation of the paragraph (rule ``worked-calculation``)."""
    text = ctx.text
    eq = text.find("=")
    while eq >= 0:
        calc = read_calculation(text, eq) or read_result_first(text, eq)
        nxt = text.find("=", eq + 1)
        if calc is not None and " : " in calc.text and calc.result_text.endswith("%"):
            calc = None  # "(63 lao động : 208 lao động) x 100 = 30,28%": a share's formula (formula-share)
        if calc is not None and _DATE_TYPO_RE.fullmatch(calc.text.strip()):
            calc = None  # "(14-06=2011)": a date whose last separator was mistyped, no calculation
        if calc is not None:
            _claim(ctx, claims, calc)
            for t in ctx.pcts:  # its percentages are read: not also shares stated alone
                if calc.start <= t.s < calc.end:
                    t.used = True
            if nxt >= 0 and nxt < calc.end:
                nxt = text.find("=", calc.end)
        eq = nxt


def _claim(ctx: ParagraphContext, claims: list, calc: Calculation) -> None:
    result_unit = _unit_key(calc.result_unit)
    foreign = [u for u in calc.units if u and _unit_key(u) != result_unit]
    detail = {"rule": "worked-calculation", "calculation": calc.text}
    if foreign:
        detail["weak"] = WEAK_UNITS
    d = calc.result_decimals
    scale = 10 ** d
    if calc.shape in (("n", "x", "%"), ("n", "×", "%"), ("%", "x", "n"), ("%", "×", "n")):
        # "A x P% = B" (or "P% x A = B"): B is P% of A
        a = calc.terms[0] if calc.shape[0] == "n" else calc.terms[1]
        b = calc.result
        pct_text = text_of_percent(ctx.text, calc)
        if a <= 0 or pct_text is None:
            return
        num_scale = 10 ** max(-b.as_tuple().exponent, -a.as_tuple().exponent, 0)
        # checked as the calculation, exactly at the result's precision (a share rounded at the
        # percentage's precision would let 2.600.000 pass for 5% of 50.000.000)
        detail.update(result_text=calc.result_text, computed=format_number(quantize(calc.value, d), d),
                      exact=quantize(calc.value, d) == calc.result)
        claims.append(provisional_claim(
            ctx, "ratio", calc.start, calc.end, numerator=int(b * num_scale), denominator=int(a * num_scale),
            reported=pct_text, source=f"the calculation '{calc.text}'", detail=detail,
            quote_start=calc.start, line_pos=calc.start))
        return
    got = int(quantize(calc.value, d) * scale)
    want = int(calc.result * scale)
    detail.update({"scale": scale, "unit": "%" if calc.result_text.endswith("%") else None})
    if detail["unit"] is None:
        del detail["unit"]
    if detail.get("weak") is None and d == 0 and got != want and abs(calc.value - calc.result) < 1:
        detail["weak"] = WEAK_UNITS
    claims.append(provisional_claim(
        ctx, "sum", calc.start, calc.end, numerator=None, denominator=want, parts=(got,),
        reported=calc.result_text, source=f"the calculation '{calc.text}'", detail=detail,
        quote_start=calc.start, line_pos=calc.end - 1))


def text_of_percent(text: str, calc: Calculation) -> str | None:
    """The percentage of ``A x P% = B`` as written (``60%``)."""
    m = re.search(r"(" + _NUM + r")\s?%", text[calc.start:calc.end])
    return m.group(1) + "%" if m else None
