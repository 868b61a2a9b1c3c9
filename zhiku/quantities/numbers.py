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
