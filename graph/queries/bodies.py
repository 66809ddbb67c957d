"""Which actors speak as one: a body, the bodies above it, and the members who speak for it.

Actors linked by ``member_of``, directly or through other actors, form one
**body**: a spokesman and his ministry, the ministry and the government it
belongs to, two ministries of one government. A body is named by its top
actors (those that are members of nothing), joined by ``/`` when it has
several (a force that belongs to two commands joins them). An actor that
belongs to nothing and has no members is a body of its own.

>>> import graph
>>> G = graph.load("data/claims.yaml")
>>> names = body_names(G)
>>> names["konashenkov"], names["zakharova"], names["russian-government"]
('russian-government', 'russian-government', 'russian-government')
>>> names["rebarich"], names["tasnim"]
('us-dod/us-led-coalition', 'tasnim')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..types import ClaimGraph
from .walk import node_dict, nodes_of_type, succ_dict


def body_names(G: ClaimGraph) -> dict[str, str]:
    """Every actor's body, by name (see the module docstring)."""
    parent: dict[str, str] = {a: a for a in nodes_of_type(G, "actor")}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    succ, nodes = succ_dict(G), node_dict(G)
    tops = []
    for actor in parent:
        groups = [v for v, keyed in succ[actor].items() if _member_of(keyed) and nodes[v].get("type") == "actor"]
        if not groups:
            tops.append(actor)
        for group in groups:
            parent[find(actor)] = find(group)
    named: dict[str, list[str]] = {}
    for top in sorted(tops):
        named.setdefault(find(top), []).append(top)
    for actor in sorted(parent):  # a circle of memberships has no top: it takes its first member's name
        named.setdefault(find(actor), [actor])
    return {a: "/".join(named[find(a)]) for a in parent}


def _member_of(keyed: Mapping[str, Mapping[str, Any]]) -> bool:
    return any(attrs.get("relation") == "member_of" for attrs in keyed.values())
