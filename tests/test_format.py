"""The records for real disputes: propositions, evidence, derivation and attribution, and their errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import graph
from graph import vocabulary
from graph.errors import DataError, Problem
from graph.load import parse_dataset
from graph.models import Claim, Response
from graph.render import RELATION_STYLE, RELATION_TEXT, SHAPES
from graph.schema import json_schema
from graph.yamlparse import parse_yaml

ROOT = Path(__file__).resolve().parent.parent

HEAD = """\
actors:
  - {id: a, name: A, kind: person}
  - {id: b, name: B, kind: person}
sources:
  - {id: doc, title: Doc}
"""


def problems(text: str) -> list[Problem]:
    with pytest.raises(DataError) as info:
        parse_dataset(text)
    return info.value.problems


def located(text: str) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.where, p.message) for p in problems(text)]


# --- what each new record means -----------------------------------------------------------------


def test_a_file_in_the_old_format_keeps_its_meaning() -> None:
    G = graph.load(ROOT / "tests" / "fixtures" / "mini.yaml")
    assert {d["type"] for _, d in G.nodes(data=True)} == {"actor", "claim", "source", "place"}
    assert all(isinstance(d["claimant"], str) for _, d in G.nodes(data=True) if d["type"] == "claim")


def test_a_stance_links_the_claim_to_the_proposition() -> None:
    G = graph.build_graph(
        parse_dataset(
            HEAD + "propositions:\n  - {id: p, statement: B did it., implicates: b}\n"
            "claims:\n"
            "  - {id: c1, claimant: a, kind: accusation, text: B did it., asserts: p, reports: doc}\n"
            "  - {id: c2, claimant: b, kind: denial, text: No., denies: [p], reports: doc}\n"
        )
    )
    assert G.has_edge("c1", "p", key="asserts") and G.has_edge("c2", "p", key="denies")
    assert G.has_edge("p", "b", key="implicates")
    assert G.nodes["p"]["type"] == "proposition" and G.nodes["p"]["label"] == "B did it."


def test_derivation_endorsement_and_support_are_three_relations() -> None:
    G = graph.build_graph(
        parse_dataset(
            HEAD + "evidence:\n  - {id: f, kind: finding, name: A finding, by: b}\n"
            "claims:\n"
            "  - {id: c1, claimant: a, kind: accusation, text: X., rests_on: {on: f, confidence: high}, reports: doc}\n"
            "  - {id: c2, claimant: b, kind: statement, text: Y., responds_to: [{endorses: c1, note: Allies.}],"
            " reports: doc}\n"
            "  - {id: c3, claimant: b, kind: statement, text: Z., responds_to: [{supports: c1}], reports: doc}\n"
        )
    )
    assert G.edges["c1", "f", "rests_on"] == {"relation": "rests_on", "confidence": "high"}
    assert G.edges["c2", "c1", "endorses"] == {"relation": "endorses", "note": "Allies."}
    assert G.edges["c3", "c1", "supports"] == {"relation": "supports"}
    assert G.has_edge("f", "b", key="produced_by")


def test_a_joint_statement_has_every_claimant() -> None:
    data = parse_dataset(HEAD + "claims:\n  - {id: c, claimant: [a, b], kind: statement, text: X., reports: doc}\n")
    G = graph.build_graph(data)
    assert data.claims["c"].claimant == "a" and data.claims["c"].claimants == ["a", "b"]
    assert G.has_edge("a", "c", key="made") and G.has_edge("b", "c", key="made")
    assert G.nodes["c"]["claimants"] == ["a", "b"]


def test_a_report_carries_its_own_translation_and_the_sources_wire() -> None:
    G = graph.build_graph(
        parse_dataset(
            "actors:\n  - {id: a, name: A, kind: person}\n  - {id: wire, name: W, kind: media-outlet}\n"
            "  - {id: tass, name: T, kind: media-outlet}\n"
            "sources:\n  - {id: doc, title: Doc, via: [{actor: wire, inferred: true}]}\n"
            "claims:\n"
            "  - id: c\n    claimant: a\n    kind: statement\n    text: X.\n"
            "    reports:\n      - {source: doc, via: tass, quote: Words., language: en, translated_by: tass}\n"
        )
    )
    report = G.edges["doc", "c", "reports"]
    assert report["via"] == ["tass", "wire"] and report["inferred_via"] == ["wire"]
    assert (report["quote"], report["language"], report["translated"], report["translated_by"]) == (
        ["Words."],
        "en",
        True,
        "tass",
    )
    assert G.edges["wire", "c", "relays"] == {"relation": "relays", "document": "doc", "hop": 2}


def test_an_inferred_publisher_is_marked_on_the_source_and_its_edge() -> None:
    G = graph.build_graph(
        parse_dataset(
            "actors: [{id: o, name: O, kind: media-outlet}]\n"
            "sources: [{id: doc, title: Doc, publisher: {actor: o, inferred: true}}]\n"
        )
    )
    assert G.nodes["doc"]["publisher"] == "o" and G.nodes["doc"]["publisher_inferred"] is True
    assert G.edges["doc", "o", "published_by"]["inferred"] is True


def test_a_quote_with_an_insertion_and_an_elision_passes_the_quote_check(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("We are the only partner here, and the area remains clear of Daesh terrorists.")
    data = parse_dataset(
        "actors: [{id: a, name: A, kind: armed-group}]\n"
        "sources: [{id: doc, title: Doc, archive: doc.txt}]\n"
        "claims:\n  - id: c\n    claimant: a\n    kind: statement\n    text: X.\n    reports: doc\n"
        '    quote: "We are the only partner [...] clear of Daesh [ISIS] terrorists"\n',
        folder=tmp_path,
    )
    G = graph.build_graph(data)
    assert [kind for kind, _ in G.nodes["c"]["quote_parts"][0]] == ["words", "elision", "words", "insertion", "words"]


def test_a_standing_position_counts_from_its_start() -> None:
    data = parse_dataset(
        HEAD + "claims:\n  - {id: c, claimant: a, kind: statement, text: X., date: 2015/2018-05, reports: doc}\n"
    )
    date = data.claims["c"].date
    assert str(date) == "2015/2018-05" and date.made_latest.isoformat() == "2015-12-31"
    G = graph.build_graph(data)
    assert graph.queries.timeline(G, end="2016-01-01")[0].claim == "c"


# --- each new error, located --------------------------------------------------------------------


def test_a_stance_on_an_unknown_proposition_suggests_the_closest() -> None:
    text = (
        HEAD + "propositions:\n  - {id: b-did-it, statement: B did it.}\n"
        "claims:\n  - {id: c, claimant: a, kind: accusation, text: X., asserts: b-did-itt, reports: doc}\n"
    )
    [problem] = problems(text)
    assert (problem.line, problem.where, problem.message, problem.hint) == (
        9,
        "claims[0].asserts[0]",
        "unknown proposition 'b-did-itt'",
        "did you mean 'b-did-it'?",
    )


def test_a_stance_naming_a_claim_says_how_to_answer_a_claim() -> None:
    text = (
        HEAD + "claims:\n"
        "  - {id: c1, claimant: a, kind: accusation, text: X., reports: doc}\n"
        "  - {id: c2, claimant: b, kind: denial, text: No., denies: c1, reports: doc}\n"
    )
    [problem] = problems(text)
    assert problem.message == "unknown proposition 'c1'"
    assert problem.hint.startswith("'c1' is a claim; a stance names a proposition. To answer the claim itself, write")


def test_asserting_and_denying_one_proposition_is_an_error() -> None:
    text = (
        HEAD + "propositions: [{id: p, statement: S.}]\n"
        "claims:\n  - {id: c, claimant: a, kind: statement, text: X., asserts: p, denies: p, reports: doc}\n"
    )
    assert [p.message for p in problems(text)] == ["the claim both asserts and denies proposition 'p'"]


def test_a_derivation_loop_is_reported_once_at_its_first_claim() -> None:
    text = HEAD + (
        "claims:\n"
        "  - {id: c1, claimant: a, kind: statement, text: X., rests_on: c2, reports: doc}\n"
        "  - {id: c2, claimant: a, kind: statement, text: Y., rests_on: [c3], reports: doc}\n"
        "  - {id: c3, claimant: b, kind: statement, text: Z., rests_on: [c1], reports: doc}\n"
    )
    [problem] = problems(text)
    assert (problem.line, problem.where) == (7, "claims[0].rests_on[0]")
    assert problem.message == "derivation loop: 'c1' rests on 'c2' rests on 'c3' rests on 'c1'"
    assert "remove the link that closes the loop" in problem.hint


def test_a_quote_whose_brackets_do_not_pair_up_is_located() -> None:
    text = HEAD + (
        "claims:\n  - id: c\n    claimant: a\n    kind: statement\n    text: X.\n    reports: doc\n"
        '    quote: "Daesh [ISIS terrorists"\n'
    )
    [problem, unchecked] = problems(text)
    assert unchecked.severity == "warning"  # no archive: the quote itself cannot be checked
    assert (problem.line, problem.where) == (12, "claims[0].quote")
    assert problem.message == "the quote's brackets do not pair up: '[' at character 7 is never closed"


def test_an_interval_that_ends_before_it_starts_is_located() -> None:
    text = HEAD + "claims:\n  - {id: c, claimant: a, kind: statement, text: X., date: 2018-06/2018-05, reports: doc}\n"
    [problem] = problems(text)
    assert (problem.line, problem.where) == (7, "claims[0].date")
    assert problem.message == "the interval 2018-06/2018-05 ends before it starts"


def test_unknown_evidence_and_said_at_are_located_with_their_section() -> None:
    text = HEAD + (
        "evidence: [{id: photos, kind: imagery, name: Photos}]\n"
        "claims:\n  - {id: c, claimant: a, kind: statement, text: X., cites: [photo], said_at: nowhere,"
        " reports: doc}\n"
    )
    assert [(p.where, p.message, p.hint) for p in problems(text)] == [
        ("claims[0].cites[0]", "unknown evidence item 'photo'", "did you mean 'photos'?"),
        ("claims[0].said_at", "unknown place or evidence item 'nowhere'", "declare it under 'places:' or fix the id"),
    ]


def test_a_translation_marked_false_with_a_translator_is_an_error() -> None:
    text = HEAD + (
        "claims:\n  - id: c\n    claimant: a\n    kind: statement\n    text: X.\n"
        "    reports: [{source: doc, translated: false, translated_by: b}]\n"
    )
    [problem] = problems(text)
    assert problem.message == "translated is false but translated_by names a translator; remove one of the two"


# --- one vocabulary -----------------------------------------------------------------------------


def test_every_layer_has_an_entry_for_every_relation_kind_and_node_type() -> None:
    relations = set(vocabulary.RELATIONS)
    assert set(graph.RELATIONS) == relations == set(RELATION_STYLE) == set(RELATION_TEXT)
    assert set(SHAPES) == set(graph.NODE_TYPES) == set(vocabulary.NODE_TYPES)
    assert {name for name in Response.model_fields if name not in ("note", "confidence")} == set(
        vocabulary.RESPONSE_RELATIONS
    )
    assert set(vocabulary.STANCES) <= set(Claim.model_fields)
    assert all(vocabulary.RELATIONS[s].stance for s in vocabulary.STANCES)
    assert {k.stance for k in vocabulary.CLAIM_KINDS.values()} <= set(vocabulary.STANCES)
    schema = json_schema()["$defs"]
    assert schema["Claim"]["properties"]["kind"]["enum"] == list(vocabulary.CLAIM_KINDS)
    assert schema["Evidence"]["properties"]["kind"]["enum"] == list(vocabulary.EVIDENCE_KINDS)
    assert set(schema["Response"]["properties"]) - {"note", "confidence"} == set(vocabulary.RESPONSE_RELATIONS)
    assert set(graph.queries.KINDS) == set(vocabulary.CLAIM_KINDS)


def test_the_readme_names_every_response_stance_and_record_type() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in (*vocabulary.RESPONSE_RELATIONS, *vocabulary.STANCES, *vocabulary.EVIDENCE_KINDS):
        assert re.search(rf"\b{name}\b", readme), name
    for node_type in vocabulary.NODE_TYPES.values():
        assert f"{node_type.section}:" in readme, node_type.section


def test_the_readme_states_the_yaml_lines_per_claim_of_the_shipped_data() -> None:
    text = (ROOT / "data" / "claims.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    claims_section = lines[next(i for i, line in enumerate(lines) if line.startswith("claims:")) :]
    count = len(graph.read_dataset(ROOT / "data" / "claims.yaml").claims)
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"takes {len(claims_section) / count:.1f} lines of YAML per claim" in readme
    assert f"and {len(text.splitlines()) / count:.1f} lines per claim for the whole file" in readme


def test_the_committed_schema_accepts_the_new_records() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "schema" / "claims.schema.json").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### What is at issue, what it rests on, and who said it how")[1].split("```yaml\n")[1]
    jsonschema.validate(parse_yaml(block.split("```")[0]).data, schema)
