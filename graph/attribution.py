"""Quoted and reported passages of a news text, and the words that say who spoke them.

This module reads text only: it finds each quoted passage and each sentence of reported speech,
and the phrases the text uses for the speaker ("the Coalition spokesperson", "he"), for those who
passed the words on ("according to the Russian news agency TASS", "X, citing Y, said") and for whom
they were told to. Which actor a phrase means is decided later, against a data set
(:mod:`graph.speakers`). Sentences are split by sentencex, a rule-based segmenter; quotation marks
are paired here, nested quotes included.

>>> reading = read_passages("“Al-Tanf has turned into a ‘black hole’ on the border,” Konashenkov said.\\n")
>>> passage = reading.passages[0]
>>> passage.quotes, passage.speaker, passage.rule
(('Al-Tanf has turned into a ‘black hole’ on the border',), 'Konashenkov', 'reporting verb')
>>> read_passages("TEHRAN (Tasnim) – US forces are reportedly supplying the militants.").passages[0].speaker
'Tasnim'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import sentencex

MAX_SENTENCE = 5_000
"""Longer 'sentences' (a page without punctuation) are not read for speakers: it keeps the time linear."""

_Q = "\ue000"
"""Stands for a quoted passage in a sentence's frame (a private-use character, never in real text)."""

REPORTING_VERBS = [
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "claimed",
    "claims",
    "reported",
    "reports",
    "revealed",
    "reveals",
    "admitted",
    "admits",
    "confessed",
    "confesses",
    "denied",
    "denies",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "described",
    "describes",
    "warned",
    "warns",
    "insisted",
    "insists",
    "noted",
    "notes",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "explained",
    "explains",
    "announced",
    "announces",
    "alleged",
    "alleges",
    "accused",
    "accuses",
    "suggested",
    "suggests",
    "assumed",
    "argued",
    "argues",
    "stressed",
    "stresses",
    "asserted",
    "asserts",
    "confirmed",
    "confirms",
    "declared",
    "declares",
    "emphasized",
    "emphasised",
    "maintained",
    "acknowledged",
    "acknowledges",
]
"""Verbs that introduce what someone said."""

WEAK_VERBS = ("called", "calls", "responded", "replied", "answered", "commented", "countered")
"""Verbs that introduce speech only next to a quote or 'by saying that' ("called it 'propaganda'")."""

_VERB = re.compile(r"\b(" + "|".join(REPORTING_VERBS + list(WEAK_VERBS)) + r")\b")
_BOUNDARY = re.compile(
    r"[,;:()\ue000—–]|\s-\s|\b(?:that|what|which|who|as|As|while|when|and|but|after|before|if|because)\b"
)
_AUXILIARY = re.compile(
    r"(?:\s+(?:has|have|had|was|were|is|are|been|also|further|later|then|already|reportedly|again|"
    r"repeatedly|previously|recently|earlier|officially|publicly|once|had|would|will|never|not))+$"
)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be)$")
_ACCORDING = re.compile(r"\b[Aa]ccording to ([^,;:.\ue000]+)")
_CITING = re.compile(r",?\s*\bciting ([^,;:.\ue000]+),?")
_AS_STATED = re.compile(r"^\s*As ([^,]+?) (?:" + "|".join(REPORTING_VERBS) + r")\b[^,]*,")
_RECIPIENT = re.compile(
    r"\b(?:told|tells|in (?:a|an) (?:comment|statement|interview|e-?mail|emailed statement|letter) to)"
    r" ([A-Z][^,;:.\ue000]*?)(?=\s+(?:in|on|at|that|about|during|last|this|after|when)\b|[,;:.\ue000]|$)"
)
_PASSIVE_AGENT = re.compile(r"^\s+by ([^,;:.\ue000]+?)(?=\s+(?:as|on|in|at|that|during)\b|[,;:.\ue000]|$)")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which)\b[^,]*,")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'\- ]{1,40}?)(?:,[^()\n]{0,30})?\s*\(([^()\n]{2,60})\)\s*[-–—]+\s*")
_TIME_AFTER_VERB = re.compile(
    r"^\s+(?:on\s+)?(?:this|last|earlier this)\s+(?:week|month|year)\b|^\s+(?:on\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_TERMINAL = tuple('.!?"”’)…')
_OPENING = {"“": "”", "«": "»"}


@dataclass(frozen=True)
class Passage:
    """One thing the text reports someone as saying: quoted words, or a sentence of reported speech."""

    line: int
    """The line of the document it starts on (from 1)."""
    sentence: str
    """The sentence or sentences, whitespace folded."""
    quotes: tuple[str, ...]
    """The quoted words, exactly as in the text (empty for reported speech)."""
    speaker: str
    """The words that name the speaker, as written: 'the Coalition spokesperson', 'he'."""
    rule: str
    """How the speaker was found: 'reporting verb', 'according to', 'citing', 'passive', 'dateline', 'continued'."""
    via: tuple[str, ...] = ()
    """Who passed the words on, as written, nearest the speaker first."""
    recipient: str | None = None
    """Whom the words were told to ('told Sputnik')."""
    when: str = ""
    """The words around the attribution, where a date such as 'on Tuesday' can be read."""


@dataclass(frozen=True)
class Dateline:
    """A news dateline: 'TEHRAN (Tasnim) –'."""

    place: str
    outlet: str
    line: int


@dataclass(frozen=True)
class Reading:
    """What :func:`read_passages` found in a document."""

    title: str | None
    dateline: Dateline | None
    passages: tuple[Passage, ...]
    unattributed: tuple[tuple[int, str], ...] = ()
    """Quoted words whose speaker the rules could not find: (line, quote)."""


@dataclass
class _Found:
    passages: list[Passage] = field(default_factory=list)
    unattributed: list[tuple[int, str]] = field(default_factory=list)


def read_passages(text: str, *, language: str = "en") -> Reading:
    """Every quoted passage and sentence of reported speech in ``text``, with who the text says spoke it.

    >>> r = read_passages('Earlier, SANA, citing local sources, reported that militants were trained.')
    >>> r.passages[0].speaker, r.passages[0].via, r.passages[0].rule
    ('local sources', ('SANA',), 'citing')
    """
    title: str | None = None
    dateline: Dateline | None = None
    found = _Found()
    for line, paragraph in _paragraphs(text):
        if not _is_prose(paragraph):
            if title is None and not found.passages and dateline is None and _looks_like_title(paragraph):
                title = paragraph.strip()
            continue
        if dateline is None and not found.passages:
            match = _DATELINE.match(paragraph)
            if match:
                dateline = Dateline(match.group(1).strip(), match.group(2).strip(), line)
                _read_lead(paragraph[match.end() :], line, dateline, title, found, language)
                continue
        _read_paragraph(paragraph, line, found, language)
    return Reading(title, dateline, tuple(found.passages), tuple(found.unattributed))


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, line


def _is_prose(paragraph: str) -> bool:
    """A sentence-like paragraph: four words or more, ending as sentences end (headlines and menus do not)."""
    stripped = paragraph.strip()
    return len(stripped.split()) >= 4 and stripped.endswith(_TERMINAL)


def _looks_like_title(paragraph: str) -> bool:
    words = paragraph.split()
    return " / " not in paragraph and sum(1 for w in words if re.fullmatch(r"[A-Za-z][\w'’:,-]*", w)) >= 4


def _read_lead(rest: str, line: int, dateline: Dateline, title: str | None, found: _Found, language: str) -> None:
    """The paragraph after a dateline: its first sentence is the outlet's own, unless it credits someone."""
    sentences = list(_sentences(rest, language))
    if not sentences:
        return
    first = sentences[0]
    before = len(found.passages)
    _read_sentence(first, line, found, relay=None)
    if len(found.passages) == before and not _quote_spans(first):
        words = " ".join(first.split())
        quotes = (title, words) if title else (words,)
        found.passages.append(Passage(line, words, quotes, dateline.outlet, "dateline"))
    for sentence in sentences[1:]:
        _read_sentence(sentence, line, found, relay=None)


def _read_paragraph(paragraph: str, line: int, found: _Found, language: str) -> None:
    relay: str | None = None
    for index, sentence in enumerate(_sentences(paragraph, language)):
        if index == 0:  # "According to X, ..." opening a paragraph: X stands behind what the paragraph reports
            opening = _ACCORDING.match(" ".join(sentence.split()))
            relay = opening.group(1).strip() if opening else None
        _read_sentence(sentence, line, found, relay=relay if index else None)


def _sentences(paragraph: str, language: str) -> Iterator[str]:
    """The paragraph's sentences, never splitting a quotation."""
    spans = _quote_spans(paragraph)
    pending = ""
    for boundary in sentencex.get_sentence_boundaries(language, paragraph):
        start, end = boundary["start_index"], boundary["end_index"]
        pending += paragraph[start:end]
        if any(s < end <= e for s, e in spans):  # the boundary falls inside a quotation: keep going
            continue
        if pending.strip():
            yield pending
        pending = ""
    if pending.strip():
        yield pending


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Where the outermost quotations are: (first character inside, the closing mark), nested ones skipped.

    >>> text = '“a “b” c,” he said, "d"'
    >>> [text[s:e] for s, e in _quote_spans(text)]
    ['a “b” c,', 'd']
    """
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    start = 0
    for i, char in enumerate(text):
        if char == '"' and stack and stack[-1] == '"':
            stack.pop()
        elif char == '"' or char in _OPENING:
            if not stack:
                start = i + 1
            stack.append('"' if char == '"' else _OPENING[char])
            continue
        elif stack and char == stack[-1]:
            stack.pop()
        else:
            continue
        if not stack:
            spans.append((start, i))
    return spans


def _read_sentence(sentence: str, line: int, found: _Found, *, relay: str | None) -> None:
    if len(sentence) > MAX_SENTENCE:
        return
    spans = _quote_spans(sentence)
    quotes = tuple(q for q in (_clean_quote(sentence[s:e]) for s, e in spans) if q)
    frame = _frame(sentence, spans)
    words = " ".join(sentence.split())
    if quotes and not frame.replace(_Q, "").strip(" .,;:!?-–—"):
        _continue_previous(found, line, words, quotes)
        return
    passage = _attribute(frame, line, words, quotes)
    if passage is None:
        found.unattributed.extend((line, q) for q in quotes)
        return
    if relay and _fold(relay) != _fold(passage.speaker):
        passage = replace(passage, via=(*passage.via, relay))
    found.passages.append(passage)


def _continue_previous(found: _Found, line: int, words: str, quotes: tuple[str, ...]) -> None:
    """A sentence that is only a quotation goes on with the speaker of the quotation just before it."""
    previous = found.passages[-1] if found.passages else None
    if previous is not None and previous.quotes and line - previous.line <= 2 and previous.rule != "dateline":
        found.passages.append(replace(previous, line=line, sentence=words, quotes=quotes, rule="continued"))
    else:
        found.unattributed.extend((line, q) for q in quotes)


def _clean_quote(text: str) -> str:
    """The quoted words, whitespace folded, without the comma that ends a quotation followed by 'he said'."""
    return " ".join(text.split()).rstrip(",").rstrip()


def _frame(sentence: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with each quotation (marks included) replaced by one placeholder character."""
    out, last = [], 0
    for start, end in spans:
        out.append(sentence[last : start - 1])
        out.append(_Q)
        last = end + 1
    out.append(sentence[last:])
    return " ".join("".join(out).split())


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def _attribute(frame: str, line: int, words: str, quotes: tuple[str, ...]) -> Passage | None:
    """Who the sentence says spoke: the first rule that finds someone wins."""
    frame = _RELATIVE_CLAUSE.sub(" ", frame)
    as_stated = _AS_STATED.match(frame)
    relays: list[str] = []
    if as_stated:
        relays.append(as_stated.group(1).strip())
        frame = frame[as_stated.end() :]
    cited = _CITING.search(frame)
    if cited:
        frame = frame[: cited.start()] + frame[cited.end() :]
    according = _ACCORDING.search(frame)
    opening_according = according is not None and according.start() == len(frame) - len(frame.lstrip())
    verb = None if opening_according else _speaking_verb(frame, bool(quotes))
    recipient = _RECIPIENT.search(frame)
    told = recipient.group(1).strip() if recipient else None
    if verb is not None:
        subject, rule, when = verb
        via = [*([according.group(1).strip()] if according else []), *relays]
        if cited:
            return Passage(line, words, quotes, cited.group(1).strip(), "citing", (subject, *via), told, when)
        return Passage(line, words, quotes, subject, rule, tuple(via), told, when)
    if according:
        return Passage(line, words, quotes, according.group(1).strip(), "according to", tuple(relays), told, frame)
    return None


def _speaking_verb(frame: str, quoted: bool) -> tuple[str, str, str] | None:
    """The speaker found through a reporting verb: (subject, rule, words around it), or None.

    A verb at the end of the sentence ('..., a spokesperson told Sputnik on Tuesday.') wins; next the one
    nearest a quotation; otherwise the first.
    """
    candidates: list[tuple[int, str, str, str, bool]] = []
    for match in _VERB.finditer(frame):
        if match.group(1) in WEAK_VERBS and not (quoted or re.search(r"\bby (?:saying|claiming|stating)\b", frame)):
            continue
        found = _subject_of(frame, match)
        if found is None:
            continue
        subject, rule, start = found
        rest = frame[match.end() :]
        trailing = frame[:start].rstrip().endswith(",") and "that" not in rest.split() and len(rest.split()) <= 8
        time = _TIME_AFTER_VERB.match(rest)
        when = frame[: match.end() + (time.end() if time else 0)] if not trailing else frame[start:]
        candidates.append((match.start(), subject, rule, when, trailing))
    if not candidates:
        return None
    at_end = [c for c in candidates if c[4]]
    if at_end:
        chosen = at_end[-1]
    elif quoted:
        places = [i for i, char in enumerate(frame) if char == _Q]
        chosen = min(candidates, key=lambda c: min(abs(c[0] - p) for p in places))
    else:
        chosen = candidates[0]
    return chosen[1], chosen[2], chosen[3]


def _subject_of(frame: str, verb: re.Match[str]) -> tuple[str, str, int] | None:
    """The noun phrase before a reporting verb (or the agent after a passive one), if it looks like a speaker."""
    left = frame[: verb.start()]
    boundaries = list(_BOUNDARY.finditer(left))
    start = boundaries[-1].end() if boundaries else 0
    subject = left[start:].strip()
    if _PASSIVE.search(subject):
        agent = _PASSIVE_AGENT.match(frame[verb.end() :])
        return (agent.group(1).strip(), "passive", start) if agent else None
    subject = _AUXILIARY.sub("", " " + subject).strip()
    if not subject:
        inverted = re.match(r"^\s+([A-Za-z][^,;:.\ue000]{0,80}?)\s*[.,;]?$", frame[verb.end() :])
        at_quote = left.rstrip().endswith((",", _Q))
        return (inverted.group(1).strip(), "reporting verb", start) if inverted and at_quote else None
    return (subject, "reporting verb", start) if _speaker_like(subject) else None


def _speaker_like(phrase: str) -> bool:
    """Short, and no verb or clause in it: 'the US Department of Defense’s Rebecca Rebarich', not 'it was'."""
    words = phrase.split()
    if not 1 <= len(words) <= 12 or _VERB.search(phrase):
        return False
    if all(w.lower() in _LOWER_STARTS - _PRONOUNS for w in words):  # 'the', 'several': no one is named
        return False
    if words[0][0].islower() and words[0].lower() not in _LOWER_STARTS:
        return False
    return not any(w.lower() in _CLAUSE_WORDS or (w.endswith("ing") and w.islower()) for w in words)


_LOWER_STARTS = frozenset(
    [
        "a",
        "an",
        "the",
        "he",
        "she",
        "it",
        "they",
        "we",
        "this",
        "these",
        "those",
        "one",
        "several",
        "some",
        "many",
        "numerous",
        "local",
        "his",
        "her",
        "their",
        "its",
    ]
)
_PRONOUNS = frozenset(["he", "she", "it", "they", "we"])
_CLAUSE_WORDS = frozenset(
    ["is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "there", "it's"]
)
