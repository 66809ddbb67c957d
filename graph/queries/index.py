"""What every analysis of one graph shares, worked out once per graph: dates, positions, origins, the framework.

Status, origins, strength and ``why`` all read the same facts about a graph
that do not depend on the day asked about: each claim's date, claimants and
positions, what retracts what, each claim's origins, each argument's base
score and what weighs on it. :func:`index` computes them on first use and
keeps them with the graph object (weakly: the index goes when the graph
does), so a notebook asking many questions of one graph pays once.

A graph is treated as read-only once analysed, as networkx treats a graph
an algorithm is running on. The index notices nodes or edges added or
removed (it compares the node count and the number of node pairs linked),
but not an attribute changed in place: after editing a graph's attributes,
call :func:`forget` (or analyse a copy).

>>> import graph
>>> G = graph.load("data/claims.yaml")
>>> index(G) is index(G)
True
>>> index(G).claimants["gerasimov-training"], index(G).key("gerasimov-training")[1].isoformat()
(('gerasimov',), '2017-12-01')
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

from ..dates import When, parse_when
from ..types import ClaimGraph
from ..vocabulary import RELATIONS, STANCES
from .bodies import body_names
from .walk import RESPONSES, NodeAttributes, node_dict, nodes_of_type, succ_dict
from .when import today

STANCE_NAMES: frozenset[str] = frozenset(STANCES)
DERIVING: frozenset[str] = frozenset(r.name for r in RELATIONS.values() if r.family in ("derive", "repeat"))
"""Relations a claim derives by: what it rests on, and what it repeats."""

Key = tuple[bool, dt.date, dt.date]
"""When a claim was made, for ordering: undated last, then earliest day, then latest day."""

_FAR = dt.date.max
_INDEXES: weakref.WeakKeyDictionary[Any, tuple[tuple[int, int], Index]] = weakref.WeakKeyDictionary()
_HELD: weakref.WeakKeyDictionary[Any, Index] = weakref.WeakKeyDictionary()

T = TypeVar("T")


def index(G: ClaimGraph) -> Index:
    """The :class:`Index` of ``G``, built on first use and kept while ``G`` lives and keeps its shape."""
    held = _HELD.get(G)
    if held is not None:
        return held
    fingerprint = _fingerprint(G)
    kept = _INDEXES.get(G)
    if kept is not None and kept[0] == fingerprint:
        return kept[1]
    built = Index(G)
    _INDEXES[G] = (fingerprint, built)
    return built


@contextmanager
def held(G: ClaimGraph) -> Iterator[Index]:
    """Within the block, :func:`index` trusts that ``G`` is not changed and skips its check for changes.

    The check reads every node's edges, which is what a single question about
    one claim costs most; asking one about each of many claims (the explorer
    page's analysis) does it once here instead.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> with held(G) as idx:
    ...     index(G) is idx
    True
    """
    if G in _HELD:
        yield _HELD[G]
        return
    _HELD[G] = index(G)
    try:
        yield _HELD[G]
    finally:
        del _HELD[G]


def forget(G: ClaimGraph) -> None:
    """Drop the index kept for ``G``, after changing its attributes in place.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> first = index(G)
    >>> forget(G)
    >>> index(G) is first
    False
    """
    _INDEXES.pop(G, None)


def _fingerprint(G: ClaimGraph) -> tuple[int, int]:
    """The node count and the number of linked node pairs: cheap, and changed by adding or removing either."""
    succ = succ_dict(G)
    return len(succ), sum(map(len, succ.values()))


class Index:
    """The day-independent facts about one graph; each is computed when first asked for."""

    def __init__(self, G: ClaimGraph) -> None:
        self._graph = weakref.ref(G)  # a strong reference would keep the graph, the key of its own index, alive
        self.nodes: NodeAttributes = node_dict(G)
        self._memo: dict[str, Any] = {}

    @property
    def G(self) -> ClaimGraph:
        """The graph indexed (alive as long as anyone asks about it)."""
        graph = self._graph()
        assert graph is not None, "the index of a graph outlived it"
        return graph

    def memo(self, name: str, compute: Callable[[], T]) -> T:
        """A fact another module works out from the graph, kept here under ``name``."""
        if name not in self._memo:
            self._memo[name] = compute()
        found: T = self._memo[name]
        return found

    @cached_property
    def claims(self) -> list[str]:
        """Every claim, in graph order."""
        return list(nodes_of_type(self.G, "claim"))

    @cached_property
    def dates(self) -> dict[str, When | None]:
        """Every claim's date, parsed."""
        nodes = self.nodes
        return {c: parse_when(text) if (text := nodes[c].get("date")) else None for c in self.claims}

    @cached_property
    def keys(self) -> dict[str, Key]:
        """Every claim's :data:`Key`."""
        return {c: (True, _FAR, _FAR) if d is None else (False, d.earliest, d.latest) for c, d in self.dates.items()}

    @cached_property
    def made(self) -> dict[str, dt.date | None]:
        """The day by which each claim had certainly been made (None when undated; see ``on_record``)."""
        return {c: None if d is None else d.made_latest for c, d in self.dates.items()}

    def on_record(self, day: dt.date) -> OnRecord:
        """The claims on record by ``day`` (made by then, or undated and ``day`` is today or later), to test with
        ``in``: each claim is looked up when asked about, so a question about a few claims stays local."""
        return OnRecord(self.made, day)

    @cached_property
    def evidence(self) -> dict[str, tuple[str, ...]]:
        """The evidence items each claim cites or rests on, each once."""
        nodes = self.nodes
        return {
            c: tuple(
                dict.fromkeys((*links.cites, *(v for v, _ in links.derives if nodes[v].get("type") == "evidence")))
            )
            for c, links in self.links.items()
        }

    def key(self, claim: str) -> Key:
        """When ``claim`` was made, for ordering (see :data:`Key`)."""
        return self.keys[claim]

    def order(self, claim: str) -> tuple[Key, str]:
        """Date order, then id: the order claims are listed in."""
        return self.keys[claim], claim

    @cached_property
    def claimants(self) -> dict[str, tuple[str, ...]]:
        """Every claim's claimants (a joint statement has several)."""
        nodes = self.nodes
        return {c: tuple(nodes[c].get("claimants") or [nodes[c]["claimant"]]) for c in self.claims}

    @cached_property
    def bodies(self) -> dict[str, str]:
        """Each actor's body, counting who speaks for whom (see :mod:`graph.queries.bodies`)."""
        return body_names(self.G)

    @cached_property
    def belonging(self) -> dict[str, str]:
        """Each actor's body, counting who belongs to whom."""
        return body_names(self.G, belonging=True)

    @cached_property
    def links(self) -> dict[str, Links]:
        """What each claim links to, read in one pass over the claims' edges."""
        return _links(self.G, self.claims)

    @cached_property
    def incoming(self) -> dict[str, list[tuple[str, str]]]:
        """``(claim, relation)`` for each stance on a proposition and each response to a claim, by target."""
        found: dict[str, list[tuple[str, str]]] = {}
        for claim, links in self.links.items():
            for target, how in (*links.stances, *links.responses):
                found.setdefault(target, []).append((claim, how))
        return found


class OnRecord:
    """Which claims are on record by a day: ``claim in on_record`` (see :meth:`Index.on_record`)."""

    __slots__ = ("day", "made", "undated")

    def __init__(self, made: dict[str, dt.date | None], day: dt.date) -> None:
        self.made = made
        self.day = day
        self.undated = day >= today()

    def everything(self) -> bool:
        """Whether every claim is on record by the day (the usual question: as of today)."""
        dated = [made for made in self.made.values() if made is not None]
        return (self.undated or len(dated) == len(self.made)) and (not dated or max(dated) <= self.day)

    def listed(self) -> set[str]:
        """All of them at once, for a question about the whole graph."""
        return {c for c, made in self.made.items() if (self.undated if made is None else made <= self.day)}

    def __contains__(self, claim: object) -> bool:
        if not isinstance(claim, str) or claim not in self.made:
            return False
        made = self.made[claim]
        return self.undated if made is None else made <= self.day


class Links(NamedTuple):
    """What one claim links to: its stances, its responses, what it derives from, the evidence it cites."""

    stances: tuple[tuple[str, str], ...]
    """``(proposition, stance)``."""
    responses: tuple[tuple[str, str], ...]
    """``(claim, relation)``: the claims it answers or backs."""
    derives: tuple[tuple[str, str], ...]
    """``(claim or evidence item, relation)``: what it rests on or repeats."""
    cites: tuple[str, ...]
    """Evidence items it cites."""


def _links(G: ClaimGraph, claims: list[str]) -> dict[str, Links]:
    nodes, succ = node_dict(G), succ_dict(G)
    found = {}
    for claim in claims:
        stances, responses, derives, cites = [], [], [], []
        for v, keyed in succ[claim].items():
            kind = nodes[v].get("type")
            for attrs in keyed.values():
                how = attrs.get("relation")
                if kind == "proposition" and how in STANCE_NAMES:
                    stances.append((v, how))
                elif kind == "claim" and how in RESPONSES:
                    responses.append((v, how))
                if how in DERIVING:
                    derives.append((v, how))
                elif how == "cites" and kind == "evidence":
                    cites.append(v)
        found[claim] = Links(tuple(stances), tuple(responses), tuple(derives), tuple(cites))
    return found
