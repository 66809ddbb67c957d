"""How much room a node takes when drawn: its wrapped label, the box around it, and the extent of a drawing.

Both layouts size every node by its wrapped label (:func:`node_label`), so the
boxes they keep apart are the ones the page draws.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import networkx as nx

Position = tuple[float, float]

CHAR_WIDTH = 7.4
"""Average width of a character of the page's 14 px sans-serif font, in canvas pixels."""
LINE_HEIGHT = 17.0
PADDING = 6.0
"""Space kept between two label boxes."""

WRAP: dict[str, tuple[int, int]] = {"claim": (18, 3), "actor": (22, 2), "source": (22, 2), "place": (16, 2)}
"""Characters per line and most lines of a node's label, by node type."""


@dataclass(frozen=True)
class Box:
    """A node's drawn extent around its position: centre offset and half sizes."""

    dx: float
    dy: float
    half_width: float
    half_height: float


def wrap(text: str, width: int, lines: int) -> str:
    """Break ``text`` into at most ``lines`` lines of about ``width`` characters, ending in … when cut.

    >>> wrap("lions of the east training camp", 18, 3)
    'lions of the east\\ntraining camp'
    >>> wrap("a very long title that goes on and on", 10, 2)
    'a very\\nlong titl…'
    """
    words, rows, row = text.split(), [], ""
    for word in words:
        word = word if len(word) <= width else word[: width - 1] + "…"
        if row and len(row) + 1 + len(word) > width:
            rows.append(row)
            row = word
        else:
            row = f"{row} {word}" if row else word
    rows.append(row)
    if len(rows) > lines:
        rows = rows[:lines]
        last = rows[-1]
        rows[-1] = (last if len(last) < width else last[: width - 1].rstrip()) + "…"
    return "\n".join(rows)


def node_label(attrs: dict[str, Any]) -> str:
    """The short, wrapped label drawn on a node.

    >>> node_label({"type": "actor", "label": "Russian Center for Syrian Reconciliation"})
    'Russian Center for\\nSyrian Reconciliation'
    """
    width, lines = WRAP.get(str(attrs.get("type")), (20, 2))
    return wrap(str(attrs.get("label", "")), width, lines)


def node_box(attrs: dict[str, Any]) -> Box:
    """The box a node and its label take when drawn; labels sit inside boxes and below dots.

    >>> node_box({"type": "claim", "label": "a b"})
    Box(dx=0.0, dy=0.0, half_width=17.1, half_height=14.5)
    """
    rows = node_label(attrs).split("\n")
    text_width = max(len(r) for r in rows) * CHAR_WIDTH
    text_height = len(rows) * LINE_HEIGHT
    kind = attrs.get("type")
    if kind == "claim":
        return Box(0.0, 0.0, (text_width + 12.0) / 2, (text_height + 12.0) / 2)
    radius = 12.0 if kind == "actor" else 10.0
    top, bottom = -radius, radius + 4.0 + text_height
    return Box(0.0, (top + bottom) / 2, max(radius, text_width / 2), (bottom - top) / 2)


def extent(G: nx.MultiDiGraph[Any], pos: dict[Hashable, Position]) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of everything drawn, labels included.

    >>> extent(nx.MultiDiGraph([("a", "b")]), {"a": (0.0, 0.0), "b": (100.0, 0.0)})
    (-10.0, -10.0, 110.0, 31.0)
    """
    if not pos:
        return (0.0, 0.0, 0.0, 0.0)
    left = top = math.inf
    right = bottom = -math.inf
    for n, (x, y) in pos.items():
        b = node_box(G.nodes[n])
        left, right = min(left, x + b.dx - b.half_width), max(right, x + b.dx + b.half_width)
        top, bottom = min(top, y + b.dy - b.half_height), max(bottom, y + b.dy + b.half_height)
    return (round(left, 1), round(top, 1), round(right, 1), round(bottom, 1))
