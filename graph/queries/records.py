"""The small typed records queries return: readable in a REPL, easy to turn into JSON."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..dates import parse_when
from .when import Certainty

Label = Literal["in", "out", "undec"]
"""A claim's status under grounded semantics: accepted, defeated, or undecided."""


class Reply(NamedTuple):
    """One claim answering another: which claim, how, who said it and when."""

    claim: str
    how: str
    claimant: str
    date: str | None


class OpenAccusation(NamedTuple):
    """An accusation no denial or rebuttal answers, and for how many days it has stood.

    ``days`` counts from the first day the accusation's date can mean, so for
    a partial date it is the most the accusation can have stood; None when
    the accusation is undated.
    """

    claim: str
    claimant: str
    date: str | None
    days: int | None


class TimelineEntry(NamedTuple):
    """A claim on a timeline, with how precise and how certain its date is."""

    claim: str
    claimant: str
    kind: str
    date: str | None
    precision: Literal["day", "month", "year"] | None
    certainty: Certainty

    def describe_date(self) -> str:
        """The date for people: ``'about April 2022 (uncertain)'``, or ``'undated'``."""
        return parse_when(self.date).describe() if self.date else "undated"


@dataclass(frozen=True)
class Chain:
    """How one document came to report a claim, read from the document back to the original speaker.

    ``path`` is every actor on the way: the document's publisher (when known),
    the intermediaries nearest the document first, the claimant, and when
    the claim repeats earlier claims (``repeats``, one line of them: see
    :func:`~graph.queries.provenance`), for each of them the intermediaries
    its words came through to the one repeating it (``repeat_relays``,
    nearest the repeater first) and its claimant, back to the first.
    An actor named twice in a row counts once (an outlet reporting its own
    statement); ``circular`` is true when an actor comes back later.
    """

    claim: str
    source: str
    publisher: str | None
    relays: tuple[str, ...]
    speaker: str
    repeats: tuple[str, ...]
    repeat_relays: tuple[tuple[str, ...], ...]
    path: tuple[str, ...]

    @property
    def origin(self) -> str:
        """The original speaker at the root of the chain."""
        return self.path[-1]

    @property
    def circular(self) -> bool:
        """True when some actor appears twice on the path (not merely twice in a row)."""
        return len(set(self.path)) < len(self.path)

    def __str__(self) -> str:
        return " → ".join((self.source, *self.path))

    def __repr__(self) -> str:
        return f"<Chain {self}>"


@dataclass(frozen=True)
class Origins:
    """The distinct origins behind a claim, the report chains from each, and any circular reporting."""

    claim: str
    origins: Mapping[str, tuple[Chain, ...]]
    circular: tuple[tuple[str, ...], ...]

    @property
    def count(self) -> int:
        """How many independent origins: distinct original speakers."""
        return len(self.origins)

    @property
    def reports(self) -> int:
        """How many report chains in all."""
        return sum(len(chains) for chains in self.origins.values())

    def __repr__(self) -> str:
        loops = f", circular={list(self.circular)}" if self.circular else ""
        return f"<Origins of {self.claim!r}: {self.count} in {self.reports} reports: {list(self.origins)}{loops}>"


class Explanation(NamedTuple):
    """Why a claim has its grounded label: the attackers that decide it, in words."""

    claim: str
    label: Label
    attackers: tuple[str, ...]
    reason: str
