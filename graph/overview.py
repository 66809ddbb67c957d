"""The page's overview of a large graph: one node per side and per proposition, claims expanding on demand.

Above :data:`OVERVIEW_THRESHOLD` claims a canvas of every node is too dense to
read (and slow to draw), so the page opens on an overview instead. Its nodes
are the sides (how many claims each made) and the propositions (status, how
many claims stand on them, for and against, per side); its edges join a side
to each proposition its claims stand on, one edge for and one against, with
the count (drawn while the proposition is expanded: all at once they are a
hairball). Every other node has a place in the overview's own coordinates
(Python lays it out, as it does the full graph): a claim on a proposition in
the block under that proposition (the first one it stands on, when several),
everything else in its side's block below the propositions. The page opens at
``opening``, the top left: the row of sides and the first propositions, the
open questions, at a zoom that can be read. Expanding a
proposition draws its claims at those places; "Show everything" draws the
full graph at its own layout.

Which side a claim belongs to, and where it stands, come from the page data's
colours and analysis (:func:`graph.render.node_colours`,
:func:`graph.page_analysis.page_analysis`): this module only groups them.

>>> import graph
>>> from graph.render import page_data
>>> data = page_data(graph.load("data/claims.yaml"))
>>> view = overview(data, threshold=10)
>>> [n["id"] for n in view["nodes"][:2]], view["nodes"][5]["status"]
(['overview:side:russia', 'overview:side:iran'], 'disputed')
>>> overview(data) is None  # the shipped data set is well under the threshold
True
"""

from __future__ import annotations

import math
from typing import Any

from .layout.boxes import PADDING
from .queries.records import ROLES_FOR

OVERVIEW_THRESHOLD = 2_000
"""The page opens on the overview when the graph has more claims than this."""

STATUS_ORDER = ("disputed", "unanswered")
"""Propositions in these statuses come first in the overview (the open questions), in this order."""

SIDE_PREFIX = "overview:side:"
"""Side nodes' ids: a colon never appears in a record's id, so they cannot clash."""

NO_SIDE = ""
COLUMNS = 2  # claims per row under a proposition
SIDE_COLUMNS = 8  # nodes per row in a side's block
SIDE_GAP = 300.0  # between the row of sides and the propositions, and between the propositions and the sides' blocks


def overview(data: dict[str, Any], *, threshold: int = OVERVIEW_THRESHOLD) -> dict[str, Any] | None:
    """The overview of the page data ``data``, or None when it has ``threshold`` claims or fewer.

    ``nodes``: the sides that made a claim, then the propositions, each
    ``{id, label, x, y, side, node, status, claims, counts}``
    (``node``: the proposition's index in ``data["nodes"]``; ``counts``: side id to ``[for, against]``);
    ``edges``: ``[from, to, "for" | "against", count]`` between overview nodes (list indices);
    ``groups``: proposition index to the indices of its claims; ``places``: every other node's ``[x, y]``.

    >>> import graph
    >>> from graph.render import page_data
    >>> view = overview(page_data(graph.load("data/claims.yaml")), threshold=10)
    >>> view["threshold"], len(view["nodes"]), view["edges"][0][2:]
    (10, 16, ['for', 4])
    """
    claims = [i for i, n in enumerate(data["nodes"]) if n["type"] == "claim"]
    if len(claims) <= threshold:
        return None
    propositions = _ordered(data["analysis"]["propositions"])
    groups = {
        p["node"]: sorted({c for members in p["roles"].values() for c in members} - {p["node"]}) for p in propositions
    }
    slot = _slot(data)
    columns = max(1, math.ceil(math.sqrt(len(propositions) * 0.6)))
    places, blocks_bottom = _proposition_blocks(propositions, groups, slot, columns)
    width = columns * slot[0] * (COLUMNS + 0.5)
    sides = _sides(data)
    side_x = {s: slot[0] * 1.2 * (i + 0.5) for i, s in enumerate(sides)}
    side_y = -SIDE_GAP
    block_x = {s: slot[0] * (SIDE_COLUMNS + 1) * (i + 0.5) for i, s in enumerate(sides)}
    bottom = _side_blocks(data, places, block_x, blocks_bottom + SIDE_GAP, slot)
    nodes = [_side_node(data, s, side_x[s], side_y, claims) for s in sides]
    nodes = [n for n in nodes if n["claims"]]  # a side that made no claim still has a block, but no node
    nodes += [_proposition_node(data, p, places[p["node"]], groups[p["node"]]) for p in propositions]
    return {
        "threshold": threshold,
        "nodes": nodes,
        "edges": _edges(nodes, sum(1 for n in nodes if n["node"] is None)),
        "groups": {p: members for p, members in groups.items()},
        "places": {i: [round(x, 1), round(y, 1)] for i, (x, y) in places.items() if i not in groups},
        "extent": [-slot[0], side_y - slot[1], max(width, max(block_x.values()) * 2) + slot[0], bottom + slot[1]],
        "opening": [-slot[0] / 2, side_y - slot[1]],
    }


def _ordered(propositions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Open questions first (disputed, then unanswered), each group by how many claims stand on it, most first."""

    def key(p: dict[str, Any]) -> tuple[int, int]:
        rank = STATUS_ORDER.index(p["status"]) if p["status"] in STATUS_ORDER else len(STATUS_ORDER)
        return rank, -sum(len(members) for members in p["roles"].values())

    return sorted(propositions, key=key)


def _slot(data: dict[str, Any]) -> tuple[float, float]:
    """The room one node takes in the overview: the widest and tallest label the page draws, plus padding."""
    widest = max((max(len(line) for line in n["label"].split("\n")) for n in data["nodes"]), default=10)
    lines = max((n["label"].count("\n") + 1 for n in data["nodes"]), default=1)
    return min(widest, 40) * 8.0 + 2 * PADDING, lines * 18.0 + 2 * PADDING


def _proposition_blocks(
    propositions: list[dict[str, Any]], groups: dict[int, list[int]], slot: tuple[float, float], columns: int
) -> tuple[dict[int, tuple[float, float]], float]:
    """Each proposition at the top of its block, its claims in rows under it; and the lowest block's bottom.

    Blocks go into ``columns`` columns, each into the one whose bottom is highest (left first when even), so a
    proposition with many claims leaves no gap beside it and the order still reads left to right, top down.
    """
    places: dict[int, tuple[float, float]] = {}
    width, height = slot[0] * (COLUMNS + 0.5), slot[1]
    tops = [0.0] * columns
    for p in propositions:
        column = min(range(columns), key=lambda i: (tops[i], i))
        x, top = (column + 0.5) * width, tops[column]
        places[p["node"]] = (x, top)
        members = [c for c in groups[p["node"]] if c not in places and c not in groups]
        for k, c in enumerate(members):
            places[c] = (x + (k % COLUMNS - (COLUMNS - 1) / 2) * slot[0], top + (1 + k // COLUMNS) * height)
        tops[column] += (1.6 + math.ceil(len(members) / COLUMNS)) * height
    return places, max(tops)


def _sides(data: dict[str, Any]) -> list[str]:
    """The sides' ids in the data's order, with "no side" last when a node has none."""
    sides = [s["id"] for s in data["sides"]]
    return [*sides, NO_SIDE] if any(not n["side"] for n in data["nodes"]) else sides


def _side_blocks(
    data: dict[str, Any],
    places: dict[int, tuple[float, float]],
    side_x: dict[str, float],
    top: float,
    slot: tuple[float, float],
) -> float:
    """Every node without a place yet goes into its side's block, below the propositions; return the lowest row."""
    per_row = SIDE_COLUMNS
    filled = dict.fromkeys(side_x, 0)
    for i, n in enumerate(data["nodes"]):
        if i in places:
            continue
        side = n["side"] if n["side"] in side_x else NO_SIDE
        k = filled[side]
        filled[side] += 1
        x = side_x[side] + (k % per_row - (per_row - 1) / 2) * slot[0]
        places[i] = (x, top + (k // per_row) * slot[1])
    return top + max(filled.values(), default=0) // per_row * slot[1]


def _side_node(data: dict[str, Any], side: str, x: float, y: float, claims: list[int]) -> dict[str, Any]:
    names = {s["id"]: s["name"] for s in data["sides"]}
    made = sum(1 for i in claims if (data["nodes"][i]["side"] or NO_SIDE) == side)
    return {
        "id": SIDE_PREFIX + (side or "none"),
        "label": f"{names.get(side, 'no side')}\n{made:,} claims",
        "x": x,
        "y": y,
        "side": side or None,
        "node": None,
        "status": None,
        "claims": made,
        "counts": {},
    }


def _proposition_node(
    data: dict[str, Any], p: dict[str, Any], place: tuple[float, float], members: list[int]
) -> dict[str, Any]:
    counts: dict[str, list[int]] = {}
    for role, claims in p["roles"].items():
        for c in claims:
            side = data["nodes"][c]["side"] or NO_SIDE
            counts.setdefault(side, [0, 0])[0 if role in ROLES_FOR else 1] += 1
    stand_for = sum(n[0] for n in counts.values())
    against = sum(n[1] for n in counts.values())
    node = data["nodes"][p["node"]]
    return {
        "id": node["id"],
        "label": f"{node['label']}\n{p['status']} · {stand_for} for, {against} against",
        "x": place[0],
        "y": place[1],
        "side": node["side"],
        "node": p["node"],
        "status": p["status"],
        "claims": len(members),
        "counts": counts,
    }


def _edges(nodes: list[dict[str, Any]], n_sides: int) -> list[list[Any]]:
    """One edge from a side to each proposition it stands on: for, against, or both, with the count."""
    side_index = {n["side"] or NO_SIDE: i for i, n in enumerate(nodes[:n_sides])}  # every side with a claim
    edges: list[list[Any]] = []
    for i, n in enumerate(nodes[n_sides:], start=n_sides):
        for side, (stand_for, against) in n["counts"].items():
            if stand_for:
                edges.append([side_index[side], i, "for", stand_for])
            if against:
                edges.append([side_index[side], i, "against", against])
    return edges
