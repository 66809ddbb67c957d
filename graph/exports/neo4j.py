"""A folder for Neo4j: node and relationship CSV files for ``neo4j-admin database import``, and a Cypher script.

* ``nodes.csv``: ``id:ID`` (stored as the property ``id``), ``:LABEL`` (``Record`` plus ``Actor``, ``Claim``,
  ``Source`` or ``Place``), then one typed column per property
  (``credibility:int``, ``aliases:string[]``, ``date_from:date``, ...). A claim's
  ``date`` stays as written (``2017-10~``); ``date_from`` and ``date_to`` are
  the first and last day it can mean, as Neo4j dates.
* ``relationships.csv``: ``:START_ID``, ``:END_ID``, ``:TYPE`` (the relation in
  capitals: ``DENIES``, ``PUBLISHED_BY``, ...), then typed properties.
* ``load.cypher``: the same data through ``LOAD CSV`` for a running server.

Lists of text become Neo4j string arrays (``;`` between items, neo4j-admin's
default) unless an item contains ``;``; then that column, like anything
nested, holds JSON text.

>>> import graph
>>> files = neo4j_files(graph.load("tests/fixtures/mini.yaml"))
>>> sorted(files), files["relationships.csv"].splitlines()[0]
(['load.cypher', 'nodes.csv', 'relationships.csv'], ':START_ID,:END_ID,:TYPE,document,hop:int,via:string[]')
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..dates import PartialDate
from ..types import ClaimGraph

ARRAY_DELIMITER = ";"
COMMAND = (
    "neo4j-admin database import full neo4j --overwrite-destination "
    "--nodes=nodes.csv --relationships=relationships.csv --multiline-fields=true"
)
"""The import command for a stopped Neo4j 5 server (run in the exported folder)."""

_CONVERT = {
    "string": "{}",
    "int": "toInteger({})",
    "float": "toFloat({})",
    "boolean": "toBoolean({})",
    "date": "date({})",
    "string[]": f"split({{}}, '{ARRAY_DELIMITER}')",
}
"""How ``load.cypher`` turns a CSV cell of each column type into a property value."""


@dataclass(frozen=True)
class Column:
    """One property column: its name and its neo4j-admin type (``string``, ``int``, ``string[]``, ...)."""

    name: str
    kind: str

    @property
    def header(self) -> str:
        """The CSV header, e.g. ``credibility:int``; plain text columns carry no type."""
        return self.name if self.kind == "string" else f"{self.name}:{self.kind}"

    def cell(self, value: Any) -> str | None:
        """The CSV cell for ``value``; ``None`` (an empty cell, no property) when it is missing."""
        if value is None:
            return None
        if self.kind == "string[]":
            return ARRAY_DELIMITER.join(value)
        if self.kind == "boolean":
            return "true" if value else "false"
        if isinstance(value, (list, tuple, dict)):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return str(value)

    def cypher(self, row: str = "row") -> str:
        """The Cypher expression that reads this column of a ``LOAD CSV`` row."""
        return _CONVERT[self.kind].format(f"{row}.`{self.header}`")


def column_kind(values: Iterable[Any]) -> str:
    """The neo4j-admin type that holds every one of ``values``.

    >>> column_kind([1, 2]), column_kind([1, 2.5]), column_kind([["a", "b"]]), column_kind([["a;b"]])
    ('int', 'float', 'string[]', 'string')
    """
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "int"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "float"
    if present and all(_is_text_list(v) for v in present):
        return "string[]"
    return "string"


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and ARRAY_DELIMITER not in v for v in value)


def _date_range(attrs: dict[str, Any]) -> dict[str, str]:
    field = {"claim": "date", "source": "published"}.get(str(attrs.get("type")))
    if not field or not attrs.get(field):
        return {}
    try:
        date = PartialDate.parse(str(attrs[field]))
    except ValueError:
        return {}
    return {f"{field}_from": date.earliest.isoformat(), f"{field}_to": date.latest.isoformat()}


def _columns(rows: list[dict[str, Any]], dates: Iterable[str] = ()) -> list[Column]:
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    return [Column(n, "date" if n in dates else column_kind(r.get(n) for r in rows)) for n in names]


def _csv(header: list[str], rows: Iterable[list[str | None]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180; and so a field holding \r is quoted too
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def label(node_type: str) -> str:
    """The Neo4j label of a node type: ``'claim'`` -> ``'Claim'``."""
    return node_type.replace("_", " ").title().replace(" ", "")


def neo4j_files(G: ClaimGraph) -> dict[str, str]:
    """The three files of the Neo4j folder, by name."""
    node_rows = [
        {k: v for k, v in {**attrs, **_date_range(attrs)}.items() if k not in ("type", "id") and v is not None}
        for _, attrs in G.nodes(data=True)
    ]
    node_columns = _columns(node_rows, dates=("date_from", "date_to", "published_from", "published_to"))
    labels = [label(str(attrs.get("type", "record"))) for _, attrs in G.nodes(data=True)]
    nodes = _csv(
        ["id:ID", ":LABEL", *(c.header for c in node_columns)],
        (
            [str(n), f"Record;{node_label}", *(c.cell(row.get(c.name)) for c in node_columns)]
            for n, node_label, row in zip(G, labels, node_rows, strict=True)
        ),
    )
    edge_rows = [{k: v for k, v in attrs.items() if k != "relation"} for _, _, attrs in G.edges(data=True)]
    edge_columns = _columns(edge_rows)
    types = [str(attrs.get("relation", "related")).upper() for _, _, attrs in G.edges(data=True)]
    relationships = _csv(
        [":START_ID", ":END_ID", ":TYPE", *(c.header for c in edge_columns)],
        (
            [str(u), str(v), rel_type, *(c.cell(row.get(c.name)) for c in edge_columns)]
            for (u, v), rel_type, row in zip(G.edges(), types, edge_rows, strict=True)
        ),
    )
    script = load_script(sorted(set(labels)), node_columns, sorted(set(types)), edge_columns)
    return {"nodes.csv": nodes, "relationships.csv": relationships, "load.cypher": script}


def load_script(labels: list[str], node_columns: list[Column], types: list[str], edge_columns: list[Column]) -> str:
    """Cypher that loads ``nodes.csv`` and ``relationships.csv`` into a running server with ``LOAD CSV``."""
    lines = [
        "// claimgraph export for Neo4j 5.",
        "// Into a running server: copy nodes.csv and relationships.csv into its import folder, then",
        "//   cypher-shell -u neo4j -p PASSWORD -f load.cypher",
        "// Into a new database, faster (the server stopped), from this folder:",
        f"//   {COMMAND}",
        "CREATE CONSTRAINT claimgraph_record_id IF NOT EXISTS FOR (n:Record) REQUIRE n.id IS UNIQUE;",
    ]
    node_sets = ", ".join(f"n.`{c.name}` = {c.cypher()}" for c in node_columns)
    for node_label in labels:
        lines += [
            "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row",
            f"WITH row WHERE row.`:LABEL` = 'Record;{node_label}'",
            f"MERGE (n:Record:{node_label} {{id: row.`id:ID`}})" + (f"\nSET {node_sets};" if node_sets else ";"),
        ]
    edge_sets = ", ".join(f"r.`{c.name}` = {c.cypher()}" for c in edge_columns)
    for rel_type in types:
        lines += [
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row",
            f"WITH row WHERE row.`:TYPE` = '{rel_type}'",
            "MATCH (a:Record {id: row.`:START_ID`}), (b:Record {id: row.`:END_ID`})",
            f"CREATE (a)-[r:{rel_type}]->(b)" + (f"\nSET {edge_sets};" if edge_sets else ";"),
        ]
    return "\n".join(lines) + "\n"
