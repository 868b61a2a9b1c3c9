"""``zhiku serve``: build the site, preview it on 127.0.0.1 and rebuild when a source changes."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zhiku.cli.app import app
from zhiku.cli.build_cmd import AnnotateOpt, DraftsOpt, LazyProgress, PublicationArg, console, print_report
from zhiku.errors import ZhikuError

if TYPE_CHECKING:
    from zhiku.site import BuildReport
    from zhiku.site.quickbuild import QuickUpdate


@app.command("serve", help="构建并在本机预览网站，源文件改动后自动重建，打开的页面随之刷新。"
             " / Build, preview the site locally, rebuild when a source changes and refresh the open pages.")
def serve_command(
    publication: PublicationArg,
    port: Annotated[int, typer.Option("--port", "-p", help="端口 / Port.")] = 8000,
    host: Annotated[str, typer.Option("--host", help="监听地址，默认只限本机 / "
                                      "Address to listen on; this machine only by default.")] = "127.0.0.1",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="输出文件夹，默认 简报/_site / "
                                             "Output folder (default: PUBLICATION/_site).")] = None,
    annotate: AnnotateOpt = False,
    drafts: DraftsOpt = False,
) -> None:
    # The stages load when the command runs, not when the CLI starts (see build_cmd).
    from zhiku.site import build_site
    from zhiku.site.livereload import LiveReload
    from zhiku.site.liveserve import watch_and_reload
    from zhiku.site.pages import site_info
    from zhiku.site.server import make_server
    from zhiku.sources import read_publication

    out_dir = out if out is not None else publication / "_site"
    progress = LazyProgress()
    try:
        report = build_site(publication, out_dir, annotate=annotate, progress=progress, drafts=drafts)
    finally:
        progress.close()
    print_report(report)
    path = site_info(read_publication(publication)).path
    live = LiveReload(path)  # pages refresh themselves after a save, or show its error
    server = make_server(out_dir, host, port, path, live=live)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    console.print(f"[bold]预览 / Preview:[/] http://{host}:{server.server_port}{path}  "
                  "（改动源文件后自动重建，Ctrl-C 退出 / rebuilds on change, Ctrl-C to stop）")

    def built(r: BuildReport) -> None:
        console.print(f"已重建 / rebuilt: {len(r.rendered)} 期重新出版 re-rendered, {r.seconds:.1f} s")

    def failed(err: ZhikuError) -> None:
        console.print(f"[red]重建失败，继续提供上一版 / rebuild failed, still serving the previous site:[/] "
                      f"{err.message}")

    def updated(u: QuickUpdate) -> None:
        console.print(f"已更新 / updated: {u.issue} {', '.join(u.articles)}, {u.seconds:.2f} s")

    try:
        watch_and_reload(
            publication, out_dir, live, annotate=annotate, drafts=drafts, on_update=updated, on_build=built,
            on_error=failed,
        )
    finally:
        live.close()
        server.shutdown()
        server.server_close()
