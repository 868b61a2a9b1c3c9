"""``zhiku serve``: a local preview of the built site that rebuilds when a source changes.

The standard library's HTTP server with three restrictions: it serves files of the output folder
only (no ``..``, no symlink out of it, no hidden files), it never lists a folder, and a missing
page gets the site's own 404 page. It binds 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import functools
import io
import os
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import watchfiles

from zhiku.errors import ZhikuError
from zhiku.site import livereload
from zhiku.site.build import BuildReport, Progress, build_site
from zhiku.site.livereload import LiveReload


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serves one folder, mounted at ``site_path`` (the path of the site's public address)."""

    site_path = "/"
    extensions_map = {  # noqa: RUF012 - the base class declares it as a plain class attribute
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".xml": "application/xml; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
    }

    def __init__(
        self, *args: Any, directory: str, site_path: str = "/", live: LiveReload | None = None, **kwargs: Any
    ) -> None:
        self.site_path = site_path
        self.root = Path(directory).resolve()
        self.live = live
        super().__init__(*args, directory=directory, **kwargs)

    def translate_path(self, path: str) -> str:
        """The file for a URL path, or a path that does not exist when the URL leaves the folder."""
        missing = str(self.root / ".zhiku-not-found")
        try:
            url_path = unquote(urlsplit(path).path, errors="strict")
        except UnicodeDecodeError:
            return missing
        if not url_path.startswith(self.site_path):
            return missing
        parts = [p for p in url_path[len(self.site_path):].split("/") if p]
        # No parent steps, no hidden files (.zhiku-site, editor leftovers), no backslash tricks.
        if any(p in ("..", ".") or p.startswith(".") or "\\" in p or "\0" in p for p in parts):
            return missing
        target = self.root.joinpath(*parts).resolve()
        if not target.is_relative_to(self.root):  # a symlink pointing outside
            return missing
        if url_path.endswith("/") or not parts:
            target = target / "index.html" if target.is_dir() else target
        return str(target)

    def do_GET(self) -> None:
        if urlsplit(self.path).path == "/" and self.site_path != "/":
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", self.site_path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.live is not None and self._live_get():
            return
        super().do_GET()

    def _live_get(self) -> bool:
        """Live reload's requests, and HTML pages sent with its script (``livereload``): the
        script goes into the bytes sent, never into the site's files. False: not handled here."""
        assert self.live is not None
        url_path = urlsplit(self.path).path
        if url_path == livereload.EVENTS_PATH:
            self.close_connection = True
            self.live.stream(self)
            return True
        if url_path == livereload.SCRIPT_PATH:
            self._send_bytes(HTTPStatus.OK, livereload.SCRIPT, "text/javascript; charset=utf-8")
            return True
        target = Path(self.translate_path(self.path))
        if target.suffix != ".html" or not target.is_file():
            return False
        try:
            page = target.read_bytes()
        except OSError:
            return False
        self._send_bytes(HTTPStatus.OK, livereload.inject(page), "text/html; charset=utf-8")
        return True

    def _send_bytes(self, code: int, body: bytes, content_type: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def list_directory(self, path: str | os.PathLike[str]) -> io.BytesIO | None:
        """Never list a folder: a folder without index.html is simply not found."""
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.root / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        if self.live is not None:  # a page that is missing now may exist after the next save
            body = livereload.inject(body)
        self._send_bytes(code, body, "text/html; charset=utf-8")

    def end_headers(self) -> None:
        # A preview must show the latest build, never a cached page.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows builds, not every request."""


def make_server(
    out_dir: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    site_path: str = "/",
    live: LiveReload | None = None,
) -> ThreadingHTTPServer:
    """An HTTP server for ``out_dir``; port 0 picks a free port (``server.server_port``).
    With ``live``, pages reload themselves after each rebuild (``zhiku serve``)."""
    handler = functools.partial(SiteRequestHandler, directory=str(out_dir), site_path=site_path, live=live)
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as err:
        raise ZhikuError(
            f"无法在 {host}:{port} 启动服务（端口可能已被占用），请用 --port 换一个端口",
            f"cannot serve on {host}:{port} (the port may be in use); pick another with --port",
        ) from err
    server.daemon_threads = True
    return server


class SourceFilter(watchfiles.DefaultFilter):
    """Watch the publication's sources, not its outputs or caches (that would rebuild forever)."""

    def __init__(self, root: Path, ignore: list[Path]) -> None:
        super().__init__()
        self.root = root.resolve()
        self.ignore = [p.resolve() for p in ignore]

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        p = Path(path).resolve()
        if any(p == i or p.is_relative_to(i) for i in self.ignore):
            return False
        # Hidden folders and files anywhere under the publication: .zhiku/ (caches), the build's
        # staging and old-output folders (._site.*), editor swap files.
        rel = p.relative_to(self.root).parts if p.is_relative_to(self.root) else p.parts
        if any(part.startswith(".") for part in rel):
            return False
        return bool(super().__call__(change, path))


def watch_and_rebuild(
    publication_root: Path,
    out_dir: Path,
    *,
    annotate: bool = False,
    on_build: Callable[[BuildReport], None],
    on_error: Callable[[ZhikuError], None],
    stop_event: threading.Event | None = None,
    progress: Progress | None = None,
    drafts: bool = False,
) -> None:
    """Rebuild each time a source changes, until ``stop_event`` is set (or Ctrl-C).

    A failed rebuild is reported and the previous site keeps being served, whatever failed: an
    error that is no ZhikuError (a zhiku bug) is reported as one too, never ending the preview.
    """
    root = Path(publication_root)
    flt = SourceFilter(root, [out_dir, root / ".zhiku"])
    for _changes in watchfiles.watch(root, watch_filter=flt, stop_event=stop_event, debounce=300):
        try:
            on_build(build_site(root, out_dir, annotate=annotate, progress=progress, drafts=drafts))
        except ZhikuError as err:
            on_error(err)
        except Exception as err:  # not the user's input: still report it and keep serving
            detail = f"{type(err).__name__}: {err}"
            on_error(ZhikuError(f"重建时内部出错：{detail}", f"internal error in a rebuild: {detail}", root))
