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

A proposition is an I-node of its statement, and an evidence item an I-node
of its name; nobody utters either, so neither has an L-node. A claim's links
to them (its stances, ``rests_on`` and ``cites``) are rows of :data:`LINKS`:
an S-node between the claim's content and the other I-node, anchored on the
claim's own utterance ``L(c) -> YA -> S`` (a response is anchored on a reply
``TA``; a link on the claim's own words, since nobody else spoke).

Why ``asserts`` is an RA from the claim's content to the proposition, and not
the claim's YA anchoring the proposition as well: in AIF practice (AIFdb's
corpora, OVA) a locution's illocution anchors one propositional content, the
reported content; a second YA from the same L would read as the speaker
saying the proposition in those words, which claimgraph's neutral statement is
not. What was said bears on what is at issue as an inference, so the stance is
a ``Default Inference`` from I(claim) to I(proposition), anchored by
``Asserting``. ``denies``, ``qualifies`` and ``retracts`` are conflicts with the
proposition anchored as the responses of the same name are; ``concedes`` has
no S-node: ``Agreeing`` anchors the proposition itself, next to the claim's
own illocution.

``rests_on`` and ``cites`` run the other way: the premise is what the claim
rests on (a claim or an evidence item), the conclusion is the claim's content.
Derivation is anchored by ``Arguing`` (the speaker argues from it); citing is
anchored by ``Asserting`` (the speaker puts the evidence forward without
arguing from it). A supporting *response* is also an RA anchored by
``Arguing``, but from a reply ``TA`` and from the supporter's content, so the
three never read as one another.

>>> [(row.relation, row.s_node.type if row.s_node else None, row.anchor.name) for row in RELATIONS][:2]
[('denies', 'CA', 'Disagreeing'), ('rebuts', 'CA', 'Arguing')]
>>> [(row.relation, row.anchor.name, row.claim_is_premise) for row in LINKS][-2:]
[('rests_on', 'Arguing', False), ('cites', 'Asserting', False)]
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


@dataclass(frozen=True)
class LinkRow:
    """How one of a claim's links to a proposition or evidence is written, anchored on the claim's utterance.

    ``claim_is_premise``: the S-node runs from the claim's content to the other
    I-node (a stance), or from the other I-node into the claim's content (what
    the claim rests on or cites). ``to``: the node types the link may point at.
    """

    relation: str
    s_node: Scheme | None
    anchor: Scheme
    claim_is_premise: bool
    to: tuple[str, ...]
    meaning: str


_P = ("proposition",)
LINKS: tuple[LinkRow, ...] = (
    LinkRow("asserts", INFERENCE, ASSERTING, True, _P, "what the claim says is a reason to hold the proposition true"),
    LinkRow("denies", CONFLICT, DISAGREEING, True, _P, "the claim's content conflicts with the proposition"),
    LinkRow("qualifies", CONFLICT, RESTRICTING, True, _P, "the claim narrows the proposition: a conflict with part"),
    LinkRow("concedes", None, AGREEING, True, _P, "the claimant agrees to the proposition (no S-node)"),
    LinkRow("retracts", CONFLICT, RETRACTING, True, _P, "the claimant withdraws the proposition: a conflict with it"),
    LinkRow("rests_on", INFERENCE, ARGUING, False, ("claim", "evidence"), "the claim is argued from it (derived)"),
    LinkRow("cites", INFERENCE, ASSERTING, False, ("evidence",), "the claim puts the evidence forward"),
)
"""A claim's stances, derivations and citations: the S-node, its anchor on L(claim), and its direction."""


def link_row(relation: str) -> LinkRow:
    """The row for one of a claim's links.

    >>> link_row("rests_on").s_node.type, link_row("concedes").s_node
    ('RA', None)
    """
    return next(row for row in LINKS if row.relation == relation)


def link_of(s_type: str | None, anchor: str, claim_is_premise: bool) -> LinkRow | None:
    """The link an S-node anchored on a claim's own utterance gives (``None``: not one of ours).

    >>> link_of("RA", "Asserting", True).relation, link_of("RA", "Asserting", False).relation
    ('asserts', 'cites')
    """
    for row in LINKS:
        if (row.s_node.type if row.s_node else None, row.anchor.name, row.claim_is_premise) == (
            s_type,
            anchor,
            claim_is_premise,
        ):
            return row
    return None


WRITTEN_AS_LOCUTION = "made"
"""The relation an L-node's locution carries: each claimant a participant of the claim's utterance."""

NOT_WRITTEN: dict[str, str] = {
    "accuses": "AIF has no addressee or target of what is said",
    "targets": "AIF has no addressee or target of what is said",
    "reports": "a locution carries one source link: the first report's; the others are not written",
    "relays": "AIF has no chain of intermediaries",
    "published_by": "AIF has no publisher of a source",
    "member_of": "AIF's participants have no groups",
    "implicates": "an I-node names no actors",
    "produced_by": "an I-node names no actors",
    "concerns": "AIF has no places",
    "said_at": "AIF has no places or events where something was said",
}
"""The relations AIF cannot carry, and why: export leaves them out, and the round trip does not compare them."""

NOT_WRITTEN_FIELDS: tuple[str, ...] = (
    "labels, tags, notes, basis, credibility and curators' confidence in links",
    "a claim's modality, conditional and scope",
    "inferred publishers and intermediaries",
    "a report's own quote, language and translation (the L-node has the claim's quote)",
    "an evidence item's kind, description, date and reports",
    "actors who made no claim, sides, places, and sources without a link",
)
"""What AIF cannot carry besides :data:`NOT_WRITTEN`: listed in the README's AIF section."""

JOINT = " & "
"""Between the names of a joint statement's claimants in its L-node text (one locution per claimant)."""

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
