"""Label boxes that overlap: counting them, pushing them apart, and packing them in rows when pushing fails."""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import networkx as nx

from .boxes import PADDING, Box, Position, node_box


def overlaps(G: nx.MultiDiGraph[Any], pos: dict[Hashable, Position]) -> int:
    """How many pairs of label boxes overlap (quadratic: for tests and small graphs).

    >>> overlaps(nx.MultiDiGraph([("a", "b")]), {"a": (0.0, 0.0), "b": (0.0, 0.0)})
    1
    """
    items = [(pos[n], node_box(G.nodes[n])) for n in G]
    count = 0
    for i, ((xi, yi), a) in enumerate(items):
        for (xj, yj), b in items[i + 1 :]:
            if (
                abs(xi + a.dx - xj - b.dx) < a.half_width + b.half_width
                and abs(yi + a.dy - yj - b.dy) < a.half_height + b.half_height
            ):
                count += 1
    return count


def grid_pairs(xs: Sequence[float], ys: Sequence[float], cell: float) -> Iterable[tuple[int, int]]:
    """Pairs of points whose grid cells touch: every pair closer than ``cell`` is among them."""
    grid: dict[tuple[int, int], list[int]] = {}
    for i in range(len(xs)):
        grid.setdefault((int(xs[i] // cell), int(ys[i] // cell)), []).append(i)
    for (gx, gy), here in grid.items():
        for a, i in enumerate(here):
            for j in here[a + 1 :]:
                yield i, j
        for ox, oy in ((1, -1), (1, 0), (1, 1), (0, 1)):
            there = grid.get((gx + ox, gy + oy))
            if there:
                for i in here:
                    for j in there:
                        yield i, j


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
        for i, j in grid_pairs(cx, cy, cell):
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

    The fallback when pushing boxes apart does not settle in time (crowded large graphs). Each row keeps
    what it has filled as runs, joined wherever the gap between them is too narrow for any box, so finding
    a gap skips a crowded stretch in one step.

    >>> xs, ys = [0.0, 1.0, 2.0], [0.0, 0.0, 0.0]
    >>> pack_rows(xs, ys, [Box(0, 0, 10, 10)] * 3, [0, 1, 2])
    >>> [(round(x), round(y)) for x, y in zip(xs, ys)]
    [(0, 0), (26, 0), (2, 26)]
    """
    height = 2 * max(b.half_height for b in boxes) + PADDING
    narrowest = min(2 * b.half_width for b in boxes) + PADDING
    rows: dict[int, list[tuple[float, float]]] = {}
    for i in order:
        b = boxes[i]
        half = b.half_width + PADDING / 2
        x, row = _free_place(rows, xs[i] + b.dx, (ys[i] + b.dy) / height, half, height)
        _fill(rows.setdefault(row, []), x - half, x + half, narrowest)
        xs[i], ys[i] = x - b.dx, row * height - b.dy


def _fill(runs: list[tuple[float, float]], left: float, right: float, narrowest: float) -> None:
    """Add ``[left, right]`` (which overlaps none) to the sorted, disjoint ``runs``.

    It joins a neighbouring run when the gap between them is narrower than ``narrowest``, the narrowest
    box: that gap can never be used.

    >>> runs = [(0.0, 10.0), (20.0, 30.0)]
    >>> _fill(runs, 12.0, 18.0, 5.0), runs
    (None, [(0.0, 30.0)])
    """
    k = bisect.bisect_left(runs, (left, right))
    if k > 0 and left - runs[k - 1][1] < narrowest:
        k -= 1
        left = runs[k][0]
        del runs[k]
    if k < len(runs) and runs[k][0] - right < narrowest:
        right = runs[k][1]
        del runs[k]
    runs.insert(k, (left, right))


def _free_place(
    rows: dict[int, list[tuple[float, float]]], x: float, row: float, half: float, height: float
) -> tuple[float, int]:
    """The nearest free place for a box: rows tried outwards from ``row`` until none nearer can beat the best.

    Rows past the drawing are empty, so a place is always found.
    """
    best = (math.inf, x, math.floor(row))
    for offset in itertools.count():
        for r in {math.floor(row) - offset, math.floor(row) + 1 + offset}:
            if abs(r - row) * height >= best[0]:
                continue
            free_x = _nearest_gap(rows.get(r, []), x, half, best[0] - abs(r - row) * height)
            cost = abs(free_x - x) + abs(r - row) * height
            if cost < best[0]:
                best = (cost, free_x, r)
        if offset * height >= best[0]:
            return best[1], best[2]
    raise AssertionError("unreachable: itertools.count() never ends")


WALK = 12
"""How many filled runs the search for a gap crosses in one row before it leaves that row to the others.

A box that would have to pass that many runs sideways is better placed a row up or down; the bound keeps
packing linear however crowded a row is.
"""


def _nearest_gap(runs: list[tuple[float, float]], x: float, half: float, reach: float = math.inf) -> float:
    """The x nearest to ``x`` where ``[x - half, x + half]`` meets none of the sorted, disjoint runs.

    Infinite when that means going ``reach`` or further, or crossing more than :data:`WALK` runs either way.

    >>> _nearest_gap([(0.0, 10.0), (12.0, 20.0)], 11.0, 3.0), _nearest_gap([(0.0, 10.0)], 9.0, 3.0)
    (23.0, 13.0)
    >>> _nearest_gap([(0.0, 10.0)], 9.0, 3.0, reach=4.0), _nearest_gap([(0.0, 10.0)], 9.0, 3.0, reach=5.0)
    (inf, 13.0)
    >>> _nearest_gap([(k * 10.0, k * 10.0 + 9.0) for k in range(-20, 20)], 5.0, 3.0)
    inf
    """
    k = bisect.bisect_left(runs, (x, x))
    right = _walk_right(runs, x, half, max(0, k - 1), x + reach)
    left = _walk_left(runs, x, half, min(k, len(runs) - 1), x - min(reach, right - x))
    return right if right - x <= x - left else left


def _walk_right(runs: list[tuple[float, float]], x: float, half: float, i: int, beyond: float) -> float:
    """The first free x at or right of ``x``, starting from run ``i``; infinite if it is at ``beyond`` or past."""
    stop = i + WALK
    while i < len(runs) and x + half > runs[i][0]:
        if i == stop or x >= beyond:
            return math.inf
        if runs[i][1] + half > x:
            x = runs[i][1] + half
        i += 1
    return x if x < beyond else math.inf


def _walk_left(runs: list[tuple[float, float]], x: float, half: float, i: int, beyond: float) -> float:
    """The first free x at or left of ``x``, starting from run ``i``; minus infinity if at ``beyond`` or past."""
    stop = i - WALK
    while i >= 0 and x - half < runs[i][1]:
        if i == stop or x <= beyond:
            return -math.inf
        if runs[i][0] - half < x:
            x = runs[i][0] - half
        i -= 1
    return x if x > beyond else -math.inf
