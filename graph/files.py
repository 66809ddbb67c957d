"""Writing outputs: atomically to files, in place to devices and pipes, never over an input.

A reader never sees half a file: the text goes to a temporary file beside the
target, flushed to disk, which then replaces the target in one step. If
anything goes wrong (an error, Ctrl-C, or a signal the command line turns into
an exception) the temporary file is removed and the target is untouched. A
symlink stays a symlink: the file it points to is the one replaced.

Devices, pipes and the names of open descriptors (``/dev/stdout``,
``/dev/fd/3``) cannot be replaced that way, and must not be: they are opened
and written in place.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out" / "graph.json"
>>> write_text_atomic(target, "{}\\n") == target, target.read_text()
(True, '{}\\n')
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import OutputError

STANDARD_OUTPUT = "-"
"""The output name that means standard output (``-o -``)."""

CLAIM_FILE_SUFFIXES = (".yaml", ".yml")
"""Claim data is never an output, so an existing file with one of these endings is never replaced."""


def output_path(output: str | os.PathLike[str], default_name: str) -> Path:
    """Where an output named ``output`` goes: there, or ``default_name`` inside it when it names
    a folder (one that exists, or any name ending in ``/``), as ``cp`` does.

    >>> output_path("out/", "claims.html"), output_path("out/page.html", "claims.html")
    (PosixPath('out/claims.html'), PosixPath('out/page.html'))
    """
    text = os.fspath(output)
    path = Path(text)
    return path / default_name if text.endswith(("/", os.sep)) or path.is_dir() else path


def refuse_overwriting(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Raise :class:`OutputError` when writing ``output`` would destroy a file the user keeps:
    one of ``inputs`` under any name (a symlink, a hard link, a path through a linked folder),
    or an existing ``.yaml`` or ``.yml`` file, which can only be claim data.

    >>> refuse_overwriting("data/claims.yaml", ["data/claims.yaml"])
    Traceback (most recent call last):
    ...
    graph.errors.OutputError: refusing to overwrite data/claims.yaml: it is the input data/claims.yaml; ...
    """
    try:
        found = os.stat(output)
    except (OSError, ValueError):
        return  # nothing there to destroy (or the write will say what is wrong)
    if not stat.S_ISREG(found.st_mode):
        return  # writing to a device or pipe destroys nothing
    for item in inputs:
        try:
            same = os.path.samestat(found, os.stat(item))
        except (OSError, ValueError):
            continue
        if same:
            raise OutputError(
                f"refusing to overwrite {os.fspath(output)}: it is the input {os.fspath(item)}; "
                "choose another output file"
            )
    if Path(os.path.realpath(output)).suffix.lower() in CLAIM_FILE_SUFFIXES:
        raise OutputError(
            f"refusing to overwrite {os.fspath(output)}: claimgraph never replaces a .yaml file "
            "(claim data is never an output); choose another output file"
        )


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to ``path`` as UTF-8, creating its folder; return the path.

    A regular file is replaced atomically, keeping its permissions (a new one
    gets the usual ``0o666`` less the umask); a device or pipe is written in place.
    Raises :class:`OutputError` saying why when the text cannot be written;
    a pipe whose reader went away raises ``BrokenPipeError`` as usual.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeError as exc:
        raise OutputError(f"cannot write {os.fspath(path)}: {exc}") from None
    return write_bytes_atomic(path, data)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` as :func:`write_text_atomic` writes text (a PNG, say); return the path.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "picture.png"
    >>> write_bytes_atomic(target, b"\\x89PNG") == target, target.read_bytes()
    (True, b'\\x89PNG')
    """
    target = Path(path)
    try:
        if _written_in_place(target):
            _write_in_place(target, data)
        else:
            _replace(Path(os.path.realpath(target)), data)
    except BrokenPipeError:
        raise
    except (OSError, UnicodeError, ValueError) as exc:
        raise OutputError(f"cannot write {target}: {getattr(exc, 'strerror', None) or exc}") from None
    return target


def write_standard_output(text: str) -> None:
    """Write ``text`` to standard output and flush it, so a full disk is reported now.

    Raises :class:`OutputError` when standard output is closed or cannot take
    the text; a reader that went away (``| head``) raises ``BrokenPipeError`` as usual.
    """
    stream = sys.stdout
    if stream is None:
        raise OutputError("cannot write standard output: it is closed")
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot write standard output: {getattr(exc, 'strerror', None) or exc}") from None


def write_standard_output_bytes(data: bytes) -> None:
    """Write ``data`` to standard output as :func:`write_standard_output` writes text.

    Raises :class:`OutputError` when standard output is a terminal, which binary data would garble.
    """
    stream = sys.stdout
    if stream is None:
        raise OutputError("cannot write standard output: it is closed")
    if stream.isatty():
        raise OutputError("refusing to write binary data to a terminal; name a file with -o or redirect the output")
    try:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError, AttributeError) as exc:
        raise OutputError(f"cannot write standard output: {getattr(exc, 'strerror', None) or exc}") from None


def _written_in_place(target: Path) -> bool:
    """Whether ``target`` is a device, a pipe or an open descriptor's name, rather than a file to replace."""
    if _names_a_descriptor(target):
        return True  # may lead to the very file a shell opened with `>`: write into it, as `>` would
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _names_a_descriptor(target: Path) -> bool:
    """``/dev/stdout``, ``/dev/fd/3``, ``/proc/self/fd/1``, or a symlink leading to one of them."""
    name = os.path.abspath(target)
    for _ in range(40):  # the kernel's limit on symlinks followed
        if name in ("/dev/stdout", "/dev/stderr") or name.startswith(("/dev/fd/", "/proc/")):
            return True
        try:
            link = os.readlink(name)
        except OSError:
            return False
        name = os.path.normpath(os.path.join(os.path.dirname(name), link))
    return False


def _write_in_place(target: Path, data: bytes) -> None:
    with open(target, "wb") as handle:
        handle.write(data)


TEMPORARY_PREFIX = ".claimgraph-"
"""Temporary files are ``.claimgraph-XXXXXXXX.tmp``: short, so any target name that fits fits beside it."""


def _replace(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary: str | None = None
    try:
        fd, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise


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


_UMASK = _read_umask()
_NEW_FILE_MODE = 0o666 & ~_UMASK


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return _NEW_FILE_MODE
