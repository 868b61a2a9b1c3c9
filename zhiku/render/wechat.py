"""The WeChat / e-mail page of one article: every style inlined, no <style> or <script>,
figures and pictures as image files beside the page (``wechat/figures/``, ``wechat/images/``):
what the WeChat editor takes (it uploads picture files; it drops data URIs and SVG)."""

from __future__ import annotations

import base64
import re
from typing import TYPE_CHECKING

from zhiku.model import Issue, Publication
from zhiku.render.annotate import Annotator
from zhiku.render.html import PageInline, page_context, render_template
from zhiku.render.layout import ArticleView
from zhiku.render.theme_files import theme_file
from zhiku.sources.nesting import MAX_PAGE_DEPTH, check_html

# Types only: importing these packages at run time would pull in the claim engine and the
# chart toolchain (seconds of imports) for a render that is handed its findings and figures.
if TYPE_CHECKING:
    import jinja2

    from zhiku.figures.model import RenderedFigure

_LEFTOVER = re.compile(r"<(style|script)\b.*?</\1\s*>", re.S | re.I)


def png_uri(rf: RenderedFigure) -> str:
    """A figure's PNG as a data URI (for a single self-contained file, e.g. an e-mail body)."""
    return "data:image/png;base64," + base64.b64encode(rf.png).decode("ascii")


def wechat_figure(view: ArticleView, number: int) -> str:
    """A figure's PNG for the WeChat page, relative to the issue folder."""
    return f"wechat/figures/{view.slug}-{number}.png"


def wechat_src(name: str) -> str:
    """A file under ``wechat/`` as the WeChat page (in that folder) links it."""
    return name.removeprefix("wechat/")


def wechat_page(
    env: jinja2.Environment, publication: Publication, issue: Issue, view: ArticleView, annotator: Annotator
) -> str:
    css = theme_file(publication, "wechat.css").read_text(encoding="utf-8")
    page = PageInline(annotator, mode="wechat")
    html = render_template(
        env,
        "wechat.html",
        **page_context(publication, issue, ""),
        view=view,
        css=css,
        para=page.para,
        md=page.md,
        png_uri=png_uri,
        wechat_figure=wechat_figure,
        wechat_src=wechat_src,
    )
    # css-inline walks the page recursively (in Rust: too deep a page kills the process). Sources
    # are limited already (zhiku.sources.nesting), so a page deeper than this is the template's.
    check_html(html, theme_file(publication, "wechat.html"), 1, MAX_PAGE_DEPTH)
    import css_inline  # here, not at the top: its import overlaps the PDF compile (render_issue)

    inliner = css_inline.CSSInliner(
        keep_style_tags=False, keep_link_tags=False, load_remote_stylesheets=False
    )
    inlined: str = inliner.inline(html)
    # css-inline already drops the <style>; a theme could still carry a script or a second style
    # block in an odd place, and neither survives the WeChat editor, so none may remain.
    return _LEFTOVER.sub("", inlined)
