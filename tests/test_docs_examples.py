"""The Python sessions in the docs run as shown: every ``pycon`` block is a doctest."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
from support import ROOT

PAGES = [ROOT / "README.md"]
FENCE = re.compile(r"^```pycon\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[Path, int, str]]:
    found = []
    for page in PAGES:
        if page.exists():
            text = page.read_text(encoding="utf-8")
            found += [(page, text.count("\n", 0, m.start()) + 2, m.group(1)) for m in FENCE.finditer(text)]
    return found


def test_the_readme_has_python_sessions_using_the_queries() -> None:
    assert any("from graph.queries import" in block for _, _, block in _blocks())


@pytest.mark.parametrize(("page", "line", "block"), _blocks(), ids=[f"{p.name}:{n}" for p, n, _ in _blocks()])
def test_python_sessions_in_the_docs_print_what_they_show(
    page: Path, line: int, block: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    globs: dict[str, object] = {}
    for earlier_page, earlier_line, earlier in _blocks():  # later blocks use names earlier ones define
        if earlier_page == page and earlier_line < line:
            _run(earlier, globs, page, earlier_line, report=False)
    failures = _run(block, globs, page, line, report=True)
    assert failures == "", failures


def _run(block: str, globs: dict[str, object], page: Path, line: int, *, report: bool) -> str:
    test = doctest.DocTestParser().get_doctest(block, globs, f"{page.name}:{line}", str(page), line)
    output: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=output.append, clear_globs=False)
    globs.update(test.globs)  # DocTest works on a copy
    return "".join(output) if report else ""
