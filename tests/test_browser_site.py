"""The archive as a reader uses it, in Debian's Chromium driven by Playwright.

Open the index, search 中欧班列 and land on the Belt and Road article, follow the feed link,
open a topic page; search 通货膨胀 and 一带一路 too. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from zhiku.site import build_site
from zhiku.site.server import make_server

sys.path.insert(0, str(Path(__file__).parent))
from chromium import ARGS, CHROMIUM, MISSING
from test_site_support import ARTIFACTS, make_archive

# A result's own link (not the links to its sections nested under it).
TOP_RESULT = "ol.search-results > li.search-result > p.search-result-title > a.search-result-link"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=MISSING)


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    base = tmp_path_factory.mktemp("browser")
    pub = make_archive(base / "pub")
    out = base / "out"
    build_site(pub, out)
    server = make_server(out, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/", pub
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            args=ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
            locale="zh-CN",
        )
        yield context
        context.close()


def _search(page: object, query: str) -> list[str]:
    """Type ``query`` into the search box; the result titles in order."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    box = page.locator(".search-input")
    box.fill("")
    box.type(query, delay=30)
    page.wait_for_selector(TOP_RESULT, timeout=15000)
    page.wait_for_timeout(600)  # results render progressively; let the list settle
    return [t.strip() for t in page.locator(TOP_RESULT).all_inner_texts()]


def test_search_lands_on_the_belt_and_road_article(site_url: tuple[str, Path], browser: object) -> None:
    from playwright.sync_api import BrowserContext

    assert isinstance(browser, BrowserContext)
    url, _ = site_url
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page()
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    page.screenshot(path=str(ARTIFACTS / "site-index.png"), full_page=True)
    titles = _search(page, "中欧班列")
    assert titles[0] == "“一带一路”高质量发展的几个着力点", titles
    assert len(titles) == 1, titles  # 中欧班列 is only in that article
    page.screenshot(path=str(ARTIFACTS / "site-search-中欧班列.png"), full_page=True)
    page.locator(TOP_RESULT).first.click()
    page.wait_for_load_state("load")
    assert re.search(r"/2021-11-22/yi-dai-yi-lu-gao-zhi-liang-fa\.html", page.url), page.url
    assert "中欧班列" in page.locator("body").inner_text()
    assert (
        "“一带一路”高质量发展的几个着力点" in page.title()
        or "一带一路" in page.locator("h1").first.inner_text()
    )
    page.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # every article whose text holds the phrase, and no other
        ("通货膨胀", {"中美元首会晤：中美关系未来将走向何处？", "美国通胀与中美元首对话"}),
        ("一带一路", {"“一带一路”高质量发展的几个着力点", "共建“一带一路”的坚实基础"}),
        # in the 2020 issue and the seed article only
        ("台海", {"台海问题与中美合作的前提", "中美元首会晤：中美关系未来将走向何处？"}),
    ],
)
def test_chinese_search_finds_the_right_articles(
    site_url: tuple[str, Path], browser: object, query: str, expected: set[str]
) -> None:
    from playwright.sync_api import BrowserContext

    assert isinstance(browser, BrowserContext)
    url, _ = site_url
    page = browser.new_page()
    page.goto(url)
    titles = _search(page, query)
    assert set(titles) == expected, titles
    page.close()


def test_feed_link_and_topic_page(site_url: tuple[str, Path], browser: object) -> None:
    from playwright.sync_api import BrowserContext

    assert isinstance(browser, BrowserContext)
    url, _ = site_url
    page = browser.new_page()
    page.goto(url)
    with page.expect_response(re.compile(r"feed\.xml$")) as info:
        page.locator("a.feed-link").click()
    response = info.value
    assert response.status == 200
    body = response.text()
    assert body.count("<entry>") == 6
    assert "<title>“一带一路”高质量发展的几个着力点</title>" in body
    page.goto(url)
    page.get_by_role("link", name=re.compile("专题")).first.click()
    page.wait_for_load_state("load")
    page.get_by_role("link", name="一带一路", exact=True).first.click()
    page.wait_for_load_state("load")
    assert "专题：一带一路" in page.locator("h1").inner_text()
    links = page.locator("ol.topic-articles li > a").all_inner_texts()
    assert links == ["共建“一带一路”的坚实基础", "“一带一路”高质量发展的几个着力点"]
    page.screenshot(path=str(ARTIFACTS / "site-topic.png"), full_page=True)
    page.close()
    shutil.rmtree(ARTIFACTS / "unused", ignore_errors=True)


def test_index_fits_a_phone(site_url: tuple[str, Path], browser: object) -> None:
    from playwright.sync_api import BrowserContext

    assert isinstance(browser, BrowserContext)
    url, _ = site_url
    page = browser.new_page()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(url)
    page.wait_for_selector(".search-input")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scrolling
    page.screenshot(path=str(ARTIFACTS / "site-index-375.png"), full_page=True)
    page.close()
