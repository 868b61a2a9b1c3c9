"""Writing model objects back as a publication folder's source files.

The Markdown written here is what :mod:`zhiku.sources.markdown` reads, so that writing and
reading again gives the same model (the importer checks this on every run).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import yaml

from zhiku.model import (
    WEEKDAYS_ZH,
    Article,
    Block,
    Callout,
    DefinitionList,
    Figure,
    HtmlBlock,
    Image,
    ListBlock,
    Paragraph,
    Publication,
    Quote,
    Section,
    Table,
)

# A line starting like this would be read as a heading, list, quote, fence, HTML block,
# link reference, setext underline, callout (:::) or definition (: …, ~ …) instead of prose;
# a backslash keeps it prose.
_BLOCK_START_RE = re.compile(
    r"^(#{1,6}(\s|$)|>|[-+*](\s|$)|`{3,}|~{3,}|=+\s*$|-+\s*$|\[[^\]]+\]:|:{3,}|[:~](\s|$)"
    r"|<(?![A-Za-z][A-Za-z0-9+.-]{1,31}:)[A-Za-z/!?])"  # an HTML tag, but not an autolink
)
_ORDERED_START_RE = re.compile(r"^(\d{1,9})([.)])(\s|$)")


def dump_yaml(data: dict[str, Any]) -> str:
    """YAML as an editor would write it: Chinese kept readable, keys in the given order."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def escape_block_start(line: str) -> str:
    """``# 不是标题`` → ``\\# 不是标题``: keep a prose line from being read as block syntax.

    Idempotent: an escaped line starts with a backslash and is left alone.
    """
    m = _ORDERED_START_RE.match(line)
    if m:
        return f"{m[1]}\\{line[len(m[1]) :]}"
    return "\\" + line if _BLOCK_START_RE.match(line) else line


def escape_paragraph(text: str) -> str:
    """Every line of a paragraph's text passed through :func:`escape_block_start`."""
    return "\n".join(escape_block_start(line) for line in text.split("\n"))


def _inline(text: str) -> str:
    return escape_paragraph(text)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def block_markdown(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _inline(block.text)
    if isinstance(block, ListBlock):
        lines = []
        for n, item in enumerate(block.items):
            marker = f"{block.start + n}." if block.ordered else "-"
            pad = " " * (len(marker) + 1)
            body = item.replace("\n", "\n" + pad)
            lines.append(f"{marker} {body}")
        return "\n".join(lines)
    if isinstance(block, Quote):
        return "\n>\n".join(
            "\n".join("> " + line for line in _inline(p.text).split("\n")) for p in block.paragraphs
        )
    if isinstance(block, Table):
        header = "| " + " | ".join(_cell(c) for c in block.header) + " |"
        marks = {"left": ":--- ", "right": " ---:", "center": ":---:"}
        aligns = list(block.align) + [""] * (len(block.header) - len(block.align))
        rule = "|" + "|".join(marks.get(a, " --- ") for a in aligns[: len(block.header)]) + "|"
        rows = ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
        table = "\n".join([header, rule, *rows])
        if block.caption is not None:
            label = f" {{#tbl:{block.label}}}" if block.label else ""
            table = f"表{block.number or 1} {block.caption}{label}\n\n{table}"
        if block.source_note is not None:
            table += f"\n\n{block.source_note}"
        return table
    if isinstance(block, Figure):
        return figure_markdown(block)
    if isinstance(block, HtmlBlock):
        return block.html
    if isinstance(block, Image):
        attrs = " ".join(
            x for x in (f"#fig:{block.label}" if block.label and block.caption is None else "",
                        f'width="{block.width}"' if block.width else "") if x
        )  # fmt: skip
        out = f"![{block.alt}]({block.src})" + (f"{{{attrs}}}" if attrs else "")
        if block.caption is not None:
            label = f" {{#fig:{block.label}}}" if block.label else ""
            out += f"\n\n图{block.number or 1} {block.caption}{label}"
        return out
    if isinstance(block, Callout):
        inner = "\n\n".join(block_markdown(b) for b in block.blocks)
        names = {"key": "要点", "tip": "提示", "note": "说明", "warning": "注意"}
        title = f" {block.title}" if block.title else ""
        return f"::: {names[block.kind]}{title}\n{inner}\n:::"
    if isinstance(block, DefinitionList):
        return "\n\n".join(
            _inline(term) + "".join(f"\n: {d}" for d in defs) for term, defs in block.items
        )
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover


def figure_markdown(figure: Figure) -> str:
    data: dict[str, Any] = {"title": figure.title}
    if len(figure.series) == 1:
        data["series"] = figure.series[0]
    elif figure.series:
        data["series"] = list(figure.series)
    if figure.label is not None:
        data["label"] = f"fig:{figure.label}"
    for key, value in figure.options:
        data[key] = value
    if figure.source_note is not None:
        data["source"] = figure.source_note
    body = dump_yaml(data)
    if not figure.series:
        body += "# 等待数据：加上 series: 即可出图 / waiting for data: add 'series:' to draw it\n"
    return f"```figure\n{body}```"


def _section_markdown(section: Section, out: list[str]) -> None:
    out.append("#" * (section.level + 1) + " " + section.title)
    out.extend(block_markdown(b) for b in section.blocks)
    for sub in section.sections:
        _section_markdown(sub, out)


def article_markdown(article: Article) -> str:
    """The Markdown file for ``article``: front matter, lead, sections."""
    meta: dict[str, Any] = {"title": article.title, "slug": article.slug}
    if article.authors:
        meta["authors"] = list(article.authors)
    if article.tags:
        meta["tags"] = list(article.tags)
    if article.summary is not None:
        meta["summary"] = article.summary
    parts = ["---\n" + dump_yaml(meta) + "---"]
    parts.extend(block_markdown(b) for b in article.blocks)
    for section in article.sections:
        _section_markdown(section, parts)
    parts.extend(footnote_markdown(note.label, note.paragraphs) for note in article.footnotes)
    return "\n\n".join(parts) + "\n"


def footnote_markdown(label: str, paragraphs: Sequence[str]) -> str:
    """``[^1]: 注释文字``; a note's later paragraphs follow indented by four spaces (the same note)."""
    first, *rest = paragraphs or [""]
    more = "".join("\n\n    " + p.replace("\n", "\n    ") for p in rest)
    return f"[^{label}]: {first}{more}"


def issue_yaml(date: dt.date, files: list[str], number: str | None = None, title: str | None = None) -> str:
    data: dict[str, Any] = {"date": date, "weekday": WEEKDAYS_ZH[date.weekday()]}
    if number is not None:
        data["number"] = number
    if title is not None:
        data["title"] = title
    data["articles"] = files
    return dump_yaml(data)


def publication_yaml(publication: Publication) -> str:
    keys = (
        "name", "name_en", "tagline", "column", "column_en", "publisher", "website", "base_url",
        "email", "hotline", "wechat",
    )  # fmt: skip
    data: dict[str, Any] = {}
    for key in keys:
        value = getattr(publication, key)
        if value is not None:
            data[key] = value
    if publication.disclaimer:
        data["disclaimer"] = list(publication.disclaimer)
    for key in ("copyright", "slogan"):
        value = getattr(publication, key)
        if value is not None:
            data[key] = value
    if publication.language != "zh-CN":
        data["language"] = publication.language
    return dump_yaml(data)
