"""Five outlets, one source? The independent origins behind a claim or a proposition, and circular reporting.

**What is presented.** For a claim: the claim itself and every claim that
``supports`` it (confirms it on its own grounds), directly or through other
supporters, and, when the claim stands for its own proposition, every claim
asserting that proposition (a repeat of it, say). For a proposition: every claim that asserts it (see
:mod:`graph.queries.positions`), by a stance of its own or by backing an
assertion. Endorsements back a claim without grounds of their own: they are
listed, never counted as origins. Denials and qualifications are not
presented for it.

**Where each comes from.** From each presented claim, derivation is followed
back: what the claim ``rests_on`` (a claim or an evidence item) and what it
``repeats``, then what those rest on or repeat, to what rests on nothing else
in the data: a claim made on its speaker's own account, or an evidence item
(a finding, a document). A derivation that loops with no way out ends at
the loop, which then stands for one origin.

**Who an origin is.** The speakers at the end: the claimants of the claim
there, or the actors who produced the evidence item (an item without
producers stands for itself). By default (``by="body"``) speakers are
counted by body (:mod:`graph.queries.bodies`): a spokesman, his ministry and
the government above it are one origin; ``by="person"`` counts each actor.
A joint statement is one origin, named by its speakers joined by ``+``.

**What circular reporting is.** A derivation that loops (A rests on B rests
on A, or claims repeating each other), or a claim presented as independent
confirmation (``supports``) of another while the two meet upstream: their
derivations end at the same claim or item, or one derives from the other.
Relaying through intermediaries (a report's ``via``, a document's wire) is
how a claim reaches a document, not a source of it, and is never circular
here; nor are claims that openly rest on or repeat one source: they say
where they come from, and the count shows one origin.

>>> import graph
>>> G = graph.load("data/claims.yaml")
>>> o = independent_origins(G, "tasnim-us-support-daesh")
>>> o.count, list(o.origins), o.circular
(1, ['sputnik-arabic-field-source'], ())
>>> print(o.origins["sputnik-arabic-field-source"][0])
tasnim-us-support-daesh repeats field-source-tanf-support
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Literal

import networkx as nx

from ..errors import ClaimgraphError, UnknownIdError
from ..suggest import suggest_id
from ..types import ClaimGraph
from ..vocabulary import RELATIONS
from .index import index
from .positions import positions
from .provenance import provenance
from .records import Chain, Circularity, Origins, Route
from .resolve import require_id_text
from .walk import RESPONSES, in_edges, node_dict, out_edges
from .when import DateLike, as_of_day

By = Literal["body", "person"]

DERIVING: frozenset[str] = frozenset(r.name for r in RELATIONS.values() if r.family in ("derive", "repeat"))
"""Relations a claim derives by: what it rests on, and what it repeats."""

SUPPORTING: frozenset[str] = frozenset(name for name in RESPONSES if RELATIONS[name].family == "support")
ENDORSING: frozenset[str] = frozenset(name for name in RESPONSES if RELATIONS[name].family == "endorse")


def independent_origins(G: ClaimGraph, subject: str, *, by: By = "body", as_of: DateLike | None = None) -> Origins:
    """The independent origins behind a claim or a proposition, with each claim's path back, and circular reporting.

    ``subject`` is a claim id or a proposition id (see the module docstring
    for what counts). With ``as_of``, only claims on record by that day are
    presented (see :func:`~graph.queries.when.on_record`); by default, every
    claim on record today. Raises :class:`~graph.errors.UnknownIdError` for
    anything else, and :class:`~graph.errors.ClaimgraphError` for an unknown
    ``by``.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> o = independent_origins(G, "us-trains-isis")
    >>> o.count, list(o.origins)
    (2, ['russian-government', 'sana-local-sources'])
    >>> independent_origins(G, "us-trains-isis", by="person").count
    2
    >>> list(independent_origins(G, "us-trains-isis", as_of="2018-12-31").origins)
    ['russian-government']
    """
    return origins_of_each(G, [subject], by=by, as_of=as_of)[_subject(G, subject)]


def origins_of_each(
    G: ClaimGraph, subjects: Iterable[str], *, by: By = "body", as_of: DateLike | None = None
) -> dict[str, Origins]:
    """:func:`independent_origins` of each of ``subjects`` at once, walking the derivations they share once.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> found = origins_of_each(G, ["us-trains-isis", "tasnim-us-support-daesh"])
    >>> found["us-trains-isis"] == independent_origins(G, "us-trains-isis"), found["tasnim-us-support-daesh"].count
    (True, 1)
    """
    if by not in ("body", "person"):
        raise ClaimgraphError(f"by must be 'body' or 'person', not {by!r}")
    chosen = [_subject(G, subject) for subject in subjects]
    on = index(G).on_record(as_of_day(as_of))
    presented: dict[str, tuple[list[str], list[str]]] = {}
    for subject in chosen:
        found, endorsing = _presented(G, subject)
        presented[subject] = [c for c in found if c in on], [c for c in endorsing if c in on]
    derivations = _Derivations(G)
    derivations.reach(c for found, _ in presented.values() for c in found)
    reports: dict[str, tuple[Chain, ...]] = {}  # a claim presented for several subjects is traced once
    return {
        s: _origins(G, s, by, found, endorsements, derivations, reports)
        for s, (found, endorsements) in presented.items()
    }


def _origins(
    G: ClaimGraph,
    subject: str,
    by: By,
    presented: list[str],
    endorsements: list[str],
    derivations: _Derivations,
    traced: dict[str, tuple[Chain, ...]],
) -> Origins:
    names = index(G).bodies if by == "body" else {}
    groups: dict[str, list[Route]] = {}
    for claim in presented:
        if (reports := traced.get(claim)) is None:
            reports = traced[claim] = tuple(provenance(G, claim))
        for steps in derivations.paths(claim):
            origin = _origin_name(G, derivations, steps[-1], names)
            groups.setdefault(origin, []).append(Route(claim, steps, _links(G, steps), origin, reports))
    circular = (*derivations.loops(presented), *_meeting_upstream(G, presented, derivations))
    return Origins(subject, by, {o: tuple(r) for o, r in groups.items()}, tuple(endorsements), tuple(circular))


def _subject(G: ClaimGraph, word: str) -> str:
    require_id_text(word, "claim or proposition")
    nodes = node_dict(G)
    if word in nodes and nodes[word].get("type") in ("claim", "proposition"):
        return word
    candidates = [n for n, a in nodes.items() if a.get("type") in ("claim", "proposition")]
    raise UnknownIdError("claim or proposition", word, suggest_id(word, candidates))


def _presented(G: ClaimGraph, subject: str) -> tuple[list[str], list[str]]:
    """The claims presented for ``subject`` (in order found), and those endorsing them."""
    asserting = [p.claim for p in positions(G).get(subject, []) if p.role in ("asserts", "concedes")]
    if node_dict(G)[subject].get("type") == "proposition":
        presented = list(dict.fromkeys(asserting))
    else:  # a claim standing for its own proposition: what asserts that too
        presented = list(dict.fromkeys([*_supporters(G, subject), *asserting]))
    endorsing = (u for c in presented for u, _, _ in in_edges(G, c, ENDORSING, of_type="claim"))
    return presented, [u for u in dict.fromkeys(endorsing) if u not in presented]


def _supporters(G: ClaimGraph, claim: str) -> list[str]:
    """``claim`` and every claim supporting it, directly or through other supporters, nearest first."""
    found = {claim: None}
    queue = deque([claim])
    while queue:
        for u, _, _ in sorted(in_edges(G, queue.popleft(), SUPPORTING, of_type="claim")):
            if u not in found:
                found[u] = None
                queue.append(u)
    return list(found)


def _links(G: ClaimGraph, steps: tuple[str, ...]) -> tuple[str, ...]:
    """The relation of each step of a derivation path (``rests_on`` or ``repeats``)."""
    return tuple(next(how for v, how, _ in out_edges(G, a, DERIVING) if v == b) for a, b in pairwise(steps))


def _origin_name(G: ClaimGraph, derivations: _Derivations, root: str, names: dict[str, str]) -> str:
    """The origin a path's end counts for (the whole loop, when the end is one)."""
    return _end_name(G, derivations.loop_of(root), names)


def _end_name(G: ClaimGraph, members: list[str], names: dict[str, str]) -> str:
    """An end's origin: its speakers' bodies (or the speakers), joined by ``+``; an item without producers, itself."""
    speakers = [s for member in members for s in _speakers(G, member)]
    counted = sorted(dict.fromkeys(names.get(s, s) for s in speakers))
    return " + ".join(counted) if counted else members[0]


def _speakers(G: ClaimGraph, node: str) -> list[str]:
    attrs = node_dict(G)[node]
    if attrs.get("type") == "claim":
        return list(attrs.get("claimants") or [attrs["claimant"]])
    return sorted(v for v, _, _ in out_edges(G, node, ("produced_by",)))


class _Derivations:
    """The derivation graph (rests_on and repeats) reached from the claims asked about, walked once per claim."""

    def __init__(self, G: ClaimGraph) -> None:
        self.G = G
        self.reached: nx.DiGraph[str] = nx.DiGraph()
        self._components: dict[str, frozenset[str]] | None = None

    def reach(self, claims: Iterable[str]) -> None:
        """Walk the derivations of all of ``claims`` now, so their strongly connected components are found once."""
        for claim in claims:
            self._reach(claim)

    def _reach(self, claim: str) -> None:
        if claim in self.reached:
            return
        self.reached.add_node(claim)
        stack = [claim]
        while stack:
            node = stack.pop()
            for v, _, _ in out_edges(self.G, node, DERIVING):
                if v not in self.reached:
                    stack.append(v)
                self.reached.add_edge(node, v)
        self._components = None

    def components(self) -> dict[str, frozenset[str]]:
        if self._components is None:
            self._components = {n: frozenset(c) for c in nx.strongly_connected_components(self.reached) for n in c}
        return self._components

    def loop_of(self, node: str) -> list[str]:
        """The members of the loop ``node`` lies on, in order of id; just ``node`` when on none."""
        members = self.components().get(node, frozenset((node,)))
        return sorted(members) if self._is_loop(node) else [node]

    def _is_loop(self, node: str) -> bool:
        return node in self.reached and (len(self.components()[node]) > 1 or self.reached.has_edge(node, node))

    def paths(self, claim: str) -> list[tuple[str, ...]]:
        """A shortest path from ``claim`` to each end of its derivation (ends in order of id).

        An end is a node deriving from nothing, or a loop nothing leads out of
        (its member nearest ``claim`` stands for it).
        """
        self._reach(claim)
        parent: dict[str, str | None] = {claim: None}
        queue = deque([claim])
        while queue:
            node = queue.popleft()
            for v in sorted(self.reached.successors(node)):
                if v not in parent:
                    parent[v] = node
                    queue.append(v)
        components = self.components()
        leading_out = {
            components[u] for u in parent for v in self.reached.successors(u) if components[v] != components[u]
        }
        ends: dict[frozenset[str], str] = {}
        for node in parent:  # breadth-first order: the nearest member of each end comes first
            if components[node] not in leading_out:
                ends.setdefault(components[node], node)
        return [_path_to(end, parent) for end in sorted(ends.values())]

    def roots(self, claim: str) -> set[str]:
        """The nodes ``claim``'s derivation ends at (every member of an end that loops)."""
        return {m for path in self.paths(claim) for m in self.loop_of(path[-1])}

    def loops(self, claims: Iterable[str]) -> Iterator[Circularity]:
        """Each derivation loop reached from ``claims``, once, as a cycle through its members."""
        below: set[str] = set()
        stack = list(claims)
        for claim in stack:
            self._reach(claim)
        while stack:  # only what these claims derive from: others' loops are not theirs
            node = stack.pop()
            if node not in below:
                below.add(node)
                stack.extend(self.reached.successors(node))
        seen: set[frozenset[str]] = set()
        for node in sorted(below):
            component = self.components()[node]
            if self._is_loop(node) and component not in seen:
                seen.add(component)
                cycle = nx.find_cycle(self.reached.subgraph(component), node)
                members = tuple(u for u, _ in cycle)
                yield Circularity("loop", (*members, members[0]), links=_links(self.G, (*members, members[0])))


def _path_to(end: str, parent: dict[str, str | None]) -> tuple[str, ...]:
    path = [end]
    while (up := parent[path[-1]]) is not None:
        path.append(up)
    return tuple(reversed(path))


def _meeting_upstream(G: ClaimGraph, presented: list[str], derivations: _Derivations) -> Iterator[Circularity]:
    """Supports between presented claims whose derivations meet upstream (see the module docstring)."""
    chosen = set(presented)
    if len(chosen) < 2:  # a support between two presented claims needs two of them
        return
    for supporter in presented:
        for supported, _, _ in sorted(out_edges(G, supporter, SUPPORTING, of_type="claim")):
            if supported not in chosen:
                continue
            shared = derivations.roots(supporter) & derivations.roots(supported)
            if shared:
                yield Circularity("meets upstream", (supporter, supported), upstream=tuple(sorted(shared)))


def claim_origins(G: ClaimGraph, claims: Iterable[str], *, by: By = "body") -> dict[str, frozenset[str]]:
    """The origins each of ``claims`` comes from (see the module docstring), for many claims at once.

    The derivation graph of all of them is walked once: what each rests on or
    repeats, to the ends, each end named as :func:`independent_origins` names it.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> found = claim_origins(G, ["tasnim-us-support-daesh", "zakharova-training"])
    >>> sorted(found["tasnim-us-support-daesh"]), sorted(found["zakharova-training"])
    (['sputnik-arabic-field-source'], ['russian-government'])
    """
    derivations: nx.DiGraph[str] = nx.DiGraph()
    chosen = list(dict.fromkeys(claims))
    derivations.add_nodes_from(chosen)
    stack = list(chosen)
    while stack:
        node = stack.pop()
        for v, _, _ in out_edges(G, node, DERIVING):
            if v not in derivations:
                stack.append(v)
            derivations.add_edge(node, v)
    components = nx.condensation(derivations)
    names = index(G).bodies if by == "body" else {}
    ends: dict[int, frozenset[str]] = {}
    for c in reversed(list(nx.topological_sort(components))):
        below = list(components.successors(c))
        if below:
            ends[c] = frozenset().union(*(ends[b] for b in below))
        else:
            ends[c] = frozenset((_end_name(G, sorted(components.nodes[c]["members"]), names),))
    mapping = components.graph["mapping"]
    return {claim: ends[mapping[claim]] for claim in chosen}
