"""Atomic writes: all or nothing, UTF-8 always, permissions and links kept; devices in place."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

import graph.files
from graph.errors import OutputError
from graph.files import output_path, refuse_overwriting, write_standard_output, write_text_atomic


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


def test_the_temporary_name_fits_beside_a_255_byte_name(tmp_path: Path) -> None:
    target = tmp_path / ("n" * 250 + ".html")
    write_text_atomic(target, "page")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_symlink_stays_and_its_target_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "graph.json"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(real)
    write_text_atomic(tmp_path / "link.json", "new")
    assert (tmp_path / "link.json").is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert [p.name for p in (tmp_path / "real").iterdir()] == ["graph.json"]


def test_a_device_is_written_in_place_and_its_error_reported(full_device: Path) -> None:
    with pytest.raises(OutputError, match=rf"^cannot write {full_device}: No space left on device$"):
        write_text_atomic(full_device, "x" * 100_000)
    assert stat.S_ISCHR(full_device.stat().st_mode)


def test_an_interrupted_write_leaves_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(graph.files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(tmp_path / "page.html", "page")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_takes_the_default_name_inside_it(tmp_path: Path) -> None:
    assert output_path(tmp_path, "claims.html") == tmp_path / "claims.html"
    assert output_path(f"{tmp_path}/new/", "claims.html") == tmp_path / "new" / "claims.html"
    assert output_path(tmp_path / "page.html", "claims.html") == tmp_path / "page.html"


def test_writing_a_device_named_as_an_input_destroys_nothing_so_is_allowed(full_device: Path) -> None:
    refuse_overwriting(full_device, [full_device])


def test_a_new_file_is_never_refused(tmp_path: Path) -> None:
    refuse_overwriting(tmp_path / "new.yaml", [tmp_path / "new.yaml"])


def test_a_closed_standard_output_is_an_output_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    with pytest.raises(OutputError, match=r"^cannot write standard output: it is closed$"):
        write_standard_output("{}")
