"""Claims: every verifiable number relation in an issue, checked with the arithmetic shown.

The names below are loaded on first use (PEP 562), not when ``zhiku.claims`` is imported:
reading a finding (``zhiku.claims.model``) must not pay for the claim engine's rules and
their patterns (0.07 s in a fresh process), which a build whose check ran in another process
(``zhiku.site.checkfork``) never needs. ``from zhiku.claims import check_issue`` works as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhiku.lazy import lazy_names

if TYPE_CHECKING:
    from zhiku.claims.engine import check_article, check_document, check_issue, check_paths, check_text
    from zhiku.claims.model import Finding, Input, Verdict

# Public name → the submodule that defines it.
_WHERE = {
    "check_article": "engine",
    "check_document": "engine",
    "check_issue": "engine",
    "check_paths": "engine",
    "check_text": "engine",
    "Finding": "model",
    "Input": "model",
    "Verdict": "model",
}

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


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals())
