"""Which actor of a data set a phrase such as 'the Coalition spokesperson' or 'Gen. Gerasimov' names.

Phrases are matched on words, ignoring case, typography, leading articles and brackets, in this order:
the whole phrase is an actor's name or alias; the phrase ends with one ('the US Department of Defense’s
Rebecca Rebarich'); it ends with a person's surname ('Gen. Gerasimov'); it names a role in a body
('a spokesperson for Operation Inherent Resolve' is the member of the coalition whose name says
spokesperson); and last, every word of the phrase is in one actor's name ('local sources').

>>> from graph.models import Actor
>>> actors = [Actor(id="us-dod", name="US Department of Defense", kind="government-body", aliases=["Pentagon"]),
...           Actor(id="rebarich", name="Rebecca Rebarich", kind="person", member_of=["us-dod"])]
>>> index = ActorIndex(actors)
>>> index.match(Phrase.parse("The Pentagon"))
Match(actor='us-dod', how='alias')
>>> index.match(Phrase.parse("the US Department of Defense’s Rebecca Rebarich"))
Match(actor='rebarich', how='name at the end of the phrase')
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from .models import Actor
from .quotes import normalise

_WORD = re.compile(r"[a-z0-9]+(?:['.\-][a-z0-9]+)*")
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "several",
        "some",
        "many",
        "numerous",
        "its",
        "their",
        "his",
        "her",
        "our",
        "one",
        "two",
        "three",
    ]
)
_PRONOUNS = frozenset(["he", "she", "it", "they", "him", "her", "them", "we"])
_PREPOSITIONS = frozenset(["of", "for", "by", "to", "from", "with", "against", "in", "at", "on"])
_STOP = frozenset(["and", "or", "the", "of", "for", "in", "on", "at", "to", "a", "an"])
_GENERIC = frozenset(["source", "sources", "official", "officials", "group", "person", "people", "man", "woman"])
PERSON_ROLES = frozenset(
    [
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "diplomat",
        "official",
        "minister",
        "general",
        "commander",
        "chief",
        "envoy",
        "ambassador",
        "president",
        "premier",
        "secretary",
        "director",
        "officer",
        "lawmaker",
        "senator",
        "deputy",
        "colonel",
        "major-general",
        "analyst",
    ]
)
"""Nouns for a person in an office: 'the Russian diplomat' refers back to the last person who spoke."""


def words_of(text: str) -> tuple[str, ...]:
    """Folded words, brackets dropped: ``"Syria’s SANA (state)"`` -> ``("syria's", "sana")``."""
    return tuple(_WORD.findall(re.sub(r"\([^()]*\)", " ", normalise(text).lower())))


def singular(word: str) -> str:
    """``'sources'`` -> ``'source'``; good enough to compare nouns of one phrase with another's."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@dataclass(frozen=True)
class Phrase:
    """A phrase naming a speaker, taken apart: its words, the noun it is about, the body it belongs to."""

    text: str
    words: tuple[str, ...]
    """Folded words without leading articles, and cut before a clause ('sources speaking on ...')."""
    head: str
    """The noun the phrase is about: 'spokesperson' in 'a spokesperson for Operation Inherent Resolve'."""
    organisation: tuple[str, ...]
    """The words for the body it belongs to: 'operation inherent resolve', or 'coalition' in 'the Coalition
    spokesperson'."""
    definite: bool
    """Starts with the, this, these: it may refer back to someone named earlier."""
    indefinite: bool
    """Starts with a, an, several: someone new."""

    @property
    def pronoun(self) -> str | None:
        """'he', 'it', ... when the phrase is a pronoun."""
        return self.words[0] if len(self.words) == 1 and self.words[0] in _PRONOUNS else None

    @staticmethod
    def parse(text: str) -> Phrase:
        """Take a phrase apart.

        >>> p = Phrase.parse("a spokesperson for Operation Inherent Resolve")
        >>> p.head, p.organisation, p.indefinite
        ('spokesperson', ('operation', 'inherent', 'resolve'), True)
        >>> Phrase.parse("local sources speaking on condition of anonymity").words
        ('local', 'sources')
        """
        words = list(words_of(text))
        first = words[0] if words else ""
        while len(words) > 1 and (words[0] in _DETERMINERS or (words[0] == "of" and len(words) > 2)):
            words.pop(0)
        for i, word in enumerate(words):
            if i and (word in ("who", "which", "that") or (word.endswith("ing") and "-" not in word)):
                words = words[:i]
                break
        cut = next((i for i, w in enumerate(words) if i and w in ("of", "for")), None)
        head_part = words[:cut] if cut is not None else words
        organisation = words[cut + 1 :] if cut is not None else words[:-1]
        while organisation and organisation[0] in _DETERMINERS:
            organisation = organisation[1:]
        return Phrase(
            text=text,
            words=tuple(words),
            head=head_part[-1] if head_part else "",
            organisation=tuple(organisation),
            definite=first in ("the", "this", "these", "that", "those"),
            indefinite=first in ("a", "an", "several", "some", "one", "many", "numerous", "two", "three"),
        )


@dataclass(frozen=True)
class Match:
    """An actor a phrase names, and by which rule (said in the draft so the curator can check it)."""

    actor: str
    how: str


class ActorIndex:
    """The actors of a data set, ready to be matched against phrases.

    ``linked`` are actors already tied to the document (its publisher, the speakers and intermediaries
    of claims it reports): when several actors fit a phrase equally well, those win.
    """

    def __init__(self, actors: Iterable[Actor], linked: Collection[str] = ()) -> None:
        self.actors = {actor.id: actor for actor in actors}
        self.linked = set(linked)
        self.names: list[tuple[tuple[str, ...], str, str]] = []
        for actor in self.actors.values():
            self.names.append((words_of(actor.name), actor.id, "name"))
            self.names.extend((words_of(alias), actor.id, "alias") for alias in actor.aliases)
        self.names = [entry for entry in self.names if entry[0]]
        self.all_words = {
            a.id: {singular(w) for w in words_of(a.name.replace("(", " ").replace(")", " "))}
            for a in self.actors.values()
        }
        for actor in self.actors.values():
            for alias in actor.aliases:
                self.all_words[actor.id] |= {singular(w) for w in words_of(alias)}

    def kind(self, actor_id: str) -> str | None:
        """The actor's kind, or None for an actor not in the data set."""
        actor = self.actors.get(actor_id)
        return str(actor.kind) if actor else None

    def match(self, phrase: Phrase, *, weak: bool = True) -> Match | None:
        """The actor the phrase names, or None. ``weak=False`` leaves out the last rule (words of a name)."""
        words = phrase.words
        if not words:
            return None
        found = self._exact(words) or self._ending(words) or self._surname(words) or self._role(phrase)
        return found or (self._by_words(phrase) if weak else None)

    def organisation(self, phrase: Phrase) -> str | None:
        """The actor named by the phrase's body ('Operation Inherent Resolve'), if any."""
        if not phrase.organisation:
            return None
        found = self._exact(phrase.organisation) or self._ending(phrase.organisation)
        return found.actor if found else None

    def _exact(self, words: tuple[str, ...]) -> Match | None:
        hits = {(actor, how) for name, actor, how in self.names if name == words}
        return self._one(hits)

    def _ending(self, words: tuple[str, ...]) -> Match | None:
        best: tuple[int, set[tuple[str, str]]] = (0, set())
        for name, actor, _ in self.names:
            size = len(name)
            if size >= len(words) or words[-size:] != name or _after_preposition(words, len(words) - size):
                continue
            if size > best[0]:
                best = (size, {(actor, "name at the end of the phrase")})
            elif size == best[0]:
                best[1].add((actor, "name at the end of the phrase"))
        return self._one(best[1])

    def _surname(self, words: tuple[str, ...]) -> Match | None:
        if _after_preposition(words, len(words) - 1):
            return None
        hits = set()
        for actor in self.actors.values():
            name = words_of(actor.name)
            if actor.kind == "person" and len(name) > 1 and len(name[-1]) >= 4 and name[-1] == words[-1]:
                hits.add((actor.id, "surname"))
        return self._one(hits)

    def _role(self, phrase: Phrase) -> Match | None:
        body = self.organisation(phrase)
        if body is None or not phrase.head:
            return None
        head = singular(phrase.head)
        hits = {
            (actor.id, f"a {phrase.head} of {body}")
            for actor in self.actors.values()
            if body in actor.member_of and head in self.all_words[actor.id]
        }
        return self._one(hits)

    def _by_words(self, phrase: Phrase) -> Match | None:
        content = [singular(w) for w in phrase.words if w not in _STOP and len(w) > 2]
        if not content or (len(content) == 1 and content[0] in {singular(g) for g in _GENERIC}):
            return None
        hits = [a for a, known in self.all_words.items() if set(content) <= known]
        linked = [a for a in hits if a in self.linked]
        chosen = linked or hits
        if len(chosen) > 1:
            fewest = min(len(self.all_words[a]) for a in chosen)
            chosen = [a for a in chosen if len(self.all_words[a]) == fewest]
        return Match(chosen[0], "words of the name") if len(chosen) == 1 else None

    def _one(self, hits: set[tuple[str, str]]) -> Match | None:
        actors = {actor for actor, _ in hits}
        if len(actors) > 1:
            linked = actors & self.linked
            if len(linked) != 1:
                return None
            actors = linked
        if not actors:
            return None
        actor = actors.pop()
        how = sorted(h for a, h in hits if a == actor)[0]
        return Match(actor, how)


def _after_preposition(words: tuple[str, ...], start: int) -> bool:
    """Whether the words from ``start`` on are the object of 'of', 'for', ... ('a fighter of the ISIS')."""
    before = start - 1
    while before >= 0 and words[before] in _DETERMINERS:
        before -= 1
    return before >= 0 and words[before] in _PREPOSITIONS


def guess_kind(phrase: Phrase) -> str:
    """The actor kind a new actor probably has, from the words that name it.

    >>> guess_kind(Phrase.parse("a high-ranking field source")), guess_kind(Phrase.parse("Syria’s news agency"))
    ('anonymous-source', 'media-outlet')
    """
    words = {singular(w) for w in phrase.words}
    if phrase.pronoun in ("he", "she") or words & PERSON_ROLES:
        return "person"
    if words & {"source", "eyewitness", "witness", "insider"}:
        return "anonymous-source"
    if words & {"agency", "news", "service", "television", "tv", "channel", "newspaper", "radio", "outlet", "post"}:
        return "media-outlet"
    if words & {"detained", "captured", "detainee", "captive", "prisoner"}:
        return "detainees"
    if words & {"militant", "terrorist", "fighter", "rebel", "insurgent", "army", "militia", "brigade"}:
        return "armed-group"
    if words & {"ministry", "department", "government", "office", "center", "centre", "council", "committee"}:
        return "government-body"
    capitalised = [w for w in phrase.text.split() if w[:1].isupper()]
    if 2 <= len(capitalised) <= 3 and len(capitalised) == len(phrase.text.split()):
        return "person"
    return "organisation"
