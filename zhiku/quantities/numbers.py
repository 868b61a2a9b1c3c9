"""The numeral layer: every number written in a text, whatever follows it.

``parse_quantities`` reads quantities (a number with its unit, qualifier and meaning) and is
strict about numerals in words. This layer answers a narrower question — where are the
numbers and what are they worth — the question the Recognizers-Text NumberModel asks:
``199个`` holds the number 199, ``1991年1月16日`` holds 1991, 1 and 16, ``三分之一`` is 1/3,
``2^5`` is 32, ``一千多万`` is 10,000,000. Numeral characters inside ordinary words (一切,
四川, 陆地, 队伍, 收拾, 放肆) are not numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from zhiku.quantities.model import Quantity
from zhiku.quantities.numerals import BIG_UNITS, CN_DIGITS, SMALL_UNITS, evaluate, normalise

CN_CHARS = set(CN_DIGITS) | set(SMALL_UNITS) | set(BIG_UNITS) | {"倆"}
CAPITALS = set("肆伍陆拾")  # alone, these are words: 放肆, 队伍, 陆地, 收拾
SPACE = " \t\u00a0"
# Web addresses and e-mail addresses: their digits are not numbers.
_URL = r"https?://[^\s，。；]+|www\.[^\s，。；]+|[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
# Words that contain a numeral character but are not numbers.
WORDS = re.compile(
    r"一切|壹切|一看|一样|一起|一直|一些|一定|一般|一旦|一致|一再|一向|一同|一律|一味|一经|一贯|一度|一齐|一阵|"
    r"统一|唯一|万一|之一|一带一路|一方面|"
    r"百分之|百分点|千分之|四川|陆地|大陆|海陆|登陆|着陆|陆续|陆军|队伍|入伍|退伍|伍仁|落伍|收拾|拾取|拾起|拾到|夕拾|拾遗|"
    r"放肆|肆意|肆无忌惮|肆虐|十足|十分|两两|九九|一折|千万别|万万不|三心二意|一心一意|乱七八糟|" + _URL
)
URLS = re.compile(_URL)
ARABIC_RE = re.compile(
    r"(?:[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+)"
    r"(?:[eE][-+]?[0-9]+|\^[-+]*[0-9]+(?:\.[0-9]+)?)?"
)
CURRENCY_AFTER = re.compile(r"美元|美刀|美金|元")


def _isd(c: str) -> bool:
    """An ASCII digit (str.isdigit also accepts ², ٣ …, which Decimal and our patterns do not read)."""
    return len(c) == 1 and "0" <= c <= "9"


def _skip_spaces(s: str, i: int, limit: int = 3) -> int:
    j = i
    while j < len(s) and s[j] in SPACE and j - i < limit:
        j += 1
    return j


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.s = normalise(source).replace("倆", "两")
        self.words = [m.span() for m in WORDS.finditer(self.s)]
        self.skip_to = 0
        self.allow_prefix = True  # read 五十 out of 五十千 (NumberModel); percentages want all or nothing

    # -- Arabic ----------------------------------------------------------------------------
    def arabic(self, i: int) -> tuple[int, Decimal] | None:
        s = self.s
        m = ARABIC_RE.match(s, i)
        if not m:
            return None
        text = m.group()
        end = m.end()
        # 2222.2222.22222: dots that separate, not a decimal point.
        if "." in text and end < len(s) - 1 and s[end] == "." and _isd(s[end + 1]):
            first = re.match(r"[0-9]+", s[i:])
            if not first:
                return None
            return i + first.end(), Decimal(first.group())
        try:
            if "^" in text:
                base, _, exp = text.partition("^")
                sign = -1 if exp.count("-") % 2 else 1
                if len(exp.lstrip("+-")) > 3 or len(base) > 20:
                    return None  # 9^99999 is not prose; refuse rather than compute a giant power
                value = Decimal(base.replace(",", "")) ** (sign * Decimal(exp.lstrip("+-")))
            else:
                value = Decimal(text.replace(",", ""))
        except (InvalidOperation, ValueError, OverflowError, ArithmeticError):
            return None
        # 40k, -2.5 M
        j = _skip_spaces(s, end, 1)
        if (
            j < len(s)
            and s[j] in "kKM"
            and (j + 1 >= len(s) or not (s[j + 1].isascii() and s[j + 1].isalpha()))
        ):
            value *= 1000 if s[j] in "kK" else 1_000_000
            end = j + 1
        # Magnitudes in Chinese after Arabic digits: 25万6千, 7 万5 千4 百, 500余万.
        k = end
        chinese_tail = False
        while True:
            j = _skip_spaces(s, k)
            if (
                j < len(s)
                and s[j] in "多余几"
                and _skip_spaces(s, j + 1) < len(s)
                and s[_skip_spaces(s, j + 1)] in BIG_UNITS
            ):
                j = _skip_spaces(s, j + 1)
            if j < len(s) and (s[j] in SMALL_UNITS or s[j] in BIG_UNITS):
                k = j + 1
                chinese_tail = True
                if k < len(s) - 1 and s[k] in "零〇" and _isd(s[k + 1]):
                    k += 1  # 1千零20
                d = re.match(r"[0-9]+(?:\.[0-9]+)?", s[k:])
                j2 = _skip_spaces(s, k)
                if d and j2 == k:
                    k += d.end()
                elif j2 < len(s) and _isd(s[j2]) and re.match(r"[0-9]+ ?[万亿千百十]", s[j2:]):
                    k = j2 + len(re.match(r"[0-9]+", s[j2:]).group())  # type: ignore[union-attr]
                continue
            break
        if chinese_tail:
            piece = re.sub(r"[\s多余几]", "", s[i:k])
            num = evaluate(piece)
            if num is not None:
                return k, num.value
        return end, value

    # -- Chinese ---------------------------------------------------------------------------
    def chinese(self, i: int) -> tuple[int, Decimal] | None:
        s = self.s
        if s.startswith("半百", i):
            return i + 2, Decimal(50)
        j = i
        last = i
        kept: list[str] = []
        while j < len(s):
            c = s[j]
            if c in CN_CHARS or (_isd(c) and kept and kept[-1] in CN_CHARS):
                if _isd(c):
                    m = re.match(r"[0-9]+(?:\.[0-9]+)?", s[j:])
                    assert m is not None
                    kept.append(m.group())
                    j += m.end()
                else:
                    kept.append(c)
                    j += 1
                last = j
                continue
            if c in "多余几" and kept:
                k = _skip_spaces(s, j + 1)
                if k < len(s) and s[k] in BIG_UNITS:
                    j = k
                    continue
                break
            if c == "点" and kept:
                k = _skip_spaces(s, j + 1)
                m = re.match(r"[零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖]+", s[k:])
                if m:
                    kept.append("点" + m.group())
                    j = k + m.end()
                    last = j
                    continue
                break
            if c in SPACE:
                k = _skip_spaces(s, j)
                if k < len(s) and (s[k] in CN_CHARS or s[k] in "多余几" or (s[k] == "点" and kept)):
                    j = k
                    continue
                break
            break
        if not kept:
            return None
        text = "".join(kept)
        num = evaluate(text)
        end = last
        if num is None and not self.allow_prefix:
            # Only 百分之七十百分位: the next 百 starts a word of its own.
            cut = text.rfind("百")
            if cut <= 0 or not s.startswith("百分", i + cut) or s[i : i + cut] != text[:cut]:
                return None
            num = evaluate(text[:cut])
            if num is None:
                return None
            return i + cut, num.value
        if num is None:
            # 五十千: read the longest prefix that is a numeral.
            for cut in range(len(kept) - 1, 0, -1):
                num = evaluate("".join(kept[:cut]))
                if num is not None:
                    end = i + len("".join(kept[:cut]))  # only exact when no spaces were skipped
                    if self.s[i:end].replace(" ", "") != "".join(kept[:cut]):
                        return None
                    break
            if num is None:
                return None
        value = num.value
        self.skip_to = last
        if end < len(s) and s[end] == "打":
            value *= 12
            end += 1
        return end, value

    def simple(self, i: int) -> tuple[int, Decimal] | None:
        c = self.s[i]
        prev = self.s[i - 1] if i > 0 else ""
        if c == "." and (prev == "." or _isd(prev)):
            return None  # ...9: an ellipsis, not a decimal point
        if _isd(c) and prev == "." and i > 1 and _isd(self.s[i - 2]):
            m = re.match(r"[0-9]+", self.s[i:])
            assert m is not None
            return i + m.end(), Decimal(m.group())  # the tail of 2222.2222.22222.222
        if _isd(c) or (c == "." and i + 1 < len(self.s) and _isd(self.s[i + 1])):
            return self.arabic(i)
        if c in CN_CHARS or self.s.startswith("半百", i):
            return self.chinese(i)
        return None

    def signed(self, i: int) -> tuple[int, Decimal] | None:
        s = self.s
        neg = False
        j = i
        if s[i] in "负-":
            prev = s[i - 1] if i > 0 else ""
            if (prev and prev in "-负") or (prev.isascii() and prev.isalnum()):
                return None
            neg = True
            j = i + 1
            if j >= len(s):
                return None
        got = self.simple(j)
        if got is None:
            return None
        end, value = got
        return end, -value if neg else value

    # -- expressions -----------------------------------------------------------------------
    def expression(self, i: int) -> tuple[int, Decimal] | None:
        s = self.s
        first = self.signed(i)
        if first is None:
            return None
        end, value = first
        # X 分之 Y: Y / X.
        frac = re.compile(r"[ \t]{0,3}分[ \t]{0,3}之[ \t]{0,3}").match(s, end)
        if frac and frac.end() < len(s):
            second = self.signed(frac.end())
            if second is not None and value != 0:
                return second[0], second[1] / value
        # X 又 Y 分之 Z: X + Z / Y.
        mixed = re.compile(r"[ \t]{0,3}又[ \t]{0,3}").match(s, end)
        if mixed and mixed.end() < len(s):
            den = self.signed(mixed.end())
            if den is not None:
                f2 = re.compile(r"[ \t]{0,3}分[ \t]{0,3}之[ \t]{0,3}").match(s, den[0])
                if f2 and f2.end() < len(s):
                    num = self.signed(f2.end())
                    if num is not None and den[1] != 0:
                        sign = -1 if value < 0 else 1
                        return num[0], value + sign * num[1] / den[1]
        # Arabic fractions: 3/5, 1 3/5, -3/2.
        if _isd(s[i]) or s[i] == "-":
            sl = re.compile(r" ?/ ?([0-9]+)(?![0-9/])").match(s, end)
            if sl and int(sl.group(1)) != 0 and value == value.to_integral_value():
                return sl.end(), value / Decimal(sl.group(1))
            mx = re.compile(r" ([0-9]+) ?/ ?([0-9]+)(?![0-9/])").match(s, end)
            if mx and int(mx.group(2)) != 0:
                return mx.end(), value + Decimal(mx.group(1)) / Decimal(mx.group(2))
        return end, value

    def read(self) -> list[Quantity]:
        s = self.s
        out: list[Quantity] = []
        i = 0
        n = len(s)
        wi = 0
        while i < n:
            c = s[i]
            if not (_isd(c) or c in CN_CHARS or c in "负-." or s.startswith("半百", i)):
                i += 1
                continue
            while wi < len(self.words) and self.words[wi][1] <= i:
                wi += 1
            if wi < len(self.words) and self.words[wi][0] <= i:
                i = self.words[wi][1]
                continue
            prev = s[i - 1] if i > 0 else ""
            if _isd(c) and prev.isascii() and (prev.isalpha() or prev == "_"):
                i += 1
                while i < n and s[i].isalnum() and s[i].isascii():
                    i += 1
                continue
            got = self.expression(i)
            if got is None or got[0] <= i:
                i += 1
                continue
            end, value = got
            skip_to = max(end, self.skip_to)
            self.skip_to = 0
            if _skip_spaces(s, end) < n and s[_skip_spaces(s, end)] == "%":
                i = skip_to  # 二％ is a percentage, not a number
                continue
            text = self.source[i:end].rstrip(SPACE)
            end = i + len(text)
            single = len(text) == 1
            if single and text in CAPITALS:
                i = end  # 伍, 陆, 拾 alone are words (队伍, 陆地, 收拾), not numbers
                continue
            if single and c in "一两" and CURRENCY_AFTER.match(s, end):
                i = end
                continue
            if c in "-负" and len(text) == 1:
                i += 1
                continue
            out.append(
                Quantity(
                    start=i, end=end, text=text, kind="number", value=float(value), decimals=_decimals(text)
                )
            )
            i = max(end, skip_to)
        return out


def _decimals(text: str) -> int:
    m = re.search(r"[.．点點](\S+)$", text)
    return len(m.group(1)) if m else 0


def read_numbers(text: str) -> list[Quantity]:
    """Every number in ``text`` as a ``number`` Quantity (kind number, value, span)."""
    return _Reader(text).read()


_PERCENT_PREFIX = re.compile(r"(百万万|百万|千万|万万|百|佰|千|仟|万)[ \t]{0,3}分[ \t]{0,3}之[ \t]{0,3}")
_DENOMINATORS = {
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
    "万": 10**4,
    "百万": 10**6,
    "千万": 10**7,
    "万万": 10**8,
    "百万万": 10**10,
}
_PERCENT_AFTER = re.compile(
    r"[ \t]{0,5}(?:(?P<pct>%)|(?P<pp>个?[ \t]{0,3}百[ \t]{0,3}分[ \t]{0,3}点)|"
    r"(?P<cheng>成)(?:(?P<half>半)|"
    r"[ \t]{0,3}(?P<tenth>[一二三四五六七八九1-9])(?![0-9一二三四五六七八九十百千万]))?|"
    r"(?P<zhe>折))"
)
_SPACED_DIGITS_ZHE = re.compile(r"([0-9])[ \t]{1,3}([0-9])[ \t]{0,3}折")


def read_percentages(text: str) -> list[Quantity]:
    """Percentages as the Recognizers-Text PercentModel reads them: 百分之2.4, 5%, 75.2个百分点,
    千分之一 (0.1%), 七成六 (76%), and discounts 九折 (90%), 75折 (75%), 对折 (50%). Values in percent."""
    reader = _Reader(text)
    reader.allow_prefix = False
    s = reader.s
    n = len(s)
    urls = [m.span() for m in URLS.finditer(s)]
    wi = 0
    out: list[Quantity] = []
    i = 0
    while i < n:
        c = s[i]
        got: tuple[int, Decimal] | None = None
        prev = s[i - 1] if i > 0 else ""
        if (prev and prev in CN_CHARS) or (prev and _isd(prev)):
            i += 1
            continue  # inside a numeral (五百分之, 二三十): not the start of a percentage
        while wi < len(urls) and urls[wi][1] <= i:
            wi += 1
        if wi < len(urls) and urls[wi][0] <= i:
            i = urls[wi][1]
            continue
        if (s.startswith("对折", i) and prev == "打") or s.startswith("半折", i):
            got = (i + 2, Decimal(50))
        elif s.startswith("半成", i):
            got = (i + 2, Decimal(5))
        elif (pm := _PERCENT_PREFIX.match(s, i)) is not None:
            if (
                s.startswith("百", pm.end())
                and not s.startswith(("百分", "百万"), pm.end())
                and pm.group(1) in ("百", "佰")
            ):
                got = (pm.end() + 1, Decimal(100))  # 百分之百
            else:
                numerator = reader.signed(pm.end()) if pm.end() < n else None
                if numerator is not None:
                    got = (numerator[0], numerator[1] * 100 / _DENOMINATORS[pm.group(1)])
        elif (sd := _SPACED_DIGITS_ZHE.match(s, i)) is not None:
            got = (sd.end(), Decimal(sd.group(1) + sd.group(2)))
        elif _isd(c) or c in CN_CHARS or c in "负-":
            num = reader.signed(i)
            if num is not None:
                after = _PERCENT_AFTER.match(s, num[0])
                if after is not None:
                    value = num[1]
                    if after.group("cheng"):
                        tenth = after.group("tenth")
                        if tenth:
                            value += Decimal(CN_DIGITS.get(tenth, 0) or int(tenth)) / 10
                        if after.group("half"):
                            value += Decimal("0.5")
                        value *= 10
                    elif after.group("zhe"):
                        raw = re.sub(r"\s", "", s[i : num[0]])
                        if raw in ("十", "拾"):
                            i = after.end()
                            continue  # 十折 is no discount
                        if len(raw) == 2 and all(ch in CN_DIGITS for ch in raw):
                            value = Decimal(int("".join(str(CN_DIGITS[ch]) for ch in raw)))
                        elif value < 10:
                            value *= 10
                    got = (after.end(), value)
        if got is None or got[0] <= i:
            i += 1
            continue
        end, value = got
        piece = reader.source[i:end].rstrip(SPACE)
        out.append(
            Quantity(start=i, end=i + len(piece), text=piece, kind="percent", value=float(value), unit="%")
        )
        i = end
    return out


@dataclass(frozen=True)
class NumberRange:
    """An interval written in words: 大于二十的同时小于等于三十五 → (20, 35]."""

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    low_closed: bool
    high_closed: bool
    form: str  # "between" (20到100, 位于20和30之间) or "comparison" (大于10, 五百多)


_S = r"[ \t]{0,3}"


def _spaced(word: str) -> str:
    return _S.join(re.escape(ch) for ch in word)


def _alts(words: list[str]) -> str:
    return "|".join(_spaced(w) for w in sorted(words, key=len, reverse=True))


_GE = [
    "大于等于",
    "大于或者等于",
    "大于或等于",
    "不小于",
    "不少于",
    "不低于",
    "至少是",
    "至少有",
    "至少为",
    "至少",
    "最少是",
    "最少有",
    "最少为",
    "最少",
    ">=",
    "≥",
]
_LE = [
    "小于等于",
    "小于或者等于",
    "小于或等于",
    "不大于",
    "不多于",
    "不超过",
    "不高于",
    "最多是",
    "最多有",
    "最多为",
    "最多",
    "<=",
    "≤",
]
_GT = ["大于", "多于", "高于", "超过了", "超过", "超出", "过", ">"]
_LT = ["小于", "少于", "低于", "不足", "不到", "<"]
_EQ = ["等于", "="]
_PREFIX_RE = re.compile(
    rf"(?P<ge>{_alts(_GE)})|(?P<le>{_alts(_LE)})|(?P<eq>{_alts(_EQ)})|(?P<gt>{_alts(_GT)})|(?P<lt>{_alts(_LT)})"
)
_SUFFIX_RE = re.compile(
    rf"{_S}(?:(?P<ge>或者以上|或以上|或者更多|或更多)|(?P<le>或者以下|或以下|或者更少|或更少)|"
    rf"(?P<gt>以上|之上|多(?![0-9一二三四五六七八九十百千万亿]))|(?P<lt>以下|之下))"
)
_BI_RE = re.compile(rf"比{_S}")
_BI_AFTER_RE = re.compile(rf"{_S}(?:(?P<gt>大|多|高)|(?P<lt>小|少|低))")
_BETWEEN_HEAD = re.compile(rf"(?:位于|介于|在){_S}")
_BETWEEN_MID = re.compile(rf"{_S}(?:和|与|跟|到|至){_S}(?:第{_S})?")
_BETWEEN_TAIL = re.compile(rf"{_S}(?:之间|间)")
_TO_MID = re.compile(rf"{_S}(?:到|至|~|-|–|—|－){_S}")
_JOIN_RE = re.compile(rf"{_S}(?:的同时|并且|而且|同时|并|且|[,，]{_S})?{_S}")


class _RangeReader:
    def __init__(self, text: str) -> None:
        self.reader = _Reader(text)
        self.reader.allow_prefix = False
        self.s = self.reader.s

    def number(self, i: int) -> tuple[int, Decimal, bool] | None:
        """A number at i (第 allowed before it), and whether it carried 多/余/几 (十几万: more than)."""
        s = self.s
        j = i
        if s.startswith("第", j):
            j += 1
        elif s.startswith("百分之", j):
            j += 3  # 超过了百分之零点九: the bound is the percentage's number, 0.9
        if j >= len(s) or not (_isd(s[j]) or s[j] in CN_CHARS or s[j] in "-负."):
            return None
        got = self.reader.expression(j)
        if got is None or got[0] <= j:
            return None
        end = got[0]
        while end > j and s[end - 1] in SPACE:
            end -= 1
        vague = any(ch in "多余几" for ch in s[j:end])
        return end, got[1], vague

    def bound(self, i: int) -> tuple[int, str, Decimal] | None:
        """One comparison at i: (end, op, value) with op in ge, le, gt, lt, eq."""
        s = self.s
        m = _PREFIX_RE.match(s, i)
        if m:
            j = _skip_spaces(s, m.end())
            num = self.number(j)
            if num is not None:
                op = next(k for k, v in m.groupdict().items() if v)
                return num[0], op, num[1]
        b = _BI_RE.match(s, i)
        if b:
            num = self.number(b.end())
            if num is not None:
                after = _BI_AFTER_RE.match(s, num[0])
                if after:
                    return after.end(), "gt" if after.group("gt") else "lt", num[1]
        num = self.number(i)
        if num is not None:
            suf = _SUFFIX_RE.match(s, num[0])
            if suf:
                op = next(k for k, v in suf.groupdict().items() if v)
                return suf.end(), op, num[1]
            if num[2]:
                return num[0], "gt", num[1]
        return None

    def read(self) -> list[NumberRange]:
        s = self.s
        out: list[NumberRange] = []
        i = 0
        n = len(s)
        while i < n:
            got = self._at(i)
            if got is None:
                i += 1
                continue
            out.append(got)
            i = got.end
        return out

    def _make(
        self, start: int, end: int, low: Decimal | None, high: Decimal | None, lc: bool, hc: bool, form: str
    ) -> NumberRange:
        text = self.reader.source[start:end].rstrip(SPACE)
        return NumberRange(
            start,
            start + len(text),
            text,
            None if low is None else float(low),
            None if high is None else float(high),
            lc,
            hc,
            form,
        )

    def _at(self, i: int) -> NumberRange | None:
        s = self.s
        # Between: 位于20和30之间, 10000与20000间, 在第十和第十五之间.
        head = _BETWEEN_HEAD.match(s, i)
        j = head.end() if head else i
        first = self.number(j)
        if first is not None:
            mid = _BETWEEN_MID.match(s, first[0])
            if mid:
                second = self.number(mid.end())
                if second is not None:
                    tail = _BETWEEN_TAIL.match(s, second[0])
                    if tail:
                        return self._make(i, tail.end(), first[1], second[1], True, True, "between")
            to = _TO_MID.match(s, first[0])
            if to and not head:
                second = self.number(to.end())
                if second is not None and second[1] > first[1]:
                    return self._make(i, second[0], first[1], second[1], True, True, "between")
        if head and first is None:
            return None
        one = self.bound(i)
        if one is None:
            return None
        end, op, value = one
        low: Decimal | None = None
        high: Decimal | None = None
        lc = hc = False
        if op == "eq":
            return self._make(i, end, value, value, True, True, "comparison")
        if op in ("gt", "ge"):
            low, lc = value, op == "ge"
        else:
            high, hc = value, op == "le"
        join = _JOIN_RE.match(s, end)
        if join:
            two = self.bound(join.end())
            if two is not None:
                end2, op2, value2 = two
                if low is not None and op2 in ("lt", "le") and value2 > low:
                    return self._make(i, end2, low, value2, lc, op2 == "le", "comparison")
                if high is not None and op2 in ("gt", "ge") and value2 < high:
                    return self._make(i, end2, value2, high, op2 == "ge", hc, "comparison")
        return self._make(i, end, low, high, lc, hc, "comparison")


def read_ranges(text: str) -> list[NumberRange]:
    """Intervals written as comparisons or spans: 大于10小于20 → (10, 20), 20-100 → [20, 100],
    五百多 → (500, ∞), 位于20和30之间 → [20, 30]."""
    return _RangeReader(text).read()
