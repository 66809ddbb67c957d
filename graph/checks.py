"""Rules that span records: references resolve, responses make sense, quotes are verbatim.

These run after each record has passed its own model, on the merged data set.
Every finding is reported where it was written, with a fix:
``claims[3].claimant: unknown actor 'konashenko'`` / ``did you mean 'konashenkov'?``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .quotenotation import has_marks, unbalanced_bracket, verbatim_runs
from .quotes import QuoteMatch, find_quote, normalise
from .suggest import suggest_id
from .yamlparse import MAX_FILE_BYTES

if TYPE_CHECKING:
    from .load import Dataset, Located, _Collector

PLACEHOLDER_ID = "placeholder-for-a-field-in-error"
"""Stands for a required reference whose own error is already reported (see :mod:`graph.load`)."""

_SINGULAR = {
    "sides": "side",
    "actors": "actor",
    "places": "place",
    "propositions": "proposition",
    "evidence": "evidence item",
    "sources": "source",
    "claims": "claim",
}


def check_dataset(data: Dataset, out: _Collector, *, check_quotes: bool = True) -> None:
    """Report every broken reference, self-response, misordered response and unverifiable quote."""
    refs = _References(data, out)
    for actor in data.actors.values():
        at = data.origins[actor.id]
        refs.check(at, ("side",), [actor.side], "sides")
        refs.check(at, ("member_of",), actor.member_of, "actors", self_id=actor.id, listed=True)
    for source in data.sources.values():
        at = data.origins[source.id]
        refs.check(at, ("publisher", "actor"), [source.publisher_id], "actors")
        refs.check_mentions(at, ("via",), source.via)
        _check_archive(data, out, source.id)
    for proposition in data.propositions.values():
        at = data.origins[proposition.id]
        refs.check(at, ("implicates",), proposition.implicates, "actors", listed=True)
        refs.check(at, ("places",), proposition.places, "places", listed=True)
    for item in data.evidence.values():
        at = data.origins[item.id]
        refs.check(at, ("by",), item.by, "actors", listed=True)
        refs.check(at, ("places",), item.places, "places", listed=True)
        _check_reports(refs, at, item.reports)
    for claim in data.claims.values():
        _check_claim(data, out, refs, claim)
    _check_derivation_loops(data, out)
    if check_quotes:
        check_quoted_words(data, out)


class _References:
    def __init__(self, data: Dataset, out: _Collector) -> None:
        self.data = data
        self.out = out
        # Ids of records that failed their own validation still count as defined,
        # so one typo does not cascade into a dozen "unknown id" errors.
        self.defined = {section: set(data.section(section)) for section in _SINGULAR}
        self.hints: dict[tuple[str, tuple[str, ...]], str] = {}
        for record_id, (_, path) in data.origins.items():
            self.defined[str(path[0])].add(record_id)
        for known in self.defined.values():
            known.add(PLACEHOLDER_ID)

    def check(
        self,
        at: Located,
        field: tuple[Any, ...],
        ids: Iterable[str | None],
        section: str | tuple[str, ...],
        *,
        self_id: str | None = None,
        listed: bool = False,
        inner: tuple[Any, ...] = (),
    ) -> None:
        """Report each id in ``ids`` that names no record of ``section`` (or of any of several sections);
        ``listed`` fields get an index, followed by ``inner`` (``('actor',)`` for ``via[0].actor``)."""
        sections = (section,) if isinstance(section, str) else section
        for position, ref in enumerate(ids):
            if ref is None:
                continue
            path = (*at[1], *field, position, *inner) if listed else (*at[1], *field)
            if ref == self_id:
                self.out.at_path(
                    (at[0], path), f"{ref!r} refers to the record itself", "remove it; a record cannot point at itself"
                )
            elif not any(ref in self.defined[s] for s in sections):
                what = " or ".join(_SINGULAR[s] for s in sections)
                self.out.at_path((at[0], path), f"unknown {what} {ref!r}", self._hint(ref, sections))

    def check_mentions(self, at: Located, field: tuple[Any, ...], mentions: Iterable[Any]) -> None:
        """Check the actors of a chain of mentions (``via``), each an id or ``{actor: id, ...}``."""
        self.check(at, field, [m.actor for m in mentions], "actors", listed=True, inner=("actor",))

    def _hint(self, ref: str, sections: tuple[str, ...]) -> str:
        # One renamed actor can leave thousands of dangling references: compute each hint once.
        key = (ref, sections)
        if key not in self.hints:
            self.hints[key] = self._compute_hint(ref, sections)
        return self.hints[key]

    def _compute_hint(self, ref: str, sections: tuple[str, ...]) -> str:
        close = suggest_id(ref, set().union(*(self.defined[s] for s in sections)))
        if close:
            return "did you mean " + " or ".join(repr(c) for c in close) + "?"
        elsewhere = [s for s in _SINGULAR if ref in self.defined[s]]
        if elsewhere == ["claims"] and sections == ("propositions",):
            return (
                f"{ref!r} is a claim; a stance names a proposition. To answer the claim itself, write "
                f"'responds_to: [{{denies: {ref}}}]', or declare the proposition under 'propositions:'"
            )
        if elsewhere:
            return f"{ref!r} is a {_SINGULAR[elsewhere[0]]}, not a " + " or ".join(_SINGULAR[s] for s in sections)
        return f"declare it under '{sections[0]}:' or fix the id"


def _check_reports(refs: _References, at: Located, reports: Iterable[Any]) -> None:
    for index, report in enumerate(reports):
        refs.check(at, ("reports", index, "source"), [report.source], "sources")
        refs.check_mentions(at, ("reports", index, "via"), report.via)
        refs.check(at, ("reports", index, "translated_by"), [report.translated_by], "actors")


def _check_claim(data: Dataset, out: _Collector, refs: _References, claim: Any) -> None:
    at = data.origins[claim.id]
    refs.check(at, ("claimant",), claim.claimants, "actors", listed=len(claim.claimants) > 1)
    refs.check(at, ("targets",), claim.targets, "actors", listed=True)
    refs.check(at, ("places",), claim.places, "places", listed=True)
    refs.check(at, ("cites",), claim.cites, "evidence", listed=True)
    refs.check(at, ("said_at",), [claim.said_at], ("places", "evidence"))
    refs.check(
        at,
        ("rests_on",),
        [d.on for d in claim.rests_on],
        ("claims", "evidence"),
        self_id=claim.id,
        listed=True,
        inner=("on",),
    )
    _check_reports(refs, at, claim.reports)
    _check_stances(out, refs, at, claim)
    _check_brackets(out, at, claim)
    for index, response in enumerate(claim.responds_to):
        field = ("responds_to", index, response.how)
        refs.check(at, field, [response.claim], "claims", self_id=claim.id)
        answered = data.claims.get(response.claim)
        if answered is not None:
            _check_order(out, (at[0], (*at[1], *field)), claim, answered)


def _check_stances(out: _Collector, refs: _References, at: Located, claim: Any) -> None:
    taken: dict[str, str] = {}
    for name, proposition in claim.stances:
        earlier = taken.setdefault(proposition, name)
        if earlier != name:
            position = getattr(claim, name).index(proposition)
            out.at_path(
                (at[0], (*at[1], name, position)),
                f"the claim both {earlier} and {name} proposition {proposition!r}",
                "a claim takes one stance on a proposition; split it into two claims if the speaker said both",
            )
    for name in {name for name, _ in claim.stances}:
        refs.check(at, (name,), getattr(claim, name), "propositions", listed=True)


def _check_brackets(out: _Collector, at: Located, claim: Any) -> None:
    quotes: list[tuple[tuple[Any, ...], str]] = [
        (("quote",) if len(claim.quote) == 1 else ("quote", i), q) for i, q in enumerate(claim.quote)
    ]
    for r, report in enumerate(claim.reports):
        many = len(report.quote) > 1
        quotes += [
            (("reports", r, "quote", i) if many else ("reports", r, "quote"), q) for i, q in enumerate(report.quote)
        ]
    for field, quote in quotes:
        problem = unbalanced_bracket(quote)
        if problem:
            out.at_path(
                (at[0], (*at[1], *field)),
                f"the quote's brackets do not pair up: {problem}",
                "write an insertion as [words] and an elision as [...] or ...; a literal bracket cannot be quoted",
            )


def _check_derivation_loops(data: Dataset, out: _Collector) -> None:
    """A claim cannot rest, through other claims, on itself: report each loop once, at its first claim."""
    rests = {c.id: [d.on for d in c.rests_on if d.on in data.claims and d.on != c.id] for c in data.claims.values()}
    for loop in _loops(rests):
        first = loop[0]
        at = data.origins[first]
        position = next(i for i, d in enumerate(data.claims[first].rests_on) if d.on == loop[1 % len(loop)])
        path = " rests on ".join(repr(c) for c in (*loop, first))
        out.at_path(
            (at[0], (*at[1], "rests_on", position)),
            f"derivation loop: {path}",
            "a claim cannot rest, directly or through others, on itself; remove the link that closes the loop",
        )


def _loops(edges: dict[str, list[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of more than one node, starting at its first node
    in ``edges``' order (iterative Tarjan, so deep chains cannot overflow the stack)."""
    order = {node: i for i, node in enumerate(edges)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in edges:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            successors = edges.get(node, [])
            if child < len(successors):
                work.append((node, child + 1))
                nxt = successors[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return [_cycle_in(sorted(group, key=order.__getitem__), edges) for group in groups]


def _cycle_in(group: list[str], edges: dict[str, list[str]]) -> list[str]:
    """A simple cycle inside a strongly connected group, from its first member back to it."""
    members = set(group)
    start = group[0]
    parent: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in edges.get(node, []):
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parent[path[-1]])
                    return path[::-1]
                if nxt in members and nxt not in parent:
                    parent[nxt] = node
                    following.append(nxt)
        frontier = following
    return group


def _check_order(out: _Collector, at: Located, claim: Any, answered: Any) -> None:
    if claim.date is None or answered.date is None:
        return
    dates = (claim.date, answered.date)
    if any(date.approximate or date.uncertain for date in dates):
        return  # a date marked vague cannot establish an order
    if claim.date.latest < answered.date.earliest:  # certainly before, even for partial dates
        out.at_path(
            at,
            f"this {claim.kind} is dated {claim.date}, before the claim it answers "
            f"({answered.id!r}, dated {answered.date})",
            "check both dates; mark a date approximate with ~ if the source is vague",
            severity="warning",
        )


def _check_archive(data: Dataset, out: _Collector, source_id: str) -> None:
    path = data.archive_path(source_id)
    if path is None:
        return
    at = (data.origins[source_id][0], (*data.origins[source_id][1], "archive"))
    root = data.files[data.origins[source_id][0]].root
    if not archive_inside(path, root):
        out.at_path(
            at,
            f"the archived text must be inside the data set's folder ({root})",
            "copy the document into the data folder (e.g. sources/); give its path relative to the YAML file",
        )
    elif not path.is_file():
        out.at_path(
            at, f"archived text not found: {path}", "the path is relative to the YAML file that declares the source"
        )


def archive_inside(path: Path, root: Path) -> bool:
    """Whether ``path`` lies inside ``root``, links resolved: YAML must not make claimgraph read other files."""
    return path.resolve().is_relative_to(root.resolve())


def check_quoted_words(data: Dataset, out: _Collector) -> None:
    """Report every quote that does not occur verbatim in the archived text of a source reporting it.

    A claim's ``quote`` may come from any of its reports; a report's own ``quote`` (a translation) from
    its source. Editorial insertions and elisions are understood (see :mod:`graph.quotenotation`).
    """
    texts: dict[str, str | None] = {}
    unchecked: list[str] = []
    for claim in data.claims.values():
        at = data.origins[claim.id]
        checked = False
        sources = [report.source for report in claim.reports]
        quotes: list[tuple[tuple[Any, ...], str, list[str]]] = [
            (("quote",) if len(claim.quote) == 1 else ("quote", i), q, sources) for i, q in enumerate(claim.quote)
        ]
        for r, report in enumerate(claim.reports):
            many = len(report.quote) > 1
            quotes += [
                (("reports", r, "quote", i) if many else ("reports", r, "quote"), q, [report.source])
                for i, q in enumerate(report.quote)
            ]
        for field, quote, where in quotes:
            available = [text for text in (_archive_text(data, texts, s) for s in where) if text is not None]
            if not available:
                continue
            checked = True
            match = _quote_in(quote, available)
            if not match.found:
                out.at_path(
                    (at[0], (*at[1], *field)),
                    f"the quote does not occur verbatim in the archived text of {', '.join(repr(s) for s in where)}",
                    f"closest passage: {_shorten(match.passage)!r}",
                )
        if quotes and not checked:
            unchecked.append(claim.id)
    if unchecked:
        _warn_unchecked(data, out, unchecked)


def _quote_in(quote: str, texts: list[str]) -> QuoteMatch:
    """The quote found in one of the texts, or the closest passage; a quote with editorial marks is found
    when every run of the speaker's words occurs in one text."""
    found = [find_quote(quote, text) for text in texts]
    hit = next((match for match in found if match.found), None)
    if hit is not None:
        return hit
    if has_marks(quote):
        runs = [normalise(run) for run in verbatim_runs(quote)]
        for text in texts:
            document = normalise(text)
            if all(run in document for run in runs):
                return QuoteMatch(True, quote, 1.0)
    return max(found, key=lambda m: m.score)


def _warn_unchecked(data: Dataset, out: _Collector, claims: list[str]) -> None:
    """One warning for the whole data set, at the first quote that could not be checked."""
    first = data.origins[claims[0]]
    count = f"{len(claims)} quoted claim{'s' if len(claims) != 1 else ''}"
    out.at_path(
        (first[0], (*first[1], "quote")),
        f"quotes not checked: {count} ({claims[0]!r}"
        + (f" and {len(claims) - 1} more" if len(claims) > 1 else "")
        + f") {'cite' if len(claims) != 1 else 'cites'} no source with an archived text",
        "add 'archive:' to the sources, pointing at a saved copy of each document",
        severity="warning",
    )


def _archive_text(data: Dataset, cache: dict[str, str | None], source_id: str) -> str | None:
    if source_id not in cache:
        cache[source_id] = None
        if source_id in data.sources:
            path = data.archive_path(source_id)
            root = data.files[data.origins[source_id][0]].root
            if path is not None and archive_inside(path, root) and path.is_file():
                with path.open("rb") as handle:
                    cache[source_id] = handle.read(MAX_FILE_BYTES).decode("utf-8", errors="replace")
    return cache[source_id]


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
