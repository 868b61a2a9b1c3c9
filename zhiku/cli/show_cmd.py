"""``zhiku show``: read a publication, issue or article and summarise what zhiku sees in it.

It is the quickest way for an editor to check that a hand-written issue is well formed:
every error comes back as one line naming the file and line, before any build.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from zhiku.cli.app import app
from zhiku.cli.term import console as term_console
from zhiku.cli.term import styled

if TYPE_CHECKING:
    from zhiku.model import Article, Issue

# The model and the Markdown readers are imported where they are used, not here:
# `zhiku --help` and the other commands start without them.


def _counts(article: Article) -> tuple[int, int, int, int]:
    from zhiku.model import Figure, ListBlock, Paragraph, Quote
    from zhiku.model import Table as TableBlock

    blocks = list(article.walk_blocks())
    paragraphs = sum(isinstance(b, Paragraph | Quote | ListBlock | TableBlock) for b in blocks)
    figures = [b for b in blocks if isinstance(b, Figure)]
    waiting = sum(1 for f in figures if not f.series)
    return len(article.sections), paragraphs, len(figures), waiting


def _article_rows(table: Table, issue_label: str, articles: tuple[Article, ...]) -> None:
    for article in articles:
        sections, blocks, figures, waiting = _counts(article)
        fig = f"{figures}\n（{waiting} 等待数据\nwaiting）" if waiting else str(figures)
        subs = sum(len(s.sections) for s in article.sections)
        sec = f"{sections} + {subs}" if subs else str(sections)
        title = styled(article.title)
        title.append_text(styled(f"\n{article.source.file.name}", "dim"))
        table.add_row(issue_label, title, sec, str(blocks), fig)
        issue_label = ""


def _table(title: str) -> Table:
    table = Table(title=title)
    table.add_column("期\nissue", no_wrap=True)
    table.add_column("文章\narticle", overflow="fold", ratio=1)
    table.add_column("章节+小节\nsections", justify="right")
    table.add_column("段落等\nblocks", justify="right")
    table.add_column("图\nfigures", justify="right")
    return table


@app.command(
    "show",
    help=(
        "读取出版物文件夹、一期文件夹或一篇文章，检查格式并显示摘要。 / "
        "Read a publication folder, an issue folder or an article, check its format and summarise it."
    ),
)
def show_command(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH",
            help="出版物文件夹、期文件夹或 .md 文章 / a publication folder, issue folder or .md article",
        ),
    ],
) -> None:
    from zhiku.sources import read_article, read_issue, read_publication
    from zhiku.sources.publication import ISSUE_FILE, PUBLICATION_FILE

    console = term_console()
    issues: tuple[Issue, ...]
    if path.suffix.lower() == ".md" or path.is_file():
        article = read_article(path)
        table = _table(f"文章 / article: {path}")
        _article_rows(table, "", (article,))
        console.print(table)
        return
    if (path / ISSUE_FILE).is_file() and not (path / PUBLICATION_FILE).is_file():
        issues = (read_issue(path),)
        title = f"一期 / issue: {path}"
    else:
        publication = read_publication(path)
        issues = publication.issues
        title = f"{publication.name}（{len(issues)} 期 / issues）: {path}"
    table = _table(title)
    for issue in issues:
        _article_rows(table, issue.date_zh.replace(" ", "\n"), issue.articles)
    console.print(table)
