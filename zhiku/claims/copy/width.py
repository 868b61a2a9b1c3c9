"""``copy_punctuation_width``: half-width punctuation in Chinese sentences (GB/T 15834-2011).

Chinese text takes full-width marks: ，。、；：！？“”‘’（）…… (GB/T 15834-2011, 标点符号用法, §3 and
§5.1: the marks of Chinese text occupy one character's width). A half-width comma typed between
two Chinese words (``2020 年底,纳入``) is the commonest slip in copy pasted from the web or typed
with an English keyboard layout.

autocorrect (``autocorrect_py``, the Rust library behind many Chinese style linters) does the
commas, colons, question marks and full stops after Chinese, and the spaces around full-width
marks; it leaves the exclamation mark and the semicolon, brackets around Chinese, straight double
quotes and the three-dot ellipsis as they are, so those are read here, by the same principle:
a mark belongs to the sentence it punctuates, and a sentence whose words around the mark are
Chinese is a Chinese sentence. Marks between Latin letters or digits (``A,B``, ``1,000``,
``3.5``, ``Mr. President``) and inside English quotations are never touched.
"""

from __future__ import annotations

import re

from zhiku.claims.copy.autocorrect import autocorrect_edits
from zhiku.claims.copy.issue import CJK_CLOSE, CJK_OPEN, HAN, CopyIssue, is_han
from zhiku.claims.copy.prose import HOLE, Prose

RELATION = "copy_punctuation_width"

_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。", "(": "（", ")": "）"}
_NAMES = {
    ",": ("半角逗号", "half-width comma"),
    ";": ("半角分号", "half-width semicolon"),
    ":": ("半角冒号", "half-width colon"),
    "!": ("半角叹号", "half-width exclamation mark"),
    "?": ("半角问号", "half-width question mark"),
    ".": ("半角句点", "half-width full stop"),
    "(": ("半角括号", "half-width bracket"),
    ")": ("半角括号", "half-width bracket"),
    '"': ("直引号", "straight quotation mark"),
}
_CHINESE_LEFT = f"[{HAN}{CJK_CLOSE}%％]"
_CHINESE_RIGHT = f"[{HAN}{CJK_OPEN}]"
# , ; : ! ? in a Chinese sentence (see _in_chinese_sentence)
_HALF = re.compile(r"[,;:!?]")
_LEFT = re.compile(_CHINESE_LEFT)
_RIGHT = re.compile(rf"{_CHINESE_RIGHT}|\d[\d.]*\s?[{HAN}%]")
# A full stop right after Chinese, ending a paragraph or followed by Chinese (not 3.5, not a URL).
_STOP = re.compile(rf"\.(?<=[{HAN}]\.)(?=[{HAN}{CJK_OPEN}]|\s*$|\s*\n)")
_DOTS = re.compile(r"\.{3,}|。{3,}")  # an ellipsis typed as dots; next to Chinese, see check()
_FULL_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]")
_FULL_POINT = re.compile("(?<=[0-9０-９])．(?=[0-9０-９])")  # 62153．6: autocorrect leaves the point
_PAREN = re.compile(r"\(([^()\n]*)\)")
_STRAIGHT = re.compile(r'"([^"\n]*)"')


def _chinese(s: str) -> bool:
    return re.search(f"[{HAN}]", s) is not None


def check(prose: Prose) -> list[CopyIssue]:
    out: list[CopyIssue] = []
    for e in autocorrect_edits(prose, "width"):
        old = prose.text[e.start : e.end]
        if _FULL_ALNUM.search(old):
            out.append(_alnum(e.start, e.end, e.new))
            continue
        key = next((c for c in old if c in _NAMES), "")
        zh, en = _NAMES.get(key, ("半角标点", "half-width punctuation"))
        if not key and not e.new.strip():
            continue  # a change of spaces only: the spacing rule's business
        out.append(_issue(e.start, e.end, e.new, zh, en))
    view = prose.view
    for m in _FULL_POINT.finditer(view):
        out.append(_alnum(m.start(), m.end(), "."))
    for m in _HALF.finditer(view):
        span = _in_chinese_sentence(view, m.start())
        if span is None:
            continue
        mark = m.group(0)
        zh, en = _NAMES[mark]
        out.append(_issue(span[0], span[1], _FULL[mark], zh, en))
    for m in _STOP.finditer(view):
        out.append(_issue(m.start(), m.end(), "。", *_NAMES["."]))
    for m in _DOTS.finditer(view):
        before = view[m.start() - 1] if m.start() else ""
        after = view[m.end()] if m.end() < len(view) else ""
        if not (
            (before and (is_han(before) or before in CJK_CLOSE))
            or (after and (is_han(after) or after in CJK_OPEN))
        ):
            continue
        out.append(_issue(m.start(), m.end(), "……", "省略号应为「……」", "an ellipsis is written ……"))
    for m in _PAREN.finditer(view):
        inner = m.group(1)
        before = view[m.start() - 1] if m.start() else ""
        after = view[m.end()] if m.end() < len(view) else ""
        outside_chinese = _chinese(before) and (_chinese(after) or after in CJK_CLOSE)
        if HOLE in inner or not (_chinese(inner) or outside_chinese):
            continue
        # The spaces typed around a half-width bracket go with it: 中文 (括号) 里 → 中文（括号）里
        a, b = m.start(), m.end()
        while a > 0 and view[a - 1] == " " and a - 2 >= 0 and _chinese(view[a - 2]):
            a -= 1
        while b < len(view) and view[b] == " " and b + 1 < len(view) and _chinese(view[b + 1]):
            b += 1
        zh, en = _NAMES["("]
        out.append(_issue(a, m.start() + 1, "（", zh, en))
        out.append(_issue(m.end() - 1, b, "）", zh, en))
    for m in _STRAIGHT.finditer(view):
        if HOLE in m.group(1) or not _chinese(m.group(1)):
            continue
        zh, en = _NAMES['"']
        out.append(_issue(m.start(), m.start() + 1, "“", zh, en))
        out.append(_issue(m.end() - 1, m.end(), "”", zh, en))
    return out


def _in_chinese_sentence(view: str, i: int) -> tuple[int, int] | None:
    """The span to replace when the mark at ``i`` punctuates Chinese: Chinese (or a Chinese
    closing mark, or a number's %) before it, Chinese, a Chinese opening mark or a number
    followed by Chinese after it, or the end of the line. Syntax between (a footnote marker,
    a link's target) is looked through; one typed space on either side goes with the mark."""
    a = i
    while a > 0 and view[a - 1] == " ":
        a -= 1
    if i - a > 1:
        return None
    j = a
    while j > 0 and view[j - 1] == HOLE:
        j -= 1
    if j == 0 or not _LEFT.match(view[j - 1]):
        return None
    b = i + 1
    while b < len(view) and view[b] == " " and b - i < 2:
        b += 1
    k = b
    while k < len(view) and view[k] == HOLE:
        k += 1
    if k >= len(view) or view[k] == "\n" or _RIGHT.match(view, k):
        if HOLE in view[j:a] and a != j:
            return i, i + 1  # spaces belong to the syntax before: replace the mark alone
        return a, b
    return None


def _alnum(a: int, b: int, new: str) -> CopyIssue:
    return CopyIssue(
        RELATION,
        a,
        b,
        new,
        f"全角数字或字母应为半角「{new}」（GB/T 15835-2011 §5.1.1）",
        f"full-width digits or letters: write the half-width {new}",
    )


def _issue(a: int, b: int, new: str, zh: str, en: str) -> CopyIssue:
    return CopyIssue(
        RELATION,
        a,
        b,
        new,
        f"中文句中用了{zh}，应为全角「{new.strip()}」",
        f"a {en} in a Chinese sentence: write the full-width {new.strip()}",
    )
