"""``claimgraph draft``: records proposed from the archived documents, measured against the curated data set."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import ROOT, SHIPPED

import graph
from graph.cli import main
from graph.dataset import Dataset
from graph.draft import Draft, draft_file
from graph.quotes import find_quote, normalise

SOURCES = sorted((ROOT / "data" / "sources").glob("*.txt"))


@dataclass(frozen=True)
class Figure:
    """How many of the curated quoted claims the drafts propose with the right speaker and a checked quote."""

    proposed: list[str]
    missed: list[str]

    @property
    def share(self) -> float:
        return len(self.proposed) / (len(self.proposed) + len(self.missed))

    def __str__(self) -> str:
        total = len(self.proposed) + len(self.missed)
        return f"{len(self.proposed)} of {total} ({self.share:.0%})"


def quoted_claims(data: Dataset) -> Iterator[tuple[str, set[str], list[str]]]:
    """Each curated claim with a quote: its id, its claimants, its quoted fragments (one place to adapt
    when the record format moves quotes or allows several claimants)."""
    for claim in data.claims.values():
        if claim.quote:
            yield claim.id, {claim.claimant}, list(claim.quote)


def speaks_for(data: Dataset, a: str, b: str) -> bool:
    """Whether ``a`` is ``b``, or one speaks for the other through member_of (either way, transitively)."""

    def groups(actor: str) -> set[str]:
        seen, todo = {actor}, [actor]
        while todo:
            current = data.actors.get(todo.pop())
            for group in current.member_of if current else []:
                if group not in seen:
                    seen.add(group)
                    todo.append(group)
        return seen

    return a in groups(b) or b in groups(a)


def measure(data: Dataset, drafts: list[Draft]) -> Figure:
    texts = {sid: path.read_text(encoding="utf-8") for sid in data.sources if (path := data.archive_path(sid))}
    proposed, missed = [], []
    for claim_id, claimants, fragments in quoted_claims(data):
        hit = all(_proposed(data, drafts, texts, claimants, fragment) for fragment in fragments)
        (proposed if hit else missed).append(claim_id)
    return Figure(proposed, missed)


def _proposed(data: Dataset, drafts: list[Draft], texts: dict[str, str], claimants: set[str], fragment: str) -> bool:
    """Whether a draft gives this fragment (or a passage containing it, or part of it) to the right speaker,
    with a quote that passes the quote check against the document."""
    wanted = normalise(fragment)
    for draft in drafts:
        for drafted in draft.claims:
            if not any(speaks_for(data, drafted.claimant, c) for c in claimants):
                continue
            for quote in drafted.quotes:
                mine = normalise(quote)
                if (mine in wanted or wanted in mine) and find_quote(quote, texts.get(draft.source, "")).found:
                    return True
    return False


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return graph.read_dataset(SHIPPED)


@pytest.fixture(scope="module")
def drafts(shipped: Dataset) -> list[Draft]:
    return [draft_file(path, shipped, folder=SHIPPED.parent) for path in SOURCES]


def test_drafts_propose_at_least_80_percent_of_the_quoted_claims(shipped: Dataset, drafts: list[Draft]) -> None:
    figure = measure(shipped, drafts)
    print(f"draft proposes {figure} quoted claims; missed: {', '.join(figure.missed)}")
    assert figure.share >= 0.8, f"only {figure}; missed {figure.missed}"


def test_the_readme_states_the_current_figure(shipped: Dataset, drafts: list[Draft]) -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"proposes {measure(shipped, drafts)} of the quoted claims" in readme


def test_drafts_beside_the_shipped_data_validate_with_only_draft_warnings(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(SHIPPED.parent, folder, ignore=shutil.ignore_patterns("out"))
    for path in SOURCES:
        assert (
            main(
                [
                    "draft",
                    str(folder / "sources" / path.name),
                    "--data",
                    str(folder / "claims.yaml"),
                    "-o",
                    str(folder / f"draft-{path.name[:3]}.yaml"),
                ]
            )
            == 0
        )
    data = graph.read_dataset(folder)
    drafted = [c for c in data.claims.values() if c.draft]
    assert len(drafted) == len(data.claims) - len(graph.read_dataset(SHIPPED).claims) > 30
    assert data.warnings and all("is a draft that no curator has checked" in str(w) for w in data.warnings)


def test_every_quote_of_a_draft_occurs_verbatim_in_its_document(drafts: list[Draft]) -> None:
    for draft, path in zip(drafts, SOURCES, strict=True):
        text = path.read_text(encoding="utf-8")
        for claim in draft.claims:
            assert all(find_quote(q, text).found for q in claim.quotes), claim.id


def test_a_draft_names_speakers_intermediaries_and_dates_as_the_text_gives_them(drafts: list[Draft]) -> None:
    tasnim = {c.text[:40]: c for c in drafts[4].claims}
    field_source = tasnim["Daesh elements are actively operating in"]
    assert (field_source.claimant, field_source.via) == ("sputnik-arabic-field-source", ["sputnik-arabic"])
    it_added = tasnim["It also added that American occupation f"]
    assert (it_added.claimant, it_added.via) == ("sputnik-arabic-field-source", ["sputnik-arabic"])
    zakharova = next(c for c in drafts[1].claims if c.quotes and c.claimant == "zakharova")
    assert zakharova.via == ["tass"]
    denial = drafts[0].claims[0]
    assert (denial.claimant, denial.kind, denial.date) == ("coalition-spokesperson", "denial", "2018-09-04?")
