"""Rendering issues, one after another or in worker processes (a full build of a large archive).

Each issue renders into its own cache folder, so workers never write the same file. Workers run
in fresh ``spawn`` processes (no fork of a process that may be serving HTTP or watching files);
each opens the data store once. ZhikuError and ZhikuWarning do not survive pickling as they are,
so workers send their parts back and the main process raises or warns with them.
"""

from __future__ import annotations

import dataclasses
import os
import time
import warnings
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhiku import data, render
from zhiku.errors import Parts, ZhikuError, replay, to_parts, warning_parts
from zhiku.model import Issue, Publication
from zhiku.runtime import start_short_run
from zhiku.site import checkfork, figurecache

if TYPE_CHECKING:
    from zhiku.claims.facts import FactTable
    from zhiku.claims.model import Finding

# Below this many issues to render, the seconds spent starting workers are not won back.
MIN_PARALLEL = 6


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def render_one(
    publication: Publication,
    issue: Issue,
    target: Path,
    store: Any,
    annotate: bool,
    shared: str = "",
    previous: Path | None = None,
    drafts: bool = False,
    timings: dict[str, float] | None = None,
    on_pages: Callable[[Mapping[str, bytes]], None] | None = None,
    tables: list[FactTable] | None = None,
    recorded: list[str] | None = None,
) -> int:
    """Render ``issue`` into ``target``; figures drawn for ``previous`` (the cache entry of the
    issue's last rendering) are reused where they did not change (``figurecache``). ``drafts``
    adds the number-check page (``render_issue(checks=)``). ``timings`` receives each step's
    seconds (added to what it holds); ``on_pages`` gets the web pages before the PDF is done;
    ``tables`` receives the fact tables the number check made (for ``claims.memory``), or, when
    the check ran in a forked child that recorded them itself (``checkfork``), ``recorded``
    the issue's folder name. Returns how many numbers the check found inconsistent (the build's
    summary reports them)."""
    t0 = time.perf_counter()
    # Started first: the child checks on the other core while this process draws and renders.
    forked = checkfork.start(issue, publication.root)
    try:
        kept = figurecache.load(previous, publication.root)
        figures, keep = figurecache.draw(issue, store, shared, kept, pngs=False)
        t_figures = time.perf_counter()
        check_time = 0.0
        inconsistent = 0

        def check() -> list[Finding]:
            nonlocal check_time, inconsistent
            t = time.perf_counter()
            answer = forked() if forked is not None else None
            if answer is not None:
                found = checkfork.findings_of(answer)
                if answer.recorded and recorded is not None:
                    recorded.append(issue.source.file.parent.name)
            else:
                # Imported here, not with this module: in a first build the claim engine's imports
                # (0.06 s) then run while Typst lays out the PDF, not before anything is drawn.
                from zhiku.claims import check_issue

                found = check_issue(issue, store, keep=tables)
            check_time = time.perf_counter() - t
            inconsistent = sum(f.verdict == "inconsistent" for f in found)
            return found

        # The numbers are checked, and the PNGs made, while Typst lays out the PDF (render_issue).
        render.render_issue(
            publication, issue, target, store=store, findings=check, annotate=annotate, figures=figures,
            checks=drafts, on_pages=on_pages,
        )
    finally:
        if forked is not None:
            forked()  # reaped even when the rendering failed: its check is done, or nearly
    figurecache.save(target, keep, publication.root)
    if timings is not None:
        t_end = time.perf_counter()
        steps = (
            ("figures", t_figures - t0), ("check", check_time), ("pages_pdf", t_end - t_figures - check_time)
        )
        for name, seconds in steps:
            timings[name] = timings.get(name, 0.0) + seconds
    return inconsistent


_worker_store: Any = None


def _worker_init(root: str) -> None:
    global _worker_store
    start_short_run()  # a worker renders issues until the build ends, like the command itself
    _worker_store = data.open_store(Path(root))


def _worker_render(
    publication: Publication,
    issue: Issue,
    target: str,
    annotate: bool,
    shared: str,
    previous: str | None,
    drafts: bool = False,
) -> tuple[Parts | None, list[Parts | str], int]:
    """Render in a worker; return (error parts or None, warnings, inconsistent numbers)."""
    inconsistent = 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            inconsistent = render_one(
                publication, issue, Path(target), _worker_store, annotate, shared,
                Path(previous) if previous else None, drafts,
            )
            error = None
        except ZhikuError as err:
            error = to_parts(err)
    return error, warning_parts(caught), inconsistent


def render_parallel(
    publication: Publication,
    jobs_list: list[tuple[Issue, Path, Path | None]],
    annotate: bool,
    jobs: int,
    on_done: Callable[[Issue], None],
    shared: str = "",
    drafts: bool = False,
) -> Iterator[tuple[Issue, int]]:
    """Render each (issue, target folder, previous cache entry) in ``jobs`` processes; yield
    issues as they finish, each with the count of numbers its check found inconsistent.

    The first failure cancels what has not started and is raised as the ZhikuError it was.
    """
    data.open_store(publication.root).close()  # build the store once, before workers read it
    # Rendering an issue never reads the other issues: send each task the publication without
    # them, or every task would pickle the whole archive.
    lean = dataclasses.replace(publication, issues=())
    # Loaded here: a serial build (one issue, or a few) never starts a worker.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_worker_init, initargs=(str(publication.root),)
    ) as pool:
        futures = {
            pool.submit(
                _worker_render, lean, issue, str(target), annotate, shared,
                str(previous) if previous else None, drafts,
            ): issue
            for issue, target, previous in jobs_list
        }
        try:
            for future in as_completed(futures):
                issue = futures[future]
                error, found, inconsistent = future.result()  # a crash that is no ZhikuError is raised here
                replay(found, error)
                on_done(issue)
                yield issue, inconsistent
        except BaseException:
            for f in futures:  # do not start what is still queued
                f.cancel()
            raise
