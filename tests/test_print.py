"""Print and figure typography: Chinese punctuation squeezed and a quarter em between Han and
Latin in the PDF (each character's position read with pdfminer.six), and value labels of stacked
bars that never overlap (the SVG in Debian's Chromium, each label's box measured).
"""

from __future__ import annotations

import dataclasses
import itertools
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import ARGS, CHROMIUM, MISSING
from test_render_support import ARTIFACTS, example_issue

from zhiku.model import Paragraph
from zhiku.render import render_issue

DATE = "2021-11-22"
# Pairs of full-width punctuation that together take one em, not two (W3C clreq 3.1.6).
PAIRS = ("。”", "）。", "”。", "，“", "：“", "”，", "）、", "》。", "。（", "”（")
PUNCTUATION = "他说：“我们走吧。”然后（离开）。再见，“好”。书名《政策观察》。又说“是”（注）、完。" * 3
MIXED = "11月16日，图1显示CPI-U同比为6.8%，2019年中欧班列开行8225列。"


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("print")
    publication, issue, store = example_issue(base / "pub")
    first = issue.articles[0]
    src = first.blocks[0].source if first.blocks else first.source
    added = (Paragraph(PUNCTUATION, src), Paragraph(MIXED, src))
    issue = dataclasses.replace(
        issue, articles=(dataclasses.replace(first, blocks=added + first.blocks), *issue.articles[1:])
    )
    render_issue(publication, issue, base / "site", store=store, findings=[])  # type: ignore[arg-type]
    found = list((base / "site" / DATE).glob("*.pdf"))
    assert len(found) == 1
    return found[0]


def _chars(pdf: Path) -> list[list[tuple[str, float, float, float]]]:
    """Each page's characters: (text, x, y, size), in the order drawn."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    def walk(obj: object, out: list[tuple[str, float, float, float]]) -> None:
        if isinstance(obj, LTChar):
            out.append((obj.get_text(), obj.x0, obj.y0, obj.size))
        elif hasattr(obj, "__iter__"):
            for child in obj:
                walk(child, out)

    pages = []
    for page in extract_pages(str(pdf)):
        chars: list[tuple[str, float, float, float]] = []
        walk(page, chars)
        pages.append(chars)
    return pages


def _advances(pdf: Path, pairs: tuple[str, ...]) -> dict[str, list[float]]:
    """For each pair of adjacent characters on one line: how far the second starts after the
    first, in ems of the first."""
    found: dict[str, list[float]] = {p: [] for p in pairs}
    for page in _chars(pdf):
        for (a, xa, ya, size), (b, xb, yb, _) in itertools.pairwise(page):
            if a + b in found and abs(ya - yb) < 0.5 and xb > xa:
                found[a + b].append((xb - xa) / size)
    return found


def test_adjacent_full_width_punctuation_is_squeezed(pdf: Path) -> None:
    advances = _advances(pdf, PAIRS)
    assert all(advances[p] for p in PAIRS if p in PUNCTUATION), advances
    for pair, ems in advances.items():
        for em in ems:  # half an em for the first mark (justification may shrink a line a little)
            assert em <= 0.6, f"{pair}: the first mark takes {em:.2f} em"
    # and a mark before a Han character keeps its full em
    plain = _advances(pdf, ("吧。", "。然"))
    assert all(0.9 <= em <= 1.1 for em in plain["吧。"])


def test_a_quarter_em_between_han_and_latin(pdf: Path) -> None:
    gaps = _advances(pdf, ("月1", "图1", "示C", "年中"))
    # "月1": 月 is one em, then a quarter em before the digit; Han after Han: one em
    assert gaps["月1"] and all(em >= 1.1 for em in gaps["月1"]), gaps  # justification may shrink it a little
    assert gaps["图1"] and all(em >= 1.1 for em in gaps["图1"]), gaps
    assert gaps["年中"] and all(0.9 <= em <= 1.1 for em in gaps["年中"]), gaps


# ------------------------------------------------------------------ stacked-bar labels

STACKED_CSV = (
    "indicator,period,value,unit,name,source\n"
    "t.rail,2018,3610,列,铁路去程,测试数据\n"
    "t.rail,2019,4530,列,,\nt.rail,2020,7300,列,,\nt.rail,2021,8600,列,,\n"
    "t.road,2018,2690,列,回程,测试数据\n"
    "t.road,2019,3695,列,,\nt.road,2020,5100,列,,\nt.road,2021,6400,列,,\n"
    "t.small,2018,12,列,专列,测试数据\n"
    "t.small,2019,29,列,,\nt.small,2020,150,列,,\nt.small,2021,600,列,,\n"
)
STACKED_MD = """---
title: 堆积图
slug: stacked
---

```figure
title: 中欧班列去程、回程与专列（测试）
series: t.rail, t.road, t.small
kind: stacked-bar
```
"""


@pytest.fixture(scope="module")
def stacked(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """(name, SVG) of a stacked bar with thin segments, drawn wide and for a phone."""
    from zhiku.data import open_store
    from zhiku.figures import render_article_figures
    from zhiku.sources import parse_article

    root = tmp_path_factory.mktemp("stacked")
    (root / "data").mkdir()
    (root / "data" / "rail.csv").write_text(STACKED_CSV, encoding="utf-8")
    (root / "zhiku.yml").write_text("name: 测试\n", encoding="utf-8")
    store = open_store(root)
    article = parse_article(STACKED_MD, root / "a.md")
    (fig,) = render_article_figures(article, store)
    return [("wide", fig.svg), ("phone", fig.phone_svg)]


LABEL_BOXES = """() => {
  const rect = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const labels = [...document.querySelectorAll("g.mark-text.role-mark path")]
    .filter((p) => p.getAttribute("d"));
  const bars = [...document.querySelectorAll("g.mark-rect.role-mark path")];
  return {labels: labels.map(rect), bars: bars.map(rect)};
}"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def _inside(a: list[float], b: list[float]) -> bool:
    return a[0] >= b[0] - 0.5 and a[2] <= b[2] + 0.5 and a[1] >= b[1] - 0.5 and a[3] <= b[3] + 0.5


@pytest.fixture(scope="module")
def page() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser.new_page(viewport={"width": 800, "height": 600})
        browser.close()


def test_stacked_bar_labels_never_overlap(stacked: list[tuple[str, str]], page: object) -> None:
    out = ARTIFACTS / "print"
    out.mkdir(parents=True, exist_ok=True)
    for name, svg in stacked:
        page.set_content(f"<!DOCTYPE html><html><body style='margin:0'>{svg}</body></html>")  # type: ignore[attr-defined]
        boxes = page.evaluate(LABEL_BOXES)  # type: ignore[attr-defined]
        labels, bars = boxes["labels"], boxes["bars"]
        assert len(bars) == 12 and 4 <= len(labels) < 12, (name, len(labels))  # thin segments go without
        for i, a in enumerate(labels):
            assert not any(_overlap(a, b) for b in labels[i + 1 :]), (name, a)
            assert any(_inside(a, bar) for bar in bars), (name, a)  # each label inside its segment
        page.screenshot(path=str(out / f"stacked-{name}.png"))  # type: ignore[attr-defined]


def test_the_example_figures_labels_never_overlap(tmp_path: Path, page: object) -> None:
    """The same check on every figure the example draws, both drawings."""
    from zhiku.data import open_store
    from zhiku.figures import render_article_figures
    from zhiku.sources import read_publication

    root = tmp_path / "pub"
    example = Path(__file__).resolve().parents[1] / "examples" / "runwaysys"
    shutil.copytree(example, root, ignore=shutil.ignore_patterns(".zhiku", "_site"))
    publication = read_publication(root)
    store = open_store(root)
    for article in publication.issues[0].articles:
        for fig in render_article_figures(article, store):
            for svg in (fig.svg, fig.phone_svg):
                page.set_content(f"<!DOCTYPE html><html><body style='margin:0'>{svg}</body></html>")  # type: ignore[attr-defined]
                labels = page.evaluate(LABEL_BOXES)["labels"]  # type: ignore[attr-defined]
                for i, a in enumerate(labels):
                    assert not any(_overlap(a, b) for b in labels[i + 1 :]), (fig.caption, a)


# ------------------------------------------------------------------ decimals in a table column

TABLE_MD = """---
title: 表格
slug: table
---

## 一、数据

表1 中欧班列

| 年份 | 开行（万列） | 增长（%） | 备注 |
| --- | --- | --- | --- |
| 2018 | 0.63 | 73 | 约1.5 |
| 2019 | 0.8225 | 30.6 | 2 |
| 2020 | 1.24 | 50 | — |
"""


def test_uniform_decimals() -> None:
    from zhiku.render.tables import uniform_decimals

    rows = (
        ("2018", "1.5", "1,548.9", "约3.5", "29%"),
        ("2019", "2", "12,400", "4", "30.6%"),
        ("2020", "—", "13.25", "5", ""),
    )
    assert uniform_decimals(rows) == (
        ("2018", "1.5", "1,548.90", "约3.5", "29.0%"),
        ("2019", "2.0", "12,400.00", "4", "30.6%"),
        ("2020", "—", "13.25", "5", ""),
    )


def test_a_table_column_shows_one_number_of_decimals_everywhere(tmp_path: Path) -> None:
    """Web page, PDF, WeChat page and e-mail all print 0.6300, 0.8225, 1.2400 and 73.0, 30.6, 50.0;
    the column with 约1.5 stays as written."""
    import email as emaillib
    from email import policy

    from test_site_support import example_publication

    from zhiku.site import build_site
    from zhiku.sources import read_publication

    pub = example_publication(tmp_path / "pub")
    (pub / "issues" / DATE / "03-table.md").write_text(TABLE_MD, encoding="utf-8")
    yml = pub / "issues" / DATE / "issue.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "- 03-table.md\n", encoding="utf-8")
    assert read_publication(pub).issues[0].articles[-1].slug == "table"
    out = tmp_path / "site"
    build_site(pub, out)
    day = out / DATE
    web = (day / "table.html").read_text(encoding="utf-8")
    wechat = (day / "wechat" / "table.html").read_text(encoding="utf-8")
    msg = emaillib.message_from_bytes(next((day / "email").glob("*.eml")).read_bytes(), policy=policy.default)
    mail = msg.get_body(("html",)).get_content()  # type: ignore[union-attr]
    pdf = subprocess.run(
        ["pdftotext", "-layout", str(next(day.glob("*.pdf"))), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pdf = "".join(pdf.split())  # the PDF's quarter em before 1.5 extracts as a space
    for name, text in (("web", web), ("wechat", wechat), ("mail", mail), ("pdf", pdf)):
        for cell in ("0.6300", "0.8225", "1.2400", "73.0", "30.6", "50.0", "约1.5"):
            assert cell in text, (name, cell)
    for text in (web, wechat, mail):
        assert ">2<" in text and ">2.0<" not in text  # the column with 约1.5 is as written


# ------------------------------------------------------------------ the cover


def test_the_cover_shows_publication_number_date_title_and_contents(tmp_path: Path) -> None:
    publication, issue, store = example_issue(tmp_path / "pub")
    issue = dataclasses.replace(issue, number="第48期", title="中美关系与“一带一路”")
    render_issue(publication, issue, tmp_path / "site", store=store, findings=[])  # type: ignore[arg-type]
    pdf = next((tmp_path / "site" / DATE).glob("*.pdf"))
    cover = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(cover.split())
    for shown in ("兰瑞智库", "政策观察", "第48期", "2021年11月22日", "中美关系与“一带一路”", "目录"):
        assert shown in flat, shown
    for article in issue.articles:
        assert "".join(article.title.split()) in flat
