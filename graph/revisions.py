"""Reading one version of a data set: a file or folder on disk, or a file or folder in a git revision.

A version is written ``PATH`` (a claims file or a folder of them) or ``REV:PATH`` as ``git show`` reads
it: ``HEAD~1:data/claims.yaml``, ``main:data``. A path that exists on disk is always read from disk.
A revision's folder is copied out of git into a scratch folder (the claims files and their archived
texts), so it is validated exactly as a checkout would be, quotes included; problems are reported
at ``REV:PATH:LINE:COL``.

>>> with read_version("data/claims.yaml") as data:
...     len(data.claims) > 20
True
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from .dataset import Dataset
from .errors import DataError, InputError, Problem
from .load import read_dataset

MAX_REVISION_BYTES = 256 * 2**20
"""The most a revision's folder may hold; larger ones are refused, not read."""

GIT_TIMEOUT = 60


@contextlib.contextmanager
def read_version(spec: str) -> Iterator[Dataset]:
    """The validated data set a version names, for the time of the ``with`` block.

    Raises :class:`DataError` when the version has problems and :class:`InputError` when it cannot be read.
    """
    if Path(spec).exists() or ":" not in spec:
        yield read_dataset(spec)
        return
    revision, _, path = spec.partition(":")
    with tempfile.TemporaryDirectory(prefix="claimgraph-") as scratch:
        local = _check_out(revision, path or ".", Path(scratch))
        try:
            yield read_dataset(local)
        except DataError as exc:
            raise DataError([_renamed(p, scratch, f"{revision}:") for p in exc.problems]) from None


def _check_out(revision: str, path: str, scratch: Path) -> Path:
    """Copy the folder holding ``path`` at ``revision`` into ``scratch``; return where ``path`` is now."""
    kind = _git("cat-file", "-t", f"{revision}:{path}", spec=f"{revision}:{path}").strip()
    if kind not in ("blob", "tree"):
        raise InputError(f"{revision}:{path} is a git {kind}, not a file or folder")
    inside = PurePosixPath(_git("rev-parse", "--show-prefix", spec=f"{revision}:{path}").strip() or ".")
    relative = PurePosixPath(path) if not path.startswith("./") else inside / path[2:]
    folder = relative if kind == "tree" else relative.parent
    archive = _git_bytes(
        "archive", "--format=tar", f"{revision}:{folder}" if str(folder) != "." else revision, spec=f"{revision}:{path}"
    )
    target = scratch / folder
    _extract(archive, target)
    return target if kind == "tree" else target / relative.name


def _extract(archive: bytes, target: Path) -> None:
    """Unpack regular files only, each inside ``target``: a revision cannot make claimgraph write elsewhere."""
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            name = PurePosixPath(member.name)
            if not member.isfile() or name.is_absolute() or ".." in name.parts:
                continue
            destination = target.joinpath(*name.parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            if source is not None:
                destination.write_bytes(source.read())


def _git(*args: str, spec: str) -> str:
    return _git_bytes(*args, spec=spec).decode("utf-8", errors="replace")


def _git_bytes(*args: str, spec: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], capture_output=True, timeout=GIT_TIMEOUT, check=False, env={**os.environ, "LC_ALL": "C"}
        )
    except FileNotFoundError:
        raise InputError(f"{spec}: reading a git revision needs git, which is not installed") from None
    except subprocess.TimeoutExpired:
        raise InputError(f"{spec}: git took longer than {GIT_TIMEOUT} s") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        message = reason[-1].removeprefix("fatal: ") if reason else f"git exited with status {done.returncode}"
        raise InputError(f"{spec} is neither a path on disk nor a git revision:path ({message})")
    if len(done.stdout) > MAX_REVISION_BYTES:
        raise InputError(f"{spec}: the folder holds more than {MAX_REVISION_BYTES // 2**20} MiB")
    return done.stdout


def _renamed(problem: Problem, scratch: str, revision: str) -> Problem:
    """A problem found in the scratch copy, placed at REV:PATH instead."""
    name = problem.file
    if name.startswith(scratch):
        name = revision + name[len(scratch) :].lstrip("/\\")
    return Problem(name, problem.line, problem.column, problem.where, problem.message, problem.hint, problem.severity)
