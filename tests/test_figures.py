"""Figures drawn from the store: the example's three figures, numbering, SVG/PNG, bad blocks."""

from __future__ import annotations

import json
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from zhiku.data import Store, open_store
from zhiku.errors import ZhikuError
from zhiku.figures import RenderedFigure, render_article_figures, resolve, vega_lite_spec
from zhiku.figures.raster import png_pixels
from zhiku.model import Article, Figure
from zhiku.render.wechat import png_size
from zhiku.sources import parse_article, read_publication

sys.path.insert(0, str(Path(__file__).parent))
from figure_parity import mean_difference, reference_svg, rgba_pixels

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "runwaysys"
Example = tuple[list[Article], Store]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Article], Store]:
    root = tmp_path_factory.mktemp("ex") / "runwaysys"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku"))
    pub = read_publication(root)
    return list(pub.issues[0].articles), open_store(root)


@pytest.fixture(scope="module")
def figures(example: Example) -> list[list[RenderedFigure]]:
    articles, store = example
    return [render_article_figures(a, store) for a in articles]


def test_example_has_three_figures_numbered_per_article(figures: list[list[RenderedFigure]]) -> None:
    assert [[f.caption for f in article] for article in figures] == [
        ["图1 美国历年通货膨胀率"],
        [
            "图1 中国在“一带一路”沿线国家承包工程新签合同额与完成营业额（2013年与2019年）",
            "图2 中欧班列开行数量（2018—2020年）",
        ],
    ]
    for article in figures:
        for f in article:
            assert f.source_line.startswith("资料来源：") and len(f.source_line) > 6
            assert f.block.source.line < 1000


def test_inflation_figure_is_bls_1960_to_2021(figures: list[list[RenderedFigure]], example: Example) -> None:
    _, store = example
    fig = figures[0][0]
    assert fig.source_line == "资料来源：美国劳工统计局（BLS），CPI-U 年均值同比"
    assert fig.columns == ("年份", "美国通货膨胀率（CPI-U年均值同比，%）")
    assert [r[0] for r in fig.rows] == [str(y) for y in range(1960, 2022)]
    table = {row[0]: row[1] for row in fig.rows}
    assert (table["1980"], table["2009"], table["2021"], table["1961"]) == ("13.5", "−0.4", "4.7", "1.0")
    for period, text in fig.rows:
        assert float(text.replace("−", "-")) == store.value("us.cpi_u.inflation.annual", period)
    plotted = {d["period"]: d["value"] for d in json.loads(fig.spec)["data"]["values"]}
    assert plotted == dict(store.observations("us.cpi_u.inflation.annual", 1960, 2021))
    assert "1980年的13.5%" in fig.description and "2009年的−0.4%" in fig.description


def test_belt_and_road_figures_plot_only_the_years_the_seed_gives(
    figures: list[list[RenderedFigure]], example: Example
) -> None:
    _, store = example
    contracts, trains = figures[1]
    assert contracts.columns == ("年份", "新签合同额（亿美元）", "完成营业额（亿美元）")
    assert contracts.rows == (("2013", "715.7", "654.0"), ("2019", "1548.9", "979.8"))
    assert trains.columns == ("年份", "中欧班列开行数量（列）")
    assert trains.rows == (("2018", "6300"), ("2019", "8225"), ("2020", "12400"))
    assert "兰瑞智库《政策观察》2021年11月22日" in trains.source_line
    for fig in (contracts, trains):
        for d in json.loads(fig.spec)["data"]["values"]:
            sid = {
                "新签合同额": "bri.contracting.new_contracts",
                "完成营业额": "bri.contracting.turnover",
                "中欧班列开行数量": "china_europe_rail.trains",
            }[d["series"]]
            assert d["value"] == store.value(sid, d["period"])
    assert "亿美元" in json.loads(contracts.spec)["layer"][0]["encoding"]["y"]["title"]
    # Labels on the bars repeat the numbers as the article writes them.
    labels = {d["label"] for d in json.loads(contracts.spec)["data"]["values"]}
    assert labels == {"715.7", "654", "1548.9", "979.8"}


def test_svg_is_self_contained_with_title_and_desc(figures: list[list[RenderedFigure]]) -> None:
    for fig in (f for article in figures for f in article):
        root = ET.fromstring(fig.svg)
        assert root[0].tag == f"{SVG}title" and root[0].text == fig.caption
        assert root[1].tag == f"{SVG}desc" and root[1].text == fig.description
        assert root.get("role") == "img"
        # Text is outlined: nothing depends on a font being installed where it is shown.
        assert not list(root.iter(f"{SVG}text"))
        assert "font-family" not in fig.svg and "@font-face" not in fig.svg
        # Axis labels, the axis title and any value labels, each as outlines of its size.
        assert len([p for p in root.iter(f"{SVG}path") if p.get("data-font-size")]) >= 10
        # The PNG (WeChat, e-mail) is the SVG at twice its size in CSS pixels.
        width, height = (float(root.get(k) or 0) for k in ("width", "height"))
        assert png_size(fig.png) == (round(2 * width), round(2 * height))
        assert fig.phone_svg and png_size(fig.phone_png) == png_pixels(fig.phone_svg)


def test_png_is_the_svg_as_resvg_draws_it(figures: list[list[RenderedFigure]]) -> None:
    """Typst rasterises the figures (it releases the GIL, see zhiku.figures.raster): its PNG is
    the picture vl-convert's resvg draws of the same SVG, pixel for pixel within anti-aliasing."""
    import vl_convert

    fig = figures[0][0]
    reference = bytes(vl_convert.svg_to_png(fig.phone_svg, scale=2.0))
    assert mean_difference(fig.phone_png, reference) <= 1.0
    # And it is a picture of the chart, not a blank page: most of it white, the bars coloured.
    _, _, pixels = rgba_pixels(fig.phone_png)
    colours = {pixels[i : i + 3] for i in range(0, len(pixels), 4 * 97)}
    assert b"\xff\xff\xff" in colours and len(colours) > 20


def test_year_axis_labels_are_years_not_thousands(example: Example) -> None:
    articles, store = example
    block = next(b for b in articles[0].walk_blocks() if isinstance(b, Figure))
    spec = vega_lite_spec(block, resolve(block, store))
    # vl-convert's drawing of the spec, which the native drawing matches (test_figure_parity.py).
    raw = reference_svg(spec)
    assert ">1960<" in raw and ">2020<" in raw and "1,960" not in raw
    assert ">单位：%<" in raw


ARTICLE = """---
title: 测试
---

导语。

```figure
title: 甲
series: fx.usd_cny.annual
from: 2018
to: 2020
```

## 一、节

```figure
title: 乙
series: [us.cpi_u.inflation.monthly_yoy]
from: 2021-01
to: 2021-12
```

### 1、小节

```figure
title: 丙
series: us.cpi_u.inflation.annual
kind: line
from: 2019
```
"""


def test_numbering_follows_reading_order(tmp_path: Path, example: Example) -> None:
    _, store = example
    article = parse_article(ARTICLE, tmp_path / "a.md")
    figs = render_article_figures(article, store)
    assert [(f.caption, f.block.source.line) for f in figs] == [("图1 甲", 7), ("图2 乙", 16), ("图3 丙", 25)]
    assert figs[0].rows == (("2018", "6.6174"), ("2019", "6.8985"), ("2020", "6.8976"))
    assert figs[1].columns[0] == "月份" and figs[1].rows[9] == ("2021-10", "6.2")
    assert json.loads(figs[2].spec)["layer"][0]["mark"]["type"] == "line"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("title: 错\nseries: us.cpi_u.inflation.anual\n", "us.cpi_u.inflation.annual"),
        ("title: 错\nseries: us.cpi_u.inflation.annual\nkind: pie\n", "pie"),
        ("title: 错\nseries: us.cpi_u.inflation.annual\nfrom: 一九六〇\n", "from"),
        ("title: 错\nseries: us.cpi_u.inflation.annual\nfrom: 1800\nto: 1850\n", "1800"),
        ("title: 错\nseries: [us.cpi_u.inflation.annual, fx.usd_cny.annual]\n", "unit"),
        ("title: 错\nseries: [us.cpi_u.inflation.annual, us.cpi_u.inflation.monthly_yoy]\n", "frequenc"),
    ],
)
def test_bad_figure_block_names_file_and_line(
    tmp_path: Path, example: Example, body: str, fragment: str
) -> None:
    _, store = example
    path = tmp_path / "bad.md"
    article = parse_article(f"---\ntitle: 测试\n---\n\n正文。\n\n```figure\n{body}```\n", path)
    with pytest.raises(ZhikuError) as e:
        render_article_figures(article, store)
    assert e.value.file == path and e.value.line == 7
    assert fragment in e.value.message and " / " in e.value.message


def test_figure_without_series_is_a_placeholder_and_a_warning(tmp_path: Path, example: Example) -> None:
    """The format promises that a figure with no series waits for its data: it builds, with its
    caption and a "数据待补 / data to come" drawing, and the editor is warned (was an error)."""
    _, store = example
    path = tmp_path / "wait.md"
    text = "---\ntitle: 测试\n---\n\n正文。\n\n```figure\ntitle: 等数据\nsource: 海关总署\n```\n"
    article = parse_article(text, path)
    with pytest.warns(UserWarning, match=r"wait\.md:7: 图1“等数据”还没有数据") as caught:
        (fig,) = render_article_figures(article, store)
    assert "data to come" in str(caught[0].message)
    assert fig.waiting and fig.caption == "图1 等数据" and fig.source_line == "资料来源：海关总署"
    assert "<svg" in fig.svg and fig.png.startswith(b"\x89PNG") and fig.rows == ()


@pytest.mark.parametrize(
    ("kind", "mark", "check"),
    [
        ("bar", "bar", lambda enc: enc["xOffset"]["field"] == "series" and enc["y"]["stack"] is None),
        ("stacked-bar", "bar", lambda enc: enc["y"]["stack"] == "zero" and "xOffset" not in enc),
        ("multi-line", "line", lambda enc: enc["color"]["legend"] is not None),
    ],
)
def test_kinds_for_several_series(
    tmp_path: Path, example: Example, kind: str, mark: str, check: object
) -> None:
    _, store = example
    text = (
        "---\ntitle: 测试\n---\n\n```figure\ntitle: 两个序列\n"
        "series: [bri.contracting.new_contracts, bri.contracting.turnover]\n"
        f"legend: 新签合同额, 完成营业额\nkind: {kind}\n```\n"
    )
    (fig,) = render_article_figures(parse_article(text, tmp_path / "k.md"), store)
    spec = json.loads(fig.spec)
    first = spec["layer"][0]
    assert first["mark"]["type"] == mark
    assert callable(check) and check(first["encoding"])
    assert first["encoding"]["color"]["scale"]["domain"] == ["新签合同额", "完成营业额"]
    assert fig.rows == (("2013", "715.7", "654.0"), ("2019", "1548.9", "979.8"))
    assert not list(ET.fromstring(fig.svg).iter(f"{SVG}text"))
