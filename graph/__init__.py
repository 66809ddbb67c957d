"""claimgraph: who accused whom of what, who denied it, and what the denial rests on.

>>> import graph
>>> G = graph.load("data/claims.yaml")
>>> G.nodes["konashenkov"]["name"]
'Igor Konashenkov'
"""

from __future__ import annotations

from collections.abc import Sequence as _Sequence

from .aif import import_aif, read_aif, to_aif
from .build import NODE_TYPES, RELATIONS, RESPONSE_RELATIONS, build_graph
from .dataset import Dataset
from .dates import PartialDate
from .errors import ClaimgraphError, DataError, OutputError, Problem, UnknownIdError
from .exports import to_gexf, to_graphml, to_json, to_json_data
from .load import PathLike as _PathLike
from .load import parse_dataset, read_dataset
from .models import Actor, Claim, Document, Place, Report, Response, Side, Source
from .pyvis_network import to_pyvis
from .queries import (
    accusations_against,
    accusations_by,
    grounded_labels,
    independent_origins,
    provenance,
    responses_to,
    subgraph,
    thread,
    timeline,
    unanswered,
    why,
)
from .render import Explorer, render_html, write_html
from .schema import json_schema
from .types import ClaimGraph


def load(path: _PathLike | _Sequence[_PathLike] = "data/claims.yaml") -> ClaimGraph:
    """Read, validate and build in one call: the entry point of every example.

    ``path`` is a claims file, a folder of ``.yaml`` files, or a list of them, as
    ``str``, ``bytes`` or a path object. Raises :class:`DataError` listing every
    problem when the data is not valid.

    >>> G = load("data/claims.yaml")
    >>> G.nodes["konashenkov-black-hole"]["claimant"], G.nodes["konashenkov-black-hole"]["kind"]
    ('konashenkov', 'accusation')
    """
    return build_graph(read_dataset(path))


__all__ = [
    "NODE_TYPES",
    "RELATIONS",
    "RESPONSE_RELATIONS",
    "Actor",
    "Claim",
    "ClaimGraph",
    "ClaimgraphError",
    "DataError",
    "Dataset",
    "Document",
    "Explorer",
    "OutputError",
    "PartialDate",
    "Place",
    "Problem",
    "Report",
    "Response",
    "Side",
    "Source",
    "UnknownIdError",
    "accusations_against",
    "accusations_by",
    "build_graph",
    "grounded_labels",
    "import_aif",
    "independent_origins",
    "json_schema",
    "load",
    "parse_dataset",
    "provenance",
    "read_aif",
    "read_dataset",
    "render_html",
    "responses_to",
    "subgraph",
    "thread",
    "timeline",
    "to_aif",
    "to_gexf",
    "to_graphml",
    "to_json",
    "to_json_data",
    "to_pyvis",
    "unanswered",
    "why",
    "write_html",
]
