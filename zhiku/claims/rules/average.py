"""Averages: a total over a count of days or of things.

- over time (日均, 月均, 周均): 3月粗钢产量9573万吨，日均308.8万吨 / 全年…1320.7亿件，日均约3.6亿件 /
  共7天，票房67.58亿元，日均约9.65亿元 / 当月共20个交易日，日均成交约1.22万亿元 — the total of the same
  thing just before, over the days the text states, else the days of the total's period (a month
  or a year as the calendar has them; 1—3月 of 2023 is 90 days);
- over things (平均每个X, 单价, 均价, 平均…价): 259个运输机场…125976.6万人次，平均每个机场约486万人次 /
  销售额116622亿元…销售面积111735万平方米，平均售价约为每平方米10437元 — a total in the average's
  unit whose name fits, over a count of the things named (X, or the measure word: 块, 平方米).
The average must equal total ÷ count. Without a total whose name fits (平均每个家庭户的人口 with only
the whole population given) nothing is checked.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace

from zhiku.claims import fmt, labels
from zhiku.claims.facts import (
    AMOUNT_KINDS,
    SPAN,
    Fact,
    FactTable,
    Sentence,
    clause_start,
    open_bracket,
    same_measure,
    unit_rate,
)
from zhiku.claims.interval import Interval
from zhiku.claims.judge import Pairing, bound_only, conclude, push_number, reading, reading_sum, value
from zhiku.claims.search import later_passage, name_likeness, of_a_ratio, other_bases, states_a_base
from zhiku.claims.tolerance import shifted_by_ten
from zhiku.quantities.numerals import evaluate

RELATION = "average"

# (当月均价10430元 is the month's average price — 当月 + 均价 — not a monthly average)
_PER_TIME = re.compile(r"(?P<w>日均|(?<!当)月均(?!价)|周均|每日|每天|每月)(?:[^，,。；;\d]{0,6})$")
_PER_THING = re.compile(
    r"(?:平均)?每(?:个|家|户|张|块|所|名|人)?(?P<x>[^，,。；;\d约为是]{0,8}?)(?:的)?(?P<y>[^，,。；;\d约为是]{0,6}?)(?:约为|约|为|是|达)?$"
)
_PRICE = re.compile(r"(?P<s>[^，,。；;\d]{0,8}?)(?:平均)?(?:单价|均价|售价|票价|价格)(?:约为|约|为|是|达)?$")
_PER_HEAD = re.compile(r"人均(?P<what>[^，,。；;\d约为是达]{1,12}?)(?:约为|约|为|是|达到|达)?$")
_POPULATION = re.compile(r"人口|常住|户籍|人数|就业人员|职工")
_A_FLOW = re.compile(r"新开|新增|净增|新进|新招|减少|流出|流入|转出|转入|销户")
# (not a day of the month: 11月15日 is a date, and the 5 of 15 no count)
# The days an average is over: N天, N个交易日, and N日 only after a word that counts (连续5日, 共3日) —
# 截至10日中午 is a day of the month. Chinese numerals too (为期六天).
_DAYS = re.compile(
    # (截至11月30日即攻坚第91天: an ordinal day is a date, not how many days were counted)
    r"(?<![\d月少多差早晚第])(?P<n>\d+|[一二两三四五六七八九十]{1,3})\s*(?:个)?(?:交易日|工作日|天)"
    r"|(?:连续|共|计|为期|历时|累计|最近|前|后)\s*(?P<m>\d+|[一二两三四五六七八九十]{1,3})\s*日"
    # 按15个展期日平均, 20个比赛日: days of a kind, counted
    r"|(?<![\d月])(?P<k>\d+|[一二两三四五六七八九十]{1,3})\s*个[\u4e00-\u9fff]{1,2}日(?![期子])"
)
# 最后两个月共生产310.9万辆，月均约155万辆: the months a monthly average is over, when written
_MONTHS = re.compile(r"(?<![\d年])(?P<n>\d{1,2}|[两二三四五六七八九十]|十[一二])\s*个月")


def check(table: FactTable) -> None:
    for f in table.facts:
        if (
            f.is_cell
            or f.q.value is None
            or f.q.kind not in AMOUNT_KINDS
            or f.role not in ("level", "change")
            or bound_only(f)
        ):
            continue
        head = f.text[max(0, f.q.start - 16) : f.q.start]
        head = head[max(head.rfind(c) for c in "，,；;。：") + 1 :]
        if _NOT_AN_AVERAGE.search(head):
            continue  # 比日均多出1.43亿件 (a difference) / 折合日常每天约5.38亿件 (a figure derived)
        if f.role == "change":
            # 32天里净增5.28亿立方米，平均每天多蓄1650万立方米: an increase per day, of an increase
            # over the days, never a comparison with another figure
            if (m := _PER_TIME.search(head)) and f.compare == "":
                _over_time(table, f, m.group("w"), len(head) - m.start())
            continue
        if m := _PER_TIME.search(head):
            if _restated_rate(table, f, head):
                continue  # 租金4.65元/平方米/天，折合每月约141元/平方米: a price per day put per month
            _over_time(table, f, m.group("w"), len(head) - m.start())
        elif m := _PER_HEAD.search(head):
            _per_head(table, f, m.group("what"), len(head) - m.start())
        elif m := _X_PER.search(head):
            _per_x(table, f, m.group("x") or m.group("one"), m.group("name"), len(head) - m.start())
        elif "平均" in head and _mean_of_listed(table, f):
            continue
        elif "平均" in head or "每" in head or _PRICE.search(head):
            _over_things(table, f, head)


def _an_average(g: Fact) -> bool:
    """Whether ``g`` is named as an average (人均, 户均, 平均每…): no total, no count of things."""
    return labels.PER_UNIT.search(g.label() + g.qualifier_words) is not None


def _mean_of_listed(table: FactTable, avg: Fact) -> bool:
    """…依次为信息安全（7756元）、…和电子科学与技术（7011元），五个专业平均约7199元: the mean of the N
    values its sentence lists, when the count before 平均 is N."""
    count = next(
        (
            g
            for g in reversed(table.around(avg))
            if g.q.end <= avg.q.start and g.q.kind == "count" and g.place.clause == avg.place.clause
        ),
        None,
    )
    if (
        count is None
        or count.q.value is None
        or not re.fullmatch(r"[^，,。；;\d]{0,8}平均(?:约|为|是|达)*", avg.text[count.q.end : avg.q.start])
    ):
        return False
    listed = [
        g
        for g in table.around(avg)
        if g.q.end <= count.q.start
        and g.role == "level"
        and g.q.kind == avg.q.kind
        and g.q.unit == avg.q.unit
    ]
    n = int(count.q.value)
    if n < 2 or len(listed) != n:
        return False
    mean = reading_sum(listed) / float(n)
    point = sum(value(g) for g in listed) / n
    shown = fmt.num(point, 2)
    pairing = Pairing(
        tuple((g, "各项") for g in listed),
        0.9,
        mean,
        point,
        f"({' + '.join(g.q.text for g in listed)}) ÷ {n} = {shown}",
        f"所列{n}项的平均 / the mean of the {n} listed",
        shown,
    )
    push_number(table, RELATION, avg, [pairing])
    return True


_PER_TIME_AFTER = re.compile(r"(?:/[^\d，,。；;]{0,6})?/(?:天|日|月|年)|每(?:天|日|月|年)")
_PER_TIME_BEFORE = re.compile(r"每(?:天|日|月|年|周)(?:约|为|达)?\s*$")


def _restated_rate(table: FactTable, f: Fact, head: str) -> bool:
    """折合每月约141元 after 4.65元/平方米/天: a rate per one time restated per another, no average of
    a total over the days or months."""
    if not re.search(r"折合|约合|合", head):
        return False
    before = [g for g in table.around(f) if g.q.end <= f.q.start and g.q.kind == f.q.kind]
    # (人均补助每年10000元，比2020年的8000元提高25%，…折合每天27.3元: per year, written before it)
    per_time = [
        g
        for g in before
        if g.place.sentence == f.place.sentence and _PER_TIME_BEFORE.search(g.text, 0, g.q.start)
    ]
    return bool(per_time) or (bool(before) and bool(_PER_TIME_AFTER.match(before[-1].text, before[-1].q.end)))


def _phrase(f: Fact, back: int) -> tuple[int, int]:
    return f.q.start - back, f.q.end


def _wholes_of_shares(table: FactTable, avg: Fact) -> set[int]:
    """The values written as the whole of a share near ``avg`` (约占全国…3.55万亿元的1%, 约为2023年
    全年…1.9万亿元的65%): another thing's total, never the total an average is of."""
    return {g.whole_fact for g in table.near(avg, 8) if g.whole_fact is not None}


def _over_time(table: FactTable, avg: Fact, word: str, back: int) -> None:
    # (比全省平均水平（34317元）高6736元，折合每月6842元: a comparison's base is another value,
    # never the total averaged)
    wholes = _wholes_of_shares(table, avg) | other_bases(table, avg)
    # (每周约6400班，为2019年同期每周7800班的82.1%，相当于每天约914班: what a ratio is of is no total now)
    wholes |= {g.id for g in table.around(avg) if of_a_ratio(g)}
    before = [
        g for g in table.around(avg) if g.q.end <= avg.q.start and g.id != avg.id and g.id not in wholes
    ]
    total = None
    what = _AVERAGE_WORDS.sub("", avg.own or "")
    # 金牌482枚…，奖牌总数1593枚，日均产生金牌30.1枚: the total the average names, when one does;
    # else the nearest
    named = [
        g
        for g in before
        if labels.has_content(what)
        and same_measure(g.q, avg.q)
        and g.role == "level"
        and name_likeness(what, g) >= 0.6
        and not _per_unit(g)  # (人次均支付242元；月均支付约1.24亿元: an average names no total)
        # (已超过2019年全年进出口（6412.9亿元）的八成；月均进出口718.6亿元: a bracketed note of another
        # figure)
        and open_bracket(g.text, g.q.start) < 0
    ]
    for g in reversed(before):
        if named and g.id != named[-1].id:
            continue
        if (
            not named
            and len(named_as := re.sub(r"折合|约合|相当于|平均|人均|户均|每[月天日年]?|^[多少]", "", what))
            >= 2
            and labels.has_content(named_as)
            and labels.has_content(g.label())
            and name_likeness(named_as, g) < 0.3
        ):
            continue  # (可售面积812.4万平方米，按月均网签52.0万平方米: a stock is no total of the sales)
        if (
            g.parent is not None
            and table.fact(g.parent).place.sentence == avg.place.sentence
            and len(
                [
                    h
                    for h in table.around(avg)
                    if h.parent == g.parent and h.id != avg.id and same_measure(h.q, g.q) and not _per_unit(h)
                ]
            )
            >= 2
        ):
            # 合计367.2万人次，其中入境…、出境189.7万人次，日均73.4万人次: of the total, not the last part
            # (…612.0万班，其中客运航班547.6万班，日均1.50万班: the one part 其中 names goes on)
            continue
        if (
            # (32天里净增5.28亿立方米，平均每天多蓄1650万立方米: a net increase over the days, compared
            # with nothing, is a total too)
            # (…多执结约11.7万件；…日均执结约1404件: an increase is no total of a daily level)
            (
                g.role == avg.role
                or (
                    g.role == "change" and g.compare == "" and not g.down and re.search(r"[多增]|净", avg.own)
                )
            )
            and same_measure(g.q, avg.q)
            and g.restates is None
            and not unit_rate(g)  # (按1美元兑7.10元人民币折算: the 1 of a rate is no total)
            and not _per_unit(g)  # (人均消费约247元: no total)
            # (基础养老金由每人每月143元提高到163元，每月多发20元: the later value of a pair is per month
            # as the earlier one is)
            and not (g.base_fact is not None and _per_unit(table.fact(g.base_fact)))
        ):
            # (…前四天销售额9.7亿元，…推算去年同期约8.4亿元，日均约2.4亿元: last year's base is no total now)
            if (
                g.period.same_part(avg.period)
                and g.period.year in (None, avg.period.year)
                and g.period.offset == avg.period.offset
            ):
                total = g
            break
    if total is None or bound_only(total):
        return
    stated_days = None
    # searched in the whole text, so that a number cut at the window's start is not read as one;
    # from the total's sentence only (…用时467天。2024年，营业收入7771.02亿元: another span's days)
    here = table.sentences[total.place.sentence]
    for m in _DAYS.finditer(avg.text, max(0, total.q.start - 30, here.start), avg.q.start):
        stated_days = _number(m.group("n") or m.group("m") or m.group("k"))
    clause = total.text[clause_start(total.text, total.q.start) : total.q.start]
    if word not in ("月均", "每月") and _PER_WEEK.search(clause):
        stated_days = 7  # 每周往返…约2100架次，折合每天约300架次: a week's figure over its seven days
    if word in ("月均", "每月"):
        stated_days = None  # a monthly average counts months, never the days written
        for m in _MONTHS.finditer(avg.text, max(0, total.q.start - 12), avg.q.start):
            n = m.group("n")
            stated_days = _number(n)
    # (a yearly figure is over a year's days, whatever other span the text has just named)
    per_year = word not in ("月均", "每月") and _PER_YEAR.search(clause) is not None
    if per_year:
        # 多年平均城镇供水量0.2227亿立方米，平均每天约6.1万立方米: a yearly figure, over a year's days
        stated_days = 366 if total.period.year is not None and calendar.isleap(total.period.year) else 365
    whole_year = (
        total.period.months is None
        and (total.period.explicit or _WHOLE_YEAR.search(here.text, here.start, here.end) is not None)
        # (2024年国庆假期…合计约20.03亿人次: a holiday's or an event's total, not a year's)
        and _EVENT.search(here.text, here.start, here.end) is None
        # (# 2023年中秋国庆假期交通运行分析 … 全省城市客运发送旅客1.1亿人次，日均1383.8万人次: in a text
        # about a holiday, a total whose sentence writes no year of its own is the holiday's)
        and not (
            re.search(rf"{_OWN_YEAR}|全年|年度", here.text[here.start : total.q.start]) is None
            and any(
                _EVENT.search(t.text, t.start, t.end) or _dated_span(table, t, total.period.year)
                for t in table.sentences[: total.place.sentence]
            )
        )
    )
    if (
        stated_days is None
        and word not in ("月均", "每月")
        and total.period.months is None
        and (_TO_DATE.search(here.text, here.start, here.end) or not whole_year)
    ):
        # 截至10日中午，累计进场85.2万人次，日均约14.2万人次 / 春运…合计90.25亿人次，平均每天约2.26亿
        # 人次: a total so far, or of an event the text does not date as a whole year, is averaged
        # over the days the text gave (为期六天, 为期四十天), never over a year
        # (…共7天，比2023年…（9月29日至10月6日，为期8天）少1天: not another period's, in brackets)
        # (an earlier paragraph's 历时1337天 is how long something else took: only an event's length,
        # 为期/会期, is read from another paragraph)
        spans = [
            (t, m)
            for t in table.sentences[: total.place.sentence + 1]
            for m in _SPAN_DAYS.finditer(t.text, t.start, t.end)
            if open_bracket(t.text, m.start()) < 0
            and (
                t.passage == here.passage
                or m.group(0).startswith(("为期", "会期"))
                # (今年的“九九公益日”于2024年9月5日开启，9月9日收官，共5天 … 今年公众捐款33.8亿元，日均…:
                # the span of this year's event, dated, whatever paragraph it stands in)
                or _dated_span(table, t, total.period.year)
                # 监测期为5月1日（星期四）至5月5日，共5天: the span the whole text's figures cover
                or re.search(r"(?:监测|统计|调查|活动)期", t.text[t.start : m.start()]) is not None
            )
        ]
        # the span its own paragraph gives; else one that dates this year's event (…共5天。去年活动自
        # 2023年9月7日至9月9日，为期3天: last year's span is no span of this year's total); else the last
        own = [m for t, m in spans if t.passage == here.passage]
        dated = [m for t, m in spans if _dated_span(table, t, total.period.year)]
        span = own or dated or [m for _, m in spans]
        if not span:
            return
        stated_days = _number(span[-1].group("n"))
    listed = _LISTED_MONTHS.search(here.text, here.start, total.q.start)
    # (7月、8月分别运输7236.2万、7367.6万人次，8月日均237.7万人次: a listed month's value is over its days)
    one_month = (
        total.group is not None and total.period.months is not None and len(set(total.period.months)) == 1
    )
    if (
        stated_days is None
        and total.period.months is not None
        and listed
        and word not in ("月均", "每月")
        and not one_month
    ):
        # 在6月、9月开展两个集中执行月…合计57.8亿元，日均约0.96亿元: over the days of the months listed
        # (30 + 30), not the last one's
        months = [int(n) for n in re.findall(r"(\d{1,2})\s*月", listed.group(0))]
        if (2 in months and total.period.year is None) or any(not 1 <= m <= 12 for m in months):
            return
        year = total.period.year or 2001
        days: int | None = sum(calendar.monthrange(year, m)[1] for m in months)
        how = f"天（{'、'.join(f'{m}月' for m in months)}）"
    else:
        span_of = total
        # its base, or that of the growth before it it goes on from (比2022年底的5282.6万户增长7.4%，净增…)
        compared = [g.base_fact for g in table.around(total) if g.id <= total.id and g.base_fact is not None]
        start_of = table.fact(compared[-1]) if compared else None
        if (
            total.role == "change"
            and total.period.end
            and total.period.months is not None
            and start_of is not None
            and start_of.period.end
            and start_of.period.months in (None, (12, 12))
        ):
            # (9月底…比2022年底的5282.6万户增长7.4%，净增391.1万户，折合每天净增约1.4万户: a change since the
            # year's start, to a month's end, is over the months up to it)
            span_of = replace(
                total, period=replace(total.period, months=(1, total.period.months[1]), end=False)
            )
        days, how = _days_of(span_of, word, stated_days)
    if days is None:
        return
    if per_year:
        how = "天（一年）"
    computed = reading(total) / float(days)
    point = value(total) / days
    inputs: tuple[tuple[Fact, str], ...] = ((total, "合计"),)
    arithmetic = f"{total.q.text} ÷ {days}{how}"
    start = table.fact(total.base_fact) if total.base_fact is not None else None
    if (
        start is not None
        and same_measure(start.q, total.q)
        and "累计" in total.text[clause_start(total.text, start.q.start) : total.q.start]
    ):
        # 累计剂次由9月15日的216142.8万增至9月18日的217404.3万，三天日均约420万: a running total's
        # rise over the days, not the total
        computed = (reading(total) - reading(start)) / float(days)
        point = (value(total) - value(start)) / days
        inputs = ((total, "末值"), (start, "初值"))
        arithmetic = f"({total.q.text} − {start.q.text}) ÷ {days}{how}"
    if avg.text[max(0, avg.q.start - back - 2) : avg.q.start - back] == "人均":
        # 养老金2.37亿元，领取待遇6.15万人，人均每月321元: per head and per month, over both
        heads = [
            g
            for g in before
            if g.q.kind == "count"
            and (g.q.unit or "") in ("人", "名")
            and g.role == "level"
            and g.id != total.id
        ]
        if not heads:
            return
        computed = computed / reading(heads[-1])
        point = point / value(heads[-1])
        inputs = ((total, "合计"), (heads[-1], "人数"))
        arithmetic = f"{total.q.text} ÷ {heads[-1].q.text} ÷ {days}{how}"
    shown = _shown_as(point, avg)
    p = Pairing(inputs, 0.9, computed, point, f"{arithmetic} = {shown}", "", shown)
    pairings = [p]
    # (a year named only by 去年/今年, which count from a present the text does not date)
    words = here.text[here.start : here.end]
    uncertain = (
        "去年" in words
        and re.search(_OWN_YEAR, words) is None
        and not any(_days_dated(table, t) for t in table.sentences)
    )
    if days in (365, 366) and how == "天" and stated_days is None and uncertain:
        # (去年全国铁路旅客发送量43.12亿人次，…日均发送旅客1178万人次, in a text that dates no day: a
        # year read from 去年 or the paragraph's frame may be a leap year or not — either length, a rival)
        other = 731 - days
        rival = point * days / other
        pairings.append(
            Pairing(
                inputs, 0.9, computed * days / other, rival,
                f"{arithmetic.replace(f'÷ {days}天', f'÷ {other}天')} = {fmt.like_shown(rival, [avg.q])}",
                "年份不确定：按平年或闰年计 / the year is not certain: 365 or 366 days",
                fmt.like_shown(rival, [avg.q]),
            )
        )  # fmt: skip
    phrase = _phrase(avg, back)
    push_number(table, RELATION, avg, pairings, phrase)


# (^均: the 均 of 月均 whose 月 was read as the value's period, 月均支付 → 均支付)
_AVERAGE_WORDS = re.compile(r"日均|月均|^均|平均每[天日月年]|每天|每日|每月|平均|产生|实现|完成|达到")
_PER_HEAD_OR_ITEM = re.compile(rf"{labels.PER_ITEM}|每人|每户|每个|每家|平均每|均价|单价")
_NOT_AN_AVERAGE = re.compile(
    r"比[^，,。；;]{0,4}(?:日均|月均|平均)|(?:折合|约合|相当于)(?:日常|平时|平常|正常)"
    # 按每人每月400元发放工资, 按每亩200元标准补助: a rate the money was paid at, not an average of it
    r"|按(?:照)?(?:每[\u4e00-\u9fff]{1,2}){1,2}$"
)


def _dated_span(table: FactTable, t: Sentence, year: int | None) -> bool:
    """A sentence that dates an event of ``year`` by its days and counts them (于2024年9月5日开启，
    9月9日收官，共5天)."""
    return (
        year is not None
        and _SPAN_DAYS.search(t.text, t.start, t.end) is not None
        and any(day.startswith(f"{year}-") for day in _days_dated(table, t))
    )


def _days_dated(table: FactTable, t: Sentence) -> list[str]:
    """The days sentence ``t`` writes with their year, as the quantity reader read them (2024-09-05)."""
    read = table.passage_quantities.get(t.passage, []) if t.passage is not None else []
    return [
        q.iso
        for q in read
        if q.kind == "date" and q.iso and _A_DAY.fullmatch(q.iso) and t.start <= q.start < t.end
    ]


_A_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


# X均: an average per X — per transaction, household, mu, item, order, event, shop… (人均 and the
# averages over time are read apart)
# 户均2821元, 户均分红5000元, 场均票房约1.19万元 (the measure averaged may be named between X均 and the
# value); 单架投资约9.67万元, 单起平均损失约1908万元: 单X is per single X, the same average.
_X_PER = re.compile(
    rf"(?:(?<![各每平列航两二三四五六七八九十\d])(?P<x>[{labels.PER_THINGS}])均|单(?P<one>[{labels.PER_THINGS}起])(?:平均)?)"
    r"(?P<name>[\u4e00-\u9fff]{0,4}?)(?:约为|约|为|达到|达)?\s*$"
)
# the people a head count counts, after the group they are (租房提取职工 → 租房提取)
_GROUP_HEADS = re.compile(r"(?:职工|人员|人数|人口|居民|群众|户数|户)$")
# 按/以…计算: the count an average is taken over, named in its sentence
_COUNTED_BY = re.compile(r"(?:按|以)[^，,。；;]{0,12}$")
_COUNTED_BY_END = re.compile(r"[^，,。；;\d]{0,8}?(?:计算|摊算|测算|平均|计)")
_PER_WEEK = re.compile(r"每周|每星期|每礼拜|一周内")
_AVERAGE_POPULATION = 0.03  # how far a year's average population may stand from a year-end count
_EVENT = re.compile(r"假期|假日|黄金周|春运|暑运|节日|期间|会期|展期|赛期|档期")
# (比2024年同期: a base's year, not the year the total is of)
_OWN_YEAR = r"(?<![比较])\d{4}\s*年(?!同期)"
_WHOLE_YEAR = re.compile(rf"全年|年度|一年|{_OWN_YEAR}(?![\d一二三四上下前春暑秋冬])")
_TO_DATE = re.compile(
    r"(?:截至|截止|到)\s*(?:\d{1,2}\s*月\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]"
)
# 多年平均, 年均, 每年: a figure per year (平均每年 too)
_PER_YEAR = re.compile(r"多年平均|年均|每年|年平均")
_LISTED_MONTHS = re.compile(r"\d{1,2}\s*月(?:份)?(?:\s*[、和及与]\s*\d{1,2}\s*月(?:份)?)+")
# (去年国庆假期为7天，…累计客流1598.6万人次，日均228.4万人次: a holiday's length, said with 为)
_SPAN_DAYS = re.compile(
    r"(?:为期|会期|历时|共计|共|(?:假期|期间|长假|节假日|活动)为)\s*(?P<n>\d+|[一二两三四五六七八九十]{1,3})\s*天"
)


def _per_unit(g: Fact) -> bool:
    """A value per head, per item or per span of time, which no average divides (约每4起事故就有1人死亡:
    a rate, said with 每…就有)."""
    return bool(
        _PER_HEAD_OR_ITEM.search(g.own + g.qualifier_words)
        or _PER_TIME.search(g.text[max(0, g.q.start - 8) : g.q.start])
        or re.search(
            # (每100元门诊费用中统筹基金支付51.6元: a rate per hundred, said with 每…中)
            r"每[^，,。；;]{1,12}(?:就有|有|就)\s*$|每[^，,。；;]{1,12}中[^，,。；;]{0,12}$",
            g.text[clause_start(g.text, g.q.start) : g.q.start],
        )
    )


def _number(word: str) -> int | None:
    """12 or 十二: a small count written either way (the quantity reader's numerals)."""
    found = evaluate(word)
    return int(found.value) if found is not None and found.value == int(found.value) else None


def _days_of(total: Fact, word: str, stated: int | None) -> tuple[int | None, str]:
    monthly = word in ("月均", "每月")
    if stated is not None:
        return stated, "个月（文中所给）" if monthly else "天（文中所给）"
    p = total.period
    if monthly:
        if p.months is not None:
            return p.months[1] - p.months[0] + 1, "个月"
        return (12, "个月") if p.year is not None else (None, "")
    if p.months is None:
        return ((366 if calendar.isleap(p.year) else 365), "天") if p.year is not None else (None, "")
    a, b = p.months
    if p.year is None and a <= 2 <= b:
        return None, ""  # February's days depend on the year
    # (months without February have the same days every year: 10月份 is 31 days, year written or not)
    year = p.year if p.year is not None else 2001
    return sum(calendar.monthrange(year, m)[1] for m in range(a, b + 1)), "天"


def _shown_as(point: float, avg: Fact) -> str:
    """``point`` in the average's magnitude and unit as written: 6.7353亿元, not 673530000."""
    return fmt.like_shown(point, [avg.q]) + re.sub(r"^[^\d]*[\d.,]+", "", avg.q.text)


def _heads(g: Fact) -> bool:
    """A count of people: in 人 or 名, or a bare number the word after it names as people
    (按5120万常住人口计)."""
    return (g.q.kind == "count" and g.q.unit in ("人", "万人", "名", "万名")) or (
        g.q.kind == "number" and g.q.unit is None and _POPULATION.match(g.text, g.q.end) is not None
    )


def _per_head(table: FactTable, avg: Fact, what: str, back: int) -> None:
    """人均地区生产总值约6.91万元: the total (地区生产总值) over the population in the same period."""
    near = [
        g
        for g in table.near(avg, 8)
        if g.role == "level"
        and g.q.value
        and g.restates is None
        and not bound_only(g)
        and (g.period.year in (None, avg.period.year) or not avg.period.known)
        and not g.period.clashes(avg.period)  # (比上年的690.3亿元: the year before, undated)
    ]
    wholes = _wholes_of_shares(table, avg)
    totals = [
        g
        for g in near
        if g.q.kind == avg.q.kind
        and g.q.unit == avg.q.unit
        and g.id not in wholes
        and not _an_average(g)
        and name_likeness(what, g) >= 0.6
        and abs(value(g)) > abs(value(avg))
    ]
    people = [
        g
        for g in near
        if _heads(g)
        # (户均2.53人: an average of heads is no head count)
        and not _an_average(g)
        # (103.85万名职工提取…: a count named by the word after it)
        and (_POPULATION.search(g.label()) or _POPULATION.match(g.text, g.q.end))
        # (新开户职工41.08万人，…实缴职工210.66万人。…人均缴存约1.50万元: the heads are the people
        # counted at the time, not those who joined or left in the year)
        and not _A_FLOW.search(g.label())
    ]
    # (捐款5800万人次…。若按去重后的2300万名捐赠者计算，人均捐款约147元: the heads the average's own
    # sentence says it is counted by)
    named_by = [
        g
        for g in near
        if (_heads(g) or (g.q.kind == "count" and g.q.unit in ("位", "万位")))
        and g.place.sentence == avg.place.sentence
        and g.id < avg.id
        and _COUNTED_BY.search(g.text, clause_start(g.text, g.q.start), g.q.start)
        and _COUNTED_BY_END.match(g.text, g.q.end)
    ]
    people = named_by[-1:] or people
    # (年末常住人口42.6万人，其中城镇常住人口23.9万人，…人均地区生产总值6.72万元: a part of the people
    # counted is no head count of a per-head figure that names no group)
    counted = {g.id for g in people}
    people = [
        g for g in people if g.parent not in counted or labels.likeness_of(g.subject, avg.label()) >= 0.6
    ]
    # (厦门、泉州年末常住人口分别为535.0万人和889.0万人，合计1424.0万人。厦门人均GDP为16.05万元: a place
    # named before 人均 is whose total and whose people)
    whose = labels.strip_scope(avg.own[: avg.own.find("人均")]) if "人均" in avg.own else ""
    if len(whose) >= 2 and labels.places(whose):
        totals = [g for g in totals if (g.item or g.subject).startswith(whose)]
        people = [g for g in people if (g.item or g.subject).startswith(whose)]
        if not totals or not people:
            return
    # the count nearest before the average, the one its sentence or the one before speaks of
    people = sorted(people, key=lambda g: (g.id > avg.id, -g.id if g.id < avg.id else g.id))
    own = [
        g
        for g in near
        if g.q.kind == "count"
        and g.q.unit in ("人", "万人")
        and g.place.sentence == avg.place.sentence
        and g.id < avg.id
        and not _A_FLOW.search(g.label())
    ]
    given = [
        g
        for g in near
        if own
        and g.place.sentence == avg.place.sentence
        and own[-1].id < g.id < avg.id
        and g.place.clause == own[-1].place.clause + 1
        and g.q.kind == avg.q.kind
        and g.q.unit == avg.q.unit
        and abs(value(g)) > abs(value(avg))
        and not _an_average(g)
    ]
    if given and not any(g.place.sentence == avg.place.sentence for g in people):
        # (城乡低保对象合计4966户6535人，当月发放低保金7204040元，…月人均补助约1102元: the people its
        # own sentence counts, whatever they are called, and the sum the next clause gives them)
        people, totals = [own[-1]], given[:1]
    # (人均全年移动支付约131笔 is the year's total over the people, not a quarter's: 四季度…493.92亿笔)
    totals = [g for g in totals if g.period.same_part(avg.period)] or totals
    # (相当于同期GDP（初步核算数1260582亿元）的7.2%: a figure in brackets is a note, not the total)
    totals = [g for g in totals if open_bracket(g.text, g.q.start) < 0] or totals
    # (…, and the total written before the average, the nearest, not a later paragraph's quarter)
    # (装机18.89亿千瓦，比上年末的15.16亿千瓦增长24.6%: another claim's base is no total now)
    earlier = [
        g
        for g in totals
        if g.place.sentence <= avg.place.sentence
        and not states_a_base(g)
        and g.id not in other_bases(table, g)
    ]
    totals = sorted(earlier, key=lambda g: -g.id) if earlier else totals
    if totals and (
        all(later_passage(g, avg) for g in totals)
        or (not people and not any(g.place.passage == avg.place.passage for g in totals))
    ):
        # (实现旅游收入286.5亿元…。…游客人均花费约1638元: the nearest sum its paragraph gives, before a
        # later paragraph's figure named like it — 全国国内游客出游总花费6326.87亿元)
        own_sum = [
            g
            for g in near
            if g.place.sentence in (avg.place.sentence, avg.place.sentence - 1)
            and g.place.passage == avg.place.passage
            and g.id < avg.id
            and g.q.kind == avg.q.kind
            and g.q.unit == avg.q.unit
            and abs(value(g)) > abs(value(avg))
            and g.restates is None
            and not _an_average(g)
        ]
        if own_sum:
            totals = own_sum[-1:]
    per_visit = False
    if not people and totals:
        # 全省接待游客955.6万人次，游客总花费140.48亿元，人均花费约1470元: with no population named, the
        # heads of a visitors' average are the visits counted (人次), the one count of them written before
        group = avg.label()[: avg.label().find("人均")] if "人均" in avg.label() else ""
        visits = [
            g
            for g in near
            if g.q.kind == "count"
            and (g.q.unit or "").endswith("人次")
            and g.id < avg.id
            and g.place.passage == avg.place.passage
            and g.period.same(avg.period)
            and not bound_only(g)
            and not _an_average(g)
        ]
        # (过夜游客人均花费4052元: the heads of a named group are that group's, not all the visits)
        if len(visits) == 1 and (not group or group in visits[0].label()):
            people, per_visit = visits, True
    if not totals or not people:
        return
    total, pop = totals[0], people[0]
    group = _GROUP_HEADS.sub("", labels.strip_scope(pop.label()))
    if what in group and len(group) > len(what) and group not in total.label():
        return  # (租房提取职工36.80万人，人均提取1.08万元: the heads of 租房提取 are no heads of 离退休…提取)
    computed = reading(total) / reading(pop)
    point = value(total) / value(pop)
    note = "人均按人次计 / per visit counted" if per_visit else ""
    if not total.period.end and not per_visit and not named_by:
        # A year's flow per head (人均生产总值, 人均收入) is over the year's average population, which
        # lies between the two year-end counts; the text gives one count, so the result is taken
        # within the few percent a population moves in a year
        computed = Interval(computed.lo * (1 - _AVERAGE_POPULATION), computed.hi * (1 + _AVERAGE_POPULATION))
        note = "人均按年平均人口计算，文中为期末人口，允许相差3% / per head of the year's average population"
    shown = _shown_as(point, avg)
    p = Pairing(
        ((total, "总量"), (pop, "人口")),
        0.85,
        computed,
        point,
        f"{total.q.text} ÷ {pop.q.text} = {shown}",
        note,
        shown,
    )
    phrase = _phrase(avg, back)
    push_number(table, RELATION, avg, [p], phrase)


_PER_N = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def _per_x(table: FactTable, avg: Fact, x: str, name: str, back: int) -> None:
    """发放个人住房贷款1.12万笔、49.84亿元，笔均44.5万元 / 覆盖5892户，发放慰问金1662.12万元，户均2821元:
    an X均 is the total over the count of X, both written in its own sentence before it, side by
    side — no other count of X nor total between — and never an average itself. An average that
    names what it averages (场均票房) is of the total so named (演出票房收入579.54亿元), which may
    then stand anywhere in the sentence before it."""
    before = [
        g
        for g in table.around(avg)
        if g.q.end <= avg.q.start
        and g.role == "level"
        and g.q.value
        and g.restates is None
        and not bound_only(g)
        and not _an_average(g)
        and open_bracket(g.text, g.q.start) < 0
    ]
    # (资助金额98.74亿元，比上年的92.45亿元增长6.8%，人次均约2030元: another claim's base is no total now;
    # 资金2360万元，其中县级860万元、省市补助1500万元: nor is a part of it)
    bases = other_bases(table, avg)
    # (上年为443.64亿元: last year's total is no total of this year's average)
    here = (avg.period.year, avg.period.offset)
    before = [
        g
        for g in before
        if g.id not in bases and g.parent is None and (g.period.year, g.period.offset) == here
    ]
    counts = [
        g
        for g in before
        if g.q.kind == "count"
        and (
            (g.q.measure or g.q.unit or "").endswith(x)
            # (全县148个行政村中，…，村均9.26万元: the thing named right after its 个)
            or (
                (g.q.measure or g.q.unit) == "个"
                and re.match(rf"[\u4e00-\u9fff]{{0,3}}{x}", g.text[g.q.end :])
            )
        )
    ]
    totals = [
        g
        for g in before
        if g.q.kind == avg.q.kind and same_measure(g.q, avg.q) and abs(value(g)) > abs(value(avg))
    ]
    if name:
        totals = [g for g in totals if set(name) & set(g.label())]
        if not totals and len(counts) == 1:
            # (普惠小微贷款余额9862.4亿元。…贷款户数86.7万户…；户均贷款11.4万元: a total the average names,
            # written in a sentence before it in its paragraph)
            totals = [
                g
                for g in table.facts[max(0, avg.id - 4 * SPAN) : avg.id]
                if g.place.passage == avg.place.passage
                and g.place.sentence < avg.place.sentence
                and g.role == "level"
                and g.q.kind == avg.q.kind
                and same_measure(g.q, avg.q)
                and abs(value(g)) > abs(value(avg))
                and (g.period.year, g.period.offset) == here
                and g.restates is None
                and g.parent is None
                and not bound_only(g)
                and not _an_average(g)
                and not states_a_base(g)
                and name in g.label()
            ][-1:]
    if len(counts) != 1 or not totals:
        return  # (26户次…；5892户…：which count of X is not clear)
    den = counts[0]
    # (3.86万笔、215.47亿元，比上年的3.52万笔、188.06亿元: the total written beside the count)
    num = min(reversed(totals), key=lambda g: abs(g.id - den.id)) if name else totals[-1]
    apart = abs(num.id - den.id) > 2 and not name
    if apart or labels.opposed(num.label(), den.label()):
        return  # the two are written together (1.12万笔、49.84亿元), not a sentence apart
    point = value(num) / value(den)
    if not (0.2 <= point / value(avg) <= 5 or shifted_by_ten(point, value(avg), (-4, -1, 1, 4), 0.02)):
        return  # not the pair the average is of
    shown = _shown_as(point, avg)
    p = Pairing(
        ((num, "合计"), (den, "个数")),
        0.85,
        reading(num) / reading(den),
        point,
        f"{num.q.text} ÷ {den.q.text} = {shown}",
        "",
        shown,
    )
    phrase = (avg.q.start - back, avg.q.end)
    table.push(
        conclude(
            table,
            RELATION,
            avg,
            reading(avg),
            avg.text[phrase[0] : phrase[1]],
            [p],
            missing="",
            phrase=phrase,
        )
    )


def _over_things(table: FactTable, avg: Fact, head: str) -> None:
    """total ÷ count of things: the total in the average's unit, the count of the things named."""
    m = _PER_THING.search(head)
    thing = ""
    noun = ""
    if m and "每" in head:
        thing = m.group("x").strip()
        noun = m.group("y").strip()
    pm = _PRICE.search(head)
    subject = pm.group("s") if pm else (avg.subject or "")
    subject = re.sub(r"平均|每|单价|均价|售价|价格|约|为", "", subject)
    near = [
        g
        for g in table.near(avg, 3)
        if g.role == "level" and g.q.value is not None and g.restates is None and not bound_only(g)
    ]
    near = [g for g in near if g.period.year in (None, avg.period.year) or not avg.period.known]
    numerators = [
        g
        for g in near
        if same_measure(g.q, avg.q) and g.q.kind == avg.q.kind and abs(value(g)) > abs(value(avg))
    ]
    if re.search(r"平均每年|每年平均", head):
        # (四个年度收益为正，平均每年实现投资收益1194.36亿元 beside | 2024 | 2184.18 |: a year's figure is no
        # total over the years; only a sum over them is — 累计, 合计, a span of years)
        numerators = [
            g
            for g in numerators
            if g.period.first is not None
            or re.search(r"累计|合计|共计|总计|共", g.text[clause_start(g.text, g.q.start) : g.q.start])
        ]
    query = (thing + noun) if thing else subject
    per = re.match(r"^/(.)", avg.text[avg.q.end : avg.q.end + 3])
    if query:
        numerators = [
            g
            for g in numerators
            if name_likeness(query, g) >= 0.5
            or (thing and thing in g.text[max(0, g.q.start - 16) : g.q.start])
        ]
    elif per is not None:
        # 进口集成电路2797亿块，进口金额13511亿元，…平均单价约4.83元/块: an unnamed price per 块 is
        # of the amount and the count just before it in its sentence
        numerators = sorted(
            (g for g in numerators if g.place.sentence == avg.place.sentence and g.q.end <= avg.q.start),
            key=lambda g: -g.id,
        )
    else:
        return
    pairings: list[Pairing] = []
    unit_after = avg.text[avg.q.end : avg.q.end + 3]
    # 共设村卫生室55869个，…乡村医生和卫生员70425人…，平均每个村卫生室年诊疗1906.5人次: the count of the
    # thing written right after 每个, wherever its paragraph gives it, before any other count near
    each = re.search(r"每(?:个|家|户|张|块|所|名)?([\u4e00-\u9fff]{2,10})$", head)
    named = [
        g
        for g in table.facts
        if each is not None
        and g.q.kind == "count"
        and g.place.passage is not None
        and g.place.passage == avg.place.passage
        and g.id < avg.id
        and not _an_average(g)
        and any(len(g.label()) >= k and each.group(1).startswith(g.label()[-k:]) for k in (4, 3))
    ]
    dens = named[-1:] or near
    # 每10股派发现金50.28元, 每百人拥有…: an amount per N things is N times the amount per thing
    # (not 每千瓦时, 每千克: a unit's own 千)
    n_m = re.search(r"每\s*(\d+)\s*(?=[\u4e00-\u9fff])|每\s*([十百千万])\s*(?=[人户名元个家])", head)
    per_n = (int(n_m.group(1)) if n_m.group(1) else _PER_N[n_m.group(2)]) if n_m else 1
    for num in numerators[:2]:
        for den in dens:
            if den.id in (num.id, avg.id) or den.q.kind not in AMOUNT_KINDS or same_measure(den.q, num.q):
                continue
            if den not in named and not _counts(den, thing, unit_after, subject):
                continue
            if _an_average(den):
                continue  # (户均2.53人: an average is no count to share a total over)
            years = re.search(
                r"([两二三四五六七八九十\d]{1,2})\s*年(?:合计|累计|共计|共)",
                num.subject + num.text[max(0, num.q.start - 8) : num.q.start],
            )
            if years and _number(years.group(1)) not in (None, den.q.value):
                continue  # (| 五年合计 | 5971.79 | and 四个年度…平均每年: a sum over other years)
            if labels.opposed(num.label(), den.label()):
                continue  # 出口 amounts are not priced over 进口 counts
            ratio = reading(num) / reading(den) * float(per_n)
            point = value(num) / value(den) * per_n
            r = point / value(avg)
            slip = shifted_by_ten(point, value(avg), (-4, -1, 1, 4), 0.02)
            if not (0.2 <= r <= 5 or slip):
                continue  # not the pair the average is made of (unless the digits agree: a slipped point)
            shown = fmt.num(point, 2)
            # unnamed (平均单价): the amount and the count named alike (进口金额, 进口集成电路) go together
            score = 0.8 if query else 0.6 + 0.3 * labels.likeness_of(num.label(), den.label())
            pairings.append(
                Pairing(
                    ((num, "合计"), (den, "个数")),
                    score,
                    ratio,
                    point,
                    f"{num.q.text} ÷ {den.q.text}{f' × {per_n}' if per_n != 1 else ''} = {shown}",
                    "",
                    shown,
                )
            )
    if not pairings:
        pairings = _sentence_pair(table, avg, head)
    if not pairings:
        return
    phrase = (avg.q.start - len(head) + (head.find("平均") if "平均" in head else 0), avg.q.end)
    table.push(
        conclude(
            table,
            RELATION,
            avg,
            reading(avg),
            avg.text[phrase[0] : phrase[1]],
            pairings,
            missing="",
            phrase=phrase,
        )
    )


# 平均每家募资, 平均每个项目, 平均每城: the measure word and the thing counted after 每
_EACH = re.compile(
    r"每\s*(?P<mw>个|家|户|所|座|条|项|台|辆|艘|架|套|处|名|位|只|头|城|村|县|镇|校|店)?"
    r"(?P<rest>[\u4e00-\u9fff（）()]{0,8}?)(?:约为|约|为|是|达到|达)?$"
)


def _sentence_pair(table: FactTable, avg: Fact, head: str) -> list[Pairing]:
    """全年A股IPO上市企业100家，…；募资673.53亿元，…，平均每家募资67.4亿元 / 全省共安排项目395个，总投资
    23185亿元，平均每个项目58.7亿元: when no total is named like the average, its sentence's own total
    and count — the one amount in the average's unit written before it, and the one count of the things
    每 names (its measure word, 家 of 100家, or the thing, 项目 of 项目395个) — are what it is made of."""
    m = _EACH.search(head)
    if m is None or re.search(r"每\s*[\d十百千万]", head):
        return []  # (每千人口托位数, 每万人拥有: per N heads, of a population the sentence may not give)
    mw, rest = m.group("mw") or "", re.sub(r"[（）()]", "", m.group("rest"))
    before = [
        g
        for g in table.around(avg)
        if g.q.end <= avg.q.start
        and g.role == "level"
        and g.q.value is not None
        and g.restates is None
        and not bound_only(g)
        and not _an_average(g)
    ]
    bases = other_bases(table, avg)
    before = [g for g in before if g.id not in bases and g.compare == ""]

    def counted(g: Fact) -> bool:
        if g.q.kind != "count":
            return False
        if mw and mw != "个" and (g.q.measure or g.q.unit) == mw:
            return True  # 100家 for 每家
        words = g.label() + g.text[g.q.end : g.q.end + 4]
        if len(rest) == 1:
            # (乡镇卫生院33753个，…，平均每院4.46张: one character after 每 names the thing whose name ends
            # with it)
            return (
                g.label().endswith(rest)
                or re.match(rf"[\u4e00-\u9fff]{{0,3}}{rest}", g.text[g.q.end :]) is not None
            )
        return any(len(rest[:k]) == k and rest[:k] in words for k in (3, 2)) or (
            len(mw) == 1 and mw not in "个" and g.label().endswith(mw)
        )

    nums = [
        g for g in before if same_measure(g.q, avg.q) and g.q.kind == avg.q.kind and value(g) > value(avg)
    ]
    dens = [g for g in before if counted(g) and not any(same_measure(g.q, n.q) for n in nums)]
    if len(nums) == 1:
        # (生产性泊位562个，万吨级以上214个，…；万吨级以上泊位完成9870万吨，平均每个泊位46.1万吨: the count of
        # the things the total names, its name leading the total's)
        own = [
            g
            for g in before
            if g.q.kind == "count"
            and len(g.label()) >= 2
            and nums[0].label().startswith(g.label())
            and not same_measure(g.q, nums[0].q)
        ]
        dens = own[-1:] or dens
    if len(dens) != 1 or len(nums) != 1 or labels.opposed(nums[0].label(), dens[0].label()):
        return []
    num, den = nums[0], dens[0]
    point = value(num) / value(den)
    if not (0.2 <= point / value(avg) <= 5 or shifted_by_ten(point, value(avg), (-4, -1, 1, 4), 0.02)):
        return []
    shown = _shown_as(point, avg)
    return [
        Pairing(
            ((num, "合计"), (den, "个数")),
            0.8,
            reading(num) / reading(den),
            point,
            f"{num.q.text} ÷ {den.q.text} = {shown}",
            "",
            shown,
        )
    ]


def _counts(den: Fact, thing: str, unit_after: str, subject: str) -> bool:
    """Whether ``den`` counts the things the average is per (机场, 块, 平方米, 人次)."""
    after = den.text[den.q.end : den.q.end + 6]
    measure = den.q.measure or den.q.unit or ""
    # (村干部谈得最多的是三条路径: a label that merely holds 村 does not count 村; 12个村 does)
    if thing and (thing in after or den.label().endswith(thing) or (measure and thing.startswith(measure))):
        return True
    m = re.match(r"^/(.)", unit_after) or re.match(r"^每(.)", unit_after)
    if m and (measure == m.group(1) or m.group(1) in (den.q.unit or "")):
        return True
    if thing in ("平方米",) and den.q.unit == "m2":
        return True
    if len(subject) == 1:
        # (平均每村: one character names the thing only right after the count, 12个村)
        return subject in after[:2] or den.label().endswith(subject)
    return bool(subject) and labels.coverage(subject, den.label()) >= 0.5 and den.q.kind != "money"
