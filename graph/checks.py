"""Rules that span records: references resolve, responses make sense, quotes are verbatim.

These run after each record has passed its own model, on the merged data set.
Every finding is reported where it was written, with a fix:
``claims[3].claimant: unknown actor 'konashenko'`` / ``did you mean 'konashenkov'?``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .quotes import find_quote
from .suggest import suggest_id
from .yamlparse import MAX_FILE_BYTES

if TYPE_CHECKING:
    from .load import Dataset, Located, _Collector

PLACEHOLDER_ID = "placeholder-for-a-field-in-error"
"""Stands for a required reference whose own error is already reported (see :mod:`graph.load`)."""

_SINGULAR = {"sides": "side", "actors": "actor", "places": "place", "sources": "source", "claims": "claim"}


def check_dataset(data: Dataset, out: _Collector, *, check_quotes: bool = True) -> None:
    """Report every broken reference, self-response, misordered response and unverifiable quote."""
    refs = _References(data, out)
    for actor in data.actors.values():
        at = data.origins[actor.id]
        refs.check(at, ("side",), [actor.side], "sides")
        refs.check(at, ("member_of",), actor.member_of, "actors", self_id=actor.id, listed=True)
    for source in data.sources.values():
        at = data.origins[source.id]
        refs.check(at, ("publisher",), [source.publisher], "actors")
        _check_archive(data, out, source.id)
    for claim in data.claims.values():
        _check_claim(data, out, refs, claim)
    warn_drafts(data, out)
    if check_quotes:
        check_quoted_words(data, out)


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


def warn_drafts(data: Dataset, out: _Collector) -> None:
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
    """Report every quote that does not occur verbatim in the archived text of a source reporting it."""
    texts: dict[str, str | None] = {}
    unchecked: list[str] = []
    for claim in data.claims.values():
        if not claim.quote:
            continue
        archives = [_archive_text(data, texts, report.source) for report in claim.reports]
        available = [text for text in archives if text is not None]
        if not available:
            unchecked.append(claim.id)
            continue
        at = data.origins[claim.id]
        for index, quote in enumerate(claim.quote):
            found = [find_quote(quote, text) for text in available]
            if any(match.found for match in found):
                continue
            closest = max(found, key=lambda m: m.score)
            path = (*at[1], "quote") if len(claim.quote) == 1 else (*at[1], "quote", index)
            out.at_path(
                (at[0], path),
                f"the quote does not occur verbatim in the archived text of "
                f"{', '.join(repr(r.source) for r in claim.reports)}",
                f"closest passage: {_shorten(closest.passage)!r}",
            )
    if unchecked:
        _warn_unchecked(data, out, unchecked)


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
