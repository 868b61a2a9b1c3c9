"""The round trip Word → zhiku → web/PDF/WeChat: an imported issue builds with ``zhiku build``
as it is, and every footnote and table cell of the Word file reaches each channel.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx_source import norm, read_source

from zhiku.sources.importer import import_issue

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "docx"

class _Text(HTMLParser):
    """The text a reader of a page sees (scripts and styles left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return norm("".join(parser.parts))


def pdf_text(path: Path) -> str:
    cmd = ["pdftotext", "-enc", "UTF-8", str(path), "-"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return norm(done.stdout)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[Path, Path]]]:
    """Each fixture imported into its own publication and built with ``zhiku build``:
    name → (the issue's folder in the site, the issue's source folder)."""
    from zhiku.site import build_site

    base = tmp_path_factory.mktemp("docx-build")
    out: dict[str, tuple[Path, Path]] = {}
    for name in ("seed-styled", "rail-merged", "cpi-revised"):
        report = import_issue(FIXTURES / f"{name}.docx", into=base / name / "pub")
        site = base / name / "site"
        build_site(report.out, site, jobs=1)
        out[name] = (site / report.issue.date.isoformat(), report.issue_dir)
    yield out


def expectations(name: str) -> list[str]:
    source = read_source(FIXTURES / f"{name}.docx")
    cells = [norm(c) for t in source.tables for c in t.cells if norm(c)]
    return [norm(n) for n in source.footnotes] + cells


def channel_pages(site_issue: Path, kind: str) -> str:
    if kind == "web":
        pages = [p for p in site_issue.glob("*.html") if p.name not in ("index.html", "checks.html")]
        return "".join(page_text(p) for p in sorted(pages))
    if kind == "wechat":
        return "".join(page_text(p) for p in sorted((site_issue / "wechat").glob("*.html")))
    (pdf,) = site_issue.glob("*.pdf")
    return pdf_text(pdf)


@pytest.mark.parametrize("name", ["seed-styled", "rail-merged", "cpi-revised"])
def test_imported_issue_builds_with_every_table_cell(name: str, built: dict[str, tuple[Path, Path]]) -> None:
    site_issue, _ = built[name]
    cells = [norm(c) for t in read_source(FIXTURES / f"{name}.docx").tables for c in t.cells if norm(c)]
    for kind in ("web", "pdf", "wechat"):
        text = channel_pages(site_issue, kind)
        missing = [c for c in cells if c not in text]
        assert not missing, (kind, missing[:5])


@pytest.mark.parametrize("kind", ["web", "pdf", "wechat"])
@pytest.mark.parametrize("name", ["seed-styled", "cpi-revised"])  # the two with footnotes
def test_every_footnote_and_table_cell_reaches_every_channel(
    name: str, kind: str, built: dict[str, tuple[Path, Path]]
) -> None:
    if shutil.which("pdftotext") is None and kind == "pdf":
        pytest.skip("pdftotext (poppler-utils) not installed")
    site_issue, _ = built[name]
    text = channel_pages(site_issue, kind)
    missing = [t for t in expectations(name) if t not in text]
    assert not missing, missing[:5]
    assert "[^" not in text  # no footnote reference printed literally
    assert not re.search(r"!\[", text)  # nor a picture's Markdown


def test_zhiku_check_reads_the_imported_issue_as_it_is(built: dict[str, tuple[Path, Path]]) -> None:
    """``zhiku check`` works on the import without edits, and finds the seed's known slip in the
    table the Word file adds beside it (2019: 8225 trains, 29%, against 2018's 6300 → 30.6%)."""
    from zhiku.claims import check_paths

    _, issue_dir = built["seed-styled"]
    findings = check_paths([issue_dir])
    assert findings, "the seed's numbers were checked"
    assert {f.file.name for f in findings} <= {p.name for p in issue_dir.glob("*.md")} | {"issue.yml"}
    assert any(f.verdict == "inconsistent" and "29%" in f.text for f in findings)


@pytest.mark.parametrize("name", ["seed-styled", "rail-merged"])  # the two with a captioned picture
def test_captions_pictures_and_source_lines_reach_every_channel(
    name: str, built: dict[str, tuple[Path, Path]]
) -> None:
    """The Word file's 图N caption after its picture, 表N caption before its table and 资料来源 line
    after it are written in the agreed syntax, so the reader ties them to their picture and table
    and every channel shows them; the picture itself is in the web page, the WeChat page and the PDF."""
    from zhiku.model import Image, Table
    from zhiku.sources import read_issue

    site_issue, issue_dir = built[name]
    blocks = [b for a in read_issue(issue_dir).articles for b in a.walk_blocks()]
    images = [b for b in blocks if isinstance(b, Image)]
    tables = [b for b in blocks if isinstance(b, Table)]
    assert images and all(i.caption and i.number for i in images)
    assert tables and all(t.caption and t.number and t.source_note for t in tables)
    expected = [norm(f"图{i.number}{i.caption}") for i in images]
    expected += [norm(f"表{t.number}{t.caption}") for t in tables]
    expected += [norm(t.source_note or "") for t in tables]
    for kind in ("web", "pdf", "wechat"):
        text = channel_pages(site_issue, kind)
        missing = [e for e in expected if e not in text]
        assert not missing, (kind, missing)
    pictures = {i.path.read_bytes() for i in images}
    for folder in (site_issue, site_issue / "wechat"):
        html = "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.html"))
        shown = {(folder / src).read_bytes() for src in re.findall(r'<img[^>]* src="(images/[^"]+)"', html)}
        assert pictures <= shown, folder  # the Word file's own bytes (PNG), not a redrawn copy
    if shutil.which("pdfimages") is not None:
        (pdf,) = site_issue.glob("*.pdf")
        listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
        rows = [line.split() for line in listed.stdout.splitlines()[2:]]
        assert sum(1 for r in rows if r[2] == "image") >= len(images)
