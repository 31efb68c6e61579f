"""Documents in every input format, read into the one text the audit reads.

The audit reads Markdown-like text (:mod:`parstats.markdown`). Every input format is read into
a :class:`SourceDocument`: that text (headings as ``#``, tables as pipe tables, footnotes as
``[^n]:`` definitions, paragraphs separated by a blank line) plus, for each line of the text,
where it stands in the original (:class:`Location`: paragraph, page, table cell, footnote,
section). The audit finds claims by line; :meth:`SourceDocument.location` turns a claim's line
into the place a reader of the original would look. The annotated HTML report renders the same
text.

Formats (:data:`FORMATS`): ``.md`` and ``.txt`` (UTF-8, read as they are: the text is the
file), ``.docx`` (:mod:`parstats.audit.readers.word`), ``.pdf`` with a text layer
(:mod:`parstats.audit.readers.pdf`) and ``.html`` (:mod:`parstats.audit.readers.web`). Each
reader refuses what it cannot read with a one-line :class:`~parstats.audit.reading.ReportReadError`
subclass naming the file, what it is and what to do.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from parstats.audit.document_model import Location, SourceDocument, TextBuilder, text_locations, with_sections
from parstats.audit.reading import (
    LegacyEncodingError,
    ReportReadError,
    UnsupportedFormatError,
    read_bytes,
    read_text,
)

__all__ = ["Location", "SourceDocument", "TextBuilder", "read_document", "FORMATS",
           "PLAIN_FORMATS", "text_locations", "with_sections"]

#: Suffixes read by :func:`read_document` and the format name each gives.
FORMATS: dict[str, str] = {".md": "markdown", ".markdown": "markdown", ".txt": "text",
                           ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html"}

#: formats whose text is the file itself (their audit output has no ``location``)
PLAIN_FORMATS = frozenset({"markdown", "text"})

#: what to do with a file in a format no reader knows, by suffix
_ADVICE = {".doc": "open it in Word or LibreOffice and save it as .docx",
           ".odt": "save it as .docx or export it as PDF",
           ".rtf": "save it as .docx"}


def _read_plain(p: Path, fmt: str, path: str | Path) -> SourceDocument:
    try:
        text, data = read_text(p)
    except ReportReadError as exc:
        # an 8-bit file: say so when it is a legacy Vietnamese encoding (TCVN3 and VNI are
        # 8-bit, so a UTF-8 text is not checked: its reading stays a plain read)
        from parstats.audit.readers import legacy

        raw = read_bytes(p) if "not UTF-8" in str(exc) else b""
        found = legacy.detect(raw.decode("latin-1")) if raw else None
        if found:
            raise LegacyEncodingError(f"cannot read '{path}': not UTF-8 but the legacy "
                                      f"{found.upper()} Vietnamese encoding (letters like 'Ph¸t "
                                      f"triÓn'); convert it to Unicode (Unikey: Công cụ > Chuyển "
                                      f"mã) and save it as UTF-8") from None
        raise
    return SourceDocument(str(path), fmt, text, data, _LazyLocations(text))


class _LazyLocations(Mapping):
    """:func:`text_locations` of a plain text, computed when first asked for: reading a
    Markdown or text file for the audit stays a plain read."""

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._locs: dict | None = None

    def _data(self) -> dict:
        if self._locs is None:
            self._locs, self._text = text_locations(self._text or ""), None
        return self._locs

    def __getitem__(self, line: int) -> Location:
        return self._data()[line]

    def __iter__(self):
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())


def read_document(path: str | Path) -> SourceDocument:
    """Read a document of any supported format.

    Raises
    ------
    parstats.audit.reading.ReportReadError
        One line naming the file and what is wrong with it (missing, unsupported format,
        not UTF-8, damaged, encrypted, scanned, legacy encoding, too large) and what to do.

    Examples
    --------
    >>> read_document("report.doc")
    Traceback (most recent call last):
    ...
    parstats.audit.reading.UnsupportedFormatError: cannot read 'report.doc': unsupported format '.doc' (open it in Word or LibreOffice and save it as .docx); expected one of .docx, .htm, .html, .markdown, .md, .pdf, .txt
    """
    p = Path(path)
    suffix = p.suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        advice = f" ({_ADVICE[suffix]})" if suffix in _ADVICE else ""
        raise UnsupportedFormatError(f"cannot read '{path}': unsupported format "
                                     f"'{p.suffix or '(none)'}'{advice}; expected one of {known}")
    if fmt in PLAIN_FORMATS:
        return _read_plain(p, fmt, path)
    if fmt == "docx":
        from parstats.audit.readers.word import read_docx as reader
    elif fmt == "pdf":
        from parstats.audit.readers.pdf import read_pdf as reader
    else:
        from parstats.audit.readers.web import read_html as reader
    return reader(p, str(path))

