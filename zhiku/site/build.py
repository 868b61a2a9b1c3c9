"""``build_site``: the whole archive, assembled in a staging folder and swapped in on success.

Order: read the publication (``sourcecache``: only changed issues are parsed); for each issue
link its outputs from the cache or render them (``zhiku.render.render_issue``, with the number
checks from ``zhiku.claims``); then write the pages that list many issues (index, topics, feed,
sitemap, 404) while Pagefind indexes the years whose articles changed. ``out_dir`` is replaced
only when all of that succeeded; the replaced site is kept beside it (``.<out>.spare``) and
becomes the next build's staging folder, so a rebuild touches only the files that differ
(``linktree``).

One build at a time per publication cache and per output (``lock``): a second one waits.
Deletions stay inside the cache and the output's own folders, checked after resolving links.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zhiku import __version__, data, sources
from zhiku.errors import ZhikuError
from zhiku.fsutil import own_folder, remove_tree, staging_dir_for
from zhiku.model import Issue, Publication
from zhiku.site import cache, linktree, pages, render_pool, sourcecache, urls
from zhiku.site.feed import write_feed
from zhiku.site.lock import build_lock
from zhiku.site.search import (
    SEARCH_DIR,
    SearchPage,
    SearchReport,
    build_search_index,
    index_shard,
    shard_names,
)
from zhiku.site.sitemap import write_sitemap
from zhiku.sources.paths import check_publication_paths

if TYPE_CHECKING:
    from zhiku.claims.facts import FactTable

# Marks a folder as a site zhiku built, so a later build may replace it.
SITE_MARKER = ".zhiku-site"

# (stage, done, total): the CLI draws this as a Rich progress bar.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildReport:
    """What a build did: counts a user reads in the summary and tests assert on."""

    out_dir: Path
    issues: int
    articles: int
    parsed: tuple[str, ...]  # issue folders whose sources were parsed (the others: sourcecache)
    rendered: tuple[str, ...]  # dates of the issues rendered this time
    reused: tuple[str, ...]  # dates of the issues copied from the cache
    topics: int
    searchable_pages: int
    search_reindexed: bool  # False when no article page changed and the index came from the cache
    search_shards_reindexed: tuple[str, ...]  # the years whose search index was rebuilt
    files: int
    bytes: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)
    # The number check's fact tables of the issues rendered in this process, by issue folder
    # name: the cross-issue memory records them without reading and tabling them again.
    fact_tables: dict[str, list[FactTable]] = field(default_factory=dict)
    # The issue folders whose statements the number check recorded itself, in its forked
    # child (``checkfork``): the memory has them already.
    recorded: tuple[str, ...] = ()
    # Numbers the check found inconsistent in the issues rendered this time (the others were
    # checked when they were rendered): ``zhiku check`` or a ``--drafts`` build shows them.
    inconsistent: int = 0


def build_site(
    publication_root: Path,
    out_dir: Path,
    *,
    annotate: bool = False,
    progress: Progress | None = None,
    jobs: int | None = None,
    drafts: bool = False,
) -> BuildReport:
    """Build the archive of the publication at ``publication_root`` into ``out_dir``.

    ``drafts`` is the editors' build: each issue also gets its number-check page (checks.html),
    linked from the issue page; a publication with ``checks: public`` always has it.

    ``jobs`` worker processes render the issues that changed (default: the CPU count, at most 4);
    ``progress(stage, done, total)`` is called as the work advances.
    """
    started = time.perf_counter()
    root = Path(publication_root).absolute()  # stable cache keys; relative paths confuse file URIs
    out_dir = Path(out_dir).absolute()
    _check_out_dir(root, out_dir)
    if not root.is_dir():
        sources.read_publication(root)  # its own error: the folder is missing or not a folder
    with (
        build_lock(own_folder(root / ".zhiku", root) / "build.lock", root),
        build_lock(lock_file_for(out_dir), out_dir),
    ):
        return _build(root, out_dir, annotate, progress, jobs, started, drafts)


def lock_file_for(out_dir: Path) -> Path:
    """The output's lock file, beside it (the output folder itself is swapped whole)."""
    return out_dir.with_name(f".{out_dir.name}.lock")


def _build(
    root: Path,
    out_dir: Path,
    annotate: bool,
    progress: Progress | None,
    jobs: int | None,
    started: float,
    drafts: bool,
) -> BuildReport:
    timings: dict[str, float] = {}
    _check_out_dir(root, out_dir)  # again: it may have changed while this build waited
    # Every source resolves inside the publication, checked each build (issues that did not
    # change are not read again, but a link among them may have).
    check_publication_paths(root)
    read = sourcecache.read_publication(root)
    publication = read.publication
    _check_unique_dates(publication)
    pages.site_info(publication)  # fails early on a missing base_url
    timings["read"] = time.perf_counter() - started

    staging = _staging(out_dir)
    search_cache = own_folder(cache.cache_root(root) / "search", root)
    early = _EarlySearch(publication, search_cache)
    try:
        jobs = render_pool.default_jobs() if jobs is None else max(1, jobs)
        tables: dict[str, list[FactTable]] = {}
        inconsistent: list[int] = []
        recorded: list[str] = []
        rendered, reused, keys, wanted = _issues(
            read, annotate, progress, timings, jobs, drafts, early, tables, inconsistent, recorded
        )
        t = time.perf_counter()
        searchable = [
            SearchPage(rel, a.title, str(i.date.year), keys[i.date.isoformat()], Path(wanted[rel]))
            for i in publication.issues
            for a in i.articles
            if (rel := urls.article_path(i, a)) in wanted
        ]
        if progress:
            progress("搜索索引 / search index", 0, 1)
        # Pagefind reads the article pages from the cache: it indexes (its own process, on
        # another core) while the staging folder is filled and the archive pages are written.
        # A year whose issue was rendered here may be indexed already (``_EarlySearch``).
        def index() -> SearchReport:
            return build_search_index(staging, searchable, search_cache, ahead=early.results())

        with ThreadPoolExecutor(max_workers=1) as pool:
            indexing = pool.submit(index)
            t_copy = time.perf_counter()
            linktree.sync_links(staging, wanted, skip=frozenset({SEARCH_DIR}))
            timings["copy"] = time.perf_counter() - t_copy
            t_pages = time.perf_counter()
            view = pages.build_view(publication, read.leads, staging, search_shards=shard_names(searchable))
            pages.write_pages(publication, view, staging)
            write_feed(view, staging, publication)
            write_sitemap(view, staging)
            timings["pages"] = time.perf_counter() - t_pages
            search = indexing.result()
        timings["search"] = time.perf_counter() - t  # from its start to its end, beside copy and pages
        if progress:
            progress("搜索索引 / search index", 1, 1)
        t = time.perf_counter()
        (staging / SITE_MARKER).write_text(f"zhiku {__version__}\n", encoding="utf-8")
        files, size = _make_readable(staging)
        timings["finish"] = time.perf_counter() - t
        t = time.perf_counter()
        _swap(staging, out_dir)
        timings["swap"] = time.perf_counter() - t
    except BaseException:
        remove_tree(staging, out_dir.parent)
        raise
    finally:
        early.close()  # a Pagefind run started ahead ends before the build does
    store = cache.IssueCache(root)
    store.save_manifest(keys)
    store.prune(set(keys.values()))
    return BuildReport(
        out_dir=out_dir,
        issues=len(publication.issues),
        articles=sum(len(i.articles) for i in publication.issues),
        parsed=read.parsed,
        rendered=tuple(rendered),
        reused=tuple(reused),
        topics=len(view.topics),
        searchable_pages=len(searchable),
        search_reindexed=search.reindexed,
        search_shards_reindexed=search.reindexed_shards,
        files=files,
        bytes=size,
        seconds=time.perf_counter() - started,
        timings=timings,
        fact_tables=tables,
        recorded=tuple(recorded),
        inconsistent=sum(inconsistent),
    )


class _EarlySearch:
    """Pagefind for a year (a search shard) started as soon as the last issue of that year to
    render has its web pages, while its PDF still compiles: the index is then ready, or nearly,
    when the build gets to it (``build_search_index`` finds the bundle in the cache). The other
    issues' pages are read from their cache entries, this issue's from a temporary folder."""

    def __init__(self, publication: Publication, cache_dir: Path) -> None:
        self.publication = publication
        self.cache_dir = cache_dir
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zhiku-search")
        self.futures: dict[str, Future[int | None]] = {}
        self.remaining: dict[str, int] = {}

    def start(
        self, todo: list[Issue], keys: dict[str, str], issue_cache: cache.IssueCache, entries: dict[str, Path]
    ) -> None:
        self.keys, self.issue_cache, self.entries = keys, issue_cache, entries
        for issue in todo:
            year = str(issue.date.year)
            self.remaining[year] = self.remaining.get(year, 0) + 1

    def pages_ready(self, issue: Issue) -> Callable[[Mapping[str, bytes]], None]:
        def ready(files: Mapping[str, bytes]) -> None:
            year = str(issue.date.year)
            self.remaining[year] -= 1
            if self.remaining[year] == 0:
                self._index(year, issue, files)

        return ready

    def _index(self, year: str, current: Issue, files: Mapping[str, bytes]) -> None:
        folder = tempfile.TemporaryDirectory(prefix="zhiku-search-")
        tmp = Path(folder.name)
        searchable: list[SearchPage] = []
        for issue in self.publication.issues:
            if str(issue.date.year) != year:
                continue
            date = issue.date.isoformat()
            if date == current.date.isoformat():
                for a in issue.articles:
                    data = files.get(f"{a.slug}.html")
                    if data is not None:
                        rel = urls.article_path(issue, a)
                        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
                        (tmp / rel).write_bytes(data)
                        searchable.append(SearchPage(rel, a.title, year, self.keys[date], tmp / rel))
            elif date in self.entries:
                kept = self.issue_cache.files(self.keys[date])
                for a in issue.articles:
                    rel = urls.article_path(issue, a)
                    if rel in kept:
                        searchable.append(SearchPage(rel, a.title, year, self.keys[date], Path(kept[rel])))
            else:  # an issue of the year without pages (it failed): the build reports it
                folder.cleanup()
                return

        def run() -> int | None:
            try:
                return index_shard(searchable, self.cache_dir, tmp)
            finally:
                folder.cleanup()

        self.futures[year] = self.pool.submit(run)

    def results(self) -> dict[str, int]:
        """The shards indexed ahead, with their words (an error is the build's)."""
        done = {year: future.result() for year, future in self.futures.items()}
        return {year: words for year, words in done.items() if words is not None}

    def close(self) -> None:
        self.pool.shutdown(wait=True)


def _issues(
    read: sourcecache.SourceRead,
    annotate: bool,
    progress: Progress | None,
    timings: dict[str, float],
    jobs: int,
    drafts: bool = False,
    early_search: _EarlySearch | None = None,
    tables: dict[str, list[FactTable]] | None = None,
    inconsistent: list[int] | None = None,
    recorded: list[str] | None = None,
) -> tuple[list[str], list[str], dict[str, str], dict[str, str]]:
    """Every issue's outputs in the cache, rendered if not there yet. Returns the issues rendered,
    the issues reused, every issue's key, and the site's files from the cache (path in the site
    → cache file)."""
    publication = read.publication
    issue_cache = cache.IssueCache(publication.root)
    shared = cache.publication_inputs(publication.root)
    t_keys = time.perf_counter()
    keys: dict[str, str] = {}
    entries: dict[str, Path] = {}
    todo: list[Issue] = []
    for issue in sorted(publication.issues, key=lambda i: i.date):
        date = issue.date.isoformat()
        digests = read.digests.get(issue.source.file.parent)
        keys[date] = cache.issue_key(issue, shared, annotate, publication.root, digests, drafts)
        entry = issue_cache.entry(keys[date])
        if entry is None:
            todo.append(read.full(issue))  # its text, if only its outline was read
        else:
            entries[date] = entry
    reused = sorted(entries)
    timings["keys"] = time.perf_counter() - t_keys
    stage = "出版各期 / rendering issues"
    t = time.perf_counter()
    tmps = {issue.date.isoformat(): issue_cache.new_entry_dir() for issue in todo}
    last = issue_cache.load_manifest()  # each issue's key in the last build

    def previous(issue: Issue) -> Path | None:
        """The issue's cache entry from the last build (its figures may be reused)."""
        key = last.get(issue.date.isoformat())
        return issue_cache.entry(key) if key else None

    def finished(issue: Issue) -> None:
        date = issue.date.isoformat()
        entries[date] = issue_cache.commit(tmps.pop(date), keys[date])
        if progress:
            progress(stage, len(todo) - len(tmps), len(todo))

    try:
        parallel = jobs > 1 and len(todo) >= render_pool.MIN_PARALLEL
        if progress and todo:
            progress(stage, 0, len(todo))
        if parallel:
            targets = [(issue, tmps[issue.date.isoformat()], previous(issue)) for issue in todo]
            for _, count in render_pool.render_parallel(
                publication, targets, annotate, jobs, finished, shared, drafts
            ):
                if inconsistent is not None:
                    inconsistent.append(count)
        elif todo:
            t_store = time.perf_counter()
            store = data.open_store(publication.root)
            timings["store"] = time.perf_counter() - t_store
            if early_search is not None:
                early_search.start(todo, keys, issue_cache, entries)
            for issue in todo:
                count = render_pool.render_one(
                    publication, issue, tmps[issue.date.isoformat()], store, annotate, shared,
                    previous(issue), drafts, timings=timings,
                    on_pages=early_search.pages_ready(issue) if early_search is not None else None,
                    tables=None if tables is None else tables.setdefault(issue.source.file.parent.name, []),
                    recorded=recorded,
                )
                if inconsistent is not None:
                    inconsistent.append(count)
                finished(issue)
    finally:
        for tmp in tmps.values():  # issues not finished because another failed
            issue_cache.discard(tmp)
    timings["render"] = time.perf_counter() - t
    wanted: dict[str, str] = {}
    for date in sorted(entries):  # a shared asset: the newest issue's copy
        wanted.update(issue_cache.files(keys[date]))
    return [i.date.isoformat() for i in todo], reused, keys, wanted


def _check_unique_dates(publication: Publication) -> None:
    seen: dict[str, Issue] = {}
    for issue in publication.issues:
        date = issue.date.isoformat()
        if date in seen:
            raise ZhikuError(
                f"两期简报的日期相同（{date}），网址会冲突",
                f"two issues have the same date ({date}); their addresses would collide",
                issue.source.file,
                issue.source.line,
            )
        seen[date] = issue


def _check_out_dir(root: Path, out_dir: Path) -> None:
    """Refuse an output folder that would swallow the sources: replacing it would delete them."""
    src = root.resolve()
    out = out_dir.resolve()
    if out == src or src.is_relative_to(out):
        raise ZhikuError(
            f"输出文件夹 {out_dir} 包含简报源文件，构建会删除它们；请换一个文件夹",
            f"the output folder {out_dir} contains the publication's sources, which a build would delete; "
            "choose another folder",
            out_dir,
        )
    if out.exists() and not out.is_dir():
        raise ZhikuError(
            f"输出位置 {out_dir} 是一个文件，不是文件夹",
            f"the output {out_dir} is a file, not a folder",
            out_dir,
        )
    # A build replaces the whole folder: only ever replace an empty one or a site zhiku built.
    if out.is_dir() and any(out.iterdir()) and not (out / SITE_MARKER).is_file():
        raise ZhikuError(
            f"输出文件夹 {out_dir} 已有其他文件（不是 zhiku 生成的网站），构建会删除它们；请换一个空文件夹",
            f"the output folder {out_dir} holds other files (not a site zhiku built), which a build would "
            "delete; choose an empty folder",
            out_dir,
        )


def _staging(out_dir: Path) -> Path:
    """The folder to assemble the site in: the previous site, kept aside by the last build
    (``linktree`` brings it to exactly the new tree), or else a fresh empty folder."""
    staging = staging_dir_for(out_dir)
    spare = linktree.spare_dir_for(out_dir)
    if spare.is_symlink():  # not a spare zhiku kept: drop the link, never follow it
        spare.unlink()
    elif (spare / SITE_MARKER).is_file():
        try:
            os.replace(spare, staging)  # onto the fresh empty folder
        except OSError:  # another build took it first: start from the empty folder
            staging.mkdir(exist_ok=True)
    return staging


def _swap(staging: Path, out_dir: Path) -> None:
    """Put ``staging`` in place of ``out_dir``; the old site becomes the spare for the next build.

    Two renames: at every moment the old or the new site is whole at ``out_dir``'s path
    (between them, for an instant, neither: a web server briefly answers 404).
    """
    spare = linktree.spare_dir_for(out_dir)
    if spare.is_symlink() or spare.exists():  # a spare this build did not take (it lacked the marker)
        ours = spare.is_symlink() or (spare / SITE_MARKER).is_file() or not any(spare.iterdir())
        if spare.is_dir() and not ours:
            raise ZhikuError(
                f"{spare} 不是 zhiku 留下的旧网站，构建不会删除它；请移走它",
                f"{spare} is not a site zhiku kept, and a build will not delete it; move it away",
                spare,
            )
        remove_tree(spare, out_dir.parent)
    aside: Path | None = None
    if out_dir.exists():
        aside = spare
        try:
            os.replace(out_dir, spare)
        except OSError:  # a spare appeared meanwhile (another build): set the old site aside to delete
            aside = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
            os.replace(out_dir, aside)
    try:
        os.replace(staging, out_dir)
    except BaseException:
        if aside is not None:
            os.replace(aside, out_dir)
        raise
    if aside is not None and aside != spare:
        remove_tree(aside, out_dir.parent)


def _make_readable(folder: Path) -> tuple[int, int]:
    """Temporary files and folders are created private (0600/0700); a web server must read the
    site. Returns the number of files and their bytes (one pass over the tree)."""
    files = size = 0

    def walk(d: str) -> None:
        nonlocal files, size
        with os.scandir(d) as it:
            for e in it:
                st = e.stat(follow_symlinks=False)
                if e.is_symlink():  # never chmod through a link (a site holds none)
                    continue
                if e.is_dir(follow_symlinks=False):
                    if st.st_mode & 0o777 != 0o755:
                        os.chmod(e.path, 0o755)
                    walk(e.path)
                    continue
                files += 1
                size += st.st_size
                if st.st_mode & 0o444 != 0o444:  # leave the read-only files linked from the cache
                    os.chmod(e.path, 0o644)

    folder.chmod(0o755)
    walk(str(folder))
    return files, size
