"""Benchmark save-to-repaint in ``zhiku serve``: an article saved, the open page showing it.

    .venv/bin/python bench/serve_reload.py                    # 15 saves, prints a Markdown section
    .venv/bin/python bench/serve_reload.py --runs 21 --write  # and writes docs/benchmarks.md's section

The real command, ``zhiku serve`` on a copy of examples/runwaysys, and Debian's Chromium (driven
by Playwright) with the second article's page open and scrolled down. Each round appends a
marked sentence to the article's last paragraph (the file written whole, as an editor saves)
and times from just before the write until the page, updated by itself, has the marked text
at an animation frame (``wait_for_function`` polled on ``requestAnimationFrame``: the frame
that paints it). The next round waits for the full build that follows each save (PDF, search
shard, archive pages) so that every save starts from a quiet server. The server's own line
(``已更新 / updated … s``) gives the time of the quick update alone, and the page's
``zhiku-live`` event the moment it hears of the new build.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docsection import write_section

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "runwaysys"
SECTION = "## Save to screen / 保存到刷新 (`bench/serve_reload.py`)"
ZHIKU = Path(sys.executable).parent / "zhiku"
sys.path.insert(0, str(REPO / "tests"))
from chromium import ARGS, CHROMIUM  # noqa: E402

_UPDATED = re.compile(r"已更新 / updated: .*?([\d.]+) s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(log: Path, text: str, count: int, timeout: float = 120.0) -> None:
    """Until ``text`` appears ``count`` times in the server's output."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if log.read_text(encoding="utf-8", errors="replace").count(text) >= count:
            return
        time.sleep(0.02)
    tail = log.read_text(encoding="utf-8")[-3000:]
    raise SystemExit(f"zhiku serve did not print {text!r} ×{count}:\n{tail}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--write", action="store_true", help="write the section into docs/benchmarks.md")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    base = Path(tempfile.mkdtemp(prefix="zhiku-bench-serve-"))
    pub = base / "pub"
    shutil.copytree(EXAMPLE, pub, ignore=shutil.ignore_patterns(".zhiku", "_site"))
    source = sorted((pub / "issues").glob("*/*.md"))[1]
    slug = next(line.split(":", 1)[1].strip() for line in source.read_text(encoding="utf-8").splitlines()
                if line.startswith("slug:"))
    port = free_port()
    log = base / "serve.log"
    env = dict(os.environ, COLUMNS="200")
    with log.open("wb") as sink:
        server = subprocess.Popen(
            [str(ZHIKU), "serve", str(pub), "--port", str(port), "--out", str(base / "site")],
            stdout=sink, stderr=subprocess.STDOUT, env=env,
        )
    latencies: list[float] = []
    to_event: list[float] = []  # save → the page hears of the new build
    try:
        wait_for(log, "Preview", 1)
        url = f"http://127.0.0.1:{port}/{source.parent.name}/{slug}.html"
        load_before = os.getloadavg()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(url)
            page.wait_for_timeout(1000)  # the page's event stream connects
            page.evaluate("window.scrollTo(0, 1500)")
            heard = "window.zhikuHeard = performance.timeOrigin + performance.now()"
            page.evaluate(f"addEventListener('zhiku-live', () => {{ {heard}; }})")
            for i in range(args.runs + 1):  # the first save warms the server's quick path up
                marker = f"（第{i}次保存）"
                text = source.read_text(encoding="utf-8").rstrip("\n") + marker + "\n"
                start = time.perf_counter()
                saved_at = time.time()
                source.write_text(text, encoding="utf-8")
                page.wait_for_function(
                    f"document.body.innerText.includes('{marker}')", polling="raf", timeout=60_000
                )
                if i > 0:
                    latencies.append(time.perf_counter() - start)
                    to_event.append(page.evaluate("window.zhikuHeard") / 1000 - saved_at)
                wait_for(log, "已重建 / rebuilt", i + 1)  # the full build that follows
                page.wait_for_timeout(300)
            scrolled = page.evaluate("window.scrollY")
            browser.close()
        load_after = os.getloadavg()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    quick = [float(m.group(1)) for m in _UPDATED.finditer(log.read_text(encoding="utf-8"))][1:]
    med = statistics.median(latencies)
    verdict = "met" if med <= 0.300 else "**not met**"

    def ms(values: list[float]) -> str:
        return f"{min(values) * 1000:.0f} ms | {max(values) * 1000:.0f} ms"

    save_row = (
        f"| save → repaint (watch, quick update, event, new body, paint) | **{med * 1000:.0f} ms** "
        f"(goal ≤ 300 ms: {verdict}) "
    )
    quick_ms = statistics.median(quick) * 1000
    quick_row = f"| of which the quick update (the server's own line) | {quick_ms:.0f} ms "
    event_ms = statistics.median(to_event) * 1000
    event_row = f"| save → the page hears of it (watch, quick update, event) | {event_ms:.0f} ms "
    paint = [t - r for t, r in zip(latencies, to_event, strict=True)]
    paint_row = f"| the page takes its new body → paint | {statistics.median(paint) * 1000:.0f} ms "
    load = f"{load_before[0]:.1f} before, {load_after[0]:.1f} after"
    section = f"""
Command: `.venv/bin/python bench/serve_reload.py --runs {args.runs} --write` — `zhiku serve
examples/runwaysys` (the real command) with the second article open in Chromium, scrolled to
1,500 px; each save appends a marked sentence to the article; timed from just before the file is
written until the page paints the marked text. {args.runs} saves after one warm-up save, each
after the previous save's full build finished. Load average {load}
(2 shared cores: the times are upper bounds).

| measure | median | min | max |
| --- | ---: | ---: | ---: |
{save_row}| {ms(latencies)} |
{event_row}| {ms(to_event)} |
{quick_row}| {ms(quick)} |
{paint_row}| {ms(paint)} |

Runs (ms): {", ".join(f"{t * 1000:.0f}" for t in latencies)}. The page was at
scrollY = {scrolled} after the last save (it was scrolled to 1,500 px before the first save).

What is in the time: watchfiles reports a save once the file has been quiet for 30 ms; the quick
update reads the issue, checks the changed article's numbers, takes its figures from the last
build and writes its page, its WeChat page and the issue page into the served folder; the server
tells the page over its event stream; the page fetches itself and takes the new body in place
(no navigation: the style sheet, layout state and scroll position stay).
The full build (PDF, checks, the issue's search shard, archive pages) runs after that, and the
next save waits for it.
"""
    print(section)
    if args.write:
        write_section(SECTION, section)
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
