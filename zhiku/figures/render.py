"""Drawing an article's figures: Vega-Lite → SVG (vl-convert) → outlined SVG and PNG."""

from __future__ import annotations

import hashlib
import json

import vl_convert

from zhiku.data import Store
from zhiku.figures.fonts import register_with_vl_convert
from zhiku.figures.model import RenderedFigure
from zhiku.figures.spec import PHONE, resolve, vega_lite_spec
from zhiku.figures.textpaths import add_title_and_desc, outline_svg_text
from zhiku.model import Article, Figure

PNG_SCALE = 2.0  # twice the SVG's pixel size: sharp on phones (WeChat) and in e-mail


def render_figure(block: Figure, number: int, store: Store) -> RenderedFigure:
    """One figure, numbered ``number`` (图N), drawn from the store."""
    data = resolve(block, store)
    spec = vega_lite_spec(block, data)
    register_with_vl_convert()
    raw_svg = vl_convert.vegalite_to_svg(spec)
    title = f"图{number} {block.title}"
    ident = "fig-" + hashlib.sha1(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:10]
    svg = add_title_and_desc(outline_svg_text(raw_svg), title, data.description, ident)
    png = bytes(vl_convert.svg_to_png(svg, scale=PNG_SCALE))
    # The same figure drawn for a phone: narrower, fewer axis labels, text that stays legible.
    phone_raw = vl_convert.vegalite_to_svg(vega_lite_spec(block, data, PHONE))
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
    return [render_figure(b, n, store) for n, b in enumerate(article_figure_blocks(article), start=1)]
