"""How long until the graph is drawn and still: our explorer page against pyvis defaults, in one Chromium.

``python benchmarks/bench_browser.py --sizes 100,1000,5000 [--timeout 60]``

For each size a synthetic data set (benchmarks/generate.py) is built into a
graph and rendered twice: by ``claimgraph build`` (timed in-process, from
YAML to written page), and by pyvis with its defaults
(``Network(directed=True).from_nx(G)``), whose vis-network script is pointed
at a local copy so both pages load offline. Each page is opened from file://
with every other request refused, and timed from navigation until:

* ours: ``window.claimgraph.ready`` (first frame drawn; physics is off);
* pyvis: vis-network's ``stabilized`` event (physics stopped moving nodes),
  capped at --timeout and reported as a lower bound (">60.0") when it never comes.

Pages and data go to benchmarks/results/ and benchmarks/data/ (both gitignored).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import sys
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

import networkx as nx
from generate import make_dataset_yaml
from playwright.sync_api import Browser, Page, Route, sync_playwright

import graph
from graph.cli import main as claimgraph

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
WATCH_PYVIS = """
Object.defineProperty(window, "network", {
  configurable: true,
  get() { return window.__network; },
  set(value) {
    window.__network = value;
    value.once("afterDrawing", () => { window.__firstDraw = performance.now(); });
    value.on("stabilized", () => { window.__stable = performance.now(); });
  },
});
"""


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


def pyvis_lib() -> Path:
    """pyvis's bundled copy of vis-network."""
    spec = importlib.util.find_spec("pyvis")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib" / "vis-9.1.2"


def pyvis_page(G: nx.MultiDiGraph, path: Path) -> float:  # type: ignore[type-arg]
    """Write the pyvis-defaults page for ``G``; return the seconds pyvis took."""
    from pyvis.network import Network

    simple = nx.DiGraph()
    simple.add_nodes_from((str(n), {"label": str(a.get("label", n))}) for n, a in G.nodes(data=True))
    simple.add_edges_from((str(u), str(v)) for u, v in G.edges())
    start = time.perf_counter()
    net = Network(directed=True, cdn_resources="remote")
    net.from_nx(simple)
    text = net.generate_html()
    seconds = time.perf_counter() - start
    lib = pyvis_lib()
    text = re.sub(
        r'<script[^>]*src="https://cdnjs[^"]*vis-network.min.js"[^>]*>',
        f'<script src="{(lib / "vis-network.min.js").as_uri()}">',
        text,
    )
    text = re.sub(
        r'<link[^>]*href="https://cdnjs[^"]*vis-network.min.css"[^>]*>',
        f'<link rel="stylesheet" href="{(lib / "vis-network.css").as_uri()}">',
        text,
    )
    text = re.sub(r"<(link|script)[^>]*(bootstrap|node_modules)[^>]*>(\s*</script>)?", "", text)
    path.write_text(text, encoding="utf-8")
    return seconds


def open_offline(browser: Browser, path: Path, allowed: set[str]) -> tuple[Page, list[str]]:
    """A new page that may load only ``allowed`` file URLs; returns it and the list of refused requests."""
    page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    refused: list[str] = []

    def route(route: Route) -> None:
        if route.request.url.split("#")[0] in allowed:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    return page, refused


def time_ours(browser: Browser, path: Path) -> float:
    """Seconds from navigation until our page says it is drawn and ready."""
    page, refused = open_offline(browser, path, {path.as_uri()})
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_function("window.claimgraph && window.claimgraph.ready === true", timeout=120_000)
    seconds = float(page.evaluate("claimgraph.readyAt")) / 1000
    page.context.close()
    assert not refused, refused
    return seconds


def time_pyvis(browser: Browser, path: Path, timeout: float) -> tuple[float | None, float | None]:
    """Seconds until the pyvis page first draws and until its physics stops (None: not within ``timeout``)."""
    lib = pyvis_lib()
    page, _ = open_offline(
        browser, path, {path.as_uri(), (lib / "vis-network.min.js").as_uri(), (lib / "vis-network.css").as_uri()}
    )
    page.add_init_script(WATCH_PYVIS)
    page.goto(path.as_uri(), wait_until="commit")
    deadline = time.monotonic() + timeout
    stable = first = None
    while time.monotonic() < deadline:
        stable, first = page.evaluate("[window.__stable || null, window.__firstDraw || null]")
        if stable is not None:
            break
        time.sleep(0.2)
    page.context.close()
    return (first / 1000 if first else None), (stable / 1000 if stable else None)


def build_seconds(yaml_path: Path, html_path: Path) -> float:
    """Seconds ``claimgraph build`` takes, from YAML to written page, run in this process."""
    start = time.perf_counter()
    with redirect_stdout(StringIO()):
        assert claimgraph(["build", str(yaml_path), "-o", str(html_path)]) == 0
    return time.perf_counter() - start


def run(sizes: list[int], timeout: float) -> None:
    RESULTS.mkdir(exist_ok=True)
    DATA.mkdir(exist_ok=True)
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        time_ours(browser, _warm_up())
        for n in sizes:
            rows.append(_measure(browser, n, timeout))
            print(_row(*rows[-1]), flush=True)
        browser.close()


def _warm_up() -> Path:
    path = RESULTS / "warm-up.html"
    claimgraph_quiet(["build", str(HERE.parent / "tests" / "fixtures" / "mini.yaml"), "-o", str(path)])
    print(HEADER)
    return path


def claimgraph_quiet(argv: list[str]) -> None:
    with redirect_stdout(StringIO()):
        claimgraph(argv)


HEADER = (
    f"{'claims':>7} {'nodes':>6} {'edges':>6} | {'build s':>7} {'ours MB':>7} {'ours s':>6} | "
    f"{'pyvis MB':>8} {'first s':>7} {'still s':>8} | {'ratio':>7}\n" + "-" * 92
)


def _measure(browser: Browser, n: int, timeout: float) -> tuple[object, ...]:
    yaml_path = DATA / f"claims-{n}.yaml"
    yaml_path.write_text(make_dataset_yaml(n, seed=0), encoding="utf-8")
    G = graph.load(yaml_path)
    ours, theirs = RESULTS / f"ours-{n}.html", RESULTS / f"pyvis-{n}.html"
    build = build_seconds(yaml_path, ours)
    pyvis_page(G, theirs)
    ours_s = time_ours(browser, ours)
    first, still = time_pyvis(browser, theirs, timeout)
    return (
        n,
        G.number_of_nodes(),
        G.number_of_edges(),
        build,
        ours.stat().st_size,
        ours_s,
        theirs.stat().st_size,
        first,
        still,
        timeout,
    )


def _row(
    n: int,
    nodes: int,
    edges: int,
    build: float,
    ours_size: int,
    ours_s: float,
    theirs_size: int,
    first: float | None,
    still: float | None,
    timeout: float,
) -> str:
    still_text = f"{still:8.2f}" if still is not None else f"{'>' + format(timeout, '.1f'):>8}"
    first_text = f"{first:7.2f}" if first is not None else f"{'>' + format(timeout, '.1f'):>7}"
    ratio = (still if still is not None else timeout) / ours_s
    ratio_text = f"{'>' if still is None else ''}{ratio:.0f}x"
    return (
        f"{n:>7} {nodes:>6} {edges:>6} | {build:7.2f} {ours_size / 1e6:7.2f} {ours_s:6.2f} | "
        f"{theirs_size / 1e6:8.2f} {first_text} {still_text} | {ratio_text:>7}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="claims per data set, comma-separated")
    parser.add_argument("--timeout", type=float, default=60.0, help="longest wait for pyvis physics, in seconds")
    args = parser.parse_args()
    run([int(s) for s in args.sizes.split(",")], args.timeout)


if __name__ == "__main__":
    sys.exit(main())
