"""Sources: files on disk → model objects.

One reader per format — the Markdown publication folder and the legacy text of the seed —
and the one place text encodings are detected (:func:`read_text`).

The names below are loaded on first use (PEP 562), not when ``zhiku.sources`` is imported:
reading a publication must not pay for the legacy-text importer, and ``zhiku --help`` for
neither. ``from zhiku.sources import read_publication`` works as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhiku.lazy import lazy_names

if TYPE_CHECKING:
    from zhiku.sources.importer import ImportReport, content, import_legacy
    from zhiku.sources.inline import inline_to_plain
    from zhiku.sources.legacy import Join, LegacyIssue, parse_legacy
    from zhiku.sources.markdown import parse_article, read_article
    from zhiku.sources.publication import read_issue, read_publication
    from zhiku.sources.text import read_text

# Public name → the submodule that defines it.
_WHERE = {
    "ImportReport": "importer",
    "content": "importer",
    "import_legacy": "importer",
    "inline_to_plain": "inline",
    "Join": "legacy",
    "LegacyIssue": "legacy",
    "parse_legacy": "legacy",
    "parse_article": "markdown",
    "read_article": "markdown",
    "read_issue": "publication",
    "read_publication": "publication",
    "read_text": "text",
}

__all__ = [
    "ImportReport",
    "Join",
    "LegacyIssue",
    "content",
    "import_legacy",
    "inline_to_plain",
    "parse_article",
    "parse_legacy",
    "read_article",
    "read_issue",
    "read_publication",
    "read_text",
]


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals())
