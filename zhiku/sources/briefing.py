"""The layout of a briefing issue, shared by the readers of its legacy text and of its Word file.

A reader turns its file into :class:`TextBlock` s — a run of lines of inline Markdown, or a block
it has already read (a table, a list), with what the file itself says about it (a heading
style, a table-of-contents style, a picture) — and :func:`assemble_issue` finds the issue in
them: the masthead (name, date, column, contacts), the issue's table of contents, each article,
its headings and captions, and the end matter (重要声明, copyright, slogan, contacts).

Everything is decided by rules on the text and the file's own structure, never by a list of
known strings:

* an article starts at a line ``【标题】`` standing alone; in a Word file without such lines, at
  each heading in the file's top heading style (a numbered heading such as 一、 is a section,
  never an article), and failing that the bold line after the masthead titles the one article;
* where an article's paragraphs carry Word heading styles, they decide its sections (the
  highest level used is a section, the next a sub-section). Otherwise a section heading is a
  one-line block ``一、…`` whose numeral is the next expected one (一 then 二 …) and that is
  short and has no 。; a sub-section is ``1、…`` (or ``（一）…``) likewise, numbered afresh in
  each section. Numbering is kept as written;
* a figure caption is a one-line block ``图1 …``; after a picture it is that picture's caption
  (kept as a paragraph, the agreed syntax), elsewhere its picture was lost (a Word chart, or the
  text export) and it becomes a figure waiting for data;
* only in the text export: a page break split a paragraph when a paragraph does not end in
  sentence-final punctuation (。！？…；： or a closing quote or bracket ”」』）》) and the next
  block is a paragraph too: the two are joined back. A closing quote counts as final because
  Chinese text ends quoted speech with ”。 or ” alone (``…“留出选择的余地”``); a break right after a
  closing quote inside a sentence would therefore be missed and is reported nowhere, which is
  the price of never gluing two real paragraphs together. A Word paragraph is never split.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from zhiku.errors import ZhikuError
from zhiku.model import (
    WEEKDAYS_ZH,
    Article,
    Block,
    Figure,
    Issue,
    ListBlock,
    Paragraph,
    Publication,
    SourceRef,
)
from zhiku.sources.publication import weekday_index
from zhiku.sources.sections import SectionBuilder
from zhiku.sources.slug import slugify
from zhiku.sources.writer import escape_paragraph
from zhiku.sources.yamlload import check_email, check_url

SENTENCE_FINAL = "。！？!?….；;：:”’」』）)》】"
MAX_HEADING = 40

_ARTICLE_RE = re.compile(r"^【(?P<title>[^】\t]+)】$")
_TOC_HEADING_RE = re.compile(r"^目\s*录$")
_BODY_MARK_RE = re.compile(r"^正\s*文$")
_TOP_RE = re.compile(r"^\[(?:Top|TOP|top|返回顶部)\]\(#[^)]*\)$")
_SECTION_RE = re.compile(r"^(?P<num>[一二三四五六七八九十百]+)、\s*(?P<title>.+)$")
_SUBSECTION_RE = re.compile(r"^(?P<num>\d{1,2})[、.．]\s*(?P<title>\S.*)$")
# （一）… is the second level of GB/T 9704's numbering (一、 →（一）→ 1. →（1）).
_PAREN_SUBSECTION_RE = re.compile(r"^[（(](?P<num>[一二三四五六七八九十]+)[）)]\s*(?P<title>\S.*)$")
_NUMBERED_HEADING_RE = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．])"
)
_CAPTION_RE = re.compile(r"^图\s*(?P<num>\d+)[\s:：.、]*(?P<title>\S.*)$")
_IMAGE_RE = re.compile(r"^!\[[^\]]*\]\([^)\s]+\)(?:\{[^}]*\})?$")
_DATE_RE = re.compile(
    r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?P<wd>(?:星期|周|礼拜)[一二三四五六日天])?$"
)
_NUMBER_RE = re.compile(r"^(?:总\s*)?第\s*\d+\s*期$")
_CONTACT_RE = re.compile(
    r"^(?P<key>主办|主办单位|网址|网站|全国客服热线|客服热线|热线|电话|e-?mail|邮箱|电子邮箱)\s*[:：]\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_WECHAT_RE = re.compile(r"[(（]\s*(?P<id>[A-Za-z][A-Za-z0-9_-]{4,})\s*[)）]")
_DISCLAIMER_RE = re.compile(r"^(重要声明|免责声明|声明)\s*[:：]?$")
_SLOGAN_RE = re.compile(r"^\*\*(?P<text>.+)\*\*$", re.DOTALL)
_LATIN_RE = re.compile(r"^[A-Za-z][A-Za-z .,'&-]*$")
_CJK_RE = re.compile(r"^[\u4e00-\u9fff]+$")
_NOTE_REF_RE = re.compile(r"\[\^[^\]\s]+\]")
_STRONG_LINE_RE = re.compile(r"^\*\*(?P<inner>[^*](?:.*[^*])?)\*\*$")

_CONTACT_FIELDS = {
    "主办": "publisher",
    "主办单位": "publisher",
    "网址": "website",
    "网站": "website",
    "全国客服热线": "hotline",
    "客服热线": "hotline",
    "热线": "hotline",
    "电话": "hotline",
    "email": "email",
    "e-mail": "email",
    "邮箱": "email",
    "电子邮箱": "email",
}


@dataclass(frozen=True)
class TextBlock:
    """A paragraph of the issue: lines of inline Markdown, or a block a reader already built.

    ``line`` is where it starts: the first line's number in a text file, the paragraph's
    number in a Word file. ``level`` is the file's own heading level when it gives one (0 for
    a title style, N for Word's ``Heading N``); ``block`` a table or list read as such (its
    ``lines`` then are its cells or items, for the masthead and end-matter rules); ``toc`` a
    paragraph the file styles as a table-of-contents entry; ``caption`` one it styles as a
    caption (Word's 题注).
    """

    lines: tuple[str, ...]
    line: int
    level: int | None = None
    block: Block | None = None
    toc: bool = False
    caption: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def single(self) -> str | None:
        return self.lines[0] if len(self.lines) == 1 and self.block is None else None

    @property
    def bare(self) -> str | None:
        """The one line without bold around all of it: ``**一、前言**`` → ``一、前言``.

        Editors who do not use heading styles make headings bold; the rules read the words.
        """
        one = self.single
        if one is None:
            return None
        m = _STRONG_LINE_RE.match(one)
        return m["inner"].strip() if m and "**" not in m["inner"] else one

    @property
    def is_image(self) -> bool:
        """A paragraph holding one picture and nothing else."""
        return self.single is not None and _IMAGE_RE.match(self.single) is not None


@dataclass(frozen=True)
class Join:
    """Two blocks that a page break had split, joined back into one paragraph."""

    first_line: int
    second_line: int
    before: str  # the end of the first part
    after: str  # the start of the second part

    @property
    def joined_at(self) -> str:
        return f"{self.before}/{self.after}"


@dataclass(frozen=True)
class LegacyIssue:
    """What the layout rules found: the publication (with this one issue) and what they did.

    ``dropped_lines`` are where the TOC, 目录, 正文 and Top blocks were (zhiku generates them
    again): lines of a text file, paragraph numbers of a Word file. ``article_lines`` is where
    each article's first block is, in order, for readers that keep more per article.
    """

    publication: Publication
    printed_weekday: str | None
    joins: tuple[Join, ...]
    dropped_lines: tuple[int, ...]
    warnings: tuple[str, ...]
    article_spans: tuple[tuple[int, int], ...] = ()  # each article's first and last block line

    @property
    def issue(self) -> Issue:
        return self.publication.issues[0]


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends in sentence-final punctuation (Markdown emphasis markers ignored)."""
    stripped = text.rstrip().rstrip("*_").rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_FINAL


def _numeral(chinese: str) -> int | None:
    # cn2an loads in ~0.15 s; only the importers need it, so every other command skips that.
    import cn2an

    try:
        value = cn2an.cn2an(chinese, "strict")
    except (ValueError, KeyError):
        return None
    return int(value)


def _is_heading_text(title: str) -> bool:
    return len(title) <= MAX_HEADING and "。" not in title


def _is_numbered_heading(text: str) -> bool:
    return _NUMBERED_HEADING_RE.match(text) is not None


@dataclass
class _Reader:
    file: Path
    text_export: bool
    warnings: list[str] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)

    def warn(self, zh: str, en: str, line: int) -> None:
        self.warnings.append(ZhikuError(zh, en, self.file, line).message)

    def drop(self, block: TextBlock) -> None:
        self.dropped.extend(range(block.line, block.line + max(1, len(block.lines))))

    # -- articles -----------------------------------------------------------------------

    def _lift_notes(self, text: str, line: int, carried: list[str]) -> str:
        """A title or heading without its footnote references, which move to the start of the
        next paragraph: a heading holds no notes (docs/format.md), the note's text is kept."""
        refs = _NOTE_REF_RE.findall(text)
        if not refs:
            return text
        carried.extend(refs)
        self.warn(
            "标题上的脚注标记移到了其后第一段的开头",
            "a footnote mark on a title or heading was moved to the start of the paragraph after it",
            line,
        )
        return _NOTE_REF_RE.sub("", text).strip()

    def article(self, title: str, title_line: int, body: list[TextBlock]) -> Article:
        """One article from the blocks after its title."""
        carried: list[str] = []
        title = self._lift_notes(title, title_line, carried)
        items = self._skip_markers(body)
        if self.text_export:
            items = self._join_page_breaks(items)
        levels = sorted({b.level for b in items if b.level is not None})
        heading_of = self._styled_heading if levels else self._numbered_heading
        lead: list[Block] = []
        sections: list[SectionBuilder] = []
        counters = _Counters()
        next_figure = 1
        figures = 0  # 图N as published: the figure's place in the article, whatever was printed
        after_image = False
        for block in items:
            ref = SourceRef(self.file, block.line)
            was_after_image, after_image = after_image, block.is_image
            if block.block is not None:
                self._target(lead, sections).append(block.block)
                continue
            heading = heading_of(block, levels, sections, counters)
            if heading is not None:
                text, depth = heading
                text = self._lift_notes(text, block.line, carried)
                if depth == 1:
                    sections.append(SectionBuilder(text, 1, ref))
                else:
                    sections[-1].sections.append(SectionBuilder(text, 2, ref))
                continue
            bare = block.bare
            m = _CAPTION_RE.match(bare) if bare is not None else None
            if m and bare is not None and _is_heading_text(bare) and not ends_sentence(bare):
                if int(m["num"]) != next_figure:
                    self.warn(
                        f"图号应为 {next_figure}，这里是 {m['num']}（zhiku 会自动重新编号）",
                        f"expected figure {next_figure}, found {m['num']} (zhiku renumbers figures)",
                        block.line,
                    )
                next_figure = int(m["num"]) + 1
                figures += 1  # pictures and figures share one count, as the Markdown reader numbers them
                if was_after_image:
                    # The picture's own caption, kept as written right after it (docs/format.md).
                    self._target(lead, sections).append(Paragraph(escape_paragraph(block.text), ref))
                else:
                    figure = Figure(m["title"].strip(), (), None, (), ref, number=figures)
                    self._target(lead, sections).append(figure)
                continue
            listed = _list_block(block, ref) if self.text_export else None
            if listed is not None:
                self._target(lead, sections).append(listed)
                continue
            if self.text_export and not ends_sentence(block.text):
                self.warn(
                    "段落没有以句末标点结束，后面也没有可接续的段落，已原样保留",
                    "paragraph does not end a sentence and no paragraph follows to continue it; kept as is",
                    block.line + len(block.lines) - 1,
                )
            # Paragraph.text is inline Markdown: a prose line that looks like block syntax
            # (# …, 1. …, <div …) is escaped so it stays prose when written and read again.
            text = _plain_text(block.text) if self.text_export else escape_paragraph(block.text)
            if carried and not block.is_image:
                text, carried = "".join(carried) + text, []
            self._target(lead, sections).append(Paragraph(text, ref))
        if carried:  # a heading with a note and no paragraph after it: the marks stand alone
            self._target(lead, sections).append(Paragraph("".join(carried), SourceRef(self.file, title_line)))
        return Article(
            title=title,
            slug=slugify(title),
            source=SourceRef(self.file, title_line),
            blocks=tuple(lead),
            sections=tuple(s.freeze() for s in sections),
        )

    def _numbered_heading(
        self, block: TextBlock, levels: list[int], sections: list[SectionBuilder], counters: _Counters
    ) -> tuple[str, int] | None:
        """The text rules: 一、 in sequence is a section; 1、 or （一） in sequence a sub-section."""
        bare = block.bare
        if bare is None or not _is_heading_text(bare):
            return None
        m = _SECTION_RE.match(bare)
        if m and _numeral(m["num"]) == counters.section:
            counters.section += 1
            counters.sub = counters.paren = 1
            return bare, 1
        if not sections:
            return None
        m = _SUBSECTION_RE.match(bare)
        if m and int(m["num"]) == counters.sub:
            counters.sub += 1
            return bare, 2
        m = _PAREN_SUBSECTION_RE.match(bare)
        if m and _numeral(m["num"]) == counters.paren:
            counters.paren += 1
            return bare, 2
        return None

    def _styled_heading(
        self, block: TextBlock, levels: list[int], sections: list[SectionBuilder], counters: _Counters
    ) -> tuple[str, int] | None:
        """The file's heading styles: its highest level in the article is a section, the next a
        sub-section; a deeper one stays a paragraph, in bold, with a warning."""
        if block.level is None or block.bare is None:
            return None
        title = block.bare.strip()
        if not title:
            return None
        depth = levels.index(block.level) + 1
        if depth == 2 and not sections:
            self.warn(
                "小节标题之前没有章节标题，作为章节导入",
                "a sub-section heading with no section before it; imported as a section",
                block.line,
            )
            depth = 1
        if depth > 2:
            self.warn(
                "标题层级过深（zhiku 只有章节和小节两级），作为加粗段落导入",
                "heading too deep (zhiku has sections and sub-sections only); imported as a bold paragraph",
                block.line,
            )
            return None
        return title, depth

    @staticmethod
    def _target(lead: list[Block], sections: list[SectionBuilder]) -> list[Block]:
        if not sections:
            return lead
        last = sections[-1]
        return last.sections[-1].blocks if last.sections else last.blocks

    def _skip_markers(self, body: list[TextBlock]) -> list[TextBlock]:
        """Drop the per-article 目录 list, the 正文 marker and the Top link."""
        kept: list[TextBlock] = []
        i = 0
        while i < len(body):
            block = body[i]
            bare = block.bare
            if block.toc:
                self.drop(block)
            elif bare is not None and _TOC_HEADING_RE.match(bare):
                self.drop(block)
                # the list that follows: every line a "- " item, or a list the reader built
                following = body[i + 1] if i + 1 < len(body) else None
                if following is not None and (
                    isinstance(following.block, ListBlock)
                    or (
                        following.block is None
                        and following.lines
                        and all(line.startswith(("- ", "* ", "+ ")) for line in following.lines)
                    )
                ):
                    self.drop(following)
                    i += 1
            elif bare is not None and (_BODY_MARK_RE.match(bare) or _TOP_RE.match(bare)):
                self.drop(block)
            else:
                kept.append(block)
            i += 1
        return kept

    def _is_plain(self, block: TextBlock) -> bool:
        """A block that is body text, not a heading, sub-heading or caption."""
        if block.block is not None or _list_block(block, None) is not None:
            return False
        one = block.single
        if one is None:
            return True
        if _SECTION_RE.match(one) and _is_heading_text(one):
            return False
        return not ((_SUBSECTION_RE.match(one) or _CAPTION_RE.match(one)) and _is_heading_text(one))

    def _join_page_breaks(self, blocks: list[TextBlock]) -> list[TextBlock]:
        """Join each paragraph that stops mid-sentence with the paragraph that continues it."""
        out: list[TextBlock] = []
        for block in blocks:
            prev = out[-1] if out else None
            if (
                prev is not None
                and self._is_plain(prev)
                and self._is_plain(block)
                and not ends_sentence(prev.text)
            ):
                last, first = prev.lines[-1], block.lines[0]
                glue = " " if _latin_word_char(last[-1:]) and _latin_word_char(first[:1]) else ""
                lines = (*prev.lines[:-1], last + glue + first, *block.lines[1:])
                self.joins.append(Join(prev.line + len(prev.lines) - 1, block.line, last[-12:], first[:12]))
                out[-1] = TextBlock(lines, prev.line)
                continue
            out.append(block)
        return out


@dataclass
class _Counters:
    """The next expected number of each kind of heading in the current article."""

    section: int = 1
    sub: int = 1
    paren: int = 1


# In a text export, [^1], [@key] and @fig:key are words the author typed, not the notes,
# citations and cross-references they are in the Markdown dialect (docs/format.md).
_DIALECT_MARK_RE = re.compile(r"(?<!\\)\[(?=[@^])|(?<![A-Za-z0-9_.\-+\\])@(?=(?:fig|tbl):[A-Za-z0-9_])")


def _plain_text(text: str) -> str:
    """A text export's line as inline Markdown that reads back as the same words."""
    return _DIALECT_MARK_RE.sub(lambda m: "\\" + m[0], escape_paragraph(text))


_BULLET_RE = re.compile(r"^[-*+•·]\s+(?P<item>\S.*)$")
_NUMBERED_RE = re.compile(r"^(?P<num>\d{1,9})[.)]\s+(?P<item>\S.*)$")


def _list_block(block: TextBlock, ref: SourceRef | None) -> ListBlock | None:
    """A block of two or more lines, each a ``- `` (or ``1. ``) item, is a list, not prose.

    A single such line stays prose: ``2021. 年…`` is likelier a sentence than a one-item list.
    """
    if len(block.lines) < 2 or block.block is not None:
        return None
    bullets = [_BULLET_RE.match(line) for line in block.lines]
    if all(bullets):
        items = tuple(_plain_text(m["item"]) for m in bullets if m)
        return ListBlock(items, False, ref or SourceRef(Path(), block.line))
    numbers = [_NUMBERED_RE.match(line) for line in block.lines]
    if all(numbers):
        items = tuple(_plain_text(m["item"]) for m in numbers if m)
        first = numbers[0]
        start = int(first["num"]) if first else 1
        return ListBlock(items, True, ref or SourceRef(Path(), block.line), start)
    return None


def _latin_word_char(ch: str) -> bool:
    """Latin words split by a page break were separated by a space; CJK text by nothing."""
    return ch.isascii() and ch.isalnum()


def _first_index(blocks: list[TextBlock], start: int, predicate: Callable[[TextBlock], object]) -> int:
    """Index of the first block from ``start`` on that satisfies ``predicate``, else ``len``."""
    for i in range(start, len(blocks)):
        if predicate(blocks[i]):
            return i
    return len(blocks)


def _is_top_link(block: TextBlock) -> bool:
    return block.single is not None and _TOP_RE.match(block.single) is not None


def _bracket_title(block: TextBlock) -> str | None:
    """``【标题】`` standing alone (bold or not): the legacy form's article start."""
    bare = block.bare
    m = _ARTICLE_RE.match(bare) if bare is not None else None
    return m["title"].strip() if m else None


def _is_disclaimer_heading(block: TextBlock) -> bool:
    return block.bare is not None and _DISCLAIMER_RE.match(block.bare) is not None


def _is_toc_heading(block: TextBlock) -> bool:
    return block.bare is not None and _TOC_HEADING_RE.match(block.bare) is not None


def _article_title_rule(blocks: list[TextBlock], file: Path) -> Callable[[TextBlock], str | None]:
    """How this issue marks its articles: ``【标题】`` lines, else its top heading style, else
    the bold line that follows the masthead's date (one article)."""
    if any(_bracket_title(b) for b in blocks):
        return _bracket_title
    article_levels = [
        b.level
        for b in blocks
        if b.level is not None and b.bare and not b.toc and not _is_numbered_heading(b.bare)
    ]
    if article_levels:
        top = min(article_levels)

        def styled(block: TextBlock) -> str | None:
            if block.level == top and block.bare and not _is_numbered_heading(block.bare):
                return block.bare.strip()
            return None

        return styled
    date_at = _first_index(blocks, 0, lambda b: b.single is not None and _DATE_RE.match(b.single))
    for i in range(date_at + 1, len(blocks)):
        block = blocks[i]
        bare = block.bare
        if (
            block.single is not None
            and bare != block.single
            and bare
            and _is_heading_text(bare)
            and not _is_numbered_heading(bare)
            and not _is_toc_heading(block)
        ):
            return _only(block)
    return lambda block: None


def _unique_slugs(articles: list[Article]) -> list[Article]:
    """Titles that share their first words share a slug (it keeps eight): number the later ones
    (``…-2``), since two articles of an issue may not have one address."""
    seen: dict[str, int] = {}
    out: list[Article] = []
    for article in articles:
        n = seen.get(article.slug, 0) + 1
        seen[article.slug] = n
        out.append(article if n == 1 else replace(article, slug=f"{article.slug}-{n}"))
    return out


def require_name(publication: Publication, file: Path) -> None:
    """A new publication needs the name its masthead gives (an issue added to a publication
    that has its zhiku.yml does not)."""
    if not publication.name:
        raise ZhikuError("报头中没有找到出版物名称", "the masthead gives no publication name", file, 1)


def _only(chosen: TextBlock) -> Callable[[TextBlock], str | None]:
    def title(candidate: TextBlock) -> str | None:
        return candidate.bare if candidate is chosen else None

    return title


def assemble_issue(blocks: list[TextBlock], file: Path, *, text_export: bool) -> LegacyIssue:
    """Find the issue in a file's blocks; ``file`` is what SourceRefs and messages name.

    ``text_export`` is true for the legacy text, whose page breaks split paragraphs and whose
    lists are ``- `` lines; a Word file's paragraphs and lists are what the file says.
    """
    reader = _Reader(file, text_export)
    title_of = _article_title_rule(blocks, file)
    first_article = _first_index(blocks, 0, title_of)
    toc = _first_index(blocks, 0, _is_toc_heading)
    masthead_end = min(first_article, toc)
    if first_article == len(blocks):
        raise ZhikuError(
            "没有找到文章：每篇文章以单独一行的【标题】或 Word 的标题样式开始",
            "no article found: each article starts with a line 【title】 or a Word heading style",
            file,
            1,
        )
    fields: dict[str, str] = {}
    printed_weekday, date, date_line = _masthead(reader, blocks[:masthead_end], fields)

    # The whole-issue table of contents runs from its heading to the first article, which
    # is the first 【title】 standing alone on its line (TOC entries carry page numbers and
    # stand in one block with the others), or the first heading in the article style.
    for block in blocks[toc:first_article]:
        reader.drop(block)

    end_matter = _first_index(blocks, first_article, _is_disclaimer_heading)
    articles: list[Article] = []
    spans: list[tuple[int, int]] = []
    tail: list[TextBlock] = []
    i = first_article
    while i < end_matter:
        start = blocks[i]
        title = title_of(start)
        assert title is not None
        j = min(_first_index(blocks, i + 1, title_of), end_matter)
        body = blocks[i + 1 : j]
        if j == end_matter:
            # The last article ends at its [Top](#) link when it has one; what follows it
            # (contacts, a slogan) is end matter even without a 重要声明 heading.
            top = _first_index(body, 0, _is_top_link)
            body, tail = body[: top + 1], body[top + 1 :]
        articles.append(reader.article(title, start.line, body))
        spans.append((i, i + len(body)))
        i = j

    articles = _unique_slugs(articles)
    _end_matter(reader, [*tail, *blocks[end_matter:]], fields)
    if date is None:
        raise ZhikuError(
            "报头中没有找到日期（如 2021年11月22日 星期一）",
            "the masthead gives no date (like 2021年11月22日 星期一)",
            file,
            1,
        )
    website = fields.get("website")
    base_url = None
    if website and re.match(r"^https?://", website):
        base_url = website if website.endswith("/") else website + "/"
    issue = Issue(
        date=date, articles=tuple(articles), source=SourceRef(file, date_line), number=fields.get("number")
    )
    publication = Publication(
        name=fields.get("name", ""),  # "" when the masthead names none: see require_name
        root=file.parent,
        name_en=fields.get("name_en"),
        tagline=fields.get("tagline"),
        column=fields.get("column"),
        column_en=fields.get("column_en"),
        publisher=fields.get("publisher"),
        website=website,
        base_url=base_url,
        email=fields.get("email"),
        hotline=fields.get("hotline"),
        wechat=fields.get("wechat"),
        disclaimer=tuple(fields["disclaimer"].split("\n\n")) if "disclaimer" in fields else (),
        copyright=fields.get("copyright"),
        slogan=fields.get("slogan"),
        issues=(issue,),
    )
    return LegacyIssue(
        publication=publication,
        printed_weekday=printed_weekday,
        joins=tuple(reader.joins),
        dropped_lines=tuple(reader.dropped),
        warnings=tuple(reader.warnings),
        article_spans=tuple(spans),
    )


def _contact(reader: _Reader, line_text: str, line: int, fields: dict[str, str]) -> bool:
    m = _CONTACT_RE.match(line_text)
    if not m:
        return False
    key = _CONTACT_FIELDS[m["key"].lower()]
    value = m["value"].strip().strip("<>").strip()
    if key not in fields:
        checked = _checked_contact(reader, key, m["key"], value, line)
        if checked is not None:
            fields[key] = checked
    elif fields[key].rstrip("/") != value.rstrip("/"):
        reader.warn(
            f"与报头不一致：{m['key']} 为“{value}”，报头为“{fields[key]}”，保留报头的",
            f"differs from the masthead: {m['key']} is '{value}', "
            f"masthead has '{fields[key]}'; kept the masthead's",
            line,
        )
    return True


def _checked_contact(reader: _Reader, key: str, label: str, value: str, line: int) -> str | None:
    """A website as an http(s) address (``www.example.org`` gains ``http://``) and an e-mail
    address as one; anything else (``javascript:…``) is left out with a warning, since
    zhiku.yml would refuse it (``zhiku.sources.yamlload``)."""
    try:
        if key == "website":
            address = value if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value) else f"http://{value}"
            return check_url(address, reader.file, line, label)
        if key == "email":
            return check_email(value, reader.file, line, label)
    except ZhikuError:
        reader.warn(
            f"{label}“{value}”不是有效的地址，未导入",
            f"{label} '{value}' is not a valid address and was left out",
            line,
        )
        return None
    return value


def _masthead(
    reader: _Reader, blocks: list[TextBlock], fields: dict[str, str]
) -> tuple[str | None, dt.date | None, int]:
    """Fill ``fields`` from the masthead; return the printed weekday, the date and its line."""
    date: dt.date | None = None
    date_line = 1
    printed: str | None = None
    cjk_before: list[tuple[str, int]] = []
    latin_before: list[str] = []
    cjk_after: list[tuple[str, int]] = []
    latin_after: list[str] = []
    for block in blocks:
        if block.is_image or (block.block is not None and not block.lines):
            reader.warn(
                "报头中的图片或表格没有导入（刊物信息取自报头的文字）",
                "a picture or table in the masthead was not imported (the masthead is read from its text)",
                block.line,
            )
            continue
        if any("微信" in line for line in block.lines):
            m = _WECHAT_RE.search(block.text)
            if m:
                fields["wechat"] = m["id"]
                continue
        for offset, raw in enumerate(block.lines):
            line = block.line + offset
            line_text = _bare_line(raw)
            if _NUMBER_RE.match(line_text) and "number" not in fields:
                fields["number"] = line_text
                continue
            m = _DATE_RE.match(line_text)
            if m and date is None:
                try:
                    date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
                except ValueError as err:
                    raise ZhikuError(
                        f"日期不存在：{line_text}", f"no such date: {line_text}", reader.file, line
                    ) from err
                date_line = line
                printed = m["wd"]
                if printed is not None and weekday_index(printed) != date.weekday():
                    reader.warn(
                        f"印刷的星期“{printed}”与日期不符："
                        f"{date.isoformat()} 是{WEEKDAYS_ZH[date.weekday()]}",
                        f"the printed weekday '{printed}' does not match the date: "
                        f"{date.isoformat()} is a {date.strftime('%A')}",
                        line,
                    )
                continue
            if _contact(reader, line_text, line, fields):
                continue
            if _CJK_RE.match(line_text):
                (cjk_before if date is None else cjk_after).append((line_text, line))
            elif _LATIN_RE.match(line_text):
                (latin_before if date is None else latin_after).append(line_text)
            else:
                reader.warn("报头中未识别的一行，已忽略", "unrecognised masthead line; ignored", line)
    # The nameplate prints name and tagline as one line (兰瑞智库战略决策研究) and the name
    # again alone (兰瑞智库): the name is the line that starts another, the rest the tagline.
    names = [t for t, _ in cjk_before]
    for candidate in names:
        for other in names:
            if other != candidate and other.startswith(candidate):
                fields["name"] = candidate
                fields["tagline"] = other[len(candidate) :]
                break
        if "name" in fields:
            break
    if "name" not in fields and names:
        fields["name"] = names[-1]
    for text, line in cjk_before:
        if text not in (fields.get("name"), (fields.get("name") or "") + (fields.get("tagline") or "")):
            reader.warn("报头中未识别的一行，已忽略", "unrecognised masthead line; ignored", line)
    if latin_before:
        fields["name_en"] = latin_before[0]
    if cjk_after:
        fields["column"] = cjk_after[0][0]
    if latin_after:
        fields["column_en"] = latin_after[0]
    return printed, date, date_line


def _bare_line(line: str) -> str:
    m = _STRONG_LINE_RE.match(line)
    return m["inner"].strip() if m and "**" not in m["inner"] else line


def _end_matter(reader: _Reader, blocks: list[TextBlock], fields: dict[str, str]) -> None:
    """重要声明, the copyright paragraph, the slogan and the contacts after the last article."""
    disclaimer: list[str] = []
    for block in blocks:
        if _is_disclaimer_heading(block):
            continue
        if block.is_image or not block.lines:
            reader.warn(
                "结尾部分（重要声明、联系方式）中的图片或表格没有导入",
                "a picture or table in the end matter (disclaimer, contacts) was not imported",
                block.line,
            )
            continue
        slogan = _SLOGAN_RE.match(block.text)
        if slogan:
            # The slogan is set on two lines for layout only: one sentence, no break kept.
            fields["slogan"] = "".join(line.strip() for line in slogan["text"].split("\n"))
            continue
        if all(_CONTACT_RE.match(_bare_line(line)) for line in block.lines):
            for offset, line_text in enumerate(block.lines):
                _contact(reader, _bare_line(line_text), block.line + offset, fields)
            continue
        if "版权" in block.text and "copyright" not in fields:
            fields["copyright"] = block.text
            continue
        if block.block is not None:
            disclaimer.extend(block.lines)
            continue
        if _TOP_RE.match(block.text):
            reader.drop(block)
            continue
        disclaimer.append(block.text)
    if disclaimer:
        fields["disclaimer"] = "\n\n".join(disclaimer)
