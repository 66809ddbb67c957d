"""The public Python API: complete __all__, documented members, the one-call entry point."""

from __future__ import annotations

import inspect

import networkx as nx
from support import MINI

import graph


def test_all_lists_every_public_name() -> None:
    public = {
        name
        for name, value in vars(graph).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name not in {"annotations"}
    }
    assert set(graph.__all__) == public
    assert len(graph.__all__) == len(public)


def test_every_exported_member_has_a_docstring() -> None:
    missing = [
        name
        for name in graph.__all__
        if (inspect.isfunction(getattr(graph, name)) or inspect.isclass(getattr(graph, name)))
        and not inspect.getdoc(getattr(graph, name))
    ]
    assert missing == []


def test_load_returns_a_real_networkx_multidigraph() -> None:
    G = graph.load(MINI)
    assert isinstance(G, nx.MultiDiGraph)
    assert nx.has_path(G, "blue-denies-training", "general-a")  # any networkx algorithm works
    assert G.edges["blue-denies-training", "general-a-training", "denies"]["relation"] == "denies"


def test_graph_carries_record_fields_and_types(mini_graph: nx.MultiDiGraph) -> None:
    claim = mini_graph.nodes["general-a-training"]
    assert (claim["type"], claim["claimant"], claim["date"], claim["quote"]) == (
        "claim",
        "general-a",
        "2017-10-06",
        "Militants are trained at the Base",
    )
    assert mini_graph.nodes["general-a"]["aliases"] == ["Gen. A"]
    assert {d["type"] for _, d in mini_graph.nodes(data=True)} == set(graph.NODE_TYPES)


def test_every_relation_is_drawn_from_the_records(mini_graph: nx.MultiDiGraph) -> None:
    relations = {d["relation"] for _, _, d in mini_graph.edges(data=True)}
    assert relations == {
        "made",
        "accuses",
        "targets",
        "denies",
        "supports",
        "reports",
        "relays",
        "published_by",
        "member_of",
        "concerns",
    }
    assert mini_graph.edges["wire", "general-a-training", "relays"] == {
        "relation": "relays",
        "document": "daily-article",
        "hop": 1,
    }
