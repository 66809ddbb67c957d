"""bulk_work: the cyclic collector is off during a bulk step and comes back as it was, whatever happens."""

from __future__ import annotations

import gc

import pytest

import graph
from graph.bulk import bulk_work


@bulk_work
def collector_state() -> bool:
    return gc.isenabled()


@bulk_work
def failing() -> None:
    raise ValueError("bad input")


def test_the_collector_is_off_during_the_step_and_on_again_after() -> None:
    assert gc.isenabled()
    assert collector_state() is False
    assert gc.isenabled()


def test_the_collector_comes_back_after_a_step_that_raises() -> None:
    with pytest.raises(ValueError, match="bad input"):
        failing()
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        collector_state()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_loading_and_drawing_leave_the_collector_on() -> None:
    G = graph.load("data/claims.yaml")
    assert "<!DOCTYPE html>" in graph.render_html(G)
    assert gc.isenabled()
