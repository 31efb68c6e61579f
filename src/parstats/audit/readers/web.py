"""HTML: the text as a browser shows it, read with Beautiful Soup (``html.parser``, Python's
own, so no C library and no network).

Headings ``h1``-``h6`` become ``#`` headings, ``p``, ``li``, ``div`` and the like paragraphs
(a list item starts with ``- ``), ``table`` pipe rows (the first row the header), a
``<sup>`` footnote reference ``[^n]`` and an element whose id names a footnote
(``fn5``, ``footnote-5``, ...) or a paragraph that starts with a ``<sup>n</sup>`` a footnote
definition. ``script``, ``style``, ``template``, ``noscript``, ``head`` and comments are
dropped. Text is taken as written: an escaped ``&lt;script&gt;`` in the page is the text
``<script>``, never markup. The encoding is the one the page declares (Beautiful Soup's
detection), UTF-8 by default.
"""
from __future__ import annotations

import re
from pathlib import Path

from parstats.audit import readers
from parstats.audit.document_model import SourceDocument, TextBuilder, with_sections
from parstats.audit.readers import legacy

__all__ = ["read_html"]

_DROP = frozenset({"script", "style", "template", "noscript", "head", "iframe", "object",
                   "embed", "svg", "math", "canvas", "button", "select", "textarea"})
_BLOCK = frozenset({"p", "div", "li", "dd", "dt", "blockquote", "pre", "address", "section",
                    "article", "main", "header", "footer", "aside", "nav", "figcaption",
                    "caption", "td", "th", "body", "ul", "ol", "dl", "form", "fieldset",
                    "figure", "hr", "br"})
_HEADING_RE = re.compile(r"^h([1-6])$")
_NOTE_ID_RE = re.compile(r"^(?:fn|footnote|ftn|note|_ftn)[-_:]?([0-9]{1,3})$", re.IGNORECASE)
_NOTE_RE = re.compile(r"^\s*[\[(]?([0-9]{1,3}|[a-z*])[\])]?\s*$")


class _Walker:
    def __init__(self) -> None:
        self.b = TextBuilder()
        self.buf: list[str] = []
        self.paragraph = 0
        self.tables = 0

    def flush(self, heading: int | None = None, footnote: str | None = None) -> None:
        text = TextBuilder.clean("".join(self.buf))
        self.buf = []
        if not text:
            return
        self.paragraph += 1
        note = footnote
        if note is None:
            m = re.match(r"^\[\^([^\]\s]{1,10})\]\s*", text)
            if m:  # a paragraph that starts with its footnote number: a footnote definition
                note, text = m.group(1), text[m.end():]
        if heading:
            self.b.heading(text, heading, paragraph=self.paragraph)
        elif note:
            self.b.footnote(note, text, paragraph=self.paragraph)
        else:
            self.b.paragraph(text, paragraph=self.paragraph)

    def walk(self, node, footnote: str | None = None) -> None:
        from bs4 import Comment, NavigableString, Tag

        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not CData, Doctype, processing instructions
                    self.buf.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in _DROP:
                continue
            if name == "sup":
                t = child.get_text()
                m = _NOTE_RE.match(t)
                self.buf.append(f"[^{m.group(1)}]" if m else t)
                continue
            if name == "br":
                self.buf.append(" ")
                continue
            if name == "table":
                self.flush(footnote=footnote)
                self.table(child)
                continue
            h = _HEADING_RE.match(name)
            ident = child.get("id") or ""
            m = _NOTE_ID_RE.match(ident) if isinstance(ident, str) else None
            if h or name in _BLOCK or m:
                self.flush(footnote=footnote)
                note = m.group(1) if m else footnote
                if name == "li":
                    self.buf.append("- ")
                self.walk(child, note)
                self.flush(int(h.group(1)) if h else None, footnote=note)
            else:
                self.walk(child, footnote)

    def table(self, table) -> None:
        self.tables += 1
        rows = []
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is not table:
                continue
            row = []
            for cell in tr.find_all(["td", "th"], recursive=False):
                sub = _Walker()
                sub.walk(cell)
                sub.flush()
                text = " ".join(ln for ln in sub.b.lines if ln).strip()
                row.append(text)
                span = cell.get("colspan")
                if isinstance(span, str) and span.isdigit():
                    row.extend([""] * (min(int(span), 50) - 1))
            rows.append(row)
        self.b.table(rows, table=self.tables)


def read_html(p: Path, name: str) -> SourceDocument:
    """Read an HTML file into a :class:`SourceDocument` (see the module docstring)."""
    data = readers.read_limited(p, name, "an HTML file")
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    w = _Walker()
    w.walk(soup.body or soup)
    w.flush()
    text = w.b.text()
    legacy.refuse(text, name)
    return SourceDocument(name, "html", text, data, with_sections(w.b, text))
