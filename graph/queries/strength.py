"""How well each argument stands: DF-QuAD gradual semantics of a quantitative bipolar argumentation framework.

What the numbers mean. A strength is a number from 0 to 1 saying how well a
claim stands given the recorded debate and the base scores. Each claim starts
from its base score, what the records alone lend it by a stated rule, and is
pulled down by the claims that attack it and up by the claims that support
it, each counted with its own strength, so a supporter that is itself
attacked lends less. Attack and support of equal weight leave the base score
as it is, and a claim nothing attacks or supports keeps its base score. The
rule is DF-QuAD (Rago, Toni, Aurisicchio and Baroni, KR 2016), a published
semantics whose stated properties the tests check.

What they do not mean. A strength is not a probability that the claim is
true, and 0.8 does not mean "80% likely": it measures the argument as
recorded, not the world. It counts only what the records hold (a reply
nobody recorded weighs nothing), it inherits every choice made in the base
scores, and it compares claims of one data set under one rule, not across
data sets. Use it to see which claims the recorded evidence and replies
leave standing, and read the reasons (:meth:`Strength.describe`) before the
number.

The semantics. A quantitative bipolar argumentation framework (QBAF) has
arguments, a base score τ in [0, 1] for each, and attack and support pairs
``(source, target)``. DF-QuAD (Rago et al. 2016) combines the strengths of
an argument's attackers, and those of its supporters, with the aggregation
function F, and moves the base score by the combination function c::

    σ(a) = c(τ(a), F(σ of a's attackers), F(σ of a's supporters))
    F(v1, ..., vn) = 1 - (1 - v1)···(1 - vn)          F() = 0
    c(v0, va, vs) = v0 - v0·(va - vs)        if va >= vs
                    v0 + (1 - v0)·(vs - va)  if va < vs

On an acyclic framework this defines every strength exactly: :func:`dfquad`
evaluates the arguments in topological order, in time linear in arguments
plus pairs.

Grounds. A claim derived from another (it rests on it, or repeats it) is
no stronger than what it rests on: with ``grounds``, pairs ``(ground,
argument)``, an argument's strength is DF-QuAD's value capped at the
strength of its strongest ground::

    σ(a) = min(c(τ(a), F(attackers), F(supporters)), max σ(a's grounds))

This is the gradual reading of necessary support (Nouioua and Risch,
"Bipolar argumentation frameworks with specialized supports", ICTAI 2010;
Cayrol and Lagasquie-Schiex, "Bipolarity in argumentation graphs: towards a
better understanding", IJAR 2013): an argument cannot be accepted without
what it needs, so it cannot be accepted more. Without grounds the rule is
DF-QuAD exactly; with them it is still continuous and maps [0, 1] to
itself, so the methods below apply unchanged.

Voices. DF-QuAD's aggregation F treats an argument's attackers (or
supporters) as independent: two of them at 0.5 make 0.75. When several
arguments speak with one voice (a ministry and its spokesman, five outlets
repeating one source), ``voices`` says so, and each voice counts once among
an argument's attackers, and once among its supporters, by its strongest
argument: F is taken over voices, each at the strength of its strongest
member. With every argument its own voice (the default) this is F itself.

Cycles. DF-QuAD is defined for acyclic frameworks only, and on a cycle
iterating its equation, σ ← f(σ), need not settle: two arguments of base
score 1 attacking each other flip between (1, 1) and (0, 0) for ever.
Mossakowski and Neuhaus ("Modular semantics and characteristics for bipolar
weighted argumentation graphs", arXiv:1807.06685) study when such iterations
converge, and Potyka ("Extending modular semantics for bipolar weighted
argumentation", AAMAS 2019, arXiv:1809.07133) shows that continuizing a
semantics avoids the divergence. We follow Potyka ("Continuous dynamical
systems for weighted bipolar argumentation", KR 2018): on a cycle, strengths
start at the base scores and follow dσ/dt = f(σ) - σ, with f the DF-QuAD
update above, integrated by the classical fourth-order Runge-Kutta method at
a fixed step of 0.1 (the step of the examples in Potyka's Uncertainpy
library) until the residual max |f(σ) - σ| is at most ``tolerance``, or for
at most ``max_steps`` steps. A state with residual 0 satisfies DF-QuAD's
equation at every argument, so a converged result solves DF-QuAD's own
equations (the mutual attack above settles at 0.5 each). Each strongly
connected component is settled on its own, upstream first, with the
strengths flowing in from outside it already fixed, so the arguments
downstream of a cycle are again computed in one pass. Every
:class:`Strength` says whether it lies on a cycle and whether it, and all it
depends on, converged: convergence on cycles is usual, not guaranteed.

>>> strengths = dfquad(
...     ["claim", "evidence", "denial"],
...     {"claim": 0.5, "evidence": 0.8, "denial": 0.3},
...     attacks=[("denial", "claim")],
...     supports=[("evidence", "claim")],
... )
>>> print(strengths["claim"].describe())
strength 0.75: base 0.5, supported by evidence (0.8), attacked by denial (0.3)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

import networkx as nx

from ..errors import ClaimgraphError

A = TypeVar("A", bound=Hashable)

#: Runge-Kutta step for the arguments on cycles (Potyka's Uncertainpy examples use 0.1).
STEP = 0.1

_OWN = object()
"""The voice key of an argument ``voices`` does not name: its own."""


def aggregate(strengths: Iterable[float]) -> float:
    """DF-QuAD's strength aggregation F: ``1 - ∏(1 - v)``, and 0 for no values.

    It combines the strengths of an argument's attackers (or its supporters)
    into one value in [0, 1] that never falls when a value is added or raised.

    >>> aggregate([])
    0.0
    >>> aggregate([0.5, 0.5])
    0.75
    """
    remaining = 1.0
    for value in strengths:
        remaining *= 1.0 - value
    return 1.0 - remaining


def combine(base: float, attack: float, support: float) -> float:
    """DF-QuAD's combination c: the base score moved by aggregated attack and support.

    Stronger attack lowers the base score in proportion to it, stronger
    support raises it in proportion to the room above it; equal attack and
    support leave it unchanged, and the two cases meet there, so the
    function has no jump (the discontinuity-freeness DF-QuAD is named for).

    >>> combine(0.5, 0.0, 0.0)
    0.5
    >>> combine(0.5, 0.8, 0.4), combine(0.5, 0.4, 0.8)
    (0.3, 0.7)
    """
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


@dataclass(frozen=True)
class Strength(Generic[A]):
    """One argument's strength and what made it, for a reader to check.

    ``attack`` and ``support`` are the aggregated values F of ``attackers``
    and ``supporters``, which pair each with its own strength, strongest
    first. ``cyclic`` says the argument lies on a cycle of attacks or
    supports, so its strength was found by iteration; ``converged`` is False
    when that iteration (its own, or one it depends on) did not settle.
    """

    argument: A
    strength: float
    base: float
    attack: float
    support: float
    attackers: tuple[tuple[A, float], ...]
    supporters: tuple[tuple[A, float], ...]
    cyclic: bool = False
    converged: bool = True
    grounds: tuple[tuple[A, float], ...] = ()
    """What the argument rests on, each with its strength, strongest first: its strength cannot exceed the first."""
    unheard: tuple[tuple[A, float], ...] = ()
    """Attackers and supporters not counted: each speaks with the voice of a stronger one that is."""

    @property
    def capped(self) -> bool:
        """True when a ground held the strength below what attack and support alone would give."""
        return bool(self.grounds) and combine(self.base, self.attack, self.support) > self.grounds[0][1]

    def describe(self) -> str:
        """One line: the strength, its base score, and who supports and attacks it.

        >>> Strength("c", 0.72, 0.5, 0.3, 0.86, (("z", 0.3),), (("x", 0.8), ("y", 0.3))).describe()
        'strength 0.72: base 0.5, supported by x (0.8) and y (0.3), attacked by z (0.3)'
        """
        parts = [f"strength {_number(self.strength)}: base {_number(self.base)}"]
        if self.supporters:
            parts.append(f"supported by {_named(self.supporters)}")
        if self.attackers:
            parts.append(f"attacked by {_named(self.attackers)}")
        if not self.attackers and not self.supporters:
            parts.append("nothing attacks or supports it")
        if self.grounds:
            held = "held down to" if self.capped else "no stronger than"
            parts.append(f"{held} what it rests on: {_named(self.grounds)}")
        if self.unheard:
            parts.append(f"not counted again (a stronger one speaks with the same voice): {_named(self.unheard)}")
        text = ", ".join(parts)
        if self.cyclic:
            text += "; on a cycle, found by iteration"
        if not self.converged:
            text += "; did not converge, so approximate"
        return text


class Strengths(Mapping[A, Strength[A]]):
    """Every argument's :class:`Strength`, by argument, in the order the arguments were given.

    ``converged`` is False if any cycle failed to settle within ``max_steps``;
    ``residual`` is the largest ``|f(σ) - σ|`` left on any cycle (0 without
    cycles): how far the returned strengths are from solving DF-QuAD's equation.
    """

    def __init__(self, qbaf: _Framework[A], strength: list[float], cyclic: list[bool], converged: list[bool]) -> None:
        self._qbaf = qbaf
        self._strength = strength
        self._cyclic = cyclic
        self._converged = converged
        self.converged = all(converged)
        self.residual = max((_residual(qbaf, strength, i) for i, c in enumerate(cyclic) if c), default=0.0)

    def __getitem__(self, argument: A) -> Strength[A]:
        i = self._qbaf.index[argument]
        attackers, unheard_attackers = self._heard(self._qbaf.attackers[i], self._qbaf.attack_voices.get(i))
        supporters, unheard_supporters = self._heard(self._qbaf.supporters[i], self._qbaf.support_voices.get(i))
        return Strength(
            argument,
            self._strength[i],
            self._qbaf.base[i],
            aggregate(s for _, s in attackers),
            aggregate(s for _, s in supporters),
            attackers,
            supporters,
            self._cyclic[i],
            self._converged[i],
            self._ranked(self._qbaf.grounds[i]),
            self._ranked(unheard_attackers + unheard_supporters),
        )

    def strength_of(self, argument: A) -> float | None:
        """Just the final strength of ``argument`` (None if it is not one), without building its :class:`Strength`.

        >>> found = dfquad(["a", "b"], {"a": 0.5, "b": 0.5}, attacks=[("b", "a")])
        >>> found.strength_of("a") == found["a"].strength, found.strength_of("z")
        (True, None)
        """
        i = self._qbaf.index.get(argument)
        return None if i is None else self._strength[i]

    def __iter__(self) -> Iterator[A]:
        return iter(self._qbaf.arguments)

    def __len__(self) -> int:
        return len(self._qbaf.arguments)

    def to_dict(self) -> dict[A, float]:
        """``{argument: strength}``, the numbers alone."""
        return dict(zip(self._qbaf.arguments, self._strength, strict=True))

    def _ranked(self, sources: list[int]) -> tuple[tuple[A, float], ...]:
        pairs = [(self._qbaf.arguments[j], self._strength[j]) for j in sources]
        return tuple(sorted(pairs, key=lambda pair: -pair[1]))

    def _heard(
        self, sources: list[int], voices: list[list[int]] | None
    ) -> tuple[tuple[tuple[A, float], ...], list[int]]:
        """The sources counted (the strongest of each voice), ranked, and the rest."""
        if voices is None:
            return self._ranked(sources), []
        strongest = [max(voice, key=lambda j: self._strength[j]) for voice in voices]
        return self._ranked(strongest), [j for j in sources if j not in strongest]


def dfquad(
    arguments: Iterable[A],
    base_scores: Mapping[A, float],
    attacks: Iterable[tuple[A, A]] = (),
    supports: Iterable[tuple[A, A]] = (),
    *,
    grounds: Iterable[tuple[A, A]] = (),
    voices: Mapping[A, Hashable] | None = None,
    tolerance: float = 1e-6,
    max_steps: int = 10_000,
) -> Strengths[A]:
    """The DF-QuAD strength of every argument, each with the reasons for it.

    ``attacks`` and ``supports`` hold ``(source, target)`` pairs, and
    ``grounds`` ``(ground, argument)`` pairs: the argument is no stronger than
    its strongest ground; ``voices`` maps arguments that speak with one voice
    to the same key, so that each voice counts once (see the module
    docstring). An argument
    named only in a pair is added, and every argument needs a base score in
    [0, 1] (``base_scores`` may hold more, which are ignored). A repeated pair
    counts once. Raises :class:`~graph.errors.ClaimgraphError` listing every
    problem: a missing or out-of-range base score, or a pair that both
    attacks and supports.

    Acyclic frameworks take one pass in topological order, linear in
    arguments plus pairs. Arguments on cycles are settled by the continuous
    method the module docstring describes, at most ``max_steps`` Runge-Kutta
    steps per strongly connected component, until the residual is at most
    ``tolerance``; the result says whether they converged.

    >>> s = dfquad("abc", {"a": 0.5, "b": 0.6, "c": 0.5}, attacks=[("b", "a")], supports=[("c", "a")])
    >>> round(s["a"].strength, 2), round(s["a"].attack, 2), round(s["a"].support, 2)
    (0.45, 0.6, 0.5)
    >>> loop = dfquad("xy", {"x": 1.0, "y": 0.5}, attacks=[("x", "y"), ("y", "x")])
    >>> {a: round(v, 3) for a, v in loop.to_dict().items()}, loop.converged
    ({'x': 1.0, 'y': 0.0}, True)
    >>> derived = dfquad("gde", {"g": 0.3, "d": 0.5, "e": 0.8}, supports=[("e", "d")], grounds=[("g", "d")])
    >>> print(derived["d"].describe())
    strength 0.3: base 0.5, supported by e (0.8), held down to what it rests on: g (0.3)
    >>> one_voice = {"x": "gov", "y": "gov"}
    >>> echoed = dfquad("cxy", {"c": 0.5, "x": 0.5, "y": 0.4}, supports=[("x", "c"), ("y", "c")], voices=one_voice)
    >>> echoed["c"].strength, echoed["c"].supporters, echoed["c"].unheard
    (0.75, (('x', 0.5),), (('y', 0.4),))
    """
    if not tolerance > 0 or max_steps < 0:
        raise ClaimgraphError(
            f"tolerance must be above 0 and max_steps at least 0, not {tolerance!r} and {max_steps!r}"
        )
    return _settle(_Framework(arguments, base_scores, attacks, supports, grounds, voices), tolerance, max_steps)


def _settle(qbaf: _Framework[A], tolerance: float = 1e-6, max_steps: int = 10_000) -> Strengths[A]:
    """The strengths of an indexed QBAF (:func:`dfquad` once the framework is checked and indexed)."""
    n = len(qbaf.arguments)
    strength = [0.0] * n
    cyclic = [False] * n
    converged = [True] * n
    done = _evaluate_acyclic_part(qbaf, strength)
    if len(done) < n:
        _settle_the_rest(qbaf, strength, cyclic, converged, set(done), tolerance, max_steps)
    return Strengths(qbaf, strength, cyclic, converged)


def dfquad_strengths(
    arguments: Iterable[A],
    base_scores: Mapping[A, float],
    attacks: Iterable[tuple[A, A]] = (),
    supports: Iterable[tuple[A, A]] = (),
    *,
    grounds: Iterable[tuple[A, A]] = (),
) -> dict[A, float]:
    """``{argument: strength}`` under DF-QuAD: :func:`dfquad` with its defaults, the numbers alone.

    >>> dfquad_strengths(["a", "b"], {"a": 0.4, "b": 0.5}, supports=[("b", "a")])
    {'a': 0.7, 'b': 0.5}
    """
    return dfquad(arguments, base_scores, attacks, supports, grounds=grounds).to_dict()


class _Framework(Generic[A]):
    """The QBAF checked and indexed: arguments as 0..n-1, with attackers, supporters and successors of each."""

    def __init__(
        self,
        arguments: Iterable[A],
        base_scores: Mapping[A, float],
        attacks: Iterable[tuple[A, A]],
        supports: Iterable[tuple[A, A]],
        grounds: Iterable[tuple[A, A]] = (),
        voices: Mapping[A, Hashable] | None = None,
    ) -> None:
        attack_pairs = list(dict.fromkeys(attacks))
        support_pairs = list(dict.fromkeys(supports))
        ground_pairs = list(dict.fromkeys(grounds))
        index: dict[A, int] = {}
        for a in arguments:
            index.setdefault(a, len(index))
        for pairs in (attack_pairs, support_pairs, ground_pairs):
            for u, v in pairs:
                index.setdefault(u, len(index))
                index.setdefault(v, len(index))
        self.index = index
        self.arguments: list[A] = list(index)
        _check(self.arguments, base_scores, attack_pairs, support_pairs)
        self.base = [float(base_scores[a]) for a in self.arguments]
        self.attackers: list[list[int]] = [[] for _ in self.arguments]
        self.supporters: list[list[int]] = [[] for _ in self.arguments]
        self.grounds: list[list[int]] = [[] for _ in self.arguments]
        self.successors: list[list[int]] = [[] for _ in self.arguments]
        successors = self.successors
        for pairs, sources in (
            (attack_pairs, self.attackers),
            (support_pairs, self.supporters),
            (ground_pairs, self.grounds),
        ):
            for u, v in pairs:
                i, j = index[u], index[v]
                sources[j].append(i)
                successors[i].append(j)

        self.attack_voices = self._voices(self.attackers, voices)
        self.support_voices = self._voices(self.supporters, voices)

    def _voices(self, sources: list[list[int]], voices: Mapping[A, Hashable] | None) -> dict[int, list[list[int]]]:
        """For each argument with two sources of one voice, its sources grouped by voice (others are left out)."""
        grouped: dict[int, list[list[int]]] = {}
        if not voices:
            return grouped
        for i, js in enumerate(sources):
            if len(js) > 1:
                by_voice: dict[Hashable, list[int]] = {}
                for j in js:
                    by_voice.setdefault(voices.get(self.arguments[j], (_OWN, j)), []).append(j)
                if len(by_voice) < len(js):
                    grouped[i] = list(by_voice.values())
        return grouped

    def update(self, i: int, strength: list[float]) -> float:
        """f(σ) at argument ``i``: DF-QuAD's combination over the current strengths of its sources (each voice
        once), capped by its strongest ground."""
        value = combine(
            self.base[i],
            1.0 - _unheld(strength, self.attackers[i], self.attack_voices.get(i)),
            1.0 - _unheld(strength, self.supporters[i], self.support_voices.get(i)),
        )
        return min(value, max(strength[g] for g in self.grounds[i])) if self.grounds[i] else value


def _check(
    arguments: list[A], base_scores: Mapping[A, float], attacks: list[tuple[A, A]], supports: list[tuple[A, A]]
) -> None:
    problems = []
    for a in arguments:
        if a not in base_scores:
            problems.append(f"argument {a!r} has no base score")
        elif isinstance(base_scores[a], bool) or not (
            isinstance(base_scores[a], int | float) and 0 <= base_scores[a] <= 1
        ):
            problems.append(f"argument {a!r} has base score {base_scores[a]!r}, not a number from 0 to 1")
    both = set(attacks) & set(supports)
    problems += [f"{u!r} both attacks and supports {v!r}" for u, v in attacks if (u, v) in both]
    if problems:
        raise ClaimgraphError("invalid argumentation framework: " + "; ".join(problems))


def _evaluate_acyclic_part(qbaf: _Framework[A], strength: list[float]) -> list[int]:
    """Evaluate every argument not on or after a cycle, in topological order (Kahn); return those done.

    :meth:`_Framework.update` is written out here, as this loop is the whole
    cost of an acyclic framework and its generators and calls doubled it.
    """
    base, attackers, supporters, successors = qbaf.base, qbaf.attackers, qbaf.supporters, qbaf.successors
    grounds, attack_voices, support_voices = qbaf.grounds, qbaf.attack_voices, qbaf.support_voices
    waiting = [len(attackers[i]) + len(supporters[i]) + len(grounds[i]) for i in range(len(base))]
    order = [i for i, count in enumerate(waiting) if count == 0]
    for i in order:  # grows as arguments become ready
        if i in attack_voices or i in support_voices:
            strength[i] = qbaf.update(i, strength)
        else:
            unattacked = unsupported = 1.0
            for j in attackers[i]:
                unattacked *= 1.0 - strength[j]
            for j in supporters[i]:
                unsupported *= 1.0 - strength[j]
            strength[i] = combine(base[i], 1.0 - unattacked, 1.0 - unsupported)
        if grounds[i]:
            strength[i] = min(strength[i], max(strength[g] for g in grounds[i]))
        for j in successors[i]:
            waiting[j] -= 1
            if waiting[j] == 0:
                order.append(j)
    return order


def _settle_the_rest(
    qbaf: _Framework[A],
    strength: list[float],
    cyclic: list[bool],
    converged: list[bool],
    done: set[int],
    tolerance: float,
    max_steps: int,
) -> None:
    """Strongly connected components of what is left, upstream first: one pass, or a settled cycle."""
    rest: nx.DiGraph[int] = nx.DiGraph()
    rest.add_nodes_from(i for i in range(len(qbaf.arguments)) if i not in done)
    rest.add_edges_from([(i, j) for i in rest for j in qbaf.successors[i]])
    components = nx.condensation(rest)
    for c in nx.topological_sort(components):
        members = sorted(components.nodes[c]["members"])
        upstream_settled = all(
            converged[j] for i in members for j in qbaf.attackers[i] + qbaf.supporters[i] + qbaf.grounds[i]
        )
        if len(members) == 1 and not rest.has_edge(members[0], members[0]):
            strength[members[0]] = qbaf.update(members[0], strength)
            settled = True
        else:
            settled = _settle_cycle(qbaf, members, strength, tolerance, max_steps)
            for i in members:
                cyclic[i] = True
        for i in members:
            converged[i] = settled and upstream_settled


def _settle_cycle(qbaf: _Framework[A], members: list[int], strength: list[float], tolerance: float, steps: int) -> bool:
    """Follow dσ/dt = f(σ) - σ from the base scores by RK4 (Potyka 2018) until the residual is within tolerance.

    Sources outside the component are settled already, so each member's
    product over them is computed once; only the members move. Leaves the
    final state in ``strength`` and says whether it converged.
    """
    local = {i: k for k, i in enumerate(members)}
    base = [qbaf.base[i] for i in members]
    fixed_attack = [_remaining(strength, (j for j in qbaf.attackers[i] if j not in local)) for i in members]
    fixed_support = [_remaining(strength, (j for j in qbaf.supporters[i] if j not in local)) for i in members]
    moving_attack = [[local[j] for j in qbaf.attackers[i] if j in local] for i in members]
    moving_support = [[local[j] for j in qbaf.supporters[i] if j in local] for i in members]
    fixed_ground = [[strength[j] for j in qbaf.grounds[i] if j not in local] for i in members]
    moving_ground = [[local[j] for j in qbaf.grounds[i] if j in local] for i in members]
    m = len(members)

    def ceiling(x: list[float], k: int) -> float:
        """The strongest ground's strength, or 1 (no cap) for an argument that rests on nothing."""
        return max([*fixed_ground[k], *(x[j] for j in moving_ground[k])], default=1.0)

    voiced = [i in qbaf.attack_voices or i in qbaf.support_voices for i in members]

    def velocity(x: list[float]) -> list[float]:
        current = strength
        if any(voiced):  # sources grouped by voice may lie on both sides of the component: update on the whole
            current = list(strength)
            for k, i in enumerate(members):
                current[i] = x[k]
        out = []
        for k in range(m):
            if voiced[k]:
                out.append(qbaf.update(members[k], current) - x[k])
                continue
            attack = 1.0 - _remaining(x, moving_attack[k], fixed_attack[k])
            support = 1.0 - _remaining(x, moving_support[k], fixed_support[k])
            out.append(min(combine(base[k], attack, support), ceiling(x, k)) - x[k])
        return out

    x = base
    k1 = velocity(x)
    for _ in range(steps):
        if max(map(abs, k1)) <= tolerance:
            break
        k2 = velocity([x[k] + STEP / 2 * k1[k] for k in range(m)])
        k3 = velocity([x[k] + STEP / 2 * k2[k] for k in range(m)])
        k4 = velocity([x[k] + STEP * k3[k] for k in range(m)])
        x = [_clamp(x[k] + STEP / 6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k])) for k in range(m)]
        k1 = velocity(x)
    for k, i in enumerate(members):
        strength[i] = x[k]
    return max(map(abs, k1)) <= tolerance


def _unheld(strength: list[float], sources: list[int], voices: list[list[int]] | None) -> float:
    """What F leaves of 1 over ``sources``: ∏(1 - strength), each voice once at its strongest when grouped."""
    if voices is None:
        return _remaining(strength, sources)
    return _remaining([max(strength[j] for j in voice) for voice in voices], range(len(voices)))


def _remaining(strength: list[float], sources: Iterable[int], start: float = 1.0) -> float:
    """``start`` times ∏(1 - strength) over ``sources``: what F leaves of 1."""
    for j in sources:
        start *= 1.0 - strength[j]
    return start


def _residual(qbaf: _Framework[A], strength: list[float], i: int) -> float:
    return abs(qbaf.update(i, strength) - strength[i])


def _clamp(value: float) -> float:
    """Keep a Runge-Kutta step inside [0, 1], which the exact flow never leaves (Potyka 2018)."""
    return min(1.0, max(0.0, value))


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def _named(pairs: tuple[tuple[A, float], ...]) -> str:
    names = [f"{a} ({_number(s)})" for a, s in pairs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
