"""Checking that a quote occurs verbatim in a document, up to whitespace, typography and Unicode form.

Curly and straight quotes, dashes, runs of whitespace and composed or
decomposed accents (NFC and NFD) are treated as equal; nothing else is:

>>> find_quote("It is clear that the militants", "“It is clear  that the\\nmilitants are…”").found
True
>>> match = find_quote("the militants were trained", "It is clear that the militants are being trained there")
>>> match.found, match.passage
(False, 'the militants are being trained')

A document searched for many quotes is normalised once (:class:`NormalisedText`).
The search for the closest passage is bounded whatever the sizes: a few
fragments of the quote (anchors) are looked up in the document, their hits vote
for where the quote would start, and only short windows around the best
alignments are compared character by character. A long quote is shown where it
first differs from the document, never whole: no more than ``PASSAGE_CHARS`` of
the document is ever echoed.
"""

from __future__ import annotations

import difflib
import time
import unicodedata
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

PASSAGE_CHARS = 160
"""The most of a document a closest passage shows; quotes up to this length are compared whole."""

_TYPOGRAPHY = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
}
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character ``str.isspace`` accepts except the plain space (a test keeps this complete)."""
_FOLDS = {**_TYPOGRAPHY, **dict.fromkeys(_WHITESPACE, " ")}
_ASCII_FOLDS = {char: folded for char, folded in _FOLDS.items() if char.isascii()}


def normalise(text: str) -> str:
    """Compose accents (NFC), fold typographic quotes and dashes to ASCII and every run of
    whitespace to one space.

    One ``str.replace`` per character that occurs keeps this linear and fast on a
    64 MiB document, where ``str.translate`` and a regular expression take seconds.

    >>> normalise("  “Al\u2011Tanf”\\n\\n is  cafe\u0301 ")
    '"Al-Tanf" is café'
    """
    text = unicodedata.normalize("NFC", text)
    for char, folded in (_ASCII_FOLDS if text.isascii() else _FOLDS).items():
        if char in text:
            text = text.replace(char, folded)
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip()


@dataclass(frozen=True)
class NormalisedText:
    """A document normalised once, to be searched for any number of quotes."""

    text: str

    @classmethod
    def of(cls, document: str) -> NormalisedText:
        """Normalise ``document`` (see :func:`normalise`)."""
        return cls(normalise(document))


@dataclass(frozen=True)
class QuoteMatch:
    """Whether a quote was found, and otherwise the closest passage and how close (0-1).

    For a quote longer than ``PASSAGE_CHARS``, ``passage`` is the stretch of the
    document where the quote first differs from it and ``excerpt`` the quote's
    words there, each cut with "…"; for a shorter quote ``excerpt`` is empty.
    An empty ``passage`` means nothing in the document resembles the quote.
    """

    found: bool
    passage: str
    score: float
    excerpt: str = ""


def find_quote(quote: str, document: str | NormalisedText) -> QuoteMatch:
    """Look for ``quote`` in ``document``; when absent, return the most similar passage.

    A long quote is shown where it first differs:

    >>> article = NormalisedText.of(
    ...     "Claims by a Russian defense ministry spokesperson on Friday, October 6 that Islamic State uses"
    ...     " the At Tanf deconfliction zone to carry out terrorist attacks and that refugees in the Rukban"
    ...     " refugee camp are human shields for a U.S. base were described as false allegations.")
    >>> match = find_quote(article.text.replace("Rukban", "Rukhban"), article)
    >>> match.excerpt
    '…that refugees in the Rukhban refugee camp are human shields for a U.S.…'
    >>> match.passage
    '…that refugees in the Rukban refugee camp are human shields for a U.S.…'
    """
    needle = normalise(quote)
    haystack = document.text if isinstance(document, NormalisedText) else normalise(document)
    if needle and needle in haystack:
        return QuoteMatch(True, needle[:PASSAGE_CHARS], 1.0)
    return _closest(needle, haystack)


_ANCHOR_SCAN_CHARS = 400_000_000
"""How many document characters the anchor look-ups may scan in all: about 0.15 s for prose."""
_SEARCH_SECONDS = 0.3
"""When the look-ups are still running after this long (only documents of tens of MiB made of a
few repeated characters are that slow), the anchors already looked up decide."""
_SEGMENT = 4_000_000
_HITS_PER_ANCHOR = 64
_ALIGNMENTS = 3
_EXCERPT_CHARS = 72
"""How much of a long quote is shown around where it first differs, and of the document beside it."""
_BEFORE_DIFFERENCE = 24


def _closest(needle: str, haystack: str) -> QuoteMatch:
    """The passage most like the quote, found in bounded time: a handful of look-ups in the
    document, then a few comparisons of a few hundred characters."""
    if not needle or not haystack:
        return QuoteMatch(False, "", 0.0)
    anchors = _anchors(needle, len(haystack))
    hits = _anchor_hits(anchors, haystack, time.perf_counter() + _SEARCH_SECONDS)
    best, best_rank = QuoteMatch(False, "", 0.0), (0, False, 0.0)
    for votes, offset, position in _alignments(hits, anchors, len(needle)):
        match, ratio = _compare_at(needle, haystack, offset, position, votes / len(anchors))
        start = position - offset
        rank = (votes, 0 <= start <= len(haystack) - len(needle), ratio)
        if rank > best_rank:
            best, best_rank = match, rank
    return best


def _anchors(needle: str, haystack_length: int) -> list[tuple[int, str]]:
    """Fragments of the quote spread evenly over it, as (offset in the quote, text).

    Each is long enough to be rare in the document and short enough that a typo
    spoils only a few of them; large documents get fewer, since each look-up is a scan.

    >>> _anchors("the base is a white hole", 1000)[:3]
    [(0, 'the base'), (1, 'he base '), (2, 'e base i')]
    """
    size = max(3, min(32, len(needle) // 3))
    count = max(4, min(32, _ANCHOR_SCAN_CHARS // haystack_length))
    last = max(0, len(needle) - size)
    offsets = sorted({round(i * last / max(1, count - 1)) for i in range(count)})
    return [(offset, needle[offset : offset + size]) for offset in offsets]


def _anchor_hits(anchors: list[tuple[int, str]], haystack: str, deadline: float) -> list[tuple[int, int]]:
    """Every (start the quote would have, anchor index) that an anchor's occurrences imply.

    Anchors are looked up spread-out first (first, last, middle, ...), so that if the
    deadline cuts the look-ups short the ones done still cover the quote. Anchors that
    occur more than ``_HITS_PER_ANCHOR`` times say little about where the quote is; their
    hits count only if no anchor is rarer."""
    rare: list[tuple[int, int]] = []
    common: list[tuple[int, int]] = []
    for index in _spread_order(len(anchors)):
        offset, fragment = anchors[index]
        found: list[tuple[int, int]] = []
        for position in _occurrences(haystack, fragment, deadline):
            found.append((position - offset, index))
            if len(found) > _HITS_PER_ANCHOR:
                break
        (rare if len(found) <= _HITS_PER_ANCHOR else common).extend(found)
        if time.perf_counter() > deadline:
            break
    return sorted(rare or common)


def _spread_order(count: int) -> list[int]:
    """``range(count)`` reordered so that every prefix is spread over the whole range.

    >>> _spread_order(9)
    [0, 8, 4, 2, 6, 1, 3, 5, 7]
    """
    order = [0, count - 1] if count > 1 else list(range(count))
    intervals = deque([(0, count - 1)])
    while intervals:
        low, high = intervals.popleft()
        if high - low > 1:
            middle = (low + high) // 2
            order.append(middle)
            intervals += [(low, middle), (middle, high)]
    return order


def _occurrences(haystack: str, fragment: str, deadline: float) -> Iterator[int]:
    """Where ``fragment`` occurs, in order; a segment at a time, so a look-up in a huge
    and repetitive document stops soon after the deadline."""
    start = 0
    while start < len(haystack):
        position = haystack.find(fragment, start, start + _SEGMENT + len(fragment) - 1)
        if position != -1:
            yield position
            start = position + 1
        elif time.perf_counter() > deadline:
            return
        else:
            start += _SEGMENT


def _alignments(
    hits: list[tuple[int, int]], anchors: list[tuple[int, str]], needle_length: int
) -> list[tuple[int, int, int]]:
    """The few starts most anchors agree on (within the drift that small insertions and
    deletions cause), each as (number of anchors agreeing, offset in the quote and position
    in the document of the agreeing anchor nearest the quote's start). Ties go to starts
    inside the document, then to the earliest."""
    drift = 8 + needle_length // 20
    groups: list[list[tuple[int, int]]] = []
    for hit in hits:
        if groups and hit[0] - groups[-1][-1][0] <= drift:
            groups[-1].append(hit)
        else:
            groups.append([hit])
    ranked = sorted(groups, key=lambda group: (-len({index for _, index in group}), group[0][0] < 0))
    found = []
    for group in ranked[:_ALIGNMENTS]:
        start, index = min(group, key=lambda hit: hit[1])
        offset = anchors[index][0]
        found.append((len({index for _, index in group}), offset, start + offset))
    return found


def _compare_at(needle: str, haystack: str, offset: int, position: int, agreement: float) -> tuple[QuoteMatch, float]:
    """Compare the quote with the document where the anchor at ``offset`` in the quote
    occurs at ``position`` in the document; also return how alike they are there (0-1)."""
    if len(needle) <= PASSAGE_CHARS:
        start, slack = position - offset, 20 + len(needle) // 2
        region = _words_within(haystack, start - slack, start + len(needle) + slack)
        passage, ratio = _best_window(needle, region)
        return QuoteMatch(False, passage, (agreement + ratio) / 2), ratio
    at_quote, at_document = _first_difference(needle, haystack, offset, position)
    excerpt_start = max(0, min(at_quote - _BEFORE_DIFFERENCE, len(needle) - _EXCERPT_CHARS))
    excerpt = _words_within(needle, excerpt_start, excerpt_start + _EXCERPT_CHARS)
    start = at_document - (at_quote - excerpt_start)  # where the excerpt would start in the document
    region = _words_within(haystack, start - _BEFORE_DIFFERENCE, start + _EXCERPT_CHARS + _BEFORE_DIFFERENCE)
    passage, ratio = _best_window(excerpt, region)
    cuts = (excerpt_start > 0, excerpt_start + _EXCERPT_CHARS < len(needle))
    return QuoteMatch(False, _marked(passage, *cuts), (agreement + ratio) / 2, _marked(excerpt, *cuts)), ratio


def _first_difference(needle: str, haystack: str, offset: int, position: int) -> tuple[int, int]:
    """Where the quote first differs from the document, as (index in the quote, index in the
    document), given that its anchor at ``offset`` occurs at ``position``: going back from
    the anchor if the quote's start does not match, else going forward from the start."""
    before = needle[:offset][::-1]
    same_before = _common_prefix(before, haystack[max(0, position - offset) : position][::-1])
    if same_before < offset:
        return offset - same_before, position - same_before
    same_after = _common_prefix(needle[offset:], haystack[position : position + len(needle) - offset])
    return offset + same_after, position + same_after


def _common_prefix(a: str, b: str) -> int:
    """The length of the longest common prefix, by bisection over slice comparisons (done in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _words_within(text: str, start: int, end: int) -> str:
    """``text[start:end]`` (clamped) without the partial words at its edges."""
    start, end = max(0, start), min(len(text), end)
    if start > 0 and text[start - 1] != " ":
        cut = text.find(" ", start, end)
        start = cut + 1 if cut != -1 else start
    if end < len(text) and text[end] != " ":
        cut = text.rfind(" ", start, end)
        end = cut if cut != -1 else end
    return text[start:end].strip()


def _best_window(needle: str, region: str, candidates: int = 8) -> tuple[str, float]:
    """The stretch of a short ``region`` most like a short ``needle``, and its similarity (0-1).

    Windows of about the needle's length (in words, or in characters for text written
    without spaces) are ranked by how many of its words or characters they share; only the
    best few are compared character by character."""
    spaced = " " in needle
    tokens = region.split(" ") if spaced else list(region)
    wanted = set(needle.lower().split(" ") if spaced else needle.lower())
    width = max(1, len(needle.split(" ")) if spaced else len(needle))
    hits = [1 if token.lower() in wanted else 0 for token in tokens]
    starts = range(max(1, len(tokens) - width + 1))
    overlap = [sum(hits[start : start + width]) for start in starts]
    best, best_score = "", 0.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle)
    joiner = " " if spaced else ""
    for start in sorted(starts, key=lambda i: -overlap[i])[:candidates]:
        for size in (width - 1, width, width + 1):
            passage = joiner.join(tokens[start : start + max(1, size)])
            matcher.set_seq1(passage)
            score = matcher.ratio()
            if score > best_score:
                best, best_score = passage, score
    return best[:PASSAGE_CHARS], best_score


def _marked(text: str, cut_before: bool, cut_after: bool) -> str:
    return ("…" if cut_before else "") + text + ("…" if cut_after else "")
