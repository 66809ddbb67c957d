"""The analysis the explorer page shows, as compact JSON: status, history, open questions, strength, why, origins.

Python decides and the page only displays: every figure here comes from the
query functions ``claimgraph query`` prints (:func:`~graph.queries.statuses`,
:func:`~graph.queries.unanswered`, :func:`~graph.queries.status` with
``as_of``, :func:`~graph.queries.strengths`, :func:`~graph.queries.why`,
:func:`~graph.queries.independent_origins`), on one day, the build day.
Nodes are named by their index in the page data's ``nodes`` list.

A proposition's ``history`` lists its status at each day on which something
about it came on record (the last day a claim's date can mean, as ``as_of``
reads dates), one step per change: the page's date slider takes the last
step on or before the chosen day, and before the first step the proposition
is not yet made. Undated claims are on record from the build day on (as
:func:`~graph.queries.when.on_record` has it), so they step in on that day.

>>> import graph
>>> G = graph.load("data/claims.yaml")
>>> nodes = {n: i for i, n in enumerate(G)}
>>> data = page_analysis(G, nodes, as_of="2024-05-01")
>>> one = next(p for p in data["propositions"] if p["node"] == nodes["us-trains-isis"])
>>> one["status"], one["since"], one["history"]
('disputed', '2017-12-29?', [['2017-12-29', 'unasserted', '2017-12-29?'], ['2017-12-31', 'disputed', '2017-12-29?']])
>>> claim = data["claims"][nodes["gerasimov-training"]]
>>> claim["positions"] == [[nodes["us-trains-isis"], "asserts"]], claim["strength"]
(True, 0.25)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping
from typing import Any

from . import queries as q
from .queries.index import held, index
from .queries.positions import claim_positions, positions
from .queries.status import RETRACTING, at_issue, withdrawals
from .queries.when import today
from .types import ClaimGraph


def page_analysis(G: ClaimGraph, nodes: Mapping[Hashable, int], *, as_of: q.DateLike | None = None) -> dict[str, Any]:
    """The analysis of ``G`` on ``as_of`` (default: today, the build day) for the page, nodes as ``nodes`` numbers them.

    ``propositions`` holds every proposition in the order of
    :func:`~graph.queries.statuses`; ``open`` the open questions (every
    disputed proposition and each one :func:`~graph.queries.unanswered`
    lists, in that order); ``claims`` each claim by node index.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> nodes = {n: i for i, n in enumerate(G)}
    >>> data = page_analysis(G, nodes, as_of="2017-10-31")
    >>> data["asOf"], [list(G)[i] for i in data["open"]][:2]
    ('2017-10-31', ['isis-operates-from-tanf', 'konashenkov-human-shields'])
    """
    with held(G):  # many questions about one unchanged graph
        return _analysis(G, nodes, q.as_of_day(as_of))


def _analysis(G: ClaimGraph, nodes: Mapping[Hashable, int], day: dt.date) -> dict[str, Any]:
    found = q.statuses(G, as_of=day)
    weights = q.strengths(G, as_of=day)
    unanswered = {s.proposition for s in q.unanswered(G, as_of=day)}
    # a claim standing for its own proposition has the proposition's paragraph as its own why: shipped with the claim
    claims = index(G).claims
    declared = [s.proposition for s in found if not s.implicit]
    origins = q.origins_of_each(G, [*claims, *declared], as_of=day)
    whys = q.why_each(G, [*claims, *declared], as_of=day, origins=origins)
    return {
        "asOf": day.isoformat(),
        "propositions": [
            _proposition(G, nodes, s, weights, None if s.implicit else whys[s.proposition]) for s in found
        ],
        "open": [
            nodes[s.proposition]
            for s in found
            if s.status == "disputed" or (s.status == "unanswered" and s.proposition in unanswered)
        ],
        "claims": _claims(G, nodes, weights, whys, origins),
    }


def _claims(
    G: ClaimGraph,
    nodes: Mapping[Hashable, int],
    weights: q.Strengths[str],
    whys: Mapping[str, q.Explanation],
    origins: Mapping[str, q.Origins],
) -> dict[int, Any]:
    """Every claim by node index (see :func:`_claim`), with its why and origins found for all claims at once."""
    claims = index(G).claims
    return {nodes[c]: _claim(G, nodes, c, weights, whys[c], origins[c]) for c in claims}


def _proposition(
    G: ClaimGraph, nodes: Mapping[Hashable, int], s: q.Status, weights: q.Strengths[str], why: q.Explanation | None
) -> dict[str, Any]:
    """One proposition: status, since when, who stands where (claims by role), evidence, strength, why, history."""
    roles: dict[str, list[int]] = {}
    for stand in s.stands:
        roles.setdefault(stand.role, []).append(nodes[stand.claim])
    weight = weights.get(s.proposition)
    return {
        "node": nodes[s.proposition],
        "atIssue": at_issue(G, s.proposition),
        "status": s.status,
        "since": s.since,
        "days": s.days,
        "began": nodes[s.began] if s.began else None,
        "roles": roles,
        "withdrawn": _withdrawn(G, nodes, s),
        "evidenceFor": [nodes[e] for e in s.evidence_for],
        "evidenceAgainst": [nodes[e] for e in s.evidence_against],
        "strength": _rounded(weight.strength) if weight else None,
        "why": why.reason if why else None,
        "history": status_history(G, s.proposition),
    }


def _withdrawn(G: ClaimGraph, nodes: Mapping[Hashable, int], s: q.Status) -> list[list[Any]]:
    """``[claim, [the claims withdrawing it]]`` for each claim withdrawn on the day: on an earlier day the page
    counts a claim withdrawn once one of those is on record by then."""
    if not any(x.withdrawn for x in s.stands):
        return []
    found = withdrawals(G, s.proposition, as_of=s.as_of)
    return [[nodes[c], [nodes[u] for u in by]] for c, by in found.items()]


def _claim(
    G: ClaimGraph,
    nodes: Mapping[Hashable, int],
    claim: str,
    weights: q.Strengths[str],
    why: q.Explanation,
    origins: q.Origins,
) -> dict[str, Any]:
    """One claim: when it comes on record, where it stands, its strength, why, and its independent origins."""
    weight = weights.get(claim)
    made = index(G).made[claim]
    return {
        "onRecord": made.isoformat() if made else None,
        "positions": [[nodes[p.proposition], p.role] for p in claim_positions(G, claim)],
        "strength": _rounded(weight.strength) if weight else None,
        "why": why.reason,
        "origins": [
            [origin, [[str(route), [str(chain) for chain in route.reports]] for route in routes]]
            for origin, routes in origins.origins.items()
        ],
    }


def status_history(G: ClaimGraph, proposition: str) -> list[list[str | None]]:
    """``[day, status, since]`` at each day something about ``proposition`` came on record, one per change.

    The days are those on which a claim on it, or a claim retracting one
    of those, is first on record (undated claims: from today on); each step
    is :func:`~graph.queries.status` on that day, so the status on any day is
    the last step on or before it ("not yet made" before the first).

    >>> import graph
    >>> status_history(graph.load("data/claims.yaml"), "konashenkov-human-shields")
    [['2017-10-06', 'disputed', '2017-10-06?']]
    """
    steps: list[list[str | None]] = []
    for day in _step_days(G, proposition):
        found = q.status(G, proposition, as_of=day)
        if not steps or steps[-1][1:] != [found.status, found.since]:
            steps.append([day.isoformat(), found.status, found.since])
    return steps


def _step_days(G: ClaimGraph, proposition: str) -> list[dt.date]:
    """The days on which a claim bearing on ``proposition`` comes on record, in order."""
    idx = index(G)
    claims = {p.claim for p in positions(G)[proposition]}
    claims |= {u for c in list(claims) for u, how in idx.incoming.get(c, ()) if how in RETRACTING}
    return sorted({made if made is not None else today() for c in claims for made in [idx.made[c]]})


def _rounded(value: float) -> float:
    """A strength as ``claimgraph query strength`` prints it: two decimals."""
    return float(f"{value:.2f}")
