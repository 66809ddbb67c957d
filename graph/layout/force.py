"""The graph layout: a force simulation (repulsion between nearby nodes, springs along edges), then no label overlaps.

Work per iteration is linear in nodes plus edges, and the whole simulation
has a fixed budget of work (:data:`WORK_BUDGET`), so large graphs take fewer
iterations rather than more time. Every label box is then pushed apart from
the others until none overlap (:mod:`.overlap`).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import networkx as nx

from .boxes import Box, Position, node_box
from .overlap import grid_pairs, pack_rows, separate

EDGE_WEIGHT: dict[str, float] = {
    "made": 1.0,
    "denies": 0.8,
    "rebuts": 0.8,
    "supports": 0.8,
    "concedes": 0.8,
    "repeats": 0.8,
    "accuses": 0.5,
    "targets": 0.5,
    "reports": 0.45,
    "relays": 0.4,
    "published_by": 0.4,
    "member_of": 0.6,
    "concerns": 0.3,
}
"""How strongly each relation pulls its ends together: weak for hubs such as places."""

IDEAL = 90.0
"""Ideal edge length of the force layout, in canvas pixels."""
WORK_BUDGET = 900_000
"""Pair and edge updates the force layout may spend; iterations shrink as graphs grow."""
ALL_PAIRS_UP_TO = 260
"""Up to this many nodes every pair repels; above it only nodes in neighbouring grid cells do."""
SEPARATE_WORK = 20_000
"""Nodes times passes that pushing overlapping boxes apart may spend; with under three passes each it
would not settle, so larger graphs go straight to packing in rows (:func:`.overlap.pack_rows`)."""


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
    degrees = [d for _, d in G.degree(nodes)]
    xs, ys = _initial_positions(G, nodes, seed)
    if _pairs_per_step(len(nodes)) < WORK_BUDGET:  # else not one step fits: the clustered start stands
        springs = _springs(G, {n: i for i, n in enumerate(nodes)})
        radii = [max(b.half_width, b.half_height) for b in boxes]
        _relax(xs, ys, springs, radii, [1.0 + math.sqrt(d) for d in degrees])
    _stretch(xs, ys, ASPECT)
    _make_room(xs, ys, boxes)
    passes = SEPARATE_WORK // len(nodes)
    if passes < 3 or separate(xs, ys, boxes, passes=passes):
        pack_rows(xs, ys, boxes, sorted(range(len(nodes)), key=lambda i: -degrees[i]))
    return {n: (round(xs[i], 1), round(ys[i], 1)) for i, n in enumerate(nodes)}


def _pairs_per_step(n: int) -> int:
    """How many pairs of nodes one step of the simulation repels, about."""
    return n * (n - 1) // 2 if n <= ALL_PAIRS_UP_TO else n * 12


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
    """Each node starts near the actor it belongs to; clusters of one side start next to each other.

    A small graph's clusters start in a grid of equal cells: the simulation has time to settle them. In a
    large one it has not, so clusters are packed in rows, each given room for its size, for an evenly
    crowded start, and a node that belongs to no actor (a proposition, an evidence item, a place) starts
    beside the first node it is linked to, not in a cell of its own.
    """
    clusters = _clusters(G)
    sizes = Counter(clusters.values())
    side_rank = {side: k for k, side in enumerate(G.graph.get("sides", {}))}
    rng = random.Random(seed)
    small = len(nodes) <= ALL_PAIRS_UP_TO
    loners = set() if small else {c for c, k in sizes.items() if k == 1 and any(nx.all_neighbors(G, c))}
    order = sorted(
        (c for c in sizes if c not in loners),
        key=lambda c: (side_rank.get(G.nodes[c].get("side"), len(side_rank)), -sizes[c], str(c)),
    )
    members: dict[Hashable, list[Hashable]] = {c: [] for c in order}
    for n in nodes:
        if n not in loners:
            members[clusters[n]].append(n)
    centres = (
        _grid(len(order), max(len(m) for m in members.values()))
        if small
        else _shelves([_cluster_radius(len(members[c])) for c in order])
    )
    start: dict[Hashable, Position] = {}
    for c, (cx, cy) in centres.items():
        for r, n in enumerate(members[order[c]]):
            angle, radius = r * 2.399963, IDEAL * 0.7 * math.sqrt(r)
            start[n] = (cx + radius * math.cos(angle) + rng.random(), cy + radius * math.sin(angle) + rng.random())
    for n in nodes:  # in order, for positions that are the same every run
        if n in loners:
            x, y = next((start[m] for m in nx.all_neighbors(G, n) if m in start), (0.0, 0.0))
            angle = rng.random() * math.tau
            start[n] = (x + IDEAL * math.cos(angle), y + IDEAL * math.sin(angle))
    return [start[n][0] for n in nodes], [start[n][1] for n in nodes]


def _grid(count: int, largest: int) -> dict[int, Position]:
    """Centres of ``count`` equal cells in a square grid, each with room for ``largest`` nodes.

    >>> _grid(3, 1)
    {0: (0.0, 0.0), 1: (144.0, 0.0), 2: (0.0, 144.0)}
    """
    columns = max(1, math.ceil(math.sqrt(count)))
    cell = IDEAL * 1.6 * math.sqrt(largest)
    return {k: ((k % columns) * cell, (k // columns) * cell) for k in range(count)}


def _cluster_radius(size: int) -> float:
    """Room for a cluster of ``size`` nodes laid out in a spiral, with a margin."""
    return IDEAL * (0.7 * math.sqrt(size) + 0.5)


def _shelves(radii: list[float]) -> dict[int, Position]:
    """Centres for circles of ``radii``, in order, packed left to right in rows about :data:`ASPECT` times
    wider than the whole is tall.

    >>> _shelves([10.0, 10.0, 10.0, 10.0])
    {0: (10.0, 10.0), 1: (30.0, 10.0), 2: (10.0, 30.0), 3: (30.0, 30.0)}
    """
    width = math.sqrt(ASPECT * sum(4 * r * r for r in radii))
    centres: dict[int, Position] = {}
    x = y = tallest = 0.0
    for k, r in enumerate(radii):
        if x > 0 and x + 2 * r > width * 1.0001:
            x, y, tallest = 0.0, y + tallest, 0.0
        centres[k] = (x + r, y + r)
        x, tallest = x + 2 * r, max(tallest, 2 * r)
    return centres


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


def _relax(
    xs: list[float], ys: list[float], springs: list[tuple[int, int, float]], radii: list[float], masses: list[float]
) -> None:
    """Fruchterman-Reingold with cooling, repulsion scaled by degree so hubs get room."""
    n = len(xs)
    pairs_per_step = _pairs_per_step(n)
    iterations = max(12, min(300, WORK_BUDGET // max(1, pairs_per_step + len(springs))))
    temperature, budget = IDEAL * 2.0, WORK_BUDGET
    gravity = 0.02 if n <= ALL_PAIRS_UP_TO else 0.004
    step_cost = pairs_per_step + len(springs)  # an estimate until the first step counts its pairs
    for step in range(iterations):
        if step_cost > budget:  # a step cut short would be wasted: stop before one that does not fit
            break
        fx, fy = [0.0] * n, [0.0] * n
        step_cost = _repel(xs, ys, fx, fy, radii, masses, all_pairs=n <= ALL_PAIRS_UP_TO) + len(springs)
        budget -= step_cost
        _attract(xs, ys, fx, fy, springs)
        _gravity(xs, ys, fx, fy, masses, gravity)
        limit = temperature * (1.0 - step / iterations) + 1.0
        for i in range(n):
            length = math.hypot(fx[i], fy[i])
            if length > 0:
                scale = min(length, limit) / length
                xs[i] += fx[i] * scale
                ys[i] += fy[i] * scale


def _repel(
    xs: list[float],
    ys: list[float],
    fx: list[float],
    fy: list[float],
    radii: list[float],
    masses: list[float],
    *,
    all_pairs: bool,
) -> int:
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
    yield from grid_pairs(xs, ys, IDEAL * 2.5)


def _attract(
    xs: list[float], ys: list[float], fx: list[float], fy: list[float], springs: list[tuple[int, int, float]]
) -> None:
    for i, j, weight in springs:
        dx, dy = xs[j] - xs[i], ys[j] - ys[i]
        d = math.sqrt(dx * dx + dy * dy) + 0.01
        force = d * weight / IDEAL
        fx[i] += dx * force
        fy[i] += dy * force
        fx[j] -= dx * force
        fy[j] -= dy * force


def _gravity(
    xs: list[float], ys: list[float], fx: list[float], fy: list[float], masses: list[float], strength: float
) -> None:
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
