"""The Chinese full-text search: a Pagefind index over every article page.

Pagefind indexes not the article pages themselves but a document per article made by
``zhiku.site.searchtext``: the title and the article body, Chinese written as overlapping
character bigrams, so that every substring of two or more Chinese characters finds its page
(Pagefind's own word segmentation loses the parts of compounds and the phrases across them:
see that module). Only article pages are indexed, so a search lands on one article, never on an
issue page, a WeChat copy or the archive index that merely lists its title; and only their body,
so a result's snippet is a sentence of the article, never the navigation around it.

The archive is indexed in yearly shards (``pagefind/<year>/``), each a complete Pagefind bundle,
so a change to one article re-indexes only its year (Pagefind cannot update an index in place:
one index over 2,366 articles took 8 s to rebuild, a year of them well under a second). The
search box on the index page loads the newest year's bundle and merges the others into it
(Pagefind's ``mergeIndex``), cuts the query into bigrams, searches them as a phrase, and keeps
the results whose text holds every word of the query; that is ``site-assets/search.js``.

The binary is run once per shard over a folder of the prepared pages. (The package's Python
service API does the same work but waits 0.1 s per page for its reply: 25 s instead of 2 s for
236 pages.) It runs with a time limit. A shard's bundle enters the cache only once Pagefind has
finished and the bundle holds its entry file; its signed manifest (``zhiku.integrity``) lists
every file with its SHA-256, and a bundle is reused only when that manifest verifies.
"""

from __future__ import annotations

import hashlib
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
from zhiku.site.searchtext import INDEX_FORMAT, INDEX_LANGUAGE, index_document

MANIFEST = ".bundle.json"
KIND = "search-bundle"
BUNDLE = "bundle"
ENTRY_FILE = "pagefind-entry.json"  # Pagefind writes it last: a bundle without it is incomplete
# Pagefind indexes a few hundred pages a second; a run that takes far longer is stuck.
TIMEOUT_BASE_S = 120.0
TIMEOUT_PER_PAGE_S = 0.5

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


def pagefind_binary() -> Path:
    # The binary's own package names its path. pagefind.service would too, but it loads asyncio
    # for its Python API (30 ms of every build, which runs the binary and needs none of it).
    binary: Path | None = None
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]

        binary = Path(get_executable())
    except (ImportError, OSError):
        binary = None
    if binary is None or not binary.is_file():
        raise ZhikuError(
            "找不到 Pagefind 程序，请运行 bash scripts/setup.sh 安装 pagefind[extended]",
            "the Pagefind binary is missing: run bash scripts/setup.sh to install pagefind[extended]",
        )
    return Path(binary)


def index_pages(bundle: Path, source: Path, pages: list[SearchPage]) -> int:
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
            target.write_text(index_document(text, page.title), encoding="utf-8")
        config = {
            "site": str(site),
            "output_path": str(bundle.absolute()),
            "force_language": INDEX_LANGUAGE,
            "root_selector": "main",
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


def index_key(binary: Path, source: Path, pages: list[SearchPage]) -> str:
    """What the bundle depends on: Pagefind itself, the settings, and every page's text (by its
    version when known: reading and hashing 2,366 pages took 0.3 s)."""
    h = hashlib.sha256()
    stat = binary.stat()
    h.update(f"{binary.name}\0{stat.st_size}\0{INDEX_FORMAT}\0".encode())
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


def index_shard(pages: list[SearchPage], cache_dir: Path, source: Path) -> int | None:
    """Index one shard's ``pages`` into ``cache_dir`` now, unless its bundle is there already
    (None); the words indexed. ``build_search_index`` then finds it (pass it in ``ahead``)."""
    binary = pagefind_binary()
    cache_dir.mkdir(parents=True, exist_ok=True)
    key = index_key(binary, source, pages)
    if _cached_bundle(cache_dir, key) is not None:
        return None
    words, _ = _index_into_cache(cache_dir, key, source, pages)
    return words


def build_search_index(
    out_dir: Path,
    pages: list[SearchPage],
    cache_dir: Path,
    jobs: int = 2,
    ahead: dict[str, int] | None = None,
) -> SearchReport:
    """One Pagefind bundle per shard at ``out_dir/pagefind/<shard>/``. A shard whose pages did
    not change (same text, same titles) is reused from ``cache_dir``; the others are indexed,
    ``jobs`` Pagefind processes at a time. ``ahead``: shards this build indexed already
    (``index_shard``), with their words, reported as indexed anew."""
    if not pages:  # nothing to search yet (Pagefind refuses an empty site)
        sync_links(out_dir, {}, scope=SEARCH_DIR)
        return SearchReport(pages=0, words=0, reindexed=False)
    binary = pagefind_binary()
    cache_dir.mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[SearchPage]] = defaultdict(list)
    for page in pages:
        groups[page.shard].append(page)
    keys = {shard: index_key(binary, out_dir, group) for shard, group in groups.items()}
    bundles: dict[str, dict[str, str]] = {}
    for shard, key in keys.items():
        found = _cached_bundle(cache_dir, key)
        if found is not None:
            bundles[shard] = found
    todo = [s for s in shard_names(pages) if s not in bundles]

    def index(shard: str) -> tuple[int, dict[str, str]]:
        return _index_into_cache(cache_dir, keys[shard], out_dir, groups[shard])

    if len(todo) > 1 and jobs > 1:
        with ThreadPoolExecutor(max_workers=jobs) as pool:  # each thread waits on a Pagefind process
            results = dict(zip(todo, pool.map(index, todo), strict=True))
    else:
        results = {s: index(s) for s in todo}
    early = {s: n for s, n in (ahead or {}).items() if s in bundles and s not in todo}
    words = sum(n for n, _ in results.values()) + sum(early.values())
    todo = [s for s in shard_names(pages) if s in early or s in todo]
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
    cache_dir: Path, key: str, source: Path, pages: list[SearchPage]
) -> tuple[int, dict[str, str]]:
    """Index ``pages`` into the cache entry ``cache_dir/key`` (written aside, sealed only when
    Pagefind has finished and its entry file is there, then renamed). Returns the words indexed
    and the bundle's files."""
    entry = cache_dir / key
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=cache_dir))
    try:
        words = index_pages(tmp / BUNDLE, source, pages)
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
