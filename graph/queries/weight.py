"""How much weight each claim and proposition carries: the records as a bipolar argument framework, under DF-QuAD.

The records as of a day become a quantitative bipolar argumentation
framework (QBAF), and :func:`~graph.queries.strength.dfquad` gives every
argument a strength from 0 to 1 (read its module docstring for what the
numbers mean and do not mean).

**Arguments**: every claim on record by ``as_of`` (an implicit proposition
is its claim), every declared proposition some such claim takes a stance
on, and every evidence item such a claim cites or rests on.

**Attack, support and derivation**, read from the vocabulary's families:

- a stance of the attack or retract family (denies, qualifies, retracts)
  attacks the proposition; of the support or concede family (asserts,
  concedes) supports it;
- a response of the attack or retract family (denies, rebuts, qualifies,
  retracts) attacks the claim it answers; of the support or concede family
  supports it;
- a claim that rests on a claim or item, or repeats a claim, is no stronger
  than the strongest of them (the ``grounds`` of
  :func:`~graph.queries.strength.dfquad`: necessary support);
- an evidence item a claim cites supports it.

**One voice per origin.** A claim speaks with the voice of its origins
(:func:`~graph.queries.origins.claim_origins`, counted by body). Claims of
one voice that support or attack the same argument count once, by the
strongest of them (the ``voices`` of :func:`~graph.queries.strength.dfquad`),
and a claim supporting another of the same origins adds nothing. Five
outlets repeating a minister, or a ministry and its spokesman, lend a
proposition the weight of one assertion, not five: DF-QuAD's aggregation
treats supporters as independent, so counting each would be exactly the
inflation independent origins are there to undo.

**Endorsements add nothing.** An endorsement backs a claim without grounds
of its own; counted as a supporter, three allied governments endorsing an
accusation would lift it as three independent confirmations would. They
are named in explanations, never weighed.

**Base scores** τ, the rule stated once here:

- a claim: its Admiralty information credibility when the curator gave one
  (1-6), otherwise the mean Admiralty reliability (A-F) of those of its
  claimants that are graded, otherwise of the documents reporting it that
  are graded, otherwise 0.5; then multiplied by its modality's factor
  (certain 1, likely 0.75, possible 0.5);
- an evidence item: the mean reliability of its graded producers (``by``),
  otherwise of its graded reporting documents, otherwise 0.5;
- a declared proposition: 0.5, neutral: the records lend what is at issue
  nothing of its own, only the claims for and against it.

Admiralty grades as numbers: reliability A 0.9, B 0.75, C 0.6, D 0.4,
E 0.25; credibility 1 0.9, 2 0.75, 3 0.6, 4 0.4, 5 0.25; F and 6 ("cannot
be judged") are 0.5, the same as no grade.

>>> import graph
>>> G = graph.load("data/claims.yaml")
>>> s = strengths(G, as_of="2024-05-01")
>>> round(s["us-trains-isis"].strength, 3), round(s["gerasimov-training"].strength, 3)
(0.594, 0.25)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable
from dataclasses import dataclass, replace

from ..errors import ClaimgraphError, UnknownIdError
from ..suggest import suggest_id
from ..types import ClaimGraph
from ..vocabulary import ATTACKING, RELATIONS, STANCES, Family
from .index import Index, OnRecord, index
from .origins import claim_origins
from .resolve import require_id_text
from .strength import Strength, Strengths, _Framework, _settle
from .walk import in_edges, node_dict, out_edges
from .when import DateLike, as_of_day

RELIABILITY: dict[str, float] = {"A": 0.9, "B": 0.75, "C": 0.6, "D": 0.4, "E": 0.25, "F": 0.5}
"""Admiralty source reliability as a base score (F, cannot be judged, is the default)."""

CREDIBILITY: dict[int, float] = {1: 0.9, 2: 0.75, 3: 0.6, 4: 0.4, 5: 0.25, 6: 0.5}
"""Admiralty information credibility as a base score (6, cannot be judged, is the default)."""

MODALITY_FACTOR: dict[str, float] = {"certain": 1.0, "likely": 0.75, "possible": 0.5}
"""How much of its base score a claim keeps for how firmly it is put."""

DEFAULT_BASE = 0.5
"""The base score of anything the records do not grade."""

SUPPORTING: frozenset[Family] = frozenset({"support", "concede"})
GROUNDING: frozenset[Family] = frozenset({"derive", "repeat"})
STANCE_NAMES: frozenset[str] = frozenset(STANCES)
DERIVING: frozenset[str] = frozenset(r.name for r in RELATIONS.values() if r.family in GROUNDING)


@dataclass(frozen=True)
class Framework:
    """The QBAF the records make as of a day: base scores and why, attacks, supports, grounds, what was set aside.

    ``voices`` holds each claim's origins (every claim of the graph); ``set_aside`` maps an argument to
    the claims that back it but are not weighed, each with the reason (an
    endorsement, a confirmation from its own origin).
    """

    as_of: dt.date
    base: dict[str, float]
    basis: dict[str, str]
    attacks: tuple[tuple[str, str], ...]
    supports: tuple[tuple[str, str], ...]
    grounds: tuple[tuple[str, str], ...]
    voices: dict[str, frozenset[str]]
    set_aside: dict[str, tuple[tuple[str, str], ...]]


def argument_framework(G: ClaimGraph, *, as_of: DateLike | None = None, around: str | None = None) -> Framework:
    """The records on record by ``as_of`` (default: today) as a QBAF (see the module docstring).

    With ``around``, only what bears on that claim, proposition or evidence
    item: it and everything it depends on, so its strength is the same as
    in the whole framework, found without building the whole.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> f = argument_framework(G, as_of="2024-05-01", around="us-trains-isis")
    >>> sorted(f.base)
    ['gerasimov-new-syrian-army', 'gerasimov-training', 'rebarich-denies-training', 'sana-shaddadi-training', \
'us-trains-isis']
    >>> f.basis["gerasimov-new-syrian-army"]
    'no Admiralty grade (0.5), put as likely (× 0.75)'
    """
    weighing = _weighing(G)
    day = as_of_day(as_of)
    if around is not None:
        return weighing.framework(day, [argument_id(G, around)])
    if weighing.idx.on_record(day).everything():  # the usual question: the whole framework, built once per graph
        return replace(weighing.whole()[0], as_of=day)
    return weighing.framework(day, None)


def strengths(G: ClaimGraph, *, as_of: DateLike | None = None) -> Strengths[str]:
    """The DF-QuAD strength of every claim, proposition and evidence item on record by ``as_of`` (default: today).

    Each :class:`~graph.queries.strength.Strength` says what made it
    (``describe()``); the numbers compare claims of one data set under one
    rule, and are not probabilities (see :mod:`graph.queries.strength`).

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> print(strengths(G, as_of="2024-05-01")["us-supports-isis"].describe())
    strength 0.69: base 0.5, supported by isis-fighter-safa-weapons (0.5), sana-helicopter-evacuation (0.5) and \
field-source-tanf-support (0.5), attacked by rebarich-denies-training (0.5), not counted again (a stronger one \
speaks with the same voice): tasnim-us-support-daesh (0.5)
    """
    weighing = _weighing(G)
    day = as_of_day(as_of)
    if weighing.idx.on_record(day).everything():  # the usual question: the whole framework, checked once per graph
        return _settle(weighing.whole()[1])
    return _evaluate(weighing.framework(day, None))


def strength(G: ClaimGraph, subject: str, *, as_of: DateLike | None = None) -> Strength[str]:
    """The DF-QuAD strength of one claim, proposition or evidence item, computed from what bears on it alone.

    Raises :class:`~graph.errors.UnknownIdError` for an unknown id, and
    :class:`~graph.errors.ClaimgraphError` when ``subject`` does not take part
    on ``as_of`` (a claim not yet made; a proposition or item no claim on
    record speaks of): :func:`~graph.queries.why` says so without raising.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> print(strength(G, "gerasimov-training", as_of="2024-05-01").describe())
    strength 0.25: base 0.5, attacked by rebarich-denies-training (0.5)
    >>> strength(G, "gerasimov-training", as_of="2017-11")
    Traceback (most recent call last):
    ...
    graph.errors.ClaimgraphError: as of 2017-11-30, gerasimov-training takes no part: it was not yet made
    """
    subject = argument_id(G, subject)
    framework = argument_framework(G, as_of=as_of, around=subject)
    if subject not in framework.base:
        kind = node_dict(G)[subject].get("type")
        why = "it was not yet made" if kind == "claim" else "no claim on record speaks of it"
        raise ClaimgraphError(f"as of {framework.as_of}, {subject} takes no part: {why}")
    return _evaluate(framework)[subject]


def _evaluate(framework: Framework) -> Strengths[str]:
    return _settle(_index(framework))


def _index(framework: Framework) -> _Framework[str]:
    return _Framework(
        framework.base,
        framework.base,
        framework.attacks,
        framework.supports,
        grounds=framework.grounds,
        voices=framework.voices,
    )


def argument_id(G: ClaimGraph, word: str) -> str:
    """The id of the claim, proposition or evidence item ``word`` names; :class:`UnknownIdError` otherwise."""
    require_id_text(word, "claim, proposition or evidence item")
    nodes = node_dict(G)
    if word in nodes and nodes[word].get("type") in ("claim", "proposition", "evidence"):
        return word
    candidates = [n for n, a in nodes.items() if a.get("type") in ("claim", "proposition", "evidence")]
    raise UnknownIdError("claim, proposition or evidence item", word, suggest_id(word, candidates))


Weighed = tuple[str, str]
"""``(how, source)``: ``attack``, ``support`` or ``ground``, and the claim or item that weighs."""


def _weighing(G: ClaimGraph) -> _Weighing:
    idx = index(G)
    return idx.memo("weighing", lambda: _Weighing(G, idx))


class _Weighing:
    """What weighs on each argument, and each one's base score: the day-independent part of the framework,
    worked out once per graph. :meth:`framework` keeps what is on record by a day."""

    def __init__(self, G: ClaimGraph, idx: Index) -> None:
        self.idx = idx
        self.origins = idx.memo("origins", lambda: claim_origins(G, idx.claims))
        self.weighed: dict[str, list[Weighed]] = {}
        self.set_aside: dict[str, list[tuple[str, str]]] = {}
        kinds = {n: attrs.get("type") for n, attrs in idx.nodes.items()}
        self.arguments = [n for n, kind in kinds.items() if kind in ("proposition", "claim", "evidence")]
        """Every possible argument, in graph order."""
        self.place = {n: i for i, n in enumerate(self.arguments)}
        """Each argument's place in that order."""
        for node in self.arguments:
            if kinds[node] != "evidence":
                self._weigh(node)
        self.pairs = [(how, source, target) for target, weighed in self.weighed.items() for how, source in weighed]
        self.base = {n: self._score(n) for n in self.arguments}
        self.needs: dict[str, list[str]] = {}
        """The claims one of which must be on record for a proposition or item to take part."""
        self._whole: tuple[Framework, _Framework[str]] | None = None
        for claim, links in idx.links.items():
            for target in (*(p for p, _ in links.stances), *links.cites, *(v for v, _ in links.derives)):
                if kinds[target] != "claim":
                    self.needs.setdefault(target, []).append(claim)

    def whole(self) -> tuple[Framework, _Framework[str]]:
        """The framework with every claim on record, and its checked and indexed form, once per graph."""
        if self._whole is None:
            framework = self.framework(dt.date.max, None)
            self._whole = framework, _index(framework)
        return self._whole

    def framework(self, day: dt.date, around: list[str] | None) -> Framework:
        on = self.idx.on_record(day)
        chosen = self._upstream(on, around) if around is not None else self._everything(on.listed())
        pairs: dict[str, list[tuple[str, str]]] = {"attack": [], "support": [], "ground": []}
        if around is None:
            order = [n for n in self.arguments if n in chosen]
            weighing: Iterable[tuple[str, str, str]] = self.pairs
        else:  # only what was chosen, in the same order, so one argument's framework stays local
            order = sorted(chosen, key=self.place.__getitem__)
            weighing = ((how, source, target) for target in order for how, source in self.weighed.get(target, ()))
        for how, source, target in weighing:
            if source in chosen and target in chosen:
                pairs[how].append((source, target))
        set_aside = {n: tuple(a for a in self.set_aside[n] if a[0] in on) for n in order if n in self.set_aside}
        return Framework(
            day,
            {n: self.base[n][0] for n in order},
            {n: self.base[n][1] for n in order},
            tuple(pairs["attack"]),
            tuple(pairs["support"]),
            tuple(pairs["ground"]),
            self.origins,
            {n: aside for n, aside in set_aside.items() if aside},
        )

    def _included(self, on: Container[str], node: str) -> bool:
        """A claim on record; a proposition one takes a stance on; an item one cites or rests on."""
        return node in on or any(c in on for c in self.needs.get(node, ()))

    def _everything(self, on: Container[str]) -> set[str]:
        return {n for n in self.arguments if self._included(on, n)}

    def _upstream(self, on: OnRecord, start: list[str]) -> set[str]:
        """``start`` and everything that weighs on it, directly or not, that is on record."""
        chosen = {n for n in start if self._included(on, n)}
        stack = list(chosen)
        while stack:
            for _, source in self.weighed.get(stack.pop(), ()):
                if source not in chosen and self._included(on, source):
                    chosen.add(source)
                    stack.append(source)
        return chosen

    # --- what weighs on an argument (see the module docstring) ---

    def _weigh(self, node: str) -> None:
        idx = self.idx
        # A proposition's incoming links are stances; a claim's, responses: both weigh by their family.
        voices = [(u, RELATIONS[how].family) for u, how in idx.incoming.get(node, ())]
        aside = [(u, "endorses it: no grounds of its own") for u, family in voices if family == "endorse"]
        own = self.origins.get(node, frozenset())
        weighed: list[Weighed] = [("attack", u) for u, family in voices if family in ATTACKING]
        for u, family in voices:
            if family not in SUPPORTING:
                continue
            if own and self.origins[u] <= own:
                aside.append((u, f"comes from its own origin ({', '.join(sorted(own))}): not independent"))
            else:
                weighed.append(("support", u))
        if node in idx.links:
            links = idx.links[node]
            weighed += [("support", item) for item in links.cites]
            weighed += [("ground", v) for v, _ in links.derives]
        self.weighed[node] = list(dict.fromkeys(weighed))
        if aside:
            self.set_aside[node] = aside

    # --- base scores (see the module docstring) ---

    def _score(self, node: str) -> tuple[float, str]:
        attrs = self.idx.nodes[node]
        kind = attrs.get("type")
        if kind == "proposition":
            return DEFAULT_BASE, "a proposition starts neutral (0.5)"
        if kind == "claim" and attrs.get("credibility") is not None:
            value, why = CREDIBILITY[attrs["credibility"]], f"credibility {attrs['credibility']}"
        else:
            value, why = self._graded(node)
        text = f"{why} ({_number(value)})"
        factor = MODALITY_FACTOR.get(attrs.get("modality") or "certain", 1.0)
        if kind == "claim" and factor != 1.0:
            value *= factor
            text += f", put as {attrs['modality']} (× {_number(factor)})"
        return value, text

    def _graded(self, node: str) -> tuple[float, str]:
        """The mean reliability of the graded speakers (claimants, producers), else of the graded documents."""
        nodes = self.idx.nodes
        if node in self.idx.claimants:
            speakers, who = list(self.idx.claimants[node]), "claimant"
            documents = sorted({r["source"] for r in nodes[node].get("reports", ()) if r.get("source") in nodes})
        else:
            speakers, who = sorted(v for v, _, _ in out_edges(self.idx.G, node, ("produced_by",))), "producer"
            documents = sorted(u for u, _, _ in in_edges(self.idx.G, node, ("reports",), of_type="source"))
        for actors, word in ((speakers, who), (documents, "document")):
            grades = [(a, nodes[a]["reliability"]) for a in actors if a in nodes and nodes[a].get("reliability")]
            if grades:
                value = sum(RELIABILITY[g] for _, g in grades) / len(grades)
                graded = ", ".join(f"{a} {g}" for a, g in grades)
                return value, f"{word}{'s' if len(grades) > 1 else ''} graded {graded}"
        return DEFAULT_BASE, "no Admiralty grade"


def _number(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text or "0"
