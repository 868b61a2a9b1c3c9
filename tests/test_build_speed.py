"""What the cold-build work (issue 14) must keep true: the glyph cache draws the same figures,
``zhiku build --timings`` lists each stage, and a build that renders issues in worker processes
writes the same site as one that renders them one after another."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from zhiku.cli import main
from zhiku.figures import fonts as figure_fonts
from zhiku.figures import glyphcache, textpaths

sys.path.insert(0, str(Path(__file__).parent))
from test_site_support import example_publication

TEXT = "美国通货膨胀率（%）2021年"


def _fresh_process_state() -> None:
    """Forget what this process read, as a new build process would."""
    textpaths._glyph.cache_clear()
    figure_fonts.load_font.cache_clear()
    glyphcache._CACHES.clear()


def test_glyph_cache_gives_the_fonts_own_outlines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _fresh_process_state()
    from_font = textpaths.outline(TEXT, 13, "normal", "middle", 10, 20)
    bold_from_font = textpaths.outline(TEXT, 11, "bold", "start")
    glyphcache.save_all()
    kept = list((tmp_path / "cache" / "zhiku" / "glyphs").glob("*.json"))
    assert len(kept) == 2  # one file a face
    _fresh_process_state()
    assert textpaths.outline(TEXT, 13, "normal", "middle", 10, 20) == from_font
    assert textpaths.outline(TEXT, 11, "bold", "start") == bold_from_font
    # Every character came from the cache: the font was never opened.
    assert figure_fonts.load_font.cache_info().currsize == 0
    _fresh_process_state()


def test_damaged_glyph_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _fresh_process_state()
    expected = textpaths.outline(TEXT, 13, "normal", "start")
    glyphcache.save_all()
    (kept,) = (tmp_path / "cache" / "zhiku" / "glyphs").glob("*.json")
    data = json.loads(kept.read_text(encoding="utf-8"))
    data["glyphs"]["美"] = [1000, 1000, [["moveTo", [["__import__('os')", 0]]]]]  # not a number
    data["glyphs"]["国"] = "rm -rf /"
    kept.write_text(json.dumps(data), encoding="utf-8")
    _fresh_process_state()
    assert textpaths.outline(TEXT, 13, "normal", "start") == expected
    kept.write_bytes(b"\x80not json")
    _fresh_process_state()
    assert textpaths.outline(TEXT, 13, "normal", "start") == expected
    _fresh_process_state()


def run(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["zhiku", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    out = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 1), out.out + out.err


def test_build_timings_lists_each_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = example_publication(tmp_path / "pub")
    code, output = run(["build", str(pub), "--out", str(tmp_path / "site"), "--timings"], monkeypatch, capsys)
    assert code == 0, output
    assert "各阶段用时 / Time by stage" in output
    for stage in ("reading the sources", "number check", "figures", "pages and PDF", "search index", "total",
                  "CPU time"):
        assert stage in output, stage
    # A second build reuses the rendered issue: nothing is checked or drawn again.
    code, output = run(["build", str(pub), "--out", str(tmp_path / "site"), "--timings"], monkeypatch, capsys)
    assert code == 0, output
    assert "reading the sources" in output and "number check" not in output
    # Without the flag, no table.
    code, output = run(["build", str(pub), "--out", str(tmp_path / "site")], monkeypatch, capsys)
    assert code == 0 and "各阶段用时" not in output


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_parallel_build_writes_the_same_site_as_a_serial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issues rendered in worker processes (two at a time) make the same files, byte for byte,
    as one process rendering one issue after another."""
    import shutil

    from test_site_support import make_archive

    from zhiku.site import build_site, render_pool

    pub = make_archive(tmp_path / "pub")
    copy = tmp_path / "pub-copy"
    shutil.copytree(pub, copy)
    serial = build_site(pub, tmp_path / "serial", jobs=1)
    monkeypatch.setattr(render_pool, "MIN_PARALLEL", 2)  # the archive has four issues
    parallel = build_site(copy, tmp_path / "parallel", jobs=2)
    assert serial.rendered == parallel.rendered and len(serial.rendered) == 4
    # every rendered issue's numbers are checked either way (the seed's 29% is in each issue)
    assert serial.inconsistent == parallel.inconsistent >= 1
    assert tree_digest(tmp_path / "parallel") == tree_digest(tmp_path / "serial")
