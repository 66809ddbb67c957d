"""The type of the graphs claimgraph builds, for annotations.

``ClaimGraph`` is ``networkx.MultiDiGraph`` whose nodes are string ids; at
run time it *is* ``networkx.MultiDiGraph``, so ``isinstance`` works:

>>> import networkx as nx
>>> ClaimGraph is nx.MultiDiGraph
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import networkx as nx

if TYPE_CHECKING:
    ClaimGraph: TypeAlias = nx.MultiDiGraph[str]
else:
    ClaimGraph = nx.MultiDiGraph
