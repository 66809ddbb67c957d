"""The page's link styles stay apart for readers with red-green colour-vision deficiencies.

Colours are simulated with the Machado, Oliveira and Fernandes (2009) matrices at full severity,
applied in linear RGB. Two relations read as the same when their simulated colours are closer than
``SAME`` (CIE76 distance in Lab) and their dash patterns are equal.
"""

from __future__ import annotations

import itertools

import pytest

from graph.vocabulary import RELATIONS

SIMULATIONS = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
}
SAME = 20.0
"""Lab distance under which two colours are easily mistaken for one another on a busy canvas."""


def linear(hex_colour: str) -> tuple[float, float, float]:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return r, g, b


def lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (min(max(c, 0.0), 1.0) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def simulated(hex_colour: str, deficiency: str) -> tuple[float, float, float]:
    rgb = linear(hex_colour)
    matrix = SIMULATIONS[deficiency]
    r, g, b = (sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix)
    return lab((r, g, b))


def distance(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return float(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5)


@pytest.mark.parametrize("deficiency", sorted(SIMULATIONS))
def test_the_simulation_keeps_greys_and_brings_red_and_green_together(deficiency: str) -> None:
    assert distance(simulated("#777777", deficiency), lab(linear("#777777"))) < 1
    red, green = "#C0392B", "#009E73"
    assert (
        distance(simulated(red, deficiency), simulated(green, deficiency))
        < distance(lab(linear(red)), lab(linear(green))) / 2
    )


@pytest.mark.parametrize("deficiency", sorted(SIMULATIONS))
def test_no_two_relations_share_a_simulated_colour_and_a_dash_pattern(deficiency: str) -> None:
    alike = [
        f"{a.name} and {b.name}"
        for a, b in itertools.combinations(RELATIONS.values(), 2)
        if a.dashes == b.dashes and distance(simulated(a.colour, deficiency), simulated(b.colour, deficiency)) < SAME
    ]
    assert alike == []
