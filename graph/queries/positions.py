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
>>> positions(G)["konashenkov-human-shields"][-1]  # an implicit proposition, answered claim to claim
Position(proposition='konashenkov-human-shields', claim='coalition-denies-human-shields', role='denies', \
answers='konashenkov-human-shields')
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from ..types import ClaimGraph
from ..vocabulary import CLAIM_KINDS, RELATIONS, STANCES, Family
from .records import Position, Role
from .walk import RESPONSES, node_dict, nodes_of_type, out_edges

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
    nodes = node_dict(G)
    declared = [p for p, attrs in nodes.items() if attrs.get("type") == "proposition"]
    return declared + [c for c in nodes_of_type(G, "claim") if _is_implicit(G, c)]


def is_implicit(G: ClaimGraph, claim: str) -> bool:
    """True when ``claim`` stands for its own proposition: it takes no stance and answers no claim."""
    return _is_implicit(G, claim)


def _is_implicit(G: ClaimGraph, claim: str) -> bool:
    return not any(True for _ in out_edges(G, claim, STANCE_NAMES, of_type="proposition")) and not any(
        True for _ in out_edges(G, claim, RESPONSES, of_type="claim")
    )


def positions(G: ClaimGraph) -> dict[str, list[Position]]:
    """Every proposition's positions, by proposition (as :func:`propositions` orders them), in graph order.

    A declared proposition no claim takes a position on has an empty list.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> [(p.claim, p.role) for p in positions(G)["isis-operates-from-tanf"]]
    [('konashenkov-black-hole', 'asserts'), ('coalition-denies-black-hole', 'denies'), \
('gerasimov-militants-at-tanf-and-shaddadi', 'asserts')]
    """
    found: dict[str, list[Position]] = {p: [] for p in propositions(G)}
    asserted = _Asserted(G)
    for claim in nodes_of_type(G, "claim"):
        for position in claim_positions(G, claim, asserted):
            found.setdefault(position.proposition, []).append(position)
    return found


def claim_positions(G: ClaimGraph, claim: str, asserted: _Asserted | None = None) -> list[Position]:
    """The positions ``claim`` takes, each (proposition, role) once: stances, then answers and backing.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> [(p.proposition, p.role) for p in claim_positions(G, "coalition-denies-black-hole")]
    [('isis-operates-from-tanf', 'denies'), ('konashenkov-no-operations', 'denies')]
    """
    asserted = asserted or _Asserted(G)
    stances = [(p, how) for p, how, _ in out_edges(G, claim, STANCE_NAMES, of_type="proposition")]
    own = {p for p, _ in stances}
    found = [Position(p, claim, _role(how), None) for p, how in stances]
    for answered, how, _ in out_edges(G, claim, RESPONSES, of_type="claim"):
        if stances and RELATIONS[how].family in BACKING:
            continue
        found += [Position(p, claim, _role(how), answered) for p in asserted(answered) if p not in own]
    if _is_implicit(G, claim):
        found.append(Position(claim, claim, _own_role(G, claim), None))
    first: dict[tuple[str, str], Position] = {}
    for position in found:
        first.setdefault((position.proposition, position.role), position)
    return list(first.values())


def _own_role(G: ClaimGraph, claim: str) -> Role:
    """How a claim stands on its own proposition: it concedes it when its kind concedes (an admission)."""
    stance = CLAIM_KINDS[node_dict(G)[claim]["kind"]].stance
    return cast(Role, stance) if stance in POSITIVE else "asserts"


def _role(how: str) -> Role:
    """The stance of the same name, or the role of the relation's family."""
    return cast(Role, how) if how in STANCE_NAMES else ROLE_OF_FAMILY[RELATIONS[how].family]


class _Asserted:
    """What each claim asserts, for answers aimed at it (see the module docstring); computed once per claim."""

    def __init__(self, G: ClaimGraph) -> None:
        self.G = G
        self.known: dict[str, tuple[str, ...]] = {}

    def __call__(self, claim: str) -> tuple[str, ...]:
        if claim not in self.known:
            self.known[claim] = ()  # a loop of backing ends here
            self.known[claim] = tuple(dict.fromkeys(self._find(claim)))
        return self.known[claim]

    def _find(self, claim: str) -> Iterator[str]:
        stances = [(p, how) for p, how, _ in out_edges(self.G, claim, STANCE_NAMES, of_type="proposition")]
        yield from (p for p, how in stances if how in POSITIVE)
        if stances:
            return
        backed = [v for v, how, _ in out_edges(self.G, claim, RESPONSES, of_type="claim") if _backs(how)]
        for other in backed:
            yield from self(other)
        if _is_implicit(self.G, claim):
            yield claim


def _backs(how: str) -> bool:
    return RELATIONS[how].family in BACKING
