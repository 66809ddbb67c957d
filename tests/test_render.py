"""The explorer page by its structure: self-contained, escaped, written safely; and its layouts and command."""

from __future__ import annotations

import copy
import errno
import html
import itertools
import json
import math
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Hashable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from support import MINI, ROOT, SHIPPED

import graph
from graph.cli import main
from graph.errors import OutputError
from graph.layout import (
    Box,
    Timeline,
    claim_sort_key,
    extent,
    force,
    graph_layout,
    node_box,
    overlaps,
    pack_rows,
    timeline_layout,
)
from graph.layout.timeline import BOX_GAP, MONTHS, NAME_INSET, NAME_ROOM, NO_CLAIM_BAND, ROW_OVERRUN, heading_width
from graph.load import parse_dataset
from graph.render import LAYOUTS, Explorer, Layout, page_data, render_html, vis_network_js, write_html

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import make_dataset_yaml  # type: ignore[import-not-found]

MULTILINGUAL = ROOT / "tests" / "fixtures" / "multilingual.yaml"


class Page(HTMLParser):
    """The tags, attributes and script bodies of a page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.title = ""
        self._in: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "title"):
            self._in = tag
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        elif self._in == "title":
            self.title += data

    def data_block(self, name: str = "claimgraph-data") -> Any:
        body = next(b for a, b in self.scripts if a.get("id") == name)
        return json.loads(body)


@pytest.fixture(scope="module")
def mini_page(mini_graph: nx.MultiDiGraph[Any]) -> str:
    return render_html(mini_graph)


def hostile(mini_graph: nx.MultiDiGraph[Any]) -> nx.MultiDiGraph[Any]:
    G = copy.deepcopy(mini_graph)
    G.nodes["general-a-training"]["text"] = "</script><script>alert(1)</script> & \u2028 <!-- \u2029"
    G.nodes["general-a-training"]["label"] = "</SCRIPT ><img src=x onerror=alert(1)>"
    G.graph["sides"]["red"]["name"] = "<b>Red</b>"
    G.graph["sides"]["red"]["colour"] = "red; background-image: url(https://example.org/x.png)"
    return G


# --- self-contained -----------------------------------------------------------------------------


def test_page_loads_nothing_from_outside(mini_page: str) -> None:
    page = Page(mini_page)
    for tag, attrs in page.tags:
        assert not (tag == "script" and "src" in attrs)
        for name in ("src", "href", "srcset", "poster", "data", "action"):
            value = attrs.get(name)
            assert value is None or value.startswith(("data:", "#")), (tag, name, value)
    assert ("link", {"rel": "icon", "href": "data:,"}) in page.tags
    assert "@import" not in mini_page and "url(http" not in mini_page


def test_vis_network_is_inlined_from_pyvis(mini_page: str) -> None:
    js = vis_network_js()
    assert "@version 9.1.2" in js
    assert js[2000:3000] in mini_page


def test_every_script_is_inline_and_none_ends_early(mini_page: str) -> None:
    page = Page(mini_page)
    assert len(page.scripts) == 4
    assert all("</script" not in body.lower() for _, body in page.scripts)


# --- data and escaping ------------------------------------------------------------------------


def test_json_block_round_trips(mini_graph: nx.MultiDiGraph[Any], mini_page: str) -> None:
    data = Page(mini_page).data_block()
    assert [n["id"] for n in data["nodes"]] == list(mini_graph)
    assert len(data["edges"]) == mini_graph.number_of_edges()
    claim = next(n for n in data["nodes"] if n["id"] == "general-a-training")
    assert claim["info"]["quote"] == mini_graph.nodes["general-a-training"]["quote"]
    assert claim["info"]["date_text"] == "6 October 2017"


def _assert_no_markup_in_block(page: str, block_id: str) -> None:
    """The script block ``block_id`` holds no character that could end it or start markup."""
    block = page[page.index(f'id="{block_id}">') :]
    block = block[: block.index("</script>")]
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in block.split(">", 1)[1]


def test_json_block_escapes_markup_and_line_separators(mini_graph: nx.MultiDiGraph[Any]) -> None:
    G = hostile(mini_graph)
    text = render_html(G)
    _assert_no_markup_in_block(text, "claimgraph-data")
    data = Page(text).data_block()
    claim = next(n for n in data["nodes"] if n["id"] == "general-a-training")
    assert claim["info"]["text"] == G.nodes["general-a-training"]["text"]


def test_explanations_block_escapes_markup_and_line_separators(mini_graph: nx.MultiDiGraph[Any]) -> None:
    """The why paragraphs (which quote a claim's text) and origins, shipped in a block of their own, are as safe as
    the data block."""
    G = hostile(mini_graph)
    text = render_html(G)
    _assert_no_markup_in_block(text, "claimgraph-explanations")
    nodes = {n: i for i, n in enumerate(G)}
    explanations = Page(text).data_block("claimgraph-explanations")
    why = explanations["claims"][str(nodes["general-a-training"])]["why"]
    assert '("</script><script>alert(1)</script> & <!--")' in why


def test_title_and_legend_are_escaped(mini_graph: nx.MultiDiGraph[Any]) -> None:
    text = render_html(hostile(mini_graph), title="<script>alert(1)</script>")
    page = Page(text)
    assert page.title == "<script>alert(1)</script>"
    assert "<b>Red</b>" not in text
    assert "&lt;b&gt;Red&lt;/b&gt;" in text
    assert len(page.scripts) == 4


def test_colours_that_are_not_hex_become_grey(mini_graph: nx.MultiDiGraph[Any]) -> None:
    text = render_html(hostile(mini_graph))
    assert "example.org/x.png" not in text.split('id="claimgraph-data"')[0]
    data = Page(text).data_block()
    assert next(s for s in data["sides"] if s["id"] == "red")["colour"] == "#999999"


def test_timeline_bands_get_safe_colours(mini_graph: nx.MultiDiGraph[Any]) -> None:
    bands = page_data(hostile(mini_graph), layout="timeline")["timeline"]["bands"]
    assert {name: colour for _, _, name, colour in bands}["<b>Red</b>"] == "#999999"
    assert all(re.fullmatch(r"#[0-9A-Fa-f]{6}", colour) for *_, colour in bands)


def test_nodes_get_their_sides_colour(mini_graph: nx.MultiDiGraph[Any]) -> None:
    nodes = {n["id"]: n for n in page_data(mini_graph)["nodes"]}
    assert nodes["general-a"]["colour"] == nodes["general-a-training"]["colour"] == "#0072B2"
    assert nodes["wire"]["colour"] == "#999999"
    assert nodes["daily-article"]["side"] is None


def test_rendering_leaves_the_graph_unchanged(mini_graph: nx.MultiDiGraph[Any]) -> None:
    before = nx.node_link_data(mini_graph, edges="edges")
    render_html(mini_graph, layout="timeline")
    assert nx.node_link_data(mini_graph, edges="edges") == before


def claims_only(G: nx.MultiDiGraph[Any]) -> nx.MultiDiGraph[Any]:
    """A subgraph view that keeps the claims and drops every actor, source and place they refer to."""
    return G.subgraph([n for n, kind in G.nodes(data="type") if kind == "claim"])


SUBGRAPHS: dict[str, Callable[[nx.MultiDiGraph[Any]], nx.MultiDiGraph[Any]]] = {
    "claims-only view": claims_only,
    "claims-only copy": lambda G: claims_only(G).copy(),
    "query subgraph": lambda G: graph.queries.subgraph(G, place="al-Tanf"),
    "no nodes, sides kept": lambda G: G.subgraph([]),
    "empty graph": lambda G: nx.MultiDiGraph(),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("cut", SUBGRAPHS.values(), ids=SUBGRAPHS.keys())
def test_any_subgraph_renders(
    shipped_graph: nx.MultiDiGraph[Any], cut: Callable[..., nx.MultiDiGraph[Any]], layout: Layout
) -> None:
    H = cut(shipped_graph)
    data = Page(render_html(H, layout=layout)).data_block()
    assert [n["id"] for n in data["nodes"]] == list(H)
    assert len(data["edges"]) == H.number_of_edges()
    assert overlaps(H, {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}) == 0


def test_unknown_layout_is_refused(mini_graph: nx.MultiDiGraph[Any]) -> None:
    with pytest.raises(ValueError, match="graph, timeline"):
        render_html(mini_graph, layout="circle")  # type: ignore[arg-type]


# --- writing -----------------------------------------------------------------------------------


def test_write_html_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    russian, arabic = "Игорь Конашенков", "التنف"
    script = (  # the command line itself must be ASCII under the C locale
        "import sys, networkx as nx; from graph.render import write_html\n"
        "G = nx.MultiDiGraph(name='x', sides={})\n"
        f"G.add_node('a', type='actor', label={russian!a})\n"
        f"G.add_node('b', type='claim', label={arabic!a}, claimant='a', kind='accusation', text='x')\n"
        "G.add_edge('a', 'b', key='made', relation='made')\n"
        "write_html(G, sys.argv[1])\n"
        "print(sys.getfilesystemencoding(), sys.flags.utf8_mode)\n"
    )
    env = {
        **os.environ,
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
        "PYTHONIOENCODING": "ascii",
    }
    target = tmp_path / "page.html"
    done = subprocess.run(
        [sys.executable, "-c", script, str(target)], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split()[1] == "0"  # really not in UTF-8 mode
    text = target.read_bytes().decode("utf-8")
    assert russian in text and arabic in text


def test_write_html_replaces_the_file_in_one_step(mini_graph: nx.MultiDiGraph[Any], tmp_path: Path) -> None:
    target = tmp_path / "out" / "claims.html"
    assert write_html(mini_graph, target) == target
    first = target.read_text(encoding="utf-8")
    write_html(mini_graph, target, layout="timeline")
    assert target.read_text(encoding="utf-8") != first
    assert sorted(p.name for p in target.parent.iterdir()) == ["claims.html"]


def test_a_write_that_fails_at_the_rename_leaves_the_old_page_and_no_temporary_file(
    mini_graph: nx.MultiDiGraph[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write_html(mini_graph, tmp_path / "claims.html")
    before = target.read_bytes()
    attempts: list[str] = []

    def disk_full(source: str, destination: str) -> None:
        attempts.append(destination)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("graph.files.os.replace", disk_full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_html(mini_graph, target, layout="timeline")
    assert attempts, "the write must fail while replacing the file, after the new page was written"
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["claims.html"]


def test_text_that_cannot_be_encoded_leaves_the_old_page_and_no_temporary_file(
    mini_graph: nx.MultiDiGraph[Any], tmp_path: Path
) -> None:
    target = write_html(mini_graph, tmp_path / "claims.html")
    before = target.read_bytes()
    with pytest.raises(OutputError, match="cannot write"):
        write_html(mini_graph, target, title="a lone surrogate \ud800 has no UTF-8 encoding")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["claims.html"]


# --- notebooks ---------------------------------------------------------------------------------


def test_notebook_display_is_an_escaped_sandboxed_iframe(mini_graph: nx.MultiDiGraph[Any]) -> None:
    explorer = Explorer(mini_graph, height=500)
    shown = explorer._repr_html_()
    page = Page(shown)
    assert [t for t, _ in page.tags] == ["iframe"]
    attrs = page.tags[0][1]
    assert html.unescape(shown.split('srcdoc="', 1)[1].split('"', 1)[0]) == explorer.html()
    assert attrs["sandbox"] is not None and "allow-same-origin" not in attrs["sandbox"]
    assert "height: 500px" in (attrs["style"] or "")
    assert '"embedded": true' in explorer.html()


# --- layouts -----------------------------------------------------------------------------------


def test_graph_layout_of_the_shipped_data_has_no_overlapping_labels(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    assert overlaps(shipped_graph, graph_layout(shipped_graph)) == 0


def test_timeline_has_no_overlapping_labels(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    assert overlaps(shipped_graph, timeline_layout(shipped_graph).positions) == 0


EVERY_OUTPUT = """
import sys
from graph.cli import main

folder = sys.argv[1]
for args in (
    ["build", "-o", f"{folder}/graph.html"],
    ["build", "--layout", "timeline", "-o", f"{folder}/timeline.html"],
    *(["export", "-f", form, "-o", f"{folder}/claims.{form}"] for form in ("json", "graphml", "gexf")),
):
    assert main(args) == 0, args
"""


def _undated(output: bytes) -> bytes:
    """The output without the day GEXF records it was written on (the two runs may straddle midnight)."""
    return re.sub(rb'lastmodifieddate="[^"]*"', b'lastmodifieddate=""', output)


def test_pages_and_exports_are_byte_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    # Sets and dicts of strings iterate in an order that PYTHONHASHSEED changes from one process to the
    # next; within one process it never changes, so only separate processes can show a dependence on it.
    outputs = []
    for seed in ("0", "4242"):
        folder = tmp_path / f"seed-{seed}"
        subprocess.run(
            [sys.executable, "-c", EVERY_OUTPUT, str(folder)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed},
            capture_output=True,
            timeout=300,
            check=True,
        )
        outputs.append({p.name: _undated(p.read_bytes()) for p in sorted(folder.iterdir())})
    assert list(outputs[0]) == ["claims.gexf", "claims.graphml", "claims.json", "graph.html", "timeline.html"]
    assert outputs[0] == outputs[1]


def column_of(t: Timeline, x: float) -> int:
    """The index of the date column that ``x`` falls in."""
    inside = [i for i, (left, right, _) in enumerate(t.columns) if left <= x <= right]
    assert len(inside) == 1, f"x={x} is in columns {inside}"
    return inside[0]


def test_timeline_has_a_column_per_month_headed_by_it(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    t = timeline_layout(shipped_graph)
    assert [heading for *_, heading in t.columns] == [
        "before Oct 2017",
        "Oct 2017",
        "Dec 2017",
        "Sep 2018",
        "Nov 2018",
        "May 2020",
        "Apr 2022",
        "undated",
    ]
    for n, attrs in shipped_graph.nodes(data=True):
        if attrs["type"] == "claim" and attrs.get("date") and not attrs["date"].startswith(".."):
            date = graph.PartialDate.parse(attrs["date"])
            assert t.columns[column_of(t, t.positions[n][0])][2] == f"{MONTHS[date.month - 1]} {date.year}", n


def test_every_column_that_holds_claims_has_a_heading_that_fits_it(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    data = page_data(shipped_graph, layout="timeline")
    columns = data["timeline"]["columns"]
    claims = [n for n in data["nodes"] if n["type"] == "claim"]
    held = {i for n in claims for i, (left, right, _) in enumerate(columns) if left <= n["x"] <= right}
    assert held == set(range(len(columns)))
    assert all(heading and heading_width(heading) <= right - left for left, right, heading in columns)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(columns))  # headings centred in disjoint columns


@pytest.mark.parametrize(
    ("dates", "headings"),
    [
        (["2017-10-06", "2017-10-06~", "2018", "2020-05?"], ["Oct 2017", "2018 (no month)", "May 2020"]),
        (["2017-10-06", "2017-10-07?", "2017-10", None], ["Oct 2017 (no day)", "6 Oct 2017", "7 Oct 2017", "undated"]),
    ],
    ids=["months", "days within one month"],
)
def test_column_headings_are_short_and_say_which_dates_are_less_precise(
    dates: list[str | None], headings: list[str]
) -> None:
    assert [heading for *_, heading in timeline_layout(claims_dated(dates)).columns] == headings


def claims_dated(dates: list[str | None]) -> nx.MultiDiGraph[Any]:
    """A graph of one claim per date (``None``: undated), with no actors."""
    G = nx.MultiDiGraph(sides={})
    for i, date in enumerate(dates):
        G.add_node(f"c{i}", type="claim", label=f"claim {i}", **({"date": date} if date else {}))
    return G


EDTF_MARKERS = ("?", "~", "%", "/", "..")
"""What EDTF dates in the data use for uncertain, approximate, both, an interval and an open end."""


@pytest.mark.parametrize(
    "dates",
    [["2017-10-06", "2018?", "2019~", "2020%", "2020-05?"], ["2017-10-06?", "2017-10~", "2017-10-07%"]],
    ids=["months", "days within one month"],
)
def test_column_headings_never_use_the_datas_date_markers(dates: list[str]) -> None:
    synthetic = graph.build_graph(graph.parse_dataset(make_dataset_yaml(300, seed=2)))
    for G in (claims_dated(dates), synthetic):
        headings = [heading for *_, heading in timeline_layout(G).columns]
        assert [h for h in headings if any(marker in h for marker in EDTF_MARKERS)] == []


def test_timeline_columns_run_in_date_order(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    t = timeline_layout(shipped_graph)
    dated = [n for n, a in shipped_graph.nodes(data=True) if a["type"] == "claim" and a.get("date")]
    for a, b in itertools.permutations(dated, 2):
        if claim_sort_key(shipped_graph.nodes[a])[1:] < claim_sort_key(shipped_graph.nodes[b])[1:]:
            assert column_of(t, t.positions[a][0]) <= column_of(t, t.positions[b][0]), (a, b)


def test_a_position_held_until_a_date_sits_just_before_that_date(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    t = timeline_layout(shipped_graph)
    column = {n: column_of(t, x) for n, (x, _) in t.positions.items() if shipped_graph.nodes[n]["type"] == "claim"}
    assert shipped_graph.nodes["pentagon-trains-opposition-at-tanf"]["date"] == "../2017-10-06?"
    assert t.columns[column["pentagon-trains-opposition-at-tanf"]][2] == "before Oct 2017"
    assert column["pentagon-trains-opposition-at-tanf"] + 1 == column["konashenkov-black-hole"]
    assert column["captured-militants-worked-with-us"] == len(t.columns) - 1  # undated, and nothing answers it
    assert t.columns[-1][2] == "undated"


def test_an_undated_claim_sits_just_before_the_first_claim_that_answers_it() -> None:
    data = parse_dataset(
        "actors: [{id: a, name: A, kind: person}, {id: b, name: B, kind: person}]\n"
        "sources: [{id: doc, title: Doc}]\n"
        "claims:\n"
        "  - {id: old, claimant: a, kind: statement, text: Said before., reports: doc}\n"
        "  - {id: early, claimant: b, kind: statement, text: Early., date: 2017-09, reports: doc}\n"
        "  - {id: answer, claimant: b, kind: rebuttal, text: No., date: 2017-10, reports: doc,"
        " responds_to: [{rebuts: old}]}\n"
        "  - {id: loose, claimant: a, kind: statement, text: Whenever., reports: doc}\n"
    )
    G = graph.build_graph(data)
    t = timeline_layout(G)
    column = {n: column_of(t, x) for n, (x, _) in t.positions.items() if G.nodes[n]["type"] == "claim"}
    assert t.columns[column["old"]][2] == "before Oct 2017"
    assert column["early"] < column["old"] < column["answer"]
    assert t.columns[column["loose"]][2] == "undated"


def test_timeline_fits_a_laptop_window_with_readable_labels(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    """At 1440 x 900 the page draws the timeline in 1216 x 744 pixels, and only opens it whole at zoom 0.65 or more."""
    left, top, right, bottom = timeline_layout(shipped_graph).frame
    assert min(1216 / (right - left), 744 / (bottom - top)) >= 0.65


def name_boxes(t: Timeline) -> dict[str, tuple[float, float, float, float]]:
    """Left, top, right and bottom of each band's name as the page writes it."""
    left = t.frame[0] + NAME_INSET
    return {name: (left, top, left + heading_width(name), top + NAME_ROOM) for top, _, name, _ in t.bands}


def node_edges(G: nx.MultiDiGraph[Any], t: Timeline, n: Hashable) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of node ``n``'s box in the timeline."""
    box, (x, y) = node_box(G.nodes[n]), t.positions[n]
    return (
        x + box.dx - box.half_width,
        y + box.dy - box.half_height,
        x + box.dx + box.half_width,
        y + box.dy + box.half_height,
    )


def synthetic(claims: int) -> nx.MultiDiGraph[Any]:
    """A generated data set of ``claims`` claims, as the benchmarks use."""
    return graph.build_graph(graph.parse_dataset(make_dataset_yaml(claims, seed=5)))


@pytest.mark.parametrize("data", ["shipped", "mini", "multilingual", "150 synthetic claims"])
def test_band_names_never_cover_a_node(data: str) -> None:
    files = {"shipped": SHIPPED, "mini": MINI, "multilingual": MULTILINGUAL}
    G = graph.load(files[data]) if data in files else synthetic(150)
    t = timeline_layout(G)
    covered = [
        (name, n)
        for name, (left, top, right, bottom) in name_boxes(t).items()
        for n in G
        for a, b, c, d in [node_edges(G, t, n)]
        if a < right and left < c and b < bottom and top < d
    ]
    assert covered == []


def test_a_band_name_takes_a_line_of_its_own_only_when_its_first_row_leaves_no_room(
    shipped_graph: nx.MultiDiGraph[Any],
) -> None:
    t = timeline_layout(shipped_graph)
    names = name_boxes(t)
    for top, bottom, name, _ in t.bands:
        members = [node_edges(shipped_graph, t, n) for n, (_, y) in t.positions.items() if top <= y <= bottom]
        beside = min(b for _, b, _, _ in members) < top + NAME_ROOM
        in_the_way = [a for a, b, _, _ in members if b < top + 2 * NAME_ROOM and a < names[name][2] + BOX_GAP]
        assert beside != bool(in_the_way), name


@pytest.mark.parametrize("data", ["shipped", "1000 synthetic claims"])
def test_rows_of_actors_sources_and_places_start_at_the_first_column_and_end_near_the_last(
    shipped_graph: nx.MultiDiGraph[Any], data: str
) -> None:
    """A row wider than the date columns used to spill past both ends, so the timeline began in empty space."""
    G = shipped_graph if data == "shipped" else graph.build_graph(graph.parse_dataset(make_dataset_yaml(1000)))
    t = timeline_layout(G)
    left, _, right, _ = t.frame
    assert left == t.columns[0][0]
    assert right <= t.columns[-1][1] + ROW_OVERRUN


def test_actors_sit_over_the_claims_they_made(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    t = timeline_layout(shipped_graph)
    for n, attrs in shipped_graph.nodes(data=True):
        made = [t.positions[c][0] for _, c, r in shipped_graph.out_edges(n, data="relation") if r == "made"]
        if attrs["type"] == "actor" and made:
            assert min(abs(t.positions[n][0] - x) for x in made) < 150, n


@pytest.mark.parametrize("data", ["shipped", "mini"])
def test_actors_who_made_no_claim_sit_in_a_band_of_their_own_not_under_a_date(
    shipped_graph: nx.MultiDiGraph[Any], mini_graph: nx.MultiDiGraph[Any], data: str
) -> None:
    G = shipped_graph if data == "shipped" else mini_graph
    t = timeline_layout(G)
    band_of = {n: name for n, (_, y) in t.positions.items() for top, bottom, name, _ in t.bands if top <= y <= bottom}
    actors = [n for n, kind in G.nodes(data="type") if kind == "actor"]
    silent = {n for n in actors if "made" not in {r for _, _, r in G.out_edges(n, data="relation")}}
    assert silent and silent != set(actors)
    assert {band_of[n] for n in silent} == {NO_CLAIM_BAND}
    assert NO_CLAIM_BAND not in {band_of[n] for n in set(actors) - silent}


def test_organisations_that_made_no_claim_sit_by_their_members(shipped_graph: nx.MultiDiGraph[Any]) -> None:
    x = {n: p[0] for n, p in timeline_layout(shipped_graph).positions.items()}
    # One row holds every actor that made no claim (14 here), so neighbours push each other a little apart.
    assert abs(x["russian-mod"] - x["konashenkov"]) < 450
    assert abs(x["russian-mfa"] - x["zakharova"]) < 450


@pytest.mark.parametrize(
    ("wide", "narrow"),
    [("叙利亚阿勒坦夫", "abcdefg"), ("시리아", "abc"), ("Захарова", "zakharov"), ("SANA", "sana")],
    ids=["chinese", "korean", "cyrillic", "capitals"],
)
def test_label_boxes_are_wider_for_wider_letters(wide: str, narrow: str) -> None:
    def width(label: str) -> float:
        return node_box({"type": "claim", "label": label}).half_width

    assert width(wide) > width(narrow)


def test_a_cjk_label_box_gives_each_character_a_full_em() -> None:
    box = node_box({"type": "claim", "label": "叙利亚阿勒坦夫"})
    assert 2 * box.half_width - 12 >= 7 * 14  # 14 px font; the box has a 6 px margin each side


@pytest.mark.parametrize("layout", LAYOUTS)
def test_labels_in_arabic_cyrillic_and_cjk_never_overlap(layout: Layout) -> None:
    G = graph.load(MULTILINGUAL)
    assert overlaps(G, layout_positions(G, layout)) == 0


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_larger_graph_of_wide_labels_has_no_overlaps(layout: Layout) -> None:
    G = graph.build_graph(graph.parse_dataset(make_dataset_yaml(150, seed=5)))
    names = [str(a.get("label", n)) for n, a in graph.load(MULTILINGUAL).nodes(data=True)]
    for n, name in zip(G, itertools.cycle(names), strict=False):
        G.nodes[n]["label"] = name
    assert overlaps(G, layout_positions(G, layout)) == 0


def layout_positions(G: nx.MultiDiGraph[Any], layout: Layout) -> dict[Hashable, tuple[float, float]]:
    return graph_layout(G) if layout == "graph" else timeline_layout(G).positions


def test_the_force_layout_keeps_to_its_work_budget_at_2000_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    """How much work, not how long: timing belongs in benchmarks/bench_browser.py, not in a test."""
    G = graph.build_graph(graph.parse_dataset(make_dataset_yaml(1540, seed=3)))
    assert G.number_of_nodes() >= 2000
    repelled: list[int] = []  # pairs of nodes pushed apart, one count per step of the simulation
    repel = force._repel

    def counted(*args: Any, **kwargs: Any) -> int:
        repelled.append(repel(*args, **kwargs))
        return repelled[-1]

    monkeypatch.setattr(force, "_repel", counted)
    positions = graph_layout(G)
    springs = len(force._springs(G, {n: i for i, n in enumerate(G)}))
    work = [pairs + springs for pairs in repelled]
    assert len(work) <= 300
    # a step starts only while what is left covers the last one's cost: steps grow slowly as nodes crowd together
    assert sum(work[:-1]) <= force.WORK_BUDGET < sum(work[:-1]) + 2 * work[-1]
    assert overlaps(G, positions) == 0
    assert graph_layout(copy.deepcopy(G)) == positions


@pytest.fixture(scope="module")
def large_layout() -> tuple[nx.MultiDiGraph[Any], dict[Hashable, tuple[float, float]]]:
    """2,000 synthetic claims (3,174 nodes): too many for every pair to repel, laid out once for the module."""
    G = graph.build_graph(graph.parse_dataset(make_dataset_yaml(2000, seed=3)))
    return G, graph_layout(G)


def _share_of_diagonal(G: nx.MultiDiGraph[Any], pos: dict[Hashable, tuple[float, float]], pairs: Any) -> float:
    """The median distance between the nodes of ``pairs``, as a share of the drawing's diagonal."""
    left, top, right, bottom = extent(G, pos)
    lengths = sorted(math.dist(pos[a], pos[b]) for a, b in pairs)
    return lengths[len(lengths) // 2] / math.hypot(right - left, bottom - top)


def test_in_a_large_graph_claims_sit_near_their_claimant(large_layout: Any) -> None:
    G, pos = large_layout
    made = [(c, a["claimant"]) for c, a in G.nodes(data=True) if a.get("type") == "claim"]
    assert _share_of_diagonal(G, pos, made) < 0.05


def test_in_a_large_graph_a_proposition_sits_near_a_claim_about_it(large_layout: Any) -> None:
    # Propositions belong to no actor. They once started in cells of their own, far from every claim about
    # them (a quarter of the drawing away), and the simulation of a large graph has no time to bring them in.
    G, pos = large_layout
    nearest = [
        (p, min(G.predecessors(p), key=lambda c: math.dist(pos[p], pos[c])))
        for p, a in G.nodes(data=True)
        if a.get("type") == "proposition" and G.in_degree(p)
    ]
    assert _share_of_diagonal(G, pos, nearest) < 0.1


def test_a_graph_too_large_for_one_step_of_the_simulation_skips_it(monkeypatch: pytest.MonkeyPatch) -> None:
    G = graph.build_graph(graph.parse_dataset(make_dataset_yaml(300, seed=4)))
    monkeypatch.setattr(force, "WORK_BUDGET", 1000)
    monkeypatch.setattr(force, "_repel", lambda *args, **kwargs: pytest.fail("a step was started"))
    monkeypatch.setattr(force, "_springs", lambda *args, **kwargs: pytest.fail("springs were built for nothing"))
    assert overlaps(G, graph_layout(G)) == 0


def test_boxes_piled_on_one_spot_are_packed_around_it_without_overlaps() -> None:
    # 400 boxes on one point: rows fill outwards from it, and no search walks a whole row.
    boxes = [Box(0.0, 0.0, 40.0 + 30.0 * (i % 3), 14.0) for i in range(400)]
    xs, ys = [0.0] * 400, [0.0] * 400
    pack_rows(xs, ys, boxes, range(400))
    placed = [
        (x - b.half_width, y - b.half_height, x + b.half_width, y + b.half_height)
        for x, y, b in zip(xs, ys, boxes, strict=True)
    ]
    assert not any(
        a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3] for a, b in itertools.combinations(placed, 2)
    )
    width, height = (
        max(p[2] for p in placed) - min(p[0] for p in placed),
        max(p[3] for p in placed) - min(p[1] for p in placed),
    )
    area = sum(4 * b.half_width * b.half_height for b in boxes)
    assert width * height < 3 * area and 0.5 < width / height < 2  # a compact blob, not strung out along a row
    assert abs(sum(xs) / 400) < 100 and abs(sum(ys) / 400) < 100  # centred where they were


# --- the command -------------------------------------------------------------------------------


def test_build_writes_the_page_and_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "page.html"
    assert main(["build", str(MINI), "-o", str(target)]) == 0
    assert capsys.readouterr() == ("", f"wrote {target} (12 nodes, 17 edges) — open it in a browser\n")
    assert Page(target.read_text(encoding="utf-8")).title == "mini"


def test_build_defaults_to_an_out_folder_next_to_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "cases").mkdir()
    for fixture in (MINI, MINI.parent / "mini-article.txt"):
        shutil.copy(fixture, tmp_path / "cases" / fixture.name)
    monkeypatch.chdir(tmp_path)
    assert main(["build", "cases/mini.yaml", "--layout", "timeline", "--title", "Mini"]) == 0
    assert capsys.readouterr().err.startswith("wrote cases/out/mini.html (")
    page = Page((tmp_path / "cases" / "out" / "mini.html").read_text(encoding="utf-8"))
    assert page.title == "Mini" and page.data_block()["layout"] == "timeline"


def test_build_open_opens_the_file_in_a_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    assert main(["build", str(MINI), "-o", str(tmp_path / "p.html"), "--open"]) == 0
    assert opened == [(tmp_path / "p.html").resolve().as_uri()]


def test_build_of_invalid_data_writes_nothing(
    write_yaml: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write_yaml("claims:\n  - id: c1\n    claimant: nobody\n")
    assert main(["build", str(bad), "-o", str(tmp_path / "p.html")]) == 1
    assert not (tmp_path / "p.html").exists()
    assert "Error:" in capsys.readouterr().err


def test_the_data_set_title_names_the_page(shipped_graph: Any) -> None:
    assert Page(render_html(shipped_graph)).title == "The al-Tanf dispute"
