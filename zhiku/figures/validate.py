"""Everything a build of a publication would reject, found in one pass and listed together.

It lives in the figures stage, the last one it needs (the sources, the data store and the
figure blocks' resolution); ``zhiku show`` loads nothing later (no renderer, no Typst).

``zhiku show`` runs this before an editor builds: every issue and article is read (a mistake in
one does not hide the others), and every reference is followed — each ``data/*.csv`` file's
columns and values, each figure's series against the store (name, kind, periods, units), each
picture file, each note, citation and cross-reference. The build itself stops at the first.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

from zhiku.errors import ZhikuError, ZhikuWarning
from zhiku.model import Figure, Image, Issue, Publication


@dataclass
class Validation:
    """What ``validate_publication`` found: the publication as far as it could be read, every
    problem (one line each, file and line) and every warning."""

    publication: Publication | None
    problems: list[ZhikuError] = field(default_factory=list)
    warnings: list[ZhikuWarning] = field(default_factory=list)


def _data_problems(root: Path, problems: list[ZhikuError]) -> set[str]:
    """Each CSV file read on its own (so one bad file does not hide another's mistakes); the
    series ids they define."""
    from zhiku.data import read_series_csv
    from zhiku.sources import read_text

    ids: set[str] = set()
    folder = root / "data"
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else ():
        try:
            ids.update(s.info.id for s in read_series_csv(read_text(path), path))
        except ZhikuError as err:
            problems.append(err)
    return ids


def _check_issue(
    issue: Issue, root: Path, store: object | None, known: set[str], problems: list[ZhikuError]
) -> None:
    """Pictures (format, place, SVG) and figures (against the store; with no store, their series
    names against ``known``)."""
    from zhiku.sources.pictures import read_picture

    for article in issue.articles:
        for block in article.walk_blocks():
            try:
                if isinstance(block, Image) and block.path.is_file():  # a missing one is reported
                    read_picture(block, root)
                elif isinstance(block, Figure) and block.series and store is not None:
                    from zhiku.figures import resolve

                    resolve(block, store)  # type: ignore[arg-type]
                elif isinstance(block, Figure):
                    for sid in block.series:
                        for one in (s.strip() for s in sid.replace("，", ",").split(",")):
                            if one and one not in known:
                                raise ZhikuError(
                                    f"数据库里没有序列 {one}", f"no series {one} in the store", *_at(block)
                                )
            except ZhikuError as err:
                problems.append(err)


def _at(block: Figure) -> tuple[Path, int]:
    return block.source.file, block.source.line


def validate_publication(root: Path | str) -> Validation:
    """Read and check the whole publication at ``root``; never raises a ZhikuError."""
    from zhiku.sources import read_publication

    root = Path(root)
    result = Validation(None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result.publication = read_publication(root, result.problems)
        except ZhikuError as err:
            result.problems.append(err)
        csv_problems: list[ZhikuError] = []
        known = _data_problems(root, csv_problems)
        result.problems.extend(csv_problems)
        if result.publication is not None:
            from zhiku.data import bundled_store, open_store

            store = None
            try:
                if csv_problems:
                    # With a broken CSV the publication's store cannot be built: series names
                    # are checked against the bundled series and the files that could be read.
                    known |= {s.id for s in bundled_store().list_series()}
                else:
                    store = open_store(root)
            except ZhikuError as err:
                result.problems.append(err)
            for issue in result.publication.issues:
                _check_issue(issue, root, store, known, result.problems)
            if store is not None:
                store.close()
    for w in caught:
        if isinstance(w.message, ZhikuWarning):
            result.warnings.append(w.message)
    result.problems = _unique(result.problems)
    return result


def _unique(problems: list[ZhikuError]) -> list[ZhikuError]:
    seen: set[str] = set()
    out: list[ZhikuError] = []
    for p in problems:
        if p.message not in seen:
            seen.add(p.message)
            out.append(p)
    return sorted(out, key=lambda p: (str(p.file or ""), p.line or 0))
