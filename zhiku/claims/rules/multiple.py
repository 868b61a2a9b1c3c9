"""Multiples: A是B的k倍; 由A增至B，翻了一番 (×2), 翻两番 (×4).

增长了k倍 is checked only when it reads unambiguously: the standard reading is ×(k+1), but
many writers mean ×k, so a ratio of k is reported unverifiable rather than wrong.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt
from zhiku.claims.facts import AMOUNT_KINDS, Facts, Sentence, same_measure
from zhiku.claims.interval import Interval
from zhiku.claims.model import Finding, Verdict
from zhiku.claims.tolerance import interval_of, is_bound_only, nominal, verdict
from zhiku.quantities.model import Quantity

RELATION = "multiple"

_IS = re.compile(r"(?:是|为|相当于)[^，,。；;]*$")
_OF = re.compile(r"^\s*的\s*$")
_GROW = re.compile(r"^[，,\s]*(?:增长|增加|扩大|提高)了?\s*$")


def check(sentence: Sentence, facts: Facts) -> list[Finding]:
    mults = [q for q in sentence.quantities if q.kind == "multiple" and q.value is not None]
    if not mults:
        return []
    amounts = [q for q in sentence.quantities if q.kind in AMOUNT_KINDS]
    out: list[Finding] = []
    for k in mults:
        before = [q for q in amounts if q.end <= k.start]
        if len(before) < 2:
            continue
        a, b = before[-2], before[-1]
        if not same_measure(a, b) or any(is_bound_only(q, facts.text) for q in (a, b)):
            continue
        gap_ab, gap_bk = facts.text[a.end : b.start], facts.text[b.end : k.start]
        ratio = interval_of(a, facts.text) / interval_of(b, facts.text)
        point = nominal(a) / nominal(b) if nominal(b) else float("nan")
        sa, sb = fmt.shown([a, b])
        if k.unit == "倍" and _IS.search(gap_ab) and _OF.match(gap_bk):
            v: Verdict = verdict(ratio, interval_of(k, facts.text))
            ev = f"{sa}/{sb} = {fmt.num(point, 2)} {'≈' if v == 'consistent' else '≠'} {k.text}"
            out.append(
                facts.finding(
                    RELATION, v, sentence, [a, b, k], f"是…的{k.text}", f"{fmt.num(point, 2)}倍", ev
                )
            )
            continue
        # 由A增至B，翻了n番 / 增长了k倍: B/A
        if not facts.from_to(sentence, a, b):
            continue
        grow = interval_of(b, facts.text) / interval_of(a, facts.text)
        gpoint = nominal(b) / nominal(a) if nominal(a) else float("nan")
        if k.unit == "番":
            target = 2.0 ** float(k.value or 0)
            stated = _band(target, k, facts)
            v = verdict(grow, stated)
            rel = "≈" if v == "consistent" else "≠"
            ev = f"{sb}/{sa} = {fmt.num(gpoint, 2)} {rel} 2^{fmt.num(k.value or 0)} = {fmt.num(target)}"
            out.append(facts.finding(RELATION, v, sentence, [a, b, k], k.text, f"{fmt.num(gpoint, 2)}倍", ev))
        elif k.unit == "倍" and _GROW.match(gap_bk):
            kk = float(k.value or 0)
            strict = _band(kk + 1, k, facts)
            loose = _band(kk, k, facts)
            if verdict(grow, strict) == "consistent":
                v = "consistent"
                ev = f"{sb}/{sa} = {fmt.num(gpoint, 2)}，增长{fmt.num(kk)}倍即为原来的{fmt.num(kk + 1)}倍"
            elif verdict(grow, loose) == "consistent":
                v = "unverifiable"
                ev = (
                    f"{sb}/{sa} = {fmt.num(gpoint, 2)}："
                    f"按规范“增长{fmt.num(kk)}倍”应为原来的{fmt.num(kk + 1)}倍，"
                    f"此处似指“是原来的{fmt.num(kk)}倍” / ambiguous usage"
                )
            else:
                v = "inconsistent"
                ev = f"{sb}/{sa} = {fmt.num(gpoint, 2)}，既非{fmt.num(kk + 1)}倍也非{fmt.num(kk)}倍"
            out.append(facts.finding(RELATION, v, sentence, [a, b, k], k.text, f"{fmt.num(gpoint, 2)}倍", ev))
    return out


def _band(target: float, k: Quantity, facts: Facts) -> Interval:
    """翻番 and whole multiples are round figures: accept ±5% around them, or the written precision."""
    written = interval_of(k, facts.text)
    scale = target / float(k.value) if k.value else 1.0
    lo, hi = written.lo * scale, written.hi * scale
    return Interval(min(lo, target * 0.95), max(hi, target * 1.05))
