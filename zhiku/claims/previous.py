"""The value of the same measure one period earlier: from the paragraph, else the store.

Shared by the year-on-year, percentage-point and difference rules. The candidate must be
named before the claim, belong to the base year (and month), measure in the same unit and,
for generic units (元, 个), carry a related label; complementary parts (去程/回程) are
added up. Anything ambiguous returns None, so the claim becomes unverifiable.
"""

from __future__ import annotations

from collections.abc import Sequence

from zhiku.claims import fmt, labels
from zhiku.claims.facts import VALUE_KINDS, Facts, same_measure, specific_measure
from zhiku.claims.interval import Interval
from zhiku.claims.tolerance import is_bound_only
from zhiku.quantities.model import Quantity


def value_and_change(
    facts: Facts, values: Sequence[Quantity], start: int, end: int
) -> tuple[Quantity, Quantity] | None:
    """Around a 同比/比上年 phrase at ``start:end``: the value it is about (the last one before it,
    with at most a comma between) and the change written right after it; None if either is missing."""
    change = next((q for q in values if q.start >= end and len(facts.text[end : q.start].strip()) == 0), None)
    cur = next((q for q in reversed(values) if q.end <= start), None)
    if change is None or cur is None or len(facts.text[cur.end : start].strip(" ，,")) > 0:
        return None
    return cur, change


def previous_in_text(
    facts: Facts, cur: Quantity, base: int, month: int | None, kinds: frozenset[str] = VALUE_KINDS
) -> list[Quantity] | None:
    """The base-year value of the same measure, stated before ``cur`` in the paragraph."""
    cands: list[Quantity] = []
    for q in facts.quantities:
        if q.end > cur.start:
            break
        if q.kind not in kinds or not same_measure(q, cur):
            continue
        p = facts.period_at(q.start)
        if p is None or p.year != base or p.month != month:
            continue
        if facts.subperiod(q) != facts.subperiod(cur):
            continue  # 1-10月 is not compared with a whole year
        cands.append(q)
    if not cands:
        return None
    cur_label = facts.label(cur)
    exact = [q for q in cands if not is_bound_only(q, facts.text)]
    labs = [facts.label(q) for q in exact]
    group = labels.complement_parts(labs)
    if group is not None and len(group) >= 2 and not labels.names_a_part(cur_label):
        return [exact[i] for i in group]
    if any(is_bound_only(q, facts.text) and labels.related(cur_label, facts.label(q)) for q in cands):
        return None  # the base-year value is only a bound (超过6000列)
    if len(exact) == 1:
        if specific_measure(cur) and not labels.opposed(cur_label, labs[0]):
            return exact
        if not cur_label.strip():
            return exact  # 2020年为177.9亿美元: an unnamed value continues the last one named
        return exact if labels.related(cur_label, labs[0]) else None
    scored = sorted(
        (
            (labels.overlap(cur_label, lab), i)
            for i, lab in enumerate(labs)
            if not labels.opposed(cur_label, lab)
        ),
        reverse=True,
    )
    if scored and scored[0][0] >= 2 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return [exact[scored[0][1]]]
    return None


def previous_in_store(
    facts: Facts, cur: Quantity, year: int, base: int
) -> tuple[Interval, float, str, str] | None:
    """A stored annual series whose value for ``year`` is ``cur`` itself gives the base year."""
    store = facts.store
    if store is None or cur.value is None:
        return None
    from zhiku.claims.storeview import annual_series_matching

    match = annual_series_matching(store, cur, year)
    if match is None:
        return None
    series_id, scale = match
    prev = store.value(series_id, str(base))
    if prev is None:
        return None
    value = prev * scale
    return Interval.point(value), value, fmt.num(value), f"数据库 {series_id}"
