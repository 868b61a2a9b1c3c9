"""Structure ratios: 三次产业结构为5.6:56.6:37.8 / 三次产业投资比重由上年同期的2.1:58.9:39.0变化为
2.1:55.7:42.2 / 城乡居民人均可支配收入之比为2.39:1.

A ratio a:b:c written after 结构, 比例, 比重 or 之比 states the proportions of the parts of one whole:
each term is its part's value over the parts' sum, scaled to the terms' own sum — 100 when the
terms are shares in percent — or, when one term is 1, the part's value over that term's part.

The parts are the complete group of complements the ratio has as many terms as (第一、二、三产业;
城镇、农村), the nearest values before it in one period and unit; when the words before the ratio
name what is measured beyond the group (三次产业投资比重: 投资), the parts must carry that name. A
ratio dated in another period (由上年同期的…) is not of these values and is left alone.

A ratio of two written as one number (城乡居民人均可支配收入之比为2.39, 城乡居民收入比为2.39, 出口与
进口的比值为1.32) is the first part over the second: in the order the words name them (城乡: urban
first; 进口与出口: imports first), else in the order the values were written. When only the inverse
ratio fits, which way round was meant is not certain, and nothing is reported.
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
            elif run[0].q.kind == "number" and _ONE_TERM.search(_head(table, run[0])):
                _judge_one(table, run[0])
            k += len(run)


# 城乡居民人均可支配收入之比为2.39 / 城乡居民收入比为2.39 / 出口与进口的比值为1.32: one number, the
# ratio of two values (性别比, per 100 females, is the multiple rule's).
_ONE_TERM = re.compile(r"(?:之比|比值|收入比)(?:为|是|达到|达|约为)?\s*$")


def _judge_one(table: FactTable, term: Fact) -> None:
    """A ratio written as one number: the first part named over the second (城乡: urban over rural;
    A与B之比: A over B; unnamed: in the order the values were written)."""
    if bound_only(term):
        return
    head = _head(table, term)
    parts = _parts(table, [term, term], re.sub(r"比$", "", _GENERIC.sub("", head)))  # 收入比: 收入
    if parts is None:
        return
    first = min(parts, key=lambda p: p.q.start if p.place.sentence == parts[0].place.sentence else p.id)
    named = [(head.find(w), p) for p in parts for w in _words_of(p) if head.find(w) >= 0]
    if len({id(p) for _, p in named}) == 2:
        first = min(named, key=lambda x: x[0])[1]  # 进口与出口之比: as the words name them
    other = parts[1] if first is parts[0] else parts[0]
    a, b = reading(first), reading(other)
    computed = a / b
    v = verdict(computed, reading(term))
    if v == "inconsistent" and verdict(b / a, reading(term)) != "inconsistent":
        return  # the inverse ratio: which way round was meant is not for us to say
    shown = fmt.num((first.q.value or 0.0) / (other.q.value or 1.0), max(term.q.decimals, 2))
    parts_shown = " / ".join(fmt.shown([first.q, other.q]))
    rel = "≈" if v == "consistent" else "≠"
    start = term.text.rfind(head, 0, term.q.start)
    table.push(
        finding(
            table,
            RELATION,
            v,
            term,
            term.q.text,
            shown,
            f"{parts_shown} = {shown} {rel} {term.q.text}（前者比后者 / the first over the second）",
            [(first, "前项"), (other, "后项"), (term, "比值")],
            (start if start >= 0 else term.q.start, term.q.end),
        )
    )


def _words_of(part: Fact) -> list[str]:
    """The words of its complement group that name ``part`` (城镇 for 城镇居民…; 城 for 城乡)."""
    label = part.label()
    words = [w for group in labels.COMPLEMENTS for w in group if w in label]
    return words + [w[0] for w in words if w[0] in "城乡农"]


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
