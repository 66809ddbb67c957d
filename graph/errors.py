"""Exceptions raised by claimgraph, and the located problems they carry.

The hierarchy::

    ClaimgraphError              anything claimgraph refuses to do
    ├── DataError                the YAML data has problems; .problems lists every one
    ├── UnknownIdError           a query named an id the graph lacks (also a KeyError)
    ├── InputError               an input other than the YAML data cannot be used (a binary file, a bad revision)
    ├── OutputError              an output file could not be written
    └── ServeError               the preview server cannot start (the port is in use)

Only the command line turns these into ``Error: ...`` and an exit code; the
library raises them and leaves printing to its caller. Validators raise
:class:`InvalidValue` (a ``ValueError``, as pydantic expects) to give a problem its fix.

A problem prints control and bidi characters as escapes, so text from a hostile file
cannot clear the screen or fake lines (see :func:`graph.text.printable`).

>>> p = Problem("data/claims.yaml", 12, 5, "claims[3].claimant", "unknown actor 'konashenko'",
...             hint="did you mean 'konashenkov'?")
>>> print(p)
data/claims.yaml:12:5: claims[3].claimant: unknown actor 'konashenko'
    hint: did you mean 'konashenkov'?
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .text import printable

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, where it is, and how to fix it.

    ``line`` and ``column`` count from 1; ``where`` is the path inside the
    document (``claims[3].claimant``), empty for the file as a whole.
    """

    file: str
    line: int
    column: int
    where: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    @property
    def location(self) -> str:
        """``FILE:LINE:COL``, the form editors and terminals turn into links (escaped, like all of ``str``)."""
        return f"{printable(self.file)}:{self.line}:{self.column}"

    def __str__(self) -> str:
        where = f" {printable(self.where)}:" if self.where else ""
        label = " warning:" if self.severity == "warning" else ""
        text = f"{self.location}:{where}{label} {printable(self.message)}"
        return f"{text}\n    hint: {printable(self.hint)}" if self.hint else text


class InvalidValue(ValueError):
    """A value a validator refuses, with the fix to show beside the message.

    >>> error = InvalidValue("'red' is not a #rrggbb colour", "write it as '#cc3311'")
    >>> str(error), error.hint
    ("'red' is not a #rrggbb colour", "write it as '#cc3311'")
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class ClaimgraphError(Exception):
    """The root of every error claimgraph raises on purpose."""


class DataError(ClaimgraphError):
    """The data has one or more errors; ``problems`` lists them, warnings too, in file order.

    A file can hold millions of mistakes: past the first few hundred problems, the rest
    are only counted (``omitted``). ``error_count`` counts every error, listed or not, and
    ``files`` names every file that has one. ``complete`` is False when bad records past
    those listed were checked only on their own, so the counts are lower bounds.

    >>> error = DataError([Problem("c.yaml", 3, 5, "claims[0]", "missing field 'id'")], omitted=4, error_count=5)
    >>> print(error)
    5 errors in the claim data:
    c.yaml:3:5: claims[0]: missing field 'id'
    ... and 4 more problems (first 1 shown)
    """

    def __init__(
        self,
        problems: Sequence[Problem],
        *,
        omitted: int = 0,
        error_count: int | None = None,
        files: Sequence[str] | None = None,
        complete: bool = True,
    ) -> None:
        self.problems: list[Problem] = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        self.omitted = omitted
        self.error_count = len(errors) if error_count is None else error_count
        self.files: list[str] = list(files) if files is not None else sorted({p.file for p in errors})
        self.complete = complete
        count = f"{self.error_count:,} error{'s' if self.error_count != 1 else ''}"
        note = [omitted_note(omitted, len(self.problems), complete=complete)] if omitted else []
        super().__init__(
            f"{'' if complete else 'at least '}{count} in the claim data:\n"
            + "\n".join([*map(str, self.problems), *note])
        )


def omitted_note(omitted: int, shown: int, *, complete: bool = True) -> str:
    """The line that stands for the problems not listed.

    >>> omitted_note(999_800, 200)
    '... and 999,800 more problems (first 200 shown)'
    """
    more = f"{'' if complete else 'at least '}{omitted:,} more problem{'s' if omitted != 1 else ''}"
    return f"... and {more} (first {shown} shown)"


class UnknownIdError(ClaimgraphError, KeyError):
    """A query named an actor, claim or other node the graph does not have."""

    def __init__(self, kind: str, node_id: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.node_id = node_id
        self.suggestions = list(suggestions)
        hint = f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no {kind} with id {node_id!r}{hint}")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class InputError(ClaimgraphError):
    """An input other than the YAML data (a document to draft from, a git revision) cannot be used."""


class OutputError(ClaimgraphError):
    """An output file could not be written."""


class ServeError(ClaimgraphError):
    """The preview server cannot start, e.g. because its port is in use."""
