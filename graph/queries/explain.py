"""Why a proposition stands as it does, or a claim weighs what it does: one paragraph a reader can check.

For a proposition (or a claim standing for its own), the paragraph gives its
status and since when (:func:`~graph.queries.status`), the claims for it and
against it with who made them, when, and the evidence each cites, how many
independent origins the claims for it come from
(:func:`~graph.queries.independent_origins`), and its strength with what made
it (:func:`~graph.queries.strength`). For a claim that takes positions, it
gives each position and the status of the proposition, then the claim's own
strength. Anything not weighed (an endorsement, a confirmation from the
claim's own origin) is named with the reason. A subject not yet on record on
``as_of`` gets a paragraph saying so, never an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from ..types import ClaimGraph
from .index import index
from .origins import independent_origins, origins_of_each
from .positions import claim_positions, is_implicit, positions
from .records import Explanation, Origins, Stand, Status
from .status import status
from .strength import Strength
from .walk import RESPONSES, in_edges, node_dict, out_edges
from .weight import DERIVING, argument_framework, argument_id, strength, strengths
from .when import DateLike, as_of_day, chronological

ROLE_WORDS = {
    "asserts": "asserts it",
    "concedes": "concedes it",
    "endorses": "endorses it",
    "denies": "denies it",
    "qualifies": "qualifies it",
    "retracts": "retracts it",
}

NOT_A_PROBABILITY = "DF-QuAD, how the recorded argument stands, not a probability"


def why(G: ClaimGraph, subject: str, *, as_of: DateLike | None = None) -> Explanation:
    """Why ``subject`` (a proposition, a claim or an evidence item) stands as it does on ``as_of`` (default: today).

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> print(why(G, "gerasimov-training", as_of="2024-05-01").reason)  # doctest: +NORMALIZE_WHITESPACE
    As of 2024-05-01, gerasimov-training (gerasimov, 2017-12?) asserts us-trains-isis, which is disputed since
    2017-12-29? (2315 days). Its own strength 0.25 (DF-QuAD, how the recorded argument stands, not a probability):
    base 0.5, attacked by rebarich-denies-training (0.5). Not weighed: zakharova-training (comes from its own
    origin (russian-government): not independent).
    >>> why(G, "gerasimov-training", as_of="2017-11-30").reason
    'As of 2017-11-30, gerasimov-training was not yet made: it is dated 2017-12?, so not certainly made by then.'
    """
    return _explain(G, argument_id(G, subject), _OneAtATime(G, as_of_day(as_of)))


def why_each(
    G: ClaimGraph,
    subjects: Iterable[str],
    *,
    as_of: DateLike | None = None,
    origins: Mapping[str, Origins] | None = None,
) -> dict[str, Explanation]:
    """:func:`why` for each of ``subjects``, the same paragraphs, weighing the whole graph once for all of them.

    ``origins``: the subjects' independent origins when the caller has already found them
    (:func:`~graph.queries.origins_of_each`, same ``as_of``), so they are not walked again.

    >>> import graph
    >>> G = graph.load("data/claims.yaml")
    >>> found = why_each(G, ["gerasimov-training", "us-trains-isis"], as_of="2024-05-01")
    >>> found["us-trains-isis"] == why(G, "us-trains-isis", as_of="2024-05-01")
    True
    """
    chosen = [argument_id(G, subject) for subject in subjects]
    asked = _AllAtOnce(G, as_of_day(as_of), chosen, origins)
    return {subject: _explain(G, subject, asked) for subject in chosen}


class _OneAtATime:
    """What a paragraph asks of the other queries, for one subject: each answer from what bears on it alone."""

    def __init__(self, G: ClaimGraph, day: dt.date) -> None:
        self.G, self.day = G, day

    def status(self, proposition: str) -> Status:
        return status(self.G, proposition, as_of=self.day)

    def strength(self, subject: str) -> Strength[str]:
        return strength(self.G, subject, as_of=self.day)

    def set_aside(self, subject: str) -> tuple[tuple[str, str], ...]:
        return argument_framework(self.G, as_of=self.day, around=subject).set_aside.get(subject, ())

    def origins(self, proposition: str) -> Origins:
        return independent_origins(self.G, proposition, as_of=self.day)


class _AllAtOnce(_OneAtATime):
    """The same answers for many subjects: strengths and the framework of the whole graph, origins in one walk."""

    def __init__(
        self, G: ClaimGraph, day: dt.date, subjects: list[str], found: Mapping[str, Origins] | None = None
    ) -> None:
        super().__init__(G, day)
        self.framework = argument_framework(G, as_of=day)
        self.strengths = strengths(G, as_of=day)
        propositions = [s for s in subjects if node_dict(G)[s].get("type") == "proposition" or is_implicit(G, s)]
        missing = [p for p in propositions if found is None or p not in found]
        self.all_origins = {**(found or {}), **origins_of_each(G, missing, as_of=day)}
        self.statuses: dict[str, Status] = {}

    def status(self, proposition: str) -> Status:
        if proposition not in self.statuses:
            self.statuses[proposition] = super().status(proposition)
        return self.statuses[proposition]

    def strength(self, subject: str) -> Strength[str]:
        return self.strengths[subject]

    def set_aside(self, subject: str) -> tuple[tuple[str, str], ...]:
        return self.framework.set_aside.get(subject, ())

    def origins(self, proposition: str) -> Origins:
        return self.all_origins[proposition]


def _explain(G: ClaimGraph, subject: str, asked: _OneAtATime) -> Explanation:
    day = asked.day
    kind = node_dict(G)[subject].get("type")
    if kind == "claim" and subject not in index(G).on_record(day):
        return _not_yet_made(G, subject, day)
    if kind == "proposition" or (kind == "claim" and is_implicit(G, subject)):
        return _proposition(G, subject, asked)
    if kind == "claim":
        return _claim(G, subject, asked)
    return _evidence(G, subject, asked)


def _not_yet_made(G: ClaimGraph, claim: str, day: dt.date) -> Explanation:
    date = node_dict(G)[claim].get("date")
    dated = f"it is dated {date}, so not certainly made by then" if date else "it is undated: on record from today"
    return Explanation(claim, day, "not yet made", None, (), (), f"As of {day}, {claim} was not yet made: {dated}.")


def _proposition(G: ClaimGraph, proposition: str, asked: _OneAtATime) -> Explanation:
    day = asked.day
    found = asked.status(proposition)
    head = f"As of {day}, {proposition} ({_quoted(found.statement)})"
    if found.status == "not yet made":
        first = _first_claim(G, proposition)
        later = f"; the first, {first}, is dated {node_dict(G)[first].get('date') or 'nowhere'}" if first else ""
        reason = f"{head} was not yet made: no claim on it is on record{later}."
        return Explanation(proposition, day, "not yet made", None, (), (), reason)
    weight = asked.strength(proposition)
    parts = [
        f"{head} is {_standing(found)}.",
        _side(G, proposition, "For it" + _origin_count(asked.origins(proposition)), found.for_),
        _side(G, proposition, "Against it", found.against),
        _strength_sentence(proposition, weight.describe(), asked.set_aside(proposition)),
    ]
    for_ = tuple(s.claim for s in found.for_) + found.evidence_for
    against = tuple(s.claim for s in found.against) + found.evidence_against
    return Explanation(proposition, day, found.status, weight.strength, for_, against, " ".join(parts))


def _claim(G: ClaimGraph, claim: str, asked: _OneAtATime) -> Explanation:
    day = asked.day
    stands = []
    for position in claim_positions(G, claim):
        found = asked.status(position.proposition)
        answered = position.answers if position.answers != position.proposition else None
        through = f" (as it {_relation(G, claim, answered)} {answered})" if answered else ""
        stands.append(f"{position.role} {position.proposition}{through}, which is {_standing(found)}")
    said = "; and ".join(stands) if stands else "takes no position on any proposition"
    weight = asked.strength(claim)
    parts = [
        f"As of {day}, {claim} ({_who_when(G, claim)}) {said}.",
        _strength_sentence(claim, weight.describe(), asked.set_aside(claim), own=True),
    ]
    for_ = tuple(a for a, _ in (*weight.supporters, *weight.grounds))
    against = tuple(a for a, _ in weight.attackers)
    return Explanation(claim, day, None, weight.strength, for_, against, " ".join(parts))


def _evidence(G: ClaimGraph, item: str, asked: _OneAtATime) -> Explanation:
    day = asked.day
    on = index(G).on_record(day)
    users = sorted({u for u, _, _ in in_edges(G, item, ("cites", *DERIVING), of_type="claim") if u in on})
    if not users:
        return Explanation(
            item, day, None, None, (), (), f"As of {day}, no claim on record cites {item} or rests on it."
        )
    weight = asked.strength(item)
    sentence = _strength_sentence(item, weight.describe(), asked.set_aside(item))
    reason = f"As of {day}, {item} is cited or rested on by {', '.join(users)}. {sentence}"
    return Explanation(item, day, None, weight.strength, (), (), reason)


def _strength_sentence(subject: str, described: str, aside: tuple[tuple[str, str], ...], *, own: bool = False) -> str:
    value, _, rest = described.removeprefix("strength ").partition(": ")
    sentence = f"{'Its own strength' if own else 'Strength'} {value} ({NOT_A_PROBABILITY}): {rest}."
    if aside:
        sentence += " Not weighed: " + "; ".join(f"{c} ({reason})" for c, reason in aside) + "."
    return sentence


def _side(G: ClaimGraph, proposition: str, label: str, stands: tuple[Stand, ...]) -> str:
    if not stands:
        return f"{label}: nothing on record."
    items = [f"{s.claim} ({_who_when_of(s)}) {_role(G, proposition, s)}{_grounds(G, proposition, s)}" for s in stands]
    return f"{label}: {'; '.join(items)}."


def _who_when_of(stand: Stand) -> str:
    return f"{', '.join(stand.claimants)}, {stand.date or 'undated'}"


def _role(G: ClaimGraph, proposition: str, stand: Stand) -> str:
    """The claim's role, and the response its position comes from: ``denies it (as it rebuts x)``."""
    words = ROLE_WORDS[stand.role]
    if stand.answers and stand.answers != proposition:
        words += f" (as it {_relation(G, stand.claim, stand.answers)} {stand.answers})"
    return words + (", since withdrawn" if stand.withdrawn else "")


def _grounds(G: ClaimGraph, proposition: str, stand: Stand) -> str:
    """What the claim rests on or repeats besides what its position comes from, and the evidence it cites or
    rests on, in words."""
    derived = [
        f"{how.replace('_', ' ')} {v}"
        for v, how, _ in out_edges(G, stand.claim, DERIVING, of_type="claim")
        if v != stand.answers or stand.answers == proposition
    ]
    cited = [f"citing {', '.join(stand.evidence)}"] if stand.evidence else []
    return "".join(f", {words}" for words in (*derived, *cited))


def _relation(G: ClaimGraph, claim: str, answered: str) -> str:
    return next(how for v, how, _ in out_edges(G, claim, RESPONSES, of_type="claim") if v == answered)


def _origin_count(found: Origins) -> str:
    if not found.count:
        return ""
    circular = f"; circular reporting: {'; '.join(str(c) for c in found.circular)}" if found.circular else ""
    plural = "" if found.count == 1 else "s"
    return f", from {found.count} independent origin{plural} ({'; '.join(found.origins)}{circular})"


def _standing(found: Status) -> str:
    if found.since is None:
        return found.status
    days = f" ({found.days} day{'' if found.days == 1 else 's'})" if found.days is not None else ""
    return f"{found.status} since {found.since}{days}"


def _who_when(G: ClaimGraph, claim: str) -> str:
    attrs = node_dict(G)[claim]
    return f"{', '.join(attrs.get('claimants') or [attrs['claimant']])}, {attrs.get('date') or 'undated'}"


def _quoted(text: str) -> str:
    return f'"{" ".join(text.split())}"'


def _first_claim(G: ClaimGraph, proposition: str) -> str | None:
    claims = [p.claim for p in positions(G).get(proposition, [])]
    return chronological(G, claims)[0] if claims else None
