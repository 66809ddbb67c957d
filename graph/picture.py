"""The graph as a still SVG picture for reports: the explorer's positions, shapes and styles, drawn in Python.

Styles come from the same page data the explorer draws (:func:`graph.render.page_data`), so the picture
and the page agree. Every string from the records is escaped as XML text or attribute.

>>> import graph
>>> svg = render_svg(graph.load("tests/fixtures/mini.yaml"), title="Mini <test>")
>>> svg.startswith("<?xml"), "<title>Mini &lt;test&gt;</title>" in svg
(True, True)
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from .bulk import bulk_work
from .files import write_text_atomic
from .layout import node_box
from .layout.boxes import LINE_HEIGHT
from .render import Layout, page_data

FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif"
MARGIN = 20.0


@bulk_work
def render_svg(G: nx.MultiDiGraph[Any], *, layout: Layout = "graph", title: str | None = None) -> str:
    """The whole graph as an SVG document (text), laid out as the explorer lays it out.

    >>> import graph
    >>> svg = render_svg(graph.load("tests/fixtures/mini.yaml"))
    >>> svg.count('data-node="'), svg.count("<line ")
    (12, 17)
    """
    name = title if title is not None else str(G.graph.get("title") or G.graph.get("name") or "claims")
    data = page_data(G, layout=layout, title=name)
    left, top, right, bottom = data["extent"]
    left, top, right, bottom = left - MARGIN, top - MARGIN, right + MARGIN, bottom + MARGIN
    width, height = right - left, bottom - top
    relations = {r["id"]: r for r in data["relations"]}
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:.1f} {top:.1f} {width:.1f} {height:.1f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family={quoteattr(FONT)}>',
        f"<title>{escape(name)}</title>",
        f'<rect x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" fill="#ffffff"/>',
        "<defs>",
        *(_marker(r) for r in data["relations"]),
        "</defs>",
        '<g stroke-linecap="round">',
        *(_edge(data["nodes"], G, edge, relations) for edge in data["edges"]),
        "</g>",
        *(_node(n, G.nodes[n["id"]], data) for n in data["nodes"]),
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def write_svg(
    G: nx.MultiDiGraph[Any], path: str | os.PathLike[str], *, layout: Layout = "graph", title: str | None = None
) -> Path:
    """Write :func:`render_svg` to ``path`` atomically; return the path."""
    return write_text_atomic(path, render_svg(G, layout=layout, title=title))


def _marker(relation: dict[str, Any]) -> str:
    return (
        f'<marker id="arrow-{relation["id"]}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,1 L10,5 L0,9 z" fill="{relation["colour"]}"/>'
        "</marker>"
    )


def _edge(nodes: list[dict[str, Any]], G: nx.MultiDiGraph[Any], edge: list[Any], relations: dict[str, Any]) -> str:
    tail, head, relation = nodes[edge[0]], nodes[edge[1]], edge[2]
    style = relations.get(relation, {"colour": "#999999", "dashes": False, "width": 1.0})
    x2, y2 = _border_point(head, tail, G.nodes[head["id"]])
    dashes = style["dashes"]
    dash = f' stroke-dasharray="{" ".join(map(str, dashes))}"' if dashes else ""
    return (
        f'<line x1="{tail["x"]:.1f}" y1="{tail["y"]:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{style["colour"]}" '
        f'stroke-width="{style["width"]}"{dash} marker-end="url(#arrow-{relation})" '
        f"data-relation={quoteattr(relation)}/>"
    )


def _border_point(node: dict[str, Any], towards: dict[str, Any], attrs: dict[str, Any]) -> tuple[float, float]:
    """Where a line from ``towards`` meets ``node``'s shape, so that its arrowhead shows."""
    dx, dy = towards["x"] - node["x"], towards["y"] - node["y"]
    length = math.hypot(dx, dy)
    if length == 0:
        return node["x"], node["y"]
    if node["type"] == "claim":
        box = node_box(attrs)
        reach = min(box.half_width / abs(dx) if dx else math.inf, box.half_height / abs(dy) if dy else math.inf)
        return node["x"] + dx * reach, node["y"] + dy * reach
    radius = _radius(node["type"]) + 2
    return node["x"] + dx / length * radius, node["y"] + dy / length * radius


def _radius(node_type: str) -> float:
    return 12.0 if node_type == "actor" else 10.0


def _node(node: dict[str, Any], attrs: dict[str, Any], data: dict[str, Any]) -> str:
    x, y, colour = node["x"], node["y"], node["colour"]
    rows = str(node["label"]).split("\n")
    if node["type"] == "claim":
        kind = str(node["info"].get("kind", ""))
        box = node_box(attrs)
        border = data["kindBorders"].get(kind) or []
        dash = f' stroke-dasharray="{" ".join(map(str, border))}"' if border else ""
        shape = (
            f'<rect x="{x - box.half_width:.1f}" y="{y - box.half_height:.1f}" width="{2 * box.half_width:.1f}" '
            f'height="{2 * box.half_height:.1f}" rx="3" fill="{_tint(colour, 0.8)}" '
            f'stroke="{data["kinds"].get(kind, "#555555")}" stroke-width="2.5"{dash}/>'
        )
        first = y - (len(rows) - 1) * LINE_HEIGHT / 2 + 5
    else:
        shape = _dot(data["shapes"].get(node["type"], "dot"), x, y, _radius(node["type"]), colour)
        first = y + _radius(node["type"]) + 15
    text = "".join(
        f'<tspan x="{x:.1f}" y="{first + i * LINE_HEIGHT:.1f}">{escape(row)}</tspan>' for i, row in enumerate(rows)
    )
    size = 14 if node["type"] in ("claim", "actor") else 12
    # A label outside a box gets the page's white halo, so the lines it crosses do not strike it through.
    halo = (
        ""
        if node["type"] == "claim"
        else ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'
    )
    return (
        f"<g data-node={quoteattr(node['id'])}>{shape}"
        f'<text text-anchor="middle" font-size="{size}" fill="#222222"{halo}>{text}</text></g>'
    )


def _dot(shape: str, x: float, y: float, r: float, colour: str) -> str:
    paint = f'fill="{colour}" stroke="#444444" stroke-width="1.5"'
    corners = {
        "triangle": ((0, -1.1), (1, 0.8), (-1, 0.8)),
        "diamond": ((0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)),
        "hexagon": ((-0.5, -0.87), (0.5, -0.87), (1, 0), (0.5, 0.87), (-0.5, 0.87), (-1, 0)),
    }
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" {paint}/>'
    if shape in corners:
        points = " ".join(f"{x + cx * r:.1f},{y + cy * r:.1f}" for cx, cy in corners[shape])
        return f'<polygon points="{points}" {paint}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {paint}/>'


def _tint(hex_colour: str, white: float) -> str:
    """``hex_colour`` mixed with white, as the explorer fills claim boxes.

    >>> _tint("#000000", 0.5)
    '#808080'
    """
    channels = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * (1 - white) + 255 * white):02x}" for c in channels)
