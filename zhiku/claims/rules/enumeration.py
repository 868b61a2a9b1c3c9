"""Counts the text enumerates: A、B 2 个跨境经济合作区; 中国、美国、欧盟三个经济体.

The items listed with 、 right before the count must number as many as it says. A last
item holding 和/及/与 may hide one more item, so both readings are accepted. Lists of
numbers (七、八万亿), lists ending in 等 and counts with 各 are not checked.
"""

from __future__ import annotations

import re

from zhiku.claims.facts import Facts, Sentence
from zhiku.claims.model import Finding

RELATION = "enumeration"

_MEASURES = {"个", "家", "项", "国", "座", "条", "种", "所", "名", "位", "大", "份", "类", "方面"}
_CLAUSE = re.compile(r"[，,。；;：:（(“”\"]")
_PARTIAL = re.compile(r"包括|在内|以外|之外|除了|除|其余|其他|另外|以及|等等|例如|如")
_CONJ = re.compile(r"和|及|与|以及|同")
_NUMERAL_ONLY = re.compile(r"^[\s〇零一二三四五六七八九十百千万两0-9０-９.．%]+$")


def check(sentence: Sentence, facts: Facts) -> list[Finding]:
    if "、" not in sentence.text:
        return []
    out: list[Finding] = []
    for q in sentence.quantities:
        if q.kind != "count" or q.value is None or q.value != int(q.value) or not 2 <= q.value <= 30:
            continue
        if (q.measure or q.unit or "") not in _MEASURES:
            continue
        head = facts.text[max(sentence.start, q.start - 80) : q.start]
        clause = _CLAUSE.split(head)[-1]
        if "、" not in clause or clause.rstrip().endswith(("等", "各", "分别", "共", "这")):
            continue
        if _PARTIAL.search(clause):
            continue  # 包括A、B在内的5个国家: the list is not complete
        lo = q.start - len(clause)
        if any(lo <= o.start < q.start for o in sentence.quantities):
            continue  # the items carry numbers of their own (138个国家、31个国际组织)
        items = [s.strip() for s in clause.split("、")]
        if any(not s or _NUMERAL_ONLY.match(s) for s in items):
            continue
        n = int(q.value)
        count = len(items)
        conj = bool(_CONJ.search(items[-1]))
        ok = n == count or (conj and n == count + 1)
        listed = "、".join(items)
        reading = f"{count}项" + (f"（或{count + 1}项，若“和/及”连接两项）" if conj else "")
        evidence = f"列出 {reading}：{listed} {'=' if ok else '≠'} {q.text.strip()} / {count} items listed"
        first = lo + (len(clause) - len(clause.lstrip()))
        out.append(
            facts.finding(
                RELATION,
                "consistent" if ok else "inconsistent",
                sentence,
                [q],
                q.text,
                f"{count}",
                evidence,
                extra=[(first, q.start - (len(clause) - len(clause.rstrip())))],
            )
        )
    return out
