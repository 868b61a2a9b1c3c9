"""Each claim rule on its own, through the real quantity reader and, where needed, a real store."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhiku.claims import check_text
from zhiku.claims.facts import SeriesStore
from zhiku.claims.model import Finding
from zhiku.claims.rules import RULER
from zhiku.data import bundled_store


@pytest.fixture(scope="module")
def store() -> Any:
    return bundled_store()


def run(
    relation: str, text: str, store: SeriesStore | None = None, date: dt.date | None = None
) -> list[Finding]:
    """The findings of one relation rule on a text, through the public check (the fact table is built
    as for any article)."""
    assert relation in RULER.names(), relation
    return check_text(text, Path("t.txt"), 1, store, reference_date=date, only=[relation])


def only(relation: str, text: str, store: SeriesStore | None = None, date: dt.date | None = None) -> Finding:
    fs = run(relation, text, store, date)
    assert len(fs) == 1, fs
    return fs[0]


def test_every_rule_is_registered() -> None:
    """Every module in zhiku/claims/rules is registered in RULER under its RELATION (one added later too)."""
    package = importlib.import_module("zhiku.claims.rules")
    mods = [
        importlib.import_module(f"{package.__name__}.{m.name}")
        for m in pkgutil.iter_modules(package.__path__)
    ]
    registered = dict(zip(RULER.names(), (fn for _, fn in RULER.active()), strict=True))
    assert {m.RELATION: m.check for m in mods} == registered


# -- compound growth ------------------------------------------------------------------------
def test_compound_growth_from_a_year_range() -> None:
    f = only("compound_growth", "2013-2019年，新签合同额由715.7亿美元增至1548.9亿美元，年均增长13.7%。")
    assert (f.verdict, f.computed) == ("consistent", "13.73%")
    assert f.evidence.startswith("(1548.9/715.7)^(1/6) − 1 = 13.73% ≈ 13.7%")
    # the claim's span is its phrase (年均增长13.7%), so that a report can mark what was said
    assert f.spans == ("715.7亿美元", "1548.9亿美元", "年均增长13.7%")


def test_compound_growth_from_two_dated_values() -> None:
    f = only("compound_growth", "进出口总额从2013年的1.04万亿美元增加到2019年的1.34万亿美元，年均增长4.3%。")
    assert f.verdict == "consistent" and "(1.34/1.04)^(1/6)" in f.evidence


def test_compound_growth_names_the_base_year_slip() -> None:
    f = only("compound_growth", "2013-2019年，合同额由715.7亿美元增至1548.9亿美元，年均增长11.7%。")
    assert f.verdict == "inconsistent" and "若按7年计算为11.66%" in f.evidence


def test_compound_growth_without_years_is_unverifiable() -> None:
    f = only("compound_growth", "合同额由715.7亿美元增至1548.9亿美元，年均增长13.7%。")
    assert f.verdict == "unverifiable" and "起止年份" in f.evidence


def test_compound_decline() -> None:
    f = only(
        "compound_growth",
        "2015-2020年，库存由1000万吨降至至774万吨，年均下降5%。".replace("降至至", "降至"),
    )
    assert f.verdict == "consistent"  # (774/1000)^(1/5) − 1 = −4.99%


# -- year-on-year growth ----------------------------------------------------------------------
def test_yoy_adds_up_outbound_and_return_trains() -> None:
    f = only(
        "yoy_growth",
        "其中2018年去程班列为3610次，回程为2690次；2019年中欧班列开行8225列，同比增长29%。",
    )
    assert (f.verdict, f.computed) == ("inconsistent", "30.56%")
    assert "8225/(3610+2690)" in f.evidence and "6300" in f.evidence


def test_yoy_decline() -> None:
    f = only("yoy_growth", "2019年出口额1000亿美元，2020年出口额900亿美元，同比下降10%。")
    assert (f.verdict, f.computed) == ("consistent", "-10.00%")


def test_yoy_pairs_several_values_with_fenbie() -> None:
    fs = run(
        "yoy_growth",
        "2019年开行8225列、发运72.5万标箱。2020年开行1.24万列、运送113.5万标箱，分别同比增长50%和56%。",
    )
    assert [(f.stated, f.verdict) for f in fs] == [
        ("同比增长50%", "consistent"),
        ("同比增长50%和56%", "consistent"),
    ]
    assert "113.5/72.5" in fs[1].evidence


def test_yoy_from_the_publication_store(tmp_path: Path) -> None:
    (tmp_path / "zhiku.yml").write_text("name: 测试智库\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "trains.csv").write_text(
        "indicator,period,value,unit,name,name_en,source,note\n"
        "t.trains,2018,6300,列,中欧班列开行数量,trains,test,\n"
        "t.trains,2019,8225,列,,,,\n",
        encoding="utf-8",
    )
    prose = tmp_path / "note.txt"
    prose.write_text("2019年中欧班列开行8225列，同比增长29%。\n", encoding="utf-8")
    from zhiku.claims import check_paths

    [f] = check_paths([prose])
    assert (f.relation, f.verdict, f.computed) == ("yoy_growth", "inconsistent", "30.56%")
    assert "t.trains" in f.evidence


# -- conversion ------------------------------------------------------------------------------
def test_conversion_usd_to_cny(store: Any) -> None:
    f = only("conversion", "2020年合同额2555.4亿美元，折合人民币1.76万亿元。", store)
    assert f.verdict == "consistent" and "2555.4亿美元 × 6.8976 = 1.7626万亿元" in f.evidence


def test_conversion_cny_to_usd(store: Any) -> None:
    f = only("conversion", "2020年投资1227.1亿元人民币，约合177.9亿美元。", store)
    assert f.verdict == "consistent" and "÷ 6.8976" in f.evidence


def test_conversion_needs_a_year_and_a_rate(store: Any) -> None:
    assert only("conversion", "合同额2555.4亿美元，折合人民币1.76万亿元。", store).verdict == "unverifiable"
    f = only("conversion", "1990年合同额100亿美元，折合人民币478亿元。", store)
    assert f.verdict == "unverifiable" and "1990" in f.evidence


# -- weekday ---------------------------------------------------------------------------------
def test_weekday_takes_the_year_from_the_paragraph() -> None:
    f = only("weekday", "2021年，两国元首多次通话。11月16日（周二）举行视频会晤。")
    assert f.verdict == "consistent" and "2021-11-16" in f.evidence


def test_weekday_wrong() -> None:
    f = only("weekday", "2021年11月16日（星期一），两国元首举行视频会晤。")
    assert (f.verdict, f.computed) == ("inconsistent", "星期二")


def test_weekday_inferred_year_that_a_neighbour_fits_is_unverifiable() -> None:
    # 2022-11-16 was a Wednesday: with the year only inferred, do not accuse.
    f = only("weekday", "会晤于11月16日（星期三）举行。", date=dt.date(2021, 11, 22))
    assert f.verdict == "unverifiable"


# -- lunar dates -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("2021年6月14日端午节，", "consistent"),
        ("2021年9月22日中秋节，", "inconsistent"),
        ("2021年2月26日元宵节，", "consistent"),
        ("2021年2月11日春节除夕，", "consistent"),
    ],
)
def test_lunar_festivals(text: str, verdict: str) -> None:
    assert only("lunar_date", text).verdict == verdict


def test_lunar_wrong_day_names_the_right_one() -> None:
    f = only("lunar_date", "2021年9月22日中秋节，")
    assert "2021年的中秋是9月21日" in f.evidence


# -- clock durations -------------------------------------------------------------------------
def test_clock_duration_without_a_break_must_match() -> None:
    f = only("clock_duration", "会议从上午9点开始，到上午11点结束，历时3小时。")
    assert f.verdict == "inconsistent" and "2小时" in f.evidence


def test_clock_duration_with_a_break_is_at_most_the_span() -> None:
    f = only("clock_duration", "会议从上午9点开始，到中午12点结束，扣除休息，实际讨论2个半小时。")
    assert f.verdict == "consistent" and f.computed == "≤ 3小时"


# -- sums ------------------------------------------------------------------------------------
def test_of_which_part_larger_than_its_total_is_named_not_convicted() -> None:
    # Issue 18: a part larger than its "total" (a 其中 that counts something else) was a false
    # alarm; it is now unverifiable and says why.
    f = only("sum", "我国已签署19个自贸协定，其中涉及沿线国家的有21个自贸协定。")
    assert f.verdict == "unverifiable" and "大于总数" in f.evidence


def test_of_which_different_things_are_not_compared() -> None:
    assert run("sum", "我国已签署19个自贸协定，其中涉及26个国家和地区。") == []


def test_years_total_with_missing_years_is_unverifiable() -> None:
    f = only("sum", "总额从2013年的1.04万亿美元增加到2019年的1.34万亿美元，7年间的累计总额超过7.81万亿美元。")
    assert f.verdict == "unverifiable" and "2 of 7" in f.evidence


def test_counted_total() -> None:
    f = only("sum", "2018年开行6300列，2019年开行8225列，两年合计14525列。")
    assert f.verdict == "consistent" and "6300 + 8225 = 14525" in f.evidence


# -- shares, percentage points, differences, multiples ----------------------------------------
def test_share_with_the_whole_in_the_phrase() -> None:
    f = only("share", "2020年出口17.93万亿元，占全国进出口总额32.16万亿元的55.7%。")
    assert f.verdict == "consistent" and "17.93/32.16 = 55.75%" in f.evidence


def test_pp_change_names_both_readings_when_points_are_written_as_percent() -> None:
    # 提高了4.4% after a rate is a growth of the rate (relative): the growth rule reads it, and names
    # the points reading that the writer probably meant.
    f = only("yoy_growth", "比重由25%提升到29.4%，提高了4.4%。")
    assert f.verdict == "inconsistent" and "4.4个百分点" in f.evidence and "17.60%" in f.evidence


def test_pp_change_from_last_years_rate() -> None:
    f = only("pp_change", "2019年综合重箱率94%。2020年综合重箱率98.4%，同比提高4.4个百分点。")
    assert f.verdict == "consistent"


def test_difference_in_from_to_form() -> None:
    f = only("difference", "营业额由654亿美元增至979.8亿美元，增加了325.8亿美元。")
    assert f.verdict == "consistent" and "979.8 − 654 = 325.8" in f.evidence


def test_multiple_doubling_twice() -> None:
    f = only("multiple", "由2000年的1万亿元增至2020年的4万亿元，翻了两番。")
    assert f.verdict == "consistent"


# -- enumerations and series -------------------------------------------------------------------
def test_enumeration_counts_the_seed_zones() -> None:
    f = only("enumeration", "中哈霍尔果斯国际边境合作中心、中老磨憨—磨丁经济合作区 2 个跨境经济合作区")
    assert f.verdict == "consistent"
    assert f.spans[0] == "中哈霍尔果斯国际边境合作中心、中老磨憨—磨丁经济合作区"


def test_series_month_without_a_year_uses_the_issue_date(store: Any) -> None:
    f = only("series", "美国 10 月 CPI 增速已突破 6%。", store, dt.date(2021, 11, 22))
    assert (f.verdict, f.computed) == ("consistent", "6.2%") and "2021年10月" in f.evidence


def test_series_annual(store: Any) -> None:
    f = only("series", "美国2021年通胀率为4.7%。", store)
    assert f.verdict == "consistent"
    assert only("series", "美国2009年通胀率为0.4%。", store).verdict == "inconsistent"  # BLS: −0.4%


# -- robustness --------------------------------------------------------------------------------
_TOKENS = [
    "2019年",
    "2013-2019年",
    "由",
    "增至",
    "到",
    "，",
    "。",
    "、",
    "其中",
    "出口",
    "进口",
    "去程",
    "回程",
    "同比增长",
    "比上年增加",
    "比2018年增长",
    "年均增长",
    "占",
    "的",
    "比重",
    "提高",
    "个百分点",
    "折合人民币",
    "是",
    "倍",
    "翻了一番",
    "增长了两倍",
    "合计",
    "分别",
    "两年合计",
    "星期一",
    "（",
    "）",
    "春节",
    "除夕",
    "中秋节",
    "上午8点",
    "12点半",
    "扣除休息",
    "近",
    "约",
    "超过",
    "以上",
    "3个半小时",
    "8225列",
    "1.24万列",
    "72.5万标箱",
    "715.7亿美元",
    "1.76万亿元",
    "29%",
    "13.7%",
    "2个",
    "美国",
    "10月",
    "CPI",
    "11月16日",
    "0",
    "0%",
    "0列",
    "-5%",
    "１２３",
    "七、八万亿",
    "17%-19%",
    "\x00",
    "\u200b",
    "𠀀",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=30), st.text(max_size=20))
def test_no_input_raises_and_spans_stay_exact(tokens: list[str], noise: str) -> None:
    from zhiku.claims import check_text

    text = "".join(tokens) + noise
    for f in check_text(text, "fuzz.txt"):
        assert all(f.text[a:b] == s for s, (a, b) in zip(f.spans, f.span_offsets, strict=True))


# -- bounds, approximate counts and fractions (issue 19) ------------------------------------
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # 105.2/100 − 1 = 5.2%, however the inputs were rounded (at most 5.8%): below the floor
        ("2020年该市产值为100亿元，2021年为105.2亿元，同比增长不低于6%。", "inconsistent"),
        ("2020年该市产值为100亿元，2021年为106.5亿元，同比增长不低于6%。", "consistent"),
        ("2020年该市产值为100亿元，2021年为105.2亿元，同比增长超过5%。", "consistent"),
        ("2020年该市产值为100亿元，2021年为108.5亿元，同比增长不超过7%。", "inconsistent"),
        ("2020年该市产值为100亿元，2021年为106.8亿元，同比增长不超过7%。", "consistent"),
    ],
)
def test_a_bound_is_its_threshold_not_a_rounded_figure(text: str, verdict: str) -> None:
    assert only("yoy_growth", text).verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict", "computed"),
    [
        ("全国31个省份中，有13个省份的增速高于全国平均水平，超过一半。", "inconsistent", "41.94%"),
        ("全国31个省份中，有19个省份的增速高于全国平均水平，超过一半。", "consistent", "61.29%"),
        ("41个大类行业中有26个行业利润增长，占比超过六成。", "consistent", "63.41%"),
    ],
)
def test_more_than_half_is_a_share_of_the_whole_not_a_count(text: str, verdict: str, computed: str) -> None:
    assert run("bound", text) == []  # 一半 is a share: the count 13 never restates it
    f = only("share", text)
    assert (f.verdict, f.computed) == (verdict, computed)


PROVINCES = (
    "北京、天津、河北、山西、内蒙古、辽宁、吉林、黑龙江、上海、江苏、浙江、"
    "安徽、福建、江西、山东、河南、湖北、湖南、广东、广西、海南、重庆"
)


@pytest.mark.parametrize(
    ("listed", "count", "verdict"),
    [
        (14, "十几个", "consistent"),
        (22, "十几个", "inconsistent"),
        (9, "十几个", "inconsistent"),
        (12, "十多个", "consistent"),
        (20, "十余个", "inconsistent"),
        (4, "三四个", "consistent"),
        (14, "14个", "consistent"),
        (14, "十四个", "consistent"),
        (14, "十五个", "inconsistent"),
    ],
)
def test_an_approximate_count_holds_the_list_it_counts(listed: int, count: str, verdict: str) -> None:
    names = "、".join(PROVINCES.split("、")[:listed])
    f = only("enumeration", f"{names}{count}省份已出台实施方案。")
    assert (f.verdict, f.computed) == (verdict, str(listed))


def test_deng_before_a_count_leaves_the_list_open() -> None:
    # 北京、上海等5个城市: five cities, two named; a list longer than its count is still a slip
    assert run("enumeration", "北京、上海等5个城市率先开展试点。") == []
    assert only("enumeration", "北京、上海、广州等3个城市率先开展试点。").verdict == "consistent"
    assert only("enumeration", "北京、上海、广州、深圳等3个城市率先开展试点。").verdict == "inconsistent"


# -- a ratio of two written as one number ----------------------------------------------------
INCOMES = "城镇居民人均可支配收入51821元，农村居民人均可支配收入21691元，"
TRADE = "全年出口237726亿元，进口179842亿元，"


@pytest.mark.parametrize(
    ("text", "verdict", "computed"),
    [
        (INCOMES + "城乡居民人均可支配收入之比为2.39。", "consistent", "2.39"),
        (INCOMES + "城乡居民收入比为2.29。", "inconsistent", "2.39"),
        (TRADE + "进口与出口之比为0.76。", "consistent", "0.76"),  # as the words name them
        (TRADE + "出口与进口的比值为1.32。", "consistent", "1.32"),
        (TRADE + "出口与进口的比值为1.52。", "inconsistent", "1.32"),
    ],
)
def test_a_ratio_written_as_one_number(text: str, verdict: str, computed: str) -> None:
    f = only("structure", text)
    assert (f.verdict, f.computed) == (verdict, computed)


def test_a_ratio_that_fits_only_inverted_is_not_reported() -> None:
    # 两者之比: which is over which is not said, and 0.76 is imports over exports
    assert run("structure", TRADE + "两者之比为0.76。") == []


# -- 全行业 names the whole industry, and X中， opens a sentence about parts of X -------------------
FIELDS = (
    "软件产品、信息技术服务、信息安全、嵌入式系统软件收入分别为29030亿元、81226亿元、2232亿元和10770亿元，"
    "四大领域合计123258亿元。"
)


@pytest.mark.parametrize(
    ("claim", "verdict", "computed"),
    [
        ("占信息技术服务收入的15.4%", "consistent", "15.35%"),  # the part is 其中 of 信息技术服务
        ("占全行业收入的10.1%", "consistent", "10.12%"),  # 全行业: the four fields together
        ("占全行业收入的15.4%", "inconsistent", "10.12%"),  # 信息技术服务's share, said of the industry
    ],
)
def test_a_sentence_opening_with_x_zhong_speaks_of_parts_of_x(
    claim: str, verdict: str, computed: str
) -> None:
    f = only("share", FIELDS + f"信息技术服务中，云服务、大数据服务收入12470亿元，{claim}。")
    assert (f.verdict, f.computed) == (verdict, computed)


@pytest.mark.parametrize("semicolon", ["；", ";"])
def test_x_zhong_makes_parts_up_to_the_first_semicolon_of_either_width(semicolon: str) -> None:
    from zhiku.claims import facts
    from zhiku.claims.document import from_text

    text = (
        FIELDS
        + f"信息技术服务中，云服务收入12470亿元{semicolon}电子商务平台技术服务收入11789亿元，增长9.6%。"
    )
    table = facts.build(from_text(text, Path("t.md")))
    parents = {
        f.q.text: table.facts[f.parent].q.text if f.parent is not None else None
        for f in table.facts
        if f.role == "level"
    }
    assert (parents["12470亿元"], parents["11789亿元"]) == ("81226亿元", None)


def test_a_quarters_total_row_is_not_the_whole_of_a_years_value() -> None:
    text = (
        "2023年，全年软件业务收入123258亿元。云服务收入12470亿元，占全行业收入的10.1%。\n\n"
        "2023年一季度分地区收入如下：\n\n"
        "| 地区 | 收入（亿元） |\n|---|---|\n| 东部 | 20464 |\n| 西部 | 3950 |\n| 合计 | 24414 |\n"
    )
    # the 合计 row (24414) totals one quarter: not the whole of the year's 12470
    assert not [f for f in run("share", text) if "24414" in f.evidence]


# -- 中位数是平均数的x%: the mean is the same indicator without 中位数 ----------------------------------
MEANS = "全国居民人均可支配收入14063元。其中，城镇居民人均可支配收入19770元；农村居民人均可支配收入7142元。"


@pytest.mark.parametrize(
    ("median", "verdict", "computed"),
    [
        ("全国居民人均可支配收入中位数12186元，中位数是平均数的86.7%。", "consistent", "86.65%"),
        ("城镇居民人均可支配收入中位数18048元，是平均数的91.3%。", "consistent", "91.29%"),  # 城镇's mean
        ("农村居民人均可支配收入中位数6045元，是平均数的84.6%。", "consistent", "84.64%"),
        ("农村居民人均可支配收入中位数6045元，是平均数的94.6%。", "inconsistent", "84.64%"),
    ],
)
def test_a_median_is_a_share_of_its_own_mean(median: str, verdict: str, computed: str) -> None:
    f = only("share", MEANS + median)
    assert (f.verdict, f.computed) == (verdict, computed)


# -- sums written the way fiscal releases write them ------------------------------------------------
TAXES = (
    "主要税收收入项目中，国内增值税33248亿元，同比下降6.9%；国内消费税8830亿元，同比增长5.3%；"
    "企业所得税26840亿元，同比下降5.5%；个人所得税7307亿元，同比下降5.4%。"
)


@pytest.mark.parametrize(("total", "verdict"), [("76225", "consistent"), ("78225", "inconsistent")])
def test_a_counted_total_opening_its_sentence_sums_the_list_before(total: str, verdict: str) -> None:
    # each item's growth rate stands beside it; 四项 says how many values the total is of
    f = only("sum", TAXES + f"四项合计{total}亿元。")
    assert (f.verdict, f.computed) == (verdict, "76225")


@pytest.mark.parametrize(("tax", "verdict"), [("94080", "consistent"), ("96080", "inconsistent")])
def test_complements_further_on_in_the_paragraph_make_up_its_total(tax: str, verdict: str) -> None:
    text = (
        "1-6月，全国一般公共预算收入115913亿元，同比下降2.8%。"
        "分中央和地方看，中央一般公共预算收入50171亿元；地方一般公共预算本级收入65742亿元。"
        f"全国税收收入{tax}亿元，同比下降5.6%；非税收入21833亿元，同比增长11.9%。"
    )
    sums = [f for f in run("sum", text) if f.stated.endswith("115913亿元") and "21833" in f.evidence]
    assert [f.verdict for f in sums] == [verdict], sums


@pytest.mark.parametrize(("rice", "verdict"), [("20078", "consistent"), ("21078", "inconsistent")])
def test_a_total_that_counts_its_kinds_is_their_sum(rice: str, verdict: str) -> None:
    text = (
        f"2011年，全国三大粮食作物总产量达到51045万吨。稻谷总产量{rice}万吨，比去年增长2.6%；"
        "小麦总产量11792万吨，增长2.4%；玉米总产量19175万吨，增长8.2%。"
    )
    sums = [f for f in run("sum", text) if "51045" in f.stated]
    assert [f.verdict for f in sums] == [verdict], sums


@pytest.mark.parametrize(("tertiary", "verdict"), [("145355", "consistent"), ("147355", "inconsistent")])
def test_gdp_is_the_three_sectors_value_added(tertiary: str, verdict: str) -> None:
    text = (
        "一季度，我国GDP为249310亿元，同比增长18.3%。\n\n"
        "分产业看，第一产业增加值为11332亿元，同比增长8.1%；第二产业增加值为92623亿元，同比增长24.4%；"
        f"第三产业增加值为{tertiary}亿元，同比增长15.6%。"
    )
    sums = [f for f in run("sum", text) if "249310" in f.stated and "11332" in f.evidence]
    assert [f.verdict for f in sums] == [verdict], sums


@pytest.mark.parametrize(("margin", "verdict"), [("6.60%", "consistent"), ("7.60%", "inconsistent")])
def test_the_operating_margin_is_profits_over_revenue(margin: str, verdict: str) -> None:
    text = (
        "1~2月份，全国规模以上工业企业实现利润总额11140.1亿元，同比增长1.79倍。"
        "1~2月份，采矿业实现利润总额988.4亿元，同比增长83.0%；制造业实现利润总额9294.2亿元。"
        f"1~2月份，规模以上工业企业实现营业收入16.87万亿元，同比增长45.5%；营业收入利润率为{margin}。"
    )
    # the industry's profits (the largest so named), not mining's or manufacturing's
    f = only("share", text)
    assert (f.verdict, f.computed) == (verdict, "6.60%")


@pytest.mark.parametrize(("fishery", "verdicts"), [("60.75", ["consistent"]), ("62.75", [])])
def test_qizhong_parts_belong_to_the_total_that_measures_what_they_measure(
    fishery: str, verdicts: list[str]
) -> None:
    # 其中 after 总产值… and 增加值…: the parts are 产值, so their total is 总产值, not 增加值; listed in
    # one form (…产值N亿元，…；…), they run to the sentence's end. Five kinds not known to be all
    # there are, as any incomplete list, reported only when they add up.
    text = (
        "全市实现农林牧渔业总产值69.93亿元，比上年增长2.5%，增加值37.90亿元，增长2.7%。其中，农业产值7.09亿元，"
        f"下降0.6%；林业产值0.11亿元，增长3.7%；牧业产值1.14亿元，下降21.7%；渔业产值{fishery}亿元，增长3.4%；"
        "农林牧渔服务业产值0.84亿元，增长5.0%。"
    )
    sums = [f for f in run("sum", text) if "69.93" in f.stated]
    assert [f.verdict for f in sums] == verdicts, sums


@pytest.mark.parametrize(("east", "verdict"), [("96065", "consistent"), ("97065", "inconsistent")])
def test_a_breakdown_names_its_measure_once(east: str, verdict: str) -> None:
    # the regions' paragraph names no period and only its first part says what is measured
    text = (
        "2017年1-7月份，民间固定资产投资204640亿元，同比名义增长6.9%。\n\n"
        f"分地区看，东部地区民间固定资产投资{east}亿元，同比增长9.4%；中部地区59200亿元，增长7.2%；"
        "西部地区39146亿元，增长6.2%；东北地区10230亿元，同比下降9.8%。"
    )
    sums = [f for f in run("sum", text) if "204640" in f.stated and "59200" in f.evidence]
    assert [f.verdict for f in sums] == [verdict], sums


def test_full_width_and_half_width_semicolons_read_alike() -> None:
    """The same release with ；or ; between its parts gives the same sums (they were read to the first
    ；only, and to the sentence's end after ;)."""
    half = (
        "全市实现农林牧渔业总产值69.93亿元,比上年增长2.5%,增加值37.90亿元,增长2.7%。其中,农业产值7.09亿元,"
        "下降0.6%;林业产值0.11亿元,增长3.7%;牧业产值1.14亿元,下降21.7%;渔业产值60.75亿元,增长3.4%;"
        "农林牧渔服务业产值0.84亿元,增长5.0%。"
    )
    full = half.replace(",", "，").replace(";", "；")
    found = [[(f.verdict, f.computed) for f in run("sum", t)] for t in (half, full)]
    assert found[0] == found[1] and ("consistent", "69.93") in found[0], found


@pytest.mark.parametrize(("second", "verdict"), [("5543", "consistent"), ("5443", "inconsistent")])
def test_reaching_a_level_is_a_floor_for_both_values(second: str, verdict: str) -> None:
    # 登上…新台阶 (also 迈上, 站上, 跨上) reads as "at least"; 双双 names no thing, it says "both"
    f = only("bound", f"黑龙江、河南粮食总产量分别达到5571万吨和{second}万吨，双双登上5500万吨新台阶。")
    assert f.verdict == verdict


# -- gaps between growth rates: signs, sizes of falls, the whole's rate -------------------------
@pytest.mark.parametrize(
    ("text", "verdict", "computed"),
    [
        # a growth and a fall compared with their signs: 7.0% → −4.6% is 11.6 points lower
        ("出口增长7.0%。2023年，出口下降4.6%，增速比上年回落11.6个百分点。", "consistent", "-11.6个百分点"),
        # 降幅 compares the sizes of two falls: 1.0% → 5.5% is 4.5 points wider
        ("进口下降1.0%。2023年，进口下降5.5%，降幅比上年扩大4.5个百分点。", "consistent", "4.5个百分点"),
        ("进口下降1.0%。2023年，进口下降5.5%，降幅比上年扩大3.5个百分点。", "inconsistent", "4.5个百分点"),
    ],
)
def test_falls_are_signed_unless_their_size_is_compared(text: str, verdict: str, computed: str) -> None:
    f = only("pp_change", "2022年，" + text)
    assert (f.verdict, f.computed) == (verdict, computed)


@pytest.mark.parametrize(("gap", "verdict"), [("9.6", "consistent"), ("3.2", "inconsistent")])
def test_the_whole_growth_is_the_totals(gap: str, verdict: str) -> None:
    text = (
        "一季度，我国货物贸易进出口总值6.57万亿元，比去年同期下降6.4%。"
        f"我国对“一带一路”沿线国家进出口2.07万亿元，增长3.2%，高出整体增速{gap}个百分点。"
    )
    f = only("pp_change", text)
    assert (f.verdict, f.computed) == (verdict, "9.6个百分点")


def test_gui_shang_is_short_for_gui_mo_yi_shang() -> None:
    text = "全国规模以上工业增加值增长4.6%。高技术制造业增加值增长2.7%，比全部规上工业低1.9个百分点。"
    f = only("pp_change", text)
    assert (f.verdict, f.computed) == ("consistent", "-1.9个百分点")


@pytest.mark.parametrize(
    ("headline", "verdict"),
    [("地方对外投资占比近八成。", "consistent"), ("地方对外投资占比近九成。", "inconsistent")],
)
def test_a_headline_share_is_given_exactly_in_the_next_sentence(headline: str, verdict: str) -> None:
    body = "1-9月，地方企业非金融类对外直接投资619.1亿美元，同比增长8.5%，占同期对外投资总额的76.6%。"
    text = headline + body
    f = only("bound", text)
    assert (f.verdict, f.stated) == (verdict, headline[-4:-1])


@pytest.mark.parametrize(("change", "verdict"), [("1070", "consistent"), ("1170", "inconsistent")])
def test_a_share_of_the_budget_between_a_value_and_its_change(change: str, verdict: str) -> None:
    text = (
        f"4月，一般公共预算收入累计完成24627万元，完成年初预算数60999万元的40.4%，比上年减收{change}万元。"
        "其中：税收收入8103万元，比上年增收1284万元；非税收入16524万元，比上年减收2354万元。"
    )
    sums = [f for f in run("sum", text) if "减收" in f.stated]
    assert [f.verdict for f in sums] == [verdict], sums


def test_a_change_since_january_is_not_the_base_of_a_year_on_year_growth() -> None:
    # 比年初增加 measures from the start of the year, 同比 from the same month a year before
    text = "9月末，全市金融机构各项贷款余额4987.1亿元，比年初增加398.2亿元，同比增长9.4%。"
    assert [f.verdict for f in run("yoy_growth", text)] == ["unverifiable"]
    # the same words with the change measured against a year before do check
    text = "9月末，全市金融机构各项贷款余额4987.1亿元，比上年同期增加398.2亿元，同比增长9.4%。"
    assert [(f.verdict, f.computed) for f in run("yoy_growth", text)] == [("inconsistent", "8.68%")]


@pytest.mark.parametrize(("growth", "verdict"), [("13.8", "consistent"), ("15.8", "inconsistent")])
def test_at_a_years_end_the_change_since_last_years_end_is_the_base_of_its_growth(
    growth: str, verdict: str
) -> None:
    # 比上年末 and 同比 name one base at the end of a year (2023年末 against 2022年末):
    # 16.7 / (137.9 − 16.7) = 13.78 %, every deposit paragraph of a year-end financial release
    text = f"2023年末，全国住户存款余额137.9万亿元，比上年末增加16.7万亿元，同比增长{growth}%。"
    assert [(f.verdict, f.computed) for f in run("yoy_growth", text)] == [(verdict, "13.78%")]


@pytest.mark.parametrize("when", ["6月末", "2023年三季度末", "2023年上半年末"])
def test_before_a_years_end_the_change_since_last_years_end_is_not_a_years_change(when: str) -> None:
    # at the end of June or September, 比上年末 counts from January and 同比 from a year before
    text = f"{when}，本外币贷款余额240万亿元，比上年末增加20万亿元，同比增长12.0%。"
    assert [f.verdict for f in run("yoy_growth", text)] == ["unverifiable"]


def test_a_quarters_end_is_the_end_of_its_last_month_and_last_years_end_dates_no_value() -> None:
    from zhiku.claims import facts
    from zhiku.claims.document import from_text
    from zhiku.claims.periods import Period

    file = Path("t.md")
    table = facts.build(
        from_text("2023年三季度末，贷款余额240万亿元，比上年末增加20万亿元，同比增长12.0%。", file)
    )
    assert {f.period for f in table.facts} == {Period(year=2023, months=(9, 9), end=True)}
    table = facts.build(from_text("2023年，贷款余额240万亿元，比上年末增加20万亿元。", file))
    assert {f.period.end for f in table.facts} == {False}  # 上年末 is the base's end, not this value's


@pytest.mark.parametrize(("total", "verdict"), [("141260", "consistent"), ("142260", "inconsistent")])
def test_a_bracketed_aside_between_a_name_and_its_value_is_read_past(total: str, verdict: str) -> None:
    # NBS's 2021 population release: the aside holds commas and numbers of its own, and the value
    # after it is still 全国人口's, the total of 男性人口 and 女性人口
    text = (
        "2021年年末全国人口（包括31个省、自治区、直辖市和现役军人的人口，不包括居住在31个省、自治区、"
        f"直辖市的港澳台居民和外籍人员）{total}万人，比上年末增加48万人。"
        "从性别构成看，男性人口72311万人，女性人口68949万人。"
    )
    assert [(f.verdict, f.computed) for f in run("sum", text)] == [(verdict, "141260")]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # a definition (clauses, values of its own) is read past and leaves no gap in the name
        ("2011年，全国13个粮食主产省（区，含兵团）粮食总产量达到43422万吨。", "粮食主产省粮食总产量"),
        # a name's other spelling stays in the name: the text may use either (占GDP的比重)
        ("2011年，全国13个粮食主产省（区）粮食总产量达到43422万吨。", "粮食主产省（区）粮食总产量"),
        ("前三季度全市地区生产总值（GDP）实现43422万元。", "全市地区生产总值（GDP）"),
    ],
)
def test_an_aside_in_a_name_is_kept_only_when_it_names_the_thing(sentence: str, subject: str) -> None:
    from zhiku.claims import facts
    from zhiku.claims.document import from_text

    table = facts.build(from_text(sentence, Path("t.md")))
    assert [f.subject for f in table.facts if f.q.text.startswith("43422")] == [subject]


@pytest.mark.parametrize(
    ("head", "share", "verdict"),
    [
        ("九成以上增产来自粮食主产区", "90.5", "consistent"),
        ("八成以上增产来自粮食主产区", "70.5", "inconsistent"),  # 70.5 % is not 八成以上
        ("近七成增产来自粮食主产区", "68.2", "consistent"),
    ],
)
def test_a_headline_share_of_a_whole_named_after_it_is_the_next_sentences_exact_share(
    head: str, share: str, verdict: str
) -> None:
    # N成 of the whole (增产) comes from the part: the exact share of that whole follows
    text = f"{head}。2011年，全国13个粮食主产省（区）粮食总产量达到43422万吨，占全国总增产量的{share}%。"
    assert [(f.verdict, f.computed) for f in run("bound", text)] == [(verdict, share)]


def test_a_headline_share_is_not_checked_against_a_share_of_another_whole() -> None:
    text = "九成以上增产来自粮食主产区。2011年，粮食主产区粮食总产量占全国粮食总产量的比重为76%。"
    assert run("bound", text) == []


GDP_Q3 = "前三季度全市地区生产总值(GDP)实现3216.1亿元,同比增长4.2%。"


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("其中,工业增加值实现1207.7亿元,同比增长5.3%,高于GDP增速1.1个百分点。", "consistent"),
        ("其中,工业增加值实现1207.7亿元,同比增长5.3%,高于GDP增速1.3个百分点。", "inconsistent"),
        ("全市第一产业同比增长4.7%,高于全市经济增长0.5个百分点。", "consistent"),  # 经济增长: GDP's
        ("全市第一产业同比增长4.7%,高于全市经济增长0.7个百分点。", "inconsistent"),
    ],
)
def test_a_gap_with_gdp_growth_or_the_economys_growth_is_a_gap_with_gdps_rate(
    sentence: str, verdict: str
) -> None:
    assert [f.verdict for f in run("pp_change", GDP_Q3 + sentence)] == [verdict]


def test_a_named_economy_is_not_the_territorys_gdp() -> None:
    # 数字经济 is one part of the economy: its growth is not GDP's
    text = GDP_Q3 + "全市工业增加值同比增长5.3%,高于数字经济增速0.4个百分点。"
    assert [f.verdict for f in run("pp_change", text)] == ["unverifiable"]


def test_a_list_after_qizhong_is_a_part_of_what_the_count_counts() -> None:
    # 有7个行业…增长，其中，A、B…4个行业: the list names four of the seven, it is not the seven
    text = (
        "累计增加值排名前10的行业中,有7个行业增加值实现增长,其中,石油、煤炭及其他燃料加工业,"
        "非金属矿物制品业,有色金属冶炼和压延加工业,电气机械和器材制造业4个行业增加值分别增长12.5%、"
        "21.3%、10.2%、94.1%。"
    )
    assert [f for f in run("enumeration", text) if f.stated == "7个"] == []


@pytest.mark.parametrize(
    ("sentence", "verdict", "computed"),
    [
        ("全区37个工业行业大类中,31个实现增长,增长面达83.8%。", "consistent", "83.78%"),
        # 85.8% fitted only a count widened by rounding (31.5/36.5); counts of branches are exact
        ("全区37个工业行业大类中,31个实现增长,增长面达85.8%。", "inconsistent", "83.78%"),
        ("在33个工业行业大类中,仍然有18个行业利润总额同比正增长,增长面为54.5%。", "consistent", "54.55%"),
        ("38个行业大类中有21个行业增加值实现增长,增长面达55.3%。", "consistent", "55.26%"),
    ],
)
def test_the_breadth_of_growth_is_the_share_of_the_branches_that_grew(
    sentence: str, verdict: str, computed: str
) -> None:
    # 增长面: of the branches counted before 中, those counted after it; both counts are exact
    # (37 branches are 37, not anything that rounds to 37)
    assert [(f.verdict, f.computed) for f in run("share", sentence)] == [(verdict, computed)]


def test_a_breadth_without_its_counts_is_not_read() -> None:
    assert run("share", "一季度，全市规上工业增长面为62.5%，比上月扩大3.1个百分点。") == []


@pytest.mark.parametrize(
    ("text", "verdict", "computed"),
    [
        # 比2月份 in a text that names no year: February of the value's own year, the base of 环比
        ("3月份全市财政支出46.06亿元,比2月份增加23.12亿元,环比增长100.8%。", "consistent", "100.78%"),
        ("3月份全市财政支出46.06亿元,比2月份增加23.12亿元,环比增长90.8%。", "inconsistent", "100.78%"),
        # 比上年12月: December of the year before, the base of 同比 in a December
        ("2023年12月，出口300亿元，比上年12月增加30亿元，同比增长11.1%。", "consistent", "11.11%"),
    ],
)
def test_a_change_since_a_named_month_checks_the_growth_over_that_month(
    text: str, verdict: str, computed: str
) -> None:
    assert [(f.verdict, f.computed) for f in run("yoy_growth", text)] == [(verdict, computed)]


@pytest.mark.parametrize(("count", "verdict"), [("4", "consistent"), ("3", "inconsistent")])
def test_a_count_is_the_number_of_values_its_fenbie_list_gives(count: str, verdict: str) -> None:
    # the names are set apart by commas (each holds 、); the four values after 分别 count them
    text = (
        "其中,石油、煤炭及其他燃料加工业,非金属矿物制品业,有色金属冶炼和压延加工业,电气机械和器材制造业"
        f"{count}个行业增加值分别增长12.5%、21.3%、10.2%、94.1%。"
    )
    assert [(f.verdict, f.computed) for f in run("enumeration", text)] == [(verdict, "4")]


@pytest.mark.parametrize(("total", "verdict"), [("14.1", "consistent"), ("12.1", "inconsistent")])
def test_retail_sales_are_the_sum_of_those_above_and_below_the_threshold(total: str, verdict: str) -> None:
    # 限额以上 and 限额以下 make up 社会消费品零售总额: its growth from theirs
    text = (
        f"社会消费品零售总额401.46亿元,负增长{total}%。其中,限额以上消费品零售总额111.20亿元,"
        "负增长19.4%;限额以下消费品零售总额290.26亿元,负增长11.9%。"
    )
    assert [f.verdict for f in run("sum", text) if f.stated.endswith("%")] == [verdict]


@pytest.mark.parametrize(("count", "verdict"), [("十", "consistent"), ("九", "inconsistent")])
def test_a_count_is_the_number_of_things_listed_in_brackets_after_it(count: str, verdict: str) -> None:
    text = (
        f"1-10月,亚洲{count}国/地区(香港、澳门、台湾省、日本、菲律宾、泰国、马来西亚、新加坡、印尼和韩国)"
        "对华实际投入外资金额836.3亿美元。"
    )
    assert [(f.verdict, f.computed) for f in run("enumeration", text)] == [(verdict, "10")]


@pytest.mark.parametrize(
    "text", ["三大门类中，采矿业、制造业等行业增长5%。", "三个地区(东部、中部等)投资增长5%。"]
)
def test_a_list_left_open_with_deng_after_the_count_is_not_counted(text: str) -> None:
    # 等 after the list: some of the three are named, not all
    assert run("enumeration", text) == []


@pytest.mark.parametrize(("growth", "verdict"), [("15.35", "consistent"), ("17.35", "inconsistent")])
def test_a_change_written_right_after_the_growth_is_its_increment(growth: str, verdict: str) -> None:
    # the fiscal releases' order: 较上年同期增长15.35%，增收25457万元 (25457 / (191347 − 25457))
    text = f"截至4月底,全市财政总收入完成191347万元,较上年同期增长{growth}%,增收25457万元。"
    assert [(f.verdict, f.computed) for f in run("yoy_growth", text)] == [(verdict, "15.35%")]


def test_a_change_of_another_thing_after_the_growth_is_not_its_increment() -> None:
    text = "全市财政总收入完成191347万元,较上年同期增长17.35%,支出增加25457万元。"
    assert [f.verdict for f in run("yoy_growth", text)] == ["unverifiable"]


@pytest.mark.parametrize(("total", "verdict"), [("316580", "consistent"), ("318580", "inconsistent")])
def test_another_budgets_revenue_in_a_qizhong_sentence_is_not_a_part(total: str, verdict: str) -> None:
    # 政府性基金预算收入 and 国有资本经营收入 are other budgets than 一般公共预算 (预算法's four)
    text = (
        f"6月,全区一般公共预算收入累计完成{total}万元,增长17.2%,其中:税收收入累计完成238998万元,"
        "增长9.7%;非税收入累计完成77582万元,增长48.1%;政府性基金预算收入1616万元;"
        "国有资本经营收入1868万元。"
    )
    assert [(f.verdict, f.computed) for f in run("sum", text) if f.stated.endswith("万元")] == [
        (verdict, "316580")
    ]


@pytest.mark.parametrize(("growth", "verdict"), [("10.7", "consistent"), ("12.7", "inconsistent")])
def test_growth_after_a_share_of_the_budget_is_the_amounts(growth: str, verdict: str) -> None:
    # 占年初预算数的56.3% says how far the revenue has come; 同比增长 is the revenue's (5939 / 55707)
    text = (
        "1-6月份全区一般公共预算收入累计完成61646万元,占年初预算数109466万元的56.3%,"
        f"同比增长{growth}%,增收5939万元。"
    )
    assert [(f.verdict, f.computed) for f in run("yoy_growth", text)] == [(verdict, "10.66%")]


def test_last_years_trade_balance_is_not_this_years_exports_less_imports() -> None:
    # a customs release: 去年同期为逆差433亿元 is last year's balance, of last year's trade (not given)
    text = (
        "1-2月中国外贸进出口总值5.44万亿元,同比增长32.2%。其中,出口3.06万亿元,同比增长50.1%;"
        "进口2.38万亿元,同比增长14.5%;贸易顺差6758.6亿元,去年同期为逆差433亿元。"
    )
    assert [(f.stated, f.verdict) for f in run("difference", text) if f.verdict != "unverifiable"] == [
        ("贸易顺差6758.6亿元", "consistent")
    ]


def test_a_real_two_year_average_is_not_the_root_of_a_nominal_growth() -> None:
    # NBS income release: 14.3% is nominal (名义增速), so 两年平均实际增长5.1% cannot come from it
    text = (
        "2021年,全国居民人均可支配收入35128元,比上年名义增长9.1%,扣除价格因素,实际增长8.1%;"
        "比2019年增长(以下如无特别说明,均为同比名义增速)14.3%,两年平均增长6.9%,扣除价格因素,"
        "两年平均实际增长5.1%。"
    )
    assert [(f.stated, f.verdict) for f in run("compound_growth", text)] == [
        ("年平均增长6.9%", "consistent"),
        ("年平均实际增长5.1%", "unverifiable"),
    ]


@pytest.mark.parametrize(("cost", "verdict"), [("84.86", "consistent"), ("86.86", "inconsistent")])
def test_the_cost_per_hundred_yuan_of_revenue_is_cost_over_revenue(cost: str, verdict: str) -> None:
    # the statistics bureau's definition: 营业成本 ÷ 营业收入 × 100 (16.38 / 19.30 × 100 = 84.87元)
    text = (
        "1-2月份,规模以上工业企业实现营业收入19.30万亿元,同比下降1.3%;发生营业成本16.38万亿元,下降0.2%。"
        f"1-2月份,规模以上工业企业每百元营业收入中的成本为{cost}元,同比增加0.90元。"
    )
    found = [(f.verdict, f.computed) for f in run("share", text) if "每百元" in f.stated]
    assert found == [(verdict, "84.87元")]


@pytest.mark.parametrize(("total", "verdict"), [("8641", "consistent"), ("8841", "inconsistent")])
def test_qizhong_opening_a_line_goes_on_from_the_line_before(total: str, verdict: str) -> None:
    # a release set one sentence a line: 其中去程…；回程… are parts of the total on the line above,
    # and take its period (今年1至6月), their own line naming none
    text = (
        f"今年1至6月,中欧班列累计开行{total}列,发送货物93.6万标箱,同比分别增长16%、30%。\n"
        "其中去程4620列、49.9万标箱,同比分别增长16%、29%;回程4021列、43.7万标箱,同比分别增长16%、31%。\n"
    )
    assert [(f.verdict, f.computed) for f in run("sum", text) if f.stated.endswith("列")] == [
        (verdict, "8641")
    ]


@pytest.mark.parametrize(("jin", "verdict"), [("2916", "consistent"), ("2961", "inconsistent")])
def test_a_bracket_restates_a_value_in_another_legal_unit(jin: str, verdict: str) -> None:
    # 1吨 = 2000斤: 14582万吨 = 2916.4亿斤; and the bracket is not the value the growth is of
    text = f"今年我国夏粮总产量14582万吨({jin}亿斤),比2020年增加296.7万吨(59.3亿斤),增长2.1%。"
    assert [(f.stated, f.verdict) for f in run("conversion", text)] == [
        (f"{jin}亿斤", verdict),
        ("59.3亿斤", "consistent"),
    ]
    assert [(f.verdict, f.computed) for f in run("yoy_growth", text)] == [("consistent", "2.08%")]


def test_a_share_of_the_total_increase_is_of_the_things_own_increase() -> None:
    # 占全国夏粮增产总量的60%: 186 / 312 (夏粮 比上年增加312万吨), not 186 / 262 (one cause of it)
    text = (
        "2011年全国夏粮总产量为12627万吨,比上年增加312万吨,增产2.5%。"
        "2011年,全国夏粮因单产提高增产粮食262万吨。"
        "2011年,西南四省市共增产夏粮186万吨,约占全国夏粮增产总量的60%。"
    )
    assert [(f.verdict, f.computed) for f in run("share", text)] == [("consistent", "59.62%")]


def test_a_share_of_an_all_inclusive_total_is_not_of_the_statistics_bureaus_total() -> None:
    # 全口径 (all plants) is another figure than 统计局's 全国发电量 (规模以上 plants): not given here
    text = (
        "2020年,全国发电量77790.6亿千瓦时,同比增长3.7%。"
        "全国全口径非化石能源发电量2.58万亿千瓦时,同比增长7.9%,占全国全口径发电量的比重为33.9%。"
    )
    assert [f.verdict for f in run("share", text)] == ["unverifiable"]


@pytest.mark.parametrize(("daily", "verdict"), [("227.2", "consistent"), ("247.2", "inconsistent")])
def test_a_day_of_the_month_is_not_a_count_of_days(daily: str, verdict: str) -> None:
    # 11月15日 dates the release; 10月 has 31 days: 7044 / 31 = 227.2
    text = (
        f"11月15日,国家统计局发布数据。2023年10月份,发电量7044亿千瓦时,同比增长5.2%,日均发电{daily}亿千瓦时。"
    )
    assert [(f.verdict, f.computed) for f in run("average", text)] == [(verdict, "227.2258亿千瓦时")]


def test_an_undated_month_other_than_february_has_its_days() -> None:
    text = "11月15日,国家统计局发布数据。10月份,发电量7044亿千瓦时,同比增长5.2%,日均发电227.2亿千瓦时。"
    assert [(f.verdict, f.computed) for f in run("average", text)] == [("consistent", "227.2258亿千瓦时")]


def test_a_value_in_brackets_after_a_part_is_not_another_part() -> None:
    # （含本科层次职业学校21所）is inside 本科院校's 1270, not a third part of the 2738 (a list of
    # parts not known to be complete is reported only when it adds up)
    text = (
        "全国共有普通高校2738所,比上年增加50所。其中本科院校1270所(含本科层次职业学校21所),"
        "比上年增加5所;高职(专科)院校1468所,比上年增加45所。"
    )
    assert [(f.verdict, f.computed) for f in run("sum", text) if f.stated.endswith("所")][:1] == [
        ("consistent", "2738")
    ]


def test_a_per_person_value_is_never_compared_with_the_total() -> None:
    text = (
        "全县地区生产总值由2012年的85.6亿元增加到2022年的186.4亿元。"
        "人均地区生产总值达到6.2万元，是2012年的2.1倍。"
    )
    # 人均地区生产总值 in 2012 is not written: nothing to compare, and never 6.2万元 ÷ 85.6亿元
    assert [f.verdict for f in run("multiple", text) if "2.1倍" in f.stated] == ["unverifiable"]


@pytest.mark.parametrize(("then", "verdict"), [("8563", "consistent"), ("12563", "inconsistent")])
def test_the_years_a_comparison_spans_are_not_the_value_that_grew(then: str, verdict: str) -> None:
    text = f"全市农村居民人均可支配收入从2012年的{then}元增加到2022年的19876元，10年间翻了一番多。"
    f = only("multiple", text)
    assert f.verdict == verdict
