"""Per-unit averages whose two inputs the text states: ``18 trận … 33 bàn (2,8 bàn/trận)``.

Rule ``per-unit-average``: a value written ``Z a/b`` (``bàn/trận``, ``người/km²``) is tied to the
nearest count of the noun ``a`` and the nearest count of the noun ``b`` before it in the same
sentence (a count's noun is the word right after it, the same word as in the unit). It is
checked as a/b at the precision of ``Z``, allowing for the rounding of the two counts (half a
unit of their last digit, times ``nghìn``/``triệu`` when they are written so):

* ``consistent`` when ``Z`` is within that range;
* never ``inconsistent`` (the rule is off until fixed; see ``per_unit_claims``); formerly only when both counts are exact whole numbers without a multiplier or an
  approximation word, each the only count of its noun in the sentence;
* otherwise ``unverifiable`` (the count may be of another set of units).

The claim is a ``ratio`` with ``detail["per_unit"]``; :func:`per_unit_status` gives its status.
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from parstats.audit.records import full_record
from parstats.markdown import Paragraph
from parstats.numbers import NUMBER_PATTERN, format_number

_NUM = NUMBER_PATTERN
_RATE_RE = re.compile(r"(?<![\w.,/])(?P<z>" + _NUM + r") ?(?P<a>[^\W\d_]+)/ ?(?P<b>[^\W\d_]+²?)")
_MULT = {"nghìn": 1000, "ngàn": 1000, "triệu": 10 ** 6, "tỷ": 10 ** 9, "tỉ": 10 ** 9}
_APPROX_RE = re.compile(r"(?i)(?:khoảng|gần|hơn|trên|dưới|xấp xỉ|chừng|ước|tới|đến) $")
_SENT_RE = re.compile(r"[.!?;](?= |$)")

WEAK_PER_UNIT = "the counts may be of another set of units, or rounded"


#: as _RATE_RE, written to start with a digit (the character before it checked from there), so
#: that the engine looks for a digit instead of trying every position of the window
_BEFORE_SLASH_RE = re.compile(
    r"(?P<z>[0-9](?<![\w.,/][0-9])(?:[0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]*(?:,[0-9]+)?))"
    r" ?(?P<a>[^\W\d_]+)/ ?(?P<b>[^\W\d_]+²?)")


_SLASH_LETTER_RE = re.compile(r"/ ?(?=[^\W\d_])")


def _rates(text: str):
    """The matches of ``Z a/b`` in ``text``, found from each "/" before a letter (a literal start:
    quick) and a short window around it."""
    for s in _SLASH_LETTER_RE.finditer(text):
        k = s.start()
        m = _BEFORE_SLASH_RE.search(text, max(0, k - 30), k + 30)
        if m is not None and m.end("a") == k:
            yield m


def _value(s: str) -> tuple[Decimal, Decimal]:
    """A number as written (``1.234``, ``2,8``) and half a unit of its last digit."""
    whole, _, frac = s.partition(",")
    v = Decimal(whole.replace(".", "") + ("." + frac if frac else ""))
    return v, Decimal(5).scaleb(-len(frac) - 1)


#: the pattern of the counts of each noun, compiled once
_COUNT_PATTERNS: dict[str, re.Pattern] = {}


def _counts_of(text: str, noun: str, lo: int, hi: int) -> list[re.Match]:
    pat = _COUNT_PATTERNS.get(noun)
    if pat is None:
        if len(_COUNT_PATTERNS) >= 4096:
            _COUNT_PATTERNS.clear()
        noun_re = re.escape(noun).replace("²", "(?:²|2)")
        pat = _COUNT_PATTERNS[noun] = re.compile(
            r"(?<![\w.,/])(?P<n>" + _NUM + r") (?:(?P<m>nghìn|ngàn|triệu|tỷ|tỉ) )?" + noun_re + r"(?![\w/])")
    return list(pat.finditer(text, lo, hi))


def per_unit_claims(paras: list[Paragraph]) -> list[dict]:
    """The per-unit-average claims of a text's paragraphs (provisional claim dicts)."""
    out = []
    for pidx in [i for i, p in enumerate(paras) if "/" in p.text]:  # a rate needs a "/"
        p = paras[pidx]
        text = p.text
        for m in _rates(text):
            a, b = m.group("a"), m.group("b")
            if a == b or a.lower() in _MULT or b.lower() in _MULT or a.isupper():
                continue  # "tỷ/năm": a multiplier, not a noun counted
            lo = max(0, m.start() - 300)  # the sentence, at most 300 characters back (linear time)
            starts = [x.end() for x in _SENT_RE.finditer(text, lo, m.start())]
            s0 = starts[-1] if starts else lo
            ca, cb = _counts_of(text, a, s0, m.start()), _counts_of(text, b, s0, m.start())
            record = full_record(text, s0, m.start()) if b == "trận" and ca else None
            if record is not None:
                out.append(_record_rate(p, pidx, m, ca, cb, record))
                continue
            if not ca or not cb:
                continue
            xa, xb = ca[-1], cb[-1]
            (va, ha), (vb, hb) = _value(xa.group("n")), _value(xb.group("n"))
            ka, kb = _MULT.get(xa.group("m") or "", 1), _MULT.get(xb.group("m") or "", 1)
            exact = (len(ca) == 1 and len(cb) == 1 and ka == 1 and kb == 1 and ha >= Decimal("0.5")
                     and hb >= Decimal("0.5") and not _APPROX_RE.search(text, max(0, xa.start() - 12), xa.start())
                     and not _APPROX_RE.search(text, max(0, xb.start() - 12), xb.start())
                     and not _APPROX_RE.search(text, max(0, m.start() - 14), m.start()))
            detail = {"rule": "per-unit-average", "per_unit": True, "unit": f"{a}/{b}",
                      "inputs": (str(va * ka), str(ha * ka), str(vb * kb), str(hb * kb))}
            # never flagged (off until fixed): read on the crawl, 4 of its 5 flags were misreadings
            # (an area written "km" for km², "2 phút rưỡi" read as 2); exact fits still check it
            detail["weak"] = WEAK_PER_UNIT
            first = min(xa.start(), xb.start())
            out.append({"kind": "ratio", "line": p.line_at(m.start()), "quote": text[first:m.end()][:200],
                        "numerator": int(va * ka) if exact else None, "denominator": int(vb * kb) if exact else None,
                        "parts": None, "reported": m.group("z"),
                        "denominator_source": (f"'{xa.group(0)}' over '{xb.group(0)}', the counts of the two "
                                               f"nouns of the unit {a}/{b} in the same sentence"),
                        "target": None, "detail": detail, "order": (pidx, m.start())})
    return out


#: only an opening parenthesis between a count and its rate ("33 bàn (2,8 bàn/trận)")
_ADJACENT_RE = re.compile(r"\s*[(,]?\s*$")


def _record_rate(p: Paragraph, pidx: int, m: re.Match, ca: list, cb: list, record) -> dict:
    """``thắng 13 trận, hòa 3, thua 2, ghi 33 bàn (2,8 bàn/trận)`` (rule ``record-rate``): goals
    per match, the matches being the wins, draws and losses of the sentence. It may be flagged
    when the goals stand right before the rate and no other number of matches is stated in
    the sentence (or only one inside the record, or one equal to it)."""
    text = p.text
    total, r0, r1 = record
    xa = ca[-1]
    va, ha = _value(xa.group("n"))
    other = [x for x in cb if not (r0 <= x.start() < r1) and _value(x.group("n"))[0] != total]
    adjacent = (xa.end() > r1 and _ADJACENT_RE.match(text[xa.end():m.start()]) is not None
                and xa.group("m") is None and ha >= Decimal("0.5")
                and not _APPROX_RE.search(text, max(0, xa.start() - 12), xa.start()))
    detail = {"rule": "record-rate", "per_unit": True, "unit": f"{m.group('a')}/{m.group('b')}",
              "inputs": (str(va), str(ha), str(total), "0")}
    if not adjacent or other:
        detail["weak"] = WEAK_PER_UNIT
    return {"kind": "ratio", "line": p.line_at(m.start()), "quote": text[r0:m.end()][:200],
            "numerator": int(va) if not detail.get("weak") else None,
            "denominator": total if not detail.get("weak") else None, "parts": None, "reported": m.group("z"),
            "denominator_source": (f"'{xa.group(0)}' over the matches of the wins, draws and losses of "
                                   f"the sentence (= {format_number(total)})"),
            "target": None, "detail": detail, "order": (pidx, m.start())}


def per_unit_status(c) -> tuple[str, str, str | None]:
    """``(status, recomputed, diagnosis)`` of a per-unit-average claim."""
    va, ha, vb, hb = (Decimal(x) for x in c.detail["inputs"])
    z, hz = _value(c.reported)
    q = Decimal(1).scaleb(-len(c.reported.partition(",")[2]))
    got = (va / vb).quantize(q, rounding=ROUND_HALF_UP)
    rec = format_number(int(got)) if q == 1 else f"{got}".replace(".", ",")
    lo = (va - ha) / (vb + hb) if vb + hb > 0 else Decimal(0)
    hi = (va + ha) / (vb - hb) if vb - hb > 0 else Decimal("Infinity")
    if got == z or (lo - hz <= z <= hi + hz and (ha < Decimal("0.5") or hb < Decimal("0.5") or c.detail.get("weak"))):
        return "consistent", rec, None
    if c.detail.get("weak"):
        return "unverifiable", rec, c.detail["weak"]
    why = (f"{c.detail['inputs'][0]}/{c.detail['inputs'][2]} {c.detail['unit']} is {rec}, not {c.reported}")
    if (va / vb).quantize(q, rounding=ROUND_DOWN) == z:
        return "inconsistent", rec, f"rounded down: {why} (the value is truncated, not rounded)"
    return "inconsistent", rec, why
