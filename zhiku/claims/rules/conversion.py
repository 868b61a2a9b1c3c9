"""Conversions: the same value in other units or another currency.

- a restatement in a larger unit: 95300万吨，约合9.53亿吨 / 61957.64万人次，约6.2亿人次 / 差额为57790亿元，
  约合5.8万亿元 / 逾6.7亿平方米 — the two must agree within the second one's precision and qualifier;
- a unit change: 399.8万公顷 … 折合5997万亩 (1 公顷 = 15 亩) and the other legal units of area,
  length and mass;
- a currency: 2918.5亿美元，按1美元兑6.8元人民币计，约合2万亿元人民币 / 按当期平均汇率6.8146折算为843.5亿美元
  — at the rate the text states, else the year's average from the data store (a result that
  implies a rate within 10% of the average may have used another day's rate: unverifiable);
- a time base: 月均收入4780元 … 按12个月计全年约5.7万元.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from zhiku.claims import fmt, labels
from zhiku.claims.facts import (
    AMOUNT_KINDS,
    SPAN,
    Fact,
    FactTable,
    clause_start,
    in_aside,
    last_match,
    open_bracket,
    per_unit,
    unit_factor,
    unit_rate,
)
from zhiku.claims.judge import Pairing, bound_only, conclude, push_number, reading, value
from zhiku.claims.search import closed_note, name_likeness
from zhiku.claims.storeview import usd_cny
from zhiku.quantities.units import DIMENSIONS

RELATION = "conversion"

_TRIGGER = re.compile(r"约合|折合|折算为|折算成|折算|换算为|换算成|相当于")
_RATE = re.compile(
    r"(?:1|一)\s*美元\s*(?:兑|兑换|折合|合|约合)\s*(?:人民币)?\s*(?P<cny>\d+(?:\.\d+)?)\s*元"
    # (汇率1美元兑7.0467元: the 1 of a quoted pair is no rate)
    r"|(?:汇率|中间价)\s*(?:为|约为|按)?\s*(?P<rate>\d+(?:\.\d+)?)(?!\s*(?:美元|欧元|英镑|日元))"
)
_PER = re.compile(r"按\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*个?(?P<unit>月|天|日|年|周)\s*(?:计|计算|算)")
_CN = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十二": 12,
}
RATE_SLACK = 0.10


def check(table: FactTable) -> None:
    for b in table.facts:
        if b.is_cell or b.q.kind not in AMOUNT_KINDS or b.q.value is None:
            continue
        if b.q.value == 1 and _ONE_TO_MANY.match(b.text, b.q.end):
            continue  # 相当于1元保费撬动42元保障: the terms of a ratio, no value restated
        if b.restates is not None:
            a = table.fact(b.restates)
            ta, tb = _per_time(a), _per_time(b)
            if ta != tb:
                if ta and tb:
                    _flow(table, b, a, ta, tb)  # 平均每天约2457万立方米，折合约284立方米每秒
                continue  # a flow per second is no restatement of an amount not known to be per day
            if per_unit(a) != per_unit(b) and (a.q.unit or "") == (b.q.unit or ""):
                _per_another_unit(table, b, a)  # 2.48元/公斤，约合每斤1.24元: per 公斤 to per 斤
                continue
            if per_unit(a) != per_unit(b) or _times_a_count(table, a, b):
                continue  # 每吨降至10738元，折合8.05元/升: per tonne to per litre needs a density
            if (a.q.unit or "") != (b.q.unit or ""):
                _convert(table, b, a)  # 14582万吨（2916亿斤）: in another legal unit
            else:
                _restatement(table, b, a)
            continue
        per = _PER.search(b.context[: max(0, b.context.find(b.q.text))] if b.q.text in b.context else "")
        if per:
            _per_period(table, b, per)
            continue
        if b.target is not None and _TRIGGER.search(b.context):
            a = table.fact(b.target)
            _convert(table, b, a)
            continue
        if (_TRIGGER.search(b.verb or "") or _trigger_before(b)) and not _WHOLE_OF.match(b.text, b.q.end):
            # (人均日消费约54元；以…汇率折算，约合2868美元: a figure per day is no source of one that is not)
            sources = [
                a
                for a in _sources(table, b)
                if (_per_time(a) == _per_time(b) or _per_time(b)) and not _times_a_count(table, a, b)
            ]
            if sources:
                _convert(table, b, sources[0], others=sources[1:])


# 1元保费撬动42元保障, 每1元投入带动3.5元: a clause going on from 1 to an amount of the same unit
_ONE_TO_MANY = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:撬动|带动|拉动|换来|产出|对应|创造)[\u4e00-\u9fff]{0,4}?\d"
)
# 相当于美国27.36万亿美元的65.4%: the value after 相当于 is the whole of a share or a multiple
_WHOLE_OF = re.compile(r"\s*的\s*(?:\d|[一二两三四五六七八九十百半])")


def _trigger_before(b: Fact) -> bool:
    head = b.text[max(0, b.q.start - 10) : b.q.start]
    head = head[clause_start(head, len(head), "，,；;。（(") :]
    return bool(_TRIGGER.search(head))


def _sources(table: FactTable, b: Fact) -> list[Fact]:
    """The value converted, and the sentence's other amounts it might be: 本届意向成交800.1亿美元…平摊到
    每天，约133亿美元；按…折算，约合人民币5681亿元 converts the total, not the nearest figure. The
    others are rivals: one that agrees makes the claim unclear, never wrong."""
    first = _source(table, b)
    if first is None:
        return []
    others = [
        g
        for g in table.facts[max(0, b.id - 2 * SPAN) : b.id]
        if g.place.passage == b.place.passage
        and g.id != first.id
        # (贸易逆差2260亿美元，较上年同期扩大126亿美元，…折算约1.61万亿元: a balance named as such is an
        # amount too, and may be the one converted)
        and (g.role == "level" or (g.role == "gap" and not g.compare))
        and g.q.kind == b.q.kind
        and g.q.unit == first.q.unit
        and g.restates is None
        and not bound_only(g)
        and not _is_rate(g)
    ]
    return [first, *reversed(others[-3:])]


def _source(table: FactTable, b: Fact) -> Fact | None:
    """The value converted: the nearest amount before ``b`` in its sentence of another unit or currency.
    A change whose growth rate stands between it and ``b`` has been closed by its rate
    (总产量14130.0亿斤，比上年增加221.8亿斤，增长1.6%，折合70650万吨: the 折合 restates the output)."""
    named = _named_source(table, b)
    if named is not None:
        return named
    closed = False
    # (每亩增产74公斤，增幅18.0%，相当于每亩多收148斤: a restated increase is of the increase)
    more = bool(_AN_INCREASE.search(b.text, max(0, b.q.start - 3), b.q.start))
    for g in reversed(table.around(b)):
        if g.q.end > b.q.start:
            continue
        if g.role == "growth" and g.q.is_rate:
            closed = not more
            continue
        if more and g.role != "change":
            continue
        if g.q.kind not in AMOUNT_KINDS or g.restates is not None or (closed and g.role == "change"):
            continue
        if _is_rate(g) or unit_rate(g):
            continue  # 1美元兑6.8元, 按1平方公里合1500亩计: the rate, not the amount
        if closed_note(g, b):
            continue  # 21.84亿美元（上年为8.41亿美元），按…折算，合人民币155.5亿元: a note is not converted
        if g.q.kind == b.q.kind and g.q.unit != b.q.unit:
            return None if _topic_between(b, g) else g
    return None


def _topic_between(b: Fact, g: Fact) -> bool:
    """…比其余四园还多出149051平方公里；武夷山面积虽小，折算下来也约合192万亩: a whole clause without a
    number between the value and the conversion names what is converted (a value not in the
    sentence), so the value before it is not the one converted."""
    between = b.text[g.q.end : clause_start(b.text, b.q.start)]
    clauses = re.split(r"[，,；;：:]", between)[1:]
    return any(
        len(re.findall(r"[\u4e00-\u9fff]", c)) >= 3
        and not re.search(r"[\d〇零一二两三四五六七八九十百千万亿]", c)
        for c in clauses
    )


_AN_INCREASE = re.compile(r"(?:多收|多产|增产|减产|少收|多出|增加|减少)了?\s*$")


def _times_a_count(table: FactTable, a: Fact, b: Fact) -> bool:
    """爱心包2400份…；每份价值150元，折合36万元: a value per item (每份) that the sentence counts the
    items of (2400份) is put as a total — times the count, no conversion of units."""
    per = re.search(r"每([\u4e00-\u9fff])", a.text[clause_start(a.text, a.q.start) : a.q.start])
    return per is not None and any(
        g.q.kind == "count" and (g.q.unit or "").endswith(per.group(1))
        for g in table.around(b)
        if g.place.sentence == b.place.sentence
    )


def _an_average(f: Fact) -> bool:
    """月均进出口718.6亿元: named in its clause as an average (月 read as its period leaves 均进出口)."""
    return labels.PER_UNIT.search(f.text[clause_start(f.text, f.q.start) : f.q.start]) is not None


def _named_source(table: FactTable, b: Fact) -> Fact | None:
    """今年总花费约合1136亿美元: a conversion that names what it converts converts the nearest value
    of that name in another unit, in its paragraph or the one before, when the sentence's nearest
    amount is of something else (两相对照，今年多出…1081.89亿元，…今年总花费约合…)."""
    if not labels.has_content(b.own):
        return None
    for g in reversed(table.facts[max(0, b.id - 4 * SPAN) : b.id]):
        if g.place.passage is None or b.place.passage is None or b.place.passage - g.place.passage > 1:
            break
        if (
            g.q.kind == b.q.kind
            and g.q.unit != b.q.unit
            and g.role == "level"
            and g.restates is None
            and not bound_only(g)
            and g.period.year == b.period.year
            and (b.period.months is None or g.period.months in (None, b.period.months))
            and not in_aside(table, g)  # (作为对照，上届线下成交为223亿美元: not the figure converted)
            # (月均进出口718.6亿元…。…进出口约合888.6亿美元: an average is no total converted)
            and _an_average(g) == _an_average(b)
            # (已超过2019年全年进出口（6412.9亿元）的八成: a bracketed note of another figure)
            and open_bracket(g.text, g.q.start) < 0
            and name_likeness(b.own, g) >= 0.75
        ):
            return g
    return None


# Seconds in the time a flow is per (每秒, 立方米/秒, 每天, 日均); months and years vary in length.
_SECONDS = {"秒": 1, "秒钟": 1, "分钟": 60, "小时": 3600, "天": 86400, "日": 86400}
_PER_TIME_AFTER = re.compile(r"\s*(?:每|[/／])\s*(秒钟|秒|分钟|小时|天|日)")
_PER_TIME_BEFORE = re.compile(r"(?:每(秒钟|秒|分钟|小时|天|日)|(日)均|人均(日))")


def _per_time(f: Fact) -> int:
    """The seconds of the time ``f`` is per, when written after it (284立方米每秒, 6.1万立方米/天) or
    before it in its clause (平均每天调水约2457万立方米, 日均1650万立方米); 0 when none is."""
    after = _PER_TIME_AFTER.match(f.text, f.q.end)
    if after:
        return _SECONDS[after.group(1)]
    head = f.text[clause_start(f.text, f.q.start) : f.q.start]
    found = list(_PER_TIME_BEFORE.finditer(head))
    return _SECONDS[found[-1].group(1) or found[-1].group(2) or found[-1].group(3)] if found else 0


def _flow(table: FactTable, b: Fact, a: Fact, ta: int, tb: int) -> None:
    """平均每天调水约2457万立方米，折合约284立方米每秒: the same flow over another time, × tb ÷ ta."""
    if bound_only(a):
        return
    factor = tb / ta
    point = value(a) * factor
    per = {1: "秒", 60: "分钟", 3600: "小时", 86400: "天"}
    p = Pairing(
        ((a, "原数"),),
        1.0,
        reading(a) * factor,
        point,
        f"{a.q.text} ÷ {fmt.num(ta / tb)} = {_with_unit(point, b)}",
        f"每{per[ta]} = {fmt.num(ta / tb)}{per[tb]} / per {per[ta]} → per {per[tb]}",
        _with_unit(point, b),
    )
    push_number(table, RELATION, b, [p], _phrase(b))


def _is_rate(g: Fact) -> bool:
    """1美元兑6.8元, 汇率7.10, 按1公顷合15亩计: a rate of exchange or of units, written as amounts."""
    if re.search(r"兑|汇率", g.text[max(0, g.q.start - 6) : g.q.end + 4]) and value(g) < 100:
        return True
    return unit_rate(g)


def _phrase(b: Fact) -> tuple[int, int]:
    head = b.text[max(0, b.q.start - 12) : b.q.start]
    m = last_match(_TRIGGER, head)
    start = b.q.start - len(head) + m.start() if m else b.q.start
    lo = clause_start(b.text, b.q.start)
    return max(start, lo), b.q.end


def _restatement(table: FactTable, b: Fact, a: Fact) -> None:
    if bound_only(a):
        return
    phrase = _phrase(b)
    p = Pairing(
        ((a, "原数"),),
        1.0,
        reading(a),
        value(a),
        f"{a.q.text} = {_with_unit(value(a), b)}",
        "同一数值换用单位 / the same value in another unit",
        _with_unit(value(a), b),
    )
    push_number(table, RELATION, b, [p], phrase)


def _convert(table: FactTable, b: Fact, a: Fact, others: Sequence[Fact] = ()) -> None:
    if bound_only(a) or (per_unit(a) and per_unit(b) and per_unit(a) != per_unit(b)):
        return  # 折合约579元/桶；若按每吨7.33桶折算，约合602美元/吨: per barrel against per tonne
    phrase = _phrase(b)
    stated_text = b.text[phrase[0] : phrase[1]]
    ua, ub = a.q.unit or "", b.q.unit or ""
    if a.q.kind == "money" and {ua, ub} == {"USD", "CNY"}:
        _currency(table, b, a, phrase, stated_text, others)
        return
    factor = unit_factor(ua, ub)
    if factor is None:
        return  # the same unit is a restatement (handled above) or another relation (相当于每月…)
    score = 1.0 if a.place.sentence == b.place.sentence or b.target else 0.8
    # (设计灌溉面积31.2万亩，由A 20.34万亩、B 8.25万亩和C 2.61万亩三部分组成，约合2.08万公顷: the
    # sentence's other amounts in the same unit are rivals — one that agrees makes it unclear)
    rivals = [o for o in others if (o.q.unit or "") == ua]
    pairings = [_unit_pairing(x, b, factor, score) for x in (a, *rivals)]
    push_number(table, RELATION, b, pairings, phrase)


def _per_another_unit(table: FactTable, b: Fact, a: Fact) -> None:
    """2.48元/公斤，约合每斤1.24元: a price per one legal unit restated per another of its dimension
    (per 斤 = per 公斤 × 斤/公斤); per tonne against per litre needs a density and is not checked."""
    pa, pb = DIMENSIONS.get(per_unit(a)), DIMENSIONS.get(per_unit(b))
    factor = unit_factor(pb[0], pa[0]) if pa and pb and pa[0] != pb[0] else None
    if factor is None:
        return
    phrase = _phrase(b)
    point = value(a) * factor
    shown = fmt.amount(point, b.q.unit) if b.q.kind == "money" else _with_unit(point, b)
    pairing = Pairing(
        ((a, "原数"),),
        1.0 if a.place.sentence == b.place.sentence else 0.8,
        reading(a) * factor,
        point,
        f"{a.q.text}/{per_unit(a)} × {fmt.num(factor)} = {shown}/{per_unit(b)}",
        f"1{per_unit(b)} = {fmt.num(factor)}{per_unit(a)}",
        shown,
    )
    push_number(table, RELATION, b, [pairing], phrase)


def _unit_pairing(a: Fact, b: Fact, factor: float, score: float) -> Pairing:
    ua, ub = a.q.unit or "", b.q.unit or ""
    point = value(a) * factor
    result = fmt.amount(point, ub) if b.q.kind == "money" else _with_unit(point, b)
    note = "" if factor == 1.0 else f"1{_unit_name(ua)} = {fmt.num(factor)}{_unit_name(ub)}"
    step = f"× {fmt.num(factor)}"
    if factor < 1.0:
        # 7982万千瓦 ÷ 1000000 = 79.82GW: a division reads better than a factor of 0.000001
        note = f"1{_unit_name(ub)} = {fmt.num(1 / factor)}{_unit_name(ua)}"
        step = f"÷ {fmt.num(1 / factor)}"
    where = "" if a.place.sentence == b.place.sentence else f"{a.q.text}见{a.place.describe()}"
    return Pairing(
        ((a, "原数"),),
        score,
        reading(a) * factor,
        point,
        f"{a.q.text} {step} = {result}",
        "；".join(x for x in (note, where) if x),
        _with_unit(point, b),
    )


# The word a reader writes for each normalised unit: the usual one where several name it, else the
# first of the quantity reader's own table (斤 for jin, 盎司 for oz).
_UNIT_WORDS = {
    **{code: word for word, (code, factor) in reversed(DIMENSIONS.items()) if factor == 1},
    "ha": "公顷",
    "mu": "亩",
    "km2": "平方公里",
    "m2": "平方米",
    "t": "吨",
    "kg": "千克",
    "km": "千米",
    "m": "米",
    "m3": "立方米",
}


def _unit_name(u: str) -> str:
    return _UNIT_WORDS.get(u, u)


def _with_unit(x: float, like: Fact) -> str:
    m = re.search(r"(万亿|亿|万)", like.q.text)
    name = _unit_name(like.q.unit or "")
    if m:
        scale = {"万亿": 1e12, "亿": 1e8, "万": 1e4}[m.group(1)]
        return f"{fmt.num(x / scale)}{m.group(1)}{name}"
    return f"{fmt.num(x)}{name}"


def _currency(
    table: FactTable, b: Fact, a: Fact, phrase: tuple[int, int], stated_text: str, others: Sequence[Fact] = ()
) -> None:
    here = table.sentence_of(b)
    sentence = here.words
    # (按全年平均汇率7.1217折算，合人民币155.5亿元；若按年末汇率7.1884折算则为157.0亿元: the rate written
    # last before the figure converted at it, else the sentence's first)
    before = [r for r in _RATE.finditer(here.text, here.start, b.q.start)] if not b.is_cell else []
    m = before[-1] if before else _RATE.search(sentence)
    to_cny = a.q.unit == "USD"
    if m:
        rate = float(m.group("cny") or m.group("rate"))
        where = f"文中汇率 {fmt.num(rate)}"
        score = 1.0
    else:
        year = b.period.year or a.period.year
        stored = usd_cny(table.store, year) if year is not None else None
        if stored is None:
            table.push(
                conclude(
                    table,
                    RELATION,
                    b,
                    reading(b),
                    stated_text,
                    [],
                    missing=f"缺少{year or ''}年人民币对美元汇率 / the exchange rate is not given",
                    phrase=phrase,
                )
            )
            return
        rate = stored
        where = f"{year}年人民币对美元年平均汇率 {fmt.num(rate)} / {year} average USD/CNY"
        score = 0.9
    factor = rate if to_cny else 1 / rate
    op = "×" if to_cny else "÷"

    def pairing(x: Fact, sure: float) -> Pairing:
        point = value(x) * factor
        return Pairing(
            ((x, "原数"),),
            sure,
            reading(x) * factor,
            point,
            f"{fmt.amount(value(x), x.q.unit)} {op} {fmt.num(rate)} = {fmt.amount(point, b.q.unit)}",
            where,
            fmt.amount(point, b.q.unit),
        )

    pairings = [pairing(a, score), *(pairing(x, score * 0.9) for x in others if x.q.unit == a.q.unit)]
    f = conclude(table, RELATION, b, reading(b), stated_text, pairings, missing="", phrase=phrase)
    if f.verdict == "inconsistent" and not m:
        implied = value(b) / value(a) if to_cny else value(a) / value(b)
        if abs(implied / rate - 1) <= RATE_SLACK:
            from dataclasses import replace

            f = replace(
                f,
                verdict="unverifiable",
                evidence=(
                    f"{f.evidence}；隐含汇率 {fmt.num(implied)}，可能按年末或当日汇率折算 / "
                    "another day's rate?"
                ),
                missing="汇率 / exchange rate",
            )
    table.push(f)


def _per_period(table: FactTable, b: Fact, per: re.Match[str]) -> None:
    """按12个月计全年约5.7万元: a monthly value times the months."""
    n_text = per.group("n")
    n = int(n_text) if n_text.isdigit() else _CN.get(n_text)
    if not n:
        return
    unit = per.group("unit")
    marker = {"月": "月", "天": "日", "日": "日", "年": "年", "周": "周"}[unit]
    source = None
    for g in reversed(table.around(b)):
        if (
            g.q.end <= b.q.start
            and g.q.kind == b.q.kind
            and g.role == "level"
            and re.search(f"{marker}均|每{marker}", g.label() + g.context)
        ):
            source = g
            break
    if source is None or bound_only(source):
        return
    phrase = (b.text.rfind("按", 0, b.q.start), b.q.end)
    computed = reading(source) * float(n)
    point = value(source) * n
    p = Pairing(
        ((source, "每期数值"),),
        1.0,
        computed,
        point,
        f"{source.q.text} × {n} = {_with_unit(point, b)}",
        "",
        _with_unit(point, b),
    )
    push_number(table, RELATION, b, [p], phrase)
