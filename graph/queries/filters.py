"""Selecting claims by actor, side, kind, place and dates, and cutting the graph down to them."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from ..types import ClaimGraph
from ..vocabulary import CLAIM_KINDS, RESPONSE_RELATIONS
from .resolve import resolve, resolve_side
from .walk import (
    NodeAttributes,
    closure,
    fresh_adjacency,
    node_dict,
    nodes_of_type,
    pred_dict,
    predecessors,
    succ_dict,
    successors,
)
from .when import DateLike, claim_dates, overlaps, to_day

KINDS: tuple[str, ...] = tuple(CLAIM_KINDS)
"""Every claim kind."""

ACTOR_RELATIONS: tuple[tuple[str, ...], tuple[str, ...]] = (("made", "relays"), ("accuses", "targets"))
"""How a claim involves an actor: edges from it (made, relayed the claim) and edges to it (accused, addressed)."""

CONTEXT_RELATIONS: tuple[str, ...] = (*RESPONSE_RELATIONS, "accuses", "targets")
"""Links from a selected claim whose far end stays in view as context: what a response answers, whom a claim accuses."""


def select_claims(
    G: ClaimGraph,
    *,
    actor: str | None = None,
    side: str | None = None,
    kind: str | Collection[str] | None = None,
    place: str | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    include_members: bool = False,
) -> set[str]:
    """The claims that pass every filter given (filters left as None pass everything).

    - ``actor``: claims the actor made or relayed, or that accuse or address
      it; with ``include_members``, those of its members too (transitively).
    - ``side``: claims whose claimant belongs to the side (id or name).
    - ``kind``: one kind, or a collection of kinds (see :data:`KINDS`).
    - ``place``: claims about the place (id, name or alias).
    - ``start``, ``end``: claims whose date may fall in the period, both ends
      included; a partial date counts when any day of it does
      (``start="2017-10"`` means from 1 October, ``end="2017-10"`` up to
      31 October). Undated claims are left out once either end is given.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> sorted(select_claims(G, actor="rebarich"))
    ['rebarich-denies-training']
    """
    candidates = _candidates(G, actor, place, include_members)
    kinds = _kinds(kind)
    side_id = resolve_side(G, side) if side is not None else None
    first = to_day(start, end=False) if start is not None else None
    last = to_day(end, end=True) if end is not None else None
    nodes = node_dict(G)
    chosen = {
        c
        for c in candidates
        if (kinds is None or nodes[c].get("kind") in kinds) and (side_id is None or _claimant_side(nodes, c) == side_id)
    }
    if first is None and last is None:
        return chosen
    return {c for c, date in claim_dates(G, chosen).items() if overlaps(date, first, last)}


def _candidates(G: ClaimGraph, actor: str | None, place: str | None, include_members: bool) -> set[str]:
    """The claims an actor or place touches, found from that node's edges rather than a scan."""
    found: set[str] | None = None
    if actor is not None:
        found = involving(G, resolve(G, actor, "actor"), include_members=include_members)
    if place is not None:
        about = claims_about(G, resolve(G, place, "place"))
        found = about if found is None else found & about
    return set(nodes_of_type(G, "claim")) if found is None else found


def involving(G: ClaimGraph, actor: str, *, include_members: bool = False) -> set[str]:
    """The claims ``actor`` (an id) made or relayed, or that accuse or address it: the actor filter's rule.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> "konashenkov-black-hole" in involving(G, "russian-mod", include_members=True)
    True
    """
    made, about = ACTOR_RELATIONS
    actors = closure(G, {actor}, ("member_of",), upstream=True) if include_members else {actor}
    return {c for a in actors for c in successors(G, a, made) | predecessors(G, a, about)}


def claims_about(G: ClaimGraph, place: str) -> set[str]:
    """The claims (not the propositions or evidence) that concern ``place`` (an id): the place filter's rule.

    >>> import graph
    >>> sorted(claims_about(graph.load("tests/fixtures/mini.yaml"), "base"))
    ['general-a-training']
    """
    nodes = node_dict(G)
    return {c for c in predecessors(G, place, ("concerns",)) if nodes[c].get("type") == "claim"}


def filter_index(G: ClaimGraph) -> dict[str, dict[str, list[str]]]:
    """For each filter and each of its values, the claims :func:`select_claims` selects: what the page filters by.

    ``actor`` and ``members`` (the actor with its members) are keyed by actor id,
    ``side`` by side id (``""``: claims whose claimant has no known side),
    ``kind`` by claim kind and ``place`` by place id. Each list is sorted.

    >>> import graph
    >>> index = filter_index(graph.load("tests/fixtures/mini.yaml"))
    >>> sorted(index), index["actor"]["general-a"]
    (['actor', 'kind', 'members', 'place', 'side'], ['blue-denies-training', 'general-a-training'])
    """
    nodes = node_dict(G)
    actors = list(nodes_of_type(G, "actor"))
    sides = {c: _claimant_side(nodes, c) for c in nodes_of_type(G, "claim")}
    known = [str(s) for s in G.graph.get("sides", {})]
    by_side: dict[str, list[str]] = {s: [] for s in known}
    by_side[""] = []
    by_kind: dict[str, list[str]] = {}
    for claim, side in sorted(sides.items()):
        by_side[side if side in known else ""].append(claim)
        by_kind.setdefault(str(nodes[claim].get("kind")), []).append(claim)
    return {
        "actor": {a: sorted(involving(G, a)) for a in actors},
        "members": {a: sorted(involving(G, a, include_members=True)) for a in actors},
        "side": by_side,
        "kind": by_kind,
        "place": {p: sorted(claims_about(G, p)) for p in nodes_of_type(G, "place")},
    }


def _kinds(kind: str | Collection[str] | None) -> frozenset[str] | None:
    if kind is None:
        return None
    kinds = frozenset((kind,) if isinstance(kind, str) else kind)
    unknown = sorted(kinds - set(KINDS))
    if unknown:
        raise ValueError(f"unknown claim kind {unknown[0]!r}; the kinds are {', '.join(KINDS)}")
    return kinds


def _claimant_side(nodes: NodeAttributes, claim: str) -> str | None:
    claimant: str | None = nodes[claim].get("claimant")
    side: str | None = nodes[claimant].get("side") if claimant is not None and claimant in nodes else None
    return side


def subgraph(
    G: ClaimGraph,
    *,
    actor: str | None = None,
    side: str | None = None,
    kind: str | Collection[str] | None = None,
    place: str | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
) -> ClaimGraph:
    """A copy of the graph cut down to the selected claims and what they touch.

    The filters are those of :func:`select_claims`. Kept: the selected claims;
    the actors, sources and places linked to them (claimants, accused and
    addressed actors, intermediaries, reporting documents, places); the
    publishers of those documents; and the bodies the kept actors belong to,
    transitively, so that ``include_members`` still works on the result.
    Edges between kept nodes are kept, and ``G.graph`` (sides, name) is copied.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> H = subgraph(G, actor="rebarich")
    >>> sorted(n for n, t in H.nodes(data="type") if t == "claim")
    ['rebarich-denies-training']
    >>> H.graph["sides"] == G.graph["sides"]
    True
    """
    claims = select_claims(G, actor=actor, side=side, kind=kind, place=place, start=start, end=end)
    return copy_of(G, _touched(G, claims))


def copy_of(G: ClaimGraph, keep: set[str]) -> ClaimGraph:
    """A new graph of the ``keep`` nodes and the edges between them, attribute dicts copied (as ``G.copy()``).

    Filled in the layout ``MultiDiGraph.add_edge`` uses (one key dict shared
    by ``_succ[u][v]`` and ``_pred[v][u]``): several times faster than
    ``G.subgraph(keep).copy()``, which goes through filtered views.
    """
    H: ClaimGraph = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from((n, attrs.copy()) for n, attrs in node_dict(G).items() if n in keep)
    succ = succ_dict(G)
    h_succ, h_pred = fresh_adjacency(H)
    for u in h_succ:
        for v, keyed in succ[u].items():
            if v in keep:
                copied = {key: dict(attrs) for key, attrs in keyed.items()}
                h_succ[u][v] = copied
                h_pred[v][u] = copied
    return H


def _touched(G: ClaimGraph, claims: Iterable[str]) -> set[str]:
    """The claims, their non-claim neighbours, the publishers of kept sources and the bodies of kept actors."""
    nodes, succ, pred = node_dict(G), succ_dict(G), pred_dict(G)
    keep: set[str] = set()
    for claim in claims:
        keep.add(claim)
        keep.update(n for n in pred[claim] if nodes[n].get("type") != "claim")
        keep.update(n for n in succ[claim] if nodes[n].get("type") != "claim")
    # Publishers and bodies come from the record fields the nodes carry, which is
    # much faster than scanning each actor's edges (mostly the claims it made).
    stack = [n for n in keep if nodes[n].get("type") in ("source", "actor")]
    while stack:
        for up in _upward(nodes[stack.pop()]):
            if up in nodes and up not in keep:
                keep.add(up)
                stack.append(up)
    return keep


def _upward(attrs: dict[str, Any]) -> list[str]:
    if attrs.get("type") == "source":
        return [attrs["publisher"]] if attrs.get("publisher") else []
    return list(attrs.get("member_of", ()))
