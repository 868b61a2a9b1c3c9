"""Inline Markdown → safe HTML, Typst markup or plain text.

One markdown-it parser reads the inline Markdown of paragraphs, list items and table cells;
each output walks its tokens. Soft breaks are joined first (``text.join_soft_breaks``) so
CJK lines never gain a space. HTML goes through nh3, so raw HTML typed in a source (a
``<script>``, an ``onclick``) never reaches a page.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from zhiku.render.text import join_soft_breaks

_MD = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable("strikethrough")

# Tags a writer may use inline; everything else is dropped with its attributes (nh3 defaults
# also strip event handlers and javascript: URLs).
_INLINE_TAGS = {
    "a",
    "abbr",
    "b",
    "br",
    "cite",
    "code",
    "del",
    "em",
    "i",
    "kbd",
    "mark",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "u",
    "img",
}
_BLOCK_TAGS = _INLINE_TAGS | {
    "p",
    "div",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "pre",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "details",
    "summary",
}
_ATTRS = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "*": {"lang"},
}


def sanitize_inline(html: str) -> str:
    return nh3.clean(html, tags=_INLINE_TAGS, attributes=_ATTRS, url_schemes={"http", "https", "mailto"})


def sanitize_block(html: str) -> str:
    """Raw HTML blocks from a source: keep harmless structure, drop scripts, styles and handlers."""
    return nh3.clean(html, tags=_BLOCK_TAGS, attributes=_ATTRS, url_schemes={"http", "https", "mailto"})


def _inline_tokens(md: str) -> Sequence[Token]:
    tokens = _MD.parseInline(join_soft_breaks(md))
    return tokens[0].children or [] if tokens else []


@functools.lru_cache(maxsize=16384)  # pure; a paragraph shows on several pages and rebuilds
def inline_html(md: str) -> str:
    """Inline Markdown → sanitised HTML (a string, safe to mark up as Markup)."""
    text = join_soft_breaks(md)
    return sanitize_inline(_MD.renderInline(text)).replace("\n", " ")


@functools.lru_cache(maxsize=16384)  # pure; a paragraph shows on several pages and rebuilds
def inline_plain(md: str) -> str:
    """Inline Markdown → the text a reader sees (for titles, alt text, tooltips)."""
    parts: list[str] = []
    for tok in _inline_tokens(md):
        if tok.type in ("text", "code_inline"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif tok.type == "image":
            parts.append(tok.content)
    return "".join(parts)


# Every ASCII character with a meaning in Typst markup, escaped with a backslash: `*_` (emphasis),
# `#` (code), `$` (math), `@<>` (references/labels), `[]`, backtick (raw), `~` (nbsp), `/` (comments),
# `=-+.` (headings, lists, dashes, ellipsis), `'"` (smart quotes would change the text), `()` (a
# parenthesis right after a function call would continue it), `\` itself.
_TYPST_SPECIAL = frozenset("\\#*_$@<>[]`~/=-+.'\"(){}:;!?%&|^,")


def typst_escape(text: str) -> str:
    """Plain text → Typst markup that shows exactly that text."""
    out: list[str] = []
    for ch in text:
        if ch in _TYPST_SPECIAL:
            out.append("\\" + ch)
        elif ch in "\n\r\t":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def typst_string(text: str) -> str:
    """A Typst string literal (code mode) holding ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@functools.lru_cache(maxsize=16384)  # pure; a paragraph shows on several pages and rebuilds
def inline_typst(md: str) -> str:
    """Inline Markdown → Typst markup. Raw HTML keeps only its text; links to page anchors keep
    only their text (a Typst link to a label that does not exist breaks compilation)."""
    out: list[str] = []
    hidden = 0  # inside an inline <script> or <style>: its text is code, never shown
    for tok in _inline_tokens(md):
        t = tok.type
        if t == "html_inline":
            tag = tok.content.lower()
            if tag.startswith(("<script", "<style")):
                hidden += 1
            elif tag.startswith(("</script", "</style")):
                hidden = max(0, hidden - 1)
            continue
        if hidden:
            continue
        if t == "text":
            out.append(typst_escape(tok.content))
        elif t == "code_inline":
            out.append(f"#raw({typst_string(tok.content)})")
        elif t == "softbreak":
            out.append(" ")
        elif t == "hardbreak":
            out.append("#linebreak()")
        elif t == "strong_open":
            out.append("#strong[")
        elif t == "em_open":
            out.append("#emph[")
        elif t == "s_open":
            out.append("#strike[")
        elif t in ("strong_close", "em_close", "s_close"):
            out.append("]")
        elif t == "link_open":
            href = str(tok.attrGet("href") or "")
            if href.startswith(("http://", "https://", "mailto:")):
                out.append(f"#link({typst_string(href)})[")
            else:
                out.append("#[")
        elif t == "link_close":
            out.append("]")
        elif t == "image":
            out.append(typst_escape(tok.content))
    return "".join(out)
