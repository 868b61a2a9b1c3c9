"""The archive site: every issue, an index, topic pages, an Atom feed, a sitemap and Chinese search."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zhiku.site.build import BuildReport, build_site

__all__ = ["BuildReport", "build_site"]


def __getattr__(name: str) -> Any:
    # The build (and the renderers, the claim engine, Jinja2 it loads) is imported on first use,
    # so that ``zhiku build --help`` and the CLI's other commands do without those 0.2 s of imports.
    if name in __all__:
        from zhiku.site import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
