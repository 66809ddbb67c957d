"""Writing the graph as AIF JSON (the xAIF layout that OVA and the ``xaif`` package read).

Only what AIF can hold is written: the claims, who made them, when, where they
were reported, how they answer one another, the propositions they take a
stance on and the claims and evidence they rest on or cite (see
:mod:`.table`). Actors who made no claim, places, targets, ``said_at``,
modality, translations and curation fields have no place in AIF.

>>> import graph, json
>>> data = aif_data(graph.load("tests/fixtures/mini.yaml"))
>>> sorted({node["type"] for node in data["AIF"]["nodes"]})
['CA', 'I', 'L', 'RA', 'TA', 'YA']
>>> [p["firstname"] for p in data["AIF"]["participants"]]
['General A', 'Blue spokesperson', 'a field source']
"""

from __future__ import annotations

import json
from collections.abc import Hashable
from typing import Any

from ..dates import PartialDate
from ..types import ClaimGraph
from .table import ILLOCUTION_OF_KIND, JOINT, LINKS, TRANSITION, Scheme, link_row, relation_row


class _Builder:
    """Collects nodes, edges, locutions and participants with ids numbered in order."""

    def __init__(self) -> None:
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []
        self.participants: dict[str, dict[str, Any]] = {}
        self.fulfilments: list[dict[str, str]] = []

    def node(self, node_type: str, text: str, timestamp: str = "", scheme: Scheme | None = None) -> str:
        node_id = str(len(self.nodes) + 1)
        node: dict[str, Any] = {"nodeID": node_id, "text": text, "type": node_type, "timestamp": timestamp}
        if scheme is not None:
            node["scheme"] = scheme.name
            if scheme.scheme_id:
                node["schemeID"] = scheme.scheme_id
                self.fulfilments.append({"nodeID": node_id, "schemeID": scheme.scheme_id})
        self.nodes.append(node)
        return node_id

    def scheme(self, scheme: Scheme) -> str:
        return self.node(scheme.type, scheme.name, scheme=scheme)

    def edge(self, from_id: str, to_id: str) -> None:
        self.edges.append({"edgeID": len(self.edges) + 1, "fromID": from_id, "toID": to_id, "formEdgeID": None})

    def participant(self, actor: Hashable, name: str) -> int:
        if str(actor) not in self.participants:
            # the whole name as firstname: names of bodies and outlets do not split into two
            self.participants[str(actor)] = {
                "participantID": len(self.participants) + 1,
                "firstname": name,
                "surname": "",
            }
        return int(self.participants[str(actor)]["participantID"])


def _span(date_text: Any) -> tuple[str | None, str | None]:
    """The first and last moment a claim's date can mean, as AIFdb writes times."""
    try:
        date = PartialDate.parse(str(date_text))
    except ValueError:
        return None, None
    return f"{date.earliest.isoformat()} 00:00:00", f"{date.latest.isoformat()} 23:59:59"


def _first_url(G: ClaimGraph, attrs: dict[str, Any]) -> str | None:
    for report in attrs.get("reports") or []:
        source = str(report.get("source"))
        url = G.nodes[source].get("url") if source in G else None
        if url:
            return str(url)
    return None


def claimants(attrs: dict[str, Any]) -> list[str]:
    """The ids of a claim's claimants: the one claimant, or all of a joint statement's."""
    return [str(c) for c in attrs.get("claimants") or [attrs.get("claimant")]]


def _name(G: ClaimGraph, actor: str) -> str:
    return str(G.nodes[actor].get("name", actor)) if actor in G else actor


def speaker(G: ClaimGraph, attrs: dict[str, Any]) -> str:
    """The name of a claim's claimant; a joint statement's names joined by :data:`.table.JOINT`."""
    return JOINT.join(_name(G, actor) for actor in claimants(attrs))


def utterance(G: ClaimGraph, attrs: dict[str, Any]) -> str:
    """The L-node text of a claim: ``'Speaker: the quote'``, or the paraphrase when there is no quote."""
    return f"{speaker(G, attrs)}: {attrs.get('quote') or attrs.get('text', '')}"


def aif_data(G: ClaimGraph) -> dict[str, Any]:
    """The graph as AIF, in the xAIF layout: ``{"AIF": {"nodes", "edges", "locutions", "participants", ...}}``."""
    out = _Builder()
    claims = [n for n, attrs in G.nodes(data=True) if attrs.get("type") == "claim"]
    content: dict[Hashable, str] = {}
    spoken: dict[Hashable, str] = {}
    for node, attrs in G.nodes(data=True):  # unsaid contents: what is at issue, and what claims rest on
        if attrs.get("type") in ("proposition", "evidence"):
            content[node] = out.node("I", str(attrs.get("statement") or attrs.get("name") or ""))
    for claim in claims:
        attrs = G.nodes[claim]
        start, end = _span(attrs["date"]) if attrs.get("date") else (None, None)
        content[claim] = out.node("I", str(attrs.get("text", "")), start or "")
        spoken[claim] = out.node("L", utterance(G, attrs), start or "")
        anchor = out.scheme(ILLOCUTION_OF_KIND.get(str(attrs.get("kind")), ILLOCUTION_OF_KIND["statement"]))
        out.edge(spoken[claim], anchor)
        out.edge(anchor, content[claim])
        for actor in claimants(attrs):  # a joint statement: one locution of its L-node per claimant
            person = out.participant(actor, _name(G, actor))
            locution = {"nodeID": spoken[claim], "personID": person, "start": start, "end": end}
            out.locutions.append({**locution, "source": _first_url(G, attrs)})
    for claim in claims:
        for response in G.nodes[claim].get("responds_to") or []:
            if response["claim"] in spoken:
                answered = response["claim"]
                _response(out, response["how"], (content[claim], spoken[claim]), (content[answered], spoken[answered]))
        _links(G, out, claim, content, spoken[claim])
    return {
        "AIF": {
            "nodes": out.nodes,
            "edges": out.edges,
            "locutions": out.locutions,
            "participants": list(out.participants.values()),
            "schemefulfillments": out.fulfilments,
            "descriptorfulfillments": [],
        },
        "text": "",
        "dialog": True,
    }


def _response(out: _Builder, relation: str, reply: tuple[str, str], answered: tuple[str, str]) -> None:
    """``reply`` (content, utterance) answers ``answered``: a TA between the utterances anchors the relation."""
    row = relation_row(relation)
    transition = out.scheme(TRANSITION)
    out.edge(answered[1], transition)
    out.edge(transition, reply[1])
    anchor = out.scheme(row.anchor)
    out.edge(transition, anchor)
    if row.s_node is None:
        out.edge(anchor, answered[0])
        return
    s_node = out.scheme(row.s_node)
    out.edge(reply[0], s_node)
    out.edge(s_node, answered[0])
    out.edge(anchor, s_node)


_LINK_RELATIONS = frozenset(row.relation for row in LINKS)


def _links(G: ClaimGraph, out: _Builder, claim: Hashable, content: dict[Hashable, str], spoken: str) -> None:
    """The claim's stances, derivations and citations, each anchored on its own utterance."""
    for _, other, attrs in G.out_edges(str(claim), data=True):
        relation = str(attrs.get("relation"))
        if relation not in _LINK_RELATIONS or other not in content:
            continue
        row = link_row(relation)
        if G.nodes[other].get("type") not in row.to:  # a response of the same name, written above
            continue
        anchor = out.scheme(row.anchor)
        out.edge(spoken, anchor)
        if row.s_node is None:
            out.edge(anchor, content[other])
            continue
        s_node = out.scheme(row.s_node)
        premise, conclusion = (
            (content[claim], content[other]) if row.claim_is_premise else (content[other], content[claim])
        )
        out.edge(premise, s_node)
        out.edge(s_node, conclusion)
        out.edge(anchor, s_node)


def to_aif(G: ClaimGraph) -> str:
    """The graph as AIF JSON text, indented."""
    return json.dumps(aif_data(G), indent=2, ensure_ascii=False) + "\n"
