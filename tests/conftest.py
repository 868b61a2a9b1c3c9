"""Shared fixtures. The hostile-input tests (test_hostile_*.py) each get a bystander folder
beside their publication, which nothing may change, whatever the test feeds zhiku."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest


def _state(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(autouse=True)
def bystander(request: pytest.FixtureRequest) -> Iterator[None]:
    if not request.module.__name__.startswith("test_hostile_") or "tmp_path" not in request.fixturenames:
        yield
        return
    tmp_path: Path = request.getfixturevalue("tmp_path")
    folder = tmp_path / "bystander"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "report.md").write_text("---\ntitle: 别人的文件\n---\n\n不要动。\n", encoding="utf-8")
    (folder / "data.csv").write_text("indicator,period,value,unit,source\nx.a,2020,1,%,来源\n", "utf-8")
    before = _state(folder)
    yield
    assert folder.is_dir() and not folder.is_symlink(), "the bystander folder was removed or replaced"
    assert _state(folder) == before, "a file outside the publication, the output and the cache changed"
