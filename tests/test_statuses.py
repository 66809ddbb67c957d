"""How the page draws a proposition's status and a claim's stance, declared once in the vocabulary.

Every status the queries can give has a colour whose white badge text meets WCAG AA, no two statuses look alike
to readers with red-green colour-vision deficiencies (unless their dash patterns differ), and the page data and
legend carry every status and every stance glyph.
"""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx
import pytest
from test_colour_vision import SAME, SIMULATIONS, distance, linear, simulated

from graph.queries import STATUS_NAMES
from graph.render import legend, page_data
from graph.vocabulary import STANCES, STATUSES

AA = 4.5
"""WCAG AA contrast for normal-size text."""


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours."""

    def luminance(colour: str) -> float:
        r, g, b = linear(colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_status_the_queries_give_has_a_style_in_their_order() -> None:
    assert tuple(STATUSES) == STATUS_NAMES


@pytest.mark.parametrize("status", list(STATUSES))
def test_white_badge_text_meets_wcag_aa_on_each_status_colour(status: str) -> None:
    assert contrast(STATUSES[status].colour, "#ffffff") >= AA


@pytest.mark.parametrize("deficiency", sorted(SIMULATIONS))
def test_no_two_statuses_share_a_simulated_colour_and_a_dash_pattern(deficiency: str) -> None:
    alike = [
        f"{a.name} and {b.name}"
        for a, b in itertools.combinations(STATUSES.values(), 2)
        if a.dashes == b.dashes and distance(simulated(a.colour, deficiency), simulated(b.colour, deficiency)) < SAME
    ]
    assert alike == []


def test_every_stance_has_its_own_single_glyph() -> None:
    icons = [s.icon for s in STANCES.values()]
    assert all(len(icon) == 1 and not icon.isalnum() for icon in icons)
    assert len(set(icons)) == len(icons)


def test_the_page_data_ships_every_status_and_stance(mini_graph: nx.MultiDiGraph[Any]) -> None:
    data = page_data(mini_graph)
    assert data["statuses"]["disputed"] == {
        "colour": STATUSES["disputed"].colour,
        "dashes": False,
        "meaning": STATUSES["disputed"].meaning,
    }
    assert data["statuses"]["not yet made"]["dashes"] == list(STATUSES["not yet made"].dashes)
    assert {name: s["icon"] for name, s in data["stances"].items()} == {s.name: s.icon for s in STANCES.values()}


def test_the_legend_lists_every_status_and_stance_in_the_vocabularys_order(mini_graph: nx.MultiDiGraph[Any]) -> None:
    drawn = legend(mini_graph)
    assert [s["name"] for s in drawn["statuses"]] == list(STATUSES)
    assert [(s["name"], s["icon"]) for s in drawn["stances"]] == [(s.name, s.icon) for s in STANCES.values()]
