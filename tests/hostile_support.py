"""Helpers for the hostile-input tests (tests/test_hostile_*.py); no tests here.

Every hostile case asserts the same four things, through the real command line:
no traceback; exit status 0, or 2 with exactly one bilingual error line naming the file;
no file outside the output and the publication's cache changed; nothing from outside the
publication and no injected script in the output.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from zhiku.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "runwaysys"
EVIL = "ZHIKU-EVIL-7c1f"  # written into hostile inputs; must never reach an output as markup
SECRET = "ZHIKU-SECRET-93ab"  # the content of files outside the publication

ZHIKU_YML = """name: 测试智库
name_en: Testtank
column: 政策观察
publisher: 测试智库研究中心
website: https://example.org
base_url: https://example.org/briefing/
email: editor@example.org
"""

ISSUE_YML = "date: 2021-11-22\narticles:\n- 01-trade.md\n"

ARTICLE = """---
title: 中欧班列的增长
tags: [一带一路]
summary: 班列开行数量稳步增长。
---

## 一、概况

2018年中欧班列开行6300列，2019年开行8225列，同比增长30.6%。

## 二、展望

预计今后仍将保持增长。
"""


def make_pub(
    base: Path, *, article: str = ARTICLE, zhiku_yml: str = ZHIKU_YML, issue_yml: str = ISSUE_YML
) -> Path:
    """A small publication (one issue, one article, no figure: quick to build) at ``base/pub``."""
    pub = base / "pub"
    folder = pub / "issues" / "2021-11-22"
    folder.mkdir(parents=True)
    (pub / "zhiku.yml").write_text(zhiku_yml, encoding="utf-8")
    (folder / "issue.yml").write_text(issue_yml, encoding="utf-8")
    (folder / "01-trade.md").write_text(article, encoding="utf-8")
    return pub


def example_pub(base: Path) -> Path:
    """The bundled example (the seed issue, with a figure) at ``base/pub``."""
    if not (EXAMPLE / "zhiku.yml").is_file():
        pytest.skip(f"the example publication {EXAMPLE} is missing")
    pub = base / "pub"
    shutil.copytree(EXAMPLE, pub, ignore=shutil.ignore_patterns(".zhiku", "_site"))
    return pub


def outside(base: Path) -> Path:
    """A folder beside the publication holding files nobody asked zhiku to touch or publish."""
    folder = base / "outside"
    (folder / "nested").mkdir(parents=True, exist_ok=True)
    (folder / "secret.md").write_text(f"---\ntitle: {SECRET}\n---\n\n{SECRET} 正文。\n", encoding="utf-8")
    (folder / "secret.css").write_text(f"/* {SECRET} */ body {{ color: red }}\n", encoding="utf-8")
    (folder / "nested" / "keep.txt").write_text(SECRET, encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (files by content, links by target, folders by name)."""
    found: dict[str, str] = {}
    if not folder.exists() and not folder.is_symlink():
        return found
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            rel = p.relative_to(folder).as_posix()
            if p.is_symlink():
                found[rel] = "-> " + os.readlink(p)
            elif p.is_dir():
                found[rel] = "dir"
            else:
                found[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return found


def run(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """``zhiku ARGS`` through ``zhiku.cli.main`` (the console script's entry); (status, output)."""
    monkeypatch.setattr(sys, "argv", ["zhiku", *args])
    code: int | str | None = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return (code if isinstance(code, int) else (0 if code is None else 1)), out.out + out.err


def assert_clean_exit(code: int, output: str, names: str | None = None) -> None:
    """No traceback; status 0, or 2 with exactly one bilingual error line (naming ``names``)."""
    assert "Traceback" not in output, output
    assert code in (0, 2), f"exit status {code}:\n{output}"
    if code == 2:
        errors = [line for line in output.splitlines() if line.startswith("错误 error:")]
        assert len(errors) == 1, output
        assert " / " in errors[0], errors[0]
        if names is not None:
            assert names in errors[0], errors[0]


def assert_error_line(code: int, output: str, names: str) -> str:
    """Status 2 and one bilingual error line naming ``names``; returns the line."""
    assert code == 2, f"expected an error (status 2), got {code}:\n{output}"
    assert_clean_exit(code, output, names)
    return next(line for line in output.splitlines() if line.startswith("错误 error:"))


def output_text(out: Path) -> str:
    """Every text file of a built site, concatenated (HTML, XML, JSON, CSS, JS)."""
    parts: list[str] = []
    if not out.is_dir():
        return ""
    for p in sorted(out.rglob("*")):
        if p.is_file() and p.suffix in (".html", ".xml", ".json", ".css", ".js", ".txt", ".svg"):
            parts.append(p.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


_SCRIPT_URL = re.compile(
    r"""(?:href|src|action|xlink:href)\s*=\s*["']?\s*(?:javascript:|vbscript:|data:text/html)""", re.I
)


# An event-handler attribute in a tag (the themes use none; sanitised text never has one).
_HANDLER = re.compile(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=", re.I)


def assert_no_outside_content(out: Path) -> None:
    """Nothing from outside the publication, and no injected script, in the site's pages."""
    text = output_text(out)
    assert SECRET not in text
    pages = (
        "\n".join(
            p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(out.rglob("*"))
            if p.is_file() and p.suffix in (".html", ".xml", ".svg")
        )
        if out.is_dir()
        else ""
    )
    assert f"<script>{EVIL}" not in pages
    assert not _SCRIPT_URL.search(pages), _SCRIPT_URL.search(pages)
    assert not _HANDLER.search(pages), _HANDLER.search(pages)


def without_cache(snap: dict[str, str]) -> dict[str, str]:
    """A snapshot of a publication without its cache (.zhiku/), which a build may change."""
    return {k: v for k, v in snap.items() if not (k == ".zhiku" or k.startswith(".zhiku/"))}
