"""Chinese-aware text helpers shared by the HTML, PDF and WeChat renderers.

Soft line breaks, anchors and the filesystem-safe publication name live here so the three
outputs agree with each other.
"""

from __future__ import annotations

import re
import unicodedata

# CJK ideographs, kana, Hangul, CJK punctuation and full-width forms: a line break next to one
# of these is a layout artefact of the source file, not a word boundary (Pandoc's
# east_asian_line_breaks rule, which Chromium and markdown-it do not apply).
_CJK_RANGES = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # kana
    (0x3100, 0x312F),
    (0x3190, 0x31FF),
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xAC00, 0xD7AF),  # Hangul
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # vertical/compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms: ，。：；！？（）
    (0x20000, 0x3FFFF),  # supplementary ideographs
)
# The typographic quotes used in Chinese text are outside the CJK blocks.
_CJK_EXTRA = frozenset("“”‘’—…·")

# Renderer-internal markers for annotated spans: private-use code points a source never holds.
MARK_START = 0xE000
MARK_END = "\ue0ff"


def is_cjk(ch: str) -> bool:
    """True for a CJK character or CJK punctuation mark."""
    if ch in _CJK_EXTRA:
        return True
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


def _is_marker(ch: str) -> bool:
    return MARK_START <= ord(ch) <= ord(MARK_END)


def join_soft_breaks(text: str) -> str:
    """Join a paragraph's source lines: no space next to CJK, one space between Latin words.

    Span markers (private-use characters) are looked through so that an annotated span at a
    line end does not change how the break is joined.
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    for i, raw in enumerate(lines):
        line = raw.lstrip(" \t") if i > 0 else raw
        last = i == len(lines) - 1
        if not last and (raw.endswith("  ") or raw.endswith("\\")):
            # A Markdown hard break (two spaces or a backslash at the line end) stays a break.
            out.append(line.rstrip(" \t") + ("\\\n" if raw.endswith("\\") else "  \n"))
            continue
        if not last:
            line = line.rstrip(" \t")
        if i > 0 and out and not out[-1].endswith("\n"):
            before = _last_visible(out[-1])
            after = _first_visible(line)
            if before and after and not (is_cjk(before) or is_cjk(after)):
                out.append(" ")
        out.append(line)
    return "".join(out)


def _last_visible(s: str) -> str:
    for ch in reversed(s):
        if not _is_marker(ch):
            return ch
    return ""


def _first_visible(s: str) -> str:
    for ch in s:
        if not _is_marker(ch):
            return ch
    return ""


_ANCHOR_DROP = re.compile(r"[^\w\-]+", re.UNICODE)


def anchor_for(title: str) -> str:
    """A stable, Chinese-safe fragment id from a heading: letters, digits and CJK kept.

    ``一、前言`` → ``一前言``; ``Policy to observe`` → ``policy-to-observe``. The id depends only
    on the title, so links stay valid when other sections move. Never empty.
    """
    text = unicodedata.normalize("NFKC", title).strip().lower()
    text = re.sub(r"\s+", "-", text)
    text = _ANCHOR_DROP.sub("", text).strip("-_")
    text = re.sub(r"-{2,}", "-", text)
    return text or "section"


class AnchorSet:
    """Hands out unique anchors within one page: a repeated title gets ``-2``, ``-3``."""

    def __init__(self, reserved: tuple[str, ...] = ("top",)) -> None:
        self._used: set[str] = set(reserved)

    def take(self, wanted: str) -> str:
        anchor = wanted
        n = 2
        while anchor in self._used:
            anchor = f"{wanted}-{n}"
            n += 1
        self._used.add(anchor)
        return anchor


def file_safe_name(name: str) -> str:
    """A publication name fit for a file name: ``Runwaysys`` → ``runwaysys``."""
    text = unicodedata.normalize("NFKC", name).strip().lower()
    text = re.sub(r"\s+", "-", text)
    text = re.sub(r"[^\w\-]+", "", text).strip("-")
    return text or "issue"
