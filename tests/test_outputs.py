"""Where the commands write: never over an input, devices and pipes in place, and a clean error
(never a traceback) when an output cannot be written."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import MINI, ROOT

from graph.cli import main

ARCHIVE = MINI.parent / "mini-article.txt"
OUTPUT_COMMANDS = [["build"], ["export"], ["schema"]]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the small data set and its archived text, in a scratch folder."""
    for fixture in (MINI, ARCHIVE):
        shutil.copy(fixture, tmp_path / fixture.name)
    return tmp_path / MINI.name


def _run(
    *args: str | bytes,
    env: dict[str, str] | None = None,
    stdout: Any = subprocess.PIPE,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """The command in its own process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "graph", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        preexec_fn=preexec_fn,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=120,
        check=False,
    )


def _unchanged(folder: Path) -> Callable[[], bool]:
    """A check that no file in the folder changed and none was added (no temporary left behind)."""
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    return lambda: {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


# --- never over an input -----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["build", "export"])
def test_an_output_that_is_the_input_is_refused(command: str, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    unchanged = _unchanged(data.parent)
    assert main([command, str(data), "-o", str(data)]) == 1
    assert capsys.readouterr().err == (
        f"Error: refusing to overwrite {data}: it is the input {data}; choose another output file\n"
    )
    assert unchanged()


@pytest.mark.parametrize(
    "make_link",
    [
        pytest.param(lambda data, folder: (folder / "link.html").symlink_to(data), id="symlink"),
        pytest.param(lambda data, folder: os.link(data, folder / "link.html"), id="hard-link"),
        pytest.param(lambda data, folder: (folder / "linked").symlink_to(data.parent), id="symlinked-folder"),
    ],
)
def test_an_input_reached_under_another_name_is_refused(
    make_link: Callable[[Path, Path], None], data: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("elsewhere")
    make_link(data, folder)
    output = folder / "linked" / data.name if (folder / "linked").exists() else folder / "link.html"
    result = _run("build", str(data), "-o", str(output))
    assert (result.returncode, result.stderr.decode()) == (
        1,
        f"Error: refusing to overwrite {output}: it is the input {data}; choose another output file\n",
    )
    assert data.read_bytes() == MINI.read_bytes()


def test_an_archived_source_text_is_refused(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = data.parent / ARCHIVE.name
    assert main(["export", str(data), "-o", str(archive)]) == 1
    assert capsys.readouterr().err == (
        f"Error: refusing to overwrite {archive}: it is the input {archive}; choose another output file\n"
    )
    assert archive.read_bytes() == ARCHIVE.read_bytes()


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
def test_no_command_replaces_a_yaml_file(command: list[str], data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = data.parent / "other.yaml"  # claim data, though not this run's input
    other.write_text("claims: []\n", encoding="utf-8")
    args = [*command, "-o", str(other)] if command == ["schema"] else [*command, str(data), "-o", str(other)]
    assert main(args) == 1
    assert capsys.readouterr().err == (
        f"Error: refusing to overwrite {other}: claimgraph never replaces a .yaml file "
        "(claim data is never an output); choose another output file\n"
    )
    assert other.read_text(encoding="utf-8") == "claims: []\n"


# --- standard output, devices and pipes ----------------------------------------------------------


@pytest.mark.parametrize(("command", "stdout"), [(["export"], "{"), (["schema"], "{"), (["build"], "<!DOCTYPE html>")])
def test_dash_writes_to_standard_output(
    command: list[str], stdout: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # nor a file named '-'
    args = [*command, str(MINI)] if command != ["schema"] else command
    assert main([*args, "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(stdout) and err == "" and list(tmp_path.iterdir()) == []


def test_dash_gives_the_same_text_as_no_output_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    main(["export", "-f", "graphml", str(MINI)])
    without = capsys.readouterr().out
    main(["export", "-f", "graphml", str(MINI), "-o", "-"])
    assert capsys.readouterr().out == without


def test_open_with_standard_output_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    with pytest.raises(SystemExit) as info:
        main(["build", str(MINI), "-o", "-", "--open"])
    assert info.value.code == 2
    assert capsys.readouterr().err.endswith(
        "claimgraph build: error: --open needs a file to open; -o - writes the page to standard output\n"
    )
    assert opened == []


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
def test_a_full_device_is_a_clean_error_and_stays_a_device(
    command: list[str], full_device: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*command, str(MINI)] if command != ["schema"] else command
    assert main([*args, "-o", str(full_device)]) == 1
    assert capsys.readouterr().err == f"Error: cannot write {full_device}: No space left on device\n"
    assert stat.S_ISCHR(full_device.stat().st_mode)


def test_a_link_to_standard_output_reaches_it_and_stays_a_link(tmp_path: Path) -> None:
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    with open(tmp_path / "out.html", "wb") as redirected:  # as `> out.html` would
        result = _run("build", str(MINI), "-o", str(link), stdout=redirected)
    assert result.stderr.decode() == f"wrote {link} (12 nodes, 17 edges) — open it in a browser\n"
    assert link.is_symlink() and (tmp_path / "out.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_dev_full_and_dev_stdout_themselves(tmp_path: Path, full_device: Path) -> None:
    # The two tests above show devices and descriptor links are written in place; only then is it
    # safe to try the machine's own: a regression here would replace them for every program.
    test_a_link_to_standard_output_reaches_it_and_stays_a_link(tmp_path)
    probe = _run("schema", "-o", str(full_device))
    assert (probe.returncode, stat.S_ISCHR(full_device.stat().st_mode)) == (1, True)
    full = _run("schema", "-o", "/dev/full")
    assert (full.returncode, full.stderr.decode()) == (1, "Error: cannot write /dev/full: No space left on device\n")
    piped = _run("export", str(MINI), "-o", "/dev/stdout")
    assert (piped.returncode, piped.stderr.decode()) == (0, "wrote /dev/stdout\n")
    assert piped.stdout.startswith(b"{")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode) and os.path.islink("/dev/stdout")


def test_a_named_pipe_is_written_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main(["schema", "-o", str(fifo)]) == 0
    reader.join(timeout=30)
    assert received == [(ROOT / "schema" / "claims.schema.json").read_bytes()]
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and capsys.readouterr().err == f"wrote {fifo}\n"


# --- links, folders, long names, signals ---------------------------------------------------------


def test_a_symlink_keeps_pointing_at_the_file_it_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pages").mkdir()
    real = tmp_path / "pages" / "real.html"
    real.write_text("old page", encoding="utf-8")
    link = tmp_path / "latest.html"
    link.symlink_to(real)
    assert main(["build", str(MINI), "-o", str(link)]) == 0
    assert capsys.readouterr().err == f"wrote {link} (12 nodes, 17 edges) — open it in a browser\n"
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == ["real.html"]


@pytest.mark.parametrize(
    ("command", "name"),
    [(["build"], "mini.html"), (["export", "-f", "gexf"], "mini.gexf"), (["schema"], "claims.schema.json")],
)
@pytest.mark.parametrize("existing", [True, False], ids=["existing-folder", "new-folder-with-slash"])
def test_a_folder_gets_the_default_file_name_inside_it(
    command: list[str], name: str, existing: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    if existing:
        folder.mkdir()
    args = [*command, str(MINI)] if command != ["schema"] else command
    assert main([*args, "-o", str(folder) if existing else f"{folder}/"]) == 0
    assert capsys.readouterr().err.startswith(f"wrote {folder / name}")
    assert [p.name for p in folder.iterdir()] == [name]


def test_a_255_byte_file_name_can_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / ("a" * 250 + ".json")
    assert main(["export", str(MINI), "-o", str(target)]) == 0
    assert capsys.readouterr().err == f"wrote {target}\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


SIGNAL_DURING_WRITE = """
import os, signal, sys
import graph.files
from graph.cli import main

def fsync_then_signal(fd):  # the page is half-way: in its temporary file, not yet in place
    os.kill(os.getpid(), signal.{name})

graph.files.os.fsync = fsync_then_signal
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_during_a_write_leaves_the_old_file_and_no_temporary(name: str, tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_text("old page", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", SIGNAL_DURING_WRITE.format(name=name), "build", str(MINI), "-o", str(target)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (128 + getattr(signal, name), "")
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]
    assert target.read_text(encoding="utf-8") == "old page"


def test_the_signal_handlers_are_restored_after_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)
    main(["schema"])
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)) == before


# --- no traceback ------------------------------------------------------------------------------


def test_a_full_standard_output_is_a_clean_error(full_device: Path) -> None:
    with open(full_device, "wb") as full:
        result = _run("export", "data/claims.yaml", stdout=full)
    assert (result.returncode, result.stderr.decode()) == (
        1,
        "Error: cannot write standard output: No space left on device\n",
    )


@pytest.mark.parametrize("args", [["schema"], ["schema", "-o", "-"], ["query", "why", "gerasimov-training"]])
def test_a_closed_standard_output_is_a_clean_error(args: list[str]) -> None:
    result = _run(*args, stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert (result.returncode, result.stderr.decode()) == (1, "Error: cannot write standard output: it is closed\n")


def test_a_file_name_that_is_not_utf8_is_shown_as_its_bytes() -> None:
    result = _run("validate", b"\xff.yaml")
    assert (result.returncode, result.stderr.decode()) == (
        1,
        "\\xff.yaml:1:1: cannot read the file: No such file or directory\n"
        "    hint: check the path and that the file is readable\n"
        "Error: 1 problem in \\xff.yaml\n",
    )


def test_data_named_in_bytes_that_are_not_utf8_validates_and_exports(data: Path) -> None:
    odd = data.parent / os.fsdecode(b"\xff.yaml")
    data.rename(odd)
    validated = _run("validate", os.fsencode(odd))
    assert (validated.returncode, validated.stdout) == (
        0,
        os.fsencode(odd).replace(b"\xff", b"\\xff") + b": OK: 7 actors, 3 claims, 1 source, 1 place, 2 responses\n",
    )
    exported = _run("export", os.fsencode(odd), "-o", str(data.parent / "graph.json"))
    assert (exported.returncode, exported.stderr.decode()) == (0, f"wrote {data.parent / 'graph.json'}\n")
    assert '"name": "\ufffd"' in (data.parent / "graph.json").read_text(encoding="utf-8")  # text, not bytes


def test_a_utf8_title_under_the_c_locale_is_the_page_title(tmp_path: Path) -> None:
    env = {"PYTHONUTF8": "0", "LANG": "C", "LC_ALL": "C"}
    result = _run("build", str(MINI), "--title", "Ал-Танф".encode(), "-o", str(tmp_path / "p.html"), env=env)
    assert result.returncode == 0, result.stderr
    assert "<title>Ал-Танф</title>" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_a_title_that_is_not_utf8_is_a_usage_error() -> None:
    result = _run("build", str(MINI), "--title", b"\xff", "-o", "-")
    assert result.returncode == 2
    assert result.stderr.decode().endswith("claimgraph build: error: argument --title: '\\xff' is not UTF-8 text\n")


def test_a_folder_that_cannot_be_listed_is_a_located_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(self: Path) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", refuse)  # as root, chmod 000 would not stop the listing
    assert main(["validate", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"{tmp_path}:1:1: cannot list the folder: Permission denied\n"
        "    hint: check that the folder exists and that you may read it\n"
        f"Error: 1 problem in {tmp_path}\n"
    )
