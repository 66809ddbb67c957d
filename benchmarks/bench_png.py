"""Time ``build --format png`` against drawing the same SVG, on the shipped data and synthetic sets.

``python benchmarks/bench_png.py [--sizes 1000 5000] [--scales 1 2]``

The baseline is :func:`graph.picture.render_svg`, the picture the PNG is drawn from (layout
included); each PNG row shows what resvg's drawing and encoding add on top, with the pixel size
after the cap (:data:`graph.raster.MAX_PIXELS`). Figures are single runs, in seconds. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import make_dataset_yaml  # noqa: E402

import graph  # noqa: E402
from graph.picture import render_svg  # noqa: E402
from graph.raster import render_png  # noqa: E402
from graph.types import ClaimGraph  # noqa: E402


def report(name: str, G: ClaimGraph, scales: list[float]) -> None:
    print(f"\n{name}: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")
    start = time.perf_counter()
    render_svg(G)
    base = time.perf_counter() - start
    print(f"  {'what':<24} {'s':>8} {'pixels':>14} {'MB':>6} {'ratio':>6}")
    print(f"  {'baseline: render_svg':<24} {base:8.2f} {'':>14} {'':>6} {1.0:6.1f}")
    for scale in scales:
        start = time.perf_counter()
        png = render_png(G, scale=scale)
        seconds = time.perf_counter() - start
        size = f"{png.width}x{png.height}"
        label = f"png at scale {png.scale:g}" + (" (capped)" if png.capped else "")
        print(f"  {label:<24} {seconds:8.2f} {size:>14} {len(png.data) / 1e6:6.1f} {seconds / base:6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000], help="synthetic claim counts")
    parser.add_argument("--scales", type=float, nargs="*", default=[1.0, 2.0], help="PNG scales to time")
    args = parser.parse_args()
    report("shipped data", graph.load(HERE.parent / "data" / "claims.yaml"), args.scales)
    for size in args.sizes:
        G = graph.build_graph(graph.parse_dataset(make_dataset_yaml(size, seed=1)))
        report(f"{size:,} synthetic claims", G, args.scales)


if __name__ == "__main__":
    main()
