"""The ``claimgraph`` command: parse options, call one library function, print, exit.

Exit codes: 0 success, 1 the data or an output has problems, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import io
import sys
import webbrowser
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from .aif import read_aif
from .build import build_graph
from .errors import ClaimgraphError, DataError, OutputError, Problem
from .exports import EXPORTS, FORMATS, write_export
from .files import same_file, write_text_atomic
from .load import Dataset, read_dataset
from .querycli import add_query_parser
from .render import LAYOUTS, write_html
from .schema import json_schema_text

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
    _add_import(sub)
    _add_schema(sub)
    _add_build(sub)
    add_query_parser(sub)
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
    formats = "; ".join(f"{name}: {export.summary}" for name, export in EXPORTS.items())
    parser = sub.add_parser(
        "export",
        help="write the graph as JSON, GraphML, GEXF, AIF or a Neo4j folder",
        description=f"Write the graph in another format ({formats}). One-file formats go to standard output "
        "unless -o is given; neo4j writes a folder, named with -o DIR.",
    )
    parser.add_argument("--format", "-f", choices=FORMATS, default="json", help="output format (default: json)")
    _data_argument(parser)
    parser.add_argument("-o", "--output", type=Path, help="write to this file (a folder for neo4j)")
    parser.set_defaults(command=run_export)


def run_export(args: argparse.Namespace) -> int:
    """``claimgraph export``: the graph in another format."""
    written = write_export(build_graph(read_dataset(args.path)), args.format, args.output, sys.stdout)
    if written and EXPORTS[args.format].folder:
        print(f"wrote {args.output}: {', '.join(p.name for p in written)}", file=sys.stderr)
    elif written:
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _add_import(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "import",
        help="turn an AIF analysis (AIFdb, OVA) into claim records",
        description="Turn an analysis in another format into claim records (YAML), listing what has no place in them.",
    )
    formats = parser.add_subparsers(title="formats", metavar="FORMAT", required=True)
    aif = formats.add_parser(
        "aif",
        help="an AIF JSON analysis, as AIFdb, OVA or claimgraph export --format aif write it",
        description="Turn an AIF JSON analysis into claim records that validate; AIF nodes that have no place "
        "in the records are listed on standard error and at the top of the output.",
    )
    aif.add_argument("file", type=Path, help="the AIF JSON file")
    aif.add_argument("-o", "--output", type=Path, help="write the YAML here instead of standard output")
    aif.set_defaults(command=run_import_aif)


def run_import_aif(args: argparse.Namespace) -> int:
    """``claimgraph import aif``: AIF JSON in, claim records out."""
    if args.output is not None and same_file(args.output, args.file):
        raise OutputError(f"-o {args.output} is the AIF file being read; name another file")
    result = read_aif(args.file)
    _emit(result.yaml(), args.output)
    print(f"{args.file}: imported {result.summary()}", file=sys.stderr)
    for item in result.unplaced:
        print(f"  no place: {item}", file=sys.stderr)
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
