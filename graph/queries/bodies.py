"""Which actors speak as one: a body, the bodies above it, and the members who speak for it.

Actors linked by ``member_of``, directly or through other actors, form one
**body**: a spokesman and his ministry, the ministry and the government it
belongs to, two ministries of one government. A body is named by its top
actors (those that are members of nothing), joined by ``/`` when it has
several (a force that belongs to two commands joins them). An actor that
belongs to nothing and has no members is a body of its own.

``member_of`` means "speaks for or belongs to". Captives belong to their
group but do not speak for it: an actor of a kind in :data:`SPEAK_FOR_THEMSELVES`
(detainees) is a body of its own when counting who speaks
(``belonging=False``, the default), and part of its group when asking who
belongs to whom (``belonging=True``: a detainee's admission comes from the
group's side).

>>> import graph
>>> G = graph.load("data/claims.yaml")
>>> names = body_names(G)
>>> names["konashenkov"], names["zakharova"], names["russian-government"]
('russian-government', 'russian-government', 'russian-government')
>>> names["rebarich"], names["tasnim"], names["captured-daesh-militants"]
('us-dod/us-led-coalition', 'tasnim', 'captured-daesh-militants')
>>> body_names(G, belonging=True)["captured-daesh-militants"]
'daesh'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..types import ClaimGraph
from .walk import node_dict, nodes_of_type, succ_dict

SPEAK_FOR_THEMSELVES: frozenset[str] = frozenset({"detainees"})
"""Actor kinds whose ``member_of`` says whom they belong to, not whom they speak for."""


def body_names(G: ClaimGraph, *, belonging: bool = False) -> dict[str, str]:
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
        speaks = belonging or nodes[actor].get("kind") not in SPEAK_FOR_THEMSELVES
        groups = [v for v, keyed in succ[actor].items() if _member_of(keyed) and nodes[v].get("type") == "actor"]
        groups = groups if speaks else []
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
