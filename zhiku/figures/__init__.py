"""Figures drawn from sourced data: a ```figure block + the store → a numbered SVG/PNG (图N)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from zhiku.figures.model import RenderedFigure

# The drawing functions are imported on first use (PEP 562): they pull in resvg (vl-convert), fontTools
# and the data store (about 0.05 s), which a reader of ready figures — a render handed its
# figures, or unpickling a RenderedFigure, which imports this package — never needs.
if TYPE_CHECKING:
    from zhiku.figures.render import article_figure_blocks, render_article_figures, render_figure
    from zhiku.figures.spec import FigureData, resolve, vega_lite_spec

_LAZY = {
    "article_figure_blocks": "zhiku.figures.render",
    "render_article_figures": "zhiku.figures.render",
    "render_figure": "zhiku.figures.render",
    "FigureData": "zhiku.figures.spec",
    "resolve": "zhiku.figures.spec",
    "vega_lite_spec": "zhiku.figures.spec",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'zhiku.figures' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "FigureData",
    "RenderedFigure",
    "article_figure_blocks",
    "render_article_figures",
    "render_figure",
    "resolve",
    "vega_lite_spec",
]
