"""The renderers' text handling on small real inputs: soft breaks, anchors, escaping into Typst
(checked by compiling with Typst and reading the PDF back), sanitising, draft marks, warnings."""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
import warnings
from pathlib import Path

import pytest
import typst
from hypothesis import given, settings
from hypothesis import strategies as st

from zhiku.claims.model import Finding
from zhiku.errors import ZhikuError, ZhikuWarning
from zhiku.model import Article, Figure, Issue, Paragraph, Publication, Section, SourceRef
from zhiku.render import render_article_update, render_issue
from zhiku.render.annotate import Annotator
from zhiku.render.inline import inline_html, inline_plain, inline_typst, typst_escape
from zhiku.render.layout import issue_layout
from zhiku.render.pdf import cjk_font_dirs
from zhiku.render.text import AnchorSet, anchor_for, file_safe_name, join_soft_breaks


def test_soft_breaks_vanish_between_cjk_and_stay_between_words() -> None:
    assert join_soft_breaks("中美两国元\n首的又一次直接对话") == "中美两国元首的又一次直接对话"
    assert join_soft_breaks("Good to\nsee you") == "Good to see you"
    assert join_soft_breaks("达成重要原则共识。\n会晤增进了") == "达成重要原则共识。会晤增进了"
    assert join_soft_breaks("“新冷战”\nand") == "“新冷战”and"
    assert join_soft_breaks("硬换行  \n下一行") == "硬换行  \n下一行"  # a Markdown hard break stays


def test_anchors_keep_chinese_and_are_unique() -> None:
    assert anchor_for("一、前言") == "一前言"
    assert anchor_for("二、“一带一路”建设八年取得的成效") == "二一带一路建设八年取得的成效"
    assert anchor_for("Policy to observe") == "policy-to-observe"
    assert anchor_for("？！") == "section"
    anchors = AnchorSet()
    assert [anchors.take("a-一前言"), anchors.take("a-一前言"), anchors.take("top")] == [
        "a-一前言",
        "a-一前言-2",
        "top-2",
    ]
    assert file_safe_name("Runwaysys") == "runwaysys"
    assert file_safe_name("兰瑞 智库/../x") == "兰瑞-智库x"


NASTY = [
    r"#set page(width: 1cm) *粗* _斜_ $x^2$ @ref <label> \ `raw` ~ // 注释 /* 块 */",
    "= 不是标题 - 不是列表 + 不是编号 1. 也不是 ... -- --- 'straight' \"quotes\"",
    '#strong[注入](1) #link("http://evil")[x] {code} [content] 100% A&B |x| ^_^',
]


def test_typst_escaping_shows_exactly_the_text(tmp_path: Path) -> None:
    body = "\n\n".join(typst_escape(t) for t in NASTY)
    doc = f'#set text(font: "Noto Serif CJK SC", cjk-latin-spacing: none)\n#set page(width: 40cm)\n{body}\n'
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(typst.compile(doc.encode(), font_paths=list(cjk_font_dirs())))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for t in NASTY:
        assert t in text, t


def test_inline_markdown_to_typst_keeps_emphasis_and_drops_dangerous_links() -> None:
    out = inline_typst("**粗体**与*斜体*，见[网站](http://www.runwaysys.com)、[顶部](#top)和`代码`")
    assert "#strong[粗体]" in out and "#emph[斜体]" in out
    assert '#link("http://www.runwaysys.com")[网站]' in out
    assert "#top" not in out and "<top>" not in out  # a link to a missing label breaks Typst
    assert inline_typst("<script>alert(1)</script>正文") == "正文"


def test_inline_html_is_sanitised() -> None:
    html = inline_html(
        '正文<script>alert(1)</script><a href="javascript:alert(2)" onclick="x()">链接</a>**粗**'
    )
    assert "<script" not in html and "javascript:" not in html and "onclick" not in html
    assert "<strong>粗</strong>" in html
    assert inline_html("a < b & c") == "a &lt; b &amp; c"
    assert inline_plain("**美国** 10 月 [CPI](http://x)") == "美国 10 月 CPI"


def _paragraph(text: str, line: int = 5) -> Paragraph:
    return Paragraph(text, SourceRef(Path("/pub/issues/a.md"), line))


def test_draft_marks_follow_offsets_and_fall_back_to_the_span_text() -> None:
    p = _paragraph("2019年中欧班列开行8225列，同比增长29%，发运72.5万标箱。")
    f = Finding(
        file=Path("/pub/issues/a.md"),
        line=5,
        relation="yoy_growth",
        verdict="inconsistent",
        text=p.text,
        spans=("8225列", "同比增长29%"),
        stated="29%",
        computed="30.6%",
        evidence="8225 ÷ 6300 − 1 = 30.6%",
        span_offsets=((11, 16), (0, 3)),  # the second offset is stale: the span text is searched
    )
    html = str(Annotator([f], enabled=True).paragraph_html(p))
    assert html.count("<mark") == 2
    assert '">8225列<span class="claim-note"' in html and '">同比增长29%<span class="claim-note"' in html
    assert "文中 29%，计算得 30.6%" in html
    # not enabled, or a consistent finding, or another line: no marks
    assert "<mark" not in str(Annotator([f], enabled=False).paragraph_html(p))
    other = _paragraph(p.text, line=9)
    assert "<mark" not in str(Annotator([f], enabled=True).paragraph_html(other))


def _publication(root: Path) -> Publication:
    return Publication(name="兰瑞智库", root=root, name_en="Runwaysys", column="政策观察")


def test_heading_level_skip_and_figure_without_data_warn_with_file_and_line(tmp_path: Path) -> None:
    src = tmp_path / "01-a.md"
    deep = Section("（一）细节", 3, (_paragraph("正文。"),), (), SourceRef(src, 7))
    top = Section("一、前言", 1, (), (deep,), SourceRef(src, 3))
    fig = Figure("等待数据的图", (), None, (), SourceRef(src, 12))
    article = Article("标题", "a", SourceRef(src, 1), blocks=(fig,), sections=(top,))
    issue = Issue(dt.date(2021, 11, 22), (article,), SourceRef(tmp_path / "issue.yml", 1))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_issue(
            _publication(tmp_path), issue, tmp_path / "out", store=None, findings=[], figures={"a": []}
        )
    messages = [str(w.message) for w in caught if issubclass(w.category, ZhikuWarning)]
    assert any(f"{src}:7" in m and "标题层级跳跃" in m for m in messages), messages
    assert any(f"{src}:12" in m and "图表没有数据" in m for m in messages), messages


def test_broken_typst_layout_is_one_clear_error_and_output_is_kept(tmp_path: Path) -> None:
    src = tmp_path / "01-a.md"
    article = Article("标题", "a", SourceRef(src, 1), blocks=(_paragraph("正文。"),))
    issue = Issue(dt.date(2021, 11, 22), (article,), SourceRef(tmp_path / "issue.yml", 1))
    pub = _publication(tmp_path)
    out = tmp_path / "out"
    render_issue(pub, issue, out, store=None, findings=[], figures={})
    before = sorted(p.name for p in (out / "2021-11-22").iterdir())
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "issue.typ").write_text("#let issue(meta, body) = {\n  body\n#let broken(\n")
    with pytest.raises(ZhikuError) as err:
        render_issue(pub, issue, out, store=None, findings=[], figures={})
    assert "PDF" in err.value.zh and f"{tmp_path / 'theme' / 'issue.typ'}:1:" in err.value.message
    assert sorted(p.name for p in (out / "2021-11-22").iterdir()) == before
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_fast_rebuild_rewrites_the_changed_article_only(tmp_path: Path) -> None:
    src = tmp_path / "01-a.md"
    a = Article("甲文", "a", SourceRef(src, 1), blocks=(_paragraph("旧的段落。"),))
    b = Article("乙文", "b", SourceRef(tmp_path / "02-b.md", 1), blocks=(_paragraph("乙的段落。"),))
    issue = Issue(dt.date(2021, 11, 22), (a, b), SourceRef(tmp_path / "issue.yml", 1))
    pub = _publication(tmp_path)
    out = tmp_path / "out"
    render_issue(pub, issue, out, store=None, findings=[], figures={})
    day = out / "2021-11-22"
    b_page = (day / "b.html").stat().st_mtime_ns
    pdf = (day / "runwaysys-2021-11-22.pdf").read_bytes()
    a2 = Article("甲文", "a", SourceRef(src, 1), blocks=(_paragraph("新的段落。"),))
    issue2 = Issue(issue.date, (a2, b), issue.source)
    written = render_article_update(pub, issue2, a2, out, findings=[], figures={})
    assert {p.name for p in written} == {"index.html", "a.html"}
    assert "新的段落" in (day / "a.html").read_text(encoding="utf-8")
    assert "新的段落" in (day / "index.html").read_text(encoding="utf-8")
    assert "新的段落" in (day / "wechat" / "a.html").read_text(encoding="utf-8")
    assert (day / "b.html").stat().st_mtime_ns == b_page
    assert (day / "runwaysys-2021-11-22.pdf").read_bytes() == pdf


def test_layout_numbers_articles_and_keeps_anchor_prefixes(tmp_path: Path) -> None:
    src = tmp_path / "01-a.md"
    s = Section("一、前言", 1, (), (), SourceRef(src, 3))
    a = Article("甲", "alpha", SourceRef(src, 1), sections=(s,))
    b = Article("乙", "beta", SourceRef(src, 1), sections=(s,))
    views = issue_layout(Issue(dt.date(2021, 11, 22), (a, b), SourceRef(src, 1)), {})
    assert [v.anchor for v in views] == ["alpha", "beta"]
    assert [v.sections[0].anchor for v in views] == ["alpha-一前言", "beta-一前言"]


def test_lists_tables_and_quotes_reach_every_output(tmp_path: Path) -> None:
    from zhiku.model import ListBlock, Quote, Table

    src = tmp_path / "01-a.md"
    blocks = (
        _paragraph("导语。"),
        ListBlock(("第一项：**加粗**", "第二项 #不是代码"), ordered=True, source=SourceRef(src, 3), start=3),
        Quote((_paragraph("引文第一段。"), _paragraph("引文第二段。")), SourceRef(src, 6)),
        Table(
            ("年份", "开行（列）"),
            (("2019", "8225"), ("2020", "12400")),
            SourceRef(src, 9),
            caption="中欧班列",
            number=1,
        ),
    )
    article = Article("标题", "a", SourceRef(src, 1), blocks=blocks)
    issue = Issue(dt.date(2021, 11, 22), (article,), SourceRef(tmp_path / "issue.yml", 1))
    out = tmp_path / "out"
    render_issue(_publication(tmp_path), issue, out, store=None, findings=[], figures={})
    html = (out / "2021-11-22" / "a.html").read_text(encoding="utf-8")
    assert '<ol start="3">' in html and "<strong>加粗</strong>" in html and "#不是代码" in html
    # The caption sits above the table's scrolling frame (a <figcaption>, issue 17), numbers right.
    assert "<blockquote>" in html and '<figcaption class="table-caption">表1 中欧班列</figcaption>' in html
    assert '<td class="align-right">12400</td>' in html
    wechat = (out / "2021-11-22" / "wechat" / "a.html").read_text(encoding="utf-8")
    assert "<td" in wechat and "12400" in wechat and "<blockquote" in wechat
    pdf = out / "2021-11-22" / "runwaysys-2021-11-22.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "3.",
        "第一项：加粗",
        "第二项 #不是代码",
        "引文第一段。",
        "引文第二段。",
        "表1 中欧班列",
        "12400",
    ):
        # (the PDF sets a quarter em between Han and Latin, which extraction reads as a space)
        assert "".join(expected.split()) in "".join(text.split()), expected


_FONTS = functools.lru_cache(maxsize=1)(
    lambda: typst.Fonts(include_system_fonts=False, font_paths=list(cjk_font_dirs()))
)
_ALPHABET = "".join(chr(c) for c in range(33, 127)) + "中文图年月日，。、；：？！（）《》“”—… "


@settings(max_examples=15, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=40), min_size=1, max_size=20))
def test_any_text_survives_typst_escaping(texts: list[str]) -> None:
    # Each text on its own paragraph, compiled by Typst and read back: nothing lost, nothing added
    # (whitespace aside: Typst collapses runs of spaces, as HTML does).
    lines = [t for t in texts if t.strip()]
    if not lines:
        return
    # 【】 around each text: pdftotext would otherwise join a line ending in "-" to the next.
    body = "\n\n".join(f"#box[【{typst_escape(t)}】]" for t in lines)
    doc = f'#set text(font: "Noto Serif CJK SC", cjk-latin-spacing: none)\n#set page(width: 60cm)\n{body}\n'
    pdf = typst.Compiler(font_paths=_FONTS()).compile(input=doc.encode())
    assert isinstance(pdf, bytes)
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    squashed = "".join(text.split())
    for t in lines:
        assert "【" + "".join(t.split()) + "】" in squashed, t
