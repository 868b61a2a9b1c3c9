"""The copy check (docs/copy.md) on sentences of real Chinese prose and on the seed issue."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from zhiku.claims.copy import check_copy_paths, check_copy_text, copy_rule_names, fix_text
from zhiku.cli import registered
from zhiku.quantities import parse_quantities

app = registered()  # every command, as `zhiku` with no command line registers them

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "runwaysys"
ISSUE = EXAMPLE / "issues" / "2021-11-22"
BELT = ISSUE / "02-yi-dai-yi-lu-gao-zhi-liang-fa.md"
SUMMIT = ISSUE / "01-zhong-mei-yuan-shou-hui-wu-zhong-mei.md"
SEED = ROOT.parent / "shared" / "seed" / "000_d1431f2bc3438f4f.txt"
CASES = yaml.safe_load((ROOT / "tests" / "copy_cases" / "sentences.yml").read_text(encoding="utf-8"))
runner = CliRunner()


def test_the_case_file_is_large_and_balanced() -> None:
    clean, faulty = CASES["clean"], CASES["faulty"]
    assert len(clean) + len(faulty) >= 80
    assert abs(len(clean) - len(faulty)) <= 0.1 * (len(clean) + len(faulty))
    covered = {r for c in faulty for r in c["rules"]}
    assert covered == set(copy_rule_names())  # every rule has faulty sentences


@pytest.mark.parametrize("text", CASES["clean"])
def test_clean_sentence_has_no_copy_finding(text: str) -> None:
    found = check_copy_text(text, "case.md")
    assert found == [], [(f.relation, f.stated, f.evidence) for f in found]


@pytest.mark.parametrize("case", CASES["faulty"], ids=lambda c: c["text"][:16])
def test_faulty_sentence_is_reported_with_its_fix(case: dict[str, object]) -> None:
    text = str(case["text"])
    found = check_copy_text(text, "case.md")
    assert [f.relation for f in found] == case["rules"]
    for f in found:
        assert f.verdict == "copy" and f.fix is not None
        assert f.spans[0] in f.text and text[f.fix.start : f.fix.end] == f.fix.old
        assert f.evidence and f.computed  # what is wrong, and the fix or the advice
    assert fix_text(text).text == case["fixed"]


def _apply(text: str, fixes: list[tuple[int, int, str]]) -> str:
    for a, b, new in sorted(fixes, reverse=True):
        text = text[:a] + new + text[b:]
    return text


# --- the seed -----------------------------------------------------------------------------
def test_seed_half_width_commas_doubling_and_spacing() -> None:
    found = check_copy_paths([EXAMPLE])
    commas = [f for f in found if f.relation == "copy_punctuation_width" and f.stated.strip() == ","]
    # 19 commas between two Chinese characters and 1 before a Chinese quotation mark (目前,“六廊六路)
    assert len(commas) == 20
    assert all(f.file == BELT and 50 <= f.line <= 58 and f.fix and f.fix.new.strip() == "，" for f in commas)
    between_han = [f for f in commas if "\u4e00" <= f.text[f.span_offsets[0][1]] <= "\u9fff"]
    assert len(between_han) == 19
    doubled = [f for f in found if f.relation == "copy_doubled"]
    assert [(f.file, f.line, f.stated) for f in doubled] == [(BELT, 60, "年")]
    assert "八年来年" in doubled[0].evidence and doubled[0].computed.startswith("八年来，")
    spacing = [f for f in found if f.relation == "copy_cjk_spacing"]
    # article 2 mostly writes 2013年 and 715.7亿美元: its 2020 年底 loses its spaces…
    belt = [f for f in spacing if f.file == BELT]
    assert belt and all(f.fix and f.fix.new.strip() == "" and 50 <= f.line <= 74 for f in belt)
    assert any(f.line == 50 and "2020年底" in f.computed for f in belt)
    # …article 1 mostly writes 11 月 16 日: its opening 11月16日 gains them
    summit = [f for f in spacing if f.file == SUMMIT]
    assert any(f.line == 9 and f.fix and f.fix.new.startswith(" ") for f in summit)


def test_seed_reduplications_are_left_alone() -> None:
    found = check_copy_paths([EXAMPLE], only=["copy_doubled"])
    text = BELT.read_text(encoding="utf-8") + SUMMIT.read_text(encoding="utf-8")
    for word in ("沉甸甸", "刚刚", "空空", "实打实"):
        assert word in text
    assert [f.stated for f in found] == ["年"]


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed/ is not here")
def test_the_seed_as_delivered_same_findings() -> None:
    found = check_copy_text(SEED.read_text(encoding="utf-8"), SEED)
    counts = Counter(f.relation for f in found)
    commas = [f for f in found if f.relation == "copy_punctuation_width" and f.stated.strip() == ","]
    assert len(commas) == 20
    assert counts["copy_doubled"] == 1 and counts["copy_unmatched"] == 2


def test_report_has_its_own_section_with_counts() -> None:
    result = runner.invoke(app, ["check", str(EXAMPLE)], env={"COLUMNS": "200"})
    assert result.exit_code == 1  # the number check's one inconsistency, as before
    out = result.stdout
    section = out[out.index("文字 / Copy") :]
    assert "全角半角 copy_punctuation_width 24" in section
    assert "重复字词 copy_doubled 1" in section
    assert "引号括号不配对 copy_unmatched 2" in section
    assert "八年来，" in section  # the fix is shown
    assert "不符 inconsistent 1" in out[: out.index("文字 / Copy")]


def test_copy_findings_never_change_the_number_gate(tmp_path: Path) -> None:
    prose = tmp_path / "ok.md"
    prose.write_text("2013-2019年,合同额由715.7亿美元增至1548.9亿美元，年均增长13.7%。\n", encoding="utf-8")
    plain = runner.invoke(app, ["check", "--json", str(prose)])
    assert plain.exit_code == 0
    data = json.loads(plain.stdout)
    assert [d["relation"] for d in data if d["verdict"] == "copy"] == ["copy_punctuation_width"]
    assert runner.invoke(app, ["check", "--fail-on", "copy", str(prose)]).exit_code == 1
    assert runner.invoke(app, ["check", "--fail-on", "all", str(prose)]).exit_code == 1
    assert runner.invoke(app, ["check", "--fail-on", "none", str(EXAMPLE)]).exit_code == 0
    quiet = runner.invoke(app, ["check", "--json", "--no-copy", str(prose)])
    assert all(d["verdict"] != "copy" for d in json.loads(quiet.stdout))
    only = runner.invoke(app, ["check", "--json", "--only", "copy_doubled", str(EXAMPLE)])
    assert {d["relation"] for d in json.loads(only.stdout)} == {"copy_doubled"}


# --- fixing -------------------------------------------------------------------------------
def test_fix_copy_changes_only_what_it_reports_and_is_idempotent(tmp_path: Path) -> None:
    article = tmp_path / BELT.name
    shutil.copy(BELT, article)
    original = article.read_text(encoding="utf-8")
    reported = json.loads(runner.invoke(app, ["check", "--json", "--no-copy", str(article)]).stdout)
    copy = json.loads(runner.invoke(app, ["check", "--json", str(article)]).stdout)[len(reported) :]
    safe = [(d["fix"]["start"], d["fix"]["end"], d["fix"]["new"]) for d in copy if d["fix"]["safe"]]
    assert len(safe) >= 22  # the commas, the doubled 年, the spaces, the numerals

    result = runner.invoke(app, ["check", "--fix-copy", str(article)])
    assert result.exit_code == 0, result.output
    fixed_file = tmp_path / (article.stem + ".fixed.md")
    fixed = fixed_file.read_text(encoding="utf-8")
    assert article.read_text(encoding="utf-8") == original  # the source is untouched
    assert fixed == _apply(original, safe)  # exactly the reported spans changed
    # no number changed its value (7年 → 七年 is a change of form only)
    values = Counter((q.kind, q.value, q.unit) for q in parse_quantities(original))
    assert values == Counter((q.kind, q.value, q.unit) for q in parse_quantities(fixed))
    assert "八年来，中国" in fixed and "截至2020年底，纳入" in fixed

    # idempotent: the fixed text has nothing left to fix
    assert fix_text(fixed).text == fixed
    again = runner.invoke(app, ["check", "--fix-copy", str(fixed_file)])
    assert "无需修改" in again.stdout and fixed_file.read_text(encoding="utf-8") == fixed

    # in place: a backup first (never overwritten), then the file; a second run writes nothing
    runner.invoke(app, ["check", "--fix-copy", "--in-place", str(article)])
    assert (tmp_path / (article.name + ".bak")).read_text(encoding="utf-8") == original
    assert article.read_text(encoding="utf-8") == fixed
    runner.invoke(app, ["check", "--fix-copy", "--in-place", str(article)])
    assert not (tmp_path / (article.name + ".bak.1")).exists()


MARKDOWN = """---
title: 标题,副标题
tags: [中美, 外交]
---

## 一、前言,开始

正文,中文[^1] 见@fig:trade,以及[文字,链接](http://x.com/a,b "标题,x")。<!-- 注释,中文 -->

![图片,说明](a.png){width=60%}

图1 中国贸易,出口 {#fig:trade}

| 国家,地区 | 数值 |
| --- | --- |
| 中国,大陆 | 1000 |

```figure
title: 美国,通胀
series: us.cpi_u.inflation.annual
```

<div class="x">中文,html</div>

[^1]: 注释,文字 https://a.com/中文,b

<https://a.com/中文,x> 中文,结束。`代码,中文`
"""


def test_markdown_syntax_is_never_touched(tmp_path: Path) -> None:
    fixed = fix_text(MARKDOWN).text
    assert "title: 标题，副标题" in fixed  # a title is prose readers see; keys and lists are not
    for kept in (
        "tags: [中美, 外交]",
        '(http://x.com/a,b "标题,x")',
        "<!-- 注释,中文 -->",
        "{width=60%}",
        "{#fig:trade}",
        "@fig:trade",
        "[^1]",
        "title: 美国,通胀",
        '<div class="x">中文,html</div>',
        "https://a.com/中文,b",
        "<https://a.com/中文,x>",
        "`代码,中文`",
        "| --- | --- |",
    ):
        assert kept in fixed, kept
    for prose in ("前言，开始", "正文，中文", "文字，链接", "图片，说明", "中国贸易，出口", "国家，地区",
                  "中国，大陆", "注释，文字", "中文，结束"):  # fmt: skip
        assert prose in fixed, prose
    assert fix_text(fixed).text == fixed


# --- house style and silencing ------------------------------------------------------------
def _publication(tmp_path: Path, style: str) -> Path:
    root = tmp_path / "pub"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".zhiku"))
    yml = root / "zhiku.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + style, encoding="utf-8")
    return root


def test_house_style_turns_rules_off_and_sets_spacing(tmp_path: Path) -> None:
    root = _publication(tmp_path, "copy:\n  off: [copy_numeral_mix]\n  cjk_spacing: none\n")
    found = check_copy_paths([root])
    assert not any(f.relation == "copy_numeral_mix" for f in found)
    summit = [f for f in found if f.relation == "copy_cjk_spacing" and f.file.name == SUMMIT.name]
    assert summit and all(f.fix and f.fix.new.strip() == "" for f in summit)  # spaces removed, not added


def test_a_bad_house_style_is_one_bilingual_line(tmp_path: Path) -> None:
    for style, words in (
        ("copy:\n  spacing: none\n", ("未知的键", "unknown key 'spacing'")),
        ("copy:\n  off: [copy_typo]\n", ("没有这种文字规则", "copy_typo")),
        ("copy:\n  cjk_spacing: wide\n", ("cjk_spacing", "must be one of")),
    ):
        root = _publication(tmp_path / str(abs(hash(style))), style)
        r = subprocess.run(
            [sys.executable, "-m", "zhiku", "check", str(root)], capture_output=True, text=True, timeout=120
        )
        assert r.returncode == 2 and "Traceback" not in r.stderr
        assert all(w in r.stderr for w in words) and "zhiku.yml" in r.stderr


def test_inline_comment_silences_one_block() -> None:
    text = (
        "<!-- zhiku: ignore copy -->\n第一段,有半角逗号。\n\n第二段,也有。\n\n"
        "第三段,有逗号<!-- zhiku: ignore copy_doubled -->，也有重复的的字。\n\n"
        "第四段的的重复<!-- zhiku: ignore copy_doubled -->。\n"
    )
    found = check_copy_text(text, "a.md")
    assert [(f.line, f.relation) for f in found] == [
        (4, "copy_punctuation_width"),
        (6, "copy_punctuation_width"),
    ]
