"""Dashes only where they can be seen: a zoomed-out view of ~1,000 claims draws its dashed links and borders solid
(thousands of sub-pixel dashes were most of its first draw), zooming in past style.js DASHES_MIN_SCALE brings the
dashes back, and the SVG export keeps them whatever the zoom."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from support import ROOT
from test_browser import Open, open_page

import graph
from graph.render import write_html

__all__ = ["open_page"]  # the browser fixture, shared with test_browser.py

pytestmark = pytest.mark.browser

CLAIMS = 1_000


@pytest.fixture(scope="module")
def thousand_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The explorer page of the benchmarks' synthetic data set at 1,000 claims."""
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    folder = tmp_path_factory.mktemp("dashes")
    path = folder / "claims-1k.yaml"
    path.write_text(generate.make_dataset_yaml(CLAIMS, seed=0), encoding="utf-8")
    return write_html(graph.load(path), folder / "claims-1k.html")


# The links whose relation is dashed, each with the dashes the canvas draws it with now and the SVG export's
# stroke-dasharray for it; and the scale of the view.
DRAWN = """() => {
  const dashed = new Map(claimgraph.data.relations.filter((r) => r.dashes).map((r) => [r.id, r.dashes]));
  const links = claimgraph.data.edges.map((e, id) => ({ id: id, declared: dashed.get(e[2]) }))
    .filter((l) => l.declared && claimgraph.edges.get(l.id));
  const svg = new DOMParser().parseFromString(claimgraph.exportSvg(), "image/svg+xml");
  const lines = [...svg.querySelectorAll("line")];
  const bordered = claimgraph.data.nodes.filter((n) => n.type === "claim" && claimgraph.data.kindBorders[n.info.kind]);
  return { scale: claimgraph.network.getScale(),
           borders: bordered.map((n) => String(claimgraph.nodes.get(n.id).shapeProperties.borderDashes)),
           exportedBorders: [...svg.querySelectorAll("g[data-node] > :first-child[stroke-dasharray]")].length,
           declaredBorders: bordered.map((n) => String(claimgraph.data.kindBorders[n.info.kind])),
           links: links.map((l) => ({ declared: l.declared.join(" "), now: claimgraph.edges.get(l.id).dashes })),
           exported: lines.filter((l) => dashed.has(l.getAttribute("data-relation")))
                          .map((l) => l.getAttribute("stroke-dasharray")) };
}"""


def test_a_zoomed_out_view_draws_dashed_links_solid_and_zooming_in_brings_the_dashes_back(
    open_page: Open, thousand_html: Path
) -> None:
    page = open_page(thousand_html)
    fitted = page.js(DRAWN)
    assert fitted["scale"] < 0.4, "the fitted view of 1,000 claims is zoomed out"
    assert len(fitted["links"]) > 100
    assert {str(link["now"]) for link in fitted["links"]} == {"False"}
    assert len(fitted["borders"]) > 10
    assert set(fitted["borders"]) == {"false"}
    assert fitted["exportedBorders"] >= len(fitted["borders"])
    assert len(fitted["exported"]) == len(fitted["links"])
    assert sorted(fitted["exported"]) == sorted(link["declared"] for link in fitted["links"])

    page.js("() => claimgraph.network.moveTo({ scale: 0.8 })")
    page.page.mouse.move(700, 450)
    page.page.mouse.wheel(0, -1)  # a zoom event, as the user's wheel makes
    page.page.wait_for_function("claimgraph.network.getScale() >= 0.4")
    page.page.wait_for_timeout(200)
    zoomed = page.js(DRAWN)
    assert [" ".join(map(str, link["now"])) for link in zoomed["links"]] == [
        link["declared"] for link in zoomed["links"]
    ]
    assert zoomed["borders"] == zoomed["declaredBorders"]
    assert zoomed["exported"] == fitted["exported"]
