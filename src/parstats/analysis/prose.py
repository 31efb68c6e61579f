"""Sentences for readers: a notebook's "Kết luận chính", rendered from computed values.

Each analysis module's ``key_findings(...)`` returns :class:`KeyFindings`; the notebook shows
it right after its title, so that every number in the prose is computed from ``data/``.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KeyFindings"]


@dataclass(frozen=True)
class KeyFindings:
    """Three to six Vietnamese sentences; shown as a Markdown bullet list in a notebook.

    Examples
    --------
    >>> KeyFindings(("Câu một.", "Câu hai."))._repr_markdown_()
    '- Câu một.\\n- Câu hai.\\n'
    """

    sentences: tuple[str, ...]

    def _repr_markdown_(self) -> str:
        return "".join(f"- {s}\n" for s in self.sentences)

    def __repr__(self) -> str:  # plain-text output: the same sentences, never a Python repr
        return "\n".join(self.sentences)
