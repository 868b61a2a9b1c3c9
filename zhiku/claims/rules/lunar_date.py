"""Lunar festivals given with a Gregorian date: 2月11日春节除夕, 中秋节（9月21日）.

The date is converted to the lunar calendar with lunar-python and compared with the
festival's lunar month and day (除夕 is the last day of the twelfth month, 29 or 30).
Phrases about the days around a festival (春节前, 春节期间, 春节假期) are not checked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lunar_python import Lunar, Solar

from zhiku.claims import local
from zhiku.claims.facts import FactTable
from zhiku.claims.local import Facts, Sentence, day_of
from zhiku.claims.model import Finding, Verdict
from zhiku.quantities.model import Quantity

RELATION = "lunar_date"

# Festival → (lunar month, day); 除夕 is handled apart (the day before 正月初一).
FESTIVALS: dict[str, tuple[int, int]] = {
    "春节": (1, 1),
    "元宵": (1, 15),
    "端午": (5, 5),
    "七夕": (7, 7),
    "中秋": (8, 15),
    "重阳": (9, 9),
    "腊八": (12, 8),
}
_NAME = re.compile(r"(?:春节)?除夕|春节|元宵|端午|七夕|中秋|重阳|腊八")
_NOT_THE_DAY = (
    "前",
    "后",
    "期间",
    "假期",
    "长假",
    "黄金周",
    "档",
    "以来",
    "之前",
    "之后",
    "前后",
    "前夕",
    "联欢",
)
_LINK = re.compile(r"^[\s（(，,]*(?:即|为|是|正值|农历)?[\s（(]*$")
_DIGITS = "〇一二三四五六七八九十"


def check(table: FactTable) -> None:
    local.run(table, check_sentence)


def check_sentence(sentence: Sentence, facts: Facts) -> list[Finding]:
    if not _NAME.search(sentence.text):
        return []
    out: list[Finding] = []
    dates = [q for q in sentence.quantities if day_of(q) is not None]
    for m in _NAME.finditer(sentence.text):
        n0, n1 = sentence.start + m.start(), sentence.start + m.end()
        tail = facts.text[n1 : n1 + 3]
        name = "除夕" if "除夕" in m.group(0) else m.group(0)
        if name != "除夕" and tail.startswith("节"):
            tail = tail[1:]
        if any(tail.startswith(w) for w in _NOT_THE_DAY):
            continue
        date = _adjacent_date(facts, dates, n0, n1)
        if date is None:
            continue
        f = _judge(sentence, facts, date, name, (n0, n1))
        if f is not None:
            out.append(f)
    return out


def _adjacent_date(facts: Facts, dates: list[Quantity], n0: int, n1: int) -> Quantity | None:
    for q in dates:
        if q.end <= n0 and _LINK.match(facts.text[q.end : n0]):
            return q
        if q.start >= n1 and facts.text[n1 : q.start].strip() in ("（", "(", "节（", "节("):
            return q
    return None


def _judge(sentence: Sentence, facts: Facts, q: Quantity, name: str, span: tuple[int, int]) -> Finding | None:
    found = day_of(q)
    if found is None:
        return None
    written, month, day = found
    year, inferred = facts.day_year(q, written)
    note = f"（年份按上下文取{year}年 / year from the context）" if inferred and year else ""
    stated = facts.text[span[0] : span[1]]
    if year is None:
        return facts.unverifiable(
            RELATION,
            sentence,
            [q],
            stated,
            "未写年份 / the year is not given",
            extra=[span],
        )
    lunar = _lunar(year, month, day)
    if lunar is None:
        return None
    lm, ld, eve, lunar_text = lunar
    ok = eve if name == "除夕" else (lm, ld) == FESTIVALS[name]
    actual = _festival_solar(year, name)
    evidence = f"{year}年{month}月{day}日 = {lunar_text}" + note
    evidence += f"；{year}年的{name}是{actual} / {name} {year} is {actual}" if actual else ""
    verdict: Verdict = "consistent" if ok else "inconsistent"
    if not ok and note:
        verdict = "unverifiable"  # the year was only inferred: a guess never convicts
        evidence += "；年份未写明，无法断定 / the year is not written"
    return facts.finding(
        RELATION,
        verdict,
        sentence,
        [q],
        stated,
        lunar_text,
        evidence,
        extra=[span],
    )


@lru_cache(maxsize=4096)
def _lunar(year: int, month: int, day: int) -> tuple[int, int, bool, str] | None:
    """(lunar month, day, is 除夕, 农历…) of a Gregorian date. Cached: lunar-python computes
    a whole year's solar terms (≈15 ms) for each new year it sees."""
    try:
        lunar = Solar.fromYmd(year, month, day).getLunar()
    except Exception:  # lunar-python raises plain Exception for dates outside its tables
        return None
    tomorrow = lunar.next(1)
    eve = lunar.getMonth() == 12 and tomorrow.getMonth() == 1 and tomorrow.getDay() == 1
    text = f"农历{lunar.getMonthInChinese()}月{lunar.getDayInChinese()}"
    return lunar.getMonth(), lunar.getDay(), eve, text


@lru_cache(maxsize=1024)
def _festival_solar(year: int, name: str) -> str | None:
    """The Gregorian date of ``name`` in Gregorian ``year`` (the one falling in that year)."""
    for lunar_year in (year - 1, year):
        try:
            if name == "除夕":
                solar = Lunar.fromYmd(lunar_year + 1, 1, 1).getSolar().next(-1)
            else:
                lm, ld = FESTIVALS[name]
                solar = Lunar.fromYmd(lunar_year, lm, ld).getSolar()
        except Exception:  # outside lunar-python's tables
            continue
        if solar.getYear() == year:
            return f"{solar.getMonth()}月{solar.getDay()}日"
    return None
