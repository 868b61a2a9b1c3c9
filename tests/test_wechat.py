"""The WeChat pages: the whole issue on one page (``wechat/index.html``) with a 复制全文 / Copy button
that puts the styled HTML on the clipboard, figures as 2× PNG files, every style inline.

The example issue is rendered once; Chromium (Debian's, through Playwright) opens the page from a
local server, clicks the button and reads the clipboard back.
"""

from __future__ import annotations

import re
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from chromium import ARGS, CHROMIUM, MISSING
from test_render_support import ARTIFACTS, example_issue, paragraphs, squash

from zhiku.model import Issue
from zhiku.render import render_issue
from zhiku.render.inline import inline_plain
from zhiku.site.server import make_server

DATE = "2021-11-22"
OUT = ARTIFACTS / "wechat"


@dataclass(frozen=True)
class Rendered:
    out: Path
    issue: Issue

    @property
    def wechat(self) -> Path:
        return self.out / DATE / "wechat"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    base = tmp_path_factory.mktemp("wechat")
    publication, issue, store = example_issue(base / "pub")
    render_issue(publication, issue, base / "site", store=store, findings=[])  # type: ignore[arg-type]
    return Rendered(base / "site", issue)


def _content(page: str) -> str:
    """What the Copy button copies: the inside of #wx-content."""
    m = re.search(r'<div id="wx-content"[^>]*>(.*)</div>\s*<script', page, re.S)
    assert m, "no #wx-content"
    return m.group(1)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = struct.unpack(">II", data[16:24])
    return int(w), int(h)


def test_whole_issue_page_has_masthead_contents_and_every_article_in_order(rendered: Rendered) -> None:
    page = (rendered.wechat / "index.html").read_text(encoding="utf-8")
    text = squash(re.sub(r"<[^>]+>", "", _content(page)))
    assert text.startswith(squash("兰瑞智库战略决策研究"))
    assert squash("政策观察") in text and squash("2021年11月22日 星期一") in text
    titles = [squash(inline_plain(a.title)) for a in rendered.issue.articles]
    toc = text.index("本期目录")
    # the contents list every title, then the articles follow in the same order
    positions = [text.index(t, toc) for t in titles]
    bodies = [text.index(t, positions[-1] + len(titles[-1])) for t in titles[1:]]
    assert positions == sorted(positions) and bodies == sorted(bodies)
    last = 0
    for p in paragraphs(rendered.issue):  # every paragraph, in reading order
        at = text.find(squash(inline_plain(p.text)), last)
        assert at >= 0, p.text[:30]
        last = at
    assert "重要声明" in text[last:]


def test_wechat_content_is_inline_styled_only(rendered: Rendered) -> None:
    for page_file in sorted(rendered.wechat.glob("*.html")):
        page = page_file.read_text(encoding="utf-8")
        content = _content(page)
        for leftover in ("<style", "<script", "<link", " class=", "data:image"):
            assert leftover not in content.lower(), (page_file.name, leftover)
        # every element that shows text carries its own style
        for tag in re.findall(r"<(?:p|h[1-6]|li|td|th)\b[^>]*>", content):
            assert 'style="' in tag, (page_file.name, tag)
        # the page itself has no stylesheet either: only the button's script, from a file
        assert "<style" not in page and re.findall(r"<script\b[^>]*>", page) == [
            '<script src="../../assets/wechat.js">'
        ]


def test_figures_are_2x_png_files_under_2_mb(rendered: Rendered) -> None:
    page = (rendered.wechat / "index.html").read_text(encoding="utf-8")
    srcs = re.findall(r'<img\b[^>]*\bsrc="([^"]+)"', _content(page))
    assert len(srcs) == 3 and all(s.startswith("figures/") and s.endswith(".png") for s in srcs), srcs
    for src in srcs:
        png = (rendered.wechat / src).read_bytes()
        assert len(png) < 2 * 1024 * 1024
        # WeChat is read on phones: the PNG is the figure drawn for a phone, at twice its size
        svg_file = rendered.out / DATE / "figures" / f"{Path(src).stem}-phone.svg"
        svg = svg_file.read_text(encoding="utf-8")
        m = re.search(r'<svg\b[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"', svg)
        assert m is not None
        assert _png_size(png) == (round(2 * float(m.group(1))), round(2 * float(m.group(2))))
        tag = re.search(rf'<img\b[^>]*src="{re.escape(src)}"[^>]*>', page)
        assert tag and f'width="{round(float(m.group(1)))}"' in tag.group(0)  # shown at 1×


@pytest.fixture(scope="module")
def served(rendered: Rendered) -> Iterator[str]:
    server = make_server(rendered.out, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/{DATE}/wechat/"
    server.shutdown()
    server.server_close()


def test_copy_button_puts_the_styled_issue_on_the_clipboard(rendered: Rendered, served: str) -> None:
    if not CHROMIUM.exists():
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.split("/20")[0])
        page = context.new_page()
        page.goto(served + "index.html")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.screenshot(path=str(OUT / "wechat-issue-375.png"))
        page.get_by_role("button", name=re.compile("复制全文")).click()
        page.wait_for_function("document.getElementById('wx-copy-status').textContent.includes('已复制')")
        html = page.evaluate(
            """async () => {
                const items = await navigator.clipboard.read();
                const item = items.find((i) => i.types.includes("text/html"));
                return await (await item.getType("text/html")).text();
            }"""
        )
        plain = page.evaluate("navigator.clipboard.readText()")
        # The clipboard holds the whole issue, styled inline, nothing that needs a stylesheet.
        for a in rendered.issue.articles:
            assert inline_plain(a.title) in html and inline_plain(a.title) in plain
        assert "本期目录" in html and "重要声明" in html
        assert re.search(r'<h2 style="[^"]*color: #1d1d1f[^"]*border-bottom: 2px solid #9b1c1c', html)
        assert re.search(r'<h3 style="[^"]*color: #9b1c1c', html)
        for leftover in ("<style", "<script", " class=", "data:image"):
            assert leftover not in html, leftover
        # Pictures by their full address, so the WeChat editor can fetch them; they are there.
        srcs = re.findall(r'<img\b[^>]*\bsrc="([^"]+)"', html)
        assert len(srcs) == 3 and all(s.startswith(served + "figures/") for s in srcs), srcs
        for src in srcs:
            response = page.request.get(src)
            assert response.status == 200 and response.headers["content-type"] == "image/png"
        # Pasted into an editable page (as into the WeChat editor), it looks the same.
        editor = context.new_page()
        editor.set_content('<div id="editor" contenteditable="true" style="width: 375px"></div>')
        editor.focus("#editor")
        editor.keyboard.press("Control+V")
        editor.wait_for_function("document.querySelectorAll('#editor img').length === 3")
        color = editor.evaluate("getComputedStyle(document.querySelector('#editor h3')).color")
        assert color == "rgb(155, 28, 28)"
        context.close()
        browser.close()


def test_each_article_page_has_its_own_copy_button(rendered: Rendered) -> None:
    for a in rendered.issue.articles:
        page = (rendered.wechat / f"{a.slug}.html").read_text(encoding="utf-8")
        assert "复制本文 / Copy" in page
        assert inline_plain(a.title) in page


def test_the_worked_example_reaches_wechat_and_email_whole(tmp_path: Path) -> None:
    """examples/my-briefing (every construct of docs/format.md): the whole-issue WeChat page and
    the newsletter carry its pictures (files beside the page; CID parts in the e-mail), notes,
    references, tables and the waiting figure."""
    import email as emaillib
    import shutil
    from email import policy

    from zhiku.site import build_site

    example = Path(__file__).resolve().parents[1] / "examples" / "my-briefing"
    if not (example / "zhiku.yml").is_file():
        pytest.skip("examples/my-briefing is not there")
    pub = tmp_path / "pub"
    shutil.copytree(example, pub, ignore=shutil.ignore_patterns(".zhiku", "_site"))
    build_site(pub, tmp_path / "site")
    day = next(p for p in (tmp_path / "site").iterdir() if re.fullmatch(r"\d{4}-\d\d-\d\d", p.name))
    page = (day / "wechat" / "index.html").read_text(encoding="utf-8")
    content = _content(page)
    for shown in ("本期目录", "注释", "参考文献", "数据待补", "表1", "要点"):
        assert shown in content, shown
    srcs = re.findall(r'<img\b[^>]*\bsrc="([^"]+)"', content)
    assert any(s.startswith("images/") for s in srcs) and any(s.startswith("figures/") for s in srcs), srcs
    assert all((day / "wechat" / s).is_file() for s in srcs)
    for leftover in ("<style", "<script", " class=", "data:image"):
        assert leftover not in content, leftover
    msg = emaillib.message_from_bytes(next((day / "email").glob("*.eml")).read_bytes(), policy=policy.default)
    body = msg.get_body(("html",))
    assert body is not None
    html = body.get_content()  # type: ignore[attr-defined]
    cids = {p["Content-ID"].strip("<>") for p in msg.walk() if p["Content-ID"]}
    used = set(re.findall(r'src="cid:([^"]+)"', html))
    assert used and used == cids  # every picture and figure attached, every attachment shown
    assert not re.search(r'src="(?!cid:)', html)
