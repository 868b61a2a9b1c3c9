"""The publication model: what every later stage reads.

Plain frozen dataclasses, no behaviour beyond small derived properties. Every block keeps
the file and line it came from so checks and errors can point at ``文件:行``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


@dataclass(frozen=True)
class SourceRef:
    """Where a piece of text came from: a file and a 1-based line number."""

    file: Path
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph. ``text`` is inline Markdown exactly as written, lines joined.

    Soft line breaks are kept as ``\\n`` so renderers can drop them between CJK
    characters (a space there would be wrong) and keep them as spaces between Latin words.
    """

    text: str
    source: SourceRef


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list; each item is inline Markdown."""

    items: tuple[str, ...]
    ordered: bool
    source: SourceRef
    start: int = 1


@dataclass(frozen=True)
class Quote:
    """A block quote; its content is a sequence of paragraphs."""

    paragraphs: tuple[Paragraph, ...]
    source: SourceRef


@dataclass(frozen=True)
class Table:
    """A pipe table; cells are inline Markdown.

    ``caption`` is the title of a ``表1 标题`` paragraph written just before the table, without
    its number: ``number`` is the table's place among the article's captioned tables (表1, 表2 …,
    0 for a table without a caption). ``label`` is the key of ``{#tbl:key}`` at the caption's end,
    ``source_note`` the ``来源：…`` paragraph just after the table, ``align`` each column's
    alignment as written in the rule line (``left``, ``right``, ``center`` or ``""``).
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source: SourceRef
    caption: str | None = None
    number: int = 0
    label: str | None = None
    source_note: str | None = None
    align: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A ```figure fenced block: a chart drawn from stored data.

    ``series`` is empty while the figure waits for data (an imported caption whose picture
    was lost). ``options`` keeps every other key of the block (kind, from, to, unit, …)
    as strings, in the order written, for ``zhiku.figures`` to interpret.
    """

    title: str
    series: tuple[str, ...]
    source_note: str | None
    options: tuple[tuple[str, str], ...]
    source: SourceRef
    number: int = 0  # 图N: its place among the article's figures and pictures (0: not numbered yet)
    label: str | None = None  # the key of a ``label: fig:key`` line, for @fig:key

    def option(self, key: str, default: str | None = None) -> str | None:
        for k, v in self.options:
            if k == key:
                return v
        return default


@dataclass(frozen=True)
class HtmlBlock:
    """Raw HTML written in the Markdown source. Renderers must sanitise it (nh3)."""

    html: str
    source: SourceRef


@dataclass(frozen=True)
class Image:
    """A picture file shown as a figure: ``![alt](file.png){width=60%}`` alone in its paragraph.

    ``path`` is the file on disk (checked to exist when read); ``src`` the path as written.
    ``caption`` is the title of a ``图1 标题`` paragraph written just after it, without the
    number; ``number`` its place among the article's figures (图N, shared with ```figure
    blocks; 0 without a caption), ``label`` the key of ``{#fig:key}`` at the caption's end.
    """

    src: str
    path: Path
    alt: str
    source: SourceRef
    width: str | None = None
    caption: str | None = None
    number: int = 0
    label: str | None = None


@dataclass(frozen=True)
class DefinitionList:
    """Terms and their definitions (``术语`` then ``: 定义`` lines); all inline Markdown."""

    items: tuple[tuple[str, tuple[str, ...]], ...]
    source: SourceRef


@dataclass(frozen=True)
class Callout:
    """A boxed note: ``::: 要点`` … ``:::``. ``kind`` is one of CALLOUT_KINDS' values."""

    kind: str
    title: str | None
    blocks: tuple[Block, ...]
    source: SourceRef


# The callout names a writer may use (Chinese and English) → the kind the renderers style, and
# the heading each kind shows when the writer gives none.
CALLOUT_KINDS = {
    "要点": "key",
    "提要": "key",
    "key": "key",
    "提示": "tip",
    "tip": "tip",
    "note": "note",
    "说明": "note",
    "注": "note",
    "注意": "warning",
    "warning": "warning",
}
CALLOUT_TITLES = {"key": "要点", "tip": "提示", "note": "说明", "warning": "注意"}


Block = Paragraph | ListBlock | Quote | Table | Figure | HtmlBlock | Image | DefinitionList | Callout


@dataclass(frozen=True)
class Footnote:
    """A note ``[^label]: text``; ``number`` is its place in the order notes are first cited."""

    label: str
    number: int
    paragraphs: tuple[str, ...]  # inline Markdown
    source: SourceRef


@dataclass(frozen=True)
class Citation:
    """One ``[@key]`` in the text: the key, where it is (for a clear error on an unknown key)."""

    key: str
    source: SourceRef


@dataclass(frozen=True)
class Reference:
    """One entry of the publication's bibliography (``references.yaml`` or ``.bib``).

    ``csl`` is the entry as CSL-JSON text (the one format every CSL processor reads).
    """

    key: str
    csl: str
    source: SourceRef


@dataclass(frozen=True)
class Section:
    """A heading and what follows it up to the next heading of the same or higher level.

    ``level`` is 1 for an article's top-level sections (``##`` in Markdown, 一、 in the
    legacy text) and 2 for sub-sections (``###``, 1、).
    """

    title: str
    level: int
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    source: SourceRef


@dataclass(frozen=True)
class Article:
    """One article of an issue (one Markdown file)."""

    title: str
    slug: str
    source: SourceRef
    blocks: tuple[Block, ...] = ()  # the lead: blocks before the first section
    sections: tuple[Section, ...] = ()
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str | None = None
    footnotes: tuple[Footnote, ...] = ()  # in number order
    citations: tuple[Citation, ...] = ()  # every [@key], in reading order

    def walk_blocks(self) -> Iterator[Block]:
        """Every block in reading order, sections included; a callout's blocks after it."""
        for block in self.blocks:
            yield from _walk_block(block)
        for section in self.sections:
            yield from _walk_section(section)

    def walk_sections(self) -> Iterator[Section]:
        """Every section in reading order, depth first."""
        for section in self.sections:
            yield section
            yield from _walk_subsections(section)


def _walk_block(block: Block) -> Iterator[Block]:
    yield block
    if isinstance(block, Callout):
        for inner in block.blocks:
            yield from _walk_block(inner)


def _walk_section(section: Section) -> Iterator[Block]:
    for block in section.blocks:
        yield from _walk_block(block)
    for sub in section.sections:
        yield from _walk_section(sub)


def _walk_subsections(section: Section) -> Iterator[Section]:
    for sub in section.sections:
        yield sub
        yield from _walk_subsections(sub)


@dataclass(frozen=True)
class Issue:
    """One issue (期) of the publication: a date and its articles in order."""

    date: dt.date
    articles: tuple[Article, ...]
    source: SourceRef
    number: str | None = None  # as printed: 第46期 (sources write a bare 46 or 第 46 期 so)
    title: str | None = None

    @property
    def weekday_zh(self) -> str:
        return WEEKDAYS_ZH[self.date.weekday()]

    @property
    def date_zh(self) -> str:
        """The date as printed on the masthead: 2021年11月22日 星期一."""
        d = self.date
        return f"{d.year}年{d.month}月{d.day}日 {self.weekday_zh}"


@dataclass(frozen=True)
class MailServer:
    """The SMTP server the newsletter goes out through (``smtp:`` in zhiku.yml). The password is
    never in the file: it is read from the environment variable ``password_env`` when sending."""

    host: str
    port: int = 465
    security: str = "ssl"  # ssl (port 465), starttls (587) or none (a local relay)
    user: str | None = None
    password_env: str = "ZHIKU_SMTP_PASSWORD"
    sender: str | None = None  # the From: address; default the publication's e-mail


@dataclass(frozen=True)
class Publication:
    """The publication (zhiku.yml) and its issues, newest last as read from disk."""

    name: str  # 兰瑞智库
    root: Path
    name_en: str | None = None  # Runwaysys
    tagline: str | None = None  # 战略决策研究
    column: str | None = None  # 政策观察
    column_en: str | None = None  # Policy to observe
    publisher: str | None = None  # 主办：兰瑞智库经济战略研究中心
    website: str | None = None
    base_url: str | None = None  # absolute URL where the built site is served (feeds, sitemap)
    email: str | None = None
    hotline: str | None = None
    wechat: str | None = None
    disclaimer: tuple[str, ...] = ()  # 重要声明, one paragraph an item
    copyright: str | None = None
    slogan: str | None = None
    language: str = "zh-CN"
    issues: tuple[Issue, ...] = field(default_factory=tuple)
    references: tuple[Reference, ...] = ()  # references.yaml / references.bib, by key
    # checks: public — the number-check page (checks.html) is published; else only draft builds have it.
    checks_public: bool = False
    smtp: MailServer | None = None  # the newsletter's SMTP server (zhiku mail)
    unsubscribe: str | None = None  # List-Unsubscribe: a mailto: or https: address
