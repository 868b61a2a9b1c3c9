"""The legacy text reader: one issue as the seed's text (a Word export) → model objects.

The legacy form is a plain text file: a masthead (name, date, column, contacts), a table of
contents with page numbers, then each article as ``【标题】``, its own 目录 list, a 正文
marker, headings ``一、…`` and ``1、…``, paragraphs separated by blank lines, and
``[Top](#)``; the end matter (重要声明, copyright, slogan, contacts) closes the file.

Everything is decided by rules on the text, never by a list of known strings:

* a *block* is a run of non-blank lines; body blocks are paragraphs (inline Markdown, lines
  kept as soft breaks);
* a section heading is a one-line block ``一、…`` whose numeral is the next expected one
  (一 then 二 …) and that is short and has no 。; a sub-heading is ``1、…`` likewise,
  numbered afresh in each section;
* a figure caption is a one-line block ``图1 …``; its picture did not survive the export,
  so it becomes a figure waiting for data;
* a page break split a paragraph when a paragraph does not end in sentence-final
  punctuation (。！？…；： or a closing quote or bracket ”」』）》) and the next block is
  a paragraph too: the two are joined back. A closing quote counts as final because Chinese
  text ends quoted speech with ”。 or ” alone (``…“留出选择的余地”``); a break right after a
  closing quote inside a sentence would therefore be missed and is reported nowhere, which is
  the price of never gluing two real paragraphs together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
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
_CAPTION_RE = re.compile(r"^图\s*(?P<num>\d+)[\s:：.、]*(?P<title>\S.*)$")
_DATE_RE = re.compile(
    r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?P<wd>(?:星期|周|礼拜)[一二三四五六日天])?$"
)
_CONTACT_RE = re.compile(
    r"^(?P<key>主办|主办单位|网址|网站|全国客服热线|客服热线|热线|电话|e-?mail|邮箱|电子邮箱)\s*[:：]\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_WECHAT_RE = re.compile(r"[(（]\s*(?P<id>[A-Za-z][A-Za-z0-9_-]{4,})\s*[)）]")
_DISCLAIMER_RE = re.compile(r"^(重要声明|免责声明|声明)\s*[:：]?$")
_SLOGAN_RE = re.compile(r"^\*\*(?P<text>.+)\*\*$", re.DOTALL)
_LATIN_RE = re.compile(r"^[A-Za-z][A-Za-z .,'&-]*$")
_CJK_RE = re.compile(r"^[\u4e00-\u9fff]+$")

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
    """A run of non-blank lines of the legacy file; ``line`` is the first one's number."""

    lines: tuple[str, ...]
    line: int

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def single(self) -> str | None:
        return self.lines[0] if len(self.lines) == 1 else None


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
    """What the legacy reader found: the publication (with this one issue) and what it did."""

    publication: Publication
    printed_weekday: str | None
    joins: tuple[Join, ...]
    dropped_lines: tuple[int, ...]  # TOC, 目录, 正文 and Top lines, generated again by zhiku
    warnings: tuple[str, ...]

    @property
    def issue(self) -> Issue:
        return self.publication.issues[0]


def split_blocks(text: str) -> list[TextBlock]:
    """Runs of non-blank lines, each with the 1-based number of its first line."""
    blocks: list[TextBlock] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        # Word exports indent with spaces or full-width spaces and leave tabs before page
        # numbers; none of it is content.
        line = raw.strip(" \t\u3000")
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(TextBlock(tuple(current), start))
            current = []
    if current:
        blocks.append(TextBlock(tuple(current), start))
    return blocks


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends in sentence-final punctuation (Markdown emphasis markers ignored)."""
    stripped = text.rstrip().rstrip("*_").rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_FINAL


def _numeral(chinese: str) -> int | None:
    # cn2an loads in ~0.15 s; only the legacy importer needs it, so every other command skips that.
    import cn2an

    try:
        value = cn2an.cn2an(chinese, "strict")
    except (ValueError, KeyError):
        return None
    return int(value)


def _is_heading_text(title: str) -> bool:
    return len(title) <= MAX_HEADING and "。" not in title


@dataclass
class _Reader:
    file: Path
    warnings: list[str] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)

    def warn(self, zh: str, en: str, line: int) -> None:
        self.warnings.append(ZhikuError(zh, en, self.file, line).message)

    def drop(self, block: TextBlock) -> None:
        self.dropped.extend(range(block.line, block.line + len(block.lines)))

    # -- articles -----------------------------------------------------------------------

    def article(self, title: str, title_line: int, body: list[TextBlock]) -> Article:
        """One article from the blocks after its ``【title】`` line."""
        items = self._skip_markers(body)
        items = self._join_page_breaks(items)
        lead: list[Block] = []
        sections: list[SectionBuilder] = []
        next_section = 1
        next_sub = 1
        next_figure = 1
        for block in items:
            ref = SourceRef(self.file, block.line)
            one = block.single
            if one is not None:
                m = _SECTION_RE.match(one)
                if m and _is_heading_text(one) and _numeral(m["num"]) == next_section:
                    sections.append(SectionBuilder(one, 1, ref))
                    next_section += 1
                    next_sub = 1
                    continue
                m = _SUBSECTION_RE.match(one)
                if m and sections and _is_heading_text(one) and int(m["num"]) == next_sub:
                    sections[-1].sections.append(SectionBuilder(one, 2, ref))
                    next_sub += 1
                    continue
                m = _CAPTION_RE.match(one)
                if m and _is_heading_text(one) and not ends_sentence(one):
                    if int(m["num"]) != next_figure:
                        self.warn(
                            f"图号应为 {next_figure}，这里是 {m['num']}（zhiku 会自动重新编号）",
                            f"expected figure {next_figure}, found {m['num']} (zhiku renumbers figures)",
                            block.line,
                        )
                    next_figure = int(m["num"]) + 1
                    figure = Figure(m["title"].strip(), (), None, (), ref)
                    self._target(lead, sections).append(figure)
                    continue
            listed = _list_block(block, ref)
            if listed is not None:
                self._target(lead, sections).append(listed)
                continue
            if not ends_sentence(block.text):
                self.warn(
                    "段落没有以句末标点结束，后面也没有可接续的段落，已原样保留",
                    "paragraph does not end a sentence and no paragraph follows to continue it; kept as is",
                    block.line + len(block.lines) - 1,
                )
            # Paragraph.text is inline Markdown: a prose line that looks like block syntax
            # (# …, 1. …, <div …) is escaped so it stays prose when written and read again.
            self._target(lead, sections).append(Paragraph(escape_paragraph(block.text), ref))
        return Article(
            title=title,
            slug=slugify(title),
            source=SourceRef(self.file, title_line),
            blocks=tuple(lead),
            sections=tuple(s.freeze() for s in sections),
        )

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
            one = block.single
            if one is not None and _TOC_HEADING_RE.match(one):
                self.drop(block)
                # the list that follows: every line a "- " item
                following = body[i + 1].lines if i + 1 < len(body) else ()
                if following and all(line.startswith(("- ", "* ", "+ ")) for line in following):
                    self.drop(body[i + 1])
                    i += 1
            elif one is not None and (_BODY_MARK_RE.match(one) or _TOP_RE.match(one)):
                self.drop(block)
            else:
                kept.append(block)
            i += 1
        return kept

    def _is_plain(self, block: TextBlock) -> bool:
        """A block that is body text, not a heading, sub-heading or caption."""
        if _list_block(block, None) is not None:
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


_BULLET_RE = re.compile(r"^[-*+•·]\s+(?P<item>\S.*)$")
_NUMBERED_RE = re.compile(r"^(?P<num>\d{1,9})[.)]\s+(?P<item>\S.*)$")


def _list_block(block: TextBlock, ref: SourceRef | None) -> ListBlock | None:
    """A block of two or more lines, each a ``- `` (or ``1. ``) item, is a list, not prose.

    A single such line stays prose: ``2021. 年…`` is likelier a sentence than a one-item list.
    """
    if len(block.lines) < 2:
        return None
    bullets = [_BULLET_RE.match(line) for line in block.lines]
    if all(bullets):
        items = tuple(escape_paragraph(m["item"]) for m in bullets if m)
        return ListBlock(items, False, ref or SourceRef(Path(), block.line))
    numbers = [_NUMBERED_RE.match(line) for line in block.lines]
    if all(numbers):
        items = tuple(escape_paragraph(m["item"]) for m in numbers if m)
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


def _is_article_start(block: TextBlock) -> bool:
    return block.single is not None and _ARTICLE_RE.match(block.single) is not None


def _is_disclaimer_heading(block: TextBlock) -> bool:
    return block.single is not None and _DISCLAIMER_RE.match(block.single) is not None


def parse_legacy(text: str, file: Path) -> LegacyIssue:
    """Parse the text of a legacy issue file; ``file`` is what SourceRefs and messages name."""
    reader = _Reader(file)
    blocks = split_blocks(text)
    first_article = _first_index(blocks, 0, _is_article_start)
    toc = _first_index(blocks, 0, lambda b: b.single is not None and _TOC_HEADING_RE.match(b.single))
    masthead_end = min(first_article, toc)
    if first_article == len(blocks):
        raise ZhikuError(
            "没有找到文章：旧格式中每篇文章以单独一行的【标题】开始",
            "no article found: in the legacy format each article starts with a line 【title】",
            file,
            1,
        )
    fields: dict[str, str] = {}
    printed_weekday, date, date_line = _masthead(reader, blocks[:masthead_end], fields)

    # The whole-issue table of contents runs from its heading to the first article, which
    # is the first 【title】 standing alone on its line (TOC entries carry page numbers and
    # stand in one block with the others).
    for block in blocks[toc:first_article]:
        reader.drop(block)

    end_matter = _first_index(blocks, first_article, _is_disclaimer_heading)
    articles: list[Article] = []
    tail: list[TextBlock] = []
    i = first_article
    while i < end_matter:
        start = blocks[i]
        m = _ARTICLE_RE.match(start.single or "")
        assert m is not None
        j = min(_first_index(blocks, i + 1, _is_article_start), end_matter)
        body = blocks[i + 1 : j]
        if j == end_matter:
            # The last article ends at its [Top](#) link when it has one; what follows it
            # (contacts, a slogan) is end matter even without a 重要声明 heading.
            top = _first_index(body, 0, _is_top_link)
            body, tail = body[: top + 1], body[top + 1 :]
        articles.append(reader.article(m["title"].strip(), start.line, body))
        i = j

    _end_matter(reader, [*tail, *blocks[end_matter:]], fields)
    if "name" not in fields:
        raise ZhikuError("报头中没有找到出版物名称", "the masthead gives no publication name", file, 1)
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
    issue = Issue(date=date, articles=tuple(articles), source=SourceRef(file, date_line))
    publication = Publication(
        name=fields["name"],
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
    zhiku.yml would refuse it."""
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
        if any("微信" in line for line in block.lines):
            m = _WECHAT_RE.search(block.text)
            if m:
                fields["wechat"] = m["id"]
                continue
        for offset, line_text in enumerate(block.lines):
            line = block.line + offset
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


def _end_matter(reader: _Reader, blocks: list[TextBlock], fields: dict[str, str]) -> None:
    """重要声明, the copyright paragraph, the slogan and the contacts after the last article."""
    disclaimer: list[str] = []
    for block in blocks:
        if _is_disclaimer_heading(block):
            continue
        slogan = _SLOGAN_RE.match(block.text)
        if slogan:
            # The slogan is set on two lines for layout only: one sentence, no break kept.
            fields["slogan"] = "".join(line.strip() for line in slogan["text"].split("\n"))
            continue
        if all(_CONTACT_RE.match(line) for line in block.lines):
            for offset, line_text in enumerate(block.lines):
                _contact(reader, line_text, block.line + offset, fields)
            continue
        if "版权" in block.text and "copyright" not in fields:
            fields["copyright"] = block.text
            continue
        if _TOP_RE.match(block.text):
            reader.drop(block)
            continue
        disclaimer.append(block.text)
    if disclaimer:
        fields["disclaimer"] = "\n\n".join(disclaimer)
