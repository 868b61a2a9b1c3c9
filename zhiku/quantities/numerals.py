"""Numerals: normalising the text and evaluating Arabic, Chinese and mixed numerals.

We evaluate numerals ourselves instead of calling ``cn2an.cn2an`` on the hot path: measured on
this machine cn2an takes about 15 µs a call (this evaluator about 5 µs; bench/quantities.py
measures both), and it rejects forms
that policy prose and the Recognizers-Text specs use — 百三, 1.76万亿, 3094 亿, 九万四 in
"strict" mode. cn2an stays in the test suite as an independent renderer (``an2cn``) for the
property tests. See docs/quantities.md.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# One-to-one character mapping, so offsets in the normalised text equal offsets in the source:
# full-width ASCII → ASCII, traditional numeral characters → simplified.
_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH["\u3000"] = " "
_FULLWIDTH["，"] = "，"  # see normalise
# Traditional characters of the numerals, units, measure words and qualifier words the reader
# knows (億 萬 個百分點 約 超過 以內 增長 …), each to its simplified form: one character to one, so
# offsets are kept (a phrase converter such as OpenCC may change lengths, and is slower).
_TRADITIONAL = dict(
    zip(
        "萬億兩點個貳參陸圓週鐘時鍾號幾於強釐噸裡負對"
        "約過內餘達與間於將長漲計億們價錢幣歐鎊韓盧馬臺輛條項屆歲層處種類頭張筆顆棟隻雙戶組國"
        "門億紀禮攝華溫區級億據額總數費滿夠單雙雙減降擴環際實現關體標準畝噸厘釐週歷屆萬億",
        "万亿两点个贰叁陆圆周钟时钟号几于强厘吨里负对"
        "约过内余达与间于将长涨计亿们价钱币欧镑韩卢马台辆条项届岁层处种类头张笔颗栋只双户组国"
        "门亿纪礼摄华温区级亿据额总数费满够单双双减降扩环际实现关体标准亩吨厘厘周历届万亿",
        strict=True,
    )
)
_EXTRA = {"倆": "两", "﹪": "%", "—": "—", "－": "-", "～": "~", "∶": ":", "〜": "~", "．": "."}
_MAPPED = {k: v for k, v in {**_FULLWIDTH, **_TRADITIONAL, **_EXTRA}.items() if k != v}
# Prose holds few of these characters (a ： or ； a paragraph), so normalise finds them with one
# pattern (C speed) and maps only those: str.translate with a dict looks up every character (≈5×
# slower on the benchmark corpus). No mapped character is itself mapped, as with one translate pass.
_MAPPED_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_MAPPED)) + "]")
if set(_MAPPED.values()) & set(_MAPPED):
    raise ImportError("a normalised character would be mapped again")


def _mapped(m: re.Match[str]) -> str:
    return _MAPPED[m.group()]


# The look-behind stands after the comma so that the search runs on the literal ， (C speed).
_FULLWIDTH_GROUPING = re.compile(r"，(?<=[０-９]，)(?=[０-９]{3}(?![０-９]))")


def normalise(text: str) -> str:
    """Map full-width and traditional characters to the forms the patterns expect, same length.

    A full-width comma stays punctuation (２０，３００ in a list of prices is two numbers), except
    between full-width digits written as a group: ４，５６５ → 4,565.
    """
    if "，" in text:
        text = _FULLWIDTH_GROUPING.sub(",", text)
    return _MAPPED_RE.sub(_mapped, text)


CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "幺": 1,
    "二": 2,
    "两": 2,
    "贰": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "亿": 10**8, "兆": 10**12}
LATIN_UNITS = {"k": 10**3, "K": 10**3, "M": 10**6, "G": 10**9, "B": 10**9, "T": 10**12}
CN_DIGIT_CHARS = "".join(CN_DIGITS)
CN_UNIT_CHARS = "".join(SMALL_UNITS) + "".join(BIG_UNITS)


class Numeral:
    """The value of a numeral and the precision it was written with."""

    __slots__ = ("decimals", "value")

    def __init__(self, value: Decimal, decimals: int) -> None:
        self.value = value
        self.decimals = decimals


def _arabic(token: str) -> tuple[Decimal, int]:
    clean = token.replace(",", "")
    decimals = len(clean) - clean.index(".") - 1 if "." in clean else 0
    return Decimal(clean), decimals


_ARABIC_ONLY = re.compile(r"[0-9.][0-9.,]*")


@lru_cache(maxsize=8192)  # a numeral is read by several readers in turn; the result is never changed
def evaluate(text: str) -> Numeral | None:
    """Evaluate a numeral such as ``715.7亿``, ``一百零一万一千``, ``九万四``, ``5亿1万4千6百``.

    Spaces inside (``3094 亿``) are ignored. Returns None when the characters do not form a
    numeral (``万``, ``十十``).
    """
    s = text.replace(" ", "").replace("\t", "").replace("\u00a0", "")
    if not s:
        return None
    # Chinese digits read one by one: 二零二一 → 2021 (years, codes). Only digits, no units.
    if len(s) > 1 and all(c in CN_DIGITS for c in s):
        if any(c == "两" for c in s):
            return None
        return Numeral(Decimal("".join(str(CN_DIGITS[c]) for c in s)), 0)
    decimals = 0
    # A Chinese decimal part: 十二点五 → 12.5, digits read one by one.
    if "点" in s:
        head, _, tail = s.partition("点")
        if not tail or not all(c in CN_DIGITS or c.isdigit() for c in tail) or not head:
            return None
        frac_digits = "".join(str(CN_DIGITS[c]) if c in CN_DIGITS else c for c in tail)
        whole = evaluate(head)
        if whole is None or whole.decimals:
            return None
        decimals = len(frac_digits)
        return Numeral(whole.value + Decimal("0." + frac_digits), decimals)
    if s.isascii() and _ARABIC_ONLY.fullmatch(s):
        # Digits only (2021, 3.5, 1,234): what the loop below does with them, without the loop.
        try:
            digits, places = _arabic(s)
        except (InvalidOperation, ValueError):
            return None
        return Numeral(Decimal(0) + (Decimal(0) + digits), places)  # total + (section + number)
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    last_unit = 0  # the last unit seen, for the colloquial 九万四 / 百三
    biggest = 0
    after_zero = False
    prev_big = False  # the previous character was a big unit (万万, 万亿)
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c not in BIG_UNITS and c not in LATIN_UNITS:
            prev_big = False
        if c.isdigit() or c == ".":
            j = i
            while j < n and (s[j].isdigit() or s[j] in ".,"):
                j += 1
            if number is not None:
                return None
            try:
                number, dec = _arabic(s[i:j])
            except (InvalidOperation, ValueError):
                return None
            decimals = max(decimals, dec)
            i = j
            continue
        if c in CN_DIGITS:
            d = CN_DIGITS[c]
            if number is not None:
                return None
            if d == 0:
                after_zero = True
                number = None
                i += 1
                continue
            number = Decimal(d)
            i += 1
            continue
        if c in SMALL_UNITS:
            u = SMALL_UNITS[c]
            if last_unit and u >= last_unit and last_unit < 10**4 and number is None:
                return None  # 十十, 百千
            section += (number if number is not None else Decimal(1)) * u
            number = None
            last_unit = u
            after_zero = False
            i += 1
            continue
        if c in BIG_UNITS or c in LATIN_UNITS:
            u = BIG_UNITS.get(c) or LATIN_UNITS[c]
            value = section + (number if number is not None else Decimal(0))
            if value == 0 and total == 0 and number is None and section == 0:
                return None  # a magnitude with nothing before it: 万
            if prev_big and value == 0:
                total *= u  # 万万 = 10⁸, 10万万 = 10⁹
                biggest = max(biggest, u)
            elif u > biggest:
                total = (total + value) * u
                biggest = u
            else:
                total += value * u
            section = Decimal(0)
            number = None
            last_unit = u
            after_zero = False
            prev_big = True
            i += 1
            continue
        return None
    if number is not None:
        if last_unit >= 10 and not after_zero and number < 10 and number == number.to_integral_value():
            # 九万四 = 94000, 百三 = 130, 两千三百五 = 2350: a bare digit after a unit is the next place down.
            number *= Decimal(last_unit) / 10
        section += number
    return Numeral(total + section, decimals)


class Vague:
    """An approximate numeral: the interval its words allow.

    ``stated`` is the number written before 多/余 (500多亿 → 500亿), None when no single number is
    stated (十几, 三四十)."""

    __slots__ = ("high", "high_inclusive", "low", "low_inclusive", "stated")

    def __init__(
        self, low: Decimal, high: Decimal, low_inclusive: bool, high_inclusive: bool, stated: Decimal | None
    ) -> None:
        self.low = low
        self.high = high
        self.low_inclusive = low_inclusive
        self.high_inclusive = high_inclusive
        self.stated = stated

    def scaled(self, factor: Decimal) -> Vague:
        stated = None if self.stated is None else self.stated * factor
        return Vague(self.low * factor, self.high * factor, self.low_inclusive, self.high_inclusive, stated)


def last_digit_unit(value: Decimal, decimals: int = 0) -> Decimal:
    """The place of the last non-zero digit as written: 500 → 100, 230 → 10, 1.5 → 0.1, 1.50 → 0.01."""
    if decimals:
        return Decimal(1).scaleb(-decimals)
    if value == 0:
        return Decimal(1)
    exponent = value.normalize().as_tuple().exponent
    return Decimal(1).scaleb(int(exponent))


# Neighbouring digits read as "this or that": 三四十 (30–40), 一两个, 两三千, 十一二, and 三五年.
_DIGIT_CHAR = "零一二三四五六七八九"
PAIRS = {(a, b) for a in range(1, 9) for b in (a + 1,)} | {(3, 5)}
_MORE_RE = re.compile(r"(?P<head>.+?)[多余](?P<mag>[万亿]+)")
_JI_RE = re.compile(r"(?P<head>.*[十百千万亿拾佰仟])几(?P<mag>[万亿]*)")


@lru_cache(maxsize=4096)
def evaluate_vague(text: str) -> Vague | None:
    """An approximate numeral: 十几 → (10, 20); 三千四百五十几万 → (3450万, 3460万); 500多亿 →
    (500亿, 600亿) stated 500亿; 三四十 → [30, 50); 七八千 → [7000, 9000). None for an exact numeral."""
    s = text.replace(" ", "").replace("\t", "").replace("\u00a0", "")
    m = _MORE_RE.fullmatch(s)
    if m is not None:
        mag = evaluate("1" + m.group("mag"))
        if mag is None:
            return None
        vague_head = evaluate_vague(m.group("head"))
        if vague_head is not None:
            return vague_head.scaled(mag.value)
        x = evaluate(m.group("head"))
        if x is None:
            return None
        unit = last_digit_unit(x.value, x.decimals)
        return Vague(x.value, x.value + unit, False, False, x.value).scaled(mag.value)
    m = _JI_RE.fullmatch(s)
    if m is not None:
        head = evaluate(m.group("head"))
        last = m.group("head")[-1]
        place = SMALL_UNITS.get(last) or BIG_UNITS.get(last)
        ji_mag = evaluate("1" + m.group("mag")) if m.group("mag") else Numeral(Decimal(1), 0)
        if head is None or place is None or ji_mag is None:
            return None
        return Vague(head.value, head.value + place, False, False, None).scaled(ji_mag.value)
    # Two neighbouring digits: read the numeral once with each (decimal digits are read one by one).
    for i in range(len(s) - 1 if "点" not in s else 0):
        a, b = CN_DIGITS.get(s[i]), CN_DIGITS.get(s[i + 1])
        if a is None or b is None:
            continue
        if (
            (a, b) not in PAIRS
            or (i + 2 < len(s) and s[i + 2] in CN_DIGITS)
            or (i > 0 and s[i - 1] in CN_DIGITS)
        ):
            return None
        low = evaluate(s[: i + 1] + s[i + 2 :])
        high = evaluate(s[:i] + s[i + 1 :])
        if low is None or high is None or low.value >= high.value:
            return None
        # "Thirty or forty": from the one to the other, both included (三四十 → 30–40, 二三成 →
        # 20%–30%). That both are round figures is the claim checker's tolerance, not the reading.
        return Vague(low.value, high.value, True, True, None)
    return None
