"""Compound annual growth: 由A增至B … 年均增长r, with the years.

r must equal (B/A)^(1/n) − 1, where n is the number of years between the first and the
last year (2013–2019 → 6). Without the years the claim is unverifiable.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt, labels
from zhiku.claims.facts import AMOUNT_KINDS, Facts, Sentence, same_measure
from zhiku.claims.model import Finding
from zhiku.claims.tolerance import interval_of, is_bound_only, nominal, verdict
from zhiku.quantities.model import Quantity

RELATION = "compound_growth"

_RATE = re.compile(r"年均(?:复合)?(?:增长率|增长速度|增长|增速|增幅|下降|减少)|年复合增长率|复合年均增长率")
_FROM_TO = re.compile(r"[至到]")
_FROM = re.compile(r"[由从]")


def check(sentence: Sentence, facts: Facts) -> list[Finding]:
    if "年均" not in sentence.text and "复合" not in sentence.text:
        return []
    out: list[Finding] = []
    for m in _RATE.finditer(sentence.text):
        phrase_start = sentence.start + m.start()
        phrase_end = sentence.start + m.end()
        rate = next(
            (
                q
                for q in sentence.quantities
                if q.unit == "%" and phrase_end <= q.start <= phrase_end + 4
            ),
            None,
        )
        if rate is None:
            continue
        pair = _endpoints(sentence, facts, phrase_start)
        if pair is None:
            continue
        a, b = pair
        decline = "下降" in m.group(0) or "减少" in m.group(0)
        f = _judge(sentence, facts, a, b, rate, decline, facts.text[phrase_start : rate.end])
        if f is not None:
            out.append(f)
    return out


def _endpoints(sentence: Sentence, facts: Facts, before: int) -> tuple[Quantity, Quantity] | None:
    """The A and B of 由A增至B just before the rate phrase, or None."""
    values = [q for q in sentence.quantities if q.end <= before and q.kind in AMOUNT_KINDS]
    if len(values) < 2:
        return None
    a, b = values[-2], values[-1]
    if not same_measure(a, b):
        return None
    between = facts.text[a.end : b.start]
    lead = facts.text[max(sentence.start, a.start - 12) : a.start]
    gap = facts.text[b.end : before]
    if not _FROM_TO.search(between) or not _FROM.search(lead + between[:1]):
        return None
    if len(gap.strip(" ，,、")) > 4 or any(w in gap for w in ("其中", "分别", "而", "；", ";")):
        return None  # the rate belongs to another subject (…，其中服务贸易年均增长…)
    return a, b


def _years(facts: Facts, a: Quantity, b: Quantity) -> tuple[int, int] | None:
    pa, pb = facts.period_at(a.start, inherit=False), facts.period_at(b.start, inherit=False)
    if pa is not None and pb is not None and pa.year is not None and pb.year is not None and pa is not pb:
        return pa.year, pb.year
    for p in (pb, pa, facts.period_at(a.start)):
        if p is not None and p.first is not None and p.last is not None:
            return p.first, p.last
    return None


def _judge(
    sentence: Sentence,
    facts: Facts,
    a: Quantity,
    b: Quantity,
    rate: Quantity,
    decline: bool,
    stated_text: str,
) -> Finding | None:
    sign = -1.0 if decline else 1.0
    stated = interval_of(rate, facts.text) * sign
    shown_a, shown_b = fmt.shown([a, b])
    years = _years(facts, a, b)
    if years is None or years[1] <= years[0]:
        return facts.unverifiable(
            RELATION,
            sentence,
            [a, b, rate],
            stated_text,
            f"缺少起止年份，无法计算年均增长 / the first and last years are missing: "
            f"({shown_b}/{shown_a})^(1/n) − 1",
        )
    if is_bound_only(a, facts.text) or is_bound_only(b, facts.text):
        return facts.unverifiable(
            RELATION,
            sentence,
            [a, b, rate],
            stated_text,
            "起点或终点只给出上下限 / a start or end value is only a bound",
        )
    if labels.real_terms(sentence.text):
        return facts.unverifiable(
            RELATION,
            sentence,
            [a, b, rate],
            stated_text,
            "按可比价格计算的实际增速，不能由名义值验算 / real growth cannot be checked from nominal values",
        )
    y0, y1 = years
    n = y1 - y0
    ratio = interval_of(b, facts.text) / interval_of(a, facts.text)
    computed = (ratio.pow(1 / n) - 1.0) * 100.0
    va, vb = nominal(a), nominal(b)
    point = ((vb / va) ** (1 / n) - 1) * 100 if va > 0 and vb > 0 else float("nan")
    v = verdict(computed, stated)
    rel = "≈" if v == "consistent" else "≠"
    evidence = f"({shown_b}/{shown_a})^(1/{n}) − 1 = {fmt.pct(point)} {rel} {rate.text}（{y0}–{y1}年，{n}年）"
    if v == "inconsistent":
        for alt in (n - 1, n + 1):
            if alt > 0 and va > 0 and vb > 0:
                alt_point = ((vb / va) ** (1 / alt) - 1) * 100
                if ((ratio.pow(1 / alt) - 1.0) * 100.0).overlaps(stated):
                    evidence += (
                        f"；若按{alt}年计算为{fmt.pct(alt_point)}，可能误用了起始年份 / matches {alt} years"
                    )
    return facts.finding(RELATION, v, sentence, [a, b, rate], stated_text, fmt.pct(point), evidence)
