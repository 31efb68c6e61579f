"""Shares in prose of figures that a table near them gives (rule ``table-backed-share``).

Textbooks and statistical reports state a share in a sentence and print its count and whole in a
table beside it: ``Năm 2020, GDP toàn khu vực là 3 184,4 tỉ USD, chiếm 3,7% GDP toàn cầu`` over
``| Thế giới | … | 84 906,8 |`` under ``Năm | … | 2020``; ``… chiếm 24,6 % cả nước`` over the
rows ``Cả nước`` and ``Đồng bằng sông Hồng`` of ``Bảng 20.3``. A percentage that nothing in its
own sentence ties is read against the tables within :data:`NEAR` paragraphs:

- the **whole** is the one row (or column) of a table whose label is the whole the sentence names
  right after the percentage (``cả nước``, ``toàn quốc``; ``thế giới``, ``toàn cầu``; ``tổng …``);
- the **column** (or row) is the one whose header holds the year the sentence, or the paragraph
  before it, names;
- the **part** is the amount the sentence states before the share when the table's caption gives
  its unit (``3 184,4 tỉ USD`` under ``(Đơn vị: tỉ USD)``), else the one row whose label the
  paragraph names (``vùng Đồng bằng sông Hồng``).

With all three the tie is strong: the share is checked and may be flagged (within the rounding of
the two figures). Without them, a row or column of the table that fits the share exactly is
reported ``consistent`` (weak: the table may hold another pair that fits by chance, so a share
that fits none is left ``unverifiable``, never flagged).

One pass over the percentages left without a whole, each against the few tables near it.
"""
from __future__ import annotations

import re
from decimal import Decimal

from parstats.audit.amountshares import share_fits
from parstats.audit.model import ProvisionalClaim
from parstats.audit.tablecells import TableView, cell_number, table_views
from parstats.audit.tokens import ParagraphContext, pct_text, provisional_claim
from parstats.markdown import Paragraph
from parstats.numbers import format_number

__all__ = ["NEAR", "WEAK_TABLE_SHARE", "table_backed_shares"]

#: how many paragraphs before or after a share a table may stand
NEAR = 8
WEAK_TABLE_SHARE = "a row of a table near the share fits it, but the text does not say which"

#: the whole a share names right after it, and the labels a table gives that whole
_WHOLE_AFTER_RE = re.compile(
    r"\s*(?:của |trong |so với )?(?P<what>(?:[^\W\d_]+ ){0,6}?)"
    r"(?P<whole>cả nước|toàn quốc|toàn cầu|thế giới|tổng)\b")
_WHOLE_LABELS = {"cả nước": ("cả nước", "toàn quốc"), "toàn quốc": ("cả nước", "toàn quốc"),
                 "toàn cầu": ("thế giới", "toàn thế giới", "toàn cầu"),
                 "thế giới": ("thế giới", "toàn thế giới", "toàn cầu"), "tổng": ("tổng",)}
_YEAR_RE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
#: an amount and its unit stated before the share in its sentence ("3 184,4 tỉ USD, chiếm")
_AMOUNT_RE = re.compile(
    r"(?<![0-9.,])(?P<n>[0-9]{1,3}(?:[ \u00a0.][0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?) "
    r"(?P<unit>(?:nghìn |triệu |tỉ |tỷ )?[^\W\d_]+)")
#: an approximate amount ("đạt hơn 3,9 triệu tấn") is no count to check a share with
_APPROX_BEFORE_RE = re.compile(r"(?:hơn|khoảng|gần|trên|xấp xỉ|ước|tới|đến|chừng) $")
#: rows that are not a part one names ("Các vùng khác")
_OTHER_LABEL_RE = re.compile(r"(?i)\bkhác\b")


#: the unit a table's caption or header gives: "(Đơn vị: tỉ USD)", "Tổng mức bán lẻ (nghìn tỉ đồng)"
_UNIT_SAID_RE = re.compile(r"\((?:[Đđ]ơn vị(?: tính)?\s*:\s*)?([^()0-9%:]{1,24})\)")


def _unit_key(text: str) -> str:
    return " ".join(text.lower().replace("tỷ", "tỉ").split())


def _same_unit(unit: str, tv: TableView) -> bool:
    """Whether the table gives its figures in ``unit`` exactly (scale word and all: "tỉ USD" is not
    "USD", "tấn" is not "nghìn tấn")."""
    said = {_unit_key(m.group(1)) for m in _UNIT_SAID_RE.finditer(tv.caption + " " + " ".join(tv.heads))}
    return _unit_key(unit) in said


def _amount_before(text: str, ss: int, s: int) -> re.Match | None:
    """The last amount of the sentence (from ``ss``) before the share at ``s`` with no other
    percentage between them, unless it is approximate ("hơn 3,9 triệu tấn"): the share's part."""
    amount = None
    for am in _AMOUNT_RE.finditer(text, ss, s):
        if "%" not in text[am.end():s]:
            amount = None if _APPROX_BEFORE_RE.search(text, max(ss, am.start() - 12), am.start()) else am
    return amount


def _year(text: str, ss: int, e: int) -> str | None:
    """The last year named in the sentence up to the share, else in the paragraph before it."""
    years = _YEAR_RE.findall(text, ss, e) or _YEAR_RE.findall(text, 0, ss)
    return years[-1] if years else None


def _lines(tv: TableView, labels: tuple[str, ...], year: str | None):
    """Each way the table may hold the whole: ``(whole cell, [(label, part cell)], named where,
    year found)`` for the one row labelled as the whole (along the year's column, or every column)
    and for the one column headed as the whole (along the year's row, or every row)."""
    out = []
    whole_rows = [r for r in tv.rows if r[1].lower().startswith(labels)]
    if len(whole_rows) == 1:
        _, wl, wcells = whole_rows[0]
        cols = [c for c, h in enumerate(tv.heads) if year and year in h]
        for c in (cols if len(cols) == 1 else range(1, len(tv.heads))):
            if c < len(wcells) and wcells[c] is not None:
                parts = [(lab, cells[c]) for _, lab, cells in tv.rows
                         if lab != wl and c < len(cells) and cells[c] is not None]
                out.append((wcells[c], parts, f"the row '{wl}', column '{tv.names[c]}'", len(cols) == 1))
    whole_cols = [c for c, h in enumerate(tv.heads) if c and h.lower().startswith(labels)]
    if len(whole_cols) == 1:
        c = whole_cols[0]
        rows = [r for r in tv.rows if year and year in r[1]]
        for _, lab, cells in (rows if len(rows) == 1 else tv.rows):
            if c < len(cells) and cells[c] is not None:
                parts = [(tv.names[k], v) for k, v in enumerate(cells) if k not in (0, c) and v is not None]
                out.append((cells[c], parts, f"the column '{tv.names[c]}', row '{lab}'", len(rows) == 1))
    return out


def _scaled(x: tuple[int, int], y: tuple[int, int]) -> tuple[int, int, Decimal, Decimal]:
    dec = max(x[1], y[1])
    hx = Decimal(5).scaleb(dec - x[1] - 1) if x[1] else Decimal(0)
    hy = Decimal(5).scaleb(dec - y[1] - 1) if y[1] else Decimal(0)
    return x[0] * 10 ** (dec - x[1]), y[0] * 10 ** (dec - y[1]), hx, hy


def _text(v: tuple[int, int]) -> str:
    """A cell or amount as the report's numbers are written (``1.143,1``)."""
    return format_number(Decimal(v[0]).scaleb(-v[1]), v[1])


def _claim(ctx: ParagraphContext, t, x, y, source: str, weak: bool) -> ProvisionalClaim:
    nx, ny, hx, hy = _scaled(x, y)
    detail = {"rule": "table-backed-share", "halves": (hx, hy), "x_text": _text(x), "y_text": _text(y)}
    if weak:
        detail["weak"] = WEAK_TABLE_SHARE
    t.used = True
    return provisional_claim(ctx, "ratio", t.s, t.e, numerator=nx, denominator=ny, reported=pct_text(t),
                             source=source, detail=detail, quote_start=ctx.clause_start(t.s, 120))


def _share(ctx: ParagraphContext, t, m: re.Match, views: list[TableView], claims: list) -> None:
    text = ctx.text
    ss, _ = ctx.sentence_span(t.s)
    labels = _WHOLE_LABELS[m.group("whole")]
    year = _year(text, ss, t.e)
    near = sorted((tv for tv in views if abs(tv.first - ctx.pidx) <= NEAR),
                  key=lambda tv: abs(tv.first - ctx.pidx))
    amount = _amount_before(text, ss, t.s)
    para = text.lower()
    reported = pct_text(t)
    fallback = None
    for tv in near:
        for y, parts, where, dated in _lines(tv, labels, year):
            if y[0] <= 0:
                continue
            x = None
            if dated and amount is not None and _same_unit(amount.group("unit"), tv):
                x, how = cell_number(amount.group("n")), f"the amount '{amount.group(0)}' of the sentence"
            elif dated:
                named = [(lab, v) for lab, v in parts if len(lab) >= 4 and lab.lower() in para
                         and not _OTHER_LABEL_RE.search(lab)]
                if len(named) == 1:
                    x, how = named[0][1], f"the row '{named[0][0]}' the paragraph names"
            if x is not None:
                claims.append(_claim(ctx, t, x, y, f"{how} over {where} of the table near it", weak=False))
                return
            if fallback is None:
                for lab, v in parts:
                    nx, ny, _, _ = _scaled(v, y)
                    _, _, hx, hy = _scaled(v, y)
                    if nx < ny and share_fits(Decimal(nx), Decimal(ny), hx, hy, reported)[1]:
                        fallback = (v, y, f"'{lab}' over {where} of the table near it (the one that fits)")
                        break
    if fallback is not None:
        claims.append(_claim(ctx, t, fallback[0], fallback[1], fallback[2], weak=True))


#: the words after a share that may name a table's row as its whole: "chiếm 30,8% tổng đàn bò của cả vùng"
_ROW_WHOLE_AFTER_RE = re.compile(r"\s*(?:của |trong )?tổng (?P<words>(?:[^\W\d_]+ ?){1,5})")


def _row_share(ctx: ParagraphContext, t, views: list[TableView], claims: list) -> None:
    """``Sơn La … với 373,3 nghìn con, chiếm 30,8% tổng đàn bò của cả vùng (năm 2021)`` over a
    table near it with the row ``Bò`` and a column headed ``2021``: the whole is that cell, the
    part the amount before the share in its sentence. Weak: ``consistent`` when the share fits,
    else nothing is said (the total named may be another one than the table's)."""
    text = ctx.text
    m = _ROW_WHOLE_AFTER_RE.match(text, t.e, ctx.sentence_span(t.s)[1])
    if m is None:
        return
    ss, se = ctx.sentence_span(t.s)
    named = set(m.group("words").lower().split())
    amount = _amount_before(text, ss, t.s)
    year = _year(text, ss, se)
    if amount is None or year is None:
        return
    x = cell_number(amount.group("n"))
    for tv in sorted((tv for tv in views if abs(tv.first - ctx.pidx) <= NEAR), key=lambda tv: abs(tv.first - ctx.pidx)):
        rows = [(lab, cells) for _, lab, cells in tv.rows if lab.lower() in named]
        cols = [c for c, h in enumerate(tv.heads) if year in h]
        if len(rows) != 1 or len(cols) != 1 or cols[0] >= len(rows[0][1]) or rows[0][1][cols[0]] is None:
            continue
        y = rows[0][1][cols[0]]
        nx, ny, hx, hy = _scaled(x, y)
        if nx < ny and share_fits(Decimal(nx), Decimal(ny), hx, hy, pct_text(t))[1]:
            claims.append(_claim(ctx, t, x, y, f"the amount '{amount.group(0)}' of the sentence over the row "
                                 f"'{rows[0][0]}', column '{tv.names[cols[0]]}' of the table near it", weak=True))
        return


def table_backed_shares(paras: list[Paragraph], ctxs: list[ParagraphContext], claims: list) -> None:
    """Percentages of body paragraphs not tied to a whole, read against the tables near them."""
    if not any(p.kind == "table" for p in paras):
        return
    views = None  # read when a share names a whole
    for ctx in ctxs:
        if ctx.p.kind != "body":
            continue
        for t in ctx.toks:
            if t.role == "pct" and not t.used and not t.approx:
                m = _WHOLE_AFTER_RE.match(ctx.text, t.e, ctx.sentence_span(t.s)[1])
                if m is None:
                    continue
                if views is None:
                    views = table_views(paras)
                if views:
                    _share(ctx, t, m, views, claims)
                    if not t.used and m.group("whole") == "tổng":
                        _row_share(ctx, t, views, claims)
