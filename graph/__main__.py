"""``python -m graph``: the same command line as ``claimgraph``."""

from .cli import run

run()
