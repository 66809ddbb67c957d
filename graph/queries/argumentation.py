"""Which claims stand under Dung's grounded semantics over denials and rebuttals: the most sceptical reading.

Each claim is an argument. A claim that ``denies`` or ``rebuts`` another
attacks it. ``concedes``, ``supports`` and ``repeats`` are not attacks: a
concession grants the answered claim, and support or repetition backs it.
The grounded labelling (Dung 1995; Caminada's labellings) is the most
sceptical one: a claim is **in** when every claim attacking it is out,
**out** when some claim attacking it is in, and **undec** when neither
can be settled, as in a cycle of attacks (two claims denying each other).

It says how the recorded exchange stands as an argument, not whether a claim
is true: an unanswered accusation is "in" however weak it is.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable
from typing import TypeVar

from ..types import ClaimGraph
from .records import GroundedExplanation, Label
from .resolve import resolve
from .walk import ATTACKS, in_edges, succ_dict
from .when import DateLike, chronological, claim_dates, made_by, to_day

A = TypeVar("A", bound=Hashable)


def grounded_labelling(arguments: Iterable[A], attacks: Iterable[tuple[A, A]]) -> dict[A, Label]:
    """The grounded labelling of an abstract framework: ``{argument: 'in' | 'out' | 'undec'}``.

    ``attacks`` holds ``(attacker, attacked)`` pairs; an argument named only
    in an attack is added. Runs in time linear in arguments plus attacks: a
    counter per argument of attackers not yet out, and a queue of arguments
    that have just come in.

    >>> labels = grounded_labelling("abc", [("a", "b"), ("b", "c")])
    >>> labels == {"a": "in", "b": "out", "c": "in"}
    True
    >>> grounded_labelling("xy", [("x", "y"), ("y", "x")]) == {"x": "undec", "y": "undec"}
    True
    """
    attacked: dict[A, list[A]] = {a: [] for a in arguments}
    pending: dict[A, int] = dict.fromkeys(attacked, 0)
    for attacker, target in set(attacks):
        attacked.setdefault(attacker, []).append(target)
        attacked.setdefault(target, [])
        pending[target] = pending.get(target, 0) + 1
        pending.setdefault(attacker, 0)
    labels: dict[A, Label] = {}
    queue = deque(a for a, n in pending.items() if n == 0)
    labels.update(dict.fromkeys(queue, "in"))
    while queue:
        for target in attacked[queue.popleft()]:
            if target in labels:
                continue
            labels[target] = "out"
            for next_target in attacked[target]:
                pending[next_target] -= 1
                if pending[next_target] == 0 and next_target not in labels:
                    labels[next_target] = "in"
                    queue.append(next_target)
    return {a: labels.get(a, "undec") for a in attacked}


def grounded_labels(G: ClaimGraph, *, as_of: DateLike | None = None) -> dict[str, Label]:
    """Every claim's grounded label, the claims in date order (undated last).

    ``as_of`` (a day, or a partial date meaning its last day) labels the
    exchange as it stood then: only claims certainly made by that day take
    part, and undated claims are left out, because nothing shows they had
    been made. Without ``as_of`` every claim takes part, undated ones too.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> labels = grounded_labels(G)
    >>> labels["rebarich-denies-training"], labels["gerasimov-training"]
    ('in', 'out')
    >>> october = grounded_labels(G, as_of="2017-10")
    >>> october["konashenkov-black-hole"], "captured-militants-worked-with-us" in october
    ('out', False)
    """
    dates = claim_dates(G)
    if as_of is not None:
        day = to_day(as_of, end=True)
        dates = {c: date for c, date in dates.items() if made_by(date, day)}
    succ = succ_dict(G)
    attacks = [
        (u, v)
        for u in dates
        for v, keyed in succ[u].items()
        if v in dates and any(attrs.get("relation") in ATTACKS for attrs in keyed.values())
    ]
    labels = grounded_labelling(dates, attacks)
    return {c: labels[c] for c in chronological(G, dates, dates)}


def why_grounded(G: ClaimGraph, claim: str, *, as_of: DateLike | None = None) -> GroundedExplanation:
    """Why ``claim`` is in, out or undec under grounded semantics: the attackers that decide it, in a sentence.

    - **out**: ``attackers`` are the attacking claims that are in.
    - **in**: ``attackers`` are the attacking claims, all out (none when unattacked).
    - **undec**: ``attackers`` are the attacking claims that are undecided;
      none is in, and the sentence says whether the claim lies on a cycle of attacks.

    When ``as_of`` leaves the claim out, ``label`` is None and the sentence
    says the claim was not yet made.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> why_grounded(G, "gerasimov-training").attackers
    ('rebarich-denies-training',)
    >>> print(why_grounded(G, "gerasimov-training").reason)
    out: rebarich-denies-training denies it and is in
    >>> print(why_grounded(G, "gerasimov-training", as_of="2017-11").reason)
    not yet made: it is dated 2017-12?, so it was not certainly made by 2017-11
    """
    claim = resolve(G, claim, "claim")
    labels = grounded_labels(G, as_of=as_of)
    if claim not in labels:
        return GroundedExplanation(claim, None, (), "not yet made: " + _not_yet_made(G, claim, as_of))
    label = labels[claim]
    attacks = sorted({(u, how) for u, how, _ in in_edges(G, claim, ATTACKS) if u in labels})
    deciding = [(u, how) for u, how in attacks if labels[u] == {"out": "in", "in": "out", "undec": "undec"}[label]]
    reason = _reason(G, claim, label, deciding, labels)
    return GroundedExplanation(claim, label, tuple(dict.fromkeys(u for u, _ in deciding)), reason)


def _not_yet_made(G: ClaimGraph, claim: str, as_of: DateLike | None) -> str:
    date = G.nodes[claim].get("date")
    when = f"is dated {date}" if date else "is undated"
    return f"it {when}, so it was not certainly made by {as_of}"


def _reason(G: ClaimGraph, claim: str, label: Label, deciding: list[tuple[str, str]], labels: dict[str, Label]) -> str:
    named = "; ".join(f"{u} {how} it" for u, how in deciding)
    if label == "out":
        return f"out: {named} and is in" if len(deciding) == 1 else f"out: {named}; each is in"
    if label == "in":
        return f"in: {named}, but each is out" if deciding else "in: nothing denies or rebuts it"
    cycle = _attack_cycle(G, claim, labels)
    where = f"it lies on a cycle of attacks: {' → '.join(cycle)}" if cycle else "they depend on a cycle of attacks"
    return f"undec: {named}, undecided, and no attacker is in; {where}"


def _attack_cycle(G: ClaimGraph, claim: str, labels: dict[str, Label]) -> list[str]:
    """A shortest cycle of attacks among undecided claims through ``claim``, as attacker → attacked; or []."""
    parent: dict[str, str] = {}
    queue = deque([claim])
    while queue:
        node = queue.popleft()
        for u, _, _ in in_edges(G, node, ATTACKS):
            if labels.get(u) != "undec":
                continue
            if u == claim:
                path = [node]
                while path[-1] != claim:
                    path.append(parent[path[-1]])
                return [claim, *path]
            if u not in parent:
                parent[u] = node
                queue.append(u)
    return []
