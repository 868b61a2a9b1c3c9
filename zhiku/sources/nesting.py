"""Nesting limits, checked while an article is read, before any recursive stage sees it.

Several stages walk a document recursively: markdown-it's block parser (nested quotes and
lists), the HTML sanitiser and the CSS inliner of the WeChat page (css-inline, in Rust, whose
stack a 20,000-deep ``<span>`` nest overflows: the process dies with SIGSEGV, no error can be
caught). So depth is measured first, with plain loops, and a document nested deeper than any
briefing needs is refused with one line naming the file and line:

- Markdown containers (``>`` quotes, lists): ``MAX_BLOCK_DEPTH`` levels. markdown-it stops
  parsing at 20 levels and silently drops what lies deeper; zhiku's model holds two.
- Raw HTML written in the Markdown: ``MAX_HTML_DEPTH`` levels of open tags in one block or
  paragraph (each is sanitised on its own, which closes what it leaves open, so a page is never
  deeper than its template plus one block).
- Inline Markdown: emphasis, strikethrough and links nest without markdown-it's limit (its
  delimiter pass pairs ``*****`` runs into nested ``<strong>``s); a paragraph with more
  delimiters than ``MAX_HTML_DEPTH`` is parsed as the renderer parses it and refused past that
  depth.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from zhiku.errors import ZhikuError

MAX_BLOCK_DEPTH = 8
MAX_HTML_DEPTH = 64
# A whole page (the theme's template around the content): what render checks before inlining.
MAX_PAGE_DEPTH = 256

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)")
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
     "wbr")
)


def html_depth(html: str) -> int:
    """The deepest nesting of open tags in ``html`` (an upper bound on its DOM depth: a tag left
    open counts until its end)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if m.group(1):
            depth = max(0, depth - 1)
        elif name not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def check_html(html: str, file: Path, line: int, limit: int = MAX_HTML_DEPTH) -> None:
    if "<" in html and html_depth(html) > limit:
        raise ZhikuError(
            f"HTML 嵌套太深（超过 {limit} 层），请简化这段 HTML",
            f"the HTML is nested too deeply (over {limit} levels); simplify it",
            file,
            line,
        )


def block_depth_error(file: Path, line: int) -> ZhikuError:
    return ZhikuError(
        f"Markdown 嵌套太深（引用 > 或列表超过 {MAX_BLOCK_DEPTH} 层）",
        f"the Markdown is nested too deeply (quotes '>' or lists over {MAX_BLOCK_DEPTH} levels)",
        file,
        line,
    )


_DELIMITERS = re.compile(r"[*_~\[]")
_INLINE: Any = None


def inline_depth(text: str) -> int:
    """How deep the inline Markdown of ``text`` nests once rendered (emphasis, strikethrough,
    links), as the renderer's parser reads it. Only a text with many delimiters is parsed."""
    if len(_DELIMITERS.findall(text)) <= MAX_HTML_DEPTH:
        return 0
    global _INLINE
    if _INLINE is None:
        from markdown_it import MarkdownIt

        # The renderer's dialect (zhiku.render.inline): CommonMark, raw HTML, strikethrough.
        _INLINE = MarkdownIt("commonmark", {"html": True}).enable("strikethrough")
    depth = deepest = 0
    for token in _INLINE.parseInline(text)[0].children or []:
        depth += token.nesting
        deepest = max(deepest, depth)
    return deepest


def check_inline(text: str, file: Path, line: int) -> None:
    if inline_depth(text) > MAX_HTML_DEPTH:
        raise ZhikuError(
            f"强调、删除线或链接嵌套太深（超过 {MAX_HTML_DEPTH} 层），请简化",
            f"emphasis, strikethrough or links are nested too deeply (over {MAX_HTML_DEPTH} levels); "
            "simplify them",
            file,
            line,
        )
