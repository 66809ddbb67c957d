"""Load + validate + build time against PyYAML's raw C parse of the same file, and the whole ``claimgraph build``.

``python benchmarks/bench_load.py [--sizes 1000,10000,20000,100000]``

Each figure comes from a fresh Python process, so peak memory (max RSS) is
that of the one step measured. The baseline, ``yaml.load(text, CSafeLoader)``,
only parses; claimgraph's figure includes reading, validation, cross-record
checks and building the networkx graph; the build figures are the whole
``python -m graph build`` command as a user runs it, timed from outside
(start-up and imports, load, layout, page data, the page written, exit), in
wall-clock and CPU seconds (user + system: other jobs on the machine disturb
it less than the wall clock). Growth from
10k to 100k claims is printed for each, so the build's can be read against
the parse's, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import make_dataset_yaml  # noqa: E402

RAW = """
import resource, sys, time, yaml
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
yaml.load(text, Loader=yaml.CSafeLoader)
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

OURS = """
import resource, sys, time
import graph
start = time.perf_counter()
G = graph.load(sys.argv[1])
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

BUILD = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run([sys.executable, "-m", "graph", "build", sys.argv[1], "-o", sys.argv[1] + ".html"],
               check=True, capture_output=True)
elapsed = time.perf_counter() - start
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(elapsed, used.ru_maxrss, used.ru_utime + used.ru_stime)
"""
"""The whole command as a user runs it, timed from outside: start-up, imports, the build, writing the page, exit."""


def measure(script: str, path: Path, repeat: int) -> tuple[float, float, float]:
    """Best time of ``repeat`` fresh processes (seconds), the peak RSS of that run (MiB) and its CPU seconds
    where the script reports them (else 0)."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout.split()
        runs.append((float(out[0]), int(out[1]) / 1024, float(out[2]) if len(out) > 2 else 0.0))
    return min(runs)


def dataset_file(n_claims: int) -> Path:
    path = HERE / "data" / f"claims-{n_claims}.yaml"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make_dataset_yaml(n_claims, seed=n_claims), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description="Time load+validate+build against a raw YAML parse.")
    parser.add_argument("--sizes", default="1000,10000,20000,100000", help="claim counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per figure, at every size (best kept)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()
    rows = []
    print(
        f"{'claims':>8} {'file MiB':>9} {'raw parse s':>12} {'claimgraph s':>13} {'ratio':>6} "
        f"{'raw MiB':>8} {'ours MiB':>9} {'build s':>8} {'build CPU s':>12} {'build MiB':>10}"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        path = dataset_file(n)
        raw_s, raw_mem, _ = measure(RAW, path, args.repeat)
        ours_s, ours_mem, _ = measure(OURS, path, args.repeat)
        build_s, build_mem, build_cpu = measure(BUILD, path, args.repeat)
        size = path.stat().st_size / 2**20
        rows.append(
            {
                "claims": n,
                "file_mib": size,
                "raw_s": raw_s,
                "ours_s": ours_s,
                "ratio": ours_s / raw_s,
                "raw_peak_mib": raw_mem,
                "ours_peak_mib": ours_mem,
                "build_s": build_s,
                "build_cpu_s": build_cpu,
                "build_peak_mib": build_mem,
            }
        )
        print(
            f"{n:>8} {size:>9.1f} {raw_s:>12.3f} {ours_s:>13.3f} {ours_s / raw_s:>6.2f} "
            f"{raw_mem:>8.0f} {ours_mem:>9.0f} {build_s:>8.2f} {build_cpu:>12.2f} {build_mem:>10.0f}",
            flush=True,
        )
    print(
        "ratio = claimgraph (read + validate + check + build graph) / yaml.load(CSafeLoader) alone; "
        "aim at 10k claims: <= 1.5"
    )
    by_size = {row["claims"]: row for row in rows}
    if 10_000 in by_size and 100_000 in by_size:
        small, large = by_size[10_000], by_size[100_000]
        growth = ", ".join(f"{name} {large[key] / small[key]:.1f}x" for name, key in GROWTH)
        print(f"growth from 10k to 100k claims: {growth} (aim for the build: <= 12x)")
    if args.json:
        print(json.dumps(rows, indent=2))


GROWTH = (
    ("raw parse", "raw_s"),
    ("claimgraph load", "ours_s"),
    ("claimgraph build", "build_s"),
    ("claimgraph build CPU", "build_cpu_s"),
)


if __name__ == "__main__":
    main()
