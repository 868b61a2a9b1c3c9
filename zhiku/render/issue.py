"""Publish one issue: the issue page, per-article pages, the PDF, WeChat pages and checks.html.

Everything is written into a staging folder beside ``out_dir/<date>`` and renamed into place
only when every output has been made, so a failed render leaves the previous output whole.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from zhiku.errors import ZhikuError
from zhiku.fsutil import atomic_write_bytes, replace_dir, staging_dir_for
from zhiku.model import Article, Figure, Issue, Publication
from zhiku.render.layout import ArticleView, issue_layout
from zhiku.render.pdf import prepare_issue_pdf
from zhiku.render.text import file_safe_name
from zhiku.render.theme_files import ASSETS_DIR, theme_file

# Types only: importing these packages at run time would pull in the claim engine and the
# chart toolchain (seconds of imports) for a render that is handed its findings and figures.
if TYPE_CHECKING:
    from zhiku.claims.model import Finding
    from zhiku.data import Store
    from zhiku.figures.model import RenderedFigure

ASSET_FILES = ("zhiku.css", "checks.js", "wechat.js")

FigureMap = Mapping[str, Sequence["RenderedFigure"]]


def pdf_file_name(publication: Publication, issue: Issue) -> str:
    """``runwaysys-2021-11-22.pdf``: the English name if there is one (file-system safe)."""
    base = file_safe_name(publication.name_en or publication.name)
    return f"{base}-{issue.date.isoformat()}.pdf"


def draw_figures(issue: Issue, store: Store | None) -> dict[str, list[RenderedFigure]]:
    """Every article's figures through ``zhiku.figures`` (numbered per article)."""
    if store is None:
        if any(True for a in issue.articles for b in a.walk_blocks() if isinstance(b, Figure)):
            raise ZhikuError("画图需要数据库（store）", "figures need the data store", issue.source.file)
        return {}
    from zhiku.figures import render_article_figures  # the chart toolchain, only when drawing

    return {a.slug: list(render_article_figures(a, store)) for a in issue.articles}


def _with_pngs(figures: FigureMap) -> FigureMap:
    """Every figure with its PNGs (WeChat and e-mail show pictures, not SVG), made in one
    rasterisation; a figure that has them already is kept as it is."""
    from zhiku.figures.render import figures_with_pngs

    missing = [f for fs in figures.values() for f in fs if not f.png]
    made = iter(figures_with_pngs(missing))
    return {slug: [f if f.png else next(made) for f in fs] for slug, fs in figures.items()}


def _issue_findings(issue: Issue, findings: Sequence[Finding]) -> list[Finding]:
    """The findings about this issue's articles (by slug, else by source file)."""
    slugs = {a.slug for a in issue.articles}
    files = {a.source.file.resolve() for a in issue.articles}
    return [f for f in findings if (f.article in slugs) or (f.file.resolve() in files)]


def _html_pages(
    publication: Publication,
    issue: Issue,
    views: Sequence[ArticleView],
    findings: Sequence[Finding],
    annotate: bool,
    only: str | None = None,
    checks: bool = False,
    channel_views: Callable[[], Sequence[ArticleView]] | None = None,
    on_web: Callable[[Mapping[str, bytes]], None] | None = None,
) -> dict[str, bytes]:
    """The issue's web, WeChat and e-mail pages (and checks.html). The WeChat and e-mail pages
    show the figures' PNGs: ``channel_views`` gives the views with them, asked for only once
    the web pages are done (a build makes the PNGs meanwhile); without it ``views`` has them.
    ``on_web`` is given the web pages as soon as they exist (the search index needs no more)."""
    # The page modules (Jinja2, css-inline, nh3) load here, not with this module: in a cold
    # render that is while Typst already compiles the PDF in the other thread.
    from zhiku.render.annotate import Annotator
    from zhiku.render.html import article_page, checks_page, figure_file, issue_page, theme_environment
    from zhiku.render.wechat import wechat_files

    env = theme_environment(publication)
    pdf_name = pdf_file_name(publication, issue)
    out: dict[str, bytes] = {}
    annotator = Annotator(findings, annotate)
    out["index.html"] = issue_page(env, publication, issue, views, annotator, pdf_name, checks).encode()
    for view in views:
        if only is not None and view.slug != only:
            continue
        out[f"{view.slug}.html"] = article_page(
            env, publication, issue, view, views, Annotator(findings, annotate), pdf_name
        ).encode()
        for rf in view.figures.values():
            out[figure_file(view, rf.number)] = rf.svg.encode()
            if rf.phone_svg:
                out[figure_file(view, rf.number, "phone")] = rf.phone_svg.encode()
        for img in view.images.values():
            out[img.name] = img.data
            out[img.wechat_name] = img.wechat_data
    if only is None and checks:
        out["checks.html"] = checks_page(env, publication, issue, findings, views).encode()
    if on_web is not None:
        on_web(dict(out))
    views = channel_views() if channel_views is not None else views
    out.update(wechat_files(env, publication, issue, views, only))
    if only is None:
        from zhiku.render.email import email_files

        out.update(email_files(env, publication, issue, views, pdf_name))
    return out


def _write_assets(publication: Publication, out_dir: Path) -> list[Path]:
    written: list[Path] = []
    for name in ASSET_FILES:
        target = out_dir / ASSETS_DIR / name
        data = theme_file(publication, name).read_bytes()
        if not target.is_file() or target.read_bytes() != data:
            atomic_write_bytes(target, data)
        target.chmod(0o644)
        written.append(target)
    return written


def render_issue(
    publication: Publication,
    issue: Issue,
    out_dir: Path,
    *,
    store: Store | None,
    findings: Sequence[Finding] | Callable[[], Sequence[Finding]],
    annotate: bool = False,
    figures: FigureMap | None = None,
    checks: bool = False,
    on_pages: Callable[[Mapping[str, bytes]], None] | None = None,
) -> list[Path]:
    """Write ``out_dir/<date>/`` (index.html, <slug>.html, <name>-<date>.pdf, wechat/<slug>.html,
    figures/*.svg, and with ``checks`` checks.html) and ``out_dir/assets/``. Returns every file
    written.

    ``checks`` writes the number-check page (file paths, every inconsistency) and links it from
    the issue page: for the editors (``zhiku build --drafts``); a publication with ``checks:
    public`` always has it. Otherwise readers see neither the page nor a link to it.

    ``figures`` (article slug → rendered figures) skips drawing them, for callers that have
    them already (the serve loop, the benchmark); otherwise ``zhiku.figures`` draws them from
    ``store``. ``annotate`` marks inconsistent claims in the pages (a draft build).
    ``on_pages`` is given the web pages (path in ``<date>/`` → bytes) as soon as they exist,
    while the PDF may still compile (``zhiku build`` starts the search index with them).

    ``findings`` may be a function that checks the numbers (called once), and figures may come
    without their PNGs (``render_figure(pngs=False)``): both are then made while Typst lays out
    the PDF, which needs neither; the function is called after the pages when they show no
    finding (neither ``annotate`` nor ``checks``).
    """
    out_dir = Path(out_dir)
    checks = checks or publication.checks_public
    figs = figures if figures is not None else draw_figures(issue, store)
    views = issue_layout(issue, figs, publication)
    # Typst works in two more threads while the web pages render in this one — the figures'
    # PNGs, then the PDF: it releases the GIL while it draws, loads fonts and lays out (most of
    # a fresh process's render), so on two cores the check, the PNGs and the pages come almost
    # free. The PDF's Python half (the Typst source) runs first, here, so this thread cannot
    # hold it up. Errors surface here, from result().
    with (
        tempfile.TemporaryDirectory(prefix="zhiku-typst-") as build,
        ThreadPoolExecutor(max_workers=2, thread_name_prefix="zhiku-typst") as pool,
    ):
        pngs = pool.submit(_with_pngs, figs) if any(not f.png for fs in figs.values() for f in fs) else None
        pdf = pool.submit(prepare_issue_pdf(publication, issue, views, Path(build)))

        def channel_views() -> Sequence[ArticleView]:
            return issue_layout(issue, pngs.result(), publication) if pngs is not None else views

        # Readers' pages show no finding: the check (in a child process, or run by this call) is
        # waited for only after them, unless the pages mark findings or link checks.html.
        shown = annotate or checks
        found = (findings() if callable(findings) else findings) if shown else ()
        mine = _issue_findings(issue, found)
        files = _html_pages(
            publication,
            issue,
            views,
            mine,
            annotate,
            checks=checks,
            channel_views=channel_views,
            on_web=on_pages,
        )
        if not shown and callable(findings):
            findings()  # the verdicts are the build's report, and the check records the issue
        files[pdf_file_name(publication, issue)] = pdf.result()

    target = out_dir / issue.date.isoformat()
    staging = staging_dir_for(target)
    try:
        staging.chmod(0o755)  # mkdtemp makes it private; the site is served to everyone
        for rel, data in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        assets = _write_assets(publication, out_dir)
        replace_dir(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [target / rel for rel in files] + assets


def render_article_update(
    publication: Publication,
    issue: Issue,
    article: Article,
    out_dir: Path,
    *,
    findings: Sequence[Finding],
    figures: FigureMap,
    annotate: bool = False,
    checks: bool = False,
) -> list[Path]:
    """The fast in-process rebuild of one changed article (``zhiku serve``): its page, its WeChat
    page, its figures and the issue page, each replaced atomically. The PDF and checks.html are
    left for the full build. ``issue`` must already hold the changed article."""
    if all(a.slug != article.slug for a in issue.articles):
        raise ZhikuError(
            f"本期没有这篇文章：{article.slug}",
            f"article not in this issue: {article.slug}",
            article.source.file,
            article.source.line,
        )
    views = issue_layout(issue, figures, publication)
    mine = _issue_findings(issue, findings)
    checks = checks or publication.checks_public
    files = _html_pages(publication, issue, views, mine, annotate, only=article.slug, checks=checks)
    target = out_dir / issue.date.isoformat()
    written: list[Path] = []
    for rel, data in files.items():
        path = target / rel
        atomic_write_bytes(path, data)
        path.chmod(0o644)
        written.append(path)
    return written
