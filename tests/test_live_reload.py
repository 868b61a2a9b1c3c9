"""Live reload without a browser: the script goes only into what ``serve`` sends, the event
stream tells the state, and the quick update writes exactly the pages the full build writes."""

from __future__ import annotations

import http.client
import json
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from zhiku.errors import ZhikuError
from zhiku.site import build_site
from zhiku.site.livereload import EVENTS_PATH, SCRIPT_PATH, SCRIPT_TAG, LiveReload, inject
from zhiku.site.quickbuild import QuickBuilder
from zhiku.site.server import make_server

sys.path.insert(0, str(Path(__file__).parent))
from test_site_support import article_files, example_publication


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("live")
    pub = example_publication(base / "pub")
    out = base / "site"
    build_site(pub, out)
    return pub, out


def _serve(out: Path, live: LiveReload | None) -> Iterator[int]:
    server = make_server(out, "127.0.0.1", 0, "/", live=live)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_port
    if live is not None:
        live.close()
    server.shutdown()
    server.server_close()


def get(port: int, path: str) -> tuple[int, str, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, resp.getheader("Content-Type") or "", body


def test_script_is_sent_with_pages_and_never_written(built: tuple[Path, Path]) -> None:
    _, out = built
    live = LiveReload("/")
    for port in _serve(out, live):
        status, kind, body = get(port, "/2021-11-22/")
        assert status == 200 and kind.startswith("text/html")
        assert body.count(SCRIPT_TAG) == 1 and body.index(SCRIPT_TAG) < body.rindex(b"</body>")
        on_disk = (out / "2021-11-22" / "index.html").read_bytes()
        assert SCRIPT_TAG not in on_disk and body == inject(on_disk)
        status, kind, body = get(port, SCRIPT_PATH)
        assert status == 200 and "javascript" in kind and b"EventSource" in body
        status, _, body = get(port, "/feed.xml")  # not a page: untouched
        assert status == 200 and SCRIPT_TAG not in body
        status, _, body = get(port, "/no-such-page.html")  # the site's 404 page, with the script
        assert status == 404 and SCRIPT_TAG in body
    # A server without live reload (the tests', a plain preview) sends the files as they are.
    for port in _serve(out, None):
        _, _, body = get(port, "/2021-11-22/")
        assert body == (out / "2021-11-22" / "index.html").read_bytes()
        assert get(port, SCRIPT_PATH)[0] == 404
    assert not any(SCRIPT_TAG in p.read_bytes() for p in out.rglob("*.html"))


def _read_event(resp: http.client.HTTPResponse) -> dict[str, object]:
    lines: list[bytes] = []
    while True:
        line = resp.fp.readline()
        if line in (b"\n", b"\r\n") and lines:
            break
        if line.strip() and not line.startswith(b":"):
            lines.append(line.strip())
    assert lines[0] == b"event: state"
    result = json.loads(lines[1].removeprefix(b"data: "))
    assert isinstance(result, dict)
    return result


def test_event_stream_tells_builds_and_errors(built: tuple[Path, Path]) -> None:
    pub, out = built
    live = LiveReload("/")
    for port in _serve(out, live):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", EVENTS_PATH)
        resp = conn.getresponse()
        assert resp.status == 200 and resp.getheader("Content-Type", "").startswith("text/event-stream")
        assert _read_event(resp) == {"build": 0, "prev": 0, "skip": [], "swap": [], "error": None}
        article = pub / "issues" / "2021-11-22" / "01-x.md"
        live.error(ZhikuError("YAML 格式错误", "malformed YAML", article, 3), pub)
        state = _read_event(resp)
        assert state["error"] == {"file": "issues/2021-11-22/01-x.md", "line": 3, "zh": "YAML 格式错误",
                                  "en": "malformed YAML"}
        assert state["build"] == 0
        live.reload(skip=["2021-11-22/index.html"])
        state = _read_event(resp)
        assert (state["build"], state["prev"], state["error"]) == (1, 0, None)
        assert state["skip"] == ["/2021-11-22/index.html", "/2021-11-22/"] and state["swap"] == []
        live.reload(swap=["2021-11-22/a.html"])
        state = _read_event(resp)
        assert (state["build"], state["prev"], state["skip"]) == (2, 1, [])
        assert state["swap"] == ["/2021-11-22/a.html"]
        conn.close()


@pytest.mark.parametrize("draft", [False, True], ids=["plain", "annotate-drafts"])
def test_quick_update_writes_what_the_full_build_writes(tmp_path: Path, draft: bool) -> None:
    pub = example_publication(tmp_path / "pub")
    out = tmp_path / "site"
    build_site(pub, out, annotate=draft, drafts=draft)
    source = article_files(pub)[0]  # the article with the figures
    source.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "（快速更新）\n", encoding="utf-8")
    quick = QuickBuilder(pub, out, annotate=draft, drafts=draft)
    update = quick.update({source})
    quick.close()
    assert update is not None and update.articles and update.issue == "2021-11-22"
    slug = update.articles[0]
    assert f"2021-11-22/{slug}.html" in update.written and "2021-11-22/index.html" in update.written
    assert f"2021-11-22/wechat/{slug}.html" in update.written
    quick_pages = {rel: (out / rel).read_bytes() for rel in update.written}
    assert "（快速更新）" in quick_pages[f"2021-11-22/{slug}.html"].decode("utf-8")
    clean = tmp_path / "clean"
    shutil.copytree(pub, clean, ignore=shutil.ignore_patterns(".zhiku"))
    build_site(clean, tmp_path / "clean-site", annotate=draft, drafts=draft)
    for rel, data in quick_pages.items():
        assert (tmp_path / "clean-site" / rel).read_bytes() == data, rel


def test_quick_update_leaves_other_changes_to_the_full_build(built: tuple[Path, Path]) -> None:
    pub, out = built
    quick = QuickBuilder(pub, out)
    assert quick.update({pub / "zhiku.yml"}) is None
    assert quick.update({pub / "issues" / "2021-11-22" / "issue.yml"}) is None
    assert quick.update(set()) is None
    stray = pub / "issues" / "2021-11-22" / "notes.md"  # not listed in issue.yml
    stray.write_text("# 笔记\n", encoding="utf-8")
    try:
        assert quick.update({stray}) is None
    finally:
        stray.unlink()
        quick.close()
