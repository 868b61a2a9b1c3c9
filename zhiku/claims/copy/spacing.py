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
from zhiku.claims.copy.issue import CJK_CLOSE, CJK_OPEN, CopyIssue, is_han
from zhiku.claims.copy.prose import Prose

RELATION = "copy_cjk_spacing"
SpacingStyle = Literal["none", "space", "consistent"]

# A run of Latin letters and digits (a number may end in %), and the spaces typed around it:
# its two ends are the boundaries with Chinese. Found run by run (numbers and words are few in
# Chinese prose) rather than by a look-behind tried at every character.
_ALNUM = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.%]*[A-Za-z0-9%])?")
_SPACES = " \u00a0"
_FULL_MARKS = CJK_CLOSE + CJK_OPEN
_SPACE_RUN = re.compile("[ \u00a0]+")


def boundaries(prose: Prose) -> list[tuple[int, int]]:
    """Every Chinese–Latin/digit boundary in the prose: (start, end) of the spaces at it."""
    view = prose.view
    out = []
    for m in _ALNUM.finditer(view):
        a = m.start()
        while a > 0 and view[a - 1] in _SPACES:
            a -= 1
        if a > 0 and is_han(view[a - 1]):
            out.append((a, m.start()))
        b = m.end()
        while b < len(view) and view[b] in _SPACES:
            b += 1
        if b < len(view) and is_han(view[b]):
            out.append((m.end(), b))
    return out


def _word(c: str) -> bool:
    return bool(c) and (is_han(c) or (c.isascii() and (c.isalnum() or c == "%")))


def _spaces_by_full_marks(view: str) -> list[tuple[int, int]]:
    """Spaces between a full-width mark and Chinese, Latin or digits (either order)."""
    out = []
    for m in _SPACE_RUN.finditer(view):
        a, b = m.start(), m.end()
        before = view[a - 1] if a else ""
        after = view[b] if b < len(view) else ""
        if (_word(before) and after and after in _FULL_MARKS) or (
            before and before in _FULL_MARKS and _word(after)
        ):
            out.append((a, b))
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
    for a, b in _spaces_by_full_marks(prose.view):
        out.append(
            CopyIssue(
                RELATION,
                a,
                b,
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
