"""Following typed edges: the neighbours of a node along named relations only."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any, cast

from ..build import RESPONSE_RELATIONS
from ..types import ClaimGraph

EdgeRow = tuple[str, str, Mapping[str, Any]]
"""``(neighbour, relation, edge attributes)``."""

ATTACKS: frozenset[str] = frozenset({"denies", "rebuts"})
"""Relations by which a responding claim contests the claim it answers."""

RESPONSES: frozenset[str] = frozenset(RESPONSE_RELATIONS)


Adjacency = Mapping[str, Mapping[str, Mapping[str, Mapping[str, Any]]]]
"""node -> neighbour -> edge key -> edge attributes."""

MutableAdjacency = dict[str, dict[str, dict[str, dict[str, Any]]]]
"""The same, as the plain dicts a graph owns."""

NodeAttributes = Mapping[str, dict[str, Any]]
"""node -> attributes."""


def succ_dict(G: ClaimGraph) -> Adjacency:
    """``G.succ`` for reading: the plain dict behind it when ``G`` owns one, which iterates several times faster.

    A view (``G.subgraph(nodes)``) or any graph whose ``_succ`` is not a
    plain dict gets the public ``G.succ``, which filters as the view should.
    """
    return _own_dict(G, "_succ") or cast(Adjacency, G.succ)


def pred_dict(G: ClaimGraph) -> Adjacency:
    """``G.pred`` for reading, as :func:`succ_dict` does it."""
    return _own_dict(G, "_pred") or cast(Adjacency, G.pred)


def node_dict(G: ClaimGraph) -> NodeAttributes:
    """``G.nodes`` for reading, as node -> attributes, as :func:`succ_dict` does it."""
    return _own_dict(G, "_node") or cast(NodeAttributes, G.nodes)


def _own_dict(G: ClaimGraph, name: str) -> Any:
    """networkx's private dict ``name`` when it is a plain dict (never a filtering view), else None.

    ``None`` for an empty dict too: the caller's fallback is then as cheap.
    """
    found = vars(G).get(name)
    return found if type(found) is dict else None


def fresh_adjacency(H: ClaimGraph) -> tuple[MutableAdjacency, MutableAdjacency]:
    """The successor and predecessor dicts of a graph this package has just made, to fill it fast.

    Only for a new ``G.__class__()`` graph, never for one a caller passed in.
    """
    return cast(MutableAdjacency, vars(H)["_succ"]), cast(MutableAdjacency, vars(H)["_pred"])


def in_edges(G: ClaimGraph, node: str, relations: Collection[str], *, of_type: str | None = None) -> Iterator[EdgeRow]:
    """``(predecessor, relation, attrs)`` for each edge into ``node`` whose relation is one of ``relations``
    (and, with ``of_type``, whose predecessor has that node type)."""
    nodes = node_dict(G)
    for u, keyed in pred_dict(G)[node].items():
        if of_type is None or nodes[u].get("type") == of_type:
            for attrs in keyed.values():
                if attrs.get("relation") in relations:
                    yield u, attrs["relation"], attrs


def out_edges(G: ClaimGraph, node: str, relations: Collection[str], *, of_type: str | None = None) -> Iterator[EdgeRow]:
    """``(successor, relation, attrs)`` for each edge out of ``node`` whose relation is one of ``relations``
    (and, with ``of_type``, whose successor has that node type: ``denies`` also links a claim to a proposition)."""
    nodes = node_dict(G)
    for v, keyed in succ_dict(G)[node].items():
        if of_type is None or nodes[v].get("type") == of_type:
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
