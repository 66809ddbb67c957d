"""Shared fixtures: the shipped data set, a small made-up one, a scratch folder for YAML, one headless Chromium."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import networkx as nx
import pytest
from playwright.sync_api import Browser, sync_playwright
from support import CHROMIUM_ARGS, MINI, SHIPPED, find_chromium

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


@pytest.fixture
def full_device(tmp_path: Path) -> Path:
    """A device that refuses every write with "No space left on device", like /dev/full.

    As root, a private copy of /dev/full, so that a regression that replaced devices with regular
    files would break only this copy, not the machine's /dev/full. Others cannot create device
    nodes, and cannot replace /dev/full either, so they get /dev/full itself.
    """
    device = tmp_path / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        if os.access("/dev", os.W_OK):
            pytest.skip("cannot create a device node to test with, and /dev/full is not safe to test on")
        return Path("/dev/full")
    return device


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session (Playwright allows one per process)."""
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CLAIMGRAPH_REQUIRE_BROWSER"):  # set by .ci/run: CI must never skip these
            pytest.fail("no Chromium binary found, and CLAIMGRAPH_REQUIRE_BROWSER is set")
        pytest.skip("no Chromium binary found (set CHROMIUM=/path/to/chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
