"""Random front matter and Markdown (every Unicode category, malformed YAML, odd blocks) through
``show``, ``check`` and ``build``: never a traceback or an internal error — exit 0, 1 (check
found an inconsistent number) or 2 with one bilingual line.

The examples are few (build takes a second each) and derandomized, so CI is stable; set
ZHIKU_FUZZ_EXAMPLES=500 to search longer locally.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import ISSUE_YML, ZHIKU_YML

from zhiku.cli import main

EXAMPLES = int(os.environ.get("ZHIKU_FUZZ_EXAMPLES", "0")) or None

_PUNCTUATION = st.sampled_from(
    list("的一是了中国年月日万亿%，。、“”：；（）*_[]()<>#`~|-+!:&{}'\"\\\n\t 0123456789")
)
# Every category but controls and surrogates (format characters, private use, combining marks,
# line and paragraph separators, CJK…): what a real file can hold and zhiku must publish.
PRINTABLE_TEXT = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), _PUNCTUATION),
    max_size=80,
)
# Controls too (refused, with their line: they must never end in a traceback either).
# Controls too (refused, with their line: they must never end in a traceback either).
ANY_TEXT = st.text(alphabet=st.one_of(st.characters(codec="utf-8"), _PUNCTUATION), max_size=80)


def _dump(data: dict[Any, Any]) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        return "title: x\n"


def article(text: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[str, str]]:
    """(front matter, body) with every text drawn from ``text``."""
    scalar = st.one_of(
        text,
        st.integers(),
        st.floats(allow_nan=True),
        st.booleans(),
        st.none(),
        st.sampled_from(
            ["2021-02-30", "0000-01-01", "2021-11-22 25:00", "javascript:alert(1)", "~", "&a", "*a"]
        ),
    )
    value = st.recursive(
        scalar,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=3),
        max_leaves=8,
    )
    keys = st.sampled_from(["title", "slug", "authors", "tags", "summary", "date", "extra"]) | text
    # Mostly front matter an editor could write (so that the body is read and built), then
    # random keys and values, and raw text that is often not YAML at all.
    valid = st.builds(
        lambda title, tags, summary: _dump(
            {"title": title.strip() or "标题", "tags": tags, "summary": summary}
        ),
        text,
        st.lists(text, max_size=3),
        text | st.none(),
    )
    front = st.one_of(
        valid,
        valid,
        valid,
        st.dictionaries(keys, value, max_size=6).map(_dump),
        st.builds(lambda title, extra: f"title: {title}\n{extra}", text, text),
    )
    block = st.one_of(
        text,
        text.map(lambda t: "## " + t),
        text.map(lambda t: "### " + t),
        st.lists(text, min_size=1, max_size=4).map(lambda items: "\n".join("- " + i for i in items)),
        st.lists(text, min_size=1, max_size=3).map(
            lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))
        ),
        text.map(lambda t: "> " + t),
        st.lists(text, min_size=2, max_size=4).map(
            lambda cells: (
                "| " + " | ".join(cells) + " |\n|" + "---|" * len(cells) + "\n| " + " | ".join(cells) + " |"
            )
        ),
        st.builds(lambda t, s: f"```figure\ntitle: {t}\nseries: {s}\nfrom: 1960\nkind: bar\n```", text, text),
        text.map(lambda t: f"<div>{t}</div>"),
        st.integers(1, 80).map(lambda n: "<span>" * n + "深" + "</span>" * n),
        st.integers(1, 12).map(lambda n: ">" * n + " 引用"),
        st.just("2018年开行6300列，2019年开行8225列，同比增长29%。"),
    )
    body = st.lists(block, max_size=8).map(lambda blocks: "\n\n".join(blocks))
    return st.tuples(front, body)


# Four articles in five without control characters (they would stop the reading at once).
ARTICLE = st.one_of(
    article(PRINTABLE_TEXT),
    article(PRINTABLE_TEXT),
    article(PRINTABLE_TEXT),
    article(PRINTABLE_TEXT),
    article(ANY_TEXT),
)


def zhiku(*args: str) -> tuple[int, str]:
    """``zhiku ARGS`` in this process, its output captured."""
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["zhiku", *args]
    code: Any = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.argv = argv
    return (code if isinstance(code, int) else 0 if code is None else 1), out.getvalue() + err.getvalue()


def write_pub(root: Path, front: str, body: str) -> Path:
    pub = root / "pub"
    folder = pub / "issues" / "2021-11-22"
    folder.mkdir(parents=True)
    (pub / "zhiku.yml").write_text(ZHIKU_YML, encoding="utf-8")
    (folder / "issue.yml").write_text(ISSUE_YML, encoding="utf-8")
    (folder / "01-trade.md").write_text(
        f"---\n{front}---\n\n{body}\n", encoding="utf-8", errors="surrogatepass"
    )
    return pub


def assert_no_traceback(code: int, output: str, allowed: tuple[int, ...]) -> None:
    assert "Traceback" not in output, output
    assert "internal error" not in output, output
    assert code in allowed, f"exit {code}: {output}"
    if code == 2:
        errors = [line for line in output.splitlines() if line.startswith("错误 error:")]
        assert len(errors) == 1 and " / " in errors[0], output


@settings(
    max_examples=EXAMPLES or 40,
    deadline=None,
    derandomize=EXAMPLES is None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(drawn=ARTICLE)
def test_show_and_check_never_traceback(drawn: tuple[str, str]) -> None:
    front, body = drawn
    with tempfile.TemporaryDirectory() as tmp:
        pub = write_pub(Path(tmp), front, body)
        assert_no_traceback(*zhiku("show", str(pub)), allowed=(0, 2))
        assert_no_traceback(*zhiku("check", str(pub)), allowed=(0, 1, 2))
        assert_no_traceback(*zhiku("check", "--json", str(pub)), allowed=(0, 1, 2))


@settings(
    max_examples=EXAMPLES or 10,
    deadline=None,
    derandomize=EXAMPLES is None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(drawn=ARTICLE)
def test_build_never_tracebacks(drawn: tuple[str, str]) -> None:
    front, body = drawn
    with tempfile.TemporaryDirectory() as tmp:
        pub = write_pub(Path(tmp), front, body)
        out = Path(tmp) / "out"
        code, output = zhiku("build", str(pub), "--out", str(out))
        assert_no_traceback(code, output, allowed=(0, 2))
        assert (code == 0) == (out / "index.html").is_file()
        if os.environ.get("ZHIKU_FUZZ_REPORT"):
            print("built" if code == 0 else "refused: " + output.strip()[-100:], file=sys.__stderr__)
