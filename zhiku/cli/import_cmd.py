"""``zhiku import``: a legacy text issue → a publication folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from zhiku.cli.app import app
from zhiku.sources import import_legacy


@app.command(
    "import",
    help=(
        "把旧格式的文本期刊（如 Word 导出的 .txt）导入为出版物文件夹。 / "
        "Import a legacy text issue (e.g. a .txt exported from Word) as a publication folder."
    ),
)
def import_command(
    legacy: Annotated[
        Path, typer.Argument(metavar="LEGACY.txt", help="旧格式文本文件 / the legacy text file")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="输出的出版物文件夹 / the publication folder to write")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="替换非空的输出文件夹 / replace a non-empty output folder")
    ] = False,
) -> None:
    report = import_legacy(legacy, out, force=force)
    console = Console()
    issue = report.issue
    table = Table(title=f"已导入 / imported → {report.out}", show_header=False)
    table.add_row("日期 / date", issue.date_zh)
    for n, article in enumerate(issue.articles, start=1):
        table.add_row(f"文章 {n} / article {n}", f"{article.title}（{len(article.sections)} 节 / sections）")
    table.add_row("章节 / sections", str(report.sections))
    table.add_row("段落 / paragraphs", str(report.paragraphs))
    waiting = "（等待数据 / waiting for data）" if report.figures else ""
    table.add_row("图表 / figures", f"{report.figures}{waiting}")
    table.add_row("跨页接回 / paragraphs joined", str(len(report.joins)))
    table.add_row("删去的目录等行 / TOC etc. lines dropped", str(len(report.dropped_lines)))
    table.add_row("警告 / warnings", str(len(report.warnings)))
    console.print(table)
    for join in report.joins:
        where = f"{legacy}:{join.first_line}+{join.second_line}"
        console.print(f"  接回 joined {where}: …{join.before}|{join.after}…", highlight=False)
    for warning in report.warnings:
        console.print(f"[yellow]警告 warning:[/yellow] {warning}", highlight=False)
