"""What the checker reads of an article: its passages (title, summary, headings, paragraphs, list
items, quotes, captions) and its tables, in reading order, each with its source line.

An article arrives either as a model object (``zhiku.model.Article``) or as the text of a prose
file (Markdown or plain text). Both become the same :class:`Document`, so the fact table does not
care where the words came from. Offsets later on are code points into a passage's plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from zhiku.model import Article, Callout, DefinitionList, Figure, Image, ListBlock, Paragraph, Quote, Table

PassageKind = Literal["title", "summary", "heading", "paragraph", "item", "quote", "caption", "row"]

_BLANK = re.compile(r"\n[ \t\u3000]*\n")
_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_DELIMITER = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


@dataclass(frozen=True)
class Passage:
    """One run of prose as a reader sees it (Markdown inline syntax removed)."""

    text: str
    line: int
    kind: PassageKind = "paragraph"
    original: str = ""  # the source text when invisible characters were taken out of ``text``
    kept: tuple[int, ...] = ()  # offsets in ``original`` of each character of ``text``


@dataclass(frozen=True)
class TableView:
    """A table: its header and rows as plain text, and the line of each row in the source.

    ``row_text`` is each body row written the way Markdown writes it (``| 中国 | 101900 | 55.1 |``),
    so that a finding about a cell can quote its row.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int  # the header's line
    caption: str = ""

    def row_line(self, r: int) -> int:
        return self.line + 2 + r  # header, delimiter, then the rows

    def row_text(self, r: int) -> str:
        return "| " + " | ".join(self.rows[r]) + " |"


@dataclass(frozen=True)
class Document:
    """An article's words in reading order: passages, and tables placed between them.

    ``order`` lists ("p", i) for passages[i] and ("t", j) for tables[j], in reading order.
    """

    file: Path
    passages: tuple[Passage, ...]
    tables: tuple[TableView, ...] = ()
    order: tuple[tuple[str, int], ...] = field(default=())
    slug: str | None = None


def _plain(md: str) -> str:
    from zhiku.sources import inline_to_plain

    return inline_to_plain(md).replace("\n", "")


def from_article(article: Article) -> Document:
    """The passages of an article model: title, summary, then its blocks in reading order."""
    passages: list[Passage] = []
    tables: list[TableView] = []
    order: list[tuple[str, int]] = []

    def add(text: str, line: int, kind: PassageKind) -> None:
        if text.strip():
            order.append(("p", len(passages)))
            passages.append(Passage(text, line, kind))

    add(article.title, article.source.line, "title")
    if article.summary:
        add(_plain(article.summary), article.source.line, "summary")
    headings = {s.source.line: s.title for s in article.walk_sections()}
    done_headings: set[int] = set()
    for block in article.walk_blocks():
        line = block.source.line
        # A section's heading is read just before its first block.
        for hl in sorted(h for h in headings if h <= line and h not in done_headings):
            add(_plain(headings[hl]), hl, "heading")
            done_headings.add(hl)
        if isinstance(block, Paragraph):
            add(_plain(block.text), line, "paragraph")
        elif isinstance(block, ListBlock):
            for k, item in enumerate(block.items):
                add(_plain(item), line + k, "item")
        elif isinstance(block, Quote):
            for p in block.paragraphs:
                add(_plain(p.text), p.source.line, "quote")
        elif isinstance(block, Table):
            if block.caption:
                add(_plain(block.caption), line, "caption")
            order.append(("t", len(tables)))
            tables.append(
                TableView(
                    tuple(_plain(c) for c in block.header),
                    tuple(tuple(_plain(c) for c in row) for row in block.rows),
                    line,
                    _plain(block.caption or ""),
                )
            )
        elif isinstance(block, Figure):
            add(_plain(block.title), line, "caption")
        elif isinstance(block, Image):
            if block.caption:
                add(_plain(block.caption), line, "caption")
        elif isinstance(block, DefinitionList):
            for term, definitions in block.items:
                for d in definitions:
                    add(_plain(f"{term}：{d}"), line, "item")
        elif isinstance(block, Callout) and block.title:
            add(_plain(block.title), line, "heading")  # its blocks follow in walk_blocks
    for hl in sorted(h for h in headings if h not in done_headings):
        add(_plain(headings[hl]), hl, "heading")
    for note in article.footnotes:  # a source note can state figures too
        for k, para in enumerate(note.paragraphs):
            add(_plain(para), note.source.line + k, "paragraph")
    return Document(article.source.file, tuple(passages), tuple(tables), tuple(order), article.slug)


def _cells(line: str) -> tuple[str, ...]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return tuple(c.strip() for c in re.split(r"(?<!\\)\|", inner))


def from_text(text: str, file: Path, first_line: int = 1) -> Document:
    """The passages of a prose file: blank-line paragraphs, Markdown headings and pipe tables.

    Lines inside a paragraph are joined (a hard-wrapped paragraph is one passage); a heading line
    and each table are their own blocks. Markdown inline syntax (``**一是**``) is removed.
    """
    passages: list[Passage] = []
    tables: list[TableView] = []
    order: list[tuple[str, int]] = []
    lines = text.split("\n")
    width = max((len(x.strip()) for x in lines[:400]), default=0)  # of the text's longest lines
    para: list[str] = []
    para_line = first_line
    markdown = (
        any(_TABLE_LINE.match(x) for x in lines) or any(_HEADING.match(x) for x in lines) or ("**" in text)
    )

    def flush() -> None:
        nonlocal para
        joined = "".join(x.strip() for x in para) if para else ""
        if joined.strip():
            order.append(("p", len(passages)))
            passages.append(Passage(_plain(joined) if markdown else joined, para_line, "paragraph"))
        para = []

    i = 0
    while i < len(lines):
        raw = lines[i]
        n = first_line + i
        if not raw.strip():
            flush()
            i += 1
            continue
        if _TABLE_LINE.match(raw) and i + 1 < len(lines) and _DELIMITER.match(lines[i + 1]):
            flush()
            header = _cells(raw)
            rows: list[tuple[str, ...]] = []
            j = i + 2
            while j < len(lines) and _TABLE_LINE.match(lines[j]):
                rows.append(_cells(lines[j]))
                j += 1
            order.append(("t", len(tables)))
            tables.append(
                TableView(
                    tuple(_plain(c) for c in header), tuple(tuple(_plain(c) for c in r) for r in rows), n
                )
            )
            i = j
            continue
        if markdown and _HEADING.match(raw):
            flush()
            order.append(("p", len(passages)))
            passages.append(Passage(_plain(_HEADING.sub("", raw).strip()), n, "heading"))
            i += 1
            continue
        if para and not _wrapped(para[-1], raw, width):
            flush()
        if not para:
            para_line = n
        para.append(raw)
        i += 1
    flush()
    return Document(file, tuple(passages), tuple(tables), tuple(order))


_LINE_END = re.compile(r"(?:[。！？!?；;：:…”’」』）)]|(?<![0-9])\.)\s*$")


def _wrapped(line: str, nxt: str, width: int) -> bool:
    """Does ``line`` run on into ``nxt`` (a hard-wrapped paragraph), or is each its own paragraph?

    Chinese prose copied from web pages and archives puts one paragraph on a line, with no blank
    line between; headings (四、消费市场) stand on their own line without end punctuation. A wrapped
    line is cut mid-sentence near the text's full width: it ends without a sentence's end mark and
    is about as long as the text's longest lines (``width``, of its first 400)."""
    body = line.strip()
    if not body or _LINE_END.search(body) or not nxt.strip():
        return False
    return len(body) >= max(20, int(0.8 * width))
