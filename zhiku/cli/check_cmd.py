"""``zhiku check``: every verifiable number relation, with the arithmetic shown."""

from __future__ import annotations

import sys
from collections import Counter
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from zhiku.cli.app import app
from zhiku.cli.term import clean, console, json_text

if TYPE_CHECKING:
    from zhiku.claims import Finding

_STYLE = {"inconsistent": "bold red", "unverifiable": "yellow", "consistent": "green"}


@app.command(
    "check",
    help=(
        "核查文中的数字：增长率、合计、占比、折算、日期等，列出算式。"
        "有不符时退出码为 1。 / Check the numbers in the prose (growth, sums, shares, conversions, "
        "dates…) and show the arithmetic. Exit status 1 when something is inconsistent."
    ),
)
def check_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH…",
            help=(
                "文章 .md、纯文本 .txt/.md、一期文件夹或出版物文件夹 / "
                "an article, a prose file, an issue or a publication folder"
            ),
        ),
    ],
    as_json: Annotated[
        bool,
        typer.Option("--json", help="输出 JSON（见 docs/claims.md）/ print JSON (docs/claims.md)"),
    ] = False,
    problems_only: Annotated[
        bool,
        typer.Option(
            "--problems", help="只列出不符和无法核实的 / list only inconsistent and unverifiable findings"
        ),
    ] = False,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only",
            metavar="RELATION",
            help=(
                "只运行这些关系规则（可重复；名称见 docs/claims.md，如 yoy_growth、share）/ "
                "run only these relation rules (repeatable; names in docs/claims.md)"
            ),
        ),
    ] = None,
) -> None:
    # The claims stage (and the sources and quantities it reads with) loads when the command
    # runs, not when the CLI starts: `zhiku --help` and the other commands start without it.
    from zhiku.claims import check_paths
    from zhiku.claims.rules import RULER
    from zhiku.errors import ZhikuError

    unknown = sorted(set(only or ()) - set(RULER.names()))
    if unknown:
        raise ZhikuError(
            f"没有这种关系规则：{'、'.join(unknown)}（可用：{'、'.join(RULER.names())}）",
            f"no such relation rule: {', '.join(unknown)} (available: {', '.join(RULER.names())})",
        )
    findings = check_paths(paths, only=only or None)
    if as_json:
        sys.stdout.write(json_text([f.to_json() for f in findings]) + "\n")
    else:
        shown = [f for f in findings if f.verdict != "consistent"] if problems_only else findings
        print_report(shown, findings, console())
    if any(f.verdict == "inconsistent" for f in findings):
        raise typer.Exit(code=1)


def print_report(shown: list[Finding], findings: list[Finding], console: Console) -> None:
    """One table per article (or file): line, relation, verdict, stated, computed, arithmetic."""
    from zhiku.claims.names import VERDICTS, relation_zh

    for (file, article), group in groupby(shown, key=lambda f: (f.file, f.article)):
        title = f"{file}" + (f"  ［{article}］" if article else "")
        table = Table(title=title, title_justify="left", show_lines=True, expand=True)
        table.add_column("行\nline", justify="right", no_wrap=True)
        table.add_column("关系\nrelation", no_wrap=True)
        table.add_column("结论\nverdict", no_wrap=True)
        table.add_column("原文 / 所述\ntext / stated", ratio=3, overflow="fold")
        table.add_column("计算\ncomputed", no_wrap=True)
        table.add_column("算式（输入出处）\narithmetic (inputs)", ratio=4, overflow="fold")
        for f in group:
            zh, _ = VERDICTS[f.verdict]
            said = Text(clean(_excerpt(f)))
            said.append(clean(f"\n→ {f.stated}"), style="bold")
            table.add_row(
                str(f.line),
                relation_zh(f.relation),
                Text(zh, style=_STYLE[f.verdict]),
                said,
                f.computed,
                _with_inputs(f),
            )
        console.print(table)
    counts: Counter[str] = Counter(f.verdict for f in findings)
    summary = Text("合计 / total: ")
    for verdict, (zh, en) in VERDICTS.items():
        summary.append(f"{zh} {en} {counts.get(verdict, 0)}", style=_STYLE[verdict])
        summary.append("  ")
    console.print(summary)
    if not findings:
        console.print("没有找到可核查的数字关系 / no checkable number relations found")


def _with_inputs(f: Finding) -> str:
    """The arithmetic, then where each input stands (line, or table row and column)."""
    inputs = [i for i in f.inputs if i.role != "所述"]
    if not inputs:
        return f.evidence
    places = "；".join(f"{i.role} {i.text}：{i.where()}" for i in inputs)
    return f"{f.evidence}\n[{places}]"


def _excerpt(f: Finding, before: int = 24, after: int = 8) -> str:
    """The words around the claim: from a little before its first number to its last."""
    if not f.span_offsets:
        return f.sentence or f.text
    lo = min(a for a, _ in f.span_offsets)
    hi = max(b for _, b in f.span_offsets)
    a, b = max(0, lo - before), min(len(f.text), hi + after)
    return ("…" if a > 0 else "") + f.text[a:b] + ("…" if b < len(f.text) else "")
