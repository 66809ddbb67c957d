"""``claimgraph serve``: the live preview, over HTTP and end to end in headless Chromium."""

from __future__ import annotations

import http.client
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route
from support import ROOT

from graph.cli import main
from graph.serve import PreviewServer

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A scratch copy of the mini data set and its archived article."""
    shutil.copy(FIXTURES / "mini.yaml", tmp_path / "claims.yaml")
    shutil.copy(FIXTURES / "mini-article.txt", tmp_path)
    return tmp_path / "claims.yaml"


@pytest.fixture
def preview(data: Path) -> Iterator[PreviewServer]:
    server = PreviewServer(data, port=0, log=lambda line: None)
    server.start()
    yield server
    server.close()


def get(server: PreviewServer, path: str, host: str | None = None) -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    headers = {"Host": host} if host else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read().decode("utf-8")


def test_it_listens_on_the_loopback_address_only(preview: PreviewServer) -> None:
    assert preview.server.server_address[0] == "127.0.0.1" and preview.url.startswith("http://127.0.0.1:")


@pytest.mark.parametrize("path", ["/claims.yaml", "/mini-article.txt", "/../", "/out/", "/favicon.ico"])
def test_only_the_page_is_served(preview: PreviewServer, path: str) -> None:
    status, _, body = get(preview, path)
    assert (status, body) == (404, "not found: claimgraph serve shows only the page at /\n")


def test_the_page_is_served_uncached_with_a_strict_content_policy(preview: PreviewServer) -> None:
    status, headers, body = get(preview, "/")
    assert status == 200 and 'id="claimgraph-data"' in body and "window.claimgraphBuild = 1;" in body
    assert headers["Cache-Control"] == "no-store"
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_requests_for_another_host_name_are_refused(preview: PreviewServer) -> None:
    assert get(preview, "/", host="attacker.example:80")[0] == 403


def test_problems_replace_the_graph_as_text(preview: PreviewServer, data: Path) -> None:
    data.write_text(data.read_text(encoding="utf-8").replace("kind: denial", "kind: '<img src=x>'"), encoding="utf-8")
    preview.preview.rebuild()
    status, _, body = get(preview, "/")
    assert status == 200 and "claimgraph-data" not in body
    assert f'{data}:64:11</span> <span class="cg-where">claims[1].kind</span>: &#39;&lt;img src=x&gt;&#39;' in body
    assert "<img" not in body


def test_a_port_in_use_is_a_clear_error(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", str(data), "--port", str(port)]) == 1
    assert capsys.readouterr().err == (
        f"Error: port {port} on 127.0.0.1 is in use; stop the program using it or choose another port with --port\n"
    )


def test_a_bad_port_is_a_usage_error(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["serve", str(data), "--port", "99999"])
    assert info.value.code == 2 and "'99999' is not a port number (0-65535)" in capsys.readouterr().err


@pytest.fixture
def served(data: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``claimgraph serve`` in a process of its own, as a user runs it; its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", str(data), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None
    url = ""
    while not url:
        line = process.stdout.readline()
        assert line, process.stderr.read() if process.stderr else "the server stopped"
        if line.startswith("serving "):
            url = line.split(" at ")[1].split()[0]
    yield process, url
    if process.poll() is None:
        process.kill()
    process.communicate()


def test_ctrl_c_stops_the_server_cleanly(served: tuple[subprocess.Popen[str], str]) -> None:
    process, url = served
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0 and out.strip().endswith("stopped") and err == ""
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1].strip("/"))), 2):
        pass


def open_served(browser: Browser, url: str, *, bypass_csp: bool = True) -> tuple[Page, list[str]]:
    """The served page in a fresh tab that may talk to the preview server only; what went wrong is collected.

    The test's own probes (wait_for_function) are evaluated as strings, which the page's content policy
    forbids: they need ``bypass_csp``. A test without it checks that the page itself works under the policy.
    """
    page = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=bypass_csp).new_page()
    problems: list[str] = []

    def route(route: Route) -> None:
        if route.request.url.startswith(url):
            route.continue_()
        else:
            problems.append("request to " + route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(url)
    if bypass_csp:
        page.wait_for_function("window.claimgraph && window.claimgraph.ready === true", timeout=30_000)
    else:
        page.wait_for_selector("#cg-loading", state="hidden", timeout=30_000)
    return page, problems


@pytest.mark.browser
def test_the_page_draws_under_its_content_policy(browser: Browser, served: tuple[subprocess.Popen[str], str]) -> None:
    page, problems = open_served(browser, served[1], bypass_csp=False)
    assert page.inner_text("#cg-counts") == "12 nodes, 17 edges"
    assert problems == []


def wait_for_reload(page: Page, condition: str, started: float) -> float:
    """Seconds from ``started`` until the page was reloaded (its marker gone) and ``condition`` holds."""
    page.wait_for_function(f"!window.__beforeEdit && ({condition})", timeout=10_000, polling=20)
    return time.monotonic() - started


VIEW = "window.claimgraph.viewState()"


@pytest.mark.browser
def test_editing_breaking_and_fixing_the_data_updates_the_open_page_keeping_its_view(
    browser: Browser, served: tuple[subprocess.Popen[str], str], data: Path
) -> None:
    _, url = served
    page, problems = open_served(browser, url)
    page.evaluate("window.claimgraph.select('blue-denies-training')")
    page.click("#cg-filter-kinds input[value=accusation]")
    page.evaluate("window.claimgraph.network.moveTo({position: {x: 40, y: -30}, scale: 1.7})")
    before = page.evaluate(VIEW)
    assert before["selected"] == "blue-denies-training" and before["unchecked"]["cg-filter-kinds"] == ["accusation"]
    original = data.read_text(encoding="utf-8")

    page.evaluate("window.__beforeEdit = true")
    started = time.monotonic()
    data.write_text(original.replace("text: The Blue spokesperson denied", "text: Edited, Blue denied"), "utf-8")
    seconds = wait_for_reload(
        page,
        "window.claimgraph && window.claimgraph.ready && window.claimgraph.data.nodes.some("
        "(n) => n.info.text && n.info.text.startsWith('Edited, Blue denied'))",
        started,
    )
    print(f"the page updated {seconds:.2f} s after the save")
    assert seconds < 2.0, f"the page took {seconds:.2f} s to update"
    after = page.evaluate(VIEW)
    assert after["selected"] == "blue-denies-training" and after["unchecked"] == before["unchecked"]
    assert after["scale"] == pytest.approx(1.7) and after["position"] == pytest.approx(before["position"], abs=0.5)
    assert "Edited, Blue denied" in page.inner_text("#cg-details")

    page.evaluate("window.__beforeEdit = true")
    data.write_text(original.replace("kind: denial", "kind: denail"), "utf-8")
    wait_for_reload(page, "document.getElementById('cg-problems')", time.monotonic())
    shown = page.inner_text("#cg-problems")
    assert f"{data}:64:11 claims[1].kind: 'denail' is not an allowed value" in shown
    assert "hint: did you mean 'denial'?" in shown

    page.evaluate("window.__beforeEdit = true")
    data.write_text(original, "utf-8")
    wait_for_reload(page, "window.claimgraph && window.claimgraph.ready", time.monotonic())
    restored = page.evaluate(VIEW)
    assert restored["selected"] == "blue-denies-training" and restored["scale"] == pytest.approx(1.7)
    assert page.evaluate("document.querySelector('#cg-filter-kinds input[value=accusation]').checked") is False
    assert problems == []


@pytest.mark.browser
def test_a_draft_record_says_so_in_the_details_panel(browser: Browser, data: Path) -> None:
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("  - id: blue-denies-training\n", "  - id: blue-denies-training\n    draft: true\n"))
    server = PreviewServer(data, port=0, log=lambda line: None)
    server.start()
    try:
        page, problems = open_served(browser, server.url)
        page.evaluate("window.claimgraph.select('blue-denies-training')")
        assert "draft: not yet checked by a curator" in page.inner_text("#cg-details")
        page.evaluate("window.claimgraph.select('general-a-training')")
        assert "draft" not in page.inner_text("#cg-details .cg-meta")
        assert problems == []
    finally:
        server.close()


def test_a_missing_path_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nothing" / "claims.yaml"
    assert main(["serve", str(missing), "--port", "0"]) == 1
    assert capsys.readouterr().err == (
        f"Error: {missing}: no such file or folder; give a claims file or a folder of .yaml files\n"
    )
