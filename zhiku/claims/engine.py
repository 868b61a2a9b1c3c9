"""Run every claim rule over prose, an article, an issue, or files on disk."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from zhiku.claims.facts import VALUE_KINDS, Facts, SeriesStore, period_marks, split_sentences
from zhiku.claims.model import Finding
from zhiku.claims.rules import RULES
from zhiku.errors import ZhikuError
from zhiku.model import WEEKDAYS_ZH, Article, Issue, ListBlock, Paragraph, Quote
from zhiku.quantities import parse_quantities

_BLANK = re.compile(r"\n[ \t\u3000]*\n")
_WEEKDAY_KEY = re.compile(r"^weekday:\s*['\"]?((?:星期|周|礼拜)[一二三四五六日天])")
_MASTHEAD = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:星期|周|礼拜)[一二三四五六日天]")


def build_facts(
    text: str,
    file: Path,
    line: int = 1,
    store: SeriesStore | None = None,
    *,
    reference_date: dt.date | None = None,
    article: str | None = None,
) -> Facts | None:
    """Read a paragraph once for all rules; None when it holds no quantity."""
    if not any(ch.isdigit() for ch in text) and not any(ch in text for ch in "一二三四五六七八九十两半"):
        return None
    # A measured quantity without a value or a range cannot take part in arithmetic.
    quantities = tuple(
        q
        for q in parse_quantities(text)
        if q.kind not in VALUE_KINDS or q.value is not None or (q.low is not None and q.high is not None)
    )
    if not quantities:
        return None
    return Facts(
        text=text,
        file=file,
        line=line,
        quantities=quantities,
        sentences=split_sentences(text, quantities),
        store=store,
        reference_date=reference_date,
        article=article,
        marks=period_marks(quantities),
    )


def check_paragraph(
    text: str,
    file: Path,
    line: int,
    store: SeriesStore | None = None,
    *,
    reference_date: dt.date | None = None,
    article: str | None = None,
) -> list[Finding]:
    """Every finding in one paragraph of plain text."""
    facts = build_facts(text, file, line, store, reference_date=reference_date, article=article)
    if facts is None:
        return []
    out: list[Finding] = []
    for sentence in facts.sentences:
        for rule in RULES:
            out.extend(rule(sentence, facts))
    out.sort(key=lambda f: f.span_offsets[0] if f.span_offsets else (0, 0))
    return out


def paragraphs(text: str, first_line: int = 1) -> Iterator[tuple[str, int]]:
    """Paragraphs of prose (separated by blank lines) with the line each starts on."""
    pos = 0
    for m in [*_BLANK.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.lstrip("\n")
        if stripped.strip():
            line = first_line + text.count("\n", 0, pos + (len(chunk) - len(stripped)))
            yield stripped.rstrip(), line
        if m is None:
            break
        pos = m.end()


def masthead_date(text: str) -> dt.date | None:
    """The date printed with its weekday near the top of a file (the issue date of a legacy issue)."""
    m = _MASTHEAD.search(text[:2000])
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def check_text(
    text: str,
    file: Path | str,
    line: int = 1,
    store: SeriesStore | None = None,
    *,
    reference_date: dt.date | None = None,
) -> list[Finding]:
    """Check prose: each blank-line-separated paragraph on its own, numbered from ``line``."""
    path = Path(file)
    out: list[Finding] = []
    for para, para_line in paragraphs(text, line):
        out.extend(
            check_paragraph(para.replace("\n", ""), path, para_line, store, reference_date=reference_date)
        )
    return out


def _article_texts(article: Article) -> Iterator[tuple[str, int]]:
    from zhiku.sources import inline_to_plain

    for block in article.walk_blocks():
        if isinstance(block, Paragraph):
            yield inline_to_plain(block.text), block.source.line
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield inline_to_plain(item), block.source.line
        elif isinstance(block, Quote):
            for p in block.paragraphs:
                yield inline_to_plain(p.text), p.source.line


def check_article(
    article: Article, store: SeriesStore | None = None, *, reference_date: dt.date | None = None
) -> list[Finding]:
    out: list[Finding] = []
    for text, line in _article_texts(article):
        out.extend(
            check_paragraph(
                text, article.source.file, line, store, reference_date=reference_date, article=article.slug
            )
        )
    return out


def masthead_weekday(issue: Issue) -> Finding | None:
    """The weekday printed in issue.yml (weekday: 星期一) against the issue date."""
    path = issue.source.file
    if not path.is_file():
        return None
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        m = _WEEKDAY_KEY.match(raw)
        if m is None:
            continue
        printed = m.group(1)
        actual = WEEKDAYS_ZH[issue.date.weekday()]
        same = printed.replace("周", "星期").replace("礼拜", "星期").replace("天", "日") == actual
        return Finding(
            file=path,
            line=n,
            relation="weekday",
            verdict="consistent" if same else "inconsistent",
            text=raw,
            spans=(printed,),
            stated=printed,
            computed=actual,
            evidence=f"{issue.date.isoformat()} 是{actual} / is a {issue.date.strftime('%A')}（本期日期）",
            span_offsets=((m.start(1), m.end(1)),),
            sentence=raw,
        )
    return None


def check_issue(issue: Issue, store: SeriesStore | None = None) -> list[Finding]:
    out: list[Finding] = []
    masthead = masthead_weekday(issue)
    if masthead is not None:
        out.append(masthead)
    for article in issue.articles:
        out.extend(check_article(article, store, reference_date=issue.date))
    return out


def _publication_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / "zhiku.yml").is_file():
            return folder
    return None


def _issue_date(folder: Path) -> dt.date | None:
    if not (folder / "issue.yml").is_file():
        return None
    from zhiku.sources import read_issue

    return read_issue(folder).date


def _is_article(text: str) -> bool:
    return text.lstrip("\ufeff").startswith("---\n")


def check_paths(paths: Iterable[Path | str]) -> list[Finding]:
    """Check files and folders: a prose .txt/.md, an article, an issue folder, a publication.

    A path inside a publication is checked against that publication's data store; anything
    else against the bundled store (USD/CNY rates, US CPI).
    """
    from zhiku.data import bundled_store, open_store
    from zhiku.sources import read_article, read_issue, read_publication, read_text

    out: list[Finding] = []
    stores: dict[Path | None, SeriesStore] = {}

    def store_for(p: Path) -> SeriesStore:
        root = _publication_root(p if p.is_dir() else p.parent)
        if root not in stores:
            stores[root] = open_store(root) if root is not None else bundled_store()
        return stores[root]

    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise ZhikuError("路径不存在", "no such file or folder", p)
        if p.is_dir():
            if (p / "zhiku.yml").is_file():
                pub = read_publication(p)
                for issue in pub.issues:
                    out.extend(check_issue(issue, store_for(p)))
            elif (p / "issue.yml").is_file():
                out.extend(check_issue(read_issue(p), store_for(p)))
            else:
                raise ZhikuError(
                    "文件夹里既没有 zhiku.yml 也没有 issue.yml，不是出版物或一期",
                    "the folder has neither zhiku.yml nor issue.yml: not a publication or an issue",
                    p,
                )
            continue
        if p.suffix.lower() not in (".md", ".markdown", ".txt", ".text"):
            raise ZhikuError(
                "只能核查 .txt / .md 文件或出版物、期刊文件夹",
                "only .txt/.md files and publication or issue folders can be checked",
                p,
            )
        text = read_text(p)
        if p.suffix.lower() != ".txt" and _is_article(text):
            article = read_article(p)
            out.extend(check_article(article, store_for(p), reference_date=_issue_date(p.parent)))
        else:
            out.extend(check_text(text, p, 1, store_for(p), reference_date=masthead_date(text)))
    return out
