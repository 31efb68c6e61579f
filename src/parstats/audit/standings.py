"""League standings: the matches each team played are its wins, draws and losses (rule ``standings``).

A standings table names its columns: ``Trận`` (or ``ST``, ``Tr``) for the matches played, ``T``
(``Thắng``) for the wins, ``H`` (``Hòa``) for the draws and ``B`` (``Thua``, ``Bại``) for the
losses. Each row is then a sum claim, matches = wins + draws + losses, checked beyond doubt: the
header says what each number is. Read in two shapes:

- a table flattened into a line, as pages of news come: ``Bảng xếp hạng V-League 2013 VT Đội bóng
  Trận T H B BT BB Điểm 1 Hà Nội T&T 18 10 4 4 43 21 34 2 SLNA 18 9 5 4 38 21 32 …``: after the
  header, rows of a rank (1, 2, 3 … in order), a name and as many numbers as the header has columns
  after the name;
- a Markdown table whose header row holds those columns (``| VT | Đội | ST | T | H | B | … |``).

The points (three for a win) are not checked: they follow a rule the text does not state.
"""
from __future__ import annotations

import re

from parstats.audit.model import sum_claim
from parstats.audit.tablecells import table_views
from parstats.markdown import Paragraph

__all__ = ["standings_claims"]

_MATCHES, _WINS, _DRAWS, _LOSSES = ("Trận", "ST", "Tr", "Số trận"), ("T", "Thắng"), ("H", "Hòa", "Hoà"), ("B", "Thua", "Bại")
#: the header of a flattened standings table: the rank and team columns, then the number columns
_HEADER_RE = re.compile(
    r"(?:VT|TT|Hạng|XH|STT) (?:Đội bóng|Đội|CLB|Câu lạc bộ) (?P<cols>(?:Trận|ST|Tr) (?:T|Thắng) (?:H|Hòa|Hoà) "
    r"(?:B|Thua|Bại)(?: (?:BT|BB|HS|TG|Điểm|Đ|Đ\.|Bàn thắng|Bàn thua|Hiệu số))*)(?= [0-9])")
_ROW_START_RE = re.compile(r" (?P<rank>[0-9]{1,2}) (?P<name>[^\d\s][^\d]{0,40}?)(?= -?[0-9])")
_NUMBER_RE = re.compile(r" (-?[0-9]{1,3})(?![0-9.,])")


def standings_claims(paras: list[Paragraph], out: list) -> None:
    """The rows of every standings table of the text, flattened in a paragraph or in Markdown."""
    for pidx, p in enumerate(paras):
        if p.kind == "body" and " H " in p.text and " T " in p.text:
            for m in _HEADER_RE.finditer(p.text):
                _flat_rows(p, pidx, m, out)
    if any(p.kind == "table" for p in paras):
        for tv in table_views(paras):
            _table_rows(paras, tv, out)


def _row_claim(p: Paragraph, pidx: int, s: int, e: int, name: str, played: int, w: int, d: int, lo: int,
               written: str, where: str, out: list, qs: int | None = None) -> None:
    out.append(sum_claim(p, pidx, s, e, qs=qs, total=played, parts=(w, d, lo), reported=written,
                         source=f"the row '{name}' of the standings {where}: its wins, draws and losses",
                         detail={"unit": "trận", "rule": "standings", "exhaustive": True}))


def _flat_rows(p: Paragraph, pidx: int, head: re.Match, out: list) -> None:
    """The rows after a flattened header: rank 1, 2, 3 … in order, a name, the header's numbers."""
    text = p.text
    width = len(head.group("cols").split())
    pos, rank = head.end(), 1
    while True:
        m = _ROW_START_RE.match(text, pos)
        if m is None or int(m.group("rank")) != rank:
            return
        nums, q = [], m.end()
        for _ in range(width):
            n = _NUMBER_RE.match(text, q)
            if n is None:
                return
            nums.append(n)
            q = n.end()
        played, w, d, lo = (int(x.group(1)) for x in nums[:4])
        _row_claim(p, pidx, nums[0].start(1), q, m.group("name").strip(), played, w, d, lo, nums[0].group(1),
                   f"after '{head.group(0)}'", out, qs=m.start("rank"))
        pos, rank = q, rank + 1


def _column(heads: list[str], names: tuple[str, ...]) -> int | None:
    got = [c for c, h in enumerate(heads) if h.strip(" *") in names]
    return got[0] if len(got) == 1 else None


def _table_rows(paras: list[Paragraph], tv, out: list) -> None:
    """The rows of a Markdown table headed by the matches, wins, draws and losses columns."""
    cols = [_column(tv.heads, names) for names in (_MATCHES, _WINS, _DRAWS, _LOSSES)]
    if None in cols or len(set(cols)) != 4:
        return
    for pidx, label, cells in tv.rows:
        vals = [cells[c] if c < len(cells) else None for c in cols]
        if any(v is None or v[1] != 0 for v in vals):
            continue  # a row without one of the four whole numbers
        played, w, d, lo = (v[0] for v in vals)
        p = paras[pidx]
        _row_claim(p, pidx, 0, len(p.text), label, played, w, d, lo, str(played), "table", out)
