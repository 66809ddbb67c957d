"""Shared fixtures: the shipped data set, a small made-up one, and a scratch folder for YAML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from support import MINI, SHIPPED

import graph


@pytest.fixture(scope="session")
def shipped_graph() -> nx.MultiDiGraph:
    """The al-Tanf data set as users get it."""
    return graph.load(SHIPPED)


@pytest.fixture(scope="session")
def mini_graph() -> nx.MultiDiGraph:
    """A small made-up data set in which every relation appears."""
    return graph.load(MINI)


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write YAML text to a file in a scratch folder and return its path."""

    def write(text: str, name: str = "claims.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
