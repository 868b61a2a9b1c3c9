"""``zhiku data``: list, show and import the series that figures and claims use."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from zhiku.cli.app import app
from zhiku.cli.term import console as term_console
from zhiku.cli.term import json_text
from zhiku.errors import ZhikuError

if TYPE_CHECKING:
    from zhiku.data import SeriesInfo, Store

# The data stage (SQLite store, CSV reader) and the sources are imported inside each command,
# not here: `zhiku --help` and the other commands start without them.

data_app = typer.Typer(
    name="data",
    help=(
        "数据：列出、查看、导入图表和核查所用的序列。 / "
        "Data: list, show and import the series used by figures and checks."
    ),
    no_args_is_help=True,
)
app.add_typer(data_app, name="data")

PubOption = Annotated[
    Path | None,
    typer.Option(
        "--pub",
        help="出版物文件夹（默认当前文件夹；不在出版物里时只有内置序列） / the publication folder"
        " (default: the current folder; outside a publication only the bundled series)",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="输出 JSON / print JSON")]


def _store(pub: Path | None) -> Store:
    """The publication's store, or the bundled one when run outside a publication."""
    from zhiku.data import bundled_store, open_store

    if pub is not None:
        return open_store(pub)
    here = Path.cwd()
    if (here / "zhiku.yml").is_file():
        return open_store(here)
    return bundled_store()


def _print_json(value: Any) -> None:
    typer.echo(json_text(value))


def _summary(store: Store, info: SeriesInfo) -> dict[str, Any]:
    obs = store.observations(info.id)
    return {
        **asdict(info),
        "first": obs[0][0] if obs else None,
        "last": obs[-1][0] if obs else None,
        "count": len(obs),
    }


@data_app.command("list", help="列出全部序列 / List every series.")
def list_command(pub: PubOption = None, as_json: JsonOption = False) -> None:
    from zhiku.data.periods import FREQUENCY_ZH

    with _store(pub) as store:
        rows = [_summary(store, info) for info in store.list_series()]
        if as_json:
            _print_json(rows)
            return
        table = Table(title=f"序列 / series（{store.path}）")
        table.add_column("代码 / id", no_wrap=True)  # ids are copied into figure blocks: never broken
        for col in ("名称 / name", "单位 / unit", "频率 / freq.", "时期 / periods", "来源 / source"):
            table.add_column(col, overflow="fold")
        for r in rows:
            span = f"{r['first']}—{r['last']}（{r['count']}）"
            freq = FREQUENCY_ZH.get(r["frequency"], r["frequency"])
            table.add_row(r["id"], r["name_zh"], r["unit"], freq, span, r["source"])
        term_console().print(table)


@data_app.command("show", help="查看一个序列的来源和数值 / Show one series' provenance and values.")
def show_command(
    series: Annotated[str, typer.Argument(metavar="SERIES", help="序列代码 / the series id")],
    start: Annotated[str | None, typer.Option("--from", help="起始时期 / first period")] = None,
    end: Annotated[str | None, typer.Option("--to", help="截止时期 / last period")] = None,
    pub: PubOption = None,
    as_json: JsonOption = False,
) -> None:
    from zhiku.data.periods import FREQUENCY_ZH

    with _store(pub) as store:
        info = store.series(series)
        records = store.observation_records(series, start, end)
        if as_json:
            _print_json(
                {
                    "series": asdict(info),
                    "observations": [{"period": o.period, "value": o.value, "note": o.note} for o in records],
                }
            )
            return
        console = term_console()
        meta = Table(title=f"{info.id}", show_header=False)
        meta.add_column(no_wrap=True)
        meta.add_column(overflow="fold")
        for label, value in (
            ("名称 / name", f"{info.name_zh}  {info.name_en}".strip()),
            ("单位 / unit", info.unit),
            ("频率 / frequency", f"{FREQUENCY_ZH.get(info.frequency, info.frequency)} / {info.frequency}"),
            ("来源 / source", info.source),
            ("链接 / URL", info.source_url),
            ("获取日期 / retrieved", info.retrieved),
            ("定义位置 / defined in", f"{info.file}:{info.line}" if info.line else info.file),
            ("说明 / notes", info.notes),
        ):
            if value:
                meta.add_row(label, value)
        console.print(meta)
        table = Table(title=f"{len(records)} 个数值 / values")
        table.add_column("时期 / period")
        table.add_column(f"数值 / value（{info.unit}）", justify="right")
        table.add_column("备注 / note", overflow="fold")
        for o in records:
            table.add_row(o.period, f"{o.value:.10g}", o.note)
        console.print(table)


@data_app.command(
    "import",
    help=(
        "检查一个 CSV 文件并复制到出版物的 data/ 文件夹，然后更新数据库。 / "
        "Validate a CSV file, copy it into the publication's data/ folder, and rebuild the store."
    ),
)
def import_command(
    file: Annotated[Path, typer.Argument(metavar="FILE.csv", help="要导入的 CSV 文件 / the CSV file")],
    pub: Annotated[
        Path, typer.Option("--pub", help="出版物文件夹（默认当前文件夹） / the publication folder")
    ] = Path("."),
    force: Annotated[
        bool, typer.Option("--force", help="替换 data/ 里的同名文件 / replace a file of the same name")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    from zhiku.data import open_store, read_series_csv
    from zhiku.fsutil import atomic_write_bytes
    from zhiku.sources import read_text
    from zhiku.sources.paths import inside

    if not file.is_file():
        raise ZhikuError("文件不存在", "the file does not exist", file)
    if file.suffix.lower() != ".csv":
        raise ZhikuError("只能导入 .csv 文件", "only .csv files can be imported", file)
    if not (pub / "zhiku.yml").is_file():
        raise ZhikuError(
            "这里不是出版物文件夹（没有 zhiku.yml）；用 --pub 指明",
            "not a publication folder (no zhiku.yml); name one with --pub",
            pub,
        )
    raw = file.read_bytes()
    series = read_series_csv(read_text(file), file)  # every row checked before anything is written
    target = pub / "data" / file.name
    inside(target.parent, pub)  # data/ must not lead out of the publication (a symbolic link)
    if target.resolve() == file.resolve():
        raise ZhikuError("文件已在 data/ 文件夹里", "the file is already in the data/ folder", file)
    previous = target.read_bytes() if target.exists() else None
    if previous is not None and not force:
        raise ZhikuError(
            "data/ 里已有同名文件；确认替换请加 --force",
            "data/ already has this file; add --force to replace it",
            target,
        )
    atomic_write_bytes(target, raw)
    try:
        store = open_store(pub)
    except BaseException as err:
        # The store was not touched (it is built aside and renamed); put data/ back as it was.
        if previous is None:
            target.unlink(missing_ok=True)
        else:
            atomic_write_bytes(target, previous)
        if isinstance(err, ZhikuError) and err.file is not None and err.file.resolve() == target.resolve():
            raise ZhikuError(err.zh, err.en, file, err.line) from err  # name the file the user gave
        raise
    with store:
        ids = [s.info.id for s in series]
        if as_json:
            _print_json({"file": str(target), "series": ids, "read": list(store.report.read)})
            return
        table = Table(title=f"已导入 / imported → {target}")
        table.add_column("代码 / id")
        table.add_column("名称 / name")
        table.add_column("数值个数 / values", justify="right")
        for s in series:
            table.add_row(s.info.id, s.info.name_zh, str(len(s.observations)))
        term_console().print(table)
