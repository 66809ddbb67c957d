"""``claimgraph build --format png``: the still picture as pixels, drawn where the page draws it."""

from __future__ import annotations

import io
import shutil
from collections import Counter
from pathlib import Path
from typing import Any, cast

import pytest
from PIL import Image
from support import MINI

import graph
from graph import raster
from graph.cli import main
from graph.layout import node_box
from graph.picture import MARGIN, _tint
from graph.raster import PNG_SIGNATURE, render_png
from graph.render import page_data

Pixel = tuple[int, int, int]


def _where(png: raster.Png, data: dict[str, Any], node_id: str) -> tuple[float, float]:
    """The pixel at which the page's position of ``node_id`` lands in the PNG."""
    left, top, right, _bottom = data["extent"]
    node = next(n for n in data["nodes"] if n["id"] == node_id)
    per_unit = png.width / (right - left + 2 * MARGIN)
    return (node["x"] - left + MARGIN) * per_unit, (node["y"] - top + MARGIN) * per_unit


def _rgb(hex_colour: str) -> Pixel:
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


def _size(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size


def _copy_of_mini(folder: Path) -> Path:
    """The mini data set and its archived text, copied into ``folder``."""
    for name in ("mini.yaml", "mini-article.txt"):
        shutil.copy(MINI.parent / name, folder / name)
    return folder / "mini.yaml"


def _close(a: Pixel, b: Pixel) -> bool:
    return all(abs(x - y) <= 2 for x, y in zip(a, b, strict=True))


@pytest.fixture(scope="module")
def mini_png() -> tuple[raster.Png, Image.Image, dict[str, Any]]:
    G = graph.load(MINI)
    png = render_png(G)
    return png, Image.open(io.BytesIO(png.data)).convert("RGB"), page_data(G, title="mini")


def test_build_format_png_writes_a_png_twice_the_picture_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mini.png"
    assert main(["build", str(MINI), "--format", "png", "-o", str(target)]) == 0
    width, height = raster.svg_size(graph.picture.render_svg(graph.load(MINI)))
    assert capsys.readouterr().err == (
        f"wrote {target} (12 nodes, 17 edges; {round(2 * width)} x {round(2 * height)} pixels, scale 2)\n"
    )
    data = target.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert _size(target) == (round(2 * width), round(2 * height))


def test_scale_sets_the_pixel_size(tmp_path: Path) -> None:
    assert main(["build", str(MINI), "--format", "png", "--scale", "1", "-o", str(tmp_path / "one.png")]) == 0
    assert main(["build", str(MINI), "--format", "png", "--scale", "3", "-o", str(tmp_path / "three.png")]) == 0
    one, three = _size(tmp_path / "one.png"), _size(tmp_path / "three.png")
    assert abs(three[0] - 3 * one[0]) <= 2 and abs(three[1] - 3 * one[1]) <= 2


def test_an_actor_dot_is_drawn_in_its_side_colour_where_the_page_puts_it(
    mini_png: tuple[raster.Png, Image.Image, dict[str, Any]],
) -> None:
    png, image, data = mini_png
    for actor, colour in (("general-a", "#0072B2"), ("blue-coalition", "#D55E00")):
        x, y = _where(png, data, actor)
        assert _close(cast(Pixel, image.getpixel((round(x), round(y)))), _rgb(colour)), actor


def test_a_claim_box_is_filled_and_its_label_drawn_in_dark_text(
    mini_png: tuple[raster.Png, Image.Image, dict[str, Any]],
) -> None:
    png, image, data = mini_png
    x, y = _where(png, data, "blue-denies-training")
    box = node_box(graph.load(MINI).nodes["blue-denies-training"])
    half_w, half_h = box.half_width * png.scale - 6, box.half_height * png.scale - 6
    inside = image.crop((round(x - half_w), round(y - half_h), round(x + half_w), round(y + half_h)))
    colours = Counter({cast(Pixel, colour): count for count, colour in inside.getcolors(maxcolors=1_000_000) or []})
    fill = _rgb(_tint("#D55E00", 0.8))
    assert _close(colours.most_common(1)[0][0], fill)
    dark = sum(count for (r, g, b), count in colours.items() if r + g + b < 200)
    assert dark > 100, "the label 'blue denies training' left no dark pixels in its box"


def test_the_picture_has_a_white_margin(mini_png: tuple[raster.Png, Image.Image, dict[str, Any]]) -> None:
    _, image, _ = mini_png
    assert image.getpixel((2, 2)) == (255, 255, 255)


def test_a_graph_too_big_for_the_scale_is_drawn_smaller_and_the_cli_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(raster, "MAX_PIXELS", 100_000)
    target = tmp_path / "mini.png"
    assert main(["build", str(MINI), "--format", "png", "-o", str(target)]) == 0
    width, height = _size(target)
    assert width * height <= 100_000
    scale = raster.fitting_scale(*raster.svg_size(graph.picture.render_svg(graph.load(MINI))), 2.0)
    assert 0.5 < scale < 1
    assert capsys.readouterr().err.endswith(
        f"pixels, scale {scale:g})\nnote: drawn at scale {scale:g}, not 2, "
        "to stay within 0.1 million pixels and 16,000 pixels a side\n"
    )


@pytest.mark.parametrize(
    ("scale", "message"),
    [
        ("0", "argument --scale: 0 is out of range; choose a scale above 0 and at most 8"),
        ("9", "argument --scale: 9 is out of range; choose a scale above 0 and at most 8"),
        ("nan", "argument --scale: nan is out of range; choose a scale above 0 and at most 8"),
        ("big", "argument --scale: 'big' is not a number; try 2"),
    ],
)
def test_a_scale_out_of_range_is_a_usage_error(
    scale: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["build", str(MINI), "--format", "png", "--scale", scale, "-o", str(tmp_path)])
    assert info.value.code == 2
    assert capsys.readouterr().err.endswith(f"claimgraph build: error: {message}\n")
    assert list(tmp_path.iterdir()) == []


def test_scale_without_png_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["build", str(MINI), "--scale", "2"])
    assert info.value.code == 2
    assert capsys.readouterr().err.endswith("claimgraph build: error: --scale sizes a PNG; add --format png\n")


def test_the_default_png_goes_to_out_next_to_the_data(tmp_path: Path) -> None:
    data = _copy_of_mini(tmp_path)
    assert main(["build", str(data), "--format", "png"]) == 0
    assert (tmp_path / "out" / "mini.png").read_bytes()[:8] == PNG_SIGNATURE


def test_png_to_standard_output_is_the_png_bytes(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["build", str(MINI), "--format", "png", "-o", "-"]) == 0
    assert capsysbinary.readouterr().out[:8] == PNG_SIGNATURE


def test_png_never_replaces_the_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _copy_of_mini(tmp_path)
    assert main(["build", str(data), "--format", "png", "-o", str(data)]) == 1
    assert capsys.readouterr().err == (
        f"Error: refusing to overwrite {data}: it is the input {data}; choose another output file\n"
    )
    assert data.read_bytes() == MINI.read_bytes()


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_png_to_a_terminal_is_refused(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    terminal = _Terminal(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr("sys.stdout", terminal)
    code = main(["build", str(MINI), "--format", "png", "-o", "-"])
    monkeypatch.undo()
    assert code == 1
    assert terminal.buffer.getvalue() == b""
    assert capsys.readouterr().err == (
        "Error: refusing to write binary data to a terminal; name a file with -o or redirect the output\n"
    )


def test_without_a_font_the_png_is_refused_not_drawn_without_labels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(raster, "_FONTS", {"skip_system_fonts": True})
    assert main(["build", str(MINI), "--format", "png", "-o", str(tmp_path / "mini.png")]) == 1
    assert capsys.readouterr().err == (
        "Error: cannot draw the PNG's labels: no font is installed; install a sans-serif font "
        "(Debian: apt-get install fonts-liberation) or use --format svg\n"
    )
    assert list(tmp_path.iterdir()) == []
