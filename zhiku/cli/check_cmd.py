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
    from zhiku.claims.facts import FactTable

_STYLE = {"inconsistent": "bold red", "unverifiable": "yellow", "consistent": "green"}


@app.command(
    "check",
    help=(
        "核查文中的数字：增长率、合计、占比、折算、日期等，列出算式；再查文字：全角半角标点、中英文间空格、"
        "重复字词、未配对的引号括号、数字写法（见 docs/copy.md）。数字有不符时退出码为 1。 / "
        "Check the numbers in the prose (growth, sums, shares, conversions, dates…) and show the "
        "arithmetic; then the copy (punctuation width, spacing, doubled words, unmatched marks, "
        "number style; docs/copy.md). Exit status 1 when a number is inconsistent."
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
                "只运行这些关系规则（可重复；名称见 docs/claims.md、docs/copy.md，如 yoy_growth、"
                "copy_doubled）/ run only these relation rules (repeatable; names in docs/claims.md, "
                "docs/copy.md)"
            ),
        ),
    ] = None,
    copy: Annotated[
        bool,
        typer.Option(
            "--copy/--no-copy",
            help="同时检查文字（默认）/ also check the copy (default)",
        ),
    ] = True,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            metavar="numbers|copy|all|none",
            help=(
                "何种问题使退出码为 1：numbers（默认，数字不符）、copy（文字问题）、all、none / "
                "what makes the exit status 1: numbers (default), copy, all, none"
            ),
        ),
    ] = "numbers",
    fix_copy: Annotated[
        bool,
        typer.Option(
            "--fix-copy",
            help=(
                "把可安全修改的文字问题改好，写到 文件名.fixed.md（不改原文件）/ "
                "apply the safe copy fixes, written to NAME.fixed.md beside each file"
            ),
        ),
    ] = False,
    in_place: Annotated[
        bool,
        typer.Option(
            "--in-place",
            help=(
                "与 --fix-copy 同用：先把原文件备份为 文件名.bak，再直接修改原文件 / "
                "with --fix-copy: back the file up as NAME.bak, then fix the file itself"
            ),
        ),
    ] = False,
) -> None:
    # The claims stage (and the sources and quantities it reads with) loads when the command
    # runs, not when the CLI starts: `zhiku --help` and the other commands start without it.
    from zhiku.claims import check_paths
    from zhiku.claims.copy import check_copy_paths, copy_rule_names
    from zhiku.claims.names import RELATIONS
    from zhiku.claims.rules import RULER
    from zhiku.errors import ZhikuError

    number_rules = [*RULER.names(), "copy_invisible", "archive_conflict"]
    known = [*number_rules, *copy_rule_names()]
    unknown = sorted(set(only or ()) - set(known) - set(RELATIONS))
    if unknown:
        raise ZhikuError(
            f"没有这种关系规则：{'、'.join(unknown)}（可用：{'、'.join(known)}）",
            f"no such relation rule: {', '.join(unknown)} (available: {', '.join(known)})",
        )
    if fail_on not in FAIL_ON:
        raise ZhikuError(
            f"--fail-on 应为 {'、'.join(FAIL_ON)} 之一", f"--fail-on must be one of {', '.join(FAIL_ON)}"
        )
    if in_place and not fix_copy:
        raise ZhikuError("--in-place 只能与 --fix-copy 同用", "--in-place goes with --fix-copy")
    if fix_copy:
        from zhiku.cli.fix_copy import fix_copy_paths

        fix_copy_paths(paths, in_place=in_place, only=only or None, console=console())
        return
    wanted_numbers = None if not only else [n for n in only if n not in copy_rule_names()]
    wanted_copy = None if not only else [n for n in only if n in copy_rule_names()]
    tables: list[FactTable] = []
    findings = check_paths(paths, only=wanted_numbers, keep=tables) if wanted_numbers != [] else []
    if wanted_numbers is None or "archive_conflict" in wanted_numbers:
        # The cross-issue memory (docs/copy.md, "跨期记忆"): the same indicator and period
        # stated differently in the publication's archive.
        from zhiku.claims.memory import check_paths_against_archive

        findings.extend(check_paths_against_archive(paths, tables))
    copy_findings = check_copy_paths(paths, only=wanted_copy) if copy and wanted_copy != [] else []
    # Invisible characters are found while the numbers are read (they change what a number says):
    # they are copy findings, shown and gated with the copy check.
    invisible = [f for f in findings if f.verdict == "copy"]
    findings = [f for f in findings if f.verdict != "copy"]
    if copy:
        copy_findings = [*invisible, *copy_findings]
    if as_json:
        everything = [*findings, *copy_findings]
        sys.stdout.write(json_text([f.to_json() for f in everything]) + "\n")
    else:
        out = console()
        shown = [f for f in findings if f.verdict != "consistent"] if problems_only else findings
        print_report(shown, findings, out)
        if copy:
            print_copy_report(copy_findings, out)
    numbers_bad = any(f.verdict == "inconsistent" for f in findings)
    copy_bad = bool(copy_findings)
    if (fail_on in ("numbers", "all") and numbers_bad) or (fail_on in ("copy", "all") and copy_bad):
        raise typer.Exit(code=1)


FAIL_ON = ("numbers", "copy", "all", "none")


def print_copy_report(findings: list[Finding], out: Console) -> None:
    """The copy section: one table per file (line, rule, the words, the fix), then the counts."""
    from zhiku.claims.names import relation_zh

    out.rule("文字 / Copy")
    for file, group in groupby(findings, key=lambda f: f.file):
        table = Table(title=clean(str(file)), title_justify="left", expand=True)
        table.add_column("行\nline", justify="right", no_wrap=True)
        table.add_column("问题\nrule", no_wrap=True)
        table.add_column("原文\ntext", ratio=3, overflow="fold")
        table.add_column("改为\nfix", ratio=3, overflow="fold")
        table.add_column("说明\nwhy", ratio=3, overflow="fold")
        for f in group:
            a, b = f.span_offsets[0]
            said = Text(clean(f.text[max(0, a - 14) : a]))
            said.append(clean(f.text[a:b]) or "␣", style="bold red underline")
            said.append(clean(f.text[b : b + 14]))
            why = f.evidence.split(" / ", 1)[0]
            table.add_row(str(f.line), relation_zh(f.relation), said, clean(f.computed), clean(why))
        out.print(table)
    counts: Counter[str] = Counter(f.relation for f in findings)
    safe = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    summary = Text("文字问题 / copy: ")
    if not findings:
        summary.append("无 / none", style="green")
    for relation, n in counts.most_common():
        summary.append(f"{relation_zh(relation)} {relation} {n}  ", style="magenta")
    out.print(summary)
    if safe:
        out.print(
            f"其中 {safe} 处可自动修改：zhiku check --fix-copy 路径 / "
            f"{safe} can be fixed automatically: zhiku check --fix-copy PATH"
        )


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
        if verdict not in _STYLE:
            continue  # copy findings are counted in their own section
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
