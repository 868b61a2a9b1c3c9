"""Growth over a period: X，比上年增长g% / 同比下降g% / 比2022年的V增长g% / 由A增至B，增长g%.

Trigger: a percentage read as a growth rate (增长, 下降, 提高 … + %), not a yearly average (年均).
The value now is the one the clause continues (``search.current_of``). The base, in order of
certainty: the value inside the comparison (比2022年的260552亿元), the start of 由A增至B, a value
of the same name in the base period anywhere in the article (its own paragraph first; parts
named as complements — 去程 and 回程 — add up), the value now minus a change stated beside it
(增加108.11万人，增长2.32%), or a stored annual series. g must equal now ÷ base − 1.

Not judged: real (constant-price) growth (实际增长, 可比价, GDP and value added), growth on a
comparable basis when the base is the published figure (按可比口径; 公布的), and 环比 without the
previous month's value — these are unverifiable and say why.
"""

from __future__ import annotations

import re
from dataclasses import replace

from zhiku.claims import fmt, labels
from zhiku.claims.facts import (
    AMOUNT_KINDS,
    RATE_KINDS,
    Fact,
    FactTable,
    clause_start,
    open_bracket,
    per_after,
    per_unit,
    same_measure,
)
from zhiku.claims.interval import Interval
from zhiku.claims.judge import (
    POINTS_AS_PERCENT,
    Pairing,
    bound_only,
    conclude,
    finding,
    push_number,
    reading,
    reading_sum,
    value,
)
from zhiku.claims.search import (
    EDITION,
    Scored,
    base_periods,
    candidates,
    compared_value,
    current_of,
    dated_in_sentence,
    from_to_base,
    later_passage,
    name_likeness,
    of_edition,
    only_one_of_its_unit,
    other_bases,
    specific_unit,
)
from zhiku.claims.storeview import previous_in_store
from zhiku.claims.tolerance import interval_sum
from zhiku.quantities.units import CURRENCIES, CURRENCY_NAMES

RELATION = "yoy_growth"

# (按相同时间窗口比较，累计揽收量同比增长21.9%: against last year's same window, which the text does not give)
_COMPARABLE = re.compile(
    r"可比口径|按可比|同口径|按相同[^，,。；;]{0,8}(?:口径|窗口|范围|期间)|同一(?:口径|时间窗口)"
)
# 按海关口径 / 按全口径: the basis a figure is counted on (a comparable basis is another matter)
# (若按金融监管部门的统计口径，同比增长17.3%: the basis may be named at length)
_BASIS = re.compile(r"按(?!可比)[^，,。；;]{1,14}口径")
# 以人民币计 / 按美元计算: the currency a growth is counted in
_IN_CURRENCY = re.compile(rf"(?:以|按)({'|'.join(CURRENCY_NAMES)})(?:计价|计算|计)")
_GENERAL_NOTE = re.compile(r"均按|均为|以上|下同|全文|本文|^\s*注|各项")
_PUBLISHED = re.compile(r"公布的|初步统计|快报")
_ADJUSTED = re.compile(r"季节调整|季调")


_QUOTED_TARGET = re.compile(r"[^”\"，,。；;]{0,4}[”\"]\s*(?:的|之)?[^，,。；;]{0,4}?(?:目标|要求|任务|预期)")


# “十四五”时期…累计下降20%, 2020年以来累计增长: a change over several years, not against the year before
_OVER_A_PLAN = re.compile(
    r"(?:[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期|期间|以来)|\d{4}年以来|[两三四五六七八九十]年(?:来|间|以来))"
    r"[^。；;]*累计(?:增长|下降|提高|减少|上升|降低)\s*$"
)


def check(table: FactTable) -> None:
    # A note that growth is on a comparable basis covers its own paragraph, or the whole text when it
    # says so generally (以上增速均按可比口径计算, 注：…); not another paragraph's other indicator
    # (…；非银行支付机构网络支付笔数按可比口径计算…)
    comparable = [s for s in table.sentences if _COMPARABLE.search(s.words) and s.passage is not None]
    general = any(_GENERAL_NOTE.search(s.words) for s in comparable)
    passages = {s.passage for s in comparable}
    # (社会物流总额…按可比价格计算同比增长5.2%. … 2024年社会物流总额360.6万亿元，增长5.8%: an
    # indicator said once to grow at comparable prices does so wherever the text names it again)
    at = {s.index for s in comparable}
    indicators = {
        f.subject
        for f in table.facts
        if f.place.sentence in at and f.role in ("growth", "level") and len(f.subject) >= 2
    }
    for claim in table.facts:
        if claim.role != "growth" or not claim.q.is_rate or claim.verb.startswith("年均"):
            continue
        if claim.is_cell:
            _judge_cell(table, claim)
            continue
        if _parallel_lists(table, claim):
            continue
        if _EARLIER_RATE.search(claim.text, max(0, claim.q.start - 12), claim.q.start) and _TURNED.match(
            claim.text, claim.q.end
        ):
            continue  # 由上年同期下降2.2%转为增长0.1%: last year's rate, told to show the turn
        if _bracketed_other(table, claim):
            continue
        if claim.verb in ("降幅", "涨幅") and re.search(
            "降价" if claim.verb == "降幅" else "涨价",
            claim.text[table.sentences[claim.place.sentence].start : claim.q.start],
        ):
            continue  # 降价…平均降价1.6万元，降幅8.3%；新能源车降幅9.2%: a price cut's size, no yearly change
        if claim.subject.endswith("平均"):
            # 中选药品价格平均降幅超过五成, 各省平均增长…: the mean of many items' rates (年均 and 年平均
            # are read apart), never one value's change from its base
            continue
        if _OVER_A_PLAN.search(claim.text, table.sentences[claim.place.sentence].start, claim.q.start):
            continue  # “十四五”时期…累计下降20%: over the plan's years, from a base year not written
        if (
            _QUOTED_TARGET.match(claim.text, claim.q.end)
            and "“" in claim.text[max(0, claim.q.start - 8) : claim.q.start]
        ):
            continue  # 与“增长2.5%左右”的预期目标相衔接: a target quoted, not a growth of a value
        _judge(
            table,
            claim,
            general
            or table.sentences[claim.place.sentence].passage in passages
            or any(labels.likeness_of(claim.subject, name) >= 0.8 for name in indicators if claim.subject),
        )


def _bracketed_other(table: FactTable, claim: Fact) -> bool:
    """比全国（21.79万亿元，增长2.9%）快1.1个百分点: the bracket gives the compared thing's value and
    growth; that growth is of 21.79, whose earlier value is not written — never of the value now."""
    opened = open_bracket(claim.text, claim.q.start)
    if opened < 0 or claim.base_fact is None or table.fact(claim.base_fact).q.start < opened:
        return False
    phrase = _phrase(claim)
    table.push(
        _missing(
            table,
            claim,
            claim.text[phrase[0] : phrase[1]],
            phrase,
            "括号内是比较对象自身的增速，其上期数值未给出 / "
            "the bracket gives the compared thing's own growth",
            "比较对象的上期数值 / the compared thing's earlier value",
        )
    )
    return True


_EARLIER_RATE = re.compile(r"由(?:上年|去年|前年|上月|上季度?)(?:同期|同月)?(?:的)?(?:增长|下降|上涨|下跌)?$")
_TURNED = re.compile(r"\s*(?:转为|转而|变为|扭转为)")
_FALLS = re.compile(r"下降|减少|下跌|回落|降低|下滑|缩减")


def _parallel_lists(table: FactTable, claim: Fact) -> bool:
    """产量1288.8万辆、销量1286.6万辆，较2023年的958.7万辆和949.5万辆分别增长34.4%和35.5%: three
    lists of one length in one sentence — the values now, the bases inside the comparison, the rates
    after 分别 — read in step, the k-th rate of the k-th value over the k-th base."""
    members = table.list_of(claim)
    n = len(members)
    if n < 2 or claim.id not in [m.id for m in members]:
        return False
    k = [m.id for m in members].index(claim.id)
    first = members[0]
    sentence = table.sentences[claim.place.sentence]
    head = claim.text[sentence.start : first.q.start]
    comparisons = list(re.finditer(r"较|比", head))
    if not comparisons:
        return False
    cmp = comparisons[-1]
    at = sentence.start + cmp.end()
    verb = re.search(r"分别\s*(?P<v>[\u4e00-\u9fff]{0,3}?)了?\s*$", claim.text[at : first.q.start])
    if verb is None:
        return False
    around = table.around(claim)
    bases = [g for g in around if at <= g.q.start and g.q.end <= first.q.start and g.q.kind in AMOUNT_KINDS]
    if len(bases) != n or any(not same_measure(b.q, bases[0].q) or bound_only(b) for b in bases):
        return False
    currents = [
        g
        for g in around
        if g.q.end <= sentence.start + cmp.start()
        and g.q.kind in AMOUNT_KINDS
        and same_measure(g.q, bases[0].q)
        and not bound_only(g)
    ][-n:]
    if len(currents) != n:
        return False
    p = _pair(claim, currents[k], [bases[k]], 1.0, "")
    p = replace(p, note="本期、基期与增速三组数值按次序对应 / the three lists read in step")
    sign = -1.0 if _FALLS.search(verb.group("v")) else 1.0
    phrase = (claim.q.start, claim.q.end)
    table.push(
        conclude(table, RELATION, claim, reading(claim) * sign, claim.q.text, [p], missing="", phrase=phrase)
    )
    return True


def _judge_cell(table: FactTable, claim: Fact) -> None:
    """| 运输方式 | 2023年（亿吨） | 2024年（亿吨） | 同比增长（%） |: a growth column is the row's
    latest year over the year before, both written in the row under one name; a row without both
    is left to the sum rule (its 合计 from the rows' growths)."""
    if claim.compare == "环比" or _real(claim):
        return
    cells = [
        f
        for f in table.facts
        if f.place.table == claim.place.table
        and f.place.row == claim.place.row
        and f.role == "level"
        and f.q.kind in AMOUNT_KINDS
        and f.q.value is not None
        and (f.place.col or 0) < (claim.place.col or 0)
    ]
    # | 事故等级 | 死亡人数 | 上年死亡人数 | 同比（%） |, | 本期 | 上年同期 | 增长 |: the column of the year
    # before is the base of the one beside it
    earlier = [f for f in cells if labels.EARLIER_COLUMN.match(f.header)]
    now = [f for f in cells if not labels.EARLIER_COLUMN.match(f.header)]
    if len(earlier) == 1 and len(now) == 1 and now[0].q.unit == earlier[0].q.unit:
        p = _pair(claim, now[0], earlier, 1.0, "")
        push_number(table, RELATION, claim, [replace(p, note="本行两期数值之比 / the row's two periods")])
        return
    year = claim.period.year
    if year is None:
        return
    row = [
        f
        for f in table.facts
        if f.place.table == claim.place.table
        and f.place.row == claim.place.row
        and f.role == "level"
        and f.q.kind in AMOUNT_KINDS
        and f.period.explicit
        and f.q.value is not None
    ]
    cur = [f for f in row if f.period.year == year]
    base = [f for f in row if f.period.year == year - 1]
    if len(cur) != 1 or len(base) != 1 or cur[0].header != base[0].header or cur[0].q.unit != base[0].q.unit:
        return
    p = _pair(claim, cur[0], base, 1.0, "")
    push_number(table, RELATION, claim, [replace(p, note="本行两年数值之比 / the row's two years")])


def _stated(claim: Fact) -> Interval:
    return reading(claim) * (-1.0 if claim.down else 1.0)


def _judge(table: FactTable, claim: Fact, doc_comparable: bool) -> None:
    sentence = table.sentence_of(claim).words
    phrase = _phrase(claim)
    stated_text = claim.text[phrase[0] : phrase[1]]
    # (占规上工业增加值的比重为16.3%，较上年的15.7%提高0.6%: a share is no real growth of 增加值)
    about_rate = _about_a_rate(table, claim)
    if (
        labels.real_terms(claim.context)
        or labels.real_terms(claim.qualifier_words)
        or (not about_rate and (_real(claim) or _real_sentence(table, claim)))
    ):
        table.push(
            finding(
                table,
                RELATION,
                "unverifiable",
                claim,
                stated_text,
                "—",
                "实际增速（按可比价格或扣除价格因素），不能由名义数值验算 / "
                "real growth: nominal values cannot verify it",
                [(claim, "所述")],
                phrase,
                missing="名义与实际 / real vs nominal",
            )
        )
        return
    if claim.compare == "环比" and _ADJUSTED.search(sentence):
        table.push(
            finding(
                table,
                RELATION,
                "unverifiable",
                claim,
                stated_text,
                "—",
                "经季节调整的环比，不能由原始数值验算 / "
                "a seasonally adjusted change cannot be checked from raw values",
                [(claim, "所述")],
                phrase,
                missing="季节调整 / seasonal adjustment",
            )
        )
        return
    kinds = RATE_KINDS if about_rate else AMOUNT_KINDS | {"duration"}
    # (2月销售12608台，上年同月为21450台，同比下降41.2%: the base clause's value is of another period,
    # never the value now)
    # (较近5年均值（711人）减少2.8%: what stands inside the comparison is never the value now)
    inside = {
        g.id
        for g in table.around(claim)
        if claim.compare_at >= 0 and claim.compare_at <= g.q.start < claim.q.start
    }
    currents = current_of(table, claim, kinds, exclude=inside)

    def another_period(f: Fact) -> bool:
        # (5月…5986套，4月为4723套，…；较去年同期的7410套下降19.2%: April's value is no value now)
        months = f.period.months is not None and claim.period.months is not None
        return f.period.clashes(claim.period) or (months and f.period.months != claim.period.months)

    if currents and another_period(currents[0].fact):
        other = {s.fact.id for s in currents if another_period(s.fact)}
        currents = current_of(table, claim, kinds, exclude=other | inside)
    if (
        currents
        and claim.base_fact is not None
        and not _same_per(currents[0].fact, base := table.fact(claim.base_fact))
    ):
        # (欧线报5095美元/TEU，…折合约10190美元/FEU；较…5604美元/TEU的阶段高点回落近一成: a value per
        # container of another size is no value now of a base per TEU)
        other = {g.id for g in table.around(claim) if not _same_per(g, base)}
        currents = current_of(table, claim, kinds, exclude=other | inside)
    if currents and _per_unit(currents[0].fact) and not _per_unit(claim):
        # (全年出货较上年的11.65亿部增长6.4%，月均约1.03亿部: an average per month is no value now of the
        # year's total)
        averages = {g.id for g in table.around(claim) if _per_unit(g)} | {
            s.fact.id for s in currents if _per_unit(s.fact) and later_passage(claim, s.fact)
        }  # (…每十万人口火灾起数为46.2起。｜…起数下降40.0%: nor an earlier paragraph's rate per head)
        currents = current_of(table, claim, kinds, exclude=averages | inside)
    named = _IN_CURRENCY.search(claim.text, table.sentences[claim.place.sentence].start, claim.q.start)
    if named and currents and currents[0].fact.q.kind == "money":
        # (出口3.12亿美元，比上年的2.16亿美元增长44.4%；…折合人民币21.99亿元。以人民币计，出口增长51.3%:
        # a growth counted in a currency its sentence names is of the values in that currency)
        code = CURRENCIES[named.group(1)]
        other = {g.id for g in table.facts if g.q.kind == "money" and g.q.unit != code}
        currents = current_of(table, claim, kinds, exclude=other | inside)
    if currents and currents[0].fact.is_cell and labels.TOTAL_ROW.fullmatch(currents[0].fact.subject):
        # (企业职工养老保险基金收入占三项合计的60.9%…；基金支出比上年的532.89亿元增长11.6%: the row the
        # sentence opens with, in the 合计's column — not the 合计 of all three schemes)
        total = currents[0].fact
        first = table.sentences[claim.place.sentence]
        opening = re.split(r"[，,；;。]", claim.text[first.start : claim.q.start], maxsplit=1)[0]
        rows = [
            (labels.likeness_of(f.subject, opening, forward_only=True), f)
            for f in table.cells()
            if f.place.table == total.place.table and f.place.col == total.place.col and f.id != total.id
        ]
        top = max((lk for lk, _ in rows), default=0.0)
        opened = [f for lk, f in rows if lk == top and lk >= 0.7]
        if len(opened) == 1:
            currents = [Scored(opened[0], currents[0].score, currents[0].likeness)]
    if not currents:
        what = claim.subject or "所述指标"
        table.push(
            _missing(
                table,
                claim,
                stated_text,
                phrase,
                f"缺少「{what}」本期的数值 / the current value is not given",
                "本期数值 / current value",
            )
        )
        return
    pairings: list[Pairing] = []
    for cur in currents[:2]:
        pairings.extend(_pairings(table, claim, cur))
    if (
        pairings
        and currents
        and all(implausible(claim, p.point) for p in pairings)
        and labels.PER_UNIT.search(currents[0].fact.qualifier_words)
    ):
        # 全省接待游客12030.0万人次，日均接待194万人次；上年同期为10782万人次，同比增长11.6%: a value now
        # 50 times off its base is a daily average written beside the total; the sentence's total of
        # the base's scale, when it names one, is the value now
        bases = [x for p in pairings for x, role in p.inputs if role != "本期"]
        others = [
            g
            for g in table.around(claim)
            if g.q.end <= claim.q.start
            and g.role == "level"
            and g.id not in {b.id for b in bases} | {c.fact.id for c in currents}
            and bases
            and same_measure(g.q, bases[0].q)
            and not bound_only(g)
            and g.period.same(currents[0].fact.period)
            and g.place.sentence == currents[0].fact.place.sentence
            and g.id < currents[0].fact.id
            and not labels.PER_UNIT.search(g.label() + g.qualifier_words)
        ]
        better = [p for g in others for p in _pairings(table, claim, Scored(g, 0.9, 0.9))]
        better = [p for p in better if not implausible(claim, p.point)]
        if better:
            pairings = better
    note = ""
    # (a comparable basis is a statistics office's adjustment of amounts; a rate — a share, a
    # ratio — compared with its own earlier value is what it is: 比2019年的36.2%提高6.6%)
    if kinds is not RATE_KINDS and (_COMPARABLE.search(sentence) or (doc_comparable and pairings)):
        note = "文中说明增速按可比口径计算，与公布的上年数值不可直接相比 / growth on a comparable basis"
    base_year = _base_label(claim, currents[0].fact)
    missing = (
        f"缺少{base_year}「{currents[0].fact.subject or claim.subject or '所述指标'}」的数值，无法计算增速 / "
        f"the base-period value ({base_year}) is not given"
    )
    if claim.compare == "环比" and not pairings:
        missing = "缺少上一期（环比）的数值 / the previous period's value is not given"
    unit_note = ""
    if kinds is RATE_KINDS and pairings:
        best = max(pairings, key=lambda p: p.score)
        rates = [x for x, role in best.inputs]
        if len(rates) == 2:
            gap = value(rates[1]) - value(rates[0])
            if abs(abs(gap) - value(claim)) <= 10**-claim.q.decimals:
                unit_note = (
                    f"两者相差{fmt.num(abs(gap))}个百分点：{POINTS_AS_PERCENT}，写成%即为相对变化 / "
                    f"the rates differ by {fmt.num(abs(gap))} percentage points"
                )
    f = conclude(
        table,
        RELATION,
        claim,
        _stated(claim),
        stated_text,
        pairings,
        missing=missing,
        phrase=phrase,
        unit_note=unit_note,
    )
    if note and f.verdict == "inconsistent":
        f = _demote(f, note)
    elif f.verdict == "inconsistent" and any(
        _PUBLISHED.search(fa.context) for fa, _ in _best_inputs(pairings)
    ):
        f = _demote(
            f, "基期为当时公布的数值，增速可能按修订后的基数计算 / the base is the figure published then"
        )
    table.push(f)


def _same_per(a: Fact, b: Fact) -> bool:
    """Whether two values are per the same thing, as far as a slash after them says (5604美元/TEU,
    10190美元/FEU); the words after the unit may run on (79.42元/吨上涨…)."""
    pa, pb = per_after(a), per_after(b)
    return not pa or not pb or pa.startswith(pb) or pb.startswith(pa)


def _per_unit(f: Fact) -> bool:
    return bool(labels.PER_UNIT.search(f.subject + f.own + f.qualifier_words))


def _best_inputs(pairings: list[Pairing]) -> list[tuple[Fact, str]]:
    if not pairings:
        return []
    return list(max(pairings, key=lambda p: p.score).inputs)


def _demote(f, why: str):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(f, verdict="unverifiable", evidence=f"{f.evidence}；{why}", missing="口径 / basis")


def _real_sentence(table: FactTable, claim: Fact) -> bool:
    """按不变价格计算，江苏、安徽均增长5.8%，…浙江增长5.5%: a sentence that opens by saying its growths
    are at constant prices says it of each, unless a clause says 名义 or 现价."""
    sentence = table.sentences[claim.place.sentence]
    head = claim.text[sentence.start : claim.q.start]
    clause = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    return labels.real_terms(head) and not re.search(r"名义|现价", clause)


def _real(claim: Fact) -> bool:
    return labels.real_indicator(claim.subject) and "名义" not in claim.context


def _about_a_rate(table: FactTable, claim: Fact) -> bool:
    if claim.base_fact is not None:
        return table.fact(claim.base_fact).q.kind in RATE_KINDS  # 比2019年的411.75亿元: like the base
    cur = current_of(table, claim, RATE_KINDS)
    if not (cur and cur[0].score >= 0.95 and cur[0].fact.place.clause >= claim.place.clause - 1):
        return False
    # 完成61646万元，占年初预算数的56.3%，同比增长10.7%: a share is how far the amount has come, and
    # 增长 is said of the amount (a share rises by 个百分点, or 提高 by a %-slip the rate path reads)
    return not (
        cur[0].fact.role == "share"
        and claim.verb in _AMOUNT_VERBS
        and bool(current_of(table, claim, AMOUNT_KINDS | {"duration"}))
    )


_AMOUNT_VERBS = frozenset({"增长", "增加", "减少", "负增长", "增收", "减收", "增支", "减支"})


def _phrase(claim: Fact) -> tuple[int, int]:
    """The words of the claim: from 比/同比 (or the verb) to the end of the number."""
    start = claim.q.start
    ctx_start = claim.text.find(claim.context)
    lo = max(0, ctx_start if ctx_start >= 0 else claim.q.start - 12)
    if claim.compare_at >= 0:
        start = claim.compare_at if claim.compare_at >= lo else start
        listed = claim.text.rfind("分别", start, claim.q.start)
        if claim.group is not None and listed >= 0:
            start = listed  # (较上年同期分别增长10.7%和9.2%: the list's words, each member's from 分别)
    else:
        m = re.search(
            # (同比、环比分别增长…: a word of a list of comparisons is no one member's)
            r"(?:(?<![、和])(?:同比|环比))?(?:名义)?(?:分别)?(?:负增长|增长|下降|增加|减少|上升|提高|回落|下滑|降低|上涨|扩大)",
            claim.text[lo : claim.q.start],
        )
        if m:
            start = lo + m.start()
    return start, claim.q.end


def _base_label(claim: Fact, cur: Fact) -> str:
    bp = claim.base_period
    if bp is None and cur.period.known:
        bp = cur.period.shifted(-1)
    if bp is None or not bp.known:
        if claim.compare == "同比":
            return "上年同期"
        return claim.compare if claim.compare in ("上年同期", "去年同期", "上年", "去年") else "上一期"
    return bp.label()


def _missing(table: FactTable, claim: Fact, stated_text: str, phrase: tuple[int, int], why: str, what: str):  # type: ignore[no-untyped-def]
    return finding(
        table, RELATION, "unverifiable", claim, stated_text, "—", why, [(claim, "所述")], phrase, missing=what
    )


def _pairings(table: FactTable, claim: Fact, cur_s: Scored) -> list[Pairing]:
    cur = cur_s.fact
    if bound_only(cur):
        return []
    out: list[Pairing] = []
    # 1. A base written in the comparison, or the start of 由A增至B.
    for base in filter(
        None, (table.fact(claim.base_fact) if claim.base_fact is not None else None, from_to_base(table, cur))
    ):
        # (总产量15.2万吨，折合3.04亿斤，比上年的14.7万吨增长3.4%: a value and its base in one unit)
        if base.id != cur.id and not bound_only(base) and same_measure(base.q, cur.q):
            out.append(_pair(claim, cur, [base], cur_s.score, "文中所给基数"))  # written: certain
    if out:
        return out
    compared = compared_value(table, claim, cur)
    if compared is not None:
        return [_pair(claim, cur, [compared], cur_s.score, "文中所给基数")]
    if EDITION.fullmatch(claim.compare):
        # 较上届增长16.3%: the same measure where the text names the edition before
        edition = of_edition(
            table, claim, cur, claim.compare, [cur.q.kind] if cur.q.kind in RATE_KINDS else AMOUNT_KINDS
        )
        return (
            [_pair(claim, cur, [edition.fact], min(cur_s.score, edition.score), f"{claim.compare}数值")]
            if edition
            else []
        )
    # 2. The same name in the base period — not a value written as another claim's base (黄瓜每公斤4.79元，
    # 环比上涨14.9%，较去年同期的2.70元上涨77.4%: 2.70 is the year-ago price, not last month's)
    others = other_bases(table, claim)
    periods = base_periods(table, claim, cur)
    bp = periods[0] if periods else None
    for bp in periods:
        if bp.year is None and bp.months is None:
            continue
        query = cur.subject or claim.subject
        found = candidates(
            table,
            claim,
            query,
            like=cur,
            kinds=[cur.q.kind] if cur.q.kind in RATE_KINDS else AMOUNT_KINDS | {"duration"},
            roles=("level", "rate", "share") if cur.q.kind in RATE_KINDS else ("level",),
            period=bp,
            exclude={cur.id} | others,
            min_likeness=0.35,
            floor=0.7 if specific_unit(cur) else 0.0,
        )
        if cur.item:
            # (全体居民…上年同期为12173元…；城镇、农村居民…分别为15872元和7615元，分别增长4.6%和6.8%: a
            # listed item's base names the item; the whole's base is no 城镇's)
            found = [s for s in found if cur.item in s.fact.label() + (s.fact.item or "")]
        # (群众文化…412万场，…同比分别增长53.5%…。…艺术表演…比上年的166.07万场: the base of a change is
        # written before it, not in a later paragraph about something else)
        found = [s for s in found if not later_passage(s.fact, claim)]
        # (全市居民人均消费支出…比上年的42683元…。城镇居民50897元…增长11.6%: another population's value)
        found = [s for s in found if not _other_population(cur, s.fact)]
        if _YEAR_AGO.match(claim.compare) and not cur.period.end:
            # (9月末…贷款余额74865.7亿元，同比增长8.6% beside 上年末…69878.5亿元: the end of last year is no
            # time a year ago of a value not written at a year's end)
            found = [s for s in found if not (s.fact.period.end and s.fact.period.months is None)]
        if _BASIS.search(claim.text, table.sentences[claim.place.sentence].start, claim.q.start):
            # (据中汽协，…出口585.9万辆，上年为491.0万辆…。按海关口径，全年汽车出口640.7万辆，同比增长
            # 22.8%: a value counted on a basis its sentence names has its base only beside it)
            found = [s for s in found if s.fact.place.sentence == claim.place.sentence]
        if not found and bp.year is not None and (written := dated_in_sentence(table, claim, cur, bp.year)):
            found = [Scored(written, 0.9, 0.9)]
        if (
            not found
            and claim.group is not None  # …开行1.24万列、运送113.5万标箱，分别同比增长50%和56%
            and (alone := only_one_of_its_unit(table, claim, cur, bp)) is not None
            and not later_passage(alone, claim)
        ):
            found = [Scored(alone, 0.7, 0.7)]
        parts = _complements(found, cur)
        if parts:
            out.append(_pair(claim, cur, parts, min(cur_s.score, 0.95), f"{bp.label()}数值为各部分之和"))
        for s in found:
            if not bound_only(s.fact):
                out.append(_pair(claim, cur, [s.fact], min(cur_s.score, s.score), f"{bp.label()}数值"))
        if out:
            break
    # 3. Now minus the change stated beside it.
    inc = _increment(table, claim, cur)
    written = table.fact(inc.base_fact) if inc is not None and inc.base_fact is not None else None
    if (
        written is not None
        and written.id != cur.id
        and same_measure(written.q, cur.q)
        and not bound_only(written)
    ):
        # (达2.07亿户，比上年末的1.63亿户净增4376万户，同比增长27.0%: the base the change names, written, is
        # a reading as good as the one now less the change — 2.07/1.63 rounds to 27.0%, 4376万 over
        # 2.07亿 less it to 26.8%; a growth either gives is not wrong)
        out.append(_pair(claim, cur, [written], cur_s.score, "文中所给基数"))
    if inc is not None:
        out.append(_pair_increment(claim, cur, inc, cur_s.score))
    # 4. A stored series whose value now is ``cur``.
    if (
        not out
        and bp is not None
        and bp.year is not None
        and cur.period.year is not None
        and table.store is not None
    ):
        stored = previous_in_store(table.store, cur.q, cur.period.year, bp.year)
        if stored is not None and not _names_the_series(table, cur, claim, stored[2]):
            stored = None  # 汽车出口…4.1 equal to US inflation's 4.1 by chance: not that series
        if stored is not None:
            interval, base_value, series_id = stored
            computed = (reading(cur) / interval - 1.0) * 100.0
            point = (value(cur) / base_value - 1) * 100 if base_value else float("nan")
            out.append(
                Pairing(
                    ((cur, "本期"),),
                    cur_s.score * 0.9,
                    computed,
                    point,
                    f"{fmt.num(value(cur))}/{fmt.num(base_value)} − 1 = {fmt.pct(point)}",
                    f"{bp.year}年数值取自数据库 {series_id}",
                    fmt.pct(point),
                )
            )
    return out


def _names_the_series(table: FactTable, cur: Fact, claim: Fact, series_id: str) -> bool:
    """Whether the value's or the claim's words name what the stored series is (美国通胀率 for
    BLS's CPI-U): a number equal to a series' value is that series only when the text says so."""
    info = next((i for i in table.store.list_series() if i.id == series_id), None) if table.store else None
    if info is None:
        return False
    words = f"{cur.label()}{claim.label()}{cur.context}{claim.context}"
    return labels.likeness_of(info.name_zh, words, forward_only=True) >= 0.3


def _complements(found: list[Scored], cur: Fact) -> list[Fact]:
    """去程3610次、回程2690次: parts named as complements add up to the base (not for a part)."""
    facts = [s.fact for s in found if not bound_only(s.fact)]
    names = [f.label() for f in facts]
    group = labels.complement_parts(names)
    if group is None or len(group) < 2 or labels.names_a_part(cur.label()):
        return []
    return sorted((facts[i] for i in group), key=lambda f: f.id)


def _pair(claim: Fact, cur: Fact, base: list[Fact], score: float, where: str) -> Pairing:
    base_i = interval_sum([b.q for b in base], base[0].text) if len(base) > 1 else reading(base[0])
    if len(base) > 1:
        base_i = reading_sum(base)
    computed = (reading(cur) / base_i - 1.0) * 100.0
    base_value = sum(value(b) for b in base)
    point = (value(cur) / base_value - 1) * 100 if base_value else float("nan")
    shown = fmt.shown([cur.q, *[b.q for b in base]])
    cur_s = shown[0]
    base_s = shown[1] if len(base) == 1 else "(" + "+".join(shown[1:]) + ")"
    arithmetic = f"{cur_s}/{base_s} − 1"
    if len(base) > 1:
        qs = [cur.q, *[b.q for b in base]]
        arithmetic += f" = {fmt.like_shown(value(cur), qs)}/{fmt.like_shown(base_value, qs)} − 1"
    arithmetic += f" = {fmt.pct(point)}"
    lines = sorted({b.place.line for b in base if b.place.sentence != claim.place.sentence})
    note = where + (f"，见第{'、'.join(map(str, lines))}行" if lines else "，见本句")
    if score < 1.0 and implausible(claim, point):
        score *= 0.5
        note += "；两数相差过大，未必是同一指标 / the two values may not measure the same thing"
    return Pairing(
        tuple([(b, "基期") for b in base] + [(cur, "本期")]),
        score,
        computed,
        point,
        arithmetic,
        note,
        fmt.pct(point),
    )


def implausible(claim: Fact, point: float) -> bool:
    """A pairing found by name whose growth factor is 2.5 times off the stated one is more likely
    two different indicators than a writer's slip (slips change a digit, not the scale of growth)."""
    stated = 1 + (-1 if claim.down else 1) * value(claim) / 100
    found = 1 + point / 100
    if stated <= 0 or found <= 0:
        return True
    return max(stated / found, found / stated) > 2.5


def _other_population(a: Fact, b: Fact) -> bool:
    """Whether ``a`` and ``b`` are one per-head measure of two populations (城镇居民人均消费支出 and
    全市居民人均消费支出): neither is the other's base."""
    pa, pb = labels.PER_UNIT.search(a.subject), labels.PER_UNIT.search(b.subject)
    if pa is None or pb is None or a.subject[pa.start() :] != b.subject[pb.start() :]:
        return False
    wa, wb = a.subject[: pa.start()], b.subject[: pb.start()]
    return bool(wa) and bool(wb) and wa not in wb and wb not in wa


def _increment(table: FactTable, claim: Fact, cur: Fact) -> Fact | None:
    """增加108.11万人，增长2.32%: the change in the same value, stated between it and the claim —
    or right after the claim (较上年同期增长15.35%，增收25457万元: the fiscal releases' order)."""
    around = table.around(claim)
    after = [g for g in around if g.q.start > claim.q.end and g.place.sentence == claim.place.sentence]
    following = {after[0].id} if after and after[0].place.clause <= claim.place.clause + 1 else set()
    for g in around:
        # (比上年的3.9万亿元多5000亿元，增长12.8%: 多 than last year is a change, not a gap)
        over_time = g.role == "gap" and bool(
            re.fullmatch(r"(?:上年|去年|上年同期|去年同期|\d{4}年)", g.compare)
        )
        if (g.role != "change" and not over_time) or g.q.kind != cur.q.kind or g.q.unit != cur.q.unit:
            continue
        if not (cur.q.end <= g.q.start < claim.q.start or g.id in following) or bound_only(g):
            continue
        if g.own and cur.subject and name_likeness(g.own, cur) < 0.5:
            continue
        if (
            claim.group is not None
            and g.group is not None
            and g.member != claim.member
            and len(table.list_of(g)) == len(table.list_of(claim))
        ):
            continue  # 同比分别减少12起、8人、2人，分别下降13.0%、16.7%和2.9%: two lists pair in order
        if per_unit(g) != per_unit(cur) and per_unit(g) and per_unit(cur):
            continue  # 每亩约390公斤，比上年提高43.6公斤/公顷: per hectare, not per mu
        if not _same_base(g, claim):
            continue  # 比年初增加398.2亿元，同比增长9.4%: a change since January is not a year's change
        if claim.against_last_year and not g.compare and _DURING.match(g.context):
            continue  # 余额33.41万亿元，同比增长20.3%，一季度增加2.38万亿元: an increase during the quarter
        return g
    return None


_DURING = re.compile(
    r"\s*(?:[一二三四]季度|上半年|下半年|前[一二三四五六七八九十两\d]{1,2}个?月|\d{1,2}\s*[—\-~至]\s*\d{1,2}\s*月|当月|年内|全年)"
)


def _same_base(change: Fact, claim: Fact) -> bool:
    """Whether a change and a growth are measured against the same base, when both name theirs
    (同比, 比上年同期 and 比去年同期 are one base; 比年初, 比上月, 环比 are others). Different words
    may name one base: at a year's end, 比上年末 and 同比 both compare with the end of the year
    before (2023年末 against 2022年末); at the end of June they do not (2022年末, 2022年6月末)."""
    a, b = _base_word(change.compare), _base_word(claim.compare)
    if not a or not b or a == b:
        return True
    bases = change.base_period, claim.base_period
    return bases[0] is not None and bases[1] is not None and bases[0].same(bases[1])


def _base_word(compare: str) -> str:
    return "同比" if _YEAR_AGO.match(compare) else compare


_YEAR_AGO = re.compile(r"^(?:同比|(?:比)?(?:上年|去年|上一年)同期)")


def _pair_increment(claim: Fact, cur: Fact, inc: Fact, score: float) -> Pairing:
    sign = -1.0 if inc.down else 1.0
    base_i = reading(cur) - reading(inc) * sign
    computed = reading(inc) * sign / base_i * 100.0
    base_v = value(cur) - sign * value(inc)
    point = sign * value(inc) / base_v * 100 if base_v else float("nan")
    si, sc = fmt.shown([inc.q, cur.q])
    arithmetic = f"{'−' if sign < 0 else ''}{si}/({sc}{'+' if sign < 0 else '−'}{si}) = {fmt.pct(point)}"
    return Pairing(
        ((cur, "本期"), (inc, "增减量")),
        score * 0.95,
        computed,
        point,
        arithmetic,
        "基数 = 本期 − 增加量",
        fmt.pct(point),
    )
