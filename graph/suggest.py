"""'Did you mean' hints and readable ids: small helpers every layer may use.

>>> suggest_id("konashenko", ["konashenkov", "gerasimov", "zakharova"])
['konashenkov']
>>> slugify("Konashenkov Black-Hole!")
'konashenkov-black-hole'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def suggest_id(word: str, choices: Iterable[str]) -> list[str]:
    """Up to three of ``choices`` close to ``word``, best first."""
    return difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)


def slugify(text: str) -> str:
    """A valid id made from any text: lowercase ASCII letters and digits joined by hyphens."""
    out: list[str] = []
    for char in text.lower():
        out.append(char if char.isascii() and char.isalnum() else "-")
    slug = "-".join(part for part in "".join(out).split("-") if part)
    return slug or "item"
