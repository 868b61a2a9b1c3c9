"""The Markdown article reader: blocks, sections, line numbers, front matter, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhiku.errors import ZhikuError
from zhiku.model import Figure, HtmlBlock, ListBlock, Paragraph, Quote, Table
from zhiku.sources import inline_to_plain, read_article

ARTICLE = """\
---
title: 测试文章
tags: 测试
authors: [甲, 乙]
---

导语第一行
第二行 with English
words here.

## 一、第一节

段落一。

- 项目一
- 项目二
  续行

### 1、小节

| 甲 | 乙 |
| --- | --- |
| 1 | **2** |

> 引用第一段。
>
> 引用第二段。

```figure
title: 图题
series: [a.b, c.d]
kind: line
from: 2001
source: 某来源
```

<div class="note">注</div>

## 二、第二节

3. 第三
4. 第四

结束。

    缩进的段落
"""


def write(tmp_path: Path, text: str, name: str = "01-test-article.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_blocks_sections_and_exact_source_lines(tmp_path: Path) -> None:
    path = write(tmp_path, ARTICLE)
    a = read_article(path)
    assert a.title == "测试文章"
    assert a.slug == "test-article"
    assert a.tags == ("测试",) and a.authors == ("甲", "乙")
    (lead,) = a.blocks
    assert isinstance(lead, Paragraph)
    assert lead.text == "导语第一行\n第二行 with English\nwords here."
    assert lead.source.line == 7 and lead.source.file == path
    assert [s.title for s in a.sections] == ["一、第一节", "二、第二节"]
    first, second = a.sections
    assert (first.level, first.source.line) == (1, 11)
    para, items = first.blocks
    assert isinstance(para, Paragraph) and (para.text, para.source.line) == ("段落一。", 13)
    assert isinstance(items, ListBlock)
    assert items.items == ("项目一", "项目二\n续行") and not items.ordered and items.source.line == 15
    (sub,) = first.sections
    assert (sub.title, sub.level, sub.source.line) == ("1、小节", 2, 19)
    table, quote, figure, html = sub.blocks
    assert isinstance(table, Table) and table.source.line == 21
    assert table.header == ("甲", "乙") and table.rows == (("1", "**2**"),)
    assert isinstance(quote, Quote) and quote.source.line == 25
    assert [(p.text, p.source.line) for p in quote.paragraphs] == [("引用第一段。", 25), ("引用第二段。", 27)]
    assert isinstance(figure, Figure) and figure.source.line == 29
    assert figure.title == "图题" and figure.series == ("a.b", "c.d")
    assert figure.options == (("kind", "line"), ("from", "2001"))
    assert figure.source_note == "某来源"
    assert (
        isinstance(html, HtmlBlock) and html.html == '<div class="note">注</div>' and html.source.line == 37
    )
    numbered, end, indented = second.blocks
    assert isinstance(end, Paragraph) and end.source.line == 44
    assert isinstance(numbered, ListBlock) and numbered.ordered and numbered.start == 3
    assert numbered.items == ("第三", "第四")
    # Four leading spaces do not make a code block: briefings have none.
    assert isinstance(indented, Paragraph) and indented.text == "缩进的段落" and indented.source.line == 46
    assert [s.title for s in a.walk_sections()] == ["一、第一节", "1、小节", "二、第二节"]
    assert len(list(a.walk_blocks())) == 10


def test_figure_waiting_for_data_and_single_series(tmp_path: Path) -> None:
    text = (
        "---\ntitle: T\n---\n\n```figure\ntitle: 等数据\n```\n\n```figure\ntitle: 有数据\nseries: x.y\n```\n"
    )
    a = read_article(write(tmp_path, text))
    waiting, ready = a.blocks
    assert isinstance(waiting, Figure) and waiting.series == () and waiting.source.line == 5
    assert isinstance(ready, Figure) and ready.series == ("x.y",) and ready.source.line == 9


def test_slug_from_front_matter_or_pinyin_of_file_name(tmp_path: Path) -> None:
    assert read_article(write(tmp_path, "---\ntitle: T\nslug: my-slug\n---\n", "a.md")).slug == "my-slug"
    assert read_article(write(tmp_path, "---\ntitle: T\n---\n", "02-一带一路.md")).slug == "yi-dai-yi-lu"


@pytest.mark.parametrize(
    ("text", "line", "zh", "en"),
    [
        ("---\ntitle: T\ntitel: x\n---\n", 3, "未知的键“titel”", "unknown front-matter key 'titel'"),
        ("---\ntitle: T\nslug: [a\n---\n", 3, "YAML 格式错误", "malformed YAML"),
        ("---\ntitle: T\n  bad: indent\n---\n", 3, "YAML 格式错误", "malformed YAML"),
        ("---\nslug: x\n---\n", 1, "文章缺少标题", "no title"),
        ("正文\n", 1, "文章缺少标题", "no title"),
        ("---\ntitle: T\n---\n\n### 1、小节\n", 5, "标题跳级", "skips a level"),
        ("---\ntitle: T\n---\n\n## 一\n\n#### 深\n", 7, "层级过深", "too deep"),
        ("---\ntitle: T\n---\n\n# 大标题\n", 5, "一级标题", "'#' heading"),
        ("---\ntitle: T\n---\n\n```python\nx = 1\n```\n", 5, "不支持的代码块", "unsupported fenced block"),
        ("---\ntitle: T\n---\n\n```figure\nseries: a\n```\n", 5, "缺少 title", "no 'title:'"),
        ("---\ntitle: T\n---\n\n```figure\ntitle: [x\n```\n", 6, "YAML 格式错误", "malformed YAML"),
        ("---\ntitle: T\nslug: 中文\n---\n", 3, "slug", "lowercase ASCII"),
        ("---\ntitle: T\ntags: {a: 1}\n---\n", 3, "tags", "list of strings"),
    ],
)
def test_bad_articles_name_file_and_line(tmp_path: Path, text: str, line: int, zh: str, en: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ZhikuError) as err:
        read_article(path)
    assert (err.value.file, err.value.line) == (path, line)
    assert zh in err.value.zh and en in err.value.en


@pytest.mark.parametrize(
    ("md", "plain"),
    [
        ("**约** 3 个半小时", "约 3 个半小时"),
        ("中美两国元\n首的又一次", "中美两国元首的又一次"),
        ("Good to see\nyou", "Good to see you"),
        ("增长 13.7%\n（按美元计）", "增长 13.7%（按美元计）"),
        ("见[白宫网站](https://www.whitehouse.gov/)。", "见白宫网站。"),
        ("<http://www.runwaysys.com>", "http://www.runwaysys.com"),
        (r"\*不是强调\*、`代码`", "*不是强调*、代码"),
        ("![图片说明](a.png)和<span>标签</span>", "图片说明和标签"),
        ("硬换行  \n之后", "硬换行\n之后"),
        ("", ""),
    ],
)
def test_inline_to_plain(md: str, plain: str) -> None:
    assert inline_to_plain(md) == plain
