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
from collections.abc import Container, Iterable, Mapping, Sequence
from typing import Any

from ..errors import ClaimgraphError, UnknownIdError
from ..suggest import suggest_id
from ..types import ClaimGraph
from ..vocabulary import RELATIONS
from .index import Key, index
from .positions import claim_positions, is_implicit, positions, propositions
from .records import Position, Stand, Status, StatusName
from .walk import RESPONSES, node_dict, out_edges
from .when import DateLike, as_of_day, first_day

RETRACTING = frozenset(name for name in RESPONSES if RELATIONS[name].family == "retract")
"""Responses by which a claim withdraws another (the retract family)."""

ANSWERING: frozenset[str] = frozenset({"denies", "qualifies"})
"""Roles that contest a proposition."""

POSITIVE_ROLES: frozenset[str] = frozenset({"asserts", "concedes", "endorses"})
"""Roles a retraction of the proposition withdraws."""

IMPLICATING = ("accuses", "targets")
"""Whom a claim standing for its own proposition implicates: the actors it accuses or addresses."""

ASSERTING: frozenset[str] = frozenset({"asserts", "concedes"})
"""Roles that assert a proposition (a concession from outside the implicated side is an assertion)."""


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
    context = _Context(G, as_of_day(as_of), whole=True)
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
    context = _Context(G, as_of_day(as_of), whole=True)
    found = (context.status(p, stands) for p, stands in positions(G).items() if _at_issue(nodes[p]))
    return _oldest_first(G, [s for s in found if s.status == "unanswered"])


def withdrawals(G: ClaimGraph, proposition: str, *, as_of: DateLike | None = None) -> dict[str, tuple[str, ...]]:
    """The claims on ``proposition`` withdrawn on ``as_of`` (default: today), each with the claims withdrawing it.

    A claim is withdrawn from the day the first of those is on record (see the
    module docstring), so the page's date slider reads a past day from these
    without the rule.

    >>> import graph
    >>> G = graph.load("tests/fixtures/withdrawn-later.yaml")
    >>> withdrawals(G, "base-used", as_of="2020-02-01")
    {'minister-says': ('minister-withdraws',)}
    >>> withdrawals(G, "base-used", as_of="2020-01-31")
    {}
    """
    return _Context(G, as_of_day(as_of)).withdrawals(_proposition_id(G, proposition))


def at_issue(G: ClaimGraph, proposition: str) -> bool:
    """Whether an unanswered ``proposition`` is an open question: a declared one, or an accusation's own.

    A claim of another kind standing for its own proposition (a report of an event, say) is not
    waiting for an answer, so :func:`unanswered` leaves it out.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> at_issue(G, "us-trains-isis"), at_issue(G, "konashenkov-human-shields")
    (True, True)
    """
    return _at_issue(node_dict(G)[proposition])


def _at_issue(attrs: Mapping[str, Any]) -> bool:
    return attrs.get("type") == "proposition" or attrs.get("kind") == "accusation"


def _oldest_first(G: ClaimGraph, found: list[Status]) -> list[Status]:
    """Oldest status first (by the date the status began), undated after, not yet made last; ties by id."""
    keys = index(G).keys
    undated: Key = (True, dt.date.max, dt.date.max)

    def key(s: Status) -> tuple[bool, Key, str]:
        return (s.status == "not yet made", keys[s.began] if s.began else undated, s.proposition)

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


class _Context:
    """What the statuses of one graph on one day share: the graph's index, and which claims are on record."""

    def __init__(self, G: ClaimGraph, day: dt.date, *, whole: bool = False) -> None:
        self.G = G
        self.day = day
        self.idx = index(G)
        self.nodes = self.idx.nodes
        on = self.idx.on_record(day)
        self.everything = whole and on.everything()
        """Every claim is on record (the usual question: as of today), so positions need no filtering."""
        self.on: Container[str] = on if self.everything or not whole else on.listed()
        self.facts = self.idx.memo("status facts", lambda: _Facts(G))

    def status(self, proposition: str, found: Sequence[Position] | None = None) -> Status:
        found = positions(self.G)[proposition] if found is None else found
        # positions are in date order already
        on = found if self.everything else [p for p in found if p.claim in self.on]
        retracted = self.facts.retracted
        retractions = self._retractions(p.claim for p in on if p.claim in retracted) if retracted else {}
        if retractions or proposition in self.facts.retracting:
            name, since = self._history(proposition, on, retractions)
            stands = self.facts.stands(on, self._withdrawn(on, retractions, None))
        else:
            name, since = self._plain(proposition, on)
            stands = self.facts.stands(on, (), proposition if on is found else None)
        began = self.facts.first_day(since) if since else None
        days = (self.day - began).days if began is not None else None
        statement, implicit = self.facts.statement(proposition)
        return Status(proposition, statement, implicit, self.day, name, self._date_text(since), days, stands, since)

    def _date_text(self, claim: str | None) -> str | None:
        return self.nodes[claim].get("date") if claim else None

    def _retractions(self, claims: Iterable[str]) -> dict[str, list[str]]:
        """For each claim, the claims on record that retract it (claim to claim)."""
        found: dict[str, list[str]] = {}
        incoming = self.idx.incoming
        for claim in claims:
            for u, how in incoming.get(claim, ()):
                if how in RETRACTING and u in self.on:
                    found.setdefault(claim, []).append(u)
        return found

    def _history(
        self, proposition: str, on: Sequence[Position], retractions: dict[str, list[str]]
    ) -> tuple[StatusName, str | None]:
        """The status now, and the claim with which it began (see the module docstring).

        Walks the claims in date order, claims of one date together, keeping
        what has been withdrawn and who has contested it so far, and names
        the status after each date; it began at the first date of the last
        unbroken run of the same name.
        """
        if not on:
            return "not yet made", None
        withdrawn_at: dict[Key, list[str]] = {}
        for claim, retractors in retractions.items():
            withdrawn_at.setdefault(min(map(self._key, retractors)), []).append(claim)
        by_key: dict[Key, list[Position]] = {}
        for position in on:
            by_key.setdefault(self._key(position.claim), []).append(position)
        events = sorted(by_key.keys() | withdrawn_at.keys())
        bodies, sides = self._implicated_side(proposition)
        then: list[Position] = []
        withdrawn: set[str] = set()
        contesting: set[str] = set()
        names: list[StatusName] = []
        for key in events:
            arrived = by_key.get(key, [])
            then += arrived
            withdrawn.update(withdrawn_at.get(key, ()))
            contesting.update(c for p in arrived if p.role in ANSWERING for c in self._claimants(p.claim))
            for retraction in (p for p in arrived if p.role == "retracts" and p.answers is None):
                speakers = set(self._claimants(retraction.claim))
                withdrawn.update(
                    p.claim for p in then if p.role in POSITIVE_ROLES and speakers & set(self._claimants(p.claim))
                )
            names.append(self._name(then, withdrawn, contesting, bodies, sides))
        start = len(names) - 1
        while start > 0 and names[start - 1] == names[-1]:
            start -= 1
        claims_then = [p.claim for p in by_key.get(events[start], ())]
        claims_then += [u for us in retractions.values() for u in us if self._key(u) == events[start]]
        return names[-1], min(claims_then, key=self.idx.order)

    def _name(
        self, then: list[Position], withdrawn: set[str], contesting: set[str], bodies: set[str], sides: set[str]
    ) -> StatusName:
        """The status given the positions so far, what is withdrawn, and who has denied or qualified it."""
        belonging, nodes = self.idx.belonging, self.nodes
        conceded = False
        assertions = []
        for p in then:
            if p.role == "concedes":
                speakers = self._claimants(p.claim)
                if any(
                    c in contesting or belonging.get(c) in bodies or nodes.get(c, {}).get("side") in sides
                    for c in speakers
                ):
                    conceded = conceded or p.claim not in withdrawn
                    continue
            if p.role in ("asserts", "concedes"):
                assertions.append(p.claim)
        if conceded:
            return "conceded"
        if assertions and all(c in withdrawn for c in assertions):
            return "retracted"
        if not assertions:
            return "unasserted"
        return "disputed" if any(p.role in ANSWERING and p.claim not in withdrawn for p in then) else "unanswered"

    def _plain(self, proposition: str, on: Sequence[Position]) -> tuple[StatusName, str | None]:
        """:meth:`_history` when nothing retracts or is retracted, in one pass.

        Nothing is then withdrawn, so the status only moves forward: from
        unasserted or unanswered to disputed (once both asserted and answered),
        and to conceded, for good, once a concession counts (when made, if its
        speaker is on the implicated side, or when its speaker first denies or
        qualifies the proposition). Until then a concession is an assertion.
        """
        if not on:
            return "not yet made", None
        key = self.idx.keys
        conceded = self._conceded_at(proposition, on) if proposition in self.facts.conceding else None
        if conceded is not None:
            return "conceded", next(p.claim for p in on if key[p.claim] == conceded)
        first_assertion: str | None = None
        first_answer: str | None = None
        for p in on:  # one pass: the first assertion and the first answer
            if first_assertion is None and p.role in ASSERTING:
                first_assertion = p.claim
                if first_answer is not None:
                    break
            elif first_answer is None and p.role in ANSWERING:
                first_answer = p.claim
                if first_assertion is not None:
                    break
        if first_assertion is None:
            return "unasserted", on[0].claim
        if first_answer is None:
            return "unanswered", first_assertion
        began = max(key[first_assertion], key[first_answer])
        if began == key[on[0].claim]:  # claims of one date are taken together: the status began with the first
            return "disputed", on[0].claim
        return "disputed", next(p.claim for p in on if key[p.claim] == began)

    def _conceded_at(self, proposition: str, on: Sequence[Position]) -> Key | None:
        """When a concession first counted, with nothing withdrawn; None if none has."""
        key = self.idx.keys
        contested: dict[str, Key] = {}
        for p in on:
            if p.role in ANSWERING:
                for c in self._claimants(p.claim):
                    contested.setdefault(c, key[p.claim])
        bodies, sides = self._implicated_side(proposition)
        belonging, nodes = self.idx.belonging, self.nodes
        counted: list[Key] = []
        for p in on:
            if p.role != "concedes":
                continue
            for c in self._claimants(p.claim):
                if belonging.get(c) in bodies or nodes.get(c, {}).get("side") in sides:
                    counted.append(key[p.claim])
                elif c in contested:
                    counted.append(max(key[p.claim], contested[c]))
        return min(counted, default=None)

    def _key(self, claim: str) -> Key:
        """When a claim was made, for ordering: claims with the same key were made together."""
        return self.idx.keys[claim]

    def _withdrawn(self, then: Sequence[Position], retractions: dict[str, list[str]], key: Key | None) -> set[str]:
        """The claims among ``then`` withdrawn by ``key`` (None: by the day)."""
        return set(self._withdrawers(then, retractions, key))

    def _withdrawers(
        self, then: Sequence[Position], retractions: dict[str, list[str]], key: Key | None
    ) -> dict[str, list[str]]:
        """Each claim among ``then`` withdrawn by ``key`` (None: by the day), with the claims that withdraw it."""
        found = {c: [u for u in us if key is None or self._key(u) <= key] for c, us in retractions.items()}
        found = {c: us for c, us in found.items() if us}
        for retraction in (p for p in then if p.role == "retracts" and p.answers is None):
            speakers = set(self._claimants(retraction.claim))
            for p in then:
                if (
                    p.role in POSITIVE_ROLES
                    and self._key(p.claim) <= self._key(retraction.claim)
                    and speakers & set(self._claimants(p.claim))
                ):
                    found.setdefault(p.claim, []).append(retraction.claim)
        return found

    def withdrawals(self, proposition: str) -> dict[str, tuple[str, ...]]:
        """See :func:`withdrawals`."""
        on = [p for p in positions(self.G)[proposition] if p.claim in self.on]
        retractions = self._retractions(p.claim for p in on if p.claim in self.facts.retracted)
        found = self._withdrawers(on, retractions, None)
        return {p.claim: tuple(dict.fromkeys(found[p.claim])) for p in on if p.claim in found}

    def _claimants(self, claim: str) -> tuple[str, ...]:
        return self.idx.claimants[claim]

    def _implicated_side(self, proposition: str) -> tuple[set[str], set[str]]:
        return self.facts.implicated_side(proposition)


class _Facts:
    """What statuses need that does not depend on the day, once per graph."""

    def __init__(self, G: ClaimGraph) -> None:
        self.idx = idx = index(G)
        self._sides: dict[str, tuple[set[str], set[str]]] = {}
        self._first_days: dict[str, dt.date | None] = {}
        self.retracted = {v for links in idx.links.values() for v, how in links.responses if how in RETRACTING}
        """Claims some claim retracts."""
        self.retracting = {p for p, found in positions(G).items() if any(x.role == "retracts" for x in found)}
        """Propositions some claim retracts."""
        self.conceding = {p for p, found in positions(G).items() if any(x.role == "concedes" for x in found)}
        """Propositions some claim concedes."""
        self.about = {c: (idx.claimants[c], idx.nodes[c].get("date"), idx.evidence[c]) for c in idx.claims}
        """Each claim's claimants, date as written, and evidence, as a :class:`Stand` lists them."""
        self._every_stand: dict[str, tuple[Stand, ...]] = {}

    def stands(
        self, on: Sequence[Position], withdrawn: Container[str], every_of: str | None = None
    ) -> tuple[Stand, ...]:
        """The :class:`Stand` of each position ``on`` record; ``every_of``: they are all of that proposition's
        positions and none is withdrawn, which depends on nothing else, so the answer is kept."""
        if every_of is not None and every_of in self._every_stand:
            return self._every_stand[every_of]
        about = self.about
        found = tuple(
            Stand(
                p.claim,
                p.role,
                about[p.claim][0],
                about[p.claim][1],
                p.answers,
                about[p.claim][2],
                p.claim in withdrawn,
            )
            for p in on
        )
        if every_of is not None:
            self._every_stand[every_of] = found
        return found

    def implicated_side(self, proposition: str) -> tuple[set[str], set[str]]:
        """The bodies and sides of the actors the proposition implicates (an implicit one: its claim's targets)."""
        if proposition not in self._sides:
            idx = self.idx
            relations = ("implicates",) if idx.nodes[proposition].get("type") == "proposition" else IMPLICATING
            implicated = {v for v, _, _ in out_edges(idx.G, proposition, relations)}
            belonging = idx.belonging
            self._sides[proposition] = (
                {belonging[a] for a in implicated if a in belonging},
                {side for a in implicated if (side := idx.nodes[a].get("side")) is not None},
            )
        return self._sides[proposition]

    def first_day(self, claim: str) -> dt.date | None:
        """The first day ``claim``'s date can mean (see :func:`~graph.queries.when.first_day`); None if undated."""
        if claim not in self._first_days:
            date = self.idx.dates[claim]
            self._first_days[claim] = first_day(date) if date is not None else None
        return self._first_days[claim]

    def statement(self, proposition: str) -> tuple[str, bool]:
        """A proposition's statement (an implicit one's: its claim's text), and whether it is implicit."""
        attrs = self.idx.nodes[proposition]
        return attrs.get("statement") or attrs.get("text", ""), attrs.get("type") == "claim"
