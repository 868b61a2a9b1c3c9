"""The quantity scanner: one pass over the numerals of a text, reading the context around each.

Why a scanner and not a word segmenter (jieba) or one giant regular expression: numerals are
rare in prose (a few per hundred characters), so we find them with one compiled pattern (C
speed) and spend Python only where a numeral is. Around each numeral small anchored patterns
read what is before it (第, 约, 超过, 早上…) and after it (亿美元, 个百分点, 年 6 月…). jieba
would segment every character of the text first — measured in bench/quantities.py and
docs/quantities.md — and splits 3 个半小时 or 11 月 16 日 differently from how we must read them.

Every pattern is bounded (spaces at most three, look-behind windows of a few characters), so
time grows linearly with the text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, fields
from decimal import Decimal
from functools import lru_cache

from zhiku.quantities.exceptions import WORDS_RE as EXCEPTION_WORDS_RE
from zhiku.quantities.model import Kind, Qualifier, Quantity
from zhiku.quantities.numerals import (
    BIG_UNITS,
    CN_DIGIT_CHARS,
    CN_DIGITS,
    CN_UNIT_CHARS,
    PAIRS,
    SMALL_UNITS,
    Numeral,
    Vague,
    evaluate,
    evaluate_vague,
    last_digit_unit,
    normalise,
)
from zhiku.quantities.qualifiers import GUO_AFTER, prefix_at, suffix_at
from zhiku.quantities.units import (
    CURRENCIES,
    CURRENCY_NAMES,
    CURRENCY_SYMBOLS,
    DIMENSIONS,
    DURATION_UNITS,
    MAGNITUDE_UNITS,
    MEASURES,
    NAME_NOT_BEFORE,
    TEMPERATURE_NAMES,
    WORD_NUMERAL_EXCLUDED_MEASURES,
    YUAN_WORD_NEXT,
)

MAX_NUMERAL = 40  # longer numerals are not read (and would cost quadratic big-number arithmetic)
SP = r"[ \t\u00a0]{0,3}"  # spaces inside a quantity (3 个半小时, 11 月 16 日); \u3000 is normalised to " "
ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
CNCH = f"[{CN_DIGIT_CHARS}{CN_UNIT_CHARS}]"
_CN = f"{CN_DIGIT_CHARS}{CN_UNIT_CHARS}"
# Letter-spaced single digits (7 2 折, 1 5 0 个): text copied from PDFs sets every character one space
# apart, the unit too. A run is read as one number only when it starts the spacing (no figure and space
# before it) and a non-Latin word follows after one space; figures set side by side in tables and lists
# are several characters wide or separated by more than one space, and stay apart.
SPACED_DIGITS = r"[0-9](?= [0-9])(?<![0-9.,][0-9])(?<![0-9] [0-9])(?: [0-9])+(?= [^\s0-9A-Za-z.,])"
NUMERAL_RE = re.compile(
    rf"(?:{SPACED_DIGITS}|{ARABIC}(?:[ ]?[kK](?![A-Za-z]))?|(?![零〇][0-9]){CNCH})"
    rf"(?:(?<![0-9]){CNCH}|[{CN_UNIT_CHARS}]|(?<=[{_CN}]){ARABIC}|{SP}[万亿](?!分)"
    rf"|(?<=[{_CN}])[ \t]{{1,3}}(?=[{_CN}])"
    rf"|(?<=[{_CN}]){SP}点{SP}[{CN_DIGIT_CHARS}]+(?![点])|点[{CN_DIGIT_CHARS}]+(?![点])"
    rf"|(?<=[十百千万亿拾佰仟])几|[多余几](?={SP}[万亿]))*"
)
# 几 and 多/余 belong to a numeral only inside it (十几, 500多亿); a numeral never ends in a space.
# 零 opens no Arabic figure (社零33153亿元 is 社零, then 33153亿元); it joins one after a unit (3万零500).


def _alternation(words: object) -> str:
    keys = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(re.escape(k) for k in keys)


# Proportions: the unit they are read in and the factor to it (‰ and ‱ are magnitudes of %).
PERCENT_UNITS: dict[str, tuple[str, str]] = {
    "%": ("%", "1"),
    "‰": ("%", "0.1"),
    "‱": ("%", "0.01"),
    "个百分点": ("pp", "1"),
    "百分点": ("pp", "1"),
    # a market note's shorthand: 抬升0.7pct (points), 下行60bp / 35bps (basis points, 0.01 of a point)
    "pct": ("pp", "1"),
    "ppt": ("pp", "1"),
    "bps": ("bp", "1"),
    "bp": ("bp", "1"),
    "BP": ("bp", "1"),
}
_UNIT_WORDS: dict[str, str] = {}
for _w in CURRENCIES:
    _UNIT_WORDS[_w] = "money"
for _w in DIMENSIONS:
    _UNIT_WORDS[_w] = "dimension"
for _w in MEASURES:
    _UNIT_WORDS[_w] = "count"
for _w in DURATION_UNITS:
    _UNIT_WORDS[_w] = "duration"
for _w in PERCENT_UNITS:
    _UNIT_WORDS[_w] = "percent"
_UNIT_WORDS["成"] = "percent"
_UNIT_WORDS["折"] = "percent"
_UNIT_WORDS["年代"] = "decade"
_UNIT_WORDS["番"] = "multiple"
CALENDAR_UNITS = ("月", "日", "年", "季度")

UNIT_RE = re.compile(
    rf"{SP}(?P<infix>多|余|来)?{SP}(?P<mag>[万亿千百]+(?!分|米|克|瓦|卡|字节|比特))?{SP}"
    rf"(?:(?P<halfunit>个{SP}(?P<hm>半|多){SP}(?:小时|钟头|月|星期|礼拜))"
    rf"|(?P<pp>个?{SP}百{SP}分{SP}点)|(?P<unit>{_alternation(_UNIT_WORDS)}))"
    rf"(?P<half>半(?!年|月|天|日|小时))?"
)
# 成 and 折 that are words, not proportions: 成员, 成本, 折叠, 折算 …
NOT_CHENG = "员本果功熟交绩就都型立效"
NOT_ZHE = "叠算合旧射扣腾服中返"
CHENG_TENTH_RE = re.compile(rf"{SP}(?P<d>[{CN_DIGIT_CHARS}1-9半])(?![{_CN}0-9%个])")
# 百分之, 千分之, 万分之 … : proportions, read in percent.
PER_DENOMINATORS = {
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
    "万": 10**4,
    "十万": 10**5,
    "百万": 10**6,
    "千万": 10**7,
    "万万": 10**8,
    "亿": 10**8,
    "百万万": 10**10,
}
WORD_BEFORE_ONE = "统唯之万第专划均逐同单"  # 统一, 唯一, 之一 …: 一 inside a word
URL_RE = re.compile(r"https?://[^\s，。；）)]+|www\.[^\s，。；）)]+")
COMPARATIVE_RE = re.compile(
    rf"{SP}(?P<c>[大多高小少低])(?=$|[\s，。；、,.;!?！？）)]|的|一些|一点|些|得多|不少)"
)
SLASH_FRACTION_RE = re.compile(r"/(?P<d>[0-9]{1,3})(?![0-9/.])")
TEMPERATURE_CONTEXT_RE = re.compile(r"温")
MONEY_CONTEXT_RE = re.compile(r"元|钱|花费|花了|价|付|买|卖|售|费")
CENT_WORDS = {"USD": ("美分",), "EUR": ("欧分",), "CNY": ("分",), "JPY": ("日本钱", "日本銭", "钱", "銭")}
RANGE_SEP_RE = re.compile(rf"{SP}(?P<sep>[-–—~至到]|－|——|、){SP}")
FRACTION_RE = re.compile(rf"{SP}分{SP}之{SP}")
# 一类/二类/三类 as a class's name: its own figure follows (注册证14642张), or 占/的/是/比.
_CLASS_FOLLOWS = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:(?<![合共计总])\d|占|的|是|比|为)")
# … what comes before a count of kinds: 分为三类, 共三类, 其他三类, 这三类, 前三类.
_KINDS_COUNTED = re.compile(r"(?:分为|分成|共|有|其他|其余|另外|这|前|后|等)\s*$")
# A day written just before an hour: 10月9日19时, 9月6日（星期二）8时, 当日8时.
_DAY_BEFORE = re.compile(
    r"(?:\d{1,2}\s*日|[当次同翌]日|当天|次日)\s*(?:[（(]\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[）)])?\s*$"
)
CLOCK_TAIL_RE = re.compile(
    rf"{SP}(?:点钟|点|时|:)(?:{SP}(?P<half>半)|{SP}(?P<quarter>[一三])刻|{SP}(?P<min>\d{{1,2}}|[{CN_DIGIT_CHARS}十]{{1,3}})(?!\d)(?:{SP}分钟?(?!之))?|{SP}(?P<zheng>整))?"
)
PERIOD_WORDS = (
    "凌晨",
    "清晨",
    "早上",
    "早晨",
    "上午",
    "中午",
    "下午",
    "傍晚",
    "晚上",
    "夜里",
    "夜间",
    "深夜",
    "午夜",
    "晚间",
    "今早",
    "今晚",
    "明早",
    "明晚",
    "早",
    "晚",
)
AFTERNOON = ("下午", "傍晚", "晚上", "夜里", "夜间", "深夜", "晚间", "今晚", "明晚", "晚")


TEMPERATURE_PREFIX_RE = re.compile(r"(?:华氏|摄氏)(?:温度)?[ ]{0,2}")
CENTS_RE = re.compile(
    rf"{SP}又?{SP}(?P<n>[0-9]{{1,2}}|[{CN_DIGIT_CHARS}十]{{1,3}}){SP}(?P<u>美分|欧分|分|日本钱|日本銭)"
)
JIAO_RE = re.compile(
    rf"{SP}(?P<j>[0-9]|[{CN_DIGIT_CHARS}]){SP}[角毛](?:{SP}(?P<f>[0-9]|[{CN_DIGIT_CHARS}]){SP}分?)?"
)
YEAR_RE = re.compile(rf"{SP}年(?!代|来|间|多|余|半|以来)")
YEAR_ANY_RE = re.compile(rf"{SP}年")
DAY_RE = re.compile(rf"(?P<d>[0-9]{{1,2}}|[{CN_DIGIT_CHARS}十]{{1,3}}){SP}[日号]")
LATIN_NAME_RE = re.compile(r"[A-Za-z]{2,}[ \u00a0]$")
# An indicator's acronym written against its value with no space (全市GDP437.0亿元): upper-case
# letters after a Chinese character, and money or a percentage after the digits.
ACRONYM_BEFORE_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,6}$")
VALUE_UNIT_AFTER_RE = re.compile(r"(?:\.\d+)?\s*(?:[万亿千百]*(?:元|美元|欧元|日元|英镑|港元|港币)|[%％])")
QUARTER_TAIL_RE = re.compile(rf"{SP}季度")
QUARTER_AFTER_RE = re.compile(rf"{SP}(?P<first>第|前)?{SP}(?P<q>[一二三四1-4])(?={SP}季度)")
PLENUM_RE = re.compile(
    r"[一二三四五六七八九]中全会|全国人大|人大|全国政协|政协|中央委员会|中央纪委|全国代表大会"
)
ORDINAL_UNIT_RE = re.compile(rf"{SP}(?P<u>{_alternation(MEASURES)}|{_alternation(DURATION_UNITS)})")
YEAR_END_RE = re.compile(rf"{SP}年(?!代)")
MONTH_WORD_RE = re.compile(rf"{SP}月(?P<fen>份)?")
DAY_WORD_RE = re.compile(rf"{SP}[日号]")
CENTURY_RE = re.compile(rf"{SP}世纪(?P<sp>{SP})")
DECADE_RE = re.compile(rf"{SP}年代")
EVENT_RE = re.compile(
    rf"{SP}事件|大(?=以来|以后|前|后|上|报告|精神|召开|期间|代表|党章|会议|，|。|、|的|和|与|提出|强调|作出|确定)"
)
BIG_COUNT_NUMERALS = frozenset("两二三四五六七八九十")
BIG_NOT_COUNT_RE = re.compile(r"大(?:于|约|致|幅|多|都|量|大|小|概|部分|体|力|局|胆|会|学|楼|众|家都|批)")
ISO_MONTH_RE = re.compile(r"(?:(\d{4})|-)-(\d{2})")
NUMERIC_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>0?[1-9]|[12]\d|3[01])(?![\d.])"
)
# 日 after a day number that begins another word: 日元, 日本, 日报, 日益, 日均, 3日内 (within three days).
NOT_DAY_AFTER = "元圆本报益常均内趋渐夜子用照光"
# the character before a day written N号: a name's (嫦娥六号, 长征五号), not a preposition's (到3号)
_NAME_BEFORE_RE = re.compile(r"[\u4e00-\u9fff](?<![到至从于在和及与或、是的为起止])")
_RATE_AFTER_RE = re.compile(r"\s*(?:%|％|个百分点|pct)")


def _signed_rate(norm: str, start: int, end: int) -> bool:
    """同比+4.6%, 分别-1.2%、+13.6%: a rate written with its plus sign after a word or a mark (C++11,
    +86 and a+5 stay codes)."""
    if start < 1 or norm[start - 1] != "+":
        return False
    lead = norm[start - 2] if start > 1 else ""
    return (
        not (lead.isascii() and (lead.isalnum() or lead in "+"))
        and _RATE_AFTER_RE.match(norm, end) is not None
    )


# 3号线, 5号楼, 2号文: 号 naming a line, a building, a document (and what cannot follow 日 either)
NOT_NUMBER_AFTER = NOT_DAY_AFTER + "线楼院门馆机台位令文码库舱车窗厅桥"
LIST_SEPARATORS = ("、", "和", "及", "与", "或")
# What, after a year, makes it a month's, a quarter's or a part of the year's date (2023年6月,
# 2023年一季度, 2023年上半年, 2023年末): never the end of a span of whole years.
_YEAR_GOES_ON = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十上下前末底初第季月年")
DATE_TAIL_CHARS = frozenset("年月世季日号、和及与或-–—~至到")  # never "" (the text's end)
LIST_SEP_RE = re.compile(rf"{SP}(?:、|和|及|与|或){SP}")
EVENT_FIRST = frozenset(" \t\u00a0事大")
CONGRESS_RE = re.compile(r"十[一二三四五六七八九]|二十[一二三四五六七八九]?")


# Units named without a number (人民币汇率, 转换为摄氏度): read in one pass after the numerals.
UNIT_NAME_RE = re.compile(
    rf"(?:{_alternation(CURRENCY_NAMES)}|{_alternation(TEMPERATURE_NAMES)})(?![A-Za-z])"
)
NUMERAL_CHARS = frozenset(f"0123456789{_CN}")


# 位 as a bit: N位 counts people (三位专家, 一位名叫杰克的男生) or digits (小数点后两位, 两位数增长) in prose,
# and bits in computing prose — when what follows names the machine or its data (32位处理器, 64位操作系统,
# 8位二进制数, 128位密钥) and not a person working on it (三位芯片专家, 两位系统工程师), or when 位 ends its
# phrase (nothing, or 是/的/组成, follows) in a clause that names a unit of storage (每个字节有8位,
# 一位是最小的存储单位, 一个字节由8位组成).
BIT_NEXT_RE = re.compile(
    r"(?:的)?(?:处理器|微处理器|操作系统|系统|芯片|架构|单片机|计算机|电脑|寄存器|总线|内存|寻址|地址空间|指令"
    r"|整数|整型|浮点|定点|无符号|有符号|二进制|加密|密钥|哈希|字长|版本"
    r"|(?i:cpu|gpu|mcu|arm|x86|windows|linux))"
    r"(?!\w{0,2}(?:师|员|专家|学家|者))"
)
BIT_CLAUSE_RE = re.compile(r"字节|比特|二进制|存储单[位元]|寄存器|字长|位宽")
BIT_PHRASE_END = "的是和或与组构"
CLAUSE_END_RE = re.compile(r"[，。；！？,;!?：:\n]")
# 大 after days, weeks or months tells an age when the phrase ends there (…大的, …大了, …大时); 大 that
# begins a word (3天大幅增长, 两周大变样) does not.
AGE_TAIL_RE = re.compile(r"大(?=[的了时啦，。；！？,;!?\s]|$)")
AGE_TAIL_UNITS = ("day", "week", "month")
CALENDAR_SPANS = ("date_range", "year_range")


@dataclass
class _Reading:
    start: int
    end: int
    kind: Kind
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: Qualifier = "exact"
    iso: str | None = None
    measure: str | None = None
    decimals: int = 0
    low_inclusive: bool = True  # for low/high set by the reader (ranges, approximate numerals)
    high_inclusive: bool = True
    inclusive: bool = True  # for over/under/exact: whether the qualifier word includes the number
    step: float | None = None  # one unit of the stated number's last non-zero digit (near, more)
    equal: bool = False  # 等于 / = before the number: equality stated as a comparison

    def quantity(self, source: str) -> Quantity:
        """The reading as a Quantity, with the bounds its qualifier gives (model.py's docstring)."""
        low, high, li, hi = self.low, self.high, self.low_inclusive, self.high_inclusive
        v, q = self.value, self.qualifier
        if low is None and high is None and v is not None:
            if q == "over":
                low, li = v, self.inclusive
            elif q == "under":
                high, hi = v, self.inclusive
            elif q == "near" and self.step:
                low, high, li, hi = v - self.step / 2, v, True, True
            elif q == "more" and self.step:
                low, high, li, hi = v, v + self.step, False, False
            elif q == "exact" and self.equal:
                low, high = v, v
        elif q == "range" and v is None and high is not None and self.kind not in CALENDAR_SPANS:
            v = high  # a range's one figure is its upper end (model.py's docstring says why)
        # Quantity is frozen: its generated __init__ sets each of its 14 fields through
        # object.__setattr__ (≈1.9 µs, a tenth of the reader's time on prose), so the scanner fills
        # the new instance's dict directly (≈0.3 µs): the same fields in the same order, the same
        # object (checked against the fields at import, below the class).
        quantity = _new_quantity(Quantity)
        quantity.__dict__.update(
            start=self.start,
            end=self.end,
            text=source[self.start : self.end],
            kind=self.kind,
            value=v,
            low=low,
            high=high,
            unit=self.unit,
            qualifier=q,
            iso=self.iso,
            measure=self.measure,
            decimals=self.decimals,
            low_inclusive=li and low is not None,
            high_inclusive=hi and high is not None,
        )
        return quantity


_new_quantity = object.__new__
# _Reading.quantity fills every field of Quantity itself: it must know them all, in order.
if tuple(f.name for f in fields(Quantity)) != (
    "start", "end", "text", "kind", "value", "low", "high", "unit", "qualifier", "iso", "measure",
    "decimals", "low_inclusive", "high_inclusive",
):  # fmt: skip
    raise ImportError("Quantity's fields changed: update _Reading.quantity")

_DIGIT_RE = re.compile(r"[0-9]")


@lru_cache(maxsize=4096)
def _is_word_numeral(numeral: str) -> bool:
    return _DIGIT_RE.search(numeral) is None


def _line_start(norm: str, pos: int) -> bool:
    """True when only list markers or spaces stand between the line start and pos."""
    i = pos - 1
    while i >= 0 and norm[i] in " \t-*•·（(#>":  # Markdown headings and quotes too
        i -= 1
    return i < 0 or norm[i] in "\n\r"


def _prefix_qualifier(norm: str, start: int, numeral: str = "") -> tuple[Qualifier, bool, int, bool]:
    """The qualifier written before ``start``: (qualifier, inclusive, where it begins, 等于)."""
    found = prefix_at(norm, start)
    if found is None:
        return "exact", True, start, False
    word, qual, inclusive, begin = found
    if word == "过" and not (
        (numeral[:1] in ("百", "千", "万", "亿", "半") and begin + 1 == start)
        or (begin > 0 and norm[begin - 1] in GUO_AFTER)
    ):
        return "exact", True, start, False
    return qual, inclusive, begin, word in ("等于", "=")


def _trailing_magnitude(numeral: str) -> int:
    """The magnitude a numeral ends with: 八万亿 → 10¹², 1000 → 1, 百 → 1."""
    s = numeral.replace(" ", "")
    mag = 1
    i = len(s)
    while i > 1 and s[i - 1] in BIG_UNITS:
        mag *= BIG_UNITS[s[i - 1]]
        i -= 1
    if mag == 1 and i > 1 and s[i - 1] in SMALL_UNITS and (s[i - 2] in CN_DIGITS or s[i - 2].isdigit()):
        # 三四十 / 七八百: the place value is shared by both ends of the range.
        return SMALL_UNITS[s[i - 1]] if len(s) == 2 else 1
    return mag


@dataclass
class _Stated:
    """What the words state before units are applied: a value (with its magnitude), or a range's
    low end, or an approximate numeral; the qualifier word and whether it includes the number."""

    value: Decimal | None
    step: Decimal | None
    low: Decimal | None
    vague: Vague | None
    qualifier: Qualifier
    inclusive: bool
    equal: bool
    decimals: int = 0


@lru_cache(maxsize=4096)
def _pair_numeral(text: str) -> bool:
    """Two Chinese digits side by side (三四十, 二三成, 一两个): an approximation, not 二零二一."""
    s = text.replace(" ", "")
    if "点" in s:
        return False  # 十点三四: decimal digits, read one by one
    digits = sum(1 for c in s if c in CN_DIGITS)
    return digits == 2 and any(a in CN_DIGITS and b in CN_DIGITS for a, b in itertools.pairwise(s))


def _same_unit(a: re.Match[str], b: re.Match[str]) -> bool:
    return (a.group("unit"), bool(a.group("pp"))) == (b.group("unit"), bool(b.group("pp")))


def _written_step(text: str, num: Numeral) -> Decimal:
    """One unit of the last digit written: 3000 → 1000, 1.2万 → 1000 (0.1 of 万), 1.76万亿 → 10¹⁰."""
    if num.decimals:
        return Decimal(1).scaleb(-num.decimals) * _trailing_magnitude(text)
    return last_digit_unit(num.value)


@lru_cache(maxsize=4096)
def _has_magnitude(numeral: str) -> bool:
    return any(c in BIG_UNITS or c in SMALL_UNITS for c in numeral)


# Approximate amounts and proportions written as words: 成百上千 (hundreds to thousands), 半成 (5 %),
# 半折 / 打对折 (half price).
SPECIAL_RE = re.compile(r"成百上千|成千上万|上百上千|半成(?!品)|半折|(?<=打)对折")
SPECIAL_WORDS: dict[str, tuple[str, str, str, str, bool]] = {
    # word: (low, high, kind, unit, high inclusive)
    "成百上千": ("100", "10000", "number", "", False),
    "上百上千": ("100", "10000", "number", "", False),
    "成千上万": ("1000", "100000", "number", "", False),
    "半成": ("5", "5", "percent", "%", True),
    "半折": ("50", "50", "percent", "%", True),
    "对折": ("50", "50", "percent", "%", True),
}


class Scanner:
    """Reads all quantities of one text. ``prose=True`` is the strict reading used for articles."""

    def __init__(self, source: str, *, prose: bool = True) -> None:
        self.source = source
        self.norm = normalise(source)
        self.prose = prose
        self.out: list[_Reading] = []
        spans = [m.span() for m in EXCEPTION_WORDS_RE.finditer(self.norm)]
        self.idiom_starts = [a for a, _ in spans]
        self.idiom_ends = [b for _, b in spans]
        urls = (
            [m.span() for m in URL_RE.finditer(self.norm)] if "/" in self.norm or "www." in self.norm else []
        )
        self.url_starts = [a for a, _ in urls]
        self.list_tails: dict[int, tuple[str, int, int]] = {}
        self.month: tuple[str, int] | None = None  # (year or "-", month) of the last date read
        self.url_ends = [b for _, b in urls]

    def _in_idiom(self, pos: int) -> bool:
        # Idiom spans do not overlap (finditer), so the one that may hold pos is found by bisection.
        i = bisect.bisect_right(self.idiom_starts, pos) - 1
        return i >= 0 and pos < self.idiom_ends[i]

    def _remember_month(self, iso: str) -> None:
        """The month a text has named last (2021-11-22, --11-16, 2019-06), for a bare 13日 after it."""
        m = ISO_MONTH_RE.match(iso)
        if m is not None:
            self.month = (m.group(1) or "-", int(m.group(2)))

    def _in_url(self, pos: int) -> bool:
        i = bisect.bisect_right(self.url_starts, pos) - 1
        return i >= 0 and pos < self.url_ends[i]

    def _comparative(self, r: _Reading) -> _Reading:
        """比170低, 比三十大一些: the number is a bound of what is compared with it."""
        if (
            r.qualifier != "exact"
            or r.value is None
            or r.kind in ("date", "year_range", "date_range", "clock_time")
        ):
            return r
        i = r.start
        while i > 0 and self.norm[i - 1] in " \t" and r.start - i < 3:
            i -= 1
        if i == 0 or self.norm[i - 1] != "比":
            return r
        cm = COMPARATIVE_RE.match(self.norm, r.end)
        if cm is None:
            return r
        r.qualifier = "over" if cm.group("c") in "大多高" else "under"
        r.inclusive = False
        r.start, r.end = i - 1, cm.end("c")
        return r

    # -- numeral helpers -------------------------------------------------------------------
    def numeral_at(self, pos: int) -> tuple[int, Numeral] | None:
        """The numeral at ``pos`` and where it ends; the longest prefix that is a numeral
        (百分之七十百分位 → 七十)."""
        m = NUMERAL_RE.match(self.norm, pos)
        if not m:
            return None
        end = m.end()
        num = evaluate(m.group())
        while num is None and end - pos > 1:
            shorter = NUMERAL_RE.match(self.norm, pos, end - 1)
            if shorter is None:
                return None
            end = shorter.end()
            num = evaluate(shorter.group())
        return None if num is None else (end, num)

    # -- main loop -------------------------------------------------------------------------
    def _special(self, m: re.Match[str]) -> _Reading:
        low, high, kind, unit, high_inclusive = SPECIAL_WORDS[m.group()]
        if low == high:
            return _Reading(m.start(), m.end(), kind, value=float(low), unit=unit, measure=m.group()[-1])  # type: ignore[arg-type]
        end = m.end()
        measure = None
        um = UNIT_RE.match(self.norm, end)
        if um is not None and um.group("unit") is not None and not um.group("mag") and not um.group("infix"):
            cat = _UNIT_WORDS[um.group("unit")]
            if cat == "count":
                kind, unit, measure, end = "count", MEASURES[um.group("unit")], um.group("unit"), um.end()
            elif cat == "money":
                kind, unit, end = "money", CURRENCIES[um.group("unit")], um.end()
        return _Reading(
            m.start(),
            end,
            kind,  # type: ignore[arg-type]
            low=float(low),
            high=float(high),
            unit=unit or None,
            qualifier="approx",
            measure=measure,
            high_inclusive=high_inclusive,
        )

    def scan(self) -> list[Quantity]:
        norm = self.norm
        consumed = 0
        specials = (
            [self._special(m) for m in SPECIAL_RE.finditer(norm)] if ("成" in norm or "折" in norm) else []
        )
        k = 0
        for m in NUMERAL_RE.finditer(norm):
            start = m.start()
            while k < len(specials) and specials[k].start <= start:
                if specials[k].start >= consumed:
                    self.out.append(specials[k])
                    consumed = specials[k].end
                k += 1
            if start < consumed:
                continue
            m = self._split_unit(m)
            reading = self.read(m)
            if reading is None:
                continue
            self.out.append(reading)
            consumed = reading.end
            if reading.iso and reading.kind in ("date", "date_range"):
                self._remember_month(reading.iso.rsplit("/", 1)[-1])
        self.out.extend(r for r in specials[k:] if r.start >= consumed)
        readings = merge_bounds(norm, self.out)
        if self.prose:
            names = self._unit_names(readings)
            if names:
                readings = sorted(readings + names, key=lambda r: r.start)
        return [r.quantity(self.source) for r in readings]

    def _unit_names(self, readings: list[_Reading]) -> list[_Reading]:
        """Currency names and temperature units standing without a number: 人民币汇率, 美元指数,
        转换为摄氏度, 单位是°C (qualifier ``unit``, no value). A name inside a reading is part of that
        amount (8亿元人民币, 25摄氏度); one followed by an amount labels it (人民币50元, 人民币 8千元,
        美元兑人民币6.9); one right after a numeral the reader left unread goes with that numeral."""
        norm = self.norm
        found: list[_Reading] = []
        starts: list[int] | None = None
        for m in UNIT_NAME_RE.finditer(norm):
            a, b = m.span()
            p = a
            while p > 0 and norm[p - 1] in " \t\u00a0" and a - p < 3:
                p -= 1
            if p > 0 and norm[p - 1] in NUMERAL_CHARS:
                continue  # after a numeral (亿美元, 25摄氏度): the amount's unit, read or not
            if starts is None:
                starts = [r.start for r in readings]  # most paragraphs name no unit: built on the first
            i = bisect.bisect_right(starts, a) - 1  # the reading that begins at or before the name
            if i >= 0 and readings[i].end > a:
                continue  # inside a reading: part of that amount (8亿元人民币)
            if i + 1 < len(readings):
                gap = norm[b : readings[i + 1].start]
                if len(gap) <= 3 and not gap.strip(" \t\u00a0"):
                    continue  # overlaps the next reading, or labels the amount right after it
            name = m.group()
            nxt = norm[b] if b < len(norm) else ""
            if nxt and ((name[-1] == "元" and nxt in YUAN_WORD_NEXT) or nxt in NAME_NOT_BEFORE.get(name, "")):
                continue
            if name in TEMPERATURE_NAMES:
                kind: Kind = "dimension"
                unit = TEMPERATURE_NAMES[name]
            else:
                kind, unit = "money", CURRENCIES[name]
            found.append(_Reading(a, b, kind, unit=unit, qualifier="unit", measure=self.source[a:b]))
        return found

    def read(self, m: re.Match[str]) -> _Reading | None:
        norm = self.norm
        start, end = m.span()
        text = m.group()
        if len(text) > MAX_NUMERAL:
            return None  # a run of digits this long is data (a hash, a line of noise), not a quantity
        word = _is_word_numeral(text)
        # (a date's year has four characters, then its separator: most numerals fail that test first)
        if (
            not word
            and norm[start + 4 : start + 5] in ("-", "/", ".")
            and (dm := NUMERIC_DATE_RE.match(norm, start))
        ):
            # 发布日期: 2020-04-16 / 2020/4/16 / 2020.04.16: a day written with digits only (web
            # pages and datelines), not the numbers 2020, 04 and 16 (nor the decimal 2020.4)
            y, mo, d = int(dm.group("y")), int(dm.group("m")), int(dm.group("d"))
            return _Reading(start, dm.end(), "date", iso=f"{y:04d}-{mo:02d}-{d:02d}", value=None, unit=None)
        before = norm[start - 1] if start > 0 else ""
        after = norm[end] if end < len(norm) else ""
        # Codes, names and addresses, not quantities: G20, COP26, runwaysys@163.com, 5G, H1N1 —
        # but an indicator's acronym set against its value (GDP437.0亿元, PMI50.2%) is the value.
        if (
            before
            and before.isascii()
            and (before.isalpha() or before in "@_/#&.+")
            and not word
            and not _signed_rate(norm, start, end)
            and not (
                ACRONYM_BEFORE_RE.search(norm, max(0, start - 8), start)
                and VALUE_UNIT_AFTER_RE.match(norm, end)
            )
        ):
            return None
        if before == "=" and start > 1 and norm[start - 2].isascii() and norm[start - 2].isalnum():
            return None  # a=5, ?id=3: a parameter, not a quantity
        if self.url_starts and self._in_url(start):
            return None
        if (
            before == "-"
            and start > 1
            and norm[start - 2].isascii()
            and norm[start - 2].isalpha()
            and not word
        ):
            return None  # COVID-19
        if after == "-" and end + 1 < len(norm) and norm[end + 1].isascii() and norm[end + 1].isalpha():
            return None  # 2019-nCoV
        if not word and len(text) >= 3 and text[0] == "0" and text[1].isdigit():
            return None  # 010-12345678, 0571: telephone and postal codes, not quantities
        if before == "-" and start > 1 and norm[start - 2].isdigit() and len(text) >= 7 and not word:
            return None  # the subscriber part of 010-12345678
        if after and after.isascii() and after.isalpha() and not word and not self._latin_unit_at(end):
            return None
        if word and self.idiom_starts and self._in_idiom(start):
            return None
        # A list enumerator at the start of a line: 一、前言 / 1、设施联通 / 2. 标题.
        if after and after in "、.)）" and _line_start(norm, start) and len(text) <= 3:
            nxt = norm[end + 1] if end + 1 < len(norm) else ""
            if not nxt.isdigit() and nxt not in CN_DIGITS:
                return None
        # Names made of numbers: “911 事件”; 党的十八大 (the 18th National Congress) is an ordinal.
        ev = EVENT_RE.match(norm, end) if after in EVENT_FIRST else None
        congress = word and after == "大" and CONGRESS_RE.fullmatch(text) is not None
        if (ev and (word or ev.group().strip() == "事件")) or congress:
            if word and CONGRESS_RE.fullmatch(text):
                n = evaluate(text)
                if n is not None:
                    return _Reading(start, end + 1, "ordinal", value=float(n.value), measure="大")
            return None
        # 十大行业, 四大银行, 三大攻坚战: an enumerated count; 党的八大, 中共二大: a congress.
        if word and after == "大" and text in BIG_COUNT_NUMERALS and not BIG_NOT_COUNT_RE.match(norm, end):
            n = evaluate(text)
            if n is not None:
                if norm[max(0, start - 2) : start] in ("党的", "中共"):
                    return _Reading(start, end + 1, "ordinal", value=float(n.value), measure="大")
                return _Reading(start, end + 1, "count", value=float(n.value), unit="大", measure="大")
        # Labels: 图1, 表 2, 附件3.
        if not word and norm[max(0, start - 3) : start].rstrip(" ").endswith(
            ("图", "表", "附件", "附录", "条款")
        ):
            return None
        # Ordinals: 第 101 位, 第一, 第三次.
        ord_start = self._ordinal_prefix(start)
        if ord_start is not None:
            return self._ordinal(ord_start, m)
        # The readers of dates, clock times and fractions, each only where what follows can begin its form.
        i = end
        while i < len(norm) and norm[i] in " \t\u00a0" and i - end < 3:
            i += 1
        nxt = norm[i] if i < len(norm) else ""
        r = None
        if nxt in DATE_TAIL_CHARS or start in self.list_tails:
            r = self._date(m)
        if r is None and ((nxt and nxt in "点时:") or "点" in text):
            r = self._clock(m)
        if r is None and nxt == "分":
            r = self._fraction(m)
        if r is None and nxt == "/":
            r = self._slash_fraction(m)
        if r is not None:
            return self._comparative(self._suffix(r))
        r = self._with_unit(m)
        if r is not None:
            return self._comparative(self._suffix(r))
        return None

    def _latin_unit_at(self, pos: int) -> bool:
        head = self.norm[pos : pos + 3]
        if re.match(
            r"(?:pct|ppt|bps|bp|BP|[kMGT]Wh|[GT]W|[MGTP]B|[MG]bps|TEU|[GTPE]?FLOPS)(?![A-Za-z])",
            self.norm[pos : pos + 7],
        ):
            return True
        if head[:2].lower() in ("km", "kg", "cm", "mm") or head[:2] in ("kW", "MW"):
            return len(head) < 3 or not (head[2].isascii() and head[2].isalpha())
        return head[:1] == "m" and (len(head) < 2 or not (head[1].isascii() and head[1].isalpha()))

    def _split_unit(self, m: re.Match[str]) -> re.Match[str]:
        """Give back a magnitude character that begins a unit: 12千米 → 12 + 千米, 二两 → 二 + 两."""
        start, end = m.span()
        if end - start < 2:
            return m
        norm = self.norm
        if norm[end - 1] in "千兆" and norm.startswith(MAGNITUDE_UNITS, end - 1):
            shorter = NUMERAL_RE.match(norm, start, end - 1)
            return shorter if shorter is not None and shorter.end() == end - 1 else m
        if norm[end - 1] == "两" and (evaluate(m.group()) is None or norm[end - 2] in "十百千万亿"):
            shorter = NUMERAL_RE.match(norm, start, end - 1)
            if shorter is not None and shorter.end() == end - 1 and evaluate(shorter.group()) is not None:
                return shorter
        return m

    # -- lists that share one unit -----------------------------------------------------------
    def _shared_tail(self, start: int, end: int) -> tuple[str, int, int] | None:
        """The list tail for the member at ``start`` (computed once per list, at its first member)."""
        if start in self.list_tails:
            return self.list_tails[start]
        return self._list_tail(start, end)

    def _list_tail(self, start: int, end: int) -> tuple[str, int, int] | None:
        """When the numeral ending at ``end`` starts or continues a list whose members share the unit
        written after the last one (2.6、0.9、1.4个百分点; 4、5、6月; 三、四季度; 4、5、6三个月), what
        that unit is — "unit", "month", "year" or "quarter" — and where it stands."""
        norm = self.norm
        pos, starts = end, [start]
        last = norm[start:end]
        for _ in range(12):
            sep = LIST_SEP_RE.match(norm, pos)
            if sep is None and norm.startswith("个", pos):
                # 14.12个和15.76个百分点: the measure word repeated by each member, the unit after the last
                sep = LIST_SEP_RE.match(norm, pos + 1)
            if sep is None:
                break
            nm = NUMERAL_RE.match(norm, sep.end())
            if nm is None or evaluate(nm.group()) is None:
                return None
            # (4665亿和2611亿千瓦时: 千 begins the unit 千瓦时, as for a lone number — 12千米 → 12 + 千米)
            nm = self._split_unit(nm)
            starts.append(nm.start())
            pos, last = nm.end(), nm.group()
            if "、" not in sep.group():
                break  # 和/及/与/或 joins the last member
        members = len(starts)
        if members < 2:
            return None
        found = self._tail_kind(pos, members)
        if found is None:
            return None
        tail = (found, pos, _trailing_magnitude(last) if _has_magnitude(last) else 1)
        for s in starts:
            self.list_tails[s] = tail
        return tail

    def _tail_kind(self, pos: int, members: int) -> str | None:
        norm = self.norm
        if QUARTER_TAIL_RE.match(norm, pos):
            return "quarter"
        if MONTH_WORD_RE.match(norm, pos):
            return "month"
        if YEAR_END_RE.match(norm, pos):
            return "year"
        count = NUMERAL_RE.match(norm, pos)
        if count is not None:
            n = evaluate(count.group())
            if n is not None and n.value == members:
                if norm.startswith("个月", count.end()):
                    return "month"  # 4、5、6三个月: the three months April, May and June
                if norm.startswith("年", count.end()):
                    return "year"
            return None
        um = UNIT_RE.match(norm, pos)
        if um is not None and (um.group("unit") or um.group("pp")) and not um.group("infix"):
            return "unit"
        return None

    # -- ordinals --------------------------------------------------------------------------
    def _ordinal_prefix(self, start: int) -> int | None:
        i = start
        while i > 0 and self.norm[i - 1] == " " and start - i < 2:
            i -= 1
        if i > 0 and self.norm[i - 1] == "第":
            return i - 1
        return None

    def _ordinal(self, ord_start: int, m: re.Match[str]) -> _Reading | None:
        num = evaluate(m.group())
        if num is None:
            # 第十几次: an ordinal somewhere in (10, 20), never a count.
            vague = evaluate_vague(m.group())
            if vague is None:
                return None
            end = m.end()
            mm = ORDINAL_UNIT_RE.match(self.norm, end)
            measure = mm.group("u") if mm else None
            return _Reading(
                ord_start,
                mm.end() if mm else end,
                "ordinal",
                low=float(vague.low),
                high=float(vague.high),
                low_inclusive=vague.low_inclusive,
                high_inclusive=vague.high_inclusive,
                qualifier="approx",
                measure=measure,
            )
        end = m.end()
        quarter = self._quarter(ord_start, m.end(), "-", "第", int(num.value))
        if quarter is not None:
            return quarter
        mm = ORDINAL_UNIT_RE.match(self.norm, end)
        measure = None
        if mm and mm.group("u") not in ("点",):
            measure = mm.group("u")
            end = mm.end()
        return _Reading(ord_start, end, "ordinal", value=float(num.value), measure=measure, unit=None)

    # -- dates -----------------------------------------------------------------------------
    def _years_both_written(self, first: int, at: int) -> tuple[int, int] | None:
        """2019年至2023年, 2019年到2023年, 2019年—2023年: a span of whole years written with 年 on both
        ends (the later year and where it ends), as 2019—2023年 is. Not when the later year goes on
        to a month, a quarter or a part of the year (2019年至2023年6月, 2023年末: a span of months or
        a stock's date), nor when 年 opens 年间 (2019年至2023年间 stays the same span: it is read)."""
        norm = self.norm
        rs = RANGE_SEP_RE.match(norm, at)
        if rs is None or rs.group("sep") == "、":
            return None
        m2 = NUMERAL_RE.match(norm, rs.end())
        if m2 is None or len(m2.group()) != 4 or _is_word_numeral(m2.group()):
            return None
        n2 = evaluate(m2.group())
        ym2 = YEAR_END_RE.match(norm, m2.end())
        if n2 is None or ym2 is None or int(n2.value) <= first:
            return None
        rest = norm[ym2.end() : ym2.end() + 3].lstrip(" \t\u00a0")
        if rest[:1] and rest[0] in _YEAR_GOES_ON:
            return None
        return int(n2.value), ym2.end()

    def _date(self, m: re.Match[str]) -> _Reading | None:
        norm = self.norm
        text = m.group()
        end = m.end()
        # Every date form goes on with one of these (年, 月, 世纪, 季度, 日, a range or list mark).
        i = end
        while i < len(norm) and norm[i] in " \t\u00a0" and i - end < 3:
            i += 1
        if (i >= len(norm) or norm[i] not in DATE_TAIL_CHARS) and m.start() not in self.list_tails:
            return None
        num = evaluate(text)
        if num is None or num.decimals or "." in text:
            return None
        v = int(num.value)
        end = m.end()
        century = CENTURY_RE.match(norm, end)
        if century and 1 <= v <= 30:
            low, high = (v - 1) * 100 + 1, v * 100
            stop = century.end()
            dm = NUMERAL_RE.match(norm, century.end("sp"))
            if dm:
                dn = evaluate(dm.group())
                de = DECADE_RE.match(norm, dm.end())
                if dn is not None and de and dn.value in range(0, 100, 10):
                    low, high = (v - 1) * 100 + int(dn.value), (v - 1) * 100 + int(dn.value) + 9
                    stop = de.end()
            return _Reading(
                m.start(),
                stop,
                "year_range",
                low=float(low),
                high=float(high),
                unit="year",
                qualifier="range",
                iso=f"{low:04d}/{high:04d}",
            )
        decade = DECADE_RE.match(norm, end)
        if decade and v in range(10, 100, 10) and not num.decimals:
            return _Reading(
                m.start(),
                decade.end(),
                "year_range",
                low=float(1900 + v),
                high=float(1909 + v),
                unit="year",
                qualifier="range",
                iso=f"{1900 + v}/{1909 + v}",
            )
        is_year_form = (not _is_word_numeral(text) and len(text) == 4) or (
            _is_word_numeral(text) and 1000 <= v <= 2999 and (len(text) == 4 or "千" in text)
        )
        # 2021年前三季度 is a year; 3年前 is a duration (read elsewhere).
        ym = YEAR_RE.match(norm, end) if is_year_form else None
        if (
            ym is None
            and is_year_form
            and 1000 <= v <= 2999
            and re.search(r"[比较][ ]{0,2}$", norm[: m.start()])
        ):
            # 比2019年多出145.1万吨: a year compared with, not "over 2019 years" (三年多)
            ym = YEAR_ANY_RE.match(norm, end)
        # Year range: 2013-2019年.
        if is_year_form and 1000 <= v <= 2999:
            rs = RANGE_SEP_RE.match(norm, end)
            if rs and rs.group("sep") != "、":
                m2 = NUMERAL_RE.match(norm, rs.end())
                if m2 and len(m2.group()) == 4 and not _is_word_numeral(m2.group()):
                    n2 = evaluate(m2.group())
                    ym2 = YEAR_END_RE.match(norm, m2.end())
                    if n2 is not None and ym2 and int(n2.value) > v:
                        return _Reading(
                            m.start(),
                            ym2.end(),
                            "year_range",
                            low=float(v),
                            high=float(n2.value),
                            unit="year",
                            qualifier="range",
                            iso=f"{v}/{int(n2.value)}",
                        )
        if ym and is_year_form and 1000 <= v <= 2999:
            whole_years = self._years_both_written(v, ym.end())
            if whole_years is not None:
                return _Reading(
                    m.start(),
                    whole_years[1],
                    "year_range",
                    low=float(v),
                    high=float(whole_years[0]),
                    unit="year",
                    qualifier="range",
                    iso=f"{v}/{whole_years[0]}",
                )
            stop = ym.end()
            iso = f"{v:04d}"
            qm = QUARTER_AFTER_RE.match(norm, stop)
            if qm is not None:
                q = _quarter_number(qm.group("q"))
                quarter = self._quarter(m.start(), qm.end("q"), f"{v:04d}", qm.group("first") or "", q)
                if quarter is not None:
                    return quarter
            mon = self._month_day(stop)
            if mon is not None:
                stop, month, day = mon
                iso = f"{v:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
                span = self._date_span(stop, f"{v:04d}", month, day)
                if span is not None:
                    return _Reading(
                        m.start(), span[0], "date_range", iso=f"{iso}/{span[1]}", qualifier="range"
                    )
            return _Reading(m.start(), stop, "date", iso=iso, value=None, unit=None)
        if not num.decimals and (
            m.start() in self.list_tails or norm.startswith(("、", "和", "及", "与", "或"), end)
        ):
            tail = self._shared_tail(m.start(), end)
            own_unit = (
                QUARTER_TAIL_RE.match(norm, end)
                or MONTH_WORD_RE.match(norm, end)
                or YEAR_END_RE.match(norm, end)
            )
            if tail is not None and not own_unit:  # the last member is read with its own unit below
                if tail[0] == "quarter" and 1 <= v <= 4:
                    return _Reading(
                        m.start(),
                        end,
                        "date_range",
                        iso=f"--{3 * v - 2:02d}/--{3 * v:02d}",
                        low=float(3 * v - 2),
                        high=float(3 * v),
                        unit="month",
                        qualifier="range",
                    )
                if tail[0] == "month" and 1 <= v <= 12:
                    return _Reading(m.start(), end, "date", iso=f"--{v:02d}")
                if tail[0] == "year" and is_year_form and 1000 <= v <= 2999:
                    return _Reading(m.start(), end, "date", iso=f"{v:04d}")
        if self.month is not None and 1 <= v <= 31:
            dm = DAY_WORD_RE.match(norm, end)
            nxt = norm[dm.end()] if dm is not None and dm.end() < len(norm) else ""
            not_day = (
                NOT_DAY_AFTER
                if dm is None or norm[dm.start() :].lstrip().startswith("日")
                else NOT_NUMBER_AFTER
            )
            named = not_day is NOT_NUMBER_AFTER and _NAME_BEFORE_RE.search(
                norm, max(0, m.start() - 1), m.start()
            )
            if dm is not None and not (nxt and nxt in not_day) and not num.decimals and not named:
                # 13日 after a text has named its month (11月2日发布，13日实施): a day of that month.
                # (嫦娥六号, 长征五号: 号 after a name is the name's number, never a day)
                year, month = self.month
                prefix = "-" if year == "-" else year
                return _Reading(m.start(), dm.end(), "date", iso=f"{prefix}-{month:02d}-{v:02d}")
        if 1 <= v <= 4 and QUARTER_TAIL_RE.match(norm, end):
            lead = norm[m.start() - 1] if m.start() > 0 else ""
            begin = m.start() - 1 if lead == "前" else m.start()
            quarter = self._quarter(begin, end, "-", "前" if lead == "前" else "", v)
            if quarter is not None:
                return quarter
        if 1 <= v <= 12:
            # 1—10月份: a span of months.
            rs = RANGE_SEP_RE.match(norm, end)
            if rs and rs.group("sep") != "、":
                mon2 = self._month_day(rs.end())
                if mon2 is not None and mon2[2] == 0 and mon2[1] > v:
                    return _Reading(
                        m.start(),
                        mon2[0],
                        "date_range",
                        iso=f"--{v:02d}/--{mon2[1]:02d}",
                        low=float(v),
                        high=float(mon2[1]),
                        unit="month",
                        qualifier="range",
                    )
            mon = self._month_day(m.start())
            if mon is not None:
                stop, month, day = mon
                iso = f"--{month:02d}" + (f"-{day:02d}" if day else "")
                span = self._date_span(stop, "-", month, day)
                if span is not None:
                    return _Reading(
                        m.start(), span[0], "date_range", iso=f"{iso}/{span[1]}", qualifier="range"
                    )
                return _Reading(m.start(), stop, "date", iso=iso)
        return None

    def _quarter(self, start: int, num_end: int, year: str, lead: str, q: int) -> _Reading | None:
        """一季度 → --01/--03, 前三季度 → --01/--09, 2021年第一季度 → 2021-01/2021-03."""
        tail = QUARTER_TAIL_RE.match(self.norm, num_end)
        if tail is None or not 1 <= q <= 4:
            return None
        first = 1 if lead == "前" else 3 * q - 2
        prefix = "-" if year == "-" else year
        iso = f"{prefix}-{first:02d}/{prefix}-{3 * q:02d}"
        return _Reading(
            start,
            tail.end(),
            "date_range",
            iso=iso,
            low=float(first),
            high=float(3 * q),
            unit="month",
            qualifier="range",
        )

    def _date_span(self, pos: int, year: str, month: int, day: int) -> tuple[int, str] | None:
        """The end of 3月5日至11日 or 6月1日-6月30日: where it stops and its ISO date."""
        if not day:
            return None
        rs = RANGE_SEP_RE.match(self.norm, pos)
        if rs is None or rs.group("sep") == "、":
            return None
        mon = self._month_day(rs.end())
        if mon is not None and mon[2]:
            end, month2, day2 = mon
        else:
            dm = DAY_RE.match(self.norm, rs.end())
            if dm is None:
                return None
            d2 = evaluate(dm.group("d"))
            if d2 is None or d2.decimals or not (day < d2.value <= 31):
                return None
            end, month2, day2 = dm.end(), month, int(d2.value)
        if (month2, day2) <= (month, day):
            return None
        return end, f"{year}-{month2:02d}-{day2:02d}"

    def _month_day(self, pos: int) -> tuple[int, int, int] | None:
        norm = self.norm
        i = pos
        while i < len(norm) and norm[i] == " " and i - pos < 3:
            i += 1
        mm = NUMERAL_RE.match(norm, i)
        if not mm:
            return None
        mn = evaluate(mm.group())
        if mn is None or mn.decimals or not (1 <= mn.value <= 12) or mn.value != int(mn.value):
            return None
        mo = MONTH_WORD_RE.match(norm, mm.end())
        if not mo:
            return None
        month = int(mn.value)
        stop = mo.end()
        if mo.group("fen"):
            return stop, month, 0
        j = stop
        while j < len(norm) and norm[j] == " " and j - stop < 3:
            j += 1
        dm = NUMERAL_RE.match(norm, j)
        if dm:
            dn = evaluate(dm.group())
            dd = DAY_WORD_RE.match(norm, dm.end())
            if dn is not None and dd and not dn.decimals and 1 <= dn.value <= 31:
                return dd.end(), month, int(dn.value)
        return stop, month, 0

    # -- clock times -----------------------------------------------------------------------
    def _clock(self, m: re.Match[str]) -> _Reading | None:
        norm = self.norm
        text = m.group()
        start = m.start()
        # 八点四十五 is matched as one numeral; split it at 点.
        hour_text = text.split("点")[0] if "点" in text else text
        hour_end = start + len(hour_text)
        tail = CLOCK_TAIL_RE.match(norm, hour_end)
        if not tail:
            return None
        hn = evaluate(hour_text)
        if hn is None or hn.decimals or not (0 <= hn.value <= 24):
            return None
        hour = int(hn.value)
        if not tail:
            return None
        colon = ":" in tail.group()
        period_start = self._period_before(start)
        minute = 0
        if tail.group("half"):
            minute = 30
        elif tail.group("quarter"):
            minute = 15 if tail.group("quarter") == "一" else 45
        elif tail.group("min"):
            mn = evaluate(tail.group("min"))
            if mn is None or not (0 <= mn.value < 60):
                return None
            minute = int(mn.value)
        has_minutes = bool(
            tail.group("half") or tail.group("quarter") or tail.group("min") or tail.group("zheng")
        )
        if colon and not tail.group("min"):
            return None
        if (
            "时" in tail.group()
            and not has_minutes
            and period_start is None
            and not _DAY_BEFORE.search(norm, max(0, start - 12), start)
        ):
            return None  # (10月9日19时, 当日8时: the hour of the day just named)
        if (
            tail.group().strip().startswith("点")
            and not has_minutes
            and period_start is None
            and "钟" not in tail.group()
        ):
            return None
        if (
            _is_word_numeral(hour_text)
            and period_start is None
            and not (
                tail.group("half") or tail.group("quarter") or "分" in tail.group() or tail.group("zheng")
            )
        ):
            return None  # 零点零零吨, 十二点五: decimals, not a time, unless 分/半/刻/整 or 上午… say so
        if colon and len(tail.group("min") or "") != 2:
            return None
        first = start if period_start is None else period_start
        period = norm[first:start].strip()
        if period in AFTERNOON and hour < 12:
            hour += 12
        if period == "中午" and hour < 11:
            hour += 12
        if hour == 24:
            hour = 0
        qual, _, qstart, _ = _prefix_qualifier(norm, first)
        if qual not in ("approx", "near"):
            qual, qstart = "exact", first
        return _Reading(qstart, tail.end(), "clock_time", iso=f"{hour:02d}:{minute:02d}", qualifier=qual)

    def _period_before(self, start: int) -> int | None:
        i = start
        while i > 0 and self.norm[i - 1] == " " and start - i < 3:
            i -= 1
        for w in PERIOD_WORDS:
            if self.norm.startswith(w, i - len(w)) and i - len(w) >= 0:
                return i - len(w)
        return None

    # -- fractions and 百分之 ---------------------------------------------------------------
    def _fraction(self, m: re.Match[str]) -> _Reading | None:
        fm = FRACTION_RE.match(self.norm, m.end())
        if not fm:
            return None
        den_text = re.sub(r"\s", "", m.group())
        den_value = PER_DENOMINATORS.get(den_text)
        den = Numeral(Decimal(den_value), 0) if den_value else evaluate(den_text)
        nm = NUMERAL_RE.match(self.norm, fm.end())
        vague = evaluate_vague(nm.group()) if nm is not None and _pair_numeral(nm.group()) else None
        got = self.numeral_at(fm.end())
        if den is None or got is None or den.value == 0:
            return None
        stop, num = got
        qual, inclusive, qstart, equal = _prefix_qualifier(self.norm, m.start())
        if vague is not None and nm is not None and den_value:
            # 百分之二三十: twenty or thirty percent.
            st = _Stated(None, None, None, vague, "approx", True, False)
            return self._build(
                qstart, nm.end(), "percent", "%", st, Decimal(100) / den.value, den_text + "分之"
            )
        st = _Stated(num.value, last_digit_unit(num.value, num.decimals), None, None, qual, inclusive, equal)
        st.decimals = num.decimals
        if den_value:
            # 百分之十二点五 = 12.5 %, 千分之三 = 0.3 %, 万分之三 = 0.03 %: proportions, read in percent.
            return self._build(qstart, stop, "percent", "%", st, Decimal(100) / den.value, den_text + "分之")
        st.value = num.value / den.value
        st.step = None
        return self._build(qstart, stop, "number", None, st, Decimal(1))

    def _slash_fraction(self, m: re.Match[str]) -> _Reading | None:
        """1/2, 3/4: a fraction written with a slash (small denominators only: 2021/11 is a date)."""
        sm = SLASH_FRACTION_RE.match(self.norm, m.end())
        text = m.group()
        if sm is None or not text.isdigit():
            return None
        a, b = int(text), int(sm.group("d"))
        if not 0 < a < b <= 100:
            return None
        qual, inclusive, qstart, equal = _prefix_qualifier(self.norm, m.start())
        st = _Stated(Decimal(a) / Decimal(b), None, None, None, qual, inclusive, equal)
        return self._build(qstart, sm.end(), "number", None, st, Decimal(1))

    # -- numbers with units, ranges --------------------------------------------------------
    def _build(
        self,
        start: int,
        end: int,
        kind: Kind,
        unit: str | None,
        st: _Stated,
        factor: Decimal,
        measure: str | None = None,
    ) -> _Reading:
        """One reading from what was stated, every value times ``factor`` (成 → 10, ‰ → 0.1 …)."""
        r = _Reading(start, end, kind, unit=unit, measure=measure, decimals=st.decimals)
        if st.low is not None and st.value is not None:
            r.low, r.high = float(st.low * factor), float(st.value * factor)
            r.qualifier = st.qualifier if st.qualifier == "approx" else "range"  # 七、八万亿: 7–8万亿
            return r
        if st.vague is not None:
            v = st.vague.scaled(factor)
            r.low, r.high = float(v.low), float(v.high)
            r.low_inclusive, r.high_inclusive = v.low_inclusive, v.high_inclusive
            r.value = None if v.stated is None else float(v.stated)
            r.qualifier = "more" if v.stated is not None else "approx"
            return r
        if st.value is None:
            return r
        r.value = float(st.value * factor)
        r.qualifier = st.qualifier
        r.inclusive = st.inclusive
        r.equal = st.equal
        r.step = None if st.step is None else float(st.step * abs(factor))
        return r

    def _with_unit(self, m: re.Match[str]) -> _Reading | None:
        norm = self.norm
        text = m.group()
        start, end = m.span()
        num = evaluate(text)
        if num is None and text in ("万", "亿") and norm.startswith(("余", "多"), end):
            num = Numeral(Decimal(BIG_UNITS[text]), 0)  # 万余家, 亿多元: ten thousand and more
        vague: Vague | None = None
        if num is None or _pair_numeral(text):
            vague = evaluate_vague(text)
            if vague is None and num is None:
                return None
        word = _is_word_numeral(text)
        qual, inclusive, qstart, equal = _prefix_qualifier(norm, start, text)
        # 上千家, 上百个, 上万人: "upwards of" a round magnitude.
        if qstart == start and start > 0 and norm[start - 1] == "上" and text[0] in "百千万亿":
            qual, inclusive, qstart = "over", True, start - 1
        # 几十个, 数千亿美元: 几/数 before a place is two to nine of it.
        lead = False
        if (
            qstart == start
            and start > 0
            and norm[start - 1] in "数几"
            and text[0] in CN_UNIT_CHARS
            and num is not None
            and vague is None
        ):
            vague = Vague(num.value * 2, num.value * 10, True, False, None)
            lead = True
            qstart = start - 1
        # A currency symbol before the number: $5, ¥100.
        sym = CURRENCY_SYMBOLS.get(norm[start - 1]) if start > 0 else None
        # Range: 17%-19%, 七、八万亿, 1000-2000亿美元.
        low_num: Numeral | None = None
        range_has_mag = False
        um = UNIT_RE.match(norm, end)
        in_list = False
        if (
            um is not None
            and um.group("unit") is None
            and um.group("halfunit") is None
            and um.group("pp") is None
        ):
            um = None
        rs = RANGE_SEP_RE.match(norm, um.end() if um else end) if vague is None and num is not None else None
        if rs and num is not None:
            m2 = NUMERAL_RE.match(norm, rs.end())
            if m2:
                n2 = evaluate(m2.group())
                um2 = UNIT_RE.match(norm, m2.end())
                ok = n2 is not None
                if rs.group("sep") == "、":
                    ok = (
                        ok
                        and word
                        and len(text) == 1
                        and n2 is not None
                        and _is_word_numeral(m2.group())
                        and m2.group()[0] in CN_DIGITS
                        and (int(num.value), CN_DIGITS.get(m2.group()[0], -9)) in PAIRS
                        and not (um2 is not None and um2.group("unit") in CALENDAR_UNITS)
                        and not QUARTER_TAIL_RE.match(norm, m2.end())
                    )
                if ok and n2 is not None and (um is None or (um2 is not None and _same_unit(um, um2))):
                    if um is None and um2 is None and self.prose and word and not _has_magnitude(m2.group()):
                        ok = False
                    common = _trailing_magnitude(m2.group()) if not _has_magnitude(text) else 1
                    if ok and n2 is not None and num.value * common >= n2.value:
                        ok = False  # 5-3 or 2020-2019: not a range from low to high
                    if ok:
                        low_num = Numeral(num.value * common, num.decimals)
                        range_has_mag = _has_magnitude(m2.group())
                        if rs.group("sep") == "、":
                            qual = "approx"  # 七、八万亿: seven or eight, as 七八万亿
                        num = n2
                        end = m2.end()
                        um = (
                            um2
                            if (um2 is not None and um2.group("unit") is not None)
                            or (um2 is not None and (um2.group("pp") or um2.group("halfunit")))
                            else None
                        )
        list_mag = Decimal(1)
        if (
            um is None
            and low_num is None
            and vague is None
            and num is not None
            and norm.startswith(LIST_SEPARATORS, end)
        ):
            tail = self._shared_tail(start, end)
            if tail is not None and tail[0] == "unit":
                um, in_list = UNIT_RE.match(norm, tail[1]), True
                if not _has_magnitude(text):
                    list_mag = Decimal(tail[2])  # 12、13亿元: 亿 is shared too
        elif (
            um is not None
            and um.group("unit") == "个"
            and not um.group("mag")
            and low_num is None
            and vague is None
            and num is not None
            and norm.startswith(LIST_SEPARATORS, um.end())
        ):
            # 14.12个和15.76个百分点: 个 is the start of the 个百分点 the list shares
            tail = self._shared_tail(start, end)
            shared = UNIT_RE.match(norm, tail[1]) if tail is not None and tail[0] == "unit" else None
            if shared is not None and shared.group("pp"):
                um, in_list = shared, True
                end += 1  # the member's own 个
        unit_word = None
        infix = None
        half = False
        mag = list_mag
        if um is not None:
            if um.group("pp"):
                unit_word = "个百分点"
            else:
                unit_word = um.group("unit") or "个半" + um.group("halfunit")[-2:]
            infix = um.group("infix")
            if um.group("mag"):
                mn = evaluate("1" + um.group("mag"))
                if mn is None:
                    return None
                mag = mn.value * list_mag
            half = bool(um.group("half")) or um.group("hm") == "半"
            if um.group("hm") == "多":
                infix = "多"  # 1个多月, 两个多小时: more than
            if not in_list:
                end = um.end()
        elif num is not None and vague is None and norm.startswith(("多", "余"), end):
            # 3万多, 500余 at the end of a phrase: more than (60多个 is read with its unit above).
            nxt = norm[end + 1] if end + 1 < len(norm) else ""
            if not ("\u4e00" <= nxt <= "\u9fff") or nxt == "的":
                infix = norm[end]
                end += 1
        st = _Stated(None, None, None, None, qual, inclusive, equal)
        if num is not None:
            st.value = num.value * mag + (Decimal("0.5") if half else 0)
            if qual == "near":  # the only reading that needs the written step (the others have no side)
                st.step = Decimal("0.5") if half else _written_step(text, num) * mag
            st.decimals = num.decimals if low_num is None else max(num.decimals, low_num.decimals)
        if low_num is not None:
            st.low = low_num.value * mag
        if vague is not None:
            st.vague = vague.scaled(mag)
        elif infix in ("多", "余") and num is not None and low_num is None:
            x = num.value
            st.vague = Vague(x, x + _written_step(text, num), False, False, x).scaled(mag)
        elif infix == "来":
            st.qualifier = "approx"
        if (
            low_num is None
            and st.value is not None
            and qstart == start
            and start > 0
            and norm[start - 1] in "-−负"
            and (start < 2 or not (norm[start - 2].isalnum() and norm[start - 2].isascii()))
        ):
            # -5%, 负3.2%: a written sign (2013-2019 is a range and never reaches here).
            st.value = -st.value
            qstart = start = start - 1
        if sym and unit_word is None:
            return self._build(start - 1, end, "money", CURRENCY_SYMBOLS[norm[start - 1]], st, Decimal(1))
        if unit_word is None and not word and LATIN_NAME_RE.search(norm, max(0, start - 24), start):
            return None  # ISO 9001, Windows 10: part of a name
        if unit_word is None and not word and text.isdigit() and len(text) >= 9:
            return None  # 4001182162, an ID: nine or more bare digits without a unit are a code, not a count
        if unit_word is None:
            # Special words: 一半, 翻一番.
            if word and norm.startswith("半", end) and text == "一":
                st.value, st.step = Decimal("0.5"), Decimal("0.1")
                return self._build(qstart, end + 1, "number", None, st, Decimal(1))
            if self.prose and word and not range_has_mag:
                bound_after = suffix_at(norm, end)
                if not _has_magnitude(text) and not (
                    bound_after is not None
                    and bound_after[1] in ("over", "under")
                    and not (start > 0 and norm[start - 1] in WORD_BEFORE_ONE and text == "一")
                ):
                    return None
                # 十万柒仟… is a number; 千万 (by all means), 十万火急, 百三 alone are too often words.
                if (
                    _has_magnitude(text)
                    and ((text[0] in CN_UNIT_CHARS and not lead and len(text) < 3) or len(text) < 2)
                    and not (vague is not None and len(text) >= 2)
                    and qstart == start
                ):
                    return None
            return self._build(qstart, end, "number", None, st, Decimal(1))
        if um is not None and um.group("halfunit"):
            unit_key = (
                um.group("halfunit")[-2:]
                if um.group("halfunit").endswith(("小时", "钟头", "星期", "礼拜"))
                else um.group("halfunit")[-1]
            )
            base = {"小时": "hour", "钟头": "hour", "月": "month", "星期": "week", "礼拜": "week"}[unit_key]
            return self._build(qstart, end, "duration", base, st, Decimal(1), measure=um.group("halfunit"))
        cat = _UNIT_WORDS[unit_word]
        if (
            self.prose
            and text in ("百", "千", "万", "亿")
            and qstart == start
            and not lead
            and low_num is None
            and infix is None
        ):
            # 百度, 千里, 百家争鸣, 千家万户: a lone magnitude before a unit is a word; with a qualifier
            # it counts (超过百列, 上千家, 近百家, 数百人).
            return None
        if self.prose and word and unit_word == "里":
            return None  # 二里头, 七里沟, 十里长街: places and idioms (prose measures in 公里)
        return self._classify(qstart, end, cat, unit_word, st, word, text, m, num)

    def _classify(
        self,
        start: int,
        end: int,
        cat: str,
        unit_word: str,
        st: _Stated,
        word: bool,
        text: str,
        m: re.Match[str],
        num: Numeral | None,
    ) -> _Reading | None:
        norm = self.norm
        plain_one = word and text in ("一", "壹") and st.low is None
        one = Decimal(1)
        if cat == "money":
            code = CURRENCIES[unit_word]
            if st.low is None and st.vague is None and st.value is not None:
                # Sub-units: 两美元又三美分 = 2.03, 五元三毛 = 5.3, 50元6角三分 = 50.63.
                jm = JIAO_RE.match(norm, end) if code == "CNY" else None
                if jm is not None:
                    jiao = evaluate(jm.group("j"))
                    fen = evaluate(jm.group("f")) if jm.group("f") else None
                    if jiao is not None:
                        st.value += jiao.value / 10 + (fen.value / 100 if fen is not None else 0)
                        end = jm.end()
                else:
                    cm = CENTS_RE.match(norm, end)
                    cents = evaluate(cm.group("n")) if cm is not None else None
                    if (
                        cm is not None
                        and cents is not None
                        and cents.value < 100
                        and cm.group("u") in CENT_WORDS.get(code, ())
                    ):
                        st.value += cents.value / 100
                        end = cm.end()
            return self._build(start, end, "money", code, st, one)
        if cat == "percent":
            if unit_word == "成":
                nxt = norm[end] if end < len(norm) else ""
                if nxt and nxt in NOT_CHENG:
                    return None
                if st.low is None and text == "一" and norm.startswith("不变", end):
                    return None
                tm = CHENG_TENTH_RE.match(norm, end) if st.vague is None and st.low is None else None
                if tm is not None and st.value is not None and not st.value % 1:
                    # 七成六 = 76 %, 两成半 = 25 %: the digit after 成 is the next place down.
                    d = tm.group("d")
                    digit = 5 if d == "半" else CN_DIGITS[d] if d in CN_DIGITS else int(d)
                    st.value += Decimal(digit) / 10
                    st.step = Decimal("0.1")
                    end = tm.end()
                return self._build(start, end, "percent", "%", st, Decimal(10), measure="成")
            if unit_word == "折":
                nxt = norm[end] if end < len(norm) else ""
                if (nxt and nxt in NOT_ZHE) or st.value is None or st.low is not None:
                    return None
                # 八折 = 80 %, 七五折 / 75折 = 75 %, 9.9折 = 99 %: a price factor in tenths.
                digits = re.sub(r"\s", "", text)
                if len(digits) == 2 and all(c in CN_DIGITS for c in digits):
                    st.value = Decimal(CN_DIGITS[digits[0]] * 10 + CN_DIGITS[digits[1]])
                    st.vague = None
                    st.step = one
                    return self._build(start, end, "percent", "%", st, one, measure="折")
                if st.vague is not None or (st.value >= 10 and st.value != 10 and digits not in ("十", "拾")):
                    if st.vague is not None:
                        return None
                    return self._build(start, end, "percent", "%", st, one, measure="折")
                if st.value <= 0 or st.value >= 10:
                    return None
                return self._build(start, end, "percent", "%", st, Decimal(10), measure="折")
            pct_unit, pct_factor = PERCENT_UNITS[unit_word]
            measure = None if unit_word in ("%", "个百分点", "百分点") else unit_word
            return self._build(start, end, "percent", pct_unit, st, Decimal(pct_factor), measure=measure)
        if cat == "dimension":
            unit, factor = DIMENSIONS[unit_word]
            if unit == "degree":
                tm = TEMPERATURE_PREFIX_RE.search(norm[max(0, start - 6) : start])
                if tm is not None and tm.end() == min(6, start):
                    unit = "°F" if tm.group().startswith("华") else "°C"
                    start = start - (min(6, start) - tm.start())
                elif TEMPERATURE_CONTEXT_RE.search(norm, max(0, start - 12), start):
                    unit = "°C"  # 温度是98度, 气温升高5度: degrees of a temperature (in Chinese, Celsius)
            # 一吨, 一公里 are measures (近一吨冰毒), unlike the article in 一个, 一场; but 一度 (once),
            # 一里, 一两, 一米 are as often words.
            if plain_one and self.prose and len(unit_word) == 1 and unit_word not in "吨斤亩":
                return None
            return self._build(start, end, "dimension", unit, st, Decimal(str(factor)), measure=unit_word)
        if cat == "duration":
            unit = DURATION_UNITS[unit_word]
            if unit_word in ("日",) and self.prose:
                return None
            if plain_one and self.prose and unit_word in ("年", "天", "周", "星期", "礼拜", "日"):
                return None
            # 近两年来: 近 means "recent" there, not "nearly".
            if st.qualifier == "near" and norm[start] == "近" and unit == "year":
                st.qualifier = "exact"
                start = start + 1
                while norm[start] == " ":
                    start += 1
            return self._build(start, end, "duration", unit, st, one, measure=unit_word)
        if cat == "decade":
            return None
        if cat == "multiple":
            # 翻一番 / 翻两番: only after 翻.
            lb = norm[max(0, m.start() - 3) : m.start()].rstrip(" ")
            if not lb.endswith(("翻", "翻了")):
                return None
            s2 = lb.rfind("翻")
            begin = m.start() - (len(lb) - s2) - (len(norm[max(0, m.start() - 3) : m.start()]) - len(lb))
            return self._build(begin, end, "multiple", "番", st, one)
        # count
        measure = MEASURES[unit_word]
        if (
            unit_word == "块"
            and word
            and st.value is not None
            and st.value < 1000
            and "亿" not in text
            and "万" not in text
            and self._colloquial_yuan(start, end)
        ):
            return self._build(start, end, "money", "CNY", st, one)
        if word and unit_word in WORD_NUMERAL_EXCLUDED_MEASURES and self.prose:
            return None
        if unit_word == "类" and word and st.low is None and self.prose and self._class_name(start, end):
            return None  # 二类注册证14642张, 二类占39.9%, 是三类的6.9倍: Class II, Class III — names
        if unit_word == "倍":
            return self._build(start, end, "multiple", "倍", st, one)
        if unit_word == "位" and self._bits(start, end):
            return self._build(start, end, "dimension", "bit", st, one, measure=unit_word)
        if plain_one and self.prose:
            return None  # 一个, 一场, 一次: the indefinite article, not a count
        if word and unit_word == "国" and self.prose:
            return None
        if (
            unit_word == "届"
            and not word
            and st.low is None
            and st.value is not None
            and end - start == 5
            and 1900 <= st.value <= 2100
        ):
            # 2024届毕业生: the class graduating in 2024, named by its year — a year, no count
            return _Reading(start, end, "date", iso=f"{int(st.value):04d}", value=None, unit=None)
        if unit_word == "届" and st.low is None and st.value is not None and PLENUM_RE.match(norm, end):
            # 十九届六中全会, 十三届全国人大: the 19th Central Committee, an ordinal like 第十九届.
            return _Reading(start, end, "ordinal", value=float(st.value), measure="届")
        return self._build(
            start, end, "count", "TEU" if measure == "TEU" else measure, st, one, measure=unit_word
        )

    def _class_name(self, start: int, end: int) -> bool:
        """一类/二类/三类 name a class (医疗器械 by risk, 疫苗, 地区) when what follows is that class's
        own figure (二类注册证14642张), its share or comparison (二类占, 三类的), and nothing before
        counts kinds (分为三类, 其他三类, A、B、C三类, 共三类)."""
        norm = self.norm
        if end - start != 2 or norm[start] not in "一二三四五":
            return False
        if _KINDS_COUNTED.search(norm, max(0, start - 3), start):
            return False
        return bool(_CLASS_FOLLOWS.match(norm, end))

    def _bits(self, start: int, end: int) -> bool:
        """N位 is N bits (BIT_NEXT_RE's comment): a computing word follows, or 位 ends its phrase in a
        clause about storage."""
        norm = self.norm
        if BIT_NEXT_RE.match(norm, end):
            return True
        nxt = norm[end] if end < len(norm) else ""
        if nxt and "\u4e00" <= nxt <= "\u9fff" and nxt not in BIT_PHRASE_END:
            return False  # a noun follows: 三位专家, 两位数, 一位名叫杰克的男生
        lo = max(0, start - 40)
        before = [m.end() for m in CLAUSE_END_RE.finditer(norm, lo, start)]
        after = CLAUSE_END_RE.search(norm, end, end + 40)
        clause = (before[-1] if before else lo, after.start() if after else end + 40)
        return BIT_CLAUSE_RE.search(norm, *clause) is not None

    def _colloquial_yuan(self, start: int, end: int) -> bool:
        """三块 (a numeral in words, no magnitude) is three yuan when the clause ends there — a measure word
        always precedes its noun — and the sentence talks of money (花费我三块, 售价五块)."""
        nxt = self.norm[end] if end < len(self.norm) else ""
        if nxt and nxt not in "。！？!?，,；;）)":
            return False  # a noun, or the next member of a list (1410亿块、4993亿元), follows
        i = start
        while i > 0 and self.norm[i - 1] not in "。！？!?\n" and start - i < 40:
            i -= 1
        return MONEY_CONTEXT_RE.search(self.norm, i, start) is not None

    # -- suffix qualifiers -----------------------------------------------------------------
    def _suffix(self, r: _Reading) -> _Reading:
        if r.kind in ("date", "year_range", "date_range", "ordinal"):
            return r
        if r.kind == "duration" and r.unit in AGE_TAIL_UNITS and AGE_TAIL_RE.match(self.norm, r.end):
            r.end += 1  # 90天大的小孩, 三周大了, 十个月大时: a baby's age, told as how long it has lived
            return r
        found = suffix_at(self.norm, r.end)
        if found is None:
            return r
        if r.kind == "clock_time":
            if found[1] == "approx":  # 早上 8 点 45 左右
                r.qualifier, r.end = "approx", found[3]
            return r
        _, qual, inclusive, end = found
        if r.qualifier in ("range", "more") or (r.qualifier == "approx" and r.value is None):
            if qual == "approx":
                r.end = end  # 三四十岁左右: still the same interval
            return r
        if qual == "exact":
            r.end = end  # 之多: as many as, the number itself
            return r
        if r.value is None:
            return r
        r.qualifier = qual
        r.inclusive = inclusive
        r.end = end
        return r


def scan(text: str, *, prose: bool = True) -> list[Quantity]:
    """All quantities of ``text``, left to right."""
    return Scanner(text, prose=prose).scan()


def _quarter_number(token: str) -> int:
    return {"一": 1, "二": 2, "三": 3, "四": 4}.get(token) or int(token)


# Two bounds written together are one range: 大于10小于20, 不低于6%、不高于7%, 三年以上十年以下.
BOUND_JOIN_RE = re.compile(rf"{SP}(?:的同时|并且|而且|同时|但是|但|并|且|而|[,，、；;])?{SP}")
BETWEEN_MID_RE = re.compile(rf"{SP}(?:和|与|跟|到|至|及){SP}")
BETWEEN_TAIL_RE = re.compile(rf"{SP}(?:之间|间)")
BETWEEN_HEAD = ("介于", "位于", "处于")


def _compatible(a: _Reading, b: _Reading) -> bool:
    return (a.kind, a.unit) == (b.kind, b.unit) or (a.kind == "number" and a.unit is None)


def _joined(a: _Reading, b: _Reading, norm: str) -> _Reading | None:
    """``a`` and ``b`` read as one range, or None."""
    if a.value is None or b.value is None:
        return None
    quals = {a.qualifier, b.qualifier}
    if quals == {"over", "under"}:
        jm = BOUND_JOIN_RE.fullmatch(norm, a.end, b.start)
        if jm is None or not (_compatible(a, b) or _compatible(b, a)):
            return None
        floor, ceiling = (a, b) if a.qualifier == "over" else (b, a)
        if floor.value is None or ceiling.value is None or floor.value >= ceiling.value:
            return None
        shape = b if a.kind == "number" and a.unit is None else a
        return _Reading(
            a.start,
            b.end,
            shape.kind,
            low=floor.value,
            high=ceiling.value,
            unit=shape.unit,
            qualifier="range",
            measure=shape.measure,
            decimals=max(a.decimals, b.decimals),
            low_inclusive=floor.inclusive,
            high_inclusive=ceiling.inclusive,
        )
    if quals == {"exact"} and not a.equal and not b.equal:
        # 介于3%与5%之间, 10000与20000之间, 在第十和第十五之间.
        mid = BETWEEN_MID_RE.fullmatch(norm, a.end, b.start)
        tail = BETWEEN_TAIL_RE.match(norm, b.end)
        if mid is None or tail is None or not _compatible(a, b) or a.value >= b.value:
            return None
        start = a.start
        for head in BETWEEN_HEAD:
            j = start
            while j > 0 and norm[j - 1] == " ":
                j -= 1
            if norm.startswith(head, j - len(head)) and j >= len(head):
                start = j - len(head)
        return _Reading(
            start,
            tail.end(),
            b.kind,
            low=a.value,
            high=b.value,
            unit=b.unit,
            qualifier="range",
            measure=b.measure,
            decimals=max(a.decimals, b.decimals),
        )
    return None


def merge_bounds(norm: str, out: list[_Reading]) -> list[_Reading]:
    """Join a floor and a ceiling, or the two ends of 介于A与B之间, into one range."""
    merged: list[_Reading] = []
    i = 0
    while i < len(out):
        if i + 1 < len(out) and out[i + 1].start - out[i].end <= 8:
            joined = _joined(out[i], out[i + 1], norm)
            if joined is not None:
                merged.append(joined)
                i += 2
                continue
        merged.append(out[i])
        i += 1
    return merged
