"""Cross-issue memory: the same indicator, the same period, a different value in another article.

The fact table of every article (``facts.py``) already knows what each number measures, when,
in what unit and how precisely it is written. The values worth remembering are recorded in the
publication's statement store (``zhiku.data.statements``) and every article checked is compared
with what the archive — other issues, and other articles of its own issue — has said.

A false conflict costs more than a miss, so a statement is remembered only when it is a plain
level or rate (not a growth, change or share, which depend on their base), named by enough
words (``labels.has_content``, four characters at least), given for a period written in its own
sentence (a year, or part of a year; not a span of years, not a cumulative ``累计`` total), as
an exact or approximate value (a bound — 超过8000亿美元 — states no value). Two statements are
the same indicator when their periods and units are identical and their names agree both ways
(``labels.likeness`` ≥ 0.9 each way, no opposed words, the same places); they conflict when
the intervals their written precision stands for (``tolerance.interval_of``: 8225列 and
0.82万列 agree) do not meet. A value whose sentence says it is revised (修订, 调整后, 修正为, 更正,
核实后 …) is the writer correcting the record, not a conflict.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from zhiku.claims import labels, tolerance
from zhiku.claims.facts import Fact, FactTable
from zhiku.claims.model import Finding, Input
from zhiku.claims.periods import Period
from zhiku.data.statements import Statement, StatementStore, fingerprint, issue_files, pending_issues
from zhiku.errors import ZhikuError, ZhikuWarning

RELATION = "archive_conflict"
REVISED = re.compile(r"修订|修正|调整后|调整为|更正|订正|核实后|最终核实|重新核算|修改为")
_CUMULATIVE = re.compile(r"累计|累积|总计|共计|合计|以来|年间|年来")
_QUOTES = re.compile(r"[“”‘’\"']")
_KINDS = frozenset({"money", "count", "number", "percent"})
SAME_NAME = 0.9


@dataclass(frozen=True)
class Said:
    """A statement together with the fact it came from (for the finding's words and spans)."""

    statement: Statement
    fact: Fact


def period_key(p: Period) -> str | None:
    """The period as a key, or None when it is not one year or part of one written where it stands."""
    if not p.known or not p.explicit or p.first is not None or p.last is not None:
        return None
    key = f"{p.year}{'FY' if p.fiscal else ''}"
    if p.months is not None:
        key += f"-{p.months[0]:02d}..{p.months[1]:02d}"
    if p.end:
        key += "-end"
    return key


def remembered(table: FactTable, issue: str, file: str) -> list[Said]:
    """The statements of one article's fact table worth remembering."""
    out: list[Said] = []
    for f in table.facts:
        if f.role not in ("level", "rate") or f.q.kind not in _KINDS or f.is_cell:
            continue
        if f.q.qualifier not in ("exact", "approx") or f.q.value is None:
            continue
        name = _QUOTES.sub("", " ".join(w for w in (f.item, f.subject) if w)).strip()
        if len(name) < 4 or not labels.has_content(name) or _CUMULATIVE.search(f.context or f.subject):
            continue
        period = period_key(f.period)
        if period is None:
            continue
        accepted = tolerance.interval_of(f.q, f.text)
        if not (math.isfinite(accepted.lo) and math.isfinite(accepted.hi)):
            continue
        sentence = table.sentence_of(f).words
        out.append(
            Said(
                Statement(
                    indicator=name,
                    period=period,
                    value=float(f.q.value),
                    low=accepted.lo,
                    high=accepted.hi,
                    unit=f.q.unit or "",
                    written=f.q.text,
                    issue=issue,
                    file=file,
                    line=f.place.line,
                    revised=REVISED.search(sentence) is not None,
                    sentence=sentence,
                ),
                f,
            )
        )
    return out


def same_indicator(a: Statement, b: Statement) -> bool:
    if a.period != b.period or a.unit != b.unit:
        return False
    if a.indicator == b.indicator:
        return True
    if labels.places(a.indicator) != labels.places(b.indicator) or labels.opposed(a.indicator, b.indicator):
        return False
    return (
        labels.likeness_of(a.indicator, b.indicator) >= SAME_NAME
        and labels.likeness_of(b.indicator, a.indicator) >= SAME_NAME
    )


def differ(a: Statement, b: Statement) -> bool:
    """The two values cannot be the same number at the precision each was written with."""
    return a.high < b.low or b.high < a.low


def conflicts(new: list[Said], archive: Iterable[Statement]) -> list[Finding]:
    """A finding for each new statement that contradicts the record: the statements before it
    (earlier issues, earlier articles of its issue) that were not themselves contradictions.
    A conflict is so reported once, where it is made; a later text agreeing with the first
    value is not a second conflict; a revision (修订 …) becomes the record from then on."""
    fresh = {id(n.statement): n for n in new}
    groups: dict[tuple[str, str], list[Statement]] = {}
    for st in [*archive, *(n.statement for n in new)]:
        groups.setdefault((st.period, st.unit), []).append(st)
    out: list[Finding] = []
    for group in groups.values():
        if not any(id(st) in fresh for st in group):
            continue
        record: list[Statement] = []
        for st in sorted(group, key=lambda o: (o.issue, o.file, o.line)):
            same = [o for o in record if same_indicator(st, o)]
            if st.revised:
                record = [o for o in record if o not in same] + [st]
                continue
            clash = [o for o in same if differ(st, o) and (o.issue, o.file) != (st.issue, st.file)]
            if not clash:
                record.append(st)
            elif id(st) in fresh:
                out.append(_finding(fresh[id(st)], clash))
    return out


def _finding(said: Said, clash: list[Statement]) -> Finding:
    s, f = said.statement, said.fact
    places = "；".join(f"{o.place()} 写作 {o.written}" for o in clash)
    places_en = "; ".join(f"{o.place()}: {o.written}" for o in clash)
    a, b = f.q.start, f.q.end
    return Finding(
        file=Path(s.file),
        line=s.line,
        relation=RELATION,
        verdict="inconsistent",
        text=f.text,
        spans=(f.text[a:b],),
        stated=f"{s.indicator} {s.period}：{s.written}",
        computed="、".join(o.written for o in clash),
        evidence=(
            f"同一指标、同一期间，往期所述不同：{places}。如系数据修订，请注明“修订”或“调整后” / "
            f"the archive states this indicator for the same period differently ({places_en}); "
            "mark a revision as such (修订, 调整后)"
        ),
        span_offsets=((a, b),),
        article=None,
        sentence=s.sentence,
        inputs=(
            Input(s.written, s.value, s.line, "所述"),
            *(Input(o.written, o.value, o.line, f"往期 {o.issue}期 {o.file}") for o in clash),
        ),
    )


def relative(file: Path, root: Path) -> str:
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.name


def issue_of(file: Path, root: Path) -> str:
    """The issue a file belongs to: its folder name under ``issues/`` (its date), else ``草稿``."""
    rel = relative(file, root).split("/")
    return rel[1] if len(rel) >= 3 and rel[0] == "issues" else "草稿"


def check_against_archive(
    root: Path, tables: list[FactTable], *, record: bool, issue_files: dict[str, list[Path]] | None = None
) -> list[Finding]:
    """Compare the checked articles (``tables``) with the archive of ``root`` and with each other;
    with ``record``, store what they state (their issues' rows replaced)."""
    said: dict[str, list[Said]] = {}
    for t in tables:
        file = relative(t.file, root)
        issue = issue_of(t.file, root)
        said.setdefault(issue, []).extend(remembered(t, issue, file))
    checked_files = {s.statement.file for group in said.values() for s in group} | {
        relative(t.file, root) for t in tables
    }
    with StatementStore(root) as store:
        archive = [s for s in store.all() if s.file not in checked_files]
        new = [s for group in said.values() for s in group]
        findings = conflicts(new, archive)
        if record:
            for issue, group in said.items():
                if issue == "草稿":
                    continue
                files = (issue_files or {}).get(issue, [])
                store.replace_issue(issue, fingerprint(files), [s.statement for s in group])
    # Keep the finding's file as the path the user gave, not the relative one.
    by_rel = {relative(t.file, root): t.file for t in tables}
    return [_with_file(f, by_rel.get(str(f.file), f.file)) for f in findings]


def _with_file(f: Finding, file: Path) -> Finding:
    from dataclasses import replace

    return replace(f, file=file)


def publication_root(start: Path) -> Path | None:
    start = start if start.is_dir() else start.parent
    for folder in (start, *start.parents):
        if (folder / "zhiku.yml").is_file():
            return folder
    return None


def check_paths_against_archive(paths: Iterable[Path | str], tables: list[FactTable]) -> list[Finding]:
    """The archive conflicts of what ``zhiku check`` read (its fact tables), per publication; a
    whole publication checked is also recorded, so the next check compares with it."""
    roots: dict[Path, bool] = {}
    for raw in paths:
        p = Path(raw)
        root = publication_root(p)
        if root is not None:
            whole = p.is_dir() and p.resolve() == root.resolve()
            roots[root] = roots.get(root, False) or whole
    out: list[Finding] = []
    for root, whole in roots.items():
        resolved = root.resolve()
        mine = [t for t in tables if resolved in t.file.resolve().parents]
        files = issue_files(root)
        try:
            out.extend(check_against_archive(root, mine, record=whole, issue_files=files))
            if whole:
                with StatementStore(root) as store:
                    store.forget_other_issues(files)
        except ZhikuError as err:
            # The archive is an addition to the check: without it the numbers are still checked.
            warnings.warn(
                ZhikuWarning(
                    f"未与往期核对：{err.zh}", f"not compared with the archive: {err.en}", err.file, err.line
                ),
                stacklevel=1,
            )
    return out


def record_publication(
    root: Path,
    checked: Mapping[str, list[FactTable]] | None = None,
    pending: tuple[dict[str, list[Path]], list[str]] | None = None,
) -> int:
    """After ``zhiku build``: store what every changed issue states; the number of issues read.

    ``checked``: the fact tables the build's number check made, by issue folder name; an issue
    among them is not read and tabled a second time. ``pending``: what ``pending_issues(root)``
    has just returned, so the issues' files are not read and hashed again."""
    from zhiku.claims.document import from_article
    from zhiku.claims.engine import build_table
    from zhiku.data import open_store
    from zhiku.sources import read_publication

    files, changed = pending if pending is not None else pending_issues(root)
    if not changed:
        return 0
    known = checked or {}
    tables: list[FactTable] = [t for name in changed if name in known for t in known[name]]
    unread = [name for name in changed if name not in known]
    if unread:
        publication = read_publication(root)
        data = open_store(root)
        for issue in publication.issues:
            if issue.source.file.parent.name in unread:
                for article in issue.articles:
                    tables.append(build_table(from_article(article), data, reference_date=issue.date))
    check_against_archive(root, tables, record=True, issue_files=files)
    return len(changed)


def record_issue(root: Path, issue: str, tables: list[FactTable]) -> None:
    """Store what one issue (its folder name) states, from the fact tables its check made: the
    forked check of ``zhiku build`` (``zhiku.site.checkfork``), so that the build's own
    ``record_publication`` finds it recorded."""
    files = issue_files(root).get(issue)
    if files is not None:
        check_against_archive(root, tables, record=True, issue_files={issue: files})


def find(root: Path, query: str) -> list[Statement]:
    """Every statement of the archive whose indicator is ``query`` or holds it (``zhiku facts``)."""
    q = _QUOTES.sub("", query).strip()
    with StatementStore(root) as store:
        rows = list(store.all())
    return sorted(
        (s for s in rows if q in s.indicator or labels.likeness(q, s.indicator) >= 0.75),
        key=lambda s: (s.indicator, s.period, s.issue, s.file, s.line),
    )
