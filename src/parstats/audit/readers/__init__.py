"""Readers of the input formats that are not plain text: Word (:mod:`.word`), PDF (:mod:`.pdf`),
HTML (:mod:`.web`), and the legacy Vietnamese font encodings they may carry (:mod:`.legacy`).

Each reader turns a file into a :class:`parstats.audit.document_model.SourceDocument` through
:class:`parstats.audit.document_model.TextBuilder`, and refuses what it cannot read with a one-line
:class:`parstats.audit.reading.ReportReadError` subclass. The limits below keep a hostile or
broken file from filling memory.
"""
from __future__ import annotations

#: a .docx (a ZIP package) whose members unpack to more than this is refused unread
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
#: ... and so is one with more members than this
MAX_MEMBERS = 10_000
#: a PDF with more pages than this is refused unread
MAX_PDF_PAGES = 2_000
#: a file bigger than this (bytes) is refused before it is read at all
MAX_FILE_BYTES = 512 * 1024 * 1024


def read_limited(p, name: str, what: str) -> bytes:
    """The bytes of file ``p`` (shown as ``name``), refused unread above :data:`MAX_FILE_BYTES`.

    Raises
    ------
    parstats.audit.reading.TooLargeError
        For a file too big to read.
    parstats.audit.reading.ReportReadError
        For a missing or unreadable file (``what`` says what was expected, "a PDF file").
    """
    from parstats.audit.reading import TooLargeError, read_bytes

    if p.is_file() and p.stat().st_size > MAX_FILE_BYTES:
        raise TooLargeError(f"cannot read '{name}': {p.stat().st_size / 2**20:,.0f} MiB is more than "
                            f"the {MAX_FILE_BYTES / 2**20:,.0f} MiB a report file may have")
    return read_bytes(p, what)
