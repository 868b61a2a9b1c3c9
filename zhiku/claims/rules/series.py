"""Series look-ups: a figure about a stored series, checked against the store.

Prose names series in words, so this rule knows the few series zhiku bundles: US CPI-U
inflation, monthly year-over-year (美国10月CPI增速已突破6%) and annual (美国2021年通胀率).
A month without a year takes the latest such month before the issue date.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt, local
from zhiku.claims.facts import FactTable
from zhiku.claims.interval import Interval
from zhiku.claims.local import Facts, Sentence
from zhiku.claims.model import Finding
from zhiku.claims.storeview import series_value
from zhiku.claims.tolerance import interval_of, verdict
from zhiku.quantities.model import Quantity

RELATION = "series"

MONTHLY = "us.cpi_u.inflation.monthly_yoy"
ANNUAL = "us.cpi_u.inflation.annual"

_CPI = re.compile(r"CPI|通胀率|通货膨胀率|消费者?物价指数|消费价格指数")
_VERB = re.compile(
    r"^\s*(?:同比)?(?:增速|涨幅|增幅|上涨|同比上涨|增长|升至|为|达到|达|已|突破|超过|高达|创|录得|\s)*$"
)


def check(table: FactTable) -> None:
    local.run(table, check_sentence)


def check_sentence(sentence: Sentence, facts: Facts) -> list[Finding]:
    if "美国" not in sentence.text:
        return []
    out: list[Finding] = []
    for m in _CPI.finditer(sentence.text):
        c0, c1 = sentence.start + m.start(), sentence.start + m.end()
        us = sentence.find("美国")
        if us < 0 or not (0 <= c0 - us <= 16):
            continue
        if any(w in facts.text[max(us, c0 - 4) : c0] for w in ("核心", "食品", "能源", "扣除", "服务")):
            continue  # 核心CPI and other sub-indexes are other series
        if any(q.unit == "%" and us <= q.start < c0 for q in sentence.quantities):
            continue  # an earlier figure stands between 美国 and this index
        pct = next((q for q in sentence.quantities if q.start >= c1 and q.unit == "%"), None)
        if pct is None or not _VERB.match(facts.text[c1 : pct.start]):
            continue
        when = [q for q in sentence.quantities if q.kind == "date" and us <= q.start < c0]
        f = _judge(sentence, facts, when[-1] if when else None, pct, (c0, c1))
        if f is not None:
            out.append(f)
    return out


def _judge(
    sentence: Sentence, facts: Facts, when: Quantity | None, pct: Quantity, word: tuple[int, int]
) -> Finding | None:
    if when is None or not when.iso:
        return None
    iso = when.iso
    stated_text = facts.text[word[0] : pct.end]
    if iso.startswith("--") and len(iso) == 4:  # a month without a year
        month = int(iso[2:4])
        ref = facts.reference_date
        year = facts.year_at(when.start, inherit=False)
        if year is None and ref is not None:
            year = ref.year if month < ref.month else ref.year - 1
        if year is None:
            return facts.unverifiable(
                RELATION,
                sentence,
                [when, pct],
                stated_text,
                "未写年份，也没有出版日期可推断 / no year and no issue date",
                extra=[word],
            )
        series, period, label = MONTHLY, f"{year}-{month:02d}", f"{year}年{month}月"
    elif len(iso) == 7 and iso[:4].isdigit():
        series, period, label = MONTHLY, iso, f"{iso[:4]}年{int(iso[5:7])}月"
    elif len(iso) == 4 and iso.isdigit():
        series, period, label = ANNUAL, iso, f"{iso}年"
    else:
        return None
    value = series_value(facts.store, series, period)
    if value is None:
        return facts.unverifiable(
            RELATION,
            sentence,
            [when, pct],
            stated_text,
            f"数据库中没有 {series} {period} 的值 / {series} has no value for {period}",
            extra=[word],
        )
    v = verdict(Interval.point(value), interval_of(pct, facts.text))
    evidence = (
        f"{label}美国CPI-U{'同比' if series == MONTHLY else '年均涨幅'} {fmt.num(value, 2)}%（{series}，BLS）"
        f"{'符合' if v == 'consistent' else '不符合'} {pct.text}"
    )
    return facts.finding(
        RELATION, v, sentence, [when, pct], stated_text, f"{fmt.num(value, 2)}%", evidence, extra=[word]
    )
