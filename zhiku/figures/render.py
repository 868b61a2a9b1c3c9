"""Drawing an article's figures: Vega-Lite → SVG (vl-convert) → outlined SVG and PNG."""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Sequence
from typing import Any

import vl_convert

from zhiku.data import Store
from zhiku.errors import ZhikuWarning
from zhiku.figures.fonts import register_with_vl_convert
from zhiku.figures.model import RenderedFigure
from zhiku.figures.spec import FONT, PHONE, WIDTH, resolve, vega_lite_spec
from zhiku.figures.textpaths import add_title_and_desc, outline_svg_text
from zhiku.model import Article, Figure

PNG_SCALE = 2.0  # twice the SVG's pixel size: sharp on phones (WeChat) and in e-mail


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
        "height": 140,
        "data": {"values": [{"t": WAITING_TEXT}]},
        "mark": {"type": "text", "fontSize": 22, "font": FONT, "color": "#8a6d00"},
        "encoding": {"text": {"field": "t"}},
        "config": {"view": {"stroke": "#c9a400", "strokeDash": [6, 4], "strokeWidth": 1.5}, "font": FONT},
    }


def figure_specs(block: Figure, store: Store) -> tuple[dict[str, Any], ...]:
    """The Vega-Lite specs ``render_figure`` draws for ``block``, in order (the page's, then the
    phone's), for drawing them elsewhere first (``zhiku.figures.worker``)."""
    if not block.series:
        return (_waiting_spec(),)
    data = resolve(block, store)
    return (vega_lite_spec(block, data), vega_lite_spec(block, data, PHONE))


def _to_svg(spec: dict[str, Any], drawn: Sequence[str] | None, index: int) -> str:
    if drawn is not None:  # vl-convert's SVG of this very spec, drawn already
        return drawn[index]
    register_with_vl_convert()
    return str(vl_convert.vegalite_to_svg(spec))


def waiting_figure(block: Figure, number: int, drawn: Sequence[str] | None = None) -> RenderedFigure:
    """A figure whose block names no series yet (an imported caption whose picture was lost, or
    one written ahead of its data): its caption and a visible placeholder in every output, and
    a warning naming the block, so the issue builds and nobody mistakes it for finished."""
    warn_waiting(block, number)
    spec = _waiting_spec()
    raw_svg = _to_svg(spec, drawn, 0)
    title = f"图{number} {block.title}"
    description = f"{title}：图表等待数据 / the figure waits for its data"
    ident = "fig-" + hashlib.sha1(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:10]
    svg = add_title_and_desc(outline_svg_text(raw_svg), title, description, ident)
    note = block.source_note or "待补 / to come"
    return RenderedFigure(
        block=block,
        number=number,
        title=block.title,
        source_line=f"资料来源：{note}",
        svg=svg,
        png=bytes(vl_convert.svg_to_png(svg, scale=PNG_SCALE)),
        columns=(),
        rows=(),
        description=description,
        spec=json.dumps(spec, ensure_ascii=False),
        waiting=True,
    )


def render_figure(
    block: Figure, number: int, store: Store, *, drawn: Sequence[str] | None = None
) -> RenderedFigure:
    """One figure, numbered ``number`` (图N), drawn from the store; a block without ``series:``
    is drawn as the waiting placeholder (``waiting_figure``). ``drawn``: vl-convert's SVG of
    each of ``figure_specs(block, store)``, drawn beforehand in another process."""
    if not block.series:
        return waiting_figure(block, number, drawn)
    data = resolve(block, store)
    spec = vega_lite_spec(block, data)
    raw_svg = _to_svg(spec, drawn, 0)
    title = f"图{number} {block.title}"
    ident = "fig-" + hashlib.sha1(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:10]
    svg = add_title_and_desc(outline_svg_text(raw_svg), title, data.description, ident)
    png = bytes(vl_convert.svg_to_png(svg, scale=PNG_SCALE))
    # The same figure drawn for a phone: narrower, fewer axis labels, text that stays legible.
    phone_raw = _to_svg(vega_lite_spec(block, data, PHONE), drawn, 1)
    phone_svg = add_title_and_desc(outline_svg_text(phone_raw), title, data.description, ident + "-phone")
    return RenderedFigure(
        block=block,
        number=number,
        title=block.title,
        source_line=data.source_line,
        svg=svg,
        png=png,
        columns=data.columns,
        rows=data.rows,
        description=data.description,
        spec=json.dumps(spec, ensure_ascii=False),
        phone_svg=phone_svg,
        phone_png=bytes(vl_convert.svg_to_png(phone_svg, scale=PNG_SCALE)),
    )


def article_figure_blocks(article: Article) -> list[Figure]:
    """The article's figure blocks in reading order (lead first, then sections depth first)."""
    return [b for b in article.walk_blocks() if isinstance(b, Figure)]


def render_article_figures(article: Article, store: Store) -> list[RenderedFigure]:
    """Every figure of ``article``, numbered 图1, 图2 … in reading order."""
    blocks = article_figure_blocks(article)
    return [render_figure(b, b.number or n, store) for n, b in enumerate(blocks, start=1)]
