"""Whether a string of Chinese characters is a word: jieba's dictionary, read only when asked.

The doubled-word rule needs word knowledge at a handful of places per article (a doubled 的
may be 目的 + 的, or 的 + 的确), so the 349,000-word dictionary that ships inside the jieba package
is read into a set the first time it is needed (about 0.3 s) and never for an article without
a candidate. Only the dictionary is used, not jieba's segmenter: a word list answers "is XY a
word", which is all the rule asks.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path


@functools.cache
def _words() -> frozenset[str]:
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "dict.txt"
    if not path.is_file():
        return frozenset()
    with path.open(encoding="utf-8") as fh:
        return frozenset(line.split(" ", 1)[0] for line in fh)


def is_word(s: str) -> bool:
    return s in _words()
