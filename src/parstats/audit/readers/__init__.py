"""Readers of the input formats that are not plain text: Word (:mod:`.word`), PDF (:mod:`.pdf`),
HTML (:mod:`.web`), and the legacy Vietnamese font encodings they may carry (:mod:`.legacy`).

Each reader turns a file into a :class:`parstats.audit.inputs.SourceDocument` through
:class:`parstats.audit.inputs.TextBuilder`, and refuses what it cannot read with a one-line
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
