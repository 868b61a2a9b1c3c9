"""Web pages from the theme's Jinja2 templates: the issue page, one page per article, checks.html.

Autoescape is on for every template; inline Markdown reaches a template only as sanitised
Markup (``inline.inline_html``). A template error becomes a ZhikuError naming the template
file and line.

A publication's theme comes with the publication, so its templates are untrusted code: they run
in Jinja's immutable sandbox (no ``__class__`` tricks, no changing zhiku's objects), with
attribute access to paths and modules refused as well (a ``Path`` in the context would
otherwise offer ``read_text`` and ``unlink``), and a template file — or one it includes or
extends — is loaded only from inside the publication (a symbolic link out is an error).
"""

from __future__ import annotations

import functools
import os
import re
import types
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from zhiku.errors import ZhikuError
from zhiku.fsutil import user_cache_dir
from zhiku.model import (
    CALLOUT_TITLES,
    Callout,
    DefinitionList,
    Figure,
    HtmlBlock,
    Image,
    Issue,
    ListBlock,
    Paragraph,
    Publication,
    Quote,
    Table,
)
from zhiku.render.annotate import RELATION_ZH, VERDICT_ZH, Annotator, finding_note
from zhiku.render.inline import (
    InlineState,
    inline_html,
    inline_html_in,
    inline_plain,
    sanitize_block,
    sanitize_inline,
)
from zhiku.render.layout import ArticleView
from zhiku.render.meta import contact_lines, publisher_name
from zhiku.render.theme_files import ASSETS_DIR, THEME_DIR, theme_dirs
from zhiku.sources.paths import inside

# Types only: importing these packages at run time would pull in the claim engine and the
# chart toolchain (seconds of imports) for a render that is handed its findings and figures.
if TYPE_CHECKING:
    import jinja2

    from zhiku.claims.model import Finding



def _block_kind(block: object) -> str:
    kinds: dict[type, str] = {
        Paragraph: "paragraph",
        ListBlock: "list",
        Quote: "quote",
        Table: "table",
        Figure: "figure",
        HtmlBlock: "html",
        Image: "image",
        Callout: "callout",
        DefinitionList: "deflist",
    }
    return kinds.get(type(block), "unknown")


class PageInline:
    """One page's inline rendering: per article, the notes already shown (``InlineState``)."""

    def __init__(self, annotator: Annotator, mode: str = "web") -> None:
        self.annotator = annotator
        self.mode = mode
        self.states: dict[str, InlineState] = {}

    def state(self, view: ArticleView | None) -> InlineState | None:
        if view is None:
            return None
        st = self.states.get(view.anchor)
        if st is None:
            st = self.states[view.anchor] = InlineState(view.refs, self.mode)
        return st

    def md(self, text: str, view: ArticleView | None = None) -> Markup:
        return Markup(inline_html_in(str(text), self.state(view)))

    def para(self, p: Paragraph, view: ArticleView | None = None) -> Markup:
        return self.annotator.paragraph_html(p, self.state(view))


_URL = re.compile(r"(https?://[^\s<>\"]+?)(?=[.,;]?(?:\s|$|<))")


def reference_html(html: str) -> Markup:
    """A formatted reference (citeproc's HTML, escaped) with its URL made a link."""
    return Markup(sanitize_inline(_URL.sub(r'<a href="\1">\1</a>', str(html))))


def width_style(width: str | None) -> str:
    """A picture's written width as CSS: 60% → width:60%; 300px → width:300px (never wider
    than the column)."""
    return f"width:{width};max-width:100%" if width else ""


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs (Jinja2 checks each against its source), so a cold
    ``zhiku build`` does not spend a tenth of a second recompiling the theme. The folder is this
    user's own (``zhiku.fsutil.user_cache_dir``: compiled templates are code, so never a folder
    another user could write); none if there is no such folder."""
    import jinja2

    base = user_cache_dir()
    if base is None:
        return None
    folder = base / "jinja"
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None


@functools.lru_cache(maxsize=8)
def _environment(dirs: tuple[Path, ...], root: Path) -> jinja2.Environment:
    # Jinja2 is imported here, not at the top (0.03 s): render_issue starts the PDF first, in
    # its own thread, and the web pages' imports then overlap Typst's work.
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class ThemeSandbox(ImmutableSandboxedEnvironment):
        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            if isinstance(obj, os.PathLike | types.ModuleType) or callable(getattr(obj, "fileno", None)):
                return False
            return bool(super().is_safe_attribute(obj, attr, value))

    class ContainedLoader(jinja2.FileSystemLoader):
        """Templates from zhiku's theme, or from the publication's own, resolving inside it."""

        def get_source(
            self, environment: jinja2.Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            source, filename, uptodate = super().get_source(environment, template)
            if not Path(filename).resolve().is_relative_to(THEME_DIR):
                inside(Path(filename), root)
            return source, filename, uptodate

    env = ThemeSandbox(
        loader=ContainedLoader([str(d) for d in dirs]),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = lambda text: Markup(inline_html(str(text)))
    env.filters["plain"] = lambda text: inline_plain(str(text))
    env.filters["raw_html"] = lambda html: Markup(sanitize_block(str(html)))
    env.filters["reference_html"] = reference_html
    env.globals["block_kind"] = _block_kind
    env.globals["relation_zh"] = RELATION_ZH
    env.globals["verdict_zh"] = VERDICT_ZH
    env.globals["finding_note"] = finding_note
    env.globals["figure_size"] = figure_size
    env.globals["callout_titles"] = CALLOUT_TITLES
    env.globals["width_style"] = width_style
    from zhiku.render.wechat import png_size  # here: wechat imports this module

    env.globals["png_size"] = png_size
    return env


def theme_environment(publication: Publication) -> jinja2.Environment:
    """The Jinja2 environment for a publication's theme (its own ``theme/`` first, then zhiku's).

    The site stage uses it too, so its pages can extend ``base.html``.
    """
    return _environment(tuple(theme_dirs(publication)), publication.root)


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template; syntax and runtime errors become one ZhikuError with file:line."""
    import jinja2
    import jinja2.exceptions

    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as err:
        raise ZhikuError(
            f"模板语法错误：{err.message}",
            f"template syntax error: {err.message}",
            err.filename or name,
            err.lineno,
        ) from None
    except jinja2.TemplateNotFound as err:
        raise ZhikuError(f"找不到模板：{err.name}", f"template not found: {err.name}", name) from None
    except jinja2.exceptions.SecurityError as err:
        template = env.get_template(name)
        raise ZhikuError(
            f"模板做了不允许的操作：{err}", f"the template tried something not allowed: {err}",
            template.filename or name,
        ) from None
    except (jinja2.TemplateError, TypeError, AttributeError, ValueError, ArithmeticError) as err:
        template = env.get_template(name)
        raise ZhikuError(f"模板出错：{err}", f"template failed: {err}", template.filename or name) from None


def _sentences_with(text: str, spans: Sequence[str]) -> str:
    """The sentences of a paragraph that hold any of the spans (the whole text if none do)."""
    sentences = re.split(r"(?<=[。！？；])", text)
    hits = [s for s in sentences if any(span and span in s for span in spans)]
    return "".join(hits) or text


def page_context(publication: Publication, issue: Issue, assets: str) -> dict[str, Any]:
    """What every page of an issue knows: publication, issue, contacts, the asset folder."""
    return {
        "publication": publication,
        "issue": issue,
        "publisher": publisher_name(publication),
        "contacts": contact_lines(publication),
        "assets": assets,
        "lang": publication.language,
    }


_SVG_SIZE = re.compile(r'<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"')


def figure_size(svg: str) -> tuple[int, int] | None:
    """The SVG's intrinsic size, for <img width height> (the page does not jump as it loads)."""
    m = _SVG_SIZE.search(svg[:2000])
    return (round(float(m.group(1))), round(float(m.group(2)))) if m else None


def figure_file(view: ArticleView, number: int, variant: str = "") -> str:
    """The figure's SVG path relative to the issue folder; ``variant`` "phone" for the phone's."""
    return f"figures/{view.slug}-{number}{'-' + variant if variant else ''}.svg"


def _reading_page(
    env: jinja2.Environment,
    template: str,
    publication: Publication,
    issue: Issue,
    annotator: Annotator,
    pdf_name: str,
    **extra: object,
) -> str:
    """The issue page and the article pages share everything but their template and view."""
    page = PageInline(annotator)
    return render_template(
        env,
        template,
        **page_context(publication, issue, f"../{ASSETS_DIR}"),
        **extra,
        para=page.para,
        md=page.md,
        figure_file=figure_file,
        pdf_name=pdf_name,
        annotate=bool(annotator.findings),
    )


def issue_page(
    env: jinja2.Environment,
    publication: Publication,
    issue: Issue,
    views: Sequence[ArticleView],
    annotator: Annotator,
    pdf_name: str,
    checks: bool = False,
) -> str:
    return _reading_page(
        env, "issue.html", publication, issue, annotator, pdf_name, views=views, checks_link=checks
    )


def article_page(
    env: jinja2.Environment,
    publication: Publication,
    issue: Issue,
    view: ArticleView,
    views: Sequence[ArticleView],
    annotator: Annotator,
    pdf_name: str,
) -> str:
    return _reading_page(
        env, "article.html", publication, issue, annotator, pdf_name, view=view, views=views
    )


def checks_page(
    env: jinja2.Environment,
    publication: Publication,
    issue: Issue,
    findings: Sequence[Finding],
    views: Sequence[ArticleView],
) -> str:
    def shown_path(path: Path) -> str:
        try:
            return str(path.resolve().relative_to(publication.root.resolve()))
        except ValueError:
            return str(path)

    titles = {v.slug: v.article.title for v in views}

    def excerpt(f: Finding) -> Markup:
        """The sentence that holds the claim (the paragraph when no sentence is given), spans marked."""
        text = getattr(f, "sentence", "") or _sentences_with(f.text, f.spans)
        html = str(escape(text))
        for span in sorted(set(f.spans), key=len, reverse=True):
            if span and span in text:
                esc = str(escape(span))
                html = html.replace(esc, f"\ue000{esc}\ue001")
        return Markup(html.replace("\ue000", "<mark>").replace("\ue001", "</mark>"))

    order = {"inconsistent": 0, "unverifiable": 1, "consistent": 2}
    rows = sorted(findings, key=lambda f: (order.get(f.verdict, 3), str(f.file), f.line))
    relations = sorted({f.relation for f in findings})
    counts = {v: sum(1 for f in findings if f.verdict == v) for v in VERDICT_ZH}
    return render_template(
        env,
        "checks.html",
        **page_context(publication, issue, f"../{ASSETS_DIR}"),
        findings=rows,
        relations=relations,
        counts=counts,
        shown_path=shown_path,
        excerpt=excerpt,
        titles=titles,
        views=views,
    )

