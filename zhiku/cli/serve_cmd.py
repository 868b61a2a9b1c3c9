"""``zhiku serve``: build the site, preview it on 127.0.0.1 and rebuild when a source changes."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zhiku.cli.app import app
from zhiku.cli.build_cmd import AnnotateOpt, DraftsOpt, LazyProgress, PublicationArg, console, print_report
from zhiku.cli.term import styled
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
    from zhiku.site.build import SITE_MARKER
    from zhiku.site.livereload import LiveReload
    from zhiku.site.liveserve import watch_and_reload
    from zhiku.site.server import make_server

    out_dir = out if out is not None else publication / "_site"
    progress = LazyProgress()

    def failed(err: ZhikuError) -> None:
        line = styled("重建失败，继续提供上一版 / rebuild failed, still serving the previous site: ", "red")
        line.append_text(styled(err.message))
        console.print(line)

    initial_error: ZhikuError | None = None
    try:
        report = build_site(publication, out_dir, annotate=annotate, progress=progress, drafts=drafts)
    except ZhikuError as err:
        if not (out_dir / SITE_MARKER).is_file():  # nothing built before: nothing to serve
            raise
        failed(err)  # the last good site is served while the editor fixes the error
        initial_error = err  # and shown over its pages
    else:
        print_report(report)
    finally:
        progress.close()
    path = _site_path(publication)
    live = LiveReload(path)  # pages refresh themselves after a save, or show its error
    if initial_error is not None:
        live.error(initial_error, publication)
    server = make_server(out_dir, host, port, path, live=live)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    line = styled("预览 / Preview:", "bold")
    line.append_text(styled(f" http://{host}:{server.server_port}{path}  "
                            "（改动源文件后自动重建，Ctrl-C 退出 / rebuilds on change, Ctrl-C to stop）"))
    console.print(line)

    def built(r: BuildReport) -> None:
        console.print(f"已重建 / rebuilt: {len(r.rendered)} 期重新出版 re-rendered, {r.seconds:.1f} s")

    def updated(u: QuickUpdate) -> None:
        console.print(styled(f"已更新 / updated: {u.issue} {', '.join(u.articles)}, {u.seconds:.2f} s"))

    try:
        watch_and_reload(
            publication, out_dir, live, annotate=annotate, drafts=drafts, on_update=updated, on_build=built,
            on_error=failed,
        )
    finally:
        live.close()
        server.shutdown()
        server.server_close()


def _site_path(publication: Path) -> str:
    """The path the site is served under (``/briefing/`` for https://example.org/briefing/), read
    from zhiku.yml alone when the publication does not read whole (the previous site is served)."""
    from zhiku.site.urls import site_path
    from zhiku.sources import read_text
    from zhiku.sources.yamlload import load_document

    path = publication / "zhiku.yml"
    try:
        doc = load_document(read_text(path), path)
        url = doc.url("base_url") or doc.url("website")
    except ZhikuError:
        return "/"
    return site_path(url) if url else "/"
