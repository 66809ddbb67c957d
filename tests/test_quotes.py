"""The quote check: what counts as verbatim, and the closest passage shown when a quote is not."""

from __future__ import annotations

import shutil
import sys
import unicodedata
from pathlib import Path

import pytest
from support import SHIPPED

import graph
from graph.errors import DataError
from graph.quotes import PASSAGE_CHARS, NormalisedText, find_quote, normalise


def _shipped_quotes() -> list[tuple[str, str, list[Path]]]:
    data = graph.read_dataset(SHIPPED)
    found = []
    for claim in data.claims.values():
        archives = [path for report in claim.reports if (path := data.archive_path(report.source)) is not None]
        found += [(claim.id, quote, archives) for quote in claim.quote]
    return found


def _misspelt(word: str) -> str:
    """The word with its second and third letters swapped: the commonest typo."""
    return word[0] + word[2] + word[1] + word[3:] if word[1] != word[2] else word[:-1] + "x"


@pytest.mark.parametrize(("claim_id", "quote", "archives"), _shipped_quotes(), ids=lambda v: str(v)[:30])
def test_a_one_word_typo_in_a_shipped_quote_points_at_its_passage(
    claim_id: str, quote: str, archives: list[Path]
) -> None:
    texts = [NormalisedText.of(path.read_text(encoding="utf-8")) for path in archives]
    words = quote.split()
    for index in (i for i, word in enumerate(words) if len(word) >= 4):
        typo = _misspelt(words[index])
        match = max((find_quote(" ".join([*words[:index], typo, *words[index + 1 :]]), t) for t in texts),
                    key=lambda m: m.score)  # fmt: skip
        assert not match.found
        if match.excerpt:  # a long quote: shown where it first differs
            assert normalise(words[index]) in match.passage and normalise(typo) in match.excerpt
            assert any(match.passage.strip("…") in text.text for text in texts)
        else:
            assert normalise(quote).strip('".,') in match.passage, (claim_id, typo)
            assert len(match.passage) <= len(normalise(quote)) + 4


def _data_with(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(SHIPPED.parent, folder)
    claims = folder / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    assert old in text
    claims.write_text(text.replace(old, new), encoding="utf-8")
    return claims


def test_a_typo_in_a_short_quote_shows_the_whole_passage(tmp_path: Path) -> None:
    claims = _data_with(tmp_path, "false and absurd. We do not", "false and absrud. We do not")
    with pytest.raises(DataError) as info:
        graph.read_dataset(claims)
    [problem] = info.value.problems
    assert (problem.where, problem.message) == (
        "claims[17].quote",
        "the quote does not occur verbatim in the archived text of 'doc-003-pentagon-denies'",
    )
    assert problem.hint == (
        "closest passage: '\"The allegation that the U.S. supports ISIS is false and absurd. We do not train ISIS. "
        "We work with our partners to kill or capture ISIS,\"'"
    )


def test_a_typo_in_a_long_quote_is_shown_where_it_differs(tmp_path: Path) -> None:
    claims = _data_with(tmp_path, "a big US military base", "a big US militray base")
    with pytest.raises(DataError) as info:
        graph.read_dataset(claims)
    [problem] = info.value.problems
    assert problem.where == "claims[4].quote"
    assert problem.hint == (
        "closest passage: '…Iran, a big US military base was set up there - in a strategically…', "
        "where the quote has '…Iran, a big US militray base was set up there - in a strategically…'"
    )


def test_a_quote_nothing_resembles_says_so(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Completely unrelated words about the weather.", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "actors: [{id: a, name: A, kind: person}]\n"
        "sources: [{id: doc, title: Doc, archive: doc.txt}]\n"
        "claims: [{id: c1, claimant: a, kind: statement, text: T, reports: [doc], quote: 'zqxj vbnk'}]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        graph.read_dataset(tmp_path / "claims.yaml")
    assert info.value.problems[0].hint == (
        "no passage of the archived text resembles it; check the quote and the source it cites"
    )


def test_a_long_quote_never_echoes_more_than_a_short_passage() -> None:
    document = NormalisedText.of(" ".join(f"word{i}" for i in range(20_000)))
    quote = " ".join(f"word{i}" for i in range(5_000, 8_000)).replace("word6000", "word6OOO")
    match = find_quote(quote, document)
    assert "word6000" in match.passage and "word6OOO" in match.excerpt
    assert len(match.passage) <= PASSAGE_CHARS + 2 and len(match.excerpt) <= PASSAGE_CHARS + 2


def test_whitespace_of_every_kind_counts_as_one_space() -> None:
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert normalise("a" + "".join(spaces) + "b") == "a b"
    assert all(normalise(f"a{space}b") == "a b" for space in spaces)


@pytest.mark.parametrize(("document_form", "quote_form"), [("NFD", "NFC"), ("NFC", "NFD")])
def test_composed_and_decomposed_accents_are_the_same_text(tmp_path: Path, document_form: str, quote_form: str) -> None:
    words = "Le porte-parole a déclaré que la base d'al-Tanf était « un trou noir »."
    (tmp_path / "doc.txt").write_text(unicodedata.normalize(document_form, words), encoding="utf-8")
    quote = unicodedata.normalize(quote_form, "a déclaré que la base d'al-Tanf était")
    (tmp_path / "claims.yaml").write_text(
        "actors: [{id: a, name: A, kind: person}]\n"
        "sources: [{id: doc, title: Doc, archive: doc.txt}]\n"
        f'claims: [{{id: c1, claimant: a, kind: statement, text: T, reports: [doc], quote: "{quote}"}}]\n',
        encoding="utf-8",
    )
    assert graph.read_dataset(tmp_path / "claims.yaml").claims["c1"].quote == [quote]
