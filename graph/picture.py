"""The graph as a still SVG picture for reports: the explorer's positions, shapes and styles, drawn in Python.

Styles come from the same page data the explorer draws (:func:`graph.render.page_data`), so the picture
and the page agree. Every string from the records is escaped as XML text or attribute. Like the page (and
its own SVG export), the picture carries the analysis of the build day: each proposition hub in its
status's colours with its status in words under it ("disputed since 2017-10-06?"), and on each claim's box
a badge per stance, the stance's glyph and that proposition's status on the status's colour; colours,
dashes and glyphs come from :data:`graph.vocabulary.STATUSES` and :data:`graph.vocabulary.STANCES`.

>>> import graph
>>> svg = render_svg(graph.load("tests/fixtures/mini.yaml"), title="Mini <test>")
>>> svg.startswith("<?xml"), "<title>Mini &lt;test&gt;</title>" in svg
(True, True)
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any, NamedTuple
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from .files import write_text_atomic
from .layout import node_box
from .layout.boxes import LINE_HEIGHT
from .render import Layout, page_data
from .vocabulary import STANCES, STATUSES

FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif"
MARGIN = 20.0


def render_svg(G: nx.MultiDiGraph[Any], *, layout: Layout = "graph", title: str | None = None) -> str:
    """The whole graph as an SVG document (text), laid out as the explorer lays it out.

    >>> import graph
    >>> svg = render_svg(graph.load("tests/fixtures/mini.yaml"))
    >>> svg.count('data-node="'), svg.count("<line ")
    (12, 17)
    """
    name = title if title is not None else str(G.graph.get("title") or G.graph.get("name") or "claims")
    data = page_data(G, layout=layout, title=name)
    words = _analysis_words(data, G)
    left, top, right, bottom = data["extent"]
    left, top, right, bottom = left - MARGIN, top - MARGIN, right + MARGIN, max(bottom, words.lowest) + MARGIN
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
        *(_node(n, G.nodes[n["id"]], data, words.hub_status.get(n["id"])) for n in data["nodes"]),
        '<g font-size="10" font-weight="bold" data-analysis="words">',
        *words.parts,
        "</g>",
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


def _node(node: dict[str, Any], attrs: dict[str, Any], data: dict[str, Any], status: str | None = None) -> str:
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
    elif status is not None:
        shape = _hub(data["shapes"].get(node["type"], "dot"), x, y, _radius(node["type"]), status)
        first = _label_top(node)
    else:
        shape = _dot(data["shapes"].get(node["type"], "dot"), x, y, _radius(node["type"]), colour)
        first = _label_top(node)
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


def _label_top(node: dict[str, Any]) -> float:
    """The baseline of the first line of a label drawn under its node's dot."""
    return float(node["y"]) + _radius(node["type"]) + 15


def _hub(shape: str, x: float, y: float, r: float, status: str) -> str:
    """A proposition hub as the page draws it: its status's colour as border and tint, with its dashes."""
    style = STATUSES[status]
    dash = f' stroke-dasharray="{" ".join(map(str, style.dashes))}"' if style.dashes else ""
    return _dot(shape, x, y, r, _tint(style.colour, 0.78), f'stroke="{style.colour}" stroke-width="3"{dash}')


def _dot(shape: str, x: float, y: float, r: float, colour: str, stroke: str = "") -> str:
    paint = f'fill="{colour}" ' + (stroke or 'stroke="#444444" stroke-width="1.5"')
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


class _Words(NamedTuple):
    """The analysis drawn over the nodes: SVG parts, each hub's status, and the lowest point they reach."""

    parts: list[str]
    hub_status: dict[str, str]
    lowest: float


BADGE_CHAR_WIDTH = 6.2
"""About how wide one character of bold 10 px Arial is: a badge's width without a font to measure with."""


def status_line(status: str, since: str | None) -> str:
    """A proposition's status in words, as the page writes it under a hub.

    >>> status_line("disputed", "2017-10-06?"), status_line("not yet made", None)
    ('disputed since 2017-10-06?', 'not yet made')
    """
    return f"{status} since {since}" if since else status


def _analysis_words(data: dict[str, Any], G: nx.MultiDiGraph[Any]) -> _Words:
    """Each declared proposition's status line under its hub, and each claim's badges, on the analysis day."""
    analysis = data["analysis"]
    nodes = data["nodes"]
    found = {p["node"]: p for p in analysis["propositions"]}
    parts: list[str] = []
    hubs: dict[str, str] = {}
    lowest = -math.inf
    for i, p in found.items():
        node = nodes[i]
        if node["type"] != "proposition":
            continue  # a claim standing for its own proposition says it on its badge
        hubs[node["id"]] = p["status"]
        rows = str(node["label"]).count("\n") + 1
        y = _label_top(node) + (rows - 1) * LINE_HEIGHT + 13
        lowest = max(lowest, y + 4)
        parts.append(
            f'<text x="{node["x"]:.1f}" y="{y:.1f}" text-anchor="middle" fill="{STATUSES[p["status"]].colour}" '
            f'stroke="#ffffff" stroke-width="3" paint-order="stroke" data-status-of={quoteattr(node["id"])}>'
            f"{escape(status_line(p['status'], p['since']))}</text>"
        )
    for i, claim in analysis["claims"].items():
        if claim["onRecord"] is not None and claim["onRecord"] > analysis["asOf"]:
            continue  # not said yet on the analysis day: the page shows no badge either
        node = nodes[int(i)]
        parts += _badges(node, G.nodes[node["id"]], [(role, found.get(p)) for p, role in claim["positions"]])
    return _Words(parts, hubs, lowest)


def _badges(node: dict[str, Any], attrs: dict[str, Any], stances: list[tuple[str, dict[str, Any] | None]]) -> list[str]:
    """One pill per stance on the box's top edge, from its right corner leftwards: white words on the status colour."""
    box = node_box(attrs)
    right, top = node["x"] + box.half_width - 4, node["y"] - box.half_height
    parts = []
    for role, proposition in reversed(stances):
        status = proposition["status"] if proposition else None
        stance = STANCES.get(role)
        text = f"{stance.icon if stance else '?'} {status or ''}".rstrip()
        colour = STATUSES[status or "not yet made"].colour
        width = len(text) * BADGE_CHAR_WIDTH + 8
        parts.append(
            f'<g data-badge-of={quoteattr(node["id"])}><rect x="{right - width:.1f}" y="{top - 7:.1f}" '
            f'width="{width:.1f}" height="13" rx="6" fill="{colour}"/>'
            f'<text x="{right - width + 4:.1f}" y="{top + 3:.1f}" fill="#ffffff">{escape(text)}</text></g>'
        )
        right -= width + 3
    return parts
