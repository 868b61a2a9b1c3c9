"""The issue as the renderers see it: anchors, figures by block, and heading checks.

Built once per render and shared by the HTML, PDF and WeChat outputs so that anchors and
figure numbers agree everywhere.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from zhiku.errors import ZhikuWarning
from zhiku.model import Article, Figure, Issue, Section
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


@dataclass(frozen=True)
class ArticleView:
    article: Article
    anchor: str  # the article's id on the issue page (its slug)
    number: int  # 1-based position in the issue
    sections: tuple[SectionView, ...]
    figures: Mapping[Figure, RenderedFigure]

    @property
    def slug(self) -> str:
        return self.article.slug

    def figure_for(self, block: Figure) -> RenderedFigure | None:
        return self.figures.get(block)

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
        rf = by_block.get(b) or by_place.get((b.source.line, b.title)) or by_number.get(n)
        if rf is not None:
            out[b] = rf
    return out


def issue_layout(issue: Issue, figures: Mapping[str, Sequence[RenderedFigure]]) -> list[ArticleView]:
    """Article views in issue order. ``figures`` maps an article slug to its rendered figures."""
    anchors = AnchorSet()
    views: list[ArticleView] = []
    for i, article in enumerate(issue.articles, start=1):
        anchor = anchors.take(anchor_for(article.slug))
        sections = _section_views(article.sections, 1, anchor, anchors, article)
        figs = _match_figures(article, figures.get(article.slug, ()))
        views.append(ArticleView(article, anchor, i, sections, figs))
    return views
