"""Exchanges between claims: replies to a claim and by it, and whole threads."""

from __future__ import annotations

from collections.abc import Iterator

from ..types import ClaimGraph
from .records import Reply
from .resolve import resolve
from .walk import RESPONSES, in_edges, out_edges
from .when import chronological, chronological_key, claim_date


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
