"""Load + validate + build time against PyYAML's raw C parse of the same file.

``python benchmarks/bench_load.py [--sizes 1000,10000,100000]``

Each figure comes from a fresh Python process, so peak memory (max RSS) is
that of the one step measured. The baseline, ``yaml.load(text, CSafeLoader)``,
only parses; claimgraph's figure includes reading, validation, cross-record
checks and building the networkx graph.
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


def measure(script: str, path: Path, repeat: int) -> tuple[float, float]:
    """Best time of ``repeat`` fresh processes (seconds) and the peak RSS of that run (MiB)."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout.split()
        runs.append((float(out[0]), int(out[1]) / 1024))
    return min(runs)


def dataset_file(n_claims: int) -> Path:
    path = HERE / "data" / f"claims-{n_claims}.yaml"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make_dataset_yaml(n_claims, seed=n_claims), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description="Time load+validate+build against a raw YAML parse.")
    parser.add_argument("--sizes", default="1000,10000,100000", help="claim counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per figure (best is kept)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()
    rows = []
    print(
        f"{'claims':>8} {'file MiB':>9} {'raw parse s':>12} {'claimgraph s':>13} {'ratio':>6} "
        f"{'raw MiB':>8} {'ours MiB':>9}"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        path = dataset_file(n)
        repeat = args.repeat if n <= 10_000 else 1
        raw_s, raw_mem = measure(RAW, path, repeat)
        ours_s, ours_mem = measure(OURS, path, repeat)
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
            }
        )
        print(
            f"{n:>8} {size:>9.1f} {raw_s:>12.3f} {ours_s:>13.3f} {ours_s / raw_s:>6.2f} "
            f"{raw_mem:>8.0f} {ours_mem:>9.0f}",
            flush=True,
        )
    print(
        "ratio = claimgraph (read + validate + check + build graph) / yaml.load(CSafeLoader) alone; "
        "aim at 10k claims: <= 1.5"
    )
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
