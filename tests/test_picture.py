"""``claimgraph build --format svg``: a still picture of the graph for reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from support import MINI, SHIPPED

import graph
from graph.cli import main
from graph.picture import render_svg
from graph.queries import claim_positions
from graph.vocabulary import STANCES, STATUSES

SVG = "{http://www.w3.org/2000/svg}"


def test_build_format_svg_writes_every_node_and_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mini.svg"
    assert main(["build", str(MINI), "--format", "svg", "-o", str(target)]) == 0
    captured = capsys.readouterr()
    assert f"wrote {target} (12 nodes, 17 edges)" in captured.out + captured.err
    root = ElementTree.parse(target).getroot()
    G = graph.load(MINI)
    assert {g.get("data-node") for g in root.iter(f"{SVG}g") if g.get("data-node")} == set(G)
    assert sorted(line.get("data-relation") for line in root.iter(f"{SVG}line")) == sorted(
        r for _, _, r in G.edges(data="relation")
    )


def test_build_format_svg_into_a_folder_names_the_file_svg(tmp_path: Path) -> None:
    assert main(["build", str(MINI), "--format", "svg", "-o", str(tmp_path)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["mini.svg"]


def test_a_claims_box_shows_its_kind_and_its_text_stays_text() -> None:
    G = graph.load(MINI)
    G.nodes["general-a-training"]["label"] = "<b>x</b>"
    root = ElementTree.fromstring(render_svg(G).encode())
    group = next(g for g in root.iter(f"{SVG}g") if g.get("data-node") == "general-a-training")
    box = group.find(f"{SVG}rect")
    assert box is not None and box.get("stroke") == graph.vocabulary.CLAIM_KINDS["accusation"].colour
    assert "<b>x</b>" in "".join(group.itertext())


def test_labels_outside_boxes_get_the_pages_white_halo_and_claim_labels_do_not() -> None:
    root = ElementTree.fromstring(render_svg(graph.load(MINI)).encode())
    texts = {g.get("data-node"): g.find(f"{SVG}text") for g in root.iter(f"{SVG}g") if g.get("data-node")}
    actor, claim = texts["general-a"], texts["general-a-training"]
    assert actor is not None and claim is not None
    assert (actor.get("stroke"), actor.get("paint-order")) == ("#ffffff", "stroke")
    assert claim.get("stroke") is None


def _query_status(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    assert main(["query", "status", "--json", "--data", str(SHIPPED)]) == 0
    return list(json.loads(capsys.readouterr().out)["propositions"])


def test_each_hub_has_the_status_query_status_prints_under_it_in_its_colours(
    capsys: pytest.CaptureFixture[str],
) -> None:
    G = graph.load(SHIPPED)
    root = ElementTree.fromstring(render_svg(G).encode())
    lines = {t.get("data-status-of"): t for t in root.iter(f"{SVG}text") if t.get("data-status-of")}
    hubs = [p for p in _query_status(capsys) if G.nodes[p["proposition"]]["type"] == "proposition"]
    assert hubs and set(lines) == {p["proposition"] for p in hubs}
    for p in hubs:
        line = lines[p["proposition"]]
        assert line.text == (f"{p['status']} since {p['since']}" if p["since"] else p["status"])
        assert line.get("fill") == STATUSES[p["status"]].colour
        group = next(g for g in root.iter(f"{SVG}g") if g.get("data-node") == p["proposition"])
        assert group[0].get("stroke") == STATUSES[p["status"]].colour


def test_each_claim_has_a_badge_per_stance_with_its_glyph_and_the_propositions_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    G = graph.load(SHIPPED)
    root = ElementTree.fromstring(render_svg(G).encode())
    drawn: dict[str, list[tuple[str, str | None]]] = {}
    for badge in (g for g in root.iter(f"{SVG}g") if g.get("data-badge-of")):
        rect, text = badge.find(f"{SVG}rect"), badge.find(f"{SVG}text")
        assert rect is not None and text is not None
        drawn.setdefault(str(badge.get("data-badge-of")), []).append((str(text.text), rect.get("fill")))
    expected: dict[str, list[tuple[str, str | None]]] = {}
    for p in _query_status(capsys):
        for stand in p["stands"]:
            badge = (f"{STANCES[stand['role']].icon} {p['status']}", STATUSES[p["status"]].colour)
            expected.setdefault(stand["claim"], []).append(badge)
    assert {c: sorted(b) for c, b in drawn.items()} == {c: sorted(b) for c, b in expected.items()}
    assert set(drawn) == {c for c, kind in G.nodes(data="type") if kind == "claim" and claim_positions(G, c)}
