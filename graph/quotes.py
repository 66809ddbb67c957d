"""Checking that a quote occurs verbatim in a document, up to whitespace and typography.

Curly and straight quotes, dashes and runs of whitespace are treated as equal;
nothing else is:

>>> find_quote("It is clear that the militants", "“It is clear  that the\\nmilitants are…”").found
True
>>> match = find_quote("the militants were trained", "It is clear that the militants are being trained there")
>>> match.found, match.passage
(False, 'the militants are being trained')
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TYPOGRAPHY = str.maketrans(
    {
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
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold typographic quotes and dashes to ASCII and every run of whitespace to one space."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHY)).strip()


@dataclass(frozen=True)
class QuoteMatch:
    """Whether a quote was found, and otherwise the closest passage and how close (0-1)."""

    found: bool
    passage: str
    score: float


def find_quote(quote: str, document: str) -> QuoteMatch:
    """Look for ``quote`` in ``document``; when absent, return the most similar passage."""
    needle = normalise(quote)
    haystack = normalise(document)
    if needle and needle in haystack:
        return QuoteMatch(True, needle, 1.0)
    return _closest(needle, haystack)


def _closest(needle: str, haystack: str, candidates: int = 8) -> QuoteMatch:
    """The passage of about the quote's length most like it.

    Windows are first ranked by how many of the quote's words they share, in one
    linear pass; only the best few are compared character by character.
    """
    words = haystack.split(" ")
    wanted = set(needle.lower().split(" "))
    width = max(1, len(needle.split(" ")))
    hits = [1 if word.lower() in wanted else 0 for word in words]
    starts = range(max(1, len(words) - width + 1))
    overlap = [0] * len(starts)
    running = sum(hits[:width])
    for start in starts:
        overlap[start] = running
        if start + width < len(hits):
            running += hits[start + width] - hits[start]
    best = QuoteMatch(False, "", 0.0)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle)
    for start in sorted(starts, key=lambda i: -overlap[i])[:candidates]:
        for size in (width - 1, width, width + 1):
            passage = " ".join(words[start : start + max(1, size)])
            matcher.set_seq1(passage)
            score = matcher.ratio()
            if score > best.score:
                best = QuoteMatch(False, passage, score)
    return best
