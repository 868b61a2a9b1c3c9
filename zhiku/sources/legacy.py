"""The legacy text reader: one issue as the seed's text (a Word export) → model objects.

The legacy form is a plain text file: a masthead (name, date, column, contacts), a table of
contents with page numbers, then each article as ``【标题】``, its own 目录 list, a 正文
marker, headings ``一、…`` and ``1、…``, paragraphs separated by blank lines, and
``[Top](#)``; the end matter (重要声明, copyright, slogan, contacts) closes the file.

This module only cuts the text into blocks (runs of non-blank lines, each line already inline
Markdown); the rules that find the issue in them are :mod:`zhiku.sources.briefing`'s, shared
with the Word reader. Only here are page breaks undone (a text export splits paragraphs at
them) and ``- `` lines read as lists.
"""

from __future__ import annotations

from pathlib import Path

from zhiku.sources.briefing import (
    Join,
    LegacyIssue,
    TextBlock,
    assemble_issue,
    ends_sentence,
    require_name,
)

__all__ = ["Join", "LegacyIssue", "TextBlock", "ends_sentence", "parse_legacy", "split_blocks"]


def split_blocks(text: str) -> list[TextBlock]:
    """Runs of non-blank lines, each with the 1-based number of its first line."""
    blocks: list[TextBlock] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        # Word exports indent with spaces or full-width spaces and leave tabs before page
        # numbers; none of it is content.
        line = raw.strip(" \t\u3000")
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(TextBlock(tuple(current), start))
            current = []
    if current:
        blocks.append(TextBlock(tuple(current), start))
    return blocks


def parse_legacy(text: str, file: Path) -> LegacyIssue:
    """Parse the text of a legacy issue file; ``file`` is what SourceRefs and messages name."""
    legacy = assemble_issue(split_blocks(text), file, text_export=True)
    require_name(legacy.publication, file)
    return legacy
