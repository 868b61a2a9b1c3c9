"""``zhiku serve``'s server: only the output folder, no listings, the site's 404 page, rebuild on change."""

from __future__ import annotations

import http.client
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from zhiku.errors import ZhikuError
from zhiku.site import BuildReport, build_site
from zhiku.site.server import make_server, watch_and_rebuild

sys.path.insert(0, str(Path(__file__).parent))
from test_site_support import article_files, example_publication, give_figures_data


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    base = tmp_path_factory.mktemp("serve")
    site = base / "site"
    (site / "2021-11-22").mkdir(parents=True)
    (site / "index.html").write_text("<!DOCTYPE html><title>首页</title>首页", encoding="utf-8")
    (site / "404.html").write_text("<!DOCTYPE html><title>404</title>找不到这个页面", encoding="utf-8")
    (site / "2021-11-22" / "一带一路.html").write_text("中欧班列", encoding="utf-8")
    (site / "empty").mkdir()
    (site / ".zhiku-site").write_text("zhiku", encoding="utf-8")
    (base / "secret.txt").write_text("SECRET beside the site", encoding="utf-8")
    (site / "link-out").symlink_to(base / "secret.txt")
    server = make_server(site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port, site
    server.shutdown()
    server.server_close()


def get(port: int, raw_path: str) -> tuple[int, str]:
    """GET a path exactly as written (http.client does not normalise ``..``)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", raw_path)
    resp = conn.getresponse()
    body = resp.read().decode("utf-8", errors="replace")
    conn.close()
    return resp.status, body


def test_serves_pages_and_utf8_paths(served: tuple[int, Path]) -> None:
    port, _ = served
    assert get(port, "/") == (200, "<!DOCTYPE html><title>首页</title>首页")
    status, body = get(port, "/2021-11-22/%E4%B8%80%E5%B8%A6%E4%B8%80%E8%B7%AF.html")
    assert (status, body) == (200, "中欧班列")


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e/secret.txt",
        "/2021-11-22/../../secret.txt",
        "/2021-11-22/%2e%2e/%2e%2e/secret.txt",
        "/..\\secret.txt",
        "/link-out",
        "/.zhiku-site",
        "//etc/passwd",
        "/%00",
    ],
)
def test_no_escape_from_the_output_folder(served: tuple[int, Path], path: str) -> None:
    port, _ = served
    status, body = get(port, path)
    assert status == 404
    assert "SECRET" not in body and "root:" not in body and "zhiku" not in body.lower().replace("找不到", "")
    assert "找不到这个页面" in body  # the site's own 404 page


def test_no_directory_listing(served: tuple[int, Path]) -> None:
    port, _ = served
    status, body = get(port, "/empty/")
    assert status == 404 and "Directory listing" not in body and "找不到这个页面" in body


def test_binds_to_this_machine_by_default() -> None:
    server = make_server(Path("."), port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_rebuilds_when_a_source_changes(tmp_path: Path) -> None:
    pub = example_publication(tmp_path / "pub")
    give_figures_data(article_files(pub)[0])
    out = pub / "_site"  # inside the publication, as `zhiku serve` does: must not trigger rebuilds
    build_site(pub, out)
    builds: list[BuildReport] = []
    errors: list[ZhikuError] = []
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch_and_rebuild,
        args=(pub, out),
        kwargs={"on_build": builds.append, "on_error": errors.append, "stop_event": stop},
        daemon=True,
    )
    watcher.start()
    time.sleep(1.0)  # let the watcher start
    article = article_files(pub)[1]
    article.write_text(
        article.read_text(encoding="utf-8").replace("几个着力点", "四个着力点", 1), encoding="utf-8"
    )
    deadline = time.monotonic() + 60
    while not builds and not errors and time.monotonic() < deadline:
        time.sleep(0.2)
    stop.set()
    watcher.join(timeout=10)
    assert not errors, errors
    assert builds and builds[0].rendered == ("2021-11-22",)
    assert len(builds) == 1  # writing the output and the cache did not set off more builds
    assert "四个着力点" in (out / "index.html").read_text(encoding="utf-8")


def test_the_watcher_ignores_outputs_caches_and_staging(tmp_path: Path) -> None:
    import watchfiles

    from zhiku.site.server import SourceFilter

    flt = SourceFilter(tmp_path, [tmp_path / "_site", tmp_path / ".zhiku"])
    added = watchfiles.Change.added
    assert flt(added, str(tmp_path / "issues" / "2021-11-22" / "01-a.md"))
    assert flt(added, str(tmp_path / "zhiku.yml"))
    assert not flt(added, str(tmp_path / "_site" / "index.html"))
    assert not flt(added, str(tmp_path / ".zhiku" / "site" / "issues" / "k" / "2021-11-22" / "index.html"))
    assert not flt(added, str(tmp_path / "._site.x1.staging" / "2021-11-22" / "wechat" / "a.html"))
    assert not flt(added, str(tmp_path / "issues" / "2021-11-22" / ".01-a.md.swp"))


def test_a_site_with_a_sub_path_is_served_under_it(served: tuple[int, Path]) -> None:
    _, site = served
    server = make_server(site, "127.0.0.1", 0, "/briefing/")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_port
        assert get(port, "/briefing/") == (200, "<!DOCTYPE html><title>首页</title>首页")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/")
        resp = conn.getresponse()
        assert resp.status == 302 and resp.getheader("Location") == "/briefing/"
        conn.close()
        assert get(port, "/index.html")[0] == 404  # outside the site's path
        assert get(port, "/briefing/../secret.txt")[0] == 404
    finally:
        server.shutdown()
        server.server_close()


def test_zhiku_serve_command_builds_and_serves(tmp_path: Path) -> None:
    import os
    import re
    import subprocess

    pub = example_publication(tmp_path / "pub")
    give_figures_data(article_files(pub)[0])
    zhiku = Path(sys.executable).parent / "zhiku"
    proc = subprocess.Popen(
        [str(zhiku), "serve", str(pub), "--port", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    try:
        assert proc.stderr is not None
        port = None
        deadline = time.monotonic() + 120
        while port is None and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            port = int(m.group(1)) if m else None
        assert port, "zhiku serve did not print its address"
        status, body = get(port, "/")
        assert status == 200 and "“一带一路”高质量发展的几个着力点" in body
        assert get(port, "/../zhiku.yml")[0] == 404
        assert (pub / "_site" / "index.html").is_file()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
