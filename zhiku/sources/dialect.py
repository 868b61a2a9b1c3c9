"""The one Markdown dialect zhiku reads, shared by the readers (blocks) and the renderers (inline).

markdown-it-py with CommonMark, pipe tables and strikethrough, and mdit-py-plugins' front matter,
footnotes (``正文[^1]`` … ``[^1]: 注释``), containers (``::: 要点`` … ``:::``), definition lists
and image attributes (``![图](a.png){width=60%}``); task lists stay off (``- [ ] x`` is a list
item whose text starts with ``[ ]``). Two small inline rules of our own, in markdown-it's rule
shape, read what no maintained plugin reads: citations ``[@key]`` / ``[@a; @b, 第5页]`` (token
``cite``) and cross-references ``@fig:key`` / ``@tbl:key`` (token ``xref``; ``[@fig:key]`` too).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

CALLOUT = "callout"  # the container's name: tokens container_callout_open / _close
XREF_KINDS = {"fig": "图", "tbl": "表"}

# A cross-reference stands in running Chinese text (见@fig:cpi所示), so its key is ASCII: the
# first character that is not ends it. A citation key is bracketed and may be any word.
_XREF_KEY = r"[A-Za-z0-9_][A-Za-z0-9_:.\-/]*"
_CITE_ITEM = re.compile(r"\s*@(?P<key>[^\s;；,，\]]+)\s*(?:[,，]\s*(?P<locator>[^;；\]]*?))?\s*$")
_XREF = re.compile(rf"@(?P<kind>fig|tbl):(?P<key>{_XREF_KEY})")
_ASCII_WORD = re.compile(r"[A-Za-z0-9_.\-+]")


def _strip_key(key: str) -> str:
    # A key written at the end of a sentence keeps no trailing full stop: 见@fig:cpi. → cpi
    return key.rstrip(".:/-")


def citation_rule(state: StateInline, silent: bool) -> bool:
    """``[@key]``, ``[@a; @b]``, ``[@key, 第5页]``: one token ``cite`` with ``meta["items"]`` a
    list of (key, locator). ``[@fig:key]`` is a cross-reference (token ``xref``)."""
    src = state.src
    pos = state.pos
    if not src.startswith("[@", pos):
        return False
    end = src.find("]", pos + 2)
    if end < 0:
        return False
    inner = src[pos + 1 : end]
    if "[" in inner or "\n" in inner:
        return False
    items: list[tuple[str, str]] = []
    for part in re.split(r"[;；]", inner):
        m = _CITE_ITEM.match(part)
        if m is None:
            return False
        items.append((_strip_key(m["key"]), (m["locator"] or "").strip()))
    if not silent:
        xrefs = [_XREF.fullmatch("@" + key) for key, _ in items]
        if len(items) == 1 and xrefs[0] is not None:
            token = state.push("xref", "", 0)
            token.meta = {"kind": xrefs[0]["kind"], "key": xrefs[0]["key"]}
        else:
            token = state.push("cite", "", 0)
            token.meta = {"items": items}
        token.content = src[pos : end + 1]
    state.pos = end + 1
    return True


def xref_rule(state: StateInline, silent: bool) -> bool:
    """``@fig:key`` / ``@tbl:key`` after a non-word character: token ``xref``."""
    src = state.src
    pos = state.pos
    if src[pos] != "@" or (pos > 0 and _ASCII_WORD.match(src[pos - 1])):
        return False  # an e-mail address (name@host) is text
    m = _XREF.match(src, pos)
    if m is None:
        return False
    key = _strip_key(m["key"])
    if not silent:
        token = state.push("xref", "", 0)
        token.meta = {"kind": m["kind"], "key": key}
        token.content = "@" + m["kind"] + ":" + key
    state.pos = pos + 1 + len(m["kind"]) + 1 + len(key)
    return True


def _any_callout(params: str, *args: Any) -> bool:
    # Every ::: block opens a callout; an unknown name is then a clear error in the reader,
    # instead of a paragraph of colons.
    return True


@functools.cache
def markdown_parser() -> MarkdownIt:
    """The parser (cached: building it costs milliseconds). Raw HTML is allowed (the renderers
    sanitise it); indented code blocks are off — editors indent first lines of paragraphs, and
    a briefing has no code, so four leading spaces must not turn prose into a code block."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("code")
    front_matter_plugin(md)
    # always_match_refs: a reference to a note that is not defined becomes a footnote_ref token
    # too, so the reader can name it as an error instead of printing "[^3]" as text.
    footnote_plugin(md, inline=False, move_to_end=False, always_match_refs=True)
    container_plugin(md, CALLOUT, validate=_any_callout)
    deflist_plugin(md)
    attrs_plugin(md, after=("image",))
    md.inline.ruler.before("link", "citation", citation_rule)
    md.inline.ruler.before("link", "xref", xref_rule)
    return md


def inline_tokens(md_text: str) -> list[Any]:
    """The inline tokens of one piece of inline Markdown (a paragraph, cell or item)."""
    tokens = markdown_parser().parseInline(md_text)
    return list(tokens[0].children or []) if tokens else []
