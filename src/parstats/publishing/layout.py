"""What every page of the site shares, below the modules that render them.

The Markdown syntax tree of the notebooks' prose (:func:`blocks`, :func:`walk`, :func:`plain`,
:func:`first_paragraph`), the page names (:func:`page_name`), embedded images
(:func:`data_uri`) and the Jinja templates of ``templates/pages/`` with their style sheet and
script (:func:`page_templates`). :mod:`parstats.publishing.site`, ``cells``, ``facts`` and the
local app (:mod:`parstats.serve`) import them from here, so none of them imports another's
private helpers and no two import each other.

Examples
--------
>>> first_paragraph("# Tiêu đề\\n\\nCâu hỏi **chính**: bao nhiêu?\\n\\nPhần khác.")
'Câu hỏi chính: bao nhiêu?'
>>> page_name("01-targets-overview.ipynb")
'01-targets-overview.html'
"""
from __future__ import annotations

import base64
import functools
from pathlib import Path

#: The Jinja templates of the pages, their style sheet and script.
PAGE_TEMPLATES = Path(__file__).with_name("templates") / "pages"


def page_name(notebook_name: str) -> str:
    """Return the HTML page name of a notebook file name.

    Examples
    --------
    >>> page_name("05-consistency-audit.ipynb")
    '05-consistency-audit.html'
    """
    return Path(notebook_name).with_suffix(".html").name


@functools.cache
def _markdown_parser():
    import mistune

    # the block and inline rules nbconvert renders with (tables, strikethrough), as a syntax tree
    return mistune.create_markdown(renderer=None, plugins=["strikethrough", "table"])


def blocks(markdown: str) -> list[dict]:
    """The top-level nodes of ``markdown``'s syntax tree (mistune's AST).

    Examples
    --------
    >>> [b["type"] for b in blocks("# A\\n\\nb") if b["type"] != "blank_line"]
    ['heading', 'paragraph']
    """
    return _markdown_parser()(markdown)


def walk(nodes):
    """Yield every node of a syntax tree, depth first, each before its children.

    Examples
    --------
    >>> [n["type"] for n in walk(blocks("a **b**"))]
    ['paragraph', 'text', 'strong', 'text']
    """
    for node in nodes:
        yield node
        yield from walk(node.get("children", ()))


#: Syntax-tree nodes whose text runs on within a line; any other node is a block of its own.
INLINE = {"text", "codespan", "emphasis", "strong", "link", "strikethrough"}
#: Nodes with no text a reader would quote.
NO_TEXT = {"image", "inline_html", "block_html", "block_code", "thematic_break"}


def plain(nodes) -> str:
    """The text of syntax-tree nodes, markup dropped, runs of white space made one space.

    Examples
    --------
    >>> plain(blocks("Một *hai*\\n\\n- ba"))
    'Một hai ba'
    """
    parts = []
    for node in nodes:
        kind = node["type"]
        if kind in NO_TEXT:
            continue
        text = plain(node["children"]) if "children" in node else node.get("raw", " ")
        parts.append(text if kind in INLINE else f" {text} ")
    return " ".join("".join(parts).split())


def first_paragraph(markdown: str) -> str:
    """Return the first prose paragraph (or list) of a Markdown cell as plain text; headings,
    tables and code are skipped.

    Examples
    --------
    >>> first_paragraph("# A\\n## B\\nDòng một\\ndòng [hai](x.ipynb)\\n\\nsau")
    'Dòng một dòng hai'
    >>> first_paragraph("# A\\n\\n| x |\\n|---|\\n| 1 |\\n\\n- một\\n- *hai*")
    'một hai'
    >>> first_paragraph("# Only a title")
    ''
    """
    for node in blocks(markdown):
        if node["type"] in ("paragraph", "list", "block_quote"):
            return plain([node])
    return ""


def data_uri(data: bytes, mime: str) -> str:
    """Return ``data`` as a base64 ``data:`` URI.

    Examples
    --------
    >>> data_uri(b"abc", "text/plain")
    'data:text/plain;base64,YWJj'
    """
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


@functools.cache
def page_templates():
    """The Jinja environment of ``templates/pages/``; ``inline(name)`` puts a file of it in a page.

    Examples
    --------
    >>> "site.css" in page_templates().list_templates()
    True
    """
    from jinja2 import Environment, FileSystemLoader
    from markupsafe import Markup
    from pygments.formatters import HtmlFormatter

    env = Environment(loader=FileSystemLoader(PAGE_TEMPLATES), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True)
    env.globals["inline"] = lambda name: Markup(env.loader.get_source(env, name)[0])
    env.globals["pygments_css"] = Markup(HtmlFormatter(style="default").get_style_defs(".highlight"))
    return env
