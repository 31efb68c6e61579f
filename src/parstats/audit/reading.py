"""Reading a report file: UTF-8 text, or a clear error naming the file.

:func:`read_text` reads a file (a clear :class:`ReportReadError` for a missing, unreadable or
non-UTF-8 one). The text is then read by the project's one Markdown reader,
:mod:`parstats.markdown`. Other formats (Word, PDF, HTML) are read by
:mod:`parstats.audit.inputs`; what can go wrong with them has its own subclass of
:class:`ReportReadError` here, each with a short ``code`` (the CLI's JSON and summary give it).
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["ReportReadError", "UnsupportedFormatError", "DamagedFileError", "EncryptedFileError",
           "NoTextLayerError", "LegacyEncodingError", "TooLargeError", "read_bytes", "read_text"]


class ReportReadError(ValueError):
    """A report file that is missing, unreadable or not UTF-8 text."""

    #: a short name of what went wrong, stable for scripts
    code = "unreadable"


class UnsupportedFormatError(ReportReadError):
    """A file whose name ends with a suffix no reader knows (``.doc``, ``.odt``, ...)."""

    code = "unsupported-format"


class DamagedFileError(ReportReadError):
    """A file that is not really of the format its name says, or is truncated or corrupt."""

    code = "damaged"


class EncryptedFileError(ReportReadError):
    """A password-protected (encrypted) Word or PDF file."""

    code = "encrypted"


class NoTextLayerError(ReportReadError):
    """A PDF without text to read: scanned pages (images) that need OCR first."""

    code = "no-text-layer"


class LegacyEncodingError(ReportReadError):
    """Text in a legacy Vietnamese font encoding (TCVN3/ABC, VNI) that cannot be converted
    exactly."""

    code = "legacy-encoding"


class TooLargeError(ReportReadError):
    """A file refused before reading: a Word file that unpacks to too much, a PDF with too many
    pages, a text too long."""

    code = "too-large"


def read_bytes(path: str | Path, what: str = "a text file") -> bytes:
    """The bytes of a file, or a :class:`ReportReadError` naming it (missing, a directory, no
    permission)."""
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise ReportReadError(f"cannot read '{path}': no such file") from None
    except IsADirectoryError:
        raise ReportReadError(f"cannot read '{path}': it is a directory, expected {what}") from None
    except OSError as exc:
        raise ReportReadError(f"cannot read '{path}': {exc.strerror or exc}") from None


def read_text(path: str | Path) -> tuple[str, bytes]:
    """Read a report file as UTF-8; return ``(text, raw bytes)``.

    Raises
    ------
    ReportReadError
        One line naming the file: missing, unreadable (a directory, no permission) or not
        UTF-8 (with the offset of the first bad byte).

    Examples
    --------
    >>> read_text("/nonexistent/report.md")
    Traceback (most recent call last):
    ...
    parstats.audit.reading.ReportReadError: cannot read '/nonexistent/report.md': no such file
    """
    data = read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportReadError(
            f"cannot read '{path}': not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at "
            f"offset {exc.start}); save it as UTF-8") from None
    return text, data
