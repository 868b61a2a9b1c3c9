"""autocorrect (``autocorrect_py``) as a source of edits on an article's prose.

autocorrect formats a string; the copy check needs *where* and *what*, so each block's prose
(syntax holed out, see ``prose.py``) is formatted and compared with itself: every difference is
one edit. An edit that would touch a protected character is dropped — autocorrect's own Markdown
reader rewrites YAML front matter and HTML comments, so it is only ever given prose.

Its configuration is one global in the library; ``_configure`` switches it only when the set of
rules changes (a fraction of a millisecond).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from zhiku.claims.copy.prose import HOLE, Prose

Mode = Literal["width", "space"]

_ALL_RULES = [
    "space-word",
    "space-punctuation",
    "space-bracket",
    "space-backticks",
    "space-dash",
    "space-dollar",
    "fullwidth",
    "no-space-fullwidth",
    "no-space-fullwidth-quote",
    "halfwidth-word",
    "halfwidth-punctuation",
    "spellcheck",
]
_MODES: dict[Mode, tuple[str, ...]] = {
    # full-width marks after Chinese, no spaces around them, full-width letters and digits halved
    "width": ("fullwidth", "no-space-fullwidth", "halfwidth-word"),
    # a space between Chinese and Latin letters or digits (the "space" house style)
    "space": ("space-word",),
}
_current: Mode | None = None


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    new: str


def _configure(mode: Mode) -> None:
    global _current
    if _current == mode:
        return
    import autocorrect_py

    rules = {name: (1 if name in _MODES[mode] else 0) for name in _ALL_RULES}
    autocorrect_py.load_config(json.dumps({"rules": rules}))  # type: ignore[attr-defined]
    _current = mode


def autocorrect_edits(prose: Prose, mode: Mode) -> list[Edit]:
    """Every change autocorrect would make to the prose of ``prose`` under ``mode``."""
    import autocorrect_py

    _configure(mode)
    out: list[Edit] = []
    for block in prose.blocks:
        for a, segment in _lines(prose.view, block.start, block.end):
            if not segment.strip(HOLE + " "):
                continue
            formatted = autocorrect_py.format(segment)
            if formatted == segment:
                continue
            matcher = SequenceMatcher(None, segment, formatted, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag == "equal":
                    continue
                lo, hi = max(0, i1 - 1), min(len(segment), i2 + 1)
                if HOLE in segment[lo:hi] or HOLE in formatted[j1:j2]:
                    continue
                out.append(Edit(a + i1, a + i2, formatted[j1:j2]))
    return out


def _lines(view: str, start: int, end: int) -> list[tuple[int, str]]:
    out = []
    a = start
    for piece in view[start:end].split("\n"):
        out.append((a, piece))
        a += len(piece) + 1
    return out
