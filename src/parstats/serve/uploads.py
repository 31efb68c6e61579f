"""What a reviewer sends: the files of one upload, saved in a temporary folder, zips unpacked.

Every file gets a neutral name in the upload's folder (``003.docx``: a number and its
suffix), so no name a reviewer or an archive chose ever becomes a path on this machine. A
``.zip`` is unpacked member by member, within limits: a member whose name climbs out of its
folder (``../``, an absolute path), an encrypted member, a zip inside the zip, or a member in
a format no reader knows is an :class:`Entry` with its error, and the others go on; an archive
that unpacks to more than its limit (a zip bomb), or that is not a zip at all, is one entry
with its error. Too many files, or an upload too large, is a :class:`LimitError` for the whole
upload, with the Vietnamese message the page shows.
"""
from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from parstats.audit.batch import SUFFIXES

__all__ = ["ARCHIVE_SUFFIX", "ACCEPTED", "Entry", "LimitError", "too_many_files", "too_large",
           "display_name", "save_upload", "unpack_zip"]

#: the archive suffix the page accepts beside the report formats
ARCHIVE_SUFFIX = ".zip"
#: every suffix the page accepts (a file with another one is a row with its error)
ACCEPTED = (*SUFFIXES, ARCHIVE_SUFFIX)
#: bytes read from an archive member at a time
_CHUNK = 1 << 16


class LimitError(ValueError):
    """An upload refused as a whole (too large, too many files); ``message_vi`` is what the
    page shows, ``str()`` the English for logs."""

    def __init__(self, message: str, message_vi: str, status: int = 413):
        super().__init__(message)
        self.message_vi = message_vi
        self.status = status


def too_many_files(limit: int, given: int | None = None) -> LimitError:
    """The error of an upload with more than ``limit`` files (the files of a zip count).

    Examples
    --------
    >>> print(too_many_files(20, 25).message_vi)
    Quá nhiều tệp: mỗi lần tải lên được tối đa 20 tệp (kể cả các tệp trong tệp .zip); lần này có 25 tệp. Hãy chia thành nhiều lần.
    """
    seen = f"; lần này có {given} tệp" if given is not None else ""
    return LimitError(f"too many files: at most {limit} per upload",
                      f"Quá nhiều tệp: mỗi lần tải lên được tối đa {limit} tệp (kể cả các tệp trong "
                      f"tệp .zip){seen}. Hãy chia thành nhiều lần.")


def too_large(limit_bytes: int) -> LimitError:
    """The error of an upload larger than ``limit_bytes``.

    Examples
    --------
    >>> print(too_large(20 * 1024 * 1024).message_vi)
    Tải lên quá lớn: mỗi lần tải lên được tối đa 20 MB. Hãy chia thành nhiều lần hoặc bớt tệp.
    """
    return LimitError(f"upload too large: at most {limit_bytes} bytes",
                      f"Tải lên quá lớn: mỗi lần tải lên được tối đa {_mb(limit_bytes)} MB. Hãy chia "
                      "thành nhiều lần hoặc bớt tệp.")


def _mb(n: int) -> str:
    value = n / (1024 * 1024)
    return f"{value:.0f}" if value >= 1 else f"{value:.2f}".replace(".", ",")


@dataclass(frozen=True)
class Entry:
    """One file to audit: its name as the reviewer knows it (``source``), where it was saved
    (``path``), or why it is not audited (``code`` and ``error``, ``path`` None)."""

    source: str
    path: Path | None
    code: str | None = None
    error: str | None = None


def display_name(name: str | None) -> str:
    """The uploaded file's name as shown: no control characters, ``\\`` as ``/``, at most 200
    characters.

    Examples
    --------
    >>> display_name("C:\\\\Users\\\\a\\x00b.docx")
    'C:/Users/ab.docx'
    >>> display_name(None)
    'tệp không tên'
    """
    text = re.sub(r"[\x00-\x1f\x7f]", "", (name or "").replace("\\", "/")).strip()
    return text[-200:] or "tệp không tên"


def _suffix(name: str) -> str:
    """The name's suffix, lower case, when it is a plain one (letters and digits); else ``""``."""
    suffix = PurePosixPath(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,10}", suffix) else ""


def save_upload(stream, name: str, folder: Path, number: int) -> Path:
    """Copy an uploaded file's stream into ``folder`` as ``NNN.suffix``; return its path."""
    path = folder / f"{number:03d}{_suffix(name)}"
    with open(path, "wb") as out:
        shutil.copyfileobj(stream, out, _CHUNK)
    return path


def _unsafe(name: str) -> bool:
    """True for a member name that climbs out of the archive's folder.

    Examples
    --------
    >>> [_unsafe(n) for n in ["a/b.md", "../b.md", "a/../../b.md", "/etc/x.md", "C:/x.md", "a\\\\..\\\\b.md"]]
    [False, True, True, True, True, True]
    """
    posix = name.replace("\\", "/")
    return posix.startswith("/") or bool(re.match(r"[A-Za-z]:", posix)) or ".." in PurePosixPath(posix).parts


def unpack_zip(archive: Path, source: str, folder: Path, first_number: int, max_unpacked: int,
               max_files: int) -> list[Entry]:
    """The entries of a zip: its members saved in ``folder`` (numbered from ``first_number``),
    or their errors; one entry with the archive's error when it cannot be unpacked.

    Parameters
    ----------
    archive : Path
        The uploaded zip.
    source : str
        Its name as uploaded; a member's entry is named ``source/member``.
    max_unpacked : int
        The most bytes its members may unpack to, together (declared and as read).
    max_files : int
        The most entries it may give.

    Raises
    ------
    LimitError
        When it holds more than ``max_files`` files.
    """
    def refused(code: str, message: str) -> list[Entry]:
        return [Entry(source, None, code, f"cannot read '{source}': {message}")]

    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return refused("damaged", f"not a readable zip archive ({exc})")
    with zf:
        members = [i for i in zf.infolist() if not i.is_dir() and not _skipped(i.filename)]
        if len(members) > max_files:
            raise too_many_files(max_files, len(members))
        if sum(i.file_size for i in members) > max_unpacked:
            return refused("too-large", f"unpacks to more than {max_unpacked} bytes")
        entries, total, saved = [], 0, []
        for k, info in enumerate(members):
            name = f"{source}/{info.filename}"
            suffix = _suffix(info.filename)
            if _unsafe(info.filename):
                entries.append(Entry(name, None, "unsafe-name",
                                     f"cannot read '{name}': its name leaves the archive's folder"))
            elif info.flag_bits & 0x1:
                entries.append(Entry(name, None, "encrypted", f"cannot read '{name}': encrypted in the archive"))
            elif suffix == ARCHIVE_SUFFIX:
                entries.append(Entry(name, None, "nested-archive",
                                     f"cannot read '{name}': an archive inside an archive; unpack it first"))
            elif suffix not in SUFFIXES:
                entries.append(Entry(name, None, "unsupported-format",
                                     f"cannot read '{name}': unsupported format '{suffix or '(none)'}'; "
                                     f"expected one of {', '.join(SUFFIXES)}"))
            else:
                path = folder / f"{first_number + k:03d}{suffix}"
                try:
                    with zf.open(info) as src, open(path, "wb") as out:
                        while chunk := src.read(_CHUNK):
                            total += len(chunk)
                            if total > max_unpacked:  # the sizes it declared were lies
                                out.close()
                                for p in [*saved, path]:
                                    p.unlink(missing_ok=True)
                                return refused("too-large", f"unpacks to more than {max_unpacked} bytes")
                            out.write(chunk)
                except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
                    path.unlink(missing_ok=True)
                    entries.append(Entry(name, None, "damaged", f"cannot read '{name}': damaged in the archive ({exc})"))
                    continue
                saved.append(path)
                entries.append(Entry(name, path))
        return entries or refused("unsupported-format", "the archive holds no file")


def _skipped(name: str) -> bool:
    """Members a reviewer did not put there: macOS resource forks, hidden files, Word locks."""
    parts = name.replace("\\", "/").split("/")
    return parts[0] == "__MACOSX" or parts[-1].startswith((".", "~$"))
