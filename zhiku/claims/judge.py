"""Deciding a claim: score the candidate pairings a rule found, evaluate them on intervals, and write
the finding — with its inputs and where each came from.

A claim is ``inconsistent`` only when its best pairing is clearly the intended one: its score is
high (names and periods agree), and no rival pairing of nearly the same score, nor any strong
one, agrees with the claim. Otherwise a failing best pairing is ``unverifiable`` and says what
made it uncertain. A miss is better than a false alarm.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from zhiku.claims import fmt
from zhiku.claims.facts import Fact, FactTable
from zhiku.claims.interval import Interval
from zhiku.claims.model import Finding, Input, Verdict
from zhiku.claims.tolerance import interval_of, is_bound_only, nominal, verdict

# A pairing at least this sure may convict; rivals within MARGIN of the best are its equals.
STRONG = 0.6
MARGIN = 0.15


def reading(f: Fact) -> Interval:
    """Every value the written number can stand for."""
    return interval_of(f.q, f.text)


# The note a rule adds when a gap between two rates is written in % where it is in points (高出6.4%
# for 14.7% against 8.3%): the slip is in how the figure is written, whatever its inputs are worth.
POINTS_AS_PERCENT = "比率之差应写“个百分点”"


def reading_sum(facts: Sequence[Fact]) -> Interval:
    """Every value the sum of the facts' written numbers can stand for."""
    return sum((reading(f) for f in facts[1:]), reading(facts[0]))


def bound_only(f: Fact) -> bool:
    return is_bound_only(f.q, f.text)


def value(f: Fact) -> float:
    return nominal(f.q)


@dataclass(frozen=True)
class Pairing:
    """One way to compute a claim from the fact table."""

    inputs: tuple[tuple[Fact, str], ...]  # (fact, its role in the relation: 本期, 上年, 部分, 整体 …)
    score: float
    computed: Interval
    point: float
    arithmetic: str  # the arithmetic with the nominal values, for the evidence line
    note: str = ""  # where the inputs come from, or what is assumed
    shown: str = ""  # the computed value as the reader should see it (defaults to the point)
    data: tuple[float, ...] = ()  # numbers a rule keeps for its own explanation (a growth factor, years)


@dataclass
class Decision:
    verdict: Verdict
    best: Pairing | None
    why: str = ""
    rivals: list[Pairing] = field(default_factory=list)


def decide(stated: Interval, pairings: Sequence[Pairing], *, strong: float = STRONG) -> Decision:
    """The verdict over the candidate pairings (best first by score)."""
    if not pairings:
        return Decision("unverifiable", None)
    ranked = sorted(pairings, key=lambda p: -p.score)
    best = ranked[0]
    v = verdict(best.computed, stated)
    if v == "consistent":
        return Decision("consistent", best)
    if v == "unverifiable":
        return Decision("unverifiable", best, "输入只是上下限 / the inputs are bounds only")
    rivals = [p for p in ranked[1:] if p.score >= best.score - MARGIN or p.score >= strong]
    agreeing = [p for p in rivals if verdict(p.computed, stated) == "consistent"]
    if agreeing:
        return Decision(
            "unverifiable",
            best,
            f"另一种配对相符（{agreeing[0].arithmetic}），无法确定文中所指 / "
            "another pairing of the inputs agrees: the intended one is unclear",
            agreeing,
        )
    if best.score < strong:
        return Decision(
            "unverifiable",
            best,
            "输入的配对不够确定（名称或期间不完全一致）/ the inputs may not be the ones meant",
        )
    return Decision("inconsistent", best)


def spans_in(
    text: str,
    claim: Fact,
    phrase: tuple[int, int] | None,
    inputs: Sequence[Fact],
    extra: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Non-overlapping spans of ``text``: the claim's phrase (or number), words the rule read (a list),
    and the inputs written in it."""
    out: list[tuple[int, int]] = []
    first = phrase if phrase is not None else (claim.q.start, claim.q.end)
    if claim.text == text:
        out.append(first)
        for a, b in extra:
            if not any(a < e and s < b for s, e in out):
                out.append((a, b))
    for f in inputs:
        if f.text != text:
            continue
        a, b = f.q.start, f.q.end
        if any(a < e and s < b for s, e in out):
            continue
        out.append((a, b))
    return sorted(set(out))


def as_input(f: Fact, role: str) -> Input:
    cell = None
    if f.place.row is not None and f.place.col is not None:
        cell = (f.place.row + 1, f.place.col + 1)
    return Input(text=f.q.text, value=f.q.value, line=f.place.line, role=role, cell=cell)


def where(f: Fact, claim: Fact) -> str:
    """Where an input stands relative to the claim, for the evidence line."""
    if f.place.sentence == claim.place.sentence:
        return ""
    if f.is_cell:
        return f"（{f.q.text}见{f.place.describe()}）"
    return f"（{f.q.text}见第{f.place.line}行）"


def finding(
    table: FactTable,
    relation: str,
    v: Verdict,
    claim: Fact,
    stated: str,
    computed: str,
    evidence: str,
    inputs: Sequence[tuple[Fact, str]] = (),
    phrase: tuple[int, int] | None = None,
    missing: str = "",
    extra: Sequence[tuple[int, int]] = (),
) -> Finding:
    text = claim.text
    facts = [f for f, _ in inputs]
    offsets = spans_in(text, claim, phrase, facts, extra)
    sentence = table.sentence_of(claim)
    return Finding(
        file=table.file,
        line=claim.place.line,
        relation=relation,
        verdict=v,
        text=text,
        spans=tuple(text[a:b] for a, b in offsets),
        stated=stated,
        computed=computed,
        evidence=evidence,
        span_offsets=tuple(offsets),
        article=table.doc.slug,
        sentence=sentence.words.strip(),
        inputs=tuple(as_input(f, role) for f, role in inputs),
        missing=missing,
    )


def conclude(
    table: FactTable,
    relation: str,
    claim: Fact,
    stated: Interval,
    stated_text: str,
    pairings: Sequence[Pairing],
    *,
    missing: str,
    phrase: tuple[int, int] | None = None,
    strong: float = STRONG,
    unit_note: str = "",
) -> Finding:
    """Decide and write the finding; ``missing`` names what is absent when there is no pairing."""
    d = decide(stated, pairings, strong=strong)
    if d.best is None:
        return finding(
            table,
            relation,
            "unverifiable",
            claim,
            stated_text,
            "—",
            missing,
            [(claim, "所述")],
            phrase,
            missing=missing,
        )
    best = d.best
    rel = "≈" if d.verdict == "consistent" else "≠"
    computed = best.shown or fmt.num(best.point, 2)
    evidence = f"{best.arithmetic} {rel} {claim.q.text}"
    if best.note:
        evidence += f"（{best.note}）"
    if unit_note and d.verdict != "consistent":
        evidence += f"；{unit_note}"
    if d.why:
        evidence += f"；{d.why}"
    return finding(
        table,
        relation,
        d.verdict,
        claim,
        stated_text,
        computed,
        evidence,
        [*best.inputs, (claim, "所述")],
        phrase,
        missing="配对不确定 / ambiguous pairing" if d.verdict == "unverifiable" else "",
    )


def push_number(
    table: FactTable,
    relation: str,
    claim: Fact,
    pairings: Sequence[Pairing],
    phrase: tuple[int, int] | None = None,
    *,
    signed: bool = False,
) -> Finding:
    """Judge the claim's number against ``pairings`` and push the finding, quoting ``phrase`` (by
    default the number itself); ``signed``: a falling verb (下降, 减少) makes the stated value negative."""
    words = phrase if phrase is not None else (claim.q.start, claim.q.end)
    stated = reading(claim) * (-1.0 if signed and claim.down else 1.0)
    text = claim.text[words[0] : words[1]]
    found = conclude(table, relation, claim, stated, text, pairings, missing="", phrase=words)
    table.push(found)
    return found


def absolute(p: Pairing) -> Pairing:
    """The pairing's result without its sign: 相差, 差距 say how far apart two values are, not which
    is larger."""
    c = p.computed
    lo, hi = (c.lo, c.hi) if c.lo >= 0 else ((-c.hi, -c.lo) if c.hi <= 0 else (0.0, max(-c.lo, c.hi)))
    shown = p.shown.lstrip("-−") if p.shown else p.shown
    return dataclasses.replace(p, computed=Interval(lo, hi), point=abs(p.point), shown=shown)
