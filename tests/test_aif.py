"""AIF: our export as AIFdb/OVA and the xaif package read it, a published analysis imported, and the round trip.

The outside analysis is ``tests/fixtures/aif/aifdb-nodeset-6064.json``: AIFdb
nodeset 6064 (an analysis in AIFdb's Moral Maze corpus of a BBC Radio 4 debate
on the British Empire), as kept at ``data/6064-original.json`` in the
recap-utr/arguebuf-python repository on GitHub (MIT licence; the analysis is
AIFdb's, published by the Centre for Argument Technology for research use).
The file is unchanged.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from support import AIF_FIXTURE, MINI, ROOT

import graph
from graph.aif import aif_data, import_aif, read_aif, to_aif
from graph.aif.table import (
    ILLOCUTION_OF_KIND,
    LINKS,
    NOT_WRITTEN,
    NOT_WRITTEN_FIELDS,
    RELATIONS,
    WRITTEN_AS_LOCUTION,
)
from graph.build import RESPONSE_RELATIONS
from graph.cli import main
from graph.errors import DataError
from graph.vocabulary import CLAIM_KINDS, STANCES
from graph.vocabulary import RELATIONS as VOCABULARY_RELATIONS

README = ROOT / "README.md"


def _canonical(data: dict[str, Any]) -> dict[str, Counter[Any]]:
    """An AIF analysis as what it says, whatever its ids: nodes, edges and locutions by their content."""
    body = data.get("AIF", data)
    nodes = {str(n["nodeID"]): (n["type"], n["text"]) for n in body["nodes"]}
    people = {p["participantID"]: f"{p['firstname']} {p['surname']}".strip() for p in body.get("participants", [])}
    return {
        "nodes": Counter(nodes.values()),
        "edges": Counter((nodes[str(e["fromID"])], nodes[str(e["toID"])]) for e in body["edges"]),
        "locutions": Counter(
            (
                nodes[str(loc["nodeID"])],
                people.get(loc["personID"]),
                loc.get("start"),
                loc.get("end"),
                loc.get("source"),
            )
            for loc in body.get("locutions", [])
        ),
    }


def _round_trip(G: nx.MultiDiGraph) -> tuple[dict[str, Any], dict[str, Any]]:
    first = aif_data(G)
    again = graph.build_graph(graph.parse_dataset(import_aif(json.dumps(first), name="x.json").yaml()))
    return first, aif_data(again)


def _said(G: nx.MultiDiGraph, node: str) -> str:
    attrs = G.nodes[node]
    return str(attrs.get("text") or attrs.get("statement") or attrs.get("name"))


def carried(G: nx.MultiDiGraph) -> Counter[tuple[str, str, str]]:
    """The relations AIF carries, by what their ends say; the ones of ``NOT_WRITTEN`` are left out on purpose."""
    return Counter(
        (_said(G, u), relation, _said(G, v))
        for u, v, relation in G.edges(data="relation")
        if relation not in NOT_WRITTEN
    )


def unsaid(G: nx.MultiDiGraph) -> Counter[tuple[str, str]]:
    """Propositions and evidence by their text; evidence that nothing cites or rests on is counted as a proposition."""
    linked = {v for _, v, r in G.edges(data="relation") if r in ("cites", "rests_on")}
    return Counter(
        ("evidence" if n in linked else "proposition", _said(G, n))
        for n, t in G.nodes(data="type")
        if t in ("proposition", "evidence")
    )


@pytest.mark.parametrize("fixture", ["mini_graph", "shipped_graph"])
def test_export_import_export_keeps_every_node_and_relation(fixture: str, request: pytest.FixtureRequest) -> None:
    first, second = _round_trip(request.getfixturevalue(fixture))
    assert _canonical(second) == _canonical(first)


@pytest.mark.parametrize("fixture", ["mini_graph", "shipped_graph"])
def test_import_gives_back_every_relation_aif_carries(fixture: str, request: pytest.FixtureRequest) -> None:
    G = request.getfixturevalue(fixture)
    again = graph.build_graph(graph.parse_dataset(import_aif(to_aif(G), name="x.json").yaml()))
    assert carried(again) == carried(G)
    assert unsaid(again) == unsaid(G)


def test_the_shipped_propositions_evidence_and_derivations_come_back(shipped_graph: nx.MultiDiGraph) -> None:
    result = import_aif(to_aif(shipped_graph), name="x.json")
    assert result.summary() == (
        "27 claims, 7 propositions, 1 evidence, 17 actors, 1 source; every AIF node has its place"
    )  # 4 propositions, and 3 event records that no claim cites or rests on (said_at is not written)
    relations: Counter[str] = Counter()
    for (_, relation, _), count in carried(graph.build_graph(graph.parse_dataset(result.yaml()))).items():
        relations[relation] += count
    assert (relations["asserts"], relations["rests_on"], relations["cites"]) == (14, 1, 1)


def test_the_table_covers_every_relation_and_kind() -> None:
    assert sorted(row.relation for row in RELATIONS) == sorted(RESPONSE_RELATIONS)
    assert sorted(row.relation for row in LINKS) == sorted([*STANCES, "rests_on", "cites"])
    written = {row.relation for row in (*RELATIONS, *LINKS)} | {WRITTEN_AS_LOCUTION}
    assert written.isdisjoint(NOT_WRITTEN)
    assert written | set(NOT_WRITTEN) == set(VOCABULARY_RELATIONS)
    assert sorted(ILLOCUTION_OF_KIND) == sorted(CLAIM_KINDS)


def test_the_readme_lists_what_aif_cannot_carry() -> None:
    readme = " ".join(README.read_text(encoding="utf-8").split())
    section = readme[readme.index("### AIF") : readme.index("### Neo4j")]
    assert [relation for relation in NOT_WRITTEN if f"`{relation}`" not in section] == []
    assert [fields for fields in NOT_WRITTEN_FIELDS if fields not in section] == []


STANCES_AND_DERIVATIONS = """
actors:
  - {id: ann, name: Ann, kind: person}
  - {id: bob, name: Bob, kind: person}
propositions:
  - {id: fines-work, statement: Fines work.}
evidence:
  - {id: study, kind: finding, name: The 2019 study}
sources:
  - {id: doc, title: A report}
claims:
  - id: ann-says
    claimant: [ann, bob]
    kind: statement
    text: Ann and Bob said fines work.
    asserts: fines-work
    rests_on: study
    reports: doc
  - id: bob-grants
    claimant: bob
    kind: admission
    text: Bob granted that fines work, on what Ann said.
    concedes: fines-work
    rests_on: ann-says
    cites: study
    reports: doc
"""


def _shape(data: dict[str, Any]) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    text = {n["nodeID"]: (n["type"], n["text"]) for n in data["AIF"]["nodes"]}
    return {(text[e["fromID"]], text[e["toID"]]) for e in data["AIF"]["edges"]}


def test_a_stance_and_a_derivation_are_s_nodes_anchored_on_the_claims_own_utterance() -> None:
    data = aif_data(graph.build_graph(graph.parse_dataset(STANCES_AND_DERIVATIONS)))
    pairs = _shape(data)
    said, proposition = ("I", "Ann and Bob said fines work."), ("I", "Fines work.")
    inference = ("RA", "Default Inference")
    assert (said, inference) in pairs and (inference, proposition) in pairs
    assert (("L", "Ann & Bob: Ann and Bob said fines work."), ("YA", "Asserting")) in pairs
    assert (("YA", "Asserting"), inference) in pairs  # asserts: anchored by Asserting
    assert (("YA", "Arguing"), inference) in pairs  # rests_on: anchored by Arguing
    assert (("I", "The 2019 study"), inference) in pairs and (inference, said) in pairs
    assert (("YA", "Agreeing"), proposition) in pairs  # concedes: no S-node
    assert not any(a[0] == "L" and b == proposition for a, b in pairs)  # nobody utters a proposition
    assert [loc["personID"] for loc in data["AIF"]["locutions"]][:2] == [1, 2]  # one locution per joint claimant


def test_the_xaif_package_reads_our_stances_and_derivations() -> None:
    xaif = pytest.importorskip("xaif")
    table = xaif.AIF(aif_data(graph.build_graph(graph.parse_dataset(STANCES_AND_DERIVATIONS)))).get_csv(
        "argument-relation"
    )
    found = {(row.proposition1_text, row.relation, row.proposition2_text) for row in table.itertuples()}
    assert {
        ("Ann and Bob said fines work.", "Default Inference", "Fines work."),  # asserts
        ("The 2019 study", "Default Inference", "Ann and Bob said fines work."),  # rests_on evidence
        ("Ann and Bob said fines work.", "Default Inference", "Bob granted that fines work, on what Ann said."),
        ("The 2019 study", "Default Inference", "Bob granted that fines work, on what Ann said."),  # cites
    } <= found


def test_import_gives_back_stances_derivations_citations_and_joint_claimants() -> None:
    document = import_aif(to_aif(graph.build_graph(graph.parse_dataset(STANCES_AND_DERIVATIONS)))).document
    assert document["propositions"] == [{"id": "fines-work", "statement": "Fines work."}]
    assert document["evidence"] == [
        {
            "id": "the-2019-study",
            "kind": "document",
            "name": "The 2019 study",
            "note": "AIF does not say what kind of evidence this is; 'document' stands in.",
        }
    ]
    first, second = document["claims"]
    assert (first["claimant"], first["asserts"], first["rests_on"]) == (
        ["ann", "bob"],
        ["fines-work"],
        ["the-2019-study"],
    )
    assert (second["concedes"], second["rests_on"], second["cites"]) == (
        ["fines-work"],
        [first["id"]],
        ["the-2019-study"],
    )


def test_a_response_to_a_proposition_has_no_place_and_is_listed() -> None:
    analysis = {
        "nodes": [
            {"nodeID": 1, "type": "I", "text": "A"},
            {"nodeID": 2, "type": "L", "text": "Ann: A"},
            {"nodeID": 3, "type": "YA", "text": "Asserting"},
            {"nodeID": 4, "type": "I", "text": "P"},
            {"nodeID": 5, "type": "RA", "text": "Default Inference"},
            {"nodeID": 6, "type": "YA", "text": "Asserting"},
            {"nodeID": 7, "type": "I", "text": "B"},
            {"nodeID": 8, "type": "CA", "text": "Default Conflict"},
        ],
        "edges": [
            {"fromID": 2, "toID": 3},
            {"fromID": 3, "toID": 1},
            {"fromID": 1, "toID": 5},
            {"fromID": 5, "toID": 4},
            {"fromID": 2, "toID": 6},
            {"fromID": 6, "toID": 5},
            {"fromID": 7, "toID": 8},
            {"fromID": 8, "toID": 4},
        ],
    }
    result = import_aif(json.dumps(analysis))
    assert [str(u) for u in result.unplaced] == [
        'CA node 8 ("Default Conflict"): a denies response needs two claims; I node 4 is a proposition',
    ]
    assert result.document["propositions"] == [{"id": "p", "statement": "P"}]
    assert [c["id"] for c in result.document["claims"]] == ["ann-a", "unattributed-b"]


def test_a_claim_is_an_i_node_and_an_utterance_anchored_by_its_illocution(mini_graph: nx.MultiDiGraph) -> None:
    body = aif_data(mini_graph)["AIF"]
    nodes = {n["nodeID"]: n for n in body["nodes"]}
    edges = {(e["fromID"], e["toID"]) for e in body["edges"]}
    denial = next(n for n in body["nodes"] if n["type"] == "L" and n["text"].startswith("Blue spokesperson"))
    assert denial["text"] == "Blue spokesperson: These allegations are false."
    (anchor,) = [nodes[b] for a, b in edges if a == denial["nodeID"] and nodes[b]["type"] == "YA"]
    assert (anchor["text"], anchor["schemeID"]) == ("Disagreeing", "78")
    (content,) = [nodes[b] for a, b in edges if a == anchor["nodeID"]]
    assert content == {
        "nodeID": content["nodeID"],
        "text": "The Blue spokesperson denied that Blue trains militants.",
        "type": "I",
        "timestamp": "2017-10-07 00:00:00",
    }
    locution = next(loc for loc in body["locutions"] if loc["nodeID"] == denial["nodeID"])
    assert (locution["start"], locution["end"], locution["source"]) == (
        "2017-10-07 00:00:00",
        "2017-10-07 23:59:59",
        "https://example.org/daily/1",
    )


def test_a_denial_is_a_conflict_anchored_by_disagreeing_on_the_reply(mini_graph: nx.MultiDiGraph) -> None:
    body = aif_data(mini_graph)["AIF"]
    text = {n["nodeID"]: (n["type"], n["text"]) for n in body["nodes"]}
    pairs = {(text[e["fromID"]], text[e["toID"]]) for e in body["edges"]}
    conflict = ("CA", "Default Conflict")
    assert (("I", "The Blue spokesperson denied that Blue trains militants."), conflict) in pairs
    assert (conflict, ("I", "General A said that Blue trains militants at the Base.")) in pairs
    assert (("YA", "Disagreeing"), conflict) in pairs
    assert (("TA", "Default Transition"), ("YA", "Disagreeing")) in pairs
    assert (("I", "A field source said that Blue supplies the militants."), ("RA", "Default Inference")) in pairs


def test_the_xaif_package_reads_our_relations() -> None:
    """An independent consumer: arg-tech's ``xaif`` package lists the argument relations it finds."""
    xaif = pytest.importorskip("xaif")
    data = aif_data(graph.load(MINI))
    table = xaif.AIF(data).get_csv("argument-relation")
    found = {(row.proposition1_text, row.relation, row.proposition2_text) for row in table.itertuples()}
    assert {
        (
            "The Blue spokesperson denied that Blue trains militants.",
            "Default Conflict",
            "General A said that Blue trains militants at the Base.",
        ),
        (
            "A field source said that Blue supplies the militants.",
            "Default Inference",
            "General A said that Blue trains militants at the Base.",
        ),
    } <= found
    assert xaif.AIF(data).get_speaker(data["AIF"]["locutions"][0]["nodeID"])[0].strip() == "General A"


def test_a_published_aifdb_analysis_imports_with_every_node_accounted_for() -> None:
    result = read_aif(AIF_FIXTURE)
    node_ids = {str(n["nodeID"]) for n in json.loads(AIF_FIXTURE.read_text(encoding="utf-8"))["nodes"]}
    assert set(result.roles) == node_ids  # each node became something, or is listed with its reason
    assert {u.node_id for u in result.unplaced} == {
        i for i, role in result.roles.items() if role.startswith("no place")
    }
    assert Counter(u.node_type for u in result.unplaced) == Counter({"L": 7, "TA": 3})
    claims = {c["id"]: c for c in result.document["claims"]}
    assert len(claims) == 9  # one per I node
    assert claims["cl-the-key-point-about-the-british"]["responds_to"] == [
        {"supports": "cl-when-news-first-came-of-the"},
        {"supports": "cl-you-often-have-public-inquiries-and"},
    ]
    assert claims["nl-by-the-50s-the-empire-is"]["kind"] == "admission"  # Popular Conceding
    assert claims["cl-mcmillan-was-was-not-wrong"]["note"] == "AIF illocution: Pure Questioning."
    assert claims["cl-mcmillan-was-was-not-wrong"]["quote"] == "Was he wrong"
    assert [a["name"] for a in result.document["actors"]] == ["CL", "NL"]
    data = graph.parse_dataset(result.yaml(), check_quotes=False)
    assert (len(data.claims), data.response_count) == (9, 5)


def test_import_lists_what_has_no_place_in_the_output() -> None:
    text = read_aif(AIF_FIXTURE).yaml()
    assert text.startswith(
        f"# Imported by claimgraph from the AIF analysis {AIF_FIXTURE}.\n"
        "# 10 AIF nodes have no place in claimgraph's format:\n"
        '#   L node 111808 ("M: CL : when news first came of the horrific massacre of Ma…"): '
        "an utterance that anchors no content\n"
    )


def test_cli_import_writes_yaml_and_reports_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "imported.yaml"
    assert main(["import", "aif", str(AIF_FIXTURE), "-o", str(output)]) == 0
    err = capsys.readouterr().err
    assert f"{AIF_FIXTURE}: imported 9 claims, 2 actors, 1 source; 10 AIF nodes had no place (7 L, 3 TA)\n" in err
    assert main(["validate", str(output)]) == 0


def test_cli_import_never_overwrites_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "analysis.json"
    copy.write_bytes(AIF_FIXTURE.read_bytes())
    assert main(["import", "aif", str(copy), "-o", str(tmp_path / "." / "analysis.json")]) == 1
    assert capsys.readouterr().err == (
        f"Error: refusing to overwrite {tmp_path / 'analysis.json'}: it is the input {copy}; "
        "choose another output file\n"
    )
    assert copy.read_bytes() == AIF_FIXTURE.read_bytes()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"nodes": [', "x.json:1:12: not JSON: Expecting value"),
        ('{"claims": []}', "x.json:1:1: no list of AIF nodes found"),
        ('{"nodes": [{"text": "a"}], "edges": []}', "x.json:1:1: nodes[0]: a node needs a nodeID and a type"),
    ],
)
def test_what_is_not_aif_is_refused_with_its_place(text: str, message: str) -> None:
    with pytest.raises(DataError) as caught:
        import_aif(text, name="x.json")
    assert str(caught.value.problems[0]).startswith(message)


def test_an_inference_attacked_has_no_place_and_is_listed() -> None:
    analysis = {
        "nodes": [
            {"nodeID": 1, "type": "I", "text": "A"},
            {"nodeID": 2, "type": "I", "text": "B"},
            {"nodeID": 3, "type": "RA", "text": "Default Inference"},
            {"nodeID": 4, "type": "I", "text": "C undercuts"},
            {"nodeID": 5, "type": "CA", "text": "Default Conflict"},
            {"nodeID": 6, "type": "PA", "text": "Default Preference"},
        ],
        "edges": [
            {"fromID": 1, "toID": 3},
            {"fromID": 3, "toID": 2},
            {"fromID": 4, "toID": 5},
            {"fromID": 5, "toID": 3},
        ],
    }
    result = import_aif(json.dumps(analysis))
    assert [str(u) for u in result.unplaced] == [
        'CA node 5 ("Default Conflict"): an attack on or support for another relation; claimgraph relates claims only',
        'PA node 6 ("Default Preference"): claimgraph has nothing like AIF\'s PA nodes',
    ]
    assert [c.get("responds_to") for c in result.document["claims"]] == [[{"supports": "unattributed-b"}], None, None]


def test_to_aif_is_indented_json_with_the_xaif_layout(mini_graph: nx.MultiDiGraph) -> None:
    data = json.loads(to_aif(mini_graph))
    assert sorted(data) == ["AIF", "dialog", "text"]
    assert sorted(data["AIF"]) == [
        "descriptorfulfillments",
        "edges",
        "locutions",
        "nodes",
        "participants",
        "schemefulfillments",
    ]


def test_two_participants_of_one_name_stay_two_claimants() -> None:
    """Found by the property test: a joint statement of two actors that share a name."""
    records = """
actors:
  - {id: a, name: Spokesperson, kind: person}
  - {id: b, name: Spokesperson, kind: person}
sources:
  - {id: doc, title: A report}
claims:
  - {id: joint, claimant: [a, b], kind: statement, text: They spoke., reports: doc}
"""
    first = aif_data(graph.build_graph(graph.parse_dataset(records)))
    document = import_aif(json.dumps(first)).document
    assert [(a["id"], a["name"]) for a in document["actors"]] == [
        ("spokesperson", "Spokesperson"),
        ("spokesperson-2", "Spokesperson"),
    ]
    assert document["claims"][0]["claimant"] == ["spokesperson", "spokesperson-2"]
