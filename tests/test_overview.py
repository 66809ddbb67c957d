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
JUST_ABOVE = OVERVIEW_THRESHOLD + 100
"""A synthetic set just over the threshold: an overview, quick enough to show everything in a test."""


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


def synthetic(claims: int, folder: Path) -> nx.MultiDiGraph[Any]:
    """The benchmarks' synthetic data set (benchmarks/generate.py) at ``claims`` claims."""
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    path = folder / f"claims-{claims}.yaml"
    path.write_text(generate.make_dataset_yaml(claims, seed=0), encoding="utf-8")
    return graph.load(path)


@pytest.fixture(scope="session")
def synthetic_graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph[Any]:
    """The benchmarks' synthetic data set at 20,000 claims."""
    return synthetic(SYNTHETIC_CLAIMS, tmp_path_factory.mktemp("synthetic"))


@pytest.fixture(scope="session")
def above_graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph[Any]:
    """The same at :data:`JUST_ABOVE` claims."""
    return synthetic(JUST_ABOVE, tmp_path_factory.mktemp("above"))


@pytest.fixture(scope="session")
def above_html(above_graph: nx.MultiDiGraph[Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Its explorer page, which opens on an overview."""
    return write_html(above_graph, tmp_path_factory.mktemp("above-page") / "claims-above.html")


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


# --- the overview in the address -----------------------------------------------------------------


def two_propositions(G: nx.MultiDiGraph[Any]) -> tuple[str, str]:
    found = [p for p in sorted(positions(G)) if len(claims_on(G, p)) >= 2]
    return found[0], found[1]


def overview_now(page: Opened) -> Any:
    return page.js("claimgraph.overview()")


@pytest.mark.browser
def test_expanded_propositions_are_in_the_address_and_a_shared_address_expands_them(
    open_page: Open, above_html: Path, above_graph: nx.MultiDiGraph[Any]
) -> None:
    first, second = two_propositions(above_graph)
    page = open_page(above_html)
    assert overview_now(page)["on"] is True
    click_node(page, first)
    click_node(page, second)
    assert page.js("location.hash") == f"#node={second}&open={first}"
    again = open_page(above_html, f"#node={second}&open={first}")
    assert selected(again) == [second]
    assert overview_now(again)["expanded"] == sorted([first, second])
    assert drawn(again) == drawn(page)
    assert again.js("claimgraph.viewFragment()") == f"#node={second}&open={first}"


@pytest.mark.browser
def test_back_and_forward_collapse_and_expand_again(
    open_page: Open, above_html: Path, above_graph: nx.MultiDiGraph[Any]
) -> None:
    first, second = two_propositions(above_graph)
    page = open_page(above_html, f"#open={first},{second}")
    assert overview_now(page)["expanded"] == sorted([first, second])
    page.page.click("#cg-overview-collapse")
    assert page.js("location.hash") == ""
    assert drawn(page) == propositions(above_graph)
    page.page.go_back()
    page.page.wait_for_function("claimgraph.overview().expanded.length === 2")
    assert claims_on(above_graph, first) | claims_on(above_graph, second) <= drawn(page)
    page.page.go_forward()
    page.page.wait_for_function("claimgraph.overview().expanded.length === 0")
    assert drawn(page) == propositions(above_graph)


@pytest.mark.browser
def test_show_everything_is_in_the_address_restored_on_load_and_undone_by_back(
    open_page: Open, above_html: Path, above_graph: nx.MultiDiGraph[Any]
) -> None:
    everything = len(above_graph)
    page = open_page(above_html)
    page.page.click("#cg-overview-all")
    page.page.wait_for_function(f"claimgraph.nodes.length === {everything}")
    assert page.js("location.hash") == "#all=1"
    assert overview_now(page)["on"] is False
    page.page.go_back()
    page.page.wait_for_function("claimgraph.overview().on === true")
    assert page.js("claimgraph.nodes.getIds()").__len__() < everything
    assert drawn(page) == propositions(above_graph)
    assert page.page.is_visible("#cg-overview-all")
    again = open_page(above_html, "#all=1")
    again.page.wait_for_function(f"claimgraph.nodes.length === {everything}")
    assert again.page.inner_text("#cg-overview-text") == f"Everything: {everything:,} nodes."
    assert again.errors == [] and page.errors == []
