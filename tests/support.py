"""Paths the tests share (importable from any test module as ``support``)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "claims.yaml"
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
