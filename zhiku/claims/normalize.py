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

INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")


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


def to_source(p: Passage, a: int, b: int) -> tuple[int, int]:
    """Offsets in the cleaned passage → offsets in the source text."""
    if not p.kept:
        return a, b
    start = p.kept[a] if a < len(p.kept) else len(p.original)
    end = p.kept[b - 1] + 1 if 0 < b <= len(p.kept) else start
    return start, end
