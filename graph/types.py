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

from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    _Base = nx.MultiDiGraph[str]
else:
    _Base = nx.MultiDiGraph


class ClaimGraph(_Base):
    """A directed multigraph of actors, claims, sources and places (see :mod:`graph.build`)."""

    def _repr_html_(self) -> str:
        """The explorer in a sandboxed iframe, for Jupyter."""
        from .render import Explorer  # only notebooks need the renderer

        html: str = Explorer(self)._repr_html_()
        return html
