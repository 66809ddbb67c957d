"""Node positions computed in Python, so the browser draws at once instead of running physics.

Two layouts, both deterministic and in vis-network canvas pixels:

* :func:`graph_layout` (:mod:`.force`): a force layout (repulsion between
  nearby nodes, springs along edges), then every label box is pushed apart
  until none overlap (:mod:`.overlap`). Work per iteration is linear in nodes
  plus edges.
* :func:`timeline_layout` (:mod:`.timeline`): claims in date columns left to
  right (one per month, headed "Oct 2017"), one band per side with the actors
  who made its claims just above them; actors who made no claim, sources and
  places in bands below. It is kept compact enough to read whole on a laptop
  screen.

Both size every node by its wrapped label (:mod:`.boxes`), so the boxes used
to keep labels apart are the ones the page draws.

>>> import graph
>>> G = graph.load("tests/fixtures/mini.yaml")
>>> pos = graph_layout(G)
>>> sorted(pos) == sorted(G), overlaps(G, pos)
(True, 0)
"""

from .boxes import Box, Position, extent, node_box, node_label, text_width, wrap
from .force import graph_layout
from .overlap import overlaps, pack_rows, separate
from .timeline import Timeline, claim_sort_key, timeline_layout

__all__ = [
    "Box",
    "Position",
    "Timeline",
    "claim_sort_key",
    "extent",
    "graph_layout",
    "node_box",
    "node_label",
    "overlaps",
    "pack_rows",
    "separate",
    "text_width",
    "timeline_layout",
    "wrap",
]
