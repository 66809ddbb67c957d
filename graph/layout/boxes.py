"""How much room a node takes when drawn: its wrapped label, the box around it, and the extent of a drawing.

Both layouts size every node by its wrapped label (:func:`node_label`), so the
boxes they keep apart are the ones the page draws.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import networkx as nx

Position = tuple[float, float]

CHAR_WIDTH = 7.4
"""Width of a Latin lower-case letter of the page's 14 px sans-serif font, in canvas pixels, with some to spare.

Measured in Chromium with Arial's metrics (Liberation Sans): Latin lower case
averages 6.9 px, capitals 9.5 px; Greek and Cyrillic lower case 7.6 and 8.1 px,
Cyrillic capitals 10.1 px; joined Arabic 5.4 to 6.7 px a letter; CJK
ideographs, kana and Hangul take a full em, 14 px. :func:`char_width` covers
each of these.
"""
CAPITAL = 1.3
"""How much wider than a lower-case letter a capital is."""
GREEK_CYRILLIC = 1.1
"""How much wider than Latin letters Greek and Cyrillic ones are."""
LINE_HEIGHT = 17.0
PADDING = 6.0
"""Space kept between two label boxes."""

WRAP: dict[str, tuple[int, int]] = {"claim": (18, 3), "actor": (22, 2), "source": (22, 2), "place": (16, 2)}
"""Columns per line (a CJK character takes two) and most lines of a node's label, by node type."""


@dataclass(frozen=True)
class Box:
    """A node's drawn extent around its position: centre offset and half sizes."""

    dx: float
    dy: float
    half_width: float
    half_height: float


def columns(text: str) -> int:
    """How many columns ``text`` takes, as a terminal counts them: CJK characters two, combining marks none.

    >>> columns("al-Tanf"), columns("阿勒坦夫"), columns("e\\u0301")
    (7, 8, 1)
    """
    return len(text) if text.isascii() else sum(map(_columns, text))


@lru_cache(maxsize=4096)
def _columns(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


@lru_cache(maxsize=4096)
def char_width(char: str) -> float:
    """The estimated width of ``char`` in the page's 14 px font, in canvas pixels: never much below the real one.

    >>> [round(char_width(c), 2) for c in ("a", "A", "ж", "阿", "\\u0301")]
    [7.4, 9.62, 8.14, 14.8, 0.0]
    """
    width = _columns(char) * CHAR_WIDTH
    if "\u0370" <= char <= "\u052f":  # Greek, Cyrillic and Cyrillic Supplement
        width *= GREEK_CYRILLIC
    return width * CAPITAL if unicodedata.category(char) in ("Lu", "Lt") else width


def text_width(text: str) -> float:
    """The estimated width of one line of ``text`` in the page's 14 px font, in canvas pixels.

    >>> text_width("Tass") < text_width("TASS") < text_width("ТАСС")
    True
    """
    return sum(map(char_width, text))


def wrap(text: str, width: int, lines: int) -> str:
    """Break ``text`` into at most ``lines`` lines of about ``width`` columns, ending in … when cut.

    A word too long for a line is cut, except in scripts such as Chinese that
    may break between any two characters, where it continues on the next line.

    >>> wrap("lions of the east training camp", 18, 3)
    'lions of the east\\ntraining camp'
    >>> wrap("a very long title that goes on and on", 10, 2)
    'a very\\nlong titl…'
    >>> print(wrap("俄罗斯国防部称美军在阿勒坦夫基地训练武装分子", 18, 2))
    俄罗斯国防部称美军
    在阿勒坦夫基地训…
    """
    rows, row = [], ""
    for word in _words(text, width):
        if row and columns(row) + 1 + columns(word) > width:
            rows.append(row)
            row = word
        else:
            row = f"{row} {word}" if row else word
    rows.append(row)
    if len(rows) > lines:
        rows = rows[:lines]
        last = rows[-1]
        rows[-1] = (last if columns(last) < width else _prefix(last, width - 1).rstrip()) + "…"
    return "\n".join(rows)


def _words(text: str, width: int) -> Iterator[str]:
    """The words of ``text``, none wider than ``width`` columns."""
    for word in text.split():
        if columns(word) <= width:
            yield word
        elif any(_columns(c) == 2 for c in word):  # CJK breaks between any two characters
            while word:
                piece = _prefix(word, width) or word[0]
                yield piece
                word = word[len(piece) :]
        else:
            yield _prefix(word, width - 1) + "…"


def _prefix(text: str, width: int) -> str:
    """The longest start of ``text`` that fits in ``width`` columns (with any combining marks that follow)."""
    used = 0
    for i, char in enumerate(text):
        used += _columns(char)
        if used > width:
            return text[:i]
    return text


def node_label(attrs: dict[str, Any]) -> str:
    """The short, wrapped label drawn on a node.

    >>> node_label({"type": "actor", "label": "Russian Center for Syrian Reconciliation"})
    'Russian Center for\\nSyrian Reconciliation'
    """
    return _label(str(attrs.get("type")), str(attrs.get("label", "")))


LABEL_CACHE = 1 << 18
"""How many wrapped labels and boxes are kept: a build sizes each node several times (layout, extent, page).

More than the nodes of 100,000 claims: the passes go through the nodes in the same order, so a cache even
slightly smaller than the graph would lose every label before it is asked for again.
"""


@lru_cache(maxsize=LABEL_CACHE)
def _label(kind: str, label: str) -> str:
    width, lines = WRAP.get(kind, (20, 2))
    return wrap(label, width, lines)


def node_box(attrs: dict[str, Any]) -> Box:
    """The box a node and its label take when drawn; labels sit inside boxes and below dots.

    >>> node_box({"type": "claim", "label": "a b"})
    Box(dx=0.0, dy=0.0, half_width=17.1, half_height=14.5)
    """
    return _box(str(attrs.get("type")), str(attrs.get("label", "")))


@lru_cache(maxsize=LABEL_CACHE)
def _box(kind: str, label: str) -> Box:
    rows = _label(kind, label).split("\n")
    width = max(text_width(r) for r in rows)
    height = len(rows) * LINE_HEIGHT
    if kind == "claim":
        return Box(0.0, 0.0, (width + 12.0) / 2, (height + 12.0) / 2)
    radius = 12.0 if kind == "actor" else 10.0
    top, bottom = -radius, radius + 4.0 + height
    return Box(0.0, (top + bottom) / 2, max(radius, width / 2), (bottom - top) / 2)


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
