"""The PDF's font cache: the four Noto CJK SC faces written once, in two cuts (GB 2312, the
common repertoire) and whole, reused while the collections are unchanged, rebuilt when a face
or the manifest goes stale — and each cut setting every character it holds exactly as the
whole face does."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import typst
from fontTools.ttLib import TTFont

from zhiku.errors import ZhikuError
from zhiku.render import fonts, pdf

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "runwaysys"


def _installed() -> None:
    try:
        fonts.cjk_font_files()
    except ZhikuError as err:
        pytest.skip(f"Noto CJK fonts not installed (fonts-noto-cjk): {err}")


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Both cuts written once into a private cache, for the tests that only read it."""
    _installed()
    base = tmp_path_factory.mktemp("xdg")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(base))
        fonts.pdf_font_dirs.cache_clear()
        for cut in fonts.CUTS:
            fonts.pdf_font_dirs(cut)
        fonts.pdf_font_dirs.cache_clear()
    yield base / "zhiku" / "fonts"
    fonts.pdf_font_dirs.cache_clear()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    _installed()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fonts.pdf_font_dirs.cache_clear()
    yield tmp_path / "zhiku" / "fonts"
    fonts.pdf_font_dirs.cache_clear()


def _faces(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.otf")}


def _book(folder: Path) -> set[tuple[str, str, int]]:
    book = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(folder)])
    return {(f.family, f.style, f.weight) for f in book.fonts()}


def test_each_cut_is_written_once_and_only_when_asked(cache: Path) -> None:
    assert fonts.pdf_font_dirs("gb2312") == (str(cache / "gb2312"),)
    first = _faces(cache / "gb2312")
    assert len(first) == 4
    assert sorted(p.name for p in cache.iterdir()) == ["gb2312"]  # the others wait until needed

    # Same families, styles and weights as the collections offer for these two families.
    system = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=list(fonts.system_font_dirs())
    )
    wanted = {(f.family, f.style, f.weight) for f in system.fonts() if f.family in fonts.FAMILIES}
    wanted = {w for w in wanted if w[2] in fonts.WEIGHTS}
    sizes = {}
    for cut in fonts.CUTS:
        assert fonts.pdf_font_dirs(cut) == (str(cache / cut),)
        assert _book(cache / cut) == wanted
        sizes[cut] = sum(p.stat().st_size for p in (cache / cut).glob("*.otf"))
    # The point of the cuts: less for Typst to read.
    assert sizes["gb2312"] < 0.5 * sizes["common"] < 0.25 * sizes["full"]

    fonts.pdf_font_dirs.cache_clear()
    assert fonts.pdf_font_dirs("gb2312") == (str(cache / "gb2312"),)
    assert _faces(cache / "gb2312") == first  # a warm cache is not written again


def test_a_missing_face_rebuilds_the_cache_and_a_changed_source_invalidates_it(cache: Path) -> None:
    folder = cache / "gb2312"
    fonts.pdf_font_dirs()
    victim = sorted(folder.glob("*.otf"))[0]
    victim.unlink()
    fonts.pdf_font_dirs.cache_clear()
    assert fonts.pdf_font_dirs() == (str(folder),)
    assert victim.is_file() and len(_faces(folder)) == 4

    manifest = folder / "faces.json"
    good = manifest.read_text(encoding="utf-8")
    assert fonts._cached(folder)
    data = json.loads(good)
    data["faces"][0]["size"] += 1  # as if the collection had been updated since
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert not fonts._cached(folder)
    manifest.write_text("{", encoding="utf-8")  # a torn manifest
    assert not fonts._cached(folder)


def test_the_first_cache_layout_is_cleared_away(cache: Path, shared_cache: Path) -> None:
    shutil.copytree(shared_cache / "gb2312", cache / "gb2312")  # a warm cache of this version
    (cache / "NotoSerifCJK-Regular-2-1-1.otf").write_bytes(b"old face")
    (cache / "faces.json").write_text('{"version": 1, "faces": []}', encoding="utf-8")
    assert fonts.pdf_font_dirs() == (str(cache / "gb2312"),)
    assert sorted(p.name for p in cache.iterdir()) == ["gb2312"]


def test_an_unwritable_cache_falls_back_to_the_collections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    fonts.pdf_font_dirs.cache_clear()
    for cut in fonts.CUTS:
        assert fonts.pdf_font_dirs(cut) == fonts.system_font_dirs()


def test_a_cut_that_cannot_be_made_falls_back_to_a_larger_one(
    cache: Path, shared_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    shutil.copytree(shared_cache / "full", cache / "full")
    monkeypatch.setitem(sys.modules, "uharfbuzz", None)  # as on a platform without its wheel
    assert fonts.pdf_font_dirs("gb2312") == (str(cache / "full"),)
    assert not (cache / "gb2312" / "faces.json").exists()


def test_which_cut_a_text_needs() -> None:
    seed = "".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.rglob("*.md")))
    assert len(seed) > 10_000 and fonts.cut_for(seed) == "gb2312"
    assert fonts.cut_for("气温-3℃，面积120㎡，①Ⅱ※——“一带一路”（２０２１）αβμ pīnyīn lǜ") == "gb2312"
    for name in ("朱镕基", "王堃", "李喆"):  # outside GB 2312, inside the CJK block
        assert fonts.cut_for("国务院总理" + name) == "common", name
    for rare in ("㐀", "𠀀", "한국", "\U0002a6a5", "\U0001f600"):  # Ext-A, Ext-B, Hangul, emoji
        assert fonts.cut_for("中文" + rare) == "full", rare
    with pytest.raises(ValueError):
        fonts.pdf_font_dirs("gbk")


def test_an_issue_picks_the_cut_its_text_needs(shared_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from zhiku.sources import read_publication

    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_cache.parents[1]))
    publication = read_publication(EXAMPLE)
    assert pdf.font_dirs_for(publication, "兰瑞智库政策观察") == (str(shared_cache / "gb2312"),)
    assert pdf.font_dirs_for(publication, "朱镕基") == (str(shared_cache / "common"),)
    assert pdf.font_dirs_for(publication, "䶮（Ext-A）") == (str(shared_cache / "full"),)


def _compile(folder: Path, tmp_path: Path, text: str, name: str) -> bytes:
    body = re.sub(r"([\\#*_`$<>@=\-+/\[\]~\"'])", r"\\\1", text)
    source = tmp_path / f"{name}.typ"
    source.write_text(
        '#set text(lang: "zh", region: "cn", font: "Noto Serif CJK SC")\n' + body, encoding="utf-8"
    )
    book = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(folder)])
    out = typst.Compiler(root=str(tmp_path), font_paths=book).compile(input=str(source), format="pdf")
    assert isinstance(out, bytes)
    return out


def test_a_rare_character_reaches_the_pdf_through_the_whole_faces(shared_cache: Path, tmp_path: Path) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = "䶮与龑"  # 䶮 is in Extension A: outside the cuts, in the whole face
    for cut, expected in (("common", "与龑"), ("full", "䶮与龑")):
        data = _compile(shared_cache / cut, tmp_path, text, cut)
        (tmp_path / f"{cut}.pdf").write_bytes(data)
        extracted = subprocess.run(
            ["pdftotext", str(tmp_path / f"{cut}.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert extracted.strip().replace("䶮", "") == "与龑" and (("䶮" in extracted) == (cut == "full")), cut
        assert expected in extracted


def _page_hashes(folder: Path, tmp_path: Path, lines: list[str], family: str, weight: str) -> list[str]:
    escaped = [re.sub(r"([\\#*_`$<>@=\-+/\[\]~\"'])", r"\\\1", line) for line in lines]
    source = tmp_path / "repertoire.typ"
    source.write_text(
        f'#set text(lang: "zh", region: "cn", fallback: false, font: "{family}", weight: "{weight}")\n'
        "#set page(height: auto, width: 40cm, margin: 2pt)\n"
        + "\n#pagebreak()\n".join(f"[{line}]" for line in escaped),
        encoding="utf-8",
    )
    book = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(folder)])
    compiler = typst.Compiler(root=str(tmp_path), font_paths=book)
    pages = compiler.compile(input=str(source), format="png", ppi=30)
    assert isinstance(pages, list)
    return [hashlib.sha1(p).hexdigest() for p in pages]


@pytest.mark.parametrize(
    ("cut", "family", "weight"),
    [
        ("gb2312", "Noto Serif CJK SC", "regular"),
        ("gb2312", "Noto Sans CJK SC", "bold"),
        ("common", "Noto Serif CJK SC", "bold"),
        ("common", "Noto Sans CJK SC", "regular"),
    ],
)
def test_a_cut_sets_every_character_it_holds_as_the_whole_face_does(
    shared_cache: Path, tmp_path: Path, cut: str, family: str, weight: str
) -> None:
    """Every character of the cut that the face has — all symbols and punctuation, and every
    GB 2312 ideograph, or every third one of the whole block — rendered through Typst with the
    cut and with the whole face: the same pixels. This caught a dropped zh-CN form of — and “”
    and characters Typst could not find in the cut's character map."""
    whole = next((shared_cache / "full").glob(f"{family.replace(' ', '').replace('SC', '')}*Regular*.otf"))
    mapped = TTFont(str(whole), lazy=True)["cmap"].getBestCmap()

    def wanted(c: int) -> bool:
        if not 0x4E00 <= c <= 0x9FFF:
            return True
        return fonts.cut_for(chr(c)) == "gb2312" if cut == "gb2312" else c % 3 == 0

    codes = (c for lo, hi in fonts.COMMON for c in range(max(lo, 0x21), hi + 1))
    chars = [chr(c) for c in codes if c in mapped and wanted(c)]
    assert len(chars) > 9_000
    lines = ["".join(chars[i : i + 60]) for i in range(0, len(chars), 60)]
    got = _page_hashes(shared_cache / cut, tmp_path, lines, family, weight)
    full = _page_hashes(shared_cache / "full", tmp_path, lines, family, weight)
    differing = [lines[i] for i, (a, b) in enumerate(zip(got, full, strict=True)) if a != b]
    assert differing == []


def test_an_issue_with_a_rare_character_prints_it(tmp_path: Path) -> None:
    """Through render_issue, as a reader gets it: an article naming 刘䶮 (䶮, Extension A, is
    outside the cut) gets the whole faces, and the PDF shows the name, not a box."""
    from test_render_support import pdftotext as pdf_text

    from zhiku.data import open_store
    from zhiku.render import render_issue
    from zhiku.sources import read_publication

    _installed()
    root = tmp_path / "pub"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku", "_site"))
    article = sorted(root.glob("issues/*/*.md"))[0]
    with article.open("a", encoding="utf-8") as fh:
        fh.write("\n南汉高祖刘䶮亦有此论。\n")
    publication = read_publication(root)
    store = open_store(root)
    written = render_issue(publication, publication.issues[0], tmp_path / "out", store=store, findings=[])
    pdf_file = next(p for p in written if p.suffix == ".pdf")
    assert "南汉高祖刘䶮亦有此论" in pdf_text(pdf_file).replace("\n", "")
