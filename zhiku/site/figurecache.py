"""Figures an issue had when it was last rendered, reused when it is rendered again.

Drawing a figure was 0.9 s of the 1 s it took to render an issue again after one article's text
changed, though the figure itself did not (that was with vl-convert; zhiku now draws its charts
itself, in milliseconds, but the PNGs and the glyph outlines still cost more than reading a
kept figure). Each render-cache entry therefore keeps its figures in a hidden
``.figures.json`` (never linked into the site; JSON in a record signed with this user's key,
see ``zhiku.integrity``, since the cache travels with the publication), without their PNG —
170 KB of the 200 KB a figure takes, and remade from the SVG in 0.03 s exactly as
``zhiku.figures`` makes it. When the issue of that date is rendered again, a figure whose
block reads the same (title, series, options, number) under the same data, settings and zhiku
code is taken from there.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from zhiku.figures.model import RenderedFigure
from zhiku.integrity import read_signed, write_signed
from zhiku.model import Figure, Issue
from zhiku.site.cache import code_version
from zhiku.site.cachecodec import CacheFormatError, Decoder, encode, model_classes

FIGURES_FILE = ".figures.json"
KIND = "figures"
SCHEMA = 1

FigureMap = dict[str, list[RenderedFigure]]


def figure_key(block: Figure, number: int, shared: str) -> str:
    """What a drawn figure depends on, apart from where its block stands in the file."""
    spec = [code_version(), shared, number, block.title, block.series, block.source_note, block.options]
    return hashlib.sha256(json.dumps(spec, ensure_ascii=False).encode("utf-8")).hexdigest()


def load(entry: Path | None, root: Path) -> dict[str, RenderedFigure]:
    """The figures kept in a render-cache entry, by ``figure_key`` (none if it has none, or if
    the record is not one this user's zhiku wrote: then they are drawn again)."""
    if entry is None:
        return {}
    body = read_signed(entry / FIGURES_FILE, KIND, SCHEMA)
    if not isinstance(body, dict):
        return {}
    decode = Decoder(model_classes(RenderedFigure), root)
    kept: dict[str, RenderedFigure] = {}
    try:
        for key, data in body.items():
            fig = decode(data)
            if not isinstance(fig, RenderedFigure):
                return {}
            kept[str(key)] = fig
    except CacheFormatError:
        return {}
    return kept


def with_pngs(fig: RenderedFigure) -> RenderedFigure:
    """A kept figure with its PNGs (the page's and the phone's) made again from its SVGs."""
    from zhiku.figures.render import with_pngs as make_pngs

    return make_pngs(fig)


@dataclass
class Planned:
    """One figure of an issue: taken from the last rendering (``old``), or to be drawn."""

    slug: str
    block: Figure
    number: int
    key: str
    old: RenderedFigure | None


def _plan(issue: Issue, shared: str, kept: dict[str, RenderedFigure]) -> list[Planned]:
    planned: list[Planned] = []
    for article in issue.articles:
        blocks = [b for b in article.walk_blocks() if isinstance(b, Figure)]
        for n, block in enumerate(blocks, start=1):
            number = block.number or n
            key = figure_key(block, number, shared)
            planned.append(Planned(article.slug, block, number, key, kept.get(key)))
    return planned


def draw(
    issue: Issue, store: Any, shared: str, kept: dict[str, RenderedFigure], *, pngs: bool = True
) -> tuple[FigureMap, dict[str, RenderedFigure]]:
    """Every article's figures, numbered per article (as ``zhiku.render.draw_figures`` does),
    taken from ``kept`` where the same figure was drawn before. Returns them and what to keep.
    Without ``pngs`` their PNGs are left for ``render_issue`` to make."""
    from zhiku.figures import render_figure
    from zhiku.figures.render import warn_waiting

    figures: FigureMap = {a.slug: [] for a in issue.articles}
    keep: dict[str, RenderedFigure] = {}
    for p in _plan(issue, shared, kept):
        if p.old is not None:
            fig = replace(p.old, block=p.block)
            fig = with_pngs(fig) if pngs else fig
            if fig.waiting:
                warn_waiting(p.block, p.number)
        else:
            fig = render_figure(p.block, p.number, store, pngs=pngs)
        figures[p.slug].append(fig)
        keep[p.key] = replace(fig, png=b"", phone_png=b"")
    return figures, keep


def save(target: Path, keep: dict[str, RenderedFigure], root: Path) -> None:
    if not keep:
        return
    try:
        body = {key: encode(fig, root) for key, fig in keep.items()}
    except CacheFormatError:  # a figure from outside the publication: not kept
        return
    write_signed(target / FIGURES_FILE, KIND, SCHEMA, body)
