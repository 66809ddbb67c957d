"""Finding quoted and reported passages and the words for who spoke them, and matching those words to actors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.attribution import read_passages
from graph.cli import main
from graph.draft import draft_records, yaml_text
from graph.load import parse_dataset
from graph.models import Actor
from graph.speakers import ActorIndex, Phrase
from graph.yamlparse import parse_yaml


def one(text: str) -> tuple[tuple[str, ...], str, tuple[str, ...], str | None]:
    (passage,) = read_passages(text).passages
    return passage.quotes, passage.speaker, passage.via, passage.recipient


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We deny it,” the minister said.", (("We deny it",), "the minister", (), None)),
        ('"We deny it," said the minister.', (("We deny it",), "the minister", (), None)),
        ("The minister told Reuters: “We deny it.”", (("We deny it.",), "The minister", (), "Reuters")),
        ("Militants were trained there, according to a field source.", ((), "a field source", (), None)),
        ("SANA, citing local sources, said militants were trained.", ((), "local sources", ("SANA",), None)),
        (
            "“It is false,” the envoy said, according to the agency TASS.",
            (("It is false",), "the envoy", ("the agency TASS",), None),
        ),
        ("The allegations were described by a spokesperson as lies.", ((), "a spokesperson", (), None)),
        (
            "As the Center stated Saturday, the group admitted that it trained there.",
            ((), "the group", ("the Center",), None),
        ),
    ],
)
def test_attribution_patterns(text: str, expected: tuple[object, ...]) -> None:
    assert one(text) == expected


def test_nested_quotation_marks_stay_inside_the_quote() -> None:
    assert one("“They are a “human shield” for the base,” he said.")[0] == ("They are a “human shield” for the base",)


def test_a_quote_on_its_own_continues_the_speaker_before_it() -> None:
    reading = read_passages("“First,” Ann said. “Second.”")
    assert [(p.quotes, p.speaker, p.rule) for p in reading.passages] == [
        (("First",), "Ann", "reporting verb"),
        (("Second.",), "Ann", "continued"),
    ]


def test_quotes_without_a_speaker_are_listed_not_guessed() -> None:
    reading = read_passages("The “strange” idea has spread across the region.")
    assert reading.passages == () and reading.unattributed == ((1, "strange"),)


def test_a_dateline_makes_the_lead_and_headline_the_outlets_own_words() -> None:
    reading = read_passages(
        "Militants Seen Near the Base Today\n\nTEHRAN (Tasnim) – Militants were seen near the base."
    )
    (lead,) = reading.passages
    assert (lead.speaker, lead.rule, lead.quotes) == (
        "Tasnim",
        "dateline",
        ("Militants Seen Near the Base Today", "Militants were seen near the base."),
    )


def test_menus_and_headlines_are_not_read_as_speech() -> None:
    assert read_passages("US Says Ready to Leave the Base\nREAD MORE: Lavrov says it\n").passages == ()


ACTORS = [
    Actor(
        id="coalition", name="US-led coalition", kind="armed-force", aliases=["Coalition", "Operation Inherent Resolve"]
    ),
    Actor(
        id="coalition-spokesperson",
        name="Unnamed coalition spokesperson",
        kind="anonymous-source",
        member_of=["coalition"],
    ),
    Actor(id="gerasimov", name="Valery Gerasimov", kind="person"),
    Actor(id="daesh", name="Daesh", kind="armed-group", aliases=["ISIS"]),
    Actor(id="isis-fighter", name="ISIS fighter captured by the army", kind="detainees", member_of=["daesh"]),
]


@pytest.mark.parametrize(
    ("phrase", "actor", "how"),
    [
        ("the Coalition", "coalition", "alias"),
        ("Gen. Gerasimov", "gerasimov", "surname"),
        ("Russian General Staff Chief Valery Gerasimov", "gerasimov", "name at the end of the phrase"),
        ("a spokesperson for Operation Inherent Resolve", "coalition-spokesperson", "a spokesperson of coalition"),
        ("the Coalition spokesperson", "coalition-spokesperson", "a spokesperson of coalition"),
        ("a fighter of ISIS", "isis-fighter", "a fighter of daesh"),
    ],
)
def test_phrases_match_actors_by_name_alias_surname_and_role(phrase: str, actor: str, how: str) -> None:
    found = ActorIndex(ACTORS).match(Phrase.parse(phrase))
    assert found is not None and (found.actor, found.how) == (actor, how)


def test_a_phrase_no_actor_fits_gets_a_new_draft_actor_in_its_body() -> None:
    data = parse_dataset("actors:\n  - {id: coalition, name: Coalition, kind: armed-force}\n")
    draft = draft_records("“No,” a commander of the Coalition said.", data, archive="a.txt", source_id="doc-a")
    (actor,) = draft.actors
    assert (actor.id, actor.name, actor.kind, actor.member_of) == (
        "commander-of-the-coalition",
        "Commander of the Coalition",
        "person",
        ["coalition"],
    )
    text = draft.yaml()
    assert "  - id: commander-of-the-coalition\n    draft: true\n" in text
    assert "sources:\n  - id: doc-a\n    draft: true\n" in text


def test_the_yaml_of_a_draft_reads_back_as_the_drafted_records(tmp_path: Path) -> None:
    (tmp_path / "a b.txt").write_text("text", encoding="utf-8")
    draft = draft_records(
        "“He said \\“no\\”: x\x07,” the man said.\nTEHRAN (Tasnim) – A lead.", None, archive="a b.txt"
    )
    data = parse_dataset(draft.yaml(), folder=tmp_path, check_quotes=False)
    assert [c.quote for c in data.claims.values()] == [c.quotes for c in draft.claims]
    assert all(c.draft for c in data.claims.values()) and data.sources[draft.source].archive == "a b.txt"


@given(st.text())
def test_yaml_text_reads_back_as_the_same_string(value: str) -> None:
    assert parse_yaml("key: " + yaml_text(value)).data == {"key": value}


def test_draft_refuses_to_overwrite_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "doc.txt"
    document.write_text("“No,” Ann said.\n", encoding="utf-8")
    existing = tmp_path / "draft.yaml"
    existing.write_text("keep me", encoding="utf-8")
    assert main(["draft", str(document), "-o", str(existing)]) == 1
    assert existing.read_text(encoding="utf-8") == "keep me"
    assert (
        capsys.readouterr().err
        == f"Error: {existing} already exists; choose a new file name (nothing was overwritten)\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x7fELF\x00\x01", "is not a UTF-8 text file (byte 4 cannot be read as text)"),
        (b"caf\xe9", "is not a UTF-8 text file (byte 3 cannot be read as text)"),
    ],
)
def test_draft_refuses_binary_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    document = tmp_path / "doc.bin"
    document.write_bytes(content)
    assert main(["draft", str(document), "--data", str(tmp_path / "no-such-data")]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("Doc 1", "Error: --source 'Doc 1' is not an id; ids look like 'doc-1'\n"),
        ("konashenkov", "Error: --source 'konashenkov' is taken by a record of 'actors', not a source\n"),
    ],
)
def test_a_bad_source_id_is_refused(source: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = "data/sources/002_bb8ce1178ab60ec1.txt"
    assert main(["draft", text, "--data", "data/claims.yaml", "--source", source]) == 1
    assert capsys.readouterr().err == message


def test_a_new_source_gets_the_dateline_outlet_and_headline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "sources" / "article.txt"
    document.parent.mkdir()
    document.write_text("Coalition Denies Training Militants at the Base\n\nTEHRAN (Tasnim) – Militants train there.\n")
    assert main(["draft", str(document), "--data", "data/claims.yaml", "-o", str(tmp_path / "draft.yaml")]) == 0
    text = (tmp_path / "draft.yaml").read_text(encoding="utf-8")
    assert (
        "sources:\n  - id: doc-article\n    draft: true\n"
        '    title: "Coalition Denies Training Militants at the Base"\n'
        '    publisher: tasnim\n    archive: "sources/article.txt"\n'
    ) in text
    assert capsys.readouterr().err.startswith(f"wrote {tmp_path / 'draft.yaml'}: 1 draft claim from {document}")
