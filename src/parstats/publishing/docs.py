"""Generated parts of README.md: the codebook (from data/datapackage.json) and the gallery
(from the figures each notebook's analysis module declares).

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

from pathlib import Path

from parstats.files import write_atomic
from parstats.paths import NOTEBOOKS_DIR, PROJ_ROOT

README = PROJ_ROOT / "README.md"


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


def gallery_markdown(notebooks_dir: Path = NOTEBOOKS_DIR) -> str:
    """The figure gallery: every figure that the analysis module of each notebook declares
    (``FIGURES``: name -> Vietnamese title and caption), two to a row, linked to its SVG and
    its notebook.

    Raises
    ------
    LookupError
        When a notebook has no analysis module (see :func:`parstats.analysis.module_for`).
    """
    from parstats.analysis import notebook_modules

    cells = []
    for path, module in notebook_modules(notebooks_dir):
        number = path.stem.split("-", 1)[0]
        for name, (title, caption) in module.FIGURES.items():
            stem = f"figures/{path.stem}-{name}"
            cells.append(f"[![{title}]({stem}.png)]({stem}.svg)<br>**{title}**: {caption} "
                         f"([{number}](notebooks/{path.name}))")
    if not cells:
        return ""
    if len(cells) % 2:
        cells.append("")
    rows = [f"| {a} | {b} |".replace("|  |", "| |") for a, b in zip(cells[::2], cells[1::2])]
    return "\n".join([
        "## Gallery", "",
        "Figures written by the thematic notebooks (`figures/*.svg`, with a `.png` beside each; the tables "
        "behind them are in `figures/*.csv` and `*.xlsx`).", "",
        "| | |", "|---|---|", *rows, ""])


def update_readme(readme: Path = README, notebooks_dir: Path = NOTEBOOKS_DIR, data_dir: Path | None = None) -> bool:
    """Bring the generated blocks of ``readme`` up to date (atomically); True if it changed."""
    current = readme.read_text(encoding="utf-8")
    new = render_readme(current, notebooks_dir, data_dir)
    return new != current and write_atomic(readme, new.encode("utf-8"))


def render_readme(text: str, notebooks_dir: Path = NOTEBOOKS_DIR, data_dir: Path | None = None) -> str:
    """README text with its generated blocks brought up to date."""
    from parstats.data import codebook_markdown

    text = fill_block(text, "codebook", "## Codebook\n\n" + codebook_markdown(data_dir))
    return fill_block(text, "gallery", gallery_markdown(notebooks_dir))


def main() -> int:
    if update_readme():
        print("README.md: generated blocks updated")
    else:
        print("README.md: up to date")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
