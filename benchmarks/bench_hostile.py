"""Time and peak memory of validating files full of mistakes, against merely parsing them.

``python benchmarks/bench_hostile.py [--mib 4]``

Each file is about ``--mib`` MiB of one kind of mistake, repeated. Both figures come
from a fresh process: the baseline, ``yaml.load(text, CSafeLoader)``, only parses;
claimgraph's figure is ``read_dataset`` up to its ``DataError``, which lists the first
200 problems and counts the rest. Before problems were capped, the million empty
records took 3.96 GB.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PEAK = "open('/proc/self/status').read().split('VmHWM:')[1].split()[0]"  # restarts at exec, unlike ru_maxrss

RAW = f"""
import sys, time, yaml
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
yaml.load(text, Loader=yaml.CSafeLoader)
print(time.perf_counter() - start, {PEAK}, 0)
"""

OURS = f"""
import sys, time, graph
start = time.perf_counter()
try:
    graph.read_dataset(sys.argv[1])
except graph.DataError as exc:
    counted = exc.error_count
print(time.perf_counter() - start, {PEAK}, counted)
"""

HEADER = "actors: [{id: a, name: A, kind: person}]\nsources: [{id: doc, title: D}]\n"

CASES = {
    "empty records, claims: [{}, {}, ...]": ("claims: [", "{}, ", "{}]\n"),
    "records with a bad kind": (HEADER + "claims:\n", "  - {id: c@, kind: wrong}\n", ""),
    "records with unknown references": (
        HEADER + "claims:\n",
        "  - {id: c@, claimant: nobody, kind: denial, text: T, reports: [nodoc], targets: [x]}\n",
        "",
    ),
    "one claim with a huge targets list": (
        HEADER + "claims:\n  - {id: c, claimant: a, kind: denial, text: T, reports: [doc], targets: [",
        "x, ",
        "x]}\n",
    ),
}


def write_case(path: Path, parts: tuple[str, str, str], size: int) -> None:
    """Repeat the middle part (``@`` numbered) until the file is about ``size`` bytes."""
    head, item, tail = parts
    with path.open("w", encoding="utf-8") as handle:
        handle.write(head)
        written, number = len(head), 0
        while written < size:
            line = item.replace("@", str(number))
            handle.write(line)
            written += len(line)
            number += 1
        handle.write(tail)


def measure(script: str, path: Path) -> tuple[float, float, int]:
    """Seconds, peak MiB and errors counted, from a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024, int(out[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mib", type=float, default=4, help="size of each file")
    args = parser.parse_args()
    title = f"file ({args.mib:g} MiB)"
    print(f"{title:<38} {'errors':>10} {'parse s':>8} {'ours s':>7} {'parse MiB':>10} {'ours MiB':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for name, parts in CASES.items():
            path = Path(folder) / "claims.yaml"
            write_case(path, parts, int(args.mib * 2**20))
            raw_s, raw_mib, _ = measure(RAW, path)
            ours_s, ours_mib, errors = measure(OURS, path)
            print(
                f"{name:<38} {errors:>10,} {raw_s:>8.2f} {ours_s:>7.2f} {raw_mib:>10.0f} {ours_mib:>9.0f}", flush=True
            )
    print("parse = yaml.load(CSafeLoader) alone; ours = read_dataset to its DataError (200 listed, the rest counted)")


if __name__ == "__main__":
    main()
