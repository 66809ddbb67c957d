"""Draft claim records from an archived document, for a curator to check: ``claimgraph draft``.

:mod:`graph.attribution` finds the quoted and reported passages and the words for who spoke them;
here each passage becomes a claim record: the speaker matched to an actor of the data set
(:mod:`graph.speakers`) or to a new actor stub, the intermediaries as ``via``, the quote exactly as
the text has it, the source (the data set's source that archives the document, or a new stub), the
date when the text gives one, and the places of the data set it names. Every record carries
``draft: true``, which ``claimgraph validate`` reports until a curator deletes it.

>>> draft = draft_records("“These allegations are false,” the Coalition spokesperson said.\\n", None,
...                       archive="sources/doc.txt", source_id="doc")
>>> claim = draft.claims[0]
>>> claim.claimant, claim.quotes, claim.kind
('coalition-spokesperson', ['These allegations are false'], 'denial')
>>> for line in draft.yaml().split("claims:")[1].splitlines()[2:6]:
...     print(line)
  # line 1: speaker 'the Coalition spokesperson' is coalition-spokesperson (new actor)
  - id: coalition-spokesperson-these-allegations-are-false
    draft: true
    claimant: coalition-spokesperson
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .attribution import Passage, Reading, read_passages
from .dataset import Dataset
from .dates import PartialDate
from .errors import InputError
from .models import SLUG_PATTERN
from .quotes import normalise
from .speakers import PERSON_ROLES, ActorIndex, Phrase, guess_kind, singular
from .suggest import slugify
from .text import xml_safe
from .yamlparse import MAX_FILE_BYTES

DRAFT_MARK = "draft: true"
"""The line every drafted record carries; ``validate`` warns about it until a curator deletes it."""

MAX_ID = 80


@dataclass
class DraftActor:
    """A speaker or intermediary the data set does not have yet."""

    id: str
    name: str
    kind: str
    member_of: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class DraftSource:
    """The document itself, when no source of the data set archives it."""

    id: str
    title: str
    archive: str
    publisher: str | None = None


@dataclass
class DraftClaim:
    """One proposed claim record, with notes for the curator on how it was found."""

    id: str
    claimant: str
    kind: str
    text: str
    source: str
    line: int
    quotes: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)
    date: str | None = None
    date_note: str | None = None
    places: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """Everything drafted from one document; :meth:`yaml` writes it as a claims file."""

    origin: str
    source: str
    new_source: DraftSource | None = None
    actors: list[DraftActor] = field(default_factory=list)
    claims: list[DraftClaim] = field(default_factory=list)
    unattributed: list[tuple[int, str]] = field(default_factory=list)

    def yaml(self) -> str:
        """The draft as a claims file that sits beside the data set's other files."""
        return _yaml(self)

    def summary(self) -> str:
        """One line for the terminal: what was drafted, and what to do next."""
        new = {actor.id for actor in self.actors}
        matched = sum(1 for claim in self.claims if claim.claimant not in new)
        return (
            f"{_count(len(self.claims), 'draft claim')} from {self.origin} ({matched} with a speaker of the data set, "
            f"{_count(len(self.actors), 'new actor')}); check each, then delete its 'draft: true'"
        )


def draft_file(
    document: str | os.PathLike[str],
    data: Dataset | None,
    *,
    source_id: str | None = None,
    folder: str | os.PathLike[str] = ".",
) -> Draft:
    """Draft claim records from an archived document (a UTF-8 text file).

    ``folder`` is where the draft will be saved: a new source's ``archive`` is written relative to it.
    Raises :class:`InputError` for a missing, unreadable or binary document.

    >>> import graph
    >>> draft = draft_file("data/sources/003_bba369f14b84780e.txt", graph.read_dataset("data/claims.yaml"),
    ...                    folder="data")
    >>> draft.source, [c.claimant for c in draft.claims if c.quotes][:3]
    ('doc-003-pentagon-denies', ['us-dod', 'gerasimov', 'rebarich'])
    """
    path = Path(document)
    return draft_text(read_document(path), path, data, source_id=source_id, folder=folder)


def draft_text(
    text: str,
    document: Path,
    data: Dataset | None,
    *,
    source_id: str | None = None,
    folder: str | os.PathLike[str] = ".",
) -> Draft:
    """:func:`draft_file` for a document already read with :func:`read_document`."""
    archive = os.path.relpath(document.resolve(), Path(folder).resolve())
    return draft_records(text, data, archive=archive, source_id=source_id, document=document, origin=str(document))


def read_document(path: Path) -> str:
    """The text of a document, refusing what is not UTF-8 text.

    >>> read_document(Path("graph/py.typed")) == Path("graph/py.typed").read_text()
    True
    """
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; give the archived text of one document") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(f"{path} is larger than {MAX_FILE_BYTES // 2**20} MiB; draft reads one article at a time")
    try:
        if b"\0" in raw:
            raise UnicodeDecodeError("utf-8", raw, raw.index(b"\0"), raw.index(b"\0") + 1, "NUL byte")
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not a UTF-8 text file (byte {exc.start} cannot be read as text); "
            "draft reads plain text such as the archived documents in data/sources/"
        ) from None


def draft_records(
    text: str,
    data: Dataset | None,
    *,
    archive: str,
    source_id: str | None = None,
    document: Path | None = None,
    origin: str = "<text>",
) -> Draft:
    """Draft claim records from a document's text.

    ``data`` is the data set the draft will join (its actors, places and sources are matched), or None;
    ``archive`` is the document's path relative to where the draft will be saved (used only for a new
    source); ``source_id`` names the source: one of the data set's, or the id of the new one; without
    it, the data set's source whose archive is ``document`` (the file the text was read from).
    """
    _check_source_id(data, source_id)
    actors = list(data.actors.values()) if data else []
    existing = _existing_source(data, document, source_id)
    linked = _linked_actors(data, existing) if data and existing else set()
    reading = read_passages(text, language=_language(data, existing))
    drafter = _Drafter(data, ActorIndex(actors, linked), reading, origin)
    drafter.set_source(existing, source_id, archive)
    for passage in reading.passages:
        drafter.add(passage)
    drafter.draft.unattributed = list(reading.unattributed)
    return drafter.draft


def _check_source_id(data: Dataset | None, source_id: str | None) -> None:
    if source_id is None:
        return
    if not re.fullmatch(SLUG_PATTERN, source_id):
        raise InputError(f"--source {source_id!r} is not an id; ids look like {slugify(source_id)!r}")
    if data is not None and source_id in data.origins and source_id not in data.sources:
        section = str(data.origins[source_id][1][0])
        raise InputError(f"--source {source_id!r} is taken by a record of '{section}', not a source")


def _existing_source(data: Dataset | None, document: Path | None, source_id: str | None) -> str | None:
    if data is None:
        return None
    if source_id is not None:
        return source_id if source_id in data.sources else None
    for sid in data.sources:
        path = data.archive_path(sid)
        if path is not None and document is not None and path.name == document.name and _same_file(path, document):
            return sid
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or a.samefile(b)
    except OSError:
        return False


def _linked_actors(data: Dataset, source_id: str) -> set[str]:
    linked = {data.sources[source_id].publisher_id} - {None}
    for claim in data.claims.values():
        for report in claim.reports:
            if report.source == source_id:
                linked |= {*claim.claimants, *(m.actor for m in report.via)}
    return {str(a) for a in linked}


def _language(data: Dataset | None, source_id: str | None) -> str:
    if data and source_id and data.sources[source_id].language:
        return str(data.sources[source_id].language).split("-")[0]
    return "en"


@dataclass
class _Spoken:
    """A speaker met earlier in the text, for 'he', 'the spokesperson', 'the sources'."""

    phrase: Phrase
    actor: str
    via: list[str]
    kind: str
    reported: bool


class _Drafter:
    def __init__(self, data: Dataset | None, index: ActorIndex, reading: Reading, origin: str) -> None:
        self.data = data
        self.index = index
        self.reading = reading
        self.draft = Draft(origin=origin, source="")
        self.taken: set[str] = set(data.origins) if data else set()
        self.stubs: dict[tuple[str, ...], DraftActor] = {}
        self.history: list[_Spoken] = []
        self.publisher: str | None = None
        self.published: PartialDate | None = None
        self.places = _PlaceFinder(data)

    # --- the source -------------------------------------------------------------------------------

    def set_source(self, existing: str | None, source_id: str | None, archive: str) -> None:
        dateline = self.reading.dateline
        if existing is not None and self.data is not None:
            source = self.data.sources[existing]
            self.draft.source = existing
            self.publisher = source.publisher_id
            self.published = source.published
            return
        publisher = self._actor_for(dateline.outlet, dateline.line)[0] if dateline else None
        new_id = source_id or self._unique("doc-" + slugify(Path(archive).stem))
        self.taken.add(new_id)
        title = self.reading.title or Path(archive).stem
        self.draft.new_source = DraftSource(new_id, title, archive, publisher)
        self.draft.source = new_id
        self.publisher = publisher

    # --- one passage ------------------------------------------------------------------------------

    def add(self, passage: Passage) -> None:
        if passage.rule == "continued" and self.draft.claims and self.draft.claims[-1].line >= passage.line - 2:
            last = self.draft.claims[-1]
            last.quotes.extend(q for q in passage.quotes if q not in last.quotes)
            if passage.sentence not in last.text:
                last.text += " " + passage.sentence
            return
        claimant, via, how = self._speaker(passage)
        claim = DraftClaim(
            id=self._claim_id(claimant, passage),
            claimant=claimant,
            kind=_guess_kind(passage),
            text=xml_safe(passage.sentence),  # a record cannot carry control characters; the curator sees U+FFFD
            source=self.draft.source,
            line=passage.line,
            quotes=[xml_safe(q) for q in passage.quotes],
            via=via,
            places=self.places.find(" ".join([passage.sentence, *passage.quotes])),
            notes=[f"line {passage.line}: speaker {passage.speaker!r} is {claimant} ({how})"],
        )
        claim.date, claim.date_note = self._date(passage)
        claim.notes.extend(self._already_curated(claim))
        self.draft.claims.append(claim)

    def _speaker(self, passage: Passage) -> tuple[str, list[str], str]:
        phrase = Phrase.parse(passage.speaker)
        antecedent = self._antecedent(phrase)
        if antecedent is not None and not self.index.match(phrase, weak=False):
            claimant, how, via = antecedent.actor, f"refers back to {antecedent.phrase.text!r}", list(antecedent.via)
        else:
            claimant, how = self._actor_for(passage.speaker, passage.line)
            via = []
        own_via = [self._actor_for(v, passage.line)[0] for v in passage.via]
        via = own_via or via or self._relaying_outlet(phrase, passage)
        via = self._with_recipient(via, passage)
        via = [v for i, v in enumerate(via) if v != claimant and v not in via[:i]]
        kind = self.index.kind(claimant) or next((s.kind for s in self.stubs.values() if s.id == claimant), "")
        reported = passage.rule in ("reporting verb", "citing") and not passage.quotes
        self.history.append(_Spoken(phrase, claimant, via, kind, reported))
        return claimant, via, how

    def _antecedent(self, phrase: Phrase) -> _Spoken | None:
        """Who 'he', 'it', 'the spokesperson' or 'the Russian diplomat' refers back to."""
        if phrase.pronoun:
            people = phrase.pronoun in ("he", "she", "him", "her")
            for spoken in reversed(self.history):
                if (spoken.kind == "person") == people or phrase.pronoun in ("they", "them"):
                    return spoken
            return None
        if not phrase.definite:
            return None
        head = singular(phrase.head)
        for spoken in reversed(self.history):
            if singular(spoken.phrase.head) == head:
                return spoken
        if head in PERSON_ROLES:
            return next((s for s in reversed(self.history) if s.kind == "person"), None)
        return None

    def _relaying_outlet(self, phrase: Phrase, passage: Passage) -> list[str]:
        """'Sputnik Arabic reported ... [next paragraph] according to a field source': the outlet relays the source."""
        if not phrase.indefinite or not self.history:
            return []
        last = self.history[-1]
        if last.reported and last.kind == "media-outlet" and passage.rule == "according to":
            return [last.actor, *last.via]
        return []

    def _with_recipient(self, via: list[str], passage: Passage) -> list[str]:
        """'told Sputnik': an outlet other than the document's own publisher passed the words on."""
        if not passage.recipient:
            return via
        found = self.index.match(Phrase.parse(passage.recipient), weak=False)
        if found and self.index.kind(found.actor) == "media-outlet" and found.actor != self.publisher:
            return [*via, found.actor]
        return via

    def _actor_for(self, text: str, line: int) -> tuple[str, str]:
        """An actor of the data set, or a new stub (one per phrase), and how it was chosen."""
        phrase = Phrase.parse(text)
        found = self.index.match(phrase)
        if found is not None:
            return found.actor, found.how
        key = phrase.words or (slugify(text),)
        if key not in self.stubs:
            name = _stub_name(text)
            stub = DraftActor(self._unique(slugify(name)), name, guess_kind(phrase), line=line)
            body = self.index.organisation(phrase)
            if body is not None:
                stub.member_of.append(body)
            self.taken.add(stub.id)
            self.stubs[key] = stub
            self.draft.actors.append(stub)
        return self.stubs[key].id, "new actor"

    # --- ids, dates, notes ------------------------------------------------------------------------

    def _claim_id(self, claimant: str, passage: Passage) -> str:
        basis = passage.quotes[0] if passage.quotes else _reported_words(passage)
        words = [w for w in slugify(basis).split("-") if w][:4]
        claim_id = self._unique(f"{claimant}-{'-'.join(words)}"[:MAX_ID].strip("-"))
        self.taken.add(claim_id)
        return claim_id

    def _unique(self, wanted: str) -> str:
        candidate, number = wanted or "item", 1
        while candidate in self.taken:
            number += 1
            candidate = f"{wanted}-{number}"
        return candidate

    def _date(self, passage: Passage) -> tuple[str | None, str | None]:
        if passage.rule == "dateline":
            if self.published is None:
                return None, None
            return str(self.published), "The document's own date (the source's published date)."
        return date_from_words(passage.when, self.published)

    def _already_curated(self, claim: DraftClaim) -> list[str]:
        if self.data is None or not claim.quotes:
            return []
        mine = [normalise(q) for q in claim.quotes]
        same = []
        for other in self.data.claims.values():
            if any(r.source == claim.source for r in other.reports):
                theirs = [normalise(q) for q in other.quote]
                if any(a in b or b in a for a in mine for b in theirs):
                    same.append(other.id)
        return [f"already in the data set as {', '.join(same)}"] if same else []


def _stub_name(text: str) -> str:
    words = " ".join(re.sub(r"\([^()]*\)", " ", text).split())
    words = re.sub(
        r"^(?:(?:one|two|some|several|many) of )?(?:a|an|the|this|these|those|several|some) ",
        "",
        words,
        flags=re.IGNORECASE,
    )
    words = re.split(r"\s+(?:who|which|speaking|citing)\b", words)[0].strip(" ,")
    return (words[:1].upper() + words[1:])[:120] or "Unnamed speaker"


def _reported_words(passage: Passage) -> str:
    """What a reported sentence says, for its id: the words after 'that', or after the speaker."""
    sentence = passage.sentence
    if passage.rule == "according to" and sentence.startswith(("According", "according")) and "," in sentence:
        return sentence.split(",", 1)[1]
    if " that " in sentence:
        return sentence.split(" that ", 1)[1]
    return sentence.replace(passage.speaker, " ", 1)


_DENIAL = re.compile(
    r"\b(?:false|absurd|baseless|unfounded|groundless|propaganda|lies|deny|denies|denied|rejects?|rejected|"
    r"dismiss(?:es|ed|ing)?)\b",
    re.IGNORECASE,
)


def _guess_kind(passage: Passage) -> str:
    """'denial' when the words deny; otherwise 'statement', for the curator to classify."""
    return "denial" if _DENIAL.search(" ".join([passage.sentence, *passage.quotes])) else "statement"


class _PlaceFinder:
    """The data set's places a sentence names, by name or alias, in the order it names them."""

    def __init__(self, data: Dataset | None) -> None:
        names: dict[str, str] = {}
        for place in data.places.values() if data else []:
            for name in (place.name, *place.aliases):
                names.setdefault(normalise(name).lower(), place.id)
        self.ids = names
        ordered = sorted(names, key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ordered)) + r")(?!\w)") if ordered else None

    def find(self, text: str) -> list[str]:
        if self.pattern is None:
            return []
        found: list[str] = []
        for match in self.pattern.finditer(normalise(text).lower()):
            place = self.ids[match.group(1)]
            if place not in found:
                found.append(place)
        return found


# --- dates ----------------------------------------------------------------------------------------

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_M = r"(" + "|".join(m.capitalize() for m in _MONTHS) + r")"
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day month year", re.compile(r"\b(\d{1,2})\s+" + _M + r",?\s+(\d{4})\b")),
    ("month day year", re.compile(r"\b" + _M + r"\s+(\d{1,2}),?\s+(\d{4})\b")),
    ("month year", re.compile(r"\b" + _M + r",?\s+(\d{4})\b")),
    ("month day", re.compile(r"\b" + _M + r"\s+(\d{1,2})\b(?!,?\s+\d{4})")),
    ("day month", re.compile(r"\b(\d{1,2})\s+" + _M + r"\b(?!,?\s+\d{4})")),
    ("weekday", re.compile(r"\b(" + "|".join(d.capitalize() for d in _WEEKDAYS) + r")\b")),
    ("this month", re.compile(r"\b(?:[Ee]arlier|[Ll]ater)?\s*this month\b")),
    ("year", re.compile(r"\bin (\d{4})\b")),
)


def date_from_words(words: str, published: PartialDate | None) -> tuple[str | None, str | None]:
    """The date an attribution gives ('on Tuesday', 'On November 22', 'in May 2020') and a note on it.

    Dates without a year, weekdays and 'this month' are read against the source's publication date,
    and marked uncertain (``?``).

    >>> date_from_words("a spokesperson told Sputnik on Tuesday", PartialDate.parse("2018-09-04?"))
    ('2018-09-04?', 'From "Tuesday" in the text: the last Tuesday on or before the publication date 2018-09-04?.')
    >>> date_from_words("confessions broadcast in May 2020", None)
    ('2020-05', 'From "May 2020" in the text.')
    """
    for name, pattern in _DATE_PATTERNS:
        match = pattern.search(words)
        if match is None:
            continue
        found = _read_date(name, match, published)
        if found is not None:
            return found
    return None, None


def _read_date(name: str, match: re.Match[str], published: PartialDate | None) -> tuple[str, str] | None:
    said = match.group(0).strip()
    groups = match.groups()
    if name in ("day month year", "month day year", "month year", "year"):
        if name == "day month year":
            text = _iso(int(groups[2]), _month(groups[1]), int(groups[0]))
        elif name == "month day year":
            text = _iso(int(groups[2]), _month(groups[0]), int(groups[1]))
        elif name == "month year":
            text = f"{int(groups[1]):04d}-{_month(groups[0]):02d}"
        else:
            text = groups[0]
        return (text, f'From "{said}" in the text.') if text else None
    if published is None:
        return None
    latest = published.latest
    if name in ("month day", "day month"):
        month, day = (_month(groups[0]), int(groups[1])) if name == "month day" else (_month(groups[1]), int(groups[0]))
        year = latest.year if (month, day) <= (latest.month, latest.day) else latest.year - 1
        text = _iso(year, month, day)
        note = f'From "{said}" in the text; the year from the publication date {published}.'
        return (text + "?", note) if text else None
    if name == "weekday" and published.precision == "day":
        weekday = _WEEKDAYS.index(groups[0].lower())
        last = latest - dt.timedelta(days=(latest.weekday() - weekday) % 7)
        note = f'From "{said}" in the text: the last {groups[0]} on or before the publication date {published}.'
        return last.isoformat() + "?", note
    if name == "this month" and published.precision in ("month", "day"):
        return (
            f"{latest.year:04d}-{latest.month:02d}?",
            f'From "{said}" in the text and the publication date {published}.',
        )
    return None


def _month(name: str) -> int:
    return _MONTHS.index(name.lower()) + 1


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# --- YAML -----------------------------------------------------------------------------------------


def _yaml(draft: Draft) -> str:
    lines = [
        f"# Drafted by `claimgraph draft` from {_comment(draft.origin)}: {_count(len(draft.claims), 'claim')}"
        + (f", {_count(len(draft.actors), 'new actor')}" if draft.actors else "")
        + (", a new source" if draft.new_source else "")
        + ".",
        "# Every record is marked 'draft: true': check it against the text, correct it, then delete that line.",
        "# `claimgraph validate` warns about each draft until then. Quotes are copied exactly from the text;",
        "# `text` holds the sentence they come from, to be rewritten as a neutral paraphrase.",
        "",
    ]
    if draft.actors:
        lines.append("actors:")
        for actor in draft.actors:
            lines += [
                f"  - id: {actor.id}",
                f"    {DRAFT_MARK}",
                f"    name: {yaml_text(actor.name)}",
                f"    kind: {actor.kind}",
            ]
            if actor.member_of:
                lines.append(f"    member_of: [{', '.join(actor.member_of)}]")
        lines.append("")
    if draft.new_source:
        source = draft.new_source
        lines += ["sources:", f"  - id: {source.id}", f"    {DRAFT_MARK}", f"    title: {yaml_text(source.title)}"]
        if source.publisher:
            lines.append(f"    publisher: {source.publisher}")
        lines += [f"    archive: {yaml_text(source.archive)}", ""]
    lines.append("claims:" if draft.claims else "claims: []")
    for claim in draft.claims:
        lines += _claim_lines(claim)
    if draft.unattributed:
        lines += ["", "# Quoted words whose speaker the rules did not find (add them by hand if they matter):"]
        lines += [f"#   line {line}: {_comment(quote)}" for line, quote in draft.unattributed]
    return "\n".join(lines) + "\n"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _claim_lines(claim: DraftClaim) -> list[str]:
    lines = [""] + [f"  # {_comment(note)}" for note in claim.notes]
    lines += [
        f"  - id: {claim.id}",
        f"    {DRAFT_MARK}",
        f"    claimant: {claim.claimant}",
        f"    kind: {claim.kind}",
        f"    text: {yaml_text(claim.text)}",
    ]
    if len(claim.quotes) == 1:
        lines.append(f"    quote: {yaml_text(claim.quotes[0])}")
    elif claim.quotes:
        lines += ["    quote:"] + [f"      - {yaml_text(q)}" for q in claim.quotes]
    if claim.date:
        lines += [f"    date: {yaml_text(claim.date)}", f"    date_note: {yaml_text(claim.date_note or '')}"]
    if claim.places:
        lines.append(f"    places: [{', '.join(claim.places)}]")
    if claim.via:
        lines += ["    reports:", f"      - source: {claim.source}", f"        via: [{', '.join(claim.via)}]"]
    else:
        lines.append(f"    reports: [{claim.source}]")
    return lines


def _comment(text: str) -> str:
    """Text for a YAML comment: one line, control characters shown as escapes."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in " ".join(text.split()))


_YAML_PRINTABLE = re.compile("[\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``value``.

    >>> yaml_text('He said “no”: \\\\ "yes"\\n')
    '"He said “no”: \\\\\\\\ \\\\"yes\\\\"\\\\n"'
    """
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif _YAML_PRINTABLE.match(char) and char not in "\u2028\u2029\ufeff":
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    out.append('"')
    return "".join(out)
