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
from zhiku.model import Block, Figure, HtmlBlock, Issue, ListBlock, Paragraph, Publication, Quote, Table
from zhiku.render.fonts import cut_for, pdf_font_dirs, system_font_dirs
from zhiku.render.inline import inline_plain, inline_typst, typst_escape, typst_string
from zhiku.render.layout import ArticleView, SectionView
from zhiku.render.meta import contact_lines, publisher_name
from zhiku.render.tables import uniform_decimals
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
    }


class _Writer:
    def __init__(self, build: Path) -> None:
        self.build = build
        self.parts: list[str] = []

    def blocks(self, blocks: Sequence[Block], view: ArticleView) -> None:
        for b in blocks:
            self.block(b, view)

    def block(self, b: Block, view: ArticleView) -> None:
        if isinstance(b, Paragraph):
            self.parts.append(inline_typst(b.text) + "\n\n")
        elif isinstance(b, ListBlock):
            items = ", ".join(f"[{inline_typst(i)}]" for i in b.items)
            if b.ordered:
                self.parts.append(f"#enum(start: {int(b.start)}, {items})\n\n")
            else:
                self.parts.append(f"#list({items})\n\n")
        elif isinstance(b, Quote):
            inner = "\n\n".join(inline_typst(p.text) for p in b.paragraphs)
            self.parts.append(f"#block-quote[{inner}]\n\n")
        elif isinstance(b, Table):
            self.parts.append(self.table(b) + "\n\n")
        elif isinstance(b, Figure):
            self.figure(b, view)
        elif isinstance(b, HtmlBlock):
            text = nh3.clean(b.html, tags=set()).strip()
            if text:
                self.parts.append(typst_escape(text) + "\n\n")

    def table(self, t: Table) -> str:
        n = max([len(t.header)] + [len(r) for r in t.rows] or [1])
        head = ", ".join(f"[#strong[{inline_typst(c)}]]" for c in t.header)
        cells: list[str] = []
        for row in uniform_decimals(t.rows):  # one number of decimals a column
            padded = list(row) + [""] * (n - len(row))
            cells.extend(f"[{inline_typst(c)}]" for c in padded)
        body = ", ".join(cells)
        table = f"table(columns: {n}, table.header({head}), {body})"
        if t.caption:
            return (
                f"#figure({table}, caption: [{inline_typst(t.caption)}], kind: table, "
                f"numbering: none, supplement: none)"
            )
        return "#" + table

    def figure(self, b: Figure, view: ArticleView) -> None:
        rf = view.figure_for(b)
        if rf is None:
            warnings.warn(
                ZhikuWarning(
                    f"图表没有数据，未画出：{b.title}",
                    f"figure has no data and was left out: {b.title}",
                    b.source.file,
                    b.source.line,
                ),
                stacklevel=2,
            )
            return
        name = f"fig-{view.number}-{rf.number}.svg"
        (self.build / name).write_text(rf.svg, encoding="utf-8")
        self.parts.append(
            f"#zfigure({typst_string(name)}, [{typst_escape(rf.caption)}], "
            f"[{typst_escape(rf.source_line)}], {typst_string(rf.description)})\n\n"
        )

    def sections(self, sections: Sequence[SectionView], view: ArticleView) -> None:
        for s in sections:
            level = min(s.depth + 1, 6)
            self.parts.append("=" * level + " " + typst_escape(inline_plain(s.section.title)) + "\n\n")
            self.blocks(s.section.blocks, view)
            self.sections(s.children, view)

    def article(self, view: ArticleView) -> None:
        a = view.article
        # Each article from a new page: an explicit weak page break here, never inside a heading
        # show rule (Typst forbids pagebreak there).
        self.parts.append("#pagebreak(weak: true)\n")
        self.parts.append("= " + typst_escape(inline_plain(a.title)) + "\n\n")
        byline = []
        if a.authors:
            byline.append("作者：" + "、".join(a.authors))
        if a.tags:
            byline.append("关键词：" + "、".join(a.tags))
        if byline:
            self.parts.append(f"#byline[{typst_escape('　'.join(byline))}]\n\n")
        self.blocks(a.blocks, view)
        self.sections(view.sections, view)


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
    compiler = typst.Compiler(root=str(build), font_paths=_fonts(font_dirs_for(publication, text)))
    stamp = dt.datetime(issue.date.year, issue.date.month, issue.date.day, tzinfo=dt.UTC)
    return functools.partial(_compile, compiler, main, stamp, publication, issue)


def _compile(
    compiler: typst.Compiler, main: Path, stamp: dt.datetime, publication: Publication, issue: Issue
) -> bytes:
    """Compile to PDF bytes. A Typst error becomes one ZhikuError naming the template."""
    try:
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
