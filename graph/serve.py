"""``claimgraph serve``: a live preview of the explorer, rebuilt whenever a data or archive file is saved.

The server listens on 127.0.0.1 only and answers two addresses: ``/``, the page as last built, and
``/__claimgraph/build``, which the page asks (a long poll) whether a newer build exists; then it
reloads itself, keeping its view (see ``assets/serve.js``). Every other address is 404: no listing,
no files. When the data has problems, ``/`` is a page listing them (``file:line:col``, message and
hint, as text) instead of a stale graph. watchfiles reports saved files.

>>> import tempfile, shutil, pathlib, urllib.request
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = shutil.copy("tests/fixtures/mini.yaml", folder), shutil.copy("tests/fixtures/mini-article.txt", folder)
>>> preview = PreviewServer(folder / "mini.yaml", port=0, log=lambda line: None)
>>> preview.start()
>>> page = urllib.request.urlopen(preview.url).read().decode()
>>> "claimgraph-data" in page, "/__claimgraph/build" in page
(True, True)
>>> preview.close()
"""

from __future__ import annotations

import errno
import http.server
import json
import os
import threading
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jinja2
import watchfiles

from .build import build_graph
from .errors import ClaimgraphError, DataError, Problem, ServeError
from .load import read_dataset
from .render import ASSETS, Layout, render_html

HOST = "127.0.0.1"
"""The loopback address: the preview is never reachable from another machine."""

BUILD_PATH = "/__claimgraph/build"
LONG_POLL_SECONDS = 25.0
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'"
)
"""The page needs its own inline script and style and asks only this server; nothing else may load."""

Log = Callable[[str], None]


class Preview:
    """The page as last built and its build number, which grows by one on every rebuild."""

    def __init__(self, path: Path, *, layout: Layout = "graph", title: str | None = None) -> None:
        self.path = path
        self.layout: Layout = layout
        self.title = title
        self.build = 0
        self.page = b""
        self.problems: list[Problem] = []
        self.closed = False
        self.changed = threading.Condition()

    def rebuild(self) -> str:
        """Read, validate and render the data again; return a one-line status."""
        self.problems = []
        try:
            G = build_graph(read_dataset(self.path))
            html = render_html(G, layout=self.layout, title=self.title)
            status = f"OK ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)"
        except DataError as exc:
            self.problems = [p for p in exc.problems if p.severity == "error"]
            html = problems_page(self.path, self.problems)
            status = f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}, shown on the page"
        except (ClaimgraphError, OSError) as exc:
            self.problems = [Problem(str(self.path), 1, 1, "", str(exc), "check the path")]
            html = problems_page(self.path, self.problems)
            status = f"problem: {exc}"
        with self.changed:
            self.build += 1
            self.page = with_live_reload(html, self.build).encode("utf-8")
            self.changed.notify_all()
        return status

    def wait_for_build(self, after: int, timeout: float) -> int:
        """The build number once it is past ``after``, or after ``timeout`` seconds, or at close."""
        with self.changed:
            self.changed.wait_for(lambda: self.build != after or self.closed, timeout=timeout)
            return self.build

    def close(self) -> None:
        with self.changed:
            self.closed = True
            self.changed.notify_all()


def with_live_reload(html: str, build: int) -> str:
    """The page with the script that reloads it after a rebuild, placed before the explorer's own script.

    >>> with_live_reload("<html><head></head><body></body></html>", 3).count("claimgraphBuild = 3")
    1
    """
    script = f"<script>window.claimgraphBuild = {int(build)};\n{_asset('serve.js')}</script>\n"
    return html.replace("</head>", script + "</head>", 1)


def problems_page(path: Path, problems: list[Problem]) -> str:
    """A page listing the data's problems, each as text: location, where, message and hint.

    >>> page = problems_page(Path("c.yaml"), [Problem("c.yaml", 2, 5, "claims[0]", "unknown field '<b>'")])
    >>> "c.yaml:2:5" in page, "&lt;b&gt;" in page, "<b>" in page
    (True, True, False)
    """
    return _problems_template().render(path=str(path), problems=problems)


@lru_cache(maxsize=1)
def _problems_template() -> jinja2.Template:
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(_asset("problems.html"))


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


class _Handler(http.server.BaseHTTPRequestHandler):
    preview: Preview
    hosts: frozenset[str]
    server_version = "claimgraph"
    sys_version = ""

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, *, send_body: bool) -> None:
        if self.headers.get("Host", "") not in self.hosts:  # a page elsewhere cannot reach us through DNS rebinding
            self._send(403, "text/plain; charset=utf-8", b"forbidden\n", send_body)
            return
        address = urlsplit(self.path)
        if address.path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", self.preview.page, send_body)
        elif address.path == BUILD_PATH:
            after = _int(parse_qs(address.query).get("after", ["-1"])[0])
            build = self.preview.wait_for_build(after, LONG_POLL_SECONDS) if send_body else self.preview.build
            self._send(200, "application/json", json.dumps({"build": build}).encode(), send_body)
        else:
            self._send(
                404, "text/plain; charset=utf-8", b"not found: claimgraph serve shows only the page at /\n", send_body
            )

    def _send(self, status: int, content_type: str, body: bytes, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per rebuild is what the terminal needs, not one per request


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return -1


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


class PreviewServer:
    """The preview: the server bound to 127.0.0.1, the first build done, the watcher ready to start.

    Raises :class:`ServeError` when the port is in use or cannot be bound.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        port: int = 8000,
        layout: Layout = "graph",
        title: str | None = None,
        log: Log = print,
    ) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise ServeError(f"{self.path}: no such file or folder; give a claims file or a folder of .yaml files")
        self.log = log
        self.preview = Preview(self.path, layout=layout, title=title)
        self.stop = threading.Event()
        self.server = _bind(port)
        bound = self.server.server_address[1]
        handler = type(
            "Handler",
            (_Handler,),
            {"preview": self.preview, "hosts": frozenset({f"{HOST}:{bound}", f"localhost:{bound}"})},
        )
        self.server.RequestHandlerClass = handler
        self.port = bound
        self._report(self.preview.rebuild())
        self.threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    @property
    def folder(self) -> Path:
        """What is watched: the data's folder, where its files and archived texts are."""
        return self.path if self.path.is_dir() else self.path.parent

    def start(self) -> None:
        """Serve and watch in background threads (for tests and notebooks); :meth:`close` stops both."""
        self._start_watching()
        thread = threading.Thread(target=self.server.serve_forever, name="claimgraph-serve", daemon=True)
        thread.start()
        self.threads.append(thread)

    def run(self) -> None:
        """Serve until Ctrl-C, then stop cleanly."""
        self._start_watching()
        try:
            self.server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            self.close()

    def close(self) -> None:
        self.stop.set()
        self.preview.close()
        if any(t.name == "claimgraph-serve" for t in self.threads):
            self.server.shutdown()
        self.server.server_close()
        for thread in self.threads:
            thread.join(timeout=5)

    def _start_watching(self) -> None:
        thread = threading.Thread(target=self._watch, name="claimgraph-watch", daemon=True)
        thread.start()
        self.threads.append(thread)

    def _watch(self) -> None:
        ignore = watchfiles.DefaultFilter(ignore_dirs=(*watchfiles.DefaultFilter.ignore_dirs, "out"))

        def relevant(change: watchfiles.Change, name: str) -> bool:
            return ignore(change, name) and not Path(name).name.startswith(".")

        try:
            for _ in watchfiles.watch(
                self.folder,
                watch_filter=relevant,
                stop_event=self.stop,
                debounce=400,
                step=30,
                rust_timeout=500,
                raise_interrupt=False,
            ):
                self._report(self.preview.rebuild())
        except (OSError, RuntimeError) as exc:  # the folder was removed or became unreadable
            self.log(f"stopped watching {self.folder}: {exc}; restart claimgraph serve")

    def _report(self, status: str) -> None:
        self.log(f"{time.strftime('%H:%M:%S')} built {self.path}: {status}")
        for problem in self.preview.problems:
            self.log(str(problem))


def _bind(port: int) -> _Server:
    try:
        return _Server((HOST, port), _Handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(
                f"port {port} on {HOST} is in use; stop the program using it or choose another port with --port"
            ) from None
        raise ServeError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}") from None
