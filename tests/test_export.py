"""Exports: the stable JSON shape, and GraphML/GEXF that load back with only plain values."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable

import networkx as nx
import pytest

from graph.exports import export_text, to_gexf, to_graphml, to_json


def test_json_nodes_have_id_and_type_and_claims_have_their_fields(shipped_graph: nx.MultiDiGraph) -> None:
    data = json.loads(to_json(shipped_graph))
    assert all({"id", "type"} <= set(node) for node in data["nodes"])
    actors = [n for n in data["nodes"] if n["type"] == "actor"]
    assert all("name" in n for n in actors)
    claims = [n for n in data["nodes"] if n["type"] == "claim"]
    assert all({"text", "kind", "claimant"} <= set(n) for n in claims)
    assert any("quote" in n and "date" in n for n in claims)
    assert all({"source", "target", "relation"} <= set(e) for e in data["edges"])


def test_json_round_trips_through_networkx(shipped_graph: nx.MultiDiGraph) -> None:
    G = nx.node_link_graph(json.loads(to_json(shipped_graph)), edges="edges")
    assert (G.number_of_nodes(), G.number_of_edges()) == (
        shipped_graph.number_of_nodes(),
        shipped_graph.number_of_edges(),
    )
    assert G.is_directed() and G.is_multigraph()


def _read_gexf(text: str) -> nx.Graph:
    return nx.read_gexf(io.BytesIO(text.encode("utf-8")))


@pytest.mark.parametrize(
    ("writer", "reader"), [(to_graphml, nx.parse_graphml), (to_gexf, _read_gexf)], ids=["graphml", "gexf"]
)
def test_xml_exports_load_back_with_every_node_and_edge(
    shipped_graph: nx.MultiDiGraph, writer: Callable[[nx.MultiDiGraph], str], reader: Callable[[str], nx.Graph]
) -> None:
    G = reader(writer(shipped_graph))
    assert G.number_of_nodes() == shipped_graph.number_of_nodes()
    assert G.number_of_edges() == shipped_graph.number_of_edges()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_hold_no_python_reprs(mini_graph: nx.MultiDiGraph, fmt: str) -> None:
    root = ET.fromstring(export_text(mini_graph, fmt))  # type: ignore[arg-type]  # fmt is a Format
    values = [el.text or "" for el in root.iter() if el.tag.endswith("data")]
    values += [el.get("value", "") for el in root.iter() if el.tag.endswith("attvalue")]
    assert values, "no attribute values were written"
    python_reprs = [v for v in values if v.startswith(("['", "{'", "(", "[(")) or v in ("None", "True", "False")]
    assert not python_reprs


def test_lists_are_flattened_readably(mini_graph: nx.MultiDiGraph) -> None:
    G = nx.parse_graphml(to_graphml(mini_graph))
    assert G.nodes["general-a"]["aliases"] == "Gen. A"
    assert json.loads(G.nodes["general-a-training"]["reports"]) == [{"source": "daily-article", "via": ["wire"]}]


def test_graphml_edge_ids_are_unique(shipped_graph: nx.MultiDiGraph) -> None:
    root = ET.fromstring(to_graphml(shipped_graph))
    ids = [el.get("id") for el in root.iter() if el.tag.endswith("}edge")]
    assert len(ids) == shipped_graph.number_of_edges() == len(set(ids))


def test_xml_exports_keep_each_edge_relation(mini_graph: nx.MultiDiGraph) -> None:
    G = nx.parse_graphml(to_graphml(mini_graph), force_multigraph=True)
    relations = sorted(d["relation"] for _, _, d in G.edges(data=True))
    assert relations == sorted(d["relation"] for _, _, d in mini_graph.edges(data=True))
