"""The ``claimgraph`` command: parse options, call one library function, print, exit.

Exit codes: 0 success, 1 the data or an output has problems, 2 wrong usage,
128 + N when signal N (SIGTERM, SIGHUP; Ctrl-C is 130) stopped it.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import json
import os
import signal
import sys
import threading
import webbrowser
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import NoReturn

from . import raster
from .aif import read_aif
from .build import build_graph
from .dataset import Dataset
from .diff import DataDiff, diff_datasets, shown_values, value_text
from .draft import draft_text, read_document
from .errors import ClaimgraphError, DataError, OutputError, omitted_note
from .exports import EXPORTS, FORMATS
from .files import (
    STANDARD_OUTPUT,
    output_path,
    refuse_overwriting,
    write_bytes_atomic,
    write_files_atomic,
    write_new_text,
    write_standard_output,
    write_standard_output_bytes,
    write_text_atomic,
)
from .load import read_dataset
from .picture import render_svg
from .querycli import add_query_parser, table, text_option
from .raster import DEFAULT_SCALE, MAX_SCALE, Png, render_png
from .render import LAYOUTS, render_html
from .revisions import read_version
from .schema import json_schema_text
from .serve import PreviewServer
from .text import printable
from .types import ClaimGraph

DEFAULT_DATA = "data/claims.yaml"

SCHEMA_NAME = "claims.schema.json"
"""The file ``schema -o FOLDER`` writes in the folder."""

Command = Callable[[argparse.Namespace], int]


def run() -> NoReturn:
    """The ``claimgraph`` command: :func:`main`, then leave at once without freeing its objects one by one.

    A build of 20,000 claims holds most of a gigabyte in small objects, and an
    interpreter that tears them down at exit spent over a second doing it
    after the page was written (mypy leaves the same way). Output is flushed
    first; every file is already written and closed by then.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # None: the command was started with that stream closed
            with contextlib.suppress(OSError, ValueError):  # the reader went away, or the stream is closed
                stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    _tolerate_narrow_terminals()
    parser = make_parser()
    args = parser.parse_args(argv)
    command: Command = args.command
    try:
        with _signals_as_exceptions():
            return command(args)
    except DataError as exc:
        return _report_data_error(exc)
    except ClaimgraphError as exc:
        print(f"Error: {printable(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Signalled as exc:
        return 128 + exc.signum
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`); nothing more to say
        return 0
    finally:
        _drop_unwritable_output()


class Signalled(BaseException):
    """SIGTERM or SIGHUP arrived. Raised like Ctrl-C's KeyboardInterrupt, so that a write in
    progress unwinds and removes its temporary file, and the command exits 128 + ``signum``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_signalled(signum: int, frame: FrameType | None) -> None:
    raise Signalled(signum)


@contextlib.contextmanager
def _signals_as_exceptions() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into :class:`Signalled` while a command runs (unless ignored, as by ``nohup``)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers
        return
    wanted = [s for s in (signal.SIGTERM, signal.SIGHUP) if signal.getsignal(s) is not signal.SIG_IGN]
    previous = {s: signal.signal(s, _raise_signalled) for s in wanted}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _drop_unwritable_output() -> None:
    """When standard output failed (a full disk), send what is left in its buffer to /dev/null,
    so that Python's own flush at exit does not fail again with 'Exception ignored ...'."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        stream.flush()
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


def _tolerate_narrow_terminals() -> None:
    """Print what the terminal cannot show as escapes instead of failing: '→' and non-Latin names
    under an ASCII or Latin-1 locale, and a file name's bytes that are not UTF-8 as ``\\xff``."""
    codecs.register_error(_ESCAPE, _escape_unprintable)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=_ESCAPE)


_ESCAPE = "claimgraph.escape"


def _escape_unprintable(error: UnicodeError) -> tuple[str, int]:
    """``'\\udcff'`` (the byte 0xff of a file name that is not UTF-8) as ``\\xff``; others as ``\\u2192``."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    shown = "".join(
        f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else c.encode("ascii", "backslashreplace").decode()
        for c in bad
    )
    return shown, error.end


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
    _print_warnings(data)
    write_standard_output(f"{printable(args.path)}: OK: {summary(data)}\n")
    return 0


def summary(data: Dataset) -> str:
    """``'12 actors, 30 claims, 5 sources, 4 places, 9 responses'``, with propositions and evidence if any."""
    counts = [
        (len(data.actors), "actor", "actors"),
        (len(data.claims), "claim", "claims"),
        (len(data.propositions), "proposition", "propositions"),
        (len(data.evidence), "evidence item", "evidence items"),
        (len(data.sources), "source", "sources"),
        (len(data.places), "place", "places"),
        (data.response_count, "response", "responses"),
    ]
    optional = {"proposition", "evidence item"}
    return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n or one not in optional)


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
    _output_option(
        parser, "write to this file instead of standard output (a folder: NAME.FORMAT in it; neo4j: the folder)"
    )
    parser.set_defaults(command=run_export)


def run_export(args: argparse.Namespace) -> int:
    """``claimgraph export``: the graph in another format."""
    data = read_dataset(args.path)
    G = build_graph(data)
    export = EXPORTS[args.format]
    files = export.write(G)
    if not export.folder:
        (text,) = files.values()
        _emit(text, _target(args.output, f"{G.graph['name']}.{args.format}", data.input_paths()))
        return 0
    if args.output in (None, STANDARD_OUTPUT):
        raise OutputError(f"--format {args.format} writes a folder of files; name it with -o DIR")
    for name in files:
        refuse_overwriting(Path(args.output) / name, data.input_paths())
    written = write_files_atomic(args.output, files)
    print(f"wrote {printable(str(args.output))}: {', '.join(p.name for p in written)}", file=sys.stderr)
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
    _output_option(aif, "write the YAML to this file instead of standard output")
    aif.set_defaults(command=run_import_aif)


def run_import_aif(args: argparse.Namespace) -> int:
    """``claimgraph import aif``: AIF JSON in, claim records out."""
    target = _target(args.output, f"{args.file.stem}.yaml", [args.file])
    result = read_aif(args.file)
    _emit(result.yaml(), target)
    print(f"{printable(str(args.file))}: imported {result.summary()}", file=sys.stderr)
    for item in result.unplaced:
        print(f"  no place: {item}", file=sys.stderr)
    return 0


def _add_schema(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "schema",
        help="print the JSON Schema of the claims format",
        description="Print the JSON Schema of the claims format, for editors.",
    )
    _output_option(parser, f"write to this file instead of standard output (a folder: {SCHEMA_NAME} in it)")
    parser.set_defaults(command=run_schema)


def run_schema(args: argparse.Namespace) -> int:
    """``claimgraph schema``: the JSON Schema for editors."""
    _emit(json_schema_text(), _target(args.output, SCHEMA_NAME, ()))
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
    _output_option(parser, "write the page here (default: out/NAME.html next to the data; a folder: NAME.html in it)")
    parser.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="graph",
        help="graph: who is linked to whom; timeline: claims by date, left to right (default: graph)",
    )
    parser.add_argument("--title", type=text_option, help="the page title (default: the data set's name)")
    parser.add_argument(
        "--format",
        choices=("html", "svg", "png"),
        default="html",
        help="html: the interactive page; svg or png: a still picture of the whole graph for reports (default: html)",
    )
    parser.add_argument(
        "--scale",
        type=scale_option,
        help=f"png: pixels per unit of the picture (default: {DEFAULT_SCALE:g}, crisp in print; "
        f"at most {raster.MAX_PIXELS / 1_000_000:g} million pixels in all, a bigger graph gets a smaller scale)",
    )
    parser.add_argument("--open", action="store_true", help="open the page in the default web browser")
    parser.set_defaults(command=run_build)


def run_build(args: argparse.Namespace) -> int:
    """``claimgraph build``: write the explorer page and say where it is."""
    if args.open and args.output == STANDARD_OUTPUT:
        args.parser.error("--open needs a file to open; -o - writes the page to standard output")
    if args.scale is not None and args.format != "png":
        args.parser.error("--scale sizes a PNG; add --format png")
    G, inputs = _warned_graph(args.path)
    name = G.graph.get("name") or "claims"
    output = args.output or str(default_page_path(Path(args.path), name).with_suffix(f".{args.format}"))
    target = _target(output, f"{name}.{args.format}", inputs)
    counts = f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges"
    if args.format == "png":
        png = render_png(G, layout=args.layout, title=args.title, scale=args.scale or DEFAULT_SCALE)
        _emit_png(png, target, counts)
    else:
        render = render_svg if args.format == "svg" else render_html
        _emit(render(G, layout=args.layout, title=args.title), target, f" ({counts}) — open it in a browser")
    if target is not None and args.open and not webbrowser.open(target.resolve().as_uri()):
        print(f"could not start a web browser; open {target.resolve().as_uri()} yourself", file=sys.stderr)
    return 0


def _warned_graph(path: str) -> tuple[ClaimGraph, list[Path]]:
    """The graph of the data at ``path`` (its warnings printed) and the files it was read from.

    The validated records are let go here: the graph holds all a page needs, and at 20,000 claims the
    records are a seventh of the memory a build peaks at.
    """
    data = read_dataset(path)
    _print_warnings(data)
    return build_graph(data), data.input_paths()


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


def scale_option(value: str) -> float:
    """``--scale``: a number above 0 and at most :data:`graph.raster.MAX_SCALE`.

    >>> scale_option("1.5")
    1.5
    """
    try:
        scale = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number; try 2") from None
    if not 0 < scale <= MAX_SCALE:
        raise argparse.ArgumentTypeError(f"{value} is out of range; choose a scale above 0 and at most {MAX_SCALE:g}")
    return scale


def _output_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help=f"{help_text}; - for standard output")
    parser.set_defaults(parser=parser)


def _target(output: str | None, default_name: str, inputs: Sequence[Path]) -> Path | None:
    """The file ``-o`` names (None: standard output), refused if writing it would destroy an input."""
    if output is None or output == STANDARD_OUTPUT:
        return None
    target = output_path(output, default_name)
    refuse_overwriting(target, inputs)
    return target


def _emit(text: str, target: Path | None, note: str = "") -> None:
    """Write the text to standard output (None) or to the file, saying where on standard error."""
    if target is None:
        write_standard_output(text)
    else:
        write_text_atomic(target, text)
        print(f"wrote {target}{note}", file=sys.stderr)


def _emit_png(png: Png, target: Path | None, counts: str) -> None:
    """Write the PNG to standard output (None) or to the file, saying where, how big, and if it was scaled down."""
    if target is None:
        write_standard_output_bytes(png.data)
    else:
        write_bytes_atomic(target, png.data)
        print(f"wrote {target} ({counts}; {png.width} x {png.height} pixels, scale {png.scale:g})", file=sys.stderr)
    if png.capped:
        print(
            f"note: drawn at scale {png.scale:g}, not {png.requested_scale:g}, to stay within "
            f"{raster.MAX_PIXELS / 1_000_000:g} million pixels and {raster.MAX_SIDE:,} pixels a side",
            file=sys.stderr,
        )


def _print_warnings(data: Dataset) -> None:
    for warning in data.warnings:
        print(warning, file=sys.stderr)
    if data.omitted_warnings:
        print(omitted_note(data.omitted_warnings, len(data.warnings)), file=sys.stderr)


def _report_data_error(exc: DataError) -> int:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    if exc.omitted:
        print(omitted_note(exc.omitted, len(exc.problems), complete=exc.complete), file=sys.stderr)
    count = f"{'' if exc.complete else 'at least '}{exc.error_count:,} problem{'s' if exc.error_count != 1 else ''}"
    print(f"Error: {count} in {', '.join(printable(f) for f in exc.files)}", file=sys.stderr)
    return 1
