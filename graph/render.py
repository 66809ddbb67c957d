"""The interactive explorer: one self-contained HTML page per graph, drawn with vis-network.

The only module that touches pyvis, and only to take the copy of vis-network it
bundles, which is inlined into the page with our own script, styles and data:
the page makes no network request and works opened from ``file://``.

Every string from the claim records reaches the page as JSON data, escaped for
a ``<script>`` block, and the page's script puts it in the document with
``textContent``, never as markup. The data comes in two blocks: what the page
draws (``claimgraph-data``, parsed on load) and the explanations only a details
panel shows (``claimgraph-explanations``, parsed after the first draw or when
first needed), so that at 20,000 claims no single task parses it all.

>>> import graph
>>> page = render_html(graph.load("tests/fixtures/mini.yaml"), title="Mini <test>")
>>> "<title>Mini &lt;test&gt;</title>" in page, "<script src" in page
(True, False)
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
import re
from collections.abc import Hashable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, cast

import jinja2
import markupsafe
import networkx as nx

from .build import NO_SIDE_COLOUR, RELATIONS
from .bulk import bulk_work
from .dates import parse_when
from .files import write_text_atomic
from .layout import Timeline, extent, graph_layout, node_label, timeline_layout
from .layout.timeline import HEADING_SIZE, NAME_INSET
from .overview import overview
from .page_analysis import page_analysis
from .queries.filters import CONTEXT_RELATIONS, filter_index
from .types import ClaimGraph
from .vocabulary import CLAIM_KINDS, STANCES, STATUSES, Relation
from .vocabulary import NODE_TYPES as NODE_TYPE_TABLE
from .vocabulary import RELATIONS as VOCABULARY_RELATIONS

Layout = Literal["graph", "timeline"]
LAYOUTS: tuple[Layout, ...] = ("graph", "timeline")

VIS_NETWORK = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")
"""Where vis-network sits inside the installed pyvis package."""

ASSETS = Path(__file__).resolve().parent / "assets"

RELATION_STYLE: dict[str, tuple[str, list[int] | bool, float]] = {
    r.name: (r.colour, list(r.dashes) or False, r.width) for r in VOCABULARY_RELATIONS.values()
}
"""Colour, dash pattern (False: solid) and width of each relation's edges (from :mod:`graph.vocabulary`)."""


def _relation_text(relation: Relation) -> str:
    if relation.family != "structure" and relation.tail == relation.head == ("claim",):
        return relation.label
    ends = " → ".join("/".join(ends) for ends in (relation.tail, relation.head))
    return f"{relation.label} ({ends})"


RELATION_TEXT: dict[str, str] = {r.name: _relation_text(r) for r in VOCABULARY_RELATIONS.values()}
"""The legend's words for each relation."""

SHAPES: dict[str, tuple[str, str]] = {t.name: (t.shape, t.legend) for t in NODE_TYPE_TABLE.values()}
"""vis-network shape and legend text of each node type."""


@bulk_work
def render_html(
    G: nx.MultiDiGraph[Any], *, layout: Layout = "graph", title: str | None = None, embedded: bool = False
) -> str:
    """The explorer page for ``G`` as one self-contained HTML string.

    ``layout="timeline"`` orders claims by date left to right. ``embedded``
    leaves the address bar's ``#fragment`` alone (for notebooks).

    >>> import graph
    >>> page = render_html(graph.load("tests/fixtures/mini.yaml"), layout="timeline")
    >>> page.startswith("<!DOCTYPE html>"), '"layout": "timeline"' in page
    (True, True)
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    name = title if title is not None else str(G.graph.get("title") or G.graph.get("name") or "claims")
    data = page_data(G, layout=layout, title=name, embedded=embedded)
    explanations = data.pop("explanations")
    return _template().render(
        title=name,
        data_json=markupsafe.Markup(script_json(data)),
        explanations_json=markupsafe.Markup(script_json(explanations)),
        legend=legend(G),
        counts=_counts(G),
        vis_js=_inline_script(vis_network_js()),
        app_js=_inline_script(explorer_js()),
        css=markupsafe.Markup(_asset("explorer.css").replace("</", "<\\/")),
    )


def write_html(
    G: nx.MultiDiGraph[Any], path: str | os.PathLike[str], *, layout: Layout = "graph", title: str | None = None
) -> Path:
    """Write the explorer page for ``G`` to ``path`` as UTF-8, atomically; return the path.

    >>> import graph, tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "claims.html"
    >>> write_html(graph.load("tests/fixtures/mini.yaml"), target).stat().st_size > 100_000
    True
    """
    return write_text_atomic(path, render_html(G, layout=layout, title=title))


class Explorer:
    """A graph shown inline in Jupyter: the explorer page in a sandboxed ``<iframe>``.

    >>> import graph
    >>> Explorer(graph.load("tests/fixtures/mini.yaml"))._repr_html_().startswith("<iframe")
    True
    """

    def __init__(
        self, G: nx.MultiDiGraph[Any], *, layout: Layout = "graph", title: str | None = None, height: int = 640
    ) -> None:
        self.graph, self.layout, self.title, self.height = G, layout, title, height

    def html(self) -> str:
        """The full page, as :func:`render_html` gives it."""
        return render_html(self.graph, layout=self.layout, title=self.title, embedded=True)

    def _repr_html_(self) -> str:
        page = html.escape(self.html(), quote=True)
        return (
            f'<iframe srcdoc="{page}" title="claimgraph explorer" '
            f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd;" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>'
        )


ClaimGraph.notebook_view = lambda G: Explorer(G)._repr_html_()  # a graph left last in a cell shows the explorer


# --- the data the page's script reads ----------------------------------------------------------


@bulk_work
def page_data(
    G: nx.MultiDiGraph[Any], *, layout: Layout = "graph", title: str = "claims", embedded: bool = False
) -> dict[str, Any]:
    """Everything the page draws, as JSON-ready data: nodes with positions, edges, sides, timeline, analysis.

    ``extent`` is the left, top, right and bottom of the drawing, the timeline's headings and band names
    included; ``timeline`` holds its date columns (left, right, heading) and bands (top, bottom, name, colour);
    ``analysis`` what the queries say on the build day (see :mod:`graph.page_analysis`) but the parts only a
    details panel shows, which are in ``explanations`` (see :func:`explanations_apart`; :func:`render_html` ships
    them in a block of their own); ``overview`` what the page opens on above
    :data:`~graph.overview.OVERVIEW_THRESHOLD` claims, else None (see :mod:`graph.overview`).

    >>> import graph
    >>> data = page_data(graph.load("tests/fixtures/mini.yaml"))
    >>> len(data["nodes"]), len(data["edges"]), data["edges"][0][2]
    (12, 17, 'member_of')
    """
    timeline = timeline_layout(G) if layout == "timeline" else None
    positions = timeline.positions if timeline else graph_layout(G)
    colours = node_colours(G)
    index = {n: i for i, n in enumerate(G)}
    analysis, explanations = explanations_apart(page_analysis(cast(ClaimGraph, G), index))
    data = {
        "title": title,
        "layout": layout,
        "embedded": embedded,
        "sides": [
            {
                "id": str(s),
                "name": str(a.get("name", s)),
                "colour": safe_colour(a.get("colour")),
                "description": str(a.get("description", "")),
            }
            for s, a in G.graph.get("sides", {}).items()
        ],
        "noSideColour": NO_SIDE_COLOUR,
        "relations": [
            {
                "id": r,
                "colour": c,
                "dashes": d,
                "width": w,
                "text": RELATION_TEXT.get(r, r),
                "meaning": VOCABULARY_RELATIONS[r].meaning,
                "response": VOCABULARY_RELATIONS[r].response,
                "stance": VOCABULARY_RELATIONS[r].stance,
            }
            for r, (c, d, w) in RELATION_STYLE.items()
        ],
        "kinds": {kind.name: kind.colour for kind in CLAIM_KINDS.values()},
        "kindBorders": {kind.name: list(kind.border) or False for kind in CLAIM_KINDS.values()},
        "statuses": {
            s.name: {"colour": s.colour, "dashes": list(s.dashes) or False, "meaning": s.meaning}
            for s in STATUSES.values()
        },
        "stances": {s.name: {"icon": s.icon, "meaning": s.meaning} for s in STANCES.values()},
        "nodeTypes": list(NODE_TYPE_TABLE),
        "shapes": {t: s for t, (s, _) in SHAPES.items()},
        "nodes": [_node(G, n, positions.get(n, (0.0, 0.0)), colours[n]) for n in G],
        "edges": [_edge(index, u, v, attrs) for u, v, attrs in G.edges(data=True)],
        "filters": _filter_data(G, index),
        "extent": timeline.frame if timeline else extent(G, positions),
        "timeline": _timeline_data(timeline) if timeline else None,
        "analysis": analysis,
        "explanations": explanations,
    }
    data["overview"] = overview(data)
    return data


EXPLAINED = ("why", "origins")
"""The parts of a claim's analysis only its details panel shows (a proposition has only its ``why``)."""


def explanations_apart(analysis: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The analysis without its :data:`EXPLAINED` parts, and those parts by node index.

    They are most of the analysis (a paragraph and report chains per claim) and read only when a details panel
    opens, so the page parses them apart from what it draws: ``{"claims": {node: {"why": ..., "origins": ...}},
    "propositions": {node: why}}``, a proposition listed only when it has a ``why`` of its own.

    >>> light, apart = explanations_apart(
    ...     {"propositions": [{"node": 3, "status": "disputed", "why": "Because."}],
    ...      "claims": {5: {"strength": 0.5, "why": "Its own.", "origins": []}}})
    >>> light
    {'propositions': [{'node': 3, 'status': 'disputed'}], 'claims': {5: {'strength': 0.5}}}
    >>> apart
    {'claims': {5: {'why': 'Its own.', 'origins': []}}, 'propositions': {3: 'Because.'}}
    """
    claims = {i: {k: v for k, v in c.items() if k not in EXPLAINED} for i, c in analysis["claims"].items()}
    propositions = [{k: v for k, v in p.items() if k != "why"} for p in analysis["propositions"]]
    apart = {
        "claims": {i: {k: c[k] for k in EXPLAINED} for i, c in analysis["claims"].items()},
        "propositions": {p["node"]: p["why"] for p in analysis["propositions"] if p.get("why") is not None},
    }
    return analysis | {"propositions": propositions, "claims": claims}, apart


def _filter_data(G: nx.MultiDiGraph[Any], index: dict[Hashable, int]) -> dict[str, Any]:
    """The filter rule as Python decides it: for each filter value the claims it selects (as node indices)."""
    selects = {
        name: {value: [index[c] for c in claims] for value, claims in values.items()}
        for name, values in filter_index(cast(ClaimGraph, G)).items()
    }
    return {"selects": selects, "context": list(CONTEXT_RELATIONS)}


def _timeline_data(timeline: Timeline) -> dict[str, Any]:
    """What the page draws behind a timeline: date columns, bands (colours made safe) and their font size."""
    bands = [[top, bottom, name, safe_colour(colour)] for top, bottom, name, colour in timeline.bands]
    return {"columns": timeline.columns, "bands": bands, "fontSize": HEADING_SIZE, "nameInset": NAME_INSET}


def node_colours(G: nx.MultiDiGraph[Any]) -> dict[Hashable, tuple[str | None, str]]:
    """Each node's side and colour: an actor's own, a claim its claimant's, a source its publisher's.

    >>> import graph
    >>> node_colours(graph.load("tests/fixtures/mini.yaml"))["blue-denies-training"]
    ('blue', '#D55E00')
    """
    sides = G.graph.get("sides", {})

    def actor_side(actor: Any) -> str | None:
        side = G.nodes[actor].get("side") if actor in G else None
        return str(side) if side in sides else None

    result: dict[Hashable, tuple[str | None, str]] = {}
    for n, attrs in G.nodes(data=True):
        owner = {"actor": n, "claim": attrs.get("claimant"), "source": attrs.get("publisher")}.get(
            str(attrs.get("type"))
        )
        side = actor_side(owner) if owner is not None else None
        result[n] = (side, safe_colour(sides[side].get("colour")) if side else NO_SIDE_COLOUR)
    return result


def safe_colour(value: Any) -> str:
    """A ``#rrggbb`` colour as given, or grey for anything else (it goes into style attributes).

    >>> safe_colour("#0072B2"), safe_colour("red; background: url(x)")
    ('#0072B2', '#999999')
    """
    text = str(value or "")
    return text if re.fullmatch(r"#[0-9A-Fa-f]{6}", text) else NO_SIDE_COLOUR


def _node(
    G: nx.MultiDiGraph[Any], n: Hashable, position: tuple[float, float], colour: tuple[str | None, str]
) -> dict[str, Any]:
    attrs = dict(G.nodes[n])
    info = {k: v for k, v in attrs.items() if k not in ("type", "label")}
    for key in ("date", "published"):
        if attrs.get(key):
            info.update(_date_fields(key, str(attrs[key])))
    return {
        "id": str(n),
        "type": str(attrs.get("type", "")),
        "label": node_label(attrs),
        "name": str(attrs.get("label", n)),
        "x": position[0],
        "y": position[1],
        "side": colour[0],
        "colour": colour[1],
        "info": info,
    }


def _date_fields(key: str, text: str) -> dict[str, str]:
    """A date for people, and the first and last day it can mean, for the date filter.

    >>> _date_fields("date", "2017-10~")
    {'date_text': 'about October 2017', 'date_from': '2017-10-01', 'date_to': '2017-10-31'}
    """
    try:
        date = parse_when(text)
    except ValueError:
        return {f"{key}_text": text}
    return {
        f"{key}_text": date.describe(),
        f"{key}_from": date.earliest.isoformat(),
        f"{key}_to": date.latest.isoformat(),
    }


def _edge(index: dict[Hashable, int], u: Hashable, v: Hashable, attrs: dict[str, Any]) -> list[Any]:
    extra = {k: val for k, val in attrs.items() if k != "relation"}
    edge: list[Any] = [index[u], index[v], str(attrs.get("relation", ""))]
    return [*edge, extra] if extra else edge


def script_json(data: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&`` or line separators.

    >>> script_json({"a": "</script><b>&\\u2028"})
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(data, ensure_ascii=False, default=str)
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


# --- legend and page ---------------------------------------------------------------------------


def legend(G: nx.MultiDiGraph[Any]) -> dict[str, list[dict[str, Any]]]:
    """What the always-visible legend lists: sides, node shapes, claim kinds and relations present, statuses, stances.

    >>> import graph
    >>> [s["name"] for s in legend(graph.load("tests/fixtures/mini.yaml"))["sides"]]
    ['Red government', 'Blue coalition', 'no side']
    """
    sides = [
        {"name": str(a.get("name", s)), "colour": safe_colour(a.get("colour"))}
        for s, a in G.graph.get("sides", {}).items()
    ]
    sides.append({"name": "no side", "colour": NO_SIDE_COLOUR})
    present = {str(attrs.get("relation")) for _, _, attrs in G.edges(data=True)}
    relations = [
        {
            "id": r,
            "text": RELATION_TEXT[r],
            "colour": colour,
            "width": width,
            "dasharray": " ".join(map(str, dashes)) if isinstance(dashes, list) else "",
        }
        for r in RELATIONS
        if r in present and r in RELATION_STYLE
        for colour, dashes, width in [RELATION_STYLE[r]]
    ]
    types = {str(attrs.get("type")) for _, attrs in G.nodes(data=True)}
    shapes = [{"type": t, "text": text} for t, (_, text) in SHAPES.items() if t in types]
    present_kinds = {str(attrs.get("kind")) for _, attrs in G.nodes(data=True) if attrs.get("type") == "claim"}
    kinds = [
        {"name": k.name, "colour": k.colour, "dasharray": " ".join(map(str, k.border))}
        for k in CLAIM_KINDS.values()
        if k.name in present_kinds
    ]
    statuses = [
        {"name": s.name, "colour": s.colour, "dasharray": " ".join(map(str, s.dashes)), "meaning": s.meaning}
        for s in STATUSES.values()
    ]
    stances = [{"name": s.name, "icon": s.icon, "meaning": s.meaning} for s in STANCES.values()]
    return {
        "sides": sides,
        "shapes": shapes,
        "relations": relations,
        "kinds": kinds,
        "statuses": statuses,
        "stances": stances,
    }


def _counts(G: nx.MultiDiGraph[Any]) -> str:
    return f"{G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges"


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return environment.from_string(_asset("page.html"))


EXPLORER_MODULES = (
    "dom.js",
    "dates.js",
    "search.js",
    "model.js",
    "analysis.js",
    "filters.js",
    "address.js",
    "style.js",
    "standing.js",
    "details.js",
    "canvas.js",
    "controls.js",
    "time.js",
    "list.js",
    "exports.js",
    "verdicts.js",
    "overview.js",
    "main.js",
)
"""The page script's modules in ``assets/explorer/``, in the order they are inlined: each needs only those before it."""


def explorer_js() -> str:
    """The page script: every module of ``assets/explorer/`` in :data:`EXPLORER_MODULES` order, in one scope.

    Each module adds its part to the namespace ``CG``; nothing but ``window.claimgraph`` reaches the page's globals.

    >>> js = explorer_js()
    >>> js.startswith("(function () {"), js.index("CG.search =") < js.index("CG.model.create(data)")
    (True, True)
    """
    modules = "".join(f"// --- {name}\n" + _asset(f"explorer/{name}") for name in EXPLORER_MODULES)
    return '(function () {\n"use strict";\nconst CG = {};\n' + modules + "})();\n"


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _inline_script(js: str) -> markupsafe.Markup:
    """Script text that cannot end its ``<script>`` element early."""
    return markupsafe.Markup(js.replace("</script", "<\\/script").replace("<!--", "<\\!--"))


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The vis-network script bundled with pyvis, read without importing pyvis (which is slow)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; it provides the vis-network script")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder.joinpath(*VIS_NETWORK).read_text(encoding="utf-8")
