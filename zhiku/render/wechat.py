"""The WeChat pages: the whole issue (``wechat/index.html``) and each article (``wechat/<slug>.html``).

What an editor pastes into the WeChat editor (公众号后台) must carry its look with it: the editor
keeps inline styles and drops stylesheets, scripts and classes, and it drops pictures given as
data URIs. So the content is rendered with classes and ``wechat.css``, css-inline copies every
rule into ``style=""``, and then the classes, the stylesheet and any script are removed.
Figures are PNG files beside the pages (``wechat/figures/``), drawn for a phone's width and at
twice their CSS size (sharp on phones; WeChat's limit is 2 MB a picture). The page puts a
复制全文 / Copy button above the content (``wechat.js``); the content itself is what it copies.

The e-mail newsletter (``zhiku.render.email``) renders the same blocks the same way.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

from zhiku.model import Issue, Publication
from zhiku.render.annotate import Annotator
from zhiku.render.html import PageInline, page_context, render_template
from zhiku.render.inline import inline_plain
from zhiku.render.layout import ArticleView
from zhiku.render.theme_files import ASSETS_DIR, theme_file
from zhiku.sources.nesting import MAX_PAGE_DEPTH, check_html

# Types only: importing these packages at run time would pull in the claim engine and the
# chart toolchain (seconds of imports) for a render that is handed its findings and figures.
if TYPE_CHECKING:
    import jinja2

    from zhiku.figures.model import RenderedFigure

WECHAT_DIR = "wechat"
WECHAT_MAX_IMAGE = 2 * 1024 * 1024  # WeChat's limit for one picture
_LEFTOVER = re.compile(r"<(style|script)\b.*?</\1\s*>", re.S | re.I)
_CLASS = re.compile(r"""\sclass=(?:"[^"]*"|'[^']*')""")
_BODY = re.compile(r"<body\b[^>]*>(.*)</body>", re.S | re.I)


def png_size(png: bytes) -> tuple[int, int] | None:
    """A PNG's pixel size, from its IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or len(png) < 24:
        return None
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def wechat_png(rf: RenderedFigure) -> bytes:
    """The picture WeChat shows: the figure drawn for a phone (its readers' screen), at 2×."""
    return rf.phone_png or rf.png


def wechat_figure(view: ArticleView, number: int) -> str:
    """A figure's PNG for the WeChat pages, relative to the issue folder."""
    return f"{WECHAT_DIR}/figures/{view.slug}-{number}.png"


def wechat_src(name: str) -> str:
    """A file under ``wechat/`` as the WeChat pages (in that folder) link it."""
    return name.removeprefix(f"{WECHAT_DIR}/")


def figure_png(view: ArticleView, rf: RenderedFigure) -> tuple[str, bytes]:
    """A figure's PNG as the WeChat pages link it, and its bytes."""
    return wechat_src(wechat_figure(view, rf.number)), wechat_png(rf)


def inline_styles(html: str) -> str:
    """``html`` (a whole document with a <style>) with every rule copied into ``style=""`` and
    then the stylesheet, scripts and classes removed: nothing left depends on a stylesheet."""
    import css_inline  # here, not at the top: its import overlaps the PDF compile (render_issue)

    inliner = css_inline.CSSInliner(
        keep_style_tags=False, keep_link_tags=False, load_remote_stylesheets=False
    )
    inlined: str = inliner.inline(html)
    # css-inline already drops the <style>; a theme could still carry a script or a second style
    # block in an odd place, and neither survives the WeChat editor, so none may remain.
    return _CLASS.sub("", _LEFTOVER.sub("", inlined))


def content_of(document: str) -> str:
    """The inside of a document's <body>."""
    m = _BODY.search(document)
    return (m.group(1) if m else document).strip()


def reader_inline() -> PageInline:
    """Inline Markdown for a page readers get (notes as WeChat shows them, no draft marks)."""
    return PageInline(Annotator((), False), mode="wechat")


def styled_content(
    env: jinja2.Environment,
    template: str,
    publication: Publication,
    issue: Issue,
    figure_src: Callable[[ArticleView, RenderedFigure], tuple[str, bytes]],
    image_src: Callable[[str], str] | None = None,
    **extra: object,
) -> str:
    """The inline-styled content of ``template`` (a WeChat or e-mail template over wechat.css)."""
    css = theme_file(publication, "wechat.css").read_text(encoding="utf-8")
    inline = reader_inline()
    document = render_template(
        env,
        template,
        **page_context(publication, issue, ""),
        **extra,
        css=css,
        para=inline.para,
        md=inline.md,
        figure_src=figure_src,
        wechat_src=image_src or wechat_src,  # a picture's address from its wechat/images/ name
    )
    # css-inline walks the page recursively (in Rust: too deep a page kills the process). Sources
    # are limited already (zhiku.sources.nesting), so a page deeper than this is the template's.
    check_html(document, theme_file(publication, template), 1, MAX_PAGE_DEPTH)
    return content_of(inline_styles(document))


def _page(env: jinja2.Environment, publication: Publication, issue: Issue, content: str, title: str,
          copy_label: str) -> str:
    return render_template(
        env,
        "wechat_page.html",
        lang=publication.language,
        title=title,
        content=Markup(content),
        copy_label=copy_label,
        hint="复制后粘贴到公众号编辑器 / Copy, then paste into the WeChat editor",
        assets=f"../../{ASSETS_DIR}",
    )


def wechat_page(env: jinja2.Environment, publication: Publication, issue: Issue, view: ArticleView) -> str:
    """One article's WeChat page (``wechat/<slug>.html``)."""
    content = styled_content(env, "wechat.html", publication, issue, figure_png, view=view)
    return _page(env, publication, issue, content, inline_plain(view.article.title), "复制本文 / Copy")


def wechat_issue_page(
    env: jinja2.Environment, publication: Publication, issue: Issue, views: Sequence[ArticleView]
) -> str:
    """The whole issue's WeChat page (``wechat/index.html``): masthead, contents, every article."""
    content = styled_content(env, "wechat_issue.html", publication, issue, figure_png, views=views)
    title = f"{publication.name}{publication.column or ''} {issue.date_zh}"
    return _page(env, publication, issue, content, title, "复制全文 / Copy")


def wechat_files(
    env: jinja2.Environment, publication: Publication, issue: Issue, views: Sequence[ArticleView],
    only: str | None = None,
) -> dict[str, bytes]:
    """Every WeChat output of the issue (relative to its folder): the whole-issue page, each
    article's page and the figures' PNGs; with ``only``, that article's and the whole issue."""
    whole = wechat_issue_page(env, publication, issue, views)
    out: dict[str, bytes] = {f"{WECHAT_DIR}/index.html": whole.encode()}
    for view in views:
        if only is not None and view.slug != only:
            continue
        out[f"{WECHAT_DIR}/{view.slug}.html"] = wechat_page(env, publication, issue, view).encode()
        for rf in view.figures.values():
            out[wechat_figure(view, rf.number)] = wechat_png(rf)
    return out
