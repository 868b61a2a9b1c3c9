"""The archive's own pages: the index of issues, the topic pages and the 404 page (Jinja2 templates).

The pages read a small view of the publication (plain dataclasses below) so templates never
compute URLs themselves.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import jinja2

from zhiku.fsutil import atomic_write_bytes, atomic_write_text
from zhiku.model import Publication
from zhiku.render import ASSETS_DIR, theme_environment
from zhiku.render.html import render_template
from zhiku.render.issue import ASSET_FILES
from zhiku.render.meta import contact_lines, publisher_name
from zhiku.render.theme_files import theme_file
from zhiku.site import urls
from zhiku.site.search import SEARCH_DIR

THEME_DIR = Path(__file__).parent / "theme"
INDEX_ISSUES = 20  # issues on the front page; every issue is on its year's page


@dataclass(frozen=True)
class SiteInfo:
    name: str
    name_en: str | None
    tagline: str | None
    column: str | None
    column_en: str | None
    publisher: str | None
    website: str | None
    email: str | None
    hotline: str | None
    copyright: str | None
    language: str
    base_url: str
    path: str  # the path part of base_url, for the 404 page and the search UI


@dataclass(frozen=True)
class TagLink:
    name: str
    url: str


@dataclass(frozen=True)
class IssueView:
    date: dt.date
    date_iso: str
    date_zh: str
    number: str | None
    title: str | None
    url: str
    pdf_url: str | None
    articles: tuple[ArticleView, ...]


@dataclass(frozen=True)
class ArticleView:
    title: str
    slug: str
    url: str
    tags: tuple[TagLink, ...]
    authors: tuple[str, ...]
    summary: str
    issue_date: dt.date


@dataclass(frozen=True)
class TopicArticle:
    title: str
    url: str
    issue: IssueView


@dataclass(frozen=True)
class TopicView:
    name: str
    path: str  # the file under the site root
    url: str  # the same, percent-encoded for links
    articles: tuple[TopicArticle, ...]


@dataclass(frozen=True)
class SiteView:
    site: SiteInfo
    issues: tuple[IssueView, ...]  # newest first
    topics: tuple[TopicView, ...]  # by name
    search_shards: tuple[str, ...] = ()  # the Pagefind bundles under pagefind/, newest first

    @property
    def searchable(self) -> bool:  # there are articles, so there is a search index
        return bool(self.search_shards)


def site_info(publication: Publication) -> SiteInfo:
    base = urls.site_base_url(publication)
    p = publication
    return SiteInfo(
        name=p.name, name_en=p.name_en, tagline=p.tagline, column=p.column, column_en=p.column_en,
        publisher=p.publisher, website=p.website, email=p.email, hotline=p.hotline, copyright=p.copyright,
        language=p.language or "zh-CN", base_url=base, path=urls.site_path(base),
    )


def build_view(
    publication: Publication,
    summaries: dict[tuple[str, str], str],
    out_dir: Path,
    search_shards: tuple[str, ...] = (),
) -> SiteView:
    """The view of every issue, newest first; ``summaries`` maps (date, slug) to a plain-text lead.

    ``out_dir`` is where the issue outputs already are: the PDF link is shown only when the
    PDF exists there (a link to nothing would be a broken link).
    """
    info = site_info(publication)
    all_tags = sorted({t for i in publication.issues for a in i.articles for t in a.tags})
    tag_files = urls.tag_file_names(all_tags)
    tag_paths = {t: urls.topic_path(f) for t, f in tag_files.items()}
    tag_links = {t: TagLink(t, quote(p)) for t, p in tag_paths.items()}

    issues: list[IssueView] = []
    for issue in sorted(publication.issues, key=lambda i: i.date, reverse=True):
        articles = tuple(
            ArticleView(
                title=a.title, slug=a.slug, url=urls.article_url(issue, a),
                tags=tuple(tag_links[t] for t in a.tags), authors=a.authors,
                summary=summaries.get((issue.date.isoformat(), a.slug), a.summary or ""),
                issue_date=issue.date,
            )
            for a in issue.articles
        )
        # render names the PDF after the publication; link whichever PDF it wrote for the issue.
        pdfs = sorted((out_dir / urls.issue_dir(issue)).glob("*.pdf"))
        pdf = pdfs[0].relative_to(out_dir).as_posix() if pdfs else None
        issues.append(
            IssueView(
                date=issue.date, date_iso=issue.date.isoformat(), date_zh=issue.date_zh, number=issue.number,
                title=issue.title, url=urls.issue_url(issue),
                pdf_url=quote(pdf) if pdf else None, articles=articles,
            )
        )

    by_tag: dict[str, list[TopicArticle]] = defaultdict(list)
    for iv in issues:
        for av in iv.articles:
            for tag in av.tags:
                by_tag[tag.name].append(TopicArticle(av.title, av.url, iv))
    topics = tuple(
        TopicView(t, tag_paths[t], tag_links[t].url, tuple(by_tag[t])) for t in all_tags if by_tag[t]
    )
    return SiteView(info, tuple(issues), topics, search_shards)


def issues_by_year(issues: Sequence[IssueView]) -> dict[int, list[IssueView]]:
    """``issues`` (newest first) grouped by year, in the same order."""
    by_year: dict[int, list[IssueView]] = defaultdict(list)
    for iv in issues:
        by_year[iv.date.year].append(iv)
    return dict(by_year)


def environment(publication: Publication) -> jinja2.Environment:
    """The render theme's environment (the publication's theme/ first, then zhiku's), with the
    site's templates added after it, so a publication can override those too."""
    base = theme_environment(publication)
    assert base.loader is not None
    return base.overlay(loader=jinja2.ChoiceLoader([base.loader, jinja2.FileSystemLoader(str(THEME_DIR))]))


def write_pages(publication: Publication, view: SiteView, out_dir: Path) -> list[Path]:
    """Write index.html, topics/index.html, one page per topic and 404.html; return the paths."""
    env = environment(publication)
    written: list[Path] = []
    shared = {
        "site": view.site,
        "publication": publication,
        "lang": view.site.language,
        "contacts": contact_lines(publication),
        "publisher": publisher_name(publication),
    }

    def emit(template: str, rel: str, root: str, **context: object) -> None:
        html = render_template(env, template, root=root, assets=f"{root}{ASSETS_DIR}", **shared, **context)
        path = out_dir / rel
        atomic_write_text(path, html)
        written.append(path)

    by_year = issues_by_year(view.issues)
    years = sorted(by_year, reverse=True)
    year_pages = {y: urls.year_path(y) for y in years}
    # The index shows the newest issues; the rest are a click away on their year's page, so the
    # front page stays light at hundreds of issues (bench/site.py, 1,000 issues: 19 KB, where the
    # whole list was about 0.85 MB).
    shown = min(len(view.issues), INDEX_ISSUES)
    latest = issues_by_year(view.issues[:shown])
    emit(
        "site_index.html", "index.html", "",
        issues=view.issues, issues_by_year=[(y, latest[y]) for y in years if y in latest], years=years,
        article_count=sum(len(i.articles) for i in view.issues), shown=shown,
        year_pages=year_pages, link_years=True, current_year=None,
        search_bundles=[f"{SEARCH_DIR}/{shard}/" for shard in view.search_shards],
    )
    for year in years:
        emit(
            "site_year.html", year_pages[year], "../",
            year=year, year_issues=by_year[year], years=years, year_pages=year_pages,
            link_years=False, current_year=year,
            article_count=sum(len(i.articles) for i in by_year[year]),
        )
    emit("site_topics.html", "topics/index.html", "../", topics=view.topics)
    for topic in view.topics:
        emit("site_topic.html", topic.path, "../", topic=topic)
    # The 404 page is served for any missing path, at any depth: its links start from the site's path.
    emit("site_404.html", "404.html", view.site.path)
    copy_assets(publication, out_dir)
    return written


def copy_assets(publication: Publication, out_dir: Path) -> None:
    """The site's stylesheet, and the render theme's shared assets when no issue brought them
    (a publication without issues yet)."""
    src = THEME_DIR / "site-assets"
    for f in sorted(src.iterdir()):
        if f.is_file():
            atomic_write_text(out_dir / "site-assets" / f.name, f.read_text(encoding="utf-8"))
    for name in ASSET_FILES:
        target = out_dir / ASSETS_DIR / name
        if not target.exists():
            atomic_write_bytes(target, theme_file(publication, name).read_bytes())
