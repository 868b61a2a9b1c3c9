"""Zero-width and other invisible characters (U+200B, U+200D, U+2060, U+FEFF, U+00AD) pasted into a
publication — inside a number (82​25列), a title, a summary, a tag, the issue file — through show,
check and build: no traceback, a clean exit, and the number check reads the number the reader sees
(8225, not 82 and 25) while reporting where the invisible character stands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import ARTICLE, ISSUE_YML, assert_clean_exit, make_pub, run

INVISIBLE = ["\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad"]


def _hidden(ch: str) -> tuple[str, str]:
    article = (
        ARTICLE.replace("8225列", f"82{ch}25列")
        .replace("title: 中欧班列的增长", f"title: 中欧{ch}班列的增长")
        .replace("summary: 班列", f"summary: 班{ch}列")
        .replace("tags: [一带一路]", f"tags: [一带{ch}一路]")
    )
    # and one at the very start of the issue file, where Windows tools leave a byte-order mark
    return article, ch + ISSUE_YML


@pytest.mark.parametrize("ch", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_check_reads_through_and_reports_the_character(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ch: str
) -> None:
    article, issue_yml = _hidden(ch)
    pub = make_pub(tmp_path, article=article, issue_yml=issue_yml)
    code, output = run(["check", "--json", str(pub)], monkeypatch, capsys)
    assert_clean_exit(code, output)
    findings = json.loads(output[output.index("[") :])
    growth = [f for f in findings if f["relation"] == "yoy_growth"]
    assert growth and growth[0]["verdict"] == "consistent", growth  # 8225/6300 − 1 = 30.56%
    assert any(i["value"] == 8225 for i in growth[0]["inputs"]), growth[0]["inputs"]
    hidden = [f for f in findings if f["relation"] == "copy_invisible"]
    assert hidden and all(f["file"].endswith("01-trade.md") for f in hidden), findings


@pytest.mark.parametrize("command", ["show", "build"])
@pytest.mark.parametrize("ch", ["\u200b", "\ufeff"], ids=["U+200B", "U+FEFF"])
def test_show_and_build_stay_clean(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    ch: str,
) -> None:
    article, issue_yml = _hidden(ch)
    pub = make_pub(tmp_path, article=article, issue_yml=issue_yml)
    args = [command, str(pub)] + (["--out", str(tmp_path / "site")] if command == "build" else [])
    code, output = run(args, monkeypatch, capsys)
    assert_clean_exit(code, output)
    if command == "build":
        assert code == 0, output
        assert (tmp_path / "site" / "2021-11-22" / "index.html").is_file()
