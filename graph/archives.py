"""Archived source texts: which paths a claims file may name, and reading them within bounds.

A claims file is untrusted. Its ``archive:`` values must not make claimgraph
read, and then echo in a hint, a file outside the data set's folder or a hidden
one such as ``.git/config``; nor hang on a pipe, crash on a link loop, or cut a
text that is too large without saying so. Each refusal is an
:class:`ArchiveError` with a message and a fix, which the checks report at the
``archive:`` value:

>>> try:
...     archive_path(".git/config", Path("data"), Path("data"))
... except ArchiveError as refusal:
...     print(refusal.message)
the archive path goes through the hidden folder '.git'; claimgraph does not read hidden files
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .yamlparse import decode_wide_text, wide_encoding_without_bom

MAX_ARCHIVE_BYTES = 64 * 2**20
"""The largest archived text read: over ten million words."""

_NOT_CHECKED = "so quotes are not checked against it"


class ArchiveError(Exception):
    """An archived text that cannot be used, why, and how to fix it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


def archive_path(written: str, folder: Path, root: Path) -> Path:
    """The archived text that ``archive: <written>`` in a file in ``folder`` names, if it may be read.

    Raises :class:`ArchiveError` if the path has a NUL or a hidden part, leaves ``root``
    (links resolved), cannot be followed (a link loop, a name too long), or does not name a
    regular file of at most ``MAX_ARCHIVE_BYTES``. Only the file system's metadata is read.
    """
    if "\x00" in written:
        raise ArchiveError("the archive path contains a NUL character", "remove it; file names cannot contain NUL")
    path = folder / written
    _refuse_hidden(Path(written).parts)
    try:
        resolved = Path(os.path.realpath(path))
        inside = resolved.is_relative_to(os.path.realpath(root))
    except (OSError, ValueError) as exc:  # realpath gives up on some names before the file system does
        raise _unusable(path, exc) from None
    if not inside:
        raise ArchiveError(
            f"the archived text must be inside the data set's folder ({root})",
            "copy the document into the data folder (e.g. sources/); give its path relative to the YAML file",
        )
    _refuse_hidden(resolved.relative_to(os.path.realpath(root)).parts)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _unusable(path, exc) from None
    _refuse_non_text(path, info)
    return path


def _refuse_hidden(parts: tuple[str, ...]) -> None:
    for position, part in enumerate(parts):
        if part.startswith(".") and part not in (".", ".."):
            what = "file" if position == len(parts) - 1 else "folder"
            raise ArchiveError(
                f"the archive path goes through the hidden {what} {part!r}; claimgraph does not read hidden files",
                "hidden files and folders (.git, .env, ...) may hold secrets; "
                "keep archived texts in a visible folder such as sources/",
            )


def _unusable(path: Path, exc: OSError | ValueError) -> ArchiveError:
    code = exc.errno if isinstance(exc, OSError) else None
    if code == errno.ENOENT:
        return ArchiveError(
            f"archived text not found: {path}", "the path is relative to the YAML file that declares the source"
        )
    hints = {
        errno.ELOOP: "a symbolic link on the path leads back to itself; fix or remove the link",
        errno.ENAMETOOLONG: "use shorter file and folder names (at most 255 bytes each)",
        errno.EACCES: "make the file and its folders readable by the user running claimgraph",
        errno.ENOTDIR: "a part of the path that should be a folder is a file; check the path",
    }
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return ArchiveError(
        f"the archived text cannot be opened: {reason.lower()}",
        hints.get(code or 0, "check the path and that the file is readable"),
    )


def _refuse_non_text(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ArchiveError(
            f"the archive is a folder, not a file: {path}", "name the text file inside it, e.g. sources/doc.txt"
        )
    if not stat.S_ISREG(info.st_mode):
        raise ArchiveError(
            f"the archive is not a regular file: {path}", "point at a saved text file; pipes and devices are not read"
        )
    if info.st_size > MAX_ARCHIVE_BYTES:
        raise _too_large(f"{info.st_size / 2**20:,.0f} MiB")


def _too_large(size: str) -> ArchiveError:
    return ArchiveError(
        f"the archived text is {size}; claimgraph reads archived texts of up to "
        f"{MAX_ARCHIVE_BYTES // 2**20} MiB, {_NOT_CHECKED}",
        "archive only the document's own text (not a whole site, or a PDF's or page's raw bytes)",
    )


def read_archive(path: Path) -> str:
    """The text of an archived document that :func:`archive_path` accepted.

    UTF-8 (a stray invalid byte becomes U+FFFD), or UTF-16 or UTF-32 with a byte-order
    mark. Raises :class:`ArchiveError` for a file that cannot be read, has grown past the
    limit, or is binary or UTF-16 without a byte-order mark.
    """
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_ARCHIVE_BYTES + 1)
    except OSError as exc:
        raise _unusable(path, exc) from None
    if len(raw) > MAX_ARCHIVE_BYTES:
        raise _too_large("larger than that")
    wide = decode_wide_text(raw)
    if wide is not None:
        return wide
    if b"\x00" in raw:
        encoding = wide_encoding_without_bom(raw)
        if encoding:
            raise ArchiveError(
                f"the archived text is {encoding} without a byte-order mark, {_NOT_CHECKED}",
                "save it as UTF-8 (most editors offer it under 'Save with encoding')",
            )
        raise ArchiveError(
            f"the archived text contains NUL bytes: it is a binary file, not text, {_NOT_CHECKED}",
            "save the document's text as a UTF-8 .txt file",
        )
    return raw.decode("utf-8-sig", errors="replace")
