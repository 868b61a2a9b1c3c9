"""``zhiku facts INDICATOR``: every value the archive has stated for an indicator, with its places."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from zhiku.cli.app import app
from zhiku.cli.term import clean, console, json_text, styled


@app.command(
    "facts",
    help=(
        "列出归档中某一指标的全部数值及出处（zhiku build 或 zhiku check 出版物后记录）。 / "
        "List every value the archive has stated for an indicator, with its places "
        "(recorded by zhiku build, or zhiku check on the publication)."
    ),
)
def facts_command(
    indicator: Annotated[
        str, typer.Argument(help="指标名称，如 中欧班列开行 / the indicator, e.g. 中欧班列开行")
    ],
    publication: Annotated[
        Path,
        typer.Option(
            "--pub", "-p", help="出版物文件夹（默认：当前文件夹所在的出版物）/ the publication folder"
        ),
    ] = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON / print JSON")] = False,
) -> None:
    from zhiku.claims.memory import find, publication_root
    from zhiku.errors import ZhikuError

    root = publication_root(publication.resolve())
    if root is None:
        raise ZhikuError(
            "找不到出版物（zhiku.yml）：请在出版物文件夹中运行，或用 --pub 指定",
            "no publication (zhiku.yml) here: run inside one or name it with --pub",
            publication,
        )
    rows = find(root, indicator)
    if as_json:
        data = [
            {
                "indicator": s.indicator,
                "period": s.period,
                "value": s.value,
                "unit": s.unit,
                "written": s.written,
                "issue": s.issue,
                "file": s.file,
                "line": s.line,
                "revised": s.revised,
            }
            for s in rows
        ]
        sys.stdout.write(json_text(data) + "\n")
        return
    out = console()
    if not rows:
        out.print(
            f"归档中没有“{indicator}”的记录（先运行 zhiku build 或 zhiku check 出版物）/ "
            f"nothing stated for '{indicator}' in the archive (run zhiku build or zhiku check first)"
        )
        return
    values: dict[tuple[str, str, str], set[tuple[float, float]]] = {}
    for s in rows:
        values.setdefault((s.indicator, s.period, s.unit), set()).add((s.low, s.high))
    table = Table(title=clean(f"“{indicator}” 在归档中的数值 / values in the archive"), title_justify="left")
    for head in ("指标\nindicator", "期间\nperiod", "数值\nvalue", "期\nissue", "位置\nplace", "说明\nnote"):
        table.add_column(head, overflow="fold")
    for s in rows:
        spans = values[(s.indicator, s.period, s.unit)]
        disagree = any(hi < s.low or s.high < lo for lo, hi in spans)
        note = styled("修订 revised", "cyan") if s.revised else styled("")
        if disagree and not s.revised:
            note = styled("与其他数值不一致 / differs", "bold red")
        cells = (s.indicator, s.period, s.written, s.issue, f"{s.file}:{s.line}")
        table.add_row(*(styled(c) for c in cells), note)
    out.print(table)
