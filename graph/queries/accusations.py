"""Who accused whom: accusations against an actor, and accusations an actor made.

An accusation is a claim of kind ``accusation``; the actors it names are
linked by ``accuses`` edges. Other claims that address an actor (a denial
naming the accuser, say) are not accusations and are not counted here.
"""

from __future__ import annotations

from ..types import ClaimGraph
from .resolve import resolve
from .walk import closure, node_dict, predecessors, successors
from .when import chronological


def accusations_against(
    G: ClaimGraph, actor: str, *, include_members: bool = False, include_side: bool = False
) -> list[str]:
    """The accusations naming ``actor``, in date order (undated last).

    ``actor`` is an id, a name or an alias (see :func:`resolve`).
    ``include_members`` also counts accusations against anyone who is a member
    of the actor, directly or through other bodies (``member_of``);
    ``include_side`` counts accusations against any actor of the actor's side.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> "gerasimov-training" in accusations_against(G, "us-forces")
    True
    >>> "gerasimov-training" in accusations_against(G, "US-led coalition")
    False
    >>> "gerasimov-training" in accusations_against(G, "US-led coalition", include_members=True)
    True
    """
    accused = actor_group(G, resolve(G, actor, "actor"), include_members=include_members, include_side=include_side)
    return chronological(G, {c for a in accused for c in predecessors(G, a, ("accuses",))})


def accusations_by(
    G: ClaimGraph, actor: str, *, include_members: bool = False, include_side: bool = False
) -> list[str]:
    """The accusations ``actor`` made, in date order (undated last).

    With ``include_members`` an accusation by a member counts for the body it
    belongs to (Konashenkov's count for the Russian Ministry of Defence);
    ``include_side`` counts accusations by any actor of the same side.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> "gerasimov-training" in accusations_by(G, "Russian MoD", include_members=True)
    True
    >>> accusations_by(G, "russian-mod")
    []
    """
    speakers = actor_group(G, resolve(G, actor, "actor"), include_members=include_members, include_side=include_side)
    made = {c for a in speakers for c in successors(G, a, ("made",))}
    nodes = node_dict(G)
    return chronological(G, (c for c in made if nodes[c].get("kind") == "accusation"))


def accused(G: ClaimGraph, claim: str) -> list[str]:
    """The actors ``claim`` accuses, by id; none unless it is an accusation (see the module docstring).

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> accused(G, "gerasimov-training"), accused(G, "rebarich-denies-training")
    (['us-forces'], [])
    """
    return sorted(successors(G, resolve(G, claim, "claim"), ("accuses",)))


def actor_group(G: ClaimGraph, actor: str, *, include_members: bool = False, include_side: bool = False) -> set[str]:
    """``actor``, plus the actors of its side and/or its members (transitively) when asked.

    An actor with no side has no side-mates. With both options, members of
    every actor of the side count too.
    """
    group = {actor}
    nodes = node_dict(G)
    side = nodes[actor].get("side")
    if include_side and side is not None:
        group.update(a for a, attrs in nodes.items() if attrs.get("side") == side and attrs.get("type") == "actor")
    if include_members:
        group = closure(G, group, ("member_of",), upstream=True)
    return group
