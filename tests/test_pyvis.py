"""graph.to_pyvis: a pyvis Network with our look, and pyvis's pitfalls (offline, encoding, escaping) handled."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
from support import ROOT

import graph
from graph.layout import graph_layout
from graph.render import RELATION_TEXT
from graph.vocabulary import RELATIONS


def test_network_is_directed_with_physics_off_and_our_positions(mini_graph: nx.MultiDiGraph) -> None:
    net = graph.to_pyvis(mini_graph)
    assert net.directed and net.options["physics"]["enabled"] is False
    nodes = {n["id"]: n for n in net.nodes}
    x, y = graph_layout(mini_graph)["general-a"]
    general = nodes["general-a"]
    assert (general["x"], general["y"], general["shape"], general["color"], general["physics"]) == (
        x,
        y,
        "dot",
        "#0072B2",
        False,
    )
    assert nodes["general-a-training"]["shape"] == "box"
    assert nodes["general-a-training"]["label"] == "general a training"
    edge = next(e for e in net.edges if e["from"] == "blue-denies-training" and e["to"] == "general-a-training")
    assert (edge["color"], edge["title"], edge["arrows"]) == (RELATIONS["denies"].colour, RELATION_TEXT["denies"], "to")


class _Links(HTMLParser):
    """Every address an element of the page would load (script src, link href, img src, ...)."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.addresses += [value or "" for name, value in attrs if name in ("src", "href")]


def test_the_page_loads_nothing_from_the_network(mini_graph: nx.MultiDiGraph) -> None:
    page = graph.to_pyvis(mini_graph).generate_html()
    links = _Links()
    links.feed(page)
    assert links.addresses == []
    assert "vis.Network(" in page


def _hostile_graph() -> graph.ClaimGraph:
    G = graph.ClaimGraph()
    G.add_node("<img src=x onerror=alert(1)>", type="actor", label="<b>href</b>", name="x")
    G.add_node("c", type="claim", label="c", text='<a href="javascript:alert(1)">href</a></script>')
    G.add_edge("c", "<img src=x onerror=alert(1)>", relation="accuses")
    return G


def test_record_text_is_never_markup_even_with_href_in_a_title() -> None:
    net = graph.to_pyvis(_hostile_graph())
    net.heading = "<script>alert(1)</script>"
    net.select_menu = net.filter_menu = True  # pyvis would write raw ids into <option> elements
    page = net.generate_html()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and '</script>"' not in page
    assert "innerHTML" not in page.split("vis-network.min.js")[-1]  # pyvis's href popup is not rendered
    assert "<option" not in page


def test_write_html_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    code = (
        "import graph; G = graph.ClaimGraph();"
        "G.add_node('a', type='actor', label='\\u0421\\u0438\\u0440\\u0438\\u044f \\u53d9\\u5229\\u4e9a');"
        f"graph.to_pyvis(G).write_html({str(target)!r})"
    )
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "ascii"}
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=env)
    page = target.read_text(encoding="utf-8")  # vis-network itself has non-Latin text: pyvis fails here under C
    assert "\\u0421\\u0438\\u0440\\u0438\\u044f \\u53d9\\u5229\\u4e9a" in page  # the label, as JSON
    assert not (tmp_path / "lib").exists() and not (ROOT / "lib").exists()  # pyvis's "local" would copy lib/ here


def test_to_pyvis_leaves_the_graph_unchanged(mini_graph: nx.MultiDiGraph) -> None:
    before = nx.node_link_data(mini_graph, edges="edges")
    graph.to_pyvis(mini_graph, layout="timeline")
    assert nx.node_link_data(mini_graph, edges="edges") == before
