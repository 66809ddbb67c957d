"""Where a claim comes from: report chains back to the original speaker, and how many independent origins.

A document reports a claim (``reports`` edge) through intermediaries
(``via``, nearest the claimant first). Read backwards, from the document to
the speaker, that is a chain: the document, its publisher, the
intermediaries in reverse, and the claimant. A claim that ``repeats`` an
earlier claim extends the chain to the earlier claim's claimant, because the
repeater is passing on someone else's words, not speaking first-hand; a claim
repeating several claims has a chain to each of their claimants. On the way
the chain passes the intermediaries through which the repeater got those
words: the ``via`` of a report of the earlier claim (see :func:`provenance`
for which report).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence

import networkx as nx

from ..types import ClaimGraph
from .records import Chain
from .resolve import resolve
from .walk import in_edges, successors


def provenance(G: ClaimGraph, claim: str) -> list[Chain]:
    """One chain per report of ``claim``, from the document back to the original speaker, in report order.

    A claim that repeats several claims (or repeats a claim that repeats
    several) has one chain per report and per line of repetition: each
    ``repeats`` link is followed, so every speaker it passes on is reached.

    Between a repeater and the claimant of the claim it repeats, the chain
    passes the intermediaries through which the repeated claim's words came:
    the ``via`` of the repeated claim's report in the chain's own document
    when it has one there (that document says how the words reached it),
    otherwise the ``via`` of each of its reports, one chain per different
    ``via``. A repeater that is itself one of those intermediaries got the
    words where it stands, so only the intermediaries nearer the claimant
    count; a speaker repeating their own claim got the words from no one.
    When several claims in a line each have several routes, the first chain
    takes each claim's first route, the second each one's second (or its
    first, when it has only one), and so on. So the chains grow with the
    most routes of any one claim, not with their product, while every "got
    it from" link between two actors is still on some chain, and
    :func:`independent_origins` finds the same citation loops.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> provenance(G, "rebarich-denies-training")
    [<Chain doc-003-pentagon-denies → sputnik → rebarich>]
    >>> print(provenance(G, "field-source-tanf-support")[0])
    doc-004-tasnim → tasnim → sputnik-arabic → sputnik-arabic-field-source

    Tasnim's headline repeats the field source, whose words the same
    document says came through Sputnik Arabic:

    >>> [chain] = provenance(G, "tasnim-us-support-daesh")
    >>> print(chain)
    doc-004-tasnim → tasnim → sputnik-arabic → sputnik-arabic-field-source
    >>> chain.repeats, chain.repeat_relays
    (('field-source-tanf-support',), (('sputnik-arabic',),))
    """
    claim = resolve(G, claim, "claim")
    lines = _repeat_lines(G, claim)
    return [
        chain
        for source, _, attrs in in_edges(G, claim, ("reports",))
        for line in lines
        for chain in _chains(G, claim, source, attrs.get("via", ()), line)
    ]


def _repeat_lines(G: ClaimGraph, claim: str) -> list[tuple[str, ...]]:
    """The lines of repetition behind ``claim``: each the claims it repeats, nearest first, back to a first-hand one.

    Every ``repeats`` link is followed. A line ends at a claim that repeats
    nothing; where repeats go round in a circle, at the circle's claim
    nearest to ``claim``, since no one in a circle speaks first. There is
    one line per end, the shortest (ties broken by id), so a web of repeats
    cannot multiply the chains; the nearest ends come first. A claim that
    repeats nothing has one empty line.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> _repeat_lines(G, "tasnim-us-support-daesh"), _repeat_lines(G, "gerasimov-training")
    ([('field-source-tanf-support',)], [()])
    """
    parent, links = _repeats_reached(G, claim)
    if not links:
        return [()]
    found = list(parent)  # in order of discovery: nearest first, then by id
    rank = {c: i for i, c in enumerate(found)}
    components = nx.condensation(nx.DiGraph(links))
    sinks = [n for n, degree in components.out_degree() if degree == 0]
    ends = sorted((min(components.nodes[n]["members"], key=rank.__getitem__) for n in sinks), key=rank.__getitem__)
    return [_line_to(end, parent) for end in ends]


def _repeats_reached(G: ClaimGraph, claim: str) -> tuple[dict[str, str | None], list[tuple[str, str]]]:
    """Breadth first along ``repeats`` from ``claim``: each claim reached (with its parent), and the links followed.

    Links back into ``claim`` are left out: the claim cannot be its own earlier source.
    """
    parent: dict[str, str | None] = {claim: None}
    links: list[tuple[str, str]] = []
    queue = deque([claim])
    while queue:
        node = queue.popleft()
        for earlier in sorted(successors(G, node, ("repeats",)) - {claim}):
            links.append((node, earlier))
            if earlier not in parent:
                parent[earlier] = node
                queue.append(earlier)
    return parent, links


def _line_to(end: str, parent: dict[str, str | None]) -> tuple[str, ...]:
    line = [end]
    while (up := parent[line[-1]]) is not None:
        line.append(up)
    return tuple(reversed(line[:-1]))


def _chains(G: ClaimGraph, claim: str, source: str, via: Sequence[str], repeats: tuple[str, ...]) -> Iterator[Chain]:
    """The chains of one report of ``claim`` along one line of ``repeats``, one per route (see :func:`provenance`)."""
    publisher = next(iter(sorted(successors(G, source, ("published_by",)))), None)
    relays = tuple(reversed(via))
    speaker = G.nodes[claim]["claimant"]
    claimants = tuple(G.nodes[c]["claimant"] for c in repeats)
    routes = [_routes(G, c, repeater, source) for c, repeater in zip(repeats, (speaker, *claimants)[:-1], strict=True)]
    for i in range(max((len(r) for r in routes), default=1)):
        taken = tuple(r[i] if i < len(r) else r[0] for r in routes)
        heard = (actor for route, earlier in zip(taken, claimants, strict=True) for actor in (*route, earlier))
        path = _collapse((publisher, *relays, speaker, *heard))
        yield Chain(claim, source, publisher, relays, speaker, repeats, taken, path)


def _routes(G: ClaimGraph, repeated: str, repeater: str, source: str) -> list[tuple[str, ...]]:
    """The intermediaries through which ``repeater`` may have got ``repeated``'s words, nearest the repeater first.

    From the repeated claim's report in ``source`` if it has one, else from
    each of its reports: one entry per different route, in report order;
    ``[()]`` when it has no report in ``G``.
    """
    reports = [(s, tuple(attrs.get("via", ()))) for s, _, attrs in in_edges(G, repeated, ("reports",))]
    vias = [via for s, via in reports if s == source] or [via for _, via in reports]
    claimant = G.nodes[repeated]["claimant"]
    routes = dict.fromkeys(tuple(reversed(_before(repeater, (claimant, *via)))) for via in vias)
    return list(routes) or [()]


def _before(actor: str, hops: tuple[str, ...]) -> tuple[str, ...]:
    """The intermediaries on ``hops`` (the claimant, then its ``via``) that the words passed before ``actor``.

    All of them when ``actor`` is not on ``hops``; none when it is the claimant.
    """
    return hops[1 : hops.index(actor)] if actor in hops else hops[1:]


def _collapse(actors: tuple[str | None, ...]) -> tuple[str, ...]:
    """Drop unknowns, and an actor named twice in a row (it passed nothing on to itself)."""
    path: list[str] = []
    for actor in actors:
        if actor is not None and (not path or path[-1] != actor):
            path.append(actor)
    return tuple(path)


def citation_loops(chains: list[Chain]) -> tuple[tuple[str, ...], ...]:
    """Groups of actors that, across ``chains``, got a claim from one another in a loop (sorted).

    The strongly connected components (of two or more actors) of the "got it
    from" links of all the chains together: a chain in which an actor comes
    back, or outlets whose chains run through each other. A relay loop is
    worth a look, but it is not how :func:`~graph.queries.independent_origins`
    finds circular reporting (a document's own wire can sit on both sides of
    a repeat within it).

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> citation_loops(provenance(G, "tasnim-us-support-daesh"))
    ()
    """
    cites: nx.DiGraph[str] = nx.DiGraph()
    cites.add_edges_from(_links(chains))
    loops = (tuple(sorted(c)) for c in nx.strongly_connected_components(cites) if len(c) > 1)
    return tuple(sorted(loops))


def _links(chains: list[Chain]) -> Iterator[tuple[str, str]]:
    for chain in chains:
        yield from zip(chain.path, chain.path[1:], strict=False)
