"""Time every query on synthetic data sets of 10k and 100k claims, and how each scales.

``python benchmarks/bench_queries.py [--sizes 10000,100000] [--repeat 5]``

The data comes from ``generate.py`` (the real claims format, parsed,
validated and built the usual way), so the graph has the real shape. Each
figure is the best of ``--repeat`` runs, in milliseconds; the ratio column
is large-size time over small-size time: about 10 for linear scaling from
10k to 100k in theory, more in practice because a graph ten times larger no
longer fits the CPU caches; compare with the two baseline rows, which do the
least whole-graph work possible. Queries about one actor or claim are local
and should barely grow; whole-graph queries should grow like the baselines,
not a hundred-fold. Status, origins, strength and ``why`` read an index of
the graph built once per graph; its own row times building it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import make_dataset_yaml  # noqa: E402
from timing import best_ms  # noqa: E402

import graph  # noqa: E402
from graph import queries as q  # noqa: E402
from graph.types import ClaimGraph  # noqa: E402

Case = tuple[str, Callable[[ClaimGraph], Any]]


def build(n_claims: int) -> ClaimGraph:
    """A synthetic graph with ``n_claims`` claims, built through the real loader."""
    return graph.build_graph(graph.parse_dataset(make_dataset_yaml(n_claims, seed=1), check_quotes=False))


def busiest_answered_claim(G: ClaimGraph) -> str:
    """A claim with replies, so responses, thread and why have work to do."""
    claims = [c for c in G if G.nodes[c].get("type") == "claim"]
    return max(claims, key=lambda c: (len(G.pred[c]), c))


def busiest_proposition(G: ClaimGraph) -> str:
    """The declared proposition most claims take a stance on, so status, origins and strength have work to do."""
    propositions = [p for p in G if G.nodes[p].get("type") == "proposition"]
    return max(propositions, key=lambda p: (len(G.pred[p]), p))


def cases(G: ClaimGraph) -> list[Case]:
    claim = busiest_answered_claim(G)
    proposition = busiest_proposition(G)
    actor = "actor-7"
    return [
        # Baselines: the cheapest whole-graph work there is. Their ratios show what
        # the machine's memory makes of 10x more data (well above 10 on big graphs).
        ("baseline: read every node's type", lambda G: [n for n in G if G.nodes[n].get("type") == "claim"]),
        ("baseline: sort claim ids", lambda G: sorted(n for n in G if G.nodes[n].get("type") == "claim")),
        ("accusations_against", lambda G: q.accusations_against(G, actor)),
        ("accusations_against members", lambda G: q.accusations_against(G, "actor-6", include_members=True)),
        ("accusations_by side", lambda G: q.accusations_by(G, actor, include_side=True)),
        ("responses_to", lambda G: q.responses_to(G, claim)),
        ("thread", lambda G: q.thread(G, claim)),
        # Status, origins, strength and why share an index of the graph, built on the first of them and kept
        # with the graph (graph.queries.index); this row pays for building it each time, the others do not.
        ("first analysis (builds the index)", lambda G: (q.forget(G), q.unanswered(G))),
        ("unanswered", lambda G: q.unanswered(G)),
        ("unanswered as_of", lambda G: q.unanswered(G, as_of="2018-06-30")),
        ("statuses", lambda G: q.statuses(G)),
        ("status", lambda G: q.status(G, proposition)),
        ("timeline (all claims)", lambda G: q.timeline(G)),
        ("timeline side+kind", lambda G: q.timeline(G, side="side-1", kind="accusation")),
        ("timeline actor", lambda G: q.timeline(G, actor=actor)),
        ("provenance", lambda G: q.provenance(G, claim)),
        ("independent_origins claim", lambda G: q.independent_origins(G, claim)),
        ("independent_origins proposition", lambda G: q.independent_origins(G, proposition)),
        ("strengths", lambda G: q.strengths(G)),
        ("strengths as_of", lambda G: q.strengths(G, as_of="2018-06-30")),
        ("strength", lambda G: q.strength(G, proposition)),
        ("why proposition", lambda G: q.why(G, proposition)),
        ("why claim", lambda G: q.why(G, claim)),
        ("grounded_labels", lambda G: q.grounded_labels(G)),
        ("grounded_labels as_of", lambda G: q.grounded_labels(G, as_of="2018-06-30")),
        ("why_grounded", lambda G: q.why_grounded(G, claim)),
        ("subgraph actor", lambda G: q.subgraph(G, actor=actor)),
        ("subgraph side", lambda G: q.subgraph(G, side="side-1")),
    ]


def measure(sizes: list[int], repeat: int) -> dict[int, dict[str, float]]:
    results: dict[int, dict[str, float]] = {}
    for n in sizes:
        start = time.perf_counter()
        G = build(n)
        print(
            f"built {n:,} claims ({G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges) "
            f"in {time.perf_counter() - start:.1f} s",
            file=sys.stderr,
        )
        results[n] = {name: best_ms(partial(f, G), repeat) for name, f in cases(G)}
    return results


def report(results: dict[int, dict[str, float]]) -> str:
    """The table: each size's figures, the large/small ratio, and the small size in baselines (its time over
    the first baseline's, in the same run), which a machine busy with other work changes far less than ms."""
    sizes = list(results)
    names = list(results[sizes[0]])
    base = results[sizes[0]][names[0]]
    header = ["query", *(f"{n // 1000}k ms" for n in sizes)]
    if len(sizes) > 1:
        header.append(f"{sizes[-1] // 1000}k/{sizes[0] // 1000}k")
    header.append(f"{sizes[0] // 1000}k/baseline")
    rows = [header]
    for name in names:
        row = [name, *(f"{results[n][name]:.2f}" for n in sizes)]
        if len(sizes) > 1:
            row.append(f"{results[sizes[-1]][name] / max(results[sizes[0]][name], 1e-6):.1f}")
        row.append(f"{results[sizes[0]][name] / max(base, 1e-6):.1f}")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        for r in rows
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="10000,100000", help="claim counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query; the best is kept")
    args = parser.parse_args()
    print(report(measure([int(s) for s in args.sizes.split(",")], args.repeat)))


if __name__ == "__main__":
    main()
