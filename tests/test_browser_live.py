"""``zhiku serve`` as an editor uses it, in Debian's Chromium: a save shows in the open page
without pressing F5, at the same scroll position; a save that breaks the article shows the
error (file, line, Chinese and English) over the page, and the next good save clears it.

The server and the watch loop are the ones ``zhiku serve`` runs (in threads of this process).
No timings are asserted: bench/serve_reload.py measures save-to-repaint.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from zhiku.site import build_site
from zhiku.site.livereload import SCRIPT_PATH, LiveReload
from zhiku.site.liveserve import watch_and_reload
from zhiku.site.server import make_server

sys.path.insert(0, str(Path(__file__).parent))
from chromium import ARGS, CHROMIUM, MISSING
from test_site_support import ARTIFACTS, article_files, example_publication

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=MISSING)

WAIT_MS = 60_000  # a generous bound on a loaded machine; nothing is timed


@dataclass
class Served:
    url: str
    pub: Path
    out: Path
    live: LiveReload
    errors: list[str]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    pub = example_publication(tmp_path / "pub")
    out = tmp_path / "site"
    build_site(pub, out)
    live = LiveReload("/")
    server = make_server(out, "127.0.0.1", 0, "/", live=live)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop, ready = threading.Event(), threading.Event()
    errors: list[str] = []
    watcher = threading.Thread(
        target=watch_and_reload,
        args=(pub, out, live),
        kwargs={"stop_event": stop, "ready": ready, "on_error": lambda e: errors.append(e.message)},
        daemon=True,
    )
    watcher.start()
    assert ready.wait(30), "the watch did not start"
    yield Served(f"http://127.0.0.1:{server.server_port}/", pub, out, live, errors)
    stop.set()
    watcher.join(30)
    live.close()
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=ARGS, headless=True,
            viewport={"width": 1280, "height": 800}, locale="zh-CN",
        )
        yield context
        context.close()


def _article_page(served: Served) -> tuple[Path, str]:
    """The second article's source and its page's URL."""
    source = article_files(served.pub)[1]
    date = source.parent.name
    slug = next(line.split(":", 1)[1].strip() for line in source.read_text(encoding="utf-8").splitlines()
                if line.startswith("slug:"))
    return source, f"{served.url}{date}/{slug}.html"


def _edit_last_paragraph(source: Path, addition: str) -> None:
    """Append ``addition`` to the article's last paragraph, as an editor saving would."""
    text = source.read_text(encoding="utf-8").rstrip("\n")
    source.write_text(text + addition + "\n", encoding="utf-8")


def test_a_save_shows_in_the_open_page_at_the_same_place(served: Served, browser: object) -> None:
    from playwright.sync_api import BrowserContext

    assert isinstance(browser, BrowserContext)
    source, url = _article_page(served)
    page = browser.new_page()
    page.goto(url)
    page.wait_for_function(f"document.querySelector('script[src=\"{SCRIPT_PATH}\"]') !== null")
    # The script is the server's: the page in the built site does not hold it.
    rel = url[len(served.url):]
    assert SCRIPT_PATH not in (served.out / rel).read_text(encoding="utf-8")
    page.wait_for_timeout(500)  # its event stream connects
    page.evaluate("window.scrollTo(0, 1500)")
    marker = "（本段为实时预览测试所加）"
    _edit_last_paragraph(source, marker)
    page.wait_for_function(f"document.body.innerText.includes('{marker}')", timeout=WAIT_MS)
    page.wait_for_function("Math.abs(window.scrollY - 1500) < 5", timeout=10_000)
    assert page.locator("script").count() == 1  # the new body's copy of the script did not run twice
    # A second save shows too (the page keeps listening after taking its new body).
    _edit_last_paragraph(source, "（第二次保存）")
    page.wait_for_function("document.body.innerText.includes('（第二次保存）')", timeout=WAIT_MS)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "live-reload.png"))
    # The full build that follows puts the same text in the site it swaps in.
    page.wait_for_timeout(100)
    assert served.errors == []
    page.close()


def test_a_broken_save_shows_the_error_until_the_next_good_save(served: Served, browser: object) -> None:
    from playwright.sync_api import BrowserContext

    assert isinstance(browser, BrowserContext)
    source, url = _article_page(served)
    good = source.read_text(encoding="utf-8")
    page = browser.new_page()
    page.goto(url)
    page.wait_for_timeout(500)
    # Front matter that does not read: line 2 of the file.
    broken = good.replace("title: ", "title: [未闭合的方括号\n", 1)
    source.write_text(broken, encoding="utf-8")
    overlay = page.locator("#zhiku-live-error")
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    where = page.locator("#zhiku-live-error .zhiku-live-where").inner_text()
    assert where == f"issues/{source.parent.name}/{source.name}:2"
    assert "YAML 格式错误" in page.locator("#zhiku-live-error .zhiku-live-zh").inner_text()
    assert "malformed YAML" in page.locator("#zhiku-live-error .zhiku-live-en").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "live-reload-error.png"))
    # A page opened while the error stands shows it too.
    other = browser.new_page()
    other.goto(served.url)
    other.locator("#zhiku-live-error").wait_for(state="visible", timeout=WAIT_MS)
    other.close()
    # The fix: the overlay goes and the page shows the fixed text.
    marker = "（修好了）"
    source.write_text(good.rstrip("\n") + marker + "\n", encoding="utf-8")
    page.wait_for_function(f"document.body.innerText.includes('{marker}')", timeout=WAIT_MS)
    overlay.wait_for(state="detached", timeout=WAIT_MS)
    assert served.live.state["error"] is None
    page.close()


def test_a_page_with_scripts_is_loaded_again_at_the_same_place(served: Served, browser: object) -> None:
    """The archive index (its search box has a script) is loaded again when a title changes,
    and comes back at the scroll position it had."""
    from playwright.sync_api import BrowserContext

    assert isinstance(browser, BrowserContext)
    source, _ = _article_page(served)
    page = browser.new_page()
    page.set_viewport_size({"width": 400, "height": 300})  # short, so the index scrolls
    page.goto(served.url)
    page.wait_for_timeout(500)
    page.evaluate("window.scrollTo(0, 200)")
    assert page.evaluate("window.scrollY") == 200
    page.evaluate("window.zhikuMarker = 'old page'")  # gone when the page is loaded again
    title = "新标题：实时预览测试"
    text = source.read_text(encoding="utf-8")
    old_title = next(line for line in text.splitlines() if line.startswith("title:"))
    source.write_text(text.replace(old_title, f"title: {title}", 1), encoding="utf-8")
    page.wait_for_function(f"document.body.innerText.includes('{title}')", timeout=WAIT_MS)
    assert page.evaluate("window.zhikuMarker === undefined")
    page.wait_for_function("window.scrollY === 200", timeout=10_000)
    assert served.errors == []
    page.close()

