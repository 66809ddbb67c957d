"""GEXF 1.2 for Gephi: side colours, our layout's positions, sizes, and claim dates on Gephi's timeline.

The file declares GEXF ``version="1.2"`` in the ``http://www.gexf.net/1.2draft``
namespace, as Gephi writes it, and is valid against that version's official
XSD (kept in ``tests/xsd/gexf-1.2draft``). That XSD declares the visual
elements (``color``, ``position``, ``size``, ``shape``, ``thickness``) in the
GEXF namespace itself, not in the ``viz`` namespace of the primer's examples,
so they are written there: Gephi reads them by local name either way.

* **Colours**: a node takes its side's colour (an actor's own side, a claim
  its claimant's, a source its publisher's); an edge its relation's colour.
* **Positions**: the explorer's graph layout (:func:`graph.layout.graph_layout`),
  y pointing up as Gephi draws it.
* **Time**: the graph is ``mode="dynamic"`` with ``timeformat="date"``; a claim
  lasts from the first to the last day its date can mean (``2017-10`` is
  2017-10-01 to 2017-10-31), a source likewise by its publication date, so
  Gephi's timeline filter shows what was said when. Undated nodes are always shown.
* **Title**: the data set's title, and each side's name and colour, are in ``<meta><description>``.

>>> import graph
>>> text = to_gexf(graph.load("tests/fixtures/mini.yaml"))
>>> text.count("<edge "), 'start="2017-10-01" end="2017-10-31"' in text
(17, True)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Hashable, Iterable
from typing import Any

from ..dates import PartialDate
from ..layout import graph_layout
from ..render import RELATION_STYLE, node_colours
from ..text import xml_safe
from ..types import ClaimGraph
from .flat import FlatValue, xml_attrs

NAMESPACE = "http://www.gexf.net/1.2draft"
VERSION = "1.2"

SHAPE: dict[str, str] = {"actor": "disc", "claim": "square", "source": "diamond", "place": "triangle"}
"""GEXF node shape of each node type (GEXF has disc, square, triangle, diamond)."""

SIZE: dict[str, float] = {"actor": 12.0, "claim": 10.0, "source": 8.0, "place": 8.0}
"""Node size of each node type, in Gephi's units."""

TIME_FIELD: dict[str, str] = {"claim": "date", "source": "published"}
"""The field that places each node type on the timeline."""


def to_gexf(G: ClaimGraph) -> str:
    """The graph as GEXF 1.2 text (UTF-8), for Gephi."""
    root = ET.Element("gexf", {"xmlns": NAMESPACE, "version": VERSION})
    root.append(_meta(G))
    spans = {n: span for n in G if (span := time_span(G.nodes[n])) is not None}
    graph_attrs = {"defaultedgetype": "directed", "idtype": "string", "mode": "dynamic" if spans else "static"}
    if spans:
        graph_attrs["timeformat"] = "date"
    graph = ET.SubElement(root, "graph", graph_attrs)
    colours = node_colours(G)
    node_values = {n: {**xml_attrs(dict(G.nodes[n])), "side": colours[n][0] or ""} for n in G}
    edge_values = [xml_attrs(attrs) for _, _, attrs in G.edges(data=True)]
    _declare(graph, "node", node_values.values())
    _declare(graph, "edge", edge_values)
    nodes = ET.SubElement(graph, "nodes", {"count": str(G.number_of_nodes())})
    positions = graph_layout(G)
    for n in G:
        node = _node(n, G.nodes[n], spans.get(n), node_values[n])
        _viz_node(node, str(G.nodes[n].get("type")), colours[n][1], positions.get(n, (0.0, 0.0)))
        nodes.append(node)
    edges = ET.SubElement(graph, "edges", {"count": str(G.number_of_edges())})
    for index, ((u, v, attrs), values) in enumerate(zip(G.edges(data=True), edge_values, strict=True)):
        edge = ET.SubElement(
            edges,
            "edge",
            {
                "id": f"e{index}",
                "source": xml_safe(str(u)),
                "target": xml_safe(str(v)),
                "label": str(attrs["relation"]),
            },
        )
        _attvalues(edge, values)
        _viz_edge(edge, str(attrs.get("relation")))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=False).join(
        ('<?xml version="1.0" encoding="UTF-8"?>\n', "\n")
    )


def time_span(attrs: dict[str, Any]) -> tuple[str, str] | None:
    """The first and last day a node's date can mean, as GEXF dates; ``None`` for undated nodes.

    >>> time_span({"type": "claim", "date": "2017-10~"}), time_span({"type": "actor"})
    (('2017-10-01', '2017-10-31'), None)
    """
    field = TIME_FIELD.get(str(attrs.get("type")))
    text = attrs.get(field) if field else None
    if not text:
        return None
    try:
        date = PartialDate.parse(str(text))
    except ValueError:
        return None
    return date.earliest.isoformat(), date.latest.isoformat()


def _meta(G: ClaimGraph) -> ET.Element:
    meta = ET.Element("meta")
    ET.SubElement(meta, "creator").text = "claimgraph"
    title = str(G.graph.get("title") or G.graph.get("name") or "claims")
    sides = [f"{s.get('name', sid)} ({s.get('colour', '')})" for sid, s in G.graph.get("sides", {}).items()]
    description = f"{title}. Sides: {', '.join(sides)}." if sides else title
    ET.SubElement(meta, "description").text = xml_safe(description)
    return meta


def _gexf_type(values: list[FlatValue]) -> str:
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _declare(graph: ET.Element, kind: str, rows: Iterable[dict[str, FlatValue]]) -> None:
    """Declare every attribute the rows use, with one GEXF type per attribute."""
    seen: dict[str, list[FlatValue]] = {}
    for row in rows:
        for key, value in row.items():
            seen.setdefault(key, []).append(value)
    types = {key: _gexf_type(values) for key, values in seen.items()}
    declared = ET.SubElement(graph, "attributes", {"class": kind})
    for key, gexf_type in types.items():
        ET.SubElement(declared, "attribute", {"id": key, "title": key, "type": gexf_type})


def _text(value: FlatValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _attvalues(element: ET.Element, values: dict[str, FlatValue]) -> None:
    if not values:
        return
    holder = ET.SubElement(element, "attvalues")
    for key, value in values.items():
        ET.SubElement(holder, "attvalue", {"for": key, "value": _text(value)})


def _node(n: Hashable, attrs: dict[str, Any], span: tuple[str, str] | None, values: dict[str, FlatValue]) -> ET.Element:
    element = ET.Element("node", {"id": xml_safe(str(n)), "label": xml_safe(str(attrs.get("label", n)))})
    if span:
        element.set("start", span[0])
        element.set("end", span[1])
    _attvalues(element, values)
    return element


def rgb(colour: str) -> dict[str, str]:
    """A ``#rrggbb`` colour as GEXF's ``r``, ``g`` and ``b`` channels.

    >>> rgb("#0072B2")
    {'r': '0', 'g': '114', 'b': '178'}
    """
    return {channel: str(int(colour[i : i + 2], 16)) for channel, i in (("r", 1), ("g", 3), ("b", 5))}


def _viz_node(node: ET.Element, node_type: str, colour: str, position: tuple[float, float]) -> None:
    ET.SubElement(node, "color", rgb(colour))
    ET.SubElement(node, "position", {"x": f"{position[0]:g}", "y": f"{-position[1]:g}", "z": "0"})
    ET.SubElement(node, "size", {"value": f"{SIZE.get(node_type, 8.0):g}"})
    ET.SubElement(node, "shape", {"value": SHAPE.get(node_type, "disc")})


def edge_shape(dashes: list[int] | bool) -> str:
    """GEXF's edge shape for a dash pattern of the explorer: ``solid``, ``dotted`` or ``dashed``.

    >>> edge_shape(False), edge_shape([2, 4]), edge_shape([8, 4])
    ('solid', 'dotted', 'dashed')
    """
    if not isinstance(dashes, list):
        return "solid"
    return "dotted" if dashes[0] <= 2 else "dashed"


def _viz_edge(edge: ET.Element, relation: str) -> None:
    colour, dashes, width = RELATION_STYLE.get(relation, ("#999999", False, 1.0))
    ET.SubElement(edge, "color", rgb(colour))
    ET.SubElement(edge, "thickness", {"value": f"{width:g}"})
    ET.SubElement(edge, "shape", {"value": edge_shape(dashes)})
