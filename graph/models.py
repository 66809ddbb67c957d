"""The claim-record format: pydantic models for sides, actors, places, sources and claims.

Each model is strict (``extra="forbid"``): a typo such as ``claimaint:`` is an
error, not silence. Rules that span records (references, unique ids) live in
:mod:`graph.checks`; these models check one record at a time.

>>> Claim.model_validate({"id": "c1", "claimant": "a", "kind": "denial",
...     "text": "A denies it.", "reports": ["doc"], "responds_to": [{"denies": "c0"}]})
... # doctest: +ELLIPSIS
Claim(id='c1', claimant='a', kind='denial', ...)
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from .dates import PartialDate

SLUG_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"


def _coerce_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("a date is text such as 2017, 2017-10 or 2017-10-06")
    return PartialDate.parse(value)


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=120),
    Field(description="A readable id: lowercase letters, digits and hyphens, e.g. konashenkov-black-hole."),
]
"""An id or a reference to one."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]

DateValue = Annotated[
    PartialDate,
    PlainValidator(_coerce_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": ["string", "integer"],
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?[?~%]?$",
            "description": "YYYY, YYYY-MM or YYYY-MM-DD; append ~ (approximate), ? (uncertain) or % (both).",
            "examples": ["2017-10-06", "2017-10~", "2021?"],
        }
    ),
]
"""A partial date in EDTF notation; see :class:`graph.dates.PartialDate`."""


def _one_or_many(value: Any) -> Any:
    """``targets: us-forces`` means ``targets: [us-forces]``: one item need not be written as a list."""
    return [value] if isinstance(value, str) else value


IdList = Annotated[
    list[Slug],
    BeforeValidator(_one_or_many, json_schema_input_type=Slug | list[Slug]),
]
"""Ids of other records: a list, or one id on its own."""

TextList = Annotated[
    list[Text],
    BeforeValidator(_one_or_many, json_schema_input_type=Text | list[Text]),
]
"""Pieces of text: a list, or one on its own."""


Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]

TagList = Annotated[
    list[Tag],
    BeforeValidator(_one_or_many, json_schema_input_type=Tag | list[Tag]),
]
"""Short keywords: a list, or one on its own."""


def _check_http_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/?#]+\.[^\s]*$|^https?://[^\s/?#]+$", value, re.IGNORECASE):
        raise ValueError("only http:// and https:// links are allowed")
    return value


HttpUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=2000),
    AfterValidator(_check_http_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"}),
]

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]


class ActorKind(StrEnum):
    """What sort of actor speaks, relays or is accused."""

    person = "person"
    government_body = "government-body"
    armed_force = "armed-force"
    armed_group = "armed-group"
    media_outlet = "media-outlet"
    anonymous_source = "anonymous-source"
    detainees = "detainees"
    organisation = "organisation"


class ClaimKind(StrEnum):
    """What a claim does in the dispute."""

    accusation = "accusation"
    denial = "denial"
    rebuttal = "rebuttal"
    admission = "admission"
    corroboration = "corroboration"
    statement = "statement"


class Basis(StrEnum):
    """What a claim says it rests on."""

    official_statement = "official-statement"
    witness_accounts = "witness-accounts"
    detainee_confession = "detainee-confession"
    anonymous_source = "anonymous-source"
    local_sources = "local-sources"
    intelligence = "intelligence"
    documents = "documents"
    imagery = "imagery"
    own_reporting = "own-reporting"
    none_given = "none-given"


RESPONSE_RELATIONS = ("denies", "rebuts", "supports", "concedes", "repeats")
"""How a claim can answer an earlier one; each is also an edge relation in the graph."""

Reliability = Literal["A", "B", "C", "D", "E", "F"]
"""Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged."""

Credibility = Annotated[int, Field(ge=1, le=6)]
"""Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged."""


class Record(BaseModel):
    """Settings shared by every record: strict keys, no coercion of lists to text."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)


class TopLevelRecord(Record):
    """A record of one of a file's sections (a side, actor, place, source, claim, ...).

    ``draft: true`` marks a record that ``claimgraph draft`` proposed and no curator has checked
    yet: ``validate`` warns about it until the mark is deleted, so a draft never passes for
    curated data.
    """

    draft: bool | None = Field(
        None,
        repr=False,
        description="Set by `claimgraph draft`: not yet checked by a curator. Delete it once checked.",
    )


class Side(TopLevelRecord):
    """A declared affiliation that actors belong to, e.g. the Russian government."""

    id: Slug
    name: Text
    colour: Colour | None = Field(None, description="#rrggbb; a colour-blind-safe default is chosen when absent.")
    description: Text | None = None


class Actor(TopLevelRecord):
    """A person, body, group or outlet that speaks, relays or is accused."""

    id: Slug
    name: Text
    kind: ActorKind
    side: Slug | None = Field(None, description="Id of a side; leave out for actors with no declared side.")
    member_of: IdList = Field(default_factory=list, description="Ids of actors this one speaks for or belongs to.")
    aliases: TextList = Field(default_factory=list)
    description: Text | None = None
    reliability: Reliability | None = Field(None, description="Admiralty source reliability A-F.")
    note: Text | None = None


class Place(TopLevelRecord):
    """A place claims are about; aliases catch spellings such as At Tanf and al-Tanaf."""

    id: Slug
    name: Text
    aliases: TextList = Field(default_factory=list)
    description: Text | None = None
    note: Text | None = None


class Source(TopLevelRecord):
    """A document that reports claims."""

    id: Slug
    title: Text
    publisher: Slug | None = Field(
        None, description="Id of the outlet actor; leave out when the document does not say."
    )
    url: HttpUrl | None = None
    published: DateValue | None = None
    date_note: Text | None = Field(None, description="How the publication date was determined.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] | None = None
    archive: Text | None = Field(None, description="Path of the archived text, relative to this YAML file.")
    note: Text | None = None


def _report_shorthand(value: Any) -> Any:
    return {"source": value} if isinstance(value, str) else value


class Report(Record):
    """One source a claim appears in, and who relayed it between the claimant and that source."""

    source: Slug
    via: IdList = Field(
        default_factory=list,
        description="Intermediary actors, the one nearest the claimant first.",
    )
    note: Text | None = None


ReportEntry = Annotated[Report, BeforeValidator(_report_shorthand)]
"""A report, or just a source id as shorthand for one with no intermediaries."""


class Response(Record):
    """How a claim answers an earlier claim: exactly one of the keys, e.g. ``denies: claim-id``."""

    model_config = ConfigDict(
        json_schema_extra={"minProperties": 1, "maxProperties": 1},
    )

    denies: Slug | None = None
    rebuts: Slug | None = None
    supports: Slug | None = None
    concedes: Slug | None = None
    repeats: Slug | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Response:
        given = [name for name in RESPONSE_RELATIONS if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("a response names exactly one earlier claim with one of: " + ", ".join(RESPONSE_RELATIONS))
        return self

    @cached_property
    def how(self) -> str:
        """The relation: ``'denies'``, ``'rebuts'``, ``'supports'``, ``'concedes'`` or ``'repeats'``."""
        return next(name for name in RESPONSE_RELATIONS if getattr(self, name) is not None)

    @property
    def claim(self) -> str:
        """The id of the claim answered."""
        return str(getattr(self, self.how))


class Claim(TopLevelRecord):
    """Something an actor said: an accusation, a denial, a rebuttal, ..."""

    id: Slug
    claimant: Slug = Field(description="Id of the actor who made the claim.")
    kind: ClaimKind
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)] | None = Field(
        None, description="A few words shown on the graph; made from the id when absent."
    )
    text: Text = Field(description="A neutral paraphrase of what was claimed.")
    quote: TextList = Field(
        default_factory=list,
        description="The verbatim words, or a list of verbatim fragments.",
    )
    date: DateValue | None = Field(None, description="When the claim was made, as precisely as the source allows.")
    date_note: Text | None = Field(None, description="How the date was determined.")
    targets: IdList = Field(default_factory=list, description="Ids of the actors accused or addressed.")
    responds_to: list[Response] = Field(default_factory=list)
    reports: Annotated[list[ReportEntry], BeforeValidator(_one_or_many), Field(min_length=1)] = Field(
        description="The sources the claim appears in: a source id, or {source, via}.",
    )
    places: IdList = Field(default_factory=list)
    basis: Basis | None = Field(None, description="What the claim says it rests on.")
    credibility: Credibility | None = Field(None, description="Admiralty information credibility 1-6.")
    tags: TagList = Field(default_factory=list)
    note: Text | None = None


class Document(Record):
    """One YAML file: every section is optional, so a data set can be split over files."""

    model_config = ConfigDict(title="claimgraph claim records")

    title: Text | None = Field(
        None, description="The data set's name, shown on the explorer page; the first file's title wins."
    )
    sides: list[Side] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)


SECTIONS: tuple[str, ...] = ("sides", "actors", "places", "sources", "claims")
"""The top-level keys of a claims file, in the order they are usually written."""
