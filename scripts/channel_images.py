"""The pictures in docs/channels.md: one issue as each channel's reader receives it.

    .venv/bin/python scripts/channel_images.py [PUBLICATION]   # after bash scripts/setup.sh

Builds the publication (default: examples/my-briefing when it is there, it has tables; else
examples/runwaysys) into a temporary folder, serves it on 127.0.0.1 and, with Debian's headless
Chromium (through Playwright), takes: the issue page on a phone (375 px) at a table and at a
chart, the WeChat whole-issue page on a phone, the e-mail newsletter's HTML part as a mail
client shows it (its CID pictures resolved), and a search for part of a compound; pdftoppm
turns the PDF's cover and its first page with a table into PNGs. Everything goes to docs/img/
as channels-*.png.
"""

from __future__ import annotations

import base64
import email
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from email import policy
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
IMG = REPO / "docs" / "img"
sys.path.insert(0, str(REPO / "tests"))


def _publication() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    for name in ("my-briefing", "runwaysys"):
        if (REPO / "examples" / name / "zhiku.yml").is_file():
            return REPO / "examples" / name
    sys.exit("no example publication")


def _shoot(page: object, selector: str, out: Path) -> bool:
    """A 375 × 812 screenshot with the first ``selector`` near the top (False if there is none)."""
    loc = page.locator(selector)  # type: ignore[attr-defined]
    if loc.count() == 0:
        return False
    loc.first.evaluate("e => { const d = e.closest('details'); if (d) d.open = true; }")
    loc.first.evaluate("e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 60)")
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    page.screenshot(path=str(out))  # type: ignore[attr-defined]
    return True


def main() -> None:
    from chromium import ARGS, CHROMIUM
    from playwright.sync_api import sync_playwright

    from zhiku.site.server import make_server

    IMG.mkdir(parents=True, exist_ok=True)
    source = _publication()
    with tempfile.TemporaryDirectory(prefix="zhiku-channels-") as tmp:
        pub = Path(tmp) / "pub"
        shutil.copytree(source, pub, ignore=shutil.ignore_patterns(".zhiku", "_site"))
        site = Path(tmp) / "site"
        zhiku = Path(sys.executable).parent / "zhiku"
        subprocess.run([str(zhiku), "build", str(pub), "--out", str(site)], check=True)
        day = sorted(p for p in site.iterdir() if re.fullmatch(r"\d{4}-\d\d-\d\d", p.name))[-1]
        server = make_server(site, "127.0.0.1", 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}/"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
                phone = browser.new_page(viewport={"width": 375, "height": 812}, device_scale_factor=2)
                phone.goto(f"{base}{day.name}/index.html")
                phone.evaluate("for (const i of document.images) i.loading = 'eager'")
                phone.wait_for_load_state("networkidle")
                if not _shoot(
                    phone, ".article-body table:not(.figure-data table)", IMG / "channels-issue-375-table.png"
                ):
                    _shoot(phone, "details.figure-data", IMG / "channels-issue-375-table.png")
                _shoot(phone, "figure.figure:has(picture)", IMG / "channels-issue-375-chart.png")
                phone.goto(f"{base}{day.name}/wechat/index.html")
                phone.screenshot(path=str(IMG / "channels-wechat-375.png"))
                _shoot(phone, "#wx-content img", IMG / "channels-wechat-375-figure.png")
                phone.goto(base)
                phone.fill(".search-input", "欧班")
                phone.press(".search-input", "Enter")
                phone.wait_for_selector("li.search-result", timeout=15_000)
                phone.wait_for_timeout(300)
                phone.screenshot(path=str(IMG / "channels-search-375.png"))
                # The newsletter as a mail client shows it: the HTML part, CID pictures resolved.
                eml = next((day / "email").glob("*.eml"))
                msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
                body = msg.get_body(("html",))
                assert body is not None
                html = body.get_content()  # type: ignore[attr-defined]
                for part in msg.walk():
                    if part["Content-ID"]:
                        data = base64.b64encode(part.get_payload(decode=True)).decode()
                        html = html.replace(
                            f"cid:{part['Content-ID'].strip('<>')}", f"data:image/png;base64,{data}"
                        )
                mail = Path(tmp) / "newsletter.html"
                mail.write_text(html, encoding="utf-8")
                desk = browser.new_page(viewport={"width": 760, "height": 1000})
                desk.goto(mail.as_uri())
                desk.screenshot(path=str(IMG / "channels-newsletter.png"))
                _shoot(desk, "img", IMG / "channels-newsletter-figure.png")
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
        pdf = next(day.glob("*.pdf"))
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "70",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(IMG / "channels-pdf-cover"),
            ],
            check=True,
        )
        pages = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split("\f")
        table_page = next((n for n, t in enumerate(pages[1:], 2) if re.search(r"^\s*表\s*\d", t, re.M)), None)
        table_page = table_page or next(
            (n for n, t in enumerate(pages[1:], 2) if re.search(r"^\s*图\s*\d", t, re.M)), 2
        )
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "70",
                "-png",
                "-f",
                str(table_page),
                "-l",
                str(table_page),
                "-singlefile",
                str(pdf),
                str(IMG / "channels-pdf-table"),
            ],
            check=True,
        )
    print(f"written to {IMG}: " + ", ".join(sorted(p.name for p in IMG.glob("channels-*.png"))))


if __name__ == "__main__":
    main()
