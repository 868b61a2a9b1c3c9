"""``copy_cjk_spacing``: spaces between Chinese and Latin letters or digits, one way per article.

Two house styles are in use: Chinese official and print style writes ``2021年``, ``CPI增速``
with no space (the typesetter — Typst, a browser's ``text-autospace`` — adds the small gap
itself), while many web style guides (and autocorrect) type a space: ``2021 年``, ``CPI 增速``.
Either is defensible; mixing them in one article (``2020 年底`` beside ``2021年``) is not.

``cjk_spacing`` in ``zhiku.yml`` (``copy:`` section) chooses: ``none`` (no spaces),
``space`` (autocorrect's rules decide where a space goes), or ``consistent`` (the default):
the style the article itself uses at most of its boundaries, no spaces on a tie. Spaces next
to syntax (a link, inline code, a footnote marker) are never counted or changed, and neither
are spaces between two words of English.
"""

from __future__ import annotations

import re
from typing import Literal

from zhiku.claims.copy.autocorrect import autocorrect_edits
from zhiku.claims.copy.issue import CJK_CLOSE, CJK_OPEN, HAN, CopyIssue
from zhiku.claims.copy.prose import Prose

RELATION = "copy_cjk_spacing"
SpacingStyle = Literal["none", "space", "consistent"]

# A Chinese character and a Latin letter or digit (a number may end in %), with or without
# spaces between. ASCII spaces and no-break spaces count as typed spaces.
_BOUNDARY = re.compile(
    rf"(?<=[{HAN}])(?P<s1>[ \u00a0]*)(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])(?P<s2>[ \u00a0]*)(?=[{HAN}])"
)
_AROUND_FULL = re.compile(
    rf"(?<=[{HAN}A-Za-z0-9%])[ \u00a0]+(?=[{CJK_CLOSE}{CJK_OPEN}])|"
    rf"(?<=[{CJK_CLOSE}{CJK_OPEN}])[ \u00a0]+(?=[{HAN}A-Za-z0-9])"
)


def boundaries(prose: Prose) -> list[tuple[int, int]]:
    """Every Chinese–Latin/digit boundary in the prose: (start, end) of the spaces at it."""
    out = []
    for m in _BOUNDARY.finditer(prose.view):
        out.append((m.start(), m.end()))
    return out


def article_style(found: list[tuple[int, int]]) -> Literal["none", "space"]:
    spaced = sum(1 for a, b in found if b > a)
    return "space" if spaced > len(found) - spaced else "none"


def check(prose: Prose, style: SpacingStyle = "consistent") -> list[CopyIssue]:
    found = boundaries(prose)
    chosen = article_style(found) if style == "consistent" else style
    out: list[CopyIssue] = []
    if chosen == "space":
        for e in autocorrect_edits(prose, "space"):
            if e.new.strip() or e.start != e.end:
                continue  # only spaces added
            out.append(
                CopyIssue(
                    RELATION,
                    e.start,
                    e.end,
                    " ",
                    _why("中文与字母、数字之间应加空格", style),
                    _why_en("put a space between Chinese and Latin letters or digits", style),
                )
            )
    else:
        for a, b in found:
            if b > a:
                out.append(
                    CopyIssue(
                        RELATION,
                        a,
                        b,
                        "",
                        _why("中文与字母、数字之间不加空格", style),
                        _why_en("no space between Chinese and Latin letters or digits", style),
                    )
                )
    # Spaces next to a full-width mark are never wanted (GB/T 15834: the mark carries its own space).
    for m in _AROUND_FULL.finditer(prose.view):
        out.append(
            CopyIssue(
                RELATION,
                m.start(),
                m.end(),
                "",
                "全角标点前后不加空格",
                "no space next to a full-width punctuation mark",
            )
        )
    return out


def _why(zh: str, style: SpacingStyle) -> str:
    if style == "consistent":
        return f"{zh}（与本文多数写法一致）"
    return f"{zh}（本出版物体例）"


def _why_en(en: str, style: SpacingStyle) -> str:
    if style == "consistent":
        return f"{en} (as most of this article does)"
    return f"{en} (the publication's house style)"
