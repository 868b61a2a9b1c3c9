"""A publication's theme is untrusted code: its Jinja templates run in a sandbox (no object
internals, no paths, no modules, no changing zhiku's objects), load only from inside the
publication, and its Typst layout cannot read files outside the build folder. Each attempt is
one line naming the template; nothing runs, nothing outside is read."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import (
    SECRET,
    assert_clean_exit,
    assert_error_line,
    assert_no_outside_content,
    make_pub,
    outside,
    run,
)

PAYLOADS = {
    "class mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals via cycler": "{{ cycler.__init__.__globals__.os.system('touch {pwned}') }}",
    "globals via lipsum": "{{ lipsum.__globals__['os'].system('touch {pwned}') }}",
    "path read_text": "{{ publication.root.parent.joinpath('outside/nested/keep.txt').read_text() }}",
    "path unlink": "{{ publication.root.joinpath('zhiku.yml').unlink() }}",
    "source file read": "{{ view.article.source.file.read_text() }}",
    "mutate a list": "{{ contacts.append('x') }}{{ contacts.clear() }}",
    "huge range": "{% for i in range(10**9) %}{% endfor %}",
    "include outside": "{% include '../../outside/secret.md' %}",
    "include absolute": "{% include '/etc/passwd' %}",
    "import os": "{% import 'os' as os %}",
    "format string": "{{ '{0.__class__.__init__.__globals__}'.format(publication) }}",
    "attr filter": "{{ publication|attr('__class__') }}",
}


def themed_pub(base: Path, payload: str) -> Path:
    pub = make_pub(base)
    theme = pub / "theme"
    theme.mkdir()
    (theme / "article.html").write_text(
        '{% extends "base.html" %}{% block content %}' + payload + "{% endblock %}", encoding="utf-8"
    )
    return pub


@pytest.mark.parametrize("case", sorted(PAYLOADS))
def test_a_theme_template_cannot_escape_its_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    pwned = tmp_path / "pwned"
    outside(tmp_path)
    pub = themed_pub(tmp_path, PAYLOADS[case].replace("{pwned}", str(pwned)))
    out = tmp_path / "out"
    code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    assert_error_line(code, output, "article.html")
    assert not pwned.exists()
    assert (pub / "zhiku.yml").is_file()
    assert SECRET not in output
    assert not out.exists()


def test_a_theme_typst_layout_cannot_read_outside_the_build_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outside(tmp_path)
    pub = make_pub(tmp_path)
    (pub / "theme").mkdir()
    own = Path(__file__).resolve().parents[1] / "zhiku" / "render" / "theme" / "issue.typ"
    secret = tmp_path / "outside" / "nested" / "keep.txt"
    (pub / "theme" / "issue.typ").write_text(
        own.read_text(encoding="utf-8")
        + f'\n#let leaked = read("{secret}")\n#let leaked2 = read("../../../{secret.name}")\n',
        encoding="utf-8",
    )
    code, output = run(["build", str(pub), "--out", str(tmp_path / "out")], monkeypatch, capsys)
    assert_error_line(code, output, "issue.typ")
    assert SECRET not in output


def test_an_ordinary_theme_override_still_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = themed_pub(
        tmp_path,
        "<h1>{{ view.article.title|plain }}</h1><p>{{ issue.date.isoformat() }} · {{ publication.name }}</p>"
        "{% for line in contacts %}<span>{{ line }}</span>{% endfor %}{{ range(3)|list|length }}",
    )
    out = tmp_path / "out"
    code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0
    page = (out / "2021-11-22" / "trade.html").read_text(encoding="utf-8")
    assert "<h1>中欧班列的增长</h1><p>2021-11-22 · 测试智库</p>" in page and "主办：测试智库研究中心" in page
    assert_no_outside_content(out)
