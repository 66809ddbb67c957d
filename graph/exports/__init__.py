"""The graph in other formats: one module per format, one table of formats that the API and the CLI share.

==========  ======  ==========================================================
format      writes  for
==========  ======  ==========================================================
json        file    programs: networkx node-link data (:mod:`.nodelink`)
graphml     file    Gephi, yEd, Cytoscape (:mod:`.graphml`)
gexf        file    Gephi, with colours, positions and a timeline (:mod:`.gexf`)
aif         file    argument tools: AIFdb, OVA (:mod:`graph.aif`)
neo4j       folder  a graph database: CSV files and a Cypher script (:mod:`.neo4j`)
==========  ======  ==========================================================

Every writer returns its files as ``{name: text}``; a one-file format has one
entry. :func:`write_export` writes them: a one-file format to a file or
standard output, a folder format into a folder, each file atomically.

>>> import graph
>>> G = graph.load("tests/fixtures/mini.yaml")
>>> export_text(G, "graphml").startswith("<?xml"), sorted(export_files(G, "neo4j"))
(True, ['load.cypher', 'nodes.csv', 'relationships.csv'])
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

from ..aif import to_aif
from ..errors import OutputError
from ..files import write_files_atomic, write_text_atomic
from ..types import ClaimGraph
from .gexf import to_gexf
from .graphml import to_graphml
from .neo4j import neo4j_files
from .nodelink import to_json, to_json_data

Format = Literal["json", "graphml", "gexf", "aif", "neo4j"]


@dataclass(frozen=True)
class ExportFormat:
    """One output format: what it writes, and whether it writes one file or a folder of files."""

    name: Format
    summary: str
    write: Callable[[ClaimGraph], dict[str, str]]
    folder: bool = False


def _one(name: str, writer: Callable[[ClaimGraph], str]) -> Callable[[ClaimGraph], dict[str, str]]:
    return lambda G: {name: writer(G)}


EXPORTS: dict[Format, ExportFormat] = {
    "json": ExportFormat("json", "networkx node-link JSON", _one("claims.json", to_json)),
    "graphml": ExportFormat("graphml", "GraphML for Gephi, yEd, Cytoscape", _one("claims.graphml", to_graphml)),
    "gexf": ExportFormat("gexf", "GEXF 1.2 for Gephi: colours, positions, timeline", _one("claims.gexf", to_gexf)),
    "aif": ExportFormat("aif", "AIF JSON for AIFdb, OVA and argument tools", _one("claims.aif.json", to_aif)),
    "neo4j": ExportFormat("neo4j", "a folder of CSV files and a Cypher script for Neo4j", neo4j_files, folder=True),
}
"""Every format, by name."""

FORMATS: tuple[Format, ...] = tuple(EXPORTS)


def export_files(G: ClaimGraph, fmt: Format) -> dict[str, str]:
    """The files of ``G`` in format ``fmt``, by name."""
    return EXPORTS[fmt].write(G)


def export_text(G: ClaimGraph, fmt: Format) -> str:
    """The text of a one-file format; a folder format raises ``ValueError``."""
    if EXPORTS[fmt].folder:
        raise ValueError(f"--format {fmt} writes a folder of files, not one text")
    (text,) = export_files(G, fmt).values()
    return text


def write_export(G: ClaimGraph, fmt: Format, output: str | os.PathLike[str] | None, stdout: TextIO) -> list[Path]:
    """Write ``G`` in format ``fmt``: to ``output`` (a file, or a folder for a folder format) or to ``stdout``.

    Everything is computed before anything is written, and each file is
    replaced atomically, so a failure leaves earlier outputs whole. Returns the
    paths written (none for standard output).
    """
    export = EXPORTS[fmt]
    files = export.write(G)
    if export.folder:
        if output is None:
            raise OutputError(f"--format {fmt} writes a folder of files; name it with -o DIR")
        return write_files_atomic(output, files)
    (text,) = files.values()
    if output is None:
        stdout.write(text)
        return []
    return [write_text_atomic(output, text)]


__all__ = [
    "EXPORTS",
    "FORMATS",
    "ExportFormat",
    "Format",
    "export_files",
    "export_text",
    "to_gexf",
    "to_graphml",
    "to_json",
    "to_json_data",
    "write_export",
]
