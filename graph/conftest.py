"""Doctests run from the project root, so examples can load data/claims.yaml."""

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _run_doctests_from_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    os.environ.setdefault("COLUMNS", "100")
