"""The Noto CJK fonts for the PDF: found through fontconfig, and the four faces the layout uses
written once into a cache, in three cuts.

Debian's ``fonts-noto-cjk`` ships four collections (``NotoSerifCJK-Regular.ttc`` …, 20–27 MB
each) of 5–10 faces (JP, KR, SC, TC, HK, mono). zhiku's layout sets only Noto Serif CJK SC and
Noto Sans CJK SC, regular and bold, and a fresh process pays for every byte Typst reads of them:
given the collections, Typst parses all 30 faces; given the four whole SC faces (65,535 glyphs,
16–25 MB each) its cold compile of the example issue takes 0.081 s.

So the cache (``$XDG_CACHE_HOME/zhiku/fonts/``, ``~/.cache/zhiku/fonts/``) holds, per face:

- ``gb2312/``: the face cut to :data:`COMMON` without the ideographs, plus GB 2312's 6,763
  ideographs — the standard set of everyday simplified Chinese (3 MB a face; compile 0.061 s).
- ``common/``: cut to :data:`COMMON` — Latin, Greek and Cyrillic, punctuation, the symbols
  Chinese prose uses (℃ ① Ⅱ ㎡ ※ …), kana, bopomofo and all 20,992 ideographs of the CJK Unified
  Ideographs block, so rarer names such as 朱镕基 are in (9 MB; 0.067 s).
- ``full/``: the whole face, copied out of its collection with fontTools, for the rare issue
  with a character outside :data:`COMMON` (an Extension-A ideograph, Hangul…).

HarfBuzz's subsetter (uharfbuzz) keeps the names, metrics and horizontal layout features of the
kept glyphs, so zh-CN text is shaped and spaced exactly as with the whole face. Each cut is
written the first time an issue needs it (a few seconds). :func:`pdf_font_dirs` gets the
smallest cut that covers a document's text (:func:`cut_for`): the PDF looks the same either
way, and Typst subsets the embedded fonts again in all three. Each folder has a manifest naming
every source file's size and modification time; a changed, moved or missing source or cached
file makes the next build write the folder again. Where the cache cannot be written the
collections are used directly — slower, same output.
"""

from __future__ import annotations

import bisect
import functools
import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from zhiku.errors import ZhikuError
from zhiku.fsutil import atomic_write_bytes

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC")
WEIGHTS = (400, 700)  # regular and bold: the only weights theme/issue.typ asks for
_FALLBACK_FONT_DIR = Path("/usr/share/fonts/opentype/noto")
_MANIFEST = "faces.json"
_VERSION = 3

# The code points of the ``common`` cut (inclusive ranges). Changing them or the cuts: bump _VERSION.
COMMON: tuple[tuple[int, int], ...] = (
    (0x0000, 0x024F),  # ASCII, Latin-1, Latin Extended-A/B (pinyin ǎ ǐ ǒ ǔ ǚ)
    (0x02B0, 0x036F),  # spacing modifiers (ˇ ˉ ˊ ˋ) and combining marks
    (0x0370, 0x04FF),  # Greek (α β μ) and Cyrillic
    (0x2000, 0x23FF),  # punctuation “” — …, letterlike ℃ №, Ⅰ Ⅱ, arrows, maths − ± ≥, technical
    (0x2460, 0x27BF),  # ① ⑴ ⒈, box drawing, blocks, shapes ■ ▲ ○, symbols ★ ☆, dingbats ✓
    (0x2E80, 0x2FDF),  # CJK radicals and Kangxi radicals
    (0x3000, 0x312F),  # CJK punctuation 、。〈〉「」【】〔〕, kana, bopomofo
    (0x31A0, 0x31BF),  # bopomofo extended
    (0x31F0, 0x33FF),  # katakana extension, ㈠ ㊣, ㎡ ㎏ ㏄
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small form variants
    (0xFF00, 0xFFEF),  # full-width forms （）：；！？ ０-９ Ａ-Ｚ
)
# The OpenType features the cuts keep: those that shaping applies to horizontal text
# by default or that Typst's text settings can switch on. Left out: vertical forms (vert, vrt2,
# vkrn, vhal, vpal: Typst sets no vertical text), aalt (a menu of alternates for editors), ruby,
# hist and the Hangul jamo features. locl is kept with its zh-CN forms only (see _cut): its
# Japanese, Korean and traditional forms of thousands of ideographs would double the file, and
# every text in zhiku's layout is set as zh-CN.
HORIZONTAL_FEATURES = (
    "ccmp", "mark", "mkmk", "rlig", "calt", "clig", "liga", "rclt", "curs", "dist", "kern",
    "dlig", "hlig", "salt", "frac", "numr", "dnom", "subs", "sups", "lnum", "onum", "pnum", "tnum",
    "zero", "halt", "palt", "fwid", "hwid", "pwid",
    *(f"ss{n:02d}" for n in range(1, 21)),
)  # fmt: skip
_STARTS = tuple(lo for lo, _hi in COMMON)
_IDEOGRAPHS = (0x4E00, 0x9FFF)  # the block of COMMON that the gb2312 cut narrows
CUTS = ("gb2312", "common", "full")  # smallest first


def cut_for(text: str) -> str:
    """The smallest cut that has every character of ``text`` (and then sets it exactly as the
    whole face would): ``gb2312``, ``common`` or ``full``."""
    # The distinct characters against the ranges: about 1 ms for an issue, where the same test
    # as one regular expression costs 2.5 ms just to compile, in every fresh process.
    cut = "gb2312"
    for ch in set(text):
        code = ord(ch)
        i = bisect.bisect_right(_STARTS, code) - 1
        if i < 0 or code > COMMON[i][1]:
            return "full"
        if cut == "gb2312" and _IDEOGRAPHS[0] <= code <= _IDEOGRAPHS[1] and not _in_gb2312(ch):
            cut = "common"
    return cut


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _repertoire(cut: str) -> list[tuple[int, int]]:
    """The code points of a cut, as inclusive ranges."""
    if cut == "common":
        return list(COMMON)
    ranges = [r for r in COMMON if r != _IDEOGRAPHS]
    for code in range(_IDEOGRAPHS[0], _IDEOGRAPHS[1] + 1):
        if _in_gb2312(chr(code)):
            ranges.append((code, code))
    return ranges


FC_LIST_TIMEOUT_S = 60.0  # fontconfig scans every font the first time: seconds, never minutes


@functools.lru_cache(maxsize=1)
def cjk_font_files() -> tuple[Path, ...]:
    """Files holding Noto Serif/Sans CJK SC, as fontconfig reports them (Debian's fonts-noto-cjk)."""
    import subprocess  # here: a build with a warm font cache never asks fontconfig

    files: list[Path] = []
    for family in FAMILIES:
        try:
            out = subprocess.run(
                ["fc-list", f":family={family}", "file"], capture_output=True, text=True, check=False,
                timeout=FC_LIST_TIMEOUT_S, stdin=subprocess.DEVNULL,
            ).stdout
        except (OSError, subprocess.TimeoutExpired):  # no fontconfig, or it hangs: the fallback below
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


def _save(path: Path, data: bytes) -> None:
    atomic_write_bytes(path, data)
    path.chmod(0o644)  # mkstemp's 0600 otherwise; the cache is as readable as the fonts it copies


def _cut(source: Path, index: int, whole: TTFont, cut: str) -> bytes:
    """Face ``index`` of ``source`` (``whole``) cut down to ``cut``'s repertoire with HarfBuzz's
    subsetter: the :data:`HORIZONTAL_FEATURES` and the face's zh-CN local forms, every name and
    metric kept, glyph outlines untouched. HarfBuzz rather than fontTools' subsetter: the same
    cut takes it well under a second a face, fontTools 25 s."""
    import uharfbuzz as hb  # type: ignore[import-untyped]  # only when the cache is written

    face = hb.Face(hb.Blob.from_file_path(str(source)), index)
    wanted = hb.SubsetInput()
    for lo, hi in _repertoire(cut):
        wanted.unicode_set.add_range(lo, hi)
    for kind in (hb.SubsetInputSets.NAME_ID, hb.SubsetInputSets.NAME_LANG_ID):
        keep = wanted.sets(kind)
        keep.clear()  # the defaults are a short list: cleared and inverted, the set is "all"
        keep.invert()
    features = wanted.sets(hb.SubsetInputSets.LAYOUT_FEATURE_TAG)
    features.clear()
    for tag in HORIZONTAL_FEATURES:
        features.add(_tag(tag))
    # Keep the OS/2 Unicode-range bits as the whole face declares them, so the cut describes
    # itself to Typst exactly as the whole face does.
    wanted.flags = hb.SubsetFlags.NOTDEF_OUTLINE | hb.SubsetFlags.NO_PRUNE_UNICODE_RANGES
    # locl: only its zh-CN forms (— and “” are set differently for zh-CN than by default). The
    # glyphs are the closure of the other features plus those forms, fixed by hand, because
    # HarfBuzz's own closure would take in locl's forms for every language.
    glyphs = {int(old) for old, _new in hb.SubsetPlan(face, wanted).old_to_new_glyph_mapping.items()}
    glyphs |= {form for plain, form in _zh_cn_forms(whole).items() if plain in glyphs}
    for gid in glyphs:
        wanted.glyph_set.add(gid)
    features.add(_tag("locl"))
    wanted.flags = wanted.flags | hb.SubsetFlags.NO_LAYOUT_CLOSURE
    result = hb.subset(face, wanted)
    if result is None:
        raise ValueError(f"HarfBuzz could not subset {source}#{index}")
    return _with_full_cmap(bytes(result.blob.data))


def _tag(tag: str) -> int:
    return int.from_bytes(tag.encode("ascii"), "big")


def _zh_cn_forms(font: TTFont) -> dict[int, int]:
    """What the face's locl feature substitutes for zh-CN text (language system ZHS), as glyph
    ids: Typst sets zh-CN text, so these forms are the ones a page shows."""
    gsub = font["GSUB"].table
    records = gsub.FeatureList.FeatureRecord
    lookups: set[int] = set()
    for script in gsub.ScriptList.ScriptRecord:
        for langsys in script.Script.LangSysRecord:
            if langsys.LangSysTag == "ZHS ":
                for i in langsys.LangSys.FeatureIndex:
                    if records[i].FeatureTag == "locl":
                        lookups.update(records[i].Feature.LookupListIndex)
    names: dict[str, str] = {}
    for i in sorted(lookups):
        for sub in gsub.LookupList.Lookup[i].SubTable:
            sub = getattr(sub, "ExtSubTable", sub)  # extension lookups wrap the real one
            names.update(getattr(sub, "mapping", {}))  # single substitutions, the only kind here
    return {font.getGlyphID(a): font.getGlyphID(b) for a, b in names.items()}


def _with_full_cmap(data: bytes) -> bytes:
    """The cut with its character map written again as the whole face has it: format 4 for the
    BMP and format 12 beside it. HarfBuzz writes a format-4 table only, and Typst (as in the
    typst 0.15 package) misses some characters in it (阿 and 高 among them came out as boxes),
    while it reads the same map in format 12 correctly."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    font = TTFont(io.BytesIO(data), lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    mapping = font["cmap"].getBestCmap()
    tables = []
    for fmt, platform, encoding in ((4, 0, 3), (4, 3, 1), (12, 0, 4), (12, 3, 10)):
        table = CmapSubtable.newSubtable(fmt)
        table.platformID, table.platEncID, table.language = platform, encoding, 0
        table.cmap = dict(mapping) if fmt == 12 else {c: g for c, g in mapping.items() if c <= 0xFFFF}
        tables.append(table)
    font["cmap"].tables = tables
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _extract(folder: Path, cut: str) -> bool:
    """Write the wanted faces, cut (``gb2312``, ``common``) or whole (``full``), from the
    collections into ``folder``; False if none was found."""
    # fontTools only here: a build with a warm cache never imports it.
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    folder.mkdir(parents=True, exist_ok=True)
    faces: list[dict[str, object]] = []
    try:
        for source in cjk_font_files():
            size, mtime_ns = _stamp(source)
            # recalc*=False: a whole face keeps the collection's tables byte for byte except
            # the table directory, so the PDF embeds the same font as from the collection.
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
                if cut != "full":
                    data = _cut(source, index, font, cut)
                else:
                    whole = io.BytesIO()
                    font.save(whole)
                    data = whole.getvalue()
                _save(folder / file, data)
                faces.append(
                    {"source": str(source), "size": size, "mtime_ns": mtime_ns, "index": index, "file": file}
                )
    except (TTLibError, ValueError, ImportError):
        return False
    if not faces:
        return False
    keep = {str(f["file"]) for f in faces}
    for old in folder.glob("*.otf"):  # faces of fonts since updated or removed
        if old.name not in keep:
            old.unlink(missing_ok=True)
    manifest = json.dumps({"version": _VERSION, "faces": faces}, ensure_ascii=False, indent=1)
    _save(folder / _MANIFEST, manifest.encode("utf-8"))
    return True


def _drop_version_1(root: Path) -> None:
    """Cache version 1 kept the whole faces in the root folder; the ``full/`` cut replaces them."""
    for old in [*root.glob("*.otf"), root / _MANIFEST]:
        old.unlink(missing_ok=True)


@functools.lru_cache(maxsize=len(CUTS))
def pdf_font_dirs(cut: str = "gb2312") -> tuple[str, ...]:
    """The folders to give Typst for zhiku's own layout: ``cut`` (see :func:`cut_for`), written
    on first use; the fontconfig folders of the collections where that cannot be done."""
    if cut not in CUTS:
        raise ValueError(f"unknown font cut {cut!r}")
    # A cut that cannot be made (no uharfbuzz for this platform, a face it cannot read) falls
    # back to the next larger one: slower, same pages.
    root = cache_dir()
    try:
        if (root / _MANIFEST).exists():
            _drop_version_1(root)
        for larger in CUTS[CUTS.index(cut) :]:
            folder = root / larger
            if _cached(folder) or _extract(folder, larger):
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
