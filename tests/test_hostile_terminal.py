"""User text reaches the terminal as text: Rich markup (``[/]``, ``[link=…]``, ``[bold]``, emoji
codes) is shown as written, never interpreted (it crashed ``show`` or made live hyperlinks), and
control characters (ESC, C1 such as U+009B, bidirectional overrides) never reach the terminal —
for every command that prints user text: show, check, build, import, quantities, data, serve."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import ARTICLE, assert_clean_exit, assert_error_line, make_pub, run

from zhiku.cli.term import clean, json_text

MARKUP = "[/]中欧[link=https://evil.example]点我[/link][bold red]红[/bold red]:smile:"
# Characters that pass every loader (legal in text: bidirectional controls) but must not reach a
# terminal raw; file names may hold any character at all (NAME_CONTROLS).
CONTROLS = "\u202e\u2066"
NAME_CONTROLS = "\x1b[31m\u009b31m\u202e"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_d1431f2bc3438f4f.txt"


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # tables on one line each, so text can be found whole


def assert_terminal_safe(output: str) -> None:
    assert "Traceback" not in output
    for ch in ("\x1b", "\x9b", "\x07", "\u202e", "\u2066", "\r"):
        assert ch not in output, f"{ch!r} reached the terminal"
    assert "\x1b]8;" not in output  # no terminal hyperlink


def test_clean_and_json_text() -> None:
    assert clean("a\x1b[2Jb\x9bc\u202ed\te\nf") == "a[2Jbcd\te\nf"
    raw = json_text({"t": "中\x9b文\u202e"})
    assert "\x9b" not in raw and "\u202e" not in raw
    assert json.loads(raw) == {"t": "中\x9b文\u202e"}  # the same JSON value


def test_show_prints_markup_in_titles_and_file_names_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    article = ARTICLE.replace("title: 中欧班列的增长", f"title: '{MARKUP}'").replace(
        "tags: [一带一路]", f"tags: ['{MARKUP}']\nauthors: ['[/]张三']"
    )
    pub = make_pub(tmp_path, article=article, zhiku_yml=f"name: '{MARKUP}'\nbase_url: https://example.org/\n")
    odd = f"01-{MARKUP}{NAME_CONTROLS}.md".replace("/", "／")
    (pub / "issues" / "2021-11-22" / "01-trade.md").rename(pub / "issues" / "2021-11-22" / odd)
    (pub / "issues" / "2021-11-22" / "issue.yml").write_text("date: 2021-11-22\n", encoding="utf-8")
    code, output = run(["show", str(pub)], monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0
    assert_terminal_safe(output)
    assert "[/]中欧" in output and "[link=https://evil.example]" in output and ":smile:" in output


def test_show_of_a_single_article_and_an_issue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = make_pub(tmp_path, article=ARTICLE.replace("title: 中欧班列的增长", f"title: '{MARKUP}'"))
    for target in (pub / "issues" / "2021-11-22" / "01-trade.md", pub / "issues" / "2021-11-22"):
        code, output = run(["show", str(target)], monkeypatch, capsys)
        assert_clean_exit(code, output)
        assert_terminal_safe(output)
        assert "[/]" in output


def test_check_shows_markup_and_drops_controls_in_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    prose = tmp_path / "prose.txt"
    prose.write_text(
        f"[/]{CONTROLS}2018年开行6300列[link=https://evil.example]，2019年开行8225列，同比增长29%[/link]。\n",
        encoding="utf-8",
    )
    code, output = run(["check", str(prose)], monkeypatch, capsys)
    assert code in (0, 1), output  # 1: the growth rate is wrong, as written
    assert_terminal_safe(output)
    assert "[/]" in output
    code, output = run(["check", "--json", str(prose)], monkeypatch, capsys)
    assert_terminal_safe(output)
    findings = json.loads(output)
    assert any("\u202e" in f["text"] for f in findings)  # the JSON value keeps the exact text


def test_quantities_shows_markup_and_drops_controls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    prose = tmp_path / "q.md"
    prose.write_text(f"[bold]会晤长达3个半小时[/bold]{CONTROLS}，约[/]715.7亿美元。\n", encoding="utf-8")
    for args in (["quantities", str(prose)], ["quantities", "--json", str(prose)]):
        code, output = run(args, monkeypatch, capsys)
        assert_clean_exit(code, output)
        assert_terminal_safe(output)
    code, output = run(["quantities", str(prose)], monkeypatch, capsys)
    assert "715.7亿美元" in output


def test_build_and_its_errors_print_paths_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = make_pub(tmp_path, zhiku_yml=f"name: '{MARKUP}'\nbase_url: https://example.org/\n")
    out = tmp_path / f"out-[/]{NAME_CONTROLS}[bold]"
    code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0
    assert_terminal_safe(output)
    assert "out-[/]" in output
    (pub / "issues" / "2021-11-22" / "issue.yml").write_text(
        "date: 2021-11-22\narticles: ['[bold red]missing.md']\n", encoding="utf-8"
    )
    code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    assert_error_line(code, output, "[bold red]missing.md")
    assert_terminal_safe(output)


def test_error_lines_for_any_command_are_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / f"no-[/]such{NAME_CONTROLS}"
    for args in (
        ["show", str(missing)],
        ["check", str(missing)],
        ["quantities", str(missing)],
        ["import", str(missing), "--out", str(tmp_path / "o")],
    ):
        code, output = run(args, monkeypatch, capsys)
        assert_error_line(code, output, "[/]")
        assert_terminal_safe(output)


def test_data_list_and_show_print_series_fields_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = make_pub(tmp_path)
    (pub / "data").mkdir()
    (pub / "data" / "s.csv").write_text(
        "indicator,period,value,unit,source,name,note\n"
        f'x.trains,2019,8225,列,"{MARKUP}","[/]中欧班列","[link=https://evil.example]注[/link]"\n',
        encoding="utf-8",
    )
    for args in (
        ["data", "list", "--pub", str(pub)],
        ["data", "show", "x.trains", "--pub", str(pub)],
        ["data", "show", "x.trains", "--pub", str(pub), "--json"],
    ):
        code, output = run(args, monkeypatch, capsys)
        assert_clean_exit(code, output)
        assert code == 0
        assert_terminal_safe(output)
        assert "[/]" in output


@pytest.mark.skipif(not SEED.is_file(), reason=f"the seed issue {SEED} is not available")
def test_import_prints_titles_and_warnings_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SEED.read_text(encoding="utf-8")
    title = "中美元首会晤：中美关系未来将走向何处？"
    assert title in text
    legacy = tmp_path / "legacy.txt"
    legacy.write_text(
        text.replace(title, f"[/]中美[link=https://evil.example]元首[/link]会晤{CONTROLS}"), encoding="utf-8"
    )
    code, output = run(["import", str(legacy), "--out", str(tmp_path / "pub")], monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert_terminal_safe(output)
    assert "[/]中美" in output
