"""The graph in other formats: node-link JSON for programs, GraphML and GEXF for Gephi.

The JSON shape is a stable contract: networkx node-link data whose nodes all
have ``id`` and ``type`` and whose edges all have ``source``, ``target`` and
``relation``. It loads back with ``nx.node_link_graph(data, edges="edges")``.

>>> from graph import load
>>> G = load("data/claims.yaml")
>>> data = to_json_data(G)
>>> {"id", "type", "label"} <= set(data["nodes"][0]), data["directed"], data["multigraph"]
(True, True, True)
"""

from __future__ import annotations

import io
import json
from typing import Any, Literal

import networkx as nx

from .types import ClaimGraph

Format = Literal["json", "graphml", "gexf"]
FORMATS: tuple[Format, ...] = ("json", "graphml", "gexf")


def to_json_data(G: ClaimGraph) -> dict[str, Any]:
    """The graph as node-link data (``nodes``, ``edges``), ready for ``json.dumps``."""
    data: dict[str, Any] = nx.node_link_data(G, edges="edges")
    return data


def to_json(G: ClaimGraph) -> str:
    """The graph as node-link JSON text, UTF-8 safe and indented for diffs.

    >>> import json, graph
    >>> data = json.loads(to_json(graph.load("tests/fixtures/mini.yaml")))
    >>> sorted({edge["relation"] for edge in data["edges"]})[:4]
    ['accuses', 'concerns', 'denies', 'made']
    """
    return json.dumps(to_json_data(G), indent=2, ensure_ascii=False) + "\n"


def to_graphml(G: ClaimGraph) -> str:
    """The graph as GraphML, lists flattened so Gephi and yEd can read every attribute.

    >>> import graph
    >>> H = nx.parse_graphml(to_graphml(graph.load("tests/fixtures/mini.yaml")))
    >>> H.nodes["general-a"]["aliases"], H.nodes["general-a"]["member_of"]
    ('Gen. A', 'red-ministry')
    """
    return _xml(nx.write_graphml_xml, flat_graph(G))


def to_gexf(G: ClaimGraph) -> str:
    """The graph as GEXF 1.2, lists flattened, for Gephi.

    >>> import graph
    >>> to_gexf(graph.load("tests/fixtures/mini.yaml")).count("<edge ")
    17
    """
    return _xml(nx.write_gexf, flat_graph(G))


def export_text(G: ClaimGraph, fmt: Format) -> str:
    """The graph in one of :data:`FORMATS`: ``'json'``, ``'graphml'`` or ``'gexf'``.

    >>> import graph
    >>> export_text(graph.load("tests/fixtures/mini.yaml"), "graphml").startswith("<?xml")
    True
    """
    writers = {"json": to_json, "graphml": to_graphml, "gexf": to_gexf}
    return writers[fmt](G)


def flat_graph(G: ClaimGraph) -> nx.MultiDiGraph[str]:
    """A copy whose attribute values are all str, int, float or bool.

    Lists of text become ``'a; b'``; anything nested becomes JSON text;
    ``None`` is left out. Never a Python repr.
    """
    flat: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    flat.graph.update(_flat_attrs(G.graph))
    flat.add_nodes_from((n, _flat_attrs(d)) for n, d in G.nodes(data=True))
    # GraphML uses the key as the edge id, which must be unique in the file; the
    # relation, which is our key, stays an attribute.
    for index, (u, v, attrs) in enumerate(G.edges(data=True)):
        flat.add_edge(u, v, key=f"e{index}", **_flat_attrs(attrs))
    return flat


def _flat_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    return {key: _flat(value) for key, value in attrs.items() if value is not None}


def _flat(value: Any) -> str | int | float | bool:
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _xml(writer: Any, G: nx.MultiDiGraph[str]) -> str:
    buffer = io.BytesIO()
    writer(G, buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")
