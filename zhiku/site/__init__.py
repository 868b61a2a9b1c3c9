"""The archive site: every issue, an index, topic pages, an Atom feed, a sitemap and Chinese search."""

from zhiku.site.build import BuildReport, build_site

__all__ = ["BuildReport", "build_site"]
