"""The issue as the renderers see it: anchors, figures by block, and heading checks.

Built once per render and shared by the HTML, PDF and WeChat outputs so that anchors and
figure numbers agree everywhere.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from zhiku.errors import ZhikuWarning
from zhiku.figures.model import RenderedFigure
from zhiku.model import Article, Figure, Issue, Section
from zhiku.render.text import AnchorSet, anchor_for


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


def issue_layout(issue: Issue, figures: Mapping[str, Sequence[RenderedFigure]]) -> list[ArticleView]:
    """Article views in issue order. ``figures`` maps an article slug to its rendered figures."""
    anchors = AnchorSet()
    views: list[ArticleView] = []
    for i, article in enumerate(issue.articles, start=1):
        anchor = anchors.take(anchor_for(article.slug))
        sections = _section_views(article.sections, 1, anchor, anchors, article)
        figs = {rf.block: rf for rf in figures.get(article.slug, ())}
        views.append(ArticleView(article, anchor, i, sections, figs))
    return views
