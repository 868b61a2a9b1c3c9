"""The Word reader: one issue as a ``.docx`` file → the blocks :mod:`zhiku.sources.briefing` reads.

The file is read with mammoth's document reader (``mammoth.docx.read``), which of the three
libraries measured keeps the most of what an analyst writes — footnotes at their anchors, tracked
insertions accepted and deletions dropped, merged table cells as spans, images with their bytes
and alt text, every paragraph's style name (see docs/architecture.md, "Reading Word files").
This module turns mammoth's document into:

* :class:`TextBlock` s, one per paragraph, its text as inline Markdown in the agreed syntax
  (``**bold**``, ``*italic*``, ``[text](url)``, ``[^N]`` footnote references, ``![alt](file)``
  images), with the paragraph's Word heading level, table-of-contents or caption style;
* tables (a pipe table, merged cells written once in their first cell) and lists as blocks;
* the footnotes' texts and the images' bytes, which the importer writes beside the articles.

Word's own numbers are kept where they are text; a heading numbered by Word's automatic list
numbering loses its number (mammoth does not compute it) and the importer says so.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhiku.errors import ZhikuError
from zhiku.model import ListBlock, SourceRef, Table
from zhiku.sources.briefing import TextBlock

_HEADING_STYLE_RE = re.compile(r"^(?:heading|标题)\s*(?P<level>\d)$", re.IGNORECASE)
_TITLE_STYLE_RE = re.compile(r"^(?:title|标题)$", re.IGNORECASE)
_TOC_STYLE_RE = re.compile(r"^(?:toc|目录)\s*\d+$", re.IGNORECASE)
_CAPTION_STYLE_RE = re.compile(r"^(?:caption|题注|image caption|table caption)$", re.IGNORECASE)

# Characters that inline Markdown would read as syntax; a backslash keeps them text. (``|`` is
# left to the table writer, block starts such as ``#`` and ``1.`` to escape_paragraph.)
_INLINE_SPECIAL_RE = re.compile(r"([\\`*_\[\]<])")
# ``@fig:key`` / ``@tbl:key`` is a cross-reference in the agreed syntax (docs/format.md); in a
# Word file it is text. An ``@`` at a run's end is escaped too: the next run may go on ``fig:…``.
_XREF_AT_RE = re.compile(r"@(?=(?:fig|tbl):|$)")
_IMAGE_MD_RE = re.compile(r"!\[(?:\\.|[^\]\\])*\]\(image-\d+\.[A-Za-z0-9]+\)")
_ENTITY_RE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_WIDE_RE = re.compile(
    r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)

IMAGE_EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/jpg": "jpg",
    "image/gif": "gif",
    "image/bmp": "bmp",
    "image/tiff": "tif",
    "image/svg+xml": "svg",
    "image/webp": "webp",
    "image/x-emf": "emf",
    "image/x-wmf": "wmf",
}
WEB_IMAGES = ("png", "jpg", "gif", "svg", "webp")


@dataclass(frozen=True)
class WordImage:
    """A picture of the file: its bytes exactly as stored, and the name it is written under."""

    name: str  # image-1.png …, in reading order
    data: bytes
    content_type: str
    alt: str
    paragraph: int


@dataclass(frozen=True)
class WordFootnote:
    """A footnote (or endnote): its label in the Markdown and its text as inline Markdown."""

    label: str
    text: str
    paragraph: int  # the paragraph number of its reference


@dataclass(frozen=True)
class WordDocument:
    """What the Word reader found: the blocks, and what is written beside the articles."""

    blocks: tuple[TextBlock, ...]
    footnotes: tuple[WordFootnote, ...]
    images: tuple[WordImage, ...]
    tables: int
    warnings: tuple[str, ...]
    insertions: int = 0
    deletions: int = 0
    comments: int = 0


@dataclass
class _Segment:
    """A piece of a paragraph: text (escaped later), or Markdown made already (``raw``)."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    raw: bool = False
    brk: bool = False


@dataclass
class _State:
    file: Path
    paragraph: int = 0
    footnotes: list[WordFootnote] = field(default_factory=list)
    images: list[WordImage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: Any = None
    tables: int = 0
    merged_tables: list[int] = field(default_factory=list)
    numbered_headings: list[int] = field(default_factory=list)
    nested_lists: list[int] = field(default_factory=list)
    moved_images: list[str] = field(default_factory=list)  # pictures taken out of a cell or list item
    moved_at: list[int] = field(default_factory=list)

    def take_images(self, text: str) -> str:
        """``text`` without its pictures, which wait in ``moved_images`` to follow their table or
        list: a picture stands in a paragraph of its own (docs/format.md)."""
        found = _IMAGE_MD_RE.findall(text)
        if not found:
            return text
        self.moved_images.extend(found)
        self.moved_at.append(self.paragraph)
        return _IMAGE_MD_RE.sub("", text).strip()

    def moved_blocks(self) -> list[TextBlock]:
        blocks = [TextBlock((image,), self.paragraph) for image in self.moved_images]
        self.moved_images = []
        return blocks

    def warn(self, zh: str, en: str, line: int | None = None) -> None:
        self.warnings.append(ZhikuError(zh, en, self.file, line).message)


def check_docx(path: Path) -> None:
    """Refuse, in one line, what is not a readable ``.docx``: an encrypted or a damaged file."""
    try:
        head = path.open("rb").read(8)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise ZhikuError(f"无法读取文件：{reason}", f"cannot read the file: {reason}", path) from err
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        import olefile

        try:
            with olefile.OleFileIO(str(path)) as ole:
                encrypted = ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo")
        except OSError:
            encrypted = False
        if encrypted:
            raise ZhikuError(
                "文件设置了打开密码（已加密），无法导入：请在 Word 中"
                "“文件 → 信息 → 保护文档 → 用密码进行加密”删除密码后另存，再导入",
                "the file is password-protected (encrypted) and cannot be imported: remove the password in "
                "Word (File → Info → Protect Document → Encrypt with Password), save, and import again",
                path,
            )
        raise ZhikuError(
            "这是旧的 Word 97-2003 格式（.doc），只是扩展名为 .docx："
            "请改名为 .doc 再导入，或在 Word 中另存为 .docx",
            "this is an old Word 97-2003 file (.doc) named .docx: rename it to .doc and import it, "
            "or save it as .docx in Word",
            path,
        )
    damaged = ZhikuError(
        "文件已损坏或不是 Word 文档（.docx 应是一个完整的 zip 包）：请在 Word 中打开并另存为 .docx 后再导入",
        "the file is damaged or not a Word document (a .docx is a complete zip package): "
        "open it in Word, save it as .docx and import again",
        path,
    )
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
                raise damaged
            bad = package.testzip()
            if bad is not None:
                raise damaged
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise damaged from err


def read_docx(path: Path | str, file: Path | None = None) -> WordDocument:
    """Read the ``.docx`` at ``path``; ``file`` is what messages and SourceRefs name."""
    import mammoth.docx

    src = Path(path)
    check_docx(src)
    state = _State(file or src)
    with src.open("rb") as fh:
        try:
            result = mammoth.docx.read(fh)
        except Exception as err:  # mammoth raises whatever the damaged XML gives it
            raise ZhikuError(
                f"文件已损坏，无法读取其中的 Word 内容（{type(err).__name__}）："
                "请在 Word 中打开并另存为 .docx 后再导入",
                f"the file is damaged and its Word content cannot be read ({type(err).__name__}): "
                "open it in Word, save it as .docx and import again",
                file or src,
            ) from err
        document = result.value
        state.notes = document.notes
        blocks = list(_blocks(document.children, state))
    for message in result.messages:
        if "style" not in message.message.lower():  # unknown styles matter only to mammoth's HTML
            state.warn(
                f"Word 文件读取提示：{message.message}", f"while reading the Word file: {message.message}"
            )
    insertions, deletions, comments = _revisions(src)
    _summary_warnings(state, insertions, deletions, comments, src)
    return WordDocument(
        blocks=tuple(blocks),
        footnotes=tuple(state.footnotes),
        images=tuple(state.images),
        tables=state.tables,
        warnings=tuple(state.warnings),
        insertions=insertions,
        deletions=deletions,
        comments=comments,
    )


def _revisions(path: Path) -> tuple[int, int, int]:
    """How many tracked insertions and deletions, and comments, the file holds."""
    insertions = deletions = comments = 0
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            xml = package.read(name)
            if name.endswith("comments.xml"):
                comments += xml.count(b"<w:comment ")
                continue
            insertions += xml.count(b"<w:ins ") + xml.count(b"<w:moveTo ")
            deletions += xml.count(b"<w:del ") + xml.count(b"<w:moveFrom ")
    return insertions, deletions, comments


def _numbers_shown(path: Path) -> bool:
    """Whether the file's list numbering prints numbers at all: LibreOffice ties every heading
    style to an outline numbering of format "none", which must not count as a lost number."""
    with zipfile.ZipFile(path) as package:
        try:
            xml = package.read("word/numbering.xml").decode("utf-8", "replace")
        except KeyError:
            return False
    for level in re.findall(r"<w:lvl\b.*?</w:lvl>", xml, re.DOTALL):
        fmt = re.search(r'<w:numFmt w:val="([^"]*)"', level)
        text = re.search(r'<w:lvlText w:val="([^"]*)"', level)
        if fmt and fmt[1] not in ("none", "bullet") and text and "%" in text[1]:
            return True
    return False


def _summary_warnings(state: _State, insertions: int, deletions: int, comments: int, src: Path) -> None:
    if insertions or deletions:
        state.warn(
            f"文档含修订（{insertions} 处插入、{deletions} 处删除）：已接受全部插入、舍弃全部删除，"
            "导入的是修订后的文本",
            f"the document has tracked changes ({insertions} insertions, {deletions} deletions): "
            "all insertions accepted, all deletions dropped; the revised text was imported",
        )
    if comments:
        state.warn(
            f"文档含 {comments} 条批注，批注没有导入（正文不受影响）",
            f"the document has {comments} comment(s); comments were not imported (the text is unaffected)",
        )
    if state.merged_tables:
        where = "、".join(str(n) for n in state.merged_tables)
        state.warn(
            f"表格 {where} 有合并单元格：竖线表格不能合并，合并格的内容写在其左上格，其余格留空",
            f"table(s) {where} have merged cells: a pipe table cannot merge cells, so a merged cell's "
            "text is in its top-left cell and the cells it covered are empty",
        )
    if state.numbered_headings and _numbers_shown(src):
        state.warn(
            "有标题使用 Word 自动编号，编号没有导入，请在标题文字中补写（如“一、”）",
            "some headings are numbered by Word's automatic numbering, which is not imported; "
            "write the number into the heading (e.g. 一、)",
            state.numbered_headings[0],
        )
    if state.moved_at:
        state.warn(
            "有图片与文字同段、或在表格或列表中：图片已移出，紧随其后单独成段",
            "some pictures shared a paragraph with text or stood in a table or list: each now follows "
            "it in a paragraph of its own",
            state.moved_at[0],
        )
    if state.nested_lists:
        state.warn(
            "多级列表已展平为一级（zhiku 的列表不嵌套）",
            "multi-level lists were flattened to one level (zhiku lists do not nest)",
            state.nested_lists[0],
        )
    for image in state.images:
        if image.name.rsplit(".", 1)[-1] not in WEB_IMAGES:
            state.warn(
                f"图片 {image.name} 是 {image.content_type} 格式，网页和 PDF 无法显示："
                "请在 Word 中另存为 PNG 后替换",
                f"picture {image.name} is {image.content_type}, which web pages and the PDF cannot show: "
                "save it as PNG from Word and replace it",
                image.paragraph,
            )
    charts = 0
    with zipfile.ZipFile(src) as package:
        charts = sum(1 for n in package.namelist() if re.match(r"word/charts/chart\d+\.xml$", n))
    if charts:
        state.warn(
            f"文档含 {charts} 个 Word 图表对象，无法作为图片导入；其图题（图N …）导入为等待数据的图表块",
            f"the document has {charts} Word chart object(s), which cannot be imported as pictures; "
            "their captions (图N …) become figures waiting for data",
        )


# -- blocks --------------------------------------------------------------------------------


def _blocks(children: list[Any], state: _State) -> Iterator[TextBlock]:
    from mammoth import documents

    pending: list[tuple[str, bool, int]] = []  # list items: text, ordered, paragraph
    for child in children:
        if isinstance(child, documents.Paragraph):
            state.paragraph += 1
            if child.numbering is not None and _heading_level(child) is None and not _is_toc(child):
                if pending and pending[-1][1] != child.numbering.is_ordered:
                    yield _list(pending, state)
                    pending = []
                if child.numbering.level_index not in ("0", 0):
                    state.nested_lists.append(state.paragraph)
                text = state.take_images(_inline(child.children, state))
                if text.strip():
                    pending.append((text.replace("\n", " "), child.numbering.is_ordered, state.paragraph))
                continue
            if pending:
                yield _list(pending, state)
                yield from state.moved_blocks()
                pending = []
            yield from _paragraph(child, state)
        elif isinstance(child, documents.Table):
            if pending:
                yield _list(pending, state)
                yield from state.moved_blocks()
                pending = []
            state.paragraph += 1
            yield _table(child, state)
            yield from state.moved_blocks()
        elif isinstance(child, documents.HasChildren):  # a content control or other wrapper
            if pending:
                yield _list(pending, state)
                yield from state.moved_blocks()
                pending = []
            yield from _blocks(child.children, state)
    if pending:
        yield _list(pending, state)
        yield from state.moved_blocks()


def _list(items: list[tuple[str, bool, int]], state: _State) -> TextBlock:
    texts = tuple(text for text, _, _ in items)
    line = items[0][2]
    block = ListBlock(texts, items[0][1], SourceRef(state.file, line))
    return TextBlock(texts, line, block=block)


def _heading_level(paragraph: Any) -> int | None:
    name = paragraph.style_name or ""
    m = _HEADING_STYLE_RE.match(name.strip())
    if m:
        return int(m["level"])
    if _TITLE_STYLE_RE.match(name.strip()):
        return 0
    return None


def _is_toc(paragraph: Any) -> bool:
    return bool(_TOC_STYLE_RE.match((paragraph.style_name or "").strip()))


def _paragraph(paragraph: Any, state: _State) -> list[TextBlock]:
    """A paragraph's block; a picture that shares its paragraph with text follows it on its own
    (Word anchors pictures in text paragraphs; the agreed syntax wants them alone)."""
    text = _inline(paragraph.children, state, whole_paragraph=True)
    images = _IMAGE_MD_RE.findall(text)
    if images and _IMAGE_MD_RE.sub("", text).strip():
        text = _IMAGE_MD_RE.sub("", text)
        state.moved_at.append(state.paragraph)
    else:
        images = []
    lines = tuple(line.strip(" \u3000") for line in text.split("\n"))
    lines = tuple(line for line in lines if line)
    blocks: list[TextBlock] = []
    if lines:
        level = _heading_level(paragraph)
        if level is not None and paragraph.numbering is not None:
            state.numbered_headings.append(state.paragraph)
        caption = bool(_CAPTION_STYLE_RE.match((paragraph.style_name or "").strip()))
        blocks.append(TextBlock(lines, state.paragraph, level=level, toc=_is_toc(paragraph), caption=caption))
    blocks.extend(TextBlock((image,), state.paragraph) for image in images)
    return blocks


def _table(table: Any, state: _State) -> TextBlock:
    """A Word table as a pipe table: the first row is the header; a merged cell's text goes in
    its top-left cell and the cells it covers stay empty (a pipe table cannot merge cells)."""
    from mammoth import documents

    state.tables += 1
    grid: list[list[str | None]] = []
    covered: dict[tuple[int, int], bool] = {}
    merged = False
    rows = [r for r in table.children if isinstance(r, documents.TableRow)]
    for r, row in enumerate(rows):
        out: list[str | None] = []
        c = 0
        for cell in row.children:
            if not isinstance(cell, documents.TableCell):
                continue
            while covered.get((r, c)):
                out.append("")
                c += 1
            text = _cell_text(cell.children, state)
            colspan = max(1, int(cell.colspan or 1))
            rowspan = max(1, int(cell.rowspan or 1))
            if colspan > 1 or rowspan > 1:
                merged = True
            for dr in range(rowspan):
                for dc in range(colspan):
                    if dr or dc:
                        covered[(r + dr, c + dc)] = True
            out.append(text)
            out.extend("" for _ in range(colspan - 1))
            c += colspan
        while covered.get((r, c)):
            out.append("")
            c += 1
        grid.append(out)
    if merged:
        state.merged_tables.append(state.tables)
    width = max((len(r) for r in grid), default=0)
    cells = [tuple((x or "") for x in row) + ("",) * (width - len(row)) for row in grid]
    header, body = (cells[0], cells[1:]) if cells else ((), [])
    block = Table(header, tuple(body), SourceRef(state.file, state.paragraph))
    lines = tuple(c for row in cells for c in row if c)
    return TextBlock(lines, state.paragraph, block=block)


def _cell_text(children: list[Any], state: _State) -> str:
    """A cell's paragraphs as one line (a pipe table cell has one): joined by a space between
    Latin words, by nothing between Chinese."""
    from mammoth import documents

    parts: list[str] = []
    for child in children:
        if isinstance(child, documents.Paragraph):
            text = state.take_images(_inline(child.children, state).replace("\n", " ").strip())
        elif isinstance(child, documents.Table):  # a table inside a cell: its text, in order
            text = " ".join(c for row in _table_rows_text(child, state) for c in row if c)
        elif isinstance(child, documents.HasChildren):
            text = _cell_text(child.children, state)
        else:
            continue
        if text:
            parts.append(text)
    out = ""
    for part in parts:
        glue = "" if not out or _WIDE_RE.match(out[-1]) or _WIDE_RE.match(part[0]) else " "
        out += glue + part
    return out


def _table_rows_text(table: Any, state: _State) -> list[list[str]]:
    from mammoth import documents

    return [
        [_cell_text(cell.children, state) for cell in row.children if isinstance(cell, documents.TableCell)]
        for row in table.children
        if isinstance(row, documents.TableRow)
    ]


# -- inline --------------------------------------------------------------------------------


def _inline(children: list[Any], state: _State, whole_paragraph: bool = False) -> str:
    """A paragraph's runs as inline Markdown; line breaks as ``\\n``."""
    segments: list[_Segment] = []
    _segments(children, state, segments, bold=False, italic=False, href=None)
    if whole_paragraph:
        linked = [s for s in segments if s.text.strip() or s.raw]
        # A paragraph that is one internal link (a "Top" or "返回顶部" link) keeps it, so the
        # layout rules can recognise and drop it; other internal links become their text.
        if linked and all(s.href is not None and s.href.startswith("#") for s in linked):
            text = "".join(s.text for s in segments)
            return f"[{_escape(text.strip())}]({linked[0].href})"
    return _render(segments)


def _segments(
    children: list[Any], state: _State, out: list[_Segment], *, bold: bool, italic: bool, href: str | None
) -> None:
    from mammoth import documents

    for child in children:
        if isinstance(child, documents.Text):
            out.append(_Segment(child.value, bold, italic, href))
        elif isinstance(child, documents.Run):
            _segments(
                child.children,
                state,
                out,
                bold=bold or bool(child.is_bold),
                italic=italic or bool(child.is_italic),
                href=href,
            )
        elif isinstance(child, documents.Hyperlink):
            target = child.href if child.href else (f"#{child.anchor}" if child.anchor is not None else None)
            _segments(child.children, state, out, bold=bold, italic=italic, href=target or href)
        elif isinstance(child, documents.Tab):
            out.append(_Segment("\t", bold, italic, href))
        elif isinstance(child, documents.Break):
            if child.break_type == "line":
                out.append(_Segment("\n", bold, italic, href, brk=True))
        elif isinstance(child, documents.Checkbox):
            out.append(_Segment("☒" if child.checked else "☐", bold, italic, href))
        elif isinstance(child, documents.NoteReference):
            out.append(_Segment(_footnote(child, state), raw=True))
        elif isinstance(child, documents.Image):
            out.append(_Segment(_image(child, state), raw=True))
        elif isinstance(child, documents.HasChildren):
            _segments(child.children, state, out, bold=bold, italic=italic, href=href)
        # Bookmarks and comment references carry no text.


def _footnote(reference: Any, state: _State) -> str:
    note = state.notes.resolve(reference)
    label = str(len(state.footnotes) + 1)
    paragraph = state.paragraph
    texts: list[str] = []
    for child in note.body:
        if hasattr(child, "children"):
            text = _inline(child.children, state).replace("\n", " ").strip()
            if text:
                texts.append(text)
    state.footnotes.append(WordFootnote(label, "\n\n".join(texts), paragraph))
    return f"[^{label}]"


def _image(image: Any, state: _State) -> str:
    with image.open() as fh:
        data = fh.read()
    content_type = (image.content_type or "application/octet-stream").lower()
    ext = IMAGE_EXTENSIONS.get(content_type, content_type.rsplit("/", 1)[-1].replace("x-", "") or "bin")
    name = f"image-{len(state.images) + 1}.{ext}"
    alt = (image.alt_text or "").strip()
    state.images.append(WordImage(name, data, content_type, alt, state.paragraph))
    return f"![{_escape(alt).replace(chr(10), ' ')}]({name})"


def _escape(text: str) -> str:
    return _XREF_AT_RE.sub(r"\\@", _ENTITY_RE.sub("&amp;", _INLINE_SPECIAL_RE.sub(r"\\\1", text)))


def _render(segments: list[_Segment]) -> str:
    """Segments as inline Markdown: emphasis around runs of the same style (a line break inside a
    bold run stays inside it), links around runs with the same target."""
    # A break takes the style of the text around it when both sides agree, so a bold slogan
    # set on two lines stays one bold span.
    for i, seg in enumerate(segments):
        if seg.brk:
            before = next((s for s in reversed(segments[:i]) if not s.brk), None)
            after = next((s for s in segments[i + 1 :] if not s.brk), None)
            if before and after and (before.bold, before.italic) == (after.bold, after.italic):
                seg.bold, seg.italic = before.bold, before.italic
            else:
                seg.bold = seg.italic = False
    out: list[str] = []
    i = 0
    while i < len(segments):
        seg = segments[i]
        if seg.raw:
            out.append(seg.text)
            i += 1
            continue
        j = i
        while j < len(segments) and not segments[j].raw and segments[j].href == seg.href:
            j += 1
        out.append(_link(segments[i:j], seg.href))
        i = j
    return "".join(out)


def _link(segments: list[_Segment], href: str | None) -> str:
    inner = _emphasised(segments)
    if href is None:
        return inner
    text = "".join(s.text for s in segments)
    if href.startswith("#"):
        return inner  # a link inside the document (a cross-reference, a TOC entry): its words
    shown = text.strip()
    if shown.rstrip("/") == href.removeprefix("mailto:").rstrip("/") and " " not in shown:
        # An address shown as itself: an autolink, as a Word export writes it (<http://…>).
        return f"<{shown}>"
    return f"[{inner}]({href.replace(' ', '%20').replace(')', '%29')})"


def _emphasised(segments: list[_Segment]) -> str:
    out: list[str] = []
    i = 0
    while i < len(segments):
        style = (segments[i].bold, segments[i].italic)
        j = i
        while j < len(segments) and (segments[j].bold, segments[j].italic) == style:
            j += 1
        text = "".join(s.text for s in segments[i:j])
        out.append(_wrap(text, *style, before=_last_char(out), after=_first_char(segments[j:])))
        i = j
    return "".join(out)


def _last_char(out: list[str]) -> str:
    joined = "".join(out)
    return joined[-1] if joined else ""


def _first_char(rest: list[_Segment]) -> str:
    for seg in rest:
        if seg.text:
            return seg.text[0]
    return ""


def _wrap(text: str, bold: bool, italic: bool, *, before: str, after: str) -> str:
    """``text`` escaped, with ``**`` / ``*`` around it when Markdown will read them as emphasis.

    CommonMark reads a delimiter as opening only if it is "left-flanking": ``加**“重点”**`` is
    not (punctuation inside, a letter outside), so ``**`` would print literally. There the
    emphasis is left out — the words are kept, only their weight is lost.
    """
    if not (bold or italic) or not text.strip():
        return _escape(text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = text.strip()
    marker = ("**" if bold else "") + ("*" if italic else "")
    # Punctuation at the edge moves outside the markers when it stops them from counting:
    # ``*通胀是暂时的吗？*本文`` would print its asterisks, ``*通胀是暂时的吗*？本文`` does not.
    if len(core) > 1 and not _opens(lead[-1:] or before, core[0]):
        lead, core = lead + core[0], core[1:]
    if len(core) > 1 and not _closes(core[-1], trail[:1] or after):
        core, trail = core[:-1], core[-1] + trail
    if not (_opens(lead[-1:] or before, core[0]) and _closes(core[-1], trail[:1] or after)):
        return _escape(text)
    return f"{_escape(lead)}{marker}{_escape(core)}{marker}{_escape(trail)}"


def _is_punct(ch: str) -> bool:
    import unicodedata

    return bool(ch) and unicodedata.category(ch).startswith(("P", "S"))


def _opens(before: str, first: str) -> bool:
    outside_ok = not before or before.isspace() or _is_punct(before)
    return not first.isspace() and (not _is_punct(first) or outside_ok)


def _closes(last: str, after: str) -> bool:
    return not last.isspace() and (not _is_punct(last) or not after or after.isspace() or _is_punct(after))

