"""What an article's references point at, for every renderer: its notes (脚注) by label, its
cited works by key (numbered in order of first citation, formatted in GB/T 7714-2015), and its
labelled figures and tables by key (图N / 表N and where each is on the page and in the PDF).

One ``ArticleRefs`` per article, built once per render (``zhiku.render.layout``) and shared by
the web, PDF and WeChat outputs, so a number means the same thing in all three.
"""

from __future__ import annotations

from dataclasses import dataclass

from zhiku.errors import ZhikuError
from zhiku.model import Article, Figure, Footnote, Image, Publication, Table
from zhiku.render.csl import FormattedReference, cited_keys, format_references


@dataclass(frozen=True)
class Target:
    """A labelled figure or table: its printed name, web anchor and Typst label."""

    text: str  # 图1, 表2
    anchor: str  # id on the web page
    typst: str  # label name in the PDF


@dataclass(frozen=True)
class ArticleRefs:
    anchor: str  # the article's anchor: every id below starts with it
    article_no: int  # its place in the issue (the PDF's labels use it)
    notes: tuple[Footnote, ...]  # by number
    references: tuple[FormattedReference, ...]  # by number
    targets: tuple[tuple[str, Target], ...]  # ("fig:cpi", Target)

    def note(self, label: str) -> Footnote | None:
        for f in self.notes:
            if f.label == label:
                return f
        return None

    def reference(self, key: str) -> FormattedReference | None:
        for r in self.references:
            if r.key == key:
                return r
        return None

    def target(self, name: str) -> Target | None:
        for k, t in self.targets:
            if k == name:
                return t
        return None

    # ids and labels, one place for all outputs
    def note_id(self, n: int) -> str:
        return f"{self.anchor}-fn{n}"

    def noteref_id(self, n: int) -> str:
        return f"{self.anchor}-fnref{n}"

    def reference_id(self, n: int) -> str:
        return f"{self.anchor}-ref{n}"

    def typst_note(self, n: int) -> str:
        return f"fn-{self.article_no}-{n}"

    def typst_reference(self, n: int) -> str:
        return f"ref-{self.article_no}-{n}"


def figure_anchor(article_anchor: str, number: int) -> str:
    return f"{article_anchor}-fig{number}"


def table_anchor(article_anchor: str, number: int) -> str:
    return f"{article_anchor}-tbl{number}"


def article_refs(
    publication: Publication | None, article: Article, anchor: str, article_no: int
) -> ArticleRefs:
    """The article's notes, cited works and labelled targets. A cited key missing from the
    publication's reference files is an error naming the citation's file and line."""
    targets: list[tuple[str, Target]] = []
    for b in article.walk_blocks():
        if isinstance(b, Figure | Image) and b.label and b.number:
            targets.append(
                (
                    f"fig:{b.label}",
                    Target(f"图{b.number}", figure_anchor(anchor, b.number), f"fig-{article_no}-{b.number}"),
                )
            )
        elif isinstance(b, Table) and b.label and b.number:
            targets.append(
                (
                    f"tbl:{b.label}",
                    Target(f"表{b.number}", table_anchor(anchor, b.number), f"tbl-{article_no}-{b.number}"),
                )
            )
    references: tuple[FormattedReference, ...] = ()
    if article.citations:
        entries = {r.key: r for r in publication.references} if publication is not None else {}
        for cite in article.citations:
            if cite.key not in entries:
                raise ZhikuError(
                    f"引用 [@{cite.key}] 在参考文献文件（references.yaml / references.bib）中找不到",
                    f"citation [@{cite.key}] is not in the publication's reference file "
                    "(references.yaml / references.bib)",
                    cite.source.file,
                    cite.source.line,
                )
        keys = cited_keys([c.key for c in article.citations])
        references = format_references(tuple(entries[k].csl for k in keys), keys)
    return ArticleRefs(anchor, article_no, article.footnotes, references, tuple(targets))
