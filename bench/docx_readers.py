"""Which library reads an analyst's Word file best: mammoth, docx2python or python-docx.

Run: ``.venv/bin/python bench/docx_readers.py`` (needs the bench extra: docx2python, python-docx,
pypandoc-binary). Prints a Markdown section for docs/architecture.md.

Each library reads the four briefings under tests/fixtures/docx/ through its public interface
(mammoth: its document model, as zhiku uses it; docx2python: ``docx2python(path, html=True)``;
python-docx: ``Document(path)``), and what it gives is compared with what the file holds, read
straight from the XML (tests/docx_source.py):

* paragraphs — source body paragraphs whose text the library gives (tracked changes accepted);
* footnotes — notes whose text it gives, and whose reference it places in its paragraph;
* table cells — cells it gives, and whether a merged cell is one cell (spans) or repeated;
* images — pictures it gives byte for byte;
* heading levels — styled headings whose level it reports;
* lists — list paragraphs it reports as list items;
* tracked changes — inserted text kept and deleted text dropped; comments kept out of the text;
* time — median of 5 reads of a 30-page briefing (the seed's articles three times over).
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
FIXTURES = ROOT / "tests" / "fixtures" / "docx"
NAMES = ("seed-styled", "seed-bold", "rail-merged", "cpi-revised")
INSERTED = ("9月为5.4%。", "这一段在修订中新增", "影响最持久")
DELETED = ("涨幅较上月扩大", "这一段在修订中整段删去", "是最主要的")
COMMENTS = ("需要注明数据口径", "请核对")

from docx_source import FOOTNOTE, Source, norm, read_source  # noqa: E402


@dataclass
class Reading:
    """What one library gave for one file, in comparable form."""

    paragraphs: list[str] = field(default_factory=list)  # text; a note reference as FOOTNOTE
    footnotes: list[str] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    merged_as_span: bool | None = None
    images: list[bytes] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    list_items: list[str] = field(default_factory=list)


# -- the three readers ---------------------------------------------------------------------


def read_mammoth(path: Path) -> Reading:
    import mammoth.docx
    from mammoth import documents

    out = Reading(merged_as_span=True)
    with path.open("rb") as fh:
        doc = mammoth.docx.read(fh).value

        def text(children: list[object]) -> str:
            parts = []
            for c in children:
                if isinstance(c, documents.Text):
                    parts.append(c.value)
                elif isinstance(c, documents.NoteReference):
                    parts.append(FOOTNOTE)
                elif isinstance(c, documents.Image):
                    with c.open() as img:
                        out.images.append(img.read())
                elif isinstance(c, documents.HasChildren):
                    parts.append(text(c.children))
            return "".join(parts)

        def walk(children: list[object], in_cell: bool = False) -> None:
            for c in children:
                if isinstance(c, documents.Paragraph):
                    t = text(c.children)
                    (out.cells if in_cell else out.paragraphs).append(t)
                    m = re.match(r"^(?:heading\s*(\d)|(title))$", (c.style_name or "").lower())
                    if m:
                        out.headings.append((int(m[1]) if m[1] else 0, t))
                    if c.numbering is not None and not in_cell:
                        out.list_items.append(t)
                elif isinstance(c, documents.Table):
                    for row in c.children:
                        for cell in row.children:
                            out.cells.append("".join(text(p.children) for p in cell.children))
                elif isinstance(c, documents.HasChildren):
                    walk(c.children, in_cell)

        walk(doc.children)
        for (kind, _), note in doc.notes._notes.items():
            if kind == "footnote":
                out.footnotes.append("".join(text(p.children) for p in note.body))
    return out


def read_docx2python(path: Path) -> Reading:
    from docx2python import docx2python

    out = Reading(merged_as_span=False)
    with docx2python(path, html=True) as doc:
        for table in doc.body:
            is_table = len(table) > 1 or any(len(row) > 1 for row in table)
            for row in table:
                for cell in row:
                    if is_table:
                        out.cells.append("".join(re.sub(r"<[^>]+>", "", p) for p in cell))
                        continue
                    for para in cell:
                        t = re.sub(r"----footnote\d+----", FOOTNOTE, para)
                        t = re.sub(r"----Image alt text---->.*?<----media/[^-]+----", "", t)
                        m = re.match(r"^<h(\d)>", t)
                        plain = re.sub(r"<[^>]+>", "", t)
                        if m:
                            out.headings.append((int(m[1]), plain))
                        if re.match(r"^(\d+\)|--|[a-z]\)|[ivx]+\))\t", plain):
                            out.list_items.append(plain.split("\t", 1)[1])
                            plain = plain.split("\t", 1)[1]
                        out.paragraphs.append(plain)
        out.images = list(doc.images.values())
        for table in doc.footnotes:
            for row in table:
                for cell in row:
                    for para in cell:
                        m = re.match(r"^footnote\d+\)\t\s*(.*)$", para)
                        if m:
                            out.footnotes.append(re.sub(r"<[^>]+>", "", m[1]))
    return out


def read_python_docx(path: Path) -> Reading:
    import docx

    out = Reading(merged_as_span=False)
    doc = docx.Document(str(path))
    for p in doc.paragraphs:
        out.paragraphs.append(p.text)
        m = re.match(r"^(?:heading\s*(\d)|(title))$", p.style.name.lower() if p.style is not None else "")
        if m:
            out.headings.append((int(m[1]) if m[1] else 0, p.text))
        if p._p.pPr is not None and p._p.pPr.numPr is not None:
            out.list_items.append(p.text)
    for table in doc.tables:
        seen: set[int] = set()
        for row in table.rows:
            for cell in row.cells:
                out.cells.append(cell.text)
                seen.add(id(cell._tc))
    for shape in doc.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        out.images.append(doc.part.related_parts[blip.embed].blob)
    return out  # python-docx has no footnotes API


READERS: dict[str, Callable[[Path], Reading]] = {
    "mammoth 1.x": read_mammoth,
    "docx2python 3.x": read_docx2python,
    "python-docx 1.x": read_python_docx,
}


# -- scoring -------------------------------------------------------------------------------


@dataclass
class Score:
    found: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.found += int(ok)
        self.total += 1

    def __str__(self) -> str:
        return f"{self.found}/{self.total}"


def score(name: str, reading: Reading, source: Source, scores: dict[str, Score]) -> None:
    got_paras = [norm(p.replace(FOOTNOTE, "")) for p in reading.paragraphs]
    got_all = "".join(got_paras)
    for p in source.paragraphs:
        t = norm(p.plain)
        if t:
            scores["paragraphs"].add(t in got_paras or (p.numbered and t in got_all))
    for note in source.footnotes:
        scores["footnote texts"].add(norm(note) in {norm(f) for f in reading.footnotes})
    for p in source.paragraphs:
        for m in re.finditer(FOOTNOTE + r"\d+" + FOOTNOTE, p.text):
            before = norm(re.sub(FOOTNOTE + r"\d+" + FOOTNOTE, "", p.text[: m.start()]))
            marked = [norm(g) for g in reading.paragraphs if FOOTNOTE in g]
            at_anchor = any(g.split(FOOTNOTE)[0] == before or before + FOOTNOTE in g for g in marked)
            scores["footnote anchors"].add(at_anchor)
    got_cells = [norm(c) for c in reading.cells]
    for table in source.tables:
        for c in table.cells:
            if norm(c):
                scores["table cells"].add(norm(c) in got_cells)
    for image in source.images:
        scores["images byte-identical"].add(image in reading.images)
    heads = {norm(t) for _, t in reading.headings}
    for p in source.paragraphs:
        if p.heading_level is not None:
            scores["heading levels"].add(norm(p.plain) in heads)
    items = {norm(t) for t in reading.list_items}
    for p in source.paragraphs:
        if p.numbered and not p.style.lower().startswith(("heading", "toc")):
            scores["list items"].add(norm(p.plain) in items)
    if name == "cpi-revised":
        text = "".join(got_paras)
        for t in INSERTED:
            scores["tracked: insertions kept"].add(norm(t) in text)
        for t in DELETED:
            scores["tracked: deletions dropped"].add(norm(t) not in text)
        for t in COMMENTS:
            scores["comments kept out of text"].add(norm(t) not in text)
    if name == "rail-merged":
        scores["merged cells as spans"].add(bool(reading.merged_as_span))


def thirty_pages(work: Path) -> Path:
    """The seed's two articles three times over (retitled) with the styled fixture's masthead,
    footnotes, table and picture: 30 A4 pages when LibreOffice lays it out."""
    sys.path.insert(0, str(FIXTURES))
    import make_fixtures as mf

    md = mf.seed_markdown(work, styled=True)
    head, sep, rest = md.partition(mf.PAGE_BREAK + "\n\n# ")
    body, end_sep, tail = rest.partition("\n\n重要声明:")
    copies = []
    for n in range(3):
        copy = (sep + body).replace("】\n", f"（{'一二三'[n]}）】\n")
        copy = re.sub(r"\[\^(\d+)\]", lambda m, n=n: f"[^{n}-{m[1]}]", copy)
        copies.append(copy)
    notes = re.findall(r"^\[\^(\d+)\]: (.*)$", tail, re.M)
    tail = re.sub(r"^\[\^\d+\]: .*$", "", tail, flags=re.M)
    defs = "\n\n".join(f"[^{n}-{k}]: {t}" for n in range(3) for k, t in notes)
    out = work / "thirty-pages.docx"
    mf.pandoc(head + "".join(copies) + end_sep + tail + "\n\n" + defs + "\n", out, work)
    return out


def pages_of(docx: Path, work: Path) -> int | None:
    import shutil
    import subprocess

    if shutil.which("soffice") is None or shutil.which("pdfinfo") is None:
        return None
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(work / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work), str(docx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = docx.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    m = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    return int(m[1]) if m else None


def timed(fn: Callable[[], object], runs: int = 5) -> float:
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    rows: dict[str, dict[str, Score]] = {}
    for lib, reader in READERS.items():
        scores: dict[str, Score] = {}
        for name in NAMES:
            path = FIXTURES / f"{name}.docx"
            source = read_source(path)
            reading = reader(path)
            for key in (
                "paragraphs", "footnote texts", "footnote anchors", "table cells", "merged cells as spans",
                "images byte-identical", "heading levels", "list items", "tracked: insertions kept",
                "tracked: deletions dropped", "comments kept out of text",
            ):  # fmt: skip
                scores.setdefault(key, Score())
            score(name, reading, source, scores)
        rows[lib] = scores
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        big = thirty_pages(work)
        pages = pages_of(big, work)
        times = {lib: timed(lambda reader=reader: reader(big)) for lib, reader in READERS.items()}
    libs = list(READERS)
    print("| kept (of what the files hold) | " + " | ".join(libs) + " |")
    print("| --- |" + " --- |" * len(libs))
    for key in rows[libs[0]]:
        print(f"| {key} | " + " | ".join(str(rows[lib][key]) for lib in libs) + " |")
    where = f"{pages}-page" if pages else "30-page"
    cells = " | ".join(f"{times[lib]:.0f} ms" for lib in libs)
    print(f"| time to read a {where} briefing (median of 5) | {cells} |")


if __name__ == "__main__":
    main()
