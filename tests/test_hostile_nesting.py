"""Deep nesting is refused before any recursive stage: Markdown quotes and lists, raw HTML
(20,000 nested <span>s killed build with SIGSEGV in the CSS inliner), YAML, a theme's template.
Builds run as separate processes here, so a crash shows as a signal, not a hung test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import ARTICLE, assert_clean_exit, assert_error_line, make_pub, run

BODY_START = ARTICLE.index("## 一、概况")


def with_body(extra: str) -> str:
    """The article with ``extra`` as its first block (line 7 of the file)."""
    return ARTICLE[:BODY_START] + extra + "\n\n" + ARTICLE[BODY_START:]


DEEP = {
    "inline spans": (with_body("正文" + "<span>" * 20_000 + "深" + "</span>" * 20_000), 7, "HTML"),
    "unclosed spans": (with_body("正文" + "<span>" * 20_000 + "深"), 7, "HTML"),
    "html block divs": (with_body("<div>\n" + "<div>" * 5_000 + "深" + "</div>" * 5_001), 7, "HTML"),
    "block quotes": (with_body(">" * 30 + " 深处的引用"), 7, "Markdown"),
    # (the line named is that of the first item too deep)
    "nested lists": (
        with_body("\n".join("  " * n + "- 第" + str(n) + "层" for n in range(40))),
        14,
        "Markdown",
    ),
    "quotes and lists": (with_body("\n".join("> " * n + "- 项" for n in range(1, 30))), None, "Markdown"),
    "emphasis": (with_body("*" * 5_000 + "强调" + "*" * 5_000), 7, "emphasis"),
    "strikethrough": (with_body("正文" + "~~" * 400 + "深" + "~~" * 400), 7, "emphasis"),
}


@pytest.mark.parametrize("case", sorted(DEEP))
@pytest.mark.parametrize("command", ["show", "check"])
def test_deep_nesting_is_one_line_naming_file_and_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    command: str,
) -> None:
    text, line, what = DEEP[case]
    pub = make_pub(tmp_path, article=text)
    code, output = run([command, str(pub)], monkeypatch, capsys)
    error = assert_error_line(code, output, f"01-trade.md:{line}:" if line else "01-trade.md:")
    assert what in error and "nested too deeply" in error


@pytest.mark.parametrize("case", ["inline spans", "html block divs", "block quotes"])
def test_build_stops_with_one_line_and_never_crashes(tmp_path: Path, case: str) -> None:
    text, line, _ = DEEP[case]
    pub = make_pub(tmp_path, article=text)
    proc = subprocess.run(
        [sys.executable, "-m", "zhiku", "build", str(pub), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode}"
    assert_error_line(proc.returncode, proc.stdout + proc.stderr, f"01-trade.md:{line}:")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "body",
    [
        "*" * 60 + "强调" + "*" * 60,
        "[" * 5_000 + "链接" + "]" * 5_000 + "(https://example.org)",
        "`" * 3_000 + "代码" + "`" * 3_000,
        "<span>" * 60 + "刚好可以" + "</span>" * 60,
        ">" * 8 + " 八层引用",
    ],
    ids=["emphasis", "brackets", "backticks", "60 spans", "8 quotes"],
)
def test_deep_but_harmless_inline_markup_builds(tmp_path: Path, body: str) -> None:
    """Inline Markdown nests no deeper than markdown-it allows (the rest stays text), and
    nesting within the limits is published."""
    pub = make_pub(tmp_path, article=with_body(body))
    proc = subprocess.run(
        [sys.executable, "-m", "zhiku", "build", str(pub), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode}"
    assert_clean_exit(proc.returncode, proc.stdout + proc.stderr)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "2021-11-22" / "wechat" / "trade.html").is_file()


def test_a_theme_template_nested_too_deeply_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = make_pub(tmp_path)
    theme = pub / "theme"
    theme.mkdir()
    own = (Path(__file__).resolve().parents[1] / "zhiku" / "render" / "theme" / "wechat.html").read_text(
        encoding="utf-8"
    )
    deep = own.replace("<body", "<body", 1)
    head, sep, rest = deep.partition("<body")
    tag_end = rest.index(">") + 1
    deep = (
        head
        + sep
        + rest[:tag_end]
        + "<div>" * 400
        + rest[tag_end:].replace("</body>", "</div>" * 400 + "</body>")
    )
    (theme / "wechat.html").write_text(deep, encoding="utf-8")
    code, output = run(["build", str(pub), "--out", str(tmp_path / "out")], monkeypatch, capsys)
    assert "nested too deeply" in assert_error_line(code, output, "wechat.html")
