"""``zhiku show``: read a publication, issue or article, check it and summarise what zhiku sees.

It is the quickest way for an editor to check that a hand-written issue is well formed: every
mistake comes back as one line naming the file and line — all of them at once, not only the
first (``zhiku.figures.validate``: the data files, each figure's series, pictures, notes,
citations and cross-references) — before any build. Exit status 2 when there is one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from zhiku.cli.app import app
from zhiku.cli.term import SafeConsole, styled
from zhiku.cli.term import console as term_console

if TYPE_CHECKING:
    from zhiku.errors import ZhikuError, ZhikuWarning
    from zhiku.model import Article, Issue

# The model and the Markdown readers are imported where they are used, not here:
# `zhiku --help` and the other commands start without them.


def _counts(article: Article) -> tuple[int, int, int, int, str]:
    from zhiku.model import Callout, DefinitionList, Figure, Image, ListBlock, Paragraph, Quote
    from zhiku.model import Table as TableBlock

    blocks = list(article.walk_blocks())
    kinds = Paragraph | Quote | ListBlock | TableBlock | Callout | DefinitionList
    paragraphs = sum(isinstance(b, kinds) for b in blocks)
    figures = [b for b in blocks if isinstance(b, Figure | Image)]
    waiting = sum(1 for f in figures if isinstance(f, Figure) and not f.series)
    extras = []
    tables = sum(isinstance(b, TableBlock) for b in blocks)
    for count, zh in (
        (tables, "表"),
        (len(article.footnotes), "注"),
        (len({c.key for c in article.citations}), "文献"),
    ):
        if count:
            extras.append(f"{zh}{count}")
    return len(article.sections), paragraphs, len(figures), waiting, " ".join(extras)


def _article_rows(table: Table, issue_label: str, articles: tuple[Article, ...]) -> None:
    for article in articles:
        sections, blocks, figures, waiting, extras = _counts(article)
        fig = f"{figures}\n（{waiting} 等待数据\nwaiting）" if waiting else str(figures)
        subs = sum(len(s.sections) for s in article.sections)
        sec = f"{sections} + {subs}" if subs else str(sections)
        title = styled(article.title)
        title.append_text(styled(f"\n{article.source.file.name}", "dim"))
        table.add_row(issue_label, title, sec, str(blocks), fig, extras)
        issue_label = ""


def _table(title: str) -> Table:
    table = Table(title=title)
    table.add_column("期\nissue", no_wrap=True)
    table.add_column("文章\narticle", overflow="fold", ratio=1)
    table.add_column("章节+小节\nsections", justify="right")
    table.add_column("段落等\nblocks", justify="right")
    table.add_column("图\nfigures", justify="right")
    table.add_column("表、注、文献\ntables, notes, refs")
    return table


def _report(console: Console, problems: list[ZhikuError], caught: list[ZhikuWarning]) -> None:
    """Every warning and every problem, one line each; exit status 2 if there is a problem."""
    err = SafeConsole(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)
    for w in caught:
        err.print(f"警告 warning: {w.error.message}", markup=False)
    for p in problems:
        err.print(f"错误 error: {p.message}", markup=False)
    if problems:
        err.print(f"共 {len(problems)} 处错误 / {len(problems)} problem(s) found", markup=False)
        raise typer.Exit(2)
    console.print("没有发现问题 / no problems found")


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
    import warnings

    from zhiku.errors import ZhikuWarning
    from zhiku.sources import read_article, read_issue
    from zhiku.sources.publication import ISSUE_FILE, PUBLICATION_FILE

    console = term_console()
    problems: list[ZhikuError] = []
    issues: tuple[Issue, ...] = ()
    if path.suffix.lower() == ".md" or path.is_file():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            article = read_article(path, problems=problems)
        table = _table(f"文章 / article: {path}")
        _article_rows(table, "", (article,))
        console.print(table)
        _report(console, problems, [w.message for w in caught if isinstance(w.message, ZhikuWarning)])
        return
    if (path / ISSUE_FILE).is_file() and not (path / PUBLICATION_FILE).is_file():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            issues = (read_issue(path, problems=problems),)
        found = [w.message for w in caught if isinstance(w.message, ZhikuWarning)]
        title = f"一期 / issue: {path}"
    else:
        from zhiku.figures.validate import validate_publication

        checked = validate_publication(path)
        problems, found = checked.problems, checked.warnings
        publication = checked.publication
        if publication is not None:
            issues = publication.issues
            title = f"{publication.name}（{len(issues)} 期 / issues）: {path}"
    if issues:
        table = _table(title)
        for issue in issues:
            label = issue.date_zh.replace(" ", "\n") + (f"\n{issue.number}" if issue.number else "")
            _article_rows(table, label, issue.articles)
        console.print(table)
    _report(console, problems, found)
