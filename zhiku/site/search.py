"""The Chinese full-text search: a Pagefind index over every article page.

Pagefind's extended binary (PyPI ``pagefind[extended]``) segments Chinese while indexing, and
its browser code segments the query with ``Intl.Segmenter``; the page language (zh-CN) selects
that segmentation. Only article pages are indexed, so a search lands on one article, never on an
issue page, a WeChat copy or the archive index that merely lists its title.
"""

from __future__ import annotations

import asyncio
import html as htmllib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from pagefind.index import IndexConfig, PagefindIndex

from zhiku.errors import ZhikuError

# Only the page's <main> is indexed: the masthead (publication name, contacts) repeats on every
# page and would make every page match a search for it. Inside <main>, tables of contents (nav)
# repeat the section titles and footers the disclaimer; Pagefind skips them too.
ROOT_SELECTOR = "main"
EXCLUDE_SELECTORS = ("nav", "footer", "[data-pagefind-ignore]")
_MAIN_OPEN = re.compile(r"<main\b[^>]*>", re.I)


@dataclass(frozen=True)
class SearchReport:
    pages: int
    words: int


def pagefind_language(language: str) -> str:
    """Pagefind names languages in lower case (``zh-cn``)."""
    return language.strip().lower() or "zh-cn"


def for_index(page_html: str, title: str) -> str:
    """The page as Pagefind should read it: the article's title given as its result title.

    A result's title would otherwise be the page's <title> (which adds the publication and the
    date) and lies outside <main>, so the title goes in as a meta element at the start of <main>.
    The page on disk is not changed.
    """
    meta = f'<span data-pagefind-meta="title" hidden>{htmllib.escape(title)}</span>'
    m = _MAIN_OPEN.search(page_html)
    if m is None:
        return page_html
    return page_html[: m.end()] + meta + page_html[m.end():]


def build_search_index(out_dir: Path, pages: list[tuple[str, str]], language: str) -> SearchReport:
    """Index ``pages`` ((path relative to ``out_dir``, title) pairs); write ``out_dir/pagefind/``."""
    try:
        return asyncio.run(_index(out_dir, pages, language))
    except FileNotFoundError as err:  # the binary is missing: the install is incomplete
        raise ZhikuError(
            "找不到 Pagefind 程序，请运行 bash scripts/setup.sh 安装 pagefind[extended]",
            "the Pagefind binary is missing: run bash scripts/setup.sh to install pagefind[extended]",
        ) from err


async def _index(out_dir: Path, pages: list[tuple[str, str]], language: str) -> SearchReport:
    config: IndexConfig = {
        "force_language": pagefind_language(language),
        "root_selector": ROOT_SELECTOR,
        "exclude_selectors": list(EXCLUDE_SELECTORS),
        "output_path": str((out_dir / "pagefind").resolve()),
    }
    words = 0
    async with PagefindIndex(config=config) as index:
        for rel, title in pages:
            page_html = for_index((out_dir / rel).read_text(encoding="utf-8"), title)
            # An explicit URL from the site root; the search UI prefixes the site's path (baseUrl).
            result = await index.add_html_file(content=page_html, url="/" + quote(rel))
            words += int(result["page_word_count"])
    return SearchReport(pages=len(pages), words=words)
