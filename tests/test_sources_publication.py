"""Reading publication and issue folders, and the worked example of docs/format.md."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zhiku.errors import ZhikuError
from zhiku.model import Figure
from zhiku.sources import read_issue, read_publication

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "sources" / "two-issues"


def test_issues_sorted_by_date_not_folder_name() -> None:
    pub = read_publication(FIXTURE)
    assert pub.name == "测试智库" and pub.name_en == "Test Institute"
    assert pub.hotline == "010-12345678" and pub.disclaimer == ("仅供参考。",)
    assert [i.date.isoformat() for i in pub.issues] == ["2021-11-29", "2021-12-06"]
    older, newer = pub.issues
    assert older.source.file == FIXTURE / "issues" / "z-special-issue" / "issue.yml"
    assert [a.title for a in older.articles] == ["前一期"]
    # issue.yml's order, not the file names' order
    assert [a.title for a in newer.articles] == ["后一篇的第一篇", "后一篇的第二篇"]
    assert newer.number == "第2期" and newer.weekday_zh == "星期一"  # 期号 as printed, written once


def test_read_issue_with_file_base_gives_relative_sources() -> None:
    issue = read_issue(FIXTURE / "issues" / "2021-12-06", file_base=FIXTURE)
    assert issue.source.file == Path("issues/2021-12-06/issue.yml")
    assert issue.articles[0].source.file == Path("issues/2021-12-06/01-b.md")


def copy_fixture(tmp_path: Path) -> Path:
    dst = tmp_path / "pub"
    shutil.copytree(FIXTURE, dst)
    return dst


@pytest.mark.parametrize(
    ("rel", "text", "line", "zh", "en"),
    [
        (
            "issues/2021-12-06/issue.yml",
            "date: 2021-12-06\nweekday: 星期二\n",
            2,
            "是星期一，不是星期二",
            "Monday",
        ),
        (
            "issues/2021-12-06/issue.yml",
            "date: 2021-12-06\nweekday: 某日\n",
            2,
            "不是星期几",
            "not a weekday",
        ),
        (
            "issues/2021-12-06/issue.yml",
            "date: 2021-12-06\narticles:\n  - 01-b.md\n  - 03-x.md\n",
            4,
            "“03-x.md”不存在",
            "not found",
        ),
        ("issues/2021-12-06/issue.yml", "date: 2021/12/06\n", 1, "2021-11-22 的形式", "2021-11-22"),
        ("issues/2021-12-06/issue.yml", "date: 2021-12-06\nnumbr: 3\n", 2, "未知的键“numbr”", "unknown key"),
        (
            "issues/2021-12-06/issue.yml",
            "date: 2021-12-06\narticles: [01-b.md\n",
            2,
            "YAML",
            "malformed YAML",
        ),
        ("issues/z-special-issue/issue.yml", "number: 1\n", 1, "缺少 date", "missing 'date:'"),
        ("issues/z-special-issue/issue.yml", "date: 2021-12-06\n", 1, "两期的日期相同", "same date"),
        ("zhiku.yml", "name: X\nwebsit: http://x\n", 2, "未知的键“websit”", "unknown key 'websit'"),
        ("zhiku.yml", "name_en: X\n", 1, "缺少 name", "missing 'name:'"),
        ("zhiku.yml", "name: X\nslogan:\n  a: b\n", 2, "应为一段文字", "must be text"),
        ("zhiku.yml", "- name\n", 1, "YAML 映射", "YAML mapping"),
    ],
)
def test_bad_yaml_files_name_file_and_line(
    tmp_path: Path, rel: str, text: str, line: int, zh: str, en: str
) -> None:
    root = copy_fixture(tmp_path)
    (root / rel).write_text(text, encoding="utf-8")
    with pytest.raises(ZhikuError) as err:
        read_publication(root)
    assert err.value.line == line
    assert err.value.file is not None and err.value.file.name == Path(rel).name
    assert zh in err.value.zh and en in err.value.en


def test_missing_folders_and_files(tmp_path: Path) -> None:
    with pytest.raises(ZhikuError, match="出版物文件夹不存在 / publication folder not found"):
        read_publication(tmp_path / "nope")
    with pytest.raises(ZhikuError, match=r"缺少 zhiku\.yml"):
        read_publication(tmp_path)
    with pytest.raises(ZhikuError, match="期刊文件夹不存在"):
        read_issue(tmp_path / "nope")
    root = copy_fixture(tmp_path)
    (root / "issues" / "2021-12-06" / "issue.yml").unlink()
    with pytest.raises(ZhikuError, match=r"缺少 issue\.yml"):
        read_publication(root)


def test_the_worked_example_in_docs_format_reads_as_documented() -> None:
    """docs/format.md's worked example is examples/my-briefing (tests/test_authoring.py checks the
    page shows it verbatim): it reads as the page says `zhiku show` lists it."""
    pub = read_publication(ROOT / "examples" / "my-briefing")
    assert pub.name == "兰瑞智库" and pub.wechat == "RUNWAYSYS888" and len(pub.disclaimer) == 2
    assert {r.key for r in pub.references} == {"ndrc2016", "li2021", "xinhua2021", "bls-cpi", "blinder2022"}
    (issue,) = pub.issues
    assert issue.date_zh == "2021年11月29日 星期一" and issue.number == "第46期"
    first, second = issue.articles
    assert first.title == "中欧班列的“稳”与“进”" and first.tags == ("一带一路", "物流")
    assert len(first.sections) == 2 and len(list(first.walk_sections())) == 4
    kinds = [type(b).__name__ for b in first.walk_blocks()]
    assert kinds == [
        "Paragraph", "Callout", "ListBlock", "Paragraph", "Table", "Figure", "Paragraph", "Image",
        "Image", "Paragraph", "Quote", "Callout", "DefinitionList", "ListBlock",
    ]  # fmt: skip
    assert len(first.footnotes) == 2 and len({c.key for c in first.citations}) == 3
    figures = [b for b in second.walk_blocks() if isinstance(b, Figure)]
    assert [f.series for f in figures] == [("us.cpi_u.inflation.annual",), ()]
    assert figures[0].option("unit") == "%" and figures[0].option("from") == "1960"
    assert [f.label for f in figures] == ["cpi", "port"]


def test_unlisted_article_file_is_named_in_a_warning(tmp_path: Path) -> None:
    pub = copy_fixture(tmp_path)
    folder = pub / "issues" / "2021-12-06"
    (folder / "09-forgotten.md").write_text("---\ntitle: 忘了列出\n---\n\n正文。\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"09-forgotten\.md.*not listed under 'articles:'") as caught:
        issue = read_issue(folder)
    assert "忘了列出" not in [a.title for a in issue.articles]
    assert "issue.yml" in str(caught[0].message)
