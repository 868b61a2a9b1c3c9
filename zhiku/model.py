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
    """A pipe table; cells are inline Markdown."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source: SourceRef
    caption: str | None = None


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


Block = Paragraph | ListBlock | Quote | Table | Figure | HtmlBlock


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

    def walk_blocks(self) -> Iterator[Block]:
        """Every block in reading order, sections included."""
        yield from self.blocks
        for section in self.sections:
            yield from _walk_section(section)

    def walk_sections(self) -> Iterator[Section]:
        """Every section in reading order, depth first."""
        for section in self.sections:
            yield section
            yield from _walk_subsections(section)


def _walk_section(section: Section) -> Iterator[Block]:
    yield from section.blocks
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
    number: str | None = None
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
    # checks: public — the number-check page (checks.html) is published; else only draft builds have it.
    checks_public: bool = False
    smtp: MailServer | None = None  # the newsletter's SMTP server (zhiku mail)
    unsubscribe: str | None = None  # List-Unsubscribe: a mailto: or https: address
