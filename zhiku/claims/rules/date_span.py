"""Lengths of time between dates: 自2023年1月21日至1月27日，共7天 / 会期至9月28日，为期5天 /
于2022年11月25日启动，2024年12月15日推广至全国，前后历时751天.

Trigger: a number of days after 为期, 共, 历时, 持续, 长达, 相隔. The two dates are the last two days
named before it in its sentence (or the two ends of a written range). A span written from one day
to another (A至B, 为期, 共) counts both ends: B − A + 1 days; a time between two events (历时,
相隔) is B − A, and B − A + 1 is accepted too, as writers count both ways.
"""

from __future__ import annotations

import datetime as dt
import re

from zhiku.claims.facts import Event, Fact, FactTable, clause_start
from zhiku.claims.judge import finding
from zhiku.claims.local import day_of

RELATION = "date_span"

# an event's first and last days: 开幕…闭幕, 开幕…落幕, 开启…收官
_OPENS_AND_CLOSES = re.compile(r"(?:开幕|开展|开赛|开启|启幕)[^。；;]*(?:闭幕|落幕|收官|闭展|结束)")
_LISTED = re.compile(r"[日号]\s*[、和及与]\s*$")
_INCLUSIVE = re.compile(r"(?:为期|共计|共|会期|档期|假期|首尾历时|首尾共)\s*$")
# 距12月31日仅剩47天, 相隔31天: a time between two days (the later may be written first)
_BETWEEN = re.compile(
    r"(?:前后|先后)?(?:历时|持续|长达|历经|相隔|间隔|经过|用时|仅剩|只剩|还剩|尚余|还有|相距)\s*$"
)
_WHOLE_RUN = re.compile(r"(?:前后|首尾)(?:共|持续|历时|共计)")
# 任务历时53天, 工期共376天: the whole of a mission or a project, named as such
_THE_WHOLE = re.compile(r"\s*(?:整个|全部)?(?:任务|全程|工期|建设工期|项目全程)")
# 11月24日发射, 12月17日返回: a day followed by what happened on it (not 起, 止, 至 of a run of days)
_EVENT_DAY = re.compile(
    r"\s*(?:（[^）]*）)?\s*(?:发射|返回|着陆|开工|竣工|出发|抵达|启程|开通|投产|签约|上线)"
)
_GAP_WORD = re.compile(r"(?:相隔|间隔|相距|仅剩|只剩|还剩|尚余|还有)\s*$")
# (与上届开幕日相隔365天: a day named by its event, dated elsewhere — 日 there is no date's)
_FROM_AN_EVENT = re.compile(
    r"(?:与|同|和|跟|距|离)(?:[^，,。；;\d月日号]|(?<=[幕始业车线])日){2,12}(?:相隔|相距|间隔|为期|已有)\s*$"
)
_RANGE_DAYS = re.compile(r"^(?:(\d{4})-)?(?:--)?(\d{2})-(\d{2})/(?:(\d{4})-)?(?:--)?(\d{2})-(\d{2})$")
_RANGE = re.compile(r"至|到|—|－|~|～")
# 至9月1日, 到8月16日: a day written as where a span ends
_AN_END = re.compile(r"(?:至|到|直到|截至)\s*$")


def check(table: FactTable) -> None:
    for d in table.facts:
        if d.q.kind != "duration" or d.q.unit != "day" or d.q.value is None or d.is_cell:
            continue
        head = d.text[max(0, d.q.start - 6) : d.q.start]
        inclusive = _INCLUSIVE.search(head) is not None
        if not inclusive and _BETWEEN.search(head) is None:
            continue
        if _FROM_AN_EVENT.search(d.text, max(0, d.q.start - 16), d.q.start):
            continue  # 与奥运会闭幕相隔17天: one end is an event dated elsewhere, not this sentence's day
        _judge(table, d, inclusive)


def _days(table: FactTable, d: Fact, *, paragraph: bool = False) -> list[tuple[Event, dt.date]]:
    """The days written before ``d`` in its sentence (with ``paragraph``, in its paragraph)."""
    out: list[tuple[Event, dt.date]] = []
    year: int | None = None
    passage = table.sentences[d.place.sentence].passage
    for e in table.events:
        if e.q.start >= d.q.start or (
            e.sentence != d.place.sentence
            and not (
                paragraph and e.sentence < d.place.sentence and table.sentences[e.sentence].passage == passage
            )
        ):
            continue
        if _LISTED.search(e.text, max(0, e.q.start - 12), e.q.start) or re.match(
            # (5月1日至5日、共5天的“五一”假期: a pause before its length, not a list)
            r"\s*、(?!\s*(?:共|计|合计|总共|历时|为期))",
            e.text[e.q.end : e.q.end + 4],
        ):
            continue  # 决议日依次为1月29日、3月19日…和12月10日: days of a list are no span's ends
        days: list[tuple[int | None, int, int]] = []
        if e.q.kind == "date_range" and e.q.iso and "/" in e.q.iso:
            # 从1月1日到6月30日, 9月8日至11日: a range of days gives both its ends
            m = _RANGE_DAYS.match(e.q.iso)
            if m is None:
                continue
            y0 = int(m.group(1)) if m.group(1) else None
            y1 = int(m.group(4)) if m.group(4) else y0
            days = [(y0, int(m.group(2)), int(m.group(3))), (y1, int(m.group(5)), int(m.group(6)))]
        else:
            found = day_of(e.q)
            if found is None:
                continue
            days = [found]
        for written, mo, da in days:
            y = written or year or e.year_hint
            if y is None:
                continue
            try:
                date = dt.date(y, mo, da)
            except ValueError:
                continue
            if out and date < out[-1][1] and written is None:
                try:
                    date = dt.date(y + 1, mo, da)  # 12月30日至1月2日: the end is in the next year
                except ValueError:
                    continue
            year = date.year
            out.append((e, date))
    return out


def _start_before(table: FactTable, end: Event) -> tuple[Event, dt.date] | None:
    """The day written as a start (…5月1日（星期四）12时起) in the sentences before ``end``'s, within
    its paragraph or the one before it."""
    passage = table.sentences[end.sentence].passage
    for e in reversed(table.events):
        if e.sentence >= end.sentence:
            continue
        other = table.sentences[e.sentence].passage
        if passage is None or other is None or not 0 <= passage - other <= 1:
            break
        found = day_of(e.q)
        if found is None or not _A_START.match(e.text, e.q.end):
            continue
        y = found[0] or e.year_hint
        if y is None:
            return None
        try:
            return e, dt.date(y, found[1], found[2])
        except ValueError:
            return None
    return None


# 5月1日（星期四）12时起, 1月1日零时起, 6月1日开始: a day written as where a span starts
_A_START = re.compile(r"\s*(?:[（(][^）)]*[）)])?\s*(?:\d{1,2}时|零时|中午|正午)?\s*(?:起|开始)")
# 国庆假期7天, 春节长假8天: a holiday named with its length
_HOLIDAY = re.compile(r"[\u4e00-\u9fff]{2,4}(?:假期|长假|小长假|黄金周)\s*")
# 距起火历时104天: a span from an event named after 距
# (距年初确定之日历时338天: the event 确定, its time words and 之日 set aside)
_SINCE_EVENT = re.compile(
    r"^\s*距(?:离)?(?:年初|年中|年底|年末|月初|月底|当年|今年|去年)?(?P<e>[\u4e00-\u9fff]{2,4}?)"
    r"(?:之日|那天|当天|之时)?(?:已|仅|还|历时|相隔|共|有|约)"
)
# 从开工到竣工历时470天: a span named by the events at its two ends
_FROM_TO_EVENTS = re.compile(
    r"从(?P<a>[\u4e00-\u9fff]{2,4}?)(?:到|至)(?P<b>[\u4e00-\u9fff]{2,4}?)(?:历时|用时|共|经过|仅用)"
)


def _said_of(
    d: Fact, days: list[tuple[Event, dt.date]], word: str, *, last: bool = True
) -> tuple[Event, dt.date] | None:
    """The one day ``word`` is said of: in its clause before it, or after it up to the next day
    written (二〇二三年四月一日（星期六），…上线试运行；6月1日起…: 试运行 is said of 4月1日); the last
    day only when ``last``."""
    found = []
    for k, (e, day) in enumerate(days if last else days[:-1]):
        nxt = days[k + 1][0] if k + 1 < len(days) else None
        end = nxt.q.start if nxt is not None and nxt is not e else clause_start(d.text, d.q.start)
        if word in _clause_of(d.text, e.q.start) or word in d.text[e.q.end : max(e.q.end, end)]:
            found.append((e, day))
    return found[0] if len(found) == 1 else None


def _clause_of(text: str, pos: int) -> str:
    """The words of the clause ``pos`` stands in, up to ``pos``."""
    return text[clause_start(text, pos) : pos]


# an hour written right after a day (its weekday in brackets may come between): 12时, 中午, 零时
_HOUR = re.compile(
    r"\s*(?:[（(][^）)]{1,6}[）)])?\s*(?:(?P<h>\d{1,2})\s*(?:时|点)(?!间|期|候)|(?P<noon>中午|正午)|(?P<zero>零时))"
)


def _hour(text: str, pos: int) -> int | None:
    m = _HOUR.match(text, pos)
    if m is None:
        return None
    if m.group("h"):
        h = int(m.group("h"))
        return h if 0 <= h <= 24 else None
    return 12 if m.group("noon") else 0


def _judge(table: FactTable, d: Fact, inclusive: bool) -> None:
    days = _days(table, d)
    if len(days) == 1 and _AN_END.search(d.text, max(0, days[0][0].q.start - 2), days[0][0].q.start):
        # 5月1日12时起…。…至9月1日12时结束，共123天: the one day written is an end; the start is before
        start = _start_before(table, days[0][0])
        days = [start, *days] if start is not None and start[1] <= days[0][1] else days
    if len(days) < 2:
        return
    (ea, a), (eb, b) = days[-2], days[-1]
    # 自6月13日开始 / 7月29日（星期五）启动应急响应: the day a run started
    started = [
        (e, day)
        for e, day in days[:-1]
        if (
            re.search(r"[自从]\s*$", d.text[max(0, e.q.start - 2) : e.q.start])
            and re.match(r"\s*(?:（[^）]*）)?\s*(?:开始|起)", d.text[e.q.end : e.q.end + 12])
        )
        or re.match(
            r"\s*(?:（[^）]*）)?\s*(?:\d{1,2}时(?:\d{1,2}分)?)?\s*(?:启动|开工|开幕|开赛)",
            d.text[e.q.end : e.q.end + 16],
        )
    ]
    own_clause = _clause_of(d.text, d.q.start)
    since = _SINCE_EVENT.search(own_clause)
    begun = None
    if since is not None:
        # 调查报告于6月28日公布，距起火历时104天: from the day of the event named (起火), which this
        # sentence may not write at all
        begun = _said_of(d, days, since.group("e"), last=False)
        if begun is None:
            # (2024年1月23日…会议确定了今年10件实事。…12月26日…发布，距年初确定之日历时338天: the event's
            # day may be an earlier sentence's)
            earlier = [
                (e, day) for e, day in _days(table, d, paragraph=True) if e.sentence < d.place.sentence
            ]
            begun = _said_of(d, earlier, since.group("e")) if earlier else None
        if begun is None:
            return
    from_to = _FROM_TO_EVENTS.search(own_clause)
    first = _said_of(d, days, from_to.group("a")) if from_to else None
    last = _said_of(d, days, from_to.group("b")) if from_to else None
    if since is not None and begun is not None:
        (ea, a) = begun
    elif first is not None and last is not None and first[1] <= last[1]:
        # 3月16日开工，11月29日封顶，2024年6月28日通过竣工验收，从开工到竣工历时470天: the days of the
        # two events the span names
        (ea, a), (eb, b) = first, last
    elif (
        started
        and (
            re.search(r"结束|共持续|累计持续|总共|一共", own_clause)
            # (…16时启动…；…7月9日16时终止，响应持续21天: from the launch to the end the sentence names)
            or re.search(r"终止|结束|解除", d.text[eb.q.end : d.q.start])
        )
    ):
        # 高温事件自6月13日开始，截至8月15日已持续64天…；到8月30日结束时，共持续79天: the whole run is
        # from the start the sentence named
        (ea, a) = started[0]
    elif _WHOLE_RUN.search(d.text, max(0, d.q.start - 8), d.q.start) or _THE_WHOLE.match(own_clause):
        # (5月3日…发射…；6月25日返回器着陆，任务历时53天 / 3月18日开工，…；3月28日全面投产，工期共376天:
        # a mission's or a project's whole span, from the first day its sentence names)
        # 3月22日…；25日起…直到3月27日…，两轮过程首尾相接，前后持续6天: from the first day named
        (ea, a) = days[0]
    else:
        # 出口端于8月6日进洞，进口端…于9月21日进洞；…1月17日全隧贯通，出口端掘进用时164天: from the day
        # of the thing the duration names
        own = own_clause[:3]
        named = _said_of(d, days, own, last=False) if len(own) == 3 else None
        if named is not None:
            (ea, a) = named
        elif (
            _HOLIDAY.fullmatch(own_clause)
            and not any(e.q.start >= d.q.start - len(own_clause) for e, _ in days)
            and _said_of(d, days, own_clause[:2]) is None
        ):
            # 春节假期自2月10日至17日，共8天；国庆假期7天…: a holiday the dates before are not of
            return
    if _AN_END.search(d.text, max(0, ea.q.start - 2), ea.q.start) and _AN_END.search(
        d.text, max(0, eb.q.start - 2), eb.q.start
    ):
        # 5月1日12时起…。…至9月1日12时结束，共123天；…至9月16日12时结束，共138天: two ends of spans
        # from the one start written before, not a span from one end to the other
        start = _start_before(table, ea)
        if start is None:
            return
        ea, a = start
        if b.year > a.year and a <= (same_year := b.replace(year=a.year)):
            b = same_year  # (…9月16日…；…8月16日: ends listed side by side, not a turn of the year)
    diff = (b - a).days
    if diff < 0 and not inclusive:
        diff = -diff  # 于2025年1月9日发布，距…2024年12月9日相隔31天: the earlier day written last
    if diff < 0:
        return
    between = d.text[ea.q.end : eb.q.start]
    counted = (
        {diff + 1}
        if inclusive and (_RANGE.search(between) or "至" in d.text[eb.q.start - 2 : eb.q.start])
        else {diff, diff + 1}
    )
    hours = [_hour(e.text, e.q.end) for e in (ea, eb)]
    if hours[0] is not None and hours[1] is not None:
        # 自5月1日（星期一）中午进入休渔，至8月16日（星期三）12时开渔，共107天: from an hour to an hour, the
        # days are whole only when the hours agree (0时 to 24时 adds the last day)
        whole, part = divmod(diff * 24 + hours[1] - hours[0], 24)
        if part:
            return
        counted = {whole}
    elif re.search(r"起算|算起", own_clause):
        from_day = re.search(r"从(?P<x>[^，,。；;\d]{2,8}?)(?:起算|算起)", own_clause)
        if from_day and from_day.group("x") not in d.text[ea.q.end : ea.q.end + 16]:
            return  # (…定损完成，9月15日…支付，…从首批报案算起历时46天: from a day not written here)
        counted = {diff, diff + 1}  # 自核查完成起算为期184天: counted from a day, with it or not
    elif (
        inclusive
        and _EVENT_DAY.match(d.text, ea.q.end)
        and _EVENT_DAY.match(d.text, eb.q.end)
        and re.search(r"至|到", d.text[ea.q.end : eb.q.start])
    ):
        # 自2020年11月24日发射至12月17日返回共23天: from one event to another, counted either way (not
        # 10月15日出发、22日返回，在外共8天: the days spent away, both counted)
        counted = {diff, diff + 1}
    elif re.match(r"\s*(?:（[^）]*）)?\s*出[伏梅]", d.text[eb.q.end : eb.q.end + 10]):
        # 7月15日入伏、8月24日出伏，三伏共40天 (入梅…出梅): the day of 出伏 is the first one after the
        # season, never counted in it
        counted = {diff}
    elif inclusive or _OPENS_AND_CLOSES.search(d.text, ea.q.start, d.q.start):
        # 为期/共: a run of days counts both ends; so does an event's run from its opening day to its
        # closing day (3月15日开幕，4月13日闭幕，历时30天)
        counted = {diff + 1}
    elif _GAP_WORD.search(d.text, max(0, d.q.start - 6), d.q.start):
        counted = {diff}  # 相隔, 相距, 距…仅剩/还有: the distance between two days, one end counted
    n = int(d.q.value or 0)
    ok = n in counted
    how = (
        f"{hours[0]}时至{hours[1]}时，按整日计 / from an hour to an hour"
        if hours[0] is not None and hours[1] is not None
        else "首尾两天都计入 / both ends counted"
        if counted == {diff + 1}
        else "相隔天数，只计一端 / the days between, one end counted"
        if counted == {diff}
        else "两种算法均可 / either count"
    )
    shown = "或".join(str(c) for c in sorted(counted))
    evidence = f"{a.isoformat()} 至 {b.isoformat()}：{shown}天（{how}） {'=' if ok else '≠'} {d.q.text}"
    lo = clause_start(d.text, d.q.start)
    table.push(
        finding(
            table,
            RELATION,
            "consistent" if ok else "inconsistent",
            d,
            d.text[lo : d.q.end],
            f"{shown}天",
            evidence,
            [(d, "所述")],
            (lo, d.q.end),
        )
    )
