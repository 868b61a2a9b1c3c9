"""The Markdown article reader: one ``.md`` file with YAML front matter → :class:`Article`.

Parsing is markdown-it-py's, in the dialect of ``zhiku.sources.dialect`` (CommonMark, pipe
tables, front matter, footnotes, callouts, definition lists, image attributes, citations,
cross-references); this module walks its tokens and turns them into model blocks with the
source line of each, ties captions to their tables and pictures, numbers them, and checks
every reference inside the article (footnotes, cross-references, picture files).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from zhiku.errors import ZhikuError, ZhikuWarning
from zhiku.model import (
    CALLOUT_KINDS,
    Article,
    Block,
    Callout,
    Citation,
    DefinitionList,
    Figure,
    Footnote,
    HtmlBlock,
    Image,
    ListBlock,
    Paragraph,
    Quote,
    SourceRef,
    Table,
)
from zhiku.sources.dialect import CALLOUT, XREF_KINDS
from zhiku.sources.dialect import markdown_parser as _dialect_parser
from zhiku.sources.nesting import MAX_BLOCK_DEPTH, block_depth_error, check_html, check_inline
from zhiku.sources.sections import SectionBuilder
from zhiku.sources.slug import slugify
from zhiku.sources.text import read_text
from zhiku.sources.yamlload import as_str_list, as_text, load_mapping

FRONT_MATTER_KEYS = ("title", "slug", "authors", "tags", "summary")
FIGURE_FENCE = "figure"
FIGURE_KEYS_OWN = ("title", "series", "source", "label")

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A caption is a title, not a sentence: 图1 标题 / 表2：标题, no full stop at its end, and short.
_CAPTION_RE = re.compile(
    r"^(?P<kind>[图表])\s*(?P<num>\d+)\s*[：:．.、]?\s*(?P<title>.*?)"
    r"\s*(?:\{#(?P<lkind>fig|tbl):(?P<key>[A-Za-z0-9_][A-Za-z0-9_:.\-/]*)\})?\s*$",
    re.S,
)
_CAPTION_MAX = 80
_SENTENCE_END = tuple("。！？；!?;")
_SOURCE_LINE_RE = re.compile(r"^(?:资料|数据)?来源\s*[：:]")
_LABEL_IN_TITLE = re.compile(r"\s*\{#fig:(?P<key>[A-Za-z0-9_][A-Za-z0-9_:.\-/]*)\}\s*$")
# The attrs plugin reads % as the start of a comment, so the agreed {width=60%} arrives as
# text after the picture; it is read here with the plugin's own meaning (#id, key=value).
_TRAILING_ATTRS = re.compile(r"^\{(?P<body>[^{}\n]*)\}\s*$")
_ATTR_ITEM = re.compile(r"#(?P<id>[^\s}]+)|(?P<k>[A-Za-z_][\w\-]*)=(?P<v>\"[^\"]*\"|'[^']*'|[^\s}]+)")
_WIDTH_RE = re.compile(r"^\d+(?:\.\d+)?(?:%|px|cm|mm|em)?$")


def markdown_parser() -> MarkdownIt:
    """The one Markdown dialect zhiku reads (see ``zhiku.sources.dialect``)."""
    return _dialect_parser()


def slug_from_filename(path: Path) -> str:
    """``01-zhong-mei.md`` → ``zhong-mei``: the file name without its order prefix.

    A name that is not already a slug (``02-一带一路.md``) is turned into one by its pinyin.
    """
    stem = re.sub(r"^\d+[-_]", "", path.stem)
    return stem if _SLUG_RE.match(stem) else slugify(stem)


def read_article(
    path: Path | str, file_base: Path | None = None, problems: list[ZhikuError] | None = None
) -> Article:
    """Read one Markdown article. ``SourceRef.file`` is ``path`` (relative to ``file_base`` if given).

    ``problems``, when given, collects the mistakes a reader can step over (a missing picture,
    an undefined note, a dangling cross-reference) instead of raising the first.
    """
    p = Path(path)
    return parse_article(read_text(p), ref_path(p, file_base), folder=p.parent, problems=problems)


def ref_path(path: Path, base: Path | None) -> Path:
    if base is None:
        return path
    try:
        return path.relative_to(base)
    except ValueError:
        return path


def _caption_match(text: str, kind: str) -> re.Match[str] | None:
    m = _CAPTION_RE.match(text.strip())
    if m is None or m["kind"] != kind:
        return None
    title = m["title"].strip()
    if not title or len(title) > _CAPTION_MAX or title.endswith(_SENTENCE_END):
        return None
    return m


@dataclass
class _Reader:
    """The state of one article's read: its file, the labels and references seen so far."""

    file: Path
    folder: Path
    problems: list[ZhikuError] | None
    figures: int = 0
    tables: int = 0
    labels: dict[str, int] = field(default_factory=dict)  # "fig:cpi" → line
    xrefs: list[tuple[str, int]] = field(default_factory=list)  # ("fig:cpi", line)
    note_refs: list[tuple[str, int]] = field(default_factory=list)  # (label, line) in order
    notes: dict[str, Footnote] = field(default_factory=dict)
    citations: list[Citation] = field(default_factory=list)

    def problem(self, zh: str, en: str, line: int | None) -> None:
        err = ZhikuError(zh, en, self.file, line)
        if self.problems is None:
            raise err
        self.problems.append(err)

    def warn(self, zh: str, en: str, line: int) -> None:
        warnings.warn(ZhikuWarning(zh, en, self.file, line), stacklevel=4)

    # -- inline content -------------------------------------------------------------------

    def scan_inline(self, tok: Token, line: int, where: str | None = None) -> None:
        """Record the notes, citations and cross-references of one inline token; ``where`` names
        a place a picture may not stand (a table cell, a list item …)."""
        content = tok.content
        for child in tok.children or ():
            at = line
            if child.type in ("footnote_ref", "cite", "xref"):
                needle = child.content or f"[^{child.meta.get('label', '')}]"
                pos = content.find(needle)
                at = line + (content[:pos].count("\n") if pos >= 0 else 0)
            if child.type == "footnote_ref":
                self.note_refs.append((str(child.meta["label"]), at))
            elif child.type == "cite":
                self.citations.extend(
                    Citation(key, SourceRef(self.file, at)) for key, _ in child.meta["items"]
                )
            elif child.type == "xref":
                self.xrefs.append((f"{child.meta['kind']}:{child.meta['key']}", at))
            elif child.type == "image" and where is not None:
                self.problem(
                    f"图片不能放在{where}中：请让图片单独成段",
                    f"a picture cannot stand in {_WHERE_EN.get(where, where)}: "
                    "put it in a paragraph of its own",
                    at,
                )

    def label(self, kind: str, key: str, line: int) -> str:
        name = f"{kind}:{key}"
        if name in self.labels:
            self.problem(
                f"标签 {{#{name}}} 重复（第一次在第 {self.labels[name]} 行）",
                f"label {{#{name}}} is used twice (first on line {self.labels[name]})",
                line,
            )
        else:
            self.labels[name] = line
        return key

    # -- pictures, tables, captions ----------------------------------------------------------

    def image(self, tok: Token, child: Token, rest: list[Token], line: int) -> Image | None:
        attrs: dict[str, str] = {str(k): str(v) for k, v in child.attrs.items()}
        if rest:
            m = _TRAILING_ATTRS.match(rest[0].content) if len(rest) == 1 and rest[0].type == "text" else None
            if m is None:
                self.problem(
                    "图片须单独成段（图片前后不能有文字）",
                    "a picture must be a paragraph of its own (no text before or after it)",
                    line,
                )
                return None
            for item in _ATTR_ITEM.finditer(m["body"]):
                if item["id"]:
                    attrs["id"] = item["id"]
                else:
                    attrs[item["k"]] = item["v"].strip("\"'")
        src = attrs.get("src", "")
        alt = "".join(c.content for c in child.children or ()) or child.content
        width = attrs.get("width")
        if width is not None and not _WIDTH_RE.match(width):
            self.problem(
                f"图片宽度“{width}”应写成 60% 或 300px 的形式",
                f"picture width '{width}' must be written like 60% or 300px",
                line,
            )
            width = None
        label = None
        ident = attrs.get("id")
        if ident:
            if not ident.startswith("fig:"):
                self.problem(
                    f"图片的标签应以 fig: 开头：{{#{ident}}}",
                    f"a picture's label must start with fig: {{#{ident}}}",
                    line,
                )
            else:
                label = self.label("fig", ident[4:], line)
        path = self.folder / src
        if not src or re.match(r"^[a-z][a-z0-9+.\-]*:", src, re.I):
            self.problem(
                f"图片“{src}”应是文章旁边的文件（不能是网址）",
                f"picture '{src}' must be a file beside the article (not a web address)",
                line,
            )
        elif not path.is_file():
            self.problem(
                f"找不到图片文件“{src}”（相对于 {self.folder}）",
                f"picture file '{src}' not found (relative to {self.folder})",
                line,
            )
        return Image(src=src, path=path, alt=alt, source=SourceRef(self.file, line), width=width, label=label)

    def attach_caption(self, blocks: list[Block], p: Paragraph) -> bool:
        """A ``图N 标题`` paragraph right after a picture, or a ``来源：`` one right after a table,
        belongs to it."""
        prev = blocks[-1] if blocks else None
        if isinstance(prev, Image) and prev.caption is None:
            m = _caption_match(p.text, "图")
            if m is not None:
                blocks[-1] = self._numbered_image(prev, m, p.source.line)
                return True
        if isinstance(prev, Table) and prev.source_note is None and _SOURCE_LINE_RE.match(p.text):
            blocks[-1] = replace(prev, source_note=p.text.strip())
            return True
        return False

    def _numbered_image(self, image: Image, m: re.Match[str], line: int) -> Image:
        self.figures += 1
        self._check_number("图", int(m["num"]), self.figures, line)
        label = image.label
        if m["key"]:
            if m["lkind"] != "fig":
                self.problem(
                    f"图题的标签应写 {{#fig:{m['key']}}}",
                    f"a figure caption's label must be {{#fig:{m['key']}}}",
                    line,
                )
            elif label is None:
                label = self.label("fig", m["key"], line)
        return replace(image, caption=m["title"].strip(), number=self.figures, label=label)

    def table(self, blocks: list[Block], t: Table) -> Table:
        prev = blocks[-1] if blocks else None
        if isinstance(prev, Paragraph):
            m = _caption_match(prev.text, "表")
            if m is not None:
                blocks.pop()
                self.tables += 1
                self._check_number("表", int(m["num"]), self.tables, prev.source.line)
                label = None
                if m["key"]:
                    if m["lkind"] != "tbl":
                        self.problem(
                            f"表题的标签应写 {{#tbl:{m['key']}}}",
                            f"a table caption's label must be {{#tbl:{m['key']}}}",
                            prev.source.line,
                        )
                    else:
                        label = self.label("tbl", m["key"], prev.source.line)
                return replace(t, caption=m["title"].strip(), number=self.tables, label=label)
        return t

    def figure_number(self) -> int:
        self.figures += 1
        return self.figures

    def _check_number(self, kind: str, written: int, counted: int, line: int) -> None:
        if written != counted:
            self.warn(
                f"题注写作“{kind}{written}”，按出现顺序应为{kind}{counted}；出版时用{kind}{counted}",
                f"the caption says {kind}{written} but it is number {counted} in reading order; "
                f"published as {kind}{counted}",
                line,
            )

    # -- the end of the article ----------------------------------------------------------------

    def finish(self) -> tuple[tuple[Footnote, ...], tuple[Citation, ...]]:
        for name, line in self.xrefs:
            if name not in self.labels:
                kind = name.split(":", 1)[0]
                self.problem(
                    f"交叉引用 @{name} 找不到对应的{XREF_KINDS[kind]}（在题注末尾写 {{#{name}}}）",
                    f"cross-reference @{name} has no {'figure' if kind == 'fig' else 'table'} "
                    f"labelled {{#{name}}} in this article",
                    line,
                )
        order: dict[str, int] = {}
        for label, line in self.note_refs:
            if label not in self.notes:
                self.problem(
                    f"脚注 [^{label}] 没有定义：请在文中写 [^{label}]: 注释文字",
                    f"footnote [^{label}] is not defined: write '[^{label}]: the note' in the article",
                    line,
                )
            elif label not in order:
                order[label] = len(order) + 1
        for label, note in self.notes.items():
            if label not in order:
                self.problem(
                    f"脚注 [^{label}] 定义了，但正文中没有引用它",
                    f"footnote [^{label}] is defined but never referred to in the text",
                    note.source.line,
                )
        notes = sorted(
            (replace(self.notes[label], number=n) for label, n in order.items()), key=lambda f: f.number
        )
        return tuple(notes), tuple(self.citations)


_WHERE_EN = {
    "表格": "a table",
    "列表项": "a list item",
    "引用": "a block quote",
    "术语表": "a definition list",
}


def parse_article(
    text: str, file: Path, folder: Path | None = None, problems: list[ZhikuError] | None = None
) -> Article:
    """Parse the text of an article file; ``file`` is what SourceRefs and errors name, ``folder``
    where its pictures are looked for (default: ``file``'s folder)."""
    tokens = markdown_parser().parse(text)
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
    if summary is not None and not isinstance(summary, str | int | float):
        raise ZhikuError("summary 应为一段文字", "'summary' must be text", file, key_lines.get("summary", 1))
    reader = _Reader(file, folder if folder is not None else file.parent, problems)
    lead: list[Block] = []
    top: list[SectionBuilder] = []
    current: SectionBuilder | None = None  # the innermost open section

    i = start
    while i < len(tokens):
        tok = tokens[i]
        line = _line(tok)
        if tok.type == "heading_open":
            inline = tokens[i + 1]
            heading = inline.content.strip()
            reader.scan_inline(inline, line)
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
            if any(c.type in ("footnote_ref", "cite", "image") for c in inline.children or ()):
                reader.problem(
                    "标题中不能有脚注、引文或图片：请放到标题下的段落里",
                    "a heading cannot hold a footnote, citation or picture: put it in the paragraph below",
                    line,
                )
            section = SectionBuilder(heading, level, SourceRef(file, line))
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
        target = current.blocks if current is not None else lead
        i = _block(tokens, i, reader, target)
    notes, citations = reader.finish()
    return Article(
        title=str(title).strip(),
        slug=slug,
        source=SourceRef(file, 1),
        blocks=tuple(lead),
        sections=tuple(s.freeze() for s in top),
        authors=as_str_list(meta.get("authors"), "authors", file, key_lines.get("authors", 1)),
        tags=as_str_list(meta.get("tags"), "tags", file, key_lines.get("tags", 1)),
        summary=None if summary is None else as_text(summary).strip(),
        footnotes=notes,
        citations=citations,
    )


def _block(tokens: list[Token], i: int, reader: _Reader, target: list[Block]) -> int:
    """Read the block that starts at ``tokens[i]`` into ``target``; the index after it."""
    tok = tokens[i]
    file = reader.file
    line = _line(tok)
    ref = SourceRef(file, line)
    if tok.type == "paragraph_open":
        inline = tokens[i + 1]
        children = inline.children or []
        if children and children[0].type == "image":
            image = reader.image(tok, children[0], children[1:], line)
            if image is not None:
                target.append(image)
            return i + 3
        reader.scan_inline(inline, line)
        if any(c.type == "image" for c in children):
            reader.problem(
                "图片须单独成段（图片前后不能有文字）",
                "a picture must be a paragraph of its own (no text before or after it)",
                line,
            )
        p = Paragraph(inline.content, ref)
        if not reader.attach_caption(target, p):
            target.append(p)
        return i + 3
    if tok.type in ("bullet_list_open", "ordered_list_open"):
        block, nxt = _list(tokens, i, reader)
        target.append(block)
        return nxt
    if tok.type == "blockquote_open":
        block_q, nxt = _quote(tokens, i, reader)
        target.append(block_q)
        return nxt
    if tok.type == "table_open":
        block_t, nxt = _table(tokens, i, ref, reader)
        target.append(reader.table(target, block_t))
        return nxt
    if tok.type == "fence":
        target.append(_fence(tok, reader))
        return i + 1
    if tok.type == "html_block":
        target.append(HtmlBlock(tok.content.rstrip("\n"), ref))
        return i + 1
    if tok.type == "hr":
        # A thematic break carries no content; layout is the renderer's business.
        return i + 1
    if tok.type == f"container_{CALLOUT}_open":
        block_c, nxt = _callout(tokens, i, reader)
        if block_c is not None:
            target.append(block_c)
        return nxt
    if tok.type == "dl_open":
        block_d, nxt = _deflist(tokens, i, reader)
        target.append(block_d)
        return nxt
    if tok.type == "footnote_reference_open":
        return _footnote(tokens, i, reader)
    if tok.type == "heading_open":
        reader.problem(
            "这里不能写标题（提示框、脚注中只能写段落和列表）",
            "a heading cannot stand here (callouts and notes hold paragraphs and lists)",
            line,
        )
        return i + 3
    raise ZhikuError(  # pragma: no cover - every token type the dialect makes is handled above
        f"无法识别的内容（{tok.type}）", f"unsupported content ({tok.type})", file, line
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


def _inner_blocks(
    tokens: list[Token], i: int, end: int, reader: _Reader, allowed: Callable[[Token], str | None]
) -> list[Block]:
    """The blocks between ``tokens[i]`` and ``tokens[end]`` (exclusive); ``allowed`` returns an
    error text for a block that may not stand there."""
    out: list[Block] = []
    j = i
    while j < end:
        message = allowed(tokens[j])
        if message is not None:
            reader.problem(message, _INNER_EN.get(message, message), _line(tokens[j]))
            j = _close_index(tokens, j) + 1 if tokens[j].nesting == 1 else j + 1
            continue
        j = _block(tokens, j, reader, out)
    return out


_INNER_EN = {
    "提示框中不能再套提示框": "a callout cannot hold another callout",
    "脚注中只能写段落": "a footnote may hold only paragraphs",
}


def _list(tokens: list[Token], i: int, reader: _Reader) -> tuple[ListBlock, int]:
    tok = tokens[i]
    end = _close_index(tokens, i)
    items: list[str] = []
    parts: list[str] = []
    j = i + 1
    while j < end:
        t = tokens[j]
        if t.type in (
            "bullet_list_open", "ordered_list_open", "blockquote_open", "table_open", "fence", "dl_open",
            f"container_{CALLOUT}_open", "html_block",
        ):  # fmt: skip
            raise ZhikuError(
                "列表项中不支持嵌套列表、引用、表格、提示框或代码块",
                "nested lists, quotes, tables, callouts or fences inside a list item are not supported",
                reader.file,
                _line(t),
            )
        if t.type == "list_item_open":
            parts = []
        elif t.type == "inline":
            reader.scan_inline(t, _line(tokens[j - 1]) if tokens[j - 1].map else _line(tok), "列表项")
            parts.append(t.content)
        elif t.type == "list_item_close":
            items.append("\n".join(parts))
        j += 1
    ordered = tok.type == "ordered_list_open"
    start_attr = tok.attrGet("start") if ordered else None
    start = int(start_attr) if start_attr is not None else 1
    return ListBlock(tuple(items), ordered, SourceRef(reader.file, _line(tok)), start), end + 1


_NOT_IN_QUOTE = (
    "heading_open", "bullet_list_open", "ordered_list_open", "table_open", "fence", "dl_open",
    f"container_{CALLOUT}_open", "footnote_reference_open",
)  # fmt: skip


def _quote(tokens: list[Token], i: int, reader: _Reader) -> tuple[Quote, int]:
    end = _close_index(tokens, i)
    paragraphs: list[Paragraph] = []
    j = i + 1
    while j < end:
        t = tokens[j]
        if t.type == "paragraph_open":
            reader.scan_inline(tokens[j + 1], _line(t), "引用")
            paragraphs.append(Paragraph(tokens[j + 1].content, SourceRef(reader.file, _line(t))))
            j += 3
            continue
        if t.type in _NOT_IN_QUOTE:
            raise ZhikuError(
                "引用（>）中只支持段落", "a block quote ('>') may hold only paragraphs", reader.file, _line(t)
            )
        j += 1
    return Quote(tuple(paragraphs), SourceRef(reader.file, _line(tokens[i]))), end + 1


_ALIGN_RE = re.compile(r"text-align:\s*(left|right|center)")


def _table(tokens: list[Token], i: int, ref: SourceRef, reader: _Reader) -> tuple[Table, int]:
    end = _close_index(tokens, i)
    header: list[str] = []
    rows: list[tuple[str, ...]] = []
    row: list[str] = []
    align: list[str] = []
    in_head = False
    line = ref.line
    for j in range(i + 1, end):
        t = tokens[j]
        if t.type == "thead_open":
            in_head = True
        elif t.type == "thead_close":
            in_head = False
        elif t.type == "tr_open":
            row = []
            line = _line(t) if t.map else line
        elif t.type == "th_open":
            style = str(t.attrGet("style") or "")
            m = _ALIGN_RE.search(style)
            align.append(m.group(1) if m else "")
        elif t.type == "inline":
            reader.scan_inline(t, line, "表格")
            row.append(t.content)
        elif t.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
    return Table(tuple(header), tuple(rows), ref, align=tuple(align)), end + 1


def _callout(tokens: list[Token], i: int, reader: _Reader) -> tuple[Callout | None, int]:
    tok = tokens[i]
    end = _close_index(tokens, i)
    line = _line(tok)
    words = tok.info.strip().split(maxsplit=1)
    name = words[0] if words else ""
    kind = CALLOUT_KINDS.get(name) or CALLOUT_KINDS.get(name.lower())
    names = "、".join(CALLOUT_KINDS)

    def allowed(t: Token) -> str | None:
        return "提示框中不能再套提示框" if t.type == f"container_{CALLOUT}_open" else None

    if kind is None:
        _inner_blocks(tokens, i + 1, end, reader, allowed)  # its content's own mistakes, too
        reader.problem(
            f"不认识的提示框“::: {name}”（可用：{names}）"
            if name
            else f"提示框 ::: 后要写类型（可用：{names}）",
            f"unknown callout '::: {name}' (use one of: {', '.join(CALLOUT_KINDS)})"
            if name
            else f"a callout needs a kind after ':::' (one of: {', '.join(CALLOUT_KINDS)})",
            line,
        )
        return None, end + 1
    blocks = _inner_blocks(tokens, i + 1, end, reader, allowed)
    title = words[1].strip() if len(words) > 1 else None
    return Callout(kind, title or None, tuple(blocks), SourceRef(reader.file, line)), end + 1


def _deflist(tokens: list[Token], i: int, reader: _Reader) -> tuple[DefinitionList, int]:
    end = _close_index(tokens, i)
    items: list[tuple[str, tuple[str, ...]]] = []
    term = ""
    defs: list[str] = []
    j = i + 1
    while j < end:
        t = tokens[j]
        if t.type == "dt_open":
            if term:
                items.append((term, tuple(defs)))
            inline = tokens[j + 1]
            reader.scan_inline(inline, _line(t), "术语表")
            term, defs = inline.content, []
            j += 3
            continue
        if t.type == "dd_open":
            close = _close_index(tokens, j)
            parts: list[str] = []
            for k in range(j + 1, close):
                u = tokens[k]
                if u.type == "inline":
                    reader.scan_inline(u, _line(tokens[k - 1]) if tokens[k - 1].map else _line(t), "术语表")
                    parts.append(u.content)
                elif u.nesting == 1 and u.type != "paragraph_open":
                    raise ZhikuError(
                        "术语的解释中只能写段落",
                        "a definition may hold only paragraphs",
                        reader.file,
                        _line(u),
                    )
            defs.append("\n\n".join(parts))
            j = close + 1
            continue
        j += 1
    if term:
        items.append((term, tuple(defs)))
    return DefinitionList(tuple(items), SourceRef(reader.file, _line(tokens[i]))), end + 1


def _footnote(tokens: list[Token], i: int, reader: _Reader) -> int:
    tok = tokens[i]
    end = _close_index(tokens, i)
    label = str(tok.meta["label"])
    line = _line(tok)

    def allowed(t: Token) -> str | None:
        return None if t.type == "paragraph_open" else "脚注中只能写段落"

    blocks = _inner_blocks(tokens, i + 1, end, reader, allowed)
    paragraphs = tuple(b.text for b in blocks if isinstance(b, Paragraph))
    if label in reader.notes:
        reader.problem(
            f"脚注 [^{label}] 定义了两次（第一次在第 {reader.notes[label].source.line} 行）",
            f"footnote [^{label}] is defined twice (first on line {reader.notes[label].source.line})",
            line,
        )
    elif not paragraphs:
        reader.problem(f"脚注 [^{label}] 是空的", f"footnote [^{label}] is empty", line)
    else:
        reader.notes[label] = Footnote(label, 0, paragraphs, SourceRef(reader.file, line))
    return end + 1


def _fence(tok: Token, reader: _Reader) -> Figure:
    file = reader.file
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
    title_text = as_text(title).strip()
    label: str | None = None
    m = _LABEL_IN_TITLE.search(title_text)
    if m is not None:
        title_text = title_text[: m.start()].strip()
        label = reader.label("fig", m["key"], key_lines.get("title", line))
    if meta.get("label") is not None:
        written = as_text(meta["label"]).strip().removeprefix("#").removeprefix("fig:")
        if not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_:.\-/]*", written):
            reader.problem(
                f"label: 应写成 fig:英文名（如 fig:cpi），而不是“{meta['label']}”",
                f"'label:' must be written fig:name (e.g. fig:cpi), not '{meta['label']}'",
                key_lines.get("label", line),
            )
        elif label is None:
            label = reader.label("fig", written, key_lines.get("label", line))
    series = as_str_list(meta.get("series"), "series", file, key_lines.get("series", line))
    source_note = meta.get("source")
    options = tuple(
        (key, as_text(value))
        for key, value in meta.items()
        if key not in FIGURE_KEYS_OWN and value is not None
    )
    return Figure(
        title=title_text,
        series=series,
        source_note=None if source_note is None else as_text(source_note).strip(),
        options=options,
        source=SourceRef(file, line),
        number=reader.figure_number(),
        label=label,
    )
