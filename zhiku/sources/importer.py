"""``import_legacy``: a legacy text issue → a publication folder, written atomically.

The folder it writes carries a marker (``IMPORT_MARKER``); ``--force`` replaces only a folder
that has it — a publication this command wrote — never an ordinary folder, a publication
written by hand or a publication's ``data/``.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zhiku import __version__
from zhiku.errors import ZhikuError
from zhiku.fsutil import atomic_write_text, replace_dir, staging_dir_for
from zhiku.model import Article, Block, Figure, Issue, Paragraph, Publication, Quote, Section
from zhiku.sources.legacy import Join, parse_legacy
from zhiku.sources.publication import ISSUE_FILE, ISSUES_DIR, PUBLICATION_FILE, read_publication
from zhiku.sources.text import read_text
from zhiku.sources.writer import article_markdown, issue_yaml, publication_yaml

IMPORT_MARKER = ".zhiku-import"  # at the root of a publication zhiku import wrote


@dataclass(frozen=True)
class ImportReport:
    """What ``import_legacy`` wrote and found, for the CLI's summary and for tests."""

    out: Path
    publication: Publication  # as read back from ``out``
    issue: Issue  # as read back from ``out``
    files: tuple[Path, ...]  # every file written, relative to ``out``
    joins: tuple[Join, ...]
    dropped_lines: tuple[int, ...]
    warnings: tuple[str, ...]

    @property
    def articles(self) -> int:
        return len(self.issue.articles)

    @property
    def sections(self) -> int:
        return sum(len(a.sections) for a in self.issue.articles)

    @property
    def paragraphs(self) -> int:
        return sum(1 for a in self.issue.articles for b in a.walk_blocks() if isinstance(b, Paragraph))

    @property
    def figures(self) -> int:
        return sum(1 for a in self.issue.articles for b in a.walk_blocks() if isinstance(b, Figure))


def article_file_name(index: int, article: Article) -> str:
    """``01-zhong-mei-yuan-shou-hui-wu-zhong-mei.md``: reading order, then the slug."""
    return f"{index:02d}-{article.slug}.md"


def import_legacy(path: Path | str, out_dir: Path | str, force: bool = False) -> ImportReport:
    """Read the legacy issue at ``path`` and write it as a publication folder at ``out_dir``.

    A non-empty ``out_dir`` is replaced only with ``force``. The folder is built beside the
    target, read back and compared with what was imported, and only then renamed into place,
    so a failed run leaves the previous folder whole and the source file is never touched.
    """
    src = Path(path)
    out = Path(out_dir)
    text = read_text(src)
    _check_target(src, out, force)
    legacy = parse_legacy(text, src)
    publication = legacy.publication
    issue = legacy.issue

    staging = staging_dir_for(out)
    try:
        files = _write(staging, publication, issue)
        read_back = read_publication(staging)
        if len(read_back.issues) != 1 or content(read_back.issues[0]) != content(issue):
            raise ZhikuError(  # pragma: no cover - a writer/reader mismatch is a zhiku bug
                "内部错误：写出的文件读回后与导入内容不一致，未写入",
                "internal error: the written files do not read back to what was imported; nothing written",
                src,
            )
        if content(_without_issues(read_back)) != content(_without_issues(publication)):
            raise ZhikuError(  # pragma: no cover
                "内部错误：zhiku.yml 读回后与导入内容不一致，未写入",
                "internal error: zhiku.yml does not read back to what was imported; nothing written",
                src,
            )
        replace_dir(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    final = read_publication(out)
    return ImportReport(
        out=out,
        publication=final,
        issue=final.issues[0],
        files=tuple(files),
        joins=legacy.joins,
        dropped_lines=legacy.dropped_lines,
        warnings=legacy.warnings,
    )


def _check_target(src: Path, out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise ZhikuError("输出位置已有同名文件", "the output path is an existing file", out)
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise ZhikuError(
                "输出文件夹不是空的；确认要替换请加 --force",
                "the output folder is not empty; add --force to replace it",
                out,
            )
        if src.resolve().is_relative_to(out.resolve()):
            raise ZhikuError(
                "源文件在输出文件夹之内，替换会删掉它；请换一个输出文件夹",
                "the source file is inside the output folder and replacing it would delete it; "
                "choose another output folder",
                out,
            )
        marker = out / IMPORT_MARKER
        if out.is_symlink() or marker.is_symlink() or not marker.is_file():
            raise ZhikuError(
                f"输出文件夹不是 zhiku import 写出的出版物（没有 {IMPORT_MARKER} 标记），--force 不会替换它；"
                "请换一个空文件夹",
                f"the output folder is not a publication zhiku import wrote (no {IMPORT_MARKER} marker), "
                "so --force will not replace it; choose an empty folder",
                out,
            )


def _write(root: Path, publication: Publication, issue: Issue) -> list[Path]:
    written: list[Path] = []

    def put(rel: Path, text: str) -> None:
        atomic_write_text(root / rel, text)
        written.append(rel)

    atomic_write_text(root / IMPORT_MARKER, f"zhiku import {__version__}\n")
    put(Path(PUBLICATION_FILE), publication_yaml(publication))
    folder = Path(ISSUES_DIR) / issue.date.isoformat()
    names = [article_file_name(n, a) for n, a in enumerate(issue.articles, start=1)]
    put(folder / ISSUE_FILE, issue_yaml(issue.date, names, issue.number, issue.title))
    for name, article in zip(names, issue.articles, strict=True):
        put(folder / name, article_markdown(article))
    return written


def _without_issues(publication: Publication) -> Publication:
    from dataclasses import replace

    return replace(publication, issues=())


def content(obj: Any) -> Any:
    """A model object as plain nested tuples without source references and paths.

    Two objects with equal ``content`` say the same thing, wherever they were read from.
    """
    if isinstance(obj, Publication):
        return tuple(
            (name, content(getattr(obj, name))) for name in obj.__dataclass_fields__ if name != "root"
        )
    if isinstance(obj, Issue | Article | Section | Quote | Block):
        return (
            type(obj).__name__,
            tuple(
                (name, content(getattr(obj, name))) for name in obj.__dataclass_fields__ if name != "source"
            ),
        )
    if isinstance(obj, tuple):
        return tuple(content(x) for x in obj)
    return obj
