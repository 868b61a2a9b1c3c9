"""Inline Markdown → safe HTML, Typst markup or plain text.

The parser is the sources' dialect (``zhiku.sources.dialect``), so a note, a citation or a
cross-reference is read here exactly as the reader read it; each output walks its tokens. Soft
breaks are joined first (``text.join_soft_breaks``) so CJK lines never gain a space. HTML goes
through nh3, so raw HTML typed in a source (a ``<script>``, an ``onclick``) never reaches a page.

Notes, citations and cross-references need the article they stand in (``refs.ArticleRefs``)
and, for a note's back-link, whether the page showed that note's marker before: an
``InlineState`` per page and article. Text without them takes the cached path.
"""

from __future__ import annotations

import functools
import html as htmllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import nh3
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from zhiku.render.text import join_soft_breaks
from zhiku.sources.dialect import markdown_parser

if TYPE_CHECKING:
    from zhiku.render.refs import ArticleRefs

_MD = markdown_parser()
# The characters that may start a note, citation or cross-reference: text without them renders
# the same in every article (and is cached).
_REF_MARKS = ("[^", "[@", "@fig:", "@tbl:")

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
    "a": {"href", "title", "id", "class"},
    "sup": {"id", "class"},
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


@functools.lru_cache(maxsize=16384)  # parsing is the costly half; a text shows on several pages
def _inline_tokens(md: str) -> Sequence[Token]:
    tokens = _MD.parseInline(join_soft_breaks(md))
    return tokens[0].children or [] if tokens else []


def has_refs(md: str) -> bool:
    return any(mark in md for mark in _REF_MARKS)


@dataclass
class InlineState:
    """What one page has shown of one article: the notes whose marker came already (only the
    first marker of a note carries the id its back-link returns to)."""

    refs: ArticleRefs | None
    mode: str = "web"  # web (links) or wechat (WeChat strips links: plain markers)
    seen_notes: set[int] = field(default_factory=set)


def compress_numbers(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 5] → [(1, 3), (5, 5)]: GB/T 7714 writes consecutive citations as a range."""
    out: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def citation_label(numbers: Sequence[int]) -> str:
    """[1], [1,3], [1-3]: the citation mark as printed (the same in every output)."""
    ranges = compress_numbers(numbers)
    parts = [f"{a}" if a == b else f"{a}-{b}" if b > a + 1 else f"{a},{b}" for a, b in ranges]
    return "[" + ",".join(parts) + "]"


def _esc(text: str) -> str:
    return htmllib.escape(text, quote=True)


def _html_footnote_ref(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    tok = tokens[idx]
    state: InlineState | None = env.get("state")
    note = state.refs.note(str(tok.meta["label"])) if state is not None and state.refs else None
    if state is None or state.refs is None or note is None:
        return _esc(f"[^{tok.meta['label']}]")
    n = note.number
    if state.mode == "wechat":
        return f'<sup class="wx-fn">{n}</sup>'
    ident = ""
    if n not in state.seen_notes:
        state.seen_notes.add(n)
        ident = f' id="{state.refs.noteref_id(n)}"'
    return f'<sup class="fn-ref"{ident}><a href="#{state.refs.note_id(n)}" class="fn-link">{n}</a></sup>'


def _cite_numbers(tok: Token, refs: ArticleRefs | None) -> tuple[list[int], str]:
    numbers: list[int] = []
    locators: list[str] = []
    for key, locator in tok.meta["items"]:
        ref = refs.reference(key) if refs is not None else None
        if ref is not None:
            numbers.append(ref.number)
        if locator:
            locators.append(locator)
    return numbers, "，".join(locators)


def _html_cite(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    tok = tokens[idx]
    state: InlineState | None = env.get("state")
    refs = state.refs if state is not None else None
    numbers, locator = _cite_numbers(tok, refs)
    if refs is None or not numbers:
        return _esc(tok.content)
    label = citation_label(numbers)
    if state is not None and state.mode == "wechat":
        return f'<sup class="wx-cite">{_esc(label + locator)}</sup>'
    first = min(numbers)
    link = f'<a href="#{refs.reference_id(first)}" class="cite-link">{_esc(label)}</a>'
    return f'<sup class="cite">{link}{_esc(locator)}</sup>'


def _html_xref(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    tok = tokens[idx]
    state: InlineState | None = env.get("state")
    target = state.refs.target(f"{tok.meta['kind']}:{tok.meta['key']}") if state and state.refs else None
    if target is None:
        return _esc(tok.content)
    if state is not None and state.mode == "wechat":
        return _esc(target.text)
    return f'<a href="#{target.anchor}" class="xref">{_esc(target.text)}</a>'


class _Renderer(RendererHTML):
    """markdown-it's HTML renderer with rules for the dialect's own tokens (its methods named
    after a token type become that token's rule)."""

    def footnote_ref(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return _html_footnote_ref(tokens, idx, options, env)

    def cite(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return _html_cite(tokens, idx, options, env)

    def xref(self, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        return _html_xref(tokens, idx, options, env)


_HTML = _Renderer()


@functools.lru_cache(maxsize=16384)  # pure; a paragraph shows on several pages and rebuilds
def inline_html(md: str) -> str:
    """Inline Markdown → sanitised HTML (a string, safe to mark up as Markup)."""
    html = _HTML.renderInline(list(_inline_tokens(md)), _MD.options, {})
    return sanitize_inline(html).replace("\n", " ")


def inline_html_in(md: str, state: InlineState | None) -> str:
    """Inline Markdown of one article → sanitised HTML, with its notes, citations and
    cross-references (``state``: the page's view of that article)."""
    if state is None or not has_refs(md):
        return inline_html(md)
    html = _HTML.renderInline(list(_inline_tokens(md)), _MD.options, {"state": state})
    return sanitize_inline(html).replace("\n", " ")


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


def inline_text_in(md: str, state: InlineState) -> str:
    """Inline Markdown of one article → the text a reader sees, markers included (图1, [2]),
    for places that take no markup (an image's alt text, a table's label)."""
    parts: list[str] = []
    refs = state.refs
    for tok in _inline_tokens(md):
        if tok.type in ("text", "code_inline"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif tok.type == "image":
            parts.append(tok.content)
        elif tok.type == "xref" and refs is not None:
            target = refs.target(f"{tok.meta['kind']}:{tok.meta['key']}")
            parts.append(target.text if target else tok.content)
        elif tok.type == "cite" and refs is not None:
            numbers, locator = _cite_numbers(tok, refs)
            parts.append(citation_label(numbers) + locator if numbers else tok.content)
        elif tok.type == "footnote_ref" and refs is not None:
            note = refs.note(str(tok.meta["label"]))
            parts.append(str(note.number) if note else "")
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
    return _typst(md, None)


def inline_typst_in(md: str, state: InlineState | None) -> str:
    """Inline Markdown of one article → Typst markup with real footnotes (the first marker of a
    note carries its text, later ones point at it), citation marks linked to the article's
    reference list, and cross-references linked to the figure or table they name."""
    if state is None or not has_refs(md):
        return inline_typst(md)
    return _typst(md, state)


def _typst_ref(tok: Token, state: InlineState) -> str:
    refs = state.refs
    if refs is None:
        return typst_escape(tok.content)
    if tok.type == "footnote_ref":
        note = refs.note(str(tok.meta["label"]))
        if note is None:
            return typst_escape(f"[^{tok.meta['label']}]")
        label = refs.typst_note(note.number)
        if note.number in state.seen_notes:
            return f"#footnote(<{label}>)"
        state.seen_notes.add(note.number)
        inner = InlineState(refs, state.mode, {note.number})  # a note does not note itself
        body = "\n\n".join(inline_typst_in(p, inner) for p in note.paragraphs)
        return f"#footnote[{body}] <{label}>"
    if tok.type == "cite":
        numbers, locator = _cite_numbers(tok, refs)
        if not numbers:
            return typst_escape(tok.content)
        mark = typst_escape(citation_label(numbers))
        first = refs.typst_reference(min(numbers))
        return f"#super[#link(<{first}>)[{mark}]{typst_escape(locator)}]"
    target = refs.target(f"{tok.meta['kind']}:{tok.meta['key']}")
    if target is None:
        return typst_escape(tok.content)
    return f"#link(<{target.typst}>)[{typst_escape(target.text)}]"


def _typst(md: str, state: InlineState | None) -> str:
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
        elif t in ("footnote_ref", "cite", "xref"):
            written = tok.content or f"[^{tok.meta.get('label', '')}]"
            out.append(_typst_ref(tok, state) if state is not None else typst_escape(written))
    return "".join(out)
