"""Numerals inside idioms, names and fixed words are not quantities; lists share their unit; the
forms of issue 19's second part (十大, 13日 after its month, ordinals, traditional script)."""

from __future__ import annotations

import pytest

from zhiku.quantities import parse_quantities
from zhiku.quantities.exceptions import ALL_WORDS, EXCEPTIONS


@pytest.mark.parametrize("word", ALL_WORDS)
def test_no_quantity_inside_an_exception_word(word: str) -> None:
    # In running text, with a real quantity beside it that must still be read.
    text = f"报告指出，{word}的提法由来已久，2021年相关投入增长12.5%。"
    at = text.index(word)
    found = parse_quantities(text)
    inside = [q for q in found if q.start < at + len(word) and q.end > at]
    assert inside == [], (word, inside)
    assert [q.text for q in found][-2:] == ["2021年", "12.5%"]


def test_the_list_is_documented_in_groups() -> None:
    assert set(EXCEPTIONS) == {"idioms", "slogans", "names"}
    for word in ("二元结构", "千百年", "一带一路", "三农", "六人普", "第一财经", "五湖四海"):
        assert word in ALL_WORDS


@pytest.mark.parametrize(
    "text",
    [
        "城乡二元结构",
        "千百年来",
        "“三农”问题",
        "六人普数据",
        "第一财经报道",
        "来自五湖四海",
        "百度公司",
        "千里迢迢",
    ],
)
def test_words_of_the_issue_are_not_quantities(text: str) -> None:
    assert parse_quantities(text) == []


def _rows(text: str) -> list[tuple[str, str, float | None, str | None]]:
    return [(q.text, q.kind, q.value, q.unit) for q in parse_quantities(text)]


def test_a_list_shares_its_trailing_unit() -> None:
    assert _rows("分别拉动经济增长2.6、0.9、1.4个百分点") == [
        ("2.6", "percent", 2.6, "pp"),
        ("0.9", "percent", 0.9, "pp"),
        ("1.4个百分点", "percent", 1.4, "pp"),
    ]
    assert _rows("东、中、西部分别增长6.7、6.9和10.7%") == [
        ("6.7", "percent", 6.7, "%"),
        ("6.9", "percent", 6.9, "%"),
        ("10.7%", "percent", 10.7, "%"),
    ]
    # The magnitude is shared too.
    assert _rows("投资12、13亿元") == [("12", "money", 12e8, "CNY"), ("13亿元", "money", 13e8, "CNY")]


def test_lists_of_months_and_quarters() -> None:
    assert [q.iso for q in parse_quantities("4、5、6月")] == ["--04", "--05", "--06"]
    found = parse_quantities("4、5、6三个月")
    assert [q.iso for q in found[:3]] == ["--04", "--05", "--06"]
    assert (found[3].text, found[3].kind, found[3].value, found[3].unit) == ("三个月", "duration", 3, "month")
    assert [(q.text, q.iso) for q in parse_quantities("三、四季度")] == [
        ("三", "--07/--09"),
        ("四季度", "--10/--12"),
    ]
    assert [q.iso for q in parse_quantities("2020、2021年")] == ["2020", "2021"]
    # Two neighbouring digits before an amount are still an approximation, not a list.
    q = parse_quantities("七、八万亿元")[0]
    assert (q.qualifier, q.low, q.high, q.high_inclusive, q.unit) == ("approx", 7e12, 8e12, True, "CNY")


def test_big_counts_and_congresses() -> None:
    assert _rows("十大行业") == [("十大", "count", 10, "大")]
    assert _rows("四大银行") == [("四大", "count", 4, "大")]
    assert [(q.kind, q.value) for q in parse_quantities("党的十大")] == [("ordinal", 10)]
    assert [(q.kind, q.value) for q in parse_quantities("学习党的二十大精神")] == [("ordinal", 20)]
    assert parse_quantities("三大于二") == []


def test_a_day_after_its_month_is_a_date() -> None:
    found = parse_quantities("《办法》于2021年11月2日发布，13日起施行，3日内报送。")
    assert [(q.text, q.iso) for q in found if q.kind == "date"] == [
        ("2021年11月2日", "2021-11-02"),
        ("13日", "2021-11-13"),
    ]
    assert [q.kind for q in parse_quantities("13日")] == []  # no month named: not read


@pytest.mark.parametrize(("text", "value"), [("第二天", 2), ("第一件事", 1), ("第十四届", 14), ("第3名", 3)])
def test_ordinals_stay_ordinals(text: str, value: int) -> None:
    (q,) = parse_quantities(text)
    assert (q.kind, q.value, q.unit) == ("ordinal", value, None)


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("投資總額達1.2億元", "投资总额达1.2亿元"),
        ("七十五萬個百分點", "七十五万个百分点"),
        ("增長2.1個百分點", "增长2.1个百分点"),
        ("約3000萬美元", "约3000万美元"),
        ("超過三成", "超过三成"),
        ("不低於6.5%", "不低于6.5%"),
        ("以內", "以内"),
        ("百餘家", "百余家"),
        ("十幾億", "十几亿"),
        ("兩三千個", "两三千个"),
    ],
)
def test_traditional_script_reads_as_simplified(traditional: str, simplified: str) -> None:
    def strip(qs: list[object]) -> list[tuple[object, ...]]:
        return [
            tuple(
                getattr(q, f) for f in ("start", "end", "kind", "value", "low", "high", "unit", "qualifier")
            )
            for q in qs
        ]

    assert strip(parse_quantities(traditional)) == strip(parse_quantities(simplified))  # type: ignore[arg-type]
