"""A safe, fast YAML reader for claim files, with line numbers on demand.

PyYAML's loaders keep the last of two equal keys, construct Python objects
from tags, expand alias bombs, crash on deep nesting and turn ``2017-10-06``
into a ``date``.  This module drives libyaml's event parser itself and builds
plain data (dicts, lists, str, int, float, bool, None) in one loop, so it can
refuse all of that cheaply:

>>> parse_yaml("claims:\\n  - id: a\\n    date: 2017-10-06\\n").data
{'claims': [{'id': 'a', 'date': '2017-10-06'}]}
>>> parse_yaml("a: 1\\na: 2\\n", locate=True).duplicates[0].message
"duplicate key 'a' (first written at line 1); YAML readers silently keep only the last one"

Marks cost time, so they are recorded only when asked (``locate=True``),
which callers do once they know there is an error to place.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from .text import shortened, shown

Path_ = tuple[str | int, ...]
"""A path inside a document: ``('claims', 3, 'claimant')``."""

Mark = tuple[int, int]
"""A 1-based (line, column)."""

MAX_DEPTH = 64
MAX_DUPLICATES = 1000
"""Duplicate keys kept with their paths; more are only counted (a hostile file may hold millions)."""
MAX_FILE_BYTES = 64 * 1024 * 1024

_PARSER: type = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
"""libyaml's C parser when PyYAML was built with it; the pure-Python parser otherwise."""

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_NULLS = frozenset({"~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_STD = "tag:yaml.org,2002:"
_ALLOWED_SCALAR_TAGS = frozenset(_STD + t for t in ("str", "int", "float", "bool", "null"))
_ALLOWED_COLLECTION_TAGS = frozenset({None, "!", _STD + "map", _STD + "seq"})
_NO_KEY = object()


class YamlError(Exception):
    """The text cannot be read as YAML at all; carries one located message and a fix."""

    def __init__(self, line: int, column: int, message: str, hint: str = "") -> None:
        super().__init__(f"{line}:{column}: {message}")
        self.line, self.column, self.message, self.hint = line, column, message, hint

    @classmethod
    def at(cls, mark: Any, message: str, hint: str = "") -> YamlError:
        """The error at a libyaml mark (which counts from 0)."""
        return cls(mark.line + 1, mark.column + 1, message, hint)


@dataclass(frozen=True)
class Duplicate:
    """A key written twice in one mapping."""

    path: Path_
    line: int
    column: int
    message: str


@dataclass
class Parsed:
    """The data of one YAML document, and where each value stands when ``locate`` was set.

    ``marks[path]`` is ``(key_mark, value_mark)``: the key's position (``None``
    for list items and the root) and the value's.
    """

    data: Any
    has_duplicates: bool = False
    duplicates: list[Duplicate] = field(default_factory=list)
    """The first ``MAX_DUPLICATES`` duplicate keys, in file order."""
    duplicate_count: int = 0
    """How many duplicate keys there are in all."""
    marks: dict[Path_, tuple[Mark | None, Mark]] = field(default_factory=dict)
    written: dict[Path_, str] = field(default_factory=dict)
    """With ``locate``: how each value read as a number, boolean or null was written (``010``, ``yes``),
    so messages can show it as the file has it."""
    complete: bool = True
    """False when reading stopped early once every path in ``want`` was seen: the rest is unread."""


def decode_yaml_bytes(raw: bytes) -> str:
    """Decode a file's bytes: UTF-8, or UTF-16 or UTF-32 with a byte-order mark (as YAML allows).
    Binary files and UTF-16 without a byte-order mark get a located refusal.

    >>> decode_yaml_bytes("a: é\\n".encode("utf-16"))
    'a: é\\n'
    >>> decode_yaml_bytes(b"a: \\xff\\n")
    Traceback (most recent call last):
    ...
    graph.yamlparse.YamlError: 1:4: the file is not valid UTF-8 (byte 0xff)
    """
    encoding = _bom_encoding(raw)
    if encoding is not None:
        return _decode_wide(raw, encoding)
    nul = raw.find(b"\x00")
    if nul != -1:
        wide = wide_encoding_without_bom(raw)
        if wide is not None:
            raise YamlError(
                1,
                1,
                f"the file is {wide} without a byte-order mark; save it as UTF-8",
                "most editors offer the encoding under 'Save with encoding' or 'Save as'",
            )
        line, col = _position(raw, nul)
        raise YamlError(
            line,
            col,
            "the file contains a NUL byte: it is binary, not YAML text",
            "check that this is the claims file you meant; save it as UTF-8 text",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _position(raw, exc.start)
        raise YamlError(
            line,
            col,
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
        ) from None


_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),  # before UTF-16's, which it starts with
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _bom_encoding(raw: bytes) -> str | None:
    return next((name for bom, name in _BOMS if raw.startswith(bom)), None)


def decode_wide_text(raw: bytes) -> str | None:
    """The text of bytes that start with a UTF-16 or UTF-32 byte-order mark (invalid
    sequences become U+FFFD), or None for any other bytes.

    >>> decode_wide_text("Al-Tanf".encode("utf-32")), decode_wide_text(b"Al-Tanf")
    ('Al-Tanf', None)
    """
    encoding = _bom_encoding(raw)
    return None if encoding is None else raw.decode(encoding.lower(), errors="replace")


def wide_encoding_without_bom(raw: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the bytes read as printable ASCII in that encoding without a
    byte-order mark (as a claims file starts: ``claims:``, ``# ...``), else None.

    >>> wide_encoding_without_bom("claims:".encode("utf-16-le")), wide_encoding_without_bom(bytes(range(8)))
    ('UTF-16', None)
    """
    for name, width, codecs_ in (("UTF-32", 4, ("utf-32-le", "utf-32-be")), ("UTF-16", 2, ("utf-16-le", "utf-16-be"))):
        head = raw[: 8 * width]
        head = head[: len(head) - len(head) % width]
        for codec in codecs_:
            text = head.decode(codec, errors="replace")
            if text and all((char.isprintable() and char.isascii()) or char in "\t\r\n" for char in text):
                return name
    return None


def _decode_wide(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding.lower())  # the codec drops the byte-order mark
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode(encoding.lower(), errors="replace")
        line = before.count("\n") + 1
        raise YamlError(
            line,
            len(before) - (before.rfind("\n") + 1) + 1,
            f"the file is not valid {encoding} (at byte {exc.start:,})",
            "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
        ) from None


def _position(raw: bytes, offset: int) -> Mark:
    line = raw.count(b"\n", 0, offset) + 1
    start = raw.rfind(b"\n", 0, offset) + 1
    return line, len(raw[start:offset].decode("utf-8", "replace")) + 1


def parse_yaml(text: str, *, locate: bool = False, want: Collection[Path_] | None = None) -> Parsed:
    """Read one YAML document into plain data; raise :class:`YamlError` if it is not readable.

    With ``locate=True`` the result also gives the paths of duplicate keys and the mark of
    every value. With ``want``, only the marks of those paths are kept, and reading stops
    as soon as all are known (``complete`` is then False): placing a few problems costs
    memory for those few, and time only up to the last of them.

    >>> parse_yaml("a: 1\\nb: [2, 3]\\nc: 4\\n", want={("b", 0)}).marks
    {('b', 0): (None, (2, 5))}
    """
    parser = _PARSER(text)
    try:
        return _Builder(len(text), locate or want is not None, want).run(parser.get_event)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise YamlError(
            line,
            column,
            f"the file contains a character YAML does not allow ({exc.reason})",
            "remove the control character; YAML text may not contain it",
        ) from None
    finally:
        parser.dispose()


_SYNTAX_HINTS = (
    ("(a tab)", "indent with spaces: YAML does not allow tab characters for indentation"),
    ("mapping values are not allowed", "quote a value that contains ': ', or fix the indentation of this line"),
    ("could not find expected ':'", "each key needs a ':' after it; check the indentation of this line"),
    ("did not find expected key", "check the indentation: this line is not aligned with the keys above it"),
    ("did not find expected '-'", "check the indentation of this list item"),
    ("found unexpected end of stream", "a quoted string or bracket is not closed"),
    ("while scanning a quoted scalar", "a quoted string is not closed; add the closing quote"),
    ("found undefined alias", "define the anchor (&name) before using the alias (*name)"),
    (
        "invalid Unicode character escape code",
        "write the character itself, or \\UXXXXXXXX for one beyond U+FFFF; surrogate halves are not characters",
    ),
    ("expected <document start>", "the file has text after the end of the document; check the indentation"),
)


_TOO_DEEP = (
    f"the data is nested more than {MAX_DEPTH} levels deep",
    "claim files need only a few levels; check for runaway brackets or indentation",
)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "maximum nesting depth" in str(exc.problem):
        # Newer libyaml refuses deep nesting itself (at 1,000 levels), before our own limit is reached
        # in a later event; either way the user gets the same refusal.
        return YamlError(line, column, *_TOO_DEEP)
    what = " ".join(filter(None, [exc.context, exc.problem]))
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        what += " (a tab)"
    hint = next((h for needle, h in _SYNTAX_HINTS if needle in what), "fix the YAML syntax at this position")
    return YamlError(line, column, f"invalid YAML: {what}", hint)


class _Builder:
    """Turns the parser's events into plain data, without recursion."""

    def __init__(self, text_length: int, locate: bool, want: Collection[Path_] | None = None) -> None:
        self.locate = locate
        self.want = want
        # The size of the data built, in values plus characters of text. Without aliases it
        # stays below twice the text's length; aliases may add a little, never a multiple.
        self.budget = 100_000 + 2 * text_length
        self.count = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.result = Parsed(data=None)

    def run(self, next_event: Any) -> Parsed:
        # Each frame: [container, key (or _NO_KEY), key mark, path, first count, anchor, mark, key line map]
        stack: list[list[Any]] = []
        documents = 0
        locate = self.locate
        marks = self.result.marks
        while True:
            event = next_event()
            cls = event.__class__
            if cls is ev.ScalarEvent:
                value = self._scalar(event)
                size = 1 + len(event.value)
                self.count += size
                if event.anchor:
                    self.anchors[event.anchor] = (value, size)
                written = None if isinstance(value, str) else event.value
                self._add(stack, value, event.start_mark, locate, marks, written)
                if self.want and len(marks) == len(self.want):
                    self.result.complete = False
                    return self.result
            elif cls is ev.MappingStartEvent or cls is ev.SequenceStartEvent:
                self._check_collection(event, len(stack))
                self.count += 1
                container: Any = {} if cls is ev.MappingStartEvent else []
                path = self._child_path(stack) if locate else ()
                if locate:  # marked where it starts, so a read for a few marks can stop early
                    self._mark_start(stack, path, event.start_mark, marks)
                    if self.want and len(marks) == len(self.want):
                        self.result.complete = False
                        return self.result
                lines: dict[Any, Mark] | None = {} if cls is ev.MappingStartEvent else None
                stack.append([container, _NO_KEY, None, path, self.count, event.anchor, event.start_mark, lines])
            elif cls is ev.MappingEndEvent or cls is ev.SequenceEndEvent:
                frame = stack.pop()
                if frame[5]:
                    self.anchors[frame[5]] = (frame[0], self.count - frame[4] + 1)
                self._add(stack, frame[0], frame[6], False, marks)
            elif cls is ev.AliasEvent:
                self._alias(stack, event, locate, marks)
            elif cls is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlError.at(
                        event.start_mark,
                        "the file holds more than one YAML document ('---')",
                        "keep one document per file; split the data into several .yaml files in a folder",
                    )
            elif cls is ev.StreamEndEvent:
                return self.result

    def _mark_start(
        self, stack: list[list[Any]], path: Path_, mark: Any, marks: dict[Path_, tuple[Mark | None, Mark]]
    ) -> None:
        if path in marks:
            return  # the value of a duplicate key: the first one's marks stand
        key = stack[-1][2] if stack and stack[-1][7] is not None else None
        key_mark = (key.line + 1, key.column + 1) if key is not None else None
        self._keep(marks, path, (key_mark, (mark.line + 1, mark.column + 1)), None)

    def _child_path(self, stack: list[list[Any]]) -> Path_:
        if not stack:
            return ()
        top = stack[-1]
        if top[7] is None:
            return (*top[3], len(top[0]))
        return (*top[3], top[1])

    def _add(
        self,
        stack: list[list[Any]],
        value: Any,
        mark: Any,
        locate: bool,
        marks: dict[Path_, tuple[Mark | None, Mark]],
        written: str | None = None,
    ) -> None:
        if not stack:
            self.result.data = value
            if locate:
                self._keep(marks, (), (None, (mark.line + 1, mark.column + 1)), None)
            return
        top = stack[-1]
        container = top[0]
        if top[7] is None:
            if locate:
                self._keep(marks, (*top[3], len(container)), (None, (mark.line + 1, mark.column + 1)), written)
            container.append(value)
        elif top[1] is _NO_KEY:
            top[1] = self._key(value, mark, written)
            top[2] = mark
        else:
            key = top[1]
            top[1] = _NO_KEY
            key_mark = (top[2].line + 1, top[2].column + 1)
            if key in container:
                self._duplicate(top, key, key_mark)
                return
            container[key] = value
            top[7][key] = key_mark
            if locate:
                self._keep(marks, (*top[3], key), (key_mark, (mark.line + 1, mark.column + 1)), written)

    def _keep(
        self,
        marks: dict[Path_, tuple[Mark | None, Mark]],
        path: Path_,
        found: tuple[Mark | None, Mark],
        written: str | None,
    ) -> None:
        if self.want is None or path in self.want:
            marks[path] = found
            if written is not None:
                self.result.written[path] = written

    def _duplicate(self, frame: list[Any], key: Any, key_mark: Mark) -> None:
        self.result.has_duplicates = True
        self.result.duplicate_count += 1
        if len(self.result.duplicates) >= MAX_DUPLICATES:
            return
        first_line = frame[7][key][0]
        self.result.duplicates.append(
            Duplicate(
                path=(*frame[3], key),
                line=key_mark[0],
                column=key_mark[1],
                message=f"duplicate key {shown(key)} (first written at line {first_line}); "
                "YAML readers silently keep only the last one",
            )
        )

    def _key(self, value: Any, mark: Any, written: str | None) -> Any:
        if isinstance(value, (dict, list)):
            raise YamlError.at(
                mark,
                "a mapping key must be plain text, not a list or mapping",
                "write the key as a word followed by ':'",
            )
        if value == "<<":
            raise YamlError.at(mark, "merge keys ('<<') are not supported", "write the fields out in full")
        return value if isinstance(value, str) else (written if written is not None else str(value))

    def _scalar(self, event: Any) -> Any:
        tag = event.tag
        value: str = event.value
        if tag is not None and tag != "!":
            if tag not in _ALLOWED_SCALAR_TAGS:
                raise _tag_error(event)
            return value if tag == _STD + "str" else _resolve_plain(value)
        if event.style or not event.implicit[0]:
            return value
        return _resolve_plain(value)

    def _check_collection(self, event: Any, depth: int) -> None:
        if event.tag not in _ALLOWED_COLLECTION_TAGS:
            raise _tag_error(event)
        if depth >= MAX_DEPTH:
            mark = event.start_mark
            raise YamlError.at(mark, *_TOO_DEEP)

    def _alias(
        self, stack: list[list[Any]], event: Any, locate: bool, marks: dict[Path_, tuple[Mark | None, Mark]]
    ) -> None:
        mark = event.start_mark
        name = shortened(event.anchor)
        if event.anchor not in self.anchors and any(frame[5] == event.anchor for frame in stack):
            raise YamlError.at(
                mark,
                f"the alias *{name} refers to itself: it stands inside the value its anchor &{name} names",
                "a value cannot contain itself; write the inner value out instead of the alias",
            )
        if event.anchor not in self.anchors:
            raise YamlError.at(
                mark,
                f"the alias *{name} has no anchor &{name}",
                "define the anchor (&name) before using the alias (*name)",
            )
        value, size = self.anchors[event.anchor]
        self.count += size
        if self.count > self.budget:
            raise YamlError.at(
                mark,
                f"aliases expand the document to more than {self.budget:,} values and characters "
                f"(an alias bomb such as 'billion laughs'?)",
                "write the repeated values out, or use fewer nested aliases",
            )
        self._add(stack, value, event.start_mark, locate, marks)


def _resolve_plain(value: str) -> Any:
    if not value or value in _NULLS:
        return None
    first = value[0]
    if first in "0123456789-+.":
        if _INT.match(value):
            return int(value) if len(value) <= 100 else value  # Python refuses to parse huge integers
        if _FLOAT.match(value):
            return float(value)
        return value
    return _BOOLS.get(value, value)


def _tag_error(event: Any) -> YamlError:
    mark = event.start_mark
    return YamlError.at(
        mark,
        f"the tag {shown(event.tag)} is not allowed",
        "claim files hold plain text, numbers, lists and mappings; remove the '!' tag",
    )
