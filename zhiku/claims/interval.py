"""Closed intervals for checking arithmetic on rounded numbers.

Every number a writer prints stands for the interval of values that round to it: 1.24万 is
anything from 12,350 to 12,450. A computed value is therefore an interval too, and a claim
is inconsistent only when no choice of the true inputs could produce the stated result.
The operations needed are few and monotone, so a small class is clearer than a dependency.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

INF = math.inf


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    @staticmethod
    def point(x: float) -> Interval:
        return Interval(x, x)

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.lo) and math.isfinite(self.hi)

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2

    def __add__(self, other: Interval | float) -> Interval:
        o = _as_interval(other)
        return Interval(self.lo + o.lo, self.hi + o.hi)

    def __radd__(self, other: float) -> Interval:
        return self + other

    def __rsub__(self, other: float) -> Interval:
        return Interval.point(float(other)) - self

    def __rmul__(self, other: float) -> Interval:
        return self * other

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __sub__(self, other: Interval | float) -> Interval:
        o = _as_interval(other)
        return Interval(self.lo - o.hi, self.hi - o.lo)

    def __mul__(self, other: Interval | float) -> Interval:
        o = _as_interval(other)
        corners = [_mul(a, b) for a in (self.lo, self.hi) for b in (o.lo, o.hi)]
        return Interval(min(corners), max(corners))

    def __truediv__(self, other: Interval | float) -> Interval:
        o = _as_interval(other)
        if o.lo <= 0 <= o.hi:
            return Interval(-INF, INF)
        return self * Interval(1 / o.hi, 1 / o.lo)

    def pow(self, exponent: float) -> Interval:
        """``self ** exponent`` for a positive interval (growth factors are positive)."""
        if self.lo <= 0:
            return Interval(-INF, INF)
        a, b = self.lo**exponent, self.hi**exponent
        return Interval(min(a, b), max(a, b))

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, x: float) -> bool:
        return self.lo <= x <= self.hi


def _mul(a: float, b: float) -> float:
    # 0 × ∞ counts as 0: an exact zero bound stays zero.
    if a == 0 or b == 0:
        return 0.0
    return a * b


def _as_interval(x: Interval | float) -> Interval:
    return x if isinstance(x, Interval) else Interval.point(float(x))
