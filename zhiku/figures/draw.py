"""zhiku's three chart kinds drawn natively as SVG, as vl-convert draws their Vega-Lite spec.

Why not vl-convert: the project takes the well-kept library unless a benchmark shows ours must
be faster, and this is that case. Issue 14 asks a cold ``zhiku build`` of the example to take no
longer than Pandoc + Typst (about 0.35 s); a fresh vl-convert spent about 0.4 s of CPU starting
V8 and Vega before its first chart, then about 0.09 s a chart, twice a figure (page and phone):
its start-up alone was more than the peer's whole build. Drawing the same chart here takes a
few milliseconds. vl-convert stays the reference: tests/test_figure_parity.py draws each case
both ways and compares sizes, ticks, bars, points, labels and legend, and the pixels.

What is reproduced of Vega (``zhiku.figures.scale`` has the scale arithmetic):

* the layout: the plot (``Layout.width`` × ``height``) plus the extents of the axes, the axis
  title, the marks' text and the legend, plus the padding (left 8, right 16, top 24, bottom 8),
  each side rounded up as Vega's ``autosize: pad`` does, measuring text with the font's advances;
* the y scale: zero included, ``nice`` (d3, count 10) unless stacked bars fix 0…top; axis ticks
  from d3 ``ticks`` with ``ceil(height / 40)``, tick and grid lines at whole pixels;
* the x scale: a band scale for bars (padding inner 0.5 up to four periods, else 0.25; outer
  0.25; inner and outer 0.2 with several series side by side, each in its own inner band), a
  point scale with padding 0.5 for lines;
* text placed like Vega's SVG renderer (the baseline offset rounded from 0.79/0.30/−0.21 of the
  size) and written as outlines of Noto Sans CJK SC (``textpaths.outline``): no ``<text>``, no font
  needed where the figure is shown;
* Vega's group classes (``mark-rect role-mark``, ``role-axis-label``, ``role-legend`` …), so the
  parity test can compare the two drawings element by element.

The zero rule is drawn once (Vega draws it once per data row, on top of itself).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from zhiku.figures.glyphcache import save_all
from zhiku.figures.scale import Band, Linear, js_round, nice, point, tick_format, ticks
from zhiku.figures.spec import WIDTH, ChartPlan, Mark
from zhiku.figures.textpaths import outline, text_width

PADDING = (8, 16, 24, 8)  # left, right, top, bottom: vega_lite_spec's padding
AXIS_COLOR = "#888"
GRID_COLOR = "#e6e6e6"
LABEL_COLOR = "#333"
TICK_SIZE = 5
LABEL_PADDING = 2
TITLE_Y = -8  # the y axis title's baseline (bottom), above the plot
LEGEND_OFFSET = 18
LEGEND_COLUMN_PADDING = 10
LEGEND_SYMBOL = 10  # the side of a legend square (Vega's symbol size 100)
LEGEND_LABEL_X = 16  # symbol (12) and label offset (4)
POINT_RADIUS = math.sqrt(30) / 2  # Vega's default point size 30: a circle of side √30
ZERO_RULE_COLOR = "#444"


def _n(value: float) -> str:
    """A coordinate: at most three decimals, no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def baseline_offset(baseline: str, size: float) -> int:
    """Vega's own baseline shift of a text's anchor point (scenegraph ``offset``)."""
    factor = {"top": 0.79, "middle": 0.30, "bottom": -0.21}.get(baseline, 0.0)
    return js_round(factor * size)


@dataclass
class Bounds:
    """A bounding box, as Vega's ``Bounds``: empty until something is added."""

    x1: float = math.inf
    y1: float = math.inf
    x2: float = -math.inf
    y2: float = -math.inf

    def add(self, x: float, y: float) -> Bounds:
        self.x1, self.y1 = min(self.x1, x), min(self.y1, y)
        self.x2, self.y2 = max(self.x2, x), max(self.y2, y)
        return self

    def union(self, other: Bounds, dx: float = 0.0, dy: float = 0.0) -> Bounds:
        if other.x1 <= other.x2:
            self.add(other.x1 + dx, other.y1 + dy).add(other.x2 + dx, other.y2 + dy)
        return self


@dataclass
class Text:
    """One piece of text: its anchor (after Vega's baseline offset) and its bounds."""

    x: float
    y: float
    text: str
    size: float
    anchor: str  # start, middle, end
    fill: str
    bounds: Bounds = field(default_factory=Bounds)

    def svg(self) -> str:
        if not self.text:
            return ""
        d = outline(self.text, self.size, "normal", self.anchor)
        return (
            f'<path transform="translate({_n(self.x)},{_n(self.y)})" d="{d}" fill="{self.fill}" '
            f'data-font-size="{_n(self.size)}"/>'
        )


def text(
    x: float,
    y: float,
    value: str,
    size: float,
    *,
    align: str = "left",
    baseline: str = "alphabetic",
    dy: float = 0.0,
    fill: str = LABEL_COLOR,
) -> Text:
    """Text placed as Vega places it: ``dy`` and the baseline offset added to ``y``; its bounds
    are Vega's (the advance width; 0.8 of the size above the anchor, the size high)."""
    width = text_width(value, size)
    top = y + dy + baseline_offset(baseline, size) - js_round(0.8 * size)
    left = x - (width / 2 if align == "center" else width if align == "right" else 0.0)
    anchor = {"center": "middle", "right": "end"}.get(align, "start")
    item = Text(x, y + dy + baseline_offset(baseline, size), value, size, anchor, fill)
    if value:
        item.bounds.add(left, top).add(left + width, top + size)
    return item


def _group(cls: str, body: list[str], transform: str | None = None) -> str:
    inner = "".join(body)
    if transform is not None:
        inner = f'<g transform="{transform}">{inner}</g>'
    return f'<g class="{cls}">{inner}</g>'


def _line(x: float, y: float, x2: float, y2: float, stroke: str, width: float | None = 1) -> str:
    sw = f' stroke-width="{_n(width)}"' if width is not None else ""
    return f'<line transform="translate({_n(x)},{_n(y)})" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{stroke}"{sw}/>'


def _rect_path(x: float, y: float, w: float, h: float) -> str:
    return f"M{_n(x)},{_n(y)}h{_n(w)}v{_n(h)}h{_n(-w)}Z"


@dataclass
class _Geometry:
    """The scales of one chart."""

    y: Linear
    y_ticks: list[float]
    x: Band  # band (bars) or point (lines) scale over the periods
    inner: Band | None  # grouped bars: one inner band per series
    stacks: dict[tuple[int, str], tuple[float, float]]  # stacked bars: (start, end) per mark


def _geometry(plan: ChartPlan) -> _Geometry:
    width, height = plan.layout.width, plan.layout.height
    stacks: dict[tuple[int, str], tuple[float, float]] = {}
    if plan.kind == "stacked-bar":
        # Vega's stack transform, offset zero: positive values upwards, negative downwards, in
        # series order within each period.
        pos: dict[str, float] = {}
        neg: dict[str, float] = {}
        for m in sorted(plan.marks, key=lambda m: m.index):
            acc = neg if m.value < 0 else pos
            start = acc.get(m.period, 0.0)
            acc[m.period] = start + m.value
            stacks[(m.index, m.period)] = (start, start + m.value)
        extent = [v for pair in stacks.values() for v in pair]
    else:
        extent = [m.value for m in plan.marks]
    lo, hi = min([0.0, *extent]), max([0.0, *extent])
    domain = (0.0, plan.fixed_top) if plan.fixed_top is not None else nice(lo, hi, 10)
    y = Linear(domain, (height, 0.0))
    y_ticks = ticks(domain[0], domain[1], math.ceil(height / 40))
    n = len(plan.periods)
    inner: Band | None = None
    if plan.kind == "line":
        x = point(n, width)
    elif plan.grouped:
        x = Band(n, width, 0.2, 0.2)  # Vega-Lite's offsetBandPaddingInner/Outer with xOffset
        inner = Band(len(plan.names), x.bandwidth, 0.0, 0.0)
    else:
        x = Band(n, width, 0.5 if n <= 4 else 0.25, 0.25)
    return _Geometry(y, y_ticks, x, inner, stacks)


class _Chart:
    """The parts of one chart, each with its SVG and its bounds in the plot's coordinates."""

    def __init__(self, plan: ChartPlan) -> None:
        self.plan = plan
        self.geo = _geometry(plan)
        self.index = {p: i for i, p in enumerate(plan.periods)}
        self.parts: list[str] = []
        self.bounds = Bounds().add(0, 0).add(plan.layout.width, plan.layout.height)
        self.x_axis_bottom = float(plan.layout.height)

    # --- axes -------------------------------------------------------------------------------

    def grid(self) -> None:
        width = self.plan.layout.width
        lines = [_line(0, js_round(self.geo.y(t)), width, 0, GRID_COLOR) for t in self.geo.y_ticks]
        self.parts.append(
            _group("mark-group role-axis", [_group("mark-rule role-axis-grid", lines)], "translate(0.5,0.5)")
        )

    def _center(self, period: str) -> float:
        x = self.geo.x
        return x(self.index[period]) + x.bandwidth / 2

    def x_axis(self) -> None:
        layout = self.plan.layout
        # Vega shifts a band scale's labels half a pixel back against the axis' own half pixel.
        shift = 0.0 if self.plan.kind == "line" else -0.5
        ticks_svg: list[str] = []
        labels: list[Text] = []
        b = Bounds()
        for period in self.plan.axis_periods:
            cx = self._center(period)
            tx = js_round(cx)
            ticks_svg.append(_line(tx, 0, 0, TICK_SIZE, AXIS_COLOR))
            b.add(tx - 1, -1).add(tx + 1, TICK_SIZE + 1)  # the stroke widens a rule's bounds
            label = text(
                cx + shift,
                TICK_SIZE + LABEL_PADDING,
                period,
                layout.text,
                align="center",
                baseline="top",
                fill=LABEL_COLOR,
            )
            labels.append(label)
            b.union(label.bounds)
        extent = max(b.y2, 0.0) if b.y2 > -math.inf else 0.0
        axis = Bounds().union(b).add(0, 0).add(layout.width, extent)
        self.bounds.union(axis, 0, layout.height)
        self.x_axis_bottom = layout.height + extent
        body = [
            _group("mark-rule role-axis-tick", ticks_svg),
            _group("mark-text role-axis-label", [t.svg() for t in labels]),
            _group("mark-rule role-axis-domain", [_line(0, 0, layout.width, 0, AXIS_COLOR)]),
        ]
        self.parts.append(_group("mark-group role-axis", body, f"translate(0.5,{_n(layout.height + 0.5)})"))

    def y_axis(self) -> None:
        layout = self.plan.layout
        ticks_svg: list[str] = []
        labels: list[Text] = []
        b = Bounds()
        for t in self.geo.y_ticks:
            y = self.geo.y(t)
            ty = js_round(y)
            ticks_svg.append(_line(0, ty, -TICK_SIZE, 0, AXIS_COLOR))
            b.add(-TICK_SIZE - 1, ty - 1).add(1, ty + 1)
            label = text(
                -(TICK_SIZE + LABEL_PADDING),
                y,
                tick_format(t),
                layout.text,
                align="right",
                baseline="middle",
                fill=LABEL_COLOR,
            )
            labels.append(label)
            b.union(label.bounds)
        title = text(0, TITLE_Y, f"单位：{self.plan.unit}", layout.title, baseline="bottom", fill=LABEL_COLOR)
        axis = Bounds().union(b)
        extent = max(-axis.x1, 0.0) if axis.x1 < math.inf else 0.0
        axis.add(-extent, 0).add(0, layout.height).union(title.bounds)
        self.bounds.union(axis)
        body = [
            _group("mark-rule role-axis-tick", ticks_svg),
            _group("mark-text role-axis-label", [t.svg() for t in labels]),
            _group("mark-rule role-axis-domain", [_line(0, layout.height, 0, -layout.height, AXIS_COLOR)]),
            _group("mark-text role-axis-title", [title.svg()]),
        ]
        self.parts.append(_group("mark-group role-axis", body, "translate(0.5,0.5)"))

    # --- marks ------------------------------------------------------------------------------

    def _bar_x(self, m: Mark) -> tuple[float, float]:
        x = self.geo.x(self.index[m.period])
        if self.geo.inner is not None:
            return x + self.geo.inner(m.index), self.geo.inner.bandwidth
        return x, self.geo.x.bandwidth

    def _span(self, m: Mark) -> tuple[float, float]:
        """The value range a bar covers: its stack segment, or zero to its value."""
        return self.geo.stacks.get((m.index, m.period), (0.0, m.value))

    def bars(self) -> None:
        y = self.geo.y
        paths: list[str] = []
        for m in self.plan.marks:
            x, w = self._bar_x(m)
            w = max(0.25, w)
            start, end = self._span(m)
            y1, y2 = sorted((y(end), y(start)))
            paths.append(f'<path d="{_rect_path(x, y1, w, y2 - y1)}" fill="{self.plan.colors[m.index]}"/>')
            self.bounds.add(x, y1).add(x + w, y2)
        self.parts.append(_group("mark-rect role-mark", paths))

    def bar_labels(self) -> None:
        size = self.plan.layout.text
        stacked = self.plan.kind == "stacked-bar"
        items: list[Text] = []
        for m in self.plan.marks:
            x, w = self._bar_x(m)
            if stacked:
                label = text(
                    x + w / 2,
                    self.geo.y(self._span(m)[1]),
                    m.label,
                    size,
                    align="center",
                    baseline="top",
                    dy=4,
                    fill="white",
                )
            else:
                label = text(
                    x + w / 2,
                    self.geo.y(m.value),
                    m.label,
                    size,
                    align="center",
                    baseline="bottom",
                    dy=-3,
                    fill="#222",
                )
            items.append(label)
            self.bounds.union(label.bounds)
        self.parts.append(_group("mark-text role-mark", [t.svg() for t in items]))

    def _points(self) -> dict[int, list[tuple[float, float, Mark]]]:
        by_series: dict[int, list[tuple[float, float, Mark]]] = {}
        for m in self.plan.marks:
            by_series.setdefault(m.index, []).append((self._center(m.period), self.geo.y(m.value), m))
        for pts in by_series.values():
            pts.sort(key=lambda p: p[0])
        return by_series

    def lines(self) -> None:
        series = self._points()
        paths: list[str] = []
        for index, pts in series.items():
            d = "M" + "L".join(f"{_n(x)},{_n(y)}" for x, y, _ in pts)
            paths.append(f'<path d="{d}" stroke="{self.plan.colors[index]}" stroke-width="2"/>')
            for x, y, _ in pts:
                self.bounds.add(x - 2, y - 2).add(x + 2, y + 2)  # the stroke widens the bounds
        self.parts.append(_group("mark-line role-mark", paths))
        if self.plan.points:
            r = _n(POINT_RADIUS)
            circle = f"M{r},0A{r},{r},0,1,1,-{r},0A{r},{r},0,1,1,{r},0"
            dots = [
                f'<path transform="translate({_n(x)},{_n(y)})" d="{circle}" '
                f'fill="{self.plan.colors[m.index]}"/>'
                for pts in series.values()
                for x, y, m in pts
            ]
            self.parts.append(_group("mark-symbol role-mark", dots))

    def line_labels(self) -> None:
        size = self.plan.layout.text
        items: list[Text] = []
        for m in self.plan.marks:
            label = text(
                self._center(m.period),
                self.geo.y(m.value),
                m.label,
                size,
                align="center",
                baseline="middle",
                dy=-10,
                fill=self.plan.colors[m.index],
            )
            items.append(label)
            self.bounds.union(label.bounds)
        self.parts.append(_group("mark-text role-mark", [t.svg() for t in items]))

    def zero_rule(self) -> None:
        width = self.plan.layout.width
        y0 = self.geo.y(0.0)
        self.parts.append(_group("mark-rule role-mark", [_line(width, y0, -width, 0, ZERO_RULE_COLOR, None)]))
        self.bounds.add(-1, y0 - 1).add(width + 1, y0 + 1)  # its stroke widens its bounds

    def legend(self) -> None:
        """The legend under the x axis: a square and the series' name, in one row. A line
        chart's squares are also stroked (1.5 px), which Vega counts in each entry's size."""
        size = self.plan.layout.title
        stroked = self.plan.kind == "line"
        top = math.ceil(self.x_axis_bottom) + LEGEND_OFFSET
        entry_y = 0.25 if stroked else 0.0
        half, side = LEGEND_SYMBOL / 2, LEGEND_SYMBOL
        square = f"M{-half:g},{-half:g}h{side}v{side}h{-side}Z"
        entries: list[str] = []
        x = 0.0
        right = 0.0
        for index, name in enumerate(self.plan.names):
            color = self.plan.colors[index]
            stroke = f' stroke="{color}" stroke-width="1.5"' if stroked else ""
            symbol = f'<path transform="translate(6,6)" d="{square}" fill="{color}"{stroke}/>'
            label = text(LEGEND_LABEL_X, 6, name, size, baseline="middle", fill="#000")
            entries.append(
                f'<g transform="translate({_n(x)},{_n(entry_y)})">'
                + _group("mark-symbol role-legend-symbol", [symbol])
                + _group("mark-text role-legend-label", [label.svg()])
                + "</g>"
            )
            width = LEGEND_LABEL_X + text_width(name, size)
            right = x + width
            x = math.ceil(x + width + (1 if stroked else 0)) + LEGEND_COLUMN_PADDING
        height = LEGEND_SYMBOL + 2 + (1 if stroked else 0)
        self.bounds.add(0, top).add(math.ceil(right), top + height)
        self.parts.append(
            _group(
                "mark-group role-legend",
                [_group("mark-group role-legend-entry", entries)],
                f"translate(0,{_n(top)})",
            )
        )

    def svg(self) -> str:
        plan, layout = self.plan, self.plan.layout
        self.grid()
        self.x_axis()
        self.y_axis()
        if plan.kind == "line":
            self.lines()
            if plan.show_labels:
                self.line_labels()
        else:
            self.bars()
            if plan.show_labels:
                self.bar_labels()
        if plan.negative:
            self.zero_rule()
        if plan.multi:
            self.legend()
        save_all()  # outlines read from the font this time, for the next build
        left_pad, right_pad, top_pad, bottom_pad = PADDING
        b = self.bounds
        left = max(0, math.ceil(-b.x1))
        right = max(0, math.ceil(b.x2 - layout.width))
        top = max(0, math.ceil(-b.y1))
        bottom = max(0, math.ceil(b.y2 - layout.height))
        width = layout.width + left + right + left_pad + right_pad
        height = layout.height + top + bottom + top_pad + bottom_pad
        return _document(width, height, left + left_pad, top + top_pad, "".join(self.parts))


def _document(width: int, height: int, x: int, y: int, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><rect width="{width}" height="{height}" fill="white"/>'
        f'<g fill="none" stroke-miterlimit="10" transform="translate({x},{y})">'
        f'<g class="mark-group role-frame root">{body}</g></g></svg>'
    )


def draw_svg(plan: ChartPlan) -> str:
    """The chart ``plan`` describes, as an SVG with its text outlined."""
    return _Chart(plan).svg()


WAITING_WIDTH = WIDTH
WAITING_HEIGHT = 140


def draw_waiting(message: str) -> str:
    """The placeholder of a figure without data: ``message`` centred in a dashed box."""
    size = 22
    label = text(
        WAITING_WIDTH / 2,
        WAITING_HEIGHT / 2,
        message,
        size,
        align="center",
        baseline="middle",
        fill="#8a6d00",
    )
    box = (
        f'<path d="{_rect_path(0, 0, WAITING_WIDTH, WAITING_HEIGHT)}" stroke="#c9a400" '
        'stroke-width="1.5" stroke-dasharray="6,4"/>'
    )
    body = box + _group("mark-text role-mark", [label.svg()])
    save_all()
    return _document(WAITING_WIDTH + 10, WAITING_HEIGHT + 10, 5, 5, body)


__all__ = ["draw_svg", "draw_waiting"]
