"""How exactly a written number is meant: its precision and its qualifier, as an interval.

A stated 13.7% accepts computed values that round to 13.7%; we also accept values a writer
would truncate to it (13.78%), because a false alarm costs an editor's trust more than a
miss. 约/左右 widen the band, 近/将近 mean "a little under", 超过/以上/突破 turn equality
into ≥, 不足/以下 into ≤, and a range accepts anything between its ends.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from zhiku.claims.interval import INF, Interval
from zhiku.quantities.model import Quantity

Bound = Literal["exact", "approx", "near", "over", "under", "range"]

# 约 "about" is read as a 5% band either side (or the written step, if wider); 近/接近 "nearly" as
# up to 10% under: prose uses them for rounder numbers than the digits suggest (接近一半 for 46.5%),
# and a false alarm costs more than a miss.
APPROX_BAND = 0.05
NEAR_BAND = 0.10

_BEFORE_APPROX = ("大约", "大概", "约合", "约为", "约", "左右")
_BEFORE_NEAR = ("将近", "接近", "近")
_BEFORE_OVER = ("超过", "突破", "高于", "多于", "逾", "超", "破")
_BEFORE_UNDER = ("不足", "不到", "低于", "少于", "未满")
_AFTER_APPROX = ("左右", "上下")
_AFTER_OVER = ("以上", "多", "余")
_AFTER_UNDER = ("以下", "以内")

# 比农村18450元多14160元: 多 followed by a number is the comparison, not "more than 18450".
# 多3.5个百分点 / 多出0.20人: 多 that compares (a difference follows), not 多 that bounds (3000多)
_COMPARED = re.compile(r"^多(?:出|了)?[0-9０-９一二两三四五六七八九十百千万]")
_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_LITERAL = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


@dataclass(frozen=True)
class Reading:
    """A quantity as the checker reads it: value, precision step, qualifier."""

    value: float
    step: float
    bound: Bound
    low: float | None = None
    high: float | None = None


@lru_cache(maxsize=8192)
def bound_of(q: Quantity, text: str) -> Bound:
    """The qualifier of ``q``, from the quantity reader and the words right around it."""
    if q.qualifier == "range" or (q.value is None and q.low is not None and q.high is not None):
        return "range"
    if q.qualifier == "more" and q.low is not None and q.high is not None:
        return "range"  # 500多亿 is between 500亿 and 600亿, not any amount over 500亿
    before = text[max(0, q.start - 3) : q.start].rstrip()
    after = text[q.end : q.end + 2]
    inside = q.text
    if any(inside.startswith(w) or before.endswith(w) for w in _BEFORE_NEAR):
        return "near"
    if q.qualifier == "over" or any(inside.startswith(w) or before.endswith(w) for w in _BEFORE_OVER):
        return "over"
    if any(after.startswith(w) for w in _AFTER_OVER) and not _COMPARED.match(text[q.end : q.end + 3]):
        return "over"
    if any(w in inside[1:] for w in _AFTER_OVER):
        return "over"
    if q.qualifier == "under" or any(inside.startswith(w) or before.endswith(w) for w in _BEFORE_UNDER):
        return "under"
    if any(after.startswith(w) or inside.endswith(w) for w in _AFTER_UNDER):
        return "under"
    if q.qualifier == "approx" or any(inside.startswith(w) or before.endswith(w) for w in _BEFORE_APPROX):
        return "approx"
    if any(after.startswith(w) or inside.endswith(w) for w in _AFTER_APPROX):
        return "approx"
    return "exact"


def written_literal(q: Quantity) -> str | None:
    """The Arabic numeral as written (``1.24`` in ``1.24万列``), or None for Chinese numerals."""
    m = _LITERAL.search(q.text.translate(_DIGITS))
    return m.group(0).replace(",", "") if m else None


def magnitude(q: Quantity) -> float:
    """The factor between the written numeral and the value (10⁴ for 1.24万, 10⁸ for 715.7亿)."""
    lit = written_literal(q)
    if q.value is None or lit is None:
        return 1.0
    mant = float(lit)
    if mant == 0 or q.value == 0:
        return 1.0
    ratio = abs(q.value / mant)
    power = round(math.log10(ratio))
    if abs(ratio / 10**power - 1) > 1e-6:
        return 1.0  # not a decimal magnitude (3个半小时 → 3.5): no scale to report
    return float(10**power)


def step_of(q: Quantity) -> float:
    """The smallest unit the writer wrote, in the value's base unit."""
    if q.value is None:
        return 10.0**-q.decimals
    lit = written_literal(q)
    if lit is not None:
        mag = magnitude(q)
        if mag == 1.0 and "半" in q.text:
            return 0.5
        return mag * 10.0**-q.decimals
    # Chinese numerals (三千二百万): the place of the last non-zero digit.
    if q.decimals:
        return 10.0**-q.decimals
    v = abs(round(q.value))
    if v == 0:
        return 1.0
    step = 1.0
    while v % 10 == 0:
        v //= 10
        step *= 10
    return step


# A small count of kinds of things (37个行业大类, 31个省份, 18家): enumerated, never rounded.
_DISCRETE = frozenset("个类种项家所座条名位户只台件")
_ENUMERABLE = 100


def is_enumerated(q: Quantity) -> bool:
    """A count written digit for digit because its things were counted one by one: under a
    hundred kinds or places (个, 类, 家, 所 …), no magnitude, no decimals."""
    return (
        q.kind == "count"
        and q.unit in _DISCRETE
        and q.value is not None
        and q.decimals == 0
        and float(q.value).is_integer()
        and 0 < q.value < _ENUMERABLE
        and magnitude(q) == 1.0
    )


# 协议目标5万人, 年度计划22000套: a target is set, not measured — the figure as written
# (and the items listed after it: 目标5万人、2万人)
_A_TARGET = re.compile(
    r"(?:目标|计划|任务)(?:数|值|为|是)?\s*(?:[\d.]+\s*[万亿]?[\u4e00-\u9fff]{0,2}\s*、\s*)*$"
)


@lru_cache(maxsize=8192)
def read(q: Quantity, text: str) -> Reading:
    bound = bound_of(q, text)
    exact = bound == "exact" and (is_enumerated(q) or _A_TARGET.search(text, max(0, q.start - 24), q.start))
    step = 0.0 if exact else step_of(q)
    if bound == "range":
        low, high = q.low, q.high
        both = q.low_inclusive and q.high_inclusive
        if q.qualifier == "approx" and both and low is not None and high is not None:
            # 三四十, 一二百, 二三成 (the reader's only approximate numeral with both ends included): two
            # round figures at one place, so what rounds to either at that place is meant too —
            # 一二百个 holds 218, which rounds to 二百.
            half = (high - low) / 2
            low, high = low - half, high + half
        return Reading(value=((low or 0.0) + (high or 0.0)) / 2, step=step, bound=bound, low=low, high=high)
    if bound == "near" and q.low is not None:
        # 近3000: the reader's floor is what rounds up to 3000 at its place (2500); keep the wider one
        return Reading(value=float(q.value or 0.0), step=step, bound=bound, low=q.low)
    return Reading(value=float(q.value or 0.0), step=step, bound=bound)


def accepted(r: Reading) -> Interval:
    """Every value the written number can stand for."""
    v, u = r.value, r.step
    if r.bound == "range" and r.low is not None and r.high is not None:
        return Interval(r.low - u / 2, r.high + u)
    # A bound states its threshold as a threshold, not as a rounded measurement: 不低于6% is 6% or more,
    # and a computed 5.8% breaks it however 6 was rounded (the inputs' rounding is in the computed side).
    if r.bound == "over":
        return Interval(v, INF)
    if r.bound == "under":
        return Interval(-INF, v)
    if r.bound == "near":
        lo = v - max(u, NEAR_BAND * abs(v))
        return Interval(lo if r.low is None else min(lo, r.low), v + u / 2)
    if r.bound == "approx":
        band = max(u, APPROX_BAND * abs(v))
        return Interval(v - band, v + band)
    # Exact: what rounds to v, and what truncates to v (away from zero by up to one step).
    if v >= 0:
        return Interval(v - u / 2, v + u)
    return Interval(v - u, v + u / 2)


def interval_of(q: Quantity, text: str) -> Interval:
    return accepted(read(q, text))


def interval_sum(qs: Sequence[Quantity], text: str) -> Interval:
    """Every value the sum of written numbers can stand for (parts that add up to a total)."""
    return sum((interval_of(q, text) for q in qs[1:]), interval_of(qs[0], text))


def is_bound_only(q: Quantity, text: str) -> bool:
    """A number given only as a bound (超过8000) cannot serve as an input to arithmetic."""
    return bound_of(q, text) in ("over", "under")


def verdict(computed: Interval, stated: Interval) -> Literal["consistent", "inconsistent", "unverifiable"]:
    """Consistent when some true inputs give the stated result; unverifiable when the inputs
    are only bounds (the computed interval is unbounded on both sides)."""
    if not math.isfinite(computed.lo) and not math.isfinite(computed.hi):
        return "unverifiable"
    return "consistent" if computed.overlaps(stated) else "inconsistent"


def nominal(q: Quantity) -> float:
    """The value as written (the middle of a range)."""
    if q.value is not None:
        return float(q.value)
    if q.low is not None and q.high is not None:
        return (q.low + q.high) / 2
    return 0.0


def shifted_by_ten(computed: float, stated: float, exponents: Sequence[int], slack: float) -> bool:
    """Whether ``computed`` × 10^k equals ``stated`` within ``slack`` for one of ``exponents``: the
    writer's digits are right and a unit (万 for 亿: 4) or a decimal point (1) slipped."""
    if stated == 0 or computed == 0:
        return False
    return any(abs(computed * 10.0**k / stated - 1) <= slack for k in exponents)
