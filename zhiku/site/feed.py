"""The Atom feed (feedgen): one entry per article, newest first, with absolute URLs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from feedgen.feed import FeedGenerator

from zhiku.fsutil import atomic_write_bytes
from zhiku.site.pages import SiteView

# Issues carry a date, not a time: stamp them at midnight in China's time zone, where they appear.
CHINA = dt.timezone(dt.timedelta(hours=8), "CST")


def issue_time(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=CHINA)


def write_feed(view: SiteView, out_dir: Path) -> Path:
    site = view.site
    fg = FeedGenerator()
    fg.id(site.base_url)
    title = site.name + (f" · {site.column}" if site.column else "")
    fg.title(title)
    fg.subtitle(site.tagline or title)
    fg.language(site.language)
    fg.link(href=site.base_url, rel="alternate")
    fg.link(href=site.base_url + "feed.xml", rel="self")
    if site.publisher:
        fg.author({"name": site.publisher, **({"email": site.email} if site.email else {})})
    if site.copyright:
        fg.rights(site.copyright)
    newest = view.issues[0].date if view.issues else dt.date(1970, 1, 1)
    fg.updated(issue_time(newest))
    # feedgen puts each new entry first; add oldest first so the file lists newest first.
    for issue in reversed(view.issues):
        for article in reversed(issue.articles):
            fe = fg.add_entry()
            url = site.base_url + article.url
            fe.id(url)
            fe.title(article.title)
            fe.link(href=url, rel="alternate")
            fe.published(issue_time(issue.date))
            fe.updated(issue_time(issue.date))
            for author in article.authors:
                fe.author({"name": author})
            if not article.authors and site.publisher:
                fe.author({"name": site.publisher})
            if article.summary:
                fe.summary(article.summary)
            # The issue it appeared in (第46期 · 通道与通胀), as a category a reader can filter on.
            issue_label = " · ".join(x for x in (issue.number, issue.title) if x)
            if issue_label:
                fe.category(term=issue_label, label=issue_label, scheme=site.base_url + issue.url)
            for tag in article.tags:
                fe.category(term=tag.name, label=tag.name)
    path = out_dir / "feed.xml"
    atomic_write_bytes(path, fg.atom_str(pretty=True))
    return path
