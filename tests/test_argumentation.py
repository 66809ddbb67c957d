"""Grounded semantics: frameworks with known answers, random frameworks against a brute force, and the graph."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import graph
from graph.queries import grounded_labelling, grounded_labels
from graph.queries import why_grounded as why


def brute_force_grounded(arguments: Iterable[Hashable], attacks: Iterable[tuple[Hashable, Hashable]]) -> dict:
    """Labels from the least fixed point of F(S) = {a | every attacker of a is attacked by S}, from the empty set."""
    args = set(arguments) | {x for pair in attacks for x in pair}
    attackers = {a: {u for u, v in attacks if v == a} for a in args}
    extension: set[Hashable] = set()
    while True:
        defeated = {v for u, v in attacks if u in extension}
        following = {a for a in args if attackers[a] <= defeated}
        if following == extension:
            break
        extension = following
    defeated = {v for u, v in attacks if u in extension}
    return {a: "in" if a in extension else "out" if a in defeated else "undec" for a in args}


@pytest.mark.parametrize(
    ("arguments", "attacks", "expected"),
    [
        pytest.param("a", [], {"a": "in"}, id="unattacked-is-in"),
        pytest.param("abc", [("a", "b"), ("b", "c")], {"a": "in", "b": "out", "c": "in"}, id="chain-reinstates"),
        pytest.param("ab", [("a", "b"), ("b", "a")], {"a": "undec", "b": "undec"}, id="nixon-diamond-mutual-attack"),
        pytest.param("abc", [("a", "b"), ("b", "c"), ("c", "a")], dict.fromkeys("abc", "undec"), id="odd-cycle"),
        pytest.param(
            "abcd",
            [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")],
            dict.fromkeys("abcd", "undec"),
            id="even-cycle-is-undec-in-grounded",
        ),
        pytest.param("a", [("a", "a")], {"a": "undec"}, id="self-attack"),
        pytest.param(
            "ab", [("a", "a"), ("a", "b")], {"a": "undec", "b": "undec"}, id="self-attacker-leaves-target-undec"
        ),
        pytest.param(
            "abc",
            [("a", "b"), ("b", "a"), ("c", "b")],
            {"a": "in", "b": "out", "c": "in"},
            id="outside-attacker-breaks-cycle",
        ),
        pytest.param(
            "abcde",
            [("a", "b"), ("c", "b"), ("c", "d"), ("d", "c"), ("d", "e"), ("e", "e")],
            {"a": "in", "b": "out", "c": "undec", "d": "undec", "e": "undec"},
            id="dung-1995-mixed",
        ),
    ],
)
def test_grounded_labelling_matches_the_literature(
    arguments: str, attacks: list[tuple[str, str]], expected: dict[str, str]
) -> None:
    assert grounded_labelling(arguments, attacks) == expected


def test_argument_named_only_in_an_attack_is_labelled() -> None:
    assert grounded_labelling([], [("a", "b")]) == {"a": "in", "b": "out"}


def test_duplicate_attacks_count_once() -> None:
    assert grounded_labelling("abc", [("a", "b"), ("a", "b"), ("b", "c")]) == {"a": "in", "b": "out", "c": "in"}


frameworks = st.integers(1, 24).flatmap(
    lambda n: st.tuples(
        st.just(list(range(n))),
        # up to half of all possible attacks: sparse chains and dense tangles of cycles both occur
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n * n // 2),
    )
)


@settings(max_examples=300, deadline=None)
@given(frameworks)
def test_grounded_labelling_agrees_with_brute_force_on_generated_frameworks(
    framework: tuple[list[int], list[tuple[int, int]]],
) -> None:
    arguments, attacks = framework
    assert grounded_labelling(arguments, attacks) == brute_force_grounded(arguments, attacks)


def test_grounded_labelling_is_linear_not_quadratic() -> None:
    # A long chain a0 -> a1 -> ... alternates in/out; a quadratic rescan would take minutes here.
    n = 200_000
    labels = grounded_labelling(range(n), ((i, i + 1) for i in range(n - 1)))
    assert labels[0] == "in" and labels[1] == "out" and labels[n - 1] == ("in" if (n - 1) % 2 == 0 else "out")


# --- on claim graphs ---------------------------------------------------------------------------

HEADER = """
actors:
  - {id: a, name: A, kind: person}
  - {id: b, name: B, kind: person}
sources:
  - {id: s, title: S}
claims:
"""


def claims_graph(*claims: str) -> nx.MultiDiGraph:
    return graph.build_graph(graph.parse_dataset(HEADER + "\n".join(claims)))


def claim(cid: str, *, kind: str = "accusation", date: str | None = None, responds: str = "") -> str:
    dated = f", date: '{date}'" if date else ""
    answer = f", responds_to: [{responds}]" if responds else ""
    return f"  - {{id: {cid}, claimant: a, kind: {kind}, text: {cid}, reports: [s]{dated}{answer}}}"


MUTUAL_DENIALS = (claim("x", kind="denial", responds="{denies: y}"), claim("y", kind="denial", responds="{denies: x}"))


def test_denial_attacks_the_claim_it_denies() -> None:
    G = claims_graph(claim("x"), claim("d", kind="denial", responds="{denies: x}"))
    assert grounded_labels(G) == {"d": "in", "x": "out"}


def test_rebuttal_attacks_the_claim_it_rebuts() -> None:
    G = claims_graph(claim("x"), claim("r", kind="rebuttal", responds="{rebuts: x}"))
    assert grounded_labels(G)["x"] == "out"


@pytest.mark.parametrize("how", ["concedes", "supports", "repeats"])
def test_concession_support_and_repetition_are_not_attacks(how: str) -> None:
    G = claims_graph(claim("x"), claim("y", kind="statement", responds=f"{{{how}: x}}"))
    assert grounded_labels(G) == {"x": "in", "y": "in"}


def test_claims_denying_each_other_are_undecided() -> None:
    G = claims_graph(*MUTUAL_DENIALS)
    assert grounded_labels(G) == {"x": "undec", "y": "undec"}


def test_denied_denial_reinstates_the_accusation() -> None:
    G = claims_graph(
        claim("x"),
        claim("d", kind="denial", responds="{denies: x}"),
        claim("r", kind="rebuttal", responds="{rebuts: d}"),
    )
    assert grounded_labels(G) == {"r": "in", "d": "out", "x": "in"}


def test_as_of_counts_only_claims_certainly_made_by_then() -> None:
    G = claims_graph(claim("x", date="2017-10-01"), claim("d", kind="denial", date="2017-10", responds="{denies: x}"))
    assert grounded_labels(G, as_of="2017-10-15") == {"x": "in"}
    assert grounded_labels(G, as_of="2017-10") == {"x": "out", "d": "in"}


def test_as_of_leaves_out_undated_claims() -> None:
    G = claims_graph(claim("x", date="2017-10-01"), claim("d", kind="denial", responds="{denies: x}"))
    assert grounded_labels(G, as_of="2030") == {"x": "in"}
    assert grounded_labels(G) == {"x": "out", "d": "in"}


def test_grounded_labels_are_in_date_order_with_undated_last() -> None:
    G = claims_graph(claim("u"), claim("late", date="2018"), claim("early", date="2017-05-01"))
    assert list(grounded_labels(G)) == ["early", "late", "u"]


def test_why_names_the_attacker_that_is_in() -> None:
    G = claims_graph(claim("x"), claim("d", kind="denial", responds="{denies: x}"))
    assert why(G, "x") == ("x", "out", ("d",), "out: d denies it and is in")


def test_why_explains_an_unattacked_claim() -> None:
    G = claims_graph(claim("x"))
    assert why(G, "x").reason == "in: nothing denies or rebuts it"


def test_why_explains_a_reinstated_claim() -> None:
    G = claims_graph(
        claim("x"),
        claim("d", kind="denial", responds="{denies: x}"),
        claim("r", kind="rebuttal", responds="{rebuts: d}"),
    )
    assert why(G, "x") == ("x", "in", ("d",), "in: d denies it, but each is out")


def test_why_shows_the_cycle_that_leaves_a_claim_undecided() -> None:
    G = claims_graph(*MUTUAL_DENIALS)
    assert (
        why(G, "x").reason == "undec: y denies it, undecided, and no attacker is in; "
        "it lies on a cycle of attacks: x → y → x"
    )


def test_why_says_when_undecided_only_downstream_of_a_cycle() -> None:
    G = claims_graph(
        claim("x", kind="denial", responds="{denies: y}, {denies: w}"),
        claim("y", kind="denial", responds="{denies: x}"),
        claim("w", kind="rebuttal", responds="{rebuts: z}"),
        claim("z", kind="statement"),
    )
    explanation = why(G, "z")
    assert explanation.label == "undec" and explanation.attackers == ("w",)
    assert explanation.reason.endswith("they depend on a cycle of attacks")


def test_why_says_a_claim_was_not_yet_made_as_of_an_earlier_date() -> None:
    G = claims_graph(claim("x", date="2018-01-02"))
    assert why(G, "x", as_of="2017") == (
        "x",
        None,
        (),
        "not yet made: it is dated 2018-01-02, so it was not certainly made by 2017",
    )


def test_why_on_shipped_data_names_the_pentagon_denial(shipped_graph: nx.MultiDiGraph) -> None:
    assert why(shipped_graph, "gerasimov-training").attackers == ("rebarich-denies-training",)
