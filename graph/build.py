"""Validated records -> a ``networkx.MultiDiGraph`` of actors, claims, propositions, evidence, sources and places.

Every node has ``type`` (see :data:`graph.vocabulary.NODE_TYPES`), ``label``
and the fields of its record; every edge has ``relation``, which is also its
key, so ``G.has_edge(a, b, key="denies")`` reads as it says. The relations,
what they link and what they mean are declared in :data:`graph.vocabulary.RELATIONS`.

A claim's reports carry the whole chain: ``via`` (the report's intermediaries,
then the source's own, such as a wire service), ``inferred_via`` (those the
document does not name), and the report's own ``quote``, ``language`` and
``translated_by``. A ``relays`` edge names its document in ``document``.

>>> from graph.load import read_dataset
>>> G = build_graph(read_dataset("data/claims.yaml"))
>>> G.graph["name"], G.nodes["konashenkov"]["type"]
('claims', 'actor')
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .bulk import bulk_work
from .dataset import Dataset
from .models import Evidence, Report, Source
from .quotenotation import has_marks, quote_parts
from .types import ClaimGraph
from .vocabulary import NODE_TYPES as _NODE_TYPES
from .vocabulary import RELATIONS as _RELATIONS
from .vocabulary import RESPONSE_RELATIONS as RESPONSE_RELATIONS

RELATIONS: tuple[str, ...] = tuple(_RELATIONS)
"""Every edge relation, in the order a legend lists them (see :data:`graph.vocabulary.RELATIONS`)."""

NODE_TYPES: tuple[str, ...] = tuple(_NODE_TYPES)
"""Every node type (see :data:`graph.vocabulary.NODE_TYPES`)."""

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


@bulk_work
def build_graph(data: Dataset, *, name: str | None = None) -> ClaimGraph:
    """Turn a validated :class:`~graph.load.Dataset` into a graph."""
    G = ClaimGraph(name=name or _default_name(data), sides=_sides(data))
    if data.title:
        G.graph["title"] = data.title
    for node_type in _NODE_TYPES.values():
        if node_type.name != "claim":
            _add_nodes(G, _record_nodes(node_type.name, data.section(node_type.section).values()))
    _add_nodes(G, _claim_nodes(data))
    _add_edges(G, _edges(data))
    return G


def _default_name(data: Dataset) -> str:
    if len(data.files) == 1 and not data.files[0].name.startswith("<"):
        return os.fsencode(Path(data.files[0].name).stem).decode("utf-8", "replace")  # text, whatever the locale
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


def _record_nodes(node_type: str, records: Iterable[Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Nodes for every record but claims: their fields, a type, and the field that labels them."""
    label_field = _NODE_TYPES[node_type].label_field
    for record in records:
        fields = _fields(record, "label", "reports")
        if isinstance(record, Source):
            fields["publisher"] = record.publisher_id
            fields["publisher_inferred"] = bool(record.publisher and record.publisher.inferred)
            fields["via"] = [m.actor for m in record.via]
            fields = {k: v for k, v in fields.items() if v not in (None, False, [])}
        text = getattr(record, label_field)
        label = getattr(record, "label", None) or (_shorten(text) if node_type == "proposition" else text)
        yield record.id, {"type": node_type, "label": label, **fields}


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _claim_nodes(data: Dataset) -> Iterator[tuple[str, dict[str, Any]]]:
    claim: Any
    for claim in data.claims.values():
        fields = _fields(claim, "quote", "responds_to", "label", "claimants", "rests_on", "reports")
        fields["claimant"] = claim.claimant
        fields["reports"] = [_report_field(report) for report in claim.reports]
        if len(claim.claimants) > 1:
            fields["claimants"] = claim.claimants
        fields["responds_to"] = [{"how": r.how, "claim": r.claim} for r in claim.responds_to]
        if claim.rests_on:
            fields["rests_on"] = [d.on for d in claim.rests_on]
        if claim.quote:
            fields["quote"] = " […] ".join(claim.quote)
            fields["quotes"] = list(claim.quote)
            if any(has_marks(q) for q in claim.quote):
                fields["quote_parts"] = [[[p.kind, p.text] for p in quote_parts(q)] for q in claim.quote]
        yield claim.id, {"type": "claim", "label": claim.label or claim_label(claim.id), **fields}


def _report_field(report: Report) -> dict[str, Any]:
    """A report as the claim node lists it: ``{source, via: [ids], ...}``, as written (source-level via aside)."""
    fields = {k: v for k, v in _fields(report, "via").items() if v != []}
    return {**fields, "via": [m.actor for m in report.via]}


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
            yield source.id, source.publisher.actor, "published_by", _inferred(source.publisher.inferred)
    for proposition in data.propositions.values():
        yield from ((proposition.id, actor, "implicates", {}) for actor in proposition.implicates)
        yield from ((proposition.id, place, "concerns", {}) for place in proposition.places)
    for item in data.evidence.values():
        yield from _evidence_edges(data, item)
    for claim in data.claims.values():
        yield from _claim_edges(data, claim)


def _inferred(inferred: bool) -> dict[str, Any]:
    return {"inferred": True} if inferred else {}


def _evidence_edges(data: Dataset, item: Evidence) -> Iterator[Edge]:
    yield from ((item.id, actor, "produced_by", {}) for actor in item.by)
    yield from ((item.id, place, "concerns", {}) for place in item.places)
    for report in item.reports:
        yield report.source, item.id, "reports", _report_attrs(data, report)


def _claim_edges(data: Dataset, claim: Any) -> Iterator[Edge]:
    for claimant in claim.claimants:
        yield claimant, claim.id, "made", {}
    relation = "accuses" if claim.kind == "accusation" else "targets"
    for target in claim.targets:
        yield claim.id, target, relation, {}
    for response in claim.responds_to:
        yield claim.id, response.claim, response.how, _judgement(response)
    for stance, proposition in claim.stances:
        yield claim.id, proposition, stance, {}
    for derivation in claim.rests_on:
        yield claim.id, derivation.on, "rests_on", _judgement(derivation)
    for item in claim.cites:
        yield claim.id, item, "cites", {}
    if claim.said_at:
        yield claim.id, claim.said_at, "said_at", {}
    for report in claim.reports:
        attrs = _report_attrs(data, report)
        yield report.source, claim.id, "reports", attrs
        for hop, actor in enumerate(attrs["via"], start=1):
            yield actor, claim.id, "relays", {"document": report.source, "hop": hop}
    for place in claim.places:
        yield claim.id, place, "concerns", {}


def _judgement(link: Any) -> dict[str, Any]:
    return {k: v for k, v in (("note", link.note), ("confidence", link.confidence)) if v is not None}


def _report_attrs(data: Dataset, report: Report) -> dict[str, Any]:
    """The report's whole chain (its own intermediaries, then its source's), and its own words."""
    source = data.sources.get(report.source)
    mentions = [
        *report.via,
        *(m for m in (source.via if source else []) if m.actor not in {v.actor for v in report.via}),
    ]
    attrs: dict[str, Any] = {"via": [m.actor for m in mentions]}
    inferred = [m.actor for m in mentions if m.inferred]
    if inferred:
        attrs["inferred_via"] = inferred
    if report.quote:
        attrs["quote"] = list(report.quote)
    if report.language:
        attrs["language"] = report.language
    if report.is_translation:
        attrs["translated"] = True
    if report.translated_by:
        attrs["translated_by"] = report.translated_by
    if report.note:
        attrs["note"] = report.note
    return attrs


# A graph made here is filled through networkx's own dicts, as MultiDiGraph.add_node and add_edge fill them
# (a node's attributes, successors and predecessors; an edge's key dict shared by both ends), without the
# per-call checks and cache clearing that were a tenth of a build: ids are unique and every edge's ends are
# nodes once the data set has been checked. tests/test_build_graph.py holds this to what add_node and add_edge make.


def _add_nodes(G: ClaimGraph, nodes: Iterable[tuple[str, dict[str, Any]]]) -> None:
    node, succ, pred = vars(G)["_node"], vars(G)["_succ"], vars(G)["_pred"]
    for n, attrs in nodes:
        if n in node:  # never after the checks; networkx keeps the node and adds the attributes
            node[n].update(attrs)
            continue
        node[n] = attrs
        succ[n] = {}
        pred[n] = {}


def _add_edges(G: ClaimGraph, edges: Iterator[Edge]) -> None:
    succ: dict[str, dict[str, dict[str, Any]]] = vars(G)["_succ"]
    pred: dict[str, dict[str, dict[str, Any]]] = vars(G)["_pred"]
    for u, v, relation, attrs in edges:
        if u not in succ or v not in succ:  # never after the checks; networkx adds the missing end
            G.add_edge(u, v, key=relation, relation=relation, **attrs)
            continue
        keyed = succ[u].get(v)
        if keyed is None:
            keyed = succ[u][v] = pred[v][u] = {}
        key, count = relation, 1
        while key in keyed:
            count += 1
            key = f"{relation}#{count}"
        keyed[key] = {"relation": relation, **attrs}
