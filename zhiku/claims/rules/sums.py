"""Sums: a total and its parts.

- 其中: each part is at most the total; complementary parts of the same period
  (出口/进口, 去程/回程) add up to it exactly.
- 分别为a、b、c，合计/共计/总计 T, and N年合计 T after N values: the parts add up to T.
- N年间累计 T with fewer than N yearly values given: unverifiable, naming what is missing.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt, labels
from zhiku.claims.facts import AMOUNT_KINDS, Facts, Sentence, same_measure, specific_measure
from zhiku.claims.model import Finding, Verdict
from zhiku.claims.tolerance import interval_of, interval_sum, is_bound_only, nominal, verdict
from zhiku.quantities.model import Quantity

RELATION = "sum"

_TOTAL = re.compile(r"合计|共计|总计|累计|总共|加起来|一共")
_COUNTED = re.compile(
    r"(\d+|[两二三四五六七八九十]+)\s*(年|个月|个季度|项|者)(?:间|来|中)?的?(?:合计|共计|总计|累计|总共|一共)"
)
_CN = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_STOP = re.compile(r"[，,。；;：:（）()“”\s]")
_NET = re.compile(r"净|顺差|逆差|差额|余额|盈余|赤字|利润|增量|增加|减少|变化")
_CUMULATIVE = re.compile(r"累计|以来|历年|总计|合计")


def check(sentence: Sentence, facts: Facts) -> list[Finding]:
    out: list[Finding] = []
    if "其中" in sentence.text:
        out.extend(_of_which(sentence, facts))
    if _TOTAL.search(sentence.text):
        out.extend(_totals(sentence, facts))
    return out


def head_noun(facts: Facts, q: Quantity) -> str:
    """The words right after a count (37.3万个就业岗位 → 就业岗位)."""
    tail = facts.text[q.end : q.end + 8]
    return _STOP.split(tail, maxsplit=1)[0]


def _same_thing(facts: Facts, total: Quantity, part: Quantity) -> bool:
    if not same_measure(total, part):
        return False
    if total.kind == "count" and not specific_measure(total):
        a, b = head_noun(facts, total), head_noun(facts, part)
        return bool(a) and (a == b or labels.overlap(a, b) >= 2)
    return labels.related(facts.label(total), facts.label(part)) or (
        specific_measure(total) and not labels.opposed(facts.label(total), facts.label(part))
    )


def _of_which(sentence: Sentence, facts: Facts) -> list[Finding]:
    at = sentence.find("其中")
    head = [q for q in sentence.quantities if q.end <= at and q.kind in AMOUNT_KINDS]
    if not head and facts.text[sentence.start : at].strip(" ，,") == "":
        prev = [s for s in facts.sentences if s.end <= sentence.start]
        head = [q for q in prev[-1].quantities if q.kind in AMOUNT_KINDS] if prev else []
    parts_all = [q for q in sentence.quantities if q.start > at and q.kind in AMOUNT_KINDS]
    out: list[Finding] = []
    by_total: dict[int, list[Quantity]] = {}
    totals: dict[int, Quantity] = {}
    for part in parts_all:
        total = next((t for t in reversed(head) if same_measure(t, part)), None)
        if total is None or not _same_thing(facts, total, part):
            continue
        by_total.setdefault(total.start, []).append(part)
        totals[total.start] = total
    for key, parts in by_total.items():
        total = totals[key]
        total_label = facts.label(total)
        if _NET.search(total_label):
            continue  # a net figure (净利润, 顺差) can be smaller than its parts
        parts = [
            p
            for p in parts
            if not (_CUMULATIVE.search(facts.label(p)) and not _CUMULATIVE.search(total_label))
        ]
        if not parts:
            continue
        if is_bound_only(total, facts.text) and facts.text[total.start : total.end].startswith(
            ("超过", "突破")
        ):
            continue  # ≤ a lower bound proves nothing
        exact_parts = [p for p in parts if not is_bound_only(p, facts.text)]
        group = labels.complement_parts([facts.label(p) for p in exact_parts])
        t_period, p_periods = facts.period_at(total.start), {facts.period_at(p.start) for p in exact_parts}
        same_period = len(p_periods) == 1 and (t_period in p_periods)
        if group is not None and same_period and not is_bound_only(total, facts.text):
            chosen = [exact_parts[i] for i in group]
            out.append(_equal(sentence, facts, chosen, total))
            continue
        for p in exact_parts:
            out.append(_at_most(sentence, facts, p, total))
    return out


def _equal(sentence: Sentence, facts: Facts, parts: list[Quantity], total: Quantity) -> Finding:
    s = interval_sum(parts, facts.text)
    v = verdict(s, interval_of(total, facts.text))
    point = sum(nominal(p) for p in parts)
    shown = fmt.shown([*parts, total])
    result = fmt.like_shown(point, [*parts, total])
    evidence = f"{' + '.join(shown[:-1])} = {result} {'≈' if v == 'consistent' else '≠'} {shown[-1]}"
    if shown[-1] != fmt.num(nominal(total)):
        evidence += f"（{total.text}）"
    return facts.finding(
        RELATION, v, sentence, [*parts, total], total.text, fmt.amount(point, total.unit), evidence
    )


def _at_most(sentence: Sentence, facts: Facts, part: Quantity, total: Quantity) -> Finding:
    ok = interval_of(part, facts.text).lo <= interval_of(total, facts.text).hi
    evidence = (
        f"其中 {part.text} {'≤' if ok else '>'} 总数 {total.text} / a part {'≤' if ok else '>'} its total"
    )
    return facts.finding(
        RELATION,
        "consistent" if ok else "inconsistent",
        sentence,
        [total, part],
        part.text,
        f"≤ {total.text}",
        evidence,
    )


def _totals(sentence: Sentence, facts: Facts) -> list[Finding]:
    out: list[Finding] = []
    for m in _TOTAL.finditer(sentence.text):
        t0, t1 = sentence.start + m.start(), sentence.start + m.end()
        total = next(
            (
                q
                for q in sentence.quantities
                if q.start >= t1 and q.kind in AMOUNT_KINDS and q.start - t1 <= 6
            ),
            None,
        )
        if total is None:
            continue
        counted = None
        for c in _COUNTED.finditer(sentence.text):
            if sentence.start + c.end() == t1:
                counted = c
        before = [q for q in sentence.quantities if q.end <= t0 and q.kind in AMOUNT_KINDS]
        many = sentence.find("分别")
        if counted is not None:
            n = int(counted.group(1)) if counted.group(1).isdigit() else _CN.get(counted.group(1), 0)
            c_start = sentence.start + counted.start()
            parts = [q for q in before if same_measure(q, total) and q.end <= c_start]
            if len(parts) == n and n >= 2:
                out.append(_sum_of(sentence, facts, parts, total))
            elif counted.group(2) == "年" and 0 < len(parts) < n:
                given = "、".join(p.text for p in parts)
                out.append(
                    facts.unverifiable(
                        RELATION,
                        sentence,
                        [*parts, total],
                        total.text,
                        f"{n}年累计需要每年的数值，文中只有{len(parts)}个（{given}）/ "
                        f"{n - len(parts)} of {n} yearly values are missing",
                    )
                )
        elif 0 <= many < t0:
            parts = [q for q in before if q.start > many and same_measure(q, total)]
            if len(parts) >= 2:
                out.append(_sum_of(sentence, facts, parts, total))
    return out


def _sum_of(sentence: Sentence, facts: Facts, parts: list[Quantity], total: Quantity) -> Finding:
    if any(is_bound_only(p, facts.text) for p in parts):
        return facts.unverifiable(
            RELATION,
            sentence,
            [*parts, total],
            total.text,
            "部分数值只给出上下限 / some parts are only bounds",
        )
    s = interval_sum(parts, facts.text)
    if is_bound_only(total, facts.text):
        t = interval_of(total, facts.text)
        v: Verdict = "consistent" if s.overlaps(t) else "inconsistent"
    else:
        v = verdict(s, interval_of(total, facts.text))
    point = sum(nominal(p) for p in parts)
    shown = fmt.shown([*parts, total])
    result = fmt.like_shown(point, [*parts, total])
    evidence = f"{' + '.join(shown[:-1])} = {result} {'≈' if v == 'consistent' else '≠'} {total.text}"
    return facts.finding(
        RELATION, v, sentence, [*parts, total], total.text, fmt.amount(point, total.unit), evidence
    )
