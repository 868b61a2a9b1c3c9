"""Whether a string of Chinese characters is a word, for the doubled-word rule: jieba's dictionary.

The rule asks only about words next to a function character (目的|的, 的|的确, 不了了之), so
of the 349,000 words in the dictionary that ships inside the jieba package it keeps those: the
two-character words that start or end with one of the characters asked about, and the three-
and four-character words that hold one doubled. Reading the whole dictionary takes about half
a second, so the subset (about 3,000 words, 20 KB) is written once to zhiku's cache folder,
keyed by jieba's version and the characters, and read from there afterwards (well under a
millisecond) — the copy check must stay a small part of ``zhiku check``'s time
(``bench/copycheck.py``). Only the dictionary is used, not jieba's segmenter.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
from pathlib import Path


def _dictionary() -> Path | None:
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "dict.txt"
    return path if path.is_file() else None


def _subset(path: Path, chars: frozenset[str]) -> list[str]:
    out: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            w = line.split(" ", 1)[0]
            n = len(w)
            if (n == 2 and (w[0] in chars or w[1] in chars)) or (
                3 <= n <= 4 and any(c + c in w for c in chars)
            ):
                out.append(w)
    return out


@functools.cache
def words_near(chars: frozenset[str]) -> frozenset[str]:
    """The dictionary's words that touch ``chars`` (see the module's docstring)."""
    path = _dictionary()
    if path is None:
        return frozenset()
    from zhiku.data.store import cache_dir
    from zhiku.distversion import installed_version
    from zhiku.errors import ZhikuError
    from zhiku.fsutil import atomic_write_text

    version = installed_version("jieba", "jieba") or "unknown"
    key = hashlib.sha256(("".join(sorted(chars)) + version).encode()).hexdigest()[:16]
    try:
        cached = cache_dir() / f"lexicon-{key}.txt"
    except ZhikuError:
        return frozenset(_subset(path, chars))
    if cached.is_file():
        return frozenset(cached.read_text(encoding="utf-8").split("\n"))
    found = _subset(path, chars)
    with contextlib.suppress(OSError):  # a read-only cache: read the dictionary again next time
        atomic_write_text(cached, "\n".join(found))
    return frozenset(found)


def is_word(s: str, near: frozenset[str]) -> bool:
    """Whether ``s`` is a dictionary word; answered for words touching a character of ``near``."""
    return s in words_near(near)
