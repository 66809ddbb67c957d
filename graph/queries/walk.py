"""Following typed edges: the neighbours of a node along named relations only."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any, cast

from ..build import RESPONSE_RELATIONS
from ..types import ClaimGraph

EdgeRow = tuple[str, str, dict[str, Any]]
"""``(neighbour, relation, edge attributes)``."""

ATTACKS: frozenset[str] = frozenset({"denies", "rebuts"})
"""Relations by which a responding claim contests the claim it answers."""

RESPONSES: frozenset[str] = frozenset(RESPONSE_RELATIONS)


Adjacency = dict[str, dict[str, dict[str, dict[str, Any]]]]
"""node -> neighbour -> edge key -> edge attributes."""


def succ_dict(G: ClaimGraph) -> Adjacency:
    """The plain dict behind ``G.succ``: read-only use only. It iterates several times faster than the view."""
    return cast(Adjacency, vars(G)["_succ"])


def pred_dict(G: ClaimGraph) -> Adjacency:
    """The plain dict behind ``G.pred``: read-only use only."""
    return cast(Adjacency, vars(G)["_pred"])


def node_dict(G: ClaimGraph) -> dict[str, dict[str, Any]]:
    """The plain dict behind ``G.nodes``: node -> attributes; read-only use only."""
    return cast(dict[str, dict[str, Any]], vars(G)["_node"])


def in_edges(G: ClaimGraph, node: str, relations: Collection[str]) -> Iterator[EdgeRow]:
    """``(predecessor, relation, attrs)`` for each edge into ``node`` whose relation is one of ``relations``."""
    for u, keyed in pred_dict(G)[node].items():
        for attrs in keyed.values():
            if attrs.get("relation") in relations:
                yield u, attrs["relation"], attrs


def out_edges(G: ClaimGraph, node: str, relations: Collection[str]) -> Iterator[EdgeRow]:
    """``(successor, relation, attrs)`` for each edge out of ``node`` whose relation is one of ``relations``."""
    for v, keyed in succ_dict(G)[node].items():
        for attrs in keyed.values():
            if attrs.get("relation") in relations:
                yield v, attrs["relation"], attrs


def predecessors(G: ClaimGraph, node: str, relations: Collection[str]) -> set[str]:
    """Nodes with an edge into ``node`` along one of ``relations``."""
    return {u for u, _, _ in in_edges(G, node, relations)}


def successors(G: ClaimGraph, node: str, relations: Collection[str]) -> set[str]:
    """Nodes ``node`` has an edge to along one of ``relations``."""
    return {v for v, _, _ in out_edges(G, node, relations)}


def nodes_of_type(G: ClaimGraph, node_type: str) -> Iterator[str]:
    """Every node whose ``type`` is ``node_type``, in graph order."""
    return (n for n, attrs in node_dict(G).items() if attrs.get("type") == node_type)


def closure(G: ClaimGraph, start: Iterable[str], relations: Collection[str], *, upstream: bool) -> set[str]:
    """``start`` and every node reached from it along ``relations`` (against the edges when ``upstream``)."""
    step = predecessors if upstream else successors
    seen = set(start)
    stack = list(seen)
    while stack:
        for nxt in step(G, stack.pop(), relations):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen
