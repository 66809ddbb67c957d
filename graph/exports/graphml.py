"""GraphML for Gephi, yEd and Cytoscape: every attribute as a plain value, valid against the GraphML schema.

>>> import graph, networkx as nx
>>> H = nx.parse_graphml(to_graphml(graph.load("tests/fixtures/mini.yaml")))
>>> H.nodes["general-a"]["aliases"], H.nodes["general-a"]["member_of"]
('Gen. A', 'red-ministry')
"""

from __future__ import annotations

import io

import networkx as nx

from ..types import ClaimGraph
from .flat import flat_graph


def to_graphml(G: ClaimGraph) -> str:
    """The graph as GraphML text, lists flattened (``'a; b'``) so every tool can read every attribute."""
    buffer = io.BytesIO()
    nx.write_graphml_xml(flat_graph(G), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")
