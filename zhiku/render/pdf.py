"""The print PDF through Typst (the `typst` PyPI package: the compiler, no LaTeX, no network).

The layout lives in ``theme/issue.typ``; this module writes the issue's content as Typst
markup (every piece of user text escaped by ``inline.typst_escape``), the metadata as JSON
(read by the template, so it needs no escaping) and the figures as SVG files, then compiles
them in the build folder the caller gives (``prepare_issue_pdf``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import shutil
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import nh3
import typst

from zhiku.errors import ZhikuError, ZhikuWarning
from zhiku.model import (
    CALLOUT_TITLES,
    Block,
    Callout,
    DefinitionList,
    Figure,
    HtmlBlock,
    Image,
    Issue,
    ListBlock,
    Paragraph,
    Publication,
    Quote,
    Table,
)
from zhiku.render.fonts import cut_for, pdf_font_dirs, system_font_dirs
from zhiku.render.inline import InlineState, inline_plain, inline_typst_in, typst_escape, typst_string
from zhiku.render.layout import ArticleView, SectionView
from zhiku.render.meta import contact_lines, publisher_name
from zhiku.render.theme_files import THEME_DIR, theme_file


def cjk_font_dirs() -> tuple[str, ...]:
    """Folders holding Noto Serif/Sans CJK, as fontconfig reports them (Debian's fonts-noto-cjk)."""
    return system_font_dirs()


@functools.lru_cache(maxsize=3)
def _fonts(dirs: tuple[str, ...]) -> typst.Fonts:
    # Only the CJK fonts (and Typst's embedded ones for math/raw): scanning every system font
    # costs time and would let a stray font change the output.
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=list(dirs))


def font_dirs_for(publication: Publication, text: str) -> tuple[str, ...]:
    """The font folders for a document of ``text``. zhiku's own layout gets the four faces it
    sets from zhiku.render.fonts' cache, in the smallest cut that has every character of
    ``text`` (most issues need only GB 2312's; a cold compile then reads a quarter of the
    bytes). A publication's own layout may name any Noto CJK face, so it gets every face of the
    collections."""
    if theme_file(publication, "issue.typ").parent != THEME_DIR:
        return system_font_dirs()
    return pdf_font_dirs(cut_for(text))


def _meta(publication: Publication, issue: Issue, views: Sequence[ArticleView]) -> dict[str, object]:
    column = publication.column or ""
    title = f"{publication.name}{column} {issue.date_zh}"
    if issue.title:
        title = f"{title} {issue.title}"
    keywords: list[str] = []
    for v in views:
        for tag in v.article.tags:
            if tag not in keywords:
                keywords.append(tag)
    return {
        "title": title,
        "author": publisher_name(publication) or publication.name,
        "keywords": keywords,
        "year": issue.date.year,
        "month": issue.date.month,
        "day": issue.date.day,
        "name": publication.name,
        "name_en": publication.name_en or "",
        "tagline": publication.tagline or "",
        "column": column,
        "column_en": publication.column_en or "",
        "date_zh": issue.date_zh,
        "contacts": contact_lines(publication),
        "wechat": publication.wechat,
        "disclaimer": list(publication.disclaimer),
        "slogan": publication.slogan,
        "copyright": publication.copyright,
        "number": issue.number,
        "issue_title": issue.title,
        "summaries": {f"art-{v.number}": v.article.summary for v in views if v.article.summary},
    }


_PX_PER_PT = 4 / 3


def typst_width(width: str | None) -> str:
    """A picture's written width in Typst: 60% → 60%, 300px → 225pt (CSS pixels), 5cm → 5cm."""
    if not width:
        return "auto"
    if width.endswith("px"):
        return f"{float(width[:-2]) / _PX_PER_PT:g}pt"
    if width.endswith("%"):
        return f"{min(float(width[:-1]), 100):g}%"
    return width if width.endswith(("cm", "mm", "em")) else f"{float(width) / _PX_PER_PT:g}pt"


class _Writer:
    def __init__(self, build: Path) -> None:
        self.build = build
        self.parts: list[str] = []
        self.state: InlineState | None = None

    def inline(self, md: str) -> str:
        return inline_typst_in(md, self.state)

    def blocks(self, blocks: Sequence[Block], view: ArticleView) -> None:
        for b in blocks:
            self.block(b, view)

    def block(self, b: Block, view: ArticleView) -> None:
        if isinstance(b, Paragraph):
            self.parts.append(self.inline(b.text) + "\n\n")
        elif isinstance(b, ListBlock):
            items = ", ".join(f"[{self.inline(i)}]" for i in b.items)
            if b.ordered:
                self.parts.append(f"#enum(start: {int(b.start)}, {items})\n\n")
            else:
                self.parts.append(f"#list({items})\n\n")
        elif isinstance(b, Quote):
            inner = "\n\n".join(self.inline(p.text) for p in b.paragraphs)
            self.parts.append(f"#block-quote[{inner}]\n\n")
        elif isinstance(b, Table):
            self.parts.append(self.table(b, view) + "\n\n")
        elif isinstance(b, Figure):
            self.figure(b, view)
        elif isinstance(b, Image):
            self.image(b, view)
        elif isinstance(b, Callout):
            title = typst_escape(b.title or CALLOUT_TITLES[b.kind])
            self.parts.append(f"#callout({typst_string(b.kind)}, [{title}])[\n")
            self.blocks(b.blocks, view)
            self.parts.append("]\n\n")
        elif isinstance(b, DefinitionList):
            items = ", ".join(
                f"([{self.inline(term)}], ({''.join(f'[{self.inline(d)}], ' for d in defs)}))"
                for term, defs in b.items
            )
            self.parts.append(f"#zterms({items})\n\n")
        elif isinstance(b, HtmlBlock):
            text = nh3.clean(b.html, tags=set()).strip()
            if text:
                self.parts.append(typst_escape(text) + "\n\n")

    def table(self, t: Table, view: ArticleView) -> str:
        tv = view.table_for(t)
        n = max([len(t.header)] + [len(r) for r in t.rows] or [1])
        aligns = ", ".join(tv.align[c] if c < len(tv.align) and tv.align[c] else "left" for c in range(n))
        head = ", ".join(f"[#strong[{self.inline(c)}]]" for c in t.header)
        cells: list[str] = []
        for r, row in enumerate(tv.rows):  # one number of decimals a column
            padded = list(row) + [""] * (n - len(row))
            for c, cell in enumerate(padded):
                pad = tv.cell_pad(r, c)
                cells.append(f"[{self.inline(cell)}{f'#hide[{typst_escape(pad)}]' if pad else ''}]")
        number = f"表{t.number} " if t.number else ""
        caption = f"[{number}{self.inline(t.caption)}]" if t.caption else "none"
        source = f"[{self.inline(t.source_note)}]" if t.source_note else "none"
        out = (
            f"#ztable(caption: {caption}, source: {source}, columns: {n}, aligns: ({aligns},), "
            f"header: ({head},), cells: ({', '.join(cells)},))"
        )
        if t.number:
            out += f" <tbl-{view.number}-{t.number}>"
        return out

    def image(self, b: Image, view: ArticleView) -> None:
        img = view.image_for(b)
        name = "img-" + img.name.rsplit("/", 1)[-1]
        (self.build / name).write_bytes(img.data)
        number = f"图{b.number} " if b.number else ""
        caption = f"[{number}{self.inline(b.caption)}]" if b.caption else "none"
        alt = typst_string(b.alt or b.caption or "")
        self.parts.append(f"#zimage({typst_string(name)}, {caption}, {typst_width(b.width)}, {alt})")
        self.parts.append(f" <fig-{view.number}-{b.number}>\n\n" if b.number else "\n\n")

    def figure(self, b: Figure, view: ArticleView) -> None:
        rf = view.figure_for(b)
        if rf is None:  # not drawn (the caller gave no drawing): caption and placeholder
            warnings.warn(
                ZhikuWarning(
                    f"图表没有数据，以“数据待补”占位：{b.title}",
                    f"figure has no data and is shown as 'data to come': {b.title}",
                    b.source.file,
                    b.source.line,
                ),
                stacklevel=2,
            )
            caption = typst_escape(f"图{b.number} {b.title}" if b.number else b.title)
            self.parts.append(f"#zwaiting([{caption}], none)\n\n")
            return
        if rf.waiting:  # the placeholder as text, so it reads (and extracts) as words
            label = f" <fig-{view.number}-{rf.number}>" if rf.number else ""
            self.parts.append(
                f"#zwaiting([{typst_escape(rf.caption)}], [{typst_escape(rf.source_line)}]){label}\n\n"
            )
            return
        name = f"fig-{view.number}-{rf.number}.svg"
        (self.build / name).write_text(rf.svg, encoding="utf-8")
        self.parts.append(
            f"#zfigure({typst_string(name)}, [{typst_escape(rf.caption)}], "
            f"[{typst_escape(rf.source_line)}], {typst_string(rf.description)})"
            f" <fig-{view.number}-{rf.number}>\n\n"
        )

    def sections(self, sections: Sequence[SectionView], view: ArticleView) -> None:
        for s in sections:
            level = min(s.depth + 1, 6)
            self.parts.append("=" * level + " " + self.inline(s.section.title) + "\n\n")
            self.blocks(s.section.blocks, view)
            self.sections(s.children, view)

    def article(self, view: ArticleView) -> None:
        a = view.article
        self.state = InlineState(view.refs)
        # Each article from a new page: an explicit weak page break here, never inside a heading
        # show rule (Typst forbids pagebreak there). Notes are numbered per article, as on the web.
        self.parts.append("#pagebreak(weak: true)\n#counter(footnote).update(0)\n")
        self.parts.append("= " + typst_escape(inline_plain(a.title)) + f" <art-{view.number}>\n\n")
        byline = []
        if a.authors:
            byline.append("作者：" + "、".join(a.authors))
        if a.tags:
            byline.append("关键词：" + "、".join(a.tags))
        if byline:
            self.parts.append(f"#byline[{typst_escape('　'.join(byline))}]\n\n")
        if a.summary:
            self.parts.append(f"#summary[{typst_escape(a.summary)}]\n\n")
        self.blocks(a.blocks, view)
        self.sections(view.sections, view)
        if view.refs.references:
            self.parts.append("#zrefs-title[参考文献]\n\n")
            for r in view.refs.references:
                label = view.refs.typst_reference(r.number)
                self.parts.append(f"#zref[{typst_escape(r.text)}] <{label}>\n\n")
        self.state = None


def issue_typst_source(
    publication: Publication, issue: Issue, views: Sequence[ArticleView], build: Path
) -> str:
    """Write the build folder's data files and return the main Typst source."""
    (build / "meta.json").write_text(
        json.dumps(_meta(publication, issue, views), ensure_ascii=False), encoding="utf-8"
    )
    shutil.copyfile(theme_file(publication, "issue.typ"), build / "issue.typ")
    w = _Writer(build)
    w.parts.append('#import "issue.typ": *\n#let meta = json("meta.json")\n#show: issue.with(meta)\n')
    w.parts.append("#cover(meta)\n\n")
    for view in views:
        w.article(view)
    w.parts.append("#closing(meta)\n")
    return "".join(w.parts)


def prepare_issue_pdf(
    publication: Publication, issue: Issue, views: Sequence[ArticleView], build: Path
) -> Callable[[], bytes]:
    """Write the Typst build folder ``build`` and return the compile, still to run.

    The two halves are apart so that the caller can do the Python half at once and run the
    compile in a second thread: Typst releases the GIL while it lays out, and a Python thread
    busy with the web pages would otherwise hold up this half (it needs the GIL throughout)."""
    source = issue_typst_source(publication, issue, views, build)
    main = build / "main.typ"
    main.write_text(source, encoding="utf-8")
    text = source + (build / "meta.json").read_text(encoding="utf-8")
    dirs = font_dirs_for(publication, text)
    stamp = dt.datetime(issue.date.year, issue.date.month, issue.date.day, tzinfo=dt.UTC)
    return functools.partial(_compile, build, dirs, main, stamp, publication, issue)


def _compile(
    build: Path, dirs: tuple[str, ...], main: Path, stamp: dt.datetime, publication: Publication, issue: Issue
) -> bytes:
    """Compile to PDF bytes. A Typst error becomes one ZhikuError naming the template."""
    try:
        # The font scan is part of the compile, in the compile's thread (it releases the GIL).
        compiler = typst.Compiler(root=str(build), font_paths=_fonts(dirs))
        pdf = compiler.compile(input=str(main), format="pdf", timestamp=stamp)
    except typst.TypstError as err:
        # Point at the layout file's line when Typst names it (a broken theme/issue.typ).
        where = re.search(r"issue\.typ:(\d+):", str(getattr(err, "diagnostic", "") or ""))
        raise ZhikuError(
            f"PDF 排版失败：{err.message}",
            f"PDF typesetting failed: {err.message}",
            theme_file(publication, "issue.typ"),
            int(where.group(1)) if where else None,
        ) from None
    if not isinstance(pdf, bytes):
        raise ZhikuError("PDF 排版没有输出", "PDF typesetting produced no output", issue.source.file)
    return pdf
