"""Exceptions raised by claimgraph, and the located problems they carry.

The hierarchy::

    ClaimgraphError              anything claimgraph refuses to do
    ├── DataError                the YAML data has problems; .problems lists every one
    ├── UnknownIdError           a query named an id the graph lacks (also a KeyError)
    ├── InputError               an input other than the YAML data cannot be used (a binary file, a bad revision)
    ├── OutputError              an output file could not be written
    └── ServeError               the preview server cannot start (the port is in use)

Only the command line turns these into ``Error: ...`` and an exit code; the
library raises them and leaves printing to its caller.

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
        """``FILE:LINE:COL``, the form editors and terminals turn into links."""
        return f"{self.file}:{self.line}:{self.column}"

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        label = " warning:" if self.severity == "warning" else ""
        text = f"{self.location}:{where}{label} {self.message}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text


class ClaimgraphError(Exception):
    """The root of every error claimgraph raises on purpose."""


class DataError(ClaimgraphError):
    """The data has one or more errors; ``problems`` lists all of them in file order."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
        super().__init__(f"{count} in the claim data:\n" + "\n".join(map(str, self.problems)))


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
