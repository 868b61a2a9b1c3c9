"""Which characters of a Markdown article are prose a copy editor may touch, and its paragraphs.

The copy check reads the source text as written (its fixes are written back to the file), so it
must know what is not prose: the front matter (but for a plain one-line ``title:``, ``subtitle:``
or ``summary:`` value, which readers see), fenced and indented code (the ``figure`` blocks
included), HTML blocks and comments, inline code, URLs and autolinks, link and image targets and
titles, reference definitions, footnote markers (``[^1]``), citations (``[@key]``),
cross-references (``@fig:key``), attributes (``{#fig:key}``, ``{width=60%}``), table pipes and
delimiter rows, and the block markers (``##``, ``-``, ``1.``, ``>``, ``:::``). Those characters
are *protected*: no rule flags or changes them, and in the rules' view of the text they read as
``\\x00``, a character that is neither Chinese, Latin nor punctuation, so that no rule takes
context from syntax either.

Why a line scanner and not markdown-it's tokens: block tokens give line ranges but inline tokens
give no offsets, so the inline syntax would have to be found again in the source anyway; the
dialect's syntax that matters here is all recognisable line by line, and the scan is a few
milliseconds on a 30,000-character issue (``bench/check.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

HOLE = "\x00"

_PROSE_KEY = re.compile(r"^(?:title|subtitle|summary):[ \t]+(?P<value>(?![\[{\"'|>&*!%@`#-])[^#\n]*?)\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HTML_BLOCK = re.compile(r"^ {0,3}<(?:!--|/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\?|!\[CDATA\[|![A-Z])")
_REF_DEF = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S.*$")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]]+\]:")
_CONTAINER = re.compile(r"^ {0,3}:::")
_TABLE_DELIM = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HR = re.compile(r"^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
# Block markers at the start of a line: headings, quotes, list bullets and numbers, definitions.
_MARKER = re.compile(r"^ {0,3}(?:>\s?)*(?:#{1,6}\s+|[-*+]\s+|\d{1,9}[.)]\s+|:\s+)?")
# A caption's label and the space after it (图1 标题, 表2：标题): the agreed caption syntax.
_CAPTION = re.compile(r"(?:图|表)\s*\d+(?:[.-]\d+)*(?:\s+|(?=[：:]))")
_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<autolink><(?:https?|ftp|mailto):[^>\s]*>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<target>\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\))"
    r"|(?P<refuse>\]\[[^\]]*\])"
    r"|(?P<note>\[\^[^\]\s]+\])"
    r"|(?P<cite>\[@[^\]]+\])"
    r"|(?P<xref>@(?:fig|tbl|sec|eq):[A-Za-z0-9_][A-Za-z0-9_:.\-/]*)"
    r"|(?P<attrs>\{[#.][^{}\n]*\}|\{[A-Za-z-]+=[^{}\n]*\})"
    # A bare URL runs to a space or a Chinese punctuation mark (a URL may hold Chinese
    # characters: …/wiki/中国): where prose resumes, a full-width mark stands.
    r"|(?P<url>(?:https?|ftp)://[^\s<>\"'，。；：！？“”‘’（）《》、【】]+|www\.[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s<>\"'，。；：！？“”‘’（）《》、【】]*)"
    r"|(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<emph>\*+|~~|(?<![A-Za-z0-9])__?|__?(?![A-Za-z0-9]))"
    r"|(?P<bracket>!?\[|\])"
)


@dataclass(frozen=True)
class Block:
    """A paragraph, heading, list item, table row or note: the unit quotes and brackets pair in."""

    start: int  # offsets in the source text
    end: int
    line: int  # 1-based line of ``start``


@dataclass(frozen=True)
class Prose:
    """An article's source text, the same text with its syntax holed out, and its blocks."""

    text: str
    view: str  # ``text`` with every protected character replaced by HOLE
    blocks: tuple[Block, ...]
    line_starts: tuple[int, ...]

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    def line_text(self, line: int) -> tuple[int, str]:
        """The start offset and the text (without its newline) of a 1-based line."""
        a = self.line_starts[line - 1]
        b = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return a, self.text[a:b]

    def protected(self, a: int, b: int) -> bool:
        """Whether any character in ``[a, b)`` is syntax rather than prose."""
        return HOLE in self.view[a:b] if b > a else False


def read_prose(text: str, *, markdown: bool = True) -> Prose:
    """The prose of ``text``: Markdown syntax protected (``markdown=False``: a plain text file,
    where only URLs and e-mail addresses are protected)."""
    view = list(text)
    lines = text.split("\n")
    starts: list[int] = []
    pos = 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    blocks: list[Block] = []

    def hole(a: int, b: int) -> None:
        for i in range(a, b):
            if view[i] != "\n":
                view[i] = HOLE

    i = 0
    n = len(lines)
    if markdown and lines and lines[0].lstrip("\ufeff").rstrip() == "---":
        for j in range(1, n):
            if lines[j].rstrip() in ("---", "..."):
                hole(0, starts[j] + len(lines[j]))
                # A title or summary written as a plain one-line value is prose a reader sees
                # (a full-width mark means nothing to YAML); keys, lists and quoted values stay.
                for k in range(1, j):
                    m = _PROSE_KEY.match(lines[k])
                    if m:
                        a = starts[k] + m.start("value")
                        view[a : starts[k] + len(lines[k])] = list(m.group("value"))
                        blocks.append(Block(a, starts[k] + len(lines[k]), k + 1))
                i = j + 1
                break
    block_start: int | None = None
    previous_blank = True

    def close(upto: int) -> None:
        nonlocal block_start
        if block_start is not None:
            a = starts[block_start]
            b = starts[upto - 1] + len(lines[upto - 1])
            blocks.append(Block(a, b, block_start + 1))
            block_start = None

    while i < n:
        ln = lines[i]
        a = starts[i]
        if not markdown:
            if ln.strip():
                if block_start is None:
                    block_start = i
                _inline(ln, a, hole, markdown=False)
            else:
                close(i)
            i += 1
            continue
        fence = _FENCE.match(ln)
        if fence:
            close(i)
            mark = fence.group(1)
            j = i + 1
            while j < n and not re.match(rf"^ {{0,3}}{re.escape(mark[0])}{{{len(mark)},}}\s*$", lines[j]):
                j += 1
            end = min(j, n - 1)
            hole(a, starts[end] + len(lines[end]))
            i = end + 1
            previous_blank = False
            continue
        if not ln.strip():
            close(i)
            previous_blank = True
            i += 1
            continue
        indented = ln.startswith(("    ", "\t"))
        if (indented and previous_blank and block_start is None) or _HTML_BLOCK.match(ln):
            # Indented code or an HTML block runs to the next blank line; a comment (CommonMark's
            # HTML block type 2) ends on the line holding its -->.
            close(i)
            j = i
            if ln.lstrip().startswith("<!--"):
                while j < n and "-->" not in lines[j]:
                    j += 1
                j = min(j + 1, n)
            else:
                while j < n and lines[j].strip():
                    j += 1
            hole(a, starts[j - 1] + len(lines[j - 1]))
            i = j
            previous_blank = False
            continue
        previous_blank = False
        if _REF_DEF.match(ln) or _CONTAINER.match(ln) or _TABLE_DELIM.match(ln) or _HR.match(ln):
            close(i)
            hole(a, a + len(ln))
            i += 1
            continue
        body = 0
        m = _FOOTNOTE_DEF.match(ln)
        if m:
            close(i)
            body = m.end()
        else:
            marker = _MARKER.match(ln)
            body = marker.end() if marker else 0
            if body and block_start is not None:
                close(i)  # a heading, list item or quote line starts its own block
        table_row = ln.lstrip().startswith("|")
        if table_row:
            close(i)
        caption = _CAPTION.match(ln, body)
        if caption:
            body = caption.end()
        hole(a, a + body)
        _inline(ln[body:], a + body, hole, markdown=True)
        if table_row:
            for k, ch in enumerate(ln):
                if ch == "|" and (k == 0 or ln[k - 1] != "\\"):
                    hole(a + k, a + k + 1)
            blocks.append(Block(a, a + len(ln), i + 1))
        elif block_start is None:
            block_start = i
        if ln.lstrip().startswith("#"):
            close(i + 1)
        i += 1
    close(n)
    return Prose(text, "".join(view), tuple(blocks), tuple(starts))


# Every inline construct above holds one of these; a line without any (most Chinese prose) is
# not scanned with the long pattern.
_MAYBE_SYNTAX = re.compile(r"[`<\[\]@{}\\*_~]|://|www\.")


def _inline(segment: str, offset: int, hole: object, *, markdown: bool) -> None:
    assert callable(hole)
    if not _MAYBE_SYNTAX.search(segment):
        return
    for m in _INLINE.finditer(segment):
        kind = m.lastgroup or ""
        if not markdown and kind not in ("url", "email", "autolink"):
            continue
        if kind == "ticks":
            kind = "code"
        hole(offset + m.start(), offset + m.end())
