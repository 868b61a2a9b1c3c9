"""An unverifiable finding says what is missing: the base value, the whole, the years, the rate…"""

from __future__ import annotations

from typing import Any

import pytest

from zhiku.claims import check_text
from zhiku.data import bundled_store


@pytest.fixture(scope="module")
def store() -> Any:
    return bundled_store()


@pytest.mark.parametrize(
    ("text", "relation", "names"),
    [
        # the base value, for its year and by its name
        ("2023年，全市出口额1286.5亿元，比上年增长6.3%。", "yoy_growth", ["2022年", "全市出口额"]),
        # the whole of a share, by the name the text gives it
        (
            "2023年，全市民营企业进出口3920.6亿元，占全省进出口总值的63.1%。",
            "share",
            ["分母", "全省进出口总值"],
        ),
        # the years of an average growth
        ("全市研发经费投入由186.5亿元增至312.8亿元，年均增长10.9%。", "compound_growth", ["起止年份"]),
        # the starting value of an average growth whose years are known
        (
            "2023年，全市研发经费投入312.8亿元，2018—2023年年均增长10.9%。",
            "compound_growth",
            ["2018年", "起点"],
        ),
        # the exchange rate
        ("1990年合同额100亿美元，折合人民币478亿元。", "conversion", ["1990年", "汇率"]),
        # the year of a weekday
        ("会晤于11月16日（星期三）举行。", "weekday", ["年份"]),
        # real against nominal growth: what kind of number is missing
        (
            "2023年全市地区生产总值6520.3亿元，按可比价格计算，比上年增长5.6%。",
            "yoy_growth",
            ["名义", "实际"],
        ),
        # the rate of the base period
        ("2023年，全省城镇调查失业率比上年下降0.3个百分点。", "pp_change", ["2022年", "城镇调查失业率"]),
        # the value of the base period
        ("2023年，全市常住人口比上年末增加11.5万人。", "difference", ["2022年末", "全市常住人口"]),
    ],
)
def test_unverifiable_names_what_is_missing(text: str, relation: str, names: list[str], store: Any) -> None:
    found = [f for f in check_text(text, "m.txt", store=store) if f.relation == relation]
    assert [f.verdict for f in found] == ["unverifiable"], found
    for name in names:
        assert name in found[0].missing, (name, found[0].missing)
    assert found[0].computed == "—"
