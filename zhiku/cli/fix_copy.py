"""``zhiku check --fix-copy``: write each file with its safe copy fixes applied.

Without ``--in-place`` the fixed text goes to ``NAME.fixed.md`` beside the file and the file is
untouched; with it, the file is first copied to ``NAME.bak`` (``NAME.bak.1`` … when that exists:
a backup is never overwritten), then replaced atomically. Only the spans the check reports
change, so running it again changes nothing (and writes no second backup). The fixed text is
written as UTF-8.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console

from zhiku.errors import ZhikuError


def fixed_copy_path(file: Path) -> Path:
    return file.with_name(f"{file.stem}.fixed{file.suffix}")


def backup_path(file: Path) -> Path:
    candidate = file.with_name(file.name + ".bak")
    n = 1
    while candidate.exists():
        candidate = file.with_name(f"{file.name}.bak.{n}")
        n += 1
    return candidate


def fix_copy_paths(
    paths: Iterable[Path], *, in_place: bool, only: Iterable[str] | None, console: Console
) -> None:
    from zhiku.claims.copy import article_files, fix_text, house_style_for, is_markdown
    from zhiku.fsutil import atomic_write_text
    from zhiku.sources import read_text

    wanted = None if only is None else list(only)
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise ZhikuError("路径不存在", "no such file or folder", p)
        style = house_style_for(p)
        for file, _slug in article_files(p):
            text = read_text(file)
            result = fix_text(text, markdown=is_markdown(file), style=style, only=wanted)
            left = len(result.left)
            note = f"（另有 {left} 处需人工修改 / {left} left for the editor）" if left else ""
            if result.text == text:
                console.print(f"{file}: 无需修改 / nothing to fix{note}")
                continue
            if in_place:
                backup = backup_path(file)
                shutil.copy2(file, backup)
                atomic_write_text(file, result.text)
                target, how = file, f"已备份为 {backup.name} / backed up as {backup.name}"
            else:
                target = fixed_copy_path(file)
                atomic_write_text(target, result.text)
                how = "原文件未改 / the file itself is unchanged"
            console.print(
                f"{target}: 已改 {len(result.applied)} 处 / {len(result.applied)} fixes applied；{how}{note}"
            )
