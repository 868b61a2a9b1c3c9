"""The issue page in Debian's Chromium (headless, through Playwright): TOC and back-to-top links
scroll where they should, the page fits a 375 px phone, draft marks open on hover and on tap,
checks.html filters with and without JavaScript. Screenshots and the PDF's first pages (pdftoppm)
are kept under test-artifacts/render/ for a person to look at."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import ARGS, CHROMIUM, MISSING
from test_render_support import ARTIFACTS, consistent_finding, example_issue, trains_finding

from zhiku.render import render_issue

DATE = "2021-11-22"
OUT = ARTIFACTS / "render"

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    base = tmp_path_factory.mktemp("browser")
    publication, issue, store = example_issue(base / "pub")
    out = base / "site"
    render_issue(
        publication,
        issue,
        out,
        store=store,  # type: ignore[arg-type]
        findings=[trains_finding(issue), consistent_finding(issue)],
        annotate=True,
        checks=True,  # the editors' draft: marks and the number-check page
    )
    OUT.mkdir(parents=True, exist_ok=True)
    return out / DATE, [a.slug for a in issue.articles]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(MISSING)
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _settled(page: object, expr: str) -> None:
    # Smooth scrolling takes a moment: wait until the condition holds.
    page.wait_for_function(expr, timeout=10_000)  # type: ignore[attr-defined]


def test_toc_link_and_back_to_top_scroll(site: tuple[Path, list[str]], browser: object) -> None:
    issue_dir, slugs = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto((issue_dir / "index.html").as_uri())
    page.screenshot(path=str(OUT / "issue-1280.png"))
    assert page.evaluate("window.scrollY") == 0
    second = slugs[1]
    page.click(f'.issue-toc a[href="#{second}"]')
    _settled(page, f"Math.abs(document.getElementById('{second}').getBoundingClientRect().top) < 24")
    assert page.evaluate("window.scrollY") > 2000
    assert page.evaluate("location.hash") == f"#{second}"
    page.screenshot(path=str(OUT / "issue-1280-second-article.png"))
    # A section link with a Chinese anchor lands on its heading too.
    target = page.evaluate(
        f"document.querySelector('#{second} .article-toc a').getAttribute('href').slice(1)"
    )
    page.click(f"#{second} .article-toc a")
    _settled(page, f"Math.abs(document.getElementById({target!r}).getBoundingClientRect().top) < 24")
    page.click(f"#{second} .to-top a")
    _settled(page, "window.scrollY === 0")
    page.close()


def test_phone_width_has_no_sideways_scroll(site: tuple[Path, list[str]], browser: object) -> None:
    issue_dir, slugs = site
    page = browser.new_page(viewport={"width": 375, "height": 812}, device_scale_factor=2)  # type: ignore[attr-defined]
    for name in ("index.html", f"{slugs[0]}.html", "checks.html"):
        page.goto((issue_dir / name).as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, name
    page.goto((issue_dir / "index.html").as_uri())
    page.screenshot(path=str(OUT / "issue-375.png"))
    # the first figure, as a phone shows it
    page.locator("figure.figure").first.scroll_into_view_if_needed()
    page.screenshot(path=str(OUT / "issue-375-figure.png"))
    fig_width = page.evaluate("document.querySelector('figure.figure img').getBoundingClientRect().width")
    assert 300 <= fig_width <= 375
    # body text is legible: at least 16 px
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.article-body p')).fontSize)")
    assert size >= 16
    page.close()


def test_draft_mark_opens_on_hover_and_on_tap(site: tuple[Path, list[str]], browser: object) -> None:
    issue_dir, _ = site
    page = browser.new_page(viewport={"width": 375, "height": 812}, has_touch=True)  # type: ignore[attr-defined]
    page.goto((issue_dir / "index.html").as_uri())
    mark = page.locator("mark.claim").first
    note = mark.locator(".claim-note")
    assert not note.is_visible()
    mark.scroll_into_view_if_needed()
    mark.tap()
    assert note.is_visible()
    assert "30.6%" in note.inner_text()
    page.screenshot(path=str(OUT / "draft-mark-375.png"))
    page.close()
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto((issue_dir / "index.html").as_uri())
    mark = page.locator("mark.claim").first
    mark.hover()
    assert mark.locator(".claim-note").is_visible()
    page.close()


def test_checks_page_filters(site: tuple[Path, list[str]], browser: object) -> None:
    issue_dir, _ = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto((issue_dir / "checks.html").as_uri())
    rows = page.locator("#findings tbody tr")
    assert rows.count() == 2
    page.select_option("#filter-verdict", "inconsistent")
    assert [rows.nth(i).is_visible() for i in range(2)] == [True, False]
    page.select_option("#filter-verdict", "")
    page.select_option("#filter-relation", "yoy_growth")
    assert [rows.nth(i).is_visible() for i in range(2)] == [True, True]
    page.screenshot(path=str(OUT / "checks-1280.png"))
    page.close()
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto((issue_dir / "checks.html").as_uri())
    assert not page.locator("#check-filters").is_visible()
    assert all(page.locator("#findings tbody tr").nth(i).is_visible() for i in range(2))
    context.close()


def test_pdf_first_pages_as_png(site: tuple[Path, list[str]]) -> None:
    issue_dir, _ = site
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = issue_dir / f"runwaysys-{DATE}.pdf"
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "3", str(pdf), str(OUT / "pdf-page")], check=True
    )
    pngs = sorted(OUT.glob("pdf-page-*.png"))
    assert len(pngs) >= 3
    assert all(p.stat().st_size > 20_000 for p in pngs)  # real pages, not blank ones
