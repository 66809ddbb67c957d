"""The command line: the exact text users see, and exit codes."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from support import MINI, ROOT

from graph.cli import main, make_parser

BAD = """\
actors:
  - {id: a, name: A, kind: person}
sources:
  - {id: doc, title: T}
claims:
  - id: c1
    claimant: b
    kind: accusation
    text: x
    reports: [doc]
    tags: [x]
    tags: [y]
"""


def test_validate_prints_a_one_line_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MINI)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{MINI}: OK: 7 actors, 3 claims, 1 source, 1 place, 2 responses\n"
    assert err == ""


def test_validate_lists_every_problem_and_fails(
    write_yaml: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_yaml(BAD)
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"{path}:7:15: claims[0].claimant: unknown actor 'b'\n"
        "    hint: declare it under 'actors:' or fix the id\n"
        f"{path}:12:5: claims[0].tags: duplicate key 'tags' (first written at line 11); "
        "YAML readers silently keep only the last one\n"
        "    hint: keep one of the two and delete the other\n"
        f"Error: 2 problems in {path}\n"
    )


def test_validate_prints_warnings_and_succeeds(
    write_yaml: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        BAD.replace("claimant: b", "claimant: a").replace("    tags: [y]\n", "")
        + """\
    date: 2017-10-06
  - id: c2
    claimant: a
    kind: denial
    text: y
    date: 2017-10-01
    reports: [doc]
    responds_to: [{denies: c1}]
"""
    )
    path = write_yaml(text)
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.endswith(": OK: 1 actor, 2 claims, 1 source, 0 places, 1 response\n")
    assert f"{path}:19:28: claims[1].responds_to[0].denies: warning: this denial is dated 2017-10-01" in err


def test_export_json_writes_node_link_data_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "json", str(MINI)]) == 0
    data = json.loads(capsys.readouterr().out)
    G = nx.node_link_graph(data, edges="edges")
    assert G.nodes["general-a-training"]["claimant"] == "general-a"


def test_export_to_file_reports_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "sub" / "g.graphml"
    assert main(["export", "-f", "graphml", str(MINI), "-o", str(target)]) == 0
    assert capsys.readouterr().err == f"wrote {target}\n"
    assert nx.read_graphml(target).number_of_nodes() == 12


def test_bad_data_leaves_an_existing_output_untouched(write_yaml: Callable[[str, str], Path], tmp_path: Path) -> None:
    target = tmp_path / "g.json"
    target.write_text("previous", encoding="utf-8")
    assert main(["export", str(write_yaml(BAD)), "-o", str(target)]) == 1
    assert target.read_text(encoding="utf-8") == "previous"


def test_schema_command_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == (ROOT / "schema" / "claims.schema.json").read_text(encoding="utf-8")


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err


def _commands() -> list[str]:
    parser = make_parser()
    return sorted(next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices)


def test_the_cli_has_the_documented_commands() -> None:
    assert _commands() == ["build", "diff", "draft", "export", "import", "query", "schema", "serve", "validate"]


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert "usage: claimgraph " + command in capsys.readouterr().out


def test_console_script_and_module_are_the_same_cli() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    module = subprocess.run(
        [sys.executable, "-m", "graph", "validate", str(MINI)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    expected = f"{MINI}: OK: 7 actors, 3 claims, 1 source, 1 place, 2 responses\n"
    assert (module.returncode, module.stdout) == (0, expected)


def test_the_command_leaves_with_its_output_flushed_and_its_exit_code(tmp_path: Path) -> None:
    """``claimgraph`` exits without tearing its objects down, so everything must be written before it goes.

    Output to a pipe is block-buffered unless PYTHONUNBUFFERED says otherwise, so it is left out here.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"} | {"PYTHONPATH": str(ROOT)}

    def command(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "graph", *args], capture_output=True, text=True, env=env, cwd=ROOT, check=False
        )

    checked = command("validate", str(MINI))
    assert (checked.returncode, checked.stdout) == (
        0,
        f"{MINI}: OK: 7 actors, 3 claims, 1 source, 1 place, 2 responses\n",
    )
    page = command("build", str(MINI), "-o", "-")
    assert page.returncode == 0
    assert page.stdout.startswith("<!DOCTYPE html>") and page.stdout.rstrip().endswith("</html>")
    bad = tmp_path / "bad.yaml"
    bad.write_text("claims: [\n", encoding="utf-8")
    failed = command("validate", str(bad))
    assert failed.returncode == 1
    assert failed.stderr.endswith(f"Error: 1 problem in {bad}\n")


def test_a_reader_that_goes_away_is_no_error() -> None:
    """``claimgraph build -o - | head -c 15``: no "Exception ignored" complaint and a clean exit."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    build = subprocess.Popen(
        [sys.executable, "-m", "graph", "build", str(MINI), "-o", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    assert build.stdout is not None and build.stderr is not None
    with build.stdout, build.stderr:
        assert build.stdout.read(15) == b"<!DOCTYPE html>"
        build.stdout.close()
        assert build.wait(timeout=120) == 0
        assert b"Exception ignored" not in build.stderr.read()


def test_build_open_says_so_when_no_browser_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("webbrowser.open", lambda url: False)
    assert main(["build", str(MINI), "-o", str(tmp_path / "p.html"), "--open"]) == 0
    uri = (tmp_path / "p.html").resolve().as_uri()
    assert capsys.readouterr().err.endswith(
        f"— open it in a browser\ncould not start a web browser; open {uri} yourself\n"
    )


def test_validate_lists_200_warnings_and_counts_the_rest(
    write_yaml: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    answered = "  - {id: c0, claimant: a, kind: accusation, text: x, reports: [doc], date: 2017-10-06}\n"
    denial = "  - {{id: d{0}, claimant: a, kind: denial, text: x, reports: [doc], date: 2017-10-01,"
    denial += " responds_to: [denies: c0]}}\n"
    path = write_yaml(BAD.split("claims:")[0] + "claims:\n" + answered + "".join(denial.format(i) for i in range(210)))
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err.count(": warning: this denial is dated 2017-10-01") == 200
    assert err.endswith("\n... and 10 more problems (first 200 shown)\n")
    assert out == f"{path}: OK: 1 actor, 211 claims, 1 source, 0 places, 210 responses\n"
