"""The claim-record format: pydantic models for sides, actors, places, sources and claims.

Each model is strict (``extra="forbid"``): a typo such as ``claimaint:`` is an
error, not silence. Rules that span records (references, unique ids) live in
:mod:`graph.checks`; these models check one record at a time.

>>> Claim.model_validate({"id": "c1", "claimant": "a", "kind": "denial",
...     "text": "A denies it.", "reports": ["doc"], "responds_to": [{"denies": "c0"}]})
... # doctest: +ELLIPSIS
Claim(id='c1', claimants=['a'], kind='denial', ...)
"""

from __future__ import annotations

import locale
import re
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    Strict,
    StringConstraints,
    WithJsonSchema,
    create_model,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from . import dates
from .dates import DateInterval, PartialDate, When, parse_when
from .errors import InvalidValue
from .text import SPACE_CLASS, describe_character, first_non_xml, shown
from .vocabulary import (
    ACTOR_KINDS,
    BASES,
    CLAIM_KINDS,
    CONFIDENCES,
    EVIDENCE_KINDS,
    MODALITIES,
    RESPONSE_RELATIONS,
    STANCES,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"

YEARS_AS_NUMBERS = (1000, 9999)
"""A date written as a bare number (``date: 2017``) is a year: four digits, as in the text form."""


def _coerce_date(value: Any) -> When:
    if isinstance(value, (PartialDate, DateInterval)):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("a date is text such as 2017, 2017-10 or 2017-10-06")
    return parse_when(value)


def _coerce_single_date(value: Any) -> PartialDate:
    date = _coerce_date(value)
    if isinstance(date, DateInterval):
        raise ValueError("a publication date is one date, not an interval")
    return date


def _xml_text(value: str) -> str:
    """Refuse characters XML 1.0 cannot carry: they would make the GraphML and GEXF exports malformed."""
    index = first_non_xml(value)
    if index is not None:
        raise InvalidValue(
            f"contains {describe_character(value[index])} at character {index + 1}, "
            "which text cannot carry (GraphML and GEXF exports would be malformed)",
            "delete the character; if it stands for something, say it in words",
        )
    return value


_NOT_XML_CLASS = r"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"


def _text_schema(max_length: int) -> WithJsonSchema:
    """What editors are told about text: not blank, and at most ``max_length`` characters once the
    spaces around it are stripped (as validation strips them), with no character XML cannot carry."""
    visible = rf"[^{SPACE_CLASS}{_NOT_XML_CLASS}]"
    middle = rf"[^{_NOT_XML_CLASS}]{{0,{max_length - 2}}}"
    return WithJsonSchema(
        {
            "type": "string",
            "pattern": _padded(rf"{visible}(?:{middle}{visible})?"),
            "patternErrorMessage": f"Text of 1 to {max_length} characters, not blank, without control characters.",
        }
    )


def _padded(pattern: str) -> str:
    """A pattern for a value validation strips: the same, with any spaces around it."""
    return rf"^[{SPACE_CLASS}]*{pattern.removeprefix('^').removesuffix('$')}[{SPACE_CLASS}]*$"


def _text(max_length: int) -> tuple[Any, ...]:
    """The annotations of a text field: stripped, not empty, bounded, XML-safe, described to editors."""
    return (
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        AfterValidator(_xml_text),
        _text_schema(max_length),
    )


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=120),
    Field(
        description="A readable id: lowercase letters, digits and hyphens, e.g. konashenkov-black-hole.",
        json_schema_extra={"patternErrorMessage": "An id uses a-z, 0-9 and hyphens, e.g. konashenkov-black-hole."},
    ),
]
"""An id or a reference to one."""

Text = Annotated[str, *_text(20_000)]
"""Free text: names, paraphrases, quotes, notes."""

_ONE_DATE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?"

DateValue = Annotated[
    PartialDate,
    PlainValidator(_coerce_single_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "pattern": _padded(dates.PATTERN),
                    "patternErrorMessage": "A date is YYYY, YYYY-MM or YYYY-MM-DD, then optionally ~, ? or %.",
                },
                {"type": "integer", "minimum": YEARS_AS_NUMBERS[0], "maximum": YEARS_AS_NUMBERS[1]},
            ],
            "description": "YYYY, YYYY-MM or YYYY-MM-DD; append ~ (approximate), ? (uncertain) or % (both).",
            "examples": ["2017-10-06", "2017-10~", "2021?"],
        }
    ),
]
"""A partial date in EDTF notation; see :class:`graph.dates.PartialDate`."""

WhenValue = Annotated[
    When,
    PlainValidator(_coerce_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "pattern": _padded(f"({_ONE_DATE}|({_ONE_DATE}|\\.\\.)/({_ONE_DATE}|\\.\\.))"),
                    "patternErrorMessage": "A date is YYYY, YYYY-MM or YYYY-MM-DD, then optionally ~, ? or %; "
                    "a standing position START/END, either end '..'.",
                },
                {"type": "integer", "minimum": YEARS_AS_NUMBERS[0], "maximum": YEARS_AS_NUMBERS[1]},
            ],
            "description": "A date (YYYY, YYYY-MM or YYYY-MM-DD with ~, ? or %), or an interval START/END for a "
            "standing position, either end open as '..'.",
            "examples": ["2017-10-06", "2017-10~", "2018-05-24/2018-05-25", "2015/.."],
        }
    ),
]
"""A date or an EDTF interval; see :func:`graph.dates.parse_when`."""


def _one_record_or_many(value: Any) -> Any:
    """``rests_on: x`` or ``rests_on: {on: x, note: ...}`` means a list of one."""
    return [value] if isinstance(value, (str, dict)) else value


MAX_ITEMS = 1000
"""The most items a list in a record holds: far more than any claim needs, and few enough that a
runaway list (a million targets) is one error instead of a million."""


def _one_or_many(value: Any) -> Any:
    """``targets: us-forces`` means ``targets: [us-forces]``: one item need not be written as a list."""
    return [value] if isinstance(value, str) else value


IdList = Annotated[
    list[Slug],
    BeforeValidator(_one_or_many, json_schema_input_type=Slug | list[Slug]),
    Field(max_length=MAX_ITEMS),
]
"""Ids of other records: a list, or one id on its own."""

TextList = Annotated[
    list[Text],
    BeforeValidator(_one_or_many, json_schema_input_type=Text | list[Text]),
    Field(max_length=MAX_ITEMS),
]
"""Pieces of text: a list, or one on its own."""


Tag = Annotated[str, *_text(80)]

TagList = Annotated[
    list[Tag],
    BeforeValidator(_one_or_many, json_schema_input_type=Tag | list[Tag]),
    Field(max_length=MAX_ITEMS),
]
"""Short keywords: a list, or one on its own."""


HTTP_URL_PATTERN = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://"  # the scheme: http or https, in any case
    r"(?:[^\s/?#@]*@)?"  # user@, rarely used
    r"(?:[^\s/?#@:\[\]]+|\[[0-9A-Fa-f:.]+\])"  # a host name (with or without dots) or an [IPv6] address
    r"(?::[0-9]*)?"  # :port
    r"(?:[/?#]\S*)?$"  # path, query, fragment: anything but spaces
)
"""A well-formed http(s) link; the one rule both validation and the JSON Schema use."""

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(?![0-9])")
"""A scheme such as ``javascript:``, but not ``localhost:8080``, where a port follows the colon."""


def _check_http_url(value: str) -> str:
    if re.match(HTTP_URL_PATTERN, value):
        return value
    scheme = _SCHEME.match(value)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        raise InvalidValue(
            f"only http:// and https:// links are allowed, not {scheme.group(1) + ':'!r}",
            "link to the document's web address, or leave 'url' out and describe the document in 'note'",
        )
    if not scheme:
        raise InvalidValue(
            f"{shown(value)} is not a full link: it lacks http:// or https://", f"try {'https://' + value!r}"
        )
    if any(char.isspace() for char in value):
        raise InvalidValue("a link cannot contain spaces", "write each space in the address as %20")
    raise InvalidValue(
        f"{shown(value)} is not a well-formed link: it needs a host name after '//'",
        "copy the full address from the browser, e.g. https://example.org/page",
    )


HttpUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=2000),
    AfterValidator(_xml_text),
    AfterValidator(_check_http_url),
    WithJsonSchema(
        {
            "type": "string",
            "format": "uri",
            "pattern": _padded(HTTP_URL_PATTERN),
            "patternErrorMessage": "A full http:// or https:// link, without spaces.",
        }
    ),
]

COLOUR_PATTERN = r"^#[0-9A-Fa-f]{6}$"


def _check_colour(value: str) -> str:
    if not re.match(COLOUR_PATTERN, value):
        raise InvalidValue(
            f"{shown(value)} is not a colour of the form #rrggbb",
            "write '#' and six hexadecimal digits, in quotes (YAML reads an unquoted # as a comment): '#cc3311'",
        )
    return value


Colour = Annotated[
    str,
    AfterValidator(_check_colour),
    WithJsonSchema(
        {"type": "string", "pattern": COLOUR_PATTERN, "patternErrorMessage": "A colour is # and six hex digits."}
    ),
]
"""A colour as editors and browsers write it: ``'#cc3311'``."""

LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"


def _check_language(value: str) -> str:
    if re.match(LANGUAGE_PATTERN, value):
        return value
    known = locale.locale_alias.get(value.lower(), "").partition("_")[0]  # 'russian' -> 'ru_RU.KOI8-R'
    if re.match(LANGUAGE_PATTERN, value.lower()):
        known = value.lower()
    example = f"did you mean {known!r}? " if re.match(r"^[a-z]{2,3}$", known) else ""
    raise InvalidValue(
        f"{shown(value)} is not a language code",
        example + "write an ISO 639 code such as 'en', 'ru' or 'ar', optionally with a region: 'pt-BR'",
    )


LanguageCode = Annotated[
    str,
    AfterValidator(_check_language),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": LANGUAGE_PATTERN,
            "patternErrorMessage": "An ISO 639 language code such as en, ru or ar, optionally with a region: pt-BR.",
        }
    ),
]
"""An ISO 639 language code, optionally with a region or script: ``en``, ``ar``, ``pt-BR``."""


def choice(table: Mapping[str, str] | Mapping[str, Any], description: str) -> Any:
    """A text field whose allowed values are the keys of a vocabulary table (see :mod:`graph.vocabulary`).

    Errors have pydantic's ``enum`` type and context, so they get the same "did you mean" hint.
    """
    allowed = tuple(table)
    expected = ", ".join(repr(a) for a in allowed[:-1]) + f" or {allowed[-1]!r}"

    def check(value: Any) -> str:
        if isinstance(value, str) and value in table:
            return value
        raise PydanticCustomError("enum", "Input should be {expected}", {"expected": expected})

    return Annotated[
        str,
        PlainValidator(check),
        WithJsonSchema({"type": "string", "enum": list(allowed), "description": description}),
    ]


if TYPE_CHECKING:  # each is text whose allowed values a vocabulary table gives
    ActorKind: TypeAlias = str
    ClaimKind: TypeAlias = str
    Basis: TypeAlias = str
    EvidenceKind: TypeAlias = str
    Modality: TypeAlias = str
    Confidence: TypeAlias = str
else:
    ActorKind = choice(ACTOR_KINDS, "What sort of actor speaks, relays or is accused.")
    ClaimKind = choice(CLAIM_KINDS, "What a claim does in the dispute.")
    Basis = choice(BASES, "What a claim says it rests on.")
    EvidenceKind = choice(EVIDENCE_KINDS, "What sort of evidence or event this is.")
    Modality = choice(MODALITIES, "How firmly the claim is put: certain, likely or possible.")
    Confidence = choice(CONFIDENCES, "The curator's confidence in the link: high, moderate or low.")

Reliability = Literal["A", "B", "C", "D", "E", "F"]
"""Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged."""

Credibility = Annotated[int, Strict(), Field(ge=1, le=6)]
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


def _mention_shorthand(value: Any) -> Any:
    return {"actor": value} if isinstance(value, str) else value


class Mention(Record):
    """An actor named as a publisher or an intermediary; ``inferred`` when the document does not name it."""

    actor: Slug
    inferred: bool = Field(
        False, description="True when the curator inferred the actor; the document does not name it."
    )
    note: Text | None = None


MentionEntry = Annotated[Mention, BeforeValidator(_mention_shorthand, json_schema_input_type=Slug | Mention)]
"""An actor id, or ``{actor, inferred, note}``."""

MentionList = Annotated[
    list[MentionEntry],
    BeforeValidator(_one_or_many, json_schema_input_type=Slug | list[Slug | Mention]),
]
"""Actors in a chain: a list of ids (or mentions), or one on its own."""


class Source(TopLevelRecord):
    """A document that reports claims."""

    id: Slug
    title: Text
    publisher: MentionEntry | None = Field(
        None,
        description="Id of the outlet actor (or {actor, inferred: true}); leave out when the document does not say.",
    )
    via: MentionList = Field(
        default_factory=list,
        description="Intermediaries behind every report of this document (a wire service), nearest the document last.",
    )
    url: HttpUrl | None = None
    published: DateValue | None = None
    date_note: Text | None = Field(None, description="How the publication date was determined.")
    language: LanguageCode | None = None
    reliability: Reliability | None = Field(None, description="Admiralty source reliability A-F of this document.")
    archive: Text | None = Field(None, description="Path of the archived text, relative to this YAML file.")
    note: Text | None = None

    @property
    def publisher_id(self) -> str | None:
        """The publisher's actor id, however it was written."""
        return self.publisher.actor if self.publisher else None


def _report_shorthand(value: Any) -> Any:
    return {"source": value} if isinstance(value, str) else value


class Report(Record):
    """One source a claim appears in, who relayed it on the way, and the words as that source gives them."""

    source: Slug
    via: MentionList = Field(
        default_factory=list,
        description="Intermediary actors, the one nearest the claimant first.",
    )
    quote: TextList = Field(
        default_factory=list,
        description="The words as this source gives them, when they differ from the claim's quote (a translation).",
    )
    language: LanguageCode | None = Field(None, description="The language of this report's quote.")
    translated: bool | None = Field(None, description="True when this report's quote is a translation.")
    translated_by: Slug | None = Field(None, description="Id of the actor that translated the quote.")
    note: Text | None = None

    @model_validator(mode="after")
    def _translation_agrees(self) -> Report:
        if self.translated is False and self.translated_by is not None:
            raise ValueError("translated is false but translated_by names a translator; remove one of the two")
        return self

    @property
    def is_translation(self) -> bool:
        """Whether the report's words are a translation (``translated_by`` implies it)."""
        return bool(self.translated or self.translated_by)


ReportEntry = Annotated[Report, BeforeValidator(_report_shorthand, json_schema_input_type=Slug | Report)]
"""A report, or just a source id as shorthand for one with no intermediaries."""

ReportList = Annotated[
    list[ReportEntry],
    BeforeValidator(_one_record_or_many, json_schema_input_type=Slug | Report | list[Slug | Report]),
    Field(max_length=MAX_ITEMS),
]
"""Reports: a list of source ids and ``{source, via, ...}`` mappings, or one source id on its own."""


class _LinkJudgement(Record):
    """What a curator can say about any link they record."""

    note: Text | None = Field(None, description="Why the link is there: the curator's reading of the text.")
    confidence: Confidence | None = None


class _ResponseFields(_LinkJudgement):
    """How a claim answers an earlier claim: exactly one relation key, e.g. ``denies: claim-id``."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": [name]} for name in RESPONSE_RELATIONS]},
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> _ResponseFields:
        given = [name for name in RESPONSE_RELATIONS if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("a response names exactly one earlier claim with one of: " + ", ".join(RESPONSE_RELATIONS))
        return self

    @cached_property
    def how(self) -> str:
        """The relation, e.g. ``'denies'`` (see :data:`graph.vocabulary.RESPONSE_RELATIONS`)."""
        return next(name for name in RESPONSE_RELATIONS if getattr(self, name) is not None)

    @property
    def claim(self) -> str:
        """The id of the claim answered."""
        return str(getattr(self, self.how))


if TYPE_CHECKING:
    Response = _ResponseFields
else:  # one optional field per response relation of the vocabulary
    Response = create_model(
        "Response",
        __base__=_ResponseFields,
        __doc__=_ResponseFields.__doc__,
        **{name: (Slug | SkipJsonSchema[None], None) for name in RESPONSE_RELATIONS},
    )


def _derivation_shorthand(value: Any) -> Any:
    return {"on": value} if isinstance(value, str) else value


class Derivation(_LinkJudgement):
    """What a claim rests on: another claim, a finding or an evidence item (``{on: id, note, confidence}``)."""

    on: Slug = Field(description="Id of the claim or evidence the claim is derived from.")


DerivationEntry = Annotated[
    Derivation, BeforeValidator(_derivation_shorthand, json_schema_input_type=Slug | Derivation)
]


class Proposition(TopLevelRecord):
    """What is at issue, stated neutrally: claims assert, deny, qualify, concede or retract it."""

    id: Slug
    statement: Text = Field(
        description="A neutral statement of what is at issue, e.g. 'The coalition trains ISIS fighters at al-Tanf.'"
    )
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)] | None = Field(
        None, description="A few words shown on the graph; made from the statement when absent."
    )
    implicates: IdList = Field(default_factory=list, description="Ids of the actors the proposition is about.")
    places: IdList = Field(default_factory=list)
    tags: TagList = Field(default_factory=list)
    note: Text | None = None


class Evidence(TopLevelRecord):
    """An item both sides can cite (a document, image, object, testimony or finding) or an event."""

    id: Slug
    kind: EvidenceKind
    name: Text
    description: Text | None = None
    date: WhenValue | None = Field(None, description="When it was made or happened.")
    date_note: Text | None = None
    by: IdList = Field(
        default_factory=list, description="Actors who produced it, hold it, or took part (an investigation's body)."
    )
    places: IdList = Field(default_factory=list)
    reports: ReportList = Field(default_factory=list, description="The sources that describe it.")
    url: HttpUrl | None = None
    note: Text | None = None


class _ClaimFields(TopLevelRecord):
    """Something an actor said: an accusation, a denial, a rebuttal, ..."""

    id: Slug
    claimants: IdList = Field(
        alias="claimant",
        description="Id of the actor who made the claim; a list of ids for a joint statement.",
        min_length=1,
    )
    kind: ClaimKind
    label: Annotated[str, *_text(60)] | None = Field(
        None, description="A few words shown on the graph; made from the id when absent."
    )
    text: Text = Field(description="A neutral paraphrase of what was claimed.")
    quote: TextList = Field(
        default_factory=list,
        description="The verbatim words, or a list of verbatim fragments; [brackets] mark insertions, ... elisions.",
    )
    date: WhenValue | None = Field(
        None,
        description="When the claim was made, as precisely as the source allows; START/END for a standing position.",
    )
    date_note: Text | None = Field(None, description="How the date was determined.")
    modality: Modality | None = Field(None, description="How firmly it is put; leave out when asserted as fact.")
    conditional: Text | None = Field(
        None, description="The condition the claim is made under ('if the report is true')."
    )
    scope: Text | None = Field(
        None, description="What the claim is limited to ('only before 2018', 'at al-Tanf only')."
    )
    targets: IdList = Field(default_factory=list, description="Ids of the actors accused or addressed.")
    responds_to: Annotated[list[Response], Field(max_length=MAX_ITEMS)] = Field(default_factory=list)
    rests_on: Annotated[
        list[DerivationEntry],
        BeforeValidator(_one_record_or_many, json_schema_input_type=Slug | Derivation | list[Slug | Derivation]),
        Field(max_length=MAX_ITEMS),
    ] = Field(
        default_factory=list, description="Claims or evidence this claim is derived from (not independent support)."
    )
    cites: IdList = Field(default_factory=list, description="Ids of evidence items the claim points to.")
    reports: Annotated[ReportList, Field(min_length=1, max_length=MAX_ITEMS)] = Field(
        description="The sources the claim appears in: a source id, or {source, via}.",
    )
    places: IdList = Field(default_factory=list, description="Ids of the places the claim is about.")
    said_at: Slug | None = Field(
        None, description="Where the claim was made: a place, or an event (a press conference)."
    )
    basis: Basis | None = Field(None, description="What the claim says it rests on.")
    credibility: Credibility | None = Field(None, description="Admiralty information credibility 1-6.")
    tags: TagList = Field(default_factory=list)
    note: Text | None = None

    @property
    def claimant(self) -> str:
        """The claimant, or the first named of a joint statement's claimants."""
        return self.claimants[0]

    @property
    def stances(self) -> list[tuple[str, str]]:
        """``(stance, proposition id)`` for each stance the claim takes, in vocabulary order."""
        return [(name, prop) for name in STANCES for prop in getattr(self, name)]


if TYPE_CHECKING:
    Claim = _ClaimFields
else:  # one optional list of proposition ids per stance of the vocabulary
    Claim = create_model(
        "Claim",
        __base__=_ClaimFields,
        __doc__=_ClaimFields.__doc__,
        **{
            name: (
                IdList,
                Field(default_factory=list, description=f"Ids of propositions the claim {name}: {s.meaning}."),
            )
            for name, s in STANCES.items()
        },
    )


class Document(Record):
    """One YAML file: every section is optional, so a data set can be split over files."""

    model_config = ConfigDict(title="claimgraph claim records")

    title: Text | None = Field(
        None, description="The data set's name, shown on the explorer page; the first file's title wins."
    )
    sides: list[Side] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    propositions: list[Proposition] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)


SECTIONS: tuple[str, ...] = ("sides", "actors", "places", "propositions", "evidence", "sources", "claims")
"""The top-level keys of a claims file, in the order they are usually written."""

SECTION_MODELS: dict[str, type[Record]] = {
    "sides": Side,
    "actors": Actor,
    "places": Place,
    "propositions": Proposition,
    "evidence": Evidence,
    "sources": Source,
    "claims": Claim,
}
"""The model of each section's records."""
