"""The class of the graphs claimgraph builds: a ``networkx.MultiDiGraph`` that shows itself in notebooks.

``ClaimGraph`` adds nothing to networkx but ``_repr_html_``, so every networkx
algorithm works on it unchanged, and a graph left as the last expression of a
Jupyter cell is displayed as the interactive explorer:

>>> import networkx as nx
>>> G = ClaimGraph()
>>> isinstance(G, nx.MultiDiGraph), G.is_directed(), G.is_multigraph()
(True, True, True)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

import networkx as nx

if TYPE_CHECKING:
    _Base = nx.MultiDiGraph[str]
else:
    _Base = nx.MultiDiGraph


class ClaimGraph(_Base):
    """A directed multigraph of actors, claims, sources and places (see :mod:`graph.build`)."""

    notebook_view: ClassVar[Callable[[ClaimGraph], str] | None] = None
    """How a notebook shows a graph; :mod:`graph.render` sets it, so this module needs no renderer
    (data flows one way: records -> graph -> page)."""

    def _repr_html_(self) -> str | None:
        """The explorer in a sandboxed iframe, for Jupyter (None, networkx's text, until the renderer is loaded)."""
        view = type(self).notebook_view
        return view(self) if view is not None else None
