"""Reading the publication for a build without parsing the issues that did not change.

A full read parses every issue's YAML and Markdown (2 s for 1,000 issues); a rebuild after one
edit needs only the edited issue parsed. ``<publication>/.zhiku/site/sources.json`` keeps, per
issue folder, the parsed ``Issue`` with the size, modification time and SHA-256 of each of its
files. An issue is re-read when a file's size or time differs and its content hash does too
(a file saved unchanged is not re-parsed). Times too close to when they were recorded are not
trusted — a file can change twice within one tick of the file system's clock — and are checked
by content hash instead, as git does for its index.

The parsed objects are kept as JSON (``cachecodec``: data, never code), in a record signed
with this user's key (``zhiku.integrity``): the ``.zhiku/`` folder travels with the
publication, so a record another user or machine wrote, or one edited by hand, is ignored, as
is one from another zhiku, cache format or publication location. Paths in it are relative to
the publication and must resolve inside it.

The SHA-256s also serve the rendering cache's keys (``cache.issue_key``), so a build hashes a
file's content only when its size or time changed.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from zhiku import sources
from zhiku.integrity import read_signed, write_signed
from zhiku.model import Article, Issue, Paragraph, Publication
from zhiku.render.text import join_soft_breaks
from zhiku.site.cache import cache_root, code_version
from zhiku.site.cachecodec import CacheFormatError, Decoder, encode, model_classes
from zhiku.sources.publication import check_citations
from zhiku.sources.references import REFERENCE_FILES

FORMAT = "3"
SCHEMA = 1  # of the signed record
KIND = "sources"
CACHE_FILE = "sources.json"
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


def _load(path: Path, header: tuple[str, str, str], root: Path) -> _Cache | None:
    """The cache at ``path`` if it is one this user's zhiku wrote for ``header`` (else None:
    an older, foreign or damaged cache is only a slower build)."""
    body = read_signed(path, KIND, SCHEMA)
    if not isinstance(body, dict) or body.get("header") != list(header):
        return None
    decode = Decoder(model_classes(), root)
    try:
        pub = body["publication"]
        publication = decode(pub["publication"])
        if not isinstance(publication, Publication):
            return None
        issues: dict[str, _Entry] = {}
        for name, entry in body["issues"].items():
            issue = decode(entry["issue"])
            leads = entry["leads"]
            if "/" in name or not isinstance(issue, Issue) or not isinstance(leads, dict):
                return None
            issues[name] = _Entry(
                _states(entry["files"]), int(entry["recorded_ns"]), issue,
                {str(k): str(v) for k, v in leads.items()},
            )
        return _Cache(header, _PublicationEntry(_states(pub["files"]), int(pub["recorded_ns"]), publication),
                      issues)
    except (CacheFormatError, KeyError, TypeError, ValueError, AttributeError):
        return None


def _states(data: Any) -> FileStates:
    if not isinstance(data, dict):
        raise CacheFormatError("file states")
    return {str(rel): (int(v[0]), int(v[1]), bytes.fromhex(v[2])) for rel, v in data.items()}


def _save(path: Path, cached: _Cache, root: Path) -> None:
    def states(files: FileStates) -> dict[str, list[Any]]:
        return {rel: [size, mtime, sha.hex()] for rel, (size, mtime, sha) in files.items()}

    try:
        body = {
            "header": list(cached.header),
            "publication": {
                "files": states(cached.publication.files),
                "recorded_ns": cached.publication.recorded_ns,
                "publication": encode(cached.publication.publication, root),
            },
            "issues": {
                name: {
                    "files": states(e.files), "recorded_ns": e.recorded_ns,
                    "issue": encode(e.issue, root), "leads": e.leads,
                }
                for name, e in cached.issues.items()
            },
        }
    except CacheFormatError:  # something that cannot be kept (a path outside): no cache
        return
    write_signed(path, KIND, SCHEMA, body)


def read_publication(root: Path) -> SourceRead:
    """The publication at ``root`` (an absolute path), as ``zhiku.sources.read_publication``
    reads it, parsing only what changed since the last build. Errors are the reader's own."""
    now = time.time_ns()
    header = (FORMAT, code_version(), str(root))
    path = cache_root(root) / CACHE_FILE
    old = _load(path, header, root)
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
        _save(path, _Cache(header, _PublicationEntry(pub_states, now, meta), entries), root)
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
