"""Figures drawn from sourced data: a ```figure block + the store → a numbered SVG/PNG (图N)."""

from zhiku.figures.model import RenderedFigure
from zhiku.figures.render import article_figure_blocks, render_article_figures, render_figure
from zhiku.figures.spec import FigureData, resolve, vega_lite_spec

__all__ = [
    "FigureData",
    "RenderedFigure",
    "article_figure_blocks",
    "render_article_figures",
    "render_figure",
    "resolve",
    "vega_lite_spec",
]
