"""The overview a large graph opens on: sides and propositions, each proposition's claims drawn on demand.

The browser tests run on one synthetic 20,000-claim page, built once per session
(benchmarks/generate.py, the data set the benchmarks use). They check behaviour;
how fast it answers is measured by benchmarks/bench_overview.py.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from support import ROOT
from test_browser import Open, Opened, click_node, open_page, selected

import graph
from graph.overview import OVERVIEW_THRESHOLD, SIDE_PREFIX, overview
from graph.queries.positions import positions
from graph.render import page_data, write_html

__all__ = ["open_page"]  # the browser fixture, shared with test_browser.py

SYNTHETIC_CLAIMS = 20_000


def claims_on(G: nx.MultiDiGraph[Any], proposition: str) -> set[str]:
    """The claims standing on ``proposition``, as the queries say, the proposition itself left out."""
    return {p.claim for p in positions(G)[proposition]} - {proposition}


# --- the rule, in Python -----------------------------------------------------------------------


def test_a_page_under_the_threshold_has_no_overview(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    assert OVERVIEW_THRESHOLD == 2_000
    assert page_data(shipped_graph)["overview"] is None


def test_each_proposition_groups_exactly_the_claims_standing_on_it(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    data = page_data(shipped_graph)
    view = overview(data, threshold=10)
    assert view is not None
    ids = [n["id"] for n in data["nodes"]]
    groups = {ids[int(p)]: {ids[c] for c in members} for p, members in view["groups"].items()}
    assert groups == {p: claims_on(shipped_graph, p) for p in positions(shipped_graph)}


def test_every_node_has_one_place_in_the_overview(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    data = page_data(shipped_graph)
    view = overview(data, threshold=10)
    assert view is not None
    propositions = {n["node"] for n in view["nodes"] if n["node"] is not None}
    assert propositions.isdisjoint(view["places"])
    assert propositions | set(view["places"]) == set(range(len(data["nodes"])))


def test_the_sides_that_made_claims_come_first_with_their_counts(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    view = overview(page_data(shipped_graph), threshold=10)
    assert view is not None
    sides = [n for n in view["nodes"] if n["node"] is None]
    claimants = [shipped_graph.nodes[c]["claimant"] for c, t in shipped_graph.nodes(data="type") if t == "claim"]
    made = Counter(shipped_graph.nodes[a].get("side") or "none" for a in claimants)
    assert [(n["id"], n["claims"]) for n in sides] == [
        (SIDE_PREFIX + s, made[s]) for s in [*shipped_graph.graph["sides"], "none"] if made[s]
    ]


# --- the page at 20,000 claims -----------------------------------------------------------------


@pytest.fixture(scope="session")
def synthetic_graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph[Any]:
    """The benchmarks' synthetic data set at 20,000 claims."""
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    path = tmp_path_factory.mktemp("synthetic") / "claims-20k.yaml"
    path.write_text(generate.make_dataset_yaml(SYNTHETIC_CLAIMS, seed=0), encoding="utf-8")
    return graph.load(path)


@pytest.fixture(scope="session")
def synthetic_html(synthetic_graph: nx.MultiDiGraph[Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Its explorer page."""
    return write_html(synthetic_graph, tmp_path_factory.mktemp("synthetic-page") / "claims-20k.html")


def drawn(page: Opened) -> set[str]:
    """The record nodes the canvas draws (side nodes left out)."""
    return set(page.js("claimgraph.overview().drawn"))


def propositions(G: nx.MultiDiGraph[Any]) -> set[str]:
    return set(positions(G))


def a_proposition_with_claims(G: nx.MultiDiGraph[Any], at_least: int = 3) -> str:
    return next(p for p in sorted(positions(G)) if len(claims_on(G, p)) >= at_least)


@pytest.mark.browser
def test_a_large_graph_opens_on_its_sides_and_propositions(
    open_page: Open, synthetic_html: Path, synthetic_graph: nx.MultiDiGraph[Any]
) -> None:
    page = open_page(synthetic_html)
    assert page.js("claimgraph.overview().on") is True
    assert drawn(page) == propositions(synthetic_graph)
    on_canvas = set(page.js("claimgraph.nodes.getIds()"))
    assert {SIDE_PREFIX + s for s in synthetic_graph.graph["sides"]} <= on_canvas
    assert page.page.inner_text("#cg-overview-text").startswith("Overview of 20,000 claims: ")
    assert page.js("claimgraph.network.getScale()") == pytest.approx(0.6)


@pytest.mark.browser
def test_clicking_a_proposition_draws_exactly_its_claims_and_collapse_takes_them_away(
    open_page: Open, synthetic_html: Path, synthetic_graph: nx.MultiDiGraph[Any]
) -> None:
    page = open_page(synthetic_html)
    proposition = a_proposition_with_claims(synthetic_graph)
    click_node(page, proposition)
    assert selected(page) == [proposition]
    assert page.js("claimgraph.overview().expanded") == [proposition]
    assert drawn(page) - propositions(synthetic_graph) == claims_on(synthetic_graph, proposition) - propositions(
        synthetic_graph
    )
    page.page.click("#cg-overview-collapse")
    assert page.js("claimgraph.overview().expanded") == []
    assert drawn(page) == propositions(synthetic_graph)


@pytest.mark.browser
def test_choosing_a_claim_from_search_draws_and_selects_it(
    open_page: Open, synthetic_html: Path, synthetic_graph: nx.MultiDiGraph[Any]
) -> None:
    page = open_page(synthetic_html)
    loose = next(
        c for c in sorted(synthetic_graph) if c.startswith("claim-") and c not in propositions(synthetic_graph)
    )
    assert loose not in drawn(page)
    page.page.fill("#cg-search", loose)
    page.page.click("#cg-results button >> nth=0")
    assert selected(page) == [loose]
    assert loose in drawn(page)
    assert page.js("location.hash") == "#" + loose
    assert synthetic_graph.nodes[loose]["label"].split()[0] in page.panel_text()


@pytest.mark.browser
def test_a_side_filter_hides_that_sides_drawn_claims_and_the_list_follows(
    open_page: Open, synthetic_html: Path, synthetic_graph: nx.MultiDiGraph[Any]
) -> None:
    page = open_page(synthetic_html)
    proposition = a_proposition_with_claims(synthetic_graph)
    page.js("id => claimgraph.select(id)", proposition)
    side = synthetic_graph.nodes[synthetic_graph.nodes[proposition]["claimant"]]["side"]
    page.page.uncheck(f'#cg-filter-sides input[value="{side}"]')
    hidden = set(page.js("claimgraph.nodes.get({filter: n => n.hidden}).map(n => n.id)"))
    claimant = {c: synthetic_graph.nodes[c].get("claimant") for c in drawn(page)}
    of_side = {c for c, who in claimant.items() if who and synthetic_graph.nodes[who].get("side") == side}
    context = set(page.js("claimgraph.contextNodes()"))  # kept, dimmed, to explain a claim still shown
    assert of_side & hidden
    assert of_side - hidden <= context
    assert (of_side - context).isdisjoint(page.js("claimgraph.listedNodes()"))


@pytest.mark.browser
def test_an_address_naming_a_claim_opens_the_overview_with_it_drawn_and_selected(
    open_page: Open, synthetic_html: Path, synthetic_graph: nx.MultiDiGraph[Any]
) -> None:
    proposition = a_proposition_with_claims(synthetic_graph)
    page = open_page(synthetic_html, "#" + proposition)
    assert selected(page) == [proposition]
    assert claims_on(synthetic_graph, proposition) <= drawn(page)


@pytest.mark.browser
def test_the_svg_of_the_overview_holds_what_is_drawn(
    open_page: Open, synthetic_html: Path, synthetic_graph: nx.MultiDiGraph[Any]
) -> None:
    page = open_page(synthetic_html)
    proposition = a_proposition_with_claims(synthetic_graph)
    page.js("id => claimgraph.select(id)", proposition)
    svg = page.js("claimgraph.exportSvg()")
    exported = set(re.findall(r'data-node="([^"]+)"', svg))
    assert exported == drawn(page)
    assert claims_on(synthetic_graph, proposition) <= exported
