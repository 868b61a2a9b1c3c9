"""The scale arithmetic of Vega and d3, reproduced so that native charts match vl-convert's.

``nice`` and ``ticks`` follow d3-scale's ``linear.nice()`` and d3-array's ``ticks`` /
``tickIncrement`` (which Vega uses for a linear scale with ``nice: true`` and for axis ticks);
``band`` follows Vega's band scale (d3's, with ``bandSpace``); ``point`` is a band scale with
inner padding 1. ``tick_format`` is d3-format's ``~f``. The parity test
(tests/test_figure_parity.py) checks the results against vl-convert's drawings.
"""

from __future__ import annotations

import math

_E10 = math.sqrt(50)
_E5 = math.sqrt(10)
_E2 = math.sqrt(2)


def js_round(x: float) -> int:
    """JavaScript's ``Math.round`` (halves up), not Python's banker's rounding."""
    return math.floor(x + 0.5)


def _tick_spec(start: float, stop: float, count: float) -> tuple[int, int, float]:
    """d3-array's ``tickSpec``: the first and last tick index and the increment (negative: the
    inverse of the step, so that decimal ticks are exact quotients)."""
    step = (stop - start) / max(0.0, count)
    power = math.floor(math.log10(step))
    error = step / 10.0**power
    factor = 10 if error >= _E10 else 5 if error >= _E5 else 2 if error >= _E2 else 1
    if power < 0:
        inc = 10.0**-power / factor
        i1, i2 = js_round(start * inc), js_round(stop * inc)
        if i1 / inc < start:
            i1 += 1
        if i2 / inc > stop:
            i2 -= 1
        inc = -inc
    else:
        inc = 10.0**power * factor
        i1, i2 = js_round(start / inc), js_round(stop / inc)
        if i1 * inc < start:
            i1 += 1
        if i2 * inc > stop:
            i2 -= 1
    if i2 < i1 and 0.5 <= count < 2:
        return _tick_spec(start, stop, count * 2)
    return i1, i2, inc


def tick_increment(start: float, stop: float, count: float) -> float:
    if stop == start or not count > 0:
        return 0.0
    return _tick_spec(start, stop, count)[2]


def ticks(start: float, stop: float, count: float) -> list[float]:
    """d3-array ``ticks(start, stop, count)`` for ``start <= stop``."""
    if not count > 0:
        return []
    if start == stop:
        return [start]
    i1, i2, inc = _tick_spec(start, stop, count)
    if i2 < i1:
        return []
    if inc < 0:
        return [(i1 + i) / -inc for i in range(i2 - i1 + 1)]
    return [(i1 + i) * inc for i in range(i2 - i1 + 1)]


def nice(start: float, stop: float, count: int = 10) -> tuple[float, float]:
    """d3-scale ``linear.nice(count)``: widen the domain to round steps until they settle."""
    prestep: float | None = None
    for _ in range(10):
        step = tick_increment(start, stop, count)
        if step == prestep:
            break
        if step > 0:
            start, stop = math.floor(start / step) * step, math.ceil(stop / step) * step
        elif step < 0:
            start, stop = math.ceil(start * step) / step, math.floor(stop * step) / step
        else:
            break
        prestep = step
    return start, stop


class Linear:
    """A linear scale from ``domain`` to ``range`` (d3's interpolation, no clamping)."""

    def __init__(self, domain: tuple[float, float], range_: tuple[float, float]) -> None:
        self.d0, self.d1 = domain
        self.r0, self.r1 = range_

    def __call__(self, value: float) -> float:
        span = self.d1 - self.d0
        t = (value - self.d0) / span if span else 0.5
        return self.r0 * (1 - t) + self.r1 * t


class Band:
    """Vega's band scale over ``n`` values on ``[0, width]`` (align 0.5, no rounding)."""

    def __init__(self, n: int, width: float, padding_inner: float, padding_outer: float) -> None:
        space = n - padding_inner + padding_outer * 2
        self.step = width / (space if n and space > 0 else 1)
        self.start = (width - self.step * (n - padding_inner)) * 0.5
        self.bandwidth = self.step * (1 - padding_inner)

    def __call__(self, index: int) -> float:
        return self.start + self.step * index


def point(n: int, width: float, padding: float = 0.5) -> Band:
    """Vega's point scale: a band scale of zero bandwidth with outer ``padding``."""
    return Band(n, width, 1.0, padding)


def tick_format(value: float) -> str:
    """d3-format ``~f``: six decimals with the trailing zeros trimmed, and U+2212 for minus."""
    text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    negative = value < 0 and text != "0"
    return ("−" if negative else "") + text
