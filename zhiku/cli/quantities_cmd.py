"""``zhiku quantities FILE``: every quantity in a text, as a table or as the JSON contract."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from zhiku.cli.app import app
from zhiku.cli.term import console, json_text

if TYPE_CHECKING:
    from zhiku.quantities import Quantity

KIND_ZH = {
    "number": "数字",
    "money": "金额",
    "percent": "比例",
    "count": "计数",
    "date": "日期",
    "year_range": "年份区间",
    "date_range": "日期区间",
    "clock_time": "时刻",
    "duration": "时长",
    "ordinal": "序数",
    "dimension": "度量",
    "multiple": "倍数",
}
QUALIFIER_ZH = {
    "exact": "精确",
    "approx": "约",
    "near": "近",
    "more": "多",
    "over": "下限",
    "under": "上限",
    "range": "区间",
    "unit": "仅单位",
}


FENCE_RE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n.*?^---[ \t]*$", re.M | re.S)


def _non_prose_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in FENCE_RE.finditer(text)]
    front = FRONT_MATTER_RE.match(text)
    if front is not None:
        spans.append(front.span())
    return spans


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _value(q: Quantity) -> str:
    if q.unit_only:
        return "（仅单位 / unit only）"  # 人民币汇率, 转换为摄氏度: a unit named without a number
    if q.iso is not None and q.kind in ("date", "clock_time"):
        return q.iso
    return _fmt(q.value)


def _bounds(q: Quantity) -> str:
    """The interval the words allow, in interval notation: [6.5, ∞), (100, 200), [17, 19]."""
    if q.low is None and q.high is None:
        return ""
    left = "[" if q.low_inclusive else "("
    right = "]" if q.high_inclusive else ")"
    low = _fmt(q.low) if q.low is not None else "-∞"
    high = _fmt(q.high) if q.high is not None else "∞"
    return f"{left}{low}, {high}{right}"


def _fmt(v: float | None) -> str:
    if v is None:
        return ""
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.{max(1, min(6, len(repr(v).split('.')[-1])))}f}"


@app.command(
    "quantities",
    help=(
        "列出文本中的每一个数量（金额、百分比、计数、日期、时长……）。 / "
        "List every quantity in a text (money, percentages, counts, dates, durations…)."
    ),
)
def quantities_command(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="文本或 Markdown 文件 / a text or Markdown file")
    ],
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="输出 JSON 数组（见 docs/quantities.md）/ print a JSON array (docs/quantities.md)"
        ),
    ] = False,
) -> None:
    # The quantities stage loads when the command runs, not when the CLI starts.
    from zhiku.quantities import parse_quantities
    from zhiku.sources import read_text

    text = read_text(file)
    found = parse_quantities(text)
    if file.suffix.lower() in (".md", ".markdown"):
        # Front matter and fenced blocks (```figure settings, code) are not prose; offsets stay
        # offsets into the whole file.
        skip = _non_prose_spans(text)
        found = [q for q in found if not any(a <= q.start < b for a, b in skip)]
    if as_json:
        typer.echo(json_text([q.to_json() for q in found], indent=1))
        return
    table = Table(title=f"{file}：{len(found)} 个数量 / quantities")
    heads = ("行 line", "原文 text", "类型 kind", "值 value", "范围 bounds", "单位 unit", "限定 qualifier")
    for head in heads:
        table.add_column(head, overflow="fold")
    for q in found:
        table.add_row(
            str(_line_of(text, q.start)),
            q.text.replace("\n", " "),
            f"{KIND_ZH[q.kind]} {q.kind}",
            _value(q),
            _bounds(q),
            q.unit or "",
            f"{QUALIFIER_ZH[q.qualifier]} {q.qualifier}",
        )
    console().print(table)
