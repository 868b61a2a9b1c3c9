"""Glyph outlines kept across builds in the user's cache folder (``~/.cache/zhiku/glyphs/``).

Outlining a figure's text needs each character's outline and advance from Noto Sans CJK. Read
with fontTools, that means parsing the collection's metrics, character map and CFF tables:
0.2 s of CPU in every fresh process, more than drawing the charts themselves (zhiku.figures.draw).
Those outlines depend on the font file alone, never on a publication, so each one read is kept
in a JSON file named by the font file (path, size, modification time), the face and fontTools'
version. A build that finds every character there does not open the font at all.

The file is data only (numbers and operator names, checked when read); a damaged or foreign
file is ignored and rewritten. Writers merge what is on disk with what they read and replace
the file atomically, so two builds at once lose at most a few glyphs, which are read again.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import Any

from fontTools import version as fonttools_version
from fontTools.pens.recordingPen import RecordingPen

from zhiku.fsutil import atomic_write_text

FORMAT = 1
_OPS = frozenset({"moveTo", "lineTo", "curveTo", "qCurveTo", "closePath", "endPath"})
# A glyph: (advance, units per em, [(operator, ((x, y), …)), …]).
Glyph = tuple[RecordingPen, float, int]


def _valid_glyph(value: Any) -> bool:
    if not (isinstance(value, list) and len(value) == 3):
        return False
    advance, upem, ops = value
    if not isinstance(advance, int | float) or not isinstance(ops, list):
        return False
    if not (isinstance(upem, int) and upem > 0):
        return False
    for op in ops:
        if not (isinstance(op, list) and len(op) == 2 and op[0] in _OPS and isinstance(op[1], list)):
            return False
        for pt in op[1]:
            if not (
                isinstance(pt, list) and len(pt) == 2
                and all(isinstance(c, int | float) and math.isfinite(c) for c in pt)
            ):
                return False
    return True


class GlyphCache:
    """The kept outlines of one font face, read once per process."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.glyphs: dict[str, Glyph] = {}
        self.pending: dict[str, list[Any]] = {}
        if path is not None:
            for char, value in _read(path).items():
                self.glyphs[char] = _pen(value)

    def get(self, char: str) -> Glyph | None:
        return self.glyphs.get(char)

    def put(self, char: str, pen: RecordingPen, advance: float, upem: int) -> None:
        ops = [[op, [list(pt) for pt in args]] for op, args in pen.value]
        self.glyphs[char] = (pen, advance, upem)
        self.pending[char] = [advance, upem, ops]

    def save(self) -> None:
        """Write the glyphs read since the last save, merged with what the file holds now."""
        if not self.pending or self.path is None:
            return
        merged = {**_read(self.path), **self.pending}
        text = json.dumps({"format": FORMAT, "glyphs": merged}, ensure_ascii=False, separators=(",", ":"))
        try:
            atomic_write_text(self.path, text)
        except OSError:  # a read-only cache folder: outlines are read again next time
            return
        self.pending = {}


def _pen(value: list[Any]) -> Glyph:
    advance, upem, ops = value
    pen = RecordingPen()
    pen.value = [(op, tuple(tuple(pt) for pt in pts)) for op, pts in ops]
    return pen, float(advance), int(upem)


def _read(path: Path) -> dict[str, list[Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("glyphs"), dict):
        return {}
    return {
        char: value for char, value in data["glyphs"].items()
        if isinstance(char, str) and len(char) == 1 and _valid_glyph(value)
    }


def cache_file(font: Path, face: str) -> Path | None:
    """Where the outlines of ``face`` in ``font`` are kept, or None without a cache folder."""
    from zhiku.data.store import cache_dir
    from zhiku.errors import ZhikuError

    try:
        st = font.stat()
        folder = cache_dir() / "glyphs"
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, ZhikuError):
        return None
    ident = json.dumps([FORMAT, str(font.resolve()), st.st_size, st.st_mtime_ns, face, fonttools_version])
    return folder / f"{hashlib.sha256(ident.encode()).hexdigest()[:24]}.json"


_CACHES: dict[str, GlyphCache] = {}


def glyph_cache(weight: str) -> GlyphCache:
    """The glyph cache of the figures' face in ``weight`` (``normal`` or ``bold``), read once."""
    from zhiku.figures.fonts import FAMILY, font_file

    if weight not in _CACHES:
        _CACHES[weight] = GlyphCache(cache_file(font_file(weight), f"{FAMILY} {weight}"))
    return _CACHES[weight]


def save_all() -> None:
    """Write the glyphs read from the fonts since the last save (after a figure is outlined)."""
    for cache in _CACHES.values():
        cache.save()
