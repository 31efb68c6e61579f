"""Generated parts of README.md: the codebook (from data/datapackage.json) and the gallery.

The README keeps hand-written prose; the blocks between ``<!-- NAME:start -->`` and
``<!-- NAME:end -->`` markers are generated, so they cannot drift from the data and figures.
``make readme`` (``python -m parstats.publishing.docs``) rewrites them; ``tests/test_readme.py`` fails
when README.md is not current.

Examples
--------
>>> fill_block("a\\n<!-- x:start -->\\nold\\n<!-- x:end -->\\nb", "x", "new")
'a\\n<!-- x:start -->\\nnew\\n<!-- x:end -->\\nb'
"""
from __future__ import annotations

import re
import sys

from parstats.files import write_atomic
from parstats.paths import PROJ_ROOT

README = PROJ_ROOT / "README.md"
GALLERY = PROJ_ROOT / "docs" / "gallery.md"


def fill_block(text: str, name: str, content: str) -> str:
    """Replace the block between the ``name`` start and end markers with ``content``.

    Raises
    ------
    ValueError
        If the markers are missing.
    """
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    if not pattern.search(text):
        raise ValueError(f"README.md: markers '<!-- {name}:start -->' / '<!-- {name}:end -->' not found")
    body = content.strip("\n")
    return pattern.sub(lambda m: m.group(1) + (body + "\n" if body else "") + m.group(2), text, count=1)


def gallery_markdown() -> str:
    """The figure gallery (docs/gallery.md, written with the notebooks), or nothing yet."""
    return GALLERY.read_text(encoding="utf-8") if GALLERY.exists() else ""


def render_readme(text: str) -> str:
    """README text with its generated blocks brought up to date."""
    from parstats.data import codebook_markdown

    text = fill_block(text, "codebook", "## Codebook\n\n" + codebook_markdown())
    return fill_block(text, "gallery", gallery_markdown())


def main() -> int:
    current = README.read_text(encoding="utf-8")
    new = render_readme(current)
    if new != current:
        write_atomic(README, new.encode("utf-8"))
        print("README.md: generated blocks updated")
    else:
        print("README.md: up to date")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
