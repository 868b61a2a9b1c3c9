"""The number-check page is the editors': private by default.

A public build (``zhiku build``) writes no checks.html and links none; a draft build
(``zhiku build --drafts``) or ``checks: public`` in zhiku.yml writes it and links it from the
issue page; in every case it is ``noindex`` and outside the sitemap, the feed and the search
index. Checked on the built files and, for what a reader can reach, in Debian's Chromium.
"""

from __future__ import annotations

import gzip
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import ARGS, CHROMIUM, MISSING
from test_site_support import example_publication

from zhiku.errors import ZhikuError
from zhiku.site import build_site
from zhiku.site.server import make_server
from zhiku.sources import read_publication

DATE = "2021-11-22"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("checks")
    pub = example_publication(base / "pub")
    out = {"public": base / "public", "drafts": base / "drafts"}
    build_site(pub, out["public"])
    build_site(pub, out["drafts"], drafts=True)
    pub2 = example_publication(base / "pub2")
    (pub2 / "zhiku.yml").write_text(
        (pub2 / "zhiku.yml").read_text(encoding="utf-8") + "checks: public\n", encoding="utf-8"
    )
    out["checks-public"] = base / "checks-public"
    build_site(pub2, out["checks-public"])
    return out


def _html_files(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts]


def _indexed_urls(site: Path) -> set[str]:
    urls: set[str] = set()
    for frag in site.glob("pagefind/*/fragment/*.pf_fragment"):
        text = gzip.decompress(frag.read_bytes()).decode("utf-8", "replace")
        urls.update(re.findall(r'"url":"([^"]+)"', text))
    return urls


def test_a_public_build_has_no_checks_page_and_no_link(sites: dict[str, Path]) -> None:
    site = sites["public"]
    assert not list(site.rglob("checks.html"))
    for page in _html_files(site):
        assert "checks.html" not in page.read_text(encoding="utf-8"), page


def test_a_draft_build_has_it_linked_but_never_indexed(sites: dict[str, Path]) -> None:
    for name in ("drafts", "checks-public"):
        site = sites[name]
        checks = site / DATE / "checks.html"
        html = checks.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in html
        assert "不一致" in html  # the page an editor needs: verdicts, file paths
        assert 'href="checks.html"' in (site / DATE / "index.html").read_text(encoding="utf-8")
        for listing in ("sitemap.xml", "feed.xml"):
            assert "checks" not in (site / listing).read_text(encoding="utf-8"), (name, listing)
        urls = _indexed_urls(site)
        assert urls and not any("checks" in u for u in urls), urls
        # No page of the archive itself (index, topics, years) links it either.
        for page in [site / "index.html", *site.glob("topics/*.html"), *site.glob("years/*.html")]:
            assert "checks.html" not in page.read_text(encoding="utf-8"), page


def test_checks_setting_is_checked(tmp_path: Path) -> None:
    pub = example_publication(tmp_path / "pub")
    yml = pub / "zhiku.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "checks: sometimes\n", encoding="utf-8")
    with pytest.raises(ZhikuError) as err:
        read_publication(pub)
    assert "checks" in err.value.en and err.value.line is not None
    yml.write_text(yml.read_text(encoding="utf-8").replace("sometimes", "private"), encoding="utf-8")
    assert read_publication(pub).checks_public is False


@pytest.fixture(scope="module")
def served(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    servers = {name: make_server(path, "127.0.0.1", 0) for name, path in sites.items()}
    for server in servers.values():
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {name: f"http://127.0.0.1:{s.server_port}/" for name, s in servers.items()}
    for server in servers.values():
        server.shutdown()
        server.server_close()


def test_a_reader_cannot_reach_it_an_editor_can(served: dict[str, str]) -> None:
    if not CHROMIUM.exists():
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        page.goto(served["public"] + f"{DATE}/index.html")
        assert page.locator("a[href$='checks.html']").count() == 0
        assert "数字核查" not in page.locator("nav.issue-toc").inner_text()
        response = page.goto(served["public"] + f"{DATE}/checks.html")
        assert response is not None and response.status == 404
        page.goto(served["drafts"] + f"{DATE}/index.html")
        page.get_by_role("link", name=re.compile("数字核查")).click()
        page.wait_for_load_state("load")
        assert page.url.endswith("checks.html")
        assert page.locator("meta[name=robots]").get_attribute("content") == "noindex, nofollow"
        assert page.locator("#findings tbody tr").count() > 0
        browser.close()
