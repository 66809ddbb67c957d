"""Attribute values that every XML and table format can hold: text, numbers and booleans, never a Python repr.

Lists of text become ``'a; b'``; anything nested becomes JSON text; ``None``
is left out. Characters XML 1.0 cannot carry (most control characters,
U+FFFE, U+FFFF) become U+FFFD, so an export always parses.

>>> flat_value(["Gen. A", "General A"]), flat_value([{"source": "doc"}]), xml_safe("A\\x01B")
('Gen. A; General A', '[{"source": "doc"}]', 'A\\ufffdB')
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from ..text import xml_safe
from ..types import ClaimGraph

FlatValue = str | int | float | bool


def flat_value(value: Any) -> FlatValue:
    """One attribute value as text, a number or a boolean."""
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def flat_attrs(attrs: dict[str, Any]) -> dict[str, FlatValue]:
    """Every attribute but those that are ``None``, flattened with :func:`flat_value`."""
    return {key: flat_value(value) for key, value in attrs.items() if value is not None}


def xml_attrs(attrs: dict[str, Any]) -> dict[str, FlatValue]:
    """:func:`flat_attrs` with text made safe for XML."""
    return {key: xml_safe(v) if isinstance(v, str) else v for key, v in flat_attrs(attrs).items()}


def flat_graph(G: ClaimGraph) -> nx.MultiDiGraph[str]:
    """A copy whose attribute values are all XML-safe text, numbers or booleans.

    Edges are keyed ``e0``, ``e1``, ... (GraphML uses the key as the edge id,
    which must be unique in the file); the relation stays an attribute.
    """
    flat: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    flat.graph.update(xml_attrs(G.graph))
    flat.add_nodes_from((xml_safe(str(n)), xml_attrs(d)) for n, d in G.nodes(data=True))
    for index, (u, v, attrs) in enumerate(G.edges(data=True)):
        flat.add_edge(xml_safe(str(u)), xml_safe(str(v)), key=f"e{index}", **xml_attrs(attrs))
    return flat
