"""``zhiku serve``'s first answer to a save: the changed article's pages, in the served site, at once.

When every file a save touched is an article (``issues/<folder>/*.md``) of an issue the site
already holds, the article is read again, its numbers checked and its figures taken from
those drawn before where they did not change; its page, its WeChat page, its figures and the
issue page are written into the served folder (``zhiku.render.render_article_update``, each
file replaced atomically) and the browser reloads. The full build (PDF, checks page, search
shard, archive pages) follows right after and puts the whole site in place; the pages written
here are byte for byte what it writes (a test holds it to that).

Everything else — zhiku.yml, data, issue.yml, pictures, a new or deleted file — goes straight
to the full build. State kept between saves (this process only): the publication's settings,
the data store, each article's findings, and the figures drawn, by ``figurecache.figure_key``.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhiku import claims, data, render, sources
from zhiku.claims.engine import masthead_weekday
from zhiku.model import Article, Figure, Issue, Publication
from zhiku.site import cache, figurecache, sourcecache
from zhiku.site.build import lock_file_for
from zhiku.site.lock import build_lock
from zhiku.sources.publication import check_citations

if TYPE_CHECKING:
    from zhiku.claims.model import Finding
    from zhiku.figures.model import RenderedFigure


@dataclass(frozen=True)
class QuickUpdate:
    """What a quick update wrote: site-relative paths, and how long it took."""

    issue: str  # the issue's date
    articles: tuple[str, ...]  # slugs
    written: tuple[str, ...]
    seconds: float


class QuickBuilder:
    def __init__(
        self, publication_root: Path, out_dir: Path, *, annotate: bool = False, drafts: bool = False
    ) -> None:
        self.root = Path(publication_root).absolute()
        self.out_dir = Path(out_dir).absolute()
        self.annotate = annotate
        self.drafts = drafts
        self._publication: Publication | None = None
        self._shared: str | None = None
        self._store: Any = None
        self._findings: dict[tuple[str, str], list[Finding]] = {}  # (issue date, slug) → findings
        self._drawn: dict[str, RenderedFigure] = {}  # figure key → figure with its PNG

    def forget(self, everything: bool = True) -> None:
        """After a full build that followed anything but a save of articles, settings and data
        may have changed: read them again. (After articles alone, what is kept still holds, and
        a 1,000-issue archive is not listed again.) Figures stay, by their key."""
        if not everything:
            return
        if self._store is not None:
            self._store.close()
        self._publication = self._shared = self._store = None
        self._findings.clear()

    def close(self) -> None:
        self.forget()

    def articles_changed(self, changed: Iterable[Path]) -> tuple[Path, list[Path]] | None:
        """The issue folder and article files when ``changed`` is only articles of one issue."""
        paths = [Path(p).absolute() for p in changed]
        if not paths or any(p.suffix.lower() != ".md" or not p.is_file() for p in paths):
            return None
        folders = {p.parent for p in paths}
        if len(folders) != 1:
            return None
        folder = folders.pop()
        if folder.parent != self.root / sourcecache.ISSUES_DIR:
            return None
        return folder, paths

    def update(self, changed: Iterable[Path]) -> QuickUpdate | None:
        """Write the changed articles' pages into the served site; None when this save needs
        the full build instead. A ZhikuError (the article does not read) is the caller's to show."""
        started = time.perf_counter()
        found = self.articles_changed(changed)
        if found is None:
            return None
        folder, paths = found
        issue = sources.read_issue(folder)
        publication = self._meta()
        check_citations(issue, publication.references)
        wanted = {p.resolve() for p in paths}
        articles = [a for a in issue.articles if a.source.file.resolve() in wanted]
        date = issue.date.isoformat()
        if len(articles) != len(wanted) or not (self.out_dir / date / "index.html").is_file():
            return None  # a file the issue does not list, or an issue the site does not hold yet
        store = self._open_store()
        for article in articles:
            self._findings[(date, article.slug)] = claims.check_article(
                article, store, reference_date=issue.date
            )
        # In check_issue's order: the masthead's weekday, then each article's findings.
        masthead = masthead_weekday(issue)
        findings = [masthead] if masthead is not None else []
        findings += [f for a in issue.articles for f in self._article_findings(issue, a, store)]
        figures = self._figures(issue, store)
        written: list[str] = []
        # The output's lock, as a build takes it: another zhiku build may be swapping this folder.
        with build_lock(lock_file_for(self.out_dir), self.out_dir):
            if not (self.out_dir / date / "index.html").is_file():
                return None
            for article in articles:
                for path in render.render_article_update(
                    publication, issue, article, self.out_dir, findings=findings, figures=figures,
                    annotate=self.annotate, checks=self.drafts,
                ):
                    written.append(path.relative_to(self.out_dir).as_posix())
        return QuickUpdate(
            issue=date,
            articles=tuple(a.slug for a in articles),
            written=tuple(dict.fromkeys(written)),
            seconds=time.perf_counter() - started,
        )

    def _meta(self) -> Publication:
        if self._publication is None:
            read = sourcecache.read_publication(self.root)
            self._publication = dataclasses.replace(read.publication, issues=())
        return self._publication

    def _open_store(self) -> Any:
        if self._store is None:
            self._store = data.open_store(self.root)
        return self._store

    def _article_findings(self, issue: Issue, article: Article, store: Any) -> Sequence[Finding]:
        key = (issue.date.isoformat(), article.slug)
        if key not in self._findings:
            self._findings[key] = claims.check_article(article, store, reference_date=issue.date)
        return self._findings[key]

    def _figures(self, issue: Issue, store: Any) -> dict[str, list[RenderedFigure]]:
        """Every article's figures, numbered as ``figurecache.draw`` numbers them; drawn only
        when no figure of the same key was drawn before (in this process or the last build)."""
        if self._shared is None:
            self._shared = cache.publication_inputs(self.root)
        shared = self._shared
        kept: dict[str, RenderedFigure] | None = None
        out: dict[str, list[RenderedFigure]] = {}
        for article in issue.articles:
            drawn: list[RenderedFigure] = []
            blocks = [b for b in article.walk_blocks() if isinstance(b, Figure)]
            for n, block in enumerate(blocks, start=1):
                number = block.number or n
                key = figurecache.figure_key(block, number, shared)
                fig = self._drawn.get(key)
                if fig is None:
                    if kept is None:
                        kept = self._kept_figures(issue)
                    old = kept.get(key)
                    fig = figurecache.with_pngs(old) if old is not None else _draw(block, number, store)
                    self._drawn[key] = fig
                drawn.append(dataclasses.replace(fig, block=block))
            out[article.slug] = drawn
        return out

    def _kept_figures(self, issue: Issue) -> dict[str, RenderedFigure]:
        """The figures the last build kept for this issue (without their PNG)."""
        issue_cache = cache.IssueCache(self.root)
        key = issue_cache.load_manifest().get(issue.date.isoformat())
        return figurecache.load(issue_cache.entry(key) if key else None, self.root)


def _draw(block: Figure, number: int, store: Any) -> RenderedFigure:
    from zhiku.figures import render_figure

    return render_figure(block, number, store)
