"""The Atom feed (feedgen): one entry per article, newest first, with absolute URLs.

Every text goes through ``xmltext.xml_text`` (characters XML forbids are removed, with a
warning naming the source file), so a stray control character never ends the build.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from feedgen.feed import FeedGenerator

from zhiku.fsutil import atomic_write_bytes
from zhiku.model import Publication
from zhiku.site.pages import SiteView
from zhiku.site.xmltext import xml_text

# Issues carry a date, not a time: stamp them at midnight in China's time zone, where they appear.
CHINA = dt.timezone(dt.timedelta(hours=8), "CST")


def issue_time(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=CHINA)


def write_feed(view: SiteView, out_dir: Path, publication: Publication | None = None) -> Path:
    """``out_dir/feed.xml``; ``publication`` (when given) names the files a bad character came from."""
    site = view.site
    files = {
        (i.date.isoformat(), a.slug): a.source.file for i in publication.issues for a in i.articles
    } if publication is not None else {}
    issue_files = {i.date.isoformat(): i.source.file for i in publication.issues} if publication else {}
    yml = publication.root / "zhiku.yml" if publication is not None else None

    def x(text: str, where: Path | None = yml) -> str:
        return xml_text(text, where)

    fg = FeedGenerator()
    fg.id(x(site.base_url))
    title = x(site.name + (f" · {site.column}" if site.column else ""))
    fg.title(title)
    fg.subtitle(x(site.tagline or title))
    fg.language(x(site.language))
    fg.link(href=x(site.base_url), rel="alternate")
    fg.link(href=x(site.base_url + "feed.xml"), rel="self")
    if site.publisher:
        fg.author({"name": x(site.publisher), **({"email": x(site.email)} if site.email else {})})
    if site.copyright:
        fg.rights(x(site.copyright))
    newest = view.issues[0].date if view.issues else dt.date(1970, 1, 1)
    fg.updated(issue_time(newest))
    # feedgen puts each new entry first; add oldest first so the file lists newest first.
    for issue in reversed(view.issues):
        issue_yml = issue_files.get(issue.date_iso, yml)
        for article in reversed(issue.articles):
            source = files.get((issue.date_iso, article.slug), yml)
            fe = fg.add_entry()
            url = x(site.base_url + article.url, source)
            fe.id(url)
            fe.title(x(article.title, source))
            fe.link(href=url, rel="alternate")
            fe.published(issue_time(issue.date))
            fe.updated(issue_time(issue.date))
            for author in article.authors:
                fe.author({"name": x(author, source)})
            if not article.authors and site.publisher:
                fe.author({"name": x(site.publisher)})
            if article.summary:
                fe.summary(x(article.summary, source))
            # The issue it appeared in (第46期 · 通道与通胀), as a category a reader can filter on.
            issue_label = x(" · ".join(part for part in (issue.number, issue.title) if part), issue_yml)
            if issue_label:
                fe.category(term=issue_label, label=issue_label, scheme=x(site.base_url + issue.url))
            for tag in article.tags:
                name = x(tag.name, source)
                fe.category(term=name, label=name)
    path = out_dir / "feed.xml"
    atomic_write_bytes(path, fg.atom_str(pretty=True))
    return path
