"""Time and size of the page data with and without the analysis it ships, at 10k and 20k claims.

``python benchmarks/bench_page_analysis.py [--sizes 10000,20000] [--repeat 1]``

The baseline is ``page_data`` with the analysis left out (layout, nodes, edges, filters), measured in the same
run from the same YAML; then ``page_data`` in full. Each run builds a fresh graph, so the analysis builds the
query index it needs. Seconds are the best of ``--repeat`` runs, sizes the JSON in MB. The growth column
compares the analysis's cost at each size with the first: it asks one question per claim and one per step of
each proposition's history, so it should grow like the claims, not like dates times claims.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import make_dataset_yaml  # noqa: E402
from timing import best  # noqa: E402

import graph  # noqa: E402
import graph.render  # noqa: E402
from graph.render import page_data  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,20000")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    print(
        f"{'claims':>7} {'without s':>10} {'with s':>7} {'ratio':>6} {'without MB':>11} {'with MB':>8}  analysis growth"
    )
    first: tuple[int, float] | None = None
    module = vars(graph.render)  # the baseline swaps the analysis out of page_data
    analyse = module["page_analysis"]
    for size in (int(s) for s in args.sizes.split(",")):
        text = make_dataset_yaml(size)

        def build(text: str = text) -> dict[str, Any]:
            return page_data(graph.build_graph(graph.parse_dataset(text, check_quotes=False)))

        module["page_analysis"] = lambda G, nodes: {"asOf": None, "propositions": [], "open": [], "claims": {}}
        without_s, without = best(args.repeat, build)
        module["page_analysis"] = analyse
        with_s, full = best(args.repeat, build)
        extra = with_s - without_s
        first = first or (size, extra)
        print(
            f"{size:>7} {without_s:>10.1f} {with_s:>7.1f} {with_s / without_s:>6.2f}"
            f" {len(json.dumps(without)) / 1e6:>11.1f} {len(json.dumps(full)) / 1e6:>8.1f}"
            f"  {extra / first[1]:.1f}x for {size / first[0]:.0f}x the claims"
        )


if __name__ == "__main__":
    main()
