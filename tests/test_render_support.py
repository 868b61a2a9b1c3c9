"""Helpers shared by the render tests (no tests here): the example issue, the seed's body lines,
PDF text extraction."""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from zhiku.claims.model import Finding
from zhiku.model import Article, Block, Figure, Issue, Paragraph, Publication, Section

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "runwaysys"
SEED = REPO.parent / "shared" / "seed" / "000_d1431f2bc3438f4f.txt"
ARTIFACTS = REPO / "test-artifacts"
CPI_SERIES = "us.cpi_u.inflation.annual"


def _fill_waiting_figure(block: Block) -> Block:
    # The imported seed lost its chart: its figure block waits for a series. Give it the one the
    # seed's caption (美国历年通货膨胀率) names, as an editor would, so the figure is drawn.
    if isinstance(block, Figure) and not block.series:
        return dataclasses.replace(block, series=(CPI_SERIES,), options=(*block.options, ("from", "2000")))
    return block


def _fill_section(s: Section) -> Section:
    return dataclasses.replace(
        s,
        blocks=tuple(_fill_waiting_figure(b) for b in s.blocks),
        sections=tuple(_fill_section(c) for c in s.sections),
    )


def _fill_article(a: Article) -> Article:
    return dataclasses.replace(
        a,
        blocks=tuple(_fill_waiting_figure(b) for b in a.blocks),
        sections=tuple(_fill_section(s) for s in a.sections),
    )


def example_issue(copy_to: Path) -> tuple[Publication, Issue, object]:
    """The example publication (copied to ``copy_to``), its issue and its data store."""
    if not (EXAMPLE / "zhiku.yml").is_file():
        pytest.skip(f"the example publication {EXAMPLE} is not there yet")
    from zhiku.data import open_store
    from zhiku.sources import read_publication

    root = copy_to.resolve()
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku", "_site"))
    publication = read_publication(root)
    issue = publication.issues[0]
    issue = dataclasses.replace(issue, articles=tuple(_fill_article(a) for a in issue.articles))
    return publication, issue, open_store(root)


def paragraphs(issue: Issue) -> list[Paragraph]:
    return [b for a in issue.articles for b in a.walk_blocks() if isinstance(b, Paragraph)]


def trains_finding(issue: Issue) -> Finding:
    """The seed's known inconsistency (issue 6): 8225 trains called 同比增长29%, against 6300 (30.6%)."""
    for article in issue.articles:
        for p in article.walk_blocks():
            if isinstance(p, Paragraph) and "同比增长29%" in p.text:
                s = p.text.index("8225列")
                g = p.text.index("同比增长29%")
                return Finding(
                    file=p.source.file,
                    line=p.source.line,
                    relation="yoy_growth",
                    verdict="inconsistent",
                    text=p.text,
                    spans=("8225列", "同比增长29%"),
                    stated="29%",
                    computed="30.6%",
                    evidence="8225 ÷ (3610 + 2690) − 1 = 30.6% ≠ 29%",
                    span_offsets=((s, s + 5), (g, g + 7)),
                    article=article.slug,
                )
    raise AssertionError("the seed's 8225列 同比增长29% sentence is missing from the example")


def consistent_finding(issue: Issue) -> Finding:
    for article in issue.articles:
        for p in article.walk_blocks():
            if isinstance(p, Paragraph) and "同比增长50%" in p.text:
                return Finding(
                    file=p.source.file,
                    line=p.source.line,
                    relation="yoy_growth",
                    verdict="consistent",
                    text=p.text,
                    spans=("1.24万列", "50%"),
                    stated="50%",
                    computed="50.8%",
                    evidence="12400 ÷ 8225 − 1 = 50.8% ≈ 50%",
                    article=article.slug,
                )
    raise AssertionError("the seed's 1.24万列 sentence is missing from the example")


_SKIP_LINE = re.compile(r"^(目录|正文|\[Top\]|- |【.*】$|[一二三四五六七八九十]+、|\d+、)")


def seed_body_lines() -> list[str]:
    """Every prose line of the seed's two articles (headings, TOCs and [Top] links left out)."""
    if not SEED.is_file():
        pytest.skip(f"the seed {SEED} is not available")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "正文")
    end = next(i for i, line in enumerate(lines) if line.strip().startswith("重要声明"))
    out = []
    for line in lines[start:end]:
        s = line.strip()
        if s and not _SKIP_LINE.match(s) and not s.startswith("图1"):
            out.append(s)
    return out


def squash(text: str) -> str:
    """Compare text as a reader does: NFKC, no whitespace at all (line breaks differ by output)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None, body_only: bool = False) -> str:
    """Text of a PDF (poppler). ``body_only`` crops away the running header and the page number."""
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if first is not None:
        cmd += ["-f", str(first)]
    if last is not None:
        cmd += ["-l", str(last)]
    if body_only:
        # A4 is 595 × 842 pt; the header sits in the top 2.7 cm (77 pt), the page number in the
        # bottom 2.5 cm (71 pt).
        cmd += ["-x", "0", "-y", "74", "-W", "595", "-H", "696"]
    cmd += [str(pdf), "-"]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: Path) -> list[str]:
    text = pdftotext(pdf)
    return text.split("\f")


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>')


def pdf_lines(pdf: Path) -> list[str]:
    """The lines of text as they stand on the pages: words grouped by page and baseline.

    (Plain pdftotext splits a line where CJK punctuation is kerned into its neighbour, which
    would make ``”。`` look like a line starting with 。.)
    """
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines: list[str] = []
    for page in out.split("<page ")[1:]:
        rows: dict[int, list[tuple[float, str]]] = {}
        for x, y, word in _WORD.findall(page):
            rows.setdefault(round(float(y)), []).append((float(x), html.unescape(word)))
        for y in sorted(rows):
            lines.append("".join(w for _, w in sorted(rows[y])))
    return lines
