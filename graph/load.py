"""Claim files -> validated records, with every problem placed at file:line:col.

``read_dataset(path)`` reads a file or a folder of ``*.yaml`` files;
``parse_dataset(text)`` does the same for a string, so the core is testable
without files:

>>> data = parse_dataset('''
... actors:
...   - {id: a, name: A, kind: person}
... sources:
...   - {id: doc, title: A document}
... claims:
...   - {id: c1, claimant: a, kind: statement, text: A spoke., reports: [doc]}
... ''')
>>> sorted(data.claims), data.actors["a"].name
(['c1'], 'A')
>>> parse_dataset("claims:\\n  - id: c1\\n    claimaint: a\\n")
Traceback (most recent call last):
...
graph.errors.DataError: 4 errors in the claim data:
<string>:2:5: claims[0]: missing field 'kind'
...
<string>:3:5: claims[0].claimaint: unknown field 'claimaint'
    hint: did you mean 'claimant'?

The fast path pays for nothing it does not need: one pass of libyaml's parser,
one pydantic validation per file. Only when something is wrong is the file
read again with marks, to say where.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from pydantic_core import ErrorDetails

from .checks import PLACEHOLDER_ID, check_dataset
from .errors import DataError, Problem, Severity
from .models import RESPONSE_RELATIONS, SECTIONS, Actor, Claim, Document, Place, Side, Source
from .suggest import slugify, suggest_id
from .yamlparse import MAX_FILE_BYTES, Mark, Parsed, Path_, YamlError, decode_yaml_bytes, parse_yaml

PathLike = str | os.PathLike[str]
Located = tuple[int, Path_]
"""A place in the data set: the index of the file, and the path inside its document."""

_SECTION_MODELS: dict[str, type[Any]] = {
    "sides": Side,
    "actors": Actor,
    "places": Place,
    "sources": Source,
    "claims": Claim,
}


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

    @property
    def response_count(self) -> int:
        """How many responses (denials, rebuttals, ...) the claims make."""
        return sum(len(claim.responds_to) for claim in self.claims.values())


MAX_PROBLEMS = 200
"""Problems listed at most. A file under the size limit can hold millions of mistakes
(``claims: [{}, {}, ...]``); the rest are counted, and nothing is kept for them."""

_Message = str | Callable[[Callable[[Located], int]], str]
"""A problem's message, or a function of the line of another place that gives it."""


@dataclass
class _Pending:
    """A problem found but not yet placed at line:col (placing costs a read of the file)."""

    order: tuple[int, int, int, int]
    """File, rank of the section in it, record index, arrival: file order, to a record."""
    file_index: int
    path: Path_
    message: _Message
    hint: str
    severity: Severity
    on_key: bool = False
    mark: Mark | None = None
    """Where it is, when known already (YAML errors, duplicate keys)."""
    refs: tuple[Located, ...] = ()
    """Other places the message names, whose lines it needs."""


class _Collector:
    """Gathers problems as (file, path) pairs and places them at line:col at the end.

    Only the first ``MAX_PROBLEMS`` in file order are kept; the others are counted. Records
    do not overlap in a file, so the order of (section, record) is the order of lines, and
    problems are ranked by it without reading marks; only the kept ones are placed.
    """

    def __init__(self, files: list[ClaimFile]) -> None:
        self.files = files
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
        hint: str = "",
        *,
        on_key: bool = False,
        severity: Severity = "error",
        refs: tuple[Located, ...] = (),
    ) -> None:
        file_index, path = located
        order = self._order(file_index, path)
        self._add(_Pending(order, file_index, path, message, hint, severity, on_key=on_key, refs=refs))

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

        def line_of(located: Located) -> int:
            return _mark_for(read[located[0]], located[1], False)[0]

        problems = []
        for p in self.pending:
            line, column = p.mark or _mark_for(read[p.file_index], p.path, p.on_key)
            message = p.message if isinstance(p.message, str) else p.message(line_of)
            name = self.files[p.file_index].name
            problems.append(
                (p.file_index, Problem(name, line, column, format_path(p.path), message, p.hint, p.severity))
            )
        return [p for _, p in sorted(problems, key=lambda item: (item[0], item[1].line, item[1].column))]


def format_path(path: Path_) -> str:
    """``('claims', 3, 'claimant')`` -> ``'claims[3].claimant'``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _mark_for(parsed: Parsed, path: Path_, on_key: bool) -> tuple[int, int]:
    for end in range(len(path), -1, -1):
        found = parsed.marks.get(path[:end])
        if found is not None:
            key_mark, value_mark = found
            return key_mark if (on_key and key_mark and end == len(path)) else value_mark
    return 1, 1


def read_dataset(path: PathLike | Sequence[PathLike] = "data/claims.yaml", *, check_quotes: bool = True) -> Dataset:
    """Read and validate a claims file, a folder of ``*.yaml`` files, or a list of either.

    Raises :class:`graph.errors.DataError` listing every problem found, in file order.

    >>> data = read_dataset("data/claims.yaml")
    >>> data.claims["gerasimov-training"].claimant, str(data.claims["gerasimov-training"].date)
    ('gerasimov', '2017-12?')
    """
    files, problems, order = _read_files(path)
    return _validate(files, problems, check_quotes=check_quotes, order=order)


def parse_dataset(text: str, *, name: str = "<string>", folder: PathLike = ".", check_quotes: bool = True) -> Dataset:
    """Validate claim records given as YAML text; ``name`` is used in messages.

    ``folder`` stands for the file's folder: archive paths are resolved against it.
    """
    return _validate([ClaimFile(name, text, Path(folder), Path(folder))], [], check_quotes=check_quotes)


def yaml_files(path: PathLike | Sequence[PathLike]) -> list[tuple[Path, Path]]:
    """The files a path names, each with its data set's folder: the file itself, or the
    ``*.yaml`` and ``*.yml`` files directly in a folder, sorted by name."""
    paths = [Path(path)] if isinstance(path, (str, os.PathLike)) else [Path(p) for p in path]
    found: list[tuple[Path, Path]] = []
    for item in paths:
        if item.is_dir():
            names = sorted(p for p in item.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
            found.extend((name, item) for name in names)
        else:
            found.append((item, item.parent))
    return found


def _read_files(path: PathLike | Sequence[PathLike]) -> tuple[list[ClaimFile], list[Problem], list[str]]:
    """The readable files, the problems of the others, and every file's name in order."""
    files: list[ClaimFile] = []
    problems: list[Problem] = []
    names = yaml_files(path)
    if not names:
        problems.append(
            Problem(
                str(path),
                1,
                1,
                "",
                "no .yaml files in this folder",
                "point claimgraph at a claims file, or add one ending in .yaml",
            )
        )
    for name, root in names:
        try:
            text = _read_text(name)
        except YamlError as exc:
            problems.append(Problem(str(name), exc.line, exc.column, "", exc.message, exc.hint))
            continue
        except OSError as exc:
            problems.append(
                Problem(
                    str(name),
                    1,
                    1,
                    "",
                    f"cannot read the file: {exc.strerror or exc}",
                    "check the path and that the file is readable",
                )
            )
            continue
        files.append(ClaimFile(str(name), text, name.parent, root))
    return files, problems, [str(name) for name, _ in names]


def _read_text(path: Path) -> str:
    """Read the file, refusing one over the size limit without reading it (or, for pipes and
    devices, whose size is unknown, without reading more than the limit)."""
    size = path.stat().st_size
    if size <= MAX_FILE_BYTES:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) <= MAX_FILE_BYTES:
            return decode_yaml_bytes(raw)
    shown = f"{size / 2**20:,.0f} MiB" if size > MAX_FILE_BYTES else "larger than that"
    raise YamlError(
        1,
        1,
        f"the file is {shown}; claimgraph reads claim files of up to {MAX_FILE_BYTES // 2**20} MiB",
        "split the data into several .yaml files in one folder and point claimgraph at the folder",
    )


def _validate(
    files: list[ClaimFile], problems: list[Problem], *, check_quotes: bool, order: Sequence[str] = ()
) -> Dataset:
    dataset = Dataset(files=files)
    collector = _Collector(files)
    for index, claim_file in enumerate(files):
        _load_file(dataset, collector, index, claim_file)
    check_dataset(dataset, collector, check_quotes=check_quotes)
    position = {name: index for index, name in enumerate(order)}  # problems in file order, unreadable ones too
    found = sorted(problems + collector.placed(), key=lambda p: (position.get(p.file, -1), p.line, p.column))
    omitted = dict(collector.omitted)
    for unlisted in found[MAX_PROBLEMS:]:
        omitted[unlisted.severity] += 1
    found = found[:MAX_PROBLEMS]
    dataset.warnings = [p for p in found if p.severity == "warning"]
    dataset.omitted_warnings = omitted["warning"]
    error_count = sum(p.severity == "error" for p in found) + omitted["error"]
    if error_count:
        with_errors = {files[i].name for i in collector.files_with_errors} | {p.file for p in problems}
        raise DataError(
            found,
            omitted=sum(omitted.values()),
            error_count=error_count,
            files=sorted(with_errors),
            complete=collector.complete,
        )
    return dataset


def _load_file(dataset: Dataset, collector: _Collector, index: int, claim_file: ClaimFile) -> None:
    try:
        parsed = parse_yaml(claim_file.text)
    except YamlError as exc:
        collector.at_mark(index, exc.line, exc.column, exc.message, exc.hint)
        return
    if isinstance(parsed.data, dict):
        claim_file.sections = {str(key): rank for rank, key in enumerate(parsed.data)}
    if parsed.has_duplicates:
        _report_duplicate_keys(collector, index, claim_file)
    data = _top_level(parsed.data, collector, index)
    if data is None:
        return
    try:
        document = _WholeFile.model_validate(data)
    except ValidationError:
        _load_records_one_by_one(dataset, collector, index, data)
        return
    dataset.title = dataset.title or document.title
    for section in SECTIONS:
        for position, record in enumerate(getattr(document, section)):
            _register(dataset, collector, index, section, position, record)


class _WholeFile(Document):
    """The fast path's check of a whole file. It only needs to know whether the file is valid,
    so each section stops at its first bad record: pydantic's error list for a million bad
    records would take gigabytes. The slow path then finds every problem, one record at a time."""

    sides: list[Side] = Field(default_factory=list, fail_fast=True)
    actors: list[Actor] = Field(default_factory=list, fail_fast=True)
    places: list[Place] = Field(default_factory=list, fail_fast=True)
    sources: list[Source] = Field(default_factory=list, fail_fast=True)
    claims: list[Claim] = Field(default_factory=list, fail_fast=True)


def _report_duplicate_keys(collector: _Collector, index: int, claim_file: ClaimFile) -> None:
    """Each duplicate key at its line; the file is read again for their paths (not their marks)."""
    found = parse_yaml(claim_file.text, want=())
    for dup in found.duplicates:
        collector.at_mark(
            index, dup.line, dup.column, dup.message, "keep one of the two and delete the other", path=dup.path
        )
    collector.count_unlisted(index, found.duplicate_count - len(found.duplicates))


def _top_level(data: Any, collector: _Collector, index: int) -> dict[str, Any] | None:
    if data is None:
        collector.at_mark(
            index,
            1,
            1,
            "the file is empty",
            "start with a section such as 'actors:' or 'claims:' (see the README for an example)",
        )
        return None
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else f"a single value ({type(data).__name__})"
        collector.at_path(
            (index, ()),
            f"the top level is {what}, not a mapping of sections",
            "start the file with section keys: " + ", ".join(f"'{s}:'" for s in SECTIONS),
        )
        return None
    return data


def _load_records_one_by_one(dataset: Dataset, collector: _Collector, index: int, data: dict[str, Any]) -> None:
    """Slow path: validate each record alone, so one bad record does not hide the others."""
    for key in data:
        if key not in (*SECTIONS, "title"):
            collector.at_path(
                (index, (key,)), f"unknown section {key!r}", _suggest(key, SECTIONS, "section"), on_key=True
            )
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        collector.at_path((index, ("title",)), "expected text", "write the data set's name after 'title:'")
    elif isinstance(title, str) and title.strip():
        dataset.title = dataset.title or title.strip()
    for section in SECTIONS:
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            collector.at_path(
                (index, (section,)),
                f"'{section}' must be a list of records",
                f"write each record as an item starting with '- ' under '{section}:'",
            )
            continue
        for position, item in enumerate(items):
            _load_record(dataset, collector, index, section, position, item)


def _load_record(dataset: Dataset, collector: _Collector, index: int, section: str, position: int, item: Any) -> None:
    model = _SECTION_MODELS[section]
    try:
        record = model.model_validate(item)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        problems = _without_missing_typos(errors)
        if collector.past_the_listed((index, (section, position))):
            _count_unlisted_record(dataset, collector, (index, (section, position)), item, len(problems))
            return
        for error in problems:
            _report_validation_error(collector, (index, (section, position)), model, error)
        _register_invalid(dataset, collector, index, section, position, model, item, errors)
        return
    _register(dataset, collector, index, section, position, record)


def _count_unlisted_record(dataset: Dataset, collector: _Collector, located: Located, item: Any, problems: int) -> None:
    """A bad record none of whose problems can be listed: count them, keep its id for references
    to it, and do not salvage it (a file of a million bad records would hold a million models)."""
    collector.count_unlisted(located[0], problems)
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        collector.complete = False  # the salvaged record's references would have been checked
        if _claim_id(dataset, collector, located, item["id"]):
            dataset.origins[item["id"]] = located


def _without_missing_typos(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop "missing field 'claimant'" when the same record has "unknown field 'claimaint'":
    one typo, one message (whose hint says the fix)."""
    unknown = {(e["loc"][:-1], str(e["loc"][-1])) for e in errors if e["type"] == "extra_forbidden" and e["loc"]}

    def is_typo(error: ErrorDetails) -> bool:
        parent, name = error["loc"][:-1], str(error["loc"][-1])
        return any(p == parent and suggest_id(u, [name]) for p, u in unknown)

    return [e for e in errors if not (e["type"] == "missing" and e["loc"] and is_typo(e))]


def _register_invalid(
    dataset: Dataset,
    collector: _Collector,
    index: int,
    section: str,
    position: int,
    model: type[Any],
    item: Any,
    errors: list[ErrorDetails],
) -> None:
    """Keep what can be kept of a bad record, so its other mistakes are reported in the same run."""
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        return
    bad_fields = {error["loc"][0] for error in errors if error["loc"]}
    kept = {k: v for k, v in item.items() if k not in bad_fields}
    placeholders = _PLACEHOLDERS.get(section, {})
    for name in bad_fields & placeholders.keys():
        kept[str(name)] = placeholders[str(name)]
    try:
        salvaged = model.model_validate(kept)
    except ValidationError:
        if _claim_id(dataset, collector, (index, (section, position)), item["id"]):
            dataset.origins[item["id"]] = (index, (section, position))
        return
    _register(dataset, collector, index, section, position, salvaged)


_PLACEHOLDERS: dict[str, dict[str, Any]] = {
    "sides": {"name": "-"},
    "actors": {"name": "-", "kind": "organisation"},
    "places": {"name": "-"},
    "sources": {"title": "-"},
    "claims": {"kind": "statement", "text": "-", "claimant": PLACEHOLDER_ID, "reports": [PLACEHOLDER_ID]},
}
"""Stand-ins for required fields that are missing or wrong, so a record with a typo in its
kind or claimant still has its other references and quotes checked. Reference checks take
PLACEHOLDER_ID as known. The record is never returned: its errors stand."""


def _register(dataset: Dataset, collector: _Collector, index: int, section: str, position: int, record: Any) -> None:
    located: Located = (index, (section, position))
    if _claim_id(dataset, collector, located, record.id):
        dataset.origins[record.id] = located
        dataset.section(section)[record.id] = record


def _claim_id(dataset: Dataset, collector: _Collector, located: Located, record_id: str) -> bool:
    """Reserve an id for the record at ``located``; report a duplicate and return False if it is taken."""
    first = dataset.origins.get(record_id)
    if first is None:
        return True
    first_file = dataset.files[first[0]].name

    def message(line_of: Callable[[Located], int]) -> str:
        return f"duplicate id {record_id!r}: already used at {first_file}:{line_of(first)} ({format_path(first[1])})"

    collector.at_path(
        (located[0], (*located[1], "id")),
        message,
        "ids must be unique across all sections and files; rename one of them",
        refs=(first,),
    )
    return False


def _report_validation_error(collector: _Collector, record_at: Located, model: type[Any], error: ErrorDetails) -> None:
    file_index, record_path = record_at
    loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    path = (*record_path, *loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        field_name = str(loc[-1])
        fields = _fields_at(model, loc[:-1])
        collector.at_path(
            (file_index, path), f"unknown field {field_name!r}", _suggest(field_name, fields, "field"), on_key=True
        )
    elif kind == "missing":
        collector.at_path((file_index, path[:-1]), f"missing field {loc[-1]!r}", f"add '{loc[-1]}:' to this record")
    else:
        collector.at_path((file_index, path), _clean_message(error), _hint_for(error))


def _fields_at(model: type[Any], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the (nested) model a location points into."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = current.model_fields[part].annotation
        inner = _model_in(annotation)
        if inner is None:
            break
        current = inner
    return list(current.model_fields)


def _model_in(annotation: Any) -> type[Any] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)  # Annotated[Report, ...] keeps the model here
    return _model_in(origin) if origin is not None and origin is not annotation else None


_PLAIN_MESSAGES = {
    "list_type": "expected a list",
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "model_type": "expected a mapping of keys and values",
    "dict_type": "expected a mapping of keys and values",
    "string_too_short": "is empty",
    "too_short": "needs at least one item",
}
"""Pydantic's wording ("Input should be a valid list") in the words of a claims file."""


def _clean_message(error: ErrorDetails) -> str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind in ("enum", "literal_error"):
        return f"{value!r} is not an allowed value"
    if value is None and kind in ("string_type", "list_type", "model_type", "dict_type"):
        return "is empty"
    if kind == "too_long" and "actual_length" in ctx:
        return f"has {ctx['actual_length']:,} items; a list holds at most {ctx['max_length']:,}"
    if kind in ("less_than_equal", "greater_than_equal"):
        bound = "at most" if kind == "less_than_equal" else "at least"
        limit = ctx.get("le", ctx.get("ge"))
        return f"must be {bound} {limit} (got {value!r})"
    if kind == "string_type" and _names_an_id(error["loc"]):
        return f"expected an id (got {value!r})"
    message = _PLAIN_MESSAGES.get(kind, error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if isinstance(value, (str, int, float)) and str(value) not in message:
        return f"{message} (got {value!r})"
    return message


_ID_FIELDS = frozenset(
    {"id", "side", "member_of", "publisher", "claimant", "targets", "places", "source", "via", *RESPONSE_RELATIONS}
)


def _names_an_id(loc: tuple[int | str, ...]) -> bool:
    """Whether a location is an id or a reference (``member_of[1]``, ``responds_to[0].denies``)."""
    return any(isinstance(part, str) and part in _ID_FIELDS for part in loc[-2:])


def _hint_for(error: ErrorDetails) -> str:
    kind = error["type"]
    loc = error["loc"]
    field_name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "string_pattern_mismatch" and isinstance(error.get("input"), str):
        return f"ids are lowercase slugs of letters, digits and hyphens; try {slugify(error['input'])!r}"
    if kind == "enum" or kind == "literal_error":
        expected = str((error.get("ctx") or {}).get("expected", ""))
        choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
        close = suggest_id(str(error.get("input")), choices)
        return (f"did you mean {close[0]!r}? " if close else "") + f"allowed: {', '.join(choices)}"
    if kind == "too_long" and "actual_length" in (error.get("ctx") or {}):
        return "check for items pasted or generated by mistake"
    if field_name == "responds_to" or ("responds_to" in loc and kind in ("model_type", "dict_type")):
        return "write each response as '- denies: <claim id>' (or rebuts, supports, concedes, repeats)"
    if error.get("input") is None and field_name:
        return f"write a value after '{field_name}:'"
    if kind == "list_type":
        return f"write '{field_name}' as a list, [a, b], or one '- item' per line; quote text that looks like a number"
    if kind == "string_type" and field_name:
        return f"quote the value of '{field_name}' if it looks like a number or a date"
    if field_name in ("date", "published") and "YYYY" not in error["msg"]:
        return "write YYYY, YYYY-MM or YYYY-MM-DD, with ~ for approximate or ? for uncertain"
    if field_name == "url":
        return "use a full http:// or https:// address"
    if field_name == "credibility":
        return "Admiralty information credibility: 1 (confirmed) to 6 (cannot be judged)"
    return ""


def _suggest(word: str, choices: Iterable[str], what: str) -> str:
    choices = list(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    return f"known {what}s: " + ", ".join(choices)
