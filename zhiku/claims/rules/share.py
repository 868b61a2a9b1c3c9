"""Shares: A占B的x% / 占B的比重为x% / 其中出口A，占x%.

x must equal A/B × 100. The whole B is the number inside the 占…的 phrase, or the total
before 其中. A share whose whole is not given is unverifiable and names the whole.
"""

from __future__ import annotations

import re

from zhiku.claims import fmt
from zhiku.claims.facts import AMOUNT_KINDS, Facts, Sentence, same_measure
from zhiku.claims.model import Finding
from zhiku.claims.tolerance import interval_of, is_bound_only, nominal, verdict
from zhiku.quantities.model import Quantity

RELATION = "share"

_GROWTH_WORDS = re.compile(r"(?:同比|比上年|较上年)?(?:增长|下降|减少|增加|上升|提高)了?|，|,")
_SHARE = re.compile(r"占(?!据|领|有|用)")
_TAIL = re.compile(r"^[^，,。；;]{0,30}?(?:的)?(?:比重|比例|份额)?(?:为|达到|达|约为|约|接近|超过|已达)?\s*$")


def check(sentence: Sentence, facts: Facts) -> list[Finding]:
    if "占" not in sentence.text:
        return []
    out: list[Finding] = []
    for m in _SHARE.finditer(sentence.text):
        z = sentence.start + m.start()
        pct = next((q for q in sentence.quantities if q.start > z and q.unit == "%"), None)
        if pct is None or not _TAIL.match(facts.text[z + 1 : pct.start]):
            continue
        if any(w in facts.text[z - 1 : pct.start] for w in ("均", "都", "各", "分别")):
            continue  # 两项指标均占…: more than one part
        part = _part(sentence, facts, z)
        if part is None:
            continue
        whole = next(
            (q for q in sentence.quantities if z < q.start < pct.start and q.kind in AMOUNT_KINDS), None
        ) or _of_which_total(sentence, facts, part, z)
        stated_text = facts.text[z : pct.end]
        if whole is None:
            named = re.split(r"的?(?:比重|比例|份额)|的(?=[^的]*$)", facts.text[z + 1 : pct.start])[0]
            out.append(
                facts.unverifiable(
                    RELATION,
                    sentence,
                    [part, pct],
                    stated_text,
                    f"缺少分母「{named}」的数值 / the whole ({named}) is not given",
                )
            )
            continue
        if (
            not same_measure(part, whole)
            or is_bound_only(part, facts.text)
            or is_bound_only(whole, facts.text)
        ):
            continue
        ratio = interval_of(part, facts.text) / interval_of(whole, facts.text) * 100.0
        v = verdict(ratio, interval_of(pct, facts.text))
        point = nominal(part) / nominal(whole) * 100 if nominal(whole) else float("nan")
        sp, sw = fmt.shown([part, whole])
        evidence = f"{sp}/{sw} = {fmt.pct(point)} {'≈' if v == 'consistent' else '≠'} {pct.text}"
        out.append(
            facts.finding(RELATION, v, sentence, [part, whole, pct], stated_text, fmt.pct(point), evidence)
        )
    return out


def _part(sentence: Sentence, facts: Facts, z: int) -> Quantity | None:
    """The amount the share is of: the last one before 占, with at most a growth rate between."""
    before = [q for q in sentence.quantities if q.end <= z]
    amounts = [q for q in before if q.kind in AMOUNT_KINDS]
    if not amounts:
        return None
    part = amounts[-1]
    between = [q for q in before if q.start > part.start]
    if any(q.unit != "%" for q in between):
        return None
    # Between the part and 占 only punctuation and growth words may stand: a new subject
    # (…，机电产品占出口总额的59.4%) means the share is about something else.
    gap = facts.text[part.end : z]
    for q in between:
        gap = gap.replace(q.text, "")
    if _GROWTH_WORDS.sub("", gap).strip(" ，,、") != "":
        return None
    return part


def _of_which_total(sentence: Sentence, facts: Facts, part: Quantity, z: int) -> Quantity | None:
    at = sentence.find("其中")
    if at < 0 or at > part.start or not _direct(facts, z):
        return None
    return next(
        (
            q
            for q in reversed(sentence.quantities)
            if q.end <= at and q.kind in AMOUNT_KINDS and same_measure(q, part)
        ),
        None,
    )


def _direct(facts: Facts, z: int) -> bool:
    """占 followed directly by the percentage (占55.7%) or by 比 (占比55.7%)."""
    nxt = facts.text[z + 1 : z + 3]
    return bool(nxt) and (nxt[0].isdigit() or nxt.startswith("比") or nxt[0] in "约近")
