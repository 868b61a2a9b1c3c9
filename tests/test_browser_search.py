"""Chinese search in Debian's Chromium: every substring of two or more Chinese characters finds
its page, snippets come from the article body.

The archive is tests/test_site_support.make_archive (the example and three issues made from its
sections). Twenty queries of two to six characters — compounds and their parts, and pieces that
cross word boundaries (欧班 of 中欧班列, 应链危 of 供应链危机) — each must return exactly the articles
whose text holds it, as Chromium reads that text from the article pages themselves. With
Pagefind's own word segmentation most of the parts found nothing (bench/search.py measures both).
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from zhiku.site import build_site
from zhiku.site.searchtext import SEPARATOR, article_blocks, bigram_tokens, index_document
from zhiku.site.server import make_server

sys.path.insert(0, str(Path(__file__).parent))
from chromium import ARGS, CHROMIUM, MISSING
from test_site_support import ARTIFACTS, make_archive

RESULT = "ol.search-results > li.search-result"

# Two to six characters: whole compounds, their parts, and pieces across word boundaries.
QUERIES = (
    "中欧班列",
    "班列",
    "欧班",
    "高质量发展",
    "质量发展",
    "高质量",
    "元首会晤",
    "美元首",
    "通货膨胀",
    "膨胀",
    "供应链危机",
    "应链危",
    "命运共同体",
    "共同体",
    "数字丝路",
    "丝路建设",
    "对外承包工程",
    "承包工程",
    "人类卫生健康",
    "卫生健康",
)


def test_bigram_tokens() -> None:
    assert bigram_tokens("新能源汽车") == ["新能", "能源", "源汽", "汽车"]
    # one character alone stays itself; numbers and Latin words stay whole
    assert bigram_tokens("2019年，APEC 会议") == ["2019", "年", "，APEC", "会议"]
    # two runs parted by whitespace only are kept apart (中国 国家 is not 中国家)
    assert bigram_tokens("中国 国家") == ["中国", SEPARATOR, "国家"]
    assert bigram_tokens("截至 2020 年底") == ["截至", "2020", "年底"]
    assert bigram_tokens("𠀀𠀁") == ["𠀀𠀁"]  # supplementary-plane ideographs are Han too


def test_index_document_holds_the_body_only(tmp_path: Path) -> None:
    page = (
        '<html><body><main><p class="breadcrumb"><a href="index.html">本期全文 / Whole issue</a></p>'
        '<article><h1>标题</h1><p class="byline">作者：某某</p><nav class="article-toc">目录一</nav>'
        '<div class="article-body"><section><h2 id="x">一、前言</h2><p>新能源汽车<mark class="claim">'
        '增长29%<span class="claim-note">应为30.6%</span></mark>。</p>'
        '<figure><figcaption>图1 标题</figcaption><details class="figure-data"><table><tr><td>1960</td>'
        '</tr></table></details></figure></section></div><p class="to-top"><a>回到顶部</a></p></article>'
        "</main><footer>重要声明</footer></body></html>"
    )
    assert article_blocks(page) == ["一、前言", "新能源汽车增长29%。", "图1 标题"]
    doc = index_document(page, "题目：新能源")
    assert 'lang="und"' in doc and 'data-pagefind-meta="title:题目：新能源"' in doc
    for absent in ("本期", "Whole", "作者", "目录", "1960", "30.6", "回到", "声明"):
        assert absent not in doc, absent


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("search")
    pub = make_archive(base / "pub")
    out = base / "out"
    build_site(pub, out)
    server = make_server(out, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def page(site_url: str) -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        yield pg
        browser.close()


@pytest.fixture(scope="module")
def article_texts(site_url: str, page: object) -> dict[str, str]:
    """Every article's title and body as Chromium shows them (closed data tables and draft notes
    are not shown, so not counted)."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(site_url)
    hrefs = page.evaluate("[...document.querySelectorAll('ul.articles a')].map(a => a.href)")
    hrefs = [h for h in hrefs if re.search(r"/\d{4}-\d\d-\d\d/(?!index\.html)[^/]+\.html$", h)]
    texts: dict[str, str] = {}
    for href in dict.fromkeys(hrefs):
        page.goto(href)
        title = page.locator("h1.article-title").inner_text().strip()
        body = page.locator(".article-body").inner_text()
        texts[title] = re.sub(r"\s+", "", title + body)
    assert len(texts) == 6, texts.keys()
    return texts


def _search(page: object, query: str) -> list[tuple[str, str]]:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.fill(".search-input", query)
    page.press(".search-input", "Enter")
    page.wait_for_function(
        "document.querySelector('.search-status').textContent.includes('篇文章')"
        " || document.querySelector('.search-status').textContent.includes('没有找到')",
        timeout=15_000,
    )
    page.wait_for_timeout(200)
    results = page.locator(RESULT)
    return [
        (
            results.nth(i).locator(".search-result-link").inner_text().strip(),
            results.nth(i).locator(".search-excerpt").inner_text(),
        )
        for i in range(results.count())
    ]


def test_every_query_finds_exactly_the_pages_that_hold_it(
    site_url: str, page: object, article_texts: dict[str, str]
) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(site_url)
    missed: dict[str, object] = {}
    for query in QUERIES:
        expected = {t for t, text in article_texts.items() if query in text}
        assert expected, f"{query} is in no article of the test archive"
        results = _search(page, query)
        titles = {t for t, _ in results}
        if titles != expected:
            missed[query] = (sorted(titles), sorted(expected))
            continue
        for title, snippet in results:
            # The snippet is body text around the match, never the page's navigation or byline.
            if query in re.sub(r"\s+", "", article_texts[title].removeprefix(re.sub(r"\s+", "", title))):
                assert query in snippet.replace(" ", ""), (query, title, snippet)
            for nav in ("本期全文", "Whole issue", "回到顶部", "关键词", "本文目录"):
                assert nav not in snippet, (query, snippet)
    assert not missed, missed
    page.fill(".search-input", "中欧班列")
    page.press(".search-input", "Enter")
    page.wait_for_selector(RESULT)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-中欧班列.png"))


def test_a_query_that_is_nowhere_finds_nothing(site_url: str, page: object) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(site_url)
    assert _search(page, "量子计算") == []
    # The characters of 中欧班列 in another order are not 中欧班列.
    assert _search(page, "班列中欧") == []
