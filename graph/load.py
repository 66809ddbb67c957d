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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .checks import PLACEHOLDER_ID, check_dataset
from .errors import DataError, Problem
from .models import RESPONSE_RELATIONS, SECTIONS, Actor, Claim, Document, Place, Side, Source
from .suggest import slugify, suggest_id
from .yamlparse import MAX_FILE_BYTES, Parsed, Path_, YamlError, decode_yaml_bytes, parse_yaml

PathLike = str | bytes | os.PathLike[str] | os.PathLike[bytes]
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
    _parsed: Parsed | None = None
    _partial_reads: int = 0

    def located(self) -> Parsed:
        """The document parsed again with marks (done once, on the first problem)."""
        if self._parsed is None or not self._parsed.marks:
            self._parsed = parse_yaml(self.text, locate=True)
        return self._parsed

    def mark_of(self, path: Path_, on_key: bool) -> tuple[int, int]:
        """Where ``path`` is written. The first few problems of a file are placed by reading only
        up to them, so one warning about ``claims[0]`` does not cost a pass over a large file."""
        if self._parsed is None and self._partial_reads < _PARTIAL_READS:
            self._partial_reads += 1
            partial = parse_yaml(self.text, stop_at=path)
            if path in partial.marks:
                return _mark_for(partial, path, on_key)
        return _mark_for(self.located(), path, on_key)


_PARTIAL_READS = 2
"""Problems per file placed by partial reads before one full read with marks is cheaper."""


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


class _Collector:
    """Gathers problems as (file, path) pairs and places them at line:col at the end."""

    def __init__(self, files: list[ClaimFile]) -> None:
        self.files = files
        self.problems: list[tuple[int, Problem]] = []

    def at_mark(self, file_index: int, line: int, column: int, where: str, message: str, hint: str = "") -> None:
        self.problems.append((file_index, Problem(self.files[file_index].name, line, column, where, message, hint)))

    def at_path(
        self, located: Located, message: str, hint: str = "", *, on_key: bool = False, severity: str = "error"
    ) -> None:
        file_index, path = located
        line, column = self.files[file_index].mark_of(path, on_key)
        problem = Problem(
            self.files[file_index].name,
            line,
            column,
            format_path(path),
            message,
            hint,
            "warning" if severity == "warning" else "error",
        )
        self.problems.append((file_index, problem))

    def sorted(self) -> list[Problem]:
        return [p for _, p in sorted(self.problems, key=lambda item: (item[0], item[1].line, item[1].column))]


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
    collector = _Collector(files)
    for index, claim_file in enumerate(files):
        _load_file(dataset, collector, index, claim_file)
    check_dataset(dataset, collector, check_quotes=check_quotes)
    position = {name: index for index, name in enumerate(order)}  # problems in file order, unreadable ones too
    found = sorted(problems + collector.sorted(), key=lambda p: (position.get(p.file, -1), p.line, p.column))
    errors = [p for p in found if p.severity == "error"]
    dataset.warnings = [p for p in found if p.severity == "warning"]
    if errors:
        raise DataError(found)
    return dataset


def _load_file(dataset: Dataset, collector: _Collector, index: int, claim_file: ClaimFile) -> None:
    try:
        parsed = parse_yaml(claim_file.text)
    except YamlError as exc:
        collector.at_mark(index, exc.line, exc.column, "", exc.message, exc.hint)
        return
    if parsed.has_duplicates:
        for dup in claim_file.located().duplicates:
            collector.at_mark(
                index,
                dup.line,
                dup.column,
                format_path(dup.path),
                dup.message,
                "keep one of the two and delete the other",
            )
    data = _top_level(parsed.data, collector, index)
    if data is None:
        return
    try:
        document = Document.model_validate(data)
    except ValidationError:
        _load_records_one_by_one(dataset, collector, index, data)
        return
    dataset.title = dataset.title or document.title
    for section in SECTIONS:
        for position, record in enumerate(getattr(document, section)):
            _register(dataset, collector, index, section, position, record)


def _top_level(data: Any, collector: _Collector, index: int) -> dict[str, Any] | None:
    if data is None:
        collector.at_mark(
            index,
            1,
            1,
            "",
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
        for error in _without_missing_typos(errors):
            _report_validation_error(collector, (index, (section, position)), model, error)
        _register_invalid(dataset, collector, index, section, position, model, item, errors)
        return
    _register(dataset, collector, index, section, position, record)


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
    line = _mark_for(dataset.files[first[0]].located(), first[1], False)[0]
    collector.at_path(
        (located[0], (*located[1], "id")),
        f"duplicate id {record_id!r}: already used at {first_file}:{line} ({format_path(first[1])})",
        "ids must be unique across all sections and files; rename one of them",
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
