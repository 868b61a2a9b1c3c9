"""The Chinese full-text search: a Pagefind index over every article page.

Pagefind's extended binary (PyPI ``pagefind[extended]``) segments Chinese while indexing, and
its browser code segments the query with ``Intl.Segmenter``; the page language (zh-CN) selects
that segmentation. Only article pages are indexed, so a search lands on one article, never on an
issue page, a WeChat copy or the archive index that merely lists its title.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from pagefind.index import IndexConfig, PagefindIndex

from zhiku.errors import ZhikuError

# Page parts that repeat on every page (navigation, footers) would make every page match a
# search for the publication's name; Pagefind skips them.
EXCLUDE_SELECTORS = ("nav", "footer", "[data-pagefind-ignore]")


@dataclass(frozen=True)
class SearchReport:
    pages: int
    words: int


def pagefind_language(language: str) -> str:
    """Pagefind names languages in lower case (``zh-cn``)."""
    return language.strip().lower() or "zh-cn"


def build_search_index(out_dir: Path, pages: list[str], language: str) -> SearchReport:
    """Index ``pages`` (paths relative to ``out_dir``) and write ``out_dir/pagefind/``."""
    try:
        return asyncio.run(_index(out_dir, pages, language))
    except FileNotFoundError as err:  # the binary is missing: the install is incomplete
        raise ZhikuError(
            "找不到 Pagefind 程序，请运行 bash scripts/setup.sh 安装 pagefind[extended]",
            "the Pagefind binary is missing: run bash scripts/setup.sh to install pagefind[extended]",
        ) from err


async def _index(out_dir: Path, pages: list[str], language: str) -> SearchReport:
    config: IndexConfig = {
        "force_language": pagefind_language(language),
        "exclude_selectors": list(EXCLUDE_SELECTORS),
        "output_path": str((out_dir / "pagefind").resolve()),
    }
    words = 0
    async with PagefindIndex(config=config) as index:
        for rel in pages:
            html = (out_dir / rel).read_text(encoding="utf-8")
            # An explicit URL from the site root; the search UI prefixes the site's path (baseUrl).
            result = await index.add_html_file(content=html, url="/" + quote(rel))
            words += int(result["page_word_count"])
    return SearchReport(pages=len(pages), words=words)
