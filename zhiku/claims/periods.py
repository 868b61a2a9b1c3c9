"""What period a number belongs to: a year, a part of it, a span of years.

Statistical prose names a period once and lets it run on: ``2023年，全国……；其中……`` puts every
number after it into 2023 until another period is named. Within a sentence the last period
named before a number is its period; a sentence without one inherits the period in force at
the end of the previous sentence, across paragraphs too (``一是……。二是……。`` run on in one year).

Two kinds of mention do not move that frame:
- a reference inside a comparison (``比2022年的260552亿元``, ``较上年``, ``由2020年的1.1万亿元``):
  it dates only the value it introduces, or the base of the change that follows;
- a day (``2024年1月24日（星期三），……发布``): an event, not a statistical period, unless it
  bounds a stock (``截至2024年6月30日``).

A part of a year is kept as months (``1—10月`` → months 1–10, ``一季度`` → 1–3, ``上半年`` → 1–6),
with ``end`` for a stock counted at the end (``年末``, ``9月末``), so that a growth rate is only
ever computed between like periods (1—10月 against 1—10月, never against a whole year).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from zhiku.quantities.model import Quantity

_CN_DIGIT = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_CN_NUM = "一二两三四五六七八九十"


@dataclass(frozen=True)
class Period:
    """A year (``year``), optionally a run of its months (``months``), or a span of years.

    ``end`` marks a stock counted at the end of the period (年末, 9月末); ``explicit`` is False
    when the period was inherited from an earlier sentence rather than named in the number's own.
    """

    year: int | None = None
    months: tuple[int, int] | None = None
    end: bool = False
    first: int | None = None
    last: int | None = None
    fiscal: bool = False
    explicit: bool = True
    # Years before (−) or after the text's current year when that year is not written: 去年同期 of
    # an undated 1—9月 is 1—9月 at offset −1, never the same period as the 1—9月 it is compared with.
    offset: int = 0

    @property
    def known(self) -> bool:
        return self.year is not None

    def key(self) -> tuple[int | None, tuple[int, int] | None]:
        return self.year, self.months

    def as_filter(self) -> Period | None:
        """The period to look for a value's partners in: itself when the text dates it at all
        (一季度 alone, without its year, still rules out 3月), else None (any period)."""
        dated = self.year is not None or self.months is not None or self.offset != 0
        return self if dated else None

    def shifted(self, years: int) -> Period:
        """The same part of another year (without a year written, that many years from the text's
        unnamed current year)."""
        if self.year is None:
            return replace(self, offset=self.offset + years, first=None, last=None)
        return replace(self, year=self.year + years, first=None, last=None)

    def same_part(self, other: Period) -> bool:
        """Whether two periods cover the same part of their years (1—10月 and 1—10月; 年末 and 全年)."""
        return self.months == other.months and (self.months is None or self.end == other.end)

    def same(self, other: Period) -> bool:
        return (
            self.year == other.year
            and self.offset == other.offset
            and self.same_part(other)
            and self.fiscal == other.fiscal
        )

    def clashes(self, other: Period) -> bool:
        """Two periods that are certainly different years (2022 and 2023; 去年同期 and 本期)."""
        if self.year is not None and other.year is not None:
            return self.year != other.year
        return self.year is None and other.year is None and self.offset != other.offset

    def label(self) -> str:
        if self.first is not None and self.last is not None:
            return f"{self.first}—{self.last}年"
        if self.year is None:
            if self.offset:
                when = {-1: "上年", -2: "前年", 1: "次年"}.get(self.offset, f"{abs(self.offset)}年前")
                if self.months is not None:
                    a, b = self.months
                    when += "同期" if (a, b) != (1, 12) else ""
                return when
            return "（期间未写明）"
        text = f"{self.year}{'财' if self.fiscal else ''}年"
        if self.months is not None:
            a, b = self.months
            text += f"{a}月" if a == b else f"{a}—{b}月"
        if self.end:
            text += "末"
        return text


UNKNOWN = Period(explicit=False)
# a value of no period the text speaks of — a table's benchmark or target column beside its years'
# columns: an offset no 上年/前年 reaches, so that no search for a year or an undated period fits it
NO_PERIOD = Period(explicit=False, offset=-99)

# Parts of a year written in words (not read as quantities).
_PART = re.compile(
    # (Q4单季, 2024Q3: the quarters in a market note's shorthand)
    r"(?:(?P<half>[上下]半年)|(?P<q>(?:第?[一二三四1-4]季度|前[一二三两23]季度|(?<![A-Za-z])Q[1-4](?![0-9A-Za-z]))))"
    r"(?P<partend>末|底)?|"
    r"(?P<firstn>前(?P<n>[0-9一二两三四五六七八九十]{1,3})个?月)|(?P<end>年末|年底|年终)|"
    r"(?P<begin>年初)|(?P<whole>全年|当年|同年|年度)"
)
_MONTH_END = re.compile(r"^\s*(?:份)?\s*(?:末|底)")
_REL_YEAR = re.compile(
    # (上年末…2802.6万亩，本年新增62.8万亩: 本年 is the text's own year, as 今年 is, not the year just named)
    r"(?P<prev>上年|去年|上一年|前一年)(?:(?P<pend>末|底)|(?P<same>同期))?|(?P<next>次年|翌年|下一年|明年)|今年|本年"
)
_REF_BEFORE = re.compile(
    # (占比 is a noun, the share: 国产片占比2018年比上年提高… dates the change in 2018)
    r"(?:(?<!占)比|较|与|同|由|从|相比|对比|相较|是|为|恢复至|恢复到|达到|相当于|"
    # 已不足2021年198895万平方米的四成: a bound against another year's value
    r"不足|不到|超过|接近|高于|低于|仅及|只及)\s*$"
)
_UNTIL = re.compile(r"(?:截至|截止)\s*$")
_FISCAL = re.compile(r"^\s*财年")
_ACADEMIC = re.compile(r"^\s*年?\s*学年")


# 十一五 … 十五五: the five-year plans (第十一个五年规划, 2006—2010, and so on)
_PLAN_NUMBER = (
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
)
# (from 六五, 1981—1985: the first plans did not run in steps of five years from 1953)
_PLAN = re.compile(
    r"(?<![一二三四五六七八九十])(?P<n>十[一二三四五]|[六七八九十])五[”\"’']?(?:期间|时期|规划|末|以来)"
)


def _cn(n: str) -> int:
    if n.isdigit():
        return int(n)
    if n in _CN_DIGIT:
        return _CN_DIGIT[n]
    if n.startswith("十"):
        return 10 + _CN_DIGIT.get(n[1:], 0)
    return 0


@dataclass(frozen=True)
class Mention:
    """A period named in the text at ``start:end``: sets ``year``/``months``/``end`` of the frame."""

    start: int
    end: int
    year: int | None = None
    months: tuple[int, int] | None = None
    month_end: bool = False
    first: int | None = None
    last: int | None = None
    relative: int | None = None  # −1 for 上年, +1 for 次年, 0 for 当年/全年/今年
    # 今年, 去年, 明年 count from the year the text is written in; 上年, 当年, 次年 from the year
    # it is talking about (the frame)
    deictic: bool = False
    passing: bool = False  # 十年前: dates its own sentence's values; the text then goes on in its year
    fiscal: bool = False
    day: bool = False  # a precise day: an event unless it bounds a stock
    same_part: bool = False  # 上年同期: the same months of the year before
    plan: bool = False  # “十四五”: a plan's years, which a text names before they have passed


def mentions(text: str, quantities: Sequence[Quantity]) -> list[Mention]:
    """Every period the text names, left to right."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for q in quantities:
        found = _from_quantity(text, q)
        if found is not None:
            out.append(found)
            taken.append((q.start, q.end))
    spans = sorted((q.start, q.end) for q in quantities)
    starts = [s for s, _ in spans]

    def free(a: int, b: int) -> bool:
        # quantities do not overlap each other: only the one starting before b can reach into [a, b)
        k = bisect_left(starts, b)
        return k == 0 or spans[k - 1][1] <= a

    # "十三五"期间: a five-year plan's years (十三五 runs 2016—2020), a year range like 2016—2020年
    for hit in _PLAN.finditer(text):
        if free(hit.start(), hit.end()):
            first = 1956 + 5 * _PLAN_NUMBER.index(hit.group("n"))
            if hit.group(0).endswith("末"):
                # “十三五”末328万千瓦: the end of the plan's last year, a point in time, not its years
                out.append(Mention(hit.start(), hit.end(), year=first + 4, month_end=True, plan=True))
                continue
            out.append(Mention(hit.start(), hit.end(), first=first, last=first + 4, plan=True))
    # 上年末, 去年底: a year's end of another year, read whole below; its 年末 is not this year's.
    other_years = [h.span() for h in _REL_YEAR.finditer(text) if h.group("prev") or h.group("next")]
    for hit in _PART.finditer(text):
        if not free(hit.start(), hit.end()):
            continue
        if any(a <= hit.start() < b for a, b in other_years):
            continue
        months: tuple[int, int] | None = None
        end = False
        rel: int | None = None
        if hit.group("half"):
            months = (1, 6) if hit.group("half")[0] == "上" else (7, 12)
        elif hit.group("q"):
            word = hit.group("q")
            digit = next(c for c in word if c in "1234一二两三四")
            k = _cn(digit)
            months = (1, 3 * k) if word.startswith("前") else (3 * k - 2, 3 * k)
        elif hit.group("firstn"):
            k = _cn(hit.group("n"))
            if 1 <= k <= 12:
                months = (1, k)
        elif hit.group("end"):
            end = True
        elif hit.group("whole"):
            rel = 0
        elif hit.group("begin"):
            continue
        if months is not None and hit.group("partend"):
            # 三季度末, 上半年末: a stock at the end of the part's last month (9月末, 6月末)
            months, end = (months[1], months[1]), True
        out.append(Mention(hit.start(), hit.end(), months=months, month_end=end, relative=rel))
    for hit in _REL_YEAR.finditer(text):
        if not free(hit.start(), hit.end()):
            continue
        deictic = hit.group(0)[:2] in ("去年", "明年", "今年", "本年")
        if hit.group("prev"):
            out.append(
                Mention(
                    hit.start(),
                    hit.end(),
                    relative=-1,
                    month_end=bool(hit.group("pend")),
                    deictic=deictic,
                    same_part=bool(hit.group("same")),
                )
            )
        elif hit.group("next"):
            out.append(Mention(hit.start(), hit.end(), relative=1, deictic=deictic))
        else:
            out.append(Mention(hit.start(), hit.end(), relative=0, deictic=deictic))
    out.sort(key=lambda x: x.start)
    return out


def _from_quantity(text: str, q: Quantity) -> Mention | None:
    after = text[q.end : q.end + 4]
    if q.kind == "date" and q.iso:
        iso = q.iso
        if re.fullmatch(r"\d{4}", iso):
            year = int(iso)
            if _FISCAL.match(after):
                return Mention(q.start, q.end + after.index("财") + 2, year=year, fiscal=True)
            return Mention(q.start, q.end, year=year, month_end=bool(_MONTH_END.match(after)))
        if m := re.fullmatch(r"(\d{4})-(\d{2})", iso):
            mo = int(m.group(2))
            return Mention(
                q.start, q.end, year=int(m.group(1)), months=(mo, mo), month_end=bool(_MONTH_END.match(after))
            )
        if m := re.fullmatch(r"--(\d{2})", iso):
            mo = int(m.group(1))
            return Mention(q.start, q.end, months=(mo, mo), month_end=bool(_MONTH_END.match(after)))
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso):
            return Mention(q.start, q.end, year=int(m.group(1)), day=True)
        if re.fullmatch(r"--\d{2}-\d{2}", iso):
            return Mention(q.start, q.end, day=True)
        return None
    if q.kind == "duration" and q.unit == "month" and q.value and text[max(0, q.start - 1) : q.start] == "前":
        n = int(q.value)
        if 1 <= n <= 12:
            return Mention(q.start, q.end, months=(1, n))  # 前8个月
    if (
        q.kind == "duration"
        and q.unit == "year"
        and q.value
        and q.value == int(q.value)
        and re.match(r"前\s*[，,：:]", text[q.end : q.end + 3])
    ):
        # 十年前，在学研究生179.40万人: that many years before the year spoken of
        return Mention(q.start, q.end + 1, relative=-int(q.value), passing=True)
    if q.kind == "year_range" and q.low is not None and q.high is not None and q.low >= 1000:
        return Mention(q.start, q.end, first=int(q.low), last=int(q.high))
    if q.kind == "date_range" and q.iso:
        if m := re.fullmatch(r"(?:(\d{4})-)?(?:--)?(\d{2})/(?:(\d{4})-)?(?:--)?(\d{2})", q.iso):
            months = (int(m.group(2)), int(m.group(4)))
            # 2023年三季度末: a stock at the end of the span's last month (9月末)
            end = bool(_MONTH_END.match(after))
            return Mention(
                q.start,
                q.end,
                year=int(m.group(1)) if m.group(1) else None,
                months=(months[1], months[1]) if end else months,
                month_end=end,
            )
        return None
    if (
        q.kind == "number"
        and q.value is None
        and q.low is not None
        and q.high is not None
        and 1000 <= q.low < q.high <= 2999
        and _ACADEMIC.match(after)
    ):
        return Mention(q.start, q.end, year=int(q.low))  # 2023—2024学年: the school year starting 2023
    if q.kind == "number" and q.value is not None and 1000 <= q.value <= 2999 and _FISCAL.match(after):
        return Mention(q.start, q.end + after.index("财") + 2, year=int(q.value), fiscal=True)
    return None


def is_reference(text: str, m: Mention, sentence_start: int) -> bool:
    """A period inside a comparison (比2022年, 由2020年的…, 是上年的…): it dates one value, not the frame."""
    return written_as_reference(text, m.start, sentence_start)


def written_as_reference(text: str, start: int, sentence_start: int = 0) -> bool:
    """Whether the period written at ``start`` follows a comparison's or a basis's word (比, 与, 按…)."""
    # (是“十五”末的4.6倍: a quotation mark may stand between the word and the period)
    before = text[max(sentence_start, start - 5) : start].rstrip('“"‘「')
    # 按2023年末全国总人口140967万人计: a basis of another year, written as that year (按当年汇率
    # and 按年末中间价 speak of the text's own year)
    # (按全年网上零售额15.43万亿元计算: the whole year as a basis, not the period the text goes on in)
    # (not 按全年365天计: the year's days, a span of the year the text speaks of)
    based = text[start : start + 1].isdigit() or (
        text.startswith("全年", start)
        and re.match(r"全年[\u4e00-\u9fff]", text[start : start + 3]) is not None
    )
    if _REF_BEFORE.search(before) or (based and _BASIS.search(before)):
        return True
    # 已比人才规划提出的2025年3.2人多出0.20人: a year inside a comparison still open dates its value
    return text[start : start + 1].isdigit() and bool(
        _OPEN_COMPARISON.search(text, max(sentence_start, start - 14), start)
    )


_BASIS = re.compile(r"(?:按|按照)\s*$")
_OPEN_COMPARISON = re.compile(r"(?:(?<!占)比(?![重例率值])|较)[^，,。；;：:\d比较]{1,12}$")


def bounds_a_stock(text: str, m: Mention, sentence_start: int) -> bool:
    before = text[max(sentence_start, m.start - 3) : m.start]
    return bool(_UNTIL.search(before)) or bool(_MONTH_END.match(text[m.end : m.end + 3]))


def as_of(m: Mention, present: int | None) -> Mention:
    """A 今年/去年/明年 mention read as the year it names when the text's present year is known."""
    if not m.deictic or present is None or m.relative is None:
        return m
    return replace(m, year=present + m.relative, relative=None, deictic=False)


def apply(frame: Period, m: Mention) -> Period:
    """The frame after a mention."""
    if m.first is not None and m.last is not None:
        return Period(year=m.last, first=m.first, last=m.last)
    if m.relative is not None:
        if frame.year is None:
            if m.relative == 0:
                # (去年国庆只放7天。今年日均体育消费7.3亿元: 今年 is the text's own year again, whatever
                # year the sentence before spoke of)
                return replace(frame, explicit=True, offset=0 if m.deictic else frame.offset)
            # (去年全国快递业务量…。…与2019年相比，去年业务量增长了一倍多: 去年 is counted from the text's
            # own year, not from the 去年 before it; 上年 from the year in force)
            offset = m.relative if m.deictic else frame.offset + m.relative
            if m.same_part:
                return Period(offset=offset, months=frame.months, end=frame.end, fiscal=frame.fiscal)
            return Period(offset=offset, end=m.month_end, fiscal=frame.fiscal)
        if m.relative == 0:
            return Period(year=frame.year, fiscal=frame.fiscal, months=None if m.months is None else m.months)
        if m.same_part:
            # 12月…加工量5935万吨…；上年同期加工量为6011万吨: December of the year before
            return Period(
                year=frame.year + m.relative, months=frame.months, end=frame.end, fiscal=frame.fiscal
            )
        return Period(year=frame.year + m.relative, end=m.month_end, fiscal=frame.fiscal)
    if m.year is not None:
        if m.same_part:  # 去年同期 read in the text's own year
            return Period(year=m.year, months=frame.months, end=frame.end, fiscal=frame.fiscal)
        return Period(year=m.year, months=m.months, end=m.month_end, fiscal=m.fiscal)
    if m.months is not None:
        return Period(year=frame.year, months=m.months, end=m.month_end, fiscal=frame.fiscal)
    if m.month_end:  # 年末 after a year
        return Period(year=frame.year, months=None, end=True, fiscal=frame.fiscal)
    return frame


def refine(period: Period, m: Mention) -> Period:
    """A part of the year written right after the year (2023年上半年, 2022年末)."""
    if m.months is not None:
        return replace(period, months=m.months, end=m.month_end or period.end)
    if m.month_end:
        return replace(period, end=True)
    return period
