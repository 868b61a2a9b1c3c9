"""Invisible characters out before numbers are read, with a map back to the source.

A zero-width space or a soft hyphen inside a number (``9\\u200b31%``) makes the number unreadable
to the quantity reader — and so hides a wrong figure from the check — while a reader sees ``931%``.
Format characters (U+200B–U+200F, U+2060, U+FEFF, U+00AD) are therefore removed from every passage
before its quantities are read; each passage keeps the offsets of its kept characters so that a
finding's spans are cut from the source as written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from zhiku.claims.document import Document, Passage, TableView
from zhiku.claims.model import Finding

INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
INVISIBLE_RELATION = "copy_invisible"
_NAMES = {
    "\u200b": "零宽空格 ZERO WIDTH SPACE",
    "\u200c": "零宽非连接符 ZERO WIDTH NON-JOINER",
    "\u200d": "零宽连接符 ZERO WIDTH JOINER",
    "\u200e": "从左至右标记 LEFT-TO-RIGHT MARK",
    "\u200f": "从右至左标记 RIGHT-TO-LEFT MARK",
    "\u2060": "字连接符 WORD JOINER",
    "\ufeff": "零宽不换行空格 ZERO WIDTH NO-BREAK SPACE (BOM)",
    "\u00ad": "软连字符 SOFT HYPHEN",
}


def clean(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` without invisible characters, and for each kept character its offset in ``text``."""
    if not INVISIBLE.search(text):
        return text, ()
    kept = [i for i, ch in enumerate(text) if not INVISIBLE.match(ch)]
    return "".join(text[i] for i in kept), tuple(kept)


def normalize(doc: Document) -> Document:
    passages: list[Passage] = []
    changed = False
    for p in doc.passages:
        text, kept = clean(p.text)
        if kept:
            changed = True
            passages.append(replace(p, text=text, original=p.text, kept=kept))
        else:
            passages.append(p)
    tables: list[TableView] = []
    for t in doc.tables:
        rows = tuple(tuple(clean(c)[0] for c in row) for row in t.rows)
        header = tuple(clean(c)[0] for c in t.header)
        if rows != t.rows or header != t.header:
            changed = True
            tables.append(replace(t, rows=rows, header=header))
        else:
            tables.append(t)
    if not changed:
        return doc
    return replace(doc, passages=tuple(passages), tables=tuple(tables))


def invisible_characters(doc: Document) -> list[Finding]:
    """A copy finding for every passage holding invisible characters, spanning the word around each."""
    out: list[Finding] = []
    for p in doc.passages:
        if not p.kept:
            continue
        spans: list[tuple[int, int]] = []
        names: list[str] = []
        for m in INVISIBLE.finditer(p.original):
            a, b = max(0, m.start() - 3), min(len(p.original), m.end() + 3)
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
            names.append(_NAMES.get(m.group(0), f"U+{ord(m.group(0)):04X}"))
        shown = "、".join(sorted(set(names)))
        out.append(
            Finding(
                file=doc.file,
                line=p.line,
                relation=INVISIBLE_RELATION,
                verdict="copy",  # a copy finding: gated with the copy check, not the numbers
                text=p.original,
                spans=tuple(p.original[a:b] for a, b in spans),
                stated=f"{len(names)}个不可见字符 / {len(names)} invisible characters",
                computed="删除 / remove",
                evidence=(
                    f"文中有看不见的字符（{shown}），读者看到的数字与文件中的不同，核查时已忽略它们；"
                    "请删除 / invisible characters make the text differ from what a reader sees: remove them"
                ),
                span_offsets=tuple(spans),
                article=doc.slug,
            )
        )
    return out


def to_source(p: Passage, a: int, b: int) -> tuple[int, int]:
    """Offsets in the cleaned passage → offsets in the source text."""
    if not p.kept:
        return a, b
    start = p.kept[a] if a < len(p.kept) else len(p.original)
    end = p.kept[b - 1] + 1 if 0 < b <= len(p.kept) else start
    return start, end
