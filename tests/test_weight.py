"""Argument strength from the records: the QBAF they make, base scores, one voice per origin, derivation caps."""

from __future__ import annotations

import networkx as nx
import pytest

import graph
from graph.errors import ClaimgraphError, UnknownIdError
from graph.queries import argument_framework, strength, strengths

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
  - {id: graded, name: A graded source, kind: person, reliability: B}
  - {id: daily, name: A daily, kind: media-outlet}
propositions:
  - {id: d-downed, statement: D's army downed the airliner., implicates: army-d}
evidence:
  - {id: jit-finding, kind: finding, name: The investigation's finding, by: jit}
  - {id: photos, kind: imagery, name: Photos of the launcher}
  - {id: fragment, kind: object, name: A missile fragment}
sources:
  - {id: doc, title: D, publisher: daily}
  - {id: good-doc, title: G, publisher: daily, reliability: A}
claims:
"""


def build(claims: str) -> nx.MultiDiGraph:
    return graph.build_graph(graph.parse_dataset(ACTORS + claims))


def claim(id_: str, claimant: str, extra: str = "", kind: str = "accusation", date: str = "2020-01-10") -> str:
    return f"  - {{id: {id_}, claimant: {claimant}, kind: {kind}, text: T, date: {date}, reports: [doc]{extra}}}\n"


AS_OF = "2020-12-31"


def test_a_bare_denial_does_not_defeat_an_evidenced_accusation_with_two_independent_origins() -> None:
    G = build(
        claim("minister-accuses", "minister-a", ", asserts: d-downed, cites: photos")
        + claim("witness-confirms", "witness", ", cites: fragment, responds_to: [{supports: minister-accuses}]")
        + claim(
            "army-denies",
            "army-d",
            ", denies: d-downed, responds_to: [{denies: minister-accuses}]",
            kind="denial",
            date="2020-01-12",
        )
    )
    s = strengths(G, as_of=AS_OF)
    assert s["minister-accuses"].strength > s["army-denies"].strength
    assert s["d-downed"].strength > 0.5
    assert round(s["minister-accuses"].strength, 4) == 0.6875  # supported by photos (0.5) and the witness (0.75)
    assert print_of(s["minister-accuses"]) == (
        "strength 0.69: base 0.5, supported by witness-confirms (0.75) and photos (0.5), attacked by army-denies (0.5)"
    )


def print_of(value: object) -> str:
    return value.describe()  # type: ignore[attr-defined,no-any-return]


def test_a_bare_denial_of_a_bare_accusation_leaves_the_proposition_even() -> None:
    G = build(
        claim("minister-accuses", "minister-a", ", asserts: d-downed")
        + claim("army-denies", "army-d", ", denies: d-downed", kind="denial", date="2020-01-12")
    )
    assert strength(G, "d-downed", as_of=AS_OF).strength == 0.5


def test_several_actors_asserting_one_proposition_answered_by_one_denial() -> None:
    G = build(
        claim("minister-accuses", "minister-a", ", asserts: d-downed")
        + claim("spokesman-accuses", "spokesman-a", ", asserts: d-downed")
        + claim("witness-accuses", "witness", ", asserts: d-downed")
        + claim("army-denies", "army-d", ", denies: d-downed", kind="denial", date="2020-01-12")
    )
    s = strength(G, "d-downed", as_of=AS_OF)
    # Two voices for it (government A, the witness), one against: 0.5 + 0.5 × (0.75 - 0.5)
    assert (s.strength, s.support, s.attack) == (0.625, 0.75, 0.5)
    assert [a for a, _ in s.supporters] == ["minister-accuses", "witness-accuses"]
    assert [a for a, _ in s.unheard] == ["spokesman-accuses"]


def test_a_ministry_and_its_spokesman_lend_the_weight_of_one_voice() -> None:
    one = build(claim("mod-accuses", "mod-a", ", asserts: d-downed"))
    two = build(
        claim("mod-accuses", "mod-a", ", asserts: d-downed")
        + claim("spox-accuses", "spokesman-a", ", asserts: d-downed")
    )
    assert strength(two, "d-downed", as_of=AS_OF).strength == strength(one, "d-downed", as_of=AS_OF).strength == 0.75


def test_endorsements_by_three_allies_add_nothing_and_are_set_aside() -> None:
    endorsements = "".join(
        claim(f"{ally}-endorses", ally, ", responds_to: [{endorses: minister-accuses}]", kind="statement")
        for ally in ("mfa-b", "mfa-c", "mfa-e")
    )
    alone = build(claim("minister-accuses", "minister-a", ", asserts: d-downed, rests_on: jit-finding"))
    endorsed = build(
        claim("minister-accuses", "minister-a", ", asserts: d-downed, rests_on: jit-finding") + endorsements
    )
    assert strengths(endorsed, as_of=AS_OF)["d-downed"].strength == strengths(alone, as_of=AS_OF)["d-downed"].strength
    framework = argument_framework(endorsed, as_of=AS_OF)
    assert framework.set_aside["minister-accuses"] == tuple(
        (f"{ally}-endorses", "endorses it: no grounds of its own") for ally in ("mfa-b", "mfa-c", "mfa-e")
    )


def test_a_claim_is_no_stronger_than_what_it_rests_on_however_supported() -> None:
    G = build(
        claim("daily-reports", "daily", ", asserts: d-downed, credibility: 5")
        + claim("minister-accuses", "minister-a", ", rests_on: daily-reports, cites: [photos, fragment]")
    )
    s = strengths(G, as_of=AS_OF)
    assert s["daily-reports"].strength == 0.25
    assert s["minister-accuses"].strength == 0.25
    assert s["minister-accuses"].capped
    assert print_of(s["minister-accuses"]).endswith("held down to what it rests on: daily-reports (0.25)")


def test_a_repeat_is_no_stronger_than_what_it_repeats() -> None:
    G = build(
        claim("minister-accuses", "minister-a", ", asserts: d-downed")
        + claim("army-denies", "army-d", ", responds_to: [{denies: minister-accuses}]", kind="denial")
        + claim("daily-repeats", "daily", ", credibility: 1, responds_to: [{repeats: minister-accuses}]")
    )
    s = strengths(G, as_of=AS_OF)
    assert s["daily-repeats"].strength == s["minister-accuses"].strength == 0.25


def test_a_confirmation_from_the_claims_own_origin_adds_nothing() -> None:
    G = build(
        claim("minister-accuses", "minister-a")
        + claim(
            "spokesman-confirms", "spokesman-a", ", responds_to: [{supports: minister-accuses}]", kind="corroboration"
        )
    )
    s = strength(G, "minister-accuses", as_of=AS_OF)
    assert (s.strength, s.supporters) == (0.5, ())
    assert argument_framework(G, as_of=AS_OF).set_aside["minister-accuses"] == (
        ("spokesman-confirms", "comes from its own origin (gov-a): not independent"),
    )


def test_a_concession_supports_and_a_qualification_attacks() -> None:
    G = build(
        claim("minister-accuses", "minister-a", ", asserts: d-downed")
        + claim("army-grants", "army-d", ", concedes: d-downed", kind="admission")
        + claim("witness-narrows", "witness", ", qualifies: d-downed", kind="qualification")
    )
    s = strength(G, "d-downed", as_of=AS_OF)
    assert ([a for a, _ in s.supporters], [a for a, _ in s.attackers]) == (
        ["minister-accuses", "army-grants"],
        ["witness-narrows"],
    )


# --- base scores ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "claimant", "base", "basis"),
    [
        ("", "minister-a", 0.5, "no Admiralty grade (0.5)"),
        (", credibility: 2", "minister-a", 0.75, "credibility 2 (0.75)"),
        ("", "graded", 0.75, "claimant graded graded B (0.75)"),
        (", modality: likely", "minister-a", 0.375, "no Admiralty grade (0.5), put as likely (× 0.75)"),
        (", modality: possible, credibility: 1", "minister-a", 0.45, "credibility 1 (0.9), put as possible (× 0.5)"),
    ],
)
def test_base_scores_follow_the_stated_rule(extra: str, claimant: str, base: float, basis: str) -> None:
    framework = argument_framework(build(claim("c", claimant, extra)), as_of=AS_OF)
    assert (framework.base["c"], framework.basis["c"]) == (base, basis)


def test_a_claim_in_a_graded_document_takes_the_documents_grade() -> None:
    G = build(claim("c", "minister-a").replace("reports: [doc]", "reports: [good-doc]"))
    framework = argument_framework(G, as_of=AS_OF)
    assert (framework.base["c"], framework.basis["c"]) == (0.9, "document graded good-doc A (0.9)")


def test_a_proposition_starts_neutral() -> None:
    framework = argument_framework(build(claim("c", "minister-a", ", asserts: d-downed")), as_of=AS_OF)
    assert (framework.base["d-downed"], framework.basis["d-downed"]) == (0.5, "a proposition starts neutral (0.5)")


# --- dates and asking -----------------------------------------------------------------------------------------


def test_only_claims_on_record_by_the_day_take_part() -> None:
    G = build(
        claim("minister-accuses", "minister-a", ", asserts: d-downed")
        + claim("army-denies", "army-d", ", denies: d-downed", kind="denial", date="2020-02-01")
    )
    assert strength(G, "d-downed", as_of="2020-01-31").strength == 0.75
    assert strength(G, "d-downed", as_of="2020-02-01").strength == 0.5
    with pytest.raises(ClaimgraphError, match="as of 2020-01-31, army-denies takes no part: it was not yet made"):
        strength(G, "army-denies", as_of="2020-01-31")


def test_one_strength_equals_the_whole_frameworks(shipped_graph: nx.MultiDiGraph) -> None:
    everything = strengths(shipped_graph, as_of="2024-05-01")
    for subject in ("us-trains-isis", "militant-training-at-tanf", "zakharova-training", "southfront-not-first-time"):
        assert strength(shipped_graph, subject, as_of="2024-05-01") == everything[subject]


def test_an_unknown_subject_suggests_the_closest() -> None:
    with pytest.raises(UnknownIdError, match="no claim, proposition or evidence item with id 'd-down'; did you mean"):
        strength(build(claim("c", "minister-a", ", asserts: d-downed")), "d-down")


# --- the shipped data set -------------------------------------------------------------------------------------


def test_shipped_strengths_as_an_analyst_reads_them(shipped_graph: nx.MultiDiGraph) -> None:
    s = strengths(shipped_graph, as_of="2024-05-01")
    found = {p: round(s[p].strength, 3) for p in ("us-supports-isis", "us-trains-isis", "militant-training-at-tanf")}
    # Three independent origins against one denial stand above two (the Russian government, SANA's sources).
    assert found == {"us-supports-isis": 0.688, "us-trains-isis": 0.594, "militant-training-at-tanf": 0.578}
    assert s["isis-operates-from-tanf"].strength == 0.5  # the Russian government's word against the coalition's


def test_shipped_gerasimovs_two_claims_count_as_one_voice_for_us_training(shipped_graph: nx.MultiDiGraph) -> None:
    s = strength(shipped_graph, "us-trains-isis", as_of="2024-05-01")
    assert [a for a, _ in s.unheard] == ["gerasimov-training"]


@pytest.mark.parametrize("seed", [1, 2])
def test_one_strength_equals_the_whole_frameworks_on_generated_data(seed: int) -> None:
    import sys

    from support import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import make_dataset_yaml

    G = graph.build_graph(graph.parse_dataset(make_dataset_yaml(400, seed=seed), check_quotes=False))
    everything = strengths(G, as_of="2019-12-31")
    assert everything.converged
    for subject in list(everything)[::7]:
        assert strength(G, subject, as_of="2019-12-31").strength == pytest.approx(everything[subject].strength)


@pytest.mark.parametrize("seed", [1, 2])
def test_strengths_as_of_today_equal_evaluating_the_framework_afresh(seed: int) -> None:
    """strengths() reuses the whole framework, checked and indexed once per graph, when every claim is on
    record; evaluating argument_framework() afresh must give the same numbers."""
    import sys

    from support import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import make_dataset_yaml

    from graph.queries.strength import dfquad

    G = graph.build_graph(graph.parse_dataset(make_dataset_yaml(400, seed=seed), check_quotes=False))
    f = argument_framework(G)
    afresh = dfquad(f.base, f.base, f.attacks, f.supports, grounds=f.grounds, voices=f.voices).to_dict()
    assert strengths(G).to_dict() == afresh
    assert strengths(G).to_dict() == afresh


def test_strengths_follow_the_graph_when_a_denial_is_added() -> None:
    G = graph.build_graph(
        graph.parse_dataset(
            """
actors:
  - {id: a, name: A, kind: person}
  - {id: b, name: B, kind: person}
sources:
  - {id: doc, title: Doc}
claims:
  - {id: accuses, claimant: a, kind: accusation, text: T, date: 2020-01-10, reports: [doc]}
  - {id: denies, claimant: b, kind: denial, text: T, date: 2020-01-12, reports: [doc]}
"""
        )
    )
    assert strengths(G)["accuses"].strength == 0.5
    G.add_edge("denies", "accuses", key="denies", relation="denies")
    assert strengths(G)["accuses"].strength == 0.25


def test_the_framework_around_one_argument_lists_the_whole_frameworks_pairs_among_its_arguments_in_order(
    shipped_graph: nx.MultiDiGraph,
) -> None:
    whole = argument_framework(shipped_graph, as_of="2024-05-01")
    for argument in whole.base:
        part = argument_framework(shipped_graph, as_of="2024-05-01", around=argument)
        assert list(part.base) == [a for a in whole.base if a in part.base], argument
        for pairs in ("attacks", "supports", "grounds"):
            among = [(u, v) for u, v in getattr(whole, pairs) if u in part.base and v in part.base]
            assert list(getattr(part, pairs)) == among, (argument, pairs)
