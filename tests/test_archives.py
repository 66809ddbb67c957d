"""Archived texts named by an untrusted claims file: refused with a located error, never leaked,
never a traceback, never a false "not verbatim"."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import graph
from graph.errors import DataError, Problem

QUOTE = "the base is a black hole on the border"
SECRET = "token = ghp_s3cr3t"


def claims_citing(archive: str, quote: str = QUOTE) -> str:
    return (
        "actors: [{id: a, name: A, kind: person}]\n"
        f"sources:\n  - id: doc\n    title: A document\n    archive: {archive}\n"
        f"claims: [{{id: c1, claimant: a, kind: statement, text: T, reports: [doc], quote: '{quote}'}}]\n"
    )


def problems(folder: Path, archive: str, quote: str = QUOTE) -> list[Problem]:
    (folder / "claims.yaml").write_text(claims_citing(archive, quote), encoding="utf-8")
    with pytest.raises(DataError) as info:
        graph.read_dataset(folder / "claims.yaml")
    return info.value.problems


def only_problem(folder: Path, archive: str) -> tuple[str, str, str, str]:
    [problem] = problems(folder, archive)
    return problem.location.split(":", 1)[1], problem.where, problem.message, problem.hint


def test_a_hidden_file_is_refused_and_its_secret_never_shown(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(f"[remote]\n{SECRET} the base is a black hole\n", encoding="utf-8")
    [problem] = problems(tmp_path, ".git/config")
    assert (problem.location.split(":", 1)[1], problem.where) == ("5:14", "sources[0].archive")
    assert problem.message == (
        "the archive path goes through the hidden folder '.git'; claimgraph does not read hidden files"
    )
    assert problem.hint == (
        "hidden files and folders (.git, .env, ...) may hold secrets; "
        "keep archived texts in a visible folder such as sources/"
    )
    assert "s3cr3t" not in str(problem)


def test_a_link_to_a_hidden_file_is_refused_too(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(SECRET, encoding="utf-8")
    (tmp_path / "notes.txt").symlink_to(".env")
    assert only_problem(tmp_path, "notes.txt")[2] == (
        "the archive path goes through the hidden file '.env'; claimgraph does not read hidden files"
    )


@pytest.mark.parametrize(
    ("archive", "message", "hint"),
    [
        (
            "loop.txt",
            "the archived text cannot be opened: too many levels of symbolic links",
            "a symbolic link on the path leads back to itself; fix or remove the link",
        ),
        (
            "x" * 300 + ".txt",
            "the archived text cannot be opened: file name too long",
            "use shorter file and folder names (at most 255 bytes each)",
        ),
        (
            "sources",
            "the archive is a folder, not a file: {folder}/sources",
            "name the text file inside it, e.g. sources/doc.txt",
        ),
        (
            "pipe",
            "the archive is not a regular file: {folder}/pipe",
            "point at a saved text file; pipes and devices are not read",
        ),
        (
            "gone.txt",
            "archived text not found: {folder}/gone.txt",
            "the path is relative to the YAML file that declares the source",
        ),
    ],
    ids=["link loop", "long name", "folder", "pipe", "missing"],
)
def test_an_unusable_archive_is_one_located_error(tmp_path: Path, archive: str, message: str, hint: str) -> None:
    (tmp_path / "loop.txt").symlink_to("loop2.txt")
    (tmp_path / "loop2.txt").symlink_to("loop.txt")
    (tmp_path / "sources").mkdir()
    os.mkfifo(tmp_path / "pipe")  # reading it would wait forever
    assert only_problem(tmp_path, archive) == ("5:14", "sources[0].archive", message.format(folder=tmp_path), hint)


def test_an_unreadable_archive_is_a_located_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "doc.txt").write_text(QUOTE, encoding="utf-8")
    real_open = Path.open

    def refuse(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path.name == "doc.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)  # tests run as root, who may read anything
    assert only_problem(tmp_path, "doc.txt") == (
        "5:14",
        "sources[0].archive",
        "the archived text cannot be opened: permission denied",
        "make the file and its folders readable by the user running claimgraph",
    )


def test_an_archive_over_the_limit_is_refused_and_its_quotes_not_judged(tmp_path: Path) -> None:
    with (tmp_path / "big.txt").open("wb") as handle:
        handle.truncate(65 * 2**20)  # sparse: the quote would lie past the 64 MiB that used to be read
        handle.seek(65 * 2**20 - 100)
        handle.write(QUOTE.encode())
    assert only_problem(tmp_path, "big.txt") == (
        "5:14",
        "sources[0].archive",
        "the archived text is 65 MiB; claimgraph reads archived texts of up to 64 MiB, "
        "so quotes are not checked against it",
        "archive only the document's own text (not a whole site, or a PDF's or page's raw bytes)",
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_an_archive_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "doc.txt").write_text(f"He said {QUOTE}.", encoding=encoding)
    (tmp_path / "claims.yaml").write_text(claims_citing("doc.txt"), encoding="utf-8")
    assert graph.read_dataset(tmp_path / "claims.yaml").claims["c1"].quote == [QUOTE]


@pytest.mark.parametrize(
    ("content", "message", "hint"),
    [
        (
            f"He said {QUOTE}.".encode("utf-16-le"),
            "the archived text is UTF-16 without a byte-order mark, so quotes are not checked against it",
            "save it as UTF-8 (most editors offer it under 'Save with encoding')",
        ),
        (
            b"%PDF-1.7\n\x00\x01\x02 " + QUOTE.encode(),
            "the archived text contains NUL bytes: it is a binary file, not text, so quotes are not checked against it",
            "save the document's text as a UTF-8 .txt file",
        ),
    ],
    ids=["UTF-16 without BOM", "binary"],
)
def test_an_archive_that_is_not_text_is_named_so(tmp_path: Path, content: bytes, message: str, hint: str) -> None:
    (tmp_path / "doc.txt").write_bytes(content)
    assert only_problem(tmp_path, "doc.txt") == ("5:14", "sources[0].archive", message, hint)


def test_two_sources_sharing_an_archive_read_it_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "doc.txt").write_text(f"He said {QUOTE}.", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "actors: [{id: a, name: A, kind: person}]\n"
        "sources:\n"
        "  - {id: doc, title: A document, archive: doc.txt}\n"
        "  - {id: copy, title: A copy, archive: ./doc.txt}\n"
        "claims:\n"
        f"  - {{id: c1, claimant: a, kind: statement, text: T, reports: [doc, copy], quote: '{QUOTE}'}}\n"
        "  - {id: c2, claimant: a, kind: statement, text: T, reports: [copy], quote: 'a black hole'}\n",
        encoding="utf-8",
    )
    reads: list[Path] = []
    real = graph.checks.read_archive

    def counting(path: Path) -> str:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(graph.checks, "read_archive", counting)
    assert sorted(graph.read_dataset(tmp_path / "claims.yaml").claims) == ["c1", "c2"]
    assert reads == [tmp_path / "doc.txt"]


def test_a_nul_in_the_archive_path_is_refused_as_text_no_file_can_carry(tmp_path: Path) -> None:
    found = problems(tmp_path, '"doc\\0.txt"')
    assert [(p.where, p.severity) for p in found] == [("sources[0].archive", "error"), ("claims[0].quote", "warning")]
    assert found[0].message.startswith("contains U+0000 (a control character) at character 4")
