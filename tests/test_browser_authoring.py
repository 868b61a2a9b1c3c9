"""The worked example's constructs in Debian's Chromium (headless, through Playwright): a wide
table scrolls sideways inside its frame on a 375 px phone, its first column held in view, its
cells never squeezed to a character a line; the page itself never scrolls sideways; the numbers
of a column end on one vertical line (decimal points aligned)."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import ARGS, CHROMIUM, MISSING

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "my-briefing"
DATE = "2021-11-29"

playwright_api = pytest.importorskip("playwright.sync_api")

WIDE = """
表2 各通道分年度开行数量与重箱率（示意） {#tbl:wide}

| 通道 | 2016年开行 | 2017年开行 | 2018年开行 | 2019年开行 | 2020年开行 | 2020年重箱率（%） | 主要出境口岸 |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 西通道 | 812 | 1,690 | 2,903 | 3,790 | 5,731 | 98.4 | 阿拉山口、霍尔果斯 |
| 中通道 | 402 | 879 | 1,513 | 1,960 | 2,958 | 97.1 | 二连浩特 |
| 东通道 | 488 | 1,104 | 1,947 | 2,475 | 3,717 | 98 | 满洲里、绥芬河 |

资料来源：示意数据。
"""


@pytest.fixture(scope="module")
def issue_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from zhiku.site import build_site

    root = tmp_path_factory.mktemp("wide") / "pub"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku"))
    article = root / "issues" / DATE / "01-ban-lie.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("## 二、展望", WIDE + "\n## 二、展望"), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        build_site(root, root.parent / "site")
    return root.parent / "site" / DATE


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(MISSING)
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def test_a_wide_table_scrolls_in_its_frame_on_a_phone(issue_dir: Path, browser: object) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})  # type: ignore[attr-defined]
    page.goto((issue_dir / "ban-lie.html").as_uri())
    frame = page.locator("#ban-lie-tbl2 .table-wrap")
    sizes = frame.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert sizes[0] > sizes[1] + 100  # wider than the phone: it scrolls …
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375  # … inside its frame, not the page
    # no cell squeezed: each is at least two characters wide, the long ones keep their words
    cells = page.locator("#ban-lie-tbl2 td, #ban-lie-tbl2 th").evaluate_all(
        "cs => cs.map(c => [c.getBoundingClientRect().width, parseFloat(getComputedStyle(c).fontSize)])"
    )
    assert all(w >= 2 * size for w, size in cells), cells
    # the first column stays in view when the frame is scrolled
    first = page.locator("#ban-lie-tbl2 tbody tr:first-child td:first-child")
    before = first.bounding_box()["x"]
    frame.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    assert abs(first.bounding_box()["x"] - before) < 1
    last = page.locator("#ban-lie-tbl2 tbody tr:first-child td:last-child")
    assert last.bounding_box()["x"] < 375  # the far columns came into view
    page.close()


def test_numbers_of_a_column_end_on_one_line(issue_dir: Path, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto((issue_dir / "ban-lie.html").as_uri())
    # 2020年重箱率: 98.4, 97.1, 98 — one number of decimals a column (issue 13): the 98 reads 98.0,
    # and the decimal points line up: the right edges of the cells' text are equal.
    rights = page.locator("#ban-lie-tbl2 tbody td:nth-child(7)").evaluate_all(
        "cs => cs.map(c => c.getBoundingClientRect().right)"
    )
    assert max(rights) - min(rights) < 0.5
    cells = page.locator("#ban-lie-tbl2 tbody td:nth-child(7)").all_inner_texts()
    assert [c.strip() for c in cells] == ["98.4", "97.1", "98.0"]
    ends = page.locator("#ban-lie-tbl2 tbody td:nth-child(7)").evaluate_all(
        "cs => cs.map(c => { const r = document.createRange(); r.selectNodeContents(c.firstChild);"
        " return r.getBoundingClientRect().right; })"
    )
    assert max(ends) - min(ends) < 0.5
    page.close()
