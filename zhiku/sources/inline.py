"""Inline Markdown → plain text, for number checking and search."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from zhiku.sources.dialect import XREF_KINDS, markdown_parser

# markdown-it does the parsing, in the dialect the readers use, so that escapes, emphasis and
# links are undone exactly as a renderer would, and a note marker [^1] or a citation [@key]
# (no words of the text) never reach the number checker as "1".
_MD = markdown_parser()
# Text without a character that starts one of the dialect's additions (a note [^, a citation or
# cross-reference @, attributes {, strikethrough ~) reads the same in plain CommonMark, which
# tries fewer rules: most paragraphs, read for every claim check of every issue.
_PLAIN_MD = MarkdownIt("commonmark")
_DIALECT_MARKS = ("[^", "@", "{", "~")

_SOFT = "\x00"  # a placeholder for a soft line break while the text is assembled

# Characters that are written without spaces between them: CJK ideographs, kana, hangul and
# full-width punctuation. A soft break between two of them is no space at all.
_WIDE = re.compile(
    r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    r"\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2010-\u2027\u2030-\u205e]"
)


def _join_soft(before: str, after: str) -> str:
    if not before or not after:
        return ""
    return "" if _WIDE.match(before[-1]) or _WIDE.match(after[0]) else " "


def inline_to_plain(md: str) -> str:
    """The text a reader sees: ``**约** [3 个](http://x) 小时`` → ``约 3 个 小时``.

    Emphasis markers, link targets, images (their alt text is kept), note markers, citations
    and inline HTML tags go; a cross-reference leaves 图 or 表;
    backslash escapes are undone. A soft break disappears next to a CJK character or
    full-width punctuation and becomes one space between Latin words; a hard break is ``\\n``.
    """
    if not md:
        return ""
    parser = _MD if any(mark in md for mark in _DIALECT_MARKS) else _PLAIN_MD
    tokens = parser.parseInline(md)
    parts: list[str] = []
    for tok in tokens[0].children or ():
        if tok.type in ("text", "code_inline"):
            parts.append(tok.content)
        elif tok.type == "softbreak":
            parts.append(_SOFT)
        elif tok.type == "hardbreak":
            parts.append("\n")
        elif tok.type == "image":
            parts.append("".join(c.content for c in tok.children or ()))
        elif tok.type == "xref":
            # 见@fig:cpi reads 见图 here: the number is the renderer's (it counts the figures).
            parts.append(XREF_KINDS.get(str(tok.meta.get("kind")), ""))
    text = "".join(parts)
    pieces = text.split(_SOFT)
    out = pieces[0]
    for piece in pieces[1:]:
        out = out.rstrip(" ") + _join_soft(out.rstrip(" "), piece.lstrip(" ")) + piece.lstrip(" ")
    return out
