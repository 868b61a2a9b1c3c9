"""``zhiku mail``: send an issue's e-mail newsletter to a list of addresses."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zhiku.cli.app import app
from zhiku.cli.build_cmd import console


@app.command(
    "mail",
    help="把一期的电子邮件简报发给地址列表（CSV）；用 zhiku.yml 的 smtp: 设置，密码取自环境变量；"
    "已发过的地址不会重发。 / Send an issue's e-mail newsletter to a list of addresses (CSV) through "
    "the SMTP server in zhiku.yml (password from an environment variable); addresses already sent "
    "to are skipped.",
)
def mail_command(
    issue: Annotated[
        Path,
        typer.Argument(
            help="一期的文件夹（如 我的简报/issues/2021-11-22），或配合 --publication "
            "的日期 / The issue folder, or its date with --publication."
        ),
    ],
    to: Annotated[
        Path, typer.Option("--to", help="收件人 CSV（email、name 列）/ Recipients CSV (email, name).")
    ],
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="只列出将发给谁，不连接服务器 / List who would get it; connect to nothing."
        ),
    ] = False,
    publication: Annotated[
        Path | None,
        typer.Option(
            "--publication",
            "-p",
            help="简报文件夹（ISSUE 为日期时）/ The publication folder (when ISSUE is a date).",
        ),
    ] = None,
) -> None:
    from zhiku.mail import find_issue, send

    pub, found = find_issue(issue, publication)
    progress_bar = None

    def progress(done: int, total: int) -> None:
        nonlocal progress_bar
        if progress_bar is None:
            from rich.progress import Progress

            progress_bar = Progress(console=console, transient=True)
            progress_bar.start()
            progress_bar.add_task("发送 / sending", total=total)
        progress_bar.update(progress_bar.task_ids[0], completed=done)

    try:
        report = send(pub, found, to, dry_run=dry_run, progress=progress)
    finally:
        if progress_bar is not None:
            progress_bar.stop()
    console.print(f"主题 / Subject: {report.subject}")
    if report.skipped:
        console.print(f"已发过，跳过 / already sent, skipped: {len(report.skipped)}（见 / see {report.log}）")
    if report.dry_run:
        console.print(f"试运行，未发送 / dry run, nothing sent: 将发给 / would send to {len(report.sent)}")
        for address in report.sent:
            console.print(f"  {address}")
        return
    console.print(f"已发送 / sent: {len(report.sent)} / {report.recipients}")
    for address, reason in report.refused:
        console.print(
            f"[red]错误 error:[/] {to}: 服务器拒收 {address} / the server refused {address}: {reason}"
        )
    if report.refused:
        raise typer.Exit(1)
