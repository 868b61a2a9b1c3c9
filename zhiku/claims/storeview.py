"""Look-ups in the data store on behalf of the rules, with the store's units read as numbers.

A stored series records its unit as written (亿美元, 列, 元/美元). To compare a stored value
with a number in prose we read ``1`` followed by that unit through the quantity reader, so
there is one reading of units in zhiku, not two.
"""

from __future__ import annotations

import weakref
from functools import lru_cache
from typing import TYPE_CHECKING

from zhiku.claims.interval import Interval
from zhiku.claims.tolerance import interval_of
from zhiku.quantities import parse_quantities
from zhiku.quantities.model import Quantity

if TYPE_CHECKING:
    from zhiku.claims.facts import SeriesStore

USD_CNY_ANNUAL = "fx.usd_cny.annual"


@lru_cache(maxsize=256)
def unit_scale(unit: str) -> tuple[float, str | None] | None:
    """(factor, base unit) of a stored unit: 亿美元 → (1e8, USD); 列 → (1, 列); None if unread."""
    qs = [q for q in parse_quantities(f"1{unit}") if not q.unit_only]  # 美元/人民币: the 1 is what counts
    if len(qs) != 1 or qs[0].value is None or qs[0].start != 0 or qs[0].end != len(unit) + 1:
        return None
    return float(qs[0].value), qs[0].unit


def annual_series_matching(store: SeriesStore, cur: Quantity, year: int) -> tuple[str, float] | None:
    """The one annual series whose value for ``year`` is ``cur`` (within its precision)."""
    hits: list[tuple[str, float]] = []
    accept = interval_of(cur, cur.text)
    for info in store.list_series():
        if info.frequency != "annual":
            continue
        scale = unit_scale(info.unit)
        if scale is None or scale[1] != cur.unit:
            continue
        value = store.value(info.id, str(year))
        if value is not None and accept.contains(value * scale[0]):
            hits.append((info.id, scale[0]))
    return hits[0] if len(hits) == 1 else None


def previous_in_store(
    store: SeriesStore, cur: Quantity, year: int, base: int
) -> tuple[Interval, float, str] | None:
    """A stored annual series whose value for ``year`` is ``cur`` itself gives the ``base`` year's value."""
    if cur.value is None:
        return None
    match = annual_series_matching(store, cur, year)
    if match is None:
        return None
    series_id, scale = match
    prev = store.value(series_id, str(base))
    if prev is None:
        return None
    return Interval.point(prev * scale), prev * scale, series_id


def usd_cny(store: SeriesStore | None, year: int) -> float | None:
    """The annual average yuan per US dollar for ``year``, from the store."""
    return series_value(store, USD_CNY_ANNUAL, str(year))


# Look-ups repeat (every 折合 in a year asks for that year's rate): remember them per store.
_CACHE: weakref.WeakKeyDictionary[object, dict[tuple[str, str], float | None]] = weakref.WeakKeyDictionary()


def series_value(store: SeriesStore | None, series_id: str, period: str) -> float | None:
    if store is None:
        return None
    try:
        memo = _CACHE.setdefault(store, {})
    except TypeError:  # a store that cannot be weakly referenced: no memo
        memo = {}
    key = (series_id, period)
    if key not in memo:
        memo[key] = store.value(series_id, period) if store.has_series(series_id) else None
    return memo[key]
