"""Differences: 由A增至B，增加d; X，比上年增加d (an amount, not a percent).

d must equal B − A (or A − B for 减少/下降), in the same unit. The previous value of the
比上年 form comes from the paragraph, as for year-on-year growth.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt
from zhiku.claims.facts import AMOUNT_KINDS, Facts, Sentence, same_measure
from zhiku.claims.model import Finding
from zhiku.claims.previous import previous_in_text, value_and_change
from zhiku.claims.tolerance import interval_of, interval_sum, is_bound_only, nominal, verdict
from zhiku.quantities.model import Quantity

RELATION = "difference"

_UP = "增加|增长|提高|上升|多|扩大"
_DOWN = "减少|下降|降低|少|缩小|回落"
_CHANGE = re.compile(rf"^[，,\s]*(?:共|净|累计)?({_UP}|{_DOWN})了?\s*$")
_YOY = re.compile(
    rf"(?:同比|比上年|较上年|比去年|较去年|(?:比|较)\s*(\d{{4}})\s*年)(?:净)?({_UP}|{_DOWN})了?"
)


def check(sentence: Sentence, facts: Facts) -> list[Finding]:
    amounts = [q for q in sentence.quantities if q.kind in AMOUNT_KINDS]
    if len(amounts) < 2:
        return []
    out: list[Finding] = []
    used: set[int] = set()
    for a, b, d in zip(amounts, amounts[1:], amounts[2:], strict=False):
        if not (same_measure(a, b) and same_measure(b, d)):
            continue
        if not facts.from_to(sentence, a, b):
            continue
        m = _CHANGE.match(facts.text[b.end : d.start])
        if m is None:
            continue
        down = bool(re.fullmatch(_DOWN, m.group(1)))
        f = _judge(sentence, facts, [a], b, d, down)
        if f is not None:
            out.append(f)
            used.add(d.start)
    for m in _YOY.finditer(sentence.text):
        start, end = sentence.start + m.start(), sentence.start + m.end()
        pair = value_and_change(facts, amounts, start, end)
        if pair is None:
            continue
        cur, change = pair
        if change.start in used or not same_measure(cur, change):
            continue
        period = facts.period_at(cur.start)
        if period is None or period.year is None:
            continue
        base = int(m.group(1)) if m.group(1) else period.year - 1
        prev = previous_in_text(facts, cur, base, period.month, AMOUNT_KINDS)
        if prev is None:
            out.append(
                facts.unverifiable(
                    RELATION,
                    sentence,
                    [cur, change],
                    facts.text[start : change.end],
                    f"缺少{base}年的数值 / the {base} value is not given",
                )
            )
            continue
        f = _judge(sentence, facts, prev, cur, change, bool(re.fullmatch(_DOWN, m.group(2))))
        if f is not None:
            out.append(f)
    return out


def _judge(
    sentence: Sentence, facts: Facts, before: list[Quantity], after: Quantity, d: Quantity, down: bool
) -> Finding | None:
    if any(is_bound_only(q, facts.text) for q in [*before, after]):
        return None
    prev_i = interval_sum(before, facts.text)
    diff = interval_of(after, facts.text) - prev_i
    stated = interval_of(d, facts.text) * (-1.0 if down else 1.0)
    v = verdict(diff, stated)
    point = nominal(after) - sum(nominal(q) for q in before)
    shown = fmt.shown([after, *before, d])
    prev_shown = shown[1] if len(before) == 1 else "(" + "+".join(shown[1:-1]) + ")"
    result = fmt.like_shown(point, [after, *before, d])
    evidence = f"{shown[0]} − {prev_shown} = {result} {'≈' if v == 'consistent' else '≠'} {d.text}"
    if v == "inconsistent" and shown[0] == fmt.num(nominal(after)):
        evidence += f"（{fmt.amount(point, d.unit)}）"
    return facts.finding(
        RELATION, v, sentence, [*before, after, d], d.text, fmt.amount(point, d.unit), evidence
    )
