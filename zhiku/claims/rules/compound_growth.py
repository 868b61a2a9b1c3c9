"""Average yearly growth: 由A增至B，年均增长r% / 2020—2024年累计增长110.0%，年均增长20.4% /
比1949年增长202.6倍，年均增长7.4% / 是2004年的7.3倍，年均增长百分之十一.

Trigger: a growth rate with 年均 (年均增长, 年平均增长率, 年均增速). The growth over the span is, in
order of certainty: the ends of 由A增至B (their years written beside them); a cumulative growth
(累计增长g%) over a written span of years; a multiple of a written base year (增长N倍 is a factor
of N + 1, 是…的N倍 of N); the value now and the same value in the first year of a written span.
r must equal (B ÷ A)^(1/n) − 1 with n the number of years between the ends. A span whose ends
are not written is unverifiable: the number of years is what is missing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from zhiku.claims import fmt, labels
from zhiku.claims.facts import (
    AMOUNT_KINDS,
    OPENED_COMPARISON,
    Fact,
    FactTable,
    base_period_from_text,
    clause_start,
    in_aside,
    same_measure,
)
from zhiku.claims.interval import Interval
from zhiku.claims.judge import Pairing, bound_only, conclude, finding, reading, reading_sum, value
from zhiku.claims.periods import Period
from zhiku.claims.search import candidates, compared_value, current_of, dated_in_sentence, name_likeness

RELATION = "compound_growth"

_KINDS = AMOUNT_KINDS | {"duration"}


def check(table: FactTable) -> None:
    for claim in table.facts:
        if claim.is_cell or not claim.q.is_rate:
            continue
        if claim.role == "growth" and claim.verb.startswith("年均"):
            _judge(table, claim)


def _phrase(claim: Fact) -> tuple[int, int]:
    at = claim.text.rfind("年", max(0, claim.q.start - 10), claim.q.start)
    m = re.search(r"(?:年均|年平均|平均每年)", claim.text[max(0, claim.q.start - 10) : claim.q.start])
    start = max(0, claim.q.start - 10) + m.start() if m else (at if at >= 0 else claim.q.start)
    return start, claim.q.end


def _judge(table: FactTable, claim: Fact) -> None:
    phrase = _phrase(claim)
    stated_text = claim.text[phrase[0] : phrase[1]]
    sign = -1.0 if claim.down else 1.0
    stated = reading(claim) * sign
    paired = _in_step(table, claim)
    if paired is not None:
        table.push(conclude(table, RELATION, claim, stated, stated_text, [paired], missing="", phrase=phrase))
        return
    two = _two_yearly(table, claim)
    if two is not None:
        # 利润增长1.37倍，上年同期下降36.7%，两年平均增长22.6%: the root of the two years' factors
        table.push(conclude(table, RELATION, claim, stated, stated_text, [two], missing="", phrase=phrase))
        return
    since = _since_year(table, claim)
    if since is not None:
        # 比2019年同期增长10.3%，两年平均增长5.0%: the average of the growth just stated, real or
        # nominal alike
        table.push(conclude(table, RELATION, claim, stated, stated_text, [since], missing="", phrase=phrase))
        return
    if labels.real_terms(claim.context) or labels.real_indicator(claim.subject):
        table.push(
            finding(
                table,
                RELATION,
                "unverifiable",
                claim,
                stated_text,
                "—",
                "实际增速（按可比价格），不能由名义数值验算 / real growth: nominal values cannot verify it",
                [(claim, "所述")],
                phrase,
                missing="名义与实际 / real vs nominal",
            )
        )
        return
    pairings = _pairings(table, claim)
    span = _span_years(table, claim)
    if span is None:
        missing = "缺少起止年份，无法算出年数 / the first and last years are not given"
    else:
        what = claim.subject or "所述指标"
        missing = f"缺少{span[0]}年「{what}」的数值（起点）/ the starting value ({span[0]}) is not given"
    f = conclude(table, RELATION, claim, stated, stated_text, pairings, missing=missing, phrase=phrase)
    if f.verdict == "inconsistent":
        f = _explain(f, claim, pairings)
    table.push(f)


def _explain(f, claim: Fact, pairings: list[Pairing]):  # type: ignore[no-untyped-def]
    """Name the usual slips: a cumulative growth divided by the years; one year too many or few."""
    from dataclasses import replace

    best = max(pairings, key=lambda p: p.score)
    if len(best.data) != 2:
        return f
    factor, years = best.data
    n = int(years)
    step = 10.0**-claim.q.decimals
    notes = []
    simple = (factor - 1) * 100 / n
    if abs(simple - value(claim)) <= step:
        notes.append(
            f"累计增长{fmt.pct((factor - 1) * 100)}除以{n}年为{fmt.pct(simple)}，年均增长应按复利计算 / "
            "the cumulative growth divided by the years"
        )
    for alt in (n - 1, n + 1):
        if alt > 0 and abs((factor ** (1 / alt) - 1) * 100 - value(claim)) <= step:
            notes.append(
                f"若按{alt}年计算为{fmt.pct((factor ** (1 / alt) - 1) * 100)}，可能算错了年数 / {alt} years?"
            )
    return replace(f, evidence=f"{f.evidence}；{'；'.join(notes)}") if notes else f


_ANOTHER_YEAR = re.compile(r"(?:比|较|与)\d{4}\s*年")


def _growth_factor(g: Fact) -> tuple[Interval, float]:
    """下降6.4% → × 0.936: a growth rate as the factor it multiplies by (its interval, and as written)."""
    sign = -1.0 if g.down else 1.0
    return 1 + reading(g) * sign / 100.0, 1 + sign * value(g) / 100


_YEAR_BEFORE_RATE = re.compile(
    r"(?:上年|去年)同(?:期|月)\s*(?:为|是)?\s*(?:下降|增长|减少|增加|回落|上涨)?\s*$"
)


def _two_yearly(table: FactTable, claim: Fact) -> Pairing | None:
    """…增长1.37倍，上年同期下降36.7%，两年平均增长22.6%: a two-year average of this year's change and
    the year before's, both written just before it (the statistics bureaus' 两年平均)."""
    if claim.over_years != 2:
        return None
    before = [g for g in table.around(claim) if g.q.end <= claim.q.start and g.id != claim.id]
    prev = next(
        (
            g
            for g in reversed(before)
            if g.role == "growth"
            and g.q.is_rate
            and _YEAR_BEFORE_RATE.search(g.text, clause_start(g.text, g.q.start), g.q.start)
        ),
        None,
    )
    if prev is None:
        return None
    now = next(
        (
            g
            for g in reversed(before)
            if g.q.end <= prev.q.start
            and (
                (g.role == "growth" and g.q.is_rate)
                or (
                    g.q.kind == "multiple"
                    and g.q.unit == "倍"
                    and "增长" in g.text[max(0, g.q.start - 3) : g.q.start]
                )
            )
        ),
        None,
    )
    if now is None or bound_only(now) or bound_only(prev):
        return None
    f_now, v_now = (reading(now) + 1.0, value(now) + 1.0) if now.q.kind == "multiple" else _growth_factor(now)
    f_prev, v_prev = _growth_factor(prev)
    year = claim.period.year or 2
    p = _from_factor(claim, now, f_now * f_prev, v_now * v_prev, (year - 2, year), "两年累计", 0.95)
    return replace(
        p,
        inputs=((now, "本期增速"), (prev, "上年同期增速")),
        note=f"本期{now.q.text}、上年同期{prev.q.text}，两年 / this year's and last year's changes",
    )


def _in_step(table: FactTable, claim: Fact) -> Pairing | None:
    """低收入户、高收入户分别由15831元、73392元（2016年）增至20897元、117539元，年均分别增长5.7%和9.9%:
    a list of starts, a list of ends and a list of rates, as long as each other, read in step."""
    members = table.list_of(claim)
    n = len(members)
    if n < 2 or claim.id not in [m.id for m in members]:
        return None
    k = [m.id for m in members].index(claim.id)
    first = members[0]
    sentence = table.sentences[claim.place.sentence]
    head = claim.text[sentence.start : first.q.start]
    m = re.search(
        r"由(?P<a>[^由]*?)(?:增至|增加到|提高到|提高至|上升到|上升至|降至|下降到|减少到|减至)(?P<b>[^，,。；;]*)",
        head,
    )
    if m is None:
        return None
    lo_a, hi_a = sentence.start + m.start("a"), sentence.start + m.end("a")
    lo_b, hi_b = sentence.start + m.start("b"), sentence.start + m.end("b")
    around = table.around(claim)
    starts = [g for g in around if lo_a <= g.q.start < hi_a and g.q.kind in _KINDS and g.q.kind != "duration"]
    ends = [g for g in around if lo_b <= g.q.start < hi_b and g.q.kind in _KINDS and g.q.kind != "duration"]
    span = _span_years(table, claim)
    if len(starts) != n or len(ends) != n or span is None or not same_measure(starts[k].q, ends[k].q):
        return None
    p = _from_values(claim, starts[k], ends[k], span[0], span[1], 1.0)
    return replace(p, note=f"{p.note}；起点、终点与增速三组数值按次序对应 / the three lists read in step")


def _since_year(table: FactTable, claim: Fact) -> Pairing | None:
    """A growth against a named year just before the average in its sentence (比2019年同期增长72.1%，
    两年平均增长31.2%): the average over the years between is the compound root of that growth."""
    for g in reversed([g for g in table.around(claim) if g.q.end <= claim.q.start]):
        if g.place.sentence != claim.place.sentence:
            break
        if g.role != "growth" or not g.q.is_rate or g.verb.startswith("年均"):
            continue
        if OPENED_COMPARISON.search(claim.text, g.q.end, claim.q.start) or _ANOTHER_YEAR.search(
            claim.text, g.q.end, claim.q.start
        ):
            # …增长19.86%；与2022年末的27.1万亿元相比，两年年均增长15.1% / 比2023年下降4.9%，比2019年萎缩约
            # 四分之一，年均下降5.6%: the average is against another base, named after this growth
            return None
        if labels.real_terms(g.context) != labels.real_terms(claim.context):
            continue  # 比2019年（名义）增长14.3%，…两年平均实际增长5.1%: the real average is of real growth
        base = base_period_from_text(g.compare, g.period) if g.compare else None
        if base is None or base.year is None:
            return None
        written = claim.period.first if claim.period.first is not None else None
        if written is not None and written != base.year:
            return None  # 较2023年…增长11.8%，2019—2024年年均增长5.3%: the average's own range
        end = g.period.year
        n = claim.over_years or (end - base.year if end is not None else None)
        if not n or n <= 0 or (end is not None and claim.over_years and end - base.year != n):
            return None
        factor, point = _growth_factor(g)
        return _from_factor(
            claim,
            g,
            factor,
            point,
            (base.year, base.year + n),
            f"比{base.year}年增长",
            0.95,
        )
    return None


def _span_years(table: FactTable, claim: Fact) -> tuple[int, int] | None:
    """The years of the span: a year range in the sentence (2013—2019年), else a base year named in a
    comparison (比1949年, 是2004年的) and the claim's year."""
    sentence = table.sentences[claim.place.sentence]
    # (2015—2020年…年均增长19.2%，2020—2024年年均增长14.7%: each over its own range, the nearest)
    if claim.period.first is not None and claim.period.last is not None:
        head = claim.text[sentence.start : claim.q.start]
        if (
            re.search(r"十[一二三四五六七八九]?五", head)
            and claim.period.last - claim.period.first == 4
            and f"{claim.period.first - 1}年" in head
        ):
            # 比2015年的13632元增加6151元，累计增长45.1%，“十三五”时期年均增长7.7%: a plan's average from
            # the base year the sentence writes, the year before the plan (2015—2020, five years)
            return claim.period.first - 1, claim.period.last
        return claim.period.first, claim.period.last
    for f in reversed(table.around(claim)):
        if f.period.first is not None and f.period.last is not None and f.q.start < claim.q.end:
            return f.period.first, f.period.last
    end = claim.period.year
    if claim.over_years and end is not None:
        # 2023年…招收研究生130.17万人。2013年研究生招生为61.14万人，十年间增长了一倍多，年均增长约7.8%:
        # a sentence that dates a look-back value and counts the years since runs forward from it
        # to the same thing written N years later
        start = [
            f
            for f in table.around(claim)
            if f.q.end <= claim.q.start and f.role == "level" and f.period.explicit and f.period.year == end
        ]
        later = Period(year=end + claim.over_years)
        if start and candidates(
            table,
            claim,
            start[0].subject,
            like=start[0],
            period=later,
            exclude={start[0].id},
            min_likeness=0.6,
        ):
            return end, end + claim.over_years
        return end - claim.over_years, end  # 两年平均增长: the two years up to the claim's year
    # 2019年比上年增长18.6%，两年年均增长17.2%: the years counted right before 年均 are the span's,
    # whatever year an earlier clause compared with
    head = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    counted = re.search(r"(?P<n>\d{1,2}|[两二三四五六七八九十])\s*年(?:间|来|里)?(?:的)?(?:年均|平均)", head)
    if counted and end is not None and (n := _years_n(counted.group("n"))):
        return end - n, end
    # 连续两年计算，免签入境规模约为2023年的3.2倍，年均增长约78%: a count of years and the base year
    # written in the sentence make the span, whatever year the claim was dated in
    whole = claim.text[sentence.start : claim.q.start]
    years_n = re.search(r"(?P<n>\d{1,2}|[两二三四五六七八九十])\s*年(?:计算|间|来|里|内)", whole)
    base = re.search(r"(?:是|为|约为|相当于)\s*(?P<y>\d{4})\s*年的", whole)
    if years_n and base and (n := _years_n(years_n.group("n"))):
        return int(base.group("y")), int(base.group("y")) + n
    for ref in sentence.refs_before(claim.q.start):
        if ref.year is not None and end is not None and ref.year < end:
            return ref.year, end
    # 2019年快递业务量635.2亿件，2023年达到1320.7亿件，年均增长20.1%: the sentence dates the same
    # thing's value in an earlier year; the average runs from the earliest such year
    years = [
        f.period.year
        for f in table.around(claim)
        if f.q.end <= claim.q.start
        and f.role == "level"
        and f.q.kind in _KINDS
        and f.period.explicit
        and f.period.year is not None
        and end is not None
        and f.period.year < end
        and f.period.months is None
        and name_likeness(claim.label(), f) >= 0.5
    ]
    if years and end is not None:
        return min(years), end
    return None


def _pairings(table: FactTable, claim: Fact) -> list[Pairing]:
    sentence = table.around(claim)
    before = [g for g in sentence if g.q.end <= claim.q.start]
    out: list[Pairing] = []
    # 1. 由A增至B just before
    span = _span_years(table, claim)
    head = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    written_span = span if span is not None and re.search(r"\d{4}\s*[—\-–~至到]", head) else None
    for g in reversed(before):
        if claim.own and "其中" in claim.text[g.q.end : claim.q.start]:
            break  # …由A增至B，其中服务贸易年均增长7.8%: another subject
        if g.base_fact is not None and g.role in ("level", "rate") and g.q.kind in _KINDS:
            a = table.fact(g.base_fact)
            if written_span is not None and (a.period.year, g.period.year) != written_span:
                break  # …由2001年的…增至2009年的…；2009—2018年年均增长约6.9%: another span's pair
            if a.period.year is not None and g.period.year is not None and g.period.year > a.period.year:
                out.append(_from_values(claim, a, g, a.period.year, g.period.year, 1.0))
                return out
            if span is not None:
                # 2013-2019年，…由715.7亿美元增至1548.9亿美元: the span's years are the pair's
                out.append(_from_values(claim, a, g, span[0], span[1], 1.0))
                return out
            break
    # 2. 与2022年末的27.1万亿元相比，两年年均增长15.1%: the start written in the claim's own comparison,
    # against the value now (before any other change the sentence states over a shorter span)
    if span is not None:
        now = [
            s
            for s in current_of(table, claim, AMOUNT_KINDS)
            if s.fact.period.year == span[1] and s.score >= 0.95 and not in_aside(table, s.fact)
        ]
        start = compared_value(table, claim, now[0].fact) if now else None
        if start is not None and start.period.year == span[0]:
            return [_from_values(claim, start, now[0].fact, span[0], span[1], min(now[0].score, 0.95))]
    # 3. a cumulative growth over the span (累计增长110.0%) or a multiple (增长202.6倍, 是…的7.3倍)
    loose: list[Pairing] = []
    for g in reversed(before):
        if g.id == claim.id or (written_span is not None and g.place.clause != claim.place.clause):
            continue  # (…扩大到原来的2.4倍；2009—2018年年均增长约6.9%: another span's factor)
        if (
            g.role == "growth"
            and g.q.is_rate
            and "年均" not in g.verb
            and ("累计" in g.context or g.period.first is not None)
        ):
            years = (
                (g.period.first, g.period.last)
                if g.period.first is not None and g.period.last is not None
                else span
            )
            counted = _years_written(g)
            end = years[1] if years else g.period.year
            if counted is not None and end is not None:
                years = (end - counted, end)  # 两年叠加累计下降约5.1%: two yearly changes, whatever 比 named
            if years and years[1] > years[0]:
                factor, point = _growth_factor(g)
                (loose if g.q.qualifier in _LOOSE else out).append(
                    _from_factor(claim, g, factor, point, years, "累计增长", 0.95)
                )
                if g.period.first is not None and counted is None:
                    # 2021—2024年累计降低11.6%，折合年均下降3.0%: a change summed over the years of a
                    # written range may count each of them (four yearly changes), not only the gaps
                    # between them: a rival reading, so that neither convicts alone
                    wide = (years[0] - 1, years[1])
                    out.append(_from_factor(claim, g, factor, point, wide, "累计增长", 0.9))
        if (
            g.q.kind == "multiple"
            and g.q.unit == "倍"
            and span is not None
            # (注册护士数是执业医师的1.15倍；…床位年均增长3.8%: a ratio of two things, not growth)
            and not _between_things(g)
        ):
            grow = (
                bool(re.search(r"增长|增加|提高|扩大", g.qualifier_words + g.verb))
                or "增长" in g.text[max(0, g.q.start - 3) : g.q.start]
            )
            add = 1.0 if grow else 0.0
            # 2021年销量342784台，…是2024年的1.7倍；2021—2024年年均下降16.3%: the span's first year is
            # the multiple of its last, so over the span the value fell to 1/1.7
            of_end = re.search(r"是\s*(\d{4})\s*年的\s*$", g.text[max(0, g.q.start - 12) : g.q.start])
            if not grow and of_end and int(of_end.group(1)) == span[1] and g.period.year == span[0]:
                inverse = Interval.point(1.0) / reading(g)
                (out).append(_from_factor(claim, g, inverse, 1.0 / value(g), span, "倍数之倒数", 0.9))
                continue
            bound = g.q.qualifier in _LOOSE or g.text[g.q.end : g.q.end + 2].startswith(
                ("多", "以上", "有余")
            )
            (loose if bound else out).append(
                _from_factor(
                    claim, g, reading(g) + add, value(g) + add, span, "增长" if grow else "倍数", 0.9
                )
            )
    # 4. the value now and the same value in the first year of the span
    if span is not None:
        # (十年间增长了一倍多: the span's own years are no value)
        cur = [
            s
            for s in current_of(table, claim, _KINDS)
            if not (s.fact.q.kind == "duration" and s.fact.q.unit == "year")
        ] or current_of(table, claim, AMOUNT_KINDS)
        # (…34993.1亿元…。测算比重时，…按…110583亿元合计计算。与2015年的21070.5亿元相比，七年间年均增长
        # 7.5%: a method note's input is no value now)
        cur = [s for s in cur if not in_aside(table, s.fact)]
        # (…年均增长11.8%，…五年合计开行81066列: the years' total is no value of the last year)
        cur = [s for s in cur if not (s.fact.role == "level" and _summed_over_years(s.fact))]
        if cur and cur[0].fact.period.year == span[0] and cur[0].fact.period.explicit:
            # 2015—2020年（2020年为2612.6亿块）…，2020—2024年年均增长14.7%: the value just before is the
            # span's start; its end is the same thing in the span's last year
            a = cur[0].fact
            for s in candidates(
                table, claim, a.subject, like=a, period=Period(year=span[1]), exclude={a.id}, min_likeness=0.5
            ):
                out.append(_from_values(claim, a, s.fact, span[0], span[1], min(cur[0].score, s.score)))
            return out or loose
        if cur and (summed := _summed_start(table, cur[0].fact, span[0])) is not None:
            # 2020年风电、光伏发电量分别为4665亿和2611亿千瓦时；2022年两者合计1.19万亿千瓦时，…年均增长
            # 27.9%: the end is the two together, so the start is their sum
            return [_summed_pair(claim, summed, cur[0].fact, span, min(cur[0].score, 0.95))]
        if cur:
            b = cur[0].fact
            # 从2012年的10298.4亿元算起，…年均增长11.3%: the start written in the claim's own sentence
            start = dated_in_sentence(table, claim, b, span[0])
            if start is not None and (
                b.period.year == span[1] or b.period.year is None or not b.period.explicit
            ):
                out.append(_from_values(claim, start, b, span[0], span[1], min(cur[0].score, 0.9)))
            if b.period.year == span[1] or b.period.year is None or not b.period.explicit:
                for s in candidates(
                    table,
                    claim,
                    b.subject,
                    like=b,
                    period=Period(year=span[0]),
                    exclude={b.id},
                    min_likeness=0.5,
                ):
                    out.append(_from_values(claim, s.fact, b, span[0], span[1], min(cur[0].score, s.score)))
    return out or loose


# a factor written as a bound or an approximation (一倍多, 超过两倍, 近三倍)
_LOOSE = frozenset({"more", "over", "under", "near"})


_OF_WHAT = re.compile(
    r"(?:是|为|相当于|约为|比|较)(?P<of>[^，,。；;]{1,20}?)(?:的|增长|增加|多|高)[^，,。；;]{0,3}$"
)
_A_TIME = re.compile(r"\d{4}\s*年|上年|去年|当时|那时|同期|初|末|底|前|以来")


def _between_things(g: Fact) -> bool:
    """是执业医师的1.15倍: a multiple of another thing, not of the same thing at an earlier time."""
    m = _OF_WHAT.search(g.text[max(0, g.q.start - 24) : g.q.start])
    return m is not None and not _A_TIME.search(m.group("of"))


_COUNTED_YEARS = re.compile(
    # (比2021年累计增长11.1%: the 21 of a year is no count of years)
    r"(?<![\d〇零一二三四五六七八九十])(?P<n>[两二三四五六七八九十\d]{1,2})\s*年(?:来|间|内|中)?(?:叠加|合计|加总|共|累计)"
)
_CN_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _summed_over_years(g: Fact) -> bool:
    """五年合计开行81066列 / 三年累计投入: a level written as a sum over a count of years."""
    clause = g.text[clause_start(g.text, g.q.start) : g.q.start]
    return _COUNTED_YEARS.search(clause) is not None


def _years_n(n: str) -> int | None:
    return int(n) if n.isdigit() else _CN_COUNT.get(n)


def _years_written(g: Fact) -> int | None:
    """How many years a cumulative change says it is over (两年叠加累计, 五年累计), if it says."""
    m = _COUNTED_YEARS.search(g.text[max(0, g.q.start - 14) : g.q.start])
    if m is None:
        return None
    n = m.group("n")
    return int(n) if n.isdigit() else _CN_COUNT.get(n)


_TOGETHER = re.compile(r"(?:两者|二者|三者|几项|各项)?(?:合计|共计|总计|加起来)(?:为|达|达到)?\s*$")


def _summed_start(table: FactTable, b: Fact, y0: int) -> list[Fact] | None:
    """The start year's 分别 list, when the end is written as the list's 合计 (两者合计)."""
    if not _TOGETHER.search(b.text, max(0, b.q.start - 8), b.q.start):
        return None
    lists = [
        table.list_of(g)
        for g in table.near(b, 4)
        if g.group is not None and g.id < b.id and g.period.year == y0 and same_measure(g.q, b.q)
    ]
    group = lists[-1] if lists else []
    if not group:
        # (分别为4665亿和2611亿千瓦时；…两者合计: the list the count names, of the start year)
        named = re.search(r"([两二三])者", b.text[max(0, b.q.start - 8) : b.q.start])
        count = {"两": 2, "二": 2, "三": 3}[named.group(1)] if named else None
        group = [
            g
            for g in table.around(b)
            if g.id < b.id and g.role == "level" and g.period.year == y0 and same_measure(g.q, b.q)
        ]
        if count is None or len(group) != count:
            return None
    if len(group) < 2 or any(bound_only(g) or not same_measure(g.q, b.q) for g in group):
        return None
    return group


def _summed_pair(claim: Fact, parts: list[Fact], b: Fact, span: tuple[int, int], score: float) -> Pairing:
    y0, y1 = span
    n = y1 - y0
    start = reading_sum(parts)
    va, vb = sum(value(g) for g in parts), value(b)
    computed = ((reading(b) / start).pow(1 / n) - 1.0) * 100.0
    point = ((vb / va) ** (1 / n) - 1) * 100 if va > 0 and vb > 0 else float("nan")
    shown = fmt.shown([b.q, *[g.q for g in parts]])
    return Pairing(
        (*[(g, "起点") for g in parts], (b, "终点")),
        score,
        computed,
        point,
        f"({shown[0]}/({'+'.join(shown[1:])}))^(1/{n}) − 1 = {fmt.pct(point)}",
        f"{y0}—{y1}年，{n}年；起点为各部分之和 / the start is the parts' sum",
        fmt.pct(point),
        (vb / va if va else float("nan"), float(n)),
    )


def _from_values(claim: Fact, a: Fact, b: Fact, y0: int, y1: int, score: float) -> Pairing:
    n = y1 - y0
    if bound_only(a) or bound_only(b) or n <= 0:
        return Pairing(
            ((a, "起点"), (b, "终点")), 0.0, Interval(float("nan"), float("nan")), float("nan"), ""
        )
    ratio = reading(b) / reading(a)
    computed = (ratio.pow(1 / n) - 1.0) * 100.0
    va, vb = value(a), value(b)
    point = ((vb / va) ** (1 / n) - 1) * 100 if va > 0 and vb > 0 else float("nan")
    sa, sb = fmt.shown([a.q, b.q])
    where = "" if a.place.sentence == claim.place.sentence else f"{a.q.text}见{a.place.describe()}"
    note = f"{y0}—{y1}年，{n}年" + (f"；{where}" if where else "")
    return Pairing(
        ((a, "起点"), (b, "终点")),
        score,
        computed,
        point,
        f"({sb}/{sa})^(1/{n}) − 1 = {fmt.pct(point)}",
        note,
        fmt.pct(point),
        (vb / va if va else float("nan"), float(n)),
    )


def _from_factor(
    claim: Fact,
    g: Fact,
    factor: Interval | float,
    nominal_factor: float,
    years: tuple[int, int],
    how: str,
    score: float,
) -> Pairing:
    y0, y1 = years
    n = y1 - y0
    f_i = factor if isinstance(factor, Interval) else Interval.point(factor)
    if n <= 0 or f_i.lo <= 0:
        return Pairing(((g, how),), 0.0, Interval(float("nan"), float("nan")), float("nan"), "")
    computed = (f_i.pow(1 / n) - 1.0) * 100.0
    point = (nominal_factor ** (1 / n) - 1) * 100 if nominal_factor > 0 else float("nan")
    return Pairing(
        ((g, how),),
        score,
        computed,
        point,
        f"({fmt.num(nominal_factor)})^(1/{n}) − 1 = {fmt.pct(point)}",
        f"{y0}—{y1}年，{n}年；{how}{g.q.text}",
        fmt.pct(point),
        (nominal_factor, float(n)),
    )
