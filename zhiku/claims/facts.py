"""The fact table of an article: every quantity with what it measures, when, and where it stands.

The article is read once, front to back — prose, list items, captions, the summary and table
cells — and every quantity becomes a :class:`Fact`:

- ``subject``: the words naming what it measures (``全国一般公共预算收入``), taken from its own
  clause or, when the clause names nothing (``比上年增长6.4%``), from the clause it continues;
- ``role``: what the words around it make of it: a ``level``, a ``growth`` rate (增长6.4%), a
  ``change`` in amount (增加191万人), a ``share`` (占83.6%), a ``gap`` between two things (高4.0个
  百分点), a ``rate`` level (失业率5.2%);
- ``period``: the year and part of the year it belongs to (``periods.py``), and for a change the
  period (or subject, or inline value) it is compared with;
- ``item``/``group``/``member``: its place in a 分别 list (城镇、乡村……分别为x和y);
- ``parent``: the total it is part of (…总额V，其中A…), when a 其中 says so;
- ``place``: passage, sentence and clause, or table row and column, and the source line.

Rules (``rules/``) query this table; they do not read the text again.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal, Protocol

from zhiku.claims import labels
from zhiku.claims.document import Document
from zhiku.claims.local import day_of
from zhiku.claims.model import Finding
from zhiku.claims.periods import (
    NO_PERIOD,
    UNKNOWN,
    Mention,
    Period,
    apply,
    as_of,
    bounds_a_stock,
    is_reference,
    mentions,
    refine,
)
from zhiku.data.model import SeriesInfo
from zhiku.quantities import parse_quantities
from zhiku.quantities.model import Quantity


class SeriesStore(Protocol):
    """What the claims need from ``zhiku.data.Store``: values by series and period."""

    def value(self, series_id: str, period: str | int) -> float | None: ...

    def has_series(self, series_id: str) -> bool: ...

    def list_series(self) -> list[SeriesInfo]: ...


Role = Literal["level", "growth", "change", "share", "gap", "rate", "multiple", "other"]

# How many values a search looks at around a claim (see FactTable.around and near).
SPAN = 24

# Kinds that measure something (as opposed to dates, clock times and ordinals).
AMOUNT_KINDS = frozenset({"money", "count", "number", "dimension"})
RATE_KINDS = frozenset({"percent"})  # rates, shares, ‰ (in %) and 个百分点 (unit pp) alike
VALUE_KINDS = AMOUNT_KINDS | RATE_KINDS | {"duration", "multiple"}

_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_END = re.compile(r"[，,；;：:]")
_VALUE_MARK = "\ue000"
_OTHER_MARK = "\ue001"

# --- the words before a number -------------------------------------------------------------
# A change verb followed by 至/到 gives the level reached, not the change.
_TO_LEVEL = re.compile(
    r"(?:增长|增加|上升|提高|提升|上涨|扩大|回升|下降|减少|回落|降低|缩小|缩减|下滑|增|升|降|减|跌)"
    r"(?:了)?(?:至|到|为)(?:了)?$"
)
# (较多年平均偏多22.8%: 多年平均 is the long-term mean compared with, not a yearly average change)
_ANNUAL = re.compile(r"(?<!多)年均|(?<!多)年平均|平均每年|每年平均")
SPAN_YEARS = re.compile(r"(?P<n>[两二三四五六七八九十\d]+)\s*年$")
_QUALIFIERS_AT_END = re.compile(r"(?:约|近|将近|接近|超过|逾|突破|不足|不到|仅|高达|已|达|为|了|\s)*$")
# Verbs of doing that 多/少 before them turn into how much more or less was done (多发送4.57亿人次)
_DOING = (
    r"发送|完成|实现|生产|运送|接待|开行|投入|销售|售出|支出|收入|出|"
    # 比常年同期多蓄12.13亿立方米, 少调水…, 多种植…: more everyday verbs of doing
    r"蓄水|蓄|调水|调|产|运|售|种植|种|招收|招|缴|发放|发电|发|建成|建|"
    # 多执结约11.7万件, 多审结…: a court's and an office's verbs of closing and taking cases
    r"执结|审结|办结|结案|受理|办理"
)
# …and the verbs of spending and selling (少花34.5亿元, 多卖…, 多用…): with _DOING, what 多/少 turn
# into how much more or less was done, in _CHANGE and, for 少, in _DOWN alike
_DONE = rf"(?:{_DOING}|花|卖|用)"
_CHANGE = re.compile(
    r"(?P<verb>(?:多增|少增|净增加|净增|净减少|净减|增长率为|增速为|增幅为|降幅为|增幅|降幅|涨幅|跌幅|负增长|"
    r"增收|减收|增支|减支|增产|减产|"
    r"增长|增加|上升|提高|提升|上涨|扩大|(?<![新])增|下降|减少|回落|降低|下滑|缩小|缩减|收窄|减|下跌|回升|降|涨|"
    r"加快|放缓|上调|下调|抬升|抬高|上行|下行|"
    # 较常年偏早8天, 偏多2成, 偏高1.2℃: how far from the normal (距平), a change against 常年
    r"偏早|偏晚|偏多|偏少|偏高|偏低|"
    # 多发送4.57亿人次, 少完成…: 多/少 before a verb of doing says how much more or less was done
    r"(?:(?<![\u4e00-\u9fff])|(?<=今年|去年|全年|当年|本年|上年|同期|同比))"
    rf"[多少]{_DONE})|"
    r"[多少](?:赚了|赚|挣了|挣)|"  # 工行比建行多赚302.86亿元: 多赚 is always how much more was earned
    r"多出了?|"  # 一年多出238.7亿件: 多出 always says how much more
    # 2024年一年间又少了2.11万所: 又/还/再 + 多了/少了 is how much more or fewer, never a level
    r"(?<=[又还再])[多少]了?|"
    # 同比+4.6%, 同比-1.2%、+13.6%: a signed rate after 同比 or 环比 (the minus is the number's own)
    r"(?<=同比|环比)[+＋]?|(?<=\ue000、)[+＋]|"
    # a market note's yoy +6.6% / mom -0.3%: 同比 and 环比 in English shorthand
    r"(?<=yoy|mom|YoY|MoM)\s?[+＋]?|(?<=yoy |mom |YoY |MoM )[+＋]?)(?:了|为)?$"
)
_DOWN = re.compile(
    r"下降|减少|回落|降低|下滑|缩小|缩减|收窄|减|下跌|降|放缓|下调|下行|少增|净减|跌幅|负增长|偏少|偏低|偏早|"
    r"^少了?$|^少了|"
    rf"^少{_DONE}"
)
# 超收13.6亿元, 超支, 短收: how far revenue or spending came from its budget — a gap, not a level
_GAP = re.compile(r"(?P<verb>高出|超出|超收|超支|短收|高|低|快|慢|多|少|大|小|相差|差距为?|差)(?:了|约)?$")
_GAP_THAN = re.compile(
    r"(?P<verb>快于|慢于|高于|低于|多于|少于|大于|小于|高出|超出)(?P<than>[^，,。；;\ue000]{1,20}?)(?:了|约)?$"
)
_GAP_DOWN = re.compile(r"低|慢|少|小|短收")
_DIFF_NOUN = re.compile(r"(?P<verb>差额|顺差|逆差|差值|缺口)(?:为|达|达到)?$")
_SHARE = re.compile(
    r"(?:(?P<zhan>占)(?!比)(?P<whole>[^，,。；;＃\ue000\ue001]{0,24}?)(?:的)?(?:比重|比例|份额)?(?:由|从)?|"
    # (相当于同期GDP（初步核算数1260582亿元）的7.2%: the whole's value may stand in its brackets)
    # (约为2023年全年赔付支出1.9万亿元的65%: the whole's name may carry its year)
    r"(?:占|完成|为|是|相当于|达到)(?P<wholev>[^，,。；;＃]{0,24}?\ue000+[）)]?)的|"
    r"在(?P<whole3>[^，,。；;＃\ue000\ue001]{1,24}?)中的?(?:比重|占比|份额)|"
    r"(?P<bizhong>占比|比重|份额|所占比重)(?:由|从)?(?:升至|降至|提高到|提高至|提升至|提升到|上升到|上升至|下降到|下降至|回落至|增至)?|"
    r"(?P<of>(?:是|为|相当于|恢复至|恢复到|达到|完成|实现)(?P<whole2>[^，,。；;\ue000]{1,24}?)的))"
    r"(?:仍|已|还|均|都|仅|只|也)?(?:提升至|提高到|提高至|升至|降至|上升到|上升至|下降到|下降至|回落至|增至|"
    r"为|达|达到|是|约为|约|已达|已近|已|在)?$"
)
_CONVERT = re.compile(
    r"(?:约合|折合|折算为|折算成|折算|换算为|换算成|相当于|即|约为|约)(?:人民币|美元)?(?:约)?$"
)
_LEVEL = re.compile(
    r"(?:为|是|达|达到|达至|完成|实现|录得|共|共有|共计|有|合计|累计|总计|计|约为|约|仅为|仅|只有|"
    r"保持在|稳定在|维持在|突破|超过|逾|超|不足|不到|近|接近|将近|高达|已达|已|在|约占|到)$"
)
# (城乡收入比降至2.12: a ratio's name, whose change follows, is no comparison)
_RATIO_CHANGES = r"(?!降至|升至|降到|升到|缩小|扩大|由|从)"
_COMPARE = re.compile(rf"(?P<word>同比|环比|yoy|YoY|mom|MoM|比|较|相比|对比)(?![重例率值]){_RATIO_CHANGES}")
# yoy and mom are 同比 and 环比
_SHORTHAND = {"yoy": "同比", "YoY": "同比", "mom": "环比", "MoM": "环比"}
# (即 "namely" opens a restatement; 即食, 即时, 即期… are words: 即食类吨均产值 names 即食类)
_SUBJECT_DROP = re.compile(
    r"^(?:其中|而|但|且|并|另|同时|此外|另外|全年|当年|同期|期间|截至|截止|到|至|从|由|在|据此推算|据此|即(?![食热烹配时期日刻])|"
    r"按|其|以|对|与|和|及|、|\s|\ue001|年初|上年同期|去年同期|同月|同季度|一年[间来里内]?|上年|去年|年(?!度)|月(?!度)|末|底|份|上半年|下半年|一季度|前(?!值)|后|之后|以来|目前|当前|"
    r"首次|再次|累计|共(?![享同建])|合计|总计|就|相对|绝对|比(?![重例率值])|较)+"
)
_FROM_TAIL = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<![自理经缘服随])(?:由|从)(?!每)[\u4e00-\u9fff]{1,4}$")
_SUBJECT_TAIL = re.compile(
    r"(?:为|是|达到|达|完成|实现|录得|共有|共计|共|有|合计|累计|总计|约|仅|只有|已|将|的|了|中|方面|"
    r"规模|首次|再次|分别|依次|同比|环比|年均|年平均|平均每年|累计|由|从|至少|起码|仍|还|也|\s|"
    r"上年同期|去年同期|上年|去年|"
    # 秋粮一季即占…, 河南一省就增产…: "that one alone" adds nothing to the name
    r"一[季项省市区县家个国年月]?(?:即|就|便)|(?<=[\u4e00-\u9fff])(?:即|就|便))+$"
)
# 2025年再提高至143元: adverbs alone name nothing (再生资源, 再贷款 are names and are kept).
_ADVERBS_ONLY = re.compile(
    r"(?:再|又|还|也|仍|已|已经|均|都|则|便|就|更|进一步|继续|持续|逐步|稳步|大幅|小幅)+"
    # 早了整整26天, 晚了378天, 提前了3天: how much earlier or later, no name
    r"|(?:早|晚|提前|推迟|延后|延迟|相隔|间隔|前后)了?(?:整整|足足|近|约)?"
)
# 以2018年末139538万人的总人口计 / 按960万平方公里的国土面积算: a basis named after its value
_FATE_AFTER = re.compile(r"\s*(死亡|受伤|重伤|轻伤|失踪|遇难|获救|伤亡|被困|中毒)(?![率人])")
_NAMED_AFTER = re.compile(r"的(?P<name>[\u4e00-\u9fff]{2,8}?)(?:计算|计|算|为基数|为分母)")
# Nouns that name an attribute of a thing, not a thing (…亿笔，金额…万亿元; …万户，面积…)
_ATTRIBUTES = frozenset(
    {"金额", "笔数", "数量", "面积", "人数", "户数", "均价", "规模", "重量", "长度", "里程"}
    # (出租汽车运营车辆11848辆，客运量比上年下降43.3%: the taxis' passengers)
    | {"客运量", "货运量"}
)
_GOES_ON = re.compile(r"^\s*(?:并且|而且|并|且)(?![且非不])")
_MONTH_ITEM = re.compile(r"(\d{1,2})\s*月(?:份)?")
# 约占全县的三分之一 / 约为上年11.95亿元的一半: 约 governs the share, whatever stands between
# what a comparison names when it is an earlier period of the same thing (比2019年, 较上年同期)
_A_PERIOD_COMPARED = re.compile(
    r"(?:\d{4}\s*年(?:末|底|同期)?|上年(?:同期|末)?|去年(?:同期)?|前年|上月|上季度|上半年)"
)
_RATE_NAME = re.compile(r"率|比重|占比|增速|增幅|份额|指数|比例")
# （上年公报数为, （上年为, （2023年同期为: a bracket that gives the base period's value
_BASE_NOTE = re.compile(
    r"\s*[（(](?:上年|去年|上年同期|去年同期|\ue001+|\d{4}\s*年(?:同期)?)[^，,。；;（）()\d]{0,8}(?:为|是|：|:)\s*"
)
# an average written beside a total (日均, 平均每批, 人均), or one day's peak (单日峰值): never what a 其中
# after it is part of
_AN_AVERAGE = re.compile(r"平均每|日均|月均|周均|人均|户均|次均|每天|每日|每月|单日|峰值")
_LEVEL_COMPARED = re.compile(r"\s*的(?:平均)?(?:水平|标准|均值|平均数)")
_SHORTHAND_BASE = re.compile(r"(?:同比|环比)[^，,。；;：:]{1,24}的\s*$")
_ABOUT_SHARE = re.compile(r"(?:约|大约|大概|大致)(?:占|为[^，,。；;]{0,16}的(?=[^，,。；;]{0,3}$))")
_PER_ONLY = re.compile(r"(?:平均)?每[\u4e00-\u9fff]{1,3}")
_PERIOD_LEAD = re.compile(
    r"^\s*(?:(?:去年|上年|今年|本年|前年|当年|同期|上月|本月|当月|(?:19|20)\d\d年|\d{1,2}月份?|"
    r"[一二三四]季度|[上下]半年|年末|年底)\s*)+"
)
_COMPARISON_ITEM = re.compile(r"同比|环比")
_A_PERIODS_LEVEL = re.compile(r"\s*(?:\d{4}\s*年|上年|去年)(?:同期)?(?:的)?(?:水平)?\s*")
_PRONOUN = re.compile(r"^(?:两者|二者|三者|四者|五者|前者|后者|上述|以上|这些|它们|其|各自)")
# 其中, and 在41个行业中， (a count named inside 在…中 is the whole the next values divide)
_OF_WHICH = re.compile(r"其中|(?<=\ue000)(?P<among>[^，,。；;\ue000]{0,12}中)[，,：:]")
# 信息技术服务中，云服务、大数据服务收入12470亿元 / 在全部卫生人员中，…: a sentence that opens with X中
# speaks of parts of X.
# a list in brackets that ends the words before 分别: 三条特高压直流（北通道、中通道、南通道）
_BRACKETED_LIST = re.compile(r"[（(]([^（）()]*[、和及与][^（）()]*)[）)]\s*$")
# a measure's bare name (增加值, 进出口额): no pronoun (对其), no period (全年), no one it is of
_MEASURE_ONLY = re.compile(r"(?:(?![其它者对向与和及年月日期])[\u4e00-\u9fff]){2,6}")
_LIST_COUNTED = re.compile(r"、[^、，,。；;]*?[一二两三四五六七八九十]\s*(?:个|级|类|项|种|大|方面)")
_SEMICOLON = re.compile(r"[；;]")  # full and half width alike (a text converted from either)
_AMONG_OPENING = re.compile(r"\s*(?:在)?(?P<name>[^\ue000\ue001\d，,。；;：:、]{2,12}?)中[，,：:]")
# the words that join the items of a list (A、B和C)
# (-1.2%、+13.6%: a sign is the value's; 78.43美元/桶和73.28美元/桶: each member's per-unit is its own)
LIST_SEP = re.compile(r"^(?:/[^\d\s、，,。；;和及与]{1,4})?\s*(?:、|和|及|与|以及)\s*[+＋]?\s*$")
_ITEM_SPLIT = re.compile(rf"、|以及|和|{labels.JI}|与|/")
# 分别, and 依次 (in that order): the values that follow belong, in order, to the items before
_RESPECTIVELY = re.compile(r"分别|依次")
# 比 opening a comparison; not 比重/比例/比率/比值, nor a ratio named 收入比为2.39 / 之比
_IN_COMPARISON = re.compile(rf"(?:(?<!之)比|较)(?![重例率值为是]){_RATIO_CHANGES}[^\ue000，,。；;]*$")
_MULTIPLE_OF = re.compile(
    r"(?:至少|起码|最多|接近|将近|约为|约是|不到|不足|超过)(?:仍|还|已|也)?(?:是|为)?|"
    r"(?:仍|还|已|也)?(?:是|为|相当于|达到|比|较|即|翻)"
)
_TOGETHER = re.compile(r"^(?:加在一起|合起来|合计|共|都|均|各|分别|一起)")
_COUNT_OF_LIST = re.compile(r"^[^，,。；;\d]{0,6}?(?:合计|共计|总计|共|分别|依次|累计)")
_SPAN_FRAME = re.compile(
    r"^(?:来|以来|间|之间|内|之内|里|中)?(?:，|,)?(?:累计|合计|共计|总计|共|来|间|内|增长|增加|翻了|翻)"
)
_COUNTED = re.compile(r"(?:这|上述|以上)?[一二两三四五六七八九十\d]+(?:项|者|类|个|种)(?:指标|数据)?")
_RATE_NOUN = re.compile(r"(?:其|该)?(增速|增幅|增长率|涨幅|增长速度|占比|比重|份额)")
_RESTATE = re.compile(r"\s*[，,（(]?\s*(?:即|约|约合|折合|相当于|约为|折算为|折算成|换算为)?\s*")
_NOUN_GAP_WORDS = frozenset({"差额", "顺差", "逆差", "差值", "缺口"})


@dataclass(frozen=True)
class Place:
    """Where a fact stands: a passage and sentence, or a table row and column."""

    line: int
    passage: int | None = None
    sentence: int = 0  # reading-order number of the sentence (a table row counts as one)
    clause: int = 0
    table: int | None = None
    row: int | None = None
    col: int | None = None

    def describe(self) -> str:
        if self.table is not None and self.row is not None and self.col is not None:
            return f"第{self.line}行（表格第{self.row + 1}行第{self.col + 1}列）"
        return f"第{self.line}行"


@dataclass(frozen=True)
class Fact:
    id: int
    q: Quantity
    text: str  # the passage (or the table row) ``q``'s offsets refer to
    place: Place
    period: Period
    subject: str = ""  # what it measures: its own words, or those of the clause it continues
    own: str = ""  # the words written in its own clause
    role: Role = "level"
    verb: str = ""  # the verb that gave the role: 增长, 占, 高出 …
    down: bool = False  # a fall (下降, 减少, 低于)
    compare: str = ""  # what a change or gap is measured against: 上年, 2010年, 东部 …
    base_period: Period | None = None  # the period compared with (比上年 → the year before)
    base_fact: int | None = None  # an inline base value (比2022年的260552亿元)
    whole: str = ""  # for a share: the whole named after 占 (全部收入)
    whole_fact: int | None = None  # a whole written with its value (占全国进出口总额32.16万亿元的55.7%)
    item: str = ""  # its item in a 分别 list
    group: int | None = None  # the 分别 list it belongs to
    member: int | None = None  # its position in that list
    parent: int | None = None  # the total it is part of (其中)
    context: str = ""  # the clause it stands in, for words like 合计, 平均, 约合
    header: str = ""  # a table cell's column header
    compare_at: int = -1  # offset of 比/较 in ``text``
    compare_has_value: bool = False  # a value is written inside the comparison (比2022年的260552亿元)
    target: int | None = None  # the fact a 分别 member continues (开行1.24万列…分别增长50%)
    qualifier_words: str = ""  # the words right before the number (约, 超过, 不足 …)
    restates: int | None = None  # the fact this one restates in other units (…亿元，约合…万亿元)
    over_years: int | None = None  # 两年平均增长: an average over that many years
    corner: str = ""  # a table cell's measure when only the table's corner header names it (人均消费支出)

    @property
    def value(self) -> float | None:
        return self.q.value

    @property
    def is_cell(self) -> bool:
        return self.place.table is not None

    def label(self) -> str:
        """Every word that names what the fact measures (for matching)."""
        return " ".join(w for w in (self.item, self.subject, self.header) if w)

    @property
    def against_last_year(self) -> bool:
        """A change measured the usual way: against the same period a year before (增长x% alone,
        同比, 比上年, 比去年同期), not against another year or another thing."""
        if not self.compare or self.compare == "同比":
            return True
        prev = _BASE_PREV.match(self.compare)
        if prev is None:
            return False
        if _YEAR_PART.search(self.compare, prev.end()):
            # 一季度…与去年四季度相比增长0.6%: another part of last year is the quarter before
            return self.base_period is not None and self.base_period.same_part(self.period)
        return True


@dataclass(frozen=True)
class Sentence:
    """A sentence of a passage, or a table row: its text and position."""

    index: int
    passage: int | None
    start: int
    end: int
    text: str  # the passage or row text
    line: int
    table: int | None = None
    row: int | None = None
    refs: list[tuple[int, Period]] = field(default_factory=list)  # (offset, period) named as references

    def refs_before(self, pos: int, most: int = 4) -> list[Period]:
        """Periods named as references (比2010年, 是2004年的) before ``pos``, nearest first (a few)."""
        return [p for _, p in self.refs_at_before(pos, most)]

    def refs_at_before(self, pos: int, most: int = 4) -> list[tuple[int, Period]]:
        """The same, each with where it is written."""
        k = bisect_left(self.refs, (pos, -1), key=lambda r: (r[0], -1))
        return list(reversed(self.refs[max(0, k - most) : k]))

    @property
    def words(self) -> str:
        return self.text[self.start : self.end]


@dataclass(frozen=True)
class Event:
    """A non-value quantity (a date, a clock time, an ordinal, a period) and its sentence."""

    q: Quantity
    text: str
    sentence: int
    line: int
    year_hint: int | None  # the year in force where it stands (for a date without a year)
    # the hint is written in its sentence (今年 read from the text's present year counts): it may
    # convict, where a year carried from an earlier sentence may only confirm
    year_written: bool = False


@dataclass
class FactTable:
    """The one state every relation rule reads: an article's facts, sentences and events."""

    doc: Document
    facts: list[Fact] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    store: SeriesStore | None = None
    reference_date: dt.date | None = None
    findings: list[Finding] = field(default_factory=list)
    claimed: set[tuple[int, str]] = field(default_factory=set)
    lists: dict[int, list[int]] = field(default_factory=dict)  # 分别 list id → fact ids
    passage_quantities: dict[int, list[Quantity]] = field(default_factory=dict)
    local_views: list[Any] | None = None  # zhiku.claims.local views, made on first use

    @property
    def file(self) -> Path:
        return self.doc.file

    # -- queries ---------------------------------------------------------------------------
    def fact(self, fid: int) -> Fact:
        return self.facts[fid]

    def sentence_of(self, f: Fact) -> Sentence:
        return self.sentences[f.place.sentence]

    def index(self) -> None:
        """Build the look-ups the rules use (after the table is complete)."""
        self._by_sentence: dict[int, list[Fact]] = {}
        self._children: dict[int, list[Fact]] = {}
        self._cells = [f for f in self.facts if f.is_cell]
        for f in self.facts:
            self._by_sentence.setdefault(f.place.sentence, []).append(f)
            if f.parent is not None:
                self._children.setdefault(f.parent, []).append(f)

    def in_sentence(self, index: int) -> list[Fact]:
        return self._by_sentence.get(index, [])

    def cells(self) -> list[Fact]:
        """The facts read from tables."""
        return self._cells

    def around(self, f: Fact, before: int = 2 * SPAN, after: int = SPAN) -> list[Fact]:
        """The facts of ``f``'s sentence, at most ``before``/``after`` values away from it: a sentence
        of a thousand values (a run-on list) is read in a bounded window, so checking stays linear."""
        if f.id < 0:
            return self.in_sentence(f.place.sentence)
        return [
            g
            for g in self.facts[max(0, f.id - before) : f.id + after + 1]
            if g.place.sentence == f.place.sentence
        ]

    def list_of(self, f: Fact) -> list[Fact]:
        return [] if f.group is None else [self.facts[i] for i in self.lists[f.group]]

    def children(self, f: Fact) -> list[Fact]:
        return self._children.get(f.id, [])

    def near(self, f: Fact, window: int = 60) -> Iterator[Fact]:
        """Facts in a window around ``f``: sentences within ``window``, and at most 8 × SPAN values
        before it and 2 × SPAN after — the bound on every search (callers rank what they find)."""
        s = f.place.sentence
        lo = max(0, f.id - 8 * SPAN) if f.id >= 0 else 0
        hi = f.id + 2 * SPAN + 1 if f.id >= 0 else len(self.facts)
        for g in self.facts[lo:hi]:
            if g.id != f.id and abs(g.place.sentence - s) <= window:
                yield g

    def claim(self, f: Fact, relation: str) -> bool:
        """Mark ``f`` as read by ``relation``; False when another rule of the same family took it."""
        key = (f.id, relation)
        if key in self.claimed:
            return False
        self.claimed.add(key)
        return True

    def push(self, finding: Finding) -> None:
        self.findings.append(finding)


# --- building ----------------------------------------------------------------------------------


def _read(text: str) -> list[Quantity]:
    """The quantities of ``text`` a claim can be checked on.

    A unit named without a number (人民币汇率, 转换为摄氏度) states nothing to check. A range keeps
    only its bounds: the reader gives it its upper end as ``value`` for readers that want one
    figure per mention, but no claim may take that end for a stated number (3%—5% is not 5%).
    """
    read = parse_quantities(text)
    return [
        replace(q, value=None) if q.qualifier == "range" else q
        for q in read
        if not q.unit_only and not _part_of_a_name(text, q) and not _per_base(text, q)
    ]


def _per_base(text: str, q: Quantity) -> bool:
    """每十万人口火灾起数, 每10万人口, 每千户: the people an indicator is per, part of its name — no value
    (每10股派发现金 stays one: the average reads its N)."""
    return bool(re.search(r"每\s*$", text[max(0, q.start - 2) : q.start])) and (q.unit or "") in (
        "人",
        "户",
        "名",
    )


# 10号线, 5号楼, 3号文: a number that names a line, a building or a document; 2023赛季, 2024届: a
# season or a class named by its year
_NAMING_NUMBER = re.compile(r"\s*号[线楼院门馆机台位令文码库舱车窗厅桥]")
_NAMING_YEAR = re.compile(r"\s*(?:赛季|届|年度|财年|学年|版|款)")


def _part_of_a_name(text: str, q: Quantity) -> bool:
    """《唐探1900》, 10号线: a number inside a title, or naming a thing by its number, is no value."""
    if q.kind == "number" and _NAMING_NUMBER.match(text, q.end):
        return True
    if (
        q.kind == "number"
        and q.value is not None
        and 1900 <= q.value <= 2100
        and _NAMING_YEAR.match(text, q.end)
    ):
        return True
    return q.kind in VALUE_KINDS and _in_title(text, q.start)


CLAUSE_MARKS = "，,；;。"


def clause_start(text: str, pos: int, marks: str = CLAUSE_MARKS) -> int:
    """Where the clause holding ``pos`` begins: just after the last of ``marks`` before it (0 if none)."""
    return max(text.rfind(c, 0, pos) for c in marks) + 1


def clause_before(text: str, pos: int) -> int:
    """Where the clause before the one holding ``pos`` begins (the clause itself, if it is the first)."""
    return clause_start(text, max(0, clause_start(text, pos) - 1))


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text``, or None."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the loop keeps the last one
        pass
    return found


# 普通高校有所回落，… / 进口增势较好，…: a thing and how it went, with no figure
# a population group named alone (城镇居民, 农村, 男性): one of the groups a per-head measure is split by
_A_GROUP = re.compile(r"(?:城镇|农村|乡村|城市|城乡)?(?:常住)?(?:居民|家庭|住户)|城镇|农村|乡村|男性|女性")
_TOPIC_CLAUSE = re.compile(
    r"\s*(?P<name>[\u4e00-\u9fff]{2,10}?)(?:(?:有所|继续|保持|持续|略有|明显|小幅|大幅|稳步|增势|降势|出现)"
    r"[\u4e00-\u9fff]{0,4}"
    # 公开招标仍是主要方式，占76.3%: what it is (是/为 a kind or a rank) names the thing too
    r"|(?:仍|依然|依旧)?(?:是|为)(?:主要|最大|第一|首要)[\u4e00-\u9fff]{1,6}"
    # 多计价款已全部核减，相当于决算总投资的1.3%: what was done to it names the thing too
    r"|(?:已|已经|均已)[\u4e00-\u9fff]{1,6}"
    # 数字技术应用业一家独大，占核心产业的40.4%: where it stands names the thing too
    r"|(?:一家独大|一枝独秀|独占鳌头|遥遥领先|居首位?|位居第一|排名第一|领跑))[，,]\s*$"
)


def _topic_clause(text: str, mask: str, s0: int, c0: int) -> str:
    """The thing a figureless first clause of a sentence names (普通高校有所回落，…), or ""."""
    if _VALUE_MARK in mask[s0:c0] or _OTHER_MARK in mask[s0:c0]:
        return ""
    m = _TOPIC_CLAUSE.fullmatch(text, s0, c0)
    return m.group("name") if m else ""


_OVER_YEARS_NAME = re.compile(r"平均|年均|累计")


def _mask(text: str, qs: Sequence[Quantity]) -> str:
    chars = list(text)
    for q in qs:
        if q.kind == "ordinal":
            continue  # 第一产业, 第二产业: part of a name
        mark = _VALUE_MARK if q.kind in VALUE_KINDS else _OTHER_MARK
        if q.kind == "duration" and _OVER_YEARS_NAME.match(text, q.end):
            mark = _OTHER_MARK  # 第二产业两年平均增速: the years name the average, the name goes on
        for i in range(q.start, q.end):
            chars[i] = mark
    return "".join(chars)


def _split(text: str, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        out.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()] or [(start, end)]


_ASIDE = re.compile(r"[（(][^（）()。]*[）)]")
_DEFINING_ASIDE = re.compile(r"[（(][^（）()。]*[\ue000\ue001，,；;：:][^（）()。]*[）)]")
_BLANKED = re.compile(r" {2,}")
_CLOSED_AT_END = re.compile(r"[（(][^（）()]*[）)]$")


def _asides_closed(text: str, start: int, end: int) -> str:
    """``text`` with the clause marks inside a bracketed aside of ``start:end`` blanked: an aside
    (2021年年末全国人口（包括31个省、…，不包括…外籍人员）141260万人) is read as one piece of its
    clause, so the value after it is named by the words before it."""
    chars = list(text)
    for m in _ASIDE.finditer(text, start, end):
        for i in range(m.start(), m.end()):
            if _CLAUSE_END.match(chars[i]):
                chars[i] = " "
    return "".join(chars)


def _share_list_units(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Numbers listed with 、 before one that carries the unit share it (148.3万、70.8万、20.3万个)."""
    out = list(qs)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.kind != "number" or q.value is None or nxt.kind not in AMOUNT_KINDS | RATE_KINDS:
            continue
        if nxt.kind == "number" or not LIST_SEP.match(text[q.end : nxt.start]):
            continue
        if nxt.kind in RATE_KINDS:
            out[i] = replace(q, kind=nxt.kind, unit=nxt.unit)
        else:
            out[i] = replace(q, kind=nxt.kind, unit=nxt.unit, measure=nxt.measure)
    return out


_POINT_WORDS = re.compile(r"^(?:个)?(千分点|基点)")


def _points(text: str, qs: list[Quantity]) -> list[Quantity]:
    """0.4个千分点 and 8个基点: differences of rates, like 个百分点 (per mille points; 0.01 points)."""
    out = []
    for q in qs:
        m = _POINT_WORDS.match(text[q.end : q.end + 4])
        if (
            q.kind in ("count", "number")
            and q.value is not None
            and (m or (q.unit == "个" and _POINT_WORDS.match("个" + text[q.end : q.end + 3])))
        ):
            word = m.group(1) if m else _POINT_WORDS.match("个" + text[q.end : q.end + 3]).group(1)  # type: ignore[union-attr]
            end = text.index(word, q.end) + len(word)
            unit = "‰pt" if word == "千分点" else "bp"
            out.append(replace(q, end=end, text=text[q.start : end], kind="percent", unit=unit))
        else:
            out.append(q)
    return out


_AGE_NAME = re.compile(
    r"^(?:及以上|以上|以下|及以下|以内|组|段|人口|的|劳动力|、|和|及|至|—|－|-|~|老年|儿童|青年|人群|居民|群体|男性|女性)"
)


def _names(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Numbers that are part of a name, not a value: ages naming a group (60岁及以上人口, 16—24岁组), a
    maturity (10年期)."""
    return [
        q
        for q in qs
        if not (q.unit == "岁" and _AGE_NAME.match(text[q.end : q.end + 3]))
        # (10年期国债, 30年期品种, 7天期逆回购: a maturity's name, no span of time — 五年期间 is one)
        and not (q.kind == "duration" and re.match(r"期(?![间内满限])", text[q.end : q.end + 2]))
    ]


def _codes(row_names: set[str], qs: list[Quantity]) -> list[Quantity]:
    """Bare numbers a table of the text uses as its rows' names (| 9810 | 76.9 | 98.1 |: a customs
    mode's code): in prose (9810占比由…), that name, not a value."""
    return [q for q in qs if not (q.kind == "number" and q.unit is None and q.text.strip() in row_names)]


def _clean_compare(words: str, mask: str) -> str:
    """What a comparison names, as written (上年, 2010年, 2022年末, 东部, 30—59岁组), values left out."""
    kept = "".join(ch for ch, mk in zip(words, mask, strict=True) if mk != _VALUE_MARK)
    kept = re.sub(r"的\s*$", "", kept)
    return kept.strip(" ，,、的")


_UNIT_TAIL = re.compile(r"^(?:标准煤|标煤|标准油|油当量|当量|人次|架次|标箱)")


def _after_value(head: str) -> str:
    """The words after the last value in ``head``, a unit's tail (93千克标准煤增至…) left out."""
    at = head.rfind(_VALUE_MARK)
    if at < 0:
        return head
    return _UNIT_TAIL.sub("", re.sub(r"^(?:间|来|之间|以来)(?:的)?", "", head[at + 1 :]))


def per_unit(f: Fact) -> str:
    """What a value is per, when written: 每亩约390公斤 → 亩, 43.6公斤/公顷 → 公顷, 579元/桶 → 桶."""
    before = re.search(r"每([^\d，,。；;约近]{1,2})(?:约|近)?\s*$", f.text[max(0, f.q.start - 6) : f.q.start])
    return before.group(1) if before else per_after(f)


def per_after(f: Fact) -> str:
    """What a value is per, written after it with a slash (579元/桶 → 桶, 5604美元/TEU → TE)."""
    after = _PER_AFTER.match(f.text[f.q.end : f.q.end + 4])
    return after.group(1) if after else ""


def _clean_subject(words: str) -> str:
    # an aside blanked inside the name (粮食主产省（区）粮食总产量, see _slot) leaves no gap in it
    words = _BLANKED.sub("", words.replace(_OTHER_MARK, ""))
    if _VALUE_MARK in words:
        # the words after a value: a unit's tail (93千克标准煤增至…) names nothing new
        _, _, words = words.rpartition(_VALUE_MARK)
        words = _UNIT_TAIL.sub("", words)
    words = _SUBJECT_DROP.sub("", words)
    words = _SUBJECT_TAIL.sub("", words)
    # 征地移民补偿由概算的5.60亿元增至…: what the value was measured in (由概算) is no part of the name
    words = _FROM_TAIL.sub("", words)
    words = words.strip(' ，,、：:“”"').lstrip("（(）)").rstrip("（(")
    if not _CLOSED_AT_END.search(words):
        words = words.rstrip("）)")  # (a bracket that closes an aside of the name stays: 地区生产总值（GDP）)
    return "" if _ADVERBS_ONLY.fullmatch(words) else words


@dataclass
class _Slot:
    role: Role = "level"
    verb: str = ""
    down: bool = False
    compare: str = ""
    compare_at: int = -1
    compare_span: tuple[int, int] | None = None  # absolute span of what is compared with (上年, 东部)
    whole_span: tuple[int, int] | None = None  # absolute span of the whole named after 占
    span_years: re.Match[str] | None = None  # 两年平均增长: how many years the average is over
    whole: str = ""
    subject: str = ""


# 提取额中，/ 在新增就业人员中，: a sentence that opens with the group its shares are of
_GROUP_OPENS = re.compile(r"\s*(?:在)?[\u4e00-\u9fff]{2,12}中[，,]")
# 规划12件的预期目标4件: 的 and the noun naming the value before as the base (目标, 水平, 标准)
_BASE_NOUN_BETWEEN = re.compile(r"\s*的[\u4e00-\u9fff]{0,4}(?:目标|目标值|水平|标准|预期|计划)\s*")
_RATIO_AFTER = re.compile(r"\s*[:：∶]\s*\d")
_RATIO_BEFORE = re.compile(r"\d\s*[:：∶]\s*$")


def ratio_term(text: str, q: Quantity) -> bool:
    """Whether ``q`` is a term of a ratio written a:b (按1:0.5配捐, 2.42∶1): the ratio, not an amount."""
    return q.kind == "number" and bool(
        _RATIO_AFTER.match(text, q.end) or _RATIO_BEFORE.search(text, 0, q.start)
    )


def _slot(text: str, mask: str, start: int, q: Quantity) -> _Slot:
    """Read the words between the clause start ``start`` and ``q``: role, verb, comparison, subject."""
    # An aside closed before the value that holds values or clauses of its own (全国人口（包括31个
    # 省…，不包括…外籍人员）141260万人) is a definition, not the value's name: blanked, offsets kept.
    # A name's other spelling (地区生产总值（GDP）, 城镇化率) stays: the text may use either.
    pre = _DEFINING_ASIDE.sub(lambda m: " " * len(m.group()), mask[start : q.start])
    slot = _Slot()
    # A period written between a verb and its value (增至2023年的4.08万亿元) dates the value; the verb
    # is read without it. Then what stands right before the number: qualifiers (约, 超过, 达, 为).
    pre = re.sub(r"\ue001+\s*(?:同期)?\s*的?\s*$", "", pre)
    core = _QUALIFIERS_AT_END.sub("", pre)
    if q.kind == "number" and q.value == 1 and ratio_term(text, q):
        slot.role = "other"  # 按1:0.5配捐, 城乡收入比2.42∶1: the 1 of a ratio is no value
        return slot
    if q.kind in AMOUNT_KINDS and text.startswith("级", q.end):
        slot.role = "other"  # 10万吨级以上泊位, 万吨级船舶: a class of size, a name, no amount
        return slot
    if (
        q.kind == "count"
        and q.unit in ("位", "名")
        and text[max(0, q.start - 1) : q.start] in ("前", "后", "末")
    ):
        slot.role = "other"  # 前五位综合指数平均为2.39: the top five places of a ranking, no count of people
        return slot
    if q.kind == "multiple":
        slot.role = "multiple"
        m = last_match(_MULTIPLE_OF, core)
        if m is not None:
            slot.subject = _clean_subject(core[: m.start()].split(_VALUE_MARK)[-1])
            return slot
    share_like = q.is_rate or (q.kind == "number" and q.value is not None and 0 < q.value <= 1)
    if share_like and (m := _IN_THE_WHOLE.search(pre)):
        # 在地方政府性基金本级收入中占84.3%: the whole named by 在…中, the part the clause goes on with
        slot.role, slot.verb, slot.whole = "share", "占", m.group("whole")
        at = start + m.start("whole")
        slot.whole_span = (at, at + len(slot.whole))
        slot.subject = _clean_subject(_after_compare(pre[: m.start()], slot, keep=False, offset=start))
        return slot
    if share_like and (m := _SHARE.search(pre)):
        slot.role = "share"
        slot.verb = "占"
        g = (
            next(k for k in ("whole", "wholev", "whole2", "whole3") if m.group(k) is not None)
            if any(m.group(k) is not None for k in ("whole", "wholev", "whole2", "whole3"))
            else "whole"
        )
        # 占全省投资的比重由上年同期的…: the whole is named before 的比重
        slot.whole = re.split(r"的?(?:比重|比例|份额)", (m.group(g) or "").strip())[0]
        if m.group(g) is not None:
            at = start + m.start(g) + (m.group(g).find(slot.whole) if slot.whole else 0)
            slot.whole_span = (at, at + len(slot.whole))
        head = pre[: m.start()]
        slot.subject = _clean_subject(_after_compare(head, slot, keep=False, offset=start))
        return slot
    unqualified = re.sub(r"(?:约|近|将近|接近|超过|逾|突破|不足|不到|仅|高达|已|了|\s)*$", "", pre)
    to_level = _TO_LEVEL.search(unqualified)
    if to_level:
        slot.verb = to_level.group(0)
        head = unqualified[: to_level.start()]
        slot.subject = _clean_subject(_after_compare(head, slot, offset=start))
        slot.compare, slot.compare_at, slot.compare_span = "", -1, None  # 由A增至B: the pair gives the base
        if q.kind in RATE_KINDS:
            slot.role = "rate"
        return slot
    if m := _DIFF_NOUN.search(core):
        slot.role = "gap"
        slot.verb = m.group("verb")
        head = core[: m.start()]
        slot.subject = _clean_subject(_after_value(head) + slot.verb)
        return slot
    gap_than = _GAP_THAN.search(core)
    if (m := _CHANGE.search(core)) and not (gap_than and m.start() >= gap_than.start("than")):
        # (高于全市经济增长0.5个百分点: that 增长 names the rate compared with, the gap's below)
        head = core[: m.start()]
        verb = m.group("verb").strip("+＋ ") or "增长"
        slot.role = "growth" if q.is_rate else "change"
        # 年均增长 / 两年平均增长 (两年 is a duration, masked: read the words as written)
        written = text[start + max(0, len(head) - 6) : start + len(head)]
        annual = _ANNUAL.search(written)
        slot.verb = ("年均" if annual else "") + verb
        slot.down = bool(_DOWN.search(verb))
        if annual:
            cut = len(head) - len(written) + annual.start()
            head = head[:cut]
            slot.span_years = SPAN_YEARS.search(written[: annual.start() + 1])
        slot.subject = _clean_subject(_after_compare(head, slot, offset=start))
        return slot
    if m := gap_than:
        # A快于B n / A高于B n: the comparison follows the verb.
        slot.role = "gap"
        slot.verb = m.group("verb")
        slot.down = bool(_GAP_DOWN.search(m.group("verb")))
        slot.compare = _clean_subject(m.group("than"))
        slot.compare_at = start + m.start("than")
        slot.compare_span = (start + m.start("than"), start + m.end("than"))
        head = core[: m.start()]
        slot.subject = _clean_subject(_after_value(head))
        return slot
    if m := _GAP.search(core):
        head = core[: m.start()]
        word = m.group("verb")
        said = word in ("高出", "超出", "超收", "超支", "短收", "相差", "差距", "差距为", "差")
        # 泉州GDP为12988.6亿元，厦门为8589.0亿元，泉州多4399.6亿元: a thing the sentence gave a value
        # before, then 多/少 alone — how much more than the other
        name = head.replace(_VALUE_MARK, "").strip()
        said = said or (
            word in ("多", "少")
            and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", name) is not None
            and re.search(
                rf"(?:^|[，,；;：:]){re.escape(name)}", text[text.rfind("。", 0, start) + 1 : start].strip()
            )
            is not None
        )
        if (said or _COMPARE.search(head)) and q.kind in AMOUNT_KINDS | RATE_KINDS | {"duration"}:
            slot.role = "gap"
            slot.verb = word
            slot.down = bool(_GAP_DOWN.search(word))
            slot.subject = _clean_subject(_after_compare(head, slot, offset=start))
            compared = (
                text[slot.compare_span[0] : slot.compare_span[1]] if slot.compare_span else slot.compare
            )
            if (
                q.is_rate
                and _A_PERIOD_COMPARED.fullmatch(compared.strip().rstrip("的"))
                and not _RATE_NAME.search(slot.subject)
            ):
                # 整体市场比2019年低3.51%: a level against its own earlier year, in per cent, is how much
                # it changed (986.8/1022.7 − 1), not a gap between two rates
                slot.role = "growth"
            return slot
    if m := _CONVERT.search(core or pre):
        slot.verb = m.group(0)
        core = core[: m.start()]
    lm = _LEVEL.search(core)
    head = core[: lm.start()] if lm else core
    head = _after_value(head)
    slot.subject = _clean_subject(head)
    if _A_MOMENT.fullmatch(slot.subject) and _IN_COMPARISON.search(pre):
        # 比2021年上次调查时的51.3%, 较开业之初的: a moment compared with names when, not what — the
        # value is the clause's subject's, then
        slot.subject = ""
    if q.kind in RATE_KINDS:
        slot.role = "rate"
    return slot


# 上次调查时, 开业之初, 成立之际: a moment, named by what happened then (…时 after a verb or an event)
_A_MOMENT = re.compile(
    r"(?:上一?次|上一?轮|上回)?[\u4e00-\u9fff]{1,6}?(?:(?<![工课小用历计实准按及即适定同临暂平])时|之时|之际|之初)"
)


def _after_compare(head: str, slot: _Slot, keep: bool = True, offset: int = 0) -> str:
    """Take a comparison phrase (比上年, 较2021年末的＃, 同比) off ``head``; the rest names the subject.

    ``slot.compare_at`` is the phrase's offset within ``head`` (the caller adds the clause start).
    """
    found = last_match(_COMPARE, head)
    if found is None:
        return _after_value(head)
    word = _SHORTHAND.get(found.group("word"), found.group("word"))
    opened = None
    if word in ("相比", "对比") and not head[found.end() :].strip(" ，,"):
        # 与去年四季度相比增长0.6%: what is compared with stands between 与 and 相比
        opened = last_match(OPENED_COMPARISON, head[: found.end()])
    if keep:
        slot.compare_at = offset + found.start()
        slot.compare = word if word in ("同比", "环比") else head[found.end() :]
        if opened is not None:
            slot.compare = opened.group("with")
            slot.compare_span = (offset + opened.start("with"), offset + opened.end("with"))
        elif word not in ("同比", "环比"):
            slot.compare_span = (offset + found.end(), offset + len(head))
    before = head[: opened.start() if opened is not None else found.start()]
    return _after_value(before)


_SUPPOSING = re.compile(
    r"(?:^|(?<=[，,；;。：:]))\s*(?:若|如果|假如|假设|倘若|如若|要是)(?=[^，,。；;]{0,6}(?:今年|明年|\d{4}年))"
)
_SAME_YEAR = re.compile(r"(?:同年|当年|是年|该年)\s*$")
# 到2025年, 预计2030年: a year a plan or forecast aims at, not the year the text is written in.
# the words that aim at a year: a plan's, a forecast's, a target's
_AIM_WORDS = r"预计|计划|目标|力争|规划|展望"
# (截至2022年底, 截止到…: a cut-off of figures reported, no aim)
_TARGET_BEFORE = re.compile(rf"(?:(?<!截止)(?<!截)到|(?<!截)至|将|{_AIM_WORDS})\s*$")
# A value planned, budgeted, aimed at or forecast (年初预算, 调整预算, 计划, 目标, 预计), not one done —
# but 一般公共预算收入 and 政府性基金预算收入 name what was collected, in the budget so named
PLANNED = re.compile(
    r"(?:年初|调整后?的?|年度|全年|当年)预算|预算(?:数|安排|草案|目标)|"
    r"(?<!一般公共)(?<!基金)(?<!经营)预算(?![收支])|计划|目标|任务|预期|预计"
)
_AN_AVERAGE_VERB = re.compile(r"(日均|月均|周均|平均每天|平均每日|平均每月)([\u4e00-\u9fff]{2})")
_SUMMED_WORD = re.compile(r"(?:累计|合计|共计|全年|全月|共)$")
# 579元/桶, 2.48元/公斤: the unit a value is per, written after it with a slash
_PER_AFTER = re.compile(r"\s*[/／]\s*([^\d，,。；;\s]{1,2})")
_CUT_OFF = re.compile(r"(?:截至|截止到|截止)\s*$")
_TOGETHER_BEFORE = re.compile(
    r"\s*(?P<items>[^，,。；;：:\d]{2,16}?[和与及、][^，,。；;：:\d]{1,12}?)(?:共|合计|共计|总计|一共)"
)
# 城镇, 乡村, 农村, 城市: the scopes a national measure splits into
_A_SCOPE_WORD = re.compile(r"城镇|乡村|农村|城市|城区|县域|市区|郊区")
_SCOPE_HEAD = re.compile(r"^(?:全国|全省|全市|全县|全区|全州|全盟)")
_IN_THE_WHOLE = re.compile(r"在(?P<whole>[^，,。；;在\d\ue000]{2,20}?)中\s*(?:所)?占(?:比)?(?:为|达)?\s*$")
_ONLY_A_YEAR = re.compile(r"今年|本年|当年|去年|上年|全年")
_A_DAY_AFTER = re.compile(
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]"
)
_PULLS = re.compile(r"(?:拉动|带动)(?!力)")
_A_RANGE_OF_DAYS = re.compile(r"\d\s*日\s*(?:[（(][^（()）]{1,6}[）)])?\s*(?:至|到|—|－|~|～)\s*$")
_ALREADY = re.compile(r"\s*[，,]?\s*(?:已经|已)")
_TARGET_WORD_BEFORE = re.compile(rf"(?:{_AIM_WORDS})\s*(?:到|至)?\s*$")
# 12亿千瓦的2030年目标, 对照“2025年覆盖率达到90%”的目标: a year named as a target's
_TARGET_AFTER = re.compile(r"(?:[^，,。；;“”]{0,16}”)?\s*(?:的)?(?:目标|远景目标|规划目标|预期目标)")


# A clause that gives figures for reference only (…378.09万亿元；作为参照，2022年末存量为344.21万亿元),
# outside the text's thread: its periods date its own values, as a comparison's do.
_ASIDE_OPENING = re.compile(
    r"(?:^|[，,；;：:。（(])\s*(?:作为参照|作为对照|作为比较|作为参考|对照看|对比看|顺带提一句|顺便一提|"
    # 需注意，去年春季第133届线下到会约12.9万人…: a caveat's figures are not the thread's either
    r"附带说明|相比之下|需注意|需要注意|须注意|需要说明|需说明|值得注意的是|需要指出的是|"
    # 测算比重时，财政支出按…260552亿元与…110583亿元合计计算: a method note's figures are its inputs
    r"(?:测算|计算|核算|换算)[\u4e00-\u9fff]{0,8}时)\s*[，,：:]"
)


# 与近5年均值相比, 与2019年的35961.0亿元相比: a comparison opened in a clause of its own; what
# it names (with) is what the clause after it is compared with
# (与2024年春节档（2月10日—17日，80.16亿元）相比: a bracket's commas are inside the comparison)
OPENED_COMPARISON = re.compile(
    r"(?:与|同|和|跟)(?P<with>(?:[^，,。；;（(]|[（(][^（()）。；;]{0,30}[）)]){1,40}?)(?:相比|比较|相较|对比)"
)


# 一般公共预算收入45.62亿元，上年同期为42.12亿元，同比增长8.3%: a clause that gives the base
# period's value by its time word alone dates that value only; the text goes on in its own period
# (增值税上年为1953.6亿元: a name may stand before the time word)
_BASE_CLAUSE = re.compile(r"(?:^|[，,；;：:（(。！？!?])[^，,；;：:（()）。！？!?\d\ue000\ue001]{0,8}$")
# (…，上年同期为42.12亿元 / M1余额66.06万亿元，上年同期69.56万亿元，…: with 为 or without)
_BASE_VALUE_AFTER = re.compile(
    # (上年1—3月完成投资1.17亿元: months after it are its period, not a value)
    r"\s*(?:同期|同月|同季度?|末|底)?\s*(?:(?:时|的)?(?:为|是|仅为|只有)|"
    r"(?=[0-9])(?![0-9]{1,2}\s*(?:[—\-－~～至到]\s*[0-9]{1,2}\s*)?(?:月|季度)))"
)


def _base_clause(text: str, m: Mention) -> bool:
    return (
        m.relative is not None
        and m.relative < 0
        and m.year is None
        and bool(_BASE_CLAUSE.search(text, max(0, m.start - 10), m.start))
        and _BASE_VALUE_AFTER.match(text, m.end) is not None
    )


def _another_month_for_base(text: str, m: Mention, main: Period) -> bool:
    """5月…网签5986套，4月为4723套，环比增长26.7%: a clause that opens with another month of the
    same year and gives its value (为V) states a base; the text goes on in its own month."""
    return (
        m.year is None
        and m.relative is None
        and m.months is not None
        and main.months is not None
        and m.months != main.months
        and bool(_BASE_CLAUSE.search(text, max(0, m.start - 10), m.start))
        and re.search(r"[，,；;]\s*$", text[max(0, m.start - 2) : m.start]) is not None
        # (三季度末为1.56%: a quarter's end, after the figure at the next quarter's end)
        and re.match(r"\s*(?:份|末|底)?\s*(?:为|是)\s*[0-9]", text[m.end :]) is not None
    )


def _named_base(text: str, m: Mention) -> bool:
    """…运营里程10945.6公里；上年末运营里程为10165.7公里。全年新增…: a clause after the figure now that
    gives its base, the thing named again, dates only that base, and the text goes on in its year."""
    return (
        m.relative is not None
        and m.relative < 0
        and m.year is None
        and re.search(r"[；;，,]\s*$", text[max(0, m.start - 2) : m.start]) is not None
        and (named := _NAMED_BASE.match(text, m.end)) is not None
        and text[named.end() : named.end() + 1].isdigit()
        # (上年同月产销为279.6万辆和280.9万辆: a list of bases, all of that year — the clause's own)
        and re.search(r"[和、及与]\s*[0-9]", re.split(r"[，,；;。]", text[m.end :], maxsplit=1)[0]) is None
    )


# (上年末)运营里程为: the thing named again, then its value
_NAMED_BASE = re.compile(r"\s*(?:同期|末|底)?[\u4e00-\u9fff]{2,8}?(?:为|是)\s*")


def _in_title(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a title mark 《…》 (a book's, film's, law's or document's name)."""
    opened = text.rfind("《", 0, pos)
    return (
        opened >= 0
        and text.rfind("》", opened, pos) < 0
        and text.find("》", pos, pos + 60) >= 0
        and text.find("。", opened, pos) < 0
    )


def _in_comparison(f: Fact) -> bool:
    window = OPENED_COMPARISON.finditer(f.text, max(0, f.q.start - 30), min(len(f.text), f.q.end + 8))
    return any(m.start() <= f.q.start < m.end() for m in window)


# 1美元兑6.8元, 按1公顷=15亩换算, 1公顷合15亩: a rate of exchange or of units, written as two amounts
_RATE_WORD = r"(?:合|折合|约合|兑|兑换|等于|=|＝)"
_PER_ONE = re.compile(rf"\s*{_RATE_WORD}")
_OF_ONE = re.compile(
    rf"(?<![\d.])(?:1|一)\s*[^\d，,。；;]{{1,5}}?{_RATE_WORD}\s*$"  # (1平方公里合)
    # (按1亩约666.7平方米折算: 按 opens the rate, which 约 or 为 may state)
    r"|按\s*(?:1|一)\s*[^\d，,。；;约为]{1,5}?(?:约为|约|为|是)?\s*$"
)


def unit_rate(f: Fact) -> bool:
    """Whether ``f`` is one side of a rate (1公顷=15亩: either 1公顷 or 15亩), not a figure."""
    one = f.q.value == 1 and _PER_ONE.match(f.text, f.q.end) is not None
    # (=15亩: the quantity reader may take the = into the value's text)
    head = f.text[max(0, f.q.start - 8) : f.q.start + (1 if f.q.text[:1] in "=＝" else 0)]
    # (每标准组按8辆计: how many of one unit make another, said with 每…按…计)
    each = _EACH_AT.search(f.text, max(0, f.q.start - 10), f.q.start) and _COUNTED_AS.match(f.text, f.q.end)
    return one or _OF_ONE.search(head) is not None or bool(each)


_EACH_AT = re.compile(r"每[^\d，,。；;]{1,6}?按\s*$")
_COUNTED_AS = re.compile(r"\s*(?:计|计算|算)")


def _in_aside(text: str, s0: int, pos: int) -> bool:
    # (from the mark that ends the sentence before: an aside may open the sentence)
    return _ASIDE_OPENING.search(text, max(0, s0 - 1), pos) is not None


def _opens_aside(sentence: Sentence) -> bool:
    """Whether a sentence opens with a reference or a caveat (需注意，… / 作为对照，…)."""
    m = _ASIDE_OPENING.search(sentence.text, max(0, sentence.start - 1), sentence.end)
    return m is not None and not sentence.text[sentence.start : m.start()].strip(" 。*")


_LOOK_BACK = re.compile(r"[\s*]*(?:[一二两三四五六七八九十\d]{1,3}年前|上届|上一届|上年同期|去年同期)")


def _opens_look_back(sentence: Sentence) -> bool:
    """Whether a sentence opens by looking back (四年前的…, 上届…): its figures are of another time."""
    return _LOOK_BACK.match(sentence.text, sentence.start) is not None


def in_aside(table: FactTable, f: Fact) -> bool:
    """Whether ``f`` stands in a clause given for reference or as a caveat (作为对照，上届…223亿美元)."""
    return not f.is_cell and _in_aside(f.text, table.sentences[f.place.sentence].start, f.q.start)


_WHOLE_YEAR_WORDS = re.compile(r"全年|年度|年末|年底|全省全年")
_RANK_CELL = re.compile(r"\s*(?:\d{1,3}|第?[一二三四五六七八九十]{1,3}名?)\s*")
# 2023年一季度分地区软件业务收入如下： / 三大门类的情况见下表。: a sentence that presents the table
_INTRODUCES_TABLE = re.compile(r"如下|下表|表\s*\d|列表|[：:]\s*$")


# 较2023年末的…, 比2022年: a year its sentence compares a value with
_COMPARED_YEAR = re.compile(r"(?:较|比|同|与)\s*(?P<y>\d{4})\s*年")


class _Builder:
    def __init__(self, doc: Document, store: SeriesStore | None, reference_date: dt.date | None) -> None:
        self.table = FactTable(doc, store=store, reference_date=reference_date)
        self.row_names = {row[0].strip() for t in doc.tables for row in t.rows if row}  # (for _codes)
        self.frame: Period = UNKNOWN
        # The text's present, which 今年 and 去年 count from: the latest year of a day it dates (于2025年
        # 10月9日公布: written that year or after), else — a guess — the latest year it has dated its
        # own figures in so far (not a base after 比, not an aside, not a target after 到).
        self.written: int | None = None
        self.present: int | None = None
        # The year the text dates most of its sentences' own figures in (events and asides aside; the
        # latest of equals): the year a paragraph that names none is about (顺带提一句：2022年… ends one
        # paragraph, the next is about 2023 again, like the paragraphs before it; one figure of
        # 2024 "又升至" does not make the rest of a 2023 bulletin 2024's).
        self.data_year: int | None = None
        self.deictic_counts: dict[int, int] = {}  # with no year known: sentences dated 今年 (0), 去年 (−1)…
        self.year_counts: dict[int, int] = {}
        # 1—10月份，全国固定资产投资…: the part of the year the text's first figures are of, when it is
        # a running total (1—N月) and the text never speaks of a whole year (全年, 年度, 年末) — a
        # release on the first ten months is about them in every paragraph that names no other part
        self.headline: Period | None = None
        self.headline_seen = False
        self.whole_year_text = any(_WHOLE_YEAR_WORDS.search(p.text) for p in doc.passages)
        self.paragraph_year: int | None = None
        self.last_sentence = ""  # the text of the last sentence read (does it introduce a table?)
        if reference_date is not None:
            self.frame = Period(year=reference_date.year, explicit=False)
        self.clause_no = 0
        self.topic = ""  # the subject the last sentence of this paragraph ended on
        self.last_whole = ""  # the whole the last share of this paragraph named (占我国外贸总值的…)
        self.last_whole_sentence = -1  # the sentence that named it
        self.last_whole_of = ""  # what that share was of
        self.list_no = 0

    # -- passages --------------------------------------------------------------------------
    def passage(self, pi: int) -> None:
        p = self.table.doc.passages[pi]
        text = p.text
        if not any(ch.isdigit() or ch in "〇零一二三四五六七八九十两百千万亿半" for ch in text):
            return
        # A unit named without a number (人民币汇率, 转换为摄氏度) states nothing to check: not a fact.
        read = _read(text)
        qs = _codes(self.row_names, _share_list_units(text, _names(text, _points(text, read))))
        # A part of a year (3月, 1—10月, 年末) is named for its own paragraph; the year runs on.
        year = self.data_year or self.frame.year
        months = (
            self.headline.months
            if self.headline is not None and self.headline.year == year and not self.whole_year_text
            else None
        )
        # (去年全国快递业务量完成1320.7亿件…。｜同城、异地…分别完成…: with no year known, a paragraph goes on
        # in the 去年 or 今年 the text's figures have been dated by most, not in the text's own year)
        offset = (
            max(self.deictic_counts, key=lambda o: (self.deictic_counts[o], o))
            if year is None and self.deictic_counts
            else 0
        )
        end = months is not None and self.headline is not None and self.headline.end
        self.frame = Period(year=year, months=months, end=end, explicit=False, offset=offset)
        self.topic = ""
        self.last_whole = ""
        self.paragraph_year = None  # the first year this paragraph names for its own figures
        self.table.passage_quantities[pi] = qs
        mask = _mask(text, qs)
        marks = mentions(text, qs)
        for s0, s1 in _split(text, _SENTENCE_END, 0, len(text)):
            self.sentence(pi, p.line, text, mask, qs, marks, s0, s1)

    def sentence(
        self,
        pi: int | None,
        line: int,
        text: str,
        mask: str,
        qs: list[Quantity],
        marks: list[Mention],
        s0: int,
        s1: int,
    ) -> None:
        t = self.table
        sidx = len(t.sentences)
        t.sentences.append(Sentence(sidx, pi, s0, s1, text, line))
        self.last_sentence = text[s0:s1]
        main = replace(self.frame, explicit=False)
        by_day = False  # main's year is only that of a day the sentence dates an event on
        day_year: int | None = None  # a year counted only through such a day
        opening = main
        aimed_at: int | None = None  # the year of a target the sentence ends by naming (到2030年)
        paragraph_year = self.paragraph_year  # as it stood before this sentence
        parts_named: set[tuple[int, int] | None] = set()  # 一季度…二季度…三季度: parts listed side by side
        by_start = {m.start: m for m in marks if s0 <= m.start < s1}
        q_starts = {q.start for q in qs}
        word_marks = [m for m in marks if s0 <= m.start < s1 and m.start not in q_starts]
        year_named = False  # a year (or 今年) is written in this sentence before the point read
        counted: set[int] = set()  # the years this sentence dates its figures in
        counted_offsets: set[int] = set()  # the same with no year known: 今年, 去年
        # (…。作为参照，5月…: an aside that opens the sentence, after the 。 that ends the one before)
        found_aside = _ASIDE_OPENING.search(text, max(0, s0 - 1), s1)
        aside = found_aside.end() if found_aside else None
        # 若今年增长6%，总量将达到4877.6亿元: a supposition's year dates its own figures; the text then
        # goes on in the year it was speaking of
        supposed = _SUPPOSING.search(text, s0, s1)
        if supposed is not None and (aside is None or supposed.start() < aside):
            aside = supposed.start()
        before_aside: Period | None = None
        pending: Period | None = None  # a period inside a comparison: dates the next value only
        pending_named = False  # the pending period's clause names its thing again (上年末运营里程为…)
        named_base = False
        pending_end = -1
        # （8月为281.5万辆、285.7万辆）: the values listed right after one so dated share its period
        bracketed: Period | None = None
        bracketed_end = -1
        last_mark_end = -10
        # 承前省略: a sentence that opens without naming anything (两年累计提高40元，…) goes on about
        # what the sentence before it ended on, within one paragraph.
        subject_chain = self.topic
        clauses = _split(_asides_closed(text, s0, s1), _CLAUSE_END, s0, s1)
        ids: list[int] = []
        chain_before: dict[int, str] = {}  # the subject running on before each fact
        events: list[tuple[int, int, Quantity | Mention]] = [
            (q.start, 0, q) for q in qs if s0 <= q.start < s1
        ]
        events += [(m.start, 1, m) for m in word_marks]
        events.sort(key=lambda e: (e[0], e[1]))
        clause_ids = {}
        for c0, c1 in clauses:
            clause_ids[(c0, c1)] = self.clause_no
            self.clause_no += 1

        starts = [c0 for c0, _ in clauses]

        def clause_of(pos: int) -> tuple[int, int, int]:
            k = max(0, bisect_right(starts, pos) - 1)
            c0, c1 = clauses[k]
            return c0, c1, clause_ids[(c0, c1)]

        for pos, _kind, obj in events:
            c0, c1, cidx = clause_of(pos)
            m = obj if isinstance(obj, Mention) else by_start.get(pos)
            q = obj if isinstance(obj, Quantity) else None
            raw = m  # (去年同期为…: a base clause reads the words as written, before 去年 is dated)
            if m is not None:
                deictic = m.deictic
                if deictic and self.written is None and self.present is not None and m.relative is not None:
                    # (截至2024年底，全国…。去年末全市…4.36万架，较2023年末的2.18万架翻了一番: a year
                    # named as what the deictic's value is compared with is another year — the guessed
                    # present is a year later)
                    compared = _COMPARED_YEAR.search(text, m.end, s1)
                    if compared is not None and int(compared.group("y")) == self.present + m.relative:
                        self.present += 1
                m = as_of(m, self.written if self.written is not None else self.present)
                sure_year = m.year is not None and (self.written is not None or not deictic)
            if m is not None and (
                q is None
                or q.kind not in VALUE_KINDS
                or (q.kind == "duration" and (m.months is not None or m.relative is not None))
                or (q.kind == "number" and (m.fiscal or m.year is not None))
            ):
                if q is not None and m.day and not bounds_a_stock(text, m, s0):
                    # (二〇二六年二月二十八日（星期六），…发布2025年…公报；三月十二日（星期四）: a day
                    # without its year in a sentence of dates follows the last date written whole)
                    # (从2024年12月18日…算起，到9月17日: a day before it in the calendar is of a later year)
                    dated = [
                        e
                        for e in t.events
                        if e.sentence == sidx
                        and (d := day_of(e.q)) is not None
                        and d[0] is not None
                        and (day_of(q) or (0, 0, 0))[1:] >= d[1:]
                    ]
                    t.events.append(
                        Event(
                            q,
                            text,
                            sidx,
                            line,
                            m.year or (dated[-1].year_hint if dated else main.year),
                            # (同年10月24日: the same year as which? a date's or a figure's — a guess)
                            m.year is not None
                            or bool(dated)
                            or (year_named and not _SAME_YEAR.search(text, max(s0, q.start - 3), q.start)),
                        )
                    )
                    if m.year is not None and (
                        not _TARGET_BEFORE.search(text[max(s0, m.start - 4) : m.start])
                        # (2023年12月30日（星期六）至2024年1月1日: a range of days' end is a day reported)
                        or _A_RANGE_OF_DAYS.search(text, max(s0, m.start - 14), m.start)
                    ):
                        self.written = max(self.written or m.year, m.year)  # 于2025年10月9日公布
                        if main.year is None:
                            main = Period(year=m.year, explicit=False)  # the year of a text's first date
                            by_day = True
                    continue
                if before_aside is None and ((aside is not None and m.start >= aside) or m.passing):
                    before_aside = main  # 作为参照，2022年末存量为… / 十年前，…: the frame to go back to
                if (
                    pending is not None
                    and 0 <= m.start - pending_end <= 1
                    and m.year is None
                    and m.first is None
                ):
                    # 与去年四季度相比: the part of the year refines the comparison's period, not the frame
                    pending = refine(pending, m)
                    pending_end = m.end
                elif (
                    m.year is not None
                    and ids
                    and re.fullmatch(r"\s*[（(]\s*", text[t.facts[ids[-1]].q.end : m.start])
                    and re.match(r"\s*年?\s*[）)]", text[m.end : m.end + 3])
                ):
                    # 36.12万篇（2017年）、41.82万篇（2018年）: a year in brackets right after a value dates
                    # that value, and nothing after it
                    f = t.facts[ids[-1]]
                    t.facts[f.id] = replace(f, period=replace(apply(main, m), explicit=True))
                elif (
                    is_reference(text, m, s0)
                    or _in_brackets(text, s0, m.start)
                    or _base_clause(text, raw or m)
                    or (named_base := _named_base(text, raw or m))
                    or (ids and _another_month_for_base(text, raw or m, main))
                ):
                    pending_named = named_base
                    pending = replace(apply(main, m), explicit=True)
                    if raw is not None and raw.relative and text.startswith(("同期", "同月", "同季"), m.end):
                        pending = replace(
                            main.shifted(raw.relative), explicit=True
                        )  # 上年同期: the same part
                    pending_end = m.end
                    if is_reference(text, m, s0):
                        t.sentences[sidx].refs.append((m.start, pending))
                elif 0 <= m.start - last_mark_end <= 1 and m.year is None and m.first is None:
                    main = refine(main, m)  # 2023年上半年, 2022年末
                else:
                    main = replace(apply(main, m), explicit=True)
                    by_day = by_day and m.year is None
                    year_named = year_named or (sure_year or m.last is not None)
                    if m.year is None and m.months is not None:
                        parts_named.add(m.months)
                    target_after = m.year is not None and _TARGET_AFTER.match(text, m.end) is not None
                    aimed = (
                        _TARGET_BEFORE.search(text[max(s0, m.start - 4) : m.start])
                        # (到2025年已是第十个: a year reached, already, is no aim)
                        and not _ALREADY.match(text, m.end)
                    ) or target_after
                    if target_after or (
                        m.year is not None and _TARGET_WORD_BEFORE.search(text, max(s0, m.start - 4), m.start)
                    ):
                        aimed_at = main.year  # (到2023年末，…增至: 到 alone may tell the year reached)
                    if (
                        main.year is not None
                        and not aimed
                        and self.paragraph_year is None
                        and m.year is not None
                    ):
                        self.paragraph_year = main.year
                    if main.year is not None and not aimed and not m.plan:
                        # (“十四五”规划提出，到2025年…: a plan's last year is no year the text speaks in)
                        # (截至2023年底，…发明专利拥有量…。去年全市专利授权…: a stock counted as of a year's
                        # end is reported after the year has closed — the text speaks in the year after)
                        closed = m.year is not None and m.month_end and m.months is None
                        closed = closed and bool(_CUT_OFF.search(text, max(s0, m.start - 4), m.start))
                        # (截至2024年末，…；今年全年新注册7410家: unless its sentence calls that year 今年)
                        closed = closed and not re.search(r"今年|本年", text[s0:s1])
                        present = main.year + 1 if closed else main.year
                        self.present = max(self.present or present, present)
                        if main.year not in counted and before_aside is None and not m.passing:
                            # a year the text speaks in (not a base after 比, not an aside), once a
                            # sentence: a base paragraph's long list counts once
                            counted.add(main.year)
                            self.year_counts[main.year] = self.year_counts.get(main.year, 0) + 1
                            if by_day:
                                day_year = main.year
                            elif day_year is not None and m.year is not None and day_year != main.year:
                                # (2025年1月17日，国家统计局发布全年数据后，…公布2024年主要指标: a period
                                # named only through an event's day yields to a year the sentence names)
                                self.year_counts[day_year] -= 1
                                day_year = None
                            self.data_year = max(self.year_counts, key=lambda y: (self.year_counts[y], y))
                    elif (
                        main.year is None
                        and deictic
                        and not aimed
                        and before_aside is None
                        and not m.passing
                        and main.offset not in counted_offsets
                        # (去年7月1日起，…改为…: a day dates an event, not the figures)
                        and not _A_DAY_AFTER.match(text, m.end)
                    ):
                        counted_offsets.add(main.offset)
                        self.deictic_counts[main.offset] = self.deictic_counts.get(main.offset, 0) + 1
                last_mark_end = m.end
                if q is not None:
                    t.events.append(Event(q, text, sidx, line, main.year))
                continue
            if q is None:
                continue
            if q.kind not in VALUE_KINDS:
                t.events.append(Event(q, text, sidx, line, main.year))
                continue
            period = main
            if bracketed is not None and re.fullmatch(r"\s*[、和及与]\s*", text[bracketed_end : q.start]):
                period, bracketed_end = bracketed, q.end
            else:
                bracketed = None
            if pending is not None:
                # 比2022年的…, 与上年公布的…: a comparison's period dates the value it leads to
                if re.fullmatch(
                    # (去年同期为逆差433亿元: a base clause's value, named after 为)
                    r"\s*(?:同期|同月|同季度?|末|底|初|份)?\s*(?:[^\d，,。；;：:\ue000]{0,4}?的|(?:为|是)[^\d，,。；;：:\ue000]{0,3}?)?\s*[（(]?\s*",
                    text[pending_end : q.start],
                ) or (
                    # (；上年末运营里程为10165.7公里: the thing named again before the base's value)
                    pending_named and _NAMED_BASE.fullmatch(text, pending_end, q.start)
                ):
                    if q.kind != "multiple":
                        # (是去年的1.15倍: the multiple is of now; the year is its base's, which the
                        # rule reads from the words)
                        period = pending
                        if _in_brackets(text, s0, q.start):
                            bracketed, bracketed_end = pending, q.end
                    pending = None
                elif q.start - pending_end > 12:
                    pending = None
            slot = _slot(text, mask, c0, q)
            if slot.role == "level" and not slot.verb and ids:
                prev = t.facts[ids[-1]]
                if (
                    prev.role == "change"
                    and prev.place.sentence == sidx
                    and not prev.q.is_rate
                    and not q.is_rate
                    and prev.q.unit != q.unit
                    and re.fullmatch(r"\s*[、和及]\s*", text[prev.q.end : q.start])
                ):
                    # 较大事故11起、死亡38人，同比减少3起、9人: the verb before a list of changes in
                    # different units governs each (9人 fewer deaths, not a level of 9)
                    slot.role, slot.verb = "change", prev.verb
                    slot.down, slot.compare = prev.down, prev.compare
                    slot.subject = slot.subject or prev.subject
            if slot.role == "gap" and _LEVEL_COMPARED.match(text, q.end):
                # 低于全国1.81名的平均水平: the value of the thing compared with, not how far below it is
                slot.role, slot.verb, slot.compare, slot.down = "level", "", "", False
            if slot.role == "change" and not q.is_rate and _SHORTHAND_BASE.search(text, c0, q.start):
                # 环比2020年四季度的106.3万对下降72.2%: a value after 的 inside 环比… is the base of the
                # change that follows, not a change of its own (环比+5% has no 的)
                slot.role, slot.verb, slot.compare, slot.down = "level", "", "", False
            if slot.role == "share" and q.qualifier == "exact" and _ABOUT_SHARE.search(text, c0, q.start):
                q = replace(q, qualifier="approx")  # 约占全县经营性收入的三分之一: 约 governs the share
            compare_has_value = False
            if slot.compare_span is not None:
                a, b = slot.compare_span
                compare_has_value = _VALUE_MARK in mask[a:b]
                slot.compare = _clean_compare(text[a:b], mask[a:b])
            whole_fact = None
            if slot.whole_span is not None:
                a, b = slot.whole_span
                slot.whole = _clean_compare(text[a:b], mask[a:b])
                # 相当于全国居民人均可支配收入（41314元）的88.4%: the whole's value in brackets after its name
                if bracket := re.match(r"\s*[（(][^（）()]{1,24}[）)]", text[b : q.start]):
                    b += bracket.end()
                whole_fact = next(
                    (
                        g
                        for g in reversed(ids[-8:])
                        if a <= t.facts[g].q.start < b
                        and t.facts[g].q.kind in AMOUNT_KINDS
                        and t.facts[g].role == "level"
                    ),
                    None,
                )
                if whole_fact is not None:
                    # 占全国进出口总额32.16万亿元的55.7%: that value is the whole, named by the words after 占
                    t.facts[whole_fact] = replace(t.facts[whole_fact], own=slot.whole, subject=slot.whole)
                    subject_chain = chain_before.get(whole_fact, subject_chain)
            if slot.role == "share" and slot.verb == "占":
                if slot.whole:
                    # (为2019年水平的110.7%: a level then, no whole later shares are of; 完成年初预算的90.94%:
                    # a plan's completion, no whole of what was done)
                    if not _A_PERIODS_LEVEL.fullmatch(slot.whole) and not PLANNED.search(slot.whole):
                        self.last_whole = slot.whole
                        self.last_whole_sentence = sidx
                        self.last_whole_of = slot.subject or subject_chain
                elif (
                    self.last_whole
                    and whole_fact is None
                    # (…合计253.45万吨，占总产量的近四成，其中海洋捕捞和远洋渔业分别占80.3%和16.2%: after
                    # 其中 a bare 占 is of the value 其中 points back to, not of the whole before it)
                    and not re.match(r"\s*其中", text[c0 : q.start])
                    # (…。其中国内35.9万件、国外在华4.7万件，分别占88.5%和11.5%: 其中 opening the
                    # sentence points back just as well, past a whole an earlier sentence named)
                    and not (re.match(r"\s*其中", text[s0 : q.start]) and self.last_whole_sentence != sidx)
                    # (提取额中，购建房类占22.50%: the sentence names the group its shares are of)
                    and not _GROUP_OPENS.match(text, s0)
                    # (出口…占全国出口的7.7%；进口5483亿元，…占比近四分之一: a whole of the exports holds
                    # no imports — a whole that names the part it was of is that part's kind)
                    and not self._of_another_kind(slot.subject or subject_chain)
                ):
                    # …占我国外贸总值的42.4%。…国有企业进出口1.16万亿元，占17.7%: a bare 占 goes on
                    # with the whole the paragraph's shares have been of
                    slot.whole = self.last_whole
            own = slot.subject
            if _PRONOUN.match(own) or (slot.verb in ("折合", "约合", "合") and _PER_ONLY.fullmatch(own)):
                own = ""  # (单产444.6公斤/亩，每公顷折合6669公斤: 每公顷 names the unit, not a thing)
            if q.is_rate and slot.role == "rate" and (gm := _RATE_NOUN.fullmatch(own)):
                # 其增速14.7% / 占比为10.3%: a rate named only by its kind belongs to the subject before
                slot.role = "share" if gm.group(1) in ("占比", "比重", "份额") else "growth"
                own = ""
            if q.kind == "count" and (
                q.unit == "者" or (q.unit in ("家", "国", "方") and _TOGETHER.match(text[q.end : q.end + 4]))
            ):
                slot.role = "other"  # 两家加在一起 / 两国都: a count of the parties just named
            if q.kind == "duration" and _COUNT_OF_LIST.match(text[q.end : c1]):
                slot.role = "other"  # 两年合计 / 7年间累计: the span a total covers, not a value
            if (
                q.kind == "count"
                and (
                    (
                        "、" in own
                        and not _RESPECTIVELY.search(text[c0 : q.start])
                        and not slot.verb
                        # (省、市、县三级救灾物资储备库132个: the list is counted already, 三级)
                        and not _LIST_COUNTED.search(own)
                        # (国家一、二、三级博物馆合计87家: a total of the listed, not how many are listed)
                        and not re.search(r"(?:合计|共计|总计|共有|累计)\s*$", text[c0 : q.start])
                    )
                    or _COUNT_OF_LIST.match(text[q.end : c1])
                )
            ):
                # 东部、中部、西部、东北四个地区 / 四个地区合计…: how many items a list has, not a value
                slot.role = "other"
            basis = _NAMED_AFTER.match(text, q.end)
            if basis is not None and not own:
                own = basis.group("name")  # 以2018年末139538万人的总人口计: named after the value
            if q.kind == "count" and slot.role == "level" and (fate := _FATE_AFTER.match(text, q.end)):
                own = fate.group(1)  # 造成4人死亡、6人受伤: a casualty count is named by the word after it
            subject = own or subject_chain
            if _A_GROUP.fullmatch(own) and (measure := self._whole_per_head(pi)):
                # 全市居民人均消费支出47586元…。城镇居民50897元、农村居民26277元: a group named alone has the
                # per-head measure the whole's sentence named (城镇居民人均消费支出)
                subject = own + measure
            if (per_day := _AN_AVERAGE_VERB.fullmatch(own)) and (
                at := subject_chain.find(per_day.group(2))
            ) > 0:
                # 铁路累计发送旅客4.84亿人次；…，日均发送1283万人次: an average of the chain's own doing, by
                # the same thing — 铁路日均发送旅客
                thing = _SUMMED_WORD.sub("", subject_chain[:at])
                if thing:
                    subject = thing + own + subject_chain[at + len(per_day.group(2)) :]
            if own in _ATTRIBUTES and subject_chain and not subject_chain.endswith(own) and ids:
                # 网上支付948.88亿笔，同比下降7.09%，金额2765.14万亿元: a bare attribute noun is the
                # attribute of the thing the sentence is on
                prev = t.facts[ids[-1]]
                if prev.place.sentence == sidx and not _ATTRIBUTES.intersection({prev.own}):
                    subject = subject_chain + own
            if not own and ids and _GOES_ON.match(text[c0 : q.start]):
                # 制造业比采矿业高出5.0个百分点，并快于当月规上工业1.2个百分点: a clause opened by 并/且
                # has the subject of the clause before it, whatever that clause stated
                prev = t.facts[ids[-1]]
                if prev.place.sentence == sidx and prev.own and prev.place.clause == cidx - 1:
                    subject = prev.own
            if not own and c0 > s0 and (topic := _topic_clause(text, mask, s0, c0)):
                # 普通高校有所回落，2022年比2020年下降0.9%: a clause with no figure that opens the sentence
                # on a thing and how it went names what the figures after it are of
                subject = subject_chain = topic
            opens_clause = not text[c0 : q.start].strip(" ，,；;：:")
            if opens_clause and slot.role == "level" and q.kind in AMOUNT_KINDS and q.value is not None:
                # 按…汇率折算，4.14万亿元约合6419亿美元: a figure written again without its name is the
                # figure it repeats (全省进出口总值4.14万亿元), not the topic the sentence was on
                again = next(
                    (
                        g
                        for g in reversed(t.facts[max(0, len(t.facts) - 4 * NEIGHBOURS) :])
                        if g.q.text == q.text and g.q.unit == q.unit and g.role == "level" and g.subject
                    ),
                    None,
                )
                if again is not None:
                    subject = again.subject
            chain_before[len(t.facts)] = subject_chain
            # 比农村居民人均消费支出18450元多…: a value written inside a comparison is its base, not the topic
            inside_comparison = slot.role == "level" and bool(_IN_COMPARISON.search(mask[c0 : q.start]))
            if (
                own
                and not inside_comparison
                # (出口1.83万亿元，…，拉动跨境电商进出口增长14.6个百分点，占…: what a part pulls is the
                # whole, and the clauses after go on with the part)
                and not (_PULLS.match(own) and q.is_points)
                # (铁路累计发送旅客4.84亿人次；今年同比增长6.0%，日均发送…: a year word names no thing)
                and not (_ONLY_A_YEAR.fullmatch(own) and q.is_rate)
                and (
                    slot.role in ("level", "rate", "growth", "change", "share")
                    or slot.verb in _NOUN_GAP_WORDS
                )
            ):
                # 地表水源、地下水源和非常规水源供水量分别为…: what runs on is the shared name (供水量)
                listed = "、" in own or _RESPECTIVELY.search(text[c0 : q.start]) is not None
                subject_chain = (_shared_head(_items(own)) or own) if listed and len(_items(own)) > 1 else own
            elif slot.role == "other" and q.kind == "count" and "、" in own:
                # 黑龙江、内蒙古、河南、吉林、新疆五个省份，合计占全国耕地的40%: the items counted are
                # what the next clause speaks of
                subject_chain = own
            f = Fact(
                id=len(t.facts),
                q=q,
                text=text,
                place=Place(line, pi, sidx, cidx),
                period=period,
                subject=subject,
                own=own,
                role=slot.role,
                verb=slot.verb,
                down=slot.down,
                compare=slot.compare,
                compare_at=slot.compare_at,
                compare_has_value=compare_has_value,
                base_period=_base_period(slot.compare, period),
                whole=slot.whole,
                whole_fact=whole_fact,
                over_years=years_count(slot.span_years),
                context=text[c0:c1],
                qualifier_words=text[max(c0, q.start - 4) : q.start],
            )
            t.facts.append(f)
            ids.append(f.id)
        # 分季度看，一季度…，二季度…，三季度…: a sentence that walks through parts of the period
        # does not move the frame; the next sentence (分产业看…) is about the whole period again.
        self.frame = opening if len(parts_named) >= 2 else main
        if ids and not self.headline_seen:
            self.headline_seen = True
            if (
                main.year is not None
                and main.months is not None
                and main.months[1] < 12
                # (9月末，全省本外币各项存款余额…: a text that opens on a stock at a month's end speaks of
                # that date in its later paragraphs too)
                and (main.months[0] == 1 or main.end)
            ):
                self.headline = main
        if aimed_at is not None and main.year == aimed_at and opening.year not in (None, aimed_at):
            # (风光合计14.08亿千瓦，对照12亿千瓦的2030年目标… / 到2030年达到…: a target's year dates the
            # target, and the next sentence goes on in the year the text speaks of)
            self.frame = opening
        elif before_aside is not None:
            self.frame = replace(before_aside, explicit=False)  # the thread goes on past the aside
        elif (
            main.year is not None
            and opening.year is not None
            and main.year < opening.year
            and pi is not None
            and (
                self.paragraph_year == opening.year
                # (6月末M2余额305.02万亿元…。拉长看，2022年6月末M2为258.15万亿元…。M1余额…: a
                # paragraph that goes on in the text's present year without naming it)
                or (
                    paragraph_year is None
                    and opening.year == self.present
                    # (the paragraph has spoken in that year before: not its first figures)
                    and any(
                        f.place.passage == pi and f.period.year == opening.year
                        for f in t.facts[-4 * NEIGHBOURS :]
                        if f.place.sentence < sidx
                    )
                )
                # (三家营收分别为…，分别同比…；澧泉、黔峰窖上年营收分别为…: a sentence that spoke in the
                # year first and then looked back)
                or any(t.facts[i].period.year == opening.year for i in ids)
            )
        ):
            # 2023年全国海洋生产总值99097亿元…。2022年海洋生产总值为94628亿元，须注意…。海洋第一、第二…:
            # a sentence that looks back from the year its paragraph speaks of is a look back; the
            # paragraph goes on in its own year (a narrative moves forward, not back)
            self.frame = opening
        elif (
            main.year is not None
            and pi is not None
            and ids
            and (spoke := t.facts[ids[0]].period).year is not None
            and spoke.explicit
            and spoke.year > main.year
            and spoke.year == self.present
        ):
            # (通报2024年出入境数据：全年…6.1亿人次，…；2019年为6.7亿人次。其中外国人…: a sentence that
            # spoke in the text's present first and ended looking back leaves the thread in the present)
            self.frame = replace(spoke, explicit=False)

        self.topic = subject_chain
        # 比2010年增加…: a sentence compared with year Y is not about Y, whatever it inherited.
        ref_years = {r.year for _, r in t.sentences[sidx].refs if r.year is not None}
        if ref_years and not main.explicit and main.year in ref_years:
            for fid in ids:
                f = t.facts[fid]
                if not f.period.explicit and f.period.year in ref_years:
                    t.facts[fid] = replace(f, period=replace(f.period, year=None))
            self.frame = UNKNOWN
        ids = _Ids(ids)
        ids.starts = [t.facts[g].q.start for g in ids]
        self._restatements(ids, text)
        self._span_years(ids, text)
        self._inline_bases(ids)
        self._bracketed_bases(ids, text)
        self._from_to(ids, text)
        self._gap_after_its_base(ids, text)
        self._respectively(ids, text, s0, s1)
        self._of_which(ids, text, mask, s0, s1)
        self._parallel_places(ids)

    def _of_another_kind(self, part: str) -> bool:
        """Whether the last whole named (全国出口) names the kind of the part its share was of (出口), and
        ``part`` is of another kind (进口)."""
        whole, of = self.last_whole, self.last_whole_of
        return bool(part and of and of != part and whole.endswith(of) and part not in whole)

    def _parallel_places(self, ids: list[int]) -> None:
        """泉州GDP为12988.6亿元，厦门为8589.0亿元: a value named by a place alone, after a place's
        measure, is the other place's of that measure (厦门GDP)."""
        t = self.table
        for a, b in itertools.pairwise(ids):
            fa, fb = t.facts[a], t.facts[b]
            if (
                fa.role != "level"
                or fb.role != "level"
                or not same_measure(fa.q, fb.q)
                or fb.group is not None
            ):
                continue
            # two names of one length side by side (泉州, 厦门), one of them a place the text knows
            n = len(fb.own)
            other, measure = fa.own[:n], fa.own[n:]
            if (
                2 <= n <= 4
                and len(fa.own) > n
                and re.fullmatch(r"[\u4e00-\u9fff]+", fb.own + other)
                and other != fb.own
                and fb.parent is None
                and not (fb.own + other).startswith("全")
                and other[0] != "全"
                and (labels.places(fb.own) == {fb.own} or labels.places(other) == {other})
                and labels.has_content(measure)
                and not re.match(r"[为是的]", measure)
            ):
                t.facts[b] = replace(fb, subject=fb.own + measure)

    def _whole_per_head(self, passage: int | None) -> str:
        """The per-head measure (人均消费支出) the paragraph last named for a whole population
        (全市居民人均消费支出), or ""."""
        for f in reversed(self.table.facts):
            if f.place.passage != passage:
                break
            per = labels.PER_UNIT.search(f.own)
            if (
                per is not None
                and f.role == "level"
                and per.group(0) in ("人均", "户均")
                and len(f.own) - per.end() >= 2  # (户均2.38人: no measure named)
            ):
                whose = re.sub(r"^(?:全市|全省|全区|全县|全国|全体|全部|全)", "", f.own[: per.start()])
                return f.own[per.start() :] if whose in ("", "居民", "常住居民", "家庭", "住户") else ""
        return ""

    def _span_years(self, ids: list[int], text: str) -> None:
        """两年累计提高40元，增长38.8%，年均增长17.8% / 五年来…年均增长: a span of years written as the
        sentence's frame is what every 年均 after it in that sentence averages over."""
        t = self.table
        years: int | None = None
        for i in ids:
            f = t.facts[i]
            if f.q.kind == "duration" and f.q.unit == "year" and f.q.value and f.q.value == int(f.q.value):
                if _SPAN_FRAME.match(text[f.q.end : f.q.end + 4]):
                    years = int(f.q.value)
                continue
            base = re.match(r"(?:比|较|与|同)?(\d{4})年\s*累计", f.compare)
            if years and f.role in ("growth", "change") and base is not None:
                # (三年合计…；2023年比2021年累计增长11.1%，年均增长5.4%: a change summed since a year
                # written frames what follows it anew, over its own years)
                if f.period.year is not None and f.period.year > int(base.group(1)):
                    years = f.period.year - int(base.group(1))
                continue
            if not years:
                continue
            if f.verb.startswith("年均"):
                if f.over_years is None:
                    t.facts[i] = replace(f, over_years=years)
            elif f.role in ("growth", "change", "multiple") and not f.compare and f.period.year is not None:
                # 两年累计增长38.8%: against the year the span starts from, not the year before
                t.facts[i] = replace(f, base_period=f.period.shifted(-years))

    def _restatements(self, ids: list[int], text: str) -> None:
        """61957.64万人次，约6.2亿人次 / 95300万吨，约合9.53亿吨: the same value in other units."""
        t = self.table
        for a, b in pairwise(ids):
            fa, fb = t.facts[a], t.facts[b]
            between = text[fa.q.end : fb.q.start]
            if (
                fa.q.kind == fb.q.kind == "percent"
                and fb.q.measure == "成"
                and fa.q.measure != "成"
                # (占75.2%，已超过七成: 已 says where the rate has come to, the same rate)
                and re.fullmatch(r"\s*[，,]\s*(?:已经|已|即)?\s*", between)
                and re.match(r"接近|将近|近|约|超过|逾|不到|不足", fb.q.text)
            ):
                # 管道燃气普及率79.84%，接近八成: the rate rounded in 成, the same rate
                t.facts[b] = replace(fb, restates=a, subject=fa.subject)
                continue
            if fb.role not in ("level", "rate") or fa.q.kind != fb.q.kind or fa.q.kind not in AMOUNT_KINDS:
                continue
            if "分之" in fa.q.text + fb.q.text:
                continue  # (…的近四分之一，接近8省区市平均水平的2倍: a fraction is a share, no amount)
            # 每公斤53.00元，折合每斤26.50元: a price restated per another unit names that unit
            per_b = re.search(r"每[\u4e00-\u9fff]{1,2}\s*$", between)
            per_a = re.search(r"每[\u4e00-\u9fff]{1,2}\s*$", text[max(0, fa.q.start - 4) : fa.q.start])
            # (2.48元/公斤，约合每斤1.24元: a price per a unit written after it, restated per another)
            slash = _PER_AFTER.match(text[fa.q.end : fa.q.end + 4])
            per_a = per_a or slash
            if per_b and per_a:
                between = between[: per_b.start()]
                if slash is not None and per_b.start() >= slash.end():
                    between = between[slash.end() :]
            said = _RESTATE.fullmatch(between) and re.search(
                r"[即约合折相逾近超（(]", between + fb.q.text[:2]
            )
            if not said and not (fb.verb and _CONVERT.fullmatch(fb.verb) and len(between) <= 6):
                continue
            if re.search(r"兑|汇率", text[max(0, fa.q.start - 6) : fa.q.start]) or unit_rate(fa):
                continue  # 1美元兑6.8元人民币, 按1公顷合15亩计: a rate, not the value restated
            if per_a and not per_b:
                continue  # 按每斤12元计约合43.2万元: a price times an amount, not the price restated
            # 14582万吨（2916亿斤）, 2643.8万公顷（39657万亩）: a bracket restates in another legal unit
            bracketed = between.strip() in ("(", "（")
            if not _same_dimension(fa.q, fb.q) and not (
                bracketed and unit_factor(fa.q.unit or "", fb.q.unit or "") is not None
            ):
                continue
            t.facts[b] = replace(fb, restates=a, subject=fa.subject, role="level")

    def _inline_bases(self, ids: list[int]) -> None:
        """比2022年的260552亿元增长5.4%: the value inside the comparison is the change's base."""
        t = self.table
        for fid in ids:
            f = t.facts[fid]
            if f.compare_at < 0 or not f.compare_has_value:
                continue
            for g in _window(t.facts, ids, f.q.start, before=8, after=0):
                h = t.facts[g]
                if h.place.clause == f.place.clause and f.compare_at < h.q.start < f.q.start:
                    if h.q.kind == "duration" and f.q.kind != "duration":
                        continue  # 较近5年均值（711人）: the span an average is over is no base
                    if h.role in ("change", "growth", "gap"):
                        break  # 比上年增加191.7万千瓦、增长3.5%: the change before is no base
                    t.facts[fid] = replace(f, base_fact=h.id)
                    t.facts[h.id] = replace(
                        h, subject=f.subject, own="", role="level" if h.role != "rate" else "rate"
                    )
                    break

    def _bracketed_bases(self, ids: list[int], text: str) -> None:
        """增速快于全国机场平均水平（15.9%）5.0个百分点: the value in brackets after the thing compared
        with is that thing's, and the gap's base."""
        t = self.table
        for a, b in pairwise(ids):
            fa, fb = t.facts[a], t.facts[b]
            if fb.role != "gap" or fb.base_fact is not None or fa.place.clause != fb.place.clause:
                continue
            if not fa.q.is_rate or fa.q.is_points or not fb.q.is_points:
                continue
            if text[fa.q.start - 1 : fa.q.start] not in ("（", "(") or text[fa.q.end : fa.q.end + 1] not in (
                "）",
                ")",
            ):
                continue
            t.facts[b] = replace(fb, base_fact=a)
            t.facts[a] = replace(
                fa, subject=fb.compare, own=fb.compare, role="rate", verb="", compare="", down=False
            )
        for a, b in pairwise(ids):
            fa, fb = t.facts[a], t.facts[b]
            if (
                fa.role != "growth"
                or fa.q.is_points
                or fa.base_fact is not None
                or fb.q.kind not in AMOUNT_KINDS
            ):
                continue
            note = _BASE_NOTE.fullmatch(text, fa.q.end, fb.q.start)
            if note and re.fullmatch(r"\s*[）)]", text[fb.q.end : fb.q.end + 1]):
                # 全年结婚登记比上年下降20.5%（上年公报数为768.2万对）: the bracket after the growth gives
                # its base
                t.facts[a] = replace(fa, base_fact=b)
                t.facts[b] = replace(fb, subject=fa.subject, own="", role="level", verb="", compare="")

    def _from_to(self, ids: list[int], text: str) -> None:
        """由A增至B / 从A提升到B: B's base is A (a change stated next refers to the pair)."""
        t = self.table
        paired: set[int] = set()  # the later values of two lists already given their bases in order
        for fid in ids:
            f = t.facts[fid]
            if fid in paired:
                continue  # (分别由30%、50%降至20%、35%: 35's base is 50, not the 20 before it)
            if not _TO_LEVEL.search(re.sub(r"[\ue000\ue001]", "", f.verb)) and not f.verb.endswith(
                ("至", "到", "为")
            ):
                continue
            earlier = [
                t.facts[g]
                for g in _window(t.facts, ids, f.q.start, before=12, after=0)
                if t.facts[g].q.end <= f.q.start and same_measure(t.facts[g].q, f.q)
            ]
            for h in reversed(earlier):
                lead = text[max(0, h.q.start - 14) : h.q.start]
                if re.search(r"[由从]", lead) and not re.search(r"[，,。；;]", text[h.q.end : f.q.start]):
                    t.facts[fid] = replace(f, base_fact=h.id)
                    if tos := self._lists_from_to(ids, text, h, f):
                        paired.update(tos)
                        break
                    if h.role == "share" and f.q.is_rate and f.role in ("rate", "level"):
                        # 比重由53.8%下降至50.3%: the later value is the same share of the same whole
                        t.facts[fid] = replace(
                            t.facts[fid], role="share", whole=h.whole, whole_fact=h.whole_fact
                        )
                    if not h.own:
                        t.facts[h.id] = replace(h, subject=f.subject)
                    break

    def _gap_after_its_base(self, ids: list[int], text: str) -> None:
        """超出“十四五”规划12件的预期目标4件: the value right after the verb is the base, named by the
        noun after its 的 (目标), and the value after that noun is the gap."""
        t = self.table
        for k, fid in enumerate(ids[:-1]):
            f, g = t.facts[fid], t.facts[ids[k + 1]]
            if f.role != "gap" or not same_measure(f.q, g.q) or g.role != "level":
                continue
            if not _BASE_NOUN_BETWEEN.fullmatch(text[f.q.end : g.q.start]):
                continue
            t.facts[f.id] = replace(f, role="level", verb="", down=False)
            t.facts[g.id] = replace(
                g, role="gap", verb=f.verb, down=f.down, compare=f.compare, base_fact=f.id, subject=f.subject
            )

    def _lists_from_to(self, ids: list[int], text: str, h: Fact, f: Fact) -> list[int]:
        """分别由79.15%、63.93%提高到93.27%、79.69%: two lists as long as each other, the later
        values' bases the earlier ones in order (and their names). The later values, when ``h``
        and ``f`` were such lists."""
        t = self.table

        def run(first: Fact, step: int) -> list[Fact]:
            out = [first]
            k = ids.index(first.id) + step
            while 0 <= k < len(ids):
                g = t.facts[ids[k]]
                a, b = (g, out[-1]) if step < 0 else (out[-1], g)
                if not same_measure(g.q, first.q) or not LIST_SEP.match(text[a.q.end : b.q.start]):
                    break
                out.append(g)
                k += step
            return out if step > 0 else out[::-1]

        if h.id not in ids or f.id not in ids:
            return []
        froms, tos = run(h, -1), run(f, 1)
        if len(froms) < 2 or len(froms) != len(tos):
            return []
        for a, b in zip(froms, tos, strict=True):
            b = t.facts[b.id]
            named = {"subject": a.subject, "item": a.item} if a.item else {}
            t.facts[b.id] = replace(b, base_fact=a.id, verb=f.verb, **named)  # type: ignore[arg-type]
        return [b.id for b in tos]

    def _respectively(self, ids: list[int], text: str, s0: int, s1: int) -> None:
        """分别 lists: the values after 分别 belong, in order, to the items named before it."""
        t = self.table
        pos = s0
        while True:
            word = _RESPECTIVELY.search(text, pos, s1)
            if word is None:
                return
            at, pos = word.start(), word.end()
            members: list[Fact] = []
            last_end = pos
            for fid in _window(t.facts, ids, at, before=0, after=NEIGHBOURS):
                f = t.facts[fid]
                if f.q.start < at:
                    continue
                gap = text[last_end : f.q.start]
                if members and ratio_term(text, f.q) and _RATIO_BEFORE.search(text, 0, f.q.start):
                    last_end = f.q.end  # 分别为16.2:1和12.3:1: the 1 of each ratio is no member
                    continue
                if members and not LIST_SEP.match(gap):
                    break
                if not members and re.search(r"[，,。；;]", gap):
                    break
                members.append(f)
                last_end = f.q.end
            if len(members) < 2:
                continue
            cut = max(text.rfind(c, s0, at) for c in "，,；;：:")
            clause_start = s0 if cut < s0 else cut + 1
            items_text = text[clause_start:at]
            # 三条特高压直流（北通道、中通道、南通道）分别外送…: the things listed in the brackets
            if (inside := _BRACKETED_LIST.search(items_text)) and len(
                _items_for(inside.group(1), len(members))
            ) == len(members):
                items_text = inside.group(1)
            items = _items_for(items_text, len(members))
            whole_names = False  # the items are whole names (no shared name cut off the last one)
            # (分四大类：A、B、C和D，增加值分别为…: the measure alone before 分别, the items in the clause
            # before it)
            measure_only = bool(_MEASURE_ONLY.fullmatch(items_text.strip())) and len(items) != len(members)
            if (not items_text.strip() or measure_only) and cut > s0:
                # 主要为虚报冒领、超面积发放、发放不及时三类，分别为…: the list is the clause before, when
                # that clause names the items and no value
                prev_cut = max(text.rfind(c, s0, cut) for c in "，,；;：:")
                listed = _LIST_LEAD.sub("", _COUNT_TAIL.sub("", text[max(s0, prev_cut + 1) : cut].strip()))
                listed = _LIST_VERB_TAIL.sub("", listed)  # (A、B、C和D为前四大伙伴: the list ends at 为)
                # (数量居前五名的是山东、江苏、…，分别为…: the list begins after 的是)
                listed = _LIST_OPENS_AFTER.sub("", listed)
                if (together := _TOGETHER_BEFORE.match(listed)) is not None:
                    # 中央和省级财政共投入资金18.6亿元，分别为7.4亿元和11.2亿元: the things a total was of,
                    # named before 共, are the list's items
                    listed = together.group("items")
                named = _items_for(listed, len(members))
                if (
                    len(named) == len(members)
                    and re.search(r"[、和及与]", listed)
                    and not re.search(r"\d", listed)
                    and all(len(x) >= 2 for x in named)
                ):
                    items_text, items, whole_names = listed, named, True
            targets: list[Fact] = []
            # (其中退税、减免税分别…: 其中 is no pronoun, the items follow it)
            # (去年同期两者分别为…: the period the list is of comes before the pronoun)
            pronoun = _PRONOUN.match(_PERIOD_LEAD.sub("", re.sub(r"^\s*其中[，,：:]?", "", items_text)))
            if len(items) != len(members) or pronoun or not items_text.strip():
                # 两者分别增长…, 分别占…: a list named earlier in the sentence (its levels are the targets)
                near = _window(t.facts, ids, clause_start, after=0)
                earlier = [
                    self.table.list_of(t.facts[g])
                    for g in near
                    if t.facts[g].q.end <= clause_start
                    and t.facts[g].group is not None
                    and t.facts[g].member == 0
                ]
                earlier = [lst for lst in earlier if len(lst) == len(members)]
                before = [
                    t.facts[g]
                    for g in near
                    if t.facts[g].q.end <= clause_start and t.facts[g].role == "level"
                ]
                if earlier:
                    items = [g.item for g in earlier[-1]]
                    levels = [lst for lst in earlier if all(g.role == "level" for g in lst)]
                    if levels:
                        targets = levels[-1]
                elif len(before) >= len(members):
                    # 累计开行1.24万列、运送113.5万标箱，分别同比增长50%和56%: the values just before
                    targets = before[-len(members) :]
                    items = [g.subject or g.q.text for g in targets]
                elif _COUNTED.fullmatch(items_text.strip()):
                    # 三项分别折合…: the values of the sentence before
                    prev_s = t.sentences[-1].index - 1
                    prev = [
                        f
                        for f in t.facts
                        if f.place.sentence == prev_s and f.role == "level" and f.q.kind == members[0].q.kind
                    ]
                    if len(prev) >= len(members):
                        targets = prev[-len(members) :]
                        items = [g.subject or g.q.text for g in targets]
            if len(items) != len(members):
                continue
            gid = self.list_no
            self.list_no += 1
            t.lists[gid] = [f.id for f in members]
            head = "" if whole_names else _shared_head(items)
            first = members[0]
            # 同比、环比分别增长11.5%和28.1%: the items name what each change is measured against, not
            # things; each value is a change of the sentence's own thing
            against = all(_COMPARISON_ITEM.fullmatch(i.strip()) for i in items)
            thing = (
                next(
                    (
                        t.facts[g].subject
                        for g in reversed(ids)
                        if g < first.id and t.facts[g].role == "level"
                    ),
                    "",
                )
                if against
                else ""
            )
            for k, f in enumerate(members):
                if k > 0 and f.role in ("level", "rate") and first.role not in ("level", "rate"):
                    f = replace(
                        f,
                        role=first.role,
                        verb=first.verb,
                        down=first.down,
                        whole=first.whole,
                        compare=first.compare,
                        base_period=first.base_period,
                    )
                if against:
                    against_word = items[k].strip()
                    t.facts[f.id] = replace(
                        f,
                        subject=thing,
                        own="",
                        compare=against_word,
                        compare_at=-1,  # (the word stands in the list, not beside this value)
                        base_period=_base_period(against_word, f.period),
                    )
                    continue
                subject = items[k] + head if head and not items[k].endswith(head) else items[k]
                if targets:
                    subject = targets[k].subject or subject
                month = _MONTH_ITEM.fullmatch(items[k].strip())
                period = f.period
                if month is not None and 1 <= int(month.group(1)) <= 12:
                    # 8月、9月、10月当月进出口依次为…: each value is of its own month
                    mo = int(month.group(1))
                    period = replace(f.period, months=(mo, mo), end=False)
                t.facts[f.id] = replace(
                    f,
                    item=items[k],
                    group=gid,
                    member=k,
                    subject=subject,
                    target=targets[k].id if targets else None,
                    period=period,
                )
            self._months_summed([t.facts[m.id] for m in members], ids, text)

    def _months_summed(self, members: list[Fact], ids: list[int], text: str) -> None:
        """8月、9月、10月…依次为…，三个月合计2.36万亿元: the sum of a list of months is of those months."""
        months = [m.period.months for m in members if m.period.months is not None]
        if len(months) != len(members) or any(a != b for a, b in months):
            return
        last = members[-1]
        after = [self.table.facts[g] for g in ids if self.table.facts[g].q.start > last.q.end]
        nxt = next((f for f in after if f.role == "level"), None)
        if nxt is None or nxt.place.sentence != last.place.sentence or not same_measure(nxt.q, last.q):
            return
        if not re.search(r"合计|共计|总计|加起来|之和", text[last.q.end : nxt.q.start]):
            return
        first_month = min(a for a, _ in months)
        last_month = max(b for _, b in months)
        self.table.facts[nxt.id] = replace(nxt, period=replace(nxt.period, months=(first_month, last_month)))

    def _of_which(self, ids: list[int], text: str, mask: str, s0: int, s1: int) -> None:
        """…总额V，其中A a、B b: a and b are parts of V."""
        t = self.table
        self._among_opening(ids, text, mask, s0, s1)
        for m in _OF_WHICH.finditer(mask, s0, s1):
            if m.group("among") is not None and not re.search(r"在[^，,。；;]*$", text[s0 : m.start()]):
                continue
            at = m.end() - 1 if m.group("among") is not None else m.start()
            near = _window(t.facts, ids, at)
            bases = {x for g in near for x in (t.facts[g].base_fact, t.facts[g].whole_fact)}
            before = [
                t.facts[g]
                for g in near
                if t.facts[g].q.end <= at
                and t.facts[g].role == "level"
                and g not in bases
                and not _bound(t.facts[g])
            ]
            after = [
                t.facts[g]
                for g in near
                if t.facts[g].q.start > at and t.facts[g].role == "level" and not _bound(t.facts[g])
            ]
            if not after:
                continue
            # (…收入45.62亿元，上年同期为42.12亿元，同比增长8.3%；其中，税收收入…: not the base year's)
            # (累计接待8.1万人次，日均9000人次；其中县外游客4.9万人次 / 共转运412人，平均每批约137人，其中
            # 危重患者27人: not of the average)
            before = [
                f
                for f in before
                if same_measure(f.q, after[0].q)
                and not f.period.clashes(after[0].period)
                and not (
                    _AN_AVERAGE.search(f.own + f.qualifier_words) and not _AN_AVERAGE.search(after[0].label())
                )
            ]
            # (…累计1281.8万台，…，全年新增422.2万台；其中公共充电桩357.9万台、私人充电桩923.9万台: a total is
            # never smaller than a part)
            largest = max((g.value or 0.0) for g in after if same_measure(g.q, after[0].q))
            before = [f for f in before if (f.value or 0.0) >= largest] or before
            # (票房21.04亿元，观影人次5209万；其中国产影片票房20.17亿元: of the amount in 元, not the
            # bare count, though a bare count may be of any measure)
            exact = [f for f in before if f.q.unit == after[0].q.unit]
            parent: Fact | None = (exact or before)[-1] if before else None
            if parent is None:
                # 其中 opens the sentence: the total is the last like value of the sentence before
                # (before an aside: 年末存量378.09万亿元。作为参照，2022年末存量为344.21万亿元。其中…)
                prev_s = t.sentences[-1].index - 1
                if prev_s > 0 and (
                    _opens_aside(t.sentences[prev_s]) or _opens_look_back(t.sentences[prev_s])
                ):
                    # (…24.6万名…。需注意，去年…约12.9万人…。其中…16万人: past the caveat; …419个小项。
                    # 四年前的陕西十四运是…410个小项…。其中57个小项…: past the look back)
                    prev_s -= 1
                # a base (比2022年的…) or a share's denominator (完成预算数…的40.4%) is another figure
                prev_bases = {
                    x
                    for f in t.facts[max(0, after[0].id - 2 * NEIGHBOURS) : after[0].id]
                    if f.place.sentence == prev_s
                    for x in (f.base_fact, f.whole_fact)
                }
                prev = [
                    f
                    for f in t.facts[max(0, after[0].id - 2 * NEIGHBOURS) : after[0].id]
                    if f.place.sentence == prev_s
                    and f.role == "level"
                    and not _bound(f)
                    and f.id not in prev_bases
                    and not _in_aside(f.text, t.sentences[prev_s].start, f.q.start)
                    and not _in_brackets(f.text, t.sentences[prev_s].start, f.q.start)
                    and not _in_comparison(f)
                    and not unit_rate(f)
                    and same_measure(f.q, after[0].q)
                    and _averages_alike(f, after[0])
                    # (…9个大项。其中57个小项…: a total is never smaller than its part)
                    and not (0 <= (f.value or 0.0) < (after[0].value or 0.0))
                ]
                # 总产值69.93亿元，…增加值37.90亿元。其中，农业产值…: of the like values before, the
                # total is the one that measures what the parts measure (the name's end: 产值)
                measured = [f for f in prev if same_ending(f.label(), after[0].label())]
                prev = measured or prev
                here = t.sentences[-1]
                # (其中 opening a paragraph goes on from the paragraph before: a release that sets
                # each sentence on its own line, 其中去程4620列… under …累计开行8641列)
                opens = here.index == 0 or t.sentences[here.index - 1].passage != here.passage
                carried = opens and not text[s0:at].strip() and here.passage is not None
                if prev and (
                    prev[-1].place.passage == here.passage
                    or (carried and prev[-1].place.passage == (here.passage or 0) - 1)
                ):
                    parent = prev[-1]
            if parent is None:
                continue
            # The parts run to the end of the sentence, past semicolons (其中，第一产业…；第二产业…；
            # 第三产业…), ；and ; alike. Values after them that are not parts do no harm: an incomplete
            # list is only reported when it adds up, and parts share the total's measure and period.
            # (国内航线67167.2万人次（其中港澳台航线1002.3万人次），国际航线5899.5万人次: a 其中 in brackets
            # ends with them)
            stop = s1
            if open_bracket(text, at) >= 0 and (close := re.search(r"[）)]", text[at:s1])) is not None:
                stop = at + close.start()
            self._adopt(after, parent, stop)
            self._back_to_the_whole(ids, parent, text, at, s1)
            # 纳入城乡低保8957户24835人，发放877.74万元。其中，城市低保3167户8112人，发放373.91万元: the
            # parts in each other measure are of the total the parent's sentence gives in it
            pool = [
                f
                for f in t.facts[max(0, parent.id - 2 * NEIGHBOURS) : after[0].id]
                if f.place.sentence == parent.place.sentence
                and f.id != parent.id
                and f.role == "level"
                and not _bound(f)
                and f.id not in bases
                and not f.period.clashes(parent.period)
                # (判处罪犯11.3万人，平均每案约1.4人。其中…判处382人: of the 11.3万人, not the average)
                and not _AN_AVERAGE.search(f.own + f.qualifier_words + f.subject)
            ]
            for other in {(g.q.kind, g.q.unit) for g in after if not same_measure(g.q, parent.q)}:
                part = next(g for g in after if (g.q.kind, g.q.unit) == other)
                # (协议投资额328.6亿元，…，单个项目平均协议投资额7.14亿元。其中…协议投资额215.3亿元: of the
                # total, not of the average per project)
                twins = [f for f in pool if (f.q.kind, f.q.unit) == other and _averages_alike(f, part)]
                if twins:
                    self._adopt(after, twins[-1], s1)

    def _back_to_the_whole(self, ids: list[int], parent: Fact, text: str, at: int, s1: int) -> None:
        """联合收割机1046台，其中玉米收获机468台、水稻收割机297台；比二〇二〇年的702台增加344台: the clause
        after the semicolon that closes a 其中 list, naming nothing of its own, is on the total again,
        not on the list's last part."""
        t = self.table
        parts = [t.facts[g] for g in ids if t.facts[g].parent == parent.id]
        if not parts:
            return
        last = parts[-1]
        semi = _SEMICOLON.search(text, at, s1)
        if semi is not None and last.q.start < semi.start():
            start = semi.end()
        else:
            # (其中省级3个、市级14个、县级115个，比上年的123个增加9个: a comparison right after the list
            # with a base larger than its last part and no larger than the total is the total's)
            m = re.match(r"\s*[，,]\s*(?:比|较|与)", text[last.q.end : s1])
            base = next((t.facts[g] for g in ids if t.facts[g].q.start > last.q.end), None)
            if (
                m is None
                or base is None
                or not same_measure(base.q, last.q)
                or not ((last.q.value or 0.0) < (base.q.value or 0.0) <= (parent.q.value or 0.0))
            ):
                return  # (其中，第一产业…；第二产业…: parts past the semicolon, a list of clauses)
            start = last.q.end + m.start()
        end = _SEMICOLON.search(text, start, s1)
        for g in ids:
            f = t.facts[g]
            if f.q.start < start or f.q.start >= (s1 if end is None else end.start()):
                continue
            if f.own or f.subject != last.subject:
                break
            t.facts[g] = replace(f, subject=parent.subject)

    def _among_opening(self, ids: list[int], text: str, mask: str, s0: int, s1: int) -> None:
        """X中，A a…: the amounts of a sentence that opens with X中 are parts of the last amount the
        passage named X (its measure, its period), up to the first semicolon."""
        m = _AMONG_OPENING.match(mask, s0)
        if m is None or "其中" in m.group(0):
            return
        t = self.table
        after = [
            t.facts[g]
            for g in ids
            if t.facts[g].q.start >= m.end() and t.facts[g].role == "level" and not _bound(t.facts[g])
        ]
        if not after:
            return
        first = after[0]
        name = m.group("name")
        # 直接就业（已落实人数减去升学人数）的毕业生中: a relative clause before 的 narrows the whole
        # (not every 毕业生): a value that does not carry it is of the broader group
        narrowing = re.sub(r"[（(][^（）()]*[）)]", "", name).rpartition("的")[0]
        named = [
            f
            for f in t.facts[max(0, first.id - 4 * NEIGHBOURS) : first.id]
            if (not labels.has_content(narrowing) or narrowing in f.label())
            and f.place.passage == first.place.passage
            and f.place.sentence < first.place.sentence
            and f.role == "level"
            and not _bound(f)
            and same_measure(f.q, first.q)
            and max(labels.likeness_of(name, n) for n in (f.label(), f.item or "", f.subject or "")) >= 0.75
        ]
        if not named:
            return
        parent = named[-1]
        stop = _SEMICOLON.search(text, m.end(), s1)
        self._adopt(after, parent, s1 if stop is None else stop.start(), no_larger=True)

    def _adopt(self, after: list[Fact], parent: Fact, stop: int, no_larger: bool = False) -> None:
        """Make the values of ``after`` up to ``stop`` parts of ``parent``: those of its measure and
        period not already part of another total (with ``no_larger``, none larger than it)."""
        t = self.table
        for f in after:
            if f.q.start > stop:
                break
            # a part whose paragraph names no period at all is of its total's (其中 opening the
            # paragraph after the total's)
            undated = f.period == UNKNOWN
            if _in_brackets(f.text, 0, f.q.start):
                continue  # 本科院校1270所（含本科层次职业学校21所）: a part of the part, not of the total
            if (
                same_measure(f.q, parent.q)
                and f.parent is None
                and (undated or (f.period.same_part(parent.period) and f.period.year == parent.period.year))
                and not (no_larger and (f.value or 0.0) > (parent.value or 0.0))
                and not labels.other_budgets(parent.label(), f.label())
            ):
                subject = f.subject
                if (
                    _A_SCOPE_WORD.fullmatch(f.own)
                    and (measure := _SCOPE_HEAD.sub("", parent.subject)) != parent.subject
                    and f.own not in measure
                ):
                    # 全国就业人员74041万人，其中城镇47032万人: a part named by its scope alone is that
                    # scope's part of the same measure — 城镇就业人员
                    subject = f.own + measure
                t.facts[f.id] = replace(
                    f, parent=parent.id, period=parent.period if undated else f.period, subject=subject
                )

    # -- tables ----------------------------------------------------------------------------
    def table_rows(self, ti: int) -> None:
        tv = self.table.doc.tables[ti]
        frame = self.frame
        if not _INTRODUCES_TABLE.search(self.last_sentence):
            # A table the sentence before does not introduce is of the year the text dates its
            # figures in, not of the year that sentence happened to name (2022年基础研究经费为
            # 2023.5亿元，占比6.57%。| 基础研究 | 2259.1 |…: 2023's table)
            frame = replace(frame, year=self.data_year or frame.year, explicit=False)
        for r, row in enumerate(tv.rows):
            row_text = tv.row_text(r)
            sidx = len(self.table.sentences)
            self.table.sentences.append(
                Sentence(sidx, None, 0, len(row_text), row_text, tv.row_line(r), table=ti, row=r)
            )
            cidx = self.clause_no
            self.clause_no += 1
            row_label = row[0] if row else ""
            label_col = 0
            if len(row) > 1 and _RANK_CELL.fullmatch(row_label) and re.search(r"[^\d\s.,%]", row[1]):
                # | 排名 | 港口 | 吞吐量 |: a leading rank column; the row is named by the next one
                row_label, label_col = row[1], 1
            pos = row_text.find(row_label) + len(row_label) if row_label else 2
            row_unit = _HEADER_UNIT.search(row_label) is not None
            corner = _measure_corner(tv.header[label_col] if label_col < len(tv.header) else "")
            years = [int(m.group(1)) for h in tv.header if (m := _HEADER_YEAR.search(h))]
            spans = any(_SPAN_HEADER.search(h) for h in tv.header)
            latest = max(years) if len(years) >= 2 and not spans else None
            # | 指标 | 单位 | 2021年 | 2022年 |: a unit column gives each row its unit
            unit_col = next((k for k, h in enumerate(tv.header) if _UNIT_HEADER.fullmatch(h)), None)
            # 分项如下（单位：万元）：| 项目 | 决算数 |: a unit noted before a table holds for its cells
            note = _UNIT_NOTE.search(self.last_sentence) or _UNIT_NOTE.search(tv.caption)
            units_noted = _noted_units(note.group(1)) if note else {}
            listed = _UNIT_LIST_NOTE.search(self.last_sentence) or _UNIT_LIST_NOTE.search(tv.caption)
            if not units_noted and listed is not None:
                # 分板块产值（亿元，%）：: the amounts' unit, then % for the rates (同比, 占比)
                units_noted = {"": listed.group("unit"), **dict.fromkeys(_RATE_COLUMN_WORDS, "%")}
            row_unit_text = row[unit_col].strip() if unit_col is not None and unit_col < len(row) else ""
            for c, cell in enumerate(row):
                if c <= label_col or c == unit_col:
                    continue
                start = row_text.find(cell, pos) if cell else -1
                if start < 0:
                    continue
                pos = start + len(cell)
                header = tv.header[c] if c < len(tv.header) else ""
                # | 营业收入总额（万亿元） | 39.83 | 41.91 |: indicators as rows, units in the row's name
                unit_of = header if _HEADER_UNIT.search(header) or not row_unit else row_label
                if (
                    row_unit_text
                    and not _HEADER_UNIT.search(unit_of)
                    and re.search(r"[^\s\-—–]", row_unit_text)
                ):
                    unit_of = f"{header}（{row_unit_text}）"
                elif (noted := _noted_unit(units_noted, header)) and not _HEADER_UNIT.search(unit_of):
                    unit_of = f"{header}（{noted}）"
                q = _cell_quantity(cell, unit_of, start)
                if q is None:
                    continue
                role = _header_role(header, q)
                period = _header_period(header, frame)
                if role in ("growth", "change", "share") and not _dated_header(header):
                    # | 10月 | 同比 | 1—10月 | 同比 |: an undated rate column is of the dated one left of it
                    left = next((h for h in reversed(tv.header[label_col + 1 : c]) if _dated_header(h)), None)
                    if left is not None:
                        period = _header_period(left, frame)
                    if (
                        role == "share"
                        and latest is not None
                        and left is not None
                        and not _dated_header(tv.header[c - 1])
                    ):
                        # (| 2023年 | 2022年 | 增长 | 占比 |: a share column after the years' columns, not
                        # paired with one of them, is the latest year's)
                        period = Period(year=latest)
                if role in ("growth", "change") and latest is not None and not _HEADER_YEAR.search(header):
                    # | 运输方式 | 2023年 | 2024年 | 同比增长（%） |: a growth column beside the years'
                    # columns is the latest year's, over the year before
                    period = Period(year=latest)
                elif (
                    latest is not None
                    and role in ("level", "rate")
                    and not _HEADER_YEAR.search(header)
                    and _BENCHMARK_HEADER.search(header)
                ):
                    # | 2023年 | 2024年 | 全国主要城市 | / | 目标值 |: a column without a year beside
                    # the years' columns is a benchmark or a target, of no year the text speaks of
                    period = NO_PERIOD
                subject = _HEADER_UNIT.sub("", row_label).strip() if row_unit else row_label
                if year_row := _YEAR_ROW.fullmatch(row_label.strip()):
                    # | 2022 | 18640 |: rows by year — the header names the thing, the row its year
                    period = Period(year=int(year_row.group(1)))
                    subject = _header_name(header)
                    if _TOTAL_NAME.fullmatch(subject):
                        # | 年份 | 网店码洋 | 实体店码洋 | 合计 |: the total of the measure the other
                        # columns share (码洋), the whole market's
                        names = [n for n in (_header_name(h) for h in tv.header[1:c]) if n]
                        ending = labels.common_ending(names) if len(names) >= 2 else ""
                        subject = ending + subject if len(ending) >= 2 else subject
                self.table.facts.append(
                    Fact(
                        id=len(self.table.facts),
                        q=q,
                        text=row_text,
                        place=Place(tv.row_line(r), None, sidx, cidx, ti, r, c),
                        period=period,
                        subject=subject,
                        own=subject,
                        role=role,
                        header=_cell_header(header, corner),
                        corner=corner if _cell_header(header, corner).startswith(corner) else "",
                        context=row_text,
                        down=role in ("growth", "change") and (q.value or 0) < 0,
                    )
                )

    def build(self) -> FactTable:
        for kind, i in self.table.doc.order:
            if kind == "p":
                self.passage(i)
            else:
                self.table_rows(i)
        self._dated_by_table()
        return self.table

    def _dated_by_table(self) -> None:
        """单位产值碳排放为4.76吨…，比上年降低0.07吨 under a year only guessed from the text (2021年、2022年
        数据已重述), beside | 单位产值碳排放 | 5.32 | 4.83 | 4.76 | (2021—2023): the prose restates the
        table's 2023 value, so its sentence speaks of 2023."""
        t = self.table
        cells = [f for f in t.facts if f.is_cell and f.period.explicit and f.period.year is not None]
        if not cells:
            return
        redated: dict[int, Period] = {}
        for f in t.facts:
            if f.is_cell or f.role != "level" or f.period.explicit or f.period.year is None:
                continue
            if f.q.value is None or f.place.sentence in redated:
                continue
            same = [
                c
                for c in cells
                if c.q.value is not None
                and abs(c.q.value - f.q.value) <= 1e-9 * max(1.0, abs(f.q.value))
                and (c.q.unit is None or c.q.unit == f.q.unit)
                and len(c.subject) >= 2
                and labels.likeness_of(c.subject, f.subject) >= 0.75
            ]
            if len(same) == 1 and same[0].period.year != f.period.year:
                redated[f.place.sentence] = same[0].period
        for i, f in enumerate(t.facts):
            want = redated.get(f.place.sentence)
            if want is not None and not f.is_cell and not f.period.explicit and f.period.year is not None:
                shift = (want.year or 0) - f.period.year
                base = f.base_period
                if base is not None and not base.explicit and base.year is not None:
                    base = replace(base, year=base.year + shift)  # 比上年: the year before the new one
                t.facts[i] = replace(f, period=replace(f.period, year=want.year), base_period=base)


def years_count(m: re.Match[str] | None) -> int | None:
    if m is None:
        return None
    n = m.group("n")
    return (
        int(n)
        if n.isdigit()
        else {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}.get(
            n
        )
    )


def open_bracket(text: str, pos: int) -> int:
    """Where the bracket still open at ``pos`` opens (（上年为7.63万人，…), or −1 when none is."""
    head = text[:pos]
    opened = max(head.rfind("（"), head.rfind("("))
    return opened if opened > max(head.rfind("）"), head.rfind(")")) else -1


def _in_brackets(text: str, s0: int, pos: int) -> bool:
    """Inside （…）: an aside (印度2023财年（2023年4月至2024年3月）) does not move the frame."""
    before = text[max(s0, pos - 80) : pos]  # an aside is short: look back a little way only
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


NEIGHBOURS = 40  # values on either side a sentence-level link looks at: keeps building linear


class _Ids(list[int]):
    """A sentence's fact ids in reading order, with their offsets for windowed look-ups."""

    starts: list[int]


def _window(
    facts: list[Fact], ids: list[int], pos: int, before: int = NEIGHBOURS, after: int = NEIGHBOURS
) -> list[int]:
    """The ids of ``ids`` (in reading order) within ``before``/``after`` values of offset ``pos``."""
    if len(ids) <= before + after:
        return ids
    starts = getattr(ids, "starts", None)
    if starts is None or len(starts) != len(ids):
        starts = [facts[i].q.start for i in ids]
    k = bisect_left(starts, pos)
    return ids[max(0, k - before) : k + after]


def _bound(f: Fact) -> bool:
    from zhiku.claims.tolerance import is_bound_only

    return is_bound_only(f.q, f.text)


_ELLIPSIS_TAIL = re.compile(r"[部区方省市洲类型业级]$")


def _items(words: str) -> list[str]:
    """The items of a list as written; 东、中、西部 is 东部、中部、西部 (a shared last character)."""
    items = _split_items(words)
    for k in range(len(items) - 1):
        if len(items[k]) == 1:
            nxt = next((x for x in items[k + 1 :] if len(x) > 1), "")
            m = _ELLIPSIS_TAIL.search(nxt[:2]) if len(nxt) >= 2 else None
            if m:
                items[k] = items[k] + m.group(0)
    return items


# 主要为A、B、C / 包括… / 即…: the words that introduce a list, no part of its first item
_LIST_LEAD = re.compile(r"^(?:主要(?:为|是|有|包括)|包括|分为|涉及|即|为|是)")
_LIST_OPENS_AFTER = re.compile(r"^[^、，,]*?(?:的是|依次为|依次是)(?=[^、]+、)")
_LIST_VERB_TAIL = re.compile(r"(?:为|是|等|共|居|位居|位列)?(?:前|这|此)?$")
_COUNT_TAIL = re.compile(r"[两二三四五六七八九十\d]+(?:大|个|类|项|种|者)[^、，,]{0,4}$")


def _items_for(words: str, n: int) -> list[str]:
    """The items of a list of ``n`` values: 、 and 和 separate them, unless that makes too many
    (货物和服务净出口 is one item); a count after the list (…三大需求) is not an item."""
    words = _COUNT_TAIL.sub("", words.strip())
    items = _items(words)
    if len(items) != n:
        by_comma = [x.strip() for x in words.split("、") if x.strip()]
        by_comma = [
            re.sub(r"^(?:其中|按[^，,]*分|分[^，,]*看|而|但|同时|此外|另外|\s)+", "", x) for x in by_comma
        ]
        if len(by_comma) == n:
            return _shared_tail(by_comma)
    return _shared_tail(items)


def _shared_tail(items: list[str]) -> list[str]:
    """第一、第二、第三产业: ordinals before the last item share its noun (第一产业, 第二产业); in
    第一、二、三产业 the later numerals share the first one's 第, too."""
    lead = re.fullmatch(r"(?P<pre>.*?第)[一二三四五六七八九十]{1,3}", items[0]) if items else None
    if (
        lead
        and len(items) >= 2
        and all(re.match(r"[一二三四五六七八九十]{1,3}(?![一二三四五六七八九十])", x) for x in items[1:])
    ):
        items = [items[0], *(lead.group("pre") + x for x in items[1:])]
    last = _ORDINAL_HEAD.match(items[-1]) if items else None
    if last is None or not last.group("tail") or len(items) < 2:
        return items
    out = [
        x + last.group("tail") if (m := _ORDINAL_HEAD.fullmatch(x)) and not m.group("tail") else x
        for x in items[:-1]
    ]
    return [*out, items[-1]]


_ORDINAL_HEAD = re.compile(r"(?P<pre>.*?第[一二三四五六七八九十\d]{1,3})(?P<tail>[^\d，,。；;、]*)")


def _split_items(words: str) -> list[str]:
    words = re.sub(r"^(?:其中|按[^，,]*分|分[^，,]*看|而|但|同时|此外|另外|\s)+", "", words.strip())
    parts = [p.strip() for p in _ITEM_SPLIT.split(words) if p.strip()]
    return parts


def _shared_head(items: list[str]) -> str:
    """城镇、乡村消费品零售额 → items 城镇, 乡村 and the shared name 消费品零售额 (cut off the last item).

    Where the other items share an ending (地表水源、地下水源和非常规水源供水量), the last item ends
    at that ending; otherwise it is as long as the longest other item. 及以上/以下 stay with it.
    """
    if len(items) < 2:
        return ""
    last = items[-1]
    others = items[:-1]
    cut = -1
    if len(others) >= 2:
        suffix = others[0]
        for o in others[1:]:
            while suffix and not o.endswith(suffix):
                suffix = suffix[1:]
        if suffix:
            at = last.find(suffix, 1)
            if at > 0:
                cut = at + len(suffix)
    if cut < 0:
        # 城镇、乡村消费品零售额: short items (up to four characters) before a long last one
        longest = max(len(x) for x in others)
        cut = longest if longest <= 4 and len(last) > longest + 1 else -1
    if cut <= 0 or cut >= len(last):
        return ""
    m = re.match(r"(?:及以上|及以下|以上|以下|及以后|以后)", last[cut:])
    if m:
        cut += m.end()
        if cut >= len(last):
            return ""
    items[-1] = last[:cut]
    return re.sub(r"^[0-9一二三四五六七八九十两]+个", "", last[cut:])


# (| “十五”末（2005年） |: a year in brackets dates the column, it is no unit)
_HEADER_UNIT = re.compile(r"[（(](?!\s*\d{4}\s*年?\s*[）)])([^（）()]+)[）)]\s*$")
_HEADER_YEAR = re.compile(r"(\d{4})\s*年")
# （单位：万元）, （金额单位：亿元；增长、占比单位：%）: the units a note before a table gives its columns
_UNIT_NOTE = re.compile(r"[（(]\s*([^（）()]{0,12}单位[：:][^（）()]{1,40}?)\s*[）)]\s*[：:。]?\s*$")
_UNIT_NOTE_PART = re.compile(r"\s*(?P<names>[^：:；;，,]*?)单位[：:]\s*(?P<unit>[^）)，,；;\s]{1,8})")
# a column the table's unit note does not measure: a rate, a ratio, a count of its own
_NOT_THE_NOTED = re.compile(r"率|比|%|％|数量|人数|个数|次数|辆|户数")


def _noted_units(note: str) -> dict[str, str]:
    """The unit of each column name a note gives (增长、占比单位：% → 增长: %, 占比: %), and under ""
    the unit of the rest (单位：万元, 金额单位：亿元)."""
    units: dict[str, str] = {}
    for m in _UNIT_NOTE_PART.finditer(note):
        names = [n for n in re.split(r"[、和及与]", m.group("names").strip()) if n and n != "金额"]
        for name in names or [""]:
            units.setdefault(name, m.group("unit"))
    return units


# （亿元，%）: a caption's list of units, the amounts' first and the rates' %
_UNIT_LIST_NOTE = re.compile(
    r"[（(]\s*(?P<unit>[^（）()，,、%％\d\s]{1,6})\s*[，,、]\s*[%％]\s*[）)]\s*[：:。]?\s*$"
)
# the words that name a column of rates, to which such a list gives its %
_RATE_COLUMN_WORDS = ("同比", "环比", "增长", "增速", "增幅", "占比", "比重", "构成", "率")


def _noted_unit(units: dict[str, str], header: str) -> str | None:
    """The unit the note gives a column: by a name the header holds, else the note's general unit
    for a column it measures (not a rate, a ratio or a count of its own)."""
    named = [u for name, u in units.items() if name and name in header]
    if named:
        return named[0]
    general = units.get("")
    return general if general and not _NOT_THE_NOTED.search(header) else None


_UNIT_HEADER = re.compile(r"\s*(?:计量)?单位\s*")
_YEAR_ROW = re.compile(r"(\d{4})\s*年?(?:度)?")


# Corner headers that name the rows' kind (| 地区 | 2023年 |), not what the cells measure
_ROW_KINDS = re.compile(
    r"^(?:地区|区域|项目|指标|品种|类别|分类|市场|名称|学历(?:层次)?|行业|城市|省份|国家|年份|序号|排名|类型|"
    r"分组|组别|时间|月份|季度|税种|产品|门类|部门|单位|主体|渠道|方式|来源|用途|对象)$"
)
# 运输方式, 所在地区, 产品类别, 收入来源: a compound that ends in a kind still names the rows' kind
# (not 工作时间 or 人均收入, which measure)
_ROW_KIND_TAIL = re.compile(
    r"(?:方式|地区|区域|类别|分类|类型|名称|行业|部门|来源|用途|项目|品种|渠道|门类)$"
)


def _measure_corner(corner: str) -> str:
    """| 人均消费支出 | 2022年（元） | 2023年（元） |: a corner header that names what the cells
    measure (not the rows' kind), when the columns name only years and units."""
    name = _header_name(corner)
    if not labels.has_content(name) or _ROW_KINDS.match(name) or _ROW_KIND_TAIL.search(name):
        return ""
    return name


def _cell_header(header: str, corner: str) -> str:
    """A cell's column name, with the table's measure when only the corner names it: 城镇居民 of a
    人均消费支出 table is not 城镇居民's income in the prose."""
    name = _header_name(header)
    if corner and not labels.has_content(re.sub(r"同比|环比|增长|增速|[（()）%％]", "", name)):
        # (| 场馆 | 今年1—9月 | 去年同期 |: an earlier period's column keeps its period word first —
        # 去年同期场馆 — so that it still reads as the base)
        return f"{name}{corner}" if labels.EARLIER_COLUMN.match(name) else f"{corner}{name}"
    return name


_TOTAL_NAME = re.compile(r"合计|总计|总量|总额|全部|总体")


def _header_name(header: str) -> str:
    name = _HEADER_UNIT.sub("", header)
    return re.sub(r"\d{4}\s*年", "", name).strip()


# 年均增长, 累计, 2019—2024年: a column over a span, so the table's growth is no one year's
_SPAN_HEADER = re.compile(r"年均|累计|平均|\d{4}\s*[-—–~～至到]\s*\d{4}")


# | 10月（亿千瓦时） | 1—10月（亿千瓦时） |: a column of one month, or of the months to date
_HEADER_MONTHS = re.compile(r"(?<![\d.])(?:(\d{1,2})\s*[—\-－~～至到]\s*)?(\d{1,2})\s*月")


def _header_period(header: str, frame: Period) -> Period:
    m = _HEADER_YEAR.search(header)
    months = _HEADER_MONTHS.search(_HEADER_YEAR.sub("", header))
    span: tuple[int, int] | None = None
    if months is not None:
        last = int(months.group(2))
        first = int(months.group(1)) if months.group(1) else last
        span = (first, last) if 1 <= first <= last <= 12 else None
    if m:
        return Period(year=int(m.group(1)), months=span)
    if span is not None:
        return replace(frame, months=span, end=False, explicit=False)
    return replace(frame, explicit=False)


def _dated_header(header: str) -> bool:
    return bool(_HEADER_YEAR.search(header) or _HEADER_MONTHS.search(header))


# a column of another body's value or of a target: 全国主要城市, 目标值, 规划值, 国家标准
_BENCHMARK_HEADER = re.compile(r"目标|规划|预期|计划|考核|全国|全省|平均|标准|参考|对标|同类")


def _header_role(header: str, q: Quantity) -> Role:
    name = _header_name(header)
    if (re.search(r"比重|占比|份额|结构", name) or name.startswith("占")) and not (
        # (| 份额(亿份) |: fund units, an amount its unit names — not a share)
        q.kind in AMOUNT_KINDS and re.search(r"[（(][^）)%％]*[^\s）)%％][）)]", header)
    ):
        return "share"
    if re.search(r"贡献率|拉动", name):
        # | 对增长的贡献率（%） |, | 拉动增长（百分点） |: a part's share of the growth, no growth rate
        return "level" if q.kind not in RATE_KINDS else "rate"
    if q.kind not in RATE_KINDS and re.search(r"增加(?!值)|减少|增减|净增|净减", name):
        return "change"  # | 同比增加（亿元） |: an amount more than last year, no rate of growth
    if re.search(r"同比|增长|增速|增幅|涨幅|变化率", name):
        return "growth"
    # (| 增加值（亿元） |: value added is a level, not an increase)
    if re.search(r"变化|变动|增减|增加(?!值)|减少|净增|净减", name):
        return "change"
    return "level" if q.kind not in RATE_KINDS else "rate"


def _cell_quantity(cell: str, header: str, start: int) -> Quantity | None:
    """A table cell as a quantity, with the unit its column header gives (（万吨）, （%）, （百分点））."""
    raw = cell.strip()
    if not raw or not re.search(r"\d", raw):
        return None
    unit = ""
    m = _HEADER_UNIT.search(header)
    if m:
        unit = m.group(1).strip()
    numeric = re.fullmatch(r"[-−+]?[0-9０-９,，.．]+", raw)
    if numeric and unit:
        probe = raw.replace("−", "-")
        suffix = {"%": "%", "％": "%", "百分点": "个百分点", "个百分点": "个百分点", "‰": "‰"}.get(unit, unit)
        qs = _read(probe.lstrip("-+") + suffix)
        if len(qs) == 1 and qs[0].value is not None:
            q = qs[0]
            value = q.value if not probe.startswith("-") else -(q.value or 0.0)
            return replace(q, start=start, end=start + len(cell), text=cell, value=value)
    qs = _read(raw)
    if len(qs) == 1 and qs[0].value is not None and qs[0].kind in VALUE_KINDS:
        q = qs[0]
        offset = cell.find(raw)
        return replace(q, start=start + offset + q.start, end=start + offset + q.end)
    if numeric:
        try:
            value = float(raw.replace(",", "").replace("，", "").replace("−", "-"))
        except ValueError:
            return None
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        return Quantity(start, start + len(cell), cell, "number", value=value, decimals=decimals)
    return None


_BASE_PREV = re.compile(r"^(?:上年|去年|上一年|前一年)(?:同期)?(?P<end>末|底)?")
_BASE_MONTH = re.compile(r"(\d{1,2})月")
_YEAR_PART = re.compile(r"[一二三四1-4]季度|\d{1,2}月|[上下]半年")


def _base_period(compare: str, period: Period) -> Period | None:
    """The period a change is measured against: 同比/比上年 → the year before; 比2010年 → 2010."""
    if not compare:
        return None
    c = compare.replace(_VALUE_MARK, "").replace(_OTHER_MARK, "@")
    if compare == "同比":
        return period.shifted(-1) if period.year is not None else None
    if compare == "环比":
        if period.months is not None and period.months[0] == period.months[1]:
            mo = period.months[0]
            if mo > 1:
                return replace(period, months=(mo - 1, mo - 1), explicit=True)
            if period.year is not None:
                return replace(period, year=period.year - 1, months=(12, 12), explicit=True)
        if (
            period.months is not None
            and period.months[1] - period.months[0] == 2
            and period.months[1] % 3 == 0
        ):
            # 三季度…环比增长13.7%: a quarter's value against the quarter before
            lo = period.months[0]
            if lo > 1:
                return replace(period, months=(lo - 3, lo - 1), explicit=True)
            if period.year is not None:
                return replace(period, year=period.year - 1, months=(10, 12), explicit=True)
        return None
    if m := _BASE_PREV.match(c):
        base = period.shifted(-1)
        if m.group("end"):
            base = replace(base, end=True, months=None)
        part = _YEAR_PART.search(c, m.end())
        if part is not None:
            base = replace(base, months=_part_months(part.group()), end=False)  # 与去年四季度相比
        return base
    return None


def _part_months(word: str) -> tuple[int, int]:
    """The months of a part of a year as _YEAR_PART reads it (四季度, 12月, 上半年)."""
    if word.endswith("季度"):
        k = "一二三四".find(word[0]) + 1 or int(word[0])
        return 3 * k - 2, 3 * k
    if word.endswith("半年"):
        return (1, 6) if word[0] == "上" else (7, 12)
    mo = int(word[:-1])
    return mo, mo


def base_period_from_text(compare: str, period: Period) -> Period | None:
    """The base period written as a year in the comparison (比2010年, 较2021年末, 比10月)."""
    m = re.search(r"(\d{4})\s*年(?:(\d{1,2})\s*月)?(末|底)?", compare)
    if m:
        months = (int(m.group(2)), int(m.group(2))) if m.group(2) else None
        return Period(year=int(m.group(1)), months=months, end=bool(m.group(3)))
    m2 = _BASE_MONTH.search(compare)
    if m2:
        # 比2月份: that month of the value's year (of the year before after 上年/去年), written or not
        mo = int(m2.group(1))
        back = 1 if re.search(r"上年|去年|上一年", compare) else 0
        if period.year is not None:
            return Period(year=period.year - back, months=(mo, mo))
        return Period(months=(mo, mo), offset=period.offset - back)
    return None


# Legal units of one dimension: the factor from the first to the second (1公顷 = 15亩, 1吨 = 2000斤).
UNIT_FACTORS: dict[tuple[str, str], float] = {
    ("ha", "mu"): 15.0,
    ("km2", "ha"): 100.0,
    ("km2", "mu"): 1500.0,
    ("m2", "mu"): 0.0015,
    ("t", "kg"): 1000.0,
    ("t", "jin"): 2000.0,
    ("kg", "jin"): 2.0,
    ("km", "m"): 1000.0,
}


# SI-prefixed units of power, energy and computing power, in watts, watt-hours and FLOPS: 1 GW = 100万千瓦,
# 1 TWh = 10亿千瓦时, 1 EFLOPS = 1000 PFLOPS
_SI: dict[str, tuple[str, float]] = {
    "W": ("W", 1.0),
    "kW": ("W", 1e3),
    "MW": ("W", 1e6),
    "GW": ("W", 1e9),
    "TW": ("W", 1e12),
    "kWh": ("Wh", 1e3),
    "MWh": ("Wh", 1e6),
    "GWh": ("Wh", 1e9),
    "TWh": ("Wh", 1e12),
    "FLOPS": ("FLOPS", 1.0),
    "GFLOPS": ("FLOPS", 1e9),
    "TFLOPS": ("FLOPS", 1e12),
    "PFLOPS": ("FLOPS", 1e15),
    "EFLOPS": ("FLOPS", 1e18),
}


def unit_factor(ua: str, ub: str) -> float | None:
    """How many ``ub`` one ``ua`` is, for two legal units of one dimension; None for others."""
    if (ua, ub) in UNIT_FACTORS:
        return UNIT_FACTORS[(ua, ub)]
    if ua in _SI and ub in _SI and ua != ub and _SI[ua][0] == _SI[ub][0]:
        return _SI[ua][1] / _SI[ub][1]
    return 1 / UNIT_FACTORS[(ub, ua)] if (ub, ua) in UNIT_FACTORS else None


def _same_dimension(a: Quantity, b: Quantity) -> bool:
    """Two amounts in the same unit once magnitudes are applied (万吨 and 亿吨; 万人次 and 亿人次)."""
    if a.kind != b.kind:
        return False
    if a.kind == "money":
        return a.unit == b.unit
    return (a.unit or "") == (b.unit or "")


def _averages_alike(total: Fact, part: Fact) -> bool:
    """A value per head (per day…) ending the sentence before a 其中 is the total of its parts only
    when they are averages of the same kind (人均消费支出26796元。其中，人均食品烟酒消费支出…): a
    plain part (其中，城镇…) is of another total, never of an average."""
    per = labels.PER_UNIT.search(total.qualifier_words + total.subject)
    if per is None:
        return True
    mark = labels.PER_UNIT.search(part.label())
    return mark is not None and mark.group(0) == per.group(0)


def same_ending(a: str, b: str) -> bool:
    """Whether two names end with the same two-character word (总产值 and 农业产值: 产值), which in
    Chinese names is what they measure."""
    return len(a) >= 2 and len(b) >= 2 and a[-2:] == b[-2:]


def same_measure(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities measure in the same unit (counts: the same or a synonymous measure word)."""
    if a.kind in RATE_KINDS or b.kind in RATE_KINDS:
        return a.kind == b.kind
    if a.kind != b.kind and not ({a.kind, b.kind} <= AMOUNT_KINDS):
        return False
    if a.unit == b.unit:
        return True
    ua, ub = a.unit or "", b.unit or ""
    if not ua or not ub:
        return a.kind == "number" or b.kind == "number"
    return any(ua in g and ub in g for g in _MEASURE_GROUPS)


# Measure words that count the same thing: railway statistics count train runs in 列 and 次.
_MEASURE_GROUPS: tuple[frozenset[str], ...] = (frozenset({"列", "次", "趟"}), frozenset({"人", "名", "位"}))


def build(
    doc: Document, store: SeriesStore | None = None, reference_date: dt.date | None = None
) -> FactTable:
    """Read a document into its fact table."""
    table = _Builder(doc, store, reference_date).build()
    _resolve_base_periods(table)
    table.index()
    return table


def _resolve_base_periods(table: FactTable) -> None:
    for f in table.facts:
        if f.compare and f.base_period is None:
            bp = base_period_from_text(f.compare, f.period)
            if bp is None and f.base_fact is not None:
                bp = table.facts[f.base_fact].period
            if bp is not None:
                table.facts[f.id] = replace(f, base_period=bp)
