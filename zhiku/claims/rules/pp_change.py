"""Percentage-point changes: 由25%提升到29.4%，提高4.4个百分点 — never confused with percent.

A change between two rates is p2 − p1 percentage points, or (p2/p1 − 1) percent. Both are
correct when labelled as such; the classic slip is the difference in points written as a
percent (提高4.4%), which is flagged with both readings shown. The previous rate may also
come from earlier in the paragraph (同比提高x个百分点).
"""

from __future__ import annotations

import re

from zhiku.claims import fmt
from zhiku.claims.facts import Facts, Sentence
from zhiku.claims.interval import Interval
from zhiku.claims.model import Finding, Verdict
from zhiku.claims.previous import previous_in_text, value_and_change
from zhiku.claims.tolerance import interval_of, is_bound_only, nominal, verdict
from zhiku.quantities.model import Quantity

RELATION = "pp_change"

_UP = "提高|提升|上升|增加|增长|上涨|扩大"
_DOWN = "下降|降低|减少|回落|下滑|收窄"
_CHANGE = re.compile(rf"^[，,、\s]*(?:(?:同比|比上年|较上年)?(?:相对|共|累计|分别)?({_UP}|{_DOWN})了?)\s*$")
_YOY = re.compile(rf"(?:同比|比上年|较上年|比去年|较去年)({_UP}|{_DOWN})了?")


def check(sentence: Sentence, facts: Facts) -> list[Finding]:
    pcts = [q for q in sentence.quantities if q.kind == "percent"]
    if len(pcts) < 2:
        return []
    out: list[Finding] = []
    used: set[int] = set()
    for p1, p2, c in zip(pcts, pcts[1:], pcts[2:], strict=False):
        if p1.unit != "%" or p2.unit != "%":
            continue
        if not facts.from_to(sentence, p1, p2):
            continue
        m = _CHANGE.match(facts.text[p2.end : c.start])
        if m is None:
            continue
        down = bool(re.fullmatch(_DOWN, m.group(1)))
        out.append(_judge(sentence, facts, p1, p2, c, down))
        used.add(c.start)
    for m in _YOY.finditer(sentence.text):
        start, end = sentence.start + m.start(), sentence.start + m.end()
        pair = value_and_change(facts, pcts, start, end)
        if pair is None:
            continue
        cur, change = pair
        if change.start in used or cur.unit != "%":
            continue
        period = facts.period_at(cur.start)
        if period is None or period.year is None or is_bound_only(cur, facts.text):
            continue
        prev = previous_in_text(facts, cur, period.year - 1, period.month, frozenset({"percent"}))
        if prev is None or len(prev) != 1:
            if change.unit == "pp":
                out.append(
                    facts.unverifiable(
                        RELATION,
                        sentence,
                        [cur, change],
                        facts.text[start : change.end],
                        f"缺少{period.year - 1}年的比率 / the {period.year - 1} rate is not given",
                    )
                )
            continue
        out.append(_judge(sentence, facts, prev[0], cur, change, bool(re.fullmatch(_DOWN, m.group(1)))))
    return out


def _judge(sentence: Sentence, facts: Facts, p1: Quantity, p2: Quantity, c: Quantity, down: bool) -> Finding:
    i1, i2 = interval_of(p1, facts.text), interval_of(p2, facts.text)
    sign = -1.0 if down else 1.0
    stated = interval_of(c, facts.text) * sign
    diff: Interval = i2 - i1
    rel: Interval = (i2 / i1 - 1.0) * 100.0
    d_point = nominal(p2) - nominal(p1)
    r_point = (nominal(p2) / nominal(p1) - 1) * 100 if nominal(p1) else float("nan")
    s1, s2 = fmt.shown([p1, p2])
    both = f"{s2} − {s1} = {fmt.num(d_point, 2)}个百分点；{s2}/{s1} − 1 = {fmt.pct(r_point)}"
    v: Verdict
    if c.unit == "pp":
        v = verdict(diff, stated)
        computed = f"{fmt.num(d_point, 2)}个百分点"
        evidence = f"{s2} − {s1} = {fmt.num(d_point, 2)}个百分点 {'≈' if v == 'consistent' else '≠'} {c.text}"
    else:
        computed = fmt.pct(r_point)
        if verdict(rel, stated) == "consistent":
            v = "consistent"
            evidence = f"{s2}/{s1} − 1 = {fmt.pct(r_point)} ≈ {c.text}（相对增幅 / relative change）"
        elif verdict(diff, stated) == "consistent":
            v = "inconsistent"
            evidence = (
                f"{both}：所写 {c.text} 是百分点之差，应写作“{fmt.num(abs(d_point), 2)}个百分点” / "
                "percentage points written as percent"
            )
        else:
            v = "inconsistent"
            evidence = f"{both}，均不等于 {c.text} / neither reading gives {c.text}"
    stated_text = facts.text[p2.end : c.end].lstrip("，, ")
    return facts.finding(RELATION, v, sentence, [p1, p2, c], stated_text, computed, evidence)
