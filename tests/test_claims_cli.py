"""`zhiku check` as a user runs it: the report, the JSON contract and the exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "runwaysys"


def zhiku(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zhiku", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
        timeout=120,
    )


def test_json_contract_and_exit_1_on_the_example() -> None:
    r = zhiku("check", "--json", str(EXAMPLE))
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    assert all(
        set(d) == {"file", "line", "relation", "verdict", "text", "spans", "stated", "computed", "evidence"}
        for d in data
    )
    bad = [d for d in data if d["verdict"] == "inconsistent"]
    assert len(bad) == 1 and bad[0]["stated"] == "同比增长29%" and bad[0]["computed"] == "30.56%"
    assert bad[0]["file"].endswith("02-yi-dai-yi-lu-gao-zhi-liang-fa.md")
    for d in data:
        assert all(s in d["text"] for s in d["spans"])


def test_report_groups_by_article_and_sums_up() -> None:
    r = zhiku("check", str(EXAMPLE / "issues" / "2021-11-22"))
    assert r.returncode == 1
    out = r.stdout
    assert "01-zhong-mei-yuan-shou-hui-wu-zhong-mei.md" in out
    assert "02-yi-dai-yi-lu-gao-zhi-liang-fa.md" in out
    assert "8225/(3610+2690)" in out and "不符" in out
    assert "不符 inconsistent 1" in out


def test_exit_0_when_nothing_is_inconsistent(tmp_path: Path) -> None:
    prose = tmp_path / "ok.md"
    prose.write_text("2013-2019年，合同额由715.7亿美元增至1548.9亿美元，年均增长13.7%。\n", encoding="utf-8")
    r = zhiku("check", str(prose))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "相符 consistent 1" in r.stdout


def test_exit_2_with_one_line_for_bad_input(tmp_path: Path) -> None:
    r = zhiku("check", str(tmp_path / "missing.md"))
    assert r.returncode == 2
    assert "路径不存在" in r.stderr and "Traceback" not in r.stderr
    odd = tmp_path / "x.pdf"
    odd.write_bytes(b"%PDF-1.4")
    r = zhiku("check", str(odd))
    assert r.returncode == 2 and "x.pdf" in r.stderr and "Traceback" not in r.stderr
