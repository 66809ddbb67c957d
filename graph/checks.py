"""Rules that span records: references resolve, responses make sense, quotes are verbatim.

These run after each record has passed its own model, on the merged data set.
Every finding is reported where it was written, with a fix:
``claims[3].claimant: unknown actor 'konashenko'`` / ``did you mean 'konashenkov'?``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .archives import ArchiveError, archive_path, read_archive
from .quotes import NormalisedText, QuoteMatch, find_quote
from .suggest import suggest_id

if TYPE_CHECKING:
    from .load import Dataset, Located, _Collector

PLACEHOLDER_ID = "placeholder-for-a-field-in-error"
"""Stands for a required reference whose own error is already reported (see :mod:`graph.load`)."""

_SINGULAR = {"sides": "side", "actors": "actor", "places": "place", "sources": "source", "claims": "claim"}


def check_dataset(data: Dataset, out: _Collector, *, check_quotes: bool = True) -> None:
    """Report every broken reference, self-response, misordered response and unverifiable quote."""
    refs = _References(data, out)
    archives = _Archives()
    for actor in data.actors.values():
        at = data.origins[actor.id]
        refs.check(at, ("side",), [actor.side], "sides")
        refs.check(at, ("member_of",), actor.member_of, "actors", self_id=actor.id, listed=True)
    for source in data.sources.values():
        at = data.origins[source.id]
        refs.check(at, ("publisher",), [source.publisher], "actors")
        _check_archive(data, out, source.id, archives)
    for claim in data.claims.values():
        _check_claim(data, out, refs, claim)
    if check_quotes:
        check_quoted_words(data, out, archives)


class _References:
    def __init__(self, data: Dataset, out: _Collector) -> None:
        self.data = data
        self.out = out
        # Ids of records that failed their own validation still count as defined,
        # so one typo does not cascade into a dozen "unknown id" errors.
        self.defined = {section: set(data.section(section)) for section in _SINGULAR}
        self.hints: dict[tuple[str, str], str] = {}
        for record_id, (_, path) in data.origins.items():
            self.defined[str(path[0])].add(record_id)
        for known in self.defined.values():
            known.add(PLACEHOLDER_ID)

    def check(
        self,
        at: Located,
        field: tuple[Any, ...],
        ids: Iterable[str | None],
        section: str,
        *,
        self_id: str | None = None,
        listed: bool = False,
    ) -> None:
        """Report each id in ``ids`` that names no record of ``section``; ``listed`` fields get an index."""
        for position, ref in enumerate(ids):
            if ref is None:
                continue
            path = (*at[1], *field, position) if listed else (*at[1], *field)
            if ref == self_id:
                self.out.at_path(
                    (at[0], path), f"{ref!r} refers to the record itself", "remove it; a record cannot point at itself"
                )
            elif ref not in self.defined[section]:
                self.out.at_path((at[0], path), f"unknown {_SINGULAR[section]} {ref!r}", self._hint(ref, section))

    def _hint(self, ref: str, section: str) -> str:
        # One renamed actor can leave thousands of dangling references: compute each hint once.
        key = (ref, section)
        if key not in self.hints:
            self.hints[key] = self._compute_hint(ref, section)
        return self.hints[key]

    def _compute_hint(self, ref: str, section: str) -> str:
        close = suggest_id(ref, self.defined[section])
        if close:
            return "did you mean " + " or ".join(repr(c) for c in close) + "?"
        elsewhere = [s for s in _SINGULAR if ref in self.defined[s]]
        if elsewhere:
            return f"{ref!r} is a {_SINGULAR[elsewhere[0]]}, not a {_SINGULAR[section]}"
        return f"declare it under '{section}:' or fix the id"


def _check_claim(data: Dataset, out: _Collector, refs: _References, claim: Any) -> None:
    at = data.origins[claim.id]
    refs.check(at, ("claimant",), [claim.claimant], "actors")
    refs.check(at, ("targets",), claim.targets, "actors", listed=True)
    refs.check(at, ("places",), claim.places, "places", listed=True)
    for index, report in enumerate(claim.reports):
        refs.check(at, ("reports", index, "source"), [report.source], "sources")
        refs.check(at, ("reports", index, "via"), report.via, "actors", listed=True)
    for index, response in enumerate(claim.responds_to):
        field = ("responds_to", index, response.how)
        refs.check(at, field, [response.claim], "claims", self_id=claim.id)
        answered = data.claims.get(response.claim)
        if answered is not None:
            _check_order(out, (at[0], (*at[1], *field)), claim, answered)


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


@dataclass
class _Archives:
    """The archived texts of the sources: the usable ones by source id, and the sources
    whose archive cannot be used (already reported, so their quotes are not judged)."""

    paths: dict[str, Path] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)


def _check_archive(data: Dataset, out: _Collector, source_id: str, archives: _Archives) -> None:
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


def check_quoted_words(data: Dataset, out: _Collector, archives: _Archives) -> None:
    """Report every quote that does not occur verbatim in the archived text of a source reporting it.

    Each archived file is read and normalised once, checked against every quote citing it,
    and let go before the next, so memory holds one archive at a time."""
    quoting = _claims_quoting(data, archives)
    matches: dict[tuple[str, int], QuoteMatch] = {}
    for path, source_ids in _by_file(archives.paths).items():
        claims = {claim_id: None for source_id in source_ids for claim_id in quoting.get(source_id, ())}
        if not claims:
            continue
        try:
            text = NormalisedText.of(read_archive(path))
        except ArchiveError as exc:
            for source_id in source_ids:
                file_index, at = data.origins[source_id]
                out.at_path((file_index, (*at, "archive")), exc.message, exc.hint)
            archives.broken.update(source_ids)
            continue
        for claim_id in claims:
            for index, quote in enumerate(data.claims[claim_id].quote):
                best = matches.get((claim_id, index))
                if best is None or not best.found:
                    match = find_quote(quote, text)
                    if best is None or match.found or match.score > best.score:
                        matches[(claim_id, index)] = match
    _report_quotes(data, out, archives, matches)


def _claims_quoting(data: Dataset, archives: _Archives) -> dict[str, list[str]]:
    """The ids of the quoted claims that cite each source with a usable archive."""
    quoting: dict[str, list[str]] = {}
    for claim in data.claims.values():
        if claim.quote:
            for source_id in dict.fromkeys(report.source for report in claim.reports):
                if source_id in archives.paths:
                    quoting.setdefault(source_id, []).append(claim.id)
    return quoting


def _by_file(paths: dict[str, Path]) -> dict[Path, list[str]]:
    """Source ids by the archived file they name (links resolved): sources sharing one are read once."""
    files: dict[Path, list[str]] = {}
    for source_id, path in paths.items():
        files.setdefault(Path(os.path.realpath(path)), []).append(source_id)
    return files


def _report_quotes(
    data: Dataset, out: _Collector, archives: _Archives, matches: dict[tuple[str, int], QuoteMatch]
) -> None:
    unchecked: list[str] = []
    for claim in data.claims.values():
        if not claim.quote:
            continue
        cited = [report.source for report in claim.reports]
        if not any(source in archives.paths or source in archives.broken for source in cited):
            unchecked.append(claim.id)
        if any(source in archives.broken for source in cited):
            continue  # the archive's own error says its quotes are not checked
        at = data.origins[claim.id]
        for index in range(len(claim.quote)):
            match = matches.get((claim.id, index))
            if match is None or match.found:
                continue
            path = (*at[1], "quote") if len(claim.quote) == 1 else (*at[1], "quote", index)
            out.at_path(
                (at[0], path),
                f"the quote does not occur verbatim in the archived text of {', '.join(map(repr, cited))}",
                _closest_hint(match),
            )
    if unchecked:
        _warn_unchecked(data, out, unchecked)


def _closest_hint(match: QuoteMatch) -> str:
    if not match.passage:
        return "no passage of the archived text resembles it; check the quote and the source it cites"
    if match.excerpt:
        return f"closest passage: {match.passage!r}, where the quote has {match.excerpt!r}"
    return f"closest passage: {match.passage!r}"


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
