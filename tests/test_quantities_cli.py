"""`zhiku quantities FILE [--json]` on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from zhiku.cli import registered

app = registered()  # every command, as `zhiku` with no command line registers them

runner = CliRunner()


def test_json_follows_the_contract(tmp_path: Path) -> None:
    text = "2019年中欧班列开行8225列，同比增长29%，发运72.5万标箱；美国占 24%，中国占 17%-19%。"
    f = tmp_path / "prose.txt"
    f.write_text(text, encoding="gb18030")  # the reader detects the encoding
    result = runner.invoke(app, ["quantities", "--json", str(f)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["text"] for r in rows] == ["2019年", "8225列", "29%", "72.5万标箱", "24%", "17%-19%"]
    for r in rows:
        assert set(r) == {
            "start",
            "end",
            "text",
            "kind",
            "value",
            "low",
            "high",
            "low_inclusive",
            "high_inclusive",
            "unit",
            "qualifier",
        }
        assert text[r["start"] : r["end"]] == r["text"]
    assert rows[0]["value"] == "2019" and rows[0]["kind"] == "date"
    assert (rows[3]["value"], rows[3]["unit"]) == (725000, "TEU")
    assert (rows[5]["low"], rows[5]["high"], rows[5]["qualifier"]) == (17, 19, "range")


def test_table_shows_values(tmp_path: Path) -> None:
    f = tmp_path / "prose.md"
    f.write_text("新签合同额由715.7亿美元增至1548.9亿美元。\n时长约 90 分钟。\n", encoding="utf-8")
    result = runner.invoke(app, ["quantities", str(f)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "71,570,000,000" in result.stdout and "USD" in result.stdout
    assert "约 90 分钟" in result.stdout and "approx" in result.stdout


def test_unit_named_without_a_number(tmp_path: Path) -> None:
    """人民币 and 摄氏度 standing alone: shown as unit only, with no value, in the table and the JSON."""
    f = tmp_path / "prose.md"
    f.write_text("人民币兑美元汇率中间价上调。华氏温度51度合多少摄氏度？\n", encoding="utf-8")
    result = runner.invoke(app, ["quantities", str(f)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert result.stdout.count("仅单位 / unit only") == 3 and "仅单位 unit" in result.stdout
    rows = json.loads(runner.invoke(app, ["quantities", "--json", str(f)]).stdout)
    assert [(r["text"], r["kind"], r["unit"], r["value"], r["qualifier"]) for r in rows] == [
        ("人民币", "money", "CNY", None, "unit"),
        ("美元", "money", "USD", None, "unit"),
        ("华氏温度51度", "dimension", "°F", 51, "exact"),
        ("摄氏度", "dimension", "°C", None, "unit"),
    ]
    assert all(r["low"] is None and r["high"] is None for r in rows)


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "zhiku", "quantities", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "nope.txt" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_markdown_front_matter_and_figure_blocks_are_not_prose(tmp_path: Path) -> None:
    text = (
        "---\ntitle: 第 3 期\ntags: [2021]\n---\n\n## 一、前言\n\n同比增长29%。\n\n"
        "```figure\ntitle: 美国历年通货膨胀率\nfrom: 1960\nto: 2021\n```\n\n共开行8225列。\n"
    )
    f = tmp_path / "01-article.md"
    f.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["quantities", "--json", str(f)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["text"] for r in rows] == ["29%", "8225列"]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_table_and_json_show_qualifier_and_bounds(tmp_path: Path) -> None:
    f = tmp_path / "bounds.txt"
    f.write_text("增速不低于6.5%，超过7%的企业有百余家，十几个省份。\n", encoding="utf-8")
    rows = json.loads(runner.invoke(app, ["quantities", "--json", str(f)]).stdout)
    by_text = {r["text"]: r for r in rows}
    floor = by_text["不低于6.5%"]
    assert (floor["qualifier"], floor["low"], floor["low_inclusive"], floor["high"]) == (
        "over",
        6.5,
        True,
        None,
    )
    assert (by_text["超过7%"]["low"], by_text["超过7%"]["low_inclusive"]) == (7, False)
    assert (by_text["百余家"]["qualifier"], by_text["百余家"]["low"], by_text["百余家"]["high"]) == (
        "more",
        100,
        200,
    )
    assert (by_text["十几个"]["qualifier"], by_text["十几个"]["value"]) == ("approx", None)
    table = runner.invoke(app, ["quantities", str(f)], env={"COLUMNS": "200"}).stdout
    assert "[6.5, ∞)" in table and "(7, ∞)" in table and "(100, 200)" in table and "(10, 20)" in table
    assert "下限 over" in table and "多 more" in table
