"""Structure ratios: 三次产业结构为5.6:56.6:37.8 / 三次产业投资比重由上年同期的2.1:58.9:39.0变化为
2.1:55.7:42.2 / 城乡居民人均可支配收入之比为2.39:1.

A ratio a:b:c written after 结构, 比例, 比重 or 之比 states the proportions of the parts of one whole:
each term is its part's value over the parts' sum, scaled to the terms' own sum — 100 when the
terms are shares in percent — or, when one term is 1, the part's value over that term's part.

The parts are the complete group of complements the ratio has as many terms as (第一、二、三产业;
城镇、农村), the nearest values before it in one period and unit; when the words before the ratio
name what is measured beyond the group (三次产业投资比重: 投资), the parts must carry that name. A
ratio dated in another period (由上年同期的…) is not of these values and is left alone.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt, labels
from zhiku.claims.facts import AMOUNT_KINDS, SPAN, Fact, FactTable, same_measure
from zhiku.claims.judge import bound_only, finding, reading
from zhiku.claims.model import Verdict
from zhiku.claims.search import name_likeness
from zhiku.claims.tolerance import verdict

RELATION = "structure"

_COLON = re.compile(r"\s*[:：∶]\s*")
_RATIO_WORD = re.compile(r"(?:结构|比例|比重|之比|比值|构成)")
# What the words before a ratio say beyond "the structure of the group" (三次产业结构比例为).
_GENERIC = re.compile(
    r"三次产业|三大产业|产业|城乡|结构|比例|比重|之比|比值|构成|由|从|上年同期|去年同期|上年|同期|的|为|是|"
    r"变化|调整|优化|变|转变|达到|[，,\s\ue000\ue001\d.:：∶%]"
)


def check(table: FactTable) -> None:
    for s in table.sentences:
        if s.passage is None:
            continue
        facts = [f for f in table.in_sentence(s.index) if f.q.value is not None]
        k = 0
        while k < len(facts):
            run = [facts[k]]
            while k + len(run) < len(facts):
                nxt = facts[k + len(run)]
                if not _COLON.fullmatch(s.text[run[-1].q.end : nxt.q.start]):
                    break
                run.append(nxt)
            if len(run) >= 2 and all(f.q.kind == "number" for f in run):
                _judge(table, run)
            k += len(run)


def _head(table: FactTable, first: Fact) -> str:
    """The words of the clause before the ratio (三次产业投资比重由上年同期的)."""
    s = table.sentence_of(first)
    start = max(s.start, *(s.text.rfind(c, s.start, first.q.start) + 1 for c in "，,；;"))
    return s.text[start : first.q.start]


def _judge(table: FactTable, terms: list[Fact]) -> None:
    head = _head(table, terms[0])
    if not _RATIO_WORD.search(head):
        return
    if any(bound_only(t) for t in terms):
        return
    parts = _parts(table, terms, _GENERIC.sub("", head))
    if parts is None:
        return
    stated = [reading(t) for t in terms]
    nominal = [t.q.value or 0.0 for t in terms]
    values = [reading(p) for p in parts]
    total = sum((v for v in values[1:]), values[0])
    if abs(sum(nominal) - 100.0) <= 0.5 * len(terms):
        computed = [(v / total) * 100.0 for v in values]
        scale = "各部分占合计的百分比 / each part as a percentage of their sum"
    elif 1.0 in nominal:
        one = nominal.index(1.0)
        computed = [v / values[one] for v in values]
        scale = f"以第{one + 1}项为1 / relative to term {one + 1}"
    else:
        return  # neither shares of 100 nor a ratio to 1: the scale is not known
    points = [
        ((p.q.value or 0.0) / sum(q.q.value or 0.0 for q in parts)) * 100.0
        if abs(sum(nominal) - 100.0) <= 0.5 * len(terms)
        else (p.q.value or 0.0) / (parts[nominal.index(1.0)].q.value or 1.0)
        for p in parts
    ]
    verdicts = [verdict(c, s) for c, s in zip(computed, stated, strict=True)]
    v: Verdict = "inconsistent" if "inconsistent" in verdicts else "consistent"
    decimals = max(t.q.decimals for t in terms)
    shown_ratio = ":".join(fmt.num(x, decimals) for x in points)
    written = ":".join(t.q.text for t in terms)
    parts_shown = " : ".join(fmt.shown([p.q for p in parts]))
    rel = "≈" if v == "consistent" else "≠"
    far = next((p for p in parts if p.place.sentence != terms[0].place.sentence), None)
    where = f"（{scale}；{far.q.text}等见第{far.place.line}行）" if far else f"（{scale}）"
    start = terms[0].text.rfind(head, 0, terms[0].q.start)
    phrase = (start if start >= 0 else terms[0].q.start, terms[-1].q.end)
    table.push(
        finding(
            table,
            RELATION,
            v,
            terms[0],
            written,
            shown_ratio,
            f"{parts_shown} = {shown_ratio} {rel} {written}{where}",
            [*((p, "部分") for p in parts), *((t, "比例项") for t in terms)],
            phrase,
        )
    )


def _parts(table: FactTable, terms: list[Fact], content: str) -> list[Fact] | None:
    """The nearest complete group of as many parts as the ratio has terms, in one period and unit."""
    first = terms[0]
    before = [
        f
        for f in reversed(table.facts[max(0, first.id - 4 * SPAN) : first.id])
        if f.role == "level"
        and f.q.kind in AMOUNT_KINDS
        and f.restates is None
        and not bound_only(f)
        and not f.period.clashes(first.period)
        and (first.place.passage is None or (f.place.passage or 0) >= first.place.passage - 3)
    ]
    best: list[Fact] | None = None
    for group in labels.COMPLEMENTS:
        if len(group) != len(terms):
            continue
        picked: list[Fact] = []
        for word in group:
            hit = next(
                (
                    f
                    for f in before
                    if word in f.label()
                    and sum(w in f.label() for w in group) == 1
                    and (not content or name_likeness(content, f) >= 0.5)
                    and (not picked or (same_measure(f.q, picked[0].q) and f.period.same(picked[0].period)))
                ),
                None,
            )
            if hit is None:
                break
            picked.append(hit)
        else:
            if best is None or min(p.id for p in picked) > min(p.id for p in best):
                best = picked
    return best
