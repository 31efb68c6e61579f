"""The annotated report (``parstats audit FILE --format html``): marks, wording, safety, bytes.

The document is untrusted: HTML or script in it is shown as text and never runs. The hostile
document is written in every input format of :data:`HOSTILE` (a format's reader adds its writer
there); the browser test (``test_annotate_browser.py``) opens the same pages in Chromium.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from markupsafe import escape

from clikit import audit_cli
from parstats.audit import audit_path, audit_text
from parstats.audit.annotate import ICONS, annotate_html, content_security_policy, locate_marks
from parstats.audit.inputs import FORMATS, SourceDocument, read_document
from parstats.audit.messages import diagnosis, location_text, recomputation_text, status_text
from parstats.markdown import normalize_lines

ROOT = Path(__file__).resolve().parents[1]
HOME = ROOT / "data" / "raw" / "bao-cao-so-ket-ctr-09-tu.md"

#: markup that must appear as text and never run: in a heading, a paragraph with checked
#: figures, a table cell and a footnote
HOSTILE_TEXT = """# Báo cáo <script>window.__pwned = 1; alert("h1")</script>

Có 128/129 người, tỷ lệ 98,45% <img src=x onerror="window.__pwned=2; alert(2)"> đạt chuẩn[^1].
Xem [chi tiết](javascript:alert(3)) và <a href="javascript:alert(4)">đây</a>, ![ảnh](http://example.invalid/x.png).
<iframe src="http://example.invalid/"></iframe><svg onload="alert(5)"></svg> "><script>alert(6)</script>

<script>
window.__pwned = 7; alert(7);
</script>

| Đơn vị | Số người | Tỷ lệ |
|---|---|---|
| <b onmouseover="alert(8)">Xã A</b> | 27 người (13,70%) | <script>alert(9)</script> |

[^1]: Tổng số cán bộ là 197 người <style>body{display:none}</style> javascript:alert(10).
"""


def _write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _write_html(path: Path, text: str) -> Path:
    """The hostile text as the text of a web page, with live script and handlers around it."""
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())
    path.write_text("<!DOCTYPE html><html><head><script>window.__pwned = 11; alert(11)</script>"
                    f"</head><body onload=\"alert(12)\">{body}<img src=x onerror=\"alert(13)\">"
                    "<a href=\"javascript:alert(14)\">x</a></body></html>", encoding="utf-8")
    return path


#: input formats and how the hostile document is written in each
HOSTILE = {".md": _write_text, ".txt": _write_text}
if ".html" in FORMATS:
    HOSTILE[".html"] = _write_html
try:  # Word and PDF documents made from Markdown, where their readers' tests provide it
    from docbuild import docx_to_pdf, markdown_to_docx
except ImportError:
    pass
else:
    if ".docx" in FORMATS:
        HOSTILE[".docx"] = lambda path, text: markdown_to_docx(text, path)
    if ".pdf" in FORMATS:
        HOSTILE[".pdf"] = lambda path, text: docx_to_pdf(
            [markdown_to_docx(text, path.with_name(path.stem + "-pdf.docx"))], path.parent)[0]


def write_hostile(folder: Path, suffix: str) -> Path:
    """The hostile document as a file of format ``suffix``."""
    return HOSTILE[suffix](folder / f"hostile{suffix}", HOSTILE_TEXT)


def _page(path: Path, lang: str = "vi") -> tuple[str, object, object]:
    doc = read_document(path)
    rep = audit_text(doc.text, source=str(path))
    return annotate_html(doc, rep, lang), doc, rep


_cli = audit_cli


@pytest.mark.parametrize("suffix", HOSTILE)
def test_markup_in_the_document_is_text(tmp_path, suffix):
    page, doc, rep = _page(write_hostile(tmp_path, suffix))
    assert rep.findings, "the hostile document has figures to mark"
    own = "<script>\n" + _script() + "\n</script>"
    assert page.count(own) == 1
    tags = re.findall(r"<\s*([a-zA-Z][\w-]*)([^>]*)>", page.replace(own, "<script></script>"))
    assert [n.lower() for n, _ in tags].count("script") == 1  # the page's own
    assert not [(n, a) for n, a in tags if re.search(r"(?i)\bon[a-z]+\s*=", a)]
    assert not re.search(r"""(?i)(?:href|src|action)\s*=\s*["']?\s*javascript:""", page)
    assert not {n.lower() for n, _ in tags} & {"img", "iframe", "svg", "object", "embed", "link", "a"} - {"a"}
    assert not [a for n, a in tags if n.lower() == "style" and a.strip()]  # only the page's own style
    assert page.lower().count("<style") == 2  # the page's and the one for readers without script
    hrefs = [html.unescape(h) for h in re.findall(r'href="([^"]*)"', page)]
    assert all(h.startswith(("#", "http://", "https://", "mailto:")) for h in hrefs), hrefs
    # shown as text, escaped
    shown = html.unescape(re.sub(r"<[^>]*>", "", page.replace(own, "")))
    for text in ("<script>", "onerror=", "javascript:alert("):
        # as the reader wrote it (a document made from the Markdown may have lost the tags)
        assert (text in shown) == (text in doc.text), text
    if suffix in (".md", ".txt"):
        assert '<script>window.__pwned = 1; alert("h1")</script>' in shown
    # a policy that would stop anything that slipped through: no load, no other script
    assert f'content="{escape(content_security_policy(_script()))}"' in page


def _script() -> str:
    from parstats.audit.annotate import TEMPLATES

    return (TEMPLATES / "annotate.js").read_text(encoding="utf-8")


def test_home_report_every_claim_marked():
    doc = read_document(HOME)
    rep = audit_path(HOME)
    lines = normalize_lines(doc.text).split("\n")
    marks = locate_marks(lines, rep.findings)
    placed = {i for m in marks for i in m.findings}
    assert placed == set(range(len(rep.findings)))
    for m in marks:
        assert m.end > m.start, [rep.findings[i].claim.id for i in m.findings]
        span = lines[m.line][m.start:m.end]
        for i in m.findings:
            c = rep.findings[i].claim
            if c.kind in ("ratio", "change") and c.reported:  # the share's figure itself
                assert span.replace(" ", "") == c.reported.replace(" ", ""), (c.id, span)
    # two claims of one line each get their own place
    assert len({(m.line, m.start) for m in marks}) == len(marks)


def test_home_report_page_shows_every_flagged_claim():
    page, doc, rep = _page(HOME)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    flagged = rep.flagged
    assert page.count('class="to-mark"') == len(flagged)
    for f in flagged:
        assert f'id="c-{f.claim.id}"' in page
        # a line the diagnosis names is cited where it stands (section or footnote), not by number
        cited = diagnosis(f, "vi", lambda n: location_text(doc.location(n), "vi"))
        assert str(escape(cited)) in page
        rec = recomputation_text(f, "vi")
        if rec:
            assert str(escape(rec)) in page
    # each flagged figure's explanation leads back to the summary
    assert page.count('<a href="#annot-summary">') == len(flagged)
    for s in ICONS:
        n = sum(f.status == s for f in rep.findings)
        assert f"{status_text(s).capitalize()}: <b>{n}</b>" in page
    assert "http://" not in page and "https://" not in page  # nothing to load, nothing linked out


def test_english_page(tmp_path):
    page, doc, rep = _page(HOME, "en")
    assert '<html lang="en">' in page and "Annotated report" in page
    for f in rep.flagged:
        assert str(escape(f.diagnosis)) in page


def test_cli_writes_the_same_bytes_twice(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    _cli(HOME.relative_to(ROOT), "--format", "html", "-o", a)
    _cli(HOME.relative_to(ROOT), "--format", "html", "-o", b)
    assert a.read_bytes() == b.read_bytes()
    text = a.read_text(encoding="utf-8")
    rep = json.loads(_cli(HOME.relative_to(ROOT), "--format", "json")[1])
    assert rep["sha256"][:16] in text
    assert text.count('class="to-mark"') == sum(c["status"] == "inconsistent" for c in rep["claims"])


def test_cli_html_of_a_folder_needs_an_outdir_and_keeps_no_half_file(tmp_path):
    # a folder (or several files) gives a folder of pages (tests/test_serve_browser.py opens it)
    code, _, err = _cli(tmp_path, "--format", "html", check=False)
    assert code == 2 and "-o OUTDIR" in err
    (tmp_path / "x.html").write_text("old", encoding="utf-8")
    code, _, err = _cli(tmp_path, "--format", "html", "-o", tmp_path / "x.html", check=False)
    assert code == 2 and "not a folder" in err and (tmp_path / "x.html").read_text(encoding="utf-8") == "old"
    (tmp_path / "x.html").unlink()
    code, _, err = _cli(tmp_path, "--format", "html", "-o", tmp_path / "out", check=False)
    assert code == 2 and "no report file" in err and not (tmp_path / "out").exists()
    code, _, err = _cli(tmp_path / "missing.md", "--format", "html", "-o", tmp_path / "x.html", check=False)
    assert code == 2 and "missing.md" in err
    assert not (tmp_path / "x.html").exists()


def test_fragment_for_a_site_page():
    text = "Có 128/129 người, tỷ lệ 98,45%."
    doc = SourceDocument("x.md", "markdown", text, text.encode())
    rep = audit_text(text)
    part = annotate_html(doc, rep, extra_links=lambda f: [("Bảng dữ liệu", "data.html#row-3"),
                                                          ("x", "javascript:alert(1)")],
                         standalone=False)
    assert "<html" not in part.body and "<script" not in part.body and ".mark" in part.css
    assert 'href="data.html#row-3"' in part.body and "javascript:" not in part.body
    assert part.page.count("<script>") == 1


def test_marks_two_equal_figures_in_their_own_places():
    text = ("Năm 2022: 27/197 người, đạt 13,70%.\n"
            "Năm 2023: 27/197 người, đạt 13,71%; năm 2024: 27/197 người, đạt 13,71%.")
    rep = audit_text(text)
    lines = text.split("\n")
    marks = locate_marks(lines, rep.findings)
    spans = sorted((m.line, m.start) for m in marks)
    assert len(spans) == len(rep.findings) == 3
    assert [lines[m.line][m.start:m.end] for m in sorted(marks, key=lambda m: (m.line, m.start))] == \
        [f.claim.reported for f in sorted(rep.findings, key=lambda f: f.claim.line)]


_VOID = {"br", "hr", "img", "input", "meta", "link", "col", "wbr", "source", "area", "base"}


def _nesting_errors(page: str) -> list[str]:
    """Tags closed out of order or left open (the page must nest as written)."""
    from html.parser import HTMLParser

    class Check(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack, self.errors = [], []

        def handle_starttag(self, tag, attrs):
            if tag not in _VOID:
                self.stack.append(tag)

        def handle_startendtag(self, tag, attrs):
            pass  # <br />

        def handle_endtag(self, tag):
            if not self.stack or self.stack[-1] != tag:
                self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}> "
                                   f"at {self.getpos()}")
            else:
                self.stack.pop()

    c = Check()
    c.feed(page)
    c.close()
    return c.errors + [f"<{t}> left open" for t in c.stack]


@pytest.mark.slow
def test_every_text_of_the_project_renders_with_every_claim_anchored():
    texts = [HOME] + sorted((ROOT / "tests" / "corpus").glob("*.md")) + \
        sorted((ROOT / "tests" / "audit_eval" / "texts").glob("*.md"))
    n = 0
    for path in texts:
        page, doc, rep = _page(path)
        ids = re.findall(r'<span class="anchor" id="c-([^"]+)"></span>', page)
        assert sorted(ids) == sorted(f.claim.id for f in rep.findings), path.name
        assert page.count("<button") == page.count("</button>"), path.name
        assert not re.search("[\ue000-\uf8ff\U000f0000-\U0010ffff]", page), path.name
        assert not _nesting_errors(page), (path.name, _nesting_errors(page)[:3])
        n += len(ids)
    assert n > 10000
