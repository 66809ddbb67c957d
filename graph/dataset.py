"""The records of a data set and the problems found in them: the container both the YAML reader
(:mod:`graph.load`) and the cross-record rules (:mod:`graph.checks`) fill, so neither imports the other.

>>> data = Dataset()
>>> data.section("claims"), format_path(("claims", 3, "claimant"))
({}, 'claims[3].claimant')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .errors import Problem, Severity
from .models import Actor, Claim, Evidence, Place, Proposition, Side, Source
from .text import shortened
from .yamlparse import Mark, Parsed, Path_, YamlError, parse_yaml

Located = tuple[int, Path_]
"""A place in the data set: the index of the file, and the path inside its document."""


class HintWriter(Protocol):
    """Writes the fix for a reference that names no record, once every record is read
    (:class:`graph.checks.ReferenceHints`)."""

    @property
    def defined(self) -> dict[str, set[str]]: ...

    def hint(self, ref: str, section: str) -> str: ...


@dataclass
class ClaimFile:
    """One YAML file of the data set, as read."""

    name: str
    text: str
    folder: Path
    root: Path
    """The data set's folder: archived texts must lie inside it."""
    sections: dict[str, int] = field(default_factory=dict)
    """The rank of each top-level key in the file (problems are kept in file order by it)."""

    def marks_of(self, paths: Iterable[Path_]) -> Parsed:
        """The file read again, keeping the marks of ``paths`` and of every path that contains
        one (where a missing field is reported): memory for those few, time up to the last."""
        wanted = {path[:end] for path in paths for end in range(len(path) + 1)}
        try:
            return parse_yaml(self.text, want=wanted)
        except YamlError:
            return Parsed(data=None)


@dataclass
class Dataset:
    """Every record of a data set, merged across files and keyed by id, in file order."""

    sides: dict[str, Side] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    propositions: dict[str, Proposition] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    files: list[ClaimFile] = field(default_factory=list)
    origins: dict[str, Located] = field(default_factory=dict)
    """Where each record was written: ``origins[id] == (file index, ('claims', 3))``."""
    warnings: list[Problem] = field(default_factory=list)
    """The first ``MAX_PROBLEMS`` warnings, in file order."""
    omitted_warnings: int = 0
    """Warnings past the first ``MAX_PROBLEMS``, counted but not kept."""
    title: str | None = None
    """The data set's name: the ``title`` of the first file that has one."""

    def section(self, name: str) -> dict[str, Any]:
        """The records of one section by id: ``data.section('claims')``."""
        records: dict[str, Any] = getattr(self, name)
        return records

    def archive_path(self, source_id: str) -> Path | None:
        """The archived text of a source, resolved against the file that declared it."""
        source = self.sources[source_id]
        if source.archive is None:
            return None
        file_index = self.origins[source_id][0]
        return self.files[file_index].folder / source.archive

    def input_paths(self) -> list[Path]:
        """Every file the data came from, which no output may replace: the YAML files and the archived texts."""
        archives = [path for source in self.sources if (path := self.archive_path(source)) is not None]
        return [Path(f.name) for f in self.files if not f.name.startswith("<")] + archives

    @property
    def response_count(self) -> int:
        """How many responses (denials, rebuttals, ...) the claims make."""
        return sum(len(claim.responds_to) for claim in self.claims.values())


Hint = str | Callable[[], str]
"""The fix for a problem, or a function that writes it once every record is read (a reference
written as a name is matched against the names of all records, in every file)."""

MAX_PROBLEMS = 200
"""Problems listed at most. A file under the size limit can hold millions of mistakes
(``claims: [{}, {}, ...]``); the rest are counted, and nothing is kept for them."""


@dataclass
class Lookup:
    """What a message may need of the files once its problem is placed: the line of another place
    (a duplicate id's first use), and how a value was written (``010``, not ``10``)."""

    read: dict[int, Parsed]

    def line_of(self, located: Located) -> int:
        return _mark_for(self.read[located[0]], located[1], False)[0]

    def written(self, located: Located) -> str | None:
        parsed = self.read.get(located[0])
        return parsed.written.get(located[1]) if parsed is not None else None


_Message = str | Callable[[Lookup], str]
"""A problem's message, or a function that writes it once the problem is placed."""


@dataclass
class _Pending:
    """A problem found but not yet placed at line:col (placing costs a read of the file)."""

    order: tuple[int, int, int, int]
    """File, rank of the section in it, record index, arrival: file order, to a record."""
    file_index: int
    path: Path_
    message: _Message
    hint: Hint
    severity: Severity
    on_key: bool = False
    mark: Mark | None = None
    """Where it is, when known already (YAML errors, duplicate keys)."""
    refs: tuple[Located, ...] = ()
    """Other places the message names, whose lines it needs."""


class Collector:
    """Gathers problems as (file, path) pairs and places them at line:col at the end.

    Only the first ``MAX_PROBLEMS`` in file order are kept; the others are counted. Records
    do not overlap in a file, so the order of (section, record) is the order of lines, and
    problems are ranked by it without reading marks; only the kept ones are placed.
    """

    def __init__(self, files: list[ClaimFile], hints: HintWriter) -> None:
        self.files = files
        self.hints = hints
        self.pending: list[_Pending] = []
        self.omitted = {"error": 0, "warning": 0}
        self.files_with_errors: set[int] = set()
        self.cutoff: tuple[int, int, int] | None = None
        """The record of the last problem listed, once ``MAX_PROBLEMS`` are kept: problems of
        later records can only be counted."""
        self.complete = True
        """False once a record was left out of the cross-record checks (see ``past_the_listed``)."""

    def at_mark(self, file_index: int, line: int, column: int, message: str, hint: str = "", path: Path_ = ()) -> None:
        self._add(
            _Pending(self._order(file_index, path), file_index, path, message, hint, "error", mark=(line, column))
        )

    def at_path(
        self,
        located: Located,
        message: _Message,
        hint: Hint = "",
        *,
        on_key: bool = False,
        severity: Severity = "error",
        refs: tuple[Located, ...] = (),
    ) -> None:
        file_index, path = located
        order = self._order(file_index, path)
        self._add(_Pending(order, file_index, path, message, hint, severity, on_key=on_key, refs=refs))

    def reference_hint(self, ref: str, section: str) -> Hint:
        """The fix for a reference to ``section`` that is no id, written once all records are read."""
        return lambda: self.hints.hint(ref, section)

    def _order(self, file_index: int, path: Path_) -> tuple[int, int, int, int]:
        section = self.files[file_index].sections.get(str(path[0]), -1) if path else -1
        record = path[1] if len(path) > 1 and isinstance(path[1], int) else -1
        return (file_index, section, record, len(self.pending) + sum(self.omitted.values()))

    def past_the_listed(self, located: Located) -> bool:
        """Whether no problem of the record at ``located`` can be among those listed."""
        return self.cutoff is not None and self._order(*located)[:3] > self.cutoff

    def count_unlisted(self, file_index: int, errors: int) -> None:
        """Count errors found but not even recorded (past the first ``MAX_PROBLEMS``)."""
        self.omitted["error"] += errors
        if errors:
            self.files_with_errors.add(file_index)

    def _add(self, pending: _Pending) -> None:
        if pending.severity == "error":
            self.files_with_errors.add(pending.file_index)
        self.pending.append(pending)
        if len(self.pending) >= 4 * MAX_PROBLEMS:
            self._keep_first()

    def _keep_first(self) -> None:
        self.pending.sort(key=lambda p: p.order)
        for dropped in self.pending[MAX_PROBLEMS:]:
            self.omitted[dropped.severity] += 1
        del self.pending[MAX_PROBLEMS:]
        if len(self.pending) == MAX_PROBLEMS:
            file_index, section, record, _ = self.pending[-1].order
            self.cutoff = (file_index, section, record)

    def placed(self) -> list[Problem]:
        """The first ``MAX_PROBLEMS`` problems, placed at line:col, in file order."""
        self._keep_first()
        wanted: dict[int, list[Path_]] = {}
        for pending in self.pending:
            if pending.mark is None:
                wanted.setdefault(pending.file_index, []).append(pending.path)
            for file_index, path in pending.refs:
                wanted.setdefault(file_index, []).append(path)
        read = {index: self.files[index].marks_of(paths) for index, paths in wanted.items()}
        look = Lookup(read)

        problems = []
        for p in self.pending:
            line, column = p.mark or _mark_for(read[p.file_index], p.path, p.on_key)
            message = p.message if isinstance(p.message, str) else p.message(look)
            hint = p.hint if isinstance(p.hint, str) else p.hint()
            name = self.files[p.file_index].name
            problems.append((p.file_index, Problem(name, line, column, format_path(p.path), message, hint, p.severity)))
        return [p for _, p in sorted(problems, key=lambda item: (item[0], item[1].line, item[1].column))]


def format_path(path: Path_) -> str:
    """``('claims', 3, 'claimant')`` -> ``'claims[3].claimant'``; a long key is cut short."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{shortened(part)}" if text else shortened(part))
    return text


def _mark_for(parsed: Parsed, path: Path_, on_key: bool) -> tuple[int, int]:
    for end in range(len(path), -1, -1):
        found = parsed.marks.get(path[:end])
        if found is not None:
            key_mark, value_mark = found
            return key_mark if (on_key and key_mark and end == len(path)) else value_mark
    return 1, 1
