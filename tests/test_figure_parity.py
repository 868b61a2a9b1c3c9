"""zhiku draws its charts itself (zhiku.figures.draw); vl-convert drawing the figure's Vega-Lite
spec is the reference. For each case both drawings must agree, part by part: the SVG's size
(±1 px), the y axis' tick labels (the same texts in the same order), tick and grid lines, every
bar's edges, every line vertex and point, the value labels, the axis title and the legend
(texts and places), all within 1 px; and rasterised alike, the mean difference per colour
channel must stay small (0.1 of 255; 0.5 where there is a zero rule, which vl-convert draws once
per data row on top of itself, so its anti-aliased edge comes out darker at 1×).
"""

from __future__ import annotations

import math
import shutil
import sys
from pathlib import Path

import pytest
import vl_convert

from zhiku.data import open_store
from zhiku.data.model import SeriesInfo
from zhiku.figures import render_article_figures, resolve
from zhiku.figures.draw import draw_svg, draw_waiting
from zhiku.figures.render import WAITING_TEXT, _waiting_spec
from zhiku.figures.spec import PHONE, WIDE, FigureData, Layout, chart_plan, vega_lite_spec
from zhiku.model import Figure, SourceRef
from zhiku.sources import read_publication

sys.path.insert(0, str(Path(__file__).parent))
from figure_parity import differences, mean_difference, outline_svg_text, read_chart, reference_svg

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "runwaysys"
LAYOUTS = {"wide": WIDE, "phone": PHONE}
PIXELS = 0.1  # mean absolute difference per channel, of 255
PIXELS_WITH_ZERO_RULE = 0.5


def _data(
    kind: str, names: list[str], frequency: str, series: list[dict[str, float]], unit: str
) -> FigureData:
    infos = tuple(
        SeriesInfo(f"s{i}", n, n, unit, frequency, "src", "", "", "", "x.csv") for i, n in enumerate(names)
    )
    periods = tuple(sorted(set().union(*series)))
    return FigureData(kind, infos, tuple(names), unit, periods, tuple(series), "资料来源：src", (), (), "")


def _block(**options: str) -> Figure:
    return Figure("测试", ("s0",), None, tuple(options.items()), SourceRef(Path("a.md"), 1))


def _years(first: int, last: int, values: list[float]) -> dict[str, float]:
    return dict(zip((str(y) for y in range(first, last + 1)), values, strict=True))


def _months(year: int, values: list[float]) -> dict[str, float]:
    return {f"{year + i // 12}-{i % 12 + 1:02d}": v for i, v in enumerate(values)}


CASES: dict[str, tuple[Figure, FigureData]] = {
    "bar": (_block(), _data("bar", ["中欧班列"], "annual", [_years(2018, 2020, [6300, 8225, 12400])], "列")),
    "grouped bar": (
        _block(),
        _data(
            "bar",
            ["甲", "乙乙乙乙", "丙"],
            "annual",
            [
                _years(2015, 2020, [1, 2, 3, 4, 5, 6]),
                _years(2015, 2020, [2, 3, 1, 4, 2, 1]),
                _years(2015, 2020, [3, 1, 2, 2, 1, 5]),
            ],
            "%",
        ),
    ),
    "grouped bar, negatives, Latin names": (
        _block(),
        _data(
            "bar",
            ["CPI指数", "PPI", "GDP增速"],
            "annual",
            [
                {"2019": 2.9, "2020": 2.5},
                {"2019": -0.3, "2020": -1.8},
                {"2019": 6.0, "2020": 2.3},
            ],
            "%",
        ),
    ),
    "long legend": (
        _block(),
        _data(
            "bar",
            ["中国对外直接投资流量", "外商直接投资实际使用金额", "CPI指数"],
            "annual",
            [
                {"2019": 1369.1, "2020": 1537.1},
                {"2019": 1412.3, "2020": 1443.7},
                {"2019": 900.5, "2020": 1000.2},
            ],
            "亿美元",
        ),
    ),
    "stacked bar": (
        _block(),
        _data(
            "stacked-bar",
            ["出口", "进口"],
            "annual",
            [
                _years(2016, 2020, [10, 12, 15, 14, 18]),
                _years(2016, 2020, [8, 9, 11, 10, 13]),
            ],
            "万亿元",
        ),
    ),
    "stacked bar, thin segments": (
        _block(),
        _data(
            "stacked-bar",
            ["一", "二", "三"],
            "annual",
            [
                _years(2018, 2021, [50, 60, 70, 80]),
                _years(2018, 2021, [3, 4, 2, 5]),
                _years(2018, 2021, [20, 25, 30, 1]),
            ],
            "亿元",
        ),
    ),
    "stacked bar, negatives": (
        _block(),
        _data(
            "stacked-bar",
            ["出口", "进口"],
            "annual",
            [
                _years(2016, 2020, [10, -12, 15, 14, 18]),
                _years(2016, 2020, [8, 9, -11, 10, 13]),
            ],
            "万亿元",
        ),
    ),
    "single line": (
        _block(kind="line"),
        _data(
            "line",
            ["汇率"],
            "annual",
            [
                _years(2010, 2020, [6.77, 6.46, 6.31, 6.19, 6.14, 6.23, 6.64, 6.75, 6.62, 6.9, 6.9]),
            ],
            "元",
        ),
    ),
    "multi-line": (
        _block(),
        _data(
            "line",
            ["美国", "中国"],
            "annual",
            [
                _years(2000, 2020, [math.sin(i / 3) * 3 + 2 for i in range(21)]),
                _years(2000, 2020, [math.cos(i / 4) * 2 + 1 for i in range(21)]),
            ],
            "%",
        ),
    ),
    "multi-line with labels": (
        _block(labels="yes"),
        _data(
            "line",
            ["甲", "乙"],
            "annual",
            [
                {"2018": 1.0, "2019": 2.0, "2020": 3.5},
                {"2018": 2.0, "2019": 1.5, "2020": 0.5},
            ],
            "%",
        ),
    ),
    "lines with gaps": (
        _block(kind="multi-line"),
        _data(
            "line",
            ["甲", "乙"],
            "annual",
            [
                _years(2010, 2020, [float(i) for i in range(11)]),
                {"2012": 3.0, "2015": 5.0, "2019": 4.0},
            ],
            "%",
        ),
    ),
    "monthly, thinned labels": (
        _block(),
        _data("line", ["CPI"], "monthly", [_months(2018, [1.5 + math.sin(i / 5) for i in range(48)])], "%"),
    ),
    "monthly, twenty years, no points": (
        _block(),
        _data(
            "line", ["CPI"], "monthly", [_months(2000, [2 + math.sin(i / 7) * 3 for i in range(240)])], "%"
        ),
    ),
    "monthly lines, negatives": (
        _block(),
        _data(
            "line",
            ["CPI指数", "PPI"],
            "monthly",
            [
                _months(2020, [1.5 + math.sin(i / 5) for i in range(18)]),
                _months(2020, [-1.5 + math.cos(i / 5) for i in range(18)]),
            ],
            "%",
        ),
    ),
    "quarterly": (
        _block(),
        _data(
            "bar",
            ["GDP"],
            "quarterly",
            [
                {
                    f"{y}-Q{q}": v
                    for (y, q), v in zip(
                        [(y, q) for y in (2020, 2021) for q in range(1, 5)],
                        [-6.8, 3.2, 4.9, 6.5, 18.3, 7.9, 4.9, 4.0],
                        strict=True,
                    )
                },
            ],
            "%",
        ),
    ),
    "negatives": (
        _block(),
        _data(
            "bar", ["增长"], "annual", [_years(2015, 2022, [2.1, -0.4, 3.3, -1.7, 0.5, -3.1, 5.7, 2.2])], "%"
        ),
    ),
    "all negative": (
        _block(),
        _data("bar", ["亏损"], "annual", [_years(2015, 2020, [-3.5, -1.2, -7.8, -0.4, -2.2, -5.0])], "亿元"),
    ),
    "a single period": (_block(), _data("bar", ["产量"], "annual", [{"2021": 42.0}], "万吨")),
    "all zero": (_block(), _data("bar", ["零"], "annual", [{"2019": 0.0, "2020": 0.0}], "%")),
    "large values": (
        _block(),
        _data("bar", ["列车"], "annual", [_years(2016, 2021, [1702, 3673, 6300, 8225, 12400, 15183])], "列"),
    ),
    "millions": (
        _block(),
        _data(
            "line",
            ["人口"],
            "annual",
            [
                _years(2015, 2020, [1374620, 1382710, 1390080, 1395380, 1400050, 1411780]),
            ],
            "万人",
        ),
    ),
    "small decimals": (
        _block(),
        _data("bar", ["比率"], "annual", [_years(2019, 2021, [0.35, 0.12, 0.27])], ""),
    ),
    "many bars, labels asked for": (
        _block(labels="yes"),
        _data("bar", ["值"], "annual", [_years(2001, 2020, [i * 1.5 + 3 for i in range(20)])], "%"),
    ),
}


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ex") / "runwaysys"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku"))
    return root


@pytest.fixture(scope="module")
def example_cases(example: Path) -> dict[str, tuple[Figure, FigureData]]:
    pub = read_publication(example)
    store = open_store(example)
    try:
        blocks = [b for a in pub.issues[0].articles for b in a.walk_blocks() if isinstance(b, Figure)]
        return {b.title: (b, resolve(b, store)) for b in blocks}
    finally:
        store.close()


def _check(block: Figure, data: FigureData, layout: Layout) -> None:
    reference = outline_svg_text(reference_svg(vega_lite_spec(block, data, layout)))
    native = draw_svg(chart_plan(block, data, layout))
    assert differences(reference, native) == []
    ref, nat = read_chart(reference), read_chart(native)
    assert (ref.width, ref.height) == (nat.width, nat.height)  # exactly, for the pixel comparison
    limit = PIXELS_WITH_ZERO_RULE if chart_plan(block, data, layout).negative else PIXELS
    assert mean_difference(vl_convert.svg_to_png(reference), vl_convert.svg_to_png(native)) <= limit


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("case", CASES)
def test_native_chart_matches_vl_convert(case: str, layout: str) -> None:
    block, data = CASES[case]
    _check(block, data, LAYOUTS[layout])


@pytest.mark.parametrize("layout", LAYOUTS)
def test_example_figures_match_vl_convert(
    example_cases: dict[str, tuple[Figure, FigureData]], layout: str
) -> None:
    assert len(example_cases) == 3
    for block, data in example_cases.values():
        _check(block, data, LAYOUTS[layout])


def test_the_comparison_sees_a_wrong_drawing() -> None:
    """The parity check is only worth something if it fails on a drawing that is off."""
    block, data = CASES["grouped bar"]
    reference = outline_svg_text(reference_svg(vega_lite_spec(block, data)))
    native = draw_svg(chart_plan(block, data))
    assert differences(reference, native.replace('fill="#c0504d"', 'fill="#c0504e"', 1))
    assert differences(reference, native.replace("translate(0.5,280.5)", "translate(2.5,280.5)"))
    other = draw_svg(chart_plan(*CASES["stacked bar"]))
    assert differences(reference, other)


def test_waiting_placeholder_text_is_where_vl_convert_put_it() -> None:
    """The placeholder's message sits where vl-convert drew it; zhiku also draws the dashed
    frame its spec asks for (vl-convert's single-mark view left it out)."""
    reference = read_chart(outline_svg_text(reference_svg(_waiting_spec())))
    native = read_chart(draw_waiting(WAITING_TEXT))
    assert (native.width, native.height) == (reference.width, reference.height)
    (ref_text,) = [i for i in reference.items if i.role == "mark-text role-mark"]
    nat_text = next(i for i in native.items if i.role == "mark-text role-mark")
    assert nat_text.d == ref_text.d
    assert abs(nat_text.x - ref_text.x) <= 1 and abs(nat_text.y - ref_text.y) <= 1


def test_render_figure_draws_natively(example: Path) -> None:
    """The build's figures are the native drawing, with the spec kept as their record."""
    pub = read_publication(example)
    store = open_store(example)
    try:
        figures = [f for a in pub.issues[0].articles for f in render_article_figures(a, store)]
    finally:
        store.close()
    for fig in figures:
        assert 'class="marks"' in fig.svg and "<text" not in fig.svg
        assert '"$schema": "https://vega.github.io/schema/vega-lite/v5.json"' in fig.spec
