"""Property tests: any number written any supported way reads back; no input raises; time is linear."""

from __future__ import annotations

import datetime
import time
from decimal import Decimal

import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st

from zhiku.quantities import parse_numbers, parse_quantities
from zhiku.quantities.calendar import read_calendar

REFERENCE = datetime.date(2021, 11, 22)

FULLWIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


def _arabic(n: Decimal) -> str:
    return format(n, "f")


def _grouped(n: Decimal) -> str:
    whole, _, frac = format(n, "f").partition(".")
    return f"{int(whole):,}" + (f".{frac}" if frac else "")


def _magnitude(n: Decimal) -> tuple[str, Decimal]:
    # 123456789 → 1.23456789亿 style: the value is rendered with a 万/亿/万亿 magnitude.
    for word, size in (("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4)):
        if n >= size:
            return format((n / size).normalize(), "f") + word, n
    return _arabic(n), n


integers = st.integers(min_value=0, max_value=10**15)
decimals = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(
    integers,
    st.sampled_from(["arabic", "grouped", "fullwidth", "low", "up", "magnitude", "spaced", "traditional"]),
)
def test_integers_read_back_in_every_writing(n: int, style: str) -> None:
    d = Decimal(n)
    if style == "arabic":
        text = _arabic(d)
    elif style == "grouped":
        text = _grouped(d)
    elif style == "fullwidth":
        text = _grouped(d).translate(FULLWIDTH)
    elif style == "magnitude":
        text = _magnitude(d)[0]
    elif style == "spaced":
        text = _magnitude(d)[0].replace("万", " 万").replace("亿", " 亿").replace("  ", " ")  # 3094 亿
    elif style == "traditional":
        text = cn2an.an2cn(n, "low").replace("万", "萬").replace("亿", "億")
    else:
        text = cn2an.an2cn(n, style)
    sentence = f"合同额为{text}美元。"
    found = parse_quantities(sentence)
    assert len(found) == 1, (sentence, found)
    q = found[0]
    assert q.kind == "money" and q.unit == "USD"
    assert q.value == float(d), (sentence, q)
    assert sentence[q.start : q.end] == q.text


@settings(max_examples=200, deadline=None)
@given(decimals, st.sampled_from(["arabic", "fullwidth", "low", "percent", "cn_percent"]))
def test_decimals_read_back(d: Decimal, style: str) -> None:
    d = d.quantize(Decimal("0.01"))
    plain = format(d, "f")
    if style == "arabic":
        text, kind = plain + "吨", "dimension"
    elif style == "fullwidth":
        text, kind = plain.translate(FULLWIDTH) + "吨", "dimension"
    elif style == "low":
        text, kind = cn2an.an2cn(plain, "low") + "吨", "dimension"
    elif style == "percent":
        text, kind = plain + "%", "percent"
    else:
        text, kind = "百分之" + cn2an.an2cn(plain, "low"), "percent"
    sentence = f"去年约为{text}，"
    found = parse_quantities(sentence)
    assert len(found) == 1, (sentence, found)
    assert found[0].kind == kind
    assert abs(found[0].value - float(d)) < 1e-9, (sentence, found[0])  # type: ignore[operator]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_no_input_raises(text: str) -> None:
    for q in parse_quantities(text) + parse_numbers(text):
        assert text[q.start : q.end] == q.text
        assert 0 <= q.start < q.end <= len(text)
    for m in read_calendar(text, REFERENCE):
        assert text[m.start : m.end] == m.text


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("0123456789一二三四五六七八九十百千万亿零两点年月日号个%-—至、约超过第 .,\n\t\x00\x07\u3000")
        ),
        max_size=200,
    )
)
def test_numeral_soup_never_raises(text: str) -> None:
    for q in parse_quantities(text) + parse_numbers(text):
        assert text[q.start : q.end] == q.text
    for m in read_calendar(text, REFERENCE):
        assert text[m.start : m.end] == m.text


def test_megabyte_lines_without_spaces() -> None:
    for unit in ("7", "一", "7.", "%", "年", "\x00", "二零"):
        line = unit * (1_000_000 // len(unit))
        parse_quantities(line)
    parse_quantities("".join(chr(c) for c in range(0, 0x3000)) * 20)


def _cost(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        parse_quantities(text)
        best = min(best, time.perf_counter() - t0)
    return best


def test_time_grows_linearly() -> None:
    unit = "2019年中欧班列开行8225列，同比增长29%，发运72.5万标箱，近 3 个半小时，七、八万亿，一带一路。"
    dense = "1" * 40 + "万" * 3 + "一二三" * 10
    for block in (unit, dense):
        small = block * (20_000 // len(block))
        large = small * 8
        per_char_small = _cost(small) / len(small)
        per_char_large = _cost(large) / len(large)
        # Linear time: the cost per character does not grow with the size (quadratic would be ×8).
        assert per_char_large < per_char_small * 2.5, (per_char_small, per_char_large)


# The words of bounds, approximations and ranges (issue 19), mixed with digits and numerals.
_BOUND_WORDS = (
    "不低于 不少于 不小于 至少 最少 起码 最多 至多 顶多 以内 不到 不足 及以上 或以上",
    "≥ ≤ >= <= 大于等于 小于或等于 不超过 不高于 不多于 超过 超过了 逾 过 破 突破 以上 以下",
    "之间 介于 在 与 和 到 至 - — ~ 、 ， 。 近 将近 接近 约 大约 左右 上下 多 余 有余 几 数",
    "上百 上千 成百上千 成千上万 十几 二十几 几十 数十 几百 三四十 七八千 一二百 百余 千余",
    "成 折 七成 二三成 九成以上 八折 七五折 半成 打对折 比 大 小 高 低",
    "个 家 人 元 亿元 万 亿 万亿 美元 % ‰ 个百分点 年 月 日 季度 第 次 等于 =",
    "0 1 2 3 5 7 9 12 2.5 0.9 1,234 3/4 一 二 两 三 四 五 六 七 八 九 十 百 千 零 点",
)
BOUND_TOKENS = [w for line in _BOUND_WORDS for w in line.split(" ")]
bound_soup = st.lists(st.sampled_from([*BOUND_TOKENS, " ", "\n"]), max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(bound_soup)
def test_bound_words_and_numerals_never_raise_and_bounds_are_sound(text: str) -> None:
    for q in parse_quantities(text):
        assert text[q.start : q.end] == q.text
        if q.low is not None and q.high is not None:
            assert q.low <= q.high, q
        assert q.low_inclusive <= (q.low is not None) and q.high_inclusive <= (q.high is not None), q
        if q.qualifier == "over":
            assert q.low is not None and q.high is None, q
        if q.qualifier == "under":
            assert q.high is not None and q.low is None, q
        bounded = q.low is not None and q.high is not None
        if q.qualifier in ("near", "more") and q.value is not None and bounded:
            assert q.low <= q.value <= q.high, q  # type: ignore[operator]
        if q.qualifier == "range":
            assert q.low is not None and q.high is not None, q


def _cpu_cost(text: str) -> float:
    """CPU seconds of the best of three reads: the machine running the tests may be shared."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        parse_quantities(text)
        best = min(best, time.process_time() - t0)
    return best


def test_bound_soup_is_linear_and_100_kb_reads_in_under_a_second() -> None:
    import random

    r = random.Random(19)
    tokens = [t for t in BOUND_TOKENS if t]
    big = "".join(r.choice(tokens) for _ in range(60_000))[:100_000]
    small = big[:12_500]
    per_char_small = _cpu_cost(small) / len(small)
    cost_big = _cpu_cost(big)
    assert cost_big < 1.0, cost_big
    # Linear: the cost per character of a text 8× longer is not much more (quadratic would be ×8).
    assert cost_big / len(big) < per_char_small * 2.5, (per_char_small, cost_big / len(big))
