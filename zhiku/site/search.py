"""The Chinese full-text search: a Pagefind index over every article page.

Pagefind's extended binary (PyPI ``pagefind[extended]``) segments Chinese while indexing, and
its browser code segments the query with ``Intl.Segmenter``; the page language (zh-CN) selects
that segmentation. Only article pages are indexed, so a search lands on one article, never on an
issue page, a WeChat copy or the archive index that merely lists its title.

The archive is indexed in yearly shards (``pagefind/<year>/``), each a complete Pagefind bundle,
so a change to one article re-indexes only its year (Pagefind cannot update an index in place:
one index over 2,366 articles took 8 s to rebuild, a year of them well under a second). The
search box on the index page loads the newest year's bundle and merges the others into it
(Pagefind's ``mergeIndex``), then keeps only the results whose text really holds every word of
the query: a shard without the query's word otherwise answers with partial single-character
matches (中 for 中欧班列). That check is ``site-assets/search.js``.

The binary is run once per shard over a folder of the prepared pages, with a time limit. (The
package's Python service API does the same work but waits 0.1 s per page for its reply: 25 s
instead of 2 s for 236 pages.) A shard's bundle enters the cache only once Pagefind has
finished and the bundle holds its entry file; its signed manifest (``zhiku.integrity``) lists
every file with its SHA-256, and a bundle is reused only when that manifest verifies.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import json
import os
import re
import subprocess
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from zhiku.errors import ZhikuError
from zhiku.fsutil import remove_tree
from zhiku.integrity import seal_tree, verify_tree
from zhiku.site.linktree import sync_links, tree_files

MANIFEST = ".bundle.json"
KIND = "search-bundle"
BUNDLE = "bundle"
ENTRY_FILE = "pagefind-entry.json"  # Pagefind writes it last: a bundle without it is incomplete
# Pagefind indexes a few hundred pages a second; a run that takes far longer is stuck.
TIMEOUT_BASE_S = 120.0
TIMEOUT_PER_PAGE_S = 0.5

# Only the page's <main> is indexed: the masthead (publication name, contacts) repeats on every
# page and would make every page match a search for it. Inside <main>, tables of contents (nav)
# repeat the section titles and footers the disclaimer; Pagefind skips them too.
ROOT_SELECTOR = "main"
EXCLUDE_SELECTORS = ("nav", "footer", "[data-pagefind-ignore]")
_MAIN_OPEN = re.compile(r"<main\b[^>]*>", re.I)


# The shards live in pagefind/<shard>/ (a shard is a year of issues).
SEARCH_DIR = "pagefind"


@dataclass(frozen=True)
class SearchPage:
    rel: str  # the article page, relative to the site root
    title: str
    shard: str  # the index it goes into: its issue's year
    # What fixes the page's bytes without reading them (its issue's render-cache key), or None:
    # the bundle's cache key then hashes the page itself.
    version: str | None = None
    file: Path | None = None  # where to read the page (default: the site folder's copy)


@dataclass(frozen=True)
class SearchReport:
    pages: int
    words: int  # words indexed by this run (0 when the bundle came from the cache)
    reindexed: bool  # some shard was indexed anew
    shards: tuple[str, ...] = ()  # every shard, newest first
    reindexed_shards: tuple[str, ...] = ()


def pagefind_language(language: str) -> str:
    """Pagefind names languages in lower case (``zh-cn``)."""
    return language.strip().lower() or "zh-cn"


def for_index(page_html: str, title: str) -> str:
    """The page as Pagefind should read it: the article's title given as its result title.

    A result's title would otherwise be the page's <title> (which adds the publication and the
    date) and lies outside <main>, so the title goes in as a meta element at the start of <main>.
    The page served to readers is not changed.
    """
    meta = f'<span data-pagefind-meta="title" hidden>{htmllib.escape(title)}</span>'
    m = _MAIN_OPEN.search(page_html)
    if m is None:
        return page_html
    return page_html[: m.end()] + meta + page_html[m.end():]


def pagefind_binary() -> Path:
    try:
        from pagefind.service import get_executable

        binary = get_executable()
    except ImportError:
        binary = None
    if binary is None or not Path(binary).is_file():
        raise ZhikuError(
            "找不到 Pagefind 程序，请运行 bash scripts/setup.sh 安装 pagefind[extended]",
            "the Pagefind binary is missing: run bash scripts/setup.sh to install pagefind[extended]",
        )
    return Path(binary)


def index_pages(bundle: Path, source: Path, pages: list[SearchPage], language: str) -> int:
    """Run Pagefind over ``pages`` (files under ``source``); write the bundle to ``bundle``.

    Returns the number of words indexed.
    """
    binary = pagefind_binary()
    with tempfile.TemporaryDirectory(prefix="zhiku-pagefind-") as tmp:
        work = Path(tmp)
        site = work / "site"
        site.mkdir()
        for page in pages:
            target = site / page.rel
            target.parent.mkdir(parents=True, exist_ok=True)
            text = (page.file or source / page.rel).read_text(encoding="utf-8")
            target.write_text(for_index(text, page.title), encoding="utf-8")
        config = {
            "site": str(site),
            "output_path": str(bundle.absolute()),
            "force_language": pagefind_language(language),
            "root_selector": ROOT_SELECTOR,
            "exclude_selectors": list(EXCLUDE_SELECTORS),
        }
        # Pagefind reads pagefind.json from its working folder.
        (work / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
        limit = TIMEOUT_BASE_S + TIMEOUT_PER_PAGE_S * len(pages)
        try:
            proc = subprocess.run(
                [str(binary)], cwd=work, capture_output=True, text=True, check=False, timeout=limit,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:  # run() has killed it
            raise ZhikuError(
                f"建立搜索索引超时（Pagefind 超过 {limit:.0f} 秒未完成），已停止",
                f"building the search index timed out (Pagefind did not finish within {limit:.0f} s); "
                "stopped it",
                source,
            ) from None
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["?"]
        raise ZhikuError(
            f"建立搜索索引失败：{detail[0]}", f"building the search index failed: {detail[0]}", source
        )
    words = re.search(r"Indexed (\d+) words", proc.stdout)
    return int(words.group(1)) if words else 0


def index_key(binary: Path, language: str, source: Path, pages: list[SearchPage]) -> str:
    """What the bundle depends on: Pagefind itself, the settings, and every page's text (by its
    version when known: reading and hashing 2,366 pages took 0.3 s)."""
    h = hashlib.sha256()
    stat = binary.stat()
    h.update(f"{binary.name}\0{stat.st_size}\0{language}\0{ROOT_SELECTOR}\0{EXCLUDE_SELECTORS}\0".encode())
    for page in sorted(pages, key=lambda p: p.rel):
        h.update(f"{page.rel}\0{page.title}\0".encode())
        if page.version is not None:
            h.update(f"v\0{page.version}\0".encode())
        else:
            h.update(hashlib.sha256((page.file or source / page.rel).read_bytes()).digest())
    return h.hexdigest()[:24]


def shard_names(pages: list[SearchPage]) -> tuple[str, ...]:
    """The shards the pages fall into, newest first (the order the search box merges them)."""
    return tuple(sorted({p.shard for p in pages}, reverse=True))


def build_search_index(
    out_dir: Path, pages: list[SearchPage], language: str, cache_dir: Path, jobs: int = 2
) -> SearchReport:
    """One Pagefind bundle per shard at ``out_dir/pagefind/<shard>/``. A shard whose pages did
    not change (same text, same titles) is reused from ``cache_dir``; the others are indexed,
    ``jobs`` Pagefind processes at a time."""
    if not pages:  # nothing to search yet (Pagefind refuses an empty site)
        sync_links(out_dir, {}, scope=SEARCH_DIR)
        return SearchReport(pages=0, words=0, reindexed=False)
    binary = pagefind_binary()
    cache_dir.mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[SearchPage]] = defaultdict(list)
    for page in pages:
        groups[page.shard].append(page)
    keys = {shard: index_key(binary, language, out_dir, group) for shard, group in groups.items()}
    bundles: dict[str, dict[str, str]] = {}
    for shard, key in keys.items():
        found = _cached_bundle(cache_dir, key)
        if found is not None:
            bundles[shard] = found
    todo = [s for s in shard_names(pages) if s not in bundles]

    def index(shard: str) -> tuple[int, dict[str, str]]:
        return _index_into_cache(cache_dir, keys[shard], out_dir, groups[shard], language)

    if len(todo) > 1 and jobs > 1:
        with ThreadPoolExecutor(max_workers=jobs) as pool:  # each thread waits on a Pagefind process
            results = dict(zip(todo, pool.map(index, todo), strict=True))
    else:
        results = {s: index(s) for s in todo}
    words = sum(n for n, _ in results.values())
    bundles.update({shard: files for shard, (_, files) in results.items()})
    sync_links(out_dir, {  # the bundles are hard links to the cache, kept from the last site
        f"{SEARCH_DIR}/{shard}/{rel}": f
        for shard, files in bundles.items()
        for rel, f in files.items()
    }, scope=SEARCH_DIR)
    used = set(keys.values())
    for child in cache_dir.iterdir():  # older bundles and leftovers of interrupted runs
        if child.name not in used:
            remove_tree(child, cache_dir)
    return SearchReport(
        pages=len(pages), words=words, reindexed=bool(todo), shards=shard_names(pages),
        reindexed_shards=tuple(todo),
    )


def _cached_bundle(cache_dir: Path, key: str) -> dict[str, str] | None:
    """A cached bundle's files by path inside the bundle, if its manifest verifies."""
    entry = cache_dir / key
    if not key.isalnum() or entry.is_symlink() or not entry.is_dir():
        return None
    files = verify_tree(entry, KIND, key, MANIFEST)
    if files is None or f"{BUNDLE}/{ENTRY_FILE}" not in files:
        return None
    prefix = f"{BUNDLE}/"
    return {rel[len(prefix):]: f for rel, f in files.items() if rel.startswith(prefix)}


def _index_into_cache(
    cache_dir: Path, key: str, source: Path, pages: list[SearchPage], language: str
) -> tuple[int, dict[str, str]]:
    """Index ``pages`` into the cache entry ``cache_dir/key`` (written aside, sealed only when
    Pagefind has finished and its entry file is there, then renamed). Returns the words indexed
    and the bundle's files."""
    entry = cache_dir / key
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=cache_dir))
    try:
        words = index_pages(tmp / BUNDLE, source, pages, language)
        if not (tmp / BUNDLE / ENTRY_FILE).is_file():
            raise ZhikuError(
                "建立搜索索引失败：Pagefind 没有写出完整的索引",
                "building the search index failed: Pagefind did not write a complete index",
                source,
            )
        for f in tmp.rglob("*"):  # read-only: the files are hard-linked into sites
            f.chmod(0o755 if f.is_dir() else 0o444)
        files = {f"{BUNDLE}/{rel}": f for rel, f in tree_files(tmp / BUNDLE).items()}
        seal_tree(tmp, KIND, key, files, MANIFEST)
        if entry.exists() or entry.is_symlink():  # a bundle that did not verify
            remove_tree(entry, cache_dir)
        os.replace(tmp, entry)
    finally:
        if tmp.exists():
            remove_tree(tmp, cache_dir)
    return words, {rel: str(f) for rel, f in tree_files(entry / BUNDLE).items()}
