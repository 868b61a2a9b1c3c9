"""The archive site: every issue, an index, topic pages, an Atom feed, a sitemap and Chinese search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhiku.lazy import lazy_names

if TYPE_CHECKING:
    from zhiku.site.build import BuildReport, build_site

__all__ = ["BuildReport", "build_site"]


# The build (and the renderers, the claim engine, Jinja2 it loads) is imported on first use,
# so that ``zhiku build --help`` and the CLI's other commands do without those 0.2 s of imports.
__getattr__, __dir__ = lazy_names(__name__, {"BuildReport": "build", "build_site": "build"}, globals())
