"""``why``: one paragraph a reader can check, for a proposition, a claim or an evidence item, on any day."""

from __future__ import annotations

import networkx as nx
import pytest

import graph
from graph.queries import why

DATA = """
actors:
  - {id: gov-a, name: Government of A, kind: government-body}
  - {id: minister-a, name: Defence Minister of A, kind: person, member_of: gov-a}
  - {id: mfa-b, name: Foreign Ministry of B, kind: government-body}
  - {id: army-d, name: Army of D, kind: armed-force}
  - {id: witness, name: A witness, kind: person}
  - {id: daily, name: A daily, kind: media-outlet}
propositions:
  - {id: d-downed, statement: D's army downed the airliner., implicates: army-d}
evidence:
  - {id: photos, kind: imagery, name: Photos of the launcher}
sources:
  - {id: doc, title: D, publisher: daily}
claims:
  - {id: minister-accuses, claimant: minister-a, kind: accusation, text: T, date: 2020-01-10, reports: [doc],
     asserts: d-downed, cites: photos}
  - {id: witness-confirms, claimant: witness, kind: corroboration, text: T, date: 2020-01-11, reports: [doc],
     responds_to: [{supports: minister-accuses}]}
  - {id: b-endorses, claimant: mfa-b, kind: statement, text: T, date: 2020-01-11, reports: [doc],
     responds_to: [{endorses: minister-accuses}]}
  - {id: army-denies, claimant: army-d, kind: denial, text: T, date: 2020-01-12, reports: [doc], denies: d-downed,
     responds_to: [{denies: minister-accuses}]}
"""


def G() -> nx.MultiDiGraph:
    return graph.build_graph(graph.parse_dataset(DATA))


def test_a_propositions_paragraph_names_each_side_its_evidence_origins_and_strength() -> None:
    explanation = why(G(), "d-downed", as_of="2020-02-01")
    assert explanation.reason == (
        'As of 2020-02-01, d-downed ("D\'s army downed the airliner.") is disputed since 2020-01-12 (20 days). '
        "For it, from 2 independent origins (gov-a; witness): minister-accuses (minister-a, 2020-01-10) asserts it, "
        "citing photos; b-endorses (mfa-b, 2020-01-11) endorses it (as it endorses minister-accuses); "
        "witness-confirms (witness, 2020-01-11) asserts it (as it supports minister-accuses). "
        "Against it: army-denies (army-d, 2020-01-12) denies it. "
        "Strength 0.56 (DF-QuAD, how the recorded argument stands, not a probability): base 0.5, supported by "
        "minister-accuses (0.62), attacked by army-denies (0.5)."
    )
    assert (explanation.status, explanation.strength) == ("disputed", 0.5625)
    assert explanation.weighs_for == ("minister-accuses", "b-endorses", "witness-confirms", "photos")
    assert explanation.weighs_against == ("army-denies",)


def test_a_claims_paragraph_gives_its_propositions_status_and_what_was_not_weighed() -> None:
    explanation = why(G(), "minister-accuses", as_of="2020-02-01")
    assert explanation.reason == (
        "As of 2020-02-01, minister-accuses (minister-a, 2020-01-10) asserts d-downed, which is disputed since "
        "2020-01-12 (20 days). Its own strength 0.62 (DF-QuAD, how the recorded argument stands, not a probability): "
        "base 0.5, supported by witness-confirms (0.5) and photos (0.5), attacked by army-denies (0.5). "
        "Not weighed: b-endorses (endorses it: no grounds of its own)."
    )
    assert (explanation.weighs_for, explanation.weighs_against) == (("witness-confirms", "photos"), ("army-denies",))


def test_the_bare_denial_weighs_less_than_the_evidenced_accusation() -> None:
    graph_ = G()
    accusation = why(graph_, "minister-accuses", as_of="2020-02-01").strength
    denial = why(graph_, "army-denies", as_of="2020-02-01").strength
    assert accusation is not None and denial is not None and accusation > denial


def test_before_a_claim_was_made_it_says_so_instead_of_raising() -> None:
    explanation = why(G(), "army-denies", as_of="2020-01-11")
    assert explanation == (
        "army-denies",
        __import__("datetime").date(2020, 1, 11),
        "not yet made",
        None,
        (),
        (),
        "As of 2020-01-11, army-denies was not yet made: it is dated 2020-01-12, so not certainly made by then.",
    )


def test_before_anything_was_said_of_a_proposition_it_says_so_and_names_the_first_claim() -> None:
    assert why(G(), "d-downed", as_of="2020-01-01").reason == (
        'As of 2020-01-01, d-downed ("D\'s army downed the airliner.") was not yet made: no claim on it is on record; '
        "the first, minister-accuses, is dated 2020-01-10."
    )


def test_before_the_denial_the_proposition_is_unanswered() -> None:
    explanation = why(G(), "d-downed", as_of="2020-01-11")
    assert explanation.status == "unanswered"
    assert "Against it: nothing on record." in explanation.reason


def test_an_evidence_items_paragraph_names_who_cites_it() -> None:
    assert why(G(), "photos", as_of="2020-02-01").reason == (
        "As of 2020-02-01, photos is cited or rested on by minister-accuses. Strength 0.5 (DF-QuAD, how the recorded "
        "argument stands, not a probability): base 0.5, nothing attacks or supports it."
    )
    assert (
        why(G(), "photos", as_of="2020-01-01").reason
        == "As of 2020-01-01, no claim on record cites photos or rests on it."
    )


def test_shipped_why_of_us_training(shipped_graph: nx.MultiDiGraph) -> None:
    explanation = why(shipped_graph, "us-trains-isis", as_of="2024-05-01")
    assert explanation.reason.startswith(
        'As of 2024-05-01, us-trains-isis ("US forces train ISIS (Daesh) militants in Syria.") is disputed since '
        "2017-12-29? (2315 days). For it, from 2 independent origins (russian-government; sana-local-sources): "
    )
    assert "Against it: rebarich-denies-training (rebarich, 2017-12-29?) denies it." in explanation.reason


@pytest.mark.parametrize("seed", [1, 2])
def test_why_each_and_origins_of_each_give_what_asking_one_at_a_time_gives(seed: int) -> None:
    """The page asks why and origins of every claim at once, weighing the whole graph once; each paragraph and
    each origin count must be the one `claimgraph query why` / `origins` prints for that subject alone."""
    import sys

    from support import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import make_dataset_yaml

    from graph.queries import independent_origins, origins_of_each, why, why_each

    G = graph.build_graph(graph.parse_dataset(make_dataset_yaml(300, seed=seed), check_quotes=False))
    subjects = sorted(n for n in G if G.nodes[n].get("type") in ("claim", "proposition"))
    for day in ("2018-06-30", None):
        whys = why_each(G, subjects, as_of=day)
        origins = origins_of_each(G, subjects, as_of=day)
        for subject in subjects[::3]:
            assert whys[subject] == why(G, subject, as_of=day), subject
            assert origins[subject] == independent_origins(G, subject, as_of=day), subject
