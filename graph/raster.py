"""The still picture as PNG pixels for reports: :func:`graph.picture.render_svg` drawn by resvg.

resvg (a Rust SVG renderer, from the ``resvg-py`` wheel) needs no system library; it finds the
labels' font among the installed fonts (Liberation Sans, from Debian's ``fonts-liberation``, stands
in for Arial). The picture is drawn ``scale`` times its SVG size for crisp print, but never past
:data:`MAX_PIXELS` or :data:`MAX_SIDE`: a larger graph gets a smaller scale, and :class:`Png` says so.

>>> import graph
>>> png = render_png(graph.load("tests/fixtures/mini.yaml"), scale=1)
>>> png.data[:8] == PNG_SIGNATURE, png.scale, png.capped
(True, 1.0, False)
"""

from __future__ import annotations

import math
import os
import re
import struct
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import quoteattr

import networkx as nx
import resvg_py

from .errors import OutputError
from .files import write_bytes_atomic
from .picture import FONT, render_svg
from .render import Layout

DEFAULT_SCALE = 2.0
"""Pixels per SVG unit unless told otherwise: twice the screen size, sharp when printed."""

MAX_SCALE = 8.0
"""The largest ``scale`` accepted; more adds pixels, not detail."""

MAX_PIXELS = 40_000_000
"""The most pixels a PNG gets (160 MB while drawn): a 20,000-claim graph cannot ask for 100k x 100k."""

MAX_SIDE = 16_000
"""The widest or tallest a PNG gets, in pixels (image viewers and word processors refuse much more)."""

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_SVG_SIZE = re.compile(r'<svg [^>]*?width="([\d.]+)" height="([\d.]+)"')


@dataclass(frozen=True)
class Png:
    """A drawn picture: the PNG file's bytes, its size in pixels, and the scale it was drawn at."""

    data: bytes
    width: int
    height: int
    scale: float
    requested_scale: float

    @property
    def capped(self) -> bool:
        """Whether the picture was drawn smaller than asked, to stay within the pixel limits."""
        return self.scale < self.requested_scale


def render_png(
    G: nx.MultiDiGraph[Any],
    *,
    layout: Layout = "graph",
    title: str | None = None,
    scale: float = DEFAULT_SCALE,
) -> Png:
    """The whole graph as a PNG, drawn from :func:`~graph.picture.render_svg` at ``scale`` pixels per unit.

    Raises :class:`OutputError` for a scale outside (0, :data:`MAX_SCALE`] or a picture resvg cannot draw.

    >>> import graph
    >>> G = graph.load("tests/fixtures/mini.yaml")
    >>> one, two = render_png(G, scale=1), render_png(G)
    >>> (two.width, two.height) == (2 * one.width, 2 * one.height)
    True
    """
    if not 0 < scale <= MAX_SCALE:
        raise OutputError(f"cannot draw a PNG at scale {scale:g}: choose a scale above 0 and at most {MAX_SCALE:g}")
    svg = render_svg(G, layout=layout, title=title)
    width, height = svg_size(svg)
    fitted = fitting_scale(width, height, scale)
    if not _draws_text():
        raise OutputError(
            "cannot draw the PNG's labels: no font is installed; install a sans-serif font "
            "(Debian: apt-get install fonts-liberation) or use --format svg"
        )
    try:
        data = resvg_py.svg_to_bytes(svg_string=svg, zoom=fitted, **_FONTS)
    except ValueError as exc:
        raise OutputError(f"cannot draw the PNG: {exc}") from None
    pixels_wide, pixels_high = png_size(data)
    return Png(data, pixels_wide, pixels_high, fitted, float(scale))


def write_png(
    G: nx.MultiDiGraph[Any],
    path: str | os.PathLike[str],
    *,
    layout: Layout = "graph",
    title: str | None = None,
    scale: float = DEFAULT_SCALE,
) -> Png:
    """Write :func:`render_png` to ``path`` atomically; return what was drawn."""
    png = render_png(G, layout=layout, title=title, scale=scale)
    write_bytes_atomic(path, png.data)
    return png


def fitting_scale(width: float, height: float, scale: float) -> float:
    """``scale``, or the largest smaller one (to three places) that keeps a ``width`` x ``height`` picture
    within :data:`MAX_PIXELS` and :data:`MAX_SIDE`.

    >>> fitting_scale(1000, 800, 2.0), fitting_scale(20000, 10000, 2.0)
    (2.0, 0.447)
    """
    limit = min(math.sqrt(MAX_PIXELS / (width * height)), MAX_SIDE / max(width, height))
    return float(scale) if scale <= limit else math.floor(limit * 1000) / 1000


_FONTS: dict[str, Any] = {}
"""Font options for resvg: none, so it loads the system's fonts (the tests take them away)."""

_SAMPLE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" font-family={family}>'
    '<text x="2" y="15" font-size="14">{text}</text></svg>'
)


def _draws_text() -> bool:
    """Whether resvg finds a font for the labels: a word drawn differs from no word drawn.

    >>> _draws_text()
    True
    """
    family = quoteattr(FONT)
    word, nothing = (_SAMPLE.format(family=family, text=text) for text in ("Ag", ""))
    return resvg_py.svg_to_bytes(svg_string=word, **_FONTS) != resvg_py.svg_to_bytes(svg_string=nothing, **_FONTS)


def svg_size(svg: str) -> tuple[float, float]:
    """The width and height :func:`~graph.picture.render_svg` gave its picture.

    >>> svg_size('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20" width="30" height="20">')
    (30.0, 20.0)
    """
    found = _SVG_SIZE.search(svg)
    if found is None:
        raise OutputError("cannot draw the PNG: the SVG picture has no width and height")
    return float(found[1]), float(found[2])


def png_size(data: bytes) -> tuple[int, int]:
    """The width and height in pixels written in a PNG's header.

    >>> png_size(PNG_SIGNATURE + bytes([0, 0, 0, 13]) + b"IHDR" + bytes([0, 0, 1, 0, 0, 0, 0, 200]))
    (256, 200)
    """
    if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise OutputError("cannot draw the PNG: the renderer returned something that is not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)
