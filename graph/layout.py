"""Node positions computed in Python, so the browser draws at once instead of running physics.

Two layouts, both deterministic and in vis-network canvas pixels:

* :func:`graph_layout`: a force layout (repulsion between nearby nodes,
  springs along edges), then every label box is pushed apart until none
  overlap. Work per iteration is linear in nodes plus edges.
* :func:`timeline_layout`: claims left to right by date, one row per side,
  each side's actors just above its claims; sources and places in rows below.

Both size every node by its wrapped label (:func:`node_label`), so the boxes
used to keep labels apart are the ones the page draws.

>>> import graph
>>> G = graph.load("tests/fixtures/mini.yaml")
>>> pos = graph_layout(G)
>>> sorted(pos) == sorted(G), overlaps(G, pos)
(True, 0)
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import random
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .dates import PartialDate

Position = tuple[float, float]

CHAR_WIDTH = 7.4
"""Average width of a character of the page's 14 px sans-serif font, in canvas pixels."""
LINE_HEIGHT = 17.0
PADDING = 6.0
"""Space kept between two label boxes."""

WRAP: dict[str, tuple[int, int]] = {"claim": (18, 3), "actor": (22, 2), "source": (22, 2), "place": (16, 2)}
"""Characters per line and most lines of a node's label, by node type."""

EDGE_WEIGHT: dict[str, float] = {
    "made": 1.0, "denies": 0.8, "rebuts": 0.8, "supports": 0.8, "concedes": 0.8, "repeats": 0.8,
    "accuses": 0.5, "targets": 0.5, "reports": 0.45, "relays": 0.4, "published_by": 0.4,
    "member_of": 0.6, "concerns": 0.3,
}
"""How strongly each relation pulls its ends together: weak for hubs such as places."""


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


def overlaps(G: nx.MultiDiGraph[Any], pos: dict[Hashable, Position]) -> int:
    """How many pairs of label boxes overlap (quadratic: for tests and small graphs).

    >>> overlaps(nx.MultiDiGraph([("a", "b")]), {"a": (0.0, 0.0), "b": (0.0, 0.0)})
    1
    """
    items = [(pos[n], node_box(G.nodes[n])) for n in G]
    count = 0
    for i, ((xi, yi), a) in enumerate(items):
        for (xj, yj), b in items[i + 1:]:
            if (abs(xi + a.dx - xj - b.dx) < a.half_width + b.half_width
                    and abs(yi + a.dy - yj - b.dy) < a.half_height + b.half_height):
                count += 1
    return count


# --- graph layout -------------------------------------------------------------------------------

IDEAL = 90.0
"""Ideal edge length of the force layout, in canvas pixels."""
WORK_BUDGET = 900_000
"""Pair and edge updates the force layout may spend; iterations shrink as graphs grow."""
ALL_PAIRS_UP_TO = 260
"""Up to this many nodes every pair repels; above it only nodes in neighbouring grid cells do."""


def graph_layout(G: nx.MultiDiGraph[Any], *, seed: int = 7) -> dict[Hashable, Position]:
    """Force-directed positions with no two label boxes overlapping.

    >>> pos = graph_layout(nx.MultiDiGraph([("a", "b")]))
    >>> pos["a"] != pos["b"]
    True
    """
    nodes = list(G)
    if not nodes:
        return {}
    boxes = [node_box(G.nodes[n]) for n in nodes]
    springs = _springs(G, {n: i for i, n in enumerate(nodes)})
    xs, ys = _initial_positions(G, nodes, seed)
    _relax(xs, ys, springs, [max(b.half_width, b.half_height) for b in boxes], [_mass(G, n) for n in nodes])
    _stretch(xs, ys, ASPECT)
    _make_room(xs, ys, boxes)
    if separate(xs, ys, boxes, passes=max(3, 20_000 // len(nodes))):
        pack_rows(xs, ys, boxes, sorted(range(len(nodes)), key=lambda i: -G.degree(nodes[i])))
    return {n: (round(xs[i], 1), round(ys[i], 1)) for i, n in enumerate(nodes)}


def _mass(G: nx.MultiDiGraph[Any], node: Hashable) -> float:
    return 1.0 + math.sqrt(G.degree(node))


def _springs(G: nx.MultiDiGraph[Any], index: dict[Hashable, int]) -> list[tuple[int, int, float]]:
    weights: dict[tuple[int, int], float] = {}
    relation: Any
    for u, v, relation in G.edges(data="relation"):
        i, j = index[u], index[v]
        if i != j:
            pair = (i, j) if i < j else (j, i)
            weights[pair] = weights.get(pair, 0.0) + EDGE_WEIGHT.get(str(relation), 0.5)
    return [(i, j, min(w, 1.5)) for (i, j), w in weights.items()]


def _initial_positions(G: nx.MultiDiGraph[Any], nodes: list[Hashable], seed: int) -> tuple[list[float], list[float]]:
    """Each node starts near the actor it belongs to; clusters of one side start next to each other."""
    clusters = _clusters(G)
    sizes = Counter(clusters.values())
    side_rank = {side: k for k, side in enumerate(G.graph.get("sides", {}))}
    rng = random.Random(seed)
    order = sorted(sizes, key=lambda c: (side_rank.get(G.nodes[c].get("side"), len(side_rank)), -sizes[c], str(c)))
    members: dict[Hashable, list[Hashable]] = {c: [] for c in order}
    for n in nodes:
        members[clusters[n]].append(n)
    columns = max(1, math.ceil(math.sqrt(len(order))))
    cell = IDEAL * 1.6 * math.sqrt(max(len(m) for m in members.values()))
    start: dict[Hashable, Position] = {}
    for k, c in enumerate(order):
        cx, cy = (k % columns) * cell, (k // columns) * cell
        for r, n in enumerate(members[c]):
            angle, radius = r * 2.399963, IDEAL * 0.7 * math.sqrt(r)
            start[n] = (cx + radius * math.cos(angle) + rng.random(), cy + radius * math.sin(angle) + rng.random())
    return [start[n][0] for n in nodes], [start[n][1] for n in nodes]


def _clusters(G: nx.MultiDiGraph[Any]) -> dict[Hashable, Hashable]:
    """The actor (or place) each node is drawn near: claims by claimant, sources by publisher."""
    owner: dict[Hashable, Hashable] = {}
    for n, attrs in G.nodes(data=True):
        kind = attrs.get("type")
        if kind == "claim":
            candidates = [attrs.get("claimant")]
        elif kind == "source":
            candidates = [attrs.get("publisher")]
        elif kind == "actor":
            candidates = list(attrs.get("member_of") or ())
        else:
            candidates = []
        # a filtered subgraph may have dropped the claimant, publisher or body: then the node is its own cluster
        owner[n] = next((c for c in candidates if c in G), n)
    return {n: _root(owner, n) for n in owner}


def _root(owner: dict[Hashable, Hashable], node: Hashable) -> Hashable:
    seen = {node}
    while owner.get(node, node) not in seen:
        node = owner[node]
        seen.add(node)
    return node


def _relax(xs: list[float], ys: list[float], springs: list[tuple[int, int, float]],
           radii: list[float], masses: list[float]) -> None:
    """Fruchterman-Reingold with cooling, repulsion scaled by degree so hubs get room."""
    n = len(xs)
    pairs_per_step = n * (n - 1) // 2 if n <= ALL_PAIRS_UP_TO else n * 12
    iterations = max(12, min(300, WORK_BUDGET // max(1, pairs_per_step + len(springs))))
    temperature, budget = IDEAL * 2.0, WORK_BUDGET
    gravity = 0.02 if n <= ALL_PAIRS_UP_TO else 0.004
    for step in range(iterations):
        fx, fy = [0.0] * n, [0.0] * n
        budget -= _repel(xs, ys, fx, fy, radii, masses, all_pairs=n <= ALL_PAIRS_UP_TO) + len(springs)
        if budget < 0:
            break
        _attract(xs, ys, fx, fy, springs)
        _gravity(xs, ys, fx, fy, masses, gravity)
        limit = temperature * (1.0 - step / iterations) + 1.0
        for i in range(n):
            length = math.hypot(fx[i], fy[i])
            if length > 0:
                scale = min(length, limit) / length
                xs[i] += fx[i] * scale
                ys[i] += fy[i] * scale


def _repel(xs: list[float], ys: list[float], fx: list[float], fy: list[float],
           radii: list[float], masses: list[float], *, all_pairs: bool) -> int:
    """Add repulsion between near nodes (every pair when ``all_pairs``); return how many pairs."""
    k2, count = IDEAL * IDEAL, 0
    for i, j in _near_pairs(xs, ys, all_pairs):
        count += 1
        dx, dy = xs[i] - xs[j], ys[i] - ys[j]
        d2 = dx * dx + dy * dy
        if d2 < 0.01:
            dx, dy, d2 = 0.1 * (1 + i % 3), 0.1 * (1 + j % 3), 0.02
        gap = math.sqrt(d2) - radii[i] - radii[j]
        force = k2 * masses[i] * masses[j] / d2 * (0.25 if gap > 0 else 1.0)
        ux, uy = dx * force, dy * force
        fx[i] += ux / masses[i]
        fy[i] += uy / masses[i]
        fx[j] -= ux / masses[j]
        fy[j] -= uy / masses[j]
    return count


def _near_pairs(xs: list[float], ys: list[float], all_pairs: bool) -> Iterable[tuple[int, int]]:
    n = len(xs)
    if all_pairs:
        for i in range(n):
            for j in range(i + 1, n):
                yield i, j
        return
    yield from _grid_pairs(xs, ys, IDEAL * 2.5)


def _grid_pairs(xs: Sequence[float], ys: Sequence[float], cell: float) -> Iterable[tuple[int, int]]:
    """Pairs of points whose grid cells touch: every pair closer than ``cell`` is among them."""
    grid: dict[tuple[int, int], list[int]] = {}
    for i in range(len(xs)):
        grid.setdefault((int(xs[i] // cell), int(ys[i] // cell)), []).append(i)
    for (gx, gy), here in grid.items():
        for a, i in enumerate(here):
            for j in here[a + 1:]:
                yield i, j
        for ox, oy in ((1, -1), (1, 0), (1, 1), (0, 1)):
            there = grid.get((gx + ox, gy + oy))
            if there:
                for i in here:
                    for j in there:
                        yield i, j


def _attract(xs: list[float], ys: list[float], fx: list[float], fy: list[float],
             springs: list[tuple[int, int, float]]) -> None:
    for i, j, weight in springs:
        dx, dy = xs[j] - xs[i], ys[j] - ys[i]
        d = math.sqrt(dx * dx + dy * dy) + 0.01
        force = d * weight / IDEAL
        fx[i] += dx * force
        fy[i] += dy * force
        fx[j] -= dx * force
        fy[j] -= dy * force


def _gravity(xs: list[float], ys: list[float], fx: list[float], fy: list[float], masses: list[float],
             strength: float) -> None:
    n = len(xs)
    cx, cy = sum(xs) / n, sum(ys) / n
    for i in range(n):
        fx[i] -= (xs[i] - cx) * strength * masses[i]
        fy[i] -= (ys[i] - cy) * strength * masses[i]


ASPECT = 1.7
"""Width over height that the graph layout aims for: screens are wider than tall."""


def _stretch(xs: list[float], ys: list[float], aspect: float) -> None:
    """Scale x up and y down, keeping the area, until width over height is ``aspect``."""
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    if width <= 0 or height <= 0:
        return
    factor = math.sqrt(aspect / (width / height))
    for i in range(len(xs)):
        xs[i] *= factor
        ys[i] /= factor


ROOM = 2.5
"""The drawing is scaled until its area is this many times that of all label boxes: readable when fitted."""


def _make_room(xs: list[float], ys: list[float], boxes: Sequence[Box]) -> None:
    """Scale about the centre to a set density: room for every label, yet readable when fitted to a screen."""
    need = sum(4 * b.half_width * b.half_height for b in boxes) * ROOM
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    scale = math.sqrt(need / max(width * height, 1.0))
    if scale != 1.0:
        cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
        for i in range(len(xs)):
            xs[i] = cx + (xs[i] - cx) * scale
            ys[i] = cy + (ys[i] - cy) * scale


def separate(xs: list[float], ys: list[float], boxes: Sequence[Box], *, passes: int = 200) -> int:
    """Push overlapping label boxes apart along their shallower overlap; return the overlaps left.

    >>> xs, ys = [0.0, 1.0], [0.0, 0.0]
    >>> separate(xs, ys, [Box(0, 0, 10, 10)] * 2), xs[1] - xs[0] >= 20
    (0, True)
    """
    cell = 2 * max(max(b.half_width, b.half_height) for b in boxes) + PADDING
    left = 0
    for _ in range(passes):
        cx = [x + b.dx for x, b in zip(xs, boxes, strict=True)]
        cy = [y + b.dy for y, b in zip(ys, boxes, strict=True)]
        left = 0
        for i, j in _grid_pairs(cx, cy, cell):
            a, b = boxes[i], boxes[j]
            dx, dy = cx[j] - cx[i], cy[j] - cy[i]
            over_x = a.half_width + b.half_width + PADDING - abs(dx)
            over_y = a.half_height + b.half_height + PADDING - abs(dy)
            if over_x <= 0 or over_y <= 0:
                continue
            left += 1
            if over_x * 0.5 < over_y:  # wide labels: moving sideways costs more, so prefer it less
                push = (over_x / 2 + 0.5) * (1 if dx > 0 or (dx == 0 and i < j) else -1)
                xs[i] -= push
                xs[j] += push
            else:
                push = (over_y / 2 + 0.5) * (1 if dy > 0 or (dy == 0 and i < j) else -1)
                ys[i] -= push
                ys[j] += push
        if not left:
            return 0
    return left


def pack_rows(xs: list[float], ys: list[float], boxes: Sequence[Box], order: Iterable[int]) -> None:
    """Move every box, in ``order``, to the nearest free place in rows of equal height: no overlaps.

    The fallback when pushing boxes apart does not settle in time (crowded large graphs).

    >>> xs, ys = [0.0, 1.0, 2.0], [0.0, 0.0, 0.0]
    >>> pack_rows(xs, ys, [Box(0, 0, 10, 10)] * 3, [0, 1, 2])
    >>> [(round(x), round(y)) for x, y in zip(xs, ys)]
    [(0, 0), (26, 0), (2, 26)]
    """
    height = 2 * max(b.half_height for b in boxes) + PADDING
    rows: dict[int, list[tuple[float, float]]] = {}
    for i in order:
        b = boxes[i]
        x, row = _free_place(rows, xs[i] + b.dx, (ys[i] + b.dy) / height, b.half_width + PADDING / 2, height)
        bisect.insort(rows.setdefault(row, []), (x - b.half_width - PADDING / 2, x + b.half_width + PADDING / 2))
        xs[i], ys[i] = x - b.dx, row * height - b.dy


def _free_place(rows: dict[int, list[tuple[float, float]]], x: float, row: float, half: float,
                height: float) -> tuple[float, int]:
    best: tuple[float, float, int] | None = None
    for offset in range(0, 10_000):
        for r in {math.floor(row) - offset, math.floor(row) + 1 + offset}:
            if best is not None and abs(r - row) * height >= best[0]:
                continue
            free_x = _nearest_gap(rows.get(r, []), x, half)
            cost = abs(free_x - x) + abs(r - row) * height
            if best is None or cost < best[0]:
                best = (cost, free_x, r)
        if best is not None and offset * height >= best[0]:
            break
    assert best is not None
    return best[1], best[2]


def _nearest_gap(intervals: list[tuple[float, float]], x: float, half: float) -> float:
    """The x nearest to ``x`` where ``[x - half, x + half]`` meets none of the sorted, disjoint intervals."""
    k = bisect.bisect_left(intervals, (x, x))
    right = x
    for left_edge, right_edge in intervals[max(0, k - 1):]:
        if right + half <= left_edge:
            break
        right = max(right, right_edge + half)
    left = x
    for left_edge, right_edge in reversed(intervals[:k + 1]):
        if left - half >= right_edge:
            break
        left = min(left, left_edge - half)
    return right if right - x <= x - left else left


# --- timeline -----------------------------------------------------------------------------------

COLUMN_GAP = 28.0
"""Horizontal space between two neighbouring boxes in a row."""
STEP = 24.0
"""Each claim starts at least this far right of the one dated before it, whatever its row."""
ROW_GAP = 70.0
STACK = 3
"""Claims of one side stack in up to this many rows, so a burst of claims on one day stays narrow."""


@dataclass(frozen=True)
class Timeline:
    """Timeline positions plus what the page draws behind them: date ticks and row names."""

    positions: dict[Hashable, Position]
    ticks: list[tuple[float, str]]
    rows: list[tuple[float, str, str]]


def claim_sort_key(attrs: dict[str, Any]) -> tuple[int, dt.date, dt.date]:
    """Claims in date order, undated ones last.

    >>> claim_sort_key({"date": "2017-10~"})[0], claim_sort_key({})[0]
    (0, 1)
    """
    if not attrs.get("date"):
        return (1, dt.date.max, dt.date.max)
    date = PartialDate.parse(str(attrs["date"]))
    return (0, *date.sort_key)


def timeline_layout(G: nx.MultiDiGraph[Any]) -> Timeline:
    """Claims by date left to right in one row per side, actors above their side's claims.

    >>> import graph
    >>> t = timeline_layout(graph.load("tests/fixtures/mini.yaml"))
    >>> t.positions["general-a-training"][0] < t.positions["blue-denies-training"][0]
    True
    """
    sides = list(G.graph.get("sides", {}))
    lanes: list[str | None] = [*sides, None]
    claims = sorted((n for n, attrs in G.nodes(data=True) if attrs.get("type") == "claim"),
                    key=lambda n: (*claim_sort_key(G.nodes[n]), str(n)))
    slots = _claim_slots(G, claims, lambda n: _lane_of(G, n, lanes))
    claim_x = {n: x for n, (x, _) in slots.items()}
    positions: dict[Hashable, Position] = {}
    rows: list[tuple[float, str, str]] = []
    y = 0.0
    for lane in lanes:
        y, lane_rows = _lane(G, lane, claims, slots, positions, y, lanes)
        rows += lane_rows
    for kind, name in (("source", "Sources"), ("place", "Places")):
        members = [n for n, attrs in G.nodes(data=True) if attrs.get("type") == kind]
        if members:
            rows.append((y, name, "#555555"))
            y = _row(G, members, _anchor_x(G, members, claim_x), positions, y) + ROW_GAP
    return Timeline(positions, _ticks(G, claims, claim_x), rows)


def _lane_of(G: nx.MultiDiGraph[Any], node: Hashable, lanes: list[str | None]) -> int:
    attrs = G.nodes[node]
    actor = attrs.get("claimant") if attrs.get("type") == "claim" else node
    side = G.nodes[actor].get("side") if actor in G else None
    return lanes.index(side) if side in lanes else len(lanes) - 1


def _claim_slots(G: nx.MultiDiGraph[Any], claims: list[Hashable],
                 lane_of: Any) -> dict[Hashable, tuple[float, int]]:
    """x and stacked row of each claim: in date order overall, never overlapping within its lane."""
    x, previous_dated = 0.0, True
    ends: dict[tuple[int, int], float] = {}
    slots: dict[Hashable, tuple[float, int]] = {}
    for n in claims:
        half = node_box(G.nodes[n]).half_width
        dated = bool(G.nodes[n].get("date"))
        x += STEP if dated or not previous_dated else STEP * 6  # a gap before the undated ones
        previous_dated = dated
        lane = lane_of(n)
        starts = [max(x, ends.get((lane, k), -math.inf) + half) for k in range(STACK)]
        k = min(range(STACK), key=lambda k: (starts[k], k))
        x = starts[k]
        slots[n] = (x, k)
        ends[(lane, k)] = x + half + COLUMN_GAP
    return slots


def _lane(G: nx.MultiDiGraph[Any], lane: str | None, claims: list[Hashable],
          slots: dict[Hashable, tuple[float, int]],
          positions: dict[Hashable, Position], y: float,
          lanes: list[str | None]) -> tuple[float, list[tuple[float, str, str]]]:
    members = [n for n in claims if _lane_of(G, n, lanes) == lanes.index(lane)]
    actors = [n for n, a in G.nodes(data=True) if a.get("type") == "actor" and a.get("side") == lane]
    if not members and not actors:
        return y, []
    side = G.graph.get("sides", {}).get(lane, {})
    label = (str(side.get("name", lane)), str(side.get("colour", "#999999"))) if lane else ("No side", "#999999")
    top, claim_x = y, {n: x for n, (x, _) in slots.items()}
    if actors:
        y = _row(G, actors, _anchor_x(G, actors, claim_x), positions, y) + ROW_GAP * 0.6
    for k in range(STACK):
        row = [n for n in members if slots[n][1] == k]
        if row:
            y = _row(G, row, claim_x, positions, y) + ROW_GAP * 0.3
    return y + ROW_GAP, [(top, *label)]


def _anchor_x(G: nx.MultiDiGraph[Any], members: list[Hashable],
              claim_x: dict[Hashable, float]) -> dict[Hashable, float]:
    """Where a non-claim node wants to be: above or below the middle of its claims."""
    end = max(claim_x.values(), default=0.0) + IDEAL
    anchor: dict[Hashable, float] = {}
    for n in members:
        xs = [claim_x[m] for m in nx.all_neighbors(G, n) if m in claim_x]
        anchor[n] = sum(xs) / len(xs) if xs else end
    return anchor


def _row(G: nx.MultiDiGraph[Any], members: list[Hashable], wanted: dict[Hashable, float],
         positions: dict[Hashable, Position], top: float) -> float:
    """Place ``members`` in one row at their wanted x, spread so no boxes touch; return the row's bottom."""
    ordered = sorted(members, key=lambda n: (wanted[n], str(n)))
    boxes = [node_box(G.nodes[n]) for n in ordered]
    xs = _spread([wanted[n] for n in ordered], [b.half_width for b in boxes])
    height = max(2 * b.half_height for b in boxes)
    for n, x, b in zip(ordered, xs, boxes, strict=True):
        positions[n] = (round(x, 1), round(top + b.half_height - b.dy, 1))
    return top + height


def _spread(wanted: list[float], half_widths: list[float]) -> list[float]:
    """Left-to-right positions as near ``wanted`` as keeping boxes apart allows.

    >>> _spread([0.0, 0.0], [10.0, 10.0])
    [-24.0, 24.0]
    """
    xs = list(wanted)
    for i in range(1, len(xs)):
        xs[i] = max(xs[i], xs[i - 1] + half_widths[i - 1] + half_widths[i] + COLUMN_GAP)
    shift = (sum(wanted) - sum(xs)) / len(xs) if xs else 0.0
    return [x + shift for x in xs]


def _ticks(G: nx.MultiDiGraph[Any], claims: list[Hashable], claim_x: dict[Hashable, float]) -> list[tuple[float, str]]:
    """A tick where the year (or, within a year, the month) changes."""
    ticks: list[tuple[float, str]] = []
    last: tuple[int, int | None] | None = None
    for n in claims:
        raw = G.nodes[n].get("date")
        if not raw:
            ticks.append((claim_x[n], "undated"))
            break
        date = PartialDate.parse(str(raw))
        key = (date.year, date.month)
        if last is None or key[0] != last[0]:
            ticks.append((claim_x[n], str(date.year)))
        elif date.month is not None and key != last:
            ticks.append((claim_x[n], date.earliest.strftime("%b %Y")))
        last = key
    return ticks
