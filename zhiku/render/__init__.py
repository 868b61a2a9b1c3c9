"""Render one issue: web page, per-article pages, print PDF (Typst), WeChat/e-mail pages and
checks.html. Templates, stylesheets and the Typst layout live in ``theme/``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from zhiku.render.issue import pdf_file_name, render_article_update, render_issue
from zhiku.render.theme_files import ASSETS_DIR, THEME_DIR

if TYPE_CHECKING:
    from zhiku.render.html import theme_environment

__all__ = [
    "ASSETS_DIR",
    "THEME_DIR",
    "pdf_file_name",
    "render_article_update",
    "render_issue",
    "theme_environment",
]


def __getattr__(name: str) -> Any:
    # The page modules (Jinja2 …) load when first used: a cold render starts the PDF first.
    if name == "theme_environment":
        from zhiku.render.html import theme_environment

        return theme_environment
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
