"""The documentation cannot rot: its YAML validates, its console sessions print what they show,
and every command is documented."""

from __future__ import annotations

import contextlib
import re
import shlex
from pathlib import Path

import pytest
from support import ROOT

import graph
from graph.cli import main, make_parser

DOCS = [ROOT / "README.md"]
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[tuple[Path, str]]:
    found = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        found += [(path, m.group(2)) for m in FENCE.finditer(text) if m.group(1) == language]
    return found


def _claims_examples() -> list[tuple[Path, str]]:
    return [(p, text) for p, text in blocks("yaml") if "claims:" in text or "actors:" in text]


@pytest.mark.parametrize(("path", "text"), _claims_examples(), ids=lambda v: v.name if isinstance(v, Path) else "")
def test_yaml_examples_in_the_docs_are_valid(path: Path, text: str) -> None:
    data = graph.parse_dataset(text, name=f"{path.name} example", folder=ROOT / "data")
    assert data.claims


def test_the_docs_have_a_full_yaml_example() -> None:
    full = [
        text
        for _, text in _claims_examples()
        if all(f"\n{s}:" in "\n" + text for s in ("sides", "actors", "places", "sources", "claims"))
    ]
    assert full, "the format section needs one example with every section"


def _sessions() -> list[tuple[str, str]]:
    sessions = []
    for _, text in blocks("console"):
        for chunk in re.split(r"^(?=\$ )", text, flags=re.MULTILINE):
            if chunk.startswith("$ claimgraph "):
                command, _, output = chunk.partition("\n")
                sessions.append((command[2:], output))
    return sessions


@pytest.mark.parametrize(("command", "expected"), _sessions(), ids=lambda v: v if v.startswith("claimgraph") else "")
def test_console_sessions_in_the_docs_print_what_they_show(
    command: str, expected: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Run as if in the project folder, but write any output files into a scratch copy of it.
    for name in ("data", "tests", "schema"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "120")
    with contextlib.suppress(SystemExit):
        main(shlex.split(command)[1:])
    out, err = capsys.readouterr()
    assert (out + err).rstrip("\n") == expected.rstrip("\n")


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    subparsers = next(a for a in make_parser()._actions if a.dest == "==SUPPRESS==" or a.choices)
    commands = sorted(subparsers.choices or {})
    assert commands, "no subcommands found"
    missing = [c for c in commands if f"claimgraph {c}" not in readme]
    assert missing == []


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_commands = re.findall(r"^\$ (\S+)", readme, re.MULTILINE)[:2]
    assert first_commands == ["./scripts/build", "./scripts/test"]
    assert (ROOT / "scripts" / "build").stat().st_mode & 0o111
    assert (ROOT / "scripts" / "test").stat().st_mode & 0o111


def test_readme_counts_of_the_shipped_data_are_current() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    data = graph.read_dataset(ROOT / "data" / "claims.yaml")
    kinds = [claim.kind for claim in data.claims.values()]
    expected = (
        f"It holds {len(data.actors)} actors, {len(data.places)} places, {len(data.sources)} sources and "
        f"{len(data.claims)} claims ({kinds.count('accusation')} accusations, {kinds.count('denial')} denials"
    )
    assert expected in readme
    assert f"linked by {data.response_count} responses" in readme
