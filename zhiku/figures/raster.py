"""The figures' PNGs (WeChat and e-mail show pictures, not SVG), rasterised by Typst.

Typst's PNG export draws an SVG with resvg, as ``vl_convert.svg_to_png`` does, and the two give
the same pixels on zhiku's charts (their text is outlined, so no font is involved). Typst is
used because it releases the GIL while it works: a build rasterises the PNGs in a thread while
this one writes the web pages and another lays out the PDF (``zhiku.render.issue``), where
vl-convert held the GIL for all of its 0.09 s (measured in docs/benchmarks.md). Its PNGs are
also a third of the size (it filters and compresses them harder), which matters in an e-mail.

All of an issue's figures go through one compile, one page per SVG, each page the SVG's size.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import typst

from zhiku.errors import ZhikuError

PNG_SCALE = 2.0  # twice the SVG's pixel size: sharp on phones (WeChat) and in e-mail
_CSS_PX_PER_INCH = 96.0
_PT_PER_PX = 0.75
_ROOT = re.compile(r"<svg\b[^>]*>", re.S)
_LENGTH = r'\s*=\s*["\']\s*([0-9.]+)\s*(?:px)?\s*["\']'


@functools.cache
def _no_fonts() -> typst.Fonts:
    # The charts' text is drawn as outlines: the compile needs no font, and loading none is
    # what keeps it fast.
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[])


def svg_size(svg: str) -> tuple[float, float]:
    """The width and height (CSS pixels) the root element of ``svg`` gives."""
    root = _ROOT.search(svg)
    width = re.search(r"\bwidth" + _LENGTH, root.group(0)) if root else None
    height = re.search(r"\bheight" + _LENGTH, root.group(0)) if root else None
    if width is None or height is None:
        raise ZhikuError(
            "图表的 SVG 没有写明宽高，无法生成 PNG",
            "a chart's SVG gives no width and height, so no PNG can be made of it",
        )
    return float(width.group(1)), float(height.group(1))


def png_pixels(svg: str, scale: float = PNG_SCALE) -> tuple[int, int]:
    """The pixel size of the PNG ``rasterise`` makes of ``svg``."""
    width, height = svg_size(svg)
    return round(width * scale), round(height * scale)


def rasterise(svgs: Sequence[str], scale: float = PNG_SCALE) -> list[bytes]:
    """Each of ``svgs`` as a PNG of ``scale`` times its size in CSS pixels, in one Typst compile."""
    if not svgs:
        return []
    # Each SVG reaches Typst as a string input, never as a file: nothing is written, and the
    # markup below holds only numbers and the inputs' names.
    pages = ["#set page(margin: 0pt)"]
    for i, svg in enumerate(svgs):
        width, height = svg_size(svg)
        pages.append(
            f"#page(width: {width * _PT_PER_PX}pt, height: {height * _PT_PER_PX}pt,"
            f' image(bytes(sys.inputs.at("svg{i}")), format: "svg", width: 100%))'
        )
    try:
        out = typst.compile(
            "\n".join(pages).encode("utf-8"),
            format="png",
            ppi=_CSS_PX_PER_INCH * scale,
            font_paths=_no_fonts(),
            sys_inputs={f"svg{i}": svg for i, svg in enumerate(svgs)},
        )
    except typst.TypstError as err:
        raise ZhikuError(
            f"图表转 PNG 失败：{err.message}", f"a chart could not be made a PNG: {err.message}"
        ) from None
    pngs = [out] if isinstance(out, bytes) else list(out)
    if len(pngs) != len(svgs):
        raise ZhikuError("图表转 PNG 的页数不符", f"{len(svgs)} charts gave {len(pngs)} PNGs")
    return pngs
