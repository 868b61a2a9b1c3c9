"""What a copy rule reports: a stretch of the source, what to write instead, and why."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters the rules treat as Chinese: CJK ideographs (with extension A and compatibility
# ideographs) and 〇.
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHAR = re.compile(f"[{HAN}]")
# Chinese punctuation that closes or opens a stretch of Chinese (GB/T 15834 marks, full width).
CJK_CLOSE = "，。、；：！？”’）》」』】〕〉…—"
CJK_OPEN = "“‘（《「『【〔〈"


def is_han(ch: str) -> bool:
    return bool(ch) and HAN_CHAR.match(ch) is not None


@dataclass(frozen=True)
class CopyIssue:
    """One copy problem at ``[start, end)`` of the source text.

    ``new`` replaces the span when fixed (``None``: no mechanical fix, only the advice in
    ``fix_zh``); ``safe`` fixes are the ones ``zhiku check --fix-copy`` applies — they change
    the writing, never a number's value.
    """

    relation: str
    start: int
    end: int
    new: str | None
    zh: str  # what is wrong, in Chinese
    en: str  # the same in English
    fix_zh: str = ""  # the advice when there is no mechanical fix
    safe: bool = True
