"""The PDF's font cache: the four Noto CJK SC faces copied out of Debian's collections once,
reused while the collections are unchanged, rebuilt when a face or the manifest goes stale, and
giving Typst the same fonts (and so the same PDF) as the collections themselves."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typst

from zhiku.errors import ZhikuError
from zhiku.render import fonts


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    try:
        fonts.cjk_font_files()
    except ZhikuError as err:
        pytest.skip(f"Noto CJK fonts not installed (fonts-noto-cjk): {err}")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fonts.pdf_font_dirs.cache_clear()
    yield tmp_path / "zhiku" / "fonts"
    fonts.pdf_font_dirs.cache_clear()


def _faces(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.otf")}


def test_the_four_faces_are_written_once_and_reused(cache: Path) -> None:
    assert fonts.pdf_font_dirs() == (str(cache),)
    first = _faces(cache)
    assert len(first) == 4
    book = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(cache)])
    assert sorted(book.families()) == ["Noto Sans CJK SC", "Noto Serif CJK SC"]
    # Same families, styles and weights as the collections offer for these two families.
    system = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=list(fonts.system_font_dirs())
    )
    wanted = {(f.family, f.style, f.weight) for f in system.fonts() if f.family in fonts.FAMILIES}
    wanted = {w for w in wanted if w[2] in fonts.WEIGHTS}
    assert {(f.family, f.style, f.weight) for f in book.fonts()} == wanted

    fonts.pdf_font_dirs.cache_clear()
    assert fonts.pdf_font_dirs() == (str(cache),)
    assert _faces(cache) == first  # a warm cache is not written again


def test_a_missing_face_rebuilds_the_cache_and_a_changed_source_invalidates_it(cache: Path) -> None:
    fonts.pdf_font_dirs()
    victim = sorted(cache.glob("*.otf"))[0]
    victim.unlink()
    fonts.pdf_font_dirs.cache_clear()
    assert fonts.pdf_font_dirs() == (str(cache),)
    assert victim.is_file() and len(_faces(cache)) == 4

    manifest = cache / "faces.json"
    good = manifest.read_text(encoding="utf-8")
    assert fonts._cached(cache)
    data = json.loads(good)
    data["faces"][0]["size"] += 1  # as if the collection had been updated since
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert not fonts._cached(cache)
    manifest.write_text("{", encoding="utf-8")  # a torn manifest
    assert not fonts._cached(cache)


def test_an_unwritable_cache_falls_back_to_the_collections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    fonts.pdf_font_dirs.cache_clear()
    assert fonts.pdf_font_dirs() == fonts.system_font_dirs()
