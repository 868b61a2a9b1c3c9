"""vl-convert's drawing of a figure's Vega-Lite spec, as the reference zhiku's own drawing
(zhiku.figures.draw) is held to, and reading either SVG as its parts with absolute positions so
that the two can be compared (tests/test_figure_parity.py).

vl-convert is a test dependency only: zhiku drew its charts with it until its start-up (V8 and
Vega, 0.4 s in every fresh process) proved too slow for issue 14. ``outline_svg_text`` is how
zhiku outlined vl-convert's ``<text>`` then, kept so that the reference's text becomes the same
glyph outlines zhiku writes (equal path data: equal text at the same size and anchor).
"""

from __future__ import annotations

import functools
import re
import struct
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field
from typing import Any

import vl_convert

from zhiku.figures.fonts import font_file
from zhiku.figures.textpaths import outline

SVG = "{http://www.w3.org/2000/svg}"
_TRANSLATE = re.compile(r"translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_PX = re.compile(r"^\s*([\d.]+)\s*(px)?\s*$")
_KEEP = ("fill", "fill-opacity", "opacity", "transform", "stroke", "stroke-width", "class")


@functools.cache
def _register_fonts() -> None:
    """Tell vl-convert where Noto Sans CJK lives, so Vega measures the face zhiku outlines."""
    for weight in ("normal", "bold"):
        vl_convert.register_font_directory(str(font_file(weight).parent))


def reference_svg(spec: dict[str, Any]) -> str:
    """vl-convert's SVG of ``spec``, its ``<text>`` still text."""
    _register_fonts()
    return str(vl_convert.vegalite_to_svg(spec))


def _to_path(text_el: ET.Element) -> ET.Element:
    m = _PX.match(text_el.get("font-size", ""))
    size = float(m.group(1)) if m else 11.0
    weight = "bold" if text_el.get("font-weight") in ("bold", "600", "700", "800", "900") else "normal"
    path = ET.Element(f"{SVG}path")
    for key in _KEEP:
        if key in text_el.attrib:
            path.set(key, text_el.attrib[key])
    value = "".join(text_el.itertext())
    path.set("d", outline(value, size, weight, text_el.get("text-anchor", "start")) if value.strip() else "")
    path.set("data-font-size", f"{size:g}")
    return path


def outline_svg_text(svg: str) -> str:
    """The same SVG with every ``<text>`` replaced by its outlines."""
    root = ET.fromstring(svg)
    parents = {c: p for p in root.iter() for c in p}
    for text_el in list(root.iter(f"{SVG}text")):
        parent = parents[text_el]
        index = list(parent).index(text_el)
        parent.remove(text_el)
        new = _to_path(text_el)
        new.tail = text_el.tail
        parent.insert(index, new)
    return ET.tostring(root, encoding="unicode")


@dataclass
class Item:
    """One drawn element: where it is (its translate, plus its groups'), and what it is."""

    role: str  # the nearest group class's first two words, e.g. "mark-rect role-mark"
    axis: int  # which axis group it is in (0 grid, 1 x, 2 y), -1 outside the axes
    tag: str
    x: float
    y: float
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def d(self) -> str:
        return self.attrs.get("d", "")


@dataclass
class Chart:
    width: float
    height: float
    items: list[Item]

    def of(self, role: str, axis: int | None = None) -> list[Item]:
        return [i for i in self.items if i.role == role and (axis is None or i.axis == axis)]


def _translate(el: ET.Element) -> tuple[float, float]:
    m = _TRANSLATE.search(el.get("transform", ""))
    return (float(m.group(1)), float(m.group(2))) if m else (0.0, 0.0)


def read_chart(svg: str) -> Chart:
    root = ET.fromstring(svg)
    items: list[Item] = []
    axes = [0]

    def walk(el: ET.Element, x: float, y: float, role: str, axis: int) -> None:
        for child in el:
            tag = child.tag.replace(SVG, "")
            dx, dy = _translate(child)
            if tag == "g":
                cls = child.get("class", "")
                sub_role, sub_axis = role, axis
                if cls:
                    sub_role = " ".join(cls.split()[:2])
                    if "role-axis" in cls.split():
                        sub_axis = axes[0]
                        axes[0] += 1
                walk(child, x + dx, y + dy, sub_role, sub_axis)
            elif tag in ("line", "path", "text"):
                attrs = dict(child.attrib)
                if tag == "text":
                    attrs["text"] = "".join(child.itertext())
                items.append(Item(role, axis, tag, x + dx, y + dy, attrs))

    walk(root, 0.0, 0.0, "", -1)
    return Chart(float(root.get("width", 0)), float(root.get("height", 0)), items)


def rect_of(item: Item) -> tuple[float, float, float, float]:
    """x, y, width, height of a bar drawn as ``M x,y h w v h h -w Z``."""
    x, y, w, h = (float(v) for v in _NUMBER.findall(item.d)[:4])
    return item.x + x, item.y + y, w, h


def line_points(item: Item) -> list[tuple[float, float]]:
    nums = [float(v) for v in _NUMBER.findall(item.d)]
    return [(item.x + nums[i], item.y + nums[i + 1]) for i in range(0, len(nums) - 1, 2)]


def rgba_pixels(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and RGBA bytes of an 8-bit RGBA PNG (as resvg writes it)."""
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(png):
        (n,) = struct.unpack(">I", png[pos : pos + 4])
        kind, data = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", data[:10])
            assert (depth, colour) == (8, 6), "an 8-bit RGBA PNG"
        elif kind == b"IDAT":
            idat += data
    raw = zlib.decompress(idat)
    stride = width * 4
    out = bytearray()
    prev = bytearray(stride)
    for r in range(height):
        filt = raw[r * (stride + 1)]
        row = bytearray(raw[r * (stride + 1) + 1 : (r + 1) * (stride + 1)])
        if filt == 1:
            for i in range(4, stride):
                row[i] = (row[i] + row[i - 4]) & 255
        elif filt == 2:
            for i in range(stride):
                row[i] = (row[i] + prev[i]) & 255
        elif filt == 3:
            for i in range(stride):
                left = row[i - 4] if i >= 4 else 0
                row[i] = (row[i] + (left + prev[i]) // 2) & 255
        elif filt == 4:
            for i in range(stride):
                a = row[i - 4] if i >= 4 else 0
                b, c = prev[i], prev[i - 4] if i >= 4 else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += row
        prev = row
    return width, height, bytes(out)


TOLERANCE = 1.0  # px: sizes, positions, bar edges


def _close(a: float, b: float, tol: float = TOLERANCE) -> bool:
    return abs(a - b) <= tol


def _show(values: tuple[Any, ...]) -> str:
    return "(" + ", ".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in values) + ")"


def differences(reference: str, native: str) -> list[str]:
    """How ``native`` (zhiku's drawing) differs from ``reference`` (vl-convert's SVG with its
    text outlined by ``outline_svg_text``, so that equal texts have equal path data)."""
    ref, nat = read_chart(reference), read_chart(native)
    out: list[str] = []
    if not (_close(ref.width, nat.width) and _close(ref.height, nat.height)):
        out.append(f"size {nat.width}×{nat.height}, vl-convert {ref.width}×{ref.height}")

    def texts(chart: Chart, role: str, axis: int | None = None) -> list[Item]:
        return [i for i in chart.of(role, axis) if i.d]

    def compare_texts(name: str, r: list[Item], n: list[Item], ordered: bool = True) -> None:
        if not ordered:
            r = sorted(r, key=lambda i: (round(i.x), round(i.y), i.d))
            n = sorted(n, key=lambda i: (round(i.x), round(i.y), i.d))
        if len(r) != len(n):
            out.append(f"{name}: {len(n)} texts, vl-convert {len(r)}")
            return
        for k, (a, b) in enumerate(zip(r, n, strict=True)):
            if a.d != b.d:
                out.append(f"{name}[{k}]: a different text")
            if not (_close(a.x, b.x) and _close(a.y, b.y)):
                out.append(f"{name}[{k}] at ({b.x:.2f},{b.y:.2f}), vl-convert ({a.x:.2f},{a.y:.2f})")
            if a.attrs.get("fill") != b.attrs.get("fill"):
                out.append(f"{name}[{k}] fill {b.attrs.get('fill')}, vl-convert {a.attrs.get('fill')}")

    def compare_points(name: str, r: list[tuple[Any, ...]], n: list[tuple[Any, ...]]) -> None:
        """Numbers within TOLERANCE, strings (colours) equal; in drawing order where sorted."""
        r, n = sorted(r), sorted(n)
        if len(r) != len(n):
            out.append(f"{name}: {len(n)}, vl-convert {len(r)}")
            return
        for k, (a, b) in enumerate(zip(r, n, strict=True)):
            if not all(u == v if isinstance(u, str) else _close(u, v) for u, v in zip(a, b, strict=True)):
                out.append(f"{name}[{k}] {_show(b)}, vl-convert {_show(a)}")

    compare_texts(
        "x labels", texts(ref, "mark-text role-axis-label", 1), texts(nat, "mark-text role-axis-label", 1)
    )
    compare_texts(
        "y labels", texts(ref, "mark-text role-axis-label", 2), texts(nat, "mark-text role-axis-label", 2)
    )
    compare_texts("y title", texts(ref, "mark-text role-axis-title"), texts(nat, "mark-text role-axis-title"))
    for role, name in (
        ("mark-rule role-axis-grid", "grid"),
        ("mark-rule role-axis-tick", "ticks"),
        ("mark-rule role-axis-domain", "axis lines"),
    ):
        compare_points(
            name,
            [(i.x, i.y, float(i.attrs.get("x2", 0)), float(i.attrs.get("y2", 0))) for i in ref.of(role)],
            [(i.x, i.y, float(i.attrs.get("x2", 0)), float(i.attrs.get("y2", 0))) for i in nat.of(role)],
        )
    ref_bars = [(*rect_of(i), i.attrs["fill"]) for i in ref.of("mark-rect role-mark")]
    nat_bars = [(*rect_of(i), i.attrs["fill"]) for i in nat.of("mark-rect role-mark")]
    compare_points("bars", [b for b in ref_bars if b[3] > 0], [b for b in nat_bars if b[3] > 0])
    compare_texts(
        "value labels", texts(ref, "mark-text role-mark"), texts(nat, "mark-text role-mark"), ordered=False
    )
    compare_points(
        "points",
        [(i.x, i.y, i.attrs["fill"]) for i in ref.of("mark-symbol role-mark")],
        [(i.x, i.y, i.attrs["fill"]) for i in nat.of("mark-symbol role-mark")],
    )
    ref_lines = [p for i in ref.of("mark-line role-mark") for p in line_points(i)]
    nat_lines = [p for i in nat.of("mark-line role-mark") for p in line_points(i)]
    compare_points("line vertices", ref_lines, nat_lines)
    compare_points(
        "zero rule",
        sorted({(i.x, i.y) for i in ref.of("mark-rule role-mark")}),
        sorted({(i.x, i.y) for i in nat.of("mark-rule role-mark")}),
    )
    compare_texts(
        "legend labels", texts(ref, "mark-text role-legend-label"), texts(nat, "mark-text role-legend-label")
    )
    compare_points(
        "legend symbols",
        [(i.x, i.y, i.attrs["fill"]) for i in ref.of("mark-symbol role-legend-symbol")],
        [(i.x, i.y, i.attrs["fill"]) for i in nat.of("mark-symbol role-legend-symbol")],
    )
    return out


def mean_difference(png_a: bytes, png_b: bytes) -> float:
    """The mean absolute difference of two same-sized RGBA images, per channel (0–255)."""
    wa, ha, a = rgba_pixels(png_a)
    wb, hb, b = rgba_pixels(png_b)
    assert (wa, ha) == (wb, hb), f"{wa}×{ha} against {wb}×{hb}"
    return sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)
