"""Read-only questions over a claim graph: who accused whom, what was answered, what stands, where it came from.

Every query is a plain function taking the graph first and options by
keyword, like a networkx algorithm, and works on any graph
:func:`graph.build_graph` made, including one cut down by :func:`subgraph`.
Actors and places can be named by id, name or alias; an unknown name raises
:class:`~graph.errors.UnknownIdError` with the closest ids.

==========================  ====================================================================
accusations_against         accusations naming an actor (its members, its side)
accusations_by              accusations an actor made (its members, its side)
accused                     the actors one accusation names
responses_to                claims answering a claim, in date order
responds_to                 claims a claim answers, in date order
thread                      the whole exchange a claim belongs to
propositions                what is at issue: declared propositions, and claims standing for their own
positions                   who stands where on each proposition: asserts, denies, concedes, ...
status                      how a proposition stands on a day (unanswered, disputed, ...), since when
statuses                    the same for every proposition
unanswered                  propositions at issue nothing denies, qualifies or concedes, since when
timeline                    claims in date order, filtered, with date certainty
subgraph                    the same filters, returning a graph
provenance                  report chains from each document back to the speaker
independent_origins         the independent origins behind a claim or proposition; circular reporting
origins_of_each             the same for many claims or propositions at once
strengths                   DF-QuAD strength of every claim and proposition, from the records
strength                    the same for one, from what bears on it alone
argument_framework          the records as a bipolar argument framework: base scores, attacks, ...
why                         why a proposition or claim stands as it does: sides, evidence, strength
why_each                    the same for many subjects at once, weighing the whole graph once
grounded_labels             Dung's grounded semantics: in / out / undec (the most sceptical reading)
why_grounded                the attackers that put a claim out, or keep it undec
dfquad                      DF-QuAD strengths of any argument framework, explained
dfquad_strengths            the same, the numbers alone
forget                      drop the analysis index kept for a graph changed in place
==========================  ====================================================================

>>> import graph
>>> from graph.queries import accusations_against, responses_to
>>> G = graph.load("data/claims.yaml")
>>> "rebarich-denies-training" in [r.claim for r in responses_to(G, "gerasimov-training")]
True
"""

from __future__ import annotations

from .accusations import accusations_against, accusations_by, accused, actor_group
from .argumentation import grounded_labelling, grounded_labels, why_grounded
from .explain import why, why_each
from .filters import KINDS, select_claims, subgraph
from .index import forget
from .origins import By, independent_origins, origins_of_each
from .positions import claim_positions, positions, propositions
from .provenance import citation_loops, provenance
from .records import (
    STATUS_NAMES,
    Chain,
    Circularity,
    Explanation,
    GroundedExplanation,
    Label,
    Origins,
    Position,
    Reply,
    Route,
    Stand,
    Status,
    TimelineEntry,
)
from .resolve import resolve, resolve_side
from .responses import responds_to, responses_to, thread
from .status import status, statuses, unanswered
from .strength import Strength, Strengths, dfquad, dfquad_strengths
from .timeline import timeline
from .weight import Framework, argument_framework, argument_id, strength, strengths
from .when import DateLike, as_of_day, reference_day

__all__ = [
    "KINDS",
    "STATUS_NAMES",
    "By",
    "Chain",
    "Circularity",
    "DateLike",
    "Explanation",
    "Framework",
    "GroundedExplanation",
    "Label",
    "Origins",
    "Position",
    "Reply",
    "Route",
    "Stand",
    "Status",
    "Strength",
    "Strengths",
    "TimelineEntry",
    "accusations_against",
    "accusations_by",
    "accused",
    "actor_group",
    "argument_framework",
    "argument_id",
    "as_of_day",
    "citation_loops",
    "claim_positions",
    "dfquad",
    "dfquad_strengths",
    "forget",
    "grounded_labelling",
    "grounded_labels",
    "independent_origins",
    "origins_of_each",
    "positions",
    "propositions",
    "provenance",
    "reference_day",
    "resolve",
    "resolve_side",
    "responds_to",
    "responses_to",
    "select_claims",
    "status",
    "statuses",
    "strength",
    "strengths",
    "subgraph",
    "thread",
    "timeline",
    "unanswered",
    "why",
    "why_each",
    "why_grounded",
]
