"""Sources: files on disk → model objects.

One reader per format — the Markdown publication folder and the legacy text of the seed —
and the one place text encodings are detected (:func:`read_text`).
"""

from zhiku.sources.importer import ImportReport, content, import_legacy
from zhiku.sources.inline import inline_to_plain
from zhiku.sources.legacy import Join, LegacyIssue, parse_legacy
from zhiku.sources.markdown import parse_article, read_article
from zhiku.sources.publication import read_issue, read_publication
from zhiku.sources.text import read_text

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
