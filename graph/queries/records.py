"""The small typed records queries return: readable in a REPL, easy to turn into JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple, get_args

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


Role = Literal["asserts", "endorses", "denies", "qualifies", "concedes", "retracts"]
"""Where a claim stands on a proposition (see :mod:`graph.queries.positions`)."""

ROLES_FOR: tuple[Role, ...] = ("asserts", "concedes", "endorses")
"""The roles on the proposition's side: it is true."""

ROLES_AGAINST: tuple[Role, ...] = ("denies", "qualifies", "retracts")
"""The roles against it: false, true only in part, or withdrawn."""


class Position(NamedTuple):
    """Where one claim stands on one proposition, and how: by a stance of its own, or by answering a claim.

    ``answers`` is the claim it answers or backs when the position comes from
    a response (``responds_to``), None when it comes from the claim's own
    stance or the claim stands for the proposition itself.
    """

    proposition: str
    claim: str
    role: Role
    answers: str | None


StatusName = Literal["not yet made", "unasserted", "unanswered", "disputed", "conceded", "retracted"]
"""A proposition's standing on a day, in the words an analyst uses (see :func:`graph.queries.status`)."""

STATUS_NAMES: tuple[StatusName, ...] = get_args(StatusName)
"""Every status, in the order of :data:`StatusName`."""


class Stand(NamedTuple):
    """One claim's position on a proposition, with who made it, when, the evidence it cites, and if withdrawn."""

    claim: str
    role: Role
    claimants: tuple[str, ...]
    date: str | None
    answers: str | None
    evidence: tuple[str, ...]
    withdrawn: bool


class Status(NamedTuple):
    """How a proposition stands on ``as_of``: its status, since when and for how many days, and every position.

    ``began`` is the claim with which the status began, ``since`` its date
    (as written), and ``days`` counts from the first day that date can mean
    to ``as_of``, so for a partial date it is the most the status can have
    stood; ``since`` and ``days`` are None when that claim is undated, and
    all three when nothing is on record. ``stands`` are the positions on
    record by ``as_of``, in date order.
    """

    proposition: str
    statement: str
    implicit: bool
    as_of: dt.date
    status: StatusName
    since: str | None
    days: int | None
    stands: tuple[Stand, ...]
    began: str | None

    @property
    def for_(self) -> tuple[Stand, ...]:
        """Positions that say it is true: assertions, concessions, endorsements (withdrawn ones included)."""
        return tuple(s for s in self.stands if s.role in ROLES_FOR)

    @property
    def against(self) -> tuple[Stand, ...]:
        """Positions that deny it, qualify it, or withdraw an assertion of it."""
        return tuple(s for s in self.stands if s.role in ROLES_AGAINST)

    @property
    def evidence_for(self) -> tuple[str, ...]:
        """Evidence cited or rested on by the claims for it, each once, in order."""
        return tuple(dict.fromkeys(e for s in self.for_ for e in s.evidence))

    @property
    def evidence_against(self) -> tuple[str, ...]:
        """Evidence cited or rested on by the claims against it, each once, in order."""
        return tuple(dict.fromkeys(e for s in self.against for e in s.evidence))

    def describe(self) -> str:
        """``'disputed since 2017-12-29? (2315 days to 2024-05-01)'``, or what there is to say."""
        when = f" since {self.since}" if self.since else ""
        days = f" ({self.days} day{'' if self.days == 1 else 's'} to {self.as_of})" if self.days is not None else ""
        return f"{self.status}{when}{days}" if when else f"{self.status} as of {self.as_of}"


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
class Route:
    """How one claim presented for a subject leads back to one origin (see :func:`graph.queries.independent_origins`).

    ``steps`` runs from ``claim`` through what it rests on or repeats to the
    claim or evidence item at the end, ``links`` holds the relation of each
    step, ``origin`` is who that end counts for, and ``reports`` how the
    documents came to report ``claim`` (see :func:`graph.queries.provenance`).
    """

    claim: str
    steps: tuple[str, ...]
    links: tuple[str, ...]
    origin: str
    reports: tuple[Chain, ...]

    @property
    def end(self) -> str:
        """The claim or evidence item the derivation ends at (``claim`` itself when it rests on nothing)."""
        return self.steps[-1]

    def __str__(self) -> str:
        words = [self.claim]
        for how, step in zip(self.links, self.steps[1:], strict=True):
            words += [how.replace("_", " "), step]
        return " ".join(words)


class Circularity(NamedTuple):
    """Circular reporting: a derivation loop, or a confirmation that meets what it confirms upstream.

    For a ``loop``, ``claims`` goes round it (the first repeated at the end)
    and ``links`` holds each step's relation; for ``meets upstream``,
    ``claims`` is the supporting claim and the claim it supports, and
    ``upstream`` where their derivations meet.
    """

    kind: Literal["loop", "meets upstream"]
    claims: tuple[str, ...]
    links: tuple[str, ...] = ()
    upstream: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.kind == "loop":
            steps = [self.claims[0]]
            for how, claim in zip(self.links, self.claims[1:], strict=True):
                steps += [how.replace("_", " "), claim]
            return "derivation loop: " + " ".join(steps)
        supporter, supported = self.claims
        return f"{supporter} supports {supported} as independent, but both derive from {', '.join(self.upstream)}"


@dataclass(frozen=True)
class Origins:
    """The independent origins behind a claim or proposition, each claim's route back, and circular reporting."""

    subject: str
    by: Literal["body", "person"]
    origins: Mapping[str, tuple[Route, ...]]
    endorsements: tuple[str, ...]
    circular: tuple[Circularity, ...]

    @property
    def count(self) -> int:
        """How many independent origins."""
        return len(self.origins)

    @property
    def claims(self) -> tuple[str, ...]:
        """The claims presented for the subject, each once."""
        return tuple(dict.fromkeys(r.claim for routes in self.origins.values() for r in routes))

    @property
    def reports(self) -> int:
        """How many reports of those claims: one per document chain (see :func:`graph.queries.provenance`)."""
        chains = {(c.claim, str(c)) for routes in self.origins.values() for r in routes for c in r.reports}
        return len(chains)

    def __repr__(self) -> str:
        loops = f", circular={[str(c) for c in self.circular]}" if self.circular else ""
        return f"<Origins of {self.subject!r}: {self.count} in {self.reports} reports: {list(self.origins)}{loops}>"


class GroundedExplanation(NamedTuple):
    """Why a claim has its grounded label: the attackers that decide it, in words (label None: not yet made)."""

    claim: str
    label: Label | None
    attackers: tuple[str, ...]
    reason: str


class Explanation(NamedTuple):
    """Why a subject stands as it does on ``as_of``: its status, its strength, what weighs for and against it, and
    the paragraph saying so (see :func:`graph.queries.why`).

    ``status`` is the proposition's (or "not yet made" for a claim not yet on
    record; None for a claim taking positions or an evidence item, whose
    propositions' statuses the paragraph gives); ``strength`` is None when
    the subject is not on record. ``weighs_for`` and ``weighs_against`` name
    the claims and evidence on each side.
    """

    subject: str
    as_of: dt.date
    status: StatusName | None
    strength: float | None
    weighs_for: tuple[str, ...]
    weighs_against: tuple[str, ...]
    reason: str
