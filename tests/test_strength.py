"""DF-QuAD strengths: worked examples, the semantics' stated properties, an independent implementation, cycles."""

from __future__ import annotations

import math
from functools import reduce

import pytest
from argumentation.gradual.dfquad import dfquad_strengths as reference_dfquad
from argumentation.gradual.gradual import WeightedBipolarGraph
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import ClaimgraphError
from graph.queries import dfquad, dfquad_strengths, grounded_labelling
from graph.queries.strength import aggregate, combine

unit = st.floats(min_value=0.0, max_value=1.0)

Pairs = list[tuple[int, int]]
QBAF = tuple[list[int], dict[int, float], Pairs, Pairs]


@st.composite
def acyclic_qbafs(draw: st.DrawFn, max_size: int = 20) -> QBAF:
    """A random acyclic QBAF: arguments listed in any order, edges only from a lower to a higher number."""
    n = draw(st.integers(1, max_size))
    base = {i: draw(unit) for i in range(n)}
    attacks: Pairs = []
    supports: Pairs = []
    for j in range(n):
        for i in range(j):
            kind = draw(st.sampled_from(["none", "none", "none", "attack", "support"]))
            if kind == "attack":
                attacks.append((i, j))
            elif kind == "support":
                supports.append((i, j))
    order = draw(st.permutations(list(range(n))))
    return list(order), base, attacks, supports


# --- the two functions DF-QuAD is made of -------------------------------------------------------------------------


def test_aggregation_is_the_probabilistic_sum_folded_pairwise() -> None:
    """Rago et al. 2016 define F over a sequence by f*(x, y) = x + y - x·y, applied pairwise; 0 for no values."""
    values = [0.2, 0.6, 0.5]
    assert aggregate(values) == pytest.approx(reduce(lambda x, y: x + y - x * y, values))
    assert aggregate(values) == pytest.approx(0.84)
    assert aggregate([]) == 0.0


@pytest.mark.parametrize(
    ("base", "attack", "support", "expected"),
    [
        pytest.param(0.5, 0.84, 0.0, 0.08, id="attack-only-scales-the-base-down"),
        pytest.param(0.5, 0.0, 0.724, 0.862, id="support-only-scales-the-room-above-up"),
        pytest.param(0.5, 0.2, 0.9, 0.85, id="net-support"),
        pytest.param(0.5, 0.6, 0.5, 0.45, id="net-attack"),
        pytest.param(0.3, 0.4, 0.4, 0.3, id="balance"),
        pytest.param(0.7, 1.0, 0.0, 0.0, id="full-attack-reaches-0"),
        pytest.param(0.2, 0.0, 1.0, 1.0, id="full-support-reaches-1"),
    ],
)
def test_combination_follows_the_df_quad_formula(base: float, attack: float, support: float, expected: float) -> None:
    """c(v0, va, vs) = v0 - v0·(va - vs) if va >= vs, else v0 + (1 - v0)·(vs - va) (Rago et al. 2016)."""
    assert combine(base, attack, support) == pytest.approx(expected)


@settings(max_examples=300, deadline=None)
@given(unit, unit, unit, unit, unit)
def test_combination_has_no_discontinuity(
    base: float, attack: float, support: float, attack2: float, support2: float
) -> None:
    """Discontinuity-freeness, DF-QuAD's reason to exist: c moves by at most the change in attack plus support."""
    moved = abs(combine(base, attack, support) - combine(base, attack2, support2))
    assert moved <= abs(attack - attack2) + abs(support - support2) + 1e-12


@settings(max_examples=300, deadline=None)
@given(unit, unit, unit)
def test_combination_balances_stays_in_range_and_leans_the_right_way(
    base: float, attack: float, support: float
) -> None:
    """Balance: equal attack and support keep the base; more attack never raises, more support never lowers it."""
    assert combine(base, attack, attack) == base
    assert 0.0 <= combine(base, attack, support) <= 1.0
    if attack > support:
        assert combine(base, attack, support) <= base
    if support > attack:
        assert combine(base, attack, support) >= base


# --- worked examples --------------------------------------------------------------------------------------------

E_DEMOCRACY_BASE = {"A1": 0.5, "A2": 0.5, "P1": 0.7, "P2": 0.5, "P3": 0.9, "C1": 0.2, "C2": 0.2, "C3": 0.6, "C4": 0.5}
E_DEMOCRACY_ATTACKS = [("C1", "A2"), ("C2", "P2"), ("C3", "P2"), ("C4", "P2")]
E_DEMOCRACY_SUPPORTS = [("P1", "A1"), ("P2", "A1"), ("P3", "A2")]


def test_e_democracy_example_gives_the_reference_implementations_numbers() -> None:
    """Rago et al.'s e-democracy example, as Potyka's Uncertainpy ships it (bags/RagoEtAlEDemocracy.bag).

    Uncertainpy's notebook examples/gradual/gradual_argumentation_examples.ipynb ("Computation via
    Forward Propagation", product aggregation with linear influence, i.e. DF-QuAD) prints
    A1 0.862, A2 0.85, P2 0.08 and every leaf at its base score. By hand:
    P2 = 0.5 - 0.5·(1 - 0.8·0.4·0.5) = 0.08; A1 = 0.5 + 0.5·(1 - 0.3·0.92) = 0.862; A2 = 0.5 + 0.5·(0.9 - 0.2) = 0.85.
    (We could not consult the paper's own figure; these are the reference implementation's published outputs.)
    """
    strengths = dfquad_strengths(E_DEMOCRACY_BASE, E_DEMOCRACY_BASE, E_DEMOCRACY_ATTACKS, E_DEMOCRACY_SUPPORTS)
    expected = {**E_DEMOCRACY_BASE, "A1": 0.862, "A2": 0.85, "P2": 0.08}
    assert strengths == pytest.approx(expected)


def test_e_democracy_example_explains_each_strength() -> None:
    result = dfquad(E_DEMOCRACY_BASE, E_DEMOCRACY_BASE, E_DEMOCRACY_ATTACKS, E_DEMOCRACY_SUPPORTS)
    a1, p2 = result["A1"], result["P2"]
    assert (a1.base, a1.attack, a1.support) == (0.5, 0.0, pytest.approx(0.724))
    assert a1.supporters == (("P1", 0.7), ("P2", pytest.approx(0.08)))
    assert [a for a, _ in p2.attackers] == ["C3", "C4", "C2"]  # strongest first
    assert a1.describe() == "strength 0.86: base 0.5, supported by P1 (0.7) and P2 (0.08)"
    assert p2.describe() == "strength 0.08: base 0.5, attacked by C3 (0.6), C4 (0.5) and C2 (0.2)"
    assert result["C1"].describe() == "strength 0.2: base 0.2, nothing attacks or supports it"
    assert result["A2"].describe() == "strength 0.85: base 0.5, supported by P3 (0.9), attacked by C1 (0.2)"


def test_bare_denial_does_not_defeat_a_supported_claim() -> None:
    """The pattern of issue 10: an accusation with evidence and two independent origins against one bare denial."""
    base = {"accusation": 0.5, "finding": 0.8, "witness": 0.6, "denial": 0.5}
    result = dfquad(
        base,
        base,
        attacks=[("denial", "accusation")],
        supports=[("finding", "accusation"), ("witness", "accusation")],
    )
    assert result["accusation"].strength == pytest.approx(0.5 + 0.5 * (0.92 - 0.5))
    assert result["accusation"].strength > result["denial"].strength


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_with_base_scores_of_1_and_only_attacks_df_quad_is_the_grounded_labelling(data: st.DataObject) -> None:
    """With every base score 1 and only attacks, c(1, va, 0) = 1 - va, and F is 1 as soon as one attacker has
    strength 1: on acyclic frameworks DF-QuAD gives 1 to the grounded extension and 0 to the rest, which we
    check against our own grounded labelling."""
    arguments, _, attacks, supports = data.draw(acyclic_qbafs())
    attacks = attacks + supports
    strengths = dfquad_strengths(arguments, dict.fromkeys(arguments, 1.0), attacks)
    labels = grounded_labelling(arguments, attacks)
    assert strengths == {a: 1.0 if labels[a] == "in" else 0.0 for a in arguments}


# --- properties on random acyclic frameworks ----------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(acyclic_qbafs())
def test_agrees_with_an_independent_implementation(qbaf: QBAF) -> None:
    """formal-argumentation (PyPI), written apart from this one, gives the same strengths on acyclic QBAFs."""
    arguments, base, attacks, supports = qbaf
    names = {a: f"n{a}" for a in arguments}
    reference = reference_dfquad(
        WeightedBipolarGraph(
            arguments=frozenset(names.values()),
            initial_weights={names[a]: base[a] for a in arguments},
            attacks=frozenset((names[u], names[v]) for u, v in attacks),
            supports=frozenset((names[u], names[v]) for u, v in supports),
        )
    ).strengths
    ours = dfquad_strengths(arguments, base, attacks, supports)
    assert {names[a]: s for a, s in ours.items()} == pytest.approx(reference, abs=1e-12)


@settings(max_examples=300, deadline=None)
@given(acyclic_qbafs())
def test_every_strength_is_in_range_and_solves_the_df_quad_equation(qbaf: QBAF) -> None:
    arguments, base, attacks, supports = qbaf
    result = dfquad(arguments, base, attacks, supports)
    assert list(result) == arguments
    for a, s in result.items():
        assert 0.0 <= s.strength <= 1.0
        assert s.strength == pytest.approx(combine(base[a], s.attack, s.support), abs=1e-12)
        assert (s.cyclic, s.converged) == (False, True)
    assert (result.converged, result.residual) == (True, 0.0)


@settings(max_examples=300, deadline=None)
@given(acyclic_qbafs())
def test_unattacked_unsupported_arguments_keep_their_base_score(qbaf: QBAF) -> None:
    arguments, base, attacks, supports = qbaf
    targets = {v for _, v in attacks + supports}
    strengths = dfquad_strengths(arguments, base, attacks, supports)
    assert all(strengths[a] == base[a] for a in arguments if a not in targets)


@settings(max_examples=300, deadline=None)
@given(acyclic_qbafs())
def test_attack_alone_lowers_and_support_alone_raises(qbaf: QBAF) -> None:
    arguments, base, attacks, supports = qbaf
    attacked, supported = {v for _, v in attacks}, {v for _, v in supports}
    strengths = dfquad_strengths(arguments, base, attacks, supports)
    assert all(strengths[a] <= base[a] for a in attacked - supported)
    assert all(strengths[a] >= base[a] for a in supported - attacked)


@settings(max_examples=300, deadline=None)
@given(acyclic_qbafs(), st.data())
def test_a_new_attacker_never_raises_and_a_new_supporter_never_lowers(qbaf: QBAF, data: st.DataObject) -> None:
    """Monotonicity: adding an argument that attacks (supports) one target leaves it no stronger (weaker)."""
    arguments, base, attacks, supports = qbaf
    target = data.draw(st.sampled_from(arguments))
    before = dfquad_strengths(arguments, base, attacks, supports)[target]
    newcomer = {**base, -1: data.draw(unit)}
    attacked = dfquad_strengths(arguments, newcomer, [*attacks, (-1, target)], supports)[target]
    supported = dfquad_strengths(arguments, newcomer, attacks, [*supports, (-1, target)])[target]
    assert attacked <= before + 1e-12
    assert supported >= before - 1e-12


@settings(max_examples=300, deadline=None)
@given(acyclic_qbafs(), st.data())
def test_a_stronger_attacker_never_helps_and_a_stronger_supporter_never_hurts(qbaf: QBAF, data: st.DataObject) -> None:
    """Monotonicity in the sources: raising a direct attacker's (supporter's) base score, which has nothing
    else on the way to the target, leaves the target no stronger (no weaker)."""
    arguments, base, attacks, supports = qbaf
    edges = [(u, v, "attack") for u, v in attacks] + [(u, v, "support") for u, v in supports]
    only_path = [(u, v, how) for u, v, how in edges if sum(1 for x, _, _ in edges if x == u) == 1]
    if not only_path:
        return
    source, target, how = data.draw(st.sampled_from(only_path))
    raised = {**base, source: data.draw(st.floats(base[source], 1.0))}
    before = dfquad_strengths(arguments, base, attacks, supports)[target]
    after = dfquad_strengths(arguments, raised, attacks, supports)[target]
    assert after <= before + 1e-12 if how == "attack" else after >= before - 1e-12


# --- cycles -------------------------------------------------------------------------------------------------------


def test_mutual_attack_settles_where_qbaf_py_does() -> None:
    """QBAF-Py (Kampik et al.), tests/test_cycles.py: a (base 1) and b (base 0.5) attacking each other: 1 and 0."""
    result = dfquad("ab", {"a": 1.0, "b": 0.5}, attacks=[("a", "b"), ("b", "a")])
    assert result.to_dict() == pytest.approx({"a": 1.0, "b": 0.0}, abs=1e-5)
    assert result.converged and result.residual <= 1e-6
    assert result["a"].cyclic and result["b"].cyclic


def test_four_cycle_of_attacks_settles_at_its_fixed_point() -> None:
    """QBAF-Py's four-node attack cycle (bases 0.1): all equal and below 0.1, namely x = 0.1·(1 - x) = 1/11."""
    result = dfquad("abcd", dict.fromkeys("abcd", 0.1), attacks=[("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")])
    assert result.to_dict() == pytest.approx(dict.fromkeys("abcd", 1 / 11), abs=1e-5)


def test_symmetric_mutual_attack_settles_halfway_where_plain_iteration_oscillates() -> None:
    """Two arguments of base 1 attacking each other: iterating σ ← f(σ) flips between (1, 1) and (0, 0) for ever
    (the independent implementation reports no convergence); the continuous system (Potyka 2018) settles at 0.5."""
    base = {"a": 1.0, "b": 1.0}
    attacks = [("a", "b"), ("b", "a")]
    iterated = reference_dfquad(
        WeightedBipolarGraph(arguments=frozenset(base), initial_weights=base, attacks=frozenset(attacks)),
        max_iterations=100,
    )
    assert not iterated.converged
    result = dfquad(base, base, attacks)
    assert result.converged
    assert result.to_dict() == pytest.approx({"a": 0.5, "b": 0.5}, abs=1e-5)


def test_cycle_result_solves_the_df_quad_equations_within_tolerance() -> None:
    """Potyka's stock example (Uncertainpy bags/stock_example.bag): a buy/sell mutual attack fed by an acyclic part.
    The plain iteration of the independent implementation reaches the same fixed point."""
    base = {"Buy": 0.5, "Sell": 0.5, "1": 0.8, "2": 0.7, "3": 0.3, "4": 0.9, "5": 0.9}
    attacks = [("Buy", "Sell"), ("Sell", "Buy"), ("2", "1"), ("3", "2"), ("4", "3"), ("5", "1")]
    supports = [("1", "Sell"), ("2", "Buy"), ("4", "2"), ("5", "Buy")]
    result = dfquad(base, base, attacks, supports, tolerance=1e-9)
    for a, s in result.items():
        assert s.strength == pytest.approx(combine(base[a], s.attack, s.support), abs=1e-8)
        assert s.cyclic == (a in {"Buy", "Sell"})
    iterated = reference_dfquad(
        WeightedBipolarGraph(
            arguments=frozenset(base), initial_weights=base, attacks=frozenset(attacks), supports=frozenset(supports)
        )
    )
    assert iterated.converged
    assert result.to_dict() == pytest.approx(iterated.strengths, abs=1e-7)


def test_unsettled_cycle_is_reported_and_so_is_everything_downstream() -> None:
    base = {"a": 1.0, "b": 1.0, "c": 0.5, "d": 0.5}
    result = dfquad(base, base, attacks=[("a", "b"), ("b", "a"), ("b", "c")], max_steps=3)
    assert not result.converged
    assert result.residual > 1e-6
    assert [result[x].converged for x in "abcd"] == [False, False, False, True]
    assert [result[x].cyclic for x in "abcd"] == [True, True, False, False]
    assert result["a"].describe() == (
        "strength 0.77: base 1, attacked by b (0.77); on a cycle, found by iteration; did not converge, so approximate"
    )


def test_argument_downstream_of_a_settled_cycle_is_computed_from_it() -> None:
    result = dfquad("abc", {"a": 1.0, "b": 1.0, "c": 0.6}, attacks=[("a", "b"), ("b", "a")], supports=[("a", "c")])
    assert result["c"].strength == pytest.approx(0.6 + 0.4 * result["a"].strength, abs=1e-12)
    assert (result["c"].cyclic, result["c"].converged) == (False, True)


def test_self_attack_is_a_cycle_of_one() -> None:
    """x = 0.8·(1 - x) gives x = 0.8 / 1.8."""
    result = dfquad("a", {"a": 0.8}, attacks=[("a", "a")])
    assert result["a"].strength == pytest.approx(0.8 / 1.8, abs=1e-5)
    assert result["a"].cyclic and result.converged


@settings(max_examples=100, deadline=None)
@given(acyclic_qbafs(max_size=8), st.data())
def test_random_cycles_stay_in_range_and_converged_ones_solve_the_equations(qbaf: QBAF, data: st.DataObject) -> None:
    arguments, base, attacks, supports = qbaf
    back = data.draw(st.lists(st.tuples(st.sampled_from(arguments), st.sampled_from(arguments)), max_size=4))
    attacks = attacks + [pair for pair in back if pair not in supports]
    result = dfquad(arguments, base, attacks, supports)
    for a, s in result.items():
        assert 0.0 <= s.strength <= 1.0
        if result.converged:
            assert s.strength == pytest.approx(combine(base[a], s.attack, s.support), abs=1e-4)


# --- input ------------------------------------------------------------------------------------------------------


def test_arguments_named_only_in_a_pair_are_added_and_extra_base_scores_ignored() -> None:
    strengths = dfquad_strengths(["a"], {"a": 0.5, "b": 0.4, "unused": 0.9}, attacks=[("b", "a")])
    assert strengths == {"a": pytest.approx(0.3), "b": 0.4}


def test_repeated_pairs_count_once() -> None:
    assert dfquad_strengths("ab", {"a": 0.5, "b": 0.5}, attacks=[("b", "a"), ("b", "a")]) == {"a": 0.25, "b": 0.5}


def test_every_problem_in_the_framework_is_reported_at_once() -> None:
    with pytest.raises(ClaimgraphError) as caught:
        dfquad(
            ["a", "b", "c", "d"],
            {"a": 1.5, "b": math.nan, "d": True},
            attacks=[("a", "b")],
            supports=[("a", "b")],
        )
    assert str(caught.value) == (
        "invalid argumentation framework: argument 'a' has base score 1.5, not a number from 0 to 1; "
        "argument 'b' has base score nan, not a number from 0 to 1; argument 'c' has no base score; "
        "argument 'd' has base score True, not a number from 0 to 1; 'a' both attacks and supports 'b'"
    )


@pytest.mark.parametrize(("tolerance", "max_steps"), [(0.0, 10), (math.nan, 10), (1e-6, -1)])
def test_iteration_limits_must_make_sense(tolerance: float, max_steps: int) -> None:
    with pytest.raises(ClaimgraphError, match="tolerance must be above 0 and max_steps at least 0"):
        dfquad("a", {"a": 0.5}, tolerance=tolerance, max_steps=max_steps)


def test_empty_framework_has_no_strengths() -> None:
    result = dfquad([], {})
    assert (len(result), result.to_dict(), result.converged) == (0, {}, True)


# --- grounds: a claim is no stronger than what it rests on (necessary support) ------------------------------------


@st.composite
def grounded_qbafs(draw: st.DrawFn) -> tuple[QBAF, Pairs]:
    """An acyclic QBAF with some grounds, each from a lower to a higher number, so the whole stays acyclic."""
    arguments, base, attacks, supports = draw(acyclic_qbafs())
    taken = set(attacks) | set(supports)
    grounds = [
        (i, j)
        for j in range(len(arguments))
        for i in range(j)
        if (i, j) not in taken and draw(st.sampled_from([False, False, False, True]))
    ]
    return (arguments, base, attacks, supports), grounds


@settings(max_examples=300, deadline=None)
@given(grounded_qbafs())
def test_no_argument_is_stronger_than_its_strongest_ground(case: tuple[QBAF, Pairs]) -> None:
    (arguments, base, attacks, supports), grounds = case
    s = dfquad(arguments, base, attacks, supports, grounds=grounds)
    for a in arguments:
        held = [s[g].strength for g, b in grounds if b == a]
        plain = combine(base[a], s[a].attack, s[a].support)
        assert s[a].strength == pytest.approx(min(plain, max(held)) if held else plain)


@settings(max_examples=300, deadline=None)
@given(acyclic_qbafs())
def test_without_grounds_or_voices_the_result_is_df_quad_itself(qbaf: QBAF) -> None:
    arguments, base, attacks, supports = qbaf
    plain = dfquad_strengths(arguments, base, attacks, supports)
    own_voices = {a: a for a in arguments}
    assert dfquad(arguments, base, attacks, supports, grounds=(), voices=own_voices).to_dict() == plain


def test_a_ground_on_a_cycle_still_settles_and_holds_its_argument_down() -> None:
    s = dfquad("xyg", {"x": 1.0, "y": 1.0, "g": 0.3}, attacks=[("x", "y"), ("y", "x")], grounds=[("g", "x")])
    assert s.converged and s.residual <= 1e-6
    assert s["x"].strength <= 0.3 + 1e-6
    assert s["x"].cyclic and s["x"].grounds == (("g", 0.3),)


# --- voices: arguments speaking with one voice count once ------------------------------------------------------


def test_supporters_of_one_voice_count_once_by_the_strongest() -> None:
    s = dfquad(
        "cxyz",
        {"c": 0.5, "x": 0.6, "y": 0.3, "z": 0.5},
        supports=[("x", "c"), ("y", "c"), ("z", "c")],
        voices={"x": 1, "y": 1},
    )
    assert s["c"].support == pytest.approx(aggregate([0.6, 0.5]))
    assert ([a for a, _ in s["c"].supporters], s["c"].unheard) == (["x", "z"], (("y", 0.3),))


def test_attackers_of_one_voice_count_once_too() -> None:
    s = dfquad("cxy", {"c": 0.5, "x": 0.5, "y": 0.5}, attacks=[("x", "c"), ("y", "c")], voices={"x": "gov", "y": "gov"})
    assert s["c"].strength == 0.25


def test_the_voice_counted_is_the_strongest_after_attacks_not_by_base() -> None:
    s = dfquad(
        "cxyd",
        {"c": 0.5, "x": 0.8, "y": 0.6, "d": 1.0},
        supports=[("x", "c"), ("y", "c")],
        attacks=[("d", "x")],
        voices={"x": 1, "y": 1},
    )
    assert s["c"].supporters == (("y", 0.6),)


def test_voices_on_a_cycle_settle_to_the_voiced_equation() -> None:
    s = dfquad(
        "abc",
        {"a": 0.9, "b": 0.9, "c": 0.5},
        attacks=[("a", "b"), ("b", "a"), ("c", "a")],
        supports=[("b", "c")],
        voices={"b": 1, "c": 1},
    )
    assert s.converged and s.residual <= 1e-6
