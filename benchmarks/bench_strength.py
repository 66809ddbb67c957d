"""Time DF-QuAD strengths on random frameworks of 10k and 100k arguments, against a topological sort of the same.

``python benchmarks/bench_strength.py [--sizes 10000,100000] [--repeat 5]``

Each framework is acyclic: every argument is attacked or supported by up to
three earlier ones, about like the replies in a claim graph. The baseline is
the standard library's ``graphlib`` ordering the same pairs, the least work a
one-pass evaluation in topological order can do; linear time shows as a
ratio near the baseline's. The last row adds a two-argument cycle (a mutual
attack) per thousand arguments, which are settled by iteration and cost far
more each. Figures are the best of ``--repeat`` runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import best_ms

from graph.queries import dfquad, dfquad_strengths

Framework = tuple[list[int], dict[int, float], list[tuple[int, int]], list[tuple[int, int]]]


def random_framework(n: int, *, seed: int = 1, cycles_per_1000: int = 0) -> Framework:
    """``n`` arguments, each answered by up to three earlier ones; optionally some mutual attacks."""
    rng = random.Random(seed)
    base = {i: rng.random() for i in range(n)}
    attacks, supports = [], []
    for j in range(1, n):
        for i in {rng.randrange(j) for _ in range(rng.randrange(4))}:
            (attacks if rng.random() < 0.5 else supports).append((i, j))
    for _ in range(n * cycles_per_1000 // 1000):
        i, j = rng.sample(range(n), 2)
        attacks += [(i, j), (j, i)]
    attacked = set(attacks)
    supports = [pair for pair in supports if pair not in attacked]
    return list(base), base, attacks, supports


def topological_order(framework: Framework) -> list[int]:
    arguments, _, attacks, supports = framework
    sorter: TopologicalSorter[int] = TopologicalSorter({a: () for a in arguments})
    for u, v in attacks + supports:
        sorter.add(v, u)
    return list(sorter.static_order())


def explain_all(framework: Framework) -> list[str]:
    return [s.describe() for s in dfquad(*framework).values()]


def cases(acyclic: Framework, cyclic: Framework) -> list[tuple[str, Callable[[], Any]]]:
    return [
        ("baseline: graphlib topological order", lambda: topological_order(acyclic)),
        ("dfquad_strengths", lambda: dfquad_strengths(*acyclic)),
        ("dfquad, every strength described", lambda: explain_all(acyclic)),
        ("dfquad_strengths, 1 cycle per 1000", lambda: dfquad_strengths(*cyclic)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="10000,100000", help="argument counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per case; the best is kept")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[int, dict[str, float]] = {}
    for n in sizes:
        acyclic, cyclic = random_framework(n), random_framework(n, cycles_per_1000=1)
        pairs = len(acyclic[2]) + len(acyclic[3])
        print(f"{n:,} arguments, {pairs:,} attack and support pairs", file=sys.stderr)
        results[n] = {name: best_ms(run, args.repeat) for name, run in cases(acyclic, cyclic)}
    header = ["case", *(f"{n // 1000}k ms" for n in sizes)]
    if len(sizes) > 1:
        header.append(f"{sizes[-1] // 1000}k/{sizes[0] // 1000}k")
    rows = [header]
    for name in results[sizes[0]]:
        row = [name, *(f"{results[n][name]:.1f}" for n in sizes)]
        if len(sizes) > 1:
            row.append(f"{results[sizes[-1]][name] / results[sizes[0]][name]:.1f}")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for r in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))))


if __name__ == "__main__":
    main()
