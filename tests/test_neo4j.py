"""The Neo4j folder: CSV headers as ``neo4j-admin database import`` reads them, and a LOAD CSV script."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import networkx as nx
import pytest
from support import MINI

from graph.cli import main
from graph.exports.neo4j import neo4j_files


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_nodes_have_ids_labels_and_typed_properties(mini_graph: nx.MultiDiGraph) -> None:
    files = neo4j_files(mini_graph)
    header = files["nodes.csv"].splitlines()[0].split(",")
    assert header[:2] == ["id:ID", ":LABEL"]
    names = [h.partition(":")[0] for h in header if not h.startswith(":")]
    assert len(names) == len(set(names))  # neo4j-admin refuses a property twice: id:ID is the id property
    assert {"aliases:string[]", "date_from:date", "date_to:date", "published_from:date"} <= set(header)
    rows = {r["id:ID"]: r for r in _rows(files["nodes.csv"])}
    assert len(rows) == mini_graph.number_of_nodes()
    assert rows["general-a"][":LABEL"] == "Record;Actor"
    assert rows["general-a"]["aliases:string[]"] == "Gen. A"
    claim = rows["field-source-support"]
    assert (claim[":LABEL"], claim["date"], claim["date_from:date"], claim["date_to:date"]) == (
        "Record;Claim",
        "2017-10~",
        "2017-10-01",
        "2017-10-31",
    )
    assert rows["general-a"]["date"] == ""  # an empty cell: no property


def test_relationships_have_start_end_type_and_properties(mini_graph: nx.MultiDiGraph) -> None:
    rows = _rows(neo4j_files(mini_graph)["relationships.csv"])
    assert len(rows) == mini_graph.number_of_edges()
    relay = next(r for r in rows if r[":TYPE"] == "RELAYS")
    assert (relay[":START_ID"], relay[":END_ID"], relay["document"], relay["hop:int"]) == (
        "wire",
        "general-a-training",
        "daily-article",
        "1",
    )
    assert {r[":TYPE"] for r in rows} >= {"MADE", "DENIES", "SUPPORTS", "PUBLISHED_BY", "MEMBER_OF"}


def test_every_relationship_ends_at_a_node(shipped_graph: nx.MultiDiGraph) -> None:
    files = neo4j_files(shipped_graph)
    ids = {r["id:ID"] for r in _rows(files["nodes.csv"])}
    ends = {r[key] for r in _rows(files["relationships.csv"]) for key in (":START_ID", ":END_ID")}
    assert ends <= ids


def test_the_cypher_script_loads_every_label_and_type_with_its_conversions(mini_graph: nx.MultiDiGraph) -> None:
    script = neo4j_files(mini_graph)["load.cypher"]
    assert "CREATE CONSTRAINT claimgraph_record_id IF NOT EXISTS FOR (n:Record) REQUIRE n.id IS UNIQUE;" in script
    assert re.findall(r"MERGE \(n:Record:(\w+)", script) == ["Actor", "Claim", "Place", "Source"]
    assert "n.`aliases` = split(row.`aliases:string[]`, ';')" in script
    assert "n.`date_from` = date(row.`date_from:date`)" in script
    assert "r.`hop` = toInteger(row.`hop:int`)" in script
    assert script.count("LOAD CSV WITH HEADERS") == 4 + len({d["relation"] for *_, d in mini_graph.edges(data=True)})
    statements = [s for s in script.split(";\n") if s.strip() and not s.lstrip().startswith("//")]
    assert all(s.count("(") == s.count(")") for s in statements)


def test_a_list_item_holding_the_delimiter_makes_the_column_json_text() -> None:
    G = nx.MultiDiGraph()
    G.add_node("a", type="actor", aliases=["x; y"])
    files = neo4j_files(G)  # type: ignore[arg-type]
    assert files["nodes.csv"].splitlines() == ["id:ID,:LABEL,aliases", 'a,Record;Actor,"[""x; y""]"']


def test_cli_writes_the_folder_and_lists_its_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "neo4j"
    assert main(["export", "--format", "neo4j", str(MINI), "-o", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["load.cypher", "nodes.csv", "relationships.csv"]
    assert capsys.readouterr().err == f"wrote {folder}: nodes.csv, relationships.csv, load.cypher\n"


def test_cli_neo4j_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "neo4j", str(MINI)]) == 1
    assert capsys.readouterr().err == "Error: --format neo4j writes a folder of files; name it with -o DIR\n"


def test_cli_neo4j_refuses_a_file_as_its_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "claims.yaml"
    target.write_text("keep me", encoding="utf-8")
    assert main(["export", "--format", "neo4j", str(MINI), "-o", str(target)]) == 1
    assert capsys.readouterr().err == f"Error: cannot write into {target}: it is a file, not a folder\n"
    assert target.read_text(encoding="utf-8") == "keep me"
