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
    contract = {
        "file",
        "line",
        "relation",
        "verdict",
        "text",
        "spans",
        "stated",
        "computed",
        "evidence",
        "inputs",
    }
    assert all(contract <= set(d) <= contract | {"missing", "fix"} for d in data)
    # copy findings (docs/copy.md) carry their fix; number findings never do
    assert all(("fix" in d) == (d["verdict"] == "copy") for d in data)
    bad = [d for d in data if d["verdict"] == "inconsistent"]
    assert len(bad) == 1 and bad[0]["stated"] == "同比增长29%" and bad[0]["computed"] == "30.56%"
    assert bad[0]["file"].endswith("02-yi-dai-yi-lu-gao-zhi-liang-fa.md")
    # each input named with its text, value and line (issue 18): 3610 and 2690 (2018) and 8225 (2019)
    inputs = {(i["text"], i["value"], i["role"]) for i in bad[0]["inputs"]}
    assert {("3610次", 3610.0, "基期"), ("2690次", 2690.0, "基期"), ("8225列", 8225.0, "本期")} <= inputs
    assert all(i["line"] == bad[0]["line"] for i in bad[0]["inputs"])
    unverifiable = [d for d in data if d["verdict"] == "unverifiable"]
    assert unverifiable and all(d.get("missing") for d in unverifiable)
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
