"""Builds that overlap (an editor runs ``zhiku build`` while ``zhiku serve`` rebuilds) take turns
on one output and one cache; every external process runs with a time limit; a search bundle
enters the cache only when it is complete."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import assert_clean_exit, assert_error_line, example_pub, make_pub, run, snapshot

from zhiku.site import lock, search


def zhiku_process(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "zhiku", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def search_pages(out: Path) -> int:
    """How many pages the site's search bundles say they index."""
    total = 0
    for entry in out.glob("pagefind/*/pagefind-entry.json"):
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
        total += sum(lang["page_count"] for lang in languages.values())
    return total


def test_three_concurrent_builds_finish_and_the_next_search_is_complete(tmp_path: Path) -> None:
    pub = example_pub(tmp_path)
    articles = len(list((pub / "issues").glob("*/*.md")))
    out = tmp_path / "site"
    started = time.monotonic()
    procs = [zhiku_process("build", str(pub), "--out", str(out)) for _ in range(3)]
    results = []
    for proc in procs:
        try:
            stdout, stderr = proc.communicate(timeout=120 - (time.monotonic() - started))
        except subprocess.TimeoutExpired:
            for p in procs:
                p.kill()
            pytest.fail("three concurrent builds did not end within two minutes")
        results.append((proc.returncode, stdout + stderr))
    assert time.monotonic() - started < 120
    for code, output in results:
        assert_clean_exit(code, output)
        assert code == 0, output
    # The ones that waited said so, in one line naming who they waited for.
    waited = [o for _, o in results if "waiting for it to finish" in o]
    assert all("another build (pid " in o for o in waited)
    assert search_pages(out) == articles
    again = zhiku_process("build", str(pub), "--out", str(out))
    stdout, stderr = again.communicate(timeout=120)
    assert again.returncode == 0, stdout + stderr
    assert search_pages(out) == articles
    for shard in out.glob("pagefind/*"):
        assert list(shard.glob("fragment/*")), shard
    assert not list(tmp_path.glob(".site.lock")) and not (pub / ".zhiku" / "build.lock").exists()


def test_builds_of_one_publication_into_two_outputs_share_the_cache_safely(tmp_path: Path) -> None:
    pub = make_pub(tmp_path)
    a = zhiku_process("build", str(pub), "--out", str(tmp_path / "a"))
    b = zhiku_process("build", str(pub), "--out", str(tmp_path / "b"))
    for proc in (a, b):
        stdout, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stdout + stderr
    assert search_pages(tmp_path / "a") == search_pages(tmp_path / "b") == 1
    assert (tmp_path / "a" / "2021-11-22" / "trade.html").read_bytes() == (
        tmp_path / "b" / "2021-11-22" / "trade.html"
    ).read_bytes()


def test_a_stale_lock_from_a_killed_build_is_taken_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """kill -9 leaves the lock file behind; the kernel released its lock, so the next build
    takes it at once."""
    pub = make_pub(tmp_path)
    out = tmp_path / "out"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    for f in (tmp_path / ".out.lock", pub / ".zhiku" / "build.lock"):
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(f"pid={dead.pid} host=elsewhere since=0\n", encoding="utf-8")
    started = time.monotonic()
    code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0 and "waiting" not in output
    assert time.monotonic() - started < 60


def test_a_build_that_cannot_get_the_lock_waits_with_a_message_then_stops_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = make_pub(tmp_path)
    out = tmp_path / "out"
    code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    assert code == 0
    before = snapshot(out)
    holder = subprocess.Popen(  # another build, as far as the lock can tell
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "os.write(fd, f'pid={os.getpid()} host=here\\n'.encode())\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n",
            str(tmp_path / ".out.lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(lock, "DEFAULT_WAIT_S", 1.0)
        code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    finally:
        holder.kill()
        holder.wait()
    line = assert_error_line(code, output, ".out.lock")
    assert f"pid {holder.pid}" in line
    assert any("waiting for it to finish" in x and x.startswith("警告 warning:") for x in output.splitlines())
    assert snapshot(out) == before
    # Once the holder is gone the lock is free again.
    code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    assert code == 0, output


@pytest.mark.parametrize(("script", "zh"), [("sleep 30", "超时"), ("exit 0", "没有写出完整的索引")])
def test_a_stuck_or_silent_pagefind_stops_the_build_and_nothing_is_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], script: str, zh: str
) -> None:
    pub = make_pub(tmp_path)
    fake = tmp_path / "pagefind"
    fake.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(search, "pagefind_binary", lambda: fake)
    monkeypatch.setattr(search, "TIMEOUT_BASE_S", 1.0)
    monkeypatch.setattr(search, "TIMEOUT_PER_PAGE_S", 0.0)
    started = time.monotonic()
    code, output = run(["build", str(pub), "--out", str(tmp_path / "out")], monkeypatch, capsys)
    assert time.monotonic() - started < 20
    assert zh in assert_error_line(code, output, "")
    assert not (tmp_path / "out").exists()
    search_cache = pub / ".zhiku" / "site" / "search"
    assert not [p for p in search_cache.iterdir()] if search_cache.is_dir() else True


def test_the_lock_is_an_advisory_flock_released_when_its_holder_ends(tmp_path: Path) -> None:
    path = tmp_path / ".out.lock"
    with lock.build_lock(path, tmp_path / "out"):
        fd = os.open(path, os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)
        assert f"pid={os.getpid()}" in path.read_text(encoding="utf-8")
    assert not path.exists()
