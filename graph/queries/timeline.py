"""Claims in date order, each saying how precise and how certain its date is."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ..dates import When
from ..types import ClaimGraph
from .filters import select_claims
from .records import TimelineEntry
from .walk import node_dict
from .when import DateLike, certainty, chronological, claim_dates


def timeline(
    G: ClaimGraph,
    *,
    actor: str | None = None,
    side: str | None = None,
    kind: str | Collection[str] | None = None,
    place: str | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
) -> list[TimelineEntry]:
    """The selected claims ordered by date; the filters are those of :func:`select_claims`.

    Partial dates sort by their earliest possible day, and on the same day
    the more precise date comes first (``2017-10-06`` before ``2017-10``
    before ``2017``); the ``~``/``?`` marks do not move a date. Undated
    claims come last. Ties are broken by claim id, so the order is stable.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> entry = timeline(G, actor="rebarich")[0]
    >>> entry
    TimelineEntry(claim='rebarich-denies-training', claimant='rebarich', kind='denial', date='2017-12-29?', \
precision='day', certainty='uncertain')
    >>> entry.describe_date()
    '29 December 2017 (uncertain)'
    >>> [e.claim for e in timeline(G, kind="denial", start="2017-12", end="2017-12")]
    ['rebarich-denies-training']
    """
    claims = select_claims(G, actor=actor, side=side, kind=kind, place=place, start=start, end=end)
    dates = claim_dates(G, claims)
    nodes = node_dict(G)
    return [_entry(nodes[c], c, dates[c]) for c in chronological(G, claims, dates)]


def _entry(attrs: dict[str, Any], claim: str, date: When | None) -> TimelineEntry:
    return TimelineEntry(
        claim, attrs["claimant"], attrs["kind"], attrs.get("date"), date.precision if date else None, certainty(date)
    )
