"""The issue as the renderers see it: anchors, figures by block, and heading checks.

Built once per render and shared by the HTML, PDF and WeChat outputs so that anchors and
figure numbers agree everywhere.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from zhiku.errors import ZhikuWarning
from zhiku.model import Article, Figure, Image, Issue, Publication, Section, Table
from zhiku.render.images import ImageFile, image_file
from zhiku.render.refs import ArticleRefs, article_refs
from zhiku.render.tables import uniform_decimals
from zhiku.render.text import AnchorSet, anchor_for

# Types only: importing these packages at run time would pull in the claim engine and the
# chart toolchain (seconds of imports) for a render that is handed its findings and figures.
if TYPE_CHECKING:
    from zhiku.figures.model import RenderedFigure


@dataclass(frozen=True)
class SectionView:
    section: Section
    anchor: str
    depth: int  # 1 = the article's top-level sections
    children: tuple[SectionView, ...]


# A number as a table cell states it: 8225, 12,400, −0.4, 98.4%, +3.5 (a dash or blank is no value).
_NUMBER_CELL = re.compile(r"^(?P<num>[−\-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?)(?P<unit>%|‰)?$")
_NO_VALUE = frozenset(("", "-", "—", "－", "…", "...", "/", "n.a.", "NA", "–"))


@dataclass(frozen=True)
class TableView:
    """A table as the renderers lay it out: each column's alignment (numbers to the right) and,
    per body cell, the invisible padding that lines its decimal point up with the column's."""

    table: Table
    align: tuple[str, ...]  # per column: left, right, center
    pads: tuple[tuple[str, ...], ...]  # per body row and column: "", "0", ".0" …
    wide: bool  # many columns or long cells: scroll sideways on a phone
    # The body as shown: each all-number column with one number of decimals (render.tables).
    rows: tuple[tuple[str, ...], ...] = ()

    def cell_pad(self, row: int, col: int) -> str:
        return self.pads[row][col] if row < len(self.pads) and col < len(self.pads[row]) else ""


def table_view(t: Table) -> TableView:
    ncols = max([len(t.header)] + [len(r) for r in t.rows])
    align: list[str] = []
    # Numbers in a column share one number of decimals (1.5, 2 → 1.5, 2.0) unless the column holds
    # more than plain numbers; the padding below then lines up only what is left.
    shown = uniform_decimals(t.rows)
    pads: list[list[str]] = [[""] * ncols for _ in t.rows]
    for c in range(ncols):
        cells = [r[c].strip() if c < len(r) else "" for r in shown]
        matches = [_NUMBER_CELL.match(x) for x in cells]
        values = [m for x, m in zip(cells, matches, strict=True) if x not in _NO_VALUE]
        # The first column is the stub (row labels: 年份, 地区 …), read as words even when they
        # are years; the others are figures when every cell holding a value is a number.
        numeric = c > 0 and bool(values) and all(m is not None for m in values)
        written = t.align[c] if c < len(t.align) else ""
        align.append(written or ("right" if numeric else "left"))
        if numeric and (written or "right") == "right":
            decimals = [len(m["frac"]) - 1 if m and m["frac"] else 0 for m in matches]
            most = max(decimals)
            for r, (m, d) in enumerate(zip(matches, decimals, strict=True)):
                if m is not None and d < most:
                    pads[r][c] = ("." if d == 0 else "") + "0" * (most - d)
    longest = max([len(x) for row in (t.header, *t.rows) for x in row] or [0])
    wide = ncols > 4 or longest > 24
    return TableView(t, tuple(align), tuple(tuple(p) for p in pads), wide, shown)


@dataclass(frozen=True)
class ArticleView:
    article: Article
    anchor: str  # the article's id on the issue page (its slug)
    number: int  # 1-based position in the issue
    sections: tuple[SectionView, ...]
    figures: Mapping[Figure, RenderedFigure]
    refs: ArticleRefs = field(default_factory=lambda: ArticleRefs("", 0, (), (), ()))
    images: Mapping[Image, ImageFile] = field(default_factory=dict)
    tables: Mapping[Table, TableView] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.article.slug

    def figure_for(self, block: Figure) -> RenderedFigure | None:
        return self.figures.get(block)

    def image_for(self, block: Image) -> ImageFile:
        return self.images[block]

    def table_for(self, block: Table) -> TableView:
        view = self.tables.get(block)
        return view if view is not None else table_view(block)

    def all_sections(self) -> list[SectionView]:
        out: list[SectionView] = []

        def walk(views: Sequence[SectionView]) -> None:
            for v in views:
                out.append(v)
                walk(v.children)

        walk(self.sections)
        return out


def _section_views(
    sections: Sequence[Section], depth: int, prefix: str, anchors: AnchorSet, article: Article
) -> tuple[SectionView, ...]:
    views: list[SectionView] = []
    for s in sections:
        if s.level != depth:
            # A heading that skips a level (## then ####) still renders, at its nesting depth,
            # but the editor hears about it with the file and line.
            warnings.warn(
                ZhikuWarning(
                    f"标题层级跳跃：第{s.level}级标题出现在第{depth - 1}级标题之下（{s.title}）",
                    f"heading level skips: level {s.level} under level {depth - 1} ({s.title})",
                    s.source.file,
                    s.source.line,
                ),
                stacklevel=2,
            )
        anchor = anchors.take(f"{prefix}-{anchor_for(s.title)}")
        children = _section_views(s.sections, depth + 1, prefix, anchors, article)
        views.append(SectionView(s, anchor, depth, children))
    return tuple(views)


def _match_figures(article: Article, rendered: Sequence[RenderedFigure]) -> dict[Figure, RenderedFigure]:
    """Pair each figure block with its drawing: by equal block, else by line and title (the same
    source read from another path, as a cached drawing is), else by reading order (图N is the
    N-th figure block)."""
    blocks = [b for b in article.walk_blocks() if isinstance(b, Figure)]
    by_block = {rf.block: rf for rf in rendered}
    by_place = {(rf.block.source.line, rf.block.title): rf for rf in rendered}
    by_number = {rf.number: rf for rf in rendered}
    out: dict[Figure, RenderedFigure] = {}
    for n, b in enumerate(blocks, start=1):
        rf = by_block.get(b) or by_place.get((b.source.line, b.title)) or by_number.get(b.number or n)
        if rf is not None:
            out[b] = rf
    return out


def issue_layout(
    issue: Issue, figures: Mapping[str, Sequence[RenderedFigure]], publication: Publication | None = None
) -> list[ArticleView]:
    """Article views in issue order. ``figures`` maps an article slug to its rendered figures;
    ``publication`` gives the reference files that citations name and the folder pictures must
    lie in."""
    anchors = AnchorSet()
    views: list[ArticleView] = []
    root = publication.root if publication is not None else None
    for i, article in enumerate(issue.articles, start=1):
        anchor = anchors.take(anchor_for(article.slug))
        sections = _section_views(article.sections, 1, anchor, anchors, article)
        figs = _match_figures(article, figures.get(article.slug, ()))
        blocks = list(article.walk_blocks())
        images = {b: image_file(b, root) for b in blocks if isinstance(b, Image)}
        tables = {b: table_view(b) for b in blocks if isinstance(b, Table)}
        refs = article_refs(publication, article, anchor, i)
        views.append(ArticleView(article, anchor, i, sections, figs, refs, images, tables))
    return views
