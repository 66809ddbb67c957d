"""'Did you mean' hints and readable ids: small helpers every layer may use.

>>> suggest_id("konashenko", ["konashenkov", "gerasimov", "zakharova"])
['konashenkov']
>>> slugify("Konashenkov Black-Hole!")
'konashenkov-black-hole'
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

CLOSE_ENOUGH = 0.75
"""How alike two words must be (difflib's ratio) to suggest one for the other: 'denail' and
'denial' are (0.83); 'retraction' and 'corroboration' are not (0.61)."""

ID_RULE = "ids use a-z, 0-9 and hyphens"


def suggest_id(word: str, choices: Iterable[str]) -> list[str]:
    """Up to three of ``choices`` close to ``word``, best first; none when nothing is genuinely close.

    >>> suggest_id("retraction", ["accusation", "denial", "corroboration"])
    []
    """
    return difflib.get_close_matches(word, list(choices), n=3, cutoff=CLOSE_ENOUGH)


def slugify(text: str) -> str:
    """A valid id made from any text: lowercase ASCII letters and digits joined by hyphens."""
    return id_from_text(text) or "item"


def id_from_text(text: str) -> str | None:
    """The id a name would have, accents dropped; None when the text has letters outside the Latin
    alphabet, which would need a real transliteration (or when nothing is left).

    >>> id_from_text("Rebecca Rebarich"), id_from_text("Café Müller"), id_from_text("клaim")
    ('rebecca-rebarich', 'cafe-muller', None)
    """
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    if any(char.isalpha() and not char.isascii() for char in folded):
        return None
    slug = "-".join(part for part in re.split(r"[^a-z0-9]+", folded) if part)
    return slug or None


def why_not_an_id(text: str) -> str:
    """What makes ``text`` unfit as an id, naming the first character at fault.

    >>> why_not_an_id("My Doc"), why_not_an_id("клaim")
    ("'M' is upper case", "'к' (CYRILLIC SMALL LETTER KA) is not one of a-z")
    """
    if not text:
        return "it is empty"
    for char in text:
        if char.isascii() and (char.islower() or char.isdigit() or char in "-_"):
            continue
        if char.isupper() and char.isascii():
            return f"{char!r} is upper case"
        if char.isspace():
            return "it contains a space"
        if char.isalpha():
            return f"{char!r} ({unicodedata.name(char, 'a letter')}) is not one of a-z"
        return f"{char!r} is not allowed"
    return "hyphens and underscores may only join letters and digits"


def id_hint(text: str) -> str:
    """The fix for an invalid id: the rule, and the id to write when one can be made well.

    >>> id_hint("My Doc")
    "ids use a-z, 0-9 and hyphens; try 'my-doc'"
    >>> id_hint("клaim")
    'ids use a-z, 0-9 and hyphens; write this one in Latin letters (claimgraph does not transliterate)'
    """
    suggestion = id_from_text(text)
    if suggestion is None and any(char.isalpha() for char in text):
        return f"{ID_RULE}; write this one in Latin letters (claimgraph does not transliterate)"
    return f"{ID_RULE}; try {suggestion!r}" if suggestion else ID_RULE
