"""The ordinal of a yearly event: 自1979年设立植树节以来，这是第46个植树节 /
自1993年起，每年的3月22日为"世界水日"，
2024年3月22日是第三十二届世界水日.

Trigger: an ordinal (第N个, 第N届, 第N次) with a first year written beside it in its sentence or the
one before (自1979年设立…以来, 自1993年起, 首届…于1999年). An event held once a year is held for
the N-th time in the year Y0 + N − 1, so N must equal Y − Y0 + 1, where Y is the year of the day
the text dates the event to (or the year of the passage's first dated day).
"""

from __future__ import annotations

import re

from zhiku.claims.facts import Event, FactTable
from zhiku.claims.judge import finding

RELATION = "ordinal_year"

_FIRST_YEAR = re.compile(
    r"(?:自|从|于)?\s*(?P<y>\d{4})\s*年\s*(?:起|以来|开始|设立|确定|创立|创办|首届|首次|举办首届|成立)"
)
_EVERY = re.compile(
    r"(?P<n>[两三四五]|\d)年(?:一届|一次|举办一次|举行一次)|每(?:隔)?(?P<m>[两三四五]|\d)年|(?P<alt>隔年)"
)
_CN_N = {"两": 2, "三": 3, "四": 4, "五": 5}


def _every(text: str) -> int:
    """How many years apart the event is held, as the text says (两年一届, 每四年, 隔年), else 0."""
    m = _EVERY.search(text)
    if m is None:
        return 0
    if m.group("alt"):
        return 2
    n = m.group("n") or m.group("m")
    return int(n) if n.isdigit() else _CN_N[n]


_ORDINAL = re.compile(r"^第\s*(?:\d+|[一二三四五六七八九十百]+)\s*(?:个|届|次)")


def check(table: FactTable) -> None:
    for e in table.events:
        if e.q.kind != "ordinal" or e.q.value is None or not _ORDINAL.match(e.q.text):
            continue
        _judge(table, e)


def _judge(table: FactTable, e: Event) -> None:
    s = table.sentences[e.sentence]
    prev = (
        table.sentences[e.sentence - 1]
        if e.sentence > 0 and table.sentences[e.sentence - 1].passage == s.passage
        else None
    )
    scope = [x for x in (prev, s) if x is not None]
    first = None
    for x in scope:
        for m in _FIRST_YEAR.finditer(x.text, x.start, x.end):
            if x is s and m.start() > e.q.start:
                continue
            first = int(m.group("y"))
    if first is None:
        return
    year = _event_year(table, e)
    if year is None or year < first:
        return
    # (1985年创办，两年一届，…今年恰为第二十一届: held every two years, the 21st in 2025)
    every = next((_every(x.text[x.start : x.end]) for x in scope if _every(x.text[x.start : x.end])), 1)
    if (year - first) % every:
        return  # not a year the event is held in, by the text's own account: nothing to count
    expected = (year - first) // every + 1
    n = int(e.q.value or 0)
    ok = n == expected
    how = "每年一次" if every == 1 else f"每{every}年一次"
    step = f"{year} − {first} + 1" if every == 1 else f"({year} − {first}) ÷ {every} + 1"
    evidence = f"{step} = {expected}（{how}，{first}年为第1个）{'=' if ok else '≠'} {e.q.text}"
    anchor = next((f for f in table.in_sentence(e.sentence)), None)
    if anchor is None:
        from dataclasses import replace

        base = next((f for f in table.facts if f.place.passage == s.passage), None)
        if base is None:
            base = next(iter(table.facts), None)
        if base is None:
            return
        from zhiku.claims.facts import Place

        anchor = replace(base, id=-1, q=e.q, text=e.text, place=Place(e.line, s.passage, e.sentence, 0))
    else:
        from dataclasses import replace

        anchor = replace(anchor, id=-1, q=e.q)
    table.push(
        finding(
            table,
            RELATION,
            "consistent" if ok else "inconsistent",
            anchor,
            e.q.text,
            str(expected),
            evidence,
            [],
            (e.q.start, e.q.end),
        )
    )


def _event_year(table: FactTable, e: Event) -> int | None:
    """The year of the event: a day dated in its sentence, else the first dated day of its passage."""
    s = table.sentences[e.sentence]
    days = [
        x
        for x in table.events
        if x.sentence == e.sentence
        and x.q.kind == "date"
        and x.q.iso
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}", x.q.iso)
    ]
    if days:
        return int(days[-1].q.iso[:4]) if days[-1].q.iso else None
    passage_days = [
        x
        for x in table.events
        if table.sentences[x.sentence].passage == s.passage
        and x.q.kind == "date"
        and x.q.iso
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}", x.q.iso)
    ]
    if passage_days and passage_days[0].q.iso:
        return int(passage_days[0].q.iso[:4])
    return None
