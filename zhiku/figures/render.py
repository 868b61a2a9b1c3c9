"""Drawing an article's figures: the data → SVG (``zhiku.figures.draw``) → PNG.

Each figure is drawn twice, for the page and the PDF (``spec.WIDE``) and for phones
(``spec.PHONE``), as zhiku's own SVG: the chart vl-convert would draw from the figure's Vega-Lite
spec (``spec.vega_lite_spec``, kept as ``RenderedFigure.spec``, the figure's recorded
specification), with its text already outlined, so no font is needed where it is shown. zhiku
draws it itself because starting vl-convert (V8 and Vega, about 0.4 s of CPU in every fresh
process, then 0.09 s a chart) cost more than the whole build issue 14 allows; see
``zhiku.figures.draw`` and docs/architecture.md ("Figures"). The PNG (WeChat, e-mail) is the SVG
rasterised by Typst (``zhiku.figures.raster``).
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from zhiku.data import Store
from zhiku.errors import ZhikuWarning
from zhiku.figures.draw import WAITING_HEIGHT, draw_svg, draw_waiting
from zhiku.figures.model import RenderedFigure
from zhiku.figures.raster import rasterise
from zhiku.figures.spec import FONT, PHONE, WIDE, WIDTH, chart_plan, resolve, vega_lite_spec
from zhiku.figures.textpaths import add_title_and_desc
from zhiku.model import Article, Figure

WAITING_TEXT = "数据待补 / data to come"


def warn_waiting(block: Figure, number: int) -> None:
    warnings.warn(
        ZhikuWarning(
            f"图{number}“{block.title}”还没有数据（写上 series: 即可出图），暂以“数据待补”占位",
            f"figure {number} '{block.title}' has no data yet (add 'series:' to draw it); "
            "shown as 'data to come'",
            block.source.file,
            block.source.line,
        ),
        stacklevel=3,
    )


def _waiting_spec() -> dict[str, Any]:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": WIDTH,
        "height": WAITING_HEIGHT,
        "data": {"values": [{"t": WAITING_TEXT}]},
        "mark": {"type": "text", "fontSize": 22, "font": FONT, "color": "#8a6d00"},
        "encoding": {"text": {"field": "t"}},
        "config": {"view": {"stroke": "#c9a400", "strokeDash": [6, 4], "strokeWidth": 1.5}, "font": FONT},
    }


def waiting_figure(block: Figure, number: int, *, pngs: bool = True) -> RenderedFigure:
    """A figure whose block names no series yet (an imported caption whose picture was lost, or
    one written ahead of its data): its caption and a visible placeholder in every output, and
    a warning naming the block, so the issue builds and nobody mistakes it for finished."""
    warn_waiting(block, number)
    spec = _waiting_spec()
    title = f"图{number} {block.title}"
    description = f"{title}：图表等待数据 / the figure waits for its data"
    ident = "fig-" + hashlib.sha1(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:10]
    svg = add_title_and_desc(draw_waiting(WAITING_TEXT), title, description, ident)
    note = block.source_note or "待补 / to come"
    return RenderedFigure(
        block=block,
        number=number,
        title=block.title,
        source_line=f"资料来源：{note}",
        svg=svg,
        png=rasterise([svg])[0] if pngs else b"",
        columns=(),
        rows=(),
        description=description,
        spec=json.dumps(spec, ensure_ascii=False),
        waiting=True,
    )


def with_pngs(fig: RenderedFigure) -> RenderedFigure:
    """``fig`` with its PNGs (the page's and the phone's, for e-mail and WeChat) made from its SVGs."""
    return figures_with_pngs([fig])[0]


def figures_with_pngs(figs: Sequence[RenderedFigure]) -> list[RenderedFigure]:
    """Each of ``figs`` with its PNGs made from its SVGs, all in one rasterisation."""
    svgs: list[str] = []
    for fig in figs:
        svgs.append(fig.svg)
        if fig.phone_svg:
            svgs.append(fig.phone_svg)
    pngs = iter(rasterise(svgs))
    return [replace(fig, png=next(pngs), phone_png=next(pngs) if fig.phone_svg else b"") for fig in figs]


def render_figure(block: Figure, number: int, store: Store, *, pngs: bool = True) -> RenderedFigure:
    """One figure, numbered ``number`` (图N), drawn from the store; a block without ``series:``
    is drawn as the waiting placeholder (``waiting_figure``). Without ``pngs`` its PNGs are left
    empty, for ``with_pngs`` later (a build makes them while Typst lays out the PDF)."""
    if not block.series:
        return waiting_figure(block, number, pngs=pngs)
    data = resolve(block, store)
    spec = vega_lite_spec(block, data)
    title = f"图{number} {block.title}"
    ident = "fig-" + hashlib.sha1(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:10]
    svg = add_title_and_desc(draw_svg(chart_plan(block, data, WIDE)), title, data.description, ident)
    # The same figure drawn for a phone: narrower, fewer axis labels, text that stays legible.
    phone_svg = add_title_and_desc(
        draw_svg(chart_plan(block, data, PHONE)), title, data.description, ident + "-phone"
    )
    fig = RenderedFigure(
        block=block,
        number=number,
        title=block.title,
        source_line=data.source_line,
        svg=svg,
        png=b"",
        columns=data.columns,
        rows=data.rows,
        description=data.description,
        spec=json.dumps(spec, ensure_ascii=False),
        phone_svg=phone_svg,
    )
    return with_pngs(fig) if pngs else fig


def article_figure_blocks(article: Article) -> list[Figure]:
    """The article's figure blocks in reading order (lead first, then sections depth first)."""
    return [b for b in article.walk_blocks() if isinstance(b, Figure)]


def render_article_figures(article: Article, store: Store) -> list[RenderedFigure]:
    """Every figure of ``article``, numbered 图1, 图2 … in reading order."""
    blocks = article_figure_blocks(article)
    return figures_with_pngs(
        [render_figure(b, b.number or n, store, pngs=False) for n, b in enumerate(blocks, start=1)]
    )
