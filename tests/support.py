"""Paths the tests share (importable from any test module as ``support``)."""

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "claims.yaml"
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
AIF_FIXTURE = ROOT / "tests" / "fixtures" / "aif" / "aifdb-nodeset-6064.json"
"""A published AIF analysis: AIFdb nodeset 6064, as kept in the arguebuf-python repository (see tests/test_aif.py)."""

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def find_chromium() -> str | None:
    """A Chromium or Chrome binary: $CHROMIUM, then the usual names on PATH."""
    candidates = [os.environ.get("CHROMIUM", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
    candidates += [shutil.which(name) or "" for name in ("chromium", "chromium-browser", "google-chrome", "chrome")]
    return next((c for c in candidates if c and os.path.isfile(c) and os.access(c, os.X_OK)), None)
