"""The analysis shipped in the page data: the same answers ``claimgraph query ... --json`` prints, and a history
whose every step is what ``status(..., as_of=that day)`` says."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from support import SHIPPED

import graph
import graph.querycli as querycli
from graph.cli import main
from graph.page_analysis import page_analysis, status_history
from graph.queries import status
from graph.render import page_data


@pytest.fixture(scope="module")
def shipped() -> tuple[nx.MultiDiGraph, list[str], dict[str, Any]]:
    """The shipped graph, its node ids in page order, and the analysis the page gets (as of today), with the
    why and origins shipped apart (``data["explanations"]``) put back in place, as the page does on first need."""
    G = graph.load(SHIPPED)
    data = page_data(G)
    return G, list(G), explained(data["analysis"], data["explanations"])


def explained(analysis: dict[str, Any], explanations: dict[str, Any]) -> dict[str, Any]:
    """The analysis with its explanations back in place (what ``CG.analysis.explain`` does in the page)."""
    claims = {i: c | explanations["claims"][i] for i, c in analysis["claims"].items()}
    propositions = [p | {"why": explanations["propositions"].get(p["node"])} for p in analysis["propositions"]]
    return analysis | {"claims": claims, "propositions": propositions}


def test_the_why_and_origins_are_shipped_apart_from_the_analysis_the_page_draws_from() -> None:
    data = page_data(graph.load(SHIPPED))
    assert not any("why" in p for p in data["analysis"]["propositions"])
    assert not any({"why", "origins"} & set(c) for c in data["analysis"]["claims"].values())
    assert set(data["explanations"]["claims"]) == set(data["analysis"]["claims"])


def _cli_json(capsys: pytest.CaptureFixture[str], *words: str) -> Any:
    assert main(["query", *words, "--json", "--data", str(SHIPPED)]) == 0
    return json.loads(capsys.readouterr().out)


def test_statuses_are_those_query_status_prints(capsys: pytest.CaptureFixture[str], shipped: Any) -> None:
    _, ids, analysis = shipped
    printed = _cli_json(capsys, "status")
    assert analysis["asOf"] == printed["as_of"] == dt.date.today().isoformat()
    shipped_form = [
        {
            "proposition": ids[p["node"]],
            "status": p["status"],
            "since": p["since"],
            "days": p["days"],
            "began": ids[p["began"]] if p["began"] is not None else None,
            "roles": {role: [ids[c] for c in claims] for role, claims in p["roles"].items()},
            "withdrawn": [ids[c] for c, _ in p["withdrawn"]],
            "evidence_for": [ids[e] for e in p["evidenceFor"]],
            "evidence_against": [ids[e] for e in p["evidenceAgainst"]],
        }
        for p in analysis["propositions"]
    ]
    expected = []
    for p in printed["propositions"]:
        roles: dict[str, list[str]] = {}
        for stand in p["stands"]:
            roles.setdefault(stand["role"], []).append(stand["claim"])
        expected.append(
            {
                "proposition": p["proposition"],
                **{key: p[key] for key in ("status", "since", "days", "began", "evidence_for", "evidence_against")},
                "roles": roles,
                "withdrawn": [s["claim"] for s in p["stands"] if s["withdrawn"]],
            }
        )
    assert shipped_form == expected


def test_open_questions_are_the_disputed_and_the_unanswered_in_query_order(
    capsys: pytest.CaptureFixture[str], shipped: Any
) -> None:
    _, ids, analysis = shipped
    unanswered = {p["proposition"] for p in _cli_json(capsys, "unanswered")["propositions"]}
    printed = _cli_json(capsys, "status")["propositions"]
    expected = [p["proposition"] for p in printed if p["status"] == "disputed" or p["proposition"] in unanswered]
    assert [ids[i] for i in analysis["open"]] == expected
    assert "us-trains-isis" in expected and unanswered <= set(expected)


def test_open_questions_on_any_day_follow_from_each_propositions_status_and_whether_it_is_at_issue(
    shipped: Any,
) -> None:
    """The page's slider lists the open questions of an earlier day from each proposition's history and its
    ``atIssue`` flag; on the analysis day that rule must give exactly Python's list."""
    G, ids, analysis = shipped
    by_rule = [
        p["node"]
        for p in analysis["propositions"]
        if p["status"] == "disputed" or (p["status"] == "unanswered" and p["atIssue"])
    ]
    assert by_rule == analysis["open"]
    unanswered_reports = [p for p in analysis["propositions"] if p["status"] == "unanswered" and not p["atIssue"]]
    assert unanswered_reports, "the shipped data has unanswered claims that are not accusations"
    assert all(G.nodes[ids[p["node"]]].get("kind") != "accusation" for p in unanswered_reports)


def test_strengths_are_those_query_strength_prints_to_two_decimals(
    capsys: pytest.CaptureFixture[str], shipped: Any
) -> None:
    _, ids, analysis = shipped
    printed = _cli_json(capsys, "strength")["strengths"]
    claims = {ids[i]: c["strength"] for i, c in analysis["claims"].items()}
    assert claims == {c: float(f"{printed[c]['strength']:.2f}") if c in printed else None for c in claims}
    propositions = {ids[p["node"]]: p["strength"] for p in analysis["propositions"]}
    assert propositions["us-trains-isis"] == float(f"{printed['us-trains-isis']['strength']:.2f}")


def _query(G: nx.MultiDiGraph, query: Callable[..., querycli.Answer], **options: Any) -> Any:
    return query(G, argparse.Namespace(as_of=None, **options)).data


def test_each_claim_carries_the_why_paragraph_query_why_prints(shipped: Any) -> None:
    G, ids, analysis = shipped
    for i, claim in analysis["claims"].items():
        assert claim["why"] == _query(G, querycli.why, subject=ids[i])["reason"], ids[i]


def test_each_proposition_carries_the_why_paragraph_query_why_prints(shipped: Any) -> None:
    G, ids, analysis = shipped
    for p in analysis["propositions"]:
        shipped_why = p["why"] if p["why"] is not None else analysis["claims"][p["node"]]["why"]
        assert shipped_why == _query(G, querycli.why, subject=ids[p["node"]])["reason"], ids[p["node"]]
    assert [ids[p["node"]] for p in analysis["propositions"] if p["why"] is not None] == [
        "isis-operates-from-tanf",
        "us-supports-isis",
        "us-trains-isis",
        "militant-training-at-tanf",
    ]


def test_each_claim_carries_its_origins_and_report_paths_as_query_origins_prints(shipped: Any) -> None:
    G, ids, analysis = shipped
    for i, claim in analysis["claims"].items():
        printed = _query(G, querycli.origins, subject=ids[i], by="body")["origins"]
        expected = [
            [origin, [[r["path"], [c["chain"] for c in r["reports"]]] for r in routes]]
            for origin, routes in printed.items()
        ]
        assert claim["origins"] == expected, ids[i]
    gerasimov = analysis["claims"][ids.index("gerasimov-training")]["origins"]
    assert [origin for origin, _ in gerasimov] == ["russian-government", "isis-fighter-captured-by-saa"]


def test_each_claim_names_its_propositions_and_stances(shipped: Any) -> None:
    _, ids, analysis = shipped
    denial = analysis["claims"][ids.index("rebarich-denies-training")]
    assert [[ids[p], role] for p, role in denial["positions"]] == [
        ["us-trains-isis", "denies"],
        ["us-supports-isis", "denies"],
    ]
    own = analysis["claims"][ids.index("konashenkov-human-shields")]  # no declared proposition: it stands for its own
    assert [[ids[p], role] for p, role in own["positions"]] == [["konashenkov-human-shields", "asserts"]]
    assert ids.index("konashenkov-human-shields") in {p["node"] for p in analysis["propositions"]}


def test_every_history_step_is_the_status_as_of_that_day_and_the_day_before_is_the_step_before(
    shipped: Any,
) -> None:
    G, ids, analysis = shipped
    for p in analysis["propositions"]:
        proposition, previous = ids[p["node"]], ["not yet made", None]
        assert p["history"], proposition
        for day, name, since in p["history"]:
            on = dt.date.fromisoformat(day)
            then = status(G, proposition, as_of=on)
            before = status(G, proposition, as_of=on - dt.timedelta(days=1))
            assert [then.status, then.since] == [name, since], (proposition, day)
            assert [before.status, before.since] == previous, (proposition, day)
            previous = [name, since]
        assert previous == [p["status"], p["since"]], proposition


MINI_DISPUTE = """
sides:
  - {id: red, name: Red}
  - {id: blue, name: Blue}
actors:
  - {id: red-ministry, name: Red Ministry, kind: government-body, side: red}
  - {id: blue-force, name: Blue force, kind: armed-force, side: blue}
sources:
  - {id: doc, title: Doc, publisher: red-ministry}
claims:
  - {id: camp, claimant: red-ministry, kind: accusation, text: A camp at the base., date: 2017-10-06,
     targets: [blue-force], reports: [doc]}
  - {id: no-camp, claimant: blue-force, kind: denial, text: No camp., date: 2017-10-20,
     targets: [red-ministry], responds_to: [{denies: camp}], reports: [doc]}
"""


def test_a_denial_after_an_accusation_turns_unanswered_into_disputed_on_the_day_it_is_on_record(
    write_yaml: Callable[[str], Path],
) -> None:
    G = graph.load(write_yaml(MINI_DISPUTE))
    assert status_history(G, "camp") == [
        ["2017-10-06", "unanswered", "2017-10-06"],
        ["2017-10-20", "disputed", "2017-10-20"],
    ]
    nodes = {n: i for i, n in enumerate(G)}
    analysis = page_analysis(G, nodes, as_of="2017-10-19")
    assert analysis["asOf"] == "2017-10-19"
    (camp,) = (p for p in analysis["propositions"] if p["node"] == nodes["camp"])
    assert (camp["status"], camp["since"], camp["roles"]) == ("unanswered", "2017-10-06", {"asserts": [nodes["camp"]]})
    assert camp["history"][-1] == ["2017-10-20", "disputed", "2017-10-20"]  # the history runs past as_of
    assert analysis["open"] == [nodes["camp"]]


def test_an_undated_denial_counts_from_the_build_day_on(write_yaml: Callable[[str], Path]) -> None:
    G = graph.load(write_yaml(MINI_DISPUTE.replace("date: 2017-10-20,", "")))
    today = dt.date.today().isoformat()
    assert status_history(G, "camp") == [["2017-10-06", "unanswered", "2017-10-06"], [today, "disputed", None]]
    no_camp = page_analysis(G, {n: i for i, n in enumerate(G)})["claims"][list(G).index("no-camp")]
    assert no_camp["onRecord"] is None
