"""GEXF and GraphML: valid against their official schemas, and what Gephi shows (colours, positions, timeline)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from xml_schemas import schema_errors

import graph
from graph.exports import to_gexf, to_graphml
from graph.exports.gexf import NAMESPACE
from graph.vocabulary import RELATIONS

GEXF = f"{{{NAMESPACE}}}"


@pytest.mark.parametrize("fixture", ["mini_graph", "shipped_graph"])
def test_gexf_is_valid_against_the_gexf_1_2draft_schema(fixture: str, request: pytest.FixtureRequest) -> None:
    assert schema_errors("gexf.xsd", to_gexf(request.getfixturevalue(fixture))) == []


@pytest.mark.parametrize("fixture", ["mini_graph", "shipped_graph"])
def test_graphml_is_valid_against_the_graphml_schema(fixture: str, request: pytest.FixtureRequest) -> None:
    assert schema_errors("graphml.xsd", to_graphml(request.getfixturevalue(fixture))) == []


def test_networkx_gexf_fails_the_schema_that_ours_passes(mini_graph: nx.MultiDiGraph) -> None:
    """The reason we write GEXF ourselves: networkx puts name= on <graph>, which the schema forbids."""
    buffer = io.BytesIO()
    nx.write_gexf(nx.MultiDiGraph(mini_graph.edges()), buffer)
    assert any("attribute 'name' is not allowed" in e for e in schema_errors("gexf.xsd", buffer.getvalue().decode()))


def _gexf_nodes(text: str) -> dict[str, ET.Element]:
    root = ET.fromstring(text)
    return {n.get("id", ""): n for n in root.iter(f"{GEXF}node")}


def test_gexf_nodes_take_their_side_colour_and_the_layout_position(mini_graph: nx.MultiDiGraph) -> None:
    nodes = _gexf_nodes(to_gexf(mini_graph))
    colour = nodes["blue-denies-training"].find(f"{GEXF}color")
    assert colour is not None and colour.attrib == {"r": "213", "g": "94", "b": "0"}  # #D55E00, Blue's colour
    grey = nodes["wire"].find(f"{GEXF}color")
    assert grey is not None and grey.attrib == {"r": "153", "g": "153", "b": "153"}  # no side
    x, y = graph.layout.graph_layout(mini_graph)["general-a"]
    position = nodes["general-a"].find(f"{GEXF}position")
    assert position is not None and (float(position.get("x", "")), float(position.get("y", ""))) == (x, -y)
    shapes = {n: e.find(f"{GEXF}shape").get("value") for n, e in nodes.items()}  # type: ignore[union-attr]
    assert (shapes["general-a"], shapes["general-a-training"], shapes["daily-article"], shapes["base"]) == (
        "disc",
        "square",
        "diamond",
        "triangle",
    )


def test_gexf_dates_are_intervals_for_the_timeline(mini_graph: nx.MultiDiGraph) -> None:
    text = to_gexf(mini_graph)
    root = ET.fromstring(text)
    graph_element = root.find(f"{GEXF}graph")
    assert graph_element is not None
    assert (graph_element.get("mode"), graph_element.get("timeformat")) == ("dynamic", "date")
    nodes = _gexf_nodes(text)
    spans = {n: (e.get("start"), e.get("end")) for n, e in nodes.items() if e.get("start")}
    assert spans == {
        "general-a-training": ("2017-10-06", "2017-10-06"),
        "blue-denies-training": ("2017-10-07", "2017-10-07"),
        "field-source-support": ("2017-10-01", "2017-10-31"),  # 2017-10~: the month it covers
        "daily-article": ("2017-10-07", "2017-10-07"),  # a source by its publication date
    }
    assert nodes["general-a"].get("start") is None  # actors are always shown


def test_gexf_keeps_the_title_and_side_colours_in_meta(shipped_graph: nx.MultiDiGraph) -> None:
    root = ET.fromstring(to_gexf(shipped_graph))
    description = root.find(f"{GEXF}meta/{GEXF}description")
    assert description is not None and description.text is not None
    assert description.text.startswith("The al-Tanf dispute. Sides: Russian state (#0072B2), Syrian state (#D55E00)")
    assert root.get("version") == "1.2"


def test_gexf_edges_carry_their_relation_colour_and_the_relay_document(mini_graph: nx.MultiDiGraph) -> None:
    root = ET.fromstring(to_gexf(mini_graph))
    declared = {a.get("id"): a.get("type") for a in root.iter(f"{GEXF}attribute") if a.get("id") in ("hop", "via")}
    assert declared == {"hop": "integer", "via": "string"}
    relay = next(e for e in root.iter(f"{GEXF}edge") if e.get("label") == "relays")
    values = {v.get("for"): v.get("value") for v in relay.iter(f"{GEXF}attvalue")}
    assert values == {"relation": "relays", "document": "daily-article", "hop": "1"}
    denial = next(e for e in root.iter(f"{GEXF}edge") if e.get("label") == "denies")
    colour, shape = denial.find(f"{GEXF}color"), denial.find(f"{GEXF}shape")
    hex_colour = RELATIONS["denies"].colour  # the vocabulary's colour for denials, as on the page
    rgb = {k: str(int(hex_colour[i : i + 2], 16)) for k, i in (("r", 1), ("g", 3), ("b", 5))}
    assert colour is not None and colour.attrib == rgb
    assert shape is not None and shape.get("value") == "solid"


def test_gexf_loads_in_networkx_with_every_node_and_edge(shipped_graph: nx.MultiDiGraph) -> None:
    G = nx.read_gexf(io.BytesIO(to_gexf(shipped_graph).encode("utf-8")))
    assert (G.number_of_nodes(), G.number_of_edges()) == (
        shipped_graph.number_of_nodes(),
        shipped_graph.number_of_edges(),
    )


@pytest.mark.parametrize("writer", [to_gexf, to_graphml], ids=["gexf", "graphml"])
def test_text_xml_cannot_carry_is_replaced_so_the_file_still_parses(writer: object) -> None:
    G = graph.ClaimGraph()
    G.add_node("a\x01", type="actor", label="A\x01B", name="D\ufffe")
    G.add_edge("a\x01", "a\x01", relation="member_of")
    text = writer(G)  # type: ignore[operator]
    root = ET.fromstring(text)
    assert "A\ufffdB" in ET.tostring(root, encoding="unicode")
