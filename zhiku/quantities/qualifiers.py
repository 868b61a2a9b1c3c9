"""The one qualifier table: the words around a number that say how it is meant.

Each word maps to a qualifier and to whether the bound includes the number itself. Legal and
statistical Chinese fixes the inclusive readings: 以上、以下、以内 include the number (刑法第九十九条:
"本法所称以上、以下、以内，包括本数"), 不满 and 超过 do not. Negation is read with its verb:
不超过/不高于/不多于/不大于 are ceilings, 不低于/不少于/不小于 floors — the whole word is matched
before its tail (低于), so 不低于6.5% is never read as "below 6.5%". docs/quantities.md has the table.

约合 and 折合 are not here: they introduce a conversion (the claims checker reads them as the relation's
word), and the converted amount is as exact as its digits.

Words are matched backwards from the number (a reversed pattern over a short window), allowing
spaces between their characters: text extracted from PDFs often letter-spaces (小于 或 等于100).
"""

from __future__ import annotations

import re

from zhiku.quantities.model import Qualifier

# (word, qualifier, the bound includes the number)
PREFIX_WORDS: tuple[tuple[str, Qualifier, bool], ...] = (
    # floors
    ("大于或者等于", "over", True),
    ("大于或等于", "over", True),
    ("大于等于", "over", True),
    ("不低于", "over", True),
    ("不少于", "over", True),
    ("不小于", "over", True),
    ("不下于", "over", True),
    ("至少", "over", True),
    ("最少", "over", True),
    ("起码", "over", True),
    ("最低", "over", True),
    ("突破", "over", True),
    # 登上5500万吨新台阶, 迈上千亿元台阶, 站上3000点: reached a level, at least the number
    ("登上", "over", True),
    ("迈上", "over", True),
    ("站上", "over", True),
    ("跨上", "over", True),
    (">=", "over", True),
    ("≥", "over", True),
    ("超过", "over", False),
    ("超出", "over", False),
    ("高于", "over", False),
    ("多于", "over", False),
    ("大于", "over", False),
    ("逾", "over", False),
    ("超", "over", False),
    ("破", "over", True),
    ("过", "over", False),
    (">", "over", False),
    # ceilings
    ("小于或者等于", "under", True),
    ("小于或等于", "under", True),
    ("小于等于", "under", True),
    ("不超过", "under", True),
    ("不超出", "under", True),
    ("不高于", "under", True),
    ("不多于", "under", True),
    ("不大于", "under", True),
    ("最多", "under", True),
    ("至多", "under", True),
    ("顶多", "under", True),
    ("最高", "under", True),
    ("<=", "under", True),
    ("≤", "under", True),
    # 跌破8米, 跌穿: broke through downwards, below the number (破 alone is upwards: 破万)
    ("跌破", "under", False),
    ("跌穿", "under", False),
    ("不足", "under", False),
    ("不到", "under", False),
    ("不满", "under", False),
    ("未满", "under", False),
    ("未达", "under", False),
    ("低于", "under", False),
    ("少于", "under", False),
    ("小于", "under", False),
    ("<", "under", False),
    # near: just below
    ("将近", "near", True),
    ("接近", "near", True),
    ("逼近", "near", True),
    ("几近", "near", True),
    ("近", "near", True),
    # about
    ("大约", "approx", True),
    ("大概", "approx", True),
    ("大致", "approx", True),
    ("约为", "approx", True),
    ("约", "approx", True),
    # equality stated as a comparison
    ("等于", "exact", True),
    ("=", "exact", True),
)
# A particle may stand between the word and the number: 超过了80, 至少有10, 最多为5, 至少是3.
PARTICLES = "了是有为达"

SUFFIX_WORDS: tuple[tuple[str, Qualifier, bool], ...] = (
    ("或者以上", "over", True),
    ("或以上", "over", True),
    ("及以上", "over", True),
    ("以上", "over", True),
    ("或者更多", "over", True),
    ("或更多", "over", True),
    ("之上", "over", False),
    ("或者以下", "under", True),
    ("或以下", "under", True),
    ("及以下", "under", True),
    ("以下", "under", True),
    ("以内", "under", True),
    ("之内", "under", True),
    ("或者更少", "under", True),
    ("或更少", "under", True),
    ("之下", "under", False),
    ("左右", "approx", True),
    ("上下", "approx", True),
    ("有余", "more", False),
    ("开外", "more", False),
    ("出头", "more", False),
    ("之多", "exact", True),
)

# Words ending in a qualifier's characters that are not qualifiers before a number:
# 最近3年 / 附近 (recent, nearby), 打破 (a record), 赶超, 经过/通过/不过 (过 as an aspect marker).
NOT_QUALIFIER_BEFORE = {"近": "最附邻靠临亲", "破": "打", "超": "赶"}
# 过 means "exceeds" only as the predicate of a measure noun (占比过20, 人均过万, 规模过亿) or before a
# round magnitude (过千亿, 过万, 过半); after a verb it marks experience (去过5个国家, 经过3年).
GUO_AFTER = "比率额量值数均重模入"

_SP = "[ \t\u00a0]{0,2}"
_NO_SPACE = str.maketrans("", "", " \t\u00a0")


def _reversed_pattern(words: tuple[tuple[str, Qualifier, bool], ...]) -> str:
    # (longest first; then by the words, so that the pattern is the same in every process)
    alts = sorted({w for w, _, _ in words}, key=lambda w: (-len(w), w))
    return "|".join(_SP.join(re.escape(c) for c in reversed(w)) for w in alts)


_PREFIX_RE = re.compile(rf"[ \t\u00a0]{{0,3}}(?:[{PARTICLES}]{_SP})?(?P<w>{_reversed_pattern(PREFIX_WORDS)})")
_PREFIX = {w: (q, inc) for w, q, inc in PREFIX_WORDS}
_PREFIX_LAST = frozenset(w[-1] for w, _, _ in PREFIX_WORDS)  # next to the number (or to its particle)
_ADVERB_CHARS = frozenset("少码多")
WINDOW = 16
# Adverbs that bound the predicate they stand before: 至少新增3万个, 最多可申请30万元, 起码需要6个月.
# Up to three characters of verb may stand between (never 的, punctuation or a number).
ADVERBS = ("至少", "最少", "起码", "最多", "至多", "顶多")
_VERB_CHAR = r"[^\W\d_的得地是了之一二三四五六七八九十百千万亿两]"
_ADVERB_RE = re.compile(rf"[ \t\u00a0]{{0,3}}{_VERB_CHAR}{{1,3}}(?P<w>{'|'.join(w[::-1] for w in ADVERBS)})")


def prefix_at(norm: str, start: int) -> tuple[str, Qualifier, bool, int] | None:
    """The qualifier word written before ``start``: (word, qualifier, inclusive, where it begins)."""
    lo = max(0, start - WINDOW)
    window = norm[lo:start][::-1]
    # Most numbers have no qualifier: look at the one character that would end one before matching.
    first = window.lstrip(" \t\u00a0")[:2]
    if not first or (first[0] not in _PREFIX_LAST and first[-1] not in _PREFIX_LAST):
        if not _ADVERB_CHARS.intersection(window):
            return None
        m = _ADVERB_RE.match(window)
    else:
        m = _PREFIX_RE.match(window) or _ADVERB_RE.match(window)
    if m is None:
        return None
    word = m.group("w").translate(_NO_SPACE)[::-1]
    begin = start - m.end()
    excluded = NOT_QUALIFIER_BEFORE.get(word)
    if excluded and begin > 0 and norm[begin - 1] in excluded:
        return None
    qual, inclusive = _PREFIX[word]
    return word, qual, inclusive, begin


_SUFFIX_ALTS = "|".join(
    _SP.join(re.escape(c) for c in w) for w in sorted({w for w, _, _ in SUFFIX_WORDS}, key=len, reverse=True)
)
SUFFIX_RE = re.compile(rf"[ \t\u00a0]{{0,3}}(?P<w>{_SUFFIX_ALTS})(?!游|班|级|文|线|限|楼|车|午|半|一代)")
_SUFFIX = {w: (q, inc) for w, q, inc in SUFFIX_WORDS}


def suffix_at(norm: str, end: int) -> tuple[str, Qualifier, bool, int] | None:
    """The qualifier word written right after ``end``: (word, qualifier, inclusive, where it ends)."""
    m = SUFFIX_RE.match(norm, end)
    if m is None:
        return None
    word = m.group("w").translate(_NO_SPACE)
    qual, inclusive = _SUFFIX[word]
    return word, qual, inclusive, m.end()
