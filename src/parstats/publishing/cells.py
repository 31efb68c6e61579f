"""The cells of a notebook as HTML for a page of the site: nbconvert with our own template.

:class:`CellsExporter` is nbconvert's ``HTMLExporter`` with the ``parstats`` template
(``templates/parstats/``: nbconvert's ``basic`` template, which has no ``<head>`` and so none of
the require.js, MathJax or widget loaders, without JavaScript outputs or iframes) and with
:class:`SiteRenderer` for Markdown, so that what makes a page stand alone is decided while the
Markdown is parsed, not by editing the HTML afterwards:

* an image with a relative path is read from the notebooks folder and embedded as a ``data:``
  URI; an image on another host, or a file that is not there, becomes a placeholder;
* a relative link to ``x.ipynb`` points to the page of that notebook, ``x.html``;
* raw HTML written into Markdown is shown as text: a page loads nothing it did not inline;
* a heading gets an ASCII anchor made from its words (``## Kết luận chính`` ->
  ``id="ket-luan-chinh"``), unique in the page, for the table of contents and the search.

Images in code outputs are embedded by nbconvert itself (they are in the notebook).
:class:`NumberingPreprocessor` numbers the figures and tables of the outputs ("Hình 1.",
"Bảng 2.") and names their files, which the ``parstats`` template writes as a caption with
download links (``tai-ve/NAME.svg``, ``.png``, ``.csv``, ``.xlsx``); a figure's alt text is
the one :func:`parstats.analysis.plotting.save_figure` stored with it, or else the title and
caption its module declares in ``FIGURES``.

Examples
--------
>>> SiteRenderer(None).link("B", "../notebooks/02-b.ipynb#ket-qua")
'<a href="02-b.html#ket-qua">B</a>'
>>> SiteRenderer(None).image("Biểu đồ", "https://example.com/a.png")
'<span class="missing-image">[Biểu đồ]</span>'
"""
from __future__ import annotations

import ast
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit, urlunsplit

from jinja2 import pass_context
from mistune.util import striptags
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbconvert.preprocessors import Preprocessor

from parstats.publishing.search import Anchors
from parstats.publishing.layout import blocks, data_uri, first_paragraph, page_name

#: The folder of the site's templates: ``parstats/`` for nbconvert, ``pages/`` for the pages.
TEMPLATES = Path(__file__).with_name("templates")
#: Image files a page may embed, by suffix.
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".svg": "image/svg+xml"}
#: The folder of the site that holds the files a reader downloads.
DOWNLOADS = "tai-ve"
#: The name of a saved figure or table, ``NN-slug-what``.
OUTPUT_NAME = re.compile(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)+")
#: The text form of :class:`parstats.analysis.plotting.SavedFigure`.
FIGURE_REPR = re.compile(r"Hình (\d\d-[a-z0-9]+(?:-[a-z0-9]+)+):")


class SiteRenderer(IPythonRenderer):
    """nbconvert's Markdown renderer for pages that stand alone (see the module's notes).

    Parameters
    ----------
    folder : Path or None
        Folder that relative image paths are relative to (the notebooks folder); None when
        it is not known, and then every image from a file is a placeholder.
    **options
        Passed on to :class:`nbconvert.filters.markdown_mistune.IPythonRenderer`.
    """

    def __init__(self, folder: Path | None, anchors: Anchors | None = None, **options) -> None:
        super().__init__(escape=True, **options)
        self.folder = folder
        self.anchors = anchors if anchors is not None else Anchors()

    def heading(self, text: str, level: int, **attrs) -> str:
        """A heading with an ASCII anchor made from its words, unique in the page."""
        attrs["id"] = self.anchors.claim(striptags(text))
        return super().heading(text, level, **attrs)

    def image(self, text: str, url: str, title: str | None = None) -> str:
        """An ``<img>`` whose source is in the page, or a placeholder naming the image."""
        if not url.startswith(("data:", "attachment:")):
            embedded = self._embedded(url)
            if embedded is None:
                # ``text`` is the alt text as HTML, already escaped
                return f'<span class="missing-image">[{striptags(text) or "hình"}]</span>'
            url = embedded
        return super().image(text, url, title)

    def link(self, text: str, url: str, title: str | None = None) -> str:
        """A link, to the page of the notebook when it points to a notebook of this folder."""
        parts = urlsplit(url)
        if not (parts.scheme or parts.netloc) and parts.path.endswith(".ipynb"):
            page = page_name(PurePosixPath(unquote(parts.path)).name)
            url = urlunsplit(("", "", page, parts.query, parts.fragment))
        return super().link(text, url, title)

    def _embedded(self, url: str) -> str | None:
        parts = urlsplit(url)
        if self.folder is None or parts.scheme or parts.netloc:
            return None
        path = (self.folder / unquote(parts.path)).resolve()
        mime = IMAGE_TYPES.get(path.suffix.lower())
        if mime is None or not path.is_file():
            return None
        return data_uri(path.read_bytes(), mime)


class CellsExporter(HTMLExporter):
    """``HTMLExporter`` with the ``parstats`` template, no prompts, and :class:`SiteRenderer`.

    The notebooks folder comes, as in nbconvert, from ``resources["metadata"]["path"]``.
    One exporter serves one thread at a time.
    """

    def __init__(self, **kw) -> None:
        kw.setdefault("template_name", "parstats")
        kw.setdefault("extra_template_basedirs", [str(TEMPLATES)])
        kw.setdefault("exclude_input_prompt", True)
        kw.setdefault("exclude_output_prompt", True)
        kw.setdefault("exclude_anchor_links", True)
        super().__init__(**kw)
        self.register_preprocessor(NumberingPreprocessor(), enabled=True)
        self._anchors = Anchors()

    def from_notebook_node(self, nb, resources=None, **kw):
        """nbconvert's conversion, with the anchors of the page's headings started afresh."""
        self._anchors = Anchors()
        return super().from_notebook_node(nb, resources, **kw)

    @pass_context
    def markdown2html(self, context, source: str) -> str:
        """The ``markdown2html`` filter of the template, with :class:`SiteRenderer`."""
        path = context.get("resources", {}).get("metadata", {}).get("path")
        renderer = SiteRenderer(
            Path(path) if path else None,
            self._anchors,
            attachments=context.get("cell", {}).get("attachments", {}),
            anchor_link_text=self.anchor_link_text,
            exclude_anchor_links=self.exclude_anchor_links,
            **self.lexer_options,
        )
        return MarkdownWithMath(renderer=renderer).render(source)


def _literal_names(source: str) -> list[str]:
    """The ``NN-slug-what`` string literals of a code cell, in order (the names it saves under).

    Examples
    --------
    >>> _literal_names('publish(t, cols, "01-a-scoreboard"); save_figure(f, name="01-a-bars")')
    ['01-a-scoreboard', '01-a-bars']
    >>> _literal_names("x = (")
    []
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    nodes = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)),
                   key=lambda n: (n.lineno, n.col_offset))
    return [n.value for n in nodes if OUTPUT_NAME.fullmatch(n.value)]


#: The longest paragraph that becomes a table's caption in place of the paragraph.
CAPTION_LIMIT = 320


def _caption_from_prose(markdown: str) -> tuple[str, str | None]:
    """A table's caption from the Markdown cell before it, and what is left of the cell once
    the caption is taken from it (None when the cell stays as it is).

    The cell's last block, when it is one short paragraph (the sentence that introduces the
    table), is the caption, and is taken out of the cell so that it is not read twice;
    otherwise the first sentence of the cell's first paragraph is the caption.

    Examples
    --------
    >>> _caption_from_prose("Bảng **chỉ tiêu** con, theo kỳ.")
    ('Bảng chỉ tiêu con, theo kỳ.', '')
    >>> _caption_from_prose("## Bảng\\n\\nCác chỉ tiêu con.")
    ('Các chỉ tiêu con.', '## Bảng')
    >>> _caption_from_prose("Bảng chỉ tiêu con. Cũng ghi ra tệp CSV.\\n\\n| a |\\n|---|\\n| 1 |")
    ('Bảng chỉ tiêu con.', None)
    """
    chunks = re.split(r"\n[ \t]*\n", markdown.strip())
    last = [b for b in blocks(chunks[-1]) if b["type"] != "blank_line"]
    if len(last) == 1 and last[0]["type"] == "paragraph":
        text = first_paragraph(chunks[-1])
        if text and len(text) <= CAPTION_LIMIT:
            return text, "\n\n".join(chunks[:-1])
    text = first_paragraph(markdown)
    m = re.search(r"[.!?](\s|$)", text)
    text = text[: m.start() + 1] if m else text
    return (text if len(text) <= CAPTION_LIMIT else text[: CAPTION_LIMIT - 1].rsplit(" ", 1)[0] + "…"), None


def _declared_tables(name: str) -> str | None:
    """The caption that the analysis module of table ``name``'s notebook declares in an
    optional ``TABLES`` (``SUFFIX -> caption``), or None."""
    from parstats.analysis import declared

    caption = declared(name, "TABLES")
    return caption if caption is None or isinstance(caption, str) else caption[0]


class NumberingPreprocessor(Preprocessor):
    """Number the figures and tables of a notebook's outputs and name their files.

    Writes ``output.metadata["site"]``: ``kind`` (figure or table), ``number``, ``title`` and
    ``caption``, and ``files`` (``tai-ve/NAME.svg`` and ``.png``, or ``.csv`` and ``.xlsx``). A
    figure is an ``image/png`` output; its name is the ``parstats.figure`` metadata that
    :func:`~parstats.analysis.plotting.save_figure` stores, or its text form ``Hình NAME: …``.
    A table is an HTML output with a ``<table>``; its name is the ``parstats.table`` metadata,
    or the next ``NN-slug-what`` string of its cell that names no figure (the name given to
    :func:`~parstats.analysis.tables.publish`). A table's caption is the one its module
    declares in ``TABLES``, or from the Markdown cell just before its cell
    (:func:`_caption_from_prose`): its last paragraph, which is then shown only as the caption
    (a cell left empty is marked ``metadata["site_caption"]`` and not shown), or else its first
    sentence.
    """

    def preprocess(self, nb, resources):
        from parstats.analysis.plotting import declared_figure

        figures = tables = 0
        prose, prose_cell = "", None
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                prose = cell.source if isinstance(cell.source, str) else "".join(cell.source)
                prose_cell = cell
                continue
            if cell.cell_type != "code":
                continue
            source = cell.source if isinstance(cell.source, str) else "".join(cell.source)
            outputs = cell.get("outputs", [])
            figure_names = {self._figure_name(o) for o in outputs}
            names = [n for n in _literal_names(source) if n not in figure_names]
            tables_in_cell = 0
            for out in outputs:
                data = out.get("data", {})
                meta = out.setdefault("metadata", {})
                if "image/png" in data:
                    figures += 1
                    name = self._figure_name(out)
                    title, caption = ((declared_figure(name) if name else None) or ("", ""))[:2]
                    png = meta.setdefault("image/png", {})
                    if not png.get("alt") and title:
                        png["alt"] = f"{title}. {caption}".strip()
                    meta["site"] = {"kind": "figure", "number": figures, "title": title, "caption": caption,
                                    "files": [f"{DOWNLOADS}/{name}.{x}" for x in ("svg", "png")] if name else []}
                elif "<table" in "".join(data.get("text/html", "")):
                    tables += 1
                    name = (meta.get("parstats") or {}).get("table") or (names.pop(0) if names else None)
                    caption = _declared_tables(name) if name else None
                    if caption is None and prose:
                        caption, rest = _caption_from_prose(prose)
                        if rest is not None and prose_cell is not None and tables_in_cell == 0:
                            # the introduction is shown as the caption only (this is a copy)
                            prose_cell.source = rest
                            if not rest.strip():
                                prose_cell.metadata["site_caption"] = True
                    tables_in_cell += 1
                    meta["site"] = {"kind": "table", "number": tables, "title": "", "caption": caption,
                                    "files": [f"{DOWNLOADS}/{name}.{x}" for x in ("csv", "xlsx")] if name else []}
            prose, prose_cell = "", None
        return nb, resources

    @staticmethod
    def _figure_name(output) -> str | None:
        if "image/png" not in output.get("data", {}):
            return None
        name = (output.get("metadata", {}).get("parstats") or {}).get("figure")
        if name:
            return name
        m = FIGURE_REPR.match("".join(output["data"].get("text/plain", "")))
        return m.group(1) if m else None
