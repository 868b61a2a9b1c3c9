"""Importing the seed issue: counts, titles, no loss, page-break joins, encodings, read-back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zhiku.errors import ZhikuError
from zhiku.model import Article, Figure, Paragraph
from zhiku.sources import content, import_legacy, parse_legacy, read_publication, read_text
from zhiku.sources.importer import ImportReport

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_d1431f2bc3438f4f.txt"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "runwaysys"

TITLES = ("中美元首会晤：中美关系未来将走向何处？", "“一带一路”高质量发展的几个着力点")

# (last line of the first part, first line of the second part, the text across the join)
JOINS = [
    (61, 63, "中美两国元首的又一次直接对话"),
    (81, 83, "需要美国政府从内部进行协调"),
    (109, 111, "说明这是正常状态。"),
    (119, 121, "这段话中拜登第一次提出"),
    (133, 135, "只要双方都有好处"),
    (145, 147, "若“台独”势力挑衅逼迫"),
    (157, 159, "不仅拒绝给我们扣"),
]


@pytest.fixture(scope="module")
def seed() -> Path:
    if not SEED.is_file():
        pytest.skip(f"the seed issue is not at {SEED} (CI puts shared/ beside the clone)")
    return SEED


@pytest.fixture(scope="module")
def imported(seed: Path, tmp_path_factory: pytest.TempPathFactory) -> ImportReport:
    return import_legacy(seed, tmp_path_factory.mktemp("imp") / "pub")


def paragraphs(article: Article) -> list[str]:
    return [b.text for b in article.walk_blocks() if isinstance(b, Paragraph)]


def body_text(article: Article) -> str:
    """What a reader of the article body sees, as lines: headings, paragraphs, captions."""
    lines: list[str] = []
    figure = 0
    for section in [None, *article.walk_sections()]:
        blocks = article.blocks if section is None else section.blocks
        if section is not None:
            lines.append(section.title)
        for block in blocks:
            if isinstance(block, Paragraph):
                lines.append(block.text)
            elif isinstance(block, Figure):
                figure += 1
                lines.append(f"图{figure} {block.title}")
    return "\n".join(lines)


def seed_bodies(seed: Path) -> list[list[str]]:
    """The seed's article bodies as written: the non-blank lines between 正文 and [Top](#)."""
    lines = seed.read_text(encoding="utf-8").split("\n")
    bodies: list[list[str]] = []
    start = None
    for n, line in enumerate(lines):
        if line.strip() == "正文":
            start = n + 1
        elif line.strip() == "[Top](#)" and start is not None:
            bodies.append([x.strip() for x in lines[start:n] if x.strip()])
            start = None
    assert len(bodies) == 2
    return bodies


def sentences(line: str) -> list[str]:
    """A line cut after each 。！？ (with the closing quotes that follow), keeping the tail."""
    return [s for s in re.findall(r".+?(?:[。！？]+[”’」』）)]*|$)", line) if s]


def test_seed_reads_back_as_one_issue_with_two_articles(imported: ImportReport) -> None:
    pub = read_publication(imported.out)
    assert len(pub.issues) == 1
    issue = pub.issues[0]
    assert issue.date.isoformat() == "2021-11-22"
    assert tuple(a.title for a in issue.articles) == TITLES
    assert [len(a.sections) for a in issue.articles] == [5, 4]
    assert [len(list(a.walk_sections())) for a in issue.articles] == [5, 4 + 4 + 3]
    figures = [b for a in issue.articles for b in a.walk_blocks() if isinstance(b, Figure)]
    assert len(figures) == 1
    assert figures[0].title == "美国历年通货膨胀率"
    assert figures[0].series == ()  # waiting for data
    assert imported.warnings == ()


def test_publication_details_from_masthead_and_end_matter(imported: ImportReport) -> None:
    pub = imported.publication
    assert (pub.name, pub.name_en, pub.tagline) == ("兰瑞智库", "Runwaysys", "战略决策研究")
    assert (pub.column, pub.column_en) == ("政策观察", "Policy to observe")
    assert pub.publisher == "兰瑞智库经济战略研究中心"
    assert (pub.website, pub.base_url) == ("http://www.runwaysys.com", "http://www.runwaysys.com/")
    assert (pub.hotline, pub.email, pub.wechat) == ("4001182162", "runwaysys@163.com", "RUNWAYSYS888")
    assert len(pub.disclaimer) == 1 and pub.disclaimer[0].startswith("本报告的信息均来源于公开资料")
    assert pub.copyright is not None and pub.copyright.startswith("本报告版权仅为我公司所有")
    assert pub.slogan == "我们的一切努力都是为我们的客户——提升竞争优势，共同创造持续长远的收益"
    issue_yml = (imported.out / "issues" / "2021-11-22" / "issue.yml").read_text(encoding="utf-8")
    assert "weekday: 星期一" in issue_yml


def test_no_sentence_lost_or_repeated(seed: Path, imported: ImportReport) -> None:
    checked = 0
    for seed_lines, article in zip(seed_bodies(seed), imported.issue.articles, strict=True):
        seed_text = "\n".join(seed_lines)
        got = body_text(article)
        for line in seed_lines:
            for sentence in sentences(line):
                assert got.count(sentence) == seed_text.count(sentence), sentence
                if seed_text.count(sentence) == 1:
                    assert got.count(sentence) == 1
                checked += 1
        # Nothing added either: the body is the seed's lines, only page breaks closed up.
        assert got.replace("\n", "") == "".join(seed_lines)
    assert checked > 150


def test_sections_are_the_articles_own_contents_lists(seed: Path, imported: ImportReport) -> None:
    # Each article's 目录 lists its sections: they must be exactly the imported sections.
    text = seed.read_text(encoding="utf-8")
    lists = re.findall(r"\n目录\n\n((?:- .+\n)+)", text)
    assert len(lists) == 2
    for listing, article in zip(lists, imported.issue.articles, strict=True):
        assert [s.title for s in article.sections] == [x[2:] for x in listing.strip().split("\n")]


def test_generated_parts_are_dropped(imported: ImportReport) -> None:
    for article in imported.issue.articles:
        for line in body_text(article).split("\n"):
            assert line.strip() not in ("目录", "目 录", "正文")
            assert "[Top]" not in line and "\t" not in line
            assert not re.match(r"^【.*】\s*\d*$", line) and not line.startswith("- ")
    dropped = [29, *range(31, 42), 45, *range(47, 52), 53, 193, 197, *range(199, 203), 204, 266]
    assert list(imported.dropped_lines) == dropped


def test_every_page_break_is_joined_and_nothing_else(imported: ImportReport) -> None:
    assert [(j.first_line, j.second_line) for j in imported.joins] == [(a, b) for a, b, _ in JOINS]
    texts = [p for a in imported.issue.articles for p in paragraphs(a)]
    for _, _, across in JOINS:
        assert sum(across in p for p in texts) == 1, across
    # A paragraph ending in a closing quote is complete: not glued to the next one.
    quote_end = [p for p in texts if p.endswith("“留出选择的余地”")]
    assert len(quote_end) == 1
    assert texts[texts.index(quote_end[0]) + 1].startswith("美国的小弟们突然集体对中国示好")
    # Real headings are never swallowed, although 二、是什么原因促成了这次会晤？ has no 。
    assert not any(re.match(r"^[一二三四五]、", p) for p in texts)


def test_read_back_equals_the_imported_model(seed: Path, imported: ImportReport) -> None:
    legacy = parse_legacy(read_text(seed), seed)
    assert content(read_publication(imported.out).issues[0]) == content(legacy.issue)
    assert [str(f) for f in imported.files] == [
        "zhiku.yml",
        "issues/2021-11-22/issue.yml",
        "issues/2021-11-22/01-zhong-mei-yuan-shou-hui-wu-zhong-mei.md",
        "issues/2021-11-22/02-yi-dai-yi-lu-gao-zhi-liang-fa.md",
    ]


def test_examples_folder_is_the_seed_imported(imported: ImportReport) -> None:
    issue = read_publication(EXAMPLE).issues[0]
    assert tuple(a.title for a in issue.articles) == TITLES
    # The example may gain figure series and data later; its prose must stay the seed's.
    assert [paragraphs(a) for a in issue.articles] == [paragraphs(a) for a in imported.issue.articles]


def files_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig", "crlf"])
def test_other_encodings_import_byte_identical(
    seed: Path, imported: ImportReport, tmp_path: Path, encoding: str
) -> None:
    text = seed.read_text(encoding="utf-8")
    copy = tmp_path / f"seed-{encoding}.txt"
    if encoding == "crlf":
        copy.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    else:
        copy.write_bytes(text.encode(encoding))
    report = import_legacy(copy, tmp_path / "out")
    assert files_of(report.out) == files_of(imported.out)


def test_weekday_mismatch_is_a_warning_naming_the_line(seed: Path, tmp_path: Path) -> None:
    copy = tmp_path / "wrong-weekday.txt"
    copy.write_text(seed.read_text(encoding="utf-8").replace("星期一", "星期二", 1), encoding="utf-8")
    report = import_legacy(copy, tmp_path / "out")
    assert len(report.warnings) == 1
    assert report.warnings[0].startswith(f"{copy}:11: 印刷的星期“星期二”与日期不符")
    assert "2021-11-22 is a Monday" in report.warnings[0]
    assert "weekday: 星期一" in (report.out / "issues" / "2021-11-22" / "issue.yml").read_text(
        encoding="utf-8"
    )


def test_target_is_replaced_only_with_force_and_atomically(seed: Path, tmp_path: Path) -> None:
    # (Changed with issue 16: --force once replaced any folder; now only one zhiku import wrote.)
    out = tmp_path / "pub"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ZhikuError, match="--force"):
        import_legacy(seed, out)
    with pytest.raises(ZhikuError, match=r"\.zhiku-import"):
        import_legacy(seed, out, force=True)  # an ordinary folder is never replaced
    assert files_of(out) == {"keep.txt": b"mine"}
    (out / "keep.txt").unlink()
    import_legacy(seed, out)
    (out / "issues" / "notes.txt").write_text("an edit", encoding="utf-8")
    # A failing import (here: an empty source) leaves the old folder whole, even with force.
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ZhikuError, match="文件是空的"):
        import_legacy(empty, out, force=True)
    assert "issues/notes.txt" in files_of(out)
    import_legacy(seed, out, force=True)
    assert "issues/notes.txt" not in files_of(out) and "zhiku.yml" in files_of(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "pub"]  # no staging left


def test_source_inside_the_target_is_never_deleted(seed: Path, tmp_path: Path) -> None:
    out = tmp_path / "pub"
    out.mkdir()
    inside = out / "seed.txt"
    inside.write_bytes(seed.read_bytes())
    with pytest.raises(ZhikuError, match="源文件在输出文件夹之内"):
        import_legacy(inside, out, force=True)
    assert inside.read_bytes() == seed.read_bytes()
