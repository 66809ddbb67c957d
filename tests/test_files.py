"""Atomic writes: all or nothing, UTF-8 always, permissions kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import graph.files
from graph.errors import OutputError
from graph.files import write_text_atomic


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "claims.html"
    target.write_text("old page", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(graph.files.os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left on device"):
        write_text_atomic(target, "new page")
    assert target.read_text(encoding="utf-8") == "old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.html"]


def test_text_that_cannot_be_encoded_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="surrogates not allowed"):
        write_text_atomic(tmp_path / "x.html", "title \udcff")
    assert list(tmp_path.iterdir()) == []


def test_existing_permissions_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "private.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o600)
    write_text_atomic(target, "[]")
    assert (target.stat().st_mode & 0o777, target.read_text(encoding="utf-8")) == (0o600, "[]")


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    write_text_atomic(tmp_path / "new.json", "[]")
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o666 & ~umask


def test_text_is_written_as_utf8_whatever_the_locale(tmp_path: Path) -> None:
    write_text_atomic(tmp_path / "a.txt", "Захарова — الرقة")
    assert (tmp_path / "a.txt").read_bytes() == "Захарова — الرقة".encode()
