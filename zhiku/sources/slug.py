"""ASCII slugs for file names and URLs, from Chinese titles by their pinyin."""

from __future__ import annotations

import re
import unicodedata

MAX_SYLLABLES = 8
MAX_LENGTH = 48


def slugify(text: str, fallback: str = "article") -> str:
    """``中美元首会晤：中美关系…`` → ``zhong-mei-yuan-shou-hui-wu-zhong-mei``.

    Each Chinese character becomes its toneless pinyin syllable and each run of Latin letters
    or digits one word, lowercased, joined by hyphens; punctuation is dropped. Only the first
    eight words are kept, so a slug stays short enough for a file name and a URL, and the
    same title always gives the same slug.
    """
    # Imported here, not at module level: pypinyin's phrase tables cost ~0.2 s to load, and
    # most commands (build, check) read articles whose front matter already names the slug.
    from pypinyin import lazy_pinyin

    words: list[str] = []
    for part in lazy_pinyin(unicodedata.normalize("NFKC", text)):
        words.extend(w.lower() for w in re.findall(r"[A-Za-z0-9]+", part))
        if len(words) >= MAX_SYLLABLES:
            break
    slug = "-".join(words[:MAX_SYLLABLES])[:MAX_LENGTH].strip("-")
    return slug or fallback
