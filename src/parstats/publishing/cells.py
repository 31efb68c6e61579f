"""The cells of a notebook as HTML for a page of the site: nbconvert with our own template.

:class:`CellsExporter` is nbconvert's ``HTMLExporter`` with the ``parstats`` template
(``templates/parstats/``: nbconvert's ``basic`` template, which has no ``<head>`` and so none of
the require.js, MathJax or widget loaders, without JavaScript outputs or iframes) and with
:class:`SiteRenderer` for Markdown, so that what makes a page stand alone is decided while the
Markdown is parsed, not by editing the HTML afterwards:

* an image with a relative path is read from the notebooks folder and embedded as a ``data:``
  URI; an image on another host, or a file that is not there, becomes a placeholder;
* a relative link to ``x.ipynb`` points to the page of that notebook, ``x.html``;
* raw HTML written into Markdown is shown as text: a page loads nothing it did not inline.

Images in code outputs are embedded by nbconvert itself (they are in the notebook).

Examples
--------
>>> SiteRenderer(None).link("B", "../notebooks/02-b.ipynb#ket-qua")
'<a href="02-b.html#ket-qua">B</a>'
>>> SiteRenderer(None).image("Biểu đồ", "https://example.com/a.png")
'<span class="missing-image">[Biểu đồ]</span>'
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit, urlunsplit

from jinja2 import pass_context
from mistune.util import striptags
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

from parstats.publishing.site import data_uri, page_name

#: The folder of the site's templates: ``parstats/`` for nbconvert, ``pages/`` for the pages.
TEMPLATES = Path(__file__).with_name("templates")
#: Image files a page may embed, by suffix.
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".svg": "image/svg+xml"}


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

    def __init__(self, folder: Path | None, **options) -> None:
        super().__init__(escape=True, **options)
        self.folder = folder

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
        super().__init__(**kw)

    @pass_context
    def markdown2html(self, context, source: str) -> str:
        """The ``markdown2html`` filter of the template, with :class:`SiteRenderer`."""
        path = context.get("resources", {}).get("metadata", {}).get("path")
        renderer = SiteRenderer(
            Path(path) if path else None,
            attachments=context.get("cell", {}).get("attachments", {}),
            anchor_link_text=self.anchor_link_text,
            exclude_anchor_links=self.exclude_anchor_links,
            **self.lexer_options,
        )
        return MarkdownWithMath(renderer=renderer).render(source)
