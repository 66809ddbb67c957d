"""build_graph fills its graph through networkx's dicts; the result must be what add_node and add_edge make."""

from __future__ import annotations

import networkx as nx

from graph import build
from graph.build import build_graph
from graph.load import read_dataset
from graph.types import ClaimGraph

DATA_SETS = ("data/claims.yaml", "tests/fixtures/mini.yaml", "tests/fixtures/withdrawn-later.yaml")


def _through_networkx(path: str) -> ClaimGraph:
    """The same records added one by one with add_node and add_edge, each repeated relation keyed ``relation#2``."""
    data = read_dataset(path)
    G = build_graph(data)
    H = ClaimGraph(**G.graph)
    H.add_nodes_from(G.nodes(data=True))
    for u, v, relation, attrs in build._edges(data):
        key, count = relation, 1
        while H.has_edge(u, v, key):
            count += 1
            key = f"{relation}#{count}"
        H.add_edge(u, v, key=key, relation=relation, **attrs)
    return H


def test_the_graph_is_what_networkx_itself_builds() -> None:
    for path in DATA_SETS:
        G, H = build_graph(read_dataset(path)), _through_networkx(path)
        assert list(G.nodes(data=True)) == list(H.nodes(data=True))
        assert list(G.edges(keys=True, data=True)) == list(H.edges(keys=True, data=True))
        assert list(G.in_edges(keys=True, data=True)) == list(H.in_edges(keys=True, data=True))
        assert nx.utils.graphs_equal(G, H)


def test_an_edge_is_one_dict_seen_from_both_ends() -> None:
    G = build_graph(read_dataset("data/claims.yaml"))
    u, v, key = next(iter(G.edges(keys=True)))
    G.edges[u, v, key]["note"] = "added later"
    assert G.pred[v][u][key]["note"] == "added later"


def test_a_node_added_after_the_build_can_be_linked() -> None:
    G = build_graph(read_dataset("tests/fixtures/mini.yaml"))
    first = next(iter(G))
    G.add_edge("new-node", first, relation="mentions")
    assert G.has_edge("new-node", first) and first in G.succ["new-node"] and "new-node" in G.pred[first]
