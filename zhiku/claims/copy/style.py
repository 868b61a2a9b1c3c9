"""A publication's house style for the copy check (``copy:`` in ``zhiku.yml``), and inline silencing.

```yaml
copy:
  off: [copy_numeral_mix]     # rules this publication does not want
  cjk_spacing: none           # none | space | consistent (default)
```

Inline, an HTML comment ``<!-- zhiku: ignore copy -->`` silences every copy rule, and
``<!-- zhiku: ignore copy_doubled copy_cjk_spacing -->`` the rules it names, for one block: the
paragraph (list item, table row, heading) that follows the comment when the comment stands on
its own line, or the block it is written in otherwise. It never reaches further, so a
forgotten comment cannot switch the check off for a whole article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from zhiku.claims.copy.prose import Prose
from zhiku.claims.copy.spacing import SpacingStyle
from zhiku.errors import ZhikuError

KEYS = ("off", "cjk_spacing")
SPACING_STYLES: tuple[SpacingStyle, ...] = ("consistent", "none", "space")
_IGNORE = re.compile(r"<!--\s*zhiku\s*:\s*ignore\s+(?P<what>[A-Za-z_ ,]+?)\s*-->")


@dataclass(frozen=True)
class HouseStyle:
    off: frozenset[str] = frozenset()
    cjk_spacing: SpacingStyle = "consistent"


def read_house_style(root: Path | None, rule_names: list[str]) -> HouseStyle:
    """The ``copy:`` section of ``root/zhiku.yml`` (defaults without one), validated."""
    if root is None or not (root / "zhiku.yml").is_file():
        return HouseStyle()
    from zhiku.sources.text import read_text
    from zhiku.sources.yamltext import load_mapping

    path = root / "zhiku.yml"
    meta, lines = load_mapping(read_text(path), path)
    section = meta.get("copy")
    if section is None:
        return HouseStyle()
    line = lines.get("copy")
    if not isinstance(section, dict):
        raise ZhikuError(
            "zhiku.yml 的 copy: 应为一组设置（off:、cjk_spacing:）",
            "'copy:' in zhiku.yml must be a mapping (off:, cjk_spacing:)",
            path,
            line,
        )
    # YAML 1.1 reads the key ``off`` as the boolean false: take it back as the word written.
    section = {("off" if k is False else k): v for k, v in section.items()}
    unknown = [k for k in section if k not in KEYS]
    if unknown:
        raise ZhikuError(
            f"zhiku.yml 的 copy: 中有未知的键“{unknown[0]}”（可用：{'、'.join(KEYS)}）",
            f"unknown key '{unknown[0]}' under 'copy:' in zhiku.yml (allowed: {', '.join(KEYS)})",
            path,
            line,
        )
    off_raw: Any = section.get("off") or []
    if isinstance(off_raw, str):
        off_raw = [off_raw]
    if not isinstance(off_raw, list) or not all(isinstance(x, str) for x in off_raw):
        raise ZhikuError(
            "zhiku.yml 的 copy.off 应为规则名称的列表，如 [copy_numeral_mix]",
            "'copy.off' in zhiku.yml must be a list of rule names, e.g. [copy_numeral_mix]",
            path,
            line,
        )
    bad = [x for x in off_raw if x not in rule_names]
    if bad:
        raise ZhikuError(
            f"zhiku.yml 的 copy.off 中没有这种文字规则：{'、'.join(bad)}（可用：{'、'.join(rule_names)}）",
            f"no such copy rule in 'copy.off' of zhiku.yml: {', '.join(bad)} "
            f"(available: {', '.join(rule_names)})",
            path,
            line,
        )
    spacing = section.get("cjk_spacing", "consistent")
    if spacing not in SPACING_STYLES:
        raise ZhikuError(
            f"zhiku.yml 的 copy.cjk_spacing 应为 {'、'.join(SPACING_STYLES)} 之一，而不是“{spacing}”",
            f"'copy.cjk_spacing' in zhiku.yml must be one of {', '.join(SPACING_STYLES)}, not '{spacing}'",
            path,
            line,
        )
    return HouseStyle(frozenset(off_raw), cast(SpacingStyle, spacing))


def silenced(prose: Prose, rule_names: list[str]) -> list[tuple[int, int, frozenset[str]]]:
    """The stretches of the text that inline comments silence, with the rules silenced there."""
    out: list[tuple[int, int, frozenset[str]]] = []
    for m in _IGNORE.finditer(prose.text):
        words = set(re.split(r"[\s,]+", m.group("what").strip()))
        rules = frozenset(rule_names) if "copy" in words else frozenset(w for w in words if w in rule_names)
        if not rules:
            continue
        line_a, line_text = prose.line_text(prose.line_of(m.start()))
        own_line = not (line_text[: m.start() - line_a] + line_text[m.end() - line_a :]).strip()
        if own_line:
            target = next((b for b in prose.blocks if b.start >= m.end()), None)
        else:
            target = next((b for b in prose.blocks if b.start <= m.start() <= b.end), None)
        if target is not None:
            out.append((target.start, target.end, rules))
    return out
