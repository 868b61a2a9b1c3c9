"""Render one issue: web page, per-article pages, print PDF (Typst), WeChat/e-mail pages and
checks.html. Templates, stylesheets and the Typst layout live in ``theme/``."""

from zhiku.render.html import ASSETS_DIR, theme_environment
from zhiku.render.issue import pdf_file_name, render_article_update, render_issue
from zhiku.render.theme_files import THEME_DIR

__all__ = [
    "ASSETS_DIR",
    "THEME_DIR",
    "pdf_file_name",
    "render_article_update",
    "render_issue",
    "theme_environment",
]
