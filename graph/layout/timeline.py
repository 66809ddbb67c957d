"""The timeline layout: claims left to right by date, one band per side, sources and places in rows below."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..dates import PartialDate
from .boxes import Position, node_box

COLUMN_GAP = 28.0
"""Horizontal space between two neighbouring boxes in a row."""
STEP = 24.0
"""Each claim starts at least this far right of the one dated before it, whatever its row."""
ROW_GAP = 70.0
STACK = 3
"""Claims of one side stack in up to this many rows, so a burst of claims on one day stays narrow."""
PAST_THE_END = 90.0
"""How far right of the last claim an actor, source or place linked to no claim is placed."""


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
    end = max(claim_x.values(), default=0.0) + PAST_THE_END
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
