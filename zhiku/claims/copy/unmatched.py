"""``copy_unmatched``: a quotation mark, title mark or bracket opened and never closed (or the
reverse), within one paragraph, list item or table row.

Pairs (GB/T 15834-2011): “” ‘’ 《》 〈〉 （） 【】 〔〕 「」 『』 and the half-width () of prose. They
nest, so the marks are matched on a stack. One exception from the standard (§4.1.3.4 of GB/T
15834-2011): a quotation running over several paragraphs opens each paragraph with “ and
closes only in the last, so an opening “ left open at the end of a paragraph is not reported
when the next paragraph starts with “.

There is no mechanical fix — where the closing mark belongs is the writer's decision — so a
finding names the mark and where the quotation starts, and ``--fix-copy`` leaves it.
"""

from __future__ import annotations

import re

from zhiku.claims.copy.issue import CopyIssue
from zhiku.claims.copy.prose import HOLE, Block, Prose

RELATION = "copy_unmatched"

PAIRS = dict(zip("“‘《〈（【〔「『(", "”’》〉）】〕」』)", strict=True))
CLOSERS = {v: k for k, v in PAIRS.items()}
_MARKS = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")
_NAMES = {
    "“": ("双引号", "double quotation mark"),
    "‘": ("单引号", "single quotation mark"),
    "《": ("书名号", "title mark"),
    "〈": ("书名号", "title mark"),
    "（": ("括号", "bracket"),
    "(": ("括号", "bracket"),
    "【": ("方头括号", "bracket"),
    "〔": ("六角括号", "bracket"),
    "「": ("引号", "quotation mark"),
    "『": ("引号", "quotation mark"),
}


def check(prose: Prose) -> list[CopyIssue]:
    out: list[CopyIssue] = []
    view = prose.view
    blocks = prose.blocks
    for k, block in enumerate(blocks):
        stack: list[int] = []
        for m in _MARKS.finditer(view, block.start, block.end):
            i = m.start()
            ch = view[i]
            if ch in PAIRS:
                stack.append(i)
            elif ch in CLOSERS:
                opener = CLOSERS[ch]
                # Close the nearest matching opener; openers above it are left unclosed.
                for j in range(len(stack) - 1, -1, -1):
                    if view[stack[j]] == opener:
                        for left in stack[j + 1 :]:
                            out.append(_open(prose, left))
                        del stack[j:]
                        break
                else:
                    if ch != ")" or _prose_bracket(view, i):
                        out.append(_closed(prose, i))
        continues = _next_starts_with_quote(view, blocks, k)
        for left in stack:
            if view[left] == "“" and continues:
                continue
            if view[left] == "(" and not _prose_bracket(view, left):
                continue
            out.append(_open(prose, left))
    return out


def _prose_bracket(view: str, i: int) -> bool:
    """A half-width bracket next to Chinese (not ``1)`` numbering or a smiley)."""
    near = view[max(0, i - 1) : i + 2]
    return any("\u4e00" <= c <= "\u9fff" for c in near)


def _next_starts_with_quote(view: str, blocks: tuple[Block, ...], k: int) -> bool:
    if k + 1 >= len(blocks):
        return False
    nxt = view[blocks[k + 1].start : blocks[k + 1].end].lstrip(HOLE + " \u3000")
    return nxt.startswith("“")


def _open(prose: Prose, i: int) -> CopyIssue:
    mark = prose.text[i]
    zh, en = _NAMES.get(mark, ("标点", "mark"))
    close = PAIRS[mark]
    return CopyIssue(
        RELATION,
        i,
        i + 1,
        None,
        f"前{zh}「{mark}」没有对应的后{zh}「{close}」",
        f"the opening {en} {mark} is never closed ({close})",
        fix_zh=f"在引述或插入语结束处补上「{close}」，或删去多余的「{mark}」 / add {close} where it ends",
        safe=False,
    )


def _closed(prose: Prose, i: int) -> CopyIssue:
    mark = prose.text[i]
    opener = CLOSERS[mark]
    zh, en = _NAMES.get(opener, ("标点", "mark"))
    return CopyIssue(
        RELATION,
        i,
        i + 1,
        None,
        f"后{zh}「{mark}」前面没有前{zh}「{opener}」",
        f"the closing {en} {mark} has no opening {opener}",
        fix_zh=f"在开始处补上「{opener}」，或删去多余的「{mark}」 / add {opener} where it begins",
        safe=False,
    )
