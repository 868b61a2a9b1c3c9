"""A figure's text as ``<path>`` outlines, so the SVG needs no font.

SVG ``<text>`` naming a font family would fall back to another face (or boxes) wherever Noto
Sans CJK is not installed — in a reader's browser, in an e-mail client, in Typst. So the
figures' text (``zhiku.figures.draw``) is written as the glyph outlines of that face, read with
fontTools (through ``glyphcache``), placed with the font's advance widths from the alphabetic
baseline. CJK needs no shaping (one character, one glyph); kerning is ignored, as Vega ignores
it when measuring, so the text sits where vl-convert would put it.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from typing import Any

from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen

from zhiku.figures.fonts import load_font
from zhiku.figures.glyphcache import glyph_cache

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@functools.cache
def _glyph(weight: str, char: str) -> tuple[RecordingPen, float, int]:
    """The recorded outline of ``char``, its advance, and units per em: from the glyph cache
    when an earlier build outlined it, else read from the font (and kept for the next build)."""
    cache = glyph_cache(weight)
    kept = cache.get(char)
    if kept is not None:
        return kept
    font = load_font(weight)
    cmap = font.getBestCmap()
    name = cmap.get(ord(char), ".notdef")
    glyph_set = font.getGlyphSet()
    pen = RecordingPen()
    glyph_set[name].draw(pen)
    advance = float(font["hmtx"][name][0])
    upem = int(font["head"].unitsPerEm)
    cache.put(char, pen, advance, upem)
    return pen, advance, upem


def text_width(text: str, size: float, weight: str = "normal") -> float:
    """The advance width of ``text`` at ``size`` px."""
    total = 0.0
    for ch in text:
        _, advance, upem = _glyph(weight, ch)
        total += advance * size / upem
    return total


def outline(text: str, size: float, weight: str, anchor: str, x: float = 0.0, y: float = 0.0) -> str:
    """SVG path data for ``text`` with its baseline at ``y`` and anchored at ``x``."""
    width = text_width(text, size, weight)
    pos = x - (width / 2 if anchor == "middle" else width if anchor == "end" else 0.0)
    out = SVGPathPen(None, ntos=_num)
    for ch in text:
        pen, advance, upem = _glyph(weight, ch)
        scale = size / upem
        # Font units are y-up; SVG is y-down.
        pen.replay(TransformPen(out, (scale, 0, 0, -scale, pos, y)))
        pos += advance * scale
    return str(out.getCommands())


def add_title_and_desc(svg: str, title: str, desc: str, ident: str) -> str:
    """Give the SVG an accessible name: ``<title>``/``<desc>`` first, ``role="img"``."""
    root = ET.fromstring(svg)
    t = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{ident}-title"})
    t.text = title
    d = ET.Element(f"{{{SVG_NS}}}desc", {"id": f"{ident}-desc"})
    d.text = desc
    root.insert(0, d)
    root.insert(0, t)
    attrs: dict[str, Any] = {
        "role": "img",
        "aria-labelledby": f"{ident}-title",
        "aria-describedby": f"{ident}-desc",
    }
    for k, v in attrs.items():
        root.set(k, v)
    return ET.tostring(root, encoding="unicode")
