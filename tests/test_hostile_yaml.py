"""YAML and CSV from a publication folder, hostile or careless: alias bombs, deep nesting, huge
documents, impossible dates, wrong types, control characters. Every case ends in one
bilingual line naming the file and line (exit 2), within a second, never a traceback."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import (
    ARTICLE,
    ISSUE_YML,
    ZHIKU_YML,
    assert_clean_exit,
    assert_error_line,
    make_pub,
    run,
    snapshot,
    without_cache,
)

from zhiku.errors import ZhikuError
from zhiku.sources.yamlload import MAX_NODES, load_document, parse_date

ISSUE = Path("issues") / "2021-11-22"
ARTICLE_FILE = ISSUE / "01-trade.md"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """A "billion laughs": each level a list of ``width`` aliases of the one before (9**9 values)."""
    parts = ['&l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        parts.append(f"&l{n} [" + ", ".join([f"*l{n - 1}"] * width) + "]")
    return "[" + ", ".join(parts) + "]"


def with_front_matter(extra: str) -> str:
    return ARTICLE.replace("---\ntitle:", f"---\n{extra}\ntitle:", 1)


# (where, what is written there, the line the error must name)
BOMBS = {
    "references.yaml": (Path("references.yaml"), f"- id: a\n  type: book\n  title: {alias_bomb()}\n", 3),
    "references.yaml deep": (
        Path("references.yaml"),
        "- id: a\n  type: book\n  title: " + "[" * 3000 + "]" * 3000 + "\n",
        3,
    ),
    "front matter summary": (
        ARTICLE_FILE,
        with_front_matter(f"summary: {alias_bomb()}").replace("summary: 班列开行数量稳步增长。\n", ""),
        2,
    ),
    "zhiku.yml disclaimer": (Path("zhiku.yml"), ZHIKU_YML + f"disclaimer: {alias_bomb()}\n", 9),
    "issue.yml title": (ISSUE / "issue.yml", ISSUE_YML + f"title: {alias_bomb()}\n", 4),
    "figure block": (ARTICLE_FILE, ARTICLE + f"\n```figure\ntitle: {alias_bomb()}\nseries: x\n```\n", 17),
    "merge keys": (
        ARTICLE_FILE,
        with_front_matter(
            "a: &a {x: 1, y: 2}\n"
            + "".join(
                f"b{n}: &b{n} {{<<: [*{'a' if n == 0 else f'b{n - 1}'}], k{n}: 1}}\n" for n in range(30)
            )
        ),
        2,
    ),
    "recursive alias": (ARTICLE_FILE, with_front_matter("tags: &t [a, *t]"), 2),
    "deep flow nesting": (ARTICLE_FILE, with_front_matter("tags: " + "[" * 5000 + "]" * 5000), 2),
    "deep block nesting": (
        ARTICLE_FILE,
        with_front_matter("tags:\n" + "".join("  " * n + "-\n" for n in range(1, 400)) + "  " * 400 + "- x"),
        2,
    ),
    "huge front matter": (ARTICLE_FILE, with_front_matter("summary: " + "长" * 300_000), 2),
}


@pytest.mark.parametrize("case", sorted(BOMBS))
@pytest.mark.parametrize("command", ["show", "check"])
def test_yaml_bombs_are_refused_within_a_second(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    command: str,
) -> None:
    rel, text, line = BOMBS[case]
    pub = make_pub(tmp_path)
    (pub / rel).write_text(text, encoding="utf-8")
    before = without_cache(snapshot(pub))  # show may write the derived store in .zhiku/
    started = time.perf_counter()
    code, output = run([command, str(pub)], monkeypatch, capsys)
    assert time.perf_counter() - started < 1.0, f"{case}: took {time.perf_counter() - started:.1f} s"
    # A YAML problem found by the reader is named with its file and line.
    assert_error_line(code, output, f"{rel.name}:")
    error = next(x for x in output.splitlines() if x.startswith("错误 error:"))
    if case != "huge front matter":
        assert f"{rel.name}:{line}:" in error or f"{rel.name}:" in error
    assert without_cache(snapshot(pub)) == before


def test_a_yaml_bomb_stops_a_build_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rel, text, line = BOMBS["front matter summary"]
    pub = make_pub(tmp_path)
    (pub / rel).write_text(text, encoding="utf-8")
    started = time.perf_counter()
    code, output = run(["build", str(pub), "--out", str(tmp_path / "out")], monkeypatch, capsys)
    assert time.perf_counter() - started < 5.0
    assert_error_line(code, output, f"01-trade.md:{line}:")
    assert not (tmp_path / "out").exists()


def test_the_loader_counts_values_after_aliases_without_expanding_them() -> None:
    started = time.perf_counter()
    with pytest.raises(ZhikuError, match="expands too far") as err:
        load_document(f"x: {alias_bomb(levels=30, width=30)}\n", Path("a.yml"))
    assert time.perf_counter() - started < 1.0
    assert err.value.line == 1
    # A few aliases an editor might really use are fine.
    doc = load_document("a: &who 兰瑞智库\nb: *who\nc: [*who, *who]\n", Path("a.yml"))
    assert doc.data == {"a": "兰瑞智库", "b": "兰瑞智库", "c": ["兰瑞智库", "兰瑞智库"]}
    assert MAX_NODES >= 10_000


IMPOSSIBLE_DATES = {
    "2021-02-30": "February 2021 has 28 days",
    "2020-02-30": "February 2020 has 29 days",
    "2021-04-31": "April 2021 has 30 days",
    "2021-13-01": "there is no month 13",
    "2021-00-10": "there is no month 0",
    "0000-01-01": "the year must be between",
    "2021-11-22 25:00:00": "no such time of day",
    "2021-11-22T23:61": "no such time of day",
    "2021-11-22 24:00": "no such time of day",
    "20211122": "must be written as 2021-11-22",
    "2021/11/22": "must be written as 2021-11-22",
    "明天": "must be written as 2021-11-22",
    "[2021-11-22]": "must be written as 2021-11-22",
}


@pytest.mark.parametrize("date", sorted(IMPOSSIBLE_DATES))
@pytest.mark.parametrize("command", ["show", "check", "build"])
def test_impossible_dates_are_one_line_naming_file_and_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    date: str,
    command: str,
) -> None:
    pub = make_pub(tmp_path, issue_yml=f"articles:\n- 01-trade.md\ndate: {date}\n")
    args = [command, str(pub)] + (["--out", str(tmp_path / "out")] if command == "build" else [])
    code, output = run(args, monkeypatch, capsys)
    line = assert_error_line(code, output, "issue.yml:3:")
    assert IMPOSSIBLE_DATES[date] in line
    assert not (tmp_path / "out").exists()


def test_an_impossible_date_in_a_folder_name_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = make_pub(tmp_path, issue_yml="articles:\n- 01-trade.md\n")
    (pub / "issues" / "2021-11-22").rename(pub / "issues" / "2021-02-30")
    code, output = run(["show", str(pub)], monkeypatch, capsys)
    assert "February 2021 has 28 days" in assert_error_line(code, output, "2021-02-30")


def test_a_date_that_exists_is_read_with_or_without_a_time() -> None:
    for text in ("2021-11-22", "2021-11-22 08:30", "2021-11-22T23:59:59Z", "2021-11-22 08:00:00 +08:00"):
        assert parse_date(text, Path("issue.yml"), 1).isoformat() == "2021-11-22"
    assert parse_date("2024-02-29", Path("issue.yml"), 1).isoformat() == "2024-02-29"


WRONG_TYPES = {
    "title a list": (ARTICLE_FILE, ARTICLE.replace("title: 中欧班列的增长", "title: [中欧, 班列]"), "title"),
    "title a mapping": (ARTICLE_FILE, ARTICLE.replace("title: 中欧班列的增长", "title: {a: b}"), "title"),
    "tags nested": (ARTICLE_FILE, ARTICLE.replace("tags: [一带一路]", "tags: [[一带一路]]"), "tags"),
    "number a float": (ISSUE / "issue.yml", ISSUE_YML + "number: 3.5\n", "number"),
    "number too big": (ISSUE / "issue.yml", ISSUE_YML + "number: 100000000000\n", "number"),
    "number negative": (ISSUE / "issue.yml", ISSUE_YML + "number: -3\n", "number"),
    "number infinite": (ISSUE / "issue.yml", ISSUE_YML + "number: .inf\n", "number"),
    "articles a mapping": (ISSUE / "issue.yml", "date: 2021-11-22\narticles: {a: 01-trade.md}\n", "articles"),
    "name a list": (Path("zhiku.yml"), ZHIKU_YML.replace("name: 测试智库", "name: [a, b]"), "name"),
    "email no address": (
        Path("zhiku.yml"),
        ZHIKU_YML.replace("editor@example.org", "not-an-address"),
        "email",
    ),
    "language odd": (Path("zhiku.yml"), ZHIKU_YML + "language: '\"><script>'\n", "language"),
    "unknown key": (Path("zhiku.yml"), ZHIKU_YML + "plugins: [evil]\n", "plugins"),
    "python tag": (
        Path("zhiku.yml"),
        ZHIKU_YML + "tagline: !!python/object/apply:os.system ['true']\n",
        "YAML",
    ),
}


@pytest.mark.parametrize("case", sorted(WRONG_TYPES))
def test_wrong_types_and_ranges_are_one_line_naming_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    rel, text, key = WRONG_TYPES[case]
    pub = make_pub(tmp_path)
    (pub / rel).write_text(text, encoding="utf-8")
    code, output = run(["show", str(pub)], monkeypatch, capsys)
    line = assert_error_line(code, output, f"{rel.name}:")
    assert key in line


@pytest.mark.parametrize(
    "escape",
    ["\\x1b[2J", "\\x07", "\\x9b31m", "\\ud800", "\\uffff", "\\0", "\\x1b]8;;https://evil.example\\x1b\\\\"],
)
@pytest.mark.parametrize("key", ["title", "summary", "tags", "authors"])
def test_control_characters_written_as_yaml_escapes_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], escape: str, key: str
) -> None:
    value = f'"中欧{escape}班列"'
    text = ARTICLE.replace("tags: [一带一路]\n", "").replace("summary: 班列开行数量稳步增长。\n", "")
    if key == "title":
        text = text.replace("title: 中欧班列的增长", f"title: {value}")
    else:
        text = text.replace("title: 中欧班列的增长", f"title: 中欧班列的增长\n{key}: {value}")
    pub = make_pub(tmp_path, article=text)
    code, output = run(["show", str(pub)], monkeypatch, capsys)
    line = assert_error_line(code, output, "01-trade.md:")
    assert "control or invalid character" in line
    assert "\x1b" not in output and "\x9b" not in output and "\x07" not in output


CSV_HEAD = "indicator,period,value,unit,source,source_url,retrieved\n"
BAD_CSV = {
    "control character": (CSV_HEAD + "x.a,2020,1,%,来源\x1b[2J,,\n", 2, "control"),
    "javascript url": (CSV_HEAD + "x.a,2020,1,%,来源,javascript:alert(1),\n", 2, "source_url"),
    "impossible retrieved": (CSV_HEAD + "x.a,2020,1,%,来源,,2021-02-30\n", 2, "does not exist"),
    "year zero retrieved": (CSV_HEAD + "x.a,2020,1,%,来源,,0000-01-01\n", 2, "year"),
    "huge cell": (CSV_HEAD + "x.a,2020,1,%," + "长" * 20_000 + ",,\n", 2, "too long"),
    "infinite value": (CSV_HEAD + "x.a,2020,1e999,%,来源,,\n", 2, "not a number"),
    "month 13": (CSV_HEAD + "x.a,2020-13,1,%,来源,,\n", 2, "not a period"),
}


@pytest.mark.parametrize("case", sorted(BAD_CSV))
@pytest.mark.parametrize("command", ["data-import", "build"])
def test_bad_csv_is_one_line_naming_file_and_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    command: str,
) -> None:
    text, line, fragment = BAD_CSV[case]
    pub = make_pub(tmp_path)
    if command == "data-import":
        src = tmp_path / "bad.csv"
        src.write_text(text, encoding="utf-8")
        code, output = run(["data", "import", str(src), "--pub", str(pub)], monkeypatch, capsys)
        assert not (pub / "data" / "bad.csv").exists()
    else:
        (pub / "data").mkdir()
        (pub / "data" / "bad.csv").write_text(text, encoding="utf-8")
        code, output = run(["build", str(pub), "--out", str(tmp_path / "out")], monkeypatch, capsys)
        assert not (tmp_path / "out").exists()
    error = assert_error_line(code, output, f"bad.csv:{line}:")
    assert fragment in error
    assert "\x1b" not in output


def test_good_yaml_still_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The checks refuse nothing an editor writes: a title that looks like a date, yes/no, a
    number as a text, an issue number, a time after the date."""
    article = ARTICLE.replace("title: 中欧班列的增长", "title: 2021-11-22").replace(
        "tags: [一带一路]", "tags: [一带一路, 2021, 'yes']\nauthors: 张三"
    )
    pub = make_pub(
        tmp_path, article=article, issue_yml="date: 2021-11-22 08:00\nnumber: 12\narticles: [01-trade.md]\n"
    )
    code, output = run(["show", str(pub)], monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0 and "2021-11-22" in output
