"""``copy_doubled``: a character, word or mark typed twice — told apart from reduplication.

Chinese doubles words on purpose, and a checker must leave that alone. What may double is the
*content* morpheme: verbs (看看, 想想, V一V 看一看, ABAB 研究研究), adjectives and adverbs (好好,
常常, 渐渐, AABB 清清楚楚, 认认真真), classifiers and time nouns meaning "every" (人人, 个个, 层层,
天天, 年年, 一一), kinship and baby words (妈妈, 谢谢). What never doubles is the closed class of
grammatical morphemes — structural particles (的, 地, 得, 之), aspect particles (了, 着), the
copula 是, prepositions (在, 从, 对, 把, 被, 向, 于, 与, 以, 由, 给, 为), conjunctions (和, 及, 或, 而,
并, 但), 其, 该 and the ordinal prefix 第 — and the closed class of pronouns and conjunctions
(我们, 他们, 这些, 但是, 因为 …). So:

1. two identical function characters in a row are a slip, unless the pair straddles a word
   boundary (目的|的, 现在|在, 为了|了解, 的|的确 — told by a dictionary, ``lexicon.py``), is part
   of an AABB form (是是非非, 的的确确) or of a listed word or idiom (不了了之);
2. a pronoun or conjunction typed twice (我们我们), or any run of three or more characters typed
   twice (八年来八年来), is a slip — no Chinese reduplication repeats three syllables;
3. a time unit repeated after a duration and its postposition, with nothing after it but the
   end of the clause (八年来年，), is a leftover of an edit: ``N年来`` is complete, and the second
   年 cannot start a word there (年均, 年底 and 年年 after it are words, and are left alone);
4. a comma, enumeration comma, semicolon, colon or full stop typed twice (，，).
A doubled noun or verb (发展发展) cannot be told from reduplication without parts of speech and
is not reported: a miss costs less than a false alarm.
"""

from __future__ import annotations

import re

from zhiku.claims.copy import lexicon
from zhiku.claims.copy.issue import HAN, CopyIssue, is_han
from zhiku.claims.copy.prose import Prose

RELATION = "copy_doubled"

FUNCTION = frozenset("的地得之了着是在从对把被向于与以由给为和及或而并但其该第")
CLOSED_WORDS = frozenset(
    [
        "我们",
        "你们",
        "他们",
        "她们",
        "它们",
        "咱们",
        "我国",
        "这个",
        "那个",
        "这些",
        "那些",
        "这种",
        "那种",
        "其中",
        "以及",
        "并且",
        "而且",
        "但是",
        "可是",
        "然而",
        "因为",
        "所以",
        "因此",
        "如果",
        "虽然",
        "或者",
        "还是",
        "不仅",
        "即使",
        "尽管",
        "由于",
        "对于",
        "关于",
    ]
)
_FUNCTION_PAIR = re.compile(r"([的地得之了着是在从对把被向于与以由给为和及或而并但其该第])\1")
_REPEAT = re.compile(rf"([{HAN}]{{2,8}}?)\1")
_NUMERAL = "0-9零〇一二两三四五六七八九十百千几多数近"
_STRANDED = re.compile(
    rf"(?<=[{_NUMERAL}])(?P<unit>[年月日天周])(?:以来|来|间|内|中|里)(?P=unit)(?=[，,。；;：:！!？?、\s]|$)"
)
_MARKS = re.compile(r"([，、；：])\1+|(?<!。)。。(?!。)")


def check(prose: Prose) -> list[CopyIssue]:
    view = prose.view
    out: list[CopyIssue] = []
    taken: set[int] = set()
    for m in _STRANDED.finditer(view):
        a = m.end() - 1
        words = view[m.start() - 1 : m.end()]
        out.append(
            CopyIssue(
                RELATION,
                a,
                m.end(),
                "",
                f"“{words}”多了一个“{m.group('unit')}”（时段“{words[:-1]}”已完整）",
                f"'{words}' has one '{m.group('unit')}' too many: the duration is complete without it",
            )
        )
        taken.add(a)
    for m in _FUNCTION_PAIR.finditer(view):
        a = m.start()
        if a + 1 in taken or not _slip(view, a):
            continue
        x = m.group(1)
        out.append(
            CopyIssue(
                RELATION,
                a + 1,
                a + 2,
                "",
                f"“{x}{x}”重复：虚词“{x}”不重叠",
                f"'{x}' typed twice: a function word does not reduplicate",
            )
        )
        taken.add(a + 1)
    for m in _REPEAT.finditer(view):
        unit = m.group(1)
        if len(set(unit)) == 1 or any(i in taken for i in range(m.start(), m.end())):
            continue
        if len(unit) == 2 and unit not in CLOSED_WORDS:
            continue  # ABAB: verbs and adjectives reduplicate so (研究研究, 雪白雪白)
        a = m.start() + len(unit)
        out.append(
            CopyIssue(
                RELATION,
                a,
                m.end(),
                "",
                f"“{unit}”连写了两遍",
                f"'{unit}' is written twice in a row",
            )
        )
    for m in _MARKS.finditer(view):
        mark = m.group(0)[0]
        out.append(
            CopyIssue(
                RELATION,
                m.start() + 1,
                m.end(),
                "",
                f"标点「{mark}」重复",
                f"the mark '{mark}' is typed twice",
            )
        )
    return out


def _slip(view: str, a: int) -> bool:
    """Whether the doubled function character at ``a``, ``a + 1`` is a slip."""
    x = view[a]
    before = view[a - 1] if a > 0 else ""
    after = view[a + 2] if a + 2 < len(view) else ""
    after2 = view[a + 3] if a + 3 < len(view) else ""
    before2 = view[a - 2] if a > 1 else ""
    if after and after == after2 and is_han(after):
        return False  # AABB: 是是非非, 的的确确
    if before and before == before2 and is_han(before):
        return False  # BBAA
    if is_han(before) and lexicon.is_word(before + x, FUNCTION):
        return False  # 目的|的, 现在|在, 为了|了解
    if is_han(after) and lexicon.is_word(x + after, FUNCTION):
        return False  # 的|的确, 在|在线, 与|与会
    window = view[max(0, a - 2) : a + 4]
    for size in (3, 4):
        for i in range(len(window) - size + 1):
            piece = window[i : i + size]
            if x + x in piece and lexicon.is_word(piece, FUNCTION):
                return False  # 不了了之, 比比皆是
    return True
