"""Documents in every input format, read into the one text the audit reads.

The audit reads Markdown-like text (:mod:`parstats.markdown`). Every input format is read into
a :class:`SourceDocument`: that text (headings as ``#``, tables as pipe tables, footnotes as
``[^n]:`` definitions, PDF pages separated and numbered) plus, for each line of the text, where
it stands in the original (:class:`Location`: paragraph, page, table cell, footnote, section).
The audit finds claims by line; :meth:`SourceDocument.location` turns a claim's line into the
place a reader of the original would look. The annotated HTML report renders the same text.

Formats: ``.md`` and ``.txt`` (UTF-8) here; ``.docx``, ``.pdf`` and ``.html`` are added by
the readers of issue 11.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from parstats.audit.reading import ReportReadError, read_text

__all__ = ["Location", "SourceDocument", "read_document", "FORMATS"]

#: Suffixes read by :func:`read_document` and the format name each gives.
FORMATS: dict[str, str] = {".md": "markdown", ".markdown": "markdown", ".txt": "text"}


@dataclass(frozen=True)
class Location:
    """Where a line of :attr:`SourceDocument.text` stands in the original document.

    Every field but ``line`` is optional: a Markdown file knows lines (and sections and
    footnotes), a Word file paragraphs, tables and footnotes, a PDF pages.
    """

    line: int
    paragraph: int | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    footnote: str | None = None
    section: str | None = None


@dataclass(frozen=True)
class SourceDocument:
    """A document read for the audit.

    Attributes
    ----------
    path : str
        The file as named by the caller.
    format : str
        A value of :data:`FORMATS`.
    text : str
        The Markdown-like text the audit reads.
    data : bytes
        The file's bytes (their SHA-256 identifies the audited document).
    locations : dict
        ``line -> Location`` for lines whose place differs from "line N of the file"; a line
        without an entry is :class:`Location` ``(line)``.
    """

    path: str
    format: str
    text: str
    data: bytes
    locations: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def location(self, line: int) -> Location:
        """The place in the original of line ``line`` of :attr:`text`."""
        return self.locations.get(line) or Location(line)


def read_document(path: str | Path) -> SourceDocument:
    """Read a document of any supported format.

    Raises
    ------
    parstats.audit.reading.ReportReadError
        One line naming the file and what is wrong with it (missing, unsupported format,
        not UTF-8, ...) and what to do.
    """
    p = Path(path)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise ReportReadError(f"cannot read '{path}': unsupported format '{p.suffix or '(none)'}'; "
                              f"expected one of {known}")
    text, data = read_text(p)
    return SourceDocument(str(path), fmt, text, data)
