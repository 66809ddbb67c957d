"""How claimgraph's records map onto the Argument Interchange Format: one declared table, read both ways.

AIF (as AIFdb and OVA store it) has information nodes (``I``: what is said),
locution nodes (``L``: who said it, in their words), and scheme nodes that
connect them: ``YA`` (illocution: how an utterance puts its content),
``TA`` (transition: one utterance replies to another), ``RA`` (inference),
``CA`` (conflict) and ``MA`` (rephrase).

A claim becomes an I-node (its neutral ``text``) and an L-node
(``"Speaker: quote"``, or the text when there is no quote), linked
``L -> YA -> I`` by the illocution of its kind (:data:`ILLOCUTION_OF_KIND`).
A response of claim *c* to claim *d* becomes a reply ``L(d) -> TA -> L(c)``
anchored ``TA -> YA -> S`` to an S-node between the contents
``I(c) -> S -> I(d)``, as the row of :data:`RELATIONS` for its relation says;
a concession has no S-node: its anchor points at what is conceded.

When the format gains propositions (a claim asserting or denying a proposition),
stances become rows here too: the proposition an I-node, each stance a YA, RA
or CA row, so that writer and reader follow without other changes.

>>> [(row.relation, row.s_node.type if row.s_node else None, row.anchor.name) for row in RELATIONS][:2]
[('denies', 'CA', 'Disagreeing'), ('rebuts', 'CA', 'Arguing')]
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scheme:
    """An AIF scheme: the node type it makes, its name (also the node's text) and AIFdb's scheme id where known."""

    type: str
    name: str
    scheme_id: str | None = None


ASSERTING = Scheme("YA", "Asserting", "74")
DISAGREEING = Scheme("YA", "Disagreeing", "78")
ARGUING = Scheme("YA", "Arguing", "80")
RESTATING = Scheme("YA", "Restating", "101")
AGREEING = Scheme("YA", "Agreeing")
RESTRICTING = Scheme("YA", "Restricting")
RETRACTING = Scheme("YA", "Retracting")
TRANSITION = Scheme("TA", "Default Transition", "82")
INFERENCE = Scheme("RA", "Default Inference", "72")
CONFLICT = Scheme("CA", "Default Conflict", "71")
REPHRASE = Scheme("MA", "Default Rephrase", "144")
"""The schemes claimgraph writes; the ids are AIFdb's, as its corpora use them."""


@dataclass(frozen=True)
class RelationRow:
    """How one of our claim-to-claim relations is written in AIF."""

    relation: str
    s_node: Scheme | None
    anchor: Scheme
    meaning: str


RELATIONS: tuple[RelationRow, ...] = (
    RelationRow("denies", CONFLICT, DISAGREEING, "the reply disagrees: its content conflicts with the earlier one"),
    RelationRow("rebuts", CONFLICT, ARGUING, "the reply argues against: a conflict put forward as an argument"),
    RelationRow(
        "qualifies", CONFLICT, RESTRICTING, "the reply narrows the earlier content: a conflict with part of it"
    ),
    RelationRow("retracts", CONFLICT, RETRACTING, "the speaker withdraws the earlier content: a conflict with it"),
    RelationRow("supports", INFERENCE, ARGUING, "the reply argues for: its content is a reason for the earlier one"),
    RelationRow("endorses", INFERENCE, AGREEING, "the reply backs the earlier content without grounds of its own"),
    RelationRow("repeats", REPHRASE, RESTATING, "the reply restates the earlier content in other words"),
    RelationRow("concedes", None, AGREEING, "the reply agrees with the earlier content (no S-node)"),
)
"""Each response relation: the S-node between the two contents, and the illocution that anchors it to the reply."""

ILLOCUTION_OF_KIND: dict[str, Scheme] = {
    "accusation": ASSERTING,
    "statement": ASSERTING,
    "corroboration": ASSERTING,
    "admission": ASSERTING,
    "denial": DISAGREEING,
    "rebuttal": ARGUING,
    "qualification": RESTRICTING,
    "retraction": RETRACTING,
}
"""The YA that anchors a claim's own utterance to its content, by claim kind."""

KIND_OF_ILLOCUTION: dict[str, str] = {
    "Asserting": "statement",
    "Disagreeing": "denial",
    "Arguing": "rebuttal",
    "Restricting": "qualification",
    "Retracting": "retraction",
    "Agreeing": "admission",
    "Conceding": "admission",
    "Popular Conceding": "admission",
    "PopularConceding": "admission",
}
"""The claim kind an imported illocution gives; any other illocution gives a statement with a note."""

DEFAULT_RELATION: dict[str, str] = {"CA": "denies", "RA": "supports", "MA": "repeats"}
"""The relation an S-node gives when its anchor is not one of :data:`RELATIONS`."""


def relation_row(relation: str) -> RelationRow:
    """The row for one of our relations.

    >>> relation_row("supports").s_node
    Scheme(type='RA', name='Default Inference', scheme_id='72')
    """
    return next(row for row in RELATIONS if row.relation == relation)


def relation_of(s_type: str | None, anchor: str | None) -> str | None:
    """Our relation for an S-node type (``None``: no S-node) and the name of the YA anchoring it.

    >>> relation_of("CA", "Arguing"), relation_of("CA", None), relation_of(None, "Agreeing"), relation_of("PA", None)
    ('rebuts', 'denies', 'concedes', None)
    """
    for row in RELATIONS:
        if (row.s_node.type if row.s_node else None) == s_type and row.anchor.name == anchor:
            return row.relation
    return DEFAULT_RELATION.get(s_type or "")
