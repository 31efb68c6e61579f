"""Reading a report file: UTF-8 text, or a clear error naming the file.

:func:`read_text` reads a file (a clear :class:`ReportReadError` for a missing, unreadable or
non-UTF-8 one). The text is then read by the project's one Markdown reader,
:mod:`parstats.markdown`.
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["ReportReadError", "read_text"]


class ReportReadError(ValueError):
    """A report file that is missing, unreadable or not UTF-8 text."""


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
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReportReadError(f"cannot read '{path}': no such file") from None
    except IsADirectoryError:
        raise ReportReadError(f"cannot read '{path}': it is a directory, expected a text file") from None
    except OSError as exc:
        raise ReportReadError(f"cannot read '{path}': {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportReadError(
            f"cannot read '{path}': not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at "
            f"offset {exc.start}); save it as UTF-8") from None
    return text, data
