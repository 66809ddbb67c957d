"""Quote-check time: long quotes with a one-character typo against archives small and large.

``python benchmarks/bench_quotes.py [--large-mib 60] [--repeat 3]``

For each case, in this process: two baselines any check must pay, normalising the
archive (done once per archive, however many quotes cite it) and a plain ``in``
search for the quote, then ``find_quote``'s time to answer "not verbatim" with the
closest passage. Then, in a fresh process, ``read_dataset`` of a data set whose one
claim has that quote (reading, normalising and checking included) and its peak memory.

Before the search was bounded, the first case took 25 s and the second 461 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from generate import make_archive_text  # noqa: E402

from graph.quotes import NormalisedText, find_quote, normalise  # noqa: E402

VALIDATE = """
import sys, time
import graph
start = time.perf_counter()
try:
    graph.read_dataset(sys.argv[1])
except graph.DataError as exc:
    assert "verbatim" in exc.problems[0].message, exc
status = open("/proc/self/status").read()  # VmHWM restarts at exec; ru_maxrss would include this parent's
print(time.perf_counter() - start, status.split("VmHWM:")[1].split()[0])
"""


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The best time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def with_typo(text: str) -> str:
    """``text`` with its middle character changed."""
    middle = len(text) // 2
    return text[:middle] + ("X" if text[middle] != "X" else "Y") + text[middle + 1 :]


def archive_file(mib: float) -> Path:
    """A generated archive of about ``mib`` MiB, cached in benchmarks/data/."""
    path = HERE / "data" / f"archive-{mib:g}mib.txt"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make_archive_text(int(mib * 2**20), seed=int(mib * 10)), encoding="utf-8")
    return path


def validate_in_fresh_process(quote: str, archives: list[Path]) -> tuple[float, float]:
    """Seconds and peak MiB of ``read_dataset`` on one claim quoting ``quote`` from ``archives``."""
    with tempfile.TemporaryDirectory() as folder:
        sources = "".join(f"  - {{id: s{i}, title: S, archive: {path.name}}}\n" for i, path in enumerate(archives))
        for path in archives:
            shutil.copyfile(path, Path(folder) / path.name)  # a link out of the data folder would be refused
        cited = ", ".join(f"s{i}" for i in range(len(archives)))
        claim = f"{{id: c, claimant: a, kind: statement, text: T, reports: [{cited}], quote: {json.dumps(quote)}}}"
        claims = Path(folder) / "claims.yaml"
        claims.write_text(
            f"actors: [{{id: a, name: A, kind: person}}]\nsources:\n{sources}claims:\n  - {claim}\n",
            encoding="utf-8",
        )
        out = subprocess.run(
            [sys.executable, "-c", VALIDATE, str(claims)], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def cases(large_mib: float) -> list[tuple[str, list[Path], str]]:
    """(name, archives, quote) for each case."""
    shipped = sorted((ROOT / "data" / "sources").glob("*.txt"))
    joined = normalise(" ".join(path.read_text(encoding="utf-8") for path in shipped))
    medium, large = archive_file(1.3), archive_file(large_mib)
    found = []
    found.append(("10k-char quote vs the 5 shipped texts", shipped, with_typo((joined * 2)[:10_000])))
    for name, path in (("1.3 MB", medium), (f"{large_mib:g} MB", large)):
        text = normalise(path.read_text(encoding="utf-8"))
        middle = len(text) // 2
        found.append((f"20k-char quote vs a {name} archive", [path], with_typo(text[middle : middle + 20_000])))
    return found


def measure(name: str, paths: list[Path], quote: str, repeat: int) -> str:
    """One row of the table."""
    documents = [path.read_text(encoding="utf-8") for path in paths]
    normalised = [NormalisedText.of(document) for document in documents]
    normalise_s = best_of(repeat, lambda: [NormalisedText.of(d) for d in documents])
    needle = normalise(quote)
    in_s = best_of(repeat, lambda: [needle in text.text for text in normalised])
    find_s = best_of(repeat, lambda: [find_quote(quote, text) for text in normalised])
    assert not any(find_quote(quote, text).found for text in normalised)
    validate_s, peak = validate_in_fresh_process(quote, paths)
    mib = sum(len(document) for document in documents) / 2**20
    times = f"{normalise_s:>12.3f} {in_s:>8.3f} {find_s:>13.3f} {validate_s:>11.2f}"
    return f"{name:<40} {mib:>6.2f} {times} {peak:>9.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--large-mib", type=float, default=60, help="size of the large generated archive")
    parser.add_argument("--repeat", type=int, default=3, help="runs per in-process figure (best is kept)")
    args = parser.parse_args()
    print(
        f"{'case':<40} {'MiB':>6} {'normalise s':>12} {'`in` s':>8} {'find_quote s':>13} "
        f"{'validate s':>11} {'peak MiB':>9}"
    )
    for name, paths, quote in cases(args.large_mib):
        print(measure(name, paths, quote, args.repeat), flush=True)
    hostile = NormalisedText("a" * (64 * 2**20))
    quote = "a" * 19_999 + "b"
    in_s = best_of(1, lambda: quote in hostile.text)
    find_s = best_of(1, lambda: find_quote(quote, hostile))
    print(f"{'20k-char quote vs 64 MiB of one letter':<40} {64:>6.2f} {'':>12} {in_s:>8.3f} {find_s:>13.3f}")
    print(
        "find_quote includes the `in` search (the last row is the slowest case for both); "
        "normalising is paid once per archive; validate = read_dataset in a fresh process"
    )


if __name__ == "__main__":
    main()
