"""``zhiku import``: a Word (.docx, or .doc/.wps/.rtf through LibreOffice) or legacy text issue →
a publication folder."""

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
        "把一期简报（Word .docx；装有 LibreOffice 时也可 .doc、.wps、.rtf；或 Word 导出的旧格式 .txt）"
        "导入为出版物文件夹。 / Import an issue (Word .docx; .doc, .wps, .rtf when LibreOffice is "
        "installed; or the legacy text a Word export gives) as a publication folder."
    ),
)
def import_command(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="ISSUE.docx",
            help="一期简报：.docx、.doc、.wps、.rtf 或旧格式 .txt / the issue: .docx, .doc, .wps, .rtf, "
            "or legacy .txt",
        ),
    ],
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            "-i",
            help=(
                "加入这一出版物（没有 zhiku.yml 时按报头新建）；默认：当前文件夹是出版物时用它，否则新建"
                "以源文件命名的文件夹 / add the issue to this publication (created from the masthead if it "
                "has no zhiku.yml); default: the current folder if it is a publication, else a new folder "
                "named after the source"
            ),
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="写成一个全新的出版物文件夹（须为空）/ write a whole new publication folder (must be empty)",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="替换已有的这一期（--into）或非空的输出文件夹（--out）/ replace the existing issue "
            "(--into) or a non-empty output folder (--out)",
        ),
    ] = False,
) -> None:
    # The importers (and the model) load when the command runs, not when the CLI starts.
    from zhiku.errors import ZhikuError
    from zhiku.model import Figure, Paragraph
    from zhiku.sources.importer import import_issue
    from zhiku.sources.publication import PUBLICATION_FILE

    if into is not None and out is not None:
        raise ZhikuError("--into 和 --out 只能用一个", "use either --into or --out, not both")
    if into is None and out is None:
        into = Path(".") if Path(PUBLICATION_FILE).is_file() else Path(source.stem)
    report = import_issue(source, into=into, out=out, force=force)
    console = term_console()
    issue = report.issue
    tool = report.converted_with
    via = f"（经 {tool} 转换 / converted with {tool}）" if tool else ""
    line = styled("已导入 / imported", "bold")
    line.append_text(styled(f" {source} → {report.issue_dir}  （{issue.date_zh}）{via}"))
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
    ]
    if report.images or report.footnotes or report.tables:
        summary += [
            ("图片 / pictures", str(report.images)),
            ("表格 / tables", str(report.tables)),
            ("脚注 / footnotes", str(report.footnotes)),
        ]
    else:
        summary.append(("跨页接回 / paragraphs joined", str(len(report.joins))))
    summary += [
        ("删去的目录、正文、Top 行 / TOC, 正文, Top lines dropped", str(len(report.dropped_lines))),
        ("警告 / warnings", str(len(report.warnings))),
    ]
    for label, value in summary:
        console.print(f"{label}: {value}", highlight=False)
    for join in report.joins:
        where = f"{source}:{join.first_line}+{join.second_line}"
        console.print(f"  接回 joined {where}: …{join.before}|{join.after}…", highlight=False)
    for warning in report.warnings:
        line = styled("警告 warning:", "yellow")
        line.append_text(styled(f" {warning}"))
        console.print(line)
