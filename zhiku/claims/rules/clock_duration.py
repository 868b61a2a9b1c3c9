"""Durations between clock times: 从8点45到12点半 … 扣除休息 … 近3个半小时.

The span between the two times is the longest the event can have lasted; with a break
deducted (扣除/除去/减去 休息) the stated duration must be at most the span, otherwise it
must match it. Times given as approximate (左右, 将近) widen the span by 15 minutes each.
"""

from __future__ import annotations

import re
from itertools import pairwise

from zhiku.claims import local
from zhiku.claims.facts import FactTable
from zhiku.claims.interval import INF, Interval
from zhiku.claims.local import Facts, Sentence
from zhiku.claims.model import Finding
from zhiku.claims.tolerance import accepted, read
from zhiku.quantities.model import Quantity

RELATION = "clock_duration"

_LINK = re.compile(r"到|至|持续|一直|结束|—|－|-|~|～")
_DEDUCT = re.compile(r"扣除|除去|减去|去掉|不含|不计|刨去|休息|午休|茶歇|间歇|暂停")
_APPROX = re.compile(r"左右|前后|许|将近|接近|近|约|大约")
APPROX_MINUTES = 15.0


def check(table: FactTable) -> None:
    local.run(table, check_sentence)


def check_sentence(sentence: Sentence, facts: Facts) -> list[Finding]:
    times = [q for q in sentence.quantities if q.kind == "clock_time" and q.iso]
    if len(times) < 2 or any(q.kind == "count" and q.unit == "点" for q in sentence.quantities):
        return []  # a time of day read as a count (到11点): the times are not all known
    out: list[Finding] = []
    for t1, t2 in pairwise(times):
        between = facts.text[t1.end : t2.start]
        if (
            not _LINK.search(between)
            or "、" in between
            or any(t1.end <= q.start < t2.start for q in sentence.quantities)
        ):
            continue
        dur = next(
            (
                q
                for q in sentence.quantities
                if q.kind == "duration"
                and q.start >= t2.end
                and q.unit in ("hour", "minute")
                and q.value is not None
            ),
            None,
        )
        if dur is None or sum(1 for t in times if t.start < dur.start) != 2 or t2 is not times[1]:
            continue  # two sessions (9点到11点、14点到17点) add up; we do not pair them
        f = _judge(sentence, facts, t1, t2, dur)
        if f is not None:
            out.append(f)
    return out


def _minutes(q: Quantity) -> int:
    assert q.iso is not None
    h, m = q.iso.split(":")[:2]
    return int(h) * 60 + int(m)


def _approx(facts: Facts, q: Quantity) -> bool:
    around = facts.text[max(0, q.start - 4) : q.start] + q.text + facts.text[q.end : q.end + 2]
    return bool(_APPROX.search(around)) or q.qualifier == "approx"


def _hm(minutes: float) -> str:
    h, m = divmod(round(minutes), 60)
    return f"{h}小时{m:02d}分" if m else f"{h}小时"


def _judge(sentence: Sentence, facts: Facts, t1: Quantity, t2: Quantity, dur: Quantity) -> Finding | None:
    span = _minutes(t2) - _minutes(t1)
    if span <= 0:
        return None  # 下午 missing or past midnight: we do not guess
    slack = APPROX_MINUTES * (_approx(facts, t1) + _approx(facts, t2))
    span_i = Interval(span - slack, span + slack)
    factor = 60.0 if dur.unit == "hour" else 1.0
    stated = accepted(read(dur, facts.text)) * factor
    deducted = bool(_DEDUCT.search(sentence.text))
    target = Interval(-INF, span_i.hi) if deducted else span_i
    ok = stated.overlaps(target)
    times = f"{t2.iso} − {t1.iso} = {_hm(span)}"
    if slack:
        times += f"（时刻为约数，±{int(slack)}分 / approximate times）"
    if deducted:
        evidence = (
            f"{times}；扣除休息后应不超过此数 / at most the span after the break: "
            f"{dur.text} {'≤' if ok else '>'} {_hm(span)}"
        )
    else:
        evidence = f"{times} {'≈' if ok else '≠'} {dur.text}"
    return facts.finding(
        RELATION,
        "consistent" if ok else "inconsistent",
        sentence,
        [t1, t2, dur],
        dur.text,
        ("≤ " if deducted else "") + _hm(span),
        evidence,
    )
