"""The copy check: what an editor's second reading catches in the writing, not the numbers.

Rules (one module each, registered in ``COPY_RULES`` in the order they run; a finding's
``relation`` is the rule's name, its verdict ``"copy"``):

- ``copy_punctuation_width`` (``width.py``): half-width marks in Chinese sentences, full-width
  letters and digits;
- ``copy_cjk_spacing`` (``spacing.py``): spaces between Chinese and Latin letters or digits, one
  way per article or as the house style says;
- ``copy_doubled`` (``doubled.py``): characters, words and marks typed twice, not reduplication;
- ``copy_unmatched`` (``unmatched.py``): quotation marks, title marks and brackets left open;
- ``copy_number_style`` and ``copy_numeral_mix`` (``numbers.py``): digit grouping and Arabic
  against Chinese numerals, one way per article.

The check reads an article's *source* (``prose.py`` protects its Markdown syntax), because its
fixes are written back to the file: ``fix_text`` applies the safe ones, only those, and running
it again changes nothing. A publication's house style turns rules off (``style.py``), and an
HTML comment ``<!-- zhiku: ignore copy -->`` silences one block.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from zhiku.claims.copy import doubled, numbers, spacing, unmatched, width
from zhiku.claims.copy.issue import CopyIssue
from zhiku.claims.copy.prose import Prose, read_prose
from zhiku.claims.copy.style import HouseStyle, read_house_style, silenced
from zhiku.claims.model import Finding, Fix

COPY_VERDICT = "copy"

CopyRule = Callable[[Prose, HouseStyle], list[CopyIssue]]

COPY_RULES: list[tuple[str, CopyRule]] = [
    (width.RELATION, lambda p, s: width.check(p)),
    (spacing.RELATION, lambda p, s: spacing.check(p, s.cjk_spacing)),
    (doubled.RELATION, lambda p, s: doubled.check(p)),
    (unmatched.RELATION, lambda p, s: unmatched.check(p)),
    (numbers.STYLE_RELATION, lambda p, s: numbers.check_style(p)),
    (numbers.MIX_RELATION, lambda p, s: numbers.check_mix(p)),
]


def copy_rule_names() -> list[str]:
    return [name for name, _ in COPY_RULES]


def is_markdown(file: Path | str) -> bool:
    return Path(file).suffix.lower() in (".md", ".markdown")


def copy_issues(
    text: str,
    *,
    markdown: bool = True,
    style: HouseStyle | None = None,
    only: Iterable[str] | None = None,
) -> tuple[Prose, list[CopyIssue]]:
    """Every copy issue in ``text`` (an article's source), in order, overlaps settled, inline
    silencing and the house style applied."""
    style = style or HouseStyle()
    wanted = None if only is None else set(only)
    prose = read_prose(text, markdown=markdown)
    found: list[CopyIssue] = []
    for name, rule in COPY_RULES:
        if name in style.off or (wanted is not None and name not in wanted):
            continue
        found.extend(_widen(prose.text, i) for i in rule(prose, style))
    quiet = silenced(prose, copy_rule_names())
    found = [i for i in found if not any(a <= i.start < b and i.relation in r for a, b, r in quiet)]
    return prose, _settle(found)


def _widen(text: str, i: CopyIssue) -> CopyIssue:
    """An insertion becomes a replacement of the character after it (before it at the end), so
    every span shows something; two insertions side by side (11月CPI) stay apart."""
    if i.start != i.end or i.new is None:
        return i
    a, b = (i.start, i.start + 1) if i.start < len(text) else (max(0, i.start - 1), i.start)
    new = text[a : i.start] + i.new + text[i.end : b]
    return CopyIssue(i.relation, a, b, new, i.zh, i.en, i.fix_zh, i.safe)


def _settle(found: list[CopyIssue]) -> list[CopyIssue]:
    """One issue per stretch of text: where two overlap (autocorrect and a rule of ours saw the
    same comma), the longer span wins, so that its fix leaves nothing for a second run."""
    found.sort(key=lambda i: (i.start, -(i.end - i.start), i.relation))
    out: list[CopyIssue] = []
    end = -1
    for i in found:
        if i.start < end:
            continue
        out.append(i)
        end = max(end, i.end)
    return out


def check_copy_text(
    text: str,
    file: Path | str,
    *,
    style: HouseStyle | None = None,
    only: Iterable[str] | None = None,
    slug: str | None = None,
    markdown: bool | None = None,
) -> list[Finding]:
    """Copy findings for one file's text, each quoting its line and carrying its fix."""
    path = Path(file)
    md = is_markdown(path) if markdown is None else markdown
    prose, issues = copy_issues(text, markdown=md, style=style, only=only)
    return [_finding(prose, path, i, slug) for i in issues]


def _finding(prose: Prose, file: Path, i: CopyIssue, slug: str | None) -> Finding:
    line = prose.line_of(i.start)
    line_start, line_text = prose.line_text(line)
    old = prose.text[i.start : i.end]
    a, b = i.start - line_start, min(i.end - line_start, len(line_text))
    if i.new is not None:
        lo, hi = max(0, a - 10), b + 10
        computed = (
            ("…" if lo > 0 else "")
            + line_text[lo:a]
            + i.new
            + line_text[b:hi]
            + ("…" if hi < len(line_text) else "")
        )
    else:
        computed = i.fix_zh
    fix = Fix(i.start, i.end, old, i.new if i.new is not None else old, i.safe and i.new is not None)
    return Finding(
        file=file,
        line=line,
        relation=i.relation,
        verdict=COPY_VERDICT,  # type: ignore[arg-type]  # a Verdict literal
        text=line_text,
        spans=(line_text[a:b],),
        stated=old,
        computed=computed,
        evidence=f"{i.zh} / {i.en}",
        span_offsets=((a, b),),
        article=slug,
        sentence=line_text,
        fix=fix,
    )


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: tuple[CopyIssue, ...]
    left: tuple[CopyIssue, ...]  # reported, but not safe to change mechanically


def fix_text(
    text: str,
    *,
    markdown: bool = True,
    style: HouseStyle | None = None,
    only: Iterable[str] | None = None,
) -> FixResult:
    """``text`` with every safe copy fix applied — exactly the reported spans, nothing else."""
    _, issues = copy_issues(text, markdown=markdown, style=style, only=only)
    safe = [i for i in issues if i.safe and i.new is not None]
    out = text
    for i in sorted(safe, key=lambda i: i.start, reverse=True):
        assert i.new is not None
        out = out[: i.start] + i.new + out[i.end :]
    return FixResult(out, tuple(safe), tuple(i for i in issues if i not in safe))


def publication_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / "zhiku.yml").is_file():
            return folder
    return None


def house_style_for(path: Path) -> HouseStyle:
    root = publication_root(path if path.is_dir() else path.parent)
    return read_house_style(root, copy_rule_names())


def article_files(path: Path) -> list[tuple[Path, str | None]]:
    """The article files a path holds (a file, an issue folder, a publication), with slugs.

    An issue's articles are taken from its ``issue.yml`` without parsing them (the number check
    has parsed them already; the copy check reads the source text): only files inside the
    issue folder are listed, as the issue reader allows.
    """
    if not path.is_dir():
        return [(path, None)]
    if (path / "zhiku.yml").is_file():
        folders = sorted(p for p in (path / "issues").glob("*") if (p / "issue.yml").is_file())
    elif (path / "issue.yml").is_file():
        folders = [path]
    else:
        return []
    out: list[tuple[Path, str | None]] = []
    for folder in folders:
        out.extend((f, f.stem) for f in _issue_articles(folder))
    return out


def _issue_articles(folder: Path) -> list[Path]:
    from zhiku.sources import read_text
    from zhiku.sources.yamltext import load_mapping

    meta, _ = load_mapping(read_text(folder / "issue.yml"), folder / "issue.yml")
    names = meta.get("articles") or []
    inside = folder.resolve()
    out = []
    for name in names if isinstance(names, list) else []:
        f = (folder / str(name)).resolve()
        if f.parent == inside and f.is_file():
            out.append(folder / str(name))
    return out


def check_copy_paths(paths: Iterable[Path | str], *, only: Iterable[str] | None = None) -> list[Finding]:
    """Copy findings for files and folders, each publication's house style applied."""
    from zhiku.sources import read_text

    out: list[Finding] = []
    wanted = None if only is None else list(only)
    for raw in paths:
        p = Path(raw)
        style = house_style_for(p)
        for file, slug in article_files(p):
            out.extend(check_copy_text(read_text(file), file, style=style, only=wanted, slug=slug))
    return out


__all__ = [
    "COPY_RULES",
    "COPY_VERDICT",
    "FixResult",
    "HouseStyle",
    "check_copy_paths",
    "check_copy_text",
    "copy_issues",
    "copy_rule_names",
    "fix_text",
    "read_house_style",
]
