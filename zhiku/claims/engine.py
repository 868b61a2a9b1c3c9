"""Run every relation rule over an article's fact table: prose, an article, an issue, files on disk."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from zhiku.claims import facts as fact_table
from zhiku.claims.document import Document, from_article, from_text
from zhiku.claims.facts import FactTable, SeriesStore
from zhiku.claims.judge import POINTS_AS_PERCENT
from zhiku.claims.model import Finding, Input
from zhiku.claims.normalize import INVISIBLE_RELATION, invisible_characters, normalize, to_source
from zhiku.claims.rules import RULER
from zhiku.errors import ZhikuError
from zhiku.model import WEEKDAYS_ZH, Article, Issue

_WEEKDAY_KEY = re.compile(r"^weekday:\s*['\"]?((?:星期|周|礼拜)[一二三四五六日天])")
_MASTHEAD = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:星期|周|礼拜)[一二三四五六日天]")


def check_document(
    doc: Document,
    store: SeriesStore | None = None,
    *,
    reference_date: dt.date | None = None,
    only: Iterable[str] | None = None,
    keep: list[FactTable] | None = None,
) -> list[Finding]:
    """Every finding in one article's words: build its fact table, then run the rules over it.
    ``keep`` collects the fact tables (for the cross-issue memory, ``claims.memory``)."""
    table = build_table(doc, store, reference_date=reference_date)
    if keep is not None:
        keep.append(table)
    for _name, rule in RULER.active(only):
        rule(table)
    findings = _settle(table)
    if only is None or INVISIBLE_RELATION in set(only):
        findings.extend(invisible_characters(table.doc))
    return _to_source(table.doc, findings)


def _to_source(doc: Document, findings: list[Finding]) -> list[Finding]:
    """Findings on a passage whose invisible characters were taken out quote the source as written."""
    cleaned = {p.text: p for p in doc.passages if p.kept}
    if not cleaned:
        return findings
    out = []
    for f in findings:
        p = cleaned.get(f.text)
        if p is None:
            out.append(f)
            continue
        offsets = tuple(to_source(p, a, b) for a, b in f.span_offsets)
        out.append(
            replace(
                f,
                text=p.original,
                span_offsets=offsets,
                spans=tuple(p.original[a:b] for a, b in offsets),
            )
        )
    return out


def build_table(
    doc: Document, store: SeriesStore | None = None, *, reference_date: dt.date | None = None
) -> FactTable:
    return fact_table.build(normalize(doc), store, reference_date)


def _settle(table: FactTable) -> list[Finding]:
    """One finding per claim and relation, in reading order; an error is reported where it is made."""
    seen: set[tuple[int, str, tuple[tuple[int, int], ...], str]] = set()
    out: list[Finding] = []
    # A claim one rule could judge needs no "unverifiable" from another that could not
    # (美国CPI同比上涨6.2%: the series rule checks it; the growth rule has no base for it).
    judged: dict[int, list[tuple[int, int]]] = {}
    for f in table.findings:
        if f.verdict != "unverifiable":
            judged.setdefault(f.line, []).extend(f.span_offsets)
    findings = [
        f for f in table.findings if f.verdict != "unverifiable" or not _covered(f, judged.get(f.line, []))
    ]
    for f in _consequences(findings):
        key = (f.line, f.relation, f.span_offsets, f.stated)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    out.sort(key=lambda f: (f.line, f.span_offsets[0] if f.span_offsets else (0, 0)))
    return out


def _covered(f: Finding, spans: list[tuple[int, int]]) -> bool:
    """Whether a judged finding's span (``spans`` sorted) overlaps ``f``'s claim."""
    claim = _claim_span(f)
    if claim is None or not spans:
        return False
    k = bisect_left(spans, (claim[1], -1))  # spans starting before the claim ends
    return any(a < claim[1] and claim[0] < b for a, b in spans[max(0, k - 32) : k])


def _claim_span(f: Finding) -> tuple[int, int] | None:
    """Where the claim's own number stands: the span holding the input the finding states."""
    stated = next((i for i in f.inputs if i.role == "所述"), None)
    if stated is None:
        return None
    for (a, _), text in zip(f.span_offsets, f.spans, strict=False):
        if stated.text in text:
            return a + text.index(stated.text), a + text.index(stated.text) + len(stated.text)
    return None


def _key(i: Input) -> tuple[int, str, tuple[int, int] | None]:
    return i.line, i.text, i.cell


def _consequences(findings: list[Finding]) -> list[Finding]:
    """A relation that fails only because one of its inputs is itself a wrong statement (a column sum
    with a transposed cell, an average growth from a wrong multiple) is not a second error: it is
    reported unverifiable, naming the statement that is wrong."""
    wrong: dict[tuple[int, str, tuple[int, int] | None], Finding] = {}
    for f in findings:
        if f.verdict == "inconsistent":
            for i in f.inputs:
                if i.role == "所述":
                    wrong[_key(i)] = f
    # (常住人口1262.4万人，比上年末的1252.2万人增加10.2万人 … 城镇人口1070.2万人，乡村人口129.2万人: a
    # total that another relation bears out, as its input, is right; the sum fails on a part, and the
    # shares of that total stand as they are)
    for f in findings:
        if f.verdict == "consistent":
            for i in f.inputs:
                if i.role != "所述":
                    wrong.pop(_key(i), None)
    out: list[Finding] = []
    for f in findings:
        if f.verdict != "inconsistent" or POINTS_AS_PERCENT in f.evidence:
            # (高出6.4% for 14.7% against 8.3%: a gap in points written in %, a slip of its own even
            # when 14.7% is itself wrong)
            out.append(f)
            continue
        own = {_key(i) for i in f.inputs if i.role == "所述"}
        cause = next(
            (
                (i, wrong[_key(i)])
                for i in f.inputs
                if i.role != "所述"
                and _key(i) in wrong
                and wrong[_key(i)] is not f
                and not any(_key(j) in own for j in wrong[_key(i)].inputs)
            ),
            None,
        )
        if cause is None:
            out.append(f)
            continue
        i, other = cause
        out.append(
            replace(
                f,
                verdict="unverifiable",
                evidence=(
                    f"{f.evidence}；所用的{i.text}本身有误（{i.where()}，{other.stated}）/ "
                    "one of its inputs is itself wrong"
                ),
                missing="输入有误 / a wrong input",
            )
        )
    return out


def check_text(
    text: str,
    file: Path | str,
    line: int = 1,
    store: SeriesStore | None = None,
    *,
    reference_date: dt.date | None = None,
    only: Iterable[str] | None = None,
) -> list[Finding]:
    """Check prose (Markdown or plain text), its lines numbered from ``line``."""
    return check_document(from_text(text, Path(file), line), store, reference_date=reference_date, only=only)


def check_article(
    article: Article,
    store: SeriesStore | None = None,
    *,
    reference_date: dt.date | None = None,
    only: Iterable[str] | None = None,
    keep: list[FactTable] | None = None,
) -> list[Finding]:
    return check_document(from_article(article), store, reference_date=reference_date, only=only, keep=keep)


def masthead_date(text: str) -> dt.date | None:
    """The date printed with its weekday near the top of a file (the issue date of a legacy issue)."""
    m = _MASTHEAD.search(text[:2000])
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


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


def check_issue(
    issue: Issue,
    store: SeriesStore | None = None,
    *,
    only: Iterable[str] | None = None,
    keep: list[FactTable] | None = None,
) -> list[Finding]:
    out: list[Finding] = []
    masthead = masthead_weekday(issue)
    if masthead is not None and (only is None or "weekday" in set(only)):
        out.append(masthead)
    for article in issue.articles:
        out.extend(check_article(article, store, reference_date=issue.date, only=only, keep=keep))
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


def check_paths(
    paths: Iterable[Path | str], *, only: Iterable[str] | None = None, keep: list[FactTable] | None = None
) -> list[Finding]:
    """Check files and folders: a prose .txt/.md, an article, an issue folder, a publication.

    A path inside a publication is checked against that publication's data store; anything
    else against the bundled store (USD/CNY rates, US CPI).
    """
    from zhiku.data import bundled_store, open_store
    from zhiku.sources import read_article, read_issue, read_publication, read_text

    out: list[Finding] = []
    stores: dict[Path | None, SeriesStore] = {}
    wanted = None if only is None else list(only)

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
                    out.extend(check_issue(issue, store_for(p), only=wanted, keep=keep))
            elif (p / "issue.yml").is_file():
                out.extend(check_issue(read_issue(p), store_for(p), only=wanted, keep=keep))
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
            out.extend(
                check_article(
                    article, store_for(p), reference_date=_issue_date(p.parent), only=wanted, keep=keep
                )
            )
        else:
            doc = from_text(text, p, 1)
            out.extend(
                check_document(doc, store_for(p), reference_date=masthead_date(text), only=wanted, keep=keep)
            )
    return out
