"""From a ```figure block and the store to a Vega-Lite spec, its data table and its description.

The block's keys (docs/format.md): ``title``, ``series`` (one id or several), ``source``
(the source line; defaults to the series' recorded sources), and options ``kind`` (bar, line,
multi-line, stacked-bar; default bar, or line for monthly data), ``from``/``to`` (periods),
``unit`` (the axis unit; defaults to the series' unit), ``legend`` (short names for the
series, comma-separated), ``labels`` (yes/no: values printed on the bars; default yes when
there are few bars).
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from typing import Any

from zhiku.data import Store, parse_period
from zhiku.data.model import SeriesInfo
from zhiku.errors import ZhikuError
from zhiku.model import Figure

KINDS = {
    "bar": "bar",
    "柱状图": "bar",
    "line": "line",
    "折线图": "line",
    "multi-line": "line",
    "multiline": "line",
    "lines": "line",
    "stacked-bar": "stacked-bar",
    "stacked_bar": "stacked-bar",
    "stacked": "stacked-bar",
    "堆积柱状图": "stacked-bar",
}
KIND_ZH = {"bar": "柱状图", "line": "折线图", "stacked-bar": "堆积柱状图"}
PERIOD_ZH = {"annual": "年份", "quarterly": "季度", "monthly": "月份"}
# Dark blue, brick, green, ochre, grey: distinguishable in print and for common colour blindness.
PALETTE = ("#1f4e79", "#c0504d", "#4f7f3a", "#b8860b", "#6d6d6d", "#7b5ea7")
FONT = "Noto Sans CJK SC"
WIDTH = 600
HEIGHT = 280
MAX_LABELLED_MARKS = 12


@dataclass(frozen=True)
class Layout:
    """The size a figure is drawn at, and its text sizes in the SVG's own pixels."""

    width: int  # the plot area; axes, legend and padding add about 56 px
    height: int
    text: int  # axis labels, bar labels
    title: int  # the axis title (单位：…) and the legend
    max_labels: int  # period labels on the x axis at most (more would overlap)


# The page and the PDF: 656 px wide, shown at 1.0–1.1× on a desktop page.
WIDE = Layout(WIDTH, HEIGHT, 11, 12, 13)
# A phone (375 px): drawn 320 px wide so that it is shown at about 1.05×, every text at 12 px and
# up, so never below 11 CSS px even on a 340 px-wide column; fewer period labels fit.
PHONE = Layout(264, 230, 12, 12, 6)


@dataclass(frozen=True)
class FigureData:
    """Everything drawn in one figure, resolved against the store."""

    kind: str
    series: tuple[SeriesInfo, ...]
    names: tuple[str, ...]  # display names (legend, table columns), one per series
    unit: str
    periods: tuple[str, ...]
    values: tuple[dict[str, float], ...]  # per series: period -> value
    source_line: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    description: str


def _err(block: Figure, zh: str, en: str) -> ZhikuError:
    return ZhikuError(zh, en, block.source.file, block.source.line)


def _split(values: tuple[str, ...]) -> list[str]:
    """``series: a, b`` arrives as one string; a YAML list as several."""
    out: list[str] = []
    for v in values:
        out.extend(p.strip() for p in re.split(r"[,，、]", v) if p.strip())
    return out


def format_value(value: float) -> str:
    """A stored value as the analyst wrote it: 715.7, 654, 12400, -0.4 (no float noise)."""
    text = f"{value:.10g}"
    return text.replace("-", "−") if value < 0 else text


def decimals(values: dict[str, float]) -> int:
    """How many decimals a series is written with: the most any of its values needs."""
    return max((len(t.split(".")[1]) for t in (f"{v:.10g}" for v in values.values()) if "." in t), default=0)


def format_fixed(value: float, places: int) -> str:
    """``value`` with ``places`` decimals (a table column reads 1.0, 1.7, 13.5, not 1, 1.7, 13.5)."""
    text = f"{value:.{places}f}"
    return text.replace("-", "−") if value < 0 else text


def column_title(name: str, unit: str) -> str:
    """``name（unit）``, or ``name（…，unit）`` when the name already ends in parentheses."""
    if name.endswith("）"):
        return f"{name[:-1]}，{unit}）"
    return f"{name}（{unit}）"


def resolve(block: Figure, store: Store) -> FigureData:
    """Check the block against the store and collect the numbers to draw."""
    ids = _split(block.series)
    if not ids:
        raise _err(
            block,
            f"图表“{block.title}”还没有数据：请在图表块里写 series:（序列代码，见 zhiku data list）",
            f"figure '{block.title}' has no data yet: add 'series:' to the block (ids: zhiku data list)",
        )
    infos: list[SeriesInfo] = []
    for sid in ids:
        try:
            infos.append(store.series(sid))
        except ZhikuError as e:
            raise _err(block, e.zh, e.en) from e
    frequencies = {i.frequency for i in infos}
    if len(frequencies) > 1:
        raise _err(
            block,
            "同一张图里的序列频率不同（年度与月度混用）",
            "the figure mixes series of different frequencies (annual and monthly)",
        )
    frequency = infos[0].frequency

    kind_text = (block.option("kind") or ("line" if frequency == "monthly" else "bar")).strip().lower()
    kind = KINDS.get(kind_text)
    if kind is None:
        raise _err(
            block,
            f"不认识的图表类型 kind: {kind_text}；可用 bar、line、multi-line、stacked-bar",
            f"unknown figure kind '{kind_text}'; use bar, line, multi-line or stacked-bar",
        )

    bounds: list[str | None] = []
    for key in ("from", "to"):
        raw = block.option(key)
        if raw is None or not raw.strip():
            bounds.append(None)
            continue
        parsed = parse_period(raw)
        if parsed is None:
            raise _err(
                block,
                f"{key}: {raw} 不是时期（应写作 2020 或 2021-10）",
                f"'{key}: {raw}' is not a period (write 2020 or 2021-10)",
            )
        bounds.append(parsed[0])
    start, end = bounds

    units = {i.unit for i in infos}
    unit = (block.option("unit") or "").strip()
    if not unit:
        if len(units) > 1:
            raise _err(
                block,
                f"图中序列的单位不同（{'、'.join(sorted(units))}），请用 unit: 指明坐标轴单位",
                f"the series have different units ({', '.join(sorted(units))}); set 'unit:' for the axis",
            )
        unit = infos[0].unit

    names = [i.name_zh for i in infos]
    legend = block.option("legend")
    if legend:
        given = _split((legend,))
        if len(given) != len(infos):
            raise _err(
                block,
                f"legend: 给了{len(given)}个名称，但有{len(infos)}个序列",
                f"'legend:' gives {len(given)} names for {len(infos)} series",
            )
        names = given

    values: list[dict[str, float]] = []
    for info in infos:
        obs = dict(store.observations(info.id, start, end))
        if not obs:
            span = f"{start or '…'}—{end or '…'}"
            raise _err(
                block,
                f"序列 {info.id} 在 {span} 没有数据",
                f"series {info.id} has no observations in {span}",
            )
        values.append(obs)
    periods = tuple(sorted(set().union(*values)))

    source_line = "资料来源：" + (block.source_note or "；".join(dict.fromkeys(i.source for i in infos)))
    period_col = PERIOD_ZH.get(frequency, "时期")
    columns = (period_col, *(column_title(n, i.unit) for n, i in zip(names, infos, strict=True)))
    places = [decimals(v) for v in values]
    rows = tuple(
        (p, *(format_fixed(v[p], d) if p in v else "—" for v, d in zip(values, places, strict=True)))
        for p in periods
    )
    data = FigureData(
        kind=kind,
        series=tuple(infos),
        names=tuple(names),
        unit=unit,
        periods=periods,
        values=tuple(values),
        source_line=source_line,
        columns=columns,
        rows=rows,
        description="",
    )
    return _with_description(block, data)


def _period_zh(period: str, frequency: str) -> str:
    if frequency == "annual":
        return f"{period}年"
    if frequency == "monthly":
        y, m = period.split("-")
        return f"{y}年{int(m)}月"
    return period


def _with_description(block: Figure, data: FigureData) -> FigureData:
    """One sentence for ``<desc>`` and alt text: kind, span, and each series' extremes."""
    freq = data.series[0].frequency
    first, last = _period_zh(data.periods[0], freq), _period_zh(data.periods[-1], freq)
    parts = [f"{KIND_ZH[data.kind]}：{block.title}，{first}至{last}"]
    for name, info, values in zip(data.names, data.series, data.values, strict=True):
        hi = max(values, key=lambda p: values[p])
        lo = min(values, key=lambda p: values[p])
        unit = info.unit
        if len(values) <= 4:
            listed = "，".join(
                f"{_period_zh(p, freq)}{format_value(v)}{unit}" for p, v in sorted(values.items())
            )
            parts.append(f"{name}：{listed}")
        else:
            parts.append(
                f"{name}最高为{_period_zh(hi, freq)}的{format_value(values[hi])}{unit}，"
                f"最低为{_period_zh(lo, freq)}的{format_value(values[lo])}{unit}"
            )
    parts.append(data.source_line)
    return dataclasses.replace(data, description="；".join(parts) + "。")


def _label_values(periods: tuple[str, ...], frequency: str, most: int = 13) -> list[str]:
    """Which periods get an axis label, so ``most`` labels at most fit without overlapping."""
    n = len(periods)
    if n <= most:
        return list(periods)
    if frequency == "annual":
        step = next((s for s in (2, 5, 10, 20, 25, 50, 100) if n / s <= most), 100)
        return [p for p in periods if int(p) % step == 0]
    if frequency == "monthly":
        months = next((m for m in (3, 6, 12, 24, 60, 120, 240) if n / m <= most), 240)
        step_years = max(1, months // 12)
        return [
            p
            for p in periods
            if (int(p[5:7]) - 1) % min(months, 12) == 0 and int(p[:4]) % step_years == 0
        ]
    return list(periods[:: math.ceil(n / (most - 1))])


def nice_ceiling(value: float) -> float:
    """The axis top for ``value``: the next 1, 2, 2.5 or 5 times a power of ten."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value * (1 - 1e-9)))


def _band(layout: Layout, n: int) -> float:
    """The width of one bar's band (Vega's band scale with zhiku's padding)."""
    inner, outer = (0.5, 0.25) if n <= 4 else (0.25, 0.25)
    step = layout.width / max(n - inner + 2 * outer, 1)
    return step * (1 - inner)


def _bar_labels(data: FigureData, layout: Layout, stacked_top: float | None) -> dict[tuple[str, str], str]:
    """The value label of each bar (series name, period) → text, or "" where it would not fit:
    wider than its bar (it would run into the next bar's label), or, stacked, inside a segment
    lower than the text. Hidden values stay in the data table under the figure."""
    from zhiku.figures.textpaths import text_width

    band = _band(layout, len(data.periods))
    n_series = len(data.series)
    width = band if stacked_top is not None or n_series == 1 else band / n_series
    # A plain bar's label sits above it and may use the gap to the next bar too.
    room = width if stacked_top is not None else width + (band / 0.75 - band if n_series == 1 else 0)
    labels: dict[tuple[str, str], str] = {}
    for name, values in zip(data.names, data.values, strict=True):
        for period, value in values.items():
            text = format_value(value)
            fits = text_width(text, layout.text) <= room - 2
            if stacked_top is not None:
                fits = fits and abs(value) * layout.height / stacked_top >= layout.text + 4
            labels[(name, period)] = text if fits else ""
    if stacked_top is None and n_series == 1 and any(t == "" for t in labels.values()):
        return dict.fromkeys(labels, "")  # one label missing from a row of bars reads as an error
    return labels


@dataclass(frozen=True)
class Mark:
    """One plotted value: its series (index and display name), period, value and bar label."""

    index: int
    series: str
    period: str
    value: float
    label: str  # "" where it would not fit (it stays in the data table)


@dataclass(frozen=True)
class ChartPlan:
    """What a figure shows, decided once for both the Vega-Lite spec (the figure's recorded
    specification) and the native drawing (``zhiku.figures.draw``), so the two cannot differ."""

    kind: str  # bar, line, stacked-bar
    layout: Layout
    names: tuple[str, ...]
    colors: tuple[str, ...]
    periods: tuple[str, ...]
    axis_periods: tuple[str, ...]  # the periods labelled on the x axis
    unit: str
    marks: tuple[Mark, ...]  # series by series, periods in the store's order
    show_labels: bool
    points: bool  # line charts: a dot on each value
    fixed_top: float | None  # stacked bars: the y axis is 0…fixed_top, not "nice"
    negative: bool  # some value below zero: a rule at zero

    @property
    def multi(self) -> bool:
        return len(self.names) > 1

    @property
    def grouped(self) -> bool:
        """Several series side by side in each period's band (Vega-Lite's xOffset)."""
        return self.multi and self.kind == "bar"


def chart_plan(block: Figure, data: FigureData, layout: Layout = WIDE) -> ChartPlan:
    """What ``data`` is drawn as at ``layout``'s size: axis labels, bar labels, points, domain."""
    freq = data.series[0].frequency
    stacked_top: float | None = None
    if data.kind == "stacked-bar":
        totals = [sum(max(v.get(p, 0.0), 0.0) for v in data.values) for p in data.periods]
        stacked_top = nice_ceiling(max(totals, default=1.0))
    fitted = _bar_labels(data, layout, stacked_top) if data.kind != "line" else {}
    marks = tuple(
        # Bar labels repeat the number as the prose writes it (654, not 654.0); a label that would
        # not fit its bar is left empty (it stays in the data table).
        Mark(i, name, p, v, fitted.get((name, p), format_value(v)))
        for i, (name, values) in enumerate(zip(data.names, data.values, strict=True))
        for p, v in values.items()
    )
    multi = len(data.series) > 1
    # Lines of several series would print their labels on top of each other: off by default.
    few = len(marks) <= MAX_LABELLED_MARKS and not (data.kind == "line" and multi)
    show_labels = (block.option("labels") or ("yes" if few else "no")).lower() in (
        "yes", "true", "是", "1", "on",
    )
    negative = any(v < 0 for vs in data.values for v in vs.values())
    return ChartPlan(
        kind=data.kind,
        layout=layout,
        names=data.names,
        colors=PALETTE[: len(data.series)],
        periods=data.periods,
        axis_periods=tuple(_label_values(data.periods, freq, layout.max_labels)),
        unit=data.unit,
        marks=marks,
        show_labels=show_labels,
        points=len(data.periods) <= 40,
        # The axis top fixed here, so that which segment labels fit was decided on true heights.
        fixed_top=stacked_top if not negative else None,
        negative=negative,
    )


def vega_lite_spec(block: Figure, data: FigureData, layout: Layout = WIDE) -> dict[str, Any]:
    """The Vega-Lite spec for ``data`` (inline values, Noto Sans CJK SC everywhere), drawn at
    ``layout``'s size (``WIDE`` for the page and the PDF, ``PHONE`` for phones and WeChat).

    The figures are drawn natively (``zhiku.figures.draw``) to match what vl-convert draws from
    this spec; it is kept as each figure's recorded specification (``RenderedFigure.spec``) and
    as the reference of the parity test (tests/test_figure_parity.py)."""
    plan = chart_plan(block, data, layout)
    records = [
        {"period": m.period, "value": m.value, "series": m.series, "order": m.index, "label": m.label}
        for m in plan.marks
    ]
    multi = plan.multi
    colors = list(plan.colors)
    x: dict[str, Any] = {
        "field": "period",
        "type": "ordinal",  # periods are labels, never numbers: 1960, not 1,960
        "sort": list(data.periods),
        "title": None,
        "axis": {
            "values": list(plan.axis_periods),
            "labelAngle": 0,
            "labelFlush": False,
        },
    }
    y: dict[str, Any] = {
        "field": "value",
        "type": "quantitative",
        "title": f"单位：{data.unit}",
        "axis": {
            "titleAngle": 0,
            "titleAlign": "left",
            "titleBaseline": "bottom",
            "titleX": 0,
            "titleY": -8,
            "titleFontWeight": "normal",
            # No thousands separators, as Chinese statistical tables and the prose write them (12400列).
            "format": "~f",
        },
    }
    # Text layers share the scale but must not redefine the axis (a layer's axis: null hides it).
    y_plain: dict[str, Any] = {"field": "value", "type": "quantitative"}
    color: dict[str, Any] = {
        "field": "series",
        "type": "nominal",
        "sort": list(data.names),
        "scale": {"domain": list(data.names), "range": colors},
        "legend": {"orient": "bottom", "title": None, "labelLimit": 400, "direction": "horizontal"}
        if multi
        else None,
    }
    show_labels = plan.show_labels
    layers: list[dict[str, Any]] = []
    if data.kind == "line":
        layers.append(
            {
                "mark": {"type": "line", "point": plan.points, "strokeWidth": 2},
                "encoding": {"x": x, "y": y, "color": color},
            }
        )
        if show_labels:
            layers.append(
                {
                    "mark": {"type": "text", "dy": -10, "fontSize": layout.text},
                    "encoding": {"x": x, "y": y_plain, "text": {"field": "label"},
                                 "color": {**color, "legend": None}},
                }
            )
    else:
        stacked = data.kind == "stacked-bar"
        bar_y: dict[str, Any] = {**y, "stack": "zero" if stacked else None}
        if stacked and plan.fixed_top is not None:
            bar_y["scale"] = {"domain": [0, plan.fixed_top], "nice": False}
        enc: dict[str, Any] = {"x": x, "y": bar_y, "color": color}
        if multi and not stacked:
            enc["xOffset"] = {"field": "series", "sort": list(data.names)}
        if stacked:
            enc["order"] = {"field": "order"}
        layers.append({"mark": {"type": "bar"}, "encoding": enc})
        if show_labels:
            text_enc: dict[str, Any] = {
                "x": x,
                "y": {**y_plain, "stack": "zero" if stacked else None},
                "text": {"field": "label"},
            }
            if multi and not stacked:
                text_enc["xOffset"] = {"field": "series", "sort": list(data.names)}
            if stacked:
                text_enc["order"] = {"field": "order"}
            layers.append(
                {
                    "mark": {
                        "type": "text",
                        "fontSize": layout.text,
                        # Inside the top of each stacked segment; above a plain bar.
                        "baseline": "top" if stacked else "bottom",
                        "dy": 4 if stacked else -3,
                        "color": "white" if stacked else "#222",
                    },
                    "encoding": text_enc,
                }
            )
    if plan.negative:
        layers.append({"mark": {"type": "rule", "color": "#444"}, "encoding": {"y": {"datum": 0}}})
    band = {"paddingInner": 0.5 if len(data.periods) <= 4 else 0.25, "paddingOuter": 0.25}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": data.description,
        "width": layout.width,
        "height": layout.height,
        "background": "white",
        "padding": {"left": 8, "right": 16, "top": 24, "bottom": 8},
        "data": {"values": records},
        "layer": layers,
        "config": {
            "font": FONT,
            "view": {"stroke": None},
            "scale": {"bandPaddingInner": band["paddingInner"], "bandPaddingOuter": band["paddingOuter"]},
            "axis": {
                "labelFontSize": layout.text,
                "titleFontSize": layout.title,
                "labelColor": "#333",
                "titleColor": "#333",
                "domainColor": "#888",
                "tickColor": "#888",
                "gridColor": "#e6e6e6",
            },
            "axisX": {"grid": False},
            "legend": {"labelFontSize": layout.title, "symbolType": "square"},
        },
    }
