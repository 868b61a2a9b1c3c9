"""The issue page on a phone (375 px) and a desktop (1280 px), in Debian's Chromium: chart text
never below 11 CSS px, body text at least 16 px, no sideways scrolling of the page.

A figure is an SVG whose text is outlined (no font needed), each outline keeping the size it was
drawn at (``data-font-size``); the size a reader sees is that times the scale the page shows the
SVG at (its rendered width over its own width). Below 600 px the page shows the figure drawn for
a phone (``<picture>``): narrower, fewer axis labels.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from chromium import ARGS, CHROMIUM, MISSING
from test_render_support import ARTIFACTS, example_issue

from zhiku.render import render_issue
from zhiku.site.server import make_server

DATE = "2021-11-22"
OUT = ARTIFACTS / "phone"

# For each figure on the page: the picture shown, its rendered width, its own width (viewBox) and
# the smallest text size it was drawn with.
FIGURE_TEXT = """async () => {
  const out = [];
  for (const img of document.querySelectorAll("figure.figure img")) {
    img.scrollIntoView();
    await img.decode();
    const text = await (await fetch(img.currentSrc)).text();
    const svg = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = svg.documentElement;
    const sizes = [...svg.querySelectorAll("[data-font-size]")]
      .map((e) => parseFloat(e.getAttribute("data-font-size")));
    const own = parseFloat(root.getAttribute("viewBox").split(/\\s+/)[2]);
    const shown = img.getBoundingClientRect().width;
    out.push({src: img.currentSrc, shown, own, smallest: Math.min(...sizes), texts: sizes.length});
  }
  return out;
}"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("phone")
    publication, issue, store = example_issue(base / "pub")
    render_issue(publication, issue, base / "site", store=store, findings=[])  # type: ignore[arg-type]
    server = make_server(base / "site", "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/{DATE}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_chart_text_is_never_below_11_css_px(served: str, browser: object, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=2)  # type: ignore[attr-defined]
    page.goto(served + "index.html")
    figures = page.evaluate(FIGURE_TEXT)
    assert len(figures) == 3
    for f in figures:
        assert f["texts"] > 5, f  # the outlines carry their sizes
        seen = f["smallest"] * f["shown"] / f["own"]
        assert seen >= 11, f"{f['src']}: text shown at {seen:.1f} px at a {width} px window"
        assert ("-phone.svg" in f["src"]) == (width < 600), f["src"]
    OUT.mkdir(parents=True, exist_ok=True)
    page.locator("figure.figure").first.scroll_into_view_if_needed()
    page.screenshot(path=str(OUT / f"figure-{width}.png"))
    page.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_no_sideways_scrolling_and_legible_body(served: str, browser: object, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    for name in ("index.html", "zhong-mei-yuan-shou-hui-wu-zhong-mei.html", "wechat/index.html"):
        page.goto(served + name)
        for details in page.locator("details").all():  # the figures' data tables, opened
            details.evaluate("d => d.open = true")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        # the article's paragraphs (on the WeChat page: the justified ones; captions and notes aside)
        body = page.evaluate(
            "Math.min(...[...document.querySelectorAll("
            "'.article-body p:not(.figure-source), #wx-content p[style*=justify]')]"
            ".map(p => parseFloat(getComputedStyle(p).fontSize)))"
        )
        assert body >= 16, (name, body)
    page.close()


# ------------------------------------------------------------------ wide tables on a phone

WIDE_TABLE = """---
title: 宽表
slug: wide-table
---

## 一、数据

表1 中欧班列主要指标

| 年份 | 开行数量（列） | 同比增长（%） | 发运货物（万标箱） | 综合重箱率（%） |
| --- | --- | --- | --- | --- |
| 2018年 | 6300 | 73.0 | 49.4 | 88.0 |
| 2019年 | 8225 | 30.6 | 72.5 | 94.0 |
| 2020年 | 12400 | 50.0 | 113.5 | 98.4 |
"""

TABLE_LAYOUT = """() => {
  const table = document.querySelector(".article-body table");
  const wrap = table.parentElement;
  const cells = [...table.querySelectorAll("th, td")];
  const first = table.querySelector("tbody tr td, tbody tr th");
  return {
    pageWidth: document.documentElement.scrollWidth,
    wrapScrolls: wrap.scrollWidth > wrap.clientWidth,
    wrapOverflow: getComputedStyle(wrap).overflowX,
    smallestFont: Math.min(...cells.map((c) => parseFloat(getComputedStyle(c).fontSize))),
    // a cell shows at least two characters a line: never one character per line
    narrowest: Math.min(...cells.map(
      (c) => c.getBoundingClientRect().width / parseFloat(getComputedStyle(c).fontSize))),
    firstSticky: getComputedStyle(first).position,
  };
}"""


@pytest.fixture(scope="module")
def table_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from test_site_support import example_publication

    from zhiku.site import build_site

    base = tmp_path_factory.mktemp("table")
    pub = example_publication(base / "pub")
    (pub / "issues" / DATE / "03-wide-table.md").write_text(WIDE_TABLE, encoding="utf-8")
    yml = pub / "issues" / DATE / "issue.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "- 03-wide-table.md\n", encoding="utf-8")
    build_site(pub, base / "site")
    server = make_server(base / "site", "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/{DATE}/wide-table.html"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("width", [375, 1280])
def test_a_wide_table_scrolls_in_its_box_not_the_page(table_site: str, browser: object, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    page.goto(table_site)
    layout = page.evaluate(TABLE_LAYOUT)
    assert layout["pageWidth"] <= width, layout
    assert layout["smallestFont"] >= 13, layout
    if width == 375:
        assert layout["wrapOverflow"] in ("auto", "scroll"), layout
    OUT.mkdir(parents=True, exist_ok=True)
    page.locator(".article-body table").scroll_into_view_if_needed()
    page.screenshot(path=str(OUT / f"wide-table-{width}.png"))
    page.close()


def test_a_wide_table_on_a_phone_keeps_its_first_column_and_whole_words(
    table_site: str, browser: object
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 900})  # type: ignore[attr-defined]
    page.goto(table_site)
    layout = page.evaluate(TABLE_LAYOUT)
    assert layout["wrapScrolls"], layout
    assert layout["firstSticky"] == "sticky", layout
    assert layout["narrowest"] >= 2, layout
    # Scrolled sideways, the first column stays where it was and the last one comes into view.
    moved = page.evaluate(
        """() => {
          const wrap = document.querySelector(".article-body table").parentElement;
          const first = wrap.querySelector("tbody td");
          const last = wrap.querySelector("tbody td:last-child");
          const before = [first.getBoundingClientRect().left, last.getBoundingClientRect().right];
          wrap.scrollLeft = wrap.scrollWidth;
          const after = [first.getBoundingClientRect().left, last.getBoundingClientRect().right];
          return {before, after, right: wrap.getBoundingClientRect().right};
        }"""
    )
    assert abs(moved["after"][0] - moved["before"][0]) < 1, moved
    assert moved["before"][1] > moved["right"] >= moved["after"][1] - 1, moved
    page.close()
