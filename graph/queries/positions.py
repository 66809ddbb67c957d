"""What is at issue and who stands where: the propositions of a graph, and each claim's position on them.

A proposition is **declared** (a ``propositions:`` record) or **implicit**: a
claim that takes no stance and answers no other claim stands for its own
proposition, whose id is the claim's id (a proposition only one claim asserts
need not be declared apart from it). The claim asserts its proposition, or
concedes it when its kind concedes (an admission: the speaker grants
something against its own side).

A claim's positions come from three places, read from the vocabulary's
families (:mod:`graph.vocabulary`), never from relation names:

- **Its stances** (``asserts: p``, ``denies: p``, ...): the stance is the role.
- **Its answers** (``responds_to`` with a relation of the attack, concede or
  retract family): answering a claim is answering what that claim asserts,
  so the answer takes a position on each proposition the answered claim
  asserts, unless it takes a stance of its own on it (the stance is the more
  precise record). The role is the relation when it is also a stance
  (``denies``, ``qualifies``, ``concedes``, ``retracts``), otherwise that of
  its family (``rebuts`` is an attack: ``denies``).
- **Its backing** (support, repeat and endorse families): a claim that takes
  no stance of its own stands for what it backs: ``supports`` and
  ``repeats`` assert it, ``endorses`` endorses it. A claim with stances of
  its own is about those, whatever else it backs.

What a claim asserts, for answers aimed at it: the propositions it asserts
or concedes by stance; those it backs when it takes no stance; its own when
it is implicit. Answering a denial is not taken as asserting what it denies.

>>> import graph
>>> G = graph.load("data/claims.yaml")
>>> [p for p in positions(G)["us-trains-isis"] if p.role == "denies"]
[Position(proposition='us-trains-isis', claim='rebarich-denies-training', role='denies', answers=None)]
>>> positions(G)["konashenkov-human-shields"][0]  # an implicit proposition, answered claim to claim
Position(proposition='konashenkov-human-shields', claim='coalition-denies-human-shields', role='denies', \
answers='konashenkov-human-shields')
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from ..types import ClaimGraph
from ..vocabulary import CLAIM_KINDS, RELATIONS, STANCES, Family
from .index import Index, index
from .records import Position, Role

ROLE_OF_FAMILY: dict[Family, Role] = {
    "attack": "denies",
    "support": "asserts",
    "repeat": "asserts",
    "endorse": "endorses",
    "concede": "concedes",
    "retract": "retracts",
}
"""The role a response takes when its relation is not itself a stance (``rebuts`` -> ``denies``)."""

BACKING: frozenset[Family] = frozenset({"support", "repeat", "endorse"})
"""Families by which a claim backs another rather than answering it."""

STANCE_NAMES: frozenset[str] = frozenset(STANCES)

POSITIVE: frozenset[str] = frozenset(s.name for s in STANCES.values() if s.direction > 0)
"""Stances that say the proposition is true (asserts, concedes)."""


def propositions(G: ClaimGraph) -> list[str]:
    """Every proposition of the graph: the declared ones in graph order, then the implicit ones (claim ids).

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> props = propositions(G)
    >>> props[:2], "konashenkov-no-operations" in props, "rebarich-denies-training" in props
    (['us-trains-isis', 'militant-training-at-tanf'], True, False)
    """
    return list(positions(G))


def is_implicit(G: ClaimGraph, claim: str) -> bool:
    """True when ``claim`` stands for its own proposition: it takes no stance and answers no claim."""
    return _is_implicit(index(G), claim)


def _is_implicit(idx: Index, claim: str) -> bool:
    links = idx.links[claim]
    return not links.stances and not links.responses


def positions(G: ClaimGraph) -> dict[str, list[Position]]:
    """Every proposition's positions, by proposition (as :func:`propositions` orders them), in date order.

    A declared proposition no claim takes a position on has an empty list.
    Worked out once per graph (see :mod:`graph.queries.index`).

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> [(p.claim, p.role) for p in positions(G)["isis-operates-from-tanf"]]
    [('coalition-denies-black-hole', 'denies'), ('konashenkov-black-hole', 'asserts'), \
('gerasimov-militants-at-tanf-and-shaddadi', 'asserts')]
    """
    idx = index(G)
    return idx.memo("positions", lambda: _all_positions(idx))


def _all_positions(idx: Index) -> dict[str, list[Position]]:
    declared = [p for p, attrs in idx.nodes.items() if attrs.get("type") == "proposition"]
    found: dict[str, list[Position]] = {p: [] for p in declared}
    found.update((c, []) for c in idx.claims if _is_implicit(idx, c))
    asserted = _Asserted(idx)
    for claim in idx.claims:
        for position in _claim_positions(idx, claim, asserted):
            found.setdefault(position.proposition, []).append(position)
    for listed in found.values():
        listed.sort(key=lambda p: idx.order(p.claim))
    return found


def claim_positions(G: ClaimGraph, claim: str) -> list[Position]:
    """The positions ``claim`` takes, each (proposition, role) once: stances, then answers and backing.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> [(p.proposition, p.role) for p in claim_positions(G, "coalition-denies-black-hole")]
    [('isis-operates-from-tanf', 'denies'), ('konashenkov-no-operations', 'denies')]
    """
    idx = index(G)
    return _claim_positions(idx, claim, _Asserted(idx))


def _claim_positions(idx: Index, claim: str, asserted: _Asserted) -> list[Position]:
    links = idx.links[claim]
    own = {p for p, _ in links.stances}
    found = [Position(p, claim, _role(how), None) for p, how in links.stances]
    for answered, how in links.responses:
        if links.stances and RELATIONS[how].family in BACKING:
            continue
        found += [Position(p, claim, _role(how), answered) for p in asserted(answered) if p not in own]
    if _is_implicit(idx, claim):
        found.append(Position(claim, claim, _own_role(idx, claim), None))
    first: dict[tuple[str, str], Position] = {}
    for position in found:
        first.setdefault((position.proposition, position.role), position)
    return list(first.values())


def _own_role(idx: Index, claim: str) -> Role:
    """How a claim stands on its own proposition: it concedes it when its kind concedes (an admission)."""
    stance = CLAIM_KINDS[idx.nodes[claim]["kind"]].stance
    return cast(Role, stance) if stance in POSITIVE else "asserts"


def _role(how: str) -> Role:
    """The stance of the same name, or the role of the relation's family."""
    return cast(Role, how) if how in STANCE_NAMES else ROLE_OF_FAMILY[RELATIONS[how].family]


class _Asserted:
    """What each claim asserts, for answers aimed at it (see the module docstring); computed once per claim."""

    def __init__(self, idx: Index) -> None:
        self.idx = idx
        self.known: dict[str, tuple[str, ...]] = {}

    def __call__(self, claim: str) -> tuple[str, ...]:
        if claim not in self.known:
            self.known[claim] = ()  # a loop of backing ends here
            self.known[claim] = tuple(dict.fromkeys(self._find(claim)))
        return self.known[claim]

    def _find(self, claim: str) -> Iterator[str]:
        links = self.idx.links[claim]
        yield from (p for p, how in links.stances if how in POSITIVE)
        if links.stances:
            return
        for other, how in links.responses:
            if RELATIONS[how].family in BACKING:
                yield from self(other)
        if _is_implicit(self.idx, claim):
            yield claim
