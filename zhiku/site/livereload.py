"""Live reload for ``zhiku serve``: the open page refreshes itself after a save, keeping its
scroll position, and a save that breaks the build shows the error over the page.

The server (``zhiku.site.server``) adds one ``<script>`` to each HTML page it sends, at the
moment it sends it: the files of the site are never changed, so a built site holds no trace of
it. The script listens to server-sent events at ``/__zhiku/events``. Each event is the
server's whole state — a build number and the current error, if any — so a page that missed
an event (its connection was re-opened) still ends up right: it reloads when the build number
moved on, shows the error while there is one, and drops it when the next good save arrives.
After a save of an article, its page takes the new body in place (fetched, parsed, swapped in:
no navigation, so no new style sheets or layout from scratch, and the scroll position stays);
a page with scripts of its own, or any other change, is loaded again, its scroll position kept.

Why not the ``livereload`` package: it brings its own server (Tornado) in place of ours, which
serves only the output folder, and its protocol (LiveReload's, over a WebSocket) says "reload"
and nothing else, so it cannot carry an error with its file and line. Server-sent events need
nothing but the standard library's server and the browser's ``EventSource``.
"""

from __future__ import annotations

import contextlib
import json
import queue
import re
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from zhiku.errors import ZhikuError

PREFIX = "/__zhiku/"
EVENTS_PATH = PREFIX + "events"
SCRIPT_PATH = PREFIX + "live.js"
SCRIPT_TAG = f'<script src="{SCRIPT_PATH}"></script>'.encode()
KEEP_ALIVE_SECONDS = 15.0

_BODY_END = re.compile(rb"</body\s*>", re.I)

# The page's side. Each "state" event: {build, prev, skip, swap, error}. ``skip`` lists the
# pages already showing build ``build`` (updated ahead of the full build): a page among them that
# shows ``prev`` need not load again. ``swap`` lists the pages whose new version differs from
# ``prev`` in their HTML alone (the quick update of an article): they may take the new body in
# place instead of loading again.
SCRIPT = r"""(() => {
  "use strict";
  const KEY = "zhiku-live-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(KEY);
  if (saved !== null) {
    sessionStorage.removeItem(KEY);
    const [x, y] = JSON.parse(saved);
    const restore = () => window.scrollTo(x, y);
    restore();
    addEventListener("load", restore, { once: true });
  }
  let shown = null;
  const overlayId = "zhiku-live-error";
  function hide() {
    const old = document.getElementById(overlayId);
    if (old) old.remove();
  }
  function show(err) {
    hide();
    const box = document.createElement("div");
    box.id = overlayId;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(40,0,0,.88);" +
      "color:#fff;font:16px/1.6 system-ui,'Noto Sans CJK SC',sans-serif;padding:2em;overflow:auto";
    const line = (tag, text, css) => {
      const el = document.createElement(tag);
      el.textContent = text;
      if (css) el.style.cssText = css;
      box.append(el);
      return el;
    };
    line("h2", "构建出错 / Build error", "margin:0 0 1em;font-size:1.4em;color:#ffb4b4");
    if (err.file) {
      const where = line("p", err.line ? `${err.file}:${err.line}` : err.file,
        "font-family:monospace;background:#000;padding:.4em .6em;border-radius:4px");
      where.className = "zhiku-live-where";
    }
    line("p", err.zh, "font-size:1.15em").className = "zhiku-live-zh";
    line("p", err.en, "color:#ddd").className = "zhiku-live-en";
    line("p", "改正后保存，页面会自动刷新 / Fix it and save: the page refreshes by itself.",
      "margin-top:2em;color:#bbb;font-size:.9em");
    (document.body || document.documentElement).append(box);
  }
  function reload() {
    sessionStorage.setItem(KEY, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  }
  const sheets = (doc) => [...doc.querySelectorAll("link[rel=stylesheet]")].map((l) => l.href).join(" ");
  // A page whose only script is this one gets its new body in place: no navigation, no new
  // style sheets, the scroll position untouched. Anything else is loaded again.
  async function swap(build) {
    if ([...document.scripts].some((s) => s.getAttribute("src") !== "__SCRIPT__")) throw new Error("scripts");
    const response = await fetch(location.href, { cache: "no-store" });
    if (!response.ok) throw new Error(String(response.status));
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    if ([...next.scripts].some((s) => s.getAttribute("src") !== "__SCRIPT__")) throw new Error("scripts");
    if (sheets(next) !== sheets(document)) throw new Error("styles");
    for (const img of next.querySelectorAll("img[src]")) {  // a figure may have changed under its name
      const url = new URL(img.getAttribute("src"), location.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set("zhiku-build", build);
      img.setAttribute("src", url.href);
    }
    const [x, y] = [window.scrollX, window.scrollY];
    document.title = next.title;
    document.body.replaceWith(document.adoptNode(next.body));  // its scripts do not run
    window.scrollTo(x, y);
  }
  const source = new EventSource("__EVENTS__");
  source.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    // For tools and benchmarks: each state as it arrives (bench/serve_reload.py times it).
    window.dispatchEvent(new CustomEvent("zhiku-live", { detail: state }));
    if (shown === null) shown = state.build;
    if (state.error) {
      show(state.error);
      return;
    }
    hide();
    if (state.build === shown) return;
    if (state.prev === shown && (state.skip || []).includes(location.pathname)) {
      shown = state.build;
      return;
    }
    if (state.prev === shown && (state.swap || []).includes(location.pathname)) {
      shown = state.build;
      swap(state.build).catch(() => { source.close(); reload(); });
      return;
    }
    source.close();
    reload();
  });
})();
""".replace("__EVENTS__", EVENTS_PATH).replace("__SCRIPT__", SCRIPT_PATH).encode()


def inject(page: bytes) -> bytes:
    """The page with the live-reload script before its last ``</body>`` (or at its end)."""
    ends = list(_BODY_END.finditer(page))
    if not ends:
        return page + SCRIPT_TAG
    at = ends[-1].start()
    return page[:at] + SCRIPT_TAG + page[at:]


def error_info(err: ZhikuError, root: Path | None = None) -> dict[str, Any]:
    """What the overlay shows: the file (inside the publication when it is), line and message."""
    file = None
    if err.file is not None:
        path = Path(err.file)
        if root is not None:
            with contextlib.suppress(ValueError, OSError):
                path = path.resolve().relative_to(root.resolve())
        file = str(path)
    return {"file": file, "line": err.line, "zh": err.zh, "en": err.en}


class LiveReload:
    """The server's state as pages see it, and the open event streams to tell it to."""

    def __init__(self, site_path: str = "/") -> None:
        self.site_path = site_path
        self._lock = threading.Lock()
        self._state: dict[str, Any] = {"build": 0, "prev": 0, "skip": [], "swap": [], "error": None}
        self._streams: list[queue.Queue[dict[str, Any] | None]] = []
        self._closed = False

    @property
    def state(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._state)

    def _publish(self, state: dict[str, Any]) -> None:
        with self._lock:
            self._state = state
            for stream in self._streams:
                stream.put(state)

    def reload(self, skip: list[str] | None = None, swap: list[str] | None = None) -> None:
        """A new build is in place: pages load it, except ``skip`` (site-relative paths of pages
        already updated to it that show the build before); ``swap``: pages whose HTML alone
        changed since the build before, which may take their new body in place."""
        current = self.state
        self._publish({
            "build": current["build"] + 1, "prev": current["build"], "skip": self._urls(skip),
            "swap": self._urls(swap), "error": None,
        })

    def _urls(self, rels: list[str] | None) -> list[str]:
        return [u for rel in (rels or []) for u in self.urls(rel)]

    def error(self, err: ZhikuError, root: Path | None = None) -> None:
        """The last save broke the build: pages show it over themselves."""
        current = self.state
        self._publish({**current, "skip": [], "swap": [], "error": error_info(err, root)})

    def urls(self, rel: str) -> list[str]:
        """The URL paths a site file is served at (a folder's index.html at the folder too)."""
        url = self.site_path + rel
        if rel == "index.html" or rel.endswith("/index.html"):
            return [url, url[: -len("index.html")]]
        return [url]

    def close(self) -> None:
        """End every open event stream (the server is stopping)."""
        with self._lock:
            self._closed = True
            for stream in self._streams:
                stream.put(None)

    def stream(self, handler: BaseHTTPRequestHandler) -> None:
        """Answer ``handler``'s request with the event stream, until the page goes or ``close()``."""
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream; charset=utf-8")
        handler.end_headers()  # the site's handler adds Cache-Control: no-store
        events: queue.Queue[dict[str, Any] | None] = queue.Queue()
        with self._lock:
            if self._closed:
                return
            self._streams.append(events)
            events.put(dict(self._state))
        try:
            while True:
                try:
                    state = events.get(timeout=KEEP_ALIVE_SECONDS)
                except queue.Empty:
                    handler.wfile.write(b": keep-alive\n\n")  # also finds a page that went away
                    handler.wfile.flush()
                    continue
                if state is None:
                    break
                data = json.dumps(state, ensure_ascii=False)
                handler.wfile.write(f"event: state\ndata: {data}\n\n".encode())
                handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass
        finally:
            with self._lock:
                if events in self._streams:
                    self._streams.remove(events)
