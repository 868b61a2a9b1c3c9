"""Claims: every verifiable number relation in an issue, checked with the arithmetic shown."""

from zhiku.claims.engine import check_article, check_document, check_issue, check_paths, check_text
from zhiku.claims.model import Finding, Input, Verdict

__all__ = [
    "Finding",
    "Input",
    "Verdict",
    "check_article",
    "check_document",
    "check_issue",
    "check_paths",
    "check_text",
]
