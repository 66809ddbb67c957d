"""Validated records -> a ``networkx.MultiDiGraph`` of actors, claims, sources and places.

Every node has ``type`` (``'actor'``, ``'claim'``, ``'source'``, ``'place'``),
``label`` and the fields of its record; every edge has ``relation``, which is
also its key, so ``G.has_edge(a, b, key="denies")`` reads as it says.

==============  ==================  =================================================
relation        direction           meaning
==============  ==================  =================================================
made            actor -> claim      the actor is the claimant
accuses         claim -> actor      an accusation names the actor
targets         claim -> actor      any other claim addresses the actor
denies ...      claim -> claim      responds: denies, rebuts, supports, concedes, repeats
reports         source -> claim     the document reports the claim (``via`` lists the chain)
relays          actor -> claim      an intermediary passed the claim on (``document``, ``hop``)
published_by    source -> actor     the outlet behind the document
member_of       actor -> actor      speaks for or belongs to
concerns        claim -> place      the claim is about the place
==============  ==================  =================================================

>>> from graph.load import read_dataset
>>> G = build_graph(read_dataset("data/claims.yaml"))
>>> G.graph["name"], G.nodes["konashenkov"]["type"]
('claims', 'actor')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .load import Dataset
from .models import RESPONSE_RELATIONS as RESPONSE_RELATIONS  # part of the graph's vocabulary too
from .models import Actor, Claim, Place, Source
from .types import ClaimGraph

RELATIONS: tuple[str, ...] = (
    "made",
    "accuses",
    "targets",
    "denies",
    "rebuts",
    "supports",
    "concedes",
    "repeats",
    "reports",
    "relays",
    "published_by",
    "member_of",
    "concerns",
)
"""Every edge relation, in the order a legend lists them."""


NODE_TYPES: tuple[str, ...] = ("actor", "claim", "source", "place")
"""Every node type."""

PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
    "#000000",
)
"""Okabe-Ito colours, safe for the common forms of colour blindness; sides take them in order."""

NO_SIDE_COLOUR = "#999999"


def build_graph(data: Dataset, *, name: str | None = None) -> ClaimGraph:
    """Turn a validated :class:`~graph.load.Dataset` into a graph."""
    G = ClaimGraph(name=name or _default_name(data), sides=_sides(data))
    if data.title:
        G.graph["title"] = data.title
    G.add_nodes_from(_record_nodes("actor", data.actors.values(), "name"))
    G.add_nodes_from(_record_nodes("place", data.places.values(), "name"))
    G.add_nodes_from(_record_nodes("source", data.sources.values(), "title"))
    G.add_nodes_from(_claim_nodes(data))
    _add_edges(G, _edges(data))
    return G


def _default_name(data: Dataset) -> str:
    if len(data.files) == 1 and not data.files[0].name.startswith("<"):
        return Path(data.files[0].name).stem
    return "claims"


def _sides(data: Dataset) -> dict[str, dict[str, Any]]:
    sides: dict[str, dict[str, Any]] = {}
    for index, side in enumerate(data.sides.values()):
        sides[side.id] = {"name": side.name, "colour": side.colour or PALETTE[index % len(PALETTE)]}
        if side.description:
            sides[side.id]["description"] = side.description
    return sides


def _fields(record: Any, *skip: str) -> dict[str, Any]:
    fields: dict[str, Any] = record.model_dump(mode="json", exclude_none=True, exclude=set(skip))
    return fields


def _record_nodes(
    node_type: str, records: Iterable[Actor | Place | Source], label: str
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Nodes for actors, places or sources: their fields, a type, and the field that labels them."""
    for record in records:
        yield record.id, {"type": node_type, "label": getattr(record, label), **_fields(record)}


def _claim_nodes(data: Dataset) -> Iterator[tuple[str, dict[str, Any]]]:
    claim: Claim
    for claim in data.claims.values():
        fields = _fields(claim, "quote", "responds_to", "label")
        fields["responds_to"] = [{"how": r.how, "claim": r.claim} for r in claim.responds_to]
        if claim.quote:
            fields["quote"] = " […] ".join(claim.quote)
            fields["quotes"] = list(claim.quote)
        yield claim.id, {"type": "claim", "label": claim.label or claim_label(claim.id), **fields}


def claim_label(claim_id: str) -> str:
    """A short label made from a readable id: ``'konashenkov-black-hole'`` -> ``'konashenkov black hole'``."""
    return claim_id.replace("-", " ").replace("_", " ")


Edge = tuple[str, str, str, dict[str, Any]]


def _edges(data: Dataset) -> Iterator[Edge]:
    for actor in data.actors.values():
        for group in actor.member_of:
            yield actor.id, group, "member_of", {}
    for source in data.sources.values():
        if source.publisher:
            yield source.id, source.publisher, "published_by", {}
    for claim in data.claims.values():
        yield from _claim_edges(claim)


def _claim_edges(claim: Claim) -> Iterator[Edge]:
    yield claim.claimant, claim.id, "made", {}
    relation = "accuses" if claim.kind == "accusation" else "targets"
    for target in claim.targets:
        yield claim.id, target, relation, {}
    for response in claim.responds_to:
        yield claim.id, response.claim, response.how, {}
    for report in claim.reports:
        yield report.source, claim.id, "reports", {"via": list(report.via)}
        for hop, actor in enumerate(report.via, start=1):
            yield actor, claim.id, "relays", {"document": report.source, "hop": hop}
    for place in claim.places:
        yield claim.id, place, "concerns", {}


def _add_edges(G: ClaimGraph, edges: Iterator[Edge]) -> None:
    adj = G.succ
    for u, v, relation, attrs in edges:
        key = relation
        existing = adj[u].get(v, {}) if u in adj else {}
        count = 1
        while key in existing:
            count += 1
            key = f"{relation}#{count}"
        G.add_edge(u, v, key=key, relation=relation, **attrs)
