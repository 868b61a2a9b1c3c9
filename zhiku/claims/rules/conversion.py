"""Currency conversions: 2555.4亿美元，折合人民币1.76万亿元.

The rate is the year's average yuan per US dollar from the data store (the bundled series
``fx.usd_cny.annual``, from the NBS statistical communiqués). A writer may have used another
rate (the year-end or the day's rate), so a result that misses the average but implies a
rate within 10% of it is unverifiable, not inconsistent; only a conversion no rate of that
year explains (亿 written for 万, a wrong currency) is flagged.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt
from zhiku.claims.facts import Facts, Sentence
from zhiku.claims.model import Finding
from zhiku.claims.storeview import usd_cny
from zhiku.claims.tolerance import interval_of, is_bound_only, nominal, verdict

RELATION = "conversion"

_TRIGGER = re.compile(r"(?:约?折合|约合|折算[为成]?|相当于)(?:人民币|美元)?约?")
RATE_SLACK = 0.10


def check(sentence: Sentence, facts: Facts) -> list[Finding]:
    if "合" not in sentence.text and "折算" not in sentence.text and "相当于" not in sentence.text:
        return []
    out: list[Finding] = []
    money = [q for q in sentence.quantities if q.kind == "money"]
    for m in _TRIGGER.finditer(sentence.text):
        t0, t1 = sentence.start + m.start(), sentence.start + m.end()
        src = next(
            (q for q in reversed(money) if q.end <= t0 and len(facts.text[q.end : t0].strip(" ，,（(")) == 0),
            None,
        )
        dst = next((q for q in money if q.start >= t1 and len(facts.text[t1 : q.start].strip()) <= 1), None)
        if src is None or dst is None or {src.unit, dst.unit} != {"USD", "CNY"}:
            continue
        if is_bound_only(src, facts.text) or src.value is None:
            continue
        year = facts.year_at(src.start)
        stated_text = facts.text[t0 : dst.end]
        if year is None:
            out.append(
                facts.unverifiable(
                    RELATION,
                    sentence,
                    [src, dst],
                    stated_text,
                    "缺少年份，无法确定汇率 / the year is not given, so the rate is unknown",
                )
            )
            continue
        rate = usd_cny(facts.store, year)
        if rate is None:
            out.append(
                facts.unverifiable(
                    RELATION,
                    sentence,
                    [src, dst],
                    stated_text,
                    f"数据库中没有{year}年人民币对美元年平均汇率 / no {year} USD/CNY average in the store",
                )
            )
            continue
        to_cny = src.unit == "USD"
        computed_i = interval_of(src, facts.text) * (rate if to_cny else 1 / rate)
        point = nominal(src) * (rate if to_cny else 1 / rate)
        stated_i = interval_of(dst, facts.text)
        v = verdict(computed_i, stated_i)
        op = "×" if to_cny else "÷"
        evidence = (
            f"{fmt.amount(nominal(src), src.unit)} {op} {fmt.num(rate)} = {fmt.amount(point, dst.unit)} "
            f"{'≈' if v == 'consistent' else '≠'} {dst.text}"
            f"（{year}年人民币对美元年平均汇率 {fmt.num(rate)} / "
            f"{year} average USD/CNY）"
        )
        if v == "inconsistent":
            implied = nominal(dst) / nominal(src) if to_cny else nominal(src) / nominal(dst)
            if abs(implied / rate - 1) <= RATE_SLACK:
                v = "unverifiable"
                evidence += f"；隐含汇率 {fmt.num(implied)}，可能按年末或当日汇率折算 / another rate?"
        out.append(
            facts.finding(
                RELATION, v, sentence, [src, dst], stated_text, fmt.amount(point, dst.unit), evidence
            )
        )
    return out
