"""Turning what a user typed (an id, a name, an alias) into a node id, or a helpful error.

An actor or place can be named by its id, or by its name or one of its
aliases in any letter case: ``"Konashenkov"``, ``"ISIS"`` (an alias of
``daesh``) and ``"pentagon"`` all resolve. Claims are named by id only
(letter case aside). A name shared by several nodes is refused, listing them.
A name that is not text (``None``, a number) is a ``TypeError``, as it is in
every query that takes one.

>>> import graph
>>> G = graph.load("data/claims.yaml")
>>> resolve(G, "ISIS", "actor"), resolve(G, "Konashenkov", "actor")
('daesh', 'konashenkov')
>>> resolve(G, "konashenko", "actor")
Traceback (most recent call last):
...
graph.errors.UnknownIdError: no actor with id 'konashenko'; did you mean 'konashenkov'?
"""

from __future__ import annotations

from typing import Any

from ..errors import UnknownIdError
from ..suggest import slugify, suggest_id
from ..types import ClaimGraph
from .walk import nodes_of_type


def resolve(G: ClaimGraph, word: str, node_type: str) -> str:
    """The id of the ``node_type`` node that ``word`` names; :class:`UnknownIdError` when none or several do.

    ``TypeError`` when ``word`` is not a ``str``:

    >>> import graph
    >>> resolve(graph.load("data/claims.yaml"), None, "claim")
    Traceback (most recent call last):
    ...
    TypeError: a claim is named by its id as a str, not None
    """
    require_id_text(word, node_type)
    if word in G and G.nodes[word].get("type") == node_type:
        return word
    folded = word.casefold()
    matches = sorted(n for n in nodes_of_type(G, node_type) if folded in _names(n, G.nodes[n]))
    if len(matches) == 1:
        return matches[0]
    suggestions = matches or suggest_id(slugify(word), nodes_of_type(G, node_type))
    raise UnknownIdError(node_type, word, suggestions)


def resolve_side(G: ClaimGraph, word: str) -> str:
    """The id of the side ``word`` names (its id or name, in any letter case); ``TypeError`` when not a ``str``."""
    require_id_text(word, "side")
    sides: dict[str, dict[str, Any]] = G.graph.get("sides", {})
    if word in sides:
        return word
    folded = word.casefold()
    matches = sorted(s for s, attrs in sides.items() if folded in (s.casefold(), str(attrs.get("name", "")).casefold()))
    if len(matches) == 1:
        return matches[0]
    raise UnknownIdError("side", word, matches or suggest_id(slugify(word), sides))


def require_id_text(word: object, node_type: str) -> None:
    """``TypeError`` unless ``word`` is a ``str``: ``a claim is named by its id as a str, not None``."""
    if not isinstance(word, str):
        named = {
            "side": "by its id or name",
            "actor": "by its id, name or alias",
            "place": "by its id, name or alias",
        }.get(node_type, "by its id")
        shown = repr(word) if word is None or isinstance(word, (bytes, int, float)) else type(word).__name__
        raise TypeError(f"a{'n' if node_type[0] in 'aeiou' else ''} {node_type} is named {named} as a str, not {shown}")


def _names(node: str, attrs: dict[str, Any]) -> set[str]:
    names = {node.casefold()}
    if attrs.get("type") != "claim":
        names.add(str(attrs.get("name", "")).casefold())
        names.update(str(alias).casefold() for alias in attrs.get("aliases", ()))
    names.discard("")
    return names
