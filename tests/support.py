"""Paths the tests share (importable from any test module as ``support``)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "claims.yaml"
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
AIF_FIXTURE = ROOT / "tests" / "fixtures" / "aif" / "aifdb-nodeset-6064.json"
"""A published AIF analysis: AIFdb nodeset 6064, as kept in the arguebuf-python repository (see tests/test_aif.py)."""
