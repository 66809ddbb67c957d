"""First draw and interactions of the explorer against vis-network drawing the same nodes and nothing else.

``python benchmarks/bench_browser.py [--sizes 1000,5000,20000] [--repeat 3]``

For each size a synthetic data set (benchmarks/generate.py) is built by
``claimgraph build`` (timed in this process, from YAML to written page). The
baseline page is vis-network alone: the same copy of its script, inlined, with
the same nodes (ids, wrapped labels, positions and shapes, read back from our
page) and edges, physics off, in a canvas of the same size at the same view,
and nothing else: no styles, panels, filters or data beyond that. Both pages
are opened from file:// in one Chromium, with every other request refused, one
after the other, ``--repeat`` times, and the best time is kept:

* first draw: from navigation until ``window.claimgraph.ready`` (our page:
  drawn, panels built) and until the baseline's first ``afterDrawing``;
* then, on our page, each interaction until vis-network has drawn its result
  (the suggestions list, for search): search (typing a query: ``api.search``
  and the suggestions shown), filter (unticking a side: ``api.applyFilters``),
  date (setting "to" in the date filter, the nearest step to a date slider),
  and select (``api.select`` of a claim: details, highlight and focus); the
  baseline gets the nearest equivalents where vis-network has one (hiding the
  same nodes, selecting and focusing the same claim);
* the longest task (PerformanceObserver ``longtask``) while loading and,
  separately, during the interactions.

Pages and data go to benchmarks/results/ and benchmarks/data/ (both gitignored).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path
from typing import Any

from generate import make_dataset_yaml
from playwright.sync_api import Browser, Page, Route, sync_playwright

from graph.cli import main as claimgraph
from graph.render import script_json, vis_network_js

HERE = Path(__file__).resolve().parent
RESULTS, DATA = HERE / "results", HERE / "data"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VIEWPORT = {"width": 1440, "height": 900}

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def chromium_path() -> str:
    """The Chromium binary to use: $CHROMIUM when set, else the first executable Chromium or Chrome found."""
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        if _executable(wanted):
            return wanted
        raise SystemExit(f"$CHROMIUM is {wanted!r}, which is not an executable file")
    candidates = [*CHROMIUM_PATHS, *(shutil.which(name) or "" for name in CHROMIUM_NAMES)]
    found = next((c for c in candidates if c and _executable(c)), None)
    if found is None:
        raise SystemExit(
            "no Chromium found in "
            + ", ".join(CHROMIUM_PATHS)
            + " or on PATH as "
            + ", ".join(CHROMIUM_NAMES)
            + ": install one (apt-get install chromium) "
            "or set CHROMIUM=/path/to/chromium"
        )
    return found


def _executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


# --- in the page -----------------------------------------------------------------------------------

WATCH_TASKS = """
window.__tasks = [];
new PerformanceObserver((list) => {
  list.getEntries().forEach((e) => window.__tasks.push([e.startTime, e.duration]));
}).observe({ type: "longtask", buffered: true });
"""
"""Every long task (over 50 ms) from the start of the page, with when it started."""

BASELINE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>vis-network baseline</title>
<style>body { margin: 0; } #net { width: WIDTHpx; height: HEIGHTpx; }</style></head>
<body><div id="net"></div>
<script>VIS_NETWORK</script>
<script type="application/json" id="data">DATA</script>
<script>
const d = JSON.parse(document.getElementById("data").textContent);
const nodes = new vis.DataSet(d.nodes.map(([id, label, x, y, shape]) => ({ id, label, x, y, shape })));
const edges = new vis.DataSet(d.edges.map(([from, to], id) => ({ id, from, to })));
window.network = new vis.Network(document.getElementById("net"), { nodes, edges },
  { physics: false, layout: { improvedLayout: false }, edges: { arrows: "to", smooth: false } });
network.moveTo({ position: d.view.position, scale: d.view.scale, animation: false });
network.once("afterDrawing", () => { window.firstDraw = performance.now(); });
</script></body></html>
"""

UNTIL_DRAWN = """
async ([action, waitFor]) => {
  const net = window.claimgraph ? window.claimgraph.network : window.network;
  let drawnAt = null;
  let start = Infinity;  // a draw already under way (the end of a focus animation) is not the action's
  const onDraw = () => { const now = performance.now(); if (drawnAt === null && now >= start) drawnAt = now; };
  net.on("afterDrawing", onDraw);
  // run the action in a task of the page's own, as a click would be: tasks run from devtools are not reported
  await new Promise((resolve) => setTimeout(resolve));
  start = performance.now();
  (new Function(action))();
  await new Promise((resolve) => {
    const limit = performance.now() + 5000;
    const wait = () => {
      const painted = () => { drawnAt = performance.now(); resolve(); };
      if (waitFor === "paint") requestAnimationFrame(() => setTimeout(painted));
      else if (drawnAt !== null || performance.now() > limit) resolve();
      else requestAnimationFrame(wait);
    };
    wait();
  });
  net.off("afterDrawing", onDraw);
  return drawnAt === null ? null : drawnAt - start;
}
"""
"""Milliseconds from running ``action`` until vis-network has drawn (or, for "paint", the next frame is shown)."""

Run = tuple[str, str, str, str]
"""One timed interaction: our page's action and its undo, then the baseline's nearest equivalent and its undo
("" where vis-network alone has none). Undoing is not timed."""


def interactions(data: dict[str, Any], repeat: int) -> dict[str, list[Run]]:
    """What is timed after the first draw, each ``repeat`` times, with a different target where one applies."""
    claims = [n["id"] for n in data["nodes"] if n["type"] == "claim"]
    picks = [claims[(k + 1) * len(claims) // (repeat + 1)] for k in range(repeat)]
    side = data["sides"][0]["id"] if data["sides"] else ""
    of_side = [n["id"] for n in data["nodes"] if n.get("side") == side]
    dates = sorted(n["info"]["date_to"] for n in data["nodes"] if n["info"].get("date_to"))
    middle = dates[len(dates) // 2] if dates else ""
    box = f"document.querySelector('#cg-filter-sides input[value={json.dumps(side)}]')"
    search = "const s = document.getElementById('cg-search'); s.value = {}; s.dispatchEvent(new Event('input'));"
    clear = "document.getElementById('cg-search').value = ''; document.getElementById('cg-results').hidden = true;"
    date = "document.getElementById('cg-date-to').value = {}; claimgraph.applyFilters();"
    focus = (
        "network.selectNodes([{0}]); "
        "network.focus({0}, {{ scale: Math.max(network.getScale(), 0.9), animation: {{ duration: 350 }} }});"
    )
    hide = "nodes.update({}.map((id) => ({{ id, hidden: {} }})));"
    return {
        "search": [(search.format(json.dumps(w)), clear, "", "") for w in ("training", "actor 1", "camp")][:repeat],
        "filter": [
            (
                f"{box}.checked = false; claimgraph.applyFilters();",
                f"{box}.checked = true; claimgraph.applyFilters();",
                hide.format(json.dumps(of_side), "true"),
                hide.format(json.dumps(of_side), "false"),
            )
        ]
        * repeat,
        "date": [(date.format(json.dumps(middle)), date.format('""'), "", "")] * repeat,
        "select": [(f"claimgraph.select({json.dumps(p)});", "", focus.format(json.dumps(p)), "") for p in picks],
    }


# --- the pages -------------------------------------------------------------------------------------


def open_offline(browser: Browser, path: Path) -> tuple[Page, list[str]]:
    """A new page watching long tasks that may load only ``path``; returns it and the list of refused requests."""
    page = browser.new_context(viewport=VIEWPORT).new_page()
    refused: list[str] = []

    def route(route: Route) -> None:
        if route.request.url.split("#")[0] == path.as_uri():
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.add_init_script(WATCH_TASKS)
    page.goto(path.as_uri(), wait_until="commit")
    return page, refused


def page_data_of(path: Path) -> dict[str, Any]:
    """The JSON data block of one of our pages, as the page reads it."""
    text = path.read_text(encoding="utf-8")
    start = text.index('id="claimgraph-data">') + len('id="claimgraph-data">')
    return dict(json.loads(text[start : text.index("</script>", start)]))


def write_baseline(data: dict[str, Any], view: dict[str, Any], path: Path) -> None:
    """The plain vis-network page: our nodes and edges, our canvas size and view, nothing else."""
    ids = [n["id"] for n in data["nodes"]]
    minimal = {
        "nodes": [[n["id"], n["label"], n["x"], n["y"], data["shapes"].get(n["type"], "dot")] for n in data["nodes"]],
        "edges": [[ids[e[0]], ids[e[1]]] for e in data["edges"]],
        "view": {"position": view["position"], "scale": view["scale"]},
    }
    page = (
        BASELINE.replace("WIDTH", str(round(view["width"])))
        .replace("HEIGHT", str(round(view["height"])))
        .replace("DATA", script_json(minimal))
        .replace("VIS_NETWORK", vis_network_js().replace("</script", "<\\/script"))
    )
    path.write_text(page, encoding="utf-8")


VIEW = """() => {
  const box = document.getElementById("cg-network").getBoundingClientRect();
  return { position: claimgraph.network.getViewPosition(), scale: claimgraph.network.getScale(),
           width: box.width, height: box.height };
}"""


def first_draw(browser: Browser, path: Path, ours: bool) -> tuple[float, float, Page]:
    """Milliseconds until the first draw, the longest task until then, and the page (still open)."""
    page, refused = open_offline(browser, path)
    if ours:
        page.wait_for_function("window.claimgraph && window.claimgraph.ready === true", timeout=300_000)
        drawn = float(page.evaluate("claimgraph.readyAt"))
    else:
        page.wait_for_function("window.firstDraw !== undefined", timeout=300_000)
        drawn = float(page.evaluate("window.firstDraw"))
    assert not refused, refused
    progress(f"{path.name} drawn at {drawn:.0f} ms")
    return drawn, longest_task(page, 0.0), page


def progress(text: str) -> None:
    """What the benchmark is doing, on standard error: a large page takes minutes."""
    print(text, file=sys.stderr, flush=True)


def longest_task(page: Page, since: float) -> float:
    tasks = page.evaluate("window.__tasks")
    return max((duration for start, duration in tasks if start >= since), default=0.0)


def time_interactions(page: Page, steps: dict[str, list[Run]], ours: bool) -> dict[str, Any]:
    """Per interaction: the best milliseconds until drawn (None: no equivalent) and the longest task it caused."""
    best: dict[str, Any] = {}
    for name, runs in steps.items():
        times, tasks = [], []
        for our_action, our_undo, base_action, base_undo in runs:
            action, undo = (our_action, our_undo) if ours else (base_action, base_undo)
            if action:
                since = float(page.evaluate("performance.now()"))
                times.append(page.evaluate(UNTIL_DRAWN, [action, "paint" if name == "search" else "draw"]))
                progress(f"{'ours' if ours else 'baseline'} {name}: {times[-1]} ms")
                page.wait_for_timeout(400)  # let a focus animation end, and long tasks be reported
                tasks.append(longest_task(page, since))
            if undo:
                page.evaluate(UNTIL_DRAWN, [undo, "draw"])
                page.wait_for_timeout(400)
        best[name] = min((t for t in times if t is not None), default=None)
        best[name + " task"] = max(tasks, default=None)
    return best


def build_seconds(yaml_path: Path, html_path: Path) -> float:
    """Seconds ``claimgraph build`` takes, from YAML to written page, run in this process."""
    start = time.perf_counter()
    with redirect_stdout(StringIO()), redirect_stderr(StringIO()):
        assert claimgraph(["build", str(yaml_path), "-o", str(html_path)]) == 0
    return time.perf_counter() - start


# --- the run -------------------------------------------------------------------------------------------


def measure(browser: Browser, n: int, repeat: int) -> dict[str, Any]:
    """Every figure for one size: build, first draws (best of ``repeat``), interactions on both pages."""
    yaml_path = DATA / f"claims-{n}.yaml"
    yaml_path.write_text(make_dataset_yaml(n, seed=0), encoding="utf-8")
    ours, baseline = RESULTS / f"ours-{n}.html", RESULTS / f"baseline-{n}.html"
    build = build_seconds(yaml_path, ours)
    progress(f"built {ours.name} in {build:.1f} s")
    data = page_data_of(ours)
    steps = interactions(data, repeat)
    row: dict[str, Any] = {"claims": n, "nodes": len(data["nodes"]), "edges": len(data["edges"]), "build_s": build}
    row |= {
        "ours_mb": ours.stat().st_size / 1e6,
        "ours_ms": [],
        "base_ms": [],
        "ours_load_task": [],
        "base_load_task": [],
    }
    for k in range(repeat):
        drawn, task, page = first_draw(browser, ours, ours=True)
        row["ours_ms"].append(drawn)
        row["ours_load_task"].append(task)
        if k == 0:
            write_baseline(data, page.evaluate(VIEW), baseline)
            row["base_mb"] = baseline.stat().st_size / 1e6
        if k == repeat - 1:
            row["ours"] = time_interactions(page, steps, ours=True)
        page.context.close()
        drawn, task, page = first_draw(browser, baseline, ours=False)
        row["base_ms"].append(drawn)
        row["base_load_task"].append(task)
        if k == repeat - 1:
            row["base"] = time_interactions(page, steps, ours=False)
        page.context.close()
    return row


def print_row(row: dict[str, Any]) -> None:
    ours, base = min(row["ours_ms"]), min(row["base_ms"])
    print(
        f"{row['claims']:>7} {row['nodes']:>6} {row['edges']:>6} | {row['build_s']:7.1f} | "
        f"{row['ours_mb']:6.1f} {ours:8.0f} {min(row['ours_load_task']):7.0f} | "
        f"{row['base_mb']:6.1f} {base:8.0f} {min(row['base_load_task']):7.0f} | {ours / base:5.2f}x",
        flush=True,
    )


def print_interactions(rows: list[dict[str, Any]]) -> None:
    print(f"\n{'':>19} {'ours':^17} {'vis-network alone':^17}")
    print(f"{'claims':>7} {'':<11} {'ms':>8} {'task ms':>8} {'ms':>8} {'task ms':>8} {'ratio':>6}")
    for row in rows:
        for name in ("search", "filter", "date", "select"):
            ours, base = row["ours"].get(name), row["base"].get(name)
            ratio = f"{ours / base:5.2f}x" if ours is not None and base else ""
            print(
                f"{row['claims']:>7} {name:<11} {_ms(ours):>8} {_ms(row['ours'].get(name + ' task')):>8} "
                f"{_ms(base):>8} {_ms(row['base'].get(name + ' task')):>8} {ratio:>6}"
            )


def _ms(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


HEADER = (
    f"{'':>21} | {'':>7} | {'ours':^23} | {'vis-network alone':^23} |\n"
    f"{'claims':>7} {'nodes':>6} {'edges':>6} | {'build s':>7} | {'MB':>6} {'draw ms':>8} {'task ms':>7} | "
    f"{'MB':>6} {'draw ms':>8} {'task ms':>7} | {'ratio':>6}\n" + "-" * 92
)


def run(sizes: list[int], repeat: int) -> list[dict[str, Any]]:
    RESULTS.mkdir(exist_ok=True)
    DATA.mkdir(exist_ok=True)
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        print(HEADER)
        for n in sizes:
            rows.append(measure(browser, n, repeat))
            print_row(rows[-1])
        browser.close()
    print_interactions(rows)
    print(
        "\ndraw: ms from navigation to the first frame drawn (ours: and the panels built); task ms: the longest task "
        f"while loading, or caused by the interaction (the worst of {repeat}); ms: best of {repeat}, until vis-network "
        "has drawn the result (search: until the suggestions are shown)."
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,5000,20000", help="claims per data set, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="page loads per figure (the best is kept)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file as JSON")
    args = parser.parse_args()
    rows = run([int(s) for s in args.sizes.split(",")], args.repeat)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
