"""``python -m graph``: the same command line as ``claimgraph``."""

import sys

from .cli import main

sys.exit(main())
