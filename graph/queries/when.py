"""Claim dates for ordering and cut-offs: partial dates sort by their earliest possible day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

import networkx as nx

from ..dates import PartialDate
from .walk import nodes_of_type

DateLike = str | dt.date | PartialDate
"""A day, or a partial date (``PartialDate`` or its text, e.g. ``'2017-10'``)."""

_FAR_FUTURE = dt.date.max


def claim_date(G: nx.MultiDiGraph[str], claim: str) -> PartialDate | None:
    """The claim's date, or None when the data gives none."""
    text = G.nodes[claim].get("date")
    return PartialDate.parse(text) if text else None


def to_day(value: DateLike, *, end: bool) -> dt.date:
    """A day from a date-like value: a partial date's last day when ``end``, else its first."""
    if isinstance(value, dt.date):
        return value
    date = PartialDate.parse(value) if isinstance(value, str) else value
    return date.latest if end else date.earliest


def made_by(date: PartialDate | None, day: dt.date) -> bool:
    """True when a claim with this date was certainly made on or before ``day``; never for undated claims."""
    return date is not None and date.latest <= day


def overlaps(date: PartialDate | None, start: dt.date | None, end: dt.date | None) -> bool:
    """True when the date may fall between ``start`` and ``end`` (inclusive; either may be open)."""
    if start is None and end is None:
        return True
    if date is None:
        return False
    return (start is None or date.latest >= start) and (end is None or date.earliest <= end)


def chronological_key(date: PartialDate | None, claim: str) -> tuple[bool, dt.date, dt.date, str]:
    """Earliest possible day, then the more precise date first, then id; undated claims last."""
    if date is None:
        return (True, _FAR_FUTURE, _FAR_FUTURE, claim)
    return (False, date.earliest, date.latest, claim)


def chronological(G: nx.MultiDiGraph[str], claims: Iterable[str]) -> list[str]:
    """The claims in date order (see :func:`chronological_key`)."""
    return sorted(claims, key=lambda c: chronological_key(claim_date(G, c), c))


def reference_day(G: nx.MultiDiGraph[str]) -> dt.date | None:
    """The latest day the data names: the first possible day of the latest claim or publication date.

    Queries that measure time "as of now" use this instead of the clock, so
    their answers do not change from one day to the next.
    """
    latest: dt.date | None = None
    for node in (*nodes_of_type(G, "claim"), *nodes_of_type(G, "source")):
        text = G.nodes[node].get("date") or G.nodes[node].get("published")
        if text:
            day = PartialDate.parse(text).earliest
            latest = day if latest is None or day > latest else latest
    return latest


Certainty = Literal["certain", "approximate", "uncertain", "approximate and uncertain", "undated"]


def certainty(date: PartialDate | None) -> Certainty:
    """How far to trust a date, apart from its precision: the EDTF ``~``, ``?`` and ``%`` marks."""
    if date is None:
        return "undated"
    if date.approximate and date.uncertain:
        return "approximate and uncertain"
    if date.approximate:
        return "approximate"
    return "uncertain" if date.uncertain else "certain"
