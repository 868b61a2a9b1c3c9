"""Encodings: Big5 is read correctly; Shift-JIS, Latin-1 and other text that is not Chinese in a
supported encoding is refused with one line naming the file, never published as mojibake —
through every command that reads a text (show, check, quantities, import, build)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import ARTICLE, assert_clean_exit, assert_error_line, make_pub, run

from zhiku.errors import ZhikuError
from zhiku.sources import read_text
from zhiku.sources.text import chinese_score

FIXTURES = Path(__file__).parent / "fixtures" / "encoding"
TRADITIONAL = (FIXTURES / "traditional-big5.utf8.md").read_text(encoding="utf-8")

JAPANESE = (
    "日本銀行は、本日の金融政策決定会合において、長短金利操作付き量的・質的金融緩和の継続を決定した。"
    "消費者物価の前年比は、エネルギー価格の上昇を背景にプラス幅を拡大しており、"
    "物価安定の目標の実現を目指して、これを安定的に持続するために必要な時点まで継続する。\n"
)
EUROPEAN = (
    "La Banque centrale européenne a décidé de maintenir ses taux directeurs inchangés. "
    "Über die weitere Entwicklung der Inflation wird im März entschieden; ça dépend des données.\n"
)

REFUSED = {
    "shift-jis": (JAPANESE, "shift_jis"),
    "euc-jp": (JAPANESE, "euc_jp"),
    "latin-1": (EUROPEAN, "latin-1"),
    "cp1252": ("“Smart quotes” — and a résumé of café prices: 3 € each.\n", "cp1252"),
    "euc-kr": (
        "한국은행은 기준금리를 현 수준에서 유지하기로 결정하였다. "
        "물가 상승률은 점차 둔화될 것으로 예상된다.\n",
        "euc_kr",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_non_chinese_encodings_are_refused_naming_the_file(tmp_path: Path, case: str) -> None:
    text, encoding = REFUSED[case]
    path = tmp_path / f"{case}.txt"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(ZhikuError) as err:
        read_text(path)
    assert err.value.file == path
    assert "not readable Chinese text" in err.value.message or "not a text file" in err.value.message


@pytest.mark.parametrize("case", ["shift-jis", "latin-1"])
@pytest.mark.parametrize("command", ["show", "check", "quantities", "import", "build"])
def test_every_command_refuses_them_in_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    command: str,
) -> None:
    text, encoding = REFUSED[case]
    if command in ("show", "build"):
        pub = make_pub(tmp_path)
        target = pub / "issues" / "2021-11-22" / "01-trade.md"
        target.write_bytes(
            (ARTICLE + text)
            .encode("utf-8", errors="strict")
            .replace(text.encode("utf-8"), text.encode(encoding))
        )
        args = [command, str(pub)] + (["--out", str(tmp_path / "out")] if command == "build" else [])
    else:
        target = tmp_path / f"{case}.txt"
        target.write_bytes(text.encode(encoding))
        args = [command, str(target)] + (["--out", str(tmp_path / "out")] if command == "import" else [])
    code, output = run(args, monkeypatch, capsys)
    line = assert_error_line(code, output, target.name)
    assert "UTF-8" in line
    assert not (tmp_path / "out").exists()


def test_big5_is_read_correctly(tmp_path: Path) -> None:
    assert read_text(FIXTURES / "traditional-big5.md") == TRADITIONAL
    short = tmp_path / "short.txt"
    short.write_bytes("中美關係的未來".encode("big5"))  # charset-normalizer takes it for UTF-16
    assert read_text(short) == "中美關係的未來"


def test_traditional_text_saved_as_gbk_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "gbk-traditional.txt"
    path.write_bytes(TRADITIONAL.encode("gbk"))
    assert read_text(path) == TRADITIONAL


@pytest.mark.parametrize(
    "text", ["刘䶮说：中美关系€", "二〇二一年十一月，美国CPI同比上涨6.8%，为1982年以来最高。", "正文。"]
)
def test_short_and_rare_chinese_in_gb18030_is_read(tmp_path: Path, text: str) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_text(path) == text


def test_big5_builds_into_a_readable_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = make_pub(tmp_path)
    (pub / "issues" / "2021-11-22" / "01-trade.md").write_bytes(
        (FIXTURES / "traditional-big5.md").read_bytes()
    )
    code, output = run(["build", str(pub), "--out", str(tmp_path / "out")], monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0
    page = next((tmp_path / "out" / "2021-11-22").glob("*.html"))
    html = (tmp_path / "out" / "2021-11-22" / "index.html").read_text(encoding="utf-8")
    assert "國家主席習近平在北京同美國總統拜登舉行" in html, page


def test_mojibake_scores_low_and_chinese_high() -> None:
    """What the threshold separates (docs in zhiku.sources.text)."""
    big5 = TRADITIONAL.encode("big5hkscs")
    assert chinese_score(big5.decode("big5hkscs"), "big5") > 0.95
    assert chinese_score(big5.decode("gb18030", errors="replace"), "gb2312") < 0.5
    sjis = JAPANESE.encode("shift_jis")
    assert chinese_score(sjis.decode("gb18030", errors="replace"), "gb2312") < 0.5


def test_a_stray_control_character_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("第一行\n第二行\u009b31m有控制字符\n", encoding="utf-8")
    with pytest.raises(ZhikuError) as err:
        read_text(path)
    assert err.value.line == 2 and "U+009B" in err.value.message


REALTEXT = Path(__file__).parent / "fixtures" / "realtext"


@pytest.mark.skipif(not REALTEXT.is_dir(), reason="the real official texts are not in this checkout")
def test_real_official_texts_in_gb18030_are_read_exactly(tmp_path: Path) -> None:
    """The refusal of other encodings never refuses real Chinese: the 22 official releases and
    commentaries of tests/fixtures/realtext, saved as GB18030 (a Chinese Windows default)."""
    texts = sorted(REALTEXT.glob("*.txt"))
    assert texts
    for source in texts:
        text = source.read_text(encoding="utf-8").replace("\r\n", "\n")
        path = tmp_path / source.name
        path.write_bytes(text.encode("gb18030"))
        assert read_text(path) == text.lstrip("\ufeff"), source.name
