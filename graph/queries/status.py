"""How each proposition stands on a day: unasserted, unanswered, disputed, conceded or retracted, and since when.

The status of a proposition on ``as_of`` (default: today) is read from the
claims on record by then (see :func:`graph.queries.when.on_record`) and
their positions (:mod:`graph.queries.positions`), by these rules, the first
that applies:

- **not yet made**: no claim on it is on record.
- **conceded**: a claim that concedes it is on record and not withdrawn, and
  the conceder is on the implicated side: a claimant belongs to the body or
  the side of an actor the proposition implicates (an implicit proposition
  implicates the actors its claim accuses or addresses), or has itself
  denied or qualified it. A concession by anyone else is an assertion.
- **retracted**: it has been asserted, and every assertion is withdrawn.
- **unasserted**: no claim asserts it, though some deny or qualify it.
- **disputed**: asserted, and some claim that is not withdrawn denies or
  qualifies it (a rebuttal denies).
- **unanswered**: asserted, and nothing denies, qualifies or concedes it.

A claim is **withdrawn** once a claim retracting it (``responds_to:
retracts``) is on record, or once one of its claimants retracts the
proposition (``retracts: p``) on or after the day it was made. Endorsements
count for the proposition but are not assertions: they keep nothing alive.

**Since**: the status began with the earliest claim from which it has held
without a break up to ``as_of``; one denial answers every claim of the
proposition, made before it or after it, so a proposition first denied and
later asserted is disputed from the later assertion. Claims are taken in
date order (by the first day their date can mean), claims of the same date
together; ``days`` runs from the first day of that claim's date to ``as_of``.

>>> import graph
>>> G = graph.load("data/claims.yaml")
>>> s = status(G, "us-trains-isis", as_of="2024-05-01")
>>> s.status, s.since, s.days
('disputed', '2017-12-29?', 2315)
>>> print(s.describe())
disputed since 2017-12-29? (2315 days to 2024-05-01)
>>> status(G, "us-trains-isis", as_of="2017-11-30").status
'not yet made'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..dates import When
from ..errors import ClaimgraphError, UnknownIdError
from ..suggest import suggest_id
from ..types import ClaimGraph
from ..vocabulary import RELATIONS
from .bodies import body_names
from .positions import claim_positions, is_implicit, positions, propositions
from .records import Position, Stand, Status, StatusName
from .walk import RESPONSES, in_edges, node_dict, out_edges
from .when import DateLike, as_of_day, chronological_key, claim_dates, first_day, on_record

RETRACTING = frozenset(name for name in RESPONSES if RELATIONS[name].family == "retract")
"""Responses by which a claim withdraws another (the retract family)."""

ANSWERING: frozenset[str] = frozenset({"denies", "qualifies"})
"""Roles that contest a proposition."""

POSITIVE_ROLES: frozenset[str] = frozenset({"asserts", "concedes", "endorses"})
"""Roles a retraction of the proposition withdraws."""

Key = tuple[bool, dt.date, dt.date]


def status(G: ClaimGraph, proposition: str, *, as_of: DateLike | None = None) -> Status:
    """How ``proposition`` stands on ``as_of`` (default: today): its status, since when, and every position.

    ``proposition`` is a proposition id, or the id of a claim that stands for
    its own proposition. Raises :class:`~graph.errors.UnknownIdError` for
    anything else, and :class:`~graph.errors.ClaimgraphError` for a claim
    that takes stances, naming the propositions to ask about instead.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> s = status(G, "konashenkov-human-shields", as_of="2024-05-01")
    >>> s.status, s.since, [(x.claim, x.role) for x in s.against]
    ('disputed', '2017-10-06?', [('coalition-denies-human-shields', 'denies')])
    """
    context = _Context(G, as_of_day(as_of))
    return context.status(_proposition_id(G, proposition))


def statuses(G: ClaimGraph, *, as_of: DateLike | None = None) -> list[Status]:
    """Every proposition's :class:`Status` on ``as_of`` (default: today), oldest status first, not yet made last.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> found = statuses(G, as_of="2017-10-31")
    >>> [(s.proposition, s.status) for s in found][:2]
    [('isis-operates-from-tanf', 'disputed'), ('konashenkov-human-shields', 'disputed')]
    >>> sum(s.status == "not yet made" for s in found)
    8
    """
    context = _Context(G, as_of_day(as_of))
    return _oldest_first(G, [context.status(p, found) for p, found in positions(G).items()])


def unanswered(G: ClaimGraph, *, as_of: DateLike | None = None) -> list[Status]:
    """The propositions at issue that stand unanswered on ``as_of`` (default: today), oldest first.

    At issue: every declared proposition, and the implicit proposition of
    every accusation. Unanswered: asserted, and no claim denies, qualifies or
    concedes it (see the module docstring); one denial answers every claim
    of the proposition it denies.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> [(s.proposition, s.since, s.days) for s in unanswered(G, as_of="2022-04-30")]
    [('sana-shaddadi-transfer-plan', '2022-04?', 29)]
    """
    nodes = node_dict(G)
    return [
        s
        for s in statuses(G, as_of=as_of)
        if s.status == "unanswered" and (not s.implicit or nodes[s.proposition].get("kind") == "accusation")
    ]


def _oldest_first(G: ClaimGraph, found: list[Status]) -> list[Status]:
    dates = claim_dates(G)

    def key(s: Status) -> tuple[bool, tuple[bool, dt.date, dt.date, str]]:
        since = next((x.claim for x in s.stands if x.date == s.since), None) if s.since else None
        return (s.status == "not yet made", chronological_key(dates[since] if since else None, s.proposition))

    return sorted(found, key=key)


def _proposition_id(G: ClaimGraph, word: str) -> str:
    nodes = node_dict(G)
    kind = nodes[word].get("type") if word in nodes else None
    if kind == "proposition" or (kind == "claim" and is_implicit(G, word)):
        return word
    if kind == "claim":
        about = sorted(dict.fromkeys(p.proposition for p in claim_positions(G, word)))
        raise ClaimgraphError(
            f"claim {word!r} takes positions on {', '.join(repr(p) for p in about)}: ask about one of those"
            if about
            else f"claim {word!r} takes no position on any proposition"
        )
    raise UnknownIdError("proposition", word, suggest_id(word, propositions(G)))


@dataclass
class _Context:
    """What the statuses of one graph on one day share: dates, claimants, bodies, sides, retractions."""

    G: ClaimGraph
    day: dt.date
    dates: dict[str, When | None] = field(init=False)
    bodies: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.dates = claim_dates(self.G)
        self.bodies = body_names(self.G, belonging=True)
        self.nodes = node_dict(self.G)

    def status(self, proposition: str, found: Sequence[Position] | None = None) -> Status:
        found = positions(self.G)[proposition] if found is None else found
        on = sorted(
            (p for p in found if on_record(self.dates[p.claim], self.day)),
            key=lambda p: chronological_key(self.dates[p.claim], p.claim),
        )
        retractions = self._retractions(p.claim for p in on)
        name, since = self._history(proposition, on, retractions)
        withdrawn = self._withdrawn(on, retractions, None)
        stands = tuple(self._stand(p, p.claim in withdrawn) for p in on)
        date = self.dates[since] if since else None
        days = (self.day - first_day(date)).days if date is not None else None
        statement = self.nodes[proposition].get("statement") or self.nodes[proposition].get("text", "")
        implicit = self.nodes[proposition].get("type") == "claim"
        return Status(proposition, statement, implicit, self.day, name, self._date_text(since), days, stands)

    def _date_text(self, claim: str | None) -> str | None:
        return self.nodes[claim].get("date") if claim else None

    def _retractions(self, claims: Iterable[str]) -> dict[str, list[str]]:
        """For each claim, the claims on record that retract it (claim to claim)."""
        found: dict[str, list[str]] = {}
        for claim in claims:
            for u, _, _ in in_edges(self.G, claim, RETRACTING, of_type="claim"):
                if on_record(self.dates[u], self.day):
                    found.setdefault(claim, []).append(u)
        return found

    def _history(
        self, proposition: str, on: list[Position], retractions: dict[str, list[str]]
    ) -> tuple[StatusName, str | None]:
        """The status now, and the claim with which it began (see the module docstring)."""
        if not on:
            return "not yet made", None
        events = sorted({self._key(p.claim) for p in on} | {self._key(u) for us in retractions.values() for u in us})
        names = [self._name(proposition, on, retractions, key) for key in events]
        start = len(names) - 1
        while start > 0 and names[start - 1] == names[-1]:
            start -= 1
        claims_then = [p.claim for p in on] + [u for us in retractions.values() for u in us]
        first = min(
            (c for c in claims_then if self._key(c) == events[start]),
            key=lambda c: chronological_key(self.dates[c], c),
        )
        return names[-1], first

    def _key(self, claim: str) -> Key:
        """When a claim was made, for ordering: claims with the same key were made together."""
        undated, earliest, latest, _ = chronological_key(self.dates[claim], claim)
        return undated, earliest, latest

    def _name(self, proposition: str, on: list[Position], retractions: dict[str, list[str]], key: Key) -> StatusName:
        then = [p for p in on if self._key(p.claim) <= key]
        withdrawn = self._withdrawn(then, retractions, key)
        live = [p for p in then if p.claim not in withdrawn]
        contesting = {c for p in then if p.role in ANSWERING for c in self._claimants(p.claim)}
        conceded = [p for p in live if p.role == "concedes" and self._on_implicated_side(proposition, p, contesting)]
        assertions = [p for p in then if p.role == "asserts" or (p.role == "concedes" and p not in conceded)]
        if conceded:
            return "conceded"
        if assertions and all(p.claim in withdrawn for p in assertions):
            return "retracted"
        if not assertions:
            return "unasserted"
        return "disputed" if any(p.role in ANSWERING for p in live) else "unanswered"

    def _withdrawn(self, then: list[Position], retractions: dict[str, list[str]], key: Key | None) -> set[str]:
        """The claims among ``then`` withdrawn by ``key`` (None: by the day)."""
        withdrawn = {c for c, us in retractions.items() if any(key is None or self._key(u) <= key for u in us)}
        for retraction in (p for p in then if p.role == "retracts" and p.answers is None):
            speakers = set(self._claimants(retraction.claim))
            withdrawn.update(
                p.claim
                for p in then
                if p.role in POSITIVE_ROLES
                and self._key(p.claim) <= self._key(retraction.claim)
                and speakers & set(self._claimants(p.claim))
            )
        return withdrawn

    def _claimants(self, claim: str) -> tuple[str, ...]:
        attrs = self.nodes[claim]
        return tuple(attrs.get("claimants") or [attrs["claimant"]])

    def _implicated(self, proposition: str) -> set[str]:
        relations = ("implicates",) if self.nodes[proposition].get("type") == "proposition" else ("accuses", "targets")
        return {v for v, _, _ in out_edges(self.G, proposition, relations)}

    def _on_implicated_side(self, proposition: str, concession: Position, contesting: set[str]) -> bool:
        implicated = self._implicated(proposition)
        sides = {self.nodes[a].get("side") for a in implicated} - {None}
        bodies = {self.bodies[a] for a in implicated if a in self.bodies}
        return any(
            c in contesting or self.bodies.get(c) in bodies or self.nodes[c].get("side") in sides
            for c in self._claimants(concession.claim)
        )

    def _stand(self, p: Position, withdrawn: bool) -> Stand:
        evidence = [v for v, _, _ in out_edges(self.G, p.claim, ("cites", "rests_on"), of_type="evidence")]
        return Stand(
            p.claim,
            p.role,
            self._claimants(p.claim),
            self.nodes[p.claim].get("date"),
            p.answers,
            tuple(dict.fromkeys(evidence)),
            withdrawn,
        )
