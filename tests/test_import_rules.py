"""The legacy reader's rules on small made-up issues: joins, headings, captions, warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhiku.errors import ZhikuError
from zhiku.model import Figure, Paragraph
from zhiku.sources import LegacyIssue, parse_legacy

MASTHEAD = """\
某某研究院研究报告

某某研究院

Example Institute

2022年1月3日 星期一

经济观察

主办：某某研究院
"""


def parse(body: str, tmp_path: Path, masthead: str = MASTHEAD) -> tuple[list[str], LegacyIssue]:
    text = masthead + "\n【测试文章】\n\n正文\n\n" + body + "\n[Top](#)\n"
    legacy = parse_legacy(text, tmp_path / "old.txt")
    article = legacy.issue.articles[0]
    texts = [b.text for b in article.walk_blocks() if isinstance(b, Paragraph)]
    return texts, legacy


def body_line(body: str, needle: str) -> int:
    """The line number of ``needle`` in the file ``parse`` builds."""
    prefix = MASTHEAD + "\n【测试文章】\n\n正文\n\n"
    full = prefix + body
    return full[: full.index(needle)].count("\n") + 1


def test_masthead_fields(tmp_path: Path) -> None:
    _, legacy = parse("一、前言\n\n正文。\n", tmp_path)
    pub = legacy.publication
    assert (pub.name, pub.tagline, pub.name_en, pub.column) == (
        "某某研究院",
        "研究报告",
        "Example Institute",
        "经济观察",
    )
    assert legacy.issue.date.isoformat() == "2022-01-03"
    assert legacy.warnings == ()


def test_three_pages_join_into_one_paragraph(tmp_path: Path) -> None:
    texts, legacy = parse("一、前言\n\n第一页的末尾\n\n第二页整页\n\n第三页开头。\n", tmp_path)
    assert texts == ["第一页的末尾第二页整页第三页开头。"]
    assert len(legacy.joins) == 2


def test_latin_words_split_by_a_page_keep_their_space(tmp_path: Path) -> None:
    texts, _ = parse("一、前言\n\n拜登说：“Good to see\n\nyou, Mr President.”\n", tmp_path)
    assert texts == ["拜登说：“Good to see you, Mr President.”"]


@pytest.mark.parametrize("ending", ["。", "！", "？", "…", "”", "）", "：", "；"])
def test_sentence_final_endings_are_not_joined(tmp_path: Path, ending: str) -> None:
    texts, legacy = parse(f"一、前言\n\n第一段{ending}\n\n第二段。\n", tmp_path)
    assert texts == [f"第一段{ending}", "第二段。"]
    assert legacy.joins == ()


def test_paragraph_before_a_heading_is_kept_with_a_warning(tmp_path: Path) -> None:
    body = "一、前言\n\n没有句号的一段\n\n二、下一节\n\n正文。\n"
    texts, legacy = parse(body, tmp_path)
    assert texts == ["没有句号的一段", "正文。"]
    (warning,) = legacy.warnings
    assert warning.startswith(f"{tmp_path / 'old.txt'}:{body_line(body, '没有句号')}: 段落没有以句末标点结束")


def test_headings_only_in_sequence(tmp_path: Path) -> None:
    body = (
        "导语。\n\n1、不是小节（还没有章节）。\n\n一、前言\n\n三、跳号的一行不是标题\n\n1、小节\n\n"
        "3、跳号的小节不是标题\n\n二、第二节\n\n1、新的小节编号\n\n内容。\n"
    )
    _, legacy = parse(body, tmp_path)
    article = legacy.issue.articles[0]
    assert [b.text for b in article.blocks] == ["导语。", "1、不是小节（还没有章节）。"]
    assert [s.title for s in article.sections] == ["一、前言", "二、第二节"]
    first, second = article.sections
    assert [b.text for b in first.blocks] == ["三、跳号的一行不是标题"]
    assert [s.title for s in first.sections] == ["1、小节"]
    assert [b.text for b in first.sections[0].blocks] == ["3、跳号的小节不是标题"]
    assert [s.title for s in second.sections] == ["1、新的小节编号"]


def test_caption_becomes_a_figure_waiting_for_data(tmp_path: Path) -> None:
    body = "一、前言\n\n图2 某某指标\n\n正文。\n"
    _, legacy = parse(body, tmp_path)
    (figure,) = [b for b in legacy.issue.articles[0].walk_blocks() if isinstance(b, Figure)]
    assert (figure.title, figure.series, figure.source.line) == ("某某指标", (), body_line(body, "图2"))
    (warning,) = legacy.warnings
    assert "expected figure 1, found 2" in warning


def test_no_article_and_no_date_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ZhikuError, match="没有找到文章"):
        parse_legacy(MASTHEAD + "\n正文。\n", tmp_path / "old.txt")
    with pytest.raises(ZhikuError, match="没有找到日期"):
        parse("一、前言\n\n正文。\n", tmp_path, masthead=MASTHEAD.replace("2022年1月3日 星期一", ""))
    with pytest.raises(ZhikuError, match="日期不存在"):
        parse("一、前言\n\n正文。\n", tmp_path, masthead=MASTHEAD.replace("1月3日", "2月30日"))


def test_lists_and_block_syntax_in_prose_survive_the_round_trip(tmp_path: Path) -> None:
    """Lines that look like Markdown block syntax (or a note, citation or cross-reference) stay
    what they were after write + read."""
    from zhiku.model import ListBlock
    from zhiku.sources import content, import_legacy, read_publication

    body = (
        "一、前言\n\n要点如下：\n\n- 第一点\n- 第二点\n\n3. 第三条\n4. 第四条\n\n"
        "# 这一行不是标题。\n\n<div>也不是 HTML。\n\n2021. 年份开头的一行。\n\n[注]: 不是链接定义。\n\n"
        "::: 要点 不是提示框。\n\n: 不是定义。\n\n见@fig:cpi，[@smith] 和 [^1] 都是原文的字。\n"
    )
    src = tmp_path / "old.txt"
    src.write_text(MASTHEAD + "\n【测试文章】\n\n正文\n\n" + body + "\n[Top](#)\n", encoding="utf-8")
    report = import_legacy(src, tmp_path / "pub")
    legacy = parse_legacy(src.read_text(encoding="utf-8"), src)
    assert content(read_publication(report.out).issues[0]) == content(legacy.issue)
    blocks = list(report.issue.articles[0].walk_blocks())
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert [(b.items, b.ordered, b.start) for b in lists] == [
        (("第一点", "第二点"), False, 1),
        (("第三条", "第四条"), True, 3),
    ]
    from zhiku.sources import inline_to_plain

    plain = [inline_to_plain(b.text) for b in blocks if isinstance(b, Paragraph)]
    assert plain == [
        "要点如下：",
        "# 这一行不是标题。",
        "<div>也不是 HTML。",
        "2021. 年份开头的一行。",
        "[注]: 不是链接定义。",
        "::: 要点 不是提示框。",
        ": 不是定义。",
        "见@fig:cpi，[@smith] 和 [^1] 都是原文的字。",
    ]
    assert report.joins == ()


def test_without_disclaimer_heading_what_follows_the_last_top_link_is_end_matter(tmp_path: Path) -> None:
    text = MASTHEAD + "\n【文章】\n\n一、前言\n\n正文。\n\n[Top](#)\n\n**口号一句**\n\nE-mail：a@b.cn\n"
    legacy = parse_legacy(text, tmp_path / "old.txt")
    assert [b.text for b in legacy.issue.articles[0].walk_blocks() if isinstance(b, Paragraph)] == ["正文。"]
    assert (legacy.publication.slogan, legacy.publication.email) == ("口号一句", "a@b.cn")


def test_titles_sharing_their_first_words_get_distinct_file_names(tmp_path: Path) -> None:
    """The slug keeps eight syllables: two such titles must still give two files, not an error."""
    from zhiku.sources import import_legacy

    body = "\n【中美元首会晤：中美关系未来将走向何处？（上）】\n\n正文\n\n一、前言\n\n上篇。\n\n[Top](#)\n"
    body += "\n【中美元首会晤：中美关系未来将走向何处？（下）】\n\n正文\n\n一、前言\n\n下篇。\n\n[Top](#)\n"
    src = tmp_path / "old.txt"
    src.write_text(MASTHEAD + body, encoding="utf-8")
    report = import_legacy(src, tmp_path / "pub")
    assert [a.slug for a in report.issue.articles] == [
        "zhong-mei-yuan-shou-hui-wu-zhong-mei",
        "zhong-mei-yuan-shou-hui-wu-zhong-mei-2",
    ]


def test_a_nameless_masthead_joins_a_publication_that_has_its_zhiku_yml(tmp_path: Path) -> None:
    from zhiku.sources.importer import import_issue

    nameless = MASTHEAD.replace("某某研究院研究报告\n\n某某研究院\n", "")
    src = tmp_path / "old.txt"
    src.write_text(nameless + "\n【文章】\n\n一、前言\n\n正文。\n\n[Top](#)\n", encoding="utf-8")
    with pytest.raises(ZhikuError, match="没有找到出版物名称"):
        import_issue(src, into=tmp_path / "new")
    assert not (tmp_path / "new").exists()
    pub = tmp_path / "pub"
    pub.mkdir()
    (pub / "zhiku.yml").write_text("name: 某某研究院\n", encoding="utf-8")
    report = import_issue(src, into=pub)
    assert report.publication.name == "某某研究院" and report.issue.date.isoformat() == "2022-01-03"
