"""Node-link JSON for programs: networkx's node-link data, whose shape is a stable contract.

Every node has ``id``, ``type`` and ``label``; every edge has ``source``,
``target`` (its ends, as networkx writes them) and ``relation``. A ``relays``
edge names the document it leads to as ``document`` (not ``source``, which
node-link data uses for the edge's start). It loads back with
``nx.node_link_graph(data, edges="edges")``.

>>> from graph import load
>>> G = load("data/claims.yaml")
>>> data = to_json_data(G)
>>> {"id", "type", "label"} <= set(data["nodes"][0]), data["directed"], data["multigraph"]
(True, True, True)
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from ..types import ClaimGraph


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
    >>> [(e["source"], e["document"]) for e in data["edges"] if e["relation"] == "relays"][0]
    ('wire', 'daily-article')
    """
    return json.dumps(to_json_data(G), indent=2, ensure_ascii=False) + "\n"
