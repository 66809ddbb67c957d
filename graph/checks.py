"""Rules that span records: references resolve, responses make sense, quotes are verbatim.

These run after each record has passed its own model, on the merged data set.
Every finding is reported where it was written, with a fix:
``claims[3].claimant: unknown actor 'konashenko'`` / ``did you mean 'konashenkov'?``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .archives import ArchiveError, archive_path, read_archive
from .dates import When
from .quotenotation import has_marks, unbalanced_bracket, verbatim_runs
from .quotes import NormalisedText, QuoteMatch, find_quote, normalise
from .suggest import ID_RULE, id_from_text, suggest_id
from .text import shown

if TYPE_CHECKING:
    from .dataset import Collector, Dataset, Located

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

_NAMED_BY = {"sides": ("name",), "actors": ("name", "aliases"), "places": ("name", "aliases"), "sources": ("title",)}
"""The fields that name a record, matched when a reference is written as a name instead of an id."""

TOMORROW = dt.timedelta(days=1)
"""Dates up to tomorrow are accepted: somewhere on Earth it is already tomorrow."""


def run_date() -> dt.date:
    """Today, the day dates are checked against (a function, so tests can fix it)."""
    return dt.date.today()


def check_dataset(data: Dataset, out: Collector, *, check_quotes: bool = True) -> None:
    """Report every broken or repeated reference, membership cycle, impossible date or date order,
    self-response and unverifiable quote."""
    refs = _References(data, out)
    dates = _Dates(out, run_date())
    archives = _Archives()
    for actor in data.actors.values():
        at = data.origins[actor.id]
        refs.check(at, ("side",), [actor.side], "sides")
        refs.check(at, ("member_of",), actor.member_of, "actors", self_id=actor.id, listed=True)
    _check_membership_cycles(data, out)
    for source in data.sources.values():
        at = data.origins[source.id]
        refs.check(at, ("publisher",), [source.publisher_id], "actors")
        refs.check_mentions(at, ("via",), source.via)
        dates.not_in_the_future((at[0], (*at[1], "published")), source.published)
        _check_archive(data, out, source.id, archives)
    for proposition in data.propositions.values():
        at = data.origins[proposition.id]
        refs.check(at, ("implicates",), proposition.implicates, "actors", listed=True)
        refs.check(at, ("places",), proposition.places, "places", listed=True)
    for item in data.evidence.values():
        at = data.origins[item.id]
        refs.check(at, ("by",), item.by, "actors", listed=True)
        refs.check(at, ("places",), item.places, "places", listed=True)
        _check_reports(out, refs, at, item.reports)
    for claim in data.claims.values():
        _check_claim(data, out, refs, dates, claim)
    _check_derivation_loops(data, out)
    warn_drafts(data, out)
    if check_quotes:
        check_quoted_words(data, out, archives)


def _article(word: str) -> str:
    """``'an actor'``, ``'a source'``."""
    return ("an " if word[:1] in ("a", "e", "i", "o", "u") else "a ") + word


class ReferenceHints:
    """The fix for a reference that names no record: a close id, the id of the record with that
    name or alias, or where to declare it. Built when first needed, once every record is read."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.hints: dict[tuple[str, str], str] = {}
        self.names: dict[str, tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]] = {}

    @cached_property
    def defined(self) -> dict[str, set[str]]:
        """The ids of each section. Records that failed their own validation still count, so one
        typo does not cascade into a dozen "unknown id" errors."""
        defined = {section: set(self.data.section(section)) for section in _SINGULAR}
        for record_id, (_, path) in self.data.origins.items():
            defined[str(path[0])].add(record_id)
        for known in defined.values():
            known.add(PLACEHOLDER_ID)
        return defined

    def hint(self, ref: str, section: str) -> str:
        # One renamed actor can leave thousands of dangling references: compute each hint once.
        key = (ref, section)
        if key not in self.hints:
            self.hints[key] = self._compute(ref, section)
        return self.hints[key]

    def _compute(self, ref: str, section: str) -> str:
        named = self._named(ref, section, exactly=True)
        if named is None:
            close = suggest_id(ref, self.defined[section])
            if close:
                return "did you mean " + " or ".join(repr(c) for c in close) + "?"
            named = self._named(ref, section, exactly=False)
        if named is not None:
            record_id, name = named
            what = _SINGULAR[section]
            return f"did you mean {record_id!r}, the id of the {what} named {shown(name)}? references use ids"
        elsewhere = [s for s in _SINGULAR if ref in self.defined[s]]
        if elsewhere:
            return f"{ref!r} is {_article(_SINGULAR[elsewhere[0]])}, not {_article(_SINGULAR[section])}"
        if id_from_text(ref) != ref:
            return f"{ID_RULE}, and no {_SINGULAR[section]} is named {shown(ref)}; use the id of one under '{section}:'"
        return f"declare it under '{section}:' or fix the id"

    def _named(self, ref: str, section: str, *, exactly: bool) -> tuple[str, str] | None:
        """The record whose name, alias or title is ``ref`` (or would make the same id), or is close to it."""
        by_name, by_id = self._names(section)
        wanted = " ".join(ref.casefold().split())
        if not exactly:
            close = suggest_id(wanted, by_name)
            return by_name[close[0]] if close else None
        as_id = id_from_text(ref)
        return by_name.get(wanted) or (by_id.get(as_id) if as_id else None)

    def _names(self, section: str) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
        """The section's records by each name, folded, and by the id each name would make; each with
        the record's id and the name as written."""
        if section not in self.names:
            by_name: dict[str, tuple[str, str]] = {}
            by_id: dict[str, tuple[str, str]] = {}
            for record_id, record in self.data.section(section).items():
                for field in _NAMED_BY.get(section, ()):
                    value = getattr(record, field)
                    for name in value if isinstance(value, list) else [value]:
                        by_name.setdefault(" ".join(name.casefold().split()), (record_id, name))
                        as_id = id_from_text(name)
                        if as_id:
                            by_id.setdefault(as_id, (record_id, name))
            self.names[section] = (by_name, by_id)
        return self.names[section]


class _References:
    def __init__(self, data: Dataset, out: Collector) -> None:
        self.data = data
        self.out = out
        self.defined = out.hints.defined

    def check(
        self,
        at: Located,
        field: tuple[Any, ...],
        ids: Iterable[str | None],
        section: str | tuple[str, ...],
        *,
        self_id: str | None = None,
        listed: bool = False,
    ) -> None:
        """Report each id in ``ids`` that names no record of ``section`` (or of any of several sections);
        ``listed`` fields get an index, and an id listed twice is reported at its repeat."""
        sections = (section,) if isinstance(section, str) else section
        first_at: dict[str, int] = {}
        for position, ref in enumerate(ids):
            if ref is None:
                continue
            path = (*at[1], *field, position) if listed else (*at[1], *field)
            if listed and ref in first_at:
                self.out.at_path(
                    (at[0], path),
                    f"{ref!r} is listed twice (first as {field[-1]}[{first_at[ref]}])",
                    "remove the repeat: each id is listed once",
                )
                continue
            first_at[ref] = position
            if ref == self_id:
                self.out.at_path(
                    (at[0], path), f"{ref!r} refers to the record itself", "remove it; a record cannot point at itself"
                )
            elif not any(ref in self.defined[s] for s in sections):
                what = " or ".join(_SINGULAR[s] for s in sections)
                self.out.at_path((at[0], path), f"unknown {what} {ref!r}", self._hint(ref, sections))

    def check_mentions(self, at: Located, field: tuple[Any, ...], mentions: Iterable[Any]) -> None:
        """Check the actors of a chain of mentions (``via``), each an id or ``{actor: id, ...}``."""
        self.check(at, field, [m.actor for m in mentions], "actors", listed=True)

    def _hint(self, ref: str, sections: tuple[str, ...]) -> str:
        if sections == ("propositions",) and ref in self.defined["claims"]:
            return (
                f"{ref!r} is a claim; a stance names a proposition. To answer the claim itself, write "
                f"'responds_to: [{{denies: {ref}}}]', or declare the proposition under 'propositions:'"
            )
        hints = [self.out.hints.hint(ref, section) for section in sections]
        return next((hint for hint in hints if hint.startswith("did you mean")), hints[0])


def _check_reports(out: Collector, refs: _References, at: Located, reports: Iterable[Any]) -> None:
    reported: dict[tuple[str, tuple[str, ...]], int] = {}
    for index, report in enumerate(reports):
        same = reported.setdefault((report.source, tuple(m.actor for m in report.via)), index)
        if same != index:
            out.at_path(
                (at[0], (*at[1], "reports", index)),
                f"{report.source!r} is listed twice (first as reports[{same}])",
                "remove the repeat; list a source twice only when it relays the claim by two different routes (via)",
            )
            continue
        refs.check(at, ("reports", index, "source"), [report.source], "sources")
        refs.check_mentions(at, ("reports", index, "via"), report.via)
        refs.check(at, ("reports", index, "translated_by"), [report.translated_by], "actors")


def _check_claim(data: Dataset, out: Collector, refs: _References, dates: _Dates, claim: Any) -> None:
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
    )
    _check_reports(out, refs, at, claim.reports)
    _check_stances(out, refs, at, claim)
    _check_brackets(out, at, claim)
    dates.not_in_the_future((at[0], (*at[1], "date")), claim.date)
    dates.not_after_the_reports(data, (at[0], (*at[1], "date")), claim)
    answered_at: dict[tuple[str, str], int] = {}
    for index, response in enumerate(claim.responds_to):
        field = ("responds_to", index, response.how)
        same = answered_at.setdefault((response.how, response.claim), index)
        if same != index:
            out.at_path(
                (at[0], (*at[1], *field)),
                f"this claim already {response.how} {response.claim!r} (responds_to[{same}])",
                "remove the repeat",
            )
            continue
        refs.check(at, field, [response.claim], "claims", self_id=claim.id)
        answered = data.claims.get(response.claim)
        if answered is not None:
            dates.answer_after_question((at[0], (*at[1], *field)), claim, answered)


def warn_drafts(data: Dataset, out: Collector) -> None:
    """One warning for each record still marked ``draft: true``: proposed by ``claimgraph draft``, never checked."""
    for record_id, (file_index, path) in data.origins.items():
        record = data.section(str(path[0])).get(record_id)
        if record is not None and getattr(record, "draft", None):
            out.at_path(
                (file_index, (*path, "draft")),
                f"{record_id!r} is a draft that no curator has checked",
                "check it against the source text, then delete 'draft: true'",
                severity="warning",
            )


def _check_stances(out: Collector, refs: _References, at: Located, claim: Any) -> None:
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


def _check_brackets(out: Collector, at: Located, claim: Any) -> None:
    quotes: list[tuple[tuple[Any, ...], str]] = [
        (("quote",) if len(claim.quote) == 1 else ("quote", i), q) for i, q in enumerate(claim.quote)
    ]
    for r, report in enumerate(claim.reports):
        many = len(report.quote) > 1
        quotes += [
            (("reports", r, "quote", i) if many else ("reports", r, "quote"), q) for i, q in enumerate(report.quote)
        ]
    for where, quote in quotes:
        problem = unbalanced_bracket(quote)
        if problem:
            out.at_path(
                (at[0], (*at[1], *where)),
                f"the quote's brackets do not pair up: {problem}",
                "write an insertion as [words] and an elision as [...] or ...; a literal bracket cannot be quoted",
            )


def _check_derivation_loops(data: Dataset, out: Collector) -> None:
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


class _Dates:
    """Date checks: nothing dated after today, and orders that cannot be, even allowing for vague dates.

    A date marked ``~`` or ``?`` may be off by a week, a month or a year (see
    :attr:`graph.dates.PartialDate.possible`); an order is reported only when it is impossible even so.
    """

    def __init__(self, out: Collector, today: dt.date) -> None:
        self.out = out
        self.today = today

    def _in_the_future(self, date: When) -> bool:
        return date.possible[0] > self.today + TOMORROW

    def not_in_the_future(self, at: Located, date: When | None) -> None:
        if date is not None and self._in_the_future(date):
            self.out.at_path(
                at,
                f"{date} is after today ({self.today.isoformat()})",
                "check the year: nothing can be said or published after today, and such a date moves "
                "every 'days unanswered' figure",
            )

    def not_after_the_reports(self, data: Dataset, at: Located, claim: Any) -> None:
        if claim.date is None or self._in_the_future(claim.date):
            return  # a date after today has its own error
        for source_id in dict.fromkeys(report.source for report in claim.reports):
            source = data.sources.get(source_id)
            published = source.published if source is not None else None
            if published is not None and claim.date.possible[0] > published.possible[1]:
                self.out.at_path(
                    at,
                    f"this claim is dated {claim.date}, after {source_id!r} reporting it was published ({published})"
                    + _allowing(claim.date, published),
                    "check both dates: a document cannot report a claim made after it; mark a vague date with ~ or ?",
                    severity="warning",
                )

    def answer_after_question(self, at: Located, claim: Any, answered: Any) -> None:
        if claim.date is None or answered.date is None:
            return
        if claim.date.possible[1] < answered.date.possible[0]:  # certainly before, even for vague dates
            self.out.at_path(
                at,
                f"this {claim.kind} is dated {claim.date}, before the claim it answers "
                f"({answered.id!r}, dated {answered.date})" + _allowing(claim.date, answered.date),
                "check both dates; mark a date approximate with ~ if the source is vague",
                severity="warning",
            )


def _allowing(*dates: When) -> str:
    """What a message adds when a vague date was given its margin and the order is still impossible."""
    return (
        ", even allowing for the ~ or ? (a week, a month or a year either way)" if any(d.vague for d in dates) else ""
    )


def _check_membership_cycles(data: Dataset, out: Collector) -> None:
    """Report each circle of ``member_of`` links (a in b, b in a) once, at the link that closes it."""
    groups = {a.id: [g for g in a.member_of if g in data.actors and g != a.id] for a in data.actors.values()}
    for circle in _loops(groups):
        last = data.origins[circle[-1]]
        index = data.actors[circle[-1]].member_of.index(circle[0])
        out.at_path(
            (last[0], (*last[1], "member_of", index)),
            "member_of goes round in a circle: " + " → ".join([*circle, circle[0]]),
            "remove one of these member_of links: no actor can be, through others, a member of itself",
        )


@dataclass
class _Archives:
    """The archived texts of the sources: the usable ones by source id, and the sources
    whose archive cannot be used (already reported, so their quotes are not judged)."""

    paths: dict[str, Path] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)


def _check_archive(data: Dataset, out: Collector, source_id: str, archives: _Archives) -> None:
    written = data.sources[source_id].archive
    if written is None:
        return
    file_index, path = data.origins[source_id]
    claim_file = data.files[file_index]
    try:
        archives.paths[source_id] = archive_path(written, claim_file.folder, claim_file.root)
    except ArchiveError as exc:
        out.at_path((file_index, (*path, "archive")), exc.message, exc.hint)
        archives.broken.add(source_id)


def check_quoted_words(data: Dataset, out: Collector, archives: _Archives) -> None:
    """Report every quote that does not occur verbatim in the archived text of a source reporting it.

    Each archived file is read and normalised once, checked against every quote citing it,
    and let go before the next, so memory holds one archive at a time."""
    items = _quote_items(data)
    quoting: dict[str, list[int]] = {}
    for number, (_, _, _, sources) in enumerate(items):
        for source_id in sources:
            if source_id in archives.paths:
                quoting.setdefault(source_id, []).append(number)
    matches: dict[int, QuoteMatch] = {}
    for path, source_ids in _by_file(archives.paths).items():
        numbers = list(dict.fromkeys(n for source_id in source_ids for n in quoting.get(source_id, ())))
        if not numbers:
            continue
        try:
            text = NormalisedText.of(read_archive(path))
        except ArchiveError as exc:
            for source_id in source_ids:
                file_index, at = data.origins[source_id]
                out.at_path((file_index, (*at, "archive")), exc.message, exc.hint)
            archives.broken.update(source_ids)
            continue
        for number in numbers:
            best = matches.get(number)
            if best is None or not best.found:
                match = _match(items[number][2], text)
                if best is None or match.found or match.score > best.score:
                    matches[number] = match
    _report_quotes(data, out, archives, items, matches)


def _by_file(paths: dict[str, Path]) -> dict[Path, list[str]]:
    """Source ids by the archived file they name (links resolved): sources sharing one are read once."""
    files: dict[Path, list[str]] = {}
    for source_id, path in paths.items():
        files.setdefault(Path(os.path.realpath(path)), []).append(source_id)
    return files


QuoteItem = tuple[str, tuple[Any, ...], str, list[str]]
"""``(claim id, path of the quote in the record, the quote, ids of the sources it may come from)``."""


def _quote_items(data: Dataset) -> list[QuoteItem]:
    """Every quote to check: a claim's ``quote`` may come from any of its reports, a report's own
    ``quote`` (a translation) only from that report's source."""
    items: list[QuoteItem] = []
    for claim in data.claims.values():
        sources = list(dict.fromkeys(report.source for report in claim.reports))
        many = len(claim.quote) > 1
        items += [(claim.id, ("quote", i) if many else ("quote",), q, sources) for i, q in enumerate(claim.quote)]
        for r, report in enumerate(claim.reports):
            many = len(report.quote) > 1
            items += [
                (claim.id, ("reports", r, "quote", i) if many else ("reports", r, "quote"), q, [report.source])
                for i, q in enumerate(report.quote)
            ]
    return items


def _report_quotes(
    data: Dataset, out: Collector, archives: _Archives, items: list[QuoteItem], matches: dict[int, QuoteMatch]
) -> None:
    quoted: dict[str, None] = {}
    checkable: set[str] = set()
    for number, (claim_id, at_quote, _, cited) in enumerate(items):
        quoted[claim_id] = None
        if any(source in archives.paths or source in archives.broken for source in cited):
            checkable.add(claim_id)
        if any(source in archives.broken for source in cited):
            continue  # the archive's own error says its quotes are not checked
        match = matches.get(number)
        if match is None or match.found:
            continue
        at = data.origins[claim_id]
        out.at_path(
            (at[0], (*at[1], *at_quote)),
            f"the quote does not occur verbatim in the archived text of {', '.join(map(repr, cited))}",
            _closest_hint(match),
        )
    unchecked = [claim_id for claim_id in quoted if claim_id not in checkable]
    if unchecked:
        _warn_unchecked(data, out, unchecked)


def _match(quote: str, text: NormalisedText) -> QuoteMatch:
    """The quote found in the text, or the closest passage; a quote with editorial marks (see
    :mod:`graph.quotenotation`) is found when every run of the speaker's words occurs in the text."""
    match = find_quote(quote, text)
    if not match.found and has_marks(quote) and all(normalise(run) in text.text for run in verbatim_runs(quote)):
        return QuoteMatch(True, quote, 1.0)
    return match


def _closest_hint(match: QuoteMatch) -> str:
    if not match.passage:
        return "no passage of the archived text resembles it; check the quote and the source it cites"
    if match.excerpt:
        return f"closest passage: {match.passage!r}, where the quote has {match.excerpt!r}"
    return f"closest passage: {match.passage!r}"


def _warn_unchecked(data: Dataset, out: Collector, claims: list[str]) -> None:
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
