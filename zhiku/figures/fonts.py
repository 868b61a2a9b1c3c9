"""Finding Noto Sans CJK SC, the one typeface figures are set in, and loading it.

Figures use one face, measured and outlined by ``zhiku.figures.textpaths`` (and registered with
vl-convert by the parity test, so that its reference drawings measure the same glyphs). Debian's
``fonts-noto-cjk`` installs it as a collection (``NotoSansCJK-Regular.ttc``); the SC member is
picked by its family name.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from zhiku.errors import ZhikuError

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

FAMILY = "Noto Sans CJK SC"
_FILES = {
    "normal": ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.otf"),
    "bold": ("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf", "NotoSansSC-Bold.otf"),
}
_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "~/Library/Fonts",
)


def _search_dirs() -> list[Path]:
    dirs = [Path(d) for d in os.environ.get("ZHIKU_FONT_DIR", "").split(os.pathsep) if d]
    return dirs + [Path(d).expanduser() for d in _DIRS]


@functools.cache
def font_file(weight: str = "normal") -> Path:
    """The Noto Sans CJK file for ``weight`` (``normal`` or ``bold``)."""
    for directory in _search_dirs():
        if not directory.is_dir():
            continue
        for name in _FILES[weight]:
            found = next(iter(sorted(directory.rglob(name))), None)
            if found is not None:
                return found
    raise ZhikuError(
        "找不到思源黑体（Noto Sans CJK），无法绘图；"
        "请安装 fonts-noto-cjk，或用 ZHIKU_FONT_DIR 指明字体文件夹",
        "Noto Sans CJK is not installed, so figures cannot be drawn; install fonts-noto-cjk"
        " or point ZHIKU_FONT_DIR at a folder holding it",
    )


@functools.cache
def load_font(weight: str = "normal") -> TTFont:
    """The SC face as a fontTools font (loaded lazily, once per process)."""
    # fontTools' font reader loads only when a glyph is not in the glyph cache (glyphcache).
    from fontTools.ttLib import TTCollection, TTFont

    path = font_file(weight)
    if path.suffix.lower() == ".ttc":
        collection = TTCollection(str(path), lazy=True)
        for font in collection.fonts:
            if font["name"].getDebugName(1) == FAMILY:
                return font
        return collection.fonts[0]
    return TTFont(str(path), lazy=True)
