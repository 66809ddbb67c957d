"""The per-graph analysis index: built once, kept with the graph, rebuilt when the graph changes shape."""

from __future__ import annotations

import gc
import weakref

import networkx as nx

import graph
from graph.queries import forget, status
from graph.queries.index import held, index

DATA = """
actors:
  - {id: minister, name: Minister, kind: person}
  - {id: army, name: Army, kind: armed-force}
sources:
  - {id: doc, title: Doc}
claims:
  - {id: accuses, claimant: minister, kind: accusation, text: T, date: 2020-01-10, reports: [doc]}
  - {id: denies, claimant: army, kind: denial, text: T, date: 2020-01-12, reports: [doc]}
"""


def build() -> nx.MultiDiGraph:
    return graph.build_graph(graph.parse_dataset(DATA))


def test_the_index_is_built_once_per_graph() -> None:
    G = build()
    assert index(G) is index(G)
    assert index(G) is not index(build())


def test_adding_an_edge_rebuilds_the_index_so_answers_follow_the_graph() -> None:
    G = build()
    assert status(G, "accuses", as_of="2020-02-01").status == "unanswered"
    G.add_edge("denies", "accuses", key="denies", relation="denies")
    assert status(G, "accuses", as_of="2020-02-01").status == "disputed"


def test_after_changing_an_attribute_in_place_forget_rebuilds_it() -> None:
    G = build()
    assert status(G, "accuses", as_of="2020-01-31").status == "unanswered"
    G.nodes["accuses"]["date"] = "2020-02-15"
    forget(G)
    assert status(G, "accuses", as_of="2020-01-31").status == "not yet made"


def test_the_index_does_not_keep_its_graph_alive() -> None:
    G = build()
    index(G)
    graph_ref = weakref.ref(G)
    del G
    gc.collect()
    assert graph_ref() is None


def test_a_held_graph_keeps_its_index_unchecked_until_the_block_ends() -> None:
    G = build()
    with held(G) as kept:
        G.add_node("late", type="actor")
        assert index(G) is kept  # trusted unchanged within the block: no per-question check
    assert index(G) is not kept  # checked again after it, and the change is seen
