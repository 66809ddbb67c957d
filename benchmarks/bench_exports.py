"""Time every export format, and the AIF import, on the shipped data and synthetic sets; print sizes too.

``python benchmarks/bench_exports.py [--sizes 10000] [--repeat 3]``

The baseline row is ``json.dumps`` of the node-link data, the least work any
export does over the whole graph; each format's ratio to it shows what its own
work costs (GEXF includes the force layout for positions). Figures are the best
of ``--repeat`` runs, in seconds, and the output size in MB. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import make_dataset_yaml  # noqa: E402
from timing import best  # noqa: E402

import graph  # noqa: E402
from graph.aif import import_aif, to_aif  # noqa: E402
from graph.exports import FORMATS, export_files  # noqa: E402
from graph.types import ClaimGraph  # noqa: E402


def size_mb(files: dict[str, str]) -> float:
    return sum(len(text.encode("utf-8")) for text in files.values()) / 1e6


def report(name: str, G: ClaimGraph, repeat: int) -> None:
    print(f"\n{name}: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")
    print(f"  {'format':<22} {'s':>8} {'MB':>8} {'ratio':>7}")
    base, text = best(repeat, lambda: json.dumps(graph.to_json_data(G)))
    print(f"  {'baseline: json.dumps':<22} {base:8.3f} {len(text) / 1e6:8.1f} {1.0:7.1f}")
    for fmt in FORMATS:
        seconds, files = best(repeat, lambda fmt=fmt: export_files(G, fmt))
        print(f"  {fmt:<22} {seconds:8.3f} {size_mb(files):8.1f} {seconds / base:7.1f}")
    aif = to_aif(G)
    seconds, _ = best(repeat, lambda: import_aif(aif))
    print(f"  {'import aif':<22} {seconds:8.3f} {len(aif.encode()) / 1e6:8.1f} {seconds / base:7.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated claim counts (default: 10000)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    report("shipped data set", graph.load(HERE.parent / "data" / "claims.yaml"), args.repeat)
    for size in (int(s) for s in args.sizes.split(",")):
        G = graph.build_graph(graph.parse_dataset(make_dataset_yaml(size), check_quotes=False))
        report(f"synthetic, {size:,} claims", G, args.repeat)


if __name__ == "__main__":
    main()
