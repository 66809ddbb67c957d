"""Claim dates for ordering and cut-offs: partial dates sort by their earliest possible day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal

from ..dates import PartialDate, When, parse_when
from ..types import ClaimGraph
from .walk import node_dict, nodes_of_type

DateLike = str | dt.date | PartialDate
"""A day (a ``datetime`` means its day), or a partial date (``PartialDate`` or its text, e.g. ``'2017-10'``)."""

_FAR_FUTURE = dt.date.max


def claim_date(G: ClaimGraph, claim: str) -> When | None:
    """The claim's date (a partial date, or an interval for a standing position), or None when the data gives none."""
    text = node_dict(G)[claim].get("date")
    return parse_when(text) if text else None


def claim_dates(G: ClaimGraph, claims: Iterable[str] | None = None) -> dict[str, When | None]:
    """The dates of ``claims`` (default: every claim), parsed once for a whole query."""
    nodes = node_dict(G)
    chosen = nodes_of_type(G, "claim") if claims is None else claims
    return {c: parse_when(text) if (text := nodes[c].get("date")) else None for c in chosen}


def to_day(value: DateLike, *, end: bool) -> dt.date:
    """A day from a date-like value: a partial date's last day when ``end``, else its first.

    A ``datetime`` means its day. Text that is not a date is a ``ValueError``;
    anything else a ``TypeError``.

    >>> to_day("2017-10", end=True), to_day(dt.datetime(2018, 1, 1, 12), end=False)
    (datetime.date(2017, 10, 31), datetime.date(2018, 1, 1))
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        value = PartialDate.parse(value)
    if not isinstance(value, PartialDate):
        raise TypeError(f"expected a date: a datetime.date, a PartialDate or text such as '2017-10', not {value!r}")
    return value.latest if end else value.earliest


def made_by(date: When | None, day: dt.date) -> bool:
    """True when a claim with this date was certainly made on or before ``day``; never for undated claims.

    A standing position (an interval) counts from its start.
    """
    return date is not None and date.made_latest <= day


def overlaps(date: When | None, start: dt.date | None, end: dt.date | None) -> bool:
    """True when the date may fall between ``start`` and ``end`` (inclusive; either may be open)."""
    if start is None and end is None:
        return True
    if date is None:
        return False
    return (start is None or date.latest >= start) and (end is None or date.earliest <= end)


def chronological_key(date: When | None, claim: str) -> tuple[bool, dt.date, dt.date, str]:
    """Earliest possible day, then the more precise date first, then id; undated claims last."""
    if date is None:
        return (True, _FAR_FUTURE, _FAR_FUTURE, claim)
    return (False, date.earliest, date.latest, claim)


def chronological(G: ClaimGraph, claims: Iterable[str], dates: dict[str, When | None] | None = None) -> list[str]:
    """The claims in date order (see :func:`chronological_key`); pass ``dates`` when already parsed."""
    chosen = list(claims)
    known = claim_dates(G, chosen) if dates is None else dates
    return sorted(chosen, key=lambda c: chronological_key(known[c], c))


def reference_day(G: ClaimGraph) -> dt.date | None:
    """The latest day the data names: the first possible day of the latest claim or publication date.

    Queries that measure time "as of now" use this instead of the clock, so
    their answers do not change from one day to the next.
    """
    days = [parse_when(text).earliest for attrs in node_dict(G).values() if (text := _date_text(attrs))]
    return max(days, default=None)


def _date_text(attrs: dict[str, Any]) -> str | None:
    kind = attrs.get("type")
    field = "date" if kind == "claim" else "published" if kind == "source" else None
    return attrs.get(field) if field else None


Certainty = Literal["certain", "approximate", "uncertain", "approximate and uncertain", "undated"]


def certainty(date: When | None) -> Certainty:
    """How far to trust a date, apart from its precision: the EDTF ``~``, ``?`` and ``%`` marks."""
    if date is None:
        return "undated"
    if date.approximate and date.uncertain:
        return "approximate and uncertain"
    if date.approximate:
        return "approximate"
    return "uncertain" if date.uncertain else "certain"


def today() -> dt.date:
    """The clock's day: what "now" means when a query is given no ``as_of``."""
    return dt.date.today()


def as_of_day(as_of: DateLike | None) -> dt.date:
    """The reference day of a query: ``as_of`` (a partial date meaning its last day), or today.

    >>> as_of_day("2017-10").isoformat()
    '2017-10-31'
    """
    return today() if as_of is None else to_day(as_of, end=True)


def on_record(date: When | None, day: dt.date) -> bool:
    """True when a claim with this date had certainly been made by ``day``.

    A dated claim counts once the last day its date can mean has come (see
    :func:`made_by`). An undated claim counts from today on: it is in the
    records, so it has been made by now, but nothing shows it had been by
    any earlier day.
    """
    return made_by(date, day) if date is not None else day >= today()


def first_day(date: When) -> dt.date:
    """The first day a date can mean; for a position held since an unknown day, the day it was certainly held."""
    return date.earliest if date.earliest != dt.date.min else date.made_latest
