"""Synthetic claim data sets in the real format, for benchmarks.

``python benchmarks/generate.py 10000 -o benchmarks/data/claims-10k.yaml``

The proportions follow the al-Tanf data: about one actor per ten claims
(people belonging to bodies, outlets, anonymous sources), one source per five
claims, four in ten claims answering an earlier one, a third of reports
relayed through one or two intermediaries; one proposition and one evidence
item per seven claims, two claims in three taking a stance on a proposition,
one in twenty resting on an earlier claim, one in seven citing evidence, a
fifth of reports translations, and a few joint statements and endorsements.

>>> text = make_dataset_yaml(50, seed=1)
>>> import graph
>>> data = graph.parse_dataset(text)
>>> len(data.claims), len(data.sources) > 0
(50, True)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

KINDS = ["accusation"] * 4 + ["denial"] * 3 + ["rebuttal", "corroboration", "statement", "admission"]
ACTOR_KINDS = ["person", "government-body", "armed-force", "armed-group", "media-outlet", "anonymous-source"]
EVIDENCE_KINDS = ["document", "imagery", "object", "testimony", "finding", "event"]
BASES = ["official-statement", "witness-accounts", "detainee-confession", "anonymous-source", "none-given"]
START = dt.date(2014, 1, 1)
SPAN_DAYS = 3650
WORDS = [
    "base",
    "training",
    "militants",
    "border",
    "convoy",
    "desert",
    "garrison",
    "allegation",
    "camp",
    "weapons",
    "support",
    "coalition",
    "ministry",
    "spokesperson",
    "statement",
    "report",
    "field",
    "source",
    "attack",
    "patrol",
]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _date(rng: random.Random, day: dt.date | None = None) -> str:
    """A date, day-precise mostly, sometimes only approximate or uncertain, as real sources are."""
    day = day or START + dt.timedelta(days=rng.randrange(SPAN_DAYS))
    roll = rng.random()
    if roll < 0.7:
        return day.isoformat()
    if roll < 0.85:
        return f"{day.year}-{day.month:02d}~"
    return f"{day.year}?"


def make_dataset_yaml(n_claims: int, *, seed: int = 0) -> str:
    """A valid claims file with ``n_claims`` claims and proportionate actors, sources and places."""
    rng = random.Random(seed)
    n_sides, n_places = 6, max(3, n_claims // 500)
    n_actors, n_sources = max(10, n_claims // 10), max(3, n_claims // 5)
    lines = ["sides:"]
    lines += [f"  - {{id: side-{i}, name: Side {i}}}" for i in range(n_sides)]
    lines.append("places:")
    lines += [f"  - {{id: place-{i}, name: Place {i}, aliases: [Place {i} alias]}}" for i in range(n_places)]
    lines.append("actors:")
    outlets = []
    for i in range(n_actors):
        kind = ACTOR_KINDS[i % len(ACTOR_KINDS)]
        member = f", member_of: [actor-{i - 1}]" if kind == "person" and i else ""
        if kind == "media-outlet":
            outlets.append(i)
        lines.append(f"  - {{id: actor-{i}, name: Actor {i}, kind: {kind}, side: side-{i % n_sides}{member}}}")
    n_props = n_evidence = max(2, n_claims // 7)
    lines.append("propositions:")
    for i in range(n_props):
        lines.append(
            f"  - {{id: prop-{i}, statement: {_sentence(rng, 9)}, implicates: [actor-{rng.randrange(n_actors)}]}}"
        )
    lines.append("evidence:")
    for i in range(n_evidence):
        kind = rng.choice(EVIDENCE_KINDS)
        lines.append(
            f"  - {{id: item-{i}, kind: {kind}, name: {_sentence(rng, 5)}, reports: [source-{i % n_sources}]}}"
        )
    lines.append("sources:")
    for i in range(n_sources):
        lines.append(f"  - id: source-{i}")
        lines.append(f"    title: {_sentence(rng, 6)}")
        lines.append(f"    publisher: actor-{rng.choice(outlets)}")
        lines.append(f"    url: https://example.org/articles/{i}")
        # Published after every claim is made: a document cannot report a claim made after it.
        lines.append(f"    published: {_date(rng, START + dt.timedelta(days=SPAN_DAYS + rng.randrange(365)))}")
        lines.append("    language: en")
    lines.append("claims:")
    for i in range(n_claims):
        # Later claims get later dates, so responses come after what they answer.
        day = START + dt.timedelta(days=i * SPAN_DAYS // max(1, n_claims))
        lines += _claim_lines(rng, i, day, (n_actors, n_sources, n_places, n_props, n_evidence), outlets)
    return "\n".join(lines) + "\n"


def _claim_lines(
    rng: random.Random, i: int, day: dt.date, counts: tuple[int, int, int, int, int], outlets: list[int]
) -> list[str]:
    n_actors, n_sources, n_places, n_props, n_evidence = counts
    kind = rng.choice(KINDS)
    first = rng.randrange(n_actors)
    claimant = f"actor-{first}"
    if rng.random() < 0.02:
        claimant = f"[{claimant}, actor-{(first + 1 + rng.randrange(n_actors - 1)) % n_actors}]"
    lines = [
        f"  - id: claim-{i}",
        f"    claimant: {claimant}",
        f"    kind: {kind}",
        f"    date: {_date(rng, day)}",
        f"    text: {_sentence(rng, 14)}",
        f'    quote: "{_sentence(rng, 10)}"',
        f"    targets: [actor-{rng.randrange(n_actors)}]",
        f"    places: [place-{rng.randrange(n_places)}]",
        f"    basis: {rng.choice(BASES)}",
    ]
    if rng.random() < 0.67:
        stance = {"denial": "denies", "rebuttal": "qualifies", "admission": "concedes"}.get(kind, "asserts")
        lines.append(f"    {stance}: prop-{rng.randrange(n_props)}")
    if i and rng.random() < 0.05:
        lines.append(f"    rests_on: claim-{rng.randrange(max(0, i - 200), i)}")
    if rng.random() < 0.15:
        lines.append(f"    cites: item-{rng.randrange(n_evidence)}")
    if i and (kind in ("denial", "rebuttal", "corroboration") or rng.random() < 0.1):
        how = {"denial": "denies", "rebuttal": "rebuts", "corroboration": "supports"}.get(kind, "repeats")
        how = "endorses" if how == "repeats" and rng.random() < 0.3 else how
        lines += ["    responds_to:", f"      - {how}: claim-{rng.randrange(max(0, i - 200), i)}"]
    lines.append("    reports:")
    source = f"source-{rng.randrange(n_sources)}"
    if rng.random() < 0.33:
        via = ", ".join(f"actor-{outlet}" for outlet in rng.sample(outlets, min(len(outlets), rng.randint(1, 2))))
        lines += [f"      - source: {source}", f"        via: [{via}]"]
        if rng.random() < 0.6:
            lines.append("        translated: true")
    else:
        lines.append(f"      - {source}")
    return lines


def make_archive_text(n_chars: int, *, seed: int = 0) -> str:
    """Prose-like text of ``n_chars`` characters, in paragraphs, for quote-check benchmarks.

    The words are made of syllables, so that, as in real text, a phrase of a few
    words rarely recurs while single words often do.

    >>> text = make_archive_text(2000, seed=1)
    >>> len(text), text.count("\\n\\n") > 0
    (2000, True)
    """
    rng = random.Random(seed)
    syllables = ["ba", "se", "tra", "in", "mil", "it", "ant", "bor", "der", "con", "voy", "des", "ert", "gar"]
    syllables += ["ri", "son", "al", "le", "ga", "tion", "camp", "wea", "pons", "sup", "port", "co", "min", "is"]
    vocabulary = WORDS + ["".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(5000)]
    sentences: list[str] = []
    size = 0
    while size < n_chars:
        sentence = " ".join(rng.choices(vocabulary, k=rng.randint(5, 30))).capitalize() + "."
        sentence += "\n\n" if rng.random() < 0.15 else " "
        sentences.append(sentence)
        size += len(sentence)
    return "".join(sentences)[:n_chars]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("claims", type=int, help="number of claims")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(make_dataset_yaml(args.claims, seed=args.seed), encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
