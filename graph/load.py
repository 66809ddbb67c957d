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

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from pydantic_core import ErrorDetails

from .bulk import bulk_work
from .checks import PLACEHOLDER_ID, ReferenceHints, check_dataset
from .dataset import (
    MAX_PROBLEMS,
    ClaimFile,
    Collector,
    Dataset,
    Hint,
    Located,
    Lookup,
    format_path,
)
from .errors import DataError, InvalidValue, Problem
from .models import (
    SECTION_MODELS,
    SECTIONS,
    Actor,
    Claim,
    Document,
    Evidence,
    Place,
    Proposition,
    Side,
    Source,
    TopLevelRecord,
)
from .suggest import id_from_text, id_hint, suggest_id, why_not_an_id
from .text import shortened, shown
from .vocabulary import RESPONSE_RELATIONS, STANCES
from .yamlparse import MAX_FILE_BYTES, Path_, YamlError, decode_yaml_bytes, parse_yaml

PathLike = str | bytes | os.PathLike[str] | os.PathLike[bytes]

_SECTION_MODELS: dict[str, type[Any]] = SECTION_MODELS


@bulk_work
def read_dataset(path: PathLike | Sequence[PathLike] = "data/claims.yaml", *, check_quotes: bool = True) -> Dataset:
    """Read and validate a claims file, a folder of ``*.yaml`` files, or a list of either.

    Raises :class:`graph.errors.DataError` listing every problem found, in file order.

    >>> data = read_dataset("data/claims.yaml")
    >>> data.claims["gerasimov-training"].claimant, str(data.claims["gerasimov-training"].date)
    ('gerasimov', '2017-12?')
    """
    files, problems, order = _read_files(path)
    return _validate(files, problems, check_quotes=check_quotes, order=order)


@bulk_work
def parse_dataset(text: str, *, name: str = "<string>", folder: PathLike = ".", check_quotes: bool = True) -> Dataset:
    """Validate claim records given as YAML text; ``name`` is used in messages.

    ``folder`` stands for the file's folder: archive paths are resolved against it.
    """
    root = Path(os.fsdecode(folder))
    return _validate([ClaimFile(name, text, root, root)], [], check_quotes=check_quotes)


def yaml_files(path: PathLike | Sequence[PathLike]) -> list[tuple[Path, Path]]:
    """The files a path names, each with its data set's folder: the file itself, or the
    ``*.yaml`` and ``*.yml`` files directly in a folder, sorted by name.

    Raises ``OSError`` when a folder cannot be listed.
    """
    found: list[tuple[Path, Path]] = []
    for item in _paths(path):
        found.extend(_yaml_files_in(item))
    return found


def _paths(path: PathLike | Sequence[PathLike]) -> list[Path]:
    """One path or several, as paths (``bytes`` decoded as the file system does)."""
    items = [path] if isinstance(path, (str, bytes, os.PathLike)) else path
    return [Path(os.fsdecode(item)) for item in items]


def _yaml_files_in(item: Path) -> list[tuple[Path, Path]]:
    if item.is_dir():
        return [
            (name, item) for name in sorted(p for p in item.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        ]
    return [(item, item.parent)]


def _read_files(path: PathLike | Sequence[PathLike]) -> tuple[list[ClaimFile], list[Problem], list[str]]:
    """The readable files, the problems of the others, and every file's name in order."""
    files: list[ClaimFile] = []
    problems: list[Problem] = []
    names: list[tuple[Path, Path]] = []
    for item in _paths(path):
        try:
            names.extend(_yaml_files_in(item))
        except OSError as exc:
            problems.append(
                Problem(
                    str(item),
                    1,
                    1,
                    "",
                    f"cannot list the folder: {exc.strerror or exc}",
                    "check that the folder exists and that you may read it",
                )
            )
    if not names and not problems:
        problems.append(
            Problem(
                ", ".join(map(str, _paths(path))),
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
    collector = Collector(files, ReferenceHints(dataset))
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


def _load_file(dataset: Dataset, collector: Collector, index: int, claim_file: ClaimFile) -> None:
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
    propositions: list[Proposition] = Field(default_factory=list, fail_fast=True)
    evidence: list[Evidence] = Field(default_factory=list, fail_fast=True)
    sources: list[Source] = Field(default_factory=list, fail_fast=True)
    claims: list[Claim] = Field(default_factory=list, fail_fast=True)


def _report_duplicate_keys(collector: Collector, index: int, claim_file: ClaimFile) -> None:
    """Each duplicate key at its line; the file is read again for their paths (not their marks)."""
    found = parse_yaml(claim_file.text, want=())
    for dup in found.duplicates:
        collector.at_mark(
            index, dup.line, dup.column, dup.message, "keep one of the two and delete the other", path=dup.path
        )
    collector.count_unlisted(index, found.duplicate_count - len(found.duplicates))


def _top_level(data: Any, collector: Collector, index: int) -> dict[str, Any] | None:
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


def _load_records_one_by_one(dataset: Dataset, collector: Collector, index: int, data: dict[str, Any]) -> None:
    """Slow path: validate each record alone, so one bad record does not hide the others."""
    for key in data:
        if key not in (*SECTIONS, "title"):
            collector.at_path(
                (index, (key,)), f"unknown section {shown(key)}", _suggest(key, SECTIONS, "section"), on_key=True
            )
    try:
        title = Document.model_validate({"title": data.get("title")}).title
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _report_validation_error(collector, (index, ()), Document, error)
    else:
        dataset.title = dataset.title or title
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


def _load_record(dataset: Dataset, collector: Collector, index: int, section: str, position: int, item: Any) -> None:
    model = _SECTION_MODELS[section]
    try:
        record = model.model_validate(item)
    except ValidationError as exc:
        errors = [_as_written(item, error) for error in exc.errors(include_url=False)]
        problems = _without_missing_typos(errors)
        if collector.past_the_listed((index, (section, position))):
            _count_unlisted_record(dataset, collector, (index, (section, position)), item, len(problems))
            return
        for error in problems:
            _report_validation_error(collector, (index, (section, position)), model, error)
        _register_invalid(dataset, collector, index, section, position, model, item, errors)
        return
    _register(dataset, collector, index, section, position, record)


def _as_written(item: Any, error: ErrorDetails) -> ErrorDetails:
    """An error on item 0 of a list that the file wrote as one value (``claimant: x`` for ``[x]``) is put
    at the value itself, where the file has it."""
    loc = error["loc"]
    if len(loc) >= 2 and loc[-1] == 0 and isinstance(loc[-2], str):
        value = item
        for part in loc[:-1]:
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, str):
            return {**error, "loc": loc[:-1]}
    return error


def _count_unlisted_record(dataset: Dataset, collector: Collector, located: Located, item: Any, problems: int) -> None:
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
    collector: Collector,
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
    "propositions": {"statement": "-"},
    "evidence": {"name": "-", "kind": "event"},
    "sources": {"title": "-"},
    "claims": {"kind": "statement", "text": "-", "claimant": PLACEHOLDER_ID, "reports": [PLACEHOLDER_ID]},
}
"""Stand-ins for required fields that are missing or wrong, so a record with a typo in its
kind or claimant still has its other references and quotes checked. Reference checks take
PLACEHOLDER_ID as known. The record is never returned: its errors stand."""


def _register(dataset: Dataset, collector: Collector, index: int, section: str, position: int, record: Any) -> None:
    located: Located = (index, (section, position))
    if _claim_id(dataset, collector, located, record.id):
        dataset.origins[record.id] = located
        dataset.section(section)[record.id] = record


def _claim_id(dataset: Dataset, collector: Collector, located: Located, record_id: str) -> bool:
    """Reserve an id for the record at ``located``; report a duplicate and return False if it is taken."""
    first = dataset.origins.get(record_id)
    if first is None:
        return True
    first_file = dataset.files[first[0]].name

    def message(look: Lookup) -> str:
        return (
            f"duplicate id {record_id!r}: already used at {first_file}:{look.line_of(first)} ({format_path(first[1])})"
        )

    collector.at_path(
        (located[0], (*located[1], "id")),
        message,
        "ids must be unique across all sections and files; rename one of them",
        refs=(first,),
    )
    return False


def _report_validation_error(collector: Collector, record_at: Located, model: type[Any], error: ErrorDetails) -> None:
    file_index, record_path = record_at
    loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    path = (*record_path, *loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        field_name = str(loc[-1])
        fields = _fields_at(model, loc[:-1])
        collector.at_path(
            (file_index, path), f"unknown field {shown(field_name)}", _suggest(field_name, fields, "field"), on_key=True
        )
    elif kind == "missing":
        collector.at_path((file_index, path[:-1]), f"missing field {loc[-1]!r}", f"add '{loc[-1]}:' to this record")
    else:
        value = error.get("input")
        placed: list[_Found] = []

        def message(look: Lookup) -> str:  # written once placed, so the value shows as the file writes it
            placed.append(_Found(error, loc, _echo(look.written((file_index, path)), path, value)))
            return placed[0].message()

        def hint() -> str:  # the collector writes it after the message
            written = placed[0].hint(collector.reference_hint)
            return written() if callable(written) else written

        collector.at_path((file_index, path), message, hint)


def _fields_at(model: type[Any], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the (nested) model a location points into."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = {info.alias or name: info for name, info in current.model_fields.items()}
        if part not in fields:
            break
        inner = _model_in(fields[part].annotation)
        if inner is None:
            break
        current = inner
    shared = TopLevelRecord.model_fields  # fields every record has (draft) come after the record's own
    names = [name for name in current.model_fields if name not in shared] + [
        n for n in current.model_fields if n in shared
    ]
    return [current.model_fields[name].alias or name for name in names]


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
    "string_pattern_mismatch": "is not in the expected form",
}
"""Pydantic's wording ("Input should be a valid list") in the words of a claims file."""

_REFERENCES = {
    "side": "sides",
    "member_of": "actors",
    "publisher": "actors",
    "claimant": "actors",
    "targets": "actors",
    "via": "actors",
    "places": "places",
    "source": "sources",
    "actor": "actors",
    "implicates": "actors",
    "by": "actors",
    "translated_by": "actors",
    "cites": "evidence",
    "said_at": "places",
    "rests_on": "claims",
    "on": "claims",
    **dict.fromkeys(RESPONSE_RELATIONS, "claims"),
    **dict.fromkeys(STANCES, "propositions"),
}
"""Each field that names another record, and the section that record belongs in."""

ReferenceHint = Callable[[str, str], Hint]


def _echo(written: str | None, path: Path_, value: Any) -> str:
    """A value as a message shows it: text quoted (and cut when long), numbers and booleans as the
    file writes them (``written``: ``010``, not ``10``); empty for lists and mappings, which are not echoed."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, (dict, list)):
        return ""
    if written is not None:
        return shortened(written)
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    return shown(value)


@dataclass
class _Found:
    """One error pydantic found, put in the words of a claims file."""

    error: ErrorDetails
    loc: tuple[int | str, ...]
    echo: str
    """The value as the message shows it; empty for lists and mappings."""

    @property
    def kind(self) -> str:
        return self.error["type"]

    @property
    def value(self) -> Any:
        return self.error.get("input")

    @property
    def field_name(self) -> str:
        return next((str(p) for p in reversed(self.loc) if isinstance(p, str)), "")

    @property
    def names_a_record(self) -> bool:
        """Whether the value is an id or a reference (``member_of[1]``, ``responds_to[0].denies``)."""
        return any(isinstance(part, str) and (part == "id" or part in _REFERENCES) for part in self.loc[-2:])

    @property
    def given(self) -> InvalidValue | None:
        """The message and fix a validator of ours wrote, if it was one of ours."""
        cause = (self.error.get("ctx") or {}).get("error")
        return cause if isinstance(cause, InvalidValue) else None

    def message(self) -> str:
        kind, echo, ctx = self.kind, self.echo, self.error.get("ctx") or {}
        if self.given is not None:
            return str(self.given)
        if kind in ("enum", "literal_error"):
            return f"{echo} is not an allowed value"
        if self.value is None and kind in ("string_type", "list_type", "model_type", "dict_type"):
            return "is empty"
        if kind in ("less_than_equal", "greater_than_equal"):
            bound = "at most" if kind == "less_than_equal" else "at least"
            return f"must be {bound} {ctx.get('le', ctx.get('ge'))} (got {echo})"
        if kind == "string_type" and self.names_a_record:
            return f"expected an id (got {echo})"
        if kind == "string_pattern_mismatch" and self.names_a_record:
            return f"{echo} is not a valid id: {why_not_an_id(str(self.value))}"
        if kind == "too_long" and "actual_length" in ctx:
            return f"has {ctx['actual_length']:,} items; a list holds at most {ctx['max_length']:,}"
        if kind == "string_too_long":
            return f"is too long: {len(str(self.value)):,} characters, the most is {ctx.get('max_length')}"
        message = _PLAIN_MESSAGES.get(kind, self.error["msg"])
        for prefix in ("Value error, ", "Assertion failed, "):
            message = message.removeprefix(prefix)
        if echo and echo not in message and (not isinstance(self.value, str) or self.value not in message):
            return f"{message} (got {echo})"
        return message

    def hint(self, reference_hint: ReferenceHint) -> Hint:
        kind, loc, field_name, value = self.kind, self.loc, self.field_name, self.value
        if self.given is not None:
            return self.given.hint or self._date_hint()
        if kind == "string_pattern_mismatch" and isinstance(value, str):
            section = _REFERENCES.get(field_name) or _REFERENCES.get(str(loc[-2]) if len(loc) > 1 else "")
            if section is not None and field_name != "id":
                return reference_hint(value, section)
            return id_hint(value)
        if kind == "enum" or kind == "literal_error":
            expected = str((self.error.get("ctx") or {}).get("expected", ""))
            choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
            close = suggest_id(str(value), choices)
            return (f"did you mean {close[0]!r}? " if close else "") + f"allowed: {', '.join(choices)}"
        if kind == "too_long" and "actual_length" in (self.error.get("ctx") or {}):
            return "check for items pasted or generated by mistake"
        if field_name == "responds_to" or ("responds_to" in loc and kind in ("model_type", "dict_type")):
            return "write each response as '- denies: <claim id>' (or rebuts, supports, concedes, repeats)"
        if value is None and field_name:
            return f"write a value after '{field_name}:'"
        if kind == "list_type":
            return (
                f"write '{field_name}' as a list, [a, b], or one '- item' per line; quote text that looks like a number"
            )
        if kind == "string_type" and self.names_a_record and self.echo and id_from_text(self.echo) == self.echo:
            return f"quote it, so that YAML reads it as an id: '{self.echo}'"
        if kind == "string_type" and field_name:
            return f"quote the value of '{field_name}' if it looks like a number or a date"
        if kind == "string_too_long":
            return "shorten it; the full wording belongs in 'text' or 'note'" if field_name != "text" else "shorten it"
        if field_name == "credibility":
            unquoted = isinstance(value, str) and value.strip().isascii() and value.strip().isdigit()
            write = f"write the number without quotes: {value.strip()}; " if unquoted else ""
            return write + "Admiralty information credibility: 1 (confirmed) to 6 (cannot be judged)"
        return self._date_hint()

    def _date_hint(self) -> str:
        if self.field_name in ("date", "published") and "YYYY" not in self.error["msg"]:
            return "write YYYY, YYYY-MM or YYYY-MM-DD, with ~ for approximate or ? for uncertain"
        return ""


def _suggest(word: str, choices: Iterable[str], what: str) -> str:
    choices = list(choices)
    close = suggest_id(word, choices)
    if close:
        return f"did you mean {close[0]!r}?"
    return f"known {what}s: " + ", ".join(choices)
