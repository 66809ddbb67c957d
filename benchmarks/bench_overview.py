"""How fast the page answers at a large size, opened on its overview: first draw, search, filter, click, longest task.

``python benchmarks/bench_overview.py --claims 20000``

Generates the synthetic data set (benchmarks/generate.py), builds the page with
``claimgraph build``, opens it from file:// in headless Chromium and prints, in
milliseconds: ``readyAt`` (first frame drawn), one search, one filter change,
one click on a proposition (it expands) and on a claim, Reset, and the longest
task the page ran (PerformanceObserver "longtask"). The plain vis-network
baseline is benchmarks/bench_browser.py's.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench_browser import CHROMIUM_ARGS, DATA, RESULTS, chromium_path
from generate import make_dataset_yaml
from playwright.sync_api import sync_playwright

from graph.cli import main as claimgraph

LONG_TASKS = """
window.__long = [];
new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration)))
  .observe({ type: "longtask", buffered: true });
"""


def timed(page: object, expression: str, arg: object = None) -> float:
    """Milliseconds ``expression`` (a function of ``arg``) takes in the page."""
    code = "(arg) => { const t = performance.now(); (" + expression + ")(arg); return performance.now() - t; }"
    return float(page.evaluate(code, arg))  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--claims", type=int, default=20_000)
    claims = parser.parse_args().claims
    DATA.mkdir(exist_ok=True)
    RESULTS.mkdir(exist_ok=True)
    source, page_path = DATA / f"claims-{claims}.yaml", RESULTS / f"overview-{claims}.html"
    source.write_text(make_dataset_yaml(claims, seed=0), encoding="utf-8")
    claimgraph(["build", str(source), "-o", str(page_path)])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.add_init_script(LONG_TASKS)
        page.goto(Path(page_path).resolve().as_uri())
        page.wait_for_function("window.claimgraph && window.claimgraph.ready", timeout=600_000)
        figures = {"first draw": page.evaluate("claimgraph.readyAt")}
        proposition = page.evaluate(
            "claimgraph.data.overview ? claimgraph.data.overview.nodes.find(n => n.node !== null).id : null"
        )
        claim = page.evaluate("claimgraph.data.nodes.find(n => n.type === 'claim').id")
        figures["search"] = timed(page, "(text) => claimgraph.search(text)", "training base")
        figures["filter"] = timed(
            page,
            "() => { document.querySelector('#cg-filter-sides input').checked = false; claimgraph.applyFilters(); }",
        )
        figures["filter back"] = timed(
            page,
            "() => { document.querySelector('#cg-filter-sides input').checked = true; claimgraph.applyFilters(); }",
        )
        if proposition:
            figures["click proposition"] = timed(page, "(id) => claimgraph.select(id)", proposition)
        figures["click claim"] = timed(page, "(id) => claimgraph.select(id)", claim)
        figures["reset"] = timed(page, "() => claimgraph.reset()")
        page.wait_for_timeout(1500)
        figures["longest task"] = max(page.evaluate("window.__long"), default=0.0)
        browser.close()
    print(json.dumps({"claims": claims, "ms": {k: round(v) for k, v in figures.items()}}, indent=1))


if __name__ == "__main__":
    main()
