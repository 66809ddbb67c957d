"""Independent origins: five outlets, one source? Derivation, bodies, endorsements, relays, circular reporting."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest
import yaml

import graph
from graph.errors import ClaimgraphError, UnknownIdError
from graph.models import Document
from graph.queries import Circularity, independent_origins

ACTORS = """
actors:
  - {id: gov-a, name: Government of A, kind: government-body}
  - {id: mod-a, name: Ministry of Defence of A, kind: government-body, member_of: gov-a}
  - {id: minister-a, name: Defence Minister of A, kind: person, member_of: mod-a}
  - {id: spokesman-a, name: MoD spokesman of A, kind: person, member_of: mod-a}
  - {id: mfa-b, name: Foreign Ministry of B, kind: government-body}
  - {id: mfa-c, name: Foreign Ministry of C, kind: government-body}
  - {id: mfa-e, name: Foreign Ministry of E, kind: government-body}
  - {id: army-d, name: Army of D, kind: armed-force}
  - {id: jit, name: Joint Investigation Team, kind: organisation}
  - {id: witness, name: A witness, kind: person}
  - {id: captive, name: A captured fighter of D, kind: detainees, member_of: army-d}
  - {id: wire, name: A wire service, kind: media-outlet}
  - {id: daily, name: A daily, kind: media-outlet}
  - {id: weekly, name: A weekly, kind: media-outlet}
propositions:
  - {id: d-downed, statement: D's army downed the airliner., implicates: army-d}
evidence:
  - {id: jit-finding, kind: finding, name: The investigation's finding, by: jit}
  - {id: photos, kind: imagery, name: Photos of the launcher}
sources:
  - {id: by-daily, title: D, publisher: daily}
  - {id: by-weekly, title: W, publisher: weekly}
  - {id: wired, title: W2, publisher: weekly, via: wire}
claims:
"""


def build(claims: str) -> nx.MultiDiGraph:
    return graph.build_graph(graph.parse_dataset(ACTORS + claims))


def claim(id_: str, claimant: str, extra: str = "", reports: str = "[by-daily]", kind: str = "accusation") -> str:
    return f"  - {{id: {id_}, claimant: {claimant}, kind: {kind}, text: T, reports: {reports}{extra}}}\n"


def test_an_accusation_resting_on_a_finding_endorsed_by_three_allies_has_one_origin() -> None:
    G = build(
        claim("minister-accuses", "minister-a", ", asserts: d-downed, rests_on: jit-finding")
        + "".join(
            claim(f"{ally}-endorses", ally, ", responds_to: [{endorses: minister-accuses}]", kind="statement")
            for ally in ("mfa-b", "mfa-c", "mfa-e")
        )
    )
    for subject in ("minister-accuses", "d-downed"):
        origins = independent_origins(G, subject)
        assert (origins.count, list(origins.origins)) == (1, ["jit"])
        assert origins.endorsements == ("mfa-b-endorses", "mfa-c-endorses", "mfa-e-endorses")
        [route] = origins.origins["jit"]
        assert (str(route), route.end, route.links) == (
            "minister-accuses rests on jit-finding",
            "jit-finding",
            ("rests_on",),
        )
        assert origins.circular == ()


def test_a_joint_endorsement_is_no_origin_either() -> None:
    G = build(
        claim("minister-accuses", "minister-a", ", asserts: d-downed, rests_on: jit-finding")
        + claim("allies-endorse", "[mfa-b, mfa-c]", ", responds_to: [{endorses: minister-accuses}]", kind="statement")
    )
    assert list(independent_origins(G, "d-downed").origins) == ["jit"]


def test_a_ministry_and_its_spokesman_saying_the_same_are_one_origin_counted_by_body() -> None:
    G = build(
        claim("mod-accuses", "mod-a", ", asserts: d-downed")
        + claim("spokesman-accuses", "spokesman-a", ", asserts: d-downed", reports="[by-weekly]")
    )
    by_body = independent_origins(G, "d-downed")
    by_person = independent_origins(G, "d-downed", by="person")
    assert (by_body.count, list(by_body.origins), by_body.reports) == (1, ["gov-a"], 2)
    assert (by_person.count, sorted(by_person.origins)) == (2, ["mod-a", "spokesman-a"])


def test_a_captive_belongs_to_its_group_but_does_not_speak_for_it() -> None:
    G = build(
        claim("army-denies", "army-d", ", denies: d-downed") + claim("captive-says", "captive", ", asserts: d-downed")
    )
    assert list(independent_origins(G, "d-downed").origins) == ["captive"]


def test_an_allegation_relayed_by_a_wire_through_two_outlets_is_one_origin_and_not_circular() -> None:
    G = build(
        claim("minister-accuses", "minister-a", ", asserts: d-downed", reports="[{source: by-daily, via: wire}, wired]")
    )
    origins = independent_origins(G, "minister-accuses")
    assert (origins.count, origins.reports, origins.circular) == (1, 2, ())
    assert [str(chain) for chain in origins.origins["gov-a"][0].reports] == [
        "by-daily → daily → wire → minister-a",
        "wired → weekly → wire → minister-a",
    ]


def test_outlets_repeating_the_wire_report_in_documents_with_the_same_wire_are_not_circular() -> None:
    G = build(
        claim("wire-reports", "wire", ", asserts: d-downed", reports="[wired]")
        + claim(
            "daily-repeats",
            "daily",
            ", responds_to: [{repeats: wire-reports}]",
            reports="[{source: by-daily, via: wire}]",
        )
        + claim("weekly-repeats", "weekly", ", responds_to: [{repeats: wire-reports}]", reports="[wired]")
    )
    origins = independent_origins(G, "d-downed")
    assert (origins.count, list(origins.origins), len(origins.claims), origins.circular) == (1, ["wire"], 3, ())
    assert [str(r) for r in origins.origins["wire"]] == [
        "daily-repeats repeats wire-reports",
        "weekly-repeats repeats wire-reports",
        "wire-reports",
    ]


def test_independent_support_is_a_second_origin_and_a_same_body_one_is_not() -> None:
    G = build(
        claim("minister-accuses", "minister-a", ", asserts: d-downed")
        + claim("witness-confirms", "witness", ", responds_to: [{supports: minister-accuses}]", kind="corroboration")
        + claim(
            "spokesman-confirms", "spokesman-a", ", responds_to: [{supports: witness-confirms}]", kind="corroboration"
        )
    )
    origins = independent_origins(G, "minister-accuses")
    assert (origins.count, sorted(origins.origins)) == (2, ["gov-a", "witness"])
    assert sorted(origins.claims) == ["minister-accuses", "spokesman-confirms", "witness-confirms"]


def test_a_denial_is_not_presented_for_what_it_denies() -> None:
    G = build(
        claim("minister-accuses", "minister-a", ", asserts: d-downed")
        + claim("army-denies", "army-d", ", denies: d-downed, responds_to: [{denies: minister-accuses}]", kind="denial")
    )
    assert list(independent_origins(G, "d-downed").origins) == list(independent_origins(G, "minister-accuses").origins)
    assert list(independent_origins(G, "d-downed").origins) == ["gov-a"]


def test_a_claim_resting_on_a_repeat_leads_back_through_both() -> None:
    G = build(
        claim("witness-says", "witness")
        + claim("daily-repeats", "daily", ", responds_to: [{repeats: witness-says}]")
        + claim("minister-accuses", "minister-a", ", rests_on: daily-repeats")
    )
    [route] = independent_origins(G, "minister-accuses").origins["witness"]
    assert route.steps == ("minister-accuses", "daily-repeats", "witness-says")
    assert str(route) == "minister-accuses rests on daily-repeats repeats witness-says"


def test_an_item_without_producers_is_its_own_origin_and_two_grounds_give_two() -> None:
    G = build(claim("minister-accuses", "minister-a", ", rests_on: [jit-finding, photos]"))
    assert sorted(independent_origins(G, "minister-accuses").origins) == ["jit", "photos"]


# --- circular reporting ---------------------------------------------------------------------------------------


def test_confirmation_that_rests_on_what_it_confirms_is_circular_reporting() -> None:
    G = build(
        claim("minister-accuses", "minister-a", ", rests_on: jit-finding")
        + claim("daily-confirms", "daily", ", rests_on: jit-finding, responds_to: [{supports: minister-accuses}]")
    )
    origins = independent_origins(G, "minister-accuses")
    assert origins.count == 1
    assert origins.circular == (
        Circularity("meets upstream", ("daily-confirms", "minister-accuses"), upstream=("jit-finding",)),
    )
    assert str(origins.circular[0]) == (
        "daily-confirms supports minister-accuses as independent, but both derive from jit-finding"
    )


def test_a_repeats_loop_is_circular_reporting() -> None:
    G = build(
        claim("daily-says", "daily", ", responds_to: [{repeats: weekly-says}]")
        + claim("weekly-says", "weekly", ", responds_to: [{repeats: daily-says}]", reports="[by-weekly]")
    )
    origins = independent_origins(G, "daily-says")
    assert [str(c) for c in origins.circular] == ["derivation loop: daily-says repeats weekly-says repeats daily-says"]
    assert list(origins.origins) == ["daily + weekly"]


def unchecked(claims: str) -> nx.MultiDiGraph:
    """A graph built from records that skip the cross-record checks, which refuse a loop of ``rests_on``:
    what a graph built by other means (a merge of data sets, a hand-made graph) can still contain."""
    document = Document.model_validate(yaml.safe_load(ACTORS + claims))
    sections: dict[str, Any] = {
        name: {record.id: record for record in getattr(document, name)}
        for name in ("actors", "propositions", "evidence", "sources", "claims")
    }
    return graph.build_graph(graph.Dataset(**sections))


def test_a_derivation_loop_is_circular_reporting_and_its_members_one_origin() -> None:
    G = unchecked(
        claim("minister-accuses", "minister-a", ", asserts: d-downed, rests_on: daily-says")
        + claim("daily-says", "daily", ", rests_on: weekly-says")
        + claim("weekly-says", "weekly", ", rests_on: minister-accuses")
    )
    origins = independent_origins(G, "d-downed")
    assert [str(c) for c in origins.circular] == [
        "derivation loop: daily-says rests on weekly-says rests on minister-accuses rests on daily-says"
    ]
    assert list(origins.origins) == ["daily + gov-a + weekly"]


def test_validation_refuses_the_rests_on_loop_the_unchecked_graph_holds() -> None:
    with pytest.raises(graph.DataError, match="derivation loop"):
        build(
            claim("minister-accuses", "minister-a", ", rests_on: daily-says")
            + claim("daily-says", "daily", ", rests_on: minister-accuses")
        )


def test_a_loop_with_a_way_out_ends_beyond_it() -> None:
    G = build(
        claim("daily-says", "daily", ", responds_to: [{repeats: weekly-says}], rests_on: jit-finding")
        + claim("weekly-says", "weekly", ", responds_to: [{repeats: daily-says}]", reports="[by-weekly]")
    )
    origins = independent_origins(G, "weekly-says")
    assert (list(origins.origins), len(origins.circular)) == (["jit"], 1)


# --- asking ---------------------------------------------------------------------------------------------------


def test_an_unknown_subject_suggests_the_closest() -> None:
    G = build(claim("minister-accuses", "minister-a"))
    with pytest.raises(
        UnknownIdError, match="no claim or proposition with id 'minister-accuse'; did you mean 'minister-accuses'"
    ):
        independent_origins(G, "minister-accuse")


def test_an_unknown_way_of_counting_is_refused() -> None:
    G = build(claim("minister-accuses", "minister-a"))
    with pytest.raises(ClaimgraphError, match="by must be 'body' or 'person', not 'outlet'"):
        independent_origins(G, "minister-accuses", by="outlet")  # type: ignore[arg-type]


def test_repr_of_origins_is_readable() -> None:
    G = build(claim("minister-accuses", "minister-a", reports="[by-daily, by-weekly]"))
    assert (
        repr(independent_origins(G, "minister-accuses")) == "<Origins of 'minister-accuses': 1 in 2 reports: ['gov-a']>"
    )


# --- the shipped data set -------------------------------------------------------------------------------------


def test_shipped_us_training_has_two_origins_the_russian_government_and_sanas_sources(
    shipped_graph: nx.MultiDiGraph,
) -> None:
    origins = independent_origins(shipped_graph, "us-trains-isis")
    assert {o: [r.claim for r in routes] for o, routes in origins.origins.items()} == {
        "russian-government": ["gerasimov-new-syrian-army", "gerasimov-training"],
        "sana-local-sources": ["sana-shaddadi-training"],
    }


def test_shipped_zakharova_backing_gerasimov_adds_no_origin_southfronts_source_does(
    shipped_graph: nx.MultiDiGraph,
) -> None:
    origins = independent_origins(shipped_graph, "gerasimov-training")
    assert {o: [str(r) for r in routes] for o, routes in origins.origins.items()} == {
        "russian-government": ["gerasimov-training", "zakharova-training"],
        "isis-fighter-captured-by-saa": ["southfront-not-first-time rests on isis-fighter-safa-weapons"],
    }
    assert origins.circular == ()


def test_shipped_us_support_has_four_origins_in_five_reports(shipped_graph: nx.MultiDiGraph) -> None:
    origins = independent_origins(shipped_graph, "us-supports-isis")
    assert (origins.count, origins.reports) == (4, 5)
    assert [str(r) for r in origins.origins["sputnik-arabic-field-source"]] == [
        "field-source-tanf-support",
        "tasnim-us-support-daesh repeats field-source-tanf-support",
    ]
