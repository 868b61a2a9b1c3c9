"""``zhiku build``: the archive site (each issue's page, PDF and WeChat page, index, topics, feed, search)."""

from __future__ import annotations

import os
import resource
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from zhiku.cli.app import app
from zhiku.cli.term import console as term_console
from zhiku.cli.term import styled

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from zhiku.site import BuildReport

console = term_console(stderr=True)

PublicationArg = Annotated[
    Path, typer.Argument(help="简报文件夹（含 zhiku.yml）/ The publication folder (with zhiku.yml).")
]
AnnotateOpt = Annotated[
    bool,
    typer.Option("--annotate", help="在网页上标出数字核查结果 / Mark number-check findings on the pages."),
]


DraftsOpt = Annotated[
    bool,
    typer.Option("--drafts", help="编辑用草稿构建：每期另出数字核查页（checks.html，含文件路径与不一致项），"
                 "并从本期页链接；公开构建没有此页 / The editors' build: each issue also gets its "
                 "number-check page (checks.html: file paths, inconsistencies), linked from the issue "
                 "page; a public build has no such page."),
]


class LazyProgress:
    """A Rich progress bar that appears only once a build has taken longer than a second."""

    def __init__(self, delay: float = 1.0) -> None:
        self.started = time.perf_counter()
        self.delay = delay
        self.bar: Progress | None = None
        self.tasks: dict[str, TaskID] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.bar is None:
            if time.perf_counter() - self.started < self.delay:
                return
            # Imported on first use: a build that ends within the delay never draws a bar.
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=console, transient=True,
            )
            self.bar.start()
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total)
        self.bar.update(self.tasks[stage], completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
            self.tasks = {}


def print_report(report: BuildReport, out: Console = console) -> None:
    table = Table(title="构建完成 / Build finished", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    table.add_row("输出 / Output", str(report.out_dir))
    table.add_row("期数 / Issues", f"{report.issues}（重新出版 re-rendered {len(report.rendered)}，"
                  f"沿用缓存 from cache {len(report.reused)}）")
    table.add_row("文章 / Articles", str(report.articles))
    table.add_row("专题 / Topics", str(report.topics))
    table.add_row("可搜索页面 / Searchable pages", str(report.searchable_pages))
    if report.rendered:
        n = report.inconsistent
        issues = len(report.rendered)
        table.add_row("数字核查 / Number check", (
            styled(
                f"{n} 处数字不一致 / {n} inconsistent（本次出版的 {issues} 期；详见 zhiku check"
                " 或 zhiku build --drafts / see zhiku check or a --drafts build）",
                "bold yellow",
            )
            if n else f"未见不一致 / none inconsistent（本次出版的 {issues} 期 / in the issues rendered）"
        ))
    table.add_row("文件 / Files", f"{report.files}（{report.bytes / 1_048_576:.1f} MiB）")
    table.add_row("用时 / Time", f"{report.seconds:.1f} s")
    out.print(table)
    out.print(f"打开 / Open: {report.out_dir / 'index.html'}")


# The stages ``--timings`` lists, in the order a build runs them (``BuildReport.timings``).
STAGES = (
    ("startup", "启动与导入", "start-up and imports"),
    ("read", "读取源文件", "reading the sources"),
    ("keys", "缓存键", "cache keys"),
    ("store", "数据库", "data store"),
    ("check", "数字核查", "number check"),
    ("figures", "绘图", "figures"),
    ("pages_pdf", "网页与 PDF（同时）", "pages and PDF (together)"),
    ("render", "出版各期（合计）", "rendering issues (all)"),
    ("copy", "链接缓存文件", "linking cached files"),
    ("pages", "归档页、订阅源、站点地图", "archive pages, feed, sitemap"),
    ("search", "搜索索引（与上两步同时）", "search index (beside the two above)"),
    ("finish", "权限与统计", "permissions and sizes"),
    ("swap", "替换输出", "swapping the output in"),
    ("memory", "记录数据陈述", "recording the statements"),
)


def since_process_start() -> float | None:
    """Seconds since this process started (Linux's /proc), or None where that is unknown."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return None


def cpu_seconds() -> tuple[float, float]:
    """CPU time of this process (all its threads: Typst, resvg) and of its finished
    children (Pagefind, render workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def print_timings(report: BuildReport, startup: float | None, out: Console = console) -> None:
    """Each stage's seconds as a table (``zhiku build --timings``)."""
    table = Table(title="各阶段用时 / Time by stage", title_justify="left")
    table.add_column("阶段 / stage")
    table.add_column("秒 / s", justify="right")
    times = dict(report.timings)
    if startup is not None:
        times["startup"] = startup
    for key, zh, en in STAGES:
        if key in times:
            table.add_row(f"{zh} / {en}", f"{times[key]:.3f}")
    whole = report.seconds + (startup or 0.0) + times.get("memory", 0.0)
    table.add_row(styled("合计 / total", "bold"), styled(f"{whole:.3f}", "bold"))
    own, children = cpu_seconds()
    table.add_row("CPU 时间 / CPU time", f"{own + children:.3f}")
    table.add_row("  其中子进程 / of which child processes", f"{children:.3f}")
    out.print(table)


@app.command("build", help="构建归档网站：每期网页、PDF、微信页，目录、专题、订阅源、站点地图与中文全文搜索。"
             " / Build the archive site: every issue's page, PDF and WeChat page, the index, topics, "
             "feed, sitemap and Chinese full-text search.")
def build_command(
    publication: PublicationArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="输出文件夹，构建成功后整体替换 / "
                                      "Output folder, replaced whole on success.")] = Path("_site"),
    annotate: AnnotateOpt = False,
    drafts: DraftsOpt = False,
    timings: Annotated[
        bool, typer.Option("--timings", help="列出各阶段用时 / Print each stage's time.")
    ] = False,
) -> None:
    # The number check's process starts first, so that the claim engine loads on the other core
    # while this one loads the site stage (Jinja2, Typst, every renderer) — here, not at import:
    # `zhiku --help` and the other commands start without it.
    from zhiku.site import checkfork

    checkfork.prestart(publication.absolute())
    from zhiku.site import build_site

    startup = since_process_start() if timings else None  # the interpreter, the CLI and the build's imports
    progress = LazyProgress()
    try:
        report = build_site(publication, out, annotate=annotate, progress=progress, drafts=drafts)
    finally:
        progress.close()
        checkfork.finish()
    print_report(report)
    # The cross-issue memory: what each changed issue states, for later checks to compare with.
    # The site is built by now; a problem here is a warning, never a failed build.
    import warnings

    from zhiku.data.statements import pending_issues
    from zhiku.errors import ZhikuError, ZhikuWarning

    t_memory = time.perf_counter()
    recorded = len(report.recorded)  # by the number check's child, as it checked them
    try:
        # The claim engine is loaded only when an issue is still to record.
        pending = pending_issues(publication)
        if pending[1]:
            from zhiku.claims.memory import record_publication

            recorded += record_publication(publication, report.fact_tables, pending)
    except (ZhikuError, OSError, sqlite3.Error) as err:
        warnings.warn(
            ZhikuWarning(
                f"未能记录各期的数据陈述，跨期核对将不含本次构建（{err}）",
                f"could not record the issues' statements; the archive check will miss this build ({err})",
                publication,
            ),
            stacklevel=1,
        )
    report.timings["memory"] = time.perf_counter() - t_memory
    if recorded:
        console.print(f"已记录 {recorded} 期的数据陈述 / recorded the statements of {recorded} issue(s)")
    if timings:
        print_timings(report, startup)
