"""Turning the ``<text>`` of a Vega SVG into ``<path>`` outlines, so the SVG needs no font.

vl-convert writes SVG text as ``<text>`` elements naming a font family, which would fall back
to another face (or boxes) wherever Noto Sans CJK is not installed — in a reader's browser,
in an e-mail client, in Typst. vl-convert has no option to outline text (its PDF output embeds
fonts, its SVG does not), so we outline it here with fontTools: the glyph outlines of the
same face Vega measured, placed with the font's advance widths. Vega bakes the baseline
offset into each element's ``transform``, so the anchor point is the alphabetic baseline.
CJK needs no shaping (one character, one glyph); kerning is ignored, as Vega ignores it
when measuring.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from typing import Any

from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen

from zhiku.figures.fonts import load_font
from zhiku.figures.glyphcache import glyph_cache, save_all

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

_PX = re.compile(r"^\s*([\d.]+)\s*(px)?\s*$")
_EM = re.compile(r"^\s*(-?[\d.]+)\s*em\s*$")
_KEEP = ("fill", "fill-opacity", "opacity", "transform", "stroke", "stroke-width", "class")


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


def _size(element: ET.Element, inherited: float) -> float:
    m = _PX.match(element.get("font-size", ""))
    return float(m.group(1)) if m else inherited


def _weight(element: ET.Element) -> str:
    w = element.get("font-weight", "normal")
    return "bold" if w == "bold" or (w.isdigit() and int(w) >= 600) else "normal"


def _to_path(text_el: ET.Element) -> ET.Element:
    size = _size(text_el, 11.0)
    weight = _weight(text_el)
    anchor = text_el.get("text-anchor", "start")
    parts: list[str] = []
    spans = list(text_el)
    if text_el.text and text_el.text.strip():
        parts.append(outline(text_el.text, size, weight, anchor))
    line_y = 0.0
    for span in spans:  # Vega writes multi-line labels as <tspan x=… dy=…em>
        dy = span.get("dy", "0")
        m = _EM.match(dy)
        line_y += float(m.group(1)) * size if m else float(dy or 0)
        x = float(span.get("x", "0") or 0)
        if span.text:
            parts.append(outline(span.text, _size(span, size), _weight(span) or weight, anchor, x, line_y))
    path = ET.Element(f"{{{SVG_NS}}}path")
    for key in _KEEP:
        if key in text_el.attrib:
            path.set(key, text_el.attrib[key])
    path.set("d", " ".join(p for p in parts if p))
    # The size the text was drawn at, kept for checks of legibility (tests/test_phone.py).
    path.set("data-font-size", _num(size))
    return path


def outline_svg_text(svg: str) -> str:
    """The same SVG with every ``<text>`` replaced by its outlines."""
    root = ET.fromstring(svg)
    parents: dict[ET.Element, ET.Element] = {c: p for p in root.iter() for c in p}
    for text_el in list(root.iter(f"{{{SVG_NS}}}text")):
        parent = parents[text_el]
        index = list(parent).index(text_el)
        parent.remove(text_el)
        new = _to_path(text_el)
        new.tail = text_el.tail
        parent.insert(index, new)
    save_all()  # outlines read from the font this time, for the next build
    return ET.tostring(root, encoding="unicode")


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
