"""``zhiku import``: a legacy text issue → a publication folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from zhiku.cli.app import app
from zhiku.cli.term import console as term_console
from zhiku.cli.term import styled


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
    # The legacy importer (and the model) load when the command runs, not when the CLI starts.
    from zhiku.model import Figure, Paragraph
    from zhiku.sources import import_legacy

    report = import_legacy(legacy, out, force=force)
    console = term_console()
    issue = report.issue
    line = styled("已导入 / imported", "bold")
    line.append_text(styled(f" {legacy} → {report.out}  （{issue.date_zh}）"))
    console.print(line)
    table = Table(show_edge=False)
    table.add_column("文章\narticle", overflow="fold", ratio=1)
    table.add_column("章节\nsections", justify="right")
    table.add_column("小节\nsub", justify="right")
    table.add_column("段落\nparagraphs", justify="right")
    table.add_column("图\nfigures", justify="right")
    for article in issue.articles:
        blocks = list(article.walk_blocks())
        table.add_row(
            article.title,
            str(len(article.sections)),
            str(sum(len(s.sections) for s in article.sections)),
            str(sum(isinstance(b, Paragraph) for b in blocks)),
            str(sum(isinstance(b, Figure) for b in blocks)),
        )
    console.print(table)
    waiting = "（等待数据 / waiting for data）" if report.figures else ""
    summary = [
        ("段落 / paragraphs", str(report.paragraphs)),
        ("图 / figures", f"{report.figures}{waiting}"),
        ("跨页接回 / paragraphs joined", str(len(report.joins))),
        ("删去的目录、正文、Top 行 / TOC, 正文, Top lines dropped", str(len(report.dropped_lines))),
        ("警告 / warnings", str(len(report.warnings))),
    ]
    for label, value in summary:
        console.print(f"{label}: {value}", highlight=False)
    for join in report.joins:
        where = f"{legacy}:{join.first_line}+{join.second_line}"
        console.print(f"  接回 joined {where}: …{join.before}|{join.after}…", highlight=False)
    for warning in report.warnings:
        line = styled("警告 warning:", "yellow")
        line.append_text(styled(f" {warning}"))
        console.print(line)
