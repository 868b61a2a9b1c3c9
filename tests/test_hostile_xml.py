"""The feed and the sitemap (every XML zhiku writes) drop the characters XML forbids, with a
warning naming the file they came from; a control character in a title crashed the feed
writer with a traceback. Characters the readers refuse never get this far (one line instead)."""

from __future__ import annotations

import datetime as dt
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import ARTICLE, assert_clean_exit, assert_error_line, make_pub, run

from zhiku.errors import ZhikuWarning
from zhiku.site.feed import write_feed
from zhiku.site.pages import ArticleView, IssueView, SiteInfo, SiteView, TagLink
from zhiku.site.sitemap import write_sitemap


def test_noncharacters_in_an_article_lead_are_dropped_from_the_feed_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    article = ARTICLE.replace("summary: 班列开行数量稳步增长。\n", "").replace(
        "2018年中欧班列", "2018年\uffff中欧\ufffe班列"
    )
    pub = make_pub(tmp_path, article=article)
    out = tmp_path / "out"
    code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0
    warning = next(line for line in output.splitlines() if line.startswith("警告 warning:"))
    assert "01-trade.md" in warning and "U+FFFF" in warning
    feed = ET.parse(out / "feed.xml")  # well-formed
    ns = {"a": "http://www.w3.org/2005/Atom"}
    summary = feed.getroot().find("a:entry/a:summary", ns)
    assert summary is not None and summary.text is not None and "2018年中欧班列" in summary.text
    ET.parse(out / "sitemap.xml")


@pytest.mark.parametrize("char", ["\x1b", "\x08", "\x00"])
def test_control_characters_in_an_article_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], char: str
) -> None:
    pub = make_pub(tmp_path, article=ARTICLE.replace("2018年中欧班列", f"2018年{char}中欧班列"))
    code, output = run(["build", str(pub), "--out", str(tmp_path / "out")], monkeypatch, capsys)
    assert_error_line(code, output, "01-trade.md")


def test_the_feed_writer_itself_strips_what_xml_forbids(tmp_path: Path) -> None:
    site = SiteInfo(
        name="测试\x1b智库",
        name_en=None,
        tagline="标语\x07",
        column=None,
        column_en=None,
        publisher="主办\x0b",
        website=None,
        email=None,
        hotline=None,
        copyright="版权\ufffe",
        language="zh-CN",
        base_url="https://example.org/",
        path="/",
    )
    art = ArticleView(
        title="标题\x1b[2J",
        slug="a",
        url="2021-11-22/a.html",
        tags=(TagLink("标签\x00", "t.html"),),
        authors=("作者\x1f",),
        summary="摘要\uffff",
        issue_date=dt.date(2021, 11, 22),
    )
    issue = IssueView(
        dt.date(2021, 11, 22),
        "2021-11-22",
        "2021年11月22日 星期一",
        None,
        None,
        "2021-11-22/index.html",
        None,
        (art,),
    )
    view = SiteView(site, (issue,), ())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write_feed(view, tmp_path)
        write_sitemap(view, tmp_path)
    root = ET.parse(tmp_path / "feed.xml").getroot()
    text = ET.tostring(root, encoding="unicode")
    assert "标题[2J" in text and "摘要" in text and "\x1b" not in text
    assert any(isinstance(w.message, ZhikuWarning) for w in caught)
    ET.parse(tmp_path / "sitemap.xml")
