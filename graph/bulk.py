"""Bulk work without the cyclic garbage collector: reading, building and drawing a big data set.

Reading 20,000 claims makes millions of objects that all stay alive, and
Python's cyclic collector walks every one of them again each time enough new
ones have appeared: a fifth of a build's time went to finding no garbage.
:func:`bulk_work` switches it off for the duration of one bounded step
(input sizes are capped by the loader's limits, so the memory the step can
hold is bounded too) and restores it afterwards; reference counting still
frees everything that is not in a cycle as it goes.

>>> import gc
>>> @bulk_work
... def step() -> bool:
...     return gc.isenabled()
>>> step(), gc.isenabled()
(False, True)
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def bulk_work(step: Callable[P, R]) -> Callable[P, R]:
    """``step`` run with the cyclic collector paused, and resumed after it if it was on before (so nesting is safe)."""

    @functools.wraps(step)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        was_on = gc.isenabled()
        gc.disable()
        try:
            return step(*args, **kwargs)
        finally:
            if was_on:
                gc.enable()

    return paused
