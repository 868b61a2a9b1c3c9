"""Helpers shared by the site tests (no tests here): a small archive made from the example.

The archive is the example publication (the seed issue) plus two more issues whose articles
are sections of the seed's articles, re-dated, re-titled and tagged, so that search, topics,
the feed and incremental rebuilds have several issues to work on.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "runwaysys"
SEED = REPO.parent / "shared" / "seed" / "000_d1431f2bc3438f4f.txt"
ARTIFACTS = REPO / "test-artifacts"


def example_publication(dst: Path) -> Path:
    """The example publication copied to ``dst`` (or, before it exists, the seed imported there)."""
    if (EXAMPLE / "zhiku.yml").is_file():
        shutil.copytree(EXAMPLE, dst, ignore=shutil.ignore_patterns(".zhiku", "_site"))
        return dst
    if not SEED.is_file():
        pytest.skip(f"neither {EXAMPLE} nor the seed {SEED} is available")
    from zhiku.sources import import_legacy

    import_legacy(SEED, dst, False)
    return dst


def _tags_yaml(tags: list[str]) -> str:
    # One tag is written as a plain string: the reader rejects YAML lists in front matter today
    # (it reports a key "tags[0]"), so the archive keeps to one tag an article.
    assert len(tags) == 1
    return f"tags: {tags[0]}\n"


def _front_matter(title: str, slug: str, tags: list[str]) -> str:
    return f"---\ntitle: {title}\nslug: {slug}\n{_tags_yaml(tags)}---\n\n"


def _sections(markdown: str) -> list[str]:
    """The ``## `` sections of an article file, front matter dropped."""
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    parts = re.split(r"(?m)^(?=## )", body)
    return [p for p in parts if p.startswith("## ")]


def _issue_folder(pub: Path) -> Path:
    folders = sorted(p for p in (pub / "issues").iterdir() if (p / "issue.yml").is_file())
    return folders[-1]


def article_files(pub: Path) -> list[Path]:
    return sorted(_issue_folder(pub).glob("*.md"))


def make_archive(dst: Path) -> Path:
    """The example plus issues of 2020-12-28, 2021-11-08 and 2021-12-06 made from its sections
    (two years of issues, as an archive has)."""
    pub = example_publication(dst)
    first, second = article_files(pub)[:2]
    give_figures_data(first)
    us_china = _sections(first.read_text(encoding="utf-8"))
    bri = _sections(second.read_text(encoding="utf-8"))
    _ensure_tags(first, ["中美关系"])
    _ensure_tags(second, ["一带一路"])

    def issue(date: str, number: str, articles: list[tuple[str, str, list[str], list[str]]]) -> None:
        folder = pub / "issues" / date
        folder.mkdir(parents=True)
        names = []
        for n, (title, slug, tags, sections) in enumerate(articles, 1):
            name = f"{n:02d}-{slug}.md"
            (folder / name).write_text(
                _front_matter(title, slug, tags) + "\n".join(sections), encoding="utf-8"
            )
            names.append(name)
        listed = "".join(f"- {n}\n" for n in names)
        (folder / "issue.yml").write_text(
            f"date: {date}\nnumber: {number}\narticles:\n{listed}", encoding="utf-8"
        )

    issue(
        "2021-11-08",
        "44",
        [
            ("中美关系的坎坷与转机", "us-china-turns", ["中美关系"], [us_china[0], us_china[4]]),
        ],
    )
    issue(
        "2020-12-28",
        "52",
        [
            ("台海问题与中美合作的前提", "taiwan-strait-premise", ["中美关系"], [us_china[3]]),
        ],
    )
    issue(
        "2021-12-06",
        "48",
        [
            ("美国通胀与中美元首对话", "us-inflation-talks", ["通货膨胀"], [us_china[1]]),
            ("共建“一带一路”的坚实基础", "bri-foundations", ["一带一路"], [bri[2]]),
        ],
    )
    return pub


def _ensure_tags(path: Path, tags: list[str]) -> None:
    """Give an article tags when the example has none (topic pages need some)."""
    text = path.read_text(encoding="utf-8")
    if re.search(r"(?m)^tags:", text.split("\n---", 1)[0]):
        return
    path.write_text(re.sub(r"\A---\n", f"---\n{_tags_yaml(tags)}", text, count=1), encoding="utf-8")


FIGURE_DATA = (
    "series: us.cpi_u.inflation.annual\nfrom: 1960\nto: 2021\nkind: bar\n"
    "source: 美国劳工统计局（BLS），CPI-U 年均值同比\n"
)


def give_figures_data(path: Path) -> None:
    """The seed's figure 美国历年通货膨胀率 lost its picture; draw it from the bundled BLS series."""
    text = path.read_text(encoding="utf-8")

    def fill(m: re.Match[str]) -> str:
        block = m.group(0)
        if re.search(r"(?m)^series:", block):
            return block
        return re.sub(r"(?m)^(title: .*\n)", lambda t: t.group(1) + FIGURE_DATA, block, count=1)

    path.write_text(re.sub(r"```figure\n.*?```", fill, text, flags=re.S), encoding="utf-8")
