"""zhiku.quantities on the seed and on the forms of the issue and design.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from zhiku.quantities import Quantity, parse_quantities

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_d1431f2bc3438f4f.txt"
GOLD = Path(__file__).resolve().parent / "fixtures" / "quantities" / "seed_gold.json"
FIELDS = ("start", "text", "kind", "value", "low", "high", "unit", "iso", "qualifier")


def _row(q: Quantity | dict[str, object]) -> tuple[object, ...]:
    get = q.get if isinstance(q, dict) else lambda k: getattr(q, k)
    return tuple(get(k) for k in FIELDS)


def _bodies(src: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in re.finditer(r"\n正文\n(.*?)\[Top\]\(#\)", src, re.S)]


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.exists():
        pytest.skip(f"seed not found at {SEED} (CI puts shared/ beside the clone)")
    return SEED.read_text(encoding="utf-8")


def test_seed_gold_recall_and_precision_are_100_percent(seed: str) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    expected = {_row(m) for m in gold["mentions"]}
    assert len(expected) == len(gold["mentions"]) == 190
    bodies = _bodies(seed)
    assert len(bodies) == 2
    read = [q for q in parse_quantities(seed) if any(a <= q.start < b for a, b in bodies)]
    found = {_row(q) for q in read if not q.unit_only}
    missed = sorted(expected - found, key=lambda r: int(r[0]))  # type: ignore[call-overload]
    spurious = sorted(found - expected, key=lambda r: int(r[0]))  # type: ignore[call-overload]
    recall = 1 - len(missed) / len(expected)
    precision = 1 - len(spurious) / max(1, len(found))
    print(f"seed gold: recall {recall:.1%}, precision {precision:.1%}, {len(expected)} mentions")
    assert not missed, f"missed: {missed[:10]}"
    assert not spurious, f"spurious: {spurious[:10]}"
    # Currency names standing without a number (人民币国际支付): unit mentions, listed apart.
    assert {_row(q) for q in read if q.unit_only} == {_row(m) for m in gold["unit_mentions"]}


def test_spans_are_exact_substrings(seed: str) -> None:
    for q in parse_quantities(seed):
        assert seed[q.start : q.end] == q.text


def test_nothing_read_out_of_words_in_the_seed(seed: str) -> None:
    texts = {q.text for q in parse_quantities(seed)}
    # 一带一路, 中美元首 (美元), 华春莹, 一方面, 一个中国, 两国: words, not quantities.
    for word in ("一", "美元", "春", "一个", "两国", "两", "1", "911"):
        assert word not in texts


def one(text: str) -> Quantity:
    found = parse_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "qualifier"),
    [
        ("715.7亿美元", "money", 71570000000, "USD", "exact"),
        ("1.76万亿元", "money", 1.76e12, "CNY", "exact"),
        ("3094 亿元人民币", "money", 3.094e11, "CNY", "exact"),
        ("29%", "percent", 29, "%", "exact"),
        ("2.1个百分点", "percent", 2.1, "pp", "exact"),
        # a market note's shorthand: points and basis points
        ("0.7pct", "percent", 0.7, "pp", "exact"),
        ("60bp", "percent", 60, "bp", "exact"),
        ("35bps", "percent", 35, "bp", "exact"),
        ("72.5万标箱", "count", 725000, "TEU", "exact"),
        ("8225列", "count", 8225, "列", "exact"),
        ("1.24万列", "count", 12400, "列", "exact"),
        ("2.2万家", "count", 22000, "家", "exact"),
        ("931万件", "count", 9310000, "件", "exact"),
        ("7.6万吨", "dimension", 76000, "t", "exact"),
        ("37.3 万个就业岗位", "count", 373000, "个", "exact"),
        ("3个半小时", "duration", 3.5, "hour", "exact"),
        ("近3个半小时", "duration", 3.5, "hour", "near"),
        ("约 90 分钟", "duration", 90, "minute", "approx"),
        ("超过8000亿美元", "money", 8e11, "USD", "over"),
        ("60 多个", "count", 60, "个", "more"),
        ("50%以上", "percent", 50, "%", "over"),
        ("不足10%", "percent", 10, "%", "under"),
        ("1000列以下", "count", 1000, "列", "under"),
        ("逾500亿元", "money", 5e10, "CNY", "over"),
        ("大约20人", "count", 20, "人", "approx"),
        ("超过百列", "count", 100, "列", "over"),
        ("百分之十二点五", "percent", 12.5, "%", "exact"),
        ("三千二百万", "number", 32000000, None, "exact"),
        ("九万四", "number", 94000, None, "exact"),
        ("十万柒仟捌佰伍拾肆", "number", 107854, None, "exact"),
        ("百三十人", "count", 130, "人", "exact"),
        ("１２３", "number", 123, None, "exact"),
        ("12,345", "number", 12345, None, "exact"),
        ("1.5‰", "percent", 0.15, "%", "exact"),
        ("下降3.2%", "percent", 3.2, "%", "exact"),
        ("增长一倍", "multiple", 1, "倍", "exact"),
        ("翻一番", "multiple", 1, "番", "exact"),
        ("两份清单", "count", 2, "份", "exact"),
        ("三条底线", "count", 3, "条", "exact"),
        # More prose forms.
        ("历时1个多月", "duration", 1, "month", "more"),
        ("谈了两个多小时", "duration", 2, "hour", "more"),
        ("上千家企业", "count", 1000, "家", "over"),
        ("学习十九届六中全会精神", "ordinal", 19, None, "exact"),
        ("缴获近一吨冰毒", "dimension", 1, "t", "near"),
        ("十余年间", "duration", 10, "year", "more"),
    ],
)
def test_values_in_base_units(text: str, kind: str, value: float, unit: str | None, qualifier: str) -> None:
    q = one(text)
    assert (q.kind, q.unit, q.qualifier) == (kind, unit, qualifier)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "kind", "low", "high", "unit"),
    [
        ("17%-19%", "percent", 17, 19, "%"),
        ("40%—50%", "percent", 40, 50, "%"),
        ("2013-2019年", "year_range", 2013, 2019, "year"),
        ("1000-2000亿美元", "money", 1e11, 2e11, "USD"),
        ("3至5年", "duration", 3, 5, "year"),
    ],
)
def test_ranges(text: str, kind: str, low: float, high: float, unit: str | None) -> None:
    q = one(text)
    assert (q.kind, q.unit, q.qualifier) == (kind, unit, "range")
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    # The one figure of a range of amounts is its upper end; a span of years or dates has none.
    assert q.value == (None if kind == "year_range" else pytest.approx(high))


@pytest.mark.parametrize(
    ("text", "kind", "iso"),
    [
        ("2021年11月22日", "date", "2021-11-22"),
        ("11 月 16 日", "date", "--11-16"),
        ("2019 年 6 月底", "date", "2019-06"),
        ("两千零二十一年", "date", "2021"),
        ("北京时间早上 8 点 45", "clock_time", "08:45"),
        ("中午12点半", "clock_time", "12:30"),
        ("下午3点", "clock_time", "15:00"),
        ("7:30", "clock_time", "07:30"),
        ("10月9日19时跌破8米", "clock_time", "19:00"),
        ("9月6日（星期二）8时降至7.99米", "clock_time", "08:00"),
        ("当日8时", "clock_time", "08:00"),
        ("2021年前三季度", "date_range", "2021-01/2021-09"),
        ("2021年前三季度，国内生产总值", "date_range", "2021-01/2021-09"),
        ("一季度同比增长18.3%", "date_range", "--01/--03"),
        ("2021年第二季度", "date_range", "2021-04/2021-06"),
        ("2021年起", "date", "2021"),
        ("第十四届全国人大第四次会议于3月5日至11日在北京召开", "date_range", "--03-05/--03-11"),
        ("2016年6月1日-6月30日", "date_range", "2016-06-01/2016-06-30"),
        ("1—10月份，全国固定资产投资", "date_range", "--01/--10"),
    ],
)
def test_dates_and_clock_times(text: str, kind: str, iso: str) -> None:
    q = next(q for q in parse_quantities(text) if q.kind == kind)
    assert (q.kind, q.iso) == (kind, iso)
    assert q.to_json()["value"] == iso


def test_ordinals_and_precision() -> None:
    q = one("日本新任第 101 位首相")
    assert (q.kind, q.value, q.text) == ("ordinal", 101, "第 101 位")
    assert one("第 26 届联合国气候大会").value == 26
    assert one("年均增长13.7%").decimals == 1
    assert one("1.76万亿元").decimals == 2


def test_words_are_not_quantities() -> None:
    for text in (
        "一带一路",
        "中美元首会晤",
        "华春莹",
        "一方面",
        "一个中国政策",
        "两国关系",
        "四面楚歌",
        "十字路口",
        "一是因为",
        "美国老百姓",
        "“十四五”规划",
        "千万别去",
        "十万火急",
        "十分重要",
    ):
        assert parse_quantities(text) == [], text


def test_json_contract() -> None:
    q = one("17%-19%")
    assert q.to_json() == {
        "start": 0,
        "end": 7,
        "text": "17%-19%",
        "kind": "percent",
        "value": 19.0,
        "low": 17.0,
        "high": 19.0,
        "low_inclusive": True,
        "high_inclusive": True,
        "unit": "%",
        "qualifier": "range",
    }


def test_codes_and_names_are_not_quantities() -> None:
    for text in (
        "COVID-19疫情",
        "2019-nCoV",
        "电话010-12345678",
        "全国客服热线：4001182162",
        "通过ISO 9001认证",
        "H1N1",
        "G20峰会",
        "邮箱runwaysys@163.com",
        "坚持一国两制",
    ):
        assert parse_quantities(text) == [], text


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("一季度衢州全市GDP437.0亿元,按可比价格计算", "437.0亿元"),  # an indicator against its value
        ("全国GDP12万亿元", "12万亿元"),
        ("制造业PMI50.2%", "50.2%"),
    ],
)
def test_an_indicators_acronym_set_against_its_value_is_the_value(text: str, read: str) -> None:
    assert [q.text for q in parse_quantities(text) if q.kind != "date_range"] == [read]


@pytest.mark.parametrize("text", ["M2余额", "PM2.5浓度", "CPI102.1", "NO2浓度", "ABC12型", "iPhone15上市"])
def test_an_acronym_with_digits_and_no_money_or_percent_after_is_a_code(text: str) -> None:
    assert parse_quantities(text) == [], text


def test_markdown_heading_enumerators_are_not_quantities() -> None:
    assert parse_quantities("### 1、设施联通和国际大通道建设快速推进\n## 二、前言\n") == []


def test_rates_and_points_are_told_apart_by_unit() -> None:
    rate, points, per_mille = parse_quantities("增长29%，提高2.1个百分点，为1.5‰。")
    assert (rate.kind, rate.is_rate, rate.is_points) == ("percent", True, False)
    assert (points.kind, points.unit, points.is_rate, points.is_points) == ("percent", "pp", False, True)
    assert (per_mille.value, per_mille.unit, per_mille.measure, per_mille.is_rate) == (0.15, "%", "‰", True)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("来源: 中国日报 发布日期: 2020-04-16", "2020-04-16"),
        ("2020/4/16 10:32 来源：海关总署", "2020-04-16"),
        ("发布时间：2023.09.08", "2023-09-08"),
    ],
)
def test_a_day_written_in_digits_is_one_date(text: str, iso: str) -> None:
    """Datelines copied from web pages: one date, not the numbers 2020, 04 and 16 (nor 2020.4)."""
    dates = [q for q in parse_quantities(text) if q.kind == "date"]
    assert [q.iso for q in dates] == [iso]
    numbers = [q.value for q in parse_quantities(text) if q.kind == "number"]
    assert not set(numbers) & {2020.0, 2020.4, 2023.09}


# -- units named without a number (issue 19, the Recognizers-Text Currency/Temperature specs) ---------


def _units(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.kind, q.unit) for q in parse_quantities(text) if q.unit_only]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("人民币汇率在合理均衡水平上保持基本稳定。", [("人民币", "money", "CNY")]),
        (
            "美元指数走强，欧元和日元对美元双双走弱。",
            [
                ("美元", "money", "USD"),
                ("欧元", "money", "EUR"),
                ("日元", "money", "JPY"),
                ("美元", "money", "USD"),
            ],
        ),
        ("以英镑计价的资产", [("英镑", "money", "GBP")]),
        ("港元与美元挂钩", [("港元", "money", "HKD"), ("美元", "money", "USD")]),
        ("卢布大幅贬值", [("卢布", "money", "RUB")]),
        ("人民幣國際化", [("人民幣", "money", "CNY")]),
        ("你能把华氏温度51度转换为摄氏度吗", [("摄氏度", "dimension", "°C")]),
        ("温度的单位是°C吗", [("°C", "dimension", "°C")]),
        ("美国习惯用华氏度，中国用℃。", [("华氏度", "dimension", "°F"), ("℃", "dimension", "°C")]),
    ],
)
def test_units_named_without_a_number(text: str, names: list[tuple[str, str, str]]) -> None:
    assert _units(text) == names
    for q in parse_quantities(text):
        if q.unit_only:
            assert (q.value, q.low, q.high, q.qualifier) == (None, None, None, "unit")


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("8亿元人民币", ["8亿元人民币"]),  # a name after the number is part of the amount
        ("3094 亿元人民币", ["3094 亿元人民币"]),
        ("4人民币5美元", ["4人民币", "5美元"]),
        ("人民币50元", ["50元"]),  # a name before the amount labels it
        ("人民币 8千元", ["8千元"]),
        ("折合人民币1.76万亿元", ["1.76万亿元"]),
        ("人民币约50元", ["约50元"]),
        ("气温25摄氏度", ["25摄氏度"]),
        ("零下5℃", ["5℃"]),
        ("今年社零33153亿元", ["33153亿元"]),  # 社零 is a name: 零 opens no Arabic figure
        ("3万零500元", ["3万零500元"]),  # (after a unit it joins one)
        ("中美元首会晤", []),  # 元首, 元素, 元朗, 元旦: 元 begins another word
        ("中欧元首峰会", []),
        ("欧美元素", []),
        ("香港元朗区", []),
        ("增加元器件投入", []),
        ("卢比奥表示", []),  # Rubio, not the rupee
        ("马克思主义", []),  # 马克 is read only after a number
        ("欧美金融市场", []),
    ],
)
def test_names_inside_amounts_and_words_are_not_unit_mentions(text: str, amounts: list[str]) -> None:
    found = parse_quantities(text)
    assert [q.text for q in found] == amounts
    assert not any(q.unit_only for q in found)


# -- 位 as a bit in computing prose --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("一位是最小的存储单位", ("一位", 1)),
        ("国产32位处理器已实现量产", ("32位", 32)),
        ("该机预装64位操作系统", ("64位", 64)),
        ("一个8位二进制数", ("8位", 8)),
        ("每个字节有8位", ("8位", 8)),
        ("一个字节由8位组成", ("8位", 8)),
        ("采用128位密钥加密", ("128位", 128)),
        ("64位的操作系统", ("64位", 64)),
        ("32位ARM处理器", ("32位", 32)),
    ],
)
def test_wei_is_a_bit_in_computing_prose(text: str, reading: tuple[str, float]) -> None:
    bits = [(q.text, q.value) for q in parse_quantities(text) if q.kind == "dimension"]
    assert bits == [reading]
    assert all(q.unit == "bit" for q in parse_quantities(text) if q.kind == "dimension")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("三位专家参加了论证会", "三位"),
        ("两位代表发言", "两位"),
        ("三位芯片专家", "三位"),  # a person working on the machine
        ("两位系统工程师", "两位"),
        ("三位工程师设计了这款处理器", "三位"),
        ("有两位是存储专家", "两位"),  # 位 ends its phrase, but the clause names no unit of storage
        ("计算结果保留小数点后两位", "两位"),  # digits
        ("出口实现两位数增长", "两位"),
        ("统一社会信用代码共18位", "18位"),
        ("6位编码", "6位"),
    ],
)
def test_wei_counts_people_and_digits_elsewhere(text: str, count: str) -> None:
    found = parse_quantities(text)
    assert [(q.text, q.kind, q.unit) for q in found] == [(count, "count", "位")]


def test_one_wei_of_a_person_is_the_article() -> None:
    assert parse_quantities("一位名叫杰克的男生") == []  # in the Recognizers-Text spec too
    assert parse_quantities("一位专家表示") == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("打 7 2 折", [("7 2 折", 72.0)]),  # letter-spaced (text copied from a PDF): one number
        ("共 1 5 0 个 网 点", [("1 5 0 个", 150.0)]),
        ("7 2折", [("7", 7.0), ("2折", 20.0)]),  # the unit set close: two figures, not letter-spacing
        ("7  2 折", [("7", 7.0), ("2 折", 20.0)]),  # two spaces: figures side by side
        ("2019 7 2 8 万", [("2019", 2019.0), ("7", 7.0), ("2", 2.0), ("8 万", 80000.0)]),  # a table row
        ("1 2 3 a", [("1", 1.0), ("2", 2.0), ("3", 3.0)]),
    ],
)
def test_letter_spaced_digits_join_only_when_the_unit_is_spaced_too(
    text: str, want: list[tuple[str, float]]
) -> None:
    assert [(q.text, q.value) for q in parse_quantities(text)] == want


@pytest.mark.parametrize(
    ("text", "span", "unit", "value"),
    [
        ("90天大的小孩应该去医院做检查", "90天大", "day", 90.0),
        ("宝宝已经三周大了", "三周大", "week", 3.0),
        ("这件事发生在宝宝只有十个月大的时候", "十个月大", "month", 10.0),
        ("连续3天大幅增长", "3天", "day", 3.0),  # 大幅 is a word of its own
        ("两周大变样", "两周", "week", 2.0),
    ],
)
def test_an_age_in_days_weeks_or_months_keeps_its_da(text: str, span: str, unit: str, value: float) -> None:
    (q,) = [q for q in parse_quantities(text) if q.kind == "duration"]
    assert (q.text, q.unit, q.value) == (span, unit, value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019年到2023年，快递业务量翻番", [("year_range", "2019年到2023年", "2019/2023")]),
        ("从2019年至2023年，", [("year_range", "2019年至2023年", "2019/2023")]),
        ("2019年—2023年间", [("year_range", "2019年—2023年", "2019/2023")]),
        # the later year going on to a month or a year's end is a date, not the end of a span
        ("2019年至2023年6月", [("date", "2019年", "2019"), ("date", "2023年6月", "2023-06")]),
        ("2019年至2023年末", [("date", "2019年", "2019"), ("date", "2023年", "2023")]),
        ("2023年至2019年", [("date", "2023年", "2023"), ("date", "2019年", "2019")]),
    ],
)
def test_year_span_written_with_both_years(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(q.kind, q.text, q.iso) for q in parse_quantities(text)] == expected


def test_a_list_ending_in_a_unit_that_begins_with_a_magnitude() -> None:
    # 千 of 千瓦时 begins the unit: the first member is not 4665亿 瓦
    first, last = parse_quantities("分别为4665亿和2611亿千瓦时")
    assert last.unit == "kWh" and last.value == 2.611e11
    assert first.unit != "W"
