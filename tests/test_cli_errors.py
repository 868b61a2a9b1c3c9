"""Bad input through the real command line: one bilingual line, exit status 2, no traceback,
and the source file unchanged."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zhiku.cli import main

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_d1431f2bc3438f4f.txt"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "sources" / "two-issues"


def digest(path: Path) -> str:
    """The sources' bytes; ``.zhiku/`` is the publication's derived data (the store zhiku show and
    zhiku check read the series from), rebuilt from the sources, so writing it loses nothing."""
    if path.is_dir():
        h = hashlib.sha256()
        for p in sorted(path.rglob("*")):
            if p.is_file() and ".zhiku" not in p.relative_to(path).parts:
                h.update(str(p.relative_to(path)).encode() + b"\0" + p.read_bytes())
        return h.hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """``zhiku ARGS`` through ``zhiku.cli.main``, the console script's entry point."""
    monkeypatch.setattr(sys, "argv", ["zhiku", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    out = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 1), out.out + out.err


def assert_one_error_line(output: str, location: str, zh: str, en: str) -> None:
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if line.startswith("错误 error:")]
    assert len(lines) == 1, output
    assert f"{location}: " in lines[0]
    assert zh in lines[0] and en in lines[0]
    assert lines[0].index(zh) < lines[0].index(" / ") < lines[0].index(en)  # Chinese first


@pytest.mark.parametrize(
    ("name", "data", "zh", "en"),
    [
        ("empty.txt", b"\n\n", "文件是空的", "the file is empty"),
        (
            "issue.txt",
            b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 8,
            "不是文本文件",
            "not a text file",
        ),
        (
            "issue.docx",
            b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 8,
            "文件已损坏或不是 Word 文档",
            "the file is damaged or not a Word document",
        ),
    ],
    ids=["empty", "binary", "damaged-docx"],
)
def test_unreadable_legacy_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    zh: str,
    en: str,
) -> None:
    src = tmp_path / name
    src.write_bytes(data)
    before = digest(src)
    code, output = run(["import", str(src), "--out", str(tmp_path / "out")], monkeypatch, capsys)
    assert code == 2
    assert_one_error_line(output, str(src), zh, en)
    assert digest(src) == before and not (tmp_path / "out").exists()


def test_missing_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-briefing"
    code, output = run(["show", str(missing)], monkeypatch, capsys)
    assert code == 2
    assert_one_error_line(output, str(missing), "出版物文件夹不存在", "publication folder not found")
    assert not missing.exists()


def test_missing_legacy_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "old.txt"
    code, output = run(["import", str(missing), "--out", str(tmp_path / "out")], monkeypatch, capsys)
    assert code == 2
    assert_one_error_line(output, str(missing), "文件不存在", "file not found")


def copy_fixture(tmp_path: Path) -> Path:
    root = tmp_path / "pub"
    shutil.copytree(FIXTURE, root)
    return root


@pytest.mark.parametrize(
    ("name", "text", "show_file", "line", "zh", "en"),
    [
        (
            "issue.yml",
            "date: 2021-12-06\narticles: [01-b.md, 02-a.md\nnumber: 3\n",
            False,
            2,
            "YAML 格式错误",
            "malformed YAML",
        ),
        (
            "01-b.md",
            '---\ntitle: "未闭合的引号\nslug: b\n---\n\n正文。\n',
            True,
            2,
            "YAML 格式错误",
            "malformed YAML",
        ),
        (
            "02-a.md",
            "---\ntitle: 标题\nauthor: 某人\n---\n\n正文。\n",
            False,
            3,
            "未知的键“author”",
            "unknown front-matter key 'author'",
        ),
    ],
    ids=["malformed-yaml", "malformed-front-matter", "unknown-front-matter-key"],
)
def test_bad_file_in_a_publication(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str,
    show_file: bool,
    line: int,
    zh: str,
    en: str,
) -> None:
    """``zhiku show`` of the publication (or of the bad file itself) names the file and line."""
    root = copy_fixture(tmp_path)
    bad = root / "issues" / "2021-12-06" / name
    bad.write_text(text, encoding="utf-8")
    before = digest(root)
    code, output = run(["show", str(bad if show_file else root)], monkeypatch, capsys)
    assert code == 2
    assert_one_error_line(output, f"{bad}:{line}", zh, en)
    assert digest(root) == before


@pytest.fixture
def seed() -> Path:
    if not SEED.is_file():
        pytest.skip(f"the seed issue is not at {SEED} (CI puts shared/ beside the clone)")
    return SEED


def test_non_empty_target_without_force(
    seed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "seed.txt"
    shutil.copy(seed, src)
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.md").write_text("编辑的笔记", encoding="utf-8")
    before_src, before_out = digest(src), digest(out)
    code, output = run(["import", str(src), "--out", str(out)], monkeypatch, capsys)
    assert code == 2
    assert_one_error_line(output, str(out), "输出文件夹不是空的", "add --force")
    assert digest(src) == before_src and digest(out) == before_out


def test_real_console_script_imports_and_refuses_again(seed: Path, tmp_path: Path) -> None:
    """The installed entry point end to end: a summary first, then a refusal with status 2."""
    out = tmp_path / "pub"
    cmd = [sys.executable, "-m", "zhiku", "import", str(seed), "--out", str(out)]
    env = {**os.environ, "COLUMNS": "120"}
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "2021年11月22日 星期一" in first.stdout
    assert "跨页接回 / paragraphs joined: 7" in first.stdout
    assert "图 / figures: 1" in first.stdout
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert second.returncode == 2
    assert "Traceback" not in second.stderr
    assert second.stderr.strip().startswith(f"错误 error: {out}: 输出文件夹不是空的")


def test_show_succeeds_on_publication_issue_and_article(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command the errors above come from, on good input: exit 0 and a summary."""
    monkeypatch.setenv("COLUMNS", "160")
    for path, expect in [
        (FIXTURE, ["测试智库（2 期 / issues）", "2021年11月29日", "前一期", "后一篇的第二篇"]),
        (FIXTURE / "issues" / "2021-12-06", ["一期 / issue", "后一篇的第一篇"]),
        (FIXTURE / "issues" / "z-special-issue" / "01-first.md", ["前一期", "01-first.md"]),
    ]:
        code, output = run(["show", str(path)], monkeypatch, capsys)
        assert code == 0, output
        for text in expect:
            assert text in output


def test_warning_is_one_line_naming_the_users_file(tmp_path: Path) -> None:
    pub = tmp_path / "pub"
    shutil.copytree(FIXTURE, pub)
    (pub / "issues" / "2021-12-06" / "09-forgotten.md").write_text(
        "---\ntitle: 忘了列出\n---\n\n正文。\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "zhiku", "show", str(pub)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    warned = [line for line in done.stderr.splitlines() if line.startswith("警告 warning:")]
    assert len(warned) == 1, done.stderr
    assert "issues/2021-12-06/issue.yml:" in warned[0] and "09-forgotten.md" in warned[0]
    assert "ZhikuWarning" not in done.stderr and "warnings.warn" not in done.stderr
