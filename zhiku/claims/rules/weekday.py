"""The weekday of a date: 2021年11月22日 星期一, 11月16日（周二）.

Only a weekday written right after its date is checked, and not when a time zone stands in
between (美国时间周一（北京时间11月16日）: Monday in Washington is Tuesday in Beijing).
A date without a year in its sentence takes the year named earlier in the paragraph or the
issue date; such a guessed year can confirm a weekday, and convicts one only when the weekday is
wrong in the year before and the year after as well, or when the paragraph's other days without a
year all fall on their weekdays in years where this one does not (else unverifiable).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from zhiku.claims import local
from zhiku.claims.facts import FactTable
from zhiku.claims.local import A_YEAR, Facts, Sentence, day_of
from zhiku.claims.model import Finding, Verdict
from zhiku.model import WEEKDAYS_ZH
from zhiku.quantities.model import Quantity

RELATION = "weekday"

_AFTER = re.compile(r"^\s*[（(]?\s*(?P<w>(?:星期|周|礼拜)(?P<d>[一二三四五六日天]))")
_DAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


_A_YEAR_WORD = re.compile(r"(?:今年|去年|明年|前年|上年|同年|次年|翌年|当年|本年)\s*$")
_THIS_YEAR = re.compile(r"今年|本年")
_A_YEAR_DIGITS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*年|\s*[—\-–~至到]\s*\d{4}\s*年)")
_YEAR_RANGE = re.compile(r"(\d{4})\s*[—\-–~至到]\s*(\d{4})\s*年")


def _weekday(year: int, month: int, day: int) -> int | None:
    date = _date(year, month, day)
    return date.weekday() if date is not None else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None  # 2月29日 of a year without one


def _yearless_weekdays(facts: Facts) -> Iterator[tuple[Quantity, int, int, re.Match[str]]]:
    """The days of the paragraph written without a year and with a weekday after them, in order:
    (the day, its month, its day, the weekday written)."""
    for p in facts.quantities:
        found = day_of(p)
        if found is None or found[0] is not None:
            continue
        w = _AFTER.match(facts.text[p.end : p.end + 8])
        if w is not None:
            yield p, found[1], found[2], w


def _years_the_paragraph_fits(facts: Facts, q: Quantity, years: range) -> list[int]:
    """The years in which every other day of the paragraph that has a weekday and no year falls
    on its weekday — a guessed year the paragraph's own weekdays confirm (none if it has no such
    day). A day across the year's end from ``q`` (12月…, 1月…: a snow season, the Spring Festival
    travel rush) may be in the next year and is left out."""
    found = day_of(q)
    assert found is not None
    month = found[1]
    others: list[tuple[int, int, int]] = []
    for p, mo, d, m in _yearless_weekdays(facts):
        if p is q or not facts.day_year(p, None)[1]:
            continue
        if (month >= 10 and mo <= 3) or (month <= 3 and mo >= 10):
            continue
        others.append((mo, d, _DAY[m.group("d")]))
    if not others:
        return []
    return [y for y in years if all(_weekday(y, mo, d) == w for mo, d, w in others)]


def _kept_apart(
    facts: Facts,
    sentence: Sentence,
    q: Quantity,
    written: tuple[int, int, int],
    span: tuple[int, int],
    stated_word: str,
) -> Finding | None:
    """8月31日（星期六）…，9月14日（星期五）: two days of a paragraph without a year keep their distance in
    the week whatever the year — the later one's weekday follows from the earlier's (in a leap year or
    not: either that fits)."""
    month, day, stated = written
    if _A_YEAR_WORD.search(facts.text, max(0, q.start - 4), q.start):
        return None  # (今年5月18日（星期日）…；去年5月18日（星期六）: a day of another year)
    anchors = []
    for p, mo, d, w in _yearless_weekdays(facts):
        if p.end > q.start:
            break
        if not _A_YEAR_WORD.search(facts.text, max(0, p.start - 4), p.start):
            anchors.append((p, mo, d, _DAY[w.group("d")], w))
    if not anchors:
        return None
    p, m0, d0, w0, w = anchors[-1]
    fits: list[int] = []
    for y in (2023, 2024):  # a common year and a leap year
        start = _date(y, m0, d0)
        # (10月8日…，10月6日: an earlier day of the same year, written after; 12月28日…，1月3日: the next)
        end = _date(y + 1 if (month, day) < (m0, d0) and m0 >= 11 and month <= 2 else y, month, day)
        if start is None or end is None:
            continue
        fits.append((w0 + (end - start).days) % 7)
    if not fits:
        return None
    days_apart = f"{m0}月{d0}日（{w.group('w')}）"
    if stated in fits:
        evidence = f"按同段{days_apart}推算 / from {days_apart} in the paragraph"
        verdict: Verdict = "consistent"
    else:
        evidence = (
            f"同段{days_apart}，{month}月{day}日应为{WEEKDAYS_ZH[fits[0]]} / given {days_apart}, "
            f"this day is a {dt.date(2023, 1, 2 + fits[0]).strftime('%A')}"
        )
        verdict = "inconsistent"
    return facts.finding(
        RELATION, verdict, sentence, [p, q], stated_word, WEEKDAYS_ZH[fits[0]], evidence, extra=[span]
    )


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
            kept = _kept_apart(facts, sentence, q, (month, day, _DAY[m.group("d")]), span, stated_word)
            out.append(
                kept
                or facts.unverifiable(
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
                # A guessed year convicts only when the weekday is wrong in the years next to it too:
                # whichever of them the text means, the day is not that weekday.
                # (…自2021年1月1日起…，今年已是第5年。6月6日（星期五）: the guesses the text allows —
                # the paragraph's year, the year its sentence reads as, the issue's — all count)
                hint = facts.event_years.get(q.start)
                guesses = {year} | ({hint[0]} if hint else set())
                if facts.reference_date is not None:
                    guesses.add(facts.reference_date.year)
                elif _THIS_YEAR.search(facts.text, 0, q.start):
                    # (…2023—2024冰雪季…。今年的亚冬会2月7日（星期五）/ 今年省里下达…。截至12月31日（星期二）:
                    # with no issue date, the 今年 a paragraph speaks in is the year the text is written in —
                    # the latest it reports on, or the one after)
                    named = [int(y.group(1)) for y in _A_YEAR_DIGITS.finditer(facts.text, 0, q.start)]
                    latest = max([*named, year])
                    guesses |= {latest, latest + 1}
                # (2024—2026年每年现金分红…。说明会于9月9日（星期一）: a range of years written before the
                # day holds each of its years as a guess)
                for r in _YEAR_RANGE.finditer(facts.text, max(0, q.start - 200), q.start):
                    lo, hi = int(r.group(1)), int(r.group(2))
                    if year in range(lo, hi + 1) and hi - lo <= 10:
                        guesses |= set(range(lo, hi + 1))
                around = [_weekday(y, month, day) for y in range(min(guesses) - 1, max(guesses) + 2)]
                # (2019年的数据显示…。11月16日（星期二）: a year that names data dates no day after it)
                years = list(A_YEAR.finditer(facts.text, 0, q.start))
                of_a_noun = bool(years) and facts.text.startswith("的", years[-1].end())
                # (…11月8日（星期五）…，11月9日（星期六）: the paragraph's other days may fix the guess —
                # when they all fall on their weekdays in some of those years and this day in none)
                fits = _years_the_paragraph_fits(facts, q, range(min(guesses) - 1, max(guesses) + 2))
                if (
                    of_a_noun
                    or (stated in around and not fits)
                    or any(_weekday(y, month, day) == stated for y in fits)
                ):
                    verdict = "unverifiable"
                    evidence += "；年份未写明，无法断定 / the year is not written"
                elif stated in around:
                    date = dt.date(min(fits, key=lambda y: abs(y - year)), month, day)
                    actual = date.weekday()
                    evidence = (
                        f"{date.isoformat()} 是{WEEKDAYS_ZH[actual]} / is a {date.strftime('%A')}"
                        f"（同段其他未写年份的日期按{date.year}年都与所写星期相符 / the paragraph's other "
                        f"days without a year all fall on their weekdays in {date.year}）"
                    )
                else:
                    lo, hi = min(guesses) - 1, max(guesses) + 1
                    evidence += (
                        f"；前后一年（{year - 1}年、{year + 1}年）也都不是{m.group('w')} / "
                        "nor in the year before or after"
                        if (lo, hi) == (year - 1, year + 1)
                        else f"；{lo}—{hi}年各年也都不是{m.group('w')} / nor in any year {lo}–{hi}"
                    )
        out.append(
            facts.finding(
                RELATION, verdict, sentence, [q], stated_word, WEEKDAYS_ZH[actual], evidence, extra=[span]
            )
        )
    return out
