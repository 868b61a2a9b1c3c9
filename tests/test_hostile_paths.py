"""Files outside the publication are never read or published: ``../`` and absolute paths in
``articles:``, and symbolic links to outside files or folders in every place a source can be
(articles, issue folders, issues/, zhiku.yml, data files, theme files and the theme folder).
Each is one bilingual line naming the path (exit 2); nothing outside changes and nothing from
outside reaches the output. Links that stay inside the publication keep working."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile_support import (
    ISSUE_YML,
    SECRET,
    assert_clean_exit,
    assert_error_line,
    assert_no_outside_content,
    make_pub,
    outside,
    run,
    snapshot,
)

ISSUE = Path("issues") / "2021-11-22"


def _listed(pub: Path, base: Path, name: str) -> str:
    (pub / ISSUE / "issue.yml").write_text(
        f"date: 2021-11-22\narticles:\n- 01-trade.md\n- {name}\n", encoding="utf-8"
    )
    return name


def _link(pub: Path, rel: Path, target: Path) -> str:
    path = pub / rel
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target, target_is_directory=target.is_dir())
    return rel.name


def case_parent_path(pub: Path, base: Path) -> str:
    return _listed(pub, base, "../../../outside/secret.md")


def case_absolute_path(pub: Path, base: Path) -> str:
    return _listed(pub, base, str(base / "outside" / "secret.md"))


def case_home_path(pub: Path, base: Path) -> str:
    return _listed(pub, base, "~/secret.md")


def case_symlinked_article(pub: Path, base: Path) -> str:
    return _link(pub, ISSUE / "01-trade.md", base / "outside" / "secret.md")


def case_symlinked_article_not_listed(pub: Path, base: Path) -> str:
    (pub / ISSUE / "issue.yml").write_text("date: 2021-11-22\n", encoding="utf-8")  # every *.md
    return _link(pub, ISSUE / "02-more.md", base / "outside" / "secret.md")


def case_symlinked_issue_yml(pub: Path, base: Path) -> str:
    (base / "outside" / "issue.yml").write_text(ISSUE_YML, encoding="utf-8")
    return _link(pub, ISSUE / "issue.yml", base / "outside" / "issue.yml")


def case_symlinked_issue_folder(pub: Path, base: Path) -> str:
    other = base / "outside" / "2021-12-06"
    other.mkdir()
    (other / "issue.yml").write_text("date: 2021-12-06\narticles: [secret.md]\n", encoding="utf-8")
    shutil.copy(base / "outside" / "secret.md", other / "secret.md")
    return _link(pub, Path("issues") / "2021-12-06", other)


def case_symlinked_issues(pub: Path, base: Path) -> str:
    other = base / "outside" / "issues"
    shutil.copytree(pub / "issues", other)
    return _link(pub, Path("issues"), other)


def case_symlinked_zhiku_yml(pub: Path, base: Path) -> str:
    shutil.copy(pub / "zhiku.yml", base / "outside" / "zhiku.yml")
    return _link(pub, Path("zhiku.yml"), base / "outside" / "zhiku.yml")


def case_symlinked_data_file(pub: Path, base: Path) -> str:
    csv = base / "outside" / "series.csv"
    csv.write_text(f"indicator,period,value,unit,source\nx.a,2020,1,%,{SECRET}\n", encoding="utf-8")
    return _link(pub, Path("data") / "series.csv", csv)


def case_symlinked_data_folder(pub: Path, base: Path) -> str:
    folder = base / "outside" / "data"
    folder.mkdir()
    (folder / "series.csv").write_text(
        f"indicator,period,value,unit,source\nx.a,2020,1,%,{SECRET}\n", encoding="utf-8"
    )
    return _link(pub, Path("data"), folder)


def case_symlinked_theme_css(pub: Path, base: Path) -> str:
    return _link(pub, Path("theme") / "zhiku.css", base / "outside" / "secret.css")


def case_symlinked_theme_template(pub: Path, base: Path) -> str:
    (base / "outside" / "base.html").write_text(f"<html>{SECRET}</html>", encoding="utf-8")
    return _link(pub, Path("theme") / "base.html", base / "outside" / "base.html")


def case_symlinked_theme_typst(pub: Path, base: Path) -> str:
    (base / "outside" / "issue.typ").write_text(f"// {SECRET}\n", encoding="utf-8")
    return _link(pub, Path("theme") / "issue.typ", base / "outside" / "issue.typ")


def case_symlinked_theme_folder(pub: Path, base: Path) -> str:
    folder = base / "outside" / "theme"
    folder.mkdir()
    (folder / "zhiku.css").write_text(f"/* {SECRET} */", encoding="utf-8")
    return _link(pub, Path("theme"), folder)


def case_symlinked_references(pub: Path, base: Path) -> str:
    refs = base / "outside" / "references.yaml"
    refs.write_text(f"- id: x\n  type: book\n  title: {SECRET}\n", encoding="utf-8")
    return _link(pub, Path("references.yaml"), refs)


def case_symlinked_bibtex(pub: Path, base: Path) -> str:
    refs = base / "outside" / "refs.bib"
    refs.write_text(f"@book{{x, title = {{{SECRET}}}, year = {{2021}}}}\n", encoding="utf-8")
    return _link(pub, Path("references.bib"), refs)


def case_symlinked_picture(pub: Path, base: Path) -> str:
    png = base / "outside" / "secret.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + SECRET.encode() * 10)
    article = pub / ISSUE / "01-trade.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n![图](chart.png)\n", encoding="utf-8")
    return _link(pub, ISSUE / "chart.png", png)


def case_picture_path_outside(pub: Path, base: Path) -> str:
    png = base / "outside" / "secret.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + SECRET.encode() * 10)
    article = pub / ISSUE / "01-trade.md"
    article.write_text(
        article.read_text(encoding="utf-8") + "\n![图](../../../outside/secret.png)\n", encoding="utf-8"
    )
    return "secret.png"


def case_symlink_in_a_theme_subfolder(pub: Path, base: Path) -> str:
    (pub / "theme" / "parts").mkdir(parents=True)
    return _link(pub, Path("theme") / "parts" / "x.html", base / "outside" / "secret.md")


CASES = {name.removeprefix("case_"): fn for name, fn in sorted(globals().items()) if name.startswith("case_")}


@pytest.mark.parametrize("case", sorted(CASES))
def test_build_refuses_every_path_leading_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    pub = make_pub(tmp_path)
    out_base = outside(tmp_path)
    named = CASES[case](pub, tmp_path)
    before = snapshot(out_base)
    out = tmp_path / "out"
    code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    line = assert_error_line(code, output, named)
    assert "outside the publication" in line or "absolute path" in line
    assert snapshot(out_base) == before
    assert not out.exists()
    assert SECRET not in output


@pytest.mark.parametrize("case", sorted(CASES))  # show and check check the whole folder too
@pytest.mark.parametrize("command", ["show", "check"])
def test_show_and_check_refuse_every_path_leading_outside(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    command: str,
) -> None:
    pub = make_pub(tmp_path)
    outside(tmp_path)
    named = CASES[case](pub, tmp_path)
    code, output = run([command, str(pub)], monkeypatch, capsys)
    assert SECRET not in output
    if command == "check" and case == "picture_path_outside":
        assert_clean_exit(code, output)  # check reads the text, never a picture: nothing to refuse
        return
    assert_error_line(code, output, named)


def test_a_link_made_after_a_build_is_caught_by_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's sources come from the cache when they did not change; the paths are checked
    on every build all the same."""
    pub = make_pub(tmp_path)
    outside(tmp_path)
    out = tmp_path / "out"
    code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    assert code == 0, output
    before = snapshot(out)
    named = case_symlinked_article(pub, tmp_path)
    os.utime(pub / ISSUE / "01-trade.md", follow_symlinks=False)
    code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    assert_error_line(code, output, named)
    assert snapshot(out) == before
    assert_no_outside_content(out)


def test_data_import_refuses_a_data_folder_leading_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = make_pub(tmp_path)
    victim = outside(tmp_path)
    (pub / "data").symlink_to(victim / "nested", target_is_directory=True)
    src = tmp_path / "series.csv"
    src.write_text("indicator,period,value,unit,source\nx.a,2020,1,%,来源\n", encoding="utf-8")
    before = snapshot(victim)
    code, output = run(["data", "import", str(src), "--pub", str(pub)], monkeypatch, capsys)
    assert_error_line(code, output, "data")
    assert snapshot(victim) == before


def test_links_that_stay_inside_the_publication_still_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pub = make_pub(tmp_path)
    shared = pub / "shared"
    shared.mkdir()
    (pub / ISSUE / "01-trade.md").rename(shared / "trade.md")
    (pub / ISSUE / "01-trade.md").symlink_to(Path("../../shared/trade.md"))
    (pub / "theme").mkdir()
    (shared / "extra.css").write_text("body { color: #111 }\n", encoding="utf-8")
    (pub / "theme" / "zhiku.css").symlink_to(shared / "extra.css")
    out = tmp_path / "out"
    code, output = run(["build", str(pub), "--out", str(out)], monkeypatch, capsys)
    assert_clean_exit(code, output)
    assert code == 0
    assert "中欧班列的增长" in (out / "2021-11-22" / "trade.html").read_text(encoding="utf-8")
    assert "color: #111" in (out / "assets" / "zhiku.css").read_text(encoding="utf-8")
