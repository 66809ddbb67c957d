"""The ``claimgraph`` command: parse options, call one library function, print, exit.

Exit codes: 0 success, 1 the data or an output has problems, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import webbrowser
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from .build import build_graph
from .diff import DataDiff, diff_datasets, shown_values, value_text
from .draft import draft_text, read_document
from .errors import ClaimgraphError, DataError, OutputError, Problem
from .export import FORMATS, export_text
from .files import write_new_text, write_text_atomic
from .load import Dataset, read_dataset
from .querycli import add_query_parser, table
from .render import LAYOUTS, write_html
from .revisions import read_version
from .schema import json_schema_text
from .serve import PreviewServer

DEFAULT_DATA = "data/claims.yaml"

Command = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    _tolerate_narrow_terminals()
    parser = make_parser()
    args = parser.parse_args(argv)
    command: Command = args.command
    try:
        return command(args)
    except DataError as exc:
        return _report_data_error(exc)
    except ClaimgraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`); nothing more to say
        return 0


def _tolerate_narrow_terminals() -> None:
    """Under an ASCII or Latin-1 locale, print '→' and non-Latin names as escapes instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def make_parser() -> argparse.ArgumentParser:
    """The argument parser, with one subcommand per task."""
    parser = argparse.ArgumentParser(
        prog="claimgraph",
        description="Validate hand-curated claim records, and explore who accused whom of what.",
    )
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    _add_validate(sub)
    _add_export(sub)
    _add_schema(sub)
    _add_build(sub)
    add_query_parser(sub)
    _add_draft(sub)
    _add_diff(sub)
    _add_serve(sub)
    return parser


def _data_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        default=DEFAULT_DATA,
        help=f"a claims file or a folder of .yaml files (default: {DEFAULT_DATA})",
    )


def _add_validate(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "validate",
        help="check the claim records and report every problem",
        description="Check the claim records: structure, references, dates, duplicate keys "
        "and ids, and that every quote occurs in its archived source.",
    )
    _data_argument(parser)
    parser.set_defaults(command=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    """``claimgraph validate``: print a one-line summary, or every problem."""
    data = read_dataset(args.path)
    _print_warnings(data.warnings)
    print(f"{args.path}: OK: {summary(data)}")
    return 0


def summary(data: Dataset) -> str:
    """``'12 actors, 30 claims, 5 sources, 4 places, 9 responses'``."""
    counts = [
        (len(data.actors), "actor"),
        (len(data.claims), "claim"),
        (len(data.sources), "source"),
        (len(data.places), "place"),
        (data.response_count, "response"),
    ]
    return ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts)


def _add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "export",
        help="write the graph as JSON, GraphML or GEXF",
        description="Write the graph as node-link JSON, GraphML or GEXF (to standard output unless -o is given).",
    )
    parser.add_argument("--format", "-f", choices=FORMATS, default="json", help="output format (default: json)")
    _data_argument(parser)
    parser.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")
    parser.set_defaults(command=run_export)


def run_export(args: argparse.Namespace) -> int:
    """``claimgraph export``: the graph in another format."""
    text = export_text(build_graph(read_dataset(args.path)), args.format)
    _emit(text, args.output)
    return 0


def _add_schema(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "schema",
        help="print the JSON Schema of the claims format",
        description="Print the JSON Schema of the claims format, for editors.",
    )
    parser.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")
    parser.set_defaults(command=run_schema)


def run_schema(args: argparse.Namespace) -> int:
    """``claimgraph schema``: the JSON Schema for editors."""
    _emit(json_schema_text(), args.output)
    return 0


def _add_build(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "build",
        help="write the interactive explorer: one HTML page that works offline",
        description="Write the interactive explorer: one self-contained HTML page "
        "(default: out/NAME.html in the data's folder, NAME from the data file) "
        "to open in a browser.",
    )
    _data_argument(parser)
    parser.add_argument(
        "-o", "--output", type=Path, help="write the page here (default: out/NAME.html next to the data)"
    )
    parser.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="graph",
        help="graph: who is linked to whom; timeline: claims by date, left to right (default: graph)",
    )
    parser.add_argument("--title", help="the page title (default: the data set's name)")
    parser.add_argument("--open", action="store_true", help="open the page in the default web browser")
    parser.set_defaults(command=run_build)


def run_build(args: argparse.Namespace) -> int:
    """``claimgraph build``: write the explorer page and say where it is."""
    data = read_dataset(args.path)
    _print_warnings(data.warnings)
    G = build_graph(data)
    output: Path = args.output or default_page_path(Path(args.path), G.graph.get("name") or "claims")
    write_html(G, output, layout=args.layout, title=args.title)
    print(f"wrote {output} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges) — open it in a browser")
    if args.open and not webbrowser.open(output.resolve().as_uri()):
        print(f"could not start a web browser; open {output.resolve().as_uri()} yourself", file=sys.stderr)
    return 0


def _add_draft(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "draft",
        help="draft claim records from an archived document, for a curator to check",
        description="Read an archived document and draft claim records from it: each quoted passage and "
        "sentence of reported speech with its speaker, intermediaries, quote, source and date. Speakers are "
        "matched to the actors of the data set. Every record is marked 'draft: true', which validate "
        "reports until a curator deletes it. Writes YAML to standard output, or to a new file with -o.",
    )
    parser.add_argument("text", metavar="TEXT", type=Path, help="the archived document (a UTF-8 text file)")
    parser.add_argument(
        "--data",
        metavar="PATH",
        help=f"the data set to match actors, places and sources against (default: {DEFAULT_DATA} if it exists)",
    )
    parser.add_argument(
        "--source", metavar="ID", help="the source id: one of the data set's, or the id for a new source"
    )
    parser.add_argument(
        "-o", "--output", type=Path, help="write the draft to this new file (never overwrites; default: stdout)"
    )
    parser.set_defaults(command=run_draft)


def run_draft(args: argparse.Namespace) -> int:
    """``claimgraph draft``: propose records from a document, into a new file or to standard output."""
    text = read_document(args.text)
    data_path = args.data or (DEFAULT_DATA if Path(DEFAULT_DATA).exists() else None)
    data = read_dataset(data_path) if data_path else None
    output: Path | None = args.output
    if output is not None:
        _refuse_inputs(output, [args.text, *(Path(f.name) for f in (data.files if data else []))])
    folder = output.parent if output else (_data_folder(data_path) if data_path else Path("."))
    draft = draft_text(text, args.text, data, source_id=args.source, folder=folder)
    if output is None:
        sys.stdout.write(draft.yaml())
    else:
        write_new_text(output, draft.yaml())
    print(f"{f'wrote {output}' if output else 'drafted'}: {draft.summary()}", file=sys.stderr)
    if draft.new_source and draft.new_source.archive.startswith(".."):
        print(
            f"note: {args.text} is outside {folder}; copy it into the data's folder so the quotes can be checked",
            file=sys.stderr,
        )
    return 0


def _data_folder(path: str) -> Path:
    return Path(path) if Path(path).is_dir() else Path(path).parent


def _refuse_inputs(output: Path, inputs: Sequence[Path]) -> None:
    for path in inputs:
        if path.exists() and output.exists() and output.resolve() == path.resolve():
            raise OutputError(f"{output} is an input of this command; draft writes only to a new file")


def _add_diff(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "diff",
        help="what changed between two versions of the data: records, and the answers drawn from them",
        description="Compare two versions of a data set: records added, removed and changed (field by field), "
        "and the answers that changed (unanswered accusations, independent origins, grounded labels). "
        "A version is a claims file or folder, or REV:PATH for a file or folder in a git revision "
        "(as git show reads it, e.g. HEAD~1:data/claims.yaml); a path that exists on disk is read from disk.",
    )
    parser.add_argument("old", metavar="OLD", help="the earlier version: PATH or REV:PATH")
    parser.add_argument("new", metavar="NEW", help="the later version: PATH or REV:PATH")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.set_defaults(command=run_diff)


def run_diff(args: argparse.Namespace) -> int:
    """``claimgraph diff``: compare two versions and print the changes."""
    with read_version(args.old) as old, read_version(args.new) as new:
        change = diff_datasets(old, new)
    if args.json:
        print(json.dumps({"old": args.old, "new": args.new, **change.to_json_data()}, indent=2, ensure_ascii=False))
    else:
        print(diff_text(change))
    return 0


def diff_text(change: DataDiff) -> str:
    """The diff as two aligned tables under a one-line summary."""
    counts = {kind: sum(1 for r in change.records if r.change == kind) for kind in ("added", "removed", "changed")}
    lines = [
        f"records: {counts['added']} added, {counts['removed']} removed, {counts['changed']} changed; "
        f"answers: {len(change.answers)} changed"
    ]
    rows = []
    for record in change.records:
        for index, item in enumerate(record.fields or [None]):
            old, new = shown_values(item.old, item.new) if item else ("", "")
            rows.append(
                {
                    "change": "" if index else record.change,
                    "record": "" if index else f"{record.section} {record.id}",
                    "field": item.field if item else "",
                    "old": old,
                    "new": new,
                }
            )
    if rows:
        lines += [
            "",
            *table(
                rows, [("change", "change"), ("record", "record"), ("field", "field"), ("old", "old"), ("new", "new")]
            ),
        ]
    answers = [
        {"answer": a.answer, "for": a.key, "old": value_text(a.old), "new": value_text(a.new)} for a in change.answers
    ]
    if answers:
        lines += ["", *table(answers, [("answer", "answer"), ("for", "for"), ("old", "old"), ("new", "new")])]
    return "\n".join(lines)


def _add_serve(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "serve",
        help="preview the explorer while you edit: rebuilt and reloaded whenever a file is saved",
        description="Serve the explorer page on 127.0.0.1 (this machine only) and rebuild it whenever a data or "
        "archive file in the data's folder is saved; the open page reloads itself and keeps its view. When the "
        "data has problems, the page lists them instead. Ctrl-C stops the server.",
    )
    _data_argument(parser)
    parser.add_argument("--port", type=_port, default=8000, help="the port (default: 8000; 0 picks a free one)")
    parser.add_argument("--layout", choices=LAYOUTS, default="graph", help="graph or timeline (default: graph)")
    parser.add_argument("--title", help="the page title (default: the data set's name)")
    parser.add_argument("--open", action="store_true", help="open the page in the default web browser")
    parser.set_defaults(command=run_serve)


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)")
    return int(text)


def run_serve(args: argparse.Namespace) -> int:
    """``claimgraph serve``: the live preview, until Ctrl-C."""
    preview = PreviewServer(
        args.path, port=args.port, layout=args.layout, title=args.title, log=lambda line: print(line, flush=True)
    )
    try:
        print(f"serving {args.path} at {preview.url} (Ctrl-C to stop)", flush=True)
        if args.open:
            webbrowser.open(preview.url)
        preview.run()
    except KeyboardInterrupt:  # Ctrl-C before serving began
        preview.close()
    print("stopped", flush=True)
    return 0


def default_page_path(data_path: Path, name: str) -> Path:
    """Where ``build`` writes by default: an ``out`` folder next to the data.

    >>> default_page_path(Path("data/claims.yaml"), "claims")
    PosixPath('data/out/claims.html')
    """
    folder = data_path if data_path.is_dir() else data_path.parent
    return folder / "out" / f"{name}.html"


def _emit(text: str, output: Path | None, stdout: TextIO | None = None) -> None:
    if output is None:
        (stdout or sys.stdout).write(text)
    else:
        write_text_atomic(output, text)
        print(f"wrote {output}", file=sys.stderr)


def _print_warnings(warnings: Sequence[Problem]) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)


def _report_data_error(exc: DataError) -> int:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    errors = sum(1 for p in exc.problems if p.severity == "error")
    files = sorted({p.file for p in exc.problems if p.severity == "error"})
    print(f"Error: {errors} problem{'s' if errors != 1 else ''} in {', '.join(files)}", file=sys.stderr)
    return 1
