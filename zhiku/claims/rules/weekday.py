"""The weekday of a date: 2021年11月22日 星期一, 11月16日（周二）.

Only a weekday written right after its date is checked, and not when a time zone stands in
between (美国时间周一（北京时间11月16日）: Monday in Washington is Tuesday in Beijing).
A date without a year in its sentence takes the year named earlier in the paragraph or the
issue date; such a guessed year can confirm a weekday but never convict one (unverifiable).
"""

from __future__ import annotations

import datetime as dt
import re

from zhiku.claims import local
from zhiku.claims.facts import FactTable
from zhiku.claims.local import Facts, Sentence, day_of
from zhiku.claims.model import Finding, Verdict
from zhiku.model import WEEKDAYS_ZH

RELATION = "weekday"

_AFTER = re.compile(r"^\s*[（(]?\s*(?P<w>(?:星期|周|礼拜)(?P<d>[一二三四五六日天]))")
_DAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


def check(table: FactTable) -> None:
    local.run(table, check_sentence)


def check_sentence(sentence: Sentence, facts: Facts) -> list[Finding]:
    if "星期" not in sentence.text and "周" not in sentence.text and "礼拜" not in sentence.text:
        return []
    out: list[Finding] = []
    for q in sentence.quantities:
        found = day_of(q)
        if found is None:
            continue
        m = _AFTER.match(facts.text[q.end : q.end + 8])
        if m is None:
            continue
        written, month, day = found
        year, inferred = facts.day_year(q, written)
        span = (q.end + m.start("w"), q.end + m.end("w"))
        stated_word = facts.text[span[0] : span[1]]
        if year is None:
            out.append(
                facts.unverifiable(
                    RELATION,
                    sentence,
                    [q],
                    stated_word,
                    "未写年份 / the year is not given",
                    extra=[span],
                )
            )
            continue
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        actual = date.weekday()
        stated = _DAY[m.group("d")]
        verdict: Verdict = "consistent" if actual == stated else "inconsistent"
        evidence = f"{date.isoformat()} 是{WEEKDAYS_ZH[actual]} / is a {date.strftime('%A')}"
        if inferred:
            evidence += f"（年份按上下文取{year}年 / year {year} from the context）"
            if verdict == "inconsistent":
                verdict = "unverifiable"
                evidence += "；年份未写明，无法断定 / the year is not written"
        out.append(
            facts.finding(
                RELATION, verdict, sentence, [q], stated_word, WEEKDAYS_ZH[actual], evidence, extra=[span]
            )
        )
    return out
