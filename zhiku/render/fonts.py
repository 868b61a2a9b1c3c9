"""The Noto CJK fonts for the PDF: found through fontconfig, and the four faces the layout uses
copied out of Debian's font collections once, into a cache.

Debian's ``fonts-noto-cjk`` ships four collections (``NotoSerifCJK-Regular.ttc`` …, 20–27 MB
each) of 5–10 faces (JP, KR, SC, TC, HK, mono). Typst reads every face of every file it is
given to learn its family and coverage — about 0.05 s of each fresh process — while zhiku's
layout sets only Noto Serif CJK SC and Noto Sans CJK SC, regular and bold. Those four faces are
written once as standalone OpenType files with fontTools (whole fonts, no glyph subsetting: the
PDF embeds the same fonts as before, Typst subsets them itself) into
``$XDG_CACHE_HOME/zhiku/fonts/`` (``~/.cache/zhiku/fonts/``), with a manifest naming each
source file's size and modification time; a changed, moved or missing source or cached file
makes the next build write them again. Where the cache cannot be written the collections are
used directly, as before — slower, same output.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from pathlib import Path

from zhiku.errors import ZhikuError

FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC")
WEIGHTS = (400, 700)  # regular and bold: the only weights theme/issue.typ asks for
_FALLBACK_FONT_DIR = Path("/usr/share/fonts/opentype/noto")
_MANIFEST = "faces.json"
_VERSION = 1


@functools.lru_cache(maxsize=1)
def cjk_font_files() -> tuple[Path, ...]:
    """Files holding Noto Serif/Sans CJK SC, as fontconfig reports them (Debian's fonts-noto-cjk)."""
    import subprocess  # here: a build with a warm font cache never asks fontconfig

    files: list[Path] = []
    for family in FAMILIES:
        try:
            out = subprocess.run(
                ["fc-list", f":family={family}", "file"], capture_output=True, text=True, check=False
            ).stdout
        except OSError:
            out = ""
        for line in out.splitlines():
            path = Path(line.split(":", 1)[0].strip())
            if str(path) and path.is_file() and path not in files:
                files.append(path)
    if not files and _FALLBACK_FONT_DIR.is_dir():
        files = sorted(p for p in _FALLBACK_FONT_DIR.iterdir() if "CJK" in p.name)
    if not files:
        raise ZhikuError(
            "找不到 Noto CJK 字体，请安装 fonts-noto-cjk（scripts/setup.sh）",
            "Noto CJK fonts not found; install fonts-noto-cjk (scripts/setup.sh)",
        )
    return tuple(files)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zhiku" / "fonts"


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def _cached(folder: Path) -> bool:
    """True when the manifest's faces are all there and their sources unchanged (a few stats:
    no fontconfig call, no font parsing)."""
    try:
        manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
        faces = manifest["faces"]
        if manifest.get("version") != _VERSION or not faces:
            return False
        for face in faces:
            if list(_stamp(Path(face["source"]))) != [face["size"], face["mtime_ns"]]:
                return False
            if not (folder / face["file"]).is_file():
                return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


def _extract(folder: Path) -> bool:
    """Copy the wanted faces out of the collections into ``folder``; False if none was found."""
    # fontTools only here: a build with a warm cache never imports it.
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    folder.mkdir(parents=True, exist_ok=True)
    faces: list[dict[str, object]] = []
    try:
        for source in cjk_font_files():
            size, mtime_ns = _stamp(source)
            # recalc*=False: the saved face keeps the collection's tables byte for byte except
            # the table directory, so the PDF embeds the same font as before.
            options = {"lazy": True, "recalcBBoxes": False, "recalcTimestamp": False}
            if source.suffix.lower() in (".ttc", ".otc"):
                members = list(TTCollection(str(source), **options).fonts)
            else:
                members = [TTFont(str(source), **options)]
            for index, font in enumerate(members):
                name = font["name"]
                family = name.getDebugName(16) or name.getDebugName(1)
                if family not in FAMILIES or font["OS/2"].usWeightClass not in WEIGHTS:
                    continue
                file = f"{source.stem}-{index}-{size}-{mtime_ns}.otf"
                fd, tmp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
                os.close(fd)
                try:
                    font.save(tmp)
                    os.chmod(tmp, 0o644)
                    os.replace(tmp, folder / file)
                finally:
                    if os.path.exists(tmp):
                        os.unlink(tmp)
                faces.append(
                    {"source": str(source), "size": size, "mtime_ns": mtime_ns, "index": index, "file": file}
                )
    except TTLibError:
        return False
    if not faces:
        return False
    keep = {str(f["file"]) for f in faces}
    for old in folder.glob("*.otf"):  # faces of fonts since updated or removed
        if old.name not in keep:
            old.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"version": _VERSION, "faces": faces}, fh, ensure_ascii=False, indent=1)
    os.replace(tmp, folder / _MANIFEST)
    return True


@functools.lru_cache(maxsize=1)
def pdf_font_dirs() -> tuple[str, ...]:
    """The folders to give Typst for zhiku's own layout: the cache of the four faces, written on
    first use; the fontconfig folders of the collections where that cannot be done."""
    folder = cache_dir()
    try:
        if _cached(folder) or _extract(folder):
            return (str(folder),)
    except OSError:
        pass  # a read-only home, a full disk: the collections themselves still work
    return system_font_dirs()


def system_font_dirs() -> tuple[str, ...]:
    """The folders of the Noto CJK files themselves (every face of every collection)."""
    dirs: list[str] = []
    for path in cjk_font_files():
        if str(path.parent) not in dirs:
            dirs.append(str(path.parent))
    return tuple(dirs)
