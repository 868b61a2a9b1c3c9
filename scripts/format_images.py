"""The pictures in docs/format.md: the worked example (examples/my-briefing) as readers see it.

    .venv/bin/python scripts/format_images.py        # after bash scripts/setup.sh

Builds the example, then takes full-page screenshots of its issue page with Debian's headless
Chromium (through Playwright) on a phone (375 px) and on a desktop (1280 px), of its WeChat page
on a phone, and turns the PDF's pages into PNGs with pdftoppm. Everything goes to docs/img/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "my-briefing"
IMG = REPO / "docs" / "img"
DATE = "2021-11-29"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


# Close-ups of each construct on the issue page (first of each): name → CSS selector.
PARTS = (
    ("summary", ".article-summary"),
    ("callout", ".callout"),
    ("table", ".table-figure"),
    ("picture", ".figure.picture"),
    ("chart", ".figure:not(.picture):not(.figure-waiting)"),
    ("waiting", ".figure-waiting"),
    ("definitions", ".callout-tip"),
    ("notes", ".footnotes"),
    ("references", ".references"),
)


def _load_everything(page: object) -> None:
    """Scroll to the end so lazily loaded pictures load, then back to the top."""
    page.evaluate(  # type: ignore[attr-defined]
        "async () => { for (const img of document.images) { img.loading = 'eager'; }"
        " await Promise.all([...document.images].map(i => i.decode().catch(() => null))); }"
    )
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]


def main() -> None:
    from playwright.sync_api import sync_playwright

    IMG.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="zhiku-format-") as tmp:
        pub = Path(tmp) / "my-briefing"
        shutil.copytree(EXAMPLE, pub, ignore=shutil.ignore_patterns(".zhiku"))
        site = Path(tmp) / "site"
        zhiku = Path(sys.executable).parent / "zhiku"
        subprocess.run([str(zhiku), "build", str(pub), "--out", str(site)], check=True)
        day = site / DATE
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            shots = (
                ("issue-375.png", day / "index.html", 375),
                ("issue-1280.png", day / "index.html", 1280),
                ("wechat-375.png", day / "wechat" / "ban-lie.html", 375),
            )
            for name, page_path, width in shots:
                page = browser.new_page(viewport={"width": width, "height": 800}, device_scale_factor=1)
                page.goto(page_path.as_uri())
                _load_everything(page)
                page.screenshot(path=str(IMG / name), full_page=True)
                if page_path.name == "index.html":
                    for part, selector in PARTS:
                        stem = name.removesuffix(".png")
                        page.locator(selector).first.screenshot(path=str(IMG / f"{stem}-{part}.png"))
                page.close()
            browser.close()
        pdf = next(day.glob("*.pdf"))
        for old in IMG.glob("pdf-page-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(IMG / "pdf-page")], check=True)
    for f in sorted(IMG.iterdir()):
        print(f.relative_to(REPO), f.stat().st_size)


if __name__ == "__main__":
    main()
