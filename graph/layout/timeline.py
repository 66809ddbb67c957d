"""The timeline layout: claims in date columns left to right, one band per side, sources and places in rows below."""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from ..dates import DateInterval, PartialDate, When, parse_when
from .boxes import Box, Position, node_box, text_width

Unit = Literal["month", "day"]

STACKS = (2, 3, 4, 6)
"""How deep the claims of one side in one date column may stack before a second stack starts beside the first.

The layout tries each and keeps the one that fits a screen-shaped window (:data:`ASPECT`) at the largest scale.
"""
ASPECT = 1.6
"""Width over height of the window the drawing should fill: a laptop screen less the page's filter panel."""
CLAIMANT_WEIGHT = 4.0
"""How much more an actor resists being moved along its row for each claim it made."""
ROW_OVERRUN = 240.0
"""How far a row of actors, sources or places may run past the last date column before it is split in two.

About two boxes: enough to spare a short timeline a row, little enough that a long one does not end in a
stretch of nodes under no date.
"""
COLUMN_GAP = 30.0
"""Horizontal space between two date columns."""
BOX_GAP = 16.0
"""Horizontal space between two boxes in a row, or two stacks of claims in a column."""
STACK_GAP = 8.0
"""Vertical space between two claims in a stack."""
ACTOR_GAP = 14.0
"""Vertical space between a side's actors and its claims, and between two rows of actors."""
BAND_GAP = 12.0
"""Vertical space between the bottom of one band and the name of the next."""
HEADING_SIZE = 15.0
"""Font size of the date headings and band names, in canvas pixels: they scale with the drawing, like labels."""
HEADING_ROOM = 26.0
"""Height of the strip above the first band that holds the date headings."""
NAME_ROOM = 24.0
"""Height of the line at the top of each band that holds its name, unless its first row leaves room beside it."""
NAME_INSET = 4.0
"""How far right of the drawing's left edge the page writes band names."""
NO_CLAIM_BAND = "Actors who made no claim"
"""The name of the band below the sides' that holds the actors who made no claim: no date places them."""
BOLD = 1.12
"""How much wider bold text is than the regular text that :func:`text_width` estimates."""


@dataclass(frozen=True)
class Timeline:
    """Timeline positions plus what the page draws behind them: date columns, bands and the frame."""

    positions: dict[Hashable, Position]
    columns: list[tuple[float, float, str]]
    """Left, right and heading of each date column, left to right."""
    bands: list[tuple[float, float, str, str]]
    """Top, bottom, name and colour of each band, top to bottom."""
    frame: tuple[float, float, float, float]
    """Left, top, right and bottom of everything drawn: nodes, band names and the date headings above."""


def claim_sort_key(attrs: dict[str, Any]) -> tuple[int, dt.date, dt.date]:
    """Claims in date order, undated ones last.

    >>> claim_sort_key({"date": "2017-10~"})[0], claim_sort_key({})[0]
    (0, 1)
    """
    if not attrs.get("date"):
        return (1, dt.date.max, dt.date.max)
    date = parse_when(str(attrs["date"]))
    return (0, *date.sort_key)


def heading_width(text: str) -> float:
    """The estimated width of a date heading or band name as the page draws it (bold, :data:`HEADING_SIZE`)."""
    return text_width(text) * HEADING_SIZE / 14.0 * BOLD


def timeline_layout(G: nx.MultiDiGraph[Any]) -> Timeline:
    """Claims in one column per month (per day if all fall in one month), one band per side, claimants on top.

    Actors who made no claim have no date to place them by: they go in a band of their own below the sides',
    with the sources and places.

    >>> import graph
    >>> t = timeline_layout(graph.load("tests/fixtures/mini.yaml"))
    >>> t.positions["general-a-training"][0] < t.positions["blue-denies-training"][0]
    True
    >>> [heading for _, _, heading in t.columns]
    ['Oct 2017 (no day)', '6 Oct 2017', '7 Oct 2017']
    """
    nodes = _Nodes(G)
    columns = _columns(G, nodes.claims)
    per_lane = collections.Counter((i, nodes.lane[n]) for i, (_, members) in enumerate(columns) for n in members)
    deepest = max(per_lane.values(), default=1)
    stacks = [stack for stack in STACKS if stack < deepest] + [deepest]
    tried = [_layout(nodes, _Grid(nodes, columns, stack)) for stack in stacks]
    return max(tried, key=_fill)  # the first of equals: the shallowest stacks


def _fill(timeline: Timeline) -> float:
    """The scale at which ``timeline`` fills a window of width :data:`ASPECT` and height 1."""
    left, top, right, bottom = timeline.frame
    return min(ASPECT / max(right - left, 1.0), 1.0 / max(bottom - top, 1.0))


class _Nodes:
    """What every try at the layout needs to know of the graph, worked out once."""

    def __init__(self, G: nx.MultiDiGraph[Any]) -> None:
        self.G = G
        self.box = {n: node_box(attrs) for n, attrs in G.nodes(data=True)}
        self.claims = sorted(
            (n for n, attrs in G.nodes(data=True) if attrs.get("type") == "claim"),
            key=lambda n: (*claim_sort_key(G.nodes[n]), str(n)),
        )
        sides = G.graph.get("sides", {})
        self.lanes: list[str | None] = [*sides, None]
        """The sides in the order the data declares them, then no side."""
        self.lane = {n: self._lane_of(n) for n in self.claims}
        self.actors: dict[int, list[Hashable]] = {}
        """The actors who made a claim, by band."""
        self.others: dict[str, list[Hashable]] = {kind: [] for kind, _ in OTHER_BANDS}
        self.others["evidence"] = self.others["proposition"]  # one band for what is at issue and what is cited
        self.others["place"] = self.others["source"]  # and one for where claims were reported and what they concern
        """The nodes of the bands below the sides': what is at issue, actors who made no claim, sources, places."""
        for n, attrs in G.nodes(data=True):
            if attrs.get("type") == "actor" and _made(G, n):
                self.actors.setdefault(self._lane_of(n), []).append(n)
            elif attrs.get("type") in self.others:
                self.others[attrs["type"]].append(n)
        self.weight = {n: 1.0 + CLAIMANT_WEIGHT * len(_made(G, n)) for n in G}
        """How strongly a node holds its wanted place in a row: a claimant more, so its "made" links stay short."""

    def _lane_of(self, node: Hashable) -> int:
        """The band of a claim's claimant or of an actor: its side's, or the last (no side)."""
        attrs = self.G.nodes[node]
        actor = attrs.get("claimant") if attrs.get("type") == "claim" else node
        side = self.G.nodes[actor].get("side") if actor in self.G else None
        return self.lanes.index(side) if side in self.lanes else len(self.lanes) - 1

    def band_name(self, lane: int) -> tuple[str, str]:
        """The name and colour of a side's band."""
        side = self.lanes[lane]
        if side is None:
            return ("No side", "#999999")
        details = self.G.graph["sides"][side]
        return (str(details.get("name", side)), str(details.get("colour", "#999999")))


OTHER_BANDS: tuple[tuple[str, str], ...] = (
    ("proposition", "Propositions, evidence and events"),
    ("actor", NO_CLAIM_BAND),
    ("source", "Sources and places"),
)
"""The bands below the sides', top to bottom: the node type each holds and its name."""


def _made(G: nx.MultiDiGraph[Any], actor: Hashable) -> list[Hashable]:
    """The claims ``actor`` made."""
    return [c for _, c, attrs in G.out_edges(actor, data=True) if attrs.get("relation") == "made"]


def _layout(nodes: _Nodes, grid: _Grid) -> Timeline:
    """Bands top to bottom, one per side with claims, then actors who made no claim, sources and places."""
    positions: dict[Hashable, Position] = {}
    bands: list[tuple[float, float, str, str]] = []
    y = 0.0
    for lane in range(len(nodes.lanes)):
        y = _band(nodes, grid, lane, positions, bands, y)
    for kind, name in OTHER_BANDS:
        members = nodes.others[kind]
        if members:
            anchors = _anchors(nodes.G, members, grid.claim_x, grid.span[0])
            bottom = _rows(nodes, members, anchors, positions, y + NAME_ROOM, grid.span)
            y = _named(nodes, members, positions, bands, (y, bottom, name, "#555555"), grid.span[0])
    return Timeline(positions, grid.columns, bands, _frame(nodes.box, positions, grid.columns, bands))


# --- date columns ------------------------------------------------------------------------------

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""Month names for column headings, fixed rather than taken from the locale, so the page is the same everywhere."""


def _columns(G: nx.MultiDiGraph[Any], claims: list[Hashable]) -> list[tuple[str, list[Hashable]]]:
    """Headings and claims of the date columns, left to right: one per month, or per day if all share one month.

    An undated claim that a dated claim answers was made before that answer: it goes in a column just before
    the answer's, headed "before ...". Other undated claims go in a last column.
    """
    dates = {n: parse_when(str(G.nodes[n]["date"])) for n in claims if G.nodes[n].get("date")}
    unit: Unit = "day" if len({(d.year, d.month) for d in dates.values()}) <= 1 else "month"
    # A standing position with an open start ("../2017-10") was held before its end: it sits in a "before" column.
    held_until = {n: d.end for n, d in dates.items() if isinstance(d, DateInterval) and d.start is None and d.end}
    period = {n: _period(d, unit) for n, d in dates.items() if n not in held_until}
    before = {n: _period(end, unit) for n, end in held_until.items()} | _answered_before(G, claims, period)
    groups: dict[tuple[int, dt.date, dt.date, int], tuple[str, list[Hashable]]] = {}
    for n in claims:
        if n in period:
            key, heading = (0, *period[n].sort_key, 1), _heading(period[n], unit)
        elif n in before:
            key, heading = (0, *before[n].sort_key, 0), "before " + _heading(before[n], unit)
        else:
            key, heading = (1, dt.date.max, dt.date.max, 0), "undated"
        groups.setdefault(key, (heading, []))[1].append(n)
    return [groups[key] for key in sorted(groups)]


def _answered_before(
    G: nx.MultiDiGraph[Any], claims: list[Hashable], period: dict[Hashable, PartialDate]
) -> dict[Hashable, PartialDate]:
    """Each undated claim answered by a dated one, directly or through undated answers: the earliest answer's period.

    Every link between two claims (denies, rebuts, supports, concedes, repeats) runs from a claim to one made
    before it.
    """
    is_claim = set(claims)
    undated = [n for n in claims if n not in period]
    bound: dict[Hashable, PartialDate] = {}
    for _ in undated:  # a bound moves back one step along a chain of undated answers per pass
        changed = False
        for n in undated:
            answers = [period.get(a) or bound.get(a) for a in G.predecessors(n) if a in is_claim and a != n]
            earliest = min((p for p in answers if p is not None), key=lambda p: p.sort_key, default=None)
            if earliest is not None and bound.get(n) != earliest:
                bound[n], changed = earliest, True
        if not changed:
            break
    return bound


def _period(date: When, unit: Unit) -> PartialDate:
    """The column a date belongs in: its month (or day), or its own year or month when it is no more precise."""
    if unit == "day" and date.day is not None:
        return PartialDate(date.year, date.month, date.day)
    return PartialDate(date.year, date.month)


def _heading(period: PartialDate, unit: Unit) -> str:
    """A short column heading, which says so when its claims are dated less precisely than the others.

    It never uses ``?`` or ``~``, which in the data mean uncertain and approximate.

    >>> _heading(PartialDate(2020, 5), "month"), _heading(PartialDate(2018), "month")
    ('May 2020', '2018 (no month)')
    >>> _heading(PartialDate(2017, 10, 6), "day"), _heading(PartialDate(2017, 10), "day")
    ('6 Oct 2017', 'Oct 2017 (no day)')
    """
    text = f"{MONTHS[period.month - 1]} {period.year}" if period.month is not None else str(period.year)
    if period.day is not None:
        text = f"{period.day} {text}"
    if period.precision == unit:
        return text
    return text + (" (no month)" if period.month is None else " (no day)")


class _Grid:
    """Where each claim sits: its column's x range, its stack's x and its depth in the stack."""

    def __init__(self, nodes: _Nodes, columns: list[tuple[str, list[Hashable]]], stack: int) -> None:
        self.nodes, self.stack = nodes, stack
        self.claim_x: dict[Hashable, float] = {}
        self.offset: dict[Hashable, float] = {}
        """How far below the top of its side's claims each claim's box starts."""
        self.columns: list[tuple[float, float, str]] = []
        left = 0.0
        for heading, members in columns:
            right = self._column(left, heading, members)
            self.columns.append((left, right, heading))
            left = right + COLUMN_GAP
        self.span = (0.0, self.columns[-1][1] if self.columns else 0.0)
        """Where the date columns begin and end: rows of other nodes keep within it when they can."""

    def _column(self, left: float, heading: str, members: list[Hashable]) -> float:
        """Lay out one date column from ``left``; return its right edge."""
        box = self.nodes.box
        stacks: dict[int, list[list[Hashable]]] = {}
        for n in members:
            lane_stacks = stacks.setdefault(self.nodes.lane[n], [])
            if not lane_stacks or len(lane_stacks[-1]) == self.stack:
                lane_stacks.append([])
            lane_stacks[-1].append(n)
        widths = {k: [max(2 * box[n].half_width for n in s) for s in v] for k, v in stacks.items()}
        spans = {k: sum(w) + BOX_GAP * (len(w) - 1) for k, w in widths.items()}
        width = max([heading_width(heading) + 8.0, *spans.values()])
        for k, lane_stacks in stacks.items():
            x = left + (width - spans[k]) / 2
            for stack, stack_width in zip(lane_stacks, widths[k], strict=True):
                self._stack(stack, x + stack_width / 2)
                x += stack_width + BOX_GAP
        return left + width

    def _stack(self, stack: list[Hashable], x: float) -> None:
        y = 0.0
        for n in stack:
            self.claim_x[n] = x
            self.offset[n] = y
            y += 2 * self.nodes.box[n].half_height + STACK_GAP


# --- bands and rows ----------------------------------------------------------------------------


def _band(
    nodes: _Nodes,
    grid: _Grid,
    lane: int,
    positions: dict[Hashable, Position],
    bands: list[tuple[float, float, str, str]],
    top: float,
) -> float:
    """Lay out one side's band from ``top``: its name, its actors, its claims; return where the next band starts."""
    claims = [n for n in nodes.claims if nodes.lane[n] == lane]
    actors = nodes.actors.get(lane, [])
    if not claims and not actors:
        return top
    y = top + NAME_ROOM
    if actors:
        y = _rows(nodes, actors, _anchors(nodes.G, actors, grid.claim_x, grid.span[0]), positions, y, grid.span)
        y += ACTOR_GAP
    bottom = y - ACTOR_GAP
    for n in claims:
        b = nodes.box[n]
        positions[n] = (round(grid.claim_x[n], 1), round(y + grid.offset[n] + b.half_height - b.dy, 1))
        bottom = max(bottom, y + grid.offset[n] + 2 * b.half_height)
    return _named(nodes, [*actors, *claims], positions, bands, (top, bottom, *nodes.band_name(lane)), grid.span[0])


def _named(
    nodes: _Nodes,
    members: list[Hashable],
    positions: dict[Hashable, Position],
    bands: list[tuple[float, float, str, str]],
    band: tuple[float, float, str, str],
    left: float,
) -> float:
    """Add ``band``, laid out under a line for its name; return where the next band starts.

    The page writes the name at the band's top left. When the band's first row starts far enough right to
    leave it room, the band moves up into that line: the name sits beside the row, not above it.
    """
    top, bottom, name, colour = band
    room = left + NAME_INSET + heading_width(name) + BOX_GAP
    first_row = [n for n in members if _box_top(nodes.box[n], positions[n]) < top + 2 * NAME_ROOM]
    if all(positions[n][0] + nodes.box[n].dx - nodes.box[n].half_width >= room for n in first_row):
        for n in members:
            positions[n] = (positions[n][0], round(positions[n][1] - NAME_ROOM, 1))
        bottom -= NAME_ROOM
    bands.append((top, bottom, name, colour))
    return bottom + BAND_GAP


def _box_top(box: Box, position: Position) -> float:
    return position[1] + box.dy - box.half_height


def _anchors(
    G: nx.MultiDiGraph[Any], members: list[Hashable], claim_x: dict[Hashable, float], start: float
) -> dict[Hashable, float]:
    """Where each node wants to be: over the claims it made, else the claims it touches, else two steps away.

    A claimant sits over its middle claim (the earlier of two), so its story runs on from there. An actor
    linked to no claim (an organisation its members speak for) sits over its members' claims, not at one end
    of the page, so its links stay short.
    """
    anchor: dict[Hashable, float] = {}
    for n in members:
        made = sorted(claim_x[c] for c in _made(G, n) if c in claim_x)
        if made:
            anchor[n] = made[(len(made) - 1) // 2]
            continue
        near = [claim_x[m] for m in nx.all_neighbors(G, n) if m in claim_x]
        if not near:  # an organisation: over its members' claims, else anything two steps away
            speakers = [m for m, _, attrs in G.in_edges(n, data=True) if attrs.get("relation") == "member_of"]
            near = [claim_x[c] for m in speakers for c in nx.all_neighbors(G, m) if c in claim_x]
        if not near:
            near = [claim_x[c] for m in nx.all_neighbors(G, n) for c in nx.all_neighbors(G, m) if c in claim_x]
        anchor[n] = sum(near) / len(near) if near else start
    return anchor


def _rows(
    nodes: _Nodes,
    members: list[Hashable],
    wanted: dict[Hashable, float],
    positions: dict[Hashable, Position],
    top: float,
    span: tuple[float, float],
) -> float:
    """Place ``members`` in as few rows as keep each within ``span`` and :data:`ROW_OVERRUN`; return the bottom.

    Every count-th node goes in one row, so each row still runs left to right.
    """
    ordered = _in_order(members, wanted, nodes.weight)

    def width(row: list[Hashable]) -> float:
        return sum(2 * nodes.box[n].half_width + BOX_GAP for n in row) - BOX_GAP

    room = span[1] - span[0] + ROW_OVERRUN
    count = max(1, min(len(ordered), math.ceil(width(ordered) / room)))
    while count < len(ordered) and max(width(ordered[k::count]) for k in range(count)) > room:
        count += 1
    for k in range(count):
        top = _row(nodes, ordered[k::count], wanted, positions, top, span) + ACTOR_GAP
    return top - ACTOR_GAP


def _in_order(
    members: list[Hashable],
    wanted: dict[Hashable, float],
    weight: dict[Hashable, float],
    push: dict[Hashable, float] | None = None,
) -> list[Hashable]:
    """Members left to right by wanted x; of those that want the same x, the heaviest where it moves least.

    That is in the middle, or, once ``push`` says which way spreading the row moved them, at the end it
    was pushed away from: first if pushed right, last if pushed left.

    >>> _in_order(["a", "b", "c", "d"], {"a": 0.0, "b": 1.0, "c": 1.0, "d": 1.0}, {"a": 1, "b": 1, "c": 9, "d": 1})
    ['a', 'b', 'c', 'd']
    >>> _in_order(["b", "c", "d"], {"b": 1.0, "c": 1.0, "d": 1.0}, {"b": 1, "c": 9, "d": 1}, {"b": 5, "c": 5, "d": 5})
    ['c', 'b', 'd']
    """
    ordered: list[Hashable] = []
    for _, group in itertools.groupby(
        sorted(members, key=lambda n: (wanted[n], -weight[n], str(n))), key=lambda n: wanted[n]
    ):
        tied = list(group)
        if push is None:
            tied = [n for i, n in enumerate(tied) if i % 2][::-1] + [n for i, n in enumerate(tied) if not i % 2]
        elif sum(push[n] for n in tied) < 0:
            tied.reverse()
        ordered += tied
    return ordered


def _row(
    nodes: _Nodes,
    members: list[Hashable],
    wanted: dict[Hashable, float],
    positions: dict[Hashable, Position],
    top: float,
    span: tuple[float, float],
) -> float:
    """Place ``members`` in one row near their wanted x, no two boxes touching; return the row's bottom."""
    box, weight = nodes.box, nodes.weight

    def spread(order: list[Hashable]) -> list[float]:
        return _spread([wanted[n] for n in order], [box[n].half_width for n in order], span, [weight[n] for n in order])

    xs = spread(members)
    members = _in_order(members, wanted, weight, {n: x - wanted[n] for n, x in zip(members, xs, strict=True)})
    xs = spread(members)
    for n, x in zip(members, xs, strict=True):
        positions[n] = (round(x, 1), round(top + box[n].half_height - box[n].dy, 1))
    return top + max(2 * box[n].half_height for n in members)


def _spread(
    wanted: list[float], half_widths: list[float], span: tuple[float, float], weights: list[float] | None = None
) -> list[float]:
    """Left-to-right positions as near ``wanted`` as keeping boxes apart allows, within ``span`` if they fit.

    Weighted least squares under the order and spacing constraints (pool adjacent violators): a crowd at one
    end of the row does not push away nodes at the other, and heavier nodes move less than light ones. A row
    too wide for ``span`` starts where it starts and runs past its end, so the drawing begins at the first date.

    >>> _spread([0.0, 0.0, 100.0], [10.0, 10.0, 10.0], (-100.0, 200.0))
    [-18.0, 18.0, 100.0]
    >>> _spread([0.0, 0.0], [10.0, 10.0], (-100.0, 200.0), [1.0, 3.0])
    [-27.0, 9.0]
    >>> _spread([0.0, 0.0], [10.0, 10.0], (0.0, 200.0))
    [10.0, 46.0]
    >>> _spread([50.0, 50.0], [10.0, 10.0], (0.0, 40.0))
    [10.0, 46.0]
    """
    if not wanted:
        return []
    offsets = [0.0]  # where each box sits relative to the first when packed tight
    for i in range(1, len(wanted)):
        offsets.append(offsets[-1] + half_widths[i - 1] + half_widths[i] + BOX_GAP)
    starts = _increasing([w - o for w, o in zip(wanted, offsets, strict=True)], weights or [1.0] * len(wanted))
    total = offsets[-1] + half_widths[0] + half_widths[-1]
    low = span[0] + half_widths[0]
    high = max(span[1], span[0] + total) - half_widths[-1] - offsets[-1]
    return [min(max(x, low), high) + o for x, o in zip(starts, offsets, strict=True)]


def _increasing(values: list[float], weights: list[float]) -> list[float]:
    """The non-decreasing sequence nearest ``values`` in weighted least squares (pool adjacent violators).

    >>> _increasing([1.0, 3.0, 2.0, 4.0], [1.0, 1.0, 1.0, 1.0])
    [1.0, 2.5, 2.5, 4.0]
    """
    blocks: list[tuple[float, float, int]] = []  # mean, weight, count
    for value, weight in zip(values, weights, strict=True):
        mean, total, count = value, weight, 1
        while blocks and blocks[-1][0] > mean:
            before, before_weight, before_count = blocks.pop()
            mean = (before * before_weight + mean * total) / (before_weight + total)
            total, count = before_weight + total, before_count + count
        blocks.append((mean, total, count))
    return [mean for mean, _, count in blocks for _ in range(count)]


def _frame(
    box: dict[Hashable, Box],
    positions: dict[Hashable, Position],
    columns: Sequence[tuple[float, float, str]],
    bands: Sequence[tuple[float, float, str, str]],
) -> tuple[float, float, float, float]:
    """The drawing's extent: every node, the band names and the strip of date headings above."""
    if not positions:
        return (0.0, 0.0, 0.0, 0.0)
    edges = [(x + box[n].dx - box[n].half_width, x + box[n].dx + box[n].half_width) for n, (x, _) in positions.items()]
    left = min([a for a, _ in edges] + [c[0] for c in columns])
    right = max([b for _, b in edges] + [c[1] for c in columns] + [left + heading_width(b[2]) for b in bands])
    top = bands[0][0] - (HEADING_ROOM if columns else 0.0)
    return (round(left, 1) + 0.0, round(top, 1) + 0.0, round(right, 1) + 0.0, round(bands[-1][1], 1) + 0.0)
