"""Claims: every verifiable number relation in an issue, checked with the arithmetic shown."""

from zhiku.claims.engine import check_article, check_issue, check_paragraph, check_paths, check_text
from zhiku.claims.model import Finding, Verdict

__all__ = [
    "Finding",
    "Verdict",
    "check_article",
    "check_issue",
    "check_paragraph",
    "check_paths",
    "check_text",
]
