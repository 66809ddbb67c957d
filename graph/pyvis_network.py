"""The graph as a pyvis ``Network``, for users who customise pages with pyvis.

:func:`to_pyvis` builds the node and edge data itself (pyvis's ``from_nx``
changes its input, is slow and fails on dates), with our positions, colours,
shapes and labels, directed and with physics off. The network it returns
avoids pyvis's known pitfalls (``shared/PYVIS_NOTES.md`` in the project):

* **Offline**: it renders with a template of ours that inlines vis-network and
  loads nothing from the network (pyvis's own templates fetch Bootstrap or
  vis-network from a CDN).
* **Encoding**: ``write_html`` and ``show`` write UTF-8, atomically, whatever
  the locale (pyvis's own use the locale's encoding and leave an empty file
  when it cannot encode a character).
* **Escaping**: every string from the records is data: tooltips stay plain
  text even when one contains ``href`` (pyvis would switch to an ``innerHTML``
  popup), the heading is escaped, and the ``select_menu``/``filter_menu``
  options, which write raw ids into the page, are not rendered.

This module and :mod:`graph.render` are the only ones that touch pyvis; it
is imported only when :func:`to_pyvis` is called.

>>> import graph
>>> net = to_pyvis(graph.load("tests/fixtures/mini.yaml"))
>>> net.directed, len(net.nodes), len(net.edges), net.options["physics"]["enabled"]
(True, 12, 17, False)
>>> "<script src" in net.generate_html()
False
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Hashable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx

from .files import write_text_atomic
from .layout import graph_layout, node_label, timeline_layout
from .render import ASSETS, RELATION_STYLE, RELATION_TEXT, SHAPES, Layout, node_colours

TEMPLATE = "pyvis.html"
"""Our page template for pyvis, in ``graph/assets``: vis-network inlined, no request to any server."""


def to_pyvis(G: nx.MultiDiGraph[Any], *, layout: Layout = "graph", height: str = "750px", width: str = "100%") -> Any:
    """A pyvis ``Network`` of ``G`` with our positions, colours, shapes and labels; directed, physics off.

    ``layout="timeline"`` places claims by date, as ``claimgraph build --layout timeline`` does.
    """
    positions = timeline_layout(G).positions if layout == "timeline" else graph_layout(G)
    net = _network_class()(height=height, width=width, directed=True, cdn_resources="in_line", heading="")
    colours = node_colours(G)
    for n, attrs in G.nodes(data=True):
        x, y = positions.get(n, (0.0, 0.0))
        shape = SHAPES.get(str(attrs.get("type")), ("dot", ""))[0]
        net.add_node(
            str(n),
            label=node_label(attrs),
            title=_tooltip(n, attrs),
            x=x,
            y=y,
            shape=shape,
            color=colours[n][1],
            physics=False,
        )
    for u, v, attrs in G.edges(data=True):
        relation = str(attrs.get("relation", ""))
        colour, dashes, edge_width = RELATION_STYLE.get(relation, ("#999999", False, 1.0))
        text = RELATION_TEXT.get(relation, relation)
        net.add_edge(str(u), str(v), color=colour, dashes=dashes, width=edge_width, title=text, arrows="to")
    net.options = {
        "physics": {"enabled": False},
        "edges": {"smooth": False},
        "interaction": {"hover": True, "tooltipDelay": 100},
    }
    return net


def _tooltip(n: Hashable, attrs: dict[str, Any]) -> str:
    """Plain text shown on hover: the node's type, name and main fields."""
    lines = [f"{attrs.get('type', 'node')}: {attrs.get('label', n)}"]
    for key in ("text", "claimant", "kind", "date", "name", "published"):
        if attrs.get(key) and str(attrs[key]) != str(attrs.get("label")):
            lines.append(f"{key}: {attrs[key]}")
    return "\n".join(lines)


@lru_cache(maxsize=1)
def _network_class() -> type[Any]:
    """pyvis's ``Network`` with our template and UTF-8, atomic writes (pyvis is imported here, once)."""
    from pyvis.network import Network

    spec = importlib.util.find_spec("pyvis")
    assert spec is not None and spec.submodule_search_locations
    pyvis_templates = Path(next(iter(spec.submodule_search_locations))) / "templates"

    class ClaimNetwork(Network):  # type: ignore[misc]  # pyvis has no type information
        """A pyvis Network that renders offline with our template and writes UTF-8."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            loaders = [jinja2.FileSystemLoader(str(ASSETS)), jinja2.FileSystemLoader(str(pyvis_templates))]
            self.templateEnv = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True)
            self.path = TEMPLATE

        def write_html(
            self, name: str | os.PathLike[str], local: bool = True, notebook: bool = False, open_browser: bool = False
        ) -> None:
            """Write the page to ``name`` as UTF-8, atomically (``open_browser`` opens it)."""
            self.html = self.generate_html(notebook=notebook)
            path = write_text_atomic(name, self.html)
            if open_browser:
                import webbrowser

                webbrowser.open(path.resolve().as_uri())

        def show(self, name: str | os.PathLike[str], notebook: bool = False, local: bool = True) -> None:
            """Write the page to ``name`` and open it in a browser."""
            self.write_html(name, open_browser=not notebook)

    return ClaimNetwork
