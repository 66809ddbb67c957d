"""Accusations, responses, threads, unanswered accusations, timelines, filters and subgraphs."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
from collections.abc import Callable
from typing import Any

import networkx as nx
import pytest

import graph
from graph import queries
from graph.errors import UnknownIdError
from graph.queries import (
    accusations_against,
    accusations_by,
    accused,
    grounded_labels,
    independent_origins,
    provenance,
    resolve,
    responds_to,
    responses_to,
    select_claims,
    status,
    statuses,
    strength,
    strengths,
    subgraph,
    thread,
    timeline,
    unanswered,
    why,
    why_grounded,
)
from graph.queries.records import Reply

DATA = """
sides:
  - {id: red, name: Red government}
  - {id: blue, name: Blue coalition}
actors:
  - {id: red-ministry, name: Red Ministry, kind: government-body, side: red, aliases: [RMD]}
  - {id: red-staff, name: Red General Staff, kind: government-body, side: red, member_of: [red-ministry]}
  - {id: general, name: The General, kind: person, side: red, member_of: [red-staff]}
  - {id: red-tv, name: Red TV, kind: media-outlet, side: red}
  - {id: blue-coalition, name: Blue coalition, kind: armed-force, side: blue}
  - {id: blue-force, name: Blue force, kind: armed-force, side: blue, member_of: [blue-coalition]}
  - {id: blue-spox, name: Blue spokesperson, kind: person, side: blue, member_of: [blue-coalition]}
  - {id: loner, name: Loner, kind: person}
places:
  - {id: base, name: The Base, aliases: [Base Camp]}
  - {id: town, name: Town}
sources:
  - {id: doc, title: Doc, publisher: red-tv}
claims:
  - {id: general-camp, claimant: general, kind: accusation, text: T, date: 2017-10-06, targets: [blue-force],
     places: [base], reports: [doc]}
  - {id: ministry-arms, claimant: red-ministry, kind: accusation, text: T, date: 2017-10~, targets: [blue-coalition],
     reports: [doc]}
  - {id: tv-convoy, claimant: red-tv, kind: accusation, text: T, date: '2017', targets: [blue-spox], places: [town],
     reports: [doc]}
  - {id: loner-claim, claimant: loner, kind: accusation, text: T, targets: [red-ministry], reports: [doc]}
  - {id: spox-denies-camp, claimant: blue-spox, kind: denial, text: T, date: 2017-10-08, targets: [general],
     responds_to: [{denies: general-camp}], reports: [doc]}
  - {id: general-rebuts-spox, claimant: general, kind: rebuttal, text: T, date: 2017-10-09,
     responds_to: [{rebuts: spox-denies-camp}], reports: [doc]}
  - {id: tv-repeats-camp, claimant: red-tv, kind: accusation, text: T, date: 2017-10-07, targets: [blue-force],
     responds_to: [{repeats: general-camp}], reports: [doc]}
  - {id: spox-concedes-arms, claimant: blue-spox, kind: admission, text: T, date: 2017-11-01,
     responds_to: [{concedes: ministry-arms}], reports: [doc]}
  - {id: spox-statement, claimant: blue-spox, kind: statement, text: T, date: 2017-10-06, reports: [doc]}
"""


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph.build_graph(graph.parse_dataset(DATA))


# --- naming actors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("general", "general"),
        ("The General", "general"),
        ("the general", "general"),
        ("RMD", "red-ministry"),
        ("RED-MINISTRY", "red-ministry"),
    ],
)
def test_actor_can_be_named_by_id_name_or_alias_in_any_case(G: nx.MultiDiGraph, word: str, expected: str) -> None:
    assert resolve(G, word, "actor") == expected


def test_unknown_actor_suggests_closest_id(G: nx.MultiDiGraph) -> None:
    with pytest.raises(UnknownIdError, match=r"^no actor with id 'generl'; did you mean 'general'\?$"):
        accusations_against(G, "generl")


def test_claim_id_is_not_an_actor(G: nx.MultiDiGraph) -> None:
    with pytest.raises(UnknownIdError, match="no actor with id 'general-camp'"):
        accusations_by(G, "general-camp")


def test_name_shared_by_two_actors_is_refused_listing_both() -> None:
    G = graph.build_graph(
        graph.parse_dataset("""
actors:
  - {id: smith-a, name: Smith, kind: person}
  - {id: smith-b, name: Smith, kind: person}
""")
    )
    with pytest.raises(UnknownIdError, match=r"did you mean 'smith-a', 'smith-b'\?"):
        resolve(G, "smith", "actor")


def test_unknown_error_is_a_key_error(G: nx.MultiDiGraph) -> None:
    with pytest.raises(KeyError):
        responses_to(G, "no-such-claim")


ID_QUERIES = [
    (accusations_against, "an actor is named by its id, name or alias as a str, not None"),
    (accusations_by, "an actor is named by its id, name or alias as a str, not None"),
    (accused, "a claim is named by its id as a str, not None"),
    (responses_to, "a claim is named by its id as a str, not None"),
    (responds_to, "a claim is named by its id as a str, not None"),
    (thread, "a claim is named by its id as a str, not None"),
    (provenance, "a claim is named by its id as a str, not None"),
    (independent_origins, "a claim or proposition is named by its id as a str, not None"),
    (why, "a claim, proposition or evidence item is named by its id as a str, not None"),
]


@pytest.mark.parametrize(("query", "message"), ID_QUERIES, ids=[q.__name__ for q, _ in ID_QUERIES])
def test_an_id_that_is_not_text_is_a_type_error(G: nx.MultiDiGraph, query: Callable[..., Any], message: str) -> None:
    with pytest.raises(TypeError, match=f"^{message}$"):
        query(G, None)


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ({"actor": 7}, "an actor is named by its id, name or alias as a str, not 7"),
        ({"side": b"red"}, "a side is named by its id or name as a str, not b'red'"),
        ({"place": ["camp"]}, "a place is named by its id, name or alias as a str, not list"),
        ({"start": 2017}, "expected a date: a datetime.date, a PartialDate or text such as '2017-10', not 2017"),
    ],
)
def test_a_filter_of_the_wrong_type_is_a_type_error(G: nx.MultiDiGraph, option: dict[str, Any], message: str) -> None:
    with pytest.raises(TypeError, match=f"^{re.escape(message)}$"):
        timeline(G, **option)


def test_a_datetime_means_its_day(G: nx.MultiDiGraph) -> None:
    noon = dt.datetime(2017, 10, 6, 12)
    assert [(a.proposition, a.days) for a in unanswered(G, as_of=noon)] == [("general-camp", 0)]
    assert unanswered(G, as_of=noon) == unanswered(G, as_of=dt.date(2017, 10, 6))
    assert grounded_labels(G, as_of=noon) == grounded_labels(G, as_of="2017-10-06")
    assert timeline(G, start=noon, end=noon) == timeline(G, start="2017-10-06", end="2017-10-06")


# --- accusations -------------------------------------------------------------------------------


def test_accusations_against_an_actor_in_date_order(G: nx.MultiDiGraph) -> None:
    assert accusations_against(G, "blue-force") == ["general-camp", "tv-repeats-camp"]


def test_accusations_against_include_members_transitively(G: nx.MultiDiGraph) -> None:
    assert accusations_against(G, "blue-coalition", include_members=True) == [
        "tv-convoy",
        "ministry-arms",
        "general-camp",
        "tv-repeats-camp",
    ]


def test_accusations_against_include_side(G: nx.MultiDiGraph) -> None:
    assert accusations_against(G, "blue-spox", include_side=True) == [
        "tv-convoy",
        "ministry-arms",
        "general-camp",
        "tv-repeats-camp",
    ]


def test_denial_naming_an_actor_is_not_an_accusation_against_it(G: nx.MultiDiGraph) -> None:
    assert accusations_against(G, "general") == []


def test_accusations_by_members_count_for_their_body(G: nx.MultiDiGraph) -> None:
    assert accusations_by(G, "red-ministry") == ["ministry-arms"]
    assert accusations_by(G, "red-ministry", include_members=True) == ["ministry-arms", "general-camp"]


def test_accusations_by_side(G: nx.MultiDiGraph) -> None:
    assert accusations_by(G, "red-tv", include_side=True) == [
        "tv-convoy",
        "ministry-arms",
        "general-camp",
        "tv-repeats-camp",
    ]


def test_actor_without_side_has_no_side_mates(G: nx.MultiDiGraph) -> None:
    assert accusations_by(G, "loner", include_side=True) == ["loner-claim"]


def test_accused_names_the_actors_an_accusation_accuses(G: nx.MultiDiGraph) -> None:
    assert accused(G, "general-camp") == ["blue-force"]


def test_a_denial_accuses_no_one(G: nx.MultiDiGraph) -> None:
    assert accused(G, "spox-denies-camp") == []


# --- responses and threads ---------------------------------------------------------------------


def test_responses_to_list_every_relation_with_claimant_and_date(G: nx.MultiDiGraph) -> None:
    assert responses_to(G, "general-camp") == [
        Reply("tv-repeats-camp", "repeats", "red-tv", "2017-10-07"),
        Reply("spox-denies-camp", "denies", "blue-spox", "2017-10-08"),
    ]


def test_responses_to_include_concessions(G: nx.MultiDiGraph) -> None:
    assert responses_to(G, "ministry-arms") == [Reply("spox-concedes-arms", "concedes", "blue-spox", "2017-11-01")]


def test_responses_to_are_direct_only(G: nx.MultiDiGraph) -> None:
    assert "general-rebuts-spox" not in [r.claim for r in responses_to(G, "general-camp")]


def test_responds_to_names_the_claims_a_claim_answers(G: nx.MultiDiGraph) -> None:
    assert responds_to(G, "general-rebuts-spox") == [Reply("spox-denies-camp", "rebuts", "blue-spox", "2017-10-08")]
    assert responds_to(G, "general-camp") == []


def test_responds_to_lists_the_answered_claims_in_date_order() -> None:
    G = graph.build_graph(
        graph.parse_dataset("""
actors:
  - {id: a, name: A, kind: person}
sources:
  - {id: doc, title: Doc}
claims:
  - {id: early, claimant: a, kind: statement, text: T, date: 2017-10-09, reports: [doc]}
  - {id: earliest, claimant: a, kind: statement, text: T, date: 2017-10-01, reports: [doc]}
  - {id: answer, claimant: a, kind: rebuttal, text: T, date: 2017-10-10, reports: [doc],
     responds_to: [{rebuts: early}, {supports: earliest}]}
""")
    )
    assert [(r.claim, r.how) for r in responds_to(G, "answer")] == [("earliest", "supports"), ("early", "rebuts")]


def test_thread_follows_responses_both_ways(G: nx.MultiDiGraph) -> None:
    expected = ["general-camp", "tv-repeats-camp", "spox-denies-camp", "general-rebuts-spox"]
    assert thread(G, "general-rebuts-spox") == expected
    assert thread(G, "general-camp") == expected


def test_thread_of_a_lone_claim_is_itself(G: nx.MultiDiGraph) -> None:
    assert thread(G, "spox-statement") == ["spox-statement"]


# --- unanswered (per proposition; the full rules are pinned in test_status.py) -------------------------


def test_unanswered_leaves_out_a_claim_answered_by_denying_a_repeat_of_it(G: nx.MultiDiGraph) -> None:
    assert [(s.proposition, s.since, s.days) for s in unanswered(G, as_of="2017-10-07")] == [
        ("general-camp", "2017-10-06", 1)
    ]
    assert "general-camp" not in [s.proposition for s in unanswered(G, as_of="2017-10-08")]


def test_a_concession_by_the_accused_side_is_an_answer(G: nx.MultiDiGraph) -> None:
    assert [(s.proposition, s.since, s.days) for s in unanswered(G, as_of="2017-12-31")] == [("tv-convoy", "2017", 364)]


def test_unanswered_as_of_accepts_a_date_object(G: nx.MultiDiGraph) -> None:
    assert unanswered(G, as_of=dt.date(2017, 10, 7)) == unanswered(G, as_of="2017-10-07")


def test_unanswered_as_of_a_month_means_its_last_day(G: nx.MultiDiGraph) -> None:
    assert [s.proposition for s in unanswered(G, as_of="2017-10")] == ["ministry-arms"]


def test_unanswered_counts_days_to_today_by_default(G: nx.MultiDiGraph) -> None:
    found = {s.proposition: s for s in unanswered(G)}
    assert list(found) == ["tv-convoy", "loner-claim"]
    assert found["tv-convoy"].days == (dt.date.today() - dt.date(2017, 1, 1)).days
    assert (found["loner-claim"].since, found["loner-claim"].days) == (None, None)


# --- timeline and filters ----------------------------------------------------------------------


def test_timeline_sorts_partial_dates_by_earliest_day_then_precision(G: nx.MultiDiGraph) -> None:
    assert [(e.claim, e.date) for e in timeline(G)] == [
        ("tv-convoy", "2017"),
        ("ministry-arms", "2017-10~"),
        ("general-camp", "2017-10-06"),
        ("spox-statement", "2017-10-06"),
        ("tv-repeats-camp", "2017-10-07"),
        ("spox-denies-camp", "2017-10-08"),
        ("general-rebuts-spox", "2017-10-09"),
        ("spox-concedes-arms", "2017-11-01"),
        ("loner-claim", None),
    ]


def test_timeline_entry_says_how_certain_its_date_is(G: nx.MultiDiGraph) -> None:
    entries = {e.claim: e for e in timeline(G)}
    assert (entries["ministry-arms"].precision, entries["ministry-arms"].certainty) == ("month", "approximate")
    assert entries["ministry-arms"].describe_date() == "about October 2017"
    assert (entries["general-camp"].precision, entries["general-camp"].certainty) == ("day", "certain")
    assert (entries["loner-claim"].precision, entries["loner-claim"].certainty) == (None, "undated")
    assert entries["loner-claim"].describe_date() == "undated"


def test_timeline_actor_filter_takes_claims_made_by_or_aimed_at_the_actor(G: nx.MultiDiGraph) -> None:
    assert [e.claim for e in timeline(G, actor="general")] == [
        "general-camp",
        "spox-denies-camp",
        "general-rebuts-spox",
    ]


def test_timeline_side_filter_takes_claims_by_the_side(G: nx.MultiDiGraph) -> None:
    assert [e.claim for e in timeline(G, side="Blue coalition")] == [
        "spox-statement",
        "spox-denies-camp",
        "spox-concedes-arms",
    ]


def test_timeline_kind_filter_takes_one_kind_or_several(G: nx.MultiDiGraph) -> None:
    assert [e.claim for e in timeline(G, kind="denial")] == ["spox-denies-camp"]
    assert [e.claim for e in timeline(G, kind=["denial", "rebuttal"])] == ["spox-denies-camp", "general-rebuts-spox"]


def test_unknown_kind_is_refused(G: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError, match="unknown claim kind 'denail'"):
        timeline(G, kind="denail")


def test_timeline_place_filter_by_alias(G: nx.MultiDiGraph) -> None:
    assert [e.claim for e in timeline(G, place="Base Camp")] == ["general-camp"]


def test_date_window_keeps_partial_dates_that_may_fall_in_it(G: nx.MultiDiGraph) -> None:
    assert [e.claim for e in timeline(G, start="2017-10-07", end="2017-10-08")] == [
        "tv-convoy",
        "ministry-arms",
        "tv-repeats-camp",
        "spox-denies-camp",
    ]


def test_date_window_leaves_out_undated_claims(G: nx.MultiDiGraph) -> None:
    assert "loner-claim" not in [e.claim for e in timeline(G, start="2000")]


def test_filters_combine(G: nx.MultiDiGraph) -> None:
    assert select_claims(G, side="red", kind="accusation", start="2017-10-07") == {
        "tv-convoy",
        "ministry-arms",
        "tv-repeats-camp",
    }


def test_actor_filter_counts_the_claims_an_actor_relayed() -> None:
    G = graph.load("tests/fixtures/mini.yaml")
    assert select_claims(G, actor="wire") == {"general-a-training", "field-source-support"}


def test_actor_filter_with_members_counts_the_claims_of_members() -> None:
    G = graph.load("data/claims.yaml")
    assert "konashenkov-black-hole" not in select_claims(G, actor="russian-mod")
    assert "konashenkov-black-hole" in select_claims(G, actor="russian-mod", include_members=True)


def test_place_filter_selects_claims_not_the_propositions_or_evidence_about_the_place() -> None:
    G = graph.load("data/claims.yaml")
    assert {G.nodes[n]["type"] for n in select_claims(G, place="al-tanf")} == {"claim"}


def test_unknown_side_suggests_closest(G: nx.MultiDiGraph) -> None:
    with pytest.raises(UnknownIdError, match=r"no side with id 'bleu'; did you mean 'blue'\?"):
        timeline(G, side="bleu")


# --- subgraph ----------------------------------------------------------------------------------


def test_subgraph_keeps_selected_claims_and_what_they_touch(G: nx.MultiDiGraph) -> None:
    H = subgraph(G, actor="loner")
    assert sorted(H) == ["doc", "loner", "loner-claim", "red-ministry", "red-tv"]


def test_subgraph_keeps_the_bodies_members_belong_to(G: nx.MultiDiGraph) -> None:
    H = subgraph(G, kind="rebuttal")
    assert {"general", "red-staff", "red-ministry"} <= set(H)
    assert accusations_by(H, "red-ministry", include_members=True) == []


def test_subgraph_keeps_graph_attributes_and_is_a_copy(G: nx.MultiDiGraph) -> None:
    H = subgraph(G, side="blue")
    H.graph["name"] = "changed"
    H.nodes["blue-spox"]["name"] = "changed"
    assert H.graph["sides"] == G.graph["sides"] and G.graph["name"] != "changed"
    assert G.nodes["blue-spox"]["name"] == "Blue spokesperson"


def test_subgraph_drops_responses_to_claims_left_out(G: nx.MultiDiGraph) -> None:
    H = subgraph(G, kind="denial")
    assert responses_to(H, "spox-denies-camp") == []
    assert grounded_labels(H) == {"spox-denies-camp": "in"}


def test_every_query_runs_on_a_subgraph(G: nx.MultiDiGraph) -> None:
    H = subgraph(G, start="2017-10-06", end="2017-10-09")
    assert accusations_against(H, "blue-force") == ["general-camp", "tv-repeats-camp"]
    assert thread(H, "general-camp") == ["general-camp", "tv-repeats-camp", "spox-denies-camp", "general-rebuts-spox"]
    assert [str(c) for c in provenance(H, "general-camp")] == ["doc → red-tv → general"]
    assert independent_origins(H, "general-camp").count == 1
    assert why_grounded(H, "general-camp").label == "in"
    assert status(H, "general-camp", as_of="2017-10-31").status == "disputed"
    assert strength(H, "general-camp", as_of="2017-10-31").strength == 0.375  # the general rebuts the denial
    assert why(H, "general-camp", as_of="2017-10-31").status == "disputed"
    assert [e.claim for e in timeline(H)] == [e.claim for e in timeline(G, start="2017-10-06", end="2017-10-09")]


def test_subgraph_exports_and_renders_like_the_full_graph(G: nx.MultiDiGraph) -> None:
    H = subgraph(G, side="red")
    assert graph.to_json_data(H)["graph"]["sides"] == G.graph["sides"]


def test_subgraph_without_filters_is_a_full_copy(G: nx.MultiDiGraph) -> None:
    H = subgraph(G)
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True)) and H is not G


# --- every kind of graph the README promises ---------------------------------------------------


def _read_back_from_json(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    return nx.node_link_graph(json.loads(json.dumps(graph.to_json_data(G))), edges="edges")


GRAPH_FORMS: dict[str, Callable[[nx.MultiDiGraph], nx.MultiDiGraph]] = {
    "G.subgraph view": lambda G: G.subgraph(list(G)),
    "G.copy": lambda G: G.copy(),
    "read back from JSON": _read_back_from_json,
    "queries.subgraph": lambda G: subgraph(G),
}

SAMPLE_QUERIES: dict[str, Callable[[nx.MultiDiGraph], Any]] = {
    "accusations_against members": lambda G: accusations_against(G, "Blue coalition", include_members=True),
    "accusations_by side": lambda G: accusations_by(G, "red-tv", include_side=True),
    "responses_to": lambda G: responses_to(G, "general-camp"),
    "thread": lambda G: thread(G, "general-rebuts-spox"),
    "unanswered": lambda G: unanswered(G),
    "timeline place": lambda G: timeline(G, place="Base Camp"),
    "provenance": lambda G: [str(chain) for chain in provenance(G, "tv-repeats-camp")],
    "grounded_labels": lambda G: grounded_labels(G),
    "why_grounded": lambda G: why_grounded(G, "general-camp"),
    "status": lambda G: status(G, "general-camp", as_of="2017-12-31"),
    "statuses": lambda G: statuses(G, as_of="2017-12-31"),
    "independent_origins": lambda G: independent_origins(G, "general-camp"),
    "strengths": lambda G: strengths(G, as_of="2017-12-31").to_dict(),
    "why": lambda G: why(G, "general-camp", as_of="2017-12-31"),
    "subgraph": lambda G: sorted(subgraph(G, side="blue").edges(keys=True)),
}


@pytest.mark.parametrize("form", GRAPH_FORMS)
@pytest.mark.parametrize("query", SAMPLE_QUERIES)
def test_queries_answer_alike_on_every_form_of_the_graph(G: nx.MultiDiGraph, form: str, query: str) -> None:
    ask = SAMPLE_QUERIES[query]
    assert ask(GRAPH_FORMS[form](G)) == ask(G)


def test_queries_on_a_subgraph_view_see_only_its_nodes(G: nx.MultiDiGraph) -> None:
    H = G.subgraph(n for n in G if n != "spox-denies-camp")
    assert why_grounded(H, "general-camp").label == "in"
    assert responses_to(H, "general-camp") == [Reply("tv-repeats-camp", "repeats", "red-tv", "2017-10-07")]
    assert "spox-denies-camp" not in [entry.claim for entry in timeline(H)]
    assert "spox-denies-camp" not in subgraph(H)


# --- shipped data ------------------------------------------------------------------------------


def test_shipped_pentagon_denial_answers_gerasimov(shipped_graph: nx.MultiDiGraph) -> None:
    assert Reply("rebarich-denies-training", "denies", "rebarich", "2017-12-29?") in responses_to(
        shipped_graph, "gerasimov-training"
    )


def test_shipped_konashenkov_speaks_for_the_russian_mod(shipped_graph: nx.MultiDiGraph) -> None:
    assert "konashenkov-black-hole" in accusations_by(shipped_graph, "Russian MoD", include_members=True)


def test_shipped_isis_alias_names_daesh(shipped_graph: nx.MultiDiGraph) -> None:
    assert resolve(shipped_graph, "ISIS", "actor") == "daesh"


# --- the package's public names ----------------------------------------------------------------

QUERY_FUNCTIONS = [
    "accusations_against",
    "accusations_by",
    "accused",
    "responses_to",
    "responds_to",
    "thread",
    "unanswered",
    "timeline",
    "subgraph",
    "provenance",
    "independent_origins",
    "grounded_labels",
    "why",
    "why_grounded",
    "status",
    "statuses",
    "positions",
    "claim_positions",
    "propositions",
    "strength",
    "strengths",
    "argument_framework",
    "grounded_labelling",
]


def test_queries_all_lists_every_public_name() -> None:
    public = {
        name
        for name, value in vars(queries).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"
    }
    assert sorted(queries.__all__) == sorted(public)


@pytest.mark.parametrize("name", QUERY_FUNCTIONS)
def test_every_query_has_a_runnable_example(name: str) -> None:
    assert ">>> " in (getattr(queries, name).__doc__ or "")
