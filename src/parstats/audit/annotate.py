"""The annotated report: the document as written, every checked figure marked by its status.

``parstats audit FILE --format html -o OUT.html`` writes one self-contained page (inline CSS
and script, no request leaves it, it opens from disk). The document's text
(:attr:`parstats.audit.inputs.SourceDocument.text`, Markdown-like for every input format) is
rendered with mistune; each claim's reported figure is found in its line and wrapped in a
button (a "mark") that shows, when selected, the recomputation, the diagnosis, the severity
and how the numbers were tied. A summary at the top counts the claims by status and links the
flagged ones to their marks.

How a mark is placed: the figure's span is found in the raw text of the claim's line (or the
lines next to it) before rendering, by the figure as written and by the words of the claim's
quote around it (so two claims of one line, or one number written twice, each find their own
place). Private-use characters are put at the span's ends; mistune carries them through as
text; after rendering they are replaced by the mark's HTML. The document is untrusted input:
mistune escapes every tag of it, images are shown as their text, links keep an ``href`` only
for ``http``, ``https`` and ``mailto``; a few harmless tags of converted reports (``<sup>``,
``<sub>``, ``<br>``, ``<b>``, ``<i>``, ``<strong>``, ``<em>``, ``<u>``, without attributes)
are kept the same way, as placeholders. The page's own words go through Jinja2 with
autoescaping on.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from parstats.audit.checks import STATUSES, basis
from parstats.audit.messages import (
    basis_text,
    diagnosis,
    kind_text,
    location_text,
    recomputation_text,
    severity_text,
    status_text,
)
from parstats.markdown import normalize_lines, normalize_text

__all__ = ["Annotated", "Note", "annotate_html", "place_notes", "content_security_policy", "write_annotated", "locate_marks", "ICONS"]

TEMPLATES = Path(__file__).with_name("templates")

#: the icon of each status (the mark's shape says it too: solid, double, dashed border)
ICONS = {"consistent": "✓", "inconsistent": "✗", "unverifiable": "?"}

# placeholders: private-use characters no document keeps (they are replaced in its text)
_OPEN, _CLOSE = "\ue000", "\ue001"
_FN_REF, _FN_DEF, _FN_END = "\ue002", "\ue003", "\ue004"
_IDX0 = 0xF0000  # a mark's number, as one character of plane 15
_PRIVATE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
_TAGS = ("sup", "sub", "b", "i", "strong", "em", "u")
_TAG_CHARS = {f"<{t}>": chr(0xE010 + 2 * i) for i, t in enumerate(_TAGS)}
_TAG_CHARS.update({f"</{t}>": chr(0xE011 + 2 * i) for i, t in enumerate(_TAGS)})
_BR_CHAR = "\ue030"
_TAG_RE = re.compile(r"(?i)</?(?:" + "|".join(_TAGS) + r")>|<br\s*/?>")
_SUP_FN_RE = re.compile(r"(?i)<sup>\s*(\w{1,6})\s*</sup>")
_MD_FN_RE = re.compile(r"\[\^(\w{1,12})\]")
_FN_LINE_RE = re.compile(r"^(\s{0,3})(?:\[\^(\w{1,12})\]:|<sup>\s*(\w{1,6})\s*</sup>)[ \t]*", re.I)
_IN_ADDRESS_RE = re.compile(r"\]\([^)\s]*\Z|<[a-zA-Z][^<>\n]*\Z|(?i:https?://|www\.)\S*\Z")
_LINE_SYNTAX_RE = re.compile(r"^\s*(?:#{1,6}\s+|[-+*]\s+|\d{1,9}[.)]\s+|>\s*|\|\s*)*")
_MARKUP_RE = re.compile(r"<[^>]*>|\[\^\w+\]|[*_`\s|#>]")
_PLACE_RE = re.compile("([\ue000\ue001])(.)|\ue002([^\ue004]*)\ue004|\ue003([^\ue004]*)\ue004", re.S)


@dataclass(frozen=True)
class Mark:
    """Where a claim's figure stands: ``line`` (0-based), ``start``/``end`` in that line of the
    normalised text (equal: no span found, the mark is put at the line's start), and the
    indexes in the report's findings of the claims it marks (several when they share a span)."""

    line: int
    start: int
    end: int
    findings: tuple[int, ...]
    notes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Note:
    """A figure of the document that the audit does not check but the caller knows about (a
    value curated into a data table, say): marked as "noted" where it stands, with ``text``
    and ``links`` (``[(label, href or None)]``) in its explanation.

    ``line`` is 1-based, as a claim's; ``value`` is the figure as written (``"1.752"``);
    ``occurrence`` which of its whole-number occurrences on the line it is (0: the first).
    """

    line: int
    value: str
    text: str
    links: tuple = ()
    occurrence: int = 0


@dataclass(frozen=True)
class Annotated:
    """The annotated report in parts, to embed in another page: ``body`` (HTML), ``css``,
    ``script`` (JavaScript, run once the body is in the page) and the full ``page``."""

    body: str
    css: str
    script: str
    page: str


def _int_pattern(n: int) -> str:
    """An integer as a report may write it: leading zeros, groups of three with or without dots."""
    digits = str(n)
    head, groups = len(digits) % 3 or 3, []
    groups.append(digits[:head])
    groups += [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return "0*" + r"\.?".join(groups)


def _value_pattern(claim) -> str | None:
    """A regular expression for the claim's figure as it may be written (a line end may stand
    for a space: ``ngày`` / ``07 tháng 5 năm 2019``)."""
    rep = claim.reported
    if not rep:
        if claim.kind == "ratio" and claim.numerator is not None and claim.denominator is not None:
            body = _int_pattern(claim.numerator) + r"\s?/\s?" + _int_pattern(claim.denominator)
            return r"(?<![\w.,])" + body + r"(?![\d])"
        return None
    parts = [re.escape(ch) if not ch.isspace() else r"\s+" for ch in " ".join(rep.split())]
    body = "".join(r"\s?%" if p == "%" else r"\s?/\s?" if p == "/" else p for p in parts)
    if "," in rep and (rep.endswith("%") or "." in rep):
        # "85,7%" written "85.7%", "15.467,66" written "15,467.66" (parstats.audit.extraction.read_dot_decimals)
        body = body.replace(r"\.", ",").replace(",", "[,.]")
    return r"(?<![\w.,])" + body + r"(?![\d])"


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _bare(text: str) -> str:
    """Text without markup and spaces, for comparing the raw line with the claim's quote."""
    return _MARKUP_RE.sub("", text)


def _context_score(before: str, after: str, qbefore: str, qafter: str) -> int:
    """How many characters next to a candidate agree with the quote's (before and after)."""
    n = 0
    for a, b in zip(reversed(before), reversed(qbefore)):
        if a != b:
            break
        n += 1
    m = 0
    for a, b in zip(after, qafter):
        if a != b:
            break
        m += 1
    return n + m


def locate_marks(lines: list[str], findings) -> list[Mark]:
    """Place every finding's mark in ``lines`` (the normalised text split at ``\\n``).

    Examples
    --------
    >>> from parstats.audit import audit_text
    >>> text = "Có 27/197 người, đạt 13,70%; 27/197 người nữa, đạt 13,71%."
    >>> [(m.start, m.end, text[m.start:m.end]) for m in locate_marks([text], audit_text(text).findings)]
    [(21, 27, '13,70%'), (51, 57, '13,71%')]
    """
    taken: dict[tuple[int, int, int], list[int]] = {}
    used: dict[int, list[tuple[int, int]]] = {}  # line -> spans taken
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for i, f in enumerate(findings):
        c = f.claim
        ln = min(max(c.line - 1, 0), len(lines) - 1) if lines else 0
        best = None
        pats = [_value_pattern(c)] if lines else []
        if lines and c.kind == "date" and len((c.reported or "").split()) > 3:
            # "ngày **12 tháng 6 năm 2025**": the date without its first word
            pats.append(_value_pattern(dataclasses.replace(c, reported=c.reported.split(None, 1)[1])))
        if lines and c.kind in ("sum", "ratio", "change"):
            # a total stated far from its parts (a footnote's breakdown): the first part;
            # a share whose figure is not found: its count
            first_part = c.parts[0] if c.kind == "sum" and c.parts else c.numerator
            if first_part is not None:
                pats.append(r"(?<![\w.,])" + _int_pattern(first_part) + r"(?![\d])")
        q = normalize_text(c.quote)
        for pat in pats:
            if not pat or best is not None:
                continue
            rx = _compiled(pat)
            qm = rx.search(q)
            qbefore = _bare(q[:qm.start()])[-40:] if qm else _bare(q)[-40:]
            qafter = _bare(q[qm.end():])[:20] if qm else ""
            first, last = max(0, ln - 3), min(len(lines), ln + 6)
            for m in rx.finditer(text, starts[first], starts[last] - 1):
                if _IN_ADDRESS_RE.search(text, max(starts[first], m.start() - 300), m.start()):
                    continue  # a figure in a link's address is no figure of the text
                j0 = bisect.bisect_right(starts, m.start()) - 1
                j1 = bisect.bisect_right(starts, m.end() - 1) - 1
                if j0 == j1:
                    j, s0, e0 = j0, m.start() - starts[j0], m.end() - starts[j0]
                elif re.search(r"\d", text[m.start():starts[j0 + 1]]):  # cut by a line end
                    j, s0, e0 = j0, m.start() - starts[j0], starts[j0 + 1] - 1 - starts[j0]
                else:
                    j, s0, e0 = j1, 0, m.end() - starts[j1]
                score = _context_score(_bare(text[max(0, m.start() - 120):m.start()]),
                                       _bare(text[m.end():m.end() + 60]), qbefore, qafter)
                free = not any(a < e0 and s0 < b for a, b in used.get(j, ()))
                key = (free, min(score, 6), -abs(j - ln), score, -s0)
                if best is None or key > best[0]:
                    best = (key, (j, s0, e0))
        if best is None:
            pos = _LINE_SYNTAX_RE.match(lines[ln]).end() if lines else 0
            span = (ln, pos, pos)
        else:
            span = best[1]
        taken.setdefault(span, []).append(i)
        used.setdefault(span[0], []).append(span[1:])
    # spans that overlap become one mark
    marks: list[Mark] = []
    for (j, s, e), idx in sorted(taken.items()):
        if marks and marks[-1].line == j and s < marks[-1].end and e > s:
            last = marks.pop()
            marks.append(Mark(j, last.start, max(last.end, e), last.findings + tuple(idx)))
        else:
            marks.append(Mark(j, s, e, tuple(idx)))
    return marks


def place_notes(lines: list[str], marks: list[Mark], notes) -> list[Mark]:
    """``marks`` plus a mark for each note whose figure stands, as a whole number, on its line
    outside every other mark (a note on a claim's own figure adds nothing: the claim's mark
    says more); sorted as :func:`locate_marks` sorts.

    Examples
    --------
    >>> lines = ["Có 27/197 người, đạt 13,70%; năm 2022 có 1.752 người."]
    >>> from parstats.audit import audit_text
    >>> marks = place_notes(lines, locate_marks(lines, audit_text(lines[0]).findings),
    ...                     [Note(1, "1.752", "đã trích"), Note(1, "13,70", "đã trích")])
    >>> [(lines[0][m.start:m.end], m.findings, m.notes) for m in marks]
    [('13,70%', (0,), ()), ('1.752', (), (0,))]
    """
    out = list(marks)
    for i, note in enumerate(notes):
        j = note.line - 1
        if not 0 <= j < len(lines) or not note.value:
            continue
        rx = _compiled(r"(?<![\w.,])" + re.escape(note.value) + r"(?![\d])(?![.,]\d)")
        found = list(rx.finditer(lines[j]))
        # its own occurrence first, then the first one free
        order = found[note.occurrence:note.occurrence + 1] + found if note.occurrence < len(found) else found
        for m in order:
            if not any(k.line == j and k.start < m.end() and m.start() < max(k.end, k.start + 1) for k in out):
                out.append(Mark(j, m.start(), m.end(), (), (i,)))
                break
    return sorted(out, key=lambda k: (k.line, k.start))


def _prepare(lines: list[str], marks: list[Mark]) -> str:
    """The text with the marks' placeholders and the kept tags and footnotes as placeholders."""
    by_line: dict[int, list[tuple[int, int]]] = {}
    for k, m in enumerate(marks):
        by_line.setdefault(m.line, []).append((k, m))
    out = []
    for j, line in enumerate(lines):
        pieces, pos = [], 0
        for k, m in by_line.get(j, ()):
            pieces += [line[pos:m.start], _OPEN + chr(_IDX0 + k), line[m.start:m.end], _CLOSE + chr(_IDX0 + k)]
            pos = m.end
        pieces.append(line[pos:])
        text = "".join(pieces)
        fm = _FN_LINE_RE.match(text)
        if fm:
            text = fm.group(1) + _FN_DEF + (fm.group(2) or fm.group(3)) + _FN_END + " " + text[fm.end():]
        text = _SUP_FN_RE.sub(lambda m: _FN_REF + m.group(1) + _FN_END, text)
        text = _MD_FN_RE.sub(lambda m: _FN_REF + m.group(1) + _FN_END, text)
        text = _TAG_RE.sub(lambda m: _TAG_CHARS.get(m.group(0).lower(), _BR_CHAR), text)
        out.append(text)
    return "\n".join(out)


@lru_cache(maxsize=1)
def _renderer():
    import mistune
    from mistune.renderers.html import HTMLRenderer

    class SafeRenderer(HTMLRenderer):
        """mistune's HTML renderer for untrusted text: no image is loaded, a link keeps its
        target only for http(s) and mailto."""

        def image(self, text, url, title=None):
            return f'<span class="img">[{text}]</span>'

        def link(self, text, url, title=None):
            url = _PRIVATE_RE.sub("", url or "")
            if re.match(r"(?i)(?:https?:|mailto:)", url or ""):
                return (f'<a href="{self.escape_attribute(url)}" rel="noopener noreferrer nofollow">'
                        f"{text}</a>")
            return f'<span class="link">{text}</span>'

        headings = 0  # numbered from 1 in each render (annotate_html resets it)

        def heading(self, text, level, **attrs):
            """A heading with an anchor (``doc-h3``), so that a page can link to it."""
            self.headings += 1
            return f'<h{level} id="doc-h{self.headings}">{text}</h{level}>\n'

        def block_html(self, html):
            return "<p>" + mistune.escape(html) + "</p>\n"

        def inline_html(self, html):
            return mistune.escape(html)

    return mistune.create_markdown(renderer=SafeRenderer(escape=True),
                                   plugins=["table", "strikethrough"])


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True)
    return env


WORDS = {
    "vi": {"title": "Báo cáo được chú giải", "summary": "Tóm tắt kết quả kiểm tra",
           "claims": "số liệu được kiểm tra", "flagged": "Số liệu không nhất quán",
           "none_flagged": "Không có số liệu nào không nhất quán.",
           "filter": "Chỉ hiện các đoạn có số liệu không nhất quán",
           "recomputed": "Tính lại", "diagnosis": "Chẩn đoán", "severity": "Mức độ",
           "basis": "Cách gắn các số liệu", "where": "Vị trí", "quote": "Trích dẫn",
           "kind": "Loại",
           "intro": ("Mỗi số liệu được kiểm tra được đánh dấu ngay trong văn bản theo trạng thái. "
                     "Chọn một dấu (nhấp chuột, hoặc Tab rồi Enter) để xem phép tính lại, "
                     "chẩn đoán, mức độ và cách gắn các số liệu."),
           "sha": "SHA-256 của tệp", "document": "Văn bản", "links": "Xem thêm",
           "back": "↑ Về tóm tắt", "noted": "số liệu đã trích, không thuộc phép kiểm tra",
           "also": "Phép kiểm tra khác trên cùng số liệu"},
    "en": {"title": "Annotated report", "summary": "Summary of the audit",
           "claims": "figures checked", "flagged": "Inconsistent figures",
           "none_flagged": "No figure is inconsistent.",
           "filter": "Show only the passages with an inconsistent figure",
           "recomputed": "Recomputed", "diagnosis": "Diagnosis", "severity": "Severity",
           "basis": "How the numbers were tied", "where": "Where", "quote": "Quote",
           "kind": "Kind",
           "intro": ("Every checked figure is marked in the text by its status. Select a mark "
                     "(click, or Tab then Enter) to see the recomputation, the diagnosis, the "
                     "severity and how the numbers were tied."),
           "sha": "SHA-256 of the file", "document": "Document", "links": "See also",
           "back": "↑ Back to the summary", "noted": "figure noted, not checked by the audit",
           "also": "Another check of the same figure"},
}


def _finding_view(i: int, f, doc, lang: str, extra_links) -> dict:
    c = f.claim
    loc = doc.location(c.line) if doc is not None else None

    def where(line: int) -> str:  # a line the diagnosis names, where it stands in the original
        return location_text(doc.location(line), lang) if doc is not None else f"dòng {line}"
    return {
        "i": i, "id": c.id, "status": f.status, "status_text": status_text(f.status, lang),
        "icon": ICONS[f.status], "kind": kind_text(c.kind, lang),
        "severity": severity_text(f.severity, lang) if f.severity else "",
        "recomputation": recomputation_text(f, lang) or "", "diagnosis": diagnosis(f, lang, where) or "",
        "basis": basis_text(basis(c), lang, where) or "", "quote": c.quote, "reported": c.reported or "",
        "where": location_text(loc, lang) if loc is not None else "",
        "links": list(extra_links(f)) if extra_links else [],
        "flag": f.status == "inconsistent", "major": f.severity == "major",
    }


def annotate_html(doc, report, lang: str = "vi", extra_links: Callable | None = None,
                  standalone: bool = True, notes=()):
    """The annotated page of a document and its audit.

    Parameters
    ----------
    doc : parstats.audit.inputs.SourceDocument
        The document as read (its ``text`` is what the audit read).
    report : parstats.audit.results.AuditReport
        The audit of ``doc.text``.
    lang : {"vi", "en"}
        The language of the page's words and diagnoses.
    extra_links : callable, optional
        ``finding -> [(label, href), ...]``: more links in a mark's explanation (a data row, a
        notebook table). Only ``http(s)``, ``mailto``, relative and ``#`` links are kept.
    standalone : bool, default True
        True: the whole page (str). False: an :class:`Annotated` whose ``body``, ``css`` and
        ``script`` a site page embeds.
    notes : sequence of Note, optional
        Figures the audit does not check, marked as "noted" with the caller's words and links.

    Examples
    --------
    >>> from parstats.audit import audit_text
    >>> from parstats.audit.inputs import SourceDocument
    >>> text = "# Kết quả\\n\\nCó 128/129 người, tỷ lệ 98,45% <script>alert(1)</script>."
    >>> page = annotate_html(SourceDocument("x.md", "markdown", text, text.encode()), audit_text(text))
    >>> "&lt;script&gt;alert(1)&lt;/script&gt;" in page, page.count("<script>")
    (True, 1)
    >>> 'class="mark s-inconsistent' in page
    True
    """
    if lang not in WORDS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(WORDS)}")
    env = _env()
    text = _PRIVATE_RE.sub("\ufffd", normalize_lines(doc.text))
    lines = text.split("\n")
    findings = list(report.findings)
    notes = list(notes)
    marks = place_notes(lines, locate_marks(lines, findings), notes)
    note_views = [{"i": i, "text": n.text, "value": n.value, "links": _safe_links(lambda _: n.links)(None)}
                  for i, n in enumerate(notes)]
    views = [_finding_view(i, f, doc, lang, _safe_links(extra_links)) for i, f in enumerate(findings)]
    mark_of = {}
    for k, m in enumerate(marks):
        for i in m.findings:
            mark_of[i] = k
    render = _renderer()
    render.renderer.headings = 0
    html = render(_prepare(lines, marks))
    mark_t = env.get_template("annotate_mark.html.j2")

    # a mark is placed only where mistune kept both its ends in text, in order (never inside
    # a link's address or an attribute); a footnote's anchor goes to its first definition
    whole = {k for k in range(len(marks))
             if -1 < html.find(_OPEN + chr(_IDX0 + k)) < html.find(_CLOSE + chr(_IDX0 + k))}
    defined: set[str] = set()

    def place(m: re.Match) -> str:
        if m.group(1) is not None:
            k = ord(m.group(2)) - _IDX0
            if k not in whole:
                return ""
            if not marks[k].findings:  # a note
                macro = mark_t.module.note_open if m.group(1) == _OPEN else mark_t.module.note_close
                return str(macro(k, [note_views[i] for i in marks[k].notes], WORDS[lang]))
            vs = [views[i] for i in marks[k].findings]
            macro = mark_t.module.mark_open if m.group(1) == _OPEN else mark_t.module.mark_close
            return str(macro(k, vs, WORDS[lang]))
        if m.group(3) is not None:
            return str(mark_t.module.fn_ref(m.group(3)))
        first = m.group(4) not in defined
        defined.add(m.group(4))
        return str(mark_t.module.fn_def(m.group(4), first))

    html = _PLACE_RE.sub(place, html)
    for ch, tag in _TAG_CHARS.items():
        html = html.replace(tag, ch)
    html = html.replace(_BR_CHAR, "<br>")
    html = _PRIVATE_RE.sub("", html)  # a placeholder that mistune dropped the pair of
    counts = {s: sum(1 for f in findings if f.status == s) for s in STATUSES}
    flagged = [views[findings.index(f)] for f in report.flagged]
    ctx = {"lang": lang, "w": WORDS[lang], "doc_html": Markup(html), "counts": counts,
           "statuses": [(s, status_text(s, lang), ICONS[s]) for s in STATUSES],
           "flagged": flagged, "mark_of": mark_of, "total": len(findings),
           "source": report.source, "sha256": report.sha256,
           "noted": sum(1 for k in whole if marks[k].notes and not marks[k].findings)}
    css, script = _assets()
    body = env.get_template("annotate_body.html.j2").render(ctx)
    page = env.get_template("annotate_page.html.j2").render(
        ctx, body=Markup(body), css=Markup(css), script=Markup(script), csp=content_security_policy(script))
    if standalone:
        return page
    return Annotated(body, css, script, page)


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    """The page's CSS and script."""
    return ((TEMPLATES / "annotate.css").read_text(encoding="utf-8"),
            (TEMPLATES / "annotate.js").read_text(encoding="utf-8"))


def content_security_policy(script: str) -> str:
    """The page's Content-Security-Policy: nothing is loaded, and no script runs but the page's
    own (by its hash), so even markup that escaped the escaping could not run or call out."""
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(("\n" + script + "\n").encode("utf-8")).digest()).decode()
    return (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def _safe_links(extra_links):
    if extra_links is None:
        return None

    def links(f):
        return [(label, href) for label, href in extra_links(f)
                if href is None or re.match(r"(?i)(?:https?:|mailto:|#|[^:/?#]*(?:[/?#]|$))", href)]
    return links


def write_annotated(doc, report, path: str | Path, lang: str = "vi") -> None:
    """Write the annotated page atomically (:func:`parstats.files.write_atomic`)."""
    from parstats.files import write_atomic

    write_atomic(path, annotate_html(doc, report, lang).encode("utf-8"))
