"""Editorial marks inside a quote: ``[insertions]`` and elisions (``...``, ``…``, ``[...]``).

A quote such as ``We are the coalition's only partner [...] clear of Daesh [ISIS] terrorists``
is the speaker's words with two editorial marks: an elision (words left out)
and an insertion (words added by whoever quotes). :func:`quote_parts` splits
a quote into its parts, so the quote check can look for each run of the
speaker's words and the page can show the marks as marks.

>>> [p.kind for p in quote_parts("We are [...] clear of Daesh [ISIS] terrorists")]
['words', 'elision', 'words', 'insertion', 'words']
>>> unbalanced_bracket("Daesh [ISIS terrorists")
"'[' at character 7 is never closed"
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PartKind = Literal["words", "insertion", "elision"]

_MARK = re.compile(r"\[\s*(?:\.\s*\.\s*\.|…)\s*\]|\.\.\.|…|\[[^\[\]]*\]")


@dataclass(frozen=True)
class QuotePart:
    """A run of the speaker's words, an editorial insertion, or an elision."""

    kind: PartKind
    text: str


def quote_parts(quote: str) -> list[QuotePart]:
    """The quote split into words, insertions and elisions, in order (empty runs dropped)."""
    parts: list[QuotePart] = []
    position = 0
    for match in _MARK.finditer(quote):
        _add_words(parts, quote[position : match.start()])
        mark = match.group()
        is_elision = mark in ("...", "…") or re.fullmatch(r"\[\s*(?:\.\s*\.\s*\.|…)\s*\]", mark) is not None
        parts.append(QuotePart("elision" if is_elision else "insertion", mark))
        position = match.end()
    _add_words(parts, quote[position:])
    return parts


def _add_words(parts: list[QuotePart], text: str) -> None:
    if text.strip():
        parts.append(QuotePart("words", text.strip()))


def has_marks(quote: str) -> bool:
    """Whether the quote contains any insertion or elision."""
    return _MARK.search(quote) is not None


def verbatim_runs(quote: str) -> list[str]:
    """The runs of the speaker's own words, which must each occur in the source."""
    return [part.text for part in quote_parts(quote) if part.kind == "words"]


def unbalanced_bracket(quote: str) -> str | None:
    """Why the square brackets of a quote do not pair up, or None when they do (nesting is not allowed)."""
    opened: int | None = None
    for index, char in enumerate(quote, start=1):
        if char == "[":
            if opened is not None:
                return f"'[' at character {index} opens inside the insertion opened at character {opened}"
            opened = index
        elif char == "]":
            if opened is None:
                return f"']' at character {index} closes nothing"
            opened = None
    return None if opened is None else f"'[' at character {opened} is never closed"
