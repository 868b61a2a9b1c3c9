"""What `zhiku build` tells the editor at the end: the number check's verdict among the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from zhiku.cli import registered

app = registered()  # every command, as `zhiku` with no command line registers them

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "runwaysys"
runner = CliRunner()


def test_build_reports_the_seeds_inconsistent_number_and_then_its_fix(tmp_path: Path) -> None:
    pub = tmp_path / "pub"
    shutil.copytree(EXAMPLE, pub, ignore=shutil.ignore_patterns(".zhiku"))
    env = {"COLUMNS": "250"}
    result = runner.invoke(app, ["build", str(pub), "--out", str(tmp_path / "site")], env=env)
    assert result.exit_code == 0, result.output
    assert "1 处数字不一致 / 1 inconsistent" in result.output  # the seed's 同比增长29% (30.6%)
    article = next((pub / "issues" / "2021-11-22").glob("02-*.md"))
    text = article.read_text(encoding="utf-8")
    assert "同比增长29%" in text
    article.write_text(text.replace("同比增长29%", "同比增长30.6%"), encoding="utf-8")
    result = runner.invoke(app, ["build", str(pub), "--out", str(tmp_path / "site")], env=env)
    assert result.exit_code == 0, result.output
    assert "未见不一致 / none inconsistent" in result.output
