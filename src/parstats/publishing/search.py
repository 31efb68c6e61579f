"""The site's full-text search: an index of every page's sections, embedded as a script.

Opened from disk (``file://``) a page may not fetch a JSON file, so the index is written as
``tim-kiem.js``, a script that every page loads with ``<script src>``: it sets
``PARSTATS_SEARCH`` to a list of sections (page, anchor, page title, heading, text) and runs
the search box (``templates/pages/search.js``). Matching is a substring search on folded text
(:func:`fold`: decomposed, combining marks dropped, ``đ`` -> ``d``, lower case), so that
"chỉ tiêu" and "chi tieu" find the same sections; the browser folds with the same rule
(``String.normalize("NFD")``).

A page's sections are read from its HTML (:func:`page_sections`): each ``h1``-``h3`` starts
one, whose anchor is the heading's ``id`` (or that of the ``<section>`` it opens); the code of
the notebooks (``.input``), scripts and styles are not text a reader searches. The same
headings give a notebook page its table of contents (:func:`table_of_contents`).

The index is deterministic: pages in site order, sections in page order, keys sorted.

Examples
--------
>>> fold("Chỉ tiêu ĐẠT được")
'chi tieu dat duoc'
>>> slugify("Kết luận chính: 6 chỉ tiêu")
'ket-luan-chinh-6-chi-tieu'
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

#: The script of the search box, which reads the index.
SEARCH_SCRIPT = Path(__file__).with_name("templates") / "pages" / "search.js"
#: The file name of the index (with the script), at the site's root.
INDEX_FILE = "tim-kiem.js"
#: Elements whose text is not searched: notebook code, scripts, styles, the site's own chrome.
_SKIP_CLASSES = {"input", "toc", "side", "site-header", "site-footer", "pager", "toolbar", "search", "kicker",
                 "downloads"}
_DATA_URI = re.compile(r'src="data:[^"]*"')
_SKIP_TAGS = {"script", "style", "nav", "button", "form", "template"}


def fold(text: str) -> str:
    """Lower-case ``text`` without diacritics: what a search compares.

    Examples
    --------
    >>> fold("Đơn vị sự nghiệp công lập")
    'don vi su nghiep cong lap'
    >>> fold("ĐẠT") == fold("dat")
    True
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slugify(text: str, fallback: str = "muc") -> str:
    """An ASCII anchor for a heading: folded, runs of other characters made one hyphen.

    Examples
    --------
    >>> slugify("## Số liệu cần sửa!")
    'so-lieu-can-sua'
    >>> slugify("…", "hinh")
    'hinh'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or fallback


class Anchors:
    """Unique anchors within one page: a repeated slug gets ``-2``, ``-3``...

    Examples
    --------
    >>> a = Anchors()
    >>> a.claim("Bảng"), a.claim("bang"), a.claim("Bảng")
    ('bang', 'bang-2', 'bang-3')
    """

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, text: str) -> str:
        base = slugify(text)
        slug, n = base, 1
        while slug in self.used:
            n += 1
            slug = f"{base}-{n}"
        self.used.add(slug)
        return slug


@dataclass
class Section:
    """One searchable part of a page: from a heading to the next."""

    anchor: str
    level: int
    heading: str
    text: str


def _skipped(tag) -> bool:
    classes = set(tag.get("class") or ())
    return tag.name in _SKIP_TAGS or bool(classes & _SKIP_CLASSES) or tag.get("aria-hidden") == "true"


def page_sections(html: str) -> list[Section]:
    """The sections of a page (or of a notebook's body), headings ``h1``-``h3`` in order; text
    before the first heading is a section with no heading.

    Examples
    --------
    >>> s = page_sections('<h1 id="a">Tiêu đề</h1><p>Mở đầu</p><div class="input">x = 1</div>'
    ...                   '<section id="b"><h2>Phần hai</h2><p>Nội <b>dung</b></p></section>')
    >>> [(x.anchor, x.level, x.heading, x.text) for x in s]
    [('a', 1, 'Tiêu đề', 'Mở đầu'), ('b', 2, 'Phần hai', 'Nội dung')]
    """
    from bs4 import BeautifulSoup, NavigableString, Tag

    # embedded images are most of a page's bytes and none of its text: not worth parsing
    soup = BeautifulSoup(_DATA_URI.sub('src=""', html), "html.parser")
    root = soup.find("main") or soup
    sections: list[Section] = []
    current = Section("", 0, "", "")
    parts: list[str] = []

    def close():
        current.text = unicodedata.normalize("NFC", " ".join("".join(parts).split()))
        if current.heading or current.text:
            sections.append(current)

    def walk(node):
        nonlocal current, parts
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not a comment, doctype or CDATA
                    parts.append(str(child))
            elif isinstance(child, Tag) and not _skipped(child):
                if child.name in ("h1", "h2", "h3"):
                    close()
                    anchor = child.get("id") or ""
                    if not anchor and child.parent is not None and child.parent.name == "section" \
                            and child.find_previous_sibling(True) is None:
                        anchor = child.parent.get("id") or ""
                    current = Section(anchor, int(child.name[1]), " ".join(child.get_text(" ").split()), "")
                    parts = []
                else:
                    parts.append(" ")
                    walk(child)
                    parts.append(" ")

    walk(root)
    close()
    return sections


def table_of_contents(sections: list[Section]) -> list[dict]:
    """The ``h2`` and ``h3`` sections with an anchor, as ``{"anchor", "heading", "children"}``
    (an ``h3`` under the ``h2`` before it).

    Examples
    --------
    >>> toc = table_of_contents([Section("t", 1, "T", ""), Section("a", 2, "A", ""), Section("b", 3, "B", ""),
    ...                          Section("c", 2, "C", "")])
    >>> [(e["heading"], [c["heading"] for c in e["children"]]) for e in toc]
    [('A', ['B']), ('C', [])]
    """
    out: list[dict] = []
    for s in sections:
        if not s.anchor or s.level not in (2, 3):
            continue
        entry = {"anchor": s.anchor, "heading": s.heading, "children": []}
        if s.level == 3 and out:
            out[-1]["children"].append(entry)
        else:
            out.append(entry)
    return out


def index_entries(pages: list[tuple[str, str, list[Section]]]) -> list[list[str]]:
    """``[page, anchor, page title, heading, text]`` for every section of every page.

    Examples
    --------
    >>> index_entries([("a.html", "A", [Section("x", 2, "X", "chữ")])])
    [['a.html', 'x', 'A', 'X', 'chữ']]
    """
    return [[page, s.anchor, title, s.heading, s.text] for page, title, sections in pages for s in sections]


def index_script(entries: list[list[str]]) -> bytes:
    """``tim-kiem.js``: the index as a JavaScript literal, then the search box's script.

    Examples
    --------
    >>> index_script([["a.html", "", "A", "", "chữ"]]).decode().splitlines()[0]
    'var PARSTATS_SEARCH = [["a.html","","A","","chữ"]];'
    """
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    # "</" cannot end a script that is a file, but a reader may paste it into a page
    data = data.replace("</", "<\\/")
    return (f"var PARSTATS_SEARCH = {data};\n" + SEARCH_SCRIPT.read_text(encoding="utf-8")).encode("utf-8")
