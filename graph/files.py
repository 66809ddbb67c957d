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
import stat
import tempfile
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


def write_new_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to a file that must not exist yet, atomically; refuse (OutputError) if it does.

    The text is written to a temporary file which is then linked to the target name: the link fails if
    a file of that name appeared meanwhile, so nothing is ever overwritten.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "draft.yaml"
    >>> write_new_text(target, "claims: []\\n") == target
    True
    >>> write_new_text(target, "again")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.OutputError: ... already exists; choose a new file name (nothing was overwritten)
    """
    target = Path(path)
    if target.exists() or target.is_symlink():
        raise OutputError(f"{target} already exists; choose a new file name (nothing was overwritten)")
    scratch = target.parent / f".{target.name}.new"
    write_text_atomic(scratch, text)
    try:
        os.link(scratch, target)
    except FileExistsError:
        raise OutputError(f"{target} already exists; choose a new file name (nothing was overwritten)") from None
    except OSError:  # a file system without hard links: check, then move (a narrow race, but still no overwrite
        if target.exists():  # of a file that existed when we looked)
            raise OutputError(f"{target} already exists; choose a new file name (nothing was overwritten)") from None
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    return target


def _read_umask() -> int:
    # The only way to read the umask is to set it; done once, at import, before any threads write.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_NEW_FILE_MODE = 0o666 & ~_read_umask()


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return _NEW_FILE_MODE
