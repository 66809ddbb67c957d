"""Label boxes that overlap: counting them, pushing them apart, and packing them in rows when pushing fails."""

from __future__ import annotations

import bisect
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


def _nearest_gap(runs: list[tuple[float, float]], x: float, half: float) -> float:
    """The x nearest to ``x`` where ``[x - half, x + half]`` meets none of the sorted, disjoint runs.

    >>> _nearest_gap([(0.0, 10.0), (12.0, 20.0)], 11.0, 3.0), _nearest_gap([(0.0, 10.0)], 9.0, 3.0)
    (23.0, 13.0)
    """
    k = bisect.bisect_left(runs, (x, x))
    right = x
    for i in range(max(0, k - 1), len(runs)):
        if right + half <= runs[i][0]:
            break
        right = max(right, runs[i][1] + half)
    left = x
    for i in range(min(k, len(runs) - 1), -1, -1):
        if left - half >= runs[i][1]:
            break
        left = min(left, runs[i][0] - half)
    return right if right - x <= x - left else left
