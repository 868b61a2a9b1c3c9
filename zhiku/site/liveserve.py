"""``zhiku serve``'s loop: watch the sources, update the served site, tell the open pages.

After a save that touched only articles of one issue, the changed articles' pages are written
first (``quickbuild``) and the pages reload; then the full build (``build_site``: the PDF, the
checks page, the issue's search shard, the archive pages) replaces the site, and pages other
than those already updated reload once more. A save that breaks the build puts its error over
every open page (``livereload``); the previous site stays served underneath, and the next good
save clears it. Any error, a zhiku bug included, is reported and the preview goes on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import watchfiles

from zhiku.errors import ZhikuError
from zhiku.site.build import BuildReport, Progress, build_site
from zhiku.site.livereload import LiveReload
from zhiku.site.quickbuild import QuickBuilder, QuickUpdate
from zhiku.site.server import SourceFilter

# watchfiles yields once the files have been quiet this long (an editor's save is a write, or a
# write and a rename, within a few milliseconds) — and at the latest after DEBOUNCE_MS.
STEP_MS = 30
DEBOUNCE_MS = 300


def _as_error(err: Exception, root: Path) -> ZhikuError:
    if isinstance(err, ZhikuError):
        return err
    detail = f"{type(err).__name__}: {err}"
    return ZhikuError(f"重建时内部出错：{detail}", f"internal error in a rebuild: {detail}", root)


def rebuild(
    root: Path,
    out_dir: Path,
    live: LiveReload,
    quick: QuickBuilder,
    changed: set[Path],
    *,
    annotate: bool = False,
    drafts: bool = False,
    on_update: Callable[[QuickUpdate], None] | None = None,
    on_build: Callable[[BuildReport], None] | None = None,
    on_error: Callable[[ZhikuError], None] | None = None,
    progress: Progress | None = None,
) -> None:
    """One round: the quick update when it applies, then the full build; errors to the pages."""
    try:
        update = quick.update(changed)
    except Exception as err:
        failure = _as_error(err, root)
        live.error(failure, root)
        if on_error:
            on_error(failure)
        return
    if update is not None:
        live.reload(swap=list(update.written))
        if on_update:
            on_update(update)
    try:
        report = build_site(root, out_dir, annotate=annotate, progress=progress, drafts=drafts)
    except Exception as err:
        failure = _as_error(err, root)
        live.error(failure, root)
        if on_error:
            on_error(failure)
        return
    finally:
        quick.forget(everything=update is None)
    live.reload(skip=list(update.written) if update is not None else None)
    if on_build:
        on_build(report)


def watch_and_reload(
    publication_root: Path,
    out_dir: Path,
    live: LiveReload,
    *,
    annotate: bool = False,
    drafts: bool = False,
    on_update: Callable[[QuickUpdate], None] | None = None,
    on_build: Callable[[BuildReport], None] | None = None,
    on_error: Callable[[ZhikuError], None] | None = None,
    stop_event: threading.Event | None = None,
    progress: Progress | None = None,
    ready: threading.Event | None = None,
) -> None:
    """Rebuild after each save until ``stop_event`` is set (or Ctrl-C); ``ready`` is set once
    the watch has begun (a save before that might go unseen)."""
    root = Path(publication_root).absolute()
    out = Path(out_dir).absolute()
    quick = QuickBuilder(root, out, annotate=annotate, drafts=drafts)
    flt = SourceFilter(root, [out, root / ".zhiku"])
    watcher = watchfiles.watch(
        root, watch_filter=flt, stop_event=stop_event, debounce=DEBOUNCE_MS, step=STEP_MS,
        yield_on_timeout=True, rust_timeout=200,  # a look at stop_event five times a second
    )
    try:
        for changes in watcher:
            if ready is not None:
                ready.set()
            if not changes:
                continue
            # A deleted file (or one renamed away) is no article to update: full build.
            deleted = any(change == watchfiles.Change.deleted for change, _ in changes)
            changed = {Path(p) for _, p in changes}
            rebuild(
                root, out, live, quick, set() if deleted else changed, annotate=annotate, drafts=drafts,
                on_update=on_update, on_build=on_build, on_error=on_error, progress=progress,
            )
    finally:
        quick.close()
