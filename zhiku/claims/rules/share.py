"""Shares: A占B的x% / 占比x% / 比重为x% / 是B的x% / 恢复至2019年的x% / 分别占p%和q% / 超过一半.

Trigger: a percentage (or 一半, 三分之一, N成) read as a share (占, 占比, 比重, 份额, 是…的).
The part is the value the claim continues (a 分别 member's value; the value its own words name,
in its sentence first; else the value just before it). The whole is, in order of certainty:
- the value named after 占 (全部收入, 农民工总量, 发行总额), searched by name in the part's period
  anywhere in the article (a whole is never smaller than its part);
- a period written after 恢复至/是 (恢复至2019年的93.9%): the same value in that year;
- with no whole named: the total the part is 其中 of, the sum of a complete list of complements
  the part belongs to (城镇 and 乡村; 男性 and 女性), or the table's 合计 row.
x must equal part ÷ whole × 100. A share with no whole to be found is unverifiable and names it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from zhiku.claims import fmt, labels
from zhiku.claims.facts import (
    AMOUNT_KINDS,
    LIST_SEP,
    PLANNED,
    SPAN,
    Fact,
    FactTable,
    clause_start,
    in_aside,
    last_match,
    open_bracket,
    same_ending,
    same_measure,
)
from zhiku.claims.interval import Interval
from zhiku.claims.judge import Pairing, bound_only, conclude, push_number, reading, reading_sum, value
from zhiku.claims.periods import Period
from zhiku.claims.pulls import pull_of, pulled_growth
from zhiku.claims.search import (
    Scored,
    candidates,
    change_after,
    compared_with,
    current_of,
    growth_after,
    later_passage,
    latest_of_place,
    leading_place,
    name_likeness,
    opening_rows,
    other_bases,
    rest_of_list,
    thing_of_the_clause_before,
)
from zhiku.claims.tolerance import shifted_by_ten

RELATION = "share"  # also 贡献率: a part's share of a growth (its pull over the growth)

_WHOLE_PERIOD = re.compile(r"^\s*(?:(\d{4})\s*年|上年|去年)(?:同期)?(?:水平)?\s*$")
_OF_WHICH = re.compile(
    r"(?P<whole>[\ue000]|\d[\d.,]*\s*[^\d，,。；;]{0,3}?)\s*(?:个|家|种|项|所|名)?[^，,。；;]{0,8}?中有"
)
# 41个行业中有26个 / 31个省份中，有13个 / 其中仅有3个: a comma after 中, or 共/仅/只 before 有,
# leave the words the same
_MEAN = re.compile(r"平均数|平均值|均值|平均水平")
_PER_TIME = re.compile(r"日均|周均|月均|年均|每[天日周月年]")
_START_OF_YEAR = re.compile(r"(?<!比)(?<!较)年初(?!以来|至|到|起|预算|计划|目标|下达)")
# 北通道增量, 增加额: a value named as how much a thing grew, not as the thing (cf. _INCREASE_TOTAL, a
# whole that totals an increase)
_AN_INCREMENT = re.compile(r"增量|增加额|增长额|增额")
_SCOPES = ("全口径", "规模以上", "限额以上")
# 增产总量, 增收总额, 新增总量: a whole that is the total of an increase
# (占全国新增床位的11.6%: what the whole added, named 新增 before its thing)
_INCREASE_TOTAL = re.compile(
    r"(?:增产|增收|增加|新增|增长)(?:的)?(?:总量|总额|总数|量)|^(?:全[国省市区县])?新增"
)
_AMONG = re.compile(r"中(?:[，,]?\s*(?:共|仅|只)?有|[，,])")
# 增长面 (盈利面, 亏损面): the statistics bureaus' share of the branches (firms) that grew — of the
# count before 中, the count after it (37个行业大类中，31个实现增长，增长面达83.8%)
_BREADTH = re.compile(r"(?:增长|盈利|亏损|下降|增产|减产)面$")


def share_claims(table: FactTable) -> list[Fact]:
    out = []
    for f in table.facts:
        if f.is_cell:
            continue
        if f.role == "share" and (f.q.is_rate or f.q.kind == "number"):
            out.append(f)
        elif f.role == "rate" and f.q.is_rate and _BREADTH.search(f.subject):
            out.append(f)  # 增长面达83.8%: a share of the branches that grew
        elif (
            f.q.kind == "number"
            and f.q.value is not None
            and 0 < f.q.value <= 1
            and re.search(r"半|分之", f.q.text)
        ):
            out.append(f)  # 超过一半, 三分之一: a share written as a fraction
    return out


def percent_of(f: Fact) -> Interval:
    """The share as an interval of percentages; 一半 and 三分之一 are exact fractions (50%, 33.3…%)
    that only their qualifier widens (超过一半: 50% or more; 接近一半: a little under 50%)."""
    if f.q.kind == "number":
        from zhiku.claims.tolerance import Reading, accepted, bound_of

        v = (f.q.value or 0.0) * 100.0
        return accepted(Reading(value=v, step=0.0, bound=bound_of(f.q, f.text)))
    return reading(f)


def check(table: FactTable) -> None:
    paired = _listed_targets(table)
    for claim in share_claims(table):
        if claim.id not in paired:
            _judge(table, claim)
    for claim in table.facts:
        if (
            claim.is_cell
            and claim.role == "share"
            and (claim.q.is_rate or claim.q.kind == "number")
            and claim.q.value is not None
        ):
            _judge_cell(table, claim)
    _contributions(table)
    _profit_margins(table)
    _cost_per_hundred(table)


def _listed_targets(table: FactTable) -> set[int]:
    """就业5.86万人，其中脱贫劳动力2.13万人，分别完成协议目标5万人、2万人的117.2%和106.5%: a 分别 list of
    wholes followed by as many rates, each rate the like value before the list over its whole, in
    order. Returns the rates judged."""
    done: set[int] = set()
    for claim in table.facts:
        if claim.whole_fact is None or claim.is_cell or not claim.q.is_rate or claim.id in done:
            continue
        wholes = table.list_of(table.fact(claim.whole_fact))
        n = len(wholes)
        if n < 2 or wholes[-1].id != claim.whole_fact:
            continue
        sentence = table.around(claim)
        rates = [g for g in sentence if g.id >= claim.id and g.q.is_rate and g.q.kind == claim.q.kind][:n]
        joined = all(
            re.fullmatch(r"\s*(?:、|和|及|与)\s*", claim.text[a.q.end : b.q.start])
            for a, b in pairwise(rates)
        )
        first = wholes[0]
        values = [
            g
            for g in sentence
            if g.q.end <= first.q.start
            and g.role == "level"
            and g.group is None
            and same_measure(g.q, first.q)
            and not bound_only(g)
        ][-n:]
        if (
            len(rates) != n
            or not joined
            or len(values) != n
            or "分别" not in claim.text[values[-1].q.end : first.q.start]
        ):
            continue
        for part, whole, rate in zip(values, wholes, rates, strict=True):
            pairing = _pair(rate, part, (whole,), 0.95)
            table.push(conclude(table, RELATION, rate, percent_of(rate), rate.q.text, [pairing], missing=""))
            done.add(rate.id)
    return done


# 营业收入利润率 is by definition 利润总额 ÷ 营业收入 × 100 (the statistics bureau's indicator of
# industrial enterprises); 主营业务利润率 and others use other profits and are not read here.
_MARGIN = re.compile(r"营业收入利润率")
_WHOLE_INDUSTRY = re.compile(r"全国|全部|规模以上工业企业|规模以上工业|工业企业|的")


def _profit_margins(table: FactTable) -> None:
    """…实现利润总额11140.1亿元…；实现营业收入16.87万亿元…；营业收入利润率为6.60%: the margin is
    the profits over the revenue of the same enterprises and period."""
    for claim in table.facts:
        if claim.is_cell or not claim.q.is_rate or claim.q.value is None:
            continue
        before = claim.text[max(0, claim.q.start - 12) : claim.q.start]
        at = claim.text.rfind("营业收入利润率", 0, claim.q.start)
        if not _MARGIN.search(before) or at < 0:
            continue
        clause = claim.text[:at]
        clause = clause[clause_start(clause, len(clause)) :]
        if _WHOLE_INDUSTRY.sub("", clause).strip():
            continue  # 制造业营业收入利润率: one industry's margin, whose own figures are not sought here
        # 快报只覆盖7.8万家…：营业收入141510亿元…；利润总额12909亿元，营业收入利润率9.12%: the
        # sentence's own two figures are of the firms it speaks of, whatever larger totals are near
        profits = _in_sentence(table, claim, "利润总额") or _largest(table, claim, "利润总额")
        revenue = _in_sentence(table, claim, "营业收入") or _largest(table, claim, "营业收入")
        if profits is None or revenue is None:
            continue
        part, whole = profits.fact, revenue.fact
        if not same_measure(part.q, whole.q):
            continue
        pairing = _pair(claim, part, (whole,), profits.score * revenue.score)
        phrase = (at, claim.q.end)
        stated = claim.text[phrase[0] : phrase[1]]
        missing = "缺少利润总额或营业收入 / the profits or the revenue are not given"
        found = conclude(
            table, RELATION, claim, percent_of(claim), stated, [pairing], missing=missing, phrase=phrase
        )
        table.push(found)


# 每百元营业收入中的成本 is by definition 营业成本 ÷ 营业收入 × 100 元 (the statistics bureau's monthly
# industrial profits release): a share of revenue written in 元 per 100 元.
_PER_HUNDRED_COST = re.compile(r"每百元营业收入中的成本(?:为|是)?\s*$")


def _cost_per_hundred(table: FactTable) -> None:
    """…实现营业收入19.30万亿元…；发生营业成本16.38万亿元…。…每百元营业收入中的成本为84.86元."""
    for claim in table.facts:
        if claim.is_cell or claim.q.kind != "money" or claim.q.value is None:
            continue
        at = claim.text.rfind("每百元营业收入中的成本", max(0, claim.q.start - 16), claim.q.start)
        if at < 0 or not _PER_HUNDRED_COST.search(claim.text[at : claim.q.start]):
            continue
        cost, revenue = _largest(table, claim, "营业成本"), _largest(table, claim, "营业收入")
        if cost is None or revenue is None or not same_measure(cost.fact.q, revenue.fact.q):
            continue
        c, r = cost.fact, revenue.fact
        point = value(c) / value(r) * 100.0
        sc, sr = fmt.shown([c.q, r.q])
        pairing = Pairing(
            ((c, "部分"), (r, "整体")),
            cost.score * revenue.score,
            reading(c) / reading(r) * 100.0,
            point,
            f"{sc}/{sr} × 100 = {fmt.num(point, 2)}元",
            "营业成本 ÷ 营业收入 × 100（统计局定义）/ cost over revenue, per 100 元",
            f"{fmt.num(point, 2)}元",
        )
        phrase = (at, claim.q.end)
        stated = claim.text[phrase[0] : phrase[1]]
        missing = "缺少营业成本或营业收入 / the cost or the revenue is not given"
        table.push(
            conclude(
                table, RELATION, claim, reading(claim), stated, [pairing], missing=missing, phrase=phrase
            )
        )


def _in_sentence(table: FactTable, claim: Fact, name: str) -> Scored | None:
    """The one value named ``name`` before the claim in its own sentence, if there is one."""
    named = [
        g
        for g in table.around(claim)
        if g.q.end <= claim.q.start
        and g.role == "level"
        and g.q.kind in AMOUNT_KINDS
        and not bound_only(g)
        and name_likeness(name, g) >= 0.8
    ]
    return Scored(named[0], 1.0, 1.0) if len(named) == 1 else None


def _largest(table: FactTable, claim: Fact, name: str) -> Scored | None:
    """The whole industry's value named ``name`` in the claim's period: of the values so named, the
    largest (利润总额 of all industrial enterprises, not of mining)."""
    period = claim.period.as_filter()
    found = candidates(table, claim, name, period=period, min_likeness=0.6)
    found = [s for s in found if not bound_only(s.fact)]
    return max(found, key=lambda s: s.fact.value or 0.0, default=None)


_PLAN_COLUMN = re.compile(r"目标|计划|任务|预期")


def _judge_cell(table: FactTable, claim: Fact) -> None:
    """A table's 占比 column: the row's amount over the whole — the 合计 row of the amount's column,
    or the whole the column header names (占全球比重) found in the prose."""
    row = [f for f in table.cells() if f.place.table == claim.place.table and f.place.row == claim.place.row]
    parts = [
        f for f in row if f.role == "level" and f.q.kind in AMOUNT_KINDS and f.place.col != claim.place.col
    ]
    if len(parts) > 1 and not _PLAN_COLUMN.search(claim.header):
        # (| 新增就业（人） | 年度目标（人） | 完成进度（%） | 占全市（%） |: a share of the city is of what
        # was done, not of a target)
        parts = [f for f in parts if not _PLAN_COLUMN.search(f.header)] or parts
    if len(parts) > 1:
        # (| 住院（万人次） | 次均费用（元） | 人次占比（%） |: an average per visit adds up to no whole; an
        # average per day does, the rows' to the whole's: | 6月日均供餐（人次） | 占全区（%） |)
        parts = [
            f for f in parts if not labels.PER_UNIT.search(_PER_TIME.sub("", _header_core(f.header)))
        ] or parts
    if len(parts) > 1:
        # | 出口量（万台） | 出口额（亿美元） | 占出口额比重（%） |: the column the share's header names
        # (| 受灾人次 | 直接经济损失（亿元） | 损失占比（%） |: the share's own word, 损失, names the column;
        # | 住院（万人次） | 住院总费用（亿元） | 人次占比（%） |: or the unit of the column's values)
        own_word = re.sub(r"^占|的?(?:比重|占比|份额|比例)$", "", _header_core(claim.header))
        named_cols = [
            f
            for f in parts
            if len(core := _header_core(f.header)) >= 2
            and (core in claim.header or (len(own_word) >= 2 and (own_word in core or own_word == f.q.unit)))
        ]
        if len(named_cols) == 1:
            within = _row_whole(claim, named_cols[0], parts, own_word)
            if within is not None:
                _push_cell(table, claim, named_cols[0], [Whole((within,), 1.0)])
                return
            parts = named_cols
    if len(parts) > 1 and not re.search(r"\d{4}|[上本今去]年", claim.header):
        # | 2022年二季度 | 占比（%） | 2021年二季度 | 占比（%） |: a share column whose header names no
        # period is of the amount column just left of it
        here = claim.place.col or 0
        # (| 死亡人数 | 上年死亡人数 | 同比 | 占死亡总数 |: not the base column nearest it)
        left = [f for f in parts if (f.place.col or 0) < here and not labels.EARLIER_COLUMN.match(f.header)]
        # (| 2023年 | 2022年 | 增长 | 占比 |: of the column of the share's own year — the latest, as the
        # table reader dates a share column after the years' — never the base year's)
        left = [f for f in left if f.period.year == claim.period.year] or left
        if left:
            parts = [max(left, key=lambda f: f.place.col or 0)]
    if len(parts) > 1:
        # | 品种 | 2023年 | 2024年 | 2024年占比（%） |: the amount column of the share column's year
        parts = [f for f in parts if claim.period.year is not None and f.period.year == claim.period.year]
    if len(parts) != 1:
        return  # which column the share is of is not clear
    part = parts[0]
    if claim.period.explicit and part.period.explicit and claim.period.year != part.period.year:
        return  # | 2023年码洋 | 2023年比重 | 2022年比重 |: last year's share, of amounts not written
    if labels.EARLIER_COLUMN.match(claim.header) and not labels.EARLIER_COLUMN.match(part.header):
        return  # (| 供热面积 | 占比 | 上一供暖季占比 |: the period before's shares, of amounts not written)
    column_total = next(
        (
            f
            for f in table.cells()
            if f.place.table == claim.place.table
            and f.place.col == claim.place.col
            and re.fullmatch(r"\s*(?:合计|总计|全部|总额)\s*", f.subject)
        ),
        None,
    )
    if column_total is not None and abs(value(column_total) - 100.0) > 1.0:
        return  # | 占年计划(%) | … | 104.9 |: each row's share of its own plan, not of the 合计
    total_rows = [
        f
        for f in table.cells()
        if f.place.table == claim.place.table and f.place.col == part.place.col and _TOTALS.search(f.subject)
    ]
    wholes: list[Whole] = []
    # A 合计 row is the whole; a row that totals only the rows listed (五国合计, 以上合计) is not,
    # when the column header names a larger whole (占全球比重).
    named = re.sub(r"^占|的?(?:比重|比例|份额|占比)$|比重|占比", "", claim.header)
    pure = [f for f in total_rows if re.fullmatch(r"\s*(?:合计|总计|全国|总体|全部|总额)\s*", f.subject)]
    if total_rows and total_rows[0].id != part.id and (pure or not named):
        total = total_rows[0]
        rows = [
            f
            for f in table.cells()
            if f.place.table == claim.place.table
            and f.place.col == part.place.col
            and f.id != total.id
            and f.role == "level"
            and f.q.value is not None
            and not bound_only(f)
            and not re.match(
                r"\s*(?:其中|内含|含)[：:、]?", f.subject
            )  # | 其中：北京 |: within the row above
        ]
        summed = reading_sum(rows) if len(rows) >= 2 else None
        if pure and summed is not None and not summed.overlaps(reading(total)):
            # the 合计 row disagrees with its own rows (the sum rule reports it): either may be the
            # one wrong, so the shares are read against the rows' sum, which the shares of a
            # complete table are of, and against the 合计 as written (| 合计 | 24000 | 100.0 |, a row's
            # digits transposed: 6870/24000 = 28.6)
            wholes.append(Whole(tuple(rows), 0.9))
            wholes.append(Whole((total,), 0.9))
        else:
            wholes.append(Whole((total,), 1.0))
    if not wholes and named:
        for s in candidates(
            table,
            claim,
            named,
            like=part,
            period=part.period.as_filter(),
            exclude={part.id},
            accept=lambda f: not f.is_cell and _can_hold(f, part),
            min_likeness=0.5,
        ):
            wholes.append(Whole((s.fact,), s.score))
    if not wholes:
        return
    if _TOTALS.search(part.subject) and total_rows and total_rows[0].id == part.id:
        return  # the total row's own share (100.0) is the sum rule's business
    _push_cell(table, claim, part, wholes)


def _row_whole(claim: Fact, part: Fact, parts: list[Fact], own_word: str) -> Fact | None:
    """| 机构床位（张） | 护理型床位（张） | 护理型占比（%） |: a share column named by a part (X占比, not
    占X比重) is that part within its row — of the one larger amount the row gives in the same unit."""
    if claim.header.lstrip().startswith("占") or not own_word:
        return None
    mine = _header_core(part.header)
    larger = [
        f
        for f in parts
        if f.id != part.id
        and f.q.unit == part.q.unit
        and own_word not in (theirs := _header_core(f.header))
        # the same measure (床位 of 机构床位 and 护理型床位; not 事故起数 beside 死亡人数)
        and same_ending(mine, theirs)
        and (f.value or 0.0) > (part.value or 0.0)
    ]
    return larger[0] if len(larger) == 1 else None


def _push_cell(table: FactTable, claim: Fact, part: Fact, wholes: list[Whole]) -> None:
    pairings = [_pair(claim, part, w.facts, w.score) for w in wholes]
    table.push(
        conclude(
            table,
            RELATION,
            claim,
            percent_of(claim),
            claim.q.text,
            pairings,
            missing="",
            phrase=(claim.q.start, claim.q.end),
        )
    )


_TOTAL_BEFORE = re.compile(r"(?:合计|总计|共计|总共|一共)[^，,。；;\d]{0,4}$")


def _total_opening(table: FactTable, claim: Fact, part: Fact) -> Fact | None:
    """The one total (合计…) written before the claim in its sentence, larger than the part."""
    found = [
        g
        for g in table.around(claim)
        if g.q.end <= claim.q.start
        and g.id != part.id
        and g.role == "level"
        and same_measure(g.q, part.q)
        and not bound_only(g)
        and (g.value or 0.0) > (part.value or 0.0)
        and _TOTAL_BEFORE.search(g.text, max(0, g.q.start - 8), g.q.start)
    ]
    return found[0] if len(found) == 1 else None


def _with_its_whole(table: FactTable, f: Fact) -> str:
    """A value's name, with the name of the total it is 其中 of when its own names no side of a pair
    (外国人8203.5万人次, 其中 of 出入境人员: 外国人出入境; but 出口 of 进出口 stays 出口)."""
    sides = {w for group, whole in labels.GROUP_WHOLES for w in (*group, whole)}
    if f.parent is None or any(w in f.label() for w in sides):
        return f.label()
    return f.label() + table.fact(f.parent).label()


def _after_a_multiple(table: FactTable, claim: Fact) -> Fact | None:
    """厦门一般公共预算收入835.9亿元，…泉州480.7亿元。厦门财力是泉州的1.74倍，占GDP的9.7%: a share with no
    name of its own after a multiple is of the place the multiple's clause opens with — that place's
    latest value before it."""
    if claim.own or claim.item:
        return None
    own_at = clause_start(claim.text, claim.q.start)
    before = [
        g for g in table.around(claim) if g.q.end <= own_at and g.place.sentence == claim.place.sentence
    ]
    if not before or before[-1].role != "multiple":
        return None
    place = leading_place(claim.text[table.sentences[claim.place.sentence].start : before[-1].q.start])
    return latest_of_place(table, claim, place, AMOUNT_KINDS) if place else None


def _changes_summed(table: FactTable, total: Fact) -> list[Fact]:
    """The increases written in the sentence before ``total``'s or in its own, when they add up to it."""
    changes = [
        g
        for g in table.facts[: total.id]
        if g.role == "change"
        and not g.down
        and g.place.passage == total.place.passage
        and total.place.sentence - 1 <= g.place.sentence <= total.place.sentence
        and same_measure(g.q, total.q)
        and not bound_only(g)
    ]
    summed = reading_sum(changes) if len(changes) >= 2 else None
    return changes if summed is not None and summed.overlaps(reading(total)) else []


def _share_after(table: FactTable, f: Fact) -> Fact | None:
    """The share written right after ``f``, in its clause or the next (合计2859.8亿元，占…的49.7%)."""
    nxt = table.facts[f.id + 1] if f.id + 1 < len(table.facts) else None
    if (
        nxt is not None
        and nxt.role == "share"
        and nxt.place.sentence == f.place.sentence
        and nxt.place.clause <= f.place.clause + 1
    ):
        return nxt
    return None


def _named_share_of(table: FactTable, f: Fact, claim: Fact) -> bool:
    """合计2859.8亿元，占同期全市进出口的49.7%: ``f`` is followed at once by a share naming its whole,
    before the claim."""
    nxt = _share_after(table, f)
    return nxt is not None and nxt.id != claim.id and bool(nxt.whole)


def _bare_share_of(table: FactTable, f: Fact, claim: Fact | None = None) -> bool:
    """60岁及以上人口31031万人，占22.0%: ``f`` is followed at once by a share naming no whole (other
    than ``claim``)."""
    nxt = _share_after(table, f)
    return nxt is not None and not nxt.own and not nxt.whole and (claim is None or nxt.id != claim.id)


def _share_of(table: FactTable, f: Fact, whole: str, claim: Fact | None = None) -> bool:
    """可再生能源发电量1.56万亿千瓦时，约占全部发电量的35.1%: ``f`` is itself stated as a share of the
    whole named ``whole`` (the share right after it), so it is not that whole."""
    nxt = _share_after(table, f)
    return (
        nxt is not None
        and not nxt.own  # (外出农民工占农民工总量的59.3%: a share of another part, named)
        # (…176.4万件，占高价值发明专利总量229.2万件的77.0%: 229.2 is that share's whole, not a part —
        # though a whole written into a later statement is that statement's: 为上半年归母净利润
        # 1358.92亿元的30.0% after 占归母净利润的30.0%)
        and (nxt.whole_fact != f.id or (claim is not None and f.id > claim.id))
        and bool(nxt.whole)
        and labels.likeness_of(whole, nxt.whole) >= 0.8
    )


def _header_core(header: str) -> str:
    """出口额 of 出口额（亿美元）or 2024年出口额: a column header without its unit and year."""
    return re.sub(r"[（(][^）)]*[）)]|\d{4}\s*年", "", header).strip()


def _judge(table: FactTable, claim: Fact) -> None:
    phrase = _phrase(table, claim)
    stated_text = claim.text[phrase[0] : phrase[1]]
    among = _among(table, claim)
    if among is None and claim.role != "share":
        return  # 增长面 without the counts it is the share of
    if among is None and _derived_part(table, claim, phrase, stated_text):
        return
    own = clause_start(claim.text, claim.q.start)
    if re.match(r"\s*(?:合计|共|总共|一共)", claim.text[own : claim.q.start]) and own > 0:
        own = clause_start(claim.text, own - 1)  # (日本、韩国、澳大利亚、新西兰四国，合计占比不足一半)
    if among is None and _OF_SEVERAL.search(claim.text, own, claim.q.start):
        return  # (儿童学生用品、电子电器…，两类不合格批次占…近五成: the two together, no one value of them)
    parts = [among[0]] if among else _parts(table, claim)
    if claim.whole_fact is not None and not among:
        # 新增就业已连续三年保持在4万人以上。…完成省民生工程目标任务（39000人）的130.26%: the part is
        # counted as its written whole is (人), not a span of years
        whole_q = table.fact(claim.whole_fact).q
        parts = [s for s in parts if s.fact.q.kind != "duration" or whole_q.kind == "duration"]
    if claim.whole and _INCREASE_TOTAL.search(labels.strip_scope(claim.whole) or claim.whole):
        # 床位比上年增加4.9万张，增长3.4%，占全国新增床位的11.6%: a share of an increase is of the
        # increase written before it, not of the level
        added = [
            g
            for g in table.around(claim)
            if g.q.end <= claim.q.start and g.role == "change" and not g.down and g.q.kind in AMOUNT_KINDS
        ]
        if added:
            parts = [Scored(added[-1], 1.0, 1.0)]
    # 比重由上年同期的53.8%下降至50.3%: a share in another year is not of this year's values
    parts = [s for s in parts if not claim.period.clashes(s.fact.period)]
    # (甲市…新设户数占全省的31.9% beside | 全省 | 826.4 | 99.1 |: the whole's own row is no part of it)
    parts = [
        s for s in parts if not (claim.whole and s.fact.is_cell and s.fact.subject.strip() == claim.whole)
    ]
    if not parts:
        return  # nothing names what the share is of: not a claim this rule can read
    pairings: list[Pairing] = []
    whole_name = claim.whole
    for part_s in parts[:2]:
        part = part_s.fact
        if bound_only(part):
            continue
        if claim.whole_fact is not None:
            # 机电产品出口2297.1亿元，…约合323.1亿美元，占全国…（12.32万亿元）的1.86%: a part restated in
            # another currency is of a whole in the one it was first written in
            part = _in_currency_of(table, part, table.fact(claim.whole_fact))
        wholes = [Whole((among[1].fact,), 1.0)] if among else _wholes(table, claim, part)
        for whole in wholes:
            if any(w.id == part.id or bound_only(w) for w in whole.facts) and len(whole.facts) == 1:
                continue
            if len(whole.facts) == 1 and _restates(whole.facts[0], part):
                continue  # (978万吨 and the table's | 范围二排放 | … | 978 |: the part itself, not its whole)
            if (
                claim.whole_fact is not None
                and part.q.kind == "count"
                and whole.facts[0].q.kind == "count"
                and (part.q.unit or "") != (whole.facts[0].q.unit or "")
            ):
                continue  # 多惠及21万户，完成年度计划（5.3万个）的101.3%: 户 are no part of 个
            if any(w.q.kind == part.q.kind == "money" and not same_measure(w.q, part.q) for w in whole.facts):
                continue  # 约合323.1亿美元，占全国…（12.32万亿元）的1.86%: 美元 are no part of 元
            if part.q.kind == "money" and any(w.q.kind == "count" for w in whole.facts):
                continue  # 营收220.85亿元，占三家的69.4%: 三家 counts the companies, no sum of money
            pairings.append(
                _pair(claim, part, whole.facts, part_s.score * whole.score, whole.searched, whole.note)
            )
    named = whole_name
    missing = f"缺少分母「{named}」的数值 / the whole ({named}) is not given" if named else _NO_WHOLE
    found = conclude(
        table, RELATION, claim, percent_of(claim), stated_text, pairings, missing=missing, phrase=phrase
    )
    table.push(found)
    if found.verdict == "consistent":
        best = max((p for p in pairings if p.computed.overlaps(percent_of(claim))), key=lambda p: p.score)
        _change_since_last_year(table, claim, best)


# 两类…占, 三项合计占, 二者共占: a share of several things taken together
_OF_SEVERAL = re.compile(
    r"(?:[两二三四五六七八九]|十[一二三四五六七八九]?)(?:类|项|者|家|种|个|地|省|市|国)[^，,。；;\d]{0,8}"
    r"(?:[，,]\s*)?(?:合计|共|总共|一共)?占"
)
_TWO_OF_THEM = re.compile(r"(?:两者|二者|两项|二项)(?P<how>之差|差额|之和|合计|相加|相减)")


def _derived_part(table: FactTable, claim: Fact, phrase: tuple[int, int], stated_text: str) -> bool:
    """常住人口80.2万人，户籍人口35.15万人，…两者之差已占常住人口的一半以上: the part is the difference
    (or the sum) of the two values just named; …分别为218.7万人、97.3万人和36.0万人，合计占…的80.8%: the
    sum of the list just written. Returns whether the claim was read so."""
    head = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    m = _TWO_OF_THEM.search(head)
    # (…分别为25922.2亿元、…（上年三者分别为23878.6亿元、…），合计占…的97.5%: an aside in brackets
    # is no part of the sum)
    before = [
        g
        for g in table.around(claim)
        if g.q.end <= claim.q.start
        and g.role == "level"
        and g.q.kind in AMOUNT_KINDS
        and not bound_only(g)
        and open_bracket(g.text, g.q.start) < 0
    ]
    minus = False
    if m is not None:
        if len(before) < 2 or not same_measure(before[-1].q, before[-2].q):
            return False
        parts = before[-2:]
        minus = m.group("how") in ("之差", "差额", "相减")
    elif _LIST_SUMMED.match(head) and before:
        last = before[-1]
        if last.group is not None:
            parts = table.list_of(last)
        else:
            # (…分别为218.7万人、97.3万人和36.0万人，合计占…: the run of values of the clause before)
            parts = [g for g in before if g.place.clause == last.place.clause == claim.place.clause - 1]
            run = [parts[-1]] if parts else []
            for g in reversed(parts[:-1]):
                if not LIST_SEP.match(g.text[g.q.end : run[0].q.start]):
                    break
                run.insert(0, g)
            parts = run
        if len(parts) < 2 or any(not same_measure(g.q, parts[0].q) or bound_only(g) for g in parts):
            return False
    elif (pair := _two_named(claim, head, before)) is not None:
        parts = list(pair)
    else:
        return False
    a, b = parts[0], parts[-1]
    derived = reading(a) - reading(b) if minus else sum((reading(g) for g in parts[1:]), reading(a))
    derived_v = value(a) - value(b) if minus else sum(value(g) for g in parts)
    pairings = []
    seen: set[int] = set()
    # (the whole may be one of the two: 两者之差占常住人口的…, the part found against either)
    for whole in [w for g in parts for w in _wholes(table, claim, g)]:
        if len(whole.facts) != 1 or whole.facts[0].id in seen or (not minus and whole.facts[0] in parts):
            continue
        w = whole.facts[0]
        seen.add(w.id)
        point = derived_v / value(w) * 100 if value(w) else float("nan")
        written = fmt.shown([*(g.q for g in parts), w.q])
        if len(written) != len(parts) + 1:
            written = [fmt.num(value(f)) for f in (*parts, w)]
        joined = f" {'−' if minus else '+'} ".join(written[:-1])
        pairings.append(
            Pairing(
                (*((g, "部分") for g in parts), (w, "整体")),
                whole.score,
                derived / reading(w) * 100.0,
                point,
                f"({joined})/{written[-1]} = {fmt.pct(point)}",
                "部分为前两数之差" if minus else "部分为所列各数之和",
                fmt.pct(point),
            )
        )
    # (一类和二类合计占78.9% with no whole found: say what is missing, as the other shares do)
    missing = "" if pairings else _NO_WHOLE
    table.push(
        conclude(
            table, RELATION, claim, percent_of(claim), stated_text, pairings, missing=missing, phrase=phrase
        )
    )
    return True


_NO_WHOLE = "缺少分母（占什么的比重）/ the whole is not given"

# 分别为A、B和C，合计占…: the list just written, summed
_LIST_SUMMED = re.compile(r"^\s*(?:三者|两者|二者|以上|上述|各项)?(?:合计|共计|加总|总计)(?:约|共)?占")


# 中央和省级资金占七成以上: two names joined, sharing the noun written once after the second
_TWO_NAMES = re.compile(
    r"^\s*(?P<x>[\u4e00-\u9fff]{1,6}?)(?:和|与|及|、)(?P<y>[\u4e00-\u9fff]{1,10}?)(?:合计|共计|共|两项|二者)?(?:约|合)?占"
)


def _two_named(claim: Fact, head: str, before: list[Fact]) -> tuple[Fact, Fact] | None:
    """中央资金3138万元、省级资金2501万元…，中央和省级资金占七成以上: the part is the sum of the two
    values the clause names, members of a list written before it in the sentence."""
    m = _TWO_NAMES.match(head)
    if m is None:
        return None
    x, y = m.group("x"), m.group("y")
    here = [g for g in before if g.place.sentence == claim.place.sentence]

    def one(name: str) -> Fact | None:
        # (生态质量为一类的23个、二类48个…，一类和二类合计占: or the name its own words end on)
        found = [g for g in here if (g.item or g.subject) and (g.item or g.subject).startswith(name)] or [
            g for g in here if (g.item or g.subject).endswith(name)
        ]
        return found[0] if len(found) == 1 else None

    a, b = one(x), one(y) or one(y[: max(1, len(y) - 2)])
    if a is None or b is None or a.id == b.id or not same_measure(a.q, b.q):
        return None
    return (a, b)


def _change_since_last_year(table: FactTable, claim: Fact, best: Pairing) -> None:
    """…民营企业进出口2.78万亿元，下降2%，占我国外贸总值的42.4%，比去年同期提升1.9个百分点: last year's
    share is the part over the whole, each taken back by its own growth — (2.78/0.98)/(6.57/0.936) =
    40.41% — and the change is this year's share less that."""
    if len(best.inputs) != 2:
        return
    (part, _), (whole, _) = best.inputs
    change = next(
        (
            g
            for g in table.in_sentence(claim.place.sentence)
            if g.q.start > claim.q.end and g.q.is_points and g.role in ("change", "growth")
        ),
        None,
    )
    if change is None or change.place.clause > claim.place.clause + 1 or not change.compare:
        return
    if not change.against_last_year or bound_only(change):
        return
    gp, gw = growth_after(table, part), growth_after(table, whole)
    if gp is None or gw is None or bound_only(gp) or bound_only(gw):
        _change_from_amounts(table, claim, change, part, whole)
        return
    fp = reading(gp) * ((-1.0 if gp.down else 1.0) / 100.0) + 1.0
    fw = reading(gw) * ((-1.0 if gw.down else 1.0) / 100.0) + 1.0
    now = reading(part) / reading(whole) * 100.0
    computed = now * (1.0 - fw / fp)
    vp = 1 + (-1 if gp.down else 1) * value(gp) / 100
    vw = 1 + (-1 if gw.down else 1) * value(gw) / 100
    share_now = value(part) / value(whole) * 100
    last = share_now * vw / vp
    point = share_now - last
    sp, sw = fmt.shown([part.q, whole.q])
    pairing = Pairing(
        ((part, "部分"), (gp, "部分增速"), (whole, "整体"), (gw, "整体增速")),
        0.9,
        computed,
        point,
        f"{fmt.pct(share_now)} − ({sp}/{fmt.num(vp)})/({sw}/{fmt.num(vw)}) = "
        f"{fmt.pct(share_now)} − {fmt.pct(last)} = {fmt.num(point, 2)}个百分点",
        "上年比重由部分和整体各自的增速倒推 / last year's share from the part's and the whole's growth",
        f"{fmt.num(point, 2)}个百分点",
    )
    _push_change(table, change, pairing)


def _change_from_amounts(table: FactTable, claim: Fact, change: Fact, part: Fact, whole: Fact) -> None:
    """城镇常住人口91425万人，比上年末增加1205万人；…城镇化率为64.72%，比上年末提高0.83个百分点 (the
    total 141260万人 up 48万人): last year's share is (91425 − 1205)/(141260 − 48)."""
    dp, dw = change_after(table, part), change_after(table, whole)
    if dp is None or dw is None or bound_only(dp) or bound_only(dw):
        return
    kp, kw = (-1.0 if dp.down else 1.0), (-1.0 if dw.down else 1.0)
    now = reading(part) / reading(whole) * 100.0
    before = (reading(part) - reading(dp) * kp) / (reading(whole) - reading(dw) * kw) * 100.0
    computed = now - before
    share_now = value(part) / value(whole) * 100
    last = (value(part) - kp * value(dp)) / (value(whole) - kw * value(dw)) * 100
    point = share_now - last
    sp, sdp, sw, sdw = fmt.shown([part.q, dp.q, whole.q, dw.q])
    pairing = Pairing(
        ((part, "部分"), (dp, "部分增减"), (whole, "整体"), (dw, "整体增减")),
        0.9,
        computed,
        point,
        f"{fmt.pct(share_now)} − ({sp}{'−' if kp > 0 else '+'}{sdp})/({sw}{'−' if kw > 0 else '+'}{sdw}) = "
        f"{fmt.pct(share_now)} − {fmt.pct(last)} = {fmt.num(point, 2)}个百分点",
        "上年比重由部分和整体各自的增减量倒推 / last year's share from the part's and the whole's changes",
        f"{fmt.num(point, 2)}个百分点",
    )
    _push_change(table, change, pairing)


def _push_change(table: FactTable, change: Fact, pairing: Pairing) -> None:
    """The points a share moved (比去年同期提升1.9个百分点) against last year's share worked back."""
    at = change.text.rfind("比", max(0, change.q.start - 10), change.q.start)
    phrase = (at if at >= 0 else change.q.start, change.q.end)
    push_number(table, "pp_change", change, [pairing], phrase, signed=True)


def _phrase(table: FactTable, claim: Fact) -> tuple[int, int]:
    ctx = claim.text.rfind("占", max(0, claim.q.start - 30), claim.q.start)
    for word in ("占", "比重", "是", "相当于", "恢复"):
        at = claim.text.rfind(word, max(0, claim.q.start - 30), claim.q.start)
        if at >= 0 and not re.search(r"[，,。；;]", claim.text[at : claim.q.start]):
            ctx = at if ctx < 0 else min(ctx, at) if word == "占" else ctx if ctx >= 0 else at
    if ctx < 0 or re.search(r"[，,。；;]", claim.text[ctx : claim.q.start]):
        ctx = claim.q.start
    end = claim.q.end
    if claim.group is not None and "分别" in claim.text[max(0, ctx - 3) : claim.q.start]:
        # 比重分别为46.4%和48.6%: a 分别 list is read, and shown, whole
        end = max(end, *(g.q.end for g in table.list_of(claim)))
    return ctx, end


def _parts(table: FactTable, claim: Fact) -> list[Scored]:
    if claim.target is not None:
        return [Scored(table.fact(claim.target), 1.0, 1.0)]
    if (after := _after_a_multiple(table, claim)) is not None:
        return [Scored(after, 0.95, 0.95)]
    if re.match(r"\s*其", claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]):
        # 居民医保当期结存519.41亿元，其支出占基本医保总支出的35.8%: 其 is 居民医保, its 支出 the part
        its = thing_of_the_clause_before(table, claim, AMOUNT_KINDS)
        if its:
            return its
    # (按3900万头的正常保有量衡量…；能繁母猪占生猪存栏的比重为9.7%: a value named by the words after
    # it, V的正常保有量, is that thing — not the part a later share speaks of)
    named_after = {
        g.id
        for g in table.around(claim)
        if g.q.end <= claim.q.start and re.match(r"\s*的[\u4e00-\u9fff]{2,}", g.text[g.q.end : g.q.end + 8])
    }
    averages = []
    whole = table.fact(claim.whole_fact) if claim.whole_fact is not None else None
    if whole is not None and not labels.PER_UNIT.search(claim.whole + whole.own + whole.qualifier_words):
        # (合计57.8亿元，日均约0.96亿元，占…执行到位总额213.5亿元的27.1%: a daily average is no part of
        # a total that is not itself per day; the total it was taken from is)
        averages = [
            g
            for g in table.around(claim)
            if g.q.end <= claim.q.start
            and g.role == "level"
            and labels.PER_UNIT.search(g.own + g.qualifier_words)
        ]
        named_after |= {g.id for g in averages}
    if (of_which := _of_which_total(table, claim)) is not None and claim.item:
        named_after.add(of_which.id)  # (…合计253.45万吨，…其中海洋捕捞…分别占80.3%: that total is the whole)
    named_after |= compared_with(table, claim)
    if not _AN_INCREMENT.search(claim.whole):
        # (北通道占外送总量的39.8%，…；北通道增量68.5亿千瓦时: the increase of a thing is no part of a
        # whole that is not itself an increase)
        named_after |= {g.id for g in table.around(claim) if _AN_INCREMENT.search(g.own)}
    found = current_of(table, claim, AMOUNT_KINDS | {"duration"}, exclude=named_after)
    if (
        of_which is not None
        and claim.own
        and found
        and found[0].fact.is_cell
        and not same_measure(found[0].fact.q, of_which.q)
    ):
        # (全省四类建筑火灾共21342起，其中住宅占74.2%: the 住宅 row's cell in 起, the total's unit, not
        # its deaths)
        cell = found[0].fact
        alike = [
            c
            for c in table.cells()
            if (c.place.table, c.place.row) == (cell.place.table, cell.place.row)
            and c.role == "level"
            and same_measure(c.q, of_which.q)
        ]
        found = [Scored(alike[0], found[0].score, found[0].likeness)] if len(alike) == 1 else []
    if not found and averages and averages[-1].place.sentence == claim.place.sentence:
        avg = averages[-1]
        total = [
            g
            for g in table.around(claim)
            if g.q.end <= avg.q.start
            and g.place.sentence == avg.place.sentence
            and g.role == "level"
            and g.q.kind == avg.q.kind
            and g.q.unit == avg.q.unit
            and g.id not in named_after
        ]
        if total and total[-1].place.clause >= avg.place.clause - 1:
            found = [Scored(total[-1], 0.9, 0.9)]
    if len(found) > 1 and all(s.fact.is_cell for s in found[:2]):
        # (批准总量中，变更注册占38.5%，首次注册占22.3%: the row whose whole name the clause writes, though
        # 首次 is dropped from the subject as an adverb would be)
        clause = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]

        def name(f: Fact) -> str:
            return re.sub(r"^其中[：:、]?", "", f.subject)

        written = [s for s in found if len(name(s.fact)) >= 2 and name(s.fact) in clause]
        longest = max((len(name(s.fact)) for s in written), default=0)
        written = [s for s in written if len(name(s.fact)) == longest]  # (登记离婚, not 离婚)
        if len({name(s.fact) for s in written}) == 1:
            found = written
    if found and found[0].fact.q.kind == "count":
        # (农村低保5790户16723人…。农村低保对象占67.3%: the thing counted twice, in 户 and in 人 — the
        # share may be of either)
        first = found[0].fact
        twin = [
            g
            for g in table.around(first)
            if g.q.kind == "count"
            and g.id != first.id
            and (g.q.unit or "") != (first.q.unit or "")
            and re.fullmatch(
                r"\s*[、，,]?\s*", g.text[min(g.q.end, first.q.end) : max(g.q.start, first.q.start)]
            )
        ]
        if len(twin) == 1:
            found = [found[0], Scored(twin[0], found[0].score, found[0].likeness), *found[1:]]
    if len(found) > 1 and all(s.fact.is_cell and s.fact.place.row == found[0].fact.place.row for s in found):
        # (| 东岭镇 | 28 | 3860 | 12 |…; 东岭镇收入占全县的28.0%: of a row's cells, the column whose name
        # ends with what the claim measures — 集体经济收入, not 经营性收入50万元以上的村, a count of villages)
        ending = [s for s in found if len(s.fact.header) >= 2 and s.fact.header[-2:] in claim.own]
        found = ending or found
    of_total = _of_which_total(table, claim)
    if of_total is not None and found and found[0].fact.role == "level":
        # 征地移民补偿由5.60亿元增至11.22亿元，增加5.62亿元；…增加3.71亿元；…增加1.55亿元。三项合计10.88亿元，
        # 其中征地移民补偿占51.7%: a total that sums the increases is of each item's increase
        own = claim.own or claim.subject
        named = [g for g in _changes_summed(table, of_total) if own and name_likeness(own, g) >= 0.6]
        if len(named) == 1:
            found = [Scored(named[0], 1.0, 1.0)]
    if found and found[0].fact.is_cell and labels.TOTAL_ROW.fullmatch(found[0].fact.subject):
        # (私人桩占比68.2% under | 近郊区 | … | 8.96 | … | 合计 | … | 19.75 |: a share that names a column
        # and no row is of the column's total, not of a row the claim does not name)
        clause = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
        top = found[0].fact
        found = [
            s
            for s in found
            if s.fact is top
            or not (s.fact.is_cell and s.fact.place.table == top.place.table and s.fact.subject not in clause)
        ]
    if not labels.PER_SUM.match(claim.subject):
        # (按工业增加值占地区生产总值29.3%推算: 万元工业增加值用水量 is water per 万元 of it, no part of it)
        found = [s for s in found if not (s.fact.is_cell and labels.PER_SUM.match(s.fact.own))]
    return found


def _among(table: FactTable, claim: Fact) -> tuple[Scored, Scored] | None:
    """41个大类行业中有26个行业…，占比超过六成: the count after 中有 of the count before it."""
    same = [g for g in table.around(claim) if g.q.end <= claim.q.start]
    text = claim.text
    for i in range(len(same) - 1, 0, -1):
        part, whole = same[i], same[i - 1]
        between = text[whole.q.end : part.q.start]
        if not _AMONG.search(between) or len(between) > 12:
            continue
        after = text[part.q.end : claim.q.start]
        if re.search(r"[；;。]", after) or len(after) > 24:
            continue
        if whole.q.kind != part.q.kind or not same_measure(whole.q, part.q):
            continue
        if any(
            part.q.end <= g.q.start and g.q.kind in AMOUNT_KINDS and not same_measure(g.q, part.q)
            for g in same
        ):
            # (23个产煤省份中，8个省份产量不足千万吨，合计仅4407.0万吨，占0.95%: a share after an amount of
            # theirs is of that amount, not of the count)
            continue
        return Scored(part, 1.0, 1.0), Scored(whole, 1.0, 1.0)
    return None


@dataclass(frozen=True)
class Whole:
    facts: tuple[Fact, ...]  # one value, or the parts of a complete list that add up to it
    score: float
    searched: bool = False  # found by its name (not written in the phrase or given by the structure)
    note: str = ""  # why this whole (the stated total disagrees with its parts)


def _province_named(table: FactTable, claim: Fact, name: str) -> str | None:
    """The place a 全省/全市/全区 whole is of: the one its sentence names last before the claim."""
    if not re.match(r"全(?:省|市|区|县|州)", name):
        return None
    sentence = table.sentences[claim.place.sentence]
    head = claim.text[sentence.start : claim.q.start]
    named = [(head.rfind(p), p) for p in labels.PLACES if p in head and not p.startswith(("全", "我"))]
    return max(named)[1] if named else None


# 若改以全国一般公共预算收入219702亿元为分母 / 拿全社会用电量（9.85万亿千瓦时）作分母: the whole named as such
_DENOMINATOR = re.compile(r"(?:以|拿|用|按)(?P<whole>[^。；;]{2,40}?)(?:为|作|作为|当)分母")


def _named_denominator(table: FactTable, claim: Fact, part: Fact) -> Fact | None:
    sentence = table.sentences[claim.place.sentence]
    said = last_match(_DENOMINATOR, claim.text[sentence.start : claim.q.start])
    if said is None:
        return None
    lo, hi = sentence.start + said.start("whole"), sentence.start + said.end("whole")
    inside = [
        g
        for g in table.around(claim)
        if lo <= g.q.start < hi and same_measure(g.q, part.q) and not bound_only(g)
    ]
    return inside[-1] if len(inside) == 1 else None


def _wholes(table: FactTable, claim: Fact, part: Fact) -> list[Whole]:
    if (denominator := _named_denominator(table, claim, part)) is not None:
        return [Whole((denominator,), 1.0)]
    found = _named_wholes(table, claim, part)
    # (篮球场地117.86万个…。篮球场地占全部场地的24.3%: the value the claim names as the part is no whole;
    # a sum of the list it is in may be)
    found = [
        w
        for w in found
        if not (
            len(w.facts) == 1
            and (w.facts[0].id == part.id or (claim.own and w.facts[0].label() == claim.own))
        )
    ]
    if not _at_the_start(table, part):
        # (年初，该社各项贷款余额82.41亿元。…涉农贷款余额71.08亿元，占各项贷款的82.1%: a stock at the
        # start of the year is no whole of one now)
        found = [w for w in found if not any(_at_the_start(table, f) for f in w.facts)]
    if part.is_cell:
        # (| 近郊区 | 3.15 | 8.96 | … | 合计 | 9.22 | 19.75 |: a cell's whole is in its row or its column,
        # never another row's other column)
        found = [w for w in found if not any(_across(f, part) for f in w.facts)]
    # (回收汽车280.1万辆，占回收总量的90.8%，相当于去年全年…回收量846万辆的33.1%: a value another share
    # writes in its own phrase as its whole is that share's, not the whole of one naming another)
    theirs = {
        g.whole_fact
        for g in table.around(claim)
        if g.id != claim.id and g.whole_fact is not None and g.whole and g.whole != claim.whole
    }
    found = [
        w for w in found if not (len(w.facts) == 1 and w.facts[0].id in theirs and claim.whole_fact is None)
    ]
    if not PLANNED.search(claim.whole) and not PLANNED.search(part.label()):
        # (土地出让收入89537.62万元，占基金收入的90.97% … 全年基金收入预计完成112000万元: a forecast, a
        # budget or a target is no whole of what was done, unless the share names one: 完成年初预算的)
        found = [w for w in found if not any(PLANNED.search(f.label()) for f in w.facts)]
    own = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    total = _of_which_before(table, claim)
    if found and total is None and claim.whole and claim.whole not in own and claim.whole_fact is None:
        # (新能源汽车保有量3140万辆，占汽车总量的8.90%；纯电动汽车2209万辆，约占七成: a whole carried from
        # the share before may be it, or the larger like value its sentence gave before the part)
        larger = [
            g
            for g in table.around(claim)
            if g.place.sentence == claim.place.sentence
            and g.q.end <= part.q.start
            and g.role == "level"
            and same_measure(g.q, part.q)
            and not bound_only(g)
            and value(g) > value(part)
            and not g.period.clashes(part.period)
            and _can_hold(g, part, claim)
        ]
        if larger:
            found = [*found, Whole((larger[-1],), max((w.score for w in found), default=0.9))]
    if (
        total is not None
        and total.id != part.id
        and (total.q.kind, total.q.unit) == (part.q.kind, part.q.unit)
        and value(total) > value(part)
    ):
        # (…约占全国退税减税约2.5万亿元的12%；其中退税、减免税分别约1800亿元和1200亿元，分别占60%和40%
        # — of the 3000 其中 points back to — but …民生支出573.1亿元，占支出的比重超过八成；其中教育…
        # 分别占20.0%和8.6% — of all 支出 still): a bare 占 after 其中 may be of either
        found = [*found, Whole((total,), max((w.score for w in found), default=0.9))]
    return found


_TOTAL_ROW_NAME = re.compile(r"^\s*(?:合计|总计|全部|总额|总量)\s*$")
# a row's name that holds a total (合计, 全国 but not 全国性…): the whole of its column
_TOTALS = re.compile(r"合计|总计|全国(?!性)|总体|全部")


def _of_which_before(table: FactTable, claim: Fact) -> Fact | None:
    """The value a 其中 earlier in the claim's sentence points back to, when the claim's whole is only
    carried from a share before (its own clause names none)."""
    if not claim.whole or claim.whole_fact is not None:
        return None
    sentence = table.sentences[claim.place.sentence]
    own = claim.text[clause_start(claim.text, claim.q.start) : claim.q.start]
    at = claim.text.rfind("其中", sentence.start, claim.q.start)
    if claim.whole in own or at < 0:
        return None
    # (约占全国…约2.5万亿元的12%；其中…: 其中 is of the 3000, not of that whole)
    wholes = {g.whole_fact for g in table.around(claim) if g.whole_fact is not None}
    return _level_before(table, claim, at, lambda g: g.id not in wholes)


def _level_before(table: FactTable, claim: Fact, at: int, keep: Callable[[Fact], bool]) -> Fact | None:
    """The last amount written as a level before ``at`` in the claim's sentence that ``keep`` keeps:
    the total a 其中 there points back to."""
    # (累计客流量760.1万人次，比上年同期的640.5万人次增长…，其中A市占42.9%: a comparison's base is no total)
    bases = other_bases(table, claim) | compared_with(table, claim)
    before = [
        g
        for g in table.around(claim)
        if g.place.sentence == claim.place.sentence
        and g.q.end <= at
        and g.role == "level"
        and g.q.kind in AMOUNT_KINDS
        and g.id not in bases
        and keep(g)
    ]
    return before[-1] if before else None


# 该港, 该市, 本企业, 其: the thing the sentence spoke of, named again
_THIS_ONE = re.compile(r"(?:该|本|其)(?:港|市|省|县|区|企业|公司|行|厂|校|院|园区|地)?(?=[\u4e00-\u9fff]{2})")


def _named_wholes(table: FactTable, claim: Fact, part: Fact) -> list[Whole]:
    if claim.whole_fact is not None:
        return [Whole((table.fact(claim.whole_fact),), 1.0)]  # written in the phrase: 占…32.16万亿元的
    name = claim.whole
    if name and (this := _THIS_ONE.match(name)) is not None:
        # (东海港完成外贸2150万吨，占该港吞吐量的52.2%: 该港 is the row the sentence opens with, its value
        # in the column the rest names — not the table's 合计)
        rows = [
            f
            for f in opening_rows(table, claim)
            if labels.likeness_of(name[this.end() :], f.header) >= 0.5 and f.id != part.id
        ]
        return [Whole((rows[0],), 0.95)] if len(rows) == 1 else []
    period = part.period.as_filter()
    if name and period is not None and period.months is not None and _A_YEARS_AIM.search(name):
        # 1—10月完成投资5.8亿元，占年度目标的92.4%: the target is the whole year's, of the part's year
        period = replace(period, months=None, end=False)
    if name and _INCREASE_TOTAL.search(name):
        # 占全国夏粮增产总量的60%: the total of an increase is the whole thing's own increase (夏粮总产量
        # 比上年增加312万吨), the largest such change — not one cause of it (因单产提高增产262万吨)
        thing = _INCREASE_TOTAL.sub("", labels.strip_scope(name))
        changes = [
            f
            for f in table.facts
            if f.role == "change"
            and not f.down
            and not bound_only(f)
            and same_measure(f.q, part.q)
            and (period is None or not f.period.clashes(period))
            and (f.value or 0.0) >= (part.value or 0.0)
            and f.id != part.id
            and labels.likeness_of(thing, f.label()) >= 0.6
        ]
        if changes:
            return [Whole((max(changes, key=lambda f: f.value or 0.0),), 0.9, True)]
    if name and _MEAN.fullmatch(name.strip().strip("的")) and "中位数" in part.label():
        # 人均可支配收入中位数12186元…，中位数是平均数的86.7%: the mean is the same indicator without
        # 中位数 (人均可支配收入14063元), for the same people and period
        indicator = part.label().replace("中位数", "")
        found = candidates(
            table,
            claim,
            indicator,
            like=part,
            period=period,
            exclude={part.id},
            accept=lambda f: "中位数" not in f.label() and same_measure(f.q, part.q) and not bound_only(f),
            min_likeness=0.75,
        )
        return [Whole((s.fact,), s.score, True) for s in _rank(found)[:1]]
    m = _WHOLE_PERIOD.match(name) if name else None
    if m:
        # 恢复至2019年的93.9%: the same value in another year
        year = int(m.group(1)) if m.group(1) else (part.period.year - 1 if part.period.year else None)
        if year is None:
            return []
        found = candidates(table, claim, part.subject, like=part, period=Period(year=year), exclude={part.id})
        return [Whole((s.fact,), s.score, True) for s in found if s.likeness >= 0.5]
    if name and _only_place(name):
        # 占全国的2.4%: the same thing counted for the whole country (or world, province, city)
        place = name.strip().strip("的")
        found = candidates(
            table,
            claim,
            part.subject,
            like=part,
            period=period,
            exclude={part.id},
            accept=lambda f: _can_hold(f, part, claim) and _names_place(f, place),
            min_likeness=0.5,
        )
        return [Whole((s.fact,), s.score, True) for s in found]
    if name and labels.only_a_total(name):
        if part.parent is not None and value(table.fact(part.parent)) > value(part):
            # (共接收处理86.63万件，其中投诉53.68万件、…，分别占总量的61.97%…: the total 其中 points to)
            return [Whole((table.fact(part.parent),), 0.95)]
        # 在全国总量中的比重, 占同期总额的: the total of the part's own indicator, the largest of the
        # values named like the part
        found = candidates(
            table,
            claim,
            part.subject,
            like=part,
            period=period,
            exclude={part.id},
            accept=lambda f: (
                _can_hold(f, part, claim)
                and (f.value or 0.0) > (part.value or 0.0)
                and not _share_of(table, f, name, claim)
                and not later_passage(f, claim)
            ),
            min_likeness=0.45,
        )
        top = max((s.fact.value or 0.0 for s in found), default=0.0)
        return [Whole((s.fact,), s.score, True) for s in _rank(found) if s.fact.value == top]
    if name and labels.strip_whole(name).strip("的全国球部体") and not _only_place(name):
        found = candidates(
            table,
            claim,
            labels.strip_scope(name),
            like=part,
            period=period,
            exclude={part.id},
            accept=lambda f: (
                _can_hold(f, part, claim)
                and not bound_only(f)  # (浙江规模首次突破5万亿元: a bound is no whole)
                and not _share_of(table, f, name, claim)
                and not in_aside(table, f)
                # (占入境外国人的73.1% is not of 外国人出入境: a part's name is no whole's — nor of the
                # whole the value is 其中 of)
                and not labels.opposed(name, _with_its_whole(table, f))
            ),
            min_likeness=0.45,
        )
        whole_words = labels.strip_scope(name)
        # 占全国全口径发电量的: a statistical scope in the whole's name (全口径, 规模以上, 限额以上) is a
        # different figure from the one without it (统计局's 发电量 is of 规模以上 plants)
        scopes = [w for w in _SCOPES if w in labels.expanded(name)]
        found = [s for s in found if all(w in labels.expanded(s.fact.label()) for w in scopes)]
        # (2022年…，其中投诉53.68万件、举报26.16万件…。…约占当年投诉举报总量的三分之二: a value that names
        # a small part of the whole's name is no whole of it; nor is a later paragraph's)
        found = [
            s
            for s in found
            if not later_passage(s.fact, claim) and not _names_a_part_of(table, s.fact, whole_words)
        ]
        exact = [s for s in found if labels.coverage(whole_words, s.fact.label()) >= 1.0]
        if exact:
            # 占全部卫生技术人员的: a value that carries every word of the whole's name is it; one
            # that lacks some (卫生人员, without 技术) is another, broader figure
            found = exact
        if (here := _province_named(table, claim, name)) is not None:
            # 浙江规模首次突破5万亿元，其中出口3.90万亿元…，出口占全省进出口的74.1%: 全省 is the
            # province the sentence speaks of, not the largest province of the text
            mine = [s for s in found if here in s.fact.label()]
            if not mine:
                # (江苏进出口5.62万亿元，浙江5.26万亿元: a list's later item names only its place — or
                # its place and the measure it shares with the item before)
                names = (here, here + whole_words)
                mine = [
                    s
                    for query in names
                    for s in candidates(
                        table,
                        claim,
                        query,
                        like=part,
                        period=period,
                        exclude={part.id},
                        accept=lambda f: (
                            _can_hold(f, part, claim) and not bound_only(f) and f.label() in names
                        ),
                        min_likeness=0.9,
                    )
                ]
            found = mine or found
        if re.search(r"总数|总量|总额|总计|合计", name):
            # 占全省博物馆总数的: a whole named as the total is a table's 合计 row, before any row whose
            # name only resembles it (国有博物馆)
            totals = {
                c.id: Scored(c, s.score + 0.1, s.likeness)
                for s in found
                if s.fact.is_cell
                for c in table.cells()
                if (c.place.table, c.place.col) == (s.fact.place.table, s.fact.place.col)
                and _TOTAL_ROW_NAME.search(c.subject)
                and c.id != part.id
                and same_measure(c.q, part.q)
            }
            found = [*totals.values(), *(s for s in found if s.fact.id not in totals)]
        if re.match(r"全[市省国区县]", name):
            # (占全市进出口总值的16.3%: not | 一般贸易 | 3232.7 |, a row named by one of its parts)
            found = [
                s
                for s in found
                if not (
                    s.fact.is_cell and not _TOTALS.search(s.fact.subject) and name[:2] not in s.fact.subject
                )
            ]
        if (labels.names_whole(name) or labels.strip_scope(name) != name) and found:
            # A whole named as a total (发行总额, 全部收入) or as its territory's (全市投资) is the
            # largest of the values so named.
            top = max(s.fact.value or 0.0 for s in found)
            found = [
                Scored(s.fact, s.score + (0.1 if s.fact.value == top else 0.0), s.likeness) for s in found
            ]
        named = [Whole((s.fact,), s.score, True) for s in _rank(found)]
        if named or not _scope_only(name, part):
            return named
        # 全行业收入 for …服务收入, and no value so named: the whole of what the part belongs to
    # No whole named, or only as 全行业/全国/全部: the total the part is 其中 of, the total stated
    # for the part's list, the sum of a complete list of complements, a table's 合计 row.
    wholes: list[Whole] = []
    of_which = None if name else _of_which_total(table, claim)
    if (
        of_which is not None
        and of_which.id != part.id
        and (claim.item or (claim.own and part.is_cell))
        and same_measure(of_which.q, part.q)
    ):
        return [Whole((of_which,), 0.95)]
    if not name and (total := _total_opening(table, claim, part)) is not None:
        # 地方债合计发行85457亿元，再融资占比接近一半: a total the claim's own sentence opens with is
        # the whole its bare 占比 is of — unless that total is itself a share of a whole named (四者合计
        # 2859.8亿元，占同期全市进出口的49.7%；其中东盟占17.6%: of either; 四国合计1119.3亿元（占80.7%），
        # 其中越南412.7亿元（占29.8%）: of either, as the unnamed whole of the total's own 占 may be)
        if _named_share_of(table, total, claim) or _bare_share_of(table, total, claim):
            return []
        return [Whole((total,), 0.95)]
    outer = _outermost(table, part) if name else None
    if outer is not None:
        # 信息技术服务中，云服务…占全行业收入的: 全行业 is the whole industry, not the 信息技术服务 the
        # part is 其中 of — the total of the list that 信息技术服务 belongs to
        part = outer
    elif part.parent is not None and not (name and _share_of(table, table.fact(part.parent), name)):
        # (可再生能源发电量1.56万亿千瓦时，约占全部发电量的35.1%；其中，风电太阳能…约占全部发电量的20%:
        # the total the part is 其中 of is itself a share of the whole named, not that whole)
        if not name and _bare_share_of(table, table.fact(part.parent)):
            # 60岁及以上人口31031万人，占22.0%，…其中65岁及以上22023万人，占15.6%: the parent's bare 占
            # and the part's are of one unnamed whole (the population), not one of the other
            return []
        if (
            not name
            and labels.AGE_BAND.search(part.label())
            and labels.AGE_BAND.search(table.fact(part.parent).label())
        ):
            # (60岁及以上人口31031万人，其中65岁及以上人口22023万人，占15.6%: an age band's bare 占 is of
            # the whole population, as a bulletin's every age share is, not of the band it lies in)
            return []
        wholes.append(Whole((table.fact(part.parent),), 0.95))
    group = table.list_of(part) or _targets(table, claim)
    total = _list_total(table, group) if group else None
    if total is not None and not name and _named_share_of(table, total, claim):
        return []  # (a list's total that is itself a share of a whole named, as above)
    if total is not None:
        # (…分别有72个、58个和34个，其他地区22个，合计186个: the rest written after the list is summed too)
        full = [*group, *rest_of_list(table, group, total)]
        listed = [g for g in full if not bound_only(g)]
        summed = None
        if len(listed) == len(full):
            summed = reading_sum(listed)
        if summed is not None and not summed.overlaps(reading(total)):
            # 四大领域合计112488亿元 where the four add up to 123258: the total is itself wrong (the
            # sum rule says so); the shares of the list are of what the list adds up to
            wholes.append(Whole(tuple(full), 0.9, note=f"所写合计{total.q.text}与之不符"))
        else:
            wholes.append(Whole((total,), 0.9))
    if group and labels.complement_parts([g.item or g.subject for g in group]) is not None:
        wholes.append(Whole(tuple(group), 0.9))
    sentence = table.sentences[part.place.sentence]
    if part.parent is None and _GROUP_OPENING.match(part.text, sentence.start, part.q.start):
        # 直接就业（已落实人数减去升学人数）的毕业生中，在沪就业2469人，占44.0%: the whole is the group
        # the sentence opens with, whose number is not written — not a table's 合计 row
        return wholes
    before = _summed_before(table, group) if group and not wholes else None
    if before is not None:
        # 全县共搬迁1826户…，分别为1203户和623户，分别占65.9%和34.1%: the value written before the
        # list that the list's parts add up to is the whole they are shares of — before any table's
        # 合计 row (游泳场地3288个，…分别为1779个、1412个和97个，分别占…)
        return [Whole((before,), 0.9)]
    row = _row_opening(table, part)
    if row is not None:
        # 黑龙江蓄积量是我省的4.7倍，其中天然林蓄积164338万立方米，占89.0%: of the table's 黑龙江 row,
        # not of its 合计
        return [*wholes, Whole((row,), 0.9)]
    for s in _total_rows(table, claim, part):
        if all(_can_hold(s.fact, g) for g in group):
            # (蔚来、奥动分别为2716座和825座，分别占61.1%和18.6%, before a table of five provinces whose
            # 合计 is 2211座: a 分别 list's shares are of one whole, which holds every member)
            wholes.append(Whole((s.fact,), s.score))
    return wholes


def _row_opening(table: FactTable, part: Fact) -> Fact | None:
    """The table cell a sentence that opens with a table row's name (黑龙江…，其中…) holds the whole of
    a part after its 其中 in: the row's cell in the column that measures what the part does."""
    sentence = table.sentences[part.place.sentence]
    at = part.text.rfind("其中", sentence.start, part.q.start)
    if at < 0 or part.is_cell:
        return None
    opening = part.text[sentence.start : at].lstrip()
    cells = [
        c
        for c in table.cells()
        if len(c.subject.strip()) >= 2
        and opening.startswith(c.subject.strip())
        and not _TOTALS.search(c.subject)
        and same_measure(c.q, part.q)
        and value(c) > value(part)
    ]
    scored = [(labels.likeness_of(part.subject, c.header), c) for c in cells]
    best = max(scored, key=lambda x: x[0], default=None)
    return best[1] if best is not None and best[0] >= 0.3 else None


_A_YEARS_AIM = re.compile(r"(?:年度|全年|当年|本年)[^，,。；;]{0,4}?(?:目标|计划|任务|预算)")


def _names_a_part_of(table: FactTable, f: Fact, whole: str) -> bool:
    """其中投诉53.68万件、举报26.16万件… against 投诉举报总量: a whole named by two listed items together
    is neither of them."""
    name = f.subject.strip()
    core = re.sub(r"^(?:当年|全年|同期|本年|年度)|(?:总量|总额|总值|总数|总和|总计|合计|总体)$", "", whole)
    if f.is_cell or len(name) < 2 or name not in core or len(name) >= len(core):
        return False
    rest = core.replace(name, "", 1)
    return any(g.subject.strip() == rest for g in table.in_sentence(f.place.sentence) if g.id != f.id)


def _restates(w: Fact, part: Fact) -> bool:
    """The same figure written twice — in the prose and in its table's row."""
    return (
        w.is_cell != part.is_cell
        and w.q.value is not None
        and part.q.value is not None
        and abs(w.q.value - part.q.value) <= 1e-9 * max(1.0, abs(part.q.value))
        and same_measure(w.q, part.q)
    )


def _of_which_total(table: FactTable, claim: Fact) -> Fact | None:
    """海洋捕捞、淡水捕捞和远洋渔业合计253.45万吨，…，其中海洋捕捞和远洋渔业分别占80.3%和16.2%: the value
    a share's own clause points back to with 其中, written earlier in its sentence."""
    start = clause_start(claim.text, claim.q.start)
    if claim.whole or not re.match(r"\s*其中", claim.text[start : claim.q.start]):
        return None
    # (…分别为2150万元、860万元、470万元和200万元，其中乡村振兴占58.4%: not a member of the list, the
    # total it breaks down)
    return _level_before(
        table,
        claim,
        start,
        lambda g: (
            g.group is None
            and not re.search(r"[、和及与]\s*$", g.text[max(0, g.q.start - 2) : g.q.start])
            # (累计客流量760.1万人次，…，日均152.0万人次，其中A市占42.9%: of the total, not the average)
            and not labels.PER_UNIT.search(g.own + g.qualifier_words)
        ),
    )


def _in_currency_of(table: FactTable, part: Fact, whole: Fact) -> Fact:
    """``part``, or the value of the same thing its passage gave before it in ``whole``'s currency."""
    if part.q.kind != "money" or whole.q.kind != "money" or same_measure(part.q, whole.q):
        return part
    earlier = [
        g
        for g in table.near(part)
        if g.id < part.id
        and g.place.passage == part.place.passage
        and g.role == "level"
        and g.subject == part.subject
        and same_measure(g.q, whole.q)
    ]
    return earlier[-1] if earlier else part


def _summed_before(table: FactTable, group: list[Fact]) -> Fact | None:
    first = min(group, key=lambda g: g.id)
    if any(bound_only(g) or not same_measure(g.q, first.q) for g in group):
        return None
    summed = reading_sum(group)
    # (全省跨境人民币结算量6218.7亿元。经常项目、资本项目分别为2791.2亿元和3427.5亿元，经常项目占55.1%: in
    # the list's sentence or the one before it)
    found = [
        f
        for f in table.facts[max(0, first.id - 2 * SPAN) : first.id]
        if f.place.passage == first.place.passage
        and f.place.sentence >= first.place.sentence - 1
        and f.role == "level"
        and same_measure(f.q, first.q)
        and not bound_only(f)
        and summed.overlaps(reading(f))
    ]
    return found[-1] if len(found) == 1 else None


_GROUP_OPENING = re.compile(r"\s*(?:在)?[^，,。；;\d]{2,40}?中[，,：:]")


def _scope_only(name: str, part: Fact) -> bool:
    """全行业收入, 全部收入 for a part named …收入: the whole named only by its scope, the rest being
    the part's own measure (the whole of what the part is a part of)."""
    rest = labels.strip_whole(name).strip("的")
    return labels.names_whole(name) and bool(rest) and rest in part.label()


def _outermost(table: FactTable, part: Fact) -> Fact | None:
    """The value a part is 其中 of, climbed to the top, when that top belongs to a list (信息技术服务,
    one of the four fields): a whole named as 全行业/全部 is of that list. None when the part is
    其中 of nothing, or of a value in no list (then that value is the whole, as before)."""
    if part.parent is None:
        return None
    top = table.fact(part.parent)
    while top.parent is not None:
        top = table.fact(top.parent)
    return top if table.list_of(top) else None


def _targets(table: FactTable, claim: Fact) -> list[Fact]:
    """男性7.23亿人、女性6.88亿人，分别占48.76%和51.24%: the values a 分别 list of shares points
    back to are the parts, listed together, even though no 分别 stands among them."""
    shares = table.list_of(claim)
    if len(shares) < 2 or any(g.target is None for g in shares):
        return []
    parts = [table.fact(g.target) for g in shares if g.target is not None]
    return parts if len({p.id for p in parts}) == len(parts) else []


def _only_place(name: str) -> bool:
    return bool(re.fullmatch(r"(?:全国|全球|全省|全市|世界|全世界)", name.strip()))


def _list_total(table: FactTable, group: list[Fact]) -> Fact | None:
    """四大领域合计123258亿元 / 三者合计…: the total written right after a list."""
    last = group[-1]
    for f in table.around(last):
        if f.q.start <= last.q.end or f.q.start - last.q.end > 16:
            continue
        if re.search(r"合计|总计|共计|共|总和", f.text[last.q.end : f.q.start]) and same_measure(f.q, last.q):
            return f
    return None


def _rank(found: list[Scored]) -> list[Scored]:
    seen: set[int] = set()
    out = []
    for s in sorted(found, key=lambda s: -s.score):
        if s.fact.id not in seen:
            seen.add(s.fact.id)
            out.append(s)
    return out


def _names_place(f: Fact, place: str) -> bool:
    """Whether ``f`` is counted for ``place`` (全国 is also 我国 and 中国)."""
    return bool(labels.places(place) & labels.places(f.label() + f.context))


def _at_the_start(table: FactTable, f: Fact) -> bool:
    """Whether ``f``'s sentence dates it at the start of the year (年初，…余额82.41亿元), not since then."""
    if f.is_cell:
        return False
    head = f.text[table.sentences[f.place.sentence].start : f.q.start]
    return _START_OF_YEAR.search(head) is not None


def _across(f: Fact, cell: Fact) -> bool:
    """Whether ``f`` is a cell of ``cell``'s table in neither its row nor its column."""
    return (
        f.is_cell
        and f.place.table == cell.place.table
        and f.place.row != cell.place.row
        and f.place.col != cell.place.col
    )


def _can_hold(f: Fact, part: Fact, claim: Fact | None = None) -> bool:
    """A whole holds its part: no smaller than it (unless the share is over 100%: 完成目标的105.5%),
    and not one of the part's own list."""
    over = claim is not None and value(claim) * (100.0 if claim.q.kind == "number" else 1.0) > 100
    if f.value is None or part.value is None or (f.value < part.value and not over):
        return False
    if labels.PER_UNIT.search(f.own + f.qualifier_words) and not labels.PER_UNIT.search(
        part.own + part.qualifier_words
    ):
        return False  # (相当于每个城市平均有319.2个优良天: an average is no whole of a count)
    return not (part.group is not None and f.group == part.group)


def _total_rows(table: FactTable, claim: Fact, part: Fact) -> list[Scored]:
    out = []
    for f in table.cells():
        total = f.is_cell and _TOTALS.search(f.subject) and same_measure(f.q, part.q)
        # a 合计 of one quarter (一季度) is not the whole of a year's value, nor of another quarter's
        other_part = f.period.months is not None and not f.period.same_part(part.period)
        same_year = f.period.year in (None, part.period.year)
        if total and not other_part and same_year and _can_hold(f, part, claim):
            # 2022年基础研究经费为2023.5亿元，占比6.57% before a table of 2023: a table dated only by
            # the prose before it may be of another year than a part its year is written for
            sure = 0.8 if f.period.explicit or not part.period.explicit else 0.5
            out.append(Scored(f, sure, sure))
    return out


def _pair(
    claim: Fact, part: Fact, whole: tuple[Fact, ...], score: float, searched: bool = False, why: str = ""
) -> Pairing:
    whole_i = reading_sum(whole)
    whole_v = sum(value(w) for w in whole)
    computed = reading(part) / whole_i * 100.0
    point = value(part) / whole_v * 100 if whole_v else float("nan")
    shown = fmt.shown([part.q, *[w.q for w in whole]])
    sp = shown[0]
    sw = shown[1] if len(whole) == 1 else "(" + "+".join(shown[1:]) + ")"
    far = [w for w in whole if w.place.sentence != claim.place.sentence]
    note = "；".join(f"分母{w.q.text}见{w.place.describe()}" for w in far[:1])
    if len(whole) > 1 and all(w.is_cell for w in whole) and whole[0].place.col is not None:
        note = f"分母为表格第{whole[0].place.col + 1}列各行之和（合计行与之不符）"
    elif len(whole) > 1:
        note = "分母为各部分之和" + (f"（{why}）" if why else "") + (f"，{note}" if note else "")
    if searched and not _plausible(claim, point):
        if _unit_slip(claim, point):
            note += "；相差正好一万倍，疑为“万”“亿”或“元”“万元”写错 / exactly 10⁴ apart: a 万/亿 slip?"
        else:
            score *= 0.5
            note += "；与所述相差过大，分母未必是这个数 / the whole may be another figure"
    inputs = ((part, "部分"), *((w, "整体") for w in whole))
    return Pairing(inputs, score, computed, point, f"{sp}/{sw} = {fmt.pct(point)}", note, fmt.pct(point))


def _plausible(claim: Fact, point: float) -> bool:
    """A whole found by name that makes the share three times off is more likely another figure."""
    stated = value(claim) * (100.0 if claim.q.kind == "number" else 1.0)
    if stated <= 0 or point <= 0:
        return False
    return max(stated / point, point / stated) <= 3.0


def _unit_slip(claim: Fact, point: float) -> bool:
    """2.35万元 where the rest of the text says 2.35亿元: the share comes out exactly 10⁴ times off
    (万 for 亿, 元 for 万元), which is a slip of the unit, not another whole."""
    stated = value(claim) * (100.0 if claim.q.kind == "number" else 1.0)
    return stated > 0 and point > 0 and shifted_by_ten(point, stated, (4, -4), 0.05)


CONTRIBUTION = re.compile(r"贡献率(?:为|达|达到|是)?\s*$")


def _contributions(table: FactTable) -> None:
    """最终消费支出对经济增长贡献率为63.4%，拉动GDP增长11.6个百分点: the contribution is the pull over
    the growth it is part of (11.6 ÷ 18.3 = 63.4%)."""
    for f in table.facts:
        if f.is_cell or not f.q.is_rate or not CONTRIBUTION.search(f.text[max(0, f.q.start - 8) : f.q.start]):
            continue
        pull = next(
            (
                g
                for g in table.in_sentence(f.place.sentence)
                if g.q.start > f.q.end and pull_of(g) is not None
            ),
            None,
        )
        if pull is None or pull.place.clause > f.place.clause + 1:
            continue
        growth = pulled_growth(table, pull)
        if growth is None or bound_only(pull) or bound_only(growth):
            continue
        g_i = reading(growth) * (-1.0 if growth.down else 1.0)
        p_i = reading(pull) * (-1.0 if pull.down else 1.0)
        if g_i.lo <= 0 <= g_i.hi:
            continue
        computed = p_i / g_i * 100.0
        gv = value(growth) * (-1.0 if growth.down else 1.0)
        point = value(pull) * (-1.0 if pull.down else 1.0) / gv * 100.0
        where = (
            "" if growth.place.sentence == f.place.sentence else f"{growth.q.text}见{growth.place.describe()}"
        )
        pairing = Pairing(
            ((pull, "拉动"), (growth, "总增速")),
            0.9,
            computed,
            point,
            f"{fmt.num(value(pull))}/{fmt.num(gv)} = {fmt.pct(point)}",
            where or "贡献率 = 拉动的百分点 ÷ 总增速 / contribution = pull ÷ growth",
            fmt.pct(point),
        )
        at = f.text.rfind("贡献率", max(0, f.q.start - 8), f.q.start)
        phrase = (at if at >= 0 else f.q.start, f.q.end)
        push_number(table, RELATION, f, [pairing], phrase)
