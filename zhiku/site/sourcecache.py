"""Reading the publication for a build without parsing the issues that did not change.

A full read parses every issue's YAML and Markdown (2 s for 1,000 issues); a rebuild after one
edit needs only the edited issue parsed. ``<publication>/.zhiku/site/sources.pickle`` keeps, per
issue folder, the parsed ``Issue`` with the size, modification time and SHA-256 of each of its
files. An issue is re-read when a file's size or time differs and its content hash does too
(a file saved unchanged is not re-parsed). Times too close to when they were recorded are not
trusted — a file can change twice within one tick of the file system's clock — and are checked
by content hash instead, as git does for its index.

The parsed objects are Python's own (pickle): zhiku's model has no other serialisation. The
cache lives in the publication's own ``.zhiku/`` folder, which only its owner writes, and is
ignored when zhiku's code, the cache format or the publication's location differ.

The SHA-256s also serve the rendering cache's keys (``cache.issue_key``), so a build hashes a
file's content only when its size or time changed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from zhiku import sources
from zhiku.model import Article, Issue, Paragraph, Publication
from zhiku.render.text import join_soft_breaks
from zhiku.site.cache import cache_root, code_version
from zhiku.sources.publication import check_citations
from zhiku.sources.references import REFERENCE_FILES

FORMAT = "2"
CACHE_FILE = "sources.pickle"
ISSUES_DIR = "issues"  # as zhiku.sources reads it
PUBLICATION_FILE = "zhiku.yml"
# A modification time this close to when it was recorded may hide a second change in the same
# clock tick (coarse file-system timestamps); such files are checked by content.
RACY_NS = 2_000_000_000

# path relative to the issue folder → (size, mtime_ns, sha256)
FileStates = dict[str, tuple[int, int, bytes]]


@dataclass(frozen=True)
class _Entry:
    files: FileStates
    recorded_ns: int  # when the states were taken
    issue: Issue  # its outline: articles without their text (see outline())
    leads: dict[str, str]  # each article's plain-text lead, by slug


@dataclass(frozen=True)
class _PublicationEntry:
    files: FileStates  # zhiku.yml
    recorded_ns: int
    publication: Publication  # with issues=()


@dataclass(frozen=True)
class _Cache:
    header: tuple[str, str, str]  # (format, zhiku's code version, publication root)
    publication: _PublicationEntry
    issues: dict[str, _Entry]  # by issue folder name


@dataclass(frozen=True)
class SourceRead:
    """The publication as read. Issues parsed this time are whole; the others are outlines
    (titles, tags, dates, sources: what the archive pages list), whose full text ``full()``
    reads when one must be rendered after all (its rendered outputs were not in the cache)."""

    publication: Publication
    # Per issue folder, each of its files' SHA-256 by path (for the rendering cache's keys).
    digests: dict[Path, dict[Path, bytes]]
    parsed: tuple[str, ...]  # issue folders parsed this time (the others came from the cache)
    leads: dict[tuple[str, str], str]  # (issue date, article slug) → plain-text lead

    def full(self, issue: Issue) -> Issue:
        folder = _folder_of(issue)
        return issue if folder.name in self.parsed else sources.read_issue(folder)


def lead(article: Article) -> str:
    """A plain-text lead for the feed: the front-matter summary, else the first paragraph."""
    if article.summary:
        return article.summary
    for block in article.walk_blocks():
        if isinstance(block, Paragraph):
            # Soft line breaks vanish between CJK characters and stay a space between Latin words.
            text = join_soft_breaks(str(sources.inline_to_plain(block.text)))
            return text if len(text) <= 200 else text[:200] + "……"
    return ""


def outline(issue: Issue) -> Issue:
    """The issue without its articles' text: what is kept (and loaded every build) for issues
    that did not change. The text is a hundred times the rest."""
    return replace(issue, articles=tuple(replace(a, blocks=(), sections=()) for a in issue.articles))


def _stat_tree(folder: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) of every file under ``folder``, skipping hidden files and folders as
    ``cache._tree_files`` does."""
    found: dict[str, tuple[int, int]] = {}

    def walk(d: str, prefix: str) -> None:
        with os.scandir(d) as it:
            for e in it:
                if e.name.startswith(".") or e.name == "__pycache__":
                    continue
                if e.is_dir():
                    walk(e.path, f"{prefix}{e.name}/")
                elif e.is_file():
                    st = e.stat()
                    found[f"{prefix}{e.name}"] = (st.st_size, st.st_mtime_ns)

    walk(str(folder), "")
    return found


def _sha(path: Path) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def _reuse(
    folder: Path, stats: dict[str, tuple[int, int]], entry: _Entry | _PublicationEntry | None
) -> tuple[FileStates, bool]:
    """The folder's file states and whether ``entry`` (the cached parse) still holds for them."""
    if entry is not None and set(stats) == set(entry.files):
        trusted = all(
            entry.files[rel][:2] == st and st[1] < entry.recorded_ns - RACY_NS for rel, st in stats.items()
        )
        if trusted:
            return entry.files, True
    states = {rel: (st[0], st[1], _sha(folder / rel)) for rel, st in stats.items()}
    same = (
        entry is not None
        and states.keys() == entry.files.keys()
        and all(s[2] == entry.files[rel][2] for rel, s in states.items())
    )
    return states, same


def _load(path: Path, header: tuple[str, str, str]) -> _Cache | None:
    try:
        with path.open("rb") as f:
            cached = pickle.load(f)
    except Exception:  # an older or damaged cache is only a slower build
        return None
    return cached if isinstance(cached, _Cache) and cached.header == header else None


def _save(path: Path, cached: _Cache) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(cached, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_publication(root: Path) -> SourceRead:
    """The publication at ``root`` (an absolute path), as ``zhiku.sources.read_publication``
    reads it, parsing only what changed since the last build. Errors are the reader's own."""
    now = time.time_ns()
    header = (FORMAT, code_version(), str(root))
    path = cache_root(root) / CACHE_FILE
    old = _load(path, header)
    issues_dir = root / ISSUES_DIR
    folders = (
        sorted(p for p in issues_dir.iterdir() if not p.name.startswith(".") and p.is_dir())
        if issues_dir.is_dir()
        else []
    )
    # States are taken before anything is read: a file changed during the build looks changed
    # next time, never the other way round.
    pub_stats = {}
    # zhiku.yml and the reference files: the Publication holds both (its references too).
    for name in (PUBLICATION_FILE, *REFERENCE_FILES):
        if (root / name).is_file():
            st = (root / name).stat()
            pub_stats[name] = (st.st_size, st.st_mtime_ns)
    pub_states, pub_same = _reuse(root, pub_stats, old.publication if old else None)
    all_stats = {f.name: _stat_tree(f) for f in folders}
    checked = {
        f.name: _reuse(f, all_stats[f.name], old.issues.get(f.name) if old else None) for f in folders
    }

    fresh: dict[str, Issue] = {}
    leads: dict[str, dict[str, str]] = {}
    parsed: list[str] = []
    if old is None or not pub_same:
        full = sources.read_publication(root)  # no cache, or zhiku.yml changed: read it all
        meta = replace(full, issues=())
        fresh = {_folder_of(i).name: i for i in full.issues}
        parsed = [f.name for f in folders]
    else:
        meta = old.publication.publication
        for f in folders:
            cached = old.issues.get(f.name)
            if checked[f.name][1] and cached is not None and _self_contained(cached.issue, f):
                fresh[f.name] = cached.issue
                leads[f.name] = cached.leads
            else:
                fresh[f.name] = sources.read_issue(f)
                check_citations(fresh[f.name], meta.references)
                parsed.append(f.name)
    for name in parsed:
        leads[name] = {a.slug: lead(a) for a in fresh[name].articles}
    publication = replace(meta, issues=tuple(sorted(fresh.values(), key=lambda i: i.date)))

    entries = {  # (outlines of cached issues are outlines already; outline() is idempotent)
        f.name: _Entry(checked[f.name][0], now, outline(fresh[f.name]), leads[f.name]) for f in folders
    }
    if old is None or parsed or not pub_same or entries.keys() != old.issues.keys() or any(
        e.files != old.issues[n].files for n, e in entries.items()
    ) or pub_states != old.publication.files:
        _save(path, _Cache(header, _PublicationEntry(pub_states, now, meta), entries))
    digests = {f: {f / rel: state[2] for rel, state in checked[f.name][0].items()} for f in folders}
    by_date = {
        (fresh[name].date.isoformat(), slug): text
        for name, per in leads.items()
        for slug, text in per.items()
    }
    return SourceRead(publication, digests, tuple(parsed), by_date)


def _self_contained(issue: Issue, folder: Path) -> bool:
    """Whether every file the issue was read from lies in its folder (the states cover them);
    an article listed from elsewhere (../other.md) is read anew each time."""
    return all(a.source.file.parent == folder for a in issue.articles)


def _folder_of(issue: Issue) -> Path:
    return issue.source.file if issue.source.file.is_dir() else issue.source.file.parent
