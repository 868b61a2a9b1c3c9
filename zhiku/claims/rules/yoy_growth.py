"""Year-on-year growth: X，同比增长g (or 比上年/较2019年 增长, 下降, 减少).

The previous value comes from the same paragraph — one number of the same measure for the
base year, or complementary parts that add up to it (2018年去程3610次、回程2690次 → 6300) —
or, failing that, from a stored series whose value for the current year is X itself.
g must equal X / previous − 1. Rates (percent values) are left to the percentage-point rule.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt, labels
from zhiku.claims.facts import AMOUNT_KINDS, Facts, Sentence, same_measure
from zhiku.claims.model import Finding
from zhiku.claims.previous import previous_in_store, previous_in_text
from zhiku.claims.tolerance import interval_of, interval_sum, is_bound_only, nominal, verdict
from zhiku.quantities.model import Quantity

RELATION = "yoy_growth"

TRIGGER = re.compile(
    r"(分别)?(?:同比|比上年同期|较上年同期|比上年|较上年|比去年同期|较去年同期|比去年|较去年|"
    r"(?:比|较)\s*(\d{4})\s*年(?:同期)?)(分别)?(?:累计)?"
    r"(增长率|增长|增加|上升|提高|上涨|扩大|增幅|增速|下降|减少|回落|降低|下滑|萎缩|降幅)了?(?:为|达到|达)?"
)
_DOWN = ("下降", "减少", "回落", "降低", "下滑", "萎缩", "降幅")
_JOIN = re.compile(r"^\s*(?:和|与|及|、|，|,)\s*$")


def check(sentence: Sentence, facts: Facts) -> list[Finding]:
    if "比" not in sentence.text:
        return []
    out: list[Finding] = []
    for m in TRIGGER.finditer(sentence.text):
        end = sentence.start + m.end()
        start = sentence.start + m.start()
        rates = _rates_after(sentence, facts, end, several=bool(m.group(1) or m.group(3)))
        if not rates:
            continue
        currents = _currents_before(sentence, facts, start, len(rates))
        if currents is None:
            continue
        down = m.group(4) in _DOWN
        base_year = int(m.group(2)) if m.group(2) else None
        for cur, rate in zip(currents, rates, strict=True):
            f = _judge(
                sentence,
                facts,
                cur,
                rate,
                down,
                base_year,
                facts.text[start : rate.end] if len(rates) == 1 else facts.text[start:end] + rate.text,
            )
            if f is not None:
                out.append(f)
    return out


def _rates_after(sentence: Sentence, facts: Facts, end: int, several: bool) -> list[Quantity]:
    rates: list[Quantity] = []
    pos = end
    for q in sentence.quantities:
        if q.start < end:
            continue
        gap = facts.text[pos : q.start]
        if q.unit != "%":
            break
        if not rates and len(gap.strip()) > 1:
            break
        if rates and not _JOIN.match(gap):
            break
        rates.append(q)
        pos = q.end
        if not several:
            break
    return rates


def _currents_before(sentence: Sentence, facts: Facts, start: int, n: int) -> list[Quantity] | None:
    """The n values the growth is about: right before the trigger (开行8225列，同比增长…)."""
    values = [q for q in sentence.quantities if q.end <= start and q.kind in AMOUNT_KINDS | {"duration"}]
    if len(values) < n:
        return None
    chosen = values[-n:]
    gap = facts.text[chosen[-1].end : start]
    if len(gap.strip(" ，,、")) > (6 if n > 1 else 0):
        return None
    # Nothing but values and their labels between the chosen ones.
    inner = [
        q
        for q in sentence.quantities
        if chosen[0].start <= q.start < chosen[-1].end and q.unit == "%"
    ]
    return None if inner else chosen


_BRACKET_BASE = re.compile(r"^\s*[（(]\s*(?:上年|去年|(\d{4})\s*年)(?:同期)?(?:为|是)?\s*$")


def _in_brackets(
    sentence: Sentence, facts: Facts, cur: Quantity, rate: Quantity, base: int
) -> list[Quantity] | None:
    """The base value given right after the rate: 同比增长29%（上年为6300列）."""
    nxt = next((q for q in sentence.quantities if q.start >= rate.end and q.kind != "date"), None)
    if nxt is None or nxt.kind != cur.kind or not same_measure(nxt, cur):
        return None
    m = _BRACKET_BASE.match(facts.text[rate.end : nxt.start])
    if m is None or (m.group(1) and int(m.group(1)) != base):
        return None
    if facts.text[nxt.end : nxt.end + 1] not in ("）", ")"):
        return None
    return [nxt]


def _judge(
    sentence: Sentence,
    facts: Facts,
    cur: Quantity,
    rate: Quantity,
    down: bool,
    base_year: int | None,
    stated_text: str,
) -> Finding | None:
    period = facts.period_at(cur.start)
    if period is None or period.year is None:
        return facts.unverifiable(
            RELATION,
            sentence,
            [cur, rate],
            stated_text,
            "缺少本期年份 / the year of the value is not given",
        )
    base = base_year if base_year is not None else period.year - 1
    if is_bound_only(cur, facts.text):
        return None
    if labels.real_terms(facts.label(cur)) or labels.real_terms(sentence.text):
        return facts.unverifiable(
            RELATION,
            sentence,
            [cur, rate],
            stated_text,
            "按可比价格计算的实际增速，不能由名义值验算 / real growth cannot be checked from nominal values",
        )
    prev = previous_in_text(facts, cur, base, period.month) or _in_brackets(sentence, facts, cur, rate, base)
    source = "本段"
    if prev is None:
        stored = previous_in_store(facts, cur, period.year, base)
        if stored is None:
            what = facts.label(cur) or cur.text
            return facts.unverifiable(
                RELATION,
                sentence,
                [cur, rate],
                stated_text,
                f"缺少{base}年「{what}」的数值（本段与数据库均无）/ "
                f"the {base} value is not in the text or the data store",
            )
        prev_interval, prev_value, prev_shown, source = stored
        parts: list[Quantity] = []
        cur_shown = fmt.num(nominal(cur))
    else:
        parts = prev
        if any(is_bound_only(p, facts.text) for p in parts):
            return None
        prev_interval = interval_sum(parts, facts.text)
        prev_value = sum(nominal(p) for p in parts)
        shown = fmt.shown([cur, *parts])
        cur_shown = shown[0]
        prev_shown = shown[1] if len(parts) == 1 else "(" + "+".join(shown[1:]) + ")"
    computed = (interval_of(cur, facts.text) / prev_interval - 1.0) * 100.0
    stated = interval_of(rate, facts.text) * (-1.0 if down else 1.0)
    point = (nominal(cur) / prev_value - 1) * 100 if prev_value else float("nan")
    v = verdict(computed, stated)
    rel = "≈" if v == "consistent" else "≠"
    sum_note = f" = {fmt.amount(nominal(cur))}/{fmt.amount(prev_value)} − 1" if len(parts) > 1 else ""
    evidence = (
        f"{cur_shown}/{prev_shown} − 1{sum_note} = {fmt.pct(point)} {rel} {'−' if down else ''}{rate.text}"
        f"（{base}年数值取自{source} / base-year value from "
        f"{'the paragraph' if source == '本段' else source}）"
    )
    if v == "inconsistent" and parts:
        for alt_base in (base - 1, base + 1):
            alt = previous_in_text(facts, cur, alt_base, period.month)
            if alt and all(not is_bound_only(p, facts.text) for p in alt):
                alt_i = interval_sum(alt, facts.text)
                if ((interval_of(cur, facts.text) / alt_i - 1.0) * 100.0).overlaps(stated):
                    evidence += (
                        f"；与{alt_base}年相比则相符，可能用错了基期 / matches {alt_base} as the base year"
                    )
    return facts.finding(RELATION, v, sentence, [*parts, cur, rate], stated_text, fmt.pct(point), evidence)
