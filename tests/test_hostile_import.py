"""``zhiku import --force`` replaces only a folder that zhiku import wrote (its ``.zhiku-import``
marker), never an ordinary folder, a hand-written publication or a publication's ``data/``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import assert_clean_exit, assert_error_line, make_pub, outside, run, snapshot

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_d1431f2bc3438f4f.txt"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason=f"the seed issue {SEED} is not available")


def target_ordinary(base: Path) -> Path:
    folder = base / "documents"
    (folder / "sub").mkdir(parents=True)
    (folder / "report.docx").write_bytes(b"PK\x03\x04 a Word file")
    (folder / "sub" / "notes.txt").write_text("mine", encoding="utf-8")
    return folder


def target_hand_written_publication(base: Path) -> Path:
    return make_pub(base)


def target_publication_data(base: Path) -> Path:
    pub = make_pub(base)
    (pub / "data").mkdir()
    (pub / "data" / "series.csv").write_text(
        "indicator,period,value,unit,source\nx.a,2020,1,%,来源\n", encoding="utf-8"
    )
    return pub / "data"


def target_symlink_to_an_imported_publication(base: Path) -> Path:
    real = base / "real"
    real.mkdir()
    (real / ".zhiku-import").write_text("zhiku import\n", encoding="utf-8")
    (real / "keep.txt").write_text("mine", encoding="utf-8")
    link = base / "link"
    link.symlink_to(real, target_is_directory=True)
    return link


def target_marker_is_a_symlink(base: Path) -> Path:
    folder = target_ordinary(base)
    marker = outside(base) / "marker"
    marker.write_text("zhiku import\n", encoding="utf-8")
    (folder / ".zhiku-import").symlink_to(marker)
    return folder


def target_marker_is_a_folder(base: Path) -> Path:
    folder = target_ordinary(base)
    (folder / ".zhiku-import").mkdir()
    return folder


TARGETS = {
    name.removeprefix("target_"): fn for name, fn in sorted(globals().items()) if name.startswith("target_")
}


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_force_never_replaces_a_folder_zhiku_import_did_not_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    out = TARGETS[target](tmp_path)
    watched = tmp_path
    before = snapshot(watched)
    code, output = run(["import", str(SEED), "--out", str(out), "--force"], monkeypatch, capsys)
    assert_error_line(code, output, out.name)
    assert snapshot(watched) == before


def test_force_replaces_a_publication_zhiku_import_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pub"
    code, output = run(["import", str(SEED), "--out", str(out)], monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert (out / ".zhiku-import").is_file() and (out / "zhiku.yml").is_file()
    (out / "zhiku.yml").write_text("name: 改过\n", encoding="utf-8")
    code, output = run(["import", str(SEED), "--out", str(out)], monkeypatch, capsys)
    assert_error_line(code, output, "pub")  # not without --force
    code, output = run(["import", str(SEED), "--out", str(out), "--force"], monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0
    assert "兰瑞智库" in (out / "zhiku.yml").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bystander", "pub"]  # no staging left
