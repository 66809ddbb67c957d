"""The vocabulary of the format, declared once: record types, relations, stances, claim kinds, statuses and scales.

Every other layer reads these tables: the models take their allowed values
from them, the graph its edge relations, the queries what attacks, supports or
derives, the page its legend and styles, the JSON Schema its enums and the
README its tables (a test fails when a layer lacks an entry).

>>> RELATIONS["denies"].family, RELATIONS["rests_on"].family, RELATIONS["endorses"].family
('attack', 'derive', 'endorse')
>>> [r.name for r in RELATIONS.values() if r.response][:4]
['denies', 'rebuts', 'qualifies', 'retracts']
>>> STANCES["qualifies"].direction, CLAIM_KINDS["retraction"].stance, STATUSES["disputed"].colour
(-0.5, 'retracts', '#8E2C6B')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Family = Literal["attack", "support", "endorse", "derive", "repeat", "concede", "retract", "structure"]
"""What a relation does in the argument: ``attack`` contests, ``support`` confirms on its own grounds,
``endorse`` backs politically (never a new origin), ``derive`` rests on, ``repeat`` passes words on,
``concede`` grants, ``retract`` withdraws one's own; ``structure`` links records (who said it, where)."""

ATTACKING: frozenset[Family] = frozenset({"attack", "retract"})
"""Families that weigh against what they point at (a retraction withdraws the speaker's own claim)."""


@dataclass(frozen=True)
class NodeType:
    """A kind of node in the graph, and the section of a claims file its records come from."""

    name: str
    section: str
    label_field: str
    shape: str
    legend: str
    meaning: str


NODE_TYPES: dict[str, NodeType] = {
    t.name: t
    for t in (
        NodeType("actor", "actors", "name", "dot", "actor (person, body, outlet)", "who speaks, relays or is accused"),
        NodeType("claim", "claims", "label", "box", "claim", "something an actor said, as a document reports it"),
        NodeType(
            "proposition",
            "propositions",
            "statement",
            "hexagon",
            "proposition (what is at issue)",
            "what is at issue, stated neutrally; claims assert or deny it",
        ),
        NodeType(
            "evidence",
            "evidence",
            "name",
            "diamond",
            "evidence or event",
            "a document, image, object, testimony, finding or event that claims cite",
        ),
        NodeType("source", "sources", "title", "square", "source document", "a document that reports claims"),
        NodeType("place", "places", "name", "triangle", "place", "a place claims are about or made at"),
    )
}
"""Every node type, in the order a legend lists them."""


@dataclass(frozen=True)
class Relation:
    """An edge relation: what it links, what it means, what it does in the argument, and how it is drawn."""

    name: str
    label: str
    meaning: str
    family: Family
    tail: tuple[str, ...]
    head: tuple[str, ...]
    colour: str
    dashes: tuple[int, ...] = ()
    width: float = 1.5
    response: bool = False
    """Written under a claim's ``responds_to`` (``- denies: <claim id>``)."""
    stance: bool = False
    """Also a stance a claim takes on a proposition (``denies: <proposition id>``)."""

    @property
    def attacks(self) -> bool:
        """Whether the relation weighs against its head."""
        return self.family in ATTACKING


_C = ("claim",)
# Colours: Okabe-Ito hues, and dash patterns that keep attack, support and derivation apart when hues merge
# (deuteranopia), so no two argument relations differ by colour alone.
_RELATION_LIST = (
    Relation(
        "made",
        "made",
        "the actor is the claimant (or one of the claimants)",
        "structure",
        ("actor",),
        _C,
        "#555555",
        (),
        1.5,
    ),
    Relation("accuses", "accuses", "an accusation names the actor", "structure", _C, ("actor",), "#C0392B", (), 2.5),
    Relation(
        "targets",
        "addresses",
        "any other claim addresses the actor",
        "structure",
        _C,
        ("actor",),
        "#E08A7E",
        (6, 4),
        1.5,
    ),
    Relation(
        "denies",
        "denies",
        "says it is false",
        "attack",
        _C,
        ("claim", "proposition"),
        "#6A3D9A",
        (),
        2.5,
        response=True,
        stance=True,
    ),
    Relation(
        "rebuts",
        "rebuts",
        "argues against it, giving another account",
        "attack",
        _C,
        _C,
        "#6A3D9A",
        (12, 4),
        2.0,
        response=True,
    ),
    Relation(
        "qualifies",
        "qualifies",
        "narrows or hedges it: part is granted, part contested",
        "attack",
        _C,
        ("claim", "proposition"),
        "#CC79A7",
        (4, 4),
        2.0,
        response=True,
        stance=True,
    ),
    Relation(
        "retracts",
        "retracts",
        "the speaker withdraws it",
        "retract",
        _C,
        ("claim", "proposition"),
        "#000000",
        (2, 2),
        2.0,
        response=True,
        stance=True,
    ),
    Relation(
        "supports",
        "supports",
        "confirms it on its own grounds (an independent origin)",
        "support",
        _C,
        _C,
        "#009E73",
        (),
        2.5,
        response=True,
    ),
    Relation(
        "endorses",
        "endorses",
        "backs it without grounds of its own (never a new origin)",
        "endorse",
        _C,
        _C,
        "#56B4E9",
        (10, 3, 2, 3),
        2.0,
        response=True,
    ),
    Relation(
        "concedes",
        "concedes",
        "an opponent grants it",
        "concede",
        _C,
        ("claim", "proposition"),
        "#009E73",
        (8, 4),
        2.0,
        response=True,
        stance=True,
    ),
    Relation(
        "repeats",
        "repeats",
        "passes the same words or allegation on",
        "repeat",
        _C,
        _C,
        "#E69F00",
        (2, 4),
        2.0,
        response=True,
    ),
    Relation(
        "asserts",
        "asserts",
        "the claim says the proposition is true",
        "support",
        _C,
        ("proposition",),
        "#D55E00",
        (),
        2.0,
        stance=True,
    ),
    Relation(
        "rests_on",
        "rests on",
        "the claim is derived from it: no stronger than what it rests on",
        "derive",
        _C,
        ("claim", "evidence"),
        "#0072B2",
        (3, 3),
        2.0,
    ),
    Relation(
        "cites",
        "cites",
        "the claim points to the evidence as grounds",
        "structure",
        _C,
        ("evidence",),
        "#0072B2",
        (1, 3),
        1.5,
    ),
    Relation(
        "reports",
        "reports",
        "the document reports the claim or evidence (via lists the chain)",
        "structure",
        ("source",),
        ("claim", "evidence"),
        "#8C8C8C",
        (2, 3),
        1.2,
    ),
    Relation(
        "relays", "relays", "an intermediary passed the claim on", "structure", ("actor",), _C, "#8C8C8C", (7, 3), 1.2
    ),
    Relation(
        "published_by",
        "published by",
        "the outlet behind the document",
        "structure",
        ("source",),
        ("actor",),
        "#B3B3B3",
        (5, 2),
        1.0,
    ),
    Relation(
        "member_of",
        "member of",
        "speaks for or belongs to",
        "structure",
        ("actor",),
        ("actor",),
        "#B3B3B3",
        (1, 1),
        1.0,
    ),
    Relation(
        "implicates",
        "implicates",
        "the proposition is about what the actor did",
        "structure",
        ("proposition",),
        ("actor",),
        "#C0392B",
        (1, 3),
        1.2,
    ),
    Relation(
        "produced_by",
        "produced by",
        "who produced, holds or took part in the evidence or event",
        "structure",
        ("evidence",),
        ("actor",),
        "#B3B3B3",
        (1, 3),
        1.0,
    ),
    Relation(
        "concerns",
        "concerns",
        "is about the place",
        "structure",
        ("claim", "proposition", "evidence"),
        ("place",),
        "#CFCFCF",
        (1, 4),
        1.0,
    ),
    Relation(
        "said_at",
        "said at",
        "where the claim was made (a place or an event)",
        "structure",
        _C,
        ("place", "evidence"),
        "#CFCFCF",
        (6, 2),
        1.0,
    ),
)
RELATIONS: dict[str, Relation] = {r.name: r for r in _RELATION_LIST}
"""Every edge relation, in the order a legend lists them."""

RESPONSE_RELATIONS: tuple[str, ...] = tuple(r.name for r in _RELATION_LIST if r.response)
"""How a claim can answer an earlier claim (``responds_to``)."""


@dataclass(frozen=True)
class Stance:
    """A position a claim takes on a proposition, and which way it weighs (+1 for, -1 against)."""

    name: str
    direction: float
    meaning: str
    icon: str
    """The glyph on a claim's badge in the page (one that Liberation Sans and Arial draw: no fallback font)."""


STANCES: dict[str, Stance] = {
    s.name: s
    for s in (
        Stance("asserts", 1.0, "says the proposition is true", "\u25b2"),  # ▲ for it
        Stance("denies", -1.0, "says the proposition is false", "\u25bc"),  # ▼ against it
        Stance("qualifies", -0.5, "narrows or hedges it: grants part, contests part", "\u00b1"),  # ± part, part
        Stance("concedes", 1.0, "grants it, though the speaker is on the other side", "\u221a"),  # √ granted
        Stance("retracts", -1.0, "withdraws the speaker's own earlier assertion of it", "\u00d7"),  # × withdrawn
    )
}
"""The stances, each also a relation (claim -> proposition) of the same name."""


@dataclass(frozen=True)
class PropositionStatus:
    """How a proposition can stand on a day (see :func:`graph.queries.status`), and how the page draws it."""

    name: str
    meaning: str
    colour: str
    """Border of the proposition's hub and background of its status badge (white text on it meets WCAG AA)."""
    dashes: tuple[int, ...] = ()
    """Dash pattern of the hub's border (empty: solid), so statuses whose colours merge stay apart."""


STATUSES: dict[str, PropositionStatus] = {
    s.name: s
    for s in (
        PropositionStatus("not yet made", "no claim on it is on record yet", "#767676", (4, 4)),
        PropositionStatus("unasserted", "some claims deny or qualify it, none asserts it", "#0B62A4"),
        PropositionStatus("unanswered", "asserted, and nothing denies, qualifies or concedes it", "#B34700"),
        PropositionStatus("disputed", "asserted, and denied or qualified by a claim not withdrawn", "#8E2C6B"),
        PropositionStatus("conceded", "granted by the side or the actor it implicates", "#00704A"),
        PropositionStatus("retracted", "asserted, and every assertion since withdrawn", "#222222"),
    )
}
"""Every status a proposition can have, in the order of :data:`graph.queries.STATUS_NAMES`."""


@dataclass(frozen=True)
class ClaimKind:
    """What a claim does in the dispute, the stance it takes on what it is about, and its badge colour."""

    name: str
    stance: str
    meaning: str
    colour: str
    border: tuple[int, ...] = ()
    """Dash pattern of the claim's box border on the canvas (empty: solid), so kinds of one hue stay apart."""


CLAIM_KINDS: dict[str, ClaimKind] = {
    k.name: k
    for k in (
        ClaimKind("accusation", "asserts", "says an actor did something wrong", "#C0392B"),
        ClaimKind("denial", "denies", "says an accusation is false", "#6A3D9A"),
        ClaimKind("rebuttal", "denies", "answers an accusation with another account", "#6A3D9A", (7, 3)),
        ClaimKind("qualification", "qualifies", "narrows or hedges an earlier claim", "#A0457E", (3, 3)),
        ClaimKind("retraction", "retracts", "withdraws the speaker's own earlier claim", "#000000", (2, 2)),
        ClaimKind("admission", "concedes", "an actor grants something against its own side or itself", "#9A6700"),
        ClaimKind("corroboration", "asserts", "confirms another's claim", "#1E7A46"),
        ClaimKind("statement", "asserts", "any other assertion", "#555555", (1, 2)),
    )
}
"""Every claim kind, with the stance it takes on the propositions it names."""

EVIDENCE_KINDS: dict[str, str] = {
    "document": "a document both sides can cite (a letter, a report, a leaked file)",
    "imagery": "photographs, video or satellite images",
    "object": "a physical item (a fragment, a serial number, a weapon)",
    "testimony": "what witnesses or detainees are recorded as saying",
    "finding": "the conclusion of an investigation",
    "event": "something that happened: a downing, a strike, a press conference",
}
"""Kinds of evidence and event records."""

MODALITIES: dict[str, str] = {
    "certain": "asserted as fact",
    "likely": "asserted as probable ('more than likely', 'highly likely')",
    "possible": "raised as a possibility ('may have', 'cannot be ruled out')",
}
"""How firmly a claim is put."""

CONFIDENCES: dict[str, str] = {
    "high": "the curator is confident of the link",
    "moderate": "the link is a reasonable reading of the text",
    "low": "the link is the curator's tentative judgement",
}
"""The curator's confidence in a link they recorded (response or derivation)."""

ACTOR_KINDS: dict[str, str] = {
    "person": "a named individual",
    "government-body": "a ministry, agency or office",
    "armed-force": "a state's or coalition's forces",
    "armed-group": "a non-state armed group",
    "media-outlet": "a news outlet or wire service",
    "anonymous-source": "an unnamed speaker",
    "detainees": "captured fighters or prisoners",
    "organisation": "any other organisation",
}
"""Kinds of actor."""

BASES: dict[str, str] = {
    "official-statement": "an official says so, citing nothing further",
    "witness-accounts": "eyewitnesses",
    "detainee-confession": "statements of captured people",
    "anonymous-source": "an unnamed source",
    "local-sources": "unnamed local sources",
    "intelligence": "intelligence",
    "documents": "documents",
    "imagery": "photographs, video or satellite images",
    "own-reporting": "the outlet's own reporting",
    "none-given": "no basis given",
}
"""What a claim says it rests on, in a word (cite evidence records for more)."""
