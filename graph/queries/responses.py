"""Exchanges between claims: replies to a claim and by it, whole threads, and accusations left unanswered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ..dates import When
from ..types import ClaimGraph
from .records import OpenAccusation, Reply
from .resolve import resolve
from .walk import ATTACKS, RESPONSES, in_edges, node_dict, out_edges
from .when import DateLike, chronological, chronological_key, claim_date, claim_dates, made_by, reference_day, to_day


def responses_to(G: ClaimGraph, claim: str) -> list[Reply]:
    """The claims that answer ``claim`` directly (deny, rebut, support, concede or repeat it), in date order.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> responses_to(G, "gerasimov-training")[0]
    Reply(claim='rebarich-denies-training', how='denies', claimant='rebarich', date='2017-12-29?')
    """
    claim = resolve(G, claim, "claim")
    return _in_date_order(G, [_reply(G, u, how) for u, how, _ in in_edges(G, claim, RESPONSES, of_type="claim")])


def responds_to(G: ClaimGraph, claim: str) -> list[Reply]:
    """The claims ``claim`` answers directly, in date order: the other side of :func:`responses_to`.

    Each :class:`Reply` names the answered claim, how ``claim`` answers it,
    and the answered claim's claimant and date, like the ``responds_to``
    field of the claim's record.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> responds_to(G, "rebarich-denies-training")
    [Reply(claim='gerasimov-training', how='denies', claimant='gerasimov', date='2017-12?')]
    """
    claim = resolve(G, claim, "claim")
    return _in_date_order(G, [_reply(G, v, how) for v, how, _ in out_edges(G, claim, RESPONSES, of_type="claim")])


def _in_date_order(G: ClaimGraph, replies: list[Reply]) -> list[Reply]:
    return sorted(replies, key=lambda r: (chronological_key(claim_date(G, r.claim), r.claim), r.how))


def _reply(G: ClaimGraph, claim: str, how: str) -> Reply:
    attrs = G.nodes[claim]
    return Reply(claim, how, attrs["claimant"], attrs.get("date"))


def thread(G: ClaimGraph, claim: str) -> list[str]:
    """Every claim in the exchange ``claim`` belongs to, in date order (undated last).

    The exchange is everything linked to the claim by responses, followed in
    both directions: what it answers, what answers it, what answers those,
    and so on.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> thread(G, "rebarich-denies-training")[:2]
    ['gerasimov-training', 'rebarich-denies-training']
    """
    claim = resolve(G, claim, "claim")
    return chronological(G, _exchange(G, claim))


def _exchange(G: ClaimGraph, claim: str) -> set[str]:
    seen = {claim}
    stack = [claim]
    while stack:
        node = stack.pop()
        for other in _linked(G, node):
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return seen


def _linked(G: ClaimGraph, claim: str) -> Iterator[str]:
    for u, _, _ in in_edges(G, claim, RESPONSES, of_type="claim"):
        yield u
    for v, _, _ in out_edges(G, claim, RESPONSES, of_type="claim"):
        yield v


def unanswered(G: ClaimGraph, *, as_of: DateLike | None = None) -> list[OpenAccusation]:
    """Accusations that no denial or rebuttal answers, oldest first, with the days each has stood.

    Only ``denies`` and ``rebuts`` responses answer an accusation here: a
    concession, a supporting claim or a repeat leaves it standing.

    ``as_of`` (a day, or a partial date meaning its last day) looks at the
    record as it stood then: only claims certainly made by that day count,
    both accusations and answers, so undated claims are left out. Without
    ``as_of`` every claim counts, undated ones too, and days are measured to
    the latest date in the data (see :func:`reference_day`) rather than to
    today, so the answer does not change with the clock. ``days`` is None
    for an undated accusation.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> open_ = [a.claim for a in unanswered(G)]
    >>> "gerasimov-training" in open_, "lions-of-the-east-us-instructors" in open_
    (False, True)
    >>> unanswered(G, as_of="2018-12-31")[-1]
    OpenAccusation(claim='isis-fighter-safa-weapons', claimant='isis-fighter-captured-by-saa', date='2018-11?', days=60)
    """
    cutoff = to_day(as_of, end=True) if as_of is not None else None
    day = cutoff or reference_day(G)
    dates = claim_dates(G)
    on_record = {c for c, date in dates.items() if cutoff is None or made_by(date, cutoff)}
    nodes = node_dict(G)
    open_ = [
        c
        for c in on_record
        if nodes[c].get("kind") == "accusation" and not any(u in on_record for u, _, _ in in_edges(G, c, ATTACKS))
    ]
    return [_standing(nodes[c], c, dates[c], day) for c in chronological(G, open_, dates)]


def _standing(attrs: dict[str, Any], claim: str, date: When | None, day: dt.date | None) -> OpenAccusation:
    days = (day - date.earliest).days if date is not None and day is not None else None
    return OpenAccusation(claim, attrs["claimant"], attrs.get("date"), days)
