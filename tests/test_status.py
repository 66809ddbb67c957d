"""Proposition status: who stands where, unanswered / disputed / conceded / retracted, since when, as of a day."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

import graph
from graph.errors import ClaimgraphError, UnknownIdError
from graph.queries import claim_positions, status, statuses, unanswered

ACTORS = """
sides:
  - {id: red, name: Red}
  - {id: blue, name: Blue}
  - {id: green, name: Green}
actors:
  - {id: red-gov, name: Red government, kind: government-body, side: red}
  - {id: red-mod, name: Red defence ministry, kind: government-body, side: red, member_of: red-gov}
  - {id: minister, name: Red defence minister, kind: person, side: red, member_of: red-mod}
  - {id: red-mfa, name: Red foreign ministry, kind: government-body, side: red, member_of: red-gov}
  - {id: spokeswoman, name: Red MFA spokeswoman, kind: person, side: red, member_of: red-mfa}
  - {id: green-gov, name: Green government, kind: government-body, side: green}
  - {id: blue-force, name: Blue force, kind: armed-force, side: blue}
  - {id: blue-spox, name: Blue spokesperson, kind: person, side: blue, member_of: blue-force}
  - {id: daily, name: Daily, kind: media-outlet}
sources:
  - {id: doc, title: Doc, publisher: daily}
propositions:
  - {id: trains, statement: Blue trains militants at the base., implicates: blue-force}
  - {id: other, statement: Something else.}
claims:
"""


def build(claims: str) -> nx.MultiDiGraph:
    return graph.build_graph(graph.parse_dataset(ACTORS + claims))


def claim(id_: str, claimant: str, date: str | None, extra: str = "", kind: str = "accusation") -> str:
    dated = f", date: {date}" if date else ""
    return f"  - {{id: {id_}, claimant: {claimant}, kind: {kind}, text: T{dated}, reports: [doc]{extra}}}\n"


# Several actors assert one proposition; one denial answers all of them, even the one made after it.
SEVERAL = (
    claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
    + claim("spokeswoman-accuses", "spokeswoman", "2020-01-12", ", asserts: trains")
    + claim("green-accuses", "green-gov", "2020-01-15", ", asserts: trains")
    + claim("blue-denies", "blue-spox", "2020-01-20", ", denies: trains", kind="denial")
    + claim("daily-accuses", "daily", "2020-02-01", ", asserts: trains")
)


def test_several_assertions_stand_unanswered_from_the_first_until_the_denial() -> None:
    s = status(build(SEVERAL), "trains", as_of="2020-01-16")
    assert (s.status, s.since, s.days) == ("unanswered", "2020-01-10", 6)
    assert [x.claim for x in s.for_] == ["minister-accuses", "spokeswoman-accuses", "green-accuses"]


def test_one_denial_answers_every_assertion_of_the_proposition() -> None:
    G = build(SEVERAL)
    s = status(G, "trains", as_of="2020-03-01")
    assert (s.status, s.since, s.days, s.as_of) == ("disputed", "2020-01-20", 41, dt.date(2020, 3, 1))
    assert [(x.claim, x.role) for x in s.against] == [("blue-denies", "denies")]
    assert len(s.for_) == 4
    assert unanswered(G, as_of="2020-03-01") == []


def test_a_denial_made_before_an_assertion_disputes_it_from_the_assertion() -> None:
    G = build(
        claim("blue-denies", "blue-spox", "2020-01-05", ", denies: trains", kind="denial")
        + claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
    )
    early = status(G, "trains", as_of="2020-01-07")
    late = status(G, "trains", as_of="2020-02-01")
    assert (early.status, early.since) == ("unasserted", "2020-01-05")
    assert (late.status, late.since, late.days) == ("disputed", "2020-01-10", 22)


def test_a_proposition_nothing_is_said_of_yet_is_not_yet_made() -> None:
    s = status(build(SEVERAL), "trains", as_of="2019-12-31")
    assert (s.status, s.since, s.days, s.stands) == ("not yet made", None, None, ())


def test_a_qualification_disputes_it_too() -> None:
    G = build(
        claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
        + claim("blue-narrows", "blue-spox", "2020-01-12", ", qualifies: trains", kind="qualification")
    )
    assert status(G, "trains", as_of="2020-02-01").status == "disputed"


def test_a_concession_by_the_implicated_side_concedes_it() -> None:
    G = build(SEVERAL + claim("blue-concedes", "blue-spox", "2020-03-01", ", concedes: trains", kind="admission"))
    s = status(G, "trains", as_of="2020-03-02")
    assert (s.status, s.since, s.days) == ("conceded", "2020-03-01", 1)


def test_a_concession_by_a_third_party_is_an_assertion() -> None:
    G = build(
        claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
        + claim("daily-grants", "daily", "2020-01-12", ", concedes: trains", kind="admission")
    )
    s = status(G, "trains", as_of="2020-02-01")
    assert (s.status, s.since) == ("unanswered", "2020-01-10")


def test_a_concession_by_a_denier_concedes_it() -> None:
    G = build(
        claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
        + claim("daily-denies", "daily", "2020-01-11", ", denies: trains", kind="denial")
        + claim("daily-grants", "daily", "2020-01-12", ", concedes: trains", kind="admission")
    )
    assert status(G, "trains", as_of="2020-02-01").status == "conceded"


def test_it_is_retracted_when_every_asserter_has_withdrawn() -> None:
    G = build(
        claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
        + claim("green-accuses", "green-gov", "2020-01-11", ", asserts: trains")
        + claim("minister-withdraws", "minister", "2020-01-20", ", retracts: trains", kind="retraction")
        + claim(
            "green-withdraws", "green-gov", "2020-01-25", ", responds_to: [{retracts: green-accuses}]", "retraction"
        )
    )
    half = status(G, "trains", as_of="2020-01-21")
    full = status(G, "trains", as_of="2020-02-01")
    assert (half.status, [x.claim for x in half.stands if x.withdrawn]) == ("unanswered", ["minister-accuses"])
    assert (full.status, full.since) == ("retracted", "2020-01-25")


def test_an_assertion_made_after_its_speakers_retraction_stands() -> None:
    G = build(
        claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
        + claim("minister-withdraws", "minister", "2020-01-20", ", retracts: trains", kind="retraction")
        + claim("minister-again", "minister", "2020-02-01", ", asserts: trains")
    )
    s = status(G, "trains", as_of="2020-02-02")
    assert (s.status, s.since) == ("unanswered", "2020-02-01")


def test_a_withdrawn_denial_leaves_it_unanswered_from_the_withdrawal() -> None:
    G = build(
        claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
        + claim("blue-denies", "blue-spox", "2020-01-12", ", denies: trains", kind="denial")
        + claim("blue-withdraws", "blue-spox", "2020-01-20", ", responds_to: [{retracts: blue-denies}]", "retraction")
    )
    s = status(G, "trains", as_of="2020-02-01")
    assert (s.status, s.since) == ("unanswered", "2020-01-20")


def test_endorsements_count_for_it_but_keep_nothing_alive() -> None:
    G = build(
        claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
        + claim(
            "green-endorses", "green-gov", "2020-01-11", ", responds_to: [{endorses: minister-accuses}]", "statement"
        )
        + claim("minister-withdraws", "minister", "2020-01-20", ", retracts: trains", kind="retraction")
    )
    s = status(G, "trains", as_of="2020-02-01")
    assert [(x.claim, x.role) for x in s.for_] == [("minister-accuses", "asserts"), ("green-endorses", "endorses")]
    assert s.status == "retracted"


# --- positions that come from answers and backing ------------------------------------------------------------


def test_denying_a_claim_denies_the_proposition_it_asserts() -> None:
    G = build(
        claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
        + claim("blue-denies", "blue-spox", "2020-01-12", ", responds_to: [{denies: minister-accuses}]", "denial")
    )
    assert claim_positions(G, "blue-denies") == [
        graph.queries.Position("trains", "blue-denies", "denies", "minister-accuses")
    ]
    assert status(G, "trains", as_of="2020-02-01").status == "disputed"


def test_a_rebuttal_denies_and_its_own_stance_wins_over_what_it_answers() -> None:
    G = build(
        claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
        + claim(
            "blue-narrows",
            "blue-spox",
            "2020-01-12",
            ", qualifies: trains, responds_to: [{rebuts: minister-accuses}]",
            "rebuttal",
        )
    )
    assert [(p.proposition, p.role) for p in claim_positions(G, "blue-narrows")] == [("trains", "qualifies")]


def test_a_claim_without_stance_stands_for_what_it_supports_or_repeats() -> None:
    G = build(
        claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
        + claim("daily-repeats", "daily", "2020-01-11", ", responds_to: [{repeats: minister-accuses}]")
        + claim("green-supports", "green-gov", "2020-01-12", ", responds_to: [{supports: daily-repeats}]")
    )
    roles = {x.claim: x.role for x in status(G, "trains", as_of="2020-02-01").stands}
    assert roles == {"minister-accuses": "asserts", "daily-repeats": "asserts", "green-supports": "asserts"}


def test_a_claim_with_stances_of_its_own_is_about_those_not_what_it_supports() -> None:
    G = build(
        claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
        + claim(
            "green-other", "green-gov", "2020-01-12", ", asserts: other, responds_to: [{supports: minister-accuses}]"
        )
    )
    assert [p.proposition for p in claim_positions(G, "green-other")] == ["other"]


def test_a_claim_taking_no_stance_is_its_own_proposition_answered_claim_to_claim() -> None:
    G = build(
        claim("minister-says", "minister", "2020-01-10")
        + claim("blue-denies", "blue-spox", "2020-01-12", ", responds_to: [{denies: minister-says}]", "denial")
    )
    s = status(G, "minister-says", as_of="2020-02-01")
    assert (s.implicit, s.status, s.since, [x.claim for x in s.against]) == (
        True,
        "disputed",
        "2020-01-12",
        ["blue-denies"],
    )
    assert [(x.proposition, x.status) for x in statuses(G, as_of="2020-02-01")] == [
        ("minister-says", "disputed"),
        ("other", "not yet made"),
        ("trains", "not yet made"),
    ]


def test_an_admission_concedes_its_own_proposition() -> None:
    G = build(claim("spox-admits", "blue-spox", "2020-01-10", ", targets: blue-force", "admission"))
    assert status(G, "spox-admits", as_of="2020-02-01").status == "conceded"


def test_unanswered_lists_declared_propositions_and_accusations_only() -> None:
    G = build(
        claim("minister-accuses", "minister", "2020-01-10", ", asserts: trains")
        + claim("minister-alleges", "minister", "2020-01-11")
        + claim("minister-remarks", "minister", "2020-01-12", kind="statement")
    )
    found = unanswered(G, as_of="2020-01-20")
    assert [(s.proposition, s.since, s.days) for s in found] == [
        ("trains", "2020-01-10", 10),
        ("minister-alleges", "2020-01-11", 9),
    ]


# --- dates ----------------------------------------------------------------------------------------------------


def test_the_default_reference_day_is_today_and_is_part_of_the_answer() -> None:
    s = status(build(SEVERAL), "trains")
    assert s.as_of == dt.date.today()
    assert s.days == (dt.date.today() - dt.date(2020, 1, 20)).days


def test_an_undated_claim_counts_from_today_only() -> None:
    G = build(claim("minister-accuses", "minister", None, ", asserts: trains"))
    assert status(G, "trains", as_of="2020-01-01").status == "not yet made"
    today = status(G, "trains")
    assert (today.status, today.since, today.days) == ("unanswered", None, None)


def test_a_partial_date_counts_once_its_last_day_has_come_and_days_from_its_first() -> None:
    G = build(claim("minister-accuses", "minister", "2020-01~", ", asserts: trains"))
    assert status(G, "trains", as_of="2020-01-30").status == "not yet made"
    s = status(G, "trains", as_of="2020-02-01")
    assert (s.since, s.days) == ("2020-01~", 31)


# --- asking about the wrong thing -----------------------------------------------------------------------------


def test_a_claim_with_stances_is_not_a_proposition_and_the_error_names_its_propositions() -> None:
    with pytest.raises(ClaimgraphError, match="claim 'minister-accuses' takes positions on 'trains': ask about one"):
        status(build(SEVERAL), "minister-accuses")


def test_an_unknown_proposition_suggests_the_closest() -> None:
    with pytest.raises(UnknownIdError, match="no proposition with id 'train'; did you mean 'trains'"):
        status(build(SEVERAL), "train")


# --- the shipped data set -------------------------------------------------------------------------------------


def test_shipped_us_training_is_disputed_since_the_pentagon_denial(shipped_graph: nx.MultiDiGraph) -> None:
    s = status(shipped_graph, "us-trains-isis", as_of="2024-05-01")
    assert (s.status, s.since, s.days) == ("disputed", "2017-12-29?", 2315)
    assert [x.claim for x in s.for_] == ["gerasimov-new-syrian-army", "gerasimov-training", "sana-shaddadi-training"]
    assert [x.claim for x in s.against] == ["rebarich-denies-training"]


def test_shipped_pentagon_denial_answers_the_new_syrian_army_claim_it_presupposes(
    shipped_graph: nx.MultiDiGraph,
) -> None:
    assert "gerasimov-new-syrian-army" not in [s.proposition for s in unanswered(shipped_graph, as_of="2018-12-31")]
    assert unanswered(shipped_graph, as_of="2018-12-31") == []


def test_shipped_statuses_as_an_analyst_reads_them(shipped_graph: nx.MultiDiGraph) -> None:
    found = {s.proposition: (s.status, s.since) for s in statuses(shipped_graph, as_of="2024-05-01")}
    assert found == {
        "isis-operates-from-tanf": ("disputed", "2017-10-06?"),
        "konashenkov-human-shields": ("disputed", "2017-10-06?"),
        "konashenkov-no-operations": ("disputed", "2017-10-06?"),
        "pentagon-trains-opposition-at-tanf": ("disputed", "2017-10-06?"),
        "us-supports-isis": ("disputed", "2017-12-29?"),
        "us-trains-isis": ("disputed", "2017-12-29?"),
        "militant-training-at-tanf": ("disputed", "2018-09-04?"),
        "sputnik-mission-not-approved": ("unanswered", "2018-09-04?"),
        "captured-militants-confess-attacks": ("conceded", "2020-05"),
        "field-source-daesh-activity": ("unanswered", "2022-04%"),
        "sana-shaddadi-transfer-plan": ("unanswered", "2022-04?"),
        "sputnik-arabic-airstrikes": ("unanswered", "2022-04%"),
    }


def test_shipped_militant_training_shows_the_evidence_each_side_cites(shipped_graph: nx.MultiDiGraph) -> None:
    s = status(shipped_graph, "militant-training-at-tanf", as_of="2024-05-01")
    assert (s.evidence_for, s.evidence_against) == (("witness-accounts-tanf-training",), ())
    assert [(x.claim, x.role) for x in s.against] == [
        ("coalition-denies-tanf-camp", "denies"),
        ("rca-rebuts-zakharova", "qualifies"),
    ]


# --- the shortcut for statuses nothing retracts or withdraws --------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_shortcut_agrees_with_walking_the_history(seed: int) -> None:
    import sys

    from support import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import make_dataset_yaml

    from graph.queries.positions import positions
    from graph.queries.status import _Context

    G = graph.build_graph(graph.parse_dataset(make_dataset_yaml(600, seed=seed), check_quotes=False))
    for day in (dt.date(2016, 6, 30), dt.date(2019, 12, 31)):
        context = _Context(G, day)
        for proposition, found in positions(G).items():
            on = [p for p in found if p.claim in context.on]
            retractions = context._retractions(p.claim for p in on)
            if not retractions and not any(p.role == "retracts" for p in on):
                assert context._plain(proposition, on) == context._history(proposition, on, retractions), proposition


@pytest.mark.parametrize("seed", [1, 2])
def test_statuses_as_of_today_agree_with_asking_about_each_proposition(seed: int) -> None:
    """statuses() skips the on-record filter and keeps each proposition's positions when every claim is on
    record; one status() at a time takes the general path. They must give the same answers."""
    import sys

    from support import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import make_dataset_yaml

    G = graph.build_graph(graph.parse_dataset(make_dataset_yaml(400, seed=seed), check_quotes=False))
    everything = statuses(G)
    assert len(everything) > 100
    for found in everything:
        assert status(G, found.proposition) == found
    assert statuses(G) == everything  # kept positions give the same answer the second time
