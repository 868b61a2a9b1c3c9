"""sitemap.xml and robots.txt: every reader-facing page with an absolute URL.

Written with ElementTree rather than a sitemap package: the format is five elements, and the
standard library escapes them correctly.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from zhiku.fsutil import atomic_write_bytes, atomic_write_text
from zhiku.site import urls
from zhiku.site.pages import SiteView
from zhiku.site.xmltext import xml_text

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def write_sitemap(view: SiteView, out_dir: Path) -> Path:
    base = view.site.base_url
    urlset = ET.Element("urlset", xmlns=NS)

    def add(rel: str, lastmod: str | None) -> None:
        el = ET.SubElement(urlset, "url")
        ET.SubElement(el, "loc").text = xml_text(base + rel, "sitemap.xml")
        if lastmod:
            ET.SubElement(el, "lastmod").text = lastmod

    newest = view.issues[0].date_iso if view.issues else None
    add("", newest)
    add("topics/index.html", newest)
    for topic in view.topics:
        add(topic.url, topic.articles[0].issue.date_iso if topic.articles else None)
    newest_of_year: dict[int, str] = {}
    for issue in view.issues:  # newest first: the first seen is the year's newest
        newest_of_year.setdefault(issue.date.year, issue.date_iso)
    for year, lastmod in newest_of_year.items():
        add(urls.year_path(year), lastmod)
    for issue in view.issues:
        add(issue.url, issue.date_iso)
        for article in issue.articles:
            add(article.url, issue.date_iso)
    ET.indent(urlset)
    path = out_dir / "sitemap.xml"
    atomic_write_bytes(path, ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n")
    atomic_write_text(out_dir / "robots.txt", f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n")
    return path
