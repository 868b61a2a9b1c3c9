"""``import_issue``: a legacy text or Word issue → a publication folder, written atomically.

Both readers give blocks to :mod:`zhiku.sources.briefing`, whose rules find the issue; the
folder is written here the same way for both (``zhiku.yml``, ``issues/<date>/issue.yml``, one
Markdown file per article). A Word file adds its pictures (written byte for byte into the
issue folder) and its footnotes (``[^N]: …`` at the end of the article that cites them).

What it writes carries a marker (``IMPORT_MARKER``), at the publication's root and in the issue
folder; ``--force`` replaces only a folder that has it — a publication or an issue this command
wrote — never an ordinary folder, a publication or issue written by hand, or a publication's
``data/``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhiku import __version__
from zhiku.errors import ZhikuError
from zhiku.fsutil import atomic_write_bytes, atomic_write_text, replace_dir, staging_dir_for
from zhiku.model import (
    Article,
    Block,
    Citation,
    Figure,
    Footnote,
    Issue,
    Paragraph,
    Publication,
    Quote,
    Reference,
    Section,
)
from zhiku.sources.briefing import Join, LegacyIssue, assemble_issue, require_name
from zhiku.sources.legacy import split_blocks
from zhiku.sources.paths import inside
from zhiku.sources.publication import ISSUE_FILE, ISSUES_DIR, PUBLICATION_FILE, read_issue, read_publication
from zhiku.sources.text import read_text
from zhiku.sources.writer import article_markdown, footnote_markdown, issue_yaml, publication_yaml

WORD_SUFFIXES = (".docx", ".docm", ".dotx")
IMPORT_MARKER = ".zhiku-import"  # in a publication's root and an issue folder zhiku import wrote
CONVERTED_SUFFIXES = (".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot")
CONVERT_TIMEOUT = 180  # seconds; LibreOffice converts a 30-page file in a few

_FOOTNOTE_REF_RE = re.compile(r"\[\^([^\]\s]+)\]")
_IMAGE_REF_RE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote and found, for the CLI's summary and for tests."""

    out: Path  # the publication folder
    publication: Publication  # as read back from ``out``
    issue: Issue  # as read back from ``out``
    files: tuple[Path, ...]  # every file written, relative to ``out``
    joins: tuple[Join, ...]
    dropped_lines: tuple[int, ...]
    warnings: tuple[str, ...]
    footnotes: int = 0
    images: int = 0
    tables: int = 0
    converted_with: str | None = None  # "LibreOffice" when a .doc/.wps/.rtf was converted first

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

    @property
    def issue_dir(self) -> Path:
        return self.out / ISSUES_DIR / self.issue.date.isoformat()


@dataclass
class _Parsed:
    """An issue as read, with what is written beside its articles (Word files only)."""

    legacy: LegacyIssue
    footnotes: dict[str, str] = field(default_factory=dict)  # label → inline Markdown
    images: dict[str, bytes] = field(default_factory=dict)  # file name → bytes
    tables: int = 0
    warnings: tuple[str, ...] = ()
    word: bool = False
    converted_with: str | None = None


def article_file_name(index: int, article: Article) -> str:
    """``01-zhong-mei-yuan-shou-hui-wu-zhong-mei.md``: reading order, then the slug."""
    return f"{index:02d}-{article.slug}.md"


def import_legacy(path: Path | str, out_dir: Path | str, force: bool = False) -> ImportReport:
    """Read the issue at ``path`` and write it as a whole publication folder at ``out_dir``.

    A non-empty ``out_dir`` is replaced only with ``force``. The folder is built beside the
    target, read back and compared with what was imported, and only then renamed into place,
    so a failed run leaves the previous folder whole and the source file is never touched.
    """
    return import_issue(path, out=out_dir, force=force)


def import_issue(
    path: Path | str,
    *,
    into: Path | str | None = None,
    out: Path | str | None = None,
    force: bool = False,
) -> ImportReport:
    """Import the issue at ``path`` (legacy text, ``.docx``, or ``.doc``/``.wps``/``.rtf`` through
    LibreOffice) into a publication.

    ``into``: the publication folder to add the issue to — created with a ``zhiku.yml`` from the
    masthead if it has none, its own ``zhiku.yml`` kept if it has one; the issue folder
    ``issues/<date>/`` must not exist unless ``force`` (then it, and only it, is replaced).
    ``out``: a whole publication folder, which must be empty unless ``force``.
    Nothing is written when reading fails; what is written is staged, read back, then renamed.
    """
    src = Path(path)
    if (into is None) == (out is None):
        raise ValueError("give exactly one of into= and out=")
    if out is not None:
        _check_target(src, Path(out), force)
    parsed = _parse(src)
    if out is not None:
        require_name(parsed.legacy.publication, src)
        return _write_publication(src, parsed, Path(out))
    assert into is not None
    if not (Path(into) / PUBLICATION_FILE).is_file():
        require_name(parsed.legacy.publication, src)
    return _write_into(src, parsed, Path(into), force)


def _parse(src: Path) -> _Parsed:
    suffix = src.suffix.lower()
    if suffix in WORD_SUFFIXES or suffix in CONVERTED_SUFFIXES:
        if not src.is_file():
            raise ZhikuError("文件不存在", "file not found", src)
        if suffix in CONVERTED_SUFFIXES:
            with tempfile.TemporaryDirectory(prefix="zhiku-convert-") as work:
                docx = convert_to_docx(src, Path(work))
                parsed = _parse_word(docx, src)
            parsed.converted_with = "LibreOffice"
            return parsed
        return _parse_word(src, src)
    text = read_text(src)
    return _Parsed(assemble_issue(split_blocks(text), src, text_export=True))


def _parse_word(docx: Path, shown: Path) -> _Parsed:
    from zhiku.sources.word import read_docx

    document = read_docx(docx, shown)
    legacy = assemble_issue(list(document.blocks), shown, text_export=False)
    return _Parsed(
        legacy,
        footnotes={f.label: f.text for f in document.footnotes},
        images={i.name: i.data for i in document.images},
        tables=document.tables,
        warnings=document.warnings,
        word=True,
    )


def convert_to_docx(src: Path, work: Path) -> Path:
    """``.doc``/``.wps``/``.rtf`` → ``.docx`` with LibreOffice, in ``work``; a clear error without it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ZhikuError(
            f"无法直接读取 {src.suffix} 文件：请在 Word 或 WPS 中“另存为”Word 文档（.docx）后导入，"
            "或安装 LibreOffice（apt-get install libreoffice-writer-nogui）",
            f"{src.suffix} files cannot be read directly: save the file as a Word document (.docx) in Word "
            "or WPS and import that, or install LibreOffice (apt-get install libreoffice-writer-nogui)",
            src,
        )
    # A copy under a plain name: LibreOffice names its output after the input, and its own
    # profile in ``work`` keeps it from touching (or waiting on) the user's.
    copy = work / f"source{src.suffix.lower()}"
    shutil.copyfile(src, copy)
    failed = ZhikuError(
        "LibreOffice 无法转换此文件（文件可能已损坏或设置了密码）："
        "请在 Word 或 WPS 中打开并另存为 .docx 后导入",
        "LibreOffice could not convert the file (it may be damaged or password-protected): open it in "
        "Word or WPS, save it as .docx and import that",
        src,
    )
    try:
        done = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                str(work / "out"),
                str(copy),
            ],
            capture_output=True,
            timeout=CONVERT_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as err:
        raise failed from err
    result = work / "out" / "source.docx"
    if done.returncode != 0 or not result.is_file():
        raise failed
    return result


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
        _require_marker(
            out,
            "输出文件夹不是 zhiku import 写出的出版物",
            "the output folder is not a publication zhiku import wrote",
        )


def _require_marker(folder: Path, zh: str, en: str) -> None:
    """``--force`` replaces ``folder`` only if zhiku import wrote it (its marker is a real file)."""
    marker = folder / IMPORT_MARKER
    if folder.is_symlink() or marker.is_symlink() or not marker.is_file():
        raise ZhikuError(
            f"{zh}（没有 {IMPORT_MARKER} 标记），--force 不会替换它；请换一个空文件夹",
            f"{en} (no {IMPORT_MARKER} marker), so --force will not replace it; choose an empty folder",
            folder,
        )


def _mark(folder: Path) -> None:
    atomic_write_text(folder / IMPORT_MARKER, f"zhiku import {__version__}\n")


def _write_publication(src: Path, parsed: _Parsed, out: Path) -> ImportReport:
    publication = parsed.legacy.publication
    issue = parsed.legacy.issue
    staging = staging_dir_for(out)
    try:
        _mark(staging)
        atomic_write_text(staging / PUBLICATION_FILE, publication_yaml(publication))
        folder = Path(ISSUES_DIR) / issue.date.isoformat()
        files = [Path(PUBLICATION_FILE)] + [folder / f for f in _write_issue(staging / folder, parsed)]
        read_back = read_publication(staging)
        if len(read_back.issues) != 1:  # pragma: no cover - a writer/reader mismatch is a zhiku bug
            raise _mismatch(src)
        _verify(read_back.issues[0], parsed, src)
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
    return _report(out, files, parsed)


def _write_into(src: Path, parsed: _Parsed, into: Path, force: bool) -> ImportReport:
    issue = parsed.legacy.issue
    if into.exists() and not into.is_dir():
        raise ZhikuError("出版物位置已有同名文件", "the publication path is an existing file", into)
    target = into / ISSUES_DIR / issue.date.isoformat()
    if (into / ISSUES_DIR).exists() or (into / ISSUES_DIR).is_symlink():
        inside(into / ISSUES_DIR, into)  # never write (or replace) through a link out
    if target.exists() or target.is_symlink():
        if not force:
            raise ZhikuError(
                f"这一期（{issue.date.isoformat()}）已经存在；确认要替换请加 --force",
                f"the issue {issue.date.isoformat()} already exists; add --force to replace it",
                target,
            )
        if src.resolve().is_relative_to(target.resolve()):
            raise ZhikuError(
                "源文件在要替换的期刊文件夹之内，替换会删掉它；请先把它移出来",
                "the source file is inside the issue folder being replaced and would be deleted; "
                "move it out first",
                target,
            )
        _require_marker(
            target, "这一期不是 zhiku import 写入的", "this issue was not written by zhiku import"
        )
    created = [p for p in (into, into / ISSUES_DIR) if not p.exists()]
    staging = staging_dir_for(target)
    try:
        names = _write_issue(staging, parsed)
        _verify(read_issue(staging), parsed, src)
        files = [Path(ISSUES_DIR) / issue.date.isoformat() / n for n in names]
        if not (into / PUBLICATION_FILE).exists():
            atomic_write_text(into / PUBLICATION_FILE, publication_yaml(parsed.legacy.publication))
            files.insert(0, Path(PUBLICATION_FILE))
        replace_dir(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        for folder in reversed(created):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        raise
    return _report(into, files, parsed)


def _write_issue(folder: Path, parsed: _Parsed) -> list[Path]:
    """issue.yml, the articles (with their footnotes) and their pictures, into ``folder``."""
    issue = parsed.legacy.issue
    names = [article_file_name(n, a) for n, a in enumerate(issue.articles, start=1)]
    written = [Path(ISSUE_FILE)]
    _mark(folder)
    atomic_write_text(folder / ISSUE_FILE, issue_yaml(issue.date, names, issue.number, issue.title))
    used: set[str] = set()
    for name, article in zip(names, issue.articles, strict=True):
        text = article_markdown(article)
        labels = list(dict.fromkeys(_FOOTNOTE_REF_RE.findall(text))) if parsed.footnotes else []
        notes = [
            footnote_markdown(n, parsed.footnotes[n].split("\n\n")) for n in labels if n in parsed.footnotes
        ]
        if notes:
            text = text.rstrip("\n") + "\n\n" + "\n\n".join(notes) + "\n"
        atomic_write_text(folder / name, text)
        written.append(Path(name))
        used.update(m for m in _IMAGE_REF_RE.findall(text) if m in parsed.images)
    for image in sorted(used, key=_natural):
        atomic_write_bytes(folder / image, parsed.images[image])
        written.append(Path(image))
    return written


def _natural(name: str) -> tuple[int, str]:
    m = re.search(r"(\d+)", name)
    return (int(m[1]) if m else 0, name)


def _mismatch(src: Path) -> ZhikuError:
    return ZhikuError(
        "内部错误：写出的文件读回后与导入内容不一致，未写入",
        "internal error: the written files do not read back to what was imported; nothing written",
        src,
    )


def _verify(read_back: Issue, parsed: _Parsed, src: Path) -> None:
    """The written issue reads back to what was imported. A text import must read back equal;
    a Word import's footnotes and pictures are syntax the Markdown reader may model in its own
    way, so there the articles' titles and the headings of every level must read back equal."""
    issue = parsed.legacy.issue
    if not parsed.word:
        if content(read_back) != content(issue):
            raise _mismatch(src)  # pragma: no cover - a writer/reader mismatch is a zhiku bug
        return

    def outline(i: Issue) -> list[Any]:
        return [(a.title, a.slug, [(s.level, s.title) for s in a.walk_sections()]) for a in i.articles]

    # (the number is not compared: the reader may normalise 第 46 期 to 第46期)
    if outline(read_back) != outline(issue) or read_back.date != issue.date:
        raise _mismatch(src)  # pragma: no cover


def _report(out: Path, files: list[Path], parsed: _Parsed) -> ImportReport:
    final = read_publication(out)
    date = parsed.legacy.issue.date
    issue = next(i for i in final.issues if i.date == date)
    written = {f.name for f in files}
    return ImportReport(
        out=out,
        publication=final,
        issue=issue,
        files=tuple(files),
        joins=parsed.legacy.joins,
        dropped_lines=parsed.legacy.dropped_lines,
        warnings=(*parsed.warnings, *parsed.legacy.warnings),
        footnotes=_count_footnotes(out, files),
        images=sum(1 for name in parsed.images if name in written),
        tables=parsed.tables,
        converted_with=parsed.converted_with,
    )


def _count_footnotes(out: Path, files: list[Path]) -> int:
    total = 0
    for f in files:
        if f.suffix == ".md":
            total += len(re.findall(r"^\[\^[^\]]+\]:", (out / f).read_text(encoding="utf-8"), re.MULTILINE))
    return total


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
    if isinstance(obj, Issue | Article | Section | Quote | Block | Footnote | Citation | Reference):
        return (
            type(obj).__name__,
            tuple(
                (name, content(getattr(obj, name))) for name in obj.__dataclass_fields__ if name != "source"
            ),
        )
    if isinstance(obj, tuple):
        return tuple(content(x) for x in obj)
    return obj
