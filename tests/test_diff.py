"""``claimgraph diff``: two versions of a data set, from disk or from git, compared by record and by answer."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from support import ROOT

import graph
from graph.cli import main
from graph.diff import ANSWERS, diff_datasets

FIXTURES = ROOT / "tests" / "fixtures"
OLD, NEW = FIXTURES / "mini.yaml", FIXTURES / "mini-revised.yaml"


def test_records_are_compared_field_by_field() -> None:
    change = diff_datasets(graph.read_dataset(OLD), graph.read_dataset(NEW))
    summary = [(r.change, r.id, [(f.field, f.old, f.new) for f in r.fields]) for r in change.records]
    assert summary == [
        ("changed", "blue-denies-training", [("date_note", None, "Answered the same day the article appeared.")]),
        (
            "changed",
            "field-source-support",
            [("kind", "corroboration", "accusation"), ("responds_to", [{"supports": "general-a-training"}], None)],
        ),
        ("added", "blue-denies-supplies", []),
    ]


def test_answers_that_changed_are_listed_per_question() -> None:
    change = diff_datasets(graph.read_dataset(OLD), graph.read_dataset(NEW))
    assert [(a.answer, a.key, a.old, a.new) for a in change.answers] == [
        ("status", "field-source-support", None, "disputed since 2017-10-09"),
        ("independent origins", "general-a-training", "2: red-ministry, field-source", "1: red-ministry"),
        ("independent origins", "field-source-support", None, "1: field-source"),
        ("grounded label", "field-source-support", "in", "out"),
        ("grounded label", "blue-denies-supplies", None, "in"),
    ]


def test_a_version_compared_with_itself_has_no_changes() -> None:
    data = graph.read_dataset(ROOT / "data" / "claims.yaml")
    change = diff_datasets(data, data)
    assert change.records == [] and change.answers == []


def test_every_declared_answer_runs_on_the_shipped_data(shipped_graph: object) -> None:
    for answer in ANSWERS:
        assert answer.compute(shipped_graph), answer.name  # type: ignore[arg-type]


def test_json_output_has_stable_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(OLD), str(NEW), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["old", "new", "records", "answers"]
    assert data["records"][2] == {"change": "added", "section": "claims", "id": "blue-denies-supplies", "fields": []}
    assert data["answers"][3] == {"answer": "grounded label", "key": "field-source-support", "old": "in", "new": "out"}


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "HOME": str(cwd),
            "PATH": "/usr/bin:/bin",
        },
    )


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose data/ folder holds mini.yaml in one commit and its revision in the next."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "mini-article.txt", data)
    shutil.copy(OLD, data / "claims.yaml")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    shutil.copy(NEW, data / "claims.yaml")
    git(tmp_path, "commit", "-qam", "second")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("HEAD~1:data/claims.yaml", "HEAD:data/claims.yaml"),
        ("HEAD~1:data", "data"),
        ("HEAD~1:./data/claims.yaml", "data/claims.yaml"),
    ],
)
def test_git_revisions_are_read_with_their_archives(
    repository: Path, capsys: pytest.CaptureFixture[str], old: str, new: str
) -> None:
    assert main(["diff", old, new]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "records: 1 added, 0 removed, 2 changed; answers: 5 changed"


def test_problems_in_a_revision_are_placed_at_rev_path(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repository / "data" / "claims.yaml").write_text("claims:\n  - id: c1\n    claimaint: a\n", encoding="utf-8")
    git(repository, "commit", "-qam", "broken")
    assert main(["diff", "HEAD:data/claims.yaml", "HEAD~1:data/claims.yaml"]) == 1
    err = capsys.readouterr().err
    assert "HEAD:data/claims.yaml:3:5: claims[0].claimaint: unknown field 'claimaint'" in err
    assert err.splitlines()[-1] == "Error: 4 problems in HEAD:data/claims.yaml"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("HEAD~5:data/claims.yaml", "Error: HEAD~5:data/claims.yaml is neither a path on disk nor a git revision:path"),
        ("HEAD:data/nothing.yaml", "Error: HEAD:data/nothing.yaml is neither a path on disk nor a git revision:path"),
    ],
)
def test_unknown_revisions_are_clear_errors(
    repository: Path, capsys: pytest.CaptureFixture[str], spec: str, message: str
) -> None:
    assert main(["diff", spec, "data"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and "Traceback" not in err


def test_a_binary_or_missing_version_is_reported_at_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "blob.yaml"
    binary.write_bytes(b"\x00\x01\x02claims")
    assert main(["diff", str(binary), str(tmp_path / "missing.yaml")]) == 1
    err = capsys.readouterr().err
    assert f"{binary}:1:1:" in err and "Traceback" not in err
