"""``claimgraph query``: ask the graph a question and print an aligned table, or JSON with ``--json``.

Each query name maps to one function of :mod:`graph.queries`; this module
only parses options, calls it, and formats what comes back. Errors (an
unknown id, bad data) are raised and left to :func:`graph.cli.main`, which
prints ``Error: ...`` and exits 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import queries as q
from .build import build_graph
from .dates import PartialDate
from .errors import InvalidValue
from .files import write_standard_output
from .load import read_dataset
from .text import printable, printable_json
from .types import ClaimGraph

DEFAULT_DATA = "data/claims.yaml"

JSON = Any

WRAP = 100
"""Paragraphs are wrapped at this width, so that they print the same everywhere."""
Columns = Sequence[tuple[str, str]]


@dataclass
class Answer:
    """What a query prints: JSON data, and for people a table with optional lines around it."""

    data: JSON
    rows: list[dict[str, Any]] = field(default_factory=list)
    columns: Columns = ()
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    empty: str = "No results."


Query = Callable[[ClaimGraph, argparse.Namespace], Answer]


def add_query_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``query`` and its sub-commands to the ``claimgraph`` parser."""
    parser = sub.add_parser(
        "query",
        help="ask who accused whom, what was answered, what stands, where it came from",
        description="Ask the claim graph a question. Actors and places can be named by id, "
        "name or alias; claims by id.",
    )
    names = parser.add_subparsers(title="queries", metavar="QUERY", required=True)
    common = _common_options()
    for name, (query, help_text, arguments) in QUERIES.items():
        child = names.add_parser(
            name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".", parents=[common]
        )
        arguments(child)
        child.set_defaults(command=run_query, query=query)


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")
    common.add_argument(
        "--data",
        default=DEFAULT_DATA,
        metavar="PATH",
        help=f"a claims file or a folder of .yaml files (default: {DEFAULT_DATA})",
    )
    return common


def run_query(args: argparse.Namespace) -> int:
    """``claimgraph query NAME``: load the data, run the query, print the answer."""
    G = build_graph(read_dataset(args.data))
    query: Query = args.query
    answer = query(G, args)
    write_standard_output(
        (printable_json(json.dumps(answer.data, indent=2, ensure_ascii=False)) if args.json else render(answer)) + "\n"
    )
    return 0


def render(answer: Answer) -> str:
    """The answer as text: lines before, the aligned table (or the empty message), lines after.
    Control and bidi characters from the data are shown as escapes (``\\x1b``), so they cannot
    move the cursor or reorder the table."""
    body = table(answer.rows, answer.columns) if answer.rows else [answer.empty] if answer.columns else []
    return "\n".join(printable(line) for line in [*answer.before, *body, *answer.after])


def table(rows: list[dict[str, Any]], columns: Columns) -> list[str]:
    """Rows as lines under upper-case headers, columns aligned two spaces apart; the last column is not padded."""
    cells = [[header.upper() for header, _ in columns]] + [[_cell(row[key]) for _, key in columns] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in cells]


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list | tuple):
        return printable(", ".join(map(str, value))) or "-"
    return printable(str(value))  # before measuring, so escapes keep the columns aligned


# --- options -----------------------------------------------------------------------------------


def text_option(value: str) -> str:
    """An argument as the text the user typed. Under a locale that is not UTF-8 (``LC_ALL=C``)
    Python keeps the bytes of a UTF-8 argument as escapes (``'\\udcd0'``); they are read back as UTF-8
    here, so that ``--title 'Ал-Танф'`` is the title written, and bytes that are not UTF-8 are a usage error.

    >>> text_option("Ал-Танф")
    'Ал-Танф'
    """
    try:
        return os.fsencode(value).decode("utf-8")
    except UnicodeError:
        shown = os.fsencode(value).decode("ascii", "backslashreplace")
        raise argparse.ArgumentTypeError(f"'{shown}' is not UTF-8 text") from None


def _date(text: str) -> str:
    """A date option's value, checked here so that a bad date is a usage error (exit 2), not a traceback."""
    try:
        PartialDate.parse(text)
    except ValueError as exc:
        fix = f" ({exc.hint})" if isinstance(exc, InvalidValue) and exc.hint else ""
        raise argparse.ArgumentTypeError(str(exc) + fix) from None
    return text


def _actor_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("actor", type=text_option, help="actor id, name or alias")
    parser.add_argument("--members", action="store_true", help="include the actor's members (transitively)")
    parser.add_argument("--side", action="store_true", help="include every actor of the actor's side")


def _claim_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("claim", type=text_option, help="claim id")


def _as_of_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="only claims certainly made by this date (YYYY, YYYY-MM or YYYY-MM-DD)",
    )


def _today_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="the day to look from (YYYY, YYYY-MM or YYYY-MM-DD; default: today): only claims certainly made by "
        "then count, and days are counted to it",
    )


def _proposition_and_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "proposition", nargs="?", help="a proposition id, or the id of a claim that stands for its own proposition"
    )
    _today_option(parser)


def _origin_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("subject", help="a claim id or a proposition id")
    parser.add_argument(
        "--by",
        choices=("body", "person"),
        default="body",
        help="count a body and the members who speak for it as one origin (body, the default), or each actor",
    )
    _today_option(parser)


def _subject_and_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("subject", nargs="?", help="a claim, proposition or evidence id (default: every one)")
    _today_option(parser)


def _why_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("subject", help="a proposition, claim or evidence id")
    _today_option(parser)


def _claim_and_as_of(parser: argparse.ArgumentParser) -> None:
    _claim_option(parser)
    _as_of_option(parser)


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actor", type=text_option, help="claims made by or aimed at this actor")
    parser.add_argument("--side", type=text_option, help="claims made by actors of this side")
    parser.add_argument("--kind", choices=q.KINDS, help="claims of this kind")
    parser.add_argument("--place", type=text_option, help="claims about this place")
    parser.add_argument("--start", type=_date, metavar="DATE", help="claims that may be from this date or later")
    parser.add_argument("--end", type=_date, metavar="DATE", help="claims that may be from this date or earlier")


# --- queries -----------------------------------------------------------------------------------

CLAIM_COLUMNS: Columns = (("date", "date"), ("claim", "claim"), ("by", "claimant"))


def _claim_row(G: ClaimGraph, claim: str) -> dict[str, Any]:
    attrs = G.nodes[claim]
    return {
        "claim": claim,
        "date": attrs.get("date"),
        "kind": attrs["kind"],
        "claimant": attrs["claimant"],
        "text": attrs["text"],
    }


def _accusation_answer(G: ClaimGraph, claims: list[str], empty: str) -> Answer:
    rows = [{**_claim_row(G, c), "accused": q.accused(G, c)} for c in claims]
    return Answer(rows, rows, (*CLAIM_COLUMNS, ("accused", "accused")), empty=empty)


def accusations_against(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``accusations-against ACTOR``: the accusations naming the actor, with whom each accuses."""
    claims = q.accusations_against(G, args.actor, include_members=args.members, include_side=args.side)
    return _accusation_answer(G, claims, f"No accusations against {args.actor}.")


def accusations_by(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``accusations-by ACTOR``: the accusations the actor made, with whom each accuses."""
    claims = q.accusations_by(G, args.actor, include_members=args.members, include_side=args.side)
    return _accusation_answer(G, claims, f"No accusations by {args.actor}.")


def responses(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``responses CLAIM``: the claims answering the claim, how, by whom and when."""
    rows = [r._asdict() for r in q.responses_to(G, args.claim)]
    return Answer(
        rows,
        rows,
        (("date", "date"), ("claim", "claim"), ("how", "how"), ("by", "claimant")),
        empty=f"Nothing answers {args.claim}.",
    )


def _as_of(args: argparse.Namespace, day: dt.date) -> str:
    """The reference day as printed: the date given, or today's, said to be today."""
    return f"{day} (today)" if args.as_of is None else str(day)


def _stand_data(stand: q.Stand) -> dict[str, Any]:
    return {**stand._asdict(), "claimants": list(stand.claimants), "evidence": list(stand.evidence)}


def _status_data(s: q.Status) -> dict[str, Any]:
    return {
        "proposition": s.proposition,
        "statement": s.statement,
        "implicit": s.implicit,
        "as_of": str(s.as_of),
        "status": s.status,
        "since": s.since,
        "days": s.days,
        "began": s.began,
        "for": [x.claim for x in s.for_],
        "against": [x.claim for x in s.against],
        "evidence_for": list(s.evidence_for),
        "evidence_against": list(s.evidence_against),
        "stands": [_stand_data(x) for x in s.stands],
    }


def _status_row(s: q.Status) -> dict[str, Any]:
    return {**_status_data(s), "for_count": len(s.for_), "against_count": len(s.against)}


STATUS_COLUMNS: Columns = (
    ("status", "status"),
    ("since", "since"),
    ("days", "days"),
    ("proposition", "proposition"),
    ("for", "for_count"),
    ("against", "against_count"),
)


def status(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``status [PROPOSITION]``: every proposition's status, since when and for how long; or one in full."""
    if args.proposition is not None:
        return _one_status(q.status(G, args.proposition, as_of=args.as_of), args)
    found = q.statuses(G, as_of=args.as_of)
    day = q.as_of_day(args.as_of)
    rows = [_status_row(s) for s in found]
    tally = ", ".join(f"{name} {n}" for name in q.STATUS_NAMES if (n := sum(s.status == name for s in found)))
    return Answer(
        {"as_of": str(day), "propositions": [_status_data(s) for s in found]},
        rows,
        STATUS_COLUMNS,
        before=[f"As of {_as_of(args, day)}:"],
        after=[tally] if tally else [],
        empty="No propositions.",
    )


def _one_status(s: q.Status, args: argparse.Namespace) -> Answer:
    rows = [{**_stand_data(x), "by": list(x.claimants), "note": "withdrawn" if x.withdrawn else None} for x in s.stands]
    columns: Columns = (
        ("date", "date"),
        ("claim", "claim"),
        ("role", "role"),
        ("by", "by"),
        ("answers", "answers"),
        ("evidence", "evidence"),
    )
    if any(x.withdrawn for x in s.stands):
        columns = (*columns, ("note", "note"))
    return Answer(
        _status_data(s),
        rows,
        columns,
        before=[f"{s.proposition}: {s.statement}", f"As of {_as_of(args, s.as_of)}: {_standing(s)}"],
        empty="No claim on it is on record.",
    )


def _standing(s: q.Status) -> str:
    since = f" since {s.since}" if s.since else ""
    days = f" ({_count(s.days, 'day')})" if s.days is not None else ""
    return f"{s.status}{since}{days}"


def unanswered(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``unanswered``: the propositions at issue that nothing answers, since when, and as of which day."""
    found = q.unanswered(G, as_of=args.as_of)
    day = q.as_of_day(args.as_of)
    rows = [
        {**_status_row(s), "asserted_by": list(dict.fromkeys(c for x in s.for_ for c in x.claimants))} for s in found
    ]
    count = f"{len(rows)} proposition{'' if len(rows) == 1 else 's'}"
    return Answer(
        {"as_of": str(day), "propositions": [_status_data(s) for s in found]},
        rows,
        (("since", "since"), ("days", "days"), ("proposition", "proposition"), ("asserted by", "asserted_by")),
        after=[f"{count} unanswered as of {_as_of(args, day)}."] if rows else [],
        empty=f"Every proposition at issue is answered as of {_as_of(args, day)}.",
    )


def thread(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``thread CLAIM``: every claim of the exchange in date order, with what each answers."""
    rows = [
        {**_claim_row(G, c), "responds_to": [{"how": r.how, "claim": r.claim} for r in q.responds_to(G, c)]}
        for c in q.thread(G, args.claim)
    ]
    for row in rows:
        row["answers"] = [f"{r['how']} {r['claim']}" for r in row["responds_to"]]
    data = [{k: v for k, v in row.items() if k != "answers"} for row in rows]
    return Answer(data, rows, (*CLAIM_COLUMNS[:2], ("kind", "kind"), ("by", "claimant"), ("answers", "answers")))


def timeline(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``timeline``: the claims passing the filters in date order, with the date in words."""
    entries = q.timeline(
        G, actor=args.actor, side=args.side, kind=args.kind, place=args.place, start=args.start, end=args.end
    )
    rows = [{**e._asdict(), "when": e.describe_date()} for e in entries]
    return Answer(
        rows,
        rows,
        (("date", "date"), ("when", "when"), ("claim", "claim"), ("kind", "kind"), ("by", "claimant")),
        empty="No claims match.",
    )


def _chain_data(chain: q.Chain) -> dict[str, Any]:
    return {
        "claim": chain.claim,
        "source": chain.source,
        "publisher": chain.publisher,
        "relays": list(chain.relays),
        "speaker": chain.speaker,
        "repeats": list(chain.repeats),
        "repeat_relays": [list(route) for route in chain.repeat_relays],
        "origin": chain.origin,
        "path": list(chain.path),
        "circular": chain.circular,
        "chain": str(chain),
    }


def provenance(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``provenance CLAIM``: one chain per report, from the document back to the speaker."""
    rows = [_chain_data(c) for c in q.provenance(G, args.claim)]
    circular = any(row["circular"] for row in rows)
    return Answer(rows, rows, (("chain", "chain"), ("circular", "circular")) if circular else (("chain", "chain"),))


def _route_data(route: q.Route) -> dict[str, Any]:
    return {
        "claim": route.claim,
        "steps": list(route.steps),
        "links": list(route.links),
        "path": str(route),
        "reports": [_chain_data(c) for c in route.reports],
    }


def origins(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``origins CLAIM|PROPOSITION``: the independent origins, each claim's path back, and circular reporting."""
    result = q.independent_origins(G, args.subject, by=args.by, as_of=args.as_of)
    rows = [
        {"origin": o, "claim": r.claim, "path": str(r), "reported": "; ".join(str(c) for c in r.reports)}
        for o, routes in result.origins.items()
        for r in routes
    ]
    summary = (
        f"{result.subject}: {_count(result.count, 'independent origin')} (counted by {result.by}) "
        f"in {_count(result.reports, 'report')} of {_count(len(result.claims), 'claim')}, "
        f"as of {_as_of(args, q.as_of_day(args.as_of))}"
    )
    data = {
        "subject": result.subject,
        "as_of": str(q.as_of_day(args.as_of)),
        "by": result.by,
        "count": result.count,
        "reports": result.reports,
        "claims": list(result.claims),
        "origins": {o: [_route_data(r) for r in routes] for o, routes in result.origins.items()},
        "endorsements": list(result.endorsements),
        "circular": [
            {
                "kind": c.kind,
                "claims": list(c.claims),
                "links": list(c.links),
                "upstream": list(c.upstream),
                "text": str(c),
            }
            for c in result.circular
        ],
    }
    return Answer(
        data,
        rows,
        (("origin", "origin"), ("claim", "claim"), ("path", "path"), ("reported", "reported")),
        before=[summary],
        after=[
            f"Endorsed by (never origins): {', '.join(result.endorsements) or 'none'}",
            f"Circular reporting: {'; '.join(str(c) for c in result.circular) or 'none'}",
        ],
        empty="No claim asserts it.",
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _strength_data(found: q.Strength[str], basis: str) -> dict[str, Any]:
    def pairs(values: tuple[tuple[str, float], ...]) -> list[dict[str, Any]]:
        return [{"argument": a, "strength": round(v, 6)} for a, v in values]

    return {
        "argument": found.argument,
        "strength": round(found.strength, 6),
        "base": round(found.base, 6),
        "basis": basis,
        "attack": round(found.attack, 6),
        "support": round(found.support, 6),
        "attackers": pairs(found.attackers),
        "supporters": pairs(found.supporters),
        "grounds": pairs(found.grounds),
        "not_counted_again": pairs(found.unheard),
        "cyclic": found.cyclic,
        "converged": found.converged,
        "text": found.describe(),
    }


def strength(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``strength [SUBJECT]``: every argument's DF-QuAD strength and base score; or one, with what made it."""
    day = q.as_of_day(args.as_of)
    framework = q.argument_framework(G, as_of=args.as_of, around=args.subject)
    if args.subject is not None:
        one = q.strength(G, args.subject, as_of=args.as_of)
        aside = [f"Not weighed: {c} ({why})" for c, why in framework.set_aside.get(one.argument, ())]
        lines = [f"As of {_as_of(args, day)}, {one.argument}: {one.describe()}", *aside]
        return Answer(
            {"as_of": str(day), **_strength_data(one, framework.basis[one.argument])},
            before=[*_wrapped(lines), f"Base score: {framework.basis[one.argument]}"],
        )
    found = q.strengths(G, as_of=args.as_of)
    rank = {"proposition": 0, "claim": 1, "evidence": 2}
    rows = sorted(
        (
            {
                "strength": f"{s.strength:.2f}",
                "base": f"{s.base:.2f}",
                "type": G.nodes[a]["type"],
                "argument": a,
                "for": len(s.supporters),
                "against": len(s.attackers),
            }
            for a, s in found.items()
        ),
        key=lambda row: rank[row["type"]],
    )
    return Answer(
        {"as_of": str(day), "strengths": {a: _strength_data(s, framework.basis[a]) for a, s in found.items()}},
        rows,
        (
            ("strength", "strength"),
            ("base", "base"),
            ("type", "type"),
            ("argument", "argument"),
            ("for", "for"),
            ("against", "against"),
        ),
        before=[f"As of {_as_of(args, day)} (DF-QuAD: how the recorded argument stands, not a probability):"],
        empty="No claims on record.",
    )


def grounded(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``grounded``: every claim's grounded label, and how many are in, out and undec."""
    labels = q.grounded_labels(G, as_of=args.as_of)
    rows = [{"label": label, **_claim_row(G, c)} for c, label in labels.items()]
    tally = ", ".join(f"{label} {sum(1 for v in labels.values() if v == label)}" for label in ("in", "out", "undec"))
    return Answer(
        {"as_of": args.as_of, "labels": labels},
        rows,
        (("label", "label"), *CLAIM_COLUMNS),
        after=[tally],
        empty="No claims.",
    )


def why(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``why SUBJECT``: one paragraph on the status and strength of a proposition, claim or evidence item."""
    explanation = q.why(G, args.subject, as_of=args.as_of)
    data = {
        **explanation._asdict(),
        "as_of": str(explanation.as_of),
        "weighs_for": list(explanation.weighs_for),
        "weighs_against": list(explanation.weighs_against),
    }
    return Answer(data, before=_wrapped([explanation.reason]))


def _wrapped(paragraphs: list[str]) -> list[str]:
    """Each paragraph as lines of at most :data:`WRAP` characters, never breaking an id."""
    return [
        line
        for text in paragraphs
        for line in textwrap.wrap(text, WRAP, break_long_words=False, break_on_hyphens=False)
    ]


def why_grounded(G: ClaimGraph, args: argparse.Namespace) -> Answer:
    """``why-grounded CLAIM``: the claim's grounded label and the sentence explaining it."""
    explanation = q.why_grounded(G, args.claim, as_of=args.as_of)
    data = {**explanation._asdict(), "attackers": list(explanation.attackers)}
    verb = "was" if explanation.label is None else "is"
    return Answer(data, before=[f"{explanation.claim} {verb} {explanation.reason}"])


Arguments = Callable[[argparse.ArgumentParser], None]

QUERIES: dict[str, tuple[Query, str, Arguments]] = {
    "accusations-against": (accusations_against, "accusations naming an actor", _actor_options),
    "accusations-by": (accusations_by, "accusations an actor made", _actor_options),
    "responses": (responses, "claims that deny, rebut, support, concede or repeat a claim", _claim_option),
    "status": (
        status,
        "how each proposition stands: unanswered, disputed, conceded, retracted, and since when",
        _proposition_and_as_of,
    ),
    "unanswered": (
        unanswered,
        "propositions at issue that nothing denies, qualifies or concedes, and since when",
        _today_option,
    ),
    "thread": (thread, "the whole exchange a claim belongs to, in date order", _claim_option),
    "timeline": (timeline, "claims in date order, with how certain each date is", _filter_options),
    "provenance": (provenance, "how each document came to report a claim, back to the speaker", _claim_option),
    "origins": (
        origins,
        "the independent origins behind a claim or proposition, and circular reporting",
        _origin_options,
    ),
    "strength": (
        strength,
        "how strongly each claim and proposition stands (DF-QuAD over the records), and why",
        _subject_and_as_of,
    ),
    "grounded": (grounded, "which claims stand under grounded semantics (in, out, undec)", _as_of_option),
    "why": (why, "why a proposition or claim stands as it does: status, each side, evidence, strength", _why_options),
    "why-grounded": (why_grounded, "why a claim is in, out or undec under grounded semantics", _claim_and_as_of),
}
"""Query name -> (function, one-line help, argument setup)."""
