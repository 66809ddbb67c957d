"""Hostile and arbitrary input ends in a clear, located error: never a traceback, never a hang."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ROOT

import graph
from graph.errors import DataError

LOCATED = re.compile(r"^\S+:\d+:\d+: ", re.MULTILINE)

YAMLISH = st.text(alphabet=st.sampled_from(list("abc:-[]{}&*!|>'\"#?,\n\t 0129.~%")), max_size=200)
CLAIMISH = st.builds(
    lambda key, value: f"claims:\n  - id: c1\n    {key}: {value}\n",
    st.sampled_from(["claimant", "kind", "date", "reports", "quote", "targets", "responds_to", "tags", "id"]),
    st.text(max_size=40),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), YAMLISH, CLAIMISH))
def test_arbitrary_text_gives_data_or_a_data_error(text: str) -> None:
    try:
        graph.parse_dataset(text, check_quotes=False)
    except DataError as exc:
        assert exc.problems and all(p.line >= 1 and p.column >= 1 for p in exc.problems)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_data_or_a_data_error(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "claims.yaml"
    path.write_bytes(raw)
    try:
        graph.read_dataset(path)
    except DataError as exc:
        assert exc.problems


def _bomb() -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    return "\n".join(lines) + "\n"


HOSTILE = {
    "binary junk": bytes(range(256)) * 4,
    "invalid utf-8": b"claims:\n  - id: caf\xe9\n",
    "tabs": b"claims:\n\t- id: c1\n",
    "bare list": b"- a\n- b\n",
    "bare scalar": b"hello\n",
    "python tag": b"claims: !!python/object/apply:os.system ['touch /tmp/claimgraph-pwned']\n",
    "alias bomb": _bomb().encode(),
    "deep nesting": b"[" * 200_000 + b"]" * 200_000,
    "deep block nesting": b"- " * 100_000 + b"x\n",
    "unclosed quote": b'claims:\n  - id: "c1\n',
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_file_ends_in_one_located_error_quickly(tmp_path: Path, name: str) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(HOSTILE[name])
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "graph", "validate", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    elapsed = time.perf_counter() - start
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert LOCATED.search(result.stderr), result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("Error: 1 problem in ")
    assert "    hint: " in result.stderr
    assert elapsed < 10
    assert not Path("/tmp/claimgraph-pwned").exists()


def test_100_mib_file_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    with path.open("wb") as handle:
        handle.write(b"claims:\n")
        for _ in range(100):
            handle.write(b"  - id: c\n" * (2**20 // 10))
    script = (
        "import sys, tracemalloc, graph\n"
        "tracemalloc.start()\n"
        "try:\n    graph.read_dataset(sys.argv[1])\n"
        "except graph.DataError as e:\n    print(e.problems[0].message)\n"
        "print(tracemalloc.get_traced_memory()[1])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=60, check=True
    )
    message, peak_bytes = result.stdout.splitlines()
    assert message.startswith("the file is 100 MiB")
    assert int(peak_bytes) < 5 * 2**20  # the file was not read into memory


def _cli(*args: str, stdin: int | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        stdin=stdin,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=60,
        check=False,
    )


def test_endless_pipe_is_read_only_up_to_the_limit() -> None:
    with subprocess.Popen(["yes", "# comment"], stdout=subprocess.PIPE) as producer:
        assert producer.stdout is not None
        try:
            result = _cli("validate", "/dev/stdin", stdin=producer.stdout.fileno())
        finally:
            producer.kill()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the file is larger than that; claimgraph reads claim files of up to 64 MiB" in result.stderr


def test_device_with_no_size_is_bounded() -> None:
    result = _cli("validate", "/dev/zero")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "/dev/zero:1:1: the file is larger than that" in result.stderr


def test_output_survives_a_terminal_that_cannot_show_arrows_or_foreign_names() -> None:
    result = _cli("query", "provenance", "lions-of-the-east-us-instructors", env={"PYTHONIOENCODING": "latin-1"})
    assert result.returncode == 0, result.stderr
    assert "doc-000-sputnik \\u2192 sputnik" in result.stdout


def test_missing_folder_content_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = _cli("validate", str(tmp_path))
    assert result.returncode == 1
    assert (
        result.stderr == f"{tmp_path}:1:1: no .yaml files in this folder\n"
        "    hint: point claimgraph at a claims file, or add one ending in .yaml\n"
        f"Error: 1 problem in {tmp_path}\n"
    )


def test_a_million_mistakes_list_the_first_200_and_count_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("claims: [" + "{}, " * 999 + "{}]\n", encoding="utf-8")  # 5 missing fields each
    result = _cli("validate", str(path))
    lines = result.stderr.splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert lines[0] == f"{path}:1:10: claims[0]: missing field 'id'"
    assert lines[-2:] == ["... and 4,800 more problems (first 200 shown)", f"Error: 5,000 problems in {path}"]
    assert sum(1 for line in lines if LOCATED.match(line)) == 200


def test_bad_records_past_the_listed_ones_are_counted_as_a_lower_bound(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    record = "  - {{id: c{0}, claimant: nobody, kind: wrong, text: T, reports: [nodoc]}}\n"
    path.write_text("claims:\n" + "".join(record.format(i) for i in range(1000)), encoding="utf-8")
    with pytest.raises(DataError) as info:
        graph.read_dataset(path)
    error = info.value
    assert len(error.problems) == 200 and error.problems[-1].where.startswith("claims[66].")
    assert not error.complete and error.error_count >= 1000 + 2 * 200  # every kind; the references of some
    assert str(error).startswith(f"at least {error.error_count:,} errors in the claim data:\n")
    assert str(error).endswith(f"\n... and at least {error.omitted:,} more problems (first 200 shown)")


def test_many_bad_records_are_checked_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("claims:\n" + "  - {}\n" * 30_000, encoding="utf-8")
    script = (
        "import sys, graph\n"
        "try:\n    graph.read_dataset(sys.argv[1])\n"
        "except graph.DataError as e:\n    print(e.error_count, len(e.problems))\n"
        "print(open('/proc/self/status').read().split('VmHWM:')[1].split()[0])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True
    )
    counts, peak_kib = result.stdout.splitlines()
    assert counts == "150000 200"
    assert int(peak_kib) < 100 * 1024  # about 50 MB: 200 problems kept; keeping all 150,000 took 166 MB
