"""Timing for the benchmarks: the fastest of several runs, the figure least disturbed by other work.

>>> seconds, result = best(3, lambda: sum(range(1000)))
>>> result, seconds >= 0
(499500, True)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def best(repeat: int, work: Callable[[], T]) -> tuple[float, T]:
    """The fastest of ``repeat`` runs of ``work`` in seconds (at least one run), and the last run's result."""
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def best_ms(work: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``work``, in milliseconds.

    >>> best_ms(lambda: None, 3) >= 0
    True
    """
    return best(repeat, work)[0] * 1000
