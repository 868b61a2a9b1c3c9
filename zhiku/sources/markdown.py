"""The Markdown article reader: one ``.md`` file with YAML front matter → :class:`Article`.

Parsing is markdown-it-py's (CommonMark + pipe tables + front matter); this module only
walks its block tokens and turns them into model blocks with the source line of each.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from zhiku.errors import ZhikuError
from zhiku.model import (
    Article,
    Block,
    Figure,
    HtmlBlock,
    ListBlock,
    Paragraph,
    Quote,
    SourceRef,
    Table,
)
from zhiku.sources.nesting import MAX_BLOCK_DEPTH, block_depth_error, check_html, check_inline
from zhiku.sources.sections import SectionBuilder
from zhiku.sources.slug import slugify
from zhiku.sources.text import read_text
from zhiku.sources.yamlload import as_str_list, as_text, load_mapping

FRONT_MATTER_KEYS = ("title", "slug", "authors", "tags", "summary")
FIGURE_FENCE = "figure"

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def markdown_parser() -> MarkdownIt:
    """The one Markdown dialect zhiku reads: CommonMark, pipe tables, YAML front matter.

    Indented code blocks are switched off: editors indent first lines of paragraphs, and a
    briefing has no code, so four leading spaces must not turn prose into a code block.
    """
    md = MarkdownIt("commonmark").enable("table").disable("code")
    front_matter_plugin(md)
    return md


_MD = markdown_parser()


def slug_from_filename(path: Path) -> str:
    """``01-zhong-mei.md`` → ``zhong-mei``: the file name without its order prefix.

    A name that is not already a slug (``02-一带一路.md``) is turned into one by its pinyin.
    """
    stem = re.sub(r"^\d+[-_]", "", path.stem)
    return stem if _SLUG_RE.match(stem) else slugify(stem)


def read_article(path: Path | str, file_base: Path | None = None) -> Article:
    """Read one Markdown article. ``SourceRef.file`` is ``path`` (relative to ``file_base`` if given)."""
    p = Path(path)
    return parse_article(read_text(p), ref_path(p, file_base))


def ref_path(path: Path, base: Path | None) -> Path:
    if base is None:
        return path
    try:
        return path.relative_to(base)
    except ValueError:
        return path


def parse_article(text: str, file: Path) -> Article:
    """Parse the text of an article file; ``file`` is what SourceRefs and errors name."""
    tokens = _MD.parse(text)
    _check_nesting(tokens, file)
    meta: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    start = 0
    if tokens and tokens[0].type == "front_matter":
        fm = tokens[0]
        first = (fm.map[0] if fm.map else 0) + 2  # the line after the opening ---
        meta, key_lines = load_mapping(fm.content, file, first)
        start = 1
    for key, line in key_lines.items():
        if key not in FRONT_MATTER_KEYS and "[" not in key:
            raise ZhikuError(
                f"文章开头信息中有未知的键“{key}”（可用：{'、'.join(FRONT_MATTER_KEYS)}）",
                f"unknown front-matter key '{key}' (allowed: {', '.join(FRONT_MATTER_KEYS)})",
                file,
                line,
            )
    title = meta.get("title")
    if not isinstance(title, str | int) or not str(title).strip():
        raise ZhikuError(
            "文章缺少标题：请在开头的 --- 之间写 title: 标题",
            "the article has no title: write 'title: …' in the front matter between --- lines",
            file,
            key_lines.get("title", 1),
        )
    slug = meta.get("slug")
    if slug is None:
        slug = slug_from_filename(file)
    slug = str(slug)
    if not _SLUG_RE.match(slug):
        raise ZhikuError(
            f"slug“{slug}”只能用小写英文字母、数字和连字符",
            f"slug '{slug}' may contain only lowercase ASCII letters, digits and hyphens",
            file,
            key_lines.get("slug", 1),
        )
    summary = meta.get("summary")
    lead: list[Block] = []
    top: list[SectionBuilder] = []
    current: SectionBuilder | None = None  # the innermost open section

    def target() -> list[Block]:
        return current.blocks if current is not None else lead

    i = start
    while i < len(tokens):
        tok = tokens[i]
        line = _line(tok)
        ref = SourceRef(file, line)
        if tok.type == "heading_open":
            heading = tokens[i + 1].content.strip()
            level = int(tok.tag[1:]) - 1
            if level < 1:
                raise ZhikuError(
                    "正文中不能用一级标题 #：文章标题写在开头的 title: 里，章节用 ##",
                    "no '#' heading in the body: the title goes in front matter 'title:', sections use '##'",
                    file,
                    line,
                )
            if level > 2:
                raise ZhikuError(
                    "标题层级过深：只支持 ##（章节）和 ###（小节）",
                    "heading too deep: only '##' (section) and '###' (sub-section) are supported",
                    file,
                    line,
                )
            if not heading:
                raise ZhikuError("标题是空的", "empty heading", file, line)
            section = SectionBuilder(heading, level, ref)
            if level == 1:
                top.append(section)
            else:
                if not top:
                    raise ZhikuError(
                        "标题跳级：### 小节之前必须先有 ## 章节",
                        "heading skips a level: a '###' sub-section needs a '##' section before it",
                        file,
                        line,
                    )
                top[-1].sections.append(section)
            current = section
            i += 3
            continue
        if tok.type == "paragraph_open":
            target().append(Paragraph(tokens[i + 1].content, ref))
            i += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            block, i = _list(tokens, i, file)
            target().append(block)
            continue
        if tok.type == "blockquote_open":
            block_q, i = _quote(tokens, i, file)
            target().append(block_q)
            continue
        if tok.type == "table_open":
            block_t, i = _table(tokens, i, ref)
            target().append(block_t)
            continue
        if tok.type == "fence":
            target().append(_fence(tok, file))
            i += 1
            continue
        if tok.type == "html_block":
            target().append(HtmlBlock(tok.content.rstrip("\n"), ref))
            i += 1
            continue
        if tok.type == "hr":
            # A thematic break carries no content; layout is the renderer's business.
            i += 1
            continue
        raise ZhikuError(  # pragma: no cover - every CommonMark block type is handled above
            f"无法识别的内容（{tok.type}）", f"unsupported content ({tok.type})", file, line
        )
    return Article(
        title=str(title).strip(),
        slug=slug,
        source=SourceRef(file, 1),
        blocks=tuple(lead),
        sections=tuple(s.freeze() for s in top),
        authors=as_str_list(meta.get("authors"), "authors", file, key_lines.get("authors", 1)),
        tags=as_str_list(meta.get("tags"), "tags", file, key_lines.get("tags", 1)),
        summary=None if summary is None else as_text(summary).strip(),
    )


def _check_nesting(tokens: list[Token], file: Path) -> None:
    """Refuse Markdown or raw HTML nested deeper than ``zhiku.sources.nesting`` allows, before
    anything walks it (the limits and why: that module)."""
    # Tokens one container deep sit at level 1 (its paragraph) or 2 (the paragraph's inline).
    limit = 2 * MAX_BLOCK_DEPTH
    for tok in tokens:
        if tok.level > limit:
            raise block_depth_error(file, _line(tok))
        if tok.type in ("html_block", "inline"):
            check_html(tok.content, file, _line(tok))
        if tok.type == "inline":
            check_inline(tok.content, file, _line(tok))


def _line(tok: Token) -> int:
    return tok.map[0] + 1 if tok.map else 1


def _close_index(tokens: list[Token], i: int) -> int:
    """Index of the token closing the one opened at ``i`` (same nesting level)."""
    open_type = tokens[i].type
    close_type = open_type.replace("_open", "_close")
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].type == open_type:
            depth += 1
        elif tokens[j].type == close_type:
            depth -= 1
            if depth == 0:
                return j
    raise AssertionError("markdown-it always closes what it opens")  # pragma: no cover


def _list(tokens: list[Token], i: int, file: Path) -> tuple[ListBlock, int]:
    tok = tokens[i]
    end = _close_index(tokens, i)
    items: list[str] = []
    parts: list[str] = []
    j = i + 1
    while j < end:
        t = tokens[j]
        if t.type in ("bullet_list_open", "ordered_list_open", "blockquote_open", "table_open", "fence"):
            raise ZhikuError(
                "列表项中不支持嵌套列表、引用、表格或代码块",
                "nested lists, quotes, tables or fences inside a list item are not supported",
                file,
                _line(t),
            )
        if t.type == "list_item_open":
            parts = []
        elif t.type == "inline":
            parts.append(t.content)
        elif t.type == "list_item_close":
            items.append("\n".join(parts))
        j += 1
    ordered = tok.type == "ordered_list_open"
    start_attr = tok.attrGet("start") if ordered else None
    start = int(start_attr) if start_attr is not None else 1
    return ListBlock(tuple(items), ordered, SourceRef(file, _line(tok)), start), end + 1


def _quote(tokens: list[Token], i: int, file: Path) -> tuple[Quote, int]:
    end = _close_index(tokens, i)
    paragraphs: list[Paragraph] = []
    for j in range(i + 1, end):
        t = tokens[j]
        if t.type == "paragraph_open":
            paragraphs.append(Paragraph(tokens[j + 1].content, SourceRef(file, _line(t))))
        elif t.type in ("heading_open", "bullet_list_open", "ordered_list_open", "table_open", "fence"):
            raise ZhikuError(
                "引用（>）中只支持段落", "a block quote ('>') may hold only paragraphs", file, _line(t)
            )
    return Quote(tuple(paragraphs), SourceRef(file, _line(tokens[i]))), end + 1


def _table(tokens: list[Token], i: int, ref: SourceRef) -> tuple[Table, int]:
    end = _close_index(tokens, i)
    header: list[str] = []
    rows: list[tuple[str, ...]] = []
    row: list[str] = []
    in_head = False
    for j in range(i + 1, end):
        t = tokens[j]
        if t.type == "thead_open":
            in_head = True
        elif t.type == "thead_close":
            in_head = False
        elif t.type == "tr_open":
            row = []
        elif t.type == "inline":
            row.append(t.content)
        elif t.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
    return Table(tuple(header), tuple(rows), ref), end + 1


def _fence(tok: Token, file: Path) -> Figure:
    line = _line(tok)
    info = tok.info.strip().split(maxsplit=1)[0] if tok.info.strip() else ""
    if info != FIGURE_FENCE:
        raise ZhikuError(
            f"不支持的代码块“{info or '```'}”：简报中只用 ```figure 图表块",
            f"unsupported fenced block '{info or '```'}': briefings use only ```figure blocks",
            file,
            line,
        )
    meta, key_lines = load_mapping(tok.content, file, line + 1)
    title = meta.get("title")
    if title is None or not str(title).strip():
        raise ZhikuError("图表块缺少 title:（图题）", "the figure block has no 'title:'", file, line)
    series = as_str_list(meta.get("series"), "series", file, key_lines.get("series", line))
    source_note = meta.get("source")
    options = tuple(
        (key, as_text(value))
        for key, value in meta.items()
        if key not in ("title", "series", "source") and value is not None
    )
    return Figure(
        title=str(title).strip(),
        series=series,
        source_note=None if source_note is None else as_text(source_note).strip(),
        options=options,
        source=SourceRef(file, line),
    )
