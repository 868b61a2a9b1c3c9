"""``zhiku serve`` survives any error in a rebuild: it shows the error (one clean line) and keeps
serving the last good site; an impossible date never kills it."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import assert_error_line, make_pub, run

from zhiku.errors import ZhikuError
from zhiku.site import BuildReport, build_site, server

ISSUE_YML = Path("issues") / "2021-11-22" / "issue.yml"


def get(port: int, path: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", errors="replace")
    finally:
        conn.close()


def wait_for(predicate: object, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


def test_the_watcher_reports_any_error_and_keeps_going(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild that fails with something that is no ZhikuError (a zhiku bug) is reported like
    one, and the next change is built again."""
    pub = make_pub(tmp_path)
    out = tmp_path / "out"
    build_site(pub, out)
    calls = {"n": 0}

    def flaky(*args: object, **kwargs: object) -> BuildReport:
        calls["n"] += 1
        if calls["n"] == 1:
            raise ValueError("day is out of range for month")
        return build_site(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(server, "build_site", flaky)
    builds: list[BuildReport] = []
    errors: list[ZhikuError] = []
    stop = threading.Event()
    watcher = threading.Thread(
        target=server.watch_and_rebuild,
        args=(pub, out),
        kwargs={"on_build": builds.append, "on_error": errors.append, "stop_event": stop},
        daemon=True,
    )
    watcher.start()
    time.sleep(1.0)
    article = pub / "issues" / "2021-11-22" / "01-trade.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n第一次修改。\n", encoding="utf-8")
    assert wait_for(lambda: errors)
    assert "day is out of range" in errors[0].message and "internal error" in errors[0].message
    assert watcher.is_alive()
    article.write_text(article.read_text(encoding="utf-8") + "\n第二次修改。\n", encoding="utf-8")
    assert wait_for(lambda: builds)
    stop.set()
    watcher.join(timeout=10)
    assert "第二次修改" in (out / "2021-11-22" / "trade.html").read_text(encoding="utf-8")


def serve(pub: Path, *args: str) -> subprocess.Popen[str]:
    zhiku = Path(sys.executable).parent / "zhiku"
    return subprocess.Popen(
        [str(zhiku), "serve", str(pub), "--port", "0", *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "COLUMNS": "300"},
    )


class Lines:
    """The lines a process writes to stderr, read in a thread."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        assert proc.stderr is not None
        stream = proc.stderr
        threading.Thread(target=lambda: self.lines.extend(iter(stream.readline, "")), daemon=True).start()

    def find(self, pattern: str, seconds: float = 120) -> re.Match[str] | None:
        found: list[re.Match[str]] = []

        def look() -> bool:
            found.extend(m for line in list(self.lines) if (m := re.search(pattern, line)))
            return bool(found)

        wait_for(look, seconds)
        return found[0] if found else None


def test_serve_shows_a_rebuild_error_and_keeps_serving_the_last_good_site(tmp_path: Path) -> None:
    pub = make_pub(tmp_path)
    proc = serve(pub)
    try:
        out = Lines(proc)
        m = out.find(r"http://127\.0\.0\.1:(\d+)/")
        assert m, "".join(out.lines)
        port = int(m.group(1))
        status, body = get(port, "/briefing/")
        assert status == 200 and "中欧班列的增长" in body
        (pub / ISSUE_YML).write_text("date: 2021-02-30\narticles: ['[/]01-trade.md']\n", encoding="utf-8")
        failed = out.find(r"rebuild failed.*")
        assert failed, "".join(out.lines)
        line = failed.group(0)
        assert "issue.yml:1" in line and "February 2021 has 28 days" in line
        assert "\x1b" not in "".join(out.lines)
        assert proc.poll() is None  # still running
        status, body = get(port, "/briefing/")
        assert status == 200 and "中欧班列的增长" in body  # the last good site
        (pub / ISSUE_YML).write_text("date: 2021-11-29\narticles: [01-trade.md]\n", encoding="utf-8")
        assert out.find(r"已重建 / rebuilt"), "".join(out.lines)
        status, body = get(port, "/briefing/")
        assert status == 200 and "2021-11-29" in body
        assert "Traceback" not in "".join(out.lines)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_with_an_impossible_date_and_no_site_yet_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = make_pub(tmp_path, issue_yml="date: 0000-01-01\narticles: [01-trade.md]\n")
    code, output = run(["serve", str(pub), "--port", "0"], monkeypatch, capsys)
    assert "year must be between" in assert_error_line(code, output, "issue.yml:1")


def test_serve_starting_on_a_broken_publication_serves_the_previous_site(tmp_path: Path) -> None:
    pub = make_pub(tmp_path)
    build_site(pub, pub / "_site")
    (pub / ISSUE_YML).write_text("date: 2021-11-22 25:00\narticles: [01-trade.md]\n", encoding="utf-8")
    proc = serve(pub)
    try:
        out = Lines(proc)
        m = out.find(r"http://127\.0\.0\.1:(\d+)/")
        assert m, "".join(out.lines)
        assert any("no such time of day" in line for line in out.lines)
        status, body = get(int(m.group(1)), "/briefing/")
        assert status == 200 and "中欧班列的增长" in body
    finally:
        proc.terminate()
        proc.wait(timeout=20)
