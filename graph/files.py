"""Writing output files atomically, as UTF-8 whatever the locale.

A reader never sees half a file: the text goes to a temporary file in the
same folder, flushed to disk, which then replaces the target in one step. If
anything goes wrong the temporary file is removed and the target is untouched.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out" / "graph.json"
>>> write_text_atomic(target, "{}\\n") == target, target.read_text()
(True, '{}\\n')
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import OutputError


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to ``path`` as UTF-8, creating its folder; return the path.

    An existing file keeps its permissions; a new one gets the usual ones (``0o666`` less the umask).
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, (OSError, UnicodeError)):
            raise OutputError(f"cannot write {target}: {getattr(exc, 'strerror', None) or exc}") from None
        raise
    return target


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name the same existing file (through links, ``..`` or another spelling)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_files_atomic(folder: str | os.PathLike[str], files: Mapping[str, str]) -> list[Path]:
    """Write several files into ``folder``; return their paths.

    A new folder is filled under a temporary name and then renamed, so it
    appears whole or not at all; in an existing folder each file is replaced
    atomically and other files are left alone.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "neo4j"
    >>> [p.name for p in write_files_atomic(target, {"a.csv": "x\\n", "b.csv": "y\\n"})]
    ['a.csv', 'b.csv']
    """
    target = Path(folder)
    if any(Path(name).name != name or name in ("", ".", "..") for name in files):
        raise ValueError(f"file names must not contain folders: {sorted(files)}")
    if target.exists() and not target.is_dir():
        raise OutputError(f"cannot write into {target}: it is a file, not a folder")
    if target.is_dir():
        return [write_text_atomic(target / name, text) for name, text in files.items()]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        for name, text in files.items():
            write_text_atomic(scratch / name, text)
        scratch.chmod(0o777 & ~_UMASK)  # mkdtemp makes it 0o700; a folder gets the usual mode
        scratch.rename(target)
    except BaseException as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
        raise
    return [target / name for name in files]


def _read_umask() -> int:
    # The only way to read the umask is to set it; done once, at import, before any threads write.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_UMASK = _read_umask()
_NEW_FILE_MODE = 0o666 & ~_UMASK


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return _NEW_FILE_MODE
